/*
 * mqueue.c - POSIX message queues: mq_open, mq_timedsend, mq_timedreceive,
 * mq_notify, mq_getsetattr, mq_unlink.
 *
 * A queue holds up to mq_maxmsg messages of at most mq_msgsize bytes, each
 * with a priority; a receive takes the oldest message of the highest
 * priority. Unlike System V's queues (msgq.c) a POSIX queue has a name in
 * a file system and is used through descriptors: it is a file of
 * /dev/mqueue - an inode of type I_MQUEUE, whose struct mqueue this file
 * keeps - and mq_open opens that file, as Linux's mqueue file system does.
 * So ls shows the queues, their permissions are the file's, reading one
 * (cat /dev/mqueue/jobs) gives Linux's line of status, poll waits on one,
 * and a queue lives, as any file does, while it has a name or is open:
 * mq_unlink removes the name, the last close frees the queue. The C
 * library's mq_close is close().
 *
 * Limits are Linux's defaults: a user may ask for 10 messages of 8192
 * bytes at most (root for more), all of a user's queues together may hold
 * 800 KiB (RLIMIT_MSGQUEUE: a new queue beyond it is EMFILE), and the
 * system holds 256 queues.
 *
 * Nothing here sleeps. A send to a full queue, a receive from an empty one,
 * waits on one of the queue's two wait queues having changed nothing, and
 * the platform re-issues it (docs/design.md); the timeouts are absolute
 * CLOCK_REALTIME times, which a re-issued call simply reads again.
 * docs/ipc/mqueue.md tells the story.
 */
#include "../kernel/kernel.h"
#include "../kernel/uapi/mqueue.h"

#define MQ_OVERHEAD  96             /* bytes Linux counts per message slot */
#define STATUS_SIZE  80             /* st_size of a queue's file, as on Linux */

struct mq_msg {
    struct mq_msg *next;
    uint32_t       prio;
    size_t         len;
    char           data[];
};

struct mqueue {
    struct mqueue    *next;         /* every queue, for the limits */
    k_uid_t           uid;          /* whose bytes it counts against */
    long              maxmsg, msgsize, curmsgs;
    uint64_t          qsize;        /* bytes of all its messages */
    struct mq_msg    *head;         /* highest priority first, oldest first within one */
    struct waitq      rwait;        /* receivers waiting for a message */
    struct waitq      wwait;        /* senders waiting for room */
    int               notify_pid;   /* mq_notify's process, 0: none */
    struct k_sigevent notify;
    uint32_t          ino;          /* for ps: "mq 12 recv" */
};

static struct mqueue *queues;
static int nqueues;
static struct inode *mqdir;         /* /dev/mqueue */

void mqueue_init(void)
{
    queues = NULL;
    nqueues = 0;
    kstats.mqueues = kstats.mqmsgs = 0;
    long r = ramfs_create_path("/dev/mqueue", I_DIR, 01777, NULL, 0);
    struct inode *dev = dir_lookup(vfs_root(), "dev");
    mqdir = dev ? dir_lookup(dev, "mqueue") : NULL;
    if (r < 0 || !mqdir)
        panic("mqueue_init: cannot make /dev/mqueue (error %ld)", r);
}

/* ---- names ----------------------------------------------------------------------- */

/*
 * A queue's name as the C library passes it, its leading '/' taken off:
 * one file name. As Linux's lookup_one_len: an empty name, "." or "..", or
 * a '/' in it is EACCES; a long one ENAMETOOLONG.
 */
static long mq_name(struct proc *p, uptr uname, char *buf)
{
    long n = plat_copyinstr(p, buf, uname, PATH_MAX);
    if (n < 0)
        return n;
    if (n == 0 || strcmp(buf, ".") == 0 || strcmp(buf, "..") == 0)
        return -EACCES;
    for (const char *c = buf; *c; c++)
        if (*c == '/')
            return -EACCES;
    return n > NAME_MAX ? -ENAMETOOLONG : 0;
}

