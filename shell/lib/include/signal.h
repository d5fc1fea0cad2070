/*
 * signal.h - signals: the 31 standard ones with Linux's numbers
 * (kernel/uapi/signal.h), handlers, masks.
 *
 * A handler set with sigaction() is called with the signal number; with
 * SA_SIGINFO it is called with a siginfo_t the library fills in (only
 * si_signo and si_code = SI_USER are meaningful: the kernel passes no more).
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include "../../../kernel/uapi/signal.h"

/* The kernel's SIG_DFL and SIG_IGN are plain numbers; here they are
 * handlers, as POSIX has them. */
#undef SIG_DFL
#undef SIG_IGN
typedef void (*sighandler_t)(int);
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

typedef int sig_atomic_t;

/* Signal n is bit n-1, as in the kernel's k_sigset_t. */
typedef struct {
    uint64_t __bits;
} sigset_t;

#define SI_USER 0

typedef struct {
    int   si_signo;
    int   si_errno;
    int   si_code;
    pid_t si_pid;
    uid_t si_uid;
    int   si_status;
    void *si_addr;
} siginfo_t;

struct sigaction {
    union {
        void (*sa_handler)(int);
        void (*sa_sigaction)(int, siginfo_t *, void *);
    };
    sigset_t sa_mask;
    int      sa_flags;
    void   (*sa_restorer)(void);     /* ignored: the library sets its own */
};

sighandler_t signal(int sig, sighandler_t handler);
int  sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int  sigprocmask(int how, const sigset_t *set, sigset_t *old);
int  sigpending(sigset_t *set);
int  sigsuspend(const sigset_t *mask);
int  sigemptyset(sigset_t *set);
int  sigfillset(sigset_t *set);
int  sigaddset(sigset_t *set, int sig);
int  sigdelset(sigset_t *set, int sig);
int  sigismember(const sigset_t *set, int sig);
int  raise(int sig);
int  kill(pid_t pid, int sig);
int  killpg(pid_t pgrp, int sig);

/* Names and descriptions, for kill -l and messages: see signame.c.
 * sys_signame[n] is the name without "SIG" ("INT"), sys_siglist[n] the
 * description ("Interrupt"); both are NULL for 0. */
extern const char *const sys_signame[NSIG];
extern const char *const sys_siglist[NSIG];
#define SIG2STR_MAX 32
int  sig2str(int sig, char *str);           /* 2 -> "INT" */
int  str2sig(const char *str, int *sig);    /* "INT", "SIGINT" or "2" -> 2 */
char *strsignal(int sig);
void psignal(int sig, const char *s);

/* How a process is told of an event (mq_notify): a signal, or nothing. */
#include "../../../kernel/uapi/mqueue.h"       /* SIGEV_* */
union sigval {
    int   sival_int;
    void *sival_ptr;
};
struct sigevent {
    int          sigev_notify;                 /* SIGEV_SIGNAL, SIGEV_NONE */
    int          sigev_signo;
    union sigval sigev_value;
    void       (*sigev_notify_function)(union sigval);   /* SIGEV_THREAD: not had */
    void        *sigev_notify_attributes;
};

#endif
