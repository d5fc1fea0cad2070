/*
 * msgq.c - System V message queues: msgget, msgsnd, msgrcv, msgctl.
 *
 * A message queue is a list of messages kept in the kernel. Each message is
 * a positive `long` type and up to MSGMAX bytes of text. Senders append at
 * the tail; a receiver takes the first message, or the first of one type,
 * or the first of the lowest type up to a bound - so one queue can carry
 * several conversations at once (requests as type 1, replies as type 2).
 * Queues are named by keys and ids (sysv.c) and live until IPC_RMID, not
 * until their last user exits: a queue nobody removes outlives every
 * process that used it, as on any System V system.
 *
 * Nothing here sleeps. A send to a full queue or a receive that finds no
 * matching message puts the caller on one of the queue's two wait queues
 * and returns KERN_BLOCK; the platform re-issues the same call after a
 * wakeup. Every path decides whether to wait before it changes anything,
 * so a re-issued call simply starts over. A blocked caller holds nothing
 * but its place on a wait queue, which exit takes away: a process killed
 * in msgrcv leaves nothing behind.
 *
 * IPC_RMID frees the queue at once and wakes everybody waiting on it. A
 * re-issued call then cannot find its id any more; because the call is a
 * re-issue (p->restarted), the id was good when it blocked, so the queue
 * was removed under it: EIDRM, not EINVAL.
 *
 * docs/ipc/msgq.md tells the whole story.
 */
#include "sysv.h"

/* type and text are laid out as the caller's struct msgbuf is, so that
 * one copy moves both. */
struct msg {
    struct msg *next;
    size_t      size;           /* bytes of text */
    long        type;           /* > 0 */
    char        text[];
};

struct msgq {
    struct sysv_obj obj;        /* first: all that sysv.c looks at */
    struct msg   *head, *tail;  /* oldest first */
    uint64_t      cbytes;       /* bytes of text queued */
    uint64_t      qnum;         /* messages queued */
    uint64_t      qbytes;       /* the most text bytes (and messages) it holds */
    int64_t       stime, rtime; /* last msgsnd, last msgrcv (seconds) */
    int32_t       lspid, lrpid; /* and who made them */
    struct waitq  rwait;        /* receivers waiting for a message */
    struct waitq  swait;        /* senders waiting for room */
};

static struct msgq queues[MSGMNI];
static struct sysv_table table = { queues, sizeof queues[0], MSGMNI, 0 };

/* The kernel has no <limits.h>; long is the target's own (see uapi/ipc.h). */
#define LONG_MAX_ ((long)(~0ul >> 1))

/* ---- finding a queue ------------------------------------------------------- */

/*
 * The queue of id for p, or an error: EINVAL for an id that names nothing,
 * EIDRM when a re-issued call finds its queue gone (see the top of the
 * file). want is the access needed (R_OK, W_OK), 0 for none.
 */
static long queue_of(struct proc *p, long id, int want, struct msgq **out)
{
    struct sysv_obj *o = id < 0 || id > 0x7fffffff ? NULL : sysv_lookup(&table, (int)id);
    if (!o)
        return p->restarted ? -EIDRM : -EINVAL;
    if (want && !sysv_may(p, o, want))
        return -EACCES;
    *out = (struct msgq *)(void *)o;
    return 0;
}

static int queue_id(struct msgq *q)
{
    return sysv_id(&table, (int)(q - queues));
}

/* Block p on one of q's wait queues; ps shows "msgq 3 recv". */
static long msgq_sleep(struct proc *p, struct msgq *q, struct waitq *wq)
{
    return sleep_on(p, wq, wait_text(p, "msgq %d %s", queue_id(q),
                                     wq == &q->rwait ? "recv" : "send"));
}

/* ---- msgget(key, flags) ---------------------------------------------------- */

static void queue_init(struct msgq *q)
{
    KASSERT(waitq_empty(&q->rwait) && waitq_empty(&q->swait));
    q->head = q->tail = NULL;
    q->cbytes = q->qnum = 0;
    q->qbytes = MSGMNB;
    q->stime = q->rtime = 0;
    q->lspid = q->lrpid = 0;
}

long sys_msgget(struct proc *p, const long *a)
{
    bool created;
    int slot = sysv_get(&table, p, (int32_t)a[0], (int)a[1], &created);
    if (slot < 0)
        return slot;
    if (created) {
        queue_init(&queues[slot]);
        kstats.ipc[KSTAT_MSGQ]++;
    }
    return sysv_id(&table, slot);
}

/* ---- msgsnd(id, msgp, size, flags) ---------------------------------------- */

