/*
 * test_share.c - files that cross between the machine and the platform
 * (share.c): a subtree as a ustar archive and back, a file handed in, a
 * file handed out, sync.
 */
#include "fstest.h"

/* /sh: a file 0755, a directory 0700 with a file in it, a FIFO, a file
 * whose path needs ustar's prefix field. */
static void make_tree(void)
{
    CHECK_EQ(smkdir(init, "/sh", 0755), 0);
    mkfile("/sh/prog", "#!x", 0755);
    CHECK_EQ(smkdir(init, "/sh/d", 0700), 0);
    mkfile("/sh/d/note", "hello", 0640);
    CHECK_EQ(tsys(init, SYS_mknod, (long)ustr(init, "/sh/p"), (long)(S_IFIFO | 0644), 0L), 0);
    char deep[200];
    snprintf(deep, sizeof deep, "/sh/%090d", 7);
    CHECK_EQ(smkdir(init, deep, 0755), 0);
    snprintf(deep, sizeof deep, "/sh/%090d/%060d", 7, 8);
    CHECK_EQ(smkdir(init, deep, 0755), 0);
    strcat(deep, "/far");
    mkfile(deep, "far", 0600);
}

TEST(share_archive_and_restore_keep_contents_modes_and_kinds)
{
    make_tree();
    void *tar;
    size_t len;
    long skipped = -1;
    CHECK_EQ(kernel_archive("/sh", &tar, &len, &skipped), 0);
    CHECK_EQ(skipped, 0);
    CHECK(len % 512 == 0 && len >= 7 * 512);
    rmtree("/sh");
    struct k_stat st;
    CHECK_EQ(sstat(init, "/sh", &st), -ENOENT);

    CHECK(kernel_restore(tar, len) >= 6);
    kernel_free(tar);
    CHECK_EQ(sstat(init, "/sh", &st), 0);
    CHECK_EQ(st.st_mode, S_IFDIR | 0755);
    CHECK_STR(slurp(init, "/sh/prog"), "#!x");
    CHECK_EQ(sstat(init, "/sh/prog", &st), 0);
    CHECK_EQ(st.st_mode, S_IFREG | 0755);
    CHECK_EQ(sstat(init, "/sh/d", &st), 0);
    CHECK_EQ(st.st_mode, S_IFDIR | 0700);
    CHECK_STR(slurp(init, "/sh/d/note"), "hello");
    CHECK_EQ(sstat(init, "/sh/d/note", &st), 0);
    CHECK_EQ(st.st_mode, S_IFREG | 0640);
    CHECK_EQ(sstat(init, "/sh/p", &st), 0);
    CHECK_EQ(st.st_mode, S_IFIFO | 0644);
    char deep[200];
    snprintf(deep, sizeof deep, "/sh/%090d/%060d/far", 7, 8);
    CHECK_STR(slurp(init, deep), "far");
    rmtree("/sh");
}

TEST(share_archive_keeps_symbolic_links)
{
    CHECK_EQ(smkdir(init, "/sh", 0755), 0);
    mkfile("/sh/file", "x", 0644);
    CHECK_EQ(sys3(init, SYS_symlink, (long)ustr(init, "file"), (long)ustr(init, "/sh/l"), 0), 0);
    CHECK_EQ(sys3(init, SYS_symlink, (long)ustr(init, "/no/such/target"),
                  (long)ustr(init, "/sh/dangling"), 0), 0);
    char far[160];
    memset(far, 't', sizeof far - 1);
    far[sizeof far - 1] = '\0';                  /* more than ustar's 100 bytes */
    CHECK_EQ(sys3(init, SYS_symlink, (long)ustr(init, far), (long)ustr(init, "/sh/far"), 0), 0);
    void *tar;
    size_t len;
    long skipped = 0;
    CHECK_EQ(kernel_archive("/sh", &tar, &len, &skipped), 0);
    CHECK_EQ(skipped, 1);
    rmtree("/sh");
    CHECK_EQ(kernel_restore(tar, len), 4);           /* /sh, file, l, dangling */
    kernel_free(tar);
    uptr b = ubuf(init, 64);
    CHECK_EQ(sys3(init, SYS_readlink, (long)ustr(init, "/sh/l"), (long)b, 64), 4);
    CHECK(memcmp(uhost(init, b), "file", 4) == 0);
    CHECK_STR(slurp(init, "/sh/l"), "x");            /* followed, as before */
    CHECK_EQ(sys3(init, SYS_readlink, (long)ustr(init, "/sh/dangling"), (long)b, 64), 15);
    CHECK(memcmp(uhost(init, b), "/no/such/target", 15) == 0);
    struct k_stat st;
    CHECK_EQ(sstat(init, "/sh/far", &st), -ENOENT);
    rmtree("/sh");
}

