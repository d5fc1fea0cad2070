/*
 * psem.c - POSIX named semaphores: one counter each, found by a name like
 * "/ready", reached through a descriptor.
 *
 * sem_open finds or creates the semaphore of a name and returns a
 * descriptor for it: an F_OBJ file whose object is the semaphore (see
 * struct fileops in kernel.h). Because it is a descriptor, dup, inheritance
 * through spawn and release at exit need no code here; closing the last
 * file of a semaphore is sem_close. The name lives in a list of its own,
 * not in the file system. sem_unlink takes the name away; the semaphore
 * itself lives until its last file closes. A named semaphore that nobody
 * has open stays while it has its name, keeping its value.
 *
 * sem_wait on a zero semaphore sleeps on its queue (the restartable model:
 * nothing has changed when it blocks); sem_post wakes every waiter and the
 * first to run again takes the token, the others wait again.
 *
 * System V semaphore sets are in sem.c. docs/ipc/sem.md tells the story.
 */
#include "../kernel/kernel.h"
#include "../kernel/uapi/semaphore.h"

struct psem {
    struct psem *next;              /* on the list of every live semaphore */
    char        *name;              /* without the leading '/' */
    bool         linked;            /* the name still finds it */
    int          refs;              /* open files */
    uint32_t     value;
    uint32_t     mode;              /* rw bits for owner, group, others */
    k_uid_t      uid;
    k_gid_t      gid;
    struct waitq wq;                /* processes in sem_wait */
};

static struct psem *psems;

static void psem_file_close(struct file *f);
static pollfn_t psem_poll;
static const struct fileops psem_ops = { "semaphore", psem_file_close, NULL, NULL, psem_poll };

/* poll: readable while sem_wait would not wait. */
static unsigned psem_poll(struct file *f, unsigned events, struct proc *waiter)
{
    struct psem *s = f->obj;
    (void)events;
    if (waiter)
        wait_also(waiter, &s->wq);
    return s->value > 0 ? POLLIN | POLLRDNORM : 0;
}

/* ---- names and lifetimes ------------------------------------------------------ */

/*
 * Copy a name from user memory and check it: leading slashes are dropped
 * (as glibc does), and what is left must be a non-empty single component.
 * The name points into buf.
 */
static long psem_name(struct proc *p, uptr uname, char *buf, const char **name)
{
    long n = plat_copyinstr(p, buf, uname, NAME_MAX + 2);
    if (n < 0)
        return n;
    const char *s = buf;
    while (*s == '/')
        s++;
    if (*s == '\0')
        return -EINVAL;
    for (const char *c = s; *c; c++)
        if (*c == '/')
            return -EINVAL;
    if (strlen(s) > NAME_MAX)
        return -ENAMETOOLONG;
    *name = s;
    return 0;
}

static struct psem *psem_find(const char *name)
{
    for (struct psem *s = psems; s; s = s->next)
        if (s->linked && strcmp(s->name, name) == 0)
            return s;
    return NULL;
}

static struct psem *psem_create(struct proc *p, const char *name, uint32_t mode,
                                uint32_t value)
{
    struct psem *s = kzalloc(sizeof *s);
    if (!s)
        return NULL;
    s->name = kstrdup(name);
    if (!s->name) {
        kfree(s);
        return NULL;
    }
    s->linked = true;
    s->value = value;
    s->mode = mode & ~p->umask & 0777;
    s->uid = p->uid;
    s->gid = p->gid;
    s->next = psems;
    psems = s;
    kstats.ipc[KSTAT_SEM]++;
    return s;
}

/* The semaphore goes once it has neither a name nor an open file. */
static void psem_put(struct psem *s)
{
    if (s->linked || s->refs > 0)
        return;
    /* A waiter holds a file, so there can be none left. */
    KASSERT(waitq_empty(&s->wq));
    struct psem **pp = &psems;
    while (*pp != s)
        pp = &(*pp)->next;
    *pp = s->next;
    kfree(s->name);
    kfree(s);
    kstats.ipc[KSTAT_SEM]--;
}

static void psem_file_close(struct file *f)
{
    struct psem *s = f->obj;
    s->refs--;
    psem_put(s);
}

/* Read and write permission, both needed to use a semaphore. */
static bool psem_may(struct proc *p, struct psem *s)
{
    if (p->uid == 0)
        return true;
    uint32_t bits = p->uid == s->uid ? s->mode >> 6 : p->gid == s->gid ? s->mode >> 3 : s->mode;
    return (bits & 6) == 6;
}

/* The semaphore behind descriptor fd, or NULL if it is not one. */
static struct psem *psem_of(struct proc *p, long fd)
{
    if (fd < 0 || fd >= NOFILE)
        return NULL;
    struct file *f = fd_get(p, (int)fd);
    return f && f->type == F_OBJ && f->ops == &psem_ops ? f->obj : NULL;
}

