// process.test.js - the web platform's process machinery (web/process.js,
// web/runtime.js), booted in Node: host timers, the compiled-module cache,
// shared-memory mirrors and the stack save area of a blocked program.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Duplex } from '../../web/runtime.js';
import { runLine } from './harness.js';

// ---- host timers -------------------------------------------------------------

test('a timer years away neither warns nor spins: sleep 1e9 &, then kill', async () => {
  const warnings = [];
  const onWarning = (w) => warnings.push(`${w.name}: ${w.message}`);
  process.on('warning', onWarning);
  const setTimer = Duplex.prototype.setTimer;
  const delays = [];
  Duplex.prototype.setTimer = function (ms) {
    if (ms > 0) delays.push(ms - performance.now());
    return setTimer.call(this, ms);
  };
  try {
    const r = await runLine('sleep 1e9 & sleep 0.3; kill $!; wait $!; echo "status $?"');
    assert.equal(r.stdout, 'status 143\n');
    await new Promise((resolve) => setImmediate(resolve));      // warnings come async
  } finally {
    Duplex.prototype.setTimer = setTimer;
    process.off('warning', onWarning);
  }
  assert.deepEqual(warnings, []);
  // sleep 0.3 sets the timer once or twice, the far one a few times: not a
  // timer that fires at once and is set again, hundreds of times
  assert.ok(delays.length < 20, `the timer was set ${delays.length} times`);
  assert.ok(delays.some((d) => d > 2 ** 31), 'the kernel did ask for a deadline years away');
});

// ---- shared memory: the runtime mirrors exactly what the kernel records ----------

test('segments attached over others are refused, and removed ones leave no mirror', async () => {
  const r = await runLine('runas 1000 fault shm; shmdemo > /dev/null; ringdemo > /dev/null; ipcs -m');
  assert.match(r.stdout, /a segment over one still attached: Invalid argument\n/);
  assert.match(r.stdout, /a second segment at that address: Invalid argument\n/);
  assert.match(r.stdout, /kernel memory intact\n/);
  assert.equal(r.dx.shmSegs.size, 0, 'no segment is mirrored any more');
  for (const p of r.dx.procs) if (p) assert.deepEqual(p.shm, []);
});
