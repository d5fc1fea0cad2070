/*
 * chan.c - typed channels: the wrappers of Duplex's channel calls
 * (kernel/uapi/chan.h, docs/ipc/channels.md). The typed layer,
 * CHAN_DECLARE, is all in <duplex/chan.h>: inline functions that pass
 * sizeof(T) down to these.
 */
#include "libc.h"
#include <duplex/chan.h>
#include "../../kernel/uapi/stat.h"      /* struct k_timespec */

static long sys5(long nr, long a0, long a1, long a2, long a3, long a4)
{
    return __dx_syscall(nr, a0, a1, a2, a3, a4, 0);
}

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

int chan_create(int fds[2], size_t msgsize, size_t capacity, int flags)
{
    return (int)sys_ret(sys4(SYS_chan_create, P(fds), (long)msgsize, (long)capacity, flags));
}

int chan_send(int fd, const void *msg, size_t size, int flags)
{
    return (int)sys_ret(sys5(SYS_chan_send, fd, P(msg), (long)size, flags, 0));
}

int chan_recv(int fd, void *buf, size_t size, int flags)
{
    return (int)sys_ret(sys5(SYS_chan_recv, fd, P(buf), (long)size, flags, 0));
}

int chan_send_timeout(int fd, const void *msg, size_t size, long ms)
{
    struct k_timespec ts;
    if (to_timespec(ms, &ts) < 0)
        return -1;
    return (int)sys_ret(sys5(SYS_chan_send, fd, P(msg), (long)size, 0, P(&ts)));
}

int chan_recv_timeout(int fd, void *buf, size_t size, long ms)
{
    struct k_timespec ts;
    if (to_timespec(ms, &ts) < 0)
        return -1;
    return (int)sys_ret(sys5(SYS_chan_recv, fd, P(buf), (long)size, 0, P(&ts)));
}

int chan_info(int fd, struct k_chan_info *ci)
{
    return (int)sys_ret(sys2(SYS_chan_info, fd, P(ci)));
}

int chan_list(int slot, struct k_chan_info *ci)
{
    return (int)sys_ret(sys2(SYS_chan_list, slot, P(ci)));
}
