// tty.test.js - what programs write to the console itself, seen from the
// terminal's side: the bytes the page's xterm.js would receive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLine } from './harness.js';

test('reset sends xterm\'s reset strings (rs1, rs2) to the terminal, and leaves it sane', async () => {
  const r = await runLine('exec < /dev/tty; stty raw -echo; reset; echo "status $?"; stty -a');
  const rs = '\x1bc\x1b]104\x07\x1b[!p\x1b[?3;4l\x1b[4l\x1b>';
  assert.ok(r.tty.includes(rs), `the console got ${JSON.stringify(r.tty)}`);
  assert.match(r.stdout, /^status 0\n/);
  assert.match(r.stdout, /\nopost onlcr\nisig icanon iexten echo echoe/);
});

test('clear sends the cursor home and erases the screen', async () => {
  const r = await runLine('clear > /dev/tty');
  assert.equal(r.tty, '\x1b[H\x1b[2J');
});
