/*
 * test_chan.c - unit tests of ipc/chan.c: creating channels, sending and
 * receiving in order, bounded and unbounded channels, blocking and waking,
 * try-receive, timeouts, the end of a channel (closed, EPIPE), the quota of
 * unbounded channels, read and write on the ends, inheritance, chan_info
 * and chan_list, bad arguments, processes killed or interrupted while they
 * wait, and running out of kernel memory.
 *
 * A call that blocks returns KERN_BLOCK; the test re-issues it later with
 * the same arguments, as a platform would.
 */
#include "test.h"
#include "../../kernel/uapi/chan.h"

/* ---- helpers -------------------------------------------------------------- */

/* chan_create for p: fds[0] receives, fds[1] sends. */
static long tchan(struct proc *p, int fds[2], long esize, long cap, long flags)
{
    uptr u = ubuf(p, 2 * sizeof(int));
    long r = tsys(p, SYS_chan_create, (long)u, esize, cap, flags);
    memcpy(fds, uhost(p, u), 2 * sizeof(int));
    return r;
}

/* A relative timeout of ms milliseconds, in p's memory. */
static uptr utimeout(struct proc *p, long ms)
{
    struct k_timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
    return ubytes(p, &ts, sizeof ts);
}

static long tsendf(struct proc *p, int fd, uptr msg, long size, long flags, uptr timeout)
{
    return tsys(p, SYS_chan_send, (long)fd, (long)msg, size, flags, (long)timeout);
}

static long trecvf(struct proc *p, int fd, uptr buf, long size, long flags, uptr timeout)
{
    return tsys(p, SYS_chan_recv, (long)fd, (long)buf, size, flags, (long)timeout);
}

static long tsend_int(struct proc *p, int fd, int v)
{
    return tsendf(p, fd, ubytes(p, &v, sizeof v), sizeof v, 0, 0);
}

static int int_at(struct proc *p, uptr u)
{
    int v;
    memcpy(&v, uhost(p, u), sizeof v);
    return v;
}

/* Receive one int, which must be `want`. */
static void trecv_int(struct proc *p, int fd, int want)
{
    uptr u = ubuf(p, sizeof(int));
    CHECK_EQ(trecvf(p, fd, u, sizeof(int), 0, 0), 1);
    CHECK_EQ(int_at(p, u), want);
}

static void tclose(struct proc *p, int fd)
{
    CHECK_EQ(tsys(p, SYS_close, (long)fd), 0);
}

static struct k_chan_info tinfo(struct proc *p, int fd)
{
    struct k_chan_info ci;
    uptr u = ubuf(p, sizeof ci);
    CHECK_EQ(tsys(p, SYS_chan_info, (long)fd, (long)u), 0);
    memcpy(&ci, uhost(p, u), sizeof ci);
    return ci;
}

static struct proc *tchild(void)
{
    tprog("/bin/child");
    return tspawn(init, "/bin/child");
}

/* Kill p with sig from init and reap it: p must have left every queue. */
static void tkill_reap(struct proc *p, int sig)
{
    int pid = p->pid;
    CHECK_EQ(tsys(init, SYS_kill, (long)pid, (long)sig), 0);
    CHECK_EQ(p->state, P_ZOMBIE);
    CHECK(p->wq == NULL);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
}

