/*
 * kernel.h - the kernel's internal structures and the functions each
 * subsystem offers the others. One section per file.
 *
 * The kernel is single-threaded and never sleeps on its own stack: a system
 * call runs to completion or returns KERN_BLOCK after putting the caller on
 * a wait queue (see sched.c). So there are no locks, and global state is
 * only ever touched by one call at a time.
 */
#ifndef DUPLEX_KERNEL_H
#define DUPLEX_KERNEL_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdarg.h>

#include "platform.h"
#include "uapi/types.h"
#include "uapi/errno.h"
#include "uapi/limits.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"
#include "uapi/signal.h"
#include "uapi/wait.h"
#include "uapi/termios.h"
#include "uapi/dirent.h"
#include "uapi/spawn.h"
#include "uapi/proc.h"
#include "uapi/time.h"
#include "uapi/syscall.h"
#include "uapi/poll.h"
#include "uapi/mman.h"
#include "uapi/resource.h"

/* ---- lib.c, string.c: the kernel's own small C library ----------------- */

/* string.c: the compiler may emit calls to these itself. The host unit
 * tests link the host's versions instead. */
void  *memcpy(void *dst, const void *src, size_t n);
void  *memmove(void *dst, const void *src, size_t n);
void  *memset(void *dst, int c, size_t n);
int    memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int    strcmp(const char *a, const char *b);
int    strncmp(const char *a, const char *b, size_t n);

/* The kernel is built freestanding, where the compiler does not know these
 * names: said as builtins, a copy or a clear of a known small size (a
 * canary, a structure) becomes a few loads and stores instead of a call to
 * a loop; other sizes still call the functions above. */
#define memcpy(d, s, n)  __builtin_memcpy(d, s, n)
#define memset(d, c, n)  __builtin_memset(d, c, n)

/* lib.c */
size_t kstrlcpy(char *dst, const char *src, size_t size);
int    ksnprintf(char *buf, size_t size, const char *fmt, ...);
int    kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
void   kprintf(const char *fmt, ...);               /* to the console */
void   panic(const char *fmt, ...) __attribute__((noreturn));

#define KASSERT(c) do { if (!(c)) panic("assertion failed: %s (%s:%d)", \
                                        #c, __FILE__, __LINE__); } while (0)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* ---- kalloc.c: the kernel heap ------------------------------------------ */

#define KALLOC_ALIGN 16                  /* every block starts at a multiple of it */

void   kalloc_init(void *base, size_t len);
void  *kalloc(size_t n);                 /* NULL when out of memory */
void  *kzalloc(size_t n);                /* zeroed */
void  *krealloc(void *p, size_t n);      /* NULL on failure, p untouched */
void   kfree(void *p);                   /* NULL is fine */
char  *kstrdup(const char *s);

/* Counts of live objects, kept by each subsystem (uapi/proc.h). */
extern struct k_kstat kstats;

/* ---- sched.c: run queue, wait queues, timers ---------------------------- */

/* A wait queue: the processes blocked until something happens to an
 * object. A process is on a queue through one of its wait entries; it has
 * NWAIT of them, so that poll can wait on several queues at once (every
 * other blocking call uses one). A wakeup on any of them takes the process
 * off all of them. */
struct wait_entry {
    struct proc       *p;
    struct waitq      *wq;
    struct wait_entry *next;        /* the next waiter on wq */
};

struct waitq {
    struct wait_entry *head;
};

#define NWAIT (2 * NOFILE)          /* a read and a write queue per descriptor */

void sched_init(void);
void make_runnable(struct proc *p);       /* append to the run queue */
void runq_remove(struct proc *p);

/* Put p to sleep on wq (wq may be NULL: a timer alone will wake it) with a
 * short description for ps ("pipe read", "wait"). Returns KERN_BLOCK, so a
 * system call ends with `return sleep_on(p, &obj->wq, "obj read");`. */
long sleep_on(struct proc *p, struct waitq *wq, const char *what);
/* Also wait on wq at the next sleep_on (poll, for each descriptor); a
 * queue named twice is waited on once. A call that then does not sleep
 * must drop them with wait_cancel. */
void wait_also(struct proc *p, struct waitq *wq);
void wait_cancel(struct proc *p);
/* p->wait_buf, holding the text of fmt: for a `what` made up at the wait. */
const char *wait_text(struct proc *p, const char *fmt, ...);

/* Also wake p at deadline (monotonic ns) if nothing else does first.
 * Call before sleep_on. */
void sleep_until(struct proc *p, uint64_t deadline);