/*
 * Whether a message of size bytes fits. As on Linux, msg_qbytes also bounds
 * the number of messages, so that empty messages cannot fill the kernel.
 */
static bool fits(struct msgq *q, uint64_t size)
{
    return q->cbytes + size <= q->qbytes && q->qnum + 1 <= q->qbytes;
}

static void enqueue(struct proc *p, struct msgq *q, struct msg *m)
{
    m->next = NULL;
    if (q->tail)
        q->tail->next = m;
    else
        q->head = m;
    q->tail = m;
    q->cbytes += m->size;
    q->qnum++;
    q->stime = sysv_now();
    q->lspid = p->pid;
    kstats.ipc[KSTAT_MSG]++;
}

long sys_msgsnd(struct proc *p, const long *a)
{
    uptr umsg = (uptr)a[1];
    long size = a[2];
    int flags = (int)a[3];
    if (size < 0 || size > MSGMAX)
        return -EINVAL;
    /* Copy the message in first, as Linux does: a bad buffer then leaves
     * the queue as it was, and a send that must wait frees it again. */
    struct msg *m = kalloc(sizeof *m + (size_t)size);
    if (!m)
        return -ENOMEM;
    long err = copyin(p, &m->type, umsg, sizeof(long) + (size_t)size) < 0 ? -EFAULT
             : m->type < 1 ? -EINVAL : 0;
    struct msgq *q;
    if (!err)
        err = queue_of(p, a[0], W_OK, &q);
    if (!err && !fits(q, (uint64_t)size))
        err = flags & IPC_NOWAIT ? -EAGAIN : msgq_sleep(p, q, &q->swait);
    if (err) {
        kfree(m);
        return err;
    }
    m->size = (size_t)size;
    enqueue(p, q, m);
    wakeup(&q->rwait);
    return 0;
}

/* ---- msgrcv(id, msgp, size, type, flags) ----------------------------------- */

/*
 * The message a receive asks for, and the one before it (NULL at the head):
 *   type == 0                 the first message;
 *   type > 0                  the first of that type, or with MSG_EXCEPT the
 *                             first of any other type;
 *   type < 0                  the first of the lowest type <= -type.
 */
static struct msg *pick(struct msgq *q, long type, int flags, struct msg **prevp)
{
    long bound = type == -LONG_MAX_ - 1 ? LONG_MAX_ : -type;   /* for type < 0 */
    struct msg *best = NULL, *prev = NULL;
    *prevp = NULL;
    for (struct msg *m = q->head; m; prev = m, m = m->next) {
        bool take;
        if (type == 0)
            take = true;
        else if (type > 0)
            take = (m->type == type) != ((flags & MSG_EXCEPT) != 0);
        else
            take = m->type <= bound && (!best || m->type < best->type);
        if (take) {
            best = m;
            *prevp = prev;
            if (type >= 0)
                break;              /* the first match is the one */
        }
    }
    return best;
}

static void dequeue(struct proc *p, struct msgq *q, struct msg *m, struct msg *prev)
{
    if (prev)
        prev->next = m->next;
    else
        q->head = m->next;
    if (q->tail == m)
        q->tail = prev;
    q->cbytes -= m->size;
    q->qnum--;
    q->rtime = sysv_now();
    q->lrpid = p->pid;
    kfree(m);
    kstats.ipc[KSTAT_MSG]--;
}

long sys_msgrcv(struct proc *p, const long *a)
{
    uptr umsg = (uptr)a[1];
    long size = a[2], type = a[3];
    int flags = (int)a[4];
    if (size < 0)
        return -EINVAL;
    struct msgq *q;
    long err = queue_of(p, a[0], R_OK, &q);
    if (err)
        return err;
    struct msg *prev, *m = pick(q, type, flags, &prev);
    if (!m) {
        if (flags & IPC_NOWAIT)
            return -ENOMSG;
        return msgq_sleep(p, q, &q->rwait);
    }
    if (m->size > (size_t)size && !(flags & MSG_NOERROR))
        return -E2BIG;                      /* the message stays queued */
    size_t n = MIN(m->size, (size_t)size);
    /* Copy out first, take the message off after: a bad buffer loses
     * nothing (Linux would have dropped the message). */
    if (copyout(p, umsg, &m->type, sizeof m->type + n) < 0)
        return -EFAULT;
    dequeue(p, q, m, prev);
    wakeup(&q->swait);
    return (long)n;
}

/* ---- msgctl(id, cmd, buf) -------------------------------------------------- */

