// soak.js - `make soak`: the whole system, for minutes, on both targets.
//
//   SOAK_SECONDS=600 node tests/soak/soak.js     (make soak)
//
//   SOAK_SECONDS   how long each target runs the rounds (default 600)
//   SOAK_SEED      the seed of the script (default: the time); printed, so
//                  that a failing run can be made again
//   SOAK_TARGETS   web,arm64 (the default), or one of them
//
// One shell script, made here from the seed, runs on the web target under
// Node (./duplex -c) and on arm64 under QEMU (arm64/run.sh -c), both at
// once. It loops over a few hundred rounds until the time is up; each round
// is one of: a long pipeline; an IPC demo (messages, shared memory, pipes,
// channels, the ring, the counter, the echo service on a port, POSIX
// semaphores, signals, Unix-domain sockets, POSIX message queues); a command killed with kill -9 at a random moment
// (sometimes stopped and continued first), after which every process left
// is killed and every IPC object removed; a FIFO between two processes; a
// message-queue flood; a command run as another user with runas; several
// commands at once. Then it prints what it did, and the machine's state.
//
// A target passes if the kernel never panicked, every round that was not
// killed succeeded, `kstat` at the end equals `kstat` at the start (every
// process, file, pipe, waiter, timer, heap block and IPC object of the
// rounds is gone; sockets, descriptors in flight, POSIX queues and their
// messages too), `ipcs -a` lists nothing, /dev/mqueue is empty, no socket
// node is left in /, /tmp, /home or the script's directory, and ps shows
// no process but init, the script's shell and ps itself. The transcript of each target is
// kept in build/soak/TARGET.log, the script in build/soak/script.sh.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'build', 'soak');
const seconds = Number(process.env.SOAK_SECONDS || 600);
const seed = Number(process.env.SOAK_SEED || Date.now() % 1000000007);
const targets = (process.env.SOAK_TARGETS || 'web,arm64').split(',');
const ARG_MAX = 65536;

// ---- the script ---------------------------------------------------------------

