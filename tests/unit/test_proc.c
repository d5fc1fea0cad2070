/*
 * test_proc.c - process system calls: spawn, exit, wait4, ids, groups,
 * sessions, execve, and the process table's limits.
 */
#include "test.h"

static long spawn_args(struct proc *p, const char *path, const char *const *argv,
                       uptr actions, long nact, uptr attr)
{
    return tsys(p, SYS_spawn, (long)ustr(p, path), (long)uargv(p, argv), 0L,
                (long)actions, nact, (long)attr);
}

TEST(spawn_creates_child_and_wait_reaps_it)
{
    tprog("/bin/child");
    struct proc *c = tspawn(init, "/bin/child");
    CHECK(c != NULL);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(c->parent, init);
    CHECK_EQ(tsys(c, SYS_getppid), 1);
    CHECK_EQ(tsys(c, SYS_getpid), c->pid);
    CHECK_STR(c->cmdline, "/bin/child");
    texit_reap(c, 7);
    trm("/bin/child");
}

TEST(spawn_copies_argv_into_cmdline)
{
    tprog("/bin/echo");
    const char *argv[] = { "echo", "hello", "world", NULL };
    long pid = spawn_args(init, "/bin/echo", argv, 0, 0, 0);
    CHECK(pid > 1);
    struct proc *c = proc_find((int)pid);
    CHECK_EQ(c->cmdline_len, 17);
    CHECK(memcmp(c->cmdline, "echo\0hello\0world", 17) == 0);   /* as /proc gives it */
    struct k_procinfo pi;
    proc_info(c - procs, &pi);
    CHECK_STR(pi.cmdline, "echo hello world");                 /* as ps shows it */
    texit_reap(c, 0);
    trm("/bin/echo");
}

TEST(spawn_errors)
{
    const char *argv[] = { "x", NULL };
    CHECK_EQ(spawn_args(init, "/bin/nope", argv, 0, 0, 0), -ENOENT);
    CHECK_EQ(spawn_args(init, "/bin", argv, 0, 0, 0), -EACCES);
    ramfs_create_path("/bin/text", I_REG, 0755, "hello", 5);
    CHECK_EQ(spawn_args(init, "/bin/text", argv, 0, 0, 0), -ENOEXEC);
    ramfs_create_path("/bin/noexec", I_REG, 0644, FAKE_MAGIC, 4);
    CHECK_EQ(spawn_args(init, "/bin/noexec", argv, 0, 0, 0), -EACCES);
    /* bad user addresses */
    CHECK_EQ(tsys(init, SYS_spawn, 8L, (long)uargv(init, argv), 0L, 0L, 0L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_spawn, (long)ustr(init, "/bin/init"), 0L, 0L, 0L, 0L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_spawn, (long)ustr(init, "/bin/init"), 8L, 0L, 0L, 0L, 0L), -EFAULT);
    uptr badv = ubuf(init, 2 * sizeof(uptr));
    ((uptr *)uhost(init, badv))[0] = 8;
    CHECK_EQ(tsys(init, SYS_spawn, (long)ustr(init, "/bin/init"), (long)badv, 0L, 0L, 0L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_spawn, (long)ustr(init, "/bin/init"), (long)uargv(init, argv),
                  8L, 0L, 0L, 0L), -EFAULT);
    CHECK_EQ(spawn_args(init, "/bin/init", argv, 8, 1, 0), -EFAULT);
    CHECK_EQ(spawn_args(init, "/bin/init", argv, 0, -1, 0), -EINVAL);
    CHECK_EQ(spawn_args(init, "/bin/init", argv, 0, SPAWN_ACTIONS_MAX + 1, 0), -EINVAL);
    CHECK_EQ(spawn_args(init, "/bin/init", argv, 0, 0, 8), -EFAULT);
    CHECK_EQ(tsys(init, SYS_spawn, (long)ustr(init, ""), (long)uargv(init, argv), 0L, 0L, 0L, 0L), -ENOENT);
    tsys(init, SYS_unlink, (long)ustr(init, "/bin/text"));
    tsys(init, SYS_unlink, (long)ustr(init, "/bin/noexec"));
}

/* Linux's limits: no count of entries but what ARG_MAX holds, and a
 * string of at most MAX_ARG_STRLEN bytes with its NUL. */
