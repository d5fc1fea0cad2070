/*
 * vfs.c - path names, inode references and permissions.
 *
 * Duplex has one file system, the ramfs (ramfs.c), so there is no mount
 * table: this file turns path names into inodes, keeps inodes alive while
 * something uses them, and decides who may do what to them. The system
 * calls (sysfile.c) and open (file.c) are built on namei and nameiparent.
 *
 * An inode lives while a name refers to it (nlink > 0) or something holds
 * it (ref > 0: an open file, a cwd, a call in progress). The last iput of an
 * unlinked inode frees it; the last unlink of an unused one frees it at once
 * (dir_unlink does an iget/iput pair for that).
 *
 * A directory's nlink is 1 while it has a name and 0 once removed; stat
 * reports the traditional 2 + subdirectories. "." and ".." are never stored:
 * ".." follows dir->parent, which is NULL once the directory is removed, so
 * nothing can be looked up in a removed directory, not even "..".
 *
 * A path walk never blocks and nothing else runs meanwhile, so the inodes
 * passed through need no references; only the result gets one.
 */
#include "kernel.h"

static struct inode *root;

void vfs_init(void)
{
    root = ramfs_alloc(I_DIR, 0755, NULL);
    if (!root)
        panic("vfs_init: no memory for the root directory");
    root->parent = root;         /* "/.." is "/" */
    root->nlink = 1;             /* it has no name, but it is never removed */
    root->ref = 1;               /* and never freed */
}

/* No reference is taken: the root lives for ever. */
struct inode *vfs_root(void)
{
    return root;
}

void iget(struct inode *ip)
{
    ip->ref++;
}

void iput(struct inode *ip)
{
    if (!ip)
        return;
    KASSERT(ip->ref > 0);
    if (--ip->ref > 0 || ip->nlink > 0)
        return;
    /* Nothing names it and nothing holds it. A directory gets here only
     * once emptied by rmdir, and a FIFO only once its pipe is gone. */
    KASSERT(ip->entries == NULL && ip->pipe == NULL);
    if (ip->mem)
        mman_file_gone(ip);             /* mappings may keep its bytes */
    else
        kfree(ip->data);
    kfree(ip);
    kstats.inodes--;
}

/* The classic Unix check. Root may read and write anything and search any
 * directory, but runs a file only if some execute bit is set. A NULL p is
 * the kernel itself. */
bool may_access(struct proc *p, struct inode *ip, int want)
{
    if (!p)
        return true;
    if (p->uid == 0) {
        if ((want & X_OK) && ip->type != I_DIR)
            return (ip->mode & (S_IXUSR | S_IXGRP | S_IXOTH)) != 0;
        return true;
    }
    uint32_t bits;
    if (p->uid == ip->uid)
        bits = ip->mode >> 6;
    else if (p->gid == ip->gid)
        bits = ip->mode >> 3;
    else
        bits = ip->mode;
    return ((uint32_t)want & bits & 7) == ((uint32_t)want & 7);
}

/* One step of a walk: the inode called name in dir. */
static long step(struct proc *p, struct inode *dir, const char *name, struct inode **next)
{
    if (dir->type != I_DIR)
        return -ENOTDIR;
    if (!may_access(p, dir, X_OK))
        return -EACCES;
    if (strcmp(name, ".") == 0) {
        *next = dir;
        return 0;
    }
    if (strcmp(name, "..") == 0) {
        *next = dir->parent;
        return dir->parent ? 0 : -ENOENT;
    }
    *next = dir_lookup(dir, name);
    return *next ? 0 : -ENOENT;
}

/* Copy the component at *pathp into name and advance past it and the
 * slashes that follow. Returns its length, 0 at the end of the path. */
static long next_component(const char **pathp, char *name)
{
    const char *s = *pathp;
    while (*s == '/')
        s++;
    size_t len = 0;
    while (s[len] != '\0' && s[len] != '/')
        len++;
    if (len > NAME_MAX)
        return -ENAMETOOLONG;
    memcpy(name, s, len);
    name[len] = '\0';
    s += len;
    while (*s == '/')
        s++;
    *pathp = s;
    return (long)len;
}

static struct inode *start_of(struct proc *p, const char *path)
{
    if (path[0] == '/' || !p || !p->cwd)
        return root;
    return p->cwd;
}

/*
 * Walk to the directory holding the last component of path. A path with no
 * component at all ("/", "//") names the root, whose last component is
 * taken to be "."; trailing slashes are ignored ("a/b/" ends in "b").
 * The directory must be searchable, since every caller looks name up in it.
 */
long nameiparent(struct proc *p, const char *path, struct inode **dirp, char *name)
{
    if (path[0] == '\0')
        return -ENOENT;
    struct inode *dir = start_of(p, path);
    long len = next_component(&path, name);
    if (len < 0)
        return len;
    if (len == 0)
        kstrlcpy(name, ".", NAME_MAX + 1);
    while (*path != '\0') {
        struct inode *next;
        long r = step(p, dir, name, &next);
        if (r < 0)
            return r;
        dir = next;
        len = next_component(&path, name);
        if (len < 0)
            return len;
    }
    if (dir->type != I_DIR)
        return -ENOTDIR;
    if (!may_access(p, dir, X_OK))
        return -EACCES;
    iget(dir);
    *dirp = dir;
    return 0;
}

long namei(struct proc *p, const char *path, struct inode **out)
{
    char name[NAME_MAX + 1];
    struct inode *dir, *ip;
    long r = nameiparent(p, path, &dir, name);
    if (r < 0)
        return r;
    r = step(p, dir, name, &ip);
    iput(dir);
    if (r < 0)
        return r;
    /* "file/" asks for a directory */
    if (path[strlen(path) - 1] == '/' && ip->type != I_DIR)
        return -ENOTDIR;
    iget(ip);
    *out = ip;
    return 0;
}

static const uint32_t type_bits[] = {
    [I_DIR] = S_IFDIR, [I_REG] = S_IFREG, [I_FIFO] = S_IFIFO, [I_CHR] = S_IFCHR,
};

static struct k_timespec timespec_of(uint64_t ns)
{
    return (struct k_timespec){ (int64_t)(ns / 1000000000u), (int64_t)(ns % 1000000000u) };
}

/* A directory's link count the way ls expects it: its name, its ".",
 * and the ".." of each subdirectory. */
static uint32_t dir_nlink(struct inode *dir)
{
    if (dir->nlink == 0)
        return 0;
    uint32_t n = 2;
    for (struct dirent_node *d = dir->entries; d; d = d->next)
        if (d->ip->type == I_DIR)
            n++;
    return n;
}

void stat_inode(struct inode *ip, struct k_stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_dev = 1;
    st->st_ino = ip->ino;
    st->st_mode = type_bits[ip->type] | ip->mode;
    st->st_nlink = ip->type == I_DIR ? dir_nlink(ip) : ip->nlink;
    st->st_uid = ip->uid;
    st->st_gid = ip->gid;
    st->st_rdev = ip->type == I_CHR ? (uint32_t)ip->dev : 0;
    st->st_blksize = 4096;
    st->st_size = ip->type == I_REG ? ip->size : 0;
    st->st_blocks = (int64_t)((ip->cap + 511) / 512);
    st->st_atim = timespec_of(ip->atime);
    st->st_mtim = timespec_of(ip->mtime);
    st->st_ctim = timespec_of(ip->ctime);
}
