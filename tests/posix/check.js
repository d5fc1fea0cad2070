// check.js - compare what run.sh printed with the reference's output
// (tests/posix/NAME.out), case by case, allowing for the known failures
// listed in tests/posix/xfail.
//
//   node tests/posix/check.js OUTPUT            a target's output of run.sh
//   node tests/posix/check.js --reference OUTPUT  the host's: no known failures
//   node tests/posix/check.js --files 'A.sh B.sh' OUTPUT
//                                 these files must be in OUTPUT (else: the
//                                 files OUTPUT has)
//
// A case passes when its standard output, its exit status and whether it
// wrote to standard error are the reference's. A listed case that fails is
// an XFAIL, counted and named on every run; a listed case that passes is an
// XPASS and fails the run, so that the list only ever names real failures.
// The test runners (tests/node/posix.test.js, tests/qemu/posix.sh) use
// compareFile and summary directly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const dir = path.dirname(fileURLToPath(import.meta.url));

// The case files, in order.
export function caseFiles() {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.sh') && f !== 'run.sh' && f !== 'host.sh').sort();
}

// "@@@ file NAME" sections of run.sh's output: { NAME: text }.
export function splitFiles(text) {
  const files = {};
  const parts = text.split(/^@@@ file (\S+)\n/m);
  for (let i = 1; i < parts.length; i += 2) files[parts[i]] = parts[i + 1];
  return files;
}

// The cases of one file's output, in order: [{ name, out, status }]. A case
// whose output does not end in a newline has its status marker on the
// same line, which the pattern allows.
export function parseCases(text) {
  const cases = [];
  const re = /^@@ case (\S+)\n([\s\S]*?)@@ status ([^\n]*)\n/gm;
  let m;
  while ((m = re.exec(text)) !== null) cases.push({ name: m[1], out: m[2], status: m[3] });
  return cases;
}

// tests/posix/xfail: "FILE:CASE  why", one a line; # begins a comment.
export function knownFailures() {
  const list = new Map();
  const text = fs.readFileSync(path.join(dir, 'xfail'), 'utf8');
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [id, ...why] = line.split(/\s+/);
    list.set(id, why.join(' '));
  }
  return list;
}

// One file's cases against NAME.out: { pass, fail, xfail, xpass, lines }.
export function compareFile(file, actualText, { xfail = new Map() } = {}) {
  const expected = parseCases(fs.readFileSync(path.join(dir, file.replace(/\.sh$/, '.out')),
    'latin1'));
  const actual = new Map(parseCases(actualText || '').map((c) => [c.name, c]));
  const r = { file, pass: 0, fail: 0, xfail: 0, xpass: 0, lines: [] };
  for (const want of expected) {
    const id = `${file.replace(/\.sh$/, '')}:${want.name}`;
    const got = actual.get(want.name);
    const same = got && got.out === want.out && got.status === want.status;
    const listed = xfail.has(id);
    if (same && !listed) { r.pass++; continue; }
    if (same && listed) {
      r.xpass++;
      r.lines.push(`XPASS ${id}: passes now; remove it from tests/posix/xfail`);
      continue;
    }
    const why = !got ? 'did not run (the run stopped before it?)'
      : got.status !== want.status ? `status ${got.status}, expected ${want.status}`
        : 'output differs';
    if (listed) {
      r.xfail++;
      r.lines.push(`XFAIL ${id} (${why}; known: ${xfail.get(id)})`);
    } else {
      r.fail++;
      r.lines.push(`FAIL  ${id}: ${why}` + (got ? `\n${showDiff(want.out, got.out)}` : ''));
    }
  }
  if (expected.length === 0) { r.fail++; r.lines.push(`FAIL  ${file}: no cases in the .out`); }
  // A listed case that no longer exists (renamed, misspelt) would be a
  // known failure nobody sees.
  const prefix = `${file.replace(/\.sh$/, '')}:`;
  const names = new Set(expected.map((c) => c.name));
  for (const id of xfail.keys()) {
    if (id.startsWith(prefix) && !names.has(id.slice(prefix.length))) {
      r.fail++;
      r.lines.push(`FAIL  tests/posix/xfail names ${id}, which is not a case of ${file}`);
    }
  }
  return r;
}

function showDiff(want, got) {
  const q = (s) => s.split('\n').map((l) => `      | ${JSON.stringify(l).slice(1, -1)}`).join('\n');
  return `    expected:\n${q(want)}\n    got:\n${q(got)}`;
}

// The lines that end a run: a line per file, then the totals, with every
// known failure counted and named.
export function summary(results) {
  const t = { pass: 0, fail: 0, xfail: 0, xpass: 0 };
  const out = [];
  for (const r of results) {
    for (const k of Object.keys(t)) t[k] += r[k];
    const total = r.pass + r.fail + r.xfail + r.xpass;
    out.push(`${r.fail || r.xpass ? 'FAIL' : 'ok  '} ${r.file.padEnd(22)} ` +
      `${r.pass + r.xpass}/${total} pass` + (r.xfail ? `, ${r.xfail} XFAIL` : ''));
    out.push(...r.lines.map((l) => `     ${l}`));
  }
  const total = t.pass + t.fail + t.xfail + t.xpass;
  out.push(`posix: ${t.pass + t.xpass}/${total} cases pass, ${t.fail} FAIL, ` +
    `${t.xfail} XFAIL (known failures, tests/posix/xfail), ${t.xpass} XPASS`);
  return { text: out.join('\n'), ok: t.fail === 0 && t.xpass === 0, totals: t };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const reference = args[0] === '--reference';
  if (reference) args.shift();
  let wanted = null;
  if (args[0] === '--files') {
    wanted = args[1].split(/\s+/).filter(Boolean);
    args.splice(0, 2);
  }
  if (args.length !== 1) {
    console.error('usage: node tests/posix/check.js [--reference] [--files LIST] OUTPUT');
    process.exit(2);
  }
  const files = splitFiles(fs.readFileSync(args[0], 'latin1'));
  const xfail = reference ? new Map() : knownFailures();
  // The files asked for, or those the output has.
  const names = wanted || caseFiles().filter((f) => f in files);
  if (names.length === 0) {
    console.error(`check.js: no "@@@ file" section in ${args[0]}`);
    process.exit(2);
  }
  const results = names.map((f) => compareFile(f, files[f], { xfail }));
  const s = summary(results);
  console.log(s.text);
  process.exit(s.ok ? 0 : 1);
}
