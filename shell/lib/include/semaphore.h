/*
 * semaphore.h - POSIX semaphores, named (ipc/psem.c) and unnamed
 * (docs/ipc/sem.md).
 *
 *     sem_t *s = sem_open("/ready", O_CREAT, 0600, 0);
 *     sem_wait(s);                    // waits until someone posts
 *     sem_post(s);
 *     sem_close(s);                   // this process is done with it
 *     sem_unlink("/ready");           // the name goes; the semaphore with
 *                                     // the last sem_close
 *
 * A named sem_t stands for a descriptor that sem_open got from the
 * kernel: it is inherited by children (at the same number) and closed at
 * exit. Each sem_open returns a new sem_t.
 *
 * An unnamed semaphore is a sem_t of the program's own, set up with
 * sem_init: its count is in the sem_t itself. With pshared 1 and the
 * sem_t in shared memory (mmap MAP_SHARED, shmat), processes share it:
 *
 *     sem_t *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE,
 *                     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
 *     sem_init(s, 1, 1);              // before fork: both have it
 *
 * Waiting sleeps in the kernel (a futex) only when the count is 0; a
 * signal handler ends the wait with EINTR, whatever SA_RESTART says, as
 * on Linux.
 */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <fcntl.h>                  /* O_CREAT, O_EXCL */
#include <time.h>
#include "../../../kernel/uapi/semaphore.h"     /* SEM_VALUE_MAX */

typedef struct {
    int               __fd;         /* named: the kernel's descriptor; unnamed: -1 */
    volatile unsigned __value;      /* unnamed: the count */
    volatile unsigned __waiters;    /* unnamed: processes sleeping in sem_wait */
    int               __pshared;
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
/* Unnamed semaphores: pshared 0 for this process only, 1 for processes
 * that have the sem_t in shared memory. */
int    sem_init(sem_t *sem, int pshared, unsigned int value);
int    sem_destroy(sem_t *sem);

#endif
