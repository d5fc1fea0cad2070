// programs.js - compiled programs, for the runtime (runtime.js): the
// modules kept by the bytes they were compiled from, those of the initramfs
// compiled ahead, and the process (process.js) that a new image becomes -
// or, for a WASI program still being prepared, its stand-in (wasiwait.js).
//
// Compiling a program costs far more than starting it, so modules are
// kept. The kernel names the contents of every image it loads (struct
// exec_image's id: equal ids, equal bytes, in one boot), so exec of a
// program seen before is one lookup, with no look at its bytes. The
// first exec of an id finds the module among those compiled (at boot,
// or for an image with other bytes) by a full compare with the bytes it
// was compiled from: a program is never taken for another one.
//
// The functions are methods of the runtime's class Duplex (runtime.js
// assigns them to its prototype): they use its modules, byImage, stats,
// opts and kernel memory.

import { Process, wasiUnprepared } from './process.js';
import { PendingWasi, WasiWaiting } from './wasiwait.js';

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

export function isWasm(b) {
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

export const programs = {
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
  },

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
  },

  keepModule(bytes, module) {
    const same = this.modules.get(bytes.length);
    if (same) same.push({ bytes, module });
    else this.modules.set(bytes.length, [{ bytes, module }]);
  },

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
  },

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
  },

  // The process of a new image of kernel process kp, from moduleFor's m:
  // while a WASI program is being prepared, a stand-in that becomes it.
  newImage(kp, m, argv, envp) {
    if (m instanceof PendingWasi && m.module) m = m.module;
    return m instanceof PendingWasi ? new WasiWaiting(this, kp, m, argv, envp)
      : new Process(this, kp, m, argv, envp);
  },
};
