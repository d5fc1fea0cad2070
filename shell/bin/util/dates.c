/*
 * dates.c - the dates that touch -d, touch -t and date -d take.
 *
 * A date without an offset of its own is local time, as TZ says (UTC
 * if TZ is not set: Duplex's clock keeps UTC); mktime does the sums.
 */
#include <ctype.h>
#include <stdio.h>
#include <strings.h>
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

/*
 * date -d's free form, read item by item as GNU date reads it (the items
 * of its manual that a course uses), in any order:
 *
 *   @SECONDS                        the whole string: seconds since the epoch
 *   2024-01-31, 20240131            a calendar date
 *   Jan 31 [2024], 31 January 2024  a month's name with a day, maybe a year
 *   12:34[:56[.123456789]] [am|pm]  a time of day (T may join it to a date)
 *   Z, UTC, GMT, CET, CEST          a zone: UTC, or TZ's own names
 *   +0800, -08:00, +8               after a time of day: an offset from UTC
 *   Mon, Monday                     that day of the week, today or after
 *   [+-]N unit [ago], next unit,    relative: unit is second, minute, hour,
 *   last unit, now, today,          day, week, fortnight, month, year
 *   yesterday, tomorrow             (plural too)
 *   TZ="Europe/Berlin" ...          a leading TZ: the rest is read in that zone
 *
 * A date without a time of day is midnight; a string with neither (only
 * relative items) starts from now. Without a zone, local time (TZ).
 */
struct when {
    int y, mon, d, has_date;         /* tm_year and tm_mon senses */
    int h, min, sec, has_time;
    long nsec;
    int has_zone, isdst;             /* isdst: 1, 0 or -1 (a zone named by TZ) */
    long off;                        /* seconds east of UTC, with has_zone */
    int wday;                        /* -1: none */
    int wday_next;                   /* "next DAY" */
    long long rel_mon, rel_day, rel_sec;   /* months (and years), days, seconds */
    int ampm;                        /* 0, 'a' or 'p' */
};

static const char *const month_names[12] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
};
static const char *const day_names[7] = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
};

/* A word that is name or its first three (or more) letters. */
static int names(const char *word, const char *name)
{
    size_t n = strlen(word);
    return (n >= 3 && strncmp(name, word, n) == 0) || (n == 4 && !strncmp(name, word, 3) &&
           word[3] == '.') || (!strcmp(word, "tues") && !strcmp(name, "tuesday")) ||
           (!strcmp(word, "wednes") && !strcmp(name, "wednesday"));
}

/* A relative unit's size: months, days or seconds in *kind ('M', 'D', 'S'). */
static long unit_size(const char *w, int *kind)
{
    static const struct { const char *name; int kind; long n; } units[] = {
        { "year", 'M', 12 }, { "month", 'M', 1 }, { "fortnight", 'D', 14 },
        { "week", 'D', 7 }, { "day", 'D', 1 }, { "hour", 'S', 3600 },
        { "minute", 'S', 60 }, { "min", 'S', 60 }, { "second", 'S', 1 }, { "sec", 'S', 1 },
    };
    size_t n = strlen(w);
    if (n > 1 && w[n - 1] == 's')
        n--;                                /* plurals */
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (strlen(units[i].name) == n && !strncmp(units[i].name, w, n)) {
            *kind = units[i].kind;
            return units[i].n;
        }
    return 0;
}

static void add_relative(struct when *w, int kind, long long n)
{
    if (kind == 'M')
        w->rel_mon += n;
    else if (kind == 'D')
        w->rel_day += n;
    else
        w->rel_sec += n;
}

static const char *skip_space(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == ',')
        s++;
    return s;
}

/* A number of digits at s: its value in *v, its length returned (0: none). */
static int number(const char **s, long long *v)
{
    int n = 0;
    *v = 0;
    while (isdigit((unsigned char)**s) && n < 18) {
        *v = *v * 10 + (**s - '0');
        (*s)++;
        n++;
    }
    return n;
}

