/*
 * grep - print the lines that match a pattern.
 *
 *   grep [-EFGcHhiLlnqsvwx] [-e PATTERN]... [-f FILE]... [PATTERN] [FILE...]
 *
 *   -G  basic regular expressions (the default)   -E  extended ones
 *   -F  fixed strings                              -i  ignore case
 *   -e  a pattern (may be repeated)                -f  patterns from a file
 *   -v  select the lines that do NOT match         -w  whole words only
 *   -x  whole lines only                           -c  print a count of lines
 *   -n  prefix line numbers                        -l  print names of files
 *   -L  print names of files without a match       -q  print nothing
 *   -s  no messages about unreadable files         -h/-H  never/always
 *                                                         prefix file names
 *
 * A pattern holding newlines is several patterns; a line is selected when
 * any of them matches. The matching itself is regex.c's. Exit status: 0
 * when a line was selected, 1 when none was, 2 on an error (even if lines
 * were selected), except that -q exits 0 at the first selected line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "regex.h"

static int opt_count, opt_names, opt_nonames, opt_number, opt_quiet, opt_silent,
           opt_invert, opt_fixed, with_names;
static int rx_flags;

static rx_t **res;             /* the compiled patterns */
static int nres;

static void usage(void)
{
    fprintf(stderr, "usage: grep [-EFGcHhiLlnqsvwx] [-e pattern] [-f file] "
                    "[pattern] [file...]\n");
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fprintf(stderr, "grep: out of memory\n");
        exit(2);
    }
    return p;
}

/* -F: a fixed string as a BRE, each special character escaped. */
static char *quote_fixed(const char *s, size_t len)
{
    char *q = xrealloc(NULL, 2 * len + 1), *o = q;
    for (size_t i = 0; i < len; i++) {
        if (strchr("\\.[]*^$", s[i]))
            *o++ = '\\';
        *o++ = s[i];
    }
    *o = '\0';
    return q;
}

/* Compile one pattern (len bytes at s, no newline). */
static void add_pattern(const char *s, size_t len)
{
    char *pat = opt_fixed ? quote_fixed(s, len) : xrealloc(NULL, len + 1);
    const char *err = NULL;
    if (!opt_fixed) {
        memcpy(pat, s, len);
        pat[len] = '\0';
    }
    rx_t *re = rx_compile(pat, opt_fixed ? rx_flags & ~RX_EXTENDED : rx_flags, &err);
    free(pat);
    if (!re) {
        fprintf(stderr, "grep: %s\n", err);
        exit(2);
    }
    res = xrealloc(res, (size_t)(nres + 1) * sizeof *res);
    res[nres++] = re;
}

/* A pattern argument: one pattern per line of it. */
static void add_patterns(const char *s)
{
    for (;;) {
        const char *nl = strchr(s, '\n');
        add_pattern(s, nl ? (size_t)(nl - s) : strlen(s));
        if (!nl)
            return;
        s = nl + 1;
    }
}

/* -f FILE: one pattern per line. */
static void add_pattern_file(const char *name)
{
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    if (!f) {
        fprintf(stderr, "grep: %s: %s\n", name, strerror(errno));
        exit(2);
    }
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] == '\n')
            len--;
        add_pattern(line, (size_t)len);
    }
    free(line);
    if (f != stdin)
        fclose(f);
}

static int selected(const char *line, size_t len)
{
    for (int i = 0; i < nres; i++) {
        int r = rx_search(res[i], line, len, 0, NULL, 0);
        if (r < 0) {
            fprintf(stderr, "grep: out of memory\n");
            exit(2);
        }
        if (r > 0)
            return !opt_invert;
    }
    return opt_invert;
}

/* Search one open file; returns the number of selected lines. */
static long long grep_stream(FILE *f, const char *name)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long long count = 0, line_no = 0;
    while ((len = getline(&line, &cap, f)) > 0) {
        line_no++;
        size_t n = (size_t)len - (line[len - 1] == '\n');
        if (!selected(line, n))
            continue;
        count++;
        if (opt_quiet)
            exit(0);
        if (opt_names || opt_nonames)
            break;             /* -l, -L: one line is enough to know */
        if (opt_count)
            continue;
        if (with_names)
            printf("%s:", name);
        if (opt_number)
            printf("%lld:", line_no);
        fwrite(line, 1, n, stdout);
        putchar('\n');
    }
    free(line);
    return count;
}

