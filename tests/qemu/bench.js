#!/usr/bin/env node
// bench.js - how fast the arm64 build boots: the time from starting QEMU to
// the shell's prompt on the serial line, and the time of a whole
// `arm64/run.sh -c true` (boot, one command, poweroff, QEMU gone); and how
// long fork, exit and wait take there (shell/bin/forkbench.c), beside the
// host's figure when build/host/bench/forkbench exists (make bench).
//
//   node tests/qemu/bench.js [RUNS]      (make bench-qemu; RUNS defaults to 5)
//
// Prints each figure's best and median over the runs. The target is a
// prompt in under a second.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const image = path.join(root, 'build', 'arm64', 'Image');
const runs = Number(process.argv[2] || 5);
const PROMPT = 'duplex$ ';

const qemuArgs = ['-machine', 'virt', '-cpu', 'cortex-a72', '-m', '256M', '-nic', 'none',
  '-serial', 'stdio', '-monitor', 'none', '-display', 'none', '-semihosting',
  '-kernel', image];

// Start QEMU with the interactive command line; resolve with the
// milliseconds until the prompt appears on its stdout, once the shell has
// been told to exit (which powers the machine off).
function toPrompt() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const q = spawn('qemu-system-aarch64', [...qemuArgs, '-append', 'init --once'],
      { stdio: ['pipe', 'pipe', 'inherit'] });
    let seen = '', ms = 0;
    const timer = setTimeout(() => { q.kill(); reject(new Error('no prompt in 30 s')); }, 30000);
    q.stdout.on('data', (d) => {
      seen = (seen + d.toString('latin1')).slice(-256);
      if (seen.includes(PROMPT) && !ms) {
        ms = performance.now() - t0;
        q.stdin.end('exit\n');
      }
    });
    q.on('exit', () => {
      clearTimeout(timer);
      if (ms) resolve(ms);
      else reject(new Error('QEMU exited before the prompt'));
    });
    q.on('error', reject);
  });
}

// One command line through the launcher, start to exit.
function commandRoundTrip() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const q = spawn(path.join(root, 'arm64', 'run.sh'), ['-c', 'true'],
      { stdio: ['ignore', 'inherit', 'inherit'] });
    q.on('exit', (code) => (code === 0 ? resolve(performance.now() - t0)
      : reject(new Error(`run.sh -c true exited with ${code}`))));
    q.on('error', reject);
  });
}

// forkbench's figures, on arm64 and on this host: { 'fork-1mib-us': n, ... }.
function forkFigures(run) {
  const out = {};
  for (const m of run().matchAll(/^(\S+) ([\d.]+) us$/gm)) out[m[1]] = Number(m[2]);
  return out;
}

function forkBench() {
  const args = [['1', '200'], ['16', '50']];
  const arm = forkFigures(() => execFileSync(path.join(root, 'arm64', 'run.sh'),
    ['-c', args.map((a) => `forkbench ${a.join(' ')}`).join('; ')], { encoding: 'utf8' }));
  const hostProg = path.join(root, 'build', 'host', 'bench', 'forkbench');
  const host = fs.existsSync(hostProg)
    ? forkFigures(() => args.map((a) => execFileSync(hostProg, a, { encoding: 'utf8' })).join(''))
    : {};
  for (const [mib] of args) {
    const key = `fork-${mib}mib-us`, h = host[key];
    console.log(`${`fork + exit + wait, ${mib} MiB`.padEnd(40)} arm64 ${arm[key].toFixed(1)} us` +
      (h ? `   host ${h.toFixed(1)} us   ratio ${(arm[key] / h).toFixed(2)}x` : ''));
  }
}

function summary(name, times) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`${name.padEnd(40)} best ${sorted[0].toFixed(0).padStart(5)} ms` +
    `   median ${median.toFixed(0).padStart(5)} ms   (${times.length} runs)`);
  return median;
}

async function main() {
  if (!fs.existsSync(image)) {
    console.error('bench: build/arm64/Image is missing: make arm64');
    process.exit(1);
  }
  const prompt = [], command = [];
  for (let i = 0; i < runs; i++) prompt.push(await toPrompt());
  for (let i = 0; i < runs; i++) command.push(await commandRoundTrip());
  const m = summary('QEMU start to the shell prompt', prompt);
  summary('arm64/run.sh -c true (boot to exit)', command);
  console.log(m < 1000 ? 'boot to prompt: under 1 s' : 'boot to prompt: over the 1 s target');
  forkBench();
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
