/*
 * expand.c - word expansion: from a raw word as the lexer cut it to the
 * fields a command receives.
 *
 *   0. Brace expansion (bash; not with set -o posix): a{b,c} and {1..3}
 *      make several words of one (braces.c).
 *   1. The word is walked once: quotes are removed, $ expansions, $(...)
 *      and `...` (pipeline.c) and $((...)) (arith.c) substituted, ~
 *      replaced by a home directory. Each resulting character carries
 *      flags: quoted (protected from splitting and globbing) or produced
 *      by an unquoted expansion (subject to field splitting).
 *   2. Field splitting cuts where an expansion produced an IFS character.
 *   3. Pathname expansion (glob.c) replaces each field holding an unquoted
 *      * ? or [ by the sorted file names it matches, if any.
 *
 * The word of ${x:-word} is walked by the same code, into the same
 * characters, with the quoting of where it stands: outside double quotes
 * its own quotes protect what they hold and the rest splits (${x:-"a b" c}
 * is two fields); inside them, single quotes are ordinary characters.
 *
 * Assignments, redirection targets and `case` words get step 1 only
 * (expand_word); patterns keep their quoted characters escaped so that
 * they match literally (expand_pattern).
 *
 * An error (${x?}, a bad substitution, an arithmetic error, set -u) is
 * fatal as POSIX says: sh_fatal ends a script with status 2.
 */
#include "sh.h"
#include "expand.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


void add(struct expansion *ex, const char *s, size_t n, char flag)
{
    sb_addn(&ex->chars, s, n);
    for (size_t i = 0; i < n; i++)
        sb_addc(&ex->flags, flag);
}

void mark(struct expansion *ex, char flag)
{
    add(ex, "", 1, flag);
}

static void ex_free(struct expansion *ex)
{
    sb_free(&ex->chars);
    sb_free(&ex->flags);
}

/* How an expansion's result is added where the walk stands. */
char value_flag(struct ctx c)
{
    return c.dq ? F_QUOTED : F_SPLIT;
}

/* ---- $@ and $* -------------------------------------------------------------- */

/* The words v[0..n) as $@ (kind '@') or $* gives the parameters: one
 * field each, or "$*" as one joined by the first character of $IFS. */
void add_fields(struct expansion *ex, char kind, char **v, int n, struct ctx c)
{
    if (kind == '*' && c.dq) {
        const char *ifs = var_get("IFS");
        char sep = ifs ? ifs[0] : ' ';
        for (int k = 0; k < n; k++) {
            if (k && sep)
                add(ex, &sep, 1, F_QUOTED);
            add(ex, v[k], strlen(v[k]), F_QUOTED);
        }
        return;
    }
    if (c.dq && n == 0)
        ex->at_empty = true;        /* "$@" with no parameters: no field */
    for (int k = 0; k < n; k++) {
        if (k)
            mark(ex, F_BREAK);
        if (c.dq)
            mark(ex, F_QMARK);
        add(ex, v[k], strlen(v[k]), c.dq ? F_QUOTED : F_SPLIT);
    }
}

void add_positional(struct expansion *ex, char kind, struct ctx c)
{
    add_fields(ex, kind, sh.argv, sh.argc, c);
}

/* ---- strings out of words ------------------------------------------------------ */

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
        if (pattern && (fl & F_QUOTED) && strchr("*?[]\\-!^:", c))
            sb_addc(&b, '\\');
        sb_addc(&b, c);
    }
    return sb_take(&b);
}

char *expand_string(const char *raw, size_t len, struct ctx c, bool pattern)
{
    struct expansion ex = {0};
    char *r = NULL;
    if (walk(&ex, raw, len, c))
        r = field_text(&ex, pattern);
    ex_free(&ex);
    return r;
}

/* ---- substitutions ---------------------------------------------------------- */

static bool add_output(struct expansion *ex, const char *text, struct ctx c)
{
    enum control before = sh.control;
    char *out = command_output(text);
    add(ex, out, strlen(out), value_flag(c));
    free(out);
    return sh.control == before;    /* a syntax error abandons the command */
}

/* `...`: inside, a backslash quotes only $ ` \ (and " within "..."). */
static long expand_backquote(struct expansion *ex, const char *s, size_t len,
                             size_t i, struct ctx c)
{
    long end = skip_bquote(s, len, i + 1);
    if (end < 0)
        end = (long)len + 1;
    struct strbuf text = {0};
    for (size_t k = i + 1; k + 1 < (size_t)end; k++) {
        if (s[k] == '\\' && k + 2 < (size_t)end &&
            (strchr("$`\\", s[k + 1]) || (c.dq && s[k + 1] == '"')))
            k++;
        sb_addc(&text, s[k]);
    }
    char *t = sb_take(&text);
    bool ok = add_output(ex, t, c);
    free(t);
    if (!ok)
        return -1;
    return end > (long)len ? (long)len : end;
}

