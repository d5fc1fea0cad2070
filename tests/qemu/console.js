// console.js - the console under a flood on arm64: `./duplex --target
// arm64` in a pseudo-terminal, `yes` (and others) then ^C, the prompt back
// within 200 ms. Part of tests/qemu/launcher.sh; prints a line per check.
import { floodInTerminal } from '../node/terminal.js';

let failed = 0;
for (const r of await floodInTerminal(['--target', 'arm64'])) {
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} console: ${r.name}`);
  failed += !r.ok;
}
process.exit(failed ? 1 : 0);
