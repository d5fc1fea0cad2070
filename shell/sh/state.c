/*
 * state.c - sub-shells: a copy of the shell's state in a process of its
 * own.
 *
 * A Unix shell forks for ( ... ), $(...), a pipeline's stages and `&`:
 * the child is a copy of the parent, and nothing it does reaches the
 * parent. Duplex has no fork (on the web target a process is a
 * WebAssembly instance that cannot be copied), so spawn_subshell starts
 * a new shell and hands it the parent's state as text through a pipe:
 *
 *   sh --subshell FD [$0 ARG...]
 *
 * FD (or, when it is small enough, the arguments themselves) carries a
 * script of hidden `__state` commands that recreate every
 * variable with its attributes, the options, the functions, the aliases,
 * the traps to list, the programs `hash` remembers, $? $$ $! and where the parent stood (inside how many
 * loops, functions, conditions; on which line); then a NUL; then the
 * command's text (unparse.c), which the new shell runs as the parent
 * would have. Its positional parameters come as arguments; its directory,
 * umask and open files come with the process.
 *
 * spawn_subshell is the one place that makes a sub-shell: with fork(), it
 * becomes fork, apply the file actions, and run the tree in the child.
 */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- the parent's side ----------------------------------------------------------- */

static void add_number(struct strbuf *b, const char *what, long v)
{
    char buf[64];
    snprintf(buf, sizeof buf, "__state %s %ld\n", what, v);
    sb_adds(b, buf);
}

static char *state_script(const char *text, int lineno)
{
    struct strbuf b = {0};
    vars_serialize(&b);
    functions_serialize(&b);
    aliases_serialize(&b);
    traps_serialize(&b);
    hash_serialize(&b);
    add_number(&b, "pid", sh.pid);
    add_number(&b, "ppid", sh.ppid);
    add_number(&b, "bg", sh.last_bg);
    add_number(&b, "loops", sh.loop_depth);
    add_number(&b, "funcs", sh.func_depth);
    add_number(&b, "sources", sh.source_depth);
    add_number(&b, "cond", sh.cond_depth);
    add_number(&b, "lineno", lineno);
    add_number(&b, "status", sh.status);
    options_serialize(&b);          /* last: set -x would trace the rest */
    sb_addc(&b, '\0');
    sb_adds(&b, text);
    return b.s;          /* with its NUL inside: b.len says how long */
}

static void write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

/* What argv and envp may take together (kernel/uapi/limits.h's ARG_MAX),
 * with room to spare: a larger state goes through a pipe. */
#define STATE_IN_ARGV_MAX (48 * 1024)

static size_t strv_size(char **v)
{
    size_t n = 0;
    for (; v && *v; v++)
        n += strlen(*v) + 1 + sizeof(char *);
    return n;
}

/* Run text in a sub-shell with the parent's positional parameters:
 *   sh --subshell - STATE TEXT $0 ARG...   the state in its arguments, or
 *   sh --subshell FD $0 ARG...             the state on a pipe, when large
 * The first needs no descriptor, so a sub-shell starts even when the
 * shell has none left but the pipeline's own. */
pid_t spawn_subshell(const char *text, int lineno, struct spawn_spec *sp, int *err)
{
    char *script = state_script(text, lineno);
    size_t slen = strlen(script), tlen = strlen(script + slen + 1);
    size_t need = slen + tlen + strv_size(sh.argv) + strv_size(sp->envp) + 64;
    int p[2] = { -1, -1 }, rd = -1;
    char fdname[16] = "-";
    if (need > STATE_IN_ARGV_MAX) {
        if (pipe(p) < 0) {
            *err = errno;
            free(script);
            return -1;
        }
        /* the reading end above 9, out of the way of the descriptors the
         * command redirects, open in the child; the writing end the parent's */
        rd = fcntl(p[0], F_DUPFD, 10);
        close(p[0]);
        fcntl(p[1], F_SETFD, FD_CLOEXEC);
        if (rd < 0) {
            *err = errno;
            close(p[1]);
            free(script);
            return -1;
        }
        snprintf(fdname, sizeof fdname, "%d", rd);
    }
    struct wordlist argv = {0};
    wl_add(&argv, xstrdup(sh.self));
    wl_add(&argv, xstrdup("--subshell"));
    wl_add(&argv, xstrdup(fdname));
    if (rd < 0) {
        wl_add(&argv, xstrdup(script));
        wl_add(&argv, xstrdup(script + slen + 1));
    }
    wl_add(&argv, xstrdup(sh.arg0));
    for (int i = 0; i < sh.argc; i++)
        wl_add(&argv, xstrdup(sh.argv[i]));
    sp->path = sh.self;
    sp->argv = argv.v;
    pid_t pid = -1;
    *err = spawn_process(&pid, sp, sh.self, argv.v);
    wl_free(&argv);
    if (rd >= 0) {
        close(rd);
        if (*err == 0)
            write_all(p[1], script, slen + 1 + tlen);
        close(p[1]);
    }
    free(script);
    return *err ? -1 : pid;
}

