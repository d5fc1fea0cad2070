/*
 * test_pipe.c - unit tests of ipc/pipe.c: pipe2, reading and writing,
 * blocking and waking, atomic and partial writes, EOF and EPIPE, SIGPIPE,
 * O_NONBLOCK, F_SETPIPE_SZ, bad arguments, and processes killed while they
 * wait on a pipe.
 *
 * Every test drives fake processes through system calls (tsys), the way a
 * platform would; a call that blocks returns KERN_BLOCK and is re-issued
 * later by calling tsys again with the same arguments.
 */
#include "test.h"

/* ---- helpers -------------------------------------------------------------- */

/* pipe2 for p; fds[0] is the read end. Returns what the call returned. */
static long tpipe(struct proc *p, int fds[2], int flags)
{
    uptr u = ubuf(p, 2 * sizeof(int));
    long r = tsys(p, SYS_pipe2, (long)u, (long)flags);
    memcpy(fds, uhost(p, u), 2 * sizeof(int));
    return r;
}

static long twrite(struct proc *p, int fd, const void *data, size_t n)
{
    uptr u = ubytes(p, data, n);
    return tsys(p, SYS_write, (long)fd, (long)u, (long)n);
}

static long twrites(struct proc *p, int fd, const char *s)
{
    return twrite(p, fd, s, strlen(s));
}

/* A buffer of n bytes in p's memory, each one (i * 7 + seed) & 0xff. */
static uptr upattern(struct proc *p, size_t n, int seed)
{
    uptr u = ubuf(p, n);
    unsigned char *h = uhost(p, u);
    for (size_t i = 0; i < n; i++)
        h[i] = (unsigned char)(i * 7 + (size_t)seed);
    return u;
}

static bool is_pattern(const void *b, size_t n, int seed)
{
    const unsigned char *h = b;
    for (size_t i = 0; i < n; i++)
        if (h[i] != (unsigned char)(i * 7 + (size_t)seed))
            return false;
    return true;
}

/* Read up to n bytes into a fresh buffer; *out sees it from the host. */
static long tread(struct proc *p, int fd, size_t n, char **out)
{
    uptr u = ubuf(p, n + 1);
    long r = tsys(p, SYS_read, (long)fd, (long)u, (long)n);
    if (out)
        *out = uhost(p, u);
    return r;
}

/* Read exactly the string s (and nothing more is asked for). */
static void tread_expect(struct proc *p, int fd, const char *s)
{
    char *got;
    size_t n = strlen(s);
    CHECK_EQ(tread(p, fd, n, &got), (long)n);
    got[n] = '\0';
    CHECK_STR(got, s);
}

static void tclose(struct proc *p, int fd)
{
    CHECK_EQ(tsys(p, SYS_close, (long)fd), 0);
}

static struct pipe *pipe_of(struct proc *p, int fd)
{
    struct file *f = fd_get(p, fd);
    return f ? f->pipe : NULL;
}

static long tsigaction(struct proc *p, int sig, uint64_t handler)
{
    struct k_sigaction sa = { .sa_handler = handler };
    return tsys(p, SYS_sigaction, (long)sig, (long)ubytes(p, &sa, sizeof sa), 0L);
}

/* A child of init; spawn gives it init's descriptors. */
static struct proc *tchild(void)
{
    tprog("/bin/child");
    return tspawn(init, "/bin/child");
}

/* Kill p with sig from init and reap it: p must have left every queue. */
static void tkill_reap(struct proc *p, int sig)
{
    int pid = p->pid;
    CHECK_EQ(tsys(init, SYS_kill, (long)pid, (long)sig), 0);
    CHECK_EQ(p->state, P_ZOMBIE);
    CHECK(p->wq == NULL);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
    int status = *(int *)uhost(init, st);
    CHECK(WIFSIGNALED(status));
    CHECK_EQ(WTERMSIG(status), sig);
}

/* ---- pipe2 and plain reading and writing --------------------------------- */

