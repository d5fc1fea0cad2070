/*
 * zones.c - the names of time zones ("Europe/Berlin"), each as the POSIX
 * TZ string of its rule today; tzset (timezone.c) looks TZ up here before
 * reading it as a POSIX string.
 *
 * Duplex has no time-zone database (no /usr/share/zoneinfo): one table in
 * the C library, the same on every target and with no file to read, is
 * the smallest thing that lets TZ=America/New_York work. Each rule is the
 * one the zone follows now (the last line of its tzdata file), so times
 * before the zone's last change of rules come out in today's rule: Moscow
 * in 2010 shows MSK-3 rather than the MSK/MSD of that year, and a zone
 * that changes its rules needs a new line here. Names not in the table
 * are read as POSIX strings, or are UTC as before.
 *
 * Etc/GMT+N and Etc/GMT-N are computed (POSIX's sign: Etc/GMT+5 is five
 * hours WEST, as in tzdata).
 */
#include "libc.h"
#include <stdio.h>
#include <string.h>

#define US_RULE ",M3.2.0,M11.1.0"
#define EU_CET  "CET-1CEST,M3.5.0,M10.5.0/3"
#define EU_EET  "EET-2EEST,M3.5.0/3,M10.5.0/4"
#define AU_EAST "AEST-10AEDT,M10.1.0,M4.1.0/3"

