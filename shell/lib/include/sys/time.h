/*
 * sys/time.h - gettimeofday(), the interval timer (setitimer, getitimer)
 * and, as on Linux, select (sys/select.h).
 */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <sys/select.h>                 /* struct timeval, select */
#include "../../../../kernel/uapi/time.h"     /* ITIMER_REAL */

struct timezone {            /* obsolete; always zero */
    int tz_minuteswest;
    int tz_dsttime;
};

/* The real-time timer sends SIGALRM once it_value has passed, then every
 * it_interval if that is not zero. ITIMER_VIRTUAL and ITIMER_PROF (CPU
 * time) do not exist: EINVAL. */
struct itimerval {
    struct timeval it_interval;
    struct timeval it_value;
};

int gettimeofday(struct timeval *tv, void *tz);
int utimes(const char *path, const struct timeval tv[2]);   /* links.c */
int setitimer(int which, const struct itimerval *value, struct itimerval *old);
int getitimer(int which, struct itimerval *value);

#endif
