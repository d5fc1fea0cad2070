/*
 * realpath, readlink - the absolute, canonical name of a file.
 *
 *   realpath [-e | -m] [-L | -P | -s] [-q] [-z] [--relative-to=DIR]
 *            [--relative-base=DIR] FILE...
 *   readlink [-f | -e | -m] [-n] [-q] FILE...
 *
 * realpath: FILE made absolute, with "." and ".." resolved and slashes
 * doubled or trailing removed, symbolic links followed (-s: not);
 * every component but the last must exist (-e: the last too; -m: none
 * need to; -L: ".." taken away with the component before it first,
 * then the links followed). --relative-to=DIR: the name as a path from
 * DIR; --relative-base=DIR: names under DIR as such paths, others
 * absolute (DIR also --relative-to's unless --relative-to is under it;
 * if not, every name is absolute, as in GNU). readlink without -f, -e or -m prints the target of a symbolic
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

static int mode = 'f', nolinks, logical;

/* name as realpath makes it: canonical, and with -L first without its
 * links (so that ".." drops the component written before it). */
static char *canon(const char *name)
{
    char *r = canonical_path(name, mode, nolinks || logical);
    if (r && logical) {
        char *again = canonical_path(r, mode, 0);
        free(r);
        r = again;
    }
    return r;
}

/* Is path (canonical) prefix itself or under it? */
static int under(const char *prefix, const char *path)
{
    size_t n = strlen(prefix);
    if (strcmp(prefix, "/") == 0)
        return 1;
    return strncmp(prefix, path, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* --relative-to or --relative-base's DIR made canonical; exits if it
 * cannot be, or (with -e) is no directory. */
static char *canon_dir(const char *dir)
{
    char *r = canon(dir);
    struct stat st;
    if (r && mode == 'e' && stat(r, &st) == 0 && !S_ISDIR(st.st_mode))
        errno = ENOTDIR, r = NULL;
    if (!r)
        err(1, "%s", dir);
    return r;
}

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
        { "logical", no_argument, NULL, 'L' }, { "physical", no_argument, NULL, 'P' },
        { "relative-to", required_argument, NULL, 'T' },
        { "relative-base", required_argument, NULL, 'B' },
        { NULL, 0, NULL, 0 },
    };
    int readlink_mode = 0, canon_mode = 0, quiet = 0, no_newline = 0, zero = 0, c, status = 0;
    int verbose = 0;
    const char *rel_to = NULL, *rel_base = NULL;
    while ((c = getopt_long(argc, argv, "efmnqsvzLP", longopts, NULL)) != -1) {
        switch (c) {
        case 'R': readlink_mode = 1; break;
        case 'e': case 'f': case 'm': canon_mode = c; break;
        case 'L': logical = 1; nolinks = 0; break;
        case 'P': logical = 0; nolinks = 0; break;
        case 'T': rel_to = optarg; break;
        case 'B': rel_base = optarg; break;
        case 'q': quiet = 1; verbose = 0; break;
        case 'n': no_newline = 1; break;
        case 'z': zero = 1; break;
        case 's':              /* realpath: no links; readlink: quiet */
            if (readlink_mode)
                quiet = 1, verbose = 0;
            else
                nolinks = 1, logical = 0;
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
    if (canon_mode)
        mode = canon_mode;
    char *to = NULL, *base = NULL;
    if (!readlink_mode) {
        if (!rel_to)
            rel_to = rel_base;
        to = rel_to ? canon_dir(rel_to) : NULL;
        base = rel_base ? canon_dir(rel_base) : NULL;
        if (base && !under(base, to)) {    /* --relative-to outside the base: */
            free(to);                      /* no name is made relative */
            to = NULL;
        }
    }
    for (int i = optind; i < argc; i++) {
        if (readlink_mode && !canon_mode) {
            status |= print_target(argv[i], verbose, no_newline, zero);
            continue;
        }
        char *r = canon(argv[i]);
        if (!r) {
            if (!quiet && (!readlink_mode || verbose))
                fprintf(stderr, "%s: %s: %s\n", readlink_mode ? "readlink" : "realpath",
                        argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (to && (!base || under(base, r))) {
            char *rel = relative_path(r, to);
            free(r);
            r = rel;
        }
        fputs(r, stdout);
        if (!no_newline)
            putchar(zero ? '\0' : '\n');
        free(r);
    }
    return fflush(stdout) != 0 || status;
}
