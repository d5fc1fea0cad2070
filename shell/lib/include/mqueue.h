/*
 * mqueue.h - POSIX message queues (ipc/mqueue.c, docs/ipc/mqueue.md).
 *
 *     struct mq_attr at = { .mq_maxmsg = 10, .mq_msgsize = 128 };
 *     mqd_t q = mq_open("/jobs", O_CREAT | O_RDWR, 0600, &at);  // /dev/mqueue/jobs
 *     mq_send(q, "build", 5, 3);                  // priority 3
 *     unsigned prio;
 *     ssize_t n = mq_receive(q, buf, 128, &prio); // the highest priority first
 *
 * A queue descriptor is a file descriptor (close-on-exec, pollable);
 * mq_close is close. Limits are Linux's defaults: 10 messages of 8192 bytes.
 */
#ifndef _MQUEUE_H
#define _MQUEUE_H

#include <sys/types.h>
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include "../../../kernel/uapi/mqueue.h"

typedef int mqd_t;

struct mq_attr {
    long mq_flags;                  /* O_NONBLOCK or 0 */
    long mq_maxmsg;                 /* the most messages it holds */
    long mq_msgsize;                /* the largest message */
    long mq_curmsgs;                /* messages queued now */
};

mqd_t   mq_open(const char *name, int oflag, ...);
int     mq_close(mqd_t q);
int     mq_unlink(const char *name);
int     mq_send(mqd_t q, const char *msg, size_t len, unsigned prio);
int     mq_timedsend(mqd_t q, const char *msg, size_t len, unsigned prio,
                     const struct timespec *abstime);
ssize_t mq_receive(mqd_t q, char *buf, size_t len, unsigned *prio);
ssize_t mq_timedreceive(mqd_t q, char *buf, size_t len, unsigned *prio,
                        const struct timespec *abstime);
int     mq_getattr(mqd_t q, struct mq_attr *attr);
int     mq_setattr(mqd_t q, const struct mq_attr *attr, struct mq_attr *old);
int     mq_notify(mqd_t q, const struct sigevent *ev);

#endif
