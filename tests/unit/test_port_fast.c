/*
 * test_port_fast.c - unit tests of the fast path of ipc/port.c (a message
 * handed straight to a waiting receiver, and given back when the receiver
 * does not take it), of ports that die with their last receiver or with
 * a process killed in port_recv, and of running out of descriptors and of
 * kernel memory.
 */
#include "ipctest.h"

/* ---- the fast path ---------------------------------------------------------------- */

TEST(port_fast_path_hands_the_message_over)
{
    long fd = tport(init, 0);
    struct proc *c = tchild();
    uptr u = ubuf(c, sizeof(struct k_port_msg));
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), KERN_BLOCK);
    CHECK(strstr(c->wait_what, "port ") && strstr(c->wait_what, " recv"));
    uint32_t files = kstats.files;
    CHECK_EQ(tsend(init, fd, 11, "direct"), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK(c->call.file != NULL);                      /* the message is in its slot */
    CHECK_EQ(kstats.files, files + 1);
    struct k_port_info pi = tpinfo(init, fd);
    CHECK_EQ(pi.queued, 0);
    CHECK_EQ(pi.fastpath, 1);
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), 0);             /* the restarted receive */
    struct k_port_msg m = msg_at(c, u);
    CHECK_EQ(m.type, 11);
    CHECK(memcmp(m.data, "direct", 6) == 0);
    CHECK(c->call.file == NULL);
    CHECK_EQ(kstats.files, files);
    CHECK_EQ(tpinfo(init, fd).received, 1);
    texit_reap(c, 0);
    tclose(init, fd);
}

TEST(port_fast_path_wakes_one_receiver_per_message)
{
    long fd = tport(init, 0);
    struct proc *a = tchild(), *b = tchild();
    uptr ua = ubuf(a, 64), ub = ubuf(b, 64);
    CHECK_EQ(trecv_u(a, fd, ua, 0, 0), KERN_BLOCK);
    CHECK_EQ(trecv_u(b, fd, ub, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsend(init, fd, 1, "first"), 0);
    CHECK_EQ(a->state, P_RUNNABLE);
    CHECK_EQ(b->state, P_BLOCKED);                    /* only the longest waiter */
    CHECK_EQ(tsend(init, fd, 2, "second"), 0);
    CHECK_EQ(b->state, P_RUNNABLE);
    CHECK_EQ(trecv_u(b, fd, ub, 0, 0), 0);
    CHECK_EQ(msg_at(b, ub).type, 2);
    CHECK_EQ(trecv_u(a, fd, ua, 0, 0), 0);
    CHECK_EQ(msg_at(a, ua).type, 1);
    CHECK_EQ(tpinfo(init, fd).fastpath, 2);
    texit_reap(a, 0);
    texit_reap(b, 0);
    tclose(init, fd);
}

TEST(port_queued_flag_turns_the_fast_path_off)
{
    long fd = tport(init, PORT_QUEUED);
    struct proc *c = tchild();
    uptr u = ubuf(c, 64);
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsend(init, fd, 1, "q"), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK(c->call.file == NULL);
    CHECK_EQ(tpinfo(init, fd).queued, 1);
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), 0);
    CHECK_EQ(msg_at(c, u).type, 1);
    CHECK_EQ(tpinfo(init, fd).fastpath, 0);
    texit_reap(c, 0);
    tclose(init, fd);
}

