/*
 * test_signal.c - sending, masking, default actions, handlers, EINTR and
 * SA_RESTART, stop and continue, SIGCHLD, sigsuspend.
 */
#include "test.h"

#define HANDLER 0x4000L        /* any user address stands for a handler */

static void set_action(struct proc *p, int sig, uint64_t handler, uint32_t flags,
                       k_sigset_t mask)
{
    struct k_sigaction sa = { .sa_handler = handler, .sa_flags = flags, .sa_mask = mask };
    CHECK_EQ(tsys(p, SYS_sigaction, (long)sig, (long)ubytes(p, &sa, sizeof sa), 0L), 0);
}

static void set_mask(struct proc *p, int how, k_sigset_t set)
{
    CHECK_EQ(tsys(p, SYS_sigprocmask, (long)how, (long)ubytes(p, &set, sizeof set), 0L), 0);
}

static int reap_status(struct proc *child)
{
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)child->pid, (long)st, 0L, 0L), child->pid);
    return *(int *)uhost(init, st);
}

TEST(kill_terminates_a_runnable_process)
{
    struct proc *a = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(init, SYS_kill, (long)a->pid, (long)SIGTERM), 0);
    CHECK_EQ(a->state, P_ZOMBIE);
    CHECK_EQ(reap_status(a), W_EXITCODE(0, SIGTERM));
}

TEST(kill_errors)
{
    CHECK_EQ(tsys(init, SYS_kill, 9999L, (long)SIGTERM), -ESRCH);
    CHECK_EQ(tsys(init, SYS_kill, 1L, 64L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_kill, 1L, -1L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_kill, 1L, 0L), 0);
    CHECK_EQ(tsys(init, SYS_kill, -4242L, (long)SIGTERM), -ESRCH);
    CHECK_EQ(tsys(init, SYS_kill, -1L, (long)SIGTERM), -ESRCH);   /* nobody but init */
}

TEST(kill_a_group_and_everyone)
{
    struct proc *a = tspawn(init, "/bin/init");
    struct proc *b = tspawn(init, "/bin/init");
    struct proc *c = tspawn(init, "/bin/init");
    tsys(init, SYS_setpgid, (long)a->pid, 0L);
    tsys(init, SYS_setpgid, (long)b->pid, (long)a->pid);
    CHECK_EQ(tsys(init, SYS_kill, (long)-a->pid, (long)SIGKILL), 0);
    CHECK_EQ(a->state, P_ZOMBIE);
    CHECK_EQ(b->state, P_ZOMBIE);
    CHECK(c->state != P_ZOMBIE);
    CHECK_EQ(reap_status(a), W_EXITCODE(0, SIGKILL));
    CHECK_EQ(reap_status(b), W_EXITCODE(0, SIGKILL));
    /* kill(0) signals the caller's group: c's group is init's */
    set_action(init, SIGUSR1, SIG_IGN, 0, 0);
    CHECK_EQ(tsys(c, SYS_kill, 0L, (long)SIGUSR1), 0);
    CHECK_EQ(c->state, P_ZOMBIE);
    CHECK_EQ(reap_status(c), W_EXITCODE(0, SIGUSR1));
    struct proc *d = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(init, SYS_kill, -1L, (long)SIGTERM), 0);
    CHECK_EQ(reap_status(d), W_EXITCODE(0, SIGTERM));
}

/* Init gets only the signals it has handlers for: a default action (even
 * SIGKILL's or SIGSTOP's) is dropped, from kill(1), from a group kill and
 * from a tty's ^C alike; root's kill succeeds, another user's is EPERM. */
