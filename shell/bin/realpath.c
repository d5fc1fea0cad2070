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

/* Drop the last component of out ("/a/b" -> "/a", "/a" -> ""). */
static void strip_last(char *out)
{
    char *slash = strrchr(out, '/');
    if (slash)
        *slash = '\0';
}

/* path made absolute: "." and ".." resolved, symbolic links followed
 * (not with -s, nolinks), slashes doubled or trailing removed. mode: 'e',
 * 'f' (the default) or 'm'. NULL and errno on failure. */
static char *canonical(const char *path, int mode, int nolinks)
{
    size_t cap = strlen(path) + 4096;
    char *out = xmalloc(cap);
    char *rest = xstrdup(path);  /* what remains to walk */
    int links = 0;
    if (path[0] == '/') {
        strcpy(out, "");
    } else if (!getcwd(out, cap)) {
        goto fail;
    } else if (strcmp(out, "/") == 0) {
        out[0] = '\0';
    }
    const char *p = rest;
    while (*p) {
        while (*p == '/')
            p++;
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 0)
            break;
        if (n == 1 && p[0] == '.') {
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            strip_last(out);
        } else {
            size_t len = strlen(out);
            if (len + n + 2 > cap)
                out = xrealloc(out, cap = len + n + 4096);
            out[len] = '/';
            memcpy(out + len + 1, p, n);
            out[len + 1 + n] = '\0';
        }
        p += n;
        struct stat st;
        if (!nolinks && *out && lstat(out, &st) == 0 && S_ISLNK(st.st_mode)) {
            /* go on along the link's target, then the rest of the path */
            char target[PATH_MAX];
            ssize_t t = readlink(out, target, sizeof target - 1);
            if (t < 0)
                goto fail;
            if (++links > 40) {
                errno = ELOOP;
                goto fail;
            }
            target[t] = '\0';
            char *next = xmalloc((size_t)t + strlen(p) + 2);
            sprintf(next, "%s%s", target, p);
            strip_last(out);
            if (target[0] == '/')
                out[0] = '\0';
            free(rest);
            p = rest = next;
            continue;
        }
        /* every component but the last must be a directory (not with -m);
         * the last must exist with -e */
        int last = *p == '\0' || strspn(p, "/") == strlen(p);
        if (mode != 'm' && *out && (!last || mode == 'e')) {
            if (stat(out, &st) != 0 || (!last && !S_ISDIR(st.st_mode))) {
                if (errno == 0 || (stat(out, &st) == 0 && !S_ISDIR(st.st_mode)))
                    errno = ENOTDIR;
                goto fail;
            }
        }
    }
    free(rest);
    if (!*out)
        strcpy(out, "/");
    return out;
fail:
    free(rest);
    free(out);
    return NULL;
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
        warnx("missing operand");
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
        char *r = canonical(argv[i], mode ? mode : 'f', nolinks);
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
