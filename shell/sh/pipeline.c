/*
 * pipeline.c - running a pipeline: a | b | c, or one command on its own
 * (a pipeline of one), in the foreground or in the background (&); and
 * command substitution, a pipeline whose output the shell reads.
 *
 * Each stage is first prepared: its words expanded, its command found -
 * a program, a builtin, a function, a compound command. Then the stages
 * are started left to right, each pipe made just before the stage that
 * writes it, and the shell's copies of the ends closed as soon as they
 * are handed over, so every reader sees end-of-file when its writer ends.
 *
 * A stage that needs the shell (builtin, function, compound command)
 * runs inside it if it is the last stage of a foreground pipeline, as in
 * ksh: it runs after all the other stages were spawned, so they run
 * concurrently with it, and `... | while read x; do n=$x; done` keeps n.
 * Such a stage anywhere else is handed to a sub-shell.
 */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum stage_kind {
    ST_PROGRAM, ST_BUILTIN, ST_FUNCTION, ST_ASSIGN, ST_COMPOUND, ST_SUBSHELL, ST_FAILED
};

struct stage {
    struct node *node;
    enum stage_kind kind;
    struct wordlist argv, assigns;  /* expanded; assigns as NAME=value */
    struct xredirs redirs;
    char  *path;
    builtin_fn builtin;
    struct node *func;
    int    status;                  /* of a stage that did not spawn */
    char  *error;                   /* why it could not: said where its stderr goes */
    pid_t  pid;
    int    in_fd, out_fd;           /* pipe ends kept for the in-shell stage */
};

/* ---- preparing --------------------------------------------------------------- */

static bool plain_word(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                    "0123456789_./=:,@%+-", *s))
            return false;
    return true;
}

static void trace_word(struct strbuf *b, const char *w)
{
    char *q = plain_word(w) ? NULL : shell_quote(w);
    sb_adds(b, q ? q : w);
    free(q);
}

/* set -x: the command as it will run, after PS4. */
static void xtrace(const struct stage *st)
{
    const char *ps4 = var_get("PS4");
    struct strbuf b = {0};
    sb_adds(&b, ps4 ? ps4 : "+ ");
    for (int i = 0; i < st->assigns.n + st->argv.n; i++) {
        if (i)
            sb_addc(&b, ' ');
        trace_word(&b, i < st->assigns.n ? st->assigns.v[i] : st->argv.v[i - st->assigns.n]);
    }
    fflush(stdout);
    fprintf(stderr, "%s\n", b.s);
    sb_free(&b);
}

static void fail(struct stage *st, int status)
{
    st->kind = ST_FAILED;
    st->status = status;
}

static void fail_because(struct stage *st, int status, const char *what)
{
    struct strbuf b = {0};
    sb_adds(&b, st->argv.v[0]);
    sb_adds(&b, ": ");
    sb_adds(&b, what);
    st->error = sb_take(&b);
    fail(st, status);
}

static void find_command(struct stage *st)
{
    const char *name = st->argv.v[0];
    if ((st->func = function_find(name))) {
        st->kind = ST_FUNCTION;
        return;
    }
    if ((st->builtin = builtin_find(name))) {
        st->kind = ST_BUILTIN;
        return;
    }
    st->kind = ST_PROGRAM;
    switch (path_search(name, &st->path)) {
    case FOUND_FILE:
        break;
    case FOUND_NONE:
        fail_because(st, 127, strchr(name, '/') ? "No such file or directory"
                                                : "command not found");
        break;
    case FOUND_DIR:
        fail_because(st, 126, "Is a directory");
        break;
    case FOUND_NOEXEC:
        fail_because(st, 126, "Permission denied");
        break;
    }
}

static void prepare_simple(struct stage *st, struct node *n)
{
    sh.cmdsub_ran = false;
    for (int i = 0; i < n->simple.assigns.n; i++) {
        const char *w = n->simple.assigns.v[i], *eq = strchr(w, '=');
        char *value = expand_word(eq + 1);
        if (!value) {
            fail(st, 1);
            return;
        }
        struct strbuf b = {0};
        sb_addn(&b, w, (size_t)(eq - w) + 1);
        sb_adds(&b, value);
        free(value);
        wl_add(&st->assigns, sb_take(&b));
    }
    if (expand_words(n->simple.words.v, n->simple.words.n, &st->argv) < 0 ||
        !redirs_expand(n->redirs, &st->redirs)) {
        fail(st, 1);
        return;
    }
    if (sh.xtrace)
        xtrace(st);
    if (st->argv.n == 0) {
        st->kind = ST_ASSIGN;
        st->status = sh.cmdsub_ran ? sh.cmdsub_status : 0;
        return;
    }
    find_command(st);
}

