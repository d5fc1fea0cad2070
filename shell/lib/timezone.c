/*
 * timezone.c - local time: tzset, localtime, mktime and the variables
 * timezone, daylight and tzname, from a POSIX TZ string.
 *
 * Duplex has no time-zone database, so TZ is read as POSIX describes it
 * for a string that names no file (XBD 8.3):
 *
 *   std offset [dst [offset] [,start[/time],end[/time]]]
 *
 * std and dst are names of three or more letters, or anything in <...>
 * ("<+03>-3"); an offset is [+-]hh[:mm[:ss]] to ADD to local time to get
 * UTC, so UTC-2 is two hours east of Greenwich; dst's offset defaults to
 * one hour less than std's. A rule is Jn (day n of 365, February 29th
 * never counted), n (day n from 0, counting it) or Mm.w.d (day d, 0 =
 * Sunday, of week w, 5 = the last, of month m), at `time` (default
 * 02:00:00) of the local time in force before the change. Without rules,
 * glibc's default applies: M3.2.0,M11.1.0.
 *
 * Before that, TZ may name a zone ("Europe/Berlin", ":America/New_York"):
 * zones.c gives the POSIX string of its rule today (no historical rules).
 *
 * TZ unset or empty, or a string that cannot be read, is UTC: the
 * machine's clock is UTC and there is no other local time to fall back
 * on. The broken-down times carry their offset and name (tm_gmtoff,
 * tm_zone) for strftime's %z and %Z.
 */
#include "libc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

long timezone = 0;
int daylight = 0;
char *tzname[2] = { "UTC", "UTC" };

struct rule {
    char kind;                 /* 'J', 'D' (plain n) or 'M' */
    int day, week, month;
    long secs;                 /* time of day of the change */
};

static struct {
    char std[16], dst[16];
    long std_off, dst_off;     /* seconds EAST of UTC (tm_gmtoff's sense) */
    int has_dst;
    struct rule start, end;
} zone;

static char cached[64];        /* the TZ the zone was read from */

/* A zone name: letters, or <...>; into out (at most 15 bytes). */
static const char *parse_name(const char *s, char *out)
{
    size_t n = 0;
    if (*s == '<') {
        const char *e = strchr(s, '>');
        if (!e || e - s - 1 < 3 || e - s - 1 > 15)
            return NULL;
        n = (size_t)(e - s - 1);
        memcpy(out, s + 1, n);
        out[n] = '\0';
        return e + 1;
    }
    while (((s[n] | 32) >= 'a' && (s[n] | 32) <= 'z') && n < 15)
        n++;
    if (n < 3)
        return NULL;
    memcpy(out, s, n);
    out[n] = '\0';
    return s + n;
}

/* [+-]hh[:mm[:ss]] as seconds; NULL if there is none. */
static const char *parse_hms(const char *s, long *secs, int signed_ok)
{
    int sign = 1;
    if (signed_ok && (*s == '+' || *s == '-'))
        sign = *s++ == '-' ? -1 : 1;
    if (*s < '0' || *s > '9')
        return NULL;
    long parts[3] = { 0, 0, 0 };
    for (int i = 0; i < 3; i++) {
        if (*s < '0' || *s > '9')
            return NULL;
        char *end;
        parts[i] = strtol(s, &end, 10);
        s = end;
        if (*s != ':')
            break;
        s++;
    }
    if (parts[0] > 167 || parts[1] > 59 || parts[2] > 59)
        return NULL;
    *secs = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
    return s;
}

static const char *parse_rule(const char *s, struct rule *r)
{
    char *end;
    if (*s == 'M') {
        r->kind = 'M';
        r->month = (int)strtol(s + 1, &end, 10);
        if (*end != '.')
            return NULL;
        r->week = (int)strtol(end + 1, &end, 10);
        if (*end != '.')
            return NULL;
        r->day = (int)strtol(end + 1, &end, 10);
        if (r->month < 1 || r->month > 12 || r->week < 1 || r->week > 5 ||
            r->day < 0 || r->day > 6)
            return NULL;
    } else {
        r->kind = *s == 'J' ? 'J' : 'D';
        s += *s == 'J';
        if (*s < '0' || *s > '9')
            return NULL;
        r->day = (int)strtol(s, &end, 10);
        if (r->day > 365 || (r->kind == 'J' && r->day < 1))
            return NULL;
    }
    s = end;
    r->secs = 7200;
    if (*s == '/' && !(s = parse_hms(s + 1, &r->secs, 1)))
        return NULL;
    return s;
}

