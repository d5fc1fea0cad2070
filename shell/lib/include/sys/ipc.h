/*
 * sys/ipc.h - what System V message queues (<sys/msg.h>), shared memory
 * (<sys/shm.h>) and semaphore sets (<sys/sem.h>) share: keys, the
 * permission record every object carries, the IPC_* flags and commands.
 *
 * The values are the kernel's (kernel/uapi/ipc.h), which are Linux's.
 * struct ipc_perm has exactly the layout of the kernel's struct
 * k_ipc_perm, so msgctl, shmctl and semctl hand the caller's structure to
 * the kernel as it is. The key and the sequence number are __key and __seq,
 * as in glibc: POSIX names only uid, gid, cuid, cgid and mode.
 */
#ifndef _SYS_IPC_H
#define _SYS_IPC_H

#include <sys/types.h>
#include "../../../../kernel/uapi/ipc.h"

typedef int key_t;

struct ipc_perm {
    key_t        __key;
    uid_t        uid;           /* owner */
    gid_t        gid;
    uid_t        cuid;          /* creator */
    gid_t        cgid;
    mode_t       mode;          /* rwxrwxrwx in the low 9 bits */
    unsigned int __seq;         /* how often the table slot has been reused */
    unsigned int __pad;
};

/* A key from a file's identity and a project number (its low 8 bits):
 * programs that name the same file and number get the same key. -1 with
 * errno if the file cannot be stat'ed. */
key_t ftok(const char *path, int id);

#endif
