/*
 * socket.c - Unix-domain sockets: the object, its file, its end.
 *
 * A socket is an F_OBJ file (kernel.h) whose object is a struct sock
 * (sock.h). Descriptors give it dup, inheritance through spawn and fork,
 * close-on-exec and release at exit for nothing; closing its last file is
 * sock_release. Three types share everything here: SOCK_STREAM (a byte
 * stream, sock_stream.c), SOCK_DGRAM (messages to any bound socket,
 * sock_dgram.c) and SOCK_SEQPACKET (messages over a connection: the
 * connections of a stream, the data path of a datagram socket).
 *
 * A socket is counted (refs) by its file and by every pointer to it that
 * another socket keeps: its peer's, and a listener's for a connection not
 * yet accepted (an "embryo", which has no file until accept). Release,
 * when the file goes, tells the peer (end of file, EPIPE, ECONNRESET, as
 * Linux does), drops the queued data - and the descriptors in flight in
 * it, which may be sockets whose release does the same: scm.c closes them
 * one after the other, never nested, and collects cycles of sockets that
 * only messages still hold. The memory goes with the last reference.
 *
 * Nothing here sleeps; a call that must wait goes on one of two queues of
 * a socket - rwait for something to take (data, a connection), wwait for
 * room (in this socket's receive queue, or its listener's backlog) - and
 * returns KERN_BLOCK, having changed nothing. docs/ipc/sockets.md.
 */
#include "sock.h"

struct sock *sock_all;              /* newest first */
static uint32_t next_id;

static void sock_file_close(struct file *f);
static pollfn_t sock_poll;
static const struct fileops sock_ops = {
    "socket", sock_file_close, sock_file_read, sock_file_write, sock_poll,
};

void sock_init(void)
{
    sock_all = NULL;
    next_id = 1;
    kstats.sockets = kstats.inflight = 0;
}

struct k_ucred sock_cred_of(struct proc *p)
{
    return (struct k_ucred){ p->pid, p->uid, p->gid };
}

/* ---- the object ------------------------------------------------------------ */

struct sock *sock_new(struct proc *p, int type)
{
    struct sock *s = kzalloc(sizeof *s);
    if (!s)
        return NULL;
    s->id = next_id++;
    s->refs = 1;
    s->type = (uint8_t)type;
    s->state = SK_UNCONN;
    s->cred = sock_cred_of(p);
    s->peercred = (struct k_ucred){ 0, (uint32_t)-1, (uint32_t)-1 };
    s->sndbuf = s->rcvbuf = SOCK_BUF_DEFAULT;
    s->next = sock_all;
    sock_all = s;
    kstats.sockets++;
    return s;
}

void sock_get(struct sock *s)
{
    s->refs++;
}

/* The last reference: a released socket, its queues empty. */
void sock_put(struct sock *s)
{
    KASSERT(s->refs > 0);
    if (--s->refs > 0)
        return;
    KASSERT(s->dead && !s->peer && !s->pending && !s->msgs && !s->recs);
    /* Pollers of a socket that pointed here as its peer are gone with
     * that pointer; nobody else waits on a dead socket's queues. */
    wakeup(&s->rwait);
    wakeup(&s->wwait);
    struct sock **pp = &sock_all;
    while (*pp != s)
        pp = &(*pp)->next;
    *pp = s->next;
    if (s->name)
        name_put(s->name);
    kfree(s->ring);
    kfree(s);
    kstats.sockets--;
}

/* Point s at peer (taking a reference), dropping the old one. */
void sock_set_peer(struct sock *s, struct sock *peer)
{
    struct sock *old = s->peer;
    if (peer)
        sock_get(peer);
    s->peer = peer;
    if (old) {
        wakeup(&old->wwait);        /* s's pollers may wait there */
        sock_put(old);
    }
}

/*
 * The socket's file has closed (or an embryo's listener let it go): the
 * peer hears of it, the queued data goes, the name is let go. A stream or
 * seqpacket peer gets both directions shut, and ECONNRESET too if data was
 * left unread here or the connection was never accepted, as on Linux. A
 * datagram socket connected to this one learns at its next send.
 */
