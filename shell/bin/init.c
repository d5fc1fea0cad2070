/*
 * init.c - process 1. The kernel starts it with the console on fds 0, 1, 2.
 *
 *   init            interactive: show /etc/motd, run the shell, start a new
 *                   one whenever it exits; reap every orphan meanwhile.
 *   init --once     the same, but switch the machine off when the shell
 *                   exits (a terminal launcher: `exit` leaves Duplex).
 *   init -c LINE    run `sh -c LINE` with its output on the launcher's own
 *                   stdout and stderr (/dev/hostout, /dev/hosterr), then
 *                   switch the machine off with the shell's exit status:
 *                   this is how `./duplex -c` runs one command line.
 *   init -n -c LINE the same, with the launcher's own standard input
 *                   (/dev/hostin) as the shell's, for piped input.
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
#include <unistd.h>
#include <spawn.h>
#include <sys/wait.h>
#include <duplex.h>

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

/* Spawn sh with argv; out and err name files for fds 1 and 2, or NULL to
 * keep the console. Returns its pid, or -errno. */
static pid_t start_shell(char *const argv[], const char *in, const char *out, const char *err)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (in)
        posix_spawn_file_actions_addopen(&fa, 0, in, O_RDONLY, 0);
    if (out)
        posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY, 0);
    if (err)
        posix_spawn_file_actions_addopen(&fa, 2, err, O_WRONLY, 0);
    pid_t pid;
    int r = posix_spawn(&pid, "/bin/sh", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (r != 0) {
        fprintf(stderr, "init: cannot start /bin/sh: %s\n", strerror(r));
        return -r;
    }
    return pid;
}

/* Wait for `pid`, reaping any orphan that ends first; its exit status as
 * the shell reports one (128 + N for a signal). */
static int wait_for(pid_t pid)
{
    for (;;) {
        int st;
        pid_t w = waitpid(-1, &st, 0);
        if (w == pid)
            return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        if (w < 0)
            return 127;
    }
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
    int status = pid == -ENOENT ? 127 : pid < 0 ? 126 : wait_for(pid);
    poweroff(status);
    for (;;)
        pause();
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "-c") == 0)
        run_command(argv[2], false);
    if (argc == 4 && strcmp(argv[1], "-n") == 0 && strcmp(argv[2], "-c") == 0)
        run_command(argv[3], true);
    if (getenv("PATH") == NULL)
        setenv("PATH", "/bin", 1);
    bool once = argc == 2 && strcmp(argv[1], "--once") == 0;
    show_motd();
    for (;;) {
        char *shargv[] = { "sh", NULL };
        pid_t pid = start_shell(shargv, NULL, NULL, NULL);
        if (pid < 0) {
            sleep(1);
            continue;
        }
        int status = wait_for(pid);
        if (once)
            poweroff(status);
        write(1, "\r\n[the shell exited; starting a new one]\r\n", 42);
    }
}
