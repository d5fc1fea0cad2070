/*
 * test_fork.c - fork (kernel/fork.c): what the child shares with its
 * parent, what it gets a copy of and what it does not inherit; System V
 * attachments in both; fork when the table is full or the platform has no
 * memory, with nothing left behind; and the interval timer (itimer.c),
 * which a child does not inherit.
 */
#include "test.h"
#include "../../kernel/uapi/ipc.h"

#define HANDLER 0x4000L

static long tfork(struct proc *p)
{
    return tsys(p, SYS_fork);
}

static void treap(struct proc *parent, int pid, int status)
{
    uptr st = ubuf(parent, sizeof(int));
    CHECK_EQ(tsys(parent, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
    CHECK_EQ(*(int *)uhost(parent, st), status);
}

TEST(fork_copies_memory_and_returns_the_childs_pid)
{
    uptr u = ustr(init, "before");
    long pid = tfork(init);
    CHECK(pid > 1);
    struct proc *c = proc_find((int)pid);
    CHECK(c != NULL);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(c->parent, init);
    CHECK_STR(c->cmdline, init->cmdline);                    /* ps shows it as its parent */
    CHECK_STR(uhost(c, u), "before");                        /* a copy ... */
    strcpy(uhost(c, u), "child");
    CHECK_STR(uhost(init, u), "before");                     /* ... of its own */
    CHECK_EQ(tsys(c, SYS_getppid), 1);
    texit_reap(c, 3);
}

TEST(fork_shares_open_files_and_their_offsets)
{
    uptr path = ustr(init, "/tmp/f");
    long fd = tsys(init, SYS_open, (long)path, (long)(O_RDWR | O_CREAT | O_CLOEXEC), 0600L);
    CHECK(fd >= 0);
    uint32_t files = kstats.files;
    struct proc *c = proc_find((int)tfork(init));
    CHECK_EQ(kstats.files, files);                           /* the same open file */
    CHECK_EQ(c->ofile[fd], init->ofile[fd]);
    CHECK(c->cloexec & (1ull << fd));                        /* marks are copied */
    CHECK_EQ(tsys(c, SYS_write, fd, (long)ustr(c, "abc"), 3L), 3);
    CHECK_EQ(tsys(init, SYS_lseek, fd, 0L, (long)SEEK_CUR), 3);   /* one offset */
    CHECK_EQ(tsys(init, SYS_write, fd, (long)ustr(init, "de"), 2L), 2);
    CHECK_EQ(tsys(c, SYS_lseek, fd, 0L, (long)SEEK_CUR), 5);
    texit_reap(c, 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
    CHECK_EQ(tsys(init, SYS_unlink, (long)path), 0);
}

TEST(fork_copies_signals_ids_and_cwd_but_not_pending_signals_or_timers)
{
    struct proc *p = tspawn(init, "/bin/init");
    struct k_sigaction sa = { .sa_handler = HANDLER, .sa_flags = SA_RESTART };
    CHECK_EQ(tsys(p, SYS_sigaction, (long)SIGUSR1, (long)ubytes(p, &sa, sizeof sa), 0L), 0);
    k_sigset_t mask = SIGBIT(SIGUSR2);
    CHECK_EQ(tsys(p, SYS_sigprocmask, (long)SIG_BLOCK, (long)ubytes(p, &mask, 8), 0L), 0);
    CHECK_EQ(tsys(init, SYS_kill, (long)p->pid, (long)SIGUSR2), 0);   /* pending */
    CHECK_EQ(tsys(p, SYS_umask, 077L), 022);
    CHECK_EQ(tsys(p, SYS_chdir, (long)ustr(p, "/tmp")), 0);
    CHECK_EQ(tsys(p, SYS_setpgid, 0L, 0L), 0);
    struct k_itimerval it = { 0, 0, 10, 0 };
    CHECK_EQ(tsys(p, SYS_setitimer, (long)ITIMER_REAL, (long)ubytes(p, &it, sizeof it), 0L), 0);
    uint32_t timers = kstats.timers;

    struct proc *c = proc_find((int)tfork(p));
    CHECK_EQ(c->sig_action[SIGUSR1].sa_handler, HANDLER);
    CHECK_EQ(c->sig_action[SIGUSR1].sa_flags, SA_RESTART);
    CHECK_EQ(c->sig_mask, SIGBIT(SIGUSR2));
    CHECK_EQ(c->sig_pending, 0);
    CHECK_EQ(p->sig_pending, SIGBIT(SIGUSR2));
    CHECK_EQ(c->umask, 077);
    CHECK(c->cwd == p->cwd);
    CHECK_EQ(c->pgid, p->pid);
    CHECK_EQ(c->sid, p->sid);
    CHECK_EQ(c->uid, p->uid);
    CHECK_EQ(c->alarm, 0);
    CHECK_EQ(kstats.timers, timers);
    texit_reap(c, 0);
    CHECK_EQ(tsys(init, SYS_kill, (long)p->pid, (long)SIGKILL), 0);
    treap(init, p->pid, W_EXITCODE(0, SIGKILL));
}

TEST(fork_attaches_the_parents_segments_again)
{
    long id = tsys(init, SYS_shmget, (long)IPC_PRIVATE, 4096L, 0600L);
    CHECK(id >= 0);
    long addr = tsys(init, SYS_shmat, id, 0L, 0L);
    CHECK(addr > 0);
    strcpy(uhost(init, (uptr)addr), "shared");
    tshm_sync(init);
    struct proc *c = proc_find((int)tfork(init));
    struct k_shmid_ds ds;
    uptr u = ubuf(init, sizeof ds);
    CHECK_EQ(tsys(init, SYS_shmctl, id, (long)IPC_STAT, (long)u), 0);
    memcpy(&ds, uhost(init, u), sizeof ds);
    CHECK_EQ(ds.shm_nattch, 2);
    CHECK_STR(uhost(c, (uptr)addr), "shared");
    strcpy(uhost(c, (uptr)addr), "written");                 /* the child writes ... */
    tshm_sync(c);
    CHECK_STR(uhost(init, (uptr)addr), "written");           /* ... the parent sees it */
    CHECK_EQ(tsys(c, SYS_shmdt, addr), 0);                   /* the child's own attachment */
    CHECK_EQ(tsys(init, SYS_shmctl, id, (long)IPC_RMID, 0L), 0);
    CHECK_EQ(kstats.ipc[KSTAT_SHM], 1);                      /* the parent's keeps it */
    texit_reap(c, 0);
    CHECK_EQ(tsys(init, SYS_shmdt, addr), 0);
    CHECK_EQ(kstats.ipc[KSTAT_SHM], 0);
}

TEST(fork_of_a_child_that_exits_with_segments_detaches_them)
{
    long id = tsys(init, SYS_shmget, (long)IPC_PRIVATE, 8192L, 0600L);
    long addr = tsys(init, SYS_shmat, id, 0L, (long)SHM_RDONLY);
    CHECK(addr > 0);
    struct proc *c = proc_find((int)tfork(init));
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGKILL), 0);
    treap(init, c->pid, W_EXITCODE(0, SIGKILL));
    CHECK_EQ(tsys(init, SYS_shmctl, id, (long)IPC_RMID, 0L), 0);
    CHECK_EQ(tsys(init, SYS_shmdt, addr), 0);
}

TEST(fork_fails_whole)
{
    /* the platform is out of memory: nothing of the child remains */
    long id = tsys(init, SYS_shmget, (long)IPC_PRIVATE, 4096L, 0600L);
    long addr = tsys(init, SYS_shmat, id, 0L, 0L);
    struct k_kstat before = kstats;
    tfork_fail = 1;
    CHECK_EQ(tfork(init), -ENOMEM);
    tfork_fail = 0;
    CHECK_EQ(kstats.procs, before.procs);
    CHECK_EQ(kstats.allocs, before.allocs);
    CHECK_EQ(tsys(init, SYS_shmdt, addr), 0);
    CHECK_EQ(tsys(init, SYS_shmctl, id, (long)IPC_RMID, 0L), 0);

    /* a full table */
    int pids[NPROC];
    int n = 0;
    long r;
    while ((r = tfork(init)) > 0)
        pids[n++] = (int)r;
    CHECK_EQ(r, -EAGAIN);
    CHECK_EQ(n, NPROC - 1);
    for (int i = 0; i < n; i++)
        texit_reap(proc_find(pids[i]), 0);
}

TEST(itimer_sends_sigalrm_which_ends_a_process_without_a_handler)
{
    struct proc *c = tspawn(init, "/bin/init");
    struct k_itimerval it = { 0, 0, 0, 500000 };             /* half a second */
    CHECK_EQ(tsys(c, SYS_setitimer, (long)ITIMER_REAL, (long)ubytes(c, &it, sizeof it), 0L), 0);
    CHECK_EQ(ttimer(), now_ns() + 500000000ull);
    uptr u = ubuf(c, sizeof it);
    tclock_advance(200000000ull);
    CHECK_EQ(tsys(c, SYS_getitimer, (long)ITIMER_REAL, (long)u), 0);
    struct k_itimerval left;
    memcpy(&left, uhost(c, u), sizeof left);
    CHECK_EQ(left.value_sec, 0);
    CHECK_EQ(left.value_usec, 300000);
    CHECK_EQ(tsys(init, SYS_getpid), 1);                     /* c is off the CPU */
    tclock_advance(300000000ull);
    CHECK_EQ(c->state, P_ZOMBIE);
    treap(init, c->pid, W_EXITCODE(0, SIGALRM));
    CHECK_EQ(ttimer(), 0);
}

TEST(itimer_interrupts_a_blocked_read_with_a_handler_and_repeats)
{
    struct proc *c = tspawn(init, "/bin/init");
    uptr ufds = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_pipe2, (long)ufds, 0L), 0);
    int fds[2];
    memcpy(fds, uhost(c, ufds), sizeof fds);
    struct k_sigaction sa = { .sa_handler = HANDLER, .sa_flags = SA_RESTART };
    CHECK_EQ(tsys(c, SYS_sigaction, (long)SIGALRM, (long)ubytes(c, &sa, sizeof sa), 0L), 0);
    struct k_itimerval it = { 1, 0, 1, 0 };                  /* every second */
    uptr old = ubuf(c, sizeof it);
    CHECK_EQ(tsys(c, SYS_setitimer, (long)ITIMER_REAL, (long)ubytes(c, &it, sizeof it),
                  (long)old), 0);
    CHECK_EQ(((struct k_itimerval *)uhost(c, old))->value_sec, 0);   /* was disarmed */
    uptr buf = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), KERN_BLOCK);
    tclock_advance(1000000000ull);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), KERN_RESTART);   /* SA_RESTART */
    CHECK_EQ(thandled(c)[0], SIGALRM);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), KERN_BLOCK);
    tclock_advance(1000000000ull);                           /* again: it repeats */
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), KERN_RESTART);
    CHECK_EQ(thandled(c)[1], SIGALRM);
    sa.sa_flags = 0;
    CHECK_EQ(tsys(c, SYS_sigaction, (long)SIGALRM, (long)ubytes(c, &sa, sizeof sa), 0L), 0);
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), KERN_BLOCK);
    tclock_advance(3000000000ull);                           /* missed ticks: one signal */
    CHECK_EQ(tsys(c, SYS_read, (long)fds[0], (long)buf, 8L), -EINTR);
    CHECK_EQ(thandled(c)[2], SIGALRM);
    CHECK_EQ(thandled(c)[3], 0);
    struct k_itimerval off = { 0, 0, 0, 0 };
    CHECK_EQ(tsys(c, SYS_setitimer, (long)ITIMER_REAL, (long)ubytes(c, &off, sizeof off), 0L), 0);
    CHECK_EQ(kstats.timers, 0);
    texit_reap(c, 0);
}

