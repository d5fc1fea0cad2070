/*
 * test_lazy.c - files whose bytes the platform brings at first use
 * (lazy.c): they show their size and mode at once; the first open or
 * exec asks the platform and waits, every caller waiting for the same
 * fetch goes on when it is answered; a fetch that fails is EIO for the
 * calls that waited for it and is tried again by the next one.
 */
#include "fstest.h"

static struct proc *child(void)
{
    struct proc *c = tspawn(init, "/bin/init");
    CHECK(c != NULL);
    return c;
}

static long open_ro(struct proc *p, uptr path)
{
    return sys3(p, SYS_open, (long)path, O_RDONLY, 0);
}

static void fresh(void)
{
    tfetch_calls = 0;
    tfetch_result = 0;
    tfetch_name[0] = '\0';
}

TEST(lazy_file_shows_size_and_mode_and_is_fetched_at_first_open)
{
    fresh();
    CHECK_EQ(lazy_make("/lz", 0644, 11, "files/lz"), 0);
    struct k_stat st;
    CHECK_EQ(sstat(init, "/lz", &st), 0);
    CHECK_EQ(st.st_size, 11);
    CHECK_EQ(st.st_mode, S_IFREG | 0644);
    CHECK_EQ(tfetch_calls, 0);                       /* stat needs no bytes */

    struct proc *c = child();
    uptr pi = ustr(init, "/lz"), pc = ustr(c, "/lz");
    CHECK_EQ(open_ro(init, pi), KERN_BLOCK);
    CHECK_EQ(tfetch_calls, 1);
    CHECK_STR(tfetch_name, "files/lz");
    CHECK_EQ(init->state, P_BLOCKED);
    CHECK_STR(init->wait_what, "fetch");
    CHECK_EQ(open_ro(c, pc), KERN_BLOCK);            /* waits for the same fetch */
    CHECK_EQ(tfetch_calls, 1);

    CHECK_EQ(kernel_lazy_fill("files/lz", "hello world", 11, 0), 0);
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_EQ(c->state, P_RUNNABLE);
    long fd = open_ro(init, pi);
    CHECK(fd >= 0);
    char buf[32];
    CHECK_EQ(sread(init, fd, buf, sizeof buf - 1), 11);
    CHECK_STR(buf, "hello world");
    CHECK_EQ(sclose(init, fd), 0);
    long cfd = open_ro(c, pc);
    CHECK(cfd >= 0);
    CHECK_EQ(sclose(c, cfd), 0);
    CHECK_STR(slurp(init, "/lz"), "hello world");    /* an ordinary file now */
    CHECK_EQ(tfetch_calls, 1);
    CHECK_EQ(kernel_lazy_fill("files/lz", "hello world", 11, 0), -ENOENT);
    texit_reap(c, 0);
    trm("/lz");
}

TEST(lazy_fetch_that_fails_is_eio_and_is_tried_again)
{
    fresh();
    CHECK_EQ(lazy_make("/lz", 0644, 5, "lz"), 0);
    uptr p = ustr(init, "/lz");
    struct proc *c = child();
    uptr pc = ustr(c, "/lz");
    CHECK_EQ(open_ro(init, p), KERN_BLOCK);
    CHECK_EQ(open_ro(c, pc), KERN_BLOCK);            /* waits for the same fetch */
    CHECK_EQ(kernel_lazy_fill("lz", NULL, 0, -EIO), -EIO);   /* the server is gone */
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_EQ(open_ro(init, p), -EIO);
    CHECK_EQ(open_ro(c, pc), -EIO);                  /* both, and no fetch again */
    CHECK_EQ(tfetch_calls, 1);
    texit_reap(c, 0);

    CHECK_EQ(open_ro(init, p), KERN_BLOCK);          /* a new open: a new fetch */
    CHECK_EQ(tfetch_calls, 2);
    CHECK_EQ(kernel_lazy_fill("lz", "toolong", 7, 0), -EIO);  /* not the size listed */
    CHECK_EQ(open_ro(init, p), -EIO);
    struct k_stat st;
    CHECK_EQ(sstat(init, "/lz", &st), 0);
    CHECK_EQ(st.st_size, 5);                          /* still listed as it was */

    tfetch_result = -EIO;                             /* a platform that cannot fetch */
    CHECK_EQ(open_ro(init, p), -EIO);
    tfetch_result = 0;
    CHECK_EQ(open_ro(init, p), KERN_BLOCK);
    CHECK_EQ(kernel_lazy_fill("lz", "right", 5, 0), 0);
    long fd = open_ro(init, p);
    CHECK(fd >= 0);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_STR(slurp(init, "/lz"), "right");
    trm("/lz");
}

