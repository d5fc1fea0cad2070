/*
 * procfs.c - /proc: the kernel's own state, read as files.
 *
 * /proc is a directory of the ramfs whose names this file makes and keeps
 * (mkdir, creat, unlink, rename there fail, as on Linux: dir_link and the
 * other ramfs calls refuse a directory with a proc_kind). What it holds:
 *
 *   /proc/N/            a directory for every process, made by proc_alloc
 *                       (its files when it is first used) and removed when
 *                       the process is reaped (proc_free):
 *     cmdline comm stat status    files (I_PROC) generated at read
 *     fd/               a symbolic link per open descriptor
 *     cwd exe           symbolic links (exe: the program file's name, as
 *                       found in the tree, so through no link, as Linux's)
 *   /proc/self          a link to the caller's own directory
 *   /proc/uptime meminfo version mounts cpuinfo
 *   /proc/sys/kernel/hostname   read: the host name; written by root: set
 *
 * The contents are not stored. An I_PROC file's text is made by a function
 * of its kind (the table below) when it is read at offset 0 - the first
 * read, or one after lseek to 0 - into a buffer the open file keeps
 * (f->obj), and the reads that follow go on in that same text: a reader
 * taking it a few bytes at a time sees one consistent record, and one
 * that reads it again from the start sees the state of now. A symbolic
 * link's target (self, fd/N, cwd, exe) is not stored either: the path
 * walk and readlink ask for it at each use (procfs_link). A directory of
 * /proc is brought up to date whenever it is searched or listed
 * (procfs_refresh): fd/ follows the descriptor table, a process's
 * directory gets its files the first time and its owner every time.
 *
 * Why nodes of the ramfs and not a second file system: the path walk,
 * stat, getdents, permissions and ls then work on /proc unchanged; the
 * hooks elsewhere are few (file.c sends reads and writes of I_PROC here,
 * vfs.c and getdents call procfs_refresh, the walk and readlink
 * procfs_link, proc_alloc and proc_free make and remove /proc/N).
 *
 * A process that is gone: its directory is removed, so its paths are
 * ENOENT; a file of it that is still open reads as ESRCH (its inodes are
 * marked with pid 0 as they are removed), as on Linux.
 *
 * Writing: an I_PROC file other than hostname has no write; root may
 * open one for writing (root passes every permission check), and the
 * write fails as on Linux: EIO for the files at the top, EINVAL for a
 * process's. Others get EACCES at open from the 0444 mode.
 */
#include "kernel.h"

#define TEXT_MAX 4096                   /* the longest text: one page, as Linux's */

/* The kinds of the nodes of /proc (inode.proc_kind); 0 is "not in /proc". */
enum {
    PK_ROOT = 1, PK_DIR, PK_PID, PK_FD,                     /* directories */
    PK_SELF, PK_FDLINK, PK_CWD, PK_EXE,                     /* links */
    PK_UPTIME, PK_MEMINFO, PK_VERSION, PK_MOUNTS, PK_CPUINFO, PK_HOSTNAME,
    PK_CMDLINE, PK_COMM, PK_STAT, PK_STATUS,                /* a process's files */
};

/* A text being made. */
struct text {
    char  *buf;                         /* TEXT_MAX bytes */
    size_t len;
};

/* The text an open file keeps (f->obj): what its last read at 0 made. */
struct made {
    size_t len;
    char   text[];
};

static void put(struct text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(t->buf + t->len, TEXT_MAX - t->len, fmt, ap);
    va_end(ap);
    t->len = MIN(t->len + (size_t)n, (size_t)TEXT_MAX - 1);
}

static struct inode *proc_root;
static char host_name[32] = "duplex";

const char *hostname(void)
{
    return host_name;
}

/* The process of pid, also one spawn is still making: the files its
 * spawn opens for it may be in /proc/self (`wc < /proc/self/stat`). */
