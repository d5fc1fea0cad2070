/*
 * uapi/time.h - clocks for clock_gettime.
 */
#ifndef DUPLEX_UAPI_TIME_H
#define DUPLEX_UAPI_TIME_H

#define CLOCK_REALTIME          0
#define CLOCK_MONOTONIC         1
/* Linux's numbers. A coarse clock is the same clock read cheaply: it may
 * lag by up to one scheduling interval (kernel/platform.h). Time stamps
 * that only need seconds - files, System V objects - use it, as on Linux. */
#define CLOCK_REALTIME_COARSE   5
#define CLOCK_MONOTONIC_COARSE  6

#endif
