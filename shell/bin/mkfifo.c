/*
 * mkfifo - make FIFOs (named pipes).
 *
 *   mkfifo [-m MODE] NAME...
 *
 * A FIFO is created with mode 0666 less the umask, or with exactly MODE
 * (octal) if -m is given. The FIFO itself is ipc/fifo.c's business: this
 * only makes the name.
 *
 * Not supported: symbolic modes (-m u+x); only octal ones.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "mkfifo"

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-m MODE] NAME...\n"
               "Create named pipes (FIFOs) with the given NAMEs.\n");
    exit(status);
}

/* An octal mode of at most 07777, or -1. */
static long parse_mode(const char *s)
{
    long m = 0;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '7' || m > 07777)
            return -1;
        m = m * 8 + (*s - '0');
    }
    return m > 07777 ? -1 : m;
}

int main(int argc, char **argv)
{
    mode_t mode = 0666;
    int explicit_mode = 0, status = 0, c;
    long m;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "+m:")) != -1) {
        if (c == 'm' && (m = parse_mode(optarg)) >= 0) {
            mode = (mode_t)m;
            explicit_mode = 1;
        } else if (c == 'm') {
            fprintf(stderr, PROG ": invalid mode\n");
            return 1;
        } else {
            if (optopt == 'm')
                fprintf(stderr, PROG ": option requires an argument -- 'm'\n");
            else
                fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    if (optind >= argc) {
        missing_operand(NULL);
        usage(1);
    }
    for (int i = optind; i < argc; i++) {
        if (mkfifo(argv[i], mode) != 0) {
            fprintf(stderr, PROG ": cannot create fifo '%s': %s\n", argv[i], strerror(errno));
            status = 1;
        } else if (explicit_mode && chmod(argv[i], mode) != 0) {
            /* -m means exactly MODE: undo what the umask took away */
            fprintf(stderr, PROG ": cannot set permissions of '%s': %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
