/*
 * run.c - the interpreter: expressions evaluate into a cell, statements
 * run and may end a loop, the record, the file or the program.
 *
 * next, nextfile, exit, break, continue and return unwind the tree walk
 * through `flow`, which every statement list checks. A function call
 * pushes a frame of struct var for its parameters: a scalar argument is
 * copied; an array (or a variable not yet used, which the callee may
 * make an array) is passed by reference.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "awk.h"

enum { F_NONE, F_NEXT, F_NEXTFILE, F_EXIT, F_BREAK, F_CONTINUE, F_RETURN };
static int flow;
static struct cell retval;
int exit_code, exiting;

struct frame {
    struct var *locals;
    int n;
};
static struct frame *frames;
static int nframes, frame_cap, depth;

static struct var *var_of(struct node *n)
{
    struct var *v = n->type == N_LOCAL ? &frames[nframes - 1].locals[n->index]
                                       : &globals[n->index];
    while (v->ref)
        v = v->ref;
    return v;
}

struct array *array_of(struct node *n)
{
    struct var *v = var_of(n);
    if (!v->arr) {
        if (v->c.type != V_UNINIT)
            awk_error("can't use scalar as array");
        v->arr = array_new();
    }
    return v->arr;
}

/* The key of a subscript list: the values joined by SUBSEP (malloc'd). */
static char *subscript(struct node *list)
{
    struct cell c = { 0 };
    eval(list, &c);
    char *key = xstrdup(str_of(&c));
    cell_free(&c);
    for (struct node *e = list->next; e; e = e->next) {
        eval(e, &c);
        const char *sep = str_of(&special(SV_SUBSEP)->c), *s = str_of(&c);
        char *k = xmalloc(strlen(key) + strlen(sep) + strlen(s) + 1);
        strcpy(k, key);
        strcat(k, sep);
        strcat(k, s);
        free(key);
        key = k;
        cell_free(&c);
    }
    return key;
}

static long field_index(struct node *n)
{
    struct cell c = { 0 };
    eval(n->a, &c);
    double d = num_of(&c);
    cell_free(&c);
    return (long)d;
}

struct cell *lvalue(struct node *n)
{
    switch (n->type) {
    case N_VAR: case N_LOCAL: {
        struct var *v = var_of(n);
        if (v->arr)
            awk_error("can't use array in scalar context");
        return &v->c;
    }
    case N_FIELD: return field(field_index(n));
    case N_INDEX: {
        struct array *a = array_of(n->a);
        char *key = subscript(n->b);
        struct cell *c = array_get(a, key, 1);
        free(key);
        return c;
    }
    case N_GROUP: return lvalue(n->a);
    default: awk_error("assignment to a non-variable");
    }
}

void assigned(struct node *n)
{
    if (n->type == N_GROUP)
        n = n->a;
    if (n->type == N_FIELD)
        field_assigned(field_index(n));
    else if (n->type == N_VAR && n->index == SV_NF)
        nf_assigned();
}

static double arith(int op, double x, double y)
{
    switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/':
        if (y == 0)
            awk_error("division by zero");
        return x / y;
    case '%':
        if (y == 0)
            awk_error("division by zero in %%");
        return fmod(x, y);
    default: return pow(x, y);
    }
}

static void call(struct node *n, struct cell *out)
{
    struct func *f = &funcs[n->index];
    if (++depth > 500)
        awk_error("function call nesting too deep");
    struct var *locals = xcalloc((size_t)(f->nparams ? f->nparams : 1), sizeof *locals);
    int i = 0;
    for (struct node *a = n->a; a; a = a->next, i++) {
        if (i >= f->nparams)
            awk_error("function %s called with more arguments than declared", f->name);
        struct node *arg = a;
        while (arg->type == N_GROUP && arg->op == 1)
            arg = arg->a;
        if (arg->type == N_VAR || arg->type == N_LOCAL) {
            struct var *v = var_of(arg);
            if (v->arr || v->c.type == V_UNINIT) {
                locals[i].ref = v;     /* an array, or maybe one */
                continue;
            }
        }
        eval(a, &locals[i].c);
    }
    if (nframes == frame_cap)
        frames = xrealloc(frames, (size_t)(frame_cap = frame_cap * 2 + 8) * sizeof *frames);
    frames[nframes++] = (struct frame){ locals, f->nparams };
    cell_free(&retval);
    for (struct node *s = f->body->a; s && !flow; s = s->next)
        run_stmt(s);
    nframes--;
    for (int k = 0; k < f->nparams; k++) {
        cell_free(&locals[k].c);
        if (locals[k].arr)     /* a local array dies with the call */
            array_free(locals[k].arr);
    }
    free(locals);
    if (flow == F_RETURN)
        flow = F_NONE;
    *out = retval;
    retval = (struct cell){ 0 };
    depth--;
}

