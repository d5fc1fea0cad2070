/*
 * sockbench.c - measure Unix-domain sockets and POSIX message queues.
 *
 *   sockbench stream [CHUNK]   MB/s through a stream socketpair, CHUNK-byte writes (4096)
 *   sockbench pingpong         microseconds per 1-byte round trip over a socketpair
 *   sockbench dgram            64-byte datagrams per second over a socketpair
 *   sockbench mq               64-byte messages per second through a POSIX queue
 *
 * The same source runs inside Duplex and on the host (make bench builds it
 * for both, as pipebench), so the two figures are measured by the same
 * code. Each test repeats until it has run for about half a second, and
 * prints one line, "NAME VALUE UNIT". The partner is a forked child.
 */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MSG 64
#define MQNAME "/sockbench"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
    fprintf(stderr, "sockbench: %s: %s\n", what, strerror(errno));
    exit(1);
}

static pid_t child(int (*fn)(int), int fd, int other)
{
    pid_t pid = fork();
    if (pid < 0)
        die("fork");
    if (pid == 0) {
        close(other);
        _exit(fn(fd));
    }
    close(fd);
    return pid;
}

static int sink(int fd)
{
    static char buf[1 << 16];
    while (read(fd, buf, sizeof buf) > 0)
        ;
    return 0;
}

static int echo(int fd)
{
    char c;
    while (read(fd, &c, 1) == 1)
        if (write(fd, &c, 1) != 1)
            return 1;
    return 0;
}

/* Datagrams until the 1-byte one that ends the run. */
static int dgram_sink(int fd)
{
    char buf[MSG];
    while (recv(fd, buf, sizeof buf, 0) > 1)
        ;
    return 0;
}

static void write_all(int fd, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w < 0)
            die("write");
        buf += w;
        n -= (size_t)w;
    }
}

static void stream(size_t chunk)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
        die("socketpair");
    pid_t pid = child(sink, sv[1], sv[0]);
    char *buf = calloc(1, chunk);
    double t0 = now_s(), t;
    unsigned long long bytes = 0;
    do {
        for (int i = 0; i < 256; i++) {
            write_all(sv[0], buf, chunk);
            bytes += chunk;
        }
        t = now_s() - t0;
    } while (t < 0.5);
    close(sv[0]);
    waitpid(pid, NULL, 0);
    t = now_s() - t0;
    printf("sock-stream-throughput %.0f MB/s\n", (double)bytes / t / 1e6);
    free(buf);
}

static void pingpong(void)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
        die("socketpair");
    pid_t pid = child(echo, sv[1], sv[0]);
    double t0 = now_s(), t;
    long trips = 0;
    char c = 'x';
    do {
        for (int i = 0; i < 1000; i++, trips++)
            if (write(sv[0], &c, 1) != 1 || read(sv[0], &c, 1) != 1)
                die("ping-pong");
        t = now_s() - t0;
    } while (t < 0.5);
    close(sv[0]);
    waitpid(pid, NULL, 0);
    printf("sock-roundtrip %.3f us\n", t / (double)trips * 1e6);
}

static void dgram(void)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
        die("socketpair");
    pid_t pid = child(dgram_sink, sv[1], sv[0]);
    char buf[MSG] = { 0 };
    double t0 = now_s(), t;
    long msgs = 0;
    do {
        for (int i = 0; i < 1000; i++, msgs++)
            if (send(sv[0], buf, sizeof buf, 0) != (ssize_t)sizeof buf)
                die("send");
        t = now_s() - t0;
    } while (t < 0.5);
    send(sv[0], "E", 1, 0);
    waitpid(pid, NULL, 0);
    t = now_s() - t0;
    printf("sock-dgram-msgs-per-sec %.0f msgs/s\n", (double)msgs / t);
}

static int mq_sink(int unused)
{
    (void)unused;
    mqd_t q = mq_open(MQNAME, O_RDONLY);
    if (q < 0)
        die("mq_open");
    char buf[MSG];
    unsigned prio = 0;
    while (mq_receive(q, buf, sizeof buf, &prio) >= 0 && prio == 0)
        ;
    return 0;
}

static void mq(void)
{
    mq_unlink(MQNAME);
    struct mq_attr at = { .mq_maxmsg = 10, .mq_msgsize = MSG };
    mqd_t q = mq_open(MQNAME, O_CREAT | O_EXCL | O_WRONLY, 0600, &at);
    if (q < 0)
        die("mq_open");
    int spare = dup(0);                 /* child() closes one descriptor each side */
    pid_t pid = child(mq_sink, spare, -1);
    char buf[MSG] = { 0 };
    double t0 = now_s(), t;
    long msgs = 0;
    do {
        for (int i = 0; i < 1000; i++, msgs++)
            if (mq_send(q, buf, sizeof buf, 0) < 0)
                die("mq_send");
        t = now_s() - t0;
    } while (t < 0.5);
    mq_send(q, "E", 1, 1);              /* priority 1: the end */
    waitpid(pid, NULL, 0);
    t = now_s() - t0;
    mq_close(q);
    mq_unlink(MQNAME);
    printf("mq-msgs-per-sec %.0f msgs/s\n", (double)msgs / t);
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "stream") == 0)
        stream(argc > 2 ? (size_t)atol(argv[2]) : 4096);
    else if (argc == 2 && strcmp(argv[1], "pingpong") == 0)
        pingpong();
    else if (argc == 2 && strcmp(argv[1], "dgram") == 0)
        dgram();
    else if (argc == 2 && strcmp(argv[1], "mq") == 0)
        mq();
    else {
        fprintf(stderr, "usage: sockbench stream [CHUNK] | pingpong | dgram | mq\n");
        return 2;
    }
    return 0;
}
