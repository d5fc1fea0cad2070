// runtime.js - the web platform: runs the Duplex kernel (kernel.wasm) and its
// processes (one WebAssembly instance each, see process.js) inside a browser
// page or Node. The same module serves both; what differs (where console
// bytes go, what poweroff does) is passed in by the caller.
//
// The kernel never blocks and never calls into a process. This file is the
// loop around it: take the next runnable process from the kernel
// (web_next), run it until it blocks, yields or exits, and go back to the
// event loop every few milliseconds so that the page stays responsive and
// input, timers and output get their turn. With nothing runnable it simply
// returns; console input and timer expiry schedule the loop again.
//
// It also implements the kernel's imports (web/kernel_glue.c): the clock,
// timers, creating and destroying processes, and copying bytes between the
// kernel's memory and a process's memory. Console output is taken from the
// tty's bounded queue only as fast as the terminal shows it (flushConsole):
// that is the console's flow control, as a UART's pace is on a board.

import { MemViews, EXITED, EXECED, trapSignal } from './process.js';
import { programs } from './programs.js';
import { lazyFiles } from './lazy.js';
import { sharedMemory } from './shm.js';

export { untar, tarHasData } from './programs.js';

const SLICE_MS = 8;
const SPARES_PER_MODULE = 4;          // instances kept for forks (keepSpares) ...
const SPARE_BYTES = 64 * 1024 * 1024; // ... and their memory, all modules together
const ENOMEM = -12;
const TIMER_MAX_MS = 2 ** 31 - 1;   // the longest delay setTimeout takes
const ENOEXEC = -8;
const CONSOLE_CHUNK = 4096;           // bytes taken from the tty at a time
const CONSOLE_AHEAD = 32768;          // given to the terminal and not yet shown

const queueTask = typeof setImmediate === 'function'
  ? (fn) => setImmediate(fn)
  : (() => {
      const ch = new MessageChannel();
      const q = [];
      ch.port1.onmessage = () => q.shift()();
      return (fn) => { q.push(fn); ch.port2.postMessage(0); };
    })();

const now = () => performance.now();

export class Duplex {
  // opts: kernel (bytes of kernel.wasm), initramfs (bytes),
  // console(bytes, done): show bytes of console output and call done() once
  // they are shown (at once for a sink that never falls behind; later for a
  // terminal that draws in its own time) - no more is given to it than
  // consoleAhead bytes (default CONSOLE_AHEAD) not yet done;
  // host(stream, bytes), poweroff(code), panic(message);
  // restore: an archive of files kept from an earlier boot, unpacked after
  // the initramfs; sync(): save those files now (sync(2), 0 or -errno);
  // download(name, bytes): hand a file out (download(2));
  // fetchFile(name) -> Promise of bytes: the bytes of a file the archive
  // lists without them (kernel/lazy.c), by the name the archive gives.
  constructor(opts) {
    this.opts = opts;
    this.procs = [null];              // context number (kernel_glue.c, ctx_of) -> Process
    this.freeCtx = [];                // numbers of processes gone, to use again
    this.spares = new Map();          // module -> instances of processes gone, for forks
    this.gone = [];                   // ... not yet: their stacks may still be live
    this.spareBytes = 0;
    // Compiled programs (moduleFor). modules may be shared by several
    // machines (tests/node/harness.js): it is keyed by content only.
    this.modules = new Map();         // length -> [{ bytes, module }]
    this.byImage = new Map();         // exec_image id (this boot's) -> module
    this.scheduled = false;
    this.halted = false;
    this.paused = false;              // pause(): no process runs but by step()
    this.inKernel = false;
    this.timer = null;
    this.sliceStart = 0;
    this.clock = 0;                   // what the clock said when last read (readClock)
    // nested: processes run on a blocked one's stack (runWhileBlocked)
    // reused: forks whose child got a spare instance (takeSpare)
    // fetches, fetchedBytes: files of the archive brought at first use (fetchLazy)
    this.stats = { compiles: 0, spawns: 0, forks: 0, reused: 0, nested: 0, fetches: 0,
      fetchedBytes: 0 };
    this.times = {};                  // start-up: milliseconds since the page began, by step
    this.current = null;              // the process running now
    this.nested = false;              // runWhileBlocked is running others
    this.sliceDone = false;           // it found the time slice over
    this.hostPending = [];            // host stdin not yet taken by /dev/hostin
    this.hostEnd = false;
    this.hostEndSent = false;
    this.onHostDrain = null;
    this.onIdle = null;               // called when the loop finds nothing runnable
    this.shmSegs = new Map();         // mirrored kernel memory (address) -> { kmem, size, version, mirrors }
    this.shmRefresh = false;          // the kernel wrote shared memory: mirrors of the caller too
    this.consoleOwed = false;         // the tty has output not yet taken
    this.consoleShowing = 0;          // bytes given to the terminal, not yet done
    this.fetching = 0;                // files being fetched (fetchLazy): they will wake it
    this.consoleAhead = opts.consoleAhead || CONSOLE_AHEAD;
  }

