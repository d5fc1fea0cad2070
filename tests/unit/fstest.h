/*
 * fstest.h - small helpers shared by the file-system tests (test_fs.c,
 * test_file.c, test_dev.c, test_initramfs.c, test_link.c, test_procfs.c).
 *
 * tsys reads six long arguments whatever it is given, so every call here
 * goes through sys3, whose parameters are long: an int or a pointer passed
 * to it is converted properly.
 */
#ifndef DUPLEX_FSTEST_H
#define DUPLEX_FSTEST_H

#include "test.h"

static inline long sys3(struct proc *p, long nr, long a, long b, long c)
{
    return tsys(p, nr, a, b, c, 0L, 0L, 0L);
}

/* A system call whose one argument is a path: unlink, rmdir, chdir. */
static inline long spath(struct proc *p, long nr, const char *path)
{
    return sys3(p, nr, (long)ustr(p, path), 0, 0);
}

static inline long sopen(struct proc *p, const char *path, long flags, long mode)
{
    return sys3(p, SYS_open, (long)ustr(p, path), flags, mode);
}

static inline long sclose(struct proc *p, long fd)
{
    return sys3(p, SYS_close, fd, 0, 0);
}

static inline long swrite(struct proc *p, long fd, const char *s)
{
    return sys3(p, SYS_write, fd, (long)ustr(p, s), (long)strlen(s));
}

/* Read up to n bytes into out (NUL-terminated when the read succeeded). */
static inline long sread(struct proc *p, long fd, char *out, size_t n)
{
    uptr b = ubuf(p, n + 1);
    long r = sys3(p, SYS_read, fd, (long)b, (long)n);
    if (r >= 0) {
        memcpy(out, uhost(p, b), (size_t)r);
        out[r] = '\0';
    }
    return r;
}

static inline long sstat(struct proc *p, const char *path, struct k_stat *st)
{
    uptr b = ubuf(p, sizeof *st);
    long r = sys3(p, SYS_stat, (long)ustr(p, path), (long)b, 0);
    if (r == 0)
        memcpy(st, uhost(p, b), sizeof *st);
    return r;
}

static inline long sfstat(struct proc *p, long fd, struct k_stat *st)
{
    uptr b = ubuf(p, sizeof *st);
    long r = sys3(p, SYS_fstat, fd, (long)b, 0);
    if (r == 0)
        memcpy(st, uhost(p, b), sizeof *st);
    return r;
}

static inline long smkdir(struct proc *p, const char *path, long mode)
{
    return sys3(p, SYS_mkdir, (long)ustr(p, path), mode, 0);
}

static inline long srename(struct proc *p, const char *from, const char *to)
{
    return sys3(p, SYS_rename, (long)ustr(p, from), (long)ustr(p, to), 0);
}

static inline long slseek(struct proc *p, long fd, long off, long whence)
{
    return sys3(p, SYS_lseek, fd, off, whence);
}

static inline long sfcntl(struct proc *p, long fd, long cmd, long arg)
{
    return sys3(p, SYS_fcntl, fd, cmd, arg);
}

/* Make a file from the host side with the given contents. */
static inline void mkfile(const char *path, const char *contents, uint32_t mode)
{
    long r = ramfs_create_path(path, I_REG, mode, contents, strlen(contents));
    if (r < 0)
        test_fail(__FILE__, __LINE__, "mkfile %s: %ld", path, r);
}

/* The whole contents of a file, read as p (at most 255 bytes). */
static inline const char *slurp(struct proc *p, const char *path)
{
    static char buf[256];
    long fd = sopen(p, path, O_RDONLY, 0);
    if (fd < 0)
        return "(cannot open)";
    long r = sread(p, fd, buf, sizeof buf - 1);
    sclose(p, fd);
    return r < 0 ? "(cannot read)" : buf;
}

/* The inode at path, looked up as the kernel (no reference kept). */
static inline struct inode *inode_at(const char *path)
{
    struct inode *ip;
    if (namei(NULL, path, &ip) < 0)
        return NULL;
    iput(ip);
    return ip;
}

/* Remove everything below dir, from the host side. */
static inline void rmtree_below(struct inode *dir)
{
    while (dir->entries) {
        char name[NAME_MAX + 1];
        struct dirent_node *d = dir->entries;
        kstrlcpy(name, d->name, sizeof name);
        if (d->ip->type == I_DIR)
            rmtree_below(d->ip);
        dir_unlink(dir, name);
    }
}

/* Remove path and everything below it. */
static inline void rmtree(const char *path)
{
    char name[NAME_MAX + 1];
    struct inode *dir, *ip;
    if (nameiparent(NULL, path, &dir, name) < 0)
        return;
    if ((ip = dir_lookup(dir, name))) {
        if (ip->type == I_DIR)
            rmtree_below(ip);
        dir_unlink(dir, name);
    }
    iput(dir);
}

/* A child of init that runs as an ordinary user (uid and gid 1000). */
static inline struct proc *user_proc(void)
{
    struct proc *c = tspawn(init, "/bin/init");
    CHECK_EQ(sys3(c, SYS_setgid, 1000, 0, 0), 0);
    CHECK_EQ(sys3(c, SYS_setuid, 1000, 0, 0), 0);
    return c;
}

/* A user string whose bytes run into the end of user memory: copying it
 * in faults before its NUL is found. */
static inline uptr unterminated(struct proc *p)
{
    uptr a = UBASE + USIZE - 2;
    memcpy(uhost(p, a), "ab", 2);
    return a;
}

/* The target of the link at path (read into a buffer of size bytes), or
 * the error as text. */
static inline const char *sreadlink(struct proc *p, const char *path, long size)
{
    static char out[PATH_MAX + 16];
    uptr b = ubuf(p, PATH_MAX);
    long r = sys3(p, SYS_readlink, (long)ustr(p, path), (long)b, size);
    if (r < 0) {
        snprintf(out, sizeof out, "error %ld", -r);
        return out;
    }
    memcpy(out, uhost(p, b), (size_t)r);
    out[r] = '\0';
    return out;
}

#endif