void wakeup(struct waitq *wq);            /* every waiter becomes runnable */
void wakeup_one(struct waitq *wq);        /* the longest waiter only */
void wakeup_proc(struct proc *p);         /* take p off its queues and timer */
void sched_detach(struct proc *p);        /* off every queue, not made runnable */
bool waitq_empty(struct waitq *wq);
/* The processes waiting on wq, longest waiter first. */
#define waitq_for_each(e, wq) for (struct wait_entry *e = (wq)->head; e; e = e->next)
uint64_t now_ns(void);

/* Ask the platform for the earliest deadline or alarm of any process. */
void timer_reprogram(void);

/* ---- itimer.c: the real-time interval timer (setitimer, alarm) ---------- */

/* SIGALRM for p at deadline (monotonic ns; 0: disarm), then every
 * interval ns if that is not 0. Not inherited by fork; kept by exec. */
void alarm_set(struct proc *p, uint64_t deadline, uint64_t interval);
void itimer_fire(struct proc *p, uint64_t now);    /* kernel_tick: p's alarm is due */

/* ---- proc.c: the process table ------------------------------------------ */

enum pstate {
    P_UNUSED = 0,
    P_RUNNABLE,     /* on the run queue */
    P_RUNNING,      /* handed to the platform by kernel_next */
    P_BLOCKED,      /* on a wait queue and/or a timer */
    P_STOPPED,      /* by SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU */
    P_ZOMBIE,       /* exited, waiting to be reaped */
    P_EMBRYO,       /* being set up by spawn */
};

struct file;
struct inode;

struct proc {
    enum pstate state;
    int         pid, pgid, sid;
    struct proc *parent;
    k_uid_t     uid;
    k_gid_t     gid;
    uint32_t    umask;
    int         exit_status;        /* wait status once a zombie */
    int         report;             /* stop/continue status not yet seen by wait4 */
    char        cmdline[128];       /* argv, each argument followed by a NUL ... */
    uint8_t     cmdline_len;        /* ... up to here */
    struct inode *exe;              /* the program's file (/proc/N/exe); NULL once exited */
    char        comm[16];           /* its name: the end of the path it was started by */

    /* scheduling (sched.c) */
    struct proc  *rq_next;          /* run queue */
    struct wait_entry waits[NWAIT]; /* the queues p sleeps on: [0, nwaits) */
    int           nwaits;
    uint64_t      deadline;         /* timer wakeup, 0 for none */
    uint64_t      alarm;            /* SIGALRM due (monotonic ns), 0 for none */
    uint64_t      alarm_interval;   /* ... and again this often, 0: once */
    const char   *wait_what;        /* why p sleeps, for ps: text that outlives the wait */
    char          wait_buf[32];     /* for a text made up at the wait (wait_text) */
    struct waitq  child_wait;       /* where p sleeps in wait4 */

    /* restartable calls (syscall.c) */
    bool          blocked_call;     /* the last call returned KERN_BLOCK */
    bool          restarted;        /* this call re-issues a blocked one */
    bool          interrupted;      /* a signal woke p from a blocked call */
    struct {                        /* state a call keeps across a block */
        uint64_t     deadline;      /* nanosleep's wakeup time */
        struct file *file;          /* a FIFO open in progress */
        uint32_t     gen;           /* a counter the call waits to change */
        const void  *fetch;         /* the file whose fetch it waits for (lazy.c) */
        bool         poll;          /* poll waits on queues of others' kinds */
        const void  *futex_obj;     /* the word a futex wait sleeps on ... */
        uptr         futex_off;
        bool         futex_woken;   /* ... and FUTEX_WAKE woke it */
        bool         sigsuspend;    /* sigsuspend (or ppoll) replaced the mask ... */
        k_sigset_t   saved_mask;    /* ... and this is the one to restore */
    } call;
    struct trace *trace;            /* trace.c: NULL unless traced or tracing */

    /* files (file.c) */
    struct file  *ofile[NOFILE];
    uint64_t      cloexec;          /* bit fd: close-on-exec */
    struct inode *cwd;

    /* signals (signal.c) */
    k_sigset_t    sig_pending;
    k_sigset_t    sig_mask;
    struct k_sigaction sig_action[NSIG];

    struct k_rlimit rlimits[RLIM_NLIMITS];  /* rlimit.c: inherited, kept by exec */

    void         *ctx;              /* the platform's, never looked into */
};

extern struct proc procs[NPROC];

void         proc_init(void);
struct proc *proc_alloc(struct proc *parent);   /* NULL: table full */
void         proc_free(struct proc *p);         /* an unused or reaped slot */
struct proc *proc_find(int pid);                /* a live or zombie process */
void         proc_set_cmdline(struct proc *p, char *const argv[]);
/* p ends with wait status `status`: files closed, children given to init,
 * context destroyed, parent told. */
void         proc_exit(struct proc *p, int status);
struct proc *proc_init_proc(void);              /* pid 1 */
void         proc_notify_parent(struct proc *p); /* wake it, SIGCHLD */
void         call_abandon(struct proc *p);      /* drop a blocked call's state */

