/*
 * test_rlimit.c - resource limits (kernel/rlimit.c): the defaults, getting
 * and setting them, who may raise what, inheritance across spawn and fork,
 * and the three that are enforced: RLIMIT_NOFILE on every way of making a
 * descriptor (and ppoll's count), RLIMIT_FSIZE on write and ftruncate
 * (EFBIG and SIGXFSZ), RLIMIT_NPROC on fork for users other than root.
 */
#include "fstest.h"

#define HANDLER 0x4000L

static struct k_rlimit get(struct proc *p, int r)
{
    uptr b = ubuf(p, sizeof(struct k_rlimit));
    CHECK_EQ(sys3(p, SYS_getrlimit, r, (long)b, 0), 0);
    struct k_rlimit l;
    memcpy(&l, uhost(p, b), sizeof l);
    return l;
}

static long set(struct proc *p, int r, uint64_t cur, uint64_t max)
{
    struct k_rlimit l = { cur, max };
    return sys3(p, SYS_setrlimit, r, (long)ubytes(p, &l, sizeof l), 0);
}

static int reap_status(struct proc *child)
{
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)child->pid, (long)st, 0L, 0L), child->pid);
    return *(int *)uhost(init, st);
}

TEST(rlimit_defaults_are_the_kernels_bounds)
{
    struct k_rlimit l = get(init, RLIMIT_NOFILE);
    CHECK_EQ(l.rlim_cur, NOFILE);
    CHECK_EQ(l.rlim_max, NOFILE);
    l = get(init, RLIMIT_FSIZE);
    CHECK_EQ(l.rlim_cur, K_RLIM_INFINITY);
    CHECK_EQ(l.rlim_max, K_RLIM_INFINITY);
    l = get(init, RLIMIT_NPROC);
    CHECK_EQ(l.rlim_max, NPROC);
    l = get(init, RLIMIT_CORE);
    CHECK_EQ(l.rlim_cur, 0);
    CHECK_EQ(l.rlim_max, K_RLIM_INFINITY);
}

TEST(rlimit_set_and_get_and_errors)
{
    CHECK_EQ(set(init, RLIMIT_CPU, 10, 20), 0);
    struct k_rlimit l = get(init, RLIMIT_CPU);
    CHECK_EQ(l.rlim_cur, 10);
    CHECK_EQ(l.rlim_max, 20);
    CHECK_EQ(set(init, RLIMIT_CPU, 30, 20), -EINVAL);       /* soft > hard */
    CHECK_EQ(set(init, RLIM_NLIMITS, 1, 1), -EINVAL);
    CHECK_EQ(set(init, -1, 1, 1), -EINVAL);
    CHECK_EQ(sys3(init, SYS_getrlimit, RLIMIT_CPU, 8, 0), -EFAULT);
    CHECK_EQ(sys3(init, SYS_setrlimit, RLIMIT_CPU, 8, 0), -EFAULT);
    CHECK_EQ(sys3(init, SYS_setrlimit, RLIMIT_CPU, 0, 0), -EFAULT);
    CHECK_EQ(set(init, RLIMIT_CPU, 40, 50), 0);             /* root may raise the hard one */
    CHECK_EQ(set(init, RLIMIT_NOFILE, 10, NOFILE + 1), -EPERM);  /* not past the table */
    CHECK_EQ(get(init, RLIMIT_NOFILE).rlim_max, NOFILE);
}

TEST(rlimit_a_user_may_lower_but_not_raise_the_hard_limit)
{
    struct proc *u = user_proc();
    CHECK_EQ(set(u, RLIMIT_CORE, 0, 1000), 0);
    CHECK_EQ(set(u, RLIMIT_CORE, 1000, 1000), 0);           /* soft up to hard: fine */
    CHECK_EQ(set(u, RLIMIT_CORE, 0, 2000), -EPERM);
    CHECK_EQ(get(u, RLIMIT_CORE).rlim_max, 1000);
    /* prlimit64 on another user's process: EPERM; on init by root: fine */
    struct k_rlimit l = { 5, 5 };
    uptr ul = ubytes(u, &l, sizeof l);
    CHECK_EQ(tsys(u, SYS_prlimit64, 1L, (long)RLIMIT_CPU, (long)ul, 0L), -EPERM);
    uptr old = ubuf(init, sizeof l);
    CHECK_EQ(tsys(init, SYS_prlimit64, (long)u->pid, (long)RLIMIT_CORE,
                  (long)ubytes(init, &l, sizeof l), (long)old), 0);
    CHECK_EQ(((struct k_rlimit *)uhost(init, old))->rlim_max, 1000);   /* the old value */
    CHECK_EQ(get(u, RLIMIT_CORE).rlim_cur, 5);
    CHECK_EQ(tsys(init, SYS_prlimit64, 9999L, (long)RLIMIT_CORE, 0L, (long)old), -ESRCH);
    texit_reap(u, 0);
}

TEST(rlimit_spawn_and_fork_inherit_the_limits)
{
    CHECK_EQ(set(init, RLIMIT_NOFILE, 7, 20), 0);
    struct proc *c = tspawn(init, "/bin/init");
    CHECK_EQ(get(c, RLIMIT_NOFILE).rlim_cur, 7);
    CHECK_EQ(get(c, RLIMIT_NOFILE).rlim_max, 20);
    long pid = tsys(c, SYS_fork);
    CHECK(pid > 0);
    struct proc *g = proc_find((int)pid);
    CHECK_EQ(get(g, RLIMIT_NOFILE).rlim_cur, 7);
    texit_reap(g, 0);
    texit_reap(c, 0);
}

