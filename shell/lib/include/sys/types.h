/*
 * sys/types.h - the POSIX scalar types of Duplex's C library.
 *
 * The same definitions hold on every target (wasm32 is ILP32, aarch64 LP64):
 * file offsets and times are 64-bit everywhere, declared `long long` so that
 * printf("%lld") fits them on both. ssize_t is `long`, the width of size_t.
 * The fixed-width types shared with the kernel come from kernel/uapi/types.h.
 */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include "../../../../kernel/uapi/types.h"

typedef int                pid_t;
typedef unsigned int       uid_t;
typedef unsigned int       gid_t;
typedef int                id_t;
typedef unsigned int       mode_t;
typedef long long          off_t;
typedef long               ssize_t;
typedef unsigned int       dev_t;
typedef unsigned long long ino_t;
typedef unsigned int       nlink_t;
typedef long               blksize_t;
typedef long long          blkcnt_t;
typedef long long          time_t;
typedef long               suseconds_t;
typedef unsigned int       useconds_t;
typedef long               clock_t;
typedef int                clockid_t;

/* struct timespec belongs to <time.h>, but <sys/stat.h> needs it too. */
#ifndef __DX_TIMESPEC
#define __DX_TIMESPEC
struct timespec {
    time_t tv_sec;
    long   tv_nsec;
};
#endif

#endif
