/*
 * test_sem.c - unit tests of ipc/sem.c, System V semaphore sets: semget,
 * semop (one and several operations, all or nothing, blocking and waking,
 * IPC_NOWAIT, timeouts), IPC_RMID with waiters, signals and kills while
 * blocked, permissions and bad input. SEM_UNDO and semctl are in
 * test_sem_ctl.c.
 *
 * A call that blocks returns KERN_BLOCK; the test re-issues it, as a
 * platform would, once the process is runnable again.
 */
#include "test_sem.h"

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
    static struct eaten e;
    heap_eat(&e);
    CHECK_EQ(tsemget(init, IPC_PRIVATE, 8, 0600), -ENOMEM);
    heap_return(&e);
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