TEST(init_gets_only_the_signals_it_handles)
{
    static const int sigs[] = { SIGKILL, SIGTERM, SIGINT, SIGSTOP, SIGTSTP, SIGHUP,
                                SIGCONT, SIGUSR1 };
    for (size_t i = 0; i < ARRAY_SIZE(sigs); i++) {
        CHECK_EQ(tsys(init, SYS_kill, 1L, (long)sigs[i]), 0);
        CHECK_EQ(init->state, P_RUNNING);
        CHECK_EQ(init->sig_pending, 0);
    }
    struct proc *a = tspawn(init, "/bin/init");    /* in init's group */
    CHECK_EQ(tsys(a, SYS_kill, 1L, (long)SIGKILL), 0);
    CHECK_EQ(tsys(a, SYS_kill, 0L, (long)SIGSTOP), 0);  /* a stops, init not */
    CHECK_EQ(a->state, P_STOPPED);
    CHECK_EQ(init->sig_pending, 0);
    CHECK_EQ(tsys(init, SYS_kill, -1L, (long)SIGCONT), 0);
    kernel_console_input("\x03\x1a", 2);          /* ^C, ^Z to init's group */
    CHECK_EQ(a->state, P_ZOMBIE);
    CHECK_EQ(init->sig_pending, 0);
    CHECK_EQ(reap_status(a), W_EXITCODE(0, SIGINT));

    struct proc *b = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(b, SYS_setuid, 1000L), 0);
    CHECK_EQ(tsys(b, SYS_kill, 1L, (long)SIGKILL), -EPERM);
    CHECK_EQ(tsys(b, SYS_kill, 1L, 0L), -EPERM);
    texit_reap(b, 0);

    /* a handler runs; the signal waits while blocked; once the action is
     * back to the default a pending one is dropped, not acted on */
    set_action(init, SIGTERM, HANDLER, 0, 0);
    CHECK_EQ(tsys(init, SYS_kill, 1L, (long)SIGTERM), 0);
    CHECK_EQ(thandled(init)[0], SIGTERM);
    set_mask(init, SIG_BLOCK, SIGBIT(SIGTERM));
    CHECK_EQ(tsys(init, SYS_kill, 1L, (long)SIGTERM), 0);
    CHECK(init->sig_pending & SIGBIT(SIGTERM));
    set_action(init, SIGTERM, SIG_DFL, 0, 0);
    set_mask(init, SIG_UNBLOCK, SIGBIT(SIGTERM));
    CHECK_EQ(init->state, P_RUNNING);
    CHECK_EQ(init->sig_pending, 0);
    CHECK_EQ(thandled(init)[1], 0);
}

TEST(signal_to_self_is_delivered_on_the_way_out)
{
    struct proc *a = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(a, SYS_kill, (long)a->pid, (long)SIGTERM), 0);
    CHECK_EQ(a->state, P_ZOMBIE);          /* tsys delivered it like a platform */
    CHECK_EQ(reap_status(a), W_EXITCODE(0, SIGTERM));
}

TEST(blocked_signal_waits_for_unblock)
{
    struct proc *a = tspawn(init, "/bin/init");
    set_mask(a, SIG_BLOCK, SIGBIT(SIGTERM));
    CHECK_EQ(tsys(init, SYS_kill, (long)a->pid, (long)SIGTERM), 0);
    CHECK(a->state != P_ZOMBIE);
    k_sigset_t pend;
    uptr up = ubuf(a, sizeof pend);
    CHECK_EQ(tsys(a, SYS_sigpending, (long)up), 0);
    memcpy(&pend, uhost(a, up), sizeof pend);
    CHECK_EQ(pend, SIGBIT(SIGTERM));
    CHECK_EQ(tsys(a, SYS_sigpending, 8L), -EFAULT);
    set_mask(a, SIG_UNBLOCK, SIGBIT(SIGTERM));
    CHECK_EQ(a->state, P_ZOMBIE);
    CHECK_EQ(reap_status(a), W_EXITCODE(0, SIGTERM));
}

