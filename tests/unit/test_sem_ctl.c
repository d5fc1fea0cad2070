/*
 * test_sem_ctl.c - unit tests of ipc/sem.c, continued: SEM_UNDO (applied at
 * exit and when killed, summed, clamped, reset by SETVAL and SETALL,
 * dropped with the set) and every semctl command with its errors.
 */
#include "test_sem.h"

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
    static struct eaten e;
    heap_eat(&e);
    CHECK_EQ(top(d, id, 0, 1, SEM_UNDO), -ENOMEM);
    heap_return(&e);
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
