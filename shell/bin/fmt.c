/*
 * fmt - fill and join lines into paragraphs.
 *
 *   fmt [-w WIDTH | -WIDTH] [-s] [-u] [FILE...]
 *
 * As GNU's fmt in its simple form: paragraphs (separated by blank lines,
 * or by a change of indentation) are refilled with as many words a line
 * as fit in WIDTH (75) columns, keeping the first line's and the second
 * line's indentation; -s only splits long lines, never joins; -u puts
 * one space between words (two after a sentence end are kept as two).
 * Filling is greedy, not GNU's optimal fit.
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

static long width = 75;
static int split_only, uniform;

static char **words;
static long nwords, cap;
static char *indent1, *indent2;

static void flush_paragraph(void)
{
    if (nwords == 0)
        return;
    long col = 0;
    int first = 1;
    const char *ind = indent1 ? indent1 : "";
    for (long i = 0; i < nwords; i++) {
        long w = (long)strlen(words[i]);
        if (first) {
            fputs(ind, stdout);
            fputs(words[i], stdout);
            col = (long)strlen(ind) + w;
            first = 0;
        } else if (col + 1 + w > width) {
            putchar('\n');
            ind = indent2 ? indent2 : "";
            fputs(ind, stdout);
            fputs(words[i], stdout);
            col = (long)strlen(ind) + w;
        } else {
            /* two spaces after the end of a sentence, one otherwise */
            const char *prev = words[i - 1];
            size_t pl = strlen(prev);
            int sentence = !uniform && pl > 0 && strchr(".?!", prev[pl - 1]);
            fputs(sentence ? "  " : " ", stdout);
            fputs(words[i], stdout);
            col += (sentence ? 2 : 1) + w;
        }
    }
    putchar('\n');
    for (long i = 0; i < nwords; i++)
        free(words[i]);
    nwords = 0;
    free(indent1);
    free(indent2);
    indent1 = indent2 = NULL;
}

static void add_words(const char *s)
{
    while (*s) {
        while (*s == ' ' || *s == '\t')
            s++;
        const char *start = s;
        while (*s && *s != ' ' && *s != '\t')
            s++;
        if (s > start) {
            if (nwords == cap)
                words = xrealloc(words, (size_t)(cap = cap * 2 + 64) * sizeof *words);
            words[nwords++] = xstrndup(start, (size_t)(s - start));
        }
    }
}

static void process(FILE *f)
{
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    long lines_in_para = 0;
    while ((len = getline(&line, &lcap, f)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        size_t ind = strspn(line, " \t");
        if (line[ind] == '\0') {
            flush_paragraph();
            lines_in_para = 0;
            putchar('\n');
            continue;
        }
        if (split_only) {
            indent1 = xstrndup(line, ind);
            indent2 = xstrndup(line, ind);
            add_words(line);
            flush_paragraph();
            continue;
        }
        if (lines_in_para == 0) {
            indent1 = xstrndup(line, ind);
        } else if (lines_in_para == 1) {
            indent2 = xstrndup(line, ind);
        } else if (strlen(indent2) != ind) {
            /* a new indentation starts a new paragraph */
            flush_paragraph();
            lines_in_para = 0;
            indent1 = xstrndup(line, ind);
        }
        add_words(line);
        lines_in_para++;
    }
    if (nwords && !indent2)
        indent2 = xstrdup(indent1 ? indent1 : "");
    flush_paragraph();
    free(line);
}

int main(int argc, char **argv)
{
    int i = 1, status = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (argv[i][1] >= '0' && argv[i][1] <= '9')
            width = atol(argv[i] + 1);
        else if (!strcmp(argv[i], "-w") && i + 1 < argc)
            width = atol(argv[++i]);
        else if (!strncmp(argv[i], "-w", 2))
            width = atol(argv[i] + 2);
        else if (!strcmp(argv[i], "-s"))
            split_only = 1;
        else if (!strcmp(argv[i], "-u"))
            uniform = 1;
        else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else
            errx(1, "invalid option -- '%s'", argv[i] + 1);
    }
    if (width < 1)
        errx(1, "invalid width");
    if (i >= argc)
        process(stdin);
    for (; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!f) {
            warn("cannot open '%s' for reading", argv[i]);
            status = 1;
            continue;
        }
        process(f);
        if (f != stdin)
            fclose(f);
    }
    free(words);
    return fflush(stdout) != 0 || status;
}