  async boot(argv = ['init']) {
    const mark = (what) => { this.times[what] = Math.round(now()); };
    mark('boot');
    const { instance } = await WebAssembly.instantiate(this.opts.kernel, { env: this.imports() });
    mark('kernel');
    this.kernel = instance.exports;
    this.viewKernel();
    this.sigworkAt = (this.kernel.web_sigwork() >>> 0) / 4;
    this.coarseAt = (this.kernel.web_coarse_clock() >>> 0) / 8;
    this.consoleAt = this.kernel.web_console_buf() >>> 0;
    this.readClock();
    await this.precompile(this.opts.initramfs);
    mark('compiled');
    this.placeInitramfs(this.opts.initramfs);
    this.kernel.web_init();
    // files kept from an earlier boot (the page's /home, store.js)
    if (this.opts.restore) {
      const r = this.restore(this.opts.restore);
      if (r < 0) this.warn(`the saved files could not be restored: error ${-r}`);
    }
    mark('unpacked');
    this.writeStrings(['/bin/' + argv[0], ...argv]);
    if (!this.kernel.web_start(argv.length)) throw new Error('kernel_start failed');
    this.schedule();
  }

  placeInitramfs(archive) {
    if (!archive) return;
    const mem = this.kernel.memory;
    const at = mem.buffer.byteLength;
    mem.grow(Math.ceil(archive.length / 65536));
    this.viewKernel();
    this.kmem.set(archive, at);
    this.kernel.web_set_initramfs(at, archive.length);
  }

  // Views of the kernel's memory. It grows only at boot (placeInitramfs):
  // the kernel's heap is fixed, so these never go stale afterwards.
  viewKernel() {
    const buf = this.kernel.memory.buffer;
    this.kviews = new MemViews(buf);                  // for copyBytes
    this.kmem = this.kviews.u8;
    this.k32 = this.kviews.u32;
    this.kf64 = new Float64Array(buf);
  }

  // The boot command line, into a block of the kernel's heap as large as
  // it is (kernel_glue.c, web_start): the runtime sets no limit of its own.
  writeStrings(list) {
    const bytes = list.map((s) => new TextEncoder().encode(s + '\0'));
    const size = bytes.reduce((n, b) => n + b.length, 0);
    let at = this.kernel.web_boot_args(size) >>> 0;
    if (!at) throw new Error('no kernel memory for the boot command line');
    for (const b of bytes) {
      this.kmem.set(b, at);
      at += b.length;
    }
  }

  // ---- events from outside ----------------------------------------------------

  input(data) {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const scratch = this.kernel.web_scratch() >>> 0;
    for (let i = 0; i < bytes.length; i += 65536) {
      const chunk = bytes.subarray(i, i + 65536);
      this.kmem.set(chunk, scratch);
      this.kernel.web_input(chunk.length);
    }
    this.schedule();
  }