/* sysproc.c */
int  spawn_load(struct proc *child, struct proc *parent, const char *path,
                char *const argv[], char *const envp[]);
/* The process in table slot `slot`, or in the next slot in use, as ps shows
 * it (procinfo): the slot after it, 0 after the last. */
long proc_info(long slot, struct k_procinfo *pi);
void uname_fill(struct k_utsname *u);   /* what uname(2) says */

/* rlimit.c */
void rlimit_init(struct proc *p, struct proc *parent);  /* parent's, or init's */
int  fd_limit(struct proc *p);           /* descriptors must be below this */
bool nproc_reached(struct proc *p);      /* p's user may have no more processes */
long fsize_clip(struct proc *p, int64_t off, size_t *n);  /* -EFBIG + SIGXFSZ */
long fsize_check(struct proc *p, int64_t len);            /* the same, ftruncate */

/* ---- signal.c: recording signals; delivery is the platform's ------------- */

void signal_init_proc(struct proc *p, struct proc *parent);
/* Send sig to p on behalf of sender (NULL: the kernel). 0 or -errno. */
int  signal_send(struct proc *p, int sig);
int  signal_send_group(int pgid, int sig);   /* -ESRCH if the group is empty */
bool signal_should_interrupt(struct proc *p);   /* a handler is due */
bool signal_restart_ok(struct proc *p);         /* every due handler has SA_RESTART */
void signal_exec_reset(struct proc *p);         /* handlers back to SIG_DFL */
bool sig_is_ignored(struct proc *p, int sig);

/* ---- syscall.c ----------------------------------------------------------- */

typedef long sysfn_t(struct proc *p, const long *a);

/* Helpers that read system-call arguments from user memory. */
long copyin_path(struct proc *p, char *buf, uptr upath);  /* 0 or -errno */
int  copyin(struct proc *p, void *dst, uptr src, size_t n);
int  copyout(struct proc *p, uptr dst, const void *src, size_t n);

/* ---- vfs.c, ramfs.c: the file system -------------------------------------- */

enum itype { I_DIR = 1, I_REG, I_FIFO, I_CHR, I_SOCK, I_MQUEUE, I_LNK,
             I_PROC };                 /* a file of /proc: made at read (procfs.c) */

struct dirent_node {              /* one name in a directory */
    struct dirent_node *next;
    struct inode       *ip;
    char                name[];
};

struct pipe;

struct inode {
    uint32_t     ino;
    enum itype   type;
    uint32_t     mode;            /* permission bits only */
    uint32_t     nlink;           /* names that refer to it */
    int          ref;             /* open files, cwds and lookups in progress */
    k_uid_t      uid;
    k_gid_t      gid;
    int64_t      mtime, ctime, atime;   /* realtime ns, negative before 1970 */

    /* I_REG; an I_LNK's target is its data (no NUL) */
    char        *data;
    int64_t      size;
    size_t       cap;
    struct memobj *mem;           /* mapped shared once: data is this object's (mman.c) */
    struct lazy  *lazy;           /* bytes not here yet: the platform brings them (lazy.c) */
    uint64_t     content_id;      /* this version of the bytes: no other file or
                                   * version has had it since boot (ramfs.c) */

    /* I_DIR */
    struct dirent_node *entries;
    struct inode       *parent;   /* for ".." */

    /* I_FIFO */
    struct pipe *pipe;            /* while any end is open */
    uint32_t     fifo_readers_gen, fifo_writers_gen;  /* opens so far */
    struct waitq fifo_wq;         /* opens waiting for the other end */

    /* I_CHR */
    int          dev;             /* index into devsw */

    /* I_SOCK: a socket's name in the file system (ipc/sock_addr.c) */
    struct sock *sock;            /* the socket bound to it; NULL once it closed */

    /* I_MQUEUE: a POSIX message queue in /dev/mqueue (ipc/mqueue.c) */
    struct mqueue *mq;

    /* a node of /proc (procfs.c): its kind (0: not one), its process, and
     * for a link of fd/ the descriptor */
    int          proc_kind, proc_pid, proc_fd;
};

void          vfs_init(void);
struct inode *vfs_root(void);          /* no reference taken: it never goes */
/* Resolve path (absolute or relative to p's cwd). On success the inode is
 * returned with a reference the caller must drop with iput. */
long          namei(struct proc *p, const char *path, struct inode **out);
/* Resolve all but the last component: the parent directory (referenced)
 * and the last name, copied into name (NAME_MAX + 1 bytes). */
long          nameiparent(struct proc *p, const char *path, struct inode **dir,
                          char *name);
/* The same from directory at (NULL: the cwd) for a relative path; namei_at
 * follows a symbolic link in the last component only if follow. */
