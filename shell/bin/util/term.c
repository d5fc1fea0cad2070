/*
 * term.c - the terminal, for the full-screen programs (more, vi, top):
 * its size, raw mode and back, and keys, with the escape sequences of
 * the arrow keys turned into single codes.
 */
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include "util.h"

static struct termios saved;
static int saved_fd = -1;

void term_size(int fd, int *rows, int *cols)
{
    struct winsize ws;
    *rows = 24;
    *cols = 80;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0) {
        *rows = ws.ws_row;
        *cols = ws.ws_col;
    } else {
        if (getenv("LINES") && atoi(getenv("LINES")) > 0)
            *rows = atoi(getenv("LINES"));
        if (getenv("COLUMNS") && atoi(getenv("COLUMNS")) > 0)
            *cols = atoi(getenv("COLUMNS"));
    }
}

int term_raw(int fd)
{
    struct termios t;
    if (tcgetattr(fd, &t) != 0)
        return -1;
    saved = t;
    saved_fd = fd;
    t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
    t.c_iflag &= ~(tcflag_t)(IXON | ICRNL);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    return tcsetattr(fd, TCSANOW, &t);
}

void term_restore(void)
{
    if (saved_fd >= 0)
        tcsetattr(saved_fd, TCSANOW, &saved);
    saved_fd = -1;
}

int term_key(int fd)
{
    unsigned char c;
    if (read(fd, &c, 1) != 1)
        return -1;
    if (c != 27)
        return c;
    /* ESC [ A..D, ESC [ 3 ~ ...: a key; a lone ESC is itself */
    struct termios t, quick;
    int have = tcgetattr(fd, &t) == 0;
    if (have) {
        quick = t;
        quick.c_cc[VMIN] = 0;
        quick.c_cc[VTIME] = 1;
        tcsetattr(fd, TCSANOW, &quick);
    }
    unsigned char s[3];
    int n = (int)read(fd, s, 1);
    if (n == 1 && (s[0] == '[' || s[0] == 'O'))
        n += (int)read(fd, s + 1, 1);
    if (n == 2 && s[1] >= '0' && s[1] <= '9')
        n += (int)read(fd, s + 2, 1);   /* the '~' */
    if (have)
        tcsetattr(fd, TCSANOW, &t);
    if (n < 2)
        return 27;
    switch (s[1]) {
    case 'A': return KEY_UP;
    case 'B': return KEY_DOWN;
    case 'C': return KEY_RIGHT;
    case 'D': return KEY_LEFT;
    case 'H': return KEY_HOME;
    case 'F': return KEY_END;
    case '5': return KEY_PGUP;
    case '6': return KEY_PGDN;
    case '3': return KEY_DEL;
    default: return 27;
    }
}
