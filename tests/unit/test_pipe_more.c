/*
 * test_pipe_more.c - pipes, continued: resizing with F_SETPIPE_SZ, bad user
 * memory, processes killed or interrupted while blocked, and running out of
 * kernel memory. (test_pipe.c has the basic reading, writing and blocking.)
 */
#include "pipetest.h"

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
    CHECK_EQ(PIPE_SIZE_DEFAULT, 65536);                            /* as on Linux */
    CHECK_EQ(tfcntl(fds[1], F_SETPIPE_SZ, 5000), 8192);           /* rounded up */
    CHECK_EQ(tfcntl(fds[0], F_GETPIPE_SZ, 0), 8192);              /* one pipe */
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, 1), PIPE_SIZE_MIN);     /* at least 4096 */
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
    CHECK_EQ(tpipe_small(init, fds, 0), 0);
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
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, 2 * PIPE_SIZE_DEFAULT), 2 * PIPE_SIZE_DEFAULT);
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
    CHECK_EQ(tpipe_small(init, fds, 0), 0);
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
    CHECK_EQ(tpipe_small(init, fds, 0), 0);
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
    CHECK(c->nwaits == 0);
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
        tsqueeze(hole);
        long r = tpipe(init, fds, 0);
        trelease();
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
    tsqueeze(0);
    CHECK_EQ(tfcntl(fds[0], F_SETPIPE_SZ, 2 * PIPE_SIZE_DEFAULT), -ENOMEM);
    trelease();
    CHECK_EQ(tfcntl(fds[0], F_GETPIPE_SZ, 0), PIPE_SIZE_DEFAULT);
    tread_expect(init, fds[0], "safe");
    tclose(init, fds[0]);
    tclose(init, fds[1]);
}