long          namei_at(struct proc *p, struct inode *at, const char *path, bool follow,
                       struct inode **out);
long          nameiparent_at(struct proc *p, struct inode *at, const char *path,
                             struct inode **dir, char *name);
void          iget(struct inode *ip);
void          iput(struct inode *ip);  /* drop a ref; free if unlinked and unused */
bool          may_access(struct proc *p, struct inode *ip, int want);  /* R_OK... */
void          stat_inode(struct inode *ip, struct k_stat *st);
long          dir_path(struct inode *dir, char *out, size_t size);   /* sysfile.c */

/* ramfs.c: storage */
struct inode *ramfs_alloc(enum itype type, uint32_t mode, struct proc *owner);
struct inode *dir_lookup(struct inode *dir, const char *name);
long          dir_link(struct inode *dir, const char *name, struct inode *ip);
long          dir_unlink(struct inode *dir, const char *name);
/* The same for the names a file system makes itself (procfs.c): dir_link
 * and dir_unlink refuse a directory of /proc, as Linux's does. */
long          dir_add(struct inode *dir, const char *name, struct inode *ip);
long          dir_remove(struct inode *dir, const char *name);
/* Move a name, replacing what newname named; all or (-ENOMEM) nothing. */
long          dir_rename(struct inode *olddir, const char *oldname,
                         struct inode *newdir, const char *newname);
bool          dir_is_empty(struct inode *dir);
long          ramfs_read(struct inode *ip, struct proc *p, uptr buf, size_t n, int64_t off);
long          ramfs_write(struct inode *ip, struct proc *p, uptr buf, size_t n, int64_t off);
/* Copy up to n bytes from off into kernel memory (splice): the count, 0 at
 * the end of the file. */
size_t        ramfs_read_kernel(struct inode *ip, void *dst, size_t n, int64_t off);
long          ramfs_truncate(struct inode *ip, int64_t len);
long          ramfs_write_kernel(struct inode *ip, const void *src, size_t n);
long          ramfs_fill(struct inode *ip, const void *src, size_t len);   /* lazy.c's */
void          ramfs_changed(void);     /* a change ramfs.c does not see (chmod) */
uint64_t      ramfs_changes(void);     /* changes to the tree so far (share.c) */
/* Create a file, directory or symbolic link (data: its target) at path
 * from kernel memory (the initramfs). */
long          ramfs_create_path(const char *path, enum itype type, uint32_t mode,
                                const void *data, size_t len);

/* ---- file.c: open files and descriptor tables ----------------------------- */

enum ftype { F_INODE = 1, F_PIPE, F_OBJ };

/* What a descriptor is ready for (poll.c): the POLL* events of f among
 * `events` that hold now. With a waiter, it also puts the waiter on the
 * queues whose wakeups may change that (wait_also), as a blocked read or
 * write would wait on them. */
typedef unsigned pollfn_t(struct file *f, unsigned events, struct proc *waiter);

/* An F_OBJ file is a handle on a kernel object that is neither an inode nor
 * a pipe - a channel end, a port capability, a POSIX semaphore. Its
 * operations live with the object, in ipc/; read and write may be NULL
 * (the calls then fail with EINVAL), and so may poll (always ready).
 * Descriptors give such handles their lifetime for free: dup, inheritance
 * through spawn and fork, close-on-exec, and release at exit. */
struct fileops {
    const char *name;
    void (*close)(struct file *f);                 /* the last reference went */
    long (*read)(struct proc *p, struct file *f, uptr buf, size_t n);
    long (*write)(struct proc *p, struct file *f, uptr buf, size_t n);
    pollfn_t *poll;
};

struct file {
    enum ftype    type;
    int           ref;
    uint32_t      flags;          /* O_ACCMODE, O_APPEND, O_NONBLOCK */
    int64_t       off;
    struct inode *ip;             /* F_INODE, and F_PIPE for a FIFO */
    struct pipe  *pipe;           /* F_PIPE */
    bool          peer_pending;   /* a FIFO opened by spawn: see fifo_wait_peer */
    uint32_t      peer_gen;       /* a FIFO: the other side's opens when this one opened */
    const struct fileops *ops;    /* F_OBJ */
    void         *obj;            /* F_OBJ: the object; an I_PROC file: its text (procfs.c) */
};

#define FILE_READABLE(f) (((f)->flags & O_ACCMODE) != O_WRONLY)
#define FILE_WRITABLE(f) (((f)->flags & O_ACCMODE) != O_RDONLY)

/* Kernel-internal open flag: the open is made by spawn for a child that has
 * not run yet, so it must not block. A FIFO open that would wait for the
 * other end instead makes the child's first read or write on it wait. */
#define O_SPAWN_DEFER 0x40000000