static bool expand_arith(struct expansion *ex, const char *s, size_t n, struct ctx c)
{
    struct ctx ac = { .arith = true };
    char *expr = expand_string(s, n, ac, false);
    long long v;
    bool ok = expr && arith_eval(expr, &v);
    free(expr);
    if (!ok)
        return false;
    char buf[24];
    snprintf(buf, sizeof buf, "%lld", v);
    add(ex, buf, strlen(buf), value_flag(c));
    return true;
}

/* A '$' at s[i]: returns the index after what it expanded, -1 on error. */
static long expand_dollar(struct expansion *ex, const char *s, size_t len, size_t i,
                          struct ctx c)
{
    if (i + 1 < len && s[i + 1] == '(') {
        long end = skip_paren(s, len, i + 2);
        if (end < 0)
            return -1;
        if (s[i + 2] == '(' && s[end - 2] == ')' && skip_paren(s, len, i + 3) == end - 1)
            return expand_arith(ex, s + i + 3, (size_t)end - i - 5, c) ? end : -1;
        char *text = xstrndup(s + i + 2, (size_t)end - i - 3);
        bool ok = add_output(ex, text, c);
        free(text);
        return ok ? end : -1;
    }
    if (i + 1 < len && s[i + 1] == '[' && bash_rules()) {
        /* bash's old $[expression], the same as $((expression)) */
        const char *close = memchr(s + i + 2, ']', len - i - 2);
        if (close)
            return expand_arith(ex, s + i + 2, (size_t)(close - s) - i - 2, c)
                   ? close - s + 1 : -1;
    }
    if (i + 1 < len && s[i + 1] == '{') {
        long end = skip_brace(s, len, i + 2, c.dq);
        if (end < 0)
            return -1;
        return brace(ex, s + i + 2, (size_t)end - i - 3, c) ? end : -1;
    }
    size_t j = i + 1;
    while (j + 1 < len && s[j] == '\\' && s[j + 1] == '\n')
        j += 2;                                     /* $\<newline>? is $? */
    size_t n = j < len ? param_name_length(s + j, len - j) : 0;
    if (n > 1 && isdigit((unsigned char)s[j]))
        n = 1;                                      /* $10 is ${1}0 */
    if (n == 0) {
        add(ex, "$", 1, c.dq ? F_QUOTED : 0);       /* a lone $ is itself */
        return (long)j;
    }
    if (s[j] == '@' || s[j] == '*') {
        add_positional(ex, s[j], c);
        return (long)j + 1;
    }
    char *v = param_lookup(s + j, n);
    if (v)
        add(ex, v, strlen(v), value_flag(c));
    else if (sh.nounset && s[j] != '!')
        return unset_error(s + j, n) ? -1 : -1;
    free(v);
    return (long)(j + n);
}

/* ---- ~ ----------------------------------------------------------------------------- */

/* The home directory of a user, from /etc/passwd (name:pw:uid:gid:gecos:dir:shell). */
static char *home_of(const char *user)
{
    FILE *f = fopen("/etc/passwd", "r");
    if (!f)
        return NULL;
    char line[512], *home = NULL;
    size_t n = strlen(user);
    while (!home && fgets(line, sizeof line, f)) {
        if (strncmp(line, user, n) != 0 || line[n] != ':')
            continue;
        char *field = line;
        for (int k = 0; k < 5 && field; k++) {
            field = strchr(field, ':');
            if (field)
                field++;
        }
        if (field) {
            field[strcspn(field, ":\n")] = '\0';
            home = xstrdup(field);
        }
    }
    fclose(f);
    return home;
}

/* ~ and ~user at s (up to a '/', or a ':' in an assignment), if every
 * character of the name is an ordinary one. Returns how much it used, 0
 * if it is not a tilde prefix. */
static size_t expand_tilde(struct expansion *ex, const char *s, size_t len, struct ctx c)
{
    size_t n = 1;
    while (n < len && s[n] != '/' && !(c.assign && s[n] == ':')) {
        if (!(isalnum((unsigned char)s[n]) || strchr("._-", s[n])))
            return 0;
        n++;
    }
    char *home = NULL;
    if (n == 1) {
        const char *h = var_get("HOME");
        home = h ? xstrdup(h) : NULL;
    } else {
        char *user = xstrndup(s + 1, n - 1);
        home = home_of(user);
        free(user);
    }
    if (!home)
        return 0;
    add(ex, home, strlen(home), F_QUOTED);
    free(home);
    return n;
}

/* ---- $'...' (bash) ----------------------------------------------------------------- */

static size_t dollar_single(struct expansion *ex, const char *s, size_t len, size_t i)
{
    struct strbuf b = {0};
    size_t k = i + 2;
    while (k < len && s[k] != '\'') {
        if (s[k] == '\\' && k + 1 < len)
            k = c_escape(s, len, k, &b);
        else
            sb_addc(&b, s[k++]);
    }
    add(ex, b.s ? b.s : "", b.len, F_QUOTED);
    mark(ex, F_QMARK);
    sb_free(&b);
    return k < len ? k + 1 : len;
}

/* ---- step 1 ------------------------------------------------------------------------ */

