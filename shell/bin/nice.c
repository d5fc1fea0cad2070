/*
 * nice - run a command at another scheduling priority.
 *
 *   nice [-n ADJUSTMENT] [COMMAND [ARG...]]
 *
 * POSIX nice. Duplex's scheduler has no priorities: the command runs as
 * it would (GNU's nice, when it may not change the niceness, also runs
 * the command, after a warning; Duplex's niceness is always 0, so there
 * is nothing to warn about). Without COMMAND, the niceness, 0, is
 * printed. Status 126 if COMMAND could not run, 127 if it was not found.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int i = 1;
    if (i < argc && strncmp(argv[i], "-n", 2) == 0) {
        const char *n = argv[i][2] ? argv[i] + 2 : (i + 1 < argc ? argv[++i] : NULL);
        char *end;
        if (!n || (strtol(n, &end, 10), *end) || !*n) {
            fprintf(stderr, "nice: invalid adjustment '%s'\n", n ? n : "");
            return 125;
        }
        i++;
    } else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0) {
        char *end;
        strtol(argv[i] + 1, &end, 10);     /* the obsolescent -ADJUSTMENT */
        if (*end) {
            fprintf(stderr, "nice: invalid option -- '%c'\n", argv[i][1]);
            return 125;
        }
        i++;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i >= argc) {
        puts("0");
        return 0;
    }
    execvp(argv[i], argv + i);
    int e = errno;
    fprintf(stderr, "nice: '%s': %s\n", argv[i], strerror(e));
    return e == ENOENT ? 127 : 126;
}
