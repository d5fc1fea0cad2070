/*
 * test_sem.c - unit tests of ipc/sem.c, System V semaphore sets: semget,
 * semop (one and several operations, all or nothing, blocking and waking,
 * IPC_NOWAIT, timeouts, SEM_UNDO), semctl (every command), IPC_RMID with
 * waiters, signals and kills while blocked, permissions and bad input.
 *
 * A call that blocks returns KERN_BLOCK; the test re-issues it, as a
 * platform would, once the process is runnable again.
 */
#include "test.h"
#include "../../ipc/sysv.h"

#define HANDLER 0x4000L             /* any user address stands for a handler */

/* ---- helpers -------------------------------------------------------------- */

static long tsemget(struct proc *p, long key, long nsems, long flags)
{
    return tsys(p, SYS_semget, key, nsems, flags);
}

static long tctl(struct proc *p, long id, long num, long cmd, long arg)
{
    return tsys(p, SYS_semctl, id, num, cmd, arg);
}

static long tval(long id, int num) { return tctl(init, id, num, GETVAL, 0); }

/* semop with up to three operations given inline: num, op, flags each. */
static long tsemop3(struct proc *p, long id, int nsops, const struct k_sembuf *ops, uptr timeout)
{
    uptr u = ubytes(p, ops, (size_t)nsops * sizeof ops[0]);
    return tsys(p, SYS_semop, id, (long)u, (long)nsops, (long)timeout);
}

static long top(struct proc *p, long id, int num, int op, int flags)
{
    struct k_sembuf b = { (uint16_t)num, (int16_t)op, (int16_t)flags };
    return tsemop3(p, id, 1, &b, 0);
}

static struct proc *tkid(void) { return tspawn(init, "/bin/init"); }

static struct proc *tuser_kid(void)
{
    struct proc *c = tkid();
    CHECK_EQ(tsys(c, SYS_setgid, 1000L), 0);
    CHECK_EQ(tsys(c, SYS_setuid, 1000L), 0);
    return c;
}

/* Reap c, which a signal killed. */
static void treap_killed(struct proc *c)
{
    int pid = c->pid;
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
    int status = *(int *)uhost(init, st);
    CHECK(WIFSIGNALED(status));
}

static void tset_action(struct proc *p, int sig, uint32_t flags)
{
    struct k_sigaction sa = { .sa_handler = HANDLER, .sa_flags = flags };
    CHECK_EQ(tsys(p, SYS_sigaction, (long)sig, (long)ubytes(p, &sa, sizeof sa), 0L), 0);
}

/* Eat the kernel heap, so that the next allocation fails; give it back. */
static void *eaten[4096];
static int neaten;
static void heap_eat(void)
{
    for (size_t sz = 1u << 20; sz >= 16; sz >>= 1)
        while (neaten < 4096 && (eaten[neaten] = kalloc(sz)) != NULL)
            neaten++;
    CHECK(neaten < 4096);
}
static void heap_return(void)
{
    while (neaten > 0)
        kfree(eaten[--neaten]);
}

/* ---- semget ----------------------------------------------------------------- */

TEST(sem_private_set_starts_at_zero)
{
    tclock_advance(4000000000ull);
    long id = tsemget(init, IPC_PRIVATE, 3, 0600);
    CHECK_EQ(id, 0);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 1);
    uptr arr = ubuf(init, 3 * sizeof(uint16_t));
    memset(uhost(init, arr), 0xff, 6);
    CHECK_EQ(tctl(init, id, 0, GETALL, (long)arr), 0);
    uint16_t *v = uhost(init, arr);
    CHECK(v[0] == 0 && v[1] == 0 && v[2] == 0);
    struct k_semid_ds ds;
    uptr u = ubuf(init, sizeof ds);
    CHECK_EQ(tctl(init, id, 0, IPC_STAT, (long)u), 0);
    memcpy(&ds, uhost(init, u), sizeof ds);
    CHECK_EQ(ds.sem_nsems, 3);
    CHECK_EQ(ds.sem_perm.mode, 0600);
    CHECK_EQ(ds.sem_perm.key, 0);
    CHECK_EQ(ds.sem_otime, 0);
    CHECK_EQ(ds.sem_ctime, (int64_t)(plat_clock_ns(CLOCK_REALTIME) / 1000000000ull));
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 0);
}

