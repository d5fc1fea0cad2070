/*
 * duplex/port.h - ports and capabilities: small messages to a queue that
 * processes reach only through handles with rights (docs/ipc/ports.md).
 *
 *     server                                client
 *     int p = port_create(0);
 *     port_bind(p, "echo", PORT_SEND);
 *                                           int s = port_lookup("echo", PORT_WAITNAME);
 *                                           port_msg_set(&q, 1, "hi", 2);
 *     port_recv(p, &m, 0);            <---  port_call(s, &q, &a);
 *     port_reply(m.reply, &m);        --->  (a holds the answer)
 *
 * (A server loops best with port_reply_recv: answer, and wait for the
 * next request, in one call.)
 *
 * A handle is a descriptor: close, dup and spawn work on it as on any
 * other. Every call returns -1 with errno set on failure: EBADF for a
 * descriptor that is not a handle (or not a reply capability), EPERM for
 * a handle without the right the call needs, EPIPE for a port nobody can
 * receive from any more, EACCES or EAGAIN for a message the port's filter
 * refuses, ETIMEDOUT when a timeout ran out.
 */
#ifndef _DUPLEX_PORT_H
#define _DUPLEX_PORT_H

#include <stddef.h>
#include <stdint.h>
#include "../../../../kernel/uapi/port.h"

typedef struct k_port_msg port_msg;

/* A new port; returns a handle with every right (PORT_ALL). flags:
 * PORT_CLOEXEC, PORT_QUEUED. */
int port_create(int flags);

/* flags: PORT_NONBLOCK. 0 or -1. */
int port_send(int fd, const port_msg *m, int flags);
int port_recv(int fd, port_msg *m, int flags);
int port_send_timeout(int fd, const port_msg *m, long ms);
int port_recv_timeout(int fd, port_msg *m, long ms);

/* Send req and wait for the answer, copied into reply (which may be req). */
int port_call(int fd, const port_msg *req, port_msg *reply);
int port_call_timeout(int fd, const port_msg *req, port_msg *reply, long ms);

/* Answer a call received in m: port_reply(m.reply, &answer). The reply
 * handle is closed by this call (it is good for one answer). */
int port_reply(int reply, const port_msg *m);

/* A server's loop in one call per request: answer the call whose reply
 * handle is `reply` (-1: none) with *answer, then receive the next
 * message on fd into *m (which may be answer). A caller that has gone
 * does not stop the receive. On EINTR the answer has been sent. */
int port_reply_recv(int reply, const port_msg *answer, int fd, port_msg *m, int flags);

/* A new handle on fd's port with fewer rights; PORT_CLOEXEC. */
int port_derive(int fd, unsigned rights, int flags);

/* Names: bind needs MANAGE; lookups get `rights`. lookup flags:
 * PORT_WAITNAME (wait until the name is bound), PORT_CLOEXEC. */
int port_bind(int fd, const char *name, unsigned rights);
int port_unbind(int fd, const char *name);
int port_lookup(const char *name, int flags);
int port_lookup_timeout(const char *name, int flags, long ms);

/* The filter (needs MANAGE); all zero accepts everything. */
int port_set_filter(int fd, const struct k_port_filter *f);

/* About a handle and its port; every live port in turn (start at slot 0,
 * pass back what it returns, stop at 0). */
int port_info(int fd, struct k_port_info *pi);
int port_list(int slot, struct k_port_info *pi);

/* Fill m: type, then size bytes of data (at most PORT_MSG_DATA), no
 * handles. 0, or -1 (EINVAL) if the data does not fit. */
int port_msg_set(port_msg *m, uint32_t type, const void *data, size_t size);

/* Add a handle to m (it needs GRANT when sent). 0, or -1 (EINVAL) if m
 * carries PORT_MSG_HANDLES already. */
int port_msg_add_handle(port_msg *m, int fd);

#endif
