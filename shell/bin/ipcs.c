/*
 * ipcs - show the System V IPC objects: message queues, shared memory
 * segments and semaphore sets.
 *
 *   ipcs [-q] [-m] [-s] [-a]
 *
 * -q message queues, -m shared memory, -s semaphore sets (with none of
 * them: all three), in that order; -a adds the POSIX message queues (the
 * files of /dev/mqueue, docs/ipc/mqueue.md) and Duplex's own channels and
 * named ports after them. The output is util-linux's:
 *
 *     ------ Message Queues --------
 *     key        msqid      owner      perms      used-bytes   messages
 *     0x0000002a 0          root       644        5            1
 *
 * A shared memory segment that was removed but is still attached is
 * listed with the status "dest" (and key IPC_PRIVATE) until its last
 * detach. A key is printed in hex (0x00000000 is IPC_PRIVATE); the owner is
 * "root" for uid 0 and the number otherwise, since Duplex has no user
 * database. Objects the caller may not read are not listed.
 *
 * How it finds them: msgctl(slot, MSG_STAT, &ds) asks about the object in
 * one slot of the kernel's table and answers with its id (or fails for an
 * empty slot), so ipcs walks every slot; SHM_STAT and SEM_STAT do the same
 * for the other two kinds.
 *
 * Not supported: -i ID, and the -t -p -c -l -u formats.
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
/* Duplex's own IPC; ipcs also builds on other systems, without it. */
#if __has_include(<duplex/chan.h>)
#include <dirent.h>
#include <duplex/chan.h>
#include <duplex/port.h>
#include <fcntl.h>
#include <mqueue.h>
#include <sys/stat.h>
#define HAVE_DUPLEX_IPC 1
#endif

#define PROG "ipcs"

/* How many slots to ask about. Duplex's tables are small (uapi/ipc.h);
 * elsewhere (Linux) this is the most slots a table can have. */
#ifndef MSGMNI
#define MSGMNI 32768
#endif
#ifndef SHMMNI
#define SHMMNI 32768
#endif
#ifndef SEMMNI
#define SEMMNI 32768
#endif
#ifndef SHM_DEST
#define SHM_DEST 01000              /* Linux's mark of a removed segment */
#endif

/* POSIX leaves union semun to the program. */
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
        printf("Usage: " PROG " [-q] [-m] [-s] [-a]\n"
               "Show information on IPC facilities.\n"
               " -q  message queues\n"
               " -m  shared memory segments\n"
               " -s  semaphore arrays\n"
               " -a  all (default)\n");
    exit(status);
}

/* The owner column: a name for root, a number for anyone else. */
static const char *owner(unsigned uid)
{
    static char buf[16];
    if (uid == 0)
        return "root";
    snprintf(buf, sizeof buf, "%u", uid);
    return buf;
}

/* The columns every kind starts with: key, id, owner, perms. */
static void print_common(const struct ipc_perm *pm, int id)
{
    printf("0x%08x %-10d %-10.10s %-10o ", (unsigned)pm->__key, id,
           owner((unsigned)pm->uid), (unsigned)pm->mode & 0777);
}

static void show_queues(void)
{
    printf("------ Message Queues --------\n");
    printf("%-10s %-10s %-10s %-10s %-12s %-12s\n",
           "key", "msqid", "owner", "perms", "used-bytes", "messages");
    for (int slot = 0; slot < MSGMNI; slot++) {
        struct msqid_ds ds;
        int id = msgctl(slot, MSG_STAT, &ds);
        if (id < 0)
            continue;
        print_common(&ds.msg_perm, id);
        printf("%-12llu %-12llu\n", (unsigned long long)ds.__msg_cbytes,
               (unsigned long long)ds.msg_qnum);
    }
}

static void show_segments(void)
{
    printf("------ Shared Memory Segments --------\n");
    printf("%-10s %-10s %-10s %-10s %-10s %-10s %-12s\n",
           "key", "shmid", "owner", "perms", "bytes", "nattch", "status");
    for (int slot = 0; slot < SHMMNI; slot++) {
        struct shmid_ds ds;
        int id = shmctl(slot, SHM_STAT, &ds);
        if (id < 0)
            continue;
        print_common(&ds.shm_perm, id);
        printf("%-10llu %-10llu %-6s %-6s\n", (unsigned long long)ds.shm_segsz,
               (unsigned long long)ds.shm_nattch,
               ds.shm_perm.mode & SHM_DEST ? "dest" : " ", " ");
    }
}

