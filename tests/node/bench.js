// bench.js - `make bench`: measure inside Duplex (web target, in Node) and
// on this host in the same run, with the same program (shell/bin/pipebench.c
// built for both), and print the figures side by side with their ratios.
//
// Benchmarks print figures; they never pass or fail. Targets (from the
// project's brief, for 4 KiB writes): round trip at most 0.05x the host's,
// throughput at least 3x the host's; fork, exit and wait of a process with
// 1 MiB of memory within 2x the host's. Real pipelines of real utilities
// (the last rows) should take at most a third of the host's time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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

function host(prog, args = [], opts = {}) {
  return parse(execFileSync(path.join(hostDir, prog), args,
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26, ...opts }));
}

async function duplex(line) {
  const { stdout, stderr, code } = await runLine(line);
  if (code !== 0) throw new Error(`duplex: ${line}: exit ${code}\n${stderr}`);
  return parse(stdout);
}

// Real pipelines, timed by cmdbench (shell/bin/cmdbench.c, built for both)
// as `sh -c LINE`: inside Duplex its shell and utilities, on the host the
// host's shell and coreutils, each the best of five runs after a warm-up.
// `bigfile` (64 MiB of zeros, the most a file of the ramfs can grow to) is
// made first in Duplex's /tmp, and on the host in a directory of /dev/shm
// (a tmpfs, as the ramfs is memory) or else the temporary directory.
const PIPELINES = [
  ['dd if=/dev/zero bs=4096 count=262144 | cat > /dev/null', '1 GiB, dd | cat'],
  ['cat bigfile | wc -c', '64 MiB file, cat | wc -c'],
  ['seq 1 1000000 | sort -n | tail -1', 'seq | sort -n | tail'],
];
const BIGFILE = 'dd if=/dev/zero of=bigfile bs=1048576 count=64 2>/dev/null';
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

async function pipelines() {
  const cmd = PIPELINES.map(([line]) => `cmdbench -n 5 sh -c ${quote(line)}`);
  const { stdout, stderr, code } = await runLine(`cd /tmp && ${BIGFILE} && ` +
    cmd.map((c) => `${c} | grep cmd-best`).join(' && '));
  if (code !== 0) throw new Error(`duplex: pipelines: exit ${code}\n${stderr}`);
  const dx = stdout.split('\n').filter((l) => l.startsWith('cmd-best')).map((l) => parse(l)['cmd-best'].value);
  const shm = '/dev/shm';
  const dir = fs.mkdtempSync(path.join(fs.existsSync(shm) ? shm : os.tmpdir(), 'duplex-bench-'));
  try {
    execFileSync('sh', ['-c', BIGFILE], { cwd: dir });
    const hs = PIPELINES.map(([line]) =>
      host('cmdbench', ['-n', '5', 'sh', '-c', line], { cwd: dir })['cmd-best'].value);
    return { dx, hs, dir };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [];
const digits = (unit) => ({ us: 3, ms: 1 })[unit] ?? 0;
function row(name, unit, dx, hs, better) {
  const ratio = dx / hs;
  rows.push([name, `${dx.toFixed(digits(unit))} ${unit}`,
    `${hs.toFixed(digits(unit))} ${unit}`, `${ratio.toFixed(3)}x`, better]);
}

async function main() {
  const w = { ...(await duplex('pipebench throughput')), ...(await duplex('pipebench pingpong')) };
  const w64 = await duplex('pipebench throughput 65536');
  const wq = await duplex('msgqbench');
  const wi = await duplex('ipcbench');
  const wf = { ...(await duplex('forkbench 1 200')), ...(await duplex('forkbench 16 50')) };
  const h = { ...host('pipebench', ['throughput']), ...host('pipebench', ['pingpong']) };
  const h64 = host('pipebench', ['throughput', '65536']);
  const hq = host('msgqbench');
  const hf = { ...host('forkbench', ['1', '200']), ...host('forkbench', ['16', '50']) };
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
  row('fork + exit + wait, 1 MiB of memory', 'us', wf['fork-1mib-us'].value,
    hf['fork-1mib-us'].value, 'target <= 2x');
  row('fork + exit + wait, 16 MiB of memory', 'us', wf['fork-16mib-us'].value,
    hf['fork-16mib-us'].value, '');
  const p = await pipelines();
  PIPELINES.forEach(([line, what], i) =>
    row(`${line}  (${what})`, 'ms', p.dx[i], p.hs[i], 'target <= 0.33x'));
  const head = ['benchmark', 'Duplex (web, Node)', 'host Linux', 'ratio', ''];
  const width = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i].length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(width[i])).join('  '));
  console.log(`(pipelines: best of 5 runs of sh -c LINE, by cmdbench; host bigfile in ${path.dirname(p.dir)}; ` +
    `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs)`);
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
