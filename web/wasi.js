// wasi.js - WASI preview 1 (the import module wasi_snapshot_preview1) over
// Duplex's system calls, for programs built by stock wasi-libc or by
// Emscripten -sSTANDALONE_WASM (docs/wasi.md). The runtime knows such a
// program by its imports (process.js, isWasi) and gives it these functions
// beside sys.preempt.
//
// Why here and not in a C shim linked into the program: the program is
// built by another toolchain, unchanged, and arrives as one finished module;
// a shim would have to be merged into it, which Debian's Binaryen cannot do.
// The runtime already owns the boundary between a program and the kernel.
//
// How a WASI call blocks. Every WASI import is one of asyncify's imports
// (wasiprep.js), so any of them may stop the program. A function here
// does its pure work first (reading its arguments, building a path), then
// at most ONE system call that may block or end the time slice, through
// Process.syscall - the very path of sys.syscall - and then writes its
// results. When that call blocks, the program unwinds; when it runs again,
// the same import is called again with the same arguments, redoes the pure
// work, and Process.syscall re-issues the call (or returns the result kept
// from before). Calls that never block use the kernel directly
// (rt.syscallRaw), before the one that may.
//
// Memory. The kernel copies into and out of the program's memory. What a
// call needs in between (a path with its NUL, a struct stat, poll's array)
// goes in SCRATCH bytes just below the stack pointer: the program is inside
// an import, so nothing of its own lives there. Where asyncify saves a
// stopped program's stack is process.js's choice (unwindWasi).
//
// Descriptors. wasi-libc finds its directories by asking for descriptors
// 3, 4, ... until one is not a preopened directory. Descriptor 3 is the
// root, "/", and the program's other descriptors are the kernel's, moved
// up by one above 2 (kernel fd 3 is WASI fd 4).
//
// Paths. wasi-libc (and Emscripten's libc) hand a path to the preopened
// directory whose name is its longest prefix, with the prefix and the
// leading slashes cut off: "/tmp/f" and "tmp/f" both arrive as "tmp/f",
// relative to "/". The cut is made in the program's own string, so the
// byte before what arrives tells which it was: a slash for an absolute
// path. Anything else is relative, and goes to the kernel as it is, to be
// found from the working directory, as a Linux program's would.

import { EXITED } from './process.js';

export const SCRATCH = 16384;
const PATH1 = 0, PATH2 = 4096, DATA = 8192;      // parts of the scratch area
// The preopened directories, from descriptor 3 on: the root.
const PREOPENS = ['/'];
const FIRST = 3, NPRE = PREOPENS.length;
const isPre = (fd) => fd >= FIRST && fd < FIRST + NPRE;

const SYS = {
  exit: 1, getpid: 5, kill: 11, sched_yield: 13, open: 30, close: 31, read: 32, write: 33,
  lseek: 34, dup2: 36, fcntl: 37, stat: 38, fstat: 39, mkdir: 40, rmdir: 41, unlink: 42,
  rename: 43, getdents: 44, ftruncate: 47, ppoll: 54,
};

// WASI's errno values, by Linux's (kernel/uapi/errno.h).
const ERRNO = new Map([
  [1, 63], [2, 44], [3, 71], [4, 27], [5, 29], [6, 60], [7, 1], [8, 45], [9, 8], [10, 12],
  [11, 6], [12, 48], [13, 2], [14, 21], [16, 10], [17, 20], [18, 75], [19, 43], [20, 54],
  [21, 31], [22, 28], [23, 41], [24, 33], [25, 59], [26, 74], [27, 22], [28, 51], [29, 70],
  [30, 69], [31, 34], [32, 64], [33, 18], [34, 68], [35, 16], [36, 37], [37, 46], [38, 52],
  [39, 55], [40, 32], [42, 49], [43, 24], [75, 61], [84, 25], [88, 57], [95, 58], [98, 3],
  [104, 15], [107, 53], [110, 73], [111, 14],
]);
const E = { SUCCESS: 0, BADF: 8, INVAL: 28, IO: 29, NOSYS: 52, NOTSUP: 58 };
export const wasiErrno = (r) => (r >= 0 ? 0 : ERRNO.get(-r) ?? E.IO);

