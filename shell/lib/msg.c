/*
 * msg.c - System V message queues: msgget, msgsnd, msgrcv, msgctl, thin
 * wrappers over the system calls of ipc/msgq.c.
 *
 * The kernel reads and writes the caller's structures directly: a message
 * is a long type and its text, as here, and struct msqid_ds has the
 * layout of the kernel's struct k_msqid_ds (checked below). So nothing is
 * converted, and every call is one system call.
 *
 * msgsnd and msgrcv that are interrupted by a signal handler fail with
 * EINTR, even for a handler installed with SA_RESTART, as on Linux.
 */
#include "libc.h"
#include <sys/msg.h>

#define SAME(a, b) (offsetof(struct msqid_ds, a) == offsetof(struct k_msqid_ds, b))
_Static_assert(sizeof(struct msqid_ds) == sizeof(struct k_msqid_ds), "msqid_ds size");
_Static_assert(sizeof(struct ipc_perm) == sizeof(struct k_ipc_perm), "ipc_perm size");
_Static_assert(SAME(msg_stime, msg_stime) && SAME(msg_ctime, msg_ctime) &&
               SAME(__msg_cbytes, msg_cbytes) && SAME(msg_qnum, msg_qnum) &&
               SAME(msg_qbytes, msg_qbytes) && SAME(msg_lspid, msg_lspid) &&
               SAME(msg_lrpid, msg_lrpid), "msqid_ds layout");

int msgget(key_t key, int msgflg)
{
    return (int)sys_ret(sys2(SYS_msgget, key, msgflg));
}

/* A size that does not fit a long (only possible on wasm32, where both are
 * 32 bits) arrives negative, and the kernel answers EINVAL as it must for
 * a size beyond MSGMAX. */
int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg)
{
    return (int)sys_ret(sys4(SYS_msgsnd, msqid, P(msgp), (long)msgsz, msgflg));
}

ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg)
{
    return sys_ret(__dx_syscall(SYS_msgrcv, msqid, P(msgp), (long)msgsz, msgtyp,
                                msgflg, 0));
}

int msgctl(int msqid, int cmd, struct msqid_ds *buf)
{
    return (int)sys_ret(sys3(SYS_msgctl, msqid, cmd, P(buf)));
}
