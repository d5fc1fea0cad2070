/*
 * file.c - open files and descriptor tables.
 *
 * An open file (struct file, Unix's "open file description") is what open
 * and pipe2 make: an offset and flags over an inode or a pipe. Descriptors
 * are slots in a process's ofile table pointing at one; dup and spawn make
 * several descriptors share one file, and so its offset. The file goes with
 * its last reference.
 *
 * Reads and writes are dispatched here by kind: ramfs contents, a device
 * (dev.c), or a pipe (ipc/pipe.c). A FIFO is opened by ipc/fifo.c, which
 * makes it a pipe file that also remembers its inode.
 */
#include "kernel.h"

struct file *file_alloc(void)
{
    struct file *f = kalloc(sizeof *f);
    if (!f)
        return NULL;
    *f = (struct file){ .ref = 1 };     /* cleared inline: no memset call */
    kstats.files++;
    return f;
}

void file_dup(struct file *f)
{
    f->ref++;
}

void file_close(struct file *f)
{
    KASSERT(f->ref > 0);
    if (--f->ref > 0) {
        if (f->type == F_OBJ)
            sock_unref(f);          /* a socket now held only in flight may be garbage */
        return;
    }
    if (f->type == F_PIPE && f->ip) {
        fifo_close(f);
        iput(f->ip);
    } else if (f->type == F_PIPE) {
        pipe_close_end(f->pipe, FILE_READABLE(f), FILE_WRITABLE(f));
    } else if (f->type == F_INODE) {
        kfree(f->obj);           /* the text of a file of /proc */
        iput(f->ip);
    } else {
        f->ops->close(f);
    }
    kfree(f);
    kstats.files--;
}

long file_read(struct proc *p, struct file *f, uptr buf, size_t n)
{
    if (!FILE_READABLE(f))
        return -EBADF;
    if (f->type == F_PIPE) {
        long r = fifo_wait_peer(p, f);
        return r < 0 ? r : pipe_read(p, f->pipe, buf, n, (f->flags & O_NONBLOCK) != 0);
    }
    if (f->type == F_OBJ)
        return f->ops->read ? f->ops->read(p, f, buf, n) : -EINVAL;
    struct inode *ip = f->ip;
    if (ip->type == I_DIR)
        return -EISDIR;          /* getdents reads directories */
    if (ip->type == I_CHR)
        return devsw[ip->dev].read(p, f, buf, n);
    if (ip->type == I_MQUEUE)
        return mqueue_read(p, f, buf, n);
    if (ip->type == I_PROC)
        return procfs_read(p, f, buf, n);
    long r = ramfs_read(ip, p, buf, n, f->off);
    if (r > 0)
        f->off += r;
    return r;
}

long file_write(struct proc *p, struct file *f, uptr buf, size_t n)
{
    if (!FILE_WRITABLE(f))
        return -EBADF;
    if (f->type == F_PIPE) {
        long r = fifo_wait_peer(p, f);
        return r < 0 ? r : pipe_write(p, f->pipe, buf, n, (f->flags & O_NONBLOCK) != 0);
    }
    if (f->type == F_OBJ)
        return f->ops->write ? f->ops->write(p, f, buf, n) : -EINVAL;
    struct inode *ip = f->ip;    /* never a directory: open refuses that */
    if (ip->type == I_CHR)
        return devsw[ip->dev].write ? devsw[ip->dev].write(p, f, buf, n) : -EINVAL;
    if (ip->type == I_MQUEUE)
        return -EINVAL;          /* mq_send writes a queue */
    if (ip->type == I_PROC)
        return procfs_write(p, f, buf, n);
    if (f->flags & O_APPEND)
        f->off = ip->size;
    long r = fsize_clip(p, f->off, &n);     /* RLIMIT_FSIZE */
    if (r < 0)
        return r;
    r = ramfs_write(ip, p, buf, n, f->off);
    if (r > 0)
        f->off += r;
    return r;
}

/* ---- descriptor tables ------------------------------------------------------ */

