#!/usr/bin/env node
// tools/diff-vs-gnu.js - compare Duplex's diff, built for the host
// (build/host/bin/diff, `make host-bin`), with the host's GNU diff on
// random pairs of files, in the normal, -u, -c, -e formats and with
// -b -w -i -B -d. Files are short lines from a small alphabet, so that
// many edit scripts are equally short and the choice among them shows.
//
//   node tools/diff-vs-gnu.js [PAIRS] [SEED]     (200 pairs, seed 1)
//
// Prints the first pairs that differ and a count; exits 1 if any did.
// DIFF_UNDER_TEST names another diff to try (an older build, say).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ours = process.env.DIFF_UNDER_TEST || path.join(root, 'build/host/bin/diff');
if (!fs.existsSync(ours)) {
  console.error(`diff-vs-gnu: ${ours} is missing: run 'make host-bin' first`);
  process.exit(2);
}
if (!/GNU diffutils/.test(execFileSync('diff', ['--version']).toString())) {
  console.error('diff-vs-gnu: the host\'s diff is not GNU diff');
  process.exit(2);
}
const pairs = Number(process.argv[2] || 200);
let seed = Number(process.argv[3] || 1);
const random = () => {                 // a small seeded generator (xorshift)
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const pick = (v) => v[Math.floor(random() * v.length)];
const words = ['a', 'b', 'c', 'A', ' a', 'a  b', 'a b', 'ab', '', ' ', 'x', 'y'];

function randomPair() {
  const alphabet = words.slice(0, pick([2, 3, 5, 12]));
  const a = Array.from({ length: Math.floor(random() * pick([6, 20, 60, 300])) }, () => pick(alphabet));
  let b = [...a];
  for (let k = 1 + Math.floor(random() * 6); k > 0; k--) {
    const at = Math.floor(random() * (b.length + 1));
    if (random() < 0.45 && b.length) b.splice(Math.min(at, b.length - 1), 1);
    else b.splice(at, 0, pick(alphabet));
  }
  if (random() < 0.2) b = Array.from({ length: Math.floor(random() * (a.length + 4)) }, () => pick(alphabet));
  const text = (v) => v.map((l) => l + '\n').join('');
  const cut = (s) => (s && random() < 0.1 ? s.slice(0, -1) : s);   // no newline at the end
  return [cut(text(a)), cut(text(b))];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-vs-gnu-'));
const fa = path.join(dir, 'a'), fb = path.join(dir, 'b');
const formats = [[], ['-u'], ['-c'], ['-U1'], ['-C0'], ['-e'], ['-b'], ['-w', '-u'], ['-i'],
  ['-B'], ['-B', '-U1'], ['-d']];
let bad = 0;
for (let n = 0; n < pairs; n++) {
  const [a, b] = randomPair();
  fs.writeFileSync(fa, a);
  fs.writeFileSync(fb, b);
  for (const opts of formats) {
    const args = [...opts, '-L', 'a', '-L', 'b', fa, fb];
    const gnu = spawnSync('diff', args), dx = spawnSync(ours, args);
    if (gnu.stdout.equals(dx.stdout) && gnu.status === dx.status) continue;
    if (++bad <= 3)
      console.log(`differs: diff ${opts.join(' ')} with a=${JSON.stringify(a)} b=${JSON.stringify(b)}\n` +
                  `--- GNU\n${gnu.stdout}--- Duplex\n${dx.stdout}`);
    break;
  }
}
fs.rmSync(dir, { recursive: true });
console.log(`${bad} of ${pairs} pairs differ`);
process.exit(bad ? 1 : 0);
