/*
 * sigcatch.c - catch signals and say so: a demo of signal handlers.
 *
 *   sigcatch [-s] [-n COUNT] SIG...
 *                                 install a handler for each SIG (names like
 *                                 USR1 or numbers), print "ready", then wait;
 *                                 each signal caught prints "caught SIG";
 *                                 exit after COUNT signals (default 1)
 *   -s                            wait by computing, without a system call:
 *                                 the handler runs wherever the program is
 *                                 when it is stopped (arm64's timer, or a
 *                                 preemption point of the web target)
 *
 *   $ sigcatch USR1 &
 *   ready
 *   $ kill -USR1 $!
 *   caught USR1
 *
 * A signal sent before "ready" may arrive before the handler is installed,
 * and then kills sigcatch (its default action): wait for "ready".
 *
 * The handler only records the signal (the classic safe pattern: handlers
 * may run at any system call, or anywhere); the main loop prints, from
 * sigsuspend or, with -s, from its spin.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t caught[NSIG];

static volatile sig_atomic_t any;

static void handler(int sig)
{
    caught[sig]++;
    any = 1;
}

static int signal_number(const char *s)
{
    if (strncmp(s, "SIG", 3) == 0)
        s += 3;
    char *end;
    long n = strtol(s, &end, 10);
    if (*s && *end == '\0')
        return n > 0 && n < NSIG ? (int)n : -1;
    for (int i = 1; i < NSIG; i++) {
        const char *name = sys_signame[i];
        if (name && strcmp(name, s) == 0)
            return i;
    }
    return -1;
}

int main(int argc, char **argv)
{
    int count = 1, spin = 0, opt;
    while ((opt = getopt(argc, argv, "sn:")) != -1) {
        if (opt == 's') {
            spin = 1;
        } else if (opt != 'n' || (count = atoi(optarg)) <= 0) {
            fprintf(stderr, "usage: sigcatch [-s] [-n COUNT] SIG...\n");
            return 2;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "usage: sigcatch [-s] [-n COUNT] SIG...\n");
        return 2;
    }
    sigset_t block, old;
    sigemptyset(&block);
    for (int i = optind; i < argc; i++) {
        int sig = signal_number(argv[i]);
        struct sigaction sa = { .sa_handler = handler };
        if (sig < 0 || sigaction(sig, &sa, NULL) < 0) {
            fprintf(stderr, "sigcatch: %s: invalid signal\n", argv[i]);
            return 1;
        }
        sigaddset(&block, sig);
    }
    /* Block them until sigsuspend, so none is missed between checks. */
    if (!spin)
        sigprocmask(SIG_BLOCK, &block, &old);
    printf("ready\n");
    fflush(stdout);
    for (int seen = 0; seen < count;) {
        if (spin) {
            while (!any)
                ;
            any = 0;
        } else {
            sigsuspend(&old);
        }
        for (int s = 1; s < NSIG; s++) {
            for (; caught[s] > 0; caught[s]--, seen++)
                printf("caught %s\n", sys_signame[s]);
        }
        fflush(stdout);
    }
    return 0;
}
