/*
 * parse.c - awk's grammar, by recursive descent, into a tree of nodes.
 *
 * From the loosest binding to the tightest: assignment (right to left),
 * ?: (right to left), ||, &&, in, ~ and !~, the comparisons (not
 * associative; in print's list a bare '>' is a redirection), "cmd" |
 * getline, concatenation, + -, * / %, unary ! + -, ^ (right to left),
 * ++ and --, $, grouping. A name followed at once by '(' calls a user
 * function; a parenthesised list is only valid before "in" or as print's
 * whole argument list.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "awk.h"

struct rule *rules;
int nrules;
struct node *begin_actions, *end_actions;
struct func *funcs;
int nfuncs;

static struct token tok;
static char **cur_params;      /* the function being parsed: its parameters */
static int cur_nparams;
static int no_gt;              /* in print's list: '>' redirects */
static int no_in;              /* in for (x in ...)'s head */

void awk_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fflush(stdout);
    fprintf(stderr, "awk: line %d: ", lex_line());
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void advance(void)
{
    lex_next(&tok);
}

static void expect(int type, const char *what)
{
    if (tok.type != type)
        awk_error("syntax error: %s expected", what);
    advance();
}

static void newlines(void)
{
    while (tok.type == T_NEWLINE)
        advance();
}

static struct node *node(int type)
{
    struct node *n = xcalloc(1, sizeof *n);
    n->type = type;
    return n;
}

static struct node *node2(int type, int op, struct node *a, struct node *b)
{
    struct node *n = node(type);
    n->op = op;
    n->a = a;
    n->b = b;
    return n;
}

static int func_index(const char *name)
{
    for (int i = 0; i < nfuncs; i++)
        if (strcmp(funcs[i].name, name) == 0)
            return i;
    funcs = xrealloc(funcs, (size_t)(nfuncs + 1) * sizeof *funcs);
    memset(&funcs[nfuncs], 0, sizeof *funcs);
    funcs[nfuncs].name = xstrdup(name);
    return nfuncs++;
}

/* A name: a parameter of the current function, or a global. */
static struct node *variable(char *name)
{
    struct node *n;
    for (int i = 0; i < cur_nparams; i++)
        if (strcmp(cur_params[i], name) == 0) {
            n = node(N_LOCAL);
            n->index = i;
            free(name);
            return n;
        }
    n = node(N_VAR);
    n->index = global_index(name);
    free(name);
    return n;
}

static struct node *expr(void);
static struct node *ternary(void);
static struct node *unary(void);
static struct node *concat_level(void);
static struct node *primary(void);

static int is_lvalue(struct node *n)
{
    return n->type == N_VAR || n->type == N_LOCAL || n->type == N_FIELD || n->type == N_INDEX;
}

/* expr, expr, ... up to `close` (not consumed) */
static struct node *expr_list(int close)
{
    struct node *head = NULL, **tail = &head;
    newlines();
    while (tok.type != close) {
        *tail = expr();
        tail = &(*tail)->next;
        newlines();
        if (tok.type != ',')
            break;
        advance();
        newlines();
    }
    return head;
}

static struct node *subscript_of(struct node *var)
{
    struct node *n = node(N_INDEX);
    n->a = var;
    advance();                 /* '[' */
    n->b = expr_list(']');
    if (!n->b)
        awk_error("syntax error: empty subscript");
    expect(']', "]");
    return n;
}

/* getline [lvalue] [< file] (the "cmd |" form is made by the caller) */
static struct node *simple_getline(struct node *cmd)
{
    struct node *n = node(N_GETLINE);
    advance();
    n->b = cmd;
    if (tok.type == '$' || tok.type == T_NAME) {
        int save = no_gt;
        n->a = primary();
        no_gt = save;
    }
    if (!cmd && tok.type == '<') {
        advance();
        n->c = primary();      /* getline < "a" "b" is (getline < "a") "b" */
    }
    return n;
}