TEST(spawn_limits_each_string_not_the_count)
{
    static const char *many[5002];
    many[0] = "init";
    for (int i = 1; i < 5001; i++)
        many[i] = "a";
    many[5001] = NULL;
    long pid = spawn_args(init, "/bin/init", many, 0, 0, 0);
    CHECK(pid > 0);
    texit_reap(proc_find((int)pid), 0);
    static char big[MAX_ARG_STRLEN + 1];
    memset(big, 'x', MAX_ARG_STRLEN - 1);               /* the longest string there may be */
    const char *argv[] = { "init", big, NULL };
    pid = spawn_args(init, "/bin/init", argv, 0, 0, 0);
    CHECK(pid > 0);
    texit_reap(proc_find((int)pid), 0);
    big[MAX_ARG_STRLEN - 1] = 'x';                      /* one byte more */
    CHECK_EQ(spawn_args(init, "/bin/init", argv, 0, 0, 0), -E2BIG);
}

/* ARG_MAX counts as Linux does: every string of argv and envp with its
 * NUL, plus one pointer per string. A long string is counted once, by its
 * length (it was once counted in growing chunks, which refused 9 KB).
 * argv is "init" and `copies` pointers to one string of `len` bytes (the
 * fake user memory of a test could not hold ARG_MAX bytes of distinct
 * strings); envp one string of env_len bytes. The user buffers are the
 * test's, allocated once. */
struct sized { uptr str, env, vec, envp, init; };

static long spawn_sized(const struct sized *u, int copies, size_t len, size_t env_len)
{
    char *a = uhost(init, u->str), *e = uhost(init, u->env);
    memset(a, 'a', len);
    a[len] = '\0';
    memset(e, 'e', env_len);
    e[env_len] = '\0';
    uptr *v = uhost(init, u->vec), *ev = uhost(init, u->envp);
    v[0] = u->init;
    for (int i = 1; i <= copies; i++)
        v[i] = u->str;
    v[copies + 1] = 0;
    ev[0] = u->env;
    ev[1] = 0;
    long pid = tsys(init, SYS_spawn, (long)ustr(init, "/bin/init"), (long)u->vec,
                    (long)u->envp, 0L, 0L, 0L);
    if (pid > 0)
        texit_reap(proc_find((int)pid), 0);
    return pid;
}

TEST(spawn_counts_arg_max_as_linux)
{
    const size_t each = 100000, copies = 20;
    const size_t fixed = sizeof(uptr) + sizeof "init" + copies * (sizeof(uptr) + each + 1);
    const size_t room = ARG_MAX - fixed - sizeof(uptr) - 1;   /* envp's string, less its NUL */
    struct sized u = { ubuf(init, MAX_ARG_STRLEN), ubuf(init, MAX_ARG_STRLEN),
                       ubuf(init, (copies + 2) * sizeof(uptr)), ubuf(init, 2 * sizeof(uptr)),
                       ustr(init, "init") };
    CHECK(spawn_sized(&u, 1, 9000, 0) > 0);
    CHECK(spawn_sized(&u, copies, each, room) > 0);                /* exactly ARG_MAX */
    CHECK_EQ(spawn_sized(&u, copies, each, room + 1), -E2BIG);     /* one byte over */
    CHECK(spawn_sized(&u, copies, each + 1, room - copies) > 0);   /* argv and envp together */
    CHECK_EQ(spawn_sized(&u, copies, each + 1, room - copies + 1), -E2BIG);
}

TEST(process_table_full_gives_eagain)
{
    struct proc *kids[NPROC];
    int n = 0;
    for (;;) {
        const char *argv[] = { "init", NULL };
        long pid = spawn_args(init, "/bin/init", argv, 0, 0, 0);
        if (pid < 0) {
            CHECK_EQ(pid, -EAGAIN);
            break;
        }
        kids[n++] = proc_find((int)pid);
    }
    CHECK_EQ(n, NPROC - 1);
    for (int i = 0; i < n; i++)
        texit_reap(kids[i], 0);
}

