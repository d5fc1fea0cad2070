/*
 * test_futex.c - futex (ipc/futex.c): wait while a word holds a value,
 * wake the sleepers of a word; keys that two processes share through a
 * shared mapping or a System V segment, private keys that they do not;
 * timeouts, signals, a sleeper killed, and bad arguments.
 */
#include "test.h"
#include "../../kernel/uapi/ipc.h"

#define PAGE 4096L
#define HANDLER 0x4000L

static long twait(struct proc *p, uptr addr, uint32_t val, uptr timeout)
{
    return tsys(p, SYS_futex, (long)addr, (long)FUTEX_WAIT, (long)val, (long)timeout);
}

static long twake(struct proc *p, uptr addr, long n)
{
    return tsys(p, SYS_futex, (long)addr, (long)FUTEX_WAKE, n, 0L);
}

static uint32_t *word(struct proc *p, uptr a) { return uhost(p, a); }

static long shared_page(struct proc *p)
{
    return tsys(p, SYS_mmap, 0L, PAGE, (long)(PROT_READ | PROT_WRITE),
                (long)(MAP_SHARED | MAP_ANONYMOUS), -1L, 0L);
}

static struct proc *tforked(struct proc *p)
{
    long pid = tsys(p, SYS_fork);
    CHECK(pid > 0);
    return proc_find((int)pid);
}

TEST(futex_waits_only_while_the_word_holds_the_value)
{
    uptr w = ubuf(init, 4);
    *word(init, w) = 5;
    CHECK_EQ(twait(init, w, 4, 0), -EAGAIN);
    struct proc *c = tforked(init);
    CHECK_EQ(twait(c, w, 5, 0), KERN_BLOCK);
    CHECK_STR(c->wait_what, "futex");
    CHECK_EQ(twake(init, w, 1), 0);          /* private memory: init's word is another */
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGKILL), 0);
    uptr st = ubuf(init, 4);
    CHECK_EQ(tsys(init, SYS_wait4, (long)c->pid, (long)st, 0L, 0L), c->pid);
}

TEST(futex_shared_mapping_wakes_across_processes)
{
    long a = shared_page(init);
    CHECK(a > 0);
    struct proc *c = tforked(init);
    struct proc *d = tforked(init);
    CHECK_EQ(twait(c, (uptr)a, 0, 0), KERN_BLOCK);
    CHECK_EQ(twait(d, (uptr)a + 4, 0, 0), KERN_BLOCK);       /* another word */
    CHECK_EQ(kstats.waiters, 2);
    CHECK_EQ(twake(init, (uptr)a, 10), 1);                   /* only c's word */
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(d->state, P_BLOCKED);
    *word(init, (uptr)a) = 0;                                /* the old value again ... */
    CHECK_EQ(twait(c, (uptr)a, 0, 0), 0);                    /* ... woken is woken */
    CHECK_EQ(twait(c, (uptr)a, 0, 0), KERN_BLOCK);           /* a new wait waits */
    CHECK_EQ(twake(init, (uptr)a + 4, 1), 1);
    CHECK_EQ(twait(d, (uptr)a + 4, 0, 0), 0);
    CHECK_EQ(twake(d, (uptr)a, 0), 0);                        /* wake none */
    CHECK_EQ(c->state, P_BLOCKED);
    CHECK_EQ(twake(d, (uptr)a, 1), 1);
    CHECK_EQ(twait(c, (uptr)a, 0, 0), 0);
    /* a private wait on the same word is another key */
    CHECK_EQ(tsys(c, SYS_futex, a, (long)(FUTEX_WAIT | FUTEX_PRIVATE_FLAG), 0L, 0L),
             KERN_BLOCK);
    CHECK_EQ(twake(init, (uptr)a, 1), 0);
    CHECK_EQ(tsys(d, SYS_futex, a, (long)(FUTEX_WAKE | FUTEX_PRIVATE_FLAG), 1L, 0L), 0);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGKILL), 0);
    uptr st = ubuf(init, 4);
    CHECK_EQ(tsys(init, SYS_wait4, (long)c->pid, (long)st, 0L, 0L), c->pid);
    texit_reap(d, 0);
    CHECK_EQ(tsys(init, SYS_munmap, a, PAGE), 0);
}

TEST(futex_wakes_n_longest_sleepers_first)
{
    long a = shared_page(init);
    struct proc *c[3];
    for (int i = 0; i < 3; i++) {
        c[i] = tforked(init);
        CHECK_EQ(twait(c[i], (uptr)a, 0, 0), KERN_BLOCK);
    }
    CHECK_EQ(twake(init, (uptr)a, 2), 2);
    CHECK_EQ(c[0]->state, P_RUNNABLE);
    CHECK_EQ(c[1]->state, P_RUNNABLE);
    CHECK_EQ(c[2]->state, P_BLOCKED);
    CHECK_EQ(twake(init, (uptr)a, 0x7fffffff), 1);
    for (int i = 0; i < 3; i++) {
        CHECK_EQ(twait(c[i], (uptr)a, 0, 0), 0);
        texit_reap(c[i], 0);
    }
    CHECK_EQ(tsys(init, SYS_munmap, a, PAGE), 0);
}

