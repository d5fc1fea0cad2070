/*
 * sysinfo.c - what the system says about itself: uname, the host name
 * (which root sets through /proc/sys/kernel/hostname, the kernel's file
 * for it, as sethostname),
 * and Duplex's own calls for ps and the tests (procinfo, kstat) and for
 * switching the machine off, and download, which hands a file out of it;
 * sysconf, the system's limits (getconf prints them).
 */
#include "libc.h"
#include <duplex.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/resource.h>
#include "../../kernel/uapi/mman.h"
#include <sys/utsname.h>
#include <unistd.h>

/* Copy a NUL-terminated field of at most srclen bytes into dst (dstlen
 * bytes), always terminating. */
static void copy_field(char *dst, size_t dstlen, const char *src, size_t srclen)
{
    size_t n = strnlen(src, srclen);
    if (n >= dstlen)
        n = dstlen - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

int uname(struct utsname *u)
{
    struct k_utsname k;
    long r = sys1(SYS_uname, P(&k));
    if (sys_ret(r) < 0)
        return -1;
    copy_field(u->sysname, sizeof u->sysname, k.sysname, sizeof k.sysname);
    copy_field(u->nodename, sizeof u->nodename, k.nodename, sizeof k.nodename);
    copy_field(u->release, sizeof u->release, k.release, sizeof k.release);
    copy_field(u->version, sizeof u->version, k.version, sizeof k.version);
    copy_field(u->machine, sizeof u->machine, k.machine, sizeof k.machine);
    return 0;
}

int gethostname(char *name, size_t len)
{
    struct utsname u;
    if (uname(&u) < 0)
        return -1;
    if (strlen(u.nodename) >= len) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(name, u.nodename);
    return 0;
}

int sethostname(const char *name, size_t len)
{
    int fd = open("/proc/sys/kernel/hostname", O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == EACCES)
            errno = EPERM;               /* what Linux's call says to a user */
        return -1;
    }
    ssize_t n = write(fd, name, len);
    int saved = errno;
    close(fd);
    if (n != (ssize_t)len) {
        errno = n < 0 ? saved : EINVAL;
        return -1;
    }
    return 0;
}

int procinfo(int slot, struct k_procinfo *pi)
{
    return (int)sys_ret(sys2(SYS_procinfo, slot, P(pi)));
}

int trace_open(int flags)
{
    return (int)sys_ret(sys1(SYS_trace_open, flags));
}

int kstat(struct k_kstat *ks)
{
    return (int)sys_ret(sys1(SYS_kstat, P(ks)));
}

int poweroff(int code)
{
    return (int)sys_ret(sys1(SYS_poweroff, code));
}

int download(int fd, const char *name)
{
    return (int)sys_ret(sys2(SYS_download, fd, P(name)));
}

/* The limits are the kernel's (kernel/uapi/limits.h), but OPEN_MAX, which
 * is the process's own RLIMIT_NOFILE. The page is the unit mmap rounds to
 * on both targets; the clock ticks are Linux's USER_HZ. */
long sysconf(int name)
{
    struct rlimit rl;
    switch (name) {
    case _SC_ARG_MAX:       return ARG_MAX;
    case _SC_CHILD_MAX:     return NPROC;
    case _SC_CLK_TCK:       return 100;
    case _SC_NGROUPS_MAX:   return NGROUPS_MAX;
    case _SC_OPEN_MAX:      return getrlimit(RLIMIT_NOFILE, &rl) == 0 ? (long)rl.rlim_cur : NOFILE;
    case _SC_PAGESIZE:      return MMAP_PAGE;
    case _SC_LINE_MAX:      return LINE_MAX;
    case _SC_HOST_NAME_MAX: return HOST_NAME_MAX;
    default:
        errno = EINVAL;
        return -1;
    }
}
