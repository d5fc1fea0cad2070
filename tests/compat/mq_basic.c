/* POSIX message queues: mq_open's errors and attributes, priority order
 * and FIFO within a priority, EMSGSIZE, EAGAIN with O_NONBLOCK, ETIMEDOUT,
 * mq_setattr, mq_notify's EBUSY, and a queue that outlives its name. */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define Q "/duplex-compat-mq"

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

int main(void)
{
    mq_unlink(Q);
    result("open, no O_CREAT", mq_open(Q, O_RDWR));
    result("open, no slash", mq_open("noslash", O_RDWR | O_CREAT, 0600, NULL));
    struct mq_attr bad = { .mq_maxmsg = 0, .mq_msgsize = 16 };
    result("open, mq_maxmsg 0", mq_open(Q, O_RDWR | O_CREAT, 0600, &bad));
    struct mq_attr at = { .mq_maxmsg = 3, .mq_msgsize = 16 };
    mqd_t q = mq_open(Q, O_RDWR | O_CREAT | O_EXCL, 0600, &at);
    printf("open: %s\n", q >= 0 ? "a descriptor" : strerror(errno));
    result("open again, O_EXCL", mq_open(Q, O_RDWR | O_CREAT | O_EXCL, 0600, &at));

    result("send a/1", mq_send(q, "a", 1, 1));
    result("send b/5", mq_send(q, "b", 1, 5));
    result("send c/1", mq_send(q, "c", 1, 1));
    result("send, too big", mq_send(q, "0123456789abcdefg", 17, 1));
    result("send, priority 32768", mq_send(q, "x", 1, 32768));
    struct timespec past = { 1, 0 };
    result("timedsend to a full queue, deadline passed", mq_timedsend(q, "d", 1, 1, &past));
    struct mq_attr now;
    mq_getattr(q, &now);
    printf("attr: flags %ld maxmsg %ld msgsize %ld curmsgs %ld\n", now.mq_flags,
           now.mq_maxmsg, now.mq_msgsize, now.mq_curmsgs);
    struct mq_attr nb = { .mq_flags = O_NONBLOCK };
    mq_setattr(q, &nb, NULL);
    result("send, full, O_NONBLOCK", mq_send(q, "d", 1, 1));

    char buf[16];
    unsigned prio;
    result("receive into 8 bytes", mq_receive(q, buf, 8, &prio));
    for (int i = 0; i < 3; i++) {
        long n = mq_receive(q, buf, sizeof buf, &prio);
        printf("receive: '%.*s' priority %u\n", (int)n, buf, prio);
    }
    result("receive, empty, O_NONBLOCK", mq_receive(q, buf, sizeof buf, &prio));
    nb.mq_flags = 0;
    mq_setattr(q, &nb, NULL);
    struct timespec soon;
    clock_gettime(CLOCK_REALTIME, &soon);
    soon.tv_nsec += 20000000;
    if (soon.tv_nsec >= 1000000000) {
        soon.tv_sec++;
        soon.tv_nsec -= 1000000000;
    }
    result("timedreceive, empty, 20 ms", mq_timedreceive(q, buf, sizeof buf, &prio, &soon));
    struct timespec badns = { 0, 1000000000 };
    result("timedreceive, bad tv_nsec", mq_timedreceive(q, buf, sizeof buf, &prio, &badns));

    struct sigevent ev = { .sigev_notify = SIGEV_NONE };
    result("notify", mq_notify(q, &ev));
    result("notify again", mq_notify(q, &ev));
    result("notify NULL", mq_notify(q, NULL));

    mq_send(q, "kept", 4, 0);
    result("unlink", mq_unlink(Q));
    result("unlink again", mq_unlink(Q));
    long n = mq_receive(q, buf, sizeof buf, &prio);
    printf("after unlink the open queue still gives '%.*s'\n", (int)n, buf);
    result("close", mq_close(q));
    result("receive on a closed descriptor", mq_receive(q, buf, sizeof buf, &prio));
    return 0;
}
