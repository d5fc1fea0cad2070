/*
 * test_psem.c - unit tests of ipc/psem.c, POSIX named semaphores:
 * sem_open (names, O_CREAT, O_EXCL, values, permissions), sem_wait,
 * sem_trywait, sem_timedwait, sem_post, sem_getvalue, sem_close (close of
 * the descriptor) and sem_unlink; blocking and waking, signals, processes
 * killed while they wait, descriptors shared by dup and spawn, and running
 * out of memory or descriptors at every point.
 */
#include "test.h"
#include "../../kernel/uapi/semaphore.h"

#define HANDLER 0x4000L

/* ---- helpers -------------------------------------------------------------- */

static long topen(struct proc *p, const char *name, long oflag, long mode, long value)
{
    return tsys(p, SYS_sem_open, (long)ustr(p, name), oflag, mode, value);
}

static long tcreate(const char *name, long value)
{
    return topen(init, name, O_CREAT, 0600, value);
}

static long tvalue(struct proc *p, long fd)
{
    uptr u = ubuf(p, sizeof(int32_t));
    long r = tsys(p, SYS_sem_getvalue, fd, (long)u);
    return r < 0 ? r : *(int32_t *)uhost(p, u);
}

static long tunlink(struct proc *p, const char *name)
{
    return tsys(p, SYS_sem_unlink, (long)ustr(p, name));
}

static long tclose(struct proc *p, long fd) { return tsys(p, SYS_close, fd); }

/* An absolute CLOCK_REALTIME deadline `ns` from now, in p's memory. */
static uptr tdeadline(struct proc *p, int64_t ns)
{
    int64_t t = (int64_t)plat_clock_ns(CLOCK_REALTIME) + ns;
    struct k_timespec ts = { t / 1000000000, t % 1000000000 };
    return ubytes(p, &ts, sizeof ts);
}

static struct proc *tkid(void) { return tspawn(init, "/bin/init"); }

static struct proc *tuser_kid(void)
{
    struct proc *c = tkid();
    CHECK_EQ(tsys(c, SYS_setgid, 1000L), 0);
    CHECK_EQ(tsys(c, SYS_setuid, 1000L), 0);
    return c;
}

/* ---- opening, names, values --------------------------------------------------- */

TEST(psem_open_wait_post_close_unlink)
{
    long fd = tcreate("/s", 2);
    CHECK_EQ(fd, 3);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 1);
    CHECK_EQ(fd_get(init, (int)fd)->type, F_OBJ);
    CHECK_EQ(tvalue(init, fd), 2);
    CHECK_EQ(tsys(init, SYS_sem_wait, fd), 0);
    CHECK_EQ(tsys(init, SYS_sem_trywait, fd), 0);
    CHECK_EQ(tsys(init, SYS_sem_trywait, fd), -EAGAIN);
    CHECK_EQ(tsys(init, SYS_sem_post, fd), 0);
    CHECK_EQ(tvalue(init, fd), 1);
    CHECK_EQ(tclose(init, fd), 0);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 1);                 /* named: it stays */
    fd = topen(init, "/s", 0, 0, 0);
    CHECK_EQ(tvalue(init, fd), 1);                      /* and keeps its value */
    CHECK_EQ(tunlink(init, "/s"), 0);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 1);                 /* open: it stays */
    CHECK_EQ(tsys(init, SYS_sem_post, fd), 0);
    CHECK_EQ(tclose(init, fd), 0);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 0);
}

