/*
 * uapi/port.h - ports and capabilities (ipc/port.c, ipc/cap.c) as user
 * space sees them: rights, flags, limits, the 64-byte message, the filter
 * and the record port_info and port_list fill.
 *
 * A port is a queue of small messages inside the kernel. Processes reach it
 * only through handles: descriptors that carry rights (SEND, RECEIVE,
 * MANAGE, GRANT). docs/ipc/ports.md has the whole story.
 */
#ifndef DUPLEX_UAPI_PORT_H
#define DUPLEX_UAPI_PORT_H

#include "types.h"

/* rights of a handle */
#define PORT_SEND      0x1        /* port_send, port_call */
#define PORT_RECEIVE   0x2        /* port_recv */
#define PORT_MANAGE    0x4        /* port_bind, port_unbind, port_set_filter */
#define PORT_GRANT     0x8        /* the handle may travel in a message */
#define PORT_ALL       0xf

/* flags */
#define PORT_NONBLOCK  04000      /* fail with EAGAIN instead of waiting (= O_NONBLOCK) */
#define PORT_CLOEXEC   02000000   /* a new descriptor is close-on-exec (= O_CLOEXEC) */
#define PORT_WAITNAME  0x10       /* port_lookup: wait until the name is bound */
#define PORT_QUEUED    0x20       /* port_create: no fast path (to measure it) */

/* limits */
#define PORT_QUEUE_MAX   16       /* messages a port holds */
#define PORT_MSG_DATA    32       /* payload bytes in one message */
#define PORT_MSG_HANDLES 4        /* handles carried by one message */
#define PORT_NAME_MAX    32       /* bytes in a name, with its NUL */
#define PORT_NAMES_MAX   64       /* names bound at once */

/* k_port_msg.flags, as received */
#define PORT_MSG_CALL  0x1        /* sent by port_call: answer with port_reply(reply, ...) */

/*
 * A message: 64 bytes, the same on every target. The sender fills type,
 * size, data and, to pass handles, nhandles and handles[] (its own
 * descriptors). The receiver finds handles[] replaced by descriptors of its
 * own, reply set to a one-shot reply capability if the message came from
 * port_call (-1 otherwise), and sender set to the sender's pid.
 */
struct k_port_msg {
    uint32_t type;                /* what the message means: the receiver's business */
    uint16_t size;                /* bytes of data[] used, at most PORT_MSG_DATA */
    uint8_t  nhandles;            /* entries of handles[] used */
    uint8_t  flags;               /* PORT_MSG_CALL, on receive */
    int32_t  handles[PORT_MSG_HANDLES];
    int32_t  reply;               /* on receive: the reply capability, or -1 */
    int32_t  sender;              /* on receive: the sender's pid */
    uint8_t  data[PORT_MSG_DATA];
};

_Static_assert(sizeof(struct k_port_msg) == 64, "a port message is 64 bytes");

/* What a port accepts (port_set_filter, with MANAGE). A send the filter
 * refuses fails at once: EACCES for a type or a size it does not accept,
 * EAGAIN past the rate; the port counts it in `refused`. */
struct k_port_filter {
    uint64_t types;               /* bit t: type t is accepted (t < 64); 0: every type */
    uint32_t maxsize;             /* the largest size accepted; 0: any */
    uint32_t rate;                /* messages per second, in bursts of up to rate; 0: any */
};

struct k_port_info {
    uint32_t id;
    uint32_t rights;              /* port_info: the handle's rights; port_list: 0 */
    uint32_t queued;              /* messages waiting */
    uint32_t handles;             /* capabilities that reach the port */
    uint32_t receivers;           /* ... of them with PORT_RECEIVE */
    int32_t  creator;             /* pid of the process that made it */
    uint64_t sent;                /* messages accepted */
    uint64_t received;            /* messages taken by a receiver */
    uint64_t refused;             /* sends the filter refused */
    uint64_t fastpath;            /* messages handed straight to a waiting receiver */
    struct k_port_filter filter;
    char     name[PORT_NAME_MAX]; /* a name it is bound to, or "" */
};

#endif