static struct node *call_builtin_node(void)
{
    struct node *n = node(N_BUILTIN);
    n->index = tok.builtin;
    advance();
    if (tok.type == '(') {
        advance();
        n->a = expr_list(')');
        expect(')', ")");
    } else if (n->index != B_LENGTH) {
        awk_error("syntax error: ( expected after a built-in function");
    }
    return n;
}

static struct node *primary(void)
{
    struct node *n;
    switch (tok.type) {
    case T_NUMBER:
        n = node(N_NUM);
        n->num = tok.num;
        advance();
        return n;
    case T_STRING:
        n = node(N_STR);
        n->str = tok.text;
        advance();
        return n;
    case T_ERE:
        n = node(N_REGEX);
        n->str = tok.text;
        n->re = regex_of(tok.text);
        advance();
        return n;
    case '(': {
        advance();
        int save_gt = no_gt, save_in = no_in;
        no_gt = no_in = 0;
        struct node *list = expr_list(')');
        no_gt = save_gt;
        no_in = save_in;
        expect(')', ")");
        if (list && list->next) {
            n = node(N_GROUP);
            n->a = list;
            return n;
        }
        if (!list)
            awk_error("syntax error: empty ()");
        n = node(N_GROUP);     /* a single expression, kept grouped */
        n->a = list;
        n->op = 1;
        return n;
    }
    case '$': {
        advance();
        n = node(N_FIELD);
        if (tok.type == T_INCR || tok.type == T_DECR || tok.type == '-' || tok.type == '+' ||
            tok.type == '!')
            n->a = unary();
        else
            n->a = primary();
        return n;
    }
    case T_INCR: case T_DECR: {
        int op = tok.type;
        advance();
        struct node *lv = primary();
        if (!is_lvalue(lv))
            awk_error("syntax error: ++ or -- needs a variable");
        return node2(N_INCDEC, op == T_INCR ? 1 : -1, lv, NULL);   /* prefix: b NULL */
    }
    case '-': case '+': case '!':
        return unary();
    case T_NAME: {
        char *name = tok.text;
        advance();
        n = variable(name);
        if (tok.type == '[')
            n = subscript_of(n);
        return n;
    }
    case T_FUNC_NAME: {
        n = node(N_CALL);
        n->index = func_index(tok.text);
        free(tok.text);
        advance();
        advance();             /* '(' */
        n->a = expr_list(')');
        expect(')', ")");
        return n;
    }
    case T_BUILTIN:
        return call_builtin_node();
    case T_GETLINE:
        return simple_getline(NULL);
    default:
        awk_error("syntax error at source line %d", lex_line());
    }
}

/* primary, then a postfix ++ or -- */
static struct node *postfix(void)
{
    struct node *n = primary();
    if ((tok.type == T_INCR || tok.type == T_DECR) && is_lvalue(n)) {
        struct node *r = node2(N_INCDEC, tok.type == T_INCR ? 1 : -1, n, NULL);
        r->c = n;              /* postfix: c set */
        advance();
        return r;
    }
    return n;
}

static struct node *power(void)
{
    struct node *n = postfix();
    if (tok.type == '^') {
        advance();
        /* right to left, and 2^-1 is allowed */
        struct node *r = tok.type == '-' || tok.type == '+' || tok.type == '!' ? unary() : power();
        return node2(N_BINARY, '^', n, r);
    }
    return n;
}

static struct node *unary(void)
{
    if (tok.type == '!') {
        advance();
        return node2(N_NOT, 0, unary(), NULL);
    }
    if (tok.type == '-' || tok.type == '+') {
        int op = tok.type;
        advance();
        return node2(op == '-' ? N_NEG : N_PLUS, 0, unary(), NULL);
    }
    return power();
}

static struct node *multiplicative(void)
{
    struct node *n = unary();
    while (tok.type == '*' || tok.type == '/' || tok.type == '%') {
        int op = tok.type;
        advance();
        n = node2(N_BINARY, op, n, unary());
    }
    return n;
}

