/*
 * sysproc.c - system calls about processes: spawn, execve, exit, wait4,
 * process groups and sessions, kill, sleeping, ids, and system information.
 *
 * Duplex creates processes with spawn, modelled on posix_spawn, instead of
 * fork: on the web target each process is a separate WebAssembly instance,
 * and an instance cannot be duplicated. spawn builds the child in one go -
 * descriptors inherited, file actions applied in order, attributes set,
 * program loaded - and either returns its pid or undoes everything.
 */
#include "kernel.h"

/* ---- arguments: argv and envp copied out of the caller ------------------- */

struct args {
    char **argv, **envp;        /* in one kalloc'd block with the strings */
};

/* The length of the user string at s, or -ENAMETOOLONG if it has no NUL
 * within max bytes. Read in pieces, so that a long string costs a copy of
 * each byte once. */
static long user_strlen(struct proc *p, uptr s, size_t max)
{
    char tmp[256];
    for (size_t off = 0; off < max; off += sizeof tmp) {
        size_t want = max - off < sizeof tmp ? max - off : sizeof tmp;
        long n = plat_copyinstr(p, tmp, s + off, want);
        if (n != -ENAMETOOLONG)
            return n < 0 ? n : (long)(off + (size_t)n);
    }
    return -ENAMETOOLONG;
}

/* Count a NULL-terminated user array of user pointers and add what it
 * takes against ARG_MAX to *used. The count is Linux's (fs/exec.c): each
 * string with its NUL, plus one user pointer per string; the NULLs that
 * end argv and envp, and argc, are free. A string longer than
 * MAX_ARG_STRLEN is refused whatever room is left, as on Linux. There is
 * no limit on the number of strings but ARG_MAX: what is copied is sized
 * to what the caller passes, so the kernel heap pays only for that. */
static long measure_vec(struct proc *p, uptr uvec, int *count, size_t *used)
{
    *count = 0;
    if (!uvec)
        return 0;
    for (;;) {
        uptr s;
        if (copyin(p, &s, uvec + (uptr)*count * sizeof(uptr), sizeof s) < 0)
            return -EFAULT;
        if (!s)
            return 0;
        ++*count;
        *used += sizeof(uptr);
        if (*used >= ARG_MAX)
            return -E2BIG;
        size_t room = ARG_MAX - *used;                  /* room for n bytes and a NUL */
        long n = user_strlen(p, s, room < MAX_ARG_STRLEN ? room : MAX_ARG_STRLEN);
        if (n < 0)
            return n == -ENAMETOOLONG ? -E2BIG : n;
        *used += (size_t)n + 1;
    }
}

static char *copy_vec(struct proc *p, uptr uvec, int n, char **vec, char *strs, char *end)
{
    for (int i = 0; i < n; i++) {
        uptr s;
        copyin(p, &s, uvec + (uptr)i * sizeof(uptr), sizeof s);
        long len = plat_copyinstr(p, strs, s, (size_t)(end - strs));
        vec[i] = strs;
        strs += len + 1;
    }
    vec[n] = NULL;
    return strs;
}

static long args_copyin(struct proc *p, uptr uargv, uptr uenvp, struct args *out)
{
    int argc, envc;
    size_t used = 0;
    long r = measure_vec(p, uargv, &argc, &used);
    if (r == 0)
        r = measure_vec(p, uenvp, &envc, &used);
    if (r < 0)
        return r;
    size_t bytes = used - (size_t)(argc + envc) * sizeof(uptr);     /* the strings */
    size_t vecs = (size_t)(argc + envc + 2) * sizeof(char *);
    char *block = kalloc(vecs + bytes);
    if (!block)
        return -ENOMEM;
    out->argv = (char **)(void *)block;
    out->envp = out->argv + argc + 1;
    char *strs = block + vecs, *end = strs + bytes;
    strs = copy_vec(p, uargv, argc, out->argv, strs, end);
    copy_vec(p, uenvp, envc, out->envp, strs, end);
    return 0;
}

/* ---- loading a program ---------------------------------------------------- */

/* comm, as Linux's: the last part of the path p was started by, 15 bytes. */
static void set_comm(struct proc *p, const char *path)
{
    const char *name = path;
    for (const char *s = path; *s; s++)
        if (*s == '/' && s[1])
            name = s + 1;
    kstrlcpy(p->comm, name, sizeof p->comm);
}

