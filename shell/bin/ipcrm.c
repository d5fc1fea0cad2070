/*
 * ipcrm - remove System V IPC objects.
 *
 *   ipcrm [-q ID] [-Q KEY] [-m ID] [-M KEY] [-s ID] [-S KEY] [-a] ...
 *   ipcrm msg|shm|sem ID...
 *
 * -q, -m and -s remove the message queue, shared memory segment or
 * semaphore set with that id; -Q, -M and -S the one with that key (hex
 * with 0x, or decimal). -a removes every object the caller may remove.
 * Options may repeat and are carried out in order; the second form is
 * the old syntax, still accepted (it says "resource(s) deleted").
 *
 * Failures are reported as util-linux's ipcrm reports them, and the
 * others still carried out; the exit status is then 1:
 *
 *     ipcrm: invalid id (5)                 no such id       (EINVAL)
 *     ipcrm: permission denied for id (0)   not the owner    (EPERM)
 *     ipcrm: permission denied for key (100)  the same, by key
 *     ipcrm: invalid key (0x2a)             no such key      (ENOENT)
 *     ipcrm: illegal key (0)                key 0 is IPC_PRIVATE
 *
 * A removed shared memory segment lives on until its last detach; a
 * removed queue or semaphore set goes at once, and processes waiting on it
 * wake up with EIDRM.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

#define PROG "ipcrm"

#ifndef MSGMNI
#define MSGMNI 32768
#endif
#ifndef SHMMNI
#define SHMMNI 32768
#endif
#ifndef SEMMNI
#define SEMMNI 32768
#endif

enum kind { SHM, SEM, MSG };

union semun {
    int              val;
    struct semid_ds *buf;
    unsigned short  *array;
};

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [options]\n"
               "       " PROG " shm|msg|sem ID...\n"
               "Remove certain IPC resources.\n"
               " -m ID   remove shared memory segment by id\n"
               " -M KEY  remove shared memory segment by key\n"
               " -q ID   remove message queue by id\n"
               " -Q KEY  remove message queue by key\n"
               " -s ID   remove semaphore by id\n"
               " -S KEY  remove semaphore by key\n"
               " -a      remove all\n");
    exit(status);
}

static void fail_parse(const char *arg)
{
    fprintf(stderr, PROG ": failed to parse argument: '%s'\n", arg);
    exit(1);
}

/* An id: a decimal int. */
static int parse_id(const char *s)
{
    char *end;
    errno = 0;
    long long n = strtoll(s, &end, 10);
    if (!*s || *end || errno || n < -0x7fffffffLL - 1 || n > 0x7fffffffLL)
        fail_parse(s);
    return (int)n;
}

/* Remove one object; 0, or 1 after saying why not. key: the key as the
 * user wrote it, when the object was named by its key (util-linux then
 * prints the id it found instead, which reads as a wrong key). */
static int remove_id(enum kind kind, int id, const char *key)
{
    union semun arg = { .val = 0 };
    int r = kind == MSG ? msgctl(id, IPC_RMID, NULL)
          : kind == SHM ? shmctl(id, IPC_RMID, NULL)
          : semctl(id, 0, IPC_RMID, arg);
    if (r == 0)
        return 0;
    const char *why;
    switch (errno) {
    case EACCES:
    case EPERM:  why = "permission denied for"; break;
    case EINVAL: why = "invalid"; break;
    case EIDRM:  why = "already removed"; break;
    default:
        fprintf(stderr, PROG ": %s failed: %s\n", key ? "key" : "id", strerror(errno));
        exit(1);
    }
    if (key)
        fprintf(stderr, PROG ": %s key (%s)\n", why, key);
    else
        fprintf(stderr, PROG ": %s id (%d)\n", why, id);
    return 1;
}

