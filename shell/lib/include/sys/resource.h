/*
 * sys/resource.h - resource limits: getrlimit, setrlimit, prlimit.
 *
 * The limits and their numbers are Linux's (kernel/uapi/resource.h). As in
 * musl, rlim_t is 64 bits on every target, so RLIM_INFINITY is the same
 * value the kernel keeps. Duplex enforces RLIMIT_NOFILE and RLIMIT_FSIZE;
 * the others are kept and inherited but not checked (getrlimit(2)).
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include "../../../../kernel/uapi/resource.h"

typedef unsigned long long rlim_t;

#define RLIM_INFINITY   (~0ULL)
#define RLIM_SAVED_CUR  RLIM_INFINITY
#define RLIM_SAVED_MAX  RLIM_INFINITY
#define RLIMIT_OFILE    RLIMIT_NOFILE   /* the BSD name */

struct rlimit {
    rlim_t rlim_cur;             /* soft: what is enforced */
    rlim_t rlim_max;             /* hard: the ceiling of the soft one */
};

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
/* Linux: pid's limit (0: the caller's); new or old may be NULL. */
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit);

#endif
