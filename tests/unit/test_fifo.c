/*
 * test_fifo.c - unit tests of ipc/fifo.c: mkfifo, open waiting for the
 * other side (both ways), the non-blocking opens, O_RDWR, data discarded at
 * the last close, the name outliving the pipe, and openers killed or
 * interrupted while they wait.
 */
#include "test.h"

/* ---- helpers -------------------------------------------------------------- */

#define FIFO "/tmp/fifo"

static long tmkfifo(struct proc *p, const char *path, uint32_t mode)
{
    return tsys(p, SYS_mknod, (long)ustr(p, path), (long)(S_IFIFO | mode), 0L);
}

/* open() with a path put in p's memory once, so that a blocked open can be
 * re-issued with exactly the same arguments. */
struct topen {
    struct proc *p;
    uptr path;
    int flags;
};

static struct topen topen_args(struct proc *p, const char *path, int flags)
{
    return (struct topen){ p, ustr(p, path), flags };
}

static long topen_again(struct topen *o)
{
    return tsys(o->p, SYS_open, (long)o->path, (long)o->flags, 0L);
}

static long topen(struct proc *p, const char *path, int flags)
{
    struct topen o = topen_args(p, path, flags);
    return topen_again(&o);
}

static long twrites(struct proc *p, int fd, const char *s)
{
    uptr u = ustr(p, s);
    return tsys(p, SYS_write, (long)fd, (long)u, (long)strlen(s));
}

static long tread(struct proc *p, int fd, size_t n, char **out)
{
    uptr u = ubuf(p, n + 1);
    long r = tsys(p, SYS_read, (long)fd, (long)u, (long)n);
    if (out)
        *out = uhost(p, u);
    return r;
}

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

static long tstat_mode(struct proc *p, const char *path)
{
    uptr st = ubuf(p, sizeof(struct k_stat));
    long r = tsys(p, SYS_stat, (long)ustr(p, path), (long)st, 0L);
    if (r < 0)
        return r;
    return ((struct k_stat *)uhost(p, st))->st_mode;
}

static void tunlink(struct proc *p, const char *path)
{
    CHECK_EQ(tsys(p, SYS_unlink, (long)ustr(p, path)), 0);
}

static struct proc *tchild(void)
{
    tprog("/bin/child");
    return tspawn(init, "/bin/child");
}

static struct inode *fifo_inode(void)
{
    struct inode *ip;
    if (namei(init, FIFO, &ip) < 0)
        return NULL;
    iput(ip);                               /* the name keeps it alive */
    return ip;
}

static long tsigaction(struct proc *p, int sig, uint64_t handler)
{
    struct k_sigaction sa = { .sa_handler = handler };
    return tsys(p, SYS_sigaction, (long)sig, (long)ubytes(p, &sa, sizeof sa), 0L);
}

static void treap_killed(struct proc *p, int sig)
{
    int pid = p->pid;
    CHECK_EQ(p->state, P_ZOMBIE);
    CHECK(p->nwaits == 0);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
    int status = *(int *)uhost(init, st);
    CHECK(WIFSIGNALED(status));
    CHECK_EQ(WTERMSIG(status), sig);
}

/* ---- mkfifo ---------------------------------------------------------------- */

TEST(fifo_mkfifo_makes_a_fifo)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0644), 0);
    long mode = tstat_mode(init, FIFO);
    CHECK(S_ISFIFO(mode));
    CHECK_EQ(mode & 0777, 0644 & ~init->umask);
    struct inode *ip = fifo_inode();
    CHECK(ip && ip->type == I_FIFO && ip->pipe == NULL);   /* no pipe until opened */
    CHECK_EQ(tmkfifo(init, FIFO, 0644), -EEXIST);
    tunlink(init, FIFO);
    CHECK_EQ(tstat_mode(init, FIFO), -ENOENT);
}

/* ---- opens that wait for the other side -------------------------------------- */

