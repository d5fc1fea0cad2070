// node.js - Duplex's web build in a terminal, through Node: the `./duplex`
// launcher.
//
//   ./duplex                 the shell, in raw mode: keys (^C, ^Z ...) go to
//                            Duplex's tty; `exit [N]` or `poweroff` leaves,
//                            and ./duplex exits with N (poweroff: 0)
//   ./duplex -c 'LINE'       boot, run LINE with sh -c, print its stdout on
//                            stdout and its stderr on stderr, exit with its status
//   ./duplex --add FILE ...  (before -c, repeatable) the program FILE (a .wasm
//                            file: tools/duplex-cc's, or a WASI program) is
//                            /usr/bin/NAME for this run, NAME being FILE's name
//                            without .wasm
//   ./duplex --mount DIR ...  (before -c) the host's folder DIR is /mnt,
//                            kept in step both ways while the machine
//                            runs (mount.js says how, and what cannot cross)
//
// Exit status: the shell's or LINE's, or
//   70  a kernel panic (the message is on stderr);
//   71  a deadlock: every process waits for something that can never come
//       (no process can run, no timer is armed, and no input can arrive:
//       standard input is not a terminal and has ended). Instead of ending
//       as if all went well, the launcher says so on stderr, with the
//       process table as ps shows it;
//    2  a bad command line (LINE longer than ARG_MAX, 65536 bytes: the
//       machine's limit for a program's arguments; a --mount DIR that is
//       not a directory);
//    1  the build failed.
//
// First the build is brought up to date (`make web`, through
// tools/ensure-built.sh): silent when there is nothing to do, one line on
// stderr when there is.
//
// Without a terminal, standard input goes to LINE through /dev/hostin (with
// -c), or to the console, followed by a ^D at its end (the shell).
//
// The same runtime module (runtime.js) runs the page in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Duplex } from './runtime.js';
import { ustarWith } from './ustar.js';
import { HostFolder } from './mount.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = path.join(root, 'build', 'web');

export const PANIC = 70;
export const DEADLOCK = 71;
const ARG_MAX = 65536;                 // kernel/uapi/limits.h

function usage() {
  process.stderr.write("usage: duplex [--add PROGRAM.wasm]... [--mount DIR] [-c 'COMMAND LINE']\n");
  process.exit(2);
}

function ensureBuilt() {
  try {
    execFileSync(path.join(root, 'tools', 'ensure-built.sh'), ['web'],
      { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    process.exit(1);                  // the script has shown why
  }
}

// What a launcher says when the machine can never do anything again.
export function deadlockReport(dx) {
  return 'duplex: deadlock: every process is blocked and no input or timer can wake one\n' +
    '  PID STAT WCHAN            CMD\n' + dx.processes();
}

// The programs of --add, as files of the boot archive: [{ name, data, mode }].
const added = [];

function addProgram(file) {
  if (!fs.existsSync(file) && fs.existsSync(file + '.wasm')) file += '.wasm';
  let data;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    process.stderr.write(`duplex: --add ${file}: ${e.code === 'ENOENT' ? 'No such file or directory' : e.message}\n`);
    process.exit(2);
  }
  added.push({ name: 'usr/bin/' + path.basename(file).replace(/\.wasm$/, ''), data, mode: 0o755 });
}

// A WASI program made ready to run (tools/wasi-prep), at its first exec,
// and kept in build/wasi/ under the hash of its bytes: the next run of the
// same program takes the kept one.
export function prepareWasi(bytes) {
  const dir = path.join(root, 'build', 'wasi');
  const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const out = path.join(dir, `${hash}.wasm`);
  if (!fs.existsSync(out)) {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `${hash}.${process.pid}.in.wasm`);
    fs.writeFileSync(tmp, bytes);
    try {
      execFileSync(path.join(root, 'tools', 'wasi-prep'), [tmp, out + `.${process.pid}`],
        { stdio: ['ignore', 'ignore', 'inherit'] });
      fs.renameSync(out + `.${process.pid}`, out);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  return fs.readFileSync(out);
}

// --mount DIR: the host's folder kept in step with /mnt (mount.js).
let folder = null;

function mountFolder(dir) {
  const why = HostFolder.problem(dir);
  if (why) {
    process.stderr.write(`duplex: --mount ${dir}: ${why}\n`);
    process.exit(2);
  }
  folder = new HostFolder(dir, (line) => process.stderr.write(line + '\n'));
}

export async function boot({ argv, console: con, host, poweroff }) {
  const initramfs = fs.readFileSync(path.join(build, 'initramfs.tar'));
  const dx = new Duplex({
    kernel: fs.readFileSync(path.join(build, 'kernel.wasm')),
    initramfs: added.length ? ustarWith(initramfs, added) : initramfs,
    console: con,
    host,
    poweroff,
    prepareWasi,
    restore: folder ? folder.bootArchive() : undefined,
    sync: folder ? () => folder.sync() : undefined,
    panic: (msg) => {
      process.stderr.write(`\nduplex: kernel panic: ${msg}\n`);
      process.exit(PANIC);
    },
  });
  await dx.boot(argv);
  if (folder) folder.attach(dx);
  watchDeadlock(dx);
  return dx;
}

function leave(code) {
  if (folder) folder.flush();        // the machine's last changes to the host's folder
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

// Node ends when nothing is left in its event loop. While the machine
// runs, something always is: its next time slice, an armed timer, a
// standard input still open. So if Node is about to end and the machine has
// not been switched off, nothing can ever wake it again.
function watchDeadlock(dx) {
  process.once('beforeExit', () => {
    if (dx.halted) return;
    process.stderr.write(deadlockReport(dx));
    leave(DEADLOCK);
  });
}

// /dev/hostout and /dev/hosterr: the host's stdout and stderr. Once a
// stream's reader is gone (`./duplex -c yes | head`), this returns false and
// the writer in the machine gets EPIPE and SIGPIPE, as a host program would.
const gone = new Set();
function hostWrite(stream, bytes) {
  if (gone.has(stream)) return false;
  (stream === 2 ? process.stderr : process.stdout).write(bytes);
  return true;
}
for (const [n, s] of [[1, process.stdout], [2, process.stderr]]) {
  s.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
    gone.add(n);
  });
}

async function runCommand(line) {
  const piped = !process.stdin.isTTY;
  const dx = await boot({
    argv: piped ? ['init', '-n', '-c', line] : ['init', '-c', line],
    console: (bytes, done) => done(),        // the tty's echo: not output
    host: hostWrite,
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
  else process.stdin.on('end', () => dx.input(new Uint8Array([4])));     // ^D: end of file
  process.stdin.on('data', (d) => dx.input(new Uint8Array(d)));
  const size = () => out.isTTY && dx.resize(out.rows, out.columns);
  size();
  out.on('resize', size);
}

async function main(args) {
  while (args[0] === '--add' || args[0] === '--mount') {
    if (args.length < 2 || (args[0] === '--mount' && folder)) usage();
    if (args[0] === '--add') addProgram(args[1]);
    else mountFolder(args[1]);
    args = args.slice(2);
  }
  if (args.length !== 0 && (args.length !== 2 || args[0] !== '-c')) usage();
  const bytes = args.length ? Buffer.byteLength(args[1]) : 0;
  if (bytes > ARG_MAX) {
    process.stderr.write(`duplex: the command line is ${bytes} bytes long; ` +
      `at most ${ARG_MAX} (ARG_MAX) fit\n`);
    process.exit(2);
  }
  ensureBuilt();
  return args.length ? runCommand(args[1]) : interactive();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  main(process.argv.slice(2));
