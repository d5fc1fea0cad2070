/*
 * err.h - BSD's (and glibc's) messages about failures: "NAME: message",
 * then ": strerror(errno)" for err and warn, then a newline, on stderr;
 * err and errx then exit with the status given. NAME is the base name of
 * argv[0]. See err.c.
 */
#ifndef _ERR_H
#define _ERR_H

#include <stdarg.h>

void err(int status, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));
void errx(int status, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void verr(int status, const char *fmt, va_list ap) __attribute__((noreturn));
void verrx(int status, const char *fmt, va_list ap) __attribute__((noreturn));
void vwarn(const char *fmt, va_list ap);
void vwarnx(const char *fmt, va_list ap);

#endif
