/*
 * test_spawn.c - posix_spawn's translation into the spawn system call
 * (the k_spawn_action array and k_spawn_attr), the $PATH search of
 * posix_spawnp and execvp, and the environment functions.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <unistd.h>
#include "libc.h"
#include "harness.h"

TEST(spawn_translates_actions_and_attributes)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    char path[] = "/tmp/out";
    char *argv[] = { "ls", "-l", NULL };
    char *envp[] = { "A=1", NULL };
    pid_t pid = 0;

    fk_program("/bin/ls");
    CHECK_EQ(posix_spawn_file_actions_init(&fa), 0);
    CHECK_EQ(posix_spawn_file_actions_addopen(&fa, 1, path, O_WRONLY | O_CREAT, 0644), 0);
    path[1] = 'X';                                   /* the action keeps its own copy */
    CHECK_EQ(posix_spawn_file_actions_adddup2(&fa, 1, 2), 0);
    CHECK_EQ(posix_spawn_file_actions_addclose(&fa, 5), 0);
    CHECK_EQ(posix_spawnattr_init(&attr), 0);
    CHECK_EQ(posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                             POSIX_SPAWN_SETSIGDEF), 0);
    CHECK_EQ(posix_spawnattr_setpgroup(&attr, 0), 0);
    sigset_t mask, def;
    sigemptyset(&mask);
    sigaddset(&mask, SIGINT);
    sigemptyset(&def);
    sigaddset(&def, SIGTERM);
    sigaddset(&def, SIGQUIT);
    CHECK_EQ(posix_spawnattr_setsigmask(&attr, &mask), 0);
    CHECK_EQ(posix_spawnattr_setsigdefault(&attr, &def), 0);

    CHECK_EQ(posix_spawn(&pid, "/bin/ls", &fa, &attr, argv, envp), 0);
    CHECK_EQ(pid, 100);

    const struct fk_spawn *s = fk_last_spawn();
    CHECK_STR(s->path, "/bin/ls");
    CHECK_EQ(s->argc, 2);
    CHECK_STR(s->argv[1], "-l");
    CHECK_EQ(s->envc, 1);
    CHECK_STR(s->envp[0], "A=1");
    CHECK_EQ(s->nactions, 3);
    CHECK_EQ(s->actions[0].type, SPAWN_OPEN);
    CHECK_EQ(s->actions[0].fd, 1);
    CHECK_EQ(s->actions[0].oflag, O_WRONLY | O_CREAT);
    CHECK_EQ(s->actions[0].mode, 0644);
    CHECK_STR(s->action_path[0], "/tmp/out");
    CHECK(s->action_path_addr[0] != (uint64_t)(uintptr_t)path);
    CHECK_EQ(s->actions[1].type, SPAWN_DUP2);
    CHECK_EQ(s->actions[1].fd, 1);
    CHECK_EQ(s->actions[1].newfd, 2);
    CHECK_EQ(s->actions[2].type, SPAWN_CLOSE);
    CHECK_EQ(s->actions[2].fd, 5);
    CHECK(s->has_attr);
    CHECK_EQ(s->attr.flags, SPAWN_SETPGROUP | SPAWN_SETSIGMASK | SPAWN_SETSIGDEF);
    CHECK_EQ(s->attr.pgroup, 0);
    CHECK_EQ(s->attr.sigmask, SIGBIT(SIGINT));
    CHECK_EQ(s->attr.sigdefault, SIGBIT(SIGTERM) | SIGBIT(SIGQUIT));

    short flags;
    posix_spawnattr_getflags(&attr, &flags);
    CHECK_EQ(flags, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    CHECK_EQ(posix_spawnattr_setflags(&attr, 0x4000), EINVAL);
    CHECK_EQ(posix_spawn_file_actions_destroy(&fa), 0);
    CHECK_EQ(posix_spawnattr_destroy(&attr), 0);
}

TEST(spawn_without_actions_or_attributes)
{
    char *argv[] = { "true", NULL };
    extern char **environ;
    char *env[] = { "ENV=yes", NULL };
    environ = env;
    pid_t pid;
    fk_program("/bin/true");
    CHECK_EQ(posix_spawn(&pid, "/bin/true", NULL, NULL, argv, NULL), 0);
    CHECK_EQ(fk_last_spawn()->nactions, 0);
    CHECK(!fk_last_spawn()->has_attr);
    CHECK_STR(fk_last_spawn()->envp[0], "ENV=yes");   /* NULL envp: environ */
    CHECK_EQ(posix_spawn(NULL, "/bin/true", NULL, NULL, argv, env), 0);
}

TEST(spawn_errors_are_returned_not_set)
{
    char *argv[] = { "nope", NULL };
    pid_t pid = -7;
    errno = 0;
    CHECK_EQ(posix_spawn(&pid, "/bin/nope", NULL, NULL, argv, NULL), ENOENT);
    CHECK_EQ(errno, 0);
    CHECK_EQ(pid, -7);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    CHECK_EQ(posix_spawn_file_actions_addclose(&fa, -1), EBADF);
    CHECK_EQ(posix_spawn_file_actions_adddup2(&fa, 1, NOFILE), EBADF);
    for (int i = 0; i < SPAWN_ACTIONS_MAX; i++)
        CHECK_EQ(posix_spawn_file_actions_addclose(&fa, 3), 0);
    CHECK_EQ(posix_spawn_file_actions_addclose(&fa, 3), ENOMEM);
    CHECK_EQ(posix_spawn_file_actions_addopen(&fa, 3, "/x", 0, 0), ENOMEM);
    posix_spawn_file_actions_destroy(&fa);
    CHECK_EQ(fa.__count, 0);
}