TEST(fifo_reader_open_waits_for_a_writer)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    struct proc *c = tchild();
    struct topen o = topen_args(c, FIFO, O_RDONLY);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK(strstr(c->wait_what, "fifo") != NULL);
    CHECK(c->call.file != NULL);            /* it already counts as a reader */
    CHECK(fifo_inode()->pipe != NULL);

    long w = topen(init, FIFO, O_WRONLY);   /* a reader is there: no wait */
    CHECK(w >= 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    long r = topen_again(&o);
    CHECK(r >= 0);
    CHECK(c->call.file == NULL);
    CHECK_EQ(fd_get(c, (int)r)->type, F_PIPE);

    CHECK_EQ(twrites(init, (int)w, "through"), 7);
    tread_expect(c, (int)r, "through");
    tclose(init, (int)w);
    CHECK_EQ(tread(c, (int)r, 4, NULL), 0);
    texit_reap(c, 0);
    tunlink(init, FIFO);
    trm("/bin/child");
}

TEST(fifo_writer_open_waits_for_a_reader)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    struct proc *c = tchild();
    struct topen o = topen_args(c, FIFO, O_WRONLY);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);
    CHECK_EQ(c->state, P_BLOCKED);

    long r = topen(init, FIFO, O_RDONLY);   /* a writer is there: no wait */
    CHECK(r >= 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    long w = topen_again(&o);
    CHECK(w >= 0);
    CHECK_EQ(twrites(c, (int)w, "back"), 4);
    tread_expect(init, (int)r, "back");
    texit_reap(c, 0);                       /* its write end closes */
    CHECK_EQ(tread(init, (int)r, 4, NULL), 0);
    tclose(init, (int)r);
    tunlink(init, FIFO);
    trm("/bin/child");
}

TEST(fifo_wakeup_by_the_same_side_waits_on)
{
    /* a second reader's open wakes the queue, but brings no writer */
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    struct proc *c = tchild();
    struct topen o = topen_args(c, FIFO, O_RDONLY);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);
    long r2 = topen(init, FIFO, O_RDONLY | O_NONBLOCK);
    CHECK(r2 >= 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);  /* still no writer */
    CHECK_EQ(c->state, P_BLOCKED);
    struct file *held = c->call.file;
    CHECK(held != NULL);

    long w = topen(init, FIFO, O_WRONLY);
    CHECK(w >= 0);
    long r = topen_again(&o);
    CHECK(r >= 0);
    CHECK(fd_get(c, (int)r) == held);       /* the same file, not a second one */
    texit_reap(c, 0);
    tclose(init, (int)w);
    tclose(init, (int)r2);
    tunlink(init, FIFO);
    trm("/bin/child");
}

TEST(fifo_writer_that_came_and_went_still_wakes_the_reader)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    struct proc *c = tchild();
    struct topen o = topen_args(c, FIFO, O_RDONLY);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);

    /* before the reader runs again, a writer opens, writes and closes */
    long w = topen(init, FIFO, O_WRONLY);
    CHECK(w >= 0);
    CHECK_EQ(twrites(init, (int)w, "quick"), 5);
    tclose(init, (int)w);

    long r = topen_again(&o);
    CHECK(r >= 0);
    tread_expect(c, (int)r, "quick");
    CHECK_EQ(tread(c, (int)r, 8, NULL), 0);
    texit_reap(c, 0);
    tunlink(init, FIFO);
    trm("/bin/child");
}

/* ---- the opens that do not wait --------------------------------------------- */

TEST(fifo_nonblocking_reader_opens_at_once)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    long r = topen(init, FIFO, O_RDONLY | O_NONBLOCK);
    CHECK(r >= 0);
    CHECK(fd_get(init, (int)r)->flags & O_NONBLOCK);
    CHECK_EQ(tread(init, (int)r, 4, NULL), 0);   /* no writer: end of file */

    /* with a reader there, a non-blocking writer may open */
    long w = topen(init, FIFO, O_WRONLY | O_NONBLOCK);
    CHECK(w >= 0);
    CHECK_EQ(tread(init, (int)r, 4, NULL), -EAGAIN);  /* a writer, no data */
    CHECK_EQ(twrites(init, (int)w, "nb"), 2);
    tread_expect(init, (int)r, "nb");
    tclose(init, (int)w);
    tclose(init, (int)r);
    tunlink(init, FIFO);
}

