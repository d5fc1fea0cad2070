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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parser {
    struct lexer lx;
    struct token tok;       /* the lookahead */
    bool   have;
    size_t last_end;        /* where the last consumed token ended */
    enum parse_result result;
};

static struct node *parse_list(struct parser *p, bool multiline);
static struct node *parse_cmd(struct parser *p);

/* ---- tokens ---------------------------------------------------------------- */

static struct token *peek(struct parser *p)
{
    if (!p->have) {
        lex_next(&p->lx, &p->tok);
        p->have = true;
    }
    return &p->tok;
}

static void consume(struct parser *p)
{
    peek(p);
    p->last_end = p->tok.end;
    free(p->tok.word);
    p->tok.word = NULL;
    p->have = false;
}

/* The lookahead word, now the caller's. */
static char *take_word(struct parser *p)
{
    char *w = peek(p)->word;
    p->tok.word = NULL;
    consume(p);
    return w;
}

static bool is_word(struct parser *p, const char *w)
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
    return false;
}

/* Words that end a list: the next part of the enclosing construct. */
static bool at_list_end(struct parser *p)
{
    static const char *const closers[] = {
        "then", "else", "elif", "fi", "do", "done", "esac", "}", NULL
    };
    struct token *t = peek(p);
    if (t->type == T_RPAREN || t->type == T_DSEMI || t->type == T_EOF ||
        t->type == T_INCOMPLETE)
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
    };
    static const char *const redirs[] = {
        [R_IN] = "<", [R_OUT] = ">", [R_APPEND] = ">>", [R_CLOBBER] = ">|",
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
static void *syntax_error(struct parser *p)
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

static bool expect_word(struct parser *p, const char *w)
{
    if (is_word(p, w)) {
        consume(p);
        return true;
    }
    syntax_error(p);
    return false;
}

static void skip_newlines(struct parser *p)
{
    while (peek(p)->type == T_NEWLINE)
        consume(p);
}

static void set_text(struct parser *p, struct node *n, size_t start)
{
    size_t end = p->last_end > start ? p->last_end : start;
    free(n->text);
    n->text = xstrndup(p->lx.src + start, end - start);
}

/* ---- redirections -------------------------------------------------------- */

static bool parse_redirect(struct parser *p, struct redir ***tail)
{
    struct token *t = peek(p);
    enum redir_op op = t->op;
    int fd = t->fd;
    consume(p);
    if (peek(p)->type != T_WORD) {
        syntax_error(p);
        return false;
    }
    struct redir *r = xmalloc(sizeof *r);
    memset(r, 0, sizeof *r);
    r->op = op;
    r->fd = fd >= 0 ? fd : (op == R_IN || op == R_DUPIN || op == R_RDWR ||
                            op == R_HEREDOC || op == R_HEREDOC_TAB) ? 0 : 1;
    r->target = take_word(p);
    **tail = r;
    *tail = &r->next;
    if (op == R_HEREDOC || op == R_HEREDOC_TAB) {
        if (p->lx.nheredocs == (int)(sizeof p->lx.heredocs / sizeof p->lx.heredocs[0])) {
            sh_error("too many here-documents");
            p->result = PARSE_ERROR;
            return false;
        }
        p->lx.heredocs[p->lx.nheredocs++] = r;
    }
    return true;
}

static bool parse_redirects(struct parser *p, struct node *n)
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

static bool is_assignment(const char *w)
{
    const char *eq = strchr(w, '=');
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
    struct redir **tail = &n->redirs;
    for (;;) {
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

/* ---- compound commands ---------------------------------------------------- */

/* The list of a compound command; one command at least. */
static struct node *parse_body(struct parser *p)
{
    skip_newlines(p);
    if (at_list_end(p))
        return syntax_error(p);
    return parse_list(p, true);
}

static struct node *parse_if(struct parser *p)
{
    struct node *n = node_new(N_IF);
    consume(p);                                   /* if or elif */
    if (!(n->if_.cond = parse_body(p)) || !expect_word(p, "then") ||
        !(n->if_.then = parse_body(p)))
        return node_free(n), NULL;
    if (is_word(p, "elif")) {
        if (!(n->if_.els = parse_if(p)))
            return node_free(n), NULL;
        return n;                                 /* the inner if ate the fi */
    }
    if (is_word(p, "else")) {
        consume(p);
        if (!(n->if_.els = parse_body(p)))
            return node_free(n), NULL;
    }
    if (!expect_word(p, "fi"))
        return node_free(n), NULL;
    return n;
}

static struct node *parse_loop(struct parser *p, enum node_type type)
{
    struct node *n = node_new(type);
    consume(p);                                   /* while or until */
    if (!(n->loop.cond = parse_body(p)) || !expect_word(p, "do") ||
        !(n->loop.body = parse_body(p)) || !expect_word(p, "done"))
        return node_free(n), NULL;
    return n;
}

static struct node *parse_for(struct parser *p)
{
    struct node *n = node_new(N_FOR);
    consume(p);                                   /* for */
    struct token *t = peek(p);
    if (t->type != T_WORD || !is_name(t->word, strlen(t->word)))
        return node_free(n), syntax_error(p);
    n->for_.var = take_word(p);
    skip_newlines(p);
    if (is_word(p, "in")) {
        consume(p);
        n->for_.has_in = true;
        while (peek(p)->type == T_WORD)
            wl_add(&n->for_.words, take_word(p));
        if (peek(p)->type != T_SEMI && peek(p)->type != T_NEWLINE)
            return node_free(n), syntax_error(p);
        consume(p);
    } else if (peek(p)->type == T_SEMI) {
        consume(p);
    }
    skip_newlines(p);
    if (!expect_word(p, "do") || !(n->for_.body = parse_body(p)) ||
        !expect_word(p, "done"))
        return node_free(n), NULL;
    return n;
}

/* One `pattern | pattern) list ;;` of a case. */
static struct case_item *parse_case_item(struct parser *p)
{
    struct case_item *c = xmalloc(sizeof *c);
    memset(c, 0, sizeof *c);
    if (peek(p)->type == T_LPAREN)
        consume(p);
    for (;;) {
        if (peek(p)->type != T_WORD)
            break;
        wl_add(&c->patterns, take_word(p));
        if (peek(p)->type != T_PIPE)
            break;
        consume(p);
    }
    if (!c->patterns.n || peek(p)->type != T_RPAREN)
        goto fail;
    consume(p);
    skip_newlines(p);
    if (!at_list_end(p) && !(c->body = parse_list(p, true)))
        goto fail;
    if (peek(p)->type == T_DSEMI)
        consume(p);
    else if (!is_word(p, "esac"))
        goto fail;
    skip_newlines(p);
    return c;
fail:
    syntax_error(p);
    wl_free(&c->patterns);
    node_free(c->body);
    free(c);
    return NULL;
}

static struct node *parse_case(struct parser *p)
{
    struct node *n = node_new(N_CASE);
    consume(p);                                   /* case */
    if (peek(p)->type != T_WORD)
        return node_free(n), syntax_error(p);
    n->case_.word = take_word(p);
    skip_newlines(p);
    if (!expect_word(p, "in"))
        return node_free(n), NULL;
    skip_newlines(p);
    struct case_item **tail = &n->case_.items;
    while (!is_word(p, "esac")) {
        if (!(*tail = parse_case_item(p)))
            return node_free(n), NULL;
        tail = &(*tail)->next;
    }
    consume(p);
    return n;
}

static struct node *parse_group(struct parser *p, enum node_type type)
{
    struct node *n = node_new(type);
    consume(p);                                   /* { or ( */
    if (!(n->group.body = parse_body(p)))
        return node_free(n), NULL;
    if (type == N_BRACE ? !is_word(p, "}") : peek(p)->type != T_RPAREN)
        return node_free(n), syntax_error(p);
    consume(p);
    return n;
}

static struct node *parse_compound(struct parser *p)
{
    struct token *t = peek(p);
    if (t->type == T_LPAREN)
        return parse_group(p, N_SUBSHELL);
    if (t->type != T_WORD)
        return NULL;
    if (strcmp(t->word, "{") == 0)
        return parse_group(p, N_BRACE);
    if (strcmp(t->word, "if") == 0)
        return parse_if(p);
    if (strcmp(t->word, "while") == 0)
        return parse_loop(p, N_WHILE);
    if (strcmp(t->word, "until") == 0)
        return parse_loop(p, N_UNTIL);
    if (strcmp(t->word, "for") == 0)
        return parse_for(p);
    if (strcmp(t->word, "case") == 0)
        return parse_case(p);
    return NULL;
}

static struct node *parse_cmd(struct parser *p)
{
    struct token *t = peek(p);
    size_t start = t->start;
    if (t->type == T_LPAREN || (t->type == T_WORD && is_reserved_word(t->word))) {
        if (at_list_end(p) || is_word(p, "!") || is_word(p, "in"))
            return syntax_error(p);
        struct node *n = parse_compound(p);
        if (!n)
            return NULL;
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

static struct node *parse_pipeline(struct parser *p)
{
    size_t start = peek(p)->start;
    bool negate = false;
    while (is_word(p, "!")) {
        negate = !negate;
        consume(p);
    }
    struct node *first = parse_cmd(p);
    if (!first)
        return NULL;
    if (peek(p)->type != T_PIPE && !negate)
        return first;
    struct node *n = node_new(N_PIPELINE);
    n->pipe.negate = negate;
    n->pipe.cmds = xmalloc(sizeof *n->pipe.cmds);
    n->pipe.cmds[n->pipe.n++] = first;
    while (peek(p)->type == T_PIPE) {
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

static void list_add(struct node *list, struct node *item, bool bg)
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
static struct node *parse_list(struct parser *p, bool multiline)
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
    }
    free(p.tok.word);
    if (p.result != PARSE_OK)
        return p.result;
    *out = n;
    *pos = p.lx.pos;
    *lineno = p.lx.lineno;
    return PARSE_OK;
}