TEST(wait4_variants)
{
    struct proc *a = tspawn(init, "/bin/init");
    struct proc *b = tspawn(init, "/bin/init");
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, -1L, (long)st, (long)WNOHANG, 0L), 0);
    CHECK_EQ(tsys(init, SYS_wait4, 9999L, (long)st, 0L, 0L), -ECHILD);
    CHECK_EQ(tsys(init, SYS_wait4, -1L, (long)st, 0x100L, 0L), -EINVAL);
    /* a blocks in wait4 for nothing: it has no children */
    CHECK_EQ(tsys(a, SYS_wait4, -1L, 0L, 0L, 0L), -ECHILD);
    /* init blocks, b exits, init's restarted wait returns b */
    CHECK_EQ(tsys(init, SYS_wait4, -1L, (long)st, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(init->state, P_BLOCKED);
    CHECK_STR(init->wait_what, "wait");
    int bpid = b->pid;
    CHECK_EQ(tsys(b, SYS_exit, 3L), KERN_EXIT);
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_EQ(tsys(init, SYS_wait4, -1L, (long)st, 0L, 0L), bpid);
    CHECK_EQ(*(int *)uhost(init, st), W_EXITCODE(3, 0));
    /* status pointer that faults: the zombie stays */
    int apid = a->pid;
    CHECK_EQ(tsys(a, SYS_exit, 0L), KERN_EXIT);
    CHECK_EQ(tsys(init, SYS_wait4, (long)apid, 8L, 0L, 0L), -EFAULT);
    CHECK_EQ(a->state, P_ZOMBIE);
    CHECK_EQ(tsys(init, SYS_wait4, (long)apid, 0L, 0L, 0L), apid);
}

TEST(wait4_by_process_group)
{
    struct proc *a = tspawn(init, "/bin/init");
    struct proc *b = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(init, SYS_setpgid, (long)a->pid, 0L), 0);
    CHECK_EQ(a->pgid, a->pid);
    CHECK_EQ(tsys(init, SYS_setpgid, (long)b->pid, (long)a->pid), 0);
    CHECK_EQ(tsys(init, SYS_wait4, 0L, 0L, (long)WNOHANG, 0L), -ECHILD);  /* none in init's group */
    int bpid = b->pid;
    tsys(b, SYS_exit, 0L);
    CHECK_EQ(tsys(init, SYS_wait4, (long)-a->pid, 0L, 0L, 0L), bpid);
    int apid = a->pid;
    tsys(a, SYS_exit, 0L);
    CHECK_EQ(tsys(init, SYS_wait4, (long)-apid, 0L, 0L, 0L), apid);
}

TEST(orphans_go_to_init)
{
    struct proc *a = tspawn(init, "/bin/init");
    struct proc *g = tspawn(a, "/bin/init");
    int gpid = g->pid, apid = a->pid;
    CHECK_EQ(tsys(g, SYS_exit, 5L), KERN_EXIT);        /* a zombie child of a */
    CHECK_EQ(tsys(a, SYS_exit, 0L), KERN_EXIT);
    CHECK_EQ(g->parent, init);
    CHECK_EQ(tsys(init, SYS_wait4, (long)apid, 0L, 0L, 0L), apid);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, -1L, (long)st, 0L, 0L), gpid);
    CHECK_EQ(*(int *)uhost(init, st), W_EXITCODE(5, 0));
}