TEST(sem_key_finds_the_same_set)
{
    long id = tsemget(init, 0x77, 4, IPC_CREAT | 0600);
    CHECK(id >= 0);
    CHECK_EQ(tsemget(init, 0x77, 4, IPC_CREAT | 0600), id);
    CHECK_EQ(tsemget(init, 0x77, 2, 0), id);            /* fewer is fine */
    CHECK_EQ(tsemget(init, 0x77, 0, 0), id);            /* 0: any number */
    CHECK_EQ(tsemget(init, 0x77, 5, 0), -EINVAL);       /* more is not */
    CHECK_EQ(tsemget(init, 0x77, 4, IPC_CREAT | IPC_EXCL | 0600), -EEXIST);
    CHECK_EQ(tsemget(init, 0x78, 4, 0600), -ENOENT);
    struct proc *c = tuser_kid();
    CHECK_EQ(tsemget(c, 0x77, 4, 0600), -EACCES);
    texit_reap(c, 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_get_bad_counts)
{
    CHECK_EQ(tsemget(init, IPC_PRIVATE, 0, 0600), -EINVAL);
    CHECK_EQ(tsemget(init, 5, 0, IPC_CREAT | 0600), -EINVAL);
    CHECK_EQ(tsemget(init, IPC_PRIVATE, -1, 0600), -EINVAL);
    CHECK_EQ(tsemget(init, IPC_PRIVATE, SEMMSL + 1, 0600), -EINVAL);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 0);
    long id = tsemget(init, IPC_PRIVATE, SEMMSL, 0600);
    CHECK_EQ(id, 0);                                    /* no slot was used up */
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_table_full_and_no_memory)
{
    long ids[SEMMNI];
    for (int i = 0; i < SEMMNI; i++)
        CHECK_EQ(ids[i] = tsemget(init, IPC_PRIVATE, 1, 0600), i);
    CHECK_EQ(tsemget(init, IPC_PRIVATE, 1, 0600), -ENOSPC);
    CHECK_EQ(tctl(init, ids[0], 0, IPC_RMID, 0), 0);
    heap_eat();
    CHECK_EQ(tsemget(init, IPC_PRIVATE, 8, 0600), -ENOMEM);
    heap_return();
    CHECK_EQ(kstats.ipc[KSTAT_SEM], SEMMNI - 1);
    for (int i = 1; i < SEMMNI; i++)
        CHECK_EQ(tctl(init, ids[i], 0, IPC_RMID, 0), 0);
}

/* ---- semop: one operation ---------------------------------------------------- */