static void prepare(struct stage *st, struct node *n)
{
    st->node = n;
    st->in_fd = st->out_fd = -1;
    if (n->type == N_SIMPLE) {
        prepare_simple(st, n);
        return;
    }
    st->kind = n->type == N_SUBSHELL ? ST_SUBSHELL : ST_COMPOUND;
    if (!redirs_expand(n->redirs, &st->redirs))
        fail(st, 1);
}

static bool needs_shell(enum stage_kind k)
{
    return k == ST_BUILTIN || k == ST_FUNCTION || k == ST_ASSIGN || k == ST_COMPOUND;
}

static void stage_free(struct stage *st)
{
    wl_free(&st->argv);
    wl_free(&st->assigns);
    xredirs_free(&st->redirs);
    free(st->path);
    free(st->error);
    if (st->in_fd >= 0)
        close(st->in_fd);
    if (st->out_fd >= 0)
        close(st->out_fd);
}

/* ---- running inside the shell -------------------------------------------------- */

static void set_assignments(const struct wordlist *assigns, struct var_saved *saved)
{
    for (int i = 0; i < assigns->n; i++) {
        const char *w = assigns->v[i], *eq = strchr(w, '=');
        char *name = xstrndup(w, (size_t)(eq - w));
        if (saved)
            var_save(name, &saved[i]);
        var_set(name, eq + 1, saved != NULL);   /* temporary ones are exported */
        free(name);
    }
}

/* A builtin or function: `X=1 cmd` assignments last while it runs. */
static int run_command(struct stage *st, struct saved_fds *sv)
{
    bool exec_alone = st->kind == ST_BUILTIN && st->argv.n == 1 &&
                      strcmp(st->argv.v[0], "exec") == 0;
    if (exec_alone) {           /* `exec >file`: redirections for good */
        set_assignments(&st->assigns, NULL);
        return redirs_apply(&st->redirs, NULL) ? 0 : 1;
    }
    struct var_saved *saved = xmalloc((size_t)(st->assigns.n + 1) * sizeof *saved);
    set_assignments(&st->assigns, saved);
    int status = 1;
    if (redirs_apply(&st->redirs, sv)) {
        if (st->kind == ST_BUILTIN)
            status = st->builtin(st->argv.v);
        else
            status = function_call(st->func, st->argv.v, st->argv.n);
    }
    fflush(stdout);
    for (int i = st->assigns.n - 1; i >= 0; i--)
        var_restore(&saved[i]);
    free(saved);
    return status;
}

static int run_in_shell(struct stage *st)
{
    struct saved_fds sv = {0};
    if (st->in_fd >= 0) {
        fds_save(&sv, 0);
        dup2(st->in_fd, 0);
        close(st->in_fd);
        st->in_fd = -1;
    }
    if (st->out_fd >= 0) {
        fflush(stdout);
        fds_save(&sv, 1);
        dup2(st->out_fd, 1);
        close(st->out_fd);
        st->out_fd = -1;
    }
    int status = 1;
    switch (st->kind) {
    case ST_ASSIGN:
        if (redirs_apply(&st->redirs, &sv)) {
            set_assignments(&st->assigns, NULL);
            status = st->status;
        }
        break;
    case ST_BUILTIN:
    case ST_FUNCTION:
        status = run_command(st, &sv);
        break;
    default:
        if (redirs_apply(&st->redirs, &sv))
            status = exec_compound(st->node);
        break;
    }
    fds_restore(&sv);
    return status;
}

/* ---- spawning ------------------------------------------------------------------ */

static pid_t spawn_stage(struct stage *st, struct spawn_spec *sp, int *err)
{
    switch (st->kind) {
    case ST_PROGRAM:
        sp->path = st->path;
        sp->argv = st->argv.v;
        return spawn_program(sp, err);
    case ST_BUILTIN:
    case ST_FUNCTION:
        return spawn_subshell("\"$@\"", st->argv.v, st->argv.n, sp, err);
    case ST_SUBSHELL:
        return spawn_subshell(st->node->group.body->text, sh.argv, sh.argc, sp, err);
    default:
        return spawn_subshell(st->node->text, sh.argv, sh.argc, sp, err);
    }
}

/* Why a stage could not start goes to its standard error, as it would
 * from the child: with its pipe ends and redirections in place (or up
 * to the redirection that fails, which then says so itself). */
static void report_in_place(struct stage *st, const struct spawn_spec *sp, const char *msg)
{
    struct saved_fds sv = {0};
    fflush(stdout);
    if (sp->in_fd >= 0) {
        fds_save(&sv, 0);
        dup2(sp->in_fd, 0);
    }
    if (sp->out_fd >= 0) {
        fds_save(&sv, 1);
        dup2(sp->out_fd, 1);
    }
    if (redirs_apply(&st->redirs, &sv) && msg)
        sh_error("%s", msg);
    fds_restore(&sv);
}

