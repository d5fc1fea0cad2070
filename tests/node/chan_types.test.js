// chan_types.test.js - typed channels must be typed: runs
// tests/unit/chan_types.sh, which compiles small programs against
// <duplex/chan.h> and expects the ones that mix up types to fail. It needs
// only the compiler, not the web build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('chan_types: a wrong-type send or a mixed-up channel does not compile', () => {
  const r = spawnSync('sh', ['tests/unit/chan_types.sh'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /chan_types: \d+ cases as expected/);
});
