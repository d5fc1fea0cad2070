/*
 * test_splice.c - splice(2): bytes of a regular file moved into a pipe
 * inside the kernel (ipc/pipe.c, sys_splice and pipe_fill_from), with the
 * file's offset or the caller's, blocking like a big write, and EINVAL for
 * every pair of files Duplex does not splice.
 */
#include "pipetest.h"
#include "fstest.h"

static long tsplice(struct proc *p, int in, uptr off_in, int out, uptr off_out, long len,
                    long flags)
{
    return tsys(p, SYS_splice, (long)in, (long)off_in, (long)out, (long)off_out, len, flags);
}

/* /f holding n bytes of the pattern with seed; returns it open for reading. */
static int tpattern_file(size_t n, int seed)
{
    long fd = sopen(init, "/f", O_CREAT | O_TRUNC | O_WRONLY, 0644);
    CHECK(fd >= 0);
    CHECK_EQ(tsys(init, SYS_write, fd, (long)upattern(init, n, seed), (long)n), (long)n);
    sclose(init, fd);
    fd = sopen(init, "/f", O_RDONLY, 0);
    CHECK(fd >= 0);
    return (int)fd;
}

TEST(splice_file_into_pipe_moves_the_file_offset)
{
    int fds[2];
    char *got;
    int in = tpattern_file(10000, 3);
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(tsplice(init, in, 0, fds[1], 0, 4000, 0), 4000);
    CHECK_EQ(tsplice(init, in, 0, fds[1], 0, 100000, SPLICE_F_MOVE | SPLICE_F_MORE), 6000);
    CHECK_EQ(tsplice(init, in, 0, fds[1], 0, 100, 0), 0);          /* end of the file */
    CHECK_EQ(tsys(init, SYS_lseek, (long)in, 0L, (long)SEEK_CUR), 10000);
    CHECK_EQ(tread(init, fds[0], 20000, &got), 10000);
    CHECK(is_pattern(got, 10000, 3));
    CHECK_EQ(tsplice(init, in, 0, fds[1], 0, 0, 0), 0);            /* nothing asked */
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    sclose(init, in);
    trm("/f");
}

TEST(splice_at_an_offset_leaves_the_file_offset)
{
    int fds[2];
    char *got;
    int in = tpattern_file(5000, 9);
    CHECK_EQ(tpipe(init, fds, 0), 0);
    uptr off = ubuf(init, sizeof(int64_t));
    *(int64_t *)uhost(init, off) = 1000;
    CHECK_EQ(tsplice(init, in, off, fds[1], 0, 3000, 0), 3000);
    CHECK_EQ(*(int64_t *)uhost(init, off), 4000);
    CHECK_EQ(tsys(init, SYS_lseek, (long)in, 0L, (long)SEEK_CUR), 0);
    CHECK_EQ(tsplice(init, in, off, fds[1], 0, 3000, 0), 1000);     /* to the end */
    CHECK_EQ(*(int64_t *)uhost(init, off), 5000);
    CHECK_EQ(tread(init, fds[0], 8000, &got), 4000);
    CHECK(is_pattern(got, 4000, 9 + 1000 * 7));
    *(int64_t *)uhost(init, off) = -1;
    CHECK_EQ(tsplice(init, in, off, fds[1], 0, 10, 0), -EINVAL);
    CHECK_EQ(tsplice(init, in, 16, fds[1], 0, 10, 0), -EFAULT);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 0);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    sclose(init, in);
    trm("/f");
}

TEST(splice_wraps_around_the_ring)
{
    int fds[2];
    char *got;
    int in = tpattern_file(3000, 5);
    CHECK_EQ(tpipe_small(init, fds, 0), 0);
    uptr skip = upattern(init, 3000, 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)skip, 3000L), 3000);
    CHECK_EQ(tread(init, fds[0], 3000, NULL), 3000);
    /* 1096 bytes up to the end of the 4096-byte ring, 1904 from its start */
    CHECK_EQ(tsplice(init, in, 0, fds[1], 0, 3000, 0), 3000);
    CHECK_EQ(tread(init, fds[0], 3000, &got), 3000);
    CHECK(is_pattern(got, 3000, 5));
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    sclose(init, in);
    trm("/f");
}

