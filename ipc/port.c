/*
 * port.c - ports: bounded queues of 64-byte messages inside the kernel,
 * reached only through capabilities (cap.c).
 *
 * port_create makes a port and a first handle with every right. A sender
 * (SEND) puts messages in; a receiver (RECEIVE) takes them out, oldest
 * first; at most PORT_QUEUE_MAX wait, and a sender to a full port waits
 * for room. port_call sends a message that carries a one-shot reply
 * capability and waits for the answer, which the server gives with
 * port_reply. A MANAGE holder may set a filter: message types, a largest
 * size, and a rate; a send the filter refuses fails at once.
 *
 * Nothing here sleeps (docs/design.md): a call that must wait goes on a
 * wait queue having changed nothing, and is re-issued from the start when
 * it is woken. Two things survive a wait, in p->call.file, so that the
 * re-issued call carries on instead of starting over:
 *
 *  - the fast path. A sender that finds a receiver already waiting (and
 *    nothing queued before it) does not queue its message: it hands it to
 *    that receiver, as a small file in the receiver's p->call.file, and
 *    wakes only that one. The receiver's re-issued port_recv finds the
 *    message there and returns it. If the receiver dies or is interrupted
 *    first, closing that file puts the message back at the head of the
 *    queue, so no message is ever lost to a receiver that did not take it;
 *
 *  - a caller's reply. port_call sends, then waits on its reply
 *    capability, whose caller's side it keeps in p->call.file; the
 *    re-issued call finds the answer there instead of sending again.
 *
 * docs/ipc/ports.md tells the whole story.
 */
#include "port.h"

static struct port *ports;
static uint32_t next_id = 1;

static const struct fileops delivery_ops;

/* ---- ports and their lifetime ------------------------------------------------ */

static struct port *port_new(struct proc *p, bool queued_only)
{
    struct port *pt = kzalloc(sizeof *pt);
    if (!pt)
        return NULL;
    pt->id = next_id++;
    pt->creator = p->pid;
    pt->queued_only = queued_only;
    ksnprintf(pt->rwhat, sizeof pt->rwhat, "port %u recv", (unsigned)pt->id);
    ksnprintf(pt->swhat, sizeof pt->swhat, "port %u send", (unsigned)pt->id);
    ksnprintf(pt->cwhat, sizeof pt->cwhat, "port %u call", (unsigned)pt->id);
    pt->next = ports;
    ports = pt;
    kstats.ipc[KSTAT_PORT]++;
    return pt;
}

static void port_free(struct port *pt)
{
    /* Dead before its last reference went: the queue was emptied then, and
     * a waiter would hold a capability. */
    KASSERT(!pt->head && waitq_empty(&pt->rwait) && waitq_empty(&pt->swait));
    struct port **pp = &ports;
    while (*pp != pt)
        pp = &(*pp)->next;
    *pp = pt->next;
    kfree(pt);
    kstats.ipc[KSTAT_PORT]--;
}

void port_get(struct port *pt) { pt->refs++; }

void port_put(struct port *pt)
{
    KASSERT(pt->refs > 0);
    if (--pt->refs == 0)
        port_free(pt);
}

bool port_dead(struct port *pt) { return pt->receivers == 0; }

void port_cap_added(struct port *pt, uint32_t rights)
{
    port_get(pt);
    pt->caps++;
    if (rights & PORT_RECEIVE)
        pt->receivers++;
}

static struct pmsg *dequeue(struct port *pt);

/* The last RECEIVE capability went: nobody can take a message again. The
 * queued ones are dropped (a call among them answers its caller EPIPE),
 * the names go, and senders waiting for room wake to get EPIPE. */
static void port_die(struct port *pt)
{
    port_names_drop(pt);
    while (pt->head)
        pmsg_free(dequeue(pt));
    wakeup(&pt->swait);
}

void port_cap_gone(struct port *pt, uint32_t rights)
{
    pt->caps--;
    if ((rights & PORT_RECEIVE) && --pt->receivers == 0)
        port_die(pt);
    port_put(pt);               /* the capability's own reference, last */
}

/* ---- messages ------------------------------------------------------------------ */

/* Read the user's message at u and check it. */
static long msg_read(struct proc *p, uptr u, struct k_port_msg *m)
{
    if (copyin(p, m, u, sizeof *m) < 0)
        return -EFAULT;
    if (m->size > PORT_MSG_DATA || m->nhandles > PORT_MSG_HANDLES)
        return -EINVAL;
    return cap_handles_check(p, m);
}