/* ---- sem_open(name, oflag, mode, value), sem_unlink(name) ----------------------- */

/* A new descriptor for s. If s was made by this call, failing unmakes it. */
static long psem_install(struct proc *p, struct psem *s, bool created)
{
    struct file *f = file_alloc();
    if (!f) {
        s->linked = !created;
        psem_put(s);
        return -ENFILE;
    }
    f->type = F_OBJ;
    f->flags = O_RDWR;
    f->ops = &psem_ops;
    f->obj = s;
    s->refs++;
    int fd = fd_alloc(p, f, 0);
    if (fd < 0) {
        s->linked = !created;
        file_close(f);
    }
    return fd;
}

long sys_sem_open(struct proc *p, const long *a)
{
    char buf[NAME_MAX + 2];
    const char *name;
    long r = psem_name(p, (uptr)a[0], buf, &name);
    if (r < 0)
        return r;
    int oflag = (int)a[1];
    struct psem *s = psem_find(name);
    if (s) {
        if ((oflag & O_CREAT) && (oflag & O_EXCL))
            return -EEXIST;
        if (!psem_may(p, s))
            return -EACCES;
        return psem_install(p, s, false);
    }
    if (!(oflag & O_CREAT))
        return -ENOENT;
    if ((unsigned long)a[3] > SEM_VALUE_MAX)
        return -EINVAL;
    s = psem_create(p, name, (uint32_t)a[2], (uint32_t)a[3]);
    if (!s)
        return -ENOMEM;
    return psem_install(p, s, true);
}

long sys_sem_unlink(struct proc *p, const long *a)
{
    char buf[NAME_MAX + 2];
    const char *name;
    long r = psem_name(p, (uptr)a[0], buf, &name);
    if (r < 0)
        return r;
    struct psem *s = psem_find(name);
    if (!s)
        return -ENOENT;
    if (p->uid != 0 && p->uid != s->uid)
        return -EACCES;
    s->linked = false;
    psem_put(s);
    return 0;
}

/* ---- waiting and posting ----------------------------------------------------- */

static long psem_sleep(struct proc *p, struct psem *s)
{
    return sleep_on(p, &s->wq, wait_text(p, "sem /%s", s->name));
}

long sys_sem_wait(struct proc *p, const long *a)
{
    struct psem *s = psem_of(p, a[0]);
    if (!s)
        return -EINVAL;
    if (s->value == 0)
        return psem_sleep(p, s);
    s->value--;
    return 0;
}

long sys_sem_trywait(struct proc *p, const long *a)
{
    struct psem *s = psem_of(p, a[0]);
    if (!s)
        return -EINVAL;
    if (s->value == 0)
        return -EAGAIN;
    s->value--;
    return 0;
}

/*
 * The deadline is absolute, on CLOCK_REALTIME, so a re-issued call simply
 * reads it again. The timer runs on the monotonic clock: the time left is
 * carried over. As POSIX says, the deadline is not even looked at when the
 * semaphore can be taken at once.
 */
long sys_sem_timedwait(struct proc *p, const long *a)
{
    struct psem *s = psem_of(p, a[0]);
    if (!s)
        return -EINVAL;
    if (s->value > 0) {
        s->value--;
        return 0;
    }
    struct k_timespec ts;
    if (copyin(p, &ts, (uptr)a[1], sizeof ts) < 0)
        return -EFAULT;
    if (ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
        return -EINVAL;
    uint64_t now = plat_clock_ns(CLOCK_REALTIME);
    uint64_t now_s = now / 1000000000ull;
    if (ts.tv_sec < 0 || (uint64_t)ts.tv_sec < now_s ||
        ((uint64_t)ts.tv_sec == now_s && (uint64_t)ts.tv_nsec <= now % 1000000000ull))
        return -ETIMEDOUT;
    uint64_t left_s = MIN((uint64_t)ts.tv_sec - now_s, 100ull * 365 * 86400);
    uint64_t left = left_s * 1000000000ull + (uint64_t)ts.tv_nsec - now % 1000000000ull;
    sleep_until(p, now_ns() + left);
    return psem_sleep(p, s);
}

long sys_sem_post(struct proc *p, const long *a)
{
    struct psem *s = psem_of(p, a[0]);
    if (!s)
        return -EINVAL;
    if (s->value >= SEM_VALUE_MAX)
        return -EOVERFLOW;
    s->value++;
    wakeup(&s->wq);
    return 0;
}

long sys_sem_getvalue(struct proc *p, const long *a)
{
    struct psem *s = psem_of(p, a[0]);
    if (!s)
        return -EINVAL;
    int32_t v = (int32_t)s->value;
    return copyout(p, (uptr)a[1], &v, sizeof v) < 0 ? -EFAULT : 0;
}
