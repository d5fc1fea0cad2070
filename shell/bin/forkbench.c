/*
 * forkbench - how long fork, exit and wait take together, for a process
 * with some memory of its own.
 *
 *   forkbench [MIB [ROUNDS]]
 *
 * Allocates MIB MiB (default 1) and writes every page of it, then forks
 * ROUNDS times (default 200): the child exits at once, the parent waits
 * for it. Prints the mean time of one round:
 *
 *   fork-1mib-us 123.456 us
 *
 * The same source is built for the host (make bench prints both figures
 * side by side): a Linux fork copies page tables and shares the pages
 * copy-on-write; Duplex's arm64 copies the pages, and its web target
 * copies the whole linear memory into a new instance (docs/design.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
    long mib = argc > 1 ? atol(argv[1]) : 1;
    long rounds = argc > 2 ? atol(argv[2]) : 200;
    if (mib < 0 || rounds <= 0) {
        fprintf(stderr, "usage: forkbench [MIB [ROUNDS]]\n");
        return 2;
    }
    size_t size = (size_t)mib << 20;
    char *mem = malloc(size ? size : 1);
    if (!mem) {
        perror("forkbench: malloc");
        return 1;
    }
    for (size_t i = 0; i < size; i += 4096)
        mem[i] = (char)i;

    double start = now_us();
    for (long i = 0; i < rounds; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("forkbench: fork");
            return 1;
        }
        if (pid == 0)
            _exit(mem[size / 2] == 0 ? 0 : 1);
        int status;
        if (waitpid(pid, &status, 0) != pid) {
            perror("forkbench: waitpid");
            return 1;
        }
    }
    double per = (now_us() - start) / (double)rounds;
    printf("fork-%ldmib-us %.3f us\n", mib, per);
    free(mem);
    return 0;
}
