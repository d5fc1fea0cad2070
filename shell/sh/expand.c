/*
 * expand.c - word expansion: from a raw word as the lexer cut it to the
 * fields a command receives.
 *
 *   1. The word is walked once: quotes are removed, $ expansions
 *      (param.c), $(...) and `...` (pipeline.c) and $((...)) (arith.c)
 *      substituted, ~ replaced by $HOME. Each resulting character carries
 *      flags: quoted (protected from splitting and globbing) or produced
 *      by an unquoted expansion (subject to field splitting).
 *   2. Field splitting cuts where an expansion produced an IFS character.
 *   3. Pathname expansion (glob.c) replaces each field holding an unquoted
 *      * ? or [ by the sorted file names it matches, if any.
 *
 * Assignments, redirection targets and `case` words get step 1 only
 * (expand_word); patterns keep their quoted characters escaped so that
 * they match literally (expand_pattern).
 */
#include "sh.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    F_QUOTED = 1,   /* inside quotes: literal */
    F_SPLIT  = 2,   /* from an unquoted expansion: may be split */
    F_BREAK  = 4,   /* zero-width: a field ends here ("$@") */
    F_QMARK  = 8,   /* zero-width: quotes were here, so "" is a field */
};

struct expansion {
    struct strbuf chars, flags;     /* one flag byte per character */
    bool heredoc;                   /* quotes are not special */
};

static void add(struct expansion *ex, const char *s, size_t n, char flag)
{
    sb_addn(&ex->chars, s, n);
    for (size_t i = 0; i < n; i++)
        sb_addc(&ex->flags, flag);
}

static void mark(struct expansion *ex, char flag)
{
    add(ex, "", 1, flag);
}

static void ex_free(struct expansion *ex)
{
    sb_free(&ex->chars);
    sb_free(&ex->flags);
}

/* ---- $@ and $* -------------------------------------------------------------- */

static void add_positional(struct expansion *ex, int kind, bool dq, bool *at_empty)
{
    if (kind == PV_STAR && dq) {
        char *all = positional_star();
        add(ex, all, strlen(all), F_QUOTED);
        free(all);
        return;
    }
    if (dq && sh.argc == 0)
        *at_empty = true;           /* "$@" with no parameters: no field */
    for (int k = 0; k < sh.argc; k++) {
        if (k)
            mark(ex, F_BREAK);
        if (dq)
            mark(ex, F_QMARK);
        add(ex, sh.argv[k], strlen(sh.argv[k]), dq ? F_QUOTED : F_SPLIT);
    }
}

/* ---- substitutions ---------------------------------------------------------- */

static void add_output(struct expansion *ex, const char *text, bool dq)
{
    char *out = command_output(text);
    add(ex, out, strlen(out), dq ? F_QUOTED : F_SPLIT);
    free(out);
}

/* `...`: inside, a backslash quotes only $ ` \ (and " within "..."). */
static long expand_backquote(struct expansion *ex, const char *s, size_t len,
                             size_t i, bool dq)
{
    long end = skip_bquote(s, len, i + 1);
    if (end < 0)
        end = (long)len + 1;
    struct strbuf text = {0};
    for (size_t k = i + 1; k + 1 < (size_t)end; k++) {
        if (s[k] == '\\' && k + 2 < (size_t)end &&
            (strchr("$`\\", s[k + 1]) || (dq && s[k + 1] == '"')))
            k++;
        sb_addc(&text, s[k]);
    }
    char *t = sb_take(&text);
    add_output(ex, t, dq);
    free(t);
    return end > (long)len ? (long)len : end;
}

static bool expand_arith(struct expansion *ex, const char *s, size_t n, bool dq)
{
    char *raw = xstrndup(s, n);
    char *expr = expand_word(raw);
    free(raw);
    long long v;
    bool ok = expr && arith_eval(expr, &v);
    free(expr);
    if (!ok)
        return false;
    char buf[24];
    snprintf(buf, sizeof buf, "%lld", v);
    add(ex, buf, strlen(buf), dq ? F_QUOTED : F_SPLIT);
    return true;
}

/* A '$' at s[i]: returns the index after what it expanded, -1 on error. */
static long expand_dollar(struct expansion *ex, const char *s, size_t len,
                          size_t i, bool dq, bool *at_empty)
{
    if (i + 1 < len && s[i + 1] == '(') {
        long end = skip_paren(s, len, i + 2);
        if (end < 0)
            return -1;
        if (s[i + 2] == '(' && skip_paren(s, len, i + 3) == end - 1)
            return expand_arith(ex, s + i + 3, (size_t)end - i - 5, dq) ? end : -1;
        char *text = xstrndup(s + i + 2, (size_t)end - i - 3);
        add_output(ex, text, dq);
        free(text);
        return end;
    }
    struct param_value pv;
    long end = param_expand(s, len, i, &pv);
    if (end < 0)
        return -1;
    if (pv.kind != PV_STRING)
        add_positional(ex, pv.kind, dq, at_empty);
    else if (pv.value)
        add(ex, pv.value, strlen(pv.value), dq ? F_QUOTED : F_SPLIT);
    free(pv.value);
    return end;
}

/* ~ and ~/... at the start of a word: the home directory. */
static size_t expand_tilde(struct expansion *ex, const char *s, size_t len)
{
    size_t n = 1;
    while (n < len && s[n] != '/')
        n++;
    const char *home = var_get("HOME");
    if (n != 1 || !home) {
        add(ex, s, n, 0);       /* ~user: not known here */
        return n;
    }
    add(ex, home, strlen(home), F_QUOTED);
    return 1;
}