static struct proc *proc_or_embryo(int pid)
{
    for (int i = 0; pid > 0 && i < NPROC; i++)
        if (procs[i].state != P_UNUSED && procs[i].pid == pid)
            return &procs[i];
    return NULL;
}

/* ---- the files at the top --------------------------------------------------- */

/* Seconds since boot, and idle seconds: Duplex counts no idle time (0). */
static void gen_uptime(struct text *t)
{
    uint64_t cs = now_ns() / 10000000;              /* hundredths */
    put(t, "%llu.%02llu 0.00\n", (unsigned long long)(cs / 100),
        (unsigned long long)(cs % 100));
}

/* The fields free(1) reads, from the kernel heap that holds everything
 * (as free does with kstat): no buffers, cache, swap or shared memory. */
static void gen_meminfo(struct text *t)
{
    unsigned long long total = kstats.heap_total / 1024,
                       freekb = (kstats.heap_total - kstats.heap_used) / 1024;
    static const char *const zero[] = { "Buffers:", "Cached:", "SwapCached:",
        "SwapTotal:", "SwapFree:", "Shmem:", "SReclaimable:" };
    put(t, "%-16s%8llu kB\n", "MemTotal:", total);
    put(t, "%-16s%8llu kB\n", "MemFree:", freekb);
    put(t, "%-16s%8llu kB\n", "MemAvailable:", freekb);
    for (size_t i = 0; i < ARRAY_SIZE(zero); i++)
        put(t, "%-16s%8llu kB\n", zero[i], 0ULL);
}

static void gen_version(struct text *t)
{
    struct k_utsname u;
    uname_fill(&u);
    put(t, "%s version %s (%s) #1 %s\n", u.sysname, u.release, u.nodename, u.version);
}

/* One file system, the ramfs, at /; and this one. */
static void gen_mounts(struct text *t)
{
    put(t, "ramfs / ramfs rw 0 0\n");
    put(t, "proc /proc proc rw,nosuid,nodev,noexec 0 0\n");
}

static void gen_cpuinfo(struct text *t)
{
    put(t, "processor\t: 0\nmodel name\t: %s\n\n", plat_machine());
}

static void gen_hostname(struct text *t)
{
    put(t, "%s\n", host_name);
}

/* ---- a process's files ------------------------------------------------------ */

static char state_of(struct proc *q)
{
    struct k_procinfo pi;
    proc_info(q - procs, &pi);          /* the letter ps shows */
    return pi.state;
}

static const char *state_name(char c)
{
    switch (c) {
    case PSTATE_RUNNABLE: return "running";
    case PSTATE_STOPPED:  return "stopped";
    case PSTATE_ZOMBIE:   return "zombie";
    default:              return "sleeping";
    }
}

/* The signals q ignores and those it catches, as masks. */
static void sig_dispositions(struct proc *q, k_sigset_t *ign, k_sigset_t *cgt)
{
    *ign = *cgt = 0;
    for (int s = 1; s < NSIG; s++) {
        uint64_t h = q->sig_action[s].sa_handler;
        if (h == SIG_IGN)
            *ign |= SIGBIT(s);
        else if (h != SIG_DFL)
            *cgt |= SIGBIT(s);
    }
}

/* The arguments, each followed by a NUL (a zombie has none, as on Linux). */
static void gen_cmdline(struct proc *q, struct text *t)
{
    if (q->state == P_ZOMBIE)
        return;
    memcpy(t->buf, q->cmdline, q->cmdline_len);
    t->len = q->cmdline_len;
}

static void gen_comm(struct proc *q, struct text *t)
{
    put(t, "%s\n", q->comm);          /* set at exec (sysproc.c) */
}

/* proc(5)'s 52 fields, in its order; what Duplex does not keep is 0
 * (times, faults, addresses), as on Linux for what a kernel hides. */
