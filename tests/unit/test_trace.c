/*
 * test_trace.c - unit tests of kernel/trace.c: who is traced (the tracer's
 * children, with TRACE_FOLLOW theirs too), the lines of calls that complete,
 * fail, block and resume, the wait for room in a full buffer, the end of
 * the trace, and a tracer that goes away.
 *
 * The tracer is a child of init (so that its own trace state goes when it
 * exits); it spawns the traced process, and reads the lines as trace(1)
 * would.
 */
#include "pipetest.h"
#include "../../kernel/uapi/trace.h"

static struct proc *ttracer(int flags, int *fd)
{
    struct proc *tracer = tchild();
    *fd = (int)tsys(tracer, SYS_trace_open, (long)flags);
    CHECK(*fd >= 3);
    CHECK(tracer->cloexec & (1ULL << *fd));
    /* tlines reads what there is now; a blocking read would wait for more */
    CHECK_EQ(tsys(tracer, SYS_fcntl, (long)*fd, (long)F_SETFL, (long)O_NONBLOCK), 0);
    return tracer;
}

/* The tracer exits, and the program the test made goes. */
static void tdone(struct proc *tracer)
{
    texit_reap(tracer, 0);
    trm("/bin/child");
}

/* Everything in the buffer now, as text. */
static const char *tlines(struct proc *tracer, int fd)
{
    static char text[32768];
    size_t len = 0;
    long n;
    uptr b = ubuf(tracer, 4096);
    while (len < sizeof text - 4096 &&
           (n = tsys(tracer, SYS_read, (long)fd, (long)b, 4096L)) > 0) {
        memcpy(text + len, uhost(tracer, b), (size_t)n);
        len += (size_t)n;
    }
    text[len] = '\0';
    return text;
}

TEST(trace_shows_calls_results_and_errors)
{
    int fd;
    struct proc *tracer = ttracer(0, &fd);
    struct proc *c = tspawn(tracer, "/bin/child");
    CHECK(c->trace != NULL);
    CHECK_EQ(tsys(c, SYS_getppid), tracer->pid);
    CHECK_EQ(tsys(c, SYS_open, (long)ustr(c, "/nope"), (long)O_RDONLY, 0L), -ENOENT);
    CHECK_EQ(tsys(c, SYS_write, 99L, (long)ustr(c, "hi\n"), 3L), -EBADF);
    char want[256];
    snprintf(want, sizeof want,
             "getppid() = %d\n"
             "open(\"/nope\", O_RDONLY) = -1 ENOENT (No such file or directory)\n"
             "write(99, \"hi\\n\", 3) = -1 EBADF (Bad file descriptor)\n", tracer->pid);
    CHECK_STR(tlines(tracer, fd), want);
    texit_reap(c, 3);
    CHECK_STR(tlines(tracer, fd), "exit(3) = ?\n+++ exited with 3 +++\n");
    uptr b = ubuf(tracer, 16);
    CHECK_EQ(tsys(tracer, SYS_read, (long)fd, (long)b, 16L), 0);   /* the end */
    struct proc *again = tspawn(tracer, "/bin/child");             /* a trace again */
    CHECK_EQ(tsys(tracer, SYS_read, (long)fd, (long)b, 16L), -EAGAIN);
    texit_reap(again, 0);
    tdone(tracer);
}

TEST(trace_shows_a_block_once_and_the_resume)
{
    int fd, fds[2];
    struct proc *tracer = ttracer(0, &fd);
    CHECK_EQ(tpipe(tracer, fds, 0), 0);
    struct proc *c = tspawn(tracer, "/bin/child");     /* inherits the pipe */
    uptr b = ubuf(c, 16);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)b, 16L), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);
    char want[256];
    snprintf(want, sizeof want, "read(%d, <blocks: %s>\n", fds[0], c->wait_what);
    CHECK_STR(tlines(tracer, fd), want);
    wakeup_proc(c);                                    /* a spurious wakeup */
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)b, 16L), KERN_BLOCK);
    CHECK_EQ(twrites(tracer, fds[1], "x"), 1);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)b, 16L), 1);
    CHECK_STR(tlines(tracer, fd), "<... read resumed> \"x\", 16) = 1\n");
    tclose(tracer, fds[0]);
    tclose(tracer, fds[1]);
    texit_reap(c, 0);
    tdone(tracer);
}