static long tsigaction(struct proc *p, int sig, uint64_t handler, uint32_t flags)
{
    struct k_sigaction sa = { .sa_handler = handler, .sa_flags = flags };
    return tsys(p, SYS_sigaction, (long)sig, (long)ubytes(p, &sa, sizeof sa), 0L);
}

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
    struct k_chan_info ci = tinfo(init, fds[1]);
    CHECK_EQ(ci.msgsize, sizeof(int));
    CHECK_EQ(ci.capacity, 4);
    CHECK_EQ(ci.queued, 0);
    CHECK_EQ(ci.senders, 1);
    CHECK_EQ(ci.receivers, 1);
    CHECK_EQ(ci.creator, 1);
    CHECK_EQ(tinfo(init, fds[0]).id, ci.id);
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
        CHECK_EQ(tinfo(init, fds[0]).queued, 3);
        for (int i = 0; i < 2; i++)
            trecv_int(init, fds[0], round * 10 + i);
        CHECK_EQ(tsend_int(init, fds[1], round * 10 + 9), 0);  /* wraps the ring */
        trecv_int(init, fds[0], round * 10 + 2);
        trecv_int(init, fds[0], round * 10 + 9);
    }
    struct k_chan_info ci = tinfo(init, fds[0]);
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
    CHECK_EQ(tinfo(init, fds[0]).queued, 100);
    CHECK_EQ(tinfo(init, fds[0]).capacity, 0);
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
    trm("/bin/child");
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
    trm("/bin/child");
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
    CHECK_EQ(tinfo(init, fds[0]).queued, 2);                    /* nothing went in */
    trecv_int(init, fds[0], 1);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsendf(c, fds[1], u, sizeof(int), 0, 0), 0);
    trecv_int(init, fds[0], 2);
    trecv_int(init, fds[0], 3);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
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
    trm("/bin/child");
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
    trm("/bin/child");
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
    trm("/bin/child");
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
    CHECK_EQ(tinfo(init, fds[0]).queued, 1);
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

/* ---- the end of a channel --------------------------------------------------------- */

TEST(chan_closed_after_the_last_sender)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 4, 0), 0);
    long dup = tsys(init, SYS_dup, (long)fds[1]);
    CHECK(dup > 0);
    CHECK_EQ(tsend_int(init, fds[1], 1), 0);
    CHECK_EQ(tsend_int(init, (int)dup, 2), 0);
    tclose(init, fds[1]);
    CHECK_EQ(tinfo(init, fds[0]).senders, 1);        /* dup shares the one file */
    CHECK_EQ(tsend_int(init, (int)dup, 3), 0);
    tclose(init, (int)dup);
    CHECK_EQ(tinfo(init, fds[0]).senders, 0);
    trecv_int(init, fds[0], 1);                      /* drain ... */
    trecv_int(init, fds[0], 2);
    trecv_int(init, fds[0], 3);
    uptr u = ubuf(init, sizeof(int));
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), 0, 0), 0);   /* ... then closed */
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), CHAN_NONBLOCK, 0), 0);
    tclose(init, fds[0]);
}

TEST(chan_last_sender_wakes_the_receivers)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 0, 0), 0);
    struct proc *c = tchild();
    tclose(c, fds[1]);
    uptr u = ubuf(c, sizeof(int));
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, 0), KERN_BLOCK);
    tclose(init, fds[1]);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, 0), 0);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    trm("/bin/child");
}

TEST(chan_send_without_receivers_is_epipe_without_sigpipe)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 0, 0), 0);
    CHECK_EQ(tsend_int(init, fds[1], 1), 0);
    uint64_t heap = kstats.heap_used;
    tclose(init, fds[0]);
    CHECK(kstats.heap_used < heap);                  /* the queued message went */
    CHECK_EQ(tsend_int(init, fds[1], 2), -EPIPE);
    CHECK_EQ(init->sig_pending & SIGBIT(SIGPIPE), 0);
    CHECK_EQ(thandled(init)[0], 0);
    CHECK_EQ(tinfo(init, fds[1]).queued, 0);
    tclose(init, fds[1]);
}

TEST(chan_last_receiver_wakes_the_senders)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 1, 0), 0);
    CHECK_EQ(tsend_int(init, fds[1], 1), 0);
    struct proc *c = tchild();
    tclose(c, fds[0]);
    int v = 2;
    uptr u = ubytes(c, &v, sizeof v);
    CHECK_EQ(tsendf(c, fds[1], u, sizeof v, 0, 0), KERN_BLOCK);
    tclose(init, fds[0]);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsendf(c, fds[1], u, sizeof v, 0, 0), -EPIPE);
    texit_reap(c, 0);
    tclose(init, fds[1]);
    trm("/bin/child");
}

/* ---- the quota of unbounded channels ---------------------------------------------- */

