/*
 * uapi/stat.h - file types, permission bits and struct stat as the kernel
 * fills it. The layout is Duplex's own (fixed-width fields), identical on
 * every target.
 */
#ifndef DUPLEX_UAPI_STAT_H
#define DUPLEX_UAPI_STAT_H

#include "types.h"

#define S_IFMT   0170000
#define S_IFIFO  0010000
#define S_IFCHR  0020000
#define S_IFDIR  0040000
#define S_IFREG  0100000
#define S_IFSOCK 0140000
#define S_IFLNK  0120000

#define S_ISDIR(m)  (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m)  (((m) & S_IFMT) == S_IFREG)
#define S_ISCHR(m)  (((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)
#define S_ISLNK(m)  (((m) & S_IFMT) == S_IFLNK)

#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000
#define S_IRWXU 00700
#define S_IRUSR 00400
#define S_IWUSR 00200
#define S_IXUSR 00100
#define S_IRWXG 00070
#define S_IRGRP 00040
#define S_IWGRP 00020
#define S_IXGRP 00010
#define S_IRWXO 00007
#define S_IROTH 00004
#define S_IWOTH 00002
#define S_IXOTH 00001

struct k_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};

/* utimensat's tv_nsec values that are not times */
#define UTIME_NOW   ((1L << 30) - 1)
#define UTIME_OMIT  ((1L << 30) - 2)

struct k_stat {
    uint32_t st_dev;
    uint32_t st_ino;
    uint32_t st_mode;
    uint32_t st_nlink;
    uint32_t st_uid;
    uint32_t st_gid;
    uint32_t st_rdev;
    uint32_t st_blksize;
    int64_t  st_size;
    int64_t  st_blocks;
    struct k_timespec st_atim;
    struct k_timespec st_mtim;
    struct k_timespec st_ctim;
};

#endif
