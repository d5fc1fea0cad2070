/*
 * seq - print a sequence of numbers.
 *
 *   seq [-w] [-f FORMAT] [-s SEP] [FIRST [INCR]] LAST
 *
 * FIRST and INCR default to 1. -s puts SEP between the numbers (a newline
 * still ends the last one), -w pads them with leading zeros to one width.
 * -f prints each number with FORMAT, a printf format holding exactly one
 * floating-point conversion (%e %f %g %E %F %G, with flags, width and
 * precision; %% is a percent sign); it cannot go with -w.
 *
 * Integers are counted exactly in long long. Anything else (a decimal
 * point, an exponent) is counted in double, printed with as many decimals
 * as FIRST or INCR has, less its exponent (so "seq 0 0.1 1" prints 0.0
 * ... 1.0, "seq 1.0e0 2" 1.0 2.0); each value is FIRST + i * INCR rather
 * than a running sum, so errors do not pile up,
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
#include "util/util.h"

#define PROG "seq"

static const char *sep = "\n";
static int equal_width;
static const char *format;     /* -f, checked by check_format */

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-w] [-f FORMAT] [-s SEP] [FIRST [INCR]] LAST\n"
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
            } else if (*p == 's' || *p == 'f') {
                const char *arg = p[1] ? p + 1 : i + 1 < argc ? argv[++i] : NULL;
                if (!arg) {
                    fprintf(stderr, PROG ": option requires an argument -- '%c'\n", *p);
                    usage(1);
                }
                *(*p == 's' ? &sep : &format) = arg;
                break;
            } else {
                fprintf(stderr, PROG ": invalid option -- '%c'\n", *p);
                usage(1);
            }
        }
    }
    return i;
}

/* FORMAT must hold one conversion of a double, as GNU seq demands: its
 * flags, width and precision, then one of eEfFgG; %% stands for itself. */
