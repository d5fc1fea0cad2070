/*
 * tac - print files with their lines in reverse order.
 *
 *   tac [-s SEP] [-b] [-r] [FILE...]
 *
 * GNU's tac: each file (or stdin, "-") is read whole and its records
 * printed last first. A record ends with SEP (a newline by default),
 * which stays after it (-b: before it); the last record of a file may
 * lack one. -r (SEP a regular expression) is not supported.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0, r;
    char *b = xmalloc(cap);
    while ((r = fread(b + n, 1, cap - n, f)) > 0)
        if ((n += r) == cap)
            b = xrealloc(b, cap *= 2);
    *len = n;
    return b;
}

static void tac(const char *b, size_t len, const char *sep, int before)
{
    size_t sl = strlen(sep), end = len;
    /* records end just after each separator (or start at it, with -b) */
    for (size_t i = len; i-- > 0;) {
        if (i + sl > len || memcmp(b + i, sep, sl) != 0)
            continue;
        size_t start = before ? i : i + sl;
        if (start < end)
            fwrite(b + start, 1, end - start, stdout);
        end = start;
    }
    fwrite(b, 1, end, stdout);
}

int main(int argc, char **argv)
{
    const char *sep = "\n";
    int before = 0, c, status = 0;
    while ((c = getopt_long(argc, argv, "bs:", NULL, NULL)) != -1) {
        if (c == 'b')
            before = 1;
        else if (c == 's' && *optarg)
            sep = optarg;
        else if (c != 's') {
            fprintf(stderr, "Usage: tac [-b] [-s SEP] [FILE]...\n");
            return 1;
        }
    }
    static char *dash[] = { "-", NULL };
    char **files = optind < argc ? argv + optind : dash;
    for (; *files; files++) {
        FILE *f = open_operand(*files);
        if (!f) {
            fflush(stdout);
            warn("%s", *files);
            status = 1;
            continue;
        }
        size_t len;
        char *b = slurp(f, &len);
        if (ferror(f)) {
            warn("%s: read error", *files);
            status = 1;
        }
        if (f != stdin)
            fclose(f);
        tac(b, len, sep, before);
        free(b);
    }
    if (fflush(stdout) != 0)
        err(1, "write error");
    return status;
}