/* The id of the object with key s, or -1 after saying why not. */
static int key_to_id(enum kind kind, const char *s)
{
    char *end;
    errno = 0;
    unsigned long long k = strtoull(s, &end, 0);
    if (!*s || *end || errno || k > 0xffffffffULL)
        fail_parse(s);
    key_t key = (key_t)(unsigned)k;
    if (key == IPC_PRIVATE) {
        fprintf(stderr, PROG ": illegal key (%s)\n", s);
        return -1;
    }
    int id = kind == MSG ? msgget(key, 0) : kind == SHM ? shmget(key, 0, 0)
           : semget(key, 0, 0);
    if (id >= 0)
        return id;
    const char *why;
    switch (errno) {
    case EACCES: why = "permission denied for key"; break;
    case EIDRM:  why = "already removed key"; break;
    case ENOENT: why = "invalid key"; break;
    default:
        fprintf(stderr, PROG ": key failed: %s\n", strerror(errno));
        exit(1);
    }
    fprintf(stderr, PROG ": %s (%s)\n", why, s);
    return -1;
}

/* -a: every object of every kind, found slot by slot as ipcs does. */
static int remove_all(void)
{
    int errors = 0;
    for (int slot = 0; slot < SHMMNI; slot++) {
        struct shmid_ds ds;
        int id = shmctl(slot, SHM_STAT, &ds);
        if (id >= 0)
            errors |= remove_id(SHM, id, NULL);
    }
    for (int slot = 0; slot < SEMMNI; slot++) {
        struct semid_ds ds;
        union semun arg = { .buf = &ds };
        int id = semctl(slot, 0, SEM_STAT, arg);
        if (id >= 0)
            errors |= remove_id(SEM, id, NULL);
    }
    for (int slot = 0; slot < MSGMNI; slot++) {
        struct msqid_ds ds;
        int id = msgctl(slot, MSG_STAT, &ds);
        if (id >= 0)
            errors |= remove_id(MSG, id, NULL);
    }
    return errors;
}

/* The old syntax: ipcrm msg|shm|sem ID... */
static int old_syntax(int argc, char **argv)
{
    enum kind kind = strcmp(argv[1], "msg") == 0 ? MSG
                   : strcmp(argv[1], "shm") == 0 ? SHM : SEM;
    if (argc < 3) {
        fprintf(stderr, PROG ": not enough arguments\n");
        usage(1);
    }
    int errors = 0;
    for (int i = 2; i < argc; i++) {
        char *end;
        errno = 0;
        unsigned long n = strtoul(argv[i], &end, 10);
        if (!*argv[i] || *end || errno) {
            fprintf(stderr, PROG ": invalid id: %s\n", argv[i]);
            errors++;
        } else {
            errors += remove_id(kind, (int)n, NULL);
        }
    }
    if (errors)
        return 1;
    printf("resource(s) deleted\n");
    return 0;
}

/* One option: remove by id (-q -m -s) or by key (-Q -M -S). */
static int one_option(int c, const char *arg)
{
    const char *kinds = "mMsSqQ";
    const char *at = strchr(kinds, c);
    enum kind kind = at - kinds < 2 ? SHM : at - kinds < 4 ? SEM : MSG;
    if (c >= 'a')                           /* lower case: an id */
        return remove_id(kind, parse_id(arg), NULL);
    int id = key_to_id(kind, arg);
    return id < 0 ? 1 : remove_id(kind, id, arg);
}

int main(int argc, char **argv)
{
    int errors = 0, c;

    if (argc == 1)
        return 0;                           /* nothing asked, nothing done */
    if (strcmp(argv[1], "--help") == 0)
        usage(0);
    if (!strcmp(argv[1], "msg") || !strcmp(argv[1], "shm") || !strcmp(argv[1], "sem"))
        return old_syntax(argc, argv);
    opterr = 0;
    while ((c = getopt(argc, argv, "q:m:s:Q:M:S:a")) != -1) {
        if (c == 'a') {
            errors += remove_all();
        } else if (c != '?') {
            errors += one_option(c, optarg);
        } else {
            if (optopt && strchr("qmsQMS", optopt))
                fprintf(stderr, PROG ": option requires an argument -- '%c'\n", optopt);
            else
                fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    if (optind < argc) {
        fprintf(stderr, PROG ": unknown argument: %s\n", argv[optind]);
        usage(1);
    }
    return errors ? 1 : 0;
}
