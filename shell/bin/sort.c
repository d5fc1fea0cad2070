/*
 * sort - sort lines of text.
 *
 *   sort [-bcCfghmnrRsuVz] [-t CHAR] [-k KEY]... [-o FILE] [FILE...]
 *
 *   -b  ignore leading blanks in keys     -f  fold lower case to upper
 *   -n  compare as numbers                -r  reverse the order
 *   -h  numbers with units (2K < 1M), as du -h and ls -lh print them
 *   -g  numbers as strtod reads them (1e3, inf, nan): no number < NaN <
 *       -inf < numbers < +inf
 *   -V  version order (file-1.9 < file-1.10; util/order.c)
 *   -R  a random order, in which equal keys stay together
 *   -u  output only the first of equal lines
 *   -s  stable: no last-resort comparison of whole lines
 *   -c  only check that the input is sorted (exit 1 and a message if not)
 *   -C  the same, without the message
 *   -m  merge inputs sorted already (sorting them together gives the same)
 *   -z  lines end with a NUL byte, not a newline
 *   -t  fields are separated by CHAR (default: runs of blanks, which
 *       belong to the field that follows them)
 *   -k  F1[.C1][bfghnrRV][,F2[.C2][bfghnrRV]]: the key from field F1 (its
 *       character C1) to field F2 (its character C2; default the end of
 *       the line); a key with no letters of its own takes the global ones
 *   -o  write to FILE, which may be one of the inputs
 *
 * Options may follow the file names, as in GNU sort ("sort FILE -r"),
 * unless POSIXLY_CORRECT is set; "--" ends them.
 *
 * Lines equal in every key are ordered by all their bytes (unless -s or
 * -u), as GNU sort does in the C locale. All input is read into memory
 * and merge-sorted, which is stable. Exit status: 0, 1 (-c: disorder),
 * 2 on an error.
 *
 * What makes it fast on large inputs: with -n on whole lines, each line's
 * number is read once, into a long long when it fits (struct line's num),
 * and two of them compare inline; input already in order is found so in
 * one pass and goes out as it came, with no array of lines made; halves
 * already in order are not merged; and the output goes out in blocks,
 * lines that follow each other in the input as one piece.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <time.h>
#include "newlines.h"
#include "util/order.h"

#define MAX_KEYS 16
#define MIN(a, b) ((a) < (b) ? (a) : (b))

enum { FOLD = 1, NUMERIC = 2, REVERSE = 4, BLANKS = 8, HUMAN = 16, VERSION = 32, RANDOM = 64,
       GENERAL = 128 };

struct key {
    long sfield, schar;        /* start: 1-based field and character */
    long efield, echar;        /* end: 0 = end of line / of the field */
    int flags, sblank, eblank;
};

struct line {
    const char *s;
    size_t len;
    long long num;             /* sort -n of whole lines: the value, or NO_NUM */
};

/* A line's number, read once: most numbers are integers of at most 18
 * digits (a fraction of only zeros counts as none), which fit in a long
 * long and compare as one. Others (fractions, longer numbers) are NO_NUM,
 * a value no such number has, and compare digit by digit. Reading every
 * line's number at every comparison used to be most of sort -n's time. */
#define NO_NUM LLONG_MIN

static struct key keys[MAX_KEYS];
static int nkeys, gflags, stable, unique;
static int tab = -1;           /* -t character, or -1 for blank runs */
static char eol = '\n';        /* what ends a line: -z makes it NUL */
static unsigned long long salt; /* -R: what makes this run's order its own */

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("sort: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    if (!(p = realloc(p, n ? n : 1)))
        die("out of memory");
    return p;
}

static int blank(int c)
{
    return c == ' ' || c == '\t';
}

/* ---- keys -------------------------------------------------------------- */

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

/* ---- comparing ---------------------------------------------------------- */

/* A number as sort -n reads it: blanks, '-', digits, '.', digits. */
struct number {
    int negative;
    const char *ip, *fp;       /* integer digits (no leading zeros), fraction */
    size_t il, fl;             /* (fraction without trailing zeros) */
};

