/*
 * test_perm.c - who may do what: permission bits for an ordinary user,
 * root's exemptions, the sticky /tmp, access, chmod, umask and mknod
 * (vfs.c may_access, sysfile.c).
 */
#include "fstest.h"

static long saccess(struct proc *p, const char *path, long mode)
{
    return sys3(p, SYS_access, (long)ustr(p, path), mode, 0);
}

static long schmod(struct proc *p, const char *path, long mode)
{
    return sys3(p, SYS_chmod, (long)ustr(p, path), mode, 0);
}

TEST(perm_user_reads_and_writes_by_the_bits)
{
    mkfile("/secret", "s", 0600);
    mkfile("/public", "p", 0644);
    mkfile("/shared", "g", 0660);
    inode_at("/shared")->gid = 1000;             /* there is no chown */
    struct proc *u = user_proc();
    CHECK_EQ(sopen(u, "/secret", O_RDONLY, 0), -EACCES);
    long fd = sopen(u, "/public", O_RDONLY, 0);
    CHECK(fd >= 0);
    CHECK_EQ(sclose(u, fd), 0);
    CHECK_EQ(sopen(u, "/public", O_WRONLY, 0), -EACCES);
    CHECK_EQ(sopen(u, "/public", O_RDWR | O_TRUNC, 0), -EACCES);
    CHECK_STR(slurp(init, "/public"), "p");          /* not truncated */
    fd = sopen(u, "/shared", O_RDWR, 0);             /* through the group */
    CHECK(fd >= 0);
    CHECK_EQ(sclose(u, fd), 0);
    CHECK_EQ(sopen(u, "/new", O_CREAT | O_WRONLY, 0644), -EACCES);   /* "/" is 0755 */
    CHECK_EQ(smkdir(u, "/newdir", 0755), -EACCES);
    CHECK_EQ(sys3(u, SYS_mknod, (long)ustr(u, "/fifo"), S_IFIFO | 0644, 0), -EACCES);
    CHECK_EQ(spath(u, SYS_unlink, "/public"), -EACCES);
    CHECK_EQ(srename(u, "/public", "/tmp/mine"), -EACCES);
    mkfile("/tmp/users", "", 0644);
    inode_at("/tmp/users")->uid = 1000;
    CHECK_EQ(srename(u, "/tmp/users", "/users"), -EACCES);   /* into "/" */
    CHECK_EQ(spath(u, SYS_unlink, "/tmp/users"), 0);
    texit_reap(u, 0);
    /* root is not held back by the bits */
    fd = sopen(init, "/secret", O_RDWR, 0);
    CHECK(fd >= 0);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(schmod(init, "/secret", 0), 0);
    CHECK_STR(slurp(init, "/secret"), "s");
    CHECK_EQ(spath(init, SYS_unlink, "/secret"), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/public"), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/shared"), 0);
}

TEST(perm_directories_need_search_and_read)
{
    CHECK_EQ(smkdir(init, "/d", 0755), 0);
    mkfile("/d/f", "f", 0644);
    struct proc *u = user_proc();
    CHECK_STR(slurp(u, "/d/f"), "f");
    CHECK_EQ(schmod(init, "/d", 0744), 0);          /* no search for others */
    struct k_stat st;
    CHECK_EQ(sstat(u, "/d/f", &st), -EACCES);
    CHECK_EQ(sstat(u, "/d/../d", &st), -EACCES);
    CHECK_EQ(sstat(u, "/d", &st), 0);               /* the dir itself is fine */
    CHECK_EQ(spath(u, SYS_chdir, "/d"), -EACCES);
    CHECK_EQ(schmod(init, "/d", 0711), 0);          /* search, but no read */
    CHECK_EQ(sstat(u, "/d/f", &st), 0);
    CHECK_EQ(sopen(u, "/d", O_RDONLY, 0), -EACCES);
    CHECK_EQ(spath(u, SYS_chdir, "/d"), 0);
    CHECK_EQ(sstat(u, "f", &st), 0);
    texit_reap(u, 0);
    /* root searches any directory */
    CHECK_EQ(schmod(init, "/d", 0), 0);
    CHECK_EQ(sstat(init, "/d/f", &st), 0);
    rmtree("/d");
}

