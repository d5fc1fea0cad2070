/*
 * poll.c - waiting for any of several descriptors: ppoll, on which the C
 * library builds poll, select and pselect.
 *
 * Every kind of descriptor says what it is ready for through one function,
 * a pollfn (kernel.h): pipes and FIFOs (ipc/pipe.c), the tty and the
 * devices (dev.c, tty.c), channels, ports and semaphores (their fileops);
 * regular files and directories are always ready, as on Linux. Given a
 * waiter, the same function also puts it on the wait queues whose wakeups
 * may change the answer - a pipe's read queue for POLLIN, its write queue
 * for POLLOUT - so poll needs no wakeup paths of its own: whatever wakes a
 * reader or a writer wakes a poller too.
 *
 * The restartable model (docs/design.md) makes the rest simple. A poll
 * that finds nothing ready goes on all those queues at once (a process has
 * NWAIT wait entries, sched.c) and returns KERN_BLOCK; the first wakeup on
 * any of them takes it off all of them, and the re-issued call looks at
 * every descriptor again. The deadline of a timeout lives in p->call, as
 * nanosleep's does, so a restarted poll does not start counting again.
 * ppoll's signal mask is swapped in as sigsuspend's is: it stays in force
 * until the handler of the signal that ends the wait has run.
 *
 * A poll interrupted by a handler fails with EINTR, whatever SA_RESTART
 * says (as on Linux), and one killed while it waits leaves every queue in
 * proc_exit, like any blocked call.
 */
#include "kernel.h"

#define POLL_IN  (POLLIN | POLLRDNORM)
#define POLL_OUT (POLLOUT | POLLWRNORM)
#define ALWAYS   (POLLERR | POLLHUP | POLLNVAL)     /* reported even if not asked for */

/* What f is ready for; with a waiter, also wait on what may change that. */
static unsigned file_poll(struct file *f, unsigned events, struct proc *waiter)
{
    switch (f->type) {
    case F_PIPE:
        return pipe_poll(f, events, waiter);
    case F_OBJ:
        return f->ops->poll ? f->ops->poll(f, events, waiter) : POLL_IN | POLL_OUT;
    case F_INODE:
        if (f->ip->type == I_CHR && devsw[f->ip->dev].poll)
            return devsw[f->ip->dev].poll(f, events, waiter);
        if (f->ip->type == I_MQUEUE)
            return mqueue_poll(f, events, waiter);
        return POLL_IN | POLL_OUT;      /* files, directories, null, zero ... */
    }
    return 0;
}

/* Fill in every revents; the number of entries with any. With a waiter,
 * it waits on everything that may change them. */
static int poll_scan(struct proc *p, struct k_pollfd *fds, long nfds, struct proc *waiter)
{
    int ready = 0;
    for (long i = 0; i < nfds; i++) {
        unsigned want = (uint16_t)fds[i].events | ALWAYS, got = 0;
        if (fds[i].fd >= 0) {
            struct file *f = fd_get(p, fds[i].fd);
            got = f ? file_poll(f, want, waiter) : POLLNVAL;
        }
        fds[i].revents = (int16_t)(got & want);
        ready += fds[i].revents != 0;
    }
    return ready;
}

/* ppoll's mask replaces p's until the call ends, or, if a handler ends
 * it, until the handler returns (signal.c, fill_delivery). */
static long mask_swap(struct proc *p, uptr umask)
{
    k_sigset_t set;
    if (!umask || p->restarted)
        return 0;
    if (copyin(p, &set, umask, sizeof set) < 0)
        return -EFAULT;
    p->call.saved_mask = p->sig_mask;
    p->call.sigsuspend = true;
    p->sig_mask = set & ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP));
    return 0;
}

static void mask_restore(struct proc *p)
{
    if (p->call.sigsuspend) {
        p->sig_mask = p->call.saved_mask;
        p->call.sigsuspend = false;
    }
}

/* A signal the new mask lets through is already pending. */
static bool signal_waiting(struct proc *p)
{
    return (p->sig_pending & ~p->sig_mask) != 0;
}

long sys_ppoll(struct proc *p, const long *a)
{
    uptr ufds = (uptr)a[0];
    long nfds = a[1];
    struct k_pollfd fds[NOFILE];
    bool timed;
    if (nfds < 0 || nfds > fd_limit(p))     /* Linux: more than RLIMIT_NOFILE */
        return -EINVAL;
    if (copyin(p, fds, ufds, (size_t)nfds * sizeof fds[0]) < 0)
        return -EFAULT;
    long r = ipc_deadline(p, (uptr)a[2], &timed);
    if (r == 0)
        r = mask_swap(p, (uptr)a[3]);
    if (r < 0)
        return r;
    p->call.poll = false;
    int ready = poll_scan(p, fds, nfds, NULL);
    if (ready == 0 && a[3] && signal_waiting(p))
        return -EINTR;                      /* the mask stays for the handler */
    if (ready == 0 && !(timed && now_ns() >= p->call.deadline)) {
        poll_scan(p, fds, nfds, p);
        if (timed)
            sleep_until(p, p->call.deadline);
        p->call.poll = true;
        return sleep_on(p, NULL, "poll");
    }
    mask_restore(p);
    if (copyout(p, ufds, fds, (size_t)nfds * sizeof fds[0]) < 0)
        return -EFAULT;
    return ready;
}
