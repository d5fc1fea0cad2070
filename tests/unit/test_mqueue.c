/*
 * test_mqueue.c - unit tests of ipc/mqueue.c, POSIX message queues:
 * mq_open (names, O_CREAT, O_EXCL, attributes and limits, permissions),
 * priority order, mq_timedsend and mq_timedreceive blocking, waking,
 * timing out and refusing bad input, processes killed while they wait
 * (nothing left behind), O_NONBLOCK through mq_getsetattr, mq_notify, the
 * queue's file in /dev/mqueue (its status line, poll), and mq_unlink while
 * the queue is open.
 */
#include "ipctest.h"

/* ---- opening ----------------------------------------------------------------- */

TEST(mq_open_send_receive_in_priority_order)
{
    long fd = mcreate("jobs", 5, 32);
    CHECK(fd >= 3);
    CHECK_EQ(kstats.mqueues, 1);
    CHECK_EQ(fd_get(init, (int)fd)->type, F_INODE);
    CHECK(init->cloexec & ((uint64_t)1 << fd));           /* always close-on-exec */
    CHECK_EQ(msend(init, fd, "low1", 1), 0);
    CHECK_EQ(msend(init, fd, "high", 9), 0);
    CHECK_EQ(msend(init, fd, "low2", 1), 0);
    CHECK_EQ(msend(init, fd, "zero", 0), 0);
    CHECK_EQ(msend(init, fd, "", 9), 0);                 /* empty messages are messages */
    CHECK_EQ(kstats.mqmsgs, 5);
    struct k_mq_attr a = mattr(init, fd);
    CHECK_EQ(a.mq_maxmsg, 5);
    CHECK_EQ(a.mq_msgsize, 32);
    CHECK_EQ(a.mq_curmsgs, 5);
    CHECK_EQ(a.mq_flags, 0);
    char buf[64];
    uint32_t prio;
    const char *want[] = { "high", "", "low1", "low2", "zero" };
    const uint32_t wprio[] = { 9, 9, 1, 1, 0 };
    for (int i = 0; i < 5; i++) {
        CHECK_EQ(mrecv(init, fd, 32, buf, &prio), (long)strlen(want[i]));
        CHECK_STR(buf, want[i]);
        CHECK_EQ(prio, wprio[i]);
    }
    CHECK_EQ(kstats.mqmsgs, 0);
    CHECK_EQ(munlink(init, "jobs"), 0);
    CHECK_EQ(kstats.mqueues, 1);                         /* open: it stays */
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
    CHECK_EQ(kstats.mqueues, 0);
}

TEST(mq_open_names_and_flags)
{
    CHECK_EQ(mopen(init, "none", O_RDWR, 0, 0, 0), -ENOENT);
    CHECK_EQ(mopen(init, "", O_CREAT | O_RDWR, 0600, 0, 0), -EACCES);
    CHECK_EQ(mopen(init, ".", O_CREAT | O_RDWR, 0600, 0, 0), -EACCES);
    CHECK_EQ(mopen(init, "..", O_CREAT | O_RDWR, 0600, 0, 0), -EACCES);
    CHECK_EQ(mopen(init, "a/b", O_CREAT | O_RDWR, 0600, 0, 0), -EACCES);
    char longname[NAME_MAX + 2];
    memset(longname, 'x', NAME_MAX + 1);
    longname[NAME_MAX + 1] = '\0';
    CHECK_EQ(mopen(init, longname, O_CREAT | O_RDWR, 0600, 0, 0), -ENAMETOOLONG);
    CHECK_EQ(tsys(init, SYS_mq_open, 0L, (long)O_RDWR, 0L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_mq_open, (long)ustr(init, "q"), (long)(O_CREAT | O_RDWR), 0600L, 0x10L),
             -EFAULT);
    long fd = mopen(init, "q", O_CREAT | O_EXCL | O_RDWR, 0600, 0, 0);   /* defaults */
    CHECK(fd >= 0);
    struct k_mq_attr a = mattr(init, fd);
    CHECK_EQ(a.mq_maxmsg, MQ_MAXMSG_DEFAULT);
    CHECK_EQ(a.mq_msgsize, MQ_MSGSIZE_DEFAULT);
    CHECK_EQ(mopen(init, "q", O_CREAT | O_EXCL | O_RDWR, 0600, 0, 0), -EEXIST);
    CHECK_EQ(mopen(init, "q", O_ACCMODE, 0, 0, 0), -EINVAL);
    long ro = mopen(init, "q", O_CREAT | O_RDONLY, 0600, 3, 3);   /* exists: attr unused */
    CHECK(ro >= 0);
    CHECK_EQ(mattr(init, ro).mq_maxmsg, MQ_MAXMSG_DEFAULT);
    CHECK_EQ(msend(init, ro, "x", 0), -EBADF);           /* not open for writing */
    long wo = mopen(init, "q", O_WRONLY, 0, 0, 0);
    CHECK_EQ(mrecv(init, wo, MQ_MSGSIZE_DEFAULT, NULL, NULL), -EBADF);
    CHECK_EQ(msend(init, 0, "x", 0), -EBADF);            /* not a queue */
    CHECK_EQ(msend(init, 99, "x", 0), -EBADF);
    CHECK_EQ(mopen(init, "mqueue-dir", O_CREAT | O_RDWR, 0600, 0, 0) >= 0, 1);
    CHECK_EQ(munlink(init, "mqueue-dir"), 0);
    CHECK_EQ(munlink(init, "a/b"), -EACCES);
    CHECK_EQ(munlink(init, "none"), -ENOENT);
    CHECK_EQ(munlink(init, "q"), 0);
    for (long f = 3; f < 10; f++)
        tsys(init, SYS_close, f);
}