TEST(rlimit_nofile_bounds_every_new_descriptor)
{
    mkfile("/f", "x", 0644);
    CHECK_EQ(set(init, RLIMIT_NOFILE, 5, NOFILE), 0);
    CHECK_EQ(sopen(init, "/f", O_RDONLY, 0), 3);
    CHECK_EQ(sopen(init, "/f", O_RDONLY, 0), 4);
    CHECK_EQ(sopen(init, "/f", O_RDONLY | O_CREAT, 0644), -EMFILE);
    CHECK_EQ(sopen(init, "/g", O_RDWR | O_CREAT, 0644), -EMFILE);
    CHECK(inode_at("/g") == NULL);                           /* nothing created */
    CHECK_EQ(sys3(init, SYS_dup, 3, 0, 0), -EMFILE);
    CHECK_EQ(sys3(init, SYS_dup2, 3, 5, 0), -EBADF);         /* Linux: at the limit */
    CHECK_EQ(sfcntl(init, 3, F_DUPFD, 5), -EINVAL);
    uptr fds = ubuf(init, 2 * sizeof(int));
    CHECK_EQ(sys3(init, SYS_pipe2, (long)fds, 0, 0), -EMFILE);
    CHECK_EQ(sys3(init, SYS_socket, 1 /* AF_UNIX */, 1 /* SOCK_STREAM */, 0), -EMFILE);
    CHECK_EQ(sys3(init, SYS_ppoll, (long)ubuf(init, 6 * sizeof(struct k_pollfd)), 6, 0), -EINVAL);
    /* lowering the limit closes nothing: descriptors above it stay usable */
    CHECK_EQ(set(init, RLIMIT_NOFILE, 3, NOFILE), 0);
    CHECK_EQ(sys3(init, SYS_read, 4, (long)ubuf(init, 4), 4), 1);
    CHECK_EQ(sclose(init, 4), 0);
    CHECK_EQ(sclose(init, 3), 0);
    CHECK_EQ(sys3(init, SYS_dup, 0, 0, 0), -EMFILE);
    CHECK_EQ(set(init, RLIMIT_NOFILE, NOFILE, NOFILE), 0);
    CHECK_EQ(sys3(init, SYS_dup2, 0, NOFILE - 1, 0), NOFILE - 1);
    CHECK_EQ(sclose(init, NOFILE - 1), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(rlimit_fsize_cuts_a_write_then_fails_with_efbig_and_sigxfsz)
{
    struct k_sigaction sa = { .sa_handler = HANDLER };
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGXFSZ, (long)ubytes(init, &sa, sizeof sa), 0L), 0);
    CHECK_EQ(set(init, RLIMIT_FSIZE, 10, K_RLIM_INFINITY), 0);
    long fd = sopen(init, "/f", O_CREAT | O_RDWR | O_TRUNC, 0644);
    CHECK_EQ(swrite(init, fd, "0123456"), 7);
    CHECK_EQ(swrite(init, fd, "789abc"), 3);                 /* up to the limit */
    CHECK_EQ(thandled(init)[0], 0);                          /* no signal yet */
    CHECK_EQ(swrite(init, fd, ""), 0);                       /* nothing: no error */
    CHECK_EQ(swrite(init, fd, "x"), -EFBIG);
    CHECK_EQ(thandled(init)[0], SIGXFSZ);
    CHECK_STR(slurp(init, "/f"), "0123456789");
    CHECK_EQ(sys3(init, SYS_ftruncate, fd, 10, 0), 0);
    CHECK_EQ(sys3(init, SYS_ftruncate, fd, 11, 0), -EFBIG);
    CHECK_EQ(thandled(init)[1], SIGXFSZ);
    CHECK_EQ(sys3(init, SYS_ftruncate, fd, 2, 0), 0);        /* shrinking is fine */
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(rlimit_fsize_sigxfsz_ends_a_process_by_default)
{
    struct proc *c = tspawn(init, "/bin/init");
    CHECK_EQ(set(c, RLIMIT_FSIZE, 4, 4), 0);
    long fd = sopen(c, "/f", O_CREAT | O_WRONLY | O_APPEND, 0644);
    CHECK_EQ(swrite(c, fd, "abcdef"), 4);
    CHECK_EQ(swrite(c, fd, "gh"), -EFBIG);
    CHECK_EQ(c->state, P_ZOMBIE);
    CHECK_EQ(reap_status(c), W_EXITCODE(0, SIGXFSZ));
    CHECK_STR(slurp(init, "/f"), "abcd");
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(rlimit_nproc_holds_back_a_user_but_not_root)
{
    struct proc *u = user_proc();                   /* user 1000's only process */
    CHECK_EQ(set(u, RLIMIT_NPROC, 2, 2), 0);
    long pid = tsys(u, SYS_fork);
    CHECK(pid > 0);
    struct proc *c = proc_find((int)pid);
    CHECK_EQ(tsys(u, SYS_fork), -EAGAIN);            /* two of 1000's already */
    CHECK_EQ(tsys(c, SYS_fork), -EAGAIN);
    texit_reap(c, 0);
    pid = tsys(u, SYS_fork);                         /* room again once reaped */
    CHECK(pid > 0);
    texit_reap(proc_find((int)pid), 0);
    CHECK_EQ(set(init, RLIMIT_NPROC, 1, 1), 0);      /* root is never held back */
    struct proc *r = tspawn(init, "/bin/init");
    CHECK(r != NULL);
    texit_reap(r, 0);
    texit_reap(u, 0);
}
