/*
 * tracetab.c - how `trace` shows each system call: its name and what each
 * argument is (trace.c formats them), and the names of errno values and
 * signals that it prints in results.
 *
 * This is the one place that describes the calls for people: a new system
 * call gets a line here (a call without one shows as syscall_N with its
 * arguments in hexadecimal). The kinds say how to print an argument:
 * a descriptor, a path, a buffer the call reads (its length is the next
 * argument) or fills (its length is the result), flags, or a structure.
 * Constants and flags are printed by name where this file has their names
 * (arg_value_name, arg_flag_names): AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC,
 * MSG_NOSIGNAL.
 * Arguments before the first one the call fills are printed when the call
 * starts, so that a call that blocks shows them at once; the rest when it
 * returns.
 */
#include "kernel.h"
#include "uapi/socket.h"

#define D(nr, nm, ...) [nr] = { nm, { __VA_ARGS__ } }

static const struct sysdesc table[NSYSCALL] = {
    D(SYS_exit,          "exit",          A_INT),
    D(SYS_spawn,         "spawn",         A_STR, A_PTR, A_PTR, A_PTR, A_INT, A_PTR),
    D(SYS_execve,        "execve",        A_STR, A_PTR, A_PTR),
    D(SYS_wait4,         "wait4",         A_INT, A_WSTATUS_OUT, A_INT, A_INT),
    D(SYS_getpid,        "getpid"),
    D(SYS_getppid,       "getppid"),
    D(SYS_setpgid,       "setpgid",       A_INT, A_INT),
    D(SYS_getpgid,       "getpgid",       A_INT),
    D(SYS_setsid,        "setsid"),
    D(SYS_getsid,        "getsid",        A_INT),
    D(SYS_kill,          "kill",          A_INT, A_SIG),
    D(SYS_nanosleep,     "nanosleep",     A_STRUCT, A_STRUCT_OUT),
    D(SYS_sched_yield,   "sched_yield"),
    D(SYS_getuid,        "getuid"),
    D(SYS_getgid,        "getgid"),
    D(SYS_setuid,        "setuid",        A_INT),
    D(SYS_setgid,        "setgid",        A_INT),
    D(SYS_brk,           "brk",           A_PTR),
    D(SYS_clock_gettime, "clock_gettime", A_INT, A_STRUCT_OUT),
    D(SYS_fork,          "fork"),
    D(SYS_setitimer,     "setitimer",     A_INT, A_STRUCT, A_STRUCT_OUT),
    D(SYS_getitimer,     "getitimer",     A_INT, A_STRUCT_OUT),
    D(SYS_sigaction,     "sigaction",     A_SIG, A_STRUCT, A_STRUCT_OUT),
    D(SYS_sigprocmask,   "sigprocmask",   A_INT, A_STRUCT, A_STRUCT_OUT),
    D(SYS_sigpending,    "sigpending",    A_STRUCT_OUT),
    D(SYS_sigsuspend,    "sigsuspend",    A_STRUCT),
    D(SYS_sigreturn,     "sigreturn",     A_HEX, A_HEX),
    D(SYS_open,          "open",          A_STR, A_OFLAGS, A_OCT),
    D(SYS_close,         "close",         A_FD),
    D(SYS_read,          "read",          A_FD, A_BUF_OUT, A_INT),
    D(SYS_write,         "write",         A_FD, A_BUF_IN, A_INT),
    D(SYS_lseek,         "lseek",         A_FD, A_INT, A_INT),
    D(SYS_dup,           "dup",           A_FD),
    D(SYS_dup2,          "dup2",          A_FD, A_FD),
    D(SYS_fcntl,         "fcntl",         A_FD, A_INT, A_INT),
    D(SYS_stat,          "stat",          A_STR, A_STRUCT_OUT),
    D(SYS_fstat,         "fstat",         A_FD, A_STRUCT_OUT),
    D(SYS_mkdir,         "mkdir",         A_STR, A_OCT),
    D(SYS_rmdir,         "rmdir",         A_STR),
    D(SYS_unlink,        "unlink",        A_STR),
    D(SYS_rename,        "rename",        A_STR, A_STR),
    D(SYS_getdents,      "getdents",      A_FD, A_STRUCT_OUT, A_INT),
    D(SYS_chdir,         "chdir",         A_STR),
    D(SYS_getcwd,        "getcwd",        A_STR_OUT, A_INT),
    D(SYS_ftruncate,     "ftruncate",     A_FD, A_INT),
    D(SYS_pipe2,         "pipe2",         A_FDS_OUT, A_FDFLAGS),
    D(SYS_mknod,         "mknod",         A_STR, A_OCT, A_INT),
    D(SYS_ioctl,         "ioctl",         A_FD, A_HEX, A_PTR),
    D(SYS_access,        "access",        A_STR, A_INT),
    D(SYS_chmod,         "chmod",         A_STR, A_OCT),
    D(SYS_umask,         "umask",         A_OCT),
    D(SYS_ppoll,         "ppoll",         A_STRUCT, A_INT, A_STRUCT, A_STRUCT),
    D(SYS_splice,        "splice",        A_FD, A_PTR, A_FD, A_PTR, A_INT, A_HEX),
    D(SYS_procinfo,      "procinfo",      A_INT, A_STRUCT_OUT),
    D(SYS_kstat,         "kstat",         A_STRUCT_OUT),
    D(SYS_uname,         "uname",         A_STRUCT_OUT),
    D(SYS_poweroff,      "poweroff",      A_INT),
    D(SYS_mmap,          "mmap",          A_PTR, A_INT, A_HEX, A_HEX, A_FD, A_INT),
    D(SYS_munmap,        "munmap",        A_PTR, A_INT),
    D(SYS_mprotect,      "mprotect",      A_PTR, A_INT, A_HEX),
    D(SYS_msync,         "msync",         A_PTR, A_INT, A_HEX),
    D(SYS_futex,         "futex",         A_PTR, A_INT, A_INT, A_STRUCT),
    D(SYS_msgget,        "msgget",        A_HEX, A_OCTFLAGS),
    D(SYS_msgsnd,        "msgsnd",        A_INT, A_MSG_IN, A_INT, A_HEX),
    D(SYS_msgrcv,        "msgrcv",        A_INT, A_MSG_OUT, A_INT, A_INT, A_HEX),
    D(SYS_msgctl,        "msgctl",        A_INT, A_INT, A_STRUCT),
    D(SYS_shmget,        "shmget",        A_HEX, A_INT, A_OCTFLAGS),
    D(SYS_shmat,         "shmat",         A_INT, A_PTR, A_HEX),
    D(SYS_shmdt,         "shmdt",         A_PTR),
    D(SYS_shmctl,        "shmctl",        A_INT, A_INT, A_STRUCT),
    D(SYS_semget,        "semget",        A_HEX, A_INT, A_OCTFLAGS),
    D(SYS_semop,         "semop",         A_INT, A_SEMBUF, A_INT, A_STRUCT),
    D(SYS_semctl,        "semctl",        A_INT, A_INT, A_INT, A_HEX),
    D(SYS_sem_open,      "sem_open",      A_STR, A_OFLAGS, A_OCT, A_INT),
    D(SYS_sem_wait,      "sem_wait",      A_FD),
    D(SYS_sem_trywait,   "sem_trywait",   A_FD),
    D(SYS_sem_timedwait, "sem_timedwait", A_FD, A_STRUCT),
    D(SYS_sem_post,      "sem_post",      A_FD),
    D(SYS_sem_getvalue,  "sem_getvalue",  A_FD, A_INT_OUT),
    D(SYS_sem_unlink,    "sem_unlink",    A_STR),
    D(SYS_chan_create,   "chan_create",   A_FDS_OUT, A_INT, A_INT, A_FDFLAGS),
    D(SYS_chan_send,     "chan_send",     A_FD, A_BUF_IN, A_INT, A_HEX, A_STRUCT),
    D(SYS_chan_recv,     "chan_recv",     A_FD, A_STRUCT_OUT, A_INT, A_HEX, A_STRUCT),
    D(SYS_chan_info,     "chan_info",     A_FD, A_STRUCT_OUT),
    D(SYS_chan_list,     "chan_list",     A_INT, A_STRUCT_OUT),
    D(SYS_port_create,   "port_create",   A_HEX),
    D(SYS_port_send,     "port_send",     A_FD, A_STRUCT, A_HEX, A_STRUCT),
    D(SYS_port_recv,     "port_recv",     A_FD, A_STRUCT_OUT, A_HEX, A_STRUCT),
    D(SYS_port_call,     "port_call",     A_FD, A_STRUCT, A_STRUCT_OUT, A_STRUCT),
    D(SYS_port_reply,    "port_reply",    A_FD, A_STRUCT),
    D(SYS_port_derive,   "port_derive",   A_FD, A_HEX, A_HEX),
    D(SYS_port_bind,     "port_bind",     A_FD, A_STR, A_HEX),
    D(SYS_port_unbind,   "port_unbind",   A_FD, A_STR),
    D(SYS_port_lookup,   "port_lookup",   A_STR, A_HEX, A_STRUCT),
    D(SYS_port_set_filter, "port_set_filter", A_FD, A_STRUCT),
    D(SYS_port_info,     "port_info",     A_FD, A_STRUCT_OUT),
    D(SYS_port_list,     "port_list",     A_INT, A_STRUCT_OUT),
    D(SYS_port_reply_recv, "port_reply_recv", A_FD, A_STRUCT, A_FD, A_STRUCT_OUT, A_HEX,
                                              A_STRUCT),
    D(SYS_socket,        "socket",        A_AF, A_SOCKTYPE, A_INT),
    D(SYS_socketpair,    "socketpair",    A_AF, A_SOCKTYPE, A_INT, A_FDS_OUT),
    D(SYS_bind,          "bind",          A_FD, A_SOCKADDR, A_INT),
    D(SYS_listen,        "listen",        A_FD, A_INT),
    D(SYS_accept4,       "accept4",       A_FD, A_SOCKADDR_OUT, A_INT_OUT, A_SOCKFLAGS),
    D(SYS_connect,       "connect",       A_FD, A_SOCKADDR, A_INT),
    D(SYS_sendto,        "sendto",        A_FD, A_BUF_IN, A_INT, A_MSGFLAGS, A_SOCKADDR, A_INT),
    D(SYS_recvfrom,      "recvfrom",      A_FD, A_BUF_OUT, A_INT, A_MSGFLAGS, A_SOCKADDR_OUT,
                                          A_INT_OUT),
    D(SYS_sendmsg,       "sendmsg",       A_FD, A_STRUCT, A_MSGFLAGS),
    D(SYS_recvmsg,       "recvmsg",       A_FD, A_STRUCT_OUT, A_MSGFLAGS),
    D(SYS_shutdown,      "shutdown",      A_FD, A_SHUT),
    D(SYS_getsockname,   "getsockname",   A_FD, A_SOCKADDR_OUT, A_INT_OUT),
    D(SYS_getpeername,   "getpeername",   A_FD, A_SOCKADDR_OUT, A_INT_OUT),
    D(SYS_getsockopt,    "getsockopt",    A_FD, A_SOCKLEVEL, A_SOCKOPT, A_STRUCT_OUT, A_INT_OUT),
    D(SYS_setsockopt,    "setsockopt",    A_FD, A_SOCKLEVEL, A_SOCKOPT, A_STRUCT, A_INT),
    D(SYS_sock_list,     "sock_list",     A_INT, A_STRUCT_OUT),
    D(SYS_mq_open,       "mq_open",       A_STR, A_OFLAGS, A_OCT, A_MQATTR),
    D(SYS_mq_unlink,     "mq_unlink",     A_STR),
    D(SYS_mq_timedsend,  "mq_timedsend",  A_FD, A_BUF_IN, A_INT, A_INT, A_STRUCT),
    D(SYS_mq_timedreceive, "mq_timedreceive", A_FD, A_BUF_OUT, A_INT, A_INT_OUT, A_STRUCT),
    D(SYS_mq_notify,     "mq_notify",     A_FD, A_STRUCT),
    D(SYS_mq_getsetattr, "mq_getsetattr", A_FD, A_MQATTR, A_MQATTR_OUT),
    D(SYS_trace_open,    "trace_open",    A_HEX),
    D(SYS_sync,          "sync"),
    D(SYS_download,      "download",      A_FD, A_STR),
    D(SYS_getrlimit,     "getrlimit",     A_RLIMIT, A_STRUCT_OUT),
    D(SYS_setrlimit,     "setrlimit",     A_RLIMIT, A_STRUCT),
    D(SYS_prlimit64,     "prlimit64",     A_INT, A_RLIMIT, A_STRUCT, A_STRUCT_OUT),
};