// File types, open and descriptor flags.
const FT = { UNKNOWN: 0, CHAR: 2, DIR: 3, REG: 4 };
const S_IFMT = 0o170000;
const FILETYPE = new Map([[0o020000, FT.CHAR], [0o040000, FT.DIR], [0o100000, FT.REG]]);
const RIGHT_READ = 1n << 1n, RIGHT_SEEK = 1n << 2n, RIGHT_TELL = 1n << 5n;
const RIGHTS_WRITE = (1n << 0n) | (1n << 6n) | (1n << 8n) | (1n << 22n);
const RIGHT_READDIR = 1n << 14n;
const ALL_RIGHTS = (1n << 30n) - 1n;
const O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0o100, O_EXCL = 0o200, O_TRUNC = 0o1000,
  O_APPEND = 0o2000, O_NONBLOCK = 0o4000, O_DIRECTORY = 0o200000;
const F_GETFL = 3, F_SETFL = 4;
const POLLIN = 1, POLLOUT = 4, POLLHUP = 0x10;

const enc = new TextEncoder();

export class Wasi {
  constructor(proc) {
    this.p = proc;
    this.dirs = new Map();            // kernel fd -> the path it was opened by (for path_*)
  }

  // ---- helpers --------------------------------------------------------------

  get rt() { return this.p.rt; }
  dv() { return new DataView(this.p.memory.buffer); }
  scratch() { return ((this.p.x.__dx_sp.value >>> 0) - SCRATCH) & ~15; }
  raw(nr, a0 = 0, a1 = 0, a2 = 0, a3 = 0) { return this.rt.syscallRaw(this.p, nr, a0, a1, a2, a3, 0, 0); }

  // The one call that may block: through the same path as sys.syscall.
  // undefined: the program is unwinding, and the import's result is moot.
  call(nr, a0 = 0, a1 = 0, a2 = 0, a3 = 0) {
    const r = this.p.syscall(nr, a0, a1, a2, a3, 0, 0);
    return this.p.unwinding ? undefined : r;
  }

  kfd(fd) { return fd < FIRST ? fd : fd - NPRE; }
  wfd(k) { return k < FIRST ? k : k + NPRE; }

  // The kernel's path for (dir fd, path) as a C string at scratch + at.
  path(fd, ptr, len, at) {
    let base;
    if (isPre(fd)) base = len === 0 || this.p.bytes()[ptr - 1] === 0x2f ? '/' : '';
    else if (this.dirs.has(this.kfd(fd))) base = this.dirs.get(this.kfd(fd)) + '/';
    else return -E.BADF;
    const u = this.p.bytes();
    const name = u.subarray(ptr, ptr + len);
    const b = enc.encode(base);
    if (b.length + len + 1 > 4096) return -37;                   // NAMETOOLONG
    const dst = this.scratch() + at;
    u.set(b, dst);
    u.set(name, dst + b.length);
    u[dst + b.length + len] = 0;
    this.lastPath = new TextDecoder().decode(u.subarray(dst, dst + b.length + len));
    return dst;
  }

  // struct k_stat at k as WASI's filestat at out.
  filestat(dv, k, out) {
    const mode = dv.getUint32(k + 8, true);
    dv.setBigUint64(out, BigInt(dv.getUint32(k, true)), true);
    dv.setBigUint64(out + 8, BigInt(dv.getUint32(k + 4, true)), true);
    dv.setUint8(out + 16, FILETYPE.get(mode & S_IFMT) ?? FT.UNKNOWN);
    dv.setBigUint64(out + 24, BigInt(dv.getUint32(k + 12, true)), true);
    dv.setBigUint64(out + 32, dv.getBigUint64(k + 32, true), true);
    for (let i = 0; i < 3; i++) {
      const t = k + 48 + i * 16;
      dv.setBigUint64(out + 40 + i * 8,
        dv.getBigUint64(t, true) * 1000000000n + dv.getBigUint64(t + 8, true), true);
    }
  }

