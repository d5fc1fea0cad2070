/*
 * builtins.c - the table of the commands the shell runs itself, and the
 * builtins that change how the shell runs: true/false/:, exit, return,
 * break, continue, eval, exec and `.`.
 *
 * The others live with what they concern: variables (bi_vars.c), commands
 * and the process (bi_cmd.c), echo and printf (bi_echo.c), test and [[
 * (bi_test.c), options (options.c), jobs (jobs.c), traps (trap.c), the
 * history (edit.c).
 *
 * A builtin is called with its expanded arguments, its redirections
 * already applied (pipeline.c); it writes with stdio, and returns its
 * exit status. The special builtins of POSIX (XCU 2.14) are marked: they
 * are found before functions, their assignments stay, and their errors end
 * a script (sh_fatal).
 */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int bi_help(char **argv);

/* ---- true, false, : ------------------------------------------------------------- */

static int bi_true(char **argv)
{
    (void)argv;
    return 0;
}

static int bi_false(char **argv)
{
    (void)argv;
    return 1;
}

/* ---- leaving ---------------------------------------------------------------------- */

/* A count for exit, return, break, continue, shift: a decimal number that
 * fits in an int; otherwise "Illegal number", an error that ends a script. */
bool builtin_number(const char *who, const char *s, long *n, long min)
{
    if (parse_int(s, n) && *n >= min && *n <= 0x7fffffff && s[0] != '+')
        return true;
    sh_fatal(2, "%s: Illegal number: %s", who, s);
    return false;
}

static int bi_exit(char **argv)
{
    long n = sh.status;
    if (argv[1] && !builtin_number("exit", argv[1], &n, 0))
        return 2;
    sh.control = CTL_EXIT;
    sh.exit_status = (int)(n & 0xff);
    return sh.exit_status;
}

/* break and continue: leave N enclosing loops (or the rest of the body).
 * Outside a loop they do nothing. */
static int loop_control(char **argv, enum control what)
{
    long n = 1;
    if (argv[1] && !builtin_number(argv[0], argv[1], &n, 1))
        return 2;
    if (sh.loop_depth == 0)
        return 0;
    sh.control = what;
    sh.control_count = n > sh.loop_depth ? sh.loop_depth : (int)n;
    return 0;
}

static int bi_break(char **argv)
{
    return loop_control(argv, CTL_BREAK);
}

static int bi_continue(char **argv)
{
    return loop_control(argv, CTL_CONTINUE);
}

/* return [N]: leave a function or a `.` file; at the top of a script it
 * ends the script, as in dash. The status is kept whole (dash's $? can
 * be 257 after `return 257`). */
static int bi_return(char **argv)
{
    long n = sh.status;
    if (argv[1] && !builtin_number("return", argv[1], &n, 0)) {
        if (!argv[1][0] || argv[1][0] == '-')
            return 2;
        return 2;
    }
    if (sh.func_depth == 0 && sh.source_depth == 0) {
        sh.control = CTL_EXIT;
        sh.exit_status = (int)(n & 0xff);
        return (int)n;
    }
    sh.control = CTL_RETURN;
    return (int)n;
}

/* ---- running other text ------------------------------------------------------------ */

/* `.`: a name without '/' is looked for in $PATH, as dash does. */
/* The file `. name` reads: name if it has a slash, else the first in
 * $PATH. bash's source (or bash's `.`) then tries the current directory,
 * outside posix mode. */
static char *find_sourced(const char *name, bool as_source)
{
    if (strchr(name, '/'))
        return xstrdup(name);
    char *path = NULL;
    enum found f = path_search(name, &path);
    if (f == FOUND_FILE || f == FOUND_NOEXEC)
        return path;
    free(path);
    if ((as_source || sh.bash) && !sh.posix && access(name, F_OK) == 0)
        return xstrdup(name);
    return NULL;
}