TEST(fifo_nonblocking_writer_without_reader_is_enxio)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    uint32_t files = kstats.files, pipes = kstats.pipes;
    CHECK_EQ(topen(init, FIFO, O_WRONLY | O_NONBLOCK), -ENXIO);
    CHECK_EQ(kstats.files, files);
    CHECK_EQ(kstats.pipes, pipes);
    CHECK(fifo_inode()->pipe == NULL);

    /* the pipe exists, held by a writer alone: still no reader */
    long r = topen(init, FIFO, O_RDONLY | O_NONBLOCK);
    long w = topen(init, FIFO, O_WRONLY);
    CHECK(r >= 0 && w >= 0);
    tclose(init, (int)r);
    CHECK(fifo_inode()->pipe != NULL);
    CHECK_EQ(topen(init, FIFO, O_WRONLY | O_NONBLOCK), -ENXIO);
    tclose(init, (int)w);
    CHECK_EQ(topen(init, FIFO, O_WRONLY | O_NONBLOCK), -ENXIO);
    tunlink(init, FIFO);
}

TEST(fifo_nonblocking_writer_while_a_reader_waits_in_open)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    struct proc *c = tchild();
    struct topen o = topen_args(c, FIFO, O_RDONLY);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);
    long w = topen(init, FIFO, O_WRONLY | O_NONBLOCK);   /* the waiter counts */
    CHECK(w >= 0);
    CHECK_EQ(twrites(init, (int)w, "hi"), 2);
    long r = topen_again(&o);
    CHECK(r >= 0);
    tread_expect(c, (int)r, "hi");
    texit_reap(c, 0);
    tclose(init, (int)w);
    tunlink(init, FIFO);
    trm("/bin/child");
}

TEST(fifo_rdwr_opens_at_once)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    long fd = topen(init, FIFO, O_RDWR);
    CHECK(fd >= 0);
    CHECK_EQ(twrites(init, (int)fd, "self"), 4);
    tread_expect(init, (int)fd, "self");
    /* it is its own writer: an empty read would wait, so ask without waiting */
    CHECK_EQ(tsys(init, SYS_fcntl, fd, (long)F_SETFL, (long)O_NONBLOCK), 0);
    CHECK_EQ(tread(init, (int)fd, 4, NULL), -EAGAIN);
    /* and a blocking writer finds a reader in it */
    long w = topen(init, FIFO, O_WRONLY);
    CHECK(w >= 0);
    tclose(init, (int)w);
    tclose(init, (int)fd);
    tunlink(init, FIFO);
}

TEST(fifo_rdwr_wakes_both_kinds_of_waiter)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    struct proc *rc = tchild();
    struct topen o = topen_args(rc, FIFO, O_RDONLY);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);
    long fd = topen(init, FIFO, O_RDWR);
    CHECK(fd >= 0);
    CHECK_EQ(rc->state, P_RUNNABLE);
    CHECK(topen_again(&o) >= 0);
    texit_reap(rc, 0);
    tclose(init, (int)fd);
    tunlink(init, FIFO);
    trm("/bin/child");
}

/* ---- the pipe's life and the name's ------------------------------------------ */

TEST(fifo_data_is_discarded_at_the_last_close)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    uint32_t pipes = kstats.pipes;
    long fd = topen(init, FIFO, O_RDWR | O_NONBLOCK);
    CHECK(fd >= 0);
    CHECK_EQ(kstats.pipes, pipes + 1);
    CHECK_EQ(twrites(init, (int)fd, "forgotten"), 9);
    tclose(init, (int)fd);
    CHECK_EQ(kstats.pipes, pipes);
    CHECK(fifo_inode()->pipe == NULL);

    fd = topen(init, FIFO, O_RDWR | O_NONBLOCK);
    CHECK(fd >= 0);
    CHECK_EQ(tread(init, (int)fd, 16, NULL), -EAGAIN);  /* a fresh, empty pipe */
    tclose(init, (int)fd);
    tunlink(init, FIFO);
}

TEST(fifo_data_stays_while_any_end_is_open)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    long r = topen(init, FIFO, O_RDONLY | O_NONBLOCK);
    long w = topen(init, FIFO, O_WRONLY);
    CHECK(r >= 0 && w >= 0);
    CHECK_EQ(twrites(init, (int)w, "kept"), 4);
    tclose(init, (int)w);
    tread_expect(init, (int)r, "kept");     /* the writer left, the data did not */
    CHECK_EQ(tread(init, (int)r, 4, NULL), 0);
    tclose(init, (int)r);
    tunlink(init, FIFO);
}

