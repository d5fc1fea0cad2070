/*
 * command.c - one simple command: expanding its words, finding what its
 * name stands for, and running it when it runs inside the shell.
 *
 * The order is dash's: the words are expanded first, then the
 * redirections, then the assignments, each of which the next ones see.
 * A name is looked for as POSIX says (XCU 2.9.1): a special builtin, a
 * function, another builtin, then a program in $PATH. `command NAME`
 * skips the functions and takes away what is special about a special
 * builtin.
 *
 * Assignments before a special builtin stay (`x=1 :` sets x; not in bash,
 * main.c); before a function or another builtin they last while it runs,
 * exported; before a
 * program they are only in its environment. An error of a special builtin
 * - a redirection that fails, a read-only variable - ends a script, but
 * not through `command` (`command shift 5` only fails, POSIX 2.14).
 */
#include "sh.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* set -x: the command as it will run, after PS4. */
static void xtrace(const struct stage *st)
{
    const char *ps4 = var_get("PS4");
    char *prefix = ps4 ? expand_word(ps4) : NULL;
    struct strbuf b = {0};
    sb_adds(&b, prefix ? prefix : "+ ");
    free(prefix);
    for (int i = 0; i < st->assigns.n + st->argv.n; i++) {
        if (i)
            sb_addc(&b, ' ');
        const char *w = i < st->assigns.n ? st->assigns.v[i] : st->argv.v[i - st->assigns.n];
        const char *eq = i < st->assigns.n ? strchr(w, '=') : NULL;
        if (eq) {
            sb_addn(&b, w, (size_t)(eq - w) + 1);
            w = eq + 1;
        }
        char *q = shell_quote_if_needed(w);
        sb_adds(&b, *w ? q : "''");
        free(q);
    }
    fflush(stdout);
    fprintf(stderr, "%s\n", b.s);
    fflush(stderr);
    sb_free(&b);
}

void stage_fail(struct stage *st, int status, const char *why)
{
    st->kind = ST_FAILED;
    st->status = status;
    if (why) {
        struct strbuf b = {0};
        sb_adds(&b, st->argv.n ? st->argv.v[0] : "");
        sb_adds(&b, ": ");
        sb_adds(&b, why);
        st->error = sb_take(&b);
    }
}

/* `command [-p] NAME ...`: NAME without functions or specialness. */
static int strip_command(struct stage *st)
{
    int k = 0;
    while (k < st->argv.n && strcmp(st->argv.v[k], "command") == 0) {
        int j = k + 1;
        while (j < st->argv.n && (strcmp(st->argv.v[j], "-p") == 0 ||
                                  strcmp(st->argv.v[j], "--") == 0)) {
            st->default_path |= st->argv.v[j][1] == 'p';
            j++;
        }
        if (j >= st->argv.n || st->argv.v[j][0] == '-')
            break;                          /* command alone, -v, -V: the builtin */
        k = j;
    }
    if (k) {
        for (int i = 0; i < k; i++)
            free(st->argv.v[i]);
        memmove(st->argv.v, st->argv.v + k, (size_t)(st->argv.n - k + 1) * sizeof(char *));
        st->argv.n -= k;
    }
    return k;
}

void find_command(struct stage *st)
{
    bool via_command = strip_command(st) > 0;
    const char *name = st->argv.v[0];
    const struct builtin *b = builtin_lookup(name);
    if (b && (b->flags & BI_SPECIAL)) {
        st->kind = ST_BUILTIN;
        st->builtin = b->fn;
        st->special = !via_command;
        st->demoted = via_command;
        return;
    }
    if (!via_command && (st->func = function_find(name))) {
        st->kind = ST_FUNCTION;
        return;
    }
    if (b) {
        st->kind = ST_BUILTIN;
        st->builtin = b->fn;
        return;
    }
    st->kind = ST_PROGRAM;          /* looked for once assigned (find_program) */
}