TEST(spawnp_searches_path)
{
    char *argv[] = { "cat", NULL };
    pid_t pid;
    fk_program("/bin/cat");
    setenv("PATH", "/usr/local/bin::/bin", 1);
    CHECK_EQ(posix_spawnp(&pid, "cat", NULL, NULL, argv, NULL), 0);
    CHECK_STR(fk_tried(), "/usr/local/bin/cat;./cat;/bin/cat;");
    CHECK_STR(fk_last_spawn()->path, "/bin/cat");
}

TEST(spawnp_defaults_and_slashes)
{
    char *argv[] = { "x", NULL };
    pid_t pid;
    unsetenv("PATH");
    fk_program("/bin/x");
    CHECK_EQ(posix_spawnp(&pid, "x", NULL, NULL, argv, NULL), 0);
    CHECK_STR(fk_tried(), "/bin/x;");              /* no PATH: /bin */
    CHECK_EQ(posix_spawnp(&pid, "./x", NULL, NULL, argv, NULL), ENOENT);
    CHECK_STR(fk_tried(), "/bin/x;./x;");          /* a slash: as it is */
    CHECK_EQ(posix_spawnp(&pid, "", NULL, NULL, argv, NULL), ENOENT);
}

TEST(spawnp_prefers_eacces)
{
    char *argv[] = { "tool", NULL };
    pid_t pid;
    setenv("PATH", "/a:/b", 1);
    fk_no_access("/a/tool");
    CHECK_EQ(posix_spawnp(&pid, "tool", NULL, NULL, argv, NULL), EACCES);
    CHECK_STR(fk_tried(), "/a/tool;/b/tool;");
}

static void exec_ls(void)
{
    char *argv[] = { "ls", NULL };
    setenv("PATH", "/sbin:/bin", 1);
    fk_program("/bin/ls");
    execvp("ls", argv);
    host_exit(1);                                  /* execvp returned */
}

TEST(execvp_searches_path)
{
    CHECK_EQ(t_in_child(exec_ls), 77);             /* the fake exec's status */

    char *argv[] = { "missing", NULL };
    setenv("PATH", "/sbin:/bin", 1);
    errno = 0;
    CHECK_EQ(execvp("missing", argv), -1);
    CHECK_EQ(errno, ENOENT);
    CHECK_STR(fk_tried(), "/sbin/missing;/bin/missing;");
    errno = 0;
    CHECK_EQ(execv("/bin/missing", argv), -1);
    CHECK_EQ(errno, ENOENT);
}

/* ---- the environment ----------------------------------------------------------------- */

TEST(environment)
{
    extern char **environ;
    char *initial[] = { "A=1", "B=2", "AB=3", NULL };
    environ = initial;

    CHECK_STR(getenv("A"), "1");
    CHECK_STR(getenv("AB"), "3");
    CHECK(getenv("C") == NULL);
    CHECK(getenv("") == NULL);

    CHECK_EQ(setenv("C", "new", 0), 0);
    CHECK_STR(getenv("C"), "new");
    CHECK_EQ(setenv("A", "x", 0), 0);              /* no overwrite */
    CHECK_STR(getenv("A"), "1");
    CHECK_EQ(setenv("A", "x", 1), 0);
    CHECK_STR(getenv("A"), "x");
    CHECK_STR(initial[0], "A=1");                  /* the original is untouched */

    errno = 0;
    CHECK_EQ(setenv("BAD=NAME", "v", 1), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(setenv("", "v", 1), -1);
    CHECK_EQ(unsetenv("X=Y"), -1);

    CHECK_EQ(unsetenv("B"), 0);
    CHECK(getenv("B") == NULL);
    CHECK_STR(getenv("AB"), "3");
    CHECK_EQ(unsetenv("NOT_THERE"), 0);

    static char mine[] = "P=put";
    CHECK_EQ(putenv(mine), 0);
    CHECK_STR(getenv("P"), "put");
    mine[2] = 'P';                                 /* putenv keeps the string itself */
    CHECK_STR(getenv("P"), "Put");
    CHECK_EQ(putenv("novalue"), -1);

    int n = 0;
    for (char **e = environ; *e != NULL; e++)
        n++;
    CHECK_EQ(n, 4);                                /* A C AB P */
    CHECK_EQ(clearenv(), 0);
    CHECK(getenv("A") == NULL);
    CHECK_EQ(setenv("Z", "1", 1), 0);
    CHECK_STR(getenv("Z"), "1");
}

TEST(setenv_does_not_leak)
{
    setenv("COUNTER", "0", 1);
    void *top = sbrk(0);
    char value[32];
    for (int i = 0; i < 20000; i++) {
        value[0] = (char)('a' + i % 26);
        value[1] = '\0';
        setenv("COUNTER", value, 1);
    }
    CHECK(sbrk(0) == top);                         /* replaced strings were freed */
    CHECK_EQ(__dx_heap_check(), 0);
}
