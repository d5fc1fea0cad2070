/*
 * realpath, readlink - the absolute, canonical name of a file.
 *
 *   realpath [-e | -m] [-s] [-q] FILE...
 *   readlink [-f | -e | -m] [-n] [-q] FILE...
 *
 * realpath: FILE made absolute, with "." and ".." resolved and slashes
 * doubled or trailing removed, symbolic links followed (-s: not);
 * every component but the last must exist (-e: the last too; -m: none
 * need to). readlink without -f, -e or -m prints the target of a symbolic
 * link, and fails quietly on a file that is no link (-v: with a message);
 * with them it is realpath. -n: no newline (nor -z's NUL) after the
 * name, ignored with a warning for several names; -q: no messages. This one
 * program is both: readlink is a script running "realpath --readlink".
 */
#include <errno.h>
#include <err.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

/* readlink without -f, -e or -m: the target of a symbolic link. */
static int print_target(const char *path, int verbose, int no_newline, int zero)
{
    char target[PATH_MAX];
    ssize_t t = readlink(path, target, sizeof target - 1);
    if (t < 0) {
        if (verbose)
            fprintf(stderr, "readlink: %s: %s\n", path, strerror(errno));
        return 1;
    }
    fwrite(target, 1, (size_t)t, stdout);
    if (!no_newline)
        putchar(zero ? '\0' : '\n');
    return 0;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "readlink", no_argument, NULL, 'R' }, { "canonicalize", no_argument, NULL, 'f' },
        { "canonicalize-existing", no_argument, NULL, 'e' },
        { "canonicalize-missing", no_argument, NULL, 'm' }, { "quiet", no_argument, NULL, 'q' },
        { "no-newline", no_argument, NULL, 'n' }, { "strip", no_argument, NULL, 's' },
        { "no-symlinks", no_argument, NULL, 's' }, { "zero", no_argument, NULL, 'z' },
        { NULL, 0, NULL, 0 },
    };
    int readlink_mode = 0, mode = 0, quiet = 0, no_newline = 0, zero = 0, c, status = 0;
    int nolinks = 0, verbose = 0;
    while ((c = getopt_long(argc, argv, "efmnqsvz", longopts, NULL)) != -1) {
        switch (c) {
        case 'R': readlink_mode = 1; break;
        case 'e': case 'f': case 'm': mode = c; break;
        case 'q': quiet = 1; verbose = 0; break;
        case 'n': no_newline = 1; break;
        case 'z': zero = 1; break;
        case 's':              /* realpath: no links; readlink: quiet */
            if (readlink_mode)
                quiet = 1, verbose = 0;
            else
                nolinks = 1;
            break;
        case 'v': verbose = 1; quiet = 0; break;
        default:
            fprintf(stderr, "Usage: %s [OPTION]... FILE...\n", readlink_mode ? "readlink" : "realpath");
            return 1;
        }
    }
    if (optind >= argc) {
        missing_operand(NULL);
        return 1;
    }
    /* readlink -n leaves out the last delimiter, NUL (-z) or newline; with
     * several names it would run them together, so GNU ignores it */
    if (no_newline && readlink_mode && argc - optind > 1) {
        fprintf(stderr, "readlink: ignoring --no-newline with multiple arguments\n");
        no_newline = 0;
    }
    if (!readlink_mode)
        no_newline = 0;
    for (int i = optind; i < argc; i++) {
        if (readlink_mode && !mode) {
            status |= print_target(argv[i], verbose, no_newline, zero);
            continue;
        }
        char *r = canonical_path(argv[i], mode ? mode : 'f', nolinks);
        if (!r) {
            if (!quiet && (!readlink_mode || verbose))
                fprintf(stderr, "%s: %s: %s\n", readlink_mode ? "readlink" : "realpath",
                        argv[i], strerror(errno));
            status = 1;
            continue;
        }
        fputs(r, stdout);
        if (!no_newline)
            putchar(zero ? '\0' : '\n');
        free(r);
    }
    return fflush(stdout) != 0 || status;
}
