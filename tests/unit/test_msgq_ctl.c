/*
 * test_msgq_ctl.c - unit tests of ipc/msgq.c, part two: msgctl (IPC_STAT,
 * MSG_STAT, IPC_SET, IPC_RMID), permissions between users, and processes
 * whose queue is removed, or that are interrupted or killed, while they
 * wait in msgsnd or msgrcv. test_msgq.c has the rest.
 */
#include "test_msgq.h"

static long tctl(struct proc *p, long id, long cmd, uptr buf)
{
    return tsys(p, SYS_msgctl, id, cmd, (long)buf);
}

/* IPC_SET with the queue's current values, changed by the caller's edit. */
static long tset(struct proc *p, long id, struct k_msqid_ds *ds)
{
    return tctl(p, id, IPC_SET, ubytes(p, ds, sizeof *ds));
}

/* Kill p with sig from init and reap it: p must have left every queue. */
static void tkill_reap(struct proc *p, int sig)
{
    int pid = p->pid;
    CHECK_EQ(tsys(init, SYS_kill, (long)pid, (long)sig), 0);
    CHECK_EQ(p->state, P_ZOMBIE);
    CHECK(p->nwaits == 0);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
    int status = *(int *)uhost(init, st);
    CHECK(WIFSIGNALED(status));
    CHECK_EQ(WTERMSIG(status), sig);
}

/* ---- IPC_STAT and MSG_STAT ---------------------------------------------------- */

TEST(msgq_stat_errors)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK_EQ(tctl(init, id, IPC_STAT, 0), -EFAULT);
    CHECK_EQ(tctl(init, id, IPC_STAT, UBASE + USIZE - 8), -EFAULT);
    uptr u = ubuf(init, sizeof(struct k_msqid_ds));
    CHECK_EQ(tctl(init, id + 1, IPC_STAT, u), -EINVAL);
    CHECK_EQ(tctl(init, -3, IPC_STAT, u), -EINVAL);
    CHECK_EQ(tctl(init, id, 99, u), -EINVAL);
    CHECK_EQ(tctl(init, id, IPC_INFO, u), -EINVAL);    /* not provided */
    trmid(init, id);
    CHECK_EQ(tctl(init, id, IPC_STAT, u), -EINVAL);
}

TEST(msgq_msg_stat_walks_the_table)
{
    long a = tmsgget(init, 0x10, IPC_CREAT | 0600);
    long b = tmsgget(init, 0x20, IPC_CREAT | 0600);
    trmid(init, a);
    long c = tmsgget(init, 0x30, IPC_CREAT | 0644);    /* slot 2, id 2 */
    CHECK_EQ(c, 2);
    uptr u = ubuf(init, sizeof(struct k_msqid_ds));
    CHECK_EQ(tctl(init, 0, MSG_STAT, u), -EINVAL);      /* slot 0 is free */
    CHECK_EQ(tctl(init, 1, MSG_STAT, u), b);
    struct k_msqid_ds ds;
    memcpy(&ds, uhost(init, u), sizeof ds);
    CHECK_EQ(ds.msg_perm.key, 0x20);
    CHECK_EQ(tctl(init, 2, MSG_STAT, u), c);
    CHECK_EQ(tctl(init, 3, MSG_STAT, u), -EINVAL);
    CHECK_EQ(tctl(init, -1, MSG_STAT, u), -EINVAL);
    CHECK_EQ(tctl(init, MSGMNI, MSG_STAT, u), -EINVAL);
    CHECK_EQ(tctl(init, 1, MSG_STAT, 0), -EFAULT);
    /* another user may not read a 0600 queue, but may a 0644 one */
    struct proc *o = tchild_uid(1000);
    uptr uo = ubuf(o, sizeof(struct k_msqid_ds));
    CHECK_EQ(tctl(o, 1, MSG_STAT, uo), -EACCES);
    CHECK_EQ(tctl(o, 2, MSG_STAT, uo), c);
    texit_reap(o, 0);
    trmid(init, b);
    trmid(init, c);
    trm("/bin/child");
}

