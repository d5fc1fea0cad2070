/*
 * parse.c - building the command tree from tokens, by recursive descent
 * over the shell grammar of POSIX (XCU 2.10), in its usual layers:
 *
 *   list      and_or ((';' | '&' | newline) and_or)*
 *   and_or    pipeline (('&&' | '||') pipeline)*
 *   pipeline  ['!'] command ('|' command)*
 *   command   simple command | compound command [redirections] | function
 *   compound  { list } | ( list ) | if | while | until | for | case
 *
 * Reserved words (if, then, do, ...) are plain words that the parser
 * recognises where a command may start. Every node records its source text
 * (for `jobs`, and to hand a command to a sub-shell).
 *
 * Errors: when the tokens run out where more are needed, the result is
 * PARSE_INCOMPLETE and the caller reads another line; otherwise a message
 * names the unexpected token. Either way every node built so far is freed.
 */
#include "sh.h"
#include "parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* ---- tokens ---------------------------------------------------------------- */

struct token *peek(struct parser *p)
{
    if (!p->have) {
        lex_next(&p->lx, &p->tok);
        p->have = true;
    }
    return &p->tok;
}

void consume(struct parser *p)
{
    peek(p);
    p->last_end = p->tok.end;
    free(p->tok.word);
    p->tok.word = NULL;
    p->have = false;
}

/* The lookahead word, now the caller's. */
char *take_word(struct parser *p)
{
    char *w = peek(p)->word;
    p->tok.word = NULL;
    consume(p);
    return w;
}

bool is_word(struct parser *p, const char *w)
{
    struct token *t = peek(p);
    return t->type == T_WORD && strcmp(t->word, w) == 0;
}

static const char *const reserved[] = {
    "if", "then", "else", "elif", "fi", "do", "done", "case", "esac",
    "while", "until", "for", "{", "}", "!", "in", NULL
};

static bool is_reserved_word(const char *s)
{
    for (int i = 0; reserved[i]; i++)
        if (strcmp(s, reserved[i]) == 0)
            return true;
    return !sh.posix && (strcmp(s, "[[") == 0 || strcmp(s, "function") == 0);
}

/* ---- aliases ------------------------------------------------------------------ */

static bool in_region(struct parser *p, const char *name, size_t pos)
{
    for (int i = 0; i < p->nregions; i++)
        if (strcmp(p->regions[i].name, name) == 0 && pos >= p->regions[i].start &&
            pos < p->regions[i].end)
            return true;
    return false;
}

/* The lookahead word, where a command name may stand, is an alias: put
 * its text in the source instead, and read again from there (POSIX
 * 2.3.1). An alias is not expanded inside its own text. */
static bool expand_alias(struct parser *p)
{
    struct token *t = peek(p);
    if (t->type != T_WORD || strpbrk(t->word, "'\"\\$`") || p->nregions == 32)
        return false;
    const char *value = alias_get(t->word);
    if (!value || in_region(p, t->word, t->start))
        return false;
    size_t vlen = strlen(value), start = t->start, end = t->end;
    struct strbuf b = {0};
    sb_addn(&b, p->lx.src, start);
    sb_adds(&b, value);
    sb_addn(&b, p->lx.src + end, p->lx.len - end);
    long grow = (long)vlen - (long)(end - start);
    for (int i = 0; i < p->nregions; i++) {
        if (p->regions[i].start >= end)
            p->regions[i].start += grow;
        if (p->regions[i].end >= end)
            p->regions[i].end += grow;
    }
    p->regions[p->nregions].name = xstrdup(t->word);
    p->regions[p->nregions].start = start;
    p->regions[p->nregions].end = start + vlen;
    p->nregions++;
    free(p->owned);
    p->lx.len = b.len;
    p->owned = sb_take(&b);
    p->lx.src = p->owned;
    p->lx.pos = start;
    p->delta += grow;
    free(t->word);
    t->word = NULL;
    p->have = false;
    if (vlen && (value[vlen - 1] == ' ' || value[vlen - 1] == '\t')) {
        p->alias_next = true;
        p->alias_next_pos = start + vlen;
    }
    return true;
}