static struct number read_number(const char *s, size_t n)
{
    struct number x = { 0, s, s, 0, 0 };
    size_t i = 0;
    while (i < n && blank(s[i]))
        i++;
    if (i < n && s[i] == '-')
        x.negative = 1, i++;
    while (i < n && s[i] == '0')
        i++;
    for (x.ip = s + i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
        x.il++;
    if (i < n && s[i] == '.')
        for (x.fp = s + ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            x.fl++;
    while (x.fl > 0 && x.fp[x.fl - 1] == '0')
        x.fl--;
    if (x.il == 0 && x.fl == 0)
        x.negative = 0;        /* -0 is 0 */
    return x;
}

/* The number at the start of a line of data, as read_number reads it,
 * as a long long or NO_NUM; *end is where it stopped. The newline that
 * ends every line of data stops it too, so it needs no length: splitting
 * the lines goes on from *end. */
static long long number_key(const char *s, const char **end)
{
    while (blank(*s))
        s++;
    int negative = *s == '-';
    s += negative;
    while (*s == '0')
        s++;
    const char *first = s;
    unsigned long long v = 0;
    for (; *s >= '0' && *s <= '9' && s - first < 19; s++)
        v = v * 10 + (unsigned)(*s - '0');
    *end = s;
    if (s - first > 18)
        return NO_NUM;                         /* might not fit */
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++)
            if (*s != '0')
                return NO_NUM;                 /* a fraction */
        *end = s;
    }
    return negative ? -(long long)v : (long long)v;
}

static int numeric_compare(const struct line *a, const struct line *b)
{
    struct number x = read_number(a->s, a->len), y = read_number(b->s, b->len);
    if (x.negative != y.negative)
        return x.negative ? -1 : 1;
    int c = x.il != y.il ? (x.il < y.il ? -1 : 1) : memcmp(x.ip, y.ip, x.il);
    /* The fractions have no trailing zeros: where one is a prefix of the
     * other, the longer one ends in a digit that is not 0, and is larger. */
    size_t common = x.fl < y.fl ? x.fl : y.fl;
    if (c == 0)
        c = memcmp(x.fp, y.fp, common);
    if (c == 0)
        c = (x.fl > y.fl) - (x.fl < y.fl);
    c = c < 0 ? -1 : c > 0;
    return x.negative ? -c : c;
}

static int text_compare(const struct line *a, const struct line *b, int fold)
{
    size_t n = a->len < b->len ? a->len : b->len;
    for (size_t i = 0; i < n; i++) {
        int ca = (unsigned char)a->s[i], cb = (unsigned char)b->s[i];
        if (fold && ca >= 'a' && ca <= 'z')
            ca -= 32;
        if (fold && cb >= 'a' && cb <= 'z')
            cb -= 32;
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return a->len == b->len ? 0 : a->len < b->len ? -1 : 1;
}

/* -h: the unit first, then the number. */
static int human_compare(const struct line *a, const struct line *b)
{
    int ua = human_unit(a->s, a->len), ub = human_unit(b->s, b->len);
    return ua != ub ? (ua < ub ? -1 : 1) : numeric_compare(a, b);
}

/* -g: the number strtod reads at the start of the key (1e3, 0x1p4, inf,
 * nan) in *v; returns 0 for a key that is no number, 1 for NaN, 2 for a
 * number. */
static int general_value(const struct line *l, double *v)
{
    char buf[128], *end;
    size_t n = l->len < sizeof buf - 1 ? l->len : sizeof buf - 1;
    memcpy(buf, l->s, n);
    buf[n] = '\0';
    *v = strtod(buf, &end);
    if (end == buf)
        return 0;
    return *v != *v ? 1 : 2;
}

/* As GNU sort -g: keys that are no number first, then NaNs, then the
 * numbers from -inf to +inf. */
static int general_compare(const struct line *a, const struct line *b)
{
    double x, y;
    int ka = general_value(a, &x), kb = general_value(b, &y);
    if (ka != kb || ka < 2)
        return (ka > kb) - (ka < kb);
    return (x > y) - (x < y);
}

/* -R: keys compare by a hash of their bytes, mixed with this run's salt
 * (FNV-1a, then a final mix so that similar keys land far apart); equal
 * keys have equal hashes and stay together, and keys whose hashes collide
 * compare as text. */
static unsigned long long key_hash(const struct line *l)
{
    unsigned long long h = 14695981039346656037ULL ^ salt;
    for (size_t i = 0; i < l->len; i++)
        h = (h ^ (unsigned char)l->s[i]) * 1099511628211ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 33);
}