TEST(chan_unbounded_quota)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, CHAN_MSG_MAX, 0, 0), 0);
    uptr big = ubuf(init, CHAN_MSG_MAX);
    int fit = CHAN_QUOTA / CHAN_MSG_MAX;
    for (int i = 0; i < fit; i++)
        CHECK_EQ(tsendf(init, fds[1], big, CHAN_MSG_MAX, 0, 0), 0);
    CHECK_EQ(tsendf(init, fds[1], big, CHAN_MSG_MAX, 0, 0), -EAGAIN);
    /* the quota is the sender's: another process may still send */
    struct proc *c = tchild();
    uptr cbig = ubuf(c, CHAN_MSG_MAX);
    CHECK_EQ(tsendf(c, fds[1], cbig, CHAN_MSG_MAX, 0, 0), 0);
    /* receiving gives it back */
    CHECK_EQ(trecvf(init, fds[0], big, CHAN_MSG_MAX, 0, 0), 1);
    CHECK_EQ(tsendf(init, fds[1], big, CHAN_MSG_MAX, 0, 0), 0);
    CHECK_EQ(tsendf(init, fds[1], big, CHAN_MSG_MAX, 0, 0), -EAGAIN);
    texit_reap(c, 0);
    /* the bounded kind has no quota: its room was reserved */
    int b[2];
    CHECK_EQ(tchan(init, b, CHAN_MSG_MAX, 16, 0), 0);
    for (int i = 0; i < 16; i++)
        CHECK_EQ(tsendf(init, b[1], big, CHAN_MSG_MAX, 0, 0), 0);
    tclose(init, b[0]);
    tclose(init, b[1]);
    tclose(init, fds[0]);                            /* refunds everything */
    CHECK_EQ(tsendf(init, fds[1], big, CHAN_MSG_MAX, 0, 0), -EPIPE);
    tclose(init, fds[1]);
    CHECK_EQ(tchan(init, fds, CHAN_MSG_MAX, 0, 0), 0);
    for (int i = 0; i < fit; i++)
        CHECK_EQ(tsendf(init, fds[1], big, CHAN_MSG_MAX, 0, 0), 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

TEST(chan_quota_of_a_dead_sender_is_forgotten)
{
    /* A child fills its quota and dies; a new child in the same slot starts
     * from nothing, and the old messages' refunds do not touch its count. */
    int fds[2];
    CHECK_EQ(tchan(init, fds, CHAN_MSG_MAX, 0, 0), 0);
    int fit = CHAN_QUOTA / CHAN_MSG_MAX;
    struct proc *c = tchild();
    uptr cb = ubuf(c, CHAN_MSG_MAX);
    for (int i = 0; i < fit; i++)
        CHECK_EQ(tsendf(c, fds[1], cb, CHAN_MSG_MAX, 0, 0), 0);
    texit_reap(c, 0);
    struct proc *d = tchild();
    CHECK(d == c);                                   /* the same slot */
    uptr db = ubuf(d, CHAN_MSG_MAX);
    CHECK_EQ(tsendf(d, fds[1], db, CHAN_MSG_MAX, 0, 0), 0);
    uptr ib = ubuf(init, CHAN_MSG_MAX);
    for (int i = 0; i < fit; i++)
        CHECK_EQ(trecvf(init, fds[0], ib, CHAN_MSG_MAX, 0, 0), 1);
    for (int i = 1; i < fit; i++)
        CHECK_EQ(tsendf(d, fds[1], db, CHAN_MSG_MAX, 0, 0), 0);
    CHECK_EQ(tsendf(d, fds[1], db, CHAN_MSG_MAX, 0, 0), -EAGAIN);
    texit_reap(d, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

/* ---- read and write on the ends ------------------------------------------------------ */

TEST(chan_read_and_write_move_one_message)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, 4, 2, 0), 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)ustr(init, "abcd"), 4L), 4);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)ustr(init, "abc"), 3L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[0], (long)ustr(init, "abcd"), 4L), -EBADF);
    uptr u = ubuf(init, 16);
    CHECK_EQ(tsys(init, SYS_read, (long)fds[0], (long)u, 3L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_read, (long)fds[1], (long)u, 16L), -EBADF);
    CHECK_EQ(tsys(init, SYS_read, (long)fds[0], (long)u, 16L), 4);
    CHECK(memcmp(uhost(init, u), "abcd", 4) == 0);
    CHECK_EQ(tsys(init, SYS_fcntl, (long)fds[0], (long)F_SETFL, (long)O_NONBLOCK), 0);
    CHECK_EQ(tsys(init, SYS_read, (long)fds[0], (long)u, 16L), -EAGAIN);
    CHECK_EQ(tsys(init, SYS_lseek, (long)fds[0], 0L, (long)SEEK_SET), -ESPIPE);
    tclose(init, fds[1]);
    CHECK_EQ(tsys(init, SYS_read, (long)fds[0], (long)u, 16L), 0);     /* closed */
    tclose(init, fds[0]);
}