TEST(psem_names)
{
    long a = tcreate("/name", 0);
    CHECK_EQ(topen(init, "name", 0, 0, 0), a + 1);      /* leading slashes do not count */
    CHECK_EQ(topen(init, "//name", 0, 0, 0), a + 2);
    CHECK_EQ(tcreate("", 0), -EINVAL);
    CHECK_EQ(tcreate("/", 0), -EINVAL);
    CHECK_EQ(tcreate("///", 0), -EINVAL);
    CHECK_EQ(tcreate("/a/b", 0), -EINVAL);
    char longest[NAME_MAX + 2], too_long[NAME_MAX + 3];
    longest[0] = too_long[0] = '/';
    memset(longest + 1, 'x', NAME_MAX);
    longest[NAME_MAX + 1] = '\0';
    memset(too_long + 1, 'y', NAME_MAX + 1);
    too_long[NAME_MAX + 2] = '\0';
    long l = tcreate(longest, 0);
    CHECK(l >= 0);
    CHECK_EQ(tcreate(too_long + 1, 0), -ENAMETOOLONG);  /* 256 characters */
    CHECK_EQ(tcreate(too_long, 0), -ENAMETOOLONG);      /* longer than a copy takes */
    CHECK_EQ(tsys(init, SYS_sem_open, 0L, (long)O_CREAT, 0600L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_sem_unlink, 0x10L), -EFAULT);
    CHECK_EQ(tunlink(init, "/a/b"), -EINVAL);
    CHECK_EQ(tunlink(init, "/nothing"), -ENOENT);
    CHECK_EQ(tunlink(init, longest), 0);
    CHECK_EQ(tunlink(init, "name"), 0);
    CHECK_EQ(tunlink(init, "/name"), -ENOENT);
    for (long fd = a; fd <= a + 2; fd++)
        CHECK_EQ(tclose(init, fd), 0);
    CHECK_EQ(tclose(init, l), 0);
}

TEST(psem_create_flags_and_values)
{
    CHECK_EQ(topen(init, "/v", 0, 0, 0), -ENOENT);
    CHECK_EQ(topen(init, "/v", O_CREAT, 0600, (long)SEM_VALUE_MAX + 1), -EINVAL);
    CHECK_EQ(topen(init, "/v", O_CREAT, 0600, -1), -EINVAL);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 0);
    long fd = topen(init, "/v", O_CREAT | O_EXCL, 0600, SEM_VALUE_MAX);
    CHECK(fd >= 0);
    CHECK_EQ(topen(init, "/v", O_CREAT | O_EXCL, 0600, 0), -EEXIST);
    /* O_CREAT of an existing one opens it; its value is not changed */
    long fd2 = topen(init, "/v", O_CREAT, 0600, 5);
    CHECK_EQ(tvalue(init, fd2), SEM_VALUE_MAX);
    CHECK_EQ(tsys(init, SYS_sem_post, fd), -EOVERFLOW);
    CHECK_EQ(tvalue(init, fd), SEM_VALUE_MAX);
    CHECK_EQ(tunlink(init, "/v"), 0);
    CHECK_EQ(tclose(init, fd), 0);
    CHECK_EQ(tclose(init, fd2), 0);
}

TEST(psem_permissions)
{
    long fd = topen(init, "/p", O_CREAT, 0666, 0);      /* the umask (022) applies */
    struct proc *c = tuser_kid();
    CHECK_EQ(topen(c, "/p", 0, 0, 0), -EACCES);         /* read alone is not enough */
    CHECK_EQ(tunlink(c, "/p"), -EACCES);                /* only the owner or root */
    CHECK_EQ(tunlink(init, "/p"), 0);
    CHECK_EQ(tsys(init, SYS_umask, 0L), 022);
    long g = topen(init, "/g", O_CREAT, 0660, 0);
    CHECK_EQ(tsys(init, SYS_umask, 022L), 0);
    CHECK_EQ(topen(c, "/g", 0, 0, 0), -EACCES);         /* not in group 0 */
    CHECK_EQ(tunlink(init, "/g"), 0);
    CHECK_EQ(tsys(init, SYS_umask, 0L), 022);
    long o = topen(init, "/o", O_CREAT, 0606, 0);
    long cfd = topen(c, "/o", 0, 0, 0);                 /* others: rw */
    CHECK(cfd >= 0);
    CHECK_EQ(tsys(c, SYS_sem_post, cfd), 0);
    CHECK_EQ(tvalue(init, o), 1);
    /* a semaphore of its own: the owner may unlink it */
    long own = topen(c, "/mine", O_CREAT, 0600, 0);
    CHECK(own >= 0);
    CHECK_EQ(tunlink(c, "/mine"), 0);
    texit_reap(c, 0);
    CHECK_EQ(tunlink(init, "/o"), 0);
    CHECK_EQ(tclose(init, fd), 0);
    CHECK_EQ(tclose(init, g), 0);
    CHECK_EQ(tclose(init, o), 0);
}

