/*
 * input.c - where commands come from, and the loop that reads and runs
 * them: a terminal (through the line editor), a script file, standard
 * input that is not a terminal, or a string (sh -c, eval).
 *
 * Lines are read one at a time and parsed as they come: a command that
 * is not complete yet (an open quote, an `if` without `fi`, a trailing |)
 * makes the loop read another line, with the PS2 prompt, and parse again.
 * So a script runs line by line, and a syntax error on line 10 does not
 * stop lines 1 to 9 from running.
 *
 * Standard input that is not a terminal is read one byte at a time: the
 * rest of it belongs to the commands (`read`, `cat`), which share it.
 */
#include "sh.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct source {
    enum { SRC_STRING, SRC_FD, SRC_TERMINAL } kind;
    const char *str;        /* SRC_STRING */
    size_t str_pos;
    int    fd;              /* SRC_FD */
    bool   own_fd;
    bool   bytewise;        /* shared with the commands: no read-ahead */
    bool   quiet;           /* not shown by set -v (a sub-shell's text) */
    char   buf[1024];
    size_t blen, bpos;
};

struct source *source_string(const char *s)
{
    struct source *src = xmalloc(sizeof *src);
    memset(src, 0, sizeof *src);
    src->kind = SRC_STRING;
    src->str = s;
    return src;
}

struct source *source_fd(int fd, bool own)
{
    struct source *src = xmalloc(sizeof *src);
    memset(src, 0, sizeof *src);
    src->kind = SRC_FD;
    src->fd = fd;
    src->own_fd = own;
    src->bytewise = fd == 0;
    return src;
}

struct source *source_terminal(void)
{
    struct source *src = source_fd(sh.tty, false);
    src->kind = SRC_TERMINAL;
    return src;
}

void source_free(struct source *src)
{
    if (src->own_fd)
        close(src->fd);
    free(src);
}

/* ---- reading a line --------------------------------------------------------- */

static int next_byte(struct source *src)
{
    if (src->bpos == src->blen) {
        size_t want = src->bytewise ? 1 : sizeof src->buf;
        ssize_t n;
        do
            n = read(src->fd, src->buf, want);
        while (n < 0 && errno == EINTR);
        if (n <= 0)
            return -1;
        src->blen = (size_t)n;
        src->bpos = 0;
    }
    return (unsigned char)src->buf[src->bpos++];
}

static char *read_fd_line(struct source *src)
{
    struct strbuf b = {0};
    int c;
    while ((c = next_byte(src)) >= 0) {
        sb_addc(&b, (char)c);
        if (c == '\n')
            break;
    }
    return b.len ? sb_take(&b) : NULL;
}

static char *read_string_line(struct source *src)
{
    const char *s = src->str + src->str_pos;
    if (!*s)
        return NULL;
    const char *nl = strchr(s, '\n');
    size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
    src->str_pos += n;
    return xstrndup(s, n);
}

static const char *prompt(bool continuation)
{
    const char *p = var_get(continuation ? "PS2" : "PS1");
    return p ? p : continuation ? "> " : "duplex$ ";
}

static char *read_terminal_line(bool continuation, bool *interrupted)
{
    char *line = NULL;
    switch (edit_line(sh.tty, prompt(continuation), &line)) {
    case EDIT_EOF:
        return NULL;
    case EDIT_INTERRUPT:
        *interrupted = true;
        return xstrdup("");
    case EDIT_LINE:
        break;
    }
    history_add(line);
    size_t n = strlen(line);
    line = xrealloc(line, n + 2);
    line[n] = '\n';
    line[n + 1] = '\0';
    return line;
}

static char *source_line_raw(struct source *src, bool continuation, bool *interrupted);

/* One line with its newline, NULL at the end of the input; set -v shows
 * it on stderr as it is read. */
static char *source_line(struct source *src, bool continuation, bool *interrupted)
{
    char *line = source_line_raw(src, continuation, interrupted);
    if (line && sh.verbose && !src->quiet && src->kind != SRC_STRING) {
        fputs(line, stderr);
        fflush(stderr);
    }
    return line;
}

static char *source_line_raw(struct source *src, bool continuation, bool *interrupted)
{
    *interrupted = false;
    switch (src->kind) {
    case SRC_STRING:
        return read_string_line(src);
    case SRC_TERMINAL:
        return read_terminal_line(continuation, interrupted);
    default:
        if (sh.interactive && src->fd == 0) {
            fputs(prompt(continuation), stderr);
            fflush(stderr);
        }
        return read_fd_line(src);
    }
}

/* ---- the loop ------------------------------------------------------------------- */

struct reader {
    struct source *src;
    struct strbuf text;     /* lines read and not yet run */
    size_t pos;
    int    lineno;
    bool   settled;     /* backslash_at_end has done its part */
};

