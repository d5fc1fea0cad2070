/*
 * exec.c - running the command tree: lists (; & && ||), the compound
 * commands (if, while, until, for, case, { }), and functions.
 *
 * Pipelines and single commands go to pipeline.c. Everything here runs
 * inside the shell. break, continue, return, exit and an interrupted
 * foreground job set sh.control; each level stops when it is set, and the
 * level it is meant for (a loop, a function call, the top) clears it.
 */
#include "sh.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct pipeline_opts foreground = { .capture_fd = -1 };
static const struct pipeline_opts background = { .background = true, .capture_fd = -1 };

/* set -e: a command that fails outside a condition ends the shell. */
static void check_errexit(struct node *n, int status)
{
    if (!sh.errexit || status == 0 || sh.cond_depth > 0 || sh.control != CTL_NONE)
        return;
    if (n->type == N_SIMPLE || n->type == N_SUBSHELL || n->type == N_DBRACKET ||
        n->type == N_ARITH || (n->type == N_PIPELINE && !n->pipe.negate)) {
        sh.control = CTL_EXIT;
        sh.exit_status = status;
    }
}

static int run_one(struct node *n, const struct pipeline_opts *o)
{
    if (n->type == N_PIPELINE)
        return run_pipeline(n->pipe.cmds, n->pipe.n, n->text, o);
    return run_pipeline(&n, 1, n->text, o);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* time PIPELINE (bash): the elapsed time after it, on stderr. Duplex does
 * not count processor time apart, so user and sys are 0. */
static int run_timed(struct node *n)
{
    double t0 = now();
    int status = run_one(n, &foreground);
    double t = now() - t0;
    fflush(stdout);
    fprintf(stderr, "\nreal\t%dm%.3fs\nuser\t0m0.000s\nsys\t0m0.000s\n",
            (int)(t / 60), t - 60 * (int)(t / 60));
    return status;
}

static int exec_andor(struct node *n)
{
    sh.cond_depth++;
    int status = exec_node(n->andor.left);
    sh.cond_depth--;
    if (sh.control != CTL_NONE)
        return status;
    if ((n->type == N_AND) == (status == 0))
        status = exec_node(n->andor.right);
    return status;
}

static int exec_list(struct node *n)
{
    int status = 0;
    for (int i = 0; i < n->list.n && sh.control == CTL_NONE; i++) {
        if (n->list.bg[i]) {
            jobs_reap();
            status = sh.status = run_one(n->list.items[i], &background);
        } else {
            status = exec_node(n->list.items[i]);
        }
    }
    return status;
}

int exec_node(struct node *n)
{
    traps_run();
    if (sh.job_control && interrupt_pending()) {
        fputc('\n', stderr);
        sh.control = CTL_INTERRUPT;
        sh.status = 130;
    }
    if (!n || sh.control != CTL_NONE)
        return sh.status;
    if (n->lineno)
        sh.lineno = n->lineno;
    int status;
    switch (n->type) {
    case N_AND:
    case N_OR:
        status = exec_andor(n);
        break;
    case N_LIST:
        status = exec_list(n);
        break;
    case N_FUNCDEF:
        function_define(n->func.name, n->func.body, n->text);
        status = 0;
        break;
    case N_PIPELINE:
        if (n->pipe.negate)
            sh.cond_depth++;
        status = n->pipe.timed ? run_timed(n) : run_one(n, &foreground);
        if (n->pipe.negate) {
            sh.cond_depth--;
            status = !status;
        }
        break;
    default:
        status = run_one(n, &foreground);
        break;
    }
    sh.status = status;
    if (sh.control == CTL_EXIT)
        sh.status = status = sh.exit_status;
    check_errexit(n, status);
    return status;
}

/* ---- loops ------------------------------------------------------------------- */

/* After a loop's body: stop looping? break N and continue N count down
 * one loop level each. */
static bool loop_stops(void)
{
    switch (sh.control) {
    case CTL_NONE:
        return false;
    case CTL_BREAK:
        if (--sh.control_count <= 0)
            sh.control = CTL_NONE;
        return true;
    case CTL_CONTINUE:
        if (--sh.control_count <= 0) {
            sh.control = CTL_NONE;
            return false;
        }
        return true;
    default:
        return true;
    }
}

static int exec_while(struct node *n)
{
    int status = 0;
    sh.loop_depth++;
    for (;;) {
        sh.cond_depth++;
        int c = exec_node(n->loop.cond);
        sh.cond_depth--;
        if (loop_stops() || (c == 0) != (n->type == N_WHILE))
            break;
        status = exec_node(n->loop.body);
        if (loop_stops())
            break;
    }
    sh.loop_depth--;
    return status;
}

static int exec_for(struct node *n)
{
    struct wordlist items = {0};
    if (!n->for_.has_in) {
        for (int i = 0; i < sh.argc; i++)
            wl_add(&items, xstrdup(sh.argv[i]));
    } else if (expand_words(n->for_.words.v, n->for_.words.n, &items) < 0) {
        wl_free(&items);
        return 1;
    }
    int status = 0;
    sh.loop_depth++;
    for (int i = 0; i < items.n; i++) {
        if (!var_set(n->for_.var, items.v[i], false)) {
            /* a read-only variable: the loop stops; in sh, the script too */
            status = special_failure();     /* var_set said why */
            break;
        }
        status = exec_node(n->for_.body);
        if (loop_stops())
            break;
    }
    sh.loop_depth--;
    wl_free(&items);
    return status;
}

/* (( EXPR )): 0 if it is not zero; the expression is expanded first, as
 * within double quotes. */
static int exec_arith(const char *expr)
{
    char *raw = xmalloc(strlen(expr) + 3);
    sprintf(raw, "\"%s\"", expr);
    char *e = expand_word(raw);
    free(raw);
    long long v = 0;
    bool ok = e && arith_eval(e, &v);
    free(e);
    return ok ? v == 0 : 1;
}

static int exec_arith_for(struct node *n)
{
    int status = 0;
    if (*n->afor.init && exec_arith(n->afor.init) > 1)
        return 1;
    sh.loop_depth++;
    for (;;) {
        if (*n->afor.test && exec_arith(n->afor.test) != 0)
            break;
        if (sh.control != CTL_NONE)
            break;
        status = exec_node(n->afor.body);
        if (loop_stops())
            break;
        if (*n->afor.step)
            exec_arith(n->afor.step);
    }
    sh.loop_depth--;
    return status;
}

/* ---- if, case ---------------------------------------------------------------- */

static int exec_if(struct node *n)
{
    sh.cond_depth++;
    int c = exec_node(n->if_.cond);
    sh.cond_depth--;
    if (sh.control != CTL_NONE)
        return c;
    if (c == 0)
        return exec_node(n->if_.then);
    return n->if_.els ? exec_node(n->if_.els) : 0;
}

static bool case_item_matches(const struct case_item *c, const char *word)
{
    for (int i = 0; i < c->patterns.n; i++) {
        char *pat = expand_pattern(c->patterns.v[i]);
        bool hit = pat && pattern_match(pat, word);
        free(pat);
        if (hit)
            return true;
    }
    return false;
}

static int exec_case(struct node *n)
{
    char *word = expand_word(n->case_.word);
    if (!word)
        return 1;
    int status = 0;
    bool fall = false;                  /* bash's ;&: the next body runs too */
    for (struct case_item *c = n->case_.items; c; c = c->next) {
        if (fall || case_item_matches(c, word)) {
            status = c->body ? exec_node(c->body) : 0;
            if (sh.control != CTL_NONE)
                break;
            fall = c->end == T_SEMIAND;
            if (c->end != T_SEMIAND && c->end != T_DSEMIAND)
                break;                  /* ;;& goes on trying the patterns */
        }
    }
    free(word);
    return status;
}

/* A compound command in the shell, its redirections already applied. */
int exec_compound(struct node *n)
{
    switch (n->type) {
    case N_IF:
        return exec_if(n);
    case N_WHILE:
    case N_UNTIL:
        return exec_while(n);
    case N_FOR:
        return exec_for(n);
    case N_CASE:
        return exec_case(n);
    case N_BRACE:
        return exec_node(n->group.body);
    case N_DBRACKET:
        return test_eval(n->cond.words.v, n->cond.words.n, true);
    case N_ARITH:
        return exec_arith(n->arith.expr);
    case N_ARITH_FOR:
        return exec_arith_for(n);
    default:
        return exec_node(n);
    }
}

/* ---- functions ----------------------------------------------------------------- */

struct function {
    struct function *next;
    char *name, *text;
    struct node *body;
};
static struct function *functions;

static struct function **function_slot(const char *name)
{
    struct function **pp = &functions;
    while (*pp && strcmp((*pp)->name, name) != 0)
        pp = &(*pp)->next;
    return pp;
}

void function_define(const char *name, struct node *body, const char *text)
{
    const struct builtin *b = builtin_lookup(name);
    if (b && (b->flags & BI_SPECIAL)) {
        sh_fatal(2, "%s: Bad function name", name);
        return;
    }
    struct function **pp = function_slot(name), *f = *pp;
    if (!f) {
        f = xmalloc(sizeof *f);
        f->name = xstrdup(name);
        f->next = NULL;
        *pp = f;
    } else {
        node_free(f->body);
        free(f->text);
    }
    node_ref(body);
    f->body = body;
    f->text = xstrdup(text ? text : "");
}

bool function_unset(const char *name)
{
    struct function **pp = function_slot(name), *f = *pp;
    if (!f)
        return false;
    *pp = f->next;
    node_free(f->body);
    free(f->text);
    free(f->name);
    free(f);
    return true;
}

struct node *function_find(const char *name)
{
    struct function *f = *function_slot(name);
    return f ? f->body : NULL;
}

/* $1... are the arguments while the body runs; `return` ends it. Its
 * `local` variables and the command's own assignments (X=1 f) live in a
 * frame of their own (vars.c), the assignments exported. The depth is
 * bounded, so that endless recursion is an error and not a crash of the
 * shell's stack (256 KiB on the web target). */
int function_call(struct node *body, char **argv, int argc, const struct wordlist *assigns)
{
    if (sh.func_depth + sh.source_depth >= NESTING_MAX) {
        sh_error("%s: maximum nesting level exceeded (%d)", argv[0], NESTING_MAX);
        return 1;
    }
    char **saved_argv = sh.argv;
    int saved_argc = sh.argc;
    vars_push_frame();
    for (int i = 0; assigns && i < assigns->n; i++) {
        const char *w = assigns->v[i], *eq = strchr(w, '=');
        char *name = xstrndup(w, (size_t)(eq - w));
        var_make_local(name);
        if (!var_set(name, eq + 1, V_EXPORT))
            sh_fatal(2, "%s: is read only", name);
        free(name);
    }
    sh.argv = NULL;
    sh.argc = 0;
    positional_set(argv + 1, argc - 1);
    node_ref(body);                 /* it may redefine itself */
    sh.func_depth++;
    int saved_loops = sh.loop_depth;
    sh.loop_depth = 0;              /* break does not reach the caller's loops */
    int status = sh.control == CTL_NONE ? exec_node(body) : sh.status;
    sh.loop_depth = saved_loops;
    sh.func_depth--;
    node_free(body);
    if (sh.control == CTL_RETURN)
        sh.control = CTL_NONE;
    positional_free(sh.argv, sh.argc);
    sh.argv = saved_argv;
    sh.argc = saved_argc;
    vars_pop_frame();
    getopts_reset();
    return status;
}

/* For a sub-shell (state.c): each function's definition, as source. */
void functions_serialize(struct strbuf *out)
{
    for (struct function *f = functions; f; f = f->next) {
        unparse_function(out, f->name, f->body);
        sb_addc(out, '\n');
    }
}

void functions_free_all(void)
{
    while (functions)
        function_unset(functions->name);
}