TEST(ignoring_sigchld_reaps_automatically)
{
    struct k_sigaction sa = { .sa_handler = SIG_IGN };
    CHECK_EQ(tsys(init, SYS_sigaction, (long)SIGCHLD, (long)ubytes(init, &sa, sizeof sa), 0L), 0);
    struct proc *a = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(init, SYS_wait4, -1L, 0L, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(tsys(a, SYS_exit, 0L), KERN_EXIT);
    CHECK_EQ(tsys(init, SYS_wait4, -1L, 0L, 0L, 0L), -ECHILD);
}

TEST(setpgid_and_setsid_rules)
{
    struct proc *a = tspawn(init, "/bin/init");
    struct proc *b = tspawn(a, "/bin/init");
    CHECK_EQ(tsys(a, SYS_setpgid, 0L, -1L), -EINVAL);
    CHECK_EQ(tsys(a, SYS_setpgid, 9999L, 0L), -ESRCH);
    CHECK_EQ(tsys(b, SYS_setpgid, (long)a->pid, 0L), -ESRCH);   /* not its child */
    CHECK_EQ(tsys(a, SYS_setpgid, 0L, 4242L), -EPERM);          /* no such group */
    CHECK_EQ(tsys(a, SYS_setpgid, 0L, 0L), 0);
    CHECK_EQ(tsys(a, SYS_getpgid, 0L), a->pid);
    CHECK_EQ(tsys(init, SYS_getpgid, (long)a->pid), a->pid);
    CHECK_EQ(tsys(init, SYS_getpgid, 9999L), -ESRCH);
    /* a is a group leader: no setsid; b may */
    CHECK_EQ(tsys(a, SYS_setsid), -EPERM);
    CHECK_EQ(tsys(b, SYS_setsid), b->pid);
    CHECK_EQ(tsys(b, SYS_getsid, 0L), b->pid);
    CHECK_EQ(tsys(init, SYS_getsid, (long)b->pid), b->pid);
    CHECK_EQ(tsys(init, SYS_getsid, 9999L), -ESRCH);
    CHECK_EQ(tsys(b, SYS_setpgid, 0L, 0L), -EPERM);             /* session leader */
    CHECK_EQ(tsys(a, SYS_setpgid, (long)b->pid, 0L), -EPERM);   /* other session */
    texit_reap(b, 0);
    texit_reap(a, 0);
}

TEST(uid_and_gid)
{
    struct proc *a = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(a, SYS_getuid), 0);
    CHECK_EQ(tsys(a, SYS_setgid, 100L), 0);
    CHECK_EQ(tsys(a, SYS_setuid, 1000L), 0);
    CHECK_EQ(tsys(a, SYS_getuid), 1000);
    CHECK_EQ(tsys(a, SYS_getgid), 100);
    CHECK_EQ(tsys(a, SYS_setuid, 0L), -EPERM);
    CHECK_EQ(tsys(a, SYS_setgid, 0L), -EPERM);
    CHECK_EQ(tsys(a, SYS_setuid, 1000L), 0);
    CHECK_EQ(tsys(a, SYS_setuid, -1L), -EINVAL);
    CHECK_EQ(tsys(a, SYS_setgid, -1L), -EINVAL);
    /* a non-root process may not signal or power off root's */
    CHECK_EQ(tsys(a, SYS_kill, 1L, 0L), -EPERM);
    CHECK_EQ(tsys(a, SYS_kill, -1L, (long)SIGTERM), -ESRCH);   /* nobody else */
    CHECK_EQ(tsys(a, SYS_poweroff), -EPERM);
    texit_reap(a, 0);
}

TEST(spawn_attributes)
{
    struct k_spawn_attr at = { .flags = SPAWN_SETPGROUP, .pgroup = 0 };
    const char *argv[] = { "init", NULL };
    long pid = spawn_args(init, "/bin/init", argv, 0, 0, (uptr)ubytes(init, &at, sizeof at));
    struct proc *a = proc_find((int)pid);
    CHECK_EQ(a->pgid, a->pid);
    at.pgroup = a->pid;
    at.flags = SPAWN_SETPGROUP | SPAWN_SETSIGMASK;
    at.sigmask = SIGBIT(SIGUSR1) | SIGBIT(SIGKILL);
    pid = spawn_args(init, "/bin/init", argv, 0, 0, (uptr)ubytes(init, &at, sizeof at));
    struct proc *b = proc_find((int)pid);
    CHECK_EQ(b->pgid, a->pid);
    CHECK_EQ(b->sig_mask, SIGBIT(SIGUSR1));
    at.flags = SPAWN_SETSID;
    pid = spawn_args(init, "/bin/init", argv, 0, 0, (uptr)ubytes(init, &at, sizeof at));
    struct proc *c = proc_find((int)pid);
    CHECK_EQ(c->sid, c->pid);
    at.flags = SPAWN_SETPGROUP;
    at.pgroup = 4242;
    CHECK_EQ(spawn_args(init, "/bin/init", argv, 0, 0, (uptr)ubytes(init, &at, sizeof at)), -EPERM);
    at.pgroup = -3;
    CHECK_EQ(spawn_args(init, "/bin/init", argv, 0, 0, (uptr)ubytes(init, &at, sizeof at)), -EINVAL);
    at.flags = 0x1000;
    CHECK_EQ(spawn_args(init, "/bin/init", argv, 0, 0, (uptr)ubytes(init, &at, sizeof at)), -EINVAL);
    /* ignored signals stay ignored, SETSIGDEF resets them */
    struct k_sigaction ign = { .sa_handler = SIG_IGN };
    tsys(init, SYS_sigaction, (long)SIGINT, (long)ubytes(init, &ign, sizeof ign), 0L);
    tsys(init, SYS_sigaction, (long)SIGQUIT, (long)ubytes(init, &ign, sizeof ign), 0L);
    at.flags = SPAWN_SETSIGDEF;
    at.sigdefault = SIGBIT(SIGQUIT);
    pid = spawn_args(init, "/bin/init", argv, 0, 0, (uptr)ubytes(init, &at, sizeof at));
    struct proc *d = proc_find((int)pid);
    CHECK_EQ(d->sig_action[SIGINT].sa_handler, SIG_IGN);
    CHECK_EQ(d->sig_action[SIGQUIT].sa_handler, SIG_DFL);
    texit_reap(d, 0);
    texit_reap(c, 0);
    texit_reap(b, 0);
    texit_reap(a, 0);
}