TEST(port_fast_path_receiver_killed_gives_the_message_back)
{
    long fd = tport(init, 0);
    struct proc *a = tchild(), *b = tchild();
    uptr ua = ubuf(a, 64), ub = ubuf(b, 64);
    CHECK_EQ(trecv_u(a, fd, ua, 0, 0), KERN_BLOCK);
    CHECK_EQ(trecv_u(b, fd, ub, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsend(init, fd, 1, "one"), 0);
    CHECK_EQ(tsend(init, fd, 2, "two"), 0);          /* a holds "one", b "two" */
    tkill_reap(a, SIGKILL);
    CHECK_EQ(tpinfo(init, fd).queued, 1);              /* "one" is back, first */
    CHECK_EQ(trecv_u(b, fd, ub, 0, 0), 0);
    CHECK_EQ(msg_at(b, ub).type, 2);
    trecv_expect(b, fd, 1, "one");
    texit_reap(b, 0);
    tclose(init, fd);
}

TEST(port_fast_path_bad_buffer_gives_the_message_back)
{
    long fd = tport(init, 0);
    struct proc *c = tchild();
    CHECK_EQ(trecv_u(c, fd, 8, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsend(init, fd, 1, "safe"), 0);
    CHECK_EQ(trecv_u(c, fd, 8, 0, 0), -EFAULT);
    CHECK(c->call.file == NULL);
    CHECK_EQ(tpinfo(init, fd).queued, 1);
    trecv_expect(c, fd, 1, "safe");
    texit_reap(c, 0);
    tclose(init, fd);
}

TEST(port_fast_path_then_a_signal)
{
    /* A receiver handed a message and then signalled still gets the
     * message: it is runnable, not waiting, so the handler runs after. */
    long fd = tport(init, 0);
    struct proc *c = tchild();
    CHECK_EQ(tsigaction(c, SIGUSR1, UBASE + 0x100, 0), 0);
    uptr u = ubuf(c, 64);
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsend(init, fd, 1, "first"), 0);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), 0);
    CHECK_EQ(msg_at(c, u).type, 1);
    CHECK_EQ(thandled(c)[0], SIGUSR1);
    /* interrupted while waiting: EINTR, and nothing is handed over */
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(tsend(init, fd, 2, "second"), 0);
    CHECK_EQ(tpinfo(init, fd).fastpath, 1);
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), -EINTR);
    trecv_expect(c, fd, 2, "second");
    texit_reap(c, 0);
    tclose(init, fd);
}

TEST(port_fast_path_out_of_memory_queues_instead)
{
    /* Grow the hole: first the message itself does not fit (ENOMEM), then
     * it does but the hand-over's file does not (queued), then both do. */
    long fd = tport(init, 0);
    struct proc *c = tchild();
    uptr u = ubuf(c, 64);
    struct k_port_msg m = tmsg(1, "q");
    uptr um = umsg(init, &m);
    bool queued = false, handed = false;
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), KERN_BLOCK);
    for (size_t hole = 16; hole < 1024 && !handed; hole += 8) {
        uint64_t fast = tpinfo(init, fd).fastpath;
        tsqueeze(hole);
        long r = tsend_u(init, fd, um, 0, 0);
        trelease();
        if (r == -ENOMEM)
            continue;
        CHECK_EQ(r, 0);
        handed = tpinfo(init, fd).fastpath > fast;
        queued |= !handed;
        CHECK_EQ(c->state, P_RUNNABLE);
        CHECK_EQ(trecv_u(c, fd, u, 0, 0), 0);
        CHECK_EQ(msg_at(c, u).type, 1);
        if (!handed)
            CHECK_EQ(trecv_u(c, fd, u, 0, 0), KERN_BLOCK);
    }
    CHECK(queued && handed);
    texit_reap(c, 0);
    tclose(init, fd);
}

/* ---- death ---------------------------------------------------------------------------- */

TEST(port_dies_with_its_last_receiver)
{
    uint32_t ports = kstats.ipc[KSTAT_PORT];
    long fd = tport(init, 0);
    long s = tderive(init, fd, PORT_SEND);
    CHECK_EQ(tbind(init, fd, "svc", PORT_SEND), 0);
    for (int i = 0; i < PORT_QUEUE_MAX; i++)
        CHECK_EQ(tsend(init, s, 1, "q"), 0);
    struct proc *c = tchild();
    tclose(c, fd);                                    /* c keeps only s */
    struct k_port_msg m = tmsg(2, "blocked");
    uptr um = umsg(c, &m);
    CHECK_EQ(tsend_u(c, s, um, 0, 0), KERN_BLOCK);
    uint64_t heap = kstats.heap_used;
    tclose(init, fd);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsend_u(c, s, um, 0, 0), -EPIPE);
    CHECK(kstats.heap_used < heap);                   /* the queue went */
    CHECK_EQ(tlookup(init, "svc", 0, 0), -ENOENT);    /* and the name */
    CHECK_EQ(tpinfo(init, s).receivers, 0);
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports + 1);      /* s still holds it */
    texit_reap(c, 0);
    tclose(init, s);
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports);
}

TEST(port_killed_while_receiving_leaves_nothing)
{
    uint32_t ports = kstats.ipc[KSTAT_PORT], caps = kstats.ipc[KSTAT_CAP];
    struct proc *c = tchild();
    long fd = tport(c, 0);
    CHECK_EQ(tbind(c, fd, "gone", PORT_SEND), 0);
    CHECK_EQ(trecv_u(c, fd, ubuf(c, 64), 0, utimeout(c, 5000)), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 1);
    tkill_reap(c, SIGKILL);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(kstats.timers, 0);
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
    CHECK_EQ(tlookup(init, "gone", 0, 0), -ENOENT);
}

