// wasiprep.js - make a WASI program (wasi-libc's, or Emscripten's
// -sSTANDALONE_WASM) runnable by Duplex's web runtime, with binaryen.js (the
// `binaryen` npm package), in Node and in the page (docs/wasi.md):
//
//   prepareWasi(binaryen, bytes) -> bytes    the whole preparation
//   instrumentWasiBytes(binaryen, bytes)     steps 1 and 2 (below) only
//   loadBinaryen() -> Promise of binaryen    fetched at the first call only
//   prepareOnPage(bytes) -> Promise of bytes     the page's way: off its thread,
//                                                kept in IndexedDB
//
// A program built by wasi-libc or Emscripten knows nothing of Duplex. The
// runtime (wasi.js) gives it WASI's calls over Duplex's system calls, and
// stops and resumes it with asyncify as any program. Preparing it is:
//
//   1. addWasiExports: what the runtime needs and the program does not
//      export - __dx_preempt, the preemption points' slow path (here the
//      import sys.preempt itself, exported under that name); __dx_sp, the
//      program's stack pointer (its first global, as both toolchains'
//      linkers make it); and __dx_stack_low, the lowest address its stack
//      can reach: the end of its data if the data lies below the stack, else
//      0 (process.js saves a stopped program's stack in free stack, since a
//      WASI program's memory above its data is all its own);
//   2. the preemption points, as every program has them (preempt.js);
//   3. asyncify, with every WASI call and sys.preempt as a place where the
//      program may stop, then Binaryen's -O2, as wasm-opt does for /bin.
//
// tools/wasi-prep runs steps 1 and 2 for ./duplex (web/node.js keeps the
// result in build/wasi/) and for the Makefile, and Debian's wasm-opt step
// 3; the page runs all three in a worker at a WASI program's first exec
// (wasiwait.js, WasiWaiting). binaryen.js is large (docs/wasi.md):
// nothing loads it until a program needs preparing.
import { addPreemptionPoints } from './preempt.js';

export const ASYNCIFY_IMPORTS = 'sys.preempt,wasi_snapshot_preview1.*';

let loading = null;
export function loadBinaryen() {
  const node = typeof process !== 'undefined' && !!process.versions?.node;
  // (a variable, so that no tool takes the page's URL for a file to bundle)
  const where = node ? 'binaryen' : new URL('../binaryen/index.js', import.meta.url).href;
  loading ??= import(where).then((m) => m.default);
  return loading;
}

// Where the data ends, if it lies below sp (the stack sits above it).
function stackLow(b, mod, sp) {
  let low = 0;
  for (let i = 0; i < mod.getNumDataSegments(); i++) {
    const seg = mod.getDataSegmentInfo(mod.getDataSegmentByIndex(i));
    if (seg.passive) continue;
    const end = (seg.offset + seg.data.byteLength) >>> 0;
    if (end <= sp && end > low) low = end;
  }
  return ((low + 15) & ~15) >>> 0;
}

export function addWasiExports(b, mod) {
  if (mod.getNumGlobals() === 0) throw new Error('no stack pointer (no globals)');
  const g = b.getGlobalInfo(mod.getGlobalByIndex(0));
  if (g.module || !g.mutable || g.type !== b.i32)
    throw new Error('the first global is not a stack pointer');
  if (b._BinaryenExpressionGetId(g.init) !== b.ConstId)
    throw new Error('the stack pointer does not start at a constant');
  const sp = b.Const.getValueI32(g.init) >>> 0;

  if (!mod.getExport('__dx_sp')) mod.addGlobalExport(g.name, '__dx_sp');
  if (!mod.getExport('__dx_stack_low')) {
    mod.addGlobal('__dx_stack_low', b.i32, false, mod.i32.const(stackLow(b, mod, sp) | 0));
    mod.addGlobalExport('__dx_stack_low', '__dx_stack_low');
  }
  if (!mod.getExport('__dx_preempt')) {
    mod.addFunctionImport('__dx_sys_preempt', 'sys', 'preempt', b.none, b.none);
    mod.addFunctionExport('__dx_sys_preempt', '__dx_preempt');
  }
}

