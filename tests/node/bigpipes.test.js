// bigpipes.test.js - large inputs through real pipelines on the web build,
// compared with the host's own utilities (GNU coreutils) on the same input:
// the pipelines `make bench` times, and sort -n, wc and seq on a million
// lines, where Duplex's utilities take their fast paths (sort's numbers read
// once, wc counting only what it shows, seq's digits added by hand).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { runLine } from './harness.js';

const hostEnv = { ...process.env, LC_ALL: 'C' };

function host(line, input) {
  return execFileSync('sh', ['-c', line], {
    input, env: hostEnv, encoding: 'latin1', maxBuffer: 1 << 30,
  });
}

async function duplex(line, stdin = null) {
  const r = await runLine(line, { stdin, timeoutMs: 120000 });
  assert.equal(r.code, 0, `${line}: ${r.stderr}`);
  return r;
}

// A million lines of what sort -n meets: integers of every size (up to and
// past what a long long holds), signs, leading blanks and zeros, fractions
// (some only zeros), words, empty lines, -0. Deterministic (xorshift).
function numberLines(count, seed) {
  let x = seed;
  const rand = (n) => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x % n;
  };
  const digits = (n) => Array.from({ length: n }, () => rand(10)).join('');
  const forms = [
    () => String(rand(2000000) - 1000000),
    () => String(rand(100)),
    () => ' '.repeat(rand(3)) + String(rand(101) - 50),
    () => `\t${rand(11) - 5}`,
    () => '0'.repeat(rand(4)) + String(rand(1000)),
    () => `${rand(201) - 100}.${rand(1000)}`,
    () => `${rand(10)}.${'0'.repeat(rand(3))}`,
    () => (rand(2) ? '-' : '') + digits(17 + rand(5)),
    () => (rand(2) ? '-' : '') + '9'.repeat(17 + rand(4)),
    () => ['', '-0', '-00.000', 'abc', '12abc', '-', '.5', '-.5', '5.', '+5', '7 8'][rand(11)],
  ];
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(forms[rand(forms.length)]());
  return lines.join('\n') + '\n';
}

test('sort -n, -rn and -nu of a million lines are the host sort\'s, byte for byte', async () => {
  const input = numberLines(1000000, 12345);
  for (const flags of ['-n', '-rn', '-nu']) {
    const { stdout } = await duplex(`sort ${flags} | cksum`, input);
    assert.equal(stdout, host(`sort ${flags} | cksum`, input), `sort ${flags}`);
  }
});

test('sort -n of numbers in order, in reverse and shuffled', async () => {
  for (const line of ['seq 1 1000000 | sort -n | tail -1',
    'seq 1 1000000 | sort -rn | cksum',
    'seq 1000000 -1 1 | sort -n | cksum',
    'seq 1 1000000 | sort | cksum',
    'seq 1 1000000 | rev | sort -n | cksum']) {              // equal numbers: 1, 01, 001
    const { stdout } = await duplex(line);
    assert.equal(stdout, host(line), line);
  }
  const v = Array.from({ length: 1000000 }, (_, i) => i + 1);
  for (let i = v.length - 1, x = 99; i > 0; i--) {          // Fisher-Yates, an LCG
    x = (x * 1103515245 + 12345) >>> 0;
    const j = x % (i + 1);
    [v[i], v[j]] = [v[j], v[i]];
  }
  const shuffled = v.join('\n') + '\n';
  const { stdout } = await duplex('sort -n | cksum', shuffled);
  assert.equal(stdout, host('seq 1 1000000 | cksum'));
});

test('the benchmark pipelines: dd\'s records, wc\'s counts', async () => {
  const dd = await duplex('dd if=/dev/zero bs=4096 count=262144 | cat > /dev/null');
  const want = host('{ dd if=/dev/zero bs=4096 count=262144 | cat > /dev/null; } 2>&1');
  // GNU dd ends its last line with the time and speed, which Duplex's leaves out
  assert.equal(dd.stderr, want.replace(/ copied,.*$/m, ' copied'));
  const wc = await duplex('dd if=/dev/zero of=/tmp/big bs=1M count=64 2>/dev/null; ' +
    'cat /tmp/big | wc -c; cat /tmp/big | wc -l; cat /tmp/big | wc');
  assert.equal(wc.stdout, host('head -c 67108864 /dev/zero > /tmp/bigpipes.$$; ' +
    'cat /tmp/bigpipes.$$ | wc -c; cat /tmp/bigpipes.$$ | wc -l; cat /tmp/bigpipes.$$ | wc; ' +
    'rm -f /tmp/bigpipes.$$'));
});

test('wc and seq on a million lines', async () => {
  for (const line of ['seq 1 1000000 | wc', 'seq 1 1000000 | wc -l', 'seq 1 1000000 | wc -c',
    'seq 0 3 3000000 | wc -lc', 'seq -w 1 1000000 | cksum', 'seq -s , 1 1000000 | cksum',
    'seq 1000000 -7 -1000000 | cksum']) {
    const { stdout } = await duplex(line);
    assert.equal(stdout, host(line), line);
  }
});
