/*
 * pthread.h - the process-shared part of POSIX threads: mutexes and
 * condition variables that processes share through shared memory
 * (shell/lib/pthread.c; docs/ipc/sem.md). Duplex processes have one
 * thread each: there is no pthread_create.
 *
 *     struct shared { pthread_mutex_t lock; int counter; } *s =
 *         mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE,
 *              MAP_SHARED | MAP_ANONYMOUS, -1, 0);
 *     pthread_mutexattr_t a;
 *     pthread_mutexattr_init(&a);
 *     pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
 *     pthread_mutex_init(&s->lock, &a);
 *
 * As POSIX has it, the functions return 0 or an error number, and leave
 * errno alone. A recursive or error-checking mutex knows its owner by its
 * process id.
 */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <sys/types.h>
#include <time.h>

#define PTHREAD_PROCESS_PRIVATE 0
#define PTHREAD_PROCESS_SHARED  1

#define PTHREAD_MUTEX_NORMAL     0
#define PTHREAD_MUTEX_RECURSIVE  1
#define PTHREAD_MUTEX_ERRORCHECK 2
#define PTHREAD_MUTEX_DEFAULT    PTHREAD_MUTEX_NORMAL

typedef struct {
    int __pshared;
    int __type;
} pthread_mutexattr_t;

typedef struct {
    int __pshared;
} pthread_condattr_t;

typedef struct {
    volatile unsigned __lock;       /* 0 free, 1 taken, 2 taken and wanted */
    int               __owner;      /* recursive, errorcheck: the holder's pid */
    unsigned          __count;      /* recursive: how often the holder took it */
    int               __type;
    int               __pshared;
} pthread_mutex_t;

typedef struct {
    volatile unsigned __seq;        /* signals and broadcasts so far */
    int               __pshared;
} pthread_cond_t;

#define PTHREAD_MUTEX_INITIALIZER { 0, 0, 0, PTHREAD_MUTEX_DEFAULT, 0 }
#define PTHREAD_COND_INITIALIZER  { 0, 0 }

int pthread_mutexattr_init(pthread_mutexattr_t *attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr);
int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared);
int pthread_mutexattr_getpshared(const pthread_mutexattr_t *attr, int *pshared);
int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type);

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
/* abstime on CLOCK_REALTIME */
int pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime);
int pthread_mutex_unlock(pthread_mutex_t *m);

int pthread_condattr_init(pthread_condattr_t *attr);
int pthread_condattr_destroy(pthread_condattr_t *attr);
int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared);
int pthread_condattr_getpshared(const pthread_condattr_t *attr, int *pshared);

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
/* abstime on CLOCK_REALTIME */
int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);

#endif
