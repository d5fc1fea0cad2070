/*
 * lex.c - cutting command text into tokens: words, operators (| && ; & ...),
 * redirections (2>&1, >>, <<EOF ...) and newlines.
 *
 * A word keeps its raw text, quotes and all: what the quotes mean is decided
 * later by the expander (expand.c), which walks the same text with the same
 * scanners (skip_*), so both agree on where a quote or a $(...) ends.
 * When the text ends inside a quote, a $( or a here-document, the lexer says
 * T_INCOMPLETE and the reader fetches another line and starts over.
 */
#include "sh.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- scanners: from an opening character to just past its match --------- */

long skip_squote(const char *s, size_t len, size_t i)
{
    const char *q = memchr(s + i, '\'', len - i);
    return q ? (long)(q - s) + 1 : -1;
}

long skip_dquote(const char *s, size_t len, size_t i)
{
    while (i < len) {
        char c = s[i];
        long r;
        if (c == '"')
            return (long)i + 1;
        if (c == '\\') {
            i += 2;
            continue;
        }
        if (c == '$')
            r = skip_dollar_in(s, len, i, true);
        else if (c == '`')
            r = skip_bquote(s, len, i + 1);
        else
            r = (long)i + 1;
        if (r < 0)
            return -1;
        i = (size_t)r;
    }
    return -1;
}

long skip_bquote(const char *s, size_t len, size_t i)
{
    while (i < len) {
        if (s[i] == '\\')
            i += 2;
        else if (s[i] == '`')
            return (long)i + 1;
        else
            i++;
    }
    return -1;
}

/* A '#' starts a comment only where a word could start. */
static bool comment_starts(const char *s, size_t i, size_t from)
{
    return i == from || strchr(" \t\n;&|()", s[i - 1]) != NULL;
}

/* The inside of $( ... ) or $(( ... )): nested parentheses are counted,
 * quotes, comments and further substitutions skipped. (A `case` pattern's
 * unbalanced ')' inside $(...) is not understood.) */
/* A reserved word w at s[i], standing alone where a command starts? */
static bool keyword_at(const char *s, size_t len, size_t i, size_t from, const char *w)
{
    size_t n = strlen(w);
    return i + n <= len && strncmp(s + i, w, n) == 0 &&
           (i == from || strchr(" \t\n;&|(", s[i - 1])) &&
           (i + n == len || strchr(" \t\n;&|)", s[i + n]));
}

long skip_paren(const char *s, size_t len, size_t i)
{
    int depth = 1;
    size_t from = i;
    int case_depth[16], ncase = 0;          /* a case's pattern ends with an odd ')' */
    while (i < len) {
        char c = s[i];
        long r = (long)i + 1;
        if (keyword_at(s, len, i, from, "case") && ncase < 16) {
            case_depth[ncase++] = depth;
            r = (long)i + 4;
        } else if (ncase && keyword_at(s, len, i, from, "esac")) {
            ncase--;
            r = (long)i + 4;
        } else if (c == ')' && ncase && depth == case_depth[ncase - 1]) {
            r = (long)i + 1;                /* pattern) */
        } else if (c == '\\')
            r = (long)i + 2;
        else if (c == '\'')
            r = skip_squote(s, len, i + 1);
        else if (c == '"')
            r = skip_dquote(s, len, i + 1);
        else if (c == '`')
            r = skip_bquote(s, len, i + 1);
        else if (c == '$')
            r = skip_dollar(s, len, i);
        else if (c == '#' && comment_starts(s, i, from)) {
            const char *nl = memchr(s + i, '\n', len - i);
            r = nl ? (long)(nl - s) : (long)len;
        } else if (c == '(')
            depth++;
        else if (c == ')' && --depth == 0)
            return (long)i + 1;
        if (r < 0)
            return -1;
        i = (size_t)r;
    }
    return -1;
}

/* The inside of ${ ... }, which may hold quotes and substitutions. Within
 * double quotes, a single quote there is an ordinary character. */
