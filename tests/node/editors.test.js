// editors.test.js - the full-screen programs at the console, driven as a
// person would: vi edits and writes a file; more pages a pipe and quits
// on q; top redraws until q. Each boots the page's init and types at its
// shell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootTerminal } from './harness.js';

const PROMPT = 'duplex$ ';
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function shell() {
  const c = await bootTerminal();
  await c.waitFor(PROMPT);
  return c;
}

// Type a line and wait for the next prompt; returns what it printed.
async function run(c, line) {
  const from = c.mark();
  c.type(line + '\r');
  await c.waitFor(PROMPT, { from });
  return c.text.slice(from);
}

// Type keys one group at a time, letting the program draw in between.
async function keys(c, ...groups) {
  for (const g of groups) {
    c.type(g);
    await pause(150);
  }
}

test('vi: insert, delete and copy lines, search, undo, write and quit', async () => {
  const c = await shell();
  await run(c, "printf 'line one\\nline two\\nline three\\n' > /tmp/v.txt");
  const from = c.mark();
  c.type('vi /tmp/v.txt\r');
  await c.waitFor('"/tmp/v.txt" 3L, 29B', { from });
  await keys(c, 'j', 'dd', 'O', 'top', '\x1b', 'gg', 'A', '!', '\x1b', 'yy', 'G', 'p',
    '/thr\r', 'x', 'u', ':wq\r');
  await c.waitFor(PROMPT, { from });
  const out = await run(c, 'cat /tmp/v.txt');
  assert.match(out, /line one!\r\ntop\r\nline three\r\nline one!\r\n/);
});

test('vi: :q refuses to lose changes, :q! leaves without writing', async () => {
  const c = await shell();
  const from = c.mark();
  c.type('vi /tmp/new.txt\r');
  await c.waitFor('[New File]', { from });
  await keys(c, 'i', 'hello', '\x1b', ':q\r');
  await c.waitFor('No write since last change', { from });
  await keys(c, ':q!\r');
  await c.waitFor(PROMPT, { from });
  assert.match(await run(c, 'ls /tmp/new.txt'), /No such file or directory/);
});

test('more: pages a pipe a screen at a time and stops on q', async () => {
  const c = await shell();
  const from = c.mark();
  c.type('seq 1 100 | more\r');
  await c.waitFor('--More--(', { from });
  assert.match(c.text.slice(from), /\b22\b/);
  assert.doesNotMatch(c.text.slice(from), /\b40\b/);
  const page2 = c.mark();
  c.type(' ');
  await c.waitFor('--More--(', { from: page2 });
  assert.match(c.text.slice(page2), /\b40\b/);
  c.type('q');
  await c.waitFor(PROMPT, { from: page2 });
});

test('top: redraws the process list until q', async () => {
  const c = await shell();
  const from = c.mark();
  c.type('top -d 0.2\r');
  await c.waitFor(/top - [\s\S]*top - /, { from });
  assert.match(c.text.slice(from), /PID USER/);
  c.type('q');
  await c.waitFor(PROMPT, { from: c.mark() - 1 });
});