TEST(trace_follows_children_only_with_follow)
{
    int fd;
    struct proc *tracer = ttracer(0, &fd);
    struct proc *c = tspawn(tracer, "/bin/child");
    struct proc *gc = tspawn(c, "/bin/child");
    CHECK(c->trace != NULL);
    CHECK(gc->trace == NULL);
    CHECK_EQ(tsys(c, SYS_trace_open, 0L), -EBUSY);     /* traced: not a tracer too */
    CHECK_EQ(tsys(tracer, SYS_trace_open, 0L), -EBUSY);
    texit_reap(gc, 0);
    texit_reap(c, 0);
    tlines(tracer, fd);
    texit_reap(tracer, 0);

    tracer = ttracer(TRACE_FOLLOW | TRACE_PIDS, &fd);
    c = tspawn(tracer, "/bin/child");
    gc = tspawn(c, "/bin/child");
    CHECK(gc->trace != NULL);
    CHECK_EQ(tsys(gc, SYS_getpid), gc->pid);
    const char *text = tlines(tracer, fd);
    char want[64];
    snprintf(want, sizeof want, "[pid %d] getpid() = %d\n", gc->pid, gc->pid);
    CHECK(strstr(text, want) != NULL);
    snprintf(want, sizeof want, "[pid %d] spawn(\"/bin/child\", ", c->pid);
    CHECK(strstr(text, want) != NULL);
    texit_reap(gc, 0);
    texit_reap(c, 0);
    tlines(tracer, fd);
    tdone(tracer);
}

TEST(trace_waits_for_room_before_a_call)
{
    int fd;
    struct proc *tracer = ttracer(0, &fd);
    struct proc *c = tspawn(tracer, "/bin/child");
    int calls = 0;
    long r;
    while ((r = tsys(c, SYS_getpid)) == c->pid)
        calls++;
    CHECK_EQ(r, KERN_BLOCK);                           /* the buffer is nearly full */
    CHECK_STR(c->wait_what, "trace write");
    CHECK(calls > 100);
    const char *text = tlines(tracer, fd);             /* the tracer reads: room */
    CHECK_EQ(c->state, P_RUNNABLE);
    int lines = 0;
    for (const char *s = text; (s = strchr(s, '\n')); s++)
        lines++;
    CHECK_EQ(lines, calls);                            /* nothing lost */
    CHECK_EQ(tsys(c, SYS_getpid), c->pid);             /* the call, issued again, runs */
    CHECK(!c->restarted);                              /* ... as a call of its own */
    char want[64];
    snprintf(want, sizeof want, "getpid() = %d\n", c->pid);
    CHECK_STR(tlines(tracer, fd), want);
    texit_reap(c, 0);
    tdone(tracer);
}

TEST(trace_without_a_reader_lets_the_tracee_go)
{
    int fd;
    struct proc *tracer = ttracer(0, &fd);
    struct proc *c = tspawn(tracer, "/bin/child");
    while (tsys(c, SYS_getpid) == c->pid) {}
    CHECK_EQ(c->state, P_BLOCKED);
    tclose(tracer, fd);                                /* trace was killed, say */
    CHECK_EQ(c->state, P_RUNNABLE);
    for (int i = 0; i < 1000; i++)
        CHECK_EQ(tsys(c, SYS_getpid), c->pid);         /* lines go nowhere */
    texit_reap(c, 0);
    tdone(tracer);
}

TEST(trace_says_what_killed_a_process)
{
    int fd;
    struct proc *tracer = ttracer(0, &fd);
    struct proc *c = tspawn(tracer, "/bin/child");
    int pid = c->pid;
    CHECK_EQ(tsys(tracer, SYS_kill, (long)pid, (long)SIGTERM), 0);
    CHECK_STR(tlines(tracer, fd), "+++ killed by SIGTERM +++\n");
    uptr st = ubuf(tracer, sizeof(int));
    CHECK_EQ(tsys(tracer, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
    tdone(tracer);
}