TEST(perm_user_owns_what_it_creates)
{
    struct k_stat st;
    struct proc *u = user_proc();
    CHECK_EQ(sys3(u, SYS_umask, 077, 0, 0), 022);
    long fd = sopen(u, "/tmp/mine", O_CREAT | O_WRONLY, 0666);
    CHECK(fd >= 0);
    CHECK_EQ(sfstat(u, fd, &st), 0);
    CHECK_EQ(st.st_uid, 1000);
    CHECK_EQ(st.st_gid, 1000);
    CHECK_EQ(st.st_mode & 0777, 0600);
    CHECK_EQ(sclose(u, fd), 0);
    /* a new file is opened as asked, whatever mode it was given */
    fd = sopen(u, "/tmp/ro", O_CREAT | O_RDWR, 0400);
    CHECK(fd >= 0);
    CHECK_EQ(swrite(u, fd, "x"), 1);
    CHECK_EQ(sclose(u, fd), 0);
    CHECK_EQ(sopen(u, "/tmp/ro", O_RDWR, 0), -EACCES);    /* but only new */
    CHECK_EQ(schmod(u, "/tmp/ro", 0600), 0);
    CHECK_EQ(sopen(u, "/tmp/ro", O_RDWR, 0) >= 0, 1);
    CHECK_EQ(spath(u, SYS_unlink, "/tmp/mine"), 0);
    CHECK_EQ(spath(u, SYS_unlink, "/tmp/ro"), 0);
    texit_reap(u, 0);
}

TEST(perm_sticky_tmp_protects_others_files)
{
    mkfile("/tmp/roots", "r", 0666);
    CHECK_EQ(smkdir(init, "/tmp/rootdir", 0777), 0);
    CHECK_EQ(schmod(init, "/tmp/rootdir", 0777), 0);
    struct proc *u = user_proc();
    CHECK_EQ(spath(u, SYS_unlink, "/tmp/roots"), -EPERM);
    CHECK_EQ(spath(u, SYS_rmdir, "/tmp/rootdir"), -EPERM);
    CHECK_EQ(srename(u, "/tmp/roots", "/tmp/x"), -EPERM);
    mkfile("/tmp/rootdir/in", "", 0644);        /* not sticky: fine */
    CHECK_EQ(srename(u, "/tmp/rootdir/in", "/tmp/rootdir/out"), 0);
    long fd = sopen(u, "/tmp/mine", O_CREAT | O_WRONLY, 0644);
    CHECK(fd >= 0);
    CHECK_EQ(sclose(u, fd), 0);
    CHECK_EQ(srename(u, "/tmp/mine", "/tmp/roots"), -EPERM);  /* replacing */
    CHECK_EQ(srename(u, "/tmp/mine", "/tmp/mine2"), 0);
    CHECK_EQ(spath(u, SYS_unlink, "/tmp/mine2"), 0);
    texit_reap(u, 0);
    CHECK_EQ(spath(init, SYS_unlink, "/tmp/roots"), 0);
    rmtree("/tmp/rootdir");
}