TEST(pipe_write_then_read)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(fds[0], 3);
    CHECK_EQ(fds[1], 4);
    CHECK_EQ(twrites(init, fds[1], "hello"), 5);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 5);
    tread_expect(init, fds[0], "hello");
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_ends_are_one_way)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(twrites(init, fds[0], "x"), -EBADF);
    CHECK_EQ(tread(init, fds[1], 1, NULL), -EBADF);
    CHECK(!FILE_WRITABLE(fd_get(init, fds[0])));
    CHECK(!FILE_READABLE(fd_get(init, fds[1])));
    CHECK_EQ(fd_get(init, fds[0])->type, F_PIPE);
    CHECK(fd_get(init, fds[0])->ip == NULL);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_counts_in_kstats)
{
    uint32_t pipes = kstats.pipes;
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(kstats.pipes, pipes + 1);
    tclose(init, fds[0]);
    CHECK_EQ(kstats.pipes, pipes + 1);      /* the write end still holds it */
    tclose(init, fds[1]);
    CHECK_EQ(kstats.pipes, pipes);
}

TEST(pipe_zero_length_read_and_write)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(tread(init, fds[0], 0, NULL), 0);  /* empty, but n == 0: no block */
    CHECK_EQ(twrite(init, fds[1], "", 0), 0);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_short_reads_keep_order)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(twrites(init, fds[1], "abc"), 3);
    CHECK_EQ(twrites(init, fds[1], "defghij"), 7);
    tread_expect(init, fds[0], "abcd");
    char *got;
    CHECK_EQ(tread(init, fds[0], 100, &got), 6);  /* only what is there */
    got[6] = '\0';
    CHECK_STR(got, "efghij");
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_wraps_around)
{
    int fds[2];
    char *got;
    CHECK_EQ(tpipe(init, fds, 0), 0);
    /* Three rounds of 3000 bytes: the second and third straddle the end of
     * the 4096-byte ring, so both copies of each direction run. */
    for (int round = 0; round < 3; round++) {
        uptr src = upattern(init, 3000, round);
        CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)src, 3000L), 3000);
        CHECK_EQ(tread(init, fds[0], 3000, &got), 3000);
        CHECK(is_pattern(got, 3000, round));
    }
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_fills_exactly)
{
    int fds[2];
    char *got;
    CHECK_EQ(tpipe(init, fds, O_NONBLOCK), 0);
    uptr src = upattern(init, PIPE_SIZE_DEFAULT, 5);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)src, (long)PIPE_SIZE_DEFAULT),
             PIPE_SIZE_DEFAULT);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), PIPE_SIZE_DEFAULT);
    CHECK_EQ(twrites(init, fds[1], "x"), -EAGAIN);
    CHECK_EQ(tread(init, fds[0], 2 * PIPE_SIZE_DEFAULT, &got), PIPE_SIZE_DEFAULT);
    CHECK(is_pattern(got, PIPE_SIZE_DEFAULT, 5));
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

/* ---- blocking and waking ---------------------------------------------------- */

TEST(pipe_reader_blocks_until_a_write)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    struct proc *c = tchild();
    uptr buf = ubuf(c, 16);

    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 16L), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK(strncmp(c->wait_what, "pipe ", 5) == 0);
    CHECK(strstr(c->wait_what, " read") != NULL);
    CHECK_EQ(kstats.waiters, 1);

    /* a spurious re-issue finds the pipe still empty and blocks again */
    wakeup_proc(c);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 16L), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);

    CHECK_EQ(twrites(init, fds[1], "wake"), 4);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 16L), 4);
    CHECK(memcmp(uhost(c, buf), "wake", 4) == 0);

    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

TEST(pipe_wait_text_names_the_pipe)
{
    int a[2], b[2];
    CHECK_EQ(tpipe(init, a, 0), 0);
    CHECK_EQ(tpipe(init, b, 0), 0);
    struct proc *c = tchild();
    uptr buf = ubuf(c, 4);
    CHECK_EQ(tsys(c, SYS_read, (long)a[0], (long)buf, 4L), KERN_BLOCK);
    char first[32];
    strcpy(first, c->wait_what);
    CHECK_EQ(twrites(init, a[1], "x"), 1);
    CHECK_EQ(tsys(c, SYS_read, (long)a[0], (long)buf, 4L), 1);
    CHECK_EQ(tsys(c, SYS_read, (long)b[0], (long)buf, 4L), KERN_BLOCK);
    CHECK(strcmp(first, c->wait_what) != 0);    /* two pipes, two names */
    CHECK(strstr(c->wait_what, " read") != NULL);
    CHECK_EQ(twrites(init, b[1], "y"), 1);
    CHECK_EQ(tsys(c, SYS_read, (long)b[0], (long)buf, 4L), 1);
    texit_reap(c, 0);
    for (int i = 0; i < 2; i++) {
        tclose(init, a[i]);
        tclose(init, b[i]);
    }
    trm("/bin/child");
}

