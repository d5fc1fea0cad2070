/*
 * order.c - the order of two lines: their keys (-k, fields split at -t or
 * at blanks), compared in turn by formats.c, then, unless -s or -u, all
 * their bytes; and the stable merge sort that puts them in that order.
 */
#include <string.h>
#include "sort.h"

/* Where field f (1-based) starts in the line; len if there is none.
 * Field f starts just past the (f-1)th separator: with -t, the tab
 * character; else the end of a run of non-blanks (a field keeps the
 * blanks before it). One pass over the bytes, not a loop over fields: a
 * loop that steps through memory needs no preemption point (docs/design.md),
 * and so the comparison that calls this is never one that can unwind. */
static size_t field_start(const struct line *l, long f)
{
    if (f <= 1)
        return 0;
    for (size_t i = 0; i < l->len; i++) {
        int ends = tab >= 0 ? l->s[i] == tab
                            : !blank(l->s[i]) && (i + 1 == l->len || blank(l->s[i + 1]));
        if (ends && --f == 1)
            return i + 1;
    }
    return l->len;
}

/* Where field f ends (just past its last byte). */
static size_t field_end(const struct line *l, long f)
{
    size_t i = field_start(l, f);
    if (tab >= 0) {
        const char *t = memchr(l->s + i, tab, l->len - i);
        return t ? (size_t)(t - l->s) : l->len;
    }
    while (i < l->len && blank(l->s[i]))
        i++;
    while (i < l->len && !blank(l->s[i]))
        i++;
    return i;
}

/* Position `chars` characters into the field at i (skipping its blanks
 * first if asked), never beyond `limit`. As in GNU sort, the limit is the
 * end of the line, not of the field: -k 1.5 of "ab cd" starts at "d". */
static size_t advance(const struct line *l, size_t i, long chars, int skip_blanks,
                      size_t limit)
{
    if (skip_blanks)
        while (i < limit && blank(l->s[i]))
            i++;
    return (size_t)chars < limit - i ? i + (size_t)chars : limit;
}

static struct line key_of(const struct line *l, const struct key *k)
{
    size_t start = advance(l, field_start(l, k->sfield), k->schar - 1, k->sblank, l->len);
    size_t end = l->len;
    if (k->efield > 0 && k->echar == 0)
        end = field_end(l, k->efield);
    else if (k->efield > 0)
        end = advance(l, field_start(l, k->efield), k->echar, k->eblank, l->len);
    if (end < start)
        end = start;
    return (struct line){ l->s + start, end - start, NO_NUM };
}

/* Whether lines compare as whole numbers only, read once each (num). */
int by_number_only(void)
{
    return nkeys == 0 && (gflags & (NUMERIC | HUMAN | VERSION | RANDOM | GENERAL)) == NUMERIC;
}

/* Compare by the keys only: 0 means "equal" for -u. */
int compare_keys(const struct line *a, const struct line *b)
{
    if (a->num != NO_NUM && b->num != NO_NUM) {         /* both read already */
        int c = (a->num > b->num) - (a->num < b->num);
        return gflags & REVERSE ? -c : c;
    }
    if (nkeys == 0)
        return compare_with(a, b, gflags);
    for (int i = 0; i < nkeys; i++) {
        struct line ka = key_of(a, &keys[i]), kb = key_of(b, &keys[i]);
        int c = compare_with(&ka, &kb, keys[i].flags & ~BLANKS);
        if (c)
            return c;
    }
    return 0;
}

int compare(const struct line *a, const struct line *b)
{
    int c = compare_keys(a, b);
    if (c || stable || unique)
        return c;
    c = text_compare(a, b, 0);
    return gflags & REVERSE ? -c : c;
}

/* compare, with its commonest case first: two numbers read already and
 * different. (A sort makes twenty comparisons a line.) */
int order(const struct line *a, const struct line *b)
{
    if (a->num != b->num && a->num != NO_NUM && b->num != NO_NUM) {
        int c = a->num < b->num ? -1 : 1;
        return gflags & REVERSE ? -c : c;
    }
    return compare(a, b);
}

/* Stable insertion sort: faster than merging for a few lines. */
static void insertion_sort(struct line *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        struct line x = v[i];
        size_t j = i;
        for (; j > 0 && order(&x, &v[j - 1]) < 0; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* Merge the two sorted runs v[0..h) and v[h..n), stably, using tmp (room
 * for the shorter run): the shorter run moves there and the two merge back
 * into v, from the front if it is the left run, from the back if it is the
 * right one. Where the runs are in order already (all of sorted input is),
 * there is nothing to merge. */
static void merge(struct line *v, struct line *tmp, size_t h, size_t n)
{
    if (order(&v[h - 1], &v[h]) <= 0)
        return;
    if (h <= n - h) {
        size_t i = 0, j = h, k = 0;
        memcpy(tmp, v, h * sizeof *v);
        while (i < h && j < n)
            v[k++] = order(&v[j], &tmp[i]) < 0 ? v[j++] : tmp[i++];
        while (i < h)
            v[k++] = tmp[i++];
    } else {
        size_t i = h, j = n - h, k = n;
        memcpy(tmp, v + h, (n - h) * sizeof *v);
        while (i > 0 && j > 0)
            v[--k] = order(&tmp[j - 1], &v[i - 1]) < 0 ? v[--i] : tmp[--j];
        while (j > 0)
            v[--k] = tmp[--j];
    }
}

/* Stable merge sort of n lines, bottom up, using tmp (room for n / 2):
 * runs of 16 sorted by insertion, then merged in pairs of doubling width.
 * Bottom up rather than recursive: a recursive function gets a preemption
 * point at its entry on the web target, and then asyncify instruments it
 * and everything it calls in its loops (docs/design.md). */
void merge_sort(struct line *v, struct line *tmp, size_t n)
{
    const size_t run = 16;
    for (size_t lo = 0; lo < n; lo += run)
        insertion_sort(v + lo, n - lo < run ? n - lo : run);
    for (size_t w = run; w < n; w *= 2)
        for (size_t lo = 0; lo + w < n; lo += 2 * w)
            merge(v + lo, tmp, w, n - lo < 2 * w ? n - lo : 2 * w);
}