TEST(sem_op_takes_and_gives)
{
    tclock_advance(7000000000ull);
    long id = tsemget(init, IPC_PRIVATE, 2, 0600);
    CHECK_EQ(top(init, id, 1, 3, 0), 0);
    CHECK_EQ(tval(id, 1), 3);
    CHECK_EQ(top(init, id, 1, -2, 0), 0);
    CHECK_EQ(tval(id, 1), 1);
    CHECK_EQ(top(init, id, 0, 0, 0), 0);                /* zero already: no wait */
    CHECK_EQ(tctl(init, id, 1, GETPID, 0), init->pid);
    CHECK_EQ(tctl(init, id, 0, GETPID, 0), init->pid);
    struct k_semid_ds ds;
    uptr u = ubuf(init, sizeof ds);
    CHECK_EQ(tctl(init, id, 0, IPC_STAT, (long)u), 0);
    memcpy(&ds, uhost(init, u), sizeof ds);
    CHECK_EQ(ds.sem_otime, (int64_t)(plat_clock_ns(CLOCK_REALTIME) / 1000000000ull));
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_op_blocks_until_an_increase)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0600);
    struct proc *c = tkid();
    struct k_sembuf down = { 0, -1, 0 };
    uptr ops = ubytes(c, &down, sizeof down);
    CHECK_EQ(tsys(c, SYS_semop, id, (long)ops, 1L, 0L), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK_STR(c->wait_what, "semop 0");
    CHECK_EQ(tctl(init, id, 0, GETNCNT, 0), 1);
    CHECK_EQ(tctl(init, id, 0, GETZCNT, 0), 0);
    /* a spurious wakeup: the re-issued call finds nothing and waits again */
    wakeup_proc(c);
    CHECK_EQ(tsys(c, SYS_semop, id, (long)ops, 1L, 0L), KERN_BLOCK);
    CHECK_EQ(top(init, id, 0, 1, 0), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tctl(init, id, 0, GETNCNT, 0), 0);
    CHECK_EQ(tsys(c, SYS_semop, id, (long)ops, 1L, 0L), 0);
    CHECK_EQ(tval(id, 0), 0);
    CHECK_EQ(tctl(init, id, 0, GETPID, 0), c->pid);
    texit_reap(c, 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_op_waits_for_zero)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0600);
    CHECK_EQ(top(init, id, 0, 2, 0), 0);
    struct proc *c = tkid();
    CHECK_EQ(top(c, id, 0, 0, 0), KERN_BLOCK);
    CHECK_EQ(tctl(init, id, 0, GETZCNT, 0), 1);
    CHECK_EQ(tctl(init, id, 0, GETNCNT, 0), 0);
    CHECK_EQ(top(init, id, 0, -1, 0), 0);
    CHECK_EQ(top(c, id, 0, 0, 0), KERN_BLOCK);          /* 1 is not zero yet */
    CHECK_EQ(top(init, id, 0, -1, 0), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(top(c, id, 0, 0, 0), 0);
    texit_reap(c, 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_op_nowait_is_eagain)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0600);
    CHECK_EQ(top(init, id, 0, -1, IPC_NOWAIT), -EAGAIN);
    CHECK_EQ(top(init, id, 0, 1, 0), 0);
    CHECK_EQ(top(init, id, 0, 0, IPC_NOWAIT), -EAGAIN);
    CHECK_EQ(top(init, id, 0, -1, IPC_NOWAIT), 0);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_op_range)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0600);
    CHECK_EQ(top(init, id, 0, SEMVMX, 0), 0);
    CHECK_EQ(top(init, id, 0, 1, 0), -ERANGE);
    CHECK_EQ(tval(id, 0), SEMVMX);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

/* ---- semop: several operations, all or nothing ------------------------------- */

