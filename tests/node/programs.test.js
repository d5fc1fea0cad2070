// programs.test.js - a program of one's own (docs/programs.md): built by
// tools/duplex-cc from outside the repository, with a student's warnings,
// and run at once with ./duplex --add.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './harness.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duplex-cc-'));

// A student's program: a pipe between two processes, an unused parameter
// (which -Wextra -Werror, the system's own flags, would refuse), and two
// files.
fs.writeFileSync(path.join(dir, 'greet.c'), `
#include <string.h>
#include <unistd.h>
const char *greeting(void) { return "hello through a pipe\\n"; }
void unused_param(int argc) { }
`);
fs.writeFileSync(path.join(dir, 'piper.c'), `
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
const char *greeting(void);
int main(int argc, char **argv)
{
    int fd[2], unused;
    if (pipe(fd) < 0) return 1;
    if (fork() == 0) {
        close(fd[0]);
        write(fd[1], greeting(), strlen(greeting()));
        return 0;
    }
    close(fd[1]);
    char buf[64];
    int n;
    while ((n = read(fd[0], buf, sizeof buf)) > 0) fwrite(buf, 1, n, stdout);
    int status;
    wait(&status);
    return 3;
}
`);

function run(cmd, args, cwd = dir) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'latin1', timeout: 180000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('duplex-cc builds both targets with -Wall warnings that do not stop it', () => {
  const r = run(path.join(root, 'tools', 'duplex-cc'), ['piper.c', 'greet.c', '-o', 'piper']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: unused variable 'unused'/);
  const wasm = fs.readFileSync(path.join(dir, 'piper.wasm'));
  assert.deepEqual([...wasm.subarray(0, 4)], [0, 0x61, 0x73, 0x6d]);
  const elf = fs.readFileSync(path.join(dir, 'piper.arm64'));
  assert.equal(elf.subarray(0, 4).toString('latin1'), '\x7fELF');
  assert.equal(elf[18], 183);                               // e_machine: EM_AARCH64
});

test('duplex-cc: an error stops the build, with the compiler\'s message', () => {
  fs.writeFileSync(path.join(dir, 'bad.c'), 'int main(void) { return nope; }\n');
  const r = run(path.join(root, 'tools', 'duplex-cc'), ['bad.c']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /bad\.c:1:.*error: use of undeclared identifier 'nope'/);
});

test('./duplex --add: the program is in /usr/bin for the run, in a pipeline', () => {
  const r = run(path.join(root, 'duplex'), ['--add', path.join(dir, 'piper.wasm'), '-c',
    'piper | wc -c; piper >/dev/null; echo "status $?"; command -v piper']);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '21\nstatus 3\n/usr/bin/piper\n');
});

test('./duplex --add of a missing file says so', () => {
  const r = run(path.join(root, 'duplex'), ['--add', 'nope.wasm', '-c', 'true']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--add nope\.wasm: No such file or directory/);
});
