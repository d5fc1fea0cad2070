// copy.test.js - web/process.js's copies between memories (copyBytes,
// MemViews): every alignment and length around the loop/set() boundary,
// and cached views after a memory grows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyBytes, MemViews } from '../../web/process.js';

function memory(fill) {
  const m = new WebAssembly.Memory({ initial: 1, maximum: 4 });
  const b = new Uint8Array(m.buffer);
  for (let i = 0; i < b.length; i++) b[i] = fill(i);
  return m;
}

test('copies every length and alignment exactly, and nothing around it', () => {
  const src = memory((i) => (i * 7 + 3) & 255);
  const s = new MemViews(src.buffer);
  for (const n of [0, 1, 3, 4, 5, 15, 16, 17, 63, 64, 65, 191, 192, 193, 255, 4096]) {
    for (const [from, to] of [[1024, 2048], [1025, 2048], [1024, 2051], [1027, 2049]]) {
      const dst = memory(() => 0xee);
      copyBytes(new MemViews(dst.buffer), to, s, from, n);
      const d = new Uint8Array(dst.buffer);
      for (let i = 0; i < n; i++) assert.equal(d[to + i], s.u8[from + i], `n=${n} byte ${i}`);
      assert.equal(d[to - 1], 0xee, `n=${n}: nothing before`);
      assert.equal(d[to + n], 0xee, `n=${n}: nothing after`);
    }
  }
});

test('a kept view of a range is not used after the memory grew', () => {
  const src = memory((i) => i & 255);
  const s = new MemViews(src.buffer);
  const dst = memory(() => 0);
  const d = new MemViews(dst.buffer);
  copyBytes(d, 8192, s, 4096, 1000);                 // keeps a view of [4096, 5096)
  src.grow(1);                                       // detaches it
  s.view(src.buffer);
  new Uint8Array(src.buffer).fill(9, 4096, 5096);
  copyBytes(d, 8192, s, 4096, 1000);
  assert.ok(d.u8.subarray(8192, 9192).every((b) => b === 9));
});
