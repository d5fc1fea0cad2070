/*
 * date - print the date and time.
 *
 *   date [-u] [-R | -I[TIMESPEC]] [-r FILE | -d DATE] [+FORMAT]
 *
 * The default format is the one GNU date uses in the C locale,
 * "%a %b %e %H:%M:%S %Z %Y" (Sat Nov 21 05:47:00 UTC 2026). +FORMAT is
 * any strftime(3) format. Local time is what TZ says (a POSIX TZ string:
 * "UTC-2", "CET-1CEST,M3.5.0,M10.5.0/3", or a zone's name the C library
 * knows, "Europe/Berlin"; UTC when TZ is not set); -u
 * shows UTC; -R uses the e-mail (RFC 5322) format;
 * -I shows ISO 8601 (-Id the date, -Ih -Im -Is -In down to the hour,
 * minute, second or nanosecond, with the offset as +hh:mm);
 * -r FILE shows FILE's modification time instead of the current time,
 * -d DATE the date given (util/dates.c, GNU's free form: "2024-01-31
 * 12:00", "Jan 5 2021 3pm", "@SECONDS", "2 days ago", TZ="Asia/Tokyo" ...).
 * As in GNU date, options may follow the +FORMAT operand.
 *
 * Besides strftime's conversions, FORMAT may hold GNU's %N (the
 * nanoseconds; %3N the first three digits) and %:z (+hh:mm), which date
 * writes into the format itself before strftime sees it.
 *
 * Not supported: setting the clock; an operand without '+' is therefore
 * rejected as invalid.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "date"
#define DEFAULT_FORMAT "%a %b %e %H:%M:%S %Z %Y"
#define RFC5322_FORMAT "%a, %d %b %Y %H:%M:%S %z"
#define MAX_OUTPUT (1024 * 1024)      /* longer results are surely mistakes */

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-u] [-R | -I[TIMESPEC]] [-r FILE | -d DATE] [+FORMAT]\n"
               "Print the date and time (-u: in UTC; -R: RFC 5322 format;\n"
               "-r FILE: FILE's modification time) in strftime's FORMAT.\n");
    exit(status);
}

/*
 * strftime() returns 0 both when the buffer is too small and when the
 * result is empty (date +""). A sentinel character appended to the format
 * tells the two apart: the result is never empty, so 0 always means "grow".
 * A lone '%' at the very end would swallow the sentinel: it is doubled
 * first, so that it prints as itself, as in GNU date.
 */
static int print_time(const char *format, const struct tm *tm)
{
    size_t flen = strlen(format), percents = 0;
    while (percents < flen && format[flen - 1 - percents] == '%')
        percents++;
    char *fmt = malloc(flen + 3);
    if (!fmt)
        return -1;
    memcpy(fmt, format, flen);
    if (percents % 2)
        fmt[flen++] = '%';
    memcpy(fmt + flen, "x", 2);
    int r = -1;
    for (size_t size = 256; size <= MAX_OUTPUT; size *= 2) {
        char *buf = malloc(size);
        if (!buf)
            break;
        size_t n = strftime(buf, size, fmt, tm);
        if (n > 0) {
            buf[n - 1] = '\n';                /* the sentinel's place */
            fwrite(buf, 1, n, stdout);
            r = 0;
        }
        free(buf);
        if (n > 0)
            break;
    }
    free(fmt);
    return r;
}

/* FORMAT with %N, %1N ... %9N and %:z written out (GNU's conversions
 * that strftime does not have); %% is left for strftime. */
