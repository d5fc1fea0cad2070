/*
 * ringdemo - messages through the shared ring of the C library (<ring.h>):
 * a producer, a consumer, four slots.
 *
 *   ringdemo                 a producer and a consumer over a new ring
 *   ringdemo -c SHMID        be the consumer (started by ringdemo itself)
 *
 * The producer makes a ring of 4 slots of 32 bytes, starts a copy of
 * itself as the consumer with the ring's id, and puts 10 messages and an
 * empty one that means "the end". The ring holds only 4, so the producer
 * waits whenever the consumer falls behind; the consumer waits whenever
 * the ring is empty. The consumer prints what it gets; the producer prints
 * only after the consumer has finished, so the output is the same on every
 * run and every target.
 *
 * At the end the producer removes the ring and checks with the kernel
 * (kstat) that no segment or semaphore set was left behind.
 */
#include <duplex.h>
#include <errno.h>
#include <ring.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define PROG     "ringdemo"
#define SLOTS    4
#define SLOTSIZE 32
#define COUNT    10

extern char **environ;

static void die(const char *what)
{
    fprintf(stderr, PROG ": %s: %s\n", what, strerror(errno));
    exit(1);
}

static int consumer(int shmid)
{
    struct ring *r = ring_attach(shmid);
    if (!r)
        die("cannot attach the ring");
    char buf[SLOTSIZE + 1];
    int got = 0;
    ssize_t n;
    while ((n = ring_get(r, buf, SLOTSIZE)) > 0) {
        buf[n] = '\0';
        printf("consumer: got \"%s\"\n", buf);
        got++;
    }
    if (n < 0)
        die("ring_get");
    printf("consumer: end of stream after %d messages\n", got);
    ring_detach(r);
    return 0;
}

/* The kernel's counts of segments and semaphore sets. */
static void ipc_counts(unsigned *shm, unsigned *sem)
{
    struct k_kstat ks;
    if (kstat(&ks) < 0)
        die("kstat");
    *shm = ks.ipc[KSTAT_SHM];
    *sem = ks.ipc[KSTAT_SEM];
}

static int producer(const char *self)
{
    unsigned shm0, sem0, shm1, sem1;
    ipc_counts(&shm0, &sem0);
    struct ring *r = ring_create(SLOTS, SLOTSIZE);
    if (!r)
        die("cannot make the ring");
    char id[16];
    snprintf(id, sizeof id, "%d", ring_id(r));
    char *args[] = { (char *)self, "-c", id, NULL };
    pid_t pid;
    int err = posix_spawnp(&pid, self, NULL, NULL, args, environ);
    if (err) {
        errno = err;
        ring_destroy(r);
        die("cannot start the consumer");
    }
    char msg[SLOTSIZE];
    for (int i = 1; i <= COUNT; i++) {
        int n = snprintf(msg, sizeof msg, "message %d of %d", i, COUNT);
        if (ring_put(r, msg, (size_t)n) < 0)
            die("ring_put");
    }
    if (ring_put(r, "", 0) < 0)
        die("ring_put");
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
        fprintf(stderr, PROG ": the consumer failed\n");
    printf("producer: %d messages and the end through %d slots\n", COUNT, SLOTS);
    if (ring_destroy(r) < 0)
        die("ring_destroy");
    ipc_counts(&shm1, &sem1);
    if (shm1 == shm0 && sem1 == sem0)
        printf("producer: ring removed, nothing left in the kernel\n");
    else
        printf("producer: %u segments and %u semaphores left over\n", shm1 - shm0, sem1 - sem0);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "-c") == 0)
        return consumer(atoi(argv[2]));
    if (argc != 1) {
        fprintf(stderr, "Usage: " PROG "\n       " PROG " -c SHMID\n");
        return 2;
    }
    return producer(argv[0]);
}