TEST(futex_in_a_system_v_segment_at_two_addresses)
{
    long id = tsys(init, SYS_shmget, (long)IPC_PRIVATE, PAGE, 0600L);
    struct proc *c = tspawn(init, "/bin/init");
    long a = tsys(init, SYS_shmat, id, 0L, 0L);
    long pad = tsys(c, SYS_mmap, 0L, PAGE, (long)PROT_READ, (long)(MAP_PRIVATE | MAP_ANONYMOUS),
                    -1L, 0L);
    long b = tsys(c, SYS_shmat, id, 0L, 0L);
    CHECK(a > 0 && pad > 0 && b > 0 && a != b);
    CHECK_EQ(twait(c, (uptr)b + 8, 0, 0), KERN_BLOCK);
    CHECK_EQ(twake(init, (uptr)a + 8, 1), 1);
    CHECK_EQ(twait(c, (uptr)b + 8, 0, 0), 0);
    CHECK_EQ(tsys(init, SYS_shmctl, id, (long)IPC_RMID, 0L), 0);
    texit_reap(c, 0);
    CHECK_EQ(tsys(init, SYS_shmdt, a), 0);
}

TEST(futex_timeout)
{
    uptr w = ubuf(init, 4);
    struct proc *c = tforked(init);
    struct k_timespec ts = { 1, 500000000 };
    uptr t = ubytes(c, &ts, sizeof ts);
    CHECK_EQ(twait(c, w, 0, t), KERN_BLOCK);
    tclock_advance(1000000000ull);
    CHECK_EQ(c->state, P_BLOCKED);
    tclock_advance(500000000ull);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(twait(c, w, 0, t), -ETIMEDOUT);
    ts.tv_nsec = 1000000000;
    CHECK_EQ(twait(c, w, 0, ubytes(c, &ts, sizeof ts)), -EINVAL);
    CHECK_EQ(twait(c, w, 0, 8), -EFAULT);
    CHECK_EQ(kstats.timers, 0);
    texit_reap(c, 0);
}

TEST(futex_interrupted_by_a_handler_even_with_sa_restart)
{
    uptr w = ubuf(init, 4);
    struct proc *c = tforked(init);
    struct k_sigaction sa = { .sa_handler = HANDLER, .sa_flags = SA_RESTART };
    CHECK_EQ(tsys(c, SYS_sigaction, (long)SIGUSR1, (long)ubytes(c, &sa, sizeof sa), 0L), 0);
    CHECK_EQ(twait(c, w, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(twait(c, w, 0, 0), -EINTR);
    CHECK_EQ(thandled(c)[0], SIGUSR1);
    texit_reap(c, 0);
}

TEST(futex_sleeper_killed_leaves_nothing)
{
    long a = shared_page(init);
    struct proc *c = tforked(init);
    struct k_timespec ts = { 10, 0 };
    CHECK_EQ(twait(c, (uptr)a, 0, ubytes(c, &ts, sizeof ts)), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 1);
    CHECK_EQ(kstats.timers, 1);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGKILL), 0);
    uptr st = ubuf(init, 4);
    CHECK_EQ(tsys(init, SYS_wait4, (long)c->pid, (long)st, 0L, 0L), c->pid);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(kstats.timers, 0);
    CHECK_EQ(twake(init, (uptr)a, 1), 0);
    CHECK_EQ(tsys(init, SYS_munmap, a, PAGE), 0);
}

TEST(futex_bad_arguments)
{
    uptr w = ubuf(init, 8);
    CHECK_EQ(twait(init, w + 1, 0, 0), -EINVAL);            /* unaligned */
    CHECK_EQ(twake(init, w + 2, 1), -EINVAL);
    CHECK_EQ(twait(init, 8, 0, 0), -EFAULT);                 /* not mapped */
    CHECK_EQ(twait(init, (uptr)(UBASE + USIZE), 0, 0), -EFAULT);
    CHECK_EQ(twait(init, (uptr)-4L, 0, 0), -EFAULT);
    CHECK_EQ(twake(init, 8, 1), 0);                          /* nobody sleeps there */
    CHECK_EQ(tsys(init, SYS_futex, (long)w, 9L, 0L, 0L), -ENOSYS);
    CHECK_EQ(twake(init, w, -1), 0);
}
