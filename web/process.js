// process.js - one Duplex process on the web target: its own WebAssembly
// instance with its own linear memory, stopped and resumed with Binaryen's
// asyncify.
//
// A user program imports sys.syscall. When the kernel answers a call with
// KERN_BLOCK, the import starts an asyncify unwind: the program's stack is
// saved into a buffer inside its own memory and its entry export returns. To
// resume, the runtime starts a rewind and calls the entry export again; the
// program's code rebuilds its stack and re-enters the import, which either
// re-issues the same system call (the blocking model's restart) or returns a
// value kept from before (after a time slice ended or a stop).
//
// It also imports sys.preempt, which its preemption points call (see
// web/preempt.js): a program that computes without system calls is
// unwound there when its time slice is over, the same way.
//
// The program side of this contract is shell/lib/arch/wasm32/ (crt.c).
//
// A WASI program (one that imports wasi_snapshot_preview1: wasi.js) is run
// the same way, entered at _start, with its stack saved on its own stack.

import { Wasi, SCRATCH } from './wasi.js';

export const KERN_BLOCK = -1001;
export const KERN_EXIT = -1002;
export const KERN_RESTART = -1003;
export const KERN_EXEC = -1004;
export const KSIG_NONE = 0, KSIG_HANDLER = 1, KSIG_EXIT = 2, KSIG_STOP = 3;

const ERESTART = -512;          // tells the program: run handlers, then issue again
const EFAULT = -14, ENOEXEC = -8, ENAMETOOLONG = -36;
const NULL_GUARD = 1024;        // addresses below this fault, like a null page
const SAVE_AREA = 1024 * 1024;  // room for a saved stack: see unwind()

const SIGILL = 4, SIGFPE = 8, SIGSEGV = 11;

// Whether a module is a WASI program, by its imports; and whether it has
// been made ready for Duplex (wasiprep.js: asyncify's exports).
const wasiModules = new WeakMap();
export function isWasi(module) {
  let w = wasiModules.get(module);
  if (w === undefined) {
    w = WebAssembly.Module.imports(module).some((i) => i.module === 'wasi_snapshot_preview1');
    wasiModules.set(module, w);
  }
  return w;
}
export function wasiUnprepared(module) {
  return isWasi(module) &&
    !WebAssembly.Module.exports(module).some((e) => e.name === 'asyncify_start_unwind');
}

// A program's preemption points count down a budget (its exported global
// __dx_budget) and call sys.preempt when it runs out, which looks at the
// clock. How many points pass between two looks is adapted per process, in
// proportion to the time the last ones took, so that it looks about every
// LOOK_MS: often enough for the slice to end on time, rarely enough that a
// look (a call out and a clock read, about 0.1 us) costs nothing measurable.
// The time between two points varies (a point may be followed by a memcpy
// of megabytes), so the budget starts small and grows at most 4x a look.
const LOOK_MS = 0.5;
const BUDGET_START = 4096, BUDGET_MAX = 1 << 20;

// Thrown out of a program's stack when it is gone: it exited or was
// killed (EXITED), or execve replaced it (EXECED).
export const EXITED = { reason: 'exited' };
export const EXECED = { reason: 'execed' };

// How a stopped program continues (Process.resume).
const START = 0, RUNNING = 1, REISSUE = 2, RETURN = 3;

// The signal a trap stands for, from the engine's message.
export function trapSignal(err) {
  if (err instanceof RangeError) return SIGSEGV;          // native stack overflow
  const m = String(err && err.message);
  if (/unreachable/.test(m)) return SIGILL;
  if (/divide by zero|remainder by zero|integer overflow/.test(m)) return SIGFPE;
  return SIGSEGV;                                          // memory, table, signature
}

// The views of one memory that copies use: bytes, words, and the byte
// ranges recently copied from. set() needs a view of exactly the source
// range, and making one costs as much as copying 200 bytes word by word
// (60 ns, and work for the collector); a program that streams through a
// pipe copies the same few ranges over and over (its buffer, the pipe's
// slots), so they are kept, a few per memory.
export class MemViews {
  constructor(buffer) { this.view(buffer); }

