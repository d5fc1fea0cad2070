/*
 * chmod - change the permission bits of files.
 *
 *   chmod [-R] [-v | -c] [-f] MODE[,MODE]... FILE...
 *   chmod [-R] [-v | -c] [-f] --reference=RFILE FILE...
 *
 * POSIX chmod: MODE is octal (755) or symbolic, [ugoa]*[-+=][rwxXst]* or
 * [-+=][ugo] (copy those bits), several joined by commas; without u, g,
 * o or a, + - and = leave the bits the umask has alone. -R goes down
 * directories (after changing them); -v reports every file, -c only the
 * ones that changed, -f says nothing about failures. Status 1 if some
 * file could not be changed.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "util/util.h"

static int recursive, verbose, changes, quiet, status;
static mode_t mask;

/* The new mode for a file now `old`, or -1 if spec is no mode. */
static long apply(const char *spec, mode_t old)
{
    if (*spec >= '0' && *spec <= '7') {
        char *end;
        long m = strtol(spec, &end, 8);
        if (*end || m > 07777)
            return -1;
        /* GNU: a directory keeps its set-id bits unless 5 digits say */
        if (S_ISDIR(old) && strlen(spec) < 5)
            m |= old & (S_ISUID | S_ISGID);
        return m;
    }
    mode_t m = old & 07777;
    const char *p = spec;
    for (;;) {
        mode_t who = 0;
        for (; strchr("ugoa", *p) && *p; p++)
            who |= *p == 'u' ? 04700 : *p == 'g' ? 02070 : *p == 'o' ? 01007 : 07777;
        if (!strchr("+-=", *p) || !*p)
            return -1;
        while (*p && strchr("+-=", *p)) {
            char op = *p++;
            mode_t bits = 0;
            if (*p && strchr("ugo", *p)) {
                mode_t src = *p == 'u' ? (m >> 6) & 7 : *p == 'g' ? (m >> 3) & 7 : m & 7;
                bits = src << 6 | src << 3 | src;
                p++;
            } else {
                for (; *p && strchr("rwxXst", *p); p++) {
                    switch (*p) {
                    case 'r': bits |= 0444; break;
                    case 'w': bits |= 0222; break;
                    case 'x': bits |= 0111; break;
                    case 'X':
                        if (S_ISDIR(old) || (m & 0111))
                            bits |= 0111;
                        break;
                    case 's': bits |= S_ISUID | S_ISGID; break;
                    case 't': bits |= S_ISVTX; break;
                    }
                }
            }
            mode_t scope = who ? who : 07777 & ~mask;
            if (!who && op == '=')
                scope = 07777;
            bits &= scope;
            if (op == '+')
                m |= bits;
            else if (op == '-')
                m &= ~bits;
            else {
                mode_t clear = who ? who : 07777;
                if (!who && !S_ISDIR(old))
                    clear = 07777;
                m = (m & ~(clear & ~(S_ISDIR(old) ? (S_ISUID | S_ISGID) & ~who : 0))) | (bits & ~(!who ? mask : 0));
            }
        }
        if (*p == '\0')
            return m;
        if (*p != ',')
            return -1;
        p++;
    }
}

static void change(const char *path, const char *spec, int top);

static void change_tree(const char *path, const char *spec)
{
    char **names = dir_names(path, NULL);
    if (!names) {
        if (!quiet)
            warn("cannot read directory '%s'", path);
        status = 1;
        return;
    }
    for (char **n = names; *n; n++) {
        char *sub = path_join(path, *n);
        change(sub, spec, 0);
        free(sub);
    }
    free_names(names);
}

static void change(const char *path, const char *spec, int top)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        if (!quiet)
            warn("cannot access '%s'", path);
        status = 1;
        return;
    }
    long m = apply(spec, st.st_mode);
    if (m < 0)
        errx(1, "invalid mode: '%s'", spec);
    int changed = (mode_t)m != (st.st_mode & 07777);
    if (chmod(path, (mode_t)m) != 0) {
        if (!quiet)
            warn("changing permissions of '%s'", path);
        status = 1;
    } else if (verbose || (changes && changed)) {
        char before[11], after[11];
        mode_string(st.st_mode, before);
        mode_string((st.st_mode & ~(mode_t)07777) | (mode_t)m, after);
        if (changed)
            printf("mode of '%s' changed from %04o (%s) to %04o (%s)\n", path,
                   (unsigned)(st.st_mode & 07777), before + 1, (unsigned)m, after + 1);
        else
            printf("mode of '%s' retained as %04o (%s)\n", path, (unsigned)m, before + 1);
    }
    (void)top;
    if (recursive && S_ISDIR(st.st_mode))
        change_tree(path, spec);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "recursive", no_argument, NULL, 'R' }, { "verbose", no_argument, NULL, 'v' },
        { "changes", no_argument, NULL, 'c' }, { "silent", no_argument, NULL, 'f' },
        { "quiet", no_argument, NULL, 'f' }, { "reference", required_argument, NULL, 'r' },
        { NULL, 0, NULL, 0 },
    };
    const char *ref = NULL;
    char refmode[8];
    int c;
    mask = umask(0);
    umask(mask);
    /* a mode such as -w or -x is not an option: options end before it */
    int opt_end = 1;
    while (opt_end < argc && !(argv[opt_end][0] == '-' && argv[opt_end][1] &&
                               apply(argv[opt_end], S_IFREG) >= 0) &&
           strcmp(argv[opt_end], "--") != 0)
        opt_end++;
    while ((c = getopt_long(opt_end, argv, "Rcfv", longopts, NULL)) != -1) {
        switch (c) {
        case 'R': recursive = 1; break;
        case 'v': verbose = 1; break;
        case 'c': changes = 1; break;
        case 'f': quiet = 1; break;
        case 'r': ref = optarg; break;
        default:
            fprintf(stderr, "Usage: chmod [-Rcfv] MODE[,MODE]... FILE...\n");
            return 1;
        }
    }
    if (optind < argc && strcmp(argv[optind], "--") == 0)
        optind++;
    const char *spec;
    if (ref) {
        struct stat st;
        if (stat(ref, &st) != 0)
            err(1, "failed to get attributes of '%s'", ref);
        snprintf(refmode, sizeof refmode, "%o", (unsigned)(st.st_mode & 07777));
        spec = refmode;
    } else {
        if (optind >= argc) {
            missing_operand(NULL);
            return 1;
        }
        spec = argv[optind++];
    }
    if (optind >= argc) {
        missing_operand(spec);
        return 1;
    }
    if (apply(spec, S_IFREG) < 0)
        errx(1, "invalid mode: '%s'", spec);
    for (int i = optind; i < argc; i++)
        change(argv[i], spec, 1);
    return fflush(stdout) != 0 || status;
}