/* The zone of a TZ string; 0 if it is not one. */
static int parse_tz(const char *s)
{
    long off;
    if (*s == ':')
        return 0;                          /* a file, not a zone of zones.c */
    if (!(s = parse_name(s, zone.std)) || !(s = parse_hms(s, &off, 1)))
        return 0;
    zone.std_off = -off;
    zone.has_dst = 0;
    if (!*s)
        return 1;
    if (!(s = parse_name(s, zone.dst)))
        return 0;
    zone.has_dst = 1;
    zone.dst_off = zone.std_off + 3600;
    if (*s && *s != ',') {
        if (!(s = parse_hms(s, &off, 1)))
            return 0;
        zone.dst_off = -off;
    }
    if (!*s)
        s = ",M3.2.0,M11.1.0";
    if (*s++ != ',' || !(s = parse_rule(s, &zone.start)) || *s++ != ',' ||
        !(s = parse_rule(s, &zone.end)) || *s)
        return 0;
    return 1;
}

void tzset(void)
{
    const char *tz = getenv("TZ");
    if (!tz)
        tz = "";
    if (strlen(tz) < sizeof cached && strcmp(tz, cached) == 0 && cached[0])
        return;
    snprintf(cached, sizeof cached, "%s", tz);
    char etc[16];
    const char *rule = __dx_zone_rule(tz, etc, sizeof etc);   /* a zone's name */
    if (!*tz || !parse_tz(rule ? rule : tz)) {
        strcpy(zone.std, "UTC");
        zone.std_off = 0;
        zone.has_dst = 0;
    }
    if (!zone.has_dst)
        strcpy(zone.dst, zone.std);
    timezone = -zone.std_off;
    daylight = zone.has_dst;
    tzname[0] = zone.std;
    tzname[1] = zone.dst;
}

/* Seconds from the start of the year (year: the full number) to the
 * start of the rule's day. */
static long long rule_day_secs(const struct rule *r, long long year)
{
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    long long day;
    if (r->kind == 'J') {
        day = r->day - 1 + (leap && r->day >= 60);
    } else if (r->kind == 'D') {
        day = r->day;
    } else {
        day = 0;
        for (int m = 0; m < r->month - 1; m++)
            day += mdays[m] + (m == 1 && leap);
        struct tm first = { 0 };
        first.tm_year = (int)(year - 1900);
        first.tm_mon = r->month - 1;
        first.tm_mday = 1;
        timegm(&first);                    /* fills tm_wday */
        int d = (r->day - first.tm_wday + 7) % 7 + (r->week - 1) * 7;
        int len = mdays[r->month - 1] + (r->month == 2 && leap);
        while (d >= len)
            d -= 7;                        /* week 5: the last such day */
        day += d;
    }
    return day * 86400;
}

/* Whether daylight time is in force at t (UTC seconds). */
static int in_dst(time_t t)
{
    if (!zone.has_dst)
        return 0;
    struct tm tm;
    time_t local = t + zone.std_off;
    if (!gmtime_r(&local, &tm))
        return 0;
    struct tm jan1 = { 0 };
    jan1.tm_year = tm.tm_year;
    jan1.tm_mday = 1;
    long long year_start = timegm(&jan1);
    long long year = tm.tm_year + 1900LL;
    /* the start is in standard time, the end in daylight time */
    long long start = year_start + rule_day_secs(&zone.start, year) + zone.start.secs -
                      zone.std_off;
    long long end = year_start + rule_day_secs(&zone.end, year) + zone.end.secs -
                    zone.dst_off;
    if (start < end)
        return t >= start && t < end;
    return !(t >= end && t < start);       /* the southern hemisphere */
}

struct tm *localtime_r(const time_t *t, struct tm *tm)
{
    tzset();
    int dst = in_dst(*t);
    long off = dst ? zone.dst_off : zone.std_off;
    time_t local = *t + off;
    if (!gmtime_r(&local, tm))
        return NULL;
    tm->tm_isdst = dst;
    tm->tm_gmtoff = off;
    tm->tm_zone = dst ? zone.dst : zone.std;
    return tm;
}

struct tm *localtime(const time_t *t)
{
    static struct tm tm;
    return localtime_r(t, &tm);
}

/* The local time tm names: with tm_isdst < 0 the offset is the one in
 * force then (a time that does not exist, in the hour skipped in spring,
 * is read in standard time); otherwise tm_isdst says which. */
time_t mktime(struct tm *tm)
{
    tzset();
    struct tm copy = *tm;
    time_t local = timegm(&copy);
    long off = zone.std_off;
    if (tm->tm_isdst > 0 && zone.has_dst)
        off = zone.dst_off;
    else if (tm->tm_isdst < 0 && zone.has_dst && in_dst(local - zone.dst_off) &&
             in_dst(local - zone.std_off))
        off = zone.dst_off;
    time_t t = local - off;
    if (!localtime_r(&t, tm))
        return -1;
    return t;
}