TEST(sem_ops_apply_all_or_none)
{
    long id = tsemget(init, IPC_PRIVATE, 2, 0600);
    CHECK_EQ(top(init, id, 0, 1, 0), 0);                /* [1, 0] */
    struct proc *c = tkid();
    struct k_sembuf both[2] = { { 0, -1, 0 }, { 1, -1, 0 } };
    uptr u = ubytes(c, both, sizeof both);
    CHECK_EQ(tsys(c, SYS_semop, id, (long)u, 2L, 0L), KERN_BLOCK);
    CHECK_EQ(tval(id, 0), 1);                           /* the first took nothing */
    CHECK_EQ(tctl(init, id, 1, GETNCNT, 0), 1);         /* counted where it blocked */
    CHECK_EQ(tctl(init, id, 0, GETNCNT, 0), 0);
    CHECK_EQ(top(init, id, 1, 1, 0), 0);                /* [1, 1] */
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_semop, id, (long)u, 2L, 0L), 0);
    CHECK_EQ(tval(id, 0), 0);
    CHECK_EQ(tval(id, 1), 0);
    texit_reap(c, 0);

    /* an increase before a blocked decrease is not applied either */
    struct k_sembuf up_down[2] = { { 0, 5, 0 }, { 1, -1, IPC_NOWAIT } };
    CHECK_EQ(tsemop3(init, id, 2, up_down, 0), -EAGAIN);
    CHECK_EQ(tval(id, 0), 0);
    /* nor one before an operation out of range */
    CHECK_EQ(top(init, id, 1, SEMVMX, 0), 0);
    struct k_sembuf over[2] = { { 0, 5, 0 }, { 1, 1, 0 } };
    CHECK_EQ(tsemop3(init, id, 2, over, 0), -ERANGE);
    CHECK_EQ(tval(id, 0), 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_ops_on_one_semaphore_run_in_order)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0600);
    CHECK_EQ(top(init, id, 0, 1, 0), 0);
    struct k_sembuf seq[3] = { { 0, 2, 0 }, { 0, -3, 0 }, { 0, 0, 0 } };   /* 1+2-3 = 0 */
    CHECK_EQ(tsemop3(init, id, 3, seq, 0), 0);
    CHECK_EQ(tval(id, 0), 0);
    struct k_sembuf bad[2] = { { 0, -1, IPC_NOWAIT }, { 0, 1, 0 } };       /* order counts */
    CHECK_EQ(tsemop3(init, id, 2, bad, 0), -EAGAIN);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_op_bad_arguments)
{
    long id = tsemget(init, IPC_PRIVATE, 2, 0600);
    struct k_sembuf ok = { 0, 1, 0 }, far = { 2, 1, 0 };
    uptr u = ubytes(init, &ok, sizeof ok);
    CHECK_EQ(tsys(init, SYS_semop, id, (long)u, 0L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_semop, id, (long)u, -1L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_semop, id, (long)u, (long)SEMOPM + 1, 0L), -E2BIG);
    CHECK_EQ(tsys(init, SYS_semop, id, 0L, 1L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_semop, id + 1, (long)u, 1L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_semop, -5L, (long)u, 1L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_semop, 0x100000000L, (long)u, 1L, 0L), -EINVAL);
    CHECK_EQ(tsemop3(init, id, 1, &far, 0), -EFBIG);
    struct k_timespec bad = { 0, 1000000000 }, neg = { -1, 0 };
    CHECK_EQ(tsemop3(init, id, 1, &ok, ubytes(init, &bad, sizeof bad)), -EINVAL);
    CHECK_EQ(tsemop3(init, id, 1, &ok, ubytes(init, &neg, sizeof neg)), -EINVAL);
    CHECK_EQ(tsemop3(init, id, 1, &ok, 0x10), -EFAULT);
    CHECK_EQ(tval(id, 0), 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
    CHECK_EQ(tsemop3(init, id, 1, &ok, 0), -EINVAL);    /* removed, not re-issued */
}

TEST(sem_op_permissions)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0644);
    struct proc *c = tuser_kid();
    CHECK_EQ(top(c, id, 0, 1, 0), -EACCES);             /* altering takes write */
    CHECK_EQ(top(c, id, 0, 0, 0), 0);                   /* waiting for zero reads */
    CHECK_EQ(tctl(c, id, 0, GETVAL, 0), 0);
    CHECK_EQ(tctl(c, id, 0, SETVAL, 1), -EACCES);
    CHECK_EQ(tctl(c, id, 0, SETALL, (long)ubuf(c, 2)), -EACCES);
    CHECK_EQ(tctl(c, id, 0, IPC_RMID, 0), -EPERM);
    CHECK_EQ(tctl(c, id, 0, IPC_SET, (long)ubuf(c, sizeof(struct k_semid_ds))), -EPERM);
    struct k_semid_ds ds;
    uptr u = ubuf(init, sizeof ds);
    CHECK_EQ(tctl(init, id, 0, IPC_STAT, (long)u), 0);
    ((struct k_semid_ds *)uhost(init, u))->sem_perm.mode = 0600;
    CHECK_EQ(tctl(init, id, 0, IPC_SET, (long)u), 0);
    CHECK_EQ(top(c, id, 0, 0, 0), -EACCES);
    CHECK_EQ(tctl(c, id, 0, GETVAL, 0), -EACCES);
    CHECK_EQ(tctl(c, id, 0, IPC_STAT, (long)ubuf(c, sizeof ds)), -EACCES);
    texit_reap(c, 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

/* ---- timeouts ------------------------------------------------------------------ */

TEST(sem_timedop_times_out_with_eagain)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0600);
    struct proc *c = tkid();
    struct k_sembuf down = { 0, -1, 0 };
    struct k_timespec ts = { 1, 500000000 };
    uptr ops = ubytes(c, &down, sizeof down), to = ubytes(c, &ts, sizeof ts);
    uint64_t start = now_ns();
    CHECK_EQ(tsys(c, SYS_semop, id, (long)ops, 1L, (long)to), KERN_BLOCK);
    CHECK_EQ(ttimer(), start + 1500000000ull);
    CHECK_EQ(kstats.timers, 1);
    tclock_advance(1000000000ull);
    CHECK_EQ(c->state, P_BLOCKED);
    /* woken early for nothing: the deadline is kept, not restarted */
    wakeup_proc(c);
    CHECK_EQ(tsys(c, SYS_semop, id, (long)ops, 1L, (long)to), KERN_BLOCK);
    CHECK_EQ(ttimer(), start + 1500000000ull);
    tclock_advance(600000000ull);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_semop, id, (long)ops, 1L, (long)to), -EAGAIN);
    CHECK_EQ(kstats.timers, 0);
    CHECK_EQ(tctl(init, id, 0, GETNCNT, 0), 0);
    texit_reap(c, 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_timedop_succeeds_in_time)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0600);
    struct proc *c = tkid();
    struct k_sembuf down = { 0, -1, 0 };
    struct k_timespec ts = { 5, 0 }, zero = { 0, 0 };
    uptr ops = ubytes(c, &down, sizeof down), to = ubytes(c, &ts, sizeof ts);
    CHECK_EQ(tsemop3(c, id, 1, &down, ubytes(c, &zero, sizeof zero)), -EAGAIN);
    CHECK_EQ(tsys(c, SYS_semop, id, (long)ops, 1L, (long)to), KERN_BLOCK);
    tclock_advance(1000000000ull);
    CHECK_EQ(top(init, id, 0, 1, 0), 0);
    CHECK_EQ(kstats.timers, 0);                         /* the wakeup ends the timer */
    CHECK_EQ(tsys(c, SYS_semop, id, (long)ops, 1L, (long)to), 0);
    /* a timeout is not even read when nothing waits */
    CHECK_EQ(top(init, id, 0, 1, 0), 0);
    CHECK_EQ(tsemop3(c, id, 1, &down, ubytes(c, &zero, sizeof zero)), 0);
    texit_reap(c, 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

/* ---- removal, signals, kills ----------------------------------------------------- */

TEST(sem_rmid_wakes_every_waiter_with_eidrm)
{
    long id = tsemget(init, 0x99, 2, IPC_CREAT | 0600);
    struct proc *a = tkid(), *b = tkid();
    struct k_sembuf down = { 0, -1, 0 }, zero = { 1, 0, 0 };
    uptr ua = ubytes(a, &down, sizeof down), ub = ubytes(b, &zero, sizeof zero);
    CHECK_EQ(top(init, id, 1, 1, 0), 0);
    CHECK_EQ(tsys(a, SYS_semop, id, (long)ua, 1L, 0L), KERN_BLOCK);
    CHECK_EQ(tsys(b, SYS_semop, id, (long)ub, 1L, 0L), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 2);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(a->state, P_RUNNABLE);
    CHECK_EQ(b->state, P_RUNNABLE);
    /* a new set in the freed slot is not mistaken for the old one */
    long id2 = tsemget(init, 0x99, 2, IPC_CREAT | 0600);
    CHECK(id2 != id);
    CHECK_EQ(tsys(a, SYS_semop, id, (long)ua, 1L, 0L), -EIDRM);
    CHECK_EQ(tsys(b, SYS_semop, id, (long)ub, 1L, 0L), -EIDRM);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 1);
    texit_reap(a, 0);
    texit_reap(b, 0);
    CHECK_EQ(tctl(init, id2, 0, IPC_RMID, 0), 0);
}

