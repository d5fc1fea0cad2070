/*
 * links.c - links and file attributes: symlink, readlink, link, the
 * owners (chown and friends) and the times (utimensat, futimens, utimes).
 *
 * The kernel's calls are the *at forms (kernel/syslink.c): a directory
 * descriptor for relative paths, AT_FDCWD for the working directory, and
 * a NULL path for the descriptor's own file.
 */
#include "libc.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

int symlink(const char *target, const char *path)
{
    return (int)sys_ret(sys2(SYS_symlink, P(target), P(path)));
}

ssize_t readlink(const char *restrict path, char *restrict buf, size_t size)
{
    return (ssize_t)sys_ret(sys3(SYS_readlink, P(path), P(buf), (long)size));
}

int link(const char *oldpath, const char *newpath)
{
    return (int)sys_ret(sys2(SYS_link, P(oldpath), P(newpath)));
}

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
    return (int)sys_ret(__dx_syscall(SYS_fchownat, dirfd, P(path), (long)(int)uid,
                                     (long)(int)gid, flags, 0));
}

int chown(const char *path, uid_t uid, gid_t gid)
{
    return fchownat(AT_FDCWD, path, uid, gid, 0);
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
    return fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
    return fchownat(fd, NULL, uid, gid, 0);
}

int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
    struct k_timespec k[2];
    for (int i = 0; times && i < 2; i++) {
        k[i].tv_sec = times[i].tv_sec;
        k[i].tv_nsec = times[i].tv_nsec;
    }
    if (path == NULL) {        /* only futimens may name no file */
        errno = EFAULT;
        return -1;
    }
    return (int)sys_ret(sys4(SYS_utimensat, dirfd, P(path), times ? P(k) : 0, flags));
}

int futimens(int fd, const struct timespec times[2])
{
    struct k_timespec k[2];
    for (int i = 0; times && i < 2; i++) {
        k[i].tv_sec = times[i].tv_sec;
        k[i].tv_nsec = times[i].tv_nsec;
    }
    return (int)sys_ret(sys4(SYS_utimensat, fd, 0, times ? P(k) : 0, 0));
}

int utimes(const char *path, const struct timeval tv[2])
{
    struct timespec ts[2];
    for (int i = 0; tv && i < 2; i++) {
        ts[i].tv_sec = tv[i].tv_sec;
        ts[i].tv_nsec = tv[i].tv_usec * 1000L;
    }
    return utimensat(AT_FDCWD, path, tv ? ts : NULL, 0);
}
