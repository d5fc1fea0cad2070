/*
 * node.c - the command tree's nodes: making them and freeing them.
 *
 * A tree lives as long as the command line it came from, except function
 * bodies, which the function table keeps: nodes are reference-counted so a
 * body can be shared by the tree, the table and a call that is running it
 * while the function is redefined.
 */
#include "sh.h"

#include <stdlib.h>
#include <string.h>

struct node *node_new(enum node_type type)
{
    struct node *n = xmalloc(sizeof *n);
    memset(n, 0, sizeof *n);
    n->type = type;
    n->refs = 1;
    return n;
}

void node_ref(struct node *n)
{
    if (n)
        n->refs++;
}

void redir_free(struct redir *r)
{
    while (r) {
        struct redir *next = r->next;
        free(r->target);
        free(r->body);
        free(r->fd_var);
        free(r);
        r = next;
    }
}

static void case_items_free(struct case_item *c)
{
    while (c) {
        struct case_item *next = c->next;
        wl_free(&c->patterns);
        node_free(c->body);
        free(c);
        c = next;
    }
}

static void node_free_parts(struct node *n)
{
    switch (n->type) {
    case N_SIMPLE:
        wl_free(&n->simple.assigns);
        wl_free(&n->simple.words);
        break;
    case N_PIPELINE:
        for (int i = 0; i < n->pipe.n; i++)
            node_free(n->pipe.cmds[i]);
        free(n->pipe.cmds);
        break;
    case N_AND:
    case N_OR:
        node_free(n->andor.left);
        node_free(n->andor.right);
        break;
    case N_LIST:
        for (int i = 0; i < n->list.n; i++)
            node_free(n->list.items[i]);
        free(n->list.items);
        free(n->list.bg);
        break;
    case N_IF:
        node_free(n->if_.cond);
        node_free(n->if_.then);
        node_free(n->if_.els);
        break;
    case N_WHILE:
    case N_UNTIL:
        node_free(n->loop.cond);
        node_free(n->loop.body);
        break;
    case N_FOR:
        free(n->for_.var);
        wl_free(&n->for_.words);
        node_free(n->for_.body);
        break;
    case N_CASE:
        free(n->case_.word);
        case_items_free(n->case_.items);
        break;
    case N_BRACE:
    case N_SUBSHELL:
        node_free(n->group.body);
        break;
    case N_FUNCDEF:
        free(n->func.name);
        node_free(n->func.body);
        break;
    case N_DBRACKET:
        wl_free(&n->cond.words);
        break;
    case N_ARITH:
        free(n->arith.expr);
        break;
    case N_ARITH_FOR:
        free(n->afor.init);
        free(n->afor.test);
        free(n->afor.step);
        node_free(n->afor.body);
        break;
    }
}

void node_free(struct node *n)
{
    if (!n || --n->refs > 0)
        return;
    node_free_parts(n);
    redir_free(n->redirs);
    free(n->text);
    free(n);
}