TEST(fifo_name_stays_until_unlinked)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0600), 0);
    uint32_t inodes = kstats.inodes;
    long fd = topen(init, FIFO, O_RDWR);
    CHECK(fd >= 0);
    tclose(init, (int)fd);
    CHECK(S_ISFIFO(tstat_mode(init, FIFO)));
    CHECK_EQ(kstats.inodes, inodes);

    /* unlinked while open: the open file keeps working, then all goes */
    fd = topen(init, FIFO, O_RDWR);
    CHECK(fd >= 0);
    tunlink(init, FIFO);
    CHECK_EQ(tstat_mode(init, FIFO), -ENOENT);
    CHECK_EQ(twrites(init, (int)fd, "ghost"), 5);
    tread_expect(init, (int)fd, "ghost");
    tclose(init, (int)fd);
    CHECK_EQ(kstats.inodes, inodes - 1);
}

TEST(fifo_file_holds_the_inode)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    struct inode *ip = fifo_inode();
    int ref = ip->ref;
    long fd = topen(init, FIFO, O_RDWR);
    CHECK(fd >= 0);
    struct file *f = fd_get(init, (int)fd);
    CHECK(f->ip == ip);
    CHECK(f->pipe == ip->pipe);
    CHECK_EQ(ip->ref, ref + 1);
    CHECK_EQ(f->flags & O_ACCMODE, O_RDWR);
    tclose(init, (int)fd);
    CHECK_EQ(ip->ref, ref);
    tunlink(init, FIFO);
}

TEST(fifo_shares_one_pipe_among_opens)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    long r = topen(init, FIFO, O_RDONLY | O_NONBLOCK);
    long w1 = topen(init, FIFO, O_WRONLY);
    long w2 = topen(init, FIFO, O_WRONLY);
    CHECK(r >= 0 && w1 >= 0 && w2 >= 0);
    CHECK(fd_get(init, (int)w1)->pipe == fd_get(init, (int)r)->pipe);
    CHECK_EQ(pipe_writers(fifo_inode()->pipe), 2);
    CHECK_EQ(twrites(init, (int)w1, "a"), 1);
    CHECK_EQ(twrites(init, (int)w2, "b"), 1);
    tclose(init, (int)w1);
    tread_expect(init, (int)r, "ab");
    CHECK_EQ(tread(init, (int)r, 4, NULL), -EAGAIN);  /* w2 still open */
    tclose(init, (int)w2);
    CHECK_EQ(tread(init, (int)r, 4, NULL), 0);
    tclose(init, (int)r);
    tunlink(init, FIFO);
}

TEST(fifo_write_without_reader_is_epipe)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    CHECK_EQ(tsigaction(init, SIGPIPE, SIG_IGN), 0);
    long r = topen(init, FIFO, O_RDONLY | O_NONBLOCK);
    long w = topen(init, FIFO, O_WRONLY);
    CHECK(r >= 0 && w >= 0);
    tclose(init, (int)r);
    CHECK_EQ(twrites(init, (int)w, "x"), -EPIPE);
    tclose(init, (int)w);
    tunlink(init, FIFO);
}

TEST(fifo_pipe_size_per_open_pipe)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    long fd = topen(init, FIFO, O_RDWR);
    CHECK(fd >= 0);
    CHECK_EQ(tsys(init, SYS_fcntl, fd, (long)F_SETPIPE_SZ, 20000L), 32768);
    CHECK_EQ(tsys(init, SYS_fcntl, fd, (long)F_GETPIPE_SZ, 0L), 32768);
    tclose(init, (int)fd);
    fd = topen(init, FIFO, O_RDWR);         /* a new pipe: the default size */
    CHECK_EQ(tsys(init, SYS_fcntl, fd, (long)F_GETPIPE_SZ, 0L), PIPE_SIZE_DEFAULT);
    tclose(init, (int)fd);
    tunlink(init, FIFO);
}

/* ---- openers killed or interrupted while they wait ------------------------------ */