TEST(sigprocmask_rules)
{
    k_sigset_t set = SIGBIT(SIGKILL) | SIGBIT(SIGSTOP) | SIGBIT(SIGUSR1), old;
    uptr us = ubytes(init, &set, sizeof set), uo = ubuf(init, sizeof old);
    CHECK_EQ(tsys(init, SYS_sigprocmask, (long)SIG_SETMASK, (long)us, (long)uo), 0);
    CHECK_EQ(init->sig_mask, SIGBIT(SIGUSR1));     /* KILL and STOP cannot be blocked */
    CHECK_EQ(tsys(init, SYS_sigprocmask, 9L, (long)us, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_sigprocmask, 9L, 0L, (long)uo), 0);   /* only asks */
    memcpy(&old, uhost(init, uo), sizeof old);
    CHECK_EQ(old, SIGBIT(SIGUSR1));
    CHECK_EQ(tsys(init, SYS_sigprocmask, (long)SIG_BLOCK, 8L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_sigprocmask, (long)SIG_BLOCK, (long)us, 8L), -EFAULT);
    set_mask(init, SIG_UNBLOCK, SIGBIT(SIGUSR1));
    CHECK_EQ(init->sig_mask, 0);
}

TEST(sigaction_rules)
{
    struct k_sigaction sa = { .sa_handler = HANDLER, .sa_mask = SIGBIT(SIGKILL) | SIGBIT(SIGINT) };
    uptr u = ubytes(init, &sa, sizeof sa), old = ubuf(init, sizeof sa);
    CHECK_EQ(tsys(init, SYS_sigaction, 0L, (long)u, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_sigaction, 32L, (long)u, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGKILL, (long)u, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGSTOP, (long)u, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGKILL, 0L, (long)old), 0);
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGUSR1, 8L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGUSR1, (long)u, 8L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGUSR1, (long)u, (long)old), 0);
    CHECK_EQ(init->sig_action[SIGUSR1].sa_mask, SIGBIT(SIGINT));
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGUSR1, 0L, (long)old), 0);
    CHECK_EQ(((struct k_sigaction *)uhost(init, old))->sa_handler, HANDLER);
}

TEST(handler_runs_with_mask_then_sigreturn_restores)
{
    struct proc *a = tspawn(init, "/bin/init");
    set_action(a, SIGUSR1, HANDLER, 0, SIGBIT(SIGUSR2));
    CHECK_EQ(tsys(init, SYS_kill, (long)a->pid, (long)SIGUSR1), 0);
    CHECK_EQ(a->sig_pending, SIGBIT(SIGUSR1));
    /* the next return to user space delivers it */
    struct sig_delivery d;
    CHECK_EQ(tsys(a, SYS_getpid), a->pid);
    CHECK_EQ(thandled(a)[0], SIGUSR1);
    CHECK_EQ(a->sig_mask, 0);                  /* restored by the fake sigreturn */
    /* by hand: the mask while the handler runs */
    CHECK_EQ(tsys(init, SYS_kill, (long)a->pid, (long)SIGUSR1), 0);
    CHECK_EQ(kernel_signal(a, &d), KSIG_HANDLER);
    CHECK_EQ(d.signo, SIGUSR1);
    CHECK_EQ(d.handler, HANDLER);
    CHECK_EQ(a->sig_mask, SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2));
    CHECK_EQ(kernel_signal(a, &d), KSIG_NONE);
    texit_reap(a, 0);
}

TEST(resethand_and_nodefer)
{
    struct proc *a = tspawn(init, "/bin/init");
    set_action(a, SIGUSR1, HANDLER, SA_RESETHAND | SA_NODEFER, 0);
    struct sig_delivery d;
    tsys(init, SYS_kill, (long)a->pid, (long)SIGUSR1);
    CHECK_EQ(kernel_signal(a, &d), KSIG_HANDLER);
    CHECK_EQ(a->sig_mask, 0);
    CHECK_EQ(a->sig_action[SIGUSR1].sa_handler, SIG_DFL);
    a->sig_mask = 0;
    texit_reap(a, 0);
}

TEST(ignored_signals_are_discarded)
{
    struct proc *a = tspawn(init, "/bin/init");
    set_mask(a, SIG_BLOCK, SIGBIT(SIGUSR1));
    tsys(init, SYS_kill, (long)a->pid, (long)SIGUSR1);
    CHECK_EQ(a->sig_pending, SIGBIT(SIGUSR1));
    set_action(a, SIGUSR1, SIG_IGN, 0, 0);          /* discards the pending one */
    CHECK_EQ(a->sig_pending, 0);
    tsys(init, SYS_kill, (long)a->pid, (long)SIGUSR1);
    tsys(init, SYS_kill, (long)a->pid, (long)SIGCHLD);    /* ignored by default */
    tsys(init, SYS_kill, (long)a->pid, (long)SIGWINCH);
    CHECK_EQ(a->sig_pending, 0);
    texit_reap(a, 0);
}