TEST(psem_root_group_member_opens)
{
    tsys(init, SYS_umask, 0L);
    long fd = topen(init, "/grp", O_CREAT, 0660, 0);
    struct proc *c = tkid();
    CHECK_EQ(tsys(c, SYS_setuid, 1000L), 0);            /* gid stays 0 */
    long cfd = topen(c, "/grp", 0, 0, 0);
    CHECK(cfd >= 0);
    texit_reap(c, 0);
    CHECK_EQ(tunlink(init, "/grp"), 0);
    CHECK_EQ(tclose(init, fd), 0);
}

/* ---- descriptors ------------------------------------------------------------------ */

TEST(psem_bad_descriptors)
{
    long fd = tcreate("/d", 1);
    int pfds[2];
    uptr u = ubuf(init, sizeof pfds);
    CHECK_EQ(tsys(init, SYS_pipe2, (long)u, 0L), 0);
    memcpy(pfds, uhost(init, u), sizeof pfds);
    long nrs[] = { SYS_sem_wait, SYS_sem_trywait, SYS_sem_post };
    for (size_t i = 0; i < ARRAY_SIZE(nrs); i++) {
        CHECK_EQ(tsys(init, nrs[i], -1L), -EINVAL);
        CHECK_EQ(tsys(init, nrs[i], 64L), -EINVAL);
        CHECK_EQ(tsys(init, nrs[i], 40L), -EINVAL);     /* not open */
        CHECK_EQ(tsys(init, nrs[i], (long)pfds[0]), -EINVAL);   /* not a semaphore */
        CHECK_EQ(tsys(init, nrs[i], 0L), -EINVAL);      /* the console */
    }
    CHECK_EQ(tsys(init, SYS_sem_timedwait, 40L, (long)tdeadline(init, 1)), -EINVAL);
    CHECK_EQ(tsys(init, SYS_sem_getvalue, 40L, (long)ubuf(init, 4)), -EINVAL);
    CHECK_EQ(tsys(init, SYS_sem_getvalue, fd, 0L), -EFAULT);
    /* a semaphore is not for reading or writing */
    CHECK_EQ(tsys(init, SYS_read, fd, (long)ubuf(init, 4), 4L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_write, fd, (long)ubuf(init, 4), 4L), -EINVAL);
    CHECK_EQ(tclose(init, pfds[0]), 0);
    CHECK_EQ(tclose(init, pfds[1]), 0);
    CHECK_EQ(tunlink(init, "/d"), 0);
    CHECK_EQ(tclose(init, fd), 0);
}

TEST(psem_dup_and_spawn_share_the_semaphore)
{
    long fd = tcreate("/share", 0);
    CHECK_EQ(tunlink(init, "/share"), 0);               /* nameless from now on */
    long fd2 = tsys(init, SYS_dup, fd);
    CHECK_EQ(tclose(init, fd), 0);
    struct proc *c = tkid();                            /* inherits fd2 */
    CHECK_EQ(tsys(c, SYS_sem_post, fd2), 0);
    CHECK_EQ(tvalue(init, fd2), 1);
    CHECK_EQ(tclose(init, fd2), 0);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 1);                 /* the child still has it */
    CHECK_EQ(tsys(c, SYS_sem_wait, fd2), 0);
    texit_reap(c, 0);                                   /* its exit closes the last */
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 0);
}

TEST(psem_unlink_then_a_new_one_by_the_same_name)
{
    long old = tcreate("/n", 3);
    CHECK_EQ(tunlink(init, "/n"), 0);
    CHECK_EQ(topen(init, "/n", 0, 0, 0), -ENOENT);
    long fresh = tcreate("/n", 7);
    CHECK_EQ(tvalue(init, old), 3);
    CHECK_EQ(tvalue(init, fresh), 7);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 2);
    CHECK_EQ(tclose(init, old), 0);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 1);
    CHECK_EQ(tunlink(init, "/n"), 0);
    CHECK_EQ(tclose(init, fresh), 0);
}

/* ---- blocking --------------------------------------------------------------------- */

