/*
 * sys/msg.h - System V message queues (ipc/msgq.c; docs/ipc/msgq.md).
 *
 * A message is a struct of the caller's own shape that starts with a
 * positive `long` type:
 *
 *     struct { long mtype; char mtext[64]; } m = { 1, "hello" };
 *     msgsnd(id, &m, 5, 0);                    // 5: the bytes of mtext
 *     msgrcv(id, &m, sizeof m.mtext, 0, 0);    // -> 5
 *
 * struct msqid_ds has the layout of the kernel's struct k_msqid_ds; the
 * byte count is __msg_cbytes, as in glibc.
 */
#ifndef _SYS_MSG_H
#define _SYS_MSG_H

#include <stddef.h>
#include <sys/ipc.h>

typedef unsigned long long msgqnum_t;
typedef unsigned long long msglen_t;

struct msqid_ds {
    struct ipc_perm msg_perm;
    time_t          msg_stime;      /* last msgsnd (0: never) */
    time_t          msg_rtime;      /* last msgrcv */
    time_t          msg_ctime;      /* creation or last IPC_SET */
    unsigned long long __msg_cbytes;  /* bytes queued */
    msgqnum_t       msg_qnum;       /* messages queued */
    msglen_t        msg_qbytes;     /* the most bytes the queue holds */
    pid_t           msg_lspid;      /* last sender */
    pid_t           msg_lrpid;      /* last receiver */
};

int     msgget(key_t key, int msgflg);
int     msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg);
ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg);
int     msgctl(int msqid, int cmd, struct msqid_ds *buf);

#endif
