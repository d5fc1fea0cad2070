/*
 * sock_conn.c - connections: listen, connect, accept.
 *
 * A stream or seqpacket socket bound to an address listens; a connect to
 * that address makes the server's end of the new connection at once, as
 * Linux does - a socket without a file yet, an "embryo" - connects the two
 * ends to each other and queues the embryo at the listener. So connect
 * returns as soon as the connection is queued, and the client may write
 * before the server accepts: the bytes wait in the embryo. accept takes
 * the oldest embryo and gives it a file. A listener holds at most its
 * backlog plus one connections (Linux's count); a connect beyond that
 * waits for an accept, or fails with EAGAIN if non-blocking. Closing the
 * listener resets every connection still queued: their clients read
 * ECONNRESET, then end of file.
 *
 * connect on a datagram socket only sets (or, with AF_UNSPEC, clears) the
 * peer its sends go to when they name no address, and the only one it
 * receives from.
 *
 * The calls that wait - connect on a full backlog, accept on an empty one
 * - do so before changing anything, and a re-issued call starts over.
 */
#include "sock.h"

/* ---- listen(fd, backlog) ------------------------------------------------------- */

long sys_listen(struct proc *p, const long *a)
{
    struct sock *s;
    long r = sock_fd(p, a[0], &s, NULL);
    if (r < 0)
        return r;
    if (s->type == SOCK_DGRAM)
        return -EOPNOTSUPP;
    if (!s->name || (s->state != SK_UNCONN && s->state != SK_LISTEN))
        return -EINVAL;
    unsigned long backlog = (unsigned long)a[1];   /* a negative one is huge */
    int b = (int)MIN(backlog, (unsigned long)SOMAXCONN);
    if (b > s->backlog)
        wakeup(&s->wwait);          /* connects waiting for room */
    s->backlog = b;
    s->state = SK_LISTEN;
    s->cred = sock_cred_of(p);      /* what its clients' SO_PEERCRED will say */
    return 0;
}

/* Every connection not yet accepted is reset (sock_release tells its
 * client). */
void sock_drop_pending(struct sock *listener)
{
    while (listener->pending) {
        struct sock *e = listener->pending;
        listener->pending = e->next_pending;
        listener->npending--;
        e->next_pending = NULL;
        sock_release(e);            /* drops the queue's reference */
    }
    listener->pending_tail = NULL;
}

/* ---- connect(fd, addr, len) ----------------------------------------------------- */

/* A datagram socket's default peer. Linux: AF_UNSPEC (with at least the
 * family's bytes) disconnects; a peer that is connected to a third socket
 * refuses with EPERM. */
static long connect_dgram(struct proc *p, struct sock *s, uptr uaddr, long len)
{
    uint16_t family = AF_UNIX;
    if (len >= (long)sizeof family && copyin(p, &family, uaddr, sizeof family) < 0)
        return -EFAULT;
    if (len >= (long)sizeof family && family == AF_UNSPEC) {
        sock_set_peer(s, NULL);
        s->state = SK_UNCONN;
        return 0;
    }
    struct sock_name *n;
    long r = sock_addr_in(p, uaddr, len, &n);
    if (r < 0)
        return r;
    struct sock *other = NULL;
    if (s->passcred)
        r = sock_autobind(s);
    if (r == 0)
        r = sock_lookup(p, n, SOCK_DGRAM, &other);
    name_put(n);
    if (r < 0)
        return r;
    if (other->peer && other->peer != s) {
        r = -EPERM;
    } else {
        sock_set_peer(s, other);
        s->state = SK_CONNECTED;
    }
    sock_put(other);
    return r;
}

/* The server's end of a new connection from s to listener: connected to
 * s, named as the listener, with s's credentials as its peer's. */
static struct sock *make_embryo(struct proc *p, struct sock *s, struct sock *listener)
{
    struct sock *e = sock_new(p, s->type);
    if (!e)
        return NULL;
    e->state = SK_CONNECTED;
    e->cred = listener->cred;
    e->peercred = sock_cred_of(p);
    if (listener->name) {
        name_get(listener->name);
        e->name = listener->name;
    }
    sock_set_peer(e, s);
    return e;
}

/* In the order of Linux's checks: the address (EINVAL), the listener it
 * names (ENOENT, EACCES, ECONNREFUSED, EPROTOTYPE), room in its backlog
 * (wait, or EAGAIN), and only then the caller's own state. */
static long connect_stream(struct proc *p, struct sock *s, struct file *f, uptr uaddr,
                           long len)
{
    struct sock_name *n;
    long r = sock_addr_in(p, uaddr, len, &n);
    if (r < 0)
        return r;
    struct sock *other = NULL;
    if (s->passcred)
        r = sock_autobind(s);
    if (r == 0)
        r = sock_lookup(p, n, s->type, &other);
    name_put(n);
    if (r < 0)
        return r;
    if (other->state != SK_LISTEN || (other->shut & SHUT_RCV))
        r = -ECONNREFUSED;
    else if (other->npending > other->backlog)
        r = sock_wait(p, other, &other->wwait, "connect", (f->flags & O_NONBLOCK) != 0);
    else if (s->state != SK_UNCONN)
        r = s->state == SK_CONNECTED ? -EISCONN : -EINVAL;
    if (r != 0) {
        sock_put(other);
        return r;
    }
    struct sock *e = make_embryo(p, s, other);
    if (!e) {
        sock_put(other);
        return -ENOMEM;
    }
    sock_set_peer(s, e);
    s->state = SK_CONNECTED;
    s->peercred = other->cred;
    if (other->pending_tail)
        other->pending_tail->next_pending = e;
    else
        other->pending = e;
    other->pending_tail = e;
    other->npending++;
    wakeup(&other->rwait);
    sock_put(other);
    return 0;
}

long sys_connect(struct proc *p, const long *a)
{
    struct sock *s;
    struct file *f;
    long r = sock_fd(p, a[0], &s, &f);
    if (r < 0)
        return r;
    if (s->type == SOCK_DGRAM)
        return connect_dgram(p, s, (uptr)a[1], a[2]);
    return connect_stream(p, s, f, (uptr)a[1], a[2]);
}

/* ---- accept4(fd, addr, lenp, flags) --------------------------------------------- */

/*
 * The client's address goes out before the connection leaves the queue,
 * so that a bad address loses nothing (Linux would have dropped the
 * connection). The new descriptor gets the flags accept4 was given, not
 * the listener's.
 */
long sys_accept4(struct proc *p, const long *a)
{
    struct sock *s;
    struct file *lf;
    long r = sock_fd(p, a[0], &s, &lf);
    if (r < 0)
        return r;
    long flags = a[3];
    if (flags & ~(long)(SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    if (s->type == SOCK_DGRAM)
        return -EOPNOTSUPP;
    if (s->state != SK_LISTEN)
        return -EINVAL;
    struct sock *e = s->pending;
    if (!e)
        return sock_wait(p, s, &s->rwait, "accept", (lf->flags & O_NONBLOCK) != 0);
    int fd = fd_free(p);
    if (fd < 0)
        return fd;
    if (a[1] && (r = sock_addr_out(p, e->peer ? e->peer->name : NULL,
                                   (uptr)a[1], (uptr)a[2])) < 0)
        return r;
    struct file *f = sock_file(e, (int)flags);
    if (!f)
        return -ENOMEM;
    s->pending = e->next_pending;
    if (!s->pending)
        s->pending_tail = NULL;
    s->npending--;
    e->next_pending = NULL;
    wakeup(&s->wwait);              /* room in the backlog */
    return sock_install(p, f, (flags & SOCK_CLOEXEC) != 0);
}
