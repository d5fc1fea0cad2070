// args.test.js - long command lines through the web platform: `./duplex -c
// LINE` hands LINE to init, which spawns `sh -c LINE`. Nothing on that path
// may refuse a line the kernel takes: LINE is one argument, so at most
// MAX_ARG_STRLEN (128 KiB with its NUL; ARG_MAX, 2 MiB, is for all of argv
// and envp), and a longer line must be refused with a message, never
// silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLine } from './harness.js';

test('a 120 KiB -c line reaches the shell whole', async () => {
  const r = await runLine(`echo ${'a'.repeat(122880)} | wc -c`);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '122881\n');
  assert.equal(r.code, 0);
});

test('a -c line of 9 KB (once refused by a miscount) runs', async () => {
  const r = await runLine(`x=${'7'.repeat(9000)}; echo $x | wc -c`);
  assert.equal(r.stdout, '9001\n');
});

for (const size of [131072, 1 << 20]) {     // with "echo ", over MAX_ARG_STRLEN
  test(`a -c line of ${size} bytes: "Argument list too long" on stderr, status 126`, async () => {
    const r = await runLine(`echo ${'a'.repeat(size)}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'init: cannot start /bin/sh: Argument list too long\n');
    assert.equal(r.code, 126);
  });
}
