/*
 * syscall.c - the system-call table, and what happens around every call.
 *
 * kernel_syscall is the only way into the kernel from a process. Around the
 * call itself it keeps the restart protocol of the blocking model:
 *
 *  - a call that returned KERN_BLOCK is re-issued by the platform when the
 *    process runs again; `p->restarted` tells the handler so (nanosleep uses
 *    it to keep its original deadline);
 *  - if a signal with a handler woke the process instead, the re-issued call
 *    does not run at all: its leftover state is dropped and it returns -EINTR,
 *    or KERN_RESTART when every due handler has SA_RESTART and the call may
 *    be restarted (the platform runs the handlers, then issues it afresh).
 */
#include "kernel.h"

#define R  true     /* restartable after a handler with SA_RESTART */

static const struct {
    sysfn_t    *fn;
    bool        restart;
} systab[NSYSCALL] = {
    [SYS_exit]          = { sys_exit,          R },
    [SYS_spawn]         = { sys_spawn,         R },
    [SYS_execve]        = { sys_execve,        R },
    [SYS_wait4]         = { sys_wait4,         R },
    [SYS_getpid]        = { sys_getpid,        R },
    [SYS_getppid]       = { sys_getppid,       R },
    [SYS_setpgid]       = { sys_setpgid,       R },
    [SYS_getpgid]       = { sys_getpgid,       R },
    [SYS_setsid]        = { sys_setsid,        R },
    [SYS_getsid]        = { sys_getsid,        R },
    [SYS_kill]          = { sys_kill,          R },
    [SYS_nanosleep]     = { sys_nanosleep,     false },
    [SYS_sched_yield]   = { sys_sched_yield,   R },
    [SYS_getuid]        = { sys_getuid,        R },
    [SYS_getgid]        = { sys_getgid,        R },
    [SYS_setuid]        = { sys_setuid,        R },
    [SYS_setgid]        = { sys_setgid,        R },
    [SYS_brk]           = { sys_brk,           R },
    [SYS_clock_gettime] = { sys_clock_gettime, R },
    [SYS_fork]          = { sys_fork,          R },
    [SYS_setitimer]     = { sys_setitimer,     R },
    [SYS_getitimer]     = { sys_getitimer,     R },
    [SYS_sigaction]     = { sys_sigaction,     R },
    [SYS_sigprocmask]   = { sys_sigprocmask,   R },
    [SYS_sigpending]    = { sys_sigpending,    R },
    [SYS_sigsuspend]    = { sys_sigsuspend,    false },
    [SYS_sigreturn]     = { sys_sigreturn,     R },
    [SYS_open]          = { sys_open,          R },
    [SYS_close]         = { sys_close,         R },
    [SYS_read]          = { sys_read,          R },
    [SYS_write]         = { sys_write,         R },
    [SYS_lseek]         = { sys_lseek,         R },
    [SYS_dup]           = { sys_dup,           R },
    [SYS_dup2]          = { sys_dup2,          R },
    [SYS_fcntl]         = { sys_fcntl,         R },
    [SYS_stat]          = { sys_stat,          R },
    [SYS_fstat]         = { sys_fstat,         R },
    [SYS_mkdir]         = { sys_mkdir,         R },
    [SYS_rmdir]         = { sys_rmdir,         R },
    [SYS_unlink]        = { sys_unlink,        R },
    [SYS_rename]        = { sys_rename,        R },
    [SYS_getdents]      = { sys_getdents,      R },
    [SYS_chdir]         = { sys_chdir,         R },
    [SYS_getcwd]        = { sys_getcwd,        R },
    [SYS_ftruncate]     = { sys_ftruncate,     R },
    [SYS_pipe2]         = { sys_pipe2,         R },
    [SYS_mknod]         = { sys_mknod,         R },
    [SYS_ioctl]         = { sys_ioctl,         R },
    [SYS_access]        = { sys_access,        R },
    [SYS_chmod]         = { sys_chmod,         R },
    [SYS_umask]         = { sys_umask,         R },
    [SYS_ppoll]         = { sys_ppoll,         false },  /* EINTR, as on Linux */
    [SYS_mmap]          = { sys_mmap,          R },
    [SYS_munmap]        = { sys_munmap,        R },
    [SYS_mprotect]      = { sys_mprotect,      R },
    [SYS_msync]         = { sys_msync,         R },
    [SYS_futex]         = { sys_futex,         false },  /* EINTR: the caller loops */
    [SYS_splice]        = { sys_splice,        R },
    [SYS_sync]          = { sys_sync,          R },
    [SYS_download]      = { sys_download,      R },
    [SYS_getrlimit]     = { sys_getrlimit,     R },
    [SYS_setrlimit]     = { sys_setrlimit,     R },
    [SYS_prlimit64]     = { sys_prlimit64,     R },
    [SYS_procinfo]      = { sys_procinfo,      R },
    [SYS_kstat]         = { sys_kstat,         R },
    [SYS_uname]         = { sys_uname,         R },
    [SYS_poweroff]      = { sys_poweroff,      R },
    /* System V IPC */
    [SYS_msgget]        = { sys_msgget,        R },
    [SYS_msgsnd]        = { sys_msgsnd,        false },  /* never restarted: EINTR, */
    [SYS_msgrcv]        = { sys_msgrcv,        false },  /* whatever SA_RESTART says */
    [SYS_msgctl]        = { sys_msgctl,        R },
    [SYS_shmget]        = { sys_shmget,        R },
    [SYS_shmat]         = { sys_shmat,         R },
    [SYS_shmdt]         = { sys_shmdt,         R },
    [SYS_shmctl]        = { sys_shmctl,        R },
    [SYS_semget]        = { sys_semget,        R },
    [SYS_semop]         = { sys_semop,         false },  /* EINTR, as on Linux */
    [SYS_semctl]        = { sys_semctl,        R },
    /* POSIX semaphores */
    [SYS_sem_open]      = { sys_sem_open,      R },
    [SYS_sem_wait]      = { sys_sem_wait,      R },
    [SYS_sem_trywait]   = { sys_sem_trywait,   R },
    [SYS_sem_timedwait] = { sys_sem_timedwait, R },
    [SYS_sem_post]      = { sys_sem_post,      R },
    [SYS_sem_getvalue]  = { sys_sem_getvalue,  R },
    [SYS_sem_unlink]    = { sys_sem_unlink,    R },
    /* channels */
    [SYS_chan_create]   = { sys_chan_create,   R },
    [SYS_chan_send]     = { sys_chan_send,     R },
    [SYS_chan_recv]     = { sys_chan_recv,     R },
    [SYS_chan_info]     = { sys_chan_info,     R },
    [SYS_chan_list]     = { sys_chan_list,     R },
    /* links and file attributes */
    [SYS_symlink]       = { sys_symlink,       R },
    [SYS_readlink]      = { sys_readlink,      R },
    [SYS_link]          = { sys_link,          R },
    [SYS_utimensat]     = { sys_utimensat,     R },
    [SYS_fchownat]      = { sys_fchownat,      R },
    /* ports */
    [SYS_port_create]   = { sys_port_create,   R },
    [SYS_port_send]     = { sys_port_send,     R },
    [SYS_port_recv]     = { sys_port_recv,     R },
    [SYS_port_call]     = { sys_port_call,     false },  /* it has sent: never again */
    [SYS_port_reply]    = { sys_port_reply,    R },
    [SYS_port_derive]   = { sys_port_derive,   R },
    [SYS_port_bind]     = { sys_port_bind,     R },
    [SYS_port_unbind]   = { sys_port_unbind,   R },
    [SYS_port_lookup]   = { sys_port_lookup,   R },
    [SYS_port_set_filter] = { sys_port_set_filter, R },
    [SYS_port_info]     = { sys_port_info,     R },
    [SYS_port_list]     = { sys_port_list,     R },
    [SYS_port_reply_recv] = { sys_port_reply_recv, false },  /* it has answered */
    /* Unix-domain sockets: the calls that wait restart with SA_RESTART, as on Linux */
    [SYS_socket]        = { sys_socket,        R },
    [SYS_socketpair]    = { sys_socketpair,    R },
    [SYS_bind]          = { sys_bind,          R },
    [SYS_listen]        = { sys_listen,        R },
    [SYS_accept4]       = { sys_accept4,       R },
    [SYS_connect]       = { sys_connect,       R },
    [SYS_sendto]        = { sys_sendto,        R },
    [SYS_recvfrom]      = { sys_recvfrom,      R },
    [SYS_sendmsg]       = { sys_sendmsg,       R },
    [SYS_recvmsg]       = { sys_recvmsg,       R },
    [SYS_shutdown]      = { sys_shutdown,      R },
    [SYS_getsockname]   = { sys_getsockname,   R },
    [SYS_getpeername]   = { sys_getpeername,   R },
    [SYS_getsockopt]    = { sys_getsockopt,    R },
    [SYS_setsockopt]    = { sys_setsockopt,    R },
    [SYS_sock_list]     = { sys_sock_list,     R },
    /* POSIX message queues */
    [SYS_mq_open]       = { sys_mq_open,       R },
    [SYS_mq_unlink]     = { sys_mq_unlink,     R },
    [SYS_mq_timedsend]  = { sys_mq_timedsend,  R },
    [SYS_mq_timedreceive] = { sys_mq_timedreceive, R },
    [SYS_mq_notify]     = { sys_mq_notify,     R },
    [SYS_mq_getsetattr] = { sys_mq_getsetattr, R },
    /* tracing */
    [SYS_trace_open]    = { sys_trace_open,    R },
};

