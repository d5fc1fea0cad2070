/*
 * test_procfs.c - /proc (procfs.c): the directories that follow the
 * process table and the descriptor tables, the texts made at read, the
 * links made at each use, and what Linux refuses there.
 */
#include <stdlib.h>
#include "fstest.h"
#include "../../kernel/uapi/socket.h"

/* The names in the directory at path, as p lists them, joined by spaces
 * (without "." and ".."), or "error N". */
static const char *names_in(struct proc *p, const char *path)
{
    static char out[2048];
    long fd = sopen(p, path, O_RDONLY | O_DIRECTORY, 0);
    if (fd < 0) {
        snprintf(out, sizeof out, "error %ld", -fd);
        return out;
    }
    uptr b = ubuf(p, 4096);
    long n = sys3(p, SYS_getdents, fd, (long)b, 4096);
    out[0] = '\0';
    for (long off = 0; off < n;) {
        struct k_dirent *d = (struct k_dirent *)uhost(p, b + (uptr)off);
        if (strcmp(d->d_name, ".") != 0 && strcmp(d->d_name, "..") != 0) {
            if (out[0])
                strcat(out, " ");
            strcat(out, d->d_name);
        }
        off += d->d_reclen;
    }
    sclose(p, fd);
    return out;
}

static long slstat(struct proc *p, const char *path, struct k_stat *st)
{
    uptr b = ubuf(p, sizeof *st);
    long r = sys3(p, SYS_stat, (long)ustr(p, path), (long)b, AT_SYMLINK_NOFOLLOW);
    if (r == 0)
        memcpy(st, uhost(p, b), sizeof *st);
    return r;
}

/* All of a file of /proc, read as p (slurp stops at 255 bytes). */
static const char *whole(struct proc *p, const char *path)
{
    static char buf[4096];
    long fd = sopen(p, path, O_RDONLY, 0);
    if (fd < 0)
        return "(cannot open)";
    long r = sread(p, fd, buf, sizeof buf - 1);
    sclose(p, fd);
    return r < 0 ? "(cannot read)" : buf;
}

static const char *procpath(const struct proc *q, const char *rest)
{
    static char path[64];
    snprintf(path, sizeof path, "/proc/%d%s", q->pid, rest);
    return path;
}