static void show_semaphores(void)
{
    printf("------ Semaphore Arrays --------\n");
    printf("%-10s %-10s %-10s %-10s %-10s\n",
           "key", "semid", "owner", "perms", "nsems");
    for (int slot = 0; slot < SEMMNI; slot++) {
        struct semid_ds ds;
        union semun arg = { .buf = &ds };
        int id = semctl(slot, 0, SEM_STAT, arg);
        if (id < 0)
            continue;
        print_common(&ds.sem_perm, id);
        printf("%-10llu\n", (unsigned long long)ds.sem_nsems);
    }
}

#ifdef HAVE_DUPLEX_IPC
/* POSIX queues are files of /dev/mqueue; one the caller cannot open for
 * reading is not listed, as for the System V objects. */
static void show_posix_queues(void)
{
    printf("------ POSIX Message Queues --------\n");
    printf("%-16s %-10s %-10s %-12s %-10s\n", "name", "owner", "perms", "used-bytes",
           "messages");
    DIR *d = opendir("/dev/mqueue");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[300], name[300], line[128];
        snprintf(path, sizeof path, "/dev/mqueue/%s", e->d_name);
        snprintf(name, sizeof name, "/%s", e->d_name);
        struct stat st;
        struct mq_attr at;
        int fd = open(path, O_RDONLY);
        mqd_t q = fd < 0 ? -1 : mq_open(name, O_RDONLY);
        ssize_t n = fd < 0 ? -1 : read(fd, line, sizeof line - 1);
        if (fd >= 0)
            close(fd);
        if (q < 0 || n < 0 || stat(path, &st) < 0 || mq_getattr(q, &at) < 0) {
            if (q >= 0)
                mq_close(q);
            continue;
        }
        mq_close(q);
        line[n] = '\0';
        unsigned long qsize = strtoul(line + 6, NULL, 10);   /* "QSIZE:" */
        char owner[16];
        if (st.st_uid == 0)
            snprintf(owner, sizeof owner, "root");
        else
            snprintf(owner, sizeof owner, "%u", (unsigned)st.st_uid);
        printf("%-16s %-10s %-10o %-12lu %-10ld\n", name, owner,
               (unsigned)(st.st_mode & 0777), qsize, at.mq_curmsgs);
    }
    if (d)
        closedir(d);
}

/* chan_list/port_list walk the kernel's tables as MSG_STAT does. */
static void show_channels(void)
{
    struct k_chan_info ci;
    printf("------ Channels --------\n");
    printf("%-10s %-10s %-10s %-10s %-10s %-10s %-10s\n", "chanid", "msgsize", "capacity",
           "queued", "senders", "receivers", "creator");
    for (int slot = 0; (slot = chan_list(slot, &ci)) > 0;)
        printf("%-10u %-10u %-10u %-10u %-10u %-10u %-10d\n", ci.id, ci.msgsize, ci.capacity,
               ci.queued, ci.senders, ci.receivers, ci.creator);
}

static void show_ports(void)
{
    struct k_port_info pi;
    printf("------ Named Ports --------\n");
    printf("%-10s %-16s %-10s %-10s %-10s %-10s\n", "portid", "name", "queued", "handles",
           "refused", "creator");
    for (int slot = 0; (slot = port_list(slot, &pi)) > 0;)
        if (pi.name[0])
            printf("%-10u %-16s %-10u %-10u %-10llu %-10d\n", pi.id, pi.name, pi.queued,
                   pi.handles, (unsigned long long)pi.refused, pi.creator);
}
#endif

int main(int argc, char **argv)
{
    int queues = 0, segments = 0, semaphores = 0, duplex = 0, c;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "qmsa")) != -1) {
        switch (c) {
        case 'q': queues = 1; break;
        case 'm': segments = 1; break;
        case 's': semaphores = 1; break;
        case 'a': queues = segments = semaphores = duplex = 1; break;
        default:
            fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    if (optind < argc) {
        fprintf(stderr, PROG ": unknown argument: %s\n", argv[optind]);
        usage(1);
    }
    if (!queues && !segments && !semaphores)
        queues = segments = semaphores = 1;
    printf("\n");
    if (queues) {
        show_queues();
        printf("\n");
    }
    if (segments) {
        show_segments();
        printf("\n");
    }
    if (semaphores) {
        show_semaphores();
        printf("\n");
    }
#ifdef HAVE_DUPLEX_IPC
    if (duplex) {
        show_posix_queues();
        printf("\n");
        show_channels();
        printf("\n");
        show_ports();
        printf("\n");
    }
#else
    (void)duplex;
#endif
    return 0;
}