long skip_brace(const char *s, size_t len, size_t i, bool dq)
{
    int depth = 1;
    /* ${x#'p'} and ${x%'p'}: the pattern's quotes count even within "..." */
    size_t k = i;
    while (k < len && (isalnum((unsigned char)s[k]) || strchr("_@*?$!-", s[k])))
        k++;
    if (k > i && k < len && (s[k] == '#' || s[k] == '%'))
        dq = false;
    while (i < len) {
        char c = s[i];
        long r = (long)i + 1;
        if (c == '\\')
            r = (long)i + 2;
        else if (c == '\'' && !dq)
            r = skip_squote(s, len, i + 1);
        else if (c == '"')
            r = skip_dquote(s, len, i + 1);
        else if (c == '`')
            r = skip_bquote(s, len, i + 1);
        else if (c == '$')
            r = skip_dollar_in(s, len, i, dq);
        else if (c == '{')
            depth++;
        else if (c == '}' && --depth == 0)
            return (long)i + 1;
        if (r < 0)
            return -1;
        i = (size_t)r;
    }
    return -1;
}

/* $'...' (bash): a backslash quotes the next character, even a quote. */
static long skip_ansi(const char *s, size_t len, size_t i)
{
    while (i < len) {
        if (s[i] == '\\')
            i += 2;
        else if (s[i] == '\'')
            return (long)i + 1;
        else
            i++;
    }
    return -1;
}

/* $name, $1, $?, ${...}, $(...), $((...)), $'...', or a lone '$'. */
long skip_dollar_in(const char *s, size_t len, size_t i, bool dq)
{
    i++;
    if (i >= len)
        return (long)i;
    if (s[i] == '(')
        return skip_paren(s, len, i + 1);
    if (s[i] == '{')
        return skip_brace(s, len, i + 1, dq);
    if (s[i] == '\'' && !dq)
        return skip_ansi(s, len, i + 1);
    if (strchr("#?$!@*-", s[i]) || isdigit((unsigned char)s[i]))
        return (long)i + 1;
    while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '_'))
        i++;
    return (long)i;
}

long skip_dollar(const char *s, size_t len, size_t i)
{
    return skip_dollar_in(s, len, i, false);
}

/* ---- tokens -------------------------------------------------------------------- */

static bool is_meta(char c)
{
    return strchr(" \t\n;&|<>()", c) != NULL;
}

/* bash's {name} right before < or > (in sh it is a word, as POSIX says). */
static bool fd_variable_at(const struct lexer *lx)
{
    const char *s = lx->src + lx->pos;
    size_t room = lx->len - lx->pos, n = 1;
    if (!bash_rules() || s[0] != '{')
        return false;
    while (n < room && (isalnum((unsigned char)s[n]) || s[n] == '_'))
        n++;
    return n > 1 && n + 1 < room && s[n] == '}' && (s[n + 1] == '<' || s[n + 1] == '>') &&
           is_name(s + 1, n - 1);
}

/* bash's process substitution <(...) or >(...) at s[i]: part of a word. */
static bool process_sub_at(const char *s, size_t len, size_t i)
{
    return !sh.posix && (s[i] == '<' || s[i] == '>') && i + 1 < len && s[i + 1] == '(';
}

/* Blanks, backslash-newlines and a comment. false: a backslash ends the text. */
static bool skip_blanks(struct lexer *lx)
{
    const char *s = lx->src;
    for (;;) {
        if (lx->pos < lx->len && (s[lx->pos] == ' ' || s[lx->pos] == '\t')) {
            lx->pos++;
        } else if (lx->pos < lx->len && s[lx->pos] == '\\') {
            if (lx->pos + 1 >= lx->len)
                return false;
            if (s[lx->pos + 1] != '\n')
                return true;
            if (lx->pos + 2 >= lx->len)
                return false;               /* the next line continues this one */
            lx->pos += 2;
            lx->lineno++;
        } else if (lx->pos < lx->len && s[lx->pos] == '#') {
            while (lx->pos < lx->len && s[lx->pos] != '\n')
                lx->pos++;
        } else {
            return true;
        }
    }
}

static enum tok lex_operator(struct lexer *lx, struct token *t)
{
    const char *s = lx->src + lx->pos;
    char next = lx->pos + 1 < lx->len ? s[1] : '\0';
    char third = lx->pos + 2 < lx->len ? s[2] : '\0';
    if (!sh.posix && s[0] == ';' && (next == '&' || (next == ';' && third == '&'))) {
        lx->pos += next == '&' ? 2 : 3;         /* bash's ;& and ;;& */
        return t->type = next == '&' ? T_SEMIAND : T_DSEMIAND;
    }
    if (!sh.posix && s[0] == '|' && next == '&') {
        lx->pos += 2;                           /* bash's |&: 2>&1 | */
        t->fd = 2;
        return t->type = T_PIPE;
    }
    if (bash_rules() && s[0] == '&' && next == '>') {
        lx->pos += third == '>' ? 3 : 2;        /* bash's &> and &>> */
        t->fd = 1;
        t->op = third == '>' ? R_APPENDERR : R_OUTERR;
        return t->type = T_REDIR;
    }
    static const struct { char a, b; enum tok type; } ops[] = {
        { ';', ';', T_DSEMI }, { '&', '&', T_AND }, { '|', '|', T_OR },
        { ';', 0, T_SEMI }, { '&', 0, T_AMP }, { '|', 0, T_PIPE },
        { '(', 0, T_LPAREN }, { ')', 0, T_RPAREN },
    };
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        if (s[0] == ops[k].a && (!ops[k].b || next == ops[k].b)) {
            lx->pos += ops[k].b ? 2 : 1;
            return t->type = ops[k].type;
        }
    }
    return T_EOF;   /* not reached: the caller saw an operator character */
}

