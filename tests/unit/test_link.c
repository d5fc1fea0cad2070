/*
 * test_link.c - symbolic and hard links, file times and owners: the path
 * walk that follows links (vfs.c) and the calls of syslink.c (symlink,
 * readlink, link, utimensat, fchownat), stat's AT_SYMLINK_NOFOLLOW.
 */
#include "fstest.h"

static long ssymlink(struct proc *p, const char *target, const char *path)
{
    return sys3(p, SYS_symlink, (long)ustr(p, target), (long)ustr(p, path), 0);
}

static long slink(struct proc *p, const char *old, const char *path)
{
    return sys3(p, SYS_link, (long)ustr(p, old), (long)ustr(p, path), 0);
}

static long slstat(struct proc *p, const char *path, struct k_stat *st)
{
    uptr b = ubuf(p, sizeof *st);
    long r = sys3(p, SYS_stat, (long)ustr(p, path), (long)b, AT_SYMLINK_NOFOLLOW);
    if (r == 0)
        memcpy(st, uhost(p, b), sizeof *st);
    return r;
}

static long sutimens(struct proc *p, long dirfd, const char *path, const struct k_timespec *ts,
                     long flags)
{
    uptr t = 0;
    if (ts) {
        t = ubuf(p, 2 * sizeof *ts);
        memcpy(uhost(p, t), ts, 2 * sizeof *ts);
    }
    return tsys(p, SYS_utimensat, dirfd, path ? (long)ustr(p, path) : 0L, (long)t, flags,
                0L, 0L);
}

static long schown(struct proc *p, const char *path, long uid, long gid, long flags)
{
    return tsys(p, SYS_fchownat, (long)AT_FDCWD, (long)ustr(p, path), uid, gid, flags, 0L);
}

/* A short link lives in its inode and occupies nothing; from 60 bytes
 * of target on, a block (as ext4). */
