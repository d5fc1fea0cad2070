/*
 * output.c - diff's output: the changed lines, grouped into hunks, in the
 * normal format ("3c3", "< old", "---", "> new"), as an ed script (-e),
 * in the context (-c, -C N) and unified (-u, -U N) formats, or line by
 * line through the --old/--new/--unchanged-line-format formats.
 *
 * A hunk is a run of changed lines of one file with the run of the other
 * file at the same place. -u and -c print together the hunks that are
 * at most 2 * context unchanged lines apart. -B drops hunks whose lines
 * are all blank. -F RE names, after a hunk's header, the last line
 * before the hunk that matches RE (as GNU diff -F).
 */
#include <ctype.h>
#include <err.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../util/util.h"
#include "diff.h"

struct hunk {
    long a0, a1, b0, b1;       /* changed lines a[a0..a1), b[b0..b1) */
    int ignore;                /* -B: blank lines only */
};

static struct hunk *hunks;
static long nhunks;

/* Empty; with -b or -w, white space only too. */
static int blank(const struct line *l)
{
    if (!opt_b && !opt_w)
        return l->len == 0;
    for (size_t i = 0; i < l->len; i++)
        if (!isspace((unsigned char)l->s[i]))
            return 0;
    return 1;
}

static int all_blank(const struct file *f, long from, long to)
{
    for (long k = from; k < to; k++)
        if (!blank(&f->lines[k]))
            return 0;
    return 1;
}

static void find_hunks(const struct file *a, const struct file *b)
{
    long i = 0, j = 0, cap = 0;
    nhunks = 0;
    while (i < a->n || j < b->n) {
        if (i < a->n && j < b->n && !a->changed[i] && !b->changed[j]) {
            i++, j++;
            continue;
        }
        struct hunk h = { i, i, j, j, 0 };
        while (i < a->n && a->changed[i])
            i++;
        while (j < b->n && b->changed[j])
            j++;
        h.a1 = i;
        h.b1 = j;
        h.ignore = opt_B && all_blank(a, h.a0, h.a1) && all_blank(b, h.b0, h.b1);
        if (nhunks == cap)
            hunks = xrealloc(hunks, (size_t)(cap = cap * 2 + 16) * sizeof *hunks);
        hunks[nhunks++] = h;
    }
}

/* Whether there is a change to report: with -B, hunks of blank lines
 * alone are none (they print only inside a group with a real one). */
int any_change(const struct file *a, const struct file *b)
{
    find_hunks(a, b);
    for (long h = 0; h < nhunks; h++)
        if (!hunks[h].ignore)
            return 1;
    return 0;
}

static void put_line(char mark, const struct file *f, long i, const char *sep)
{
    printf("%c%s", mark, sep);
    fwrite(f->lines[i].s, 1, f->lines[i].len, stdout);
    putchar('\n');
    if (i == f->n - 1 && f->no_newline)
        puts("\\ No newline at end of file");
}

/* "from,to", or "from" alone when the range has one line (or none). */
static void range(long from, long to, char sep)
{
    if (to > from)
        printf("%ld%c%ld", from, sep, to);
    else
        printf("%ld", from);
}

static char hunk_op(const struct hunk *k)
{
    return k->a0 == k->a1 ? 'a' : k->b0 == k->b1 ? 'd' : 'c';
}

static void normal(const struct file *a, const struct file *b)
{
    for (long h = 0; h < nhunks; h++) {
        struct hunk *k = &hunks[h];
        char op = hunk_op(k);
        if (k->ignore)
            continue;
        range(op == 'a' ? k->a0 : k->a0 + 1, k->a1, ',');
        putchar(op);
        range(op == 'd' ? k->b0 : k->b0 + 1, k->b1, ',');
        putchar('\n');
        for (long i = k->a0; i < k->a1; i++)
            put_line('<', a, i, " ");
        if (op == 'c')
            puts("---");
        for (long j = k->b0; j < k->b1; j++)
            put_line('>', b, j, " ");
    }
}

/* -e: the commands that make FILE1 into FILE2 for ed, last change first
 * so that each command's line numbers are still FILE1's. A new line that
 * is a lone "." would end ed's input: it is written "..", then the input
 * is ended and "s/.//" mends it, and "a" goes on appending after it. */