/* ---- descriptors --------------------------------------------------------------------- */

TEST(chan_ends_are_inherited)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 4, 0), 0);
    struct proc *c = tchild();
    tclose(init, fds[1]);
    CHECK_EQ(tinfo(init, fds[0]).senders, 1);        /* the child's */
    CHECK_EQ(tsend_int(c, fds[1], 77), 0);
    texit_reap(c, 0);                                /* its ends close at exit */
    CHECK_EQ(tinfo(init, fds[0]).senders, 0);
    trecv_int(init, fds[0], 77);
    uptr u = ubuf(init, sizeof(int));
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), 0, 0), 0);
    tclose(init, fds[0]);
    trm("/bin/child");
}

TEST(chan_cloexec)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 4, CHAN_CLOEXEC), 0);
    CHECK(init->cloexec & ((uint64_t)1 << fds[0]));
    CHECK(init->cloexec & ((uint64_t)1 << fds[1]));
    struct proc *c = tchild();
    CHECK(fd_get(c, fds[0]) == NULL);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

/* ---- chan_info, chan_list ------------------------------------------------------------ */

TEST(chan_list_walks_every_channel)
{
    int a[2], b[2], c[2];
    CHECK_EQ(tchan(init, a, 1, 1, 0), 0);
    CHECK_EQ(tchan(init, b, 2, 0, 0), 0);
    CHECK_EQ(tchan(init, c, 3, 3, 0), 0);
    tclose(init, b[0]);
    tclose(init, b[1]);
    struct k_chan_info ci;
    uptr u = ubuf(init, sizeof ci);
    long slot = 0;
    int seen = 0, sizes = 0;
    while ((slot = tsys(init, SYS_chan_list, slot, (long)u)) > 0) {
        memcpy(&ci, uhost(init, u), sizeof ci);
        CHECK_EQ(ci.id, slot);
        sizes = sizes * 10 + (int)ci.msgsize;
        seen++;
    }
    CHECK_EQ(slot, 0);
    CHECK_EQ(seen, 2);
    CHECK_EQ(sizes, 13);                             /* in order of creation */
    CHECK_EQ(tsys(init, SYS_chan_list, -1L, (long)u), -EINVAL);
    CHECK_EQ(tsys(init, SYS_chan_list, 0L, 8L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_chan_info, (long)a[0], 8L), -EFAULT);
    for (int i = 0; i < 2; i++) {
        tclose(init, a[i]);
        tclose(init, c[i]);
    }
    CHECK_EQ(tsys(init, SYS_chan_list, 0L, (long)u), 0);
}

/* ---- bad arguments ------------------------------------------------------------------- */

