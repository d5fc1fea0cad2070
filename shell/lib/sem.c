/*
 * sem.c - semaphores, both kinds, over the system calls of ipc/sem.c and
 * ipc/psem.c:
 *
 *  - System V sets: semget, semop, semtimedop, semctl. struct sembuf and
 *    struct semid_ds have the layouts of the kernel's structures (checked
 *    below). semop and semtimedop interrupted by a signal handler fail
 *    with EINTR, even for SA_RESTART handlers, as on Linux.
 *
 *  - POSIX named semaphores: sem_open, sem_close, sem_unlink, sem_wait,
 *    sem_trywait, sem_timedwait, sem_post, sem_getvalue. The kernel hands
 *    out a descriptor for each sem_open; a sem_t, allocated here, holds it.
 *    sem_close is close() of that descriptor, and frees the sem_t. A
 *    sem_wait interrupted by a handler installed with SA_RESTART is issued
 *    again; otherwise it fails with EINTR.
 */
#include "libc.h"
#include <semaphore.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/sem.h>
#include <sys/stat.h>               /* struct k_timespec */
#include <time.h>
#include <unistd.h>

/* ---- System V semaphore sets ---------------------------------------------- */

_Static_assert(sizeof(struct sembuf) == sizeof(struct k_sembuf), "sembuf size");
_Static_assert(offsetof(struct sembuf, sem_op) == offsetof(struct k_sembuf, sem_op) &&
               offsetof(struct sembuf, sem_flg) == offsetof(struct k_sembuf, sem_flg),
               "sembuf layout");
_Static_assert(sizeof(struct semid_ds) == sizeof(struct k_semid_ds), "semid_ds size");
_Static_assert(offsetof(struct semid_ds, sem_otime) == offsetof(struct k_semid_ds, sem_otime) &&
               offsetof(struct semid_ds, sem_ctime) == offsetof(struct k_semid_ds, sem_ctime) &&
               offsetof(struct semid_ds, __sem_nsems64) ==
                   offsetof(struct k_semid_ds, sem_nsems), "semid_ds layout");

int semget(key_t key, int nsems, int semflg)
{
    return (int)sys_ret(sys3(SYS_semget, key, nsems, semflg));
}

int semop(int semid, struct sembuf *sops, size_t nsops)
{
    return semtimedop(semid, sops, nsops, NULL);
}

/* The kernel's timespec has a 64-bit tv_nsec on every target. A count of
 * operations too big for a long arrives negative: EINVAL. */
int semtimedop(int semid, struct sembuf *sops, size_t nsops, const struct timespec *timeout)
{
    struct k_timespec k;
    if (timeout) {
        k.tv_sec = timeout->tv_sec;
        k.tv_nsec = timeout->tv_nsec;
    }
    return (int)sys_ret(sys4(SYS_semop, semid, P(sops), (long)nsops, timeout ? P(&k) : 0));
}

/* The caller's union semun, as every program declares it. */
union semun {
    int              val;
    struct semid_ds *buf;
    unsigned short  *array;
};

/* The fourth argument is read only for the commands that take one: the
 * others may be called with three arguments. */
int semctl(int semid, int semnum, int cmd, ...)
{
    long arg = 0;
    if (cmd == SETVAL || cmd == GETALL || cmd == SETALL || cmd == IPC_STAT ||
        cmd == IPC_SET || cmd == SEM_STAT) {
        va_list ap;
        va_start(ap, cmd);
        union semun u = va_arg(ap, union semun);
        va_end(ap);
        arg = cmd == SETVAL ? u.val : P(u.buf);
    }
    return (int)sys_ret(sys4(SYS_semctl, semid, semnum, cmd, arg));
}

/* ---- POSIX named semaphores ------------------------------------------------ */

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