/* ---- IPC_SET ------------------------------------------------------------------ */

TEST(msgq_set_owner_mode_and_size)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    struct k_msqid_ds ds = tstat(init, id);
    ds.msg_perm.uid = 1000;
    ds.msg_perm.gid = 100;
    ds.msg_perm.mode = 0664;
    ds.msg_perm.key = 1234;                 /* ignored: keys never change */
    ds.msg_qbytes = 100;
    ds.msg_qnum = 55;                       /* ignored: not settable */
    tclock_advance(10000000000ull);
    CHECK_EQ(tset(init, id, &ds), 0);
    struct k_msqid_ds now = tstat(init, id);
    CHECK_EQ(now.msg_perm.uid, 1000);
    CHECK_EQ(now.msg_perm.gid, 100);
    CHECK_EQ(now.msg_perm.cuid, 0);
    CHECK_EQ(now.msg_perm.mode, 0664);
    CHECK_EQ(now.msg_perm.key, 0);
    CHECK_EQ(now.msg_qbytes, 100);
    CHECK_EQ(now.msg_qnum, 0);
    CHECK_EQ(now.msg_ctime, sysv_now());
    /* the new bound holds: 100 bytes, and at most 100 messages */
    uptr u = tmsgbuf(init, 1, NULL);
    CHECK_EQ(tsys(init, SYS_msgsnd, id, (long)u, 101L, (long)IPC_NOWAIT), -EAGAIN);
    CHECK_EQ(tsys(init, SYS_msgsnd, id, (long)u, 100L, (long)IPC_NOWAIT), 0);
    CHECK_EQ(tsys(init, SYS_msgsnd, id, (long)u, 1L, (long)IPC_NOWAIT), -EAGAIN);
    trmid(init, id);
}

TEST(msgq_set_bounds_the_number_of_messages)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    struct k_msqid_ds ds = tstat(init, id);
    ds.msg_qbytes = 2;
    CHECK_EQ(tset(init, id, &ds), 0);
    CHECK_EQ(tsnd(init, id, 1, "", IPC_NOWAIT), 0);
    CHECK_EQ(tsnd(init, id, 1, "", IPC_NOWAIT), 0);
    CHECK_EQ(tsnd(init, id, 1, "", IPC_NOWAIT), -EAGAIN);   /* empty, yet full */
    trmid(init, id);
}

TEST(msgq_raising_the_bound_takes_root)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    struct k_msqid_ds ds = tstat(init, id);
    ds.msg_perm.uid = 1000;
    ds.msg_qbytes = 1000;
    CHECK_EQ(tset(init, id, &ds), 0);
    struct proc *o = tchild_uid(1000);      /* now the owner, not root */
    ds.msg_qbytes = 500;
    CHECK_EQ(tset(o, id, &ds), 0);          /* lowering is fine */
    ds.msg_qbytes = 500;
    CHECK_EQ(tset(o, id, &ds), 0);          /* so is keeping it */
    ds.msg_qbytes = 501;
    CHECK_EQ(tset(o, id, &ds), -EPERM);
    CHECK_EQ(tstat(init, id).msg_qbytes, 500);
    ds.msg_qbytes = 1u << 20;
    CHECK_EQ(tset(init, id, &ds), 0);       /* root may, beyond MSGMNB too */
    CHECK_EQ(tstat(init, id).msg_qbytes, 1u << 20);
    texit_reap(o, 0);
    trmid(init, id);
    trm("/bin/child");
}

