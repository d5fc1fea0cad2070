/*
 * ipctest.h - helpers shared by the tests of channels (test_chan.c,
 * test_chan_end.c) and ports (test_port.c, test_port_call.c,
 * test_port_fast.c): system calls with their arguments placed in a fake
 * process's memory, children, and squeezing the kernel heap.
 *
 * A call that blocks returns KERN_BLOCK; a test re-issues it later with
 * the same arguments, as a platform would.
 */
#ifndef DUPLEX_IPCTEST_H
#define DUPLEX_IPCTEST_H

#include "test.h"
#include "../../kernel/uapi/chan.h"
#include "../../kernel/uapi/port.h"

/* ---- for both --------------------------------------------------------------- */

/* A relative timeout of ms milliseconds, in p's memory. */
static inline uptr utimeout(struct proc *p, long ms)
{
    struct k_timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
    return ubytes(p, &ts, sizeof ts);
}

static inline void tclose(struct proc *p, long fd)
{
    CHECK_EQ(tsys(p, SYS_close, fd), 0);
}

/* A child of init; spawn gives it init's descriptors. */
static inline struct proc *tchild(void)
{
    tprog("/bin/child");
    return tspawn(init, "/bin/child");
}

/* Kill p with sig from init and reap it: p must have left every queue and
 * dropped any state its call kept. */
static inline void tkill_reap(struct proc *p, int sig)
{
    int pid = p->pid;
    CHECK_EQ(tsys(init, SYS_kill, (long)pid, (long)sig), 0);
    CHECK_EQ(p->state, P_ZOMBIE);
    CHECK(p->nwaits == 0);
    CHECK(p->call.file == NULL);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
}

static inline long tsigaction(struct proc *p, int sig, uint64_t handler, uint32_t flags)
{
    struct k_sigaction sa = { .sa_handler = handler, .sa_flags = flags };
    return tsys(p, SYS_sigaction, (long)sig, (long)ubytes(p, &sa, sizeof sa), 0L);
}

/* ---- channels ----------------------------------------------------------------- */

/* chan_create for p: fds[0] receives, fds[1] sends. */
static inline long tchan(struct proc *p, int fds[2], long esize, long cap, long flags)
{
    uptr u = ubuf(p, 2 * sizeof(int));
    long r = tsys(p, SYS_chan_create, (long)u, esize, cap, flags);
    memcpy(fds, uhost(p, u), 2 * sizeof(int));
    return r;
}

static inline long tsendf(struct proc *p, int fd, uptr msg, long size, long flags, uptr timeout)
{
    return tsys(p, SYS_chan_send, (long)fd, (long)msg, size, flags, (long)timeout);
}

static inline long trecvf(struct proc *p, int fd, uptr buf, long size, long flags, uptr timeout)
{
    return tsys(p, SYS_chan_recv, (long)fd, (long)buf, size, flags, (long)timeout);
}

static inline long tsend_int(struct proc *p, int fd, int v)
{
    return tsendf(p, fd, ubytes(p, &v, sizeof v), sizeof v, 0, 0);
}

static inline int int_at(struct proc *p, uptr u)
{
    int v;
    memcpy(&v, uhost(p, u), sizeof v);
    return v;
}

/* Receive one int, which must be `want`. */
static inline void trecv_int(struct proc *p, int fd, int want)
{
    uptr u = ubuf(p, sizeof(int));
    CHECK_EQ(trecvf(p, fd, u, sizeof(int), 0, 0), 1);
    CHECK_EQ(int_at(p, u), want);
}

static inline struct k_chan_info tcinfo(struct proc *p, int fd)
{
    struct k_chan_info ci;
    uptr u = ubuf(p, sizeof ci);
    CHECK_EQ(tsys(p, SYS_chan_info, (long)fd, (long)u), 0);
    memcpy(&ci, uhost(p, u), sizeof ci);
    return ci;
}

