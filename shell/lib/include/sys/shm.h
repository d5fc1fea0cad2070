/*
 * sys/shm.h - System V shared memory (ipc/shm.c; docs/ipc/shm.md).
 *
 *     int id = shmget(IPC_PRIVATE, 4096, 0600);   // a zeroed segment
 *     char *p = shmat(id, NULL, 0);               // where it appears here
 *     ...                                         // other processes that
 *     shmdt(p);                                   // attach it see the same
 *     shmctl(id, IPC_RMID, NULL);                 // bytes; gone after the
 *                                                 // last detach
 *
 * struct shmid_ds has the layout of the kernel's struct k_shmid_ds, so
 * shmctl passes it through unchanged. shm_segsz is a size_t as POSIX says,
 * overlaid on the kernel's 64-bit field (both targets are little-endian).
 */
#ifndef _SYS_SHM_H
#define _SYS_SHM_H

#include <stddef.h>
#include <sys/ipc.h>

#define SHMLBA 4096                 /* attach addresses are multiples of this */

typedef unsigned long long shmatt_t;

struct shmid_ds {
    struct ipc_perm shm_perm;
    union {
        size_t             shm_segsz;       /* bytes asked for at shmget */
        unsigned long long __shm_segsz64;
    };
    time_t          shm_atime;      /* last shmat (0: never) */
    time_t          shm_dtime;      /* last shmdt */
    time_t          shm_ctime;      /* creation or last IPC_SET */
    pid_t           shm_cpid;       /* creator */
    pid_t           shm_lpid;       /* last to attach or detach */
    shmatt_t        shm_nattch;     /* attachments now */
};

int   shmget(key_t key, size_t size, int shmflg);
void *shmat(int shmid, const void *shmaddr, int shmflg);   /* (void *)-1 on error */
int   shmdt(const void *shmaddr);
int   shmctl(int shmid, int cmd, struct shmid_ds *buf);

#endif
