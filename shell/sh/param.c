/*
 * param.c - parameter expansion: $name, ${name}, the special parameters
 * ($? $$ $! $# $0 $1 ... $@ $* $-) and the ${...} operators:
 *
 *   ${x:-word} ${x-word}   word if x is unset (or, with ':', empty)
 *   ${x:=word} ${x=word}   the same, and assign it
 *   ${x:+word} ${x+word}   word if x is set (and not empty)
 *   ${x:?word} ${x?word}   x, or an error with word as message
 *   ${#x}                  the length of x
 *   ${x#pat} ${x##pat}     x without its shortest / longest prefix matching pat
 *   ${x%pat} ${x%%pat}     the same with a suffix
 *
 * The expander (expand.c) calls param_expand at a '$' and adds the value it
 * returns; $@ and $* come back as markers, since only the expander knows
 * how to turn the positional parameters into fields.
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

static char *option_flags(void)
{
    struct strbuf b = {0};
    if (sh.errexit)
        sb_addc(&b, 'e');
    if (sh.interactive)
        sb_addc(&b, 'i');
    if (sh.noglob)
        sb_addc(&b, 'f');
    if (sh.xtrace)
        sb_addc(&b, 'x');
    return sb_take(&b);
}

/* The value of a parameter named by s[0..n), or NULL if it is unset. */
static char *lookup(const char *s, size_t n)
{
    if (n == 1 && !isalnum((unsigned char)s[0]) && s[0] != '_') {
        switch (s[0]) {
        case '?': return number(sh.status);
        case '$': return number(sh.pid);
        case '!': return sh.last_bg ? number(sh.last_bg) : NULL;
        case '#': return number(sh.argc);
        case '-': return option_flags();
        }
        return NULL;
    }
    if (isdigit((unsigned char)s[0])) {
        long k = 0;
        for (size_t i = 0; i < n; i++)
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

/* The length of the parameter name at the start of s (n bytes). */
static size_t name_length(const char *s, size_t n)
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

static char *positional_joined(void)
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

/* ---- ${x#pat} and friends ------------------------------------------------------ */

static char *trim(char *value, const char *pat, bool suffix, bool longest)
{
    size_t n = strlen(value);
    for (size_t k = 0; k <= n; k++) {
        size_t cut = longest ? n - k : k;        /* length of the part removed */
        char save;
        bool hit;
        if (suffix) {
            hit = pattern_match(pat, value + n - cut);
        } else {
            save = value[cut];
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

/* ---- ${...} ---------------------------------------------------------------------- */

static bool brace_error(const char *name, size_t n, const char *msg)
{
    sh_error("%.*s: %s", (int)n, name, msg);
    if (!sh.interactive) {
        sh.control = CTL_EXIT;
        sh.status = 1;
    }
    return false;
}

static bool bad_substitution(const char *s, size_t n)
{
    sh_error("${%.*s}: bad substitution", (int)n, s);
    return false;
}

/* The operators that use a word: - = + ? (with or without ':'). */
static bool brace_word_op(struct param_value *pv, const char *name, size_t n,
                          char op, bool colon, const char *word)
{
    bool set = pv->value != NULL && !(colon && pv->value[0] == '\0');
    if (pv->kind != PV_STRING)
        set = sh.argc > 0;
    if (op == '+') {
        if (set) {
            free(pv->value);
            pv->value = expand_word(word);
            pv->kind = PV_STRING;
            return pv->value != NULL;
        }
        free(pv->value);
        pv->value = xstrdup("");
        pv->kind = PV_STRING;
        return true;
    }
    if (set)
        return true;
    char *w = expand_word(word);
    if (!w)
        return false;
    free(pv->value);
    pv->value = w;
    pv->kind = PV_STRING;
    if (op == '=') {
        if (!is_name(name, n)) {
            return brace_error(name, n, "cannot assign in this way");
        }
        char *var = xstrndup(name, n);
        var_set(var, w, false);
        free(var);
    } else if (op == '?') {
        return brace_error(name, n, *w ? w : "parameter null or not set");
    }
    return true;
}

static bool brace_expand(const char *s, size_t len, struct param_value *pv)
{
    if (len > 1 && s[0] == '#' && name_length(s + 1, len - 1) == len - 1) {
        char *v = lookup(s + 1, len - 1);          /* ${#x} */
        bool all = s[1] == '@' || s[1] == '*';
        pv->value = number(all ? sh.argc : v ? (long)strlen(v) : 0);
        free(v);
        return true;
    }
    size_t n = name_length(s, len);
    if (n == 0)
        return bad_substitution(s, len);
    pv->kind = s[0] == '@' && n == 1 ? PV_AT : s[0] == '*' && n == 1 ? PV_STAR : PV_STRING;
    pv->value = pv->kind == PV_STRING ? lookup(s, n) : NULL;
    if (n == len)
        return true;
    const char *op = s + n;
    bool colon = *op == ':';
    char *word = xstrndup(op + 1 + colon, len - n - 1 - colon);
    bool ok;
    if (strchr("-=+?", op[colon]) && (colon || op[0] != ':')) {
        ok = brace_word_op(pv, s, n, op[colon], colon, word);
    } else if (!colon && (*op == '#' || *op == '%')) {
        bool longest = op[1] == *op;
        char *pat = expand_pattern(word + longest);
        ok = pat != NULL;
        if (ok && pv->kind == PV_STRING && pv->value)
            pv->value = trim(pv->value, pat, *op == '%', longest);
        free(pat);
    } else {
        ok = bad_substitution(s, len);
    }
    free(word);
    return ok;
}

/* ---- $ ------------------------------------------------------------------------- */

long param_expand(const char *s, size_t len, size_t i, struct param_value *pv)
{
    pv->value = NULL;
    pv->kind = PV_STRING;
    size_t j = i + 1;
    if (j < len && s[j] == '{') {
        long end = skip_brace(s, len, j + 1);
        if (end < 0)
            return -1;
        if (!brace_expand(s + j + 1, (size_t)end - j - 2, pv)) {
            free(pv->value);
            pv->value = NULL;
            return -1;
        }
        return end;
    }
    if (j < len && (s[j] == '@' || s[j] == '*')) {
        pv->kind = s[j] == '@' ? PV_AT : PV_STAR;
        return (long)j + 1;
    }
    size_t n = j < len ? name_length(s + j, len - j) : 0;
    if (n > 1 && isdigit((unsigned char)s[j]))
        n = 1;                                      /* $10 is ${1}0 */
    if (n == 0) {
        pv->value = xstrdup("$");                   /* a lone $ is itself */
        return (long)j;
    }
    pv->value = lookup(s + j, n);
    return (long)(j + n);
}

char *positional_star(void)
{
    return positional_joined();
}