static struct node *additive(void)
{
    struct node *n = multiplicative();
    while (tok.type == '+' || tok.type == '-') {
        int op = tok.type;
        advance();
        n = node2(N_BINARY, op, n, multiplicative());
    }
    return n;
}

/* Whether the token can start an operand of a concatenation. */
static int starts_operand(int t)
{
    return t == T_NUMBER || t == T_STRING || t == T_ERE || t == T_NAME || t == T_FUNC_NAME ||
           t == T_BUILTIN || t == '$' || t == '(' || t == '-' || t == '+' || t == '!' ||
           t == T_INCR || t == T_DECR;
}

static struct node *concat_level(void)
{
    struct node *n = additive();
    while (starts_operand(tok.type) && tok.type != '-' && tok.type != '+' &&
           !(tok.type == T_IN)) {
        if (tok.type == '!')
            break;
        n = node2(N_CONCAT, 0, n, additive());
    }
    return n;
}

static struct node *comparison(void)
{
    struct node *n = concat_level();
    for (;;) {
        if (tok.type == '|' && !no_gt) {
            /* "cmd" | getline [var] */
            advance();
            if (tok.type != T_GETLINE)
                awk_error("syntax error: getline expected after |");
            n = simple_getline(n);
            continue;
        }
        int op = tok.type;
        if (op == '<' || op == T_LE || op == T_NE || op == T_EQ || op == T_GE ||
            (op == '>' && !no_gt)) {
            advance();
            n = node2(N_CMP, op, n, concat_level());
            continue;
        }
        return n;
    }
}

static struct node *matching(void)
{
    struct node *n = comparison();
    while (tok.type == '~' || tok.type == T_NOMATCH) {
        int negate = tok.type == T_NOMATCH;
        advance();
        n = node2(N_MATCH, negate, n, comparison());
    }
    return n;
}

static struct node *in_level(void)
{
    struct node *n = matching();
    while (tok.type == T_IN && !no_in) {
        advance();
        if (tok.type != T_NAME)
            awk_error("syntax error: array name expected after in");
        struct node *arr = variable(tok.text);
        advance();
        n = node2(N_IN, 0, n, arr);
    }
    return n;
}

static struct node *and_level(void)
{
    struct node *n = in_level();
    while (tok.type == T_AND) {
        advance();
        newlines();
        n = node2(N_AND, 0, n, in_level());
    }
    return n;
}

static struct node *or_level(void)
{
    struct node *n = and_level();
    while (tok.type == T_OR) {
        advance();
        newlines();
        n = node2(N_OR, 0, n, and_level());
    }
    return n;
}

static struct node *ternary(void)
{
    struct node *n = or_level();
    if (tok.type != '?')
        return n;
    advance();
    newlines();
    struct node *r = node(N_COND);
    r->a = n;
    r->b = ternary();
    newlines();
    expect(':', ":");
    newlines();
    r->c = ternary();
    return r;
}

static struct node *expr(void)
{
    struct node *n = ternary();
    int op = tok.type;
    if (op == '=' || op == T_ADD_ASSIGN || op == T_SUB_ASSIGN || op == T_MUL_ASSIGN ||
        op == T_DIV_ASSIGN || op == T_MOD_ASSIGN || op == T_POW_ASSIGN) {
        struct node *lv = n;
        while (lv->type == N_GROUP && lv->op == 1)
            lv = lv->a;
        if (!is_lvalue(lv))
            return n;          /* e.g. a regex /=/ was meant: not an assignment */
        advance();
        newlines();
        static const int ops[] = { 0, '+', '-', '*', '/', '%', '^' };
        int k = op == '=' ? 0 : op == T_ADD_ASSIGN ? 1 : op == T_SUB_ASSIGN ? 2 :
                op == T_MUL_ASSIGN ? 3 : op == T_DIV_ASSIGN ? 4 : op == T_MOD_ASSIGN ? 5 : 6;
        return node2(N_ASSIGN, ops[k], lv, expr());
    }
    return n;
}

