/*
 * sock_stream.c - SOCK_STREAM's data: a byte ring in each receiving socket.
 *
 * A send copies bytes into the peer's ring; a receive copies them out of
 * its own. The ring grows as it fills, by doubling, up to the receiver's
 * SO_RCVBUF (Linux bounds a stream by the sender's SO_SNDBUF instead;
 * the two are the same by default, 208 KiB): a quiet connection costs
 * nothing, a busy one at most that. rpos and wpos only grow, as in a pipe
 * (ipc/pipe.c), so that wpos - rpos is what is queued.
 *
 * Control data (descriptors, credentials) rides along as a record naming
 * the bytes it came with, [pos, pos + len). A receive that reaches those
 * bytes takes the record's control data and stops at their end, so that
 * one receive never merges two sets of descriptors, as on Linux. Each
 * record takes REC_COST bytes of the buffer, so that control data cannot
 * fill the kernel with records of one byte each.
 *
 * The model's rule (docs/design.md): a send that finds no room, a receive
 * that finds nothing, waits having changed nothing. A send that finds some
 * room takes what fits and returns that count; the C library sends the
 * rest. A receive is taken in two steps (sock_io.c): stream_look copies
 * the bytes out, and stream_take consumes them only once everything else
 * the call must do - control data, addresses - has succeeded.
 */
#include "sock.h"

#define RING_MIN 4096

static uint32_t queued(struct sock *s) { return s->wpos - s->rpos; }
uint32_t stream_queued(struct sock *s) { return queued(s); }

/* Bytes a send may still queue at s. */
uint32_t stream_room(struct sock *s)
{
    uint32_t used = queued(s) + s->charge;
    return used >= s->rcvbuf ? 0 : s->rcvbuf - used;
}

/* ---- the ring ------------------------------------------------------------------- */

/* Make the ring hold need bytes: a power of two. Each queued byte keeps
 * its position, only its place changes. -ENOMEM leaves it as it was. */
static long ring_reserve(struct sock *s, uint32_t need)
{
    if (need <= s->ring_size)
        return 0;
    uint32_t size = s->ring_size ? s->ring_size : RING_MIN;
    while (size < need)
        size <<= 1;
    char *ring = kalloc(size);
    if (!ring)
        return -ENOMEM;
    for (uint32_t pos = s->rpos; pos != s->wpos; ) {
        uint32_t from = pos & (s->ring_size - 1), to = pos & (size - 1);
        uint32_t n = MIN(s->wpos - pos, MIN(s->ring_size - from, size - to));
        memcpy(ring + to, s->ring + from, n);
        pos += n;
    }
    kfree(s->ring);
    s->ring = ring;
    s->ring_size = size;
    return 0;
}

/* The ring's bytes [pos, pos + n) as at most two pieces. */
static void ring_pieces(struct sock *s, uint32_t pos, uint32_t n, uint32_t at[2], uint32_t len[2])
{
    at[0] = pos & (s->ring_size - 1);
    len[0] = MIN(n, s->ring_size - at[0]);
    at[1] = 0;
    len[1] = n - len[0];
}

/* ---- send ----------------------------------------------------------------------- */

static long pipe_error(struct proc *p, int flags)
{
    if (!(flags & MSG_NOSIGNAL))
        signal_send(p, SIGPIPE);
    return -EPIPE;
}

/*
 * Queue what fits of u at s's peer; its count, or an error. Linux sends
 * nothing for an empty send, not even its control data. A record is
 * needed for descriptors, and for credentials when the receiver asked
 * for them (SO_PASSCRED).
 */
