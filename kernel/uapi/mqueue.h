/*
 * uapi/mqueue.h - POSIX message queues (ipc/mqueue.c) as user space sees
 * them: the limits, Linux's, and the records mq_open, mq_getsetattr and
 * mq_notify pass. The C library's struct mq_attr and struct sigevent use
 * `long` and pointers; it converts them to these fixed-width ones.
 */
#ifndef DUPLEX_UAPI_MQUEUE_H
#define DUPLEX_UAPI_MQUEUE_H

#include "types.h"

#define MQ_PRIO_MAX       32768     /* priorities are 0 .. MQ_PRIO_MAX - 1 */
#define MQ_MAXMSG_DEFAULT 10        /* a queue made without attributes */
#define MQ_MSGSIZE_DEFAULT 8192
#define MQ_MAXMSG_MAX     10        /* what a user may ask for (fs.mqueue.msg_max) */
#define MQ_MSGSIZE_MAX    8192      /* (fs.mqueue.msgsize_max) */
#define MQ_MAXMSG_HARD    65536     /* what root may ask for */
#define MQ_MSGSIZE_HARD   (16 << 20)
#define MQ_BYTES_MAX      819200    /* per user, of all its queues (RLIMIT_MSGQUEUE) */
#define MQ_QUEUES_MAX     256       /* queues in the system (fs.mqueue.queues_max) */

struct k_mq_attr {
    int64_t mq_flags;               /* O_NONBLOCK or 0 */
    int64_t mq_maxmsg;              /* the most messages it holds */
    int64_t mq_msgsize;             /* the largest message */
    int64_t mq_curmsgs;             /* messages queued now */
};

/* mq_notify: how to tell the process that a message came */
#define SIGEV_SIGNAL 0
#define SIGEV_NONE   1
#define SIGEV_THREAD 2

struct k_sigevent {
    int32_t  sigev_notify;          /* SIGEV_SIGNAL or SIGEV_NONE */
    int32_t  sigev_signo;
    uint64_t sigev_value;           /* kept for the signal's si_value */
};

#endif
