// lazy.test.js - the page's boot archive (build/web/page.tar), which lists
// every program but init and the shell, and the manual, by name, size and
// mode only: the runtime fetches a file's bytes the first time it is opened
// or run (kernel/lazy.c, web/lazy.js's fetchLazy), here from build/web/files/
// as the page does from its server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runLine, filesWith, root } from './harness.js';

const web = path.join(root, 'build', 'web');
const files = () => filesWith(path.join(web, 'page.tar'));

// A runtime's options that fetch from build/web/files/, recording each
// name asked for; fail(name) makes that fetch fail as a server's 404 would.
function fetcher(fail = () => false) {
  const asked = [], warned = [];
  return {
    asked,
    warned,
    opts: {
      fetchFile: async (name) => {
        asked.push(name);
        if (fail(name)) throw new Error('404 Not Found');
        return fs.readFileSync(path.join(web, 'files', name));
      },
      warn: (msg) => warned.push(msg),
    },
  };
}

test('a program listed without its bytes runs in a pipeline', async () => {
  const f = fetcher();
  const r = await runLine('seq 1 100 | wc -l', { files: files(), opts: f.opts });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.trim(), '100');
  assert.equal(r.code, 0);
  assert.deepEqual(f.asked.sort(), ['bin/seq', 'bin/wc']);
  assert.equal(r.dx.stats.fetches, 2);
});

test('ls -l, test -x and which see a file whose bytes have not come', async () => {
  const f = fetcher();
  const size = fs.statSync(path.join(web, 'files', 'bin', 'wc')).size;
  const r = await runLine('ls -l /bin/wc; test -x /bin/wc && echo runnable; command -v wc',
    { files: files(), opts: f.opts });
  assert.equal(r.stderr, '');
  const [ls, runnable, where] = r.stdout.trim().split('\n');
  assert.match(ls, new RegExp(`^-rwxr-xr-x .* ${size} .*/bin/wc$`));
  assert.equal(runnable, 'runnable');
  assert.equal(where, '/bin/wc');
  assert.ok(!f.asked.includes('bin/wc'), `wc was fetched: ${f.asked}`);
});

test('man shows a page fetched at first use', async () => {
  const f = fetcher();
  const r = await runLine('man ls | head -3', { files: files(), opts: f.opts });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /LS\(1\)/);
  assert.ok(f.asked.includes('share/man/ls.1'), `asked for: ${f.asked}`);
});

test('a fetch that fails is EIO with a message, and nothing waits for ever', async () => {
  const f = fetcher((name) => name === 'bin/wc');
  const r = await runLine('echo x | wc -l; echo "status $?"; cat /bin/wc >/dev/null; echo "cat $?"',
    { files: files(), opts: f.opts });
  assert.match(r.stderr, /wc: .*I\/O error|wc: Input\/output error/i);
  assert.match(r.stderr, /cat: \/bin\/wc: (Input\/output|I\/O) error/i);
  assert.match(r.stdout, /^status 126$/m);
  assert.match(r.stdout, /^cat 1$/m);
  assert.ok(f.warned.some((w) => /cannot fetch bin\/wc: 404 Not Found/.test(w)), f.warned.join('\n'));
  assert.equal(f.asked.filter((n) => n === 'bin/wc').length, 2);   // tried again by cat
});

test('without a way to fetch, such a file is EIO', async () => {
  const r = await runLine('wc -l /etc/motd; echo "status $?"', { files: files() });
  assert.match(r.stderr, /wc/);
  assert.match(r.stdout, /^status 126$/m);
});
