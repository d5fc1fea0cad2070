/*
 * calls.c - every system call the kernel implements, with the kind of each
 * of its parameters (values.c and args.c make the values).
 *
 * The signatures are those of kernel/uapi/syscall.h. A call missing here
 * is still reached: the interpreter also issues raw calls, any number with
 * integers and pointers for arguments (run.c, ev_raw), which is how a call
 * added to the kernel later gets fuzzed before it gets a line here.
 */
#include "fuzz.h"
#include "../../kernel/uapi/ipc.h"

#define C(nr, ...) { &#nr[4], nr, { __VA_ARGS__ } }     /* the name without SYS_ */

const struct call calls[] = {
    /* processes */
    C(SYS_exit, K_INT),
    C(SYS_spawn, K_PATH, K_ARGV, K_ARGV, K_ACTIONS, K_NACT, K_ATTR),
    C(SYS_spawn, K_PATH, K_ARGV, K_ARGV, K_ACTIONS, K_NACT, K_ATTR),
    C(SYS_execve, K_PATH, K_ARGV, K_ARGV),
    C(SYS_wait4, K_PID, K_OUT, K_WAITOPT, K_INT),
    C(SYS_getpid),
    C(SYS_getppid),
    C(SYS_setpgid, K_PID, K_PID),
    C(SYS_getpgid, K_PID),
    C(SYS_setsid),
    C(SYS_getsid, K_PID),
    C(SYS_kill, K_PID, K_SIG),
    C(SYS_kill, K_PID, K_SIG),
    C(SYS_nanosleep, K_TIMESPEC, K_OUT),
    C(SYS_sched_yield),
    C(SYS_getuid),
    C(SYS_getgid),
    C(SYS_setuid, K_UID),
    C(SYS_setgid, K_UID),
    C(SYS_brk, K_ADDR),
    C(SYS_clock_gettime, K_CLOCK, K_OUT),
    C(SYS_fork),
    C(SYS_fork),
    C(SYS_setitimer, K_WHICH, K_ITIMER, K_OUT),
    C(SYS_getitimer, K_WHICH, K_OUT),
    /* signals */
    C(SYS_sigaction, K_SIG, K_SIGACT, K_OUT),
    C(SYS_sigaction, K_SIG, K_SIGACT, K_OUT),
    C(SYS_sigprocmask, K_HOW, K_SIGSET, K_OUT),
    C(SYS_sigpending, K_OUT),
    C(SYS_sigsuspend, K_SIGSET),
    C(SYS_sigreturn, K_INT, K_INT),
    /* files */
    C(SYS_open, K_PATH, K_OFLAGS, K_MODE),
    C(SYS_open, K_WPATH, K_OFLAGS, K_MODE),
    C(SYS_close, K_FD),
    C(SYS_read, K_FD, K_OUT, K_LEN),
    C(SYS_read, K_FD, K_OUT, K_LEN),
    C(SYS_write, K_FD, K_IN, K_LEN),
    C(SYS_write, K_FD, K_IN, K_LEN),
    C(SYS_lseek, K_FD, K_INT, K_WHENCE),
    C(SYS_dup, K_FD),
    C(SYS_dup2, K_FD, K_FD),
    C(SYS_fcntl, K_FD, K_FCNTL, K_INT),
    C(SYS_stat, K_PATH, K_OUT, K_ATFLAGS),
    C(SYS_fstat, K_FD, K_OUT),
    C(SYS_mkdir, K_WPATH, K_MODE),
    C(SYS_rmdir, K_WPATH),
    C(SYS_unlink, K_WPATH),
    C(SYS_rename, K_WPATH, K_WPATH),
    C(SYS_getdents, K_FD, K_OUT, K_LEN),
    C(SYS_chdir, K_PATH),
    C(SYS_getcwd, K_OUT, K_LEN),
    C(SYS_ftruncate, K_FD, K_INT),
    C(SYS_pipe2, K_OUT, K_OFLAGS),
    C(SYS_pipe2, K_OUT, K_OFLAGS),
    C(SYS_mknod, K_WPATH, K_MKNOD, K_INT),
    C(SYS_ioctl, K_FD, K_IOCTL, K_IOCTLARG),
    C(SYS_access, K_PATH, K_AMODE),
    C(SYS_chmod, K_PATH, K_MODE),
    C(SYS_umask, K_MODE),
    C(SYS_ppoll, K_POLLFDS, K_NFDS, K_TIMESPEC, K_SIGSET),
    C(SYS_ppoll, K_POLLFDS, K_NFDS, K_TIMESPEC, K_SIGSET),
    /* system information */
    C(SYS_procinfo, K_SLOT, K_OUT),
    C(SYS_kstat, K_OUT),
    C(SYS_uname, K_OUT),
    C(SYS_poweroff, K_INT),
    /* System V IPC */
    C(SYS_msgget, K_KEY, K_IPCFLG),
    C(SYS_msgsnd, K_MSQID, K_MSG, K_LEN, K_MSGFLG),
    C(SYS_msgsnd, K_MSQID, K_MSG, K_LEN, K_MSGFLG),
    C(SYS_msgrcv, K_MSQID, K_OUT, K_LEN, K_MTYPE, K_MSGFLG),
    C(SYS_msgrcv, K_MSQID, K_OUT, K_LEN, K_MTYPE, K_MSGFLG),
    C(SYS_msgctl, K_MSQID, K_IPCCMD, K_IPCDS),
    C(SYS_shmget, K_KEY, K_LEN, K_IPCFLG),
    C(SYS_shmat, K_SHMID, K_SHMADDR, K_SHMFLG),
    C(SYS_shmdt, K_SHMADDR),
    C(SYS_shmctl, K_SHMID, K_IPCCMD, K_IPCDS),
    C(SYS_semget, K_KEY, K_INT, K_IPCFLG),
    C(SYS_semop, K_SEMID, K_SEMBUF, K_NSOPS, K_TIMESPEC),
    C(SYS_semop, K_SEMID, K_SEMBUF, K_NSOPS, K_TIMESPEC),
    C(SYS_semctl, K_SEMID, K_INT, K_SEMCMD, K_SEMARG),
    /* memory and futexes */
    C(SYS_mmap, K_SHMADDR, K_LEN, K_PROT, K_MAPFLAGS, K_FD, K_OFF),
    C(SYS_mmap, K_SHMADDR, K_LEN, K_PROT, K_MAPFLAGS, K_FD, K_OFF),
    C(SYS_munmap, K_SHMADDR, K_LEN),
    C(SYS_mprotect, K_SHMADDR, K_LEN, K_PROT),
    C(SYS_msync, K_SHMADDR, K_LEN, K_MSFLAGS),
    C(SYS_futex, K_FUTEXADDR, K_FUTEXOP, K_INT, K_TIMESPEC),
    C(SYS_futex, K_FUTEXADDR, K_FUTEXOP, K_INT, K_TIMESPEC),
    /* POSIX semaphores */
    C(SYS_sem_open, K_PSEM, K_OFLAGS, K_MODE, K_INT),
    C(SYS_sem_wait, K_FD),
    C(SYS_sem_trywait, K_FD),
    C(SYS_sem_timedwait, K_FD, K_ABSTIME),
    C(SYS_sem_post, K_FD),
    C(SYS_sem_getvalue, K_FD, K_OUT),
    C(SYS_sem_unlink, K_PSEM),
    /* channels */
    C(SYS_chan_create, K_OUT, K_LEN, K_INT, K_CHANFLG),
    C(SYS_chan_send, K_FD, K_IN, K_LEN, K_CHANFLG, K_TIMESPEC),
    C(SYS_chan_recv, K_FD, K_OUT, K_LEN, K_CHANFLG, K_TIMESPEC),
    C(SYS_chan_info, K_FD, K_OUT),
    C(SYS_chan_list, K_SLOT, K_OUT),
    /* ports */
    C(SYS_port_create, K_PORTFLG),
    C(SYS_port_send, K_FD, K_PORTMSG, K_PORTFLG, K_TIMESPEC),
    C(SYS_port_recv, K_FD, K_OUT, K_PORTFLG, K_TIMESPEC),
    C(SYS_port_call, K_FD, K_PORTMSG, K_OUT, K_TIMESPEC),
    C(SYS_port_reply, K_FD, K_PORTMSG),
    C(SYS_port_derive, K_FD, K_RIGHTS, K_PORTFLG),
    C(SYS_port_bind, K_FD, K_PORTNAME, K_RIGHTS),
    C(SYS_port_unbind, K_FD, K_PORTNAME),
    C(SYS_port_lookup, K_PORTNAME, K_PORTFLG, K_TIMESPEC),
    C(SYS_port_set_filter, K_FD, K_FILTER),
    C(SYS_port_info, K_FD, K_OUT),
    C(SYS_port_list, K_SLOT, K_OUT),
    C(SYS_port_reply_recv, K_FD, K_PORTMSG, K_FD, K_OUT, K_PORTFLG, K_TIMESPEC),
    /* Unix-domain sockets (new lines go last: replay -m tells how to keep the corpus) */
    C(SYS_socket, K_DOMAIN, K_SOCKTYPE, K_PROTO),
    C(SYS_socket, K_DOMAIN, K_SOCKTYPE, K_PROTO),
    C(SYS_socketpair, K_DOMAIN, K_SOCKTYPE, K_PROTO, K_OUT),
    C(SYS_socketpair, K_DOMAIN, K_SOCKTYPE, K_PROTO, K_OUT),
    C(SYS_bind, K_FD, K_SOCKADDR, K_ADDRLEN),
    C(SYS_listen, K_FD, K_BACKLOG),
    C(SYS_accept4, K_FD, K_OUT, K_LENP, K_SOCKFLG),
    C(SYS_connect, K_FD, K_SOCKADDR, K_ADDRLEN),
    C(SYS_connect, K_FD, K_SOCKADDR, K_ADDRLEN),
    C(SYS_sendto, K_FD, K_IN, K_LEN, K_SENDFLG, K_SOCKADDR, K_ADDRLEN),
    C(SYS_sendto, K_FD, K_IN, K_LEN, K_SENDFLG, K_SOCKADDR, K_ADDRLEN),
    C(SYS_recvfrom, K_FD, K_OUT, K_LEN, K_SENDFLG, K_OUT, K_LENP),
    C(SYS_recvfrom, K_FD, K_OUT, K_LEN, K_SENDFLG, K_OUT, K_LENP),
    C(SYS_sendmsg, K_FD, K_MSGHDR, K_SENDFLG),
    C(SYS_sendmsg, K_FD, K_MSGHDR, K_SENDFLG),
    C(SYS_recvmsg, K_FD, K_MSGHDR, K_SENDFLG),
    C(SYS_recvmsg, K_FD, K_MSGHDR, K_SENDFLG),
    C(SYS_shutdown, K_FD, K_SHUT),
    C(SYS_getsockname, K_FD, K_OUT, K_LENP),
    C(SYS_getpeername, K_FD, K_OUT, K_LENP),
    C(SYS_getsockopt, K_FD, K_SOLEVEL, K_SOOPT, K_OUT, K_LENP),
    C(SYS_setsockopt, K_FD, K_SOLEVEL, K_SOOPT, K_OPTVAL, K_OPTLEN),
    C(SYS_sock_list, K_SLOT, K_OUT),
    /* POSIX message queues */
    C(SYS_mq_open, K_MQNAME, K_OFLAGS, K_MODE, K_MQATTR),
    C(SYS_mq_open, K_MQNAME, K_OFLAGS, K_MODE, K_MQATTR),
    C(SYS_mq_unlink, K_MQNAME),
    C(SYS_mq_timedsend, K_FD, K_IN, K_LEN, K_MQPRIO, K_ABSTIME),
    C(SYS_mq_timedsend, K_FD, K_IN, K_LEN, K_MQPRIO, K_ABSTIME),
    C(SYS_mq_timedreceive, K_FD, K_OUT, K_LEN, K_OUT, K_ABSTIME),
    C(SYS_mq_timedreceive, K_FD, K_OUT, K_LEN, K_OUT, K_ABSTIME),
    C(SYS_mq_notify, K_FD, K_SIGEVENT),
    C(SYS_mq_getsetattr, K_FD, K_MQATTR, K_OUT),
    /* links and file attributes: a link is made only to and at paths an input may
     * create, so that no path of a later call names a system file through one */
    C(SYS_symlink, K_WPATH, K_WPATH),
    C(SYS_readlink, K_PATH, K_OUT, K_LEN),
    C(SYS_link, K_WPATH, K_WPATH),
    C(SYS_utimensat, K_DIRFD, K_PATH, K_TIMES, K_ATFLAGS),
    C(SYS_fchownat, K_DIRFD, K_PATH, K_UID, K_UID, K_ATFLAGS),
    /* tracing, and files out of the machine */
    C(SYS_trace_open, K_TRACEFLG),
    C(SYS_sync),
    C(SYS_download, K_FD, K_FILENAME),
    /* resource limits: process 1's are put back at the end (end.c) */
    C(SYS_getrlimit, K_RESOURCE, K_OUT),
    C(SYS_setrlimit, K_RESOURCE, K_RLIMIT),
    C(SYS_setrlimit, K_RESOURCE, K_RLIMIT),
    C(SYS_prlimit64, K_PID, K_RESOURCE, K_RLIMIT, K_OUT),
};

const int ncalls = (int)(sizeof calls / sizeof calls[0]);

const struct call *call_by_nr(long nr)
{
    for (int i = 0; i < ncalls; i++)
        if (calls[i].nr == nr)
            return &calls[i];
    return NULL;
}