static bool has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *s = list; (s = strstr(s, word)); s += n)
        if ((s == list || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0'))
            return true;
    return false;
}

TEST(procfs_lists_processes_and_files)
{
    struct proc *c = tspawn(init, "/bin/init");
    char pid[12];
    snprintf(pid, sizeof pid, "%d", c->pid);
    const char *list = names_in(init, "/proc");
    CHECK(has_word(list, "1"));
    CHECK(has_word(list, pid));
    const char *files[] = { "self", "uptime", "meminfo", "version", "mounts", "cpuinfo", "sys" };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        CHECK(has_word(list, files[i]));
    CHECK_STR(names_in(init, procpath(c, "")), "cmdline comm stat status fd cwd exe");
    CHECK_STR(names_in(init, "/proc/sys/kernel"), "hostname");
    texit_reap(c, 0);
    CHECK(!has_word(names_in(init, "/proc"), pid));
}

TEST(procfs_modes_are_linux_ones)
{
    struct proc *c = tspawn(init, "/bin/init");
    struct k_stat st;
    CHECK_EQ(sstat(init, "/proc", &st), 0);
    CHECK_EQ(st.st_mode, S_IFDIR | 0555u);
    CHECK_EQ(sstat(init, "/proc/uptime", &st), 0);
    CHECK_EQ(st.st_mode, S_IFREG | 0444u);
    CHECK_EQ(st.st_size, 0);
    CHECK_EQ(sstat(init, "/proc/sys/kernel/hostname", &st), 0);
    CHECK_EQ(st.st_mode, S_IFREG | 0644u);
    CHECK_EQ(sstat(init, procpath(c, "/fd"), &st), 0);
    CHECK_EQ(st.st_mode, S_IFDIR | 0500u);
    CHECK_EQ(slstat(init, "/proc/self", &st), 0);
    CHECK_EQ(st.st_mode, S_IFLNK | 0777u);
    CHECK_EQ(sstat(init, "/proc/self", &st), 0);           /* followed: a directory */
    CHECK_EQ(st.st_mode, S_IFDIR | 0555u);
    texit_reap(c, 0);
}

TEST(procfs_self_is_the_callers_own)
{
    struct proc *c = tspawn(init, "/bin/init");
    char pid[12];
    snprintf(pid, sizeof pid, "%d", c->pid);
    CHECK_STR(sreadlink(c, "/proc/self", PATH_MAX), pid);
    CHECK_STR(sreadlink(init, "/proc/self", PATH_MAX), "1");
    CHECK_STR(slurp(c, "/proc/self/comm"), "init\n");
    char want[32];
    snprintf(want, sizeof want, "Pid:\t%d\n", c->pid);
    CHECK(strstr(whole(c, "/proc/self/status"), want) != NULL);
    texit_reap(c, 0);
}

/* proc(5)'s field order, and the 52 fields. */
TEST(procfs_stat_has_linux_fields)
{
    struct proc *c = tspawn(init, "/bin/init");
    CHECK_EQ(sys3(c, SYS_setpgid, 0, 0, 0), 0);
    char want[64];
    snprintf(want, sizeof want, "%d (init) R 1 %d 1 ", c->pid, c->pid);
    const char *stat = whole(init, procpath(c, "/stat"));
    CHECK(strncmp(stat, want, strlen(want)) == 0);
    int fields = 0;
    for (const char *s = stat; *s; s++)
        fields += *s == ' ';
    CHECK_EQ(fields + 1, 52);
    CHECK(stat[strlen(stat) - 1] == '\n');
    texit_reap(c, 0);
}

TEST(procfs_status_says_ids_state_and_signals)
{
    struct proc *c = user_proc();
    struct k_sigaction sa = { .sa_handler = SIG_IGN };
    CHECK_EQ(tsys(c, SYS_sigaction, (long)SIGINT, (long)ubytes(c, &sa, sizeof sa), 0L), 0);
    const char *s = whole(init, procpath(c, "/status"));
    CHECK(strstr(s, "Name:\tinit\n") != NULL);
    CHECK(strstr(s, "Umask:\t0022\n") != NULL);
    CHECK(strstr(s, "State:\tR (running)\n") != NULL);
    CHECK(strstr(s, "PPid:\t1\n") != NULL);
    CHECK(strstr(s, "Uid:\t1000\t1000\t1000\t1000\n") != NULL);
    CHECK(strstr(s, "Gid:\t1000\t1000\t1000\t1000\n") != NULL);
    const char *ign = strstr(s, "SigIgn:\t");
    CHECK(ign && strtoull(ign + 8, NULL, 16) & 2);           /* SIGINT's bit */
    CHECK(strstr(s, "SigCgt:\t0000000000000000\n") != NULL);
    struct k_stat st;
    CHECK_EQ(sstat(init, procpath(c, ""), &st), 0);         /* its owner now */
    CHECK_EQ(st.st_uid, 1000u);
    texit_reap(c, 0);
}

TEST(procfs_cmdline_is_nul_separated)
{
    tprog("/bin/echo");
    const char *argv[] = { "echo", "a b", "", "c", NULL };
    long pid = tsys(init, SYS_spawn, (long)ustr(init, "/bin/echo"), (long)uargv(init, argv),
                    0L, 0L, 0L, 0L);
    CHECK(pid > 1);
    struct proc *c = proc_find((int)pid);
    long fd = sopen(init, procpath(c, "/cmdline"), O_RDONLY, 0);
    char buf[64];
    CHECK_EQ(sread(init, fd, buf, sizeof buf - 1), 12);
    CHECK(memcmp(buf, "echo\0a b\0\0c\0", 12) == 0);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_STR(sreadlink(init, procpath(c, "/exe"), PATH_MAX), "/bin/echo");
    texit_reap(c, 0);
    /* started through a link: exe is the file, comm the name it was started by */
    CHECK_EQ(sys3(init, SYS_symlink, (long)ustr(init, "echo"), (long)ustr(init, "/bin/lnk"), 0), 0);
    c = tspawn(init, "/bin/lnk");
    CHECK_STR(sreadlink(init, procpath(c, "/exe"), PATH_MAX), "/bin/echo");
    CHECK_STR(slurp(init, procpath(c, "/comm")), "lnk\n");
    CHECK_EQ(spath(init, SYS_unlink, "/bin/echo"), 0);      /* it runs on */
    CHECK_STR(sreadlink(init, procpath(c, "/exe"), PATH_MAX), "/ (deleted)");
    CHECK_EQ(tsys(c, SYS_exit, 0L), KERN_EXIT);              /* a zombie has none */
    CHECK_STR(sreadlink(init, procpath(c, "/exe"), PATH_MAX), "error 2");
    CHECK_EQ(tsys(init, SYS_wait4, (long)c->pid, 0L, 0L, 0L), c->pid);
    CHECK_EQ(spath(init, SYS_unlink, "/bin/lnk"), 0);
}

TEST(procfs_fd_links_follow_the_descriptors)
{
    struct proc *c = tspawn(init, "/bin/init");
    mkfile("/tmp/pf", "x", 0644);
    CHECK_STR(names_in(c, "/proc/self/fd"), "0 1 2 3");      /* 3: the listing's own */
    CHECK_STR(sreadlink(c, "/proc/self/fd/0", PATH_MAX), "/dev/console");
    long fd = sopen(c, "/tmp/pf", O_WRONLY, 0);
    CHECK_EQ(fd, 3);
    uptr fds = ubuf(c, 2 * sizeof(int));
    CHECK_EQ(tsys(c, SYS_pipe2, (long)fds, 0L), 0);
    int *pfd = uhost(c, fds);
    CHECK_EQ(pfd[0], 4);
    CHECK_STR(names_in(c, "/proc/self/fd"), "0 1 2 3 4 5 6");
    CHECK_STR(sreadlink(c, "/proc/self/fd/3", PATH_MAX), "/tmp/pf");
    char want[32];
    snprintf(want, sizeof want, "pipe:[%u]", pipe_id(c->ofile[4]->pipe));
    CHECK_STR(sreadlink(c, "/proc/self/fd/4", PATH_MAX), want);
    CHECK_STR(sreadlink(c, "/proc/self/fd/5", PATH_MAX), want);
    struct k_stat st;
    CHECK_EQ(slstat(c, "/proc/self/fd/3", &st), 0);
    CHECK_EQ(st.st_mode, S_IFLNK | 0300u);                  /* l-wx------ */
    CHECK_EQ(slstat(c, "/proc/self/fd/4", &st), 0);
    CHECK_EQ(st.st_mode, S_IFLNK | 0500u);                  /* lr-x------ */
    CHECK_EQ(sstat(c, "/proc/self/fd/3", &st), 0);          /* followed: the file */
    CHECK_EQ(st.st_ino, inode_at("/tmp/pf")->ino);
    CHECK_STR(slurp(c, "/proc/self/fd/3"), "x");
    CHECK_EQ(sclose(c, 3), 0);
    CHECK_STR(sreadlink(c, "/proc/self/fd/3", PATH_MAX), "error 2");  /* closed: ENOENT */
    CHECK_STR(names_in(c, "/proc/self/fd"), "0 1 2 3 4 5");
    CHECK_EQ(spath(init, SYS_unlink, "/tmp/pf"), 0);
    texit_reap(c, 0);
}

TEST(procfs_fd_of_a_directory_a_socket_and_a_deleted_file)
{
    struct proc *c = tspawn(init, "/bin/init");
    CHECK_EQ(smkdir(init, "/tmp/pd", 0755), 0);
    long d = sopen(c, "/tmp/pd", O_RDONLY | O_DIRECTORY, 0);
    CHECK_STR(sreadlink(c, procpath(c, "/fd/3"), PATH_MAX), "/tmp/pd");
    CHECK_EQ(sclose(c, d), 0);
    uptr sv = ubuf(c, 2 * sizeof(int));
    CHECK_EQ(tsys(c, SYS_socketpair, (long)AF_UNIX, (long)SOCK_STREAM, 0L, (long)sv), 0);
    CHECK(strncmp(sreadlink(c, "/proc/self/fd/3", PATH_MAX), "socket:[", 8) == 0);
    CHECK_EQ(sclose(c, 3), 0);
    CHECK_EQ(sclose(c, 4), 0);
    mkfile("/tmp/gone", "", 0644);
    CHECK_EQ(sopen(c, "/tmp/gone", O_RDONLY, 0), 3);
    CHECK_EQ(spath(init, SYS_unlink, "/tmp/gone"), 0);
    CHECK_STR(sreadlink(c, "/proc/self/fd/3", PATH_MAX), "/ (deleted)");
    CHECK_EQ(spath(init, SYS_rmdir, "/tmp/pd"), 0);
    texit_reap(c, 0);
}

TEST(procfs_fd_is_its_owners_only)
{
    struct proc *c = tspawn(init, "/bin/init");             /* root's */
    struct proc *u = user_proc();
    CHECK_STR(names_in(u, procpath(c, "/fd")), "error 13");   /* EACCES */
    CHECK_STR(sreadlink(u, procpath(c, "/fd/0"), PATH_MAX), "error 13");
    CHECK_STR(names_in(u, "/proc/self/fd"), "0 1 2 3");
    texit_reap(u, 0);
    texit_reap(c, 0);
}

TEST(procfs_cwd_link)
{
    struct proc *c = tspawn(init, "/bin/init");
    CHECK_EQ(smkdir(init, "/tmp/w", 0755), 0);
    CHECK_EQ(spath(c, SYS_chdir, "/tmp/w"), 0);
    CHECK_STR(sreadlink(init, procpath(c, "/cwd"), PATH_MAX), "/tmp/w");
    CHECK_EQ(spath(c, SYS_chdir, "/proc/self"), 0);          /* a walk from there */
    CHECK_STR(slurp(c, "comm"), "init\n");
    CHECK_EQ(spath(c, SYS_chdir, "/"), 0);
    CHECK_EQ(spath(init, SYS_rmdir, "/tmp/w"), 0);
    texit_reap(c, 0);
}

TEST(procfs_top_files)
{
    const char *up = slurp(init, "/proc/uptime");
    unsigned long a, b, c2, d;
    CHECK_EQ(sscanf(up, "%lu.%2lu %lu.%2lu", &a, &b, &c2, &d), 4);
    CHECK_EQ(a, now_ns() / 1000000000);
    CHECK(strncmp(slurp(init, "/proc/meminfo"), "MemTotal:       ", 16) == 0);
    unsigned long total = 0, freekb = 0;
    const char *mi = whole(init, "/proc/meminfo");
    CHECK_EQ(sscanf(mi, "MemTotal: %lu kB\nMemFree: %lu kB", &total, &freekb), 2);
    CHECK_EQ(total, kstats.heap_total / 1024);
    CHECK(freekb <= total);
    CHECK(strstr(slurp(init, "/proc/version"), "Duplex version 0.1 (duplex)") != NULL);
    CHECK(strstr(slurp(init, "/proc/mounts"), "proc /proc proc ") != NULL);
    CHECK(strncmp(slurp(init, "/proc/cpuinfo"), "processor\t: 0\n", 14) == 0);
}

/* A text is made at a read at offset 0 and kept: reading it a few bytes at
 * a time gives one record; reading it again from 0 makes it anew. */
TEST(procfs_text_is_kept_between_reads)
{
    struct proc *c = tspawn(init, "/bin/init");
    long fd = sopen(init, procpath(c, "/status"), O_RDONLY, 0);
    char part[8], all[1024] = "";
    CHECK_EQ(sread(init, fd, part, 7), 7);
    strcat(all, part);
    CHECK_EQ(sys3(c, SYS_setpgid, 0, 0, 0), 0);              /* a change meanwhile */
    CHECK_EQ(sys3(c, SYS_umask, 077, 0, 0), 022);
    long r;
    while ((r = sread(init, fd, part, 7)) > 0)
        strcat(all, part);
    CHECK_EQ(r, 0);
    CHECK(strstr(all, "Umask:\t0022\n") != NULL);           /* as when it began */
    CHECK_EQ(slseek(init, fd, 0, SEEK_SET), 0);
    CHECK_EQ(sread(init, fd, all, sizeof all - 1) > 0, 1);
    CHECK(strstr(all, "Umask:\t0077\n") != NULL);           /* made again */
    CHECK_EQ(sclose(init, fd), 0);
    texit_reap(c, 0);
}

/* Linux's answers: a name made in /proc is ENOENT, one removed EPERM, one
 * moved EXDEV; a read-only file written is EIO (top) or EINVAL (a
 * process's) for root, EACCES at open for others. */
TEST(procfs_refuses_changes_as_linux)
{
    CHECK_EQ(sopen(init, "/proc/new", O_CREAT | O_WRONLY, 0644), -ENOENT);
    CHECK_EQ(smkdir(init, "/proc/new", 0755), -ENOENT);
    struct proc *c = tspawn(init, "/bin/init");
    CHECK_EQ(smkdir(init, procpath(c, "/new"), 0755), -ENOENT);
    CHECK_EQ(spath(init, SYS_unlink, "/proc/uptime"), -EPERM);
    CHECK_EQ(srename(init, "/proc/uptime", "/tmp/u"), -EXDEV);
    mkfile("/tmp/u", "", 0644);
    CHECK_EQ(srename(init, "/tmp/u", "/proc/u"), -EXDEV);
    CHECK_EQ(spath(init, SYS_unlink, "/tmp/u"), 0);
    long fd = sopen(init, "/proc/uptime", O_WRONLY, 0);
    CHECK(fd >= 0);
    CHECK_EQ(swrite(init, fd, "1"), -EIO);
    CHECK_EQ(sclose(init, fd), 0);
    fd = sopen(init, procpath(c, "/stat"), O_RDWR, 0);
    CHECK_EQ(swrite(init, fd, "1"), -EINVAL);
    CHECK_EQ(sclose(init, fd), 0);
    texit_reap(c, 0);
    struct proc *u = user_proc();
    CHECK_EQ(sopen(u, "/proc/uptime", O_WRONLY, 0), -EACCES);
    CHECK_EQ(sopen(u, "/proc/sys/kernel/hostname", O_WRONLY, 0), -EACCES);
    texit_reap(u, 0);
}

/* A process gone: its paths are ENOENT, a file of it still open ESRCH. */
TEST(procfs_vanished_process)
{
    struct proc *c = tspawn(init, "/bin/init");
    char stat[64], fdl[64];
    snprintf(stat, sizeof stat, "/proc/%d/stat", c->pid);
    snprintf(fdl, sizeof fdl, "/proc/%d/fd", c->pid);
    long fd = sopen(init, stat, O_RDONLY, 0);
    long dfd = sopen(init, fdl, O_RDONLY | O_DIRECTORY, 0);
    CHECK(fd >= 0 && dfd >= 0);
    CHECK_EQ(tsys(c, SYS_exit, 3L), KERN_EXIT);
    char buf[256];
    CHECK(sread(init, fd, buf, sizeof buf - 1) > 0);         /* a zombie has one */
    CHECK(strstr(buf, " Z ") != NULL);
    CHECK(strstr(buf, " 768\n") != NULL);                    /* its wait status */
    CHECK_EQ(tsys(init, SYS_wait4, (long)c->pid, 0L, 0L, 0L), c->pid);
    CHECK_EQ(slseek(init, fd, 0, SEEK_SET), 0);
    CHECK_EQ(sread(init, fd, buf, sizeof buf - 1), -ESRCH);
    CHECK_EQ(sopen(init, stat, O_RDONLY, 0), -ENOENT);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(sclose(init, dfd), 0);
}

TEST(procfs_hostname_read_and_set_by_root)
{
    CHECK_STR(slurp(init, "/proc/sys/kernel/hostname"), "duplex\n");
    long fd = sopen(init, "/proc/sys/kernel/hostname", O_WRONLY | O_TRUNC, 0);
    CHECK_EQ(swrite(init, fd, "box\n"), 4);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_STR(slurp(init, "/proc/sys/kernel/hostname"), "box\n");
    uptr u = ubuf(init, sizeof(struct k_utsname));
    CHECK_EQ(sys3(init, SYS_uname, (long)u, 0, 0), 0);
    CHECK_STR(((struct k_utsname *)uhost(init, u))->nodename, "box");
    fd = sopen(init, "/proc/sys/kernel/hostname", O_WRONLY, 0);
    CHECK_EQ(swrite(init, fd, "a-name-longer-than-the-32-bytes-of-uname"), -EINVAL);
    CHECK_EQ(sys3(init, SYS_write, fd, 8L, 4L), -EFAULT);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_STR(slurp(init, "/proc/sys/kernel/hostname"), "box\n");
}

/* Without memory for its directory a process runs without one. */
TEST(procfs_process_without_memory_for_its_directory)
{
    tprog("/bin/p");
    struct proc *c = NULL;
    for (size_t hole = 256; !c && hole < 65536; hole += 64) {
        tsqueeze(hole);
        const char *argv[] = { "/bin/p", NULL };
        long pid = tsys(init, SYS_spawn, (long)ustr(init, "/bin/p"), (long)uargv(init, argv),
                        0L, 0L, 0L, 0L);
        trelease();
        if (pid > 0) {
            struct proc *q = proc_find((int)pid);
            struct k_stat st;
            if (sstat(init, procpath(q, ""), &st) == -ENOENT)
                c = q;
            else
                texit_reap(q, 0);
        }
    }
    CHECK(c != NULL);
    texit_reap(c, 0);
    trm("/bin/p");
}

/* A spawn's file actions run for a child still being made: /proc/self is
 * already its own, with its files (`wc < /proc/self/stat`). */
TEST(procfs_self_in_a_spawns_file_action)
{
    struct proc *parent = tspawn(init, "/bin/init");
    struct k_spawn_action act = { .type = SPAWN_OPEN, .fd = 0, .oflag = O_RDONLY,
                                  .path = ustr(parent, "/proc/self/stat") };
    const char *argv[] = { "init", NULL };
    long pid = tsys(parent, SYS_spawn, (long)ustr(parent, "/bin/init"),
                    (long)uargv(parent, argv), 0L, (long)ubytes(parent, &act, sizeof act),
                    1L, 0L);
    CHECK(pid > 1);
    struct proc *c = proc_find((int)pid);
    char buf[64], want[32];
    CHECK(sread(c, 0, buf, sizeof buf - 1) > 0);
    snprintf(want, sizeof want, "%ld (init) ", pid);
    CHECK(strncmp(buf, want, strlen(want)) == 0);
    texit_reap(c, 0);
    texit_reap(parent, 0);
}