static int regex_matches(struct node *re_node, struct cell *s)
{
    regex_t *re;
    if (re_node->type == N_REGEX) {
        re = re_node->re;
    } else {
        struct cell c = { 0 };
        eval(re_node, &c);
        re = regex_of(str_of(&c));
        cell_free(&c);
    }
    return re_match(re, str_of(s), NULL);
}

void eval(struct node *n, struct cell *out)
{
    struct cell a = { 0 }, b = { 0 };
    *out = (struct cell){ 0 };
    switch (n->type) {
    case N_NUM: cell_set_num(out, n->num); return;
    case N_STR: cell_set_str(out, n->str); return;
    case N_REGEX:
        cell_set_num(out, re_match(n->re, str_of(field(0)), NULL));
        return;
    case N_GROUP:
        if (n->op == 1) {
            eval(n->a, out);
            return;
        }
        awk_error("syntax error: a list in ( ) is only for in and print");
    case N_VAR: case N_LOCAL: case N_FIELD: case N_INDEX:
        if ((n->type == N_VAR || n->type == N_LOCAL) && var_of(n)->arr)
            awk_error("can't use array in scalar context");
        if (n->type == N_VAR && n->index == SV_NF)
            nf();
        cell_copy(out, lvalue(n));
        return;
    case N_ASSIGN: {
        eval(n->b, &b);
        struct cell *lv = lvalue(n->a);
        if (n->op) {
            double x = num_of(lv);
            cell_set_num(lv, arith(n->op, x, num_of(&b)));
            cell_free(&b);
        } else {
            cell_free(lv);
            *lv = b;
        }
        cell_copy(out, lv);
        assigned(n->a);
        return;
    }
    case N_COND:
        eval(n->a, &a);
        eval(cell_true(&a) ? n->b : n->c, out);
        cell_free(&a);
        return;
    case N_AND: case N_OR: {
        eval(n->a, &a);
        int r = cell_true(&a);
        cell_free(&a);
        if (r == (n->type == N_AND)) {
            eval(n->b, &b);
            r = cell_true(&b);
            cell_free(&b);
        }
        cell_set_num(out, r);
        return;
    }
    case N_NOT:
        eval(n->a, &a);
        cell_set_num(out, !cell_true(&a));
        cell_free(&a);
        return;
    case N_NEG: case N_PLUS:
        eval(n->a, &a);
        cell_set_num(out, n->type == N_NEG ? -num_of(&a) : num_of(&a));
        cell_free(&a);
        return;
    case N_BINARY:
        eval(n->a, &a);
        eval(n->b, &b);
        cell_set_num(out, arith(n->op, num_of(&a), num_of(&b)));
        cell_free(&a);
        cell_free(&b);
        return;
    case N_CMP: {
        eval(n->a, &a);
        eval(n->b, &b);
        int c = cell_compare(&a, &b), r;
        switch (n->op) {
        case '<': r = c < 0; break;
        case T_LE: r = c <= 0; break;
        case T_NE: r = c != 0; break;
        case T_EQ: r = c == 0; break;
        case T_GE: r = c >= 0; break;
        default: r = c > 0; break;
        }
        cell_set_num(out, r);
        cell_free(&a);
        cell_free(&b);
        return;
    }
    case N_MATCH:
        eval(n->a, &a);
        cell_set_num(out, regex_matches(n->b, &a) != n->op);
        cell_free(&a);
        return;
    case N_CONCAT: {
        eval(n->a, &a);
        eval(n->b, &b);
        const char *x = str_of(&a);
        char *xs = xstrdup(x);
        const char *y = str_of(&b);
        size_t lx = strlen(xs), ly = strlen(y);
        char *s = xmalloc(lx + ly + 1);
        memcpy(s, xs, lx);
        memcpy(s + lx, y, ly + 1);
        free(xs);
        cell_free(&a);
        cell_free(&b);
        out->type = V_STR;
        out->str = s;
        return;
    }
    case N_IN: {
        struct node *list = n->a->type == N_GROUP ? n->a->a : n->a;
        char *key = subscript(list);
        cell_set_num(out, array_get(array_of(n->b), key, 0) != NULL);
        free(key);
        return;
    }
    case N_INCDEC: {
        struct cell *lv = lvalue(n->a);
        double old = num_of(lv);
        cell_set_num(lv, old + n->op);
        cell_set_num(out, n->c ? old : old + n->op);
        assigned(n->a);
        return;
    }
    case N_CALL: call(n, out); return;
    case N_BUILTIN: call_builtin(n, out); return;
    case N_GETLINE: do_getline(n, out); return;
    default:
        awk_error("internal error: node %d", n->type);
    }
}

