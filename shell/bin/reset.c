/*
 * reset - bring a confused terminal back: after `cat` of a binary file,
 * or a program that died leaving the terminal raw or without echo.
 *
 *   reset
 *
 * Two things, as ncurses' reset does:
 *
 *  - the tty's modes become usable again, on standard error or output if
 *    one is a terminal, else /dev/tty, else standard input: canonical input
 *    with echo and signal characters, '\r' read as '\n', "\n" written as
 *    "\r\n" - the flags stty(1) shows, as the kernel sets them at boot -
 *    and every special character that was disabled gets its usual key
 *    back (^C ^\ DEL ^U ^D ^Z ^W). Flags outside that set (IXON, ...)
 *    are left as they are.
 *
 *  - the terminal itself is reset, with the strings xterm's terminfo
 *    entry gives (rs1, rs2; Duplex's TERM is xterm-256color, which both the
 *    page's xterm.js and a host terminal under QEMU understand):
 *      ESC c           full reset (RIS): modes, character sets, colours,
 *                      the screen cleared
 *      ESC ] 104 BEL   the colour palette back to its defaults
 *      ESC [ ! p       soft reset (DECSTR)
 *      ESC [ ? 3;4 l   80 columns, jump scrolling
 *      ESC [ 4 l       replace mode, not insert
 *      ESC >           the keypad sends digits
 *
 * The strings go to the terminal that was found, not to standard output,
 * as ncurses' reset does: `reset > /dev/null` still resets. Arguments are
 * ignored. Exit status 0; 1 if there is no terminal at all.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const char rs[] = "\033c\033]104\007" "\033[!p\033[?3;4l\033[4l\033>";

/* The terminal reset works on: standard error or output if one is a
 * terminal (it must be written to), else the controlling terminal, else
 * standard input. */
static int terminal(void)
{
    for (int fd = 2; fd >= 1; fd--)
        if (isatty(fd))
            return fd;
    int fd = open("/dev/tty", O_RDWR);
    return fd >= 0 || !isatty(0) ? fd : 0;
}

static void sane(struct termios *t)
{
    t->c_iflag &= ~(tcflag_t)(ISTRIP | INLCR | IGNCR);
    t->c_iflag |= ICRNL;
    t->c_oflag |= OPOST | ONLCR;
    t->c_cflag &= ~(tcflag_t)CSIZE;
    t->c_cflag |= CS8 | CREAD;
    t->c_lflag &= ~(tcflag_t)(ECHONL | NOFLSH | TOSTOP);
    t->c_lflag |= ISIG | ICANON | IEXTEN | ECHO | ECHOE | ECHOK | ECHOCTL;
    static const struct { int index; cc_t key; } keys[] = {
        { VINTR, 0x03 }, { VQUIT, 0x1c }, { VERASE, 0x7f }, { VKILL, 0x15 },
        { VEOF, 0x04 }, { VSUSP, 0x1a }, { VWERASE, 0x17 },
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (t->c_cc[keys[i].index] == 0)
            t->c_cc[keys[i].index] = keys[i].key;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}

int main(void)
{
    int fd = terminal();
    struct termios t;
    if (fd < 0 || tcgetattr(fd, &t) != 0) {
        fprintf(stderr, "reset: not a terminal\n");
        return 1;
    }
    int status = 0;
    if (write(fd, rs, sizeof rs - 1) != (ssize_t)(sizeof rs - 1)) {
        perror("reset");
        status = 1;
    }
    sane(&t);
    if (tcsetattr(fd, TCSADRAIN, &t) != 0) {
        perror("reset");
        status = 1;
    }
    return status;
}
