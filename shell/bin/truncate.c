/*
 * truncate - shrink or extend files to a size.
 *
 *   truncate [-c] (-s SIZE | -r RFILE) FILE...
 *
 * As GNU's: SIZE is a number with an optional suffix (K, M, G ...: see
 * parse_size), and may start with + or - (grow or shrink by), < or >
 * (at most, at least), / or % (round down or up to a multiple). -r takes
 * the size of RFILE. A missing FILE is created unless -c.
 */
#include <err.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

int main(int argc, char **argv)
{
    int no_create = 0, c, status = 0;
    const char *size_arg = NULL, *ref = NULL;
    static const struct option longopts[] = {
        { "no-create", no_argument, NULL, 'c' }, { "size", required_argument, NULL, 's' },
        { "reference", required_argument, NULL, 'r' }, { NULL, 0, NULL, 0 },
    };
    while ((c = getopt_long(argc, argv, "cr:s:", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': no_create = 1; break;
        case 's': size_arg = optarg; break;
        case 'r': ref = optarg; break;
        default:
            fprintf(stderr, "Usage: truncate OPTION... FILE...\n");
            return 1;
        }
    }
    if (!size_arg && !ref)
        errx(1, "you must specify either '--size' or '--reference'");
    if (optind >= argc)
        errx(1, "missing file operand");
    char op = 0;
    long long size = 0;
    if (size_arg) {
        if (strchr("+-<>/%", *size_arg) && *size_arg)
            op = *size_arg++;
        if (parse_size(size_arg, &size) < 0)
            errx(1, "Invalid number: '%s'", size_arg);
        if ((op == '/' || op == '%') && size == 0)
            errx(1, "division by zero");
    }
    if (ref) {
        struct stat st;
        if (stat(ref, &st) != 0)
            err(1, "cannot stat '%s'", ref);
        if (!size_arg)
            size = st.st_size;
        else if (op == '+' || op == '-')
            size = st.st_size + (op == '+' ? size : -size), op = 0;
    }
    for (int i = optind; i < argc; i++) {
        int fd = open(argv[i], O_WRONLY | (no_create ? 0 : O_CREAT), 0666);
        if (fd < 0) {
            if (!no_create) {
                warn("cannot open '%s' for writing", argv[i]);
                status = 1;
            }
            continue;
        }
        struct stat st;
        fstat(fd, &st);
        long long cur = st.st_size, want = size;
        switch (op) {
        case '+': want = cur + size; break;
        case '-': want = cur - size; break;
        case '<': want = cur < size ? cur : size; break;
        case '>': want = cur > size ? cur : size; break;
        case '/': want = cur / size * size; break;
        case '%': want = (cur + size - 1) / size * size; break;
        }
        if (want < 0)
            want = 0;
        if (ftruncate(fd, (off_t)want) != 0) {
            warn("failed to truncate '%s' at %lld bytes", argv[i], want);
            status = 1;
        }
        close(fd);
    }
    return status;
}