/* The queue behind descriptor fd, or NULL: mq_* on anything else is EBADF. */
static struct mqueue *mq_of(struct proc *p, long fd, struct file **fp)
{
    struct file *f = fd < 0 || fd >= NOFILE ? NULL : fd_get(p, (int)fd);
    if (!f || f->type != F_INODE || f->ip->type != I_MQUEUE)
        return NULL;
    *fp = f;
    return f->ip->mq;
}

/* ---- making and freeing ----------------------------------------------------------- */

static uint64_t mq_bytes(long maxmsg, long msgsize)
{
    return (uint64_t)maxmsg * ((uint64_t)msgsize + MQ_OVERHEAD);
}

static uint64_t user_bytes(k_uid_t uid)
{
    uint64_t sum = 0;
    for (struct mqueue *q = queues; q; q = q->next)
        if (q->uid == uid)
            sum += mq_bytes(q->maxmsg, q->msgsize);
    return sum;
}

/* The attributes of a new queue, checked as Linux checks them. */
static long check_attr(struct proc *p, const struct k_mq_attr *at)
{
    if (at->mq_maxmsg <= 0 || at->mq_msgsize <= 0)
        return -EINVAL;
    long maxmsg = p->uid == 0 ? MQ_MAXMSG_HARD : MQ_MAXMSG_MAX;
    long msgsize = p->uid == 0 ? MQ_MSGSIZE_HARD : MQ_MSGSIZE_MAX;
    if (at->mq_maxmsg > maxmsg || at->mq_msgsize > msgsize)
        return -EINVAL;
    if (nqueues >= MQ_QUEUES_MAX && p->uid != 0)
        return -ENOSPC;
    if (user_bytes(p->uid) + mq_bytes((long)at->mq_maxmsg, (long)at->mq_msgsize) > MQ_BYTES_MAX)
        return -EMFILE;
    return 0;
}

/* A new queue called name in /dev/mqueue, referenced in *out. */
static long mq_create(struct proc *p, const char *name, uint32_t mode,
                      const struct k_mq_attr *at, struct inode **out)
{
    if (!may_access(p, mqdir, W_OK | X_OK))
        return -EACCES;
    long r = check_attr(p, at);
    if (r < 0)
        return r;
    struct mqueue *q = kzalloc(sizeof *q);
    struct inode *ip = q ? ramfs_alloc(I_MQUEUE, mode & ~p->umask & 0777, p) : NULL;
    if (!ip) {
        kfree(q);
        return -ENOMEM;
    }
    if ((r = dir_link(mqdir, name, ip)) < 0) {
        iget(ip);                   /* never linked: this frees it */
        iput(ip);
        kfree(q);
        return r;
    }
    q->uid = p->uid;
    q->maxmsg = (long)at->mq_maxmsg;
    q->msgsize = (long)at->mq_msgsize;
    q->ino = ip->ino;
    q->next = queues;
    queues = q;
    nqueues++;
    kstats.mqueues++;
    ip->mq = q;
    iget(ip);
    *out = ip;
    return 0;
}

/* iput: the inode of a queue goes - no name, no open file - and so do its
 * messages. Nobody waits: a waiter holds an open file. */
void mqueue_gone(struct inode *ip)
{
    struct mqueue *q = ip->mq;
    if (!q)
        return;
    ip->mq = NULL;
    KASSERT(waitq_empty(&q->rwait) && waitq_empty(&q->wwait));
    struct mqueue **pp = &queues;
    while (*pp != q)
        pp = &(*pp)->next;
    *pp = q->next;
    nqueues--;
    kstats.mqueues--;
    while (q->head) {
        struct mq_msg *m = q->head;
        q->head = m->next;
        kfree(m);
        kstats.mqmsgs--;
    }
    kfree(q);
}

/* ---- mq_open(name, oflag, mode, attr), mq_unlink(name) ------------------------------- */

static long mq_open_file(struct proc *p, struct inode *ip, int oflag)
{
    struct file *f = file_alloc();
    if (!f) {
        iput(ip);
        return -ENFILE;
    }
    f->type = F_INODE;
    f->flags = (uint32_t)oflag & (O_ACCMODE | O_NONBLOCK);
    f->ip = ip;
    int fd = fd_alloc(p, f, 0);
    if (fd < 0) {
        file_close(f);
        return fd;
    }
    p->cloexec |= (uint64_t)1 << fd;    /* always, as on Linux */
    return fd;
}