static int random_compare(const struct line *a, const struct line *b)
{
    unsigned long long ha = key_hash(a), hb = key_hash(b);
    return ha != hb ? (ha < hb ? -1 : 1) : text_compare(a, b, 0);
}

static int compare_with(const struct line *a, const struct line *b, int flags)
{
    int c;
    if (flags & RANDOM)
        c = random_compare(a, b);
    else if (flags & HUMAN)
        c = human_compare(a, b);
    else if (flags & VERSION)
        c = version_compare(a->s, a->len, b->s, b->len);
    else if (flags & GENERAL)
        c = general_compare(a, b);
    else if (flags & NUMERIC)
        c = numeric_compare(a, b);
    else if (flags & BLANKS) {
        struct line x = *a, y = *b;
        for (; x.len && blank(*x.s); x.len--)
            x.s++;
        for (; y.len && blank(*y.s); y.len--)
            y.s++;
        c = text_compare(&x, &y, flags & FOLD);
    } else
        c = text_compare(a, b, flags & FOLD);
    return flags & REVERSE ? -c : c;
}

/* Compare by the keys only: 0 means "equal" for -u. */
/* Whether lines compare as whole numbers only, read once each (num). */
static int by_number_only(void)
{
    return nkeys == 0 && (gflags & (NUMERIC | HUMAN | VERSION | RANDOM | GENERAL)) == NUMERIC;
}

static int compare_keys(const struct line *a, const struct line *b)
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

static int compare(const struct line *a, const struct line *b)
{
    int c = compare_keys(a, b);
    if (c || stable || unique)
        return c;
    c = text_compare(a, b, 0);
    return gflags & REVERSE ? -c : c;
}

/* compare, with its commonest case inline: two numbers read already and
 * different. (A sort makes twenty comparisons a line.) */
static inline int order(const struct line *a, const struct line *b)
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
static void merge_sort(struct line *v, struct line *tmp, size_t n)
{
    const size_t run = 16;
    for (size_t lo = 0; lo < n; lo += run)
        insertion_sort(v + lo, n - lo < run ? n - lo : run);
    for (size_t w = run; w < n; w *= 2)
        for (size_t lo = 0; lo + w < n; lo += 2 * w)
            merge(v + lo, tmp, w, n - lo < 2 * w ? n - lo : 2 * w);
}

/* ---- options -------------------------------------------------------------- */

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try 'sort --help' for more information.\n");
    else
        printf("Usage: sort [-bcCfhmnrRsuVz] [-t CHAR] [-k KEY]... [-o FILE] [FILE...]\n"
               "Write the lines of the FILEs (standard input without), sorted.\n");
    exit(status);
}

/* A positive (or, for the end character, non-negative) number. */
static long key_number(const char **p, const char *spec, long min)
{
    char *end;
    if (**p < '0' || **p > '9')
        die("invalid key '%s'", spec);
    long v = strtol(*p, &end, 10);
    if (v < min)
        die("invalid key '%s'", spec);
    *p = end;
    return v;
}

