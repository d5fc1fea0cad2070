/*
 * test_poll.c - ppoll (kernel/poll.c): every kind of descriptor's answer,
 * waiting on several queues at once and the wakeups that end it,
 * timeouts, signals (EINTR, ppoll's mask), a poller killed while it
 * waits, and bad arguments.
 */
#include "ipctest.h"
#include "../../kernel/uapi/semaphore.h"

/* ---- helpers -------------------------------------------------------------- */

/* Up to 8 descriptors, in p's memory once, so that a blocked poll can be
 * re-issued with the same arguments, as a platform would. */
struct tpoll {
    struct proc *p;
    uptr fds, timeout, mask;
    long n;
};

static struct tpoll tpoll_args(struct proc *p, const int *fd, const short *ev, long n,
                               long timeout_ms)
{
    struct k_pollfd fds[8];
    for (long i = 0; i < n; i++)
        fds[i] = (struct k_pollfd){ fd[i], ev[i], 0x7f };
    struct tpoll t = { p, ubytes(p, fds, sizeof fds), 0, 0, n };
    if (timeout_ms >= 0)
        t.timeout = utimeout(p, timeout_ms);
    return t;
}

static long tpoll_again(struct tpoll *t)
{
    return tsys(t->p, SYS_ppoll, (long)t->fds, t->n, (long)t->timeout, (long)t->mask);
}

static short trevents(struct tpoll *t, int i)
{
    return ((struct k_pollfd *)uhost(t->p, t->fds))[i].revents;
}

/* Poll one descriptor for ev without waiting: its revents. */
static short tpoll1(struct proc *p, int fd, short ev)
{
    struct tpoll t = tpoll_args(p, &fd, &ev, 1, 0);
    long r = tpoll_again(&t);
    CHECK(r == 0 || r == 1);
    return trevents(&t, 0);
}

static void tpipe(struct proc *p, int fds[2])
{
    uptr u = ubuf(p, 2 * sizeof(int));
    CHECK_EQ(tsys(p, SYS_pipe2, (long)u, 0L), 0);
    memcpy(fds, uhost(p, u), 2 * sizeof(int));
}

static long twrites(struct proc *p, int fd, const char *s)
{
    return tsys(p, SYS_write, (long)fd, (long)ustr(p, s), (long)strlen(s));
}

static long topen(struct proc *p, const char *path, int flags)
{
    return tsys(p, SYS_open, (long)ustr(p, path), (long)flags, 0644L);
}

#define IN    POLLIN          /* revents has only what was asked for */
#define OUT   POLLOUT

/* ---- what each kind of descriptor answers --------------------------------- */

TEST(poll_pipe_ends)
{
    int fds[2];
    tpipe(init, fds);
    CHECK_EQ(tpoll1(init, fds[0], POLLIN | POLLOUT), 0);     /* empty; a read end */
    CHECK_EQ(tpoll1(init, fds[1], POLLIN | POLLOUT), OUT);   /* room; a write end */
    CHECK_EQ(twrites(init, fds[1], "x"), 1);
    CHECK_EQ(tpoll1(init, fds[0], POLLIN), IN);
    CHECK_EQ(tpoll1(init, fds[0], POLLOUT), 0);              /* only what was asked */
    CHECK_EQ(tpoll1(init, fds[1], POLLOUT), OUT);            /* 64 KiB: room left */
    /* a write end is writable when a PIPE_BUF write would not wait: in a
     * one-page pipe holding a byte, it would */
    CHECK_EQ(tsys(init, SYS_fcntl, (long)fds[1], (long)F_SETPIPE_SZ, 4096L), 4096);
    CHECK_EQ(tpoll1(init, fds[1], POLLOUT), 0);
    tclose(init, fds[0]);
    CHECK_EQ(tpoll1(init, fds[1], POLLOUT), POLLERR);        /* no reader: always told */
    tclose(init, fds[1]);
}

TEST(poll_widowed_pipe_hangs_up_after_its_data)
{
    int fds[2];
    tpipe(init, fds);
    CHECK_EQ(twrites(init, fds[1], "bye"), 3);
    tclose(init, fds[1]);
    CHECK_EQ(tpoll1(init, fds[0], POLLIN), IN | POLLHUP);
    uptr u = ubuf(init, 8);
    CHECK_EQ(tsys(init, SYS_read, (long)fds[0], (long)u, 8L), 3);
    CHECK_EQ(tpoll1(init, fds[0], 0), POLLHUP);               /* even with no events */
    tclose(init, fds[0]);
}

