// terminal.js - ./duplex (either target) in a pseudo-terminal, driven as a
// person at a terminal would: the console flood checks of both targets
// (tests/node/console.test.js for web, tests/qemu/console.js for arm64).
//
// script(1) (util-linux, on every Debian system) gives ./duplex the
// pseudo-terminal; this side reads everything it shows as fast as it comes,
// as a terminal emulator does.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './harness.js';

export const PROMPT = '<flood> ';        // set for these checks: in no binary of /bin
export const FLOODS = [['yes', 10], ['cat /bin/*', 3], ['seq 1 10000000', 3]];
export const LIMIT_MS = 200;

// The prompt, maybe followed by the line editor's redraw of an empty line.
export const endsWithPrompt = (s) => /<flood> (\x1b\[J\r\x1b\[\d+C)?$/.test(s);

export function duplexInTerminal(args) {
  const cmd = [path.join(root, 'duplex'), ...args].join(' ');
  const p = spawn('script', ['-qefc', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let tail = '', total = 0;
  p.stdout.on('data', (d) => {
    total += d.length;
    tail = (tail + d.toString('latin1')).slice(-65536);
  });
  return {
    type: (s) => p.stdin.write(s),
    shown: () => total,
    // resolve once pred(the last 64 KiB shown) holds
    shows: (pred, what, ms = 30000) => new Promise((resolve, reject) => {
      const end = Date.now() + ms;
      const poll = () => {
        if (pred(tail)) return resolve(tail);
        if (Date.now() > end) return reject(new Error(`no ${what}; ./duplex shows:\n${tail.slice(-500)}`));
        setTimeout(poll, 2);
      };
      poll();
    }),
    kill: () => p.kill('SIGKILL'),
  };
}

// For each flood: run it, press ^C, time the prompt, then `echo ok`.
// Returns [{ name, ok }].
export async function floodInTerminal(args) {
  const t = duplexInTerminal(args);
  const results = [];
  try {
    await t.shows((s) => s.includes('$ '), 'first prompt', 180000);
    t.type(`PS1='${PROMPT}'\r`);
    await t.shows(endsWithPrompt, 'prompt');
    for (const [cmd, seconds] of FLOODS) {
      t.type(`${cmd}\r`);
      await new Promise((r) => setTimeout(r, seconds * 1000));
      const before = t.shown();
      const start = performance.now();
      t.type('\x03');
      await t.shows((s) => t.shown() > before && endsWithPrompt(s), `prompt after ^C on ${cmd}`);
      const ms = Math.round(performance.now() - start);
      results.push({ name: `${cmd} for ${seconds} s, then ^C: the prompt in ${ms} ms (at most ${LIMIT_MS})`,
        ok: ms <= LIMIT_MS });
      t.type('echo ok\r');
      const alive = await t.shows((s) => /\nok\r/.test(s.slice(-200)) && endsWithPrompt(s), 'ok')
        .then(() => true, () => false);
      results.push({ name: `after ${cmd} and ^C, echo ok prints ok`, ok: alive });
    }
  } finally {
    t.kill();
  }
  return results;
}
