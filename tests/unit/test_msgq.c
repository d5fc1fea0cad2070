/*
 * test_msgq.c - unit tests of ipc/msgq.c through its system calls: msgget
 * with keys and flags, msgsnd and msgrcv with every kind of type and flag,
 * the queue bound, blocking and waking, and bad arguments.
 * test_msgq_ctl.c has msgctl, permissions, and processes that are removed,
 * interrupted or killed while they wait.
 *
 * A call that blocks returns KERN_BLOCK and is re-issued later by calling
 * tsys again with the same arguments, exactly as a platform would.
 */
#include "test_msgq.h"

/* ---- helpers shared with test_msgq_ctl.c -------------------------------- */

long tmsgget(struct proc *p, long key, long flags)
{
    return tsys(p, SYS_msgget, key, flags);
}

uptr tmsgbuf(struct proc *p, long type, const char *text)
{
    size_t n = text ? strlen(text) : 0;
    uptr u = ubuf(p, sizeof(long) + n + 1);
    memcpy(uhost(p, u), &type, sizeof type);
    if (n)
        memcpy((char *)uhost(p, u) + sizeof(long), text, n);
    return u;
}

long tsnd(struct proc *p, long id, long type, const char *text, long flags)
{
    uptr u = tmsgbuf(p, type, text);
    return tsys(p, SYS_msgsnd, id, (long)u, (long)strlen(text), flags);
}

long trcv_at(struct proc *p, long id, uptr u, long size, long type, long flags,
             struct got *g)
{
    long r = tsys(p, SYS_msgrcv, id, (long)u, size, type, flags);
    if (g) {
        memset(g, 0, sizeof *g);
        memcpy(&g->type, uhost(p, u), sizeof(long));
        if (r > 0 && r < (long)sizeof g->text)
            memcpy(g->text, (char *)uhost(p, u) + sizeof(long), (size_t)r);
    }
    return r;
}

long trcv(struct proc *p, long id, long size, long type, long flags, struct got *g)
{
    uptr u = ubuf(p, sizeof(long) + (size_t)size + 1);
    return trcv_at(p, id, u, size, type, flags, g);
}

void trcv_expect(struct proc *p, long id, long type, long want_type, const char *text)
{
    struct got g;
    CHECK_EQ(trcv(p, id, 100, type, IPC_NOWAIT, &g), (long)strlen(text));
    CHECK_EQ(g.type, want_type);
    CHECK_STR(g.text, text);
}

struct k_msqid_ds tstat(struct proc *p, long id)
{
    struct k_msqid_ds ds;
    uptr u = ubuf(p, sizeof ds);
    CHECK_EQ(tsys(p, SYS_msgctl, id, (long)IPC_STAT, (long)u), 0);
    memcpy(&ds, uhost(p, u), sizeof ds);
    return ds;
}

void trmid(struct proc *p, long id)
{
    CHECK_EQ(tsys(p, SYS_msgctl, id, (long)IPC_RMID, 0L), 0);
}

struct proc *tchild_uid(long uid)
{
    tprog("/bin/child");
    struct proc *c = tspawn(init, "/bin/child");
    if (uid >= 0)
        CHECK_EQ(tsys(c, SYS_setuid, uid), 0);
    return c;
}

/* ---- msgget ------------------------------------------------------------------ */

TEST(msgq_private_queues_are_new_each_time)
{
    uint32_t before = kstats.ipc[KSTAT_MSGQ];
    long a = tmsgget(init, IPC_PRIVATE, 0600);
    long b = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK_EQ(a, 0);                    /* a fresh system counts from 0 */
    CHECK_EQ(b, 1);
    CHECK_EQ(kstats.ipc[KSTAT_MSGQ], before + 2);
    trmid(init, a);
    trmid(init, b);
    CHECK_EQ(kstats.ipc[KSTAT_MSGQ], before);
}

