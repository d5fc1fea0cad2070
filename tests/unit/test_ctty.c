/*
 * test_ctty.c - the console as a controlling terminal (kernel/ctty.c): who
 * gets it and how it is let go, the job-control rules inside its session
 * (SIGTTIN, TOSTOP and SIGTTOU, orphaned groups), and what a process
 * outside the session may do with a descriptor it kept.
 *
 * init has the console as its controlling terminal from boot (host.c) and
 * its children inherit it on fd 0 (ttytest.h).
 */
#include "ttytest.h"

static long open_as(struct proc *p, const char *path, int flags)
{
    return SYS3(p, SYS_open, ustr(p, path), flags, 0);
}

static long closefd(struct proc *p, long fd)
{
    return SYS3(p, SYS_close, fd, 0, 0);
}

static long set_termios(struct proc *p, struct k_termios t)
{
    return ioc(p, TCSETS, ubytes(p, &t, sizeof t));
}

static long set_winsize(struct proc *p, uint16_t rows, uint16_t cols)
{
    struct k_winsize ws = { rows, cols, 0, 0 };
    return ioc(p, TIOCSWINSZ, ubytes(p, &ws, sizeof ws));
}

static long write_as(struct proc *p, const char *s)
{
    return SYS3(p, SYS_write, 1, ustr(p, s), strlen(s));
}

/* Continue p's group (a stop by the tty is a whole group's). */
static void cont(struct proc *p)
{
    CHECK_EQ(SYS3(init, SYS_kill, -p->pgid, SIGCONT, 0), 0);
}

/* p's last stop was by sig. */
static void check_stopped_by(struct proc *p, int sig)
{
    CHECK_EQ(p->state, P_STOPPED);
    CHECK(WIFSTOPPED(p->report) && WSTOPSIG(p->report) == sig);
}

static void set_mask(struct proc *p, int how, k_sigset_t set)
{
    CHECK_EQ(SYS3(p, SYS_sigprocmask, how, ubytes(p, &set, sizeof set), 0), 0);
}

/* ---- outside the session ------------------------------------------------ */

/* A program run as another user, in a session of its own, with the
 * console it inherited: it may not take the lines root types, nor turn
 * off root's ^C, nor get the console back any other way. */
TEST(ctty_outside_the_session_reads_nothing)
{
    struct proc *c = child(init, OWN_SESSION);
    CHECK_EQ(SYS3(c, SYS_setuid, 1000, 0, 0), 0);
    type("secret\n");
    CHECK_EQ(rd(c, 64), -EIO);
    CHECK_EQ(c->state, P_RUNNING);              /* no SIGTTIN: just no */
    CHECK_READ(init, 64, "secret\n");           /* still there for root */

    struct k_termios t = getattr(c);           /* looking is allowed */
    t.c_lflag &= ~(uint32_t)(ISIG | ECHO);
    CHECK_EQ(set_termios(c, t), -EPERM);
    CHECK_EQ(getattr(init).c_lflag & (ISIG | ECHO), ISIG | ECHO);
    CHECK_EQ(set_winsize(c, 10, 10), -EPERM);
    CHECK_EQ(ioc(c, TCFLSH, TCIFLUSH), -EPERM);
    CHECK_EQ(ioc_int(c, TIOCGPGRP), -ENOTTY);
    CHECK_EQ(ioc_int(c, TIOCGSID), -ENOTTY);
    CHECK_EQ(set_pgrp(c, c->pid), -ENOTTY);
    CHECK_EQ(ioc(c, TIOCNOTTY, 0), -ENOTTY);
    CHECK_EQ(ioc(c, TIOCSCTTY, 0), -EPERM);      /* session 1 has it */
    CHECK_EQ(ioc(c, TIOCSCTTY, 1), -EPERM);      /* only root steals */
    CHECK_EQ(open_as(c, "/dev/console", O_RDWR), -EACCES);   /* 0600 */
    CHECK_EQ(open_as(c, "/dev/tty", O_RDWR), -ENXIO);        /* none of its own */

    tconsole();
    CHECK_EQ(write_as(c, "hi\n"), 3);           /* writing is allowed */
    CHECK_STR(tconsole(), "hi\r\n");
    texit_reap(c, 0);

    struct proc *r = child(init, OWN_SESSION);  /* root may change, not read */
    type("more\n");
    CHECK_EQ(rd(r, 64), -EIO);
    CHECK_EQ(set_termios(r, getattr(r)), 0);
    CHECK_EQ(set_winsize(r, 30, 90), 0);
    texit_reap(r, 0);
    CHECK_READ(init, 64, "more\n");
    trm("/bin/child");
}