  // The host's standard input for /dev/hostin: kept here and offered to the
  // kernel as fast as the programs read it (the device's buffer is small),
  // so nothing is lost. null marks the end. Returns the bytes still waiting,
  // for a caller that wants to pause its own source.
  hostInput(bytes) {
    if (bytes === null) this.hostEnd = true;
    else if (bytes.length) this.hostPending.push(bytes);
    this.feedHost();
    this.schedule();
    return this.hostPending.reduce((n, b) => n + b.length, 0);
  }

  feedHost() {
    const scratch = this.kernel.web_scratch() >>> 0;
    while (this.hostPending.length) {
      const b = this.hostPending[0];
      const chunk = b.subarray(0, 65536);
      this.kmem.set(chunk, scratch);
      const taken = this.kernel.web_host_input(chunk.length);
      if (taken === b.length) this.hostPending.shift();
      else this.hostPending[0] = b.subarray(taken);
      if (taken < chunk.length) return;           // full: again after the next slice
    }
    if (this.hostEnd && !this.hostEndSent) {
      this.kernel.web_host_input(0);
      this.hostEndSent = true;
    }
    if (this.onHostDrain) this.onHostDrain();
  }

  resize(rows, cols) {
    if (!this.kernel) return;
    this.kernel.web_resize(rows, cols);
    this.schedule();
  }

  // ---- the scheduler loop -----------------------------------------------------

  schedule() {
    if (this.scheduled || this.halted) return;
    this.scheduled = true;
    queueTask(() => this.runSlice());
  }

  // Read the clock, and leave the time for the kernel's coarse clocks
  // (kernel_glue.c): every read the runtime makes anyway refreshes them.
  readClock() {
    const t = now();
    this.clock = t;
    this.kf64[this.coarseAt] = Date.now();
    this.kf64[this.coarseAt + 1] = t;
    return t;
  }

  sliceOver() { return this.readClock() - this.sliceStart > SLICE_MS; }

  // p found the slice over: it goes to the back of the run queue, and the
  // loops that run processes (runSlice, runWhileBlocked) stop, so that the
  // page gets its events now, not after the next runnable processes.
  endSlice(p) {
    this.kernel.web_yield(p.kp);
    this.sliceDone = true;
  }

  // Reading the clock costs more than a process switch, so it is read
  // every 16 switches (a switch takes well under a microsecond).
  runSlice() {
    this.scheduled = false;
    if (this.paused) return this.flushConsole();     // step() runs them
    this.sliceDone = false;
    this.sliceStart = this.readClock();
    for (let n = 1; !this.halted; n++) {
      let ctx = this.kernel.web_next();
      if (!ctx && this.hostPending.length) {     // readers took all: offer more
        this.feedHost();
        ctx = this.kernel.web_next();
      }
      if (!ctx && this.flushConsole()) ctx = this.kernel.web_next();   // writers waited
      if (!ctx) return this.onIdle && this.onIdle();   // idle until input, a timer, the terminal
      this.runProcess(ctx);
      if (this.sliceDone || ((n & 15) === 0 && this.sliceOver())) break;
    }
    if (this.hostPending.length || (this.hostEnd && !this.hostEndSent)) this.feedHost();
    this.flushConsole();
    this.schedule();
  }

  // ---- console output, at the terminal's pace ----------------------------------
  //
  // The tty keeps output in a bounded queue (kernel/tty.c) and a writer that
  // finds it full blocks. Bytes are taken from it here while the terminal
  // has fewer than consoleAhead bytes it was given but has not shown; each
  // chunk it shows (its done callback) makes room for the next, and taking
  // bytes wakes the blocked writers. So a flood of output runs exactly as
  // fast as the screen draws, and ^C, which empties the tty's queue, has
  // little left to wait for. Returns whether any bytes were taken.