TEST(msgq_get_by_key)
{
    CHECK_EQ(tmsgget(init, 0x51, 0600), -ENOENT);
    long id = tmsgget(init, 0x51, IPC_CREAT | 0640);
    CHECK(id >= 0);
    CHECK_EQ(tmsgget(init, 0x51, 0), id);
    CHECK_EQ(tmsgget(init, 0x51, IPC_CREAT | 0600), id);
    CHECK_EQ(tmsgget(init, 0x51, IPC_CREAT | IPC_EXCL | 0600), -EEXIST);
    CHECK(tmsgget(init, 0x52, IPC_CREAT | IPC_EXCL) != id);
    CHECK_EQ(kstats.ipc[KSTAT_MSGQ], 2);
    trmid(init, id);
    trmid(init, tmsgget(init, 0x52, 0));
    /* a removed queue's key is free again */
    CHECK_EQ(tmsgget(init, 0x51, 0), -ENOENT);
}

TEST(msgq_new_queue_state)
{
    init->gid = 5;
    long id = tmsgget(init, 0x77, IPC_CREAT | 0640 | 01000);
    struct k_msqid_ds ds = tstat(init, id);
    CHECK_EQ(ds.msg_perm.key, 0x77);
    CHECK_EQ(ds.msg_perm.uid, 0);
    CHECK_EQ(ds.msg_perm.cuid, 0);
    CHECK_EQ(ds.msg_perm.gid, 5);
    CHECK_EQ(ds.msg_perm.cgid, 5);
    CHECK_EQ(ds.msg_perm.mode, 0640);
    CHECK_EQ(ds.msg_qbytes, MSGMNB);
    CHECK_EQ(ds.msg_qnum, 0);
    CHECK_EQ(ds.msg_cbytes, 0);
    CHECK_EQ(ds.msg_stime, 0);
    CHECK_EQ(ds.msg_rtime, 0);
    CHECK_EQ(ds.msg_ctime, sysv_now());
    CHECK_EQ(ds.msg_lspid, 0);
    CHECK_EQ(ds.msg_lrpid, 0);
    trmid(init, id);
    init->gid = 0;
}

TEST(msgq_table_full)
{
    long ids[MSGMNI];
    for (int i = 0; i < MSGMNI; i++)
        CHECK_EQ(ids[i] = tmsgget(init, IPC_PRIVATE, 0600), i);
    CHECK_EQ(tmsgget(init, IPC_PRIVATE, 0600), -ENOSPC);
    CHECK_EQ(tmsgget(init, 0x99, IPC_CREAT | 0600), -ENOSPC);
    CHECK_EQ(kstats.ipc[KSTAT_MSGQ], MSGMNI);
    trmid(init, ids[7]);
    /* the freed slot is reused, under a new id */
    long again = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK_EQ(again, SYSV_SLOTS + 7);
    CHECK_EQ(tsnd(init, ids[7], 1, "x", IPC_NOWAIT), -EINVAL);
    ids[7] = again;
    for (int i = 0; i < MSGMNI; i++)
        trmid(init, ids[i]);
}

/* ---- msgsnd and msgrcv: the plain cases ------------------------------------- */

TEST(msgq_send_then_receive)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    tclock_advance(3000000000ull);
    CHECK_EQ(tsnd(init, id, 7, "hello", 0), 0);
    CHECK_EQ(kstats.ipc[KSTAT_MSG], 1);
    struct k_msqid_ds ds = tstat(init, id);
    CHECK_EQ(ds.msg_qnum, 1);
    CHECK_EQ(ds.msg_cbytes, 5);
    CHECK_EQ(ds.msg_lspid, init->pid);
    CHECK_EQ(ds.msg_stime, sysv_now());
    CHECK_EQ(ds.msg_rtime, 0);
    tclock_advance(1000000000ull);
    trcv_expect(init, id, 0, 7, "hello");
    ds = tstat(init, id);
    CHECK_EQ(ds.msg_qnum, 0);
    CHECK_EQ(ds.msg_cbytes, 0);
    CHECK_EQ(ds.msg_lrpid, init->pid);
    CHECK_EQ(ds.msg_rtime, sysv_now());
    CHECK_EQ(ds.msg_rtime, ds.msg_stime + 1);
    CHECK_EQ(kstats.ipc[KSTAT_MSG], 0);
    trmid(init, id);
}

