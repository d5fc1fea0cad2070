/*
 * printf - the POSIX printf utility: format and print the arguments.
 *
 *   printf FORMAT [ARGUMENT...]
 *
 * FORMAT is printed with its escapes (\\ \" \a \b \c \e \f \n \r \t \v,
 * \NNN octal, \xHH hex) decoded and its conversions filled from the
 * arguments: %d %i (signed), %u %o %x %X (unsigned), %c (first byte),
 * %s, %b (string with echo-style escapes, \0NNN octal; \c stops all
 * output), %f %F %e %E %g %G %a %A (floating point) and %%, each with the
 * flags - + space # 0, a width and a precision (either may be *, taken
 * from the next argument).
 *
 * A numeric argument may be decimal, 0x hex, 0 octal, or a quote followed
 * by a character (its code). A bad one is reported, counts as what could
 * be read, and makes the exit status 1. Missing arguments count as "" or
 * 0. While arguments remain, the format is used again from its start.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

static char **args;            /* the arguments still to consume */
static int nargs;
static int status;             /* becomes 1 on any conversion error */
static int stop;               /* set by \c: print nothing more */

static const char *next_arg(void)
{
    if (nargs == 0)
        return NULL;
    nargs--;
    return *args++;
}

static void bad_number(const char *s, const char *why)
{
    fflush(stdout);            /* the output so far comes before the message */
    fprintf(stderr, "printf: '%s': %s\n", s, why);
    status = 1;
}

/* Check what strto* left behind and report as GNU printf does. */
static void check_number(const char *s, const char *end)
{
    if (errno == ERANGE)
        bad_number(s, strerror(ERANGE));
    else if (end == s)
        bad_number(s, "expected a numeric value");
    else if (*end != '\0')
        bad_number(s, "value not completely converted");
}

/* A quote introduces a character constant: 'A is 65. */
static int char_constant(const char *s, long long *v)
{
    if (s[0] != '\'' && s[0] != '"')
        return 0;
    *v = (unsigned char)s[1];
    return 1;
}

static long long signed_arg(void)
{
    const char *s = next_arg();
    long long v = 0;
    if (!s || !*s || char_constant(s, &v))
        return v;
    char *end;
    errno = 0;
    v = strtoll(s, &end, 0);
    check_number(s, end);
    return v;
}

static unsigned long long unsigned_arg(void)
{
    const char *s = next_arg();
    long long c = 0;
    if (!s || !*s || char_constant(s, &c))
        return (unsigned long long)c;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    check_number(s, end);
    return v;
}

static double float_arg(void)
{
    const char *s = next_arg();
    long long c = 0;
    if (!s || !*s || char_constant(s, &c))
        return (double)c;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    check_number(s, end);
    return v;
}