/* p now runs the program ip (whose reference it takes), started by path:
 * /proc/N/exe and comm. */
static void set_exe(struct proc *p, struct inode *ip, const char *path)
{
    iput(p->exe);
    p->exe = ip;
    set_comm(p, path);
}

static int load_program(struct proc *p, struct proc *as, const char *path,
                        char *const argv[], char *const envp[], int depth);

/* Load the interpreter that a script's #! line names (script.c). */
static int load_script(struct proc *p, struct proc *as, struct inode *ip,
                       const char *path, char *const argv[], char *const envp[],
                       int depth)
{
    char interp[256], arg[256];
    script_parse(ip, interp, arg);
    iput(ip);
    if (!interp[0])
        return -ENOEXEC;
    if (depth >= SCRIPT_DEPTH)
        return -ELOOP;
    char **v = script_argv(interp, arg, path, argv);
    if (!v)
        return -ENOMEM;
    int r = load_program(p, as, interp, v, envp, depth + 1);
    kfree(v);
    if (r == 0)
        set_comm(p, path);      /* a script is known by its own name, as on Linux */
    return r;
}

/* Load the program at path into p (a new child, or the caller for exec).
 * Paths are resolved relative to `as`. */
static int load_program(struct proc *p, struct proc *as, const char *path,
                        char *const argv[], char *const envp[], int depth)
{
    struct inode *ip;
    long r = namei(as, path, &ip);
    if (r < 0)
        return (int)r;
    if (ip->type != I_REG || !may_access(as, ip, X_OK) ||
        (ip->mode & (S_IXUSR | S_IXGRP | S_IXOTH)) == 0) {
        iput(ip);
        return -EACCES;
    }
    char interp[256], arg[256];
    if (script_parse(ip, interp, arg))
        return load_script(p, as, ip, path, argv, envp, depth);
    struct exec_image img = { .code = ip->data, .len = (size_t)ip->size,
                              .id = ip->content_id, .argv = argv, .envp = envp };
    r = plat_proc_load(p, &img);
    if (r == 0) {
        proc_set_cmdline(p, argv);
        set_exe(p, ip, path);
    } else {
        iput(ip);
    }
    return (int)r;
}

int spawn_load(struct proc *p, struct proc *as, const char *path,
               char *const argv[], char *const envp[])
{
    return load_program(p, as, path, argv, envp, 0);
}

/* ---- spawn ------------------------------------------------------------------ */

static long apply_action(struct proc *child, struct proc *parent,
                         const struct k_spawn_action *act)
{
    switch (act->type) {
    case SPAWN_OPEN: {
        char path[PATH_MAX];
        struct file *f;
        long r = copyin_path(parent, path, (uptr)act->path);
        /* O_SPAWN_DEFER: a FIFO open never waits here (the child would be
         * put to sleep before it exists); it waits at its first read or write. */
        if (r == 0)
            r = file_open(child, path, act->oflag | O_SPAWN_DEFER, act->mode, &f);
        KASSERT(r != KERN_BLOCK);
        if (r < 0)
            return r;
        if (act->fd < 0 || act->fd >= fd_limit(child)) {
            file_close(f);
            return -EBADF;
        }
        if (child->ofile[act->fd])
            file_close(child->ofile[act->fd]);
        child->ofile[act->fd] = f;
        if (act->oflag & O_CLOEXEC)
            child->cloexec |= 1ull << act->fd;
        else
            child->cloexec &= ~(1ull << act->fd);
        return 0;
    }
    case SPAWN_CLOSE:
        /* Closing a descriptor the child does not have is no error (as in
         * glibc and musl): the action only makes sure it is closed. */
        if (act->fd < 0 || act->fd >= NOFILE)
            return -EBADF;
        if (child->ofile[act->fd])
            file_close(child->ofile[act->fd]);
        child->ofile[act->fd] = NULL;
        child->cloexec &= ~(1ull << act->fd);
        return 0;
    case SPAWN_DUP2: {
        if (act->newfd < 0 || act->newfd >= fd_limit(child))
            return -EBADF;
        struct file *f = fd_get(child, act->fd);
        if (!f)
            return -EBADF;
        if (act->fd != act->newfd) {
            file_dup(f);
            if (child->ofile[act->newfd])
                file_close(child->ofile[act->newfd]);
            child->ofile[act->newfd] = f;
        }
        child->cloexec &= ~(1ull << act->newfd);
        return 0;
    }
    default:
        return -EINVAL;
    }
}