/* ---- the child's side ------------------------------------------------------------- */

static bool restoring;
static int restored_status, restored_lineno;

/* __state WHAT ARGS: only while the state script runs. */
int bi_state(char **argv)
{
    if (!restoring || !argv[1]) {
        sh_error("__state: not found");
        return 127;
    }
    const char *what = argv[1];
    long v = argv[2] ? strtol(argv[2], NULL, 10) : 0;
    if (strcmp(what, "var") == 0 && argv[2] && argv[3])
        var_restore_exact(argv[3], argv[4], (int)v);
    else if (strcmp(what, "nolineno") == 0)
        vars_dynamic_off(true, false);
    else if (strcmp(what, "norandom") == 0)
        vars_dynamic_off(false, true);
    else if (strcmp(what, "alias") == 0 && argv[2] && argv[3])
        aliases_restore(argv[2], argv[3]);
    else if (strcmp(what, "hash") == 0 && argv[2] && argv[3])
        hash_remember(argv[2], argv[3]);
    else if (strcmp(what, "trap") == 0 && argv[2] && argv[3])
        trap_inherit((int)v, argv[3]);
    else if (strcmp(what, "pid") == 0)
        sh.pid = (pid_t)v;
    else if (strcmp(what, "ppid") == 0)
        sh.ppid = (pid_t)v;
    else if (strcmp(what, "bg") == 0)
        sh.last_bg = (pid_t)v;
    else if (strcmp(what, "loops") == 0)
        sh.loop_depth = (int)v;
    else if (strcmp(what, "funcs") == 0)
        sh.func_depth = (int)v;
    else if (strcmp(what, "sources") == 0)
        sh.source_depth = (int)v;
    else if (strcmp(what, "cond") == 0)
        sh.cond_depth = (int)v;
    else if (strcmp(what, "lineno") == 0)
        restored_lineno = (int)v;
    else if (strcmp(what, "status") == 0)
        restored_status = (int)v;
    return 0;
}

/* Is text one simple command and nothing else? Then, as in dash, a
 * program it runs takes the sub-shell's place (exec): `cmd &` and $! are
 * that program's process, as with fork. */
static bool one_simple_command(const char *text)
{
    size_t pos = 0, len = strlen(text);
    int line = 1;
    struct node *n = NULL, *more = NULL;
    bool one = parse_command(text, len, &pos, &line, &n) == PARSE_OK && n &&
               n->type == N_SIMPLE;
    while (one && pos < len) {
        if (parse_command(text, len, &pos, &line, &more) != PARSE_OK || more)
            one = false;
        node_free(more);
        more = NULL;
    }
    node_free(n);
    return one;
}

/* Recreate the parent's state - the script, or what is read from fd when
 * it is NULL - and run the command. */
int subshell_main(const char *script, const char *text, int fd)
{
    struct strbuf b = {0};
    char buf[4096];
    if (script) {
        sb_adds(&b, script);
        sb_addc(&b, 0);
        sb_adds(&b, text);
    }
    while (!script) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        sb_addn(&b, buf, (size_t)r);
    }
    if (!script)
        close(fd);
    if (!b.s || strlen(b.s) == b.len) {
        sh_error("sub-shell: no state from the parent");
        sb_free(&b);
        return 2;
    }
    sh.subshell = true;
    restoring = true;
    run_string(b.s);
    restoring = false;
    sh.control = CTL_NONE;
    sh.status = restored_status;
    const char *command = b.s + strlen(b.s) + 1;
    sh.exec_last = one_simple_command(command);
    struct source *src = source_string(command);
    int status = run_source_at(src, restored_lineno > 0 ? restored_lineno : 1);
    source_free(src);
    sb_free(&b);
    return status;
}
