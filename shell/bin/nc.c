/*
 * nc - connect standard input and output to a Unix-domain socket.
 *
 *   nc -U PATH        connect to the stream socket bound to PATH
 *   nc -U -l PATH     bind PATH, listen, and serve one connection
 *   nc -U -u ...      the same with datagram sockets
 *
 *   $ nc -U -l /tmp/s &
 *   $ echo hi | nc -U /tmp/s
 *   hi
 *
 * Whatever comes on standard input goes to the socket, whatever comes from
 * the socket goes to standard output; poll waits on both at once
 * (docs/ipc/sockets.md). When standard input ends, nc shuts down its
 * sending side (shutdown(SHUT_WR)), so the peer reads end of file, and it
 * exits once the peer has done the same - as OpenBSD's nc does with -N.
 * With -u every read of standard input is one datagram, sent until the
 * input ends; a datagram listener only receives, and runs until killed (a
 * datagram socket has no end of file).
 * The socket node stays after nc exits, as on Linux: rm removes it.
 *
 * Only Unix-domain sockets: there is no network.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static const char *path;

static void usage(void)
{
    fprintf(stderr, "usage: nc -U [-l] [-u] PATH\n");
    exit(1);
}

static void die(const char *what)
{
    fprintf(stderr, "nc: %s: %s\n", what, strerror(errno));
    exit(1);
}

static socklen_t address(struct sockaddr_un *a)
{
    memset(a, 0, sizeof *a);
    a->sun_family = AF_UNIX;
    if (strlen(path) >= sizeof a->sun_path) {
        errno = ENAMETOOLONG;
        die(path);
    }
    strcpy(a->sun_path, path);
    return (socklen_t)sizeof *a;
}

/* All of buf to fd, or die. */
static void write_all(int fd, const char *buf, size_t n, const char *what)
{
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            die(what);
        }
        buf += w;
        n -= (size_t)w;
    }
}

/* Copy between standard input/output and s until both directions end:
 * the peer's end of file, and ours. */
static void relay(int s, int dgram, int listener)
{
    char buf[4096];
    struct pollfd fds[2] = { { s, POLLIN, 0 }, { 0, POLLIN, 0 } };
    int net_open = 1;
    int in_open = !(dgram && listener);    /* a datagram listener only receives */
    while (net_open || in_open) {
        fds[0].fd = net_open ? s : -1;
        fds[1].fd = in_open ? 0 : -1;
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            die("poll");
        }
        if (fds[0].revents) {
            ssize_t n = read(s, buf, sizeof buf);
            if (n < 0)
                die("read");
            if (n == 0 && !dgram)
                net_open = 0;               /* the peer has finished */
            write_all(1, buf, (size_t)n, "write");
        }
        if (fds[1].revents) {
            ssize_t n = read(0, buf, sizeof buf);
            if (n < 0)
                die("read");
            if (n > 0) {
                write_all(s, buf, (size_t)n, path);
                continue;
            }
            in_open = 0;
            if (dgram)
                return;                     /* nothing more to send, none to wait for */
            shutdown(s, SHUT_WR);
        }
    }
}

int main(int argc, char **argv)
{
    int unix_ = 0, listen_ = 0, dgram = 0, c;
    while ((c = getopt(argc, argv, "Ulu")) != -1) {
        switch (c) {
        case 'U': unix_ = 1; break;
        case 'l': listen_ = 1; break;
        case 'u': dgram = 1; break;
        default: usage();
        }
    }
    if (!unix_ || optind != argc - 1)
        usage();
    path = argv[optind];
    signal(SIGPIPE, SIG_IGN);               /* EPIPE says it better */

    struct sockaddr_un a;
    socklen_t len = address(&a);
    int s = socket(AF_UNIX, dgram ? SOCK_DGRAM : SOCK_STREAM, 0);
    if (s < 0)
        die("socket");
    if (listen_) {
        if (bind(s, (struct sockaddr *)&a, len) < 0)
            die(path);
        if (!dgram) {
            if (listen(s, 1) < 0)
                die("listen");
            int conn = accept(s, NULL, NULL);
            if (conn < 0)
                die("accept");
            close(s);
            s = conn;
        }
    } else if (connect(s, (struct sockaddr *)&a, len) < 0) {
        die(path);
    }
    relay(s, dgram, listen_);
    return 0;
}