TEST(mq_open_attributes_and_limits)
{
    CHECK_EQ(mcreate("a", 0, 16), -EINVAL);
    CHECK_EQ(mcreate("a", 4, 0), -EINVAL);
    CHECK_EQ(mcreate("a", -1, 16), -EINVAL);
    CHECK_EQ(mcreate("a", MQ_MAXMSG_HARD + 1, 16), -EINVAL);
    CHECK_EQ(mcreate("a", 4, MQ_MSGSIZE_HARD + 1), -EINVAL);
    long big = mcreate("big", 20, 16);                   /* root may go past 10 */
    CHECK(big >= 0);
    struct proc *u = tchild();
    CHECK_EQ(tsys(u, SYS_setgid, 1000L), 0);
    CHECK_EQ(tsys(u, SYS_setuid, 1000L), 0);
    CHECK_EQ(mopen(u, "u", O_CREAT | O_RDWR, 0600, 11, 16), -EINVAL);
    CHECK_EQ(mopen(u, "u", O_CREAT | O_RDWR, 0600, 4, MQ_MSGSIZE_MAX + 1), -EINVAL);
    /* RLIMIT_MSGQUEUE: 800 KiB of a user's queues; 10 x 8192 is 80 KiB and some */
    long n = 0, r;
    char name[16];
    while ((r = mopen(u, (ksnprintf(name, sizeof name, "u%ld", n), name),
                      O_CREAT | O_RDWR, 0600, 10, 8192)) >= 0)
        n++;
    CHECK_EQ(r, -EMFILE);
    CHECK_EQ(n, 9);
    CHECK_EQ(kstats.mqueues, 10);
    texit_reap(u, 0);
    CHECK_EQ(kstats.mqueues, 10);                        /* named: they stay */
    for (long i = 0; i < n; i++) {
        ksnprintf(name, sizeof name, "u%ld", i);
        CHECK_EQ(munlink(init, name), 0);
    }
    CHECK_EQ(munlink(init, "big"), 0);
    CHECK_EQ(tsys(init, SYS_close, big), 0);
    CHECK_EQ(kstats.mqueues, 0);
}

