// run.js - the compatibility suite (`make test-compat`): every program of
// tests/compat/ run on this host (built with its C compiler and glibc), on
// Duplex's web target and on arm64 (built as Duplex's own programs are, in
// /tests/compat of both initramfs images). Linux is the oracle: each
// program's output, standard error and exit status included, must be the
// same on the three, byte for byte.
//
// Each program runs in a directory of its own on the host and in /tmp on
// Duplex, as `PROGRAM 2>&1; echo "[exit $?]"`. The web target boots a
// fresh machine per program; arm64 runs them all in one boot, one after
// the other, each output after a line "==== NAME".
//
//   node tests/compat/run.js            every program of tests/compat/
//   node tests/compat/run.js NAME ...   these (make test-compat names them
//                                       all, the /bin demos that are in the
//                                       suite too: the Makefile's COMPAT_SRC)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLine, root } from '../node/harness.js';

const hostDir = path.join(root, 'build', 'host', 'compat');
const srcDir = path.join(root, 'tests', 'compat');
const timeoutS = 120;

const wanted = process.argv.slice(2);
const names = (wanted.length ? wanted
  : fs.readdirSync(srcDir).filter((f) => f.endsWith('.c')).map((f) => f.slice(0, -2))).sort();

const command = (prog) => `${prog} 2>&1; echo "[exit $?]"`;

function onHost(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compat-'));
  try {
    return execFileSync('sh', ['-c', command(path.join(hostDir, name))],
      { cwd: dir, encoding: 'latin1', timeout: timeoutS * 1000 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function onWeb(name) {
  const { stdout } = await runLine(`cd /tmp && ${command(`/tests/compat/${name}`)}`,
    { timeoutMs: timeoutS * 1000 });
  return stdout;
}

// One boot for all: the outputs after their "==== NAME" lines.
function onArm64(list) {
  const loop = `cd /tmp && for t in ${list.join(' ')}; do echo "==== $t"; ` +
    `${command('/tests/compat/$t')}; done`;
  const r = spawnSync(path.join(root, 'arm64', 'run.sh'), ['-c', loop],
    { encoding: 'latin1', timeout: timeoutS * 1000 * 2, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = new Map();
  let current = null;
  for (const line of (r.stdout || '').split(/(?<=\n)/)) {
    const m = line.match(/^==== (\S+)\n$/);
    if (m) out.set((current = m[1]), '');
    else if (current) out.set(current, out.get(current) + line);
  }
  if (r.status !== 0) console.log(`arm64: run.sh exited with ${r.status} ${r.stderr || ''}`);
  return out;
}

function diff(want, got) {
  const a = want.split('\n'), b = got.split('\n');
  const lines = [];
  for (let i = 0; i < Math.max(a.length, b.length) && lines.length < 12; i++)
    if (a[i] !== b[i]) lines.push(`       line ${i + 1}: host ${JSON.stringify(a[i])}, got ${JSON.stringify(b[i])}`);
  return lines.join('\n');
}

async function main() {
  if (names.length === 0) throw new Error('no program in tests/compat matches');
  const host = new Map(names.map((n) => [n, onHost(n)]));
  const arm64 = onArm64(names);
  let passed = 0, failed = 0;
  const check = (target, name, got) => {
    const want = host.get(name);
    if (got === want) {
      passed++;
      console.log(`ok   ${name} (${target})`);
    } else {
      failed++;
      console.log(`FAIL ${name} (${target}): the output differs from the host's\n` +
        (got === undefined ? '       (no output at all)' : diff(want, got)));
    }
  };
  for (const name of names) {
    check('web', name, await onWeb(name).catch((e) => `error: ${e.message}`));
    check('arm64', name, arm64.get(name));
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`compat: ${e.stack || e}`);
  process.exit(1);
});