/* ---- descriptors and memory ---------------------------------------------------------------- */

TEST(port_out_of_descriptors)
{
    long fd = tport(init, 0);
    CHECK_EQ(tbind(init, fd, "full", PORT_SEND), 0);
    int last = -1;
    for (long d; (d = tsys(init, SYS_dup, 0L)) >= 0; )
        last = (int)d;
    uint32_t ports = kstats.ipc[KSTAT_PORT], caps = kstats.ipc[KSTAT_CAP];
    CHECK_EQ(tport(init, 0), -EMFILE);
    CHECK_EQ(tderive(init, fd, PORT_SEND), -EMFILE);
    CHECK_EQ(tlookup(init, "full", 0, 0), -EMFILE);
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
    for (int d = 3; d <= last; d++)
        if (d != fd)
            tclose(init, d);
    tclose(init, fd);
}

TEST(port_out_of_memory_everywhere)
{
    /* every call that allocates fails with ENOMEM and leaves nothing */
    long fd = tport(init, 0);
    CHECK_EQ(tbind(init, fd, "mem", PORT_SEND), 0);
    struct k_port_msg q = tmsg(1, "x");
    uptr um = umsg(init, &q), rep = ubuf(init, 64);
    uint32_t ports = kstats.ipc[KSTAT_PORT], caps = kstats.ipc[KSTAT_CAP];
    uint32_t files = kstats.files;
    tsqueeze(0);
    CHECK_EQ(tport(init, 0), -ENOMEM);
    CHECK_EQ(tderive(init, fd, PORT_SEND), -ENOMEM);
    CHECK_EQ(tlookup(init, "mem", 0, 0), -ENOMEM);
    CHECK_EQ(tsend_u(init, fd, um, 0, 0), -ENOMEM);
    CHECK_EQ(tcall(init, fd, um, rep, 0), -ENOMEM);
    trelease();
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
    CHECK_EQ(kstats.files, files);
    CHECK_EQ(tpinfo(init, fd).queued, 0);
    /* a port, its capability and its file, failing one after the other */
    bool made = false;
    for (size_t hole = 16; hole < 2048 && !made; hole += 16) {
        tsqueeze(hole);
        long r = tport(init, 0);
        trelease();
        made = r >= 0;
        if (made)
            tclose(init, r);
        else
            CHECK_EQ(r, -ENOMEM);
        CHECK_EQ(kstats.ipc[KSTAT_PORT], ports);
        CHECK_EQ(kstats.files, files);
    }
    CHECK(made);
    tclose(init, fd);
}

TEST(port_call_out_of_memory_at_every_step)
{
    long fd = tport(init, 0);
    struct k_port_msg q = tmsg(1, "x");
    uptr um = umsg(init, &q), rep = ubuf(init, 64);
    uint32_t caps = kstats.ipc[KSTAT_CAP], files = kstats.files;
    uptr t0 = utimeout(init, 0);
    bool sent = false;
    for (size_t hole = 16; hole < 2048 && !sent; hole += 16) {
        tsqueeze(hole);
        long r = tcall(init, fd, um, rep, t0);
        trelease();
        sent = r == KERN_BLOCK;
        if (!sent) {
            CHECK_EQ(r, -ENOMEM);
            CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
            CHECK_EQ(kstats.files, files);
        }
    }
    CHECK(sent);
    tclock_advance(1);
    CHECK_EQ(tcall(init, fd, um, rep, t0), -ETIMEDOUT);
    struct k_port_msg got = trecv_expect(init, fd, 1, "x");
    CHECK_EQ(treply(init, got.reply, 1, "y"), -EPIPE);
    /* the receiving side: no memory for the reply capability's file */
    CHECK_EQ(tcall(init, fd, um, rep, t0), KERN_BLOCK);
    tclock_advance(1);
    CHECK_EQ(tcall(init, fd, um, rep, t0), -ETIMEDOUT);
    uptr u = ubuf(init, 64);
    tsqueeze(0);
    CHECK_EQ(trecv_u(init, fd, u, 0, 0), -ENOMEM);
    struct k_port_msg r2 = tmsg(1, "y");
    uptr ur = umsg(init, &r2);
    trelease();
    CHECK_EQ(tpinfo(init, fd).queued, 1);
    CHECK_EQ(trecv_u(init, fd, u, 0, 0), 0);
    got = msg_at(init, u);
    tsqueeze(0);                /* a reply allocates nothing */
    CHECK_EQ(tsys(init, SYS_port_reply, (long)got.reply, (long)ur), -EPIPE);
    trelease();
    tclose(init, fd);
}