  strings(list) {
    return list.map((s) => (typeof s === 'string' ? enc.encode(s) : s));
  }

  sizes(list, countPtr, sizePtr) {
    const dv = this.dv();
    const l = this.strings(list);
    dv.setUint32(countPtr, l.length, true);
    dv.setUint32(sizePtr, l.reduce((n, s) => n + s.length + 1, 0), true);
    return 0;
  }

  put(list, vecPtr, bufPtr) {
    const dv = this.dv();
    const u = this.p.bytes();
    this.strings(list).forEach((s, i) => {
      dv.setUint32(vecPtr + i * 4, bufPtr, true);
      u.set(s, bufPtr);
      u[bufPtr + s.length] = 0;
      bufPtr += s.length + 1;
    });
    return 0;
  }

  // The first iovec with bytes in it: [buf, len] (a short read or write
  // is allowed, and the C libraries loop).
  firstIov(iovs, n) {
    const dv = this.dv();
    for (let i = 0; i < n; i++) {
      const len = dv.getUint32(iovs + i * 8 + 4, true);
      if (len) return [dv.getUint32(iovs + i * 8, true), len];
    }
    return [0, 0];
  }

  // ---- the imports ----------------------------------------------------------

  // Emscripten's libc in a standalone program calls a few Linux system
  // calls of its own (env.__syscall_mkdir, _unlink, _getdents64 ...) that
  // a host outside the browser is expected to give: here they fail with
  // ENOSYS, as an unknown system call does, and the program goes on.
  static envStubs(module) {
    const env = {};
    for (const i of WebAssembly.Module.imports(module))
      if (i.module === 'env' && i.kind === 'function' && i.name.startsWith('__syscall_'))
        env[i.name] = () => -38;
    return env;
  }

