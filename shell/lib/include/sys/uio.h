/*
 * sys/uio.h - struct iovec, one piece of a scattered buffer, as sendmsg
 * and recvmsg take them (<sys/socket.h>). Linux's layout: a pointer and a
 * size, which is the kernel's struct k_iovec on each target.
 */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <sys/types.h>

struct iovec {
    void  *iov_base;
    size_t iov_len;
};

#endif