/* The letters after a key position; `at_start` says which 'b' it is. */
static const char *key_letters(const char *p, struct key *k, int at_start, int *own,
                               const char *spec)
{
    for (; *p && *p != ','; p++, *own = 1) {
        switch (*p) {
        case 'b': *(at_start ? &k->sblank : &k->eblank) = 1; break;
        case 'f': k->flags |= FOLD; break;
        case 'n': k->flags |= NUMERIC; break;
        case 'r': k->flags |= REVERSE; break;
        case 'h': k->flags |= HUMAN; break;
        case 'g': k->flags |= GENERAL; break;
        case 'V': k->flags |= VERSION; break;
        case 'R': k->flags |= RANDOM; break;
        default: die("invalid key '%s'", spec);
        }
    }
    return p;
}

static void parse_key(const char *spec, struct key *k, int *own)
{
    const char *p = spec;
    *k = (struct key){ 0 };
    *own = 0;
    k->sfield = key_number(&p, spec, 1);
    k->schar = 1;
    if (*p == '.') {
        p++;
        k->schar = key_number(&p, spec, 1);
    }
    p = key_letters(p, k, 1, own, spec);
    if (*p == ',') {
        p++;
        k->efield = key_number(&p, spec, 1);
        if (*p == '.') {
            p++;
            k->echar = key_number(&p, spec, 0);
        }
        p = key_letters(p, k, 0, own, spec);
    }
    if (*p != '\0')
        die("invalid key '%s'", spec);
}

/* ---- input and output ----------------------------------------------------- */

static char *data;             /* every input, each ending with a newline */
static size_t data_len, data_cap;

static void read_file(const char *name)
{
    int fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "sort: %s: %s\n", name, strerror(errno));
        exit(2);
    }
    size_t begin = data_len;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (unsigned long long)st.st_size < SIZE_MAX / 2 - data_cap) {
        data_cap += (size_t)st.st_size + 65536;        /* room to see the end */
        data = xrealloc(data, data_cap);
    }
    for (;;) {
        if (data_cap - data_len < 65536) {
            data_cap = (data_cap + 65536) * 2;
            data = xrealloc(data, data_cap);
        }
        ssize_t r = read(fd, data + data_len, data_cap - data_len - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fprintf(stderr, "sort: %s: %s\n", name, strerror(errno));
            exit(2);
        }
        if (r == 0)
            break;
        data_len += (size_t)r;
    }
    if (data_len > begin && data[data_len - 1] != eol)
        data[data_len++] = eol;
    if (fd != STDIN_FILENO)
        close(fd);
}

/* n lines from p on into v; returns where the next line starts. */
static const char *split_block(struct line *v, size_t n, const char *p, int by_number)
{
    for (size_t k = 0; k < n; k++) {
        const char *e = p;
        long long num = by_number ? number_key(p, &e) : NO_NUM;
        while (*e != eol)             /* data's lines all end with one */
            e++;
        v[k] = (struct line){ p, (size_t)(e - p), num };
        p = e + 1;
    }
    return p;
}

/* -z's line count. */
static size_t count_nuls(const char *p, size_t n)
{
    size_t count = 0;
    for (const char *end = p + n; (p = memchr(p, '\0', (size_t)(end - p))) != NULL; p++)
        count++;
    return count;
}

/* The lines of data, counted first so that the array is made once.
 * Both passes go a block at a time: a WebAssembly engine optimises a
 * function for its next call only, so a loop over all the data in one
 * call would run as the engine's first, slow translation to its end. */
#define BLOCK 4096
static struct line *split_lines(size_t *n)
{
    int by_number = by_number_only();
    size_t count = 0;
    for (size_t i = 0; i < data_len; i += BLOCK * 16)
        count += eol == '\n' ? count_newlines(data + i, MIN(BLOCK * 16, data_len - i))
                             : count_nuls(data + i, MIN(BLOCK * 16, data_len - i));
    struct line *v = xrealloc(NULL, count * sizeof *v);
    const char *p = data;
    for (size_t k = 0; k < count; k += BLOCK)
        p = split_block(v + k, MIN(BLOCK, count - k), p, by_number);
    *n = count;
    return v;
}

/* ---- input in order already ------------------------------------------------ */

/* A pass over data: the line before, and where the next one starts. */
struct scan {
    struct line prev;
    const char *p, *end;
    int by_number, started;
};

