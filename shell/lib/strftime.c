/*
 * strftime.c - formatting a broken-down time, for date(1) and ls -l.
 *
 * Conversions: %a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M
 * %n %p %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%, in the "C"
 * locale. The E and O modifiers are accepted and ignored. An unknown
 * conversion is copied as it stands. Returns the length, or 0 (with the
 * buffer's contents unspecified) if the result does not fit in max bytes.
 */
#include "libc.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const day_names[7] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};
static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

struct out {
    char  *s;
    size_t max, len;
    bool   overflow;
};

static void put_str(struct out *o, const char *p, size_t n)
{
    if (o->len + n >= o->max) {
        o->overflow = true;
        return;
    }
    memcpy(o->s + o->len, p, n);
    o->len += n;
}

/* v as a decimal of at least `width` digits, padded with pad ('0', ' '). */
static void put_num(struct out *o, long long v, int width, char pad)
{
    char buf[24];
    int n = pad == '0' ? snprintf(buf, sizeof buf, "%0*lld", width, v)
                       : snprintf(buf, sizeof buf, "%*lld", width, v);
    put_str(o, buf, (size_t)n);
}

static const char *name_of(const char *const *names, int i, int n)
{
    return i >= 0 && i < n ? names[i] : "?";
}

/* ---- ISO 8601 weeks (%G %g %V) -------------------------------------------- */

static bool leap(long long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Week 1 is the one with the year's first Thursday; weeks start Monday.
 * Days before week 1 belong to the last week of the year before. */
static int iso_week(const struct tm *tm, long long *iso_year)
{
    long long year = 1900LL + tm->tm_year;
    int wday = (tm->tm_wday + 6) % 7;                  /* Monday = 0 */
    int week = (tm->tm_yday - wday + 10) / 7;

    if (week < 1) {
        year--;
        int prev_days = leap(year) ? 366 : 365;
        week = (tm->tm_yday + prev_days - wday + 10) / 7;
    } else {
        int days = leap(year) ? 366 : 365;
        if (tm->tm_yday - wday + 3 >= days) {          /* Thursday is next year */
            year++;
            week = 1;
        }
    }
    *iso_year = year;
    return week;
}

/* ---- the conversions ---------------------------------------------------------- */

static void format(struct out *o, const char *fmt, const struct tm *tm);

static void convert(struct out *o, char c, const struct tm *tm)
{
    long long year = 1900LL + tm->tm_year, iso_year;
    int hour12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;

    switch (c) {
    case 'a': put_str(o, name_of(day_names, tm->tm_wday, 7), 3); break;
    case 'A': { const char *n = name_of(day_names, tm->tm_wday, 7); put_str(o, n, strlen(n)); break; }
    case 'b': case 'h': put_str(o, name_of(month_names, tm->tm_mon, 12), 3); break;
    case 'B': { const char *n = name_of(month_names, tm->tm_mon, 12); put_str(o, n, strlen(n)); break; }
    case 'c': format(o, "%a %b %e %H:%M:%S %Y", tm); break;
    case 'C': put_num(o, year / 100, 2, '0'); break;
    case 'd': put_num(o, tm->tm_mday, 2, '0'); break;
    case 'D': format(o, "%m/%d/%y", tm); break;
    case 'e': put_num(o, tm->tm_mday, 2, ' '); break;
    case 'F': format(o, "%Y-%m-%d", tm); break;
    case 'g': iso_week(tm, &iso_year); put_num(o, (iso_year % 100 + 100) % 100, 2, '0'); break;
    case 'G': iso_week(tm, &iso_year); put_num(o, iso_year, 1, '0'); break;
    case 'H': put_num(o, tm->tm_hour, 2, '0'); break;
    case 'I': put_num(o, hour12, 2, '0'); break;
    case 'j': put_num(o, tm->tm_yday + 1, 3, '0'); break;
    case 'k': put_num(o, tm->tm_hour, 2, ' '); break;
    case 'l': put_num(o, hour12, 2, ' '); break;
    case 'm': put_num(o, tm->tm_mon + 1, 2, '0'); break;
    case 'M': put_num(o, tm->tm_min, 2, '0'); break;
    case 'n': put_str(o, "\n", 1); break;
    case 'p': put_str(o, tm->tm_hour < 12 ? "AM" : "PM", 2); break;
    case 'r': format(o, "%I:%M:%S %p", tm); break;
    case 'R': format(o, "%H:%M", tm); break;
    case 's': { struct tm copy = *tm; put_num(o, timegm(&copy) - tm->tm_gmtoff, 1, '0'); break; }
    case 'S': put_num(o, tm->tm_sec, 2, '0'); break;
    case 't': put_str(o, "\t", 1); break;
    case 'T': format(o, "%H:%M:%S", tm); break;
    case 'u': put_num(o, tm->tm_wday == 0 ? 7 : tm->tm_wday, 1, '0'); break;
    case 'U': put_num(o, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, '0'); break;
    case 'V': put_num(o, iso_week(tm, &iso_year), 2, '0'); break;
    case 'w': put_num(o, tm->tm_wday, 1, '0'); break;
    case 'W': put_num(o, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2, '0'); break;
    case 'x': format(o, "%m/%d/%y", tm); break;
    case 'X': format(o, "%H:%M:%S", tm); break;
    case 'y': put_num(o, (year % 100 + 100) % 100, 2, '0'); break;
    case 'Y': put_num(o, year, 1, '0'); break;
    case 'z': {
        long off = tm->tm_gmtoff < 0 ? -tm->tm_gmtoff : tm->tm_gmtoff;
        put_str(o, tm->tm_gmtoff < 0 ? "-" : "+", 1);
        put_num(o, off / 3600 * 100 + off / 60 % 60, 4, '0');
        break;
    }
    case 'Z': {
        const char *z = tm->tm_zone ? tm->tm_zone : "UTC";
        put_str(o, z, strlen(z));
        break;
    }
    case '%': put_str(o, "%", 1); break;
    default: {
        char raw[2] = { '%', c };
        put_str(o, raw, 2);
        break;
    }
    }
}

static void format(struct out *o, const char *fmt, const struct tm *tm)
{
    for (; *fmt != '\0' && !o->overflow; fmt++) {
        if (*fmt != '%') {
            put_str(o, fmt, 1);
            continue;
        }
        fmt++;
        if (*fmt == 'E' || *fmt == 'O')
            fmt++;
        if (*fmt == '\0') {
            put_str(o, "%", 1);
            break;
        }
        convert(o, *fmt, tm);
    }
}

size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm)
{
    struct out o = { s, max, 0, false };
    if (max == 0)
        return 0;
    format(&o, fmt, tm);
    if (o.overflow)
        return 0;
    s[o.len] = '\0';
    return o.len;
}