static void gen_stat(struct proc *q, struct text *t)
{
    k_sigset_t ign, cgt;
    sig_dispositions(q, &ign, &cgt);
    int tpgid = ctty_foreground(q);
    put(t, "%d (%s) %c %d %d %d %d %d", q->pid, q->comm, state_of(q),
        q->parent ? q->parent->pid : 0, q->pgid, q->sid,
        tpgid >= 0 ? DEV_CONSOLE : 0, tpgid);
    put(t, " 0 0 0 0 0 0 0 0 0");                 /* flags, faults, times */
    put(t, " 20 0 1 0 0 0 0");                    /* priority nice threads ... rss */
    put(t, " %llu", (unsigned long long)q->rlimits[RLIMIT_RSS].rlim_cur);
    put(t, " 0 0 0 0 0");                         /* code, stack, esp, eip */
    put(t, " %llu %llu %llu %llu", (unsigned long long)q->sig_pending,
        (unsigned long long)q->sig_mask, (unsigned long long)ign,
        (unsigned long long)cgt);
    put(t, " 0 0 0 %d 0 0 0", SIGCHLD);           /* wchan ... exit_signal ... policy */
    put(t, " 0 0 0 0 0 0 0 0 0 0");               /* io, guest, data, args, env */
    put(t, " %d\n", q->state == P_ZOMBIE ? q->exit_status : 0);
}

static void gen_status(struct proc *q, struct text *t)
{
    char st = state_of(q);
    k_sigset_t ign, cgt;
    sig_dispositions(q, &ign, &cgt);
    put(t, "Name:\t%s\nUmask:\t0%c%c%c\nState:\t%c (%s)\n", q->comm,
        '0' + (q->umask >> 6 & 7), '0' + (q->umask >> 3 & 7), '0' + (q->umask & 7),
        st, state_name(st));
    put(t, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n", q->pid, q->pid,
        q->parent ? q->parent->pid : 0);
    put(t, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n", q->uid, q->uid, q->uid, q->uid,
        q->gid, q->gid, q->gid, q->gid);
    put(t, "FDSize:\t%d\nThreads:\t1\n", NOFILE);
    put(t, "SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\n",
        (unsigned long long)q->sig_pending, 0ULL, (unsigned long long)q->sig_mask);
    put(t, "SigIgn:\t%016llx\nSigCgt:\t%016llx\n", (unsigned long long)ign,
        (unsigned long long)cgt);
}

/* ---- the table of files ----------------------------------------------------- */

struct node {
    const char *name;
    int         kind;
    enum itype  type;
    uint32_t    mode;
    void      (*gen)(struct text *t);               /* the top's files */
    void      (*pgen)(struct proc *q, struct text *t);  /* a process's */
};

static const struct node top_nodes[] = {
    { "self",    PK_SELF,    I_LNK,  0777, NULL, NULL },
    { "uptime",  PK_UPTIME,  I_PROC, 0444, gen_uptime, NULL },
    { "meminfo", PK_MEMINFO, I_PROC, 0444, gen_meminfo, NULL },
    { "version", PK_VERSION, I_PROC, 0444, gen_version, NULL },
    { "mounts",  PK_MOUNTS,  I_PROC, 0444, gen_mounts, NULL },
    { "cpuinfo", PK_CPUINFO, I_PROC, 0444, gen_cpuinfo, NULL },
};
static const struct node hostname_node =
    { "hostname", PK_HOSTNAME, I_PROC, 0644, gen_hostname, NULL };

static const struct node pid_nodes[] = {
    { "cmdline", PK_CMDLINE, I_PROC, 0444, NULL, gen_cmdline },
    { "comm",    PK_COMM,    I_PROC, 0444, NULL, gen_comm },
    { "stat",    PK_STAT,    I_PROC, 0444, NULL, gen_stat },
    { "status",  PK_STATUS,  I_PROC, 0444, NULL, gen_status },
    { "fd",      PK_FD,      I_DIR,  0500, NULL, NULL },
    { "cwd",     PK_CWD,     I_LNK,  0777, NULL, NULL },
    { "exe",     PK_EXE,     I_LNK,  0777, NULL, NULL },
};

