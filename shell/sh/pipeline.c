/*
 * pipeline.c - running a pipeline: a | b | c, or one command on its own
 * (a pipeline of one), in the foreground or in the background (&); and
 * command substitution, a pipeline whose output the shell reads.
 *
 * A command on its own in the foreground runs in the shell if it is a
 * builtin, a function, an assignment or a compound command (command.c);
 * a program is spawned. Everything else is a sub-shell, as POSIX says:
 * each stage of a pipeline of two or more, a command in the background,
 * ( ... ), $(...) - so nothing they do changes the shell. A sub-shell is
 * a new shell process with a copy of the shell's state (state.c); but a
 * stage that is plainly a program (`ls | wc`) is spawned straight away,
 * its words expanded here, when that expansion cannot change anything.
 *
 * The stages start left to right, each pipe made just before the stage
 * that writes it, and the shell's copies of the ends closed as soon as
 * they are handed over, so every reader sees end-of-file when its writer
 * ends.
 */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void stage_free(struct stage *st)
{
    wl_free(&st->argv);
    wl_free(&st->assigns);
    xredirs_free(&st->redirs);
    free(st->path);
    free(st->error);
    free(st->text);
    strv_free(st->envp);
    st->envp = NULL;
    if (st->frame)
        vars_pop_frame();
    st->frame = false;
}

/* ---- which stages need a sub-shell ------------------------------------------------ */

/* Could expanding this raw word change the shell? ${x=...}, ${x?...},
 * $((x=...)), $((x++)) could; $(...) runs apart anyway. */
static bool may_change_shell(const char *raw)
{
    const char *p = strstr(raw, "${");
    if (p && strpbrk(p, "=?"))
        return true;
    p = strstr(raw, "$((");
    return p && (strchr(p, '=') || strstr(p, "++") || strstr(p, "--"));
}

/* A word that is its own value: no quotes, expansions or patterns. */
static bool literal(const char *raw)
{
    for (const char *p = raw; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                    "0123456789_./-+:,%@=", *p))
            return false;
    return *raw != '\0';
}

/* A simple command whose name is plainly a program, with nothing in its
 * words that could change the shell: it can be spawned from here. */
static bool plain_program(struct node *n)
{
    if (n->type != N_SIMPLE || !n->simple.words.n || !literal(n->simple.words.v[0]))
        return false;
    const char *name = n->simple.words.v[0];
    if (function_find(name) || builtin_lookup(name) || strcmp(name, "command") == 0)
        return false;
    for (int i = 0; i < n->simple.words.n; i++)
        if (may_change_shell(n->simple.words.v[i]))
            return false;
    for (int i = 0; i < n->simple.assigns.n; i++)
        if (may_change_shell(n->simple.assigns.v[i]))
            return false;
    for (struct redir *r = n->redirs; r; r = r->next)
        if (may_change_shell(r->target))
            return false;
    return true;
}

/* The text a sub-shell runs for a node: ( ... ) is already one, so its
 * body runs there (in braces, for the redirections). */
static char *subshell_text(struct node *n)
{
    struct strbuf b = {0};
    if (n->type == N_SUBSHELL) {
        struct node brace = *n;
        brace.type = N_BRACE;
        unparse(&b, n->redirs ? &brace : n->group.body);
    } else {
        unparse(&b, n);
    }
    return sb_take(&b);
}

static void prepare_child(struct stage *st, struct node *n)
{
    st->node = n;
    if (plain_program(n)) {
        prepare_simple(st, n);
        if (st->frame) {
            /* its own assignments are in its environment, and only there:
             * the next stages are prepared without them */
            st->envp = vars_environ(NULL);
            vars_pop_frame();
            st->frame = false;
        }
        if (st->kind == ST_PROGRAM || st->kind == ST_FAILED)
            return;
        stage_free(st);                     /* not a program after all */
        memset(st, 0, sizeof *st);
        st->node = n;
    }
    st->kind = ST_SUBSHELL;
    st->text = subshell_text(n);
}

/* ---- spawning ------------------------------------------------------------------ */

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

static pid_t spawn_stage(struct stage *st, struct spawn_spec *sp, int *err)
{
    if (st->kind == ST_PROGRAM) {
        sp->path = st->path;
        sp->argv = st->argv.v;
        return spawn_program(sp, err);
    }
    return spawn_subshell(st->text, st->node->lineno ? st->node->lineno : sh.lineno, sp, err);
}

/* Start one stage as a process of the job (made at the first one). */
static void start_stage(struct stage *st, struct spawn_spec *sp, struct job **job,
                        const char *text)
{
    if (st->kind == ST_FAILED) {
        if (st->error)
            report_in_place(st, sp, st->error);
        return;
    }
    if (st->kind == ST_PROGRAM && !redirs_check(&st->redirs)) {
        report_in_place(st, sp, NULL);
        stage_fail(st, 2, NULL);
        return;
    }
    sp->redirs = st->kind == ST_PROGRAM ? &st->redirs : NULL;
    sp->envp = st->envp ? st->envp : vars_environ(NULL);
    int err = 0;
    pid_t pid = spawn_stage(st, sp, &err);
    if (pid < 0 && err == EPERM && sp->pgroup > 0 && !*job) {
        sp->pgroup = 0;                 /* the group to join ended meanwhile */
        pid = spawn_stage(st, sp, &err);
    }
    if (sp->envp != st->envp)
        strv_free(sp->envp);
    if (pid < 0) {
        sh_error("%s: %s", st->argv.n ? st->argv.v[0] : "sh",
                 exec_strerror(st->kind == ST_PROGRAM ? st->path : NULL, err));
        stage_fail(st, err == ENOENT ? 127 : 126, NULL);
        return;
    }
    st->pid = pid;
    if (!*job)
        *job = job_new(text, sp->pgroup < 0 ? 0 : sp->pgroup ? sp->pgroup : pid);
    job_add(*job, pid);
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

/* Spawn every stage, connecting them with pipes. A pipe that cannot be
 * made (no descriptor left) breaks the whole pipeline, as in bash: none
 * of it runs - the stages already started are killed - and *broken is
 * set. */
static struct job *start_stages(struct stage *st, int n, const char *text,
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
        if (p[0] >= 0)
            fcntl(p[0], F_SETFD, FD_CLOEXEC);
        if (p[1] >= 0)
            fcntl(p[1], F_SETFD, FD_CLOEXEC);
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
        prev = p[0];
    }
    return job;
}

