/*
 * test_file.c - open files and descriptors: open's flags, read, write,
 * lseek, ftruncate, dup, dup2, fcntl, fstat, ioctl, the descriptor table
 * and what spawn passes on (file.c, sysfile.c, ramfs.c contents).
 */
#include "fstest.h"

TEST(file_open_creates_and_finds)
{
    struct k_stat st;
    long fd = sopen(init, "/f", O_CREAT | O_EXCL | O_WRONLY, 0666);
    CHECK_EQ(fd, 3);                             /* 0, 1, 2: the console */
    CHECK_EQ(sfstat(init, fd, &st), 0);
    CHECK(S_ISREG(st.st_mode));
    CHECK_EQ(st.st_mode & 0777, 0644);
    CHECK_EQ(st.st_size, 0);
    CHECK_EQ(swrite(init, fd, "hello"), 5);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(sopen(init, "/f", O_CREAT | O_EXCL | O_RDWR, 0644), -EEXIST);
    fd = sopen(init, "/f", O_CREAT | O_RDWR, 0600);   /* exists: just open it */
    CHECK_EQ(fd, 3);
    CHECK_EQ(sfstat(init, fd, &st), 0);
    CHECK_EQ(st.st_mode & 0777, 0644);               /* mode untouched */
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_STR(slurp(init, "/f"), "hello");
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_open_errors)
{
    mkfile("/f", "", 0644);
    CHECK_EQ(sopen(init, "/nope", O_RDONLY, 0), -ENOENT);
    CHECK_EQ(sopen(init, "/nope/f", O_CREAT | O_RDWR, 0644), -ENOENT);
    CHECK_EQ(sopen(init, "/f/x", O_CREAT | O_RDWR, 0644), -ENOTDIR);
    CHECK_EQ(sopen(init, "/f", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
    CHECK_EQ(sopen(init, "/f/", O_RDONLY, 0), -ENOTDIR);
    CHECK_EQ(sopen(init, "/new/", O_CREAT | O_RDWR, 0644), -EISDIR);
    CHECK_EQ(sopen(init, "/tmp", O_WRONLY, 0), -EISDIR);
    CHECK_EQ(sopen(init, "/tmp", O_RDWR, 0), -EISDIR);
    CHECK_EQ(sopen(init, "/tmp", O_RDONLY | O_CREAT, 0644), -EISDIR);
    CHECK_EQ(sopen(init, "/tmp/.", O_RDONLY | O_CREAT, 0644), -EISDIR);
    CHECK_EQ(sopen(init, "/tmp/..", O_RDONLY | O_CREAT | O_EXCL, 0644), -EEXIST);
    CHECK_EQ(sopen(init, "/g", O_RDONLY | O_CREAT | O_DIRECTORY, 0644), -EINVAL);
    CHECK_EQ(sopen(init, "/f", O_ACCMODE, 0), -EINVAL);
    CHECK_EQ(sys3(init, SYS_open, 8, O_RDONLY, 0), -EFAULT);
    CHECK_EQ(sys3(init, SYS_open, (long)unterminated(init), O_RDONLY, 0), -EFAULT);
    long fd = sopen(init, "/tmp", O_RDONLY | O_DIRECTORY, 0);
    CHECK(fd >= 0);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_o_trunc_and_o_append)
{
    char buf[32];
    mkfile("/f", "0123456789", 0644);
    long fd = sopen(init, "/f", O_RDONLY | O_TRUNC, 0);  /* no write access: ignored */
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_STR(slurp(init, "/f"), "0123456789");
    fd = sopen(init, "/f", O_WRONLY | O_TRUNC, 0);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_STR(slurp(init, "/f"), "");
    fd = sopen(init, "/f", O_RDWR | O_APPEND, 0);
    CHECK_EQ(swrite(init, fd, "ab"), 2);
    CHECK_EQ(slseek(init, fd, 0, SEEK_SET), 0);
    CHECK_EQ(swrite(init, fd, "cd"), 2);         /* still at the end */
    CHECK_EQ(slseek(init, fd, 0, SEEK_CUR), 4);
    CHECK_EQ(slseek(init, fd, 0, SEEK_SET), 0);
    CHECK_EQ(sread(init, fd, buf, sizeof buf - 1), 4);
    CHECK_STR(buf, "abcd");
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_read_write_and_offsets)
{
    char buf[32];
    long fd = sopen(init, "/f", O_CREAT | O_RDWR, 0644);
    CHECK_EQ(swrite(init, fd, "hello, world"), 12);
    CHECK_EQ(sread(init, fd, buf, 5), 0);        /* at the end */
    CHECK_EQ(slseek(init, fd, 7, SEEK_SET), 7);
    CHECK_EQ(sread(init, fd, buf, 3), 3);
    CHECK_STR(buf, "wor");
    CHECK_EQ(slseek(init, fd, -3, SEEK_END), 9);
    CHECK_EQ(sread(init, fd, buf, 31), 3);
    CHECK_STR(buf, "rld");
    CHECK_EQ(slseek(init, fd, -12, SEEK_CUR), 0);
    CHECK_EQ(swrite(init, fd, "J"), 1);
    CHECK_EQ(sread(init, fd, buf, 4), 4);
    CHECK_STR(buf, "ello");
    CHECK_EQ(sys3(init, SYS_read, fd, (long)ubuf(init, 4), 0), 0);
    CHECK_EQ(sys3(init, SYS_write, fd, (long)ubuf(init, 4), 0), 0);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_STR(slurp(init, "/f"), "Jello, world");
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_read_write_errors)
{
    mkfile("/f", "data", 0644);
    long ro = sopen(init, "/f", O_RDONLY, 0);
    long wo = sopen(init, "/f", O_WRONLY, 0);
    long dir = sopen(init, "/tmp", O_RDONLY, 0);
    uptr b = ubuf(init, 16);
    CHECK_EQ(sys3(init, SYS_read, wo, (long)b, 4), -EBADF);
    CHECK_EQ(sys3(init, SYS_write, ro, (long)b, 4), -EBADF);
    CHECK_EQ(sys3(init, SYS_read, dir, (long)b, 4), -EISDIR);
    CHECK_EQ(sys3(init, SYS_write, dir, (long)b, 4), -EBADF);
    CHECK_EQ(sys3(init, SYS_read, 40, (long)b, 4), -EBADF);
    CHECK_EQ(sys3(init, SYS_read, -1, (long)b, 4), -EBADF);
    CHECK_EQ(sys3(init, SYS_write, 64, (long)b, 4), -EBADF);
    CHECK_EQ(sys3(init, SYS_write, (1L << 32) + 3, (long)b, 4), -EBADF);
    CHECK_EQ(sys3(init, SYS_read, ro, (long)b, -1), -EINVAL);
    CHECK_EQ(sys3(init, SYS_write, wo, (long)b, -5), -EINVAL);
    CHECK_EQ(sys3(init, SYS_read, ro, 8, 4), -EFAULT);
    CHECK_EQ(sys3(init, SYS_write, wo, 8, 4), -EFAULT);
    CHECK_EQ(sys3(init, SYS_write, wo, (long)(UBASE + USIZE - 2), 4), -EFAULT);
    CHECK_STR(slurp(init, "/f"), "data");       /* the failed writes left it */
    CHECK_EQ(sclose(init, ro), 0);
    CHECK_EQ(sclose(init, wo), 0);
    CHECK_EQ(sclose(init, dir), 0);
    CHECK_EQ(sclose(init, ro), -EBADF);
    CHECK_EQ(sclose(init, -1), -EBADF);
    CHECK_EQ(sclose(init, NOFILE), -EBADF);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_big_writes_grow_and_fault_short)
{
    enum { N = 200000 };
    long fd = sopen(init, "/big", O_CREAT | O_RDWR, 0644);
    uptr b = ubuf(init, N);
    uint8_t *h = uhost(init, b);
    for (int i = 0; i < N; i++)
        h[i] = (uint8_t)(i * 7);
    CHECK_EQ(sys3(init, SYS_write, fd, (long)b, N), N);
    memset(h, 0, N);
    CHECK_EQ(slseek(init, fd, 0, SEEK_SET), 0);
    CHECK_EQ(sys3(init, SYS_read, fd, (long)b, N), N);
    int bad = 0;
    for (int i = 0; i < N; i++)
        bad += h[i] != (uint8_t)(i * 7);
    CHECK_EQ(bad, 0);
    /* a huge count: it writes what it can copy, in whole 16 KiB pieces */
    uptr top = UBASE + USIZE - 20000;
    CHECK_EQ(slseek(init, fd, 0, SEEK_SET), 0);
    CHECK_EQ(sys3(init, SYS_write, fd, (long)top, 1L << 40), 16384);
    CHECK_EQ(slseek(init, fd, 0, SEEK_END), N);
    CHECK_EQ(sys3(init, SYS_read, fd, (long)top, 1L << 40), 0);
    CHECK_EQ(slseek(init, fd, N - 10, SEEK_SET), N - 10);
    CHECK_EQ(sys3(init, SYS_read, fd, (long)top, 1L << 40), 10);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/big"), 0);
}

TEST(file_sparse_writes_read_as_zeros)
{
    char buf[32];
    long fd = sopen(init, "/f", O_CREAT | O_RDWR, 0644);
    CHECK_EQ(swrite(init, fd, "abc"), 3);
    CHECK_EQ(sys3(init, SYS_ftruncate, fd, 1, 0), 0);      /* leaves "bc" in spare room */
    CHECK_EQ(slseek(init, fd, 6, SEEK_SET), 6);
    CHECK_EQ(swrite(init, fd, "z"), 1);
    CHECK_EQ(slseek(init, fd, 0, SEEK_SET), 0);
    CHECK_EQ(sread(init, fd, buf, sizeof buf - 1), 7);
    CHECK(memcmp(buf, "a\0\0\0\0\0z", 7) == 0);
    CHECK_EQ(slseek(init, fd, 100000, SEEK_SET), 100000);
    CHECK_EQ(swrite(init, fd, "end"), 3);
    struct k_stat st;
    CHECK_EQ(sfstat(init, fd, &st), 0);
    CHECK_EQ(st.st_size, 100003);
    CHECK_EQ(slseek(init, fd, 50000, SEEK_SET), 50000);
    CHECK_EQ(sread(init, fd, buf, 8), 8);
    CHECK(memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_lseek_errors)
{
    mkfile("/f", "abc", 0644);
    long fd = sopen(init, "/f", O_RDONLY, 0);
    long dir = sopen(init, "/", O_RDONLY, 0);
    long null = sopen(init, "/dev/null", O_RDWR, 0);
    uptr fds = ubuf(init, 2 * sizeof(int));
    CHECK_EQ(sys3(init, SYS_pipe2, (long)fds, 0, 0), 0);
    int *pfd = uhost(init, fds);
    CHECK_EQ(slseek(init, fd, -1, SEEK_SET), -EINVAL);
    CHECK_EQ(slseek(init, fd, -4, SEEK_END), -EINVAL);
    CHECK_EQ(slseek(init, fd, 0, 3), -EINVAL);
    CHECK_EQ(slseek(init, fd, 10, SEEK_END), 13);       /* past the end is fine */
    CHECK_EQ(slseek(init, fd, (long)(~0UL >> 1), SEEK_CUR), -EOVERFLOW);
    CHECK_EQ(slseek(init, 50, 0, SEEK_SET), -EBADF);
    CHECK_EQ(slseek(init, dir, 2, SEEK_SET), 2);
    CHECK_EQ(slseek(init, dir, 1, SEEK_CUR), 3);
    CHECK_EQ(slseek(init, dir, 0, SEEK_END), -EINVAL);
    CHECK_EQ(slseek(init, null, 0, SEEK_SET), -ESPIPE);
    CHECK_EQ(slseek(init, pfd[0], 0, SEEK_SET), -ESPIPE);
    CHECK_EQ(slseek(init, pfd[1], 0, SEEK_CUR), -ESPIPE);
    CHECK_EQ(sys3(init, SYS_ftruncate, pfd[1], 0, 0), -EINVAL);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(sclose(init, dir), 0);
    CHECK_EQ(sclose(init, null), 0);
    CHECK_EQ(sclose(init, pfd[0]), 0);
    CHECK_EQ(sclose(init, pfd[1]), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_ftruncate)
{
    char buf[16];
    mkfile("/f", "abcdef", 0644);
    long fd = sopen(init, "/f", O_RDWR, 0);
    long ro = sopen(init, "/f", O_RDONLY, 0);
    long dir = sopen(init, "/tmp", O_RDONLY, 0);
    CHECK_EQ(sys3(init, SYS_ftruncate, fd, 3, 0), 0);
    CHECK_STR(slurp(init, "/f"), "abc");
    CHECK_EQ(sys3(init, SYS_ftruncate, fd, 5, 0), 0);       /* grows with zeros */
    CHECK_EQ(sread(init, fd, buf, 15), 5);
    CHECK(memcmp(buf, "abc\0\0", 5) == 0);
    CHECK_EQ(sys3(init, SYS_ftruncate, fd, 0, 0), 0);
    CHECK_STR(slurp(init, "/f"), "");
    CHECK_EQ(sys3(init, SYS_ftruncate, fd, -1, 0), -EINVAL);
    CHECK_EQ(sys3(init, SYS_ftruncate, ro, 0, 0), -EINVAL);   /* as Linux */
    CHECK_EQ(sys3(init, SYS_ftruncate, dir, 0, 0), -EINVAL);
    CHECK_EQ(sys3(init, SYS_ftruncate, 60, 0, 0), -EBADF);
    CHECK_EQ(sys3(init, SYS_ftruncate, fd, 1L << 40, 0), -EFBIG);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(sclose(init, ro), 0);
    CHECK_EQ(sclose(init, dir), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_ramfs_bounds)
{
    struct inode *ip = ramfs_alloc(I_REG, 0644, NULL);
    uptr b = ubuf(init, 8);
    CHECK_EQ(ramfs_read(ip, init, b, 8, -1), -EINVAL);
    CHECK_EQ(ramfs_write(ip, init, b, 8, -1), -EINVAL);
    CHECK_EQ(ramfs_write(ip, init, b, 8, (int64_t)1 << 30), -EFBIG);
    CHECK_EQ(ramfs_write(ip, init, b, 8, (int64_t)1 << 40), -EFBIG);
    /* the heap (64 MiB here) cannot hold a file of a GiB */
    CHECK_EQ(ramfs_write(ip, init, b, 8, ((int64_t)1 << 30) - 3), -ENOSPC);
    CHECK_EQ(ramfs_truncate(ip, (int64_t)1 << 30), -ENOSPC);
    CHECK_EQ(ip->size, 0);
    CHECK_EQ(ramfs_truncate(ip, 2), 0);
    CHECK_EQ(ramfs_truncate(ip, -1), -EINVAL);
    CHECK_EQ(ramfs_truncate(ip, ((int64_t)1 << 30) + 1), -EFBIG);
    iget(ip);
    iput(ip);                                    /* never linked: freed */
}

TEST(file_dup_shares_the_offset)
{
    char buf[8];
    mkfile("/f", "abcdef", 0644);
    long fd = sopen(init, "/f", O_RDONLY, 0);
    long d = sys3(init, SYS_dup, fd, 0, 0);
    CHECK_EQ(d, fd + 1);
    CHECK_EQ(sread(init, fd, buf, 2), 2);
    CHECK_EQ(sread(init, d, buf, 2), 2);
    CHECK_STR(buf, "cd");
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(sread(init, d, buf, 2), 2);         /* still open through d */
    CHECK_STR(buf, "ef");
    CHECK_EQ(sys3(init, SYS_dup, fd, 0, 0), -EBADF);
    CHECK_EQ(sys3(init, SYS_dup, -7, 0, 0), -EBADF);
    CHECK_EQ(sclose(init, d), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_dup2)
{
    char buf[8];
    mkfile("/a", "A", 0644);
    mkfile("/b", "B", 0644);
    long a = sopen(init, "/a", O_RDONLY, 0);
    long b = sopen(init, "/b", O_RDONLY, 0);
    uint32_t files = kstats.files;
    CHECK_EQ(sfcntl(init, b, F_SETFD, FD_CLOEXEC), 0);
    CHECK_EQ(sys3(init, SYS_dup2, a, b, 0), b);  /* closes /b's file */
    CHECK_EQ(kstats.files, files - 1);
    CHECK_EQ(sfcntl(init, b, F_GETFD, 0), 0);    /* the new fd stays open on exec */
    CHECK_EQ(sread(init, b, buf, 4), 1);
    CHECK_STR(buf, "A");
    CHECK_EQ(sys3(init, SYS_dup2, a, a, 0), a);
    CHECK_EQ(sys3(init, SYS_dup2, a, 40, 0), 40);
    CHECK_EQ(sys3(init, SYS_dup2, 41, 42, 0), -EBADF);
    CHECK_EQ(sys3(init, SYS_dup2, 41, 41, 0), -EBADF);
    CHECK_EQ(sys3(init, SYS_dup2, a, NOFILE, 0), -EBADF);
    CHECK_EQ(sys3(init, SYS_dup2, a, -1, 0), -EBADF);
    CHECK_EQ(sclose(init, a), 0);
    CHECK_EQ(sclose(init, b), 0);
    CHECK_EQ(sclose(init, 40), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/a"), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/b"), 0);
}

TEST(file_fcntl)
{
    mkfile("/f", "", 0644);
    long fd = sopen(init, "/f", O_WRONLY | O_APPEND | O_CLOEXEC, 0);
    CHECK_EQ(sfcntl(init, fd, F_GETFD, 0), FD_CLOEXEC);
    CHECK_EQ(sfcntl(init, fd, F_SETFD, 0), 0);
    CHECK_EQ(sfcntl(init, fd, F_GETFD, 0), 0);
    CHECK_EQ(sfcntl(init, fd, F_GETFL, 0), O_WRONLY | O_APPEND);
    CHECK_EQ(sfcntl(init, fd, F_SETFL, O_RDWR | O_NONBLOCK | O_TRUNC), 0);
    CHECK_EQ(sfcntl(init, fd, F_GETFL, 0), O_WRONLY | O_NONBLOCK);  /* only those two */
    long d = sfcntl(init, fd, F_DUPFD, 10);
    CHECK_EQ(d, 10);
    CHECK_EQ(sfcntl(init, d, F_GETFD, 0), 0);
    CHECK_EQ(sfcntl(init, fd, F_DUPFD, 10), 11);
    long c = sfcntl(init, fd, F_DUPFD_CLOEXEC, 0);
    CHECK_EQ(c, fd + 1);
    CHECK_EQ(sfcntl(init, c, F_GETFD, 0), FD_CLOEXEC);
    CHECK_EQ(sfcntl(init, d, F_GETFL, 0), O_WRONLY | O_NONBLOCK);  /* one file */
    CHECK_EQ(sfcntl(init, fd, F_DUPFD, NOFILE), -EINVAL);
    CHECK_EQ(sfcntl(init, fd, F_DUPFD, -1), -EINVAL);
    CHECK_EQ(sfcntl(init, fd, 999, 0), -EINVAL);
    CHECK_EQ(sfcntl(init, 50, F_GETFD, 0), -EBADF);
    CHECK_EQ(sfcntl(init, fd, F_GETPIPE_SZ, 0), -EBADF);
    CHECK_EQ(sfcntl(init, fd, F_SETPIPE_SZ, 8192), -EBADF);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(sclose(init, d), 0);
    CHECK_EQ(sclose(init, 11), 0);
    CHECK_EQ(sclose(init, c), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_pipes_through_the_fd_calls)
{
    struct k_stat st;
    uptr fds = ubuf(init, 2 * sizeof(int));
    CHECK_EQ(sys3(init, SYS_pipe2, (long)fds, 0, 0), 0);
    int r = ((int *)uhost(init, fds))[0], w = ((int *)uhost(init, fds))[1];
    CHECK_EQ(sfcntl(init, r, F_GETPIPE_SZ, 0), PIPE_SIZE_DEFAULT);
    CHECK(sfcntl(init, w, F_SETPIPE_SZ, 8192) >= 8192);
    CHECK(sfcntl(init, r, F_GETPIPE_SZ, 0) >= 8192);
    CHECK_EQ(swrite(init, w, "12345"), 5);
    uptr n = ubuf(init, sizeof(int));
    CHECK_EQ(sys3(init, SYS_ioctl, r, FIONREAD, (long)n), 0);
    CHECK_EQ(*(int *)uhost(init, n), 5);
    CHECK_EQ(sys3(init, SYS_ioctl, r, FIONREAD, 8), -EFAULT);
    CHECK_EQ(sys3(init, SYS_ioctl, r, TCGETS, (long)n), -ENOTTY);
    CHECK_EQ(sfstat(init, r, &st), 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK_EQ(sys3(init, SYS_fstat, r, 8, 0), -EFAULT);
    char buf[8];
    CHECK_EQ(sread(init, r, buf, 7), 5);
    CHECK_STR(buf, "12345");
    CHECK_EQ(sclose(init, r), 0);
    CHECK_EQ(sclose(init, w), 0);
}

TEST(file_ioctl_and_fstat_errors)
{
    mkfile("/f", "", 0644);
    long fd = sopen(init, "/f", O_RDONLY, 0);
    uptr b = ubuf(init, 64);
    CHECK_EQ(sys3(init, SYS_ioctl, fd, FIONREAD, (long)b), -ENOTTY);
    CHECK_EQ(sys3(init, SYS_ioctl, 50, FIONREAD, (long)b), -EBADF);
    CHECK_EQ(sys3(init, SYS_fstat, 50, (long)b, 0), -EBADF);
    CHECK_EQ(sys3(init, SYS_fstat, fd, 8, 0), -EFAULT);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_full_descriptor_table)
{
    mkfile("/f", "", 0644);
    int opened = 0;
    for (;;) {
        long fd = sopen(init, "/f", O_RDONLY, 0);
        if (fd < 0) {
            CHECK_EQ(fd, -EMFILE);
            break;
        }
        opened++;
    }
    CHECK_EQ(opened, NOFILE - 3);
    /* a full table makes nothing, not even the file */
    CHECK_EQ(sopen(init, "/g", O_CREAT | O_RDWR, 0644), -EMFILE);
    struct k_stat st;
    CHECK_EQ(sstat(init, "/g", &st), -ENOENT);
    uint32_t files = kstats.files;
    CHECK_EQ(sys3(init, SYS_dup, 3, 0, 0), -EMFILE);
    CHECK_EQ(sfcntl(init, 3, F_DUPFD, 0), -EMFILE);
    CHECK_EQ(sys3(init, SYS_pipe2, (long)ubuf(init, 8), 0, 0), -EMFILE);
    CHECK_EQ(kstats.files, files);
    CHECK_EQ(sclose(init, 40), 0);
    CHECK_EQ(sys3(init, SYS_dup, 3, 0, 0), 40);  /* the one free slot */
    CHECK_EQ(fd_alloc(init, NULL, NOFILE), -EINVAL);
    CHECK_EQ(fd_alloc(init, NULL, -1), -EINVAL);
    for (int fd = 3; fd < NOFILE; fd++)
        CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_spawn_inherits_all_but_cloexec)
{
    char buf[8];
    mkfile("/f", "abcdef", 0644);
    long keep = sopen(init, "/f", O_RDONLY, 0);
    long gone = sopen(init, "/f", O_RDONLY | O_CLOEXEC, 0);
    long also_gone = sopen(init, "/f", O_RDONLY, 0);
    CHECK_EQ(sfcntl(init, also_gone, F_SETFD, FD_CLOEXEC), 0);
    struct proc *c = tspawn(init, "/bin/init");
    CHECK(c->ofile[keep] == init->ofile[keep]);  /* the same open file */
    CHECK(c->ofile[gone] == NULL);
    CHECK(c->ofile[also_gone] == NULL);
    CHECK_EQ(sread(c, keep, buf, 3), 3);
    CHECK_EQ(sread(init, keep, buf, 3), 3);      /* the offset is shared */
    CHECK_STR(buf, "def");
    CHECK_EQ(sfcntl(c, keep, F_GETFD, 0), 0);
    CHECK_EQ(sread(c, 0, buf, 0), 0);            /* the console came along */
    texit_reap(c, 0);
    CHECK_EQ(sclose(init, keep), 0);
    CHECK_EQ(sclose(init, gone), 0);
    CHECK_EQ(sclose(init, also_gone), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_exec_closes_cloexec)
{
    mkfile("/f", "", 0644);
    struct proc *c = tspawn(init, "/bin/init");
    long keep = sopen(c, "/f", O_RDONLY, 0);
    long gone = sopen(c, "/f", O_RDONLY | O_CLOEXEC, 0);
    const char *argv[] = { "init", NULL };
    long r = tsys(c, SYS_execve, (long)ustr(c, "/bin/init"), (long)uargv(c, argv), 0L,
                  0L, 0L, 0L);
    CHECK_EQ(r, KERN_EXEC);
    CHECK(c->ofile[keep] != NULL);
    CHECK(c->ofile[gone] == NULL);
    CHECK_EQ(c->cloexec, 0);
    texit_reap(c, 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(file_fifo_open_goes_to_the_fifo_code)
{
    struct k_stat st;
    CHECK_EQ(sys3(init, SYS_mknod, (long)ustr(init, "/tmp/ff"), S_IFIFO | 0600, 0), 0);
    long fd = sopen(init, "/tmp/ff", O_RDWR, 0);  /* both ends: no wait */
    CHECK(fd >= 0);
    CHECK_EQ(sfstat(init, fd, &st), 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK_EQ(st.st_ino, inode_at("/tmp/ff")->ino);
    CHECK_EQ(slseek(init, fd, 0, SEEK_SET), -ESPIPE);
    CHECK_EQ(swrite(init, fd, "via fifo"), 8);
    char buf[16];
    CHECK_EQ(sread(init, fd, buf, 15), 8);
    CHECK_STR(buf, "via fifo");
    CHECK_EQ(sclose(init, fd), 0);
    struct proc *u = user_proc();
    CHECK_EQ(sopen(u, "/tmp/ff", O_RDONLY | O_NONBLOCK, 0), -EACCES);
    texit_reap(u, 0);
    CHECK_EQ(spath(init, SYS_unlink, "/tmp/ff"), 0);
}

/* A reader waits in open; meanwhile a writer opens and the name goes. The
 * re-issued open finishes on the inode it began with. */
TEST(file_fifo_open_resumes_after_unlink)
{
    CHECK_EQ(sys3(init, SYS_mknod, (long)ustr(init, "/tmp/ff"), S_IFIFO | 0666, 0), 0);
    struct proc *c = tspawn(init, "/bin/init");
    uint32_t inodes = kstats.inodes;             /* with c's /proc/N */
    uptr path = ustr(c, "/tmp/ff");
    CHECK_EQ(sys3(c, SYS_open, (long)path, O_RDONLY, 0), KERN_BLOCK);
    long w = sopen(init, "/tmp/ff", O_WRONLY | O_NONBLOCK, 0);
    CHECK(w >= 0);
    CHECK_EQ(spath(init, SYS_unlink, "/tmp/ff"), 0);
    CHECK_EQ(kstats.inodes, inodes);             /* the open files hold it */
    long r = sys3(c, SYS_open, (long)path, O_RDONLY, 0);
    CHECK(r >= 0);
    CHECK_EQ(swrite(init, w, "late"), 4);
    char buf[8];
    CHECK_EQ(sread(c, r, buf, 7), 4);
    CHECK_STR(buf, "late");
    CHECK_EQ(sclose(init, w), 0);
    CHECK_EQ(sclose(c, r), 0);
    CHECK_EQ(kstats.inodes, inodes - 1);
    texit_reap(c, 0);
}

/* F_OBJ files: a kernel object behind a descriptor (the IPC handles). */
static int obj_closed;
static void obj_close(struct file *f) { obj_closed += f->obj == &obj_closed; }
static long obj_read(struct proc *p, struct file *f, uptr buf, size_t n)
{
    (void)f;
    return copyout(p, buf, "obj", MIN(n, 3)) < 0 ? -EFAULT : (long)MIN(n, 3);
}
static const struct fileops obj_ops = { "test", obj_close, obj_read, NULL, NULL };

TEST(file_obj_dispatches_to_its_ops)
{
    struct file *f = file_alloc();
    f->type = F_OBJ;
    f->flags = O_RDWR;
    f->ops = &obj_ops;
    f->obj = &obj_closed;
    int fd = fd_alloc(init, f, 0);
    CHECK(fd >= 0);
    uptr b = ubuf(init, 8);
    CHECK_EQ(tsys(init, SYS_read, (long)fd, (long)b, 8L), 3);
    CHECK(memcmp(uhost(init, b), "obj", 3) == 0);
    CHECK_EQ(tsys(init, SYS_write, (long)fd, (long)b, 3L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_lseek, (long)fd, 0L, (long)SEEK_SET), -ESPIPE);
    struct k_stat st;
    uptr us = ubuf(init, sizeof st);
    CHECK_EQ(tsys(init, SYS_fstat, (long)fd, (long)us), 0);
    memcpy(&st, uhost(init, us), sizeof st);
    CHECK_EQ(st.st_mode, 0600);
    long fd2 = tsys(init, SYS_dup, (long)fd);
    CHECK_EQ(tsys(init, SYS_close, (long)fd), 0);
    CHECK_EQ(obj_closed, 0);                     /* a reference is left */
    CHECK_EQ(tsys(init, SYS_close, fd2), 0);
    CHECK_EQ(obj_closed, 1);
}
