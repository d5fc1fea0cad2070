/*
 * uapi/time.h - clocks for clock_gettime.
 */
#ifndef DUPLEX_UAPI_TIME_H
#define DUPLEX_UAPI_TIME_H

#include "types.h"

#define CLOCK_REALTIME          0
#define CLOCK_MONOTONIC         1
/* Linux's numbers. A coarse clock is the same clock read cheaply: it may
 * lag by up to one scheduling interval (kernel/platform.h). Time stamps
 * that only need seconds - files, System V objects - use it, as on Linux. */
#define CLOCK_REALTIME_COARSE   5
#define CLOCK_MONOTONIC_COARSE  6

/* setitimer, getitimer: only the real-time timer (SIGALRM) exists. */
#define ITIMER_REAL             0

/* struct itimerval with 64-bit fields: the period, then the time left. */
struct k_itimerval {
    int64_t interval_sec, interval_usec;
    int64_t value_sec, value_usec;
};

#endif
