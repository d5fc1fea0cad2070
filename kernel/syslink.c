/*
 * syslink.c - the system calls of links and file attributes: symlink,
 * readlink, link, utimensat, fchownat.
 *
 * The path walk that follows symbolic links is vfs.c's; a link is an
 * inode of type I_LNK whose data is its target (ramfs.c stores it as a
 * file's bytes). A hard link is one more name for an inode (dir_link), so
 * link needs nothing new below this file.
 *
 * Like Linux's *at calls, utimensat and fchownat take a directory
 * descriptor for relative paths (AT_FDCWD: the cwd) and, with a NULL path,
 * act on that descriptor's own file (futimens, fchown). Errors follow
 * Linux.
 */
#include "kernel.h"

static int64_t realtime_ns(void)
{
    return (int64_t)plat_clock_ns(CLOCK_REALTIME_COARSE);
}

/* The directory a relative path of an *at call starts from: NULL for the
 * cwd. */
static long at_dir(struct proc *p, long dirfd, struct inode **at)
{
    *at = NULL;
    if (dirfd == AT_FDCWD)
        return 0;
    if (dirfd < 0 || dirfd >= NOFILE || !p->ofile[dirfd])
        return -EBADF;
    struct inode *ip = p->ofile[dirfd]->ip;
    if (!ip || ip->type != I_DIR)
        return -ENOTDIR;
    *at = ip;
    return 0;
}

/* The inode of an *at call, referenced: upath from dirfd, or the open
 * file dirfd itself when upath is 0. */
static long at_inode(struct proc *p, long dirfd, uptr upath, long flags, struct inode **out)
{
    if (upath == 0) {
        if (dirfd < 0 || dirfd >= NOFILE || !p->ofile[dirfd])
            return -EBADF;
        struct inode *ip = p->ofile[dirfd]->ip;
        if (!ip)
            return -EINVAL;      /* a pipe or a kernel object has no inode */
        iget(ip);
        *out = ip;
        return 0;
    }
    char path[PATH_MAX];
    struct inode *at;
    long r = copyin_path(p, path, upath);
    if (r == 0)
        r = at_dir(p, dirfd, &at);
    if (r < 0)
        return r;
    return namei_at(p, at, path, !(flags & AT_SYMLINK_NOFOLLOW), out);
}

/* A new name in a directory for symlink and link: the directory
 * (referenced) and the name, checked free and writable. */
static long new_name(struct proc *p, const char *path, struct inode **dirp, char *name)
{
    long r = nameiparent(p, path, dirp, name);
    if (r < 0)
        return r;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || dir_lookup(*dirp, name))
        r = -EEXIST;
    else if ((*dirp)->nlink == 0)
        r = -ENOENT;             /* a removed directory takes no new names */
    else if (!may_access(p, *dirp, W_OK | X_OK))
        r = -EACCES;
    if (r < 0)
        iput(*dirp);
    return r;
}

/* symlink(target, path): the target is stored as given, never checked. */
long sys_symlink(struct proc *p, const long *a)
{
    char target[PATH_MAX], path[PATH_MAX], name[NAME_MAX + 1];
    struct inode *dir, *ip;
    long r = copyin_path(p, target, (uptr)a[0]);
    if (r == 0)
        r = copyin_path(p, path, (uptr)a[1]);
    if (r == 0)
        r = new_name(p, path, &dir, name);
    if (r < 0)
        return r;
    size_t len = strlen(target);
    if (!(ip = ramfs_alloc(I_LNK, 0777, p)) || !(ip->data = kalloc(len))) {
        r = -ENOMEM;
    } else {
        memcpy(ip->data, target, len);
        ip->size = (int64_t)len;
        ip->cap = len;
        r = dir_link(dir, name, ip);
    }
    if (r < 0 && ip) {           /* never linked: this frees it */
        iget(ip);
        iput(ip);
    }
    iput(dir);
    return r;
}

/* readlink(path, buf, size): the target, not NUL-terminated, cut to size. */
long sys_readlink(struct proc *p, const long *a)
{
    char path[PATH_MAX];
    struct inode *ip;
    if (a[2] <= 0)
        return -EINVAL;
    long r = copyin_path(p, path, (uptr)a[0]);
    if (r == 0)
        r = namei_at(p, NULL, path, false, &ip);
    if (r < 0)
        return r;
    if (ip->type != I_LNK) {
        r = -EINVAL;
    } else {
        char proc_target[PATH_MAX];     /* a link of /proc makes its target now */
        const char *target = ip->proc_kind ? proc_target : ip->data;
        r = ip->proc_kind ? procfs_link(p, ip, proc_target) : ip->size;
        size_t n = MIN((size_t)a[2], (size_t)r);
        if (r >= 0)
            r = copyout(p, (uptr)a[1], target, n) < 0 ? -EFAULT : (long)n;
    }
    iput(ip);
    return r;
}

/* link(old, new): new names old's inode. As Linux, a symbolic link old is
 * not followed (the new name is a second name of the link), and a
 * directory cannot get a second name. */
