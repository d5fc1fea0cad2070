/*
 * init.c - process 1. The kernel starts it with the console on fds 0, 1, 2,
 * but not as its controlling terminal (see kernel/ctty.c).
 *
 *   init            interactive: show /etc/motd, run a shell in $HOME (/home),
 *                   start a new one whenever it exits; reap every orphan
 *                   meanwhile.
 *   init --once     the same, but switch the machine off with the shell's
 *                   status when it exits (a terminal launcher: `exit 7`
 *                   leaves Duplex with status 7).
 *   init -c LINE    run `sh -c LINE` with its output on the launcher's own
 *                   stdout and stderr (/dev/hostout, /dev/hosterr), then
 *                   switch the machine off with the shell's exit status:
 *                   this is how `./duplex -c` runs one command line.
 *   init -n -c LINE the same, with the launcher's own standard input
 *                   (/dev/hostin) as the shell's, for piped input.
 *
 * Every shell it starts has, as after a login, USER and LOGNAME set to
 * the user's name, and HOME and PATH from the kernel's first environment.
 *
 * Every shell it starts leads a session of its own and owns the console,
 * as one started by a getty: it is spawned with a new session, and its
 * first file action opens /dev/console, which makes the console its
 * controlling terminal with its group in the foreground. So ^C and ^Z typed
 * at the console reach the shell's jobs, or the -c command, and never init;
 * and when the shell exits, its session lets go of the console for the next
 * one. (The kernel would not let a signal kill init anyway: process 1 gets
 * only the signals it has handlers for, and init has none.)
 *
 * Each shell finds the console as the first one did: a shell killed while
 * its line editor had the terminal raw leaves it so, and init, like a
 * getty, puts back the modes the console had at boot before the next.
 *
 * A stopped shell. The -c command runs without job control, and its group
 * is orphaned (its parent, init, is in another session), so ^Z and the
 * tty's SIGTTIN and SIGTTOU do not stop it (POSIX). SIGSTOP still does -
 * `kill -STOP $$` - and then nobody could continue it: init, which waits
 * with WUNTRACED, continues the group with SIGCONT and says so in one line
 * on the console, rather than wait forever. The same goes for a stopped
 * interactive shell.
 *
 * Like any init, it must never exit, and it waits for all children, since
 * orphans are given to it.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <spawn.h>
#include <sys/wait.h>
#include <duplex.h>
#include "util/util.h"

extern char **environ;

static void show_motd(void)
{
    int fd = open("/etc/motd", O_RDONLY);
    if (fd < 0)
        return;
    char buf[512];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        write(1, buf, (size_t)n);
    close(fd);
}

/* Spawn sh with argv in a session of its own that owns the console; in,
 * out and err name files for fds 0, 1 and 2, or NULL for the console.
 * Returns its pid, or -errno. */
static pid_t start_shell(char *const argv[], const char *in, const char *out, const char *err)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/console", O_RDWR, 0);
    posix_spawn_file_actions_adddup2(&fa, 0, 1);
    posix_spawn_file_actions_adddup2(&fa, 0, 2);
    if (in)
        posix_spawn_file_actions_addopen(&fa, 0, in, O_RDONLY, 0);
    if (out)
        posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY, 0);
    if (err)
        posix_spawn_file_actions_addopen(&fa, 2, err, O_WRONLY, 0);
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID);
    pid_t pid;
    int r = posix_spawn(&pid, "/bin/sh", &fa, &at, argv, environ);
    posix_spawnattr_destroy(&at);
    posix_spawn_file_actions_destroy(&fa);
    if (r != 0) {
        fprintf(stderr, "init: cannot start /bin/sh: %s\n", strerror(r));
        return -r;
    }
    return pid;
}

/* The shell `pid` stopped, and no job control could resume it. The line
 * goes to the console (fd 1: in -c mode fd 2 is the launcher's stderr). */
static void resume(pid_t pid, int sig)
{
    char name[16] = "?";
    sig2str(sig, name);
    dprintf(1, "\ninit: the shell (pid %d) was stopped by SIG%s, and nothing else "
            "could continue it: continuing it\n", (int)pid, name);
    kill(-pid, SIGCONT);
}

/* Wait for `pid`, reaping any orphan that ends first; its exit status as
 * the shell reports one (128 + N for a signal). */
static int wait_for(pid_t pid)
{
    for (;;) {
        int st;
        pid_t w = waitpid(-1, &st, WUNTRACED);
        if (w == pid && WIFSTOPPED(st))
            resume(pid, WSTOPSIG(st));
        else if (w == pid)
            return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        else if (w < 0)
            return 127;
    }
}

/* Switch the machine off. The platform may stop it only once init gives
 * way, so init says and does nothing more. */
static void power_off(int status)
{
    poweroff(status);
    for (;;)
        pause();
}

/* The launcher sees only /dev/hostout and /dev/hosterr, so init's own
 * complaint (a line over ARG_MAX) goes there too, with the shell's
 * statuses: 127 when there is no shell, 126 when it cannot be run. */
static void run_command(const char *line, bool host_stdin)
{
    int fd = open("/dev/hosterr", O_WRONLY);
    if (fd >= 0 && fd != 2) {
        dup2(fd, 2);
        close(fd);
    }
    char *argv[] = { "sh", "-c", (char *)line, NULL };
    pid_t pid = start_shell(argv, host_stdin ? "/dev/hostin" : NULL, "/dev/hostout",
                            "/dev/hosterr");
    power_off(pid == -ENOENT ? 127 : pid < 0 ? 126 : wait_for(pid));
}

/* What login sets for the user's shell, besides HOME and PATH (the
 * kernel's first environment): the user's name, as LOGNAME (POSIX) and
 * USER, for the -c command as for the interactive shell. */
static void login_environment(void)
{
    const char *name = user_name((unsigned)getuid());
    if (name) {
        setenv("USER", name, 0);
        setenv("LOGNAME", name, 0);
    }
}

int main(int argc, char **argv)
{
    login_environment();
    if (argc == 3 && strcmp(argv[1], "-c") == 0)
        run_command(argv[2], false);
    if (argc == 4 && strcmp(argv[1], "-n") == 0 && strcmp(argv[2], "-c") == 0)
        run_command(argv[3], true);
    if (getenv("PATH") == NULL)
        setenv("PATH", "/bin:/usr/bin", 1);
    bool once = argc == 2 && strcmp(argv[1], "--once") == 0;
    struct termios boot_modes;
    bool have_modes = tcgetattr(0, &boot_modes) == 0;
    show_motd();
    /* The interactive shell starts in the user's home, as after a login
     * (a -c command runs where it was started: in /). */
    const char *home = getenv("HOME");
    if (home && chdir(home) < 0)
        dprintf(2, "init: %s: %s\n", home, strerror(errno));
    for (;;) {
        if (have_modes)
            tcsetattr(0, TCSANOW, &boot_modes);
        char *shargv[] = { "sh", NULL };
        pid_t pid = start_shell(shargv, NULL, NULL, NULL);
        if (pid < 0) {
            sleep(1);
            continue;
        }
        int status = wait_for(pid);
        if (once)
            power_off(status);
        dprintf(1, "\n[the shell exited; starting a new one]\n");
    }
}