TEST(symlink_blocks)
{
    struct k_stat st;
    char target[61];
    memset(target, 'x', 60);
    target[60] = '\0';
    CHECK_EQ(ssymlink(init, "short", "/s1"), 0);
    CHECK_EQ(ssymlink(init, target, "/s2"), 0);
    CHECK_EQ(slstat(init, "/s1", &st), 0);
    CHECK_EQ(st.st_size, 5);
    CHECK_EQ(st.st_blocks, 0);
    CHECK_EQ(slstat(init, "/s2", &st), 0);
    CHECK_EQ(st.st_size, 60);
    CHECK_EQ(st.st_blocks, 8);
    CHECK_EQ(spath(init, SYS_unlink, "/s1"), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/s2"), 0);
}

TEST(symlink_followed_in_the_middle_and_at_the_end)
{
    CHECK_EQ(smkdir(init, "/l", 0755), 0);
    CHECK_EQ(smkdir(init, "/l/dir", 0755), 0);
    mkfile("/l/dir/f", "hello", 0644);
    CHECK_EQ(ssymlink(init, "dir", "/l/rel"), 0);
    CHECK_EQ(ssymlink(init, "/l/dir/f", "/l/abs"), 0);
    CHECK_EQ(ssymlink(init, "rel/f", "/l/chain"), 0);
    CHECK_STR(slurp(init, "/l/rel/f"), "hello");
    CHECK_STR(slurp(init, "/l/abs"), "hello");
    CHECK_STR(slurp(init, "/l/chain"), "hello");
    struct k_stat st, lst;
    CHECK_EQ(sstat(init, "/l/rel", &st), 0);
    CHECK(S_ISDIR(st.st_mode));
    CHECK_EQ(slstat(init, "/l/rel", &lst), 0);
    CHECK(S_ISLNK(lst.st_mode));
    CHECK_EQ(lst.st_mode & 07777, 0777u);
    CHECK_EQ(lst.st_size, 3);                    /* "dir" */
    CHECK_EQ(slstat(init, "/l/rel/", &lst), 0);  /* a trailing slash follows */
    CHECK(S_ISDIR(lst.st_mode));
    CHECK_EQ(spath(init, SYS_chdir, "/l/rel"), 0);
    CHECK_STR(slurp(init, "f"), "hello");
    CHECK_EQ(spath(init, SYS_chdir, "/"), 0);
    CHECK_STR(sreadlink(init, "/l/chain", 100), "rel/f");
    CHECK_STR(sreadlink(init, "/l/chain", 3), "rel");      /* cut, no NUL */
    CHECK_STR(sreadlink(init, "/l/dir", 100), "error 22");  /* EINVAL */
    CHECK_STR(sreadlink(init, "/l/nope", 100), "error 2");
    /* unlink removes the link, not what it names */
    CHECK_EQ(spath(init, SYS_unlink, "/l/abs"), 0);
    CHECK_STR(slurp(init, "/l/dir/f"), "hello");
    rmtree("/l");
}

TEST(symlink_dangling_loops_and_errors)
{
    CHECK_EQ(smkdir(init, "/m", 0755), 0);
    struct k_stat st;
    CHECK_EQ(ssymlink(init, "nowhere", "/m/dangling"), 0);
    CHECK_EQ(sstat(init, "/m/dangling", &st), -ENOENT);
    CHECK_EQ(slstat(init, "/m/dangling", &st), 0);
    CHECK_EQ(ssymlink(init, "x", "/m/dangling"), -EEXIST);
    CHECK_EQ(ssymlink(init, "", "/m/empty"), -ENOENT);
    CHECK_EQ(ssymlink(init, "b", "/m/a"), 0);
    CHECK_EQ(ssymlink(init, "a", "/m/b"), 0);
    CHECK_EQ(sstat(init, "/m/a", &st), -ELOOP);
    CHECK_EQ(sstat(init, "/m/a/x", &st), -ELOOP);
    CHECK_EQ(ssymlink(init, "self", "/m/self"), 0);
    CHECK_EQ(sopen(init, "/m/self", O_RDONLY, 0), -ELOOP);
    /* a chain of 40 links resolves, 41 is a loop (Linux's MAXSYMLINKS) */
    mkfile("/m/end", "end", 0644);
    char name[32], target[32];
    for (int i = 0; i <= 40; i++) {
        snprintf(name, sizeof name, "/m/c%d", i);
        if (i == 0)
            snprintf(target, sizeof target, "end");
        else
            snprintf(target, sizeof target, "c%d", i - 1);
        CHECK_EQ(ssymlink(init, target, name), 0);
    }
    CHECK_STR(slurp(init, "/m/c39"), "end");
    CHECK_EQ(sstat(init, "/m/c40", &st), -ELOOP);
    /* O_NOFOLLOW refuses a link at the end only */
    mkfile("/m/file", "data", 0644);
    CHECK_EQ(ssymlink(init, "file", "/m/tofile"), 0);
    CHECK_EQ(sopen(init, "/m/tofile", O_RDONLY | O_NOFOLLOW, 0), -ELOOP);
    long fd = sopen(init, "/m/file", O_RDONLY | O_NOFOLLOW, 0);
    CHECK(fd >= 0);
    sclose(init, fd);
    /* O_CREAT through a link to an existing file opens that file */
    fd = sopen(init, "/m/tofile", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    swrite(init, fd, "new");
    sclose(init, fd);
    CHECK_STR(slurp(init, "/m/file"), "new");
    CHECK_EQ(sopen(init, "/m/tofile", O_WRONLY | O_CREAT | O_EXCL, 0644), -EEXIST);
    /* rmdir of a link to a directory: not a directory */
    CHECK_EQ(smkdir(init, "/m/d", 0755), 0);
    CHECK_EQ(ssymlink(init, "d", "/m/tod"), 0);
    CHECK_EQ(spath(init, SYS_rmdir, "/m/tod"), -ENOTDIR);
    rmtree("/m");
}

TEST(link_gives_an_inode_a_second_name)
{
    CHECK_EQ(smkdir(init, "/h", 0755), 0);
    mkfile("/h/a", "one", 0644);
    CHECK_EQ(slink(init, "/h/a", "/h/b"), 0);
    struct k_stat sa, sb;
    CHECK_EQ(sstat(init, "/h/a", &sa), 0);
    CHECK_EQ(sstat(init, "/h/b", &sb), 0);
    CHECK_EQ(sa.st_ino, sb.st_ino);
    CHECK_EQ(sa.st_nlink, 2u);
    CHECK_EQ(slink(init, "/h/a", "/h/b"), -EEXIST);
    CHECK_EQ(slink(init, "/h/nope", "/h/c"), -ENOENT);
    CHECK_EQ(slink(init, "/h", "/h/dirlink"), -EPERM);
    CHECK_EQ(spath(init, SYS_unlink, "/h/a"), 0);
    CHECK_STR(slurp(init, "/h/b"), "one");
    CHECK_EQ(sstat(init, "/h/b", &sb), 0);
    CHECK_EQ(sb.st_nlink, 1u);
    /* a link to a symbolic link is a second name of the link itself */
    CHECK_EQ(ssymlink(init, "b", "/h/s"), 0);
    CHECK_EQ(slink(init, "/h/s", "/h/s2"), 0);
    CHECK_STR(sreadlink(init, "/h/s2", 100), "b");
    struct proc *u = user_proc();
    CHECK_EQ(slink(u, "/h/b", "/h/c"), -EACCES);    /* /h is root's */
    texit_reap(u, 0);
    rmtree("/h");
}

TEST(utimensat_sets_times_and_checks_who)
{
    mkfile("/t", "x", 0644);
    struct k_timespec ts[2] = { { 1000, 5 }, { 2000000000, 7 } };
    CHECK_EQ(sutimens(init, AT_FDCWD, "/t", ts, 0), 0);
    struct k_stat st;
    CHECK_EQ(sstat(init, "/t", &st), 0);
    CHECK_EQ(st.st_atim.tv_sec, 1000);
    CHECK_EQ(st.st_atim.tv_nsec, 5);
    CHECK_EQ(st.st_mtim.tv_sec, 2000000000);
    CHECK_EQ(st.st_mtim.tv_nsec, 7);
    CHECK(st.st_ctim.tv_sec > 2000);
    /* UTIME_OMIT keeps one; times before 1970 are kept */
    struct k_timespec old[2] = { { 0, UTIME_OMIT }, { -86400, 0 } };
    CHECK_EQ(sutimens(init, AT_FDCWD, "/t", old, 0), 0);
    CHECK_EQ(sstat(init, "/t", &st), 0);
    CHECK_EQ(st.st_atim.tv_sec, 1000);
    CHECK_EQ(st.st_mtim.tv_sec, -86400);
    struct k_timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
    CHECK_EQ(sutimens(init, AT_FDCWD, "/t", bad, 0), -EINVAL);
    /* NULL: now; through a descriptor with a NULL path (futimens) */
    long fd = sopen(init, "/t", O_RDONLY, 0);
    CHECK_EQ(sutimens(init, fd, NULL, NULL, 0), 0);
    CHECK_EQ(sstat(init, "/t", &st), 0);
    CHECK(st.st_mtim.tv_sec > 2000);
    sclose(init, fd);
    CHECK_EQ(sutimens(init, AT_FDCWD, "/nope", NULL, 0), -ENOENT);
    /* someone else's file: now needs write permission, a time ownership */
    struct proc *u = user_proc();
    CHECK_EQ(sutimens(u, AT_FDCWD, "/t", NULL, 0), -EACCES);
    CHECK_EQ(sutimens(u, AT_FDCWD, "/t", ts, 0), -EPERM);
    CHECK_EQ(sys3(init, SYS_chmod, (long)ustr(init, "/t"), 0666, 0), 0);
    CHECK_EQ(sutimens(u, AT_FDCWD, "/t", NULL, 0), 0);
    CHECK_EQ(sutimens(u, AT_FDCWD, "/t", ts, 0), -EPERM);
    texit_reap(u, 0);
    /* AT_SYMLINK_NOFOLLOW sets the link's own times */
    CHECK_EQ(ssymlink(init, "t", "/tl"), 0);
    CHECK_EQ(sutimens(init, AT_FDCWD, "/tl", ts, AT_SYMLINK_NOFOLLOW), 0);
    CHECK_EQ(slstat(init, "/tl", &st), 0);
    CHECK_EQ(st.st_mtim.tv_sec, 2000000000);
    CHECK_EQ(sstat(init, "/tl", &st), 0);
    CHECK(st.st_mtim.tv_sec != 2000000000);
    spath(init, SYS_unlink, "/tl");
    spath(init, SYS_unlink, "/t");
}

TEST(fchownat_owner_and_group)
{
    mkfile("/o", "x", 04755);
    CHECK_EQ(schown(init, "/o", 1000, 1000, 0), 0);
    struct k_stat st;
    CHECK_EQ(sstat(init, "/o", &st), 0);
    CHECK_EQ(st.st_uid, 1000u);
    CHECK_EQ(st.st_gid, 1000u);
    CHECK_EQ(st.st_mode & 07777, 0755u);         /* set-user-ID cleared */
    CHECK_EQ(schown(init, "/o", -1, 0, 0), 0);   /* -1: unchanged */
    CHECK_EQ(sstat(init, "/o", &st), 0);
    CHECK_EQ(st.st_uid, 1000u);
    CHECK_EQ(st.st_gid, 0u);
    struct proc *u = user_proc();
    CHECK_EQ(schown(u, "/o", 0, -1, 0), -EPERM);       /* no giving away */
    CHECK_EQ(schown(u, "/o", -1, 1000, 0), 0);         /* its own group */
    CHECK_EQ(schown(u, "/o", -1, 5, 0), -EPERM);
    CHECK_EQ(schown(u, "/o", 1000, -1, 0), 0);         /* no change at all */
    texit_reap(u, 0);
    CHECK_EQ(ssymlink(init, "o", "/ol"), 0);
    CHECK_EQ(schown(init, "/ol", 7, -1, AT_SYMLINK_NOFOLLOW), 0);
    CHECK_EQ(slstat(init, "/ol", &st), 0);
    CHECK_EQ(st.st_uid, 7u);
    CHECK_EQ(sstat(init, "/ol", &st), 0);
    CHECK_EQ(st.st_uid, 1000u);
    spath(init, SYS_unlink, "/ol");
    spath(init, SYS_unlink, "/o");
}
