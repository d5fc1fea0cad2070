#!/usr/bin/env node
// mkseeds.js - write the corpus's seed programs for sockets and POSIX
// message queues (tests/fuzz/corpus/seed-sock-*, seed-mq), byte by byte, as
// run.c, args.c and sockargs.c read them. A call's first byte is its line of
// calls[] (read from calls.c, so new lines do not move these programs); the
// bytes after it are the process, then each argument's bytes by its kind.
// Check what a seed does with: build/fuzz/replay -t tests/fuzz/corpus/FILE
//
//   node tests/fuzz/mkseeds.js          writes the seeds
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// The line of calls[] of each call's first line.
const lines = fs.readFileSync(path.join(here, 'calls.c'), 'utf8')
  .split('\n').filter((l) => /^\s+C\(SYS_/.test(l)).map((l) => l.match(/C\(SYS_(\w+)/)[1]);
const line = (name) => {
  const i = lines.indexOf(name);
  if (i < 0) throw new Error(`no call ${name} in calls.c`);
  return i;
};

// ---- argument bytes, by kind ----
const P = (k) => [k];                    // a process: fprocs[k]
const OUT = [0x00];                      // a fresh pointer into the arena
const NULLP = [0xb8];                    // a null pointer
const fd = (n) => [100 + n];             // descriptor n (< 20), named outright
const recent = (k) => [k];               // the k-th descriptor the process noted
const int0 = [0];                        // K_INT 0
const len = { 8: [6], 16: [8], 128: [17], 8192: [26] };
const blobIdx = { 0: 0, 4: 4, 8: 5, 16: 6, 128: 12 };
// K_IN: n bytes repeating the text s, placed at a fresh pointer
const bytes = (n, s) => [blobIdx[n], s.length, ...Buffer.from(s), 0x00];
const NULLTS = [0x00];                   // K_TIMESPEC / K_ABSTIME: NULL
const unix = [0];                        // K_DOMAIN: AF_UNIX
const type = { stream: 0, dgram: 1, seqpacket: 2 };
const socktype = (t, fl = 0) => [type[t], fl];
const proto0 = [0];
const sockPath = { '/tmp/s': 0, '/tmp/t': 1 };
const path_ = (p) => [0x10, sockPath[p], 0x00];     // K_SOCKADDR: a path
const abstract = (k) => [0x13, k, 0x00];            // K_SOCKADDR: "\0a", "\0b", "\0svc"
const NOADDR = [0x00, 0x01];                         // K_SOCKADDR NULL, length 0
const addrlen = [0x00];                              // K_ADDRLEN: the address's own
const LENP = [0x20, 0, 0x00];                        // K_LENP: {110}
const NOLENP = [0x00];
const flags0 = [0x00];
const DONTWAIT = [0x01];
// K_MSGHDR: iovecs (each n bytes of s), control messages, controllen
function msghdr({ iov = [], cmsgs = [], ctlspace = 0 }) {
  let b = 0x08;
  if (ctlspace) b |= 0x80;
  const out = [b, iov.length];
  for (const [n, s] of iov) out.push(...bytes(n, s));
  if (iov.length) out.push(0x00);                   // the array's pointer
  out.push(cmsgs.length);
  for (const c of cmsgs) out.push(...c);
  if (cmsgs.length || ctlspace) {
    out.push(0x00);                                  // the control buffer's pointer
    if (ctlspace) out.push({ 256: 4, 24: 3 }[ctlspace]);
  }
  out.push(0x00);                                    // the msghdr's own pointer
  return out;
}
const RIGHTS_SELF = [0x00, 0x00];                    // SCM_RIGHTS [the socket itself]
const rights = (fds) => [0x02, fds.length - 1,       // SCM_RIGHTS [fds]: 'self' or n
  ...fds.flatMap((f) => (f === 'self' ? [0x00] : [0x60, 100 + f]))];
const CREDS = [0x03, 0x00];                          // SCM_CREDENTIALS, one's own
const SOL_SOCKET = [0], SO_PASSCRED = [4];
const optval = (v) => [{ 0: 0, 1: 1 }[v], 0x00];
const optlen4 = [0];
const mqname = { q1: 0, q2: 1, jobs: 3 };
const mqattr10x8192 = [0x37, 0, 0, 0x00];            // {0, 10, 8192}
const mqattrNonblock = [0x37, 2, 0, 0x00];           // {O_NONBLOCK, 10, 8192}
const NOATTR = [0x00];
const prio = { 0: 0, 1: 1, 2: 2, 31: 3 };
const sigevent = (signo) => [0x30, 0, signo + 1, 0x00];   // SIGEV_SIGNAL, signo
const oflags = (f) => [f];                           // O_WRONLY 1, O_RDWR 2, O_CREAT 4, O_EXCL 8, O_NONBLOCK 0x40
const mode644 = [0];
const pidAny = [19], waitopt0 = [0];
const SIGCHLD = 17;

const call = (name, proc, ...args) => [line(name), ...P(proc), ...args.flat()];
const schedule = (n) => [0xe0, n - 1];

// ---- the seeds ----
const seeds = {
  // A stream across two processes: listen, connect, accept, both ways, end of file.
  'seed-sock-stream': [
    call('socket', 0, unix, socktype('stream'), proto0),          // 3, listening
    call('bind', 0, recent(0), path_('/tmp/s'), addrlen),
    call('listen', 0, recent(0), [3]),
    call('fork', 0),
    call('socket', 1, unix, socktype('stream'), proto0),          // child's 4
    call('connect', 1, recent(1), path_('/tmp/s'), addrlen),
    call('accept4', 0, recent(0), OUT, LENP, flags0),             // parent's 4
    call('sendto', 1, recent(1), bytes(16, 'hello, '), len[16], flags0, NOADDR, [0x00]),
    call('recvfrom', 0, recent(1), OUT, len[128], flags0, NULLP, NOLENP),
    call('sendto', 0, recent(1), bytes(8, 'back'), len[8], flags0, NOADDR, [0x00]),
    call('recvfrom', 1, recent(1), OUT, len[128], flags0, NULLP, NOLENP),
    call('getpeername', 1, recent(1), OUT, LENP),
    call('shutdown', 1, recent(1), [1]),                          // SHUT_WR
    call('recvfrom', 0, recent(1), OUT, len[128], flags0, NULLP, NOLENP),   // 0: end of file
    call('recvfrom', 1, recent(1), OUT, len[128], flags0, NULLP, NOLENP),   // blocks
    call('close', 0, fd(4)),                                      // the child's recv: 0
    schedule(4),
    call('exit', 1, int0),
    call('wait4', 0, pidAny, OUT, waitopt0, int0),
    call('unlink', 0, [0x00]),                                    // "/tmp/a": ENOENT
  ],
  // Datagrams: to a bound path, with the sender's abstract name; a connected
  // socket; credentials passed with SO_PASSCRED.
  'seed-sock-dgram': [
    call('socket', 0, unix, socktype('dgram'), proto0),           // 3
    call('bind', 0, recent(0), path_('/tmp/t'), addrlen),
    call('setsockopt', 0, recent(0), SOL_SOCKET, SO_PASSCRED, optval(1), optlen4),
    call('fork', 0),
    call('socket', 1, unix, socktype('dgram'), proto0),           // child's 4
    call('bind', 1, recent(1), abstract(0), addrlen),
    call('sendto', 1, recent(1), bytes(16, 'datagram '), len[16], flags0, path_('/tmp/t'), addrlen),
    call('recvfrom', 0, recent(0), OUT, len[128], flags0, OUT, LENP),     // from "\0a"
    call('connect', 1, recent(1), path_('/tmp/t'), addrlen),
    call('sendmsg', 1, recent(1), msghdr({ iov: [[8, 'one'], [8, 'two']], cmsgs: [CREDS] }), flags0),
    call('recvmsg', 0, recent(0), msghdr({ iov: [[128, '']], ctlspace: 256 }), flags0),
    call('recvfrom', 0, recent(0), OUT, len[128], DONTWAIT, OUT, LENP),   // EAGAIN
    call('getsockname', 1, recent(1), OUT, LENP),
    call('exit', 1, int0),
    call('wait4', 0, pidAny, OUT, waitopt0, int0),
  ],
  // SCM_RIGHTS: a pipe's end and the socket itself passed and received, then
  // each end of a pair sent into the other and both closed: a cycle only the
  // collector frees.
  'seed-sock-rights': [
    call('socketpair', 0, unix, socktype('stream'), proto0, OUT), // 3, 4
    call('pipe2', 0, OUT, [0x00, 0x00]),                          // 5, 6
    call('sendmsg', 0, fd(3), msghdr({ iov: [[4, 'fds']], cmsgs: [rights([5, 'self'])] }), flags0),
    call('recvmsg', 0, fd(4), msghdr({ iov: [[128, '']], ctlspace: 256 }), flags0),   // 7, 8
    call('write', 0, fd(6), bytes(4, 'pipe'), [4]),
    call('read', 0, fd(7), OUT, [4]),                          // the pipe, received
    call('sendmsg', 0, fd(3), msghdr({ iov: [[4, 'self']], cmsgs: [RIGHTS_SELF] }), flags0),
    call('sendmsg', 0, fd(4), msghdr({ iov: [[4, 'self']], cmsgs: [RIGHTS_SELF] }), flags0),
    call('kstat', 0, OUT),                                        // two in flight
    call('close', 0, fd(3)),
    call('close', 0, fd(4)),
    call('close', 0, fd(8)),                                      // the cycle is garbage now
    call('kstat', 0, OUT),
  ],
  // A POSIX queue: notify, a receive that waits, sends with priorities,
  // received highest first, attributes, unlink.
  'seed-mq': [
    call('mq_open', 0, [mqname.q1], oflags(0x02 | 0x04), mode644, mqattr10x8192),   // 3
    call('fork', 0),
    call('mq_notify', 0, recent(0), sigevent(SIGCHLD)),
    call('mq_timedreceive', 0, recent(0), OUT, len[8192], OUT, NULLTS),   // blocks
    call('mq_timedsend', 1, recent(0), bytes(8, 'low'), len[8], [prio[1]], NULLTS),
    schedule(2),                                                  // the receive: "low"
    call('mq_timedsend', 1, recent(0), bytes(8, 'one'), len[8], [prio[1]], NULLTS),
    call('mq_timedsend', 1, recent(0), bytes(8, 'high'), len[8], [prio[31]], NULLTS),
    call('mq_timedsend', 1, recent(0), bytes(8, 'two'), len[8], [prio[2]], NULLTS),
    call('mq_getsetattr', 0, recent(0), mqattrNonblock, OUT),
    call('mq_timedreceive', 0, recent(0), OUT, len[8192], OUT, NULLTS),   // "high", 31
    call('mq_timedreceive', 0, recent(0), OUT, len[8192], OUT, NULLTS),   // "two", 2
    call('mq_timedreceive', 0, recent(0), OUT, len[8192], OUT, NULLTS),   // "one", 1
    call('mq_timedreceive', 0, recent(0), OUT, len[8192], OUT, NULLTS),   // EAGAIN
    call('mq_unlink', 0, [mqname.q1]),
    call('mq_open', 1, [mqname.q1], oflags(0x02), mode644, NOATTR),       // ENOENT
    call('exit', 1, int0),
    call('wait4', 0, pidAny, OUT, waitopt0, int0),
  ],
};

for (const [name, ops] of Object.entries(seeds)) {
  const buf = Buffer.from(ops.flat());
  fs.writeFileSync(path.join(here, 'corpus', name), buf);
  console.log(`${name}: ${buf.length} bytes`);
}
