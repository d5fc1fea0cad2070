/*
 * du - the disk space files and directories use.
 *
 *   du [-a | -s] [-k | -b | -h] [-c] [-d DEPTH] [-x] [-H | -L | -P] [FILE...]
 *
 * POSIX du: for each directory (and with -a each file) below FILE (.),
 * the space it uses, in KiB by default (-k), -b bytes (the apparent
 * size), -h with units; -s only the totals of the operands, -c a grand
 * total, -d (GNU's --max-depth) only that deep. Space is counted from
 * st_blocks (Duplex's file system counts whole 4 KiB blocks, as ext4,
 * directories included); a file with several links counts once.
 * A symbolic link is counted itself, not followed (-P); -H follows the
 * links named as operands, -L every link met. With -L one directory can
 * be reached twice (a link to an ancestor loops), and with several
 * operands one can lie inside another, so every file and directory is
 * then counted once (as GNU du), which also ends such a loop.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "util/util.h"

static int all, summary, bytes, human, total_line, status;
static char deref = 'P';            /* which links to follow: P none, H operands, L all */
static int count_once;              /* count every file and directory only once */
static long max_depth = -1;

static struct { dev_t dev; ino_t ino; } *seen;
static long nseen, seen_cap;

static long long usage_of(const struct stat *st)
{
    if (bytes)
        return st->st_size;
    return (long long)st->st_blocks * 512;
}

static void show(long long n, const char *path)
{
    if (human) {
        const char *units = "KMGT";
        double v = (double)n;
        int k = -1;
        while (v >= 1024 && k < 3) {
            v /= 1024;
            k++;
        }
        if (k < 0)
            printf("%lld\t%s\n", n, path);
        else
            printf(v < 10 ? "%.1f%c\t%s\n" : "%.0f%c\t%s\n", v, units[k], path);
        return;
    }
    printf("%lld\t%s\n", bytes ? n : (n + 1023) / 1024, path);
}

/* Whether st was counted before; if not, remember it. */
static int seen_before(const struct stat *st)
{
    for (long i = 0; i < nseen; i++)
        if (seen[i].dev == st->st_dev && seen[i].ino == st->st_ino)
            return 1;
    if (nseen == seen_cap)
        seen = xrealloc(seen, (size_t)(seen_cap = seen_cap * 2 + 16) * sizeof *seen);
    seen[nseen].dev = st->st_dev;
    seen[nseen++].ino = st->st_ino;
    return 0;
}

static long long walk(const char *path, long depth)
{
    struct stat st;
    int follow = deref == 'L' || (deref == 'H' && depth == 0);
    if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) {
        fflush(stdout);
        warn("cannot access '%s'", path);
        status = 1;
        return 0;
    }
    if ((count_once || (st.st_nlink > 1 && !S_ISDIR(st.st_mode))) && seen_before(&st))
        return 0;
    long long sum = usage_of(&st);
    if (S_ISDIR(st.st_mode)) {
        char **names = dir_names(path, NULL);
        if (!names) {
            fflush(stdout);
            warn("cannot read directory '%s'", path);
            status = 1;
        }
        for (char **n = names; names && *n; n++) {
            char *sub = path_join(path, *n);
            sum += walk(sub, depth + 1);
            free(sub);
        }
        free_names(names);
    }
    int shown = max_depth < 0 || depth <= max_depth;
    if (shown && ((S_ISDIR(st.st_mode) && !summary) || (all && !summary) || depth == 0))
        show(sum, path);
    return sum;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "all", no_argument, NULL, 'a' }, { "summarize", no_argument, NULL, 's' },
        { "bytes", no_argument, NULL, 'b' }, { "human-readable", no_argument, NULL, 'h' },
        { "total", no_argument, NULL, 'c' }, { "max-depth", required_argument, NULL, 'd' },
        { "one-file-system", no_argument, NULL, 'x' },
        { "dereference", no_argument, NULL, 'L' }, { "dereference-args", no_argument, NULL, 'D' },
        { "no-dereference", no_argument, NULL, 'P' }, { NULL, 0, NULL, 0 },
    };
    int c;
    while ((c = getopt_long(argc, argv, "abcd:hksxDHLP", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': all = 1; break;
        case 's': summary = 1; break;
        case 'b': bytes = 1; break;
        case 'h': human = 1; break;
        case 'k': bytes = human = 0; break;
        case 'c': total_line = 1; break;
        case 'd': max_depth = atol(optarg); break;
        case 'x': break;
        case 'D': case 'H': deref = 'H'; break;    /* the last of -H -L -P counts */
        case 'L': case 'P': deref = (char)c; break;
        default:
            fprintf(stderr, "Usage: du [-a | -s] [-k | -b | -h] [-c] [-d DEPTH] [-H | -L | -P] [FILE]...\n");
            return 1;
        }
    }
    if (all && summary)
        errx(1, "cannot both summarize and show all entries");
    count_once = deref == 'L' || argc - optind > 1;
    long long total = 0;
    if (optind >= argc)
        total = walk(".", 0);
    for (int i = optind; i < argc; i++)
        total += walk(argv[i], 0);
    if (total_line)
        show(total, "total");
    free(seen);
    return fflush(stdout) != 0 || status;
}
