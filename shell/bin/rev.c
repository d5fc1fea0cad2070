/*
 * rev - reverse the bytes of each line.
 *
 *   rev [FILE...]
 *
 * Lines of any length (getline). A last line without a newline stays
 * without one. Bytes, not characters: Duplex has only the C locale.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

static int rev_file(const char *name)
{
    FILE *f = open_operand(name);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    if (!f) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "rev: %s: %s\n", name, strerror(e));
        return 1;
    }
    while ((n = getline(&line, &cap, f)) > 0) {
        size_t len = (size_t)n - (line[n - 1] == '\n');
        for (size_t i = len; i > 0; i--)
            putchar(line[i - 1]);
        if (len < (size_t)n)
            putchar('\n');
    }
    free(line);
    int rc = 0;
    if (ferror(f)) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "rev: %s: %s\n", name, strerror(e));
        rc = 1;
    }
    if (f != stdin)
        fclose(f);
    return rc;
}

int main(int argc, char **argv)
{
    int rc = 0, first = 1;
    if (argc > 1 && strcmp(argv[1], "--") == 0)
        first = 2;
    if (first >= argc)
        rc = rev_file("-");
    for (int i = first; i < argc; i++)
        rc |= rev_file(argv[i]);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "rev: write error: %s\n", strerror(errno));
        return 1;
    }
    return rc;
}
