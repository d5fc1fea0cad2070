/*
 * counter - two processes add to one counter in shared memory, 10,000
 * times each: with a semaphore around every addition, and without.
 *
 *   counter                  both experiments, over a new segment
 *   counter -w MODE SHMID    the second process (started by counter itself)
 *
 * An addition `*count = *count + 1` is a read and a write. If the other
 * process reads between them, both write the same value and one addition
 * is lost. On a machine that may switch processes at any instruction
 * (arm64's timer does), that happens now and then, and the total is
 * somewhat below 20000 by a different amount on every run.
 *
 *  1. "locked": each addition holds the POSIX named semaphore
 *     /counter.lock (a mutex: value 1, sem_wait to enter, sem_post to
 *     leave). The total is 20000, always.
 *
 *  2. "race": the worst interleaving, on purpose. Two more semaphores,
 *     /counter.a and /counter.b, pass a turn back and forth so that both
 *     processes read the counter before either writes it back, every time.
 *     Each round of two additions then adds one: the total is 10000,
 *     always. This is what a preemptive scheduler does to the unlocked
 *     version, only every time instead of now and then.
 *
 * The output is the same on every run and every target.
 */
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define PROG "counter"
#define N    10000

extern char **environ;

static void die(const char *what)
{
    fprintf(stderr, PROG ": %s: %s\n", what, strerror(errno));
    exit(1);
}

static sem_t *open_sem(const char *name)
{
    sem_t *s = sem_open(name, 0);
    if (s == SEM_FAILED)
        die(name);
    return s;
}

static void down(sem_t *s)
{
    while (sem_wait(s) < 0)
        if (errno != EINTR)
            die("sem_wait");
}

static void up(sem_t *s)
{
    if (sem_post(s) < 0)
        die("sem_post");
}

/* Experiment 1: every addition under the lock. */
static void add_locked(volatile int *count)
{
    sem_t *lock = open_sem("/counter.lock");
    for (int i = 0; i < N; i++) {
        down(lock);
        *count = *count + 1;
        up(lock);
    }
    sem_close(lock);
}

/* Experiment 2: read, hand the turn over, wait for it, write, hand it over.
 * `mine` is this process's turn semaphore, `theirs` the other's. */
static void add_racing(volatile int *count, const char *mine, const char *theirs)
{
    sem_t *me = open_sem(mine), *other = open_sem(theirs);
    for (int i = 0; i < N; i++) {
        down(me);
        int v = *count;                 /* read ... */
        up(other);
        down(me);                       /* ... the other reads too ... */
        *count = v + 1;                 /* ... write */
        up(other);
    }
    sem_close(me);
    sem_close(other);
}

static void work(const char *mode, volatile int *count, bool first)
{
    if (strcmp(mode, "locked") == 0)
        add_locked(count);
    else if (first)
        add_racing(count, "/counter.a", "/counter.b");
    else
        add_racing(count, "/counter.b", "/counter.a");
}

/* The second process: its own attachment of the segment. */
static int second(const char *mode, int shmid)
{
    volatile int *count = shmat(shmid, NULL, 0);
    if (count == (void *)-1)
        die("shmat");
    work(mode, count, false);
    return shmdt((void *)count) < 0;
}

/* One experiment: the counter at 0, a second process, both add, the sum. */
static int experiment(const char *self, const char *mode, int shmid, volatile int *count)
{
    *count = 0;
    char id[16];
    snprintf(id, sizeof id, "%d", shmid);
    char *args[] = { (char *)self, "-w", (char *)mode, id, NULL };
    pid_t pid;
    int err = posix_spawnp(&pid, self, NULL, NULL, args, environ);
    if (err) {
        errno = err;
        die("cannot start the second process");
    }
    work(mode, count, true);
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
        fprintf(stderr, PROG ": the second process failed\n");
    return *count;
}

static void make_sem(const char *name, unsigned value)
{
    sem_t *s = sem_open(name, O_CREAT | O_EXCL, 0600, value);
    if (s == SEM_FAILED)
        die(name);
    sem_close(s);
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "-w") == 0)
        return second(argv[2], atoi(argv[3]));
    if (argc != 1) {
        fprintf(stderr, "Usage: " PROG "\n");
        return 2;
    }
    int shmid = shmget(IPC_PRIVATE, sizeof(int), 0600);
    if (shmid < 0)
        die("shmget");
    volatile int *count = shmat(shmid, NULL, 0);
    if (count == (void *)-1)
        die("shmat");
    make_sem("/counter.lock", 1);
    make_sem("/counter.a", 1);
    make_sem("/counter.b", 0);

    printf("two processes add 1 to a shared counter, %d times each\n", N);
    printf("each addition under a semaphore:      %d\n",
           experiment(argv[0], "locked", shmid, count));
    printf("both reads before both writes, always: %d\n",
           experiment(argv[0], "race", shmid, count));

    sem_unlink("/counter.lock");
    sem_unlink("/counter.a");
    sem_unlink("/counter.b");
    shmdt((void *)count);
    shmctl(shmid, IPC_RMID, NULL);
    return 0;
}
