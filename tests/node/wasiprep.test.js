// wasiprep.test.js - a WASI program prepared by binaryen.js (web/wasiprep.js,
// docs/wasi.md): what the preparation adds, and the way the page runs a raw
// program at its first exec - prepared meanwhile (here a promise, on the page
// a worker), the process waiting in the kernel as a WasiWaiting until it is
// ready (web/wasi.js). The raw program comes in as a drop does
// (runtime.putFile, transfer.js). `make test-node` builds the programs
// first (make wasi-tests).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root, bootConsole, screenShows } from './harness.js';
import { loadBinaryen, prepareWasi } from '../../web/wasiprep.js';
import { wasiUnprepared } from '../../web/process.js';

const built = path.join(root, 'build', 'wasi-tests');
const raw = (t) => fs.readFileSync(path.join(built, `${t}.wasm`));
let binaryen;

before(async () => {
  for (const t of ['wasi-tool', 'em-tool'])
    assert.ok(fs.existsSync(path.join(built, `${t}.wasm`)), `make wasi-tests first: ${t}`);
  binaryen = await loadBinaryen();
});

const names = (list) => new Set(list.map((e) => (e.module ? `${e.module}.${e.name}` : e.name)));

for (const t of ['wasi-tool', 'em-tool']) {
  test(`${t}: prepared, it has what the runtime needs`, () => {
    const before = new WebAssembly.Module(raw(t));
    assert.ok(wasiUnprepared(before));
    const m = new WebAssembly.Module(prepareWasi(binaryen, raw(t)));
    assert.ok(!wasiUnprepared(m));
    const ex = names(WebAssembly.Module.exports(m));
    for (const e of ['__dx_sp', '__dx_stack_low', '__dx_preempt', '__dx_budget', '_start',
      'asyncify_start_unwind', 'asyncify_stop_unwind', 'asyncify_start_rewind', 'asyncify_stop_rewind'])
      assert.ok(ex.has(e), `exports ${e}`);
    assert.ok(names(WebAssembly.Module.imports(m)).has('sys.preempt'));
  });
}

test('a program that already has preemption points is refused, not instrumented twice', () => {
  const once = prepareWasi(binaryen, raw('wasi-tool'));
  assert.throws(() => prepareWasi(binaryen, once), /already has preemption points/);
});

// ---- the page's way: prepared while the process waits ------------------------------

const PROMPT = '<p> ';
const atPrompt = (s) => /<p> (\x1b\[J\r\x1b\[\d+C)?$/.test(s);

// The shell on the console of a machine that prepares WASI programs as the
// page does: the result comes later (after delay ms, or when release() is
// called), not from the exec itself.
async function pageLike({ delay = 0, held = false } = {}) {
  let release;
  const gate = held ? new Promise((r) => { release = r; }) : null;
  const prepared = [];
  const dx = await bootConsole({
    prepareWasi: async (bytes) => {
      prepared.push(bytes.length);
      await new Promise((r) => setTimeout(r, delay));
      if (gate) await gate;
      return prepareWasi(binaryen, bytes);
    },
  });
  await screenShows(dx, (s) => s.includes('$ '), 'first prompt', 60000);
  dx.typed(`PS1='${PROMPT}'\r`);
  await screenShows(dx, atPrompt, 'prompt');
  return { dx, prepared, release: () => release() };
}

// Type cmd; resolve to what the screen showed since, once pred holds of it
// and the prompt is back.
async function line(dx, cmd, pred, what, ms = 60000) {
  const before = dx.shownBytes;
  const since = (s) => s.slice(Math.max(0, s.length - (dx.shownBytes - before)));
  dx.typed(`${cmd}\r`);
  return since(await screenShows(dx, (s) => pred(since(s)) && atPrompt(s), what, ms));
}

test('a dropped WASI program runs at its first exec, in a pipeline, prepared once', async () => {
  const { dx, prepared } = await pageLike({ delay: 300 });
  try {
    for (const t of ['wasi-tool', 'em-tool'])
      assert.ok(!dx.putFile(`${t}.wasm`, raw(t), 0o755).error);
    const twice = /^ {4}100 {5}100 {5}292\r?\n {4}100 {5}100 {5}292\r?\n\r?<p> /m;
    for (const t of ['wasi-tool', 'em-tool'])
      await line(dx, `seq 1 100 | ./${t}.wasm wc; seq 1 100 | wc`, (x) => twice.test(x), `${t} wc`);
    // a read from a pipe blocks until the writer writes; a second run
    // takes the program prepared before
    await line(dx, '(echo first; sleep 0.3; echo second) | ./wasi-tool.wasm cat | ./em-tool.wasm wc',
      (x) => /^ {6}2 {7}2 {6}13\r?\n\r?<p> /m.test(x), 'cat | wc');
    assert.deepEqual(prepared, [raw('wasi-tool').length, raw('em-tool').length]);
  } finally {
    dx.halted = true;
  }
});

test('^C ends a WASI program that spins, and one still waiting for its preparation', async () => {
  const { dx, release } = await pageLike({ held: true });
  try {
    dx.putFile('wasi-tool.wasm', raw('wasi-tool'), 0o755);
    // waiting: the process sleeps in the kernel; ^C ends it as any sleeper
    dx.typed('./wasi-tool.wasm spin\r');
    await screenShows(dx, (s) => /wasm spin[^\n]*\n$/.test(s), 'the command taken');
    await new Promise((r) => setTimeout(r, 300));
    await line(dx, '\x03', (s) => /\^C\r*\n/.test(s.slice(-60)), 'the prompt after ^C');
    await line(dx, 'echo "status $?"', (s) => s.includes('status 130\r\n'), 'status 130');
    // prepared: its loop has preemption points, so ^C ends it too
    release();
    dx.typed('./wasi-tool.wasm spin\r');
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(!atPrompt(dx.screen()), 'it spins');
    await line(dx, '\x03', (s) => /\^C\r*\n/.test(s.slice(-60)), 'the prompt after ^C');
    await line(dx, 'echo "status $?"', (s) => s.includes('status 130\r\n'), 'status 130 again');
  } finally {
    dx.halted = true;
  }
});

test('a WASI program that cannot be prepared: its error says why, and it ends with 126', async () => {
  // a WASI program with no stack pointer (no globals), as no toolchain makes one
  const mod = binaryen.parseText(`(module
    (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
    (memory (export "memory") 1)
    (func (export "_start") (call $exit (i32.const 0))))`);
  const bad = mod.emitBinary();
  mod.dispose();
  const { dx } = await pageLike();
  try {
    dx.putFile('bad.wasm', bad, 0o755);
    const s = await line(dx, './bad.wasm; echo "status $?"', (x) => x.includes('status 126'), 'status 126');
    assert.match(s, /\.\/bad\.wasm: cannot prepare this WASI program: no stack pointer \(no globals\)\r?\n/);
  } finally {
    dx.halted = true;
  }
});