/* An offset after a time of day: "+0800", "-08:00", "+8", "+ 8 : 8". */
static const char *offset(const char *s, struct when *w)
{
    int sign = *s == '-' ? -1 : 1;
    long long a, b = 0;
    s = skip_space(s + 1);
    int n = number(&s, &a);
    if (n == 0 || n > 4)
        return NULL;
    s = skip_space(s);
    if (*s == ':' && n <= 2) {
        s = skip_space(s + 1);
        if (number(&s, &b) == 0)
            return NULL;
    } else if (n > 2) {
        b = a % 100;                       /* hhmm, or hmm */
        a /= 100;
    }
    if (a > 24 || b > 59 || w->has_zone)
        return NULL;
    w->has_zone = 1;
    w->off = sign * (a * 3600 + b * 60);
    return s;
}

/* hh:mm[:ss[.fraction]] at s. */
static const char *time_of_day(const char *s, struct when *w)
{
    long long h, m, sec = 0;
    if (number(&s, &h) == 0 || *s++ != ':' || number(&s, &m) != 2)
        return NULL;
    if (*s == ':') {
        s++;
        if (number(&s, &sec) != 2)
            return NULL;
        if (*s == '.' || *s == ',') {
            long ns = 0;
            int n = 0;
            for (s++; isdigit((unsigned char)*s); s++, n++)
                if (n < 9)
                    ns = ns * 10 + (*s - '0');
            for (; n < 9; n++)
                ns *= 10;
            w->nsec = ns;
        }
    }
    if (w->has_time || h > 23 || m > 59 || sec > 60)
        return NULL;
    w->has_time = 1;
    w->h = (int)h;
    w->min = (int)m;
    w->sec = (int)sec;
    return s;
}

static int set_date(struct when *w, long long y, long long mon, long long d)
{
    if (w->has_date || mon < 1 || mon > 12 || d < 1 || d > 31)
        return -1;
    w->has_date = 1;
    w->y = (int)(y - 1900);
    w->mon = (int)(mon - 1);
    w->d = (int)d;
    return 0;
}

/* A word: a month, a day of the week, a zone, a relative word. */
static int word(const char *wd, struct when *w, long long *pending, int *has_pending)
{
    int kind;
    long size = unit_size(wd, &kind);
    if (size) {                          /* "3 days", "day" (one) */
        add_relative(w, kind, (*has_pending ? *pending : 1) * size);
        *has_pending = 0;
        return 0;
    }
    if (*has_pending)
        return -1;                       /* a number before something else */
    if (!strcmp(wd, "ago")) {
        w->rel_mon = -w->rel_mon;
        w->rel_day = -w->rel_day;
        w->rel_sec = -w->rel_sec;
        return 0;
    }
    if (!strcmp(wd, "now") || !strcmp(wd, "today") || !strcmp(wd, "this"))
        return 0;
    if (!strcmp(wd, "yesterday") || !strcmp(wd, "tomorrow")) {
        w->rel_day += wd[0] == 'y' ? -1 : 1;
        return 0;
    }
    if (!strcmp(wd, "am") || !strcmp(wd, "a.m.") || !strcmp(wd, "pm") || !strcmp(wd, "p.m.")) {
        if (!w->has_time || w->h > 12 || w->h == 0)
            return -1;
        w->ampm = wd[0];
        return 0;
    }
    for (int i = 0; i < 12; i++)
        if (names(wd, month_names[i])) {
            w->mon = i + 100;            /* a month waiting for its day */
            return 0;
        }
    for (int i = 0; i < 7; i++)
        if (names(wd, day_names[i])) {
            w->wday = i;
            return 0;
        }
    if (!strcmp(wd, "z") || !strcmp(wd, "utc") || !strcmp(wd, "gmt") || !strcmp(wd, "ut")) {
        if (w->has_zone)
            return -1;
        w->has_zone = 1;
        w->off = 0;
        return 0;
    }
    for (int i = 0; i < 2; i++)          /* the local zone's names, "CET" "CEST" */
        if (!strcasecmp(wd, tzname[i]) && !w->has_zone) {
            w->isdst = daylight ? i : 0;
            return 0;
        }
    return -1;
}

