// wasi.test.js - WASI preview 1 programs built by the stock toolchains,
// unchanged (tests/wasi/: wasi-libc, Emscripten -sSTANDALONE_WASM, and
// SQLite), run by ./duplex as any program (web/wasi.js, docs/wasi.md): in
// pipelines, blocking on pipes and on the terminal, stopped by ^C and by
// kill, with their exit status, and with their files in Duplex's file
// system. `make test-node` builds them first (make wasi-tests).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './harness.js';

const built = path.join(root, 'build', 'wasi-tests');
const duplex = path.join(root, 'duplex');
const TOOLS = ['wasi-tool', 'em-tool'];         // wasi-libc's, Emscripten's

// ./duplex with every test program in /usr/bin, running line.
function run(line, input) {
  const add = [...TOOLS, 'wasi-sqlite'].flatMap((t) => ['--add', path.join(built, `${t}.wasm`)]);
  const r = spawnSync(duplex, [...add, '-c', line], {
    input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    encoding: 'latin1', timeout: 600000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  for (const t of [...TOOLS, 'wasi-sqlite'])
    assert.ok(fs.existsSync(path.join(built, `${t}.wasm`)), `make wasi-tests first: ${t}`);
  // The first exec of each prepares it (tools/wasi-prep), once: SQLite's
  // takes a minute. Later runs take the kept result.
  const r = run('for t in wasi-tool em-tool; do $t exit 0; done; echo "select 1;" | wasi-sqlite');
  assert.equal(r.stdout, '1\n', r.stderr);
});

for (const t of TOOLS) {
  test(`${t}: in a pipeline, as wc is`, () => {
    const r = run(`seq 1 100 | ${t} wc; seq 1 100 | wc; yes abc | head -5000 | ${t} wc | cat`);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, '    100     100     292\n'.repeat(2) + '   5000    5000   20000\n');
  });

  test(`${t}: a read from an empty pipe blocks until the writer writes`, () => {
    const r = run(`(echo first; sleep 0.3; echo second) | ${t} cat | ${t} wc`);
    assert.equal(r.stdout, '      2       2      13\n');
  });

  test(`${t}: the exit status, and arguments and environment`, () => {
    const r = run(`${t} exit 7; echo "status $?"; HOME=/tmp ${t} args 'a b' c`);
    assert.equal(r.stdout, 'status 7\na b\nc\nHOME=/tmp\n');
  });

  // (a background job of a script ignores SIGINT, as POSIX has it: SIGTERM)
  test(`${t}: kill and SIGPIPE end it as any program, computing or writing`, () => {
    const r = run(`${t} spin & sleep 0.2; kill $!; wait $!; echo "spin $?"; ` +
      `yes | ${t} cat | head -2; echo done`);
    assert.equal(r.stdout, 'spin 143\ny\ny\ndone\n');
  });

  test(`${t}: a sleep of its own (poll_oneoff) takes its time`, () => {
    const r = run(`${t} sleep 300 && echo slept`);
    assert.equal(r.stdout, 'slept\n');
  });
}

test('wasi-tool: its files are in Duplex\'s file system, by absolute and relative paths', () => {
  const r = run('cd /tmp && wasi-tool write f hello && wasi-tool append /tmp/f again && ' +
    'cat /tmp/f && echo made by sh > /tmp/g && wasi-tool read g && wasi-tool mkdir d && ' +
    'wasi-tool ls /tmp && wasi-tool rm f && ls /tmp && wasi-tool read /nope; echo "status $?"');
  assert.equal(r.stdout, 'hello\nagain\nmade by sh\nd\nf\ng\nd\ng\nstatus 1\n');
  assert.equal(r.stderr, 'wasitool: /nope: No such file or directory\n');
});

test('em-tool: Emscripten\'s standalone libc has no file system of its own: it says so', () => {
  const r = run('cd /tmp && em-tool write f hello; echo "status $?"');
  assert.equal(r.stdout, 'status 1\n');
  assert.match(r.stderr, /^wasitool: f: /);
});

test('SQLite, built unchanged by wasi-libc, with its database in a Duplex file', () => {
  const r = run('printf "create table t(a int, b text);\\n' +
    'insert into t values (1, \'one\'), (2, \'two\'), (3, \'three\');\\n" | ' +
    'wasi-sqlite /tmp/db && ls /tmp && ' +
    'echo "select a, b, length(b) from t order by a desc;" | wasi-sqlite /tmp/db && ' +
    'echo "select sum(a) from t where b like \'t%\';" | wasi-sqlite /tmp/db && ' +
    'od -c /tmp/db | head -1; echo "select nope;" | wasi-sqlite; echo "status $?"');
  assert.equal(r.stdout, 'db\n3|three|5\n2|two|3\n1|one|3\n5\n' +
    '0000000   S   Q   L   i   t   e       f   o   r   m   a   t       3  \\0\nstatus 1\n');
  assert.equal(r.stderr, 'sqlite: no such column: nope\n');
});

// ^C from the terminal, at a WASI program blocked reading the terminal, in
// ./duplex under script(1), which gives it a pseudo-terminal.
test('wasi-tool: a read from the terminal blocks; ^C ends it and the shell goes on', async () => {
  const add = ['--add', path.join(built, 'wasi-tool.wasm')];
  const cmd = [duplex, ...add].join(' ');
  const out = await new Promise((resolve, reject) => {
    const p = spawn('script', ['-qefc', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let text = '', step = 0;
    const timer = setTimeout(() => { p.kill(); reject(new Error(`no exit; output:\n${text}`)); }, 120000);
    p.stdout.on('data', (d) => {
      text += d.toString('latin1');
      if (step === 0 && text.includes('duplex$ ')) {
        step = 1;
        p.stdin.write('wasi-tool tty; wasi-tool cat\r');
      } else if (step === 1 && text.includes('stdin 1 stdout 1')) {
        step = 2;
        setTimeout(() => p.stdin.write('typed\r'), 200);
      } else if (step === 2 && text.split('typed').length > 2) {
        step = 3;
        p.stdin.write('\x03');
      } else if (step === 3 && /\^C[\s\S]*duplex\$ /.test(text)) {
        step = 4;
        p.stdin.write('echo "after $?"; exit\r');
      }
    });
    p.on('close', () => { clearTimeout(timer); p.stdin.destroy(); resolve(text); });
  });
  assert.match(out, /stdin 1 stdout 1/);
  assert.match(out, /after 130/);
});