  flushConsole() {
    let took = false;
    while (this.consoleOwed && this.consoleShowing < this.consoleAhead && !this.halted) {
      const n = this.kernel.web_console_output(CONSOLE_CHUNK);
      if (n < CONSOLE_CHUNK) this.consoleOwed = false;   // empty now: the next kick says
      if (n === 0) break;
      took = true;
      this.showConsole(this.kmem.slice(this.consoleAt, this.consoleAt + n));
    }
    if (took) this.schedule();
    return took;
  }

  // Give bytes to the terminal. Whatever it throws is its own trouble (a
  // terminal that refused output): it is reported, the bytes count as
  // shown, and the kernel runs on.
  showConsole(bytes) {
    let now = true, done = false;
    const shown = () => {
      if (done) return;
      done = true;
      this.consoleShowing -= bytes.length;
      if (!now) this.flushConsole();
    };
    this.consoleShowing += bytes.length;
    try {
      this.opts.console(bytes, shown);
    } catch (e) {
      this.warn(`the terminal refused output: ${e && e.message || e}`);
      shown();
    }
    now = false;
  }

  warn(msg) {
    if (this.opts.warn) this.opts.warn(msg);
    else if (typeof console !== 'undefined') console.warn(`duplex: ${msg}`);
  }

  // Whether only something from outside can wake the machine: nothing is
  // runnable or about to run, no timer is armed, and the terminal has shown
  // all the console's output (a writer may wait for it). A launcher that
  // also knows no input can come has a deadlock.
  idle() {
    return !this.halted && !this.scheduled && !this.timer && !this.consoleOwed &&
      this.consoleShowing === 0 && this.fetching === 0;
  }

  // The whole system as text (kernel/snapshot.c): processes, IPC objects
  // and the descriptors between them, for the page's live view. A call
  // into the kernel, not a system call: it works while paused.
  snapshot() {
    if (!this.kernel) return '';
    const n = this.kernel.web_snapshot() >>> 0;
    const at = this.kernel.web_snapshot_buf() >>> 0;
    return new TextDecoder().decode(this.kmem.subarray(at, at + n));
  }

  // ---- pausing and stepping the scheduler --------------------------------------
  //
  // Paused, the loop runs no process: the kernel still takes typed input
  // (the tty echoes it, as the line discipline is the kernel's) and the
  // console's output still reaches the terminal, timers still expire, but
  // nothing a process does happens until step() or resume(). step() runs
  // one process switch: the next runnable process, until it blocks, yields
  // or its time slice ends, and no other (runWhileBlocked does not nest).

  pause() { this.paused = true; }

  resume() {
    this.paused = false;
    this.schedule();
  }

  // Returns the pid of the process that ran, or 0 if none was runnable.
  step() {
    if (!this.paused || this.halted) return 0;
    this.sliceDone = false;
    this.sliceStart = this.readClock();
    if (this.hostPending.length) this.feedHost();
    let ctx = this.kernel.web_next();
    if (!ctx && this.flushConsole()) ctx = this.kernel.web_next();
    let pid = 0;
    if (ctx) {
      pid = this.kernel.web_pid(this.procs[ctx].kp);
      this.runProcess(ctx);
    }
    this.flushConsole();
    return pid;
  }

  // The process table as ps shows it, one line each: PID STAT WCHAN CMD.
  processes() {
    const n = this.kernel.web_ps();
    const at = this.kernel.web_scratch() >>> 0;
    return new TextDecoder().decode(this.kmem.subarray(at, at + n));
  }

  runProcess(ctx) {
    const p = this.procs[ctx];
    if (!p) return this.panic(`no process has context ${ctx}`);
    const kp = p.kp;
    const outer = this.current;         // the process under a nested run, or null
    this.current = p;
    try {
      this.shmIn(p);
      p.run();
      this.shmOut(p);
    } catch (e) {
      this.shmOut(p);
      if (e === EXITED) return;
      if (e === EXECED) return this.kernel.web_yield(kp);  // its new image starts when picked
      if (this.inKernel) return this.panic(`trap in the kernel: ${e && e.stack || e}`);
      if (!(e instanceof WebAssembly.RuntimeError || e instanceof RangeError)) throw e;
      if (!p.dead) this.kernel.web_fault(kp, trapSignal(e));
    } finally {
      this.current = outer;
      if (this.gone.length) this.keepSpares();
    }
  }