TEST(psem_wait_blocks_until_a_post)
{
    long fd = tcreate("/b", 0);
    struct proc *a = tkid(), *b = tkid();
    CHECK_EQ(tsys(a, SYS_sem_wait, fd), KERN_BLOCK);
    CHECK_STR(a->wait_what, "sem /b");
    CHECK_EQ(tsys(b, SYS_sem_wait, fd), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 2);
    CHECK_EQ(tsys(init, SYS_sem_post, fd), 0);
    CHECK_EQ(a->state, P_RUNNABLE);                     /* both look again ... */
    CHECK_EQ(b->state, P_RUNNABLE);
    CHECK_EQ(tsys(a, SYS_sem_wait, fd), 0);             /* ... the first takes it */
    CHECK_EQ(tsys(b, SYS_sem_wait, fd), KERN_BLOCK);    /* the other waits again */
    CHECK_EQ(tsys(init, SYS_sem_post, fd), 0);
    CHECK_EQ(tsys(b, SYS_sem_wait, fd), 0);
    CHECK_EQ(tvalue(init, fd), 0);
    texit_reap(a, 0);
    texit_reap(b, 0);
    CHECK_EQ(tunlink(init, "/b"), 0);
    CHECK_EQ(tclose(init, fd), 0);
}

TEST(psem_killed_while_waiting_leaves_nothing)
{
    long fd = tcreate("/k", 0);
    struct proc *c = tkid();
    CHECK_EQ(tsys(c, SYS_sem_timedwait, fd, (long)tdeadline(c, 5000000000LL)), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 1);
    CHECK_EQ(kstats.timers, 1);
    uint32_t files = kstats.files;
    int pid = c->pid;
    CHECK_EQ(tsys(init, SYS_kill, (long)pid, (long)SIGKILL), 0);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(kstats.timers, 0);
    CHECK_EQ(kstats.files, files);                      /* the file is shared with init */
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
    CHECK_EQ(tsys(init, SYS_sem_post, fd), 0);
    CHECK_EQ(tvalue(init, fd), 1);                      /* nobody took it */
    CHECK_EQ(tunlink(init, "/k"), 0);
    CHECK_EQ(tclose(init, fd), 0);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 0);
}

TEST(psem_wait_interrupted_by_a_handler)
{
    long fd = tcreate("/i", 0);
    struct proc *c = tkid();
    struct k_sigaction sa = { .sa_handler = HANDLER };
    CHECK_EQ(tsys(c, SYS_sigaction, (long)SIGUSR1, (long)ubytes(c, &sa, sizeof sa), 0L), 0);
    CHECK_EQ(tsys(c, SYS_sem_wait, fd), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(tsys(c, SYS_sem_wait, fd), -EINTR);
    /* with SA_RESTART the platform runs the handler and issues it again */
    sa.sa_flags = SA_RESTART;
    CHECK_EQ(tsys(c, SYS_sigaction, (long)SIGUSR1, (long)ubytes(c, &sa, sizeof sa), 0L), 0);
    CHECK_EQ(tsys(c, SYS_sem_wait, fd), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(tsys(c, SYS_sem_wait, fd), KERN_RESTART);
    CHECK_EQ(tsys(c, SYS_sem_wait, fd), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_sem_post, fd), 0);
    CHECK_EQ(tsys(c, SYS_sem_wait, fd), 0);
    texit_reap(c, 0);
    CHECK_EQ(tunlink(init, "/i"), 0);
    CHECK_EQ(tclose(init, fd), 0);
}

/* ---- sem_timedwait -------------------------------------------------------------- */

TEST(psem_timedwait_times_out)
{
    long fd = tcreate("/t", 0);
    uptr dl = tdeadline(init, 1500000000LL);
    uint64_t start = now_ns();
    CHECK_EQ(tsys(init, SYS_sem_timedwait, fd, (long)dl), KERN_BLOCK);
    CHECK_EQ(ttimer(), start + 1500000000ull);
    tclock_advance(1000000000ull);
    CHECK_EQ(init->state, P_BLOCKED);
    wakeup_proc(init);                                  /* early, for nothing */
    CHECK_EQ(tsys(init, SYS_sem_timedwait, fd, (long)dl), KERN_BLOCK);
    CHECK_EQ(ttimer(), start + 1500000000ull);          /* the same deadline */
    tclock_advance(500000000ull);
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_EQ(tsys(init, SYS_sem_timedwait, fd, (long)dl), -ETIMEDOUT);
    CHECK_EQ(kstats.timers, 0);
    CHECK_EQ(tunlink(init, "/t"), 0);
    CHECK_EQ(tclose(init, fd), 0);
}

TEST(psem_timedwait_in_time_and_bad_deadlines)
{
    long fd = tcreate("/u", 0);
    struct proc *c = tkid();
    CHECK_EQ(tsys(c, SYS_sem_timedwait, fd, (long)tdeadline(c, 1000000000LL * 3600)),
             KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_sem_post, fd), 0);
    CHECK_EQ(kstats.timers, 0);
    CHECK_EQ(tsys(c, SYS_sem_timedwait, fd, 0L), 0);    /* a token: no deadline read */
    CHECK_EQ(tsys(c, SYS_sem_timedwait, fd, 0L), -EFAULT);
    struct k_timespec bad = { 0, 1000000000 }, neg = { 0, -1 }, past = { -5, 0 };
    CHECK_EQ(tsys(c, SYS_sem_timedwait, fd, (long)ubytes(c, &bad, sizeof bad)), -EINVAL);
    CHECK_EQ(tsys(c, SYS_sem_timedwait, fd, (long)ubytes(c, &neg, sizeof neg)), -EINVAL);
    CHECK_EQ(tsys(c, SYS_sem_timedwait, fd, (long)ubytes(c, &past, sizeof past)), -ETIMEDOUT);
    CHECK_EQ(tsys(c, SYS_sem_timedwait, fd, (long)tdeadline(c, 0)), -ETIMEDOUT);
    CHECK_EQ(tsys(c, SYS_sem_timedwait, fd, (long)tdeadline(c, -2000000000LL)), -ETIMEDOUT);
    /* a deadline far in the future waits (a century at most) */
    struct k_timespec far = { INT64_MAX / 2, 0 };
    CHECK_EQ(tsys(c, SYS_sem_timedwait, fd, (long)ubytes(c, &far, sizeof far)), KERN_BLOCK);
    CHECK_EQ(ttimer(), now_ns() + 100ull * 365 * 86400 * 1000000000ull);
    int pid = c->pid;
    CHECK_EQ(tsys(init, SYS_kill, (long)pid, (long)SIGKILL), 0);
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, 0L, 0L, 0L), pid);
    CHECK_EQ(tunlink(init, "/u"), 0);
    CHECK_EQ(tclose(init, fd), 0);
}

