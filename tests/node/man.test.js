// man.test.js - man on a terminal: the page goes through the pager of
// $PAGER, headings and marked words bold; not on a terminal it is plain text (the
// transcript man_pages.sh checks the pages themselves on both targets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootTerminal } from './harness.js';

const PROMPT = 'duplex$ ';

// Type a line and take what it printed, up to a mark echoed after it (the
// prompt itself is redrawn with each key typed).
async function run(c, line) {
  const from = c.mark();
  c.type(`${line}; echo =done\r`);
  await c.waitFor('=done\r\n', { from });
  return c.text.slice(from);
}

test('man on a terminal: through $PAGER, headings and the command in bold', async () => {
  const c = await bootTerminal();
  await c.waitFor(PROMPT);
  const out = await run(c, "PAGER='cat -n' man trace");
  assert.match(out, / 3\t\x1b\[1mNAME\x1b\[0m\r\n/, 'the pager (cat -n) had the page');
  assert.match(out, / 4\t {7}trace - print the system calls of a command\r\n/);
  assert.match(out, /\x1b\[1mtrace\x1b\[0m \[-f\]/, 'the synopsis names the command in bold');
});

test('man into a pipe: plain text, no pager', async () => {
  const c = await bootTerminal();
  await c.waitFor(PROMPT);
  const out = await run(c, "PAGER='cat -n' man trace | head -n 4");
  assert.doesNotMatch(out, /\x1b\[[014]m/);
  assert.match(out, /\r\n {7}trace - print the system calls of a command\r\n/, 'not numbered: no pager');
});
