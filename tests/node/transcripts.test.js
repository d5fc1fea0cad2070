// transcripts.test.js - every tests/transcripts/NAME.sh run on the web
// target: its stdout and stderr together must equal NAME.out. The same files
// run on arm64 under QEMU (tests/qemu/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runLine, root } from './harness.js';

const dir = path.join(root, 'tests', 'transcripts');
const scripts = fs.readdirSync(dir).filter((f) => f.endsWith('.sh')).sort();

test('there are transcripts to run', () => {
  assert.ok(scripts.length > 0, 'no tests/transcripts/*.sh found');
});

for (const script of scripts) {
  const name = script.replace(/\.sh$/, '');
  test(`transcript ${name}`, async () => {
    const expected = fs.readFileSync(path.join(dir, `${name}.out`), 'latin1');
    const { stdout } = await runLine(`cd /tests && sh ${script} 2>&1`);
    assert.equal(stdout, expected);
  });
}
