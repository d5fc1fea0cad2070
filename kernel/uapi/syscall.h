/*
 * uapi/syscall.h - system-call numbers.
 *
 * Duplex's own numbering (only errno follows Linux). A call takes up to six
 * long-sized arguments and returns a long: a value >= 0, or -errno.
 * The comment after each number is the call's signature in user space.
 */
#ifndef DUPLEX_UAPI_SYSCALL_H
#define DUPLEX_UAPI_SYSCALL_H

/* processes */
#define SYS_exit          1   /* exit(int status) */
#define SYS_spawn         2   /* spawn(path, argv, envp, actions, nactions, attr) */
#define SYS_execve        3   /* execve(path, argv, envp) */
#define SYS_wait4         4   /* wait4(pid, int *status, options, 0) */
#define SYS_getpid        5
#define SYS_getppid       6
#define SYS_setpgid       7   /* setpgid(pid, pgid) */
#define SYS_getpgid       8   /* getpgid(pid); getpgrp() is getpgid(0) */
#define SYS_setsid        9
#define SYS_getsid       10   /* getsid(pid) */
#define SYS_kill         11   /* kill(pid, sig) */
#define SYS_nanosleep    12   /* nanosleep(const struct k_timespec *req, rem) */
#define SYS_sched_yield  13
#define SYS_getuid       14
#define SYS_getgid       15
#define SYS_setuid       16
#define SYS_setgid       17
#define SYS_brk          18   /* brk(addr): 0 asks for the current break */
#define SYS_clock_gettime 19  /* clock_gettime(clock, struct k_timespec *) */
#define SYS_fork         25   /* fork() -> the child's pid; 0 in the child */
#define SYS_setitimer    26   /* setitimer(which, const k_itimerval *, k_itimerval *old) */
#define SYS_getitimer    27   /* getitimer(which, k_itimerval *) */

/* signals */
#define SYS_sigaction    20   /* sigaction(sig, const k_sigaction *, k_sigaction *) */
#define SYS_sigprocmask  21   /* sigprocmask(how, const k_sigset_t *, k_sigset_t *) */
#define SYS_sigpending   22   /* sigpending(k_sigset_t *) */
#define SYS_sigsuspend   23   /* sigsuspend(const k_sigset_t *) */
#define SYS_sigreturn    24   /* sigreturn(k_sigset_t mask lo, hi): restore the mask */

/* files */
#define SYS_open         30   /* open(path, flags, mode) */
#define SYS_close        31
#define SYS_read         32   /* read(fd, buf, n) */
#define SYS_write        33   /* write(fd, buf, n) */
#define SYS_lseek        34   /* lseek(fd, off, whence) */
#define SYS_dup          35
#define SYS_dup2         36
#define SYS_fcntl        37   /* fcntl(fd, cmd, arg) */
#define SYS_stat         38   /* stat(path, struct k_stat *, flags): AT_SYMLINK_NOFOLLOW
                                  is lstat */
#define SYS_fstat        39   /* fstat(fd, struct k_stat *) */
#define SYS_mkdir        40   /* mkdir(path, mode) */
#define SYS_rmdir        41
#define SYS_unlink       42
#define SYS_rename       43   /* rename(old, new) */
#define SYS_getdents     44   /* getdents(fd, buf, n) */
#define SYS_chdir        45
#define SYS_getcwd       46   /* getcwd(buf, size) -> length with NUL */
#define SYS_ftruncate    47   /* ftruncate(fd, length) */
#define SYS_pipe2        48   /* pipe2(int fds[2], flags) */
#define SYS_mknod        49   /* mknod(path, mode, dev): S_IFIFO makes a FIFO */
#define SYS_ioctl        50   /* ioctl(fd, request, arg) */
#define SYS_access       51   /* access(path, mode) */
#define SYS_chmod        52   /* chmod(path, mode) */
#define SYS_umask        53
#define SYS_ppoll        54   /* ppoll(k_pollfd *, nfds, const k_timespec *timeout,
                                       const k_sigset_t *mask) -> descriptors ready */
#define SYS_splice       55   /* splice(fd_in, off_t *off_in, fd_out, off_t *off_out, len, flags) */

