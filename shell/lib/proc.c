/*
 * proc.c - system calls about processes: who am I, process groups and
 * sessions, users, fork, waiting for children, yielding, and _exit.
 *
 * Creating processes is fork's (here) or posix_spawn's (spawn.c), and
 * replacing the program is exec.c's.
 */
#include "libc.h"
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

pid_t getpid(void)
{
    return (pid_t)sys0(SYS_getpid);
}

pid_t getppid(void)
{
    return (pid_t)sys0(SYS_getppid);
}

pid_t getpgid(pid_t pid)
{
    return (pid_t)sys_ret(sys1(SYS_getpgid, pid));
}

pid_t getpgrp(void)
{
    return getpgid(0);
}

int setpgid(pid_t pid, pid_t pgid)
{
    return (int)sys_ret(sys2(SYS_setpgid, pid, pgid));
}

pid_t setsid(void)
{
    return (pid_t)sys_ret(sys0(SYS_setsid));
}

pid_t getsid(pid_t pid)
{
    return (pid_t)sys_ret(sys1(SYS_getsid, pid));
}

/* Duplex keeps one user and one group id per process: the effective ids
 * are the real ones. */
uid_t getuid(void)
{
    return (uid_t)sys0(SYS_getuid);
}

uid_t geteuid(void)
{
    return getuid();
}

gid_t getgid(void)
{
    return (gid_t)sys0(SYS_getgid);
}

gid_t getegid(void)
{
    return getgid();
}

int setuid(uid_t uid)
{
    return (int)sys_ret(sys1(SYS_setuid, (long)uid));
}

int setgid(gid_t gid)
{
    return (int)sys_ret(sys1(SYS_setgid, (long)gid));
}

/* A copy of this process (kernel/fork.c): the child's pid here, 0 in the
 * child. Nothing is flushed first: output buffered in stdio is in both, as
 * on every Unix. */
pid_t fork(void)
{
    return (pid_t)sys_ret(sys0(SYS_fork));
}

/* vfork is fork: the child gets a copy of the memory instead of borrowing
 * the parent's, which every correct use of vfork (exec or _exit at once)
 * cannot tell apart, except that the parent does not wait meanwhile. */
pid_t vfork(void)
{
    return fork();
}

/* The kernel has no use for the resource usage: it is left untouched. */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
    (void)ru;
    return (pid_t)sys_ret(sys4(SYS_wait4, pid, P(status), options, 0));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
    return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
    return wait4(-1, status, 0, NULL);
}

int sched_yield(void)
{
    return (int)sys_ret(sys0(SYS_sched_yield));
}

/* End the process at once: no atexit handlers, no stdio flush (exit() does
 * those first). The kernel never returns from SYS_exit; the loop is for
 * the compiler, which must see that _exit does not return. */
void _exit(int status)
{
    for (;;)
        sys1(SYS_exit, status & 0xff);
}
