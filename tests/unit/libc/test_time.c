/*
 * test_time.c - calendar conversions against glibc's (gmtime, timegm and
 * strftime for many instants, leap days and centuries, before 1970 and
 * far ahead), the fixed text forms, and the clock and sleep wrappers.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"

static const long long instants[] = {
    0, 1, 59, 60, 3599, 3600, 86399, 86400, -1, -86400, -86401,
    951782400,          /* 2000-02-29 */
    951868800,          /* 2000-03-01 */
    4107542400LL,       /* 2100-03-01: 2100 is not a leap year */
    1700000000, 1234567890, 2147483647, 2147483648LL, 4294967296LL,
    -2208988800LL,      /* 1900-01-01 */
    -62135596800LL,     /* 0001-01-01 */
    253402300799LL,     /* 9999-12-31 23:59:59 */
    1704067199,         /* 2023-12-31 23:59:59 */
    1704067200,         /* 2024-01-01 */
    1735603200,         /* 2024-12-31 */
    1609459200,         /* 2021-01-01, a Friday: ISO week 53 of 2020 */
    1230768000,         /* 2009-01-01 */
};

static void check_gmtime(long long t)
{
    int want[8];
    CHECK_EQ(host_gmtime(t, want), 0);
    time_t tt = (time_t)t;
    struct tm tm;
    CHECK(gmtime_r(&tt, &tm) == &tm);
    int got[8] = { tm.tm_sec, tm.tm_min, tm.tm_hour, tm.tm_mday, tm.tm_mon,
                   tm.tm_year, tm.tm_wday, tm.tm_yday };
    if (memcmp(got, want, sizeof got) != 0)
        t_fail(__FILE__, __LINE__, "gmtime(%lld): %d-%d-%d %d:%d:%d wd %d yd %d, host "
               "%d-%d-%d %d:%d:%d wd %d yd %d", t, got[5], got[4], got[3], got[2],
               got[1], got[0], got[6], got[7], want[5], want[4], want[3], want[2],
               want[1], want[0], want[6], want[7]);
    /* and back */
    CHECK_EQ(timegm(&tm), t);
}

TEST(gmtime_known_instants)
{
    for (size_t i = 0; i < sizeof instants / sizeof *instants; i++)
        check_gmtime(instants[i]);
}

TEST(gmtime_random_instants)
{
    uint64_t x = 88172645463325252ULL;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        long long t = (long long)(x % 400000000000ULL) - 200000000000LL;  /* ±6000 years */
        check_gmtime(t);
    }
}

TEST(gmtime_fields)
{
    time_t t = 951782400 + 13 * 3600 + 14 * 60 + 15;
    struct tm *tm = gmtime(&t);
    CHECK_EQ(tm->tm_year, 100);
    CHECK_EQ(tm->tm_mon, 1);
    CHECK_EQ(tm->tm_mday, 29);
    CHECK_EQ(tm->tm_hour, 13);
    CHECK_EQ(tm->tm_min, 14);
    CHECK_EQ(tm->tm_sec, 15);
    CHECK_EQ(tm->tm_wday, 2);            /* a Tuesday */
    CHECK_EQ(tm->tm_yday, 59);
    CHECK_STR(tm->tm_zone, "UTC");
    CHECK(localtime(&t)->tm_hour == 13); /* local time is UTC */
}

