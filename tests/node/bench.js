// bench.js - `make bench`: measure inside Duplex (web target, in Node) and
// on this host in the same run, with the same program (shell/bin/pipebench.c
// built for both), and print the figures side by side with their ratios.
//
// Benchmarks print figures; they never pass or fail. Targets (from the
// project's brief, for the default 4 KiB pipe): round trip at most 0.05x the
// host's, throughput at least 3x the host's.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { runLine, root, filesWith } from './harness.js';

const hostDir = path.join(root, 'build', 'host', 'bench');

function parse(text) {
  const out = {};
  for (const line of text.split('\n')) {
    const m = line.match(/^(\S+) ([\d.]+) (\S+)$/);
    if (m) out[m[1]] = { value: Number(m[2]), unit: m[3] };
  }
  return out;
}

function host(prog, args = []) {
  return parse(execFileSync(path.join(hostDir, prog), args, { encoding: 'utf8' }));
}

async function duplex(line, files) {
  const { stdout, stderr, code } = await runLine(line, { files });
  if (code !== 0) throw new Error(`duplex: ${line}: exit ${code}\n${stderr}`);
  return parse(stdout);
}

const rows = [];
function row(name, unit, dx, hs, better) {
  const ratio = dx / hs;
  rows.push([name, `${dx.toFixed(unit === 'us' ? 3 : 0)} ${unit}`,
    `${hs.toFixed(unit === 'us' ? 3 : 0)} ${unit}`, `${ratio.toFixed(3)}x`, better]);
}

async function main() {
  const w = { ...(await duplex('pipebench throughput')), ...(await duplex('pipebench pingpong')) };
  const w64 = await duplex('pipebench throughput 65536');
  const wq = await duplex('msgqbench');
  const wi = await duplex('ipcbench');
  const h = { ...host('pipebench', ['throughput']), ...host('pipebench', ['pingpong']) };
  const h64 = host('pipebench', ['throughput', '65536']);
  const hq = host('msgqbench');
  row('pipe throughput, 4 KiB writes', 'MB/s', w['pipe-throughput'].value,
    h['pipe-throughput'].value, 'target >= 3x');
  row('pipe throughput, 64 KiB writes', 'MB/s', w64['pipe-throughput'].value,
    h64['pipe-throughput'].value, '');
  row('pipe ping-pong round trip', 'us', w['pipe-roundtrip'].value,
    h['pipe-roundtrip'].value, 'target <= 0.05x');
  row('SysV message queue, 64-byte messages', 'msgs/s', wq['msgq-msgs-per-sec'].value,
    hq['msgq-msgs-per-sec'].value, 'target >= 2x');
  row('port call/reply round trip (host: pipe round trip)', 'us',
    wi['port-call-roundtrip'].value, h['pipe-roundtrip'].value, 'target <= 1 us');
  row('channel messages (host: SysV queue)', 'msgs/s', wi['chan-msgs-per-sec'].value,
    hq['msgq-msgs-per-sec'].value, '');
  const head = ['benchmark', 'Duplex (web, Node)', 'host Linux', 'ratio', ''];
  const width = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i].length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(width[i])).join('  '));
}

// ---- the cost of the preemption points ------------------------------------------
//
// Every benchmark again with /bin built without preemption points
// (build/plain, the same linked programs asyncified as they are), the two
// runs alternating, best of RUNS each (the machine may be busy); and the
// size of /bin both ways. Targets: at most 5% slower on every line, /bin at
// most 10% larger (docs/design.md).

const RUNS = 3;
const plainDir = path.join(root, 'build', 'plain');

// Milliseconds that cmd takes, after setup, measured between two marks the
// shell writes to the host's stream around it.
async function timed(setup, cmd, files) {
  const marks = [];
  const line = `${setup}; echo @; ${cmd}; echo @`;
  const onHost = (stream, b) => { if (stream === 1 && b.includes(64)) marks.push(performance.now()); };
  const { code, stderr } = await runLine(line, { files, onHost, timeoutMs: 300000 });
  if (code !== 0 || marks.length !== 2) throw new Error(`duplex: ${line}: exit ${code}\n${stderr}`);
  return marks[1] - marks[0];
}

const costLines = [
  ['pipe throughput, 4 KiB writes', 'MB/s', 1, (f) => duplex('pipebench throughput', f),
    (r) => r['pipe-throughput'].value],
  ['pipe ping-pong round trip', 'us', -1, (f) => duplex('pipebench pingpong', f),
    (r) => r['pipe-roundtrip'].value],
  ['SysV message queue, 64-byte messages', 'msgs/s', 1, (f) => duplex('msgqbench', f),
    (r) => r['msgq-msgs-per-sec'].value],
  ['port call/reply round trip', 'us', -1, (f) => duplex('ipcbench', f),
    (r) => r['port-call-roundtrip'].value],
  ['sort -n, 1,000,000 lines', 'ms', -1,
    (f) => timed('seq 1000000 | rev > /tmp/in', 'sort -n /tmp/in > /dev/null', f), (r) => r],
  ['cksum of 100 MB (from dd)', 'ms', -1,
    (f) => timed('true', 'dd if=/dev/zero bs=65536 count=1600 2>/dev/null | cksum > /dev/null', f),
    (r) => r],
];

function dirBytes(dir) {
  return fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}

async function preemptionCost() {
  const plain = filesWith(path.join(plainDir, 'initramfs.tar'));
  const out = [['benchmark', 'without points', 'with points', 'cost', '']];
  for (const [name, unit, dir, run, pick] of costLines) {
    let best = [null, null];
    for (let i = 0; i < RUNS; i++) {
      for (const [k, files] of [[0, plain], [1, undefined]]) {
        const v = pick(await run(files));
        if (best[k] === null || (dir > 0 ? v > best[k] : v < best[k])) best[k] = v;
      }
    }
    const cost = dir > 0 ? best[0] / best[1] - 1 : best[1] / best[0] - 1;
    const fmt = (v) => `${v.toFixed(unit === 'us' ? 3 : 0)} ${unit}`;
    out.push([name, fmt(best[0]), fmt(best[1]), `${(cost * 100).toFixed(1)}% slower`,
      'target <= 5%']);
  }
  const without = dirBytes(path.join(plainDir, 'bin'));
  const withPoints = dirBytes(path.join(root, 'build', 'wasm32', 'bin'));
  out.push(['code size of /bin', `${without} bytes`, `${withPoints} bytes`,
    `${((withPoints / without - 1) * 100).toFixed(1)}% larger`, 'target <= 10%']);
  console.log('\nThe cost of preemption points (web, Node; best of ' + RUNS + '):');
  const width = out[0].map((_, i) => Math.max(...out.map((r) => r[i].length)));
  for (const r of out) console.log(r.map((c, i) => c.padEnd(width[i])).join('  '));
}

// (--preemption: that table alone)
(process.argv.includes('--preemption') ? preemptionCost() : main().then(preemptionCost)).catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
