/*
 * vfs.c - path names, inode references and permissions.
 *
 * Duplex has one file system, the ramfs (ramfs.c), so there is no mount
 * table: this file turns path names into inodes, keeps inodes alive while
 * something uses them, and decides who may do what to them. The system
 * calls (sysfile.c) and open (file.c) are built on namei and nameiparent.
 * /proc is ramfs nodes too, whose contents procfs.c makes: a walk asks it
 * to bring a directory of /proc up to date before looking a name up there
 * (procfs_refresh), and for the target of a link of /proc (procfs_link).
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
 *
 * A symbolic link (I_LNK) holds its target path as its data. A walk that
 * meets one before the last component goes on along the target (from the
 * root if it is absolute, else from the link's directory) followed by the
 * rest of the path; the last component is followed only when the call
 * asks for it (stat, open: yes; lstat, unlink, rename: no) or the path
 * ends in a slash. More than MAXSYMLINKS links in one walk is ELOOP, as
 * on Linux: a cycle of links ends there.
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
    lazy_forget(ip);                    /* bytes never fetched */
    if (ip->mem)
        mman_file_gone(ip);             /* mappings may keep its bytes */
    else
        kfree(ip->data);
    if (ip->mq)
        mqueue_gone(ip);                /* a message queue's messages */
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
    if (dir->proc_kind)
        procfs_refresh(dir);     /* /proc/N/fd follows the descriptors */
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

static bool ends_in_slash(const char *path)
{
    size_t len = strlen(path);
    return len > 0 && path[len - 1] == '/';
}

/* A walk in progress: the directory the rest of the path starts from,
 * the rest, and the buffer a followed link rewrites the path into. */
struct walk {
    struct proc  *p;             /* who walks: /proc/self is its own */
    struct inode *dir;
    const char   *path;
    char         *buf;           /* PATH_MAX bytes, once a link was met */
    int           links;         /* followed so far */
};

/* Go on along link's target, then rest: "target/rest". */
static long follow_link(struct walk *w, struct inode *link, const char *rest)
{
    if (++w->links > MAXSYMLINKS)
        return -ELOOP;
    char proc_target[PATH_MAX];         /* a link of /proc makes its target now */
    const char *target = link->proc_kind ? proc_target : link->data;
    long r = link->proc_kind ? procfs_link(w->p, link, proc_target) : link->size;
    if (r < 0)
        return r;
    size_t tlen = (size_t)r, rlen = strlen(rest);
    if (tlen + 1 + rlen + 1 > PATH_MAX)
        return -ENAMETOOLONG;
    if (!w->buf && !(w->buf = kalloc(PATH_MAX)))
        return -ENOMEM;
    /* rest may lie in buf already: move it out of the target's way first */
    memmove(w->buf + tlen + 1, rest, rlen + 1);
    memcpy(w->buf, target, tlen);
    w->buf[tlen] = rlen ? '/' : '\0';
    if (target[0] == '/')
        w->dir = root;
    w->path = w->buf;
    return 0;
}

/* Walk w to the directory holding the last component of its path, whose
 * name goes into name. A path with no component at all ("/", "//") names
 * its start, whose last component is taken to be "."; trailing slashes are
 * ignored ("a/b/" ends in "b"). The directory must be searchable, since
 * every caller looks name up in it. */
static long walk_parent(struct proc *p, struct walk *w, char *name)
{
    long len = next_component(&w->path, name);
    if (len < 0)
        return len;
    if (len == 0)
        kstrlcpy(name, ".", NAME_MAX + 1);
    while (*w->path != '\0') {
        struct inode *next;
        long r = step(p, w->dir, name, &next);
        if (r < 0)
            return r;
        if (next->type == I_LNK) {
            if ((r = follow_link(w, next, w->path)) < 0)
                return r;
        } else {
            w->dir = next;
        }
        len = next_component(&w->path, name);
        if (len < 0)
            return len;
        if (len == 0)            /* a link to "/" with nothing after it */
            kstrlcpy(name, ".", NAME_MAX + 1);
    }
    if (w->dir->type != I_DIR)
        return -ENOTDIR;
    if (!may_access(p, w->dir, X_OK))
        return -EACCES;
    return 0;
}

static void walk_start(struct walk *w, struct proc *p, struct inode *at, const char *path)
{
    w->p = p;
    w->dir = path[0] == '/' ? root : at ? at : start_of(p, path);
    w->path = path;
    w->buf = NULL;
    w->links = 0;
}

