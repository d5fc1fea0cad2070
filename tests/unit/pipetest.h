/*
 * pipetest.h - helpers shared by the pipe tests (test_pipe.c and
 * test_pipe_more.c): make a pipe, write and read through it as a process,
 * patterns to check data with, and children to kill.
 */
#ifndef DUPLEX_PIPETEST_H
#define DUPLEX_PIPETEST_H

#include "test.h"

/* ---- helpers -------------------------------------------------------------- */

/* pipe2 for p; fds[0] is the read end. Returns what the call returned. */
static inline long tpipe(struct proc *p, int fds[2], int flags)
{
    uptr u = ubuf(p, 2 * sizeof(int));
    long r = tsys(p, SYS_pipe2, (long)u, (long)flags);
    memcpy(fds, uhost(p, u), 2 * sizeof(int));
    return r;
}

/* A pipe of one page (PIPE_SIZE_MIN), where a PIPE_BUF write fills it:
 * the tests of atomic and partial writes need a pipe that small. */
static inline long tpipe_small(struct proc *p, int fds[2], int flags)
{
    long r = tpipe(p, fds, flags);
    if (r == 0)
        CHECK_EQ(tsys(p, SYS_fcntl, (long)fds[0], (long)F_SETPIPE_SZ, (long)PIPE_SIZE_MIN),
                 PIPE_SIZE_MIN);
    return r;
}

static inline long twrite(struct proc *p, int fd, const void *data, size_t n)
{
    uptr u = ubytes(p, data, n);
    return tsys(p, SYS_write, (long)fd, (long)u, (long)n);
}

static inline long twrites(struct proc *p, int fd, const char *s)
{
    return twrite(p, fd, s, strlen(s));
}

/* A buffer of n bytes in p's memory, each one (i * 7 + seed) & 0xff. */
static inline uptr upattern(struct proc *p, size_t n, int seed)
{
    uptr u = ubuf(p, n);
    unsigned char *h = uhost(p, u);
    for (size_t i = 0; i < n; i++)
        h[i] = (unsigned char)(i * 7 + (size_t)seed);
    return u;
}

static inline bool is_pattern(const void *b, size_t n, int seed)
{
    const unsigned char *h = b;
    for (size_t i = 0; i < n; i++)
        if (h[i] != (unsigned char)(i * 7 + (size_t)seed))
            return false;
    return true;
}

/* Read up to n bytes into a fresh buffer; *out sees it from the host. */
static inline long tread(struct proc *p, int fd, size_t n, char **out)
{
    uptr u = ubuf(p, n + 1);
    long r = tsys(p, SYS_read, (long)fd, (long)u, (long)n);
    if (out)
        *out = uhost(p, u);
    return r;
}

/* Read exactly the string s (and nothing more is asked for). */
static inline void tread_expect(struct proc *p, int fd, const char *s)
{
    char *got;
    size_t n = strlen(s);
    CHECK_EQ(tread(p, fd, n, &got), (long)n);
    got[n] = '\0';
    CHECK_STR(got, s);
}

static inline void tclose(struct proc *p, int fd)
{
    CHECK_EQ(tsys(p, SYS_close, (long)fd), 0);
}

static inline struct pipe *pipe_of(struct proc *p, int fd)
{
    struct file *f = fd_get(p, fd);
    return f ? f->pipe : NULL;
}

static inline long tsigaction(struct proc *p, int sig, uint64_t handler)
{
    struct k_sigaction sa = { .sa_handler = handler };
    return tsys(p, SYS_sigaction, (long)sig, (long)ubytes(p, &sa, sizeof sa), 0L);
}

/* A child of init; spawn gives it init's descriptors. */
static inline struct proc *tchild(void)
{
    tprog("/bin/child");
    return tspawn(init, "/bin/child");
}

/* Kill p with sig from init and reap it: p must have left every queue. */
static inline void tkill_reap(struct proc *p, int sig)
{
    int pid = p->pid;
    CHECK_EQ(tsys(init, SYS_kill, (long)pid, (long)sig), 0);
    CHECK_EQ(p->state, P_ZOMBIE);
    CHECK(p->nwaits == 0);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
    int status = *(int *)uhost(init, st);
    CHECK(WIFSIGNALED(status));
    CHECK_EQ(WTERMSIG(status), sig);
}


#endif