function prng(s) {                    // mulberry32: the same rounds for a seed
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(seed);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (a) => a[int(0, a.length - 1)];
const pause = () => `0.${String(int(0, 60)).padStart(2, '0')}`;

// Commands that end by themselves, with no output worth keeping.
const pipelines = [
  () => `seq 1 ${int(1000, 50000)} | sort -rn | uniq | wc -l`,
  () => `yes soak | head -n ${int(1000, 100000)} | tr a-z A-Z | grep -c SOAK`,
  () => `dd if=/dev/zero bs=4096 count=${int(10, 500)} 2>/dev/null | cksum`,
  () => `seq 1 ${int(1000, 30000)} | cat | cat | cat | cat | cat | cat | cat | cat | wc -c`,
  () => `cat /bin/sh | od | tail -n 2`,
  () => `seq 1 ${int(100, 5000)} | rev | sort | uniq -c | sort -rn | head -n 3`,
  () => `seq 1 ${int(100, 3000)} | xargs echo | wc -w`,
  () => `seq 1 ${int(1000, 20000)} | tee /tmp/soak.t | wc -l && wc -l < /tmp/soak.t; rm -f /tmp/soak.t`,
  () => `seq 1 ${int(100, 2000)} | sh -c 'while read x; do echo $x; done' | tail -n 1`,
];
const demos = [
  () => 'msgdemo', () => 'shmdemo', () => `pipedemo ${pick(['a b c', 'one', 'x y z w'])}`,
  () => 'chandemo', () => 'chandemo semantics', () => 'ringdemo', () => 'counter',
  () => `echoserver -n 3 & echoclient -W 5000 a b c; wait $!`,
  () => `sigcatch -n 2 USR1 USR2 & sleep 0.2; kill -USR1 $!; sleep 0.1; kill -USR2 $!; wait $!`,
  () => 'psem create /soak 1 && psem wait /soak && psem post /soak && psem value /soak && psem unlink /soak',
  // Sockets and POSIX queues (after the first seven: a parallel round picks
  // from those, and two of these at once would share a name).
  () => `sockecho -n ${int(1, 6)} /tmp/soak.echo`,
  () => `printf 'one\\ntwo\\n' > /tmp/soak.fdpass && fdpass /tmp/soak.fdpass && rm /tmp/soak.fdpass`,
  () => `mqjobs -w ${int(1, 2)}`,     // 8 jobs and a stop per worker fill its 10 slots
  () => `mqjobs -d${' && mqjobs -r'.repeat(8)} && rm /dev/mqueue/mqjobs`,
  () => { const n = int(100, 20000);
          return `nc -U -l /tmp/soak.sock < /dev/null > /tmp/soak.got & i=0; ` +
                 `until test -S /tmp/soak.sock || [ $i -gt 200 ]; do sleep 0.05; i=$((i + 1)); done; ` +
                 `seq 1 ${n} | nc -U /tmp/soak.sock; wait $! && test "$(wc -l < /tmp/soak.got)" -eq ${n} && ` +
                 `rm /tmp/soak.sock /tmp/soak.got`; },
];
const floods = [
  () => `set -- $(ipcmk -Q); q=$4; msgdemo -s $q & msgdemo -c $q $(seq 1 ${int(50, 400)}) && ` +
        `msgdemo -c $q quit; wait $!; ipcrm -q $q`,
  () => `set -- $(ipcmk -Q); q=$4; msgdemo -s $q & for i in 1 2 3; do msgdemo -c $q $(seq 1 ${int(20, 100)}) || exit 1; done; ` +
        `msgdemo -c $q quit; wait $!; ipcrm -q $q`,
];
const fifos = [
  () => `mkfifo /tmp/soak.f && { seq 1 ${int(100, 20000)} > /tmp/soak.f & wc -l < /tmp/soak.f; wait $!; }; rm -f /tmp/soak.f`,
  () => `mkfifo /tmp/soak.f && { yes > /tmp/soak.f & head -c ${int(1, 200000)} < /tmp/soak.f | wc -c; wait; }; rm -f /tmp/soak.f`,
  () => `mkfifo /tmp/soak.f && { cat /tmp/soak.f > /dev/null & echo hello > /tmp/soak.f; wait $!; }; rm -f /tmp/soak.f`,
];
const asUser = [
  () => `runas ${int(1000, 1003)} sh -c 'seq 1 ${int(100, 5000)} | sort | wc -l'`,
  () => `runas ${int(1000, 1003)} msgdemo`,
  () => `runas ${int(1000, 1003)} chandemo`,
  () => `runas ${int(1000, 1003)} pipedemo x y`,
  () => `runas ${int(1000, 1003)} shmdemo`,
  () => `! runas ${int(1000, 1003)} kill -9 1`,
  () => `set -- $(runas 1001 ipcmk -Q -p 600); ! runas 1002 ipcrm -q $4 && ipcrm -q $4`,
  () => `runas 1000 sh -c 'yes | head -n ${int(100, 10000)} > /dev/null'`,
];
// Killed at a random moment: what is left is taken away by clean.
const victims = [
  ...pipelines, ...demos, ...floods.slice(0, 1),
  () => 'msgqbench 64', () => 'yes > /dev/null', () => 'cat /dev/zero | wc -c',
  () => 'sleep 5', () => 'chandemo wait', () => 'echoserver', () => 'ipcbench chan',
  () => 'sockbench stream', () => 'sockbench pingpong', () => 'sockbench mq',
  () => 'nc -U -l /tmp/soak.sock < /dev/null', () => 'mqjobs -r',
  () => `runas 1000 sh -c 'yes | head -n 1000000 | wc -l'`,
  () => `mkfifo /tmp/soak.f; seq 1 100000 > /tmp/soak.f & cat /tmp/soak.f > /dev/null`,
];

const quiet = (cmd) => `{ ${cmd}; } > /dev/null 2>&1`;

function round(i) {
  const r = rand();
  const tally = (name, cmd) =>
    `${name}=$((${name} + 1)); ${quiet(cmd)} || { failed=$((failed + 1)); echo "FAILED round ${i}: ${name}"; }`;
  if (r < 0.22) return tally('pipelines', pick(pipelines)());
  if (r < 0.40) return tally('demos', pick(demos)());
  if (r < 0.47) return tally('fifos', pick(fifos)());
  if (r < 0.55) return tally('floods', pick(floods)());
  if (r < 0.65) return tally('runas', pick(asUser)());
  if (r < 0.72) {                     // several at once
    const cmds = [pick(pipelines)(), pick(demos.slice(0, 7))(), pick(pipelines)()];
    return `parallel=$((parallel + 1)); ` +
      cmds.map((c) => `${quiet(c)} &`).join(' ') + ' wait; clean';
  }
  const stop = rand() < 0.3 ? `kill -STOP $! 2>/dev/null; sleep ${pause()}; kill -CONT $! 2>/dev/null; ` : '';
  return `kills=$((kills + 1)); ${quiet(pick(victims)())} & sleep ${pause()}; ${stop}` +
    `kill -9 $! 2>/dev/null; wait; clean`;
}

function script(nrounds) {
  const rounds = [];
  for (let i = 0; i < nrounds; i++)
    rounds.push(`  ${i}) ${round(i)} ;;`);
  return [
    // What a killed command may leave: processes, System V objects, the
    // named semaphores of psem and counter, the queues of mqjobs and
    // sockbench, files and socket nodes.
    'clean() { kill -9 -1 2>/dev/null; wait; ipcrm -a > /dev/null 2>&1; ' +
      'for s in /soak /counter.lock /counter.a /counter.b; do psem unlink $s > /dev/null 2>&1; done; ' +
      'rm -f /tmp/soak.* /dev/mqueue/mqjobs /dev/mqueue/sockbench; }',
    'printf "BASE "; kstat',
    'pipelines=0 demos=0 fifos=0 floods=0 runas=0 parallel=0 kills=0 failed=0 n=0',
    `end=$(($(date +%s) + ${seconds}))`,
    'while [ $(date +%s) -lt $end ]; do',
    ` case $((n % ${nrounds})) in`,
    ...rounds,
    ' esac',
    ' n=$((n + 1))',
    'done',
    'clean',
    'echo "OPS rounds=$n pipelines=$pipelines demos=$demos fifos=$fifos floods=$floods ' +
      'runas=$runas parallel=$parallel kills=$kills failed=$failed"',
    'printf "END "; kstat',
    'echo MQUEUE; ls -a /dev/mqueue; echo SOCKETS; ls -la / /tmp /home . 2>/dev/null | grep "^s"; ss -x -a',
    'echo IPCS; ipcs -a; echo PS; ps',
  ].join('\n') + '\n';
}

// As many rounds as fit in a command line.
function makeScript() {
  let n = 400, s;
  while ((s = script(n)).length > ARG_MAX - 1024)
    n = Math.floor(n * 0.9);
  return s;
}

// ---- running it, and judging --------------------------------------------------

const launchers = {
  web: (s) => ['node', [path.join(root, 'web', 'node.js'), '-c', s]],
  arm64: (s) => [path.join(root, 'arm64', 'run.sh'), ['-c', s]],
};

function run(target, s) {
  return new Promise((resolve) => {
    const [cmd, args] = launchers[target](s);
    const log = fs.createWriteStream(path.join(out, `${target}.log`));
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const take = (b) => { text += b; log.write(b); };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const limit = setTimeout(() => { take('\nsoak: no end in time, killed\n'); child.kill('SIGKILL'); },
      (seconds + 600) * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      log.end();
      resolve({ text, code: code ?? `signal ${signal}` });
    });
  });
}

