/*
 * nohup - run a command immune to hangups.
 *
 *   nohup COMMAND [ARG...]
 *
 * POSIX nohup: SIGHUP is ignored and the command run. If standard output
 * is a terminal it goes to nohup.out (in the current directory, or
 * $HOME), appended, with a note on stderr; if standard error is a
 * terminal it goes where standard output goes. Status 126 if COMMAND
 * could not run, 127 if it was not found.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        missing_operand(NULL);
        fprintf(stderr, "Usage: nohup COMMAND [ARG]...\n");
        return 125;
    }
    signal(SIGHUP, SIG_IGN);
    if (isatty(1)) {
        const char *name = "nohup.out";
        int fd = open(name, O_WRONLY | O_CREAT | O_APPEND, 0600);
        char *home_out = NULL;
        if (fd < 0 && getenv("HOME")) {
            home_out = path_join(getenv("HOME"), "nohup.out");
            name = home_out;
            fd = open(name, O_WRONLY | O_CREAT | O_APPEND, 0600);
        }
        if (fd < 0) {
            fprintf(stderr, "nohup: failed to open 'nohup.out': %s\n", strerror(errno));
            return 125;
        }
        fprintf(stderr, "nohup: ignoring input and appending output to '%s'\n", name);
        dup2(fd, 1);
        close(fd);
        free(home_out);
    }
    if (isatty(2))
        dup2(1, 2);
    execvp(argv[1], argv + 1);
    int e = errno;
    fprintf(stderr, "nohup: failed to run command '%s': %s\n", argv[1], strerror(e));
    return e == ENOENT ? 127 : 126;
}