void sock_release(struct sock *s)
{
    bool unread = s->rpos != s->wpos || s->msgs;
    bool embryo = !s->file && s->state == SK_CONNECTED;
    s->dead = true;
    s->file = NULL;
    sock_unbind(s);
    if (s->state == SK_LISTEN)
        sock_drop_pending(s);
    struct sock *peer = s->peer;
    if (peer && s->type != SOCK_DGRAM) {
        peer->shut = SHUT_BOTH;
        if (unread || embryo)
            peer->err = ECONNRESET;
        wakeup(&peer->rwait);
        wakeup(&peer->wwait);
    }
    sock_set_peer(s, NULL);
    stream_purge(s);
    msg_purge(s);
    wakeup(&s->rwait);
    wakeup(&s->wwait);
    scm_gc_wanted();
    sock_put(s);
}

/* ---- its file ---------------------------------------------------------------- */

struct file *sock_file(struct sock *s, int flags)
{
    struct file *f = file_alloc();
    if (!f)
        return NULL;
    f->type = F_OBJ;
    f->flags = O_RDWR | ((uint32_t)flags & O_NONBLOCK);
    f->ops = &sock_ops;
    f->obj = s;
    s->file = f;
    return f;
}

struct sock *sock_of(struct file *f)
{
    return f && f->type == F_OBJ && f->ops == &sock_ops ? f->obj : NULL;
}

bool is_socket(struct file *f)
{
    return sock_of(f) != NULL;
}

uint32_t sock_file_id(struct file *f)
{
    return sock_of(f)->id;
}

long sock_fd(struct proc *p, long fd, struct sock **out, struct file **fp)
{
    struct file *f = fd < 0 || fd >= NOFILE ? NULL : fd_get(p, (int)fd);
    if (!f)
        return -EBADF;
    if (!(*out = sock_of(f)))
        return -ENOTSOCK;
    if (fp)
        *fp = f;
    return 0;
}

long sock_install(struct proc *p, struct file *f, bool cloexec)
{
    int fd = fd_alloc(p, f, 0);
    if (fd >= 0 && cloexec)
        p->cloexec |= (uint64_t)1 << fd;
    return fd;
}

static void sock_file_close(struct file *f)
{
    sock_release(f->obj);
    scm_settle();
}

const char *sock_what(struct proc *p, struct sock *s, const char *op)
{
    return wait_text(p, "sock %u %s", (unsigned)s->id, op);
}

long sock_wait(struct proc *p, struct sock *s, struct waitq *wq, const char *op,
               bool nonblock)
{
    if (nonblock)
        return -EAGAIN;
    return sleep_on(p, wq, sock_what(p, s, op));
}

/* ---- socket(domain, type, protocol), socketpair(..., sv) ------------------------ */

/* The type asked for, or an error, in the order Linux checks them: an
 * unknown flag is EINVAL, a family other than AF_UNIX EAFNOSUPPORT, a type
 * beyond Linux's last EINVAL, a protocol other than 0 or PF_UNIX
 * EPROTONOSUPPORT, a type AF_UNIX does not have ESOCKTNOSUPPORT. SOCK_RAW
 * is a datagram socket, as on Linux. */