  // p has just blocked in a system call, and its stack is still live on the
  // native stack. Unwinding it (asyncify) and rewinding it later costs more
  // than the rest of a switch, so instead run the other processes from
  // here, nested, until the kernel picks p again: then p re-issues its call
  // in place. A process run from here unwinds when it blocks, as from the
  // top loop: one level only, which is all a pair of processes passing
  // work back and forth needs (a pipe, a port call) to halve its unwinds.
  // Returns false when p must unwind after all: the slice is over, nothing
  // is runnable (the page must get its events), or p is itself nested.
  runWhileBlocked(p) {
    if (this.nested || this.halted || this.paused || this.current !== p) return false;
    this.nested = true;
    this.shmOut(p);
    try {
      for (let n = 1; ; n++) {
        if ((n & 15) === 0 && this.sliceOver()) {
          this.sliceDone = true;
          return false;
        }
        let ctx = this.kernel.web_next();
        if (!ctx && this.flushConsole()) ctx = this.kernel.web_next();
        if (!ctx) return false;
        if (ctx === p.ctx) break;
        this.stats.nested++;
        this.runProcess(ctx);
        if (p.dead) throw EXITED;         // killed meanwhile: leave its stack
        if (this.halted || this.sliceDone) return false;
      }
    } finally {
      this.nested = false;
      // Others may have written p's segments meanwhile; p, still blocked,
      // wrote nothing, so its mirrors take the kernel's copy - also when p
      // unwinds now, or its copy-back would undo their writes.
      if (!p.dead) this.shmIn(p);
    }
    return true;
  }

  // ---- system calls and signals, for process.js --------------------------------

  syscallRaw(p, nr, a0, a1, a2, a3, a4, a5) {
    this.inKernel = true;
    const r = this.kernel.web_syscall(p.kp, nr, a0, a1, a2, a3, a4, a5);
    this.inKernel = false;
    if (this.shmRefresh) {
      this.shmRefresh = false;
      if (!p.dead) this.shmIn(p);
    }
    return r;
  }

  // Whether the last system call left p a signal to act on (kernel_glue.c).
  signalWork() { return this.k32[this.sigworkAt] !== 0; }

  signal(p) {
    this.inKernel = true;
    const r = this.kernel.web_signal(p.kp);
    this.inKernel = false;
    return r;
  }

  // The kernel left the delivery in scratch: copy it into the program's
  // frame, where its system-call wrapper finds it and calls the handler.
  writeSigframe(p) {
    const s = (this.kernel.web_scratch() >>> 0) / 4;
    const w = new Uint32Array(this.kernel.memory.buffer);
    const frame = p.x.__dx_sigframe() >>> 0;
    const dv = new DataView(p.memory.buffer);
    dv.setUint32(frame, 1, true);                          // pending
    dv.setUint32(frame + 4, w[s], true);                   // signo
    dv.setUint32(frame + 8, w[s + 2], true);               // handler
    dv.setUint32(frame + 12, w[s + 1], true);              // flags
    dv.setUint32(frame + 16, w[s + 4], true);              // saved mask, low
    dv.setUint32(frame + 20, w[s + 5], true);              // saved mask, high
  }

  // ---- the kernel's imports (kernel_glue.c) ----------------------------------------

