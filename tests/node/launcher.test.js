// launcher.test.js - ./duplex on the web build, seen from the host as a user
// sees it: its exit status, what it says on stderr, the terminal session,
// and the build it runs. Also poweroff, which ends the machine and so
// cannot be checked by a transcript.
//
// The terminal checks run ./duplex under script(1), which gives it a
// pseudo-terminal (util-linux: on every Debian system).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLine, root } from './harness.js';
import { DEADLOCK } from '../../web/node.js';

const duplex = path.join(root, 'duplex');

// ./duplex ARGS with stdin from `input` (a string) or /dev/null.
function run(args, { input, cwd = root } = {}) {
  const r = spawnSync(path.join(cwd, 'duplex'), args, {
    input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    encoding: 'latin1', timeout: 120000, maxBuffer: 1 << 24,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// ./duplex in a pseudo-terminal: once the shell's first prompt shows, type
// `keys`; resolves with the exit status and everything shown.
function inTerminal(keys, timeoutMs = 60000) {
  return new Promise((resolve, reject) => {
    const p = spawn('script', ['-qefc', duplex, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '', typed = false;
    const timer = setTimeout(() => { p.kill(); reject(new Error(`no exit; output:\n${out}`)); },
      timeoutMs);
    p.stdout.on('data', (d) => {
      out += d.toString('latin1');
      if (!typed && out.includes('duplex$ ')) {
        typed = true;
        p.stdin.write(keys);
      }
    });
    p.stderr.on('data', (d) => { out += d.toString('latin1'); });
    p.on('close', (code) => { clearTimeout(timer); p.stdin.destroy(); resolve({ code, out }); });
  });
}

// ---- the exit status, and a machine that can never finish ----------------

test('./duplex -c: the exit status of the command line', () => {
  const r = run(['-c', 'echo hi; exit 5']);
  assert.deepEqual(r, { code: 5, stdout: 'hi\n', stderr: '' });
});

test('./duplex -c: a deadlock is reported, with its own status, not success', () => {
  const r = run(['-c', 'mkfifo /tmp/f; cat /tmp/f; echo after']);
  assert.equal(r.code, DEADLOCK);
  assert.equal(r.stdout, '');
  const lines = r.stderr.split('\n');
  assert.equal(lines[0],
    'duplex: deadlock: every process is blocked and no input or timer can wake one');
  assert.match(r.stderr, /^ +\d+ S +fifo \d+ open +cat \/tmp\/f$/m, 'what the reader waits on');
});

test('./duplex -c: after piped input ends, a deadlock is reported too', () => {
  const r = run(['-c', 'cat; mkfifo /tmp/f; cat /tmp/f'], { input: 'piped\n' });
  assert.equal(r.code, DEADLOCK);
  assert.equal(r.stdout, 'piped\n');
  assert.match(r.stderr, /^duplex: deadlock: /);
});

test('./duplex -c: an armed timer is not a deadlock', () => {
  assert.deepEqual(run(['-c', 'sleep 0.2; echo slept']), { code: 0, stdout: 'slept\n', stderr: '' });
});

test('./duplex -c: neither is a standard input still open', async () => {
  const p = spawn(duplex, ['-c', 'read x; echo "got $x"'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '', ended = false;
  p.stdout.on('data', (d) => { out += d; });
  p.stderr.on('data', (d) => { out += d; });
  const done = new Promise((resolve) => p.on('close', (code) => { ended = true; resolve(code); }));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(ended, false, `it waits for the input: ${out}`);
  p.stdin.end('late\n');
  assert.equal(await done, 0);
  assert.equal(out, 'got late\n');
});

test('runLine reports a deadlock at once instead of timing out', async () => {
  const t0 = Date.now();
  await assert.rejects(runLine('mkfifo /tmp/f; cat /tmp/f', { timeoutMs: 30000 }),
    (e) => e.deadlock === true && /^duplex: deadlock: /.test(e.message) &&
      /fifo \d+ open +cat \/tmp\/f/.test(e.message));
  assert.ok(Date.now() - t0 < 20000, 'well before the time limit');
});

// ---- the command line's length ---------------------------------------------

test('./duplex -c: output into a pipe that closes is a broken pipe, as on the host', () => {
  const r = spawnSync('bash', ['-c', `${duplex} -c yes | head -n 3; echo "status \${PIPESTATUS[0]}"`],
    { encoding: 'latin1', timeout: 120000 });
  assert.equal(r.stdout, 'y\ny\ny\nstatus 141\n');      // yes died of SIGPIPE: 128 + 13
  assert.equal(r.stderr, '');                           // and no trace of the launcher's
});

test('./duplex -c: a 60 KiB command line arrives whole', () => {
  const r = run(['-c', `echo ${'x'.repeat(60 * 1024)} | wc -c`]);
  assert.deepEqual(r, { code: 0, stdout: `${60 * 1024 + 1}\n`, stderr: '' });
});

test('./duplex -c: a command line over ARG_MAX is refused, not cut', () => {
  const r = run(['-c', `echo ${'x'.repeat(70000)}`]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'duplex: the command line is 70005 bytes long; at most 65536 (ARG_MAX) fit\n');
});

// ---- poweroff ------------------------------------------------------------------

test('poweroff: the machine stops at once, status 0', async () => {
  const r = await runLine('echo before; poweroff; echo after');
  assert.equal(r.stdout, 'before\n');
  assert.equal(r.code, 0);
});

test('poweroff: only root may', async () => {
  const r = await runLine('runas 1000 poweroff; echo "status $?"');
  assert.equal(r.stderr, 'poweroff: Operation not permitted\n');
  assert.equal(r.stdout, 'status 1\n');
  assert.equal(r.code, 0);
});

test('poweroff: no operands', async () => {
  const r = await runLine('poweroff now; echo "status $?"');
  assert.equal(r.stderr, 'usage: poweroff\n');
  assert.equal(r.stdout, 'status 2\n');
});

// ---- the interactive shell in a terminal -------------------------------------------

test('./duplex in a terminal: `exit 7` leaves with status 7, and nothing more is said', async () => {
  const r = await inTerminal('exit 7\r');
  assert.equal(r.code, 7, r.out);
  const after = r.out.slice(r.out.lastIndexOf('exit 7'));
  assert.doesNotMatch(after, /starting a new one|duplex:|panic/, 'no message after the exit');
});

test('./duplex in a terminal: `poweroff` leaves with status 0', async () => {
  const r = await inTerminal('false\rpoweroff\r');
  assert.equal(r.code, 0, r.out);
});

test('./duplex with the shell reading a pipe: at its end the shell exits, with its status', () => {
  const r = run([], { input: 'echo hi; false\n' });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /\r\nhi\r\n/);
  assert.equal(r.stderr, '');
});

// ---- the build it runs ---------------------------------------------------------

// A copy of the working tree and of the web build, with their times, where
// sources can be changed without touching the real ones.
function scratchCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duplex-launcher-'));
  execFileSync('bash', ['-c', 'tar -C "$1" -cf - --exclude=./.git --exclude=./node_modules ' +
    '--exclude=./build/aarch64 --exclude=./build/arm64 --exclude=./build/host ' +
    '--exclude=./build/unit --exclude=./build/cov . | tar -C "$2" -xf -', '-', root, dir]);
  return dir;
}

test('./duplex builds what changed first, says so in one line, and runs the new build', () => {
  const dir = scratchCopy();
  try {
    assert.equal(run(['-c', 'true'], { cwd: dir }).stderr, '', 'an up-to-date build: no note');
    fs.writeFileSync(path.join(dir, 'etc', 'launcher-note'), 'fresh\n');
    let r = run(['-c', 'cat /etc/launcher-note'], { cwd: dir });
    assert.deepEqual(r, { code: 0, stdout: 'fresh\n',
      stderr: 'duplex: building the web target (make web)...\n' });
    r = run(['-c', 'cat /etc/launcher-note'], { cwd: dir });
    assert.deepEqual(r, { code: 0, stdout: 'fresh\n', stderr: '' }, 'built once');

    fs.writeFileSync(path.join(dir, 'shell', 'bin', 'true.c'), 'int main(void) { return }\n');
    r = run(['-c', 'echo ran'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '', 'nothing was run');
    assert.match(r.stderr, /^duplex: building the web target/);
    assert.match(r.stderr, /true\.c:1:\d+: error: /, "the compiler's message");
    assert.match(r.stderr, /duplex: the build failed \(make web\); nothing was run\n$/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
