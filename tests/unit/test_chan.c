/*
 * test_chan.c - unit tests of ipc/chan.c, part one: creating channels,
 * sending and receiving in order (bounded and unbounded), blocking and
 * waking, try-calls, and timeouts. test_chan_end.c has the rest.
 */
#include "ipctest.h"

/* ---- creating, sending, receiving ------------------------------------------ */

TEST(chan_create_gives_two_ends)
{
    uint32_t chans = kstats.ipc[KSTAT_CHAN];
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 4, 0), 0);
    CHECK_EQ(fds[0], 3);
    CHECK_EQ(fds[1], 4);
    CHECK_EQ(kstats.ipc[KSTAT_CHAN], chans + 1);
    CHECK_EQ(fd_get(init, fds[0])->type, F_OBJ);
    CHECK(FILE_READABLE(fd_get(init, fds[0])) && !FILE_WRITABLE(fd_get(init, fds[0])));
    CHECK(FILE_WRITABLE(fd_get(init, fds[1])) && !FILE_READABLE(fd_get(init, fds[1])));
    struct k_chan_info ci = tcinfo(init, fds[1]);
    CHECK_EQ(ci.msgsize, sizeof(int));
    CHECK_EQ(ci.capacity, 4);
    CHECK_EQ(ci.queued, 0);
    CHECK_EQ(ci.senders, 1);
    CHECK_EQ(ci.receivers, 1);
    CHECK_EQ(ci.creator, 1);
    CHECK_EQ(tcinfo(init, fds[0]).id, ci.id);
    tclose(init, fds[0]);
    CHECK_EQ(kstats.ipc[KSTAT_CHAN], chans + 1);     /* the send end holds it */
    tclose(init, fds[1]);
    CHECK_EQ(kstats.ipc[KSTAT_CHAN], chans);
}

TEST(chan_bounded_keeps_order_across_the_ring)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 3, 0), 0);
    for (int round = 0; round < 4; round++) {
        for (int i = 0; i < 3; i++)
            CHECK_EQ(tsend_int(init, fds[1], round * 10 + i), 0);
        CHECK_EQ(tcinfo(init, fds[0]).queued, 3);
        for (int i = 0; i < 2; i++)
            trecv_int(init, fds[0], round * 10 + i);
        CHECK_EQ(tsend_int(init, fds[1], round * 10 + 9), 0);  /* wraps the ring */
        trecv_int(init, fds[0], round * 10 + 2);
        trecv_int(init, fds[0], round * 10 + 9);
    }
    struct k_chan_info ci = tcinfo(init, fds[0]);
    CHECK_EQ(ci.sent, 16);
    CHECK_EQ(ci.received, 16);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(chan_unbounded_keeps_order)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 0, 0), 0);
    for (int i = 0; i < 100; i++)
        CHECK_EQ(tsend_int(init, fds[1], i), 0);
    CHECK_EQ(tcinfo(init, fds[0]).queued, 100);
    CHECK_EQ(tcinfo(init, fds[0]).capacity, 0);
    for (int i = 0; i < 100; i++)
        trecv_int(init, fds[0], i);
    tclose(init, fds[1]);
    tclose(init, fds[0]);
}

TEST(chan_messages_are_copied_whole)
{
    int fds[2];
    char big[1024];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (char)(i * 13);
    CHECK_EQ(tchan(init, fds, sizeof big, 2, 0), 0);
    CHECK_EQ(tsendf(init, fds[1], ubytes(init, big, sizeof big), sizeof big, 0, 0), 0);
    uptr u = ubuf(init, sizeof big);
    CHECK_EQ(trecvf(init, fds[0], u, sizeof big, 0, 0), 1);
    CHECK(memcmp(uhost(init, u), big, sizeof big) == 0);
    tclose(init, fds[1]);
    tclose(init, fds[0]);
}

/* ---- waiting ------------------------------------------------------------------ */