  imports() {
    return {
      console_kick: () => { this.consoleOwed = true; },     // taken after the call
      host_write: (stream, ptr, n) => this.hostWrite(stream, ptr >>> 0, n >>> 0),
      // CLOCK_REALTIME from Date.now(), cheaper than performance.now();
      // CLOCK_MONOTONIC needs performance.now()'s sub-millisecond resolution.
      now_ms: (clock) => (clock === 0 ? Date.now() : now()),
      timer_set: (ms) => this.setTimer(ms),
      proc_load: (kp, ctx, code, len, id, argv, envp) => this.procLoad(kp, ctx, code >>> 0,
        len >>> 0, id, argv >>> 0, envp >>> 0),
      proc_fork: (kp, parent) => this.procFork(kp, parent),
      proc_destroy: (ctx) => this.procDestroy(ctx),
      copyin: (ctx, dst, src, n) =>
        this.procs[ctx].copyin(this.kviews, dst >>> 0, src >>> 0, n >>> 0),
      copyout: (ctx, dst, src, n) =>
        this.procs[ctx].copyout(this.kviews, dst >>> 0, src >>> 0, n >>> 0),
      copyinstr: (ctx, dst, src, max) =>
        this.procs[ctx].copyinstr(this.kviews, dst >>> 0, src >>> 0, max >>> 0),
      brk: (ctx, addr) => this.procs[ctx].setBrk(addr >>> 0),
      poweroff: (code) => this.poweroff(code),
      shm_attach: (ctx, kmem, size, addr, ro) => this.shmAttach(this.procs[ctx], kmem >>> 0,
        size >>> 0, addr >>> 0, ro !== 0),
      shm_detach: (ctx, addr) => this.shmDetach(this.procs[ctx], addr >>> 0),
      shm_access: (kmem, len, write) => this.shmAccess(kmem >>> 0, len >>> 0, write !== 0),
      mem_map: (ctx, addr, len) => this.memMap(this.procs[ctx], addr >>> 0, len >>> 0),
      panic: (msg) => this.panic(this.cstring(msg >>> 0)),
      sync: () => (this.opts.sync ? this.opts.sync() : 0),
      download: (name, data, len) => this.download(this.cstring(name >>> 0), data >>> 0, len >>> 0),
      fetch: (name) => this.fetchLazy(this.cstring(name >>> 0)),
    };
  }

  // /dev/hostout and /dev/hosterr (a launcher's own streams). opts.host
  // returns false once the stream's reader has gone: the writer then gets
  // EPIPE and SIGPIPE, as from a pipe. Nothing it throws reaches the kernel.
  hostWrite(stream, ptr, n) {
    const bytes = this.kmem.slice(ptr, ptr + n);
    try {
      if (!this.opts.host) this.showConsole(bytes);
      else if (this.opts.host(stream, bytes) === false) return -32;       // EPIPE
    } catch (e) {
      this.warn(`output to the host's stream ${stream} failed: ${e && e.message || e}`);
    }
    return 0;
  }

  // ---- files in and out (kernel/share.c) -----------------------------------------
  //
  // The page keeps /home between boots (store.js) and moves files in and
  // out of the machine (transfer.js) through these; Node does neither.

  // download(2): opts.download(name, bytes) gets a copy; -EOPNOTSUPP
  // without one, or if it throws.
  download(name, data, len) {
    if (!this.opts.download) return -95;
    try {
      this.opts.download(name, this.kmem.slice(data, data + len));
      return 0;
    } catch (e) {
      this.warn(`download of ${name} failed: ${e && e.message || e}`);
      return -95;
    }
  }

  // The tree at path as a ustar archive (bytes), and how many names ustar
  // could not hold; throws with the errno if it cannot be made.
  archive(path) {
    const enc = new TextEncoder().encode(path + '\0');
    const scratch = this.kernel.web_scratch() >>> 0;
    this.kmem.set(enc, scratch);
    const at = this.kernel.web_archive() >>> 0;
    const w = new Int32Array(this.kmem.buffer, scratch, 2);
    if (!at) throw new Error(`cannot archive ${path}: error ${-w[0]}`);
    const out = { bytes: this.kmem.slice(at, at + w[0]), skipped: w[1] };
    this.kernel.web_free(at);
    return out;
  }

  // Bytes into a block of the kernel's heap; fn(address) gets it, and it
  // is freed after. -ENOMEM if the heap has no room.
  withKernelCopy(bytes, fn) {
    const at = this.kernel.web_alloc(bytes.length) >>> 0;
    if (!at) return -12;
    this.kmem.set(bytes, at);
    try {
      return fn(at);
    } finally {
      this.kernel.web_free(at);
    }
  }