TEST(itimer_bad_arguments_and_exit_disarms)
{
    struct proc *c = tspawn(init, "/bin/init");
    struct k_itimerval it = { 0, 0, 5, 0 };
    uptr u = ubytes(c, &it, sizeof it);
    CHECK_EQ(tsys(c, SYS_setitimer, 1L, (long)u, 0L), -EINVAL);          /* ITIMER_VIRTUAL */
    CHECK_EQ(tsys(c, SYS_getitimer, 2L, (long)u), -EINVAL);
    CHECK_EQ(tsys(c, SYS_setitimer, (long)ITIMER_REAL, 8L, 0L), -EFAULT);
    CHECK_EQ(tsys(c, SYS_setitimer, (long)ITIMER_REAL, (long)u, 8L), -EFAULT);
    CHECK_EQ(tsys(c, SYS_getitimer, (long)ITIMER_REAL, 8L), -EFAULT);
    struct k_itimerval bad[] = { { 0, 0, 0, 1000000 }, { 0, 0, -1, 0 }, { -1, 0, 1, 0 },
                                 { 0, -5, 1, 0 } };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK_EQ(tsys(c, SYS_setitimer, (long)ITIMER_REAL,
                      (long)ubytes(c, &bad[i], sizeof bad[i]), 0L), -EINVAL);
    CHECK_EQ(kstats.timers, 0);
    CHECK_EQ(tsys(c, SYS_setitimer, (long)ITIMER_REAL, (long)u, 0L), 0);
    CHECK_EQ(kstats.timers, 1);
    texit_reap(c, 0);                                        /* exit disarms it */
}
