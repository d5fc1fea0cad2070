/*
 * paste - merge corresponding lines of files.
 *
 *   paste [-s] [-d LIST] FILE...
 *
 * POSIX paste: line i of the output joins line i of every file with the
 * delimiters of LIST in turn (a tab by default; \n \t \\ and \0, the
 * empty string, as escapes). -s joins all the lines of each file into
 * one instead. "-" is stdin (and may be given several times: each reads
 * the next line from it).
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

static char *delims;           /* the list, escapes resolved; '\0' = none */
static size_t ndelims;

static void parse_delims(const char *s)
{
    delims = xmalloc(strlen(s) + 1);
    for (; *s; s++) {
        char c = *s;
        if (c == '\\' && s[1]) {
            c = *++s;
            c = c == 'n' ? '\n' : c == 't' ? '\t' : c == '0' ? '\0' : c;
        }
        delims[ndelims++] = c;
    }
}

static void put_delim(size_t i)
{
    if (ndelims == 0)
        return;
    char c = delims[i % ndelims];
    if (c)
        putchar(c);
}

/* One line of f into *line without its newline; 0 at the end. */
static int get(FILE *f, char **line, size_t *cap, size_t *len)
{
    ssize_t n = f ? getline(line, cap, f) : -1;
    if (n <= 0)
        return 0;
    if ((*line)[n - 1] == '\n')
        n--;
    *len = (size_t)n;
    return 1;
}

int main(int argc, char **argv)
{
    int serial = 0, c, status = 0;
    const char *list = "\t";
    while ((c = getopt_long(argc, argv, "d:s", NULL, NULL)) != -1) {
        if (c == 'd')
            list = optarg;
        else if (c == 's')
            serial = 1;
        else {
            fprintf(stderr, "Usage: paste [-s] [-d LIST] [FILE]...\n");
            return 1;
        }
    }
    parse_delims(list);
    static char *dash[] = { "-", NULL };
    char **names = optind < argc ? argv + optind : dash;
    int n = 0;
    while (names[n])
        n++;
    FILE **files = xcalloc((size_t)n, sizeof *files);
    for (int i = 0; i < n; i++) {
        files[i] = open_operand(names[i]);
        if (!files[i])
            err(1, "%s", names[i]);
    }
    char *line = NULL;
    size_t cap = 0, len;
    if (serial) {
        for (int i = 0; i < n; i++) {
            size_t k = 0;
            int any = 0;
            while (get(files[i], &line, &cap, &len)) {
                if (any)
                    put_delim(k++);
                fwrite(line, 1, len, stdout);
                any = 1;
            }
            putchar('\n');
        }
    } else {
        for (;;) {
            int got = 0;
            /* a line of output only while some file still has lines */
            char **parts = xcalloc((size_t)n, sizeof *parts);
            size_t *lens = xcalloc((size_t)n, sizeof *lens);
            for (int i = 0; i < n; i++)
                if (get(files[i], &line, &cap, &len)) {
                    parts[i] = xstrndup(line, len);
                    lens[i] = len;
                    got = 1;
                }
            for (int i = 0; got && i < n; i++) {
                if (i > 0)
                    put_delim((size_t)i - 1);
                if (parts[i])
                    fwrite(parts[i], 1, lens[i], stdout);
            }
            if (got)
                putchar('\n');
            for (int i = 0; i < n; i++)
                free(parts[i]);
            free(parts);
            free(lens);
            if (!got)
                break;
        }
    }
    free(line);
    for (int i = 0; i < n; i++)
        if (files[i] != stdin)
            fclose(files[i]);
    free(files);
    free(delims);
    if (fflush(stdout) != 0)
        err(1, "write error");
    return status;
}
