/*
 * fake_kernel.c - the kernel the C library's tests run against:
 * __dx_syscall answered from a small model (see fake_kernel.h). This file
 * has the processes, signals, time and memory, and the system-call switch;
 * descriptors and files are fake_files.c's.
 *
 * It uses only the library's mem* and str* functions (tested on their own),
 * never stdio or malloc, which are what the tests are about.
 */
#include "fake_state.h"

struct shared *fk_sh;
struct fk_state fk;
static _Alignas(16) char arena[ARENA];

/* ---- control ------------------------------------------------------------- */

void fk_init(void)
{
    fk_sh = host_shared(sizeof *fk_sh);
}

void fk_reset(void)
{
    memset(&fk, 0, sizeof fk);
    fk_clear_out();
    fk.fds[0] = (struct fd){ FD_INPUT, O_RDONLY, false, 0, 0 };
    fk.fds[1] = (struct fd){ FD_OUT, O_WRONLY, false, 0, 0 };
    fk.fds[2] = (struct fd){ FD_OUT, O_WRONLY, false, 0, 0 };
    fk.input = "";
    fk.write_ok_left = -1;
    fk.now_sec = 1700000000;
    fk.now_nsec = 123456789;
    fk.futex_wait_result = -EINTR;
    /* The break starts misaligned, as nothing promises it is not. */
    fk.brk = (uintptr_t)arena + 8;
    fk.brk_max = (uintptr_t)arena + ARENA;
}

const char *fk_tried(void)        { return fk.tried; }
const struct fk_spawn *fk_last_spawn(void) { return &fk.spawn; }
const struct k_sigaction *fk_sigaction(int sig) { return &fk.acts[sig]; }
uint64_t fk_sigmask(void)         { return fk.mask; }
int fk_last_kill_pid(void)        { return fk.kill_pid; }
int fk_last_kill_sig(void)        { return fk.kill_sig; }
const struct k_timespec *fk_last_sleep(void) { return &fk.last_sleep; }
long fk_last_mode(void)           { return fk.last_mode; }

void fk_time(long long sec, long nsec)
{
    fk.now_sec = sec;
    fk.now_nsec = nsec;
}

void fk_sleep_eintr(long long rem_sec, long rem_nsec)
{
    fk.sleep_eintr = true;
    fk.sleep_rem.tv_sec = rem_sec;
    fk.sleep_rem.tv_nsec = rem_nsec;
}

void fk_brk_limit(size_t bytes)
{
    fk.brk_max = fk.brk + bytes;
}

void fk_foreign_brk(size_t bytes)
{
    fk.brk += bytes;
}

static void add_path(char list[NPATHS][128], int *n, const char *path)
{
    if (*n < NPATHS)
        strlcpy(list[(*n)++], path, 128);
}

static bool in_list(char list[NPATHS][128], int n, const char *path)
{
    for (int i = 0; i < n; i++)
        if (strcmp(list[i], path) == 0)
            return true;
    return false;
}

void fk_program(const char *path)   { add_path(fk.programs, &fk.nprograms, path); }
void fk_no_access(const char *path) { add_path(fk.no_access, &fk.nno_access, path); }

/* ---- processes ----------------------------------------------------------- */

static void note_tried(const char *path)
{
    strlcat(fk.tried, path, sizeof fk.tried);
    strlcat(fk.tried, ";", sizeof fk.tried);
}

static int copy_strings(char dst[8][64], char *const *src)
{
    int n = 0;
    for (; src != NULL && src[n] != NULL; n++)
        if (n < 8)
            strlcpy(dst[n], src[n], 64);
    return n;
}

static long sys_spawn(const char *path, char *const *argv, char *const *envp,
                      const struct k_spawn_action *acts, long nacts,
                      const struct k_spawn_attr *attr)
{
    note_tried(path);
    if (in_list(fk.no_access, fk.nno_access, path))
        return -EACCES;
    if (!in_list(fk.programs, fk.nprograms, path))
        return -ENOENT;
    if (nacts < 0 || nacts > SPAWN_ACTIONS_MAX)
        return -EINVAL;

    struct fk_spawn *s = &fk.spawn;
    memset(s, 0, sizeof *s);
    strlcpy(s->path, path, sizeof s->path);
    s->argc = copy_strings(s->argv, argv);
    s->envc = copy_strings(s->envp, envp);
    s->nactions = (int)nacts;
    for (long i = 0; i < nacts; i++) {
        s->actions[i] = acts[i];
        s->action_path_addr[i] = acts[i].path;
        if (acts[i].type == SPAWN_OPEN)
            strlcpy(s->action_path[i], (const char *)(uintptr_t)acts[i].path, 64);
    }
    s->has_attr = attr != NULL;
    if (attr != NULL)
        s->attr = *attr;
    return 100 + fk.nspawned++;
}

