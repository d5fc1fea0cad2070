/*
 * test_dev.c - the character devices and /dev (dev.c), and how device files
 * behave under the file calls.
 */
#include "fstest.h"

TEST(dev_nodes_exist)
{
    const char *names[] = { NULL, "/dev/null", "/dev/zero", "/dev/tty", "/dev/console",
                            "/dev/hostout", "/dev/hosterr", "/dev/hostin",
                            "/dev/stdin", "/dev/stdout", "/dev/stderr", "/dev/full",
                            "/dev/urandom", "/dev/random" };
    /* the console and the launcher's input are root's alone */
    const uint32_t modes[] = { 0, 0666, 0666, 0666, 0600, 0666, 0666, 0600, 0666, 0666, 0666,
                               0666, 0666, 0666 };
    for (int d = DEV_NULL; d < NDEV; d++) {
        struct k_stat st;
        CHECK_EQ(sstat(init, names[d], &st), 0);
        CHECK(S_ISCHR(st.st_mode));
        CHECK_EQ(st.st_mode & 07777, modes[d]);
        CHECK_EQ(st.st_rdev, d);
        CHECK_EQ(st.st_uid, 0);
        CHECK_STR(devsw[d].name, names[d] + 5);
    }
    struct k_stat st;
    CHECK_EQ(sstat(init, "/dev", &st), 0);
    CHECK(S_ISDIR(st.st_mode));
    CHECK_EQ(st.st_mode & 07777, 0755);
    /* getdents reports them as character devices */
    long fd = sopen(init, "/dev", O_RDONLY, 0);
    uptr b = ubuf(init, 512);
    long n = sys3(init, SYS_getdents, fd, (long)b, 512);
    int chr = 0;
    for (long off = 0; off < n;) {
        struct k_dirent *e = uhost(init, b + (uptr)off);
        chr += e->d_type == DT_CHR;
        off += e->d_reclen;
    }
    CHECK_EQ(chr, NDEV - 1);
    CHECK_EQ(sclose(init, fd), 0);
}

TEST(dev_null)
{
    long fd = sopen(init, "/dev/null", O_RDWR, 0);
    char buf[8];
    CHECK_EQ(sread(init, fd, buf, 8), 0);
    CHECK_EQ(swrite(init, fd, "gone"), 4);
    CHECK_EQ(sys3(init, SYS_write, fd, 8, 100000), 100000);   /* never copied */
    CHECK_EQ(slseek(init, fd, 0, SEEK_SET), -ESPIPE);
    CHECK_EQ(sys3(init, SYS_ioctl, fd, TCGETS, (long)ubuf(init, 64)), -ENOTTY);
    CHECK_EQ(sys3(init, SYS_ftruncate, fd, 0, 0), -EINVAL);
    CHECK_EQ(sclose(init, fd), 0);
    /* an ordinary user may use it (mode 0666) */
    struct proc *u = user_proc();
    fd = sopen(u, "/dev/null", O_WRONLY, 0);
    CHECK(fd >= 0);
    CHECK_EQ(swrite(u, fd, "x"), 1);
    texit_reap(u, 0);
}

TEST(dev_zero)
{
    long fd = sopen(init, "/dev/zero", O_RDWR, 0);
    enum { N = 5000 };
    uptr b = ubuf(init, N);
    memset(uhost(init, b), 0xff, N);
    CHECK_EQ(sys3(init, SYS_read, fd, (long)b, N), N);
    const uint8_t *h = uhost(init, b);
    int nonzero = 0;
    for (int i = 0; i < N; i++)
        nonzero += h[i] != 0;
    CHECK_EQ(nonzero, 0);
    CHECK_EQ(sys3(init, SYS_read, fd, 8, 10), -EFAULT);
    /* a fault part-way: a short read of the whole chunks before it */
    tfault_range(init, b + 1024, b + N);
    CHECK_EQ(sys3(init, SYS_read, fd, (long)b, N), 1024);
    tfault_range(init, 0, 0);
    /* a large read goes a 64 KiB chunk at a time: a fault in the second
     * one still gives the whole pieces before it */
    enum { BIG = 70000 };
    uptr big = ubuf(init, BIG);
    tfault_range(init, big + 66560, big + BIG);
    CHECK_EQ(sys3(init, SYS_read, fd, (long)big, BIG), 66560);
    tfault_range(init, 0, 0);
    CHECK_EQ(sys3(init, SYS_read, fd, (long)big, BIG), BIG);
    CHECK_EQ(sys3(init, SYS_read, fd, (long)b, 0), 0);
    CHECK_EQ(swrite(init, fd, "ignored"), 7);
    CHECK_EQ(slseek(init, fd, 0, SEEK_CUR), -ESPIPE);
    CHECK_EQ(sclose(init, fd), 0);
}

