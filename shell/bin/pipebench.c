/*
 * pipebench.c - measure a pipe: throughput and the ping-pong round trip.
 *
 *   pipebench throughput [CHUNK]   MB/s through one pipe, CHUNK-byte writes (4096)
 *   pipebench pingpong             microseconds per 1-byte round trip over two pipes
 *
 * The same source runs inside Duplex and on the host (make bench builds it
 * for both), so the two figures are measured by the same code. Each test
 * repeats until it has run for about half a second, and prints one line:
 * "NAME VALUE UNIT".
 *
 * The partner process is this program again (spawned with --sink or
 * --echo): Duplex has no fork.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <spawn.h>
#include <time.h>
#include <sys/wait.h>
#include "util/util.h"

extern char **environ;

/* Start `self ROLE` with fd 0 and fd 1 taken from in and out (-1: keep). */
static pid_t partner(const char *self, const char *role, int in, int out, int close_a, int close_b)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (in >= 0)
        posix_spawn_file_actions_adddup2(&fa, in, 0);
    if (out >= 0)
        posix_spawn_file_actions_adddup2(&fa, out, 1);
    posix_spawn_file_actions_addclose(&fa, close_a);
    posix_spawn_file_actions_addclose(&fa, close_b);
    char *argv[] = { (char *)self, (char *)role, NULL };
    pid_t pid;
    int r = posix_spawnp(&pid, self, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (r != 0) {
        fprintf(stderr, "pipebench: cannot start %s: %s\n", self, strerror(r));
        exit(1);
    }
    return pid;
}

static int sink(void)
{
    static char buf[1 << 16];
    while (read(0, buf, sizeof buf) > 0)
        ;
    return 0;
}

static int echo(void)
{
    char c;
    while (read(0, &c, 1) == 1)
        if (write(1, &c, 1) != 1)
            return 1;
    return 0;
}

static void throughput(const char *self, size_t chunk)
{
    int fds[2];
    if (pipe(fds) < 0)
        die("pipe");
    pid_t pid = partner(self, "--sink", fds[0], -1, fds[0], fds[1]);
    close(fds[0]);
    char *buf = calloc(1, chunk);
    double t0 = now_s(), t;
    unsigned long long bytes = 0;
    do {
        for (int i = 0; i < 1024; i++) {
            if (write(fds[1], buf, chunk) != (ssize_t)chunk)
                die("write");
            bytes += chunk;
        }
        t = now_s() - t0;
    } while (t < 0.5);
    close(fds[1]);
    waitpid(pid, NULL, 0);
    t = now_s() - t0;
    printf("pipe-throughput %.0f MB/s\n", (double)bytes / t / 1e6);
    free(buf);
}

static void pingpong(const char *self)
{
    int there[2], back[2];
    if (pipe(there) < 0 || pipe(back) < 0)
        die("pipe");
    pid_t pid = partner(self, "--echo", there[0], back[1], there[1], back[0]);
    close(there[0]);
    close(back[1]);
    double t0 = now_s(), t;
    long trips = 0;
    char c = 'x';
    do {
        for (int i = 0; i < 1000; i++, trips++)
            if (write(there[1], &c, 1) != 1 || read(back[0], &c, 1) != 1)
                die("ping-pong");
        t = now_s() - t0;
    } while (t < 0.5);
    close(there[1]);
    waitpid(pid, NULL, 0);
    printf("pipe-roundtrip %.3f us\n", t / (double)trips * 1e6);
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--sink") == 0)
        return sink();
    if (argc == 2 && strcmp(argv[1], "--echo") == 0)
        return echo();
    if (argc >= 2 && strcmp(argv[1], "throughput") == 0) {
        throughput(argv[0], argc > 2 ? (size_t)atol(argv[2]) : 4096);
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "pingpong") == 0) {
        pingpong(argv[0]);
        return 0;
    }
    fprintf(stderr, "usage: pipebench throughput [CHUNK] | pingpong\n");
    return 2;
}