long stream_send(struct proc *p, struct sock *s, struct uio *u, int flags, struct scm *scm)
{
    struct sock *to = s->peer;
    if (s->state != SK_CONNECTED || !to)
        return -ENOTCONN;
    if ((s->shut & SHUT_SEND) || to->dead || (to->shut & SHUT_RCV))
        return pipe_error(p, flags);
    if (u->total == 0)
        return 0;
    bool record = scm->fds || to->passcred;
    uint32_t cost = record ? REC_COST : 0;
    uint32_t room = stream_room(to);
    if (room <= cost)
        return sock_wait(p, to, &to->wwait, "send", (flags & MSG_DONTWAIT) != 0);
    uint32_t n = (uint32_t)MIN(u->total, (size_t)(room - cost));
    struct sock_rec *rec = NULL;
    if (record && !(rec = kzalloc(sizeof *rec)))
        return -ENOMEM;
    if (ring_reserve(to, queued(to) + n) < 0) {
        kfree(rec);
        return -ENOMEM;
    }
    uint32_t at[2], len[2];
    ring_pieces(to, to->wpos, n, at, len);
    if (uio_in(p, u, 0, to->ring + at[0], len[0]) < 0 ||
        uio_in(p, u, len[0], to->ring + at[1], len[1]) < 0) {
        kfree(rec);
        return -EFAULT;
    }
    if (rec) {
        rec->pos = to->wpos;
        rec->len = n;
        rec->scm = *scm;
        scm->fds = NULL;            /* the record has them now */
        scm_inflight_add(rec->scm.fds);
        if (to->recs_tail)
            to->recs_tail->next = rec;
        else
            to->recs = rec;
        to->recs_tail = rec;
        to->charge += REC_COST;
    }
    to->wpos += n;
    wakeup(&to->rwait);
    return n;
}

/* ---- receive -------------------------------------------------------------------- */

/*
 * What a receive of u->total bytes takes now, copied out to u (unless
 * MSG_TRUNC, which discards); nothing is consumed. t->rec is the record
 * whose control data comes with them. A stream returns what is there
 * (MSG_WAITALL: waits for all of it, or for a full buffer; the C library
 * asks again for the rest), then a pending error once, then end of file.
 */
long stream_look(struct proc *p, struct sock *s, struct uio *u, int flags,
                 struct sock_take *t)
{
    if (s->state != SK_CONNECTED)
        return -EINVAL;
    uint32_t have = queued(s);
    bool nonblock = (flags & MSG_DONTWAIT) != 0;
    if (have == 0) {
        if (s->err) {
            long e = -s->err;
            s->err = 0;
            return e;
        }
        if (s->shut & SHUT_RCV)
            return 0;
        return sock_wait(p, s, &s->rwait, "recv", nonblock);
    }
    if ((flags & MSG_WAITALL) && have < u->total && !(s->shut & SHUT_RCV) &&
        stream_room(s) > REC_COST)
        return sock_wait(p, s, &s->rwait, "recv", nonblock);
    uint32_t n = (uint32_t)MIN((size_t)have, u->total);
    struct sock_rec *r = s->recs;
    int32_t off = r ? (int32_t)(r->pos - s->rpos) : 0;
    t->rec = NULL;
    if (r && off <= 0) {
        n = MIN(n, r->pos + r->len - s->rpos);      /* the read starts inside r */
        t->rec = r;
    } else if (r && (uint32_t)off < n) {
        if (r->scm.fds && !s->passcred) {
            n = MIN(n, r->pos + r->len - s->rpos);  /* through r, and its descriptors */
            t->rec = r;
        } else {
            n = (uint32_t)off;                      /* up to r, not merged with it */
        }
    }
    if (!(flags & MSG_TRUNC)) {
        uint32_t at[2], len[2];
        ring_pieces(s, s->rpos, n, at, len);
        if (uio_out(p, u, 0, s->ring + at[0], len[0]) < 0 ||
            uio_out(p, u, len[0], s->ring + at[1], len[1]) < 0)
            return -EFAULT;
    }
    t->len = t->copied = n;
    t->scm = t->rec ? &t->rec->scm : NULL;
    t->from = NULL;
    return 0;
}

/* Consume what stream_look found: the bytes, the records they finish,
 * and the record's descriptors (the caller has them now). */
void stream_take(struct sock *s, struct sock_take *t)
{
    s->rpos += t->len;
    if (t->rec)
        t->rec->scm.fds = NULL;
    while (s->recs && (int32_t)(s->recs->pos + s->recs->len - s->rpos) <= 0) {
        struct sock_rec *r = s->recs;
        s->recs = r->next;
        if (!s->recs)
            s->recs_tail = NULL;
        KASSERT(!r->scm.fds);
        kfree(r);
        s->charge -= REC_COST;
    }
    wakeup(&s->wwait);
}

/* The socket is released: its bytes and the descriptors in flight go. */
void stream_purge(struct sock *s)
{
    while (s->recs) {
        struct sock_rec *r = s->recs;
        s->recs = r->next;
        scm_drop(&r->scm);
        kfree(r);
    }
    s->recs_tail = NULL;
    s->charge = 0;
    s->rpos = s->wpos;
    kfree(s->ring);
    s->ring = NULL;
    s->ring_size = 0;
}
