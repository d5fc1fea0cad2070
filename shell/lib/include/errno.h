/*
 * errno.h - error numbers (Linux's, from kernel/uapi/errno.h) and errno.
 *
 * A system-call wrapper that fails sets errno to the kernel's -result and
 * returns -1. Processes are single-threaded, so errno is a plain variable.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include "../../../kernel/uapi/errno.h"

extern int errno;

#endif