  imports() {
    const w = this;
    const ret = (r) => (r === undefined ? 0 : wasiErrno(r));
    return {
      args_sizes_get: (c, s) => w.sizes(w.p.argv, c, s),
      args_get: (v, b) => w.put(w.p.argv, v, b),
      environ_sizes_get: (c, s) => w.sizes(w.p.envp, c, s),
      environ_get: (v, b) => w.put(w.p.envp, v, b),
      clock_res_get: (id, out) => {
        w.dv().setBigUint64(out, 1000n, true);
        return 0;
      },
      clock_time_get: (id, precision, out) => {
        const ns = id === 0 ? BigInt(Date.now()) * 1000000n
          : BigInt(Math.round(performance.now() * 1e6));
        w.dv().setBigUint64(out, ns, true);
        return 0;
      },
      fd_advise: () => 0,
      fd_allocate: () => E.NOTSUP,
      fd_close: (fd) => {
        if (isPre(fd)) return 0;
        w.dirs.delete(w.kfd(fd));
        return wasiErrno(w.raw(SYS.close, w.kfd(fd)));
      },
      fd_datasync: () => 0,
      fd_sync: () => 0,
      fd_fdstat_get: (fd, out) => w.fdstat(fd, out),
      fd_fdstat_set_flags: (fd, flags) => {
        const k = w.kfd(fd);
        const fl = w.raw(SYS.fcntl, k, F_GETFL);
        if (fl < 0) return wasiErrno(fl);
        const want = (fl & ~(O_APPEND | O_NONBLOCK)) | (flags & 1 ? O_APPEND : 0) |
          (flags & 4 ? O_NONBLOCK : 0);
        return wasiErrno(w.raw(SYS.fcntl, k, F_SETFL, want));
      },
      fd_fdstat_set_rights: () => 0,
      fd_filestat_get: (fd, out) => {
        const s = w.scratch() + DATA;
        const r = isPre(fd) ? w.raw(SYS.stat, w.path(fd, 0, 0, PATH1), s)
          : w.raw(SYS.fstat, w.kfd(fd), s);
        if (r < 0) return wasiErrno(r);
        w.filestat(w.dv(), s, out);
        return 0;
      },
      fd_filestat_set_size: (fd, size) => wasiErrno(w.raw(SYS.ftruncate, w.kfd(fd), Number(size))),
      fd_filestat_set_times: () => E.NOSYS,
      fd_pread: (fd, iovs, n, off, out) => w.positioned(SYS.read, fd, iovs, n, off, out),
      fd_pwrite: (fd, iovs, n, off, out) => w.positioned(SYS.write, fd, iovs, n, off, out),
      fd_prestat_get: (fd, out) => {
        if (!isPre(fd)) return E.BADF;
        const dv = w.dv();
        dv.setUint32(out, 0, true);                      // a directory
        dv.setUint32(out + 4, PREOPENS[fd - FIRST].length, true);
        return 0;
      },
      fd_prestat_dir_name: (fd, ptr, len) => {
        if (!isPre(fd)) return E.BADF;
        const name = enc.encode(PREOPENS[fd - FIRST]);
        if (len < name.length) return E.INVAL;
        w.p.bytes().set(name, ptr);
        return 0;
      },
      fd_read: (fd, iovs, n, out) => w.transfer(SYS.read, fd, iovs, n, out),
      fd_write: (fd, iovs, n, out) => w.transfer(SYS.write, fd, iovs, n, out),
      fd_readdir: (fd, buf, len, cookie, out) => w.readdir(fd, buf, len, cookie, out),
      fd_renumber: (from, to) => {
        const r = w.raw(SYS.dup2, w.kfd(from), w.kfd(to));
        if (r < 0) return wasiErrno(r);
        return wasiErrno(w.raw(SYS.close, w.kfd(from)));
      },
      fd_seek: (fd, off, whence, out) => {
        const r = w.raw(SYS.lseek, w.kfd(fd), Number(off), whence);
        if (r < 0) return wasiErrno(r);
        w.dv().setBigUint64(out, BigInt(r >>> 0), true);
        return 0;
      },
      fd_tell: (fd, out) => {
        const r = w.raw(SYS.lseek, w.kfd(fd), 0, 1);
        if (r < 0) return wasiErrno(r);
        w.dv().setBigUint64(out, BigInt(r >>> 0), true);
        return 0;
      },
      path_create_directory: (fd, p, l) => w.onPath(SYS.mkdir, fd, p, l, 0o777),
      path_filestat_get: (fd, flags, p, l, out) => {
        const path = w.path(fd, p, l, PATH1);
        if (path < 0) return wasiErrno(path);
        const s = w.scratch() + DATA;
        const r = w.raw(SYS.stat, path, s);
        if (r < 0) return wasiErrno(r);
        w.filestat(w.dv(), s, out);
        return 0;
      },
      path_filestat_set_times: () => E.NOSYS,
      path_link: () => E.NOTSUP,
      path_open: (fd, dirflags, p, l, oflags, base, inheriting, fdflags, out) =>
        ret(w.open(fd, p, l, oflags, base, fdflags, out)),
      path_readlink: () => E.INVAL,                       // Duplex has no symbolic links
      path_remove_directory: (fd, p, l) => w.onPath(SYS.rmdir, fd, p, l),
      path_rename: (fd, p, l, fd2, p2, l2) => {
        const a = w.path(fd, p, l, PATH1), b = w.path(fd2, p2, l2, PATH2);
        if (a < 0 || b < 0) return wasiErrno(Math.min(a, b));
        return wasiErrno(w.raw(SYS.rename, a, b));
      },
      path_symlink: () => E.NOTSUP,
      path_unlink_file: (fd, p, l) => w.onPath(SYS.unlink, fd, p, l),
      poll_oneoff: (inp, outp, n, nout) => ret(w.poll(inp, outp, n, nout)),
      proc_exit: (code) => {
        w.raw(SYS.exit, code & 0xff);
        throw EXITED;
      },
      proc_raise: (sig) => ret(w.call(SYS.kill, w.raw(SYS.getpid), sig)),
      random_get: (buf, len) => {
        const u = w.p.bytes();
        for (let i = 0; i < len; i += 65536)
          crypto.getRandomValues(u.subarray(buf + i, buf + Math.min(len, i + 65536)));
        return 0;
      },
      sched_yield: () => ret(w.call(SYS.sched_yield)),
      sock_accept: () => E.NOSYS,
      sock_recv: () => E.NOSYS,
      sock_send: () => E.NOSYS,
      sock_shutdown: () => E.NOSYS,
    };
  }

