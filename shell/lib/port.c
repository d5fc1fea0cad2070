/*
 * port.c - ports and capabilities: the wrappers of Duplex's port calls
 * (kernel/uapi/port.h, docs/ipc/ports.md), and two helpers that fill a
 * message.
 */
#include "libc.h"
#include <duplex/port.h>
#include <string.h>
#include "../../kernel/uapi/stat.h"      /* struct k_timespec */

/* A relative timeout of ms milliseconds (EINVAL if negative). */
static int to_timespec(long ms, struct k_timespec *ts)
{
    if (ms < 0) {
        errno = EINVAL;
        return -1;
    }
    ts->tv_sec = ms / 1000;
    ts->tv_nsec = (ms % 1000) * 1000000L;
    return 0;
}

int port_create(int flags)
{
    return (int)sys_ret(sys1(SYS_port_create, flags));
}

int port_send(int fd, const port_msg *m, int flags)
{
    return (int)sys_ret(sys4(SYS_port_send, fd, P(m), flags, 0));
}

int port_recv(int fd, port_msg *m, int flags)
{
    return (int)sys_ret(sys4(SYS_port_recv, fd, P(m), flags, 0));
}

int port_send_timeout(int fd, const port_msg *m, long ms)
{
    struct k_timespec ts;
    if (to_timespec(ms, &ts) < 0)
        return -1;
    return (int)sys_ret(sys4(SYS_port_send, fd, P(m), 0, P(&ts)));
}

int port_recv_timeout(int fd, port_msg *m, long ms)
{
    struct k_timespec ts;
    if (to_timespec(ms, &ts) < 0)
        return -1;
    return (int)sys_ret(sys4(SYS_port_recv, fd, P(m), 0, P(&ts)));
}

int port_call(int fd, const port_msg *req, port_msg *reply)
{
    return (int)sys_ret(sys4(SYS_port_call, fd, P(req), P(reply), 0));
}

int port_call_timeout(int fd, const port_msg *req, port_msg *reply, long ms)
{
    struct k_timespec ts;
    if (to_timespec(ms, &ts) < 0)
        return -1;
    return (int)sys_ret(sys4(SYS_port_call, fd, P(req), P(reply), P(&ts)));
}

int port_reply(int reply, const port_msg *m)
{
    return (int)sys_ret(sys2(SYS_port_reply, reply, P(m)));
}

int port_reply_recv(int reply, const port_msg *answer, int fd, port_msg *m, int flags)
{
    return (int)sys_ret(__dx_syscall(SYS_port_reply_recv, reply, P(answer), fd, P(m), flags, 0));
}

int port_derive(int fd, unsigned rights, int flags)
{
    return (int)sys_ret(sys3(SYS_port_derive, fd, (long)rights, flags));
}

int port_bind(int fd, const char *name, unsigned rights)
{
    return (int)sys_ret(sys3(SYS_port_bind, fd, P(name), (long)rights));
}

int port_unbind(int fd, const char *name)
{
    return (int)sys_ret(sys2(SYS_port_unbind, fd, P(name)));
}

int port_lookup(const char *name, int flags)
{
    return (int)sys_ret(sys3(SYS_port_lookup, P(name), flags, 0));
}

int port_lookup_timeout(const char *name, int flags, long ms)
{
    struct k_timespec ts;
    if (to_timespec(ms, &ts) < 0)
        return -1;
    return (int)sys_ret(sys3(SYS_port_lookup, P(name), flags, P(&ts)));
}

int port_set_filter(int fd, const struct k_port_filter *f)
{
    return (int)sys_ret(sys2(SYS_port_set_filter, fd, P(f)));
}

int port_info(int fd, struct k_port_info *pi)
{
    return (int)sys_ret(sys2(SYS_port_info, fd, P(pi)));
}

int port_list(int slot, struct k_port_info *pi)
{
    return (int)sys_ret(sys2(SYS_port_list, slot, P(pi)));
}

int port_msg_set(port_msg *m, uint32_t type, const void *data, size_t size)
{
    if (size > PORT_MSG_DATA) {
        errno = EINVAL;
        return -1;
    }
    memset(m, 0, sizeof *m);
    m->type = type;
    m->size = (uint16_t)size;
    if (size)
        memcpy(m->data, data, size);
    return 0;
}

int port_msg_add_handle(port_msg *m, int fd)
{
    if (m->nhandles >= PORT_MSG_HANDLES) {
        errno = EINVAL;
        return -1;
    }
    m->handles[m->nhandles++] = fd;
    return 0;
}