/* A backslash at s[i]: what it quotes. */
static size_t expand_backslash(struct expansion *ex, const char *s, size_t len,
                               size_t i, bool dq)
{
    if (i + 1 >= len) {
        add(ex, "\\", 1, dq ? F_QUOTED : 0);
        return i + 1;
    }
    char next = s[i + 1];
    if (next == '\n')
        return i + 2;                                   /* line continuation */
    const char *special = ex->heredoc ? "$`\\" : "$`\"\\";
    if (dq && !strchr(special, next)) {
        add(ex, "\\", 1, F_QUOTED);                     /* an ordinary backslash */
        return i + 1;
    }
    add(ex, &next, 1, F_QUOTED);
    return i + 2;
}

/* Step 1 over the whole raw word. */
static bool walk(struct expansion *ex, const char *s, size_t len)
{
    bool dq = ex->heredoc, at_empty = false;
    size_t dq_start = 0, i = 0;
    while (i < len) {
        char c = s[i];
        long next = (long)i + 1;
        if (c == '"' && !ex->heredoc) {
            if (dq && !(at_empty && ex->chars.len == dq_start))
                mark(ex, F_QMARK);
            dq = !dq;
            dq_start = ex->chars.len;
            at_empty = false;
        } else if (c == '\'' && !dq) {
            long end = skip_squote(s, len, i + 1);
            next = end < 0 ? (long)len : end;
            add(ex, s + i + 1, (size_t)next - i - 1 - (end >= 0), F_QUOTED);
            mark(ex, F_QMARK);
        } else if (c == '\\') {
            next = (long)expand_backslash(ex, s, len, i, dq);
        } else if (c == '$') {
            next = expand_dollar(ex, s, len, i, dq, &at_empty);
        } else if (c == '`') {
            next = expand_backquote(ex, s, len, i, dq);
        } else if (c == '~' && i == 0 && !dq) {
            next = (long)expand_tilde(ex, s, len);
        } else {
            add(ex, &c, 1, dq ? F_QUOTED : 0);
        }
        if (next < 0)
            return false;
        i = (size_t)next;
    }
    return true;
}

/* ---- step 2: field splitting --------------------------------------------------- */

struct splitter {
    struct expansion field;
    bool have;              /* the field exists, even if empty */
    bool after_space;       /* IFS white space just ended a field */
    struct wordlist *out;
};

static bool glob_active(const struct expansion *f)
{
    for (size_t k = 0; k < f->chars.len; k++)
        if (!(f->flags.s[k] & (F_QUOTED | F_BREAK | F_QMARK)) &&
            strchr("*?[", f->chars.s[k]))
            return true;
    return false;
}

/* The field's characters, zero-width marks dropped; as a pattern, the
 * quoted special characters escaped. */
static char *field_text(const struct expansion *f, bool pattern)
{
    struct strbuf b = {0};
    for (size_t k = 0; k < f->chars.len; k++) {
        char c = f->chars.s[k], fl = f->flags.s[k];
        if (fl & F_QMARK)
            continue;
        if (fl & F_BREAK) {
            sb_addc(&b, ' ');
            continue;
        }
        if (pattern && strchr("*?[]\\", c) && ((fl & F_QUOTED) || c == '\\'))
            sb_addc(&b, '\\');
        sb_addc(&b, c);
    }
    return sb_take(&b);
}

static void end_field(struct splitter *sp)
{
    struct expansion *f = &sp->field;
    if (!sh.noglob && glob_active(f)) {
        char *pat = field_text(f, true);
        int n = glob_expand(pat, sp->out);
        free(pat);
        if (n > 0)
            goto done;
    }
    wl_add(sp->out, field_text(f, false));
done:
    ex_free(f);
    sp->have = false;
}

static void split_fields(struct expansion *ex, struct wordlist *out)
{
    const char *ifs = var_get("IFS");
    if (!ifs)
        ifs = " \t\n";
    struct splitter sp = { .out = out };
    for (size_t k = 0; k < ex->chars.len; k++) {
        char c = ex->chars.s[k], fl = ex->flags.s[k];
        if (fl & F_BREAK) {
            if (sp.have)
                end_field(&sp);
            sp.after_space = false;
        } else if ((fl & F_SPLIT) && c && strchr(ifs, c)) {
            bool space = c == ' ' || c == '\t' || c == '\n';
            if (space) {
                if (sp.have) {
                    end_field(&sp);
                    sp.after_space = true;  /* "a : b" is two fields */
                }
            } else {
                if (sp.have || !sp.after_space)
                    end_field(&sp);
                sp.after_space = false;
            }
        } else {
            add(&sp.field, &c, 1, fl);
            sp.have = true;
            sp.after_space = false;
        }
    }
    if (sp.have)
        end_field(&sp);
    ex_free(&sp.field);
}

/* ---- the entry points ------------------------------------------------------------- */

int expand_words(char **raw, int n, struct wordlist *out)
{
    for (int i = 0; i < n; i++) {
        struct expansion ex = {0};
        bool ok = walk(&ex, raw[i], strlen(raw[i]));
        if (ok)
            split_fields(&ex, out);
        ex_free(&ex);
        if (!ok)
            return -1;
    }
    return 0;
}

static char *expand_to_string(const char *raw, bool pattern, bool heredoc)
{
    struct expansion ex = { .heredoc = heredoc };
    char *r = NULL;
    if (walk(&ex, raw, strlen(raw)))
        r = field_text(&ex, pattern);
    ex_free(&ex);
    return r;
}

char *expand_word(const char *raw)
{
    return expand_to_string(raw, false, false);
}

char *expand_pattern(const char *raw)
{
    return expand_to_string(raw, true, false);
}

char *expand_heredoc(const char *body)
{
    return expand_to_string(body, false, true);
}
