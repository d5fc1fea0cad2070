/*
 * uapi/semaphore.h - POSIX named semaphores as user space sees them
 * (ipc/psem.c; the system calls are SYS_sem_* in syscall.h). A semaphore
 * is reached through a descriptor that sem_open returns; the C library's
 * sem_t wraps it.
 */
#ifndef DUPLEX_UAPI_SEMAPHORE_H
#define DUPLEX_UAPI_SEMAPHORE_H

#define SEM_VALUE_MAX 2147483647    /* the largest value sem_post reaches */

#endif
