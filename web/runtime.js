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

import { Process, MemViews, EXITED, EXECED, trapSignal, wasiUnprepared } from './process.js';
import { PendingWasi, WasiWaiting } from './wasi.js';

const SLICE_MS = 8;
const SPARES_PER_MODULE = 4;          // instances kept for forks (keepSpares) ...
const SPARE_BYTES = 64 * 1024 * 1024; // ... and their memory, all modules together
const EINVAL = -22, ENOMEM = -12, EIO = -5, ENOSPC = -28;
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

// Whether two byte arrays hold the same bytes: word by word where both
// start on a word boundary (kernel memory and archive members do).
function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  let i = 0;
  if (((a.byteOffset | b.byteOffset) & 3) === 0) {
    const n = a.length >>> 2;
    const a32 = new Int32Array(a.buffer, a.byteOffset, n);
    const b32 = new Int32Array(b.buffer, b.byteOffset, n);
    for (; i < n; i++) if (a32[i] !== b32[i]) return false;
    i = n << 2;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isWasm(b) {
  return b.length >= 8 && b[0] === 0 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d;
}

// Whether a ustar entry of this type has blocks of data: not a link, a
// device, a directory, a FIFO, nor a file whose bytes are fetched at first
// use ('F', kernel/lazy.c: its size is the file's).
export const tarHasData = (type) => !'123456F'.includes(type);

// The regular files of a ustar archive: [{ name, data }].
export function untar(buf) {
  const out = [];
  const dec = new TextDecoder();
  const str = (o, n) => dec.decode(buf.subarray(o, o + n)).replace(/\0.*$/s, '');
  for (let off = 0; off + 512 <= buf.length;) {
    if (buf[off] === 0) break;
    const size = parseInt(str(off + 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(buf[off + 156] || 48);
    const prefix = str(off + 345, 155);
    const name = (prefix ? prefix + '/' : '') + str(off, 100);
    if (type === '0') out.push({ name, data: buf.subarray(off + 512, off + 512 + size) });
    off += 512 + (tarHasData(type) ? Math.ceil(size / 512) * 512 : 0);
  }
  return out;
}

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

  // Compile the programs of the initramfs ahead, off the main thread, so
  // that exec seldom waits for a compiler: init and the shell before boot
  // goes on (they run first), every other one in the background, after -
  // boot does not wait for programs nobody has run yet. An exec that comes
  // before its program's background compile is done compiles it then.
  async precompile(archive) {
    if (!archive) return;
    const files = untar(archive).filter((f) => isWasm(f.data) && !this.compiled(f.data));
    const first = (f) => f.name === 'bin/init' || f.name === 'bin/sh';
    const compile = async (f) => {
      const m = await WebAssembly.compile(f.data);
      // a WASI program not prepared yet is prepared at its first exec
      if (!wasiUnprepared(m) && !this.compiled(f.data)) this.keepModule(f.data, m);
    };
    await Promise.all(files.filter(first).map(compile));
    this.background = Promise.all(files.filter((f) => !first(f)).map(compile))
      .catch((e) => this.warn(`compiling the programs failed: ${e && e.message || e}`));
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

  // ---- shared memory: mirrored at every switch ------------------------------
  //
  // Each process has its own linear memory, so a segment cannot be the same
  // bytes in two of them. Instead the kernel's copy (kmem) is the segment,
  // and each attached process has a mirror of it: before a process runs,
  // its mirrors are refreshed from the kernel's copy if another process
  // changed it since; after it ran, its writable mirrors are copied back.
  // Only one process runs at a time, so every process sees every write of
  // the others at its next switch-in - the same order of events as shared
  // pages would give on one CPU.

  //
  // Where a segment goes is the kernel's decision (ipc/shm.c), and so is
  // which attachment a detach ends: it never gives a process two
  // attachments that overlap, so a process's mirrors are keyed by their
  // address, and each one is exactly one of the kernel's records. A
  // segment's state here (how often it was written back) lives as long as
  // some process mirrors it: a segment removed after its last detach
  // leaves nothing behind.

  // Mirror the segment at kmem in p at addr (kernel_glue.c,
  // plat_shm_attach): 0, EINVAL below the heap (the program's stack and
  // data), ENOMEM if its memory cannot grow that far. The break moves past
  // the segment, so that the heap never grows into it.
  shmAttach(p, kmem, size, addr, ro) {
    if (addr < p.heapBase) return EINVAL;
    if (addr + size > p.brk && p.setBrk(addr + size) !== addr + size) return ENOMEM;
    p.bytes().set(this.kmem.subarray(kmem, kmem + size), addr);
    let seg = this.shmSegs.get(kmem);
    if (!seg) this.shmSegs.set(kmem, (seg = { kmem, size, version: 0, mirrors: 0 }));
    seg.size = Math.max(seg.size, size);
    seg.mirrors++;
    const m = { seg, kmem, size, addr, ro, version: seg.version, shadow: null };
    const twins = p.shm.filter((o) => o.kmem < kmem + size && kmem < o.kmem + o.size);
    p.shm.push(m);
    if (twins.length) this.shmTwins(p, [m, ...twins]);
    return 0;
  }

  // p has the same kernel memory in two mirrors or more (it mapped a file
  // twice, or mapped again by name what it had from its parent). Copying
  // each back whole at a switch would let the last one undo the writes
  // made through the others; so each of them keeps a shadow - its bytes as
  // they were when last in step with the kernel's copy - gives back only
  // the words that differ from it (copyBack), and takes the kernel's words
  // only where it has not written itself (shmIn). A running process's
  // mirrors may hold writes not yet given back: those go first.
  shmTwins(p, mirrors) {
    for (const m of mirrors) {
      if (m.shadow) continue;
      if (p === this.current && !m.ro && m !== mirrors[0]) this.copyBack(p, m);
      m.shadow = this.kmem.slice(m.kmem, m.kmem + m.size);
    }
  }

  shmDetach(p, addr) {
    const i = p.shm.findIndex((m) => m.addr === addr);
    if (i < 0) return this.panic(`shm: process ${p.ctx} has no segment at ${addr}`);
    const m = p.shm[i];
    if (p === this.current && !m.ro) this.copyBack(p, m);   // its last writes count
    p.shm.splice(i, 1);
    if (--m.seg.mirrors === 0) this.shmSegs.delete(m.kmem);
  }

  // Every mirror of p's image goes (execve): the kernel counts them as
  // detached without asking the platform, as the image they were in is
  // gone. A running image's writes since it was switched in count.
  shmDropAll(p) {
    if (p === this.current) this.shmOut(p);
    for (const m of p.shm) if (--m.seg.mirrors === 0) this.shmSegs.delete(m.kmem);
    p.shm = [];
  }

  shmIn(p) {
    for (const m of p.shm) {
      if (m.version === m.seg.version) continue;
      if (m.shadow) this.mergeIn(p, m);
      else p.bytes().set(this.kmem.subarray(m.kmem, m.kmem + m.size), m.addr);
      m.version = m.seg.version;
    }
  }

  shmOut(p) {
    if (p.dead) return;
    for (const m of p.shm) if (!m.ro) this.copyBack(p, m);
  }

  copyBack(p, m) {
    if (m.shadow) this.mergeBack(p, m);
    else this.kmem.set(p.bytes().subarray(m.addr, m.addr + m.size), m.kmem);
    this.shmChanged(m.kmem, m.size);
    m.version = m.seg.version;
  }

  // A twin takes the kernel's words except those it wrote itself and has
  // not given back yet (see shmTwins).
  mergeIn(p, m) {
    const n = m.size >>> 2;
    const mine = new Int32Array(p.memory.buffer, m.addr, n);
    const was = new Int32Array(m.shadow.buffer, m.shadow.byteOffset, n);
    const k = this.k32, at = m.kmem >>> 2;
    for (let i = 0; i < n; i++) {
      if (mine[i] === was[i]) {
        mine[i] = k[at + i];
        was[i] = k[at + i];
      }
    }
  }

  // Only the words of m written since its shadow was taken (see shmTwins).
  mergeBack(p, m) {
    const n = m.size >>> 2;
    const mine = new Int32Array(p.memory.buffer, m.addr, n);
    const was = new Int32Array(m.shadow.buffer, m.shadow.byteOffset, n);
    const k = this.k32, at = m.kmem >>> 2;
    for (let i = 0; i < n; i++) {
      if (mine[i] !== was[i]) {
        k[at + i] = mine[i];
        was[i] = mine[i];
      }
    }
  }

  // The kernel's memory at [kmem, kmem + size) changed: every mirror of it
  // is refreshed at its process's next switch-in. Mirrors of one object
  // may start at different places in it (mappings of a file at different
  // offsets), so every mirrored range that overlaps this one is changed.
  shmChanged(kmem, size) {
    for (const seg of this.shmSegs.values())
      if (seg.kmem < kmem + size && kmem < seg.kmem + seg.size) seg.version++;
  }

  // The kernel is about to read (or write) shared memory itself: a mapped
  // file's bytes, for read(2), write(2), msync (kernel_glue.c,
  // plat_shm_access). The running process's writes go to the kernel's copy
  // first; after a write, every mirror takes the kernel's copy, the
  // caller's own once its call is over (syscallRaw).
  shmAccess(kmem, len, write) {
    const p = this.current;
    if (p && !p.dead)
      for (const m of p.shm)
        if (!m.ro && m.kmem < kmem + len && kmem < m.kmem + m.size) this.copyBack(p, m);
    if (write) {
      this.shmChanged(kmem, len);
      this.shmRefresh = true;
    }
  }

  // Private memory of a mapping (kernel_glue.c, plat_mem_map): zeroed;
  // the break moves past it, as for a segment. The kernel places mappings
  // above the break, or where one was (MAP_FIXED), or where the program
  // says; below the heap (the program's data and stack) is EINVAL. ENOMEM
  // if the memory cannot grow that far.
  memMap(p, addr, len) {
    if (addr < p.heapBase) return EINVAL;
    if (addr + len > p.brk && p.setBrk(addr + len) !== addr + len) return ENOMEM;
    p.bytes().fill(0, addr, addr + len);
    return 0;
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

  // plat_fetch: the bytes of a file of the archive that came without them,
  // from opts.fetchFile, handed to the kernel when they arrive (the calls
  // waiting for them go on). A program is compiled first, off the main
  // thread, so that its exec finds the module ready. A fetch that fails
  // says why, and the waiting calls get EIO.
  fetchLazy(name) {
    if (!this.opts.fetchFile) return EIO;
    this.stats.fetches++;
    this.fetching++;
    const fill = (bytes, err) => {
      this.fetching--;
      if (this.halted) return;
      const give = (data, e) => this.withKernelCopy(data, (at) => {
        this.pathToScratch(name);                 // a name from the kernel fits
        return this.kernel.web_lazy_fill(at, data.length, e);
      });
      let r = give(bytes, err);
      if (r === ENOMEM && !err) r = give(new Uint8Array(0), ENOSPC);   // no room for them
      if (r < 0 && r !== -2 && !err) this.warn(`${name} could not be filled in: error ${-r}`);
      this.schedule();
    };
    Promise.resolve().then(() => this.opts.fetchFile(name)).then(async (bytes) => {
      this.stats.fetchedBytes += bytes.length;
      if (isWasm(bytes) && !this.compiled(bytes)) {
        const m = await WebAssembly.compile(bytes).catch(() => null);
        if (m && !wasiUnprepared(m) && !this.compiled(bytes)) this.keepModule(bytes, m);
      }
      fill(bytes, 0);
    }, (e) => {
      this.warn(`cannot fetch ${name}: ${e && e.message || e}`);
      fill(new Uint8Array(0), EIO);
    });
    return 0;
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

  // ---- compiled programs ------------------------------------------------------
  //
  // Compiling a program costs far more than starting it, so modules are
  // kept. The kernel names the contents of every image it loads (struct
  // exec_image's id: equal ids, equal bytes, in one boot), so exec of a
  // program seen before is one lookup, with no look at its bytes. The
  // first exec of an id finds the module among those compiled (at boot,
  // or for an image with other bytes) by a full compare with the bytes it
  // was compiled from: a program is never taken for another one.

  // The module compiled from exactly these bytes, or undefined.
  compiled(bytes) {
    const same = this.modules.get(bytes.length);
    if (!same) return undefined;
    for (const e of same) {
      // an archive member seen at an earlier boot is the same memory
      if ((e.bytes.buffer === bytes.buffer && e.bytes.byteOffset === bytes.byteOffset) ||
          sameBytes(e.bytes, bytes)) return e.module;
    }
    return undefined;
  }

  keepModule(bytes, module) {
    const same = this.modules.get(bytes.length);
    if (same) same.push({ bytes, module });
    else this.modules.set(bytes.length, [{ bytes, module }]);
  }

  // The module for the image at code (len bytes) in kernel memory, whose
  // contents the kernel names id. Throws if it is not a program.
  moduleFor(code, len, id) {
    let m = this.byImage.get(id);
    if (m) return m;
    const view = this.kmem.subarray(code, code + len);
    m = this.compiled(view);
    if (!m) {
      const bytes = view.slice();         // the kernel's copy may change
      m = new WebAssembly.Module(bytes);
      this.stats.compiles++;
      if (wasiUnprepared(m)) m = this.prepareWasi(bytes);
      this.keepModule(bytes, m);
    }
    if (id) this.byImage.set(id, m);
    return m;
  }

  // A WASI program as it was built, made ready to run at its first exec
  // (wasiprep.js: asyncify and the preemption points) by the host's
  // opts.prepareWasi(bytes) -> bytes, which may keep the result, or a
  // promise of them (the page's worker): then the job, a PendingWasi, until
  // it is done (wasi.js). The module is kept under the bytes as they were,
  // so this happens once a boot.
  prepareWasi(bytes) {
    if (!this.opts.prepareWasi) {
      this.warn('a WASI program must be prepared first (tools/wasi-prep, docs/wasi.md)');
      throw new Error('unprepared WASI program');
    }
    const prepared = this.opts.prepareWasi(bytes);
    if (prepared instanceof Promise) return new PendingWasi(prepared);
    const m = new WebAssembly.Module(prepared);
    this.stats.compiles++;
    return m;
  }

  // The new image of kernel process kp, whose context number is ctx if it
  // has one already (execve). Returns the context number, or ENOEXEC.
  procLoad(kp, ctx, code, len, id, argv, envp) {
    const k = this.kmem;                             // isWasm, without a view
    if (len < 8 || k[code] !== 0 || k[code + 1] !== 0x61 || k[code + 2] !== 0x73 ||
        k[code + 3] !== 0x6d) return ENOEXEC;
    let proc;
    try {
      let m = this.moduleFor(code, len, id);
      if (m instanceof PendingWasi && m.module) m = m.module;
      proc = m instanceof PendingWasi ? new WasiWaiting(this, kp, m, this.cstrings(argv), this.cstrings(envp))
        : new Process(this, kp, m, this.cstrings(argv), this.cstrings(envp));
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

