/*
 * cap.c - capabilities: what a port descriptor is, how handles travel in
 * messages, one-shot reply capabilities, and the name table.
 *
 * A process can do to a port exactly what its handles allow. A handle is a
 * descriptor whose F_OBJ file points at a struct cap: the port, and the
 * rights SEND, RECEIVE, MANAGE and GRANT. port_create gives a handle with
 * every right; port_derive makes a new one with fewer (never more); and
 * dup, spawn and close-on-exec work on handles as on any descriptor.
 *
 * A message may carry up to four handles with GRANT. The message holds a
 * reference to each handle's file while it travels, and the receiver gets
 * new descriptors for them, as with Unix's SCM_RIGHTS. A handle with
 * RECEIVE never travels: a message carrying a port's RECEIVE handle could
 * sit in that same port's queue, and the port would keep itself alive with
 * nobody able to reach it (docs/ipc/ports.md, exercise 2).
 *
 * port_call makes a reply capability with two sides: the caller's, which
 * the waiting caller keeps in p->call.file, and the server's, which travels
 * with the message and becomes a descriptor of whoever receives it. The
 * server answers through it once (port_reply), or drops it by closing it or
 * dying - then the caller gets EPIPE.
 *
 * The name table maps names ("echo") to ports, with the rights a lookup
 * gets. Binding a name needs MANAGE; a name goes when it is unbound or when
 * its port dies.
 */
#include "port.h"

static const struct fileops cap_ops, reply_cap_ops, reply_wait_ops;

/* ---- handles ------------------------------------------------------------------ */

static void cap_close(struct file *f)
{
    struct cap *c = f->obj;
    port_cap_gone(c->port, c->rights);
    kfree(c);
    kstats.ipc[KSTAT_CAP]--;
}

static unsigned cap_poll(struct file *f, unsigned events, struct proc *waiter)
{
    struct cap *c = f->obj;
    return port_poll(c->port, c->rights, events, waiter);
}

static const struct fileops cap_ops = { "port", cap_close, NULL, NULL, cap_poll };

static struct cap *cap_of_file(struct file *f)
{
    return f && f->type == F_OBJ && f->ops == &cap_ops ? f->obj : NULL;
}

long cap_lookup(struct proc *p, long fd, uint32_t need, struct cap **out)
{
    struct cap *c = cap_of_file(fd_get(p, (int)fd));
    if (!c)
        return -EBADF;
    if ((c->rights & need) != need)
        return -EPERM;
    *out = c;
    return 0;
}

bool cap_fds_free(struct proc *p, int n, int *fds)
{
    int k = 0;
    for (int fd = 0; fd < fd_limit(p) && k < n; fd++)
        if (!p->ofile[fd])
            fds[k++] = fd;
    return k == n;
}

void cap_fd_install(struct proc *p, int fd, struct file *f)
{
    KASSERT(p->ofile[fd] == NULL);
    p->ofile[fd] = f;
    p->cloexec &= ~((uint64_t)1 << fd);
}

/* Everything that can fail is done before the port hears of the new
 * capability, so a failure leaves the port as it was. */
long cap_new_fd(struct proc *p, struct port *pt, uint32_t rights, int flags)
{
    int fd;
    if (!cap_fds_free(p, 1, &fd))
        return -EMFILE;
    struct cap *c = kzalloc(sizeof *c);
    struct file *f = c ? file_alloc() : NULL;
    if (!f) {
        kfree(c);
        return -ENOMEM;
    }
    c->port = pt;
    c->rights = rights;
    kstats.ipc[KSTAT_CAP]++;
    port_cap_added(pt, rights);
    f->type = F_OBJ;
    f->flags = O_RDWR;
    f->ops = &cap_ops;
    f->obj = c;
    cap_fd_install(p, fd, f);
    if (flags & PORT_CLOEXEC)
        p->cloexec |= (uint64_t)1 << fd;
    return fd;
}

/* ---- handles in messages ----------------------------------------------------- */

