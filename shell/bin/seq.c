/*
 * seq - print a sequence of numbers.
 *
 *   seq [-w] [-s SEP] [FIRST [INCR]] LAST
 *
 * FIRST and INCR default to 1. -s puts SEP between the numbers (a newline
 * still ends the last one), -w pads them with leading zeros to one width.
 *
 * Integers are counted exactly in long long. Anything else (a decimal
 * point, an exponent) is counted in double, printed with as many decimals
 * as FIRST or INCR has (so "seq 0 0.1 1" prints 0.0 ... 1.0); each value is
 * FIRST + i * INCR rather than a running sum, so errors do not pile up,
 * and a value that overshoots LAST only by rounding (1.0000000000000002)
 * still counts as LAST when it prints the same.
 *
 * Options are read only up to the first operand that looks like a number,
 * so negative numbers need no "--": seq 5 -1 1.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "seq"

static const char *sep = "\n";
static int equal_width;

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-w] [-s SEP] [FIRST [INCR]] LAST\n"
               "Print numbers from FIRST to LAST, in steps of INCR.\n");
    exit(status);
}

/* "-1" and "-.5" are numbers, not options. */
static int looks_negative(const char *s)
{
    return s[0] == '-' && (isdigit((unsigned char)s[1]) || s[1] == '.');
}

/* Options, by hand (see above); returns the index of the first operand. */
static int parse_options(int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] && !looks_negative(argv[i]); i++) {
        if (strcmp(argv[i], "--") == 0)
            return i + 1;
        if (strcmp(argv[i], "--help") == 0)
            usage(0);
        for (const char *p = argv[i] + 1; *p; p++) {
            if (*p == 'w') {
                equal_width = 1;
            } else if (*p == 's') {
                if (p[1]) {
                    sep = p + 1;
                } else if (i + 1 < argc) {
                    sep = argv[++i];
                } else {
                    fprintf(stderr, PROG ": option requires an argument -- 's'\n");
                    usage(1);
                }
                break;
            } else {
                fprintf(stderr, PROG ": invalid option -- '%c'\n", *p);
                usage(1);
            }
        }
    }
    return i;
}

/* An optional sign and digits only, within long long: counted exactly. */
static int as_integer(const char *s, long long *v)
{
    const char *p = s + (*s == '+' || *s == '-');
    if (!isdigit((unsigned char)*p))
        return 0;
    while (isdigit((unsigned char)*p))
        p++;
    if (*p)
        return 0;
    errno = 0;
    *v = strtoll(s, NULL, 10);
    return errno == 0;
}

/* Decimals written after the point: the precision that number asks for. */
static int decimals(const char *s)
{
    const char *dot = strchr(s, '.');
    if (!dot || strpbrk(s, "eE"))
        return 0;
    int n = 0;
    while (isdigit((unsigned char)dot[1 + n]))
        n++;
    return n;
}

static double parse_double(const char *s)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || v != v) {      /* v != v: not a number */
        fprintf(stderr, PROG ": invalid floating point argument: '%s'\n", s);
        usage(1);
    }
    return v;
}

static void put_sep(int *first)
{
    if (!*first)
        fputs(sep, stdout);
    *first = 0;
}

static void run_integers(long long first, long long incr, long long last)
{
    char tmp[2][32];
    int width = 0;
    if (equal_width) {
        int wa = snprintf(tmp[0], sizeof tmp[0], "%lld", first);
        int wc = snprintf(tmp[1], sizeof tmp[1], "%lld", last);
        width = wa > wc ? wa : wc;
    }
    int none = 1;
    for (long long v = first; incr > 0 ? v <= last : v >= last; v += incr) {
        put_sep(&none);
        printf("%0*lld", width, v);
        /* The next step would leave long long: this was the last value. */
        if ((incr > 0 && v > LLONG_MAX - incr) || (incr < 0 && v < LLONG_MIN - incr))
            break;
    }
    if (!none)
        putchar('\n');
}

static void run_doubles(const char *sa, const char *sb, const char *sc)
{
    double first = parse_double(sa), incr = parse_double(sb), last = parse_double(sc);
    int prec = decimals(sa) > decimals(sb) ? decimals(sa) : decimals(sb);
    if (prec > 60)                 /* keeps every number within the buffers */
        prec = 60;
    char lastbuf[512], buf[512];
    int width = 0;
    if (equal_width) {
        int wa = snprintf(buf, sizeof buf, "%.*f", prec, first);
        int wc = snprintf(lastbuf, sizeof lastbuf, "%.*f", prec, last);
        width = wa > wc ? wa : wc;
    }
    snprintf(lastbuf, sizeof lastbuf, "%0*.*f", width, prec, last);
    int none = 1;
    for (double i = 0;; i++) {
        double v = first + i * incr;
        snprintf(buf, sizeof buf, "%0*.*f", width, prec, v);
        if (incr > 0 ? v > last : v < last) {
            if (strcmp(buf, lastbuf) != 0)    /* beyond LAST, not by rounding */
                break;
            put_sep(&none);
            fputs(buf, stdout);
            break;
        }
        put_sep(&none);
        fputs(buf, stdout);
        if (first + (i + 1) * incr == v)      /* INCR too small to move on */
            break;
    }
    if (!none)
        putchar('\n');
}

int main(int argc, char **argv)
{
    int i = parse_options(argc, argv);
    int n = argc - i;
    if (n < 1) {
        fprintf(stderr, PROG ": missing operand\n");
        usage(1);
    }
    if (n > 3) {
        fprintf(stderr, PROG ": extra operand '%s'\n", argv[i + 3]);
        usage(1);
    }
    const char *sa = n > 1 ? argv[i] : "1";
    const char *sb = n > 2 ? argv[i + 1] : "1";
    const char *sc = argv[argc - 1];
    /* Check all three in order, so the first bad one is the one reported. */
    parse_double(sa);
    double incr = parse_double(sb);
    parse_double(sc);
    if (incr == 0) {
        fprintf(stderr, PROG ": invalid Zero increment value: '%s'\n", sb);
        usage(1);
    }
    long long a, b, c;
    if (as_integer(sa, &a) && as_integer(sb, &b) && as_integer(sc, &c))
        run_integers(a, b, c);
    else
        run_doubles(sa, sb, sc);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}
