/*
 * braces.c - brace expansion, a bash extension that students type every
 * day: a{b,c}d is abd acd, {1..5} is 1 2 3 4 5, {a..e..2} is a c e,
 * {01..10} keeps the zeros. It happens first, on the raw word, before any
 * other expansion; quoted braces, ${...} and $(...) are left alone, and a
 * brace with neither a comma nor a sequence inside stays as it is.
 * `set -o posix` turns it off (expand.c).
 */
#include "sh.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The index past the quoted or substituted part at s[i], or i + 1. */
static size_t skip_part(const char *s, size_t len, size_t i)
{
    long r = (long)i + 1;
    if (s[i] == '\\')
        r = (long)i + 2;
    else if (s[i] == '\'')
        r = skip_squote(s, len, i + 1);
    else if (s[i] == '"')
        r = skip_dquote(s, len, i + 1);
    else if (s[i] == '`')
        r = skip_bquote(s, len, i + 1);
    else if (s[i] == '$' && i + 1 < len && (s[i + 1] == '{' || s[i + 1] == '('))
        r = skip_dollar(s, len, i);
    return r < 0 || (size_t)r > len ? len : (size_t)r;
}

/* The matching '}' of the '{' at s[open], and the top-level commas. */
static long find_close(const char *s, size_t len, size_t open, struct wordlist *commas)
{
    int depth = 0;
    for (size_t i = open; i < len; i = skip_part(s, len, i)) {
        if (s[i] == '{') {
            depth++;
        } else if (s[i] == '}' && --depth == 0) {
            return (long)i;
        } else if (s[i] == ',' && depth == 1 && commas) {
            char buf[24];
            snprintf(buf, sizeof buf, "%zu", i);
            wl_add(commas, xstrdup(buf));
        }
    }
    return -1;
}

static bool parse_num(const char *s, size_t n, long *v, int *width)
{
    char buf[32];
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    const char *d = buf + (buf[0] == '-' || buf[0] == '+');
    if (!*d)
        return false;
    for (const char *p = d; *p; p++)
        if (!isdigit((unsigned char)*p))
            return false;
    *v = strtol(buf, NULL, 10);
    *width = d[0] == '0' && d[1] ? (int)n : 0;
    return true;
}

/* {x..y[..step]}: the items, or false if it is no sequence. */
static bool sequence(const char *s, size_t n, struct wordlist *items)
{
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.') {
            dots = s + i;
            break;
        }
    if (!dots)
        return false;
    const char *second = dots + 2, *end = s + n;
    const char *dots2 = NULL;
    for (const char *p = second; p + 1 < end; p++)
        if (p[0] == '.' && p[1] == '.') {
            dots2 = p;
            break;
        }
    const char *yend = dots2 ? dots2 : end;
    long a, b, step = 1;
    int wa, wb, ws;
    if (dots2 && !parse_num(dots2 + 2, (size_t)(end - dots2 - 2), &step, &ws))
        return false;
    if (step < 0)
        step = -step;
    if (step == 0)
        step = 1;
    char buf[40];
    if (parse_num(s, (size_t)(dots - s), &a, &wa) &&
        parse_num(second, (size_t)(yend - second), &b, &wb)) {
        int width = wa > wb ? wa : wb;
        for (long v = a, k = 0; (a <= b ? v <= b : v >= b) && k < 100000; k++) {
            snprintf(buf, sizeof buf, "%0*ld", width, v);
            wl_add(items, xstrdup(buf));
            v += a <= b ? step : -step;
        }
        return true;
    }
    if (dots - s == 1 && yend - second == 1 && isalpha((unsigned char)s[0]) &&
        isalpha((unsigned char)second[0])) {
        int x = (unsigned char)s[0], y = (unsigned char)second[0];
        for (int v = x; x <= y ? v <= y : v >= y; v += x <= y ? (int)step : -(int)step) {
            buf[0] = (char)v;
            buf[1] = '\0';
            wl_add(items, xstrdup(buf));
        }
        return true;
    }
    return false;
}

static void expand_into(const char *s, struct wordlist *out, int depth);

/* The first brace of s that expands, with what precedes and follows it. */
static bool expand_first(const char *s, struct wordlist *out, int depth)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i = skip_part(s, len, i)) {
        if (s[i] != '{' || (i > 0 && s[i - 1] == '$'))
            continue;
        struct wordlist commas = {0}, items = {0};
        long close = find_close(s, len, i, &commas);
        if (close < 0) {
            wl_free(&commas);
            return false;
        }
        if (commas.n) {
            size_t from = i + 1;
            for (int k = 0; k <= commas.n; k++) {
                size_t to = k < commas.n ? (size_t)strtoul(commas.v[k], NULL, 10) : (size_t)close;
                wl_add(&items, xstrndup(s + from, to - from));
                from = to + 1;
            }
        } else if (!sequence(s + i + 1, (size_t)close - i - 1, &items)) {
            wl_free(&commas);
            continue;                       /* {x} stays: look further */
        }
        wl_free(&commas);
        for (int k = 0; k < items.n; k++) {
            struct strbuf b = {0};
            sb_addn(&b, s, i);
            sb_adds(&b, items.v[k]);
            sb_adds(&b, s + close + 1);
            char *w = sb_take(&b);
            expand_into(w, out, depth + 1);
            free(w);
        }
        wl_free(&items);
        return true;
    }
    return false;
}

static void expand_into(const char *s, struct wordlist *out, int depth)
{
    if (depth > 64 || !expand_first(s, out, depth))
        wl_add(out, xstrdup(s));
}

/* false: nothing to expand in raw (the common case, checked quickly). */
bool brace_expand(const char *raw, struct wordlist *out)
{
    if (!strchr(raw, '{') || !strchr(raw, '}'))
        return false;
    if (!expand_first(raw, out, 0)) {
        wl_free(out);
        return false;
    }
    return true;
}
