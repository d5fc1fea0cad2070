// shm.test.js - System V shared memory on the web platform, where each
// process has its own copy of a segment, kept in step at every switch
// (web/runtime.js): no write may be lost, whatever the switches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Duplex } from '../../web/runtime.js';
import { runLine } from './harness.js';

// A process blocked in a system call lets the others run nested, from its
// own stack. When the time slice ends meanwhile, it unwinds, and its copy
// of a segment - older than what the others wrote - must not be written
// back over theirs. A slice that is over whenever processes run nested
// makes that happen in every run of counter (its two processes take turns
// on a semaphore), where a real 8 ms slice does it now and then.
test('a blocked process that unwinds keeps the writes others made meanwhile', async () => {
  const sliceOver = Duplex.prototype.sliceOver;
  Duplex.prototype.sliceOver = function () { this.readClock(); return this.nested; };
  try {
    const r = await runLine('counter; counter');
    const locked = r.stdout.split('\n').filter((l) => l.startsWith('each addition under'));
    assert.deepEqual(locked, Array(2).fill('each addition under a semaphore:      20000'), r.stdout);
  } finally {
    Duplex.prototype.sliceOver = sliceOver;
  }
});
