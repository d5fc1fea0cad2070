/*
 * sem.c - System V semaphore sets: semget, semop, semtimedop, semctl, thin
 * wrappers over the system calls of ipc/sem.c. POSIX named semaphores are
 * in psem.c.
 *
 * struct sembuf and struct semid_ds have the layouts of the kernel's
 * structures (checked below). semop and semtimedop interrupted by a signal
 * handler fail with EINTR, even for SA_RESTART handlers, as on Linux.
 */
#include "libc.h"
#include <stdarg.h>
#include <sys/sem.h>
#include <sys/stat.h>               /* struct k_timespec */
#include <time.h>

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
