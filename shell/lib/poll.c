/*
 * poll.c - poll, ppoll, select and pselect, all over the one system call
 * ppoll (kernel/poll.c).
 *
 * struct pollfd is the kernel's struct k_pollfd (checked below), so poll
 * hands its array over as it is. select turns its three sets into such an
 * array - one entry per descriptor named in any set - and the answers back
 * into sets, with Linux's meanings: readable is POLLIN, POLLHUP or
 * POLLERR; writable is POLLOUT or POLLERR; exceptional is POLLPRI. A
 * descriptor in a set that is not open fails select with EBADF.
 */
#include "libc.h"
#include <poll.h>
#include <sys/select.h>
#include <sys/stat.h>               /* struct k_timespec */
#include <time.h>

_Static_assert(sizeof(struct pollfd) == sizeof(struct k_pollfd), "pollfd size");
_Static_assert(offsetof(struct pollfd, events) == offsetof(struct k_pollfd, events) &&
               offsetof(struct pollfd, revents) == offsetof(struct k_pollfd, revents),
               "pollfd layout");

#define NOFILE 64                   /* the kernel's descriptors per process */

static int do_ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
                    const sigset_t *sigmask)
{
    struct k_timespec kt;
    if (timeout) {
        kt.tv_sec = timeout->tv_sec;
        kt.tv_nsec = timeout->tv_nsec;
    }
    if (nfds > (nfds_t)0x7fffffff) {
        errno = EINVAL;
        return -1;
    }
    return (int)sys_ret(sys4(SYS_ppoll, P(fds), (long)nfds, timeout ? P(&kt) : 0,
                             sigmask ? P(&sigmask->__bits) : 0));
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
    struct timespec ts = { timeout / 1000, (long)(timeout % 1000) * 1000000L };
    return do_ppoll(fds, nfds, timeout >= 0 ? &ts : NULL, NULL);
}

int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
          const sigset_t *sigmask)
{
    return do_ppoll(fds, nfds, timeout, sigmask);
}

/* ---- select --------------------------------------------------------------- */

#define READ_SET   (POLLIN | POLLHUP | POLLERR)
#define WRITE_SET  (POLLOUT | POLLERR)

static bool in(const fd_set *s, int fd) { return s && FD_ISSET(fd, s); }

/* The sets as poll entries; -1 with errno EBADF for a descriptor that
 * cannot be open. */
static int sets_to_poll(int nfds, const fd_set *r, const fd_set *w, const fd_set *e,
                        struct pollfd *fds)
{
    int n = 0;
    for (int fd = 0; fd < nfds; fd++) {
        short ev = (short)((in(r, fd) ? POLLIN : 0) | (in(w, fd) ? POLLOUT : 0) |
                           (in(e, fd) ? POLLPRI : 0));
        if (!ev)
            continue;
        if (fd >= NOFILE) {
            errno = EBADF;
            return -1;
        }
        fds[n++] = (struct pollfd){ fd, ev, 0 };
    }
    return n;
}

/* Put the answers into the sets: the number of bits set, or -1 (EBADF). */
static int poll_to_sets(const struct pollfd *fds, int n, fd_set *r, fd_set *w, fd_set *e)
{
    int count = 0;
    for (int i = 0; i < n; i++)
        if (fds[i].revents & POLLNVAL) {
            errno = EBADF;
            return -1;
        }
    if (r)
        FD_ZERO(r);
    if (w)
        FD_ZERO(w);
    if (e)
        FD_ZERO(e);
    for (int i = 0; i < n; i++) {
        short got = fds[i].revents, ev = fds[i].events;
        if ((ev & POLLIN) && (got & READ_SET) && ++count)
            FD_SET(fds[i].fd, r);
        if ((ev & POLLOUT) && (got & WRITE_SET) && ++count)
            FD_SET(fds[i].fd, w);
        if ((ev & POLLPRI) && (got & POLLPRI) && ++count)
            FD_SET(fds[i].fd, e);
    }
    return count;
}

int pselect(int nfds, fd_set *r, fd_set *w, fd_set *e, const struct timespec *timeout,
            const sigset_t *sigmask)
{
    struct pollfd fds[NOFILE];
    if (nfds < 0 || nfds > FD_SETSIZE) {
        errno = EINVAL;
        return -1;
    }
    int n = sets_to_poll(nfds, r, w, e, fds);
    if (n < 0 || do_ppoll(fds, (nfds_t)n, timeout, sigmask) < 0)
        return -1;
    return poll_to_sets(fds, n, r, w, e);
}

static long long now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

int select(int nfds, fd_set *r, fd_set *w, fd_set *e, struct timeval *timeout)
{
    if (!timeout)
        return pselect(nfds, r, w, e, NULL, NULL);
    if (timeout->tv_sec < 0 || timeout->tv_usec < 0 || timeout->tv_usec >= 1000000) {
        errno = EINVAL;
        return -1;
    }
    long long end = now_us() + timeout->tv_sec * 1000000LL + timeout->tv_usec;
    struct timespec ts = { timeout->tv_sec, timeout->tv_usec * 1000L };
    int ret = pselect(nfds, r, w, e, &ts, NULL);
    int saved = errno;
    long long left = end - now_us();
    if (left < 0)
        left = 0;
    timeout->tv_sec = left / 1000000;
    timeout->tv_usec = (suseconds_t)(left % 1000000);
    errno = saved;
    return ret;
}
