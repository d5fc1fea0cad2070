/*
 * test_fs.c - names and directories: path lookup, mkdir, rmdir, unlink,
 * rename, stat, chdir, getcwd and getdents (vfs.c, ramfs.c, sysfile.c).
 * Permissions are in test_perm.c, open files in test_file.c.
 */
#include "fstest.h"

static uint32_t ino_of(const char *path)
{
    struct k_stat st;
    return sstat(init, path, &st) == 0 ? st.st_ino : 0;
}

TEST(fs_path_forms_resolve_alike)
{
    CHECK_EQ(smkdir(init, "/a", 0755), 0);
    CHECK_EQ(smkdir(init, "/a/b", 0755), 0);
    uint32_t b = ino_of("/a/b");
    CHECK(b != 0);
    CHECK_EQ(ino_of("a/b"), b);              /* relative to the cwd, "/" */
    CHECK_EQ(ino_of("/a//b"), b);
    CHECK_EQ(ino_of("//a/./b/"), b);
    CHECK_EQ(ino_of("/a/b/../b"), b);
    CHECK_EQ(ino_of("/../a/b"), b);          /* "/.." is "/" */
    CHECK_EQ(ino_of("/a/b/."), b);
    CHECK_EQ(ino_of("/"), ino_of("/a/.."));
    CHECK_EQ(ino_of("///"), ino_of("/."));
    CHECK_EQ(spath(init, SYS_chdir, "/a"), 0);
    CHECK_EQ(ino_of("b"), b);
    CHECK_EQ(ino_of("./b/"), b);
    CHECK_EQ(ino_of(".."), ino_of("/"));
    CHECK_EQ(spath(init, SYS_chdir, "/"), 0);
    rmtree("/a");
}