/* Does process group pgid exist in session sid? A zombie is still a member
 * of its group until it is reaped, as on Linux: the second stage of
 * `ls | grep x` joins the first stage's group even if ls has already
 * exited, since the shell reaps it only later. */
static bool group_in_session(int pgid, int sid)
{
    for (int i = 0; i < NPROC; i++)
        if (procs[i].state != P_UNUSED &&
            procs[i].pgid == pgid && procs[i].sid == sid)
            return true;
    return false;
}

static long apply_attr(struct proc *child, const struct k_spawn_attr *at)
{
    if (at->flags & ~(uint32_t)(SPAWN_SETPGROUP | SPAWN_SETSIGDEF |
                                SPAWN_SETSIGMASK | SPAWN_SETSID))
        return -EINVAL;
    if (at->flags & SPAWN_SETSIGMASK)
        child->sig_mask = at->sigmask & ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP));
    if (at->flags & SPAWN_SETSIGDEF)
        for (int s = 1; s < NSIG; s++)
            if (at->sigdefault & SIGBIT(s))
                child->sig_action[s].sa_handler = SIG_DFL;
    if (at->flags & SPAWN_SETSID) {
        child->sid = child->pgid = child->pid;
    } else if (at->flags & SPAWN_SETPGROUP) {
        if (at->pgroup < 0)
            return -EINVAL;
        if (at->pgroup == 0)
            child->pgid = child->pid;
        else if (!group_in_session(at->pgroup, child->sid))
            return -EPERM;
        else
            child->pgid = at->pgroup;
    }
    return 0;
}

/* Everything spawn reads from the caller, in kernel memory. */
struct spawn_req {
    char                  path[PATH_MAX];
    struct args           args;
    struct k_spawn_action acts[SPAWN_ACTIONS_MAX];
    int                   nacts;
    struct k_spawn_attr   attr;
    bool                  has_attr;
};

static long spawn_read(struct proc *p, const long *a, struct spawn_req *rq)
{
    long r = copyin_path(p, rq->path, (uptr)a[0]);
    if (r < 0)
        return r;
    if (a[4] < 0 || a[4] > SPAWN_ACTIONS_MAX)
        return -EINVAL;
    rq->nacts = (int)a[4];
    if (rq->nacts && copyin(p, rq->acts, (uptr)a[3],
                            (size_t)rq->nacts * sizeof rq->acts[0]) < 0)
        return -EFAULT;
    rq->has_attr = a[5] != 0;
    if (rq->has_attr && copyin(p, &rq->attr, (uptr)a[5], sizeof rq->attr) < 0)
        return -EFAULT;
    if (!a[1])
        return -EFAULT;
    return args_copyin(p, (uptr)a[1], (uptr)a[2], &rq->args);
}

/* The program and the files the actions open, if their bytes have not
 * come yet (lazy.c), are waited for before the child is made: nothing is
 * undone when the call blocks. */
static long spawn_files_ready(struct proc *p, struct spawn_req *rq)
{
    long r = script_ready(p, rq->path);
    char path[PATH_MAX];
    for (int i = 0; r == 0 && i < rq->nacts; i++) {
        const struct k_spawn_action *act = &rq->acts[i];
        if (act->type != SPAWN_OPEN || (act->oflag & O_TRUNC))
            continue;
        if (copyin_path(p, path, (uptr)act->path) == 0)
            r = lazy_ready_path(p, path);
    }
    return r;
}

static long spawn_build(struct proc *p, struct proc *c, struct spawn_req *rq)
{
    c->cwd = p->cwd;
    iget(c->cwd);
    signal_init_proc(c, p);
    fd_inherit(c, p);
    long r = rq->has_attr ? apply_attr(c, &rq->attr) : 0;
    for (int i = 0; r == 0 && i < rq->nacts; i++)
        r = apply_action(c, p, &rq->acts[i]);
    if (r == 0)
        r = spawn_load(c, p, rq->path, rq->args.argv, rq->args.envp);
    if (r == 0)
        fd_close_on_exec(c);     /* the exec half of spawn */
    return r;
}

