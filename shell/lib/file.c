/*
 * file.c - system calls on file descriptors: open, read, write, close,
 * seek, duplicate, pipe, splice, truncate, fcntl.
 *
 * Each is a thin wrapper: pass the arguments to the kernel, turn -errno
 * into errno and -1. The one that does more is write(): see below.
 */
#include "libc.h"
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

int open(const char *path, int flags, ...)
{
    mode_t mode = 0;

    /* The mode argument exists only when a file may be created. */
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    return (int)sys_ret(sys3(SYS_open, P(path), flags, (long)mode));
}

int creat(const char *path, mode_t mode)
{
    return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int close(int fd)
{
    return (int)sys_ret(sys1(SYS_close, fd));
}

ssize_t read(int fd, void *buf, size_t n)
{
    return sys_ret(sys3(SYS_read, fd, P(buf), (long)n));
}

/* True if fd was opened (or set) non-blocking. */
static bool is_nonblocking(int fd)
{
    long fl = sys3(SYS_fcntl, fd, F_GETFL, 0);
    return !sys_failed(fl) && (fl & O_NONBLOCK);
}

/* A write to a regular file is short only because the file may grow no
 * further (RLIMIT_FSIZE). Linux returns that count, and only the next write
 * fails, with EFBIG and SIGXFSZ. When SIGXFSZ is caught or ignored, write
 * returns the short count too; when it would end the process, asking again
 * at once ends it, as the retry of any program that writes everything (stdio
 * among them) would on Linux, with the same bytes in the file. */
static bool fsize_reached(int fd)
{
    struct k_stat st;
    struct sigaction sa;
    return !sys_failed(sys2(SYS_fstat, fd, P(&st))) && S_ISREG(st.st_mode) &&
           sigaction(SIGXFSZ, NULL, &sa) == 0 && sa.sa_handler != SIG_DFL;
}

/*
 * The kernel never sleeps in the middle of a call (docs/design.md, "The
 * kernel never sleeps"): a blocking write of 10 KiB into a pipe with 4 KiB
 * of room writes 4 KiB and returns. POSIX promises that a blocking write()
 * writes everything, so the library asks again for the rest. It stops early,
 * returning what it has written, when a later piece fails (a signal, the
 * reader gone) or when the descriptor is non-blocking; an error before any
 * progress is reported as such, -EINTR included. A short write to a regular
 * file is a file at its RLIMIT_FSIZE (fsize_reached).
 */
ssize_t write(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    size_t done = 0;

    do {
        long r = sys3(SYS_write, fd, P(p + done), (long)(n - done));
        if (sys_failed(r)) {
            if (done > 0)
                return (ssize_t)done;
            errno = (int)-r;
            return -1;
        }
        done += (size_t)r;
        if (r == 0 || (done < n && (is_nonblocking(fd) || fsize_reached(fd))))
            break;
    } while (done < n);
    return (ssize_t)done;
}

off_t lseek(int fd, off_t off, int whence)
{
    /* Offsets travel as a long: 32 bits on wasm32. */
    if (off != (off_t)(long)off) {
        errno = EOVERFLOW;
        return -1;
    }
    return sys_ret(sys3(SYS_lseek, fd, (long)off, whence));
}

int dup(int fd)
{
    return (int)sys_ret(sys1(SYS_dup, fd));
}

int dup2(int fd, int newfd)
{
    return (int)sys_ret(sys2(SYS_dup2, fd, newfd));
}

int pipe2(int fds[2], int flags)
{
    return (int)sys_ret(sys2(SYS_pipe2, P(fds), flags));
}

int pipe(int fds[2])
{
    return pipe2(fds, 0);
}

ssize_t splice(int fd_in, off_t *off_in, int fd_out, off_t *off_out, size_t len,
               unsigned int flags)
{
    return sys_ret(__dx_syscall(SYS_splice, fd_in, P(off_in), fd_out, P(off_out), (long)len,
                                (long)flags));
}

int ftruncate(int fd, off_t length)
{
    if (length != (off_t)(long)length) {
        errno = EFBIG;
        return -1;
    }
    return (int)sys_ret(sys2(SYS_ftruncate, fd, (long)length));
}

int truncate(const char *path, off_t length)
{
    int fd = open(path, O_WRONLY);
    if (fd < 0)
        return -1;
    int r = ftruncate(fd, length);
    int saved = errno;
    close(fd);
    errno = saved;
    return r;
}

int fcntl(int fd, int cmd, ...)
{
    long arg = 0;

    /* Every command Duplex knows takes an int or nothing; reading an int
     * that was not passed is harmless on both targets' calling
     * conventions, but only do it for the commands that take one. */
    if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_SETFD ||
        cmd == F_SETFL || cmd == F_SETPIPE_SZ) {
        va_list ap;
        va_start(ap, cmd);
        arg = va_arg(ap, int);
        va_end(ap);
    }
    return (int)sys_ret(sys3(SYS_fcntl, fd, cmd, arg));
}