TEST(dev_console_goes_to_the_tty)
{
    long fd = sopen(init, "/dev/tty", O_WRONLY, 0);
    CHECK(fd >= 0);
    CHECK_EQ(swrite(init, fd, "hi"), 2);
    CHECK(strstr(tconsole(), "hi") != NULL);
    uptr ws = ubuf(init, sizeof(struct k_winsize));
    CHECK_EQ(sys3(init, SYS_ioctl, fd, TIOCGWINSZ, (long)ws), 0);
    CHECK_EQ(sys3(init, SYS_ioctl, 1, TIOCGWINSZ, (long)ws), 0);   /* /dev/console */
    CHECK_EQ(swrite(init, 1, "there"), 5);
    CHECK(strstr(tconsole(), "there") != NULL);
    CHECK_EQ(sclose(init, fd), 0);
}

TEST(hostout_and_hosterr_reach_the_host_streams)
{
    uptr p1 = ustr(init, "/dev/hostout"), p2 = ustr(init, "/dev/hosterr");
    long o = tsys(init, SYS_open, (long)p1, (long)O_WRONLY, 0L);
    long e = tsys(init, SYS_open, (long)p2, (long)O_WRONLY, 0L);
    CHECK(o >= 0 && e >= 0);
    tconsole();
    CHECK_EQ(tsys(init, SYS_write, o, (long)ustr(init, "out\n"), 4L), 4);
    CHECK_EQ(tsys(init, SYS_write, e, (long)ustr(init, "err"), 3L), 3);
    CHECK_STR(tconsole(), "<1>out\n<2>err");           /* no \r: no tty in between */
    static char big[10000];
    memset(big, 'x', sizeof big);
    CHECK_EQ(tsys(init, SYS_write, o, (long)ubytes(init, big, sizeof big), (long)sizeof big),
             (long)sizeof big);
    CHECK_EQ(strlen(tconsole()), sizeof big + 3 * 3);   /* three chunks, each tagged */
    CHECK_EQ(tsys(init, SYS_write, o, 8L, 4L), -EFAULT);
    tfault_range(init, UBASE + USIZE - 4096, UBASE + USIZE);
    CHECK_EQ(tsys(init, SYS_write, o, (long)(UBASE + USIZE - 4096 - 5000), 6000L), 4096);
    tfault_range(init, 0, 0);
    CHECK_EQ(tsys(init, SYS_read, o, (long)ubuf(init, 4), 4L), -EBADF);   /* write-only */
    tsys(init, SYS_close, o);
    tsys(init, SYS_close, e);
}

/* A host stream whose reader has gone: EPIPE and SIGPIPE, as a pipe's. */
TEST(hostout_with_no_reader_is_a_broken_pipe)
{
    long o = tsys(init, SYS_open, (long)ustr(init, "/dev/hostout"), (long)O_WRONLY, 0L);
    CHECK(o >= 0);
    struct k_sigaction sa = { .sa_handler = SIG_IGN };
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGPIPE, (long)ubytes(init, &sa, sizeof sa), 0L), 0);
    thost_closed = 1 << 1;
    CHECK_EQ(tsys(init, SYS_write, o, (long)ustr(init, "out"), 3L), -EPIPE);
    thost_closed = 0;
    CHECK_EQ(tsys(init, SYS_write, o, (long)ustr(init, "out"), 3L), 3);
    tsys(init, SYS_close, o);
    tconsole();
    sa.sa_handler = SIG_DFL;                /* for the child: it dies of it */
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGPIPE, (long)ubytes(init, &sa, sizeof sa), 0L), 0);

    tprog("/bin/child");
    struct proc *c = tspawn(init, "/bin/child");
    int pid = c->pid;
    o = tsys(c, SYS_open, (long)ustr(c, "/dev/hostout"), (long)O_WRONLY, 0L);
    thost_closed = 1 << 1;
    tsys(c, SYS_write, o, (long)ustr(c, "out"), 3L);
    thost_closed = 0;
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L), pid);
    CHECK_EQ(WTERMSIG(*(int *)uhost(init, st)), SIGPIPE);      /* killed, as yes | head */
    trm("/bin/child");
}