/* Does the command assign PATH for itself (`PATH=/x cmd`)? */
static bool assigns_path(const struct stage *st)
{
    for (int i = 0; i < st->assigns.n; i++)
        if (strncmp(st->assigns.v[i], "PATH=", 5) == 0)
            return true;
    return false;
}

/* A program is looked for after the assignments, as in dash: in the
 * PATH the command assigns, if it does (and then not remembered), or in
 * the standard one for `command -p`. */
static void find_program(struct stage *st)
{
    const char *name = st->argv.v[0];
    bool own_path = assigns_path(st);
    switch (path_search_in(name, st->default_path ? DEFAULT_PATH :
                           own_path ? var_get("PATH") : NULL, &st->path)) {
    case FOUND_FILE:
        if (!own_path && !st->default_path)
            hash_remember(name, st->path);
        break;
    case FOUND_NONE:
        stage_fail(st, 127, strchr(name, '/') ? "No such file or directory" : "command not found");
        break;
    case FOUND_DIR:
        stage_fail(st, 126, "Is a directory");
        break;
    case FOUND_NOEXEC:
        stage_fail(st, 126, "Permission denied");
        break;
    }
}

/* The assignments, expanded in order; each is set at once (in a frame of
 * its own if temporary) so that the next ones see it. */
/* An assignment word's name and expanded value; bash's NAME+=value
 * appends to NAME's value. NULL: an expansion error. */
static char *assignment_value(const char *w, char **name)
{
    const char *eq = strchr(w, '=');
    bool append = eq > w && eq[-1] == '+';
    char *value = expand_assignment(eq + 1);
    if (!value)
        return NULL;
    *name = xstrndup(w, (size_t)(eq - w) - append);
    const char *old = append ? var_get(*name) : NULL;
    if (old) {
        struct strbuf b = {0};
        sb_adds(&b, old);
        sb_adds(&b, value);
        free(value);
        value = sb_take(&b);
    }
    return value;
}

static bool expand_assignments(struct stage *st, struct node *n, bool keep)
{
    for (int i = 0; i < n->simple.assigns.n; i++) {
        char *name;
        char *value = assignment_value(n->simple.assigns.v[i], &name);
        if (!value)
            return false;
        if (!keep)
            var_make_local(name);
        bool exporting = !keep || st->builtin == builtin_find("exec");
        bool ok = var_set(name, value, exporting ? V_EXPORT : 0);
        if (ok) {
            struct strbuf b = {0};
            sb_adds(&b, name);
            sb_addc(&b, '=');
            sb_adds(&b, value);
            wl_add(&st->assigns, sb_take(&b));
        }
        free(name);
        free(value);
        /* bash runs the command all the same, without that assignment */
        if (!ok && (keep || !bash_rules())) {
            sh_fatal(2, "assignment to a read-only variable");
            return false;
        }
    }
    return true;
}

/* Expand, find, assign: st is ready to run (or ST_FAILED). Temporary
 * assignments leave a frame pushed (st->frame) for the caller to pop. */
