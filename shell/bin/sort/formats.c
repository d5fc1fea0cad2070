/*
 * formats.c - how two keys compare, by the letters of the key (or the
 * global options): as text, byte by byte, upper case folded or not (-f);
 * as numbers (-n); as sizes with units, 2K < 1M (-h); as the numbers
 * strtod reads, 1e3, inf, nan (-g); as versions (-V, util/order.c); or
 * by a hash of their bytes, a random order that keeps equal keys together
 * (-R). Also how a whole line's number is read once, for sort -n.
 */
#include <stdlib.h>
#include <string.h>
#include "sort.h"
#include "../util/order.h"

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
long long number_key(const char *s, const char **end)
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

int text_compare(const struct line *a, const struct line *b, int fold)
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

int compare_with(const struct line *a, const struct line *b, int flags)
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
