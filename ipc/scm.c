/*
 * scm.c - control messages: descriptors and credentials in flight, and
 * the collector of sockets that only messages hold.
 *
 * sendmsg's control data is a list of struct cmsghdr; Unix sockets take
 * two kinds, at level SOL_SOCKET. SCM_RIGHTS carries descriptors: the
 * sender's open files travel, one reference each, and the receiver gets
 * new descriptors to the same open files (the same offsets, the same
 * flags), as if dup'd across processes. SCM_CREDENTIALS carries a pid, uid
 * and gid, which the kernel checks: only root may claim others. The
 * receiver gets credentials only if it asked (SO_PASSCRED), and then with
 * every message - the sender's own unless it claimed others.
 *
 * A descriptor in flight is a reference to its file held by a message
 * (kstats.inflight counts them). When the message is received, the
 * reference moves to the receiver's descriptor table; when it is dropped
 * unread - its socket closed - the reference is closed. Dropping it may
 * close a socket, whose own queued messages are dropped in turn; those
 * closes are put on a list and done one after the other by scm_settle, so
 * that a long chain of sockets in sockets never nests.
 *
 * A socket can hold itself: send socket A over itself, or A over B and B
 * over A, then close every descriptor. Each is still referenced - by a
 * message in the other's queue - but nobody can ever receive it. The
 * collector finds such sockets, as Linux's does: a candidate is a socket
 * whose every reference is in flight. For each candidate, the references
 * found in candidates' queues are subtracted from its count; one with some
 * left is held from outside, so it is live, and so is everything in its
 * queues, and so on. The candidates left over are garbage: the
 * descriptors in their queues are dropped, which closes them. The
 * collector runs when a socket is released and when a socket's last
 * reference outside messages goes (sock_unref), while descriptors are in
 * flight.
 */
#include "sock.h"

#define INFLIGHT_MAX (NPROC * NOFILE)   /* descriptors in flight in the system */

static struct scm_fds *closing;         /* dropped, to be closed by scm_settle */
static bool settling, gc_wanted;

/* ---- sendmsg's control data ---------------------------------------------------------- */

void scm_default(struct proc *p, struct scm *out)
{
    out->fds = NULL;
    out->cred = sock_cred_of(p);
}

/* Take the files of n descriptors (user ints at data) into *fdsp. */
static long take_rights(struct proc *p, const char *data, size_t n, struct scm_fds **fdsp)
{
    struct scm_fds *old = *fdsp;
    size_t had = old ? (size_t)old->n : 0;
    if (n > SCM_MAX_FD || had + n > SCM_MAX_FD)
        return -EINVAL;
    if (kstats.inflight + had + n > INFLIGHT_MAX)
        return -ETOOMANYREFS;
    struct scm_fds *fds = kalloc(sizeof *fds + (had + n) * sizeof fds->f[0]);
    if (!fds)
        return -ENOMEM;
    fds->next = NULL;
    fds->queued = false;
    fds->n = (int)had;
    if (old) {
        memcpy(fds->f, old->f, had * sizeof fds->f[0]);
        kfree(old);
    }
    *fdsp = fds;
    for (size_t i = 0; i < n; i++) {
        int32_t fd;
        memcpy(&fd, data + i * sizeof fd, sizeof fd);
        struct file *f = fd_get(p, fd);
        if (!f)
            return -EBADF;
        file_dup(f);
        fds->f[fds->n++] = f;
    }
    return 0;
}

/* Linux's scm_check_creds: a process may say who it is; root may say
 * anything. */
static long take_cred(struct proc *p, const char *data, struct k_ucred *cred)
{
    memcpy(cred, data, sizeof *cred);
    if (p->uid != 0 && (cred->pid != p->pid || cred->uid != p->uid || cred->gid != p->gid))
        return -EPERM;
    return 0;
}

/*
 * The control messages at user address ctl, len bytes, walked as the
 * CMSG_FIRSTHDR and CMSG_NXTHDR macros walk them. As on Linux, a buffer
 * too short for one header holds none, a header whose length does not fit
 * is EINVAL, a level other than SOL_SOCKET is skipped, an unknown type is
 * EINVAL. On an error nothing is kept.
 */
long scm_parse(struct proc *p, uptr ctl, size_t len, struct scm *out)
{
    scm_default(p, out);
    if (len < sizeof(struct k_cmsghdr))
        return 0;
    if (len > 65536)
        return -ENOBUFS;
    char *buf = kalloc(len);
    if (!buf)
        return -ENOBUFS;
    long r = copyin(p, buf, ctl, len) < 0 ? -EFAULT : 0;
    size_t at = 0;
    while (r == 0 && len - at >= sizeof(struct k_cmsghdr)) {
        struct k_cmsghdr h;
        memcpy(&h, buf + at, sizeof h);
        if (h.cmsg_len < sizeof h || h.cmsg_len > len - at) {
            r = -EINVAL;
            break;
        }
        const char *data = buf + at + K_CMSG_LEN(0);
        size_t nfd = h.cmsg_len >= K_CMSG_LEN(0) ? (h.cmsg_len - K_CMSG_LEN(0)) / sizeof(int32_t)
                                                 : 0;
        if (h.cmsg_level != SOL_SOCKET)
            ;
        else if (h.cmsg_type == SCM_RIGHTS)
            r = nfd ? take_rights(p, data, nfd, &out->fds) : 0;
        else if (h.cmsg_type == SCM_CREDENTIALS)
            r = h.cmsg_len != K_CMSG_LEN(sizeof(struct k_ucred)) ? -EINVAL
              : take_cred(p, data, &out->cred);
        else
            r = -EINVAL;
        at += K_CMSG_ALIGN(h.cmsg_len);
        if (at > len)
            break;
    }
    kfree(buf);
    if (r < 0)
        scm_drop(out);
    return r;
}