static void ed_script(const struct file *b)
{
    for (long h = nhunks - 1; h >= 0; h--) {
        struct hunk *k = &hunks[h];
        char op = hunk_op(k);
        if (k->ignore)
            continue;
        range(op == 'a' ? k->a0 : k->a0 + 1, k->a1, ',');
        printf("%c\n", op);
        if (op == 'd')
            continue;
        int ended = 0;
        for (long j = k->b0; j < k->b1; j++) {
            const struct line *l = &b->lines[j];
            int dot = l->len == 1 && l->s[0] == '.';
            fwrite(dot ? ".." : l->s, 1, dot ? 2 : l->len, stdout);
            putchar('\n');
            ended = dot;
            if (dot)
                printf(".\ns/.//\n%s", j + 1 < k->b1 ? "a\n" : "");
        }
        if (!ended)
            puts(".");
    }
}

/* --old-line-format and the others: %l the line, %L the line with its
 * newline, %% a percent sign, %c'C' the character C. */
static void format_line(const char *fmt, const struct file *f, long i)
{
    const struct line *l = &f->lines[i];
    for (const char *p = fmt; *p; p++) {
        if (*p != '%' || !p[1]) {
            putchar(*p);
            continue;
        }
        p++;
        if (*p == 'l' || *p == 'L') {
            fwrite(l->s, 1, l->len, stdout);
            if (*p == 'L' && !(i == f->n - 1 && f->no_newline))
                putchar('\n');
        } else if (*p == 'c' && p[1] == '\'' && p[2] && p[3] == '\'') {
            putchar(p[2]);
            p += 3;
        } else {
            putchar(*p);
        }
    }
}

static void line_formats(const struct file *a, const struct file *b)
{
    long i = 0, j = 0;
    for (long h = 0; h <= nhunks; h++) {
        long until = h < nhunks ? hunks[h].a0 : a->n;
        for (; i < until; i++, j++)
            format_line(line_format[2], a, i);
        if (h == nhunks)
            break;
        for (; i < hunks[h].a1; i++)
            format_line(line_format[0], a, i);
        for (; j < hunks[h].b1; j++)
            format_line(line_format[1], b, j);
    }
}

static void header(const char *mark, const struct file *f, int which)
{
    if (nlabels > which) {
        printf("%s %s\n", mark, labels[which]);
        return;
    }
    char when[64] = "";
    time_t t = f->st.st_mtim.tv_sec;
    struct tm *tm = localtime(&t);
    if (tm)
        strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", tm);
    printf("%s %s\t%s.%09ld +0000\n", mark, f->name, when, (long)f->st.st_mtim.tv_nsec);
}

/* Hunks at most 2 * context lines apart print together, and a hunk of
 * -B's blank lines joins at most context lines after the one before; a
 * group of blank hunks alone is not printed. The next group to print
 * from hunk *h on: its first and last hunk in *h and *e, or 0 if none. */
static int next_group(long *h, long *e)
{
    for (; *h < nhunks; *h = *e + 1) {
        *e = *h;
        while (*e + 1 < nhunks && hunks[*e + 1].a0 - hunks[*e].a1 <=
                                      (hunks[*e + 1].ignore ? context - 1 : 2 * context))
            ++*e;
        for (long k = *h; k <= *e; k++)
            if (!hunks[k].ignore)
                return 1;
    }
    return 0;
}

/* -F: the last line before line `before` of a that matches, searching
 * back no further than the previous search began (the line found then
 * still counts). */
static regex_t function_rx;
static long searched_to, function_line = -1;

static int is_function(const struct line *l)
{
    char *s = xstrndup(l->s, l->len);
    int hit = regexec(&function_rx, s, 0, NULL, 0) == 0;
    free(s);
    return hit;
}

static void put_function(const struct file *a, long before)
{
    if (!function_re)
        return;
    for (long i = before - 1; i >= searched_to; i--)
        if (is_function(&a->lines[i])) {
            function_line = i;
            break;
        }
    searched_to = before;
    if (function_line >= 0) {
        const struct line *l = &a->lines[function_line];
        putchar(' ');
        fwrite(l->s, 1, l->len < 40 ? l->len : 40, stdout);
    }
}

