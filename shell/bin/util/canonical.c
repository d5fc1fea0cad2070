/*
 * canonical.c - a path made absolute and canonical, as realpath(1) and
 * readlink -f -e -m make it, and ln -r before it counts the way from the
 * link to its target.
 *
 * The path is walked a component at a time from the working directory
 * (or the root): "." stays, ".." drops the last component so far, and a
 * symbolic link met is replaced by its target, followed by what remains
 * (40 links at most: ELOOP). How much must exist is the mode's: 'e' every
 * component, 'f' all but the last, 'm' none.
 *
 * relative_path then writes one canonical path as seen from a canonical
 * directory: up to their last shared component, a ".." for each component
 * of the directory after it, then the rest of the path.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util.h"

/* Drop the last component of out ("/a/b" -> "/a", "/a" -> ""). */
static void strip_last(char *out)
{
    char *slash = strrchr(out, '/');
    if (slash)
        *slash = '\0';
}

char *canonical_path(const char *path, int mode, int nolinks)
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

char *relative_path(const char *path, const char *dir)
{
    if (strcmp(dir, "/") == 0)
        dir = "";                                 /* no component at all */
    size_t common = 0;                            /* the shared leading components */
    for (size_t i = 0;; i++) {
        char a = dir[i], b = path[i];
        if ((a == '\0' || a == '/') && (b == '\0' || b == '/'))
            common = i;
        if (a != b || a == '\0')
            break;
    }
    size_t ups = 0;
    for (const char *p = dir + common; *p; p++)
        ups += *p == '/';
    const char *rest = path + common + (path[common] == '/');
    char *out = xmalloc(ups * 3 + strlen(rest) + 2);
    out[0] = '\0';
    for (size_t i = 0; i < ups; i++)
        strcat(out, i + 1 < ups || *rest ? "../" : "..");
    strcat(out, rest);
    if (!*out)
        strcpy(out, ".");
    return out;
}