static const struct node *node_of(int kind)
{
    for (size_t i = 0; i < ARRAY_SIZE(top_nodes); i++)
        if (top_nodes[i].kind == kind)
            return &top_nodes[i];
    for (size_t i = 0; i < ARRAY_SIZE(pid_nodes); i++)
        if (pid_nodes[i].kind == kind)
            return &pid_nodes[i];
    return kind == PK_HOSTNAME ? &hostname_node : NULL;
}

/* ---- making and removing nodes ---------------------------------------------- */

/* A node of kind in dir, for process pid (0: none). NULL: no memory. */
static struct inode *add(struct inode *dir, const char *name, enum itype type,
                         uint32_t mode, int kind, int pid)
{
    struct inode *ip = ramfs_alloc(type, mode, NULL);
    if (!ip)
        return NULL;
    ip->proc_kind = kind;
    ip->proc_pid = pid;
    if (dir_add(dir, name, ip) < 0) {
        iget(ip);                       /* never linked: this frees it */
        iput(ip);
        return NULL;
    }
    return ip;
}

/* Remove every name in dir, and in its subdirectories, and mark what they
 * named as gone: an open file of it reads as ESRCH. */
static void empty_dir(struct inode *dir)
{
    while (dir->entries) {
        struct dirent_node *d = dir->entries;
        d->ip->proc_pid = 0;
        if (d->ip->type == I_DIR)
            empty_dir(d->ip);
        char name[NAME_MAX + 1];
        kstrlcpy(name, d->name, sizeof name);
        dir_remove(dir, name);
    }
}

static void pid_name(int pid, char name[12])
{
    ksnprintf(name, 12, "%d", pid);
}

/* A new process's directory, made by proc_alloc: the directory alone, its
 * files when it is first searched or listed (fill_pid_dir), so that a
 * process no one looks at costs two blocks of heap. Without memory for it
 * the process runs without one. */
void procfs_proc_new(struct proc *q)
{
    char name[12];
    pid_name(q->pid, name);
    if (proc_root && !dir_lookup(proc_root, name))
        add(proc_root, name, I_DIR, 0555, PK_PID, q->pid);
}

/* The files of a process's directory, all or (no memory) none. */
static void fill_pid_dir(struct inode *dir, struct proc *q)
{
    for (size_t i = 0; i < ARRAY_SIZE(pid_nodes); i++) {
        const struct node *n = &pid_nodes[i];
        if (!add(dir, n->name, n->type, n->mode, n->kind, q->pid)) {
            empty_dir(dir);
            return;
        }
    }
}

/* The process is reaped: its directory goes. */
void procfs_proc_gone(struct proc *q)
{
    char name[12];
    pid_name(q->pid, name);
    struct inode *dir = proc_root ? dir_lookup(proc_root, name) : NULL;
    if (!dir || dir->proc_kind != PK_PID)
        return;
    dir->proc_pid = 0;
    empty_dir(dir);
    dir_remove(proc_root, name);
}

void procfs_init(void)
{
    kstrlcpy(host_name, "duplex", sizeof host_name);
    proc_root = ramfs_alloc(I_DIR, 0555, NULL);
    if (!proc_root || dir_add(vfs_root(), "proc", proc_root) < 0)
        panic("procfs_init: no memory for /proc");
    proc_root->proc_kind = PK_ROOT;
    for (size_t i = 0; i < ARRAY_SIZE(top_nodes); i++) {
        const struct node *n = &top_nodes[i];
        if (!add(proc_root, n->name, n->type, n->mode, n->kind, 0))
            panic("procfs_init: no memory for /proc");
    }
    struct inode *sys = add(proc_root, "sys", I_DIR, 0555, PK_DIR, 0);
    struct inode *kern = sys ? add(sys, "kernel", I_DIR, 0555, PK_DIR, 0) : NULL;
    if (!kern || !add(kern, hostname_node.name, I_PROC, hostname_node.mode, PK_HOSTNAME, 0))
        panic("procfs_init: no memory for /proc");
}