/* Up to BLOCK more lines: 0 at the first one out of order (or, with -u,
 * equal to the one before it), else 1. A block at a time, as in
 * split_lines. */
static int in_order_block(struct scan *sc)
{
    for (int k = 0; k < BLOCK && sc->p < sc->end; k++) {
        const char *p = sc->p, *e = p;
        long long num = sc->by_number ? number_key(p, &e) : NO_NUM;
        while (*e != eol)
            e++;
        struct line cur = { p, (size_t)(e - p), num };
        sc->p = e + 1;
        if (sc->started) {
            int c = order(&sc->prev, &cur);
            if (c > 0 || (unique && c == 0))
                return 0;
        }
        sc->prev = cur;
        sc->started = 1;
    }
    return 1;
}

/* Whether sorting would leave data as it is: then it goes out as it came
 * in, with no array of lines made (input kept in order is common: a
 * sorted file, the output of seq or of another sort). The pass stops at
 * the first line out of order, so input that is not costs little. */
static int in_order(void)
{
    struct scan sc = { .p = data, .end = data + data_len,
                       .by_number = by_number_only() };
    while (sc.p < sc.end)
        if (!in_order_block(&sc))
            return 0;
    return 1;
}

static int checking;            /* -c: 1, -C: 2 */

/* -c: report the first line out of order (-C: only find it). */
static int check(const struct line *v, size_t n, const char *name)
{
    for (size_t i = 1; i < n; i++) {
        int c = compare(&v[i - 1], &v[i]);
        if (c > 0 || (unique && c == 0)) {
            if (checking == 1)
                fprintf(stderr, "sort: %s:%llu: disorder: %.*s\n", name,
                        (unsigned long long)i + 1, (int)v[i].len, v[i].s);
            return 1;
        }
    }
    return 0;
}

/* Whether line i is printed: with -u, only the first of equal lines. */
static int shown(const struct line *v, size_t i)
{
    return !unique || i == 0 || compare_keys(&v[i - 1], &v[i]) != 0;
}

/* The next block of output from line *i on: lines that are shown and
 * follow each other in data (as they do where the input was in order
 * already), each with its newline (every line in data has one after it).
 * Sets *start and returns the length, 0 at the end. */
static size_t next_run(const struct line *v, size_t n, size_t *i, const char **start)
{
    while (*i < n && !shown(v, *i))
        ++*i;
    if (*i == n)
        return 0;
    *start = v[*i].s;
    const char *end = v[*i].s + v[*i].len + 1;
    for (++*i; *i < n && v[*i].s == end && shown(v, *i); ++*i)
        end += v[*i].len + 1;
    return (size_t)(end - *start);
}

/* Blocks of lines go out through buf, a write per 64 KiB instead of a
 * stdio call per line; a block larger than buf goes out as it is. With
 * no lines (v NULL), data goes out as it is. */
