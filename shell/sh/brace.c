/*
 * brace.c - the ${...} forms of parameter expansion (XCU 2.6.2), and
 * bash's: ${#x}, ${!x}, ${x-word} ${x:-word} and the other operators with
 * a word of their own (- = ? +), whose word is walked by expand.c into the
 * same characters, and the string operators # ## % %% and bash's : / ^ ,
 * @Q, whose work param.c does. On $@ and $* bash's operators work on each
 * parameter ("${@%.c}"), and ${@:2:3} takes parameters, not characters;
 * ${!prefix*} gives the names of variables. An error is a bad
 * substitution or an unset parameter under set -u: sh_fatal, status 2.
 */
#include "sh.h"
#include "expand.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- ${...} ---------------------------------------------------------------------- */

static bool bad_substitution(const char *s, size_t n)
{
    sh_fatal(2, "${%.*s}: bad substitution", (int)n, s);
    return false;
}

bool unset_error(const char *name, size_t n)
{
    sh_fatal(2, "%.*s: parameter not set", (int)n, name);
    return false;
}

/* The end of ${x/pat/rep}'s pattern: the first unquoted '/'. */
static size_t pattern_end(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] != '/') {
        long r = (long)i + 1;
        if (s[i] == '\\')
            r = (long)i + 2;
        else if (s[i] == '\'')
            r = skip_squote(s, len, i + 1);
        else if (s[i] == '"')
            r = skip_dquote(s, len, i + 1);
        else if (s[i] == '$')
            r = skip_dollar(s, len, i);
        if (r < 0 || (size_t)r > len)
            return len;
        i = (size_t)r;
    }
    return i;
}

/* The pattern of # % / ^ ,: quoting inside the braces counts on its own,
 * whatever quotes are around them (POSIX). */
static char *brace_pattern(const char *w, size_t n)
{
    struct ctx pc = {0};
    return expand_string(w, n, pc, true);
}

static bool substring_bounds(const char *op, size_t n, long long *off, bool *has_len,
                             long long *len);

/* The string operators: # ## % %% and bash's : / ^ , @Q (value is owned). */
static bool string_op(char **value, const char *op, size_t n)
{
    char o = op[0];
    bool twice = n > 1 && op[1] == o;
    if (o == '#' || o == '%') {
        char *pat = brace_pattern(op + twice + 1, n - twice - 1);
        if (!pat)
            return false;
        *value = str_trim(*value, pat, o == '%', twice);
        free(pat);
        return true;
    }
    if (o == '^' || o == ',') {
        char *pat = brace_pattern(op + twice + 1, n - twice - 1);
        if (!pat)
            return false;
        *value = str_case(*value, pat, o == '^', twice);
        free(pat);
        return true;
    }
    if (o == '/') {
        char mode = n > 1 && strchr("/#%", op[1]) ? op[1] : 0;
        const char *p = op + 1 + (mode != 0);
        size_t pn = n - 1 - (mode != 0), pe = pattern_end(p, pn);
        char *pat = brace_pattern(p, pe);
        struct ctx rc = {0};
        char *rep = pe < pn ? expand_string(p + pe + 1, pn - pe - 1, rc, false) : xstrdup("");
        bool ok = pat && rep;
        if (ok)
            *value = str_replace(*value, pat, rep, mode);
        free(pat);
        free(rep);
        return ok;
    }
    if (o == '@') {
        if (n != 2 || !strchr("QUuL", op[1]))
            return bad_substitution(op, n);
        if (op[1] == 'Q') {             /* quoted to be read again */
            char *q = shell_quote(*value);
            free(*value);
            *value = q;
        } else {                        /* upper, first upper, lower case */
            *value = str_case(*value, "", op[1] != 'L', op[1] != 'u');
        }
        return true;
    }
    long long off, len;
    bool has_len;
    if (!substring_bounds(op, n, &off, &has_len, &len))
        return false;
    bool ok = str_substr(value, off, has_len, len);
    if (!ok && sh.control == CTL_NONE)
        sh_fatal(1, "bad substring");
    return ok;
}

