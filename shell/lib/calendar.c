/*
 * calendar.c - calendar time: seconds since 1970 to and from dates
 * (gmtime, timegm; localtime and mktime, which add a time zone, are
 * timezone.c's), and the fixed text forms asctime and ctime.
 *
 * Dates use the proleptic Gregorian calendar throughout. The conversions
 * count days with the "days from civil" method: shifting the year to begin
 * on March 1 puts the leap day at the end of the year, so a year is 365
 * days plus one in the leap years, and a 400-year era is exactly 146097
 * days.
 */
#include "libc.h"
#include <stdio.h>
#include <time.h>

#define SECS_PER_DAY 86400LL

static const char wday_names[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char mon_names[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Floor division: rounds towards minus infinity, for dates before 1970. */
static long long floor_div(long long a, long long b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Days since 1970-01-01 of year y, month m (1-12), day d (1-31). */
static long long days_from_civil(long long y, int m, int d)
{
    y -= m <= 2;
    long long era = floor_div(y, 400);
    long long yoe = y - era * 400;                          /* [0, 399] */
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

/* The inverse: year, month (1-12) and day of a day count. */
static void civil_from_days(long long z, long long *y, int *m, int *d)
{
    z += 719468;
    long long era = floor_div(z, 146097);
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

struct tm *gmtime_r(const time_t *t, struct tm *tm)
{
    long long days = floor_div(*t, SECS_PER_DAY);
    long long secs = *t - days * SECS_PER_DAY;
    long long year;
    int mon, mday;

    civil_from_days(days, &year, &mon, &mday);
    if (year - 1900 > 0x7fffffff || year - 1900 < -0x7fffffff - 1) {
        errno = EOVERFLOW;
        return NULL;
    }
    tm->tm_sec = (int)(secs % 60);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_mday = mday;
    tm->tm_mon = mon - 1;
    tm->tm_year = (int)(year - 1900);
    tm->tm_wday = (int)(days + 4 - floor_div(days + 4, 7) * 7);   /* 1970-01-01: Thu */
    tm->tm_yday = (int)(days - days_from_civil(year, 1, 1));
    tm->tm_isdst = 0;
    tm->tm_gmtoff = 0;
    tm->tm_zone = "UTC";
    return tm;
}

struct tm *gmtime(const time_t *t)
{
    static struct tm tm;
    return gmtime_r(t, &tm);
}

/*
 * timegm: the seconds of a broken-down UTC time. Fields out of range are
 * allowed and carry into the next larger one (month 12 is January of the
 * next year, second -1 is the last second of the minute before); the
 * structure is then normalised, with tm_wday and tm_yday filled in.
 */
time_t timegm(struct tm *tm)
{
    long long mon = tm->tm_mon;
    long long year = 1900LL + tm->tm_year + floor_div(mon, 12);
    mon -= floor_div(mon, 12) * 12;

    long long days = days_from_civil(year, (int)mon + 1, 1) + tm->tm_mday - 1;
    time_t t = days * SECS_PER_DAY + tm->tm_hour * 3600LL + tm->tm_min * 60LL + tm->tm_sec;
    if (gmtime_r(&t, tm) == NULL)
        return -1;
    return t;
}

/* "Sun Sep 16 01:03:52 1973\n", the C standard's fixed format. */
char *asctime_r(const struct tm *tm, char *buf)
{
    int wd = tm->tm_wday, mo = tm->tm_mon;
    const char *w = wd >= 0 && wd < 7 ? wday_names[wd] : "???";
    const char *m = mo >= 0 && mo < 12 ? mon_names[mo] : "???";
    char *p = buf;

    for (int i = 0; i < 3; i++)
        *p++ = w[i];
    *p++ = ' ';
    for (int i = 0; i < 3; i++)
        *p++ = m[i];
    /* the rest is numbers: let the formatter do it */
    snprintf(p, 26 - 7, " %2d %02d:%02d:%02d %d\n", tm->tm_mday, tm->tm_hour,
             tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
    return buf;
}

char *asctime(const struct tm *tm)
{
    static char buf[64];
    return asctime_r(tm, buf);
}

char *ctime_r(const time_t *t, char *buf)
{
    struct tm tm;
    if (localtime_r(t, &tm) == NULL)
        return NULL;
    return asctime_r(&tm, buf);
}

char *ctime(const time_t *t)
{
    static char buf[64];
    return ctime_r(t, buf);
}
