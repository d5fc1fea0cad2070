/*
 * mqjobs - a priority job queue over a POSIX message queue
 * (docs/ipc/mqueue.md).
 *
 *   mqjobs [-w WORKERS]      (1 worker)
 *   mqjobs -d                only queue the jobs, and leave the queue
 *   mqjobs -r                take one job (waiting for one) and print it
 *
 * A dispatcher makes the queue /mqjobs (Linux's default size for a user:
 * 10 messages; of 64 bytes here), puts eight jobs in it with priorities,
 * and one "stop" per worker at the lowest priority. The workers, forked
 * before and held back until the queue is filled (so that the order does
 * not depend on who runs first), take the most urgent job first: the
 * highest priority, and the oldest within one. Each writes what it did
 * to a pipe, which the dispatcher prints; with more than one worker the
 * lines of different workers may come in any order.
 *
 * -d and -r split the two sides, for the shell: the queue stays in
 * /dev/mqueue (cat shows its status line, rm removes it), and a taker
 * waits in mq_receive until there is a job.
 */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "/mqjobs"

static void die(const char *what)
{
    fprintf(stderr, "mqjobs: %s: %s\n", what, strerror(errno));
    exit(1);
}

static const struct { const char *job; unsigned prio; } jobs[] = {
    { "compile kernel", 5 }, { "backup home", 1 }, { "page admin", 30 },
    { "rotate logs", 1 }, { "run tests", 5 }, { "answer mail", 10 },
    { "defrag disk", 0 }, { "fix outage", 30 },
};
#define NJOBS (int)(sizeof jobs / sizeof jobs[0])

/* A worker: jobs until "stop", each reported through the pipe. */
static int worker(int n, int report)
{
    mqd_t q = mq_open(NAME, O_RDONLY);
    if (q < 0)
        die("mq_open");
    char buf[64], line[128];
    unsigned prio;
    for (;;) {
        ssize_t len = mq_receive(q, buf, sizeof buf, &prio);
        if (len < 0)
            die("mq_receive");
        if (len == 4 && memcmp(buf, "stop", 4) == 0)
            break;
        int l = snprintf(line, sizeof line, "worker %d: priority %2u: %.*s\n",
                         n, prio, (int)len, buf);
        write(report, line, (size_t)l);
    }
    return 0;
}

static void queue_jobs(mqd_t q)
{
    for (int i = 0; i < NJOBS; i++)
        if (mq_send(q, jobs[i].job, strlen(jobs[i].job), jobs[i].prio) < 0)
            die("mq_send");
}

/* -r: one job, waiting until there is one. */
static int take_one(void)
{
    struct mq_attr at = { .mq_maxmsg = 10, .mq_msgsize = 64 };
    mqd_t q = mq_open(NAME, O_CREAT | O_RDONLY, 0600, &at);
    if (q < 0)
        die("mq_open");
    char buf[64];
    unsigned prio;
    ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
    if (n < 0)
        die("mq_receive");
    printf("took priority %u: %.*s\n", prio, (int)n, buf);
    return 0;
}

int main(int argc, char **argv)
{
    int nworkers = 1, only_queue = 0, c;
    while ((c = getopt(argc, argv, "w:dr")) != -1) {
        if (c == 'd') {
            only_queue = 1;
        } else if (c == 'r') {
            return take_one();
        } else if (c != 'w' || (nworkers = atoi(optarg)) < 1 || nworkers > 8) {
            fprintf(stderr, "usage: mqjobs [-w WORKERS] [-d] [-r]\n");
            return 1;
        }
    }
    mq_unlink(NAME);
    struct mq_attr at = { .mq_maxmsg = 10, .mq_msgsize = 64 };
    mqd_t q = mq_open(NAME, O_CREAT | O_EXCL | O_WRONLY, 0600, &at);
    if (q < 0)
        die("mq_open");
    if (only_queue) {
        queue_jobs(q);
        printf("dispatcher: %d jobs queued in /dev/mqueue%s\n", NJOBS, NAME);
        return 0;
    }
    int rep[2], go[2];
    if (pipe(rep) < 0 || pipe(go) < 0)
        die("pipe");
    pid_t pids[8];
    for (int i = 0; i < nworkers; i++) {
        if ((pids[i] = fork()) < 0)
            die("fork");
        if (pids[i] == 0) {
            close(rep[0]);
            close(go[1]);
            char b;
            read(go[0], &b, 1);     /* wait until the jobs are queued */
            _exit(worker(i + 1, rep[1]));
        }
    }
    close(rep[1]);
    close(go[0]);
    queue_jobs(q);
    /* The stops that fit now; with more than two workers the rest go in
     * once the workers have made room (sending them before releasing the
     * workers would wait for ever on a full queue). */
    int stops = 0;
    for (; stops < nworkers && stops < at.mq_maxmsg - NJOBS; stops++)
        if (mq_send(q, "stop", 4, 0) < 0)
            die("mq_send");
    struct mq_attr now;
    mq_getattr(q, &now);
    printf("dispatcher: %ld messages queued (at most %ld), workers start\n",
           now.mq_curmsgs, now.mq_maxmsg);
    fflush(stdout);
    close(go[1]);                   /* every worker reads end of file: go */
    for (; stops < nworkers; stops++)
        if (mq_send(q, "stop", 4, 0) < 0)
            die("mq_send");
    mq_close(q);
    char buf[512];
    ssize_t n;
    while ((n = read(rep[0], buf, sizeof buf)) > 0)
        fwrite(buf, 1, (size_t)n, stdout);
    for (int i = 0; i < nworkers; i++)
        waitpid(pids[i], NULL, 0);
    mq_unlink(NAME);
    return 0;
}
