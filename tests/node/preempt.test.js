// preempt.test.js - the web target takes the CPU from a program that never
// calls the kernel (docs/design.md, "How the browser preempts a program that
// never calls the kernel"): the instrumentation pass itself (web/preempt.js)
// on a small module, then the runtime with the programs of /bin - the shell
// answering beside a spinner, ^C and kill ending one, two spinners sharing
// the CPU, and the event loop getting control back between slices.
//
// Latency requirements (an answer within 100 ms) are checked as such, but a
// machine shared with other work can stall this process now and then, so
// each is tried up to three times and holds if one try meets it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, bootConsole, screenShows } from './harness.js';
import { duplexInTerminal } from './terminal.js';

const LATENCY_MS = 100;
const TRIES = 3;

// ---- the pass -----------------------------------------------------------------

const tool = path.join(root, 'tools', 'preempt.js');

// One function of each kind the pass tells apart. lib_count and lib_apply
// stand for the C library (named in the trusted list); lib_apply calls back
// into the program through the table.
const SAMPLE = `
(module
  (import "sys" "preempt" (func $sys_preempt))
  (type $cb (func (param i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "hello\\00")
  (table 1 funcref)
  (elem (i32.const 0) $callback)
  (func $__dx_preempt (export "__dx_preempt") (call $sys_preempt))
  (func $spin (export "spin") (loop $l (br $l)))
  (func $count (export "count") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $s))
  (func $count_value (export "count_value") (param $n i32) (result i32)
    (local $i i32)
    (loop $l (result i32)
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n)))
      (i32.mul (local.get $i) (i32.const 2))))
  (func $length (export "length") (param $p i32) (result i32)
    (local $i i32)
    (block $done
      (loop $l
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $i))
  (func $skip_some (export "skip_some") (param $p i32) (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.and (local.get $i) (i32.const 1))
          (then (local.set $s (i32.add (local.get $s)
                  (i32.load8_u (i32.add (local.get $p) (local.get $i)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $s))
  (func $leaf (export "leaf") (param $x i32) (result i32)
    (i32.mul (local.get $x) (i32.const 3)))
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func $lib_count (export "lib_count") (param $n i32) (result i32)
    (local $i i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i))
  (func $lib_apply (export "lib_apply") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (call_indirect (type $cb) (local.get $i) (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $s))
  (func $callback (type $cb) (param $x i32) (result i32) (i32.add (local.get $x) (i32.const 1))))
`;