TEST(fs_lookup_errors)
{
    struct k_stat st;
    mkfile("/f", "x", 0644);
    CHECK_EQ(sstat(init, "", &st), -ENOENT);
    CHECK_EQ(sstat(init, "/nope", &st), -ENOENT);
    CHECK_EQ(sstat(init, "/nope/x", &st), -ENOENT);
    CHECK_EQ(sstat(init, "/f/", &st), -ENOTDIR);
    CHECK_EQ(sstat(init, "/f/x", &st), -ENOTDIR);
    CHECK_EQ(sstat(init, "/f/.", &st), -ENOTDIR);
    CHECK_EQ(sstat(init, "/f/x/y", &st), -ENOTDIR);
    CHECK_EQ(spath(init, SYS_unlink, "/nope/x"), -ENOENT);
    CHECK_EQ(spath(init, SYS_rmdir, "/f/x"), -ENOTDIR);
    CHECK_EQ(sys3(init, SYS_stat, 8, (long)ubuf(init, sizeof st), 0), -EFAULT);
    CHECK_EQ(sys3(init, SYS_stat, (long)unterminated(init), (long)ubuf(init, 64), 0), -EFAULT);
    CHECK_EQ(sys3(init, SYS_stat, (long)ustr(init, "/f"), 8, 0), -EFAULT);

    char name[300];
    memset(name, 'n', sizeof name);
    name[0] = '/';
    name[NAME_MAX + 1] = '\0';                   /* 255 characters: fine */
    CHECK_EQ(sstat(init, name, &st), -ENOENT);
    name[NAME_MAX + 1] = 'n';
    name[NAME_MAX + 2] = '\0';                   /* 256: too long */
    CHECK_EQ(sstat(init, name, &st), -ENAMETOOLONG);
    CHECK_EQ(smkdir(init, name, 0755), -ENAMETOOLONG);
    CHECK_EQ(sopen(init, name, O_CREAT | O_WRONLY, 0644), -ENAMETOOLONG);
    strcat(name, "/x");                          /* too long in the middle */
    CHECK_EQ(sstat(init, name, &st), -ENAMETOOLONG);

    static char path[PATH_MAX + 8];              /* a path of slashes */
    memset(path, '/', sizeof path);
    path[PATH_MAX - 1] = '\0';                   /* 1023 bytes: fine */
    CHECK_EQ(sstat(init, path, &st), 0);
    path[PATH_MAX - 1] = '/';
    path[PATH_MAX] = '\0';                       /* 1024: too long */
    CHECK_EQ(sstat(init, path, &st), -ENAMETOOLONG);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(fs_nameiparent_splits_paths)
{
    char name[NAME_MAX + 1];
    struct inode *dir;
    CHECK_EQ(nameiparent(NULL, "/", &dir, name), 0);
    CHECK(dir == vfs_root());
    CHECK_STR(name, ".");
    iput(dir);
    CHECK_EQ(smkdir(init, "/d", 0755), 0);
    CHECK_EQ(nameiparent(init, "/d/new//", &dir, name), 0);
    CHECK(dir == inode_at("/d"));
    CHECK_STR(name, "new");
    iput(dir);
    CHECK_EQ(nameiparent(init, "d", &dir, name), 0);
    CHECK(dir == vfs_root());
    CHECK_STR(name, "d");
    iput(dir);
    CHECK_EQ(nameiparent(init, "", &dir, name), -ENOENT);
    CHECK_EQ(nameiparent(init, "/x/y", &dir, name), -ENOENT);
    CHECK_EQ(spath(init, SYS_rmdir, "/d"), 0);
}

TEST(fs_mkdir)
{
    struct k_stat st;
    CHECK_EQ(sstat(init, "/", &st), 0);
    uint32_t links = st.st_nlink;
    CHECK_EQ(smkdir(init, "/d", 0777), 0);
    CHECK_EQ(sstat(init, "/d", &st), 0);
    CHECK(S_ISDIR(st.st_mode));
    CHECK_EQ(st.st_mode & 07777, 0755);          /* umask 022 */
    CHECK_EQ(st.st_nlink, 2);
    CHECK_EQ(st.st_uid, 0);
    CHECK_EQ(sstat(init, "/", &st), 0);
    CHECK_EQ(st.st_nlink, links + 1);            /* the new ".." */
    CHECK_EQ(smkdir(init, "/d/e/", 01777), 0);   /* a trailing slash is fine */
    CHECK_EQ(sstat(init, "/d/e", &st), 0);
    CHECK_EQ(st.st_mode & 07777, 01755);         /* the sticky bit is kept */
    CHECK_EQ(smkdir(init, "/d", 0755), -EEXIST);
    CHECK_EQ(smkdir(init, "/", 0755), -EEXIST);
    CHECK_EQ(smkdir(init, "/d/.", 0755), -EEXIST);
    CHECK_EQ(smkdir(init, "/d/..", 0755), -EEXIST);
    CHECK_EQ(smkdir(init, "/nope/x", 0755), -ENOENT);
    mkfile("/d/f", "", 0644);
    CHECK_EQ(smkdir(init, "/d/f", 0755), -EEXIST);
    CHECK_EQ(smkdir(init, "/d/f/x", 0755), -ENOTDIR);
    CHECK_EQ(sys3(init, SYS_mkdir, 8, 0755, 0), -EFAULT);
    CHECK_EQ(spath(init, SYS_rmdir, "/d"), -ENOTEMPTY);
    rmtree("/d");
}

TEST(fs_rmdir)
{
    CHECK_EQ(smkdir(init, "/d", 0755), 0);
    CHECK_EQ(smkdir(init, "/d/e", 0755), 0);
    mkfile("/d/f", "", 0644);
    CHECK_EQ(spath(init, SYS_rmdir, "/nope"), -ENOENT);
    CHECK_EQ(spath(init, SYS_rmdir, "/d/f"), -ENOTDIR);
    CHECK_EQ(spath(init, SYS_rmdir, "/d"), -ENOTEMPTY);
    CHECK_EQ(spath(init, SYS_rmdir, "/d/e/."), -EINVAL);
    CHECK_EQ(spath(init, SYS_rmdir, "."), -EINVAL);
    CHECK_EQ(spath(init, SYS_rmdir, "/d/e/.."), -ENOTEMPTY);
    CHECK_EQ(spath(init, SYS_rmdir, "/"), -EBUSY);
    CHECK_EQ(spath(init, SYS_rmdir, "//"), -EBUSY);
    CHECK_EQ(sys3(init, SYS_rmdir, 8, 0, 0), -EFAULT);
    CHECK_EQ(spath(init, SYS_rmdir, "/d/e/"), 0);
    CHECK_EQ(inode_at("/d/e"), NULL);
    CHECK_EQ(spath(init, SYS_unlink, "/d/f"), 0);
    uint32_t inodes = kstats.inodes;
    CHECK_EQ(spath(init, SYS_rmdir, "/d"), 0);
    CHECK_EQ(kstats.inodes, inodes - 1);
}

TEST(fs_rmdir_of_the_cwd)
{
    char buf[64];
    struct k_stat st;
    CHECK_EQ(smkdir(init, "/d", 0755), 0);
    CHECK_EQ(spath(init, SYS_chdir, "/d"), 0);
    uint32_t inodes = kstats.inodes;
    CHECK_EQ(spath(init, SYS_rmdir, "/d"), 0);   /* allowed, as on Linux */
    CHECK_EQ(kstats.inodes, inodes);             /* the cwd still holds it */
    CHECK_EQ(sstat(init, ".", &st), 0);
    CHECK_EQ(st.st_nlink, 0);
    CHECK_EQ(sstat(init, "..", &st), -ENOENT);   /* cut off from the tree */
    CHECK_EQ(sopen(init, "x", O_CREAT | O_WRONLY, 0644), -ENOENT);
    CHECK_EQ(smkdir(init, "x", 0755), -ENOENT);
    uptr b = ubuf(init, sizeof buf);
    CHECK_EQ(sys3(init, SYS_getcwd, (long)b, sizeof buf, 0), -ENOENT);
    CHECK_EQ(spath(init, SYS_chdir, "/"), 0);
    CHECK_EQ(kstats.inodes, inodes - 1);         /* gone with the last user */
}

TEST(fs_unlink)
{
    CHECK_EQ(smkdir(init, "/d", 0755), 0);
    mkfile("/d/f", "data", 0644);
    CHECK_EQ(spath(init, SYS_unlink, "/d/nope"), -ENOENT);
    CHECK_EQ(spath(init, SYS_unlink, "/d"), -EISDIR);
    CHECK_EQ(spath(init, SYS_unlink, "/"), -EISDIR);
    CHECK_EQ(spath(init, SYS_unlink, "/d/."), -EISDIR);
    CHECK_EQ(spath(init, SYS_unlink, "/d/f/"), -ENOTDIR);
    CHECK_EQ(sys3(init, SYS_unlink, 8, 0, 0), -EFAULT);
    CHECK_EQ(spath(init, SYS_unlink, "/d/f"), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/d/f"), -ENOENT);
    CHECK_EQ(spath(init, SYS_rmdir, "/d"), 0);
}

TEST(fs_unlinked_file_lives_while_open)
{
    char buf[16];
    struct k_stat st;
    mkfile("/f", "still here", 0644);
    uint32_t inodes = kstats.inodes;
    long fd = sopen(init, "/f", O_RDWR, 0);
    CHECK(fd >= 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
    CHECK_EQ(kstats.inodes, inodes);
    CHECK_EQ(sfstat(init, fd, &st), 0);
    CHECK_EQ(st.st_nlink, 0);
    CHECK_EQ(sread(init, fd, buf, sizeof buf - 1), 10);
    CHECK_STR(buf, "still here");
    CHECK_EQ(swrite(init, fd, "!"), 1);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(kstats.inodes, inodes - 1);
}

TEST(fs_rename_files)
{
    struct k_stat st;
    CHECK_EQ(smkdir(init, "/d", 0755), 0);
    CHECK_EQ(smkdir(init, "/e", 0755), 0);
    mkfile("/d/a", "A", 0644);
    mkfile("/d/b", "B", 0644);
    uint32_t a = ino_of("/d/a");
    CHECK_EQ(srename(init, "/d/a", "/d/c"), 0);
    CHECK_EQ(sstat(init, "/d/a", &st), -ENOENT);
    CHECK_EQ(ino_of("/d/c"), a);
    CHECK_STR(slurp(init, "/d/c"), "A");
    uint32_t inodes = kstats.inodes;
    CHECK_EQ(srename(init, "/d/c", "/d/b"), 0);  /* replaces b */
    CHECK_EQ(kstats.inodes, inodes - 1);
    CHECK_STR(slurp(init, "/d/b"), "A");
    CHECK_EQ(srename(init, "/d/b", "/e/x"), 0);  /* to another directory */
    CHECK_EQ(ino_of("/e/x"), a);
    CHECK_EQ(srename(init, "/e/x", "/e/./x"), 0);   /* itself: nothing */
    CHECK_EQ(ino_of("/e/x"), a);
    CHECK_EQ(srename(init, "/e/x", "/e/x/"), -ENOTDIR);
    CHECK_EQ(srename(init, "/e/x/", "/e/y"), -ENOTDIR);
    CHECK_EQ(srename(init, "/e/x", "/d"), -EISDIR);
    CHECK_EQ(srename(init, "/e/nope", "/e/y"), -ENOENT);
    CHECK_EQ(srename(init, "/e/x", "/nope/y"), -ENOENT);
    CHECK_EQ(srename(init, "/e/x", "/e/x/y"), -ENOTDIR);
    CHECK_EQ(srename(init, "/e/.", "/e/y"), -EBUSY);
    CHECK_EQ(srename(init, "/e/x", "/e/.."), -EBUSY);
    CHECK_EQ(srename(init, "/", "/z"), -EBUSY);
    CHECK_EQ(sys3(init, SYS_rename, 8, (long)ustr(init, "/z"), 0), -EFAULT);
    CHECK_EQ(sys3(init, SYS_rename, (long)ustr(init, "/e/x"), 8, 0), -EFAULT);
    CHECK_EQ(ino_of("/e/x"), a);
    rmtree("/d");
    rmtree("/e");
}

TEST(fs_rename_directories)
{
    struct k_stat st;
    CHECK_EQ(smkdir(init, "/a", 0755), 0);
    CHECK_EQ(smkdir(init, "/a/sub", 0755), 0);
    CHECK_EQ(smkdir(init, "/b", 0755), 0);
    CHECK_EQ(smkdir(init, "/empty", 0755), 0);
    mkfile("/a/sub/f", "in sub", 0644);
    mkfile("/file", "", 0644);
    CHECK_EQ(srename(init, "/a", "/a/sub/x"), -EINVAL);  /* into itself */
    CHECK_EQ(srename(init, "/a", "/a/x"), -EINVAL);
    CHECK_EQ(srename(init, "/a/sub", "/a"), -ENOTEMPTY);
    CHECK_EQ(srename(init, "/a", "/file"), -ENOTDIR);
    CHECK_EQ(srename(init, "/a", "/b/"), 0);         /* replaces the empty /b */
    CHECK_EQ(sstat(init, "/a", &st), -ENOENT);
    CHECK_STR(slurp(init, "/b/sub/f"), "in sub");
    CHECK_EQ(srename(init, "/b/sub", "/empty/moved"), 0);
    CHECK_EQ(ino_of("/empty/moved/.."), ino_of("/empty"));   /* ".." follows */
    CHECK_EQ(sstat(init, "/b", &st), 0);
    CHECK_EQ(st.st_nlink, 2);
    CHECK_EQ(sstat(init, "/empty", &st), 0);
    CHECK_EQ(st.st_nlink, 3);
    CHECK_EQ(spath(init, SYS_chdir, "/empty/moved"), 0);
    CHECK_EQ(srename(init, "/empty", "/top"), 0);
    char buf[64];
    uptr b = ubuf(init, sizeof buf);
    CHECK_EQ(sys3(init, SYS_getcwd, (long)b, sizeof buf, 0), 11);
    CHECK_STR(uhost(init, b), "/top/moved");
    CHECK_EQ(spath(init, SYS_chdir, "/"), 0);
    rmtree("/b");
    rmtree("/top");
    rmtree("/file");
}

/* dir_rename inserts before it unlinks; the last name of a list is the
 * corner where the new node lands right after the old one. */
TEST(fs_rename_last_entry_in_same_dir)
{
    CHECK_EQ(smkdir(init, "/d", 0755), 0);
    mkfile("/d/first", "1", 0644);
    mkfile("/d/last", "2", 0644);
    CHECK_EQ(srename(init, "/d/last", "/d/new"), 0);
    CHECK_EQ(srename(init, "/d/first", "/d/newer"), 0);
    CHECK_STR(slurp(init, "/d/new"), "2");
    CHECK_STR(slurp(init, "/d/newer"), "1");
    struct dirent_node *e = inode_at("/d")->entries;
    CHECK_STR(e->name, "new");
    CHECK_STR(e->next->name, "newer");
    CHECK(e->next->next == NULL);
    rmtree("/d");
}

TEST(fs_ramfs_directory_primitives)
{
    char longname[NAME_MAX + 2];
    memset(longname, 'x', sizeof longname);
    longname[NAME_MAX + 1] = '\0';
    struct inode *root = vfs_root();
    struct inode *ip = ramfs_alloc(I_REG, 0644, NULL);
    CHECK_EQ(dir_link(root, longname, ip), -ENAMETOOLONG);
    CHECK_EQ(dir_link(root, "tmp", ip), -EEXIST);
    CHECK_EQ(dir_link(root, "x", ip), 0);
    CHECK_EQ(ip->nlink, 1);
    CHECK(dir_lookup(root, "x") == ip);
    CHECK_EQ(dir_rename(root, "nope", root, "y"), -ENOENT);
    CHECK_EQ(dir_rename(root, "x", root, longname), -ENAMETOOLONG);
    CHECK_EQ(dir_rename(root, "x", root, "x"), 0);
    CHECK_EQ(dir_unlink(root, "nope"), -ENOENT);
    CHECK_EQ(dir_unlink(root, "x"), 0);          /* frees ip */
    CHECK_EQ(ramfs_create_path("/nope/x", I_REG, 0644, NULL, 0), -ENOENT);
    CHECK_EQ(ramfs_create_path("/tmp", I_DIR, 0755, NULL, 0), -EEXIST);
    CHECK_EQ(ramfs_create_path("/", I_DIR, 0755, NULL, 0), -EEXIST);
    mkfile("/f", "", 0644);
    CHECK_EQ(ramfs_create_path("/f/x", I_REG, 0644, NULL, 0), -ENOTDIR);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

TEST(fs_stat_fields)
{
    struct k_stat st;
    mkfile("/f", "hello", 0640);
    CHECK_EQ(sstat(init, "/f", &st), 0);
    CHECK(S_ISREG(st.st_mode));
    CHECK_EQ(st.st_mode & 07777, 0640);
    CHECK_EQ(st.st_size, 5);
    CHECK_EQ(st.st_nlink, 1);
    CHECK_EQ(st.st_dev, 1);
    CHECK_EQ(st.st_rdev, 0);
    CHECK_EQ(st.st_blksize, 4096);
    CHECK(st.st_blocks >= 1);
    CHECK(st.st_mtim.tv_sec > 1700000000);       /* realtime */
    CHECK(st.st_mtim.tv_nsec >= 0 && st.st_mtim.tv_nsec < 1000000000);
    CHECK_EQ(sstat(init, "/dev/null", &st), 0);
    CHECK(S_ISCHR(st.st_mode));
    CHECK_EQ(st.st_rdev, DEV_NULL);
    CHECK_EQ(st.st_size, 0);
    CHECK_EQ(sstat(init, "/tmp", &st), 0);
    CHECK(S_ISDIR(st.st_mode));
    CHECK_EQ(st.st_mode & 07777, 01777);
    CHECK_EQ(ino_of("/"), vfs_root()->ino);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}

/* Sizes as ext4 gives them: whole 4096-byte blocks, a directory one at
 * least and its size those blocks, growing as names fill them. */
TEST(fs_stat_counts_whole_blocks)
{
    struct k_stat st;
    CHECK_EQ(smkdir(init, "/d", 0755), 0);
    CHECK_EQ(sstat(init, "/d", &st), 0);
    CHECK_EQ(st.st_size, 4096);
    CHECK_EQ(st.st_blocks, 8);
    mkfile("/d/f", "hello", 0644);
    CHECK_EQ(sstat(init, "/d/f", &st), 0);
    CHECK_EQ(st.st_size, 5);
    CHECK_EQ(st.st_blocks, 8);                   /* 4 KiB, as du says */
    mkfile("/d/e", "", 0644);
    CHECK_EQ(sstat(init, "/d/e", &st), 0);
    CHECK_EQ(st.st_blocks, 0);
    /* ".", "..", f and e take 48 bytes; names of 9 bytes take 20 each */
    char name[32];
    int n = 0;
    for (; 48 + 20 * (n + 1) <= 4096; n++) {
        snprintf(name, sizeof name, "/d/n%08d", n);
        mkfile(name, "", 0644);
    }
    CHECK_EQ(sstat(init, "/d", &st), 0);
    CHECK_EQ(st.st_size, 4096);
    mkfile("/d/n-one-more", "", 0644);
    CHECK_EQ(sstat(init, "/d", &st), 0);
    CHECK_EQ(st.st_size, 8192);
    CHECK_EQ(st.st_blocks, 16);
    CHECK_EQ(spath(init, SYS_unlink, "/d/n-one-more"), 0);
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "/d/n%08d", i);
        CHECK_EQ(spath(init, SYS_unlink, name), 0);
    }
    CHECK_EQ(spath(init, SYS_unlink, "/d/f"), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/d/e"), 0);
    CHECK_EQ(spath(init, SYS_rmdir, "/d"), 0);
}

TEST(fs_chdir_and_getcwd)
{
    char buf[64];
    uptr b = ubuf(init, sizeof buf);
    CHECK_EQ(sys3(init, SYS_getcwd, (long)b, sizeof buf, 0), 2);
    CHECK_STR(uhost(init, b), "/");
    CHECK_EQ(smkdir(init, "/a", 0755), 0);
    CHECK_EQ(smkdir(init, "/a/bc", 0755), 0);
    mkfile("/a/f", "", 0644);
    CHECK_EQ(spath(init, SYS_chdir, "a/bc"), 0);
    CHECK_EQ(sys3(init, SYS_getcwd, (long)b, sizeof buf, 0), 6);
    CHECK_STR(uhost(init, b), "/a/bc");
    CHECK_EQ(sys3(init, SYS_getcwd, (long)b, 6, 0), 6);
    CHECK_EQ(sys3(init, SYS_getcwd, (long)b, 5, 0), -ERANGE);
    CHECK_EQ(sys3(init, SYS_getcwd, (long)b, 0, 0), -ERANGE);
    CHECK_EQ(sys3(init, SYS_getcwd, 8, 64, 0), -EFAULT);
    CHECK_EQ(spath(init, SYS_chdir, ".."), 0);
    CHECK_EQ(sys3(init, SYS_getcwd, (long)b, sizeof buf, 0), 3);
    CHECK_STR(uhost(init, b), "/a");
    CHECK_EQ(spath(init, SYS_chdir, "f"), -ENOTDIR);
    CHECK_EQ(spath(init, SYS_chdir, "nope"), -ENOENT);
    CHECK_EQ(sys3(init, SYS_chdir, 8, 0, 0), -EFAULT);
    CHECK_EQ(spath(init, SYS_chdir, "/"), 0);
    rmtree("/a");
}

TEST(fs_getcwd_too_deep)
{
    char name[NAME_MAX + 1];
    memset(name, 'd', NAME_MAX);
    name[NAME_MAX] = '\0';
    CHECK_EQ(smkdir(init, "/deep", 0755), 0);
    CHECK_EQ(spath(init, SYS_chdir, "/deep"), 0);
    for (int i = 0; i < 4; i++) {                /* 5 + 4 * 256 > PATH_MAX */
        CHECK_EQ(smkdir(init, name, 0755), 0);
        CHECK_EQ(spath(init, SYS_chdir, name), 0);
    }
    uptr b = ubuf(init, 2048);
    CHECK_EQ(sys3(init, SYS_getcwd, (long)b, 2048, 0), -ENAMETOOLONG);
    CHECK_EQ(spath(init, SYS_chdir, "/"), 0);
    rmtree("/deep");
}

/* ---- getdents ----------------------------------------------------------- */

struct seen { char name[NAME_MAX + 1]; uint8_t type; uint64_t ino; };

/* Parse n bytes of records at b into out; returns how many. */
static int parse_dirents(struct proc *p, uptr b, long n, struct seen *out, int max)
{
    int count = 0;
    for (long off = 0; off < n && count < max; count++) {
        struct k_dirent *d = uhost(p, b + (uptr)off);
        CHECK_EQ(d->d_reclen % 8, 0);
        CHECK(d->d_reclen >= offsetof(struct k_dirent, d_name) + strlen(d->d_name) + 1);
        kstrlcpy(out[count].name, d->d_name, sizeof out[count].name);
        out[count].type = d->d_type;
        out[count].ino = d->d_ino;
        off += d->d_reclen;
    }
    return count;
}

TEST(fs_getdents_lists_everything)
{
    struct seen s[8];
    CHECK_EQ(smkdir(init, "/d", 0755), 0);
    CHECK_EQ(smkdir(init, "/d/sub", 0755), 0);
    mkfile("/d/file", "", 0644);
    CHECK_EQ(sys3(init, SYS_mknod, (long)ustr(init, "/d/fifo"), S_IFIFO | 0644, 0), 0);
    long fd = sopen(init, "/d", O_RDONLY | O_DIRECTORY, 0);
    CHECK(fd >= 0);
    uptr b = ubuf(init, 1024);
    long n = sys3(init, SYS_getdents, fd, (long)b, 1024);
    CHECK(n > 0);
    CHECK_EQ(parse_dirents(init, b, n, s, 8), 5);
    CHECK_STR(s[0].name, ".");
    CHECK_EQ(s[0].ino, ino_of("/d"));
    CHECK_EQ(s[0].type, DT_DIR);
    CHECK_STR(s[1].name, "..");
    CHECK_EQ(s[1].ino, ino_of("/"));
    CHECK_STR(s[2].name, "sub");
    CHECK_EQ(s[2].type, DT_DIR);
    CHECK_STR(s[3].name, "file");
    CHECK_EQ(s[3].type, DT_REG);
    CHECK_STR(s[4].name, "fifo");
    CHECK_EQ(s[4].type, DT_FIFO);
    struct k_dirent *first = uhost(init, b);
    CHECK_EQ(first->d_off, 1);
    CHECK_EQ(sys3(init, SYS_getdents, fd, (long)b, 1024), 0);    /* the end */
    CHECK_EQ(slseek(init, fd, 0, SEEK_SET), 0);                 /* rewind */
    CHECK_EQ(sys3(init, SYS_getdents, fd, (long)b, 1024), n);
    CHECK_EQ(sclose(init, fd), 0);
    rmtree("/d");
}

TEST(fs_getdents_pages_with_a_small_buffer)
{
    struct seen s[1];
    CHECK_EQ(smkdir(init, "/d", 0755), 0);
    const char *names[] = { "one", "two", "a-longer-name-than-the-others" };
    for (int i = 0; i < 3; i++) {
        char path[64];
        snprintf(path, sizeof path, "/d/%s", names[i]);
        mkfile(path, "", 0644);
    }
    long fd = sopen(init, "/d", O_RDONLY, 0);
    uptr b = ubuf(init, 64);
    /* 24 bytes hold one short record: ".", "..", "one", "two" one by one */
    const char *expect[] = { ".", "..", "one", "two" };
    for (int i = 0; i < 4; i++) {
        CHECK_EQ(sys3(init, SYS_getdents, fd, (long)b, 24), 24);
        parse_dirents(init, b, 24, s, 1);
        CHECK_STR(s[0].name, expect[i]);
    }
    CHECK_EQ(sys3(init, SYS_getdents, fd, (long)b, 24), -EINVAL);  /* too small */
    CHECK_EQ(sys3(init, SYS_getdents, fd, (long)b, 64), 56);
    parse_dirents(init, b, 56, s, 1);
    CHECK_STR(s[0].name, names[2]);
    CHECK_EQ(sys3(init, SYS_getdents, fd, (long)b, 64), 0);
    CHECK_EQ(sclose(init, fd), 0);
    rmtree("/d");
}

TEST(fs_getdents_errors)
{
    mkfile("/f", "", 0644);
    long fd = sopen(init, "/f", O_RDONLY, 0);
    long dfd = sopen(init, "/", O_RDONLY, 0);
    uptr b = ubuf(init, 256);
    CHECK_EQ(sys3(init, SYS_getdents, fd, (long)b, 256), -ENOTDIR);
    CHECK_EQ(sys3(init, SYS_getdents, 63, (long)b, 256), -EBADF);
    CHECK_EQ(sys3(init, SYS_getdents, -1, (long)b, 256), -EBADF);
    CHECK_EQ(sys3(init, SYS_getdents, dfd, (long)b, -1), -EINVAL);
    CHECK_EQ(sys3(init, SYS_getdents, dfd, (long)b, 0), -EINVAL);
    CHECK_EQ(sys3(init, SYS_getdents, dfd, 8, 256), -EFAULT);
    /* a fault after the first record: the records before it are returned */
    tfault_range(init, b + 24, b + 256);
    CHECK_EQ(sys3(init, SYS_getdents, dfd, (long)b, 256), 24);
    tfault_range(init, 0, 0);
    struct seen s[1];
    CHECK_EQ(sys3(init, SYS_getdents, dfd, (long)b, 256) > 0, 1);
    parse_dirents(init, b, 24, s, 1);
    CHECK_STR(s[0].name, "..");                  /* it went on from there */
    CHECK_EQ(s[0].ino, vfs_root()->ino);         /* "/.." is "/" */
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(sclose(init, dfd), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/f"), 0);
}