/* ---- ports -------------------------------------------------------------------- */

static inline struct k_port_msg tmsg(uint32_t type, const char *text)
{
    struct k_port_msg m;
    memset(&m, 0, sizeof m);
    m.type = type;
    m.size = (uint16_t)strlen(text);
    memcpy(m.data, text, m.size);
    return m;
}

static inline long tport(struct proc *p, long flags) { return tsys(p, SYS_port_create, flags); }

static inline uptr umsg(struct proc *p, const struct k_port_msg *m) { return ubytes(p, m, sizeof *m); }

static inline long tsend_u(struct proc *p, long fd, uptr m, long flags, uptr timeout)
{
    return tsys(p, SYS_port_send, fd, (long)m, flags, (long)timeout);
}

static inline long tsend(struct proc *p, long fd, uint32_t type, const char *text)
{
    struct k_port_msg m = tmsg(type, text);
    return tsend_u(p, fd, umsg(p, &m), 0, 0);
}

static inline long trecv_u(struct proc *p, long fd, uptr out, long flags, uptr timeout)
{
    return tsys(p, SYS_port_recv, fd, (long)out, flags, (long)timeout);
}

static inline struct k_port_msg msg_at(struct proc *p, uptr u)
{
    struct k_port_msg m;
    memcpy(&m, uhost(p, u), sizeof m);
    return m;
}

/* Receive a message that must have this type and text; returns it. */
static inline struct k_port_msg trecv_expect(struct proc *p, long fd, uint32_t type, const char *text)
{
    uptr u = ubuf(p, sizeof(struct k_port_msg));
    CHECK_EQ(trecv_u(p, fd, u, 0, 0), 0);
    struct k_port_msg m = msg_at(p, u);
    CHECK_EQ(m.type, type);
    CHECK_EQ(m.size, strlen(text));
    CHECK(memcmp(m.data, text, m.size) == 0);
    return m;
}

static inline long tderive(struct proc *p, long fd, long rights)
{
    return tsys(p, SYS_port_derive, fd, rights, 0L);
}

static inline struct k_port_info tpinfo(struct proc *p, long fd)
{
    struct k_port_info pi;
    uptr u = ubuf(p, sizeof pi);
    CHECK_EQ(tsys(p, SYS_port_info, fd, (long)u), 0);
    memcpy(&pi, uhost(p, u), sizeof pi);
    return pi;
}

static inline long tbind(struct proc *p, long fd, const char *name, long rights)
{
    return tsys(p, SYS_port_bind, fd, (long)ustr(p, name), rights);
}

static inline long tunbind(struct proc *p, long fd, const char *name)
{
    return tsys(p, SYS_port_unbind, fd, (long)ustr(p, name));
}

static inline long tlookup(struct proc *p, const char *name, long flags, uptr timeout)
{
    return tsys(p, SYS_port_lookup, (long)ustr(p, name), flags, (long)timeout);
}

static inline long tcall(struct proc *p, long fd, uptr req, uptr rep, uptr timeout)
{
    return tsys(p, SYS_port_call, fd, (long)req, (long)rep, (long)timeout);
}

static inline long treply(struct proc *p, long rfd, uint32_t type, const char *text)
{
    struct k_port_msg m = tmsg(type, text);
    return tsys(p, SYS_port_reply, rfd, (long)umsg(p, &m));
}

static inline long tfilter(struct proc *p, long fd, uint64_t types, uint32_t maxsize, uint32_t rate)
{
    struct k_port_filter fl = { types, maxsize, rate };
    return tsys(p, SYS_port_set_filter, fd, (long)ubytes(p, &fl, sizeof fl));
}

static inline long treply_recv(struct proc *p, long reply, uptr answer, long fd, uptr m, long flags)
{
    return tsys(p, SYS_port_reply_recv, reply, (long)answer, fd, (long)m, flags, 0L);
}

#endif