/* ---- statements ----------------------------------------------------------------- */

static void run_list(struct node *s);
static void run_list(struct node *s)
{
    for (; s && !flow; s = s->next)
        run_stmt(s);
}

static int test(struct node *n)
{
    struct cell c = { 0 };
    eval(n, &c);
    int r = cell_true(&c);
    cell_free(&c);
    return r;
}

/* A loop body: 1 to go on looping. */
static int loop_body(struct node *body)
{
    run_stmt(body);
    if (flow == F_BREAK) {
        flow = F_NONE;
        return 0;
    }
    if (flow == F_CONTINUE)
        flow = F_NONE;
    return !flow;
}

void run_stmt(struct node *s)
{
    struct cell c = { 0 };
    switch (s->type) {
    case S_EXPR: eval(s->a, &c); cell_free(&c); return;
    case S_PRINT: do_print(s); return;
    case S_PRINTF: do_printf(s); return;
    case S_BLOCK: run_list(s->a); return;
    case S_IF:
        if (test(s->a))
            run_stmt(s->b);
        else if (s->c)
            run_stmt(s->c);
        return;
    case S_WHILE:
        while (test(s->a) && loop_body(s->b))
            ;
        return;
    case S_DO:
        while (loop_body(s->b) && test(s->a))
            ;
        return;
    case S_FOR:
        if (s->a) {
            eval(s->a, &c);
            cell_free(&c);
        }
        while ((!s->b || test(s->b)) && loop_body(s->d)) {
            if (s->c) {
                eval(s->c, &c);
                cell_free(&c);
            }
        }
        return;
    case S_FORIN: {
        struct array *a = array_of(s->b);
        char **keys = array_keys(a);
        for (char **k = keys; *k; k++) {
            if (!array_get(a, *k, 0))
                continue;      /* deleted by the body */
            struct cell *lv = lvalue(s->a);
            cell_set_str(lv, *k);
            if (!loop_body(s->c))
                break;
        }
        free_names(keys);
        return;
    }
    case S_NEXT: flow = F_NEXT; return;
    case S_NEXTFILE: flow = F_NEXTFILE; return;
    case S_BREAK: flow = F_BREAK; return;
    case S_CONTINUE: flow = F_CONTINUE; return;
    case S_EXIT:
        if (s->a) {
            eval(s->a, &c);
            exit_code = (int)num_of(&c);
            cell_free(&c);
        }
        flow = F_EXIT;
        exiting = 1;
        return;
    case S_RETURN:
        if (s->a) {
            cell_free(&retval);
            eval(s->a, &retval);
        }
        flow = F_RETURN;
        return;
    case S_DELETE: {
        struct array *a = array_of(s->a);
        if (!s->b) {
            array_clear(a);
            return;
        }
        char *key = subscript(s->b);
        array_delete(a, key);
        free(key);
        return;
    }
    default:
        eval(s, &c);
        cell_free(&c);
    }
}

/* ---- the program's parts ----------------------------------------------------------- */

static void run_actions(struct node *list)
{
    for (struct node *b = list; b && !exiting; b = b->next) {
        flow = F_NONE;
        run_list(b->a);
    }
    flow = F_NONE;
}

void run_begin(void)
{
    run_actions(begin_actions);
}

void run_end(void)
{
    exiting = 0;
    run_actions(end_actions);
}

static int matches(struct node *pattern)
{
    return test(pattern);
}

void run_main(void)
{
    if (nrules == 0 && !end_actions)
        return;
    while (!exiting && next_main_record()) {
        for (int i = 0; i < nrules && !flow; i++) {
            struct rule *r = &rules[i];
            int selected;
            if (!r->pattern) {
                selected = 1;
            } else if (!r->pattern2) {
                selected = matches(r->pattern);
            } else if (r->in_range) {
                selected = 1;
                r->in_range = !matches(r->pattern2);
            } else if (matches(r->pattern)) {
                selected = 1;
                r->in_range = !matches(r->pattern2);
            } else {
                selected = 0;
            }
            if (!selected || flow)
                continue;
            if (r->action) {
                run_list(r->action->a);
            } else {
                struct node p = { .type = S_PRINT };
                do_print(&p);
            }
        }
        if (flow == F_NEXTFILE)
            skip_file();
        if (flow == F_EXIT)
            break;
        flow = F_NONE;
    }
    flow = F_NONE;
}
