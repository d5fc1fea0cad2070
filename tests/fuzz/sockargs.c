/*
 * sockargs.c - the arguments of the socket and message-queue calls, made
 * from the input's bytes (args.c makes the others, and lends its helpers).
 *
 * A random integer never makes a valid sockaddr_un or msghdr, so these
 * calls get structures built here in the caller's arena: addresses from
 * the paths a program may create (the end of an input removes every new
 * file, socket nodes included), abstract names, the family alone
 * (autobind), and addresses with a wrong family or length; message
 * headers with I/O vectors and control messages - SCM_RIGHTS with the
 * descriptors the caller holds (the socket the message goes on among
 * them, to make cycles only the collector can free), SCM_CREDENTIALS, and
 * headers whose cmsg_len lies - and queue names and attributes, valid or
 * not. Queues live in /dev/mqueue, where the end of an input removes them
 * as any new file.
 */
#include <limits.h>

#include "fuzz.h"
#include "../../kernel/uapi/socket.h"
#include "../../kernel/uapi/mqueue.h"

/* ---- addresses ------------------------------------------------------------------ */

static const char *const sock_paths[] = {
    "/tmp/s", "/tmp/t", "s", "/tmp/d/s", "/tmp/a",
};

/* A struct sockaddr_un at a fresh place of the arena; g->count is its length. */
static uptr sockaddr_arg(struct gen *g, int i)
{
    struct k_sockaddr_un sa;
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    uint8_t b = in_u8(g->in);
    long len;
    char what[80];
    if (b < 0x10) {
        show(g, i, "NULL");
        g->count = in_u8(g->in) & 1 ? 0 : (long)sizeof sa;
        return 0;
    }
    switch (b % 8) {
    case 0: case 1: case 2: {            /* a path, where a program may create one */
        const char *s = b % 8 == 2 ? arg_wpath_name(in_u8(g->in))
                                   : sock_paths[in_u8(g->in) % N(sock_paths)];
        size_t n = MIN(strlen(s), sizeof sa.sun_path);
        memcpy(sa.sun_path, s, n);
        len = SUN_PATH_OFFSET + (long)n + (n < sizeof sa.sun_path);
        WHAT(what, " {AF_UNIX, \"%.40s\"}", s);
        break;
    }
    case 3: case 4: {                    /* abstract: a NUL, then the name */
        static const char *const names[] = { "a", "b", "svc", "" };
        const char *s = names[in_u8(g->in) % N(names)];
        memcpy(sa.sun_path + 1, s, strlen(s));
        len = SUN_PATH_OFFSET + 1 + (long)strlen(s);
        WHAT(what, " {AF_UNIX, \"\\0%s\"}", s);
        break;
    }
    case 5:                              /* the family alone: autobind */
        len = SUN_PATH_OFFSET;
        WHAT(what, " {AF_UNIX}");
        break;
    case 6:                              /* all 108 bytes, no NUL */
        memset(sa.sun_path, 'z', sizeof sa.sun_path);
        memcpy(sa.sun_path, "/tmp/", 5);
        len = sizeof sa;
        WHAT(what, " {AF_UNIX, 108 bytes unterminated}");
        break;
    default:                             /* another family */
        sa.sun_family = (uint16_t)PICK(g, AF_UNSPEC, AF_INET, 3, 0xffff);
        memcpy(sa.sun_path, "/tmp/s", 7);
        len = SUN_PATH_OFFSET + 7;
        WHAT(what, " {family %u, \"/tmp/s\"}", sa.sun_family);
        break;
    }
    g->count = len;
    return arg_place(g, i, &sa, sizeof sa, what);
}

/* The length of the address just made, or a wrong one. */
static long addrlen_arg(struct gen *g)
{
    uint8_t b = in_u8(g->in);
    if (b < 0xc0)
        return g->count;
    return PICK(g, 0, 1, 2, 3, (long)sizeof(struct k_sockaddr_un),
                (long)sizeof(struct k_sockaddr_un) + 1, -1, INT_MAX, 1L << 32);
}

