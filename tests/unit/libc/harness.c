/*
 * harness.c - runs the registered tests, each in a child process, and
 * prints one line per failure and the closing "N passed, N failed".
 *
 * This is the test program's main(): bridge.c enters the library through
 * __libc_start_main, exactly as a Duplex program starts, and the library
 * calls this. Arguments select tests whose names contain them.
 */
#include <stdlib.h>
#include <string.h>
#include "harness.h"

#define MAX_TESTS 512

static struct {
    const char *name;
    test_fn fn;
} tests[MAX_TESTS];
static int ntests;
static int failures;            /* in the running test's process */
static const char *current;

void t_register(const char *name, test_fn fn)
{
    if (ntests < MAX_TESTS) {
        tests[ntests].name = name;
        tests[ntests].fn = fn;
        ntests++;
    }
}

void t_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    host_printf("  %s: %s:%d: ", current, file, line);
    va_start(ap, fmt);
    host_vprintf(fmt, ap);
    va_end(ap);
    host_printf("\n");
    failures++;
}

int t_in_child(void (*fn)(void))
{
    int pid = host_fork();
    if (pid == 0) {
        fn();
        host_exit(0);
    }
    return host_wait(pid);
}

static bool selected(const char *name, int argc, char **argv)
{
    if (argc < 2)
        return true;
    for (int i = 1; i < argc; i++)
        if (strstr(name, argv[i]) != NULL)
            return true;
    return false;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;

    fk_init();
    for (int i = 0; i < ntests; i++) {
        if (!selected(tests[i].name, argc, argv))
            continue;
        current = tests[i].name;
        int pid = host_fork();
        if (pid == 0) {
            fk_reset();
            tests[i].fn();
            host_exit(failures > 0 ? 1 : 0);
        }
        int status = host_wait(pid);
        if (status == 0) {
            passed++;
        } else {
            failed++;
            if (status >= 1000)
                host_printf("FAIL %s (killed by signal %d)\n", current, status - 1000);
            else
                host_printf("FAIL %s\n", current);
        }
    }
    host_printf("%d passed, %d failed\n", passed, failed);
    return failed > 0;
}
