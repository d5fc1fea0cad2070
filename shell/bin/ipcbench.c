/*
 * ipcbench - measure Duplex's own IPC: the port call round trip and the
 * rate of channel messages.
 *
 *   ipcbench [port | chan]       both, when no argument is given
 *
 * One line per figure, "NAME VALUE UNIT" (the format of pipebench, which
 * make bench reads):
 *
 *   port-call-roundtrip X us          a port_call answered by a server that
 *                                     waits in port_recv: the fast path
 *                                     hands each request straight to it
 *   port-call-roundtrip-queued X us   the same through a port made with
 *                                     PORT_QUEUED: every request is queued
 *   port-call-roundtrip-4-servers X us, ...-4-servers-queued X us
 *                                     the same with four servers waiting on
 *                                     the port: the fast path wakes one, the
 *                                     queue all four
 *   chan-msgs-per-sec X msgs/s        4-byte messages through a channel with
 *                                     room for 64, to a consumer process
 *
 * The port figures are the best of five rounds of 0.1 s each, the four
 * set-ups alternating, after a warm-up round; the channel figure is
 * one run of about half a second. The partner processes are this program
 * again (--server, --sink): Duplex has no fork.
 */
#include <duplex.h>
#include <duplex/chan.h>
#include <duplex/port.h>
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "util/util.h"

extern char **environ;

CHAN_DECLARE(intchan, int)

/* Start `self ROLE FD`; the child inherits fd, and closes `drop`. */
static pid_t partner(const char *self, const char *role, int fd, int drop)
{
    char num[16];
    snprintf(num, sizeof num, "%d", fd);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (drop >= 0)
        posix_spawn_file_actions_addclose(&fa, drop);
    char *argv[] = { (char *)self, (char *)role, num, NULL };
    pid_t pid;
    int r = posix_spawnp(&pid, self, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (r != 0) {
        errno = r;
        die("cannot start the partner");
    }
    return pid;
}

/* ---- ports ------------------------------------------------------------------ */

/* Answer every call with its own message, one system call per request;
 * a call of type 0 is the last. */
static int server(int port)
{
    port_msg m;
    int reply = -1;
    for (;;) {
        if (port_reply_recv(reply, &m, port, &m, 0) < 0)
            die("server: port_reply_recv");
        reply = m.reply;
        if (m.type == 0)
            break;
    }
    if (port_reply(reply, &m) < 0)
        die("server: port_reply");
    return 0;
}

/* A port with servers answering on it, and a SEND handle to call it. */
#define MAXSERVERS 4
struct bench_port {
    const char *name;
    int         handle;
    int         nservers;
    pid_t       servers[MAXSERVERS];
    double      best;           /* seconds per round trip, the best round */
};

static void port_start(struct bench_port *b, const char *self, const char *name,
                       int flags, int nservers)
{
    int port = port_create(flags);
    if (port < 0)
        die("port_create");
    b->name = name;
    b->nservers = nservers;
    for (int i = 0; i < nservers; i++)
        b->servers[i] = partner(self, "--server", port, -1);
    b->handle = port_derive(port, PORT_SEND, 0);
    b->best = 1e9;
    close(port);                        /* the servers hold the only RECEIVE */
}

/* Calls for about `secs` seconds; the time of one round trip. */
static double port_round(struct bench_port *b, double secs)
{
    port_msg m;
    port_msg_set(&m, 1, "ping", 4);
    long trips = 0;
    double t0 = now_s(), t;
    do {
        for (int i = 0; i < 1000; i++, trips++)
            if (port_call(b->handle, &m, &m) < 0)
                die("port_call");
        t = now_s() - t0;
    } while (t < secs);
    return t / (double)trips;
}

/* A call of type 0 stops the server that takes it. */
static void port_stop(struct bench_port *b)
{
    port_msg m;
    for (int i = 0; i < b->nservers; i++) {
        port_msg_set(&m, 0, NULL, 0);
        if (port_call(b->handle, &m, &m) < 0)
            die("port_call");
    }
    for (int i = 0; i < b->nservers; i++)
        waitpid(b->servers[i], NULL, 0);
    close(b->handle);
    printf("%s %.3f us\n", b->name, b->best * 1e6);
}

/*
 * The fast path against the queue, with one server and with four waiting
 * on the same port. Rounds of the four set-ups alternate after a warm-up,
 * so that none pays for the JIT compiler warming up or for a busy moment
 * of the machine: each keeps its best round.
 */
static void port_bench(const char *self)
{
    struct bench_port b[4];
    port_start(&b[0], self, "port-call-roundtrip", 0, 1);
    port_start(&b[1], self, "port-call-roundtrip-queued", PORT_QUEUED, 1);
    port_start(&b[2], self, "port-call-roundtrip-4-servers", 0, 4);
    port_start(&b[3], self, "port-call-roundtrip-4-servers-queued", PORT_QUEUED, 4);
    for (int i = 0; i < 4; i++)
        port_round(&b[i], 0.05);
    for (int round = 0; round < 5; round++) {
        for (int i = 0; i < 4; i++) {
            double t = port_round(&b[i], 0.1);
            if (t < b[i].best)
                b[i].best = t;
        }
    }
    for (int i = 0; i < 4; i++)
        port_stop(&b[i]);
}

/* ---- channels --------------------------------------------------------------- */

static int sink(int rx)
{
    intchan c = intchan_of(rx, -1);
    int v;
    while (intchan_recv(c, &v) == 1)
        ;
    return 0;
}

static void chan_rate(const char *self)
{
    intchan c;
    if (intchan_create(&c, 64, 0) < 0)
        die("chan_create");
    pid_t pid = partner(self, "--sink", c.rx, c.tx);
    close(c.rx);
    long sent = 0;
    double t0 = now_s(), t;
    do {
        for (int i = 0; i < 1000; i++, sent++)
            if (intchan_send(c, &i) < 0)
                die("send");
        t = now_s() - t0;
    } while (t < 0.5);
    close(c.tx);
    waitpid(pid, NULL, 0);             /* every message received */
    t = now_s() - t0;
    printf("chan-msgs-per-sec %.0f msgs/s\n", (double)sent / t);
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--server") == 0)
        return server(atoi(argv[2]));
    if (argc == 3 && strcmp(argv[1], "--sink") == 0)
        return sink(atoi(argv[2]));
    int port = argc == 1 || strcmp(argv[1], "port") == 0;
    int chan = argc == 1 || strcmp(argv[1], "chan") == 0;
    if (argc > 2 || !(port || chan)) {
        fprintf(stderr, "usage: ipcbench [port | chan]\n");
        return 2;
    }
    if (port) {
        port_bench(argv[0]);
    }
    if (chan)
        chan_rate(argv[0]);
    return 0;
}