/* A pointer to a socklen_t the kernel reads and writes. */
static uptr lenp_arg(struct gen *g, int i)
{
    uint8_t b = in_u8(g->in);
    if (b < 0x18) {
        show(g, i, "NULL");
        return 0;
    }
    uint32_t v = (uint32_t)PICK(g, sizeof(struct k_sockaddr_un), sizeof(struct k_sockaddr_un),
                                4, 0, 1, 2, 3, 12, 1000, UINT_MAX);
    char what[24];
    WHAT(what, " {%u}", v);
    return arg_place(g, i, &v, sizeof v, what);
}

/* ---- messages -------------------------------------------------------------------- */

/* Control messages into buf (cap bytes); returns their length. */
static size_t control(struct gen *g, char *buf, size_t cap)
{
    size_t at = 0;
    int n = in_u8(g->in) % 4;
    for (int k = 0; k < n; k++) {
        struct k_cmsghdr h = { 0, SOL_SOCKET, SCM_RIGHTS };
        char data[64];
        size_t dlen = 0;
        uint8_t b = in_u8(g->in);
        switch (b % 6) {
        case 0: case 1: case 2: {        /* descriptors: the socket itself often */
            int nfd = b % 6 == 2 ? in_u8(g->in) % 8 + 1 : 1;
            for (int j = 0; j < nfd; j++) {
                int32_t fd = (int32_t)(in_u8(g->in) < 0x60 ? g->fd : fd_value(g));
                memcpy(data + dlen, &fd, sizeof fd);
                dlen += sizeof fd;
            }
            break;
        }
        case 3: {                        /* credentials: one's own, or a lie */
            struct proc *p = g->fp->p;
            struct k_ucred c = { p->pid, p->uid, p->gid };
            uint8_t lie = in_u8(g->in);
            if (lie & 1) c.pid = (int32_t)pid_value(g);
            if (lie & 2) c.uid = (uint32_t)PICK(g, 0, 1000, 1001, -1);
            if (lie & 4) c.gid = (uint32_t)PICK(g, 0, 1000, 1001, -1);
            h.cmsg_type = SCM_CREDENTIALS;
            memcpy(data, &c, sizeof c);
            dlen = sizeof c;
            break;
        }
        case 4:                          /* another level, another type */
            h.cmsg_level = (int32_t)PICK(g, 0, SOL_SOCKET, 6, -1);
            h.cmsg_type = (int32_t)PICK(g, 0, 3, SCM_CREDENTIALS, -1);
            dlen = 4;
            memset(data, 0, dlen);
            break;
        default:
            dlen = 0;
            break;
        }
        h.cmsg_len = K_CMSG_LEN(dlen);
        if (b >= 0xc0) {                 /* a length that lies */
            static const unsigned long lies[] = { 0, 1, sizeof h - 1, 4096, ULONG_MAX };
            uint8_t l = in_u8(g->in) % 8;
            h.cmsg_len = l < 5 ? lies[l] : l == 5 ? h.cmsg_len + 1 : l == 6 ? h.cmsg_len - 1
                                                                        : h.cmsg_len + (1UL << 32);
        }
        size_t space = K_CMSG_SPACE(dlen);
        if (at + space > cap)
            break;
        memset(buf + at, 0, space);
        memcpy(buf + at, &h, sizeof h);
        memcpy(buf + at + K_CMSG_LEN(0), data, dlen);
        at += space;
    }
    return at;
}