struct file *file_alloc(void);
void         file_dup(struct file *f);          /* one more reference */
void         file_close(struct file *f);        /* one reference less */
long         file_read(struct proc *p, struct file *f, uptr buf, size_t n);
long         file_write(struct proc *p, struct file *f, uptr buf, size_t n);
struct file *fd_get(struct proc *p, int fd);    /* NULL: bad fd */
int          fd_alloc(struct proc *p, struct file *f, int lowest);  /* -EMFILE */
int          fd_free(struct proc *p);    /* the lowest free descriptor, or -EMFILE */
void         fd_close_all(struct proc *p);
void         fd_close_on_exec(struct proc *p);
void         fd_inherit(struct proc *child, struct proc *parent);  /* all, with cloexec marks */
long         file_open(struct proc *p, const char *path, int flags, uint32_t mode,
                       struct file **out);      /* may return KERN_BLOCK */

/* ---- dev.c: character devices --------------------------------------------- */

struct devsw {
    const char *name;
    uint32_t mode;              /* of its node in /dev (owned by root) */
    long (*open)(struct proc *p, int flags);      /* may be NULL */
    long (*read)(struct proc *p, struct file *f, uptr buf, size_t n);
    long (*write)(struct proc *p, struct file *f, uptr buf, size_t n);
    long (*ioctl)(struct proc *p, struct file *f, unsigned long req, uptr arg);
    pollfn_t *poll;                                /* NULL: always ready */
};
enum { DEV_NULL = 1, DEV_ZERO, DEV_TTY, DEV_CONSOLE, DEV_HOSTOUT, DEV_HOSTERR, DEV_HOSTIN,
       DEV_STDIN, DEV_STDOUT, DEV_STDERR, DEV_FULL, DEV_URANDOM, DEV_RANDOM, NDEV };
extern const struct devsw devsw[NDEV];
/* /dev/stdin, /dev/stdout, /dev/stderr and /dev/fd/N: the open file of
 * descriptor N, as dup(N) gives it. */
bool         dev_fd_path(const char *path, int *fd);
long         dev_fd_open(struct proc *p, int fd, int flags, struct file **out);
void dev_init(void);          /* creates /dev and its nodes */

/* ---- procfs.c: /proc ------------------------------------------------------- */

void procfs_init(void);                 /* makes /proc, before process 1 */
void procfs_proc_new(struct proc *q);   /* proc_alloc: its /proc/N */
void procfs_proc_gone(struct proc *q);  /* proc_free: /proc/N goes */
void procfs_refresh(struct inode *dir); /* a dir of /proc is searched or listed */
/* A link's target as p sees it, into target (PATH_MAX bytes): its length or -errno. */
long procfs_link(struct proc *p, struct inode *link, char *target);
long procfs_read(struct proc *p, struct file *f, uptr buf, size_t n);
long procfs_write(struct proc *p, struct file *f, uptr buf, size_t n);
const char *hostname(void);             /* uname's node name */

/* ---- tty.c: the console's line discipline -------------------------------- */

void tty_init(void);
long tty_read(struct proc *p, struct file *f, uptr buf, size_t n);
long tty_write(struct proc *p, struct file *f, uptr buf, size_t n);
long tty_ioctl(struct proc *p, struct file *f, unsigned long req, uptr arg);
pollfn_t tty_poll;
void tty_input(const char *buf, size_t n);
size_t tty_output_take(char *buf, size_t max);   /* for the platform */
void tty_print(const char *s, size_t n);  /* kernel messages, through the queue */
void tty_resize(int rows, int cols);
void tty_wake_readers(void);          /* who may read changed: look again */
long put_int(struct proc *p, uptr arg, int32_t v);  /* an ioctl's int answer */

/* ---- ctty.c: the console as a controlling terminal ------------------------ */

void ctty_init(void);
/* May p use the console now? 0, or -errno, or KERN_RESTART (its group was
 * stopped: issue the call again once continued). */
long ctty_check_read(struct proc *p);
long ctty_check_write(struct proc *p, bool tostop);
long ctty_check_change(struct proc *p);    /* termios, window size */
long ctty_open_console(struct proc *p, int flags);   /* may make it p's ctty */
long ctty_open_tty(struct proc *p);        /* /dev/tty: -ENXIO without a ctty */
void ctty_signal_foreground(int sig);
struct proc *ctty_leader(void);            /* the console session's leader, or NULL */
int  ctty_foreground(struct proc *p);      /* the foreground group of p's terminal, or -1 */
long ctty_ioctl(struct proc *p, struct file *f, unsigned long req, uptr arg);
bool pgrp_orphaned(int pgid);              /* POSIX's orphaned process group */

/* What a process's exit changes for job control: begin before it lets go
 * of its children, end once it is a zombie (proc_exit). */
