/*
 * uapi/time.h - clocks for clock_gettime.
 */
#ifndef DUPLEX_UAPI_TIME_H
#define DUPLEX_UAPI_TIME_H

#define CLOCK_REALTIME  0
#define CLOCK_MONOTONIC 1

#endif
