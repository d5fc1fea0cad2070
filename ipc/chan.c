/*
 * chan.c - typed channels: messages of one fixed size, from any number of
 * senders to any number of receivers, in the order they were sent.
 *
 * chan_create makes a channel and returns two descriptors, a receive end
 * and a send end: F_OBJ files (kernel.h) whose operations live here. More
 * senders or receivers come from duplicating an end - dup, or inheritance
 * through spawn - so, as for a pipe, the channel counts open files of each
 * kind. Once every send end has closed, receivers drain what is queued and
 * then see "closed": chan_recv returns 0, as read returns 0 at the end of a
 * pipe. Once every receive end has closed, a send fails with EPIPE - and,
 * unlike a pipe, sends no SIGPIPE: nobody writes to a channel by accident
 * through a descriptor they thought was a terminal, and an error code is
 * all a C program needs.
 *
 * A channel is either bounded, with room for `capacity` messages reserved
 * when it is made (a send to a full channel waits), or unbounded, with
 * capacity 0: a send never waits and each message is allocated alone. An
 * unbounded channel is still limited: each process may have CHAN_QUOTA
 * bytes queued in unbounded channels at once, and past that its sends fail
 * with EAGAIN until receivers catch up.
 *
 * Nothing here sleeps. An empty channel's receiver, or a full channel's
 * sender, goes on a wait queue having changed nothing, and returns
 * KERN_BLOCK; the platform re-issues the same call later, and it starts
 * over (docs/design.md). A call's timeout lives in p->call.deadline, so
 * that a restarted call does not start counting again.
 *
 * docs/ipc/channels.md tells the whole story.
 */
#include "../kernel/kernel.h"
#include "../kernel/uapi/chan.h"

struct cmsg {                   /* one message of an unbounded channel */
    struct cmsg *next;
    int          pid;           /* its sender, whose quota it uses */
    int          slot;          /* the sender's process slot */
    char         data[];
};

struct chan {
    struct chan *next;          /* every channel, for chan_list */
    uint32_t     id;
    uint32_t     esize;         /* bytes in one message */
    uint32_t     capacity;      /* messages; 0: unbounded */
    uint32_t     count;         /* messages queued */
    int          senders;       /* open send-end files */
    int          receivers;     /* open receive-end files */
    int          creator;       /* pid */
    char        *ring;          /* bounded: capacity * esize bytes ... */
    uint32_t     head;          /* ... and the slot of the oldest message */
    struct cmsg *first, *last;  /* unbounded: the queue */
    uint64_t     sent, received;
    struct waitq rwait;         /* receivers waiting for a message */
    struct waitq swait;         /* senders waiting for room */
    char         rwhat[24];     /* "chan 3 recv", for ps */
    char         swhat[24];     /* "chan 3 send" */
};

static struct chan *chans;
static uint32_t next_id = 1;

static const struct fileops recv_ops, send_ops;

/* ---- timeouts, shared with port.c and cap.c ---------------------------------- */

#define TIMEOUT_MAX_S (100LL * 365 * 86400)     /* a century is forever enough */

long ipc_deadline(struct proc *p, uptr timeout, bool *timed)
{
    *timed = timeout != 0;
    if (!timeout || p->restarted)
        return 0;               /* a restarted call keeps its first deadline */
    struct k_timespec ts;
    if (copyin(p, &ts, timeout, sizeof ts) < 0)
        return -EFAULT;
    if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
        return -EINVAL;
    int64_t sec = MIN(ts.tv_sec, TIMEOUT_MAX_S);
    p->call.deadline = now_ns() + (uint64_t)sec * 1000000000ull + (uint64_t)ts.tv_nsec;
    return 0;
}

long ipc_wait(struct proc *p, struct waitq *wq, const char *what, bool timed)
{
    if (timed) {
        if (now_ns() >= p->call.deadline)
            return -ETIMEDOUT;
        sleep_until(p, p->call.deadline);
    }
    return sleep_on(p, wq, what);
}

/* ---- the quota of unbounded channels ----------------------------------------- */

/*
 * Bytes each process has queued in unbounded channels, by process slot.
 * A slot remembers whose bytes it counts: when its process has gone and the
 * slot serves a new one, the count starts afresh, and the refunds for the
 * old process's messages, still queued somewhere, are ignored.
 */
static struct { int pid; uint32_t bytes; } charged[NPROC];

static int slot_of(struct proc *p) { return (int)(p - procs); }

static uint32_t quota_used(struct proc *p)
{
    int i = slot_of(p);
    return charged[i].pid == p->pid ? charged[i].bytes : 0;
}

