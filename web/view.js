// view.js - the live view beside the terminal: the system's processes and
// IPC objects as a graph, drawn from the kernel's snapshot (kernel/
// snapshot.c, through runtime.js's snapshot()) a few times a second while
// it is shown, and not at all while it is hidden. Processes are nodes
// grouped by job (process group), objects are nodes with a gauge or their
// counts, an edge joins a process to each object it holds (a pipe's read
// or write end, an attachment, a handle with its rights), and the edge of
// a process blocked on the object is drawn in red. The view can also pause
// the scheduler and step it one process switch at a time (runtime.js,
// pause and step), so that `yes | head -n 3` advances as slowly as a
// student likes.
//
// Keys (taken before the terminal sees them): F2 shows or hides the view,
// F3 pauses or resumes, F4 steps while paused. The same as buttons on the
// panel; the view is hidden at first on a window narrower than WIDE_PX.
//
// parseSnapshot is plain data in, plain data out (tests/node/view.test.js
// uses it without a page); the View class is the page's.

const REFRESH_MS = 250;
const WIDE_PX = 1100;

// The snapshot's text as { procs, objs, edges }: each record an object of
// its KEY=VALUE fields (strings). Records of a kind this view does not
// know are kept too: an object of a new kind is drawn with its fields.
export function parseSnapshot(text) {
  const out = { procs: [], objs: [], edges: [] };
  const lists = { proc: out.procs, obj: out.objs, edge: out.edges };
  for (const line of text.split('\n')) {
    const [rec, ...fields] = line.split('\t');
    if (!lists[rec]) continue;
    const r = {};
    for (const f of fields) {
      const eq = f.indexOf('=');
      if (eq > 0) r[f.slice(0, eq)] = f.slice(eq + 1);
    }
    lists[rec].push(r);
  }
  for (const o of out.objs) o.waiting = o.waiters ? o.waiters.split(',') : [];
  return out;
}

export const objKey = (kind, id) => `${kind}:${id}`;

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const cut = (s, n) => (s.length > n ? s.slice(0, n - 1) + '\u2026' : s);

function bytes(n) {
  n = Number(n);
  if (n >= 1024 * 1024) return `${(n / 1048576).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 ? 1 : 0)} KiB`;
  return `${n} B`;
}

// What an object's node says, and its gauge (a fraction, or null).
const KINDS = {
  pipe: (o) => ({ title: `pipe ${o.id}`, text: `${bytes(o.queued)} / ${bytes(o.cap)}`,
    fill: o.queued / o.cap }),
  fifo: (o) => ({ title: `fifo ${o.id}`, text: `${bytes(o.queued)} / ${bytes(o.cap)}`,
    fill: o.queued / o.cap }),
  msgq: (o) => ({ title: `msgq ${o.id}`,
    text: `${o.qnum} msg${o.qnum === '1' ? '' : 's'}${o.types ? `, types ${o.types}` : ''}`,
    fill: o.cbytes / o.qbytes }),
  shm: (o) => ({ title: `shm ${o.id}${o.dest === '1' ? ' (removed)' : ''}`,
    text: `${bytes(o.size)}, ${o.nattch} attached`, fill: null }),
  sem: (o) => ({ title: `sem ${o.id}`, text: `values ${o.values}` +
    (o.waitfor ? `; waiting ${o.waitfor}` : ''), fill: null }),
  psem: (o) => ({ title: `sem ${o.id}`, text: `value ${o.value}`, fill: null }),
  chan: (o) => ({ title: `chan ${o.id}`, text: o.capacity === '0'
    ? `${o.count} msgs (unbounded)` : `${o.count} / ${o.capacity} msgs`,
  fill: o.capacity === '0' ? null : o.count / o.capacity }),
  port: (o) => ({ title: `port ${o.id}${o.name ? ` "${o.name}"` : ''}`,
    text: `${o.queued} / ${o.capacity} queued, ${o.handles} handles`, fill: o.queued / o.capacity }),
  sock: (o) => ({ title: `sock ${o.id} ${o.type}${o.path ? ` ${o.path}` : ''}`,
    text: o.state === 'listening' ? `listening, ${o.pending} / ${o.backlog} to accept`
      : `${o.state}${o.peer ? ` to ${o.peer}` : ''}, ${o.msgs !== undefined ? `${o.msgs} msgs, ` : ''}` +
        `${bytes(o.queued)} / ${bytes(o.cap)}`,
    fill: o.state === 'listening' ? o.pending / Math.max(1, o.backlog) : o.queued / o.cap }),
  mq: (o) => ({ title: `mq ${o.id}`,
    text: `${o.msgs} / ${o.maxmsg} msgs${o.prios ? `, priorities ${o.prios}` : ''}`,
    fill: o.msgs / o.maxmsg }),
};
const KIND_ORDER = ['pipe', 'fifo', 'msgq', 'shm', 'sem', 'psem', 'chan', 'port', 'sock', 'mq'];

