// startup.js - `make bench`: the page's start-up in headless Chromium, from
// navigation to the shell's prompt, served as `make run` serves it
// (web/serve.js: compressed, with ETags), and the bytes a cold load
// transfers. It prints figures; it never passes or fails.
//
//   node tests/browser/startup.js [RUNS]
//
// Cold: a new browser context each time (an empty HTTP cache, no code
// cache), after one load that only fills the server's compressed copies.
// Warm: reloads of one page. Each figure is the median of RUNS loads, with
// where the time went, from the page's own marks (main.js, runtime.js):
// until main.js runs (the page, xterm.js, the modules), then until the
// kernel and the initramfs have arrived ("files": preload asked for them at
// the start, so this is only what is left), the kernel's instantiation, compiling
// init and the shell, unpacking the initramfs (and the saved /home), and
// from there to the prompt (init, the motd, the shell's start). After each
// cold load it also runs a program that the boot archive lists without its
// bytes (wc), and prints what that first run costs: the bytes moved out of
// the start-up.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../../web/serve.js';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const RUNS = Number(process.argv[2] || 5);

// Wait for the prompt; the time since navigation began, and the marks.
async function untilPrompt(page) {
  await page.waitForFunction(() => {
    const t = window.term;
    if (!t || !window.duplex) return false;
    const b = t.buffer.active;
    if (!b.getLine(b.baseY + b.cursorY).translateToString(true).startsWith('duplex$')) return false;
    window.promptAt = window.promptAt || performance.now();
    return true;
  }, null, { timeout: 60000, polling: 'raf' });
  return page.evaluate(() => ({ total: window.promptAt, ...window.duplex.times }));
}

// The first run of a program the boot archive lists without its bytes
// (wc): its time from the key to the next prompt, and the bytes fetched.
const FIRST_EXEC = 'wc -c /etc/motd';
async function firstExec(page, counted) {
  const before = counted();
  const start = await page.evaluate((line) => {
    window.duplex.input(new TextEncoder().encode(line + '\r'));
    return performance.now();
  }, FIRST_EXEC);
  const end = await page.waitForFunction(() => {
    const b = window.term.buffer.active;
    const at = b.baseY + b.cursorY;
    if (b.getLine(at).translateToString(true) !== 'duplex$ ') return false;
    return /^ *\d+ \/etc\/motd/.test(b.getLine(at - 1)?.translateToString(true) || '') &&
      performance.now();
  }, null, { timeout: 60000, polling: 'raf' }).then((h) => h.jsonValue());
  return { execMs: end - start, execBytes: counted() - before };
}

async function load(context, url, reload, exec = false) {
  const page = reload || await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  if (reload) await page.reload(); else await page.goto(url);
  const t = await untilPrompt(page);
  const loaded = bytes;
  const x = exec ? await firstExec(page, () => bytes) : {};
  await cdp.detach();
  return { page, ...t, ...x, bytes: loaded };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const best = (xs) => Math.min(...xs);

function row(name, loads) {
  const m = (f) => Math.round(median(loads.map(f)));
  const totals = loads.map((l) => l.total);
  const steps = [
    ['page+xterm', (l) => l.main],
    ['files', (l) => l.fetched - l.main],
    ['kernel', (l) => l.kernel - l.boot],
    ['compile', (l) => l.compiled - l.kernel],
    ['unpack', (l) => l.unpacked - l.compiled],
    ['to prompt', (l) => l.total - l.unpacked],
  ];
  console.log(`${name.padEnd(13)} ${String(m((l) => l.total)).padStart(5)} ms ` +
    `(best ${String(Math.round(best(totals))).padStart(4)})   ` +
    `${String(Math.round(median(loads.map((l) => l.bytes)) / 1000)).padStart(5)} KB   ` +
    steps.map(([s, f]) => `${s} ${m(f)}`).join(', '));
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  const server = await startServer(0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const first = await browser.newContext();             // fills the server's copies
    await load(first, url);
    await first.close();
    const cold = [];
    for (let i = 0; i < RUNS; i++) {
      const c = await browser.newContext();
      cold.push(await load(c, url, null, true));
      await c.close();
    }
    const c = await browser.newContext();
    const warm = [];
    let { page } = await load(c, url);
    for (let i = 0; i < RUNS; i++) {
      const l = await load(c, url, page);
      page = l.page;
      warm.push(l);
    }
    await c.close();
    console.log(`\nthe page's start-up (Chromium, navigation to the prompt, median of ${RUNS}; ` +
      'targets: cold <= 600 ms, warm <= 300 ms, cold bytes <= 400 KB)');
    row('cold load', cold);
    row('warm reload', warm);
    const ms = median(cold.map((l) => l.execMs)), kb = median(cold.map((l) => l.execBytes));
    console.log(`first run of a program fetched at first use (\`${FIRST_EXEC}\` after a cold ` +
      `load): ${Math.round(ms)} ms to the prompt, ${Math.round(kb / 1000)} KB fetched`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(`startup: ${e.message}`);
  process.exit(1);
});