  onPath(nr, fd, p, l, arg = 0) {
    const path = this.path(fd, p, l, PATH1);
    if (path < 0) return wasiErrno(path);
    return wasiErrno(this.raw(nr, path, arg));
  }

  fdstat(fd, out) {
    const dv = this.dv();
    let type = FT.DIR, flags = 0, rights = ALL_RIGHTS;
    if (!isPre(fd)) {
      const k = this.kfd(fd), s = this.scratch() + DATA;
      const r = this.raw(SYS.fstat, k, s);
      if (r < 0) return wasiErrno(r);
      const mode = dv.getUint32(s + 8, true) & S_IFMT;
      type = FILETYPE.get(mode) ?? FT.UNKNOWN;
      const fl = this.raw(SYS.fcntl, k, F_GETFL);
      flags = (fl & O_APPEND ? 1 : 0) | (fl & O_NONBLOCK ? 4 : 0);
      // a terminal cannot seek: how isatty tells one (wasi-libc, Emscripten)
      if (type === FT.CHAR) rights &= ~(RIGHT_SEEK | RIGHT_TELL);
    }
    dv.setUint8(out, type);
    dv.setUint16(out + 2, flags, true);
    dv.setBigUint64(out + 8, rights, true);
    dv.setBigUint64(out + 16, rights, true);
    return 0;
  }

  transfer(nr, fd, iovs, n, out) {
    const [buf, len] = this.firstIov(iovs, n);
    const r = len ? this.call(nr, this.kfd(fd), buf, len) : 0;
    if (r === undefined) return 0;
    if (r < 0) return wasiErrno(r);
    this.dv().setUint32(out, r, true);
    return 0;
  }

  // pread and pwrite: at an offset, leaving the file's own where it was.
  // Only files that can seek take an offset, and their reads and writes
  // never block, so this is done with the kernel directly.
  positioned(nr, fd, iovs, n, off, out) {
    const k = this.kfd(fd);
    const was = this.raw(SYS.lseek, k, 0, 1);
    if (was < 0) return wasiErrno(was);
    let r = this.raw(SYS.lseek, k, Number(off), 0);
    if (r >= 0) {
      const [buf, len] = this.firstIov(iovs, n);
      r = len ? this.raw(nr, k, buf, len) : 0;
    }
    this.raw(SYS.lseek, k, was, 0);
    if (r < 0) return wasiErrno(r);
    this.dv().setUint32(out, r, true);
    return 0;
  }

  open(fd, p, l, oflags, base, fdflags, out) {
    const path = this.path(fd, p, l, PATH1);
    if (path < 0) return path;
    const name = this.lastPath;
    const read = (base & (RIGHT_READ | RIGHT_READDIR)) !== 0n;
    const write = (base & RIGHTS_WRITE) !== 0n;
    let flags = write ? (read ? O_RDWR : O_WRONLY) : 0;
    if (oflags & 1) flags |= O_CREAT;
    if (oflags & 2) flags |= O_DIRECTORY;
    if (oflags & 4) flags |= O_EXCL;
    if (oflags & 8) flags |= O_TRUNC;
    if (fdflags & 1) flags |= O_APPEND;
    if (fdflags & 4) flags |= O_NONBLOCK;
    const r = this.call(SYS.open, path, flags, 0o666);       // a FIFO's open blocks
    if (r === undefined || r < 0) return r;
    this.dirs.set(r, name.replace(/\/+$/, '') || '/');
    this.dv().setUint32(out, this.wfd(r), true);
    return 0;
  }

