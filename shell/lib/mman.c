/*
 * mman.c - mmap, munmap, mprotect, msync over the system calls of
 * kernel/mman.c, and POSIX shared memory objects, which are files in
 * /dev/shm: shm_open is open there, shm_unlink is unlink.
 *
 * Names are checked as glibc checks them: leading slashes are dropped, and
 * what is left must be one non-empty file name.
 */
#include "libc.h"
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    if (off != (long)off) {                 /* wasm32: beyond what a long holds */
        errno = EOVERFLOW;
        return MAP_FAILED;
    }
    long r = __dx_syscall(SYS_mmap, P(addr), (long)len, prot, flags, fd, (long)off);
    if (sys_failed(r)) {
        errno = (int)-r;
        return MAP_FAILED;
    }
    return (void *)(uintptr_t)r;
}

int munmap(void *addr, size_t len)
{
    return (int)sys_ret(sys2(SYS_munmap, P(addr), (long)len));
}

int mprotect(void *addr, size_t len, int prot)
{
    return (int)sys_ret(sys3(SYS_mprotect, P(addr), (long)len, prot));
}

int msync(void *addr, size_t len, int flags)
{
    return (int)sys_ret(sys3(SYS_msync, P(addr), (long)len, flags));
}

#define SHM_DIR "/dev/shm/"

/* "/dev/shm/NAME" for name into path (sizeof SHM_DIR + NAME_MAX bytes);
 * -1 with errno if name is not a valid object name. */
static int shm_path(const char *name, char *path)
{
    while (*name == '/')
        name++;
    size_t len = strlen(name);
    if (len == 0 || strchr(name, '/') != NULL) {
        errno = EINVAL;
        return -1;
    }
    if (len > NAME_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(path, SHM_DIR, sizeof SHM_DIR - 1);
    memcpy(path + sizeof SHM_DIR - 1, name, len + 1);
    return 0;
}

int shm_open(const char *name, int oflag, mode_t mode)
{
    char path[sizeof SHM_DIR + NAME_MAX];
    if (shm_path(name, path) < 0)
        return -1;
    return open(path, oflag | O_CLOEXEC, mode);
}

int shm_unlink(const char *name)
{
    char path[sizeof SHM_DIR + NAME_MAX];
    if (shm_path(name, path) < 0)
        return -1;
    return unlink(path);
}