static void quota_charge(struct proc *p, uint32_t n)
{
    int i = slot_of(p);
    if (charged[i].pid != p->pid) {
        charged[i].pid = p->pid;
        charged[i].bytes = 0;
    }
    charged[i].bytes += n;
}

static void quota_refund(struct cmsg *m, uint32_t n)
{
    if (charged[m->slot].pid == m->pid)
        charged[m->slot].bytes -= n;
}

/* ---- the queue ------------------------------------------------------------------ */

/* Where the i-th oldest message of a bounded channel lives. */
static char *ring_slot(struct chan *c, uint32_t i)
{
    return c->ring + (size_t)((c->head + i) % c->capacity) * c->esize;
}

/* Copy the oldest message out to buf, then drop it. If the copy fails the
 * message stays where it was. */
static long take_oldest(struct proc *p, struct chan *c, uptr buf)
{
    if (c->capacity) {
        if (copyout(p, buf, ring_slot(c, 0), c->esize) < 0)
            return -EFAULT;
        c->head = (c->head + 1) % c->capacity;
    } else {
        struct cmsg *m = c->first;
        if (copyout(p, buf, m->data, c->esize) < 0)
            return -EFAULT;
        c->first = m->next;
        if (!c->first)
            c->last = NULL;
        quota_refund(m, c->esize);
        kfree(m);
    }
    c->count--;
    c->received++;
    wakeup(&c->swait);          /* room for a sender waiting on a full channel */
    return 1;
}

/* Queue a copy of the message at buf. Nothing is queued if the copy fails. */
static long put_newest(struct proc *p, struct chan *c, uptr buf)
{
    if (c->capacity) {
        if (copyin(p, ring_slot(c, c->count), buf, c->esize) < 0)
            return -EFAULT;
    } else {
        struct cmsg *m = kalloc(sizeof *m + c->esize);
        if (!m)
            return -ENOMEM;
        if (copyin(p, m->data, buf, c->esize) < 0) {
            kfree(m);
            return -EFAULT;
        }
        m->next = NULL;
        m->pid = p->pid;
        m->slot = slot_of(p);
        if (c->last)
            c->last->next = m;
        else
            c->first = m;
        c->last = m;
        quota_charge(p, c->esize);
    }
    c->count++;
    c->sent++;
    wakeup(&c->rwait);
    return 0;
}

/* Forget every queued message: nobody can receive them any more. */
static void drain(struct chan *c)
{
    while (c->first) {
        struct cmsg *m = c->first;
        c->first = m->next;
        quota_refund(m, c->esize);
        kfree(m);
    }
    c->last = NULL;
    c->count = 0;
}

/* 0 once queued; KERN_BLOCK, -EAGAIN, -ETIMEDOUT, -EPIPE, -EFAULT, -ENOMEM. */
static long chan_send(struct proc *p, struct chan *c, uptr buf, bool nonblock, bool timed)
{
    if (c->receivers == 0)
        return -EPIPE;
    if (c->capacity && c->count == c->capacity) {
        if (nonblock)
            return -EAGAIN;
        return ipc_wait(p, &c->swait, c->swhat, timed);
    }
    if (!c->capacity && quota_used(p) + c->esize > CHAN_QUOTA)
        return -EAGAIN;         /* never waits: only receivers can lower it */
    return put_newest(p, c, buf);
}

/* 1: a message was copied to buf; 0: closed and drained; or an error. */
static long chan_recv(struct proc *p, struct chan *c, uptr buf, bool nonblock, bool timed)
{
    if (c->count == 0) {
        if (c->senders == 0)
            return 0;
        if (nonblock)
            return -EAGAIN;
        return ipc_wait(p, &c->rwait, c->rwhat, timed);
    }
    return take_oldest(p, c, buf);
}

/* ---- channels and their ends ------------------------------------------------------ */

static struct chan *chan_alloc(struct proc *p, uint32_t esize, uint32_t capacity)
{
    struct chan *c = kzalloc(sizeof *c);
    if (!c)
        return NULL;
    if (capacity && !(c->ring = kalloc((size_t)capacity * esize))) {
        kfree(c);
        return NULL;
    }
    c->id = next_id++;
    c->esize = esize;
    c->capacity = capacity;
    c->creator = p->pid;
    ksnprintf(c->rwhat, sizeof c->rwhat, "chan %u recv", (unsigned)c->id);
    ksnprintf(c->swhat, sizeof c->swhat, "chan %u send", (unsigned)c->id);
    c->next = chans;
    chans = c;
    kstats.ipc[KSTAT_CHAN]++;
    return c;
}