TEST(signal_interrupts_a_blocked_call_with_eintr)
{
    struct proc *a = tspawn(init, "/bin/init");
    set_action(a, SIGUSR1, HANDLER, 0, 0);
    tprog("/bin/kid");
    struct proc *k = tspawn(a, "/bin/kid");
    CHECK_EQ(tsys(a, SYS_wait4, -1L, 0L, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 1);
    CHECK_EQ(tsys(init, SYS_kill, (long)a->pid, (long)SIGUSR1), 0);
    CHECK_EQ(a->state, P_RUNNABLE);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(tsys(a, SYS_wait4, -1L, 0L, 0L, 0L), -EINTR);
    CHECK_EQ(thandled(a)[0], SIGUSR1);
    texit_reap(k, 0);
    texit_reap(a, 0);
    trm("/bin/kid");
}

TEST(sa_restart_restarts_the_call)
{
    struct proc *a = tspawn(init, "/bin/init");
    set_action(a, SIGUSR1, HANDLER, SA_RESTART, 0);
    struct proc *k = tspawn(a, "/bin/init");
    CHECK_EQ(tsys(a, SYS_wait4, -1L, 0L, 0L, 0L), KERN_BLOCK);
    tsys(init, SYS_kill, (long)a->pid, (long)SIGUSR1);
    CHECK_EQ(tsys(a, SYS_wait4, -1L, 0L, 0L, 0L), KERN_RESTART);
    /* the platform runs the handler, then issues the call afresh */
    CHECK_EQ(thandled(a)[0], SIGUSR1);
    CHECK_EQ(tsys(a, SYS_wait4, -1L, 0L, 0L, 0L), KERN_BLOCK);
    int kpid = k->pid;
    tsys(k, SYS_exit, 0L);
    CHECK_EQ(tsys(a, SYS_wait4, -1L, 0L, 0L, 0L), kpid);
    texit_reap(a, 0);
}

TEST(nanosleep_sleeps_and_is_interrupted)
{
    struct k_timespec ts = { 2, 500000000 };
    uptr req = ubytes(init, &ts, sizeof ts), rem = ubuf(init, sizeof ts);
    CHECK_EQ(tsys(init, SYS_nanosleep, (long)req, (long)rem), KERN_BLOCK);
    CHECK_STR(init->wait_what, "sleep");
    CHECK_EQ(kstats.timers, 1);
    CHECK_EQ(ttimer(), 1000000000ull + 2500000000ull);
    tclock_advance(1000000000ull);                 /* too early */
    CHECK_EQ(init->state, P_BLOCKED);
    tclock_advance(1500000000ull);
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_EQ(tsys(init, SYS_nanosleep, (long)req, (long)rem), 0);
    CHECK_EQ(kstats.timers, 0);
    CHECK_EQ(ttimer(), 0);
    /* interrupted: rem says what was left; never restarted */
    set_action(init, SIGUSR1, HANDLER, SA_RESTART, 0);
    struct proc *a = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(init, SYS_nanosleep, (long)req, (long)rem), KERN_BLOCK);
    tclock_advance(500000000ull);
    CHECK_EQ(tsys(a, SYS_kill, 1L, (long)SIGUSR1), 0);
    CHECK_EQ(tsys(init, SYS_nanosleep, (long)req, (long)rem), -EINTR);
    CHECK_EQ(((struct k_timespec *)uhost(init, rem))->tv_sec, 2);
    CHECK_EQ(((struct k_timespec *)uhost(init, rem))->tv_nsec, 0);
    CHECK_EQ(kstats.timers, 0);
    texit_reap(a, 0);
}

