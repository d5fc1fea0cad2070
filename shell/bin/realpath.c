/*
 * realpath, readlink - the absolute, canonical name of a file.
 *
 *   realpath [-e | -m] [-s] [-q] FILE...
 *   readlink [-f | -e | -m] [-n] [-q] FILE...
 *
 * realpath: FILE made absolute, with "." and ".." resolved and slashes
 * doubled or trailing removed; every component but the last must exist
 * (-e: the last too; -m: none need to). readlink without -f, -e or -m
 * prints the target of a symbolic link: Duplex has none, so it prints
 * nothing and fails, as readlink does for a file that is no link; with
 * them it is realpath. -n: no newline; -q: no messages. This one program
 * is both: readlink is a script running "realpath --readlink".
 */
#include <errno.h>
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

static char *canonical(const char *path, int mode)  /* mode: 'e', 'f' (the default) or 'm' */
{
    size_t cap = strlen(path) + 4096;
    char *out = xmalloc(cap);
    if (path[0] == '/') {
        strcpy(out, "");
    } else if (!getcwd(out, cap)) {
        free(out);
        return NULL;
    } else if (strcmp(out, "/") == 0) {
        out[0] = '\0';
    }
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 0)
            break;
        if (n == 1 && p[0] == '.') {
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            char *slash = strrchr(out, '/');
            if (slash)
                *slash = '\0';
        } else {
            size_t len = strlen(out);
            if (len + n + 2 > cap)
                out = xrealloc(out, cap = len + n + 4096);
            out[len] = '/';
            memcpy(out + len + 1, p, n);
            out[len + 1 + n] = '\0';
        }
        p += n;
        /* every component but the last must be a directory (not with -m);
         * the last must exist with -e */
        int last = *p == '\0' || strspn(p, "/") == strlen(p);
        struct stat st;
        if (mode != 'm' && *out && (!last || mode == 'e')) {
            if (stat(out, &st) != 0 || (!last && !S_ISDIR(st.st_mode))) {
                if (errno == 0 || (stat(out, &st) == 0 && !S_ISDIR(st.st_mode)))
                    errno = ENOTDIR;
                free(out);
                return NULL;
            }
        }
    }
    if (!*out)
        strcpy(out, "/");
    return out;
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
    while ((c = getopt_long(argc, argv, "efmnqsvz", longopts, NULL)) != -1) {
        switch (c) {
        case 'R': readlink_mode = 1; break;
        case 'e': case 'f': case 'm': mode = c; break;
        case 'q': quiet = 1; break;
        case 'n': no_newline = 1; break;
        case 'z': zero = 1; break;
        case 's': case 'v': break;
        default:
            fprintf(stderr, "Usage: %s [OPTION]... FILE...\n", readlink_mode ? "readlink" : "realpath");
            return 1;
        }
    }
    if (optind >= argc) {
        warnx("missing operand");
        return 1;
    }
    if (readlink_mode && !mode)
        return 1;              /* no symbolic links: nothing to print */
    for (int i = optind; i < argc; i++) {
        char *r = canonical(argv[i], mode ? mode : 'f');
        if (!r) {
            if (!quiet)
                warn("%s", argv[i]);
            status = 1;
            continue;
        }
        fputs(r, stdout);
        if (zero)
            putchar('\0');
        else if (!(no_newline && readlink_mode))
            putchar('\n');
        free(r);
    }
    return fflush(stdout) != 0 || status;
}
