/*
 * psem.c - POSIX named semaphores: sem_open, sem_close, sem_unlink,
 * sem_wait, sem_trywait, sem_timedwait, sem_post, sem_getvalue, over the
 * system calls of ipc/psem.c.
 *
 * The kernel hands out a descriptor for each sem_open; a sem_t, allocated
 * here, holds it. sem_close is close() of that descriptor and frees the
 * sem_t. A sem_wait interrupted by a handler installed with SA_RESTART
 * is issued again; otherwise it fails with EINTR.
 */
#include "libc.h"
#include <semaphore.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>               /* struct k_timespec */
#include <unistd.h>

sem_t *sem_open(const char *name, int oflag, ...)
{
    long mode = 0, value = 0;
    if (oflag & O_CREAT) {
        va_list ap;
        va_start(ap, oflag);
        mode = (long)va_arg(ap, mode_t);
        value = (long)va_arg(ap, unsigned int);
        va_end(ap);
    }
    sem_t *sem = malloc(sizeof *sem);
    if (!sem) {
        errno = ENOMEM;
        return SEM_FAILED;
    }
    long fd = sys4(SYS_sem_open, P(name), oflag, mode, value);
    if (sys_ret(fd) < 0) {
        free(sem);
        return SEM_FAILED;
    }
    sem->__fd = (int)fd;
    return sem;
}

int sem_close(sem_t *sem)
{
    if (close(sem->__fd) < 0) {
        errno = EINVAL;
        return -1;
    }
    free(sem);
    return 0;
}

int sem_unlink(const char *name)
{
    return (int)sys_ret(sys1(SYS_sem_unlink, P(name)));
}

int sem_wait(sem_t *sem)
{
    return (int)sys_ret(sys1(SYS_sem_wait, sem->__fd));
}

int sem_trywait(sem_t *sem)
{
    return (int)sys_ret(sys1(SYS_sem_trywait, sem->__fd));
}

/* The kernel reads the deadline only if it must wait, as POSIX wants; a
 * null one then fails with EFAULT. */
int sem_timedwait(sem_t *sem, const struct timespec *abstime)
{
    struct k_timespec k;
    if (abstime) {
        k.tv_sec = abstime->tv_sec;
        k.tv_nsec = abstime->tv_nsec;
    }
    return (int)sys_ret(sys2(SYS_sem_timedwait, sem->__fd, abstime ? P(&k) : 0));
}

int sem_post(sem_t *sem)
{
    return (int)sys_ret(sys1(SYS_sem_post, sem->__fd));
}

int sem_getvalue(sem_t *sem, int *value)
{
    int32_t v;
    long r = sys2(SYS_sem_getvalue, sem->__fd, P(&v));
    if (r == 0)
        *value = v;
    return (int)sys_ret(r);
}