TEST(chan_receiver_blocks_until_a_send)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 2, 0), 0);
    struct proc *c = tchild();
    uptr u = ubuf(c, sizeof(int));
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, 0), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK(strncmp(c->wait_what, "chan ", 5) == 0);
    CHECK(strstr(c->wait_what, " recv") != NULL);
    CHECK_EQ(tsend_int(init, fds[1], 42), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, 0), 1);     /* the restarted call */
    CHECK_EQ(int_at(c, u), 42);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(chan_two_receivers_one_message)
{
    /* Both wake; the first to run takes it, the other waits again. */
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 2, 0), 0);
    struct proc *a = tchild(), *b = tchild();
    uptr ua = ubuf(a, sizeof(int)), ub = ubuf(b, sizeof(int));
    CHECK_EQ(trecvf(a, fds[0], ua, sizeof(int), 0, 0), KERN_BLOCK);
    CHECK_EQ(trecvf(b, fds[0], ub, sizeof(int), 0, 0), KERN_BLOCK);
    CHECK_EQ(tsend_int(init, fds[1], 7), 0);
    CHECK_EQ(a->state, P_RUNNABLE);
    CHECK_EQ(b->state, P_RUNNABLE);
    CHECK_EQ(trecvf(b, fds[0], ub, sizeof(int), 0, 0), 1);
    CHECK_EQ(int_at(b, ub), 7);
    CHECK_EQ(trecvf(a, fds[0], ua, sizeof(int), 0, 0), KERN_BLOCK);
    CHECK_EQ(tsend_int(init, fds[1], 8), 0);
    CHECK_EQ(trecvf(a, fds[0], ua, sizeof(int), 0, 0), 1);
    CHECK_EQ(int_at(a, ua), 8);
    texit_reap(a, 0);
    texit_reap(b, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(chan_full_sender_blocks_until_room)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 2, 0), 0);
    CHECK_EQ(tsend_int(init, fds[1], 1), 0);
    CHECK_EQ(tsend_int(init, fds[1], 2), 0);
    struct proc *c = tchild();
    int three = 3;
    uptr u = ubytes(c, &three, sizeof three);
    CHECK_EQ(tsendf(c, fds[1], u, sizeof(int), 0, 0), KERN_BLOCK);
    CHECK(strstr(c->wait_what, " send") != NULL);
    CHECK_EQ(tcinfo(init, fds[0]).queued, 2);                    /* nothing went in */
    trecv_int(init, fds[0], 1);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsendf(c, fds[1], u, sizeof(int), 0, 0), 0);
    trecv_int(init, fds[0], 2);
    trecv_int(init, fds[0], 3);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(chan_nonblocking_calls_say_eagain)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 1, 0), 0);
    uptr u = ubuf(init, sizeof(int));
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), CHAN_NONBLOCK, 0), -EAGAIN);
    CHECK_EQ(tsend_int(init, fds[1], 5), 0);
    CHECK_EQ(tsendf(init, fds[1], u, sizeof(int), CHAN_NONBLOCK, 0), -EAGAIN);
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), CHAN_NONBLOCK, 0), 1);
    CHECK_EQ(int_at(init, u), 5);
    /* O_NONBLOCK on the descriptor does the same */
    CHECK_EQ(tsys(init, SYS_fcntl, (long)fds[0], (long)F_SETFL, (long)O_NONBLOCK), 0);
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), 0, 0), -EAGAIN);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    /* and CHAN_NONBLOCK at creation sets it on both ends */
    CHECK_EQ(tchan(init, fds, sizeof(int), 1, CHAN_NONBLOCK), 0);
    CHECK(fd_get(init, fds[0])->flags & O_NONBLOCK);
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), 0, 0), -EAGAIN);
    CHECK_EQ(tsend_int(init, fds[1], 5), 0);
    CHECK_EQ(tsend_int(init, fds[1], 6), -EAGAIN);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

/* ---- timeouts ------------------------------------------------------------------ */

