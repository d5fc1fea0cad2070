// runtime.test.js - the web platform itself (web/runtime.js, web/process.js,
// web/kernel_glue.c), booted in Node: what a user of ./duplex -c sees, and
// the properties the design promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { runLine } from './harness.js';

test('stdout and stderr stay apart, and the exit status comes back', async () => {
  const r = await runLine('echo out; echo err >&2; exit 3');
  assert.equal(r.stdout, 'out\n');
  assert.equal(r.stderr, 'err\n');
  assert.equal(r.code, 3);
});

test('cat of a missing file: the Unix message on stderr, exit 1', async () => {
  const r = await runLine('cat /nope');
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'cat: /nope: No such file or directory\n');
  assert.equal(r.code, 1);
});

test('seq | grep | wc: 40951 lines contain a 7', async () => {
  const r = await runLine('seq 1 100000 | grep 7 | wc -l');
  assert.equal(r.stdout.trim(), '40951');
  assert.equal(r.code, 0);
});

test('yes | head -n 3 ends: head exits, yes dies of SIGPIPE', async () => {
  const r = await runLine('yes | head -n 3');
  assert.equal(r.stdout, 'y\ny\ny\n');
  assert.equal(r.code, 0);
});

test('a FIFO between a background reader and a writer', async () => {
  const r = await runLine('mkfifo /tmp/f; cat /tmp/f & echo hi > /tmp/f; wait');
  assert.equal(r.stdout, 'hi\n');
});

test('10 MiB of zeros through dd and a pipe: the same cksum as the host', async () => {
  const host = execFileSync('bash', ['-c', 'head -c 10485760 /dev/zero | cksum'],
    { encoding: 'utf8' });
  const r = await runLine('dd if=/dev/zero bs=4096 count=2560 2>/dev/null | cksum');
  assert.equal(r.stdout, host);
});

test('a pipeline of 50 stages gives the right answer', async () => {
  const line = 'seq 1 2000 | ' + Array(48).fill('cat').join(' | ') + ' | wc -l';
  const r = await runLine(line);
  assert.equal(r.stdout.trim(), '2000');
});

test('a second exec of a program does not compile it again', async () => {
  const r = await runLine('cat /etc/motd > /dev/null; cat /etc/motd > /dev/null; echo done');
  assert.equal(r.stdout, 'done\n');
  assert.equal(r.dx.stats.compiles, 0, 'every /bin program was compiled once, at boot');
  assert.ok(r.dx.stats.spawns >= 4);
});

test('signal handlers run inside the process', async () => {
  const r = await runLine('sigcatch -n 2 USR1 USR2 & sleep 0.1; kill -USR1 $!; sleep 0.1; ' +
    'kill -USR2 $!; wait');
  assert.equal(r.stdout, 'ready\ncaught USR1\ncaught USR2\n');
});

test('a process killed by a signal: status 128+N', async () => {
  const r = await runLine('sleep 10 & kill -KILL $!; wait $!; echo $?');
  assert.equal(r.stdout, '137\n');
});

test('every process is gone at the end: nothing leaked', async () => {
  const r = await runLine('seq 1 100 | cat | wc -l > /dev/null; ps | wc -l');
  // ps shows its header, init, sh, ps and wc
  assert.equal(r.stdout.trim(), '5');
});

test('piped standard input arrives whole, however large (/dev/hostin)', async () => {
  const lines = Array.from({ length: 50000 }, (_, i) => `${i + 1}\n`).join('');
  const r = await runLine('wc -l; echo done', { stdin: lines });
  assert.equal(r.stdout, '50000\ndone\n');
  const empty = await runLine('cat; echo end', { stdin: '' });
  assert.equal(empty.stdout, 'end\n');
});

test('time stamps come from the coarse clock, and it keeps up with the host', async () => {
  const before = Math.floor(Date.now() / 1000);
  const r = await runLine('touch /tmp/f; stat -c %Y /tmp/f; sleep 1.2; touch /tmp/g; stat -c %Y /tmp/g');
  const after = Math.ceil(Date.now() / 1000);
  const [f, g] = r.stdout.trim().split('\n').map(Number);
  assert.ok(f >= before && f <= after, `mtime ${f} is within [${before}, ${after}]`);
  assert.ok(g >= f + 1 && g <= after, `a file made 1.2 s later: ${g} after ${f}`);
});

test('a blocked process killed while the others run on its stack goes cleanly', async () => {
  // cat blocks reading the FIFO; the shell then runs on top of cat's stack
  // (runtime.js, runWhileBlocked) and kills it there.
  const r = await runLine('mkfifo /tmp/p; cat /tmp/p & sleep 0.05; kill -KILL $!; wait $!; ' +
    'echo $?; ps | wc -l');
  assert.equal(r.stdout, '137\n5\n');
  assert.ok(r.dx.stats.nested > 0, 'processes ran on a blocked one\'s stack');
});