TEST(chan_create_bad_arguments)
{
    int fds[2];
    uint32_t files = kstats.files;
    CHECK_EQ(tchan(init, fds, 0, 4, 0), -EINVAL);
    CHECK_EQ(tchan(init, fds, -1, 4, 0), -EINVAL);
    CHECK_EQ(tchan(init, fds, CHAN_MSG_MAX + 1, 0, 0), -EINVAL);
    CHECK_EQ(tchan(init, fds, 4, CHAN_BOUNDED_MAX / 4 + 1, 0), -EINVAL);
    CHECK_EQ(tchan(init, fds, 4, -1, 0), -EINVAL);
    CHECK_EQ(tchan(init, fds, 4, 4, O_APPEND), -EINVAL);
    CHECK_EQ(tsys(init, SYS_chan_create, 8L, 4L, 4L, 0L), -EFAULT);
    CHECK_EQ(fd_get(init, 3), NULL);                 /* nothing was left open */
    CHECK_EQ(kstats.files, files);
    /* one descriptor free: -EMFILE, and nothing left behind */
    int last = -1;
    for (long fd; (fd = tsys(init, SYS_dup, 0L)) >= 0; )
        last = (int)fd;
    tclose(init, last);
    CHECK_EQ(tchan(init, fds, 4, 4, 0), -EMFILE);
    CHECK_EQ(fd_get(init, last), NULL);
    for (int fd = 3; fd < last; fd++)
        tclose(init, fd);
    CHECK_EQ(tchan(init, fds, 4, 4, 0), 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(chan_calls_bad_arguments)
{
    int fds[2], pfd[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 2, 0), 0);
    uptr pu = ubuf(init, 2 * sizeof(int));
    CHECK_EQ(tsys(init, SYS_pipe2, (long)pu, 0L), 0);
    memcpy(pfd, uhost(init, pu), sizeof pfd);
    uptr u = ubuf(init, sizeof(int));
    /* descriptors: not open, not a channel, the wrong end */
    CHECK_EQ(tsendf(init, 60, u, sizeof(int), 0, 0), -EBADF);
    CHECK_EQ(tsendf(init, -1, u, sizeof(int), 0, 0), -EBADF);
    CHECK_EQ(tsendf(init, pfd[1], u, sizeof(int), 0, 0), -EBADF);
    CHECK_EQ(trecvf(init, pfd[0], u, sizeof(int), 0, 0), -EBADF);
    CHECK_EQ(tsendf(init, fds[0], u, sizeof(int), 0, 0), -EBADF);
    CHECK_EQ(trecvf(init, fds[1], u, sizeof(int), 0, 0), -EBADF);
    CHECK_EQ(tsys(init, SYS_chan_info, (long)pfd[0], (long)u), -EBADF);
    CHECK_EQ(tsys(init, SYS_chan_info, 60L, (long)u), -EBADF);
    /* sizes and flags */
    CHECK_EQ(tsendf(init, fds[1], u, 2, 0, 0), -EINVAL);
    CHECK_EQ(trecvf(init, fds[0], u, 8, 0, 0), -EINVAL);
    CHECK_EQ(tsendf(init, fds[1], u, sizeof(int), 1, 0), -EINVAL);
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), 1, 0), -EINVAL);
    /* bad buffers: nothing is queued, nothing is lost */
    CHECK_EQ(tsendf(init, fds[1], 8, sizeof(int), 0, 0), -EFAULT);
    CHECK_EQ(tinfo(init, fds[0]).queued, 0);
    CHECK_EQ(tsend_int(init, fds[1], 31), 0);
    CHECK_EQ(trecvf(init, fds[0], 8, sizeof(int), 0, 0), -EFAULT);
    CHECK_EQ(tinfo(init, fds[0]).queued, 1);
    trecv_int(init, fds[0], 31);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    /* the same for an unbounded channel */
    CHECK_EQ(tchan(init, fds, sizeof(int), 0, 0), 0);
    CHECK_EQ(tsendf(init, fds[1], 8, sizeof(int), 0, 0), -EFAULT);
    CHECK_EQ(tsend_int(init, fds[1], 32), 0);
    CHECK_EQ(trecvf(init, fds[0], 8, sizeof(int), 0, 0), -EFAULT);
    trecv_int(init, fds[0], 32);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    tclose(init, pfd[0]);
    tclose(init, pfd[1]);
}

/* ---- killed and interrupted ------------------------------------------------------------ */

