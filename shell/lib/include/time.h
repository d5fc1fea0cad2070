/*
 * time.h - clocks, sleeping, and calendar time. Duplex has no time zones:
 * local time is UTC.
 */
#ifndef _TIME_H
#define _TIME_H

#include <stddef.h>
#include <sys/types.h>
#include "../../../kernel/uapi/time.h"       /* CLOCK_REALTIME, CLOCK_MONOTONIC */

#define CLOCKS_PER_SEC 1000000L

struct tm {
    int         tm_sec;      /* 0-60 */
    int         tm_min;      /* 0-59 */
    int         tm_hour;     /* 0-23 */
    int         tm_mday;     /* 1-31 */
    int         tm_mon;      /* 0-11 */
    int         tm_year;     /* years since 1900 */
    int         tm_wday;     /* 0-6, Sunday = 0 */
    int         tm_yday;     /* 0-365 */
    int         tm_isdst;    /* always 0 */
    long        tm_gmtoff;   /* always 0 */
    const char *tm_zone;     /* always "UTC" */
};

extern long  timezone;
extern int   daylight;
extern char *tzname[2];

time_t     time(time_t *t);
int        clock_gettime(clockid_t clock, struct timespec *ts);
int        clock_getres(clockid_t clock, struct timespec *ts);
clock_t    clock(void);
int        nanosleep(const struct timespec *req, struct timespec *rem);
double     difftime(time_t a, time_t b);
void       tzset(void);

struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *tm);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *tm);
time_t     mktime(struct tm *tm);
time_t     timegm(struct tm *tm);
char      *asctime(const struct tm *tm);
char      *asctime_r(const struct tm *tm, char *buf);
char      *ctime(const time_t *t);
char      *ctime_r(const time_t *t, char *buf);
size_t     strftime(char *s, size_t max, const char *fmt, const struct tm *tm);

#endif