TEST(pipe_write_wakes_every_reader_and_one_wins)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    struct proc *c1 = tchild(), *c2 = tchild();
    uptr b1 = ubuf(c1, 8), b2 = ubuf(c2, 8);
    CHECK_EQ(tsys(c1, SYS_read, (long)fds[0], (long)b1, 8L), KERN_BLOCK);
    CHECK_EQ(tsys(c2, SYS_read, (long)fds[0], (long)b2, 8L), KERN_BLOCK);
    CHECK_EQ(twrites(init, fds[1], "one"), 3);
    CHECK_EQ(c1->state, P_RUNNABLE);
    CHECK_EQ(c2->state, P_RUNNABLE);
    CHECK_EQ(tsys(c1, SYS_read, (long)fds[0], (long)b1, 8L), 3);
    CHECK_EQ(tsys(c2, SYS_read, (long)fds[0], (long)b2, 8L), KERN_BLOCK);
    CHECK_EQ(twrites(init, fds[1], "two"), 3);
    CHECK_EQ(tsys(c2, SYS_read, (long)fds[0], (long)b2, 8L), 3);
    CHECK(memcmp(uhost(c2, b2), "two", 3) == 0);
    texit_reap(c1, 0);
    texit_reap(c2, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

TEST(pipe_writer_blocks_on_full_until_a_read)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    uptr fill = upattern(init, PIPE_SIZE_DEFAULT, 1);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)fill, (long)PIPE_SIZE_DEFAULT),
             PIPE_SIZE_DEFAULT);

    struct proc *c = tchild();
    uptr one = ubytes(c, "!", 1);
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)one, 1L), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK(strstr(c->wait_what, " write") != NULL);

    char *got;
    CHECK_EQ(tread(init, fds[0], 10, &got), 10);
    CHECK(is_pattern(got, 10, 1));
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)one, 1L), 1);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), PIPE_SIZE_DEFAULT - 10 + 1);

    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

/* ---- atomic and partial writes ------------------------------------------- */

TEST(pipe_atomic_write_waits_for_room_for_all)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(twrites(init, fds[1], "a"), 1);

    /* PIPE_BUF bytes with one byte queued: 4095 would fit, but an atomic
     * write goes in whole or not at all. */
    struct proc *c = tchild();
    uptr big = upattern(c, PIPE_BUF, 9);
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)big, (long)PIPE_BUF), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 1);      /* nothing went in */

    tread_expect(init, fds[0], "a");
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)big, (long)PIPE_BUF), PIPE_BUF);
    char *got;
    CHECK_EQ(tread(init, fds[0], PIPE_BUF, &got), PIPE_BUF);
    CHECK(is_pattern(got, PIPE_BUF, 9));

    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

TEST(pipe_atomic_write_nonblocking_is_all_or_eagain)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, O_NONBLOCK), 0);
    CHECK_EQ(twrites(init, fds[1], "a"), 1);
    uptr big = upattern(init, PIPE_BUF, 2);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)big, (long)PIPE_BUF), -EAGAIN);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 1);
    /* 4095 bytes still fit whole */
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)big, (long)PIPE_BUF - 1), PIPE_BUF - 1);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_big_write_is_partial)
{
    int fds[2];
    char *got;
    CHECK_EQ(tpipe(init, fds, 0), 0);
    uptr big = upattern(init, 8192, 3);

    /* empty pipe: 8192 > PIPE_BUF, so what fits goes in and that is the count */
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)big, 8192L), 4096);
    CHECK_EQ(tread(init, fds[0], 8192, &got), 4096);
    CHECK(is_pattern(got, 4096, 3));

    /* one byte queued: 4095 go in */
    CHECK_EQ(twrites(init, fds[1], "z"), 1);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)big, 8192L), 4095);
    CHECK_EQ(tread(init, fds[0], 1, &got), 1);
    CHECK_EQ(got[0], 'z');

    /* the C library's loop: the rest, from where it stopped, once there is room */
    struct proc *c = tchild();
    uptr rest = upattern(c, 8192, 3) + 4095;
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)rest, 8192L - 4095), 1);  /* 1 free */
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)rest + 1, 8192L - 4096), KERN_BLOCK);
    CHECK_EQ(tread(init, fds[0], 4096, &got), 4096);
    CHECK(is_pattern(got, 4096, 3));
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)rest + 1, 8192L - 4096), 4096);
    CHECK_EQ(tread(init, fds[0], 8192, &got), 4096);
    CHECK(is_pattern(got, 4096, 3 + 4096 * 7));

    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

