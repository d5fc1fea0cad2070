/*
 * sysfile.c - the file-system system calls.
 *
 * Each call checks its arguments (descriptors, user addresses, lengths),
 * then works through vfs.c (names, permissions), ramfs.c (storage) and
 * file.c (open files). Errors follow Linux, so that a Unix user's
 * expectations and the C library's strerror texts both hold. The rare
 * places where Duplex differs are marked "Duplex:".
 *
 * Arguments arrive as a[0..5], in the order of kernel/uapi/syscall.h.
 */
#include "kernel.h"

#define LONG_MAX_ ((long)(~0UL >> 1))
#define FDBIT(fd) ((uint64_t)1 << (fd))

/* The open file behind descriptor fd, checked while still a long so that a
 * huge value cannot wrap around to a valid descriptor. */
static struct file *argfd(struct proc *p, long fd)
{
    if (fd < 0 || fd >= NOFILE)
        return NULL;
    return p->ofile[fd];
}

static bool is_dot_or_dotdot(const char *name)
{
    return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

static bool ends_in_slash(const char *path)
{
    size_t len = strlen(path);
    return len > 0 && path[len - 1] == '/';
}

/* ---- descriptors --------------------------------------------------------- */

long sys_open(struct proc *p, const long *a)
{
    char path[PATH_MAX];
    long r = copyin_path(p, path, (uptr)a[0]);
    if (r < 0)
        return r;
    int flags = (int)a[1] & ~O_SPAWN_DEFER;     /* the kernel's own, never a user's */
    /* Like Linux, find room for the descriptor before opening, so that a
     * full table leaves no file created and no FIFO end opened. */
    int fd = fd_free(p);
    if (fd < 0)
        return fd;
    struct file *f;
    r = file_open(p, path, flags, (uint32_t)a[2], &f);
    if (r < 0)
        return r;                /* KERN_BLOCK too: a FIFO waits for its peer */
    fd = fd_alloc(p, f, fd);
    if (flags & O_CLOEXEC)
        p->cloexec |= FDBIT(fd);
    return fd;
}

long sys_close(struct proc *p, const long *a)
{
    struct file *f = argfd(p, a[0]);
    if (!f)
        return -EBADF;
    p->ofile[a[0]] = NULL;
    p->cloexec &= ~FDBIT(a[0]);
    if (f->type == F_INODE && f->ip->type == I_MQUEUE)
        mqueue_flush(p, f);      /* its mq_notify ends with any close */
    file_close(f);
    return 0;
}

/* read and write: a negative count is refused rather than taken as huge */
static long read_or_write(struct proc *p, const long *a, bool write)
{
    struct file *f = argfd(p, a[0]);
    if (!f)
        return -EBADF;
    if (a[2] < 0)
        return -EINVAL;
    return write ? file_write(p, f, (uptr)a[1], (size_t)a[2])
                 : file_read(p, f, (uptr)a[1], (size_t)a[2]);
}

long sys_read(struct proc *p, const long *a)  { return read_or_write(p, a, false); }
long sys_write(struct proc *p, const long *a) { return read_or_write(p, a, true); }

/* Duplex: a directory's offset is an entry index (see sys_getdents); it can
 * be set or moved, but it has no end to seek from. */
long sys_lseek(struct proc *p, const long *a)
{
    struct file *f = argfd(p, a[0]);
    if (!f)
        return -EBADF;
    if (f->type != F_INODE || f->ip->type == I_CHR || f->ip->type == I_FIFO)
        return -ESPIPE;
    int64_t base;
    switch (a[2]) {
    case SEEK_SET: base = 0; break;
    case SEEK_CUR: base = f->off; break;
    case SEEK_END:
        if (f->ip->type != I_REG)
            return -EINVAL;
        base = f->ip->size;
        break;
    default:
        return -EINVAL;
    }
    int64_t off = a[1];
    if (off > 0 && base > LONG_MAX_ - off)
        return -EOVERFLOW;
    if (base + off < 0)
        return -EINVAL;
    f->off = base + off;
    return (long)f->off;
}

/* Another descriptor for f at the lowest free slot >= lowest. */
static long dup_from(struct proc *p, struct file *f, int lowest, bool cloexec)
{
    file_dup(f);
    int fd = fd_alloc(p, f, lowest);
    if (fd < 0) {
        file_close(f);
        return fd;
    }
    if (cloexec)
        p->cloexec |= FDBIT(fd);
    return fd;
}

long sys_dup(struct proc *p, const long *a)
{
    struct file *f = argfd(p, a[0]);
    if (!f)
        return -EBADF;
    return dup_from(p, f, 0, false);
}

long sys_dup2(struct proc *p, const long *a)
{
    struct file *f = argfd(p, a[0]);
    long fd = a[1];
    if (!f || fd < 0 || fd >= fd_limit(p))
        return -EBADF;
    if (fd == a[0])
        return fd;
    struct file *old = p->ofile[fd];
    file_dup(f);
    p->ofile[fd] = f;
    p->cloexec &= ~FDBIT(fd);
    if (old)
        file_close(old);
    return fd;
}

long sys_fcntl(struct proc *p, const long *a)
{
    struct file *f = argfd(p, a[0]);
    long fd = a[0], arg = a[2];
    if (!f)
        return -EBADF;
    switch (a[1]) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
        if (arg < 0 || arg >= fd_limit(p))
            return -EINVAL;
        return dup_from(p, f, (int)arg, a[1] == F_DUPFD_CLOEXEC);
    case F_GETFD:
        return (p->cloexec & FDBIT(fd)) ? FD_CLOEXEC : 0;
    case F_SETFD:
        if (arg & FD_CLOEXEC)
            p->cloexec |= FDBIT(fd);
        else
            p->cloexec &= ~FDBIT(fd);
        return 0;
    case F_GETFL:
        return f->flags;
    case F_SETFL: {
        const uint32_t settable = O_APPEND | O_NONBLOCK;
        f->flags = (f->flags & ~settable) | ((uint32_t)arg & settable);
        return 0;
    }
    case F_GETPIPE_SZ:
        return f->type == F_PIPE ? pipe_get_size(f->pipe) : -EBADF;
    case F_SETPIPE_SZ:
        return f->type == F_PIPE ? pipe_set_size(f->pipe, arg) : -EBADF;
    default:
        return -EINVAL;
    }
}