static void fill_stat(struct msgq *q, struct k_msqid_ds *ds)
{
    memset(ds, 0, sizeof *ds);
    ds->msg_perm = q->obj.perm;
    ds->msg_stime = q->stime;
    ds->msg_rtime = q->rtime;
    ds->msg_ctime = q->obj.ctime;
    ds->msg_cbytes = q->cbytes;
    ds->msg_qnum = q->qnum;
    ds->msg_qbytes = q->qbytes;
    ds->msg_lspid = q->lspid;
    ds->msg_lrpid = q->lrpid;
}

static long copyout_stat(struct proc *p, struct msgq *q, uptr ubuf)
{
    struct k_msqid_ds ds;
    fill_stat(q, &ds);
    return copyout(p, ubuf, &ds, sizeof ds) < 0 ? -EFAULT : 0;
}

/* MSG_STAT: IPC_STAT by table slot, for ipcs; returns the queue's id. */
static long msg_stat_slot(struct proc *p, long slot, uptr ubuf)
{
    struct sysv_obj *o = slot < 0 || slot >= MSGMNI ? NULL : sysv_at(&table, (int)slot);
    if (!o)
        return -EINVAL;
    if (!sysv_may(p, o, R_OK))
        return -EACCES;
    struct msgq *q = (struct msgq *)(void *)o;
    long err = copyout_stat(p, q, ubuf);
    return err ? err : queue_id(q);
}

/*
 * IPC_SET: the owner, the creator or root may change the owner, the mode
 * and msg_qbytes; raising msg_qbytes above its current value takes root
 * (POSIX's rule: Linux checks against the system default instead).
 */
static long msg_set(struct proc *p, long id, uptr ubuf)
{
    struct k_msqid_ds in;
    if (copyin(p, &in, ubuf, sizeof in) < 0)
        return -EFAULT;
    struct msgq *q;
    long err = queue_of(p, id, 0, &q);
    if (err)
        return err;
    if (!sysv_owner(p, &q->obj))
        return -EPERM;
    if (in.msg_qbytes > q->qbytes && p->uid != 0)
        return -EPERM;
    sysv_set(p, &q->obj, &in.msg_perm);
    q->qbytes = in.msg_qbytes;
    wakeup(&q->swait);                      /* there may be room now */
    return 0;
}

/* IPC_RMID: drop the messages, wake every waiter (their re-issued calls
 * return EIDRM), free the slot. */
static long msg_rmid(struct proc *p, long id)
{
    struct msgq *q;
    long err = queue_of(p, id, 0, &q);
    if (err)
        return err;
    if (!sysv_owner(p, &q->obj))
        return -EPERM;
    while (q->head) {
        struct msg *m = q->head;
        q->head = m->next;
        kfree(m);
        kstats.ipc[KSTAT_MSG]--;
    }
    q->tail = NULL;
    q->cbytes = q->qnum = 0;
    wakeup(&q->rwait);
    wakeup(&q->swait);
    sysv_free(&q->obj);
    kstats.ipc[KSTAT_MSGQ]--;
    return 0;
}

long sys_msgctl(struct proc *p, const long *a)
{
    long id = a[0];
    uptr ubuf = (uptr)a[2];
    struct msgq *q;
    long err;
    switch ((int)a[1]) {
    case IPC_STAT:
        err = queue_of(p, id, R_OK, &q);
        return err ? err : copyout_stat(p, q, ubuf);
    case MSG_STAT:
        return msg_stat_slot(p, id, ubuf);
    case IPC_SET:
        return msg_set(p, id, ubuf);
    case IPC_RMID:
        return msg_rmid(p, id);
    default:
        return -EINVAL;
    }
}

/* ---- the live view (kernel/snapshot.c) ---------------------------------------- */

/* The queues ipcs lists (MSG_STAT's), with the types of the first messages
 * queued, oldest first ("..." after TYPES_SHOWN of them). */
#define TYPES_SHOWN 16

void msgq_snap(struct snap *s)
{
    for (int i = 0; i < MSGMNI; i++) {
        struct msgq *q = (struct msgq *)(void *)sysv_at(&table, i);
        if (!q)
            continue;
        snap_put(s, "obj\tkind=msgq\tid=%d\tkey=%d\tqnum=%llu\tcbytes=%llu\tqbytes=%llu\ttypes=",
                 queue_id(q), q->obj.perm.key, (unsigned long long)q->qnum,
                 (unsigned long long)q->cbytes, (unsigned long long)q->qbytes);
        int n = 0;
        for (struct msg *m = q->head; m; m = m->next, n++) {
            if (n == TYPES_SHOWN) {
                snap_put(s, ",...");
                break;
            }
            snap_put(s, n ? ",%ld" : "%ld", m->type);
        }
        snap_waiters(s, (struct waitq *const[]){ &q->rwait, &q->swait, NULL });
        snap_put(s, "\n");
    }
}
