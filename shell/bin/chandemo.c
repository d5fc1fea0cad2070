/*
 * chandemo - typed channels at work (docs/ipc/channels.md).
 *
 *   chandemo              a producer and a consumer: 100 messages of 1 KiB
 *                         through a channel with room for 8, checksummed on
 *                         both sides
 *   chandemo semantics    what the calls do at the edges: a full channel,
 *                         an empty one, a timeout, the end of a channel, a
 *                         channel nobody receives from, the quota
 *   chandemo wait         make a channel and wait on it for ever (to show
 *                         that a process killed while it waits leaves
 *                         nothing behind: see kstat)
 *
 * The consumer is this program again (spawned with --consumer): Duplex has
 * no fork. It inherits the channel's receive end and the send end of a
 * second channel, on which it sends back what it counted; only the
 * producer prints, so the output is the same on every run.
 *
 * Duplex-only: it uses <duplex/chan.h> (and <duplex.h> marks it so for the
 * host build in shell/bin/bin.mk).
 */
#include <duplex.h>
#include <duplex/chan.h>
#include <errno.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define COUNT 100               /* messages */
#define DEPTH 8                 /* the channel's capacity */

struct block {                  /* one message: 1 KiB */
    uint32_t      seq;
    unsigned char data[1020];
};

struct result {                 /* what the consumer sends back */
    uint32_t count, bytes, in_order, checksum;
};

CHAN_DECLARE(blockchan, struct block)
CHAN_DECLARE(resultchan, struct result)
CHAN_DECLARE(intchan, int)

_Noreturn static void die(const char *what)
{
    fprintf(stderr, "chandemo: %s: %s\n", what, strerror(errno));
    exit(1);
}

/* FNV-1a, 32 bits: a checksum both sides compute over every byte. */
static uint32_t fnv(uint32_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 16777619u;
    return h;
}
#define FNV_START 2166136261u

static void fill(struct block *b, uint32_t seq)
{
    b->seq = seq;
    for (size_t j = 0; j < sizeof b->data; j++)
        b->data[j] = (unsigned char)(seq * 31 + j * 7);
}

/* ---- producer and consumer --------------------------------------------------- */

static int consumer(int rx, int tx)
{
    blockchan in = blockchan_of(rx, -1);
    resultchan out = resultchan_of(-1, tx);
    struct block b;
    struct result r = { 0, 0, 1, FNV_START };
    int got;
    while ((got = blockchan_recv(in, &b)) == 1) {
        if (b.seq != r.count)
            r.in_order = 0;
        r.count++;
        r.bytes += sizeof b;
        r.checksum = fnv(r.checksum, &b, sizeof b);
    }
    if (got < 0)
        die("consumer: receive");
    if (resultchan_send(out, &r) < 0)
        die("consumer: send the result");
    return 0;
}

