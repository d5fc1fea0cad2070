/*
 * sys/select.h - select and pselect: poll (shell/lib/poll.c) with sets of
 * descriptors as bit masks, as POSIX has them.
 *
 * A descriptor is readable when a read would not wait (data, end of file,
 * an error), writable when a write would not, exceptional with urgent
 * data (nothing in Duplex has any). select changes *timeout to the time
 * that was left, as Linux does; pselect does not.
 */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <signal.h>
#include <time.h>
#include <sys/types.h>

#ifndef __DX_TIMEVAL
#define __DX_TIMEVAL
struct timeval {
    time_t      tv_sec;
    suseconds_t tv_usec;
};
#endif

#define FD_SETSIZE 1024

typedef struct {
    unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

#define __FD_WORD(fd) ((unsigned)(fd) / (8 * sizeof(unsigned long)))
#define __FD_BIT(fd)  (1UL << ((unsigned)(fd) % (8 * sizeof(unsigned long))))
#define FD_ZERO(s)    __builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(fd, s) ((void)((s)->fds_bits[__FD_WORD(fd)] |= __FD_BIT(fd)))
#define FD_CLR(fd, s) ((void)((s)->fds_bits[__FD_WORD(fd)] &= ~__FD_BIT(fd)))
#define FD_ISSET(fd, s) (((s)->fds_bits[__FD_WORD(fd)] & __FD_BIT(fd)) != 0)

int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
           struct timeval *timeout);
int pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
            const struct timespec *timeout, const sigset_t *sigmask);

#endif