TEST(sem_op_interrupted_is_eintr_even_with_sa_restart)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0600);
    struct proc *c = tkid();
    tset_action(c, SIGUSR1, SA_RESTART);
    CHECK_EQ(top(c, id, 0, -1, 0), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(top(c, id, 0, -1, 0), -EINTR);
    CHECK_EQ(thandled(c)[0], SIGUSR1);
    CHECK_EQ(tctl(init, id, 0, GETNCNT, 0), 0);
    texit_reap(c, 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_killed_while_blocked_leaves_no_waiter)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0600);
    struct proc *c = tkid();
    struct k_timespec ts = { 10, 0 };
    struct k_sembuf down = { 0, -1, SEM_UNDO };
    CHECK_EQ(tsemop3(c, id, 1, &down, ubytes(c, &ts, sizeof ts)), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 1);
    CHECK_EQ(kstats.timers, 1);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGKILL), 0);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(kstats.timers, 0);
    CHECK_EQ(tctl(init, id, 0, GETNCNT, 0), 0);
    CHECK_EQ(kstats.ipc[KSTAT_UNDO], 0);                /* it blocked: nothing to undo */
    treap_killed(c);
    CHECK_EQ(top(init, id, 0, 1, 0), 0);                /* nobody takes it now */
    CHECK_EQ(tval(id, 0), 1);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

