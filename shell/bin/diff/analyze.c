/*
 * analyze.c - which lines changed: the choice GNU diff makes.
 *
 * Many edit scripts are equally short; users compare our output with
 * GNU's, so diff picks the one GNU picks, in four steps:
 *
 * 1. The lines both files start with, and those they end with, byte for
 *    byte, are left out, but for as many as the context of the output (the "horizon"),
 *    so that a change may still move into them in step 4.
 * 2. A line of one file that occurs nowhere in the other is certainly
 *    changed: it is set aside ("discarded") before the search, which is
 *    then smaller and cannot match it. A line that occurs very often in
 *    the other file is set aside too when it sits among certain ones
 *    (it would otherwise give the search many useless matches).
 * 3. Myers' O(ND) algorithm in linear space ("An O(ND) Difference
 *    Algorithm and Its Variations", 1986) on the lines left: find the
 *    middle of a shortest edit path by searching forward from the start
 *    and backward from the end at once, then solve both halves the same
 *    way. Ties go to deleting first. When the search grows too costly on
 *    a large input, the furthest point reached is taken instead (not a
 *    shortest script then; --minimal never gives up).
 * 4. Every run of changed lines is slid as far down as equal lines allow
 *    (merging with the runs it meets), then back up to where it lines up
 *    with a run of changes in the other file, if it did: so a change is
 *    reported at the last of its equivalent places.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "../util/util.h"
#include "diff.h"

/* ---- step 2: setting lines aside ------------------------------------------ */

/* The marks: 0 kept, 1 set aside for certain, 2 set aside if among 1s. */
enum { KEEP, CERTAIN, MAYBE };

/* Cancel the MAYBE marks of mark[from..to), walking from `from` in steps
 * of `dir`, until three CERTAIN marks in a row, or a CERTAIN one eight
 * lines in: the edges of a run of set-aside lines stay matchable. */
static void clear_edge(char *mark, long from, long len, int dir)
{
    long consec = 0;
    for (long j = 0; j < len; j++) {
        char *m = &mark[from + dir * j];
        if (j >= 8 && *m == CERTAIN)
            break;
        if (*m == MAYBE)
            *m = KEEP, consec = 0;
        else if (*m == KEEP)
            consec = 0;
        else if (++consec == 3)
            break;
    }
}

/* Settle the MAYBE marks of the run mark[i..end), which starts with a
 * CERTAIN one: they stay set aside only inside the run, away from its
 * edges, when they are few and in short stretches. */
static void settle_run(char *mark, long i, long end, long maybes)
{
    while (end > i && mark[end - 1] == MAYBE)
        mark[--end] = KEEP, maybes--;
    long len = end - i;
    if (4 * maybes > len) {
        for (long j = i; j < end; j++)
            if (mark[j] == MAYBE)
                mark[j] = KEEP;
        return;
    }
    long longest = 1;          /* about the square root of len / 4, plus one */
    for (long t = len >> 2; (t >>= 2) > 0;)
        longest <<= 1;
    longest++;
    for (long j = i; j < end;) {
        long k = j;
        while (k < end && mark[k] == MAYBE)
            k++;
        if (k - j >= longest)
            for (long q = j; q < k; q++)
                mark[q] = KEEP;
        j = k > j ? k : j + 1;
    }
    clear_edge(mark, i, len, 1);
    clear_edge(mark, end - 1, len, -1);
}

/* Mark the lines [lo, hi) of f given how often each class occurs in the
 * same part of the other file. */
static void mark_lines(const struct file *f, long lo, long hi, const long *other, char *mark)
{
    long many = 5;             /* about the square root of the lines */
    for (long t = (hi - lo) / 64; (t >>= 2) > 0;)
        many *= 2;
    for (long i = lo; i < hi; i++) {
        long n = other[f->cls[i]];
        mark[i - lo] = n == 0 ? CERTAIN : n > many ? MAYBE : KEEP;
    }
    for (long i = 0; i < hi - lo; i++) {
        if (mark[i] == MAYBE)
            mark[i] = KEEP;    /* not inside a run of CERTAIN ones */
        else if (mark[i] == CERTAIN) {
            long end = i, maybes = 0;
            for (; end < hi - lo && mark[end] != KEEP; end++)
                maybes += mark[end] == MAYBE;
            settle_run(mark, i, end, maybes);
            i = end - 1;
        }
    }
}

/* ---- step 3: Myers' search ------------------------------------------------ */

/* The lines searched: classes, and where each is in its file. */
static long *xs, *ys, *xpos, *ypos;
static struct file *fa, *fb;
/* Per diagonal k = x - y (offset so that k may be negative): the
 * furthest x a forward path reaches, the least x a backward one. */