static void check_format(const char *f)
{
    int conversions = 0;
    for (const char *p = f; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        p++;
        p += strspn(p, "-+ #0'");
        p += strspn(p, "0123456789");
        if (*p == '.') {
            p++;
            p += strspn(p, "0123456789");
        }
        if (!*p || !strchr("eEfFgG", *p)) {
            if (*p)
                fprintf(stderr, PROG ": format '%s' has unknown %%%c directive\n", f, *p);
            else
                fprintf(stderr, PROG ": format '%s' ends in %%\n", f);
            exit(1);
        }
        conversions++;
    }
    if (conversions != 1) {
        fprintf(stderr, PROG ": format '%s' has %s %% directive%s\n", f,
                conversions ? "too many" : "no", conversions ? "s" : "");
        exit(1);
    }
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

/* Decimals written after the point, less the exponent (as GNU seq counts
 * them: 1.0e0 and 1.00e1 ask for one, 1e-2 for two): the precision that
 * number asks for. */
static int decimals(const char *s)
{
    const char *dot = strchr(s, '.'), *e = strpbrk(s, "eE");
    int n = 0;
    if (dot && (!e || dot < e))
        while (isdigit((unsigned char)dot[1 + n]))
            n++;
    if (e) {
        long x = strtol(e + 1, NULL, 10);
        if (x < -60 || x > 60)
            return 0;
        n = x < 0 ? n - (int)x : n > x ? n - (int)x : 0;
    }
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

/* v in decimal, zero-padded to width as %0*lld pads (a '-' counts in the
 * width). Returns the length of what it wrote at buf (at most 21 bytes
 * for a width up to 20, the widest long long). */
static size_t format_integer(char *buf, long long v, int width)
{
    char digits[24];
    size_t n = 0;
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    for (; u > 0xffffffffu; u /= 10)          /* 64-bit division is slow */
        digits[n++] = (char)('0' + u % 10);
    unsigned w = (unsigned)u;
    do {
        digits[n++] = (char)('0' + w % 10);
        w /= 10;
    } while (w);
    size_t len = 0;
    if (v < 0)
        buf[len++] = '-';
    for (int pad = width - (int)len - (int)n; pad > 0; pad--)
        buf[len++] = '0';
    while (n)
        buf[len++] = digits[--n];
    return len;
}

/* An integer sequence in progress. When every value is non-negative and
 * they go up, the current one is also kept as text (its digits at the
 * start of text[]): adding INCR's digits to it costs a step or two per
 * number, where converting each value anew costs a division per digit. */
struct run {
    long long v, incr, last;
    int width;
    const char *sep;
    size_t seplen;
    int started, done;
    int as_text;                /* text[0, ndigits) is v */
    int ndigits;
    char text[24];
    int nstep;                  /* INCR's digits, lowest first */
    unsigned char step[24];
};

/* m more digits at the front of text[], zeros. */
static void text_widen(struct run *r, int m)
{
    memmove(r->text + m, r->text, (size_t)r->ndigits);
    memset(r->text, '0', (size_t)m);
    r->ndigits += m;
}

static void text_init(struct run *r)
{
    r->as_text = r->v >= 0 && r->incr > 0;
    if (!r->as_text)
        return;
    r->ndigits = (int)format_integer(r->text, r->v, 0);
    r->nstep = 0;
    for (unsigned long long u = (unsigned long long)r->incr; u; u /= 10)
        r->step[r->nstep++] = (unsigned char)(u % 10);
}

/* text += INCR, by hand, from the last digit up. The sum never starts
 * with a 0: INCR's first digit is not 0, and a carry out of the top
 * digit is a 1. */
static void text_step(struct run *r)
{
    if (r->nstep > r->ndigits)
        text_widen(r, r->nstep - r->ndigits);
    int i = r->ndigits - 1, carry = 0;
    for (int k = 0; k < r->nstep || carry; k++, i--) {
        if (i < 0) {
            text_widen(r, 1);
            i = 0;
        }
        int d = r->text[i] - '0' + carry + (k < r->nstep ? r->step[k] : 0);
        carry = d >= 10;
        r->text[i] = (char)('0' + d - 10 * carry);
    }
}

/* As many numbers of r as fit into buf[0, size), each but the first after
 * the separator; returns the length. Integers are the common case, and
 * seq 1 1000000 is a million of them: writing the digits here costs a
 * fraction of a printf per number. The loop makes no system call and
 * no call to stdio; its caller writes the block. */
static size_t fill(struct run *r, char *buf, size_t size)
{
    size_t len = 0, room = r->seplen + (size_t)r->width + sizeof r->text;
    while (!r->done && size - len >= room) {
        if (r->started) {               /* (loops: a call costs more here) */
            for (size_t k = 0; k < r->seplen; k++)
                buf[len++] = r->sep[k];
        }
        r->started = 1;
        if (r->as_text) {
            for (int pad = r->width - r->ndigits; pad > 0; pad--)
                buf[len++] = '0';
            /* all of text[] (three loads), of which ndigits count */
            __builtin_memcpy(buf + len, r->text, sizeof r->text);
            len += (size_t)r->ndigits;
        } else {
            len += format_integer(buf + len, r->v, r->width);
        }
        /* The next step would pass LAST or leave long long: this was the
         * last value. */
        long long v = r->v, incr = r->incr;
        if (incr > 0 ? v > LLONG_MAX - incr || v + incr > r->last
                     : v < LLONG_MIN - incr || v + incr < r->last) {
            r->done = 1;
        } else {
            r->v = v + incr;
            if (r->as_text)
                text_step(r);
        }
    }
    return len;
}

static void run_integers(long long first, long long incr, long long last)
{
    struct run r = { .v = first, .incr = incr, .last = last, .sep = sep,
                     .seplen = strlen(sep) };
    if (incr > 0 ? first > last : first < last)
        return;                                 /* nothing to count */
    if (equal_width) {
        char num[24];
        size_t wa = format_integer(num, first, 0), wc = format_integer(num, last, 0);
        r.width = (int)(wa > wc ? wa : wc);
    }
    text_init(&r);
    size_t size = 65536 + r.seplen + (size_t)r.width + sizeof r.text;   /* fill's room */
    char *buf = malloc(size);
    if (!buf) {
        fprintf(stderr, PROG ": memory exhausted\n");
        exit(1);
    }
    while (!r.done) {
        size_t n = fill(&r, buf, size);
        if (fwrite(buf, 1, n, stdout) != n)
            break;                              /* main reports the error */
    }
    putchar('\n');
    free(buf);
}

static void run_doubles(const char *sa, const char *sb, const char *sc)
{
    double first = parse_double(sa), incr = parse_double(sb), last = parse_double(sc);
    int prec = decimals(sa) > decimals(sb) ? decimals(sa) : decimals(sb);
    if (prec > 60)                 /* keeps every number within the buffers */
        prec = 60;
    char lastbuf[512], buf[512], prevbuf[512] = "";
    int width = 0;
    if (equal_width) {
        int wa = snprintf(buf, sizeof buf, "%.*f", prec, first);
        int wc = snprintf(lastbuf, sizeof lastbuf, "%.*f", prec, last);
        width = wa > wc ? wa : wc;
    }
    if (format)
        snprintf(lastbuf, sizeof lastbuf, format, last);
    else
        snprintf(lastbuf, sizeof lastbuf, "%0*.*f", width, prec, last);
    int none = 1;
    for (double i = 0;; i++) {
        double v = first + i * incr;
        if (format)
            snprintf(buf, sizeof buf, format, v);
        else
            snprintf(buf, sizeof buf, "%0*.*f", width, prec, v);
        if (incr > 0 ? v > last : v < last) {
            /* beyond LAST, not by rounding; or shown already (%g) */
            if (strcmp(buf, lastbuf) != 0 || strcmp(buf, prevbuf) == 0)
                break;
            put_sep(&none);
            fputs(buf, stdout);
            break;
        }
        put_sep(&none);
        fputs(buf, stdout);
        memcpy(prevbuf, buf, sizeof buf);
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
    if (format && equal_width) {
        fprintf(stderr, PROG ": format string may not be specified when printing equal width strings\n");
        usage(1);
    }
    if (format)
        check_format(format);
    if (n < 1) {
        missing_operand(NULL);
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
    if (!format && as_integer(sa, &a) && as_integer(sb, &b) && as_integer(sc, &c))
        run_integers(a, b, c);
    else
        run_doubles(sa, sb, sc);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}
