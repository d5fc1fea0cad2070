/*
 * signal.c - signals: what is sent, what is pending, and default actions.
 *
 * The kernel records signals and carries out default actions (terminate,
 * stop, continue, ignore). Running a handler means changing what the process
 * executes next, which only the platform can do: before it returns to a
 * process in user mode it calls kernel_signal, which picks the next pending,
 * unblocked signal and says which handler to run with which mask.
 *
 * A signal sent to a process blocked in a system call takes it off its wait
 * queue and marks it `interrupted`; when the platform re-issues the call,
 * syscall.c turns that into -EINTR or, for SA_RESTART handlers, KERN_RESTART
 * (run the handler, then issue the call again).
 *
 * Default terminations and stops of a process that is not running happen at
 * once, in signal_send: a process killed while blocked leaves its wait queue
 * in that same call.
 *
 * Process 1 gets only the signals it has handlers for, as on Linux (its
 * SIGNAL_UNKILLABLE): one whose action would be the default - SIGKILL and
 * SIGSTOP included - is dropped when sent, whoever sends it and however
 * (kill(1), kill(-pgid), a tty's ^C). If init died, there would be no one
 * left to reap orphans; the kernel panics if it ever exits.
 */
#include "kernel.h"

enum sigdefault { ACT_TERM, ACT_IGN, ACT_STOP, ACT_CONT };

static enum sigdefault default_action(int sig)
{
    switch (sig) {
    case SIGCHLD: case SIGURG: case SIGWINCH:
        return ACT_IGN;
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
        return ACT_STOP;
    case SIGCONT:
        return ACT_CONT;
    default:
        return ACT_TERM;
    }
}

#define STOP_SIGS   (SIGBIT(SIGSTOP) | SIGBIT(SIGTSTP) | SIGBIT(SIGTTIN) | SIGBIT(SIGTTOU))
#define UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

static bool valid_sig(int sig) { return sig >= 1 && sig < NSIG; }

static bool has_handler(struct proc *p, int sig)
{
    uint64_t h = p->sig_action[sig].sa_handler;
    return h != SIG_DFL && h != SIG_IGN;
}

/* Init's default actions never happen (see the top of the file). */
static bool init_spared(struct proc *p, int sig)
{
    return p->pid == 1 && !has_handler(p, sig);
}

bool sig_is_ignored(struct proc *p, int sig)
{
    uint64_t h = p->sig_action[sig].sa_handler;
    return h == SIG_IGN || (h == SIG_DFL && default_action(sig) == ACT_IGN);
}

/* A child starts with its parent's mask and ignored signals; handlers do
 * not survive (the child runs a new program). */
void signal_init_proc(struct proc *p, struct proc *parent)
{
    memset(p->sig_action, 0, sizeof p->sig_action);
    p->sig_pending = 0;
    p->sig_mask = parent ? parent->sig_mask : 0;
    if (parent)
        for (int s = 1; s < NSIG; s++)
            if (parent->sig_action[s].sa_handler == SIG_IGN)
                p->sig_action[s].sa_handler = SIG_IGN;
}

void signal_exec_reset(struct proc *p)
{
    for (int s = 1; s < NSIG; s++) {
        if (has_handler(p, s))
            memset(&p->sig_action[s], 0, sizeof p->sig_action[s]);
        p->sig_action[s].sa_flags = 0;
    }
}

static void proc_stop(struct proc *p, int sig)
{
    if (p->state == P_STOPPED)
        return;
    sched_detach(p);
    p->state = P_STOPPED;
    p->report = W_STOPCODE(sig);
    proc_notify_parent(p);
}

static void proc_continue(struct proc *p)
{
    p->sig_pending &= ~STOP_SIGS;
    if (p->state != P_STOPPED)
        return;
    make_runnable(p);
    p->report = W_CONTINUED;
    proc_notify_parent(p);
}

/* POSIX: a process of an orphaned group does not stop at SIGTSTP, SIGTTIN
 * or SIGTTOU, since no one could continue it; SIGSTOP always stops. */
static bool may_stop(struct proc *p, int sig)
{
    return sig == SIGSTOP || !pgrp_orphaned(p->pgid);
}