/* The items of s into w; 0 or -1. */
static int read_items(const char *s, struct when *w)
{
    long long pending = 0;         /* a number waiting for its unit */
    int has_pending = 0, last_time = 0;
    for (s = skip_space(s); *s; s = skip_space(s)) {
        int after_time = last_time;
        last_time = 0;
        if ((*s == '+' || *s == '-') && after_time && !has_pending) {
            if (!(s = offset(s, w)))
                return -1;
            continue;
        }
        if (*s == '+' || *s == '-' || isdigit((unsigned char)*s)) {
            const char *start = s;
            int sign = 1;
            if (*s == '+' || *s == '-') {
                sign = *s == '-' ? -1 : 1;
                s = skip_space(s + 1);
            }
            long long v;
            int n = number(&s, &v);
            if (n == 0 || has_pending)
                return -1;
            if (sign < 0 || start != s - n) {            /* "+3", "-1": relative */
                pending = sign * v;
                has_pending = 1;
                continue;
            }
            if (n == 4 && *s == '-') {                   /* 2024-01-31 */
                long long mon, d;
                s++;
                if (!number(&s, &mon) || *s++ != '-' || !number(&s, &d) ||
                    set_date(w, v, mon, d) < 0)
                    return -1;
                if (*s == 'T' && isdigit((unsigned char)s[1]))
                    s++;
                continue;
            }
            if (*s == ':' && n <= 2) {                   /* 12:34 */
                if (!(s = time_of_day(start, w)))
                    return -1;
                last_time = 1;
                continue;
            }
            if (n == 8) {                                /* 20240131 */
                if (set_date(w, v / 10000, v / 100 % 100, v % 100) < 0)
                    return -1;
                continue;
            }
            if (w->mon >= 100 && n <= 2) {               /* Jan 31 */
                if (set_date(w, 0, w->mon - 99, v) < 0)
                    return -1;
                w->y = -1;                               /* the year: this one, unless given */
                continue;
            }
            if (n == 4 && w->has_date && w->y == -1) {   /* Jan 31 2024 */
                w->y = (int)(v - 1900);
                continue;
            }
            if (n <= 2 && !w->has_date && isalpha((unsigned char)*skip_space(s))) {
                const char *m = skip_space(s);           /* 31 Jan [2024] */
                char wd[16];
                size_t k = 0;
                while (isalpha((unsigned char)m[k]) && k < sizeof wd - 1)
                    wd[k] = (char)tolower((unsigned char)m[k]), k++;
                wd[k] = '\0';
                for (int i = 0; i < 12; i++)
                    if (names(wd, month_names[i])) {
                        if (set_date(w, 0, i + 1, v) < 0)
                            return -1;
                        w->y = -1;
                        s = m + k;
                        break;
                    }
                if (w->has_date)
                    continue;
            }
            pending = v;                                 /* "3 days" */
            has_pending = 1;
            continue;
        }
        if (isalpha((unsigned char)*s)) {
            char wd[16];
            size_t k = 0;
            while ((isalpha((unsigned char)*s) || *s == '.') && k < sizeof wd - 1)
                wd[k++] = (char)tolower((unsigned char)*s++);
            wd[k] = '\0';
            if (!strcmp(wd, "next") || !strcmp(wd, "last")) {
                pending = wd[0] == 'n' ? 1 : -1;
                has_pending = 1;
                const char *m = skip_space(s);
                char w2[16];
                size_t j = 0;
                while (isalpha((unsigned char)m[j]) && j < sizeof w2 - 1)
                    w2[j] = (char)tolower((unsigned char)m[j]), j++;
                w2[j] = '\0';
                for (int i = 0; i < 7; i++)
                    if (names(w2, day_names[i])) {       /* next Monday, last Friday */
                        w->wday = i;
                        w->wday_next = (int)pending;
                        has_pending = 0;
                        s = m + j;
                    }
                continue;
            }
            if (word(wd, w, &pending, &has_pending) < 0)
                return -1;
            last_time = after_time && w->has_zone == 0 && w->ampm != 0;
            continue;
        }
        return -1;
    }
    if (has_pending || (w->mon >= 100))
        return -1;
    return 0;
}

