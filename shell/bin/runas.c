/*
 * runas - run a command as another user.
 *
 *   runas UID COMMAND [ARG]...
 *
 * runas sets its group id and then its user id to UID (a number: Duplex
 * has no user database, and gives each user the group of the same number),
 * then starts COMMAND, searched in $PATH, waits for it and exits with its
 * status. Only root may become someone else, so it is a way for root to
 * try what an ordinary user would be allowed to do:
 *
 *     $ ipcmk -Q -p 600
 *     Message queue id: 0
 *     $ runas 1000 ipcrm -q 0
 *     ipcrm: permission denied for id (0)
 *
 * Exit status: COMMAND's own; 128 + N if a signal N killed it; 125 if runas
 * itself failed (a bad UID, or not allowed to change user), 126 if COMMAND
 * could not be run and 127 if it was not found.
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PROG "runas"

extern char **environ;

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " UID COMMAND [ARG]...\n"
               "Run COMMAND with user and group id UID, and exit with its status.\n");
    exit(status ? 125 : 0);
}

/* A uid: a decimal number below 2^31. */
static long parse_uid(const char *s)
{
    char *end;
    errno = 0;
    long long n = strtoll(s, &end, 10);
    if (!*s || *end || errno || n < 0 || n > 0x7fffffffLL)
        return -1;
    return (long)n;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    if (argc < 3) {
        fprintf(stderr, PROG ": %s\n", argc < 2 ? "missing operand" : "missing command");
        usage(1);
    }
    long uid = parse_uid(argv[1]);
    if (uid < 0) {
        fprintf(stderr, PROG ": invalid user id '%s'\n", argv[1]);
        return 125;
    }
    /* The group first: once the user is no longer root, it could not. */
    if (setgid((gid_t)uid) != 0 || setuid((uid_t)uid) != 0) {
        fprintf(stderr, PROG ": cannot become user %ld: %s\n", uid, strerror(errno));
        return 125;
    }
    pid_t pid;
    int err = posix_spawnp(&pid, argv[2], NULL, NULL, argv + 2, environ);
    if (err) {
        fprintf(stderr, PROG ": cannot run '%s': %s\n", argv[2], strerror(err));
        return err == ENOENT ? 127 : 126;
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, PROG ": waitpid: %s\n", strerror(errno));
            return 125;
        }
    }
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
