/*
 * sock_io.c - sending and receiving: send/sendto/sendmsg, recv/recvfrom/
 * recvmsg, and read and write of a socket's file.
 *
 * Every way in ends in do_send or do_recv, which find where the data goes
 * by the socket's type: a stream's peer (sock_stream.c), a seqpacket
 * connection's peer or a datagram's addressee (sock_dgram.c). The caller's
 * buffers are an I/O vector (struct uio): one buffer for read, write, send
 * and recv; sendmsg's and recvmsg's msg_iov for those two.
 *
 * A receive must not lose anything if a part of the call fails after the
 * data was found: so it is done in two steps. The data path looks (and
 * copies the bytes out); then the address and the control data are
 * written out - credentials, and descriptors at the slots they will take;
 * only when all that succeeded are the descriptors installed and the data
 * consumed. A fault anywhere leaves the queue as it was (Linux would have
 * consumed it).
 *
 * System calls that drop descriptors in flight (a receive without room
 * for them, a send that fails) end with scm_settle, which closes them.
 */
#include "sock.h"

#define SSIZE_MAX_ ((size_t)(~0UL >> 1))

/* ---- I/O vectors ---------------------------------------------------------------- */

static long uio_move(struct proc *p, struct uio *u, size_t off, char *k, size_t n, bool out)
{
    for (unsigned long i = 0; i < u->niov && n > 0; i++) {
        size_t len = u->iov[i].iov_len;
        if (off >= len) {
            off -= len;
            continue;
        }
        size_t m = MIN(len - off, n);
        uptr at = u->iov[i].iov_base + off;
        if ((out ? copyout(p, at, k, m) : copyin(p, k, at, m)) < 0)
            return -EFAULT;
        k += m;
        n -= m;
        off = 0;
    }
    return 0;
}

long uio_in(struct proc *p, struct uio *u, size_t off, void *dst, size_t n)
{
    return n ? uio_move(p, u, off, dst, n, false) : 0;
}

long uio_out(struct proc *p, struct uio *u, size_t off, const void *src, size_t n)
{
    return n ? uio_move(p, u, off, (char *)src, n, true) : 0;
}

static void uio_one(struct uio *u, uptr buf, size_t n)
{
    u->one.iov_base = buf;
    u->one.iov_len = n;
    u->iov = &u->one;
    u->niov = 1;
    u->total = n;
}

/* msg_iov from user memory. As on Linux: more than UIO_MAXIOV entries is
 * EMSGSIZE, a length beyond a ssize_t (or a sum beyond one) EINVAL. */
static long uio_user(struct proc *p, struct uio *u, uptr iov, unsigned long niov)
{
    if (niov > UIO_MAXIOV)
        return -EMSGSIZE;
    u->iov = niov <= 1 ? &u->one : kalloc(niov * sizeof(struct k_iovec));
    u->niov = niov;
    u->total = 0;
    if (!u->iov)
        return -ENOMEM;
    long r = niov && copyin(p, u->iov, iov, niov * sizeof(struct k_iovec)) < 0 ? -EFAULT : 0;
    for (unsigned long i = 0; r == 0 && i < niov; i++) {
        size_t len = u->iov[i].iov_len;
        if (len > SSIZE_MAX_ || u->total + len > SSIZE_MAX_)
            r = -EINVAL;
        u->total += len;
    }
    if (r < 0 && u->iov != &u->one)
        kfree(u->iov);
    return r;
}

static void uio_done(struct uio *u)
{
    if (u->iov != &u->one)
        kfree(u->iov);
}

/* ---- sending --------------------------------------------------------------------- */

/* A datagram to the address given, or to the socket's default peer. As on
 * Linux: a peer that has gone is ECONNREFUSED once, and then the socket
 * is disconnected; a receiver connected to a third socket refuses with
 * EPERM; either side's shutdown is EPIPE (without SIGPIPE). */
static long dgram_send(struct proc *p, struct sock *s, struct uio *u, int flags,
                       struct sock_name *to, struct scm *scm)
{
    struct sock *other;
    long r = s->passcred ? sock_autobind(s) : 0;
    if (r < 0)
        return r;
    if (to) {
        if ((r = sock_lookup(p, to, SOCK_DGRAM, &other)) < 0)
            return r;
    } else {
        if (!(other = s->peer))
            return -ENOTCONN;
        if (other->dead) {
            sock_set_peer(s, NULL);
            s->state = SK_UNCONN;
            return -ECONNREFUSED;
        }
        sock_get(other);
    }
    if (other->peer && other->peer != s)
        r = -EPERM;
    else if ((s->shut & SHUT_SEND) || (other->shut & SHUT_RCV))
        r = -EPIPE;
    else
        r = msg_send(p, s, other, u, flags, scm);
    sock_put(other);
    return r;
}

