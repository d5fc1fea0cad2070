/*
 * test_signal.c - sigaction through the library's dispatcher: what the
 * kernel is told, what the program gets back, handlers running with the
 * right arguments and errno kept, signal(), masks and sets, raise, kill,
 * abort, and the names of signals.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"
#include "harness.h"

static int got_sig, calls;
static void on_signal(int sig)
{
    got_sig = sig;
    calls++;
    errno = EIO;                 /* the dispatcher must put errno back */
}

static int info_signo, info_code;
static void *info_ctx = (void *)1;
static void on_info(int sig, siginfo_t *info, void *ctx)
{
    got_sig = sig;
    info_signo = info->si_signo;
    info_code = info->si_code;
    info_ctx = ctx;
}

TEST(sigaction_registers_the_dispatcher)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    sa.sa_flags = SA_RESTART;
    CHECK_EQ(sigaction(SIGUSR1, &sa, &old), 0);
    CHECK(old.sa_handler == SIG_DFL);

    const struct k_sigaction *k = fk_sigaction(SIGUSR1);
    CHECK(k->sa_handler == (uint64_t)(uintptr_t)__dx_sigdispatch);
    CHECK_EQ(k->sa_flags, SA_RESTART);
    CHECK_EQ(k->sa_mask, SIGBIT(SIGUSR2));
    CHECK_EQ(k->sa_restorer, 0x5151);              /* the target's restorer */

    CHECK_EQ(sigaction(SIGUSR1, NULL, &old), 0);   /* the program's view */
    CHECK(old.sa_handler == on_signal);
    CHECK_EQ(old.sa_flags, SA_RESTART);
    CHECK(sigismember(&old.sa_mask, SIGUSR2));
}

TEST(handlers_run_with_errno_kept)
{
    signal(SIGUSR1, on_signal);
    errno = ENOENT;
    CHECK_EQ(raise(SIGUSR1), 0);
    CHECK_EQ(got_sig, SIGUSR1);
    CHECK_EQ(calls, 1);
    CHECK_EQ(errno, ENOENT);
    CHECK_EQ(fk_last_kill_pid(), FK_PID);
}

TEST(siginfo_handlers)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO;
    CHECK_EQ(sigaction(SIGTERM, &sa, NULL), 0);
    CHECK_EQ(fk_sigaction(SIGTERM)->sa_flags & SA_SIGINFO, 0);   /* kernel: one int */
    raise(SIGTERM);
    CHECK_EQ(got_sig, SIGTERM);
    CHECK_EQ(info_signo, SIGTERM);
    CHECK_EQ(info_code, SI_USER);
    CHECK(info_ctx == NULL);
    CHECK_EQ(sigaction(SIGTERM, NULL, &old), 0);
    CHECK(old.sa_sigaction == on_info);
    CHECK(old.sa_flags & SA_SIGINFO);

    sa.sa_handler = on_signal;                     /* back to a plain handler */
    sa.sa_flags = 0;
    sigaction(SIGTERM, &sa, &old);
    CHECK(old.sa_sigaction == on_info);
    raise(SIGTERM);
    CHECK_EQ(calls, 1);
}

TEST(signal_dispositions)
{
    CHECK(signal(SIGINT, SIG_IGN) == SIG_DFL);
    CHECK_EQ(fk_sigaction(SIGINT)->sa_handler, 1);  /* SIG_IGN as is */
    CHECK(signal(SIGINT, on_signal) == SIG_IGN);
    CHECK(fk_sigaction(SIGINT)->sa_flags & SA_RESTART);
    CHECK(signal(SIGINT, SIG_DFL) == on_signal);
    CHECK_EQ(fk_sigaction(SIGINT)->sa_handler, 0);
    errno = 0;
    CHECK(signal(SIGKILL, on_signal) == SIG_ERR);
    CHECK_EQ(errno, EINVAL);
    CHECK(signal(0, on_signal) == SIG_ERR);
    CHECK(signal(NSIG, on_signal) == SIG_ERR);
    raise(SIGCHLD);                                /* ignored by default */
}

