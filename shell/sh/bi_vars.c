/*
 * bi_vars.c - the builtins about variables and parameters: export,
 * readonly, unset, local, shift, getopts, read, and bash's let.
 *
 * export, readonly and unset are special builtins: a bad name or a
 * read-only variable ends a script (sh_fatal), as in dash.
 */
#include "sh.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool bad_name(const char *who, const char *s, bool fatal)
{
    if (fatal)
        sh_fatal(2, "%s: %s: bad variable name", who, s);
    else
        sh_error("%s: %s: bad variable name", who, s);
    return false;
}

/* NAME or NAME=VALUE, for export, readonly and local. */
static bool assign_arg(const char *who, const char *arg, int flags, bool local)
{
    const char *eq = strchr(arg, '=');
    size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
    if (!is_name(arg, n))
        return bad_name(who, arg, true);
    char *name = xstrndup(arg, n);
    bool ok = true;
    if (local)
        var_make_local(name);
    if (eq)
        ok = var_set(name, eq + 1, flags);
    else if (flags)
        var_add_flags(name, flags);
    if (!ok)
        sh_fatal(2, "%s: %s: is read only", who, name);
    free(name);
    return ok;
}

static int attribute_builtin(char **argv, int flag, const char *prefix)
{
    int i = 1;
    bool print = false;
    for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(argv[i], "-p") != 0) {
            sh_fatal(2, "%s: %s: bad option", argv[0], argv[i]);
            return 2;
        }
        print = true;
    }
    if (!argv[i]) {
        (void)print;
        vars_print(flag, prefix);
        return 0;
    }
    for (; argv[i]; i++)
        if (!assign_arg(argv[0], argv[i], flag, false))
            return 2;
    return 0;
}

int bi_export(char **argv)
{
    return attribute_builtin(argv, V_EXPORT, "export ");
}

int bi_readonly(char **argv)
{
    return attribute_builtin(argv, V_READONLY, "readonly ");
}

int bi_local(char **argv)
{
    if (!vars_in_function()) {
        sh_fatal(2, "local: not in a function");
        return 2;
    }
    int i = 1;
    while (argv[i] && argv[i][0] == '-' && argv[i][1] && !sh.posix)
        i++;                                /* bash's -a, -i ...: no arrays here */
    for (; argv[i]; i++)
        if (!assign_arg("local", argv[i], 0, true))
            return 2;
    return 0;
}

int bi_unset(char **argv)
{
    int i = 1;
    bool functions = false, variables = false;
    for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'f')
                functions = true;
            else if (*o == 'v')
                variables = true;
            else {
                sh_fatal(2, "unset: -%c: bad option", *o);
                return 2;
            }
        }
    }
    for (; argv[i]; i++) {
        if (functions && !variables) {
            function_unset(argv[i]);
            continue;
        }
        if (!is_name(argv[i], strlen(argv[i]))) {
            bad_name("unset", argv[i], true);
            return 2;
        }
        if (!var_unset(argv[i])) {
            sh_fatal(2, "unset: %s: is read only", argv[i]);
            return 2;
        }
    }
    return 0;
}

int bi_shift(char **argv)
{
    long n = 1;
    if (argv[1] && !builtin_number("shift", argv[1], &n, 0))
        return 2;
    if (n > sh.argc)
        return special_error("shift: can't shift that many");
    positional_set(sh.argv + n, sh.argc - (int)n);
    return 0;
}

/* ---- getopts ------------------------------------------------------------------------ */

/* Where getopts is inside a group of letters (-abc): the offset in the
 * argument before OPTIND, as long as OPTIND is what getopts left. */
static int opt_offset;
static long opt_index_left;

void getopts_reset(void)
{
    opt_offset = 0;
}

/* OPTIND, then the option into NAME: as in dash, a bad NAME is found
 * only then, once OPTIND and OPTARG are set. */
static int set_result(const char *name, char c, long ind, int status)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%ld", ind);
    var_set("OPTIND", buf, 0);
    opt_index_left = ind;
    if (!is_name(name, strlen(name))) {
        sh_error("getopts: %s: bad variable name", name);
        return 2;
    }
    char cs[2] = { c, 0 };
    var_set(name, cs, 0);
    return status;
}