/* < > and their longer forms; the position is at the '<' or '>'. */
static enum tok lex_redir(struct lexer *lx, struct token *t, int fd)
{
    const char *s = lx->src;
    size_t i = lx->pos;
    char c = s[i], next = i + 1 < lx->len ? s[i + 1] : '\0';
    size_t n = 2;
    t->fd = fd;
    if (c == '<') {
        if (next == '<' && i + 2 < lx->len && s[i + 2] == '<' && !sh.posix) {
            t->op = R_HERESTRING;
            n = 3;
        } else if (next == '<') {
            bool tab = i + 2 < lx->len && s[i + 2] == '-';
            t->op = tab ? R_HEREDOC_TAB : R_HEREDOC;
            n = tab ? 3 : 2;
        } else if (next == '&') {
            t->op = R_DUPIN;
        } else if (next == '>') {
            t->op = R_RDWR;
        } else {
            t->op = R_IN;
            n = 1;
        }
    } else {
        if (next == '>')
            t->op = R_APPEND;
        else if (next == '&')
            t->op = R_DUPOUT;
        else if (next == '|')
            t->op = R_CLOBBER;
        else {
            t->op = R_OUT;
            n = 1;
        }
    }
    lx->pos = i + n;
    return t->type = T_REDIR;
}

/* A word runs to the next unquoted blank or operator character. */
static enum tok lex_word(struct lexer *lx, struct token *t)
{
    const char *s = lx->src;
    size_t i = lx->pos, len = lx->len;
    while (i < len && (!is_meta(s[i]) || process_sub_at(s, len, i))) {
        long r;
        if (process_sub_at(s, len, i)) {
            r = skip_paren(s, len, i + 2);
            if (r < 0 || (size_t)r > len)
                return t->type = T_INCOMPLETE;
            i = (size_t)r;
            continue;
        }
        switch (s[i]) {
        case '\\':
            /* a backslash-newline at the very end continues the word */
            r = i + 1 < len && !(s[i + 1] == '\n' && i + 2 >= len) ? (long)i + 2 : -1;
            break;
        case '\'':  r = skip_squote(s, len, i + 1); break;
        case '"':   r = skip_dquote(s, len, i + 1); break;
        case '`':   r = skip_bquote(s, len, i + 1); break;
        case '$':   r = skip_dollar(s, len, i); break;
        default:    r = (long)i + 1; break;
        }
        if (r < 0 || (size_t)r > len)
            return t->type = T_INCOMPLETE;
        i = (size_t)r;
    }
    for (size_t k = lx->pos; k < i; k++)
        lx->lineno += s[k] == '\n';
    t->word = xstrndup(s + lx->pos, i - lx->pos);
    lx->pos = i;
    return t->type = T_WORD;
}

