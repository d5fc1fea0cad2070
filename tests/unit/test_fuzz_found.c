/*
 * test_fuzz_found.c - what the system-call fuzzer (tests/fuzz/) found,
 * one test per finding, each named after what was wrong. The input that
 * found it is in tests/fuzz/corpus too, where make test replays it.
 */
#include <limits.h>

#include "test.h"
#include "../../kernel/uapi/ipc.h"

/* kill(INT_MIN, sig) negated INT_MIN to find the group (undefined
 * behaviour); Linux answers ESRCH for it. */
TEST(kill_of_int_min_is_esrch)
{
    CHECK_EQ(tsys(init, SYS_kill, (long)INT_MIN, 0L), -ESRCH);
    CHECK_EQ(tsys(init, SYS_kill, (long)INT_MIN, (long)SIGTERM), -ESRCH);
}

/* Process 1 gets only the signals it has a handler for, as on Linux:
 * none may end or stop it, for that is a kernel panic. A kill by root, a
 * group kill from a child still in its group, or ^C at the console while
 * its group is in the foreground all did. (The terminal's work fixed it
 * too, at the same time, in signal.c; the transcript proc_init_signals
 * shows it on both targets.) */
TEST(process_1_ignores_signals_it_has_no_handler_for)
{
    CHECK_EQ(tsys(init, SYS_kill, 1L, (long)SIGTERM), 0);
    CHECK_EQ(tsys(init, SYS_kill, 1L, (long)SIGKILL), 0);
    CHECK_EQ(tsys(init, SYS_kill, 1L, (long)SIGSTOP), 0);
    struct proc *a = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(a, SYS_kill, 0L, (long)SIGINT), 0);       /* a is in init's group */
    CHECK_EQ(a->state, P_ZOMBIE);
    kernel_console_input("\003", 1);                       /* ^C: the foreground is init's */
    CHECK_EQ(tsys(init, SYS_getpid), 1);
    CHECK(init->state == P_RUNNING);
    CHECK_EQ(init->sig_pending, 0);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)a->pid, (long)st, 0L, 0L), a->pid);
    CHECK_EQ(*(int *)uhost(init, st), W_EXITCODE(0, SIGINT));
    /* with a handler, it gets them */
    struct k_sigaction sa = { .sa_handler = 0x4000 };
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGUSR1, (long)ubytes(init, &sa, sizeof sa), 0L), 0);
    CHECK_EQ(tsys(init, SYS_kill, 1L, (long)SIGUSR1), 0);
    CHECK_EQ(thandled(init)[0], SIGUSR1);
}

/* A signal pending for process 1 while it had a handler, found after an
 * exec reset the handler to SIG_DFL: the default action ended process 1. */
TEST(process_1_keeps_no_default_action_after_exec)
{
    struct k_sigaction sa = { .sa_handler = 0x4000 };
    k_sigset_t set = SIGBIT(SIGUSR1);
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGUSR1, (long)ubytes(init, &sa, sizeof sa), 0L), 0);
    CHECK_EQ(tsys(init, SYS_sigprocmask, (long)SIG_BLOCK, (long)ubytes(init, &set, sizeof set), 0L), 0);
    CHECK_EQ(tsys(init, SYS_kill, 1L, (long)SIGUSR1), 0);
    CHECK_EQ(init->sig_pending, SIGBIT(SIGUSR1));
    const char *argv[] = { "init", NULL };
    CHECK_EQ(tsys(init, SYS_execve, (long)ustr(init, "/bin/init"), (long)uargv(init, argv), 0L),
             KERN_EXEC);
    CHECK_EQ(tsys(init, SYS_sigprocmask, (long)SIG_UNBLOCK, (long)ubytes(init, &set, sizeof set), 0L), 0);
    CHECK(init->state == P_RUNNING);
    CHECK_EQ(init->sig_pending, 0);
}

/* wait4(INT_MIN, ...) negated INT_MIN to find the group, as kill did;
 * Linux answers ESRCH for it too. */
TEST(wait4_of_int_min_is_esrch)
{
    struct proc *a = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(init, SYS_wait4, (long)INT_MIN, 0L, (long)WNOHANG, 0L), -ESRCH);
    CHECK_EQ(tsys(init, SYS_wait4, (long)INT_MIN, 0L, 0L, 0L), -ESRCH);
    CHECK_EQ(tsys(init, SYS_wait4, (long)INT_MIN, 0L, 0x100L, 0L), -EINVAL);
    texit_reap(a, 0);
}

/* The host platform kept a process's shared-memory attachments across an
 * exec, which the kernel had forgotten (the new image never had them):
 * the next shmat at the same place was refused as an overlap. */
TEST(an_exec_forgets_the_attachments_on_the_platform_too)
{
    long id = tsys(init, SYS_shmget, 0L, 4096L, (long)(IPC_CREAT | 0600));
    CHECK(id >= 0);
    long addr = tsys(init, SYS_shmat, id, 0L, 0L);
    CHECK(addr > 0);
    const char *argv[] = { "init", NULL };
    CHECK_EQ(tsys(init, SYS_execve, (long)ustr(init, "/bin/init"), (long)uargv(init, argv), 0L),
             KERN_EXEC);
    CHECK_EQ(tsys(init, SYS_shmat, id, 0L, 0L), addr);
    CHECK_EQ(tsys(init, SYS_shmdt, addr), 0);
    CHECK_EQ(tsys(init, SYS_shmctl, id, (long)IPC_RMID, 0L), 0);
}

/* utimensat multiplied a time's seconds into nanoseconds without a bound
 * (a signed overflow, undefined behaviour, for anything past 2262): such
 * a time is kept at the far end of what an inode holds, either way. */
TEST(utimensat_far_times_are_kept_at_the_ends)
{
    long fd = tsys(init, SYS_open, (long)ustr(init, "/tmp/t"), (long)(O_CREAT | O_WRONLY), 0600L);
    CHECK(fd >= 0);
    CHECK_EQ(tsys(init, SYS_close, fd), 0);
    struct k_timespec ts[2] = { { LLONG_MAX, 0 }, { LLONG_MIN, 999999999 } };
    uptr t = ubytes(init, ts, sizeof ts);
    CHECK_EQ(tsys(init, SYS_utimensat, (long)AT_FDCWD, (long)ustr(init, "/tmp/t"), (long)t, 0L), 0);
    struct k_stat st;
    uptr u = ubuf(init, sizeof st);
    CHECK_EQ(tsys(init, SYS_stat, (long)ustr(init, "/tmp/t"), (long)u, 0L), 0);
    memcpy(&st, uhost(init, u), sizeof st);
    CHECK_EQ(st.st_atim.tv_sec, INT64_MAX / 1000000000);
    CHECK_EQ(st.st_mtim.tv_sec, INT64_MIN / 1000000000 - 1);
    /* a time just inside the bound is kept as it is */
    struct k_timespec near[2] = { { 9223372035LL, 5 }, { -9223372035LL, 0 } };
    t = ubytes(init, near, sizeof near);
    CHECK_EQ(tsys(init, SYS_utimensat, (long)AT_FDCWD, (long)ustr(init, "/tmp/t"), (long)t, 0L), 0);
    CHECK_EQ(tsys(init, SYS_stat, (long)ustr(init, "/tmp/t"), (long)u, 0L), 0);
    memcpy(&st, uhost(init, u), sizeof st);
    CHECK_EQ(st.st_atim.tv_sec, 9223372035LL);
    CHECK_EQ(st.st_atim.tv_nsec, 5);
    CHECK_EQ(st.st_mtim.tv_sec, -9223372035LL);
    trm("/tmp/t");
}