TEST(msgq_messages_keep_their_order)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK_EQ(tsnd(init, id, 1, "one", 0), 0);
    CHECK_EQ(tsnd(init, id, 1, "two", 0), 0);
    CHECK_EQ(tsnd(init, id, 1, "three", 0), 0);
    trcv_expect(init, id, 0, 1, "one");
    trcv_expect(init, id, 0, 1, "two");
    CHECK_EQ(tsnd(init, id, 1, "four", 0), 0);
    trcv_expect(init, id, 0, 1, "three");
    trcv_expect(init, id, 0, 1, "four");
    CHECK_EQ(trcv(init, id, 10, 0, IPC_NOWAIT, NULL), -ENOMSG);
    trmid(init, id);
}

TEST(msgq_empty_and_largest_messages)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK_EQ(tsnd(init, id, 3, "", 0), 0);          /* size 0 */
    CHECK_EQ(tstat(init, id).msg_qnum, 1);
    struct got g;
    CHECK_EQ(trcv(init, id, 0, 0, 0, &g), 0);
    CHECK_EQ(g.type, 3);
    /* exactly MSGMAX bytes, in and out intact */
    uptr u = ubuf(init, sizeof(long) + MSGMAX);
    long type = 9;
    memcpy(uhost(init, u), &type, sizeof type);
    unsigned char *h = (unsigned char *)uhost(init, u) + sizeof(long);
    for (int i = 0; i < MSGMAX; i++)
        h[i] = (unsigned char)(i * 13);
    CHECK_EQ(tsys(init, SYS_msgsnd, id, (long)u, (long)MSGMAX, 0L), 0);
    uptr r = ubuf(init, sizeof(long) + MSGMAX);
    CHECK_EQ(tsys(init, SYS_msgrcv, id, (long)r, (long)MSGMAX, 0L, 0L), MSGMAX);
    CHECK(memcmp(uhost(init, r), uhost(init, u), sizeof(long) + MSGMAX) == 0);
    trmid(init, id);
}

/* ---- msgrcv: choosing by type ---------------------------------------------- */

/* A queue holding, in order: 5 "a", 2 "b", 9 "c", 2 "d", 1 "e". */
static long typed_queue(void)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK_EQ(tsnd(init, id, 5, "a", 0), 0);
    CHECK_EQ(tsnd(init, id, 2, "b", 0), 0);
    CHECK_EQ(tsnd(init, id, 9, "c", 0), 0);
    CHECK_EQ(tsnd(init, id, 2, "d", 0), 0);
    CHECK_EQ(tsnd(init, id, 1, "e", 0), 0);
    return id;
}

TEST(msgq_receive_by_type)
{
    long id = typed_queue();
    trcv_expect(init, id, 2, 2, "b");          /* the first of type 2 */
    trcv_expect(init, id, 2, 2, "d");
    CHECK_EQ(trcv(init, id, 10, 2, IPC_NOWAIT, NULL), -ENOMSG);
    CHECK_EQ(trcv(init, id, 10, 4, IPC_NOWAIT, NULL), -ENOMSG);
    trcv_expect(init, id, 1, 1, "e");          /* the last one, from the tail */
    trcv_expect(init, id, 0, 5, "a");          /* type 0: the first */
    trcv_expect(init, id, 9, 9, "c");
    CHECK_EQ(tstat(init, id).msg_qnum, 0);
    /* the tail was fixed when its message went: appending still works */
    CHECK_EQ(tsnd(init, id, 4, "f", 0), 0);
    CHECK_EQ(tsnd(init, id, 4, "g", 0), 0);
    trcv_expect(init, id, 0, 4, "f");
    trcv_expect(init, id, 0, 4, "g");
    trmid(init, id);
}