TEST(perm_access)
{
    mkfile("/rw", "", 0644);
    mkfile("/x", "", 0755);
    mkfile("/none", "", 0);
    CHECK_EQ(saccess(init, "/rw", F_OK), 0);
    CHECK_EQ(saccess(init, "/rw", R_OK | W_OK), 0);
    CHECK_EQ(saccess(init, "/rw", X_OK), -EACCES);   /* even root needs an x bit */
    CHECK_EQ(saccess(init, "/x", X_OK), 0);
    CHECK_EQ(saccess(init, "/none", R_OK | W_OK), 0);
    CHECK_EQ(saccess(init, "/tmp", X_OK), 0);
    CHECK_EQ(saccess(init, "/nope", F_OK), -ENOENT);
    CHECK_EQ(saccess(init, "/rw", 8), -EINVAL);
    CHECK_EQ(sys3(init, SYS_access, 8, F_OK, 0), -EFAULT);
    struct proc *u = user_proc();
    CHECK_EQ(saccess(u, "/rw", R_OK), 0);
    CHECK_EQ(saccess(u, "/rw", W_OK), -EACCES);
    CHECK_EQ(saccess(u, "/x", R_OK | X_OK), 0);
    CHECK_EQ(saccess(u, "/none", F_OK), 0);
    CHECK_EQ(saccess(u, "/none", R_OK), -EACCES);
    texit_reap(u, 0);
    CHECK_EQ(spath(init, SYS_unlink, "/rw"), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/x"), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/none"), 0);
}

TEST(perm_chmod)
{
    struct k_stat st;
    mkfile("/f", "", 0644);
    CHECK_EQ(schmod(init, "/f", 0104755), 0);       /* type bits are dropped */
    CHECK_EQ(sstat(init, "/f", &st), 0);
    CHECK_EQ(st.st_mode, S_IFREG | 04755);
    CHECK_EQ(schmod(init, "/nope", 0644), -ENOENT);
    CHECK_EQ(sys3(init, SYS_chmod, 8, 0644, 0), -EFAULT);
    struct proc *u = user_proc();
    CHECK_EQ(schmod(u, "/f", 0777), -EPERM);
    texit_reap(u, 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(perm_umask)
{
    struct k_stat st;
    CHECK_EQ(sys3(init, SYS_umask, 027, 0, 0), 022);
    CHECK_EQ(sys3(init, SYS_umask, 0170777, 0, 0), 027);    /* only 0777 kept */
    CHECK_EQ(sys3(init, SYS_umask, 027, 0, 0), 0777);
    long fd = sopen(init, "/f", O_CREAT | O_WRONLY, 0666);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(sstat(init, "/f", &st), 0);
    CHECK_EQ(st.st_mode & 07777, 0640);
    CHECK_EQ(smkdir(init, "/d", 0777), 0);
    CHECK_EQ(sstat(init, "/d", &st), 0);
    CHECK_EQ(st.st_mode & 07777, 0750);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
    CHECK_EQ(spath(init, SYS_rmdir, "/d"), 0);
}

TEST(perm_mknod_makes_only_fifos)
{
    struct k_stat st;
    uptr path = ustr(init, "/fifo");
    CHECK_EQ(sys3(init, SYS_mknod, (long)path, S_IFIFO | 0666, 0), 0);
    CHECK_EQ(sstat(init, "/fifo", &st), 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK_EQ(st.st_mode & 0777, 0644);
    CHECK_EQ(st.st_size, 0);
    CHECK_EQ(sys3(init, SYS_mknod, (long)path, S_IFIFO | 0666, 0), -EEXIST);
    CHECK_EQ(sys3(init, SYS_mknod, (long)ustr(init, "/f2/"), S_IFIFO | 0666, 0), -ENOENT);
    CHECK_EQ(sys3(init, SYS_mknod, (long)ustr(init, "/c"), S_IFCHR | 0666, 1), -EPERM);
    CHECK_EQ(sys3(init, SYS_mknod, (long)ustr(init, "/r"), S_IFREG | 0666, 0), -EPERM);
    CHECK_EQ(sys3(init, SYS_mknod, (long)ustr(init, "/r"), 0666, 0), -EPERM);
    CHECK_EQ(sys3(init, SYS_mknod, 8, S_IFIFO | 0666, 0), -EFAULT);
    CHECK_EQ(spath(init, SYS_unlink, "/fifo"), 0);
}