/* ---- links ------------------------------------------------------------------- */

/* Depth-first search of the tree under dir for a name of ip; its path into
 * path[0, len) (the caller's prefix) and on. Hard links: the first found. */
static bool find_name(struct inode *dir, struct inode *ip, char *path, size_t len,
                      int depth)
{
    if (depth > 32)
        return false;
    for (struct dirent_node *d = dir->entries; d; d = d->next) {
        size_t n = strlen(d->name);
        if (len + 1 + n + 1 > PATH_MAX)
            continue;
        path[len] = '/';
        memcpy(path + len + 1, d->name, n + 1);
        if (d->ip == ip)
            return true;
        if (d->ip->type == I_DIR && d->ip != dir &&
            find_name(d->ip, ip, path, len + 1 + n, depth + 1))
            return true;
    }
    path[len] = '\0';
    return false;
}

/* Where the file of a descriptor is, as Linux shows it: a path, or
 * "pipe:[N]", "socket:[N]", "anon_inode:[kind]" for what has none. */
static void describe_file(struct file *f, char *out)
{
    struct inode *ip = f->ip;
    if (f->type == F_PIPE && !ip) {
        ksnprintf(out, PATH_MAX, "pipe:[%u]", pipe_id(f->pipe));
    } else if (f->type == F_OBJ) {
        if (is_socket(f))
            ksnprintf(out, PATH_MAX, "socket:[%u]", sock_file_id(f));
        else
            ksnprintf(out, PATH_MAX, "anon_inode:[%s]", f->ops->name);
    } else if (ip->type == I_DIR) {
        if (dir_path(ip, out, PATH_MAX) < 0)
            kstrlcpy(out, "/ (deleted)", PATH_MAX);
    } else if (!find_name(vfs_root(), ip, out, 0, 0)) {
        kstrlcpy(out, "/ (deleted)", PATH_MAX);      /* unlinked: its name is lost */
    }
}

/* link's target for p, which follows or reads it, into target (PATH_MAX
 * bytes): its length, or -ENOENT when there is none (a process gone, a
 * descriptor closed, a zombie's cwd). */
long procfs_link(struct proc *p, struct inode *link, char *target)
{
    struct proc *q = proc_or_embryo(link->proc_pid);
    long r = 0;
    if (link->proc_kind == PK_SELF) {
        ksnprintf(target, PATH_MAX, "%d", p ? p->pid : 0);
    } else if (!q) {
        r = -ENOENT;
    } else if (link->proc_kind == PK_FDLINK) {
        struct file *f = fd_get(q, link->proc_fd);
        if (f)
            describe_file(f, target);
        else
            r = -ENOENT;
    } else if (link->proc_kind == PK_CWD) {
        r = q->cwd ? dir_path(q->cwd, target, PATH_MAX) : -ENOENT;
    } else if (q->exe) {
        if (!find_name(vfs_root(), q->exe, target, 0, 0))
            kstrlcpy(target, "/ (deleted)", PATH_MAX);
    } else {
        r = -ENOENT;
    }
    return r < 0 ? r : (long)strlen(target);
}

/* ---- directories that follow the kernel's state -------------------------------- */

static void own(struct inode *ip, struct proc *q)
{
    ip->uid = q->uid;
    ip->gid = q->gid;
}

/* Does dir hold exactly the links of q's open descriptors, in order? */
static bool fds_match(struct inode *dir, struct proc *q)
{
    struct dirent_node *d = dir->entries;
    for (int fd = 0; fd < NOFILE; fd++) {
        if (!q || !fd_get(q, fd))
            continue;
        if (!d || d->ip->proc_fd != fd)
            return false;
        d = d->next;
    }
    return d == NULL;
}

/* fd/: a link N for each open descriptor N of q, in the order of the
 * numbers (the list is made again when it changed), its mode telling how
 * the file is open: lr-x, l-wx, lrwx, as ls shows them on Linux. */
