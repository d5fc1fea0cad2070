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
import { fileURLToPath } from 'node:url';
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

async function duplex(line) {
  const { stdout, stderr, code } = await runLine(line);
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
// Every benchmark with /bin as built and with a copy built without
// preemption points (build/plain, the same linked programs asyncified as
// they are), the two alternating, each run in a Node of its own, best of
// RUNS each (the machine may be busy); and the size of /bin both ways. Targets: at most 5% slower on every line, /bin at
// most 10% larger (docs/design.md).

const RUNS = 5;
const plainDir = path.join(root, 'build', 'plain');

// The milliseconds of CPU time that cmd takes, after setup, measured between
// two marks the shell writes to the host's stream around it: the second of
// two runs, so that the engine's compilation of the programs' hot code (on
// threads of its own) is done. CPU time, not time on the clock: other work
// on the host does not count (the machine is one thread; the collector's
// threads do count).
async function timeHere(initramfs, setup, cmd) {
  await timeOnce(initramfs, setup, cmd);
  return timeOnce(initramfs, setup, cmd);
}

async function timeOnce(initramfs, setup, cmd) {
  const marks = [];
  const line = `${setup}; echo @; ${cmd}; echo @`;
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const onHost = (stream, b) => { if (stream === 1 && b.includes(64)) marks.push(cpu()); };
  const { code, stderr } = await runLine(line, { files: filesWith(initramfs), onHost,
    timeoutMs: 300000 });
  if (code !== 0 || marks.length !== 2) throw new Error(`duplex: ${line}: exit ${code}\n${stderr}`);
  return marks[1] - marks[0];
}

// The same, and a command line's figures, each in a Node of its own (this
// file again), so that no run pays for the collection of another's memory.
const here = fileURLToPath(import.meta.url);
const inNode = (...args) => execFileSync(process.execPath, [here, ...args], { encoding: 'utf8' });
const timed = (setup, cmd, initramfs) => Number(inNode('--time', initramfs, setup, cmd));
const figures = (line, initramfs) => parse(inNode('--line', initramfs, line));

const costLines = [
  ['pipe throughput, 4 KiB writes', 'MB/s', 1, (f) => figures('pipebench throughput', f),
    (r) => r['pipe-throughput'].value],
  ['pipe ping-pong round trip', 'us', -1, (f) => figures('pipebench pingpong', f),
    (r) => r['pipe-roundtrip'].value],
  ['SysV message queue, 64-byte messages', 'msgs/s', 1, (f) => figures('msgqbench', f),
    (r) => r['msgq-msgs-per-sec'].value],
  ['port call/reply round trip', 'us', -1, (f) => figures('ipcbench', f),
    (r) => r['port-call-roundtrip'].value],
  ['sort -n, 1,000,000 lines (CPU time)', 'ms', -1,
    (f) => timed('seq 1000000 | rev > /tmp/in', 'sort -n /tmp/in > /dev/null', f), (r) => r],
  ['cksum of 100 MB from dd (CPU time)', 'ms', -1,
    (f) => timed('true', 'dd if=/dev/zero bs=65536 count=1600 2>/dev/null | cksum > /dev/null', f),
    (r) => r],
];

function dirBytes(dir) {
  return fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}

async function preemptionCost() {
  const builds = [path.join(plainDir, 'initramfs.tar'),
    path.join(root, 'build', 'web', 'initramfs.tar')];
  const out = [['benchmark', 'without points', 'with points', 'cost', '']];
  for (const [name, unit, dir, measure, pick] of costLines) {
    const best = [null, null];
    for (let i = 0; i < RUNS; i++) {
      for (const k of [0, 1]) {
        const v = pick(measure(builds[k]));
        if (best[k] === null || (dir > 0 ? v > best[k] : v < best[k])) best[k] = v;
      }
    }
    const cost = dir > 0 ? best[0] / best[1] - 1 : best[1] / best[0] - 1;
    const fmt = (v) => `${v.toFixed(unit === 'us' ? 3 : 0)} ${unit}`;
    out.push([name, fmt(best[0]), fmt(best[1]),
      `${Math.abs(cost * 100).toFixed(1)}% ${cost < 0 ? 'faster' : 'slower'}`, 'target <= 5%']);
  }
  const without = dirBytes(path.join(plainDir, 'bin'));
  const withPoints = dirBytes(path.join(root, 'build', 'wasm32', 'bin'));
  out.push(['code size of /bin', `${without} bytes`, `${withPoints} bytes`,
    `${((withPoints / without - 1) * 100).toFixed(1)}% larger`, 'target <= 10%']);
  console.log('\nThe cost of preemption points (web, Node; best of ' + RUNS + '):');
  const width = out[0].map((_, i) => Math.max(...out.map((r) => r[i].length)));
  for (const r of out) console.log(r.map((c, i) => c.padEnd(width[i])).join('  '));
}

// Modes: --preemption, that table alone; --time INITRAMFS SETUP CMD, one
// timing; --line INITRAMFS LINE, one command line's output (both for
// preemptionCost, each in a Node of its own).
function run() {
  const [arg, initramfs, ...rest] = process.argv.slice(2);
  if (arg === '--time') return timeHere(initramfs, ...rest).then((ms) => console.log(ms));
  if (arg === '--line') {
    return runLine(rest[0], { files: filesWith(initramfs) })
      .then(({ stdout }) => process.stdout.write(stdout));
  }
  if (arg === '--preemption') return preemptionCost();
  return main().then(preemptionCost);
}

run().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