TEST(nanosleep_bad_input)
{
    struct k_timespec bad[] = { { -1, 0 }, { 0, -1 }, { 0, 1000000000 } };
    for (int i = 0; i < 3; i++)
        CHECK_EQ(tsys(init, SYS_nanosleep, (long)ubytes(init, &bad[i], sizeof bad[i]), 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_nanosleep, 8L, 0L), -EFAULT);
    struct k_timespec zero = { 0, 0 }, huge = { INT64_MAX, 0 };
    CHECK_EQ(tsys(init, SYS_nanosleep, (long)ubytes(init, &zero, sizeof zero), 0L), 0);
    /* a kill ends it: a child sleeping "forever" is killed and leaves its timer */
    struct proc *a = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(a, SYS_nanosleep, (long)ubytes(a, &huge, sizeof huge), 0L), KERN_BLOCK);
    CHECK_EQ(kstats.timers, 1);
    CHECK_EQ(tsys(init, SYS_kill, (long)a->pid, (long)SIGKILL), 0);
    CHECK_EQ(kstats.timers, 0);
    CHECK_EQ(reap_status(a), W_EXITCODE(0, SIGKILL));
}

TEST(sched_yield_goes_to_the_back)
{
    struct proc *a = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(init, SYS_sched_yield), KERN_BLOCK);
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK(kernel_next() == a);
    CHECK(kernel_next() == init);
    CHECK_EQ(tsys(init, SYS_sched_yield), 0);      /* the re-issued call */
    kernel_yield(a);
    texit_reap(a, 0);
}

TEST(stop_and_continue)
{
    /* a's own group, which init's links to its session: in init's group,
     * which nobody outside could continue, SIGTSTP would not stop it */
    struct proc *a = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(init, SYS_setpgid, (long)a->pid, 0L), 0);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(a, SYS_wait4, -1L, 0L, 0L, 0L), -ECHILD);
    CHECK_EQ(tsys(init, SYS_kill, (long)a->pid, (long)SIGTSTP), 0);
    CHECK_EQ(a->state, P_STOPPED);
    CHECK_EQ(tsys(init, SYS_wait4, -1L, (long)st, (long)(WNOHANG), 0L), 0);
    CHECK_EQ(tsys(init, SYS_wait4, -1L, (long)st, (long)WUNTRACED, 0L), a->pid);
    CHECK_EQ(*(int *)uhost(init, st), W_STOPCODE(SIGTSTP));
    CHECK_EQ(tsys(init, SYS_wait4, -1L, (long)st, (long)(WUNTRACED | WNOHANG), 0L), 0);
    /* SIGTERM waits while stopped; SIGCONT resumes, then it terminates */
    CHECK_EQ(tsys(init, SYS_kill, (long)a->pid, (long)SIGTERM), 0);
    CHECK_EQ(a->state, P_STOPPED);
    CHECK_EQ(tsys(init, SYS_kill, (long)a->pid, (long)SIGCONT), 0);
    CHECK_EQ(tsys(init, SYS_wait4, -1L, (long)st, (long)WCONTINUED, 0L), a->pid);
    CHECK_EQ(*(int *)uhost(init, st), W_CONTINUED);
    CHECK_EQ(a->state, P_RUNNABLE);
    CHECK_EQ(tsys(a, SYS_getpid), a->pid);         /* the pending TERM lands */
    CHECK_EQ(reap_status(a), W_EXITCODE(0, SIGTERM));
}

TEST(stop_a_blocked_process_and_continue_it)
{
    struct proc *a = tspawn(init, "/bin/init");
    struct proc *k = tspawn(a, "/bin/init");
    CHECK_EQ(tsys(a, SYS_wait4, -1L, 0L, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)a->pid, (long)SIGSTOP), 0);
    CHECK_EQ(a->state, P_STOPPED);
    CHECK_EQ(kstats.waiters, 0);
    int kpid = k->pid;
    tsys(k, SYS_exit, 0L);
    CHECK_EQ(a->state, P_STOPPED);                  /* stays stopped */
    tsys(init, SYS_kill, (long)a->pid, (long)SIGCONT);
    CHECK_EQ(tsys(a, SYS_wait4, -1L, 0L, 0L, 0L), kpid);   /* re-issued */
    /* SIGKILL kills a stopped process */
    tsys(init, SYS_kill, (long)a->pid, (long)SIGSTOP);
    tsys(init, SYS_kill, (long)a->pid, (long)SIGKILL);
    CHECK_EQ(reap_status(a), W_EXITCODE(0, SIGKILL));
}