/* Start one stage as a process of the job (made at the first one). */
static void start_stage(struct stage *st, struct spawn_spec *sp, struct job **job,
                        const char *text)
{
    if (st->kind == ST_ASSIGN)
        return;
    if (st->kind == ST_FAILED) {
        if (st->error)
            report_in_place(st, sp, st->error);
        return;
    }
    if (!redirs_check(&st->redirs)) {
        report_in_place(st, sp, NULL);
        fail(st, 1);
        return;
    }
    sp->redirs = &st->redirs;
    sp->envp = vars_environ(&st->assigns);
    int err = 0;
    pid_t pid = spawn_stage(st, sp, &err);
    if (pid < 0 && err == EPERM && sp->pgroup > 0 && !*job) {
        sp->pgroup = 0;                 /* the group to join ended meanwhile */
        pid = spawn_stage(st, sp, &err);
    }
    strv_free(sp->envp);
    if (pid < 0) {
        sh_error("%s: %s", st->argv.n ? st->argv.v[0] : "sh",
                 exec_strerror(st->kind == ST_PROGRAM ? st->path : NULL, err));
        fail(st, err == ENOENT ? 127 : 126);
        return;
    }
    st->pid = pid;
    if (!*job)
        *job = job_new(text, sp->pgroup < 0 ? 0 : sp->pgroup ? sp->pgroup : pid);
    job_add(*job, pid);
}