long sys_link(struct proc *p, const long *a)
{
    char oldpath[PATH_MAX], path[PATH_MAX], name[NAME_MAX + 1];
    struct inode *ip, *dir;
    long r = copyin_path(p, oldpath, (uptr)a[0]);
    if (r == 0)
        r = copyin_path(p, path, (uptr)a[1]);
    if (r == 0)
        r = namei_at(p, NULL, oldpath, false, &ip);
    if (r < 0)
        return r;
    if (ip->type == I_DIR) {
        r = -EPERM;
    } else if ((r = new_name(p, path, &dir, name)) == 0) {
        r = dir_link(dir, name, ip);
        if (r == 0)
            ip->ctime = realtime_ns();
        iput(dir);
    }
    iput(ip);
    return r;
}

/* The seconds a time in nanoseconds of 64 bits holds, either way (the
 * years 1678 to 2262), one kept back so that the nanoseconds fit too. */
#define TIME_SEC_MAX (INT64_MAX / 1000000000 - 1)

/* One of utimensat's two times: *t set from ts, unless UTIME_OMIT. A time
 * past what the inode can hold is kept at that end, as Linux keeps one a
 * file system cannot hold at that file system's limit. */
static long set_time(int64_t *t, const struct k_timespec *ts, int64_t now)
{
    if (ts->tv_nsec == UTIME_OMIT)
        return 0;
    if (ts->tv_nsec == UTIME_NOW) {
        *t = now;
        return 1;
    }
    if (ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
        return -EINVAL;
    if (ts->tv_sec > TIME_SEC_MAX)
        *t = INT64_MAX;
    else if (ts->tv_sec < -TIME_SEC_MAX)
        *t = INT64_MIN;
    else
        *t = ts->tv_sec * 1000000000 + ts->tv_nsec;
    return 1;
}

/*
 * utimensat(dirfd, path, const k_timespec times[2], flags): set the access
 * and modification times; times 0 means both now. Setting them to now
 * needs write permission or ownership; any other time, ownership (root
 * may do both). The change time becomes now.
 */
long sys_utimensat(struct proc *p, const long *a)
{
    struct k_timespec ts[2];
    bool given = a[2] != 0;
    if (given && copyin(p, ts, (uptr)a[2], sizeof ts) < 0)
        return -EFAULT;
    if (a[3] & ~(long)AT_SYMLINK_NOFOLLOW)
        return -EINVAL;
    for (int i = 0; given && i < 2; i++)
        if (ts[i].tv_nsec != UTIME_NOW && ts[i].tv_nsec != UTIME_OMIT &&
            (ts[i].tv_nsec < 0 || ts[i].tv_nsec >= 1000000000))
            return -EINVAL;
    bool to_now = !given || (ts[0].tv_nsec == UTIME_NOW && ts[1].tv_nsec == UTIME_NOW);
    struct inode *ip;
    long r = at_inode(p, a[0], (uptr)a[1], a[3], &ip);
    if (r < 0)
        return r;
    bool owner = p->uid == 0 || p->uid == ip->uid;
    if (!owner && !(to_now && may_access(p, ip, W_OK))) {
        r = to_now ? -EACCES : -EPERM;
    } else {
        int64_t now = realtime_ns();
        const struct k_timespec both_now = { 0, UTIME_NOW };
        long changed = set_time(&ip->atime, given ? &ts[0] : &both_now, now) +
                       set_time(&ip->mtime, given ? &ts[1] : &both_now, now);
        if (changed)
            ip->ctime = now;
        r = 0;
    }
    iput(ip);
    return r;
}

/*
 * fchownat(dirfd, path, uid, gid, flags): -1 leaves that one as it is.
 * Only root gives a file away; the owner may set the group to its own
 * group. As on Linux, a chown of a file that is not a directory clears its
 * set-user-ID bit, and its set-group-ID bit if it is group-executable.
 */
long sys_fchownat(struct proc *p, const long *a)
{
    if (a[4] & ~(long)AT_SYMLINK_NOFOLLOW)
        return -EINVAL;
    struct inode *ip;
    long r = at_inode(p, a[0], (uptr)a[1], a[4], &ip);
    if (r < 0)
        return r;
    uint32_t uid = (uint32_t)a[2], gid = (uint32_t)a[3];
    bool new_uid = uid != (uint32_t)-1 && uid != ip->uid;
    bool new_gid = gid != (uint32_t)-1 && gid != ip->gid;
    if (p->uid != 0 && (new_uid || (new_gid && (p->uid != ip->uid || gid != p->gid)))) {
        r = -EPERM;
    } else {
        if (uid != (uint32_t)-1)
            ip->uid = uid;
        if (gid != (uint32_t)-1)
            ip->gid = gid;
        if (ip->type != I_DIR)
            ip->mode &= ~(uint32_t)(S_ISUID | (ip->mode & S_IXGRP ? S_ISGID : 0));
        ip->ctime = realtime_ns();
    }
    iput(ip);
    return r;
}
