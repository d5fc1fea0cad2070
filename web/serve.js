// serve.js - a small static file server for the page (`make run`), on the
// loopback address only, from files in this repository: the page, the
// build, and xterm.js from node_modules. Nothing comes from a CDN.
//
//   node web/serve.js [PORT]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const routes = [
  ['/xterm-fit/', 'node_modules/@xterm/addon-fit/'],
  ['/xterm/', 'node_modules/@xterm/xterm/'],
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

function handle(req, res) {
  const file = resolve(req.url);
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found\n');
    return;
  }
  res.writeHead(200, {
    'content-type': types[path.extname(file)] || 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  fs.createReadStream(file).pipe(res);
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