  view(buffer) {
    this.u8 = new Uint8Array(buffer);
    this.u32 = new Int32Array(buffer);
    this.ranges = new Array(16);
  }

  range(at, n) {
    const slot = ((at >>> 12) + (at >>> 16)) & 15;
    let v = this.ranges[slot];
    // a view of a buffer that the memory's growth detached has length 0
    if (v === undefined || v.byteOffset !== at || v.length !== n) {
      v = this.u8.subarray(at, at + n);
      this.ranges[slot] = v;
    }
    return v;
  }
}

// Copy n bytes from the memory s at src to the memory d at dst. System
// calls mostly copy small structures and messages: below COPY_BY_LOOP
// bytes the copy is a loop, four words a turn.
const COPY_BY_LOOP = 192;
export function copyBytes(d, dst, s, src, n) {
  if (n > COPY_BY_LOOP) {
    d.u8.set(s.range(src, n), dst);
    return;
  }
  const d8 = d.u8, s8 = s.u8, d32 = d.u32, s32 = s.u32;
  let i = 0;
  if (((dst | src) & 3) === 0) {
    let dw = dst >>> 2, sw = src >>> 2;
    const end = sw + (n >>> 2);
    for (; sw + 4 <= end; sw += 4, dw += 4) {
      d32[dw] = s32[sw];
      d32[dw + 1] = s32[sw + 1];
      d32[dw + 2] = s32[sw + 2];
      d32[dw + 3] = s32[sw + 3];
    }
    for (; sw < end; sw++, dw++) d32[dw] = s32[sw];
    i = n & ~3;
  }
  for (; i < n; i++) d8[dst + i] = s8[src + i];
}

export class Process {
  // spare: an instance of module that a process that ended left behind
  // (runtime.js, takeSpare), for a fork child, which overwrites its memory.
  constructor(runtime, kp, module, argv, envp, spare = null) {
    this.rt = runtime;
    this.kp = kp;                 // the kernel's struct proc *
    this.ctx = 0;                 // the runtime's number for it (runtime.js, procLoad)
    this.argv = argv;
    this.envp = envp;
    this.resume = START;          // how to continue: START, REISSUE or RETURN
    this.resumeValue = 0;         // for RETURN: what the interrupted call returns
    this.rewinding = false;
    this.unwinding = false;       // unwind() started: __dx_start returns unwound
    this.dead = false;
    this.calls = 0;               // system calls since the slice began
    this.module = module;
    this.forked = null;           // a child made by this process's fork call, to finish
    // The import reaches the instance's process through owner, so that an
    // instance can serve another process later.
    this.owner = spare ? spare.owner : { proc: null };
    this.owner.proc = this;
    const owner = this.owner;
    this.wasi = isWasi(module) ? new Wasi(this) : null;
    this.instance = spare ? spare.instance : new WebAssembly.Instance(module, {
      // (named parameters: a rest parameter would allocate on every call)
      sys: {
        syscall: (nr, a0, a1, a2, a3, a4, a5) => owner.proc.syscall(nr, a0, a1, a2, a3, a4, a5),
        preempt: () => owner.proc.preempt(),
      },
      ...(this.wasi && { wasi_snapshot_preview1: this.wasi.imports(), env: Wasi.envStubs(module) }),
    });
    this.x = this.instance.exports;
    this.budget = this.x.__dx_budget || null;   // none: built without preemption points
    this.checks = BUDGET_START;   // points between two looks at the clock
    this.lookedAt = -1;           // when it last looked (-1: not since it was switched in)
    if (this.budget) this.budget.value = this.checks;   // what is left carries over
    this.memory = this.x.memory;
    this.mem = new MemViews(this.memory.buffer);
    this.heapBase = this.x.__heap_base ? this.x.__heap_base.value >>> 0 : this.memory.buffer.byteLength;
    this.brk = this.heapBase;
    this.asyncData = 0;
    this.shm = [];                // mirrored segments (shm.js): { seg, kmem, size, addr, ro, version }
  }

  // A view of the program's memory. Growing a memory detaches its old
  // buffer, and views of a detached buffer have length 0: that is the
  // cheap test (reading memory.buffer on every copy is not cheap).
  bytes() {
    if (this.mem.u8.length === 0) this.mem.view(this.memory.buffer);
    return this.mem.u8;
  }

