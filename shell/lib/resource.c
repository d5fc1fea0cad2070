/*
 * resource.c - resource limits: getrlimit, setrlimit, prlimit, over the
 * kernel's calls of the same names (kernel/rlimit.c). struct rlimit has
 * the kernel's layout (two 64-bit values), so it is passed as it is.
 */
#include "libc.h"
#include <sys/resource.h>

_Static_assert(sizeof(struct rlimit) == sizeof(struct k_rlimit), "struct rlimit is k_rlimit");

int getrlimit(int resource, struct rlimit *rlim)
{
    return (int)sys_ret(sys2(SYS_getrlimit, resource, P(rlim)));
}

int setrlimit(int resource, const struct rlimit *rlim)
{
    return (int)sys_ret(sys2(SYS_setrlimit, resource, P(rlim)));
}

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit)
{
    return (int)sys_ret(sys4(SYS_prlimit64, pid, resource, P(new_limit), P(old_limit)));
}