TEST(msgq_receive_lowest_type_up_to_a_bound)
{
    long id = typed_queue();
    trcv_expect(init, id, -3, 1, "e");         /* lowest type <= 3 is 1 */
    trcv_expect(init, id, -3, 2, "b");         /* then the first of type 2 */
    trcv_expect(init, id, -3, 2, "d");
    CHECK_EQ(trcv(init, id, 10, -3, IPC_NOWAIT, NULL), -ENOMSG);
    trcv_expect(init, id, -100, 5, "a");
    trcv_expect(init, id, -9, 9, "c");
    trmid(init, id);
}

TEST(msgq_receive_lowest_with_the_most_negative_type)
{
    long id = typed_queue();
    long lmin = (long)(~0ul >> 1) * -1 - 1;      /* LONG_MIN: -type overflows */
    trcv_expect(init, id, lmin, 1, "e");
    trcv_expect(init, id, lmin, 2, "b");
    CHECK_EQ(tsnd(init, id, (long)(~0ul >> 1), "max", 0), 0);
    trcv_expect(init, id, -(long)(~0ul >> 1), 2, "d");
    trmid(init, id);
}

TEST(msgq_receive_except_a_type)
{
    long id = typed_queue();
    trcv_expect(init, id, 5, 5, "a");
    CHECK_EQ(tsnd(init, id, 5, "a2", 0), 0);
    struct got g;
    CHECK_EQ(trcv(init, id, 10, 2, MSG_EXCEPT | IPC_NOWAIT, &g), 1);
    CHECK_EQ(g.type, 9);                        /* the first that is not 2 */
    CHECK_EQ(trcv(init, id, 10, 2, MSG_EXCEPT | IPC_NOWAIT, &g), 1);
    CHECK_EQ(g.type, 1);
    CHECK_EQ(trcv(init, id, 10, 2, MSG_EXCEPT | IPC_NOWAIT, &g), 2);
    CHECK_STR(g.text, "a2");
    CHECK_EQ(trcv(init, id, 10, 2, MSG_EXCEPT | IPC_NOWAIT, NULL), -ENOMSG);
    /* MSG_EXCEPT means nothing for type 0 (any) or a negative type */
    trcv_expect(init, id, 0, 2, "b");
    CHECK_EQ(trcv(init, id, 10, -2, MSG_EXCEPT | IPC_NOWAIT, &g), 1);
    CHECK_EQ(g.type, 2);
    trmid(init, id);
}

/* ---- msgrcv: sizes ------------------------------------------------------------- */

TEST(msgq_receive_too_small_a_buffer)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK_EQ(tsnd(init, id, 1, "abcdef", 0), 0);
    CHECK_EQ(trcv(init, id, 3, 0, 0, NULL), -E2BIG);
    CHECK_EQ(trcv(init, id, 5, 0, IPC_NOWAIT, NULL), -E2BIG);
    CHECK_EQ(tstat(init, id).msg_qnum, 1);       /* still there */
    struct got g;
    CHECK_EQ(trcv(init, id, 3, 0, MSG_NOERROR, &g), 3);
    CHECK_STR(g.text, "abc");
    CHECK_EQ(tstat(init, id).msg_qnum, 0);       /* the rest is gone */
    CHECK_EQ(tstat(init, id).msg_cbytes, 0);
    CHECK_EQ(tsnd(init, id, 1, "xy", 0), 0);
    CHECK_EQ(trcv(init, id, 0, 0, MSG_NOERROR, &g), 0);
    CHECK_EQ(g.type, 1);
    trmid(init, id);
}

TEST(msgq_receive_with_a_huge_size)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK_EQ(tsnd(init, id, 1, "small", 0), 0);
    uptr u = ubuf(init, 64);
    /* only the message's own bytes are written */
    CHECK_EQ(tsys(init, SYS_msgrcv, id, (long)u, (long)(~0ul >> 1), 0L, 0L), 5);
    trmid(init, id);
}

/* ---- the queue bound: blocking senders ---------------------------------------- */

