/* A stream socket bound to a path: the node, EADDRINUSE, a connection
 * through listen/connect/accept, the names each end reports, end of file
 * after shutdown, EPIPE after the peer closed, ECONNREFUSED with nobody
 * listening and ENOENT with no node. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    strcpy(a.sun_path, "stream.sock");
    int ls = socket(AF_UNIX, SOCK_STREAM, 0);
    result("bind", bind(ls, (struct sockaddr *)&a, sizeof a));
    struct stat st;
    stat("stream.sock", &st);
    printf("node is a socket: %d\n", S_ISSOCK(st.st_mode));
    int other = socket(AF_UNIX, SOCK_STREAM, 0);
    result("bind again", bind(other, (struct sockaddr *)&a, sizeof a));
    result("connect before listen", connect(other, (struct sockaddr *)&a, sizeof a));
    result("listen", listen(ls, 2));
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    result("connect", connect(c, (struct sockaddr *)&a, sizeof a));
    int s = accept(ls, NULL, NULL);
    printf("accept: %s\n", s >= 0 ? "a new descriptor" : strerror(errno));

    struct sockaddr_un n;
    socklen_t len = sizeof n;
    getsockname(s, (struct sockaddr *)&n, &len);
    printf("server end's name: %s (length %u)\n", n.sun_path, (unsigned)len);
    len = sizeof n;
    getpeername(s, (struct sockaddr *)&n, &len);
    printf("its peer's name length: %u\n", (unsigned)len);

    result("write", write(c, "hello, world", 12));
    char buf[32];
    result("recv MSG_PEEK", recv(s, buf, 5, MSG_PEEK));
    result("read", read(s, buf, sizeof buf));
    result("recv MSG_DONTWAIT, nothing there", recv(s, buf, sizeof buf, MSG_DONTWAIT));
    result("shutdown SHUT_WR", shutdown(c, SHUT_WR));
    result("read after shutdown (end of file)", read(s, buf, sizeof buf));
    result("write after SHUT_WR", write(c, "x", 1));
    close(s);
    result("write to a closed peer", write(c, "x", 1));
    close(c);
    close(ls);

    int d = socket(AF_UNIX, SOCK_STREAM, 0);
    result("connect, nobody listening", connect(d, (struct sockaddr *)&a, sizeof a));
    unlink("stream.sock");
    result("connect, no node", connect(d, (struct sockaddr *)&a, sizeof a));
    result("socket, protocol 7", socket(AF_UNIX, SOCK_STREAM, 7));
    int pfd[2];
    pipe(pfd);
    result("listen on a pipe", listen(pfd[0], 1));
    return 0;
}
