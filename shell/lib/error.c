/*
 * error.c - telling the user what went wrong: strerror() with glibc's
 * texts (errno values are Linux's, so the messages are the familiar ones),
 * perror(), and the failure report of assert().
 */
#include "libc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const messages[] = {
    [0]            = "Success",
    [EPERM]        = "Operation not permitted",
    [ENOENT]       = "No such file or directory",
    [ESRCH]        = "No such process",
    [EINTR]        = "Interrupted system call",
    [EIO]          = "Input/output error",
    [ENXIO]        = "No such device or address",
    [E2BIG]        = "Argument list too long",
    [ENOEXEC]      = "Exec format error",
    [EBADF]        = "Bad file descriptor",
    [ECHILD]       = "No child processes",
    [EAGAIN]       = "Resource temporarily unavailable",
    [ENOMEM]       = "Cannot allocate memory",
    [EACCES]       = "Permission denied",
    [EFAULT]       = "Bad address",
    [EBUSY]        = "Device or resource busy",
    [EEXIST]       = "File exists",
    [EXDEV]        = "Invalid cross-device link",
    [ENODEV]       = "No such device",
    [ENOTDIR]      = "Not a directory",
    [EISDIR]       = "Is a directory",
    [EINVAL]       = "Invalid argument",
    [ENFILE]       = "Too many open files in system",
    [EMFILE]       = "Too many open files",
    [ENOTTY]       = "Inappropriate ioctl for device",
    [EFBIG]        = "File too large",
    [ENOSPC]       = "No space left on device",
    [ESPIPE]       = "Illegal seek",
    [EROFS]        = "Read-only file system",
    [EMLINK]       = "Too many links",
    [EPIPE]        = "Broken pipe",
    [EDOM]         = "Numerical argument out of domain",
    [ERANGE]       = "Numerical result out of range",
    [EDEADLK]      = "Resource deadlock avoided",
    [ENAMETOOLONG] = "File name too long",
    [ENOSYS]       = "Function not implemented",
    [ENOTEMPTY]    = "Directory not empty",
    [ELOOP]        = "Too many levels of symbolic links",
    [ENOMSG]       = "No message of desired type",
    [EIDRM]        = "Identifier removed",
    [ENOSTR]       = "Device not a stream",
    [ETIME]        = "Timer expired",
    [EOVERFLOW]    = "Value too large for defined data type",
    [EBADFD]       = "File descriptor in bad state",
    [ENOTSOCK]     = "Socket operation on non-socket",
    [EDESTADDRREQ] = "Destination address required",
    [EMSGSIZE]     = "Message too long",
    [EPROTOTYPE]   = "Protocol wrong type for socket",
    [ENOPROTOOPT]  = "Protocol not available",
    [EPROTONOSUPPORT] = "Protocol not supported",
    [ESOCKTNOSUPPORT] = "Socket type not supported",
    [ENOTSUP]      = "Operation not supported",
    [EAFNOSUPPORT] = "Address family not supported by protocol",
    [EADDRINUSE]   = "Address already in use",
    [EADDRNOTAVAIL] = "Cannot assign requested address",
    [ECONNABORTED] = "Software caused connection abort",
    [ECONNRESET]   = "Connection reset by peer",
    [ENOBUFS]      = "No buffer space available",
    [EISCONN]      = "Transport endpoint is already connected",
    [ENOTCONN]     = "Transport endpoint is not connected",
    [ESHUTDOWN]    = "Cannot send after transport endpoint shutdown",
    [ETOOMANYREFS] = "Too many references: cannot splice",
    [ETIMEDOUT]    = "Connection timed out",
    [ECONNREFUSED] = "Connection refused",
    [ECANCELED]    = "Operation canceled",
    [EOWNERDEAD]   = "Owner died",
};

#define NMESSAGES ((int)(sizeof messages / sizeof messages[0]))

/* "Unknown error N", as glibc says it, into buf (at least 32 bytes). */
static char *unknown_error(int errnum, char *buf)
{
    char digits[12];
    int n = 0;
    unsigned u = errnum < 0 ? 0u - (unsigned)errnum : (unsigned)errnum;

    do {
        digits[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    char *p = stpcpy(buf, "Unknown error ");
    if (errnum < 0)
        *p++ = '-';
    while (n > 0)
        *p++ = digits[--n];
    *p = '\0';
    return buf;
}

static const char *known_error(int errnum)
{
    if (errnum < 0 || errnum >= NMESSAGES)
        return NULL;
    return messages[errnum];
}

char *strerror(int errnum)
{
    static char buf[32];
    const char *m = known_error(errnum);
    return m != NULL ? (char *)m : unknown_error(errnum, buf);
}

/* POSIX's version: 0, or ERANGE if buf is too small (it is then filled
 * with as much as fits). */
int strerror_r(int errnum, char *buf, size_t len)
{
    char tmp[32];
    const char *m = known_error(errnum);
    if (m == NULL)
        m = unknown_error(errnum, tmp);
    if (len == 0)
        return ERANGE;
    size_t n = strlcpy(buf, m, len);
    return n >= len ? ERANGE : 0;
}

void perror(const char *s)
{
    const char *m = strerror(errno);
    if (s != NULL && *s != '\0')
        fprintf(stderr, "%s: %s\n", s, m);
    else
        fprintf(stderr, "%s\n", m);
}

/* assert()'s report, in glibc's words. */
void __assert_fail(const char *expr, const char *file, int line, const char *func)
{
    fprintf(stderr, "%s: %s:%d: %s: Assertion `%s' failed.\n",
            __dx_progname, file, line, func, expr);
    abort();
}
