/*
 * sem.c - System V semaphores: sets of counters that processes wait on
 * and change together, several at a time, all or nothing.
 *
 * semget finds or makes a set (keys, ids and permissions are sysv.c's).
 * semop applies a list of operations (add, subtract, wait for zero) to one
 * set atomically: either every operation can proceed and all are applied,
 * or none is and the caller waits on the set's queue. semctl reads and
 * writes the counters and removes the set.
 *
 * Blocking follows the kernel's restartable model (docs/design.md, "The
 * kernel never sleeps"): semop first tries every operation on a copy of the
 * counters; if one would block, it sleeps having changed nothing, and the
 * re-issued call tries again from the start. Any change to a set wakes all
 * its waiters, and each one re-checks.
 *
 * IPC_RMID frees the set at once and wakes its waiters. A re-issued semop
 * then cannot find its id; since the call is a re-issue (p->restarted), the
 * id was good when it blocked, so the set was removed under it: EIDRM.
 *
 * Two things outlive a single call and live in tables here:
 *  - what each blocked process waits for, for GETNCNT and GETZCNT;
 *  - SEM_UNDO records: per process and set, the sum of the operations to
 *    undo when the process exits (semundo_exit, called by proc_exit).
 *
 * POSIX named semaphores are in psem.c. docs/ipc/sem.md tells the story.
 */
#include "sysv.h"

struct sem {
    uint16_t value;                 /* 0 .. SEMVMX */
    int32_t  pid;                   /* the last process to change it */
};

struct semset {
    struct sysv_obj o;              /* first: what sysv.c sees */
    struct sem  *sems;              /* nsems of them, in the kernel heap */
    int          nsems;
    int64_t      otime;             /* the last semop, seconds */
    struct waitq wq;                /* every process blocked in semop on it */
};

_Static_assert(SEMMNI <= SYSV_SLOTS, "one table slot per set");

static struct semset sets[SEMMNI];
static struct sysv_table sem_table = { sets, sizeof sets[0], SEMMNI, 0 };

/* Why each process (by slot in procs[]) last blocked in semop. Only read
 * for processes still on a set's queue, so it never needs clearing. */
static struct semwait {
    uint16_t num;                   /* the semaphore whose operation blocked */
    bool     zero;                  /* waiting for zero, not for an increase */
} waits[NPROC];

/* SEM_UNDO: what to add back to each semaphore of set when p exits. */
struct sem_undo {
    struct sem_undo *next;
    struct proc     *p;
    struct semset   *set;
    int32_t          adj[];         /* set->nsems of them */
};
static struct sem_undo *undos;

static struct semwait *wait_of(struct proc *p) { return &waits[p - procs]; }

static struct semset *set_lookup(long id)
{
    if (id < 0 || id > 0x7fffffff)
        return NULL;
    return (struct semset *)sysv_lookup(&sem_table, (int)id);
}

static int set_id(struct semset *set) { return sysv_id(&sem_table, (int)(set - sets)); }

static bool key_in_use(int32_t key)
{
    for (int i = 0; i < SEMMNI; i++)
        if (sets[i].o.used && !sets[i].o.removed && sets[i].o.perm.key == key)
            return true;
    return false;
}

/* ---- SEM_UNDO records -------------------------------------------------------- */

static struct sem_undo *undo_find(struct proc *p, struct semset *set)
{
    for (struct sem_undo *u = undos; u; u = u->next)
        if (u->p == p && u->set == set)
            return u;
    return NULL;
}

static struct sem_undo *undo_new(struct proc *p, struct semset *set)
{
    struct sem_undo *u = kzalloc(sizeof *u + (size_t)set->nsems * sizeof u->adj[0]);
    if (!u)
        return NULL;
    u->p = p;
    u->set = set;
    u->next = undos;
    undos = u;
    kstats.ipc[KSTAT_UNDO]++;
    return u;
}

/* Unlink and free every record that matches p (or any, for NULL) and set
 * (or any, for NULL). */
static void undo_drop(struct proc *p, struct semset *set)
{
    struct sem_undo **pp = &undos;
    while (*pp) {
        struct sem_undo *u = *pp;
        if ((p && u->p != p) || (set && u->set != set)) {
            pp = &u->next;
            continue;
        }
        *pp = u->next;
        kfree(u);
        kstats.ipc[KSTAT_UNDO]--;
    }
}

