/*
 * setsid - run a program in a new session.
 *
 *   setsid [-w] PROGRAM [ARG]...
 *
 * PROGRAM runs as the leader of a new session and process group, with no
 * controlling terminal. The descriptors it inherits still name the
 * terminal, but it is no longer theirs to read: outside the terminal's
 * session a program may write there, and nothing more (kernel/ctty.c):
 *
 *     $ runas 1000 setsid cat
 *     cat: -: Input/output error
 *
 * As in util-linux: when setsid is not a process-group leader (run from a
 * script, or by another program) it starts the session itself and becomes
 * PROGRAM (execvp), so PROGRAM keeps its pid and its parent; when it is one
 * (a job of an interactive shell) it cannot, and starts PROGRAM in a new
 * session instead, then exits at once - or, with -w, waits for it.
 *
 * Exit status: PROGRAM's when setsid becomes it or waits for it (128 + N if
 * a signal N killed it); otherwise 0 once PROGRAM started. 1 if setsid
 * itself failed, 126 if PROGRAM could not be run, 127 if it was not found.
 */
#define _GNU_SOURCE             /* POSIX_SPAWN_SETSID, in a host's glibc */
#include <errno.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PROG "setsid"

extern char **environ;

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-w] PROGRAM [ARG]...\n"
               "Run PROGRAM in a new session, without a controlling terminal.\n"
               "  -w  wait for PROGRAM to end and exit with its status\n");
    exit(status);
}

static int cannot_run(const char *prog, int err)
{
    fprintf(stderr, PROG ": failed to execute %s: %s\n", prog, strerror(err));
    return err == ENOENT ? 127 : 126;
}

/* Start argv[0] in a new session; with `wait`, its status. */
static int spawn_in_new_session(char **argv, bool wait)
{
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID);
    pid_t pid;
    int err = posix_spawnp(&pid, argv[0], NULL, &at, argv, environ);
    posix_spawnattr_destroy(&at);
    if (err)
        return cannot_run(argv[0], err);
    if (!wait)
        return 0;
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, PROG ": waitpid: %s\n", strerror(errno));
            return 1;
        }
    }
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
    bool wait = false;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(argv[i], "--help") == 0)
            usage(0);
        if (strcmp(argv[i], "-w") == 0 || strcmp(argv[i], "--wait") == 0) {
            wait = true;
        } else {
            fprintf(stderr, PROG ": invalid option '%s'\n", argv[i]);
            usage(1);
        }
    }
    if (i >= argc) {
        fprintf(stderr, PROG ": no command specified\n");
        usage(1);
    }
    if (getpgrp() == getpid())      /* a group leader may not setsid() */
        return spawn_in_new_session(argv + i, wait);
    if (setsid() < 0) {
        fprintf(stderr, PROG ": setsid failed: %s\n", strerror(errno));
        return 1;
    }
    execvp(argv[i], argv + i);
    return cannot_run(argv[i], errno);
}
