/*
 * join - join the lines of two sorted files on a common field.
 *
 *   join [-i] [-t CHAR] [-a 1|2]... [-v 1|2] [-e STRING] [-o LIST]
 *        [-1 FIELD] [-2 FIELD] [-j FIELD] FILE1 FILE2
 *
 * POSIX join: for each pair of lines whose join fields (the first, or
 * -1/-2/-j) are equal, one line: the field, then the other fields of
 * FILE1, then those of FILE2. Fields are separated by blanks (leading
 * ones ignored) and joined by a space, or both by CHAR with -t. -a N
 * also prints the unpairable lines of file N, -v N only those; -o gives
 * the output fields as N.F (0 for the join field), with -e for the
 * missing ones. -i compares without case (GNU). Both files must be
 * sorted on the join field (in the C locale); "-" is stdin.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "util/util.h"

struct line {
    char *text;
    char **f;
    int nf;
};

static char sep;               /* -t, or 0 for blanks */
static int ignore_case, unpaired[3], only_unpaired[3];
static long field_of[3] = { 0, 0, 0 };
static const char *empty;
static char *out_list;

static int read_line(FILE *f, struct line *l)
{
    size_t cap = 0;
    l->text = NULL;
    ssize_t n = getline(&l->text, &cap, f);
    if (n <= 0) {
        free(l->text);
        l->text = NULL;
        return 0;
    }
    if (l->text[n - 1] == '\n')
        l->text[n - 1] = '\0';
    l->nf = 0;
    l->f = NULL;
    char *p = l->text;
    int fcap = 0;
    for (;;) {
        if (!sep)
            while (*p == ' ' || *p == '\t')
                p++;
        if (!sep && !*p)
            break;
        if (l->nf == fcap)
            l->f = xrealloc(l->f, (size_t)(fcap = fcap * 2 + 8) * sizeof *l->f);
        l->f[l->nf++] = p;
        while (*p && (sep ? *p != sep : *p != ' ' && *p != '\t'))
            p++;
        if (!*p)
            break;
        *p++ = '\0';
    }
    return 1;
}

static void free_line(struct line *l)
{
    free(l->text);
    free(l->f);
    l->text = NULL;
    l->f = NULL;
}

static const char *key(const struct line *l, int file)
{
    long k = field_of[file];
    return k < l->nf ? l->f[k] : "";
}

static int cmp(const struct line *a, const struct line *b)
{
    return ignore_case ? strcasecmp(key(a, 1), key(b, 2)) : strcmp(key(a, 1), key(b, 2));
}

static void put_field(const char *s, int *first)
{
    if (!*first)
        putchar(sep ? sep : ' ');
    fputs(s, stdout);
    *first = 0;
}

/* One output line for a (which file 1's line, or NULL) and b. */
static void output(const struct line *a, const struct line *b)
{
    int first = 1;
    if (out_list) {
        char *list = xstrdup(out_list), *save = NULL;
        for (char *t = strtok_r(list, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
            if (strcmp(t, "0") == 0) {
                put_field(a ? key(a, 1) : key(b, 2), &first);
                continue;
            }
            int file = t[0] - '0';
            long k = atol(t + 2) - 1;
            const struct line *l = file == 1 ? a : b;
            put_field(l && k >= 0 && k < l->nf ? l->f[k] : (empty ? empty : ""), &first);
        }
        free(list);
        putchar('\n');
        return;
    }
    put_field(a ? key(a, 1) : key(b, 2), &first);
    for (int i = 0; a && i < a->nf; i++)
        if (i != field_of[1])
            put_field(a->f[i], &first);
    for (int i = 0; b && i < b->nf; i++)
        if (i != field_of[2])
            put_field(b->f[i], &first);
    putchar('\n');
}

static long field_arg(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || v < 1)
        errx(1, "invalid field number: '%s'", s);
    return v - 1;
}

int main(int argc, char **argv)
{
    int c;
    while ((c = getopt(argc, argv, "1:2:a:e:ij:o:t:v:")) != -1) {
        switch (c) {
        case '1': field_of[1] = field_arg(optarg); break;
        case '2': field_of[2] = field_arg(optarg); break;
        case 'j': field_of[1] = field_of[2] = field_arg(optarg); break;
        case 'a': case 'v': {
            int n = atoi(optarg);
            if (n != 1 && n != 2)
                errx(1, "invalid file number: '%s'", optarg);
            (c == 'a' ? unpaired : only_unpaired)[n] = 1;
            break;
        }
        case 'e': empty = optarg; break;
        case 'i': ignore_case = 1; break;
        case 'o': out_list = optarg; break;
        case 't':
            if (strlen(optarg) > 1)
                errx(1, "multi-character tab '%s'", optarg);
            sep = optarg[0] ? optarg[0] : '\n';
            break;
        default:
            fprintf(stderr, "Usage: join [OPTION]... FILE1 FILE2\n");
            return 1;
        }
    }
    two_operands(argc, argv, 1, NULL);
    FILE *f[3];
    for (int i = 1; i <= 2; i++) {
        const char *name = argv[optind + i - 1];
        f[i] = open_operand(name);
        if (!f[i])
            err(1, "%s", name);
    }
    int show_paired = !only_unpaired[1] && !only_unpaired[2];
    for (int i = 1; i <= 2; i++)
        unpaired[i] |= only_unpaired[i];
    struct line a = { 0 }, b = { 0 };
    int ha = read_line(f[1], &a), hb = read_line(f[2], &b);
    while (ha || hb) {
        int r = !ha ? 1 : !hb ? -1 : cmp(&a, &b);
        if (r < 0) {
            if (unpaired[1])
                output(&a, NULL);
            free_line(&a);
            ha = read_line(f[1], &a);
        } else if (r > 0) {
            if (unpaired[2])
                output(NULL, &b);
            free_line(&b);
            hb = read_line(f[2], &b);
        } else {
            /* every line of file 2 with this key, against each of file 1's */
            struct line *group = NULL;
            int ng = 0;
            while (hb && cmp(&a, &b) == 0) {
                group = xrealloc(group, (size_t)(ng + 1) * sizeof *group);
                group[ng++] = b;
                hb = read_line(f[2], &b);
            }
            struct line first = a;
            while (ha && (ignore_case ? strcasecmp(key(&a, 1), key(&first, 1))
                                      : strcmp(key(&a, 1), key(&first, 1))) == 0) {
                for (int i = 0; show_paired && i < ng; i++)
                    output(&a, &group[i]);
                if (a.text != first.text)
                    free_line(&a);
                ha = read_line(f[1], &a);
            }
            free_line(&first);
            for (int i = 0; i < ng; i++)
                free_line(&group[i]);
            free(group);
        }
    }
    return fflush(stdout) != 0;
}
