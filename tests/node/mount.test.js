// mount.test.js - ./duplex --mount DIR (web/mount.js): a folder of the
// host seen as /mnt, both ways, while the machine runs and after.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './harness.js';

const duplex = path.join(root, 'duplex');

const made = [];
function fresh() {
  made.push(fs.mkdtempSync(path.join(os.tmpdir(), 'duplex-mount-')));
  return made.at(-1);
}
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function run(args, cwd = root) {
  const r = spawnSync(duplex, args, { cwd, encoding: 'latin1', timeout: 180000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// ./duplex running line; onOut(text so far, child) at each piece of output.
function runLive(args, onOut) {
  return new Promise((resolve) => {
    const child = spawn(duplex, args, { cwd: root });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; onOut(stdout, child); });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('a file and a directory of the host are read in Duplex', () => {
  const dir = fresh();
  fs.writeFileSync(path.join(dir, 'x'), 'from the host\n');
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'sub', 'y'), 'deeper\n', { mode: 0o600 });
  const r = run(['--mount', dir, '-c', 'cat /mnt/x /mnt/sub/y; ls /mnt; ls -l /mnt/sub | cut -c1-10']);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  // total 4: the 7-byte file occupies one 4 KiB block, as on ext4
  assert.equal(r.stdout, 'from the host\ndeeper\nsub\nx\ntotal 4\n-rw-------\n');
});

test('what Duplex writes, makes, changes and removes in /mnt is so on the host', () => {
  const dir = fresh();
  fs.writeFileSync(path.join(dir, 'old'), 'to be removed\n');
  fs.writeFileSync(path.join(dir, 'keep'), 'one\n');
  fs.mkdirSync(path.join(dir, 'gone'));
  const r = run(['--mount', dir, '-c',
    'echo made in duplex > /mnt/new; mkdir -p /mnt/d/e; echo inner > /mnt/d/e/f; ' +
    'echo two >> /mnt/keep; chmod 755 /mnt/keep; rm /mnt/old; rmdir /mnt/gone']);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.equal(fs.readFileSync(path.join(dir, 'new'), 'latin1'), 'made in duplex\n');
  assert.equal(fs.readFileSync(path.join(dir, 'd', 'e', 'f'), 'latin1'), 'inner\n');
  assert.equal(fs.readFileSync(path.join(dir, 'keep'), 'latin1'), 'one\ntwo\n');
  assert.equal(fs.statSync(path.join(dir, 'keep')).mode & 0o777, 0o755);
  assert.equal(fs.existsSync(path.join(dir, 'old')), false);
  assert.equal(fs.existsSync(path.join(dir, 'gone')), false);
});

test('sync(2) writes to the host at once; the host\'s changes reach a running machine', async () => {
  const dir = fresh();
  fs.writeFileSync(path.join(dir, 'edit'), 'first\n');
  fs.writeFileSync(path.join(dir, 'doomed'), 'x\n');
  let step = 0;
  const r = await runLive(['--mount', dir, '-c',
    'echo synced > /mnt/w; sync; echo ready; ' +
    'n=0; while [ "$(cat /mnt/edit)" = first ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n+1)); done; ' +
    'cat /mnt/edit; sleep 1; ls /mnt'], (out) => {
    if (step === 0 && out.includes('ready')) {
      step = 1;
      // the machine still runs: sync(2) has written the file already
      assert.equal(fs.readFileSync(path.join(dir, 'w'), 'latin1'), 'synced\n');
      fs.writeFileSync(path.join(dir, 'edit'), 'edited on the host\n');
      fs.writeFileSync(path.join(dir, 'added'), 'a\n');
      fs.rmSync(path.join(dir, 'doomed'));
    }
  });
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.equal(r.stdout, 'ready\nedited on the host\nadded\nedit\nw\n');
});

test('programs in /mnt run: a shell script and a program built by duplex-cc', () => {
  const dir = fresh();
  fs.writeFileSync(path.join(dir, 'hello.c'),
    '#include <stdio.h>\nint main(int argc, char **argv) { printf("hello %s\\n", argv[1]); return 4; }\n');
  const cc = spawnSync(path.join(root, 'tools', 'duplex-cc'), ['hello.c', '-o', 'hello'],
    { cwd: dir, encoding: 'latin1', timeout: 180000 });
  assert.equal(cc.status, 0, cc.stderr);
  fs.writeFileSync(path.join(dir, 'greet.sh'), '#!/bin/sh\necho "script $1"\n', { mode: 0o755 });
  const r = run(['--mount', dir, '-c',
    'cd /mnt && ./hello.wasm there | tr a-z A-Z; /mnt/hello.wasm x; echo "status $?"; ./greet.sh runs']);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'HELLO THERE\nhello x\nstatus 4\nscript runs\n');
});

test('--mount of a folder that does not exist, or of a file: exit 2, saying why', () => {
  const dir = fresh();
  let r = run(['--mount', path.join(dir, 'nope'), '-c', 'true']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `duplex: --mount ${path.join(dir, 'nope')}: No such file or directory\n`);
  fs.writeFileSync(path.join(dir, 'file'), '');
  r = run(['--mount', path.join(dir, 'file'), '-c', 'true']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `duplex: --mount ${path.join(dir, 'file')}: Not a directory\n`);
  r = run(['--mount', dir, '--mount', dir, '-c', 'true']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^usage: duplex/);
});

test('a name Duplex cannot copy is left out, said so, and kept on the host', () => {
  const dir = fresh();
  const long = 'n'.repeat(120);                     // more than ustar's 100 bytes a name
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'sub', long), 'kept\n');
  fs.writeFileSync(path.join(dir, 'ok'), 'fine\n');
  fs.symlinkSync('ok', path.join(dir, 'link'));
  // a name that is not UTF-8 is only bytes: it crosses
  fs.writeFileSync(Buffer.from(path.join(dir, 'caf\xe9'), 'latin1'), 'latin1\n');
  const r = run(['--mount', dir, '-c', 'ls /mnt | grep -c caf; cat /mnt/ok; rm -rf /mnt/sub /mnt/ok; ls /mnt | wc -l']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '1\nfine\n1\n');
  assert.match(r.stderr, new RegExp(`duplex: --mount: ${dir}/sub/${long}: left out of /mnt: its name is longer`));
  assert.match(r.stderr, new RegExp(`duplex: --mount: ${dir}/link: left out of /mnt: a symbolic link`));
  assert.equal(fs.readFileSync(path.join(dir, 'sub', long), 'latin1'), 'kept\n');
  assert.equal(fs.existsSync(path.join(dir, 'ok')), false);
  assert.equal(fs.readlinkSync(path.join(dir, 'link')), 'ok');
  assert.equal(fs.readFileSync(Buffer.from(path.join(dir, 'caf\xe9'), 'latin1'), 'latin1'), 'latin1\n');
});