TEST(mktime_normalises)
{
    struct tm tm = { .tm_year = 99, .tm_mon = 12, .tm_mday = 1 };   /* month 12 */
    time_t t = mktime(&tm);
    CHECK_EQ(t, 946684800);              /* 2000-01-01 */
    CHECK_EQ(tm.tm_year, 100);
    CHECK_EQ(tm.tm_mon, 0);
    CHECK_EQ(tm.tm_wday, 6);

    int cases[][6] = {                   /* sec min hour mday mon year */
        { -1, 0, 0, 1, 0, 70 }, { 0, 0, 0, 0, 2, 100 }, { 0, 0, 0, 31, 1, 101 },
        { 3600 * 30, 0, 0, 1, 0, 120 }, { 0, -90, 0, 1, 0, 80 }, { 0, 0, 0, 1, -13, 90 },
        { 59, 59, 23, 366, 0, 104 }, { 0, 0, 0, -400, 5, 50 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int *c = cases[i];
        struct tm in = { .tm_sec = c[0], .tm_min = c[1], .tm_hour = c[2],
                         .tm_mday = c[3], .tm_mon = c[4], .tm_year = c[5] };
        CHECK_EQ(timegm(&in), host_timegm(c));
        CHECK(in.tm_mon >= 0 && in.tm_mon < 12 && in.tm_mday >= 1 && in.tm_sec < 60);
    }
}

TEST(strftime_against_host)
{
    const char *fmts[] = {
        "%a %A %b %B %h", "%c", "%C %y %Y", "%d %e %j", "%D %F %T %R %r",
        "%H %I %k %l %M %S %p", "%m %u %w", "%U %W %V %G %g", "%x %X",
        "%s", "%n%t%%", "%z", "plain text", "%Ey %Od",
    };
    for (size_t i = 0; i < sizeof instants / sizeof *instants; i++) {
        if (instants[i] < -2208988800LL || instants[i] > 4107542400LL)
            continue;                    /* keep to years glibc agrees on */
        time_t t = (time_t)instants[i];
        struct tm tm;
        gmtime_r(&t, &tm);
        for (size_t f = 0; f < sizeof fmts / sizeof *fmts; f++) {
            char ours[128], host[128];
            size_t n1 = strftime(ours, sizeof ours, fmts[f], &tm);
            size_t n2 = host_strftime(host, sizeof host, fmts[f], instants[i]);
            if (n1 != n2 || strcmp(ours, host) != 0)
                t_fail(__FILE__, __LINE__, "strftime(\"%s\", %lld): \"%s\", host \"%s\"",
                       fmts[f], instants[i], ours, host);
        }
    }
}

/* POSIX TZ strings: localtime's fields, offset and name, and mktime,
 * against glibc's reading of the same strings (none names a zone file).
 * Not "XST5XDT" without rules: glibc takes those from its "posixrules"
 * file, with that file's names (EST, EDT) in the years it covers. */
static const char *const zones[] = {
    "UTC0", "UTC-2", "XYZ+5", "<+0530>-5:30", "<-03>3", "ABC-1:30:15",
    "XST5XDT,M3.2.0,M11.1.0", "CET-1CEST,M3.5.0,M10.5.0/3",
    "AEST-10AEDT,M10.1.0,M4.1.0/3", "XST5XDT,J60,J300", "XST5XDT,59,299",
    "ABC-1DEF-3,M3.5.0,M10.5.0/3", "NZST-12NZDT,M9.5.0,M4.1.0/3", "XST5XDT,M3.2.0/-1,M11.1.0/26",
};

static void check_localtime(const char *tz, long long t)
{
    long want[10];
    char wzone[16];
    CHECK_EQ(host_localtime(tz, t, want, wzone, sizeof wzone), 0);
    time_t tt = (time_t)t;
    struct tm tm;
    CHECK(localtime_r(&tt, &tm) == &tm);
    long got[10] = { tm.tm_sec, tm.tm_min, tm.tm_hour, tm.tm_mday, tm.tm_mon, tm.tm_year,
                     tm.tm_wday, tm.tm_yday, tm.tm_isdst, tm.tm_gmtoff };
    if (memcmp(got, want, sizeof got) != 0 || strcmp(tm.tm_zone, wzone) != 0)
        t_fail(__FILE__, __LINE__, "localtime(%lld) in %s: %ld-%ld-%ld %ld:%ld:%ld dst %ld "
               "off %ld %s, host %ld-%ld-%ld %ld:%ld:%ld dst %ld off %ld %s", t, tz,
               got[5], got[4], got[3], got[2], got[1], got[0], got[8], got[9], tm.tm_zone,
               want[5], want[4], want[3], want[2], want[1], want[0], want[8], want[9], wzone);
}

TEST(localtime_posix_tz)
{
    uint64_t x = 2463534242ULL;
    for (size_t z = 0; z < sizeof zones / sizeof *zones; z++) {
        setenv("TZ", zones[z], 1);
        tzset();
        for (size_t i = 0; i < sizeof instants / sizeof *instants; i++)
            if (instants[i] >= 0 && instants[i] < 4107542400LL)
                check_localtime(zones[z], instants[i]);
        for (int i = 0; i < 3000; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            check_localtime(zones[z], (long long)(x % 4000000000ULL));  /* 1970-2096 */
        }
        /* every hour around the changes of 2024 */
        for (long long t = 1709251200; t < 1709251200 + 40 * 86400; t += 1800)
            check_localtime(zones[z], t);
        for (long long t = 1727740800; t < 1727740800 + 40 * 86400; t += 1800)
            check_localtime(zones[z], t);
    }
    setenv("TZ", "UTC", 1);
    tzset();
}

/* Zones by name (zones.c): the rule of today, so against glibc's zone
 * files from 2024 on only (the files know the past rules, the table does
 * not). Dublin's "daylight" time is its winter, in both. */
TEST(localtime_named_zones)
{
    static const char *const names[] = {
        "Europe/Berlin", "America/New_York", ":America/Los_Angeles", "Europe/London",
        "Europe/Dublin", "Asia/Kolkata", "Australia/Sydney", "Pacific/Auckland",
        "America/Santiago", "Asia/Jerusalem", "Africa/Cairo", "Asia/Tokyo", "UTC",
        "Etc/GMT+5", "Etc/GMT-14", "America/St_Johns", "Asia/Kathmandu",
    };
    uint64_t x = 88172645463325252ULL;
    for (size_t z = 0; z < sizeof names / sizeof *names; z++) {
        setenv("TZ", names[z], 1);
        tzset();
        for (int i = 0; i < 2000; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            check_localtime(names[z], 1704067200LL + (long long)(x % 420000000ULL));
        }
        for (long long t = 1709251200; t < 1709251200 + 40 * 86400; t += 1800)
            check_localtime(names[z], t);
        for (long long t = 1727740800; t < 1727740800 + 40 * 86400; t += 1800)
            check_localtime(names[z], t);
    }
    setenv("TZ", "Nowhere/Atlantis", 1);     /* no such zone: UTC */
    tzset();
    time_t t = 0;
    struct tm tm;
    localtime_r(&t, &tm);
    CHECK_EQ(tm.tm_gmtoff, 0);
    setenv("TZ", "UTC", 1);
    tzset();
}

TEST(mktime_posix_tz)
{
    static const int cases[][6] = {      /* sec min hour mday mon year */
        { 0, 0, 12, 1, 0, 124 }, { 0, 0, 12, 1, 6, 124 }, { 59, 59, 1, 10, 2, 124 },
        { 0, 0, 3, 10, 2, 124 }, { 0, 0, 1, 3, 10, 124 }, { 0, 30, 3, 31, 2, 124 },
        { 0, 0, 0, 1, 0, 70 }, { 0, 0, 12, 15, 8, 124 }, { 0, 0, 12, 1, 3, 124 },
    };
    for (size_t z = 0; z < sizeof zones / sizeof *zones; z++) {
        setenv("TZ", zones[z], 1);
        tzset();
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
            const int *c = cases[i];
            if (strchr(zones[z], ',') && (i == 2 || i == 3 || i == 4 || i == 5))
                continue;                /* the hours skipped or repeated: glibc's own choice */
            struct tm in = { .tm_sec = c[0], .tm_min = c[1], .tm_hour = c[2], .tm_mday = c[3],
                             .tm_mon = c[4], .tm_year = c[5], .tm_isdst = -1 };
            long long want = host_mktime(zones[z], c);
            if ((long long)mktime(&in) != want)
                t_fail(__FILE__, __LINE__, "mktime case %zu in %s: host %lld", i, zones[z], want);
        }
    }
    setenv("TZ", "UTC", 1);
    tzset();
    CHECK_EQ(timezone, 0);
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    tzset();
    CHECK_EQ(timezone, -3600);
    CHECK_EQ(daylight, 1);
    CHECK_STR(tzname[0], "CET");
    CHECK_STR(tzname[1], "CEST");
    setenv("TZ", "UTC", 1);
    tzset();
}

