// view.test.js - the live view's data on the web target, without a page:
// the runtime paused runs no process, stepping runs one switch at a time,
// and the snapshot (kernel/snapshot.c, read by web/view.js's
// parseSnapshot) shows `yes | head -n 3` as the page draws it - the pipe
// filling and yes blocked on it - and the view's SVG marks that edge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootConsole, screenShows } from './harness.js';
import { parseSnapshot, renderSvg, objKey } from '../../web/view.js';

const PROMPT = 'duplex$ ';
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

test('paused, yes | head -n 3 advances one switch per step, and the snapshot shows it', async () => {
  const dx = await bootConsole();
  await screenShows(dx, (s) => s.includes(PROMPT), 'the prompt');
  dx.pause();
  const shown = dx.shownBytes;
  dx.typed('yes | head -n 3\r');
  await pause(100);
  // The shell's line editor echoes (the tty is in raw mode at the
  // prompt): paused, nothing runs it, so nothing is echoed either.
  assert.equal(dx.shownBytes, shown, 'nothing runs while paused');
  assert.ok(!parseSnapshot(dx.snapshot()).procs.some((p) => p.cmd === 'yes'));

  const seen = [];
  let full = null;
  for (let n = 0; n < 50 && dx.step(); n++) {
    const snap = parseSnapshot(dx.snapshot());
    const yes = snap.procs.find((p) => p.cmd === 'yes');
    const pipe = snap.objs.find((o) => o.kind === 'pipe');
    if (pipe) seen.push(Number(pipe.queued));
    if (yes && pipe && yes.state === 'S' && yes.wait === `pipe ${pipe.id} write` &&
        pipe.queued === pipe.cap && !full) full = { snap, yes, pipe };
    await pause(1);
  }
  assert.ok(full, `yes was never seen blocked on a full pipe (queued: ${seen.join(' ')})`);
  assert.equal(seen[0], 0, 'the pipe starts empty');
  assert.deepEqual(full.pipe.waiting, [full.yes.pid]);
  const svg = renderSvg(full.snap, 600);
  const key = objKey('pipe', full.pipe.id);
  assert.match(svg, new RegExp(`class="edge role-write waiting" data-pid="${full.yes.pid}" data-obj="${key}"`));
  assert.match(svg, new RegExp(`data-kind="pipe" data-id="${full.pipe.id}" data-fill="1"`));

  // Every step ran: the command is over, and its output was shown.
  assert.equal(dx.step(), 0, 'nothing left to run but the shell waiting for input');
  await screenShows(dx, (s) => /y\r\ny\r\ny\r\n/.test(s), 'the three lines of head');
  dx.resume();
  dx.typed('echo resumed\r');
  await screenShows(dx, (s) => s.includes('resumed\r\n'), 'echo after resume');
});

test('parseSnapshot keeps records and fields of kinds it does not know', () => {
  const snap = parseSnapshot('proc\tpid=1\tstate=S\twait=wait\tcmd=init\n' +
    'obj\tkind=socket\tid=4\tstate=listening\twaiters=1\n' +
    'edge\tpid=1\tfd=3\tkind=socket\tid=4\trole=listen\n' +
    'future\tx=1\n');
  assert.equal(snap.procs[0].cmd, 'init');
  assert.deepEqual(snap.objs[0].waiting, ['1']);
  assert.equal(snap.edges[0].role, 'listen');
  const svg = renderSvg(snap, 500);
  assert.match(svg, /data-kind="socket" data-id="4"/);
  assert.match(svg, /state=listening/);
  assert.match(svg, /class="edge role-listen waiting"/);
});

test('a process waiting by a queue of its own (a port call) has its edge marked by its wait', () => {
  const snap = parseSnapshot('proc\tpid=4\tstate=S\twait=port 1 call\tcmd=echoclient\n' +
    'obj\tkind=port\tid=1\tqueued=0\tcapacity=16\thandles=2\twaiters=\n' +
    'edge\tpid=4\tfd=3\tkind=port\tid=1\trole=handle\trights=s\n');
  assert.match(renderSvg(snap, 500), /class="edge role-handle waiting" data-pid="4" data-obj="port:1"/);
});