TEST(pipe_big_write_on_full_pipe)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, O_NONBLOCK), 0);
    uptr big = upattern(init, 8192, 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)big, 8192L), 4096);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)big, 8192L), -EAGAIN);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

/* ---- end of file, EPIPE and SIGPIPE --------------------------------------- */

TEST(pipe_eof_after_the_data)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(twrites(init, fds[1], "last"), 4);
    tclose(init, fds[1]);
    tread_expect(init, fds[0], "la");
    tread_expect(init, fds[0], "st");       /* the data first ... */
    CHECK_EQ(tread(init, fds[0], 10, NULL), 0);   /* ... then end of file */
    CHECK_EQ(tread(init, fds[0], 10, NULL), 0);
    tclose(init, fds[0]);
}

TEST(pipe_last_writer_close_wakes_reader_with_eof)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    struct proc *c = tchild();
    tclose(c, fds[1]);                      /* the child's copy of the write end */
    uptr buf = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), KERN_BLOCK);
    tclose(init, fds[1]);                   /* the last writer */
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), 0);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    trm("/bin/child");
}

TEST(pipe_eof_waits_for_every_writer)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    int dupw = (int)tsys(init, SYS_dup, (long)fds[1]);
    CHECK(dupw > 0);
    struct proc *c = tchild();
    tclose(c, fds[1]);
    tclose(c, dupw);
    uptr buf = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), KERN_BLOCK);
    tclose(init, fds[1]);                   /* one writer file is still open */
    CHECK_EQ(c->state, P_BLOCKED);
    tclose(init, dupw);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), 0);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    trm("/bin/child");
}

TEST(pipe_epipe_with_sigpipe_ignored)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(tsigaction(init, SIGPIPE, SIG_IGN), 0);
    tclose(init, fds[0]);
    CHECK_EQ(twrite(init, fds[1], "", 0), 0);     /* nothing to write: no EPIPE (Linux) */
    CHECK_EQ(twrites(init, fds[1], "nobody"), -EPIPE);
    CHECK_EQ(init->state, P_RUNNING);
    CHECK_EQ(init->sig_pending & SIGBIT(SIGPIPE), 0);
    CHECK_EQ(thandled(init)[0], 0);
    tclose(init, fds[1]);
}

TEST(pipe_epipe_runs_a_sigpipe_handler)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(tsigaction(init, SIGPIPE, UBASE + 0x100), 0);
    tclose(init, fds[0]);
    CHECK_EQ(twrites(init, fds[1], "x"), -EPIPE);
    CHECK_EQ(thandled(init)[0], SIGPIPE);
    CHECK_EQ(thandled(init)[1], 0);
    tclose(init, fds[1]);
}

TEST(pipe_sigpipe_kills_by_default)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    struct proc *c = tchild();
    int pid = c->pid;
    tclose(c, fds[0]);
    tclose(init, fds[0]);
    /* the write fails with EPIPE, and the pending SIGPIPE then kills c */
    long r = twrites(c, fds[1], "doomed");
    CHECK(r == -EPIPE || r == KERN_EXIT);
    CHECK_EQ(c->state, P_ZOMBIE);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
    int status = *(int *)uhost(init, st);
    CHECK(WIFSIGNALED(status));
    CHECK_EQ(WTERMSIG(status), SIGPIPE);
    tclose(init, fds[1]);
    trm("/bin/child");
}

TEST(pipe_last_reader_close_wakes_writer_with_epipe)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    uptr fill = upattern(init, PIPE_SIZE_DEFAULT, 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)fill, (long)PIPE_SIZE_DEFAULT),
             PIPE_SIZE_DEFAULT);
    struct proc *c = tchild();
    CHECK_EQ(tsigaction(c, SIGPIPE, SIG_IGN), 0);
    tclose(c, fds[0]);
    uptr one = ubytes(c, "x", 1);
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)one, 1L), KERN_BLOCK);
    tclose(init, fds[0]);                   /* the last reader goes */
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)one, 1L), -EPIPE);
    texit_reap(c, 0);
    tclose(init, fds[1]);
    trm("/bin/child");
}

/* ---- O_NONBLOCK -------------------------------------------------------------- */