/* ---- SEM_UNDO ---------------------------------------------------------------------- */

TEST(sem_undo_at_exit_releases_a_lock)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0600);
    CHECK_EQ(tctl(init, id, 0, SETVAL, 1), 0);
    struct proc *holder = tkid(), *waiter = tkid();
    CHECK_EQ(top(holder, id, 0, -1, SEM_UNDO), 0);      /* takes the lock */
    CHECK_EQ(kstats.ipc[KSTAT_UNDO], 1);
    CHECK_EQ(top(holder, id, 0, -1, SEM_UNDO), KERN_BLOCK);
    CHECK_EQ(top(waiter, id, 0, -1, 0), KERN_BLOCK);
    /* the holder dies holding it (and waiting for more): the lock comes back */
    int hpid = holder->pid;
    CHECK_EQ(tsys(init, SYS_kill, (long)hpid, (long)SIGKILL), 0);
    treap_killed(holder);
    CHECK_EQ(kstats.ipc[KSTAT_UNDO], 0);
    CHECK_EQ(tval(id, 0), 1);
    CHECK_EQ(tctl(init, id, 0, GETPID, 0), hpid);
    CHECK_EQ(waiter->state, P_RUNNABLE);
    CHECK_EQ(top(waiter, id, 0, -1, 0), 0);
    texit_reap(waiter, 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_undo_sums_and_clamps)
{
    long id = tsemget(init, IPC_PRIVATE, 2, 0600);
    struct proc *c = tkid(), *d = tkid();
    CHECK_EQ(top(c, id, 0, 5, SEM_UNDO), 0);
    CHECK_EQ(top(c, id, 0, -2, SEM_UNDO), 0);           /* adjustment -3 */
    CHECK_EQ(top(c, id, 1, 1, SEM_UNDO), 0);            /* one record per set */
    CHECK_EQ(top(d, id, 1, 2, SEM_UNDO), 0);            /* and per process */
    CHECK_EQ(kstats.ipc[KSTAT_UNDO], 2);
    CHECK_EQ(top(init, id, 0, -2, 0), 0);               /* [1, 3] */
    texit_reap(c, 0);
    CHECK_EQ(tval(id, 0), 0);                           /* 1 - 3, clamped at 0 */
    CHECK_EQ(tval(id, 1), 2);
    CHECK_EQ(kstats.ipc[KSTAT_UNDO], 1);
    CHECK_EQ(tctl(init, id, 1, SETVAL, 1), 0);          /* forgets d's adjustment */
    texit_reap(d, 0);
    CHECK_EQ(tval(id, 1), 1);
    CHECK_EQ(kstats.ipc[KSTAT_UNDO], 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_undo_range_and_memory)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0600);
    struct proc *c = tkid();
    CHECK_EQ(top(c, id, 0, SEMVMX, SEM_UNDO), 0);
    CHECK_EQ(top(c, id, 0, -SEMVMX, 0), 0);
    CHECK_EQ(top(c, id, 0, 1, SEM_UNDO), -ERANGE);      /* the adjustment would overflow */
    CHECK_EQ(tval(id, 0), 0);
    texit_reap(c, 0);
    CHECK_EQ(tval(id, 0), 0);                           /* 0 - 32767, clamped */
    /* no memory for a record: nothing happens */
    struct proc *d = tkid();
    heap_eat();
    CHECK_EQ(top(d, id, 0, 1, SEM_UNDO), -ENOMEM);
    heap_return();
    CHECK_EQ(tval(id, 0), 0);
    CHECK_EQ(kstats.ipc[KSTAT_UNDO], 0);
    texit_reap(d, 0);
    /* a record exists for a set of its own: SETALL forgets it too */
    CHECK_EQ(top(init, id, 0, 1, SEM_UNDO), 0);
    uint16_t v = 4;
    CHECK_EQ(tctl(init, id, 0, SETALL, (long)ubytes(init, &v, sizeof v)), 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);        /* drops the record */
    CHECK_EQ(kstats.ipc[KSTAT_UNDO], 0);
}