/* Sorted by name (strcmp), for the binary search. */
static const struct zone_name {
    const char *name, *rule;
} zones[] = {
    { "Africa/Algiers", "CET-1" },
    { "Africa/Cairo", "EET-2EEST,M4.5.5/0,M10.5.4/24" },
    { "Africa/Johannesburg", "SAST-2" },
    { "Africa/Lagos", "WAT-1" },
    { "Africa/Nairobi", "EAT-3" },
    { "America/Anchorage", "AKST9AKDT" US_RULE },
    { "America/Argentina/Buenos_Aires", "<-03>3" },
    { "America/Bogota", "<-05>5" },
    { "America/Buenos_Aires", "<-03>3" },
    { "America/Caracas", "<-04>4" },
    { "America/Chicago", "CST6CDT" US_RULE },
    { "America/Denver", "MST7MDT" US_RULE },
    { "America/Detroit", "EST5EDT" US_RULE },
    { "America/Edmonton", "MST7MDT" US_RULE },
    { "America/Halifax", "AST4ADT" US_RULE },
    { "America/Lima", "<-05>5" },
    { "America/Los_Angeles", "PST8PDT" US_RULE },
    { "America/Mexico_City", "CST6" },
    { "America/New_York", "EST5EDT" US_RULE },
    { "America/Phoenix", "MST7" },
    { "America/Regina", "CST6" },
    { "America/Santiago", "<-04>4<-03>,M9.1.6/24,M4.1.6/24" },
    { "America/Sao_Paulo", "<-03>3" },
    { "America/St_Johns", "NST3:30NDT" US_RULE },
    { "America/Toronto", "EST5EDT" US_RULE },
    { "America/Vancouver", "PST8PDT" US_RULE },
    { "America/Winnipeg", "CST6CDT" US_RULE },
    { "Asia/Bangkok", "<+07>-7" },
    { "Asia/Calcutta", "IST-5:30" },
    { "Asia/Dhaka", "<+06>-6" },
    { "Asia/Dubai", "<+04>-4" },
    { "Asia/Ho_Chi_Minh", "<+07>-7" },
    { "Asia/Hong_Kong", "HKT-8" },
    { "Asia/Jakarta", "WIB-7" },
    { "Asia/Jerusalem", "IST-2IDT,M3.4.4/26,M10.5.0" },
    { "Asia/Karachi", "PKT-5" },
    { "Asia/Kathmandu", "<+0545>-5:45" },
    { "Asia/Kolkata", "IST-5:30" },
    { "Asia/Manila", "PST-8" },
    { "Asia/Riyadh", "<+03>-3" },
    { "Asia/Seoul", "KST-9" },
    { "Asia/Shanghai", "CST-8" },
    { "Asia/Singapore", "<+08>-8" },
    { "Asia/Taipei", "CST-8" },
    { "Asia/Tehran", "<+0330>-3:30" },
    { "Asia/Tokyo", "JST-9" },
    { "Australia/Adelaide", "ACST-9:30ACDT,M10.1.0,M4.1.0/3" },
    { "Australia/Brisbane", "AEST-10" },
    { "Australia/Canberra", AU_EAST },
    { "Australia/Darwin", "ACST-9:30" },
    { "Australia/Hobart", AU_EAST },
    { "Australia/Melbourne", AU_EAST },
    { "Australia/Perth", "AWST-8" },
    { "Australia/Sydney", AU_EAST },
    { "Etc/GMT", "GMT0" },
    { "Etc/UCT", "UTC0" },
    { "Etc/UTC", "UTC0" },
    { "Etc/Universal", "UTC0" },
    { "Etc/Zulu", "UTC0" },
    { "Europe/Amsterdam", EU_CET },
    { "Europe/Athens", EU_EET },
    { "Europe/Belgrade", EU_CET },
    { "Europe/Berlin", EU_CET },
    { "Europe/Brussels", EU_CET },
    { "Europe/Bucharest", EU_EET },
    { "Europe/Budapest", EU_CET },
    { "Europe/Copenhagen", EU_CET },
    { "Europe/Dublin", "IST-1GMT0,M10.5.0,M3.5.0/1" },   /* winter is its "daylight" time */
    { "Europe/Helsinki", EU_EET },
    { "Europe/Istanbul", "<+03>-3" },
    { "Europe/Kiev", EU_EET },
    { "Europe/Kyiv", EU_EET },
    { "Europe/Lisbon", "WET0WEST,M3.5.0/1,M10.5.0" },
    { "Europe/London", "GMT0BST,M3.5.0/1,M10.5.0" },
    { "Europe/Madrid", EU_CET },
    { "Europe/Minsk", "<+03>-3" },
    { "Europe/Moscow", "MSK-3" },
    { "Europe/Oslo", EU_CET },
    { "Europe/Paris", EU_CET },
    { "Europe/Prague", EU_CET },
    { "Europe/Riga", EU_EET },
    { "Europe/Rome", EU_CET },
    { "Europe/Sofia", EU_EET },
    { "Europe/Stockholm", EU_CET },
    { "Europe/Tallinn", EU_EET },
    { "Europe/Vienna", EU_CET },
    { "Europe/Vilnius", EU_EET },
    { "Europe/Warsaw", EU_CET },
    { "Europe/Zurich", EU_CET },
    { "GMT", "GMT0" },
    { "Pacific/Auckland", "NZST-12NZDT,M9.5.0,M4.1.0/3" },
    { "Pacific/Honolulu", "HST10" },
    { "UCT", "UTC0" },
    { "US/Alaska", "AKST9AKDT" US_RULE },
    { "US/Arizona", "MST7" },
    { "US/Central", "CST6CDT" US_RULE },
    { "US/Eastern", "EST5EDT" US_RULE },
    { "US/Hawaii", "HST10" },
    { "US/Mountain", "MST7MDT" US_RULE },
    { "US/Pacific", "PST8PDT" US_RULE },
    { "UTC", "UTC0" },
    { "Universal", "UTC0" },
    { "Zulu", "UTC0" },
};

/* Etc/GMT+N or Etc/GMT-N (N up to 14) as "<-NN>N" / "<+NN>-N" in buf. */
static const char *etc_offset(const char *name, char *buf, size_t size)
{
    if (strncmp(name, "Etc/GMT", 7) != 0 || (name[7] != '+' && name[7] != '-'))
        return NULL;
    const char *d = name + 8;
    int n = 0, len = 0;
    for (; d[len] >= '0' && d[len] <= '9' && len < 3; len++)
        n = n * 10 + (d[len] - '0');
    if (len == 0 || d[len] || n > 14)
        return NULL;
    char east = name[7] == '-';         /* GMT-3 is three hours east */
    snprintf(buf, size, "<%c%02d>%s%d", east ? '+' : '-', n, east ? "-" : "", n);
    return buf;
}

const char *__dx_zone_rule(const char *name, char *buf, size_t size)
{
    if (*name == ':')
        name++;                          /* ":Europe/Paris" names a file too */
    size_t lo = 0, hi = sizeof zones / sizeof *zones;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(name, zones[mid].name);
        if (c == 0)
            return zones[mid].rule;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return etc_offset(name, buf, size);
}