/* ---- running -------------------------------------------------------------------- */

/* The sub-shell's only command is a program: become it. Returns only if
 * that cannot be done. */
static void exec_instead(struct stage *st)
{
    if (!redirs_check(&st->redirs) || !redirs_apply(&st->redirs, NULL))
        return;
    char **env = vars_environ(NULL);
    fflush(NULL);
    execve(st->path, st->argv.v, env);
    if (errno == ENOEXEC && strcmp(exec_strerror(st->path, errno), strerror(ENOEXEC)) == 0) {
        struct wordlist args = {0};            /* a script */
        script_command(st->path, st->argv.v + 1, &args);
        execve(args.v[0], args.v, env);
        wl_free(&args);
    }
    strv_free(env);
}

/* One command in the foreground, in the shell if it can be. */
static int run_single_in(struct node *n, const char *text);

/* One command in the foreground; the process substitutions its words
 * made are released once it is done. */
static int run_single(struct node *n, const char *text)
{
    process_subs_enter();
    int status = run_single_in(n, text);
    process_subs_leave(true);
    return status;
}

static int run_single_in(struct node *n, const char *text)
{
    struct stage st = {0};
    bool exec_it = sh.exec_last;
    sh.exec_last = false;               /* only the sub-shell's own command */
    st.node = n;
    char *last = NULL;                  /* the next $_ */
    if (n->type == N_SIMPLE) {
        prepare_simple(&st, n);
        if (exec_it && st.kind == ST_PROGRAM && sh.control == CTL_NONE)
            exec_instead(&st);
        if (st.kind != ST_FAILED && !sh.posix)
            last = xstrdup(st.argv.n ? st.argv.v[st.argv.n - 1] : "");
    } else if (n->type == N_SUBSHELL) {
        st.kind = ST_SUBSHELL;
        st.text = subshell_text(n);
    } else {
        st.kind = ST_COMPOUND;
        if (!redirs_expand(n->redirs, &st.redirs))
            stage_fail(&st, sh.control == CTL_NONE ? 2 : sh.status, NULL);
    }
    int status;
    if (sh.control != CTL_NONE && st.kind == ST_FAILED) {
        status = sh.status;
    } else if (st.kind == ST_PROGRAM || st.kind == ST_SUBSHELL || st.kind == ST_FAILED) {
        const struct pipeline_opts o = { .capture_fd = -1 };
        bool nested, broken;
        struct job *job = start_stages(&st, 1, text, &o, &nested, &broken);
        status = st.status;
        if (job) {
            bool stopped = false;
            job->nested = nested;
            if (job->pgid && !nested)
                killpg(job->pgid, SIGCONT);
            status = job_wait_fg(job, &stopped);
        }
    } else {
        status = run_in_shell(&st);
    }
    if (last) {
        var_set("_", last, 0);
        free(last);
    }
    stage_free(&st);
    return status;
}

static int run_pipeline_in(struct node **cmds, int n, const char *text,
                           const struct pipeline_opts *o);

int run_pipeline(struct node **cmds, int n, const char *text, const struct pipeline_opts *o)
{
    if (n == 1 && !o->background && o->capture_fd < 0)
        return run_single(cmds[0], text);
    process_subs_enter();
    int status = run_pipeline_in(cmds, n, text, o);
    process_subs_leave(!o->background);
    return status;
}

static int run_pipeline_in(struct node **cmds, int n, const char *text,
                           const struct pipeline_opts *o)
{
    struct stage *st = xmalloc((size_t)n * sizeof *st);
    memset(st, 0, (size_t)n * sizeof *st);
    int status = 0;
    for (int i = 0; i < n && sh.control == CTL_NONE; i++)
        prepare_child(&st[i], cmds[i]);
    if (sh.control != CTL_NONE) {
        for (int i = 0; i < n; i++)
            stage_free(&st[i]);
        free(st);
        return sh.status;
    }
    bool nested, broken;
    struct job *job = start_stages(st, n, text, o, &nested, &broken);
    if (broken) {               /* an error of the shell: a script ends */
        if (!sh.interactive) {
            sh.control = CTL_EXIT;
            sh.exit_status = 1;
        }
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
    } else if (o->job_out) {
        *o->job_out = job;
        if (!job)
            status = st[n - 1].status;
    } else {
        bool stopped = false, spawned_last = st[n - 1].pid > 0;
        int job_status = 0;
        if (job)
            job_status = job_wait_fg(job, &stopped);
        status = stopped || spawned_last ? job_status : st[n - 1].status;
    }
    for (int i = 0; i < n; i++)
        stage_free(&st[i]);
    free(st);
    return status;
}