/* Every alias the word at the lookahead becomes, one after the other. */
static void expand_aliases(struct parser *p)
{
    for (int k = 0; k < 32 && expand_alias(p); k++)
        ;
}

/* The word after an alias that ended with a blank is looked up too,
 * wherever it stands (`for`'s name and `in` included, as in dash);
 * true if it was. */
bool alias_after_blank(struct parser *p)
{
    if (!p->alias_next || peek(p)->type != T_WORD || peek(p)->start < p->alias_next_pos)
        return false;
    p->alias_next = false;
    expand_aliases(p);
    return true;
}

/* Words that end a list: the next part of the enclosing construct. */
bool at_list_end(struct parser *p)
{
    static const char *const closers[] = {
        "then", "else", "elif", "fi", "do", "done", "esac", "}", NULL
    };
    struct token *t = peek(p);
    if (t->type == T_RPAREN || t->type == T_DSEMI || t->type == T_EOF ||
        t->type == T_INCOMPLETE || t->type == T_SEMIAND || t->type == T_DSEMIAND)
        return true;
    for (int i = 0; t->type == T_WORD && closers[i]; i++)
        if (strcmp(t->word, closers[i]) == 0)
            return true;
    return false;
}

static const char *token_text(struct token *t)
{
    static const char *const names[] = {
        [T_NEWLINE] = "newline", [T_EOF] = "end of file", [T_SEMI] = ";",
        [T_DSEMI] = ";;", [T_AMP] = "&", [T_AND] = "&&", [T_PIPE] = "|",
        [T_OR] = "||", [T_LPAREN] = "(", [T_RPAREN] = ")",
        [T_SEMIAND] = ";&", [T_DSEMIAND] = ";;&",
    };
    static const char *const redirs[] = {
        [R_IN] = "<", [R_OUT] = ">", [R_APPEND] = ">>", [R_CLOBBER] = ">|",
        [R_OUTERR] = "&>", [R_APPENDERR] = "&>>",
        [R_RDWR] = "<>", [R_DUPIN] = "<&", [R_DUPOUT] = ">&",
        [R_HEREDOC] = "<<", [R_HEREDOC_TAB] = "<<-",
    };
    if (t->type == T_WORD)
        return t->word;
    if (t->type == T_REDIR)
        return redirs[t->op];
    return names[t->type];
}

/* Fail at the lookahead: incomplete if the input ran out there. */
void *syntax_error(struct parser *p)
{
    struct token *t = peek(p);
    if (p->result != PARSE_OK)
        return NULL;
    if (t->type == T_EOF || t->type == T_INCOMPLETE) {
        p->result = PARSE_INCOMPLETE;
        return NULL;
    }
    p->result = PARSE_ERROR;
    if (sh.interactive)
        sh_error("syntax error near unexpected token '%s'", token_text(t));
    else
        sh_error("line %d: syntax error near unexpected token '%s'",
                 p->lx.lineno - (t->type == T_NEWLINE), token_text(t));
    return NULL;
}

bool expect_word(struct parser *p, const char *w)
{
    if (is_word(p, w)) {
        consume(p);
        return true;
    }
    syntax_error(p);
    return false;
}

void skip_newlines(struct parser *p)
{
    while (peek(p)->type == T_NEWLINE)
        consume(p);
}

void set_text(struct parser *p, struct node *n, size_t start)
{
    size_t end = p->last_end > start ? p->last_end : start;
    free(n->text);
    n->text = xstrndup(p->lx.src + start, end - start);
}

/* ---- redirections -------------------------------------------------------- */

/* A here-document's delimiter is not expanded; one with a command
 * substitution $(...) (or $((...))) is a syntax error, as in dash; bash
 * takes it as it is written. */
