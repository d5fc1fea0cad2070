/*
 * uapi/poll.h - poll's events and its descriptor record, with Linux's
 * values and layout (struct pollfd).
 */
#ifndef DUPLEX_UAPI_POLL_H
#define DUPLEX_UAPI_POLL_H

#include "types.h"

#define POLLIN     0x001        /* data to read (or end of file) */
#define POLLPRI    0x002        /* urgent data: nothing in Duplex has any */
#define POLLOUT    0x004        /* room to write */
#define POLLERR    0x008        /* an error: a pipe's readers have all gone */
#define POLLHUP    0x010        /* hung up: a pipe's writers have all gone */
#define POLLNVAL   0x020        /* the descriptor is not open */
#define POLLRDNORM 0x040        /* as POLLIN */
#define POLLRDBAND 0x080
#define POLLWRNORM 0x100        /* as POLLOUT */
#define POLLWRBAND 0x200

struct k_pollfd {
    int32_t fd;                 /* negative: ignored */
    int16_t events;             /* what the caller waits for */
    int16_t revents;            /* what happened: events, POLLERR, POLLHUP, POLLNVAL */
};

#endif