TEST(stopping_itself_and_sigchld_to_the_parent)
{
    set_action(init, SIGCHLD, HANDLER, 0, 0);
    struct proc *a = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(a, SYS_kill, 0L, 0L), 0);
    CHECK_EQ(tsys(a, SYS_kill, (long)a->pid, (long)SIGSTOP), 0);
    CHECK_EQ(a->state, P_STOPPED);
    CHECK_EQ(init->sig_pending, SIGBIT(SIGCHLD));
    tsys(init, SYS_getpid);
    CHECK_EQ(thandled(init)[0], SIGCHLD);
    /* with SA_NOCLDSTOP, stops do not signal */
    set_action(init, SIGCHLD, HANDLER, SA_NOCLDSTOP, 0);
    tsys(init, SYS_kill, (long)a->pid, (long)SIGCONT);
    CHECK_EQ(init->sig_pending, 0);
    tsys(a, SYS_exit, 0L);
    CHECK_EQ(init->sig_pending, SIGBIT(SIGCHLD));
    CHECK_EQ(reap_status(a), 0);
}

TEST(sigsuspend_waits_for_a_handler)
{
    struct proc *a = tspawn(init, "/bin/init");
    set_action(a, SIGUSR1, HANDLER, 0, 0);
    set_mask(a, SIG_BLOCK, SIGBIT(SIGUSR1));
    k_sigset_t none = 0;
    uptr um = ubytes(a, &none, sizeof none);
    CHECK_EQ(tsys(a, SYS_sigsuspend, (long)um), KERN_BLOCK);
    CHECK_EQ(a->sig_mask, 0);
    tsys(init, SYS_kill, (long)a->pid, (long)SIGUSR1);
    CHECK_EQ(tsys(a, SYS_sigsuspend, (long)um), -EINTR);
    CHECK_EQ(thandled(a)[0], SIGUSR1);
    CHECK_EQ(a->sig_mask, SIGBIT(SIGUSR1));        /* the old mask is back */
    /* a signal already pending ends it at once */
    tsys(init, SYS_kill, (long)a->pid, (long)SIGUSR1);
    CHECK_EQ(tsys(a, SYS_sigsuspend, (long)um), -EINTR);
    CHECK_EQ(thandled(a)[1], SIGUSR1);
    CHECK_EQ(tsys(a, SYS_sigsuspend, 8L), -EFAULT);
    texit_reap(a, 0);
}

TEST(faults_kill_or_run_a_handler)
{
    struct proc *a = tspawn(init, "/bin/init");
    kernel_fault(a, SIGSEGV, true);
    CHECK_EQ(reap_status(a), W_EXITCODE(0, SIGSEGV));
    struct proc *b = tspawn(init, "/bin/init");
    set_action(b, SIGSEGV, HANDLER, 0, 0);
    kernel_fault(b, SIGSEGV, true);
    CHECK_EQ(b->sig_pending, SIGBIT(SIGSEGV));
    tsys(b, SYS_getpid);
    CHECK_EQ(thandled(b)[0], SIGSEGV);
    kernel_fault(b, SIGILL, false);
    CHECK_EQ(reap_status(b), W_EXITCODE(0, SIGILL));
}

TEST(killed_while_blocked_leaves_no_trace)
{
    struct proc *a = tspawn(init, "/bin/init");
    struct proc *k = tspawn(a, "/bin/init");
    CHECK_EQ(tsys(a, SYS_wait4, -1L, 0L, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 1);
    CHECK_EQ(tsys(init, SYS_kill, (long)a->pid, (long)SIGKILL), 0);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(k->parent, init);
    CHECK_EQ(reap_status(a), W_EXITCODE(0, SIGKILL));
    texit_reap(k, 0);
}