long sys_ioctl(struct proc *p, const long *a)
{
    struct file *f = argfd(p, a[0]);
    unsigned long req = (unsigned long)a[1];
    if (!f)
        return -EBADF;
    if (f->type == F_INODE && f->ip->type == I_CHR) {
        const struct devsw *d = &devsw[f->ip->dev];
        return d->ioctl ? d->ioctl(p, f, req, (uptr)a[2]) : -ENOTTY;
    }
    if (f->type == F_PIPE && req == FIONREAD) {
        int n = (int)pipe_nread(f->pipe);
        return copyout(p, (uptr)a[2], &n, sizeof n) < 0 ? -EFAULT : 0;
    }
    return -ENOTTY;
}

long sys_ftruncate(struct proc *p, const long *a)
{
    struct file *f = argfd(p, a[0]);
    if (!f)
        return -EBADF;
    /* Linux says EINVAL, not EBADF, for a descriptor open read-only */
    if (f->type != F_INODE || f->ip->type != I_REG || !FILE_WRITABLE(f) || a[1] < 0)
        return -EINVAL;
    long r = fsize_check(p, a[1]);          /* RLIMIT_FSIZE */
    return r < 0 ? r : ramfs_truncate(f->ip, a[1]);
}

/* ---- information -------------------------------------------------------- */

/* The inode a user path names, referenced. */
static long path_inode(struct proc *p, uptr upath, struct inode **ip)
{
    char path[PATH_MAX];
    long r = copyin_path(p, path, upath);
    return r < 0 ? r : namei(p, path, ip);
}

/* stat(path, buf, flags): AT_SYMLINK_NOFOLLOW makes it lstat. */
long sys_stat(struct proc *p, const long *a)
{
    char path[PATH_MAX];
    struct inode *ip;
    struct k_stat st;
    if (a[2] & ~(long)AT_SYMLINK_NOFOLLOW)
        return -EINVAL;
    long r = copyin_path(p, path, (uptr)a[0]);
    if (r == 0)
        r = namei_at(p, NULL, path, !(a[2] & AT_SYMLINK_NOFOLLOW), &ip);
    if (r < 0)
        return r;
    stat_inode(ip, &st);
    iput(ip);
    return copyout(p, (uptr)a[1], &st, sizeof st) < 0 ? -EFAULT : 0;
}

