/*
 * tty - the name of the terminal on standard input.
 *
 *   tty [-s]
 *
 * Prints the terminal's name (ttyname), or "not a tty" when standard
 * input is none. -s prints nothing: only the exit status tells.
 * Exit status, as POSIX and GNU: 0 a terminal, 1 not one, 2 a usage error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROG "tty"

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-s]\n"
               "Print the file name of the terminal connected to standard input.\n");
    exit(status);
}

int main(int argc, char **argv)
{
    int silent = 0, c;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "s")) != -1) {
        if (c != 's') {
            fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(2);
        }
        silent = 1;
    }
    if (optind < argc) {
        fprintf(stderr, PROG ": extra operand '%s'\n", argv[optind]);
        usage(2);
    }
    const char *name = ttyname(0);
    if (silent)
        return name ? 0 : 1;
    puts(name ? name : "not a tty");
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 2;
    }
    return name ? 0 : 1;
}
