/* socketpair for the three types: a stream that joins writes, datagrams
 * and sequenced packets that keep them apart; SO_TYPE; poll sees POLLIN,
 * POLLOUT, POLLRDHUP and POLLHUP; and a pair shared across fork. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, short ev)
{
    printf("%s:%s%s%s%s\n", what, ev & POLLIN ? " POLLIN" : "", ev & POLLOUT ? " POLLOUT" : "",
           ev & POLLRDHUP ? " POLLRDHUP" : "", ev & POLLHUP ? " POLLHUP" : "");
}

int main(void)
{
    static const int types[] = { SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET };
    static const char *const names[] = { "stream", "dgram", "seqpacket" };
    for (int t = 0; t < 3; t++) {
        int sv[2];
        if (socketpair(AF_UNIX, types[t], 0, sv) < 0) {
            printf("%s: %s\n", names[t], strerror(errno));
            continue;
        }
        int type;
        socklen_t len = sizeof type;
        getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &type, &len);
        write(sv[0], "abc", 3);
        write(sv[0], "defg", 4);
        char buf[16];
        long n1 = read(sv[1], buf, sizeof buf);
        long n2 = recv(sv[1], buf, sizeof buf, MSG_DONTWAIT);
        printf("%s: SO_TYPE %s, two writes read as %ld then %ld bytes\n", names[t],
               type == types[t] ? "right" : "wrong", n1, n2);
        close(sv[0]);
        close(sv[1]);
    }

    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
    struct pollfd p = { sv[1], POLLIN | POLLOUT | POLLRDHUP, 0 };
    poll(&p, 1, 0);
    show("empty", p.revents);
    write(sv[0], "x", 1);
    poll(&p, 1, 0);
    show("data", p.revents);
    shutdown(sv[0], SHUT_WR);
    poll(&p, 1, 0);
    show("peer shut its writing", p.revents);
    close(sv[0]);
    poll(&p, 1, 0);
    show("peer closed", p.revents);
    close(sv[1]);

    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        char buf[32];
        long n = read(sv[1], buf, sizeof buf);
        write(sv[1], buf, (size_t)n);       /* back to the parent */
        _exit(0);
    }
    close(sv[1]);
    write(sv[0], "through fork", 12);
    char buf[32];
    long n = read(sv[0], buf, sizeof buf);
    printf("the child sent back: %.*s\n", (int)n, buf);
    waitpid(pid, NULL, 0);
    printf("after the child exits, read gives %ld\n", (long)read(sv[0], buf, sizeof buf));
    return 0;
}
