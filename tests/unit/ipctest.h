/*
 * ipctest.h - helpers shared by the tests of the IPC objects: channels
 * (test_chan*.c), ports (test_port*.c), Unix-domain sockets (test_sock*.c),
 * POSIX message queues (test_mqueue.c), and the tests that use several
 * (test_poll.c, test_snapshot.c): system calls with their arguments placed
 * in a fake process's memory (for sockets, addresses, buffers, message
 * headers and control messages in the host's native layouts, which are the
 * kernel's: see kernel/uapi/socket.h), children, signals.
 *
 * A call that blocks returns KERN_BLOCK; a test re-issues it later with
 * the same arguments, as a platform would.
 */
#ifndef DUPLEX_IPCTEST_H
#define DUPLEX_IPCTEST_H

#include "test.h"
#include "../../kernel/uapi/chan.h"
#include "../../kernel/uapi/port.h"
#include "../../kernel/uapi/socket.h"
#include "../../kernel/uapi/mqueue.h"

/* ---- for all ------------------------------------------------------------------ */

#define HANDLER 0x4000L             /* a signal handler's (fake) address */

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

/* A child of init, running init's own (fake) image, so that there is no
 * program file to remove afterwards; spawn gives it init's descriptors. */
static inline struct proc *tchild(void)
{
    return tspawn(init, "/bin/init");
}