TEST(strftime_too_small)
{
    time_t t = 0;
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[8];
    CHECK_EQ(strftime(buf, sizeof buf, "%Y-%m-%d", &tm), 0);     /* 10 bytes */
    CHECK_EQ(strftime(buf, sizeof buf, "%Y-%m", &tm), 7);
    CHECK_STR(buf, "1970-01");
    CHECK_EQ(strftime(buf, 0, "", &tm), 0);
    CHECK_EQ(strftime(buf, sizeof buf, "%Z", &tm), 3);   /* glibc's gmtime says GMT */
    CHECK_STR(buf, "UTC");
}

TEST(asctime_and_ctime)
{
    time_t t = 0;
    CHECK_STR(ctime(&t), "Thu Jan  1 00:00:00 1970\n");
    t = 1700000000;
    CHECK_STR(asctime(gmtime(&t)), "Tue Nov 14 22:13:20 2023\n");
    char buf[32];
    CHECK_STR(ctime_r(&t, buf), "Tue Nov 14 22:13:20 2023\n");
}

TEST(clocks)
{
    fk_time(1234567890, 987654321);
    time_t t = 0;
    CHECK_EQ(time(&t), 1234567890);
    CHECK_EQ(t, 1234567890);
    CHECK_EQ(time(NULL), 1234567890);

    struct timespec ts;
    CHECK_EQ(clock_gettime(CLOCK_REALTIME, &ts), 0);
    CHECK_EQ(ts.tv_sec, 1234567890);
    CHECK_EQ(ts.tv_nsec, 987654321);
    errno = 0;
    CHECK_EQ(clock_gettime(99, &ts), -1);
    CHECK_EQ(errno, EINVAL);

    struct timeval tv;
    CHECK_EQ(gettimeofday(&tv, NULL), 0);
    CHECK_EQ(tv.tv_sec, 1234567890);
    CHECK_EQ(tv.tv_usec, 987654);

    clock_t c1 = clock(), c2 = clock();
    CHECK(c1 >= 0 && c2 >= c1);
    CHECK(difftime(10, 4) == 6.0);
}

