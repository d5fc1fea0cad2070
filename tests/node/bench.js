// bench.js - `make bench`: measure inside Duplex (web target, in Node) and
// on this host in the same run, with the same program (shell/bin/pipebench.c
// built for both), and print the figures side by side with their ratios.
//
// Benchmarks print figures; they never pass or fail. Targets (from the
// project's brief, for the default 4 KiB pipe): round trip at most 0.05x the
// host's, throughput at least 3x the host's; fork, exit and wait of a
// process with 1 MiB of memory within 2x the host's.
import { execFileSync } from 'node:child_process';
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
  const head = ['benchmark', 'Duplex (web, Node)', 'host Linux', 'ratio', ''];
  const width = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i].length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(width[i])).join('  '));
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