/* ---- in flight ------------------------------------------------------------------------ */

void scm_inflight_add(struct scm_fds *fds)
{
    if (!fds)
        return;
    KASSERT(!fds->queued);
    fds->queued = true;
    kstats.inflight += (uint32_t)fds->n;
    for (int i = 0; i < fds->n; i++) {
        struct sock *s = sock_of(fds->f[i]);
        if (s)
            s->inflight++;
    }
}

void scm_inflight_sub(struct scm_fds *fds)
{
    if (!fds || !fds->queued)
        return;
    fds->queued = false;
    kstats.inflight -= (uint32_t)fds->n;
    for (int i = 0; i < fds->n; i++) {
        struct sock *s = sock_of(fds->f[i]);
        if (s)
            s->inflight--;
    }
}

/* These files go: onto the list scm_settle closes. */
void scm_close_fds(struct scm_fds *fds)
{
    scm_inflight_sub(fds);
    if (fds->n == 0) {
        kfree(fds);
        return;
    }
    fds->next = closing;
    closing = fds;
}

void scm_drop(struct scm *scm)
{
    struct scm_fds *fds = scm->fds;
    if (fds) {
        scm->fds = NULL;
        scm_close_fds(fds);
    }
}

/* MSG_PEEK: the receiver gets new references; the message keeps its own. */
struct scm_fds *scm_dup_fds(const struct scm_fds *fds)
{
    struct scm_fds *c = kalloc(sizeof *c + (size_t)fds->n * sizeof c->f[0]);
    if (!c)
        return NULL;
    c->next = NULL;
    c->queued = false;
    c->n = fds->n;
    for (int i = 0; i < fds->n; i++) {
        file_dup(fds->f[i]);
        c->f[i] = fds->f[i];
    }
    return c;
}

void scm_gc_wanted(void)
{
    if (kstats.inflight)
        gc_wanted = true;
}

/* A reference to f went, not the last. If every one left is in flight,
 * nobody may ever receive it: that is the moment a cycle can form (the
 * last descriptor of a socket sent over itself closes), so collect now,
 * and kstat shows no leak. */
void sock_unref(struct file *f)
{
    struct sock *s = sock_of(f);
    if (s && s->inflight && (uint32_t)f->ref == s->inflight) {
        gc_wanted = true;
        scm_settle();
    }
}

/* ---- the collector ---------------------------------------------------------------------- */

typedef void scan_fn(struct sock *holder, struct scm *scm);

/* Every control record queued at s - and, for a listener, at the
 * connections it has not accepted, which only it can reach. */
static void scan_queues(struct sock *s, scan_fn *fn)
{
    for (struct sock *q = s; q; q = q == s ? s->pending : q->next_pending) {
        for (struct sock_rec *r = q->recs; r; r = r->next)
            fn(s, &r->scm);
        for (struct sock_msg *m = q->msgs; m; m = m->next)
            fn(s, &m->scm);
    }
}

static struct sock *candidate_of(struct file *f)
{
    struct sock *s = sock_of(f);
    return s && s->gc_candidate ? s : NULL;
}

static void subtract(struct sock *holder, struct scm *scm)
{
    (void)holder;
    for (int i = 0; scm->fds && i < scm->fds->n; i++) {
        struct sock *c = candidate_of(scm->fds->f[i]);
        if (c)
            c->gc_refs--;
    }
}

static bool marked;
static void mark_live(struct sock *holder, struct scm *scm)
{
    (void)holder;
    for (int i = 0; scm->fds && i < scm->fds->n; i++) {
        struct sock *c = candidate_of(scm->fds->f[i]);
        if (c && !c->gc_live) {
            c->gc_live = true;
            marked = true;
        }
    }
}

static void drop_garbage(struct sock *holder, struct scm *scm)
{
    (void)holder;
    scm_drop(scm);
}

static void collect(void)
{
    for (struct sock *s = sock_all; s; s = s->next) {
        s->gc_candidate = !s->dead && s->file && s->inflight > 0 &&
                          (uint32_t)s->file->ref == s->inflight;
        s->gc_refs = s->inflight;
        s->gc_live = false;
    }
    for (struct sock *s = sock_all; s; s = s->next)
        if (s->gc_candidate)
            scan_queues(s, subtract);
    for (struct sock *s = sock_all; s; s = s->next)
        if (s->gc_candidate && s->gc_refs > 0)
            s->gc_live = true;
    do {                                /* what the live ones hold is live */
        marked = false;
        for (struct sock *s = sock_all; s; s = s->next)
            if (s->gc_candidate && s->gc_live)
                scan_queues(s, mark_live);
    } while (marked);
    for (struct sock *s = sock_all; s; s = s->next)
        if (s->gc_candidate && !s->gc_live)
            scan_queues(s, drop_garbage);
}

/*
 * Close what was dropped, collect when a socket was released while
 * descriptors are in flight, and again until nothing is left to do. Only
 * the outermost call works; the closes it makes come back here and return
 * at once.
 */
void scm_settle(void)
{
    if (settling)
        return;
    settling = true;
    for (;;) {
        if (closing) {
            struct scm_fds *fds = closing;
            closing = fds->next;
            for (int i = 0; i < fds->n; i++)
                file_close(fds->f[i]);
            kfree(fds);
        } else if (gc_wanted) {
            gc_wanted = false;
            if (kstats.inflight)
                collect();
        } else {
            break;
        }
    }
    settling = false;
}
