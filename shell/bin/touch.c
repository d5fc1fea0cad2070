/*
 * touch - create empty files.
 *
 *   touch [-acm] FILE...
 *
 * A FILE that does not exist is created empty (mode 0666 less the umask);
 * -c says not to create it.
 *
 * Duplex's kernel has no system call to set a file's times (no utimensat),
 * so touch cannot change the times of a file that already exists: it
 * leaves such a file alone and succeeds. -a and -m, which choose the time
 * to change, are accepted for compatibility and do nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROG "touch"

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-acm] FILE...\n"
               "Create each FILE that does not exist (-c: do not).\n");
    exit(status);
}

static int touch(const char *path, int no_create)
{
    struct stat st;
    if (stat(path, &st) == 0 || no_create)
        return 0;
    int fd = open(path, O_WRONLY | O_CREAT, 0666);
    if (fd < 0) {
        fprintf(stderr, PROG ": cannot touch '%s': %s\n", path, strerror(errno));
        return 1;
    }
    close(fd);
    return 0;
}

int main(int argc, char **argv)
{
    int no_create = 0, status = 0, c;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "+acm")) != -1) {
        switch (c) {
        case 'c': no_create = 1; break;
        case 'a':
        case 'm': break;
        default:
            fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    if (optind >= argc) {
        fprintf(stderr, PROG ": missing file operand\n");
        usage(1);
    }
    for (int i = optind; i < argc; i++)
        status |= touch(argv[i], no_create);
    return status;
}
