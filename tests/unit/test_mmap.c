/*
 * test_mmap.c - mmap, munmap, mprotect, msync (kernel/mman.c): private
 * and shared anonymous memory, shared and private mappings of files (a
 * shm_open object is a file in /dev/shm), a mapped file that grows, fork
 * and exec, cutting regions, bad arguments, and nothing left behind.
 *
 * The host platform copies a shared object into a process at attach;
 * tshm_sync(p) plays the web platform's switch. Mappings go in the top
 * quarter of a fake process's memory.
 */
#include "test.h"

#define PAGE 4096L
#define RW   (PROT_READ | PROT_WRITE)
#define SHM_LO (UBASE + USIZE * 3 / 4)

static long tmmap(struct proc *p, uptr addr, long len, int prot, int flags, long fd, long off)
{
    return tsys(p, SYS_mmap, (long)addr, len, (long)prot, (long)flags, fd, off);
}

static long tanon(struct proc *p, long len, int flags)
{
    return tmmap(p, 0, len, RW, flags | MAP_ANONYMOUS, -1, 0);
}

static long topen(struct proc *p, const char *path, int flags)
{
    return tsys(p, SYS_open, (long)ustr(p, path), (long)flags, 0600L);
}

static long twrite(struct proc *p, long fd, const char *s)
{
    return tsys(p, SYS_write, fd, (long)ustr(p, s), (long)strlen(s));
}

static void tread_at(struct proc *p, long fd, long off, const char *want)
{
    size_t n = strlen(want);
    uptr u = ubuf(p, n + 1);
    CHECK_EQ(tsys(p, SYS_lseek, fd, off, (long)SEEK_SET), off);
    CHECK_EQ(tsys(p, SYS_read, fd, (long)u, (long)n), (long)n);
    CHECK(memcmp(uhost(p, u), want, n) == 0);
}

static char *at(struct proc *p, long addr) { return uhost(p, (uptr)addr); }

TEST(mmap_private_anonymous_memory)
{
    long a = tanon(init, 3 * PAGE - 100, MAP_PRIVATE);
    CHECK_EQ(a, SHM_LO);                                     /* the lowest place free */
    CHECK_EQ(kstats.mappings, 1);
    CHECK_EQ(at(init, a)[0], 0);
    CHECK_EQ(at(init, a)[3 * PAGE - 1], 0);                  /* whole pages, zeroed */
    CHECK_EQ(tmem_prot(init, (uptr)a), RW);
    long b = tanon(init, PAGE, MAP_PRIVATE);
    CHECK_EQ(b, a + 3 * PAGE);                               /* placed clear of the first */
    CHECK_EQ(tsys(init, SYS_munmap, a, 3 * PAGE), 0);
    CHECK_EQ(tanon(init, 2 * PAGE, MAP_PRIVATE), a);         /* the hole is used again */
    CHECK_EQ(tsys(init, SYS_munmap, a, 4 * PAGE), 0);        /* over both, and a gap */
    CHECK_EQ(tsys(init, SYS_munmap, a, PAGE), 0);            /* nothing there: no error */
    CHECK_EQ(kstats.mappings, 0);
}

