/* poll on a pipe whose writer has gone: the data first, then POLLHUP;
 * and on a pipe whose reader has gone: POLLERR, and write fails. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void show(const char *what, short revents)
{
    printf("%s:%s%s%s%s\n", what, revents & POLLIN ? " POLLIN" : "",
           revents & POLLOUT ? " POLLOUT" : "", revents & POLLHUP ? " POLLHUP" : "",
           revents & POLLERR ? " POLLERR" : "");
}

int main(void)
{
    int fd[2];
    pipe(fd);
    write(fd[1], "last words", 10);
    close(fd[1]);
    struct pollfd p = { fd[0], POLLIN, 0 };
    printf("poll returns %d\n", poll(&p, 1, 1000));
    show("read end, data left", p.revents);
    char buf[32];
    printf("read %zd bytes\n", read(fd[0], buf, sizeof buf));
    printf("poll returns %d\n", poll(&p, 1, 1000));
    show("read end, empty", p.revents);
    printf("read %zd bytes\n", read(fd[0], buf, sizeof buf));
    close(fd[0]);

    signal(SIGPIPE, SIG_IGN);
    pipe(fd);
    close(fd[0]);
    struct pollfd w = { fd[1], POLLOUT, 0 };
    printf("poll returns %d\n", poll(&w, 1, 1000));
    show("write end, no reader", w.revents);
    if (write(fd[1], "x", 1) < 0)
        printf("write: %s\n", strerror(errno));
    return 0;
}
