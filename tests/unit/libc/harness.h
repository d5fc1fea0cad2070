/*
 * harness.h - the C library's unit tests: registering tests, checking,
 * and what the host provides (bridge.c).
 *
 * Tests are compiled against Duplex's headers and linked with the library
 * itself (see shell/lib/lib.mk). Each TEST runs in a fresh host process
 * with a freshly reset fake kernel (fake_kernel.h); a crash or a sanitizer
 * report fails that test alone. A failed CHECK reports and lets the test
 * go on.
 */
#ifndef DUPLEX_LIBC_HARNESS_H
#define DUPLEX_LIBC_HARNESS_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include "fake_kernel.h"

typedef void (*test_fn)(void);
void t_register(const char *name, test_fn fn);
void t_fail(const char *file, int line, const char *fmt, ...);

#define TEST(name)                                                          \
    static void name(void);                                                 \
    __attribute__((constructor)) static void reg_##name(void)               \
    { t_register(#name, name); }                                            \
    static void name(void)

#define CHECK(c) do { if (!(c)) t_fail(__FILE__, __LINE__, "CHECK(%s)", #c); } while (0)
#define CHECK_EQ(a, b) do {                                                 \
        long long a_ = (long long)(a), b_ = (long long)(b);                \
        if (a_ != b_) t_fail(__FILE__, __LINE__, "%s == %s: %lld != %lld", \
                             #a, #b, a_, b_);                               \
    } while (0)
#define CHECK_STR(a, b) do {                                                \
        const char *a_ = (a), *b_ = (b);                                    \
        if (a_ == NULL || b_ == NULL || strcmp(a_, b_) != 0)                \
            t_fail(__FILE__, __LINE__, "%s == %s: \"%s\" != \"%s\"", #a, #b, \
                   a_ ? a_ : "(null)", b_ ? b_ : "(null)");                 \
    } while (0)

/* Run fn in a child process; returns its exit code, or 1000 + the signal
 * that killed it. The fake kernel's capture buffers are shared, so the
 * caller sees what the child wrote. */
int t_in_child(void (*fn)(void));

/* ---- the host (bridge.c) ----------------------------------------------------- */

int    host_fork(void);
int    host_wait(int pid);
void   host_exit(int code) __attribute__((noreturn));
void   host_die(int sig) __attribute__((noreturn));
void  *host_shared(size_t n);
int    host_printf(const char *fmt, ...);
int    host_vprintf(const char *fmt, va_list ap);
int    host_snprintf(char *buf, size_t n, const char *fmt, ...);
double host_strtod(const char *s, char **end);
const char *host_strerror(int e);
int    host_gmtime(long long t, int out[8]);
long long host_timegm(const int in[6]);
int    host_localtime(const char *tz, long long t, long out[10], char *zone, size_t zsize);
long long host_mktime(const char *tz, const int in[6]);
int    host_regex(const char *pattern, int cflags, const char *text, int eflags,
                  int *exec, long spans[20], int *nsub);
int    host_fnmatch(const char *pattern, const char *name, int flags);
double host_math(int which, double x, double y);
size_t host_strftime(char *buf, size_t max, const char *fmt, long long t);
int    host_ctype(int c);

#endif