function instrumentSample() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preempt-'));
  try {
    fs.writeFileSync(path.join(dir, 'sample.wat'), SAMPLE);
    fs.writeFileSync(path.join(dir, 'trusted.names'), 'lib_count\nlib_apply\n');
    execFileSync('wasm-as', ['-g', 'sample.wat', '-o', 'sample.wasm'], { cwd: dir });
    const r = spawnSync(process.execPath, [tool, '-v', '-t', 'trusted.names', 'sample.wasm', 'out.wasm'],
      { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return { report: r.stderr, bytes: fs.readFileSync(path.join(dir, 'out.wasm')) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the pass checks loops and recursion, and leaves alone what must end', () => {
  const { report } = instrumentSample();
  const checked = new Map([...report.matchAll(/^ {2}(\w+): (.*)$/gm)].map((m) => [m[1], m[2]]));
  assert.deepEqual([...checked.keys()].sort(),
    ['count', 'count_value', 'fib', 'lib_apply', 'skip_some', 'spin'], report);
  assert.match(checked.get('fib'), /recursive/);
  assert.match(checked.get('lib_apply'), /calls the program/);
  assert.match(report, /checks at 5 loop heads and 1 function entries, in 6 of 12 functions; 1 loops need none/);
});

test('an instrumented loop calls the runtime when its budget runs out', async () => {
  const { bytes } = instrumentSample();
  let calls = 0, limit = Infinity;
  const { instance } = await WebAssembly.instantiate(bytes, {
    sys: {
      preempt: () => {
        if (++calls > limit) throw new Error('preempted');
        x.__dx_budget.value = 10;
      },
    },
  });
  const x = instance.exports;
  const run = (fn) => { calls = 0; x.__dx_budget.value = 10; return fn(); };

  limit = 3;
  assert.throws(() => run(() => x.spin()), /preempted/, 'a loop without end is preempted');
  limit = Infinity;
  assert.equal(run(() => x.count(1000)), 499500);
  assert.ok(calls >= 90 && calls <= 101, `count(1000): ${calls} calls for a budget of 10`);
  assert.equal(run(() => x.count_value(50)), 100, 'a loop with a value keeps it');
  assert.ok(calls >= 4);
  assert.equal(run(() => x.fib(15)), 610);
  assert.ok(calls > 100, `fib(15): ${calls} calls`);
  assert.equal(run(() => x.lib_apply(100)), 5050);
  assert.ok(calls >= 9);
  assert.equal(run(() => x.length(100)), 5);
  assert.equal(run(() => x.leaf(7)), 21);
  assert.equal(run(() => x.lib_count(1000)), 1000);
  x.__dx_budget.value = 0;
  calls = 0;
  x.length(100);
  x.leaf(7);
  x.lib_count(1000);
  assert.equal(calls, 0, 'a scan of memory, a leaf and a trusted loop have no check');
});

// ---- the runtime, with /bin -----------------------------------------------------

const PROMPT = '<p> ';
const atPrompt = (s) => /<p> (\x1b\[J\r\x1b\[\d+C)?$/.test(s);

async function consoleShell() {
  const dx = await bootConsole();
  await screenShows(dx, (s) => s.includes('$ '), 'first prompt', 60000);
  dx.typed(`PS1='${PROMPT}'\r`);
  await screenShows(dx, atPrompt, 'prompt');
  return dx;
}

// One try: start cmd in the background, time `echo` (its answer), then
// bring it to the foreground and time ^C (the prompt). Returns both in ms.
async function tryJob(dx, cmd, n) {
  dx.typed(`${cmd} &\r`);
  await screenShows(dx, (s) => /\[1\] \d+\r\n/.test(s.slice(-200)) && atPrompt(s), 'the job started');
  await new Promise((r) => setTimeout(r, 200));
  const mark = `hi${n}`;
  let start = performance.now();
  dx.typed(`echo ${mark}\r`);
  await screenShows(dx, (s) => s.includes(`\r\n${mark}\r\n`) && atPrompt(s), mark);
  const echo = performance.now() - start;
  dx.typed('fg\r');
  await screenShows(dx, (s) => s.endsWith(`${cmd}\r\n`), 'fg');
  await new Promise((r) => setTimeout(r, 200));
  const before = dx.screen().length;
  start = performance.now();
  dx.typed('\x03');
  await screenShows(dx, (s) => s.length !== before && /\^C\r*\n/.test(s.slice(-60)) && atPrompt(s),
    'the prompt after ^C');
  const ctrlC = performance.now() - start;
  dx.typed(`echo "status${n} $?"\r`);
  await screenShows(dx, (s) => s.includes(`status${n} 130`) && atPrompt(s), 'status 130');
  return { echo, ctrlC };
}

async function spinnerThenEchoAndCtrlC(cmd) {
  const dx = await consoleShell();
  try {
    let echo = Infinity, ctrlC = Infinity;
    for (let n = 1; n <= TRIES && (echo > LATENCY_MS || ctrlC > LATENCY_MS); n++) {
      const r = await tryJob(dx, cmd, n);
      echo = Math.min(echo, r.echo);
      ctrlC = Math.min(ctrlC, r.ctrlC);
    }
    assert.ok(echo <= LATENCY_MS, `${cmd} &, then echo: the answer in ${Math.round(echo)} ms`);
    assert.ok(ctrlC <= LATENCY_MS, `fg, then ^C: the prompt in ${Math.round(ctrlC)} ms`);
  } finally {
    dx.halted = true;
  }
}

test('fault spin &: the shell answers within 100 ms; fg and ^C end it', async () => {
  await spinnerThenEchoAndCtrlC('fault spin');
});

test('a backtracking grep in the background: the same', async () => {
  await spinnerThenEchoAndCtrlC(
    "echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | grep '\\(a*\\)*\\1b'");
});

test("the shell's own loop of builtins: the same", async () => {
  const dx = await consoleShell();
  try {
    let ctrlC = Infinity;
    for (let n = 1; n <= TRIES && ctrlC > LATENCY_MS; n++) {
      dx.typed('while :; do :; done\r');
      await new Promise((r) => setTimeout(r, 300));
      const before = dx.screen().length;
      const start = performance.now();
      dx.typed('\x03');
      await screenShows(dx, (s) => s.length !== before && /\^C\r*\n/.test(s.slice(-60)) &&
        atPrompt(s), 'the prompt after ^C');
      ctrlC = Math.min(ctrlC, performance.now() - start);
    }
    assert.ok(ctrlC <= LATENCY_MS, `^C: the prompt in ${Math.round(ctrlC)} ms`);
    dx.typed('echo ok\r');
    await screenShows(dx, (s) => s.includes('\r\nok\r\n') && atPrompt(s), 'ok');
  } finally {
    dx.halted = true;
  }
});

test('./duplex -c: a spinner killed by kill ends with 143', () => {
  const r = spawnSync(path.join(root, 'duplex'),
    ['-c', 'fault spin & sleep 0.2; kill $!; wait $!; echo $?'],
    { encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(r.stdout, '143\n', r.stderr);
  assert.equal(r.status, 0);
});

test('./duplex: ^C ends a foreground fault spin, and the OS runs on', async () => {
  const t = duplexInTerminal([]);
  try {
    await t.shows((s) => s.includes('$ '), 'first prompt', 180000);
    t.type(`PS1='${PROMPT}'\r`);
    await t.shows(atPrompt, 'prompt');
    t.type('fault spin\r');
    await t.shows((s) => /fault spin[^\n]*\n$/.test(s), 'fault spin running');
    await new Promise((r) => setTimeout(r, 300));
    t.type('\x03');
    await t.shows((s) => /\^C\r*\n/.test(s.slice(-50)) && atPrompt(s), 'the prompt after ^C', 5000);
    t.type('echo "status $?"\r');
    await t.shows((s) => s.includes('status 130') && atPrompt(s), 'status 130');
  } finally {
    t.kill();
  }
});

// Which process the runtime runs, and for how long, sampled through its
// runProcess: the CPU time of each context number.
function cpuByProcess(dx) {
  const time = new Map();
  const run = dx.runProcess.bind(dx);
  dx.runProcess = (ctx) => {
    const t = performance.now();
    try {
      return run(ctx);
    } finally {
      time.set(ctx, (time.get(ctx) || 0) + performance.now() - t);
    }
  };
  return time;
}

test('two spinners share the CPU, and the event loop runs between slices', async () => {
  const dx = await consoleShell();
  try {
    dx.typed('fault spin & fault spin &\r');
    await screenShows(dx, (s) => /\[2\] \d+/.test(s) && atPrompt(s), 'two jobs');
    await new Promise((r) => setTimeout(r, 100));
    const time = cpuByProcess(dx);
    // the event loop's turns: a task queued as soon as the last one ran
    const window = async () => {
      // Measured in this process's CPU time, not on the clock: what the
      // runtime holds the loop for is computing, and a host busy with other
      // work stretches the clock's gaps, not the CPU's.
      const gaps = [];
      const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
      let last = cpu(), going = true;
      const turn = () => {
        const t = cpu();
        gaps.push(t - last);
        last = t;
        if (going) setImmediate(turn);
      };
      setImmediate(turn);
      await new Promise((r) => setTimeout(r, 1000));
      going = false;
      gaps.sort((a, b) => a - b);
      return { median: gaps[gaps.length >> 1], p90: gaps[Math.floor(gaps.length * 0.9)] };
    };
    let gap = await window();
    const spent = [...time.values()].filter((ms) => ms > 50).sort((a, b) => a - b);
    assert.equal(spent.length, 2, `processes that ran over 50 ms: ${[...time.values()]}`);
    assert.ok(spent[0] > spent[1] / 3, `the spinners' CPU times: ${spent.map(Math.round)} ms`);
    // A slice is 8 ms; the best of up to three windows of a second is
    // judged (the collector's threads count in the CPU time too).
    const fine = (g) => g.median <= 10 && g.p90 <= 20;
    for (let n = 1; n < 3 && !fine(gap); n++) gap = await window();
    assert.ok(fine(gap),
      `the event loop's turns came ${gap.median.toFixed(1)} ms apart (median), ${gap.p90.toFixed(1)} ms 9 times in 10`);
    dx.typed('kill %1 %2\r');
    await screenShows(dx, atPrompt, 'prompt');
  } finally {
    dx.halted = true;
  }
});