/* Send size bytes of 'x' as type 1. */
static long tsnd_n(struct proc *p, long id, size_t size, long flags)
{
    uptr u = ubuf(p, sizeof(long) + size);
    long type = 1;
    memcpy(uhost(p, u), &type, sizeof type);
    memset((char *)uhost(p, u) + sizeof(long), 'x', size);
    return tsys(p, SYS_msgsnd, id, (long)u, (long)size, flags);
}

TEST(msgq_full_queue_nowait)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK_EQ(tsnd_n(init, id, MSGMAX, 0), 0);
    CHECK_EQ(tsnd_n(init, id, MSGMNB - MSGMAX - 1, 0), 0);
    CHECK_EQ(tsnd_n(init, id, 2, IPC_NOWAIT), -EAGAIN);   /* 1 byte of room */
    CHECK_EQ(tsnd_n(init, id, 1, IPC_NOWAIT), 0);         /* exactly full */
    CHECK_EQ(tsnd_n(init, id, 1, IPC_NOWAIT), -EAGAIN);
    /* an empty message still fits: only the count of messages bounds it */
    CHECK_EQ(tsnd_n(init, id, 0, IPC_NOWAIT), 0);
    CHECK_EQ(tstat(init, id).msg_cbytes, MSGMNB);
    CHECK_EQ(tstat(init, id).msg_qnum, 4);
    trmid(init, id);
    CHECK_EQ(kstats.ipc[KSTAT_MSG], 0);
}

TEST(msgq_sender_blocks_until_a_receive_makes_room)
{
    long id = tmsgget(init, IPC_PRIVATE, 0666);
    struct proc *c = tchild_uid(-1);
    CHECK_EQ(tsnd_n(init, id, MSGMAX, 0), 0);
    CHECK_EQ(tsnd_n(init, id, MSGMAX, 0), 0);
    uptr u = tmsgbuf(c, 4, "late");
    CHECK_EQ(tsys(c, SYS_msgsnd, id, (long)u, 4L, 0L), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK_STR(c->wait_what, "msgq 0 send");
    CHECK_EQ(tstat(init, id).msg_qnum, 2);       /* nothing sent yet */
    CHECK_EQ(trcv(init, id, MSGMAX, 0, 0, NULL), MSGMAX);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK(c->nwaits == 0);
    CHECK_EQ(tsys(c, SYS_msgsnd, id, (long)u, 4L, 0L), 0);
    CHECK_EQ(tstat(init, id).msg_qnum, 2);
    CHECK_EQ(tstat(init, id).msg_lspid, c->pid);
    trcv_expect(init, id, 4, 4, "late");
    texit_reap(c, 0);
    trmid(init, id);
    trm("/bin/child");
}

TEST(msgq_woken_sender_that_still_does_not_fit_waits_again)
{
    long id = tmsgget(init, IPC_PRIVATE, 0666);
    struct proc *c = tchild_uid(-1);
    CHECK_EQ(tsnd_n(init, id, MSGMAX, 0), 0);
    CHECK_EQ(tsnd_n(init, id, 100, 0), 0);
    CHECK_EQ(tsnd_n(init, id, MSGMAX - 100, 0), 0);
    uptr u = ubuf(c, sizeof(long) + 200);
    long one = 1;
    memcpy(uhost(c, u), &one, sizeof one);
    CHECK_EQ(tsys(c, SYS_msgsnd, id, (long)u, 200L, 0L), KERN_BLOCK);
    CHECK_EQ(trcv(init, id, MSGMAX, 0, MSG_NOERROR, NULL), MSGMAX);
    /* wait: that took the 8192 bytes; now take the small one instead */
    CHECK_EQ(tsys(c, SYS_msgsnd, id, (long)u, 200L, 0L), 0);
    CHECK_EQ(tsnd_n(init, id, MSGMAX - 200, 0), 0);    /* full again */
    CHECK_EQ(tsys(c, SYS_msgsnd, id, (long)u, 200L, 0L), KERN_BLOCK);
    CHECK_EQ(trcv(init, id, 100, 0, 0, NULL), 100);     /* 100 free: not enough */
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_msgsnd, id, (long)u, 200L, 0L), KERN_BLOCK);
    CHECK_STR(c->wait_what, "msgq 0 send");
    CHECK_EQ(trcv(init, id, MSGMAX, 0, 0, NULL), MSGMAX - 100);
    CHECK_EQ(tsys(c, SYS_msgsnd, id, (long)u, 200L, 0L), 0);
    texit_reap(c, 0);
    trmid(init, id);
    trm("/bin/child");
}