/* A backslash at s[i]: what it quotes. */
static size_t expand_backslash(struct expansion *ex, const char *s, size_t len,
                               size_t i, struct ctx c, bool dq)
{
    if (i + 1 >= len) {
        add(ex, "\\", 1, dq ? F_QUOTED : 0);
        return i + 1;
    }
    char next = s[i + 1];
    if (next == '\n')
        return i + 2;                                   /* line continuation */
    const char *special = c.heredoc ? "$`\\" : c.word ? "$`\"\\}" : "$`\"\\";
    if (dq && !strchr(special, next)) {
        add(ex, "\\", 1, F_QUOTED);                     /* an ordinary backslash */
        return i + 1;
    }
    add(ex, &next, 1, F_QUOTED);
    return i + 2;
}

bool walk(struct expansion *ex, const char *s, size_t len, struct ctx c)
{
    /* dq: quoted here; c.dq: the whole walk is inside double quotes (a
     * ${x-word} within "..."), where inner "..." only regroup */
    bool dq = c.dq || c.heredoc;
    size_t dq_start = 0, i = 0;
    char lit = c.brace ? F_SPLIT : 0;       /* unquoted characters of a ${} word split */
    bool word_start = !c.arith;
    while (i < len) {
        char ch = s[i];
        long next = (long)i + 1;
        bool at_start = word_start && !dq &&
                        (i == 0 || (c.assign && s[i - 1] == ':' ));
        if (ch == '"' && !c.heredoc) {
            if (c.dq) {
                mark(ex, F_QMARK);
            } else {
                if (dq && !(ex->at_empty && ex->chars.len == dq_start))
                    mark(ex, F_QMARK);
                dq = !dq;
                dq_start = ex->chars.len;
                ex->at_empty = false;
            }
        } else if ((ch == '<' || ch == '>') && i + 1 < len && s[i + 1] == '(' && !dq &&
                   !c.heredoc && !c.arith && !sh.posix) {
            /* bash's <(...) and >(...): the name of a pipe to or from it */
            long end = skip_paren(s, len, i + 2);
            if (end < 0)
                return false;
            char *text = xstrndup(s + i + 2, (size_t)end - i - 3);
            char *path = process_substitution(text, ch == '<');
            free(text);
            if (!path)
                return false;
            add(ex, path, strlen(path), F_QUOTED);
            free(path);
            next = end;
        } else if (ch == '\'' && !dq) {
            long end = skip_squote(s, len, i + 1);
            next = end < 0 ? (long)len : end;
            add(ex, s + i + 1, (size_t)next - i - 1 - (end >= 0), F_QUOTED);
            mark(ex, F_QMARK);
        } else if (ch == '\\') {
            next = (long)expand_backslash(ex, s, len, i, c, dq);
        } else if (ch == '$' && i + 1 < len && s[i + 1] == '\'' && !dq && !sh.posix) {
            next = (long)dollar_single(ex, s, len, i);
        } else if (ch == '$' && i + 1 < len && s[i + 1] == '"' && !dq && bash_rules()) {
            next = (long)i + 1;         /* bash's $"...": no translations, "..." */
        } else if (ch == '$') {
            struct ctx here = c;
            here.dq = dq;
            next = expand_dollar(ex, s, len, i, here);
        } else if (ch == '`') {
            struct ctx here = c;
            here.dq = dq;
            next = expand_backquote(ex, s, len, i, here);
        } else if (ch == '~' && at_start && (i == 0 || c.assign)) {
            size_t used = expand_tilde(ex, s + i, len - i, c);
            if (used)
                next = (long)(i + used);
            else
                add(ex, &ch, 1, lit);
        } else {
            add(ex, &ch, 1, dq ? F_QUOTED : lit);
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

static int expand_one(const char *raw, struct wordlist *out)
{
    struct expansion ex = {0};
    struct ctx c = {0};
    bool ok = walk(&ex, raw, strlen(raw), c);
    if (ok)
        split_fields(&ex, out);
    ex_free(&ex);
    return ok ? 0 : -1;
}

int expand_words(char **raw, int n, struct wordlist *out)
{
    for (int i = 0; i < n; i++) {
        struct wordlist words = {0};
        if (sh.posix || !brace_expand(raw[i], &words)) {
            if (expand_one(raw[i], out) < 0)
                return -1;
            continue;
        }
        for (int k = 0; k < words.n; k++) {
            if (expand_one(words.v[k], out) < 0) {
                wl_free(&words);
                return -1;
            }
        }
        wl_free(&words);
    }
    return 0;
}

char *expand_word(const char *raw)
{
    struct ctx c = {0};
    return expand_string(raw, strlen(raw), c, false);
}

/* An assignment's value: ~ also after each ':'. */
char *expand_assignment(const char *raw)
{
    struct ctx c = { .assign = true };
    return expand_string(raw, strlen(raw), c, false);
}

char *expand_pattern(const char *raw)
{
    struct ctx c = {0};
    return expand_string(raw, strlen(raw), c, true);
}

char *expand_heredoc(const char *body)
{
    struct ctx c = { .heredoc = true };
    return expand_string(body, strlen(body), c, false);
}