static int octal_digit(char c)
{
    return c >= '0' && c <= '7';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decode one escape; *sp points just after the backslash and is moved
 * past the escape. In %b arguments (in_b) octal is \0NNN or \NNN, in the
 * format \NNN. Sets `stop` on \c. */
static void put_escape(const char **sp, int in_b)
{
    const char *s = *sp;
    const char *simple = "\\\\\"\"a\ab\be\033f\fn\nr\rt\tv\v";
    char c = *s;
    const char *hit = c ? strchr(simple, c) : NULL;
    if (hit && (hit - simple) % 2 == 0) {
        putchar(hit[1]);
        s++;
    } else if (c == 'c') {
        stop = 1;
        s++;
    } else if (c == 'x' && hex_value(s[1]) < 0) {
        /* as GNU's: a \x with no hex digit is an error, not text */
        fflush(stdout);
        fprintf(stderr, "printf: missing hexadecimal number in escape\n");
        exit(1);
    } else if (c == 'x') {
        int v = hex_value(*++s);
        if (hex_value(*++s) >= 0)
            v = v * 16 + hex_value(*s++);
        putchar(v);
    } else if (octal_digit(c)) {
        int v = 0, n = 0;
        if (in_b && c == '0')
            s++;
        for (; n < 3 && octal_digit(*s); n++)
            v = v * 8 + (*s++ - '0');
        putchar(v & 0xff);
    } else {
        putchar('\\');             /* no escape: the backslash stays */
    }
    *sp = s;
}

static void put_b(const char *s)
{
    while (*s && !stop) {
        if (*s == '\\') {
            s++;
            put_escape(&s, 1);
        } else {
            putchar(*s++);
        }
    }
}

/* Width or precision given as '*': the next argument, as an int. */
static int star_arg(void)
{
    long long v = signed_arg();
    if (v > INT_MAX / 2)
        v = INT_MAX / 2;
    if (v < -INT_MAX / 2)
        v = -INT_MAX / 2;
    return (int)v;
}

/* Print one conversion. spec holds "%" and the flags (len bytes); the
 * width (0: none) and precision (-1: none) are passed as '*' arguments so
 * that no number is pasted into the format. */
static void convert(char *spec, size_t len, int width, int prec, char conv)
{
    char *p = spec + len;
    *p++ = '*';
    if (prec >= 0)
        *p++ = '.', *p++ = '*';
    if (strchr("diouxX", conv))
        *p++ = 'l', *p++ = 'l';
    *p++ = conv;
    *p = '\0';
    switch (conv) {
    case 'd': case 'i': {
        long long v = signed_arg();
        if (prec >= 0) printf(spec, width, prec, v); else printf(spec, width, v);
        break;
    }
    case 'o': case 'u': case 'x': case 'X': {
        unsigned long long v = unsigned_arg();
        if (prec >= 0) printf(spec, width, prec, v); else printf(spec, width, v);
        break;
    }
    case 'c': {
        const char *s = next_arg();    /* "" or none: a NUL byte, as GNU */
        printf(spec, width, s ? (unsigned char)s[0] : 0);
        break;
    }
    case 's': {
        const char *s = next_arg();
        if (!s)
            s = "";
        if (prec >= 0) printf(spec, width, prec, s); else printf(spec, width, s);
        break;
    }
    default: {
        double v = float_arg();
        if (prec >= 0) printf(spec, width, prec, v); else printf(spec, width, v);
        break;
    }
    }
}

/* Read a decimal number or '*' at *fp into *v; returns 0 if there is
 * neither. */
static int read_count(const char **fp, int *v)
{
    const char *f = *fp;
    if (*f == '*') {
        *fp = f + 1;
        *v = star_arg();
        return 1;
    }
    if (*f < '0' || *f > '9')
        return 0;
    long n = 0;
    while (*f >= '0' && *f <= '9') {
        if (n < INT_MAX / 20)
            n = n * 10 + (*f - '0');
        f++;
    }
    *fp = f;
    *v = (int)n;
    return 1;
}

/* One %-directive starting at f (just after the '%'). Returns where the
 * format continues, or NULL after an invalid directive. */
static const char *directive(const char *f)
{
    char spec[64] = "%";
    size_t len = 1;
    const char *start = f;
    while (*f && strchr("-+ #0", *f) && len < 8)
        spec[len++] = *f++;
    spec[len] = '\0';
    int width = 0, prec = -1;
    read_count(&f, &width);
    if (width < 0) {           /* a negative '*' width means left-justify */
        width = -width;
        spec[len++] = '-';
    }
    if (*f == '.') {
        f++;
        if (!read_count(&f, &prec))
            prec = 0;              /* "%.d" is precision 0 */
        if (prec < 0)
            prec = -1;             /* a negative '*' precision is none */
    }
    char conv = *f;
    if (conv == 'b' && f == start) {
        const char *s = next_arg();
        put_b(s ? s : "");
        return f + 1;
    }
    if (conv == '%' && f == start) {
        putchar('%');
        return f + 1;
    }
    if (conv == '\0' || !strchr("diouxXcsfFeEgGaA", conv)) {
        fflush(stdout);
        fprintf(stderr, "printf: %%%.*s: invalid conversion specification\n",
                (int)(f - start) + (conv != '\0'), start);
        status = 1;
        return NULL;
    }
    convert(spec, len, width, prec, conv);
    return f + 1;
}

/* Print the format once. Returns 0 when output must stop. */
static int run_format(const char *f)
{
    while (*f && !stop) {
        if (*f == '\\') {
            f++;
            put_escape(&f, 0);
        } else if (*f == '%') {
            f = directive(f + 1);
            if (!f)
                return 0;
        } else {
            putchar(*f++);
        }
    }
    return !stop;
}

int main(int argc, char **argv)
{
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "--") == 0)
        first = 2;
    if (argc <= first) {
        missing_operand(NULL);
        fprintf(stderr, "usage: printf format [argument...]\n");
        return 1;
    }
    const char *format = argv[first];
    args = argv + first + 1;
    nargs = argc - first - 1;
    for (;;) {
        int before = nargs;
        if (!run_format(format))
            break;
        /* Reuse the format only if it consumed something. */
        if (nargs == 0 || nargs == before)
            break;
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "printf: write error: %s\n", strerror(errno));
        return 1;
    }
    return status;
}
