/*
 * dirname - a path name without its last component.
 *
 *   dirname [-z] NAME...
 *
 * POSIX's steps: drop trailing slashes, drop the last component, drop the
 * slashes before it. Nothing left means "." (the name was relative), only
 * slashes left means "/". -z ends each result with a NUL, not a newline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "dirname"

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-z] NAME...\n"
               "Print each NAME with its last component removed.\n");
    exit(status);
}

static void print_dir(const char *s, int term)
{
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '/')             /* trailing slashes */
        n--;
    while (n > 0 && s[n - 1] != '/')             /* the last component */
        n--;
    if (n == 0) {
        fputs(".", stdout);
    } else {
        while (n > 1 && s[n - 1] == '/')         /* the slashes before it */
            n--;
        fwrite(s, 1, n, stdout);
    }
    putchar(term);
}

int main(int argc, char **argv)
{
    int term = '\n', c;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "+z")) != -1) {
        if (c != 'z') {
            fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
        term = '\0';
    }
    if (optind >= argc) {
        missing_operand(NULL);
        usage(1);
    }
    for (int i = optind; i < argc; i++)
        print_dir(argv[i], term);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}
