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
import { runLine, root } from './harness.js';

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

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
