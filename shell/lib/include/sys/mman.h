/*
 * sys/mman.h - memory mappings (kernel/mman.c) and POSIX shared memory
 * objects (docs/ipc/shm.md).
 *
 *     int *counter = mmap(NULL, sizeof *counter, PROT_READ | PROT_WRITE,
 *                         MAP_SHARED | MAP_ANONYMOUS, -1, 0);
 *     if (fork() == 0) ...            // parent and child share *counter
 *
 *     int fd = shm_open("/frame", O_CREAT | O_RDWR, 0600);   // /dev/shm/frame
 *     ftruncate(fd, 4096);
 *     char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
 *
 * The constants are Linux's (kernel/uapi/mman.h). mprotect is enforced on
 * arm64 (a forbidden access is SIGSEGV) and only recorded on the web
 * target, whose memory has no page protection; there, munmap frees the
 * mapping but not the memory.
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include "../../../../kernel/uapi/mman.h"

#define MAP_ANON   MAP_ANONYMOUS
#define MAP_FAILED ((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int   munmap(void *addr, size_t len);
int   mprotect(void *addr, size_t len, int prot);
int   msync(void *addr, size_t len, int flags);

/* name is "/something": a file in /dev/shm. */
int   shm_open(const char *name, int oflag, mode_t mode);
int   shm_unlink(const char *name);

#endif
