/*
 * targets.c - the operands of cp and mv: SOURCE DEST, or SOURCE...
 * DIRECTORY, or with -t DIRECTORY SOURCE..., or with -T exactly SOURCE
 * DEST; GNU's messages when they do not fit.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "util.h"

int each_target(const char *prog, int n, char **ops, const char *target_dir,
                int no_target_dir, int (*act)(const char *src, const char *dst))
{
    if (n == 0 || (n == 1 && !target_dir)) {
        if (n == 0)
            fprintf(stderr, "%s: missing file operand\n", prog);
        else
            fprintf(stderr, "%s: missing destination file operand after '%s'\n", prog, ops[0]);
        fprintf(stderr, "Try '%s --help' for more information.\n", prog);
        return -1;
    }
    const char *target = target_dir ? target_dir : ops[n - 1];
    int nsources = target_dir ? n : n - 1;
    struct stat st;
    int tstat = stat(target, &st);
    int into_dir = !no_target_dir && tstat == 0 && S_ISDIR(st.st_mode);
    if (no_target_dir && n > 2) {
        fprintf(stderr, "%s: extra operand '%s'\n", prog, ops[2]);
        fprintf(stderr, "Try '%s --help' for more information.\n", prog);
        return -1;
    }
    if (target_dir && !into_dir) {
        fprintf(stderr, "%s: target directory '%s': %s\n", prog, target,
                strerror(tstat == 0 ? ENOTDIR : errno));
        return 1;
    }
    if (nsources > 1 && !into_dir) {
        fprintf(stderr, "%s: target '%s': %s\n", prog, target,
                strerror(tstat == 0 ? ENOTDIR : errno));
        return 1;
    }
    int status = 0;
    for (int i = 0; i < nsources; i++) {
        if (!into_dir) {
            status |= act(ops[i], target);
            continue;
        }
        char *base = path_base(ops[i]);
        char *dst = path_join(target, base);
        status |= act(ops[i], dst);
        free(dst);
        free(base);
    }
    return status;
}