function describe(o) {
  if (KINDS[o.kind]) return KINDS[o.kind](o);
  const rest = Object.entries(o).filter(([k]) => !['kind', 'id', 'waiters', 'waiting'].includes(k));
  return { title: `${o.kind} ${o.id}`, text: rest.map(([k, v]) => `${k}=${v}`).join(' '), fill: null };
}

// The first word of a wait as ps shows it ("pipe 3 write", "semop 2",
// "sem /name"), and the kinds of object it may name.
const WAIT_WORDS = { pipe: ['pipe', 'fifo'], msgq: ['msgq'], semop: ['sem'], sem: ['psem'],
  chan: ['chan'], port: ['port'], sock: ['sock'], mq: ['mq'] };

const STATE_NAMES = { R: 'runnable', S: 'blocked', T: 'stopped', Z: 'zombie' };

// The graph as SVG text, width px wide.
export function renderSvg(snap, width) {
  const PH = 38, OH = 44, GAP = 6, JOBPAD = 20;
  const colW = Math.max(140, Math.floor(width * 0.44));
  const objX = width - colW - 8;
  const parts = [];
  const procAt = new Map();
  const objAt = new Map();
  let y = 8;
  const jobs = new Map();
  for (const p of snap.procs) {
    if (!jobs.has(p.pgid)) jobs.set(p.pgid, []);
    jobs.get(p.pgid).push(p);
  }
  for (const [pgid, members] of [...jobs].sort((a, b) => a[0] - b[0])) {
    const h = JOBPAD + members.length * (PH + GAP);
    parts.push(`<g class="job" data-pgid="${esc(pgid)}"><rect x="4" y="${y}" width="${colW + 8}" ` +
      `height="${h}" rx="6"/><text x="12" y="${y + 14}" class="jobname">job ${esc(pgid)}</text></g>`);
    let py = y + JOBPAD;
    for (const p of members) {
      procAt.set(p.pid, py + PH / 2);
      const state = `${STATE_NAMES[p.state] || p.state}${p.wait ? `: ${p.wait}` : ''}`;
      parts.push(`<g class="proc st-${esc(p.state)}" data-pid="${esc(p.pid)}" ` +
        `data-state="${esc(p.state)}" data-wait="${esc(p.wait || '')}" data-cmd="${esc(p.cmd)}">` +
        `<title>${esc(`pid ${p.pid}, parent ${p.ppid}, group ${p.pgid}: ${p.cmd}`)}</title>` +
        `<rect x="10" y="${py}" width="${colW - 4}" height="${PH}" rx="4"/>` +
        `<text x="16" y="${py + 15}" class="name">${esc(cut(`${p.pid} ${p.cmd}`, colW / 7))}</text>` +
        `<text x="16" y="${py + 30}" class="state">${esc(cut(state, colW / 6.2))}</text></g>`);
      py += PH + GAP;
    }
    y += h + GAP * 2;
  }
  const procsH = y;
  y = 8;
  const objs = [...snap.objs].sort((a, b) =>
    ((KIND_ORDER.indexOf(a.kind) + 99) % 99) - ((KIND_ORDER.indexOf(b.kind) + 99) % 99) ||
    String(a.id).localeCompare(String(b.id), undefined, { numeric: true }));
  for (const o of objs) {
    const d = describe(o);
    objAt.set(objKey(o.kind, o.id), y + OH / 2);
    const gauge = d.fill === null || !isFinite(d.fill) ? '' :
      `<rect class="gauge" x="${objX + 6}" y="${y + OH - 11}" width="${colW - 12}" height="6" rx="2"/>` +
      `<rect class="gauge-fill${d.fill >= 1 ? ' full' : ''}" x="${objX + 6}" y="${y + OH - 11}" ` +
      `width="${Math.round((colW - 12) * Math.min(1, Math.max(0, d.fill)))}" height="6" rx="2"/>`;
    parts.push(`<g class="obj kind-${esc(o.kind)}${o.waiting.length ? ' blocked-on' : ''}" ` +
      `data-kind="${esc(o.kind)}" data-id="${esc(o.id)}" data-fill="${esc(d.fill ?? '')}" ` +
      `data-text="${esc(d.text)}"><rect x="${objX}" y="${y}" width="${colW}" height="${OH}" rx="4"/>` +
      `<text x="${objX + 6}" y="${y + 14}" class="name">${esc(cut(d.title, colW / 7))}</text>` +
      `<text x="${objX + 6}" y="${y + 27}" class="state">${esc(cut(d.text, colW / 6.2))}</text>` +
      `${gauge}</g>`);
    y += OH + GAP;
  }
  const height = Math.max(procsH, y) + 8;
  // Edges under the nodes: each descriptor or attachment, red when its
  // process is blocked on the object; a waiter holding no edge (a message
  // queue or semaphore, reached by id) gets a dashed one.
  const waits = new Set();
  for (const o of snap.objs) for (const pid of o.waiting) waits.add(`${pid}>${objKey(o.kind, o.id)}`);
  // A wait on a queue that is not the object's own (a port call waits on
  // its reply) is known by what ps says: "port 3 call".
  for (const p of snap.procs) {
    const m = p.state === 'S' && p.wait && p.wait.match(/^(\S+) (\S+)/);
    for (const kind of (m && WAIT_WORDS[m[1]]) || [])
      if (objAt.has(objKey(kind, m[2]))) waits.add(`${p.pid}>${objKey(kind, m[2])}`);
  }
  const edges = [];
  const drawn = new Set();
  const edge = (pid, key, cls, label) => {
    const y1 = procAt.get(pid), y2 = objAt.get(key);
    if (y1 === undefined || y2 === undefined) return;
    const x1 = colW + 6, x2 = objX, mx = (x1 + x2) / 2;
    edges.push(`<path class="edge ${cls}" data-pid="${esc(pid)}" data-obj="${esc(key)}" ` +
      `d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}"><title>${esc(label)}</title></path>`);
  };
  for (const e of snap.edges) {
    const key = objKey(e.kind, e.id);
    const w = waits.has(`${e.pid}>${key}`) ? ' waiting' : '';
    const how = e.fd === '-1' ? `${e.role}${e.ro === '1' ? ' read-only' : ''} at ${e.addr}`
      : `fd ${e.fd} ${e.role}${e.rights ? ` (${e.rights})` : ''}`;
    edge(e.pid, key, `role-${esc(e.role.replace(/,/g, '-'))}${w}`, `${e.pid}: ${how}`);
    drawn.add(`${e.pid}>${key}`);
  }
  for (const w of waits) if (!drawn.has(w)) {
    const [pid, key] = w.split('>');
    edge(pid, key, 'waiting by-id', `${pid} waits`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}">${edges.join('')}${parts.join('')}</svg>`;
}

export class View {
  // dx: the running Duplex (runtime.js); onLayout: called after the panel
  // shows or hides, so that the terminal fits what is left.
  constructor(dx, { onLayout } = {}) {
    this.dx = dx;
    this.onLayout = onLayout || (() => {});
    this.timer = null;
    this.last = '';
    this.lastStep = '';
    this.renders = 0;
    this.spentMs = 0;                 // in refresh, all told (make bench reports it)
    this.build();
    window.addEventListener('keydown', (e) => this.key(e), true);
    this.setShown(window.innerWidth >= WIDE_PX);
  }

  build() {
    const panel = document.createElement('aside');
    panel.id = 'view';
    panel.innerHTML = '<div class="bar"><b>IPC view</b>' +
      '<button id="view-pause" title="pause or resume the scheduler (F3)">Pause</button>' +
      '<button id="view-step" title="run one process switch (F4)" disabled>Step</button>' +
      '<span id="view-status"></span>' +
      '<button id="view-hide" title="hide (F2)">\u00d7</button></div><div id="view-graph"></div>' +
      '<div class="legend"><i class="l-write"></i>write, send <i class="l-read"></i>read, receive ' +
      '<i class="l-attached"></i>attached <i class="l-wait"></i>blocked on it ' +
      '<span>F2 view \u00b7 F3 pause \u00b7 F4 step</span></div>';
    const toggle = document.createElement('button');
    toggle.id = 'view-toggle';
    toggle.title = 'show the processes and IPC objects (F2)';
    toggle.textContent = 'IPC view';
    document.body.append(panel, toggle);
    this.panel = panel;
    this.graph = panel.querySelector('#view-graph');
    this.status = panel.querySelector('#view-status');
    this.pauseButton = panel.querySelector('#view-pause');
    this.stepButton = panel.querySelector('#view-step');
    // Buttons must not keep the focus: keys belong to the terminal.
    const click = (el, fn) => el.addEventListener('click', (e) => {
      e.preventDefault();
      fn();
      el.blur();
      if (window.term) window.term.focus();
    });
    click(toggle, () => this.setShown(true));
    click(panel.querySelector('#view-hide'), () => this.setShown(false));
    click(this.pauseButton, () => this.setPaused(!this.dx.paused));
    click(this.stepButton, () => this.step());
  }

  key(e) {
    const act = { F2: () => this.setShown(!this.shown), F3: () => this.setPaused(!this.dx.paused),
      F4: () => this.step() }[e.key];
    if (!act || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    act();
  }

  setShown(on) {
    this.shown = on;
    document.body.classList.toggle('view-open', on);
    clearInterval(this.timer);
    this.timer = null;
    if (on) {
      this.last = '';
      this.refresh();
      this.timer = setInterval(() => this.refresh(), REFRESH_MS);
    }
    this.onLayout();
  }

  setPaused(on) {
    if (on) this.dx.pause();
    else this.dx.resume();
    this.pauseButton.textContent = on ? 'Resume' : 'Pause';
    this.stepButton.disabled = !on;
    this.lastStep = '';
    if (on && !this.shown) this.setShown(true);
    this.refresh();
  }

  step() {
    if (!this.dx.paused) return;
    const pid = this.dx.step();
    this.lastStep = pid ? `ran ${pid}` : 'nothing runnable';
    this.refresh();
  }

  // Draw the snapshot if it changed since the last drawing.
  refresh() {
    if (!this.shown) return;
    const start = performance.now();
    this.draw();
    this.spentMs += performance.now() - start;
  }

  draw() {
    const text = this.dx.snapshot();
    this.status.textContent = this.dx.halted ? 'halted'
      : this.dx.paused ? `paused${this.lastStep ? ` \u2014 ${this.lastStep}` : ''}` : 'running';
    if (text === this.last) return;
    this.last = text;
    this.graph.innerHTML = renderSvg(parseSnapshot(text), Math.max(300, this.graph.clientWidth - 4));
    this.renders++;
  }
}