void pmsg_fill(struct proc *p, const struct k_port_msg *m, struct pmsg *km)
{
    km->next = NULL;
    km->m = *m;
    km->m.flags = 0;
    km->m.reply = -1;
    km->m.sender = p->pid;
    for (int i = m->nhandles; i < PORT_MSG_HANDLES; i++)
        km->m.handles[i] = -1;
    for (int i = 0; i < PORT_MSG_HANDLES; i++)
        km->handles[i] = NULL;
    km->reply = NULL;
    km->via = NULL;
    cap_handles_take(p, m, km);
}

/* A message in flight made from m (checked by msg_read). NULL: out of
 * memory. (Not kzalloc: pmsg_fill sets every field, and this is the
 * busiest allocation of ports.) */
static struct pmsg *pmsg_make(struct proc *p, const struct k_port_msg *m)
{
    struct pmsg *km = kalloc(sizeof *km);
    if (km)
        pmsg_fill(p, m, km);
    return km;
}

void pmsg_free(struct pmsg *km)
{
    cap_handles_release(km);
    if (km->reply)
        reply_drop(km->reply);
    kfree(km);
}

static void enqueue(struct port *pt, struct pmsg *km)
{
    km->next = NULL;
    if (pt->tail)
        pt->tail->next = km;
    else
        pt->head = km;
    pt->tail = km;
    pt->queued++;
}

/* A message handed back by a receiver that did not take it goes first
 * again, even if that makes the queue one longer than PORT_QUEUE_MAX. */
static void push_front(struct port *pt, struct pmsg *km)
{
    km->next = pt->head;
    pt->head = km;
    if (!pt->tail)
        pt->tail = km;
    pt->queued++;
}

static struct pmsg *dequeue(struct port *pt)
{
    struct pmsg *km = pt->head;
    pt->head = km->next;
    if (!pt->head)
        pt->tail = NULL;
    pt->queued--;
    return km;
}

/* ---- the filter ------------------------------------------------------------------ */

/*
 * The rate limit is a "generic cell rate algorithm". Each accepted message
 * moves tat (the theoretical arrival time) 1/rate s further into the
 * future, starting from now if it lies in the past; a message is accepted
 * while that leaves tat at most one second ahead of now. So a quiet port
 * takes a burst of `rate` messages at once, then one every 1/rate s.
 */
static uint64_t rate_step(struct port *pt) { return 1000000000ull / pt->filter.rate; }

static bool rate_ok(struct port *pt, uint64_t now)
{
    return MAX(pt->tat, now) + rate_step(pt) <= now + 1000000000ull;
}

static void rate_take(struct port *pt, uint64_t now)
{
    if (pt->filter.rate)
        pt->tat = MAX(pt->tat, now) + rate_step(pt);
}

/* 0, or why the filter refuses m: -EACCES (type, size), -EAGAIN (rate). */
static long filter_check(struct port *pt, const struct k_port_msg *m, uint64_t *now)
{
    const struct k_port_filter *fl = &pt->filter;
    if (fl->types && (m->type >= 64 || !(fl->types & ((uint64_t)1 << m->type))))
        return -EACCES;
    if (fl->maxsize && m->size > fl->maxsize)
        return -EACCES;
    if (fl->rate && !rate_ok(pt, *now = now_ns()))
        return -EAGAIN;
    return 0;
}

/* ---- the fast path ---------------------------------------------------------------- */

/*
 * If a receiver is waiting and nothing is queued before km, give km to
 * that receiver alone: it goes into the receiver's p->call.file, and only
 * that receiver wakes. False if there is none (or no memory for the file):
 * then km is queued as usual.
 */
static bool hand_over(struct port *pt, struct pmsg *km)
{
    struct proc *q = NULL;
    waitq_for_each(e, &pt->rwait) {
        if (!e->p->call.poll) {         /* a poller waits, but receives nothing */
            q = e->p;
            break;
        }
    }
    if (!q || pt->head || pt->queued_only)
        return false;
    struct file *f = file_alloc();
    if (!f)
        return false;
    f->type = F_OBJ;
    f->flags = O_RDONLY;
    f->ops = &delivery_ops;
    f->obj = km;
    km->via = pt;
    port_get(pt);
    KASSERT(q->call.file == NULL);      /* a waiting receiver keeps nothing there */
    q->call.file = f;
    wakeup_proc(q);
    pt->fastpath++;
    return true;
}