/* A group lives while any member does, a zombie included: a pipeline's
 * later stage joins the group of a first stage that exited, not yet reaped. */
TEST(spawn_joins_the_group_of_a_zombie)
{
    struct k_spawn_attr at = { .flags = SPAWN_SETPGROUP, .pgroup = 0 };
    const char *argv[] = { "init", NULL };
    long pid = spawn_args(init, "/bin/init", argv, 0, 0, (uptr)ubytes(init, &at, sizeof at));
    struct proc *a = proc_find((int)pid);
    int leader = a->pid;
    CHECK_EQ(tsys(a, SYS_exit, 0L), KERN_EXIT);           /* a zombie, not reaped */
    at.pgroup = leader;
    pid = spawn_args(init, "/bin/init", argv, 0, 0, (uptr)ubytes(init, &at, sizeof at));
    CHECK(pid > 0);
    struct proc *b = proc_find((int)pid);
    CHECK_EQ(b->pgid, leader);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)leader, (long)st, 0L, 0L), leader);
    texit_reap(b, 0);
    /* reaped, and no member left: the group is gone */
    CHECK_EQ(spawn_args(init, "/bin/init", argv, 0, 0, (uptr)ubytes(init, &at, sizeof at)), -EPERM);
}

TEST(spawn_file_actions)
{
    struct k_spawn_action acts[3];
    memset(acts, 0, sizeof acts);
    acts[0] = (struct k_spawn_action){ .type = SPAWN_OPEN, .fd = 5,
        .oflag = O_WRONLY | O_CREAT, .mode = 0644, .path = ustr(init, "/tmp/out") };
    acts[1] = (struct k_spawn_action){ .type = SPAWN_DUP2, .fd = 5, .newfd = 1 };
    acts[2] = (struct k_spawn_action){ .type = SPAWN_CLOSE, .fd = 5 };
    const char *argv[] = { "init", NULL };
    long pid = spawn_args(init, "/bin/init", argv, ubytes(init, acts, sizeof acts), 3, 0);
    CHECK(pid > 0);
    struct proc *c = proc_find((int)pid);
    CHECK(c->ofile[5] == NULL);
    CHECK(c->ofile[1] != NULL && c->ofile[1] != init->ofile[1]);
    CHECK_EQ(tsys(c, SYS_write, 1L, (long)ustr(c, "hi"), 2L), 2);
    texit_reap(c, 0);
    struct k_stat st;
    uptr ust = ubuf(init, sizeof st);
    CHECK_EQ(tsys(init, SYS_stat, (long)ustr(init, "/tmp/out"), (long)ust, 0L), 0);
    CHECK_EQ(((struct k_stat *)uhost(init, ust))->st_size, 2);
    CHECK_EQ(tsys(init, SYS_unlink, (long)ustr(init, "/tmp/out")), 0);

    /* a failing action undoes the whole child */
    struct k_kstat before = kstats;
    struct k_spawn_action bad[2] = {
        { .type = SPAWN_OPEN, .fd = 6, .oflag = O_RDONLY, .path = ustr(init, "/tmp") },
        { .type = SPAWN_OPEN, .fd = 7, .oflag = O_RDONLY, .path = ustr(init, "/nope") },
    };
    CHECK_EQ(spawn_args(init, "/bin/init", argv, ubytes(init, bad, sizeof bad), 2, 0), -ENOENT);
    CHECK_EQ(kstats.procs, before.procs);
    CHECK_EQ(kstats.files, before.files);
    struct k_spawn_action others[] = {
        { .type = SPAWN_CLOSE, .fd = NOFILE },
        { .type = SPAWN_CLOSE, .fd = -1 },
        { .type = SPAWN_DUP2, .fd = 40, .newfd = 3 },
        { .type = SPAWN_DUP2, .fd = 0, .newfd = NOFILE },
        { .type = SPAWN_OPEN, .fd = NOFILE, .oflag = O_RDONLY, .path = ustr(init, "/tmp") },
        { .type = SPAWN_OPEN, .fd = 3, .oflag = O_RDONLY, .path = 8 },
        { .type = 99 },
    };
    long want[] = { -EBADF, -EBADF, -EBADF, -EBADF, -EBADF, -EFAULT, -EINVAL };
    for (size_t i = 0; i < ARRAY_SIZE(others); i++)
        CHECK_EQ(spawn_args(init, "/bin/init", argv, ubytes(init, &others[i], sizeof others[i]), 1, 0),
                 want[i]);
    CHECK_EQ(kstats.files, before.files);
    /* closing a descriptor the child does not have is fine */
    struct k_spawn_action close40 = { .type = SPAWN_CLOSE, .fd = 40 };
    pid = spawn_args(init, "/bin/init", argv, ubytes(init, &close40, sizeof close40), 1, 0);
    CHECK(pid > 0);
    texit_reap(proc_find((int)pid), 0);
    /* a close-on-exec descriptor is still there for the actions, then goes */
    long cfd = tsys(init, SYS_open, (long)ustr(init, "/dev/null"), (long)(O_RDONLY | O_CLOEXEC), 0L);
    struct k_spawn_action use = { .type = SPAWN_DUP2, .fd = (int32_t)cfd, .newfd = 9 };
    pid = spawn_args(init, "/bin/init", argv, ubytes(init, &use, sizeof use), 1, 0);
    CHECK(pid > 0);
    struct proc *cc = proc_find((int)pid);
    CHECK(cc->ofile[9] != NULL);
    CHECK(cc->ofile[cfd] == NULL);
    texit_reap(cc, 0);
    tsys(init, SYS_close, cfd);
    /* dup2 onto itself clears close-on-exec and keeps the file */
    struct k_spawn_action same = { .type = SPAWN_DUP2, .fd = 0, .newfd = 0 };
    pid = spawn_args(init, "/bin/init", argv, ubytes(init, &same, sizeof same), 1, 0);
    CHECK(pid > 0);
    texit_reap(proc_find((int)pid), 0);
}

