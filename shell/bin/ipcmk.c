/*
 * ipcmk - make System V IPC objects: a message queue, a shared memory
 * segment, a semaphore set.
 *
 *   ipcmk [-Q] [-M SIZE] [-S NSEMS] [-p MODE] [-k KEY]
 *
 * -Q makes a message queue, -M SIZE a shared memory segment of SIZE bytes
 * (SIZE may end in K, M, G: powers of 1024, also written KiB...; or KB,
 * MB, GB: powers of 1000), -S NSEMS a set of NSEMS semaphores; several
 * may be given at once. -p MODE gives the permission bits in octal
 * (default 0644). Each object is reported as util-linux's ipcmk does:
 *
 *     Message queue id: 0
 *     Shared memory id: 0
 *     Semaphore id: 0
 *
 * As in util-linux, each object gets a random key, so that another program
 * can find it with msgget(key, 0) once told the key (ipcs shows it).
 * -k KEY (hex with 0x, or decimal; 0 is IPC_PRIVATE) gives the key
 * instead: a Duplex addition, for scripts that need to know it in advance.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#define PROG "ipcmk"

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [options]\n"
               "Create various IPC resources.\n"
               " -M SIZE   create shared memory segment of size SIZE\n"
               " -S NUMBER create semaphore array with NUMBER elements\n"
               " -Q        create message queue\n"
               " -p MODE   permission for the resource (default is 0644)\n"
               " -k KEY    the key to use (default: a random one)\n");
    exit(status);
}

static void fail_parse(const char *what, const char *arg)
{
    fprintf(stderr, PROG ": %s: '%s'\n", what, arg);
    exit(1);
}

/* SIZE with an optional K/M/G suffix (KiB/KB ...). -1 if it is not one. */
static long long parse_size(const char *s)
{
    char *end;
    errno = 0;
    if (*s < '0' || *s > '9')
        return -1;
    unsigned long long n = strtoull(s, &end, 10);
    if (errno)
        return -1;
    const char *units = "KMGT";
    const char *u = *end ? strchr(units, *end >= 'a' ? *end - 32 : *end) : NULL;
    if (*end && !u)
        return -1;
    if (u) {
        const char *rest = end + 1;
        unsigned long long base = 1024;
        if (strcmp(rest, "B") == 0)
            base = 1000;
        else if (*rest && strcmp(rest, "iB") != 0)
            return -1;
        for (const char *k = units; k <= u; k++) {
            if (n > (unsigned long long)0x7fffffffffffffffLL / base)
                return -1;
            n *= base;
        }
    }
    return n > 0x7fffffffffffffffULL ? -1 : (long long)n;
}

/* The number of semaphores: any int (semget judges it). */
static int parse_int(const char *s)
{
    char *end;
    errno = 0;
    long long n = strtoll(s, &end, 10);
    if (!*s || *end || errno || n < -0x7fffffffLL - 1 || n > 0x7fffffffLL)
        fail_parse("failed to parse elements", s);
    return (int)n;
}

/* A key in hex (0x...) or decimal. */
static key_t parse_key(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long k = strtoull(s, &end, 0);
    if (!*s || *end || errno || k > 0xffffffffULL)
        fail_parse("failed to parse key", s);
    return (key_t)(unsigned)k;
}

/*
 * A key nobody is likely to have picked: the clocks and the pid, mixed
 * (splitmix64's finaliser). Never IPC_PRIVATE.
 */
static key_t random_key(void)
{
    struct timespec rt, mono;
    clock_gettime(CLOCK_REALTIME, &rt);
    clock_gettime(CLOCK_MONOTONIC, &mono);
    unsigned long long x = (unsigned long long)rt.tv_sec * 1000000007ULL ^
                           (unsigned long long)rt.tv_nsec ^
                           (unsigned long long)mono.tv_nsec << 20 ^
                           (unsigned long long)getpid() << 40;
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    key_t k = (key_t)(unsigned)x;
    return k == IPC_PRIVATE ? 1 : k;
}

/* Print "what id: N", or fail the way util-linux does. */
static void report(int id, const char *what, const char *failure)
{
    if (id < 0) {
        fprintf(stderr, PROG ": %s: %s\n", failure, strerror(errno));
        exit(1);
    }
    printf("%s id: %d\n", what, id);
}

int main(int argc, char **argv)
{
    int mode = 0644, queue = 0, seg = 0, sem = 0, nsems = 0, have_key = 0, c;
    long long size = 0;
    key_t key = 0;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "QM:S:p:k:")) != -1) {
        switch (c) {
        case 'Q':
            queue = 1;
            break;
        case 'M':
            if ((size = parse_size(optarg)) < 0 || (unsigned long long)size > (size_t)-1)
                fail_parse("failed to parse size", optarg);
            seg = 1;
            break;
        case 'S':
            nsems = parse_int(optarg);
            sem = 1;
            break;
        case 'p':
            mode = (int)strtoul(optarg, NULL, 8);   /* as util-linux: lenient */
            break;
        case 'k':
            key = parse_key(optarg);
            have_key = 1;
            break;
        default:
            if (optopt == 'M' || optopt == 'S' || optopt == 'p' || optopt == 'k')
                fprintf(stderr, PROG ": option requires an argument -- '%c'\n", optopt);
            else
                fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    if (!queue && !seg && !sem) {
        fprintf(stderr, PROG ": bad usage\n");
        usage(1);
    }
    if (seg)
        report(shmget(have_key ? key : random_key(), (size_t)size, mode | IPC_CREAT),
               "Shared memory", "create share memory failed");
    if (queue)
        report(msgget(have_key ? key : random_key(), mode | IPC_CREAT),
               "Message queue", "create message queue failed");
    if (sem)
        report(semget(have_key ? key : random_key(), nsems, mode | IPC_CREAT),
               "Semaphore", "create semaphore failed");
    return 0;
}