TEST(mq_permissions)
{
    long fd = mopen(init, "p", O_CREAT | O_RDWR, 0644, 2, 8);
    struct proc *u = tchild();
    CHECK_EQ(tsys(u, SYS_setgid, 1000L), 0);
    CHECK_EQ(tsys(u, SYS_setuid, 1000L), 0);
    CHECK_EQ(mopen(u, "p", O_WRONLY, 0, 0, 0), -EACCES);
    CHECK_EQ(mopen(u, "p", O_RDWR, 0, 0, 0), -EACCES);
    long ro = mopen(u, "p", O_RDONLY, 0, 0, 0);
    CHECK(ro >= 0);
    CHECK_EQ(munlink(u, "p"), -EPERM);                   /* not its owner */
    texit_reap(u, 0);
    CHECK_EQ(munlink(init, "p"), 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
}

/* ---- sending and receiving: bad input ------------------------------------------ */

TEST(mq_send_receive_bad_input)
{
    long fd = mcreate("b", 2, 8);
    CHECK_EQ(msend(init, fd, "123456789", 0), -EMSGSIZE);
    CHECK_EQ(msend(init, fd, "x", MQ_PRIO_MAX), -EINVAL);
    CHECK_EQ(msend(init, fd, "x", -1), -EINVAL);
    CHECK_EQ(tsys(init, SYS_mq_timedsend, fd, 0x10L, 4L, 0L, 0L), -EFAULT);
    CHECK_EQ(kstats.mqmsgs, 0);                          /* nothing was queued */
    CHECK_EQ(mrecv(init, fd, 7, NULL, NULL), -EMSGSIZE);   /* shorter than mq_msgsize */
    CHECK_EQ(msend(init, fd, "keep", 3), 0);
    CHECK_EQ(tsys(init, SYS_mq_timedreceive, fd, 0x10L, 8L, 0L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_mq_timedreceive, fd, (long)ubuf(init, 8), 8L, 0x10L, 0L), -EFAULT);
    CHECK_EQ(kstats.mqmsgs, 1);                          /* a bad buffer loses nothing */
    struct k_timespec bad = { 0, 1000000000 }, neg = { -1, 0 };
    CHECK_EQ(tsys(init, SYS_mq_timedreceive, fd, (long)ubuf(init, 8), 8L, 0L,
                  (long)ubytes(init, &bad, sizeof bad)), -EINVAL);
    CHECK_EQ(tsys(init, SYS_mq_timedsend, fd, (long)ustr(init, "x"), 1L, 0L,
                  (long)ubytes(init, &neg, sizeof neg)), -EINVAL);
    CHECK_EQ(tsys(init, SYS_mq_timedsend, fd, (long)ustr(init, "x"), 1L, 0L, 0x10L), -EFAULT);
    char buf[16];
    CHECK_EQ(mrecv(init, fd, 8, buf, NULL), 4);           /* no priority asked for */
    CHECK_STR(buf, "keep");
    /* getsetattr: only O_NONBLOCK */
    struct k_mq_attr in = { 1, 0, 0, 0 };
    CHECK_EQ(tsys(init, SYS_mq_getsetattr, fd, (long)ubytes(init, &in, sizeof in), 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_mq_getsetattr, fd, 0x10L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_mq_getsetattr, fd, 0L, 0x10L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_mq_getsetattr, 0L, 0L, 0L), -EBADF);
    CHECK_EQ(munlink(init, "b"), 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
}

/* ---- blocking, waking, timeouts, O_NONBLOCK -------------------------------------- */

TEST(mq_receive_blocks_until_a_send)
{
    long fd = mcreate("w", 2, 8);
    struct proc *c = tchild();
    long cfd = kid_open(c, "w");
    uptr b = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_mq_timedreceive, cfd, (long)b, 8L, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK_EQ(msend(init, fd, "wake", 2), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_mq_timedreceive, cfd, (long)b, 8L, 0L, 0L), 4);
    CHECK_EQ(memcmp(uhost(c, b), "wake", 4), 0);
    texit_reap(c, 0);
    CHECK_EQ(munlink(init, "w"), 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
}

TEST(mq_send_blocks_when_full)
{
    long fd = mcreate("f", 2, 8);
    CHECK_EQ(msend(init, fd, "1", 0), 0);
    CHECK_EQ(msend(init, fd, "2", 0), 0);
    struct proc *c = tchild();
    long cfd = kid_open(c, "f");
    uptr m = ustr(c, "3");
    CHECK_EQ(tsys(c, SYS_mq_timedsend, cfd, (long)m, 1L, 5L, 0L), KERN_BLOCK);
    CHECK_EQ(kstats.mqmsgs, 2);                          /* the waiting one holds nothing */
    CHECK_EQ(mrecv(init, fd, 8, NULL, NULL), 1);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_mq_timedsend, cfd, (long)m, 1L, 5L, 0L), 0);
    char buf[8];
    uint32_t prio;
    CHECK_EQ(mrecv(init, fd, 8, buf, &prio), 1);
    CHECK_STR(buf, "3");
    CHECK_EQ(prio, 5);
    texit_reap(c, 0);
    CHECK_EQ(munlink(init, "f"), 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
}

TEST(mq_nonblocking)
{
    long fd = mopen(init, "n", O_CREAT | O_RDWR | O_NONBLOCK, 0600, 1, 8);
    CHECK_EQ(mattr(init, fd).mq_flags, O_NONBLOCK);
    CHECK_EQ(mrecv(init, fd, 8, NULL, NULL), -EAGAIN);
    CHECK_EQ(msend(init, fd, "a", 0), 0);
    CHECK_EQ(msend(init, fd, "b", 0), -EAGAIN);
    struct k_mq_attr in = { 0, 0, 0, 0 };
    CHECK_EQ(tsys(init, SYS_mq_getsetattr, fd, (long)ubytes(init, &in, sizeof in), 0L), 0);
    CHECK_EQ(mattr(init, fd).mq_flags, 0);
    struct proc *c = tchild();
    long cfd = kid_open(c, "n");
    CHECK_EQ(msend(c, cfd, "b", 0), KERN_BLOCK);
    tkill_reap(c, SIGKILL);
    in.mq_flags = O_NONBLOCK;
    CHECK_EQ(tsys(init, SYS_mq_getsetattr, fd, (long)ubytes(init, &in, sizeof in), 0L), 0);
    CHECK_EQ(msend(init, fd, "b", 0), -EAGAIN);
    CHECK_EQ(munlink(init, "n"), 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
}

TEST(mq_timed_calls_time_out)
{
    long fd = mcreate("t", 1, 8);
    struct proc *c = tchild();
    long cfd = kid_open(c, "t");
    uptr dl = mdeadline(c, 1500000000LL), b = ubuf(c, 8);
    uint64_t start = now_ns();
    CHECK_EQ(tsys(c, SYS_mq_timedreceive, cfd, (long)b, 8L, 0L, (long)dl), KERN_BLOCK);
    CHECK_EQ(ttimer(), start + 1500000000ull);
    tclock_advance(1500000000ull);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_mq_timedreceive, cfd, (long)b, 8L, 0L, (long)dl), -ETIMEDOUT);
    CHECK_EQ(msend(init, fd, "x", 0), 0);
    uptr m = ustr(c, "y");
    dl = mdeadline(c, 1000000000LL);
    CHECK_EQ(tsys(c, SYS_mq_timedsend, cfd, (long)m, 1L, 0L, (long)dl), KERN_BLOCK);
    tclock_advance(1000000000ull);
    CHECK_EQ(tsys(c, SYS_mq_timedsend, cfd, (long)m, 1L, 0L, (long)dl), -ETIMEDOUT);
    CHECK_EQ(kstats.timers, 0);
    /* a deadline that has passed is not looked at when the call can go on */
    struct k_timespec past = { 1, 0 };
    CHECK_EQ(tsys(c, SYS_mq_timedreceive, cfd, (long)b, 8L, 0L,
                  (long)ubytes(c, &past, sizeof past)), 1);
    CHECK_EQ(tsys(c, SYS_mq_timedreceive, cfd, (long)b, 8L, 0L,
                  (long)ubytes(c, &past, sizeof past)), -ETIMEDOUT);
    texit_reap(c, 0);
    CHECK_EQ(munlink(init, "t"), 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
}

TEST(mq_killed_while_waiting_leaves_nothing)
{
    struct k_kstat before = kstats;
    long fd = mcreate("k", 1, 8);
    struct proc *r = tchild(), *s = tchild();
    long rfd = kid_open(r, "k"), sfd = kid_open(s, "k");
    CHECK_EQ(tsys(r, SYS_mq_timedreceive, rfd, (long)ubuf(r, 8), 8L, 0L,
                  (long)mdeadline(r, 5000000000LL)), KERN_BLOCK);
    tkill_reap(r, SIGKILL);
    CHECK_EQ(msend(init, fd, "full", 0), 0);
    CHECK_EQ(tsys(s, SYS_mq_timedsend, sfd, (long)ustr(s, "more"), 4L, 0L, 0L), KERN_BLOCK);
    tkill_reap(s, SIGTERM);
    CHECK_EQ(kstats.mqmsgs, 1);
    CHECK_EQ(kstats.waiters, before.waiters);
    CHECK_EQ(kstats.timers, before.timers);
    CHECK_EQ(munlink(init, "k"), 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);              /* the last close frees the rest */
    CHECK_EQ(kstats.mqueues, before.mqueues);
    CHECK_EQ(kstats.mqmsgs, before.mqmsgs);
    CHECK_EQ(kstats.files, before.files);
    CHECK_EQ(kstats.inodes, before.inodes);
    CHECK_EQ(kstats.allocs, before.allocs);
}

TEST(mq_wait_interrupted_by_a_handler)
{
    long fd = mcreate("i", 1, 8);
    struct proc *c = tchild();
    long cfd = kid_open(c, "i");
    struct k_sigaction sa = { .sa_handler = 0x4000 };
    CHECK_EQ(tsys(c, SYS_sigaction, (long)SIGUSR1, (long)ubytes(c, &sa, sizeof sa), 0L), 0);
    uptr b = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_mq_timedreceive, cfd, (long)b, 8L, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(tsys(c, SYS_mq_timedreceive, cfd, (long)b, 8L, 0L, 0L), -EINTR);
    texit_reap(c, 0);
    CHECK_EQ(munlink(init, "i"), 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
}

/* ---- mq_notify ----------------------------------------------------------------- */

static long mnotify(struct proc *p, long fd, int how, int sig)
{
    struct k_sigevent ev = { how, sig, 0 };
    return tsys(p, SYS_mq_notify, fd, (long)ubytes(p, &ev, sizeof ev));
}

TEST(mq_notify_signals_once)
{
    long fd = mcreate("s", 2, 8);
    struct proc *c = tchild();
    long cfd = kid_open(c, "s");
    struct k_sigaction sa = { .sa_handler = 0x4000 };
    CHECK_EQ(tsys(c, SYS_sigaction, (long)SIGUSR1, (long)ubytes(c, &sa, sizeof sa), 0L), 0);
    CHECK_EQ(mnotify(c, cfd, SIGEV_SIGNAL, 0), -EINVAL);
    CHECK_EQ(mnotify(c, cfd, SIGEV_SIGNAL, NSIG), -EINVAL);
    CHECK_EQ(mnotify(c, cfd, SIGEV_THREAD, SIGUSR1), -EINVAL);
    CHECK_EQ(tsys(c, SYS_mq_notify, cfd, 0x10L), -EFAULT);
    CHECK_EQ(tsys(c, SYS_mq_notify, 0L, 0L), -EBADF);
    CHECK_EQ(mnotify(c, cfd, SIGEV_SIGNAL, SIGUSR1), 0);
    CHECK_EQ(mnotify(init, fd, SIGEV_NONE, 0), -EBUSY);
    CHECK_EQ(mnotify(c, cfd, SIGEV_NONE, 0), -EBUSY);     /* even itself */
    /* the status line names it */
    long rd = tsys(init, SYS_open, (long)ustr(init, "/dev/mqueue/s"), (long)O_RDONLY, 0L);
    uptr b = ubuf(init, 128);
    long n = tsys(init, SYS_read, rd, (long)b, 128L);
    CHECK_EQ(n, 60);                                     /* though st_size is 80, as on Linux */
    char line[96];
    ksnprintf(line, sizeof line, "QSIZE:0          NOTIFY:0     SIGNO:10    NOTIFY_PID:%-6d\n",
              c->pid);
    CHECK_EQ(memcmp(uhost(init, b), line, 60), 0);
    CHECK_EQ(tsys(init, SYS_read, rd, (long)b, 128L), 0);
    CHECK_EQ(msend(init, fd, "hi", 0), 0);
    tsys(c, SYS_getpid);                                 /* delivers */
    CHECK_EQ(thandled(c)[0], SIGUSR1);
    CHECK_EQ(mnotify(init, fd, SIGEV_NONE, 0), 0);       /* it fired: the place is free */
    CHECK_EQ(msend(init, fd, "2nd", 0), 0);              /* not empty before: no notice */
    CHECK_EQ(tsys(init, SYS_mq_notify, fd, 0L), 0);      /* withdrawn */
    CHECK_EQ(mnotify(c, cfd, SIGEV_SIGNAL, SIGUSR1), 0);
    CHECK_EQ(tsys(c, SYS_close, cfd), 0);                 /* any close of its ends it */
    CHECK_EQ(mnotify(init, fd, SIGEV_NONE, 0), 0);
    texit_reap(c, 0);
    CHECK_EQ(tsys(init, SYS_close, rd), 0);
    CHECK_EQ(munlink(init, "s"), 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
}

TEST(mq_notify_owner_gone)
{
    long fd = mcreate("g", 2, 8);
    struct proc *c = tchild();
    long cfd = kid_open(c, "g");
    CHECK_EQ(mnotify(c, cfd, SIGEV_SIGNAL, SIGUSR1), 0);
    CHECK_EQ(tsys(c, SYS_close, cfd), 0);
    CHECK_EQ(mnotify(c, cfd, SIGEV_SIGNAL, SIGUSR1), -EBADF);
    texit_reap(c, 0);
    struct proc *d = tchild();
    long dfd = kid_open(d, "g");
    CHECK_EQ(mnotify(d, dfd, SIGEV_SIGNAL, SIGUSR1), 0);
    texit_reap(d, 0);                                    /* exits: the place is free */
    CHECK_EQ(mnotify(init, fd, SIGEV_NONE, 0), 0);
    CHECK_EQ(msend(init, fd, "x", 0), 0);                /* SIGEV_NONE: nothing sent */
    CHECK_EQ(munlink(init, "g"), 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
}

/* ---- the file ---------------------------------------------------------------------- */

TEST(mq_file_stat_poll_write)
{
    long fd = mcreate("file", 1, 8);
    uptr st = ubuf(init, sizeof(struct k_stat));
    CHECK_EQ(tsys(init, SYS_stat, (long)ustr(init, "/dev/mqueue/file"), (long)st, 0L), 0);
    struct k_stat *s = uhost(init, st);
    CHECK_EQ(s->st_mode, S_IFREG | 0600);
    CHECK_EQ(s->st_size, 80);
    uptr pf = ubuf(init, sizeof(struct k_pollfd));
    struct k_pollfd *pfd = uhost(init, pf);
    *pfd = (struct k_pollfd){ (int32_t)fd, POLLIN | POLLOUT, 0 };
    CHECK_EQ(tsys(init, SYS_ppoll, (long)pf, 1L, 0L, 0L), 1);
    CHECK_EQ(pfd->revents, POLLOUT);
    CHECK_EQ(msend(init, fd, "abc", 0), 0);
    pfd->revents = 0;
    CHECK_EQ(tsys(init, SYS_ppoll, (long)pf, 1L, 0L, 0L), 1);
    CHECK_EQ(pfd->revents, POLLIN);
    CHECK_EQ(tsys(init, SYS_write, fd, (long)ustr(init, "x"), 1L), -EINVAL);
    uptr b = ubuf(init, 96);
    CHECK_EQ(tsys(init, SYS_read, fd, (long)b, 10L), 10);     /* mq_open's file reads too */
    CHECK_EQ(memcmp(uhost(init, b), "QSIZE:3   ", 10), 0);
    CHECK_EQ(tsys(init, SYS_read, fd, 0x10L, 10L), -EFAULT);
    /* a poll that waits is woken by a receive making room */
    struct proc *c = tchild();
    long cfd = kid_open(c, "file");
    uptr cp = ubuf(c, sizeof(struct k_pollfd));
    *(struct k_pollfd *)uhost(c, cp) = (struct k_pollfd){ (int32_t)cfd, POLLOUT, 0 };
    CHECK_EQ(tsys(c, SYS_ppoll, (long)cp, 1L, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(mrecv(init, fd, 8, NULL, NULL), 3);
    CHECK_EQ(c->state, P_RUNNABLE);
    texit_reap(c, 0);
    CHECK_EQ(munlink(init, "file"), 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
}

TEST(mq_unlinked_queue_lives_while_open)
{
    long fd = mcreate("u", 4, 8);
    CHECK_EQ(msend(init, fd, "one", 0), 0);
    CHECK_EQ(msend(init, fd, "two", 0), 0);
    CHECK_EQ(munlink(init, "u"), 0);
    CHECK_EQ(mopen(init, "u", O_RDWR, 0, 0, 0), -ENOENT);
    long again = mcreate("u", 4, 8);                     /* a new queue of that name */
    CHECK_EQ(kstats.mqueues, 2);
    char buf[8];
    CHECK_EQ(mrecv(init, fd, 8, buf, NULL), 3);
    CHECK_STR(buf, "one");
    struct proc *c = tchild();
    CHECK_EQ(mrecv(c, kid_open(c, "u"), 8, NULL, NULL), KERN_BLOCK);
    tkill_reap(c, SIGKILL);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);              /* its last message goes with it */
    CHECK_EQ(kstats.mqueues, 1);
    CHECK_EQ(kstats.mqmsgs, 0);
    CHECK_EQ(munlink(init, "u"), 0);
    CHECK_EQ(tsys(init, SYS_close, again), 0);
    CHECK_EQ(kstats.mqueues, 0);
}
