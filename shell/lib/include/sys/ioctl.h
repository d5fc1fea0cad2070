/*
 * sys/ioctl.h - device control. The requests Duplex's terminal knows
 * (TCGETS, TIOCGWINSZ, ...) are in kernel/uapi/termios.h.
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <sys/types.h>
#include "../../../../kernel/uapi/termios.h"

/* The kernel's struct k_winsize, field for field. */
struct winsize {
    unsigned short ws_row;
    unsigned short ws_col;
    unsigned short ws_xpixel;
    unsigned short ws_ypixel;
};

/* The one optional argument is an int or a pointer. */
int ioctl(int fd, unsigned long request, ...);

#endif
