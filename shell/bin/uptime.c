/*
 * uptime - how long the system has been running.
 *
 *   uptime [-p | -s]
 *
 * As procps' uptime: " HH:MM:SS up TIME,  N users,  load average: 0.00,
 * 0.00, 0.00", where the time since boot is the monotonic clock's (on
 * Duplex it starts at boot). -p says only "up 1 hour, 5 minutes"; -s
 * the time the system started. Duplex keeps no load average (0.00) and
 * has one user at the console.
 */
#include <err.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "util/util.h"

static void pretty(long s)
{
    long d = s / 86400, h = s / 3600 % 24, m = s / 60 % 60;
    int any = 0;
    fputs("up ", stdout);
    if (d) { printf("%ld day%s", d, d == 1 ? "" : "s"); any = 1; }
    if (h) { printf("%s%ld hour%s", any ? ", " : "", h, h == 1 ? "" : "s"); any = 1; }
    if (m || !any) printf("%s%ld minute%s", any ? ", " : "", m, m == 1 ? "" : "s");
    putchar('\n');
}

int main(int argc, char **argv)
{
    long up = (long)now_s();
    time_t t = time(NULL);
    struct tm *tm = localtime(&t);
    if (argc > 1 && strcmp(argv[1], "-p") == 0) {
        pretty(up);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "-s") == 0) {
        time_t boot = t - up;
        struct tm *b = localtime(&boot);
        printf("%04d-%02d-%02d %02d:%02d:%02d\n", b->tm_year + 1900, b->tm_mon + 1, b->tm_mday,
               b->tm_hour, b->tm_min, b->tm_sec);
        return 0;
    }
    if (argc > 1)
        errx(1, "invalid option -- '%s'", argv[1] + (argv[1][0] == '-'));
    printf(" %02d:%02d:%02d up ", tm->tm_hour, tm->tm_min, tm->tm_sec);
    if (up >= 86400)
        printf("%ld day%s, ", up / 86400, up / 86400 == 1 ? "" : "s");
    if (up % 86400 >= 3600)
        printf("%2ld:%02ld,", up % 86400 / 3600, up % 3600 / 60);
    else
        printf("%ld min,", up % 3600 / 60);
    printf("  1 user,  load average: 0.00, 0.00, 0.00\n");
    return fflush(stdout) != 0;
}