static long do_send(struct proc *p, struct sock *s, struct file *f, struct uio *u, int flags,
                    struct sock_name *to, struct scm *scm)
{
    if (f->flags & O_NONBLOCK)
        flags |= MSG_DONTWAIT;
    if (flags & MSG_OOB)
        return -EOPNOTSUPP;
    if (s->type == SOCK_STREAM)
        return stream_send(p, s, u, flags, scm);
    if (u->total > s->sndbuf - 32)
        return -EMSGSIZE;
    if (s->type == SOCK_DGRAM)
        return dgram_send(p, s, u, flags, to, scm);
    /* SOCK_SEQPACKET: its connection's peer, whatever address is given;
     * a closed direction is EPIPE without SIGPIPE, as on Linux. */
    struct sock *peer = s->peer;
    if (s->state != SK_CONNECTED || !peer)
        return -ENOTCONN;
    if ((s->shut & SHUT_SEND) || peer->dead || (peer->shut & SHUT_RCV))
        return -EPIPE;
    return msg_send(p, s, peer, u, flags, scm);
}

/* The common end of every send: the address, if any, then the data. */
static long send_common(struct proc *p, long fd, struct uio *u, int flags, uptr uaddr,
                        long alen, uptr ctl, size_t ctllen)
{
    struct sock *s;
    struct file *f;
    long r = sock_fd(p, fd, &s, &f);
    if (r < 0)
        return r;
    /* A stream refuses any address; a seqpacket connection ignores it. */
    if (uaddr && alen && s->type == SOCK_STREAM)
        return s->state == SK_CONNECTED ? -EISCONN : -EOPNOTSUPP;
    struct sock_name *to = NULL;
    if (uaddr && alen && s->type == SOCK_DGRAM && (r = sock_addr_in(p, uaddr, alen, &to)) < 0)
        return r;
    struct scm scm;
    r = scm_parse(p, ctl, ctllen, &scm);
    if (r == 0)
        r = do_send(p, s, f, u, flags, to, &scm);
    scm_drop(&scm);                 /* what a send did not queue */
    name_put(to);
    scm_settle();
    return r;
}

long sock_file_write(struct proc *p, struct file *f, uptr buf, size_t n)
{
    struct uio u;
    uio_one(&u, buf, n);
    struct scm scm;
    scm_default(p, &scm);
    return do_send(p, f->obj, f, &u, 0, NULL, &scm);
}

/* sendto(fd, buf, n, flags, addr, alen) */
long sys_sendto(struct proc *p, const long *a)
{
    if (a[2] < 0)
        return -EINVAL;
    struct uio u;
    uio_one(&u, (uptr)a[1], (size_t)a[2]);
    return send_common(p, a[0], &u, (int)a[3], (uptr)a[4], a[5], 0, 0);
}

/* sendmsg(fd, msghdr, flags) */
long sys_sendmsg(struct proc *p, const long *a)
{
    struct k_msghdr mh;
    if (copyin(p, &mh, (uptr)a[1], sizeof mh) < 0)
        return -EFAULT;
    struct uio u;
    long r = uio_user(p, &u, mh.msg_iov, mh.msg_iovlen);
    if (r < 0)
        return r;
    r = send_common(p, a[0], &u, (int)a[2], mh.msg_name, mh.msg_namelen, mh.msg_control,
                    mh.msg_controllen);
    uio_done(&u);
    return r;
}

/* ---- receiving ------------------------------------------------------------------- */

/* Where recvmsg (or recvfrom) wants what comes besides the data. */
struct recv_out {
    uptr   name, namelen;           /* the sender's address: buffer, length (in and out) */
    uptr   ctl;                     /* control messages: buffer ... */
    size_t ctllen;                  /* ... and its size; 0: none wanted */
    uptr   hdr;                     /* recvmsg's header, for msg_controllen and msg_flags */
    size_t ctlused;                 /* out: bytes written at ctl */
    int    flags;                   /* out: MSG_TRUNC, MSG_CTRUNC */
};

/* The most control data a receive writes: credentials and SCM_MAX_FD
 * descriptors. */
#define CTL_MAX (K_CMSG_SPACE(sizeof(struct k_ucred)) + \
                 K_CMSG_SPACE(SCM_MAX_FD * sizeof(int32_t)))