TEST(pipe_nonblock_read_empty_is_eagain)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, O_NONBLOCK), 0);
    CHECK(fd_get(init, fds[0])->flags & O_NONBLOCK);
    CHECK(fd_get(init, fds[1])->flags & O_NONBLOCK);
    CHECK_EQ(tread(init, fds[0], 4, NULL), -EAGAIN);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(twrites(init, fds[1], "ok"), 2);
    tread_expect(init, fds[0], "ok");
    tclose(init, fds[1]);
    CHECK_EQ(tread(init, fds[0], 4, NULL), 0);    /* EOF beats EAGAIN */
    tclose(init, fds[0]);
}

TEST(pipe_nonblock_set_with_fcntl)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(tsys(init, SYS_fcntl, (long)fds[0], (long)F_SETFL, (long)O_NONBLOCK), 0);
    CHECK_EQ(tread(init, fds[0], 4, NULL), -EAGAIN);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

/* ---- pipe2's arguments -------------------------------------------------------- */

TEST(pipe2_flags)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, O_CLOEXEC), 0);
    CHECK(init->cloexec & ((uint64_t)1 << fds[0]));
    CHECK(init->cloexec & ((uint64_t)1 << fds[1]));
    CHECK(!(fd_get(init, fds[0])->flags & O_NONBLOCK));
    CHECK_EQ(tsys(init, SYS_fcntl, (long)fds[1], (long)F_GETFD, 0L), FD_CLOEXEC);
    tclose(init, fds[0]);
    tclose(init, fds[1]);

    CHECK_EQ(tpipe(init, fds, O_NONBLOCK | O_CLOEXEC), 0);
    CHECK(fd_get(init, fds[0])->flags & O_NONBLOCK);
    CHECK(init->cloexec & ((uint64_t)1 << fds[0]));
    tclose(init, fds[0]);
    tclose(init, fds[1]);

    CHECK_EQ(tpipe(init, fds, 0), 0);       /* and no flag leaves no bit behind */
    CHECK(!(init->cloexec & ((uint64_t)1 << fds[0])));
    CHECK(!(init->cloexec & ((uint64_t)1 << fds[1])));
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe2_bad_flags)
{
    int fds[2] = { -1, -1 };
    uint32_t files = kstats.files, pipes = kstats.pipes;
    CHECK_EQ(tpipe(init, fds, O_RDWR), -EINVAL);
    CHECK_EQ(tpipe(init, fds, O_APPEND), -EINVAL);
    CHECK_EQ(tpipe(init, fds, O_NONBLOCK | O_CREAT), -EINVAL);
    CHECK_EQ(tpipe(init, fds, -1), -EINVAL);
    CHECK_EQ(kstats.files, files);
    CHECK_EQ(kstats.pipes, pipes);
    CHECK(fd_get(init, 3) == NULL);
}