TEST(execve_replaces_the_program)
{
    struct proc *a = tspawn(init, "/bin/init");
    tprog("/bin/other");
    const char *argv[] = { "other", "-x", NULL };
    void *old = a->ctx;
    CHECK_EQ(tsys(a, SYS_execve, (long)ustr(a, "/bin/other"), (long)uargv(a, argv), 0L), KERN_EXEC);
    CHECK(a->ctx != old || a->ctx != NULL);
    CHECK_EQ(a->cmdline_len, 9);
    CHECK(memcmp(a->cmdline, "other\0-x", 9) == 0);
    CHECK_EQ(tsys(a, SYS_execve, (long)ustr(a, "/bin/nope"), (long)uargv(a, argv), 0L), -ENOENT);
    CHECK_EQ(tsys(a, SYS_execve, 8L, (long)uargv(a, argv), 0L), -EFAULT);
    CHECK_EQ(tsys(a, SYS_execve, (long)ustr(a, "/bin/other"), 0L, 0L), -EFAULT);
    CHECK_EQ(tsys(a, SYS_execve, (long)ustr(a, "/bin/other"), 8L, 0L), -EFAULT);
    texit_reap(a, 0);
    trm("/bin/other");
}

TEST(unknown_syscall_is_enosys)
{
    CHECK_EQ(tsys(init, 0L), -ENOSYS);
    CHECK_EQ(tsys(init, 127L), -ENOSYS);
    CHECK_EQ(tsys(init, 100000L), -ENOSYS);
    CHECK_EQ(tsys(init, -5L), -ENOSYS);
}