long cap_handles_check(struct proc *p, const struct k_port_msg *m)
{
    for (int i = 0; i < m->nhandles; i++) {
        struct cap *c = cap_of_file(fd_get(p, m->handles[i]));
        if (!c)
            return -EBADF;
        if (!(c->rights & PORT_GRANT) || (c->rights & PORT_RECEIVE))
            return -EPERM;
    }
    return 0;
}

void cap_handles_take(struct proc *p, const struct k_port_msg *m, struct pmsg *km)
{
    for (int i = 0; i < m->nhandles; i++) {
        struct file *f = fd_get(p, m->handles[i]);
        file_dup(f);
        km->handles[i] = f;
    }
}

void cap_handles_release(struct pmsg *km)
{
    for (int i = 0; i < PORT_MSG_HANDLES; i++) {
        struct file *f = km->handles[i];
        km->handles[i] = NULL;
        if (f)
            file_close(f);
    }
}

/*
 * Hand km to p: the handles it carries and its reply capability become
 * descriptors of p, and the message, with those descriptors in it, is
 * copied to u. The descriptors are chosen before the copy and taken only
 * after it, so that on any failure nothing has changed and km can still
 * go to someone else. `spare` is the fast path's file, if km came that
 * way: a call's reply capability is made of it.
 */
long cap_give(struct proc *p, struct pmsg *km, uptr u, struct file *spare)
{
    int n = km->m.nhandles, fds[PORT_MSG_HANDLES + 1];
    if (!cap_fds_free(p, n + (km->reply ? 1 : 0), fds))
        return -EMFILE;
    struct file *rf = NULL;
    if (km->reply && !(rf = spare ? spare : reply_cap_file(km->reply)))
        return -ENOMEM;
    struct k_port_msg out = km->m;
    for (int i = 0; i < n; i++)
        out.handles[i] = fds[i];
    out.reply = rf ? fds[n] : -1;
    out.flags = rf ? PORT_MSG_CALL : 0;
    /* The header and the data used: the rest of the receiver's data[]
     * stays as it was, and nothing of the sender's beyond size travels. */
    size_t len = __builtin_offsetof(struct k_port_msg, data) + out.size;
    if (copyout(p, u, &out, len) < 0) {
        if (rf && rf != spare)
            reply_cap_discard(rf);
        return -EFAULT;
    }
    for (int i = 0; i < n; i++) {
        cap_fd_install(p, fds[i], km->handles[i]);
        km->handles[i] = NULL;
    }
    if (rf) {
        if (rf == spare)
            reply_cap_adopt(rf, km->reply);
        cap_fd_install(p, fds[n], rf);
        km->reply = NULL;
    }
    return 0;
}

/* ---- reply capabilities -------------------------------------------------------- */

struct reply {
    int          refs;          /* its sides still there: caller's, server's */
    bool         answered;      /* the server's side is done with */
    bool         caller_gone;   /* the caller's call has ended */
    bool         has_answer;    /* answer holds the server's message */
    struct pmsg  answer;
    struct waitq wq;            /* where the caller waits */
    char         what[24];      /* "port 3 call", for ps */
};

static void reply_put(struct reply *r)
{
    if (--r->refs > 0)
        return;
    KASSERT(waitq_empty(&r->wq));
    if (r->has_answer)
        cap_handles_release(&r->answer);     /* those the caller did not take */
    kfree(r);
    kstats.ipc[KSTAT_CAP]--;
}

static struct file *obj_file(const struct fileops *ops, void *obj)
{
    struct file *f = file_alloc();
    if (f) {
        f->type = F_OBJ;
        f->flags = O_RDONLY;
        f->ops = ops;
        f->obj = obj;
    }
    return f;
}