TEST(pipe2_bad_address_undoes_everything)
{
    uint32_t files = kstats.files, pipes = kstats.pipes;
    CHECK_EQ(tsys(init, SYS_pipe2, 0L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_pipe2, (long)(UBASE - 4), 0L), -EFAULT);  /* half in */
    CHECK_EQ(tsys(init, SYS_pipe2, (long)(UBASE + USIZE - 4), (long)O_CLOEXEC), -EFAULT);
    CHECK_EQ(kstats.files, files);
    CHECK_EQ(kstats.pipes, pipes);
    CHECK(fd_get(init, 3) == NULL);
    CHECK(fd_get(init, 4) == NULL);
    CHECK_EQ(init->cloexec & (((uint64_t)1 << 3) | ((uint64_t)1 << 4)), 0);
    /* the descriptors were given back: the next pipe gets them */
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(fds[0], 3);
    CHECK_EQ(fds[1], 4);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

/* Fill init's descriptor table up to `free` free slots; returns how many
 * descriptors it opened (all dups of fd 0, closed by tunfill). */
static int tfill(int free)
{
    int n = 0;
    for (;;) {
        int used = 0;
        for (int fd = 0; fd < NOFILE; fd++)
            used += fd_get(init, fd) != NULL;
        if (NOFILE - used <= free)
            return n;
        CHECK(tsys(init, SYS_dup, 0L) > 0);
        n++;
    }
}

static void tunfill(void)
{
    for (int fd = 3; fd < NOFILE; fd++)
        if (fd_get(init, fd))
            tclose(init, fd);
}

TEST(pipe2_full_descriptor_table)
{
    uint32_t files = kstats.files, pipes = kstats.pipes;
    int fds[2] = { -1, -1 };

    tfill(1);                               /* room for one end only */
    CHECK_EQ(tpipe(init, fds, 0), -EMFILE);
    CHECK_EQ(kstats.pipes, pipes);
    int used = 0;
    for (int fd = 0; fd < NOFILE; fd++)
        used += fd_get(init, fd) != NULL;
    CHECK_EQ(used, NOFILE - 1);             /* the first end was given back */

    tfill(0);                               /* no room at all */
    CHECK_EQ(tpipe(init, fds, O_CLOEXEC), -EMFILE);
    CHECK_EQ(kstats.pipes, pipes);

    tunfill();
    CHECK_EQ(kstats.files, files);
}

/* ---- F_SETPIPE_SZ and F_GETPIPE_SZ ------------------------------------------------- */

static long tfcntl(int fd, int cmd, long arg)
{
    return tsys(init, SYS_fcntl, (long)fd, (long)cmd, arg);
}

TEST(pipe_size_get_and_set)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(tfcntl(fds[0], F_GETPIPE_SZ, 0), PIPE_SIZE_DEFAULT);
    CHECK_EQ(tfcntl(fds[1], F_GETPIPE_SZ, 0), PIPE_SIZE_DEFAULT);
    CHECK_EQ(tfcntl(fds[1], F_SETPIPE_SZ, 5000), 8192);           /* rounded up */
    CHECK_EQ(tfcntl(fds[0], F_GETPIPE_SZ, 0), 8192);              /* one pipe */
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, 1), PIPE_SIZE_DEFAULT); /* at least 4096 */
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, 65536), 65536);         /* exact powers stay */
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, 65536), 65536);         /* and again */
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, PIPE_SIZE_MAX), PIPE_SIZE_MAX);
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, PIPE_SIZE_MAX + 1), -EINVAL);
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, 0), -EINVAL);
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, -4096), -EINVAL);
    CHECK_EQ(tfcntl(fds[0], F_GETPIPE_SZ, 0), PIPE_SIZE_MAX);     /* errors change nothing */
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_size_holds_more)
{
    int fds[2];
    char *got;
    CHECK_EQ(tpipe(init, fds, O_NONBLOCK), 0);
    CHECK_EQ(tfcntl(fds[1], F_SETPIPE_SZ, 65536), 65536);
    uptr big = upattern(init, 70000, 4);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)big, 70000L), 65536);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)big, 1L), -EAGAIN);
    CHECK_EQ(tread(init, fds[0], 70000, &got), 65536);
    CHECK(is_pattern(got, 65536, 4));
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_size_keeps_queued_bytes_in_order)
{
    int fds[2];
    char *got;
    CHECK_EQ(tpipe(init, fds, 0), 0);
    /* queue 3000 bytes that wrap around the end of the 4096-byte ring */
    uptr skip = upattern(init, 3000, 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)skip, 3000L), 3000);
    CHECK_EQ(tread(init, fds[0], 3000, NULL), 3000);
    uptr data = upattern(init, 3000, 42);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)data, 3000L), 3000);

    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, 16384), 16384);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 3000);
    CHECK_EQ(tread(init, fds[0], 8000, &got), 3000);
    CHECK(is_pattern(got, 3000, 42));

    /* and back down, again with bytes queued */
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)data, 3000L), 3000);
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, 4096), 4096);
    CHECK_EQ(tread(init, fds[0], 8000, &got), 3000);
    CHECK(is_pattern(got, 3000, 42));
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_size_below_queued_is_ebusy)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(tfcntl(fds[1], F_SETPIPE_SZ, 16384), 16384);
    uptr data = upattern(init, 5000, 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)data, 5000L), 5000);
    CHECK_EQ(tfcntl(fds[1], F_SETPIPE_SZ, 4096), -EBUSY);
    CHECK_EQ(tfcntl(fds[1], F_GETPIPE_SZ, 0), 16384);
    CHECK_EQ(tfcntl(fds[1], F_SETPIPE_SZ, 5000), 8192);   /* 8192 >= 5000 queued */
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 5000);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_size_growth_wakes_a_blocked_writer)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    uptr fill = upattern(init, PIPE_SIZE_DEFAULT, 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)fill, (long)PIPE_SIZE_DEFAULT),
             PIPE_SIZE_DEFAULT);
    struct proc *c = tchild();
    uptr more = upattern(c, 100, 0);
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)more, 100L), KERN_BLOCK);
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, 8192), 8192);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)more, 100L), 100);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), PIPE_SIZE_DEFAULT + 100);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

