/*
 * comm - compare two sorted files line by line.
 *
 *   comm [-123] FILE1 FILE2
 *
 * POSIX comm: three columns, the lines only in FILE1, only in FILE2,
 * and in both, each column indented by a tab per column before it that
 * is shown; -1, -2, -3 hide a column. Lines compare as bytes (the C
 * locale). "-" is stdin. GNU's --output-delimiter is accepted.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

static int show[4] = { 0, 1, 1, 1 };
static const char *delim = "\t";

static void put(int column, const char *s)
{
    if (!show[column])
        return;
    for (int c = 1; c < column; c++)
        if (show[c])
            fputs(delim, stdout);
    fputs(s, stdout);
}

static FILE *open_arg(const char *name)
{
    FILE *f = open_operand(name);
    if (!f)
        err(1, "%s", name);
    return f;
}

static char *next(FILE *f, char **buf, size_t *cap)
{
    ssize_t n = getline(buf, cap, f);
    if (n <= 0)
        return NULL;
    if ((*buf)[n - 1] != '\n') {       /* a last line without newline gets one */
        *buf = xrealloc(*buf, (size_t)n + 2);
        (*buf)[n] = '\n';
        (*buf)[n + 1] = '\0';
    }
    return *buf;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "output-delimiter", required_argument, NULL, 'o' }, { NULL, 0, NULL, 0 },
    };
    int c;
    while ((c = getopt_long(argc, argv, "123", longopts, NULL)) != -1) {
        if (c >= '1' && c <= '3')
            show[c - '0'] = 0;
        else if (c == 'o')
            delim = optarg;
        else {
            fprintf(stderr, "Usage: comm [-123] FILE1 FILE2\n");
            return 1;
        }
    }
    two_operands(argc, argv, 1, "Usage: comm [-123] FILE1 FILE2\n");
    FILE *f1 = open_arg(argv[optind]), *f2 = open_arg(argv[optind + 1]);
    char *b1 = NULL, *b2 = NULL;
    size_t c1 = 0, c2 = 0;
    char *l1 = next(f1, &b1, &c1), *l2 = next(f2, &b2, &c2);
    while (l1 || l2) {
        int cmp = !l1 ? 1 : !l2 ? -1 : strcmp(l1, l2);
        if (cmp < 0) {
            put(1, l1);
            l1 = next(f1, &b1, &c1);
        } else if (cmp > 0) {
            put(2, l2);
            l2 = next(f2, &b2, &c2);
        } else {
            put(3, l1);
            l1 = next(f1, &b1, &c1);
            l2 = next(f2, &b2, &c2);
        }
    }
    free(b1);
    free(b2);
    return fflush(stdout) != 0;
}