struct reply *reply_new(const char *what, struct file **wait)
{
    struct reply *r = kalloc(sizeof *r);
    struct file *f = r ? obj_file(&reply_wait_ops, r) : NULL;
    if (!f) {
        kfree(r);
        return NULL;
    }
    r->refs = 2;
    r->answered = r->caller_gone = r->has_answer = false;
    r->wq.head = NULL;
    memcpy(r->what, what, sizeof r->what);
    kstats.ipc[KSTAT_CAP]++;
    *wait = f;
    return r;
}

/* The caller's side closed: its call has ended, answered or not (timed
 * out, interrupted, killed). A later answer finds nobody. */
static void reply_wait_close(struct file *f)
{
    struct reply *r = f->obj;
    r->caller_gone = true;
    reply_put(r);
}

void reply_drop(struct reply *r)
{
    if (!r->answered) {
        r->answered = true;
        wakeup(&r->wq);
    }
    reply_put(r);
}

static void reply_cap_close(struct file *f)
{
    if (f->obj)
        reply_drop(f->obj);
}

static const struct fileops reply_cap_ops = { "port-reply", reply_cap_close, NULL, NULL, NULL };
static const struct fileops reply_wait_ops = { "port-call", reply_wait_close, NULL, NULL, NULL };

struct file *reply_cap_file(struct reply *r) { return obj_file(&reply_cap_ops, r); }

/* The fast path's file, which held a call in the receiver's p->call.file,
 * becomes the server's reply capability: one file fewer per call. */
void reply_cap_adopt(struct file *f, struct reply *r)
{
    f->ops = &reply_cap_ops;
    f->obj = r;
}

void reply_cap_discard(struct file *f)
{
    f->obj = NULL;
    file_close(f);
}

struct reply *reply_waiting(struct file *f)
{
    return f && f->ops == &reply_wait_ops ? f->obj : NULL;
}

struct reply *reply_of_cap(struct file *f)
{
    return f->type == F_OBJ && f->ops == &reply_cap_ops ? f->obj : NULL;
}

long reply_answer(struct proc *p, struct file *f, const struct k_port_msg *m)
{
    struct reply *r = f->obj;
    long ret = -EPIPE;
    if (!r->caller_gone) {
        pmsg_fill(p, m, &r->answer);
        r->has_answer = true;
        ret = 0;
    }
    r->answered = true;
    wakeup(&r->wq);
    f->obj = NULL;              /* spent: the file now closes quietly */
    reply_put(r);
    return ret;
}

int reply_result(struct reply *r, struct pmsg **km)
{
    if (!r->answered)
        return 0;
    *km = r->has_answer ? &r->answer : NULL;
    return 1;
}

struct waitq *reply_queue(struct reply *r) { return &r->wq; }
const char *reply_what(struct reply *r) { return r->what; }

/* ---- the name table ------------------------------------------------------------ */

static struct name {
    char         name[PORT_NAME_MAX];     /* "" for a free entry */
    struct port *port;                    /* a reference */
    uint32_t     rights;                  /* what a lookup gets */
} names[PORT_NAMES_MAX];

static struct waitq name_wait;            /* lookups waiting for a name */

static struct name *name_find(const char *s)
{
    for (int i = 0; i < PORT_NAMES_MAX; i++)
        if (names[i].port && strcmp(names[i].name, s) == 0)
            return &names[i];
    return NULL;
}

static long name_copyin(struct proc *p, uptr u, char *buf)
{
    long n = plat_copyinstr(p, buf, u, PORT_NAME_MAX);
    if (n < 0)
        return n;
    return n == 0 ? -EINVAL : 0;
}

static void name_clear(struct name *n)
{
    struct port *pt = n->port;
    memset(n, 0, sizeof *n);
    port_put(pt);
}

void port_names_drop(struct port *pt)
{
    for (int i = 0; i < PORT_NAMES_MAX; i++)
        if (names[i].port == pt)
            name_clear(&names[i]);
}

const char *port_name_of(struct port *pt)
{
    for (int i = 0; i < PORT_NAMES_MAX; i++)
        if (names[i].port == pt)
            return names[i].name;
    return "";
}

/* ---- system calls ----------------------------------------------------------------- */

