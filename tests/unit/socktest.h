/*
 * socktest.h - helpers that the tests of Unix-domain sockets share
 * (test_sock*.c): the socket calls made as a fake process, with addresses,
 * buffers, message headers and control messages built in its user memory
 * (the host's native layouts are the kernel's: see kernel/uapi/socket.h).
 *
 * A call that blocks returns KERN_BLOCK; a test re-issues it later with the
 * same arguments, as a platform would.
 */
#ifndef DUPLEX_SOCKTEST_H
#define DUPLEX_SOCKTEST_H

#include "test.h"
#include "../../kernel/uapi/socket.h"

#define HANDLER 0x4000L             /* a signal handler's (fake) address */

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
static inline long tsendf(struct proc *p, long fd, const char *text, long flags)
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
static inline long trecvf(struct proc *p, long fd, long n, long flags, char *out)
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
static inline void trecv_expect(struct proc *p, long fd, const char *want)
{
    char got[256];
    CHECK_EQ(trecvf(p, fd, 255, MSG_DONTWAIT, got), (long)strlen(want));
    CHECK_STR(got, want);
}

static inline long twrite(struct proc *p, long fd, const char *text)
{
    return tsys(p, SYS_write, fd, (long)ustr(p, text), (long)strlen(text));
}

static inline void tclose(struct proc *p, long fd)
{
    CHECK_EQ(tsys(p, SYS_close, fd), 0);
}

/* A child of init (running /bin/init's fake image); spawn gives it
 * init's descriptors. */
static inline struct proc *tchild(void)
{
    return tspawn(init, "/bin/init");
}

static inline struct proc *tuser_child(long uid)
{
    struct proc *c = tchild();
    CHECK_EQ(tsys(c, SYS_setgid, uid), 0);
    CHECK_EQ(tsys(c, SYS_setuid, uid), 0);
    return c;
}

/* Kill p with sig from init and reap it: p must have left every queue. */
static inline void tkill_reap(struct proc *p, int sig)
{
    int pid = p->pid;
    CHECK_EQ(tsys(init, SYS_kill, (long)pid, (long)sig), 0);
    CHECK_EQ(p->state, P_ZOMBIE);
    CHECK(p->nwaits == 0);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
}

static inline long tsigaction(struct proc *p, int sig, uint64_t handler, uint32_t flags)
{
    struct k_sigaction sa = { .sa_handler = handler, .sa_flags = flags };
    return tsys(p, SYS_sigaction, (long)sig, (long)ubytes(p, &sa, sizeof sa), 0L);
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

#endif
