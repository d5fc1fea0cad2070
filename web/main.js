// main.js - the page's glue: an xterm.js terminal in, the Duplex runtime
// (runtime.js, the same module Node uses) behind it. Keys typed go to the
// kernel's tty; what the tty prints goes to the terminal, no faster than
// the terminal draws it; the terminal's size follows the window and is
// passed on (SIGWINCH). The boot archive lists most programs and the
// manual without their bytes: each is fetched the first time it is opened
// or run (kernel/lazy.c). /home is kept between reloads (store.js); files
// dropped onto the terminal go in, and `download` hands them out
// (transfer.js). Every URL is relative to this module, so the page works
// from any folder of any static server (make dist).
import { Duplex } from './runtime.js';
import { HomeStore } from './store.js';
import { acceptDrops, download } from './transfer.js';

import { View } from './view.js';

const times = { main: Math.round(performance.now()) };   // start-up, for make bench
const term = new Terminal({
  cursorBlink: true,
  fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
  fontSize: 15,
  scrollback: 5000,
  theme: { background: '#101418' },
});
const fit = new FitAddon.FitAddon();
term.loadAddon(fit);
term.open(document.getElementById('terminal'));
fit.fit();

async function fetchBytes(path) {
  const url = new URL(path, import.meta.url);
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status} ${r.statusText}`);
  return new Uint8Array(await r.arrayBuffer());
}

// If the OS ever halts, say so on the page itself, not only in the
// terminal (which may be what failed) or the developer console.
function showHalt(text) {
  console.error(`duplex: ${text}`);
  let box = document.getElementById('halted');
  if (!box) {
    box = document.createElement('div');
    box.id = 'halted';
    document.body.appendChild(box);
  }
  box.textContent = `Duplex has halted - ${text}. Reload the page to boot it again.`;
  try { term.write(`\r\n\x1b[1;31m${text}\x1b[0m\r\n`); } catch { /* shown above */ }
}

// A line from the page itself, not from the machine.
const say = (line) => term.write(`\r\n\x1b[2m[${line}]\x1b[0m\r\n`);

async function start() {
  times.start = Math.round(performance.now());
  const store = new HomeStore({ notice: say });
  const reset = new URLSearchParams(location.search).has('reset');
  const [kernel, initramfs, home] = await Promise.all([
    fetchBytes('../build/web/kernel.wasm'),
    fetchBytes('../build/web/page.tar'),
    store.load(reset),
  ]);
  times.fetched = Math.round(performance.now());
  const dx = new Duplex({
    kernel,
    initramfs,
    restore: home,
    sync: () => store.sync(),
    download,
    // the programs and manual pages page.tar lists without their bytes
    // (make's build/web/files/), fetched the first time one is used
    fetchFile: async (name) => {
      const url = new URL('../build/web/files/' + name.split('/').map(encodeURIComponent).join('/'),
        import.meta.url);
      const r = await fetch(url);
      if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
      return new Uint8Array(await r.arrayBuffer());
    },
    warn: (msg) => {
      console.warn(`duplex: ${msg}`);
      try { say(msg); } catch { /* the terminal is what failed */ }
    },
    // a WASI program's first exec: binaryen.js is fetched then, not before
    prepareWasi: (bytes) => import('./wasiprep.js').then((m) => m.prepareOnPage(bytes)),
    // xterm.js calls back once it has parsed the bytes: the runtime gives
    // it no more than a little ahead, so a flood never piles up in it.
    console: (bytes, done) => term.write(bytes, done),
    consoleAhead: 16384,
    poweroff: () => term.write('\r\n[Duplex has stopped. Reload the page to boot it again.]\r\n'),
    panic: (msg) => showHalt(`kernel panic: ${msg}`),
  });
  window.duplex = dx;                       // for the browser test and the curious
  window.duplexStore = store;
  Object.assign(dx.times, times);
  window.term = term;
  await dx.boot(['init']);
  document.getElementById('loading').remove();
  store.attach(dx);
  dx.times.ready = Math.round(performance.now());
  acceptDrops(document.getElementById('terminal'), dx, say);
  const enc = new TextEncoder();
  term.onData((s) => dx.input(enc.encode(s)));
  term.onResize(({ rows, cols }) => dx.resize(rows, cols));
  dx.resize(term.rows, term.cols);
  window.addEventListener('resize', () => fit.fit());
  window.view = new View(dx, { onLayout: () => fit.fit() });   // view.js: F2 shows it
  term.focus();
}

start().catch((e) => {
  document.getElementById('loading').textContent = `Duplex failed to boot: ${e.message}`;
  console.error(e);
});