static bool expanding_delimiter(const char *w)
{
    for (; *w; w++) {
        if (*w == '\\' && w[1])
            w++;
        else if (*w == '\'' && strchr(w + 1, '\''))
            w = strchr(w + 1, '\'');
        else if (*w == '$' && w[1] == '(')
            return true;
    }
    return false;
}

static bool parse_redirect(struct parser *p, struct redir ***tail)
{
    struct token *t = peek(p);
    enum redir_op op = t->op;
    int fd = t->fd;
    char *fd_var = t->word;         /* {name}<file */
    t->word = NULL;
    consume(p);
    if (peek(p)->type != T_WORD) {
        free(fd_var);
        syntax_error(p);
        return false;
    }
    struct redir *r = xmalloc(sizeof *r);
    memset(r, 0, sizeof *r);
    r->fd_var = fd_var;
    r->op = op;
    r->fd = fd >= 0 ? fd : (op == R_IN || op == R_DUPIN || op == R_RDWR ||
                            op == R_HEREDOC || op == R_HEREDOC_TAB ||
                            op == R_HERESTRING) ? 0 : 1;
    r->target = take_word(p);
    **tail = r;
    *tail = &r->next;
    if (op == R_HEREDOC || op == R_HEREDOC_TAB) {
        if (expanding_delimiter(r->target) && !bash_rules()) {
            sh_error("line %d: syntax error: bad here-document delimiter '%s'",
                     p->lx.lineno, r->target);
            p->result = PARSE_ERROR;
            return false;
        }
        if (p->lx.nheredocs == (int)(sizeof p->lx.heredocs / sizeof p->lx.heredocs[0])) {
            sh_error("too many here-documents");
            p->result = PARSE_ERROR;
            return false;
        }
        p->lx.heredocs[p->lx.nheredocs++] = r;
    }
    return true;
}

bool parse_redirects(struct parser *p, struct node *n)
{
    struct redir **tail = &n->redirs;
    while (*tail)
        tail = &(*tail)->next;
    while (peek(p)->type == T_REDIR)
        if (!parse_redirect(p, &tail))
            return false;
    return true;
}

/* ---- simple commands and functions -------------------------------------- */

/* NAME=value, or bash's NAME+=value (appends). */
static bool is_assignment(const char *w)
{
    const char *eq = strchr(w, '=');
    if (eq && eq > w && eq[-1] == '+' && !sh.posix)
        return is_name(w, (size_t)(eq - w - 1));
    return eq && is_name(w, (size_t)(eq - w));
}

static struct node *parse_funcdef(struct parser *p, struct node *n, size_t start)
{
    char *name = n->simple.words.v[0];
    consume(p);                                   /* ( */
    if (peek(p)->type != T_RPAREN || !is_name(name, strlen(name)))
        return node_free(n), syntax_error(p);
    consume(p);
    skip_newlines(p);
    struct node *body = parse_cmd(p);
    if (!body)
        return node_free(n), NULL;
    struct node *f = node_new(N_FUNCDEF);
    f->func.name = xstrdup(name);
    f->func.body = body;
    set_text(p, f, start);
    node_free(n);
    return f;
}

static struct node *parse_simple(struct parser *p)
{
    size_t start = peek(p)->start;
    struct node *n = node_new(N_SIMPLE);
    n->lineno = peek(p)->lineno;
    struct redir **tail = &n->redirs;
    for (;;) {
        if (!alias_after_blank(p) && peek(p)->type == T_WORD &&
            n->simple.words.n == 0 && !is_assignment(peek(p)->word))
            expand_aliases(p);
        struct token *t = peek(p);
        if (t->type == T_REDIR) {
            if (!parse_redirect(p, &tail))
                return node_free(n), NULL;
        } else if (t->type == T_WORD) {
            if (n->simple.words.n == 0 && is_assignment(t->word))
                wl_add(&n->simple.assigns, take_word(p));
            else
                wl_add(&n->simple.words, take_word(p));
        } else if (t->type == T_LPAREN && n->simple.words.n == 1 &&
                   !n->simple.assigns.n && !n->redirs) {
            return parse_funcdef(p, n, start);
        } else {
            break;
        }
    }
    if (!n->simple.words.n && !n->simple.assigns.n && !n->redirs)
        return node_free(n), syntax_error(p);
    set_text(p, n, start);
    return n;
}

