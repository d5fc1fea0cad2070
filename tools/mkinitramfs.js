#!/usr/bin/env node
// mkinitramfs.js - pack the files Duplex boots with into a ustar archive.
//
//   node tools/mkinitramfs.js OUT.tar DIR=SRC [DIR=SRC ...] [ALIAS=TARGET ...]
//
// Each DIR=SRC puts the regular files of the host directory SRC (not
// recursively) under /DIR in the archive (a DIR may have several SRCs:
// bin has the programs and the scripts); the programs of bin, usr/bin and
// tests/compat get mode 0755, the rest 0644. The kernel's initramfs.c
// unpacks it into the ramfs at boot, on both targets. `test` is also packed as `[`, the name POSIX gives it,
// and bin/bash is a symbolic link to sh (the shell behaves as bash under that name);
// usr/bin/env is one to /bin/env, for scripts that start `#!/usr/bin/env bash`.
//
//   node tools/mkinitramfs.js OUT.tar --lazy=FILES --keep=NAME,... DIR=SRC ...
//
// The page's archive: every regular file but the NAMEs kept (bin/init,
// bin/sh; a NAME ending in / keeps the whole directory, as etc/) is
// listed by name, size and mode only (an entry of type 'F',
// kernel/lazy.c), and its bytes go to FILES/NAME, with FILES/NAME.br beside
// them for a server that sends brotli; the page fetches them the first
// time the file is opened or run. `[` is listed as the bytes of bin/test.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.findIndex((a) => a.startsWith(`--${name}=`));
  return i < 0 ? null : args.splice(i, 1)[0].slice(name.length + 3);
};
const lazyDir = option('lazy');
const keep = new Set((option('keep') || '').split(',').filter(Boolean));
const kept = (name) => keep.has(name) || [...keep].some((k) => k.endsWith('/') && name.startsWith(k));
const [out, ...specs] = args;
if (!out || specs.length === 0) {
  console.error('usage: mkinitramfs.js OUT.tar [--lazy=FILES --keep=NAME,...] DIR=SRC ...');
  process.exit(2);
}

const blocks = [];

function header(name, size, mode, type, link = '') {
  const h = Buffer.alloc(512);
  const put = (s, off, len) => h.write(s, off, Math.min(len, Buffer.byteLength(s)), 'latin1');
  const octal = (v, len) => v.toString(8).padStart(len - 1, '0') + '\0';
  if (Buffer.byteLength(name) > 100) throw new Error(`name too long for ustar: ${name}`);
  put(name, 0, 100);
  put(octal(mode, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(0, 12), 136, 12);
  h.fill(' ', 148, 156);                       // checksum field counts as spaces
  h[156] = type.charCodeAt(0);
  put(link, 157, 100);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

const dirs = new Set();
function addDir(name) {
  const up = path.posix.dirname(name);
  if (up !== '.' && !dirs.has(up)) addDir(up);     // share/man needs share
  if (dirs.has(name)) return;              // a DIR may be given more than once
  dirs.add(name);
  blocks.push(header(name + '/', 0, 0o755, '5'));
}

// The bytes of a file listed without them, at FILES/name (and .br), each
// written only when it changed: a rebuild does not compress everything again.
const lazyWritten = new Set();
function putLazy(name, data) {
  const file = path.join(lazyDir, name);
  lazyWritten.add(file).add(`${file}.br`);
  const same = fs.existsSync(file) && fs.existsSync(`${file}.br`) &&
    fs.readFileSync(file).equals(data);
  if (same) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  } }));
}

function addFile(name, data, mode, bytesOf = name) {
  if (lazyDir && !kept(name)) {
    if (bytesOf === name) putLazy(name, data);
    blocks.push(header(name, data.length, mode, 'F', bytesOf === name ? '' : bytesOf));
    return;
  }
  blocks.push(header(name, data.length, mode, '0'), data);
  const pad = (512 - (data.length % 512)) % 512;
  if (pad) blocks.push(Buffer.alloc(pad));
}

for (const spec of specs) {
  const [dir, src] = spec.split('=');
  addDir(dir);
  if (!fs.existsSync(src)) continue;
  for (const f of fs.readdirSync(src).sort()) {
    const p = path.join(src, f);
    if (!fs.statSync(p).isFile() || f.endsWith('.pre.wasm')) continue;
    const data = fs.readFileSync(p);
    const mode = ['bin', 'usr/bin', 'tests/compat'].includes(dir) ? 0o755 : 0o644;
    addFile(`${dir}/${f}`, data, mode);
    if (dir === 'bin' && f === 'test') addFile('bin/[', data, mode, 'bin/test');
    if (dir === 'bin' && f === 'sh') blocks.push(header('bin/bash', 0, 0o777, '2', 'sh'));
  }
}
if (dirs.has('usr/bin') && specs.some((s) => s.startsWith('bin=') && fs.existsSync(path.join(s.slice(4), 'env'))))
  blocks.push(header('usr/bin/env', 0, 0o777, '2', '/bin/env'));
dirs.add('tmp'); blocks.push(header('tmp/', 0, 0o1777, '5'));   // sticky, world-writable: as on Unix
addDir('home');                                // the user's, where the shell starts
blocks.push(Buffer.alloc(1024));
fs.writeFileSync(out, Buffer.concat(blocks));

// what FILES holds of programs and pages gone since goes too (make dist copies it all)
if (lazyDir) {
  for (const f of fs.readdirSync(lazyDir, { recursive: true })) {
    const p = path.join(lazyDir, f);
    if (fs.statSync(p).isFile() && !lazyWritten.has(p)) fs.rmSync(p);
  }
}