/* SETVAL and SETALL make old adjustments meaningless: forget them, for
 * semaphore num (or all, for -1), in every process, as Linux does. */
static void undo_clear(struct semset *set, int num)
{
    for (struct sem_undo *u = undos; u; u = u->next) {
        if (u->set != set)
            continue;
        for (int i = 0; i < set->nsems; i++)
            if (num < 0 || i == num)
                u->adj[i] = 0;
    }
}

/* From proc_exit: apply p's adjustments, clamped to the counters' range as
 * Linux does, and wake whoever waits on the changed sets. */
void semundo_exit(struct proc *p)
{
    for (struct sem_undo *u = undos; u; u = u->next) {
        if (u->p != p)
            continue;
        struct semset *set = u->set;
        bool changed = false;
        for (int i = 0; i < set->nsems; i++) {
            if (!u->adj[i])
                continue;
            int32_t v = (int32_t)set->sems[i].value + u->adj[i];
            set->sems[i].value = (uint16_t)(v < 0 ? 0 : v > SEMVMX ? SEMVMX : v);
            set->sems[i].pid = p->pid;
            changed = true;
        }
        if (changed)
            wakeup(&set->wq);
    }
    undo_drop(p, NULL);
}

/* ---- semget(key, nsems, flags) ------------------------------------------------ */

long sys_semget(struct proc *p, const long *a)
{
    int32_t key = (int32_t)a[0];
    long nsems = a[1];
    int flags = (int)a[2];
    if (nsems < 0 || nsems > SEMMSL)
        return -EINVAL;
    bool creating = key == IPC_PRIVATE || ((flags & IPC_CREAT) && !key_in_use(key));
    if (creating && nsems == 0)
        return -EINVAL;

    bool created;
    int slot = sysv_get(&sem_table, p, key, flags, &created);
    if (slot < 0)
        return slot;
    struct semset *set = &sets[slot];
    if (!created)
        return nsems > set->nsems ? -EINVAL : sysv_id(&sem_table, slot);

    set->sems = kzalloc((size_t)nsems * sizeof set->sems[0]);
    if (!set->sems) {
        sysv_free(&set->o);
        return -ENOMEM;
    }
    set->nsems = (int)nsems;
    set->otime = 0;
    set->wq.head = NULL;
    kstats.ipc[KSTAT_SEM]++;
    return sysv_id(&sem_table, slot);
}

/* ---- semop(id, sops, nsops, timeout) ------------------------------------------ */

#define SEMOP_BLOCK 1               /* try_ops: an operation cannot proceed */

/*
 * Try the operations in order on copies of the counters (vals) and of the
 * caller's adjustments (adj). Returns 0 if all can proceed, SEMOP_BLOCK
 * with *at set to the one that cannot, or -ERANGE for a counter or an
 * adjustment pushed out of range. The set itself is not touched.
 */
static int try_ops(struct semset *set, struct sem_undo *u, const struct k_sembuf *sops,
                   int nsops, int32_t *vals, int32_t *adj, int *at)
{
    for (int i = 0; i < set->nsems; i++) {
        vals[i] = set->sems[i].value;
        adj[i] = u ? u->adj[i] : 0;
    }
    for (int i = 0; i < nsops; i++) {
        int n = sops[i].sem_num, op = sops[i].sem_op;
        if ((op == 0 && vals[n] != 0) || vals[n] + op < 0) {
            *at = i;
            return SEMOP_BLOCK;
        }
        if (vals[n] + op > SEMVMX)
            return -ERANGE;
        vals[n] += op;
        if (sops[i].sem_flg & SEM_UNDO) {
            adj[n] -= op;
            if (adj[n] < -SEMVMX || adj[n] > SEMVMX)
                return -ERANGE;
        }
    }
    return 0;
}

/* All operations can proceed: make them so. The undo record is allocated
 * first, so that running out of memory still changes nothing. */
static long apply_ops(struct proc *p, struct semset *set, struct sem_undo *u,
                      const struct k_sembuf *sops, int nsops,
                      const int32_t *vals, const int32_t *adj)
{
    bool undo = false, changed = false;
    for (int i = 0; i < nsops; i++) {
        undo |= (sops[i].sem_flg & SEM_UNDO) != 0;
        changed |= sops[i].sem_op != 0;
    }
    if (undo && !u && !(u = undo_new(p, set)))
        return -ENOMEM;
    for (int i = 0; i < set->nsems; i++) {
        set->sems[i].value = (uint16_t)vals[i];
        if (u)
            u->adj[i] = adj[i];
    }
    for (int i = 0; i < nsops; i++)
        set->sems[sops[i].sem_num].pid = p->pid;
    set->otime = sysv_now();
    if (changed)
        wakeup(&set->wq);
    return 0;
}

