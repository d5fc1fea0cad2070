// node.js - Duplex's web build in a terminal, through Node: the `./duplex`
// launcher.
//
//   ./duplex                 the shell, in raw mode: keys (^C, ^Z ...) go to
//                            Duplex's tty; `exit` or `poweroff` leaves
//   ./duplex -c 'LINE'       boot, run LINE with sh -c, print its stdout on
//                            stdout and its stderr on stderr, exit with its status
//
// The same runtime module (runtime.js) runs the page in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Duplex } from './runtime.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = path.join(root, 'build', 'web');

function usage() {
  process.stderr.write("usage: duplex [-c 'COMMAND LINE']\n");
  process.exit(2);
}

// Build what is missing, quietly, the first time.
function ensureBuilt() {
  if (fs.existsSync(path.join(build, 'kernel.wasm')) && fs.existsSync(path.join(build, 'initramfs.tar')))
    return;
  execFileSync('make', ['-s', '-C', root, 'web'], { stdio: ['ignore', 'inherit', 'inherit'] });
}

export async function boot({ argv, console: con, host, poweroff }) {
  const dx = new Duplex({
    kernel: fs.readFileSync(path.join(build, 'kernel.wasm')),
    initramfs: fs.readFileSync(path.join(build, 'initramfs.tar')),
    console: con,
    host,
    poweroff,
    panic: (msg) => {
      process.stderr.write(`\nduplex: kernel panic: ${msg}\n`);
      process.exit(70);
    },
  });
  await dx.boot(argv);
  return dx;
}

function leave(code) {
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

async function runCommand(line) {
  const piped = !process.stdin.isTTY;
  const dx = await boot({
    argv: piped ? ['init', '-n', '-c', line] : ['init', '-c', line],
    console: (bytes, done) => done(),        // the tty's echo: not output
    host: (stream, bytes) => (stream === 2 ? process.stderr : process.stdout).write(bytes),
    poweroff: leave,
  });
  // Piped standard input reaches the shell through /dev/hostin, only as
  // fast as it is read (the source is paused while much is waiting);
  // from a terminal it goes through the console.
  if (piped) {
    dx.onHostDrain = () => process.stdin.resume();
    process.stdin.on('data', (d) => {
      if (dx.hostInput(new Uint8Array(d)) > (1 << 20)) process.stdin.pause();
    });
    process.stdin.on('end', () => dx.hostInput(null));
  } else {
    process.stdin.setRawMode(true);
    process.stdin.on('data', (d) => dx.input(new Uint8Array(d)));
  }
}

async function interactive() {
  const out = process.stdout;
  const dx = await boot({
    argv: ['init', '--once'],
    // Shown once written out: a terminal's writes block Node until the
    // terminal takes them, so this callback (on the next turn of the event
    // loop) is what lets typed keys, ^C among them, in between.
    console: (bytes, done) => out.write(bytes, () => done()),
    poweroff: leave,
  });
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  process.stdin.on('data', (d) => dx.input(new Uint8Array(d)));
  const size = () => out.isTTY && dx.resize(out.rows, out.columns);
  size();
  out.on('resize', size);
}

async function main(args) {
  ensureBuilt();
  if (args.length === 0) return interactive();
  if (args[0] === '-c' && args.length === 2) return runCommand(args[1]);
  usage();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  main(process.argv.slice(2));
