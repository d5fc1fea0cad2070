/*
 * fs.c - system calls on the file system by name: status, creating and
 * removing files, directories and FIFOs, permissions, the working
 * directory.
 *
 * stat() and fstat() translate the kernel's fixed-layout struct k_stat
 * (kernel/uapi/stat.h) into POSIX's struct stat.
 */
#include "libc.h"
#include <limits.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void stat_from_kernel(struct stat *st, const struct k_stat *k)
{
    st->st_dev = k->st_dev;
    st->st_ino = k->st_ino;
    st->st_mode = k->st_mode;
    st->st_nlink = k->st_nlink;
    st->st_uid = k->st_uid;
    st->st_gid = k->st_gid;
    st->st_rdev = k->st_rdev;
    st->st_size = k->st_size;
    st->st_blksize = k->st_blksize;
    st->st_blocks = k->st_blocks;
    st->st_atim.tv_sec = k->st_atim.tv_sec;
    st->st_atim.tv_nsec = (long)k->st_atim.tv_nsec;
    st->st_mtim.tv_sec = k->st_mtim.tv_sec;
    st->st_mtim.tv_nsec = (long)k->st_mtim.tv_nsec;
    st->st_ctim.tv_sec = k->st_ctim.tv_sec;
    st->st_ctim.tv_nsec = (long)k->st_ctim.tv_nsec;
}

/* The kernel's stat takes AT_SYMLINK_NOFOLLOW for lstat. */
int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
    struct k_stat k;
    if (dirfd != AT_FDCWD && path[0] != '/') {
        errno = ENOSYS;          /* Duplex: relative to the cwd only */
        return -1;
    }
    long r = sys3(SYS_stat, P(path), P(&k), flags);
    if (r == 0)
        stat_from_kernel(st, &k);
    return (int)sys_ret(r);
}

int stat(const char *path, struct stat *st)
{
    return fstatat(AT_FDCWD, path, st, 0);
}

int lstat(const char *path, struct stat *st)
{
    return fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

int fstat(int fd, struct stat *st)
{
    struct k_stat k;
    long r = sys2(SYS_fstat, fd, P(&k));
    if (r == 0)
        stat_from_kernel(st, &k);
    return (int)sys_ret(r);
}

int mkdir(const char *path, mode_t mode)
{
    return (int)sys_ret(sys2(SYS_mkdir, P(path), (long)mode));
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
    return (int)sys_ret(sys3(SYS_mknod, P(path), (long)mode, (long)dev));
}

int mkfifo(const char *path, mode_t mode)
{
    return mknod(path, S_IFIFO | (mode & 07777), 0);
}

int chmod(const char *path, mode_t mode)
{
    return (int)sys_ret(sys2(SYS_chmod, P(path), (long)mode));
}

mode_t umask(mode_t mask)
{
    return (mode_t)sys1(SYS_umask, (long)(mask & 0777));
}

int unlink(const char *path)
{
    return (int)sys_ret(sys1(SYS_unlink, P(path)));
}

int rmdir(const char *path)
{
    return (int)sys_ret(sys1(SYS_rmdir, P(path)));
}

int rename(const char *oldpath, const char *newpath)
{
    return (int)sys_ret(sys2(SYS_rename, P(oldpath), P(newpath)));
}

/* One file system, so sync and syncfs are one call; unlike Linux's sync,
 * it can report that the last save of what the platform keeps failed
 * (ENOSPC: the browser's storage is full), which syncfs returns. */
void sync(void)
{
    sys0(SYS_sync);
}

int syncfs(int fd)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return -1;
    return (int)sys_ret(sys0(SYS_sync));
}

/* remove() is unlink() for files and rmdir() for directories. */
int remove(const char *path)
{
    if (unlink(path) == 0)
        return 0;
    if (errno != EISDIR)
        return -1;
    return rmdir(path);
}

int access(const char *path, int mode)
{
    return (int)sys_ret(sys2(SYS_access, P(path), mode));
}

int chdir(const char *path)
{
    return (int)sys_ret(sys1(SYS_chdir, P(path)));
}

/* As in glibc, a NULL buf asks getcwd to allocate one (of size bytes, or
 * just enough when size is 0). */
char *getcwd(char *buf, size_t size)
{
    char tmp[PATH_MAX];

    if (buf != NULL && size == 0) {
        errno = EINVAL;
        return NULL;
    }
    long r = sys2(SYS_getcwd, P(buf != NULL ? buf : tmp),
                  (long)(buf != NULL ? size : sizeof tmp));
    if (sys_ret(r) < 0)
        return NULL;
    if (buf != NULL)
        return buf;
    if (size != 0 && size < (size_t)r) {
        errno = ERANGE;
        return NULL;
    }
    buf = malloc(size != 0 ? size : (size_t)r);
    if (buf != NULL)
        memcpy(buf, tmp, (size_t)r);
    return buf;
}
