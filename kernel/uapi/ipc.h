/*
 * uapi/ipc.h - System V IPC as user space sees it: flags, commands and the
 * structures msgctl, shmctl and semctl read and write (Linux's values;
 * Duplex's own fixed-width layouts, the same on every target).
 *
 * A message (msgsnd/msgrcv) is, as in POSIX, a `long` type followed by the
 * text: `long` is the target's own (4 bytes on wasm32, 8 on aarch64), and
 * the kernel, built for the same target, reads it the same way.
 */
#ifndef DUPLEX_UAPI_IPC_H
#define DUPLEX_UAPI_IPC_H

#include "types.h"

#define IPC_PRIVATE  0
#define IPC_CREAT    01000
#define IPC_EXCL     02000
#define IPC_NOWAIT   04000

#define IPC_RMID     0
#define IPC_SET      1
#define IPC_STAT     2
#define IPC_INFO     3

/* msgctl/shmctl/semctl(slot, X_STAT, buf): like IPC_STAT, but of the object
 * in table slot `slot` (0 .. MSGMNI-1 ...), and the call returns its id;
 * EINVAL for an empty slot. ipcs walks the tables with them. */
#define MSG_STAT     11
#define SHM_STAT     13
#define SEM_STAT     18

#define MSG_NOERROR  010000
#define MSG_EXCEPT   020000

#define SHM_RDONLY   010000
#define SHM_DEST     01000         /* in shm_perm.mode: removed, waiting for its last detach */

#define SEM_UNDO     0x1000
#define GETPID       11
#define GETVAL       12
#define GETALL       13
#define GETNCNT      14
#define GETZCNT      15
#define SETVAL       16
#define SETALL       17

/* limits */
#define MSGMAX       8192          /* bytes in one message */
#define MSGMNB       16384         /* default bytes in a queue */
#define MSGMNI       32            /* queues */
#define SHMMAX       (4 << 20)     /* bytes in a segment */
#define SHMMNI       32            /* segments */
#define SEMMNI       32            /* semaphore sets */
#define SEMMSL       64            /* semaphores in a set */
#define SEMOPM       32            /* operations in one semop */
#define SEMVMX       32767         /* the largest semaphore value */

struct k_ipc_perm {
    int32_t  key;
    uint32_t uid, gid;             /* owner */
    uint32_t cuid, cgid;           /* creator */
    uint32_t mode;                 /* the low 9 bits: rwxrwxrwx */
    uint32_t seq;
    uint32_t pad;
};

struct k_msqid_ds {
    struct k_ipc_perm msg_perm;
    int64_t  msg_stime, msg_rtime, msg_ctime;   /* seconds since 1970 */
    uint64_t msg_cbytes;           /* bytes queued */
    uint64_t msg_qnum;             /* messages queued */
    uint64_t msg_qbytes;           /* the most bytes the queue holds */
    int32_t  msg_lspid, msg_lrpid; /* last sender, last receiver */
};

struct k_shmid_ds {
    struct k_ipc_perm shm_perm;
    uint64_t shm_segsz;
    int64_t  shm_atime, shm_dtime, shm_ctime;
    int32_t  shm_cpid, shm_lpid;
    uint64_t shm_nattch;
};

struct k_semid_ds {
    struct k_ipc_perm sem_perm;
    int64_t  sem_otime, sem_ctime;
    uint64_t sem_nsems;
};

struct k_sembuf {
    uint16_t sem_num;
    int16_t  sem_op;
    int16_t  sem_flg;
};

#endif