TEST(poll_fifo_hangs_up_only_after_a_writer_came)
{
    CHECK_EQ(tsys(init, SYS_mknod, (long)ustr(init, "/tmp/f"), (long)(S_IFIFO | 0600), 0L), 0);
    long r = topen(init, "/tmp/f", O_RDONLY | O_NONBLOCK);
    CHECK(r >= 0);
    int rd = (int)r;
    CHECK_EQ(tpoll1(init, rd, POLLIN), 0);                   /* nobody wrote yet: no hangup */
    long wr = topen(init, "/tmp/f", O_WRONLY);
    CHECK(wr >= 0);
    CHECK_EQ(tpoll1(init, rd, POLLIN), 0);
    tclose(init, wr);
    CHECK_EQ(tpoll1(init, rd, POLLIN), POLLHUP);
    /* a writer already there when the reader opens counts as come */
    long rw = topen(init, "/tmp/f", O_RDWR);
    wr = topen(init, "/tmp/f", O_WRONLY);
    long rd2 = topen(init, "/tmp/f", O_RDONLY);
    CHECK(rw >= 0 && wr >= 0 && rd2 >= 0);
    tclose(init, rw);
    tclose(init, wr);
    CHECK_EQ(tpoll1(init, (int)rd2, POLLIN), POLLHUP);
    tclose(init, rd2);
    tclose(init, rd);
    CHECK_EQ(tsys(init, SYS_unlink, (long)ustr(init, "/tmp/f")), 0);
}

TEST(poll_files_and_devices_are_always_ready)
{
    long f = topen(init, "/tmp/file", O_RDWR | O_CREAT);
    long n = topen(init, "/dev/null", O_RDWR);
    CHECK(f >= 0 && n >= 0);
    CHECK_EQ(tpoll1(init, (int)f, POLLIN | POLLOUT), IN | OUT);
    CHECK_EQ(tpoll1(init, (int)n, POLLIN | POLLOUT), IN | OUT);
    tclose(init, f);
    tclose(init, n);
    CHECK_EQ(tsys(init, SYS_unlink, (long)ustr(init, "/tmp/file")), 0);
}

TEST(poll_bad_and_ignored_descriptors)
{
    int fd[3] = { 40, -1, 1000 };
    short ev[3] = { POLLIN, POLLIN, 0 };
    struct tpoll t = tpoll_args(init, fd, ev, 3, -1);
    CHECK_EQ(tpoll_again(&t), 2);                            /* POLLNVAL is an answer */
    CHECK_EQ(trevents(&t, 0), POLLNVAL);
    CHECK_EQ(trevents(&t, 1), 0);                            /* negative: ignored */
    CHECK_EQ(trevents(&t, 2), POLLNVAL);
}

TEST(poll_tty)
{
    long fd = topen(init, "/dev/tty", O_RDWR);
    CHECK(fd >= 0);
    CHECK_EQ(tpoll1(init, (int)fd, POLLIN | POLLOUT), OUT);
    kernel_console_input("ab", 2);
    CHECK_EQ(tpoll1(init, (int)fd, POLLIN), 0);              /* canonical: no line yet */
    kernel_console_input("\n", 1);
    CHECK_EQ(tpoll1(init, (int)fd, POLLIN), IN);
    tclose(init, fd);
    tconsole();
}

TEST(poll_channel_ends)
{
    int ch[2];
    CHECK_EQ(tchan(init, ch, 4, 1, 0), 0);
    CHECK_EQ(tpoll1(init, ch[0], POLLIN), 0);
    CHECK_EQ(tpoll1(init, ch[1], POLLOUT), OUT);
    CHECK_EQ(tsend_int(init, ch[1], 7), 0);
    CHECK_EQ(tpoll1(init, ch[0], POLLIN), IN);
    CHECK_EQ(tpoll1(init, ch[1], POLLOUT), 0);               /* full */
    tclose(init, ch[1]);
    CHECK_EQ(tpoll1(init, ch[0], POLLIN), IN | POLLHUP);
    tclose(init, ch[0]);
    CHECK_EQ(tchan(init, ch, 4, 1, 0), 0);
    tclose(init, ch[0]);
    CHECK_EQ(tpoll1(init, ch[1], POLLOUT), POLLERR);
    tclose(init, ch[1]);
}

TEST(poll_port_handles)
{
    long pt = tport(init, 0);
    CHECK(pt >= 0);
    CHECK_EQ(tpoll1(init, (int)pt, POLLIN | POLLOUT), OUT);
    CHECK_EQ(tsend(init, pt, 1, "hi"), 0);
    CHECK_EQ(tpoll1(init, (int)pt, POLLIN), IN);
    long send_only = tderive(init, pt, PORT_SEND);
    CHECK_EQ(tpoll1(init, (int)send_only, POLLIN | POLLOUT), OUT);   /* cannot receive */
    tclose(init, pt);                                        /* the last receiver: dead */
    CHECK_EQ(tpoll1(init, (int)send_only, POLLOUT), POLLERR);
    tclose(init, send_only);
}