/* The lines a group of hunks h..e shows, with its context. */
static void group_lines(const struct file *a, long h, long e, long *a0, long *b0, long *a1,
                        long *b1)
{
    *a0 = hunks[h].a0 - context < 0 ? 0 : hunks[h].a0 - context;
    *b0 = hunks[h].b0 - (hunks[h].a0 - *a0);
    *a1 = hunks[e].a1 + context > a->n ? a->n : hunks[e].a1 + context;
    *b1 = hunks[e].b1 + (*a1 - hunks[e].a1);
}

/* A unified range: "start,count", or "start" for one line; an empty
 * range starts at the line before it. */
static void unified_range(long from, long to)
{
    if (to - from == 1)
        printf("%ld", from + 1);
    else
        printf("%ld,%ld", to > from ? from + 1 : from, to - from);
}

static void unified(const struct file *a, const struct file *b)
{
    header("---", a, 0);
    header("+++", b, 1);
    for (long h = 0, e; next_group(&h, &e); h = e + 1) {
        long a0, b0, a1, b1;
        group_lines(a, h, e, &a0, &b0, &a1, &b1);
        printf("@@ -");
        unified_range(a0, a1);
        printf(" +");
        unified_range(b0, b1);
        printf(" @@");
        put_function(a, a0);
        putchar('\n');
        long i = a0, j = b0;
        for (long k = h; k <= e; k++) {
            for (; i < hunks[k].a0; i++, j++)
                put_line(' ', a, i, "");
            for (; i < hunks[k].a1; i++)
                put_line('-', a, i, "");
            for (; j < hunks[k].b1; j++)
                put_line('+', b, j, "");
        }
        for (; i < a1; i++, j++)
            put_line(' ', a, i, "");
    }
}

/* One side of a group of hunks h..e in a context diff: the header of
 * its lines from..to, then those lines, unless this side changed none of
 * them. A changed line is '!' where the other side changed too, else '-'
 * (old side) or '+' (new side). */
static void context_side(const struct file *f, int old, long h, long e, long from, long to)
{
    printf(old ? "*** " : "--- ");
    range(to > from ? from + 1 : from, to, ',');
    puts(old ? " ****" : " ----");
    int any = 0;
    for (long k = h; k <= e; k++)
        any |= old ? hunks[k].a1 > hunks[k].a0 : hunks[k].b1 > hunks[k].b0;
    if (!any)
        return;
    long i = from;
    for (long k = h; k <= e; k++) {
        long c0 = old ? hunks[k].a0 : hunks[k].b0, c1 = old ? hunks[k].a1 : hunks[k].b1;
        int other = old ? hunks[k].b1 > hunks[k].b0 : hunks[k].a1 > hunks[k].a0;
        for (; i < c0; i++)
            put_line(' ', f, i, " ");
        for (; i < c1; i++)
            put_line(other ? '!' : old ? '-' : '+', f, i, " ");
    }
    for (; i < to; i++)
        put_line(' ', f, i, " ");
}

static void context_diff(const struct file *a, const struct file *b)
{
    header("***", a, 0);
    header("---", b, 1);
    for (long h = 0, e; next_group(&h, &e); h = e + 1) {
        long a0, b0, a1, b1;
        group_lines(a, h, e, &a0, &b0, &a1, &b1);
        printf("***************");
        put_function(a, a0);
        putchar('\n');
        context_side(a, 1, h, e, a0, a1);
        context_side(b, 0, h, e, b0, b1);
    }
}

/* The hunks of any_change, in the format asked for. */
void print_changes(struct file *a, struct file *b)
{
    if (function_re) {
        if (regcomp(&function_rx, function_re, REG_NOSUB) != 0)
            errx(2, "invalid regular expression '%s'", function_re);
        searched_to = 0;
        function_line = -1;
    }
    if (style == 'u')
        unified(a, b);
    else if (style == 'c')
        context_diff(a, b);
    else if (style == 'e')
        ed_script(b);
    else if (style == 'f')
        line_formats(a, b);
    else
        normal(a, b);
    if (function_re)
        regfree(&function_rx);
}