struct file *fd_get(struct proc *p, int fd)
{
    if (fd < 0 || fd >= NOFILE)
        return NULL;
    return p->ofile[fd];
}

/* The lowest free descriptor, or -EMFILE: below the RLIMIT_NOFILE soft
 * limit (rlimit.c), for calls that must know it before making the file. */
int fd_free(struct proc *p)
{
    int limit = fd_limit(p);
    for (int fd = 0; fd < limit; fd++)
        if (!p->ofile[fd])
            return fd;
    return -EMFILE;
}

/* Install f (the caller's reference passes to the table) at the lowest free
 * descriptor >= lowest, below the RLIMIT_NOFILE soft limit. The new
 * descriptor stays open across exec. */
int fd_alloc(struct proc *p, struct file *f, int lowest)
{
    if (lowest < 0 || lowest >= NOFILE)
        return -EINVAL;
    for (int fd = lowest; fd < fd_limit(p); fd++) {
        if (!p->ofile[fd]) {
            p->ofile[fd] = f;
            p->cloexec &= ~((uint64_t)1 << fd);
            return fd;
        }
    }
    return -EMFILE;
}

void fd_close_all(struct proc *p)
{
    for (int fd = 0; fd < NOFILE; fd++) {
        if (p->ofile[fd]) {
            struct file *f = p->ofile[fd];
            p->ofile[fd] = NULL;
            file_close(f);
        }
    }
    p->cloexec = 0;
}

void fd_close_on_exec(struct proc *p)
{
    for (int fd = 0; fd < NOFILE; fd++) {
        if (p->ofile[fd] && (p->cloexec & ((uint64_t)1 << fd))) {
            struct file *f = p->ofile[fd];
            p->ofile[fd] = NULL;
            file_close(f);
        }
    }
    p->cloexec = 0;
}

/* A spawned child starts with all of its parent's descriptors and their
 * close-on-exec marks, as after fork: spawn's file actions may still use a
 * close-on-exec descriptor (dup2 it onto 0, say), and only then does spawn
 * close the marked ones (fd_close_on_exec), as exec would. */
void fd_inherit(struct proc *child, struct proc *parent)
{
    for (int fd = 0; fd < NOFILE; fd++) {
        struct file *f = parent->ofile[fd];
        if (f) {
            file_dup(f);
            child->ofile[fd] = f;
        }
    }
    child->cloexec = parent->cloexec;
}

/* ---- open ------------------------------------------------------------------ */