  // Directory entries from the entry after cookie (WASI's cookie is the
  // kernel's d_off, the position of the next entry), as many as fit; a
  // last one cut short tells the C library to ask again with more room.
  readdir(fd, buf, len, cookie, out) {
    const k = this.kfd(fd), s = this.scratch() + DATA;
    let r = this.raw(SYS.lseek, k, Number(cookie), 0);
    if (r < 0) return wasiErrno(r);
    const dv = this.dv(), u = this.p.bytes();
    let used = 0;
    while (used < len) {
      r = this.raw(SYS.getdents, k, s, 4096);
      if (r < 0) return wasiErrno(r);
      if (r === 0) break;
      for (let at = s; at < s + r && used < len;) {
        const reclen = dv.getUint16(at + 16, true);
        const type = u[at + 18];
        const nameAt = at + 19;
        const nameLen = u.subarray(nameAt, at + reclen).indexOf(0);
        const head = new DataView(new ArrayBuffer(24));
        head.setBigUint64(0, dv.getBigInt64(at + 8, true), true);        // d_next
        head.setBigUint64(8, dv.getBigUint64(at, true), true);           // d_ino
        head.setUint32(16, nameLen, true);
        head.setUint8(20, type === 4 ? FT.DIR : type === 8 ? FT.REG : type === 2 ? FT.CHAR : FT.UNKNOWN);
        const entry = new Uint8Array(24 + nameLen);
        entry.set(new Uint8Array(head.buffer));
        entry.set(u.subarray(nameAt, nameAt + nameLen), 24);
        const n = Math.min(entry.length, len - used);
        u.set(entry.subarray(0, n), buf + used);
        used += n;
        at += reclen;
      }
    }
    dv.setUint32(out, used, true);
    return 0;
  }

  // poll_oneoff: descriptors through ppoll, clocks as its timeout.
  poll(inp, outp, n, nout) {
    const dv = this.dv();
    const s = this.scratch() + DATA;
    const fds = [];
    let timeout = -1n, now = null;
    for (let i = 0; i < n; i++) {
      const sub = inp + i * 48, tag = dv.getUint8(sub + 8);
      if (tag === 0) {
        let t = dv.getBigUint64(sub + 24, true);
        if (dv.getUint16(sub + 40, true) & 1) {                          // absolute
          now ??= dv.getUint32(sub + 16, true) === 0 ? BigInt(Date.now()) * 1000000n
            : BigInt(Math.round(performance.now() * 1e6));
          t = t > now ? t - now : 0n;
        }
        if (timeout < 0n || t < timeout) timeout = t;
      } else {
        fds.push({ i, fd: dv.getUint32(sub + 16, true), ev: tag === 1 ? POLLIN : POLLOUT });
      }
    }
    fds.forEach((f, j) => {
      dv.setInt32(s + j * 8, this.kfd(f.fd), true);
      dv.setInt16(s + j * 8 + 4, f.ev, true);
      dv.setInt16(s + j * 8 + 6, 0, true);
    });
    const ts = s + fds.length * 8;
    if (timeout >= 0n) {
      dv.setBigInt64(ts, timeout / 1000000000n, true);
      dv.setBigInt64(ts + 8, timeout % 1000000000n, true);
    }
    const r = this.call(SYS.ppoll, s, fds.length, timeout >= 0n ? ts : 0, 0);
    if (r === undefined || r < 0) return r;
    let events = 0;
    const event = (i, type, error, flags) => {
      const e = outp + events++ * 32, sub = inp + i * 48;
      dv.setBigUint64(e, dv.getBigUint64(sub, true), true);
      dv.setUint16(e + 8, error, true);
      dv.setUint8(e + 10, type);
      dv.setBigUint64(e + 16, 1n, true);
      dv.setUint16(e + 24, flags, true);
    };
    if (r === 0) {
      for (let i = 0; i < n; i++)
        if (dv.getUint8(inp + i * 48 + 8) === 0) event(i, 0, 0, 0);
    }
    fds.forEach((f, j) => {
      const re = dv.getInt16(s + j * 8 + 6, true);
      if (re) event(f.i, f.ev === POLLIN ? 1 : 2, 0, re & POLLHUP ? 1 : 0);
    });
    dv.setUint32(nout, events, true);
    return 0;
  }
}