long sys_mq_open(struct proc *p, const long *a)
{
    char name[PATH_MAX];
    long r = mq_name(p, (uptr)a[0], name);
    if (r < 0)
        return r;
    int oflag = (int)a[1];
    struct k_mq_attr at = { 0, MQ_MAXMSG_DEFAULT, MQ_MSGSIZE_DEFAULT, 0 };
    if (a[3] && copyin(p, &at, (uptr)a[3], sizeof at) < 0)
        return -EFAULT;
    int fd = fd_free(p);
    if (fd < 0)
        return fd;
    struct inode *ip = dir_lookup(mqdir, name);
    if (!ip) {
        if (!(oflag & O_CREAT))
            return -ENOENT;
        if ((r = mq_create(p, name, (uint32_t)a[2], &at, &ip)) < 0)
            return r;
        return mq_open_file(p, ip, oflag);
    }
    if ((oflag & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
        return -EEXIST;
    int acc = oflag & O_ACCMODE;
    if (acc == O_ACCMODE)
        return -EINVAL;
    if (ip->type != I_MQUEUE)
        return -EINVAL;
    int want = acc == O_RDONLY ? R_OK : acc == O_WRONLY ? W_OK : R_OK | W_OK;
    if (!may_access(p, ip, want))
        return -EACCES;
    iget(ip);
    return mq_open_file(p, ip, oflag);
}

/* As unlink in a sticky directory: the owner of the queue (or root). */
long sys_mq_unlink(struct proc *p, const long *a)
{
    char name[PATH_MAX];
    long r = mq_name(p, (uptr)a[0], name);
    if (r < 0)
        return r;
    struct inode *ip = dir_lookup(mqdir, name);
    if (!ip)
        return -ENOENT;
    if (!may_access(p, mqdir, W_OK | X_OK))
        return -EACCES;
    if (p->uid != 0 && p->uid != ip->uid && p->uid != mqdir->uid)
        return -EPERM;
    return dir_unlink(mqdir, name);
}

/* ---- sending and receiving -------------------------------------------------------- */

/* Wait on wq until the absolute time at uptr abstime (0: for ever), or not
 * at all (O_NONBLOCK). */
static long mq_wait(struct proc *p, struct mqueue *q, struct waitq *wq, struct file *f,
                    const struct k_timespec *ts)
{
    if (f->flags & O_NONBLOCK)
        return -EAGAIN;
    if (ts) {
        uint64_t deadline;
        long r = ipc_abstime(ts, &deadline);
        if (r < 0)
            return r;
        sleep_until(p, deadline);
    }
    return sleep_on(p, wq, wait_text(p, "mq %u %s", (unsigned)q->ino,
                                     wq == &q->rwait ? "recv" : "send"));
}

/* The timeout argument, checked before anything else, as Linux does. */
static long get_timeout(struct proc *p, uptr uts, struct k_timespec *ts, struct k_timespec **out)
{
    *out = NULL;
    if (!uts)
        return 0;
    if (copyin(p, ts, uts, sizeof *ts) < 0)
        return -EFAULT;
    if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
        return -EINVAL;
    *out = ts;
    return 0;
}

static bool owner_alive(struct mqueue *q)
{
    struct proc *o = q->notify_pid ? proc_find(q->notify_pid) : NULL;
    return o && o->state != P_ZOMBIE;
}

/* A message came to an empty queue that nobody waits on: tell the
 * registered process, once (the registration goes), as POSIX says. */
static void mq_notify_arrival(struct mqueue *q)
{
    if (!q->notify_pid || q->curmsgs != 1 || !waitq_empty(&q->rwait))
        return;
    if (owner_alive(q) && q->notify.sigev_notify == SIGEV_SIGNAL)
        signal_send(proc_find(q->notify_pid), q->notify.sigev_signo);
    q->notify_pid = 0;
}

/* After every message of a higher or equal priority: FIFO within one. */
static void insert(struct mqueue *q, struct mq_msg *m)
{
    struct mq_msg **pp = &q->head;
    while (*pp && (*pp)->prio >= m->prio)
        pp = &(*pp)->next;
    m->next = *pp;
    *pp = m;
    q->curmsgs++;
    q->qsize += m->len;
    kstats.mqmsgs++;
}

/* mq_timedsend(fd, msg, len, prio, abstime) */
long sys_mq_timedsend(struct proc *p, const long *a)
{
    unsigned long len = (unsigned long)a[2], prio = (unsigned long)a[3];
    struct k_timespec ts, *tsp;
    struct file *f;
    if (prio >= MQ_PRIO_MAX)
        return -EINVAL;
    long r = get_timeout(p, (uptr)a[4], &ts, &tsp);
    if (r < 0)
        return r;
    struct mqueue *q = mq_of(p, a[0], &f);
    if (!q || !FILE_WRITABLE(f))
        return -EBADF;
    if (len > (unsigned long)q->msgsize)
        return -EMSGSIZE;
    /* Copy the message in first, as Linux does: a bad buffer leaves the
     * queue as it was, and a send that must wait frees it again. */
    struct mq_msg *m = kalloc(sizeof *m + len);
    if (!m)
        return -ENOMEM;
    if (copyin(p, m->data, (uptr)a[1], len) < 0)
        r = -EFAULT;
    else if (q->curmsgs >= q->maxmsg)
        r = mq_wait(p, q, &q->wwait, f, tsp);
    if (r != 0) {
        kfree(m);
        return r;
    }
    m->prio = (uint32_t)prio;
    m->len = len;
    insert(q, m);
    mq_notify_arrival(q);
    wakeup(&q->rwait);
    return 0;
}

/* mq_timedreceive(fd, buf, len, prio *, abstime): the message's length. */
long sys_mq_timedreceive(struct proc *p, const long *a)
{
    unsigned long len = (unsigned long)a[2];
    struct k_timespec ts, *tsp;
    struct file *f;
    long r = get_timeout(p, (uptr)a[4], &ts, &tsp);
    if (r < 0)
        return r;
    struct mqueue *q = mq_of(p, a[0], &f);
    if (!q || !FILE_READABLE(f))
        return -EBADF;
    if (len < (unsigned long)q->msgsize)
        return -EMSGSIZE;
    struct mq_msg *m = q->head;
    if (!m)
        return mq_wait(p, q, &q->rwait, f, tsp);
    uint32_t prio = m->prio;
    /* Out first, off the queue after: a bad buffer loses nothing. */
    if (copyout(p, (uptr)a[1], m->data, m->len) < 0 ||
        (a[3] && copyout(p, (uptr)a[3], &prio, sizeof prio) < 0))
        return -EFAULT;
    q->head = m->next;
    q->curmsgs--;
    q->qsize -= m->len;
    kstats.mqmsgs--;
    r = (long)m->len;
    kfree(m);
    wakeup(&q->wwait);
    return r;
}

/* ---- mq_notify, mq_getsetattr ----------------------------------------------------- */

/* One process at a time may ask to hear of a message arriving in an empty
 * queue (EBUSY for a second, even itself); a NULL sigevent withdraws its
 * own registration. The registration ends when it fires, when its process
 * closes a descriptor of the queue, and when it exits. */
long sys_mq_notify(struct proc *p, const long *a)
{
    struct file *f;
    struct mqueue *q = mq_of(p, a[0], &f);
    if (!q)
        return -EBADF;
    if (!a[1]) {
        if (q->notify_pid == p->pid)
            q->notify_pid = 0;
        return 0;
    }
    struct k_sigevent ev;
    if (copyin(p, &ev, (uptr)a[1], sizeof ev) < 0)
        return -EFAULT;
    if (ev.sigev_notify != SIGEV_NONE && ev.sigev_notify != SIGEV_SIGNAL)
        return -EINVAL;
    if (ev.sigev_notify == SIGEV_SIGNAL && (ev.sigev_signo <= 0 || ev.sigev_signo >= NSIG))
        return -EINVAL;
    if (owner_alive(q))
        return -EBUSY;
    q->notify_pid = p->pid;
    q->notify = ev;
    return 0;
}

void mqueue_flush(struct proc *p, struct file *f)
{
    struct mqueue *q = f->ip->mq;
    if (q->notify_pid == p->pid)
        q->notify_pid = 0;
}

/* mq_getsetattr(fd, new, old): only O_NONBLOCK can be set, and it is the
 * descriptor's, not the queue's. */
long sys_mq_getsetattr(struct proc *p, const long *a)
{
    struct file *f;
    struct mqueue *q = mq_of(p, a[0], &f);
    if (!q)
        return -EBADF;
    struct k_mq_attr in, old = { f->flags & O_NONBLOCK, q->maxmsg, q->msgsize, q->curmsgs };
    if (a[1]) {
        if (copyin(p, &in, (uptr)a[1], sizeof in) < 0)
            return -EFAULT;
        if (in.mq_flags & ~(int64_t)O_NONBLOCK)
            return -EINVAL;
    }
    if (a[2] && copyout(p, (uptr)a[2], &old, sizeof old) < 0)
        return -EFAULT;
    if (a[1])
        f->flags = (f->flags & ~(uint32_t)O_NONBLOCK) | (uint32_t)in.mq_flags;
    return 0;
}

/* ---- the file: read and poll ---------------------------------------------------------- */

/* Reading a queue's file gives Linux's line of status: the bytes queued,
 * and who is to be told how. */
long mqueue_read(struct proc *p, struct file *f, uptr buf, size_t n)
{
    struct mqueue *q = f->ip->mq;
    bool notify = owner_alive(q);
    char line[STATUS_SIZE + 48];
    int len = ksnprintf(line, sizeof line, "QSIZE:%-10lu NOTIFY:%-5d SIGNO:%-5d NOTIFY_PID:%-6d\n",
                        (unsigned long)q->qsize, notify ? q->notify.sigev_notify : 0,
                        notify && q->notify.sigev_notify == SIGEV_SIGNAL ? q->notify.sigev_signo : 0,
                        notify ? q->notify_pid : 0);
    if (f->off >= len)
        return 0;
    size_t m = MIN(n, (size_t)(len - f->off));
    if (copyout(p, buf, line + f->off, m) < 0)
        return -EFAULT;
    f->off += (int64_t)m;
    return (long)m;
}

/* Readable with a message, writable with room - whatever the descriptor
 * was opened for, as on Linux. */
unsigned mqueue_poll(struct file *f, unsigned events, struct proc *waiter)
{
    struct mqueue *q = f->ip->mq;
    unsigned got = 0;
    if (q->curmsgs > 0)
        got |= POLLIN | POLLRDNORM;
    if (q->curmsgs < q->maxmsg)
        got |= POLLOUT | POLLWRNORM;
    (void)events;
    if (waiter) {
        wait_also(waiter, &q->rwait);
        wait_also(waiter, &q->wwait);
    }
    return got;
}

/* ---- the live view (kernel/snapshot.c) -------------------------------------------- */

/* Every queue: its messages against its limit, their priorities in the
 * order they will be received, who asked to be notified, and who waits.
 * The id is the queue's inode number, as ps says it ("mq 12 recv"). */
void mqueue_snap(struct snap *sn)
{
    for (struct mqueue *q = queues; q; q = q->next) {
        snap_put(sn, "obj\tkind=mq\tid=%u\tmsgs=%ld\tmaxmsg=%ld\tbytes=%llu\tprios=",
                 (unsigned)q->ino, q->curmsgs, q->maxmsg, (unsigned long long)q->qsize);
        int n = 0;
        for (struct mq_msg *m = q->head; m && n < 16; m = m->next)
            snap_put(sn, n++ ? ",%u" : "%u", (unsigned)m->prio);
        if (q->notify_pid)
            snap_put(sn, "\tnotify=%d", q->notify_pid);
        snap_waiters(sn, (struct waitq *const[]){ &q->rwait, &q->wwait, NULL });
        snap_put(sn, "\n");
    }
}

void mqueue_snap_file(struct file *f, struct snap *sn)
{
    snap_put(sn, "\tkind=mq\tid=%u\trole=%s", (unsigned)f->ip->mq->ino,
             FILE_READABLE(f) && FILE_WRITABLE(f) ? "send,recv"
             : FILE_READABLE(f) ? "recv" : "send");
}
