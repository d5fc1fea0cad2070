/*
 * time.c - clocks, sleeping and the interval timer: time, clock_gettime,
 * gettimeofday, clock, nanosleep, sleep, usleep, setitimer, getitimer,
 * alarm.
 *
 * The kernel has two clocks (kernel/uapi/time.h): CLOCK_REALTIME, seconds
 * since 1970, and CLOCK_MONOTONIC, since boot. Calendar conversions are
 * calendar.c's.
 */
#include "libc.h"
#include <sys/stat.h>          /* struct k_timespec */
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int clock_gettime(clockid_t clock, struct timespec *ts)
{
    struct k_timespec k;
    long r = sys2(SYS_clock_gettime, clock, P(&k));
    if (r == 0) {
        ts->tv_sec = k.tv_sec;
        ts->tv_nsec = (long)k.tv_nsec;
    }
    return (int)sys_ret(r);
}

/* The clocks tick in nanoseconds (how finely they really move is up to
 * the platform). */
int clock_getres(clockid_t clock, struct timespec *ts)
{
    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) {
        errno = EINVAL;
        return -1;
    }
    if (ts != NULL) {
        ts->tv_sec = 0;
        ts->tv_nsec = 1;
    }
    return 0;
}

time_t time(time_t *t)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
        return -1;
    if (t != NULL)
        *t = ts.tv_sec;
    return ts.tv_sec;
}

int gettimeofday(struct timeval *tv, void *tz)
{
    struct timespec ts;
    (void)tz;
    if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
        return -1;
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
    return 0;
}

/* The kernel keeps no CPU time per process: clock() reports the time
 * since the first call, which is what a program timing itself wants. */
clock_t clock(void)
{
    static long long start_us = -1;
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
        return (clock_t)-1;
    long long now_us = ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
    if (start_us < 0)
        start_us = now_us;
    return (clock_t)(now_us - start_us);
}

double difftime(time_t a, time_t b)
{
    return (double)(a - b);
}

/* Interrupted by a signal, nanosleep fails with EINTR and, if rem is not
 * NULL, says how much of the sleep was left. */
int nanosleep(const struct timespec *req, struct timespec *rem)
{
    if (req->tv_nsec < 0 || req->tv_nsec >= 1000000000L || req->tv_sec < 0) {
        errno = EINVAL;
        return -1;
    }
    struct k_timespec kreq = { req->tv_sec, req->tv_nsec }, krem = { 0, 0 };
    long r = sys2(SYS_nanosleep, P(&kreq), P(&krem));
    if (r == -EINTR && rem != NULL) {
        rem->tv_sec = krem.tv_sec;
        rem->tv_nsec = (long)krem.tv_nsec;
    }
    return (int)sys_ret(r);
}

/* Returns the seconds left when a signal cut the sleep short, else 0. */
unsigned sleep(unsigned seconds)
{
    struct timespec req = { seconds, 0 }, rem = { 0, 0 };
    if (nanosleep(&req, &rem) < 0 && errno == EINTR)
        return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);
    return 0;
}

int usleep(useconds_t usec)
{
    struct timespec req = { usec / 1000000, (long)(usec % 1000000) * 1000 };
    return nanosleep(&req, NULL);
}

/* ---- the interval timer (kernel/itimer.c) ---------------------------------- */

static void to_kernel(const struct itimerval *v, struct k_itimerval *k)
{
    k->interval_sec = v->it_interval.tv_sec;
    k->interval_usec = v->it_interval.tv_usec;
    k->value_sec = v->it_value.tv_sec;
    k->value_usec = v->it_value.tv_usec;
}

static void from_kernel(const struct k_itimerval *k, struct itimerval *v)
{
    v->it_interval.tv_sec = k->interval_sec;
    v->it_interval.tv_usec = (suseconds_t)k->interval_usec;
    v->it_value.tv_sec = k->value_sec;
    v->it_value.tv_usec = (suseconds_t)k->value_usec;
}

int setitimer(int which, const struct itimerval *value, struct itimerval *old)
{
    struct k_itimerval kv, ko;
    to_kernel(value, &kv);
    long r = sys3(SYS_setitimer, which, P(&kv), old ? P(&ko) : 0);
    if (r == 0 && old)
        from_kernel(&ko, old);
    return (int)sys_ret(r);
}

int getitimer(int which, struct itimerval *value)
{
    struct k_itimerval k;
    long r = sys2(SYS_getitimer, which, P(&k));
    if (r == 0)
        from_kernel(&k, value);
    return (int)sys_ret(r);
}

/* SIGALRM in `seconds` (0 cancels); returns the seconds that were left of
 * the previous alarm, rounded as glibc rounds them (never 0 if one was
 * set). */
unsigned alarm(unsigned seconds)
{
    struct itimerval v = { { 0, 0 }, { seconds, 0 } }, old;
    if (setitimer(ITIMER_REAL, &v, &old) < 0)
        return 0;
    unsigned left = (unsigned)old.it_value.tv_sec;
    if (old.it_value.tv_usec >= 500000 || (left == 0 && old.it_value.tv_usec > 0))
        left++;
    return left;
}
