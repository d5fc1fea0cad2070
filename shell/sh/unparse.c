/*
 * unparse.c - a command tree back to shell source, which reads back into
 * the same tree.
 *
 * A sub-shell is a new shell process (state.c), so what it runs must be
 * text: the command, and the functions it may call. The words are kept
 * raw by the lexer, so they are written as they were typed; the rest is
 * written in one canonical form. A here-document's text follows the next
 * newline, as the grammar wants: each one met is queued, and written
 * after the line that holds its operator, with a delimiter that is
 * quoted when the original was (then nothing in it is expanded).
 */
#include "sh.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct unparser {
    struct strbuf *out;
    struct redir *pending[64];      /* here-documents whose text is due */
    int npending;
};

static void node_out(struct unparser *u, const struct node *n);

static void put(struct unparser *u, const char *s)
{
    sb_adds(u->out, s);
}

/* The end of a line: the here-documents of the commands on it follow. */
static void newline(struct unparser *u)
{
    sb_addc(u->out, '\n');
    for (int i = 0; i < u->npending; i++) {
        struct redir *r = u->pending[i];
        sb_adds(u->out, r->body ? r->body : "");
        sb_adds(u->out, r->quoted ? "__SH_EOF_Q__" : "__SH_EOF__");
        sb_addc(u->out, '\n');
    }
    u->npending = 0;
}

static void redirs_out(struct unparser *u, const struct redir *r)
{
    static const char *const ops[] = {
        [R_IN] = "<", [R_OUT] = ">", [R_APPEND] = ">>", [R_CLOBBER] = ">|",
        [R_RDWR] = "<>", [R_DUPIN] = "<&", [R_DUPOUT] = ">&",
        [R_HEREDOC] = "<<", [R_HEREDOC_TAB] = "<<", [R_HERESTRING] = "<<<",
        [R_OUTERR] = "&>", [R_APPENDERR] = "&>>",
    };
    for (; r; r = r->next) {
        char fd[16];
        snprintf(fd, sizeof fd, " %d", r->fd);
        if (r->op == R_OUTERR || r->op == R_APPENDERR || r->fd_var)
            strcpy(fd, " ");
        put(u, fd);
        if (r->fd_var) {
            put(u, "{");
            put(u, r->fd_var);
            put(u, "}");
        }
        put(u, ops[r->op]);
        if (r->op == R_HEREDOC || r->op == R_HEREDOC_TAB) {
            /* a delimiter no line of the text can be */
            put(u, r->quoted ? "'__SH_EOF_Q__'" : "__SH_EOF__");
            if (u->npending < 64)
                u->pending[u->npending++] = (struct redir *)r;
        } else {
            sb_addc(u->out, ' ');
            put(u, r->target);
        }
    }
}

static void words_out(struct unparser *u, const struct wordlist *w, bool space_first)
{
    for (int i = 0; i < w->n; i++) {
        if (i || space_first)
            sb_addc(u->out, ' ');
        put(u, w->v[i]);
    }
}

/* A list as the body of a compound command: one item a line. */
static void body_out(struct unparser *u, const struct node *n)
{
    newline(u);
    if (n)
        node_out(u, n);
    newline(u);
}

static void case_out(struct unparser *u, const struct node *n)
{
    put(u, "case ");
    put(u, n->case_.word);
    put(u, " in");
    newline(u);
    for (const struct case_item *c = n->case_.items; c; c = c->next) {
        put(u, "(");
        for (int i = 0; i < c->patterns.n; i++) {
            if (i)
                put(u, " | ");
            put(u, c->patterns.v[i]);
        }
        put(u, ")");
        body_out(u, c->body);
        put(u, c->end == T_SEMIAND ? ";&" : c->end == T_DSEMIAND ? ";;&" : ";;");
        newline(u);
    }
    put(u, "esac");
}

static void compound_out(struct unparser *u, const struct node *n)
{
    switch (n->type) {
    case N_IF:
        put(u, "if");
        body_out(u, n->if_.cond);
        put(u, "then");
        body_out(u, n->if_.then);
        if (n->if_.els) {
            put(u, "else");
            body_out(u, n->if_.els);
        }
        put(u, "fi");
        break;
    case N_WHILE:
    case N_UNTIL:
        put(u, n->type == N_WHILE ? "while" : "until");
        body_out(u, n->loop.cond);
        put(u, "do");
        body_out(u, n->loop.body);
        put(u, "done");
        break;
    case N_FOR:
        put(u, "for ");
        put(u, n->for_.var);
        if (n->for_.has_in) {
            put(u, " in");
            words_out(u, &n->for_.words, true);
        }
        newline(u);
        put(u, "do");
        body_out(u, n->for_.body);
        put(u, "done");
        break;
    case N_ARITH_FOR:
        put(u, "for ((");
        put(u, n->afor.init);
        put(u, ";");
        put(u, n->afor.test);
        put(u, ";");
        put(u, n->afor.step);
        put(u, "))");
        newline(u);
        put(u, "do");
        body_out(u, n->afor.body);
        put(u, "done");
        break;
    case N_CASE:
        case_out(u, n);
        break;
    case N_BRACE:
        put(u, "{");
        body_out(u, n->group.body);
        put(u, "}");
        break;
    case N_SUBSHELL:
        put(u, "(");
        body_out(u, n->group.body);
        put(u, ")");
        break;
    case N_DBRACKET:
        put(u, "[[");
        words_out(u, &n->cond.words, true);
        put(u, " ]]");
        break;
    case N_ARITH:
        put(u, "((");
        put(u, n->arith.expr);
        put(u, "))");
        break;
    default:
        break;
    }
    redirs_out(u, n->redirs);
}

static void node_out(struct unparser *u, const struct node *n)
{
    switch (n->type) {
    case N_SIMPLE:
        words_out(u, &n->simple.assigns, false);
        words_out(u, &n->simple.words, n->simple.assigns.n > 0);
        if (!n->simple.assigns.n && !n->simple.words.n)
            put(u, ":");                    /* redirections alone */
        redirs_out(u, n->redirs);
        break;
    case N_PIPELINE:
        if (n->pipe.timed)
            put(u, "time ");
        if (n->pipe.negate)
            put(u, "! ");
        for (int i = 0; i < n->pipe.n; i++) {
            if (i) {
                put(u, " |");
                newline(u);
            }
            node_out(u, n->pipe.cmds[i]);
        }
        break;
    case N_AND:
    case N_OR:
        node_out(u, n->andor.left);
        put(u, n->type == N_AND ? " &&" : " ||");
        newline(u);
        node_out(u, n->andor.right);
        break;
    case N_LIST:
        for (int i = 0; i < n->list.n; i++) {
            node_out(u, n->list.items[i]);
            if (n->list.bg[i])
                put(u, " &");
            if (i + 1 < n->list.n || n->list.bg[i])
                newline(u);
        }
        break;
    case N_FUNCDEF:
        unparse_function(u->out, n->func.name, n->func.body);
        break;
    default:
        compound_out(u, n);
        break;
    }
}

/* The whole command, its here-documents included, ending with a newline. */
void unparse(struct strbuf *out, const struct node *n)
{
    struct unparser u = { .out = out };
    node_out(&u, n);
    newline(&u);
}

void unparse_function(struct strbuf *out, const char *name, const struct node *body)
{
    sb_adds(out, name);
    sb_adds(out, "() ");
    unparse(out, body);
}