enum tok lex_next(struct lexer *lx, struct token *t)
{
    memset(t, 0, sizeof *t);
    if (!skip_blanks(lx))
        return t->type = T_INCOMPLETE;
    t->start = lx->pos;
    t->lineno = lx->lineno;
    const char *s = lx->src;
    enum tok type;
    if (lx->pos >= lx->len) {
        type = lx->nheredocs ? T_INCOMPLETE : T_EOF;
    } else if (s[lx->pos] == '\n') {
        lx->pos++;
        lx->lineno++;
        type = lex_heredoc_bodies(lx) ? T_NEWLINE : T_INCOMPLETE;
    } else if (process_sub_at(s, lx->len, lx->pos)) {
        type = lex_word(lx, t);
    } else if (fd_variable_at(lx)) {
        /* bash's {name}<file: a redirection whose fd the shell picks */
        const char *close = strchr(s + lx->pos, '}');
        t->word = xstrndup(s + lx->pos + 1, (size_t)(close - s) - lx->pos - 1);
        lx->pos = (size_t)(close - s) + 1;
        type = lex_redir(lx, t, -1);
    } else if (s[lx->pos] == '<' || s[lx->pos] == '>') {
        type = lex_redir(lx, t, -1);
    } else if (strchr(";&|()", s[lx->pos])) {
        type = lex_operator(lx, t);
    } else {
        /* digits right before < or > name the descriptor: 2>err */
        size_t d = lx->pos;
        while (d < lx->len && isdigit((unsigned char)s[d]))
            d++;
        /* up to 3 digits (bash; POSIX 2024 allows more than one), one
         * with --posix, as in dash */
        if (d > lx->pos && d < lx->len && (s[d] == '<' || s[d] == '>') &&
            d - lx->pos <= (sh.posix ? 1u : 3u)) {
            int fd = atoi(s + lx->pos);
            lx->pos = d;
            type = lex_redir(lx, t, fd);
        } else {
            type = lex_word(lx, t);
        }
    }
    t->end = lx->pos;
    return t->type = type;
}

/* ---- here-documents ------------------------------------------------------------ */

/* The delimiter with its quotes removed; *quoted tells if it had any. A
 * backslash-newline outside single quotes joins the lines (EO\<newline>F). */
static char *heredoc_delimiter(const char *raw, bool *quoted)
{
    struct strbuf b = {0};
    char q = 0;                         /* the quote we are in */
    *quoted = false;
    for (const char *p = raw; *p; p++) {
        if (*p == '\\' && p[1] == '\n' && q != '\'') {
            p++;
        } else if (q && *p == q) {
            q = 0;
        } else if (!q && (*p == '\'' || *p == '"')) {
            q = *p;
            *quoted = true;
        } else if (*p == '\\' && p[1] && (!q || (q == '"' && strchr("$`\"\\", p[1])))) {
            *quoted = true;
            sb_addc(&b, *++p);
        } else {
            sb_addc(&b, *p);
        }
    }
    return sb_take(&b);
}

/* Whether line[0..n) ends in a backslash that is not itself quoted. */
static bool continued(const char *line, size_t n)
{
    size_t k = 0;
    while (k < n && line[n - 1 - k] == '\\')
        k++;
    return k % 2 == 1;
}

/* One line of a here-document into *line: with an unquoted delimiter, a
 * backslash-newline joins the next line to it (*joined). false: the
 * input ends before a newline does (more may come; the text so far may
 * be the delimiter all the same). */
static bool heredoc_line(struct lexer *lx, const struct redir *r, struct strbuf *line,
                         bool *joined)
{
    *joined = false;
    while (lx->pos < lx->len) {
        const char *s = lx->src + lx->pos;
        const char *nl = memchr(s, '\n', lx->len - lx->pos);
        size_t n = nl ? (size_t)(nl - s) : lx->len - lx->pos;
        lx->pos += n + (nl != NULL);
        lx->lineno += nl != NULL;
        if (r->op == R_HEREDOC_TAB)
            while (n > 0 && *s == '\t')
                s++, n--;
        if (!nl || r->quoted || !continued(s, n)) {
            sb_addn(line, s, n);
            return nl != NULL;
        }
        sb_addn(line, s, n - 1);
        *joined = true;
    }
    return false;
}

/* Read one here-document's lines, up to its delimiter line. A line
 * joined by backslash-newlines ends it when it reads as the delimiter
 * in bash, not in sh (dash). */
static bool read_heredoc(struct lexer *lx, struct redir *r)
{
    char *delim = heredoc_delimiter(r->target, &r->quoted);
    struct strbuf body = {0};
    bool done = false;
    while (!done && lx->pos < lx->len) {
        struct strbuf line = {0};
        bool joined, whole = heredoc_line(lx, r, &line, &joined);
        if (strcmp(line.s ? line.s : "", delim) == 0 && (!joined || bash_rules())) {
            done = true;
        } else if (!whole) {
            sb_free(&line);
            break;      /* a last line without newline: more may come */
        } else {
            sb_adds(&body, line.s ? line.s : "");
            sb_addc(&body, '\n');
        }
        sb_free(&line);
    }
    free(delim);
    free(r->body);
    r->body = sb_take(&body);
    return done;
}

bool lex_heredoc_bodies(struct lexer *lx)
{
    for (int k = 0; k < lx->nheredocs; k++)
        if (!read_heredoc(lx, lx->heredocs[k]))
            return false;
    lx->nheredocs = 0;
    return true;
}
