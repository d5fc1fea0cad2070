/*
 * mv - move (rename) files.
 *
 *   mv [-finTv] SOURCE DEST
 *   mv [-finv] SOURCE... DIRECTORY
 *   mv [-finv] -t DIRECTORY SOURCE...
 *
 * With two operands and DEST not an existing directory (or with -T),
 * SOURCE is renamed to DEST; otherwise each SOURCE is moved into DIRECTORY
 * under its own base name. -v prints "renamed 'a' -> 'b'"; -i asks before
 * replacing a file, -n never replaces one, -f (the default) replaces
 * without asking; the last of the three given wins.
 *
 * A move is one rename(2). Duplex has a single file system, so there is
 * no copy-and-delete fallback for moves between file systems: such a move
 * fails with "Invalid cross-device link".
 *
 * Not supported: -b, -u.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "mv"

static int verbose, clobber = 'f';   /* 'f' replace, 'i' ask, 'n' never */

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-fv] SOURCE DEST\n"
               "   or: " PROG " [-fv] SOURCE... DIRECTORY\n"
               "Rename SOURCE to DEST, or move the SOURCE(s) into DIRECTORY.\n");
    exit(status);
}

static int move(const char *src, const char *dst)
{
    struct stat sst, dst_st;
    if (lstat(src, &sst) != 0) {
        fprintf(stderr, PROG ": cannot stat '%s': %s\n", src, strerror(errno));
        return 1;
    }
    if (lstat(dst, &dst_st) == 0) {
        if (clobber == 'n')
            return 0;
        if (clobber == 'i' && !ask(PROG ": overwrite '%s'? ", dst))
            return 0;
        if (sst.st_dev == dst_st.st_dev && sst.st_ino == dst_st.st_ino) {
            fprintf(stderr, PROG ": '%s' and '%s' are the same file\n", src, dst);
            return 1;
        }
        if (S_ISDIR(sst.st_mode) && !S_ISDIR(dst_st.st_mode)) {
            fprintf(stderr, PROG ": cannot overwrite non-directory '%s' with directory '%s'\n",
                    dst, src);
            return 1;
        }
        if (!S_ISDIR(sst.st_mode) && S_ISDIR(dst_st.st_mode)) {
            fprintf(stderr, PROG ": cannot overwrite directory '%s' with non-directory\n", dst);
            return 1;
        }
    }
    if (rename(src, dst) != 0) {
        if (errno == EINVAL)                /* the kernel's word for "into itself" */
            fprintf(stderr, PROG ": cannot move '%s' to a subdirectory of itself, '%s'\n",
                    src, dst);
        else
            fprintf(stderr, PROG ": cannot move '%s' to '%s': %s\n", src, dst, strerror(errno));
        return 1;
    }
    if (verbose)
        printf("renamed '%s' -> '%s'\n", src, dst);
    return 0;
}

int main(int argc, char **argv)
{
    int c;
    const char *target_dir = NULL;
    int no_target_dir = 0;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "+finTt:v")) != -1) {
        switch (c) {
        case 'f': case 'i': case 'n': clobber = c; break;
        case 't': target_dir = optarg; break;
        case 'T': no_target_dir = 1; break;
        case 'v':
            verbose = 1;
            setvbuf(stdout, NULL, _IOLBF, 0);   /* keep messages in order */
            break;
        default:
            fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    int status = each_target(PROG, argc - optind, argv + optind, target_dir, no_target_dir,
                             move);
    if (fflush(stdout) != 0)
        status = 1;
    return status < 0 ? 1 : status;
}
