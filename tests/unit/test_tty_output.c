/*
 * test_tty_output.c - the console's output flow control (kernel/tty.c):
 * the bounded output queue, writers that block on it, the platform taking
 * bytes at its own pace (kernel_console_output), the room kept for the echo,
 * and what discards or waits for queued output (^C, tcflush, tcdrain,
 * TCSETSW).
 *
 * Here nobody takes output unless the test does: tconsole() empties the
 * queue as a terminal would, kernel_console_output takes part of it.
 */
#include "test.h"

#define SYS3(p, nr, a, b, c) \
    tsys((p), (nr), (long)(a), (long)(b), (long)(c), 0L, 0L, 0L)
#define OQ        8192                  /* tty.c's TTY_OQSIZE */
#define ECHO_ROOM 512                   /* and its room for the echo */

static char big[3 * OQ];

static void type(const char *s) { kernel_console_input(s, strlen(s)); }

static long wr(struct proc *p, uptr a, size_t n)
{
    return SYS3(p, SYS_write, 1, a, n);
}

/* A user buffer of n bytes of c, without newlines (no "\r\n" expansion). */
static uptr filler(struct proc *p, char c, size_t n)
{
    memset(big, c, n);
    return ubytes(p, big, n);
}

static size_t take(size_t max)
{
    static char buf[3 * OQ];
    return kernel_console_output(buf, MIN(max, sizeof buf));
}

static long ioc(struct proc *p, unsigned long req, long arg)
{
    return SYS3(p, SYS_ioctl, 0, req, arg);
}

static long outq(struct proc *p)
{
    uptr a = ubuf(p, sizeof(int32_t));
    CHECK_EQ(ioc(p, TIOCOUTQ, (long)a), 0);
    return *(int32_t *)uhost(p, a);
}

/* Fill the queue to the writers' limit; returns the buffer used. */
static uptr fill(struct proc *p)
{
    uptr a = filler(p, 'y', OQ);
    CHECK_EQ(wr(p, a, OQ), OQ - ECHO_ROOM);
    return a;
}

TEST(tty_output_is_queued_until_taken)
{
    tconsole();
    int kicks = tconsole_kicks;
    CHECK_EQ(wr(init, ustr(init, "hi\n"), 3), 3);
    CHECK_EQ(tconsole_kicks, kicks + 1);     /* the queue stopped being empty */
    CHECK_EQ(wr(init, ustr(init, "ho"), 2), 2);
    CHECK_EQ(tconsole_kicks, kicks + 1);     /* not again until it is empty */
    CHECK_EQ(outq(init), 6);                 /* "hi\r\nho" */
    CHECK_EQ(take(3), 3);
    CHECK_STR(tconsole(), "\nho");
    CHECK_EQ(outq(init), 0);
    CHECK_EQ(take(100), 0);
}

TEST(tty_writer_blocks_on_a_full_queue)
{
    tconsole();
    uptr a = filler(init, 'y', 2 * OQ);
    CHECK_EQ(wr(init, a, 2 * OQ), OQ - ECHO_ROOM);   /* a short count */
    CHECK_EQ(wr(init, a, 10), KERN_BLOCK);
    CHECK_EQ(init->state, P_BLOCKED);
    CHECK_EQ(take(100), 100);                /* room again: the writer runs */
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_EQ(wr(init, a, 1000), 100);        /* what fits, not more */
    CHECK_EQ(strlen(tconsole()), OQ - ECHO_ROOM);
    CHECK_EQ(wr(init, a, 10), 10);
    CHECK_STR(tconsole(), "yyyyyyyyyy");
}