static long *fwd, *bwd, too_costly;

struct split {
    long x, y;
    int lo_minimal, hi_minimal;  /* whether each half must be searched fully */
};

/* When the search has gone on too long: the point of the forward or
 * backward paths that got furthest from its own end. */
static void give_up(long x0, long x1, long y0, long y1, long flo, long fhi, long blo, long bhi,
                    struct split *s)
{
    long fbest = -1, fx = 0, bbest = LONG_MAX, bx = 0;
    for (long k = fhi; k >= flo; k -= 2) {
        long x = fwd[k] < x1 ? fwd[k] : x1, y = x - k;
        if (y > y1)
            x = y1 + k, y = y1;
        if (x + y > fbest)
            fbest = x + y, fx = x;
    }
    for (long k = bhi; k >= blo; k -= 2) {
        long x = bwd[k] > x0 ? bwd[k] : x0, y = x - k;
        if (y < y0)
            x = y0 + k, y = y0;
        if (x + y < bbest)
            bbest = x + y, bx = x;
    }
    if ((x1 + y1) - bbest < fbest - (x0 + y0))
        *s = (struct split){ fx, fbest - fx, 1, 0 };
    else
        *s = (struct split){ bx, bbest - bx, 0, 1 };
}

static void middle(long x0, long x1, long y0, long y1, int minimal, struct split *s)
{
    long kmin = x0 - y1, kmax = x1 - y0, fk = x0 - y0, bk = x1 - y1;
    long flo = fk, fhi = fk, blo = bk, bhi = bk;
    int odd = (fk - bk) & 1;
    fwd[fk] = x0;
    bwd[bk] = x1;
    for (long cost = 1;; cost++) {
        /* forward: one more edit on each diagonal, then along equal lines */
        if (flo > kmin)
            fwd[--flo - 1] = -1;
        else
            flo++;
        if (fhi < kmax)
            fwd[++fhi + 1] = -1;
        else
            fhi--;
        for (long k = fhi; k >= flo; k -= 2) {
            long x = fwd[k - 1] < fwd[k + 1] ? fwd[k + 1] : fwd[k - 1] + 1, y = x - k;
            while (x < x1 && y < y1 && xs[x] == ys[y])
                x++, y++;
            fwd[k] = x;
            if (odd && blo <= k && k <= bhi && bwd[k] <= x) {
                *s = (struct split){ x, y, 1, 1 };
                return;
            }
        }
        /* backward, the same from the end */
        if (blo > kmin)
            bwd[--blo - 1] = LONG_MAX;
        else
            blo++;
        if (bhi < kmax)
            bwd[++bhi + 1] = LONG_MAX;
        else
            bhi--;
        for (long k = bhi; k >= blo; k -= 2) {
            long x = bwd[k - 1] < bwd[k + 1] ? bwd[k - 1] : bwd[k + 1] - 1, y = x - k;
            while (x > x0 && y > y0 && xs[x - 1] == ys[y - 1])
                x--, y--;
            bwd[k] = x;
            if (!odd && flo <= k && k <= fhi && x <= fwd[k]) {
                *s = (struct split){ x, y, 1, 1 };
                return;
            }
        }
        if (!minimal && cost >= too_costly) {
            give_up(x0, x1, y0, y1, flo, fhi, blo, bhi, s);
            return;
        }
    }
}

static void search(long x0, long x1, long y0, long y1, int minimal)
{
    while (x0 < x1 && y0 < y1 && xs[x0] == ys[y0])
        x0++, y0++;
    while (x0 < x1 && y0 < y1 && xs[x1 - 1] == ys[y1 - 1])
        x1--, y1--;
    if (x0 == x1)
        while (y0 < y1)
            fb->changed[ypos[y0++]] = 1;
    else if (y0 == y1)
        while (x0 < x1)
            fa->changed[xpos[x0++]] = 1;
    else {
        struct split s;
        middle(x0, x1, y0, y1, minimal, &s);
        search(x0, s.x, y0, s.y, s.lo_minimal);
        search(s.x, x1, s.y, y1, s.hi_minimal);
    }
}

/* ---- step 4: sliding the runs of changes ----------------------------------- */

/* The lines [lo, hi) of f, against the changes of the other file g in
 * [glo, ghi): both have the same number of unchanged lines there. */