/* system information */
#define SYS_procinfo     60   /* procinfo(slot, struct k_procinfo *) -> next slot, 0 at end */
#define SYS_kstat        61   /* kstat(struct k_kstat *) */
#define SYS_uname        62   /* uname(struct k_utsname *) */
#define SYS_poweroff     63   /* poweroff(exit code for a launcher): root only */

/* memory (kernel/mman.c) and futexes (ipc/futex.c) */
#define SYS_mmap         70   /* mmap(addr, len, prot, flags, fd, off) -> address */
#define SYS_munmap       71   /* munmap(addr, len) */
#define SYS_mprotect     72   /* mprotect(addr, len, prot) */
#define SYS_msync        73   /* msync(addr, len, flags) */
#define SYS_futex        74   /* futex(uint32_t *addr, op, val, const k_timespec *timeout) */

/* System V IPC (ipc/sysv.c, msgq.c, shm.c, sem.c); structures in uapi/ipc.h */
#define SYS_msgget       80   /* msgget(key, flags) */
#define SYS_msgsnd       81   /* msgsnd(id, msgp, size, flags) */
#define SYS_msgrcv       82   /* msgrcv(id, msgp, size, type, flags) */
#define SYS_msgctl       83   /* msgctl(id, cmd, struct k_msqid_ds *) */
#define SYS_shmget       84   /* shmget(key, size, flags) */
#define SYS_shmat        85   /* shmat(id, addr, flags) -> address */
#define SYS_shmdt        86   /* shmdt(addr) */
#define SYS_shmctl       87   /* shmctl(id, cmd, struct k_shmid_ds *) */
#define SYS_semget       88   /* semget(key, nsems, flags) */
#define SYS_semop        89   /* semop(id, struct k_sembuf *, nsops, const k_timespec *timeout) */
#define SYS_semctl       90   /* semctl(id, num, cmd, arg) */

/* POSIX named semaphores (ipc/psem.c): 91-97; sem_close is close(fd) */
#define SYS_sem_open     91   /* sem_open(name, oflag, mode, value) -> fd */
#define SYS_sem_wait     92   /* sem_wait(fd) */
#define SYS_sem_trywait  93   /* sem_trywait(fd) */
#define SYS_sem_timedwait 94  /* sem_timedwait(fd, const k_timespec *abstime) */
#define SYS_sem_post     95   /* sem_post(fd) */
#define SYS_sem_getvalue 96   /* sem_getvalue(fd, int32_t *value) */
#define SYS_sem_unlink   97   /* sem_unlink(name) */
/* typed channels (ipc/chan.c): 100-109 */
#define SYS_chan_create  100   /* chan_create(int fds[2], msgsize, capacity, flags) */
#define SYS_chan_send    101   /* chan_send(fd, const void *msg, size, flags, const k_timespec *timeout) */
#define SYS_chan_recv    102   /* chan_recv(fd, void *buf, size, flags, const k_timespec *timeout)
                                  -> 1: a message, 0: closed and drained */
#define SYS_chan_info    103   /* chan_info(fd, struct k_chan_info *) */
#define SYS_chan_list    104   /* chan_list(slot, struct k_chan_info *) -> next slot, 0 at end */
/* links and file attributes (kernel/syslink.c): 105-109 */
#define SYS_symlink      105   /* symlink(target, path) */
#define SYS_readlink     106   /* readlink(path, buf, size) -> bytes, no NUL */
#define SYS_link         107   /* link(old, new) */
#define SYS_utimensat    108   /* utimensat(dirfd, path, const k_timespec times[2], flags);
                                  path 0: dirfd's own file */
#define SYS_fchownat     109   /* fchownat(dirfd, path, uid, gid, flags); path 0: dirfd's file */
/* ports and capabilities (ipc/port.c, ipc/cap.c): 110-127 */
#define SYS_port_create  110   /* port_create(flags) -> a handle with every right */
#define SYS_port_send    111   /* port_send(fd, const k_port_msg *, flags, const k_timespec *timeout) */
#define SYS_port_recv    112   /* port_recv(fd, k_port_msg *, flags, const k_timespec *timeout) */
#define SYS_port_call    113   /* port_call(fd, const k_port_msg *req, k_port_msg *reply,
                                            const k_timespec *timeout) */