TEST(share_archive_counts_names_too_long_for_ustar)
{
    CHECK_EQ(smkdir(init, "/sh", 0755), 0);
    char name[240];
    snprintf(name, sizeof name, "/sh/%0200d", 1);   /* no slash to split at */
    mkfile(name, "x", 0644);
    mkfile("/sh/ok", "y", 0644);
    void *tar;
    size_t len;
    long skipped = 0;
    CHECK_EQ(kernel_archive("/sh", &tar, &len, &skipped), 0);
    CHECK_EQ(skipped, 1);
    rmtree("/sh");
    CHECK_EQ(kernel_restore(tar, len), 2);           /* /sh and /sh/ok */
    kernel_free(tar);
    CHECK_STR(slurp(init, "/sh/ok"), "y");
    rmtree("/sh");
}

TEST(share_archive_refuses_a_file)
{
    mkfile("/shf", "x", 0644);
    void *tar;
    size_t len;
    CHECK_EQ(kernel_archive("/shf", &tar, &len, NULL), -ENOTDIR);
    CHECK_EQ(kernel_archive("/nowhere", &tar, &len, NULL), -ENOENT);
    CHECK_EQ(spath(init, SYS_unlink, "/shf"), 0);
}

TEST(share_changes_count_writes_names_and_modes)
{
    uint64_t c = kernel_fs_changes();
    mkfile("/shc", "x", 0644);
    CHECK(kernel_fs_changes() > c);
    c = kernel_fs_changes();
    CHECK_EQ(sys3(init, SYS_chmod, (long)ustr(init, "/shc"), 0600, 0), 0);
    CHECK(kernel_fs_changes() > c);
    c = kernel_fs_changes();
    CHECK_STR(slurp(init, "/shc"), "x");             /* reading changes nothing */
    CHECK_EQ(kernel_fs_changes(), c);
    CHECK_EQ(spath(init, SYS_unlink, "/shc"), 0);
    CHECK(kernel_fs_changes() > c);
}

TEST(share_put_file_lands_in_the_shells_directory)
{
    /* init leads the console's session here (host.c) */
    char where[64];
    CHECK_EQ(kernel_put_file("dropped.wasm", "\0asm", 4, 0755, where, sizeof where), 0);
    CHECK_STR(where, "/");
    struct k_stat st;
    CHECK_EQ(sstat(init, "/dropped.wasm", &st), 0);
    CHECK_EQ(st.st_mode, S_IFREG | 0755);
    CHECK_EQ(st.st_size, 4);

    CHECK_EQ(spath(init, SYS_chdir, "/tmp"), 0);
    CHECK_EQ(kernel_put_file("note.txt", "one", 3, 0644, where, sizeof where), 0);
    CHECK_STR(where, "/tmp");
    CHECK_STR(slurp(init, "/tmp/note.txt"), "one");
    CHECK_EQ(sstat(init, "/tmp/note.txt", &st), 0);
    CHECK_EQ(st.st_mode, S_IFREG | 0644);
    /* dropped again: replaced */
    CHECK_EQ(kernel_put_file("note.txt", "two!", 4, 0644, where, sizeof where), 0);
    CHECK_STR(slurp(init, "/tmp/note.txt"), "two!");

    CHECK_EQ(kernel_put_file("a/b", "x", 1, 0644, where, sizeof where), -EINVAL);
    CHECK_EQ(kernel_put_file("..", "x", 1, 0644, where, sizeof where), -EINVAL);
    CHECK_EQ(kernel_put_file("", "x", 1, 0644, where, sizeof where), -EINVAL);
    CHECK_EQ(smkdir(init, "/tmp/dir", 0755), 0);
    CHECK_EQ(kernel_put_file("dir", "x", 1, 0644, where, sizeof where), -EISDIR);
    CHECK_EQ(tsys(init, SYS_mknod, (long)ustr(init, "/tmp/fifo"), (long)(S_IFIFO | 0644), 0L), 0);
    CHECK_EQ(kernel_put_file("fifo", "x", 1, 0644, where, sizeof where), -EEXIST);

    CHECK_EQ(spath(init, SYS_chdir, "/"), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/dropped.wasm"), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/tmp/note.txt"), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/tmp/fifo"), 0);
    CHECK_EQ(spath(init, SYS_rmdir, "/tmp/dir"), 0);
}

