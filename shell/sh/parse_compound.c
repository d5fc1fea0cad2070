/*
 * parse_compound.c - the compound commands of the grammar (XCU 2.9.4):
 * { }, ( ), if, while, until, for, case; and bash's [[ ]], (( )),
 * for (( ;; )) and `function NAME`, which `set -o posix` turns off.
 * parse.c calls here when a command starts with a reserved word.
 */
#include "sh.h"
#include "parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- compound commands ---------------------------------------------------- */

/* The list of a compound command; one command at least. */
struct node *parse_body(struct parser *p)
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

/* for (( INIT; TEST; STEP )) BODY - bash */
static struct node *parse_arith_for(struct parser *p)
{
    const char *s = p->lx.src;
    size_t open = p->lx.pos + 1;
    long end = skip_paren(s, p->lx.len, open);
    if (end < 0 || (size_t)end >= p->lx.len || s[end] != ')') {
        if (end < 0)
            p->result = PARSE_INCOMPLETE;
        return end < 0 ? NULL : syntax_error(p);
    }
    char *inside = xstrndup(s + open, (size_t)end - open - 1);
    char *parts[3] = { NULL, NULL, NULL };
    char *q = inside;
    for (int k = 0; k < 3; k++) {
        char *semi = k < 2 ? strchr(q, ';') : NULL;
        if (k < 2 && !semi) {
            free(inside);
            free(parts[0]);
            free(parts[1]);
            return syntax_error(p);
        }
        parts[k] = semi ? xstrndup(q, (size_t)(semi - q)) : xstrdup(q);
        q = semi ? semi + 1 : q;
    }
    free(inside);
    for (size_t k = p->lx.pos; k <= (size_t)end; k++)
        p->lx.lineno += s[k] == '\n';
    p->lx.pos = (size_t)end + 1;
    p->have = false;
    struct node *n = node_new(N_ARITH_FOR);
    n->afor.init = parts[0];
    n->afor.test = parts[1];
    n->afor.step = parts[2];
    if (peek(p)->type == T_SEMI)
        consume(p);
    skip_newlines(p);
    bool brace = is_word(p, "{");
    if (brace) {
        if (!(n->afor.body = parse_cmd(p)))
            return node_free(n), NULL;
        return n;
    }
    if (!expect_word(p, "do") || !(n->afor.body = parse_body(p)) ||
        !expect_word(p, "done"))
        return node_free(n), NULL;
    return n;
}

static struct node *parse_for(struct parser *p)
{
    struct node *n = node_new(N_FOR);
    consume(p);                                   /* for */
    if (!sh.posix && peek(p)->type == T_LPAREN && p->lx.pos < p->lx.len &&
        p->lx.src[p->lx.pos] == '(') {
        node_free(n);
        return parse_arith_for(p);
    }
    alias_after_blank(p);
    struct token *t = peek(p);
    if (t->type != T_WORD || !is_name(t->word, strlen(t->word)))
        return node_free(n), syntax_error(p);
    n->for_.var = take_word(p);
    skip_newlines(p);
    alias_after_blank(p);
    if (is_word(p, "in")) {
        consume(p);
        n->for_.has_in = true;
        while (alias_after_blank(p), peek(p)->type == T_WORD)
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
    c->end = peek(p)->type;
    if (c->end == T_DSEMI || c->end == T_SEMIAND || c->end == T_DSEMIAND)
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

struct node *parse_compound(struct parser *p)
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

/* ---- bash's own commands ------------------------------------------------------- */

/* (( EXPR )) at the lookahead '(' (the second '(' is next in the text):
 * NULL if the text is no arithmetic (then it was `( (` subshells). */
struct node *parse_arith_command(struct parser *p)
{
    const char *s = p->lx.src;
    size_t open = p->lx.pos + 1;
    long end = skip_paren(s, p->lx.len, open);
    if (end < 0) {
        p->result = PARSE_INCOMPLETE;
        return NULL;
    }
    if ((size_t)end >= p->lx.len || s[end] != ')' || memchr(s + open, '\n', (size_t)end - open))
        return NULL;
    struct node *n = node_new(N_ARITH);
    n->lineno = p->tok.lineno;
    n->arith.expr = xstrndup(s + open, (size_t)end - open - 1);
    size_t start = p->tok.start;
    for (size_t k = p->lx.pos; k <= (size_t)end; k++)
        p->lx.lineno += s[k] == '\n';
    p->lx.pos = (size_t)end + 1;
    p->have = false;
    p->last_end = p->lx.pos;
    set_text(p, n, start);
    if (!parse_redirects(p, n))
        return node_free(n), NULL;
    return n;
}

/* [[ WORDS ]]: the words kept raw; && || ( ) < > are words here. Its
 * parentheses must pair, as in bash: `[[ ) ]]` is a syntax error. */
struct node *parse_dbracket(struct parser *p, size_t start)
{
    struct node *n = node_new(N_DBRACKET);
    n->lineno = peek(p)->lineno;
    consume(p);
    int open = 0;
    for (;;) {
        struct token *t = peek(p);
        bool close = t->type == T_WORD && strcmp(t->word, "]]") == 0;
        if ((close && open > 0) || (t->type == T_RPAREN && open == 0)) {
            node_free(n);
            return syntax_error(p);
        }
        if (close) {
            consume(p);
            break;
        }
        open += t->type == T_LPAREN ? 1 : t->type == T_RPAREN ? -1 : 0;
        if (t->type == T_WORD) {
            wl_add(&n->cond.words, take_word(p));
        } else if (t->type == T_AND || t->type == T_OR || t->type == T_LPAREN ||
                   t->type == T_RPAREN) {
            wl_add(&n->cond.words, xstrdup(t->type == T_AND ? "&&" : t->type == T_OR ? "||" :
                                           t->type == T_LPAREN ? "(" : ")"));
            consume(p);
        } else if (t->type == T_REDIR && (t->op == R_IN || t->op == R_OUT) && t->fd < 0) {
            wl_add(&n->cond.words, xstrdup(t->op == R_IN ? "<" : ">"));
            consume(p);
        } else if (t->type == T_NEWLINE) {
            consume(p);
        } else {
            node_free(n);
            return syntax_error(p);
        }
    }
    set_text(p, n, start);
    if (!parse_redirects(p, n))
        return node_free(n), NULL;
    return n;
}

/* function NAME [()] BODY */
struct node *parse_function_keyword(struct parser *p, size_t start)
{
    consume(p);
    struct token *t = peek(p);
    if (t->type != T_WORD)
        return syntax_error(p);
    char *name = take_word(p);
    if (peek(p)->type == T_LPAREN) {
        consume(p);
        if (peek(p)->type != T_RPAREN) {
            free(name);
            return syntax_error(p);
        }
        consume(p);
    }
    skip_newlines(p);
    struct node *body = parse_cmd(p);
    if (!body) {
        free(name);
        return NULL;
    }
    struct node *f = node_new(N_FUNCDEF);
    f->func.name = name;
    f->func.body = body;
    set_text(p, f, start);
    return f;
}

