/*
 * ln - make links between files.
 *
 *   ln [-s [-r]] [-f | -i] [-n] [-v] [-L | -P] [-T] TARGET LINK
 *   ln [-s] [-f | -i] [-n] [-v] [-L | -P] TARGET... DIRECTORY
 *   ln [-s] ... -t DIRECTORY TARGET...
 *   ln [-s] ... TARGET                  (a link in the working directory)
 *
 * Without -s a hard link: a second name for TARGET's file (never for a
 * directory). With -s a symbolic link whose contents are TARGET as
 * written, resolved later from the link's own directory. -f removes an
 * existing LINK first, -i asks; -n treats a LINK that is a symbolic link
 * to a directory as a file; -L makes a hard link to what a symbolic
 * TARGET names, -P (the default, as GNU) to the link itself; -v names
 * each link made; -r (with -s) makes the link's contents TARGET's path
 * relative to the link's directory. The operands are cp's and mv's
 * (util/targets.c).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

static int symbolic, force, interactive, verbose, logical, relative;

/* -L: what a chain of symbolic links at path finally names (malloc'd). */
static char *resolve_links(const char *path)
{
    char *cur = xstrdup(path);
    struct stat st;
    for (int i = 0; i < 40 && lstat(cur, &st) == 0 && S_ISLNK(st.st_mode); i++) {
        char target[PATH_MAX];
        ssize_t n = readlink(cur, target, sizeof target - 1);
        if (n < 0)
            break;
        target[n] = '\0';
        char *next;
        char *slash = strrchr(cur, '/');
        if (target[0] == '/' || !slash) {
            next = xstrdup(target);
        } else {                 /* relative: from the link's directory */
            slash[1] = '\0';
            next = path_join(cur, target);
        }
        free(cur);
        cur = next;
    }
    return cur;
}

/* -r: target as a path from the directory the link will be in, both made
 * canonical first, as GNU ln -r does ("../three/four"). */
static char *relative_target(const char *target, const char *link_name)
{
    char *dir = xstrdup(link_name), *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir] = '\0';               /* "/x": the root */
    char *to = canonical_path(target, 'm', 0);
    char *link = to ? canonical_path(slash ? dir : ".", 'm', 0) : NULL;
    free(dir);
    if (!link) {
        free(to);
        return NULL;
    }
    char *out = relative_path(to, link);
    free(to);
    free(link);
    return out;
}

static int make_link(const char *target, const char *link_name)
{
    struct stat tst, lst;
    if (!symbolic && lstat(target, &tst) != 0) {
        fprintf(stderr, "ln: failed to access '%s': %s\n", target, strerror(errno));
        return 1;
    }
    if (!symbolic && S_ISDIR(tst.st_mode)) {
        fprintf(stderr, "ln: %s: hard link not allowed for directory\n", target);
        return 1;
    }
    if (lstat(link_name, &lst) == 0) {
        if (S_ISDIR(lst.st_mode)) {
            fprintf(stderr, "ln: %s: cannot overwrite directory\n", link_name);
            return 1;
        }
        if (interactive && !ask("ln: replace '%s'? ", link_name))
            return 0;
        if (!symbolic && (force || interactive) && same_file(&tst, &lst)) {
            fprintf(stderr, "ln: '%s' and '%s' are the same file\n", target, link_name);
            return 1;
        }
        if ((force || interactive) && unlink(link_name) != 0) {
            fprintf(stderr, "ln: cannot remove '%s': %s\n", link_name, strerror(errno));
            return 1;
        }
    }
    int r;
    char *rel = NULL;
    if (symbolic && relative) {
        rel = relative_target(target, link_name);
        if (!rel) {
            fprintf(stderr, "ln: failed to create symbolic link '%s': %s\n", link_name,
                    strerror(errno));
            return 1;
        }
        r = symlink(rel, link_name);
        target = rel;                              /* what -v shows */
    } else if (symbolic) {
        r = symlink(target, link_name);
    } else if (logical) {
        char *real = resolve_links(target);
        r = link(real, link_name);
        free(real);
    } else {
        r = link(target, link_name);
    }
    if (r != 0) {
        free(rel);
        if (symbolic)
            fprintf(stderr, "ln: failed to create symbolic link '%s': %s\n", link_name,
                    strerror(errno));
        else if (errno == EEXIST || errno == ENOSPC)
            fprintf(stderr, "ln: failed to create hard link '%s': %s\n", link_name,
                    strerror(errno));
        else
            fprintf(stderr, "ln: failed to create hard link '%s' => '%s': %s\n", link_name,
                    target, strerror(errno));
        return 1;
    }
    if (verbose)
        printf("'%s' %s '%s'\n", link_name, symbolic ? "->" : "=>", target);
    free(rel);
    return 0;
}

#define USAGE "usage: ln [-sfinrvLPT] [-t DIR] TARGET [LINK_NAME]\n" \
              "       ln [-sfinrvLP] TARGET... DIR\n"

static void usage(void)
{
    fprintf(stderr, "Try 'ln --help' for more information.\n");
    exit(1);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "symbolic", no_argument, NULL, 's' }, { "force", no_argument, NULL, 'f' },
        { "interactive", no_argument, NULL, 'i' }, { "no-dereference", no_argument, NULL, 'n' },
        { "verbose", no_argument, NULL, 'v' }, { "logical", no_argument, NULL, 'L' },
        { "physical", no_argument, NULL, 'P' }, { "target-directory", required_argument, NULL, 't' },
        { "no-target-directory", no_argument, NULL, 'T' }, { "help", no_argument, NULL, 'H' },
        { "relative", no_argument, NULL, 'r' },
        { NULL, 0, NULL, 0 },
    };
    int c, no_deref = 0, no_target_dir = 0;
    const char *target_dir = NULL;
    while ((c = getopt_long(argc, argv, "sfinrvLPt:T", longopts, NULL)) != -1) {
        switch (c) {
        case 's': symbolic = 1; break;
        case 'f': force = 1; interactive = 0; break;
        case 'i': interactive = 1; force = 0; break;
        case 'n': no_deref = 1; break;
        case 'v': verbose = 1; break;
        case 'r': relative = 1; break;
        case 'L': logical = 1; break;
        case 'P': logical = 0; break;
        case 't': target_dir = optarg; break;
        case 'T': no_target_dir = 1; break;
        case 'H': fputs(USAGE, stdout); return 0;
        default: usage();
        }
    }
    if (relative && !symbolic) {
        fprintf(stderr, "ln: cannot do --relative without --symbolic\n");
        return 1;
    }
    int n = argc - optind;
    char **ops = argv + optind;
    if (n == 1 && !target_dir && !no_target_dir) {
        /* ln TARGET: a link of the same name here */
        char *base = path_base(ops[0]);
        int r = make_link(ops[0], base);
        free(base);
        return r;
    }
    /* -n: a LINK that is a symbolic link (to a directory) is replaced,
     * not entered */
    struct stat st;
    if (no_deref && !target_dir && n == 2 && lstat(ops[1], &st) == 0 && S_ISLNK(st.st_mode))
        no_target_dir = 1;
    int r = each_target("ln", n, ops, target_dir, no_target_dir, make_link);
    if (r < 0)
        usage();
    return (fflush(stdout) != 0) | r;
}