/* SCM_CREDENTIALS into buf, cut short (MSG_CTRUNC) as Linux's put_cmsg
 * does when the buffer is too small; the bytes taken. */
static size_t put_cred(struct sock *s, struct sock_take *t, struct recv_out *o, char *buf)
{
    struct k_ucred cred = t->scm ? t->scm->cred : s->peercred;
    size_t len = K_CMSG_LEN(sizeof cred);
    if (o->ctllen < sizeof(struct k_cmsghdr)) {
        o->flags |= MSG_CTRUNC;
        return 0;
    }
    struct k_cmsghdr h = { MIN(len, o->ctllen), SOL_SOCKET, SCM_CREDENTIALS };
    memcpy(buf, &h, sizeof h);
    if (o->ctllen > K_CMSG_LEN(0))
        memcpy(buf + K_CMSG_LEN(0), &cred, MIN(sizeof cred, o->ctllen - K_CMSG_LEN(0)));
    if (o->ctllen < len)
        o->flags |= MSG_CTRUNC;
    return MIN(K_CMSG_SPACE(sizeof cred), o->ctllen);
}

/* The control messages of a receive, built in buf (o->ctllen bytes): the
 * credentials if asked for (SO_PASSCRED), then as many descriptors as fit
 * there and in the table, at the slots they will take (slot[]). Returns
 * how many descriptors are given; the others are cut (MSG_CTRUNC). */
static int build_control(struct proc *p, struct sock *s, struct sock_take *t,
                         struct recv_out *o, char *buf, int *slot)
{
    size_t used = s->passcred && o->ctllen ? put_cred(s, t, o, buf) : 0;
    struct scm_fds *fds = t->scm ? t->scm->fds : NULL;
    int n = 0;
    if (fds) {
        size_t room = o->ctllen - used;
        int max = room > K_CMSG_LEN(0) ? (int)((room - K_CMSG_LEN(0)) / sizeof(int32_t)) : 0;
        for (int fd = 0; fd < fd_limit(p) && n < MIN(max, fds->n); fd++)
            if (!p->ofile[fd])
                slot[n++] = fd;
        if (n < fds->n)
            o->flags |= MSG_CTRUNC;
    }
    if (n > 0) {
        struct k_cmsghdr h = { K_CMSG_LEN((size_t)n * sizeof(int32_t)), SOL_SOCKET, SCM_RIGHTS };
        memcpy(buf + used, &h, sizeof h);
        for (int i = 0; i < n; i++) {
            int32_t v = slot[i];
            memcpy(buf + used + K_CMSG_LEN(0) + (size_t)i * sizeof v, &v, sizeof v);
        }
        used += MIN(K_CMSG_SPACE((size_t)n * sizeof(int32_t)), o->ctllen - used);
    }
    o->ctlused = used;
    return n;
}

/* Hand the first n descriptors to p at slot[]; without MSG_PEEK the rest
 * of the message's go, and the message no longer holds any. */
static void give_fds(struct proc *p, struct sock_take *t, int n, const int *slot, int flags)
{
    struct scm_fds *fds = t->scm ? t->scm->fds : NULL;
    if (!fds)
        return;
    for (int i = 0; i < n; i++) {
        if (flags & MSG_PEEK)
            file_dup(fds->f[i]);
        p->ofile[slot[i]] = fds->f[i];
        if (flags & MSG_CMSG_CLOEXEC)
            p->cloexec |= (uint64_t)1 << slot[i];
        else
            p->cloexec &= ~((uint64_t)1 << slot[i]);
    }
    if (flags & MSG_PEEK)
        return;
    t->scm->fds = NULL;
    scm_inflight_sub(fds);
    memmove(fds->f, fds->f + n, (size_t)(fds->n - n) * sizeof fds->f[0]);
    fds->n -= n;
    scm_close_fds(fds);
}

/* Write the sender's address out: a stream's peer, a datagram's sender;
 * an unbound one has length 0, as on Linux. */
static long name_out(struct proc *p, struct sock *s, struct sock_take *t, struct recv_out *o)
{
    if (!o->name)
        return 0;
    struct sock_name *n = s->type == SOCK_STREAM ? (s->peer ? s->peer->name : NULL) : t->from;
    if (n)
        return sock_addr_out(p, n, o->name, o->namelen);
    int32_t zero = 0, len;
    if (copyin(p, &len, o->namelen, sizeof len) < 0)
        return -EFAULT;
    if (len < 0)
        return -EINVAL;
    return copyout(p, o->namelen, &zero, sizeof zero) < 0 ? -EFAULT : 0;
}