/* Returns 0 if lines were selected, 1 if not, 2 on an error. */
static int grep_file(const char *path)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "(standard input)" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    if (!f) {
        if (!opt_silent) {
            int e = errno;
            fflush(stdout);
            fprintf(stderr, "grep: %s: %s\n", path, strerror(e));
        }
        return 2;
    }
    long long count = grep_stream(f, name);
    int failed = ferror(f), e = errno;
    if (!is_stdin)
        fclose(f);
    if (opt_count) {
        if (with_names)
            printf("%s:", name);
        printf("%lld\n", count);
    }
    if ((opt_names && count > 0) || (opt_nonames && count == 0))
        printf("%s\n", name);
    if (failed) {
        fflush(stdout);
        if (!opt_silent)
            fprintf(stderr, "grep: %s: %s\n", path, strerror(e));
        return 2;
    }
    return count > 0 ? 0 : 1;
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c)
{
    if (c == ':')
        fprintf(stderr, "grep: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "grep: invalid option -- '%c'\n", optopt);
}

/* The options. The -e and -f arguments are kept in order in `given`
 * and compiled afterwards, when the flags they depend on (-i, -E...) are
 * all known. */
static int parse_options(int argc, char **argv, char **given)
{
    int c, n = 0;
    while ((c = getopt(argc, argv, ":EFGce:f:HhiLlnqsvwxy")) != -1) {
        switch (c) {
        case 'E': rx_flags |= RX_EXTENDED; opt_fixed = 0; break;
        case 'F': opt_fixed = 1; break;
        case 'G': rx_flags &= ~RX_EXTENDED; opt_fixed = 0; break;
        case 'c': opt_count = 1; break;
        case 'e': case 'f':
            /* -e PAT is kept as PAT, -f FILE as NULL followed by FILE */
            given[n++] = c == 'e' ? optarg : NULL;
            if (c == 'f')
                given[n++] = optarg;
            break;
        case 'H': with_names = 1; break;
        case 'h': with_names = -1; break;
        case 'i': case 'y': rx_flags |= RX_ICASE; break;
        case 'L': opt_nonames = 1; opt_names = 0; break;
        case 'l': opt_names = 1; opt_nonames = 0; break;
        case 'n': opt_number = 1; break;
        case 'q': opt_quiet = 1; break;
        case 's': opt_silent = 1; break;
        case 'v': opt_invert = 1; break;
        case 'w': rx_flags |= RX_WORD; break;
        case 'x': rx_flags |= RX_LINE; break;
        default:
            bad_option(c);
            usage();
        }
    }
    return n;
}

int main(int argc, char **argv)
{
    /* At most two entries per argument: NULL + file for each -f. */
    char **given = xrealloc(NULL, (size_t)(2 * argc + 1) * sizeof *given);
    int ngiven = parse_options(argc, argv, given);
    for (int i = 0; i < ngiven; i++) {
        if (given[i])
            add_patterns(given[i]);
        else
            add_pattern_file(given[++i]);
    }
    free(given);
    if (ngiven == 0) {
        if (optind >= argc)
            usage();
        add_patterns(argv[optind++]);
    }
    int nfiles = argc - optind;
    with_names = with_names == 0 ? nfiles > 1 : with_names > 0;
    int status = 1, errors = 0;
    if (nfiles == 0)
        status = grep_file("-");
    for (int i = optind; i < argc; i++) {
        int r = grep_file(argv[i]);
        if (r == 2)
            errors = 1;
        else if (r == 0)
            status = 0;
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "grep: write error: %s\n", strerror(errno));
        return 2;
    }
    for (int i = 0; i < nres; i++)
        rx_free(res[i]);
    free(res);
    return errors || status == 2 ? 2 : status;
}
