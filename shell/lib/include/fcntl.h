/*
 * fcntl.h - open(), creat(), fcntl(). The O_, F_ and FD_ constants are the
 * kernel's own (kernel/uapi/fcntl.h, Linux's values).
 */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include "../../../kernel/uapi/fcntl.h"

/* mode is read only when flags include O_CREAT. */
int open(const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
/* The third argument, when cmd takes one, is an int. */
int fcntl(int fd, int cmd, ...);
/* Move len bytes from a regular file into a pipe inside the kernel (Linux's
 * call; Duplex splices only that way round, else EINVAL). */
ssize_t splice(int fd_in, off_t *off_in, int fd_out, off_t *off_out, size_t len,
               unsigned int flags);

#endif
