/*
 * sysv_stub.h - TEMPORARY stand-ins for <sys/shm.h> and <sys/sem.h>, for
 * ipcs, ipcmk and ipcrm, until the C library has shared memory and
 * semaphore sets. Every call fails with ENOSYS, so the programs handle
 * message queues fully and report the other two kinds as failing (or, in
 * ipcs, as empty). Delete this file, and the #if in the three programs,
 * once the real headers exist.
 */
#ifndef SYSV_STUB_H
#define SYSV_STUB_H

#include <errno.h>
#include <stddef.h>
#include <sys/ipc.h>

struct shmid_ds { struct ipc_perm shm_perm; unsigned long long shm_segsz, shm_nattch; };
struct semid_ds { struct ipc_perm sem_perm; unsigned long long sem_nsems; };

static inline int stub_enosys(void) { errno = ENOSYS; return -1; }
#define shmget(key, size, flags)   ((void)(key), (void)(size), (void)(flags), stub_enosys())
#define shmctl(id, cmd, buf)       ((void)(id), (void)(cmd), (void)(buf), stub_enosys())
#define semget(key, nsems, flags)  ((void)(key), (void)(nsems), (void)(flags), stub_enosys())
#define semctl(id, num, cmd, arg)  ((void)(id), (void)(num), (void)(cmd), (void)(arg), stub_enosys())

#endif
