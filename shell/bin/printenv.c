/*
 * printenv - print the environment, or the values of some variables.
 *
 *   printenv [-0] [NAME]...
 *
 * Without a NAME, every NAME=VALUE of the environment, one a line (as
 * env prints it); with NAMEs, each one's VALUE alone, in the order
 * given. -0 ends each with a NUL instead of a newline.
 *
 * Exit status, as GNU's: 0 if every NAME is set, 1 if one is not (it
 * prints nothing for it), 2 for a usage error.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "printenv"

extern char **environ;

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-0] [NAME]...\n"
               "Print the value of each environment variable NAME,\n"
               "or the whole environment.\n");
    exit(status);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "null", no_argument, NULL, '0' }, { "help", no_argument, NULL, 'H' },
        { NULL, 0, NULL, 0 },
    };
    int c, end = '\n', status = 0;
    while ((c = getopt_long(argc, argv, "0", longopts, NULL)) != -1) {
        switch (c) {
        case '0': end = '\0'; break;
        case 'H': usage(0); break;
        default: usage(2);
        }
    }
    if (optind == argc) {
        for (char **e = environ; *e; e++)
            printf("%s%c", *e, end);
    }
    for (int i = optind; i < argc; i++) {
        /* a name with '=' names no variable (getenv would match a prefix) */
        const char *v = strchr(argv[i], '=') ? NULL : getenv(argv[i]);
        if (v)
            printf("%s%c", v, end);
        else
            status = 1;
    }
    if (fflush(stdout) != 0) {
        perror(PROG ": write error");
        return 2;
    }
    return status;
}