/* A signal woke p out of call nr: end the call instead of re-running it. */
static long interrupted_call(struct proc *p, long nr, const long *a)
{
    p->interrupted = false;
    if (nr == SYS_nanosleep)
        nanosleep_interrupted(p, a);
    call_abandon(p);
    if (systab[nr].restart && signal_restart_ok(p))
        return KERN_RESTART;
    return -EINTR;
}

long kernel_syscall(struct proc *p, long nr, long a0, long a1, long a2,
                    long a3, long a4, long a5)
{
    const long a[6] = { a0, a1, a2, a3, a4, a5 };
    KASSERT(p->state == P_RUNNING);
#ifndef DUPLEX_NO_TRACE             /* make bench's baseline: without the test */
    if (__builtin_expect(p->trace != NULL, 0))
        return trace_syscall(p, nr, a);     /* trace.c: the call and its line */
#endif
    return syscall_run(p, nr, a);
}

long syscall_run(struct proc *p, long nr, const long *a)
{
    if (nr <= 0 || nr >= NSYSCALL || !systab[nr].fn) {
        call_abandon(p);
        return -ENOSYS;
    }
    p->restarted = p->blocked_call;
    p->blocked_call = false;
    if (p->interrupted && p->restarted)
        return interrupted_call(p, nr, a);
    p->interrupted = false;
    long r = systab[nr].fn(p, a);
    if (r != KERN_BLOCK && r != KERN_EXIT && p->call.file)
        call_abandon(p);        /* a call that ended must not leave state behind */
    KASSERT(r == KERN_BLOCK || p->nwaits == 0);   /* ... nor wait on a queue */
    return r;
}

/* ---- arguments in user memory -------------------------------------------- */

int copyin(struct proc *p, void *dst, uptr src, size_t n)
{
    return plat_copyin(p, dst, src, n);
}

int copyout(struct proc *p, uptr dst, const void *src, size_t n)
{
    return plat_copyout(p, dst, src, n);
}

/* Copy a path argument into buf (PATH_MAX bytes). */
long copyin_path(struct proc *p, char *buf, uptr upath)
{
    long n = plat_copyinstr(p, buf, upath, PATH_MAX);
    if (n < 0)
        return n;
    return n == 0 ? -ENOENT : 0;
}