TEST(masks_and_pending)
{
    sigset_t set, old, pend;
    signal(SIGUSR1, on_signal);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK_EQ(sigprocmask(SIG_BLOCK, &set, &old), 0);
    CHECK_EQ(fk_sigmask(), SIGBIT(SIGUSR1));
    raise(SIGUSR1);
    CHECK_EQ(calls, 0);                            /* blocked: pending */
    CHECK_EQ(sigpending(&pend), 0);
    CHECK(sigismember(&pend, SIGUSR1));
    CHECK_EQ(sigprocmask(SIG_SETMASK, &old, NULL), 0);
    CHECK_EQ(calls, 1);                            /* delivered on unblocking */

    sigprocmask(SIG_BLOCK, &set, NULL);
    raise(SIGUSR1);
    sigset_t none;
    sigemptyset(&none);
    errno = 0;
    CHECK_EQ(sigsuspend(&none), -1);
    CHECK_EQ(errno, EINTR);
    CHECK_EQ(calls, 2);
    CHECK_EQ(fk_sigmask(), SIGBIT(SIGUSR1));       /* mask restored */
    CHECK_EQ(pause(), -1);
}

TEST(signal_sets)
{
    sigset_t s;
    sigfillset(&s);
    for (int sig = 1; sig < NSIG; sig++)
        CHECK_EQ(sigismember(&s, sig), 1);
    sigdelset(&s, SIGINT);
    CHECK_EQ(sigismember(&s, SIGINT), 0);
    sigemptyset(&s);
    CHECK_EQ(s.__bits, 0);
    CHECK_EQ(sigaddset(&s, SIGSYS), 0);
    CHECK_EQ(s.__bits, 1ULL << 30);
    errno = 0;
    CHECK_EQ(sigaddset(&s, 0), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(sigismember(&s, 32), -1);
    CHECK_EQ(sigdelset(&s, -1), -1);
}

TEST(kill_and_killpg)
{
    CHECK_EQ(kill(5, SIGTERM), 0);
    CHECK_EQ(fk_last_kill_pid(), 5);
    CHECK_EQ(fk_last_kill_sig(), SIGTERM);
    CHECK_EQ(killpg(9, SIGHUP), 0);
    CHECK_EQ(fk_last_kill_pid(), -9);
    errno = 0;
    CHECK_EQ(killpg(1, SIGHUP), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(kill(1, 99), -1);
    CHECK_EQ(errno, EINVAL);
}

static void handler_returns(int sig) { (void)sig; }

static void abort_with_handler(void)
{
    signal(SIGABRT, handler_returns);
    abort();
}

static void abort_blocked(void)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGABRT);
    sigprocmask(SIG_BLOCK, &s, NULL);
    abort();
}

static void default_term(void)
{
    raise(SIGTERM);
}

TEST(abort_always_dies)
{
    CHECK_EQ(t_in_child(abort_with_handler), 1000 + SIGABRT);
    CHECK_EQ(t_in_child(abort_blocked), 1000 + SIGABRT);
    CHECK_EQ(t_in_child(default_term), 1000 + SIGTERM);
}

TEST(signal_names)
{
    char name[SIG2STR_MAX];
    CHECK_EQ(sig2str(SIGINT, name), 0);
    CHECK_STR(name, "INT");
    CHECK_EQ(sig2str(SIGWINCH, name), 0);
    CHECK_STR(name, "WINCH");
    CHECK_EQ(sig2str(0, name), -1);
    CHECK_EQ(sig2str(NSIG, name), -1);

    int sig = 0;
    CHECK_EQ(str2sig("TERM", &sig), 0);
    CHECK_EQ(sig, SIGTERM);
    CHECK_EQ(str2sig("SIGKILL", &sig), 0);
    CHECK_EQ(sig, SIGKILL);
    CHECK_EQ(str2sig("hup", &sig), 0);
    CHECK_EQ(sig, SIGHUP);
    CHECK_EQ(str2sig("9", &sig), 0);
    CHECK_EQ(sig, 9);
    CHECK_EQ(str2sig("99", &sig), -1);
    CHECK_EQ(str2sig("9x", &sig), -1);
    CHECK_EQ(str2sig("NOPE", &sig), -1);

    for (int s = 1; s < NSIG; s++)
        CHECK(sys_signame[s] != NULL && sys_siglist[s] != NULL);
    CHECK_STR(strsignal(SIGSEGV), "Segmentation fault");
    CHECK_STR(strsignal(SIGINT), "Interrupt");
    CHECK_STR(strsignal(64), "Unknown signal 64");
    psignal(SIGPIPE, "writer");
    CHECK_STR(fk_out(2), "writer: Broken pipe\n");
}