  // Unpack an archive made by archive() (after boot's initramfs, before
  // process 1 runs: see boot's restore option). 0 or -errno.
  restore(bytes) {
    return this.withKernelCopy(bytes, (at) => this.kernel.web_restore(at, bytes.length));
  }

  // Changes to the file system so far (a number to compare).
  fsChanges() { return this.kernel.web_fs_changes(); }

  // A file handed in: name (no slash) in the console shell's directory,
  // with exactly mode. Returns { error } (-errno) or { dir }.
  putFile(name, bytes, mode) {
    const enc = new TextEncoder().encode(name + '\0');
    if (enc.length > 4096) return { error: -36 };
    const scratch = this.kernel.web_scratch() >>> 0;
    const r = this.withKernelCopy(bytes, (at) => {
      this.kmem.set(enc, scratch);
      return this.kernel.web_put_file(at, bytes.length, mode);
    });
    this.schedule();
    return r < 0 ? { error: r } : { dir: this.cstring(scratch) };
  }

  // A folder of the host kept in step (mount.js): the absolute path made
  // a directory (bytes null) or a regular file with bytes, or, with
  // removePath, removed. 0 or -errno.
  setPath(path, bytes, mode) {
    const r = this.withKernelCopy(bytes || new Uint8Array(0), (at) => {
      if (!this.pathToScratch(path)) return -36;
      return this.kernel.web_set_path(bytes ? 0 : 1, at, bytes ? bytes.length : 0, mode);
    });
    this.schedule();
    return r;
  }

  removePath(path) {
    const r = this.pathToScratch(path) ? this.kernel.web_remove_path() : -36;
    this.schedule();
    return r;
  }

  // path (a string of bytes, one char each) into scratch; false if too long.
  pathToScratch(path) {
    if (path.length >= 1024) return false;                  // PATH_MAX
    const scratch = this.kernel.web_scratch() >>> 0;
    for (let i = 0; i < path.length; i++) this.kmem[scratch + i] = path.charCodeAt(i);
    this.kmem[scratch + path.length] = 0;
    return true;
  }

