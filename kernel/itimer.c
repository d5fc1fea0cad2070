/*
 * itimer.c - the real-time interval timer of a process: setitimer and
 * getitimer for ITIMER_REAL, on which the C library builds alarm().
 *
 * The timer is a monotonic deadline in the process (p->alarm) next to the
 * wakeup deadline of a blocked call (p->deadline); sched.c asks the
 * platform for the earliest of all of them, and kernel_tick calls
 * itimer_fire for each alarm that is due. Firing sends SIGALRM - an
 * ordinary signal: it interrupts a blocked call whose process has a
 * handler, and ends the process if it has none - and rearms the timer if
 * it has a period. A timer is not inherited by fork and goes at exit; an
 * exec keeps it, as POSIX says.
 */
#include "kernel.h"

#define NS_PER_US 1000ull
#define US_PER_S  1000000ll
#define ITIMER_MAX_S (100ll * 365 * 86400)     /* a century is forever enough */

void alarm_set(struct proc *p, uint64_t deadline, uint64_t interval)
{
    if (!p->alarm != !deadline)
        kstats.timers += deadline ? 1 : -1;
    p->alarm = deadline;
    p->alarm_interval = deadline ? interval : 0;
    timer_reprogram();
}

/* The timer is rearmed before SIGALRM goes, which may end p. Ticks missed
 * while the machine was busy are not made up. */
void itimer_fire(struct proc *p, uint64_t now)
{
    uint64_t next = 0;
    if (p->alarm_interval) {
        next = p->alarm + p->alarm_interval;
        if (next <= now)
            next = now + p->alarm_interval;
    }
    alarm_set(p, next, p->alarm_interval);
    signal_send(p, SIGALRM);
}

static uint64_t to_ns(int64_t sec, int64_t usec)
{
    return (uint64_t)MIN(sec, ITIMER_MAX_S) * 1000000000ull + (uint64_t)usec * NS_PER_US;
}

static void from_ns(uint64_t ns, int64_t *sec, int64_t *usec)
{
    uint64_t us = (ns + NS_PER_US - 1) / NS_PER_US;    /* never 0 while armed */
    *sec = (int64_t)(us / US_PER_S);
    *usec = (int64_t)(us % US_PER_S);
}

static void itimer_get(struct proc *p, struct k_itimerval *v)
{
    uint64_t now = now_ns();
    memset(v, 0, sizeof *v);
    if (p->alarm)
        from_ns(p->alarm > now ? p->alarm - now : 1, &v->value_sec, &v->value_usec);
    from_ns(p->alarm_interval, &v->interval_sec, &v->interval_usec);
}

static bool valid(int64_t sec, int64_t usec)
{
    return sec >= 0 && usec >= 0 && usec < US_PER_S;
}

/* setitimer(ITIMER_REAL, new, old): a value of zero disarms the timer. */
long sys_setitimer(struct proc *p, const long *a)
{
    struct k_itimerval nv, ov;
    if (a[0] != ITIMER_REAL)
        return -EINVAL;
    if (copyin(p, &nv, (uptr)a[1], sizeof nv) < 0)
        return -EFAULT;
    if (!valid(nv.value_sec, nv.value_usec) || !valid(nv.interval_sec, nv.interval_usec))
        return -EINVAL;
    itimer_get(p, &ov);
    if (a[2] && copyout(p, (uptr)a[2], &ov, sizeof ov) < 0)
        return -EFAULT;
    uint64_t value = to_ns(nv.value_sec, nv.value_usec);
    alarm_set(p, value ? now_ns() + value : 0, to_ns(nv.interval_sec, nv.interval_usec));
    return 0;
}

long sys_getitimer(struct proc *p, const long *a)
{
    struct k_itimerval v;
    if (a[0] != ITIMER_REAL)
        return -EINVAL;
    itimer_get(p, &v);
    return copyout(p, (uptr)a[1], &v, sizeof v) < 0 ? -EFAULT : 0;
}