struct node *parse_cmd(struct parser *p)
{
    expand_aliases(p);
    struct token *t = peek(p);
    size_t start = t->start;
    int lineno = t->lineno;
    if (!sh.posix && t->type == T_LPAREN && p->lx.pos < p->lx.len &&
        p->lx.src[p->lx.pos] == '(') {
        struct node *a = parse_arith_command(p);
        if (a || p->result != PARSE_OK)
            return a;
        t = peek(p);
    }
    if (t->type == T_WORD && !sh.posix && strcmp(t->word, "[[") == 0)
        return parse_dbracket(p, start);
    if (t->type == T_WORD && !sh.posix && strcmp(t->word, "function") == 0)
        return parse_function_keyword(p, start);
    if (t->type == T_LPAREN || (t->type == T_WORD && is_reserved_word(t->word))) {
        if (at_list_end(p) || is_word(p, "!") || is_word(p, "in"))
            return syntax_error(p);
        struct node *n = parse_compound(p);
        if (!n)
            return NULL;
        n->lineno = lineno;
        set_text(p, n, start);
        if (!parse_redirects(p, n))
            return node_free(n), NULL;
        return n;
    }
    if (t->type != T_WORD && t->type != T_REDIR)
        return syntax_error(p);
    return parse_simple(p);
}

/* ---- pipelines and lists -------------------------------------------------- */

/* bash's `a |& b`: a's 2>&1, after its own redirections. */
static void pipe_stderr_too(struct node *c)
{
    struct redir **tail = &c->redirs;
    while (*tail)
        tail = &(*tail)->next;
    struct redir *r = xmalloc(sizeof *r);
    memset(r, 0, sizeof *r);
    r->fd = 2;
    r->op = R_DUPOUT;
    r->target = xstrdup("1");
    *tail = r;
}

static struct node *parse_pipeline(struct parser *p)
{
    size_t start = peek(p)->start;
    bool negate = false, timed = false;
    expand_aliases(p);
    if (!sh.posix && is_word(p, "time")) {
        timed = true;
        consume(p);
        if (is_word(p, "-p"))
            consume(p);
        expand_aliases(p);
    }
    while (is_word(p, "!")) {
        negate = !negate;
        consume(p);
        expand_aliases(p);
    }
    struct node *first;
    bool alone = peek(p)->type == T_NEWLINE || peek(p)->type == T_EOF ||
                 peek(p)->type == T_SEMI || peek(p)->type == T_AMP;
    if (alone && (timed || (negate && bash_rules()))) {
        /* `time` alone; bash's `!` alone, as `! :` (status 1) */
        first = node_new(N_SIMPLE);
        wl_add(&first->simple.words, xstrdup(":"));
        first->text = xstrdup("");
    } else {
        first = parse_cmd(p);
    }
    if (!first)
        return NULL;
    if (peek(p)->type != T_PIPE && !negate && !timed)
        return first;
    struct node *n = node_new(N_PIPELINE);
    n->lineno = first->lineno;
    n->pipe.negate = negate;
    n->pipe.timed = timed;
    n->pipe.cmds = xmalloc(sizeof *n->pipe.cmds);
    n->pipe.cmds[n->pipe.n++] = first;
    while (peek(p)->type == T_PIPE) {
        if (peek(p)->fd == 2)
            pipe_stderr_too(n->pipe.cmds[n->pipe.n - 1]);
        consume(p);
        skip_newlines(p);
        struct node *c = parse_cmd(p);
        if (!c)
            return node_free(n), NULL;
        n->pipe.cmds = xrealloc(n->pipe.cmds, (size_t)(n->pipe.n + 1) * sizeof c);
        n->pipe.cmds[n->pipe.n++] = c;
    }
    set_text(p, n, start);
    return n;
}