TEST(mmap_hint_and_fixed)
{
    long hint = SHM_LO + 8 * PAGE;
    CHECK_EQ(tmmap(init, (uptr)hint, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), hint);
    CHECK_EQ(tmmap(init, (uptr)hint, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), SHM_LO);
    CHECK_EQ(tmmap(init, (uptr)hint + 1, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
             SHM_LO + PAGE);                                 /* an unaligned hint: ignored */
    at(init, hint)[0] = 'x';
    CHECK_EQ(tmmap(init, (uptr)hint, 2 * PAGE, PROT_READ,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), hint);   /* replaces */
    CHECK_EQ(at(init, hint)[0], 0);
    CHECK_EQ(tmem_prot(init, (uptr)hint), PROT_READ);
    CHECK_EQ(kstats.mappings, 3);
    /* MAP_FIXED where the process cannot have memory */
    CHECK_EQ(tmmap(init, UBASE, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
             -EINVAL);
    CHECK_EQ(kstats.mappings, 3);
    CHECK_EQ(tsys(init, SYS_munmap, SHM_LO, 16 * PAGE), 0);
}

TEST(mmap_bad_arguments)
{
    int flags = MAP_PRIVATE | MAP_ANONYMOUS;
    CHECK_EQ(tmmap(init, 0, 0, RW, flags, -1, 0), -EINVAL);
    CHECK_EQ(tmmap(init, 0, PAGE, RW, MAP_ANONYMOUS, -1, 0), -EINVAL);
    CHECK_EQ(tmmap(init, 0, PAGE, RW, MAP_ANONYMOUS | MAP_SHARED | MAP_PRIVATE, -1, 0), -EINVAL);
    CHECK_EQ(tmmap(init, 0, PAGE, RW, flags, -1, 100), -EINVAL);
    CHECK_EQ(tmmap(init, 0, PAGE, 8, flags, -1, 0), -EINVAL);
    CHECK_EQ(tmmap(init, SHM_LO + 1, PAGE, RW, flags | MAP_FIXED, -1, 0), -EINVAL);
    CHECK_EQ(tmmap(init, 0, -1L, RW, flags, -1, 0), -ENOMEM);           /* wraps */
    CHECK_EQ(tmmap(init, 0, 1L << 40, RW, flags, -1, 0), -ENOMEM);      /* no room */
    CHECK_EQ(tmmap(init, 0, 1L << 40, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0), -ENOMEM);
    CHECK_EQ(tmmap(init, (uptr)-PAGE, 2 * PAGE, RW, flags | MAP_FIXED, -1, 0), -ENOMEM);
    CHECK_EQ(tmmap(init, 0, PAGE, RW, MAP_PRIVATE, 40, 0), -EBADF);
    uptr fds = ubuf(init, 8);
    CHECK_EQ(tsys(init, SYS_pipe2, (long)fds, 0L), 0);
    int *fd = uhost(init, fds);
    CHECK_EQ(tmmap(init, 0, PAGE, RW, MAP_PRIVATE, fd[0], 0), -ENODEV);
    long dir = topen(init, "/tmp", O_RDONLY);
    CHECK_EQ(tmmap(init, 0, PAGE, PROT_READ, MAP_SHARED, dir, 0), -ENODEV);
    long wo = topen(init, "/tmp/f", O_WRONLY | O_CREAT);
    long ro = topen(init, "/tmp/f", O_RDONLY);
    CHECK_EQ(tmmap(init, 0, PAGE, PROT_READ, MAP_SHARED, wo, 0), -EACCES);
    CHECK_EQ(tmmap(init, 0, PAGE, RW, MAP_SHARED, ro, 0), -EACCES);
    CHECK_EQ(tmmap(init, 0, PAGE, RW, MAP_PRIVATE, ro, 0) > 0, 1);    /* a copy may be written */
    CHECK_EQ(tmmap(init, 0, PAGE, PROT_READ, MAP_SHARED, ro, -PAGE), -EINVAL);
    /* munmap, mprotect, msync */
    CHECK_EQ(tsys(init, SYS_munmap, SHM_LO + 1, PAGE), -EINVAL);
    CHECK_EQ(tsys(init, SYS_munmap, SHM_LO, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_munmap, SHM_LO, -1L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_mprotect, SHM_LO + 1, PAGE, (long)PROT_READ), -EINVAL);
    CHECK_EQ(tsys(init, SYS_mprotect, SHM_LO, PAGE, 16L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_mprotect, SHM_LO, 2 * PAGE, (long)PROT_READ), -ENOMEM);   /* a hole */
    CHECK_EQ(tsys(init, SYS_msync, SHM_LO, PAGE, (long)(MS_SYNC | MS_ASYNC)), -EINVAL);
    CHECK_EQ(tsys(init, SYS_msync, SHM_LO, PAGE, 64L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_msync, SHM_LO + 8 * PAGE, PAGE, (long)MS_SYNC), -ENOMEM);
    CHECK_EQ(tsys(init, SYS_msync, SHM_LO, PAGE, (long)MS_SYNC), 0);
    CHECK_EQ(tsys(init, SYS_munmap, SHM_LO, PAGE), 0);
    CHECK_EQ(tsys(init, SYS_close, (long)fd[0]), 0);
    CHECK_EQ(tsys(init, SYS_close, (long)fd[1]), 0);
    CHECK_EQ(tsys(init, SYS_close, dir), 0);
    CHECK_EQ(tsys(init, SYS_close, wo), 0);
    CHECK_EQ(tsys(init, SYS_close, ro), 0);
    CHECK_EQ(tsys(init, SYS_unlink, (long)ustr(init, "/tmp/f")), 0);
}

TEST(mmap_runs_out_of_regions)
{
    long n = 0, r;
    while ((r = tanon(init, PAGE, MAP_PRIVATE)) > 0)
        n++;
    CHECK_EQ(r, -ENOMEM);                                    /* the window is full ... */
    CHECK_EQ(n, USIZE / 4 / PAGE);
    CHECK_EQ(tsys(init, SYS_munmap, SHM_LO + PAGE, PAGE), 0);
    CHECK_EQ(tanon(init, PAGE, MAP_PRIVATE), SHM_LO + PAGE);  /* ... until a page is free */
    CHECK_EQ(tsys(init, SYS_munmap, SHM_LO, USIZE / 4), 0);
    CHECK_EQ(kstats.mappings, 0);
}

TEST(mmap_shared_anonymous_is_shared_across_fork)
{
    long a = tanon(init, PAGE, MAP_SHARED);
    CHECK(a > 0);
    CHECK_EQ(kstats.memobjs, 1);
    strcpy(at(init, a), "parent");
    tshm_sync(init);
    long pid = tsys(init, SYS_fork);
    struct proc *c = proc_find((int)pid);
    CHECK_EQ(kstats.mappings, 2);
    CHECK_EQ(kstats.memobjs, 1);                              /* one object, two mappings */
    CHECK_STR(at(c, a), "parent");
    strcpy(at(c, a), "child");
    tshm_sync(c);
    CHECK_STR(at(init, a), "child");
    /* a private mapping is the child's own copy */
    long b = tanon(init, PAGE, MAP_PRIVATE);
    strcpy(at(init, b), "mine");
    long pid2 = tsys(init, SYS_fork);
    struct proc *c2 = proc_find((int)pid2);
    CHECK_STR(at(c2, b), "mine");
    strcpy(at(c2, b), "its");
    CHECK_STR(at(init, b), "mine");
    texit_reap(c2, 0);
    CHECK_EQ(tsys(init, SYS_munmap, a, PAGE), 0);
    CHECK_EQ(kstats.memobjs, 1);                              /* the child still has it */
    texit_reap(c, 0);
    CHECK_EQ(kstats.memobjs, 0);
    CHECK_EQ(tsys(init, SYS_munmap, b, PAGE), 0);
}

TEST(mmap_shared_file_is_the_files_bytes)
{
    long fd = topen(init, "/dev/shm/obj", O_RDWR | O_CREAT | O_EXCL);
    CHECK(fd >= 0);
    CHECK_EQ(tsys(init, SYS_ftruncate, fd, 2 * PAGE), 0);
    CHECK_EQ(twrite(init, fd, "from write"), 10);
    long a = tmmap(init, 0, 2 * PAGE, RW, MAP_SHARED, fd, 0);
    CHECK(a > 0);
    CHECK(memcmp(at(init, a), "from write", 10) == 0);
    strcpy(at(init, a) + PAGE, "from memory");
    tread_at(init, fd, PAGE, "from memory");                 /* read sees the mapping */
    CHECK_EQ(tsys(init, SYS_lseek, fd, 100L, (long)SEEK_SET), 100);
    CHECK_EQ(twrite(init, fd, "written"), 7);
    CHECK(memcmp(at(init, a) + 100, "written", 7) == 0);    /* the mapping sees write */
    /* a second mapping, at an offset, in another process */
    long pid = tsys(init, SYS_fork);
    struct proc *c = proc_find((int)pid);
    long b = tmmap(c, 0, PAGE, PROT_READ, MAP_SHARED, fd, PAGE);
    CHECK(b > 0);
    CHECK_STR(at(c, b), "from memory");
    CHECK_EQ(kstats.memobjs, 1);
    /* the file grows past its object: its bytes move, the mappings follow */
    CHECK_EQ(tsys(init, SYS_ftruncate, fd, 64 * PAGE), 0);
    CHECK_STR(at(c, b), "from memory");
    strcpy(at(init, a) + PAGE, "moved");
    tshm_sync(init);
    CHECK_STR(at(c, b), "moved");
    tread_at(c, fd, PAGE, "moved");
    texit_reap(c, 0);
    /* the name and the descriptor go; the mapping keeps the bytes */
    CHECK_EQ(tsys(init, SYS_unlink, (long)ustr(init, "/dev/shm/obj")), 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
    CHECK_EQ(kstats.memobjs, 1);
    CHECK(memcmp(at(init, a) + 100, "written", 7) == 0);
    CHECK_EQ(tsys(init, SYS_msync, a, 2 * PAGE, (long)MS_SYNC), 0);
    CHECK_EQ(tsys(init, SYS_munmap, a, 2 * PAGE), 0);
    CHECK_EQ(kstats.memobjs, 0);
}

TEST(mmap_private_file_is_a_copy)
{
    long fd = topen(init, "/tmp/data", O_RDWR | O_CREAT);
    CHECK_EQ(twrite(init, fd, "original"), 8);
    long a = tmmap(init, 0, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
    CHECK(a > 0);
    CHECK(memcmp(at(init, a), "original", 8) == 0);
    CHECK_EQ(at(init, a)[8], 0);                             /* past the end: zeros */
    CHECK_EQ(tmem_prot(init, (uptr)a), PROT_READ);
    at(init, a)[0] = 'X';                                    /* (not enforced on the host) */
    tread_at(init, fd, 0, "original");
    CHECK_EQ(kstats.memobjs, 0);
    CHECK_EQ(tmmap(init, 0, PAGE, PROT_READ, MAP_PRIVATE, fd, 4 * PAGE) > 0, 1);  /* past EOF */
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
    CHECK_EQ(tsys(init, SYS_unlink, (long)ustr(init, "/tmp/data")), 0);
    CHECK_EQ(tsys(init, SYS_munmap, SHM_LO, 4 * PAGE), 0);
}

TEST(mmap_dev_zero_is_anonymous_memory)
{
    long z = topen(init, "/dev/zero", O_RDWR);
    long a = tmmap(init, 0, PAGE, RW, MAP_SHARED, z, 0);
    long b = tmmap(init, 0, PAGE, RW, MAP_PRIVATE, z, 0);
    CHECK(a > 0 && b > 0);
    CHECK_EQ(kstats.memobjs, 1);
    CHECK_EQ(tsys(init, SYS_close, z), 0);
    CHECK_EQ(tsys(init, SYS_munmap, a, PAGE), 0);
    CHECK_EQ(tsys(init, SYS_munmap, b, PAGE), 0);
}

TEST(munmap_and_mprotect_cut_regions)
{
    long a = tanon(init, 4 * PAGE, MAP_SHARED);
    strcpy(at(init, a) + 3 * PAGE, "last page");
    CHECK_EQ(tsys(init, SYS_mprotect, a + PAGE, PAGE, (long)PROT_READ), 0);
    CHECK_EQ(kstats.mappings, 3);
    CHECK_EQ(tmem_prot(init, (uptr)a + PAGE), PROT_READ);
    CHECK_EQ(tmem_prot(init, (uptr)a), RW);
    CHECK_EQ(tsys(init, SYS_munmap, a + 2 * PAGE, PAGE), 0);  /* a page of the last piece */
    CHECK_EQ(kstats.mappings, 3);
    CHECK_STR(at(init, a) + 3 * PAGE, "last page");           /* still the object's bytes */
    CHECK_EQ(tsys(init, SYS_mprotect, a, 4 * PAGE, (long)PROT_READ), -ENOMEM);   /* the hole */
    CHECK_EQ(tsys(init, SYS_mprotect, a, 2 * PAGE, (long)(PROT_NONE)), 0);
    CHECK_EQ(tmem_prot(init, (uptr)a), PROT_NONE);
    /* fork keeps the pieces and their protections */
    struct proc *c = proc_find((int)tsys(init, SYS_fork));
    CHECK_EQ(kstats.mappings, 6);
    CHECK_EQ(tmem_prot(c, (uptr)a), PROT_NONE);
    CHECK_STR(at(c, a) + 3 * PAGE, "last page");
    texit_reap(c, 0);
    CHECK_EQ(tsys(init, SYS_mprotect, a, 2 * PAGE, (long)RW), 0);
    CHECK_EQ(tsys(init, SYS_munmap, a, 4 * PAGE), 0);
    CHECK_EQ(kstats.mappings, 0);
    CHECK_EQ(kstats.memobjs, 0);
}

TEST(mmap_exec_and_exit_let_go_of_mappings)
{
    tprog("/bin/prog");
    struct proc *c = tspawn(init, "/bin/prog");
    CHECK(tanon(c, PAGE, MAP_SHARED) > 0);
    CHECK(tanon(c, PAGE, MAP_PRIVATE) > 0);
    const char *argv[] = { "prog", NULL };
    CHECK_EQ(tsys(c, SYS_execve, (long)ustr(c, "/bin/prog"), (long)uargv(c, argv), 0L),
             KERN_EXEC);
    CHECK_EQ(kstats.mappings, 0);
    CHECK_EQ(kstats.memobjs, 0);
    CHECK(tanon(c, PAGE, MAP_SHARED) > 0);
    CHECK(tanon(c, PAGE, MAP_PRIVATE) > 0);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGKILL), 0);
    uptr st = ubuf(init, 4);
    CHECK_EQ(tsys(init, SYS_wait4, (long)c->pid, (long)st, 0L, 0L), c->pid);
    CHECK_EQ(kstats.mappings, 0);
    CHECK_EQ(kstats.memobjs, 0);
    trm("/bin/prog");
}

TEST(mmap_fork_fails_whole_with_mappings)
{
    long a = tanon(init, PAGE, MAP_SHARED);
    long b = tanon(init, PAGE, MAP_PRIVATE);
    CHECK(a > 0 && b > 0);
    struct k_kstat before = kstats;
    tfork_fail = 1;
    CHECK_EQ(tsys(init, SYS_fork), -ENOMEM);
    tfork_fail = 0;
    CHECK_EQ(kstats.mappings, before.mappings);
    CHECK_EQ(kstats.memobjs, before.memobjs);
    CHECK_EQ(kstats.procs, before.procs);
    CHECK_EQ(tsys(init, SYS_munmap, a, 2 * PAGE), 0);
}