long nameiparent_at(struct proc *p, struct inode *at, const char *path,
                    struct inode **dirp, char *name)
{
    if (path[0] == '\0')
        return -ENOENT;
    struct walk w;
    walk_start(&w, p, at, path);
    long r = walk_parent(p, &w, name);
    kfree(w.buf);
    if (r < 0)
        return r;
    iget(w.dir);
    *dirp = w.dir;
    return 0;
}

long nameiparent(struct proc *p, const char *path, struct inode **dirp, char *name)
{
    return nameiparent_at(p, NULL, path, dirp, name);
}

long namei_at(struct proc *p, struct inode *at, const char *path, bool follow,
              struct inode **out)
{
    if (path[0] == '\0')
        return -ENOENT;
    char name[NAME_MAX + 1];
    bool slash = ends_in_slash(path);
    struct inode *ip;
    struct walk w;
    walk_start(&w, p, at, path);
    long r;
    for (;;) {
        if ((r = walk_parent(p, &w, name)) < 0 || (r = step(p, w.dir, name, &ip)) < 0)
            break;
        if (ip->type != I_LNK || !(follow || slash))
            break;
        if ((r = follow_link(&w, ip, "")) < 0)
            break;
    }
    kfree(w.buf);
    if (r < 0)
        return r;
    /* "file/" asks for a directory */
    if (slash && ip->type != I_DIR)
        return -ENOTDIR;
    iget(ip);
    *out = ip;
    return 0;
}

long namei(struct proc *p, const char *path, struct inode **out)
{
    return namei_at(p, NULL, path, true, out);
}

static const uint32_t type_bits[] = {
    [I_DIR] = S_IFDIR, [I_REG] = S_IFREG, [I_FIFO] = S_IFIFO, [I_CHR] = S_IFCHR,
    [I_SOCK] = S_IFSOCK, [I_MQUEUE] = S_IFREG,      /* a queue is a file, as on Linux */
    [I_LNK] = S_IFLNK, [I_PROC] = S_IFREG,
};

/* Times before 1970 are negative: the nanoseconds stay in [0, 1e9). */
static struct k_timespec timespec_of(int64_t ns)
{
    int64_t sec = ns / 1000000000, rem = ns % 1000000000;
    if (rem < 0) {
        sec--;
        rem += 1000000000;
    }
    return (struct k_timespec){ sec, rem };
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

/* Sizes as a block file system such as ext4 reports them, so that ls -l,
 * stat and du show what they show on Linux: space is counted in blocks
 * of FS_BLOCK bytes. A directory occupies whole blocks, one at least,
 * holding records of 8 bytes plus the name rounded up to 4 ("." and ".."
 * included); its size is those blocks. */
#define FS_BLOCK 4096

static int64_t whole_blocks(int64_t bytes)
{
    return (bytes + FS_BLOCK - 1) / FS_BLOCK * FS_BLOCK;
}

static int64_t dir_size(struct inode *dir)
{
    int64_t bytes = 2 * 12;                              /* "." and ".." */
    for (struct dirent_node *d = dir->entries; d; d = d->next)
        bytes += 8 + (int64_t)((strlen(d->name) + 3) & ~(size_t)3);
    return whole_blocks(bytes);
}

/* The space a file occupies, in the 512-byte units of st_blocks: a
 * regular file the memory that holds its bytes (or its size, for bytes
 * not fetched yet), rounded up to whole blocks; a directory its size; a
 * symbolic link nothing while its target fits in the inode (60 bytes, as
 * ext4), else a block; anything else nothing. */
static int64_t blocks_of(struct inode *ip, int64_t size)
{
    if (ip->type == I_REG)
        return whole_blocks(MAX((int64_t)ip->cap, ip->size)) / 512;
    if (ip->type == I_DIR)
        return size / 512;
    if (ip->type == I_LNK)
        return ip->size < 60 ? 0 : FS_BLOCK / 512;
    return 0;
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
    st->st_blksize = FS_BLOCK;
    st->st_size = ip->type == I_REG || ip->type == I_LNK ? ip->size
                 : ip->type == I_DIR ? dir_size(ip)
                 : ip->type == I_MQUEUE ? 80 : 0;
    st->st_blocks = blocks_of(ip, st->st_size);
    st->st_atim = timespec_of(ip->atime);
    st->st_mtim = timespec_of(ip->mtime);
    st->st_ctim = timespec_of(ip->ctime);
}