/* A reader of the session that leaves it (its leader lets go of the
 * console) is woken, and now fails. */
TEST(ctty_reader_left_outside_fails)
{
    struct proc *c = child(init, SAME);
    CHECK_EQ(rd(c, 64), KERN_BLOCK);
    CHECK_EQ(ioc(init, TIOCNOTTY, 0), 0);       /* init's foreground group */
    CHECK_EQ(c->state, P_ZOMBIE);               /* is hung up: c dies */
    CHECK_EQ(WTERMSIG(reap(c->pid, 0)), SIGHUP);

    c = child(init, SAME);
    set_handler(c, SIGHUP, SIG_IGN, 0);
    CHECK_EQ(ioc(init, TIOCSCTTY, 0), 0);
    CHECK_EQ(rd(c, 64), KERN_BLOCK);
    CHECK_EQ(ioc(init, TIOCNOTTY, 0), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(rd(c, 64), -EIO);
    texit_reap(c, 0);
    trm("/bin/child");
}

/* ---- getting the terminal ----------------------------------------------- */

TEST(ctty_open_gives_it_to_a_session_leader_without_one)
{
    CHECK_EQ(ioc(init, TIOCNOTTY, 0), 0);       /* init lets go */
    CHECK_EQ(ioc_int(init, TIOCGSID), -ENOTTY);
    CHECK_EQ(rd(init, 64), -EIO);
    struct proc *c = child(init, OWN_SESSION), *member = child(c, SAME);
    long fd = open_as(member, "/dev/console", O_RDWR);  /* not a leader */
    CHECK(fd >= 0);
    CHECK_EQ(closefd(member, fd), 0);
    CHECK_EQ(ioc_int(member, TIOCGSID), -ENOTTY);
    CHECK_EQ(open_as(c, "/dev/tty", O_RDWR), -ENXIO);
    fd = open_as(c, "/dev/console", O_RDWR | O_NOCTTY);
    CHECK_EQ(closefd(c, fd), 0);
    CHECK_EQ(ioc_int(c, TIOCGSID), -ENOTTY);

    fd = open_as(c, "/dev/console", O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(ioc_int(c, TIOCGSID), c->pid);
    CHECK_EQ(ioc_int(c, TIOCGPGRP), c->pid);
    long tfd = open_as(member, "/dev/tty", O_RDWR);   /* its session's now */
    CHECK(tfd >= 0);
    type("x\n");
    CHECK_EQ(SYS3(member, SYS_read, tfd, RBUF, 64), 2);

    struct proc *d = child(init, OWN_SESSION);  /* c's session has it */
    CHECK(open_as(d, "/dev/console", O_RDWR) >= 0);
    CHECK_EQ(ioc_int(d, TIOCGSID), -ENOTTY);
    texit_reap(d, 0);
    texit_reap(member, 0);
    texit_reap(c, 0);                           /* the session ends */
    CHECK_EQ(ioc(init, TIOCSCTTY, 0), 0);
    trm("/bin/child");
}

/* How init starts a shell: a new session, and /dev/console opened among
 * the spawn's actions. A spawn that fails gives the console back. */
TEST(ctty_spawn_with_a_new_session_takes_the_console)
{
    CHECK_EQ(ioc(init, TIOCNOTTY, 0), 0);
    tprog("/bin/child");
    struct k_spawn_action act = { .type = SPAWN_OPEN, .fd = 0, .oflag = O_RDWR,
                                  .path = ustr(init, "/dev/console") };
    struct k_spawn_attr at = { .flags = SPAWN_SETSID };
    const char *argv[] = { "child", NULL };
    long pid = tsys(init, SYS_spawn, (long)ustr(init, "/bin/nope"), (long)uargv(init, argv),
                    0L, (long)ubytes(init, &act, sizeof act), 1L,
                    (long)ubytes(init, &at, sizeof at));
    CHECK_EQ(pid, -ENOENT);
    CHECK_EQ(ioc(init, TIOCSCTTY, 0), 0);       /* it was given back */
    CHECK_EQ(ioc(init, TIOCNOTTY, 0), 0);

    pid = tsys(init, SYS_spawn, (long)ustr(init, "/bin/child"), (long)uargv(init, argv),
               0L, (long)ubytes(init, &act, sizeof act), 1L, (long)ubytes(init, &at, sizeof at));
    CHECK(pid > 1);
    struct proc *c = proc_find((int)pid);
    CHECK_EQ(ioc_int(c, TIOCGSID), pid);
    CHECK_EQ(ioc_int(c, TIOCGPGRP), pid);
    type("^C reaches it\x03");
    CHECK_EQ(SYS3(c, SYS_getpid, 0, 0, 0), pid);  /* on its way out */
    CHECK_EQ(c->state, P_ZOMBIE);
    CHECK_EQ(WTERMSIG(reap((int)pid, 0)), SIGINT);
    CHECK_EQ(ioc(init, TIOCSCTTY, 0), 0);
    trm("/bin/child");
}

/* ---- the background, inside the session --------------------------------- */

TEST(ctty_background_read_gets_sigttin)
{
    act_as_shell();
    struct proc *c = child(init, OWN_GROUP);
    type("for init\n");
    CHECK_EQ(rd(c, 64), KERN_RESTART);    /* stopped, then issued again */
    CHECK_EQ(c->state, P_STOPPED);
    int st = reap(c->pid, WUNTRACED);
    CHECK(WIFSTOPPED(st));
    CHECK_EQ(WSTOPSIG(st), SIGTTIN);
    CHECK_READ(init, 64, "for init\n");   /* the input was left alone */

    CHECK_EQ(set_pgrp(init, c->pid), 0);  /* fg: the read goes through */
    CHECK_EQ(SYS3(init, SYS_kill, c->pid, SIGCONT, 0), 0);
    type("for child\n");
    CHECK_READ(c, 64, "for child\n");

    CHECK_EQ(rd(c, 64), KERN_BLOCK);      /* a reader put in the background */
    CHECK_EQ(set_pgrp(init, 1), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(rd(c, 64), KERN_RESTART);
    CHECK_EQ(c->state, P_STOPPED);
    kill_reap(c);
    trm("/bin/child");
}

TEST(ctty_background_read_eio_or_eintr)
{
    struct proc *c = child(init, OWN_GROUP);
    set_handler(c, SIGTTIN, SIG_IGN, 0);
    CHECK_EQ(rd(c, 64), -EIO);
    set_handler(c, SIGTTIN, SIG_DFL, 0);
    k_sigset_t set = SIGBIT(SIGTTIN);
    CHECK_EQ(SYS3(c, SYS_sigprocmask, SIG_BLOCK, ubytes(c, &set, 8), 0), 0);
    CHECK_EQ(rd(c, 64), -EIO);
    CHECK_EQ(SYS3(c, SYS_sigprocmask, SIG_UNBLOCK, ubytes(c, &set, 8), 0), 0);
    set_handler(c, SIGTTIN, HANDLER, 0);
    CHECK_EQ(rd(c, 64), -EINTR);
    set_handler(c, SIGTTIN, HANDLER, SA_RESTART);
    CHECK_EQ(rd(c, 64), KERN_RESTART);
    CHECK_EQ(thandled(c)[0], SIGTTIN);
    CHECK_EQ(thandled(c)[1], SIGTTIN);
    CHECK_EQ(SYS3(c, SYS_write, 1, ustr(c, "bg\n"), 3), 3);  /* no TOSTOP */
    CHECK_STR(tconsole(), "bg\r\n");
    texit_reap(c, 0);
    trm("/bin/child");
}

TEST(ctty_tcsetpgrp_errors)
{
    struct proc *c = child(init, OWN_SESSION);
    struct proc *d = child(init, SAME);
    CHECK_EQ(set_pgrp(init, -1), -EINVAL);
    CHECK_EQ(set_pgrp(init, 999), -ESRCH);
    CHECK_EQ(set_pgrp(init, c->pid), -EPERM); /* a group of another session */
    CHECK_EQ(set_pgrp(init, d->pid), -EPERM); /* a pid, but no group's id */
    CHECK_EQ(ioc(init, TIOCSPGRP, BAD), -EFAULT);
    CHECK_EQ(set_pgrp(init, 1), 0);
    texit_reap(d, 0);
    texit_reap(c, 0);
    trm("/bin/child");
}

TEST(ctty_sctty_and_notty)
{
    struct proc *member = child(init, SAME);
    CHECK_EQ(ioc(member, TIOCSCTTY, 0), -EPERM); /* not a session leader */
    CHECK_EQ(ioc(member, TIOCNOTTY, 0), 0);      /* changes nothing */
    CHECK_EQ(ioc_int(init, TIOCGSID), 1);
    CHECK_EQ(ioc(init, TIOCSCTTY, 0), 0);        /* already its own */

    struct proc *c = child(init, OWN_SESSION);
    CHECK_EQ(ioc(c, TIOCSCTTY, 0), -EPERM);      /* session 1 has it */
    CHECK_EQ(ioc(c, TIOCSCTTY, 1), 0);           /* root steals it */
    CHECK_EQ(ioc_int(c, TIOCGSID), c->pid);
    CHECK_EQ(ioc_int(c, TIOCGPGRP), c->pid);
    CHECK_EQ(ioc_int(init, TIOCGSID), -ENOTTY);

    set_handler(c, SIGHUP, HANDLER, 0);          /* the leader lets go: */
    CHECK_EQ(ioc(c, TIOCNOTTY, 0), 0);           /* its foreground group */
    CHECK_EQ(thandled(c)[0], SIGHUP);            /* is hung up */
    CHECK_EQ(ioc_int(c, TIOCGSID), -ENOTTY);

    CHECK_EQ(ioc(init, TIOCSCTTY, 0), 0);        /* a free console */
    CHECK_EQ(ioc_int(init, TIOCGSID), 1);
    CHECK_EQ(ioc_int(init, TIOCGPGRP), 1);
    texit_reap(c, 0);
    texit_reap(member, 0);
    trm("/bin/child");
}

TEST(ctty_sctty_needs_read_access)
{
    long wfd = SYS3(init, SYS_open, ustr(init, "/dev/console"), O_WRONLY, 0);
    CHECK_EQ(wfd, 3);
    struct proc *c = child(init, OWN_SESSION);
    CHECK_EQ(SYS3(init, SYS_close, wfd, 0, 0), 0);
    CHECK_EQ(SYS3(c, SYS_setuid, 5, 0, 0), 0);
    set_handler(init, SIGHUP, SIG_IGN, 0);
    CHECK_EQ(ioc(init, TIOCNOTTY, 0), 0);        /* init lets go */
    CHECK_EQ(SYS3(c, SYS_ioctl, wfd, TIOCSCTTY, 0), -EPERM);
    CHECK_EQ(ioc(c, TIOCSCTTY, 0), 0);           /* fd 0 is readable */
    texit_reap(c, 0);                            /* its session ends */
    CHECK_EQ(ioc_int(init, TIOCGSID), -ENOTTY);
    CHECK_EQ(ioc(init, TIOCSCTTY, 0), 0);
    trm("/bin/child");
}

TEST(ctty_session_leader_exit_hangs_up)
{
    struct proc *leader = child(init, OWN_SESSION);
    CHECK_EQ(ioc(leader, TIOCSCTTY, 1), 0);
    struct proc *reader = child(leader, SAME), *stopped = child(leader, SAME);
    int lpid = leader->pid, rpid = reader->pid, spid = stopped->pid;
    CHECK_EQ(rd(reader, 64), KERN_BLOCK);
    CHECK_EQ(SYS3(leader, SYS_kill, spid, SIGSTOP, 0), 0);
    CHECK_EQ(SYS3(leader, SYS_exit, 0, 0, 0), KERN_EXIT);
    CHECK_EQ(reader->state, P_ZOMBIE);    /* killed by SIGHUP */
    CHECK_EQ(stopped->state, P_RUNNABLE);  /* continued, SIGHUP pending */
    CHECK_EQ(SYS3(stopped, SYS_getpid, 0, 0, 0), spid);
    CHECK_EQ(stopped->state, P_ZOMBIE);
    CHECK_EQ(reap(lpid, 0), 0);
    CHECK_EQ(WTERMSIG(reap(rpid, 0)), SIGHUP);
    CHECK_EQ(WTERMSIG(reap(spid, 0)), SIGHUP);
    CHECK_EQ(ioc_int(init, TIOCGSID), -ENOTTY);
    trm("/bin/child");
}

TEST(ctty_background_write_with_tostop)
{
    struct proc *c = child(init, OWN_GROUP);
    tconsole();
    CHECK_EQ(write_as(c, "a\n"), 2);            /* no TOSTOP: allowed */
    CHECK_STR(tconsole(), "a\r\n");
    struct k_termios t = getattr(init);
    t.c_lflag |= TOSTOP;
    CHECK_EQ(set_termios(init, t), 0);
    CHECK_EQ(write_as(c, "b\n"), KERN_RESTART);  /* stopped, issued again */
    check_stopped_by(c, SIGTTOU);
    CHECK_STR(tconsole(), "");
    cont(c);
    set_handler(c, SIGTTOU, SIG_IGN, 0);        /* ignored: it writes */
    CHECK_EQ(write_as(c, "c\n"), 2);
    set_handler(c, SIGTTOU, SIG_DFL, 0);
    set_mask(c, SIG_BLOCK, SIGBIT(SIGTTOU));    /* blocked: it writes */
    CHECK_EQ(write_as(c, "d\n"), 2);
    set_mask(c, SIG_UNBLOCK, SIGBIT(SIGTTOU));
    set_handler(c, SIGTTOU, HANDLER, 0);
    CHECK_EQ(write_as(c, "e\n"), -EINTR);
    CHECK_EQ(thandled(c)[0], SIGTTOU);
    CHECK_STR(tconsole(), "c\r\nd\r\n");
    CHECK_EQ(write_as(init, "fg\n"), 3);         /* the foreground writes */
    CHECK_STR(tconsole(), "fg\r\n");
    kill_reap(c);
    trm("/bin/child");
}

TEST(ctty_background_changes_get_sigttou)
{
    struct proc *c = child(init, OWN_GROUP);
    struct k_termios t = getattr(c);
    t.c_lflag &= ~(uint32_t)ECHO;
    CHECK_EQ(set_termios(c, t), KERN_RESTART);  /* TOSTOP or not */
    check_stopped_by(c, SIGTTOU);
    CHECK(getattr(init).c_lflag & ECHO);        /* nothing changed */
    cont(c);
    CHECK_EQ(set_winsize(c, 10, 10), KERN_RESTART);
    check_stopped_by(c, SIGTTOU);
    cont(c);
    CHECK_EQ(ioc(c, TCFLSH, TCIFLUSH), KERN_RESTART);
    check_stopped_by(c, SIGTTOU);
    cont(c);
    CHECK_EQ(ioc(c, TCSBRK, 1), KERN_RESTART);    /* tcdrain */
    check_stopped_by(c, SIGTTOU);
    cont(c);
    CHECK_EQ(set_pgrp(c, c->pid), KERN_RESTART);
    check_stopped_by(c, SIGTTOU);
    CHECK_EQ(ioc_int(init, TIOCGPGRP), 1);
    cont(c);
    set_handler(c, SIGTTOU, SIG_IGN, 0);        /* as a shell: allowed */
    CHECK_EQ(set_termios(c, t), 0);
    CHECK_EQ(set_pgrp(c, c->pid), 0);
    CHECK_EQ(ioc_int(init, TIOCGPGRP), c->pid);
    /* init now in the background: its group, alone in a session it
     * leads, is orphaned, so it gets -EIO rather than a stop */
    CHECK_EQ(set_termios(init, t), -EIO);
    kill_reap(c);
    trm("/bin/child");
}

/* ---- orphaned process groups -------------------------------------------- */

/* A session of its own whose leader has the console: its group is
 * orphaned (the leader's parent, init, is in another session), and so is
 * a group whose link to the session has exited. */
TEST(ctty_orphaned_groups_get_eio_and_do_not_stop)
{
    struct proc *l = child(init, OWN_SESSION);
    CHECK_EQ(ioc(l, TIOCSCTTY, 1), 0);
    struct proc *x = child(l, OWN_GROUP), *y = child(x, SAME);
    CHECK(!pgrp_orphaned(x->pid));              /* x's parent links it */
    CHECK(pgrp_orphaned(l->pid));
    CHECK_EQ(rd(y, 64), KERN_RESTART);          /* so y may be stopped */
    check_stopped_by(y, SIGTTIN);
    cont(y);
    int xpid = x->pid;
    texit_reap(x, 0);                           /* y goes to init */
    CHECK(pgrp_orphaned(xpid));
    CHECK_EQ(rd(y, 64), -EIO);                  /* and may not */
    CHECK_EQ(y->sig_pending, 0);
    struct k_termios t = getattr(l);
    t.c_lflag |= TOSTOP;
    CHECK_EQ(set_termios(l, t), 0);
    CHECK_EQ(write_as(y, "y\n"), -EIO);
    CHECK_EQ(set_termios(y, t), -EIO);
    CHECK_EQ(SYS3(init, SYS_kill, y->pid, SIGTSTP, 0), 0);
    CHECK_EQ(y->state, P_RUNNABLE);             /* dropped */
    CHECK_EQ(SYS3(init, SYS_kill, y->pid, SIGSTOP, 0), 0);
    CHECK_EQ(y->state, P_STOPPED);              /* SIGSTOP always stops */
    kill_reap(y);

    type("\x1a");                               /* ^Z to l's orphaned group */
    CHECK_EQ(l->state, P_RUNNABLE);
    CHECK_EQ(SYS3(l, SYS_getpid, 0, 0, 0), l->pid);
    CHECK_EQ(l->state, P_RUNNING);
    texit_reap(l, 0);
    trm("/bin/child");
}

/* An exit that orphans a group with a stopped member has that group sent
 * SIGHUP and SIGCONT (POSIX _exit): nobody could continue it otherwise. */
TEST(ctty_exit_orphaning_a_stopped_group_hangs_it_up)
{
    struct proc *l = child(init, OWN_SESSION);
    struct proc *a = child(l, SAME), *b = child(a, OWN_GROUP), *c = child(a, OWN_GROUP);
    int bpid = b->pid;
    CHECK_EQ(SYS3(init, SYS_kill, bpid, SIGSTOP, 0), 0);
    texit_reap(a, 0);                           /* b's and c's link goes */
    CHECK_EQ(b->state, P_RUNNABLE);             /* continued, to die */
    CHECK(b->sig_pending & SIGBIT(SIGHUP));
    CHECK_EQ(SYS3(b, SYS_getpid, 0, 0, 0), bpid);
    CHECK_EQ(WTERMSIG(reap(bpid, 0)), SIGHUP);
    CHECK_EQ(c->state, P_RUNNABLE);             /* none stopped: left alone */
    CHECK_EQ(c->sig_pending, 0);
    kill_reap(c);

    /* the session leader's exit orphans its children's group {p, q} */
    struct proc *p = child(l, OWN_GROUP), *q = child(l, SAME);
    int ppid = p->pid, qpid = q->pid;
    CHECK_EQ(SYS3(l, SYS_setpgid, qpid, ppid, 0), 0);
    CHECK_EQ(SYS3(init, SYS_kill, qpid, SIGSTOP, 0), 0);
    texit_reap(l, 0);
    CHECK_EQ(p->state, P_ZOMBIE);               /* SIGHUP, at once */
    CHECK_EQ(q->state, P_RUNNABLE);
    CHECK_EQ(SYS3(q, SYS_getpid, 0, 0, 0), qpid);
    CHECK_EQ(WTERMSIG(reap(ppid, 0)), SIGHUP);
    CHECK_EQ(WTERMSIG(reap(qpid, 0)), SIGHUP);
    trm("/bin/child");
}