TEST(splice_into_a_full_pipe_blocks_or_says_eagain)
{
    int fds[2];
    char *got;
    int in = tpattern_file(100, 1);
    CHECK_EQ(tpipe_small(init, fds, 0), 0);
    uptr fill = upattern(init, PIPE_SIZE_MIN, 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)fill, (long)PIPE_SIZE_MIN), PIPE_SIZE_MIN);
    CHECK_EQ(tsplice(init, in, 0, fds[1], 0, 100, SPLICE_F_NONBLOCK), -EAGAIN);

    struct proc *c = tchild();
    CHECK_EQ(tsplice(c, in, 0, fds[1], 0, 100, 0), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK_EQ(tsys(init, SYS_lseek, (long)in, 0L, (long)SEEK_CUR), 0);   /* nothing moved */
    CHECK_EQ(tread(init, fds[0], 60, NULL), 60);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsplice(c, in, 0, fds[1], 0, 100, 0), 60);                /* what fits */
    CHECK_EQ(tread(init, fds[0], PIPE_SIZE_MIN - 60, NULL), PIPE_SIZE_MIN - 60);
    CHECK_EQ(tread(init, fds[0], 100, &got), 60);
    CHECK(is_pattern(got, 60, 1));
    texit_reap(c, 0);

    /* O_NONBLOCK on the pipe's end counts too */
    CHECK_EQ(tsys(init, SYS_fcntl, (long)fds[1], (long)F_SETFL, (long)O_NONBLOCK), 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fds[1], (long)fill, (long)PIPE_SIZE_MIN), PIPE_SIZE_MIN);
    CHECK_EQ(tsplice(init, in, 0, fds[1], 0, 100, 0), -EAGAIN);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    sclose(init, in);
    trm("/f");
    trm("/bin/child");
}

TEST(splice_with_no_reader_is_epipe_and_sigpipe)
{
    int fds[2];
    int in = tpattern_file(100, 1);
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(tsigaction(init, SIGPIPE, SIG_IGN), 0);
    tclose(init, fds[0]);
    CHECK_EQ(tsplice(init, in, 0, fds[1], 0, 100, 0), -EPIPE);
    CHECK_EQ(tsys(init, SYS_lseek, (long)in, 0L, (long)SEEK_CUR), 0);
    CHECK_EQ(tsigaction(init, SIGPIPE, UBASE + 0x100), 0);
    CHECK_EQ(tsplice(init, in, 0, fds[1], 0, 100, 0), -EPIPE);
    CHECK_EQ(thandled(init)[0], SIGPIPE);
    tclose(init, fds[1]);
    sclose(init, in);
    trm("/f");
}

TEST(splice_refuses_what_it_cannot_splice)
{
    int fds[2], other[2];
    int in = tpattern_file(100, 1);
    CHECK_EQ(tpipe(init, fds, 0), 0);
    CHECK_EQ(tpipe(init, other, 0), 0);
    long out = sopen(init, "/g", O_CREAT | O_WRONLY, 0644);
    long wonly = sopen(init, "/f", O_WRONLY, 0);
    CHECK_EQ(sys3(init, SYS_mkdir, (long)ustr(init, "/d"), 0755, 0), 0);
    long dir = sopen(init, "/d", O_RDONLY, 0);
    long null = sopen(init, "/dev/null", O_RDONLY, 0);
    CHECK(out >= 0 && wonly >= 0 && dir >= 0 && null >= 0);

    CHECK_EQ(tsplice(init, 40, 0, fds[1], 0, 10, 0), -EBADF);
    CHECK_EQ(tsplice(init, in, 0, 40, 0, 10, 0), -EBADF);
    CHECK_EQ(tsplice(init, (int)wonly, 0, fds[1], 0, 10, 0), -EBADF);   /* not readable */
    CHECK_EQ(tsplice(init, in, 0, fds[0], 0, 10, 0), -EBADF);           /* a read end */
    CHECK_EQ(tsplice(init, in, 0, (int)out, 0, 10, 0), -EINVAL);        /* no pipe */
    CHECK_EQ(tsplice(init, other[0], 0, fds[1], 0, 10, 0), -EINVAL);    /* pipe to pipe */
    CHECK_EQ(tsplice(init, other[0], 0, (int)out, 0, 10, 0), -EINVAL);  /* pipe to file */
    CHECK_EQ(tsplice(init, (int)dir, 0, fds[1], 0, 10, 0), -EINVAL);
    CHECK_EQ(tsplice(init, (int)null, 0, fds[1], 0, 10, 0), -EINVAL);
    CHECK_EQ(tsplice(init, in, 0, fds[1], 0, 10, 0x100), -EINVAL);      /* unknown flag */
    CHECK_EQ(tsplice(init, in, 0, fds[1], ubuf(init, 8), 10, 0), -ESPIPE);
    CHECK_EQ(pipe_nread(pipe_of(init, fds[0])), 0);

    sclose(init, out);
    sclose(init, wonly);
    sclose(init, dir);
    sclose(init, null);
    tclose(init, other[0]);
    tclose(init, other[1]);
    tclose(init, fds[0]);
    tclose(init, fds[1]);
    sclose(init, in);
    trm("/f");
    trm("/g");
    CHECK_EQ(spath(init, SYS_rmdir, "/d"), 0);
}

TEST(splice_into_a_fifo)
{
    CHECK_EQ(sys3(init, SYS_mknod, (long)ustr(init, "/fifo"), S_IFIFO | 0644, 0), 0);
    long r = sopen(init, "/fifo", O_RDWR, 0);
    CHECK(r >= 0);
    int in = tpattern_file(300, 2);
    char *got;
    CHECK_EQ(tsplice(init, in, 0, (int)r, 0, 1000, 0), 300);
    CHECK_EQ(tread(init, (int)r, 1000, &got), 300);
    CHECK(is_pattern(got, 300, 2));
    sclose(init, r);
    sclose(init, in);
    trm("/f");
    trm("/fifo");
}
