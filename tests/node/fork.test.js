// fork.test.js - fork on the web target (web/process.js: forkChild and
// finishFork; web/runtime.js: procFork and the spare instances): what the
// compatibility suite (tests/compat) cannot see from inside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLine } from './harness.js';

test('a fork child takes the instance of a process that ended', async () => {
  const r = await runLine('forkbench 1 20');
  assert.match(r.stdout, /^fork-1mib-us [\d.]+ us\n$/);
  assert.equal(r.dx.stats.forks, 20);
  // the first child needs a new instance; after that, each one can have
  // the one its predecessor left
  assert.ok(r.dx.stats.reused >= 18, `only ${r.dx.stats.reused} of 20 forks reused an instance`);
});

test('a reused instance holds nothing of the process that had it', async () => {
  // shmcounter's child exits with its heap and stack written; the next
  // fork's child must see its own parent's memory, not that one's
  const r = await runLine('shmcounter; forkpipe; shmcounter');
  assert.equal(r.stdout, 'counter = 20000 (expected 20000)\n' +
    'child received: hello\nparent: child finished\n' +
    'counter = 20000 (expected 20000)\n');
});
