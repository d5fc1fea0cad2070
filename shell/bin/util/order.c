/*
 * order.c - orderings of text for sort -V and sort -h (see order.h).
 *
 * The version order is the one GNU documents for sort -V and ls -v
 * ("Version sort ordering" in coreutils' manual), which Debian's package
 * versions follow: a name is cut into alternating runs of non-digits and
 * digits; runs of non-digits compare a character at a time, where '~'
 * comes before anything (the end of the run included), then the end,
 * then letters, then every other byte; runs of digits compare as
 * numbers, leading zeros ignored. A name's suffix - the longest tail
 * matching (\.[A-Za-z~][A-Za-z0-9~]*)*$ - is set aside at first, so that
 * "a-1.10.tar.gz" and "a-1.9.tar.gz" compare as "a-1.10" and "a-1.9".
 */
#include "order.h"

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* The weight of s[i] within a run of non-digits; the end of s (or of
 * the run, at a digit) weighs 0. */
static int weight(const char *s, size_t n, size_t i)
{
    if (i == n || is_digit(s[i]))
        return 0;
    int c = (unsigned char)s[i];
    if (c == '~')
        return -1;
    if (is_alpha(c))
        return c;
    return c + 256;
}

/* The version order of two strings, suffixes included. */
static int runs_compare(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0;
    while (i < alen || j < blen) {
        /* a run of non-digits in either */
        while ((i < alen && !is_digit(a[i])) || (j < blen && !is_digit(b[j]))) {
            int wa = weight(a, alen, i), wb = weight(b, blen, j);
            if (wa != wb)
                return wa < wb ? -1 : 1;
            i++, j++;
        }
        /* then a run of digits in both (either may be empty) */
        while (i < alen && a[i] == '0')
            i++;
        while (j < blen && b[j] == '0')
            j++;
        size_t da = i, db = j;
        while (da < alen && is_digit(a[da]))
            da++;
        while (db < blen && is_digit(b[db]))
            db++;
        if (da - i != db - j)                  /* more digits: larger */
            return da - i < db - j ? -1 : 1;
        for (; i < da; i++, j++)
            if (a[i] != b[j])
                return a[i] < b[j] ? -1 : 1;
    }
    return 0;
}

/* Where s's suffix starts (n if it has none). A suffix starts at a '.'
 * followed by a letter or '~'; its parts run on over letters, digits and
 * '~' to the next such '.' or the end. A hidden name such as ".profile"
 * may be all suffix, as in GNU sort: then what decides is the second
 * comparison, of the whole names. */
static size_t suffix_start(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = i;
        while (k + 1 < n && s[k] == '.' && (is_alpha(s[k + 1]) || s[k + 1] == '~')) {
            k += 2;
            while (k < n && (is_alpha(s[k]) || is_digit(s[k]) || s[k] == '~'))
                k++;
        }
        if (k == n && k > i)
            return i;
        if (k > i)
            i = k - 1;             /* a part cannot start inside another */
    }
    return n;
}

int version_compare(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen == 0 || blen == 0)
        return (alen != 0) - (blen != 0);
    /* ".", "..", other hidden names, then the rest */
    if (a[0] == '.' || b[0] == '.') {
        if (a[0] != b[0])
            return a[0] == '.' ? -1 : 1;
        int ra = alen == 1 ? 0 : alen == 2 && a[1] == '.' ? 1 : 2;
        int rb = blen == 1 ? 0 : blen == 2 && b[1] == '.' ? 1 : 2;
        if (ra != rb || ra < 2)
            return ra - rb;
    }
    size_t pa = suffix_start(a, alen), pb = suffix_start(b, blen);
    int c = runs_compare(a, pa, b, pb);
    if (c || (pa == alen && pb == blen))
        return c;
    return runs_compare(a, alen, b, blen);
}

int human_unit(const char *s, size_t n)
{
    static const char units[] = "KMGTPEZYRQ";
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    int negative = i < n && s[i] == '-';
    i += negative;
    int nonzero = 0, point = 0;
    for (; i < n && (is_digit(s[i]) || (s[i] == '.' && !point)); i++) {
        point |= s[i] == '.';
        nonzero |= is_digit(s[i]) && s[i] != '0';
    }
    if (!nonzero || i == n)
        return 0;
    int c = s[i] == 'k' ? 'K' : s[i];
    for (int u = 0; units[u]; u++)
        if (units[u] == c)
            return negative ? -(u + 1) : u + 1;
    return 0;
}
