/*
 * duplex/chan.h - typed channels: messages of one fixed size from any
 * number of senders to any number of receivers (docs/ipc/channels.md).
 *
 * The plain calls work on descriptors and bytes:
 *
 *     int fds[2];                            fds[0] receives, fds[1] sends
 *     chan_create(fds, sizeof(struct job), 16, 0);
 *     chan_send(fds[1], &job, sizeof job, 0);
 *     while (chan_recv(fds[0], &job, sizeof job, 0) == 1)
 *         ...;                               0: every sender has closed
 *
 * CHAN_DECLARE(name, T) makes a channel type that carries only T:
 *
 *     CHAN_DECLARE(intchan, int)
 *     intchan c;
 *     intchan_create(&c, 16, 0);             c.rx and c.tx are the ends
 *     int v = 42;
 *     intchan_send(c, &v);                   sending a double does not compile,
 *     intchan_recv(c, &v);                   nor does mixing up two channel types
 *
 * Every call returns -1 with errno set on failure. Receives return 1 for a
 * message and 0 once the channel is closed (every send end closed) and
 * drained - read's end of file, for channels. A send with no receive end
 * left fails with EPIPE and raises no SIGPIPE.
 */
#ifndef _DUPLEX_CHAN_H
#define _DUPLEX_CHAN_H

#include <stddef.h>
#include "../../../../kernel/uapi/chan.h"

/*
 * C only warns when a pointer to the wrong type is passed to a function;
 * from here on, in any file that includes this header, that is an error,
 * so that a typed channel really is typed. (Duplex's programs are built
 * with -Werror anyway.) A void * still converts silently: that is C.
 */
#pragma GCC diagnostic error "-Wincompatible-pointer-types"

/* fds[0] the receive end, fds[1] the send end; capacity 0: unbounded.
 * flags: CHAN_NONBLOCK, CHAN_CLOEXEC. 0 or -1. */
int chan_create(int fds[2], size_t msgsize, size_t capacity, int flags);

/* flags: CHAN_NONBLOCK (EAGAIN instead of waiting). size must be the
 * channel's message size (EINVAL). Send: 0; receive: 1, or 0 when closed. */
int chan_send(int fd, const void *msg, size_t size, int flags);
int chan_recv(int fd, void *buf, size_t size, int flags);

/* The same, waiting at most ms milliseconds: ETIMEDOUT after that. */
int chan_send_timeout(int fd, const void *msg, size_t size, long ms);
int chan_recv_timeout(int fd, void *buf, size_t size, long ms);

/* What a channel end's channel is like (0 or -1); every channel in turn:
 * start at slot 0, pass back what it returns, stop at 0 (-1: error). */
int chan_info(int fd, struct k_chan_info *ci);
int chan_list(int slot, struct k_chan_info *ci);

#define __DX_CHAN_FN static inline __attribute__((unused))

/* A channel type `name` carrying values of type T, and its calls. The
 * struct holds both ends' descriptors; -1 for an end this process has
 * not got (name##_of builds one from inherited descriptors). */
#define CHAN_DECLARE(name, T)                                                 \
    typedef struct name { int rx, tx; } name;                                 \
    __DX_CHAN_FN int name##_create(name *c, size_t capacity, int flags)       \
    {                                                                         \
        int fds[2];                                                           \
        if (chan_create(fds, sizeof(T), capacity, flags) < 0)                 \
            return -1;                                                        \
        c->rx = fds[0];                                                       \
        c->tx = fds[1];                                                       \
        return 0;                                                             \
    }                                                                         \
    __DX_CHAN_FN name name##_of(int rx, int tx)                               \
    {                                                                         \
        name c = { rx, tx };                                                  \
        return c;                                                             \
    }                                                                         \
    __DX_CHAN_FN int name##_send(name c, const T *v)                          \
    { return chan_send(c.tx, v, sizeof(T), 0); }                              \
    __DX_CHAN_FN int name##_trysend(name c, const T *v)                       \
    { return chan_send(c.tx, v, sizeof(T), CHAN_NONBLOCK); }                  \
    __DX_CHAN_FN int name##_send_timeout(name c, const T *v, long ms)         \
    { return chan_send_timeout(c.tx, v, sizeof(T), ms); }                     \
    __DX_CHAN_FN int name##_recv(name c, T *v)                                \
    { return chan_recv(c.rx, v, sizeof(T), 0); }                              \
    __DX_CHAN_FN int name##_tryrecv(name c, T *v)                             \
    { return chan_recv(c.rx, v, sizeof(T), CHAN_NONBLOCK); }                  \
    __DX_CHAN_FN int name##_recv_timeout(name c, T *v, long ms)               \
    { return chan_recv_timeout(c.rx, v, sizeof(T), ms); }

#endif
