// mount.js - ./duplex --mount DIR: a folder of the host seen as /mnt.
//
// Duplex's file system lives in the kernel's memory, so /mnt is a copy of
// DIR kept in step with it, not a file system of its own:
//
//  - At boot, DIR's directories and regular files (contents and
//    permission bits) are handed to the kernel as an archive, unpacked
//    after the initramfs (runtime's restore option, kernel/share.c).
//  - Out: when the kernel's count of changes to its files has moved
//    (fsChanges), the launcher reads /mnt back as an archive
//    (kernel_archive) and writes to DIR what differs from what the two
//    sides last agreed on: new and changed files, new directories, modes,
//    and removals. It looks four times a second, at sync(2), and when the
//    machine stops (exit, poweroff).
//  - In: four times a second it also walks DIR, and a file whose
//    modification time, size or mode changed there, a new file or
//    directory, or one removed, is brought into /mnt (kernel_set_path,
//    kernel_remove_path). A program that has the file open sees the new
//    bytes, as with a file rewritten in place.
//
// So each side sees the other's changes within about a quarter of a
// second, not at once. When both change the same file within one look,
// the machine's version wins. A removal is done on the other side only
// if that side's copy is still the one last agreed on.
//
// What cannot cross: a name that the archive cannot hold (more than 100
// bytes, or a path too long to split at a slash: kernel/share.c) is left
// out of /mnt with a line on stderr, and is never removed from DIR;
// symbolic links, FIFOs, sockets and devices of DIR are left out too, and
// FIFOs made in /mnt stay in the machine. Owners and times are not
// copied. Names are bytes (latin1 strings here), so any name fits.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { ustarCut, ustarOf, ustarMembers } from './ustar.js';

const LOOK_MS = 250;
const EIO = -5;

const hashOf = (bytes) => crypto.createHash('sha1').update(bytes).digest('hex');
const hostPath = (dir, rel) => Buffer.concat([Buffer.from(dir + '/'), Buffer.from(rel, 'latin1')]);
const deepestFirst = (a, b) => b.split('/').length - a.split('/').length || (a < b ? 1 : -1);

export class HostFolder {
  // dir: the host's folder; warn(line): a line for stderr.
  constructor(dir, warn) {
    this.dir = path.resolve(dir);
    this.warn = warn;
    this.known = new Map();          // name below /mnt -> what both sides last agreed on
    this.warned = new Set();
    this.seenChanges = -1;
    this.tooLong = 0;
  }

  // Why DIR cannot be used, or null.
  static problem(dir) {
    try {
      return fs.statSync(dir).isDirectory() ? null : 'Not a directory';
    } catch (e) {
      return e.code === 'ENOENT' ? 'No such file or directory'
        : e.code === 'EACCES' ? 'Permission denied' : e.message;
    }
  }