/* A successful exec ends the test process with status 77. */
static long sys_execve(const char *path)
{
    note_tried(path);
    if (in_list(fk.no_access, fk.nno_access, path))
        return -EACCES;
    if (!in_list(fk.programs, fk.nprograms, path))
        return -ENOENT;
    host_exit(77);
}

/* ---- signals ------------------------------------------------------------- */

static bool ignored_by_default(int sig)
{
    return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
}

static void deliver(int sig)
{
    struct k_sigaction *a = &fk.acts[sig];
    fk.pending &= ~SIGBIT(sig);
    if (a->sa_handler == SIG_IGN)
        return;
    if (a->sa_handler == SIG_DFL) {
        if (!ignored_by_default(sig))
            host_die(sig);
        return;
    }
    uint64_t saved = fk.mask;
    fk.mask |= a->sa_mask | ((a->sa_flags & SA_NODEFER) ? 0 : SIGBIT(sig));
    void (*handler)(int) = (void (*)(int))(uintptr_t)a->sa_handler;
    if (a->sa_flags & SA_RESETHAND)
        a->sa_handler = SIG_DFL;
    handler(sig);
    fk.mask = saved;
}

static void deliver_pending(void)
{
    for (int sig = 1; sig < NSIG; sig++)
        if ((fk.pending & SIGBIT(sig)) && !(fk.mask & SIGBIT(sig)))
            deliver(sig);
}

static long sys_kill(long pid, long sig)
{
    if (sig < 0 || sig >= NSIG)
        return -EINVAL;
    fk.kill_pid = (int)pid;
    fk.kill_sig = (int)sig;
    if (pid != FK_PID || sig == 0)
        return 0;
    fk.pending |= SIGBIT(sig);
    deliver_pending();
    return 0;
}

static long sys_sigaction(long sig, const struct k_sigaction *act, struct k_sigaction *old)
{
    if (sig <= 0 || sig >= NSIG)
        return -EINVAL;
    if (act != NULL && (sig == SIGKILL || sig == SIGSTOP))
        return -EINVAL;
    if (old != NULL)
        *old = fk.acts[sig];
    if (act != NULL)
        fk.acts[sig] = *act;
    return 0;
}

static long sys_sigprocmask(long how, const uint64_t *set, uint64_t *old)
{
    if (old != NULL)
        *old = fk.mask;
    if (set != NULL) {
        if (how == SIG_BLOCK)
            fk.mask |= *set;
        else if (how == SIG_UNBLOCK)
            fk.mask &= ~*set;
        else if (how == SIG_SETMASK)
            fk.mask = *set;
        else
            return -EINVAL;
        fk.mask &= ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP));
    }
    deliver_pending();
    return 0;
}

/* Nothing else can happen in a test: a signal already pending under the
 * new mask is delivered; otherwise the wait "ends" at once. */
static long sys_sigsuspend(const uint64_t *mask)
{
    uint64_t saved = fk.mask;
    fk.mask = *mask;
    deliver_pending();
    fk.mask = saved;
    return -EINTR;
}

/* ---- memory, time, the system ------------------------------------------- */

static long sys_brk(uintptr_t addr)
{
    if (addr != 0 && addr >= (uintptr_t)arena && addr <= fk.brk_max)
        fk.brk = addr;
    return (long)fk.brk;
}

static long sys_clock(long clock, struct k_timespec *ts)
{
    static long long ticks;
    if (clock == CLOCK_REALTIME) {
        ts->tv_sec = fk.now_sec;
        ts->tv_nsec = fk.now_nsec;
    } else if (clock == CLOCK_MONOTONIC) {
        ts->tv_sec = 5;
        ts->tv_nsec = ++ticks * 1000;
    } else {
        return -EINVAL;
    }
    return 0;
}

static long sys_nanosleep(const struct k_timespec *req, struct k_timespec *rem)
{
    fk.last_sleep = *req;
    if (!fk.sleep_eintr)
        return 0;
    if (rem != NULL)
        *rem = fk.sleep_rem;
    return -EINTR;
}

static long sys_uname(struct k_utsname *u)
{
    memset(u, 0, sizeof *u);
    strcpy(u->sysname, "Duplex");
    strcpy(u->nodename, "duplex");
    strcpy(u->release, "0.1");
    strcpy(u->version, "#1 test");
    strcpy(u->machine, "host-test");
    return 0;
}

static long sys_getcwd(char *buf, size_t size)
{
    const char *cwd = "/home/user";
    size_t n = strlen(cwd) + 1;
    if (size < n)
        return -ERANGE;
    memcpy(buf, cwd, n);
    return (long)n;
}

/* ---- poll and futexes ------------------------------------------------------ */

void fk_poll_ready(int fd, short revents) { fk.poll_ready[fd] = revents; }