TEST(lazy_open_that_truncates_needs_no_bytes)
{
    fresh();
    CHECK_EQ(lazy_make("/lz", 0644, 100, "lz"), 0);
    long fd = sopen(init, "/lz", O_WRONLY | O_TRUNC, 0);
    CHECK(fd >= 0);
    CHECK_EQ(tfetch_calls, 0);
    CHECK_EQ(swrite(init, fd, "new"), 3);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_STR(slurp(init, "/lz"), "new");
    trm("/lz");
}

TEST(lazy_program_is_fetched_before_spawn_and_exec)
{
    fresh();
    CHECK_EQ(lazy_make("/bin/lzprog", 0755, 8, "bin/lzprog"), 0);
    const char *argv[] = { "/bin/lzprog", NULL };
    uptr path = ustr(init, "/bin/lzprog"), av = uargv(init, argv);
    long nprocs = kstats.procs;
    CHECK_EQ(tsys(init, SYS_spawn, (long)path, (long)av, 0L, 0L, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(kstats.procs, nprocs);                  /* no child made yet */
    CHECK_STR(tfetch_name, "bin/lzprog");
    CHECK_EQ(kernel_lazy_fill("bin/lzprog", FAKE_MAGIC "prog", 8, 0), 0);
    long pid = tsys(init, SYS_spawn, (long)path, (long)av, 0L, 0L, 0L, 0L);
    CHECK(pid > 0);
    texit_reap(proc_find((int)pid), 0);

    /* execve, the same way */
    CHECK_EQ(lazy_make("/bin/lzexec", 0755, 8, "bin/lzexec"), 0);
    struct proc *c = child();
    uptr cpath = ustr(c, "/bin/lzexec");
    const char *cargv[] = { "/bin/lzexec", NULL };
    uptr cav = uargv(c, cargv);
    CHECK_EQ(tsys(c, SYS_execve, (long)cpath, (long)cav, 0L), KERN_BLOCK);
    CHECK_EQ(kernel_lazy_fill("bin/lzexec", NULL, 0, -EIO), -EIO);
    CHECK_EQ(tsys(c, SYS_execve, (long)cpath, (long)cav, 0L), -EIO);
    texit_reap(c, 0);
    trm("/bin/lzprog");
    trm("/bin/lzexec");
}

TEST(lazy_file_removed_while_fetched_is_simply_gone)
{
    fresh();
    long inodes = kstats.inodes;
    CHECK_EQ(lazy_make("/lz", 0644, 3, "lz"), 0);
    struct proc *c = child();
    uptr p = ustr(c, "/lz");
    CHECK_EQ(open_ro(c, p), KERN_BLOCK);
    CHECK_EQ(spath(init, SYS_unlink, "/lz"), 0);
    CHECK_EQ(c->state, P_RUNNABLE);                  /* woken: its file is gone */
    CHECK_EQ(kernel_lazy_fill("lz", "abc", 3, 0), -ENOENT);
    CHECK_EQ(open_ro(c, p), -ENOENT);
    texit_reap(c, 0);
    CHECK_EQ(kstats.inodes, inodes);
}

TEST(lazy_file_archived_stays_lazy)
{
    fresh();
    CHECK_EQ(smkdir(init, "/lzd", 0755), 0);
    CHECK_EQ(lazy_make("/lzd/f", 0751, 42, "bin/f"), 0);
    void *tar;
    size_t len;
    long skipped = -1;
    CHECK_EQ(kernel_archive("/lzd", &tar, &len, &skipped), 0);
    CHECK_EQ(skipped, 0);
    CHECK_EQ(tfetch_calls, 0);                       /* its bytes were not needed */
    rmtree("/lzd");
    CHECK_EQ(kernel_restore(tar, len), 2);
    kernel_free(tar);
    struct k_stat st;
    CHECK_EQ(sstat(init, "/lzd/f", &st), 0);
    CHECK_EQ(st.st_size, 42);
    CHECK_EQ(st.st_mode, S_IFREG | 0751);
    struct proc *c = child();
    uptr p = ustr(c, "/lzd/f");
    CHECK_EQ(open_ro(c, p), KERN_BLOCK);
    CHECK_STR(tfetch_name, "bin/f");                 /* by the name it was listed with */
    CHECK_EQ(kernel_lazy_fill("bin/f", NULL, 0, -EIO), -EIO);
    CHECK_EQ(open_ro(c, p), -EIO);
    texit_reap(c, 0);
    rmtree("/lzd");
}
