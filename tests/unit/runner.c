/*
 * runner.c - runs the unit tests: one forked child per test, so that every
 * test boots a fresh kernel and a crash or a sanitizer report fails that
 * test alone. Prints each failure and a final "N passed, N failed" line.
 *
 *   build/unit/run [FILTER]    only tests whose name or file contains FILTER
 *   VERBOSE=1                  name each test as it starts
 *
 * This file uses the host's process calls, so it does not include the
 * kernel's headers (their signal and wait macros would clash).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <unistd.h>
#include <sys/wait.h>

typedef void (*test_fn)(void);
int test_body(test_fn fn);              /* host.c */

struct test { const char *name, *file; test_fn fn; };
static struct test tests[1024];
static int ntests;

void test_register(const char *name, const char *file, test_fn fn)
{
    if (ntests == (int)(sizeof tests / sizeof tests[0])) {
        fprintf(stderr, "too many tests\n");
        exit(2);
    }
    tests[ntests++] = (struct test){ name, file, fn };
}

static bool run_one(struct test *t)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0) {
        alarm(30);
        exit(test_body(t->fn) ? 1 : 0);
    }
    int status;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        fprintf(stderr, "  killed by signal %d\n", WTERMSIG(status));
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    bool verbose = getenv("VERBOSE") != NULL;
    for (int i = 0; i < ntests; i++) {
        struct test *t = &tests[i];
        if (argc > 1 && !strstr(t->name, argv[1]) && !strstr(t->file, argv[1]))
            continue;
        if (verbose)
            fprintf(stderr, "%s\n", t->name);
        if (run_one(t)) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "FAIL %s (%s)\n", t->name, t->file);
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