TEST(chan_killed_while_receiving_leaves_nothing)
{
    /* the child holds the only ends: the channel goes with it */
    uint32_t chans = kstats.ipc[KSTAT_CHAN];
    struct proc *c = tchild();
    int fds[2];
    CHECK_EQ(tchan(c, fds, sizeof(int), 0, 0), 0);
    uptr u = ubuf(c, sizeof(int));
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, utimeout(c, 1000)), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 1);
    CHECK_EQ(kstats.timers, 1);
    tkill_reap(c, SIGKILL);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(kstats.timers, 0);
    CHECK_EQ(kstats.ipc[KSTAT_CHAN], chans);
    trm("/bin/child");
}

TEST(chan_killed_while_sending_leaves_nothing)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 1, 0), 0);
    CHECK_EQ(tsend_int(init, fds[1], 1), 0);
    struct proc *c = tchild();
    int v = 2;
    CHECK_EQ(tsendf(c, fds[1], ubytes(c, &v, sizeof v), sizeof v, 0, 0), KERN_BLOCK);
    tkill_reap(c, SIGTERM);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(tinfo(init, fds[0]).queued, 1);
    CHECK_EQ(tinfo(init, fds[0]).senders, 1);
    trecv_int(init, fds[0], 1);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

TEST(chan_receive_interrupted_by_a_handler)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, sizeof(int), 1, 0), 0);
    struct proc *c = tchild();
    CHECK_EQ(tsigaction(c, SIGUSR1, UBASE + 0x100, 0), 0);
    CHECK_EQ(tsigaction(c, SIGUSR2, UBASE + 0x100, SA_RESTART), 0);
    uptr u = ubuf(c, sizeof(int));
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, 0), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, 0), -EINTR);
    CHECK_EQ(thandled(c)[0], SIGUSR1);
    /* with SA_RESTART the call is issued again after the handler */
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, 0), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR2), 0);
    CHECK_EQ(trecvf(c, fds[0], u, sizeof(int), 0, 0), KERN_RESTART);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

/* ---- out of kernel memory ---------------------------------------------------------------- */

/* Take the whole kernel heap but a hole of about `hole` bytes. */
#define SQUEEZE_MAX 1024
static void *squeezed[SQUEEZE_MAX];
static int nsqueezed;

static void tsqueeze(size_t hole)
{
    void *h = hole ? kalloc(hole) : NULL;
    for (size_t chunk = (size_t)1 << 24; chunk > 0; chunk /= 2)
        while (nsqueezed < SQUEEZE_MAX && (squeezed[nsqueezed] = kalloc(chunk)) != NULL)
            nsqueezed++;
    kfree(h);
}

static void trelease(void)
{
    while (nsqueezed > 0)
        kfree(squeezed[--nsqueezed]);
}

TEST(chan_create_out_of_memory_at_every_step)
{
    uint32_t files = kstats.files, chans = kstats.ipc[KSTAT_CHAN];
    uint64_t used = kstats.heap_used;
    int fds[2];
    uptr u = ubuf(init, 2 * sizeof(int));
    bool made = false;
    for (size_t hole = 16; hole < 4096 && !made; hole += 16) {
        tsqueeze(hole);
        long r = tsys(init, SYS_chan_create, (long)u, 64L, 8L, 0L);
        trelease();
        if (r == 0) {
            made = true;
            memcpy(fds, uhost(init, u), sizeof fds);
            tclose(init, fds[0]);
            tclose(init, fds[1]);
        } else {
            CHECK_EQ(r, -ENOMEM);
        }
        CHECK_EQ(kstats.files, files);
        CHECK_EQ(kstats.ipc[KSTAT_CHAN], chans);
        CHECK_EQ(kstats.heap_used, used);
    }
    CHECK(made);
}

TEST(chan_unbounded_send_out_of_memory)
{
    int fds[2];
    CHECK_EQ(tchan(init, fds, 64, 0, 0), 0);
    uptr u = ubuf(init, 64);
    tsqueeze(0);
    CHECK_EQ(tsendf(init, fds[1], u, 64, 0, 0), -ENOMEM);
    trelease();
    CHECK_EQ(tinfo(init, fds[0]).queued, 0);
    CHECK_EQ(tsendf(init, fds[1], u, 64, 0, 0), 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}
