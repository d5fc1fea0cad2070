/*
 * sem.c - semaphores, all three kinds, over the system calls of ipc/sem.c,
 * ipc/psem.c and ipc/futex.c:
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
 *
 *  - POSIX unnamed semaphores: sem_init, sem_destroy, and the same
 *    sem_wait family. The count lives in the sem_t; taking it is an atomic
 *    compare-and-swap in the process, and only a process that finds it 0
 *    enters the kernel, to sleep on the count's word (a futex) until a
 *    sem_post wakes it. A sem_t in shared memory, with pshared 1, works
 *    across processes: the kernel keys the word by the shared object.
 *    Interrupted by a handler, a wait fails with EINTR, as on Linux.
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

/* ---- POSIX unnamed semaphores ---------------------------------------------- */

#define UNNAMED (-1)

static bool unnamed(sem_t *s) { return s->__fd == UNNAMED; }

int sem_init(sem_t *sem, int pshared, unsigned int value)
{
    if (value > SEM_VALUE_MAX) {
        errno = EINVAL;
        return -1;
    }
    sem->__fd = UNNAMED;
    sem->__value = value;
    sem->__waiters = 0;
    sem->__pshared = pshared != 0;
    return 0;
}

int sem_destroy(sem_t *sem)
{
    if (!unnamed(sem)) {
        errno = EINVAL;
        return -1;
    }
    return 0;
}

/* Take one if the count is not 0. */
static bool take(sem_t *s)
{
    unsigned v = __atomic_load_n(&s->__value, __ATOMIC_SEQ_CST);
    while (v > 0)
        if (__atomic_compare_exchange_n(&s->__value, &v, v - 1, false, __ATOMIC_SEQ_CST,
                                        __ATOMIC_SEQ_CST))
            return true;
    return false;
}

/* Wait for the count, until abstime (CLOCK_REALTIME) if not NULL. */
static int unnamed_wait(sem_t *s, const struct timespec *abstime)
{
    while (!take(s)) {
        struct timespec left, *rel = NULL;
        if (abstime) {
            if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L) {
                errno = EINVAL;
                return -1;
            }
            if (!__dx_time_left(CLOCK_REALTIME, abstime, &left)) {
                errno = ETIMEDOUT;
                return -1;
            }
            rel = &left;
        }
        __atomic_fetch_add(&s->__waiters, 1, __ATOMIC_SEQ_CST);
        long r = __dx_futex_wait(&s->__value, 0, rel, s->__pshared);
        __atomic_fetch_sub(&s->__waiters, 1, __ATOMIC_SEQ_CST);
        if (r == -EINTR) {
            errno = EINTR;
            return -1;
        }
    }
    return 0;
}

static int unnamed_post(sem_t *s)
{
    unsigned v = __atomic_load_n(&s->__value, __ATOMIC_SEQ_CST);
    do {
        if (v >= SEM_VALUE_MAX) {
            errno = EOVERFLOW;
            return -1;
        }
    } while (!__atomic_compare_exchange_n(&s->__value, &v, v + 1, false, __ATOMIC_SEQ_CST,
                                          __ATOMIC_SEQ_CST));
    if (__atomic_load_n(&s->__waiters, __ATOMIC_SEQ_CST) > 0)
        __dx_futex_wake(&s->__value, 1, s->__pshared);
    return 0;
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
    sem->__value = sem->__waiters = 0;
    sem->__pshared = 1;
    return sem;
}

int sem_close(sem_t *sem)
{
    if (unnamed(sem) || close(sem->__fd) < 0) {
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
    if (unnamed(sem))
        return unnamed_wait(sem, NULL);
    return (int)sys_ret(sys1(SYS_sem_wait, sem->__fd));
}

int sem_trywait(sem_t *sem)
{
    if (unnamed(sem)) {
        if (take(sem))
            return 0;
        errno = EAGAIN;
        return -1;
    }
    return (int)sys_ret(sys1(SYS_sem_trywait, sem->__fd));
}

/* The kernel reads the deadline only if it must wait, as POSIX wants; a
 * null one then fails with EFAULT. */
int sem_timedwait(sem_t *sem, const struct timespec *abstime)
{
    if (unnamed(sem))
        return unnamed_wait(sem, abstime);
    struct k_timespec k;
    if (abstime) {
        k.tv_sec = abstime->tv_sec;
        k.tv_nsec = abstime->tv_nsec;
    }
    return (int)sys_ret(sys2(SYS_sem_timedwait, sem->__fd, abstime ? P(&k) : 0));
}

int sem_post(sem_t *sem)
{
    if (unnamed(sem))
        return unnamed_post(sem);
    return (int)sys_ret(sys1(SYS_sem_post, sem->__fd));
}

int sem_getvalue(sem_t *sem, int *value)
{
    if (unnamed(sem)) {
        *value = (int)__atomic_load_n(&sem->__value, __ATOMIC_SEQ_CST);
        return 0;
    }
    int32_t v;
    long r = sys2(SYS_sem_getvalue, sem->__fd, P(&v));
    if (r == 0)
        *value = v;
    return (int)sys_ret(r);
}