struct ctty_exit {
    int hangup;                 /* the foreground group to hang up, or 0 */
    int norphans;
    int orphans[NPROC];         /* groups its exit leaves orphaned */
};
void ctty_exit_begin(struct proc *p, struct ctty_exit *x);
void ctty_exit_end(const struct ctty_exit *x);
void ctty_spawn_undone(struct proc *c);    /* a child that never ran */

/* ---- initramfs.c, share.c: archives, files in and out ------------------------ */

long initramfs_unpack(const void *archive, size_t len);   /* files created, or -errno */

/* The type letter of an archive entry for a file whose bytes are fetched at
 * first use (lazy.c): its size field is the file's size, no data follows,
 * and its link-name field is the platform's name for the bytes. */
#define TAR_LAZY 'F'

/* ---- lazy.c: files whose bytes arrive at first use ------------------------- */

/* Make the regular file path, size bytes long, whose bytes the platform
 * knows as name. 0 or -errno (-EEXIST: path exists). */
long        lazy_make(const char *path, uint32_t mode, size_t size, const char *name);
const char *lazy_name(const struct inode *ip);   /* NULL: its bytes are here */
/* 0 once ip's bytes are here; else the fetch is started or waited for
 * (KERN_BLOCK), or it failed (-EIO); without may_wait, -EIO at once. */
long        lazy_ready(struct proc *p, struct inode *ip, bool may_wait);
long        lazy_ready_path(struct proc *p, const char *path);  /* the same, by path */

/* script.c */
#define SCRIPT_DEPTH 4           /* interpreters that are scripts themselves, at most */
bool   script_parse(struct inode *ip, char *interp, char *arg);
char **script_argv(const char *interp, const char *arg, const char *path, char *const argv[]);
long   script_ready(struct proc *p, const char *path);
void        lazy_forget(struct inode *ip);       /* its bytes are not needed: it is empty */

/* ---- ipc/pipe.c, ipc/fifo.c ---------------------------------------------- */

struct pipe *pipe_alloc(void);
void         pipe_open_end(struct pipe *pi, bool reader, bool writer);
void         pipe_close_end(struct pipe *pi, bool reader, bool writer);  /* frees at last */
long         pipe_read(struct proc *p, struct pipe *pi, uptr buf, size_t n, bool nonblock);
long         pipe_write(struct proc *p, struct pipe *pi, uptr buf, size_t n, bool nonblock);
/* splice: bytes of a regular file into the pipe, with no user memory between */
long         pipe_fill_from(struct proc *p, struct pipe *pi, struct inode *ip, int64_t off,
                            size_t n, bool nonblock);
long         pipe_set_size(struct pipe *pi, long size);
long         pipe_get_size(struct pipe *pi);
long         pipe_nread(struct pipe *pi);       /* bytes waiting, for FIONREAD */
pollfn_t     pipe_poll;                         /* either end, of a pipe or a FIFO */
int          pipe_readers(struct pipe *pi);     /* open read ends (for fifo.c) */
int          pipe_writers(struct pipe *pi);     /* open write ends */
long         fifo_open(struct proc *p, struct inode *ip, int flags, struct file **out);
void         fifo_close(struct file *f);        /* from file_close */
long         fifo_wait_peer(struct proc *p, struct file *f);  /* 0, or KERN_BLOCK */
bool         fifo_writer_came(struct file *f);  /* since this reader's open */

/* ---- ipc/shm.c, ipc/sem.c, ipc/psem.c: shared memory and semaphores ------ */

void shm_exit(struct proc *p);       /* proc_exit: detach p's segments */
void shm_exec(struct proc *p);       /* execve: the old image's attachments are gone */
long shm_fork(struct proc *child, struct proc *parent);   /* 0 or -ENOMEM */
/* The end of p's attachment with any of [addr, addr + len), or 0. */
uptr shm_over(struct proc *p, uptr addr, size_t len);
/* The segment and offset of p's addr in an attachment (futex keys). */
bool shm_key(struct proc *p, uptr addr, const void **obj, uptr *off);
void semundo_exit(struct proc *p);   /* proc_exit: apply p's SEM_UNDO adjustments */
sysfn_t sys_shmget, sys_shmat, sys_shmdt, sys_shmctl;
sysfn_t sys_semget, sys_semop, sys_semctl;
sysfn_t sys_sem_open, sys_sem_wait, sys_sem_trywait, sys_sem_timedwait, sys_sem_post,
        sys_sem_getvalue, sys_sem_unlink;

/* ---- mman.c: mappings and the memory objects behind shared ones ----------- */

struct memobj;
void mman_init(void);                /* makes /dev/shm */
long mmap_fork(struct proc *child, struct proc *parent);   /* 0 or -ENOMEM */
void mmap_exit(struct proc *p);
void mmap_exec(struct proc *p);
/* What occupies [addr, addr + len) of p - a mapping or a System V
 * attachment: the end of the first one found, or 0 if nothing does. */
