/*
 * sock_dgram.c - the data of SOCK_DGRAM and SOCK_SEQPACKET: a queue of
 * whole messages in each receiving socket.
 *
 * A send makes one message - its bytes, its sender's address for
 * recvfrom, its control data - and queues it at the receiver; a receive
 * takes one message whole, however little of it the buffer holds: the
 * rest is lost (MSG_TRUNC says so). Message boundaries are kept, which is
 * the whole difference from a stream. The two types differ only in how the
 * receiver is found (sock_io.c): a datagram names it, or goes to the
 * connected peer; a seqpacket socket always has its connection's peer.
 *
 * A queue is full past DGRAM_QLEN messages (Linux's net.unix.max_dgram_qlen)
 * or when one more message would take it past its SO_RCVBUF bytes (a
 * message too large for the sender's SO_SNDBUF never gets here: EMSGSIZE,
 * sock_io.c). A send to a full queue waits for the receiver (on the
 * receiver's wwait, which a receive wakes), or fails with EAGAIN.
 *
 * As for streams, a receive happens in two steps: msg_look copies the
 * message out, msg_take removes it once the rest of the call succeeded.
 */
#include "sock.h"

bool msg_full(struct sock *s, uint32_t len)
{
    return s->nmsgs > DGRAM_QLEN || (s->nmsgs > 0 && s->msg_bytes + len > s->rcvbuf);
}

long msg_send(struct proc *p, struct sock *s, struct sock *to, struct uio *u, int flags,
              struct scm *scm)
{
    uint32_t len = (uint32_t)u->total;
    if (msg_full(to, len))
        return sock_wait(p, to, &to->wwait, "send", (flags & MSG_DONTWAIT) != 0);
    struct sock_msg *m = kalloc(sizeof *m + len);
    if (!m)
        return -ENOMEM;
    if (uio_in(p, u, 0, m->data, len) < 0) {
        kfree(m);
        return -EFAULT;
    }
    m->next = NULL;
    m->len = len;
    m->from = s->name;
    if (m->from)
        name_get(m->from);
    m->scm = *scm;
    scm->fds = NULL;                        /* the message has them now */
    scm_inflight_add(m->scm.fds);
    if (to->msgs_tail)
        to->msgs_tail->next = m;
    else
        to->msgs = m;
    to->msgs_tail = m;
    to->nmsgs++;
    to->msg_bytes += len;
    wakeup(&to->rwait);
    return len;
}

/* The first message, copied out to u as far as it fits; nothing taken.
 * With none: a pending error once, end of file once the peer has gone (a
 * seqpacket connection) or receiving was shut, or a wait. */
long msg_look(struct proc *p, struct sock *s, struct uio *u, int flags, struct sock_take *t)
{
    if (s->type == SOCK_SEQPACKET && s->state != SK_CONNECTED)
        return -ENOTCONN;
    struct sock_msg *m = s->msgs;
    if (!m) {
        if (s->err) {
            long e = -s->err;
            s->err = 0;
            return e;
        }
        if (s->shut & SHUT_RCV)
            return 0;
        return sock_wait(p, s, &s->rwait, "recv", (flags & MSG_DONTWAIT) != 0);
    }
    uint32_t n = (uint32_t)MIN((size_t)m->len, u->total);
    if (uio_out(p, u, 0, m->data, n) < 0)
        return -EFAULT;
    t->len = m->len;
    t->copied = n;
    t->scm = &m->scm;
    t->from = m->from;
    t->msg = m;
    t->rec = NULL;
    return 0;
}

static void msg_free(struct sock_msg *m)
{
    scm_drop(&m->scm);
    name_put(m->from);
    kfree(m);
}

/* Remove the message msg_look found (the first); its descriptors are the
 * caller's by now, or go. */
void msg_take(struct sock *s, struct sock_take *t)
{
    struct sock_msg *m = t->msg;
    KASSERT(m == s->msgs);
    s->msgs = m->next;
    if (!s->msgs)
        s->msgs_tail = NULL;
    s->nmsgs--;
    s->msg_bytes -= m->len;
    msg_free(m);
    wakeup(&s->wwait);
}

void msg_purge(struct sock *s)
{
    while (s->msgs) {
        struct sock_msg *m = s->msgs;
        s->msgs = m->next;
        msg_free(m);
    }
    s->msgs_tail = NULL;
    s->nmsgs = 0;
    s->msg_bytes = 0;
}