static void refresh_fds(struct inode *dir, struct proc *q)
{
    if (!fds_match(dir, q)) {
        empty_dir(dir);
        for (int fd = 0; q && fd < NOFILE; fd++) {
            char name[12];
            pid_name(fd, name);
            struct inode *ip = fd_get(q, fd) ?
                add(dir, name, I_LNK, 0, PK_FDLINK, q->pid) : NULL;
            if (ip)
                ip->proc_fd = fd;
        }
    }
    for (struct dirent_node *d = dir->entries; d; d = d->next) {
        struct file *f = fd_get(q, d->ip->proc_fd);
        d->ip->mode = 0100 | (FILE_READABLE(f) ? 0400 : 0) | (FILE_WRITABLE(f) ? 0200 : 0);
        own(d->ip, q);
    }
}

/* dir is about to be searched or listed: bring it up to date. */
void procfs_refresh(struct inode *dir)
{
    struct proc *q = proc_or_embryo(dir->proc_pid);
    if (dir->proc_kind == PK_FD) {
        refresh_fds(dir, q);
    } else if (dir->proc_kind == PK_PID && q) {
        if (!dir->entries)
            fill_pid_dir(dir, q);
        own(dir, q);                    /* setuid changes who owns it */
        for (struct dirent_node *d = dir->entries; d; d = d->next)
            own(d->ip, q);
    } else if (dir->proc_kind == PK_ROOT) {
        for (struct dirent_node *d = dir->entries; d; d = d->next)
            if (d->ip->proc_kind == PK_PID && (q = proc_or_embryo(d->ip->proc_pid)))
                own(d->ip, q);
    }
}

/* ---- reading and writing ------------------------------------------------------ */

/* The text of f's file now: 0, or -ESRCH once its process is gone. */
static long generate(struct file *f)
{
    const struct node *n = node_of(f->ip->proc_kind);
    struct proc *q = NULL;
    if (n->pgen && (!f->ip->proc_pid || !(q = proc_find(f->ip->proc_pid))))
        return -ESRCH;
    struct made *m = kalloc(sizeof *m + TEXT_MAX);
    if (!m)
        return -ENOMEM;
    struct text t = { m->text, 0 };
    if (n->pgen)
        n->pgen(q, &t);
    else
        n->gen(&t);
    m->len = t.len;
    kfree(f->obj);
    f->obj = m;
    return 0;
}

long procfs_read(struct proc *p, struct file *f, uptr buf, size_t n)
{
    if (f->off == 0 || !f->obj) {
        long r = generate(f);
        if (r < 0)
            return r;
    }
    struct made *m = f->obj;
    if (f->off >= (int64_t)m->len)
        return 0;
    size_t k = MIN(n, m->len - (size_t)f->off);
    if (copyout(p, buf, m->text + f->off, k) < 0)
        return -EFAULT;
    f->off += (int64_t)k;
    return (long)k;
}

/* The host name is what was written, up to a newline, as sethostname
 * would set it (root only: the file is 0644 root's). */
static long write_hostname(struct proc *p, struct file *f, uptr buf, size_t n)
{
    char name[sizeof host_name + 1];
    size_t len = n;
    if (len > sizeof host_name)
        return -EINVAL;
    if (copyin(p, name, buf, len) < 0)
        return -EFAULT;
    if (len > 0 && name[len - 1] == '\n')
        len--;
    if (len >= sizeof host_name)
        return -EINVAL;
    name[len] = '\0';
    kstrlcpy(host_name, name, sizeof host_name);
    f->off += (int64_t)n;
    return (long)n;
}

long procfs_write(struct proc *p, struct file *f, uptr buf, size_t n)
{
    int kind = f->ip->proc_kind;
    if (kind == PK_HOSTNAME)
        return write_hostname(p, f, buf, n);
    return node_of(kind)->pgen ? -EINVAL : -EIO;
}
