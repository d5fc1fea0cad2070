/* A process-shared mutex and condition variable in shared memory: a
 * producer hands five numbers to a consumer, one at a time. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

struct box {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int full;
    int value;
};

int main(void)
{
    struct box *b = mmap(NULL, sizeof *b, PROT_READ | PROT_WRITE,
                         MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
    pthread_mutex_init(&b->lock, &ma);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
    pthread_cond_init(&b->changed, &ca);
    b->full = 0;

    pid_t pid = fork();
    if (pid == 0) {                         /* consumer */
        for (int i = 0; i < 5; i++) {
            pthread_mutex_lock(&b->lock);
            while (!b->full)
                pthread_cond_wait(&b->changed, &b->lock);
            printf("consumer got %d\n", b->value);
            fflush(stdout);
            b->full = 0;
            pthread_cond_signal(&b->changed);
            pthread_mutex_unlock(&b->lock);
        }
        _exit(0);
    }
    for (int i = 1; i <= 5; i++) {          /* producer */
        pthread_mutex_lock(&b->lock);
        while (b->full)
            pthread_cond_wait(&b->changed, &b->lock);
        b->value = i * i;
        b->full = 1;
        pthread_cond_signal(&b->changed);
        pthread_mutex_unlock(&b->lock);
    }
    waitpid(pid, NULL, 0);
    printf("trylock on a free mutex: %d\n", pthread_mutex_trylock(&b->lock));
    printf("trylock on a taken mutex: %d\n", pthread_mutex_trylock(&b->lock) != 0);
    pthread_mutex_unlock(&b->lock);
    pthread_mutex_destroy(&b->lock);
    pthread_cond_destroy(&b->changed);
    return 0;
}
