/*
 * sys/stat.h - file status and creating nodes. The mode bits are the
 * kernel's (kernel/uapi/stat.h); struct stat is the POSIX shape, filled
 * from the kernel's struct k_stat by stat() and fstat().
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>
#include "../../../../kernel/uapi/stat.h"

/* Block devices Duplex does not have; S_IFBLK is defined so portable
 * programs compile, and the kernel never reports it. Symbolic links and
 * sockets it has; their bits are the kernel's (uapi/stat.h) too. */
#define S_IFBLK  0060000
#define S_ISBLK(m)  (((m) & S_IFMT) == S_IFBLK)

struct stat {
    dev_t     st_dev;
    ino_t     st_ino;
    mode_t    st_mode;
    nlink_t   st_nlink;
    uid_t     st_uid;
    gid_t     st_gid;
    dev_t     st_rdev;
    off_t     st_size;
    blksize_t st_blksize;
    blkcnt_t  st_blocks;
    struct timespec st_atim;
    struct timespec st_mtim;
    struct timespec st_ctim;
};
#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

int    stat(const char *path, struct stat *st);
int    lstat(const char *path, struct stat *st);   /* a link itself */
int    fstat(int fd, struct stat *st);
int    fstatat(int dirfd, const char *path, struct stat *st, int flags);  /* AT_FDCWD only */
int    mkdir(const char *path, mode_t mode);
int    mkfifo(const char *path, mode_t mode);
int    mknod(const char *path, mode_t mode, dev_t dev);
int    chmod(const char *path, mode_t mode);
mode_t umask(mode_t mask);
/* The times of a file (links.c); tv_nsec may be UTIME_NOW or UTIME_OMIT. */
int    utimensat(int dirfd, const char *path, const struct timespec times[2], int flags);
int    futimens(int fd, const struct timespec times[2]);

#endif