/* port_derive(fd, rights, flags): a new handle on the same port with some
 * of fd's rights; asking for one fd lacks is EPERM. */
long sys_port_derive(struct proc *p, const long *a)
{
    struct cap *c;
    long r = cap_lookup(p, a[0], 0, &c);
    if (r < 0)
        return r;
    if ((a[1] & ~PORT_ALL) || (a[2] & ~PORT_CLOEXEC))
        return -EINVAL;
    if ((uint32_t)a[1] & ~c->rights)
        return -EPERM;
    return cap_new_fd(p, c->port, (uint32_t)a[1], (int)a[2]);
}

/* port_bind(fd, name, rights): lookups of name get a handle with rights,
 * which must be among fd's; fd needs MANAGE. */
long sys_port_bind(struct proc *p, const long *a)
{
    struct cap *c;
    char name[PORT_NAME_MAX];
    long r = cap_lookup(p, a[0], PORT_MANAGE, &c);
    if (r == 0 && (a[2] & ~PORT_ALL))
        r = -EINVAL;
    if (r == 0 && ((uint32_t)a[2] & ~c->rights))
        r = -EPERM;
    if (r == 0)
        r = name_copyin(p, (uptr)a[1], name);
    if (r == 0 && port_dead(c->port))
        r = -EPIPE;
    if (r == 0 && name_find(name))
        r = -EEXIST;
    if (r != 0)
        return r;
    for (int i = 0; i < PORT_NAMES_MAX; i++) {
        struct name *n = &names[i];
        if (n->port)
            continue;
        kstrlcpy(n->name, name, sizeof n->name);
        n->port = c->port;
        n->rights = (uint32_t)a[2];
        port_get(c->port);
        wakeup(&name_wait);
        return 0;
    }
    return -ENOSPC;
}

/* port_unbind(fd, name): fd needs MANAGE, on the port the name is bound to. */
long sys_port_unbind(struct proc *p, const long *a)
{
    struct cap *c;
    char name[PORT_NAME_MAX];
    long r = cap_lookup(p, a[0], PORT_MANAGE, &c);
    if (r == 0)
        r = name_copyin(p, (uptr)a[1], name);
    if (r != 0)
        return r;
    struct name *n = name_find(name);
    if (!n)
        return -ENOENT;
    if (n->port != c->port)
        return -EPERM;
    name_clear(n);
    return 0;
}

/* port_lookup(name, flags, timeout): a new handle on the port bound to
 * name. With PORT_WAITNAME it waits for the name to be bound. */
long sys_port_lookup(struct proc *p, const long *a)
{
    char name[PORT_NAME_MAX];
    bool timed = false;
    if (a[1] & ~(PORT_WAITNAME | PORT_CLOEXEC))
        return -EINVAL;
    long r = ipc_deadline(p, (uptr)a[2], &timed);
    if (r == 0)
        r = name_copyin(p, (uptr)a[0], name);
    if (r != 0)
        return r;
    struct name *n = name_find(name);
    if (n)
        return cap_new_fd(p, n->port, n->rights, (int)a[1]);
    if (!(a[1] & PORT_WAITNAME))
        return -ENOENT;
    return ipc_wait(p, &name_wait, "port lookup", timed);
}

/* ---- the live view (kernel/snapshot.c) ---------------------------------------- */

/* A port handle, with its rights as letters: s(end) r(eceive) m(anage)
 * g(rant). */
bool cap_snap_file(struct file *f, struct snap *s)
{
    if (f->ops != &cap_ops)
        return false;
    struct cap *c = f->obj;
    snap_put(s, "\tkind=port\tid=%u\trole=handle\trights=%s%s%s%s", (unsigned)c->port->id,
             c->rights & PORT_SEND ? "s" : "", c->rights & PORT_RECEIVE ? "r" : "",
             c->rights & PORT_MANAGE ? "m" : "", c->rights & PORT_GRANT ? "g" : "");
    return true;
}