static void output(const struct line *v, size_t n, const char *outfile)
{
    FILE *out = stdout;
    if (outfile && !(out = fopen(outfile, "w"))) {
        fprintf(stderr, "sort: %s: %s\n", outfile, strerror(errno));
        exit(2);
    }
    if (!v)
        fwrite(data, 1, data_len, out);
    size_t size = 65536, len = 0, run;
    char *buf = xrealloc(NULL, size);
    const char *start;
    for (size_t i = 0; (run = next_run(v, n, &i, &start)) != 0 && !ferror(out);) {
        if (run > size - len) {
            fwrite(buf, 1, len, out);
            len = 0;
        }
        if (run >= size) {
            fwrite(start, 1, run, out);
        } else {
            memcpy(buf + len, start, run);
            len += run;
        }
    }
    fwrite(buf, 1, len, out);
    free(buf);
    if (fflush(out) != 0 || ferror(out) || (out != stdout && fclose(out) != 0)) {
        fprintf(stderr, "sort: write error: %s\n", strerror(errno));
        exit(2);
    }
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c, const char *arg)
{
    if (!optopt)
        fprintf(stderr, "sort: unrecognized option '%s'\n", arg);
    else if (c == ':')
        fprintf(stderr, "sort: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "sort: invalid option -- '%c'\n", optopt);
}

static const char *outfile;

static void parse_options(int argc, char **argv)
{
    int c, own[MAX_KEYS];
    static const struct option longopts[] = {
        { "ignore-leading-blanks", no_argument, NULL, 'b' },
        { "ignore-case", no_argument, NULL, 'f' },
        { "numeric-sort", no_argument, NULL, 'n' },
        { "human-numeric-sort", no_argument, NULL, 'h' },
        { "general-numeric-sort", no_argument, NULL, 'g' },
        { "version-sort", no_argument, NULL, 'V' },
        { "random-sort", no_argument, NULL, 'R' },
        { "reverse", no_argument, NULL, 'r' },
        { "unique", no_argument, NULL, 'u' },
        { "stable", no_argument, NULL, 's' },
        { "merge", no_argument, NULL, 'm' },
        { "zero-terminated", no_argument, NULL, 'z' },
        { "field-separator", required_argument, NULL, 't' },
        { "key", required_argument, NULL, 'k' },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'H' },
        { NULL, 0, NULL, 0 },
    };
    while ((c = getopt_long(argc, argv, ":bcCfghmnrRsuVzk:t:o:", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': gflags |= BLANKS; break;
        case 'c': checking = 1; break;
        case 'C': checking = 2; break;
        case 'f': gflags |= FOLD; break;
        case 'n': gflags |= NUMERIC; break;
        case 'h': gflags |= HUMAN; break;
        case 'g': gflags |= GENERAL; break;
        case 'V': gflags |= VERSION; break;
        case 'R': gflags |= RANDOM; break;
        case 'm': break;         /* sorting sorted inputs merges them */
        case 'H': usage(0); break;
        case 'z': eol = '\0'; break;
        case 'r': gflags |= REVERSE; break;
        case 's': stable = 1; break;
        case 'u': unique = 1; break;
        case 'o': outfile = optarg; break;
        case 't':
            if (strlen(optarg) != 1)
                die("the separator must be one character: '%s'", optarg);
            tab = (unsigned char)optarg[0];
            break;
        case 'k':
            if (nkeys == MAX_KEYS)
                die("too many keys");
            parse_key(optarg, &keys[nkeys], &own[nkeys]);
            nkeys++;
            break;
        default:
            bad_option(c, argv[optind - 1]);
            usage(2);
        }
    }
    /* A key without letters of its own takes the global ones. */
    for (int i = 0; i < nkeys; i++) {
        if (!own[i]) {
            keys[i].flags = gflags;
            keys[i].sblank = keys[i].eblank = (gflags & BLANKS) != 0;
        }
    }
}

/* -R's salt: the time and the process, as mktemp seeds its names. */
static void seed_random(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    salt = (unsigned long long)time(NULL) * 2654435761ULL ^
           (unsigned long long)getpid() * 40503ULL ^ (unsigned long long)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    parse_options(argc, argv);
    if (checking && argc - optind > 1) {
        fprintf(stderr, "sort: extra operand '%s' not allowed with -%c\n", argv[optind + 1],
                checking == 1 ? 'c' : 'C');
        exit(2);
    }
    seed_random();
    if (optind == argc)
        read_file("-");
    for (int i = optind; i < argc; i++)
        read_file(argv[i]);
    if (!checking && in_order()) {
        output(NULL, 0, outfile);
        free(data);
        return 0;
    }
    size_t n;
    struct line *v = split_lines(&n);
    int status = 0;
    if (checking) {
        status = check(v, n, optind < argc ? argv[optind] : "-");
    } else {
        struct line *tmp = xrealloc(NULL, n / 2 * sizeof *tmp);
        merge_sort(v, tmp, n);
        output(v, n, outfile);
        free(tmp);
    }
    free(v);
    free(data);
    return status;
}