TEST(tty_crlf_goes_in_whole)
{
    tconsole();
    uptr a = filler(init, 'y', OQ - ECHO_ROOM - 1);
    CHECK_EQ(wr(init, a, OQ - ECHO_ROOM - 1), OQ - ECHO_ROOM - 1);
    CHECK_EQ(wr(init, ustr(init, "\n"), 1), KERN_BLOCK);   /* "\r\n" needs 2 */
    CHECK_EQ(take(1), 1);
    CHECK_EQ(wr(init, ustr(init, "\nz"), 2), 1);
    const char *out = tconsole();
    CHECK_EQ(strlen(out), OQ - ECHO_ROOM);
    CHECK_STR(out + strlen(out) - 3, "y\r\n");
}

TEST(tty_nonblocking_writer_gets_eagain)
{
    tconsole();
    CHECK_EQ(SYS3(init, SYS_fcntl, 1, F_SETFL, O_NONBLOCK), 0);
    uptr a = fill(init);
    CHECK_EQ(wr(init, a, 10), -EAGAIN);
    CHECK_EQ(init->state, P_RUNNING);
    tconsole();
    CHECK_EQ(wr(init, a, 10), 10);
    CHECK_EQ(SYS3(init, SYS_fcntl, 1, F_SETFL, 0), 0);
    tconsole();
}

TEST(tty_echo_has_room_while_writers_flood)
{
    tconsole();
    fill(init);
    type("ls\n");
    const char *out = tconsole();
    CHECK_STR(out + strlen(out) - 4, "ls\r\n");
    /* With the queue full to the end, more echo is lost, nothing else. */
    fill(init);
    for (int i = 0; i < ECHO_ROOM; i++)
        type("a");
    type("b\n");
    CHECK_EQ(strlen(tconsole()), OQ);
    uptr buf = ubuf(init, 4096);
    CHECK_EQ(SYS3(init, SYS_read, 0, buf, 4096), 3);            /* "ls\n" */
    CHECK_EQ(SYS3(init, SYS_read, 0, buf, 4096), ECHO_ROOM + 2); /* typed, if not shown */
}

TEST(tty_interrupt_discards_queued_output)
{
    tprog("/bin/child");
    struct proc *c = tspawn(init, "/bin/child");
    int pid = c->pid;
    CHECK_EQ(SYS3(init, SYS_setpgid, pid, pid, 0), 0);
    int32_t pg = pid;
    CHECK_EQ(ioc(init, TIOCSPGRP, (long)ubytes(init, &pg, sizeof pg)), 0);
    tconsole();
    uptr a = fill(c);
    CHECK_EQ(wr(c, a, 10), KERN_BLOCK);      /* yes, flooding */
    type("\x03");
    CHECK_EQ(c->state, P_ZOMBIE);            /* killed while blocked */
    CHECK_STR(tconsole(), "^C");             /* the flood is gone, the echo stays */
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(SYS3(init, SYS_wait4, pid, st, 0), pid);
    CHECK_EQ(WTERMSIG(*(int *)uhost(init, st)), SIGINT);
    /* init takes the terminal back from the background, as a shell does:
     * ignoring SIGTTOU, which would otherwise stop it (ctty.c) */
    struct k_sigaction ign = { .sa_handler = SIG_IGN };
    CHECK_EQ(SYS3(init, SYS_sigaction, SIGTTOU, ubytes(init, &ign, sizeof ign), 0), 0);
    pg = 1;
    CHECK_EQ(ioc(init, TIOCSPGRP, (long)ubytes(init, &pg, sizeof pg)), 0);
    trm("/bin/child");
}

TEST(tty_noflsh_keeps_queued_output)
{
    uptr t = ubuf(init, sizeof(struct k_termios));
    CHECK_EQ(ioc(init, TCGETS, (long)t), 0);
    ((struct k_termios *)uhost(init, t))->c_lflag |= NOFLSH;
    ((struct k_termios *)uhost(init, t))->c_lflag &= ~(uint32_t)ISIG;
    CHECK_EQ(ioc(init, TCSETS, (long)t), 0);
    tconsole();
    CHECK_EQ(wr(init, ustr(init, "abc"), 3), 3);
    type("\x03");                            /* no ISIG: just a character */
    CHECK_STR(tconsole(), "abc^C");
}

