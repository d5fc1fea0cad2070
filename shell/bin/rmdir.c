/*
 * rmdir - remove empty directories.
 *
 *   rmdir [-pv] DIRECTORY...
 *
 * -p removes each parent named in the path too, once the directory is gone
 * ("rmdir -p a/b/c" is "rmdir a/b/c a/b a"), stopping at the first that
 * cannot go; -v says "removing directory, 'x'" before each attempt.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "rmdir"

static int verbose;

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-pv] DIRECTORY...\n"
               "Remove the DIRECTORY(ies), if they are empty (-p: and their parents).\n");
    exit(status);
}

static int remove_dir(const char *path)
{
    if (verbose)
        printf(PROG ": removing directory, '%s'\n", path);
    return rmdir(path);
}

/* Cut path back to its parent; 0 when there is no parent left. */
static int to_parent(char *path)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    while (n > 0 && path[n - 1] != '/')
        n--;
    while (n > 1 && path[n - 1] == '/')
        n--;
    if (n == 0 || (n == 1 && path[0] == '/'))
        return 0;
    path[n] = '\0';
    return 1;
}

static int remove_parents(char *path)
{
    while (to_parent(path)) {
        if (remove_dir(path) != 0) {
            fprintf(stderr, PROG ": failed to remove directory '%s': %s\n", path, strerror(errno));
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    int parents = 0, status = 0, c;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "+pv")) != -1) {
        switch (c) {
        case 'p': parents = 1; break;
        case 'v':
            verbose = 1;
            setvbuf(stdout, NULL, _IOLBF, 0);   /* keep messages in order */
            break;
        default:
            fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    if (optind >= argc) {
        missing_operand(NULL);
        usage(1);
    }
    for (int i = optind; i < argc; i++) {
        if (remove_dir(argv[i]) != 0) {
            fprintf(stderr, PROG ": failed to remove '%s': %s\n", argv[i], strerror(errno));
            status = 1;
        } else if (parents) {
            status |= remove_parents(argv[i]);
        }
    }
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
