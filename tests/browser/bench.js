// bench.js - `make bench`: what the live view (web/view.js) costs the OS in
// the page, in headless Chromium. The same pipeline runs in the page's
// terminal with the view hidden and shown, alternating, ROUNDS times each;
// its time is measured inside Duplex (cmdbench: from spawn to wait, on the
// page's clock), so it includes everything the page's one thread did
// meanwhile - the view's snapshots, its SVG and the browser's layout and
// painting of it. Also reported: the view's own time in its refreshes
// (snapshot, parse, render) as a share of the time it was shown.
// Target (docs/design.md, "The live view"): under 2% shown; hidden, the
// view takes no snapshot and does no work at all. Figures only: no pass
// or fail.
//
//   node tests/browser/bench.js
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../../web/serve.js';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const PROMPT = 'duplex$';
const ROUNDS = 5;
// A pipeline that keeps both processes and the pipe busy, and the view
// with them (the gauge and the states change at every refresh).
const LINE = 'dd if=/dev/zero bs=4096 count=2097152 2>/dev/null | cat > /dev/null';

const screen = (page) => page.evaluate(() => {
  const b = window.term.buffer.active, out = [];
  for (let i = 0; i < b.length; i++) out.push(b.getLine(i).translateToString(true).trimEnd());
  return out.join('\n').replace(/\n+$/, '').split('\n');
});
const prompts = (lines) => lines.filter((l) => l.startsWith(PROMPT)).length;

// Type a command and wait for the prompt after it; returns the line
// before that prompt.
async function run(page, cmd) {
  const before = prompts(await screen(page));
  await page.keyboard.type(cmd);
  await page.keyboard.press('Enter');
  for (const end = Date.now() + 120000; Date.now() < end;) {
    const lines = await screen(page);
    if (prompts(lines) > before && lines[lines.length - 1] === PROMPT) return lines[lines.length - 2];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no prompt after ${cmd}`);
}

const best = (a) => Math.min(...a);
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

async function main() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run tools/deps.sh`);
  const server = await startServer(0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.view, null, { timeout: 60000 });
    await page.click('#terminal');
    await page.waitForFunction(() => window.term.buffer.active.getLine(window.term.buffer.active.cursorY)
      .translateToString(true).startsWith('duplex$'), null, { timeout: 60000 });
    const times = { hidden: [], shown: [] };
    let share = [];
    let hiddenSnapshots = 0;
    const cmd = `cmdbench -n 1 sh -c '${LINE}'`;
    await run(page, cmd);                                  // warm-up
    for (let i = 0; i < ROUNDS; i++) {
      for (const mode of ['hidden', 'shown']) {
        await page.evaluate((on) => {
          window.view.setShown(on);
          const dx = window.duplex;
          window.benchSnapshots = 0;
          if (!dx.realSnapshot) dx.realSnapshot = dx.snapshot;
          dx.snapshot = function () { window.benchSnapshots++; return this.realSnapshot(); };
          window.benchStart = [performance.now(), window.view.spentMs];
        }, mode === 'shown');
        const out = await run(page, cmd);
        const m = out.match(/^cmd-best ([\d.]+) ms$/);
        if (!m) throw new Error(`cmdbench said: ${out}`);
        times[mode].push(Number(m[1]));
        const [spent, snaps] = await page.evaluate(() => [
          (window.view.spentMs - window.benchStart[1]) / (performance.now() - window.benchStart[0]),
          window.benchSnapshots]);
        if (mode === 'shown') share.push(spent);
        else hiddenSnapshots += snaps;
      }
    }
    const h = best(times.hidden), s = best(times.shown);
    const rows = [
      ['benchmark (page, headless Chromium)', 'view hidden', 'view shown', 'cost', ''],
      [`${LINE} (best of ${ROUNDS})`, `${h.toFixed(1)} ms`, `${s.toFixed(1)} ms`,
        `${((s / h - 1) * 100).toFixed(1)}%`, 'target < 2%'],
      ['the view\'s refreshes, share of the page\'s time', '-',
        `${(median(share) * 100).toFixed(2)}%`, '', ''],
      ['snapshots taken while hidden', `${hiddenSnapshots}`, '-', '', 'target 0'],
    ];
    const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    console.log('\nThe cost of the live view (web/view.js):');
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(width[i])).join('  '));
    console.log(`(each time: cmdbench -n 1, hidden and shown alternating; all hidden: ` +
      `${times.hidden.map((t) => t.toFixed(0)).join(' ')}; shown: ` +
      `${times.shown.map((t) => t.toFixed(0)).join(' ')} ms)`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
