/*
 * bridge.c - the host side of the C library's unit tests.
 *
 * Everything else in this directory is compiled against Duplex's own
 * headers and linked with the library into one object whose symbols all
 * carry a dx_ prefix (see shell/lib/lib.mk). This file is ordinary host C:
 * it starts the tests by entering the library as a Duplex program would
 * (dx___libc_start_main, which runs the harness's main), and provides the
 * host services the inside asks for - fork and wait to run each test in a
 * process of its own, shared memory for the fake kernel's capture buffers,
 * and the host's own printf, strtod, gmtime, strftime, strerror, ctype,
 * regcomp/regexec and fnmatch as references to compare with.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <fnmatch.h>
#include <math.h>
#include <regex.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void dx___libc_start_main(int argc, char **argv, char **envp) __attribute__((noreturn));

int main(int argc, char **argv, char **envp)
{
    setenv("TZ", "UTC", 1);
    tzset();
    setvbuf(stdout, NULL, _IOLBF, 0);
    dx___libc_start_main(argc, argv, envp);
}

/* ---- processes and memory ------------------------------------------------ */

int dx_host_fork(void)
{
    fflush(stdout);
    fflush(stderr);
    return fork();
}

/* The child's exit code, or 1000 + the signal that killed it. */
int dx_host_wait(int pid)
{
    int status;
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 1000 + WTERMSIG(status);
    return -1;
}

void dx_host_exit(int code)
{
    fflush(stdout);
    _exit(code);
}

/* Die of sig, as the default action would. */
void dx_host_die(int sig)
{
    fflush(stdout);
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    kill(getpid(), sig);
    _exit(127);
}

/* Memory that a forked child's writes show through to its parent. */
void *dx_host_shared(size_t n)
{
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/* ---- output ---------------------------------------------------------------- */

int dx_host_vprintf(const char *fmt, va_list ap)
{
    return vprintf(fmt, ap);
}

int dx_host_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vprintf(fmt, ap);
    va_end(ap);
    return r;
}

/* ---- references to compare with ------------------------------------------------ */

int dx_host_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    return vsnprintf(buf, n, fmt, ap);
}

int dx_host_snprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

double dx_host_strtod(const char *s, char **end)
{
    return strtod(s, end);
}

const char *dx_host_strerror(int e)
{
    return strerror(e);
}

/* gmtime of t as {sec, min, hour, mday, mon, year, wday, yday}; 0 or -1. */
int dx_host_gmtime(long long t, int out[8])
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (gmtime_r(&tt, &tm) == NULL)
        return -1;
    int f[8] = { tm.tm_sec, tm.tm_min, tm.tm_hour, tm.tm_mday, tm.tm_mon,
                 tm.tm_year, tm.tm_wday, tm.tm_yday };
    memcpy(out, f, sizeof f);
    return 0;
}

long long dx_host_timegm(const int in[6])
{
    struct tm tm = { .tm_sec = in[0], .tm_min = in[1], .tm_hour = in[2],
                     .tm_mday = in[3], .tm_mon = in[4], .tm_year = in[5] };
    return (long long)timegm(&tm);
}

/* localtime of t under the POSIX TZ string tz: {sec, min, hour, mday,
 * mon, year, wday, yday, isdst, gmtoff} and the zone's name; 0 or -1.
 * TZ goes back to UTC afterwards. */
int dx_host_localtime(const char *tz, long long t, long out[10], char *zone, size_t zsize)
{
    time_t tt = (time_t)t;
    struct tm tm;
    setenv("TZ", tz, 1);
    tzset();
    int r = localtime_r(&tt, &tm) ? 0 : -1;
    long f[10] = { tm.tm_sec, tm.tm_min, tm.tm_hour, tm.tm_mday, tm.tm_mon,
                   tm.tm_year, tm.tm_wday, tm.tm_yday, tm.tm_isdst, tm.tm_gmtoff };
    memcpy(out, f, sizeof f);
    snprintf(zone, zsize, "%s", tm.tm_zone ? tm.tm_zone : "");
    setenv("TZ", "UTC", 1);
    tzset();
    return r;
}

/* mktime of {sec, min, hour, mday, mon, year} with tm_isdst -1 under tz. */
long long dx_host_mktime(const char *tz, const int in[6])
{
    struct tm tm = { .tm_sec = in[0], .tm_min = in[1], .tm_hour = in[2],
                     .tm_mday = in[3], .tm_mon = in[4], .tm_year = in[5], .tm_isdst = -1 };
    setenv("TZ", tz, 1);
    tzset();
    long long t = (long long)mktime(&tm);
    setenv("TZ", "UTC", 1);
    tzset();
    return t;
}

/* strftime for the time t (UTC). */
size_t dx_host_strftime(char *buf, size_t max, const char *fmt, long long t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    return strftime(buf, max, fmt, &tm);
}

/* The classes of c in the host's "C" locale, one bit per function. */
int dx_host_ctype(int c)
{
    int (*fns[])(int) = { isalnum, isalpha, isblank, iscntrl, isdigit, isgraph,
                          islower, isprint, ispunct, isspace, isupper, isxdigit };
    int bits = 0;
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        if (fns[i](c))
            bits |= 1 << i;
    return bits;
}

/* The host's regcomp of pattern, then (if it compiled) its regexec of
 * text: returns regcomp's code; *exec gets regexec's, spans[2i], [2i+1]
 * the offsets of the first 10 matches, *nsub re_nsub. Duplex uses the same
 * flag and error values as glibc. */
int dx_host_regex(const char *pattern, int cflags, const char *text, int eflags,
                  int *exec, long spans[20], int *nsub)
{
    regex_t re;
    regmatch_t m[10];
    int r = regcomp(&re, pattern, cflags);
    if (r != 0)
        return r;
    *nsub = (int)re.re_nsub;
    *exec = regexec(&re, text, 10, m, eflags);
    for (int i = 0; i < 10; i++) {
        spans[2 * i] = *exec ? -1 : (long)m[i].rm_so;
        spans[2 * i + 1] = *exec ? -1 : (long)m[i].rm_eo;
    }
    regfree(&re);
    return 0;
}

/* The host's fnmatch (flag values as glibc's: Duplex uses the same). */
int dx_host_fnmatch(const char *pattern, const char *name, int flags)
{
    return fnmatch(pattern, name, flags);
}

/* The host's libm: function `which` (0 sqrt, 1 exp, 2 log, 3 sin, 4 cos,
 * 5 atan, 6 atan2, 7 pow, 8 fmod, 9 floor, 10 log10) of x (and y). */
double dx_host_math(int which, double x, double y)
{
    switch (which) {
    case 0: return sqrt(x);
    case 1: return exp(x);
    case 2: return log(x);
    case 3: return sin(x);
    case 4: return cos(x);
    case 5: return atan(x);
    case 6: return atan2(x, y);
    case 7: return pow(x, y);
    case 8: return fmod(x, y);
    case 9: return floor(x);
    default: return log10(x);
    }
}