/* Undo a child that never ran. */
static void spawn_undo(struct proc *c)
{
    ctty_spawn_undone(c);
    fd_close_all(c);
    if (c->cwd)
        iput(c->cwd);
    c->cwd = NULL;
    if (c->ctx)
        plat_proc_destroy(c);
    c->ctx = NULL;
    proc_free(c);
}

long sys_spawn(struct proc *p, const long *a)
{
    struct spawn_req *rq = kalloc(sizeof *rq);
    if (!rq)
        return -ENOMEM;
    long r = spawn_read(p, a, rq);
    if (r < 0) {
        kfree(rq);
        return r;
    }
    if ((r = spawn_files_ready(p, rq)) < 0) {
        kfree(rq->args.argv);
        kfree(rq);
        return r;
    }
    struct proc *c = proc_alloc(p);
    if (!c) {
        r = -EAGAIN;
    } else {
        r = spawn_build(p, c, rq);
        if (r < 0) {
            spawn_undo(c);
        } else {
            make_runnable(c);
            r = c->pid;
        }
    }
    kfree(rq->args.argv);
    kfree(rq);
    return r;
}

long sys_execve(struct proc *p, const long *a)
{
    char path[PATH_MAX];
    struct args args;
    long r = copyin_path(p, path, (uptr)a[0]);
    if (r < 0)
        return r;
    if (!a[1])
        return -EFAULT;
    r = args_copyin(p, (uptr)a[1], (uptr)a[2], &args);
    if (r < 0)
        return r;
    r = script_ready(p, path);      /* its bytes first (and its interpreter's), if they have not come */
    if (r == 0)
        r = spawn_load(p, p, path, args.argv, args.envp);
    kfree(args.argv);
    if (r < 0)
        return r;
    fd_close_on_exec(p);
    signal_exec_reset(p);
    shm_exec(p);
    mmap_exec(p);
    return KERN_EXEC;
}

/* ---- exit and wait ---------------------------------------------------------- */

long sys_exit(struct proc *p, const long *a)
{
    proc_exit(p, W_EXITCODE((int)(a[0] & 0xff), 0));
    return KERN_EXIT;
}

static bool wait_matches(struct proc *p, struct proc *c, int pid)
{
    if (c->state == P_UNUSED || c->state == P_EMBRYO || c->parent != p)
        return false;
    if (pid > 0)
        return c->pid == pid;
    if (pid == -1)
        return true;
    return c->pgid == (pid == 0 ? p->pgid : -pid);
}

/* What child c has to report to wait4 with these options, or 0. */
static int wait_report(struct proc *c, int options)
{
    if (c->state == P_ZOMBIE)
        return 1;
    if ((options & WUNTRACED) && c->report && WIFSTOPPED(c->report))
        return 1;
    if ((options & WCONTINUED) && c->report == W_CONTINUED)
        return 1;
    return 0;
}

long sys_wait4(struct proc *p, const long *a)
{
    int pid = (int)a[0], options = (int)a[2];
    uptr ustatus = (uptr)a[1];
    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
        return -EINVAL;
    if (pid == INT32_MIN)
        return -ESRCH;           /* as Linux: -pid would not be a group */
    bool any = false;
    for (int i = 0; i < NPROC; i++) {
        struct proc *c = &procs[i];
        if (!wait_matches(p, c, pid))
            continue;
        any = true;
        if (!wait_report(c, options))
            continue;
        int status = c->state == P_ZOMBIE ? c->exit_status : c->report;
        if (ustatus && copyout(p, ustatus, &status, sizeof status) < 0)
            return -EFAULT;
        int cpid = c->pid;
        if (c->state == P_ZOMBIE)
            proc_free(c);
        else
            c->report = 0;
        return cpid;
    }
    if (!any)
        return -ECHILD;
    if (options & WNOHANG)
        return 0;
    return sleep_on(p, &p->child_wait, "wait");
}

/* ---- ids, groups and sessions ------------------------------------------------- */

/* (The calls without arguments say so with (void)a: every system call has
 * the same signature, so that one table can hold them all.) */
long sys_getpid(struct proc *p, const long *a) { (void)a; return p->pid; }
long sys_getppid(struct proc *p, const long *a) { (void)a; return p->parent ? p->parent->pid : 0; }
long sys_getuid(struct proc *p, const long *a) { (void)a; return p->uid; }
long sys_getgid(struct proc *p, const long *a) { (void)a; return p->gid; }

