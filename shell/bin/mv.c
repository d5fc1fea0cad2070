/*
 * mv - move (rename) files.
 *
 *   mv [-fv] SOURCE DEST
 *   mv [-fv] SOURCE... DIRECTORY
 *
 * With two operands and DEST not an existing directory, SOURCE is renamed
 * to DEST; otherwise each SOURCE is moved into DIRECTORY under its own
 * base name. -v prints "renamed 'a' -> 'b'"; -f is accepted (mv never asks
 * anyway).
 *
 * A move is one rename(2). Duplex has a single file system, so there is
 * no copy-and-delete fallback for moves between file systems: such a move
 * fails with "Invalid cross-device link".
 *
 * Not supported: -i, -n, -b.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROG "mv"

static int verbose;

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

/* DIRECTORY "/" the last component of SOURCE (trailing slashes left out). */
static char *dest_in(const char *dir, const char *src)
{
    size_t end = strlen(src);
    while (end > 1 && src[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && src[start - 1] != '/')
        start--;
    size_t d = strlen(dir);
    int slash = d > 0 && dir[d - 1] != '/';
    char *p = malloc(d + slash + (end - start) + 1);
    if (!p) {
        fprintf(stderr, PROG ": out of memory\n");
        exit(1);
    }
    memcpy(p, dir, d);
    if (slash)
        p[d] = '/';
    memcpy(p + d + slash, src + start, end - start);
    p[d + slash + (end - start)] = '\0';
    return p;
}

static int move(const char *src, const char *dst)
{
    struct stat sst, dst_st;
    if (lstat(src, &sst) != 0) {
        fprintf(stderr, PROG ": cannot stat '%s': %s\n", src, strerror(errno));
        return 1;
    }
    if (lstat(dst, &dst_st) == 0) {
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
    int status = 0, c;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "+fv")) != -1) {
        switch (c) {
        case 'f': break;
        case 'v':
            verbose = 1;
            setvbuf(stdout, NULL, _IOLBF, 0);   /* keep messages in order */
            break;
        default:
            fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    int n = argc - optind;
    if (n == 0) {
        fprintf(stderr, PROG ": missing file operand\n");
        usage(1);
    }
    if (n == 1) {
        fprintf(stderr, PROG ": missing destination file operand after '%s'\n", argv[optind]);
        usage(1);
    }
    const char *target = argv[argc - 1];
    struct stat tst;
    int tstat = stat(target, &tst);
    int into_dir = tstat == 0 && S_ISDIR(tst.st_mode);
    if (n > 2 && !into_dir) {
        fprintf(stderr, PROG ": target '%s': %s\n", target,
                strerror(tstat == 0 ? ENOTDIR : errno));
        return 1;
    }
    for (int i = optind; i < argc - 1; i++) {
        if (into_dir) {
            char *dst = dest_in(target, argv[i]);
            status |= move(argv[i], dst);
            free(dst);
        } else {
            status |= move(argv[i], target);
        }
    }
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
