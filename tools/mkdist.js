#!/usr/bin/env node
// mkdist.js - the page as a folder any static web server can serve
// (`make dist`), and the compressed copies that `make run` serves.
//
//   node tools/mkdist.js compress FILE...   write FILE.br beside each FILE
//   node tools/mkdist.js dist DIR           write the page into DIR
//
// DIR has the layout the page's relative URLs expect, the same as
// web/serve.js's routes: index.html, web/*.js (the modules the page loads),
// build/web/ (the kernel and the page's initramfs, page.tar, and files/:
// the bytes of the files page.tar lists without them), xterm/ and xterm-fit/ (from
// node_modules: the scripts and the style sheet, no source maps), binaryen/ (binaryen.js,
// which the page loads only to prepare a WASI program). Beside
// every file worth it are FILE.br and FILE.gz, for servers that send a
// precompressed sibling when the browser accepts it (nginx's
// gzip_static and brotli_static, Caddy's precompressed); a plain server
// sends the files as they are.
//
// Brotli runs with its largest usual window (16 MiB): the programs of the
// initramfs all carry the C library, and a window that spans the whole
// archive finds it once, where gzip's 32 KiB window cannot.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// (Beyond 8 MiB - binaryen.js, which only a WASI program's first run
// fetches - quality 9: 11 takes minutes on it, for 16% fewer bytes.)
function brotli(bytes) {
  return zlib.brotliCompressSync(bytes, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: bytes.length > (8 << 20) ? 9 : 11,
    [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
  } });
}

function compress(file, gzip = false) {
  const bytes = fs.readFileSync(file);
  if (bytes.length < 1024) return;
  fs.writeFileSync(`${file}.br`, brotli(bytes));
  if (gzip) fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
}

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

function dist(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  const files = [
    ['web/index.html', 'index.html'],
    ['build/web/kernel.wasm', 'build/web/kernel.wasm'],
    ['build/web/page.tar', 'build/web/page.tar'],
    ['node_modules/@xterm/xterm/lib/xterm.js', 'xterm/lib/xterm.js'],
    ['node_modules/@xterm/xterm/css/xterm.css', 'xterm/css/xterm.css'],
    ['node_modules/@xterm/addon-fit/lib/addon-fit.js', 'xterm-fit/lib/addon-fit.js'],
    // fetched only when a WASI program first runs (web/wasiprep.js)
    ['node_modules/binaryen/index.js', 'binaryen/index.js'],
  ];
  // the page's modules and styles: every one of web/ but the two that are Node's
  for (const f of fs.readdirSync(path.join(root, 'web')))
    if (/\.(js|css)$/.test(f) && f !== 'serve.js' && f !== 'node.js') files.push([`web/${f}`, `web/${f}`]);
  for (const [from, to] of files) {
    const out = path.join(dir, to);
    copy(path.join(root, from), out);
    // the kernel's and the archive's .br were made by make already
    if (fs.existsSync(path.join(root, `${from}.br`))) copy(path.join(root, `${from}.br`), `${out}.br`);
    else compress(out);
    fs.writeFileSync(`${out}.gz`, zlib.gzipSync(fs.readFileSync(out), { level: 9 }));
  }
  // the files page.tar lists without their bytes, as they are and with
  // their .br (tools/mkinitramfs.js made both): a plain server sends them
  // as they are, one at a time, at their first use
  const lazy = path.join(root, 'build/web/files');
  let lazyCount = 0;
  for (const f of fs.existsSync(lazy) ? fs.readdirSync(lazy, { recursive: true }) : []) {
    if (!fs.statSync(path.join(lazy, f)).isFile()) continue;
    copy(path.join(lazy, f), path.join(dir, 'build/web/files', f));
    if (!f.endsWith('.br')) lazyCount++;
  }
  const size = (f) => fs.statSync(path.join(dir, f)).size;
  let raw = 0, br = 0;
  for (const [, to] of files) {
    raw += size(to);
    br += fs.existsSync(path.join(dir, `${to}.br`)) ? size(`${to}.br`) : size(to);
  }
  console.log(`${path.relative(root, dir) || dir}: ${files.length} files, ` +
    `${(raw / 1024).toFixed(0)} KiB, ${(br / 1024).toFixed(0)} KiB with brotli; ` +
    `${lazyCount} more fetched at first use (build/web/files/)`);
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'compress' && args.length) for (const f of args) compress(f);
else if (cmd === 'dist' && args.length === 1) dist(path.resolve(args[0]));
else {
  console.error('usage: mkdist.js compress FILE... | mkdist.js dist DIR');
  process.exit(2);
}