TEST(chan_receive_times_out)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 1, 0), 0);
    struct proc *c = tchild();
    uptr u = ubuf(c, sizeof(int)), t = utimeout(c, 100);
    uint64_t start = now_ns();
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, t), KERN_BLOCK);
    CHECK_EQ(ttimer(), start + 100000000ull);
    CHECK_EQ(kstats.timers, 1);
    tclock_advance(99000000);
    CHECK_EQ(c->state, P_BLOCKED);
    tclock_advance(1000000);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, t), -ETIMEDOUT);
    CHECK_EQ(kstats.timers, 0);
    /* a zero timeout: at once */
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, utimeout(c, 0)), -ETIMEDOUT);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(chan_message_beats_the_timeout)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 1, 0), 0);
    struct proc *c = tchild();
    uptr u = ubuf(c, sizeof(int)), t = utimeout(c, 500);
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, t), KERN_BLOCK);
    CHECK_EQ(tsend_int(init, fds[1], 9), 0);
    CHECK_EQ(kstats.timers, 0);              /* the wakeup cancelled the timer */
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, t), 1);
    CHECK_EQ(int_at(c, u), 9);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(chan_restarted_call_keeps_its_deadline)
{
    /* a (timeout 100 ms) and b both wait; b takes the only message, so a
     * waits again - until the first deadline, not 100 ms after the wakeup */
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 1, 0), 0);
    struct proc *a = tchild(), *b = tchild();
    uptr ua = ubuf(a, sizeof(int)), ub = ubuf(b, sizeof(int)), t = utimeout(a, 100);
    uint64_t deadline = now_ns() + 100000000ull;
    CHECK_EQ(trecvf(a, fds[0], ua, sizeof(int), 0, t), KERN_BLOCK);
    CHECK_EQ(trecvf(b, fds[0], ub, sizeof(int), 0, 0), KERN_BLOCK);
    tclock_advance(60000000);
    CHECK_EQ(tsend_int(init, fds[1], 1), 0);
    CHECK_EQ(trecvf(b, fds[0], ub, sizeof(int), 0, 0), 1);
    CHECK_EQ(trecvf(a, fds[0], ua, sizeof(int), 0, t), KERN_BLOCK);
    CHECK_EQ(ttimer(), deadline);
    tclock_advance(40000000);
    CHECK_EQ(trecvf(a, fds[0], ua, sizeof(int), 0, t), -ETIMEDOUT);
    texit_reap(a, 0);
    texit_reap(b, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(chan_send_times_out_on_a_full_channel)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 1, 0), 0);
    CHECK_EQ(tsend_int(init, fds[1], 1), 0);
    int v = 2;
    uptr u = ubytes(init, &v, sizeof v), t = utimeout(init, 10);
    CHECK_EQ(tsendf(init, fds[1], u, sizeof v, 0, t), KERN_BLOCK);
    tclock_advance(10000000);
    CHECK_EQ(tsendf(init, fds[1], u, sizeof v, 0, t), -ETIMEDOUT);
    CHECK_EQ(tcinfo(init, fds[0]).queued, 1);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(chan_bad_timeouts)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 1, 0), 0);
    uptr u = ubuf(init, sizeof(int));
    struct k_timespec neg = { -1, 0 }, big = { 0, 1000000000 }, negns = { 0, -1 };
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), 0, ubytes(init, &neg, sizeof neg)), -EINVAL);
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), 0, ubytes(init, &big, sizeof big)), -EINVAL);
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), 0, ubytes(init, &negns, sizeof negns)),
             -EINVAL);
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), 0, 8), -EFAULT);
    CHECK_EQ(tsendf(init, fds[1], u, sizeof(int), 0, 8), -EFAULT);
    /* a huge timeout is a century, and still works */
    struct k_timespec huge = { (int64_t)1 << 60, 0 };
    CHECK_EQ(tsendf(init, fds[1], u, sizeof(int), 0, ubytes(init, &huge, sizeof huge)), 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}