TEST(poll_named_semaphore)
{
    long s = tsys(init, SYS_sem_open, (long)ustr(init, "/ps"), (long)O_CREAT, 0600L, 0L);
    CHECK(s >= 0);
    CHECK_EQ(tpoll1(init, (int)s, POLLIN), 0);
    CHECK_EQ(tsys(init, SYS_sem_post, s), 0);
    CHECK_EQ(tpoll1(init, (int)s, POLLIN), IN);
    tclose(init, s);
    CHECK_EQ(tsys(init, SYS_sem_unlink, (long)ustr(init, "/ps")), 0);
}

/* ---- waiting ---------------------------------------------------------------- */

TEST(poll_waits_on_two_pipes_and_wakes_for_either)
{
    int a[2], b[2];
    tpipe(init, a);
    tpipe(init, b);
    struct proc *c = tchild();
    tclose(c, a[1]);                                         /* init is the writer */
    tclose(c, b[1]);
    int fd[2] = { a[0], b[0] };
    short ev[2] = { POLLIN, POLLIN };
    struct tpoll t = tpoll_args(c, fd, ev, 2, -1);
    uint32_t waiters = kstats.waiters;
    CHECK_EQ(tpoll_again(&t), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, waiters + 2);                   /* on both queues at once */
    CHECK_STR(c->wait_what, "poll");
    CHECK_EQ(twrites(init, b[1], "b"), 1);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(kstats.waiters, waiters);                       /* off both */
    CHECK_EQ(tpoll_again(&t), 1);
    CHECK_EQ(trevents(&t, 0), 0);
    CHECK_EQ(trevents(&t, 1), IN);
    /* a second round: the first pipe's writer leaves */
    uptr u = ubuf(c, 4);
    CHECK_EQ(tsys(c, SYS_read, (long)b[0], (long)u, 4L), 1);
    CHECK_EQ(tpoll_again(&t), KERN_BLOCK);
    tclose(init, a[1]);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tpoll_again(&t), 1);
    CHECK_EQ(trevents(&t, 0), POLLHUP);
    texit_reap(c, 0);
    tclose(init, a[0]);
    tclose(init, b[0]);
    tclose(init, b[1]);
}

TEST(poll_a_descriptor_twice_waits_once)
{
    int a[2];
    tpipe(init, a);
    struct proc *c = tchild();
    int fd[3] = { a[0], a[0], a[1] };
    short ev[3] = { POLLIN, POLLIN | POLLHUP, POLLIN };
    struct tpoll t = tpoll_args(c, fd, ev, 3, -1);
    uint32_t waiters = kstats.waiters;
    CHECK_EQ(tpoll_again(&t), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, waiters + 2);                   /* rwait once, wwait once */
    CHECK_EQ(twrites(init, a[1], "x"), 1);
    CHECK_EQ(tpoll_again(&t), 2);
    texit_reap(c, 0);
    tclose(init, a[0]);
    tclose(init, a[1]);
}

TEST(poll_timeouts)
{
    int a[2];
    tpipe(init, a);
    struct proc *c = tchild();
    short ev = POLLIN;
    struct tpoll t = tpoll_args(c, &a[0], &ev, 1, 0);        /* 0: at once */
    CHECK_EQ(tpoll_again(&t), 0);
    t = tpoll_args(c, &a[0], &ev, 1, 250);
    CHECK_EQ(tpoll_again(&t), KERN_BLOCK);
    CHECK_EQ(ttimer(), now_ns() + 250000000ull);
    tclock_advance(100000000ull);                            /* an early tick */
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK_EQ(twrites(init, a[1], "x"), 1);                   /* woken by data ... */
    CHECK_EQ(tsys(init, SYS_read, (long)a[0], (long)ubuf(init, 4), 4L), 1);
    CHECK_EQ(tpoll_again(&t), KERN_BLOCK);                   /* ... gone again: the same deadline */
    CHECK_EQ(ttimer(), now_ns() + 150000000ull);
    tclock_advance(150000000ull);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tpoll_again(&t), 0);
    CHECK_EQ(kstats.timers, 0);
    texit_reap(c, 0);
    tclose(init, a[0]);
    tclose(init, a[1]);
}

TEST(poll_with_nothing_sleeps_until_its_timeout)
{
    struct proc *c = tchild();
    struct tpoll t = tpoll_args(c, NULL, NULL, 0, 1000);
    CHECK_EQ(tpoll_again(&t), KERN_BLOCK);
    tclock_advance(1000000000ull);
    CHECK_EQ(tpoll_again(&t), 0);
    texit_reap(c, 0);
}

