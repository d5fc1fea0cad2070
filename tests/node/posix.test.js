// posix.test.js - the POSIX conformance suite (tests/posix/) on the web
// target: each case file run by tests/posix/run.sh in a machine of its own,
// compared case by case with the reference's output (tests/posix/check.js).
// Known failures (tests/posix/xfail) are reported as XFAIL with their
// count at the end, never hidden; a listed case that passes fails the test.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { runLine } from './harness.js';
import { caseFiles, compareFile, knownFailures, summary } from '../posix/check.js';

const xfail = knownFailures();
const results = [];

for (const file of caseFiles()) {
  test(`posix ${file}`, async () => {
    const { stdout } = await runLine(`cd /tests/posix && sh run.sh ${file} 2>&1`,
      { timeoutMs: 240000 });
    const r = compareFile(file, stdout, { xfail });
    results.push(r);
    if (r.lines.length) console.log(r.lines.join('\n'));
    assert.ok(r.fail === 0 && r.xpass === 0, r.lines.join('\n'));
  });
}

after(() => {
  const s = summary(results);
  console.log(s.text.split('\n').filter((l) => !l.startsWith('     ')).join('\n'));
});