/* A child of init that has given up root for uid (as its group too). */
static inline struct proc *tuser_child(long uid)
{
    struct proc *c = tchild();
    CHECK_EQ(tsys(c, SYS_setgid, uid), 0);
    CHECK_EQ(tsys(c, SYS_setuid, uid), 0);
    return c;
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

static inline long twrite(struct proc *p, long fd, const char *text)
{
    return tsys(p, SYS_write, fd, (long)ustr(p, text), (long)strlen(text));
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

/* ---- Unix-domain sockets ----------------------------------------------------- */

static inline long tsock(struct proc *p, long type)
{
    return tsys(p, SYS_socket, (long)AF_UNIX, type, 0L);
}

/* socketpair for p: sv[0] and sv[1]. */
static inline long tpair(struct proc *p, long type, int sv[2])
{
    uptr u = ubuf(p, 2 * sizeof(int));
    long r = tsys(p, SYS_socketpair, (long)AF_UNIX, type, 0L, (long)u);
    memcpy(sv, uhost(p, u), 2 * sizeof(int));
    return r;
}

/* A sockaddr_un of path in p's memory; *len gets its length. */
static inline uptr taddr(struct proc *p, const char *path, long *len)
{
    struct k_sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    size_t n = strlen(path);
    memcpy(a.sun_path, path, n);
    *len = (long)(SUN_PATH_OFFSET + n + 1);
    return ubytes(p, &a, sizeof a);
}

/* An abstract address: a NUL, then name. */
static inline uptr tabstract(struct proc *p, const char *name, long *len)
{
    struct k_sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    size_t n = strlen(name);
    memcpy(a.sun_path + 1, name, n);
    *len = (long)(SUN_PATH_OFFSET + 1 + n);
    return ubytes(p, &a, sizeof a);
}

static inline long tbind_path(struct proc *p, long fd, const char *path)
{
    long len;
    uptr a = taddr(p, path, &len);
    return tsys(p, SYS_bind, fd, (long)a, len);
}

static inline long tunlink(const char *path)
{
    return tsys(init, SYS_unlink, (long)ustr(init, path));
}

static inline long tconnect_path(struct proc *p, long fd, const char *path)
{
    long len;
    uptr a = taddr(p, path, &len);
    return tsys(p, SYS_connect, fd, (long)a, len);
}

/* A stream or seqpacket socket listening at path, with backlog. */
static inline long tlistener(struct proc *p, long type, const char *path, long backlog)
{
    long fd = tsock(p, type);
    CHECK(fd >= 0);
    CHECK_EQ(tbind_path(p, fd, path), 0);
    CHECK_EQ(tsys(p, SYS_listen, fd, backlog), 0);
    return fd;
}

static inline long taccept(struct proc *p, long fd, long flags)
{
    return tsys(p, SYS_accept4, fd, 0L, 0L, flags);
}

/* send of text (strlen bytes) with flags */
static inline long tsock_send(struct proc *p, long fd, const char *text, long flags)
{
    return tsys(p, SYS_sendto, fd, (long)ustr(p, text), (long)strlen(text), flags, 0L, 0L);
}

static inline long tsendto(struct proc *p, long fd, const char *text, const char *path)
{
    long len;
    uptr a = taddr(p, path, &len);
    return tsys(p, SYS_sendto, fd, (long)ustr(p, text), (long)strlen(text), 0L, (long)a, len);
}

/* recv into a fresh buffer of n bytes; out (if given, n + 1 bytes) gets
 * what arrived, NUL-terminated. */
static inline long tsock_recv(struct proc *p, long fd, long n, long flags, char *out)
{
    uptr u = ubuf(p, (size_t)n + 1);
    long r = tsys(p, SYS_recvfrom, fd, (long)u, n, flags, 0L, 0L);
    if (out) {
        long got = r < 0 ? 0 : MIN(r, n);
        memcpy(out, uhost(p, u), (size_t)got);
        out[got] = '\0';
    }
    return r;
}

/* A received text must be want (a non-blocking receive). */
static inline void tsock_expect(struct proc *p, long fd, const char *want)
{
    char got[256];
    CHECK_EQ(tsock_recv(p, fd, 255, MSG_DONTWAIT, got), (long)strlen(want));
    CHECK_STR(got, want);
}

/* poll one descriptor without waiting: its revents. */
static inline int tpoll(struct proc *p, long fd, int events)
{
    struct k_pollfd pf = { (int32_t)fd, (int16_t)events, 0 };
    uptr u = ubytes(p, &pf, sizeof pf);
    struct k_timespec zero = { 0, 0 };
    long r = tsys(p, SYS_ppoll, (long)u, 1L, (long)ubytes(p, &zero, sizeof zero), 0L);
    CHECK(r >= 0);
    return ((struct k_pollfd *)uhost(p, u))->revents;
}

static inline int32_t tgetopt(struct proc *p, long fd, long name)
{
    uptr v = ubuf(p, sizeof(int32_t));
    int32_t len = sizeof(int32_t);
    uptr l = ubytes(p, &len, sizeof len);
    CHECK_EQ(tsys(p, SYS_getsockopt, fd, (long)SOL_SOCKET, name, (long)v, (long)l), 0);
    return *(int32_t *)uhost(p, v);
}

static inline long tsetopt(struct proc *p, long fd, long name, int32_t v)
{
    return tsys(p, SYS_setsockopt, fd, (long)SOL_SOCKET, name,
                (long)ubytes(p, &v, sizeof v), (long)sizeof v);
}

/* ---- sendmsg and recvmsg ---------------------------------------------------- */

/* A message header in p's memory: one buffer (data, n bytes), control
 * messages ctl (ctllen bytes, copied in), an address name (namelen). */
static inline uptr tmsghdr(struct proc *p, uptr data, size_t n, const void *ctl, size_t ctllen,
                           uptr name, uint32_t namelen)
{
    struct k_iovec iov = { data, n };
    struct k_msghdr mh;
    memset(&mh, 0, sizeof mh);
    mh.msg_iov = ubytes(p, &iov, sizeof iov);
    mh.msg_iovlen = 1;
    mh.msg_control = ctl ? ubytes(p, ctl, ctllen) : 0;
    mh.msg_controllen = ctllen;
    mh.msg_name = name;
    mh.msg_namelen = namelen;
    return ubytes(p, &mh, sizeof mh);
}

/* Build an SCM_RIGHTS message of n descriptors into buf; its length. */
static inline size_t tcmsg_rights(char *buf, const int *fds, int n)
{
    struct k_cmsghdr h = { K_CMSG_LEN((size_t)n * sizeof(int)), SOL_SOCKET, SCM_RIGHTS };
    memset(buf, 0, K_CMSG_SPACE((size_t)n * sizeof(int)));
    memcpy(buf, &h, sizeof h);
    memcpy(buf + K_CMSG_LEN(0), fds, (size_t)n * sizeof(int));
    return K_CMSG_SPACE((size_t)n * sizeof(int));
}

/* sendmsg of text with n descriptors (SCM_RIGHTS). */
static inline long tsend_fds(struct proc *p, long fd, const char *text, const int *fds, int n)
{
    char ctl[K_CMSG_SPACE(64 * sizeof(int))];
    size_t len = n ? tcmsg_rights(ctl, fds, n) : 0;
    uptr mh = tmsghdr(p, ustr(p, text), strlen(text), n ? ctl : NULL, len, 0, 0);
    return tsys(p, SYS_sendmsg, fd, (long)mh, 0L);
}

/* What a recvmsg got, as the host sees it. */
struct trecvd {
    long   r;
    char   text[256];
    int    fds[64];
    int    nfds;
    bool   cred;
    struct k_ucred ucred;
    int    flags;                   /* msg_flags */
    size_t ctllen;                  /* msg_controllen after */
};

/* recvmsg of at most n bytes with room for ctlroom bytes of control. */
static inline struct trecvd trecv_msg(struct proc *p, long fd, size_t n, size_t ctlroom, long flags)
{
    struct trecvd g;
    memset(&g, 0, sizeof g);
    uptr data = ubuf(p, n + 1);
    uptr ctl = ctlroom ? ubuf(p, ctlroom) : 0;
    struct k_iovec iov = { data, n };
    struct k_msghdr mh;
    memset(&mh, 0, sizeof mh);
    mh.msg_iov = ubytes(p, &iov, sizeof iov);
    mh.msg_iovlen = 1;
    mh.msg_control = ctl;
    mh.msg_controllen = ctlroom;
    uptr u = ubytes(p, &mh, sizeof mh);
    g.r = tsys(p, SYS_recvmsg, fd, (long)u, flags);
    if (g.r < 0)
        return g;
    memcpy(&mh, uhost(p, u), sizeof mh);
    memcpy(g.text, uhost(p, data), (size_t)MIN((long)n, g.r));
    g.flags = mh.msg_flags;
    g.ctllen = mh.msg_controllen;
    const char *c = uhost(p, ctl ? ctl : data);
    for (size_t at = 0; ctl && at + sizeof(struct k_cmsghdr) <= mh.msg_controllen; ) {
        struct k_cmsghdr h;
        memcpy(&h, c + at, sizeof h);
        if (h.cmsg_type == SCM_RIGHTS) {
            g.nfds = (int)((h.cmsg_len - K_CMSG_LEN(0)) / sizeof(int));
            memcpy(g.fds, c + at + K_CMSG_LEN(0), (size_t)g.nfds * sizeof(int));
        } else if (h.cmsg_type == SCM_CREDENTIALS) {
            g.cred = true;
            memcpy(&g.ucred, c + at + K_CMSG_LEN(0), sizeof g.ucred);
        }
        at += K_CMSG_ALIGN(h.cmsg_len);
    }
    return g;
}

/* ---- POSIX message queues ---------------------------------------------------- */

static inline long mopen(struct proc *p, const char *name, long oflag, long mode,
                  long maxmsg, long msgsize)
{
    uptr at = 0;
    if (maxmsg || msgsize) {        /* 0, 0: no attributes */
        struct k_mq_attr a = { 0, maxmsg, msgsize, 0 };
        at = ubytes(p, &a, sizeof a);
    }
    return tsys(p, SYS_mq_open, (long)ustr(p, name), oflag, mode, (long)at);
}

static inline long mcreate(const char *name, long maxmsg, long msgsize)
{
    return mopen(init, name, O_CREAT | O_RDWR, 0600, maxmsg, msgsize);
}

static inline long msend(struct proc *p, long fd, const char *text, long prio)
{
    return tsys(p, SYS_mq_timedsend, fd, (long)ustr(p, text), (long)strlen(text), prio, 0L);
}

/* Receive into a buffer of n bytes: the length; the text in out, its
 * priority in *prio. */
static inline long mrecv(struct proc *p, long fd, long n, char *out, uint32_t *prio)
{
    uptr b = ubuf(p, (size_t)n), pr = ubuf(p, sizeof(uint32_t));
    long r = tsys(p, SYS_mq_timedreceive, fd, (long)b, n, (long)pr, 0L);
    if (r >= 0 && out) {
        memcpy(out, uhost(p, b), (size_t)r);
        out[r] = '\0';
    }
    if (r >= 0 && prio)
        *prio = *(uint32_t *)uhost(p, pr);
    return r;
}

static inline long munlink(struct proc *p, const char *name)
{
    return tsys(p, SYS_mq_unlink, (long)ustr(p, name));
}

static inline struct k_mq_attr mattr(struct proc *p, long fd)
{
    uptr u = ubuf(p, sizeof(struct k_mq_attr));
    CHECK_EQ(tsys(p, SYS_mq_getsetattr, fd, 0L, (long)u), 0);
    struct k_mq_attr a;
    memcpy(&a, uhost(p, u), sizeof a);
    return a;
}

static inline uptr mdeadline(struct proc *p, int64_t ns)
{
    int64_t t = (int64_t)plat_clock_ns(CLOCK_REALTIME) + ns;
    struct k_timespec ts = { t / 1000000000, t % 1000000000 };
    return ubytes(p, &ts, sizeof ts);
}

/* A queue descriptor is close-on-exec (as glibc's mq_open makes it), so
 * a spawned child opens the queue itself: its descriptor for name. */
static inline long kid_open(struct proc *c, const char *name)
{
    long fd = mopen(c, name, O_RDWR, 0, 0, 0);
    CHECK(fd >= 0);
    return fd;
}

#endif
