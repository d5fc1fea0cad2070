/*
 * kill - send a signal to processes, or list the signals.
 *
 *   kill [-s SIGNAL | -SIGNAL] PID...
 *   kill -l [SIGNAL | STATUS]...
 *
 * SIGNAL is a name, with or without "SIG", in either case (TERM, SIGterm),
 * or a number; the default is TERM. A PID may be negative: -N sends to
 * every process of process group N (write "kill -TERM -- -N" or
 * "kill -s TERM -N" so that -N is not read as a signal). %JOB operands
 * are the shell's business: its built-in kill handles them.
 *
 * kill -l prints the names of the 31 signals (Linux's numbering, which is
 * Duplex's), on two lines as procps kill does; kill -l 9 prints KILL, and
 * kill -l KILL prints 9. A number above 128 is taken as the exit status of
 * a process killed by a signal: kill -l 137 prints KILL.
 *
 * Messages follow GNU kill. Exit status 1 if any PID could not be
 * signalled or any operand was invalid.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "kill"
#define NSIGNALS 31

/* Names by number, as Linux (and Duplex, kernel/uapi/signal.h) number them. */
static const char *const names[NSIGNALS + 1] = {
    NULL, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL",
    "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT",
    "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF",
    "WINCH", "POLL", "PWR", "SYS",
};

/* Other names that signals go by. */
static const struct { const char *name; int sig; } aliases[] = {
    { "IOT", 6 }, { "CLD", 17 }, { "IO", 29 },
};

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-s SIGNAL | -SIGNAL] PID...\n"
               "   or: " PROG " -l [SIGNAL]...\n"
               "Send a signal (default TERM) to processes; a negative PID names a\n"
               "process group. -l lists the signals, or translates names and numbers.\n");
    exit(status);
}

static int same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (toupper((unsigned char)*a) != toupper((unsigned char)*b))
            return 0;
    return *a == *b;
}

/* A signal name or number: its number, or -1. A number may be 0, the
 * "does it exist?" signal, when zero_ok. */
static int parse_signal(const char *s, int zero_ok)
{
    if (isdigit((unsigned char)*s)) {
        char *end;
        long n = strtol(s, &end, 10);
        if (*end || n > NSIGNALS || (n == 0 && !zero_ok))
            return -1;
        return (int)n;
    }
    if (strlen(s) > 3 && toupper((unsigned char)s[0]) == 'S' &&
        toupper((unsigned char)s[1]) == 'I' && toupper((unsigned char)s[2]) == 'G')
        s += 3;                                  /* SIGTERM is TERM */
    for (int i = 1; i <= NSIGNALS; i++)
        if (same_name(s, names[i]))
            return i;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (same_name(s, aliases[i].name))
            return aliases[i].sig;
    return -1;
}

static int bad_signal(const char *s)
{
    fflush(stdout);                  /* keep kill -l's output and errors in order */
    fprintf(stderr, PROG ": '%s': invalid signal\n", s);
    return 1;
}

/* kill -l with no operand: all the names, two lines of them. */
static void list_all(void)
{
    for (int i = 1; i <= NSIGNALS; i++)
        printf("%s%c", names[i], i == 16 || i == NSIGNALS ? '\n' : ' ');
}

/* kill -l OPERAND...: a number (or exit status) to its name, a name to
 * its number. */
static int list(char **ops)
{
    int status = 0;
    if (!*ops)
        list_all();
    for (; *ops; ops++) {
        if (isdigit((unsigned char)**ops)) {
            char *end;
            long n = strtol(*ops, &end, 10);
            if (n > 128 && n < 256)          /* 128 + N: killed by signal N */
                n -= 128;
            if (*end || n < 1 || n > NSIGNALS)
                status |= bad_signal(*ops);
            else
                puts(names[n]);
        } else {
            int sig = parse_signal(*ops, 0);
            if (sig < 0)
                status |= bad_signal(*ops);
            else
                printf("%d\n", sig);
        }
    }
    return status;
}

static int send(int sig, char **pids)
{
    int status = 0;
    for (; *pids; pids++) {
        char *end;
        errno = 0;
        long pid = strtol(*pids, &end, 10);
        if (end == *pids || *end || errno || pid != (pid_t)pid) {
            fprintf(stderr, PROG ": '%s': invalid process id\n", *pids);
            status = 1;
        } else if (kill((pid_t)pid, sig) != 0) {
            fprintf(stderr, PROG ": '%s': %s\n", *pids, strerror(errno));
            status = 1;
        }
    }
    return status;
}

/* Is s a "-NUMBER" operand (a process group, after the signal)? */
static int negative_number(const char *s)
{
    return s[0] == '-' && isdigit((unsigned char)s[1]);
}

int main(int argc, char **argv)
{
    char **a = argv + 1;
    int sig = SIGTERM;
    (void)argc;

    if (*a && strcmp(*a, "--help") == 0)
        usage(0);
    if (*a && (strcmp(*a, "-l") == 0 || strcmp(*a, "-L") == 0)) {
        a++;
        if (*a && strcmp(*a, "--") == 0)
            a++;
        return list(a) | (fflush(stdout) != 0);
    }
    if (*a && (strcmp(*a, "-s") == 0 || strcmp(*a, "-n") == 0)) {
        if (!a[1]) {
            fprintf(stderr, PROG ": option requires an argument -- '%c'\n", (*a)[1]);
            usage(1);
        }
        if ((sig = parse_signal(a[1], 1)) < 0) {
            bad_signal(a[1]);
            usage(1);
        }
        a += 2;
    } else if (*a && (*a)[0] == '-' && (*a)[1] && strcmp(*a, "--") != 0) {
        if ((sig = parse_signal(*a + 1, 1)) < 0) {
            bad_signal(*a + 1);
            usage(1);
        }
        a++;
    }
    if (*a && strcmp(*a, "--") == 0)
        a++;
    else if (*a && (*a)[0] == '-' && (*a)[1] && !negative_number(*a)) {
        fprintf(stderr, PROG ": invalid option -- '%s'\n", *a + 1);
        usage(1);
    }
    if (!*a) {
        fprintf(stderr, PROG ": no process ID specified\n");
        usage(1);
    }
    return send(sig, a);
}