TEST(fifo_killed_while_waiting_to_read)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    uint32_t pipes = kstats.pipes, files = kstats.files;
    struct proc *c = tchild();
    struct topen o = topen_args(c, FIFO, O_RDONLY);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);
    CHECK_EQ(kstats.pipes, pipes + 1);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGKILL), 0);
    treap_killed(c, SIGKILL);
    CHECK_EQ(kstats.pipes, pipes);          /* its half-made end went away */
    CHECK_EQ(kstats.files, files);
    CHECK(fifo_inode()->pipe == NULL);
    /* and with it the reader: a non-blocking writer finds none */
    CHECK_EQ(topen(init, FIFO, O_WRONLY | O_NONBLOCK), -ENXIO);
    tunlink(init, FIFO);
    trm("/bin/child");
}

TEST(fifo_killed_while_waiting_to_write)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    uint32_t pipes = kstats.pipes;
    struct proc *c = tchild();
    struct topen o = topen_args(c, FIFO, O_WRONLY);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 1);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGTERM), 0);
    treap_killed(c, SIGTERM);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(kstats.pipes, pipes);
    tunlink(init, FIFO);
    trm("/bin/child");
}

TEST(fifo_killed_waiter_with_the_other_side_open)
{
    /* a reader waits in open; a non-blocking writer comes and stays, and
     * then the reader dies before its open completes */
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    struct proc *c = tchild();
    struct topen o = topen_args(c, FIFO, O_RDONLY);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);
    long w = topen(init, FIFO, O_WRONLY | O_NONBLOCK);
    CHECK(w >= 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGKILL), 0);
    treap_killed(c, SIGKILL);
    CHECK(fifo_inode()->pipe != NULL);      /* the writer keeps it */
    CHECK_EQ(pipe_readers(fifo_inode()->pipe), 0);
    CHECK_EQ(tsigaction(init, SIGPIPE, SIG_IGN), 0);
    CHECK_EQ(twrites(init, (int)w, "x"), -EPIPE);
    tclose(init, (int)w);
    CHECK(fifo_inode()->pipe == NULL);
    tunlink(init, FIFO);
    trm("/bin/child");
}

TEST(fifo_open_interrupted_by_a_handler)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    uint32_t pipes = kstats.pipes;
    struct proc *c = tchild();
    CHECK_EQ(tsigaction(c, SIGUSR1, UBASE + 0x100), 0);
    struct topen o = topen_args(c, FIFO, O_RDONLY);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(topen_again(&o), -EINTR);
    CHECK_EQ(thandled(c)[0], SIGUSR1);
    CHECK(c->call.file == NULL);
    CHECK_EQ(kstats.pipes, pipes);          /* the half-made open was undone */
    /* a new open starts from scratch */
    CHECK_EQ(topen_again(&o), KERN_BLOCK);
    long w = topen(init, FIFO, O_WRONLY);
    CHECK(w >= 0);
    CHECK(topen_again(&o) >= 0);
    texit_reap(c, 0);
    tclose(init, (int)w);
    tunlink(init, FIFO);
    trm("/bin/child");
}

TEST(fifo_open_survives_stop_and_continue)
{
    /* a stopped opener leaves the wait queue but keeps its half-made open */
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    uint32_t files = kstats.files;
    struct proc *c = tchild();
    struct topen o = topen_args(c, FIFO, O_WRONLY);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);
    struct file *held = c->call.file;
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGSTOP), 0);
    CHECK_EQ(c->state, P_STOPPED);
    CHECK(c->nwaits == 0);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGCONT), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);  /* still no reader: waits again */
    CHECK(c->call.file == held);
    CHECK_EQ(kstats.files, files + 1);      /* and made no second file */
    long r = topen(init, FIFO, O_RDONLY);
    CHECK(r >= 0);
    long w = topen_again(&o);
    CHECK(w >= 0);
    CHECK(fd_get(c, (int)w) == held);
    texit_reap(c, 0);
    tclose(init, (int)r);
    tunlink(init, FIFO);
    trm("/bin/child");
}

TEST(fifo_waiter_renamed_away_leaks_nothing)
{
    /* the FIFO is renamed while an open waits; the writer opens the new
     * name. The re-issued open's path no longer resolves, but the open
     * was already under way on the inode: nothing may leak either way. */
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    struct proc *c = tchild();
    struct topen o = topen_args(c, FIFO, O_RDONLY);
    CHECK_EQ(topen_again(&o), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_rename, (long)ustr(init, FIFO), (long)ustr(init, "/tmp/moved")), 0);
    long w = topen(init, "/tmp/moved", O_WRONLY);
    CHECK(w >= 0);
    long r = topen_again(&o);
    CHECK(c->call.file == NULL);
    if (r >= 0)
        tclose(c, (int)r);
    texit_reap(c, 0);
    tclose(init, (int)w);
    tunlink(init, "/tmp/moved");
    trm("/bin/child");
}