/* Everything a receive writes besides the data: the address, the control
 * messages, recvmsg's msg_controllen and msg_flags. */
static long write_rest(struct proc *p, struct sock *s, struct sock_take *t,
                       struct recv_out *o, const char *buf)
{
    long r = name_out(p, s, t, o);
    if (r < 0)
        return r;
    if (o->ctlused && copyout(p, o->ctl, buf, o->ctlused) < 0)
        return -EFAULT;
    if (!o->hdr)
        return 0;
    unsigned long used = o->ctlused;
    int32_t flags = o->flags;
    if (copyout(p, o->hdr + offsetof(struct k_msghdr, msg_controllen), &used, sizeof used) < 0 ||
        copyout(p, o->hdr + offsetof(struct k_msghdr, msg_flags), &flags, sizeof flags) < 0)
        return -EFAULT;
    return 0;
}

static long do_recv(struct proc *p, struct sock *s, struct file *f, struct uio *u, int flags,
                    struct recv_out *o)
{
    if (f->flags & O_NONBLOCK)
        flags |= MSG_DONTWAIT;
    if (flags & MSG_OOB)
        return -EINVAL;
    struct sock_take t = { 0 };
    long r = s->type == SOCK_STREAM ? stream_look(p, s, u, flags, &t)
                                    : msg_look(p, s, u, flags, &t);
    if (r < 0 || r == KERN_BLOCK)
        return r;
    if (s->type == SOCK_STREAM ? t.len == 0 : !t.msg) {
        o->ctlused = 0;                     /* end of file */
        return write_rest(p, s, &t, o, NULL);
    }
    o->ctllen = MIN(o->ctllen, CTL_MAX);
    char *buf = o->ctllen ? kzalloc(o->ctllen) : NULL;
    if (o->ctllen && !buf)
        return -ENOMEM;
    int slot[SCM_MAX_FD];
    int n = build_control(p, s, &t, o, buf, slot);
    if (s->type != SOCK_STREAM && t.len > u->total)
        o->flags |= MSG_TRUNC;
    r = write_rest(p, s, &t, o, buf);
    kfree(buf);
    if (r < 0)
        return r;
    give_fds(p, &t, n, slot, flags);
    if (!(flags & MSG_PEEK)) {
        if (s->type == SOCK_STREAM)
            stream_take(s, &t);
        else
            msg_take(s, &t);
    }
    scm_settle();
    return s->type != SOCK_STREAM && (flags & MSG_TRUNC) ? t.len : t.copied;
}

long sock_file_read(struct proc *p, struct file *f, uptr buf, size_t n)
{
    struct uio u;
    uio_one(&u, buf, n);
    struct recv_out o = { 0 };
    return do_recv(p, f->obj, f, &u, 0, &o);
}

/* recvfrom(fd, buf, n, flags, addr, alenp) */
long sys_recvfrom(struct proc *p, const long *a)
{
    struct sock *s;
    struct file *f;
    long r = sock_fd(p, a[0], &s, &f);
    if (r < 0)
        return r;
    if (a[2] < 0)
        return -EINVAL;
    struct uio u;
    uio_one(&u, (uptr)a[1], (size_t)a[2]);
    struct recv_out o = { .name = (uptr)a[4], .namelen = (uptr)a[5] };
    return do_recv(p, s, f, &u, (int)a[3], &o);
}

/* recvmsg(fd, msghdr, flags): the header's msg_namelen, msg_controllen
 * and msg_flags come back filled in. */
long sys_recvmsg(struct proc *p, const long *a)
{
    struct sock *s;
    struct file *f;
    long r = sock_fd(p, a[0], &s, &f);
    if (r < 0)
        return r;
    uptr uh = (uptr)a[1];
    struct k_msghdr mh;
    if (copyin(p, &mh, uh, sizeof mh) < 0)
        return -EFAULT;
    struct uio u;
    if ((r = uio_user(p, &u, mh.msg_iov, mh.msg_iovlen)) < 0)
        return r;
    struct recv_out o = {
        .name = mh.msg_name,
        .namelen = mh.msg_name ? uh + offsetof(struct k_msghdr, msg_namelen) : 0,
        .ctl = mh.msg_control,
        .ctllen = mh.msg_control ? mh.msg_controllen : 0,
        .hdr = uh,
    };
    r = do_recv(p, s, f, &u, (int)a[2], &o);
    uio_done(&u);
    return r;
}