TEST(poll_interrupted_by_a_handler_fails_with_eintr_even_with_sa_restart)
{
    int a[2];
    tpipe(init, a);
    struct proc *c = tchild();
    CHECK_EQ(tsigaction(c, SIGUSR1, HANDLER, SA_RESTART), 0);
    short ev = POLLIN;
    struct tpoll t = tpoll_args(c, &a[0], &ev, 1, -1);
    CHECK_EQ(tpoll_again(&t), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(tpoll_again(&t), -EINTR);
    CHECK_EQ(thandled(c)[0], SIGUSR1);
    CHECK(!c->call.poll);
    texit_reap(c, 0);
    tclose(init, a[0]);
    tclose(init, a[1]);
}

TEST(ppoll_mask_lets_a_pending_signal_in_and_comes_back_after_its_handler)
{
    int a[2];
    tpipe(init, a);
    struct proc *c = tchild();
    CHECK_EQ(tsigaction(c, SIGUSR1, HANDLER, 0), 0);
    k_sigset_t block = SIGBIT(SIGUSR1), none = 0;
    CHECK_EQ(tsys(c, SYS_sigprocmask, (long)SIG_BLOCK, (long)ubytes(c, &block, 8), 0L), 0);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);   /* pending, blocked */
    short ev = POLLIN;
    struct tpoll t = tpoll_args(c, &a[0], &ev, 1, -1);
    t.mask = ubytes(c, &none, sizeof none);
    CHECK_EQ(tpoll_again(&t), -EINTR);                       /* at once: the mask lets it in */
    CHECK_EQ(thandled(c)[0], SIGUSR1);
    CHECK_EQ(c->sig_mask, SIGBIT(SIGUSR1));                  /* back after the handler */
    /* with data ready, the mask is put back at once */
    CHECK_EQ(twrites(init, a[1], "x"), 1);
    CHECK_EQ(tpoll_again(&t), 1);
    CHECK_EQ(c->sig_mask, SIGBIT(SIGUSR1));
    /* blocked with a mask that lets USR1 in: a signal ends the wait */
    CHECK_EQ(tsys(c, SYS_read, (long)a[0], (long)ubuf(c, 4), 4L), 1);
    CHECK_EQ(tpoll_again(&t), KERN_BLOCK);
    CHECK_EQ(c->sig_mask, 0);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(tpoll_again(&t), -EINTR);
    CHECK_EQ(thandled(c)[1], SIGUSR1);
    CHECK_EQ(c->sig_mask, SIGBIT(SIGUSR1));
    texit_reap(c, 0);
    tclose(init, a[0]);
    tclose(init, a[1]);
}

TEST(poll_killed_while_waiting_leaves_every_queue)
{
    int a[2], ch[2];
    tpipe(init, a);
    CHECK_EQ(tchan(init, ch, 4, 1, 0), 0);
    struct proc *c = tchild();
    /* nothing ready for what is asked: the write ends are writable, but
     * only POLLIN is asked of them (they are waited on all the same) */
    int fd[4] = { a[0], a[1], ch[0], ch[1] };
    short ev[4] = { POLLIN, POLLIN, POLLIN, POLLIN };
    struct tpoll t = tpoll_args(c, fd, ev, 4, 5000);
    CHECK_EQ(tpoll_again(&t), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 4);
    CHECK_EQ(kstats.timers, 1);
    tkill_reap(c, SIGKILL);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(kstats.timers, 0);
    tclose(init, a[0]);
    tclose(init, a[1]);
    tclose(init, ch[0]);
    tclose(init, ch[1]);
}

TEST(poll_bad_arguments)
{
    struct k_pollfd fds[NOFILE + 1];
    memset(fds, 0, sizeof fds);
    uptr u = ubytes(init, fds, sizeof fds);
    CHECK_EQ(tsys(init, SYS_ppoll, (long)u, (long)NOFILE + 1, 0L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_ppoll, (long)u, -1L, 0L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_ppoll, 8L, 1L, 0L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_ppoll, (long)(UBASE + USIZE - 4), 1L, 0L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_ppoll, (long)u, 1L, 8L, 0L), -EFAULT);        /* timeout */
    struct k_timespec bad = { 0, 1000000000 };
    CHECK_EQ(tsys(init, SYS_ppoll, (long)u, 1L, (long)ubytes(init, &bad, sizeof bad), 0L),
             -EINVAL);
    bad.tv_sec = -1;
    bad.tv_nsec = 0;
    CHECK_EQ(tsys(init, SYS_ppoll, (long)u, 1L, (long)ubytes(init, &bad, sizeof bad), 0L),
             -EINVAL);
    CHECK_EQ(tsys(init, SYS_ppoll, (long)u, 1L, (long)utimeout(init, 0), 8L), -EFAULT);
    CHECK_EQ(init->sig_mask, 0);
}