static long check_type(long domain, long type, long protocol, int *kind)
{
    if (type & ~(long)(SOCK_TYPE_MASK | SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    int t = (int)(type & SOCK_TYPE_MASK);
    if (domain != AF_UNIX)
        return -EAFNOSUPPORT;
    if (t > 10)                             /* SOCK_PACKET, Linux's last */
        return -EINVAL;
    if (protocol != 0 && protocol != AF_UNIX)
        return -EPROTONOSUPPORT;
    if (t != SOCK_STREAM && t != SOCK_DGRAM && t != SOCK_RAW && t != SOCK_SEQPACKET)
        return -ESOCKTNOSUPPORT;
    *kind = t == SOCK_RAW ? SOCK_DGRAM : t;
    return 0;
}

/* A new socket with a file; NULL when out of memory. */
static struct file *new_socket_file(struct proc *p, int kind, long type)
{
    struct sock *s = sock_new(p, kind);
    if (!s)
        return NULL;
    struct file *f = sock_file(s, (int)type);
    if (!f) {
        s->dead = true;
        sock_put(s);
    }
    return f;
}

long sys_socket(struct proc *p, const long *a)
{
    int kind;
    long r = check_type(a[0], a[1], a[2], &kind);
    if (r < 0)
        return r;
    struct file *f = new_socket_file(p, kind, a[1]);
    if (!f)
        return -ENOMEM;
    r = sock_install(p, f, (a[1] & SOCK_CLOEXEC) != 0);
    if (r < 0)
        file_close(f);
    return r;
}

/* Two sockets connected to each other, with the caller's credentials as
 * each one's peer's. Linux refuses a family it knows but cannot pair with
 * EOPNOTSUPP, and so does Duplex for AF_INET. */
long sys_socketpair(struct proc *p, const long *a)
{
    int kind;
    long r = check_type(a[0], a[1], a[2], &kind);
    if (r == -EAFNOSUPPORT && a[0] == AF_INET)
        r = -EOPNOTSUPP;
    if (r < 0)
        return r;
    struct file *f0 = new_socket_file(p, kind, a[1]);
    struct file *f1 = f0 ? new_socket_file(p, kind, a[1]) : NULL;
    if (!f1) {
        if (f0)
            file_close(f0);
        return -ENOMEM;
    }
    struct sock *s0 = f0->obj, *s1 = f1->obj;
    sock_set_peer(s0, s1);
    sock_set_peer(s1, s0);
    s0->state = s1->state = SK_CONNECTED;
    s0->peercred = s1->peercred = sock_cred_of(p);
    int fds[2] = { -1, -1 };
    bool cloexec = (a[1] & SOCK_CLOEXEC) != 0;
    fds[0] = (int)sock_install(p, f0, cloexec);
    if (fds[0] >= 0)
        fds[1] = (int)sock_install(p, f1, cloexec);
    r = fds[1] < 0 ? (fds[0] < 0 ? fds[0] : fds[1]) : 0;
    if (r == 0 && copyout(p, (uptr)a[3], fds, sizeof fds) < 0)
        r = -EFAULT;
    if (r < 0) {
        for (int i = 0; i < 2; i++) {
            if (fds[i] >= 0) {
                p->ofile[fds[i]] = NULL;
                p->cloexec &= ~((uint64_t)1 << fds[i]);
            }
        }
        file_close(f0);
        file_close(f1);
    }
    return r;
}

/* ---- poll ----------------------------------------------------------------------- */

/*
 * As Linux answers it (unix_poll, unix_dgram_poll): POLLERR with a pending
 * error; POLLHUP when both directions are shut, or a stream or seqpacket
 * socket is not connected; POLLRDHUP and POLLIN once the peer will send no
 * more; POLLIN with data, or a connection to accept. POLLOUT when a send
 * would not wait: for a connected socket, room at the peer.
 */
static unsigned sock_poll(struct file *f, unsigned events, struct proc *waiter)
{
    struct sock *s = f->obj;
    unsigned got = 0;
    if (s->err)
        got |= POLLERR;
    if (s->shut == SHUT_BOTH)
        got |= POLLHUP;
    if (s->shut & SHUT_RCV)
        got |= POLLRDHUP | POLLIN | POLLRDNORM;
    if (s->rpos != s->wpos || s->msgs || s->pending)
        got |= POLLIN | POLLRDNORM;
    if (s->type != SOCK_DGRAM && s->state == SK_UNCONN)
        got |= POLLHUP;
    if (waiter)
        wait_also(waiter, &s->rwait);
    if (s->state == SK_LISTEN)
        return got;
    struct sock *peer = s->peer;
    bool room = true;
    if (peer && !peer->dead && !(s->shut & SHUT_SEND)) {
        room = s->type == SOCK_STREAM ? stream_room(peer) > REC_COST : !msg_full(peer, 1);
        if (waiter && (events & (POLLOUT | POLLWRNORM)))
            wait_also(waiter, &peer->wwait);
    }
    if (room)
        got |= POLLOUT | POLLWRNORM | POLLWRBAND;
    return got;
}

/* ---- shutdown(fd, how) ------------------------------------------------------------ */

/* Shutting a direction here shuts the other one at a stream or seqpacket
 * peer: SHUT_WR here is end of file there. An unconnected socket takes it
 * and nothing happens, as on Linux. */
long sys_shutdown(struct proc *p, const long *a)
{
    struct sock *s;
    long r = sock_fd(p, a[0], &s, NULL);
    if (r < 0)
        return r;
    if (a[1] < SHUT_RD || a[1] > SHUT_RDWR)
        return -EINVAL;
    uint8_t mode = (uint8_t)(a[1] + 1);     /* SHUT_RD 1, SHUT_WR 2, both 3 */
    s->shut |= mode;
    wakeup(&s->rwait);
    wakeup(&s->wwait);
    struct sock *peer = s->peer;
    if (peer && s->type != SOCK_DGRAM) {
        peer->shut |= (uint8_t)(((mode & SHUT_RCV) ? SHUT_SEND : 0) |
                                ((mode & SHUT_SEND) ? SHUT_RCV : 0));
        wakeup(&peer->rwait);
        wakeup(&peer->wwait);
    }
    return 0;
}

/* ---- getsockopt, setsockopt: level SOL_SOCKET -------------------------------------- */

/* The value of an option that has one int (or a ucred); -ENOPROTOOPT for
 * an unknown one. SO_ERROR reports the pending error and clears it. */
static long opt_value(struct sock *s, long name, int32_t *v, struct k_ucred *cred)
{
    switch (name) {
    case SO_TYPE:       *v = s->type; return 0;
    case SO_ERROR:      *v = s->err; s->err = 0; return 0;
    case SO_SNDBUF:     *v = (int32_t)s->sndbuf; return 0;
    case SO_RCVBUF:     *v = (int32_t)s->rcvbuf; return 0;
    case SO_PASSCRED:   *v = s->passcred; return 0;
    case SO_ACCEPTCONN: *v = s->state == SK_LISTEN; return 0;
    case SO_DOMAIN:     *v = AF_UNIX; return 0;
    case SO_PROTOCOL:   *v = 0; return 0;
    case SO_PEERCRED:   *cred = s->peercred; return 0;
    default:            return -ENOPROTOOPT;
    }
}

/* getsockopt(fd, level, name, val, lenp): the value, cut to *lenp bytes,
 * and its length back in *lenp, as Linux does. */
long sys_getsockopt(struct proc *p, const long *a)
{
    struct sock *s;
    long r = sock_fd(p, a[0], &s, NULL);
    if (r < 0)
        return r;
    if (a[1] != SOL_SOCKET)
        return -EOPNOTSUPP;
    int32_t len;
    if (copyin(p, &len, (uptr)a[4], sizeof len) < 0)
        return -EFAULT;
    if (len < 0)
        return -EINVAL;
    int32_t v = 0;
    struct k_ucred cred;
    if ((r = opt_value(s, a[2], &v, &cred)) < 0)
        return r;
    const void *src = a[2] == SO_PEERCRED ? (const void *)&cred : (const void *)&v;
    int32_t size = a[2] == SO_PEERCRED ? (int32_t)sizeof cred : (int32_t)sizeof v;
    len = MIN(len, size);
    if (copyout(p, (uptr)a[3], src, (size_t)len) < 0 ||
        copyout(p, (uptr)a[4], &len, sizeof len) < 0)
        return -EFAULT;
    return 0;
}

/* Linux doubles a buffer size it is given (to leave room for its own
 * bookkeeping) and keeps it within its bounds; so does Duplex, whose
 * bookkeeping is smaller, so that a program reads back what it would on
 * Linux. */
static uint32_t buf_size(int32_t v, uint32_t min)
{
    uint32_t u = (uint32_t)v;               /* a negative size is huge, as on Linux */
    u = MIN(u, (uint32_t)SOCK_BUF_DEFAULT);
    return MAX(u * 2, min);
}

long sys_setsockopt(struct proc *p, const long *a)
{
    struct sock *s;
    long r = sock_fd(p, a[0], &s, NULL);
    if (r < 0)
        return r;
    if (a[1] != SOL_SOCKET)
        return -EOPNOTSUPP;
    int32_t v;
    if (a[4] < (long)sizeof v)
        return -EINVAL;
    if (copyin(p, &v, (uptr)a[3], sizeof v) < 0)
        return -EFAULT;
    switch (a[2]) {
    case SO_SNDBUF:
        s->sndbuf = buf_size(v, SOCK_SNDBUF_MIN);
        return 0;
    case SO_RCVBUF:
        s->rcvbuf = buf_size(v, SOCK_RCVBUF_MIN);
        wakeup(&s->wwait);                  /* there may be room now */
        return 0;
    case SO_PASSCRED:
        s->passcred = v != 0;
        return 0;
    case SO_TYPE: case SO_ERROR: case SO_PEERCRED: case SO_ACCEPTCONN:
    case SO_DOMAIN: case SO_PROTOCOL:
        return -ENOPROTOOPT;                /* read-only, as Linux says */
    default:
        return -ENOPROTOOPT;
    }
}

/* ---- sock_list(slot, struct k_sockinfo *), for ss ----------------------------------- */

static uint8_t list_state(struct sock *s)
{
    if (s->state == SK_LISTEN)
        return SOCK_ST_LISTEN;
    if (s->state == SK_CONNECTED)
        return s->peer && !s->peer->dead ? SOCK_ST_ESTAB : SOCK_ST_CLOSED;
    return SOCK_ST_UNCONN;
}

/* The socket with the smallest id above slot (0 to begin); returns its id,
 * the slot to ask for next, or 0 when there is none. Released sockets
 * that a peer still holds are not listed. */
long sys_sock_list(struct proc *p, const long *a)
{
    if (a[0] < 0)
        return -EINVAL;
    struct sock *best = NULL;
    for (struct sock *s = sock_all; s; s = s->next)
        if (!s->dead && s->id > (unsigned long)a[0] && (!best || s->id < best->id))
            best = s;
    if (!best)
        return 0;
    struct k_sockinfo si;
    memset(&si, 0, sizeof si);
    si.id = best->id;
    si.peer = best->peer ? best->peer->id : 0;
    si.type = best->type;
    si.state = list_state(best);
    if (best->state == SK_LISTEN) {
        si.recvq = (uint32_t)best->npending;
        si.sendq = (uint32_t)best->backlog;
    } else {
        si.recvq = best->type == SOCK_STREAM ? stream_queued(best) : best->msg_bytes;
        struct sock *peer = best->peer;
        if (peer && !peer->dead)
            si.sendq = peer->type == SOCK_STREAM ? stream_queued(peer) : peer->msg_bytes;
    }
    si.namelen = best->name ? best->name->len : SUN_PATH_OFFSET;
    si.addr.sun_family = AF_UNIX;
    if (best->name)
        si.addr = best->name->addr;
    if (copyout(p, (uptr)a[1], &si, sizeof si) < 0)
        return -EFAULT;
    return best->id;
}

/* ---- the live view (kernel/snapshot.c) -------------------------------------------- */

static const char *const type_names[] = {
    [SOCK_STREAM] = "stream", [SOCK_DGRAM] = "dgram", [SOCK_SEQPACKET] = "seqpacket",
};
static const char *const state_names[] = {
    [SK_UNCONN] = "unconnected", [SK_LISTEN] = "listening", [SK_CONNECTED] = "connected",
};

/* Every socket not yet released: its type and state, its path, its peer,
 * what waits in its receive buffer (bytes of a stream, else messages;
 * connections not accepted for a listener), and who waits on it. The id
 * is the one ps says in "sock N recv" and ss in its inode column. */
void sock_snap(struct snap *sn)
{
    for (struct sock *s = sock_all; s; s = s->next) {
        if (s->dead)
            continue;
        snap_put(sn, "obj\tkind=sock\tid=%u\ttype=%s\tstate=%s", (unsigned)s->id,
                 type_names[s->type], state_names[s->state]);
        if (s->name && s->name->len > SUN_PATH_OFFSET && s->name->addr.sun_path[0])
            snap_text(sn, "path", s->name->addr.sun_path);
        if (s->peer)
            snap_put(sn, "\tpeer=%u", (unsigned)s->peer->id);
        if (s->state == SK_LISTEN)
            snap_put(sn, "\tpending=%d\tbacklog=%d", s->npending, s->backlog);
        else if (s->type == SOCK_STREAM)
            snap_put(sn, "\tqueued=%u\tcap=%u", (unsigned)(s->wpos - s->rpos),
                     (unsigned)s->rcvbuf);
        else
            snap_put(sn, "\tmsgs=%u\tqueued=%u\tcap=%u", (unsigned)s->nmsgs,
                     (unsigned)s->msg_bytes, (unsigned)s->rcvbuf);
        snap_waiters(sn, (struct waitq *const[]){ &s->rwait, &s->wwait, NULL });
        snap_put(sn, "\n");
    }
}

bool sock_snap_file(struct file *f, struct snap *sn)
{
    struct sock *s = sock_of(f);
    if (!s)
        return false;
    snap_put(sn, "\tkind=sock\tid=%u\trole=socket", (unsigned)s->id);
    return true;
}
