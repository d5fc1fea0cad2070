// sh_editing.test.js - what the interactive shell gives a student at the
// prompt beyond POSIX, typed at the console as a person would: ^R searches
// the history backwards, Alt-b and Alt-f move by words, `history` lists
// the lines typed, and HOME and USER are set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootTerminal } from './harness.js';

const PROMPT = 'duplex$ ';

async function run(c, line) {
  const from = c.mark();
  c.type(line + '\r');
  await c.waitFor(PROMPT, { from });
  return c.text.slice(from);
}

async function shell() {
  const c = await bootTerminal();
  await c.waitFor(PROMPT);
  return c;
}

test('^R finds the newest line that holds what is typed; ^R again an older one', async () => {
  const c = await shell();
  await run(c, 'echo apple one');
  await run(c, 'echo banana');
  await run(c, 'echo apple two');
  let from = c.mark();
  c.type('\x12app');
  await c.waitFor("(reverse-i-search)`app': echo apple two", { from });
  c.type('\x12');
  await c.waitFor("(reverse-i-search)`app': echo apple one", { from });
  from = c.mark();
  c.type('\r');
  await c.waitFor('apple one\r\n', { from });
  await c.waitFor(PROMPT, { from });
  // a search that finds nothing says so; ^G gives the line back as it was
  from = c.mark();
  c.type('echo kept\x12zzz');
  await c.waitFor("(failed reverse-i-search)`zzz'", { from });
  c.type('\x07\r');
  await c.waitFor('kept\r\n', { from });
  c.halt();
});

test('a key other than the search keys takes the match into the line', async () => {
  const c = await shell();
  await run(c, 'echo first');
  const from = c.mark();
  c.type('\x12first');
  await c.waitFor("`first': echo first", { from });
  c.type('\x05 second\r');                    // ^E, then more text
  await c.waitFor('first second\r\n', { from });
  c.halt();
});

test('Alt-b and Alt-f move the cursor by words', async () => {
  const c = await shell();
  const from = c.mark();
  // type "echo two three", go back a word, insert "one ", forward, add "!"
  c.type('echo two three');
  c.type('\x1bb\x1bbone \x1bf\x1bf!\r');
  await c.waitFor('one two three!\r\n', { from });
  c.halt();
});

test('history lists the lines typed; HOME and USER are set', async () => {
  const c = await shell();
  await run(c, 'echo marker');
  const out = await run(c, 'history');
  assert.match(out, /\d+ {2}echo marker\r\n/);
  assert.match(out, /\d+ {2}history\r\n/);
  const vars = await run(c, 'echo "[$HOME] [$USER]"');
  assert.match(vars, /\[\/\S*\] \[\S+\]/);
  c.halt();
});
