/*
 * tsort - a total order consistent with a partial one.
 *
 *   tsort [FILE]
 *
 * The input is pairs of words (blanks and newlines between them): "a b"
 * says a comes before b; "a a" names a alone. The output is every word,
 * one a line, each after all those that must come before it.
 *
 * Kahn's algorithm, in the order GNU's tsort uses, so that the two print
 * the same: the words nothing precedes, in byte order, start a queue;
 * each word taken from it releases its successors, the last-named first,
 * onto the queue's end. When words are left that all wait, the input has
 * a loop: it is written to standard error, one of its pairs is dropped,
 * and the sort goes on. Exit status 0, or 1 for a loop, an odd number of
 * words or a file that could not be read.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "tsort"

struct item {
    char *name;
    int preds;                  /* the pairs still to output before it */
    int *succ, nsucc;           /* indices in items, in input order */
    int done;
    int on_path;                /* break_loop: 1 on its walk, 2 led to no loop */
};

static struct item *items;
static int nitems;
static const char *input_name;

static int intern(const char *w)
{
    for (int i = 0; i < nitems; i++)
        if (strcmp(items[i].name, w) == 0)
            return i;
    items = xrealloc(items, (size_t)(nitems + 1) * sizeof *items);
    memset(&items[nitems], 0, sizeof *items);
    items[nitems].name = xstrdup(w);
    return nitems++;
}

static void add_pair(const char *a, const char *b)
{
    int i = intern(a), j = intern(b);
    if (i == j)
        return;
    struct item *p = &items[i];
    p->succ = xrealloc(p->succ, (size_t)(p->nsucc + 1) * sizeof *p->succ);
    p->succ[p->nsucc++] = j;
    items[j].preds++;
}

/* The next blank-separated word of in, or NULL at the end. */
static char *next_word(FILE *in)
{
    static char *w;
    static size_t cap;
    size_t n = 0;
    int c;
    while ((c = getc(in)) == ' ' || c == '\t' || c == '\n')
        ;
    if (c == EOF)
        return NULL;
    for (; c != EOF && c != ' ' && c != '\t' && c != '\n'; c = getc(in)) {
        if (n + 1 >= cap)
            w = xrealloc(w, cap = cap ? 2 * cap : 64);
        w[n++] = (char)c;
    }
    w[n] = '\0';
    return w;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(items[*(const int *)a].name, items[*(const int *)b].name);
}

static int *path, npath;          /* the words of the walk break_loop is on */

/* Follow the successors from i, among the words left, until one comes
 * back: the words of that loop are written, and the pair that closed it
 * is dropped. 1 if a loop was found. */
static int break_loop(int i)
{
    items[i].on_path = 1;
    path[npath++] = i;
    for (int k = items[i].nsucc - 1; k >= 0; k--) {
        int j = items[i].succ[k];
        if (j < 0 || items[j].done || items[j].on_path == 2)
            continue;
        if (items[j].on_path) {
            int from = npath - 1;
            while (path[from] != j)
                from--;
            for (int m = from; m < npath; m++)
                fprintf(stderr, PROG ": %s\n", items[path[m]].name);
            items[i].succ[k] = -1;
            items[j].preds--;
        }
        if (items[j].on_path == 1 || break_loop(j)) {
            items[i].on_path = 0;
            npath--;
            return 1;
        }
    }
    items[i].on_path = 2;
    npath--;
    return 0;
}

static int sort(void)
{
    int *queue = xmalloc((size_t)(nitems ? nitems : 1) * sizeof *queue);
    int *order = xmalloc((size_t)(nitems ? nitems : 1) * sizeof *order);
    int head = 0, tail = 0, out = 0, status = 0;
    path = xmalloc((size_t)(nitems ? nitems : 1) * sizeof *path);
    for (int i = 0; i < nitems; i++)
        order[i] = i;
    qsort(order, (size_t)nitems, sizeof *order, by_name);
    for (;;) {
        for (int k = 0; k < nitems; k++) {
            int i = order[k];
            if (!items[i].done && items[i].preds == 0) {
                items[i].done = 1;
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            struct item *p = &items[queue[head++]];
            puts(p->name);
            out++;
            for (int k = p->nsucc - 1; k >= 0; k--) {
                int j = p->succ[k];
                if (j >= 0 && --items[j].preds == 0) {
                    items[j].done = 1;
                    queue[tail++] = j;
                }
            }
        }
        if (out == nitems)
            break;
        fprintf(stderr, PROG ": %s: input contains a loop:\n", input_name);
        status = 1;
        for (int k = 0; k < nitems; k++)
            if (!items[order[k]].done && break_loop(order[k]))
                break;
        for (int k = 0; k < nitems; k++)
            items[k].on_path = 0;
    }
    free(queue);
    free(order);
    free(path);
    return status;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        printf("Usage: " PROG " [FILE]\n"
               "Write totally ordered list consistent with the partial ordering in FILE.\n");
        return 0;
    }
    int first = argc > 1 && strcmp(argv[1], "--") == 0 ? 2 : 1;
    if (argc > first + 1) {
        fprintf(stderr, PROG ": extra operand '%s'\n"
                "Try '" PROG " --help' for more information.\n", argv[first + 1]);
        return 1;
    }
    input_name = argc > first ? argv[first] : "-";
    FILE *in = open_operand(input_name);
    if (!in) {
        fprintf(stderr, PROG ": %s: %s\n", input_name, strerror(errno));
        return 1;
    }
    char *w, *left = NULL;
    while ((w = next_word(in)) != NULL) {
        if (left) {
            add_pair(left, w);
            free(left);
            left = NULL;
        } else {
            left = xstrdup(w);
        }
    }
    if (ferror(in)) {
        fprintf(stderr, PROG ": %s: %s\n", input_name, strerror(errno));
        return 1;
    }
    if (left) {
        fprintf(stderr, PROG ": %s: input contains an odd number of tokens\n", input_name);
        return 1;
    }
    int status = sort();
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 1;
    }
    return status;
}