/* ---- statements ------------------------------------------------------------ */

static struct node *statement(void);

static void end_simple(void)
{
    if (tok.type == ';' || tok.type == T_NEWLINE)
        advance();
    else if (tok.type != '}' && tok.type != T_EOF)
        awk_error("syntax error: unexpected token after a statement");
}

static struct node *block(void)
{
    struct node *n = node(S_BLOCK), **tail = &n->a;
    expect('{', "{");
    for (;;) {
        while (tok.type == T_NEWLINE || tok.type == ';')
            advance();
        if (tok.type == '}')
            break;
        if (tok.type == T_EOF)
            awk_error("syntax error: } expected");
        *tail = statement();
        tail = &(*tail)->next;
    }
    advance();
    return n;
}

static struct node *simple_or_block(void)
{
    newlines();
    if (tok.type == ';') {
        advance();
        return node(S_BLOCK);
    }
    return statement();
}

static struct node *print_stmt(int type)
{
    struct node *n = node(type);
    advance();
    no_gt = 1;
    if (tok.type != ';' && tok.type != T_NEWLINE && tok.type != '}' && tok.type != '>' &&
        tok.type != T_APPEND && tok.type != '|' && tok.type != T_EOF) {
        struct node *head = NULL, **tail = &head;
        for (;;) {
            *tail = expr();
            tail = &(*tail)->next;
            if (tok.type != ',')
                break;
            advance();
            newlines();
        }
        /* print (a, b) > "f": the group is the list */
        if (head && !head->next && head->type == N_GROUP && head->op == 0) {
            struct node *group = head;
            head = group->a;
            free(group);
        }
        n->a = head;
    }
    no_gt = 0;
    if (tok.type == '>' || tok.type == T_APPEND || tok.type == '|') {
        n->op = tok.type;
        advance();
        n->b = concat_level();
    }
    return n;
}

static struct node *statement(void)
{
    struct node *n;
    switch (tok.type) {
    case '{':
        return block();
    case T_IF:
        advance();
        expect('(', "(");
        n = node(S_IF);
        n->a = expr();
        expect(')', ")");
        n->b = simple_or_block();
        while (tok.type == T_NEWLINE || tok.type == ';') {
            /* an else may follow on a later line */
            advance();
            if (tok.type != T_NEWLINE && tok.type != ';' && tok.type != T_ELSE)
                return n;
        }
        if (tok.type == T_ELSE) {
            advance();
            n->c = simple_or_block();
        }
        return n;
    case T_WHILE:
        advance();
        expect('(', "(");
        n = node(S_WHILE);
        n->a = expr();
        expect(')', ")");
        if (tok.type == ';') {
            advance();
            n->b = node(S_BLOCK);
            return n;
        }
        n->b = simple_or_block();
        return n;
    case T_DO:
        advance();
        n = node(S_DO);
        n->b = simple_or_block();
        newlines();
        expect(T_WHILE, "while");
        expect('(', "(");
        n->a = expr();
        expect(')', ")");
        end_simple();
        return n;
    case T_FOR: {
        advance();
        expect('(', "(");
        /* for (name in array) */
        if (tok.type == T_NAME || tok.type == '(') {
            no_in = 1;
        }
        struct node *init = tok.type == ';' ? NULL : expr();
        no_in = 0;
        if (tok.type == T_IN && init && (init->type == N_VAR || init->type == N_LOCAL)) {
            advance();
            n = node(S_FORIN);
            n->a = init;
            if (tok.type != T_NAME)
                awk_error("syntax error: array name expected");
            n->b = variable(tok.text);
            advance();
            expect(')', ")");
            n->c = simple_or_block();
            return n;
        }
        if (tok.type == T_IN)
            awk_error("syntax error: for (NAME in ARRAY) expected");
        n = node(S_FOR);
        n->a = init;
        expect(';', ";");
        newlines();
        n->b = tok.type == ';' ? NULL : expr();
        expect(';', ";");
        newlines();
        n->c = tok.type == ')' ? NULL : expr();
        expect(')', ")");
        if (tok.type == ';') {
            advance();
            n->d = node(S_BLOCK);
            return n;
        }
        n->d = simple_or_block();
        return n;
    }
    case ';':
        advance();
        return node(S_BLOCK);
    case T_PRINT: case T_PRINTF:
        n = print_stmt(tok.type == T_PRINT ? S_PRINT : S_PRINTF);
        break;
    case T_NEXT: advance(); n = node(S_NEXT); break;
    case T_NEXTFILE: advance(); n = node(S_NEXTFILE); break;
    case T_BREAK: advance(); n = node(S_BREAK); break;
    case T_CONTINUE: advance(); n = node(S_CONTINUE); break;
    case T_EXIT:
    case T_RETURN:
        n = node(tok.type == T_EXIT ? S_EXIT : S_RETURN);
        advance();
        if (tok.type != ';' && tok.type != T_NEWLINE && tok.type != '}' && tok.type != T_EOF)
            n->a = expr();
        break;
    case T_DELETE:
        advance();
        n = node(S_DELETE);
        if (tok.type != T_NAME)
            awk_error("syntax error: array name expected after delete");
        n->a = variable(tok.text);
        advance();
        if (tok.type == '[') {
            advance();
            n->b = expr_list(']');
            expect(']', "]");
        }
        break;
    default:
        n = node(S_EXPR);
        n->a = expr();
        break;
    }
    end_simple();
    return n;
}

