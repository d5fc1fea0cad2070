// console.test.js - the console's output flow control on the web target:
// a flood of output runs at the terminal's pace, ^C brings the prompt back
// at once, and nothing the terminal does can halt the kernel. Checked on the
// runtime with a terminal that draws at a fixed speed (as xterm.js does on
// the page), and end to end on ./duplex in a pseudo-terminal (script(1)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootConsole, screenShows } from './harness.js';
import { floodInTerminal, PROMPT, FLOODS, endsWithPrompt } from './terminal.js';


// A terminal that draws `perTick` bytes every 5 ms, whatever it is given:
// what it was given and has not drawn waits in its own queue. `waiting()`
// is the most that ever waited there.
function slowTerminal(perTick) {
  const queue = [];
  let waiting = 0, most = 0;
  const timer = setInterval(() => {
    for (let budget = perTick; queue.length && budget > 0;) {
      const [b, done] = queue.shift();
      budget -= b.length;
      waiting -= b.length;
      done();
    }
  }, 5);
  return {
    show: (b, done) => {
      queue.push([b, done]);
      waiting += b.length;
      most = Math.max(most, waiting);
    },
    most: () => most,
    stop: () => clearInterval(timer),
  };
}

async function prompt(dx) {
  dx.typed(`PS1='${PROMPT}'\r`);
  await screenShows(dx, endsWithPrompt, 'prompt');
}

// Run cmd for `seconds`, press ^C: how long until the prompt is drawn.
async function floodThenInterrupt(dx, cmd, seconds) {
  dx.typed(`${cmd}\r`);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const before = dx.shownBytes;
  const start = performance.now();
  dx.typed('\x03');
  await screenShows(dx, (s) => dx.shownBytes > before && endsWithPrompt(s), `prompt after ^C on ${cmd}`);
  return performance.now() - start;
}

async function echoOk(dx) {
  dx.typed('echo ok\r');
  await screenShows(dx, (s) => /\r\nok\r\n[^]*<flood> [^]*$/.test(s.slice(-200)) && endsWithPrompt(s),
    'ok after echo ok');
}

test('a flood on a terminal drawing 1 MB/s: ^C gives the prompt within 200 ms', async () => {
  const term = slowTerminal(5000);
  const dx = await bootConsole({ show: term.show, consoleAhead: 16384 });
  try {
    await screenShows(dx, (s) => s.includes('$ '), 'first prompt');
    await prompt(dx);
    for (const [cmd] of FLOODS) {
      const ms = await floodThenInterrupt(dx, cmd, 2);
      assert.ok(ms < 200, `${cmd}: the prompt came ${Math.round(ms)} ms after ^C`);
      await echoOk(dx);
    }
    // The terminal was never given more than it was allowed to fall behind.
    assert.ok(term.most() <= 16384 + 4096, `the terminal had ${term.most()} bytes waiting`);
    assert.equal(dx.halted, false);
  } finally {
    term.stop();
    dx.halted = true;
  }
});

test('a terminal that throws does not halt the kernel', async () => {
  let refusals = 0;
  const dx = await bootConsole({
    show: (b, done) => {
      if (refusals < 3) {
        refusals++;
        throw new Error('write data discarded, use flow control');
      }
      done();
    },
  });
  const warnings = [];
  dx.opts.warn = (m) => warnings.push(m);
  try {
    dx.typed('seq 1 1000\r');
    await new Promise((r) => setTimeout(r, 200));
    await prompt(dx);
    await echoOk(dx);
    assert.equal(refusals, 3);
    assert.equal(dx.halted, false);
    assert.ok(warnings.some((w) => /refused output/.test(w)), warnings.join('\n'));
  } finally {
    dx.halted = true;
  }
});

test('a writer waits for the terminal: output is neither lost nor reordered', async () => {
  const term = slowTerminal(20000);
  const all = [];
  const dx = await bootConsole({
    show: (b, done) => { all.push(Buffer.from(b)); term.show(b, done); },
    consoleAhead: 8192,
  });
  try {
    await screenShows(dx, (s) => s.includes('$ '), 'first prompt');
    await prompt(dx);
    dx.typed('seq 1 30000; echo end\r');
    await screenShows(dx, (s) => /\r\nend\r\n\r?<flood> /.test(s.slice(-100)), 'end', 60000);
    let want = '';
    for (let i = 1; i <= 30000; i++) want += `${i}\r\n`;
    assert.ok(Buffer.concat(all).toString('latin1').includes(`\r\n${want}end\r\n`));
  } finally {
    term.stop();
    dx.halted = true;
  }
});

test('./duplex: a flood, then ^C: the prompt within 200 ms, and the OS runs on', async () => {
  for (const r of await floodInTerminal([]))
    assert.ok(r.ok, r.name);
});