void prepare_simple(struct stage *st, struct node *n)
{
    sh.cmdsub_ran = false;
    if (expand_words(n->simple.words.v, n->simple.words.n, &st->argv) < 0) {
        stage_fail(st, sh.control == CTL_NONE ? 1 : sh.status, NULL);
        return;
    }
    if (st->argv.n)
        find_command(st);
    else
        st->kind = ST_ASSIGN;
    if (!redirs_expand(n->redirs, &st->redirs)) {
        /* (a redirection that fails is status 1 in bash) */
        stage_fail(st, sh.control != CTL_NONE ? sh.status : bash_rules() ? 1 : 2, NULL);
        return;
    }
    if (st->kind == ST_ASSIGN && st->redirs.n) {
        /* assignments alone: their $(...) run with the redirections on */
        struct saved_fds sv = {0};
        bool ok = redirs_apply(&st->redirs, &sv);
        if (ok && !expand_assignments(st, n, true))
            stage_fail(st, sh.control == CTL_NONE ? 1 : sh.status, NULL);
        fds_restore(&sv);
        xredirs_free(&st->redirs);
        if (!ok)
            stage_fail(st, 2, NULL);
        else if (sh.xtrace && st->kind == ST_ASSIGN)
            xtrace(st);
        if (st->kind == ST_ASSIGN)
            st->status = sh.cmdsub_ran ? sh.cmdsub_status : 0;
        return;
    }
    /* bash (not in posix mode) keeps no assignment before a special builtin */
    bool keep = st->kind == ST_ASSIGN ||
                (st->kind == ST_BUILTIN && st->special && !bash_rules());
    if (!keep && n->simple.assigns.n && st->kind != ST_FUNCTION) {
        vars_push_frame();
        st->frame = true;
    }
    if (st->kind == ST_FUNCTION) {
        /* the function's own frame takes them (function_call) */
        for (int i = 0; i < n->simple.assigns.n; i++) {
            char *name;
            char *value = assignment_value(n->simple.assigns.v[i], &name);
            if (!value) {
                stage_fail(st, 1, NULL);
                return;
            }
            struct strbuf b = {0};
            sb_adds(&b, name);
            sb_addc(&b, '=');
            sb_adds(&b, value);
            free(name);
            free(value);
            wl_add(&st->assigns, sb_take(&b));
        }
    } else if (!expand_assignments(st, n, keep)) {
        stage_fail(st, sh.control == CTL_NONE ? 1 : sh.status, NULL);
        return;
    }
    if (sh.xtrace)
        xtrace(st);
    if (st->kind == ST_ASSIGN)
        st->status = sh.cmdsub_ran ? sh.cmdsub_status : 0;
    if (st->kind == ST_PROGRAM)
        find_program(st);
}

/* ---- inside the shell -------------------------------------------------------------- */

static int run_builtin(struct stage *st, struct saved_fds *sv)
{
    bool exec_alone = st->builtin == builtin_find("exec") && st->argv.n == 1;
    if (exec_alone)                     /* `exec >file`: redirections for good */
        return redirs_apply(&st->redirs, NULL) ? 0 : (st->special ? redirect_fatal() : 2);
    if (!redirs_apply(&st->redirs, sv))
        return st->special ? redirect_fatal() : 2;
    if (st->kind != ST_BUILTIN)
        return function_call(st->func, st->argv.v, st->argv.n, &st->assigns);
    /* through `command`, its errors and those of what it runs (`command
     * eval 'shift 9'`) leave the shell running */
    bool outer = sh.errors_demoted;
    sh.errors_demoted = outer || st->demoted;
    int status = st->builtin(st->argv.v);
    sh.errors_demoted = outer;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        clearerr(stdout);               /* its output could not be written */
        if (status == 0) {
            sh_error("%s: write error", st->argv.v[0]);
            status = 1;
        }
    }
    return status;
}

/* A redirection of a special builtin failed: that ends a script. */
int redirect_fatal(void)
{
    if (!sh.interactive && sh.control == CTL_NONE) {
        sh.control = CTL_EXIT;
        sh.exit_status = 2;
    }
    return 2;
}

/* Run a prepared builtin, function, assignment or compound command in the
 * shell, its redirections applied around it. */
int run_in_shell(struct stage *st)
{
    struct saved_fds sv = {0};
    int status = 1;
    switch (st->kind) {
    case ST_ASSIGN:
        status = st->status;
        break;
    case ST_BUILTIN:
    case ST_FUNCTION:
        status = run_builtin(st, &sv);
        fflush(stdout);
        break;
    default:
        status = redirs_apply(&st->redirs, &sv) ? exec_compound(st->node) : 2;
        break;
    }
    fds_restore(&sv);
    return status;
}