/* A struct msghdr: for sendmsg what to send, for recvmsg where to put it. */
static uptr msghdr_arg(struct gen *g, int i)
{
    uint8_t b = in_u8(g->in);
    if (b < 0x08) {
        uptr a = arg_pointer(g, sizeof(struct k_msghdr));
        show_ptr(g, i, a, "");
        return a;
    }
    struct k_msghdr m;
    memset(&m, 0, sizeof m);
    if (b & 0x10) {                      /* an address */
        m.msg_name = sockaddr_arg(g, i);
        m.msg_namelen = (uint32_t)addrlen_arg(g);
    }
    struct k_iovec iov[5];
    int niov = in_u8(g->in) % 4;
    static uint8_t bytes[65536];
    for (int k = 0; k < niov; k++) {
        size_t n = arg_blob(g, bytes, sizeof bytes);
        iov[k].iov_base = arg_pointer(g, n);
        iov[k].iov_len = n;
        arg_put(g, iov[k].iov_base, bytes, n);
    }
    m.msg_iov = niov || b & 0x20 ? arg_pointer(g, sizeof iov) : 0;
    m.msg_iovlen = (unsigned long)(b & 0x40 ? PICK(g, 0, 5, UIO_MAXIOV + 1, -1) : niov);
    if (m.msg_iov)
        arg_put(g, m.msg_iov, iov, (size_t)niov * sizeof iov[0]);
    char ctl[1024];
    size_t clen = control(g, ctl, sizeof ctl);
    if (clen || b & 0x80) {
        m.msg_control = arg_pointer(g, clen ? clen : 256);
        arg_put(g, m.msg_control, ctl, clen);
        m.msg_controllen = b & 0x80 ? (unsigned long)PICK(g, 0, 4, 16, 24, 256, 65537, -1)
                                    : clen;
    }
    char what[80];
    WHAT(what, " {%lu iov, %lu control bytes, name %s}", m.msg_iovlen, m.msg_controllen,
         m.msg_name ? "yes" : "no");
    return arg_place(g, i, &m, sizeof m, what);
}

/* ---- message queues ------------------------------------------------------------------ */

#define LONGMQ "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm" \
    "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm" \
    "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm" \
    "mmmmmmmmmmmmmmmmmmmmm"              /* NAME_MAX + 1 bytes */

/* The kernel's names have no '/' (the C library takes off the first). */
static const char *const mq_names[] = {
    "q1", "q2", "q1", "jobs", "/q1", "a/b", "", ".", "..", LONGMQ,
};

static uptr mqattr_arg(struct gen *g, int i)
{
    static const int64_t sizes[][2] = {
        { 10, 8192 }, { 1, 1 }, { 2, 16 }, { 0, 0 }, { 10, 8193 }, { 11, 64 },
        { 65536, 16 << 20 }, { 65537, 1 }, { -1, 8 }, { 4, -1 }, { INT64_MAX, INT64_MAX },
    };
    uint8_t b = in_u8(g->in);
    if (b < 0x30) {
        show(g, i, "NULL");
        return 0;
    }
    struct k_mq_attr at = { 0, sizes[b % N(sizes)][0], sizes[b % N(sizes)][1], 0 };
    at.mq_flags = (int64_t)PICK(g, 0, 0, O_NONBLOCK, 1, -1);
    at.mq_curmsgs = (int64_t)PICK(g, 0, 0, 5, -1);
    char what[80];
    WHAT(what, " {flags %#llx, maxmsg %lld, msgsize %lld}", (unsigned long long)at.mq_flags,
         (long long)at.mq_maxmsg, (long long)at.mq_msgsize);
    return arg_place(g, i, &at, sizeof at, what);
}

static uptr sigevent_arg(struct gen *g, int i)
{
    uint8_t b = in_u8(g->in);
    if (b < 0x30) {
        show(g, i, "NULL");
        return 0;
    }
    struct k_sigevent ev = { 0 };
    ev.sigev_notify = (int32_t)PICK(g, SIGEV_SIGNAL, SIGEV_SIGNAL, SIGEV_NONE, SIGEV_THREAD,
                                    99, -1);
    ev.sigev_signo = (int32_t)(b & 1 ? SIGUSR1 : sig_value(g));
    ev.sigev_value = 42;
    char what[48];
    WHAT(what, " {notify %d, signal %d}", ev.sigev_notify, ev.sigev_signo);
    return arg_place(g, i, &ev, sizeof ev, what);
}

