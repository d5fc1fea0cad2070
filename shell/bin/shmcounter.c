/*
 * shmcounter - the IPC chapter's second exercise, as a textbook writes
 * it: "a counter in shared memory, two processes incrementing it 10,000
 * times, with a semaphore in shared memory" (docs/ipc/processes.md). The
 * same source is built for the host with glibc and compared with Duplex's
 * output by tests/compat.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define N 10000

struct shared {
    sem_t mutex;
    int counter;
};

int main(void)
{
    struct shared *s = mmap(NULL, sizeof(struct shared), PROT_READ | PROT_WRITE,
                            MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (s == MAP_FAILED) {
        perror("mmap");
        exit(1);
    }
    if (sem_init(&s->mutex, 1, 1) == -1) {   /* 1: shared between processes */
        perror("sem_init");
        exit(1);
    }
    s->counter = 0;

    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(1);
    }

    for (int i = 0; i < N; i++) {
        sem_wait(&s->mutex);
        s->counter++;
        sem_post(&s->mutex);
    }

    if (pid == 0)
        exit(0);

    wait(NULL);
    printf("counter = %d (expected %d)\n", s->counter, 2 * N);
    sem_destroy(&s->mutex);
    munmap(s, sizeof(struct shared));
    return 0;
}
