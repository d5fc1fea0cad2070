/*
 * cut - print selected parts of lines.
 *
 *   cut -b LIST [-n] [FILE...]
 *   cut -c LIST [FILE...]
 *   cut -f LIST [-d DELIM] [-s] [FILE...]
 *
 *   -b, -c  the bytes (characters: the same in the C locale) in LIST
 *   -f      the fields in LIST, separated by DELIM (default: tab); a line
 *           without DELIM is printed whole, or not at all with -s
 *
 * LIST is a comma-separated list of N, N-M, N- and -M (numbered from 1).
 * Parts come out in the order of the line, each once, whatever the order
 * of LIST; fields are joined with DELIM.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"

static unsigned char *picked;  /* picked[i]: position i+1 is in the list */
static size_t npicked;         /* positions covered by `picked` */
static size_t open_from;       /* every position from this one on; 0: none */

static void fail(const char *msg, const char *arg)
{
    fprintf(stderr, "cut: %s%s\n", msg, arg);
    exit(1);
}

static int selected(size_t pos)        /* 1-based */
{
    return (open_from && pos >= open_from) || (pos <= npicked && picked[pos - 1]);
}

static size_t list_number(const char **p, const char *list)
{
    char *end;
    if (**p < '0' || **p > '9')
        fail("invalid list: ", list);
    errno = 0;
    unsigned long long v = strtoull(*p, &end, 10);
    if (v == 0)
        fail("positions are numbered from 1: ", list);
    if (errno == ERANGE || v > 100000000)
        fail("position too large: ", list);
    *p = end;
    return (size_t)v;
}

static void pick(size_t lo, size_t hi)
{
    if (hi > npicked) {
        picked = realloc(picked, hi);
        if (!picked)
            fail("out of memory", "");
        memset(picked + npicked, 0, hi - npicked);
        npicked = hi;
    }
    memset(picked + lo - 1, 1, hi - lo + 1);
}

static void parse_list(const char *list)
{
    const char *p = list;
    for (;;) {
        size_t lo = 1, hi;
        if (*p != '-')
            lo = list_number(&p, list);
        hi = lo;
        if (*p == '-') {
            p++;
            hi = (*p >= '0' && *p <= '9') ? list_number(&p, list) : 0;
            if (hi == 0 && p[-1] == '-' && (p - 1 == list || p[-2] == ','))
                fail("invalid range with no endpoint: ", list);
        }
        if (hi == 0) {             /* N-: to the end */
            if (!open_from || lo < open_from)
                open_from = lo;
        } else if (hi < lo) {
            fail("invalid decreasing range: ", list);
        } else {
            pick(lo, hi);
        }
        if (*p == '\0')
            return;
        if (*p++ != ',')
            fail("invalid list: ", list);
    }
}

static void cut_bytes(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (selected(i + 1))
            putchar(s[i]);
    putchar('\n');
}

static void cut_fields(const char *s, size_t len, int delim, int only_delimited)
{
    if (!memchr(s, delim, len)) {
        if (!only_delimited) {
            fwrite(s, 1, len, stdout);
            putchar('\n');
        }
        return;
    }
    int first = 1;
    size_t field = 1, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != delim)
            continue;
        if (selected(field)) {
            if (!first)
                putchar(delim);
            fwrite(s + start, 1, i - start, stdout);
            first = 0;
        }
        field++;
        start = i + 1;
    }
    putchar('\n');
}

static int cut_file(const char *name, int fields, int delim, int only_delimited)
{
    FILE *f = open_operand(name);
    if (!f) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "cut: %s: %s\n", name, strerror(e));
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        size_t len = (size_t)n - (line[n - 1] == '\n');
        if (fields)
            cut_fields(line, len, delim, only_delimited);
        else
            cut_bytes(line, len);
    }
    free(line);
    int rc = 0;
    if (ferror(f)) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "cut: %s: %s\n", name, strerror(e));
        rc = 1;
    }
    if (f != stdin)
        fclose(f);
    return rc;
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c)
{
    if (c == ':')
        fprintf(stderr, "cut: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "cut: invalid option -- '%c'\n", optopt);
}

int main(int argc, char **argv)
{
    int c, mode = 0, delim = '\t', only_delimited = 0, has_delim = 0;
    while ((c = getopt(argc, argv, ":b:c:f:d:sn")) != -1) {
        switch (c) {
        case 'b': case 'c': case 'f':
            if (mode)
                fail("only one list may be specified", "");
            mode = c;
            parse_list(optarg);
            break;
        case 'd':
            if (strlen(optarg) != 1)
                fail("the delimiter must be a single character", "");
            delim = (unsigned char)optarg[0];
            has_delim = 1;
            break;
        case 's': only_delimited = 1; break;
        case 'n': break;       /* no multibyte characters to keep whole */
        default:
            bad_option(c);
            fprintf(stderr, "usage: cut -b list | -c list | -f list [-d delim] [-s] "
                            "[file...]\n");
            return 1;
        }
    }
    if (!mode)
        fail("you must specify a list of bytes, characters, or fields", "");
    if (mode != 'f' && (has_delim || only_delimited))
        fail("-d and -s only make sense with -f", "");
    int rc = 0;
    if (optind == argc)
        rc = cut_file("-", mode == 'f', delim, only_delimited);
    for (int i = optind; i < argc; i++)
        rc |= cut_file(argv[i], mode == 'f', delim, only_delimited);
    free(picked);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "cut: write error: %s\n", strerror(errno));
        return 1;
    }
    return rc;
}