TEST(msgq_raising_the_bound_wakes_a_sender)
{
    long id = tmsgget(init, IPC_PRIVATE, 0666);
    struct proc *c = tchild_uid(-1);
    struct k_msqid_ds ds = tstat(init, id);
    ds.msg_qbytes = 4;
    CHECK_EQ(tset(init, id, &ds), 0);
    CHECK_EQ(tsnd(init, id, 1, "abcd", 0), 0);
    uptr u = tmsgbuf(c, 1, "ef");
    CHECK_EQ(tsys(c, SYS_msgsnd, id, (long)u, 2L, 0L), KERN_BLOCK);
    ds.msg_qbytes = 6;
    CHECK_EQ(tset(init, id, &ds), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_msgsnd, id, (long)u, 2L, 0L), 0);
    CHECK_EQ(tstat(init, id).msg_cbytes, 6);
    texit_reap(c, 0);
    trmid(init, id);
    trm("/bin/child");
}

TEST(msgq_set_errors)
{
    long id = tmsgget(init, IPC_PRIVATE, 0666);
    struct k_msqid_ds ds = tstat(init, id);
    CHECK_EQ(tctl(init, id, IPC_SET, 0), -EFAULT);
    CHECK_EQ(tset(init, id + 5, &ds), -EINVAL);
    struct proc *o = tchild_uid(1000);
    CHECK_EQ(tset(o, id, &ds), -EPERM);     /* rw for all, but not its owner */
    texit_reap(o, 0);
    trmid(init, id);
    trm("/bin/child");
}

/* ---- permissions between users ---------------------------------------------- */

TEST(msgq_other_users_are_refused)
{
    long id = tmsgget(init, 0x600, IPC_CREAT | 0600);
    CHECK_EQ(tsnd(init, id, 1, "secret", 0), 0);
    struct proc *o = tchild_uid(1000);
    CHECK_EQ(tmsgget(o, 0x600, 0), id);             /* asks for nothing */
    CHECK_EQ(tmsgget(o, 0x600, 0600), -EACCES);
    CHECK_EQ(tmsgget(o, 0x600, 0400), -EACCES);
    CHECK_EQ(tsnd(o, id, 1, "x", 0), -EACCES);
    CHECK_EQ(trcv(o, id, 10, 0, 0, NULL), -EACCES);
    CHECK_EQ(trcv(o, id, 10, 0, IPC_NOWAIT, NULL), -EACCES);
    CHECK_EQ(tctl(o, id, IPC_STAT, ubuf(o, sizeof(struct k_msqid_ds))), -EACCES);
    CHECK_EQ(tctl(o, id, IPC_RMID, 0), -EPERM);
    CHECK_EQ(tstat(init, id).msg_qnum, 1);
    texit_reap(o, 0);
    trmid(init, id);
    trm("/bin/child");
}

TEST(msgq_group_and_other_bits)
{
    long id = tmsgget(init, IPC_PRIVATE, 0);
    struct k_msqid_ds ds = tstat(init, id);
    ds.msg_perm.gid = 100;
    ds.msg_perm.mode = 0042;                /* group reads, others write */
    CHECK_EQ(tset(init, id, &ds), 0);
    tprog("/bin/child");
    struct proc *g = tspawn(init, "/bin/child");
    CHECK_EQ(tsys(g, SYS_setgid, 100L), 0);
    CHECK_EQ(tsys(g, SYS_setuid, 1000L), 0);
    /* o is in neither the owner's group nor the creator's (init's, 0) */
    struct proc *o = tspawn(init, "/bin/child");
    CHECK_EQ(tsys(o, SYS_setgid, 2000L), 0);
    CHECK_EQ(tsys(o, SYS_setuid, 2000L), 0);
    CHECK_EQ(tsnd(o, id, 1, "from o", 0), 0);
    CHECK_EQ(trcv(o, id, 10, 0, IPC_NOWAIT, NULL), -EACCES);
    CHECK_EQ(tsnd(g, id, 1, "from g", 0), -EACCES);
    trcv_expect(g, id, 0, 1, "from o");
    texit_reap(g, 0);
    texit_reap(o, 0);
    trmid(init, id);
    trm("/bin/child");
}