static void slide(struct file *f, long lo, long hi, const struct file *g, long glo)
{
    char *ch = f->changed;
    const char *other = g->changed;
    const long *cls = f->cls;
    long i = lo, j = glo;
    for (;;) {
        while (i < hi && !ch[i]) {     /* to the next run; j keeps level in g */
            while (other[j++])
                ;
            i++;
        }
        if (i == hi)
            return;
        long start = i, len, lined_up;
        while (ch[++i])
            ;
        while (other[j])
            j++;
        do {
            len = i - start;
            /* up while the line above equals the run's last, merging runs */
            while (start > lo && cls[start - 1] == cls[i - 1]) {
                ch[--start] = 1;
                ch[--i] = 0;
                while (start > lo && ch[start - 1])
                    start--;
                while (other[--j])
                    ;
            }
            lined_up = other[j - 1] ? i : hi;
            /* down while the line below equals the run's first */
            while (i < hi && cls[start] == cls[i]) {
                ch[start++] = 0;
                ch[i++] = 1;
                while (i < hi && ch[i])
                    i++;
                while (other[++j])
                    lined_up = i;
            }
        } while (len != i - start);
        while (lined_up < i) {         /* back to where the other file's run is */
            ch[--start] = 1;
            ch[--i] = 0;
            while (other[--j])
                ;
        }
    }
}

/* ---- the steps together -------------------------------------------------- */

/* Lines the same byte for byte, newline and all (step 1 looks at bytes,
 * not classes, as GNU diff does). */
static int identical(const struct file *a, long i, const struct file *b, long j)
{
    const struct line *x = &a->lines[i], *y = &b->lines[j];
    return x->len == y->len && memcmp(x->s, y->s, x->len) == 0 &&
           (style == 'e' ||
            (i == a->n - 1 && a->no_newline) == (j == b->n - 1 && b->no_newline));
}

void analyze(struct file *a, struct file *b)
{
    long n = a->n < b->n ? a->n : b->n, head = 0, tail = 0;
    while (head < n && identical(a, head, b, head))
        head++;
    long horizon = style == 'u' || style == 'c' ? context : 0;
    head = head > horizon ? head - horizon : 0;
    if (style == 'e' || a->no_newline == b->no_newline)
        while (tail < n - head && identical(a, a->n - 1 - tail, b, b->n - 1 - tail))
            tail++;
    tail = tail > horizon ? tail - horizon : 0;
    long an = a->n - head - tail, bn = b->n - head - tail;

    /* how often each class occurs in each file's part */
    long classes = 1;
    for (long i = 0; i < a->n; i++)
        classes = a->cls[i] >= classes ? a->cls[i] + 1 : classes;
    for (long i = 0; i < b->n; i++)
        classes = b->cls[i] >= classes ? b->cls[i] + 1 : classes;
    long *count_a = xcalloc((size_t)classes, sizeof *count_a);
    long *count_b = xcalloc((size_t)classes, sizeof *count_b);
    for (long i = head; i < head + an; i++)
        count_a[a->cls[i]]++;
    for (long i = head; i < head + bn; i++)
        count_b[b->cls[i]]++;
    char *mark_a = xcalloc((size_t)an + 1, 1), *mark_b = xcalloc((size_t)bn + 1, 1);
    if (!opt_minimal) {
        mark_lines(a, head, head + an, count_b, mark_a);
        mark_lines(b, head, head + bn, count_a, mark_b);
    }

    /* the lines kept are searched; the others changed */
    xs = xmalloc((size_t)(an + 1) * sizeof *xs);
    xpos = xmalloc((size_t)(an + 1) * sizeof *xpos);
    ys = xmalloc((size_t)(bn + 1) * sizeof *ys);
    ypos = xmalloc((size_t)(bn + 1) * sizeof *ypos);
    long nx = 0, ny = 0;
    for (long i = 0; i < an; i++)
        if (mark_a[i] == KEEP)
            xs[nx] = a->cls[head + i], xpos[nx++] = head + i;
        else
            a->changed[head + i] = 1;
    for (long i = 0; i < bn; i++)
        if (mark_b[i] == KEEP)
            ys[ny] = b->cls[head + i], ypos[ny++] = head + i;
        else
            b->changed[head + i] = 1;

    long diags = nx + ny + 3;
    too_costly = 1;
    for (long d = diags; d != 0; d >>= 2)
        too_costly <<= 1;
    if (too_costly < 4096)
        too_costly = 4096;
    long *fw = xmalloc((size_t)diags * 2 * sizeof *fw);
    fwd = fw + ny + 1;
    bwd = fw + diags + ny + 1;
    fa = a;
    fb = b;
    search(0, nx, 0, ny, opt_minimal);

    slide(a, head, head + an, b, head);
    slide(b, head, head + bn, a, head);

    free(fw);
    free(xs);
    free(ys);
    free(xpos);
    free(ypos);
    free(mark_a);
    free(mark_b);
    free(count_a);
    free(count_b);
}