TEST(procinfo_lists_processes)
{
    struct proc *a = tspawn(init, "/bin/init");
    CHECK_EQ(tsys(init, SYS_wait4, -1L, 0L, 0L, 0L), KERN_BLOCK);
    struct k_procinfo pi;
    uptr u = ubuf(a, sizeof pi);
    long slot = 0;
    int seen = 0;
    while ((slot = tsys(a, SYS_procinfo, slot, (long)u)) > 0) {
        memcpy(&pi, uhost(a, u), sizeof pi);
        if (pi.pid == 1) {
            CHECK_EQ(pi.state, 'S');
            CHECK_STR(pi.wait, "wait");
            CHECK_STR(pi.cmdline, "init");
        } else {
            CHECK_EQ(pi.pid, a->pid);
            CHECK_EQ(pi.ppid, 1);
            CHECK_EQ(pi.state, 'R');
        }
        seen++;
    }
    CHECK_EQ(seen, 2);
    CHECK_EQ(tsys(a, SYS_procinfo, -1L, (long)u), -EINVAL);
    CHECK_EQ(tsys(a, SYS_procinfo, 0L, 8L), -EFAULT);
    int apid = a->pid;
    tsys(a, SYS_exit, 0L);
    CHECK_EQ(tsys(init, SYS_wait4, -1L, 0L, 0L, 0L), apid);
}

TEST(kstat_uname_brk_clock)
{
    struct k_kstat ks;
    uptr u = ubuf(init, sizeof ks);
    CHECK_EQ(tsys(init, SYS_kstat, (long)u), 0);
    memcpy(&ks, uhost(init, u), sizeof ks);
    CHECK_EQ(ks.procs, 1);
    CHECK_EQ(tsys(init, SYS_kstat, 8L), -EFAULT);
    struct k_utsname un;
    uptr uu = ubuf(init, sizeof un);
    CHECK_EQ(tsys(init, SYS_uname, (long)uu), 0);
    memcpy(&un, uhost(init, uu), sizeof un);
    CHECK_STR(un.sysname, "Duplex");
    CHECK_STR(un.machine, "host");
    CHECK_EQ(tsys(init, SYS_uname, 8L), -EFAULT);
    long brk = tsys(init, SYS_brk, 0L);
    CHECK(brk > 0);
    CHECK_EQ(tsys(init, SYS_brk, brk + 8192), brk + 8192);
    CHECK_EQ(tsys(init, SYS_brk, 1L), brk + 8192);
    uptr ts = ubuf(init, sizeof(struct k_timespec));
    CHECK_EQ(tsys(init, SYS_clock_gettime, (long)CLOCK_MONOTONIC, (long)ts), 0);
    CHECK_EQ(((struct k_timespec *)uhost(init, ts))->tv_sec, 1);
    CHECK_EQ(tsys(init, SYS_clock_gettime, (long)CLOCK_REALTIME, (long)ts), 0);
    CHECK(((struct k_timespec *)uhost(init, ts))->tv_sec > 1700000000);
    CHECK_EQ(tsys(init, SYS_clock_gettime, (long)CLOCK_MONOTONIC_COARSE, (long)ts), 0);
    CHECK_EQ(((struct k_timespec *)uhost(init, ts))->tv_sec, 1);
    CHECK_EQ(tsys(init, SYS_clock_gettime, (long)CLOCK_REALTIME_COARSE, (long)ts), 0);
    CHECK(((struct k_timespec *)uhost(init, ts))->tv_sec > 1700000000);
    CHECK_EQ(tsys(init, SYS_clock_gettime, 2L, (long)ts), -EINVAL);   /* CPU-time clocks: none */
    CHECK_EQ(tsys(init, SYS_clock_gettime, 7L, (long)ts), -EINVAL);
    CHECK_EQ(tsys(init, SYS_clock_gettime, 0L, 8L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_poweroff), 0);
}
