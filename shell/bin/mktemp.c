/*
 * mktemp - create a temporary file or directory with a unique name.
 *
 *   mktemp [-dqu] [-p DIR | --tmpdir[=DIR]] [-t] [TEMPLATE]
 *
 * As GNU's: TEMPLATE (tmp.XXXXXXXXXX) ends in at least three X's, which
 * become random letters and digits; the file (-d: a directory) is
 * created with mode 0600 (0700), exclusively, and its name printed.
 * Without a '/' in TEMPLATE, or with -t or -p, it goes in DIR, $TMPDIR or
 * /tmp. -u only prints a name; -q says nothing on failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "util/util.h"

static int quiet;

static void fail(const char *fmt, const char *arg)
{
    if (!quiet) {
        fprintf(stderr, "mktemp: ");
        fprintf(stderr, fmt, arg);
        fputc('\n', stderr);
    }
    exit(1);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "directory", no_argument, NULL, 'd' }, { "quiet", no_argument, NULL, 'q' },
        { "dry-run", no_argument, NULL, 'u' }, { "tmpdir", optional_argument, NULL, 'p' },
        { NULL, 0, NULL, 0 },
    };
    int dir = 0, dry = 0, in_tmp = 0, c;
    const char *tmpdir = NULL;
    while ((c = getopt_long(argc, argv, "dp:qtu", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': dir = 1; break;
        case 'q': quiet = 1; break;
        case 'u': dry = 1; break;
        case 't': in_tmp = 2; break;
        case 'p': in_tmp = in_tmp ? in_tmp : 1; tmpdir = optarg; break;
        default:
            fprintf(stderr, "Usage: mktemp [-dqu] [-p DIR] [-t] [TEMPLATE]\n");
            return 1;
        }
    }
    if (argc - optind > 1)
        fail("too many templates", NULL);
    const char *tmpl = optind < argc ? argv[optind] : "tmp.XXXXXXXXXX";
    if (optind >= argc)
        in_tmp = 1;
    size_t n = strlen(tmpl), xs = 0;
    while (xs < n && tmpl[n - 1 - xs] == 'X')
        xs++;
    if (xs < 3)
        fail("too few X's in template '%s'", tmpl);
    if (in_tmp && strchr(tmpl, '/'))
        fail("invalid template, '%s', contains directory separator", tmpl);
    char *path;
    if (in_tmp || (!strchr(tmpl, '/') && tmpdir)) {
        if (in_tmp == 2 && getenv("TMPDIR") && *getenv("TMPDIR"))
            tmpdir = getenv("TMPDIR");         /* -t: $TMPDIR wins over -p */
        if (!tmpdir || !*tmpdir)
            tmpdir = getenv("TMPDIR");
        if (!tmpdir || !*tmpdir)
            tmpdir = "/tmp";
        path = path_join(tmpdir, tmpl);
    } else {
        path = xstrdup(tmpl);
    }
    char *x = path + strlen(path) - xs;
    static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    unsigned long long seed = (unsigned long long)time(NULL) * 2654435761ULL ^ (unsigned long long)getpid() * 40503ULL;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    seed ^= (unsigned long long)ts.tv_nsec;
    for (int attempt = 0; attempt < 1000; attempt++) {
        for (size_t i = 0; i < xs; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            x[i] = chars[(seed >> 33) % 62];
        }
        if (dry) {
            struct stat st;
            if (stat(path, &st) == 0)
                continue;
            break;
        }
        int r = dir ? mkdir(path, 0700) : open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (r >= 0) {
            if (!dir)
                close(r);
            break;
        }
        if (errno != EEXIST) {
            int e = errno;
            x[0] = 'X';
            for (size_t i = 0; i < xs; i++)
                x[i] = 'X';
            errno = e;
            if (!quiet)
                fprintf(stderr, "mktemp: failed to create %s via template '%s': %s\n",
                        dir ? "directory" : "file", path, strerror(e));
            free(path);
            return 1;
        }
    }
    puts(path);
    free(path);
    return fflush(stdout) != 0;
}