long sys_setuid(struct proc *p, const long *a)
{
    if (a[0] < 0)
        return -EINVAL;
    if (p->uid != 0 && (k_uid_t)a[0] != p->uid)
        return -EPERM;
    p->uid = (k_uid_t)a[0];
    return 0;
}

long sys_setgid(struct proc *p, const long *a)
{
    if (a[0] < 0)
        return -EINVAL;
    if (p->uid != 0 && (k_gid_t)a[0] != p->gid)
        return -EPERM;
    p->gid = (k_gid_t)a[0];
    return 0;
}

static struct proc *live_proc(int pid)
{
    struct proc *q = proc_find(pid);
    return q && q->state != P_ZOMBIE ? q : NULL;
}

long sys_setpgid(struct proc *p, const long *a)
{
    int pid = a[0] ? (int)a[0] : p->pid, pgid = a[1] ? (int)a[1] : pid;
    if (pgid < 0)
        return -EINVAL;
    struct proc *t = live_proc(pid);
    if (!t || (t != p && t->parent != p))
        return -ESRCH;
    if (t->sid != p->sid || t->sid == t->pid)
        return -EPERM;
    if (pgid != t->pid && !group_in_session(pgid, p->sid))
        return -EPERM;
    t->pgid = pgid;
    return 0;
}

long sys_getpgid(struct proc *p, const long *a)
{
    struct proc *t = a[0] ? live_proc((int)a[0]) : p;
    return t ? t->pgid : -ESRCH;
}

long sys_setsid(struct proc *p, const long *a)
{
    (void)a;
    for (int i = 0; i < NPROC; i++)
        if (procs[i].state != P_UNUSED && procs[i].pgid == p->pid)
            return -EPERM;          /* already a group leader */
    p->sid = p->pgid = p->pid;
    return p->sid;
}

long sys_getsid(struct proc *p, const long *a)
{
    struct proc *t = a[0] ? live_proc((int)a[0]) : p;
    return t ? t->sid : -ESRCH;
}

/* ---- kill ----------------------------------------------------------------------- */

static bool may_signal(struct proc *p, struct proc *t)
{
    return p->uid == 0 || p->uid == t->uid;
}

long sys_kill(struct proc *p, const long *a)
{
    int pid = (int)a[0], sig = (int)a[1];
    if (sig < 0 || sig >= NSIG)
        return -EINVAL;
    if (pid == INT32_MIN)
        return -ESRCH;           /* as Linux: -pid would not be a group */
    if (pid > 0) {
        struct proc *t = proc_find(pid);
        if (!t)
            return -ESRCH;
        if (!may_signal(p, t))
            return -EPERM;
        return signal_send(t, sig);
    }
    int pgid = pid == 0 ? p->pgid : -pid, found = 0, allowed = 0;
    for (int i = 0; i < NPROC; i++) {
        struct proc *t = &procs[i];
        if (t->state == P_UNUSED || t->state == P_EMBRYO || t->state == P_ZOMBIE)
            continue;
        if (pid == -1 ? (t->pid == 1 || t == p) : t->pgid != pgid)
            continue;
        found++;
        if (may_signal(p, t)) {
            allowed++;
            signal_send(t, sig);
        }
    }
    if (!found)
        return -ESRCH;
    return allowed ? 0 : -EPERM;
}

/* ---- time ------------------------------------------------------------------------- */

long sys_nanosleep(struct proc *p, const long *a)
{
    if (!p->restarted) {
        struct k_timespec ts;
        if (copyin(p, &ts, (uptr)a[0], sizeof ts) < 0)
            return -EFAULT;
        if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
            return -EINVAL;
        uint64_t ns = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
        if (ts.tv_sec > 100LL * 365 * 86400)       /* a century is forever enough */
            ns = 100ull * 365 * 86400 * 1000000000ull;
        p->call.deadline = now_ns() + ns;
    }
    if (now_ns() >= p->call.deadline)
        return 0;
    sleep_until(p, p->call.deadline);
    return sleep_on(p, NULL, "sleep");
}