TEST(pipe_size_direct_calls)
{
    struct pipe *pi = pipe_alloc();
    CHECK(pi != NULL);
    pipe_open_end(pi, true, true);
    CHECK_EQ(pipe_get_size(pi), PIPE_SIZE_DEFAULT);
    CHECK_EQ(pipe_set_size(pi, 4097), 8192);
    CHECK_EQ(pipe_set_size(pi, 300000), 524288);
    CHECK_EQ(pipe_set_size(pi, PIPE_SIZE_MAX - 1), PIPE_SIZE_MAX);
    CHECK_EQ(pipe_set_size(pi, (long)PIPE_SIZE_MAX * 4), -EINVAL);
    CHECK_EQ(pipe_readers(pi), 1);
    CHECK_EQ(pipe_writers(pi), 1);
    pipe_close_end(pi, true, false);
    CHECK_EQ(pipe_readers(pi), 0);
    pipe_close_end(pi, false, true);        /* frees it */
}

/* ---- bad user memory ---------------------------------------------------------- */

TEST(pipe_read_bad_buffer_consumes_nothing)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(twrites(init, fds[1], "keep"), 4);
    CHECK_EQ(tsys(init, SYS_read, (long)fds[0], 16L, 4L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_read, (long)fds[0], (long)(UBASE + USIZE - 2), 4L), -EFAULT);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 4);
    tread_expect(init, fds[0], "keep");
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_read_fault_in_the_wrapped_part_consumes_nothing)
{
    int fds[2];
    char *got;
    CHECK_EQ(tpipe(init, fds, 0), 0);
    uptr skip = upattern(init, 4000, 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)skip, 4000L), 4000);
    CHECK_EQ(tread(init, fds[0], 4000, NULL), 4000);
    uptr data = upattern(init, 200, 77);    /* 96 bytes at the end, 104 at the start */
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)data, 200L), 200);

    /* the first copy (96 bytes) succeeds, the second faults */
    uptr dst = ubuf(init, 200);
    tfault_range(init, dst + 150, dst + 151);
    CHECK_EQ(tsys(init, SYS_read, (long)fds[0], (long)dst, 200L), -EFAULT);
    tfault_range(init, 0, 0);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 200);
    CHECK_EQ(tread(init, fds[0], 200, &got), 200);
    CHECK(is_pattern(got, 200, 77));
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_write_bad_buffer_queues_nothing)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], 16L, 4L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)(UBASE + USIZE - 2), 8000L), -EFAULT);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 0);
    CHECK_EQ(twrites(init, fds[1], "fine"), 4);
    tread_expect(init, fds[0], "fine");
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_write_fault_in_the_wrapped_part_queues_nothing)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    uptr skip = upattern(init, 4000, 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)skip, 4000L), 4000);
    CHECK_EQ(tread(init, fds[0], 4000, NULL), 4000);
    uptr src = upattern(init, 200, 1);
    tfault_range(init, src + 150, src + 151);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)src, 200L), -EFAULT);
    tfault_range(init, 0, 0);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}

TEST(pipe_read_fault_does_not_lose_a_wakeup)
{
    /* a faulting read must not wake writers as if it had made room */
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    uptr fill = upattern(init, PIPE_SIZE_DEFAULT, 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)fill, (long)PIPE_SIZE_DEFAULT),
             PIPE_SIZE_DEFAULT);
    struct proc *c = tchild();
    uptr one = ubytes(c, "x", 1);
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)one, 1L), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_read, (long)fds[0], 16L, 10L), -EFAULT);
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK_EQ(tread(init, fds[0], 1, NULL), 1);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)one, 1L), 1);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

/* ---- killed or interrupted while blocked ------------------------------------- */

TEST(pipe_killed_while_blocked_in_read)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    struct proc *c = tchild();
    uptr buf = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 1);
    tkill_reap(c, SIGKILL);
    CHECK_EQ(kstats.waiters, 0);
    /* the pipe still works for the rest */
    CHECK_EQ(twrites(init, fds[1], "after"), 5);
    tread_expect(init, fds[0], "after");
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