static void discard(struct reader *r)
{
    sb_free(&r->text);
    r->pos = 0;
}

static void unexpected_end(const struct reader *r)
{
    int line = r->lineno;
    for (size_t k = r->pos; k < r->text.len; k++)
        line += r->text.s[k] == '\n';
    if (r->src->kind == SRC_TERMINAL)
        sh_error("syntax error: unexpected end of file");
    else
        sh_error("line %d: syntax error: unexpected end of file", line);
}

/* A syntax error in a file read by `.` ends the script in sh, as POSIX
 * says; bash (not in posix mode) only returns from the `.`, status 2. */
static bool sourced_in_bash(void)
{
    return sh.source_depth > 0 && bash_rules();
}

/* The input ended after a backslash: a backslash-newline joins the line
 * to nothing, and a backslash last of all is an ordinary character (as
 * if quoted), as bash and dash read `sh -c 'echo \'`. false: the text
 * does not end so. */
static bool backslash_at_end(struct reader *r)
{
    struct strbuf *text = &r->text;
    if (r->settled)
        return false;
    r->settled = true;
    size_t n = text->len;
    if (n >= 2 && text->s[n - 2] == '\\' && text->s[n - 1] == '\n') {
        text->len -= 2;
        text->s[text->len] = 0;
        return true;
    }
    if (n >= 1 && text->s[n - 1] == '\\') {
        sb_addc(text, '\\');
        return true;
    }
    return false;
}

/* Read until one complete command parses. false: the input ended, or a
 * syntax error ended it (then the shell of a script exits with 2; eval and
 * `.` return 2). */
static bool next_command(struct reader *r, struct node **out)
{
    bool interrupted;
    *out = NULL;
    for (;;) {
        if (r->pos >= r->text.len) {
            discard(r);
            if (r->src->kind == SRC_TERMINAL) {
                jobs_notify();
                interrupt_pending();        /* a ^C from before the prompt */
                window_size_check();
            }
            char *line = source_line(r->src, false, &interrupted);
            if (!line)
                return false;
            sb_adds(&r->text, line);
            free(line);
            if (interrupted)
                sh.status = 130;
        }
        size_t pos = r->pos;
        int lineno = r->lineno;
        switch (parse_command(r->text.s, r->text.len, &pos, &lineno, out)) {
        case PARSE_OK:
            r->pos = pos;
            r->lineno = lineno;
            return true;
        case PARSE_ERROR:               /* a script stops there; a terminal goes on */
            sh.status = 2;
            discard(r);
            if (sourced_in_bash())
                return false;           /* . returns 2 */
            if (r->src->kind != SRC_TERMINAL && !sh.interactive) {
                sh.control = CTL_EXIT;
                sh.exit_status = 2;
            }
            return r->src->kind == SRC_TERMINAL;
        case PARSE_INCOMPLETE: {
            char *line = source_line(r->src, true, &interrupted);
            if (!line && backslash_at_end(r))
                break;                  /* parsed again, the backslash settled */
            if (!line) {
                unexpected_end(r);
                sh.status = 2;
                discard(r);
                if (sourced_in_bash())
                    return false;
                if (r->src->kind != SRC_TERMINAL && !sh.interactive) {
                    sh.control = CTL_EXIT;
                    sh.exit_status = 2;
                }
                return r->src->kind == SRC_TERMINAL;
            }
            if (interrupted) {
                discard(r);
                sh.status = 130;
            } else {
                sb_adds(&r->text, line);
            }
            free(line);
            break;
        }
        }
    }
}

/* Run every command of the source; the status of the last. With set -n
 * a script is only read (an interactive shell ignores -n). */
int run_source_at(struct source *src, int lineno)
{
    struct reader r = { .src = src, .lineno = lineno };
    if (lineno > 1)
        src->quiet = true;
    while (sh.control == CTL_NONE) {
        struct node *n;
        if (!next_command(&r, &n))
            break;
        if (n && !(sh.noexec && !sh.interactive))
            exec_node(n);
        node_free(n);
        traps_run();                    /* a signal that came during the last command */
        fflush(stdout);
        if (sh.control == CTL_INTERRUPT && src->kind == SRC_TERMINAL) {
            sh.control = CTL_NONE;      /* ^C: back to the prompt */
            sh.status = 130;
            discard(&r);
        }
    }
    discard(&r);
    return sh.status;
}

int run_source(struct source *src)
{
    return run_source_at(src, 1);
}

/* eval, and the string of sh -c. */
int run_string(const char *text)
{
    struct source *src = source_string(text);
    int status = run_source(src);
    source_free(src);
    return status;
}
