/*
 * dates.c - the dates that touch -d, touch -t and date -d take.
 *
 * A date without an offset of its own is local time, as TZ says (UTC
 * if TZ is not set: Duplex's clock keeps UTC); mktime does the sums.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "util.h"

/* n decimal digits at s into *v; the count read must be exactly n. */
static int digits_n(const char **s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++, (*s)++) {
        if (!isdigit((unsigned char)**s))
            return -1;
        *v = *v * 10 + (**s - '0');
    }
    return 0;
}

static int valid_tm(const struct tm *tm)
{
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y = tm->tm_year + 1900;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return tm->tm_mon >= 0 && tm->tm_mon < 12 && tm->tm_mday >= 1 &&
           tm->tm_mday <= days[tm->tm_mon] - (tm->tm_mon == 1 && !leap) &&
           tm->tm_hour >= 0 && tm->tm_hour < 24 && tm->tm_min >= 0 && tm->tm_min < 60 &&
           tm->tm_sec >= 0 && tm->tm_sec <= 60;
}

/* "Z", "UTC", "GMT", "+HH[:]MM", "-HHMM": seconds east of UTC in *off.
 * Returns 1 for one of them, 0 for none (local time), -1 for others. */
static int parse_zone(const char *s, long *off)
{
    while (*s == ' ')
        s++;
    *off = 0;
    if (!*s)
        return 0;
    if (!strcmp(s, "Z") || !strcmp(s, "UTC") || !strcmp(s, "GMT") || !strcmp(s, "UTC0"))
        return 1;
    int sign = *s == '+' ? 1 : *s == '-' ? -1 : 0, h, m = 0;
    if (!sign)
        return -1;
    s++;
    if (digits_n(&s, 2, &h) < 0)
        return -1;
    if (*s == ':')
        s++;
    if (*s && digits_n(&s, 2, &m) < 0)
        return -1;
    if (*s || h > 24 || m > 59)
        return -1;
    *off = sign * (h * 3600L + m * 60L);
    return 1;
}

int parse_date(const char *s, struct timespec *out)
{
    while (*s == ' ')
        s++;
    char *end;
    out->tv_nsec = 0;
    if (*s == '@') {           /* seconds since the epoch */
        long long v = strtoll(s + 1, &end, 10);
        if (end == s + 1 || *end)
            return -1;
        out->tv_sec = (time_t)v;
        return 0;
    }
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (!*s || !strcmp(s, "now")) {
        *out = now;
        return 0;
    }
    struct tm tm;
    if (!strcmp(s, "today") || !strcmp(s, "yesterday") || !strcmp(s, "tomorrow")) {
        out->tv_sec = now.tv_sec + (s[0] == 'y' ? -86400 : s[1] == 'o' && s[2] == 'm' ? 86400 : 0);
        out->tv_nsec = now.tv_nsec;
        return 0;
    }
    memset(&tm, 0, sizeof tm);
    int y, mo, d;
    const char *time_only = NULL;
    if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && s[2] == ':') {
        struct tm today;                     /* "12:34": today, local time */
        localtime_r(&now.tv_sec, &today);
        tm.tm_year = today.tm_year;
        tm.tm_mon = today.tm_mon;
        tm.tm_mday = today.tm_mday;
        time_only = s;
    } else if (digits_n(&s, 4, &y) == 0 && *s == '-' && (s++, digits_n(&s, 2, &mo)) == 0 &&
               *s == '-' && (s++, digits_n(&s, 2, &d)) == 0) {
        tm.tm_year = y - 1900;
        tm.tm_mon = mo - 1;
        tm.tm_mday = d;
    } else {
        return -1;
    }
    if (time_only || *s == 'T' || *s == ' ') {
        const char *t = time_only ? s : s + 1;
        while (*t == ' ')
            t++;
        if (isdigit((unsigned char)*t)) {
            s = t;
            if (digits_n(&s, 2, &tm.tm_hour) < 0 || *s++ != ':' ||
                digits_n(&s, 2, &tm.tm_min) < 0)
                return -1;
            if (*s == ':') {
                s++;
                if (digits_n(&s, 2, &tm.tm_sec) < 0)
                    return -1;
                if (*s == '.' || *s == ',') {      /* a fraction of a second */
                    long ns = 0;
                    int n = 0;
                    for (s++; isdigit((unsigned char)*s); s++, n++)
                        if (n < 9)
                            ns = ns * 10 + (*s - '0');
                    for (; n < 9; n++)
                        ns *= 10;
                    out->tv_nsec = ns;
                }
            }
        }
    }
    long off;
    int zoned = parse_zone(s, &off);
    if (!valid_tm(&tm) || zoned < 0)
        return -1;
    tm.tm_isdst = -1;
    out->tv_sec = zoned ? timegm(&tm) - off : mktime(&tm);
    return 0;
}

int parse_stamp(const char *s, struct timespec *out)
{
    /* [[CC]YY]MMDDhhmm[.ss] */
    const char *dot = strchr(s, '.');
    size_t n = dot ? (size_t)(dot - s) : strlen(s);
    if ((n != 8 && n != 10 && n != 12) || strspn(s, "0123456789") != n)
        return -1;
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct tm cur;
    localtime_r(&now.tv_sec, &cur);
    int y = cur.tm_year + 1900, v;
    if (n == 12) {
        digits_n(&s, 4, &y);
    } else if (n == 10) {      /* POSIX: 69-99 are 19YY, 00-68 20YY */
        digits_n(&s, 2, &v);
        y = v < 69 ? 2000 + v : 1900 + v;
    }
    digits_n(&s, 2, &v);
    tm.tm_mon = v - 1;
    digits_n(&s, 2, &tm.tm_mday);
    digits_n(&s, 2, &tm.tm_hour);
    digits_n(&s, 2, &tm.tm_min);
    if (*s == '.') {
        s++;
        if (digits_n(&s, 2, &tm.tm_sec) < 0 || *s)
            return -1;
    }
    tm.tm_year = y - 1900;
    if (!valid_tm(&tm))
        return -1;
    tm.tm_isdst = -1;
    out->tv_sec = mktime(&tm);
    out->tv_nsec = 0;
    return 0;
}
