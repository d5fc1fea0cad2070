// wasiwait.js - a WASI program being prepared, for the runtime
// (programs.js, newImage).
//
// On the page a WASI program is prepared at its first exec in a worker
// (wasiprep.js), which takes from a second to minutes (docs/wasi.md), and
// exec cannot wait for it: the kernel loads an image in one call. So the
// process gets its program at once, but first a stand-in, WasiWaiting,
// which sleeps in the kernel as any process does (nanosleep, a few times a
// second) until the program is ready, then becomes it: the same kernel
// process, its descriptors and arguments, starting at _start. Meanwhile it
// is an ordinary sleeping process: ^C ends it, ^Z stops it, its parent
// waits for it.

import { Process, EXITED, KERN_BLOCK, KERN_EXIT, KSIG_EXIT, KSIG_STOP } from './process.js';

const SYS = { exit: 1, write: 33 };       // kernel/uapi/syscall.h
const enc = new TextEncoder();

// The job of preparing one program: its module once compiled, or why not.
export class PendingWasi {
  constructor(prepared) {
    this.module = null;
    this.error = null;
    prepared.then((bytes) => WebAssembly.compile(bytes))
      .then((m) => { this.module = m; }, (e) => { this.error = e && e.message || String(e); });
  }
}

const SYS_NANOSLEEP = 12, WAIT_NS = 50000000n;
// its memory: a timespec, then room for a message, where a program's would be
const TS = 1024, MSG = TS + 16, EFAULT = -14;

export class WasiWaiting {
  constructor(rt, kp, job, argv, envp) {
    Object.assign(this, { rt, kp, job, argv, envp });
    this.ctx = 0;
    this.dead = false;
    this.shm = [];
    this.told = false;
    this.mem = new Uint8Array(MSG + 512);
    new DataView(this.mem.buffer).setBigInt64(TS + 8, WAIT_NS, true);
  }

  run() {
    for (;;) {
      if (this.job.module) return this.become(this.job.module);
      if (this.job.error) return this.fail();
      // a call that blocked is re-issued when the kernel picks the process again
      const r = this.rt.syscallRaw(this, SYS_NANOSLEEP, TS, 0, 0, 0, 0, 0);
      if (r === KERN_BLOCK) return;
      if (r === KERN_EXIT) throw EXITED;
      const sig = this.rt.signalWork() ? this.rt.signal(this) : 0;
      if (sig === KSIG_EXIT) throw EXITED;
      if (sig === KSIG_STOP) return;          // SIGCONT runs it again
    }
  }

  // It cannot be prepared: say why on its standard error, and end with 126,
  // as a shell does for a file it cannot execute. (The write may block on
  // a full pipe: it is re-issued then, as any call.)
  fail() {
    if (!this.told) {
      const name = new TextDecoder().decode(this.argv[0]);      // (its bytes, from the kernel)
      const why = enc.encode(`${name}: cannot prepare this WASI program: ${this.job.error}\n`)
        .subarray(0, this.mem.length - MSG);
      this.mem.set(why, MSG);
      const r = this.rt.syscallRaw(this, SYS.write, 2, MSG, why.length, 0, 0, 0);
      if (r === KERN_BLOCK) return;
      this.told = true;
    }
    this.rt.syscallRaw(this, SYS.exit, 126, 0, 0, 0, 0, 0);
    throw EXITED;
  }

  // The program is ready: the process is it from now on.
  become(module) {
    const p = new Process(this.rt, this.kp, module, this.argv, this.envp);
    p.ctx = this.ctx;
    this.rt.procs[this.ctx] = p;
    this.rt.current = p;
    return p.run();
  }

  copyin(k, dst, src, n) {
    if (src < TS || src + n > this.mem.length) return EFAULT;
    k.u8.set(this.mem.subarray(src, src + n), dst);
    return 0;
  }

  copyout() { return EFAULT; }
  copyinstr() { return EFAULT; }
  setBrk() { return 0; }
}