long sys_fstat(struct proc *p, const long *a)
{
    struct file *f = argfd(p, a[0]);
    struct k_stat st;
    if (!f)
        return -EBADF;
    if (f->ip) {
        stat_inode(f->ip, &st);
    } else {                     /* a pipe from pipe2, or a kernel object */
        memset(&st, 0, sizeof st);
        st.st_mode = f->type == F_PIPE ? S_IFIFO | 0600
                   : is_socket(f) ? S_IFSOCK | 0777 : 0600;
        st.st_nlink = 1;
        st.st_uid = p->uid;
        st.st_gid = p->gid;
        st.st_blksize = PIPE_BUF;
    }
    return copyout(p, (uptr)a[1], &st, sizeof st) < 0 ? -EFAULT : 0;
}

long sys_access(struct proc *p, const long *a)
{
    struct inode *ip;
    long mode = a[1];
    if (mode & ~(long)(R_OK | W_OK | X_OK))
        return -EINVAL;
    long r = path_inode(p, (uptr)a[0], &ip);
    if (r < 0)
        return r;
    r = may_access(p, ip, (int)mode) ? 0 : -EACCES;
    iput(ip);
    return r;
}

long sys_chmod(struct proc *p, const long *a)
{
    struct inode *ip;
    long r = path_inode(p, (uptr)a[0], &ip);
    if (r < 0)
        return r;
    if (p->uid != 0 && p->uid != ip->uid) {
        r = -EPERM;
    } else {
        ip->mode = (uint32_t)a[1] & 07777;
        ip->ctime = plat_clock_ns(CLOCK_REALTIME_COARSE);
        ramfs_changed();
    }
    iput(ip);
    return r;
}

long sys_umask(struct proc *p, const long *a)
{
    long old = p->umask;
    p->umask = (uint32_t)a[0] & 0777;
    return old;
}

/* ---- names ------------------------------------------------------------------ */

/* Removing or replacing ip's name in dir needs write and search permission
 * on dir; in a sticky directory (/tmp) only the owner of the file or of the
 * directory may do it. */
static long may_delete(struct proc *p, struct inode *dir, struct inode *ip)
{
    if (!may_access(p, dir, W_OK | X_OK))
        return -EACCES;
    if ((dir->mode & S_ISVTX) && p->uid != 0 && p->uid != ip->uid && p->uid != dir->uid)
        return -EPERM;
    return 0;
}

/* mkdir and mknod: a new, empty inode of type at path. */
static long make_node(struct proc *p, uptr upath, enum itype type, uint32_t mode)
{
    char path[PATH_MAX], name[NAME_MAX + 1];
    struct inode *dir, *ip = NULL;
    long r = copyin_path(p, path, upath);
    if (r == 0)
        r = nameiparent(p, path, &dir, name);
    if (r < 0)
        return r;
    if (is_dot_or_dotdot(name) || dir_lookup(dir, name))
        r = -EEXIST;
    else if (type != I_DIR && ends_in_slash(path))
        r = -ENOENT;             /* as Linux: "fifo/" cannot name a new FIFO */
    else if (dir->nlink == 0)
        r = -ENOENT;             /* a removed directory takes no new names */
    else if (!may_access(p, dir, W_OK | X_OK))
        r = -EACCES;
    else if (!(ip = ramfs_alloc(type, mode & ~p->umask, p)))
        r = -ENOMEM;
    else if ((r = dir_link(dir, name, ip)) < 0) {
        iget(ip);                /* never linked: this frees it */
        iput(ip);
    }
    iput(dir);
    return r;
}

long sys_mkdir(struct proc *p, const long *a)
{
    return make_node(p, (uptr)a[0], I_DIR, (uint32_t)a[1] & 01777);
}

/* Duplex: only FIFOs; there is no way to make device nodes from user space
 * (the kernel makes /dev at boot) nor, through mknod, regular files. */
long sys_mknod(struct proc *p, const long *a)
{
    uint32_t mode = (uint32_t)a[1];
    if ((mode & S_IFMT) != S_IFIFO)
        return -EPERM;
    return make_node(p, (uptr)a[0], I_FIFO, mode & 0777);
}

/* "/", "//": a path with no name in it at all. */
static bool is_root_path(const char *path)
{
    while (*path == '/')
        path++;
    return *path == '\0';
}

/* rmdir and unlink: look up the name to remove, checking the parent. */
static long lookup_victim(struct proc *p, const char *path, struct inode **dirp,
                          char *name, struct inode **ipp)
{
    long r = nameiparent(p, path, dirp, name);
    if (r < 0)
        return r;
    *ipp = is_dot_or_dotdot(name) ? NULL : dir_lookup(*dirp, name);
    if (*ipp)
        r = may_delete(p, *dirp, *ipp);
    else if (!is_dot_or_dotdot(name))
        r = -ENOENT;
    if (r < 0)
        iput(*dirp);
    return r;
}

