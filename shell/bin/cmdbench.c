/*
 * cmdbench.c - how long a command takes: the best wall-clock time of
 * several runs.
 *
 *   cmdbench [-n RUNS] COMMAND [ARG...]
 *
 * Runs COMMAND once to warm up, then RUNS times (default 5), each time
 * from its start to its end (posix_spawnp to waitpid), and prints one
 * line, "cmd-best MILLISECONDS ms". The command's own output goes where
 * cmdbench's goes. A run that fails (a status other than 0) ends cmdbench
 * with status 1, since its time would mean nothing.
 *
 * The same source runs inside Duplex and on the host (make bench builds it
 * for both), so that a command line, given as `sh -c LINE`, is timed the
 * same way on both: each system's own shell and utilities, measured from
 * inside the system. The best run is the figure, so that neither system
 * pays for a busy moment of the machine.
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

extern char **environ;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void usage(void)
{
    fprintf(stderr, "usage: cmdbench [-n RUNS] COMMAND [ARG...]\n");
    exit(2);
}

/* One run of argv: its wall-clock time in milliseconds. */
static double run(char **argv)
{
    pid_t pid;
    double t0 = now_ms();
    int r = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
    if (r != 0) {
        fprintf(stderr, "cmdbench: cannot run %s: %s\n", argv[0], strerror(r));
        exit(1);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            perror("cmdbench: waitpid");
            exit(1);
        }
    double t = now_ms() - t0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "cmdbench: %s failed (status %d)\n", argv[0], status);
        exit(1);
    }
    return t;
}

int main(int argc, char **argv)
{
    int runs = 5, first = 1;
    if (argc > 2 && strcmp(argv[1], "-n") == 0) {
        runs = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc || runs < 1)
        usage();
    run(argv + first);                          /* the warm-up */
    double best = run(argv + first);
    for (int i = 1; i < runs; i++) {
        double t = run(argv + first);
        if (t < best)
            best = t;
    }
    fflush(stdout);
    printf("cmd-best %.2f ms\n", best);
    return 0;
}
