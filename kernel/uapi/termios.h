/*
 * uapi/termios.h - the subset of termios the tty implements, with Linux's
 * flag values and ioctl numbers, and the window size.
 */
#ifndef DUPLEX_UAPI_TERMIOS_H
#define DUPLEX_UAPI_TERMIOS_H

#include "types.h"

#define NCCS 20

/* c_cc indices */
#define VINTR    0
#define VQUIT    1
#define VERASE   2
#define VKILL    3
#define VEOF     4
#define VTIME    5
#define VMIN     6
#define VSUSP   10
#define VEOL    11
#define VWERASE 14
#define VLNEXT  15

/* c_iflag */
#define BRKINT  0000002
#define INPCK   0000020
#define ISTRIP  0000040
#define INLCR   0000100
#define IGNCR   0000200
#define ICRNL   0000400
#define IXON    0002000

/* c_oflag */
#define OPOST   0000001
#define ONLCR   0000004

/* c_cflag */
#define CSIZE   0000060
#define CS8     0000060
#define CREAD   0000200

/* c_lflag */
#define ISIG    0000001
#define ICANON  0000002
#define ECHO    0000010
#define ECHOE   0000020
#define ECHOK   0000040
#define ECHONL  0000100
#define NOFLSH  0000200
#define TOSTOP  0000400
#define ECHOCTL 0001000
#define IEXTEN  0100000

struct k_termios {
    uint32_t c_iflag;
    uint32_t c_oflag;
    uint32_t c_cflag;
    uint32_t c_lflag;
    uint8_t  c_line;
    uint8_t  c_cc[NCCS];
    uint8_t  c_pad[3];
};

struct k_winsize {
    uint16_t ws_row;
    uint16_t ws_col;
    uint16_t ws_xpixel;
    uint16_t ws_ypixel;
};

/* ioctl requests */
#define TCGETS      0x5401
#define TCSETS      0x5402
#define TCSETSW     0x5403
#define TCSETSF     0x5404
#define TCSBRK      0x5409      /* arg 1: tcdrain(), wait until output is shown */
#define TCFLSH      0x540B      /* tcflush(): arg is one of the three below */
#define TIOCSCTTY   0x540E
#define TIOCGPGRP   0x540F
#define TIOCSPGRP   0x5410
#define TIOCGWINSZ  0x5413
#define TIOCOUTQ    0x5411      /* bytes of output not yet shown */
#define TIOCSWINSZ  0x5414
#define FIONREAD    0x541B
#define TIOCNOTTY   0x5422
#define TIOCGSID    0x5429

/* tcflush() queues */
#define TCIFLUSH    0
#define TCOFLUSH    1
#define TCIOFLUSH   2

#endif