TEST(msgq_a_user_queue_is_its_own)
{
    struct proc *u = tchild_uid(1000);
    long id = tmsgget(u, 0x700, IPC_CREAT | 0600);
    CHECK(id >= 0);
    CHECK_EQ(tstat(u, id).msg_perm.cuid, 1000);
    CHECK_EQ(tsnd(u, id, 1, "mine", 0), 0);
    trcv_expect(u, id, 0, 1, "mine");
    /* given away, it stays the creator's to remove */
    struct k_msqid_ds ds = tstat(u, id);
    ds.msg_perm.uid = 2000;
    CHECK_EQ(tset(u, id, &ds), 0);
    CHECK_EQ(tsnd(u, id, 1, "still", 0), 0);   /* the creator has the owner bits */
    CHECK_EQ(tctl(u, id, IPC_RMID, 0), 0);
    CHECK_EQ(kstats.ipc[KSTAT_MSGQ], 0);
    texit_reap(u, 0);
    trm("/bin/child");
}

/* ---- IPC_RMID ----------------------------------------------------------------- */

TEST(msgq_remove_drops_the_messages)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK_EQ(tsnd(init, id, 1, "a", 0), 0);
    CHECK_EQ(tsnd(init, id, 2, "b", 0), 0);
    CHECK_EQ(kstats.ipc[KSTAT_MSG], 2);
    trmid(init, id);
    CHECK_EQ(kstats.ipc[KSTAT_MSG], 0);
    CHECK_EQ(kstats.ipc[KSTAT_MSGQ], 0);
    CHECK_EQ(tctl(init, id, IPC_RMID, 0), -EINVAL);     /* not twice */
    CHECK_EQ(tsnd(init, id, 1, "a", 0), -EINVAL);
    CHECK_EQ(trcv(init, id, 10, 0, 0, NULL), -EINVAL);
}

TEST(msgq_remove_wakes_every_waiter_with_eidrm)
{
    long id = tmsgget(init, IPC_PRIVATE, 0666);
    struct proc *r1 = tchild_uid(-1), *r2 = tchild_uid(-1), *s = tchild_uid(-1);
    struct k_msqid_ds ds = tstat(init, id);
    ds.msg_qbytes = 3;
    CHECK_EQ(tset(init, id, &ds), 0);
    CHECK_EQ(tsnd(init, id, 1, "abc", 0), 0);            /* full */
    uptr u1 = ubuf(r1, 64), u2 = ubuf(r2, 64), us = tmsgbuf(s, 1, "d");
    CHECK_EQ(trcv_at(r1, id, u1, 10, 7, 0, NULL), KERN_BLOCK);
    CHECK_EQ(trcv_at(r2, id, u2, 10, 8, 0, NULL), KERN_BLOCK);
    CHECK_EQ(tsys(s, SYS_msgsnd, id, (long)us, 1L, 0L), KERN_BLOCK);
    uint32_t waiters = kstats.waiters;
    trmid(init, id);
    CHECK_EQ(kstats.waiters, waiters - 3);
    CHECK_EQ(r1->state, P_RUNNABLE);
    CHECK_EQ(r2->state, P_RUNNABLE);
    CHECK_EQ(s->state, P_RUNNABLE);
    CHECK_EQ(trcv_at(r1, id, u1, 10, 7, 0, NULL), -EIDRM);
    CHECK_EQ(tsys(s, SYS_msgsnd, id, (long)us, 1L, 0L), -EIDRM);
    /* a new queue in between does not take the old id */
    long other = tmsgget(init, IPC_PRIVATE, 0666);
    CHECK(other != id);
    CHECK_EQ(trcv_at(r2, id, u2, 10, 8, 0, NULL), -EIDRM);
    /* the next, fresh call is an ordinary bad id */
    CHECK_EQ(trcv_at(r2, id, u2, 10, 8, 0, NULL), -EINVAL);
    texit_reap(r1, 0);
    texit_reap(r2, 0);
    texit_reap(s, 0);
    trmid(init, other);
    trm("/bin/child");
}