/* The default action of sig for p, which is not running, happens now. */
static void act_now(struct proc *p, int sig)
{
    switch (default_action(sig)) {
    case ACT_TERM:
        if (p->state != P_STOPPED || sig == SIGKILL)
            proc_exit(p, W_EXITCODE(0, sig));
        return;
    case ACT_STOP:
        p->sig_pending &= ~SIGBIT(sig);
        if (may_stop(p, sig))
            proc_stop(p, sig);
        return;
    default:
        p->sig_pending &= ~SIGBIT(sig);
        return;
    }
}

int signal_send(struct proc *p, int sig)
{
    if (!valid_sig(sig))
        return sig == 0 ? 0 : -EINVAL;
    if (p->state == P_ZOMBIE || p->state == P_UNUSED || p->state == P_EMBRYO)
        return 0;
    if (init_spared(p, sig))
        return 0;
    if (sig == SIGCONT)
        proc_continue(p);
    if (STOP_SIGS & SIGBIT(sig))
        p->sig_pending &= ~SIGBIT(SIGCONT);
    if (sig_is_ignored(p, sig) && sig != SIGKILL && sig != SIGSTOP)
        return 0;
    p->sig_pending |= SIGBIT(sig);
    if (p->state == P_RUNNING)
        return 0;                       /* kernel_signal sees it on the way out */
    if ((p->sig_mask & SIGBIT(sig)) && !(UNBLOCKABLE & SIGBIT(sig)))
        return 0;
    if (sig == SIGKILL || !has_handler(p, sig)) {
        act_now(p, sig);
        return 0;
    }
    if (p->state == P_BLOCKED) {        /* a handler is due: interrupt the call */
        p->interrupted = true;
        wakeup_proc(p);
    }
    return 0;
}

int signal_send_group(int pgid, int sig)
{
    int found = 0;
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->state == P_UNUSED || p->state == P_EMBRYO || p->state == P_ZOMBIE ||
            p->pgid != pgid)
            continue;
        found++;
        signal_send(p, sig);
    }
    return found ? 0 : -ESRCH;
}

static k_sigset_t due_handlers(struct proc *p)
{
    k_sigset_t due = p->sig_pending & ~p->sig_mask, h = 0;
    for (int s = 1; s < NSIG; s++)
        if ((due & SIGBIT(s)) && has_handler(p, s))
            h |= SIGBIT(s);
    return h;
}

bool signal_should_interrupt(struct proc *p) { return due_handlers(p) != 0; }

bool signal_restart_ok(struct proc *p)
{
    k_sigset_t h = due_handlers(p);
    for (int s = 1; s < NSIG; s++)
        if ((h & SIGBIT(s)) && !(p->sig_action[s].sa_flags & SA_RESTART))
            return false;
    return true;
}

/* Lowest pending unblocked signal, SIGKILL first; 0 if none. */
static int next_signal(struct proc *p)
{
    k_sigset_t due = p->sig_pending & (~p->sig_mask | UNBLOCKABLE);
    if (!due)
        return 0;               /* the usual case, after every system call */
    if (due & SIGBIT(SIGKILL))
        return SIGKILL;
    for (int s = 1; s < NSIG; s++)
        if (due & SIGBIT(s))
            return s;
    return 0;
}

static void fill_delivery(struct proc *p, int sig, struct sig_delivery *d)
{
    struct k_sigaction *sa = &p->sig_action[sig];
    d->signo = sig;
    d->flags = sa->sa_flags;
    d->handler = (uptr)sa->sa_handler;
    d->restorer = (uptr)sa->sa_restorer;
    d->saved_mask = p->sig_mask;
    if (p->call.sigsuspend) {           /* sigreturn must undo sigsuspend's mask */
        d->saved_mask = p->call.saved_mask;
        p->call.sigsuspend = false;
    }
    p->sig_mask |= sa->sa_mask;
    if (!(sa->sa_flags & SA_NODEFER))
        p->sig_mask |= SIGBIT(sig);
    p->sig_mask &= ~UNBLOCKABLE;
    if (sa->sa_flags & SA_RESETHAND)
        memset(sa, 0, sizeof *sa);
}