const struct sysdesc *sysdesc(long nr)
{
    return nr > 0 && nr < NSYSCALL && table[nr].name ? &table[nr] : NULL;
}

/* ---- constants and flags, by name ---------------------------------------- */

#define USE(a) (s = (a), n = sizeof (a) / sizeof (a)[0])

static const struct symbol families[] = {
    { AF_UNSPEC, "AF_UNSPEC" }, { AF_UNIX, "AF_UNIX" }, { AF_INET, "AF_INET" },
};
static const struct symbol socktypes[] = {
    { SOCK_STREAM, "SOCK_STREAM" }, { SOCK_DGRAM, "SOCK_DGRAM" }, { SOCK_RAW, "SOCK_RAW" },
    { SOCK_RDM, "SOCK_RDM" }, { SOCK_SEQPACKET, "SOCK_SEQPACKET" },
};
static const struct symbol shuts[] = {
    { SHUT_RD, "SHUT_RD" }, { SHUT_WR, "SHUT_WR" }, { SHUT_RDWR, "SHUT_RDWR" },
};
static const struct symbol levels[] = { { SOL_SOCKET, "SOL_SOCKET" } };
static const struct symbol sockopts[] = {
    { SO_TYPE, "SO_TYPE" }, { SO_ERROR, "SO_ERROR" }, { SO_SNDBUF, "SO_SNDBUF" },
    { SO_RCVBUF, "SO_RCVBUF" }, { SO_PASSCRED, "SO_PASSCRED" }, { SO_PEERCRED, "SO_PEERCRED" },
    { SO_ACCEPTCONN, "SO_ACCEPTCONN" }, { SO_PROTOCOL, "SO_PROTOCOL" },
    { SO_DOMAIN, "SO_DOMAIN" },
};

