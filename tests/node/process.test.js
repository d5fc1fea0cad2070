// process.test.js - the web platform's process machinery (web/process.js,
// web/runtime.js), booted in Node: host timers, the compiled-module cache,
// shared-memory mirrors and the stack save area of a blocked program.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Duplex } from '../../web/runtime.js';
import { runLine, root } from './harness.js';

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

// ---- the compiled-module cache: a program is never taken for another ----------

// FNV-1a-32, as the cache was once keyed (with the length); h is the state
// after the bytes before.
function fnv(bytes, h = 0x811c9dc5) {
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619);
  return h >>> 0;
}

function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

// prog + a custom section "pad" of zeros and then 8 bytes of tag, the whole
// `total` bytes long: still a valid program, doing what prog does.
function padded(prog, total) {
  for (let fill = 0; ; fill++) {
    const body = [...leb(3), ...Buffer.from('pad'), ...new Array(fill).fill(0)];
    const head = [0, ...leb(body.length + 8), ...body];
    if (prog.length + head.length + 8 === total) {
      const bytes = Buffer.concat([prog, Buffer.from(head), Buffer.alloc(8)]);
      return { bytes, state: fnv(bytes.subarray(0, bytes.length - 8)) };
    }
    if (prog.length + head.length + 8 > total) throw new Error('no padding fits');
  }
}

// One step of FNV-1a backwards: the state before `byte` was hashed.
const FNV_PRIME = 16777619;
let FNV_INVERSE = FNV_PRIME;              // FNV_PRIME's inverse mod 2^32 (Newton)
for (let i = 0; i < 5; i++) FNV_INVERSE = Math.imul(FNV_INVERSE, 2 - Math.imul(FNV_PRIME, FNV_INVERSE));
const unhash = (h, byte) => (Math.imul(h, FNV_INVERSE) ^ byte) >>> 0;

// Two different programs of one length and one FNV-1a-32 hash: b's 8 tag
// bytes are chosen to reach a's hash, meeting in the middle (the hash after
// b's first two tag bytes, forwards, against the hash before its next two,
// backwards from a's).
function collidingPair(progA, progB) {
  const total = Math.max(progA.length, progB.length) + 64;
  const a = padded(progA, total), b = padded(progB, total);
  const target = fnv(a.bytes);
  const forward = new Map();
  for (let t = 0; t < 65536; t++) forward.set(fnv([t & 255, t >> 8], b.state), t);
  for (let k = 0; k < 256; k++) {
    let h = unhash(unhash(unhash(unhash(target, 0), 0), 0), k);   // before t7, t6, t5, t4 = k
    for (let t = 0; t < 65536; t++) {
      const mid = unhash(unhash(h, t >> 8), t & 255);               // before t3, then t2
      const first = forward.get(mid);
      if (first === undefined) continue;
      const tag = [first & 255, first >> 8, t & 255, t >> 8, k, 0, 0, 0];
      Buffer.from(tag).copy(b.bytes, b.bytes.length - 8);
      return [a.bytes, b.bytes];
    }
  }
  throw new Error('no collision found');
}

const wasmBin = (name) => fs.readFileSync(path.join(root, 'build', 'wasm32', 'bin', name));

test('two programs of one length and one FNV-1a hash each run as themselves', async () => {
  const [a, b] = collidingPair(wasmBin('basename'), wasmBin('dirname'));
  assert.notDeepEqual(a, b);
  assert.equal(a.length, b.length);
  assert.equal(fnv(a), fnv(b));
  const n = a.length;
  const r = await runLine('cp /bin/basename /tmp/a; cp /bin/basename /tmp/b; cat > /tmp/ab; ' +
    `head -c ${n} /tmp/ab > /tmp/a; tail -c ${n} /tmp/ab > /tmp/b; ` +
    '/tmp/a x/y; /tmp/b x/y; /tmp/a x/y; /tmp/b x/y', { stdin: Buffer.concat([a, b]) });
  assert.equal(r.stdout, 'y\nx\ny\nx\n');
  assert.equal(r.dx.stats.compiles, 2, 'each compiled once');
});

test('a program rewritten in place runs as what it now is', async () => {
  const [a, b] = collidingPair(wasmBin('dirname'), wasmBin('basename'));
  const n = a.length;
  const r = await runLine('cp /bin/basename /tmp/p; cat > /tmp/ab; ' +
    `head -c ${n} /tmp/ab > /tmp/p; /tmp/p x/y; tail -c ${n} /tmp/ab > /tmp/p; /tmp/p x/y; ` +
    'cat /bin/basename > /tmp/p; /tmp/p x/y; cat /bin/dirname > /tmp/p; /tmp/p x/y',
  { stdin: Buffer.concat([a, b]) });
  assert.equal(r.stdout, 'x\ny\ny\nx\n');
});
