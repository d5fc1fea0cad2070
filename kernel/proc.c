/*
 * proc.c - the process table: allocation, exit, zombies and orphans.
 *
 * A process is a slot in a fixed table of NPROC. It is created by spawn (or
 * by kernel_start for process 1), runs until it exits or is killed, and then
 * stays a zombie - holding only its pid and wait status - until its parent
 * reaps it with wait4. Children of an exiting process are given to process
 * 1, which reaps orphans.
 *
 * proc_exit is the one place where a process lets go of everything: it
 * leaves any wait queue or timer, closes its files, abandons a half-done
 * call, drops its cwd and has the platform destroy its user context. A
 * process killed while blocked goes through the same path, which is what
 * makes "nothing leaks" true for every mechanism at once.
 */
#include "kernel.h"

struct proc procs[NPROC];
static int next_pid;

void proc_init(void)
{
    memset(procs, 0, sizeof procs);
    next_pid = 1;
    kstats.procs = 0;
}

struct proc *proc_find(int pid)
{
    if (pid <= 0)
        return NULL;
    for (int i = 0; i < NPROC; i++)
        if (procs[i].state != P_UNUSED && procs[i].state != P_EMBRYO && procs[i].pid == pid)
            return &procs[i];
    return NULL;
}

static bool pid_in_use(int pid)
{
    for (int i = 0; i < NPROC; i++)
        if (procs[i].state != P_UNUSED &&
            (procs[i].pid == pid || procs[i].pgid == pid || procs[i].sid == pid))
            return true;
    return false;
}

/* Pids grow and wrap at 32768, skipping any still used as a pid, a group
 * or a session id, as Unix does. */
static int pid_alloc(void)
{
    for (;;) {
        int pid = next_pid++;
        if (next_pid >= 32768)
            next_pid = 2;
        if (!pid_in_use(pid))
            return pid;
    }
}

struct proc *proc_alloc(struct proc *parent)
{
    if (parent && nproc_reached(parent))
        return NULL;                    /* RLIMIT_NPROC: fork and spawn say EAGAIN */
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->state != P_UNUSED)
            continue;
        memset(p, 0, sizeof *p);
        p->state = P_EMBRYO;
        p->pid = pid_alloc();
        p->parent = parent;
        if (parent) {
            p->pgid = parent->pgid;
            p->sid = parent->sid;
            p->uid = parent->uid;
            p->gid = parent->gid;
            p->umask = parent->umask;
            if (parent->trace)
                trace_fork(p, parent);
        } else {
            p->pgid = p->sid = p->pid;
            p->umask = 022;
        }
        rlimit_init(p, parent);
        kstats.procs++;
        procfs_proc_new(p);
        return p;
    }
    return NULL;
}

void proc_free(struct proc *p)
{
    KASSERT(p->state == P_ZOMBIE || p->state == P_EMBRYO);
    KASSERT(p->ctx == NULL);
    if (p->trace)
        trace_forget(p);
    procfs_proc_gone(p);
    iput(p->exe);                       /* a process that never ran */
    p->exe = NULL;
    p->state = P_UNUSED;
    kstats.procs--;
}

struct proc *proc_init_proc(void)
{
    for (int i = 0; i < NPROC; i++)
        if (procs[i].state != P_UNUSED && procs[i].pid == 1)
            return &procs[i];
    return NULL;
}

/* argv as /proc/N/cmdline gives it, each argument followed by a NUL, cut
 * at what fits (ps joins them with spaces: proc_info). */
void proc_set_cmdline(struct proc *p, char *const argv[])
{
    size_t len = 0;
    for (int i = 0; argv && argv[i] && len < sizeof p->cmdline; i++) {
        size_t n = MIN(strlen(argv[i]) + 1, sizeof p->cmdline - len);
        memcpy(p->cmdline + len, argv[i], n);
        len += n;
    }
    if (len == sizeof p->cmdline)
        p->cmdline[len - 1] = '\0';     /* cut: the last one still ends */
    p->cmdline_len = (uint8_t)len;
}

/* Release what a blocked call was holding across its restarts. (A
 * sigsuspend's saved mask is not released here: the handler that ends the
 * call restores it, see signal.c.) */
void call_abandon(struct proc *p)
{
    if (p->call.file) {
        struct file *f = p->call.file;
        p->call.file = NULL;
        file_close(f);
    }
    p->call.poll = false;
    p->blocked_call = false;
}

static bool parent_reaps(struct proc *parent)
{
    struct k_sigaction *sa = &parent->sig_action[SIGCHLD];
    return sa->sa_handler != SIG_IGN && !(sa->sa_flags & SA_NOCLDWAIT);
}

/* A zombie or a stop/continue report is waiting for p's parent. */
void proc_notify_parent(struct proc *p)
{
    struct proc *parent = p->parent;
    if (!parent)
        return;
    wakeup(&parent->child_wait);
    if (p->state == P_ZOMBIE ||
        !(parent->sig_action[SIGCHLD].sa_flags & SA_NOCLDSTOP))
        signal_send(parent, SIGCHLD);
}

static void reparent_children(struct proc *p)
{
    struct proc *initp = proc_init_proc();
    bool zombie = false;
    for (int i = 0; i < NPROC; i++) {
        struct proc *c = &procs[i];
        if (c->state == P_UNUSED || c->parent != p)
            continue;
        c->parent = initp;
        zombie |= c->state == P_ZOMBIE;
    }
    if (zombie && initp)
        wakeup(&initp->child_wait);
}

void proc_exit(struct proc *p, int status)
{
    KASSERT(p->state != P_ZOMBIE && p->state != P_UNUSED);
    if (p->pid == 1)
        panic("init exited with status %d", status);
    if (p->trace)
        trace_exit(p, status);
    call_abandon(p);
    sched_detach(p);
    alarm_set(p, 0, 0);
    fd_close_all(p);
    shm_exit(p);
    mmap_exit(p);
    semundo_exit(p);
    if (p->cwd) {
        iput(p->cwd);
        p->cwd = NULL;
    }
    iput(p->exe);
    p->exe = NULL;
    struct ctty_exit jc;
    ctty_exit_begin(p, &jc);
    reparent_children(p);
    plat_proc_destroy(p);
    p->ctx = NULL;
    p->exit_status = status;
    p->report = 0;
    p->state = P_ZOMBIE;
    p->sig_pending = 0;
    ctty_exit_end(&jc);
    if (p->parent && !parent_reaps(p->parent)) {
        struct proc *parent = p->parent;
        p->parent = NULL;
        proc_free(p);
        wakeup(&parent->child_wait);   /* a waiter may now have no child left */
        return;
    }
    proc_notify_parent(p);
}

void *kernel_proc_ctx(struct proc *p) { return p->ctx; }
void kernel_set_proc_ctx(struct proc *p, void *ctx) { p->ctx = ctx; }
int kernel_proc_pid(struct proc *p) { return p->pid; }
