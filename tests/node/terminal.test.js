// terminal.test.js - the console as a terminal, booted in Node and driven
// as a person at a keyboard would drive it: the keys go to the console
// (dx.input), the tests read what it prints. Each shell init starts leads
// a session that owns the console (shell/bin/init.c), so ^C and ^Z reach
// the command and never init, and leaving a shell gives the next one the
// terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootTerminal } from './harness.js';

const PROMPT = 'duplex$ ';

// Type a line at the interactive shell and wait for the next prompt.
async function run(c, line) {
  const from = c.mark();
  c.type(line + '\r');
  await c.waitFor(PROMPT, { from });
  return c.text.slice(from);
}

// ---- ./duplex -c: the command owns the console ---------------------------

test('^C at the console ends a -c command with status 130, not init', async () => {
  const c = await bootTerminal(['init', '-c', 'sleep 10']);
  await new Promise((r) => setTimeout(r, 300));     // sleep is asleep
  c.type('\x03');
  assert.equal(await c.poweredOff(), 130);
});

test('^Z at the console does not hang a -c command: its group is orphaned', async () => {
  const c = await bootTerminal(['init', '-c', 'sleep 0.5; echo done']);
  await new Promise((r) => setTimeout(r, 200));
  c.type('\x1a');
  assert.equal(await c.poweredOff(), 0);
  assert.equal(c.stdout, 'done\n');
});

test('a -c command stopped by SIGSTOP is continued by init, which says so', async () => {
  const c = await bootTerminal(['init', '-c', 'kill -STOP $$; echo resumed']);
  assert.equal(await c.poweredOff(), 0);
  assert.equal(c.stdout, 'resumed\n');
  assert.match(c.text, /init: the shell \(pid \d+\) was stopped by SIGSTOP, and nothing else could continue it: continuing it\r\n/);
});

test('the -c command leads its own session and owns the console', async () => {
  const c = await bootTerminal(['init', '-c',
    'echo "$$ $(ps | grep "^ *$$ " | tr -s " " | cut -d " " -f 4)"; kill -9 1; kill -INT 1; echo alive']);
  assert.equal(await c.poweredOff(), 0);
  const [pid, pgid] = c.stdout.split('\n')[0].split(' ');
  assert.equal(pgid, pid, 'the shell is its group\'s leader');
  assert.match(c.stdout, /\nalive\n$/);
});

// ---- the page's init: leaving a shell starts a new one that works --------

for (const [how, keys] of [['exit', 'exit\r'], ['^D', '\x04'], ['kill -9 $$', 'kill -9 $$\r']]) {
  test(`after ${how}, init starts a shell that owns the terminal`, async () => {
    const c = await bootTerminal();
    await c.waitFor(PROMPT);
    const from = c.mark();
    c.type(keys);
    await c.waitFor('[the shell exited; starting a new one]\r\n' + '\r' + PROMPT, { from });
    assert.match(await run(c, 'echo ok'), /\r\nok\r\n/);
    // the terminal is the new shell's, in sane modes: a typed line echoes
    const out = await run(c, 'read x; echo "got $x"');
    const from2 = c.mark();
    c.type('abc\r');
    await c.waitFor('got abc', { from: from2 });
    assert.ok(c.text.slice(from2).startsWith('abc\r\n'), 'the line was echoed');
    assert.equal(out.includes('Input/output error'), false);
    c.halt();
  });
}

test('./duplex (init --once): exit 7 leaves with status 7, and says only that', async () => {
  const c = await bootTerminal(['init', '--once']);
  await c.waitFor(PROMPT);
  const from = c.mark();
  c.type('exit 7\r');
  assert.equal(await c.poweredOff(), 7);
  assert.equal(c.text.slice(from).includes('[the shell exited'), false);
});
