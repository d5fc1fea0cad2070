/*
 * uapi/limits.h - the system's fixed limits, visible to user space.
 */
#ifndef DUPLEX_UAPI_LIMITS_H
#define DUPLEX_UAPI_LIMITS_H

#define NPROC          64        /* process table size */
#define NOFILE         64        /* descriptors per process */
#define PATH_MAX       1024      /* bytes in a path, with its NUL */
#define NAME_MAX       255       /* bytes in one path component */
#define MAXSYMLINKS    40        /* symbolic links one path walk follows (Linux's) */
#define PIPE_BUF       4096      /* writes up to this size are atomic */
#define PIPE_SIZE_MIN  4096      /* the smallest capacity F_SETPIPE_SZ gives (a page) */
#define PIPE_SIZE_DEFAULT 65536  /* a new pipe's capacity, as on Linux */
#define PIPE_SIZE_MAX  (1024 * 1024)
#define ARG_MAX        (2 * 1024 * 1024) /* what argv + envp of spawn/execve may take:
                                     every string with its NUL, and a pointer per
                                     string (Linux's default, a quarter of its 8 MiB
                                     stack limit); no limit on the count but this */
#define MAX_ARG_STRLEN (128 * 1024) /* one string of argv or envp, with its NUL (Linux's) */
#define SPAWN_ACTIONS_MAX 32     /* file actions in one spawn */
#define NGROUPS_MAX    0

#endif
