/*
 * err.c - err(), errx(), warn(), warnx() and their va_list forms
 * (<err.h>): the "NAME: what: why" messages every utility prints.
 *
 * As glibc's, they do not flush standard output first: a program whose
 * message must come after what it printed flushes it itself, so that the
 * order is the same with either library.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char *__dx_progname;       /* start.c */

static void message(int with_errno, int e, const char *fmt, va_list ap)
{
    fprintf(stderr, "%s: ", __dx_progname);
    if (fmt)
        vfprintf(stderr, fmt, ap);
    if (with_errno)
        fprintf(stderr, fmt ? ": %s\n" : "%s\n", strerror(e));
    else
        fputc('\n', stderr);
}

void vwarn(const char *fmt, va_list ap)
{
    message(1, errno, fmt, ap);
}

void vwarnx(const char *fmt, va_list ap)
{
    message(0, 0, fmt, ap);
}

void verr(int status, const char *fmt, va_list ap)
{
    vwarn(fmt, ap);
    exit(status);
}

void verrx(int status, const char *fmt, va_list ap)
{
    vwarnx(fmt, ap);
    exit(status);
}

void warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(fmt, ap);
    va_end(ap);
}

void warnx(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarnx(fmt, ap);
    va_end(ap);
}

void err(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verr(status, fmt, ap);
}

void errx(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verrx(status, fmt, ap);
}