#define SYS_port_reply   114   /* port_reply(reply handle, const k_port_msg *) */
#define SYS_port_derive  115   /* port_derive(fd, rights, flags) -> a handle with fewer rights */
#define SYS_port_bind    116   /* port_bind(fd, const char *name, rights lookups get) */
#define SYS_port_unbind  117   /* port_unbind(fd, const char *name) */
#define SYS_port_lookup  118   /* port_lookup(const char *name, flags, const k_timespec *timeout) */
#define SYS_port_set_filter 119 /* port_set_filter(fd, const struct k_port_filter *) */
#define SYS_port_info    120   /* port_info(fd, struct k_port_info *) */
#define SYS_port_list    121   /* port_list(slot, struct k_port_info *) -> next slot, 0 at end */
#define SYS_port_reply_recv 122 /* port_reply_recv(reply handle, const k_port_msg *answer, fd,
                                   k_port_msg *msg, flags, const k_timespec *timeout) */

/* Unix-domain sockets (ipc/socket.c, sock_*.c, scm.c): 130-145; structures in uapi/socket.h */
#define SYS_socket      130   /* socket(domain, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol) */
#define SYS_socketpair  131   /* socketpair(domain, type, protocol, int sv[2]) */
#define SYS_bind        132   /* bind(fd, const k_sockaddr_un *, len) */
#define SYS_listen      133   /* listen(fd, backlog) */
#define SYS_accept4     134   /* accept4(fd, k_sockaddr_un *, uint32_t *len, flags) */
#define SYS_connect     135   /* connect(fd, const k_sockaddr_un *, len) */
#define SYS_sendto      136   /* sendto(fd, buf, n, flags, const k_sockaddr_un *, len) */
#define SYS_recvfrom    137   /* recvfrom(fd, buf, n, flags, k_sockaddr_un *, uint32_t *len) */
#define SYS_sendmsg     138   /* sendmsg(fd, const k_msghdr *, flags) */
#define SYS_recvmsg     139   /* recvmsg(fd, k_msghdr *, flags) */
#define SYS_shutdown    140   /* shutdown(fd, how) */
#define SYS_getsockname 141   /* getsockname(fd, k_sockaddr_un *, uint32_t *len) */
#define SYS_getpeername 142   /* getpeername(fd, k_sockaddr_un *, uint32_t *len) */
#define SYS_getsockopt  143   /* getsockopt(fd, level, name, void *, uint32_t *len) */
#define SYS_setsockopt  144   /* setsockopt(fd, level, name, const void *, len) */
#define SYS_sock_list   145   /* sock_list(slot, struct k_sockinfo *) -> next slot, 0 at end */
/* POSIX message queues (ipc/mqueue.c): 150-155; structures in uapi/mqueue.h */
#define SYS_mq_open     150   /* mq_open(name, oflag, mode, const k_mq_attr *) -> fd */
#define SYS_mq_unlink   151   /* mq_unlink(name) */
#define SYS_mq_timedsend 152  /* mq_timedsend(fd, msg, len, prio, const k_timespec *abstime) */
#define SYS_mq_timedreceive 153 /* mq_timedreceive(fd, buf, len, uint32_t *prio,
                                   const k_timespec *abstime) -> bytes */
#define SYS_mq_notify   154   /* mq_notify(fd, const k_sigevent *) */
#define SYS_mq_getsetattr 155 /* mq_getsetattr(fd, const k_mq_attr *new, k_mq_attr *old) */

/* tracing (kernel/trace.c, uapi/trace.h): 160-169 */
#define SYS_trace_open   160   /* trace_open(flags) -> fd that reads the children's calls */

/* resource limits (kernel/rlimit.c, uapi/resource.h): 170-172 */
#define SYS_getrlimit    170   /* getrlimit(resource, struct k_rlimit *) */
#define SYS_setrlimit    171   /* setrlimit(resource, const struct k_rlimit *) */
#define SYS_prlimit64    172   /* prlimit64(pid, resource, const k_rlimit *new, k_rlimit *old) */

/* Files in and out of the machine (kernel/share.c). */
#define SYS_sync         180   /* sync() -> 0, or the last save's error (-ENOSPC) */
#define SYS_download     181   /* download(fd, const char *name) */

#define NSYSCALL        192

#endif