TEST(sleeping)
{
    struct timespec req = { 2, 500000000 }, rem = { 0, 0 };
    CHECK_EQ(nanosleep(&req, &rem), 0);
    CHECK_EQ(fk_last_sleep()->tv_sec, 2);
    CHECK_EQ(fk_last_sleep()->tv_nsec, 500000000);

    req.tv_nsec = 1000000000;
    errno = 0;
    CHECK_EQ(nanosleep(&req, NULL), -1);
    CHECK_EQ(errno, EINVAL);

    CHECK_EQ(usleep(1500000), 0);
    CHECK_EQ(fk_last_sleep()->tv_sec, 1);
    CHECK_EQ(fk_last_sleep()->tv_nsec, 500000000);
    CHECK_EQ(sleep(3), 0);
    CHECK_EQ(fk_last_sleep()->tv_sec, 3);

    fk_sleep_eintr(1, 200);              /* a signal cuts the sleep short */
    req.tv_nsec = 0;
    errno = 0;
    CHECK_EQ(nanosleep(&req, &rem), -1);
    CHECK_EQ(errno, EINTR);
    CHECK_EQ(rem.tv_sec, 1);
    CHECK_EQ(rem.tv_nsec, 200);
    CHECK_EQ(sleep(5), 2);               /* 1.0000002 s left: rounded up */
}
