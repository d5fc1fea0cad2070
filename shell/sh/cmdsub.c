/*
 * cmdsub.c - command substitution, $(...) and `...`: the command runs
 * apart from the shell, its standard output on a pipe the shell reads to
 * the end; the trailing newlines are dropped.
 *
 * A pipeline of simple commands goes to run_pipeline with its output
 * captured, so that `$(ls | wc -l)` spawns the programs straight away
 * (pipeline.c decides which stage needs a sub-shell); anything else -
 * several commands, a compound command - is one sub-shell (state.c).
 * Its status is the status of the substitution, which an assignment
 * alone (`x=$(false)`) reports. bash's $(<file) is $(command cat <file).
 *
 * bash's process substitution, <(...) and >(...), runs the command in a
 * sub-shell beside the command that has it, connected by a named pipe
 * (a FIFO in /tmp, as bash makes where there is no /dev/fd): the word is
 * the FIFO's name. The sub-shell opens its end - waiting for the command
 * to open the other - then removes the name, and runs the text. A FIFO
 * the command never opened is opened and closed by the shell once the
 * command is done (process_subs_leave), so that sub-shell ends too.
 */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A pipeline of simple commands, or NULL: the text is something else
 * (*bad: it does not parse, already reported). */
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
    if (simple && !sh.posix && !first->simple.words.n && !first->simple.assigns.n &&
        first->redirs && !first->redirs->next && first->redirs->op == R_IN &&
        first->redirs->fd == 0) {
        /* bash's $(<file): the file's contents */
        wl_add(&first->simple.words, xstrdup("command"));
        wl_add(&first->simple.words, xstrdup("cat"));
    }
    if (first->type == N_PIPELINE && !first->pipe.negate && !first->pipe.timed) {
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
    if (bad) {
        sh.status = 2;                  /* a syntax error: the command is abandoned */
        if (sh.control == CTL_NONE) {
            sh.control = sh.interactive ? CTL_INTERRUPT : CTL_EXIT;
            sh.exit_status = 2;
        }
    }
    if (n) {
        struct pipeline_opts o = { .capture_fd = out_fd, .job_out = &job };
        bool pipe_node = n->type == N_PIPELINE;
        int r = run_pipeline(pipe_node ? n->pipe.cmds : &n, pipe_node ? n->pipe.n : 1,
                             n->text, &o);
        if (!job)
            *status = r ? r : sh.cmdsub_status;
        node_free(n);
    } else if (!bad) {
        struct spawn_spec sp = { .in_fd = -1, .out_fd = out_fd, .close_fd = -1, .pgroup = -1 };
        int err;
        sp.envp = vars_environ(NULL);
        pid_t pid = spawn_subshell(text, sh.lineno, &sp, &err);
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

/* $(text): its standard output, without the trailing newlines. NUL
 * bytes are dropped, as dash does. */
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
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    struct job *job = start_capture(text, fds[1], &status);
    close(fds[1]);
    char buf[512];
    for (;;) {
        ssize_t r = read(fds[0], buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        for (ssize_t k = 0; k < r; k++)
            if (buf[k])
                sb_addc(&out, buf[k]);
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

struct procsub {
    char path[48];
    int  depth;             /* of the command whose words made it */
};
static struct procsub pending[16];
static int npending, command_depth;

/* Around each command run (pipeline.c): what its own words made is
 * released when it is done, not what an outer command's made. */
void process_subs_enter(void)
{
    command_depth++;
}

void process_subs_leave(bool release)
{
    while (npending && pending[npending - 1].depth >= command_depth) {
        const char *path = pending[--npending].path;
        if (!release)
            continue;       /* a job in the background opens them later */
        int fd = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0)
            close(fd);      /* the sub-shell's open returns, and it sees the end */
        unlink(path);
    }
    command_depth--;
}

/* <(text) (reading: the command reads what text writes) or >(text): the
 * name of the FIFO, or NULL after the message. */
char *process_substitution(const char *text, bool reading)
{
    static unsigned count;
    char path[48];
    if (npending == (int)(sizeof pending / sizeof pending[0])) {
        sh_error("too many process substitutions");
        return NULL;
    }
    snprintf(path, sizeof path, "/tmp/sh-procsub-%d-%u", (int)getpid(), count++);
    unlink(path);
    if (mkfifo(path, 0600) < 0) {
        sh_error("cannot make a pipe for process substitution: %s", strerror(errno));
        return NULL;
    }
    struct strbuf script = {0};
    char *q = shell_quote(path);
    /* quietly gone if the shell released the FIFO before it was opened */
    sb_adds(&script, reading ? "{ exec >" : "{ exec <");
    sb_adds(&script, q);
    sb_adds(&script, "; } 2>/dev/null && rm -f ");
    sb_adds(&script, q);
    sb_adds(&script, " && {\n");
    sb_adds(&script, text);
    sb_adds(&script, "\n}");
    free(q);
    struct spawn_spec sp = { .in_fd = -1, .out_fd = -1, .close_fd = -1, .pgroup = -1 };
    int err;
    sp.envp = vars_environ(NULL);
    pid_t pid = spawn_subshell(script.s, sh.lineno, &sp, &err);
    strv_free(sp.envp);
    sb_free(&script);
    if (pid < 0) {
        sh_error("%s: %s", sh.self, strerror(err));
        unlink(path);
        return NULL;
    }
    strcpy(pending[npending].path, path);
    pending[npending++].depth = command_depth;
    return xstrdup(path);
}
