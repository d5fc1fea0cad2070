/*
 * test_trace.c - unit tests of kernel/trace.c: who is traced (the tracer's
 * children, with TRACE_FOLLOW theirs too), the lines of calls that complete,
 * fail, block and resume, the wait for room in a full buffer, the end of
 * the trace, a tracer that goes away, and how the calls of sockets and
 * POSIX message queues are shown (addresses, constants and flags by name).
 *
 * The tracer is a child of init (so that its own trace state goes when it
 * exits); it spawns the traced process, and reads the lines as trace(1)
 * would.
 */
#include "pipetest.h"
#include "../../kernel/uapi/trace.h"
#include "../../kernel/uapi/socket.h"
#include "../../kernel/uapi/mqueue.h"

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

/* Closing the tracer's descriptor ends its tracing: a child it spawns
 * then is not traced, it may trace again, and nothing is left behind. */
TEST(trace_ends_when_the_tracer_closes_its_descriptor)
{
    int fd;
    struct proc *tracer = ttracer(0, &fd);
    CHECK_EQ(tsys(tracer, SYS_trace_open, 0L), -EBUSY);
    tclose(tracer, fd);
    CHECK(tracer->trace == NULL);
    struct proc *c = tspawn(tracer, "/bin/child");
    CHECK(c->trace == NULL);
    texit_reap(c, 0);
    long again = tsys(tracer, SYS_trace_open, 0L);
    CHECK(again >= 3);
    tclose(tracer, again);
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

/* A Unix-domain address of path in p's memory; its length in *len. */
static uptr tsockaddr(struct proc *p, const char *path, long *len)
{
    struct k_sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    memcpy(a.sun_path, path, strlen(path));
    *len = (long)(SUN_PATH_OFFSET + strlen(path) + 1);
    return ubytes(p, &a, sizeof a);
}

/* An abstract address: a NUL, then name. */
static uptr tabstract_addr(struct proc *p, const char *name, long *len)
{
    struct k_sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    memcpy(a.sun_path + 1, name, strlen(name));
    *len = (long)(SUN_PATH_OFFSET + 1 + strlen(name));
    return ubytes(p, &a, sizeof a);
}

TEST(trace_decodes_socket_calls)
{
    int fd;
    struct proc *tracer = ttracer(0, &fd);
    struct proc *c = tspawn(tracer, "/bin/child");
    long alen;
    uptr addr = tsockaddr(c, "/tmp/s", &alen);
    long l = tsys(c, SYS_socket, (long)AF_UNIX, (long)(SOCK_STREAM | SOCK_CLOEXEC), 0L);
    CHECK(l >= 3);
    CHECK_EQ(tsys(c, SYS_bind, l, (long)addr, alen), 0);
    CHECK_EQ(tsys(c, SYS_listen, l, 5L), 0);
    long s = tsys(c, SYS_socket, (long)AF_UNIX, (long)SOCK_STREAM, 0L);
    CHECK_EQ(tsys(c, SYS_connect, s, (long)addr, alen), 0);
    long cn = tsys(c, SYS_accept4, l, 0L, 0L, (long)SOCK_NONBLOCK);
    CHECK(cn >= 3);
    CHECK_EQ(tsys(c, SYS_sendto, s, (long)ustr(c, "hi"), 2L, (long)MSG_NOSIGNAL, 0L, 0L), 2);
    CHECK_EQ(tsys(c, SYS_shutdown, s, (long)SHUT_WR), 0);
    uptr peer = ubuf(c, sizeof(struct k_sockaddr_un));
    uint32_t plen = sizeof(struct k_sockaddr_un);
    uptr pl = ubytes(c, &plen, sizeof plen);
    CHECK_EQ(tsys(c, SYS_getpeername, s, (long)peer, (long)pl), 0);
    uptr v = ubuf(c, sizeof(int32_t));
    int32_t vlen = sizeof(int32_t);
    CHECK_EQ(tsys(c, SYS_getsockopt, s, (long)SOL_SOCKET, (long)SO_TYPE, (long)v,
                  (long)ubytes(c, &vlen, sizeof vlen)), 0);
    long d = tsys(c, SYS_socket, (long)AF_UNIX, (long)SOCK_DGRAM, 0L);
    CHECK_EQ(tsys(c, SYS_connect, d, (long)tsockaddr(c, "/nope", &alen), alen), -ENOENT);
    char want[1024];
    snprintf(want, sizeof want,
             "socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = %ld\n"
             "bind(%ld, {sun_family=AF_UNIX, sun_path=\"/tmp/s\"}, 9) = 0\n"
             "listen(%ld, 5) = 0\n"
             "socket(AF_UNIX, SOCK_STREAM, 0) = %ld\n"
             "connect(%ld, {sun_family=AF_UNIX, sun_path=\"/tmp/s\"}, 9) = 0\n"
             "accept4(%ld, NULL, NULL, SOCK_NONBLOCK) = %ld\n"
             "sendto(%ld, \"hi\", 2, MSG_NOSIGNAL, NULL, 0) = 2\n"
             "shutdown(%ld, SHUT_WR) = 0\n"
             "getpeername(%ld, {sun_family=AF_UNIX, sun_path=\"/tmp/s\"}, [9]) = 0\n"
             "getsockopt(%ld, SOL_SOCKET, SO_TYPE, {...}, [4]) = 0\n"
             "socket(AF_UNIX, SOCK_DGRAM, 0) = %ld\n"
             "connect(%ld, {sun_family=AF_UNIX, sun_path=\"/nope\"}, 8) = -1 ENOENT "
             "(No such file or directory)\n",
             l, l, l, s, s, l, cn, s, s, s, s, d, d);
    CHECK_STR(tlines(tracer, fd), want);

    /* accept waits: its address, filled, is shown when it resumes */
    long a2 = tsys(c, SYS_socket, (long)AF_UNIX, (long)SOCK_SEQPACKET, 0L);
    CHECK_EQ(tsys(c, SYS_bind, a2, (long)tabstract_addr(c, "srv", &alen), alen), 0);
    CHECK_EQ(tsys(c, SYS_listen, a2, 1L), 0);
    tlines(tracer, fd);
    uptr got = ubuf(c, sizeof(struct k_sockaddr_un));
    uint32_t glen = sizeof(struct k_sockaddr_un);
    uptr gl = ubytes(c, &glen, sizeof glen);
    CHECK_EQ(tsys(c, SYS_accept4, a2, (long)got, (long)gl, 0L), KERN_BLOCK);
    snprintf(want, sizeof want, "accept4(%ld, <blocks: %s>\n", a2, c->wait_what);
    CHECK_STR(tlines(tracer, fd), want);
    struct proc *client = tspawn(init, "/bin/child");
    long cs = tsys(client, SYS_socket, (long)AF_UNIX, (long)SOCK_SEQPACKET, 0L);
    uptr autob = ubytes(client, &(uint16_t){ AF_UNIX }, sizeof(uint16_t));
    CHECK_EQ(tsys(client, SYS_bind, cs, (long)autob, 2L), 0);       /* autobind */
    CHECK_EQ(tsys(client, SYS_connect, cs, (long)tabstract_addr(client, "srv", &alen), alen), 0);
    long ac = tsys(c, SYS_accept4, a2, (long)got, (long)gl, 0L);
    CHECK(ac >= 3);
    const char *text = tlines(tracer, fd);
    CHECK(strncmp(text, "<... accept4 resumed> {sun_family=AF_UNIX, sun_path=@\"", 54) == 0);
    snprintf(want, sizeof want, "\"}, [8], 0) = %ld\n", ac);      /* autobind: 5 bytes */
    CHECK(strstr(text, want) != NULL);
    texit_reap(client, 0);
    texit_reap(c, 0);
    tlines(tracer, fd);
    trm("/tmp/s");
    tdone(tracer);
}

TEST(trace_decodes_mq_sync_and_unknown_flags)
{
    int fd;
    struct proc *tracer = ttracer(0, &fd);
    struct proc *c = tspawn(tracer, "/bin/child");
    struct k_mq_attr at = { 0, 4, 16, 0 };
    long q = tsys(c, SYS_mq_open, (long)ustr(c, "tq"), (long)(O_CREAT | O_RDWR), 0600L,
                  (long)ubytes(c, &at, sizeof at));
    CHECK(q >= 3);
    CHECK_EQ(tsys(c, SYS_mq_timedsend, q, (long)ustr(c, "job"), 3L, 7L, 0L), 0);
    uptr b = ubuf(c, 16), pr = ubuf(c, sizeof(uint32_t));
    CHECK_EQ(tsys(c, SYS_mq_timedreceive, q, (long)b, 16L, (long)pr, 0L), 3);
    uptr old = ubuf(c, sizeof at);
    CHECK_EQ(tsys(c, SYS_mq_getsetattr, q, 0L, (long)old), 0);
    long q2 = tsys(c, SYS_mq_open, (long)ustr(c, "tq"), (long)O_RDONLY, 0L, 0L);
    CHECK(q2 >= 3);
    CHECK_EQ(tsys(c, SYS_mq_unlink, (long)ustr(c, "tq")), 0);
    CHECK_EQ(tsys(c, SYS_socket, (long)AF_INET, (long)(SOCK_DGRAM | 0x100), 0L), -EINVAL);
    CHECK(tsys(c, SYS_shutdown, q, 7L) < 0);
    char want[1024];
    snprintf(want, sizeof want,
             "mq_open(\"tq\", O_RDWR|O_CREAT, 0600, {mq_flags=0, mq_maxmsg=4, mq_msgsize=16, "
             "mq_curmsgs=0}) = %ld\n"
             "mq_timedsend(%ld, \"job\", 3, 7, NULL) = 0\n"
             "mq_timedreceive(%ld, \"job\", 16, [7], NULL) = 3\n"
             "mq_getsetattr(%ld, NULL, {mq_flags=0, mq_maxmsg=4, mq_msgsize=16, "
             "mq_curmsgs=0}) = 0\n"
             "mq_open(\"tq\", O_RDONLY) = %ld\n"
             "mq_unlink(\"tq\") = 0\n"
             "socket(AF_INET, SOCK_DGRAM|0x100, 0) = -1 EINVAL (Invalid argument)\n",
             q, q, q, q, q2);
    const char *text = tlines(tracer, fd);
    CHECK(strncmp(text, want, strlen(want)) == 0);
    CHECK(strstr(text, "shutdown(") != NULL);
    snprintf(want, sizeof want, "shutdown(%ld, 7) = -1", q);
    CHECK(strstr(text, want) != NULL);
    CHECK_EQ(tsys(c, SYS_sync), 0);
    CHECK_STR(tlines(tracer, fd), "sync() = 0\n");
    texit_reap(c, 0);
    tdone(tracer);
}