/* ---- signals and deaths while waiting ------------------------------------------ */

TEST(msgq_wait_interrupted_by_a_handler)
{
    long id = tmsgget(init, IPC_PRIVATE, 0666);
    struct proc *c = tchild_uid(-1);
    struct k_sigaction sa = { .sa_handler = UBASE + 0x100, .sa_flags = SA_RESTART };
    CHECK_EQ(tsys(c, SYS_sigaction, (long)SIGUSR1, (long)ubytes(c, &sa, sizeof sa), 0L), 0);
    uptr u = ubuf(c, 64);
    CHECK_EQ(trcv_at(c, id, u, 10, 0, 0, NULL), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK(c->nwaits == 0);
    /* msgrcv is never restarted, SA_RESTART or not: EINTR, as on Linux */
    CHECK_EQ(trcv_at(c, id, u, 10, 0, 0, NULL), -EINTR);
    CHECK_EQ(thandled(c)[0], SIGUSR1);
    /* the same for a sender */
    struct k_msqid_ds ds = tstat(init, id);
    ds.msg_qbytes = 0;
    CHECK_EQ(tset(init, id, &ds), 0);
    uptr m = tmsgbuf(c, 1, "x");
    CHECK_EQ(tsys(c, SYS_msgsnd, id, (long)m, 1L, 0L), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(tsys(c, SYS_msgsnd, id, (long)m, 1L, 0L), -EINTR);
    texit_reap(c, 0);
    trmid(init, id);
    trm("/bin/child");
}

TEST(msgq_killed_in_msgrcv_leaves_nothing)
{
    long id = tmsgget(init, IPC_PRIVATE, 0666);
    struct proc *c = tchild_uid(-1);
    uint32_t waiters = kstats.waiters;
    CHECK_EQ(trcv(c, id, 10, 0, 0, NULL), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, waiters + 1);
    tkill_reap(c, SIGKILL);
    CHECK_EQ(kstats.waiters, waiters);
    /* the queue outlives the process, and works */
    CHECK_EQ(tsnd(init, id, 1, "after", 0), 0);
    trcv_expect(init, id, 0, 1, "after");
    trmid(init, id);
    trm("/bin/child");
}

TEST(msgq_killed_in_msgsnd_leaves_nothing)
{
    long id = tmsgget(init, IPC_PRIVATE, 0666);
    struct proc *c = tchild_uid(-1);
    struct k_msqid_ds ds = tstat(init, id);
    ds.msg_qbytes = 1;
    CHECK_EQ(tset(init, id, &ds), 0);
    CHECK_EQ(tsnd(c, id, 1, "a", 0), 0);
    CHECK_EQ(tsnd(c, id, 1, "b", 0), KERN_BLOCK);
    tkill_reap(c, SIGTERM);
    /* what it sent stays; what it was sending never arrives */
    CHECK_EQ(tstat(init, id).msg_qnum, 1);
    CHECK_EQ(kstats.ipc[KSTAT_MSG], 1);
    trcv_expect(init, id, 0, 1, "a");
    CHECK_EQ(trcv(init, id, 10, 0, IPC_NOWAIT, NULL), -ENOMSG);
    trmid(init, id);
    trm("/bin/child");
}

TEST(msgq_queue_outlives_its_creator)
{
    struct proc *c = tchild_uid(-1);
    long id = tmsgget(c, 0x4242, IPC_CREAT | 0600);
    CHECK_EQ(tsnd(c, id, 1, "left behind", 0), 0);
    texit_reap(c, 0);
    CHECK_EQ(kstats.ipc[KSTAT_MSGQ], 1);
    CHECK_EQ(tmsgget(init, 0x4242, 0), id);
    trcv_expect(init, id, 0, 1, "left behind");
    trmid(init, id);
    trm("/bin/child");
}