/* The receiver's call ended without taking the message (it was killed or
 * interrupted, or its buffer was bad): back to the head of the queue. */
static void delivery_close(struct file *f)
{
    struct pmsg *km = f->obj;
    if (!km)
        return;                         /* taken */
    struct port *pt = km->via;
    km->via = NULL;
    /* Alive: the receiver still holds the RECEIVE handle it waited with
     * (proc_exit abandons the call before it closes the descriptors). */
    KASSERT(!port_dead(pt));
    push_front(pt, km);
    wakeup(&pt->rwait);
    port_put(pt);
}

static const struct fileops delivery_ops = { "port-delivery", delivery_close, NULL, NULL, NULL };

/* The message the fast path left for p's re-issued receive, or NULL. */
static struct pmsg *delivery_of(struct proc *p)
{
    struct file *f = p->call.file;
    return p->restarted && f && f->ops == &delivery_ops ? f->obj : NULL;
}

/* p took the delivered message km: drop the file (unless it became the
 * reply capability) and the port reference. */
static void delivery_done(struct proc *p, struct pmsg *km)
{
    struct file *f = p->call.file;
    struct port *pt = km->via;
    p->call.file = NULL;
    if (f->ops == &delivery_ops) {
        f->obj = NULL;
        file_close(f);
    }
    pmsg_free(km);                      /* its handles and reply went to p */
    port_put(pt);
}

/* ---- sending and receiving ---------------------------------------------------------- */

static bool nonblocking(struct proc *p, long fd, long flags)
{
    return (flags & PORT_NONBLOCK) || (fd_get(p, (int)fd)->flags & O_NONBLOCK);
}

/* Everything a send checks, and where it waits, before it changes anything:
 * 0 when m may go now. *now is set when the rate limit needed the clock. */
static long may_send(struct proc *p, struct port *pt, const struct k_port_msg *m,
                     bool nonblock, bool timed, uint64_t *now)
{
    if (port_dead(pt))
        return -EPIPE;
    long r = filter_check(pt, m, now);
    if (r < 0) {
        pt->refused++;
        return r;
    }
    if (pt->queued >= PORT_QUEUE_MAX) {
        if (nonblock)
            return -EAGAIN;
        return ipc_wait(p, &pt->swait, pt->swhat, timed);
    }
    return 0;
}

static void deliver(struct port *pt, struct pmsg *km, uint64_t now)
{
    rate_take(pt, now);
    pt->sent++;
    if (hand_over(pt, km))
        return;
    enqueue(pt, km);
    wakeup(&pt->rwait);
}

static long receive(struct proc *p, struct port *pt, uptr u, bool nonblock, bool timed)
{
    struct pmsg *km = delivery_of(p);
    long r;
    if (km) {
        if ((r = cap_give(p, km, u, p->call.file)) < 0)
            return r;           /* call_abandon puts it back in the queue */
        delivery_done(p, km);
    } else if (pt->head) {
        if ((r = cap_give(p, pt->head, u, NULL)) < 0)
            return r;
        pmsg_free(dequeue(pt));
        wakeup(&pt->swait);
    } else {
        if (nonblock)
            return -EAGAIN;
        return ipc_wait(p, &pt->rwait, pt->rwhat, timed);
    }
    pt->received++;
    return 0;
}

/* poll on a handle: with RECEIVE, readable while a message is queued;
 * with SEND, writable while the queue has room, in error once the port is
 * dead. Queueing wakes rwait; taking a message and dying wake swait. */
unsigned port_poll(struct port *pt, uint32_t rights, unsigned events, struct proc *waiter)
{
    unsigned got = 0;
    if ((rights & PORT_RECEIVE) && (events & (POLLIN | POLLRDNORM))) {
        if (pt->head)
            got |= POLLIN | POLLRDNORM;
        if (waiter)
            wait_also(waiter, &pt->rwait);
    }
    if (rights & PORT_SEND) {
        if (port_dead(pt))
            got |= POLLERR;
        else if (pt->queued < PORT_QUEUE_MAX)
            got |= POLLOUT | POLLWRNORM;
        if (waiter && (events & (POLLOUT | POLLWRNORM)))
            wait_also(waiter, &pt->swait);
    }
    return got;
}