static void close_on_exec(int fd)
{
    if (fd >= 0)
        fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/* The process group of a new job: none without job control; for a
 * foreground job run by an in-shell stage, the group of that stage's
 * pipeline (^C and ^Z then reach them all); else a group of its own. */
static pid_t job_group(const struct pipeline_opts *o, struct job *job, bool *nested)
{
    if (!sh.job_control || o->capture_fd >= 0)
        return -1;
    if (job)
        return job->pgid;
    if (!o->background && sh.stage_pgid > 0 && killpg(sh.stage_pgid, 0) == 0) {
        *nested = true;
        return sh.stage_pgid;
    }
    return 0;
}

/* Spawn every stage but the in-shell one, connecting them with pipes.
 * A pipe that cannot be made (no descriptor left) breaks the whole
 * pipeline, as in bash: none of it runs - the stages already started are
 * killed - and *broken is set. */
static struct job *start_stages(struct stage *st, int n, int inshell, const char *text,
                                const struct pipeline_opts *o, bool *nested, bool *broken)
{
    struct job *job = NULL;
    int prev = -1;
    *nested = false;
    *broken = false;
    for (int i = 0; i < n; i++) {
        int p[2] = { -1, -1 };
        bool last = i == n - 1;
        if (!last && pipe(p) < 0) {
            sh_error("pipe error: %s", strerror(errno));
            if (prev >= 0)
                close(prev);
            if (job)
                job_abandon(job);
            *broken = true;
            return NULL;
        }
        if (i == inshell) {
            st[i].in_fd = prev;
            st[i].out_fd = p[1];
            close_on_exec(prev);
            close_on_exec(p[1]);
        } else {
            struct spawn_spec sp = {
                .in_fd = prev, .out_fd = last ? o->capture_fd : p[1], .close_fd = p[0],
                .pgroup = job_group(o, job, nested),
                .async_no_jc = o->background && !sh.job_control,
            };
            start_stage(&st[i], &sp, &job, text);
            if (job && job->n == 1 && *nested && job->pgid != sh.stage_pgid)
                *nested = false;
            if (job && job->n == 1 && job->pgid && !*nested && !o->background)
                tcsetpgrp(sh.tty, job->pgid);
            if (prev >= 0)
                close(prev);
            if (p[1] >= 0)
                close(p[1]);
        }
        prev = p[0];
    }
    return job;
}

int run_pipeline(struct node **cmds, int n, const char *text, const struct pipeline_opts *o)
{
    struct stage *st = xmalloc((size_t)n * sizeof *st);
    memset(st, 0, (size_t)n * sizeof *st);
    int inshell = -1, status = 0;
    for (int i = 0; i < n && sh.control == CTL_NONE; i++)
        prepare(&st[i], cmds[i]);
    if (needs_shell(st[n - 1].kind) && !o->background && o->capture_fd < 0)
        inshell = n - 1;
    if (sh.control != CTL_NONE) {
        for (int i = 0; i < n; i++)
            stage_free(&st[i]);
        free(st);
        return 1;
    }
    bool nested, broken;
    struct job *job = start_stages(st, n, inshell, text, o, &nested, &broken);
    if (broken) {               /* an error of the shell, like ${x?}: a script ends */
        if (!sh.interactive)
            sh.control = CTL_EXIT;
        if (o->job_out)
            *o->job_out = NULL;
        for (int i = 0; i < n; i++)
            stage_free(&st[i]);
        free(st);
        return sh.status = 1;
    }
    if (job)
        job->nested = nested;
    if (job && job->pgid && !nested && !o->background) {
        /* A child may have read the terminal before it was given the
         * terminal, and been stopped by SIGTTIN: continue it. */
        killpg(job->pgid, SIGCONT);
    }
    if (o->background) {
        if (job) {
            job_background(job);
            sh.last_bg = job->pids[job->n - 1];
        }
    } else {
        int inshell_status = 0;
        if (inshell >= 0) {
            pid_t outer = sh.stage_pgid;
            if (job && job->pgid)
                sh.stage_pgid = job->pgid;
            inshell_status = run_in_shell(&st[inshell]);
            sh.stage_pgid = outer;
        }
        if (o->job_out) {
            *o->job_out = job;
        } else {
            bool stopped = false, spawned_last = st[n - 1].pid > 0;
            int job_status = job ? job_wait_fg(job, &stopped) : 0;
            status = stopped || spawned_last ? job_status
                   : inshell == n - 1 ? inshell_status : st[n - 1].status;
        }
    }
    for (int i = 0; i < n; i++)
        stage_free(&st[i]);
    free(st);
    return status;
}

/* ---- command substitution ----------------------------------------------------------- */

/* A pipeline of simple commands can run straight from here; anything
 * else ($(cd /tmp; ls)) goes to a sub-shell. NULL: use a sub-shell;
 * *bad: the text does not parse (already reported). */
static struct node *parse_direct(const char *text, bool *bad)
{
    size_t pos = 0, len = strlen(text);
    int line = 1;
    struct node *first = NULL, *n;
    *bad = false;
    while (pos < len) {
        enum parse_result r = parse_command(text, len, &pos, &line, &n);
        if (r != PARSE_OK) {
            if (r == PARSE_INCOMPLETE)
                sh_error("syntax error: unexpected end of file in $(...)");
            *bad = true;
            break;
        }
        if (!n)
            continue;
        if (first) {
            node_free(n);
            node_free(first);
            return NULL;            /* several commands */
        }
        first = n;
    }
    if (*bad || !first) {
        node_free(first);
        return NULL;
    }
    bool simple = first->type == N_SIMPLE;
    if (first->type == N_PIPELINE && !first->pipe.negate) {
        simple = true;
        for (int i = 0; i < first->pipe.n; i++)
            simple &= first->pipe.cmds[i]->type == N_SIMPLE;
    }
    if (!simple) {
        node_free(first);
        return NULL;
    }
    return first;
}

static struct job *start_capture(const char *text, int out_fd, int *status)
{
    bool bad;
    struct job *job = NULL;
    struct node *n = parse_direct(text, &bad);
    *status = bad ? 2 : 0;
    if (n) {
        struct pipeline_opts o = { .capture_fd = out_fd, .job_out = &job };
        bool pipe_node = n->type == N_PIPELINE;
        if (run_pipeline(pipe_node ? n->pipe.cmds : &n, pipe_node ? n->pipe.n : 1, n->text,
                         &o) != 0 && !job)
            *status = 1;                /* it could not start */
        node_free(n);
    } else if (!bad) {
        struct spawn_spec sp = { .in_fd = -1, .out_fd = out_fd, .close_fd = -1, .pgroup = -1 };
        int err;
        sp.envp = vars_environ(NULL);
        pid_t pid = spawn_subshell(text, sh.argv, sh.argc, &sp, &err);
        strv_free(sp.envp);
        if (pid < 0) {
            sh_error("%s: %s", sh.self, strerror(err));
            *status = 126;
        } else {
            job = job_new(text, 0);
            job_add(job, pid);
        }
    }
    return job;
}

/* $(text): its standard output, without the trailing newlines. */
char *command_output(const char *text)
{
    int fds[2], status;
    struct strbuf out = {0};
    if (pipe(fds) < 0) {
        sh_error("cannot make pipe for command substitution: %s", strerror(errno));
        sh.cmdsub_ran = true;
        sh.cmdsub_status = 1;
        return xstrdup("");
    }
    close_on_exec(fds[0]);
    close_on_exec(fds[1]);
    struct job *job = start_capture(text, fds[1], &status);
    close(fds[1]);
    char buf[512];
    for (;;) {
        ssize_t r = read(fds[0], buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        sb_addn(&out, buf, (size_t)r);
    }
    close(fds[0]);
    if (job) {
        bool stopped;
        status = job_wait_fg(job, &stopped);
    }
    sh.cmdsub_ran = true;
    sh.cmdsub_status = status;
    while (out.len && out.s[out.len - 1] == '\n')
        out.s[--out.len] = '\0';
    return sb_take(&out);
}
