/*
 * signal.c - signals: sigaction and signal, masks and sets, kill and
 * raise, waiting for a signal.
 *
 * How a handler runs. The kernel records one handler address per signal
 * and the platform calls it with the signal number alone. The library
 * registers its own dispatcher, __dx_sigdispatch, for every signal the
 * program catches, and keeps the program's handlers in a table here. The
 * dispatcher calls the right one with the right arguments - (signo), or
 * (signo, &info, NULL) for SA_SIGINFO - and saves errno around it. So the
 * platforms never need to know a handler's signature (on wasm32 a call
 * with the wrong one traps), and SA_SIGINFO handlers get a valid siginfo_t:
 * the kernel is never told SA_SIGINFO, every handler it knows takes one int.
 * The kernel stays the authority on the disposition: SIG_DFL, SIG_IGN, or
 * "caught", which is when the table is consulted.
 *
 * Where a handler returns to is the target's business: sa_restorer is set
 * to __dx_sig_restorer (arch/<target>/).
 */
#include "libc.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>

/* The program's handlers, for the signals whose kernel handler is the
 * dispatcher. */
static struct {
    void (*fn)(int);                          /* or, with SA_SIGINFO: */
    void (*info_fn)(int, siginfo_t *, void *);
} handlers[NSIG];

static bool valid_signal(int sig)
{
    return sig > 0 && sig < NSIG;
}

void __dx_sigdispatch(int signo)
{
    int saved = errno;

    if (valid_signal(signo)) {
        if (handlers[signo].info_fn != NULL) {
            siginfo_t info;
            memset(&info, 0, sizeof info);
            info.si_signo = signo;
            info.si_code = SI_USER;
            handlers[signo].info_fn(signo, &info, NULL);
        } else if (handlers[signo].fn != NULL) {
            handlers[signo].fn(signo);
        }
    }
    errno = saved;
}

static bool is_disposition(void (*h)(int))
{
    return h == SIG_DFL || h == SIG_IGN;
}

/* The program's view of a kernel action. */
static void from_kernel(int sig, const struct k_sigaction *k, struct sigaction *sa)
{
    memset(sa, 0, sizeof *sa);
    sa->sa_mask.__bits = k->sa_mask;
    sa->sa_flags = (int)k->sa_flags;
    if (k->sa_handler == (uint64_t)(uintptr_t)__dx_sigdispatch) {
        if (handlers[sig].info_fn != NULL) {
            sa->sa_sigaction = handlers[sig].info_fn;
            sa->sa_flags |= SA_SIGINFO;
        } else {
            sa->sa_handler = handlers[sig].fn;
        }
    } else {
        /* SIG_DFL, SIG_IGN, or a handler someone set without us */
        sa->sa_handler = (void (*)(int))(uintptr_t)k->sa_handler;
    }
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
    struct k_sigaction knew, kold;
    bool info = false;

    if (!valid_signal(sig)) {
        errno = EINVAL;
        return -1;
    }
    /* Read the old action first: the table is about to change. */
    if (old != NULL) {
        long r = sys3(SYS_sigaction, sig, 0, P(&kold));
        if (sys_ret(r) < 0)
            return -1;
        from_kernel(sig, &kold, old);
    }
    if (act == NULL)
        return 0;

    memset(&knew, 0, sizeof knew);
    knew.sa_mask = act->sa_mask.__bits;
    knew.sa_flags = (uint32_t)act->sa_flags & ~SA_SIGINFO;
    knew.sa_restorer = __dx_sig_restorer;
    info = (act->sa_flags & SA_SIGINFO) != 0;
    if (!info && is_disposition(act->sa_handler)) {
        knew.sa_handler = (uint64_t)(uintptr_t)act->sa_handler;
    } else {
        handlers[sig].fn = info ? NULL : act->sa_handler;
        handlers[sig].info_fn = info ? act->sa_sigaction : NULL;
        knew.sa_handler = (uint64_t)(uintptr_t)__dx_sigdispatch;
    }
    return (int)sys_ret(sys3(SYS_sigaction, sig, P(&knew), 0));
}

/* BSD semantics, as glibc's signal(): the handler stays installed and
 * interrupted system calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    if (sigaction(sig, &sa, &old) < 0)
        return SIG_ERR;
    return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
    return (int)sys_ret(sys3(SYS_sigprocmask, how,
                             set != NULL ? P(&set->__bits) : 0,
                             old != NULL ? P(&old->__bits) : 0));
}

int sigpending(sigset_t *set)
{
    return (int)sys_ret(sys1(SYS_sigpending, P(&set->__bits)));
}

/* Always returns -1: EINTR once a handler has run. */
int sigsuspend(const sigset_t *mask)
{
    return (int)sys_ret(sys1(SYS_sigsuspend, P(&mask->__bits)));
}

int pause(void)
{
    sigset_t cur;
    if (sigprocmask(SIG_BLOCK, NULL, &cur) < 0)
        return -1;
    return sigsuspend(&cur);
}

int kill(pid_t pid, int sig)
{
    return (int)sys_ret(sys2(SYS_kill, pid, sig));
}

int killpg(pid_t pgrp, int sig)
{
    if (pgrp <= 1) {
        errno = EINVAL;
        return -1;
    }
    return kill(-pgrp, sig);
}

/* The kernel delivers a signal to the caller before the system call
 * returns, so a handler has run by the time raise() does. */
int raise(int sig)
{
    return kill(getpid(), sig);
}

/* ---- signal sets ---------------------------------------------------------- */

int sigemptyset(sigset_t *set)
{
    set->__bits = 0;
    return 0;
}

int sigfillset(sigset_t *set)
{
    set->__bits = ((uint64_t)1 << (NSIG - 1)) - 1;
    return 0;
}

int sigaddset(sigset_t *set, int sig)
{
    if (!valid_signal(sig)) {
        errno = EINVAL;
        return -1;
    }
    set->__bits |= SIGBIT(sig);
    return 0;
}

int sigdelset(sigset_t *set, int sig)
{
    if (!valid_signal(sig)) {
        errno = EINVAL;
        return -1;
    }
    set->__bits &= ~SIGBIT(sig);
    return 0;
}

int sigismember(const sigset_t *set, int sig)
{
    if (!valid_signal(sig)) {
        errno = EINVAL;
        return -1;
    }
    return (set->__bits & SIGBIT(sig)) != 0;
}