/* The time of w as seconds since the epoch. */
static int when_time(struct when *w, const struct timespec *now, struct timespec *out)
{
    struct tm tm, today;
    localtime_r(&now->tv_sec, &today);
    memset(&tm, 0, sizeof tm);
    int relative_only = !w->has_date && !w->has_time && w->wday < 0;
    tm.tm_year = w->has_date && w->y != -1 ? w->y : today.tm_year;
    tm.tm_mon = w->has_date ? w->mon : today.tm_mon;
    tm.tm_mday = w->has_date ? w->d : today.tm_mday;
    if (w->has_time) {
        tm.tm_hour = w->h % (w->ampm ? 12 : 24) + (w->ampm == 'p' ? 12 : 0);
        tm.tm_min = w->min;
        tm.tm_sec = w->sec;
    } else if (relative_only) {
        tm.tm_hour = today.tm_hour;
        tm.tm_min = today.tm_min;
        tm.tm_sec = today.tm_sec;
    }
    out->tv_nsec = relative_only ? now->tv_nsec : w->nsec;
    if (w->has_date && !valid_tm(&tm))
        return -1;
    if (w->wday >= 0 && !w->has_date) {
        int ahead = (w->wday - today.tm_wday + 7) % 7;
        if (w->wday_next > 0 && ahead == 0)
            ahead = 7;
        if (w->wday_next < 0)
            ahead = ahead == 0 ? -7 : ahead - 7;
        tm.tm_mday += ahead;
    }
    tm.tm_mon += (int)w->rel_mon;
    tm.tm_mday += (int)w->rel_day;
    tm.tm_isdst = w->isdst;
    if (w->has_zone) {
        out->tv_sec = timegm(&tm) - w->off;
    } else {
        out->tv_sec = mktime(&tm);
    }
    out->tv_sec += w->rel_sec;
    return 0;
}

/* TZ="ZONE" at the start of s: the rest in that zone, TZ restored after. */
static int in_zone(const char *s, struct timespec *out)
{
    const char *end = strchr(s + 4, '"');
    if (!end)
        return -1;
    char zone[64], *saved = NULL;
    const char *old = getenv("TZ");
    if ((size_t)(end - s - 4) >= sizeof zone || (old && !(saved = strdup(old))))
        return -1;
    memcpy(zone, s + 4, (size_t)(end - s - 4));
    zone[end - s - 4] = '\0';
    setenv("TZ", zone, 1);
    tzset();
    int r = parse_date(end + 1, out);
    if (saved)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    free(saved);
    tzset();
    return r;
}

int parse_date(const char *s, struct timespec *out)
{
    s = skip_space(s);
    if (*s == '@') {           /* seconds since the epoch */
        char *end;
        const char *p = s + 1;
        long long v = strtoll(p, &end, 10);
        if (end == p || !isdigit((unsigned char)p[*p == '-' || *p == '+']))
            return -1;
        out->tv_nsec = 0;
        if (*end == '.') {
            long ns = 0;
            int n = 0;
            for (end++; isdigit((unsigned char)*end); end++, n++)
                if (n < 9)
                    ns = ns * 10 + (*end - '0');
            for (; n < 9; n++)
                ns *= 10;
            out->tv_nsec = ns;
        }
        if (*skip_space(end))
            return -1;
        out->tv_sec = (time_t)v;
        return 0;
    }
    if (!strncmp(s, "TZ=\"", 4))
        return in_zone(s, out);
    tzset();
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct when w = { .wday = -1, .isdst = -1 };
    w.has_time = !*s;                  /* "": the start of today, as GNU reads it */
    if (read_items(s, &w) < 0)
        return -1;
    return when_time(&w, &now, out);
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