uptr mem_over(struct proc *p, uptr addr, size_t len);
/* The lowest page-aligned address of the platform's window with len bytes
 * free, or 0. */
uptr mem_place(struct proc *p, size_t len);
/* A file mapped shared (ip->mem): grow its object to need bytes (false:
 * out of memory); the kernel reads or writes its bytes at off; it goes. */
bool mman_file_grow(struct inode *ip, size_t need);
void mman_file_access(struct inode *ip, int64_t off, size_t len, bool write);
void mman_file_gone(struct inode *ip);
/* The object and offset of p's addr in a shared mapping (futex keys). */
bool mmap_key(struct proc *p, uptr addr, const void **obj, uptr *off);

/* ---- system calls, one function each, by file ------------------------------ */

/* fork.c, itimer.c, mman.c */
sysfn_t sys_fork, sys_setitimer, sys_getitimer;
sysfn_t sys_mmap, sys_munmap, sys_mprotect, sys_msync;
/* ipc/futex.c */
sysfn_t sys_futex;
/* sysproc.c */
sysfn_t sys_exit, sys_spawn, sys_execve, sys_wait4, sys_getpid, sys_getppid,
        sys_setpgid, sys_getpgid, sys_setsid, sys_getsid, sys_kill, sys_nanosleep,
        sys_sched_yield, sys_getuid, sys_getgid, sys_setuid, sys_setgid, sys_brk,
        sys_clock_gettime, sys_procinfo, sys_kstat, sys_uname, sys_poweroff;
void nanosleep_interrupted(struct proc *p, const long *a);
/* signal.c */
sysfn_t sys_sigaction, sys_sigprocmask, sys_sigpending, sys_sigsuspend, sys_sigreturn;
/* share.c */
sysfn_t sys_download, sys_sync;
/* rlimit.c */
sysfn_t sys_getrlimit, sys_setrlimit, sys_prlimit64;
/* sysfile.c */
sysfn_t sys_open, sys_close, sys_read, sys_write, sys_lseek, sys_dup, sys_dup2,
        sys_fcntl, sys_stat, sys_fstat, sys_mkdir, sys_rmdir, sys_unlink, sys_rename,
        sys_getdents, sys_chdir, sys_getcwd, sys_ftruncate, sys_mknod, sys_ioctl,
        sys_access, sys_chmod, sys_umask;
/* syslink.c */
sysfn_t sys_symlink, sys_readlink, sys_link, sys_utimensat, sys_fchownat;
/* ipc/pipe.c */
sysfn_t sys_pipe2, sys_splice;
/* poll.c */
sysfn_t sys_ppoll;

/* ---- ipc/msgq.c: System V message queues ----------------------------------- */

sysfn_t sys_msgget, sys_msgsnd, sys_msgrcv, sys_msgctl;

/* ---- ipc/socket.c and friends: Unix-domain sockets ------------------------- */

void sock_init(void);
bool is_socket(struct file *f);          /* fstat: S_IFSOCK */
uint32_t sock_file_id(struct file *f);   /* a socket's number, as /proc shows it */
void sock_unref(struct file *f);         /* file_close: a reference went, not the last */
sysfn_t sys_socket, sys_socketpair, sys_bind, sys_listen, sys_accept4, sys_connect,
        sys_sendto, sys_recvfrom, sys_sendmsg, sys_recvmsg, sys_shutdown,
        sys_getsockname, sys_getpeername, sys_getsockopt, sys_setsockopt, sys_sock_list;

/* ---- ipc/mqueue.c: POSIX message queues -------------------------------------- */

void mqueue_init(void);                  /* makes /dev/mqueue */
void mqueue_gone(struct inode *ip);      /* iput: its inode is freed */
long mqueue_read(struct proc *p, struct file *f, uptr buf, size_t n);
pollfn_t mqueue_poll;
void mqueue_flush(struct proc *p, struct file *f);   /* close(fd) of a queue */
sysfn_t sys_mq_open, sys_mq_unlink, sys_mq_timedsend, sys_mq_timedreceive,
        sys_mq_notify, sys_mq_getsetattr;

/* ---- ipc/chan.c, ipc/port.c, ipc/cap.c: channels, ports, capabilities ------- */

/* Timeouts of the IPC calls (chan.c). A relative timeout at user address
 * `timeout` (a struct k_timespec; 0: wait without one) becomes
 * p->call.deadline the first time a call runs; a restarted call keeps it.
 * *timed says whether there is one. 0, -EFAULT or -EINVAL. */
long ipc_deadline(struct proc *p, uptr timeout, bool *timed);
/* An absolute CLOCK_REALTIME deadline (sem_timedwait, mq_timedsend) as a
 * monotonic one: 0, -EINVAL for a bad tv_nsec, -ETIMEDOUT once it has
 * passed. A re-issued call reads it again and gets the time left. */
