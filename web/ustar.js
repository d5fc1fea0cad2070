// ustar.js - adding files to a boot archive (a ustar archive, as
// tools/mkinitramfs.js writes and kernel/initramfs.c unpacks), for the
// launcher's --add (web/node.js): the programs a student just built join
// /usr/bin for one run without a rebuild of the initramfs.

const BLOCK = 512;

function header(name, size, mode) {
  const h = new Uint8Array(BLOCK);
  const enc = new TextEncoder();
  const put = (s, off, len) => h.set(enc.encode(s).subarray(0, len), off);
  const octal = (v, len) => v.toString(8).padStart(len - 1, '0') + '\0';
  if (enc.encode(name).length > 100) throw new Error(`name too long for ustar: ${name}`);
  put(name, 0, 100);
  put(octal(mode, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(0, 12), 136, 12);
  h.fill(32, 148, 156);                        // the checksum counts as spaces
  h[156] = 48;                                 // '0': a regular file
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
    off += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
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