static void chan_free(struct chan *c)
{
    /* A waiter holds an end open: with no end left nobody can be waiting. */
    KASSERT(waitq_empty(&c->rwait) && waitq_empty(&c->swait));
    struct chan **pp = &chans;
    while (*pp != c)
        pp = &(*pp)->next;
    *pp = c->next;
    drain(c);
    kfree(c->ring);
    kfree(c);
    kstats.ipc[KSTAT_CHAN]--;
}

/*
 * The last reference to an end's file went. A last send end wakes the
 * receivers (they drain, then see "closed"); a last receive end drops
 * what is queued, since nobody can ever receive it, and wakes the senders
 * (they get EPIPE).
 */
static void end_close(struct file *f)
{
    struct chan *c = f->obj;
    if (f->ops == &send_ops) {
        if (--c->senders == 0)
            wakeup(&c->rwait);
    } else {
        if (--c->receivers == 0) {
            drain(c);
            wakeup(&c->swait);
        }
    }
    if (c->senders == 0 && c->receivers == 0)
        chan_free(c);
}

/* read() and write() work on the ends too, one whole message at a time:
 * read needs room for a message and returns its size, or 0 when closed;
 * write takes exactly one message. */
static long end_read(struct proc *p, struct file *f, uptr buf, size_t n)
{
    struct chan *c = f->obj;
    if (n < c->esize)
        return -EINVAL;
    long r = chan_recv(p, c, buf, (f->flags & O_NONBLOCK) != 0, false);
    return r == 1 ? (long)c->esize : r;
}

static long end_write(struct proc *p, struct file *f, uptr buf, size_t n)
{
    struct chan *c = f->obj;
    if (n != c->esize)
        return -EINVAL;
    long r = chan_send(p, c, buf, (f->flags & O_NONBLOCK) != 0, false);
    return r == 0 ? (long)c->esize : r;
}

/* poll: a receive end is readable with a message queued, and hung up once
 * every sender has gone; a send end is writable with room (an unbounded
 * channel always has some), in error once every receiver has gone. */
static unsigned end_poll(struct file *f, unsigned events, struct proc *waiter)
{
    struct chan *c = f->obj;
    unsigned got = 0;
    (void)events;
    if (f->ops == &recv_ops) {
        if (c->count)
            got |= POLLIN | POLLRDNORM;
        if (c->senders == 0)
            got |= POLLHUP;
        if (waiter)
            wait_also(waiter, &c->rwait);
    } else {
        if (c->receivers == 0)
            got |= POLLERR;
        else if (!c->capacity || c->count < c->capacity)
            got |= POLLOUT | POLLWRNORM;
        if (waiter)
            wait_also(waiter, &c->swait);
    }
    return got;
}

static const struct fileops recv_ops = { "chan-recv", end_close, end_read, NULL, end_poll };
static const struct fileops send_ops = { "chan-send", end_close, NULL, end_write, end_poll };

/* A new file for one end of c; NULL when out of memory. */
static struct file *end_file(struct chan *c, const struct fileops *ops, int flags)
{
    struct file *f = file_alloc();
    if (!f)
        return NULL;
    f->type = F_OBJ;
    f->ops = ops;
    f->obj = c;
    f->flags = (uint32_t)((ops == &send_ops ? O_WRONLY : O_RDONLY) | (flags & O_NONBLOCK));
    if (ops == &send_ops)
        c->senders++;
    else
        c->receivers++;
    return f;
}

/* The channel behind fd, if fd is one of its ends with these operations
 * (NULL: either end). */
static struct chan *chan_of(struct proc *p, long fd, const struct fileops *ops)
{
    struct file *f = fd_get(p, (int)fd);
    if (!f || f->type != F_OBJ || (f->ops != &recv_ops && f->ops != &send_ops))
        return NULL;
    if (ops && f->ops != ops)
        return NULL;
    return f->obj;
}

static bool nonblocking(struct proc *p, long fd, long flags)
{
    return (flags & CHAN_NONBLOCK) || (fd_get(p, (int)fd)->flags & O_NONBLOCK);
}

/* ---- system calls ------------------------------------------------------------------- */

/* Give the two files descriptors and tell the user which; on failure take
 * back everything, so that a failed chan_create leaves no trace. */
