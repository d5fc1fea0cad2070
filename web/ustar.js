// ustar.js - adding files to a boot archive (a ustar archive, as
// tools/mkinitramfs.js writes and kernel/initramfs.c unpacks), for the
// launcher's --add (web/node.js): the programs a student just built join
// /usr/bin for one run without a rebuild of the initramfs. And, for
// --mount (web/mount.js), an archive of a host folder, and the members of
// the archive the kernel writes of /mnt (kernel/share.c). Names there are
// strings of bytes, one char each (latin1), as a file name is any bytes.

const BLOCK = 512;
// Types whose size field counts no data: links, devices, directories,
// FIFOs, and a file whose bytes are fetched at first use (kernel/lazy.c).
const NO_DATA = '123456F';

// Where path (bytes, one char each) is cut between ustar's prefix and
// name fields: 0 if it fits the name, -1 if it cannot be held (the rule
// of kernel/share.c's split_name).
export function ustarCut(path) {
  const len = path.length;
  if (len <= 100) return 0;
  for (let i = len - 1; i > 0; i--)
    if (path[i] === '/' && i <= 155 && len - i - 1 <= 100 && len - i - 1 > 0) return i;
  return -1;
}

function header(name, size, mode, type = '0', latin1 = false) {
  const h = new Uint8Array(BLOCK);
  if (!latin1) name = String.fromCharCode(...new TextEncoder().encode(name));
  const put = (s, off, len) => h.set(Uint8Array.from(s, (c) => c.charCodeAt(0)).subarray(0, len), off);
  const octal = (v, len) => v.toString(8).padStart(len - 1, '0') + '\0';
  const cut = ustarCut(name);
  if (cut < 0) throw new Error(`name too long for ustar: ${name}`);
  if (cut) {
    put(name.slice(0, cut), 345, 155);
    name = name.slice(cut + 1);
  }
  put(name, 0, 100);
  put(octal(mode, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(0, 12), 136, 12);
  h.fill(32, 148, 156);                        // the checksum counts as spaces
  h[156] = type.charCodeAt(0);                 // '0': a regular file, '5' a directory
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  const sum = h.reduce((n, b) => n + b, 0);
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

// Where the archive's members end: the first block of zeros.
function membersEnd(archive) {
  const dec = new TextDecoder();
  let off = 0;
  while (off + BLOCK <= archive.length && archive[off] !== 0) {
    const size = parseInt(dec.decode(archive.subarray(off + 124, off + 136))
      .replace(/\0.*$/s, '').trim() || '0', 8);
    const type = String.fromCharCode(archive[off + 156] || 48);
    off += BLOCK + (NO_DATA.includes(type) ? 0 : Math.ceil(size / BLOCK) * BLOCK);
  }
  return off;
}

// A new archive: files ([{ name, data, mode }]), then archive's members.
// The kernel leaves a name that exists alone (kernel/initramfs.c), so the
// files come first: they win over members of the same name.
export function ustarWith(archive, files) {
  const end = membersEnd(archive);
  let size = end + 2 * BLOCK;
  for (const f of files) size += BLOCK + Math.ceil(f.data.length / BLOCK) * BLOCK;
  const out = new Uint8Array(size);
  let off = 0;
  for (const f of files) {
    out.set(header(f.name, f.data.length, f.mode), off);
    out.set(f.data, off + BLOCK);
    off += BLOCK + Math.ceil(f.data.length / BLOCK) * BLOCK;
  }
  out.set(archive.subarray(0, end), off);
  return out;
}

// An archive of entries ([{ name, type: '0' or '5', mode, data }], names
// in latin1, a directory's ending in a slash), in their order.
export function ustarOf(entries) {
  let size = 2 * BLOCK;
  for (const e of entries) size += BLOCK + Math.ceil((e.data ? e.data.length : 0) / BLOCK) * BLOCK;
  const out = new Uint8Array(size);
  let off = 0;
  for (const e of entries) {
    const n = e.data ? e.data.length : 0;
    out.set(header(e.name, n, e.mode, e.type, true), off);
    if (n) out.set(e.data, off + BLOCK);
    off += BLOCK + Math.ceil(n / BLOCK) * BLOCK;
  }
  return out;
}

// The members of an archive: [{ name, type, mode, data }], names in
// latin1 without a trailing slash.
export function ustarMembers(buf) {
  const out = [];
  const str = (o, n) => {
    let s = '';
    for (let i = o; i < o + n && buf[i]; i++) s += String.fromCharCode(buf[i]);
    return s;
  };
  for (let off = 0; off + BLOCK <= buf.length && buf[off] !== 0;) {
    const type = String.fromCharCode(buf[off + 156] || 48);
    const size = NO_DATA.includes(type) ? 0 : parseInt(str(off + 124, 12).trim() || '0', 8);
    const prefix = str(off + 345, 155);
    const name = ((prefix ? prefix + '/' : '') + str(off, 100)).replace(/\/+$/, '');
    const mode = parseInt(str(off + 100, 8).trim() || '0', 8) & 0o7777;
    out.push({ name, type, mode, data: buf.subarray(off + BLOCK, off + BLOCK + size) });
    off += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return out;
}