/* ---- blocking receivers ------------------------------------------------------- */

TEST(msgq_receiver_blocks_until_a_send)
{
    long id = tmsgget(init, IPC_PRIVATE, 0666);
    struct proc *c = tchild_uid(-1);
    uptr u = ubuf(c, sizeof(long) + 32);
    struct got g;
    uint32_t waiters = kstats.waiters;
    CHECK_EQ(trcv_at(c, id, u, 32, 0, 0, &g), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK_STR(c->wait_what, "msgq 0 recv");
    CHECK_EQ(kstats.waiters, waiters + 1);
    CHECK_EQ(tsnd(init, id, 3, "wake", 0), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(trcv_at(c, id, u, 32, 0, 0, &g), 4);
    CHECK_EQ(g.type, 3);
    CHECK_STR(g.text, "wake");
    CHECK_EQ(tstat(init, id).msg_lrpid, c->pid);
    texit_reap(c, 0);
    trmid(init, id);
    trm("/bin/child");
}

TEST(msgq_receiver_of_one_type_sleeps_through_others)
{
    long id = tmsgget(init, IPC_PRIVATE, 0666);
    struct proc *c = tchild_uid(-1);
    uptr u = ubuf(c, sizeof(long) + 32);
    struct got g;
    CHECK_EQ(trcv_at(c, id, u, 32, 2, 0, &g), KERN_BLOCK);
    CHECK_EQ(tsnd(init, id, 1, "request", 0), 0);
    CHECK_EQ(c->state, P_RUNNABLE);               /* every send wakes... */
    CHECK_EQ(trcv_at(c, id, u, 32, 2, 0, &g), KERN_BLOCK);   /* ...it looks again */
    CHECK_EQ(tsnd(init, id, 2, "reply", 0), 0);
    CHECK_EQ(trcv_at(c, id, u, 32, 2, 0, &g), 5);
    CHECK_STR(g.text, "reply");
    trcv_expect(init, id, 0, 1, "request");
    texit_reap(c, 0);
    trmid(init, id);
    trm("/bin/child");
}

TEST(msgq_two_receivers_one_message)
{
    long id = tmsgget(init, IPC_PRIVATE, 0666);
    struct proc *a = tchild_uid(-1), *b = tchild_uid(-1);
    uptr ua = ubuf(a, 64), ub = ubuf(b, 64);
    CHECK_EQ(trcv_at(a, id, ua, 32, 0, 0, NULL), KERN_BLOCK);
    CHECK_EQ(trcv_at(b, id, ub, 32, 0, 0, NULL), KERN_BLOCK);
    CHECK_EQ(tsnd(init, id, 1, "only", 0), 0);
    CHECK_EQ(a->state, P_RUNNABLE);
    CHECK_EQ(b->state, P_RUNNABLE);
    CHECK_EQ(trcv_at(b, id, ub, 32, 0, 0, NULL), 4);     /* b gets there first */
    CHECK_EQ(trcv_at(a, id, ua, 32, 0, 0, NULL), KERN_BLOCK);
    CHECK_EQ(tsnd(init, id, 1, "next", 0), 0);
    struct got g;
    CHECK_EQ(trcv_at(a, id, ua, 32, 0, 0, &g), 4);
    CHECK_STR(g.text, "next");
    texit_reap(a, 0);
    texit_reap(b, 0);
    trmid(init, id);
    trm("/bin/child");
}

/* ---- bad arguments ---------------------------------------------------------- */

TEST(msgq_send_bad_arguments)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK_EQ(tsnd(init, id, 0, "zero", 0), -EINVAL);
    CHECK_EQ(tsnd(init, id, -4, "neg", 0), -EINVAL);
    uptr u = tmsgbuf(init, 1, "x");
    CHECK_EQ(tsys(init, SYS_msgsnd, id, (long)u, -1L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_msgsnd, id, (long)u, (long)MSGMAX + 1, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_msgsnd, id, (long)u, (long)(~0ul >> 1), 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_msgsnd, -1L, (long)u, 1L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_msgsnd, 12345L, (long)u, 1L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_msgsnd, 0x100000000L, (long)u, 1L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_msgsnd, id + SYSV_SLOTS, (long)u, 1L, 0L), -EINVAL);
    /* the type cannot be read, or the text cannot */
    CHECK_EQ(tsys(init, SYS_msgsnd, id, 0L, 1L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_msgsnd, id, (long)(UBASE + USIZE - 4), 1L, 0L), -EFAULT);
    uptr big = tmsgbuf(init, 1, "0123456789");
    tfault_range(init, big + sizeof(long) + 5, big + sizeof(long) + 6);
    CHECK_EQ(tsys(init, SYS_msgsnd, id, (long)big, 10L, 0L), -EFAULT);
    tfault_range(init, 0, 0);
    CHECK_EQ(tstat(init, id).msg_qnum, 0);     /* nothing half-sent */
    CHECK_EQ(kstats.ipc[KSTAT_MSG], 0);
    trmid(init, id);
}

TEST(msgq_receive_bad_arguments)
{
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK_EQ(tsnd(init, id, 6, "keep", 0), 0);
    CHECK_EQ(trcv(init, id, -1, 0, 0, NULL), -EINVAL);
    CHECK_EQ(trcv(init, -1, 10, 0, 0, NULL), -EINVAL);
    CHECK_EQ(trcv(init, 999, 10, 0, 0, NULL), -EINVAL);
    CHECK_EQ(trcv(init, 0x7fffffff, 10, 0, 0, NULL), -EINVAL);
    /* a bad buffer: for the type, for the text, for a truncated text */
    CHECK_EQ(tsys(init, SYS_msgrcv, id, 0L, 10L, 0L, 0L), -EFAULT);
    uptr u = ubuf(init, 64);
    tfault_range(init, u + sizeof(long), u + sizeof(long) + 1);
    CHECK_EQ(tsys(init, SYS_msgrcv, id, (long)u, 10L, 0L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_msgrcv, id, (long)u, 2L, 0L, (long)MSG_NOERROR), -EFAULT);
    tfault_range(init, 0, 0);
    CHECK_EQ(tstat(init, id).msg_qnum, 1);      /* a failed copy loses nothing */
    trcv_expect(init, id, 0, 6, "keep");
    trmid(init, id);
}

TEST(msgq_send_when_the_kernel_heap_is_exhausted)
{
    /* root lifts the bound; the kernel heap is then the limit */
    long id = tmsgget(init, IPC_PRIVATE, 0600);
    struct k_msqid_ds ds = tstat(init, id);
    ds.msg_qbytes = 1ull << 40;
    CHECK_EQ(tsys(init, SYS_msgctl, id, (long)IPC_SET, (long)ubytes(init, &ds, sizeof ds)), 0);
    uptr u = ubuf(init, sizeof(long) + MSGMAX);
    long type = 1, r = 0;
    memcpy(uhost(init, u), &type, sizeof type);
    int sent = 0;
    while ((r = tsys(init, SYS_msgsnd, id, (long)u, (long)MSGMAX, 0L)) == 0)
        sent++;
    CHECK_EQ(r, -ENOMEM);
    CHECK(sent > 1000);
    CHECK_EQ(tstat(init, id).msg_qnum, sent);     /* the failed one left no trace */
    CHECK_EQ(kstats.ipc[KSTAT_MSG], sent);
    trmid(init, id);                              /* and all of it comes back */
}
