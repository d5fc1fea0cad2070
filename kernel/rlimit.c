/*
 * rlimit.c - resource limits: getrlimit, setrlimit, prlimit64, and the
 * checks other subsystems make against them.
 *
 * Each process holds a soft and a hard value for each of Linux's limits
 * (uapi/resource.h). A child gets a copy of its parent's at fork and spawn,
 * and exec keeps them, so a shell's `ulimit` bounds everything it starts.
 * Anyone may lower a limit or move its soft value up to the hard one; only
 * root may raise a hard value, as a process with CAP_SYS_RESOURCE on Linux.
 *
 * Three limits are enforced:
 *  - RLIMIT_NOFILE: a new descriptor must be below the soft value
 *    (fd_limit, used wherever a free descriptor is looked for, and by
 *    ppoll, which takes no more descriptors than that). Its hard
 *    value cannot pass NOFILE, the size of the descriptor table, and that is
 *    what a process starts with: Linux's nr_open, for this kernel.
 *  - RLIMIT_FSIZE: a write that would take a regular file past the soft
 *    value writes what fits; one that starts at or past it fails with EFBIG
 *    and sends SIGXFSZ, whose default action ends the process (fsize_clip).
 *    Growing a file with ftruncate past it fails the same way.
 *  - RLIMIT_NPROC: fork and spawn fail with EAGAIN once the user has that
 *    many processes; root's are not counted against it (nproc_reached).
 * The others are kept, reported and inherited, so that programs that read
 * or set them run, but nothing checks them: a process starts with
 * RLIM_INFINITY for those that have no bound here, and with the real bound
 * where there is one (NPROC, the process table).
 */
#include "kernel.h"

#define INF K_RLIM_INFINITY

/* What process 1 starts with; everyone else inherits. */
static const struct k_rlimit initial[RLIM_NLIMITS] = {
    [RLIMIT_CPU]        = { INF, INF },
    [RLIMIT_FSIZE]      = { INF, INF },
    [RLIMIT_DATA]       = { INF, INF },
    [RLIMIT_STACK]      = { INF, INF },
    [RLIMIT_CORE]       = { 0, INF },           /* no core files, as Linux's default */
    [RLIMIT_RSS]        = { INF, INF },
    [RLIMIT_NPROC]      = { NPROC, NPROC },
    [RLIMIT_NOFILE]     = { NOFILE, NOFILE },
    [RLIMIT_MEMLOCK]    = { INF, INF },
    [RLIMIT_AS]         = { INF, INF },
    [RLIMIT_LOCKS]      = { INF, INF },
    [RLIMIT_SIGPENDING] = { INF, INF },
    [RLIMIT_MSGQUEUE]   = { INF, INF },
    [RLIMIT_NICE]       = { 0, 0 },             /* no priorities to raise */
    [RLIMIT_RTPRIO]     = { 0, 0 },
    [RLIMIT_RTTIME]     = { INF, INF },
};

void rlimit_init(struct proc *p, struct proc *parent)
{
    memcpy(p->rlimits, parent ? parent->rlimits : initial, sizeof p->rlimits);
}

int fd_limit(struct proc *p)
{
    uint64_t n = p->rlimits[RLIMIT_NOFILE].rlim_cur;
    return n < NOFILE ? (int)n : NOFILE;
}

/* RLIMIT_NPROC: has p's user as many processes (zombies too, until
 * reaped) as p's soft limit allows? Root is never held back, as on Linux. */
bool nproc_reached(struct proc *p)
{
    if (p->uid == 0)
        return false;
    uint64_t n = 0;
    for (int i = 0; i < NPROC; i++)
        if (procs[i].state != P_UNUSED && procs[i].uid == p->uid)
            n++;
    return n >= p->rlimits[RLIMIT_NPROC].rlim_cur;
}

/* A write of *n bytes at off into a regular file: cut *n to what the file
 * may grow to. Nothing fits: -EFBIG, and SIGXFSZ to the writer. A write of
 * nothing is never refused, as on Linux. */
long fsize_clip(struct proc *p, int64_t off, size_t *n)
{
    uint64_t lim = p->rlimits[RLIMIT_FSIZE].rlim_cur;
    if (lim == INF || *n == 0)
        return 0;
    if ((uint64_t)off >= lim) {
        signal_send(p, SIGXFSZ);
        return -EFBIG;
    }
    if (*n > lim - (uint64_t)off)
        *n = (size_t)(lim - (uint64_t)off);
    return 0;
}

/* ftruncate to len: may the file be that long? */
long fsize_check(struct proc *p, int64_t len)
{
    uint64_t lim = p->rlimits[RLIMIT_FSIZE].rlim_cur;
    if (lim == INF || (uint64_t)len <= lim)
        return 0;
    signal_send(p, SIGXFSZ);
    return -EFBIG;
}

/* May p change the limits of t? Its own always; another's if root or the
 * same user and group (Linux: the real, effective and saved ids match). */
static bool may_change(struct proc *p, struct proc *t)
{
    return p == t || p->uid == 0 || (p->uid == t->uid && p->gid == t->gid);
}

/* Replace t's limit r with *new, as p asks: the checks of Linux's
 * do_prlimit, in its order. */
static long rlimit_set(struct proc *p, struct proc *t, int r, const struct k_rlimit *new)
{
    struct k_rlimit *old = &t->rlimits[r];
    if (new->rlim_cur > new->rlim_max)
        return -EINVAL;
    if (new->rlim_max > old->rlim_max && p->uid != 0)
        return -EPERM;
    if (r == RLIMIT_NOFILE && new->rlim_max > NOFILE)
        return -EPERM;                  /* past the table: for root too */
    *old = *new;
    return 0;
}

/* getrlimit, setrlimit and prlimit64 are one call: on target pid (0: the
 * caller), old limit out to uold, new one in from unew, either may be 0. */
static long prlimit(struct proc *p, long pid, long resource, uptr unew, uptr uold)
{
    if (resource < 0 || resource >= RLIM_NLIMITS)
        return -EINVAL;
    struct k_rlimit new;
    if (unew && copyin(p, &new, unew, sizeof new) < 0)
        return -EFAULT;
    struct proc *t = pid == 0 ? p : proc_find((int)pid);
    if (pid < 0 || !t || t->state == P_ZOMBIE)
        return -ESRCH;
    if (!may_change(p, t))
        return -EPERM;
    struct k_rlimit old = t->rlimits[resource];
    if (unew) {
        long r = rlimit_set(p, t, (int)resource, &new);
        if (r < 0)
            return r;
    }
    if (uold && copyout(p, uold, &old, sizeof old) < 0)
        return -EFAULT;
    return 0;
}

long sys_getrlimit(struct proc *p, const long *a)
{
    return prlimit(p, 0, a[0], 0, (uptr)a[1]);
}

long sys_setrlimit(struct proc *p, const long *a)
{
    if (!a[1])
        return -EFAULT;
    return prlimit(p, 0, a[0], (uptr)a[1], 0);
}

long sys_prlimit64(struct proc *p, const long *a)
{
    return prlimit(p, a[0], a[1], (uptr)a[2], (uptr)a[3]);
}
