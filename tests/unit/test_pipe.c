/*
 * test_pipe.c - unit tests of ipc/pipe.c: pipe2, reading and writing,
 * blocking and waking, atomic and partial writes, EOF and EPIPE, SIGPIPE,
 * O_NONBLOCK and pipe2's arguments. (test_pipe_more.c: resizing, bad user
 * memory, processes killed while they wait, running out of memory.)
 *
 * Every test drives fake processes through system calls (tsys), the way a
 * platform would; a call that blocks returns KERN_BLOCK and is re-issued
 * later by calling tsys again with the same arguments.
 */
#include "pipetest.h"

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
    CHECK_EQ(tpipe_small(init, fds, 0), 0);
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

/* A new pipe holds 64 KiB, as on Linux: a writer of 4 KiB blocks (dd,
 * stdio) runs sixteen blocks ahead of its reader before it must wait. */
TEST(pipe_new_holds_64k)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds, O_NONBLOCK), 0);
    uptr src = upattern(init, 65536, 1);
    for (int i = 0; i < 16; i++)
        CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)src + 4096 * i, 4096L), 4096);
    CHECK_EQ(twrites(init, fds[1], "x"), -EAGAIN);
    char *got;
    CHECK_EQ(tread(init, fds[0], 65536, &got), 65536);
    CHECK(is_pattern(got, 65536, 1));
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
    CHECK_EQ(tpipe_small(init, fds, 0), 0);
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
    CHECK_EQ(tpipe_small(init, fds, O_NONBLOCK), 0);
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
    CHECK_EQ(tpipe_small(init, fds, 0), 0);
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
    CHECK_EQ(tpipe_small(init, fds, O_NONBLOCK), 0);
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
