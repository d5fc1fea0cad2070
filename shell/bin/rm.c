/*
 * rm - remove files and directory trees.
 *
 *   rm [-dfiIrRv] [--] FILE...
 *
 * -r (or -R) removes directories with everything in them, -d empty
 * directories; -f ignores files that do not exist (and the lack of
 * operands); -v says "removed 'x'" for each file and "removed directory
 * 'x'" for each directory. -i asks before removing each file (and before
 * descending into a directory that is not empty), -I once before removing
 * more than three files or anything recursively; of -f, -i and -I the
 * last one given counts, as in GNU rm. An answer is a line of standard
 * input; one starting with y or Y is a yes.
 *
 * A directory's contents are read completely before any of them is
 * removed: Duplex's directory offsets are positions in the list of names,
 * so removing names while reading would skip some.
 *
 * As GNU rm does, rm -r refuses "." and ".." (the last component of the
 * operand) and "/".
 *
 * Not supported: -i and the prompt for write-protected files (Duplex has
 * only root, who may remove anything).
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "rm"

static int force, recursive, empty_dirs, verbose;
static enum { NEVER, ONCE, ALWAYS } interactive = NEVER;

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-dfiIrRv] FILE...\n"
               "Remove the FILE(s): -r with directories and their contents,\n"
               "-d empty directories; -f ignoring files that do not exist;\n"
               "-i asking for each, -I once for many; -v saying so for each.\n");
    exit(status);
}

static int fail(const char *path)
{
    fprintf(stderr, PROG ": cannot remove '%s': %s\n", path, strerror(errno));
    return 1;
}

static int remove_path(const char *path);

static int remove_dir(const char *path)
{
    if (rmdir(path) != 0)
        return fail(path);
    if (verbose)
        printf("removed directory '%s'\n", path);
    return 0;
}

static int remove_tree(const char *path, const struct stat *st)
{
    int status = 0;
    char **names = dir_names(path, NULL);
    if (!names)
        return fail(path);
    if (interactive == ALWAYS && names[0] &&
        !ask(PROG ": descend into directory '%s'? ", path)) {
        free_names(names);
        return 0;
    }
    for (char **n = names; *n; n++) {
        char *child = path_join(path, *n);
        status |= remove_path(child);
        free(child);
    }
    free_names(names);
    if (status)
        return status;           /* it cannot be empty: say nothing more */
    if (interactive == ALWAYS && !ask(PROG ": remove %s '%s'? ", file_type(st), path))
        return 0;
    return remove_dir(path);
}

static int remove_path(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (force && errno == ENOENT)
            return 0;
        return fail(path);
    }
    if (S_ISDIR(st.st_mode)) {
        if (recursive)
            return remove_tree(path, &st);
        if (!empty_dirs) {
            errno = EISDIR;
            return fail(path);
        }
    }
    if (interactive == ALWAYS && !ask(PROG ": remove %s '%s'? ", file_type(&st), path))
        return 0;
    if (S_ISDIR(st.st_mode))
        return remove_dir(path);
    if (unlink(path) != 0)
        return fail(path);
    if (verbose)
        printf("removed '%s'\n", path);
    return 0;
}

/* rm -r refuses "." and "..", however spelt ("a/..", "./"), and "/";
 * plain rm says "Is a directory" about them, as about any directory. */
static int refused(const char *path)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    if (!recursive)
        return 0;
    if (n == 1 && path[0] == '/') {
        fprintf(stderr, PROG ": it is dangerous to operate recursively on '/'\n"
                        PROG ": use --no-preserve-root to override this failsafe\n");
        return 1;
    }
    size_t start = n;
    while (start > 0 && path[start - 1] != '/')
        start--;
    size_t len = n - start;
    if ((len == 1 && path[start] == '.') || (len == 2 && strncmp(path + start, "..", 2) == 0)) {
        fprintf(stderr, PROG ": refusing to remove '.' or '..' directory: skipping '%s'\n", path);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int status = 0, c;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    static const struct option longopts[] = {
        { "dir", no_argument, NULL, 'd' },
        { "force", no_argument, NULL, 'f' },
        { "recursive", no_argument, NULL, 'r' },
        { "verbose", no_argument, NULL, 'v' },
        { NULL, 0, NULL, 0 },
    };
    /* Options may follow the operands, as GNU rm's; "--" ends them. */
    while ((c = getopt_long(argc, argv, "dfiIrRv", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': empty_dirs = 1; break;
        case 'f': force = 1; interactive = NEVER; break;
        case 'i': force = 0; interactive = ALWAYS; break;
        case 'I': force = 0; interactive = ONCE; break;
        case 'r':
        case 'R': recursive = 1; break;
        case 'v':
            verbose = 1;
            setvbuf(stdout, NULL, _IOLBF, 0);   /* keep messages in order */
            break;
        default:
            if (optopt)
                fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            else
                fprintf(stderr, PROG ": unrecognized option '%s'\n", argv[optind - 1]);
            usage(1);
        }
    }
    if (optind >= argc) {
        if (force)
            return 0;
        missing_operand(NULL);
        usage(1);
    }
    int n = argc - optind;
    if (interactive == ONCE && (recursive || n > 3) &&
        !ask(PROG ": remove %d argument%s%s? ", n, n == 1 ? "" : "s",
             recursive ? " recursively" : ""))
        return 0;
    for (int i = optind; i < argc; i++)
        status |= refused(argv[i]) ? 1 : remove_path(argv[i]);
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
