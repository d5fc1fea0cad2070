/*
 * uapi/signal.h - the 31 standard signals (Linux numbering), sigaction flags
 * and the structure the sigaction system call reads and writes.
 *
 * A signal set is a 64-bit mask; signal n is bit n-1.
 */
#ifndef DUPLEX_UAPI_SIGNAL_H
#define DUPLEX_UAPI_SIGNAL_H

#include "types.h"

#define SIGHUP     1
#define SIGINT     2
#define SIGQUIT    3
#define SIGILL     4
#define SIGTRAP    5
#define SIGABRT    6
#define SIGBUS     7
#define SIGFPE     8
#define SIGKILL    9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGSTKFLT 16
#define SIGCHLD   17
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGIO     29
#define SIGPWR    30
#define SIGSYS    31
#define NSIG      32     /* one more than the highest signal */

#define SIG_DFL   0
#define SIG_IGN   1

#define SA_NOCLDSTOP 0x00000001u
#define SA_NOCLDWAIT 0x00000002u
#define SA_SIGINFO   0x00000004u
#define SA_RESTART   0x10000000u
#define SA_NODEFER   0x40000000u
#define SA_RESETHAND 0x80000000u

#define SIG_BLOCK    0
#define SIG_UNBLOCK  1
#define SIG_SETMASK  2

#define SIGBIT(sig)  ((k_sigset_t)1 << ((sig) - 1))

/* What sigaction() passes; handler and restorer are user addresses. */
struct k_sigaction {
    uint64_t sa_handler;
    uint64_t sa_mask;
    uint32_t sa_flags;
    uint32_t sa_pad;
    uint64_t sa_restorer;
};

#endif