/* ---- system calls ------------------------------------------------------------------- */

/* port_create(flags): a handle with every right on a new port. */
long sys_port_create(struct proc *p, const long *a)
{
    if (a[0] & ~(PORT_CLOEXEC | PORT_QUEUED))
        return -EINVAL;
    struct port *pt = port_new(p, (a[0] & PORT_QUEUED) != 0);
    if (!pt)
        return -ENOMEM;
    long fd = cap_new_fd(p, pt, PORT_ALL, (int)a[0]);
    if (fd < 0)
        port_free(pt);          /* no capability was made: nothing refers to it */
    return fd;
}

/* port_send(fd, msg, flags, timeout): 0 once the message is on its way. */
long sys_port_send(struct proc *p, const long *a)
{
    struct cap *c;
    struct k_port_msg m;
    bool timed = false;
    uint64_t now = 0;
    long r = cap_lookup(p, a[0], PORT_SEND, &c);
    if (r == 0 && (a[2] & ~PORT_NONBLOCK))
        r = -EINVAL;
    if (r == 0)
        r = ipc_deadline(p, (uptr)a[3], &timed);
    if (r == 0)
        r = msg_read(p, (uptr)a[1], &m);
    if (r == 0)
        r = may_send(p, c->port, &m, nonblocking(p, a[0], a[2]), timed, &now);
    if (r != 0)
        return r;
    struct pmsg *km = pmsg_make(p, &m);
    if (!km)
        return -ENOMEM;
    deliver(c->port, km, now);
    return 0;
}

/* The receive of port_recv and port_reply_recv, on c: the handle fd,
 * already checked for RECEIVE. */
static long recv_on(struct proc *p, struct cap *c, long fd, uptr u, long flags, uptr timeout)
{
    bool timed = false;
    long r = flags & ~PORT_NONBLOCK ? -EINVAL : ipc_deadline(p, timeout, &timed);
    if (r != 0)
        return r;
    return receive(p, c->port, u, nonblocking(p, fd, flags), timed);
}

/* port_recv(fd, msg, flags, timeout): 0 with the oldest message in msg. */
long sys_port_recv(struct proc *p, const long *a)
{
    struct cap *c;
    long r = cap_lookup(p, a[0], PORT_RECEIVE, &c);
    return r < 0 ? r : recv_on(p, c, a[0], (uptr)a[1], a[2], (uptr)a[3]);
}

/* The second half of port_call: the re-issued call looks for its answer. */
static long await_reply(struct proc *p, struct reply *w, uptr u, bool timed)
{
    struct pmsg *km;
    if (!reply_result(w, &km))
        return ipc_wait(p, reply_queue(w), reply_what(w), timed);
    if (!km)
        return -EPIPE;          /* the server dropped the reply capability */
    long r = cap_give(p, km, u, NULL);
    if (r < 0)
        return r;               /* the answer goes with the reply capability */
    struct file *f = p->call.file;
    p->call.file = NULL;
    file_close(f);
    return 0;
}

/* port_call(fd, request, reply, timeout): send request with a reply
 * capability, wait for the answer and copy it to reply. */
long sys_port_call(struct proc *p, const long *a)
{
    struct cap *c;
    struct k_port_msg m;
    bool timed = false;
    uint64_t now = 0;
    struct reply *w = p->restarted ? reply_waiting(p->call.file) : NULL;
    long r = ipc_deadline(p, (uptr)a[3], &timed);
    if (w)
        return await_reply(p, w, (uptr)a[2], timed);
    if (r == 0)
        r = cap_lookup(p, a[0], PORT_SEND, &c);
    if (r == 0)
        r = msg_read(p, (uptr)a[1], &m);
    if (r == 0)
        r = may_send(p, c->port, &m, nonblocking(p, a[0], 0), timed, &now);
    if (r != 0)
        return r;
    struct file *wf;
    struct pmsg *km = pmsg_make(p, &m);
    struct reply *rep = km ? reply_new(c->port->cwhat, &wf) : NULL;
    if (!rep) {
        if (km)
            pmsg_free(km);
        return -ENOMEM;
    }
    km->reply = rep;
    deliver(c->port, km, now);
    p->call.file = wf;          /* the re-issued call waits for the answer */
    if (timed)
        sleep_until(p, p->call.deadline);
    return sleep_on(p, reply_queue(rep), reply_what(rep));
}