  inRange(addr, n) {
    return addr >= NULL_GUARD && n >= 0 && addr + n <= this.bytes().length;
  }

  // ---- copyin / copyout, called by the kernel through the runtime --------

  // k is the kernel's memory, a MemViews (runtime.js).
  copyin(k, dst, src, n) {
    if (!this.inRange(src, n)) return EFAULT;
    copyBytes(k, dst, this.mem, src, n);
    return 0;
  }

  copyout(k, dst, src, n) {
    if (!this.inRange(dst, n)) return EFAULT;
    copyBytes(this.mem, dst, k, src, n);
    return 0;
  }

  copyinstr(k, dst, src, max) {
    const u = this.bytes();
    if (src < NULL_GUARD || src >= u.length) return EFAULT;
    const end = Math.min(u.length, src + max);
    const nul = u.subarray(src, end).indexOf(0);
    if (nul < 0) return end - src === max ? ENAMETOOLONG : EFAULT;
    k.u8.set(u.subarray(src, src + nul + 1), dst);
    return nul;
  }

  setBrk(addr) {
    if (addr === 0) return this.brk;
    const have = this.memory.buffer.byteLength;
    if (addr > have) {
      try {
        this.memory.grow(Math.ceil((addr - have) / 65536));
      } catch {
        return this.brk;
      }
    }
    if (addr >= this.heapBase) this.brk = addr;
    return this.brk;
  }

  // ---- running ------------------------------------------------------------

  // Run until the program blocks, yields, exits or traps. Returns nothing;
  // what happened is in this.resume and the kernel's state.
  run() {
    this.calls = 0;
    this.lookedAt = -1;
    if (this.resume === START && this.wasi) {
      this.resume = RUNNING;
      this.x._start();
    } else if (this.resume === START) {
      const block = this.writeArgs();
      this.resume = RUNNING;
      this.x.__dx_start(block);
    } else {
      this.rewind();
    }
    while (this.unwinding) {
      this.unwinding = false;
      this.x.asyncify_stop_unwind();
      if (!this.forked) return;
      this.finishFork();            // then on, at once, with the child's pid
      this.rewind();
    }
    // __dx_start returned: the program ended without calling exit.
    this.rt.syscallRaw(this, 1 /* SYS_exit */, 0, 0, 0, 0, 0, 0);
    throw EXITED;
  }

  rewind() {
    this.x.asyncify_start_rewind(this.asyncData);
    this.rewinding = true;
    if (this.wasi) this.x._start();
    else this.x.__dx_start(0);
  }

  // Save the stack and leave the program; `how` says how to come back.
  //
  // Asyncify checks the save area's end only when an unwind or a rewind
  // starts or stops, not while it saves frames, and a stack half unwound
  // cannot be resumed: the area must be large enough before the unwind
  // begins. It is the free memory above the program's break, nothing of
  // the program's own (its heap ends at the break, and shared segments lie
  // below it), grown when needed to at least SAVE_AREA bytes: more than
  // any stack the engine's native stack can hold (docs/design.md). It ends
  // where the memory ends, so a stack deeper than that would trap rather
  // than write over anything.
  unwind(how, value) {
    this.resume = how;
    this.resumeValue = value;
    if (this.wasi) return this.unwindWasi();
    if (!this.asyncData) this.asyncData = this.x.__dx_asyncify_data() >>> 0;
    const start = Math.ceil(this.brk / 16) * 16;
    let end = this.bytes().length;
    if (end - start < SAVE_AREA) {
      try {
        this.memory.grow(Math.ceil((SAVE_AREA - (end - start)) / 65536));
      } catch {
        // the memory is at its limit: save into what there is
      }
      end = this.bytes().length;
    }
    const at = this.asyncData >>> 2;
    this.mem.u32[at] = start;
    this.mem.u32[at + 1] = end;
    this.x.asyncify_start_unwind(this.asyncData);
    this.unwinding = true;
    return 0;
  }