  // The kernel's one timer, at the monotonic deadline ms (0: none). Hosts
  // take delays of at most 2^31-1 ms (about 24.8 days) and fire a longer
  // one at once (Node also warns); the clamped timer fires early instead,
  // which kernel_tick allows: the kernel sets it again for what is left.
  setTimer(ms) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (ms <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.readClock();
      this.kernel.web_tick();
      this.schedule();
    }, Math.min(TIMER_MAX_MS, Math.max(0, ms - now())));
  }

  cstring(ptr) {
    const end = this.kmem.indexOf(0, ptr);
    return new TextDecoder().decode(this.kmem.subarray(ptr, end));
  }

  // argv and envp of a new image: their bytes as they are (a C string need
  // not be UTF-8, and a decoded one would come back with U+FFFD in it).
  cstrings(vec) {
    const out = [];
    const w = new Uint32Array(this.kmem.buffer);
    for (let i = vec / 4; w[i]; i++) {
      const end = this.kmem.indexOf(0, w[i]);
      out.push(this.kmem.slice(w[i], end));
    }
    return out;
  }

  // The new image of kernel process kp, whose context number is ctx if it
  // has one already (execve). Returns the context number, or ENOEXEC.
  procLoad(kp, ctx, code, len, id, argv, envp) {
    const k = this.kmem;                             // isWasm, without a view
    if (len < 8 || k[code] !== 0 || k[code + 1] !== 0x61 || k[code + 2] !== 0x73 ||
        k[code + 3] !== 0x6d) return ENOEXEC;
    let proc;
    try {
      proc = this.newImage(kp, this.moduleFor(code, len, id), this.cstrings(argv), this.cstrings(envp));
    } catch {
      return ENOEXEC;                 // not a Duplex program, or it does not link
    }
    if (ctx) {                                      // execve: the old image goes
      this.shmDropAll(this.procs[ctx]);
      this.procs[ctx].dead = true;
    }
    else ctx = this.freeCtx.length ? this.freeCtx.pop() : this.procs.length;
    proc.ctx = ctx;
    this.procs[ctx] = proc;
    this.stats.spawns++;
    return ctx;
  }

  // A child of the process with context number parent, which is in its
  // fork call (process.js, forkChild): the child's context number, or
  // ENOMEM if the engine cannot make another instance.
  procFork(kp, parent) {
    let child;
    try {
      child = this.procs[parent].forkChild(kp);
    } catch {
      return ENOMEM;
    }
    const ctx = this.freeCtx.length ? this.freeCtx.pop() : this.procs.length;
    child.ctx = ctx;
    this.procs[ctx] = child;
    this.stats.forks++;
    return ctx;
  }

  procDestroy(ctx) {
    // the kernel detached every segment first (shm_exit)
    if (this.procs[ctx].shm.length) this.panic(`shm: process ${ctx} ends with segments mirrored`);
    this.procs[ctx].dead = true;
    this.gone.push(this.procs[ctx]);
    this.procs[ctx] = null;
    this.freeCtx.push(ctx);
  }

  // ---- spare instances, for fork ----------------------------------------------
  //
  // A fork child's memory is a copy of its parent's, and copying into a new
  // memory costs mostly its fresh pages (process.js, finishFork). So the
  // instances of processes that ended are kept, a few per module and
  // SPARE_BYTES in all, for the next fork of the same program; every other
  // process starts from a new instance, with the module's own data. An
  // instance is kept only once no stack of it can be live - after its last
  // run, and never while it is the blocked process under a nested run (the
  // current one then) - and only if asyncify is idle in it.

  keepSpares() {
    const later = [];
    for (const p of this.gone) {
      if (!p.instance) continue;          // a WasiWaiting: no instance to keep
      if (p === this.current) {
        later.push(p);
        continue;
      }
      const bytes = p.memory.buffer.byteLength;
      let list = this.spares.get(p.module);
      if (!list) this.spares.set(p.module, (list = []));
      if (list.length >= SPARES_PER_MODULE || this.spareBytes + bytes > SPARE_BYTES ||
          p.x.asyncify_get_state() !== 0) continue;
      list.push({ instance: p.instance, owner: p.owner, bytes });
      this.spareBytes += bytes;
    }
    this.gone = later;
  }

  takeSpare(module) {
    const s = this.spares.get(module)?.pop();
    if (!s) return null;
    this.spareBytes -= s.bytes;
    this.stats.reused++;
    return s;
  }

  // The machine is off: nothing runs after this, not even the rest of the
  // caller (init would go on to start a new shell, and say so), as on a
  // real machine. The exception leaves the kernel and the process the way
  // an exit does, and no process runs again.
  poweroff(code) {
    // What was written before the end is shown, however far the terminal
    // lags (the kernel's work is over: this is its last call).
    for (let n; (n = this.kernel.web_console_output(CONSOLE_CHUNK)) > 0;)
      this.showConsole(this.kmem.slice(this.consoleAt, this.consoleAt + n));
    this.halted = true;
    this.inKernel = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.opts.poweroff) this.opts.poweroff(code);
    throw EXITED;
  }

  panic(msg) {
    this.halted = true;
    this.panicked = msg;
    if (this.timer) clearTimeout(this.timer);
    if (this.opts.panic) return this.opts.panic(msg);
    this.showConsole(new TextEncoder().encode(`\r\nkernel panic: ${msg}\r\n`));
  }
}

// The runtime's other parts, methods of Duplex in files of their own: the
// compiled programs (programs.js), the files fetched at first use
// (lazy.js), shared memory (shm.js).
Object.assign(Duplex.prototype, programs, lazyFiles, sharedMemory);
