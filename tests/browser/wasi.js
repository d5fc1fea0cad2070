// wasi.js - the browser test's checks of WASI programs dropped onto the page
// as they were built (docs/wasi.md): wasi-libc's and Emscripten's builds of
// tests/wasi/wasitool.c (make wasi-tests), prepared at their first exec by
// binaryen.js in a worker (web/wasiprep.js), then run in pipelines, blocking
// on a pipe, and a spinning one stopped by ^C; after a reload, the prepared
// program is taken from IndexedDB. Called by run.js with its
// check; the page helpers are files.js's.
import fs from 'node:fs';
import path from 'node:path';
import { openPage, drop } from './files.js';

const FIRST_RUN_MS = 180000;       // binaryen.js fetched and compiled, then the preparation

async function until(screen, pred, what, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const text = await screen();
    if (pred(text)) return text;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${text.slice(-600)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function checkWasi(browser, url, root, check) {
  const built = path.join(root, 'build', 'wasi-tests');
  const tools = ['wasi-tool', 'em-tool'];          // wasi-libc's, Emscripten's
  for (const t of tools)
    if (!fs.existsSync(path.join(built, `${t}.wasm`))) throw new Error(`make wasi-tests first: ${t}`);
  const context = await browser.newContext({ viewport: { width: 1000, height: 640 } });
  try {
    const { page, screen, run, errors } = await openPage(context, url);
    const fetched = [];
    page.on('request', (r) => { if (r.url().includes('/binaryen/')) fetched.push(r.url()); });
    check('binaryen.js is not fetched at start-up', !(await page.evaluate(() =>
      performance.getEntriesByType('resource').some((e) => e.name.includes('/binaryen/')))));
    await run('cd /tmp');
    await drop(page, tools.map((t) => ({ name: `${t}.wasm`,
      bytes: [...fs.readFileSync(path.join(built, `${t}.wasm`))] })));
    await until(screen, (t) => t.includes('[dropped /tmp/em-tool.wasm'), 'the drop');
    const wc = (await run('seq 1 100 | wc')).join('\n');
    for (const t of tools) {
      const start = Date.now();
      const out = (await run(`seq 1 100 | ./${t}.wasm wc`, FIRST_RUN_MS)).join('\n');
      check(`seq 1 100 | ./${t}.wasm wc, dropped as built: as wc (first run ${Date.now() - start} ms)`,
        out === wc, `${out}\nwanted\n${wc}\n${(await screen()).slice(-600)}`);
    }
    check('binaryen.js was fetched once, for the first WASI program', fetched.length === 1,
      fetched.join('\n'));
    const start = Date.now();
    const again = (await run('seq 1 100 | ./wasi-tool.wasm wc')).join('\n');
    check(`a second run takes the program prepared before (${Date.now() - start} ms)`, again === wc);
    const piped = (await run('(echo first; sleep 0.5; echo second) | ./wasi-tool.wasm cat | ' +
      './em-tool.wasm wc')).join('\n');
    check('a WASI read from an empty pipe blocks until the writer writes',
      piped === '      2       2      13', piped);

    // a program that computes for ever: its preemption points let ^C in
    await page.keyboard.type('./wasi-tool.wasm spin');
    await page.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 1500));
    const spinning = !(await screen()).endsWith('duplex$');
    await page.keyboard.press('Control+C');
    await until(screen, (t) => /\^C\n.*duplex\$$/.test(t.slice(-200)), 'the prompt after ^C');
    const status = (await run('echo "status $?"')).join('\n');
    check('a spinning WASI program is stopped by ^C (status 130)', spinning && status === 'status 130',
      `${spinning ? '' : 'it did not spin\n'}${status}`);

    // kept in IndexedDB: after a reload the same program runs without binaryen.js
    fetched.length = 0;
    await page.reload();
    await until(screen, (t) => t.endsWith('duplex$'), 'the prompt after the reload', 30000);
    await page.click('#terminal');
    await run('cd /tmp');
    await drop(page, [{ name: 'wasi-tool.wasm', bytes: [...fs.readFileSync(path.join(built, 'wasi-tool.wasm'))] }]);
    await until(screen, (t) => t.includes('[dropped /tmp/wasi-tool.wasm'), 'the drop after the reload');
    const reloaded = (await run('seq 1 100 | ./wasi-tool.wasm wc')).join('\n');
    check('after a reload, the program prepared before runs without binaryen.js (IndexedDB)',
      reloaded === wc && fetched.length === 0, `${reloaded}\n${fetched.join('\n')}`);
    check('no error on the page', errors.length === 0, errors.join('\n'));
  } finally {
    await context.close();
  }
}