/* The first time through, turn a relative timeout into a deadline kept in
 * p->call, so that re-issued calls keep counting from the start. */
static long semop_deadline(struct proc *p, uptr utimeout)
{
    if (!utimeout || p->restarted)
        return 0;
    struct k_timespec ts;
    if (copyin(p, &ts, utimeout, sizeof ts) < 0)
        return -EFAULT;
    if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
        return -EINVAL;
    int64_t sec = MIN(ts.tv_sec, 100LL * 365 * 86400);   /* a century: forever */
    p->call.deadline = now_ns() + (uint64_t)sec * 1000000000ull + (uint64_t)ts.tv_nsec;
    return 0;
}

/* Operation `at` cannot proceed: fail or wait, having changed nothing. */
static long semop_wait(struct proc *p, struct semset *set, const struct k_sembuf *op,
                       bool timed)
{
    if (op->sem_flg & IPC_NOWAIT)
        return -EAGAIN;
    if (timed && now_ns() >= p->call.deadline)
        return -EAGAIN;                     /* Linux's answer to a timeout */
    struct semwait *w = wait_of(p);
    w->num = op->sem_num;
    w->zero = op->sem_op == 0;
    if (timed)
        sleep_until(p, p->call.deadline);
    return sleep_on(p, &set->wq, wait_text(p, "semop %d", set_id(set)));
}

long sys_semop(struct proc *p, const long *a)
{
    long id = a[0], nsops = a[2];
    uptr usops = (uptr)a[1], utimeout = (uptr)a[3];
    if (nsops <= 0)
        return -EINVAL;
    if (nsops > SEMOPM)
        return -E2BIG;
    struct k_sembuf sops[SEMOPM];
    if (copyin(p, sops, usops, (size_t)nsops * sizeof sops[0]) < 0)
        return -EFAULT;
    long r = semop_deadline(p, utimeout);
    if (r < 0)
        return r;
    struct semset *set = set_lookup(id);
    if (!set)
        return p->restarted ? -EIDRM : -EINVAL;
    bool alter = false;
    for (int i = 0; i < nsops; i++) {
        if (sops[i].sem_num >= set->nsems)
            return -EFBIG;
        alter |= sops[i].sem_op != 0;
    }
    if (!sysv_may(p, &set->o, alter ? W_OK : R_OK))
        return -EACCES;

    int32_t vals[SEMMSL], adj[SEMMSL];
    int at;
    struct sem_undo *u = undo_find(p, set);
    r = try_ops(set, u, sops, (int)nsops, vals, adj, &at);
    if (r == SEMOP_BLOCK)
        return semop_wait(p, set, &sops[at], utimeout != 0);
    if (r < 0)
        return r;
    return apply_ops(p, set, u, sops, (int)nsops, vals, adj);
}

/* ---- semctl(id, num, cmd, arg) ------------------------------------------------ */

/* IPC_RMID: every waiter wakes to find the set gone (EIDRM); the
 * adjustments of every process are forgotten. */
static long sem_rmid(struct proc *p, struct semset *set)
{
    if (!sysv_owner(p, &set->o))
        return -EPERM;
    wakeup(&set->wq);
    undo_drop(NULL, set);
    kfree(set->sems);
    set->sems = NULL;
    set->nsems = 0;
    sysv_free(&set->o);
    kstats.ipc[KSTAT_SEM]--;
    return 0;
}

static long sem_stat(struct proc *p, struct semset *set, uptr ubuf)
{
    struct k_semid_ds ds;
    memset(&ds, 0, sizeof ds);
    ds.sem_perm = set->o.perm;
    ds.sem_otime = set->otime;
    ds.sem_ctime = set->o.ctime;
    ds.sem_nsems = (uint64_t)set->nsems;
    return copyout(p, ubuf, &ds, sizeof ds) < 0 ? -EFAULT : 0;
}

static long sem_set(struct proc *p, struct semset *set, uptr ubuf)
{
    struct k_semid_ds ds;
    if (copyin(p, &ds, ubuf, sizeof ds) < 0)
        return -EFAULT;
    long r = sysv_set(p, &set->o, &ds.sem_perm);
    if (r == 0)
        set->o.ctime = sysv_now();
    return r;
}