static uptr optval_arg(struct gen *g, int i)
{
    int32_t v[3] = { (int32_t)PICK(g, 0, 1, 1, -1, 4096, 65536, 1 << 20, INT_MAX, INT_MIN),
                     0, 0 };
    char what[24];
    WHAT(what, " {%d}", v[0]);
    return arg_place(g, i, v, sizeof v, what);
}

/* ---- one argument ------------------------------------------------------------------- */

static long shown(struct gen *g, int i, long v)
{
    show(g, i, v > -100000 && v < 100000 ? "%ld" : "%#lx", v);
    return v;
}

long sock_arg_make(struct gen *g, enum kind k, int i)
{
    switch (k) {
    case K_DOMAIN:  return shown(g, i, PICK(g, AF_UNIX, AF_UNIX, AF_UNIX, AF_UNSPEC, AF_INET,
                                           10, -1));
    case K_SOCKTYPE: {
        long t = PICK(g, SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_STREAM, SOCK_DGRAM,
                      SOCK_SEQPACKET, SOCK_RAW, SOCK_RDM, 0, 6, 15);
        return shown(g, i, t | FLAGS(g, SOCK_NONBLOCK, SOCK_CLOEXEC, 0x10, 0x100000));
    }
    case K_PROTO:   return shown(g, i, PICK(g, 0, 0, 0, 1, -1, AF_UNIX));
    case K_SOCKADDR: return (long)sockaddr_arg(g, i);
    case K_ADDRLEN: return shown(g, i, addrlen_arg(g));
    case K_LENP:    return (long)lenp_arg(g, i);
    case K_BACKLOG: return shown(g, i, PICK(g, 0, 1, 2, 5, SOMAXCONN, SOMAXCONN + 1, -1,
                                           INT_MAX));
    case K_SOCKFLG: return shown(g, i, FLAGS(g, SOCK_NONBLOCK, SOCK_CLOEXEC, 0x1));
    case K_SENDFLG: return shown(g, i, FLAGS(g, MSG_DONTWAIT, MSG_PEEK, MSG_NOSIGNAL,
                                             MSG_WAITALL, MSG_TRUNC, MSG_OOB,
                                             MSG_CMSG_CLOEXEC, MSG_EOR));
    case K_MSGHDR:  return (long)msghdr_arg(g, i);
    case K_SHUT:    return shown(g, i, PICK(g, SHUT_RD, SHUT_WR, SHUT_RDWR, 3, -1));
    case K_SOLEVEL: return shown(g, i, PICK(g, SOL_SOCKET, SOL_SOCKET, SOL_SOCKET, 0, 6, -1));
    case K_SOOPT:   return shown(g, i, PICK(g, SO_TYPE, SO_ERROR, SO_SNDBUF, SO_RCVBUF,
                                           SO_PASSCRED, SO_PEERCRED, SO_ACCEPTCONN,
                                           SO_PROTOCOL, SO_DOMAIN, SO_PASSCRED, 0, 2, 99));
    case K_OPTVAL:  return (long)optval_arg(g, i);
    case K_OPTLEN:  return shown(g, i, PICK(g, 4, 4, 4, 0, 1, 8, 12, -1));
    case K_MQNAME:  return (long)arg_name(g, i, mq_names, N(mq_names));
    case K_MQATTR:  return (long)mqattr_arg(g, i);
    case K_MQPRIO:  return shown(g, i, PICK(g, 0, 1, 2, 31, MQ_PRIO_MAX - 1, MQ_PRIO_MAX, -1,
                                           UINT_MAX));
    case K_SIGEVENT: return (long)sigevent_arg(g, i);
    default:        break;
    }
    return 0;
}
