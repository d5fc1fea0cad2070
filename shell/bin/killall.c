/*
 * killall - send a signal to every process with a given name.
 *
 *   killall [-q] [-v] [-w] [-s SIGNAL | -SIGNAL] NAME...
 *   killall -l
 *
 * As psmisc's: each process whose name (the base name of its command)
 * is NAME gets SIGNAL (SIGTERM); killall itself is spared. -q says
 * nothing about names that matched no process, -v reports each signal
 * sent, -w waits until every process signalled has died, -l lists the
 * signal names. Status 0 if every NAME matched a
 * process that could be signalled, else 1.
 */
#include <err.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"

static const struct { const char *name; int sig; } names[] = {
    { "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "ABRT", SIGABRT },
    { "KILL", SIGKILL }, { "USR1", SIGUSR1 }, { "USR2", SIGUSR2 }, { "PIPE", SIGPIPE },
    { "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "CHLD", SIGCHLD }, { "CONT", SIGCONT },
    { "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU },
};

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
    errx(1, "%s: unknown signal; killall -l lists signals.", s);
}

/* Whether a process of pids[0..n) still lives (a zombie has died). */
static int any_alive(const pid_t *pids, int n)
{
    int total;
    struct k_procinfo *v = proc_list(&total);
    int alive = 0;
    for (int k = 0; v && k < total && !alive; k++)
        for (int j = 0; j < n && !alive; j++)
            alive = v[k].pid == pids[j] && v[k].state != 'Z';
    free(v);
    return alive;
}

int main(int argc, char **argv)
{
    int quiet = 0, verbose = 0, wait_dead = 0, sig = SIGTERM, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i] + 1;
        if (strcmp(a, "-") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "q") == 0)
            quiet = 1;
        else if (strcmp(a, "v") == 0)
            verbose = 1;
        else if (strcmp(a, "w") == 0)
            wait_dead = 1;
        else if (strcmp(a, "l") == 0) {
            for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
                printf("%s%c", names[k].name, k + 1 < sizeof names / sizeof names[0] ? ' ' : '\n');
            return 0;
        } else if (strcmp(a, "s") == 0 && i + 1 < argc)
            sig = signal_number(argv[++i]);
        else
            sig = signal_number(a);
    }
    if (i >= argc) {
        fprintf(stderr, "Usage: killall [-q] [-v] [-w] [-s SIGNAL | -SIGNAL] NAME...\n");
        return 1;
    }
    int n;
    struct k_procinfo *v = proc_list(&n);
    if (!v)
        err(1, "cannot read the process table");
    int status = 0, nkilled = 0;
    pid_t self = getpid(), *killed = xcalloc((size_t)n + 1, sizeof *killed);
    for (; i < argc; i++) {
        int found = 0;
        for (int k = 0; k < n; k++) {
            char name[16];
            v[k].cmdline[sizeof v[k].cmdline - 1] = '\0';
            proc_name(&v[k], name);
            if (v[k].pid == self || v[k].state == 'Z' || strncmp(name, argv[i], 15) != 0)
                continue;
            found = 1;
            if (kill(v[k].pid, sig) != 0) {
                warn("%s(%d)", argv[i], v[k].pid);
                status = 1;
                continue;
            }
            killed[nkilled++] = v[k].pid;
            if (verbose)
                fprintf(stderr, "Killed %s(%d) with signal %d\n", name, v[k].pid, sig);
        }
        if (!found) {
            if (!quiet)
                fprintf(stderr, "%s: no process found\n", argv[i]);
            status = 1;
        }
    }
    while (wait_dead && any_alive(killed, nkilled))
        usleep(10000);
    free(killed);
    free(v);
    return status;
}
