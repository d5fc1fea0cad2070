// terminal.test.js - the console as a terminal, booted in Node and driven
// as a person at a keyboard would drive it: the keys go to the console
// (dx.input), the tests read what it prints. Each shell init starts leads
// a session that owns the console (shell/bin/init.c), so ^C and ^Z reach
// the command and never init, and leaving a shell gives the next one the
// terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootTerminal } from './harness.js';
import { Screen } from './screen.js';

const PROMPT = 'duplex$ ';

// Type a line at the interactive shell and wait for the next prompt.
// A command line typed at the prompt, and the text up to the next prompt:
// one on a line of its own, since the line editor redraws the prompt with
// each key typed.
async function run(c, line) {
  const from = c.mark();
  c.type(line + '\r');
  await c.waitFor(/\n\r?duplex\$ /, { from });
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
    const from1 = c.mark();
    c.type('read x; echo "got $x"\r');
    await c.waitFor('\r\n', { from: from1 });  // the line is taken, and read waits
    await new Promise((r) => setTimeout(r, 100));
    const out = c.text.slice(from1);
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

// ---- the window size ------------------------------------------------------

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

test('COLUMNS and LINES follow the window, unexported, as bash keeps them', async () => {
  const c = await bootTerminal(['init'], { rows: 24, cols: 80 });
  await c.waitFor(PROMPT);
  assert.match(await run(c, 'echo "$COLUMNS $LINES"'), /\r\n80 24\r\n/);
  c.dx.resize(30, 100);                          // at the prompt: SIGWINCH
  await pause(200);
  assert.match(await run(c, 'echo "$COLUMNS $LINES"; env | grep -c -e COLUMNS -e LINES'),
    /\r\n100 30\r\n0\r\n/);
  const from = c.mark();
  c.type('sleep 0.5\r');                          // a job has the terminal:
  await pause(200);
  c.dx.resize(40, 120);                          // the job gets the SIGWINCH
  await c.waitFor(PROMPT, { from });
  assert.match(await run(c, 'echo "$COLUMNS $LINES"'), /\r\n120 40\r\n/);
  c.halt();
});

test('a resize while a line is half typed: the line is shown once, and so is each key', async () => {
  const c = await bootTerminal(['init'], { rows: 24, cols: 80 });
  const screen = new Screen(24, 80);
  let shown = 0;
  const catchUp = () => { screen.write(c.text.slice(shown)); shown = c.text.length; };
  const resize = async (rows, cols) => {
    catchUp();
    screen.resize(rows, cols);                   // the terminal reflows, then
    c.dx.resize(rows, cols);                     // tells the kernel
    await pause(300);
  };
  await c.waitFor(PROMPT);
  c.type('echo one two');
  await c.waitFor('echo one two');
  await resize(24, 15);                          // the line now takes two rows
  c.type(' three');
  await c.waitFor('three');
  await resize(24, 60);                          // and one again
  const from = c.mark();
  c.type(' four\r');
  await c.waitFor(PROMPT, { from });
  catchUp();
  const lines = screen.lines();
  const typed = lines.filter((l) => l.startsWith(PROMPT + 'echo'));
  assert.deepEqual(typed, ['duplex$ echo one two three four'], screen.toString());
  assert.equal(lines.filter((l) => l === 'one two three four').length, 1, screen.toString());
  c.halt();
});

test('an interactive shell left in an orphaned background group gives up job control, not spins', async () => {
  // sh -i starts in the background of sh -c's group, which sh -c's exit
  // leaves orphaned: SIGTTIN cannot stop it there, so waiting for the
  // terminal could never end
  const c = await bootTerminal();
  await c.waitFor(PROMPT);
  const from = c.mark();
  c.type("sh -c '{ sleep 0.3; sh -i; } < /dev/tty &'\r");
  await c.waitFor('sh: cannot get the terminal: no job control', { from });
  assert.match(await run(c, 'echo ok'), /\r\nok\r\n/);
  c.halt();
});
