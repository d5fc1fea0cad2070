/*
 * fold - wrap each input line to fit a width.
 *
 *   fold [-bs] [-w WIDTH] [FILE...]
 *
 * POSIX fold: lines longer than WIDTH (80) columns are broken by
 * inserting newlines. Columns count as a terminal shows them: a tab
 * moves to the next multiple of 8, a backspace back one, a carriage
 * return to column 0; -b counts bytes instead. -s breaks after the last
 * blank within the width when there is one. GNU's -WIDTH form is
 * accepted; multibyte characters are counted as bytes.
 */
#include <ctype.h>
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

static long width = 80;
static int bytes, spaces;

static long advance(long col, int c)
{
    if (bytes)
        return col + 1;
    if (c == '\t')
        return col + 8 - col % 8;
    if (c == '\b')
        return col > 0 ? col - 1 : 0;
    if (c == '\r')
        return 0;
    return col + 1;
}

static void fold_line(const char *s, size_t n)
{
    size_t start = 0;
    while (start < n) {
        long col = 0;
        size_t i = start, last_blank = (size_t)-1;
        for (; i < n; i++) {
            long next = advance(col, (unsigned char)s[i]);
            if (next > width && i > start)
                break;
            col = next;
            if (s[i] == ' ' || s[i] == '\t')
                last_blank = i;
        }
        if (i == n) {
            fwrite(s + start, 1, n - start, stdout);
            return;
        }
        size_t cut = spaces && last_blank != (size_t)-1 ? last_blank + 1 : i;
        fwrite(s + start, 1, cut - start, stdout);
        putchar('\n');
        start = cut;
    }
}

int main(int argc, char **argv)
{
    int c, status = 0;
    /* -WIDTH (obsolescent) is -w WIDTH */
    char **args = xmalloc((size_t)(2 * argc + 1) * sizeof *args);
    int nargs = 0;
    for (int i = 0; i < argc; i++) {
        if (i > 0 && argv[i][0] == '-' && argv[i][1] >= '0' && argv[i][1] <= '9') {
            args[nargs++] = "-w";
            args[nargs++] = argv[i] + 1;
        } else {
            args[nargs++] = argv[i];
        }
    }
    args[nargs] = NULL;
    argc = nargs;
    argv = args;
    while ((c = getopt_long(argc, argv, "bsw:", NULL, NULL)) != -1) {
        switch (c) {
        case 'b': bytes = 1; break;
        case 's': spaces = 1; break;
        case 'w': {
            char *end;
            width = strtol(optarg, &end, 10);
            if (*end || width < 1)
                errx(1, "invalid number of columns: '%s'", optarg);
            break;
        }
        default:
            fprintf(stderr, "Usage: fold [-bs] [-w WIDTH] [FILE]...\n");
            return 1;
        }
    }
    static char *dash[] = { "-", NULL };
    char **files = optind < argc ? argv + optind : dash;
    char *line = NULL;
    size_t cap = 0;
    for (; *files; files++) {
        FILE *f = open_operand(*files);
        if (!f) {
            warn("%s", *files);
            status = 1;
            continue;
        }
        ssize_t len;
        while ((len = getline(&line, &cap, f)) > 0) {
            int nl = line[len - 1] == '\n';
            fold_line(line, (size_t)len - nl);
            if (nl)
                putchar('\n');
        }
        if (f != stdin)
            fclose(f);
    }
    free(line);
    free(args);
    return status;
}
