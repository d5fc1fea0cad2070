/*
 * param.c - parameters and what the ${...} operators do to their values.
 *
 * The expander (expand.c) walks a word and, at each $, asks here for the
 * parameter's name and value: the special parameters ($? $$ $! $# $0 $1
 * ... $- $@ $*) come from the shell's state, the others are variables
 * (vars.c). The operators that work on a value as a string are here too:
 *
 *   ${x#pat} ${x##pat}     x without its shortest / longest prefix matching pat
 *   ${x%pat} ${x%%pat}     the same with a suffix
 *   ${x:off:len}           a part of x                          (bash)
 *   ${x/pat/rep}           pat replaced by rep, // every one,
 *                          /# at the start, /% at the end       (bash)
 *   ${x^} ${x^^} ${x,} ${x,,}   first / every letter in upper / lower case (bash)
 *
 * The operators that expand a word of their own (- = ? +) are in expand.c,
 * because the word's quotes decide how its fields split.
 */
#include "sh.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *number(long v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%ld", v);
    return xstrdup(buf);
}

/* The length of the parameter name at the start of s (n bytes): one
 * special character, digits, or a variable name. */
size_t param_name_length(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    if (strchr("?$!#-@*", s[0]))
        return 1;
    size_t i = 0;
    if (isdigit((unsigned char)s[0])) {
        while (i < n && isdigit((unsigned char)s[i]))
            i++;
        return i;
    }
    while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_'))
        i++;
    return is_name(s, i) ? i : 0;
}

/* "$*": the positional parameters joined by the first character of IFS
 * (by nothing if IFS is empty, by a space if it is unset). */
char *positional_star(void)
{
    struct strbuf b = {0};
    const char *ifs = var_get("IFS");
    char sep = ifs ? ifs[0] : ' ';
    for (int k = 0; k < sh.argc; k++) {
        if (k && sep)
            sb_addc(&b, sep);
        sb_adds(&b, sh.argv[k]);
    }
    return sb_take(&b);
}

/* The value of the parameter named by s[0..n), or NULL if it is unset. */
char *param_lookup(const char *s, size_t n)
{
    if (n == 1 && !isalnum((unsigned char)s[0]) && s[0] != '_') {
        switch (s[0]) {
        case '?': return number(sh.status);
        case '$': return number(sh.pid);
        case '!': return sh.last_bg ? number(sh.last_bg) : NULL;
        case '#': return number(sh.argc);
        case '-': return option_flags();
        case '@':
        case '*': return sh.argc ? positional_star() : NULL;
        }
        return NULL;
    }
    if (isdigit((unsigned char)s[0])) {
        long k = 0;
        for (size_t i = 0; i < n && k < 1000000; i++)
            k = k * 10 + (s[i] - '0');
        if (k == 0)
            return xstrdup(sh.arg0);
        return k <= sh.argc ? xstrdup(sh.argv[k - 1]) : NULL;
    }
    char *name = xstrndup(s, n);
    const char *v = var_get(name);
    free(name);
    return v ? xstrdup(v) : NULL;
}

/* ---- ${x#pat} and friends ------------------------------------------------------ */

char *str_trim(char *value, const char *pat, bool suffix, bool longest)
{
    size_t n = strlen(value);
    for (size_t k = 0; k <= n; k++) {
        size_t cut = longest ? n - k : k;        /* length of the part removed */
        bool hit;
        if (suffix) {
            hit = pattern_match(pat, value + n - cut);
        } else {
            char save = value[cut];
            value[cut] = '\0';
            hit = pattern_match(pat, value);
            value[cut] = save;
        }
        if (hit) {
            char *r = suffix ? xstrndup(value, n - cut) : xstrdup(value + cut);
            free(value);
            return r;
        }
    }
    return value;
}

/* The longest match of pat starting at s, its length; -1 if none. */
static long match_at(const char *s, const char *pat, bool to_end)
{
    size_t n = strlen(s);
    char *copy = xstrdup(s);
    for (size_t len = n + 1; len-- > 0;) {
        if (to_end && len != n)
            break;
        copy[len] = '\0';
        if (pattern_match(pat, copy)) {
            free(copy);
            return (long)len;
        }
    }
    free(copy);
    return -1;
}

/* ${x/pat/rep}: mode '/' every match, '#' at the start, '%' at the end,
 * 0 the first. An empty pattern matches nothing. */
char *str_replace(char *value, const char *pat, const char *rep, char mode)
{
    if (!*pat)
        return value;
    struct strbuf b = {0};
    size_t n = strlen(value), i = 0;
    bool done = false;
    while (i <= n) {
        long m = -1;
        if (!done && (mode != '#' || i == 0))
            m = match_at(value + i, pat, mode == '%');
        if (m > 0 || (m == 0 && mode == '%')) {
            sb_adds(&b, rep);
            i += (size_t)m;
            if (mode != '/')
                done = true;
            continue;
        }
        if (i < n)
            sb_addc(&b, value[i]);
        i++;
    }
    free(value);
    return sb_take(&b);
}

/* ${x^pat} ${x^^pat} ${x,pat} ${x,,pat}: an empty pattern is every character. */
char *str_case(char *value, const char *pat, bool upper, bool all)
{
    for (char *p = value; *p; p++) {
        char one[2] = { *p, 0 };
        if (!*pat || pattern_match(pat, one))
            *p = (char)(upper ? toupper((unsigned char)*p) : tolower((unsigned char)*p));
        if (!all)
            break;
    }
    return value;
}

/* ${x:off:len}; a negative offset counts from the end, a negative length
 * stops that far from the end. false: len < 0 past the offset. */
bool str_substr(char **value, long long off, bool has_len, long long len)
{
    long long n = (long long)strlen(*value);
    if (off < 0)
        off = n + off < 0 ? n + 1 : n + off;        /* before the start: nothing */
    if (off > n) {
        (*value)[0] = '\0';
        return true;
    }
    long long end = n;
    if (has_len)
        end = len < 0 ? n + len : off + len > n ? n : off + len;
    if (end < off) {
        sh_error("%lld: substring expression < 0", len);
        return false;
    }
    char *r = xstrndup(*value + off, (size_t)(end - off));
    free(*value);
    *value = r;
    return true;
}
