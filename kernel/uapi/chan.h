/*
 * uapi/chan.h - typed channels (ipc/chan.c) as user space sees them:
 * flags, limits and the record chan_info and chan_list fill.
 *
 * A channel carries messages of one fixed size, set when it is made. It
 * has two kinds of ends, each an ordinary descriptor: chan_create gives
 * fds[0], the receive end, and fds[1], the send end (the order of pipe2).
 * docs/ipc/channels.md has the whole story.
 */
#ifndef DUPLEX_UAPI_CHAN_H
#define DUPLEX_UAPI_CHAN_H

#include "types.h"

/* chan_create, chan_send, chan_recv flags */
#define CHAN_NONBLOCK    04000        /* fail with EAGAIN instead of waiting (= O_NONBLOCK) */
#define CHAN_CLOEXEC     02000000     /* chan_create: both ends close-on-exec (= O_CLOEXEC) */

/* limits */
#define CHAN_MSG_MAX     65536        /* bytes in one message */
#define CHAN_BOUNDED_MAX (1 << 20)    /* bytes a bounded channel may reserve */
#define CHAN_QUOTA       (1 << 20)    /* bytes one process may have queued in
                                         unbounded channels */

struct k_chan_info {
    uint32_t id;
    uint32_t msgsize;        /* bytes in one message */
    uint32_t capacity;       /* messages; 0: unbounded */
    uint32_t queued;         /* messages waiting */
    uint32_t senders;        /* open send ends (files, not descriptors) */
    uint32_t receivers;      /* open receive ends */
    int32_t  creator;        /* pid of the process that made it */
    uint32_t pad;
    uint64_t sent;           /* messages ever sent */
    uint64_t received;       /* messages ever received */
};

#endif
