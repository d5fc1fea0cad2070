/*
 * timeout - run a command with a time limit.
 *
 *   timeout [-s SIGNAL] [-k DURATION] [--preserve-status] [--foreground] DURATION COMMAND [ARG...]
 *
 * As GNU's: COMMAND runs; if it is still running after DURATION (a
 * number, with s m h or d; 0 means no limit), it gets SIGNAL (TERM), and
 * with -k, KILL that much later. The status is COMMAND's, or 124 if the
 * time ran out (with --preserve-status, COMMAND's even then); 125 if
 * timeout itself failed, 126 if COMMAND could not run, 127 if it was not
 * found. --foreground is accepted.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "util/util.h"

extern char **environ;

static double duration(const char *s)
{
    char *end;
    double d = strtod(s, &end);
    if (end == s || d < 0)
        goto bad;
    switch (*end) {
    case '\0': case 's': break;
    case 'm': d *= 60; break;
    case 'h': d *= 3600; break;
    case 'd': d *= 86400; break;
    default: goto bad;
    }
    if (*end && end[1])
        goto bad;
    return d;
bad:
    fprintf(stderr, "timeout: invalid time interval '%s'\n", s);
    exit(125);
}

static const struct { const char *name; int sig; } names[] = {
        { "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "KILL", SIGKILL },
        { "TERM", SIGTERM }, { "USR1", SIGUSR1 }, { "USR2", SIGUSR2 }, { "ALRM", SIGALRM },
        { "CONT", SIGCONT }, { "STOP", SIGSTOP },
};

static const char *signal_name(int sig)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].sig == sig)
            return names[i].name;
    return "?";
}

static int signal_number(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (*s && !*end)
        return (int)n;
    if (strncmp(s, "SIG", 3) == 0)
        s += 3;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0)
            return names[i].sig;
    fprintf(stderr, "timeout: %s: invalid signal\n", s);
    exit(125);
}

/* Wait for pid until the deadline (<= 0: none): 1 with *st if it ended. */
static int wait_until(pid_t pid, double deadline, int *st)
{
    for (;;) {
        pid_t r = waitpid(pid, st, WNOHANG);
        if (r == pid)
            return 1;
        if (r < 0 && errno != EINTR)
            return 1;
        if (deadline > 0 && now_s() >= deadline)
            return 0;
        struct timespec nap = { 0, 10 * 1000 * 1000 };
        nanosleep(&nap, NULL);
    }
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "signal", required_argument, NULL, 's' }, { "kill-after", required_argument, NULL, 'k' },
        { "preserve-status", no_argument, NULL, 'p' }, { "foreground", no_argument, NULL, 'f' },
        { "verbose", no_argument, NULL, 'v' }, { NULL, 0, NULL, 0 },
    };
    int sig = SIGTERM, preserve = 0, verbose = 0, c;
    double kill_after = 0;
    while ((c = getopt_long(argc, argv, "+k:s:v", longopts, NULL)) != -1) {
        switch (c) {
        case 's': sig = signal_number(optarg); break;
        case 'k': kill_after = duration(optarg); break;
        case 'p': preserve = 1; break;
        case 'f': break;
        case 'v': verbose = 1; break;
        default:
            fprintf(stderr, "Usage: timeout [OPTION] DURATION COMMAND [ARG]...\n");
            return 125;
        }
    }
    if (argc - optind < 2) {
        missing_operand(NULL);
        fprintf(stderr, "Usage: timeout [OPTION] DURATION COMMAND [ARG]...\n");
        return 125;
    }
    double limit = duration(argv[optind]);
    char **cmd = argv + optind + 1;
    pid_t pid;
    int r = posix_spawnp(&pid, cmd[0], NULL, NULL, cmd, environ);
    if (r != 0) {
        fprintf(stderr, "timeout: failed to run command '%s': %s\n", cmd[0], strerror(r));
        return r == ENOENT ? 127 : 126;
    }
    int st = 0, timed_out = 0;
    if (!wait_until(pid, limit > 0 ? now_s() + limit : 0, &st)) {
        timed_out = 1;
        if (verbose)
            fprintf(stderr, "timeout: sending signal %s to command '%s'\n", signal_name(sig), cmd[0]);
        kill(pid, sig);
        if (sig != SIGKILL)
            kill(pid, SIGCONT);
        if (!wait_until(pid, kill_after > 0 ? now_s() + kill_after : 0, &st)) {
            if (verbose)
                fprintf(stderr, "timeout: sending signal KILL to command '%s'\n", cmd[0]);
            kill(pid, SIGKILL);
            wait_until(pid, 0, &st);
            sig = SIGKILL;
        }
    }
    if (timed_out && !preserve && sig == SIGKILL)
        return 128 + SIGKILL;  /* as GNU: the KILL shows */
    if (timed_out && !preserve)
        return 124;
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return WEXITSTATUS(st);
}