/* A handler interrupted nanosleep: tell the caller how much was left. */
void nanosleep_interrupted(struct proc *p, const long *a)
{
    uint64_t now = now_ns(), left = p->call.deadline > now ? p->call.deadline - now : 0;
    struct k_timespec rem = { (int64_t)(left / 1000000000ull), (int64_t)(left % 1000000000ull) };
    if (a[1])
        copyout(p, (uptr)a[1], &rem, sizeof rem);
}

/* Give the CPU to the others: the process goes to the back of the run
 * queue and the platform stops running it (KERN_BLOCK); the re-issued call
 * returns at once. */
long sys_sched_yield(struct proc *p, const long *a)
{
    (void)a;
    if (p->restarted)
        return 0;
    p->blocked_call = true;
    make_runnable(p);
    return KERN_BLOCK;
}

long sys_clock_gettime(struct proc *p, const long *a)
{
    if (a[0] != CLOCK_REALTIME && a[0] != CLOCK_MONOTONIC &&
        a[0] != CLOCK_REALTIME_COARSE && a[0] != CLOCK_MONOTONIC_COARSE)
        return -EINVAL;
    uint64_t ns = plat_clock_ns((int)a[0]);
    struct k_timespec ts = { (int64_t)(ns / 1000000000ull), (int64_t)(ns % 1000000000ull) };
    return copyout(p, (uptr)a[1], &ts, sizeof ts) < 0 ? -EFAULT : 0;
}

long sys_brk(struct proc *p, const long *a)
{
    return (long)plat_brk(p, (uptr)a[0]);
}

/* ---- system information --------------------------------------------------------------- */

static char state_letter(struct proc *q)
{
    switch (q->state) {
    case P_BLOCKED: return PSTATE_SLEEPING;
    case P_STOPPED: return PSTATE_STOPPED;
    case P_ZOMBIE:  return PSTATE_ZOMBIE;
    default:        return PSTATE_RUNNABLE;
    }
}

long proc_info(long slot, struct k_procinfo *pi)
{
    for (long i = slot; i >= 0 && i < NPROC; i++) {
        struct proc *q = &procs[i];
        if (q->state == P_UNUSED || q->state == P_EMBRYO)
            continue;
        memset(pi, 0, sizeof *pi);
        pi->pid = q->pid;
        pi->ppid = q->parent ? q->parent->pid : 0;
        pi->pgid = q->pgid;
        pi->sid = q->sid;
        pi->uid = q->uid;
        pi->gid = q->gid;
        pi->state = state_letter(q);
        pi->exit_status = q->state == P_ZOMBIE ? q->exit_status : 0;
        kstrlcpy(pi->wait, q->state == P_BLOCKED ? q->wait_what : "", sizeof pi->wait);
        for (size_t k = 0; k + 1 < q->cmdline_len; k++)    /* argv joined by spaces */
            pi->cmdline[k] = q->cmdline[k] ? q->cmdline[k] : ' ';
        return i + 1;
    }
    return 0;
}

long sys_procinfo(struct proc *p, const long *a)
{
    if (a[0] < 0)
        return -EINVAL;
    struct k_procinfo pi;
    long next = proc_info(a[0], &pi);
    if (next && copyout(p, (uptr)a[1], &pi, sizeof pi) < 0)
        return -EFAULT;
    return next;
}

long sys_kstat(struct proc *p, const long *a)
{
    return copyout(p, (uptr)a[0], &kstats, sizeof kstats) < 0 ? -EFAULT : 0;
}

void uname_fill(struct k_utsname *u)
{
    memset(u, 0, sizeof *u);
    kstrlcpy(u->sysname, "Duplex", sizeof u->sysname);
    kstrlcpy(u->nodename, hostname(), sizeof u->nodename);     /* /proc/sys/kernel */
    kstrlcpy(u->release, "0.1", sizeof u->release);
    kstrlcpy(u->version, "Duplex teaching OS", sizeof u->version);
    kstrlcpy(u->machine, plat_machine(), sizeof u->machine);
}

long sys_uname(struct proc *p, const long *a)
{
    struct k_utsname u;
    uname_fill(&u);
    return copyout(p, (uptr)a[0], &u, sizeof u) < 0 ? -EFAULT : 0;
}

long sys_poweroff(struct proc *p, const long *a)
{
    if (p->uid != 0)
        return -EPERM;
    plat_poweroff((int)(a[0] & 0xff));
    return 0;
}