/* ---- running out -------------------------------------------------------------------- */

TEST(psem_no_descriptor_left)
{
    long keep = tcreate("/full", 0);
    long n = 0;
    while (tsys(init, SYS_dup, keep) >= 0)
        n++;
    CHECK_EQ(topen(init, "/new", O_CREAT, 0600, 0), -EMFILE);
    CHECK_EQ(topen(init, "/new", 0, 0, 0), -ENOENT);    /* it was not left behind */
    CHECK_EQ(topen(init, "/full", 0, 0, 0), -EMFILE);
    CHECK_EQ(kstats.ipc[KSTAT_SEM], 1);
    for (long fd = keep + 1; fd <= keep + n; fd++)
        CHECK_EQ(tclose(init, fd), 0);
    CHECK_EQ(tunlink(init, "/full"), 0);
    CHECK_EQ(tclose(init, keep), 0);
}

/* Fill the kernel heap, then give it back a small block at a time, trying
 * sem_open after each: it fails at each of its allocations in turn (the
 * semaphore, its name, the file), and each failure leaves nothing behind. */
TEST(psem_out_of_memory_at_every_step)
{
    static void *blocks[8192];
    int n = 0;
    for (size_t sz = 1u << 20; sz >= 1024; sz >>= 1)      /* big blocks first, */
        while (n < 8192 && (blocks[n] = kalloc(sz)) != NULL)
            n++;
    while (n < 8192 && (blocks[n] = kalloc(16)) != NULL)    /* then small ones */
        n++;
    CHECK(n < 8192);
    uint32_t files = kstats.files;
    bool saw_enomem = false, saw_enfile = false;
    long r;
    while ((r = topen(init, "/mem", O_CREAT, 0600, 1)) < 0) {
        CHECK(r == -ENOMEM || r == -ENFILE);
        saw_enomem |= r == -ENOMEM;
        saw_enfile |= r == -ENFILE;
        CHECK_EQ(kstats.ipc[KSTAT_SEM], 0);
        CHECK_EQ(kstats.files, files);
        CHECK(n > 0);
        kfree(blocks[--n]);
    }
    CHECK(saw_enomem);
    CHECK(saw_enfile);
    while (n > 0)
        kfree(blocks[--n]);
    CHECK_EQ(tunlink(init, "/mem"), 0);
    CHECK_EQ(tclose(init, r), 0);
}