TEST(pipe_killed_while_blocked_in_write)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    uptr fill = upattern(init, PIPE_SIZE_DEFAULT, 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)fill, (long)PIPE_SIZE_DEFAULT),
             PIPE_SIZE_DEFAULT);
    struct proc *c = tchild();
    uptr more = upattern(c, 10, 0);
    CHECK_EQ(tsys(c, SYS_write, (long)fds[1], (long)more, 10L), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 1);
    tkill_reap(c, SIGKILL);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), PIPE_SIZE_DEFAULT);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

TEST(pipe_killed_holding_the_last_ends)
{
    /* the child holds the only ends when it dies: the pipe goes with it */
    uint32_t pipes = kstats.pipes;
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    struct proc *c = tchild();
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    uptr buf = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), KERN_BLOCK);
    tkill_reap(c, SIGTERM);
    CHECK_EQ(kstats.pipes, pipes);
    trm("/bin/child");
}

TEST(pipe_read_interrupted_by_a_handler)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    struct proc *c = tchild();
    CHECK_EQ(tsigaction(c, SIGUSR1, UBASE + 0x100), 0);
    uptr buf = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK(c->wq == NULL);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), -EINTR);
    CHECK_EQ(thandled(c)[0], SIGUSR1);
    /* a fresh read blocks again, and works */
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), KERN_BLOCK);
    CHECK_EQ(twrites(init, fds[1], "hi"), 2);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), 2);
    texit_reap(c, 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    trm("/bin/child");
}

TEST(pipe_exit_closes_the_ends)
{
    /* a child that exits without closing still lets the reader see EOF */
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    struct proc *c = tchild();
    tclose(init, fds[1]);
    CHECK_EQ(twrites(c, fds[1], "bye"), 3);
    texit_reap(c, 0);
    tread_expect(init, fds[0], "bye");
    CHECK_EQ(tread(init, fds[0], 8, NULL), 0);
    tclose(init, fds[0]);
    trm("/bin/child");
}

/* ---- out of kernel memory -------------------------------------------------- */

/* Take the whole kernel heap but a hole of about `hole` bytes, so that only
 * allocations that fit in it succeed; theap_release gives it all back. */
#define SQUEEZE_MAX 1024
static void *squeezed[SQUEEZE_MAX];
static int nsqueezed;

static void theap_squeeze(size_t hole)
{
    void *h = hole ? kalloc(hole) : NULL;
    for (size_t chunk = (size_t)1 << 24; chunk > 0; chunk /= 2)
        while (nsqueezed < SQUEEZE_MAX && (squeezed[nsqueezed] = kalloc(chunk)) != NULL)
            nsqueezed++;
    CHECK(nsqueezed < SQUEEZE_MAX);
    kfree(h);
}

static void theap_release(void)
{
    while (nsqueezed > 0)
        kfree(squeezed[--nsqueezed]);
}

TEST(pipe2_out_of_memory_at_every_step)
{
    /* Grow the hole 16 bytes at a time: pipe2's allocations (the pipe, its
     * buffer, two files) fail one after the other, and each failure must
     * give back what the earlier ones took. */
    uint32_t files = kstats.files, pipes = kstats.pipes;
    uint64_t used = kstats.heap_used;
    bool nomem = false, nfile = false, ok = false;
    for (size_t hole = 0; hole <= 2 * PIPE_SIZE_DEFAULT && !ok; hole += 16) {
        int fds[2];
        theap_squeeze(hole);
        long r = tpipe(init, fds, 0);
        theap_release();
        if (r == 0) {
            ok = true;
            tclose(init, fds[0]);
            tclose(init, fds[1]);
        } else if (r == -ENOMEM) {
            nomem = true;
        } else if (r == -ENFILE) {
            nfile = true;
        } else {
            CHECK_EQ(r, 0);
        }
        CHECK_EQ(kstats.files, files);
        CHECK_EQ(kstats.pipes, pipes);
        CHECK_EQ(kstats.heap_used, used);
        CHECK(fd_get(init, 3) == NULL);
    }
    CHECK(nomem);
    CHECK(nfile);
    CHECK(ok);
}

TEST(pipe_size_out_of_memory_keeps_the_pipe)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(twrites(init, fds[1], "safe"), 4);
    theap_squeeze(0);
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, 65536), -ENOMEM);
    theap_release();
    CHECK_EQ(tfcntl(fds[0], F_GETPIPE_SZ, 0), PIPE_SIZE_DEFAULT);
    tread_expect(init, fds[0], "safe");
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}