/* ---- out of kernel memory -------------------------------------------------- */

TEST(fifo_open_out_of_memory)
{
    CHECK_EQ(tmkfifo(init, FIFO, 0666), 0);
    uint32_t files = kstats.files, pipes = kstats.pipes;
    bool nomem = false, nfile = false, ok = false;
    /* the first open makes the pipe, then the file: either may fail */
    for (size_t hole = 0; hole <= 2 * PIPE_SIZE_DEFAULT && !ok; hole += 16) {
        tsqueeze(hole);
        long r = topen(init, FIFO, O_RDWR);
        trelease();
        if (r >= 0) {
            ok = true;
            tclose(init, (int)r);
        } else if (r == -ENOMEM) {
            nomem = true;
        } else if (r == -ENFILE) {
            nfile = true;
        } else {
            CHECK_EQ(r, 0);
        }
        CHECK_EQ(kstats.files, files);
        CHECK_EQ(kstats.pipes, pipes);
        CHECK(fifo_inode()->pipe == NULL);
    }
    CHECK(nomem && nfile && ok);

    /* a later open only needs a file; failing leaves the pipe to the others */
    long fd = topen(init, FIFO, O_RDWR);
    CHECK(fd >= 0);
    CHECK_EQ(twrites(init, (int)fd, "still"), 5);
    tsqueeze(0);
    CHECK_EQ(topen(init, FIFO, O_RDONLY | O_NONBLOCK), -ENFILE);
    trelease();
    tread_expect(init, (int)fd, "still");
    tclose(init, (int)fd);
    tunlink(init, FIFO);
}

/* spawn's open of a FIFO never blocks the spawner: the child waits at its
 * first read instead (the shell's `cat < fifo &`). */
TEST(fifo_spawn_redirect_defers_the_wait_to_the_child)
{
    CHECK_EQ(tsys(init, SYS_mknod, (long)ustr(init, "/tmp/sf"), (long)(S_IFIFO | 0644), 0L), 0);
    struct k_spawn_action act = { .type = SPAWN_OPEN, .fd = 0, .oflag = O_RDONLY,
                                  .path = ustr(init, "/tmp/sf") };
    const char *argv[] = { "init", NULL };
    long pid = tsys(init, SYS_spawn, (long)ustr(init, "/bin/init"), (long)uargv(init, argv), 0L,
                    (long)ubytes(init, &act, sizeof act), 1L, 0L);
    CHECK(pid > 0);                                   /* the spawner did not block */
    struct proc *c = proc_find((int)pid);
    uptr buf = ubuf(c, 16);
    CHECK_EQ(tsys(c, SYS_read, 0L, (long)buf, 16L), KERN_BLOCK);   /* the child waits */
    CHECK_EQ(c->state, P_BLOCKED);
    long w = tsys(init, SYS_open, (long)ustr(init, "/tmp/sf"), (long)O_WRONLY, 0L);
    CHECK(w >= 0);                                    /* a reader is there: no wait */
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(init, SYS_write, w, (long)ustr(init, "hi"), 2L), 2);
    CHECK_EQ(tsys(c, SYS_read, 0L, (long)buf, 16L), 2);
    tsys(init, SYS_close, w);
    CHECK_EQ(tsys(c, SYS_read, 0L, (long)buf, 16L), 0);            /* end of file */
    texit_reap(c, 0);
    /* a user cannot pass the kernel's internal flag */
    long fd = tsys(init, SYS_open, (long)ustr(init, "/tmp/sf"),
                   (long)(O_RDONLY | O_NONBLOCK | O_SPAWN_DEFER), 0L);
    CHECK(fd >= 0);
    CHECK(!init->ofile[fd]->peer_pending);
    tsys(init, SYS_close, fd);
    CHECK_EQ(tsys(init, SYS_unlink, (long)ustr(init, "/tmp/sf")), 0);
}
