/*
 * sys/sem.h - System V semaphore sets (ipc/sem.c; docs/ipc/sem.md).
 *
 *     int id = semget(IPC_PRIVATE, 1, 0600);          // one semaphore, 0
 *     struct sembuf up = { 0, +1, 0 }, down = { 0, -1, SEM_UNDO };
 *     semop(id, &down, 1);                            // waits while it is 0
 *     semop(id, &up, 1);
 *     semctl(id, 0, IPC_RMID);
 *
 * semctl's fourth argument, when the command takes one, is a union semun
 * that the program itself declares, as POSIX says:
 *
 *     union semun { int val; struct semid_ds *buf; unsigned short *array; };
 *
 * struct sembuf and struct semid_ds have the layouts of the kernel's
 * struct k_sembuf and struct k_semid_ds. sem_nsems is an unsigned long, as
 * in glibc, overlaid on the kernel's 64-bit field (little-endian targets).
 */
#ifndef _SYS_SEM_H
#define _SYS_SEM_H

#include <stddef.h>
#include <sys/ipc.h>          /* and struct timespec, with <sys/types.h> */

struct sembuf {
    unsigned short sem_num;         /* which semaphore of the set */
    short          sem_op;          /* > 0 add, < 0 take (waits), 0 wait for zero */
    short          sem_flg;         /* IPC_NOWAIT, SEM_UNDO */
};

struct semid_ds {
    struct ipc_perm sem_perm;
    time_t          sem_otime;      /* last semop (0: never) */
    time_t          sem_ctime;      /* creation, last IPC_SET, SETVAL or SETALL */
    union {
        unsigned long      sem_nsems;       /* semaphores in the set */
        unsigned long long __sem_nsems64;
    };
};

int semget(key_t key, int nsems, int semflg);
int semop(int semid, struct sembuf *sops, size_t nsops);
/* semop that gives up after *timeout (relative; NULL: never) with EAGAIN. */
int semtimedop(int semid, struct sembuf *sops, size_t nsops,
               const struct timespec *timeout);
int semctl(int semid, int semnum, int cmd, ...);

#endif
