/*
 * test_chan_end.c - unit tests of ipc/chan.c, part two: the end of a
 * channel (closed, EPIPE without SIGPIPE), the quota of unbounded
 * channels, read and write on the ends, inheritance and close-on-exec,
 * chan_info and chan_list, bad arguments, processes killed or interrupted
 * while they wait, and running out of kernel memory.
 */
#include "ipctest.h"

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
    CHECK_EQ(tcinfo(init, fds[0]).senders, 1);        /* dup shares the one file */
    CHECK_EQ(tsend_int(init, (int)dup, 3), 0);
    tclose(init, (int)dup);
    CHECK_EQ(tcinfo(init, fds[0]).senders, 0);
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
    CHECK_EQ(tcinfo(init, fds[1]).queued, 0);
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
    CHECK_EQ(tcinfo(init, fds[0]).senders, 1);        /* the child's */
    CHECK_EQ(tsend_int(c, fds[1], 77), 0);
    texit_reap(c, 0);                                /* its ends close at exit */
    CHECK_EQ(tcinfo(init, fds[0]).senders, 0);
    trecv_int(init, fds[0], 77);
    uptr u = ubuf(init, sizeof(int));
    CHECK_EQ(trecvf(init, fds[0], u, sizeof(int), 0, 0), 0);
    tclose(init, fds[0]);
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
    CHECK_EQ(tcinfo(init, fds[0]).queued, 0);
    CHECK_EQ(tsend_int(init, fds[1], 31), 0);
    CHECK_EQ(trecvf(init, fds[0], 8, sizeof(int), 0, 0), -EFAULT);
    CHECK_EQ(tcinfo(init, fds[0]).queued, 1);
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
    CHECK_EQ(tcinfo(init, fds[0]).queued, 1);
    CHECK_EQ(tcinfo(init, fds[0]).senders, 1);
    trecv_int(init, fds[0], 1);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
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
}

/* ---- out of kernel memory ---------------------------------------------------------------- */

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
    CHECK_EQ(tcinfo(init, fds[0]).queued, 0);
    CHECK_EQ(tsendf(init, fds[1], u, 64, 0, 0), 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}
