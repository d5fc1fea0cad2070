/*
 * msgqbench.c - System V message queue throughput: messages per second
 * from one process to another through one queue.
 *
 *   msgqbench [SIZE]     messages of SIZE text bytes (default 64)
 *
 * The same source runs inside Duplex and on the host (make bench builds it
 * for both), so the two figures come from the same code. Prints one line,
 * "msgq-msgs-per-sec N msgs/s". The receiver is this program again, started
 * with --recv (Duplex has no fork).
 *
 * A round is 100,000 messages of type 1, after which the receiver answers
 * with one of type 2 on the same queue: the round ends when every message
 * was taken. The figure is the best of five rounds after one to warm up,
 * so that neither system pays for starting the receiver or for a busy
 * moment of the machine.
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include "util/util.h"

extern char **environ;

#define COUNT  100000
#define ROUNDS 5

#define DATA 1                  /* the messages measured */
#define DONE 2                  /* the receiver's answer: a round was taken */

struct msg {
    long mtype;
    char mtext[1024];
};

static int receiver(int id, size_t size)
{
    static struct msg m;
    struct msg done = { .mtype = DONE };
    for (int round = 0; round <= ROUNDS; round++) {
        for (long i = 0; i < COUNT; i++)
            if (msgrcv(id, &m, size, DATA, 0) < 0)
                die("msgrcv");
        if (msgsnd(id, &done, 0, 0) < 0)
            die("msgsnd");
    }
    return 0;
}

/* One round: COUNT messages out, and the receiver's word that it took
 * them all. Its time in seconds. */
static double round_trip(int id, size_t size)
{
    static struct msg m = { .mtype = DATA };
    double t0 = now_s();
    for (long i = 0; i < COUNT; i++)
        if (msgsnd(id, &m, size, 0) < 0)
            die("msgsnd");
    if (msgrcv(id, &m, 0, DONE, 0) < 0)
        die("msgrcv");
    m.mtype = DATA;
    return now_s() - t0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--recv") == 0)
        return receiver(atoi(argv[2]), (size_t)atol(argv[3]));
    size_t size = argc > 1 ? (size_t)atol(argv[1]) : 64;
    if (size == 0 || size > sizeof ((struct msg *)0)->mtext) {
        fprintf(stderr, "usage: msgqbench [SIZE]   (1 to 1024)\n");
        return 2;
    }
    int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    if (id < 0)
        die("msgget");
    char ids[16], sizes[16];
    snprintf(ids, sizeof ids, "%d", id);
    snprintf(sizes, sizeof sizes, "%zu", size);
    char *rargv[] = { argv[0], "--recv", ids, sizes, NULL };
    pid_t pid;
    if (posix_spawnp(&pid, argv[0], NULL, NULL, rargv, environ) != 0)
        die("spawn");
    round_trip(id, size);                       /* warming up */
    double best = 1e9;
    for (int round = 0; round < ROUNDS; round++) {
        double t = round_trip(id, size);
        if (t < best)
            best = t;
    }
    waitpid(pid, NULL, 0);
    msgctl(id, IPC_RMID, NULL);
    printf("msgq-msgs-per-sec %.0f msgs/s\n", COUNT / best);
    return 0;
}