/* ${x:off} ${x:off:len}: the two numbers, arithmetic expressions. */
static bool substring_bounds(const char *op, size_t n, long long *off, bool *has_len,
                             long long *len)
{
    const char *colon = memchr(op + 1, ':', n - 1);
    size_t on = colon ? (size_t)(colon - op - 1) : n - 1;
    char *off_s = xstrndup(op + 1, on);
    char *len_s = colon ? xstrndup(colon + 1, n - on - 2) : NULL;
    *off = *len = 0;
    *has_len = len_s != NULL;
    struct ctx ac = { .arith = true };
    char *e1 = expand_string(off_s, on, ac, false);
    char *e2 = len_s ? expand_string(len_s, strlen(len_s), ac, false) : NULL;
    bool ok = e1 && arith_eval(e1, off) && (!len_s || (e2 && arith_eval(e2, len)));
    free(off_s);
    free(len_s);
    free(e1);
    free(e2);
    if (!ok && sh.control == CTL_NONE)
        sh_fatal(1, "bad substring");
    return ok;
}

/* ${@:off:len}: the parameters from off ($0 is 0; from the end if
 * negative), len of them; and ${@%pat} and the other operators: each
 * parameter on its own. Added as $@ or $* would be. */
static bool positional_op(struct expansion *ex, char kind, const char *op, size_t on,
                          struct ctx c)
{
    struct wordlist out = {0};
    bool ok = true;
    if (op[0] == ':' && !(on > 1 && strchr("/^,", op[1]))) {
        long long off, len, n = sh.argc + 1;
        bool has_len;
        if (!substring_bounds(op, on, &off, &has_len, &len))
            return false;
        if (has_len && len < 0) {
            sh_fatal(1, "%lld: substring expression < 0", len);
            return false;
        }
        if (off < 0)
            off = n + off < 0 ? n : n + off;
        for (long long k = off; k < n && (!has_len || k < off + len); k++)
            wl_add(&out, xstrdup(k ? sh.argv[k - 1] : sh.arg0));
    } else {
        for (int k = 0; k < sh.argc && ok; k++) {
            char *v = xstrdup(sh.argv[k]);
            ok = string_op(&v, op, on);
            if (ok)
                wl_add(&out, v);
            else
                free(v);
        }
    }
    if (ok)
        add_fields(ex, kind, out.v, out.n, c);
    wl_free(&out);
    return ok;
}

/* ${!prefix*} ${!prefix@} (the names of variables), and ${!x} ${!x op}:
 * the parameter whose name is x's value, and the operator on it. */
static bool indirect(struct expansion *ex, const char *s, size_t len, struct ctx c)
{
    if ((s[len - 1] == '*' || s[len - 1] == '@') && is_name(s + 1, len - 2)) {
        char *prefix = xstrndup(s + 1, len - 2);
        struct wordlist names = {0};
        vars_named(prefix, &names);
        add_fields(ex, s[len - 1], names.v, names.n, c);
        wl_free(&names);
        free(prefix);
        return true;
    }
    size_t n = param_name_length(s + 1, len - 1);
    if (n == 0 || (n + 1 < len && !strchr(":-=?+#%/^,@", s[1 + n])))
        return bad_substitution(s, len);
    char *target = param_lookup(s + 1, n);
    if (!target)
        return true;
    size_t tn = strlen(target);
    if (tn == 0 || param_name_length(target, tn) != tn) {
        sh_fatal(1, "%s: invalid variable name", target);
        free(target);
        return false;
    }
    struct strbuf b = {0};
    sb_adds(&b, target);
    sb_addn(&b, s + 1 + n, len - 1 - n);
    bool ok = brace(ex, b.s, b.len, c);
    sb_free(&b);
    free(target);
    return ok;
}