TEST(tty_tcflush_queues)
{
    tconsole();
    CHECK_EQ(wr(init, ustr(init, "out"), 3), 3);
    type("in\n");
    CHECK_EQ(ioc(init, TCFLSH, TCIFLUSH), 0);
    CHECK_EQ(outq(init), 7);                 /* "out" and the echo "in\r\n" */
    CHECK_EQ(ioc(init, TCFLSH, TCOFLUSH), 0);
    CHECK_EQ(outq(init), 0);
    type("x\n");
    CHECK_EQ(wr(init, ustr(init, "out"), 3), 3);
    CHECK_EQ(ioc(init, TCFLSH, TCIOFLUSH), 0);
    CHECK_EQ(outq(init), 0);
    uptr n = ubuf(init, sizeof(int32_t));
    CHECK_EQ(ioc(init, FIONREAD, (long)n), 0);
    CHECK_EQ(*(int32_t *)uhost(init, n), 0);
    CHECK_EQ(ioc(init, TCFLSH, 3), -EINVAL);
    CHECK_STR(tconsole(), "");
}

TEST(tty_flush_wakes_a_blocked_writer)
{
    tprog("/bin/child");
    struct proc *c = tspawn(init, "/bin/child");
    tconsole();
    uptr a = fill(init);
    CHECK_EQ(wr(init, a, 10), KERN_BLOCK);
    CHECK_EQ(ioc(c, TCFLSH, TCOFLUSH), 0);
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_EQ(wr(init, a, 10), 10);
    texit_reap(c, 0);
    trm("/bin/child");
    tconsole();
}

TEST(tty_tcdrain_and_tcsetsw_wait_for_the_screen)
{
    tconsole();
    CHECK_EQ(wr(init, ustr(init, "abc"), 3), 3);
    CHECK_EQ(ioc(init, TCSBRK, 1), KERN_BLOCK);          /* tcdrain */
    CHECK_EQ(take(2), 2);
    CHECK_EQ(init->state, P_RUNNABLE);                   /* looks again ... */
    CHECK_EQ(ioc(init, TCSBRK, 1), KERN_BLOCK);          /* ... not empty yet */
    CHECK_EQ(take(2), 1);
    CHECK_EQ(ioc(init, TCSBRK, 1), 0);
    CHECK_EQ(ioc(init, TCSBRK, 0), 0);                   /* a break: nothing to send */

    uptr t = ubuf(init, sizeof(struct k_termios));
    CHECK_EQ(ioc(init, TCGETS, (long)t), 0);
    ((struct k_termios *)uhost(init, t))->c_lflag &= ~(uint32_t)ECHO;
    CHECK_EQ(wr(init, ustr(init, "x"), 1), 1);
    CHECK_EQ(ioc(init, TCSETSW, (long)t), KERN_BLOCK);   /* settings not changed yet */
    type("a");
    CHECK_STR(tconsole(), "xa");                         /* still echoed */
    CHECK_EQ(ioc(init, TCSETSW, (long)t), 0);
    type("b");
    CHECK_STR(tconsole(), "");                           /* not any more */
    CHECK_EQ(ioc(init, TCSETS, 4), -EFAULT);
}

TEST(tty_kill_of_a_blocked_writer_leaves_nothing)
{
    tprog("/bin/child");
    struct proc *c = tspawn(init, "/bin/child");
    tconsole();
    uptr a = fill(c);
    CHECK_EQ(wr(c, a, 10), KERN_BLOCK);
    int pid = c->pid;
    CHECK_EQ(SYS3(init, SYS_kill, pid, SIGKILL, 0), 0);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(SYS3(init, SYS_wait4, pid, st, 0), pid);
    CHECK_EQ(strlen(tconsole()), OQ - ECHO_ROOM);        /* what it wrote is shown */
    trm("/bin/child");
}
