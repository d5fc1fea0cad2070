/*
 * builtins.c - the commands the shell runs itself: those that change the
 * shell (cd, exit, export, set, read, ...) and so cannot be programs, and
 * true/false/: which are cheaper here. The job builtins (jobs, fg, bg,
 * wait, kill) are in jobs.c.
 *
 * A builtin is called with its expanded arguments, its redirections
 * already applied (pipeline.c); it writes with stdio, and returns its
 * exit status.
 */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

extern char **environ;

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

/* ---- directories ---------------------------------------------------------------- */

static int bi_cd(char **argv)
{
    const char *dir = argv[1];
    bool print = false;
    if (dir && argv[2]) {
        sh_error("cd: too many arguments");
        return 1;
    }
    if (!dir) {
        dir = var_get("HOME");
        if (!dir || !*dir)
            dir = "/";
    } else if (strcmp(dir, "-") == 0) {
        dir = var_get("OLDPWD");
        if (!dir) {
            sh_error("cd: OLDPWD not set");
            return 1;
        }
        print = true;
    }
    if (chdir(dir) < 0) {
        sh_error("cd: %s: %s", dir, strerror(errno));
        return 1;
    }
    char cwd[1024];
    const char *old = var_get("PWD");
    char *saved = xstrdup(old ? old : "");
    var_set("OLDPWD", saved, false);
    free(saved);
    if (getcwd(cwd, sizeof cwd))
        var_set("PWD", cwd, false);
    if (print)
        printf("%s\n", var_get("PWD"));
    return 0;
}

static int bi_pwd(char **argv)
{
    (void)argv;
    char cwd[1024];
    if (!getcwd(cwd, sizeof cwd)) {
        sh_error("pwd: %s", strerror(errno));
        return 1;
    }
    printf("%s\n", cwd);
    return 0;
}

/* ---- leaving ---------------------------------------------------------------------- */

static int bi_exit(char **argv)
{
    long n = sh.status;
    if (argv[1] && !parse_int(argv[1], &n)) {
        sh_error("exit: %s: numeric argument required", argv[1]);
        n = 2;
    }
    sh.control = CTL_EXIT;
    return (int)(n & 0xff);
}

