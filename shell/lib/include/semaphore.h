/*
 * semaphore.h - POSIX named semaphores (ipc/psem.c; docs/ipc/sem.md).
 *
 *     sem_t *s = sem_open("/ready", O_CREAT, 0600, 0);
 *     sem_wait(s);                    // waits until someone posts
 *     sem_post(s);
 *     sem_close(s);                   // this process is done with it
 *     sem_unlink("/ready");           // the name goes; the semaphore with
 *                                     // the last sem_close
 *
 * A sem_t stands for a descriptor that sem_open got from the kernel: it is
 * inherited by spawned children (at the same number) and closed at exit.
 * Each sem_open returns a new sem_t. Unnamed semaphores (sem_init) are not
 * provided.
 */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <fcntl.h>                  /* O_CREAT, O_EXCL */
#include <time.h>
#include "../../../kernel/uapi/semaphore.h"     /* SEM_VALUE_MAX */

typedef struct {
    int __fd;
} sem_t;

#define SEM_FAILED ((sem_t *)0)

/* With O_CREAT, two more arguments: mode_t mode, unsigned int value. */
sem_t *sem_open(const char *name, int oflag, ...);
int    sem_close(sem_t *sem);
int    sem_unlink(const char *name);
int    sem_wait(sem_t *sem);
int    sem_trywait(sem_t *sem);        /* EAGAIN instead of waiting */
/* Wait until abstime at most (CLOCK_REALTIME), then ETIMEDOUT. */
int    sem_timedwait(sem_t *sem, const struct timespec *abstime);
int    sem_post(sem_t *sem);
int    sem_getvalue(sem_t *sem, int *value);

#endif