/* ---- the program ------------------------------------------------------------ */

static void add_action(struct node **list, struct node *block)
{
    while (*list)
        list = &(*list)->next;
    *list = block;
}

static void function_def(void)
{
    advance();
    if (tok.type != T_NAME && tok.type != T_FUNC_NAME)
        awk_error("syntax error: function name expected");
    int fi = func_index(tok.text);     /* (funcs may move: keep the index) */
    if (funcs[fi].defined)
        awk_error("function %s redefined", tok.text);
    free(tok.text);
    advance();
    expect('(', "(");
    char **params = NULL;
    int n = 0;
    newlines();
    while (tok.type == T_NAME) {
        params = xrealloc(params, (size_t)(n + 1) * sizeof *params);
        params[n++] = tok.text;
        advance();
        if (tok.type == ',') {
            advance();
            newlines();
        }
    }
    expect(')', ")");
    newlines();
    funcs[fi].params = params;
    funcs[fi].nparams = n;
    funcs[fi].defined = 1;             /* (recursion: set before the body) */
    cur_params = params;
    cur_nparams = n;
    struct node *body = block();
    funcs[fi].body = body;
    cur_params = NULL;
    cur_nparams = 0;
}

void parse_program(const char *text)
{
    lex_init(text);
    advance();
    for (;;) {
        while (tok.type == T_NEWLINE || tok.type == ';')
            advance();
        if (tok.type == T_EOF)
            break;
        if (tok.type == T_BEGIN || tok.type == T_END) {
            int begin = tok.type == T_BEGIN;
            advance();
            newlines();
            add_action(begin ? &begin_actions : &end_actions, block());
            continue;
        }
        if (tok.type == T_FUNCTION) {
            function_def();
            continue;
        }
        rules = xrealloc(rules, (size_t)(nrules + 1) * sizeof *rules);
        struct rule *r = &rules[nrules++];
        memset(r, 0, sizeof *r);
        if (tok.type != '{') {
            r->pattern = expr();
            if (tok.type == ',') {
                advance();
                newlines();
                r->pattern2 = expr();
            }
        }
        if (tok.type == '{')
            r->action = block();
        else if (tok.type != T_NEWLINE && tok.type != ';' && tok.type != T_EOF)
            awk_error("syntax error at source line %d", lex_line());
    }
    for (int i = 0; i < nfuncs; i++)
        if (!funcs[i].defined)
            awk_error("calling undefined function %s", funcs[i].name);
}
