/*
 * test_script.c - exec's #! rule (kernel/script.c): a script runs under
 * the interpreter its first line names, with that line's one argument and
 * the script's path before the caller's arguments; a #! line without a
 * program is ENOEXEC, a missing interpreter ENOENT, and a chain of
 * scripts deeper than SCRIPT_DEPTH ELOOP.
 */
#include "test.h"
#include "fstest.h"

static void script(const char *path, const char *text)
{
    CHECK_EQ(ramfs_create_path(path, I_REG, 0755, text, strlen(text)), 0);
}

/* Spawn path with argv { path, "x", "y z" }: the pid, or -errno. */
static long spawn_args(const char *path)
{
    const char *argv[] = { path, "x", "y z", NULL };
    return tsys(init, SYS_spawn, (long)ustr(init, path), (long)uargv(init, argv),
                0L, 0L, 0L, 0L);
}

static void check_cmdline(const char *path, const char *want)
{
    long pid = spawn_args(path);
    CHECK(pid > 0);
    struct proc *c = proc_find((int)pid);
    CHECK(c != NULL);
    struct k_procinfo pi;
    proc_info(c - procs, &pi);
    CHECK_STR(pi.cmdline, want);                 /* as ps shows it */
    texit_reap(c, 0);
}

TEST(script_runs_under_its_interpreter_with_the_line_argument)
{
    tprog("/bin/interp");
    script("/s1", "#!/bin/interp\necho hi\n");
    check_cmdline("/s1", "/bin/interp /s1 x y z");
    long pid = spawn_args("/s1");                /* known by its own name */
    CHECK_STR(proc_find((int)pid)->comm, "s1");
    texit_reap(proc_find((int)pid), 0);
    /* the rest of the line is one argument, trimmed, never split */
    script("/s2", "#!  /bin/interp   -f  -g \t\r\nbody\n");
    check_cmdline("/s2", "/bin/interp -f  -g /s2 x y z");
    /* a script whose interpreter is a script: both lines apply, in turn */
    script("/s3", "#!/s2 -q");
    check_cmdline("/s3", "/bin/interp -f  -g /s2 -q /s3 x y z");
    /* no newline within the first 256 bytes: the line ends there */
    char longl[400] = "#!/bin/interp ";
    memset(longl + 14, 'a', 300);
    longl[314] = '\0';
    script("/s4", longl);
    long p4 = spawn_args("/s4");
    CHECK(p4 > 0);
    struct k_procinfo pi;
    proc_info(proc_find((int)p4) - procs, &pi);
    CHECK(strncmp(pi.cmdline, "/bin/interp aaa", 15) == 0);
    texit_reap(proc_find((int)p4), 0);
    trm("/s4");
    trm("/s1"); trm("/s2"); trm("/s3"); trm("/bin/interp");
}

TEST(script_errors_are_linux_errnos)
{
    script("/e1", "#!\n");
    CHECK_EQ(spawn_args("/e1"), -ENOEXEC);
    script("/e2", "#!/no/such/interp\n");
    CHECK_EQ(spawn_args("/e2"), -ENOENT);
    script("/e3", "#!/e3\n");                   /* names itself: too deep */
    CHECK_EQ(spawn_args("/e3"), -ELOOP);
    script("/e4", "echo no line\n");            /* no #!: for execvp's /bin/sh */
    CHECK_EQ(spawn_args("/e4"), -ENOEXEC);
    trm("/e1"); trm("/e2"); trm("/e3"); trm("/e4");
}