TEST(share_download_hands_out_an_open_file)
{
    mkfile("/tmp/out.txt", "some bytes", 0644);
    long fd = sopen(init, "/tmp/out.txt", O_RDONLY, 0);
    CHECK_EQ(tsys(init, SYS_download, fd, (long)ustr(init, "out.txt"), 0L, 0L, 0L, 0L), 0);
    CHECK_STR(tdownload_name, "out.txt");
    CHECK_EQ(tdownload_len, 10);
    CHECK(memcmp(tdownload_data, "some bytes", 10) == 0);
    CHECK_EQ(tsys(init, SYS_download, fd, (long)ustr(init, "a/b"), 0L, 0L, 0L, 0L), -EINVAL);
    sclose(init, fd);
    fd = sopen(init, "/tmp/out.txt", O_WRONLY, 0);
    CHECK_EQ(tsys(init, SYS_download, fd, (long)ustr(init, "o"), 0L, 0L, 0L, 0L), -EBADF);
    sclose(init, fd);
    fd = sopen(init, "/tmp", O_RDONLY, 0);
    CHECK_EQ(tsys(init, SYS_download, fd, (long)ustr(init, "o"), 0L, 0L, 0L, 0L), -EISDIR);
    sclose(init, fd);
    CHECK_EQ(tsys(init, SYS_download, 99L, (long)ustr(init, "o"), 0L, 0L, 0L, 0L), -EBADF);
    CHECK_EQ(spath(init, SYS_unlink, "/tmp/out.txt"), 0);
}

TEST(share_sync_answers_the_platforms_last_save)
{
    int calls = tsync_calls;
    tsync_result = 0;
    CHECK_EQ(tsys(init, SYS_sync, 0L, 0L, 0L, 0L, 0L, 0L), 0);
    tsync_result = -ENOSPC;
    CHECK_EQ(tsys(init, SYS_sync, 0L, 0L, 0L, 0L, 0L, 0L), -ENOSPC);
    CHECK_EQ(tsync_calls, calls + 2);
    tsync_result = 0;
}

TEST(share_set_path_and_remove_path_keep_a_tree_in_step)
{
    struct k_stat st;
    CHECK_EQ(kernel_set_path("/tmp/kept", true, NULL, 0, 0750), 0);
    CHECK_EQ(sstat(init, "/tmp/kept", &st), 0);
    CHECK_EQ(st.st_mode, S_IFDIR | 0750);
    CHECK_EQ(kernel_set_path("/tmp/kept", true, NULL, 0, 0755), 0);     /* there: mode only */
    CHECK_EQ(sstat(init, "/tmp/kept", &st), 0);
    CHECK_EQ(st.st_mode, S_IFDIR | 0755);

    uint64_t c = kernel_fs_changes();
    CHECK_EQ(kernel_set_path("/tmp/kept/f", false, "first", 5, 0644), 0);
    CHECK(kernel_fs_changes() > c);
    CHECK_STR(slurp(init, "/tmp/kept/f"), "first");
    long fd = sopen(init, "/tmp/kept/f", O_RDONLY, 0);  /* replaced while open: same file */
    CHECK_EQ(kernel_set_path("/tmp/kept/f", false, "2nd", 3, 0755), 0);
    CHECK_STR(slurp(init, "/tmp/kept/f"), "2nd");
    CHECK_EQ(sstat(init, "/tmp/kept/f", &st), 0);
    CHECK_EQ(st.st_mode, S_IFREG | 0755);
    CHECK_EQ(st.st_size, 3);
    sclose(init, fd);

    CHECK_EQ(kernel_set_path("/tmp/kept", false, "x", 1, 0644), -EISDIR);
    CHECK_EQ(kernel_set_path("/tmp/kept/f", true, NULL, 0, 0755), -EEXIST);
    CHECK_EQ(kernel_set_path("/tmp/none/f", false, "x", 1, 0644), -ENOENT);
    CHECK_EQ(kernel_set_path("tmp/kept/g", false, "x", 1, 0644), -EINVAL);

    CHECK_EQ(kernel_remove_path("/tmp/kept"), -ENOTEMPTY);
    CHECK_EQ(kernel_remove_path("/tmp/kept/f"), 0);
    CHECK_EQ(sstat(init, "/tmp/kept/f", &st), -ENOENT);
    CHECK_EQ(kernel_remove_path("/tmp/kept/f"), -ENOENT);
    CHECK_EQ(kernel_remove_path("/tmp/kept"), 0);
    CHECK_EQ(sstat(init, "/tmp/kept", &st), -ENOENT);
    CHECK_EQ(kernel_remove_path("relative"), -EINVAL);
}