/* GETNCNT and GETZCNT: the processes blocked on semaphore num of set,
 * waiting for it to grow (zero false) or to reach zero. */
static long count_waiters(struct semset *set, int num, bool zero)
{
    long n = 0;
    waitq_for_each(e, &set->wq)
        if (wait_of(e->p)->num == num && wait_of(e->p)->zero == zero)
            n++;
    return n;
}

/* After SETVAL or SETALL: the new values are the truth. */
static void values_set(struct proc *p, struct semset *set, int num)
{
    for (int i = 0; i < set->nsems; i++)
        if (num < 0 || i == num)
            set->sems[i].pid = p->pid;
    undo_clear(set, num);
    set->o.ctime = sysv_now();
    wakeup(&set->wq);
}

static long sem_getall(struct proc *p, struct semset *set, uptr uarray)
{
    uint16_t vals[SEMMSL];
    for (int i = 0; i < set->nsems; i++)
        vals[i] = set->sems[i].value;
    return copyout(p, uarray, vals, (size_t)set->nsems * sizeof vals[0]) < 0 ? -EFAULT : 0;
}

static long sem_setall(struct proc *p, struct semset *set, uptr uarray)
{
    uint16_t vals[SEMMSL];
    if (copyin(p, vals, uarray, (size_t)set->nsems * sizeof vals[0]) < 0)
        return -EFAULT;
    for (int i = 0; i < set->nsems; i++)
        if (vals[i] > SEMVMX)
            return -ERANGE;
    for (int i = 0; i < set->nsems; i++)
        set->sems[i].value = vals[i];
    values_set(p, set, -1);
    return 0;
}

static long sem_setval(struct proc *p, struct semset *set, int num, long val)
{
    if (val < 0 || val > SEMVMX)
        return -ERANGE;
    set->sems[num].value = (uint16_t)val;
    values_set(p, set, num);
    return 0;
}

/* The commands that read one semaphore, num already checked. */
static long sem_getone(struct semset *set, int num, int cmd)
{
    if (cmd == GETVAL)
        return set->sems[num].value;
    if (cmd == GETPID)
        return set->sems[num].pid;
    return count_waiters(set, num, cmd == GETZCNT);
}

/* Which permission a command needs: R_OK, W_OK, or 0 for the owner's. */
static int cmd_needs(int cmd)
{
    switch (cmd) {
    case IPC_STAT: case GETVAL: case GETPID: case GETNCNT: case GETZCNT: case GETALL:
        return R_OK;
    case SETVAL: case SETALL:
        return W_OK;
    case IPC_SET: case IPC_RMID:
        return 0;
    default:
        return -1;
    }
}

/* SEM_STAT: IPC_STAT by table slot, for ipcs; returns the set's id. */
static long sem_stat_slot(struct proc *p, long slot, uptr ubuf)
{
    struct sysv_obj *o = slot < 0 || slot >= SEMMNI ? NULL : sysv_at(&sem_table, (int)slot);
    if (!o)
        return -EINVAL;
    if (!sysv_may(p, o, R_OK))
        return -EACCES;
    long r = sem_stat(p, (struct semset *)(void *)o, ubuf);
    return r < 0 ? r : sysv_id(&sem_table, (int)slot);
}

long sys_semctl(struct proc *p, const long *a)
{
    long num = a[1];
    int cmd = (int)a[2];
    long arg = a[3];
    if (cmd == SEM_STAT)
        return sem_stat_slot(p, a[0], (uptr)arg);
    int need = cmd_needs(cmd);
    if (need < 0)
        return -EINVAL;
    struct semset *set = set_lookup(a[0]);
    if (!set)
        return -EINVAL;
    if (cmd == IPC_RMID)
        return sem_rmid(p, set);
    if (cmd == IPC_SET)
        return sem_set(p, set, (uptr)arg);
    if (!sysv_may(p, &set->o, need))
        return -EACCES;
    if (cmd == IPC_STAT)
        return sem_stat(p, set, (uptr)arg);
    if (cmd == GETALL)
        return sem_getall(p, set, (uptr)arg);
    if (cmd == SETALL)
        return sem_setall(p, set, (uptr)arg);
    if (num < 0 || num >= set->nsems)
        return -EINVAL;
    if (cmd == SETVAL)
        return sem_setval(p, set, (int)num, arg);
    return sem_getone(set, (int)num, cmd);
}