  // Where a WASI program's stack is saved. Its memory above its data is
  // all its own (its allocator grows it with memory.grow, not brk), so the
  // free memory above the break that Duplex's programs leave is not there.
  // wasi-libc's allocator takes only the pages memory.grow gives it, so
  // SAVE_AREA bytes grown once at the end of the memory are the runtime's
  // for good. Emscripten's keeps a break of its own and would walk into
  // them (and its memory cannot grow unless it was built to): it gets the
  // free part of its stack instead, below the stack pointer and the
  // scratch bytes of wasi.js - leaving those, as a leaf function's frame
  // may lie below the stack pointer, which only calls move.
  unwindWasi() {
    if (this.wasiSave === undefined) this.wasiSave = this.wasiSaveArea();
    let low = this.wasiSave, end = low + SAVE_AREA;
    if (low === null) {
      low = Math.max(16, (this.x.__dx_stack_low.value + 15) & ~15);
      end = Math.max(low + 16, (((this.x.__dx_sp.value >>> 0) - SCRATCH) & ~15) - 16);
    }
    this.asyncData = low;
    const u32 = (this.bytes(), this.mem.u32);
    u32[low >>> 2] = low + 16;
    u32[(low >>> 2) + 1] = end;
    this.x.asyncify_start_unwind(low);
    this.unwinding = true;
    return 0;
  }

  wasiSaveArea() {
    if (this.x.stackSave) return null;                // Emscripten's
    const at = this.memory.buffer.byteLength;
    try {
      this.memory.grow(SAVE_AREA / 65536);
    } catch {
      return null;
    }
    return at;
  }

  // argv and envp as the program's entry expects them: a block in its own
  // memory, [argc][argv...][0][envp...][0][strings].
  writeArgs() {
    const enc = new TextEncoder();                  // strings, or bytes as they are
    const cstr = (b) => { const c = new Uint8Array(b.length + 1); c.set(b); return c; };
    const strs = [...this.argv, ...this.envp].map((s) => (typeof s === 'string'
      ? enc.encode(s + '\0') : cstr(s)));
    const words = 1 + this.argv.length + 1 + this.envp.length + 1;
    const size = words * 4 + strs.reduce((n, s) => n + s.length, 0);
    const block = this.x.__dx_argbuf(size) >>> 0;
    const dv = new DataView(this.memory.buffer);
    const u = this.bytes();
    const ptrs = [];
    let s = block + words * 4;
    for (const bytes of strs) {
      ptrs.push(s);
      u.set(bytes, s);
      s += bytes.length;
    }
    const argc = this.argv.length;
    const table = [argc, ...ptrs.slice(0, argc), 0, ...ptrs.slice(argc), 0];
    table.forEach((v, i) => dv.setUint32(block + i * 4, v, true));
    return block;
  }

  // ---- fork ----------------------------------------------------------------
  //
  // An instance cannot be copied by the engine, but everything that makes
  // a process's state can be: its linear memory and its one mutable
  // global, the stack pointer (asyncify's own globals are idle between an
  // unwind and a rewind). The kernel's fork calls procFork (runtime.js),
  // which makes the child here: a new instance of the same compiled
  // module, not yet run. When the kernel's call has returned, the parent
  // unwinds as for a block - its stack goes into its memory, above the
  // break - and finishFork copies the memory, saved stack included, and
  // the stack pointer into the child. Then both rewind the same stack: the
  // parent at once, its fork returning the child's pid, the child when the
  // kernel picks it, its fork returning 0. Shared segments were attached to
  // the child by the kernel meanwhile (shm.js, shmAttach); the copy
  // writes the parent's view over them, which is the kernel's copy plus
  // the parent's own writes since it last ran - what the child must see.

  forkChild(kp) {
    const child = new Process(this.rt, kp, this.module, this.argv, this.envp,
      this.rt.takeSpare(this.module));
    child.growTo(this.brk);               // (the saved stack's room: finishFork)
    child.heapBase = this.heapBase;
    child.brk = this.brk;
    child.resume = RETURN;
    child.resumeValue = 0;
    this.forked = child;
    return child;
  }