/* ${name op word} with op one of - = ? + (after an optional ':'). */
static bool word_op(struct expansion *ex, const char *name, size_t nn, char *value,
                    char op, bool colon, const char *w, size_t wn, struct ctx c)
{
    bool all = nn == 1 && (name[0] == '@' || name[0] == '*');
    bool set = all ? sh.argc > 0 : value != NULL;
    if (set && colon) {
        if (all) {
            char *joined = positional_star();
            set = *joined != '\0';
            free(joined);
        } else {
            set = *value != '\0';
        }
    }
    struct ctx wc = { .dq = c.dq, .brace = !c.dq, .assign = c.assign, .word = true };
    bool use_word = op == '+' ? set : !set;
    if (!use_word) {
        if (op == '+') {
            free(value);
            return true;
        }
        if (all)
            add_positional(ex, name[0], c);
        else
            add(ex, value, strlen(value), value_flag(c));
        free(value);
        return true;
    }
    free(value);
    if (op == '-' || op == '+')
        return walk(ex, w, wn, wc);
    struct ctx sc = { .assign = c.assign };
    char *word = expand_string(w, wn, sc, false);
    if (!word)
        return false;
    bool ok = true;
    if (op == '?') {
        sh_fatal(2, "%.*s: %s", (int)nn, name,
                 *word ? word : colon ? "parameter null or not set" : "parameter not set");
        ok = false;
    } else if (!is_name(name, nn)) {
        sh_fatal(2, "%.*s: cannot assign in this way", (int)nn, name);
        ok = false;
    } else {
        char *var = xstrndup(name, nn);
        ok = var_set(var, word, 0);
        free(var);
        if (!ok)
            sh_fatal(2, "assignment to a read-only variable");
        else
            add(ex, word, strlen(word), value_flag(c));
    }
    free(word);
    return ok;
}

/* ${#x}, ${!x} (bash), and ${x}, ${x op word}. */
bool brace(struct expansion *ex, const char *s, size_t len, struct ctx c)
{
    if (len > 1 && s[0] == '#' && param_name_length(s + 1, len - 1) == len - 1) {
        bool all = s[1] == '@' || s[1] == '*';
        char *v = all ? NULL : param_lookup(s + 1, len - 1);
        if (!v && !all && sh.nounset)
            return free(v), unset_error(s + 1, len - 1);
        char buf[24];
        snprintf(buf, sizeof buf, "%ld", all ? (long)sh.argc : v ? (long)strlen(v) : 0L);
        free(v);
        add(ex, buf, strlen(buf), value_flag(c));
        return true;
    }
    if (len > 1 && s[0] == '!' && !sh.posix)
        return indirect(ex, s, len, c);
    size_t n = param_name_length(s, len);
    if (n == 0)
        return bad_substitution(s, len);
    bool all = n == 1 && (s[0] == '@' || s[0] == '*');
    char *value = all ? NULL : param_lookup(s, n);
    if (n == len) {
        if (all)
            add_positional(ex, s[0], c);
        else if (value)
            add(ex, value, strlen(value), value_flag(c));
        else if (sh.nounset && !(n == 1 && s[0] == '!' ))
            return unset_error(s, n);
        free(value);
        return true;
    }
    const char *op = s + n;
    size_t on = len - n;
    bool colon = op[0] == ':' && on > 1 && strchr("-=?+", op[1]);
    if (strchr("-=?+", op[colon]))
        return word_op(ex, s, n, value, op[colon], colon, op + 1 + colon, on - 1 - colon, c);
    bool bash_op = op[0] == ':' || op[0] == '/' || op[0] == '^' || op[0] == ',' ||
                   op[0] == '@';
    if (!(op[0] == '#' || op[0] == '%' || (bash_op && !sh.posix))) {
        free(value);
        return bad_substitution(s, len);
    }
    if (!value && !all && sh.nounset)
        return unset_error(s, n);
    if (all)
        return positional_op(ex, s[0], op, on, c);
    if (!value)
        value = xstrdup("");
    if (!string_op(&value, op, on)) {
        free(value);
        return false;
    }
    add(ex, value, strlen(value), value_flag(c));
    free(value);
    return true;
}

