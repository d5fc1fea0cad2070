#!/usr/bin/env node
// preempt.js - the preemption pass (web/preempt.js) on files, for the
// Makefile: it runs on each linked program before asyncify.
//
//   node tools/preempt.js [-v] [-t TRUSTED] IN.wasm OUT.wasm [IN.wasm OUT.wasm ...]
//
// TRUSTED is a file of trusted function names, one a line (the Makefile's
// obj/NAME/trusted.names). Several pairs are one run: binaryen.js takes
// most of a second to load, the pass a fraction of that.
import fs from 'node:fs';
import binaryen from 'binaryen';
import { addPreemptionPoints } from '../web/preempt.js';

const args = process.argv.slice(2);
let verbose = false, trusted = [];
while (args.length && args[0].startsWith('-')) {
  const a = args.shift();
  if (a === '-v') verbose = true;
  else if (a === '-t' && args.length) trusted = fs.readFileSync(args.shift(), 'utf8').split('\n').filter(Boolean);
  else { args.unshift(a); break; }
}
if (args.length === 0 || args.length % 2 !== 0) {
  process.stderr.write('usage: preempt [-v] [-t TRUSTED] IN.wasm OUT.wasm [IN.wasm OUT.wasm ...]\n');
  process.exit(2);
}
for (let i = 0; i < args.length; i += 2) {
  const [input, output] = [args[i], args[i + 1]];
  binaryen.setDebugInfo(true);          // keep the names, for whoever reads the output
  const mod = binaryen.readBinary(fs.readFileSync(input));
  try {
    addPreemptionPoints(binaryen, mod, {
      trusted, log: verbose ? (line) => process.stderr.write(`${line.startsWith(' ') ? '' : `${input}: `}${line}\n`) : null,
    });
  } catch (e) {
    process.stderr.write(`preempt: ${e.message}: ${input}\n`);
    process.exit(1);
  }
  fs.writeFileSync(output, mod.emitBinary());
  mod.dispose();
}