/* /dev/hostin: filled by the platform only as fast as it is read. */
TEST(hostin_is_a_bounded_flow_controlled_input)
{
    long fd = tsys(init, SYS_open, (long)ustr(init, "/dev/hostin"), (long)O_RDONLY, 0L);
    CHECK(fd >= 0);
    uptr b = ubuf(init, 32768);
    CHECK_EQ(tsys(init, SYS_read, fd, (long)b, 10L), KERN_BLOCK);      /* nothing yet */
    static char big[20000];
    memset(big, 'x', sizeof big);
    big[0] = 'a';
    CHECK_EQ(kernel_host_input(big, sizeof big), 16384);               /* only what fits */
    CHECK_EQ(init->state, P_RUNNABLE);
    kernel_next();
    CHECK_EQ(tsys(init, SYS_read, fd, (long)b, 0L), 0);
    CHECK_EQ(tsys(init, SYS_read, fd, 8L, 10L), -EFAULT);               /* nothing lost */
    CHECK_EQ(tsys(init, SYS_read, fd, (long)b, 10L), 10);
    CHECK_EQ(((char *)uhost(init, b))[0], 'a');
    CHECK_EQ(kernel_host_input(big, 100), 10);                          /* room again */
    CHECK_EQ(tsys(init, SYS_read, fd, (long)b, 32768L), 16384);         /* across the wrap */
    CHECK_EQ(tsys(init, SYS_write, fd, (long)b, 1L), -EBADF);
    long w = tsys(init, SYS_open, (long)ustr(init, "/dev/hostin"), (long)O_WRONLY, 0L);
    CHECK_EQ(tsys(init, SYS_write, w, (long)b, 1L), -EINVAL);
    tsys(init, SYS_close, w);
    CHECK_EQ(kernel_host_input(NULL, 0), 0);                            /* end of input */
    CHECK_EQ(tsys(init, SYS_read, fd, (long)b, 10L), 0);
    tsys(init, SYS_close, fd);
}

/* /dev/stdout and /dev/fd/N give the descriptor's open file, as dup() does:
 * the same offset, the same access; a closed descriptor is ENOENT. */
TEST(dev_fd_names_a_descriptor)
{
    long fd = sopen(init, "/tmp/devfd", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    CHECK_EQ(swrite(init, fd, "abc"), 3);
    char path[32];
    snprintf(path, sizeof path, "/dev/fd/%ld", fd);
    long again = sopen(init, path, O_WRONLY, 0);
    CHECK(again >= 0 && again != fd);
    CHECK_EQ(swrite(init, again, "de"), 2);     /* the shared offset: appended */
    CHECK_EQ(slseek(init, fd, 0, SEEK_SET), 0);
    char buf[8] = {0};
    CHECK_EQ(sread(init, fd, buf, 8), 5);
    CHECK_STR(buf, "abcde");
    CHECK_EQ(sclose(init, again), 0);
    CHECK_EQ(sopen(init, "/dev/fd/63", O_RDONLY, 0), -ENOENT);
    CHECK_EQ(sopen(init, "/dev/fd/x", O_RDONLY, 0), -ENOENT);
    /* on fd 1: /dev/stdout, through its node; O_TRUNC empties a file */
    long saved = sys3(init, SYS_dup, 1, 0, 0);
    CHECK_EQ(sys3(init, SYS_dup2, fd, 1, 0), 1);
    long out = sopen(init, "/dev/stdout", O_WRONLY | O_TRUNC, 0);
    CHECK(out >= 0);
    CHECK_EQ(swrite(init, out, "x"), 1);
    struct k_stat st;
    CHECK_EQ(sstat(init, "/tmp/devfd", &st), 0);
    CHECK_EQ(st.st_size, 6);                    /* emptied, then written at offset 5 */
    CHECK_EQ(sclose(init, out), 0);
    CHECK_EQ(sys3(init, SYS_dup2, saved, 1, 0), 1);
    CHECK_EQ(sclose(init, saved), 0);
    /* a descriptor open for reading cannot be had for writing */
    long rd = sopen(init, "/tmp/devfd", O_RDONLY, 0);
    snprintf(path, sizeof path, "/dev/fd/%ld", rd);
    CHECK_EQ(sopen(init, path, O_WRONLY, 0), -EACCES);
    CHECK_EQ(sclose(init, rd), 0);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/tmp/devfd"), 0);
}

TEST(dev_full_is_a_full_disk)
{
    long fd = sopen(init, "/dev/full", O_RDWR, 0);
    CHECK(fd >= 0);
    CHECK_EQ(swrite(init, fd, "x"), -ENOSPC);
    char buf[8] = { 1, 1, 1, 1 };
    CHECK_EQ(sread(init, fd, buf, 4), 4);
    CHECK_EQ(buf[0] | buf[3], 0);
    CHECK_EQ(sclose(init, fd), 0);
}

TEST(dev_urandom_gives_bytes_that_differ)
{
    long fd = sopen(init, "/dev/urandom", O_RDWR, 0);
    CHECK(fd >= 0);
    char a[1001], b[1001];                  /* sread adds a NUL */
    CHECK_EQ(sread(init, fd, a, 1000), 1000);
    CHECK_EQ(sread(init, fd, b, 1000), 1000);
    CHECK(memcmp(a, b, 1000) != 0);
    int counts[256] = { 0 }, seen = 0;
    for (size_t i = 0; i < 1000; i++)
        seen += counts[(unsigned char)a[i]]++ == 0;
    CHECK(seen > 200);                      /* not a few values over and over */
    CHECK_EQ(swrite(init, fd, "x"), 1);     /* accepted */
    CHECK_EQ(sclose(init, fd), 0);
    fd = sopen(init, "/dev/random", O_RDONLY, 0);
    CHECK_EQ(sread(init, fd, a, 7), 7);     /* not a multiple of 8 */
    CHECK_EQ(sclose(init, fd), 0);
}
