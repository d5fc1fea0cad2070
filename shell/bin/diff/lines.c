/*
 * lines.c - diff's input: a file read into lines, and the lines of two
 * files numbered by class.
 *
 * Two lines are of one class when they are equal under the options (-b:
 * runs of white space count as one space and trailing white space as
 * none, -w: white space counts as nothing, -i: case is ignored). The
 * last line of a file that ends without a newline is never equal to a
 * line that has one, so that the missing newline shows as a change, as in
 * GNU diff (but for -e, since an ed script cannot say it, and for -b and
 * -w, to which a newline is white space). The rest of diff compares classes, numbers, not text.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../util/util.h"
#include "diff.h"

static unsigned long hash_line(const struct line *l, int incomplete)
{
    unsigned long h = incomplete ? 7 : 5381;
    int space = 0;
    for (size_t i = 0; i < l->len; i++) {
        unsigned char c = (unsigned char)l->s[i];
        if ((opt_w || opt_b) && isspace(c)) {
            space = opt_b && !opt_w;
            continue;
        }
        if (space) {
            h = h * 33 + ' ';
            space = 0;
        }
        h = h * 33 + (unsigned char)(opt_i ? tolower(c) : c);
    }
    return h;
}

/* Lines equal under the options. */
static int same_line(const struct line *a, const struct line *b)
{
    if (!opt_b && !opt_w && !opt_i)
        return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
    size_t i = 0, j = 0;
    for (;;) {
        if (opt_w || opt_b) {
            int sa = 0, sb = 0;
            while (i < a->len && isspace((unsigned char)a->s[i]))
                i++, sa = 1;
            while (j < b->len && isspace((unsigned char)b->s[j]))
                j++, sb = 1;
            if (opt_b && !opt_w && sa != sb && i < a->len && j < b->len)
                return 0;
        }
        if (i == a->len || j == b->len)
            return i == a->len && j == b->len;
        int ca = (unsigned char)a->s[i++], cb = (unsigned char)b->s[j++];
        if (opt_i) {
            ca = tolower(ca);
            cb = tolower(cb);
        }
        if (ca != cb)
            return 0;
    }
}

int read_file(struct file *f, const char *name, int missing_ok)
{
    f->name = name;
    FILE *in = strcmp(name, "-") == 0 ? stdin : NULL;
    memset(&f->st, 0, sizeof f->st);
    if (in)
        fstat(0, &f->st);
    else if (stat(name, &f->st) != 0) {
        if (missing_ok && errno == ENOENT) {
            f->data = xstrdup("");
            f->n = 0;
            f->lines = NULL;
            return 0;
        }
        fflush(stdout);        /* the message after what was printed before */
        warn("%s", name);
        return -1;
    }
    if (!in && !(in = fopen(name, "r"))) {
        fflush(stdout);
        warn("%s", name);
        return -1;
    }
    size_t cap = 65536, len = 0, r;
    f->data = xmalloc(cap);
    while ((r = fread(f->data + len, 1, cap - len, in)) > 0)
        if ((len += r) == cap)
            f->data = xrealloc(f->data, cap *= 2);
    if (in != stdin)
        fclose(in);
    long lcap = 64;
    f->lines = xmalloc((size_t)lcap * sizeof *f->lines);
    f->n = 0;
    f->no_newline = len > 0 && f->data[len - 1] != '\n';
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(f->data + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (f->data + i)) : len - i, step = n + 1;
        if (opt_strip_cr && n > 0 && f->data[i + n - 1] == '\r')
            n--;
        if (f->n == lcap)
            f->lines = xrealloc(f->lines, (size_t)(lcap *= 2) * sizeof *f->lines);
        f->lines[f->n++] = (struct line){ f->data + i, n };
        i += step;
    }
    return 0;
}

/* Number the lines of a and b by class, from 1: an open hash table of
 * the first line of each class, twice as large as the lines. */
void classify(struct file *a, struct file *b)
{
    size_t size = 16;
    while (size < 2 * (size_t)(a->n + b->n))
        size *= 2;
    struct slot { const struct line *l; int incomplete; unsigned long h; long cls; };
    struct slot *table = xcalloc(size, sizeof *table);
    long next = 1;
    struct file *fs[2] = { a, b };
    for (int k = 0; k < 2; k++) {
        struct file *f = fs[k];
        f->cls = xmalloc((size_t)(f->n + 1) * sizeof *f->cls);
        for (long i = 0; i < f->n; i++) {
            int inc = i == f->n - 1 && f->no_newline && style != 'e' && !opt_b && !opt_w;
            unsigned long h = hash_line(&f->lines[i], inc);
            size_t s = h & (size - 1);
            while (table[s].l && !(table[s].h == h && table[s].incomplete == inc &&
                                   same_line(table[s].l, &f->lines[i])))
                s = (s + 1) & (size - 1);
            if (!table[s].l)
                table[s] = (struct slot){ &f->lines[i], inc, h, next++ };
            f->cls[i] = table[s].cls;
        }
        char *c = xcalloc((size_t)f->n + 2, 1);
        f->changed = c + 1;
    }
    free(table);
}

void free_file(struct file *f)
{
    free(f->data);
    free(f->lines);
    free(f->cls);
    if (f->changed)
        free(f->changed - 1);
    f->cls = NULL;
    f->changed = NULL;
}