int kernel_signal(struct proc *p, struct sig_delivery *d)
{
    for (;;) {
        int sig = next_signal(p);
        if (!sig)
            return KSIG_NONE;
        p->sig_pending &= ~SIGBIT(sig);
        if (has_handler(p, sig) && sig != SIGKILL && sig != SIGSTOP) {
            fill_delivery(p, sig, d);
            return KSIG_HANDLER;
        }
        if (p->sig_action[sig].sa_handler == SIG_IGN && sig != SIGKILL && sig != SIGSTOP)
            continue;
        if (init_spared(p, sig))        /* pending while it had a handler */
            continue;
        switch (default_action(sig)) {
        case ACT_TERM:
            proc_exit(p, W_EXITCODE(0, sig));
            return KSIG_EXIT;
        case ACT_STOP:
            if (!may_stop(p, sig))
                continue;
            proc_stop(p, sig);
            return KSIG_STOP;
        default:
            continue;
        }
    }
}

void kernel_fault(struct proc *p, int sig, bool can_handle)
{
    KASSERT(valid_sig(sig));
    if (can_handle && has_handler(p, sig) && !(p->sig_mask & SIGBIT(sig))) {
        p->sig_pending |= SIGBIT(sig);
        return;
    }
    proc_exit(p, W_EXITCODE(0, sig));
}

/* ---- system calls ------------------------------------------------------- */

long sys_sigaction(struct proc *p, const long *a)
{
    int sig = (int)a[0];
    struct k_sigaction act;
    if (!valid_sig(sig))
        return -EINVAL;
    if (a[1] && (sig == SIGKILL || sig == SIGSTOP))
        return -EINVAL;
    if (a[1] && copyin(p, &act, (uptr)a[1], sizeof act) < 0)
        return -EFAULT;
    if (a[2] && copyout(p, (uptr)a[2], &p->sig_action[sig], sizeof act) < 0)
        return -EFAULT;
    if (a[1]) {
        act.sa_mask &= ~UNBLOCKABLE;
        p->sig_action[sig] = act;
        if (sig_is_ignored(p, sig))     /* POSIX: a pending one is discarded */
            p->sig_pending &= ~SIGBIT(sig);
    }
    return 0;
}

long sys_sigprocmask(struct proc *p, const long *a)
{
    int how = (int)a[0];
    k_sigset_t set = 0, old = p->sig_mask;
    if (a[1]) {
        if (how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
            return -EINVAL;
        if (copyin(p, &set, (uptr)a[1], sizeof set) < 0)
            return -EFAULT;
    }
    if (a[2] && copyout(p, (uptr)a[2], &old, sizeof old) < 0)
        return -EFAULT;
    if (a[1]) {
        if (how == SIG_BLOCK)
            p->sig_mask |= set;
        else if (how == SIG_UNBLOCK)
            p->sig_mask &= ~set;
        else
            p->sig_mask = set;
        p->sig_mask &= ~UNBLOCKABLE;
    }
    return 0;
}

long sys_sigpending(struct proc *p, const long *a)
{
    k_sigset_t set = p->sig_pending & p->sig_mask;
    return copyout(p, (uptr)a[0], &set, sizeof set) < 0 ? -EFAULT : 0;
}

/* Wait with a temporary mask until a handler runs; always -EINTR. The old
 * mask is kept in p->call and comes back when the handler returns. */
long sys_sigsuspend(struct proc *p, const long *a)
{
    if (!p->restarted) {
        k_sigset_t set;
        if (copyin(p, &set, (uptr)a[0], sizeof set) < 0)
            return -EFAULT;
        p->call.saved_mask = p->sig_mask;
        p->call.sigsuspend = true;
        p->sig_mask = set & ~UNBLOCKABLE;
    }
    if (next_signal(p))
        return -EINTR;
    return sleep_on(p, NULL, "sigsuspend");
}

/* The handler has returned: restore the mask it ran with. The platform
 * restores the registers itself. */
long sys_sigreturn(struct proc *p, const long *a)
{
    k_sigset_t mask = ((k_sigset_t)(uint32_t)a[1] << 32) | (uint32_t)a[0];
    p->sig_mask = mask & ~UNBLOCKABLE;
    return 0;
}
