// serve.js - a small static file server for the page (`make run`), on the
// loopback address only, from files in this repository: the page, the
// build, and xterm.js from node_modules. Nothing comes from a CDN.
//
//   node web/serve.js [PORT]
//
// Content is compressed: a file's `.br` sibling, when one as new as the
// file exists (make writes them for the kernel and the page's archive, with
// brotli's large window that finds what the programs share), else brotli
// or gzip made here once per version of the file and kept in memory. Every
// answer has an ETag, so a reload is answered "304 Not Modified".
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const routes = [
  ['/xterm-fit/', 'node_modules/@xterm/addon-fit/'],
  ['/xterm/', 'node_modules/@xterm/xterm/'],
  ['/binaryen/', 'node_modules/binaryen/'],     // for a WASI program's first run (wasiprep.js)
  ['/build/web/', 'build/web/'],
  ['/web/', 'web/'],
];

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.tar': 'application/x-tar',
  '.map': 'application/json',
};

function resolve(url) {
  const p = decodeURIComponent(new URL(url, 'http://x').pathname);
  if (p === '/' || p === '/index.html') return path.join(root, 'web/index.html');
  for (const [prefix, dir] of routes) {
    if (!p.startsWith(prefix)) continue;
    const file = path.resolve(root, dir, p.slice(prefix.length));
    return file.startsWith(path.resolve(root, dir)) ? file : null;   // no escaping with ..
  }
  return null;
}

const compressed = new Map();            // file -> { tag, encoding, bytes }

// The bytes to send for file (stat st) to a client that accepts `accept`.
function encoded(file, st, accept) {
  const tag = `${st.size}-${st.mtimeMs}`;
  const br = /\bbr\b/.test(accept), gzip = /\bgzip\b/.test(accept);
  const key = `${file}:${br ? 'br' : gzip ? 'gzip' : ''}`;
  const kept = compressed.get(key);
  if (kept && kept.tag === tag) return kept;
  let out = { tag, encoding: null, bytes: null };
  const sibling = `${file}.br`;
  if (br && fs.existsSync(sibling) && fs.statSync(sibling).mtimeMs >= st.mtimeMs) {
    out = { tag, encoding: 'br', bytes: fs.readFileSync(sibling) };
  } else if (br || gzip) {
    const raw = fs.readFileSync(file);
    out = br
      ? { tag, encoding: 'br', bytes: zlib.brotliCompressSync(raw, { params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: raw.length > (1 << 20) ? 9 : 11,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 24 } }) }
      : { tag, encoding: 'gzip', bytes: zlib.gzipSync(raw, { level: 9 }) };
  }
  if (out.bytes) compressed.set(key, out);
  return out;
}

function handle(req, res) {
  const file = resolve(req.url);
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found\n');
    return;
  }
  const st = fs.statSync(file);
  const etag = `"${st.size.toString(16)}-${Math.round(st.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': types[path.extname(file)] || 'application/octet-stream',
    'cache-control': 'no-cache',
    etag,
    vary: 'accept-encoding',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const out = encoded(file, st, String(req.headers['accept-encoding'] || ''));
  if (!out.encoding) {
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
    return;
  }
  res.writeHead(200, { ...headers, 'content-encoding': out.encoding,
    'content-length': out.bytes.length });
  res.end(out.bytes);
}

// Serve on 127.0.0.1:port (0: any free port); resolves to the server.
export function startServer(port) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handle);
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.argv[2] || process.env.PORT || 8080);
  startServer(port).then(() => {
    console.log(`Duplex is running: open http://127.0.0.1:${port}/ (Ctrl-C stops the server)`);
  }, (e) => {
    console.error(`duplex: cannot serve on 127.0.0.1:${port}: ${e.message}`);
    process.exit(1);
  });
}