int bi_getopts(char **argv)
{
    if (!argv[1] || !argv[2]) {
        sh_error("getopts: usage: getopts optstring name [arg...]");
        return 2;
    }
    const char *spec = argv[1], *name = argv[2];
    char **args = argv[3] ? argv + 3 : sh.argv;
    long nargs = 0;
    while (args[nargs])
        nargs++;
    bool silent = spec[0] == ':';
    const char *ov = var_get("OPTIND");
    long ind = 1;
    if (!ov || !parse_int(ov, &ind) || ind < 1)
        ind = 1;
    if (ind != opt_index_left)
        opt_offset = 0;                     /* OPTIND was changed: start there */
    const char *arg;
    if (opt_offset == 0) {
        if (ind > nargs || !(arg = args[ind - 1]) || arg[0] != '-' || !arg[1])
            return set_result(name, '?', ind, 1);
        if (strcmp(arg, "--") == 0)
            return set_result(name, '?', ind + 1, 1);
        opt_offset = 1;
        ind++;
    }
    arg = args[ind - 2];
    char c = arg[opt_offset++];
    char cs[2] = { c, 0 };
    const char *at = c != ':' ? strchr(spec + silent, c) : NULL;
    if (!at) {
        if (silent) {
            var_set("OPTARG", cs, 0);
        } else {
            fprintf(stderr, "Illegal option -%c\n", c);
            var_unset("OPTARG");
        }
        c = '?';
    } else if (at[1] == ':') {
        if (arg[opt_offset]) {
            var_set("OPTARG", arg + opt_offset, 0);
        } else if (ind <= nargs) {
            var_set("OPTARG", args[ind - 1], 0);
            ind++;
        } else if (silent) {
            var_set("OPTARG", cs, 0);
            c = ':';
        } else {
            fprintf(stderr, "No arg for -%c option\n", c);
            var_unset("OPTARG");
            c = '?';
        }
        opt_offset = 0;
    } else {
        var_set("OPTARG", "", 0);
    }
    if (opt_offset && !arg[opt_offset])
        opt_offset = 0;
    return set_result(name, c, ind, 0);
}

/* ---- read ------------------------------------------------------------------------- */

/* A line from standard input, byte by byte (the rest is the commands').
 * Without -r a backslash quotes the next character: *quoted marks those.
 * false: the input ended before the end of a line. */
static bool read_line(bool raw, int delim, struct strbuf *line, struct strbuf *quoted)
{
    char c;
    for (;;) {
        ssize_t n = read(0, &c, 1);
        if (n < 0 && errno == EINTR && !interrupt_seen())
            continue;
        if (n <= 0)
            return false;
        if (c == delim)
            return true;
        if (c == '\0')
            continue;                           /* as dash: NUL bytes are dropped */
        if (c == '\\' && !raw) {
            if (read(0, &c, 1) <= 0)
                return false;
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
static bool read_assign(char **names, int n, struct strbuf *line, struct strbuf *q)
{
    const char *ifs = var_get("IFS");
    if (!ifs)
        ifs = " \t\n";
    const char *s = line->s ? line->s : "";
    size_t len = line->len, i = 0;
    bool ok = true;
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
        if (!var_set(names[k], v, 0))
            ok = false;
        free(v);
    }
    return ok;
}

int bi_read(char **argv)
{
    bool raw = false;
    int i = 1, delim = '\n';
    for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'r') {
                raw = true;
            } else if ((*o == 'p' || *o == 'd') && (o[1] || argv[i + 1])) {
                const char *v = o[1] ? o + 1 : argv[++i];
                if (*o == 'p') {
                    fputs(v, stderr);
                    fflush(stderr);
                } else {
                    delim = (unsigned char)v[0];
                }
                break;
            } else {
                sh_error("read: -%c: invalid option", *o);
                return 2;
            }
        }
    }
    char *reply[] = { "REPLY", NULL };
    char **names = argv[i] ? argv + i : reply;
    int n = 0;
    for (; names[n]; n++) {
        if (!is_name(names[n], strlen(names[n]))) {
            sh_error("read: %s: bad variable name", names[n]);
            return 2;
        }
    }
    struct strbuf line = {0}, quoted = {0};
    bool whole = read_line(raw, delim, &line, &quoted);
    sb_addc(&quoted, 0);
    bool ok = read_assign(names, n, &line, &quoted);
    sb_free(&line);
    sb_free(&quoted);
    return !ok ? 2 : whole ? 0 : 1;
}

/* let EXPR...: each as $((EXPR)); 0 if the last is not zero. */
int bi_let(char **argv)
{
    long long v = 0;
    if (!argv[1]) {
        sh_error("let: expression expected");
        return 2;
    }
    for (int i = 1; argv[i]; i++)
        if (!arith_eval(argv[i], &v))
            return 2;
    return v == 0;
}
