// docs.test.js - every example the documentation invites a reader to type
// in Duplex's shell, run on the web build: README.md and docs/**/*.md.
//
// An example is a fenced block whose info string is `duplex`:
//
//     ```duplex
//     $ sigcatch USR1 &        # a comment is part of the command, as in sh
//     ready
//     $ kill -USR1 $!
//     caught USR1
//     $ runas 1000 ipcrm -q 0  # exit status 1
//     ipcrm: permission denied for id (0)
//     ```
//
// A line starting with `$ ` is a command; the lines after it are what it
// prints (standard output and error together). A line that is just `...`
// stands for any number of lines, and `...` inside a line for any text in
// it. A block that shows no output at all has its output unchecked.
//
// Each block runs on a freshly booted system, its commands one after the
// other in one shell, as a reader would type them: before the next command
// starts, the output shown so far must have appeared (so `sigcatch &` has
// said "ready" before it is sent a signal). Every command must exit with
// status 0, or the one a trailing `# exit status N` comment gives; nothing
// may print "not found", "No such file", "Argument list" or "panic" unless
// the block shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runLine, root } from './harness.js';

const FORBIDDEN = ['not found', 'No such file', 'Argument list', 'panic'];

function docFiles() {
  const out = [path.join(root, 'README.md')];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) out.push(p);
    }
  };
  walk(path.join(root, 'docs'));
  return out;
}

// The ```duplex blocks of one file: [{ line, commands: [{ text, status,
// line, output: [lines] }] }].
export function parseBlocks(text) {
  const blocks = [];
  let block = null;
  text.split('\n').forEach((raw, i) => {
    if (!block) {
      if (/^```duplex\s*$/.test(raw)) block = { line: i + 1, commands: [] };
      return;
    }
    if (/^```\s*$/.test(raw)) {
      blocks.push(block);
      block = null;
    } else if (raw.startsWith('$ ')) {
      const m = raw.match(/#\s*exit status (\d+)\s*$/);
      block.commands.push({ text: raw.slice(2), status: m ? Number(m[1]) : 0, line: i + 1, output: [] });
    } else {
      if (!block.commands.length) throw new Error(`line ${i + 1}: output before any command`);
      block.commands[block.commands.length - 1].output.push(raw.trimEnd());
    }
  });
  if (block) throw new Error(`line ${block.line}: unterminated duplex block`);
  return blocks;
}

// Whether actual lines match expected ones, with `...` wildcards.
export function matchLines(expected, actual) {
  const lineRe = (e) => new RegExp('^' + e.split('...').map((s) =>
    s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  const memo = new Map();
  const go = (i, j) => {
    const key = i * 100000 + j;
    if (memo.has(key)) return memo.get(key);
    let r;
    if (i === expected.length) r = j === actual.length;
    else if (expected[i] === '...') r = go(i + 1, j) || (j < actual.length && go(i, j + 1));
    else r = j < actual.length && lineRe(expected[i]).test(actual[j]) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

// The script that plays a block: output into a file (so that it can be
// waited for), each command's status checked, $? kept for the next one.
export function blockScript(block) {
  const out = '/tmp/.doc.out', bad = '/tmp/.doc.status';
  const lines = [
    `__ret() { return $1; }`,
    // wait (at most 10 s) until the output has n lines
    `__upto() { __n=0; while [ "$(wc -l < ${out})" -lt $1 ] && [ $__n -lt 200 ]; do sleep 0.05; __n=$((__n+1)); done; }`,
    `exec 8>&2 9>&1 > ${out} 2>&1`,
  ];
  let shown = 0;
  for (const c of block.commands) {
    shown += c.output.filter((l) => l !== '...').length;
    lines.push(c.text);
    lines.push(`__s=$?; [ $__s -eq ${c.status} ] || echo "line ${c.line}: exit status $__s" >> ${bad}`);
    lines.push(`__upto ${shown}; __ret $__s`);
  }
  lines.push(`exec >&9 2>&8`, `cat ${out}`, `[ -f ${bad} ] && cat ${bad} >&2`, `exit 0`);
  return lines.join('\n');
}

test('the example matcher: wildcards match, a wrong line does not', () => {
  assert.ok(matchLines(['a', '...', 'd'], ['a', 'b', 'c', 'd']));
  assert.ok(matchLines(['a', '...'], ['a']));
  assert.ok(matchLines(['... S    pipe ... read cat'], ['    4     2     1 S    pipe 1 read cat']));
  assert.ok(!matchLines(['a', 'b'], ['a', 'c']));
  assert.ok(!matchLines(['a'], ['a', 'b']));
  assert.ok(!matchLines(['x...'], ['yx']));
});

const files = docFiles();
let total = 0;
for (const file of files) {
  const rel = path.relative(root, file);
  const blocks = parseBlocks(fs.readFileSync(file, 'utf8'));
  total += blocks.length;
  for (const block of blocks) {
    test(`${rel}:${block.line}`, async () => {
      const r = await runLine(blockScript(block));
      assert.equal(r.code, 0);
      assert.equal(r.stderr, '', `commands failed in ${rel}:\n${r.stderr}`);
      const actual = r.stdout.split('\n').map((l) => l.trimEnd());
      if (actual[actual.length - 1] === '') actual.pop();
      const expected = block.commands.flatMap((c) => c.output);
      const shownText = expected.join('\n');
      for (const word of FORBIDDEN) {
        if (!shownText.includes(word))
          assert.ok(!r.stdout.includes(word), `"${word}" in the output of ${rel}:${block.line}:\n${r.stdout}`);
      }
      if (expected.length)
        assert.ok(matchLines(expected, actual),
          `${rel}:${block.line}: the output differs from the doc\n--- doc\n${shownText}\n--- actual\n${actual.join('\n')}`);
    });
  }
}

test('the documentation has examples to run', () => {
  assert.ok(total >= 8, `only ${total} duplex blocks found`);
});