/* Duplex: rmdir of a process's cwd is allowed, as on Linux; the directory
 * then stays empty for good, and getcwd there fails with ENOENT. */
long sys_rmdir(struct proc *p, const long *a)
{
    char path[PATH_MAX], name[NAME_MAX + 1];
    struct inode *dir, *ip;
    long r = copyin_path(p, path, (uptr)a[0]);
    if (r == 0)
        r = lookup_victim(p, path, &dir, name, &ip);
    if (r < 0)
        return r;
    if (!ip)                     /* "." or "..": the path's own dirs */
        r = is_root_path(path) ? -EBUSY : strcmp(name, ".") == 0 ? -EINVAL : -ENOTEMPTY;
    else if (ip->type != I_DIR)
        r = -ENOTDIR;
    else if (!dir_is_empty(ip))
        r = -ENOTEMPTY;
    else
        r = dir_unlink(dir, name);
    iput(dir);
    return r;
}

long sys_unlink(struct proc *p, const long *a)
{
    char path[PATH_MAX], name[NAME_MAX + 1];
    struct inode *dir, *ip;
    long r = copyin_path(p, path, (uptr)a[0]);
    if (r == 0)
        r = lookup_victim(p, path, &dir, name, &ip);
    if (r < 0)
        return r;
    if (!ip || ip->type == I_DIR)
        r = -EISDIR;             /* Linux's answer; POSIX allows EPERM */
    else if (ends_in_slash(path))
        r = -ENOTDIR;
    else
        r = dir_unlink(dir, name);
    iput(dir);
    return r;
}

/* Is dir inside the tree rooted at top (or top itself)? */
static bool is_within(struct inode *dir, struct inode *top)
{
    for (;; dir = dir->parent) {
        if (dir == top)
            return true;
        if (dir == dir->parent)
            return false;
    }
}

static long rename_check(struct proc *p, struct inode *olddir, const char *oldname,
                         struct inode *newdir, const char *newname, bool slash)
{
    if (is_dot_or_dotdot(oldname) || is_dot_or_dotdot(newname))
        return -EBUSY;
    struct inode *src = dir_lookup(olddir, oldname);
    if (!src || newdir->nlink == 0)
        return -ENOENT;
    if (slash && src->type != I_DIR)
        return -ENOTDIR;         /* "x/" names a directory */
    long r = may_delete(p, olddir, src);
    if (r < 0)
        return r;
    struct inode *dst = dir_lookup(newdir, newname);
    if (dst && (r = may_delete(p, newdir, dst)) < 0)
        return r;
    if (!dst && !may_access(p, newdir, W_OK | X_OK))
        return -EACCES;
    if (src == dst)
        return 0;
    if (src->type == I_DIR) {
        if (dst && dst->type != I_DIR)
            return -ENOTDIR;
        if (dst && !dir_is_empty(dst))
            return -ENOTEMPTY;
        if (is_within(newdir, src))
            return -EINVAL;      /* it would be cut off from the tree */
        return 0;
    }
    return dst && dst->type == I_DIR ? -EISDIR : 0;
}

long sys_rename(struct proc *p, const long *a)
{
    char from[PATH_MAX], to[PATH_MAX], oldname[NAME_MAX + 1], newname[NAME_MAX + 1];
    struct inode *olddir, *newdir;
    long r = copyin_path(p, from, (uptr)a[0]);
    if (r == 0)
        r = copyin_path(p, to, (uptr)a[1]);
    if (r == 0)
        r = nameiparent(p, from, &olddir, oldname);
    if (r < 0)
        return r;
    r = nameiparent(p, to, &newdir, newname);
    if (r < 0) {
        iput(olddir);
        return r;
    }
    r = rename_check(p, olddir, oldname, newdir, newname,
                     ends_in_slash(from) || ends_in_slash(to));
    if (r == 0)
        r = dir_rename(olddir, oldname, newdir, newname);
    iput(olddir);
    iput(newdir);
    return r;
}

/* ---- directories ------------------------------------------------------------ */

static const uint8_t dirent_type[] = {
    [I_DIR] = DT_DIR, [I_REG] = DT_REG, [I_FIFO] = DT_FIFO, [I_CHR] = DT_CHR,
    [I_SOCK] = DT_SOCK, [I_MQUEUE] = DT_REG,
    [I_LNK] = DT_LNK, [I_PROC] = DT_REG,
};

/* Entry number idx of dir: "." and ".." first, then the stored names.
 * Returns false past the end. */