// Steps 1 and 2: the module as the asyncify pass should find it.
export function instrumentWasi(b, mod) {
  // what both toolchains emit, and what the passes add (as wasm-opt is told)
  mod.setFeatures(mod.getFeatures() | b.Features.MutableGlobals | b.Features.SignExt |
                  b.Features.BulkMemory);
  addWasiExports(b, mod);
  addPreemptionPoints(b, mod);
}

// binaryen.js's exceptions are Emscripten's: give them their message.
function failed(b, e) {
  if (e instanceof Error) return e;
  const m = b.getExceptionMessage ? b.getExceptionMessage(e) : null;
  return new Error(m ? m[1] : String(e));
}

// Steps 1 and 2 only, for tools/wasi-prep, which has Debian's native
// wasm-opt do step 3 (several times faster than binaryen.js on SQLite).
export function instrumentWasiBytes(b, bytes) {
  b.setDebugInfo(true);                 // keep the names, for whoever reads the output
  const mod = b.readBinary(bytes);
  try {
    instrumentWasi(b, mod);
    return mod.emitBinary();
  } catch (e) {
    throw failed(b, e);
  } finally {
    mod.dispose();
  }
}

// The whole preparation, as the page does it.
export function prepareWasi(b, bytes) {
  b.setDebugInfo(false);                // the names are read, not written
  const mod = b.readBinary(bytes);
  try {
    instrumentWasi(b, mod);
    b.setPassArgument('asyncify-imports', ASYNCIFY_IMPORTS);
    b.setOptimizeLevel(2);
    b.setShrinkLevel(0);
    mod.runPasses(['asyncify']);
    mod.optimize();
    if (!mod.validate()) throw new Error('the prepared program does not validate');
    return mod.emitBinary();
  } catch (e) {
    throw failed(b, e);
  } finally {
    b.clearPassArguments();
    mod.dispose();
  }
}

// ---- the page: a worker does it --------------------------------------------------
//
// Preparing takes from a fraction of a second to a minute (docs/wasi.md),
// and binaryen.js's calls cannot be interrupted: in a worker, the page and
// its other processes go on meanwhile, and ^C can end the one that waits.

let worker = null, jobs = 0;
const waiting = new Map();

export function prepareInWorker(bytes) {
  if (!worker) {
    worker = new Worker(new URL(import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      const job = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.error) job.reject(new Error(data.error));
      else job.resolve(data.bytes);
    };
    worker.onerror = (e) => {
      for (const job of waiting.values()) job.reject(new Error(e.message || 'the worker failed'));
      waiting.clear();
    };
  }
  const id = ++jobs;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, bytes });
  });
}

// The page keeps what it prepared in IndexedDB, under the hash of the
// program's bytes (as ./duplex keeps it in build/wasi/): after a reload the
// same program starts without binaryen.js. The keeping is a saving, not a
// duty: a browser that refuses it (no IndexedDB, the quota) prepares again.
const DB = 'duplex-wasi', STORE = 'prepared';

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function openKept() {
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE);
  return request(r);
}

const kept = (db, key) => request(db.transaction(STORE).objectStore(STORE).get(key));
const keep = (db, key, bytes) =>
  request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(bytes, key));

export async function prepareOnPage(bytes) {
  let db = null, key = null;
  try {
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    key = [...hash].map((x) => x.toString(16).padStart(2, '0')).join('');
    db = await openKept();
    const got = await kept(db, key);
    if (got) return new Uint8Array(got);
  } catch {
    // prepared, then, and maybe not kept
  }
  const out = await prepareInWorker(bytes);
  if (db) keep(db, key, out).catch(() => {});
  return out;
}

if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope) {
  globalThis.onmessage = async ({ data: { id, bytes } }) => {
    try {
      const out = prepareWasi(await loadBinaryen(), bytes);
      globalThis.postMessage({ id, bytes: out }, [out.buffer]);
    } catch (e) {
      globalThis.postMessage({ id, error: e && e.message || String(e) });
    }
  };
}