// Object rows of `ipcs -a`: lines that are neither titles nor column headers.
function ipcsObjects(text) {
  const sec = text.split('\nIPCS\n')[1]?.split('\nPS\n')[0] ?? '';
  return sec.split('\n').filter((l) => l.trim() && !l.startsWith('------') &&
    !/^(key|name|chanid|portid)\s/.test(l));
}

// What `ls -a /dev/mqueue` and the socket nodes list between MQUEUE and
// IPCS (the ss -x -a header aside).
function leftovers(text) {
  const sec = text.split('\nMQUEUE\n')[1]?.split('\nIPCS\n')[0] ?? '';
  return sec.split('\n').filter((l) => l.trim() && !/^(\.|\.\.|SOCKETS|Netid\s.*)$/.test(l));
}

function psRows(text) {
  const sec = text.split('\nPS\n')[1] ?? '';
  return sec.split('\n').filter((l) => /^\s*\d+\s/.test(l));
}

function judge(target, { text, code }) {
  const problems = [];
  const line = (tag) => (text.match(new RegExp(`^${tag} (.*)$`, 'm')) || [])[1];
  const base = line('BASE'), end = line('END'), ops = line('OPS');
  if (code === 70 || /kernel panic/.test(text)) problems.push('the kernel panicked');
  else if (code !== 0) problems.push(`the launcher exited with ${code}`);
  if (!ops) problems.push('the script did not finish');
  for (const m of text.matchAll(/^FAILED round .*$/gm)) problems.push(m[0]);
  if (!base || !end) problems.push('no kstat at the start or the end');
  else if (base !== end) problems.push(`kstat changed:\n    start ${base}\n    end   ${end}`);
  const objects = ipcsObjects(text);
  if (objects.length) problems.push(`ipcs -a lists:\n    ${objects.join('\n    ')}`);
  const rest = leftovers(text);
  if (rest.length) problems.push(`queues or sockets left:\n    ${rest.join('\n    ')}`);
  const left = psRows(text).filter((l) => !/^\s*1\s/.test(l) && !/ sh -c /.test(l) && !/\sps\s*$/.test(l));
  if (left.length) problems.push(`processes left:\n    ${left.join('\n    ')}`);
  console.log(`soak ${target}: ${ops ? ops.replace(/=/g, ' ') : 'no operations reported'}`);
  console.log(`soak ${target}: kstat at the start ${base ?? '-'}`);
  console.log(`soak ${target}: kstat at the end   ${end ?? '-'}`);
  console.log(`soak ${target}: /dev/mqueue, socket nodes and ss -x -a ` +
              `${rest.length ? `list ${rest.length} things` : 'are empty'}`);
  console.log(`soak ${target}: ipcs -a ${objects.length ? `lists ${objects.length} objects` : 'is empty'}, ` +
              `${psRows(text).length} processes at the end (init, the script's sh, ps)`);
  if (problems.length) {
    console.log(`soak ${target}: FAILED\n  ${problems.join('\n  ')}`);
    return false;
  }
  console.log(`soak ${target}: passed (no panic, nothing left behind)`);
  return true;
}

fs.mkdirSync(out, { recursive: true });
const s = makeScript();
fs.writeFileSync(path.join(out, 'script.sh'), s);
console.log(`soak: ${targets.join(' and ')} for ${seconds} s each, at once; seed ${seed}; ` +
            `${s.length} bytes of script in build/soak/script.sh`);
const results = await Promise.all(targets.map((t) => run(t, s)));
const ok = targets.map((t, i) => judge(t, results[i])).every(Boolean);
console.log(ok ? 'soak: passed' : 'soak: FAILED');
process.exit(ok ? 0 : 1);
