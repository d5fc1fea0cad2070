/*
 * termios.h - terminal attributes. struct termios has the kernel's layout
 * (struct k_termios in kernel/uapi/termios.h, Linux's flag values), so it
 * can also be passed straight to ioctl(TCGETS).
 */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>
#include "../../../kernel/uapi/termios.h"

typedef uint32_t tcflag_t;
typedef uint8_t  cc_t;
typedef uint32_t speed_t;

struct termios {
    tcflag_t c_iflag;
    tcflag_t c_oflag;
    tcflag_t c_cflag;
    tcflag_t c_lflag;
    cc_t     c_line;
    cc_t     c_cc[NCCS];
    cc_t     __pad[3];
};

/* tcsetattr's `when` */
#define TCSANOW   0      /* at once */
#define TCSADRAIN 1      /* once queued output is written */
#define TCSAFLUSH 2      /* ... and pending input is discarded */

int   tcgetattr(int fd, struct termios *t);
int   tcsetattr(int fd, int when, const struct termios *t);
void  cfmakeraw(struct termios *t);
pid_t tcgetpgrp(int fd);
int   tcsetpgrp(int fd, pid_t pgrp);
pid_t tcgetsid(int fd);
int   tcdrain(int fd);                  /* wait until queued output is shown */
int   tcflush(int fd, int queue);       /* TCIFLUSH, TCOFLUSH or TCIOFLUSH */
int   isatty(int fd);

#endif