static bool dir_entry(struct inode *dir, int64_t idx, const char **name, struct inode **ip)
{
    if (idx < 2) {
        *name = idx == 0 ? "." : "..";
        *ip = idx == 0 || !dir->parent ? dir : dir->parent;
        return true;
    }
    struct dirent_node *d = dir->entries;
    for (int64_t i = 2; d && i < idx; i++)
        d = d->next;
    if (!d)
        return false;
    *name = d->name;
    *ip = d->ip;
    return true;
}

/*
 * Fill buf with as many whole records as fit, from entry f->off on.
 * Duplex: the offset is a position in the list of names, so removing names
 * while reading a directory may make a reader skip some; a program that
 * empties a directory (rm -r) should rewind and read again until empty.
 */
long sys_getdents(struct proc *p, const long *a)
{
    struct file *f = argfd(p, a[0]);
    uptr buf = (uptr)a[1];
    if (!f)
        return -EBADF;
    if (f->type != F_INODE || f->ip->type != I_DIR)
        return -ENOTDIR;
    if (a[2] < 0)
        return -EINVAL;
    size_t room = (size_t)a[2], used = 0;
    if (f->off == 0 && f->ip->proc_kind)
        procfs_refresh(f->ip);   /* a listing of /proc/N/fd starts */
    const char *name;
    struct inode *ip;
    while (dir_entry(f->ip, f->off, &name, &ip)) {
        union {                  /* aligned for the header fields */
            struct k_dirent d;
            char bytes[sizeof(struct k_dirent) + NAME_MAX + 1 + 8];
        } rec;
        size_t namelen = strlen(name);
        size_t reclen = (offsetof(struct k_dirent, d_name) + namelen + 1 + 7) & ~(size_t)7;
        if (reclen > room - used) {
            if (used == 0)
                return -EINVAL;  /* not even one record fits */
            break;
        }
        memset(&rec, 0, reclen);
        rec.d.d_ino = ip->ino;
        rec.d.d_off = f->off + 1;
        rec.d.d_reclen = (uint16_t)reclen;
        rec.d.d_type = dirent_type[ip->type];
        memcpy(rec.d.d_name, name, namelen + 1);
        if (copyout(p, buf + used, &rec, reclen) < 0)
            return used ? (long)used : -EFAULT;
        used += reclen;
        f->off++;
    }
    return (long)used;
}

long sys_chdir(struct proc *p, const long *a)
{
    struct inode *ip;
    long r = path_inode(p, (uptr)a[0], &ip);
    if (r < 0)
        return r;
    if (ip->type != I_DIR || !may_access(p, ip, X_OK)) {
        r = ip->type != I_DIR ? -ENOTDIR : -EACCES;
        iput(ip);
        return r;
    }
    iput(p->cwd);
    p->cwd = ip;
    return 0;
}

/* The name dir has in its parent. */
static const char *name_in_parent(struct inode *dir)
{
    for (struct dirent_node *d = dir->parent->entries; d; d = d->next)
        if (d->ip == dir)
            return d->name;
    panic("getcwd: directory %u missing from its parent", dir->ino);
}

/* The absolute path of directory dir, into out (size bytes, at least 2),
 * built from dir up to the root, right to left. Returns its length with
 * the NUL, -ENOENT for a directory that was removed, -ENAMETOOLONG. */
long dir_path(struct inode *dir, char *out, size_t size)
{
    char path[PATH_MAX];
    size_t pos = sizeof path - 1;
    if (dir->nlink == 0)
        return -ENOENT;          /* it was removed */
    path[pos] = '\0';
    for (; dir != vfs_root(); dir = dir->parent) {
        const char *name = name_in_parent(dir);
        size_t len = strlen(name);
        if (len + 1 > pos)
            return -ENAMETOOLONG;
        pos -= len;
        memcpy(path + pos, name, len);
        path[--pos] = '/';
    }
    if (path[pos] == '\0')
        path[--pos] = '/';
    size_t total = sizeof path - pos;
    if (total > size)
        return -ENAMETOOLONG;
    memcpy(out, path + pos, total);
    return (long)total;
}

/* Linux's system call returns the length with the NUL. */
long sys_getcwd(struct proc *p, const long *a)
{
    char path[PATH_MAX];
    long total = dir_path(p->cwd ? p->cwd : vfs_root(), path, sizeof path);
    if (total < 0)
        return total;
    if ((unsigned long)a[1] < (unsigned long)total)
        return -ERANGE;
    if (copyout(p, (uptr)a[0], path, (size_t)total) < 0)
        return -EFAULT;
    return (long)total;
}