static int bi_source(char **argv)
{
    int a = argv[1] && strcmp(argv[1], "--") == 0 ? 2 : 1;
    if (!argv[a])
        return special_error("%s: filename argument required", argv[0]);
    if (sh.func_depth + sh.source_depth >= NESTING_MAX) {
        sh_error("%s: maximum nesting level exceeded (%d)", argv[a], NESTING_MAX);
        return 1;
    }
    char *path = find_sourced(argv[a], strcmp(argv[0], "source") == 0);
    int fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
    if (fd < 0) {
        int status = special_error("%s: %s: %s", argv[0], argv[a],
                                   path ? strerror(errno) : "not found");
        free(path);
        return status;
    }
    free(path);
    int high = fcntl(fd, F_DUPFD_CLOEXEC, 20);
    if (high >= 0) {
        close(fd);
        fd = high;
    }
    char **saved_argv = sh.argv;
    int saved_argc = sh.argc;
    bool args = argv[a + 1] != NULL;
    if (args) {
        int n = 0;
        while (argv[a + 1 + n])
            n++;
        sh.argv = NULL;
        sh.argc = 0;
        positional_set(argv + a + 1, n);
    }
    struct source *src = source_fd(fd, true);
    sh.source_depth++;
    int saved_line = sh.lineno;
    sh.status = 0;
    int status = run_source(src);
    sh.lineno = saved_line;
    sh.source_depth--;
    source_free(src);
    if (sh.control == CTL_RETURN)
        sh.control = CTL_NONE;
    if (args) {
        positional_free(sh.argv, sh.argc);
        sh.argv = saved_argv;
        sh.argc = saved_argc;
    }
    return status;
}

static int bi_eval(char **argv)
{
    struct strbuf text = {0};
    for (int i = 1; argv[i]; i++) {
        if (i > 1)
            sb_addc(&text, ' ');
        sb_adds(&text, argv[i]);
    }
    if (!text.len) {
        sb_free(&text);
        return 0;
    }
    int status = run_string(text.s);
    sb_free(&text);
    return status;
}

/* exec CMD: become CMD. (exec with only redirections: pipeline.c.) */
static int bi_exec(char **argv)
{
    int a = argv[1] && strcmp(argv[1], "--") == 0 ? 2 : 1;
    if (!argv[a])
        return 0;
    char *path;
    enum found f = path_search(argv[a], &path);
    if (f != FOUND_FILE) {
        int status = f == FOUND_NONE ? 127 : 126;
        sh_fatal(status, "exec: %s: %s", argv[a], f == FOUND_NONE ? "not found" :
                 f == FOUND_DIR ? "Is a directory" : "Permission denied");
        free(path);
        return status;
    }
    char **env = vars_environ(NULL);
    fflush(NULL);
    if (sh.job_control)
        tcsetattr(sh.tty, TCSADRAIN, &sh.tmodes);
    execve(path, argv + a, env);
    int err = errno;
    if (err == ENOEXEC && !strcmp(exec_strerror(path, err), strerror(ENOEXEC))) {
        /* a script: its interpreter or this shell runs it, in this process */
        struct wordlist args = {0};
        script_command(path, argv + a + 1, &args);
        execve(args.v[0], args.v, env);
        err = errno;
        wl_free(&args);
    }
    strv_free(env);
    sh_fatal(126, "exec: %s: %s", argv[a], exec_strerror(path, err));
    free(path);
    return 126;
}

/* ---- the table ---------------------------------------------------------------------- */

