/* Datagram sockets: message boundaries kept, the sender's address,
 * truncation with MSG_TRUNC, a default peer with connect, EDESTADDRREQ
 * and ECONNREFUSED. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static struct sockaddr_un addr(const char *path)
{
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    strcpy(a.sun_path, path);
    return a;
}

int main(void)
{
    struct sockaddr_un sa = addr("server.sock"), ca = addr("client.sock");
    int s = socket(AF_UNIX, SOCK_DGRAM, 0), c = socket(AF_UNIX, SOCK_DGRAM, 0);
    result("bind server", bind(s, (struct sockaddr *)&sa, sizeof sa));
    result("bind client", bind(c, (struct sockaddr *)&ca, sizeof ca));
    result("send, no address", send(c, "x", 1, 0));
    result("sendto one", sendto(c, "one", 3, 0, (struct sockaddr *)&sa, sizeof sa));
    result("sendto two", sendto(c, "two!", 4, 0, (struct sockaddr *)&sa, sizeof sa));
    result("sendto empty", sendto(c, "", 0, 0, (struct sockaddr *)&sa, sizeof sa));
    char buf[64];
    struct sockaddr_un from;
    socklen_t flen = sizeof from;
    long n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    printf("recvfrom: %ld '%.*s' from %s\n", n, (int)n, buf, from.sun_path);
    result("recv 2 bytes of 4, MSG_TRUNC", recv(s, buf, 2, MSG_TRUNC));
    result("recv the empty one", recv(s, buf, sizeof buf, 0));
    result("recv, none left, MSG_DONTWAIT", recv(s, buf, sizeof buf, MSG_DONTWAIT));

    result("connect client to server", connect(c, (struct sockaddr *)&sa, sizeof sa));
    result("send to the default peer", send(c, "three", 5, 0));
    struct iovec iov = { buf, 3 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
    n = recvmsg(s, &m, 0);
    printf("recvmsg into 3 bytes: %ld, MSG_TRUNC %s\n", n, m.msg_flags & MSG_TRUNC ? "set" : "clear");
    close(s);
    unlink("server.sock");
    result("send to a server that has gone", send(c, "four", 4, 0));
    close(c);
    unlink("client.sock");
    return 0;
}
