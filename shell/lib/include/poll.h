/*
 * poll.h - waiting for any of several descriptors (kernel/poll.c).
 *
 *     struct pollfd fds[2] = { { a, POLLIN, 0 }, { b, POLLIN, 0 } };
 *     int n = poll(fds, 2, 1000);     // wait at most a second
 *     if (fds[0].revents & POLLIN) ... // a has data (or is at its end)
 *
 * The events and struct pollfd are Linux's (kernel/uapi/poll.h). Every
 * kind of descriptor answers: pipes, FIFOs, the terminal, files (always
 * ready), devices, channels, ports and semaphores. A signal handler ends
 * the wait with EINTR, even with SA_RESTART.
 */
#ifndef _POLL_H
#define _POLL_H

#include <signal.h>
#include <time.h>
#include "../../../kernel/uapi/poll.h"

typedef unsigned long nfds_t;

struct pollfd {
    int   fd;                       /* negative: ignored */
    short events;                   /* what to wait for */
    short revents;                  /* what happened */
};

/* timeout in milliseconds: 0 returns at once, negative waits forever. */
int poll(struct pollfd *fds, nfds_t nfds, int timeout);
/* timeout NULL waits forever; sigmask, if not NULL, is the signal mask
 * while it waits. */
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
          const sigset_t *sigmask);

#endif
