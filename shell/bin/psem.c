/*
 * psem - POSIX named semaphores from the shell, one operation per run.
 *
 *   psem create NAME [VALUE]      make it (O_CREAT | O_EXCL, mode 0600), value 0 or VALUE
 *   psem wait NAME                take one, waiting while it is 0
 *   psem trywait NAME             take one, or fail at once
 *   psem timedwait NAME SECONDS   take one, waiting at most SECONDS (0.5 is fine)
 *   psem post NAME                give one back
 *   psem value NAME               print its value
 *   psem unlink NAME              remove the name
 *   psem count                    print how many semaphores the kernel holds
 *                                 (named ones and System V sets)
 *
 * A semaphore outlives the processes that use it until it is unlinked, so
 * a sequence of psem commands can play a whole scenario:
 *
 *     $ psem create /s
 *     $ psem wait /s &          # waits
 *     $ psem post /s            # ... and the background psem ends
 *     $ psem unlink /s
 *
 * Errors are reported with the system's words (strerror) and exit status 1;
 * a bad command line exits with 2.
 */
#include <duplex.h>
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PROG "psem"

static int usage(void)
{
    fprintf(stderr,
            "Usage: " PROG " create NAME [VALUE] | wait NAME | trywait NAME\n"
            "       " PROG " timedwait NAME SECONDS | post NAME | value NAME\n"
            "       " PROG " unlink NAME | count\n");
    return 2;
}

static int fail(const char *name)
{
    fprintf(stderr, PROG ": %s: %s\n", name, strerror(errno));
    return 1;
}

static int create(const char *name, const char *value)
{
    char *end;
    unsigned long v = value ? strtoul(value, &end, 10) : 0;
    if (value && (!*value || *end || *value == '-')) {
        fprintf(stderr, PROG ": invalid value '%s'\n", value);
        return 2;
    }
    if (v > 0xffffffffUL)
        v = 0xffffffffUL;                   /* the kernel says EINVAL */
    sem_t *s = sem_open(name, O_CREAT | O_EXCL, 0600, (unsigned)v);
    if (s == SEM_FAILED)
        return fail(name);
    sem_close(s);
    return 0;
}

/* The deadline for timedwait: now, on CLOCK_REALTIME, plus secs. */
static int deadline(const char *secs, struct timespec *ts)
{
    char *end;
    double d = strtod(secs, &end);
    if (!*secs || *end || d < 0 || d > 1e9) {
        fprintf(stderr, PROG ": invalid time '%s'\n", secs);
        return -1;
    }
    clock_gettime(CLOCK_REALTIME, ts);
    long long ns = (long long)(d * 1e9) + ts->tv_nsec;
    ts->tv_sec += ns / 1000000000;
    ts->tv_nsec = (long)(ns % 1000000000);
    return 0;
}

/* The operations on an existing semaphore. */
static int operate(const char *op, const char *name, const char *arg)
{
    struct timespec ts;
    if (strcmp(op, "timedwait") == 0 && (!arg || deadline(arg, &ts) < 0))
        return arg ? 2 : usage();
    sem_t *s = sem_open(name, 0);
    if (s == SEM_FAILED)
        return fail(name);
    int r, v = 0;
    if (strcmp(op, "wait") == 0)
        r = sem_wait(s);
    else if (strcmp(op, "trywait") == 0)
        r = sem_trywait(s);
    else if (strcmp(op, "timedwait") == 0)
        r = sem_timedwait(s, &ts);
    else if (strcmp(op, "post") == 0)
        r = sem_post(s);
    else if ((r = sem_getvalue(s, &v)) == 0)
        printf("%d\n", v);
    if (r < 0)
        return fail(name);
    sem_close(s);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "count") == 0) {
        struct k_kstat ks;
        if (kstat(&ks) < 0)
            return fail("kstat");
        printf("%u\n", ks.ipc[KSTAT_SEM]);
        return 0;
    }
    if (argc < 3)
        return usage();
    const char *op = argv[1], *name = argv[2], *arg = argc > 3 ? argv[3] : NULL;
    bool takes_arg = strcmp(op, "create") == 0 || strcmp(op, "timedwait") == 0;
    if (argc > (takes_arg ? 4 : 3))
        return usage();
    if (strcmp(op, "create") == 0)
        return create(name, arg);
    if (strcmp(op, "unlink") == 0)
        return sem_unlink(name) < 0 ? fail(name) : 0;
    if (strcmp(op, "wait") && strcmp(op, "trywait") && strcmp(op, "timedwait") &&
        strcmp(op, "post") && strcmp(op, "value"))
        return usage();
    return operate(op, name, arg);
}
