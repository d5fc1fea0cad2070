/*
 * termios.c - the terminal: attributes (tcgetattr, tcsetattr, cfmakeraw),
 * the foreground process group (tcgetpgrp, tcsetpgrp), the queues
 * (tcdrain, tcflush), isatty, and the ioctl system call they are all made
 * of.
 *
 * struct termios has the kernel's layout (kernel/uapi/termios.h), so the
 * requests pass it straight through; the assertions below keep it so.
 */
#include "libc.h"
#include <stdarg.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

_Static_assert(sizeof(struct termios) == sizeof(struct k_termios), "termios layout");
_Static_assert(__builtin_offsetof(struct termios, c_cc) ==
               __builtin_offsetof(struct k_termios, c_cc), "termios layout");
_Static_assert(sizeof(struct winsize) == sizeof(struct k_winsize), "winsize layout");

int ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    va_start(ap, request);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    return (int)sys_ret(sys3(SYS_ioctl, fd, (long)request, P(arg)));
}

int tcgetattr(int fd, struct termios *t)
{
    return ioctl(fd, TCGETS, t);
}

int tcsetattr(int fd, int when, const struct termios *t)
{
    unsigned long req;
    switch (when) {
    case TCSANOW:   req = TCSETS; break;
    case TCSADRAIN: req = TCSETSW; break;
    case TCSAFLUSH: req = TCSETSF; break;
    default:
        errno = EINVAL;
        return -1;
    }
    return ioctl(fd, req, t);
}

/* Raw mode, as glibc makes it: no input translation, no output
 * processing, no echo, no line editing, no signal keys; bytes arrive one
 * at a time. */
void cfmakeraw(struct termios *t)
{
    t->c_iflag &= ~(tcflag_t)(BRKINT | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t->c_oflag &= ~(tcflag_t)OPOST;
    t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t->c_cflag &= ~(tcflag_t)CSIZE;
    t->c_cflag |= CS8;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}

pid_t tcgetpgrp(int fd)
{
    pid_t pgrp;
    if (ioctl(fd, TIOCGPGRP, &pgrp) < 0)
        return -1;
    return pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
    return ioctl(fd, TIOCSPGRP, &pgrp);
}

int tcdrain(int fd)
{
    return ioctl(fd, TCSBRK, 1);
}

int tcflush(int fd, int queue)
{
    return ioctl(fd, TCFLSH, queue);
}

pid_t tcgetsid(int fd)
{
    pid_t sid;
    if (ioctl(fd, TIOCGSID, &sid) < 0)
        return -1;
    return sid;
}

/* A terminal is whatever answers TCGETS. errno is ENOTTY otherwise. */
int isatty(int fd)
{
    struct k_termios t;
    long r = sys3(SYS_ioctl, fd, TCGETS, P(&t));
    if (sys_failed(r)) {
        errno = r == -EBADF ? EBADF : ENOTTY;
        return 0;
    }
    return 1;
}