/* Answer the call behind descriptor fd with the message at u. The reply
 * capability is one-shot: its descriptor is closed, whether the caller
 * was still there (0) or not (-EPIPE). On a bad message it stays, for
 * another try. The answer goes into the reply capability itself: there is
 * nothing to allocate. */
static long answer(struct proc *p, int fd, uptr u)
{
    struct file *f = fd_get(p, fd);
    struct k_port_msg m;
    if (!f || !reply_of_cap(f))
        return -EBADF;
    long r = msg_read(p, u, &m);
    if (r < 0)
        return r;
    r = reply_answer(p, f, &m);
    p->ofile[fd] = NULL;
    p->cloexec &= ~((uint64_t)1 << fd);
    file_close(f);
    return r;
}

/* port_reply(reply handle, msg): answer a call. */
long sys_port_reply(struct proc *p, const long *a)
{
    return answer(p, (int)a[0], (uptr)a[1]);
}

/*
 * port_reply_recv(reply handle, answer, fd, msg, flags, timeout): answer
 * one call and receive the next message, in one system call - a server's
 * loop then costs one call per request. With reply -1 it only receives.
 * A caller that has gone (EPIPE) does not stop the receive.
 *
 * Only the first attempt answers. The call can block only in its receive,
 * after the answer went, so a re-issued call (p->restarted) goes straight
 * to the receive: answering again would find the reply descriptor closed.
 * For the same reason the call is never restarted after a signal handler:
 * it returns EINTR, with the answer sent.
 */
long sys_port_reply_recv(struct proc *p, const long *a)
{
    struct cap *c;
    long r = cap_lookup(p, a[2], PORT_RECEIVE, &c);
    if (r == 0 && (a[4] & ~PORT_NONBLOCK))
        r = -EINVAL;
    if (r == 0 && !p->restarted && a[0] != -1)
        r = answer(p, (int)a[0], (uptr)a[1]);
    if (r != 0 && r != -EPIPE)
        return r;
    return recv_on(p, c, a[2], (uptr)a[3], a[4], (uptr)a[5]);
}

/* port_set_filter(fd, filter): needs MANAGE. All zero: accept everything. */
long sys_port_set_filter(struct proc *p, const long *a)
{
    struct cap *c;
    struct k_port_filter fl;
    long r = cap_lookup(p, a[0], PORT_MANAGE, &c);
    if (r < 0)
        return r;
    if (copyin(p, &fl, (uptr)a[1], sizeof fl) < 0)
        return -EFAULT;
    if (fl.maxsize > PORT_MSG_DATA)
        return -EINVAL;
    c->port->filter = fl;
    c->port->tat = 0;
    return 0;
}

static long put_info(struct proc *p, struct port *pt, uint32_t rights, uptr u)
{
    struct k_port_info pi;
    memset(&pi, 0, sizeof pi);
    pi.id = pt->id;
    pi.rights = rights;
    pi.queued = pt->queued;
    pi.handles = (uint32_t)pt->caps;
    pi.receivers = (uint32_t)pt->receivers;
    pi.creator = pt->creator;
    pi.sent = pt->sent;
    pi.received = pt->received;
    pi.refused = pt->refused;
    pi.fastpath = pt->fastpath;
    pi.filter = pt->filter;
    kstrlcpy(pi.name, port_name_of(pt), sizeof pi.name);
    return copyout(p, u, &pi, sizeof pi) < 0 ? -EFAULT : 0;
}

/* port_info(fd, info): any handle may ask. */
long sys_port_info(struct proc *p, const long *a)
{
    struct cap *c;
    long r = cap_lookup(p, a[0], 0, &c);
    return r < 0 ? r : put_info(p, c->port, c->rights, (uptr)a[1]);
}

/* port_list(slot, info): the live port with the smallest id above slot
 * (0 to begin); returns its id, the slot to ask for next, or 0 at the end. */
long sys_port_list(struct proc *p, const long *a)
{
    if (a[0] < 0)
        return -EINVAL;
    struct port *best = NULL;
    for (struct port *pt = ports; pt; pt = pt->next)
        if (!port_dead(pt) && pt->id > (unsigned long)a[0] && (!best || pt->id < best->id))
            best = pt;
    if (!best)
        return 0;
    long r = put_info(p, best, 0, (uptr)a[1]);
    return r < 0 ? r : (long)best->id;
}
