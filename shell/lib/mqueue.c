/*
 * mqueue.c - POSIX message queues: wrappers over the system calls of
 * ipc/mqueue.c.
 *
 * As in Linux's C libraries, a name must begin with '/', which the library
 * takes off (the kernel gets a file name of /dev/mqueue); struct mq_attr
 * and struct sigevent, declared with long and pointers, are converted to
 * the kernel's fixed-width records. mq_send and mq_receive are the timed
 * calls with no deadline; mq_getattr and mq_setattr are one call.
 */
#include "libc.h"
#include <mqueue.h>
#include <stdarg.h>
#include <unistd.h>

/* The kernel's name for a queue: name without its '/'; NULL (EINVAL)
 * for a name without one. */
static const char *kname(const char *name)
{
    if (name[0] != '/') {
        errno = EINVAL;
        return NULL;
    }
    return name + 1;
}

mqd_t mq_open(const char *name, int oflag, ...)
{
    const char *k = kname(name);
    if (!k)
        return -1;
    mode_t mode = 0;
    struct mq_attr *attr = NULL;
    if (oflag & O_CREAT) {
        va_list ap;
        va_start(ap, oflag);
        mode = va_arg(ap, mode_t);
        attr = va_arg(ap, struct mq_attr *);
        va_end(ap);
    }
    struct k_mq_attr ka;
    if (attr)
        ka = (struct k_mq_attr){ attr->mq_flags, attr->mq_maxmsg, attr->mq_msgsize, 0 };
    return (mqd_t)sys_ret(sys4(SYS_mq_open, P(k), oflag, (long)mode, attr ? P(&ka) : 0));
}

int mq_close(mqd_t q)
{
    return close(q);
}

int mq_unlink(const char *name)
{
    const char *k = kname(name);
    return k ? (int)sys_ret(sys1(SYS_mq_unlink, P(k))) : -1;
}

int mq_timedsend(mqd_t q, const char *msg, size_t len, unsigned prio,
                 const struct timespec *abstime)
{
    return (int)sys_ret(__dx_syscall(SYS_mq_timedsend, q, P(msg), (long)len, (long)prio,
                                     P(abstime), 0));
}

int mq_send(mqd_t q, const char *msg, size_t len, unsigned prio)
{
    return mq_timedsend(q, msg, len, prio, NULL);
}

ssize_t mq_timedreceive(mqd_t q, char *buf, size_t len, unsigned *prio,
                        const struct timespec *abstime)
{
    return sys_ret(__dx_syscall(SYS_mq_timedreceive, q, P(buf), (long)len, P(prio),
                                P(abstime), 0));
}

ssize_t mq_receive(mqd_t q, char *buf, size_t len, unsigned *prio)
{
    return mq_timedreceive(q, buf, len, prio, NULL);
}

static void to_user(const struct k_mq_attr *k, struct mq_attr *a)
{
    a->mq_flags = (long)k->mq_flags;
    a->mq_maxmsg = (long)k->mq_maxmsg;
    a->mq_msgsize = (long)k->mq_msgsize;
    a->mq_curmsgs = (long)k->mq_curmsgs;
}

int mq_getattr(mqd_t q, struct mq_attr *attr)
{
    struct k_mq_attr k;
    if (sys_ret(sys3(SYS_mq_getsetattr, q, 0, P(&k))) < 0)
        return -1;
    to_user(&k, attr);
    return 0;
}

int mq_setattr(mqd_t q, const struct mq_attr *attr, struct mq_attr *old)
{
    struct k_mq_attr in = { attr->mq_flags, 0, 0, 0 }, k;
    if (sys_ret(sys3(SYS_mq_getsetattr, q, P(&in), P(&k))) < 0)
        return -1;
    if (old)
        to_user(&k, old);
    return 0;
}

int mq_notify(mqd_t q, const struct sigevent *ev)
{
    if (!ev)
        return (int)sys_ret(sys2(SYS_mq_notify, q, 0));
    if (ev->sigev_notify == SIGEV_THREAD) {
        errno = ENOSYS;             /* no threads to run a function in */
        return -1;
    }
    struct k_sigevent k = { ev->sigev_notify, ev->sigev_signo,
                            (uint64_t)(uintptr_t)ev->sigev_value.sival_ptr };
    return (int)sys_ret(sys2(SYS_mq_notify, q, P(&k)));
}