long ipc_abstime(const struct k_timespec *ts, uint64_t *deadline);
/* Sleep on wq, and with `timed` also until p->call.deadline: KERN_BLOCK,
 * or -ETIMEDOUT once the deadline has passed. */
long ipc_wait(struct proc *p, struct waitq *wq, const char *what, bool timed);

sysfn_t sys_chan_create, sys_chan_send, sys_chan_recv, sys_chan_info, sys_chan_list;
sysfn_t sys_port_create, sys_port_send, sys_port_recv, sys_port_call, sys_port_reply,
        sys_port_reply_recv, sys_port_set_filter, sys_port_info, sys_port_list;
sysfn_t sys_port_derive, sys_port_bind, sys_port_unbind, sys_port_lookup;

/* ---- trace.c, tracetab.c: the system calls of traced processes as text ------ */

/* Run call nr for p, with the restart protocol (syscall.c). */
long syscall_run(struct proc *p, long nr, const long *a);
/* kernel_syscall for a process with p->trace: the call, and its line. */
long trace_syscall(struct proc *p, long nr, const long *a);
void trace_fork(struct proc *child, struct proc *parent);  /* traced too? */
void trace_exit(struct proc *p, int status);    /* its last line; untraced */
void trace_forget(struct proc *p);              /* a slot freed before it ran */
sysfn_t sys_trace_open;

/* How to print an argument (tracetab.c's table, trace.c's printing). The
 * kinds after A_OUT are filled by the call: printed when it returns. */
enum argkind {
    A_NONE, A_INT, A_HEX, A_PTR, A_FD, A_STR, A_BUF_IN, A_OFLAGS, A_FDFLAGS, A_OCT, A_OCTFLAGS,
    A_SIG, A_STRUCT, A_MSG_IN, A_SEMBUF,
    A_AF, A_SOCKTYPE, A_SOCKFLAGS, A_MSGFLAGS, A_SHUT, A_SOCKLEVEL, A_SOCKOPT,
    A_SOCKADDR, A_MQATTR, A_RLIMIT,
    A_OUT,                          /* not a kind: the first of those filled */
    A_BUF_OUT = A_OUT, A_STR_OUT, A_FDS_OUT, A_INT_OUT, A_WSTATUS_OUT, A_MSG_OUT,
    A_STRUCT_OUT, A_SOCKADDR_OUT, A_MQATTR_OUT,
};
struct sysdesc {
    const char *name;
    uint8_t     kind[6];            /* A_NONE after the last argument */
};
const struct sysdesc *sysdesc(long nr);         /* NULL: no line in the table */
bool errno_describe(int e, const char **name, const char **text);
const char *signal_name(int sig);               /* "SIGINT"; NULL if unknown */
struct symbol { unsigned long value; const char *name; };
const char *arg_value_name(int kind, long v);   /* "AF_UNIX"; NULL if unknown */
const struct symbol *arg_flag_names(int kind, size_t *n);   /* the bits of a kind */

/* ---- snapshot.c: the system at one moment, for the page's live view ------- */

/* A snapshot being written (kernel_snapshot): text up to cap bytes; len
 * counts all of it, also what did not fit. */
struct snap {
    char    *buf;
    size_t   cap, len;
    uint32_t gen;           /* this snapshot's number: objects seen in it are marked */
};
void snap_put(struct snap *s, const char *fmt, ...);
void snap_text(struct snap *s, const char *key, const char *v);   /* "\tkey=v" */
void snap_waiters(struct snap *s, struct waitq *const *wqs);      /* NULL-terminated */

/* Each kind of IPC object describes its own: the objects (an "obj" line
 * each), and, for those reached through F_OBJ descriptors, the descriptor
 * (true if f is one of its files). */
struct pipe;
uint32_t pipe_id(struct pipe *pi);
/* Once per snapshot: a pipe reached by several descriptors is described at
 * the first. */
void pipe_snap(struct snap *s, struct pipe *pi, const char *kind);
void msgq_snap(struct snap *s);
void shm_snap(struct snap *s);          /* with an edge for each attachment */
void sem_snap(struct snap *s);
void psem_snap(struct snap *s);
void chan_snap(struct snap *s);
void port_snap(struct snap *s);
bool psem_snap_file(struct file *f, struct snap *s);
bool chan_snap_file(struct file *f, struct snap *s);
bool cap_snap_file(struct file *f, struct snap *s);
void sock_snap(struct snap *s);
bool sock_snap_file(struct file *f, struct snap *s);
void mqueue_snap(struct snap *s);
void mqueue_snap_file(struct file *f, struct snap *s);    /* f is a queue's */

#endif
