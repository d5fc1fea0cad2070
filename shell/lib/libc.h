/*
 * libc.h - what the files of Duplex's C library share, and user programs
 * never see.
 *
 * Every system call goes through __dx_syscall(), the one function each
 * target provides (arch/wasm32: an import of the JS runtime; arch/aarch64:
 * `svc #0`). It returns the kernel's result: a value >= 0, or -errno. The
 * sysN() helpers below fill the unused argument slots, and sys_ret() turns
 * a negative result into errno and -1, the POSIX convention.
 */
#ifndef DUPLEX_LIBC_H
#define DUPLEX_LIBC_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <errno.h>
#include "../../kernel/uapi/syscall.h"

/* ---- provided by arch/<target>/ --------------------------------------- */

long __dx_syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5);

/* The address a signal handler returns to (sa_restorer), or 0 when the
 * platform returns from handlers by itself (wasm32). */
extern const unsigned long __dx_sig_restorer;

/* ---- start.c ------------------------------------------------------------ */

/* Run main with the arguments the entry stub found, then exit. */
void __libc_start_main(int argc, char **argv, char **envp) __attribute__((noreturn));

/* argv[0] without its directory, for messages ("getopt: ..."); "" before
 * main runs. */
extern const char *__dx_progname;

/* ---- system calls ------------------------------------------------------- */

static inline long sys0(long nr)
{
    return __dx_syscall(nr, 0, 0, 0, 0, 0, 0);
}
static inline long sys1(long nr, long a0)
{
    return __dx_syscall(nr, a0, 0, 0, 0, 0, 0);
}
static inline long sys2(long nr, long a0, long a1)
{
    return __dx_syscall(nr, a0, a1, 0, 0, 0, 0);
}
static inline long sys3(long nr, long a0, long a1, long a2)
{
    return __dx_syscall(nr, a0, a1, a2, 0, 0, 0);
}
static inline long sys4(long nr, long a0, long a1, long a2, long a3)
{
    return __dx_syscall(nr, a0, a1, a2, a3, 0, 0);
}

/* Pointers travel as longs: a user address always fits in one. */
#define P(ptr) ((long)(uintptr_t)(ptr))

/* A kernel result is an error when it lies in -4095..-1, as on Linux; only
 * brk, whose results are addresses, is read otherwise. */
static inline bool sys_failed(long r)
{
    return (unsigned long)r > (unsigned long)-4096L;
}

/* The POSIX convention: -1 with errno set, or the result itself. */
static inline long sys_ret(long r)
{
    if (sys_failed(r)) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

/* ---- exec.c ------------------------------------------------------------- */

/* Try attempt(path, ctx) on each candidate path for `file` ($PATH search,
 * default "/bin"): 0 on the first success, else an error number. */
int __dx_search_path(const char *file, int (*attempt)(const char *path, void *ctx),
                     void *ctx);

/* The shell that runs a file of a format the kernel refuses (ENOEXEC), and
 * its arguments for path: "sh", path, argv[1]... (malloc'ed, NULL if out
 * of memory). */
#define SHELL_PATH "/bin/sh"
char **__dx_shell_argv(const char *path, char *const argv[]);

/* ---- exit.c ------------------------------------------------------------- */

/* Set by stdio the first time a stream is written: flushes every stream.
 * exit() calls it, so programs that never use stdio do not link it in. */
extern void (*__dx_stdio_exit)(void);

/* ---- futex.c ------------------------------------------------------------- */

struct timespec;
/* Sleep while *word == val, at most rel (NULL: without a limit): the
 * kernel's 0 (woken), -EAGAIN (the word had changed), -EINTR or
 * -ETIMEDOUT. Wake at most n sleepers: how many woke. shared: the word may
 * be in memory other processes share (the kernel keys it by the object). */
/* The POSIX TZ string of a zone's name (zones.c), or NULL; buf holds a
 * computed one (Etc/GMT+5). */
const char *__dx_zone_rule(const char *name, char *buf, size_t size);

long __dx_futex_wait(volatile unsigned *word, unsigned val, const struct timespec *rel,
                     bool shared);
long __dx_futex_wake(volatile unsigned *word, int n, bool shared);
/* The time from now until abstime on clock, into *left; false if it has
 * passed already. */
bool __dx_time_left(int clock, const struct timespec *abstime, struct timespec *left);

/* ---- malloc.c ------------------------------------------------------------ */

/* Walk the heap and check its invariants: 0 if all is well, otherwise a
 * number saying which check failed (for the tests). */
int __dx_heap_check(void);

/* ---- printf.c, printf_float.c -------------------------------------------- */

/* Where formatted output goes: put() receives each piece in order. */
struct fmt_sink {
    void  (*put)(struct fmt_sink *s, const char *p, size_t n);
    size_t count;           /* bytes produced so far (put or not) */
};

int __dx_vformat(struct fmt_sink *s, const char *fmt, __builtin_va_list ap);

/* Format a double for %f %e %g (conv, lower or upper case) with the given
 * flags, width and precision (-1: none). */
struct fmt_spec {
    int  flags;             /* FMT_* below */
    int  width;
    int  prec;
    char conv;
};
#define FMT_LEFT  0x01      /* '-' */
#define FMT_PLUS  0x02      /* '+' */
#define FMT_SPACE 0x04      /* ' ' */
#define FMT_ALT   0x08      /* '#' */
#define FMT_ZERO  0x10      /* '0' */
void __dx_format_double(struct fmt_sink *s, const struct fmt_spec *spec, double v);

/* Emit a converted field: sign/prefix, zero padding to width when asked,
 * body, and space padding. Shared by the integer and float conversions. */
void __dx_put_field(struct fmt_sink *s, const struct fmt_spec *spec,
                    const char *prefix, size_t nprefix,
                    size_t nzeros, const char *body, size_t nbody);
void __dx_put_repeat(struct fmt_sink *s, char c, size_t n);

/* ---- signal.c ------------------------------------------------------------ */

/* The one handler the kernel knows for every caught signal: it calls the
 * program's handler with the right arguments and keeps errno. */
void __dx_sigdispatch(int signo);

#endif
