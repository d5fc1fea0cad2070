// harness.js - boot Duplex's web build inside this Node process and run one
// command line on it, as `./duplex -c` does, but without a new Node each
// time: compiled program modules are shared between boots.
//
//   const { stdout, stderr, code } = await runLine('echo hi', { stdin: 'x' });
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duplex } from '../../web/runtime.js';
import { deadlockReport } from '../../web/node.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const build = path.join(root, 'build', 'web');

let files;
function buildFiles() {
  if (!files) {
    for (const f of ['kernel.wasm', 'initramfs.tar'])
      if (!fs.existsSync(path.join(build, f)))
        throw new Error(`build/web/${f} is missing: run make web first`);
    files = {
      kernel: fs.readFileSync(path.join(build, 'kernel.wasm')),
      initramfs: fs.readFileSync(path.join(build, 'initramfs.tar')),
    };
  }
  return files;
}

// The web build's kernel with another initramfs (`make bench` compares
// /bin with and without preemption points: build/plain/initramfs.tar).
export function filesWith(initramfs) {
  return { kernel: buildFiles().kernel, initramfs: fs.readFileSync(initramfs) };
}

const modules = new Map();          // compiled programs, shared by every boot

// Boot, run `sh -c line`, collect its stdout and stderr, resolve when it
// powers off. timeoutMs guards against a hang (the test fails, not blocks).
// files: the kernel and initramfs to boot (filesWith), if not the web
// build's; onHost: also told of each write to the host's streams, at once.
// A deadlock fails at once, as ./duplex reports it: once stdin (if any) is
// all given, no input can come, so a machine with nothing runnable and no
// timer armed is stuck; the error (err.deadlock) shows the process table.
// opts: more of the runtime's options (fetchFile, warn).
export function runLine(line, { stdin = null, timeoutMs = 60000, console: con, files: use,
  onHost, opts = {} } = {}) {
  return new Promise((resolve, reject) => {
    const out = [], err = [], tty = [];
    const dx = new Duplex({
      ...(use || buildFiles()),
      ...opts,
      console: (b, done) => { tty.push(Buffer.from(b)); if (con) con(b); done(); },
      host: (stream, b) => {
        (stream === 2 ? err : out).push(Buffer.from(b));
        if (onHost) onHost(stream, b);
      },
      poweroff: (code) => {
        clearTimeout(timer);
        resolve({
          stdout: Buffer.concat(out).toString('latin1'),
          stderr: Buffer.concat(err).toString('latin1'),
          tty: Buffer.concat(tty).toString('latin1'),
          code,
          dx,
        });
      },
      panic: (msg) => { clearTimeout(timer); reject(new Error(`kernel panic: ${msg}`)); },
    });
    dx.modules = modules;
    let inputDone = stdin === null;
    dx.onIdle = () => {
      if (!inputDone || !dx.idle()) return;
      clearTimeout(timer);
      reject(Object.assign(new Error(`${deadlockReport(dx)}while running: ${line}`),
        { deadlock: true }));
      dx.halted = true;
    };
    const timer = setTimeout(() => {
      dx.halted = true;
      reject(new Error(`timed out after ${timeoutMs} ms: ${line}\nstdout so far: ` +
        Buffer.concat(out).toString().slice(-2000)));
    }, timeoutMs);
    const argv = stdin === null ? ['init', '-c', line] : ['init', '-n', '-c', line];
    dx.boot(argv).then(() => {
      if (stdin !== null) {
        dx.hostInput(typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin);
        inputDone = true;
        dx.hostInput(null);
      }
    }, reject);
  });
}

