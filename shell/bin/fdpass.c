/*
 * fdpass - pass an open file from one process to another over a
 * socketpair with SCM_RIGHTS (docs/ipc/sockets.md).
 *
 *   fdpass [FILE]        (fdpass.txt, made and removed)
 *
 * The parent opens FILE, reads its first line, and sends the descriptor
 * to its child in a control message; then it closes its own. The child,
 * which never opened the file, receives a new descriptor for the same
 * open file - and so the same offset: it reads on from where the parent
 * stopped. The credentials of the sender come along (SCM_CREDENTIALS) and
 * SO_PEERCRED names the peer, both giving the parent's process id.
 */
#define _GNU_SOURCE                 /* struct ucred, in glibc */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void die(const char *what)
{
    fprintf(stderr, "fdpass: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void send_fd(int s, int fd)
{
    union { struct cmsghdr h; char space[CMSG_SPACE(sizeof(int))]; } u;
    memset(&u, 0, sizeof u);
    struct iovec iov = { "F", 1 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
                        .msg_control = u.space, .msg_controllen = sizeof u.space };
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
    if (sendmsg(s, &m, 0) != 1)
        die("sendmsg");
}

/* The descriptor in the one message on s, -1 if none came. */
static int recv_fd(int s)
{
    union { struct cmsghdr h; char space[CMSG_SPACE(sizeof(int))]; } u;
    char byte;
    struct iovec iov = { &byte, 1 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
                        .msg_control = u.space, .msg_controllen = sizeof u.space };
    ssize_t n = recvmsg(s, &m, 0);
    if (n < 0)
        die("recvmsg");
    if (n == 0) {                   /* the sender closed without sending */
        fprintf(stderr, "fdpass: no descriptor came: the sender ended first\n");
        exit(1);
    }
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            int fd;
            memcpy(&fd, CMSG_DATA(c), sizeof fd);
            return fd;
        }
    return -1;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "fdpass.txt";
    int made = argc <= 1;
    if (made) {
        FILE *f = fopen(path, "w");
        if (!f)
            die(path);
        fputs("line one, read by the parent\nline two, read by the child\n", f);
        fclose(f);
    }
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
        die("socketpair");
    pid_t pid = fork();
    if (pid < 0)
        die("fork");
    if (pid == 0) {
        close(sv[0]);
        int fd = recv_fd(sv[1]);
        if (fd < 0) {
            printf("child: no descriptor came\n");
            fflush(stdout);
            _exit(1);
        }
        struct ucred cr;
        socklen_t len = sizeof cr;
        getsockopt(sv[1], SOL_SOCKET, SO_PEERCRED, &cr, &len);
        printf("child: got a descriptor from %s\n",
               cr.pid == getppid() ? "its parent (SO_PEERCRED)" : "someone else");
        char buf[128];
        ssize_t n = read(fd, buf, sizeof buf - 1);
        buf[n > 0 ? n : 0] = '\0';
        printf("child: read on: %s", buf);
        fflush(stdout);
        _exit(0);
    }
    close(sv[1]);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        die(path);
    char buf[64];
    size_t n = 0;
    while (n < sizeof buf - 1 && read(fd, buf + n, 1) == 1 && buf[n++] != '\n')
        continue;
    buf[n] = '\0';
    printf("parent: read: %s", buf);
    printf("parent: sends the descriptor and closes its own\n");
    fflush(stdout);                 /* before the child can print */
    send_fd(sv[0], fd);
    close(fd);
    int st;
    waitpid(pid, &st, 0);
    if (made)
        unlink(path);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