static char *expand_format(const char *format, long nsec, long gmtoff)
{
    size_t n = strlen(format);
    char *out = malloc(n * 5 + 1), *o = out;
    if (!out)
        return NULL;
    for (const char *p = format; *p; p++) {
        if (p[0] == '%' && p[1] == '%') {
            *o++ = *p++;
            *o++ = *p;
        } else if (p[0] == '%' && (p[1] == 'N' || (p[1] >= '1' && p[1] <= '9' && p[2] == 'N'))) {
            int width = p[1] == 'N' ? 9 : p[1] - '0';
            char digits[16];
            snprintf(digits, sizeof digits, "%09ld", nsec);
            memcpy(o, digits, (size_t)width);
            o += width;
            p += p[1] == 'N' ? 1 : 2;
        } else if (p[0] == '%' && p[1] == ':' && p[2] == 'z') {
            long a = gmtoff < 0 ? -gmtoff : gmtoff;
            o += sprintf(o, "%c%02ld:%02ld", gmtoff < 0 ? '-' : '+', a / 3600, a / 60 % 60);
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}

/* -I's formats: date, hours, minutes, seconds, ns. */
static const char *iso_format(const char *spec)
{
    static const struct { const char *name, *format; } specs[] = {
        { "date", "%Y-%m-%d" }, { "hours", "%Y-%m-%dT%H%:z" },
        { "minutes", "%Y-%m-%dT%H:%M%:z" }, { "seconds", "%Y-%m-%dT%H:%M:%S%:z" },
        { "ns", "%Y-%m-%dT%H:%M:%S,%N%:z" },
    };
    size_t n = strlen(spec);
    for (size_t i = 0; i < sizeof specs / sizeof *specs; i++)
        if (n > 0 && strncmp(specs[i].name, spec, n) == 0)
            return specs[i].format;
    fprintf(stderr, PROG ": invalid argument '%s' for '--iso-8601'\n", spec);
    usage(1);
    return NULL;
}

int main(int argc, char **argv)
{
    const char *format = DEFAULT_FORMAT, *file = NULL, *date = NULL;
    int c;

    static const struct option longopts[] = {
        { "date", required_argument, NULL, 'd' }, { "reference", required_argument, NULL, 'r' },
        { "utc", no_argument, NULL, 'u' }, { "universal", no_argument, NULL, 'u' },
        { "rfc-email", no_argument, NULL, 'R' }, { "iso-8601", optional_argument, NULL, 'I' },
        { "help", no_argument, NULL, 'H' }, { NULL, 0, NULL, 0 },
    };
    /* options may follow the +FORMAT operand, as GNU date takes them */
    while ((c = getopt_long(argc, argv, "uRI::r:d:", longopts, NULL)) != -1) {
        switch (c) {
        case 'u':
            /* POSIX: -u behaves as if TZ were UTC0. */
            if (setenv("TZ", "UTC0", 1) != 0)
                return 1;
            break;
        case 'R': format = RFC5322_FORMAT; break;
        case 'I': format = iso_format(optarg ? optarg : "date"); break;
        case 'r': file = optarg; break;
        case 'd': date = optarg; break;
        case 'H': usage(0); break;
        default: usage(1);
        }
    }
    if (optind < argc) {
        if (argv[optind][0] != '+') {
            fprintf(stderr, PROG ": invalid date '%s'\n", argv[optind]);
            return 1;
        }
        format = argv[optind] + 1;
        if (++optind < argc) {
            fprintf(stderr, PROG ": extra operand '%s'\n", argv[optind]);
            usage(1);
        }
    }
    tzset();
    struct timespec clock_now;
    clock_gettime(CLOCK_REALTIME, &clock_now);
    time_t now = clock_now.tv_sec;
    long nsec = clock_now.tv_nsec;
    if (file) {
        struct stat st;
        if (stat(file, &st) != 0) {
            fprintf(stderr, PROG ": %s: %s\n", file, strerror(errno));
            return 1;
        }
        now = st.st_mtim.tv_sec;
        nsec = st.st_mtim.tv_nsec;
    }
    if (date) {
        struct timespec ts;
        if (parse_date(date, &ts) != 0) {
            fprintf(stderr, PROG ": invalid date '%s'\n", date);
            return 1;
        }
        now = ts.tv_sec;
        nsec = ts.tv_nsec;
    }
    struct tm tm;
    if (!localtime_r(&now, &tm)) {
        fprintf(stderr, PROG ": time %lld is out of range\n", (long long)now);
        return 1;
    }
    char *expanded = expand_format(format, nsec, tm.tm_gmtoff);
    if (!expanded || print_time(expanded, &tm) != 0) {
        fprintf(stderr, PROG ": format too long\n");
        return 1;
    }
    free(expanded);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}