  // DIR now: name -> { dir, mode, mtimeMs, size }, parents before children.
  scan() {
    const found = new Map();
    const walk = (rel) => {
      let names;
      try {
        names = fs.readdirSync(hostPath(this.dir, rel), { encoding: 'buffer' });
      } catch (e) {
        this.once(rel, `cannot read it: ${e.code || e.message}`);
        return;
      }
      for (const b of names) {
        const name = (rel ? rel + '/' : '') + b.toString('latin1');
        let st;
        try {
          st = fs.lstatSync(hostPath(this.dir, name));
        } catch {
          continue;                  // gone meanwhile
        }
        const kind = st.isDirectory() ? 'a directory' : st.isFile() ? 'a file' : null;
        if (!kind) {
          this.once(name, st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file or directory');
          continue;
        }
        if (ustarCut('mnt/' + name + (st.isDirectory() ? '/' : '')) < 0) {
          this.once(name, 'its name is longer than Duplex can copy (100 bytes a name, ' +
            '255 a path below /)');
          continue;
        }
        found.set(name, { dir: st.isDirectory(), mode: st.mode & 0o7777, mtimeMs: st.mtimeMs, size: st.size });
        if (st.isDirectory()) walk(name);
      }
    };
    walk('');
    return found;
  }

  // How the host's file rel is named in a message.
  where(rel) {
    return `${this.dir}/${Buffer.from(rel, 'latin1').toString()}`;
  }

  once(rel, why) {
    if (this.warned.has(rel)) return;
    this.warned.add(rel);
    this.warn(`duplex: --mount: ${this.where(rel)}: left out of /mnt: ${why}`);
  }

  read(rel) {
    return fs.readFileSync(hostPath(this.dir, rel));
  }

  // The archive the machine boots with: /mnt as DIR is now.
  bootArchive() {
    const entries = [{ name: 'mnt/', type: '5', mode: fs.statSync(this.dir).mode & 0o7777 }];
    for (const [name, h] of this.scan()) {
      if (h.dir) {
        entries.push({ name: `mnt/${name}/`, type: '5', mode: h.mode });
        this.known.set(name, { ...h });
        continue;
      }
      let data;
      try {
        data = this.read(name);
      } catch (e) {
        this.once(name, `cannot read it: ${e.code || e.message}`);
        continue;
      }
      entries.push({ name: `mnt/${name}`, type: '0', mode: h.mode, data });
      this.known.set(name, { ...h, size: data.length, hash: hashOf(data) });
    }
    return ustarOf(entries);
  }

  // Keep /mnt and DIR in step while dx runs.
  attach(dx) {
    this.dx = dx;
    this.seenChanges = dx.fsChanges();
    this.timer = setInterval(() => this.look(), LOOK_MS);
    this.timer.unref();              // not something Node waits for: deadlocks are still seen
  }

  look() {
    if (!this.dx || this.dx.halted) return;
    this.out();
    this.in();
  }

  // sync(2): the machine's changes to DIR now. 0 or -EIO.
  sync() {
    return this.out() ? 0 : EIO;
  }

  // The machine stops: its last changes to DIR.
  flush() {
    clearInterval(this.timer);
    try {
      if (this.dx) this.out();
    } catch (e) {
      this.warn(`duplex: --mount: the last changes could not be copied to ${this.dir}: ${e.message}`);
    }
  }

  // The machine's changes to DIR; false if one could not be made.
  out() {
    const changes = this.dx.fsChanges();
    if (changes === this.seenChanges) return true;
    let archive;
    try {
      archive = this.dx.archive('/mnt');
    } catch (e) {
      this.warnOnce('nomnt', `duplex: --mount: /mnt is not a directory now; nothing is copied to ${this.dir}`);
      return false;
    }
    this.seenChanges = changes;
    if (archive.skipped > this.tooLong)
      this.warn(`duplex: --mount: ${archive.skipped} name(s) in /mnt are too long to be copied to ${this.dir}`);
    this.tooLong = archive.skipped;
    let ok = true;
    const present = new Set();
    for (const m of ustarMembers(archive.bytes)) {
      if (!m.name.startsWith('mnt/')) continue;
      const name = m.name.slice(4);
      present.add(name);
      if (m.type === '5' || m.type === '0') ok = this.copyOut(name, m) && ok;
    }
    for (const name of [...this.known.keys()].filter((n) => !present.has(n)).sort(deepestFirst))
      ok = this.removeOut(name) && ok;
    return ok;
  }

  copyOut(name, m) {
    const k = this.known.get(name);
    const file = hostPath(this.dir, name);
    const dir = m.type === '5';
    const hash = dir ? null : hashOf(m.data);
    if (k && k.dir === dir && k.mode === m.mode && k.hash === hash) return true;
    try {
      if (dir) {
        if (!k || !k.dir) {
          if (k) fs.rmSync(file, { force: true });
          fs.mkdirSync(file, { mode: m.mode });
        }
      } else {
        if (k && k.dir) fs.rmdirSync(file);
        fs.writeFileSync(file, m.data, { mode: m.mode });
      }
      fs.chmodSync(file, m.mode);
      const st = fs.statSync(file);
      this.known.set(name, { dir, mode: m.mode, mtimeMs: st.mtimeMs, size: st.size, hash });
      return true;
    } catch (e) {
      this.warn(`duplex: --mount: cannot write ${this.where(name)}: ${e.code || e.message}`);
      return false;
    }
  }

  // Gone from /mnt: gone from DIR too, unless DIR's copy changed meanwhile.
  removeOut(name) {
    const k = this.known.get(name);
    this.known.delete(name);
    const file = hostPath(this.dir, name);
    try {
      const st = fs.lstatSync(file);
      if (k.dir && st.isDirectory()) fs.rmdirSync(file);
      else if (!k.dir && st.isFile() && st.mtimeMs === k.mtimeMs && st.size === k.size) fs.unlinkSync(file);
    } catch (e) {
      if (e.code === 'ENOENT') return true;
      if (e.code === 'ENOTEMPTY') return true;   // it holds files left out of /mnt
      this.warn(`duplex: --mount: cannot remove ${this.where(name)}: ${e.code || e.message}`);
      return false;
    }
    return true;
  }

  // DIR's changes into /mnt.
  in() {
    const found = this.scan();
    for (const [name, h] of found) {
      const k = this.known.get(name);
      if (k && k.dir === h.dir && k.mode === h.mode && (h.dir || (k.mtimeMs === h.mtimeMs && k.size === h.size)))
        continue;
      let data = null;
      if (!h.dir) {
        try {
          data = this.read(name);
        } catch {
          continue;                  // gone or unreadable meanwhile: the next look
        }
      }
      const hash = data ? hashOf(data) : null;
      const next = { ...h, size: data ? data.length : h.size, hash };
      if (k && k.dir === h.dir && k.mode === h.mode && k.hash === hash) {
        this.known.set(name, next);  // touched, not changed
        continue;
      }
      if (k && k.dir !== h.dir) this.dx.removePath('/mnt/' + name);
      const r = this.dx.setPath('/mnt/' + name, data, h.mode);
      if (r < 0) {
        this.warnOnce('in:' + name, `duplex: --mount: ${this.where(name)}: ` +
          `not copied into /mnt: error ${-r}`);
        continue;
      }
      this.known.set(name, next);
    }
    for (const name of [...this.known.keys()].filter((n) => !found.has(n)).sort(deepestFirst)) {
      const r = this.dx.removePath('/mnt/' + name);
      if (r === 0 || r === -2) this.known.delete(name);
      else if (r === -39) this.known.delete(name);     // ENOTEMPTY: the machine's new files keep it
    }
    this.seenChanges = this.dx.fsChanges();
  }

  warnOnce(key, line) {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warn(line);
  }
}