static const struct symbol rlimits[] = {
    { RLIMIT_CPU, "RLIMIT_CPU" }, { RLIMIT_FSIZE, "RLIMIT_FSIZE" }, { RLIMIT_DATA, "RLIMIT_DATA" },
    { RLIMIT_STACK, "RLIMIT_STACK" }, { RLIMIT_CORE, "RLIMIT_CORE" }, { RLIMIT_RSS, "RLIMIT_RSS" },
    { RLIMIT_NPROC, "RLIMIT_NPROC" }, { RLIMIT_NOFILE, "RLIMIT_NOFILE" },
    { RLIMIT_MEMLOCK, "RLIMIT_MEMLOCK" }, { RLIMIT_AS, "RLIMIT_AS" },
    { RLIMIT_LOCKS, "RLIMIT_LOCKS" }, { RLIMIT_SIGPENDING, "RLIMIT_SIGPENDING" },
    { RLIMIT_MSGQUEUE, "RLIMIT_MSGQUEUE" }, { RLIMIT_NICE, "RLIMIT_NICE" },
    { RLIMIT_RTPRIO, "RLIMIT_RTPRIO" }, { RLIMIT_RTTIME, "RLIMIT_RTTIME" },
};

/* The name of value v of an argument of kind k (of a socket type, its
 * type without the flags); NULL if it has none. */