static const struct builtin builtins[] = {
    { ".",        bi_source,   BI_SPECIAL, ". FILE [ARG...]      run the commands of FILE here" },
    { ":",        bi_true,     BI_SPECIAL, ":                    do nothing, successfully" },
    { "__state",  bi_state,    BI_BASH,    NULL },
    { "[",        bi_test,     0,          "[ EXPR ]             the same as test" },
    { "alias",    bi_alias,    0,          "alias [NAME[=TEXT]...]  words that stand for others" },
    { "bg",       bi_bg,       0,          "bg [%JOB]            continue a stopped job in the background" },
    { "break",    bi_break,    BI_SPECIAL, "break [N]            leave the (N-th) enclosing loop" },
    { "builtin",  bi_builtin,  BI_BASH,    "builtin NAME [ARG...]  run the builtin NAME" },
    { "cd",       bi_cd,       0,          "cd [-L|-P] [DIR | -]  change directory ($HOME, or the last one)" },
    { "chdir",    bi_cd,       0,          "chdir DIR            the same as cd" },
    { "command",  bi_command,  0,          "command [-pvV] NAME [ARG...]  run NAME, not a function; -v: what it is" },
    { "continue", bi_continue, BI_SPECIAL, "continue [N]         next round of the (N-th) enclosing loop" },
    { "echo",     bi_echo,     0,          "echo [-n] [ARG...]   write the arguments (\\n and other escapes)" },
    { "eval",     bi_eval,     BI_SPECIAL, "eval [ARG...]        run the arguments as a command" },
    { "exec",     bi_exec,     BI_SPECIAL, "exec [CMD [ARG...]]  become CMD; alone: keep the redirections" },
    { "exit",     bi_exit,     BI_SPECIAL, "exit [N]             leave the shell with status N" },
    { "export",   bi_export,   BI_SPECIAL, "export [-p] [NAME[=VALUE]...]  give variables to programs" },
    { "false",    bi_false,    0,          "false                fail" },
    { "fg",       bi_fg,       0,          "fg [%JOB]            bring a job to the foreground" },
    { "getopts",  bi_getopts,  0,          "getopts SPEC NAME [ARG...]  the next option of the arguments" },
    { "hash",     bi_hash,     0,          "hash [-r] [NAME...]  remember where programs are" },
    { "help",     bi_help,     0,          "help                 this list" },
    { "history",  bi_history,  BI_BASH,    "history [-c] [N]     the lines typed before" },
    { "jobs",     bi_jobs,     0,          "jobs [-l | -p]       list the jobs" },
    { "kill",     bi_kill,     0,          "kill [-SIG] PID|%JOB...  send a signal (kill -l: the list)" },
    { "let",      bi_let,      BI_BASH,    "let EXPR...          arithmetic, as $((EXPR))" },
    { "local",    bi_local,    BI_SPECIAL,          "local NAME[=VALUE]...  variables of the function running" },
    { "printf",   bi_printf,   0,          "printf FORMAT [ARG...]  formatted output" },
    { "pwd",      bi_pwd,      0,          "pwd [-L|-P]          print the current directory" },
    { "read",     bi_read,     0,          "read [-r] [-p PROMPT] [NAME...]  read a line into variables" },
    { "readonly", bi_readonly, BI_SPECIAL, "readonly [-p] [NAME[=VALUE]...]  variables that cannot change" },
    { "return",   bi_return,   BI_SPECIAL, "return [N]           leave a function or a sourced file" },
    { "set",      bi_set,      BI_SPECIAL, "set [-abCefnuvx] [-o OPT] [-- ARG...]  options; positional parameters" },
    { "shift",    bi_shift,    BI_SPECIAL, "shift [N]            drop the first N positional parameters" },
    { "source",   bi_source,   BI_SPECIAL | BI_BASH, "source FILE [ARG...] the same as ." },
    { "test",     bi_test,     0,          "test EXPR            check files, strings, numbers" },
    { "times",    bi_times,    BI_SPECIAL, "times                the time used by the shell and its children" },
    { "trap",     bi_trap,     BI_SPECIAL, "trap [ACTION SIGNAL...]  run ACTION on a signal, or on EXIT" },
    { "true",     bi_true,     0,          "true                 succeed" },
    { "type",     bi_type,     0,          "type NAME...         what NAME is: alias, keyword, builtin, file" },
    { "ulimit",   bi_ulimit,   0,          "ulimit [-HS] [-a | -tfdscmlunvwr] [N]  limits of resources" },
    { "umask",    bi_umask,    0,          "umask [-S] [MODE]    the mode bits new files do not get" },
    { "unalias",  bi_unalias,  0,          "unalias [-a] NAME... forget aliases" },
    { "unset",    bi_unset,    BI_SPECIAL, "unset [-f | -v] NAME...  remove variables or functions" },
    { "wait",     bi_wait,     0,          "wait [PID | %JOB...] wait for background jobs" },
};
#define NBUILTINS (sizeof builtins / sizeof builtins[0])

const struct builtin *builtin_lookup(const char *name)
{
    for (size_t i = 0; i < NBUILTINS; i++)
        if (strcmp(name, builtins[i].name) == 0)
            return (builtins[i].flags & BI_BASH) && sh.posix && builtins[i].usage ? NULL
                   : &builtins[i];
    return NULL;
}

builtin_fn builtin_find(const char *name)
{
    const struct builtin *b = builtin_lookup(name);
    return b ? b->fn : NULL;
}

const char *builtin_name(int i)
{
    return i >= 0 && (size_t)i < NBUILTINS ? builtins[i].name : NULL;
}

static int bi_help(char **argv)
{
    (void)argv;
    printf("Duplex sh. Commands: pipelines (a | b), lists (a; b, a && b, a || b, a &),\n"
           "redirections (< > >> 2> 2>&1 <<EOF), if, while, until, for, case, { },\n"
           "( ), functions NAME() { ... }, $VAR ${VAR:-x} $(cmd) $((1+2)), * ? [..].\n"
           "Builtins:\n");
    for (size_t i = 0; i < NBUILTINS; i++)
        if ((!(builtins[i].flags & BI_BASH) || !sh.posix) && builtins[i].usage)
            printf("  %s\n", builtins[i].usage);
    printf("Other commands are programs in $PATH: ls /bin to see them.\n");
    return 0;
}