TEST(sem_undo_records_go_with_their_set)
{
    long a = tsemget(init, IPC_PRIVATE, 1, 0600), b = tsemget(init, IPC_PRIVATE, 1, 0600);
    struct proc *c = tkid();
    CHECK_EQ(top(c, a, 0, 1, SEM_UNDO), 0);
    CHECK_EQ(top(c, b, 0, 1, SEM_UNDO), 0);
    CHECK_EQ(kstats.ipc[KSTAT_UNDO], 2);
    CHECK_EQ(tctl(init, a, 0, SETVAL, 3), 0);           /* clears a's, not b's */
    CHECK_EQ(tctl(init, a, 0, IPC_RMID, 0), 0);
    CHECK_EQ(kstats.ipc[KSTAT_UNDO], 1);
    texit_reap(c, 0);
    CHECK_EQ(tval(b, 0), 0);
    CHECK_EQ(tctl(init, b, 0, IPC_RMID, 0), 0);
}

/* ---- semctl ---------------------------------------------------------------------- */

TEST(sem_ctl_setval_and_setall_wake_waiters)
{
    long id = tsemget(init, IPC_PRIVATE, 3, 0600);
    struct proc *c = tkid();
    CHECK_EQ(top(c, id, 2, -2, 0), KERN_BLOCK);
    CHECK_EQ(tctl(init, id, 2, SETVAL, 1), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(top(c, id, 2, -2, 0), KERN_BLOCK);         /* 1 is not enough */
    uint16_t vals[3] = { 7, 8, 9 };
    CHECK_EQ(tctl(init, id, 0, SETALL, (long)ubytes(init, vals, sizeof vals)), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(top(c, id, 2, -2, 0), 0);
    uptr out = ubuf(init, sizeof vals);
    CHECK_EQ(tctl(init, id, 0, GETALL, (long)out), 0);
    uint16_t *got = uhost(init, out);
    CHECK(got[0] == 7 && got[1] == 8 && got[2] == 7);
    CHECK_EQ(tctl(init, id, 0, GETPID, 0), init->pid);  /* SETALL sets the pids */
    CHECK_EQ(tctl(init, id, 2, GETPID, 0), c->pid);
    texit_reap(c, 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
}

TEST(sem_ctl_bad_arguments)
{
    long id = tsemget(init, IPC_PRIVATE, 2, 0600);
    CHECK_EQ(tctl(init, id, 0, 99, 0), -EINVAL);
    CHECK_EQ(tctl(init, id, 0, IPC_INFO, 0), -EINVAL);
    CHECK_EQ(tctl(init, id + 1, 0, GETVAL, 0), -EINVAL);
    CHECK_EQ(tctl(init, -1, 0, GETVAL, 0), -EINVAL);
    CHECK_EQ(tctl(init, id, 2, GETVAL, 0), -EINVAL);
    CHECK_EQ(tctl(init, id, -1, SETVAL, 1), -EINVAL);
    CHECK_EQ(tctl(init, id, 2, GETNCNT, 0), -EINVAL);
    CHECK_EQ(tctl(init, id, 0, SETVAL, -1), -ERANGE);
    CHECK_EQ(tctl(init, id, 0, SETVAL, SEMVMX + 1), -ERANGE);
    uint16_t vals[2] = { 1, SEMVMX + 1 };
    CHECK_EQ(tctl(init, id, 0, SETALL, (long)ubytes(init, vals, sizeof vals)), -ERANGE);
    CHECK_EQ(tval(id, 0), 0);                           /* none of SETALL happened */
    CHECK_EQ(tctl(init, id, 0, SETALL, 0), -EFAULT);
    CHECK_EQ(tctl(init, id, 0, GETALL, 0x10), -EFAULT);
    CHECK_EQ(tctl(init, id, 0, IPC_STAT, 0), -EFAULT);
    CHECK_EQ(tctl(init, id, 0, IPC_SET, 0), -EFAULT);
    CHECK_EQ(tctl(init, 0, 0, SEM_STAT, 0), -EFAULT);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), 0);
    CHECK_EQ(tctl(init, id, 0, IPC_RMID, 0), -EINVAL);
}

TEST(sem_ctl_ipc_set_changes_owner_and_mode)
{
    long id = tsemget(init, IPC_PRIVATE, 1, 0600);
    struct k_semid_ds ds;
    uptr u = ubuf(init, sizeof ds);
    CHECK_EQ(tctl(init, id, 0, IPC_STAT, (long)u), 0);
    memcpy(&ds, uhost(init, u), sizeof ds);
    tclock_advance(2000000000ull);
    ds.sem_perm.uid = 1000;
    ds.sem_perm.mode = 0660;
    ds.sem_nsems = 50;                                  /* ignored */
    CHECK_EQ(tctl(init, id, 0, IPC_SET, (long)ubytes(init, &ds, sizeof ds)), 0);
    struct proc *c = tuser_kid();
    uptr cu = ubuf(c, sizeof ds);
    CHECK_EQ(tctl(c, id, 0, IPC_STAT, (long)cu), 0);
    struct k_semid_ds *now = uhost(c, cu);
    CHECK_EQ(now->sem_perm.uid, 1000);
    CHECK_EQ(now->sem_perm.cuid, 0);
    CHECK_EQ(now->sem_perm.mode, 0660);
    CHECK_EQ(now->sem_nsems, 1);
    CHECK_EQ(now->sem_ctime, ds.sem_ctime + 2);
    CHECK_EQ(tctl(c, id, 0, IPC_RMID, 0), 0);           /* the new owner may remove it */
    texit_reap(c, 0);
}

TEST(sem_stat_by_slot_walks_the_table)
{
    long a = tsemget(init, IPC_PRIVATE, 1, 0600);
    long b = tsemget(init, 0x42, 2, IPC_CREAT | 0600);
    CHECK_EQ(tctl(init, a, 0, IPC_RMID, 0), 0);
    struct k_semid_ds ds;
    uptr u = ubuf(init, sizeof ds);
    CHECK_EQ(tctl(init, 0, 0, SEM_STAT, (long)u), -EINVAL);
    CHECK_EQ(tctl(init, 1, 0, SEM_STAT, (long)u), b);
    memcpy(&ds, uhost(init, u), sizeof ds);
    CHECK_EQ(ds.sem_perm.key, 0x42);
    CHECK_EQ(ds.sem_nsems, 2);
    CHECK_EQ(tctl(init, -1, 0, SEM_STAT, (long)u), -EINVAL);
    CHECK_EQ(tctl(init, SEMMNI, 0, SEM_STAT, (long)u), -EINVAL);
    struct proc *c = tuser_kid();
    CHECK_EQ(tctl(c, 1, 0, SEM_STAT, (long)ubuf(c, sizeof ds)), -EACCES);
    texit_reap(c, 0);
    CHECK_EQ(tctl(init, b, 0, IPC_RMID, 0), 0);
}