static long install_ends(struct proc *p, struct file *rf, struct file *wf, uptr ufds,
                         bool cloexec)
{
    int fds[2] = { fd_alloc(p, rf, 0), -1 };
    long err = fds[0];
    if (fds[0] >= 0 && (err = fds[1] = fd_alloc(p, wf, 0)) >= 0 &&
        (err = copyout(p, ufds, fds, sizeof fds)) == 0) {
        if (cloexec)
            p->cloexec |= ((uint64_t)1 << fds[0]) | ((uint64_t)1 << fds[1]);
        return 0;
    }
    for (int i = 0; i < 2; i++)
        if (fds[i] >= 0)
            p->ofile[fds[i]] = NULL;
    file_close(rf);
    file_close(wf);
    return err < 0 ? err : -EFAULT;
}

/* chan_create(int fds[2], msgsize, capacity, flags): fds[0] receives,
 * fds[1] sends. */
long sys_chan_create(struct proc *p, const long *a)
{
    unsigned long esize = (unsigned long)a[1], capacity = (unsigned long)a[2];
    int flags = (int)a[3];
    if (flags & ~(CHAN_NONBLOCK | CHAN_CLOEXEC))
        return -EINVAL;
    if (esize == 0 || esize > CHAN_MSG_MAX || capacity > CHAN_BOUNDED_MAX / esize)
        return -EINVAL;
    struct chan *c = chan_alloc(p, (uint32_t)esize, (uint32_t)capacity);
    if (!c)
        return -ENOMEM;
    struct file *rf = end_file(c, &recv_ops, flags);
    if (!rf) {
        chan_free(c);
        return -ENOMEM;
    }
    struct file *wf = end_file(c, &send_ops, flags);
    if (!wf) {
        file_close(rf);         /* and the channel with it */
        return -ENOMEM;
    }
    return install_ends(p, rf, wf, (uptr)a[0], (flags & CHAN_CLOEXEC) != 0);
}

/* chan_send(fd, msg, size, flags, timeout): 0 once queued. */
long sys_chan_send(struct proc *p, const long *a)
{
    struct chan *c = chan_of(p, a[0], &send_ops);
    bool timed;
    if (!c)
        return -EBADF;
    if ((a[3] & ~CHAN_NONBLOCK) || (unsigned long)a[2] != c->esize)
        return -EINVAL;
    long r = ipc_deadline(p, (uptr)a[4], &timed);
    if (r < 0)
        return r;
    return chan_send(p, c, (uptr)a[1], nonblocking(p, a[0], a[3]), timed);
}

/* chan_recv(fd, buf, size, flags, timeout): 1, or 0 when closed and drained. */
long sys_chan_recv(struct proc *p, const long *a)
{
    struct chan *c = chan_of(p, a[0], &recv_ops);
    bool timed;
    if (!c)
        return -EBADF;
    if ((a[3] & ~CHAN_NONBLOCK) || (unsigned long)a[2] != c->esize)
        return -EINVAL;
    long r = ipc_deadline(p, (uptr)a[4], &timed);
    if (r < 0)
        return r;
    return chan_recv(p, c, (uptr)a[1], nonblocking(p, a[0], a[3]), timed);
}

static long put_info(struct proc *p, struct chan *c, uptr u)
{
    struct k_chan_info ci;
    memset(&ci, 0, sizeof ci);
    ci.id = c->id;
    ci.msgsize = c->esize;
    ci.capacity = c->capacity;
    ci.queued = c->count;
    ci.senders = (uint32_t)c->senders;
    ci.receivers = (uint32_t)c->receivers;
    ci.creator = c->creator;
    ci.sent = c->sent;
    ci.received = c->received;
    return copyout(p, u, &ci, sizeof ci) < 0 ? -EFAULT : 0;
}

/* chan_info(fd, struct k_chan_info *): fd is either end. */
long sys_chan_info(struct proc *p, const long *a)
{
    struct chan *c = chan_of(p, a[0], NULL);
    return c ? put_info(p, c, (uptr)a[1]) : -EBADF;
}

/* chan_list(slot, struct k_chan_info *): the channel with the smallest id
 * above slot (0 to begin); returns its id, the slot to ask for next, or 0
 * when there is none. Ids only grow, so channels made or gone meanwhile
 * never make a walk skip or repeat one. */
long sys_chan_list(struct proc *p, const long *a)
{
    if (a[0] < 0)
        return -EINVAL;
    struct chan *best = NULL;
    for (struct chan *c = chans; c; c = c->next)
        if (c->id > (unsigned long)a[0] && (!best || c->id < best->id))
            best = c;
    if (!best)
        return 0;
    long r = put_info(p, best, (uptr)a[1]);
    return r < 0 ? r : (long)best->id;
}
