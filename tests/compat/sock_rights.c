/* SCM_RIGHTS: descriptors passed over a socketpair are new descriptors
 * to the same open files; several in one message; MSG_CTRUNC when the
 * control buffer is too short; SCM_CREDENTIALS with SO_PASSCRED; and a
 * socket sent over itself, then closed, does not keep anything alive. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static long send_fds(int s, const int *fds, int n)
{
    char space[CMSG_SPACE(sizeof(int) * 4)];
    memset(space, 0, sizeof space);
    struct iovec iov = { "R", 1 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = space,
                        .msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)n) };
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)n);
    memcpy(CMSG_DATA(c), fds, sizeof(int) * (size_t)n);
    return sendmsg(s, &m, 0);
}

/* The descriptors received (up to 4 in fds), their count; *flags gets msg_flags. */
static int recv_fds(int s, int *fds, size_t room, int *flags)
{
    char space[CMSG_SPACE(sizeof(int) * 4)];
    char byte;
    struct iovec iov = { &byte, 1 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = space,
                        .msg_controllen = room };
    if (recvmsg(s, &m, 0) < 0)
        return -1;
    *flags = m.msg_flags;
    int n = 0;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
        if (c->cmsg_type == SCM_RIGHTS) {
            n = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
            memcpy(fds, CMSG_DATA(c), sizeof(int) * (size_t)n);
        }
    return n;
}

int main(void)
{
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    int fd = open("rights.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
    write(fd, "0123456789", 10);
    lseek(fd, 4, SEEK_SET);
    int p[2];
    pipe(p);
    int send[3] = { fd, p[0], p[1] };
    printf("sendmsg with 3 descriptors: %ld\n", send_fds(sv[0], send, 3));
    close(fd);
    close(p[0]);
    close(p[1]);
    int got[4], flags;
    int n = recv_fds(sv[1], got, sizeof(got) + CMSG_SPACE(0), &flags);
    printf("received %d descriptors\n", n);
    char buf[16];
    long r = read(got[0], buf, sizeof buf);
    printf("the file reads on from offset 4: '%.*s'\n", (int)r, buf);
    write(got[2], "via pipe", 8);
    r = read(got[1], buf, sizeof buf);
    printf("the pipe's ends still join: '%.*s'\n", (int)r, buf);
    for (int i = 0; i < n; i++)
        close(got[i]);

    int one = open("rights.txt", O_RDONLY);
    send_fds(sv[0], &one, 1);
    close(one);
    n = recv_fds(sv[1], got, CMSG_LEN(0), &flags);
    printf("a control buffer with no room: %d descriptors, MSG_CTRUNC %s\n", n,
           flags & MSG_CTRUNC ? "set" : "clear");

    int on = 1;
    setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof on);
    write(sv[0], "c", 1);
    char space[CMSG_SPACE(sizeof(struct ucred))];
    char byte;
    struct iovec iov = { &byte, 1 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = space,
                        .msg_controllen = sizeof space };
    recvmsg(sv[1], &m, 0);
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    if (c && c->cmsg_type == SCM_CREDENTIALS) {
        struct ucred cr;
        memcpy(&cr, CMSG_DATA(c), sizeof cr);
        printf("SCM_CREDENTIALS: pid %s, uid %s\n", cr.pid == getpid() ? "mine" : "other",
               cr.uid == getuid() ? "mine" : "other");
    } else {
        printf("SCM_CREDENTIALS: none\n");
    }

    /* The classic cycle: each end in flight inside the other's queue. */
    int self[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, self);
    send_fds(self[0], &self[1], 1);
    send_fds(self[1], &self[0], 1);
    close(self[0]);
    close(self[1]);
    printf("a pair sent over itself and closed: done\n");
    unlink("rights.txt");
    return 0;
}