/* Start `self --consumer RX TX` with the ends it needs and none other. */
static pid_t start_consumer(const char *self, blockchan blocks, resultchan results)
{
    char rx[16], tx[16];
    snprintf(rx, sizeof rx, "%d", blocks.rx);
    snprintf(tx, sizeof tx, "%d", results.tx);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addclose(&fa, blocks.tx);   /* or it never sees the end */
    posix_spawn_file_actions_addclose(&fa, results.rx);
    char *argv[] = { (char *)self, "--consumer", rx, tx, NULL };
    pid_t pid;
    int r = posix_spawnp(&pid, self, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (r != 0) {
        errno = r;
        die("cannot start the consumer");
    }
    return pid;
}

static int producer(const char *self)
{
    blockchan blocks;
    resultchan results;
    if (blockchan_create(&blocks, DEPTH, 0) < 0 || resultchan_create(&results, 1, 0) < 0)
        die("chan_create");
    pid_t pid = start_consumer(self, blocks, results);
    close(blocks.rx);
    close(results.tx);
    uint32_t sum = FNV_START;
    struct block b;
    for (uint32_t i = 0; i < COUNT; i++) {
        fill(&b, i);
        sum = fnv(sum, &b, sizeof b);
        if (blockchan_send(blocks, &b) < 0)
            die("send");
    }
    close(blocks.tx);                  /* the consumer sees the end after the last */
    struct result r;
    int got = resultchan_recv(results, &r);
    if (got < 0)
        die("receive the result");
    waitpid(pid, NULL, 0);
    if (got == 0) {
        fprintf(stderr, "chandemo: the consumer sent no result\n");
        return 1;
    }
    printf("producer: %d messages of %zu bytes into a channel of %d\n", COUNT,
           sizeof(struct block), DEPTH);
    printf("consumer: %u messages, %u bytes, %s\n", (unsigned)r.count, (unsigned)r.bytes,
           r.in_order ? "in order" : "OUT OF ORDER");
    printf("checksums: producer %08x, consumer %08x: %s\n", (unsigned)sum,
           (unsigned)r.checksum, sum == r.checksum ? "equal" : "DIFFERENT");
    return sum == r.checksum && r.in_order && r.count == COUNT ? 0 : 1;
}

/* ---- the edges ---------------------------------------------------------------- */

static void report(const char *what, int r)
{
    if (r < 0)
        printf("  %s: fails: %s\n", what, strerror(errno));
    else
        printf("  %s: returns %d\n", what, r);
}

static void bounded(void)
{
    intchan c;
    int v;
    if (intchan_create(&c, 4, 0) < 0)
        die("chan_create");
    printf("a bounded channel of 4 ints\n");
    for (v = 1; v <= 4; v++)
        intchan_send(c, &v);
    printf("  sent 1 2 3 4\n");
    report("trysend on a full channel", intchan_trysend(c, &v));
    printf("  received");
    while (intchan_tryrecv(c, &v) == 1)
        printf(" %d", v);
    printf("\n");
    report("tryrecv on an empty channel", intchan_tryrecv(c, &v));
    report("recv_timeout(100 ms) on an empty channel", intchan_recv_timeout(c, &v, 100));
    v = 6;
    intchan_send(c, &v);
    close(c.tx);
    printf("the last send end closed, with one message queued:\n");
    v = 0;
    report("recv", intchan_recv(c, &v));
    printf("  (the message: %d)\n", v);
    report("recv again", intchan_recv(c, &v));
    close(c.rx);
}

static void no_receiver(void)
{
    intchan c;
    int v = 1;
    if (intchan_create(&c, 0, 0) < 0)
        die("chan_create");
    close(c.rx);
    printf("a channel whose receive end is closed\n");
    report("send", intchan_send(c, &v));
    printf("  no SIGPIPE: still running\n");
    close(c.tx);
}

static void quota(void)
{
    static char big[CHAN_MSG_MAX];
    int fds[2], n = 0;
    if (chan_create(fds, sizeof big, 0, 0) < 0)
        die("chan_create");
    printf("an unbounded channel of %d-byte messages\n", CHAN_MSG_MAX);
    while (chan_send(fds[1], big, sizeof big, 0) == 0)
        n++;
    printf("  %d sends (%d KiB) fit in the quota; the next fails: %s\n", n,
           n * (CHAN_MSG_MAX / 1024), strerror(errno));
    chan_recv(fds[0], big, sizeof big, 0);
    report("send after one receive", chan_send(fds[1], big, sizeof big, 0));
    struct k_chan_info ci;
    chan_info(fds[0], &ci);
    printf("  chan_info: msgsize %u, capacity %u, queued %u, senders %u, receivers %u\n",
           (unsigned)ci.msgsize, (unsigned)ci.capacity, (unsigned)ci.queued,
           (unsigned)ci.senders, (unsigned)ci.receivers);
    close(fds[0]);
    close(fds[1]);
}

static int semantics(void)
{
    bounded();
    no_receiver();
    quota();
    return 0;
}

static int wait_forever(void)
{
    intchan c;
    int v;
    if (intchan_create(&c, 0, 0) < 0)
        die("chan_create");
    if (intchan_recv(c, &v) < 0)        /* nobody ever sends */
        die("recv");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--consumer") == 0)
        return consumer(atoi(argv[2]), atoi(argv[3]));
    if (argc == 1)
        return producer(argv[0]);
    if (argc == 2 && strcmp(argv[1], "semantics") == 0)
        return semantics();
    if (argc == 2 && strcmp(argv[1], "wait") == 0)
        return wait_forever();
    fprintf(stderr, "usage: chandemo [semantics | wait]\n");
    return 2;
}
