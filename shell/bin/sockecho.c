/*
 * sockecho - an echo server on a Unix-domain socket that serves several
 * clients at once with poll (docs/ipc/sockets.md).
 *
 *   sockecho [-n CLIENTS] [PATH]     (3 clients, ./echo.sock)
 *
 * The program binds PATH, listens, and forks CLIENTS clients. The server
 * (the parent) polls the listening socket and every connection together:
 * a new connection is accepted, what a client sends is sent back, a client
 * that closes is dropped. To show that the clients are served at the same
 * time - not one after the other - each client connects, says hello, and
 * then waits for the server's "go", which the server sends only once every
 * client has been echoed; then each says goodbye and closes. The server
 * prints what it saw, the clients say whether their echo came back, in
 * turn after it, so the output does not depend on who runs first. PATH is
 * removed at the end.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXC 16

static void die(const char *what)
{
    fprintf(stderr, "sockecho: %s: %s\n", what, strerror(errno));
    exit(1);
}

/* A client: hello, its echo, the server's go, goodbye and its echo.
 * Exit status 0 when every echo came back whole. */
static int client(const struct sockaddr_un *a, int n)
{
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (s < 0 || connect(s, (const struct sockaddr *)a, sizeof *a) < 0)
        die("connect");
    char msg[64], buf[64];
    int len = snprintf(msg, sizeof msg, "hello from client %d", n);
    if (write(s, msg, (size_t)len) != len)
        return 2;
    if (recv(s, buf, (size_t)len, MSG_WAITALL) != len || memcmp(buf, msg, (size_t)len))
        return 3;
    if (recv(s, buf, 2, MSG_WAITALL) != 2 || memcmp(buf, "go", 2))
        return 4;
    len = snprintf(msg, sizeof msg, "goodbye from client %d", n);
    if (write(s, msg, (size_t)len) != len)
        return 5;
    if (recv(s, buf, (size_t)len, MSG_WAITALL) != len || memcmp(buf, msg, (size_t)len))
        return 6;
    close(s);
    return 0;
}

int main(int argc, char **argv)
{
    int nclients = 3, c;
    while ((c = getopt(argc, argv, "n:")) != -1) {
        if (c != 'n' || (nclients = atoi(optarg)) < 1 || nclients > MAXC) {
            fprintf(stderr, "usage: sockecho [-n CLIENTS] [PATH]\n");
            return 1;
        }
    }
    const char *path = optind < argc ? argv[optind] : "echo.sock";
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    snprintf(a.sun_path, sizeof a.sun_path, "%s", path);
    int ls = socket(AF_UNIX, SOCK_STREAM, 0);
    if (ls < 0)
        die("socket");
    if (bind(ls, (struct sockaddr *)&a, sizeof a) < 0 || listen(ls, MAXC) < 0)
        die(path);
    pid_t pids[MAXC];
    for (int i = 0; i < nclients; i++) {
        if ((pids[i] = fork()) < 0)
            die("fork");
        if (pids[i] == 0) {
            close(ls);
            _exit(client(&a, i + 1));
        }
    }

    /* fds[0] the listener, fds[1..] the connections (-1: closed). */
    struct pollfd fds[MAXC + 1] = { { ls, POLLIN, 0 } };
    int conns = 0, hellos = 0, most = 0, open_now = 0, finished = 0;
    long echoed = 0;
    while (finished < nclients) {
        if (poll(fds, (nfds_t)(conns + 1), -1) < 0)
            die("poll");
        if (fds[0].revents & POLLIN) {
            int s = accept(ls, NULL, NULL);
            if (s < 0)
                die("accept");
            fds[++conns] = (struct pollfd){ s, POLLIN, 0 };
            if (++open_now > most)
                most = open_now;
        }
        for (int i = 1; i <= conns; i++) {
            if (fds[i].fd < 0 || !fds[i].revents)
                continue;
            char buf[256];
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_now--;
                finished++;
                continue;
            }
            write(fds[i].fd, buf, (size_t)n);
            echoed += n;
            if (memcmp(buf, "hello", 5) == 0 && ++hellos == nclients)
                for (int j = 1; j <= conns; j++)    /* everyone is here: go */
                    write(fds[j].fd, "go", 2);
        }
    }
    close(ls);
    unlink(path);
    printf("server: %d clients, %d connected at once, %ld bytes echoed\n",
           nclients, most, echoed);
    for (int i = 0; i < nclients; i++) {
        int st;
        waitpid(pids[i], &st, 0);
        printf("client %d: %s\n", i + 1,
               WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "every echo came back" : "failed");
    }
    return 0;
}