  // A new memory's pages cost more than the copy: the engine clears them,
  // and each first touch is a page fault. So the child's memory grows only
  // as far as the copy reaches (the room for its own saved stack comes at
  // its first unwind, as for any process), and a child gets the instance
  // of a process that ended, if there is one of the same module, whose
  // pages are ready (runtime.js, takeSpare). What lies above the copy in
  // such a memory is free memory above the break, as a saved stack is.
  growTo(bytes) {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / 65536));
  }

  finishFork() {
    const child = this.forked;
    this.forked = null;
    if (child.dead) return;                   // killed before it ever ran
    const u = this.bytes();
    const used = Math.max(this.mem.u32[this.asyncData >>> 2], this.brk);   // the saved stack's end
    child.growTo(used);
    child.bytes().set(u.subarray(0, used));
    child.x.__stack_pointer.value = this.x.__stack_pointer.value;
    child.asyncData = this.asyncData;
  }

  // ---- the system-call import -------------------------------------------

  syscall(nr, a0, a1, a2, a3, a4, a5) {
    if (this.rewinding) {
      this.x.asyncify_stop_rewind();
      this.rewinding = false;
      const how = this.resume;
      this.resume = RUNNING;
      if (how === RETURN) return this.afterCall(this.resumeValue, true);
    }
    let r = this.rt.syscallRaw(this, nr, a0, a1, a2, a3, a4, a5);
    if (this.forked) {                        // a fork made a child: copy, then go on
      if (r > 0) return this.unwind(RETURN, r);
      this.forked = null;                     // it failed; the child is gone
    }
    // Blocked: let the others run on top of this stack (runtime.js,
    // runWhileBlocked); when the kernel picks this process again, the call
    // is re-issued right here, with no unwind and no rewind.
    while (r === KERN_BLOCK) {
      if (!this.rt.runWhileBlocked(this)) return this.unwind(REISSUE, 0);
      r = this.rt.syscallRaw(this, nr, a0, a1, a2, a3, a4, a5);
    }
    switch (r) {
      case KERN_EXIT:
        throw EXITED;
      case KERN_EXEC:
        throw EXECED;
      case KERN_RESTART:
        return this.afterCall(ERESTART);
      default:
        return this.afterCall(r);
    }
  }

  // A call completed with r: hand the program a pending signal handler
  // (it runs it before seeing r), or stop it, or end its time slice.
  // check: ask the kernel even without the flag (a resumed call: signals
  // may have come while the process was off the CPU).
  afterCall(r, check = false) {
    switch (check || this.rt.signalWork() ? this.rt.signal(this) : KSIG_NONE) {
      case KSIG_HANDLER:
        this.rt.writeSigframe(this);
        break;
      case KSIG_EXIT:
        throw EXITED;
      case KSIG_STOP:
        return this.unwind(RETURN, r);
    }
    if (++this.calls >= 64) {
      this.calls = 0;
      if (this.rt.sliceOver()) {
        this.rt.endSlice(this);
        return this.unwind(RETURN, r);
      }
    }
    return r;
  }

  // ---- the preemption import ----------------------------------------------

  // A preemption point's budget ran out (crt.c, __dx_preempt). If the time
  // slice is over, the process goes to the back of the run queue and
  // unwinds, as after a system call whose slice ended; when it runs again
  // the import returns here, after a signal has been acted on: a handler
  // runs in __dx_preempt, a fatal signal ends the process, a stop stops it.
  // (A signal cannot come while a program computes: nothing else runs
  // meanwhile. It comes while the program is off the CPU.)
  preempt() {
    if (this.rewinding) {
      this.x.asyncify_stop_rewind();
      this.rewinding = false;
      this.resume = RUNNING;
      this.afterCall(0, true);
      return;
    }
    if (this.resume !== RUNNING) {            // the runtime called in (writeArgs)
      this.budget.value = this.checks;
      return;
    }
    if (this.rt.sliceOver()) {
      this.rt.endSlice(this);
      this.unwind(RETURN, 0);
      return;
    }
    const t = this.rt.clock;
    if (this.lookedAt >= 0) {
      const dt = t - this.lookedAt;
      const f = dt > LOOK_MS / 4 ? LOOK_MS / dt : 4;
      this.checks = Math.max(1, Math.min(BUDGET_MAX, Math.round(this.checks * f)));
    }
    this.lookedAt = t;
    this.budget.value = this.checks;
  }
}