static struct node *parse_and_or(struct parser *p)
{
    size_t start = peek(p)->start;
    struct node *left = parse_pipeline(p);
    while (left && (peek(p)->type == T_AND || peek(p)->type == T_OR)) {
        struct node *n = node_new(peek(p)->type == T_AND ? N_AND : N_OR);
        consume(p);
        skip_newlines(p);
        n->andor.left = left;
        if (!(n->andor.right = parse_pipeline(p)))
            return node_free(n), NULL;
        set_text(p, n, start);
        left = n;
    }
    return left;
}

void list_add(struct node *list, struct node *item, bool bg)
{
    int n = list->list.n;
    list->list.items = xrealloc(list->list.items, (size_t)(n + 1) * sizeof item);
    list->list.bg = xrealloc(list->list.bg, (size_t)(n + 1) * sizeof(bool));
    list->list.items[n] = item;
    list->list.bg[n] = bg;
    list->list.n++;
}

/* Commands separated by ; and & (and newlines when multiline), up to a
 * token that cannot start a command. */
struct node *parse_list(struct parser *p, bool multiline)
{
    struct node *list = node_new(N_LIST);
    size_t start = peek(p)->start;
    for (;;) {
        struct node *item = parse_and_or(p);
        if (!item)
            return node_free(list), NULL;
        enum tok sep = peek(p)->type;
        bool bg = sep == T_AMP;
        list_add(list, item, bg);
        if (sep == T_SEMI || sep == T_AMP || (multiline && sep == T_NEWLINE))
            consume(p);
        else
            break;
        if (multiline)
            skip_newlines(p);
        if (at_list_end(p) || peek(p)->type == T_NEWLINE)
            break;
    }
    if (list->list.n == 1 && !list->list.bg[0]) {
        struct node *only = list->list.items[0];
        list->list.n = 0;
        node_free(list);
        return only;
    }
    set_text(p, list, start);
    return list;
}

/* Is the parser still inside the text of an alias? */
static bool inside_alias(struct parser *p)
{
    size_t at = p->have ? p->tok.start : p->lx.pos;
    for (int i = 0; i < p->nregions; i++)
        if (at < p->regions[i].end && at >= p->regions[i].start)
            return true;
    return false;
}

enum parse_result parse_command(const char *src, size_t len, size_t *pos,
                                int *lineno, struct node **out)
{
    struct parser p = { .lx = { .src = src, .len = len, .pos = *pos, .lineno = *lineno } };
    struct node *n = NULL;
    *out = NULL;
    skip_newlines(&p);
    if (peek(&p)->type == T_EOF) {
        consume(&p);
    } else {
        n = parse_list(&p, false);
        if (n && peek(&p)->type != T_NEWLINE && peek(&p)->type != T_EOF) {
            syntax_error(&p);
            node_free(n);
            n = NULL;
        }
        if (n)
            consume(&p);
        else if (p.result == PARSE_OK)
            p.result = PARSE_INCOMPLETE;
        /* an alias's text holds newlines: its commands after the first
         * line are part of this one */
        while (n && p.result == PARSE_OK && inside_alias(&p)) {
            skip_newlines(&p);
            if (peek(&p)->type == T_EOF || !inside_alias(&p))
                break;
            struct node *more = parse_list(&p, false);
            if (!more || (peek(&p)->type != T_NEWLINE && peek(&p)->type != T_EOF)) {
                if (more)
                    syntax_error(&p);
                node_free(more);
                node_free(n);
                n = NULL;
                break;
            }
            consume(&p);
            struct node *list = node_new(N_LIST);
            list_add(list, n, false);
            list_add(list, more, false);
            n = list;
        }
    }
    free(p.tok.word);
    free(p.owned);
    for (int i = 0; i < p.nregions; i++)
        free(p.regions[i].name);
    if (p.result != PARSE_OK)
        return p.result;
    *out = n;
    *pos = (size_t)((long)p.lx.pos - p.delta);
    *lineno = p.lx.lineno;
    return PARSE_OK;
}