const char *arg_value_name(int k, long v)
{
    const struct symbol *s;
    size_t n;
    switch (k) {
    case A_AF:        USE(families); break;
    case A_SOCKTYPE:  USE(socktypes); break;
    case A_SHUT:      USE(shuts); break;
    case A_SOCKLEVEL: USE(levels); break;
    case A_SOCKOPT:   USE(sockopts); break;
    case A_RLIMIT:    USE(rlimits); break;
    default:          return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if ((long)s[i].value == v)
            return s[i].name;
    return NULL;
}

static const struct symbol oflags[] = {
    { O_CREAT, "O_CREAT" }, { O_EXCL, "O_EXCL" }, { O_NOCTTY, "O_NOCTTY" },
    { O_TRUNC, "O_TRUNC" }, { O_APPEND, "O_APPEND" }, { O_NONBLOCK, "O_NONBLOCK" },
    { O_DIRECTORY, "O_DIRECTORY" }, { O_CLOEXEC, "O_CLOEXEC" },
};
static const struct symbol sockflags[] = {
    { SOCK_NONBLOCK, "SOCK_NONBLOCK" }, { SOCK_CLOEXEC, "SOCK_CLOEXEC" },
};
static const struct symbol msgflags[] = {
    { MSG_OOB, "MSG_OOB" }, { MSG_PEEK, "MSG_PEEK" }, { MSG_DONTROUTE, "MSG_DONTROUTE" },
    { MSG_CTRUNC, "MSG_CTRUNC" }, { MSG_TRUNC, "MSG_TRUNC" }, { MSG_DONTWAIT, "MSG_DONTWAIT" },
    { MSG_EOR, "MSG_EOR" }, { MSG_WAITALL, "MSG_WAITALL" }, { MSG_NOSIGNAL, "MSG_NOSIGNAL" },
    { MSG_CMSG_CLOEXEC, "MSG_CMSG_CLOEXEC" },
};

/* The bits an argument of kind k is made of (a socket type's flags), *np
 * of them; NULL for a kind that is not flags. */
const struct symbol *arg_flag_names(int k, size_t *np)
{
    const struct symbol *s;
    size_t n;
    switch (k) {
    case A_OFLAGS: case A_FDFLAGS: USE(oflags); break;
    case A_SOCKTYPE: case A_SOCKFLAGS: USE(sockflags); break;
    case A_MSGFLAGS: USE(msgflags); break;
    default: *np = 0; return NULL;
    }
    *np = n;
    return s;
}

/* errno values: the macro's name and the text strerror gives (shell/lib/error.c). */
static const struct { const char *name, *text; } errnos[] = {
    [EPERM]   = { "EPERM",   "Operation not permitted" },
    [ENOENT]  = { "ENOENT",  "No such file or directory" },
    [ESRCH]   = { "ESRCH",   "No such process" },
    [EINTR]   = { "EINTR",   "Interrupted system call" },
    [EIO]     = { "EIO",     "Input/output error" },
    [ENXIO]   = { "ENXIO",   "No such device or address" },
    [E2BIG]   = { "E2BIG",   "Argument list too long" },
    [ENOEXEC] = { "ENOEXEC", "Exec format error" },
    [EBADF]   = { "EBADF",   "Bad file descriptor" },
    [ECHILD]  = { "ECHILD",  "No child processes" },
    [EAGAIN]  = { "EAGAIN",  "Resource temporarily unavailable" },
    [ENOMEM]  = { "ENOMEM",  "Cannot allocate memory" },
    [EACCES]  = { "EACCES",  "Permission denied" },
    [EFAULT]  = { "EFAULT",  "Bad address" },
    [EBUSY]   = { "EBUSY",   "Device or resource busy" },
    [EEXIST]  = { "EEXIST",  "File exists" },
    [EXDEV]   = { "EXDEV",   "Invalid cross-device link" },
    [ENODEV]  = { "ENODEV",  "No such device" },
    [ENOTDIR] = { "ENOTDIR", "Not a directory" },
    [EISDIR]  = { "EISDIR",  "Is a directory" },
    [EINVAL]  = { "EINVAL",  "Invalid argument" },
    [ENFILE]  = { "ENFILE",  "Too many open files in system" },
    [EMFILE]  = { "EMFILE",  "Too many open files" },
    [ENOTTY]  = { "ENOTTY",  "Inappropriate ioctl for device" },
    [EFBIG]   = { "EFBIG",   "File too large" },
    [ENOSPC]  = { "ENOSPC",  "No space left on device" },
    [ESPIPE]  = { "ESPIPE",  "Illegal seek" },
    [EROFS]   = { "EROFS",   "Read-only file system" },
    [EMLINK]  = { "EMLINK",  "Too many links" },
    [EPIPE]   = { "EPIPE",   "Broken pipe" },
    [EDOM]    = { "EDOM",    "Numerical argument out of domain" },
    [ERANGE]  = { "ERANGE",  "Numerical result out of range" },
    [EDEADLK] = { "EDEADLK", "Resource deadlock avoided" },
    [ENAMETOOLONG] = { "ENAMETOOLONG", "File name too long" },
    [ENOSYS]  = { "ENOSYS",  "Function not implemented" },
    [ENOTEMPTY] = { "ENOTEMPTY", "Directory not empty" },
    [ELOOP]   = { "ELOOP",   "Too many levels of symbolic links" },
    [ENOMSG]  = { "ENOMSG",  "No message of desired type" },
    [EIDRM]   = { "EIDRM",   "Identifier removed" },
    [ENOSTR]  = { "ENOSTR",  "Device not a stream" },
    [ETIME]   = { "ETIME",   "Timer expired" },
    [EOVERFLOW] = { "EOVERFLOW", "Value too large for defined data type" },
    [EBADFD]  = { "EBADFD",  "File descriptor in bad state" },
    [ENOTSOCK] = { "ENOTSOCK", "Socket operation on non-socket" },
    [EDESTADDRREQ] = { "EDESTADDRREQ", "Destination address required" },
    [EMSGSIZE] = { "EMSGSIZE", "Message too long" },
    [EPROTOTYPE] = { "EPROTOTYPE", "Protocol wrong type for socket" },
    [ENOPROTOOPT] = { "ENOPROTOOPT", "Protocol not available" },
    [EPROTONOSUPPORT] = { "EPROTONOSUPPORT", "Protocol not supported" },
    [ESOCKTNOSUPPORT] = { "ESOCKTNOSUPPORT", "Socket type not supported" },
    [ENOTSUP] = { "ENOTSUP", "Operation not supported" },
    [EAFNOSUPPORT] = { "EAFNOSUPPORT", "Address family not supported by protocol" },
    [EADDRINUSE] = { "EADDRINUSE", "Address already in use" },
    [EADDRNOTAVAIL] = { "EADDRNOTAVAIL", "Cannot assign requested address" },
    [ECONNABORTED] = { "ECONNABORTED", "Software caused connection abort" },
    [ECONNRESET] = { "ECONNRESET", "Connection reset by peer" },
    [ENOBUFS]  = { "ENOBUFS",  "No buffer space available" },
    [EISCONN]  = { "EISCONN",  "Transport endpoint is already connected" },
    [ENOTCONN] = { "ENOTCONN", "Transport endpoint is not connected" },
    [ESHUTDOWN] = { "ESHUTDOWN", "Cannot send after transport endpoint shutdown" },
    [ETOOMANYREFS] = { "ETOOMANYREFS", "Too many references: cannot splice" },
    [ETIMEDOUT] = { "ETIMEDOUT", "Connection timed out" },
    [ECONNREFUSED] = { "ECONNREFUSED", "Connection refused" },
    [ECANCELED] = { "ECANCELED", "Operation canceled" },
    [EOWNERDEAD] = { "EOWNERDEAD", "Owner died" },
};

#define NERRNOS ((int)(sizeof errnos / sizeof errnos[0]))

/* The name of errno value e and its text; false for one without a name here. */
bool errno_describe(int e, const char **name, const char **text)
{
    if (e <= 0 || e >= NERRNOS || !errnos[e].name)
        return false;
    *name = errnos[e].name;
    *text = errnos[e].text;
    return true;
}

static const char *const signames[NSIG] = {
    [SIGHUP] = "SIGHUP",   [SIGINT] = "SIGINT",   [SIGQUIT] = "SIGQUIT", [SIGILL] = "SIGILL",
    [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS",   [SIGFPE] = "SIGFPE",
    [SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
    [SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM", [SIGCHLD] = "SIGCHLD",
    [SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP", [SIGTTIN] = "SIGTTIN",
    [SIGTTOU] = "SIGTTOU", [SIGWINCH] = "SIGWINCH", [SIGSTKFLT] = "SIGSTKFLT",
    [SIGURG] = "SIGURG",   [SIGXCPU] = "SIGXCPU", [SIGXFSZ] = "SIGXFSZ", [SIGVTALRM] = "SIGVTALRM",
    [SIGPROF] = "SIGPROF", [SIGIO] = "SIGIO",     [SIGPWR] = "SIGPWR",   [SIGSYS] = "SIGSYS",
};

const char *signal_name(int sig)
{
    return sig > 0 && sig < NSIG ? signames[sig] : NULL;
}