struct fk_poll fk_last_poll(void)
{
    return (struct fk_poll){ fk.poll_nfds, fk.poll_timeout_ns, fk.poll_masked, fk.poll_mask };
}

static long sys_ppoll(struct k_pollfd *fds, long nfds, const struct k_timespec *t,
                      const uint64_t *mask)
{
    fk.poll_nfds = nfds;
    fk.poll_timeout_ns = t ? t->tv_sec * 1000000000LL + t->tv_nsec : -1;
    fk.poll_masked = mask != NULL;
    fk.poll_mask = mask ? *mask : 0;
    long ready = 0;
    for (long i = 0; i < nfds; i++) {
        int fd = fds[i].fd;
        short got = fd < 0 ? 0 : fd >= NFD || fk.fds[fd].kind == FD_NONE ? POLLNVAL
                                                                        : fk.poll_ready[fd];
        fds[i].revents = (short)(got & (fds[i].events | POLLERR | POLLHUP | POLLNVAL));
        ready += fds[i].revents != 0;
    }
    return ready || t ? ready : -EINTR;
}

void fk_futex_wait_result(long r) { fk.futex_wait_result = r; }

struct fk_futex fk_futex(void)
{
    return (struct fk_futex){ fk.futex_waits, fk.futex_wakes, fk.futex_last_wake_n,
                              fk.futex_last_op };
}

static long sys_futex(volatile uint32_t *word, long op, long val)
{
    fk.futex_last_op = (int)op;
    if ((op & ~FUTEX_PRIVATE_FLAG) == FUTEX_WAKE) {
        fk.futex_wakes++;
        fk.futex_last_wake_n = (int)val;
        return 0;
    }
    if (*word != (uint32_t)val)
        return -EAGAIN;
    fk.futex_waits++;
    return fk.futex_wait_result;
}

/* ---- the system call ------------------------------------------------------ */

const unsigned long __dx_sig_restorer = 0x5151;   /* a recognisable value */

long __dx_syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
    void *p0 = (void *)(uintptr_t)a0, *p1 = (void *)(uintptr_t)a1,
         *p2 = (void *)(uintptr_t)a2;
    (void)a5;

    switch (nr) {
    case SYS_exit:        host_exit((int)a0);
    case SYS_brk:         return sys_brk((uintptr_t)a0);
    case SYS_read:        return sys_read(a0, p1, (size_t)a2);
    case SYS_write:       return sys_write(a0, p1, (size_t)a2);
    case SYS_open:        return sys_open(p0, a1);
    case SYS_close:       return sys_close(a0);
    case SYS_lseek:       return sys_lseek(a0, a1, a2);
    case SYS_fcntl:       return sys_fcntl(a0, a1, a2);
    case SYS_fstat:       return sys_fstat(a0, p1);
    case SYS_stat:        return sys_stat(p0, p1);
    case SYS_access:      return fk_find_file(p0) != NULL ? 0 : -ENOENT;
    case SYS_getdents:    return sys_getdents(a0, p1, (size_t)a2);
    case SYS_ioctl:       return sys_ioctl(a0, (unsigned long)a1, p2);
    case SYS_spawn:       return sys_spawn(p0, p1, p2, (void *)(uintptr_t)a3, a4,
                                           (void *)(uintptr_t)a5);
    case SYS_execve:      return sys_execve(p0);
    case SYS_getpid:      return FK_PID;
    case SYS_getppid:     return 1;
    case SYS_getpgid:     return a0 == 0 ? FK_PID : -ESRCH;
    case SYS_kill:        return sys_kill(a0, a1);
    case SYS_sigaction:   return sys_sigaction(a0, p1, p2);
    case SYS_sigprocmask: return sys_sigprocmask(a0, p1, p2);
    case SYS_sigpending:  *(uint64_t *)p0 = fk.pending; return 0;
    case SYS_sigsuspend:  return sys_sigsuspend(p0);
    case SYS_clock_gettime: return sys_clock(a0, p1);
    case SYS_nanosleep:   return sys_nanosleep(p0, p1);
    case SYS_uname:       return sys_uname(p0);
    case SYS_getcwd:      return sys_getcwd(p0, (size_t)a1);
    case SYS_wait4:       return -ECHILD;
    case SYS_umask:       return 022;
    case SYS_ppoll:       return sys_ppoll(p0, a1, p2, (const uint64_t *)(uintptr_t)a3);
    case SYS_futex:       return sys_futex(p0, a1, a2);
    case SYS_mknod: case SYS_mkdir: case SYS_chmod:
        fk.last_mode = a1;
        note_tried(p0);
        return 0;
    case SYS_unlink: case SYS_rmdir: case SYS_rename: case SYS_chdir:
        note_tried(p0);
        return 0;
    }
    return -ENOSYS;
}