/* break and continue: leave N enclosing loops (or the rest of the body). */
static int loop_control(char **argv, enum control what)
{
    long n = 1;
    if (argv[1] && (!parse_int(argv[1], &n) || n < 1)) {
        sh_error("%s: %s: loop count out of range", argv[0], argv[1]);
        return 1;
    }
    if (sh.loop_depth == 0) {
        sh_error("%s: only meaningful in a loop", argv[0]);
        return 0;
    }
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

static int bi_return(char **argv)
{
    long n = sh.status;
    if (sh.func_depth == 0 && sh.source_depth == 0) {
        sh_error("return: can only return from a function or sourced script");
        return 1;
    }
    if (argv[1] && !parse_int(argv[1], &n)) {
        sh_error("return: %s: numeric argument required", argv[1]);
        n = 2;
    }
    sh.control = CTL_RETURN;
    return (int)(n & 0xff);
}

/* ---- variables ---------------------------------------------------------------------- */

static bool valid_name(const char *who, const char *s, size_t n)
{
    if (is_name(s, n))
        return true;
    sh_error("%s: '%s': not a valid identifier", who, s);
    return false;
}

static int bi_export(char **argv)
{
    int status = 0;
    if (!argv[1] || strcmp(argv[1], "-p") == 0) {
        vars_print(true);
        return 0;
    }
    for (int i = 1; argv[i]; i++) {
        const char *eq = strchr(argv[i], '=');
        size_t n = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
        if (!valid_name("export", argv[i], n)) {
            status = 1;
        } else if (eq) {
            char *name = xstrndup(argv[i], n);
            var_set(name, eq + 1, true);
            free(name);
        } else {
            var_export(argv[i]);
        }
    }
    return status;
}

static int bi_unset(char **argv)
{
    int i = 1, status = 0;
    bool functions = false;
    if (argv[1] && (strcmp(argv[1], "-f") == 0 || strcmp(argv[1], "-v") == 0)) {
        functions = argv[1][1] == 'f';
        i++;
    }
    for (; argv[i]; i++) {
        if (!valid_name("unset", argv[i], strlen(argv[i])))
            status = 1;
        else if (functions)
            function_unset(argv[i]);
        else if (var_get(argv[i]))
            var_unset(argv[i]);
        else
            function_unset(argv[i]);
    }
    return status;
}

static const struct { const char *name; char letter; } long_options[] = {
    { "errexit", 'e' }, { "xtrace", 'x' }, { "noglob", 'f' },
};

/* -e, -x, -f: for set, and for sh's own arguments. */
bool set_option_letter(char c, bool on)
{
    switch (c) {
    case 'e': sh.errexit = on; return true;
    case 'x': sh.xtrace = on; return true;
    case 'f': sh.noglob = on; return true;
    default:  return false;
    }
}

/* set [-efx] [+efx] [-o option] [--] [arg...] */
static int bi_set(char **argv)
{
    int i = 1;
    if (!argv[1]) {
        vars_print(false);
        return 0;
    }
    for (; argv[i] && (argv[i][0] == '-' || argv[i][0] == '+'); i++) {
        bool on = argv[i][0] == '-';
        if (strcmp(argv[i], "--") == 0 || strcmp(argv[i], "-") == 0) {
            i++;
            break;
        }
        if (strcmp(argv[i] + 1, "o") == 0 && argv[i + 1]) {
            bool known = false;
            i++;
            for (size_t k = 0; k < sizeof long_options / sizeof long_options[0]; k++)
                if (strcmp(argv[i], long_options[k].name) == 0)
                    known = set_option_letter(long_options[k].letter, on);
            if (!known) {
                sh_error("set: %s: invalid option name", argv[i]);
                return 1;
            }
            continue;
        }
        for (const char *o = argv[i] + 1; *o; o++) {
            if (!set_option_letter(*o, on)) {
                sh_error("set: %c%c: invalid option", argv[i][0], *o);
                return 2;
            }
        }
    }
    int n = 0;
    while (argv[i + n])
        n++;
    if (n || (i > 1 && strcmp(argv[i - 1], "--") == 0))
        positional_set(argv + i, n);
    return 0;
}

static int bi_shift(char **argv)
{
    long n = 1;
    if (argv[1] && (!parse_int(argv[1], &n) || n < 0)) {
        sh_error("shift: %s: numeric argument required", argv[1]);
        return 1;
    }
    if (n > sh.argc) {
        sh_error("shift: shift count out of range");
        return 1;
    }
    positional_set(sh.argv + n, sh.argc - (int)n);
    return 0;
}

/* ---- read ------------------------------------------------------------------------- */

/* A line from standard input, byte by byte (the rest is the commands').
 * Without -r a backslash quotes the next character: *quoted marks those. */
static bool read_line(bool raw, struct strbuf *line, struct strbuf *quoted)
{
    char c;
    bool got = false;
    for (;;) {
        ssize_t n = read(0, &c, 1);
        if (n < 0 && errno == EINTR && !interrupt_seen())
            continue;
        if (n <= 0)
            return got;
        got = true;
        if (c == '\n')
            return true;
        if (c == '\\' && !raw) {
            if (read(0, &c, 1) <= 0)
                return true;
            if (c == '\n')
                continue;                       /* line continuation */
            sb_addc(line, c);
            sb_addc(quoted, 1);
            continue;
        }
        sb_addc(line, c);
        sb_addc(quoted, 0);
    }
}

static bool is_ifs(const char *ifs, const struct strbuf *q, size_t i, const char *s)
{
    return !q->s[i] && s[i] && strchr(ifs, s[i]);
}

static bool is_ifs_space(const char *ifs, const struct strbuf *q, size_t i, const char *s)
{
    return is_ifs(ifs, q, i, s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n');
}

/* Split the line among the names; the last one gets the rest. */
static void read_assign(char **names, int n, struct strbuf *line, struct strbuf *q)
{
    const char *ifs = var_get("IFS");
    if (!ifs)
        ifs = " \t\n";
    const char *s = line->s ? line->s : "";
    size_t len = line->len, i = 0;
    while (i < len && is_ifs_space(ifs, q, i, s))
        i++;
    for (int k = 0; k < n; k++) {
        size_t start = i, end;
        if (k == n - 1) {
            end = len;
            while (end > start && is_ifs_space(ifs, q, end - 1, s))
                end--;
        } else {
            while (i < len && !is_ifs(ifs, q, i, s))
                i++;
            end = i;
            while (i < len && is_ifs_space(ifs, q, i, s))
                i++;
            if (i < len && is_ifs(ifs, q, i, s))
                i++;                            /* one non-blank separator */
            while (i < len && is_ifs_space(ifs, q, i, s))
                i++;
        }
        char *v = xstrndup(s + start, end - start);
        var_set(names[k], v, false);
        free(v);
    }
}

static int bi_read(char **argv)
{
    bool raw = false;
    int i = 1;
    for (; argv[i] && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-r") == 0) {
            raw = true;
        } else if (strcmp(argv[i], "-p") == 0 && argv[i + 1]) {
            fputs(argv[++i], stderr);
            fflush(stderr);
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            sh_error("read: %s: invalid option", argv[i]);
            return 2;
        }
    }
    char *reply[] = { "REPLY", NULL };
    char **names = argv[i] ? argv + i : reply;
    int n = 0;
    for (; names[n]; n++)
        if (!valid_name("read", names[n], strlen(names[n])))
            return 2;
    struct strbuf line = {0}, quoted = {0};
    bool got = read_line(raw, &line, &quoted);
    sb_addc(&quoted, 0);
    read_assign(names, n, &line, &quoted);
    sb_free(&line);
    sb_free(&quoted);
    return got ? 0 : 1;
}

/* ---- running other text ------------------------------------------------------------ */

/* `.`: a file found like a command (a name without / in $PATH, then here). */
static char *find_sourced(const char *name)
{
    if (strchr(name, '/'))
        return xstrdup(name);
    char *path = NULL;
    enum found f = path_search(name, &path);
    if (f == FOUND_FILE || f == FOUND_NOEXEC)
        return path;
    free(path);
    return xstrdup(name);
}

static int bi_source(char **argv)
{
    if (!argv[1]) {
        sh_error("%s: filename argument required", argv[0]);
        return 2;
    }
    if (sh.func_depth + sh.source_depth >= NESTING_MAX) {
        sh_error("%s: maximum nesting level exceeded (%d)", argv[1], NESTING_MAX);
        return 1;
    }
    char *path = find_sourced(argv[1]);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        sh_error("%s: %s", argv[1], strerror(errno));
        free(path);
        return 1;
    }
    free(path);
    int high = fcntl(fd, F_DUPFD_CLOEXEC, 20);
    if (high >= 0) {
        close(fd);
        fd = high;
    }
    char **saved_argv = sh.argv;
    int saved_argc = sh.argc;
    if (argv[2]) {
        int n = 0;
        while (argv[2 + n])
            n++;
        sh.argv = NULL;
        sh.argc = 0;
        positional_set(argv + 2, n);
    }
    struct source *src = source_fd(fd, true);
    sh.source_depth++;
    int status = run_source(src);
    sh.source_depth--;
    source_free(src);
    if (sh.control == CTL_RETURN)
        sh.control = CTL_NONE;
    if (argv[2]) {
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
    if (!argv[1])
        return 0;
    char *path;
    enum found f = path_search(argv[1], &path);
    if (f != FOUND_FILE) {
        sh_error("%s: %s", argv[1], f == FOUND_NONE ? "command not found" :
                 f == FOUND_DIR ? "Is a directory" : "Permission denied");
        free(path);
        if (!sh.interactive)
            sh.control = CTL_EXIT;
        return f == FOUND_NONE ? 127 : 126;
    }
    char **env = vars_environ(NULL);
    fflush(NULL);
    if (sh.job_control)
        tcsetattr(sh.tty, TCSADRAIN, &sh.tmodes);
    execve(path, argv + 1, env);
    sh_error("%s: %s", argv[1], exec_strerror(path, errno));
    strv_free(env);
    free(path);
    if (!sh.interactive)
        sh.control = CTL_EXIT;
    return 126;
}

/* ---- the table ---------------------------------------------------------------------- */

static const struct builtin {
    const char *name;
    builtin_fn  fn;
    const char *usage;
} builtins[] = {
    { ".",        bi_source,   ". FILE [ARG...]      run the commands of FILE here" },
    { ":",        bi_true,     ":                    do nothing, successfully" },
    { "bg",       bi_bg,       "bg [%JOB]            continue a stopped job in the background" },
    { "break",    bi_break,    "break [N]            leave the (N-th) enclosing loop" },
    { "cd",       bi_cd,       "cd [DIR | -]         change directory ($HOME, or the last one)" },
    { "continue", bi_continue, "continue [N]         next round of the (N-th) enclosing loop" },
    { "eval",     bi_eval,     "eval [ARG...]        run the arguments as a command" },
    { "exec",     bi_exec,     "exec [CMD [ARG...]]  become CMD; alone: keep the redirections" },
    { "exit",     bi_exit,     "exit [N]             leave the shell with status N" },
    { "export",   bi_export,   "export [NAME[=VALUE]...]  give variables to programs" },
    { "false",    bi_false,    "false                fail" },
    { "fg",       bi_fg,       "fg [%JOB]            bring a job to the foreground" },
    { "help",     bi_help,     "help                 this list" },
    { "jobs",     bi_jobs,     "jobs [-l | -p]       list the jobs" },
    { "kill",     bi_kill,     "kill [-SIG] PID|%JOB...  send a signal (kill -l: the list)" },
    { "pwd",      bi_pwd,      "pwd                  print the current directory" },
    { "read",     bi_read,     "read [-r] [-p PROMPT] [NAME...]  read a line into variables" },
    { "return",   bi_return,   "return [N]           leave a function or a sourced file" },
    { "set",      bi_set,      "set [-efx] [-o OPT] [-- ARG...]  options; positional parameters" },
    { "shift",    bi_shift,    "shift [N]            drop the first N positional parameters" },
    { "source",   bi_source,   "source FILE [ARG...] the same as ." },
    { "trap",     bi_trap,     "trap [ACTION SIGNAL...]  run ACTION on a signal, or on EXIT" },
    { "true",     bi_true,     "true                 succeed" },
    { "unset",    bi_unset,    "unset [-f | -v] NAME...  remove variables or functions" },
    { "wait",     bi_wait,     "wait [PID | %JOB...] wait for background jobs" },
};
#define NBUILTINS (sizeof builtins / sizeof builtins[0])

builtin_fn builtin_find(const char *name)
{
    for (size_t i = 0; i < NBUILTINS; i++)
        if (strcmp(name, builtins[i].name) == 0)
            return builtins[i].fn;
    return NULL;
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
        printf("  %s\n", builtins[i].usage);
    printf("Other commands are programs in $PATH: ls /bin to see them.\n");
    return 0;
}