// Boot Duplex as the page does (`init`, the shell on the console) with
// `show(bytes, done)` as its terminal (by default one that shows all at
// once), and prepareWasi as the page's (wasiprep.test.js). Returns the runtime,
// with `typed(s)` to type, `screen()` for the
// last 64 KiB shown (latin1) and `shownBytes`, the count of all shown.
export async function bootConsole({ argv = ['init'], show, consoleAhead, prepareWasi } = {}) {
  let tail = '';
  const keep = (b) => {
    tail = (tail + Buffer.from(b).toString('latin1')).slice(-65536);
    dx.shownBytes += b.length;
  };
  const dx = new Duplex({
    ...buildFiles(),
    consoleAhead,
    prepareWasi,
    console: (b, done) => {
      if (show) return show(b, () => { keep(b); done(); });
      keep(b);
      done();
    },
    poweroff: () => {},
    panic: (msg) => { dx.panicMessage = msg; },
  });
  dx.modules = modules;
  dx.shownBytes = 0;
  dx.typed = (str) => dx.input(new TextEncoder().encode(str));
  dx.screen = () => tail;
  await dx.boot(argv);
  return dx;
}

// Resolve once pred(screen) holds, polling every few milliseconds; reject
// after ms with what the screen ends with.
export function screenShows(dx, pred, what, ms = 20000) {
  return new Promise((resolve, reject) => {
    const end = Date.now() + ms;
    const poll = () => {
      const s = dx.screen();
      if (pred(s)) return resolve(s);
      if (dx.panicMessage) return reject(new Error(`kernel panic: ${dx.panicMessage}`));
      if (Date.now() > end) return reject(new Error(`no ${what}; the screen ends:\n${s.slice(-500)}`));
      setTimeout(poll, 2);
    };
    poll();
  });
}

// Boot with argv (by default `init`, the interactive shell, as the page
// does) and talk to the console as a terminal would: type bytes, wait for
// what the console prints. A kernel panic makes every wait fail.
//
//   const c = await bootTerminal();
//   await c.waitFor('duplex$ ');
//   c.type('echo hi\r');
//   await c.waitFor('hi\r\n');
export async function bootTerminal(argv = ['init'], { rows = 24, cols = 80 } = {}) {
  let text = '';
  const host = ['', ''];
  let panic = null;
  let code = null;
  const waiters = new Set();
  const check = () => { for (const w of waiters) w(); };
  const dx = new Duplex({
    ...buildFiles(),
    console: (b, done) => { text += Buffer.from(b).toString('latin1'); done(); check(); },
    host: (stream, b) => { host[stream - 1] += Buffer.from(b).toString('latin1'); },
    poweroff: (c) => { code = c; check(); },
    panic: (msg) => { panic = msg; check(); },
  });
  dx.modules = modules;
  await dx.boot(argv);
  dx.resize(rows, cols);
  const c = {
    dx,
    get text() { return text; },
    get code() { return code; },
    get stdout() { return host[0]; },            // /dev/hostout and /dev/hosterr
    get stderr() { return host[1]; },
    mark() { return text.length; },
    type(s) { dx.input(s); },
    // Resolve with the console's text once `what` (a string or a RegExp)
    // appears in it after offset `from`; fail after timeoutMs.
    waitFor(what, { from = 0, timeoutMs = 20000 } = {}) {
      const found = () => (typeof what === 'string' ? text.indexOf(what, from) >= 0
        : what.test(text.slice(from)));
      return new Promise((resolve, reject) => {
        const w = () => {
          if (panic) done(reject, new Error(`kernel panic: ${panic}`));
          else if (found()) done(resolve, text);
        };
        const timer = setTimeout(() => done(reject, new Error(
          `timed out waiting for ${JSON.stringify(String(what))}; the console shows:\n` +
          JSON.stringify(text.slice(-800)))), timeoutMs);
        const done = (f, v) => { clearTimeout(timer); waiters.delete(w); f(v); };
        waiters.add(w);
        w();
      });
    },
    // Resolve with the exit code once the machine powers off.
    poweredOff({ timeoutMs = 20000 } = {}) {
      return c.waitFor({ test: () => code !== null }, { timeoutMs }).then(() => code);
    },
    halt() { dx.halted = true; },
  };
  return c;
}
