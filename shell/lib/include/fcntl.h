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

#endif