static bool is_dot_or_dotdot(const char *name)
{
    return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

static bool ends_in_slash(const char *path)
{
    size_t len = strlen(path);
    return len > 0 && path[len - 1] == '/';
}

/* The O_CREAT half of open: find path, or make it as an empty regular file.
 * *created says which, because a new file is opened whatever its mode. */
static long lookup_or_create(struct proc *p, const char *path, int flags, uint32_t mode,
                             struct inode **out, bool *created)
{
    char name[NAME_MAX + 1];
    struct inode *dir;
    long r = nameiparent(p, path, &dir, name);
    if (r < 0)
        return r;
    *created = false;
    struct inode *ip = is_dot_or_dotdot(name) ? NULL : dir_lookup(dir, name);
    if (ip || is_dot_or_dotdot(name)) {
        iput(dir);
        if (flags & O_EXCL)
            return -EEXIST;
        return namei_at(p, NULL, path, !(flags & O_NOFOLLOW), out);
    }
    if (ends_in_slash(path))
        r = -EISDIR;             /* only a directory could be meant */
    else if (dir->nlink == 0)
        r = -ENOENT;             /* a removed directory takes no new names */
    else if (!may_access(p, dir, W_OK | X_OK))
        r = -EACCES;
    else if (!(ip = ramfs_alloc(I_REG, mode & ~p->umask & 07777, p)))
        r = -ENOMEM;
    else if ((r = dir_link(dir, name, ip)) < 0) {
        iget(ip);                /* never linked: this frees it */
        iput(ip);
    }
    iput(dir);
    if (r < 0)
        return r;
    iget(ip);
    *out = ip;
    *created = true;
    return 0;
}

/* May p open ip with these flags? */
static long open_check(struct proc *p, struct inode *ip, int flags, bool created)
{
    int acc = flags & O_ACCMODE;
    if ((flags & O_DIRECTORY) && ip->type != I_DIR)
        return -ENOTDIR;
    if (ip->type == I_DIR && (acc != O_RDONLY || (flags & O_CREAT)))
        return -EISDIR;
    if (created)
        return 0;
    int want = (acc != O_WRONLY ? R_OK : 0) | (acc != O_RDONLY ? W_OK : 0);
    if (!may_access(p, ip, want))
        return -EACCES;
    return ip->type == I_SOCK ? -ENXIO : 0;     /* a socket is reached by connect */
}

/*
 * Open path for p and return a new file in *out (not yet in any descriptor
 * table). A FIFO is handed to ipc/fifo.c, which may block until the other
 * end is opened; everything done before that point is idempotent (a file
 * the first attempt created is simply found again).
 */
long file_open(struct proc *p, const char *path, int flags, uint32_t mode,
               struct file **out)
{
    if ((flags & O_ACCMODE) == O_ACCMODE)
        return -EINVAL;
    if ((flags & O_CREAT) && (flags & O_DIRECTORY))
        return -EINVAL;          /* as Linux: it could only ever fail */
    /* A FIFO open that waited for its peer resumes on the inode it began
     * with, even if the name has since gone or changed. */
    if (p->restarted && p->call.file && p->call.file->ip)
        return fifo_open(p, p->call.file->ip, flags, out);
    struct inode *ip;
    bool created = false;
    int fd;
    if (dev_fd_path(path, &fd))
        return dev_fd_open(p, fd, flags, out);
    long r = (flags & O_CREAT) ? lookup_or_create(p, path, flags, mode, &ip, &created)
                               : namei_at(p, NULL, path, !(flags & O_NOFOLLOW), &ip);
    if (r < 0)
        return r;
    if (ip->type == I_LNK) {     /* O_NOFOLLOW, as on Linux */
        iput(ip);
        return -ELOOP;
    }
    if (ip->type == I_CHR && ip->dev >= DEV_STDIN && ip->dev <= DEV_STDERR) {
        fd = ip->dev - DEV_STDIN;
        iput(ip);
        return dev_fd_open(p, fd, flags, out);
    }
    r = open_check(p, ip, flags, created);
    /* A file whose bytes have not come yet (lazy.c): they are fetched
     * first, unless the open empties it. A spawn's open cannot wait (sys_spawn
     * waits for its files before it starts). */
    if (r == 0 && ip->type == I_REG && lazy_name(ip)) {
        if ((flags & O_TRUNC) && (flags & O_ACCMODE) != O_RDONLY)
            lazy_forget(ip);
        else
            r = lazy_ready(p, ip, !(flags & O_SPAWN_DEFER));
    }
    if (r == 0 && ip->type == I_FIFO)
        r = fifo_open(p, ip, flags, out);    /* it takes its own reference */
    if (r < 0 || ip->type == I_FIFO) {
        iput(ip);
        return r;
    }
    struct file *f = file_alloc();
    if (!f) {
        iput(ip);
        return -ENOMEM;
    }
    f->type = F_INODE;
    f->flags = (uint32_t)flags & (O_ACCMODE | O_APPEND | O_NONBLOCK);
    f->ip = ip;
    if (ip->type == I_CHR && devsw[ip->dev].open &&
        (r = devsw[ip->dev].open(p, flags)) < 0) {
        file_close(f);
        return r;
    }
    /* O_TRUNC without write access is left undefined by POSIX: ignore it */
    if ((flags & O_TRUNC) && ip->type == I_REG && FILE_WRITABLE(f))
        ramfs_truncate(ip, 0);   /* to zero, it cannot fail */
    *out = f;
    return 0;
}
