/*
 * bi_cmd.c - the builtins about finding commands and about the process
 * itself: command, type, hash, alias, unalias, cd, pwd, umask, ulimit,
 * times, and bash's builtin.
 *
 * Aliases are words the parser replaces when they stand where a command
 * name may (parse.c asks alias_get). Programs found in $PATH are
 * remembered by name (hash_lookup, used by spawn.c's path_search), as
 * dash does, until PATH changes or `hash -r`.
 */
#include "sh.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- aliases ---------------------------------------------------------------------- */

struct alias {
    struct alias *next;
    char *name, *value;
};
static struct alias *aliases;

static struct alias **alias_slot(const char *name)
{
    struct alias **pp = &aliases;
    while (*pp && strcmp((*pp)->name, name) != 0)
        pp = &(*pp)->next;
    return pp;
}

const char *alias_get(const char *name)
{
    struct alias *a = *alias_slot(name);
    return a ? a->value : NULL;
}

static void alias_set(const char *name, size_t n, const char *value)
{
    char *key = xstrndup(name, n);
    struct alias **pp = alias_slot(key), *a = *pp;
    if (!a) {
        a = xmalloc(sizeof *a);
        a->name = key;
        a->next = NULL;
        *pp = a;
    } else {
        free(key);
        free(a->value);
    }
    a->value = xstrdup(value);
}

static void alias_print(const struct alias *a)
{
    char *q = shell_quote(a->value);
    printf("%s=%s\n", a->name, q);
    free(q);
}

int bi_alias(char **argv)
{
    int status = 0;
    int i = argv[1] && strcmp(argv[1], "--") == 0 ? 2 : 1;
    if (!argv[i]) {
        struct wordlist names = {0};
        for (struct alias *a = aliases; a; a = a->next)
            wl_add(&names, xstrdup(a->name));
        wl_sort(&names, 0);
        for (int k = 0; k < names.n; k++)
            alias_print(*alias_slot(names.v[k]));
        wl_free(&names);
        return 0;
    }
    for (; argv[i]; i++) {
        const char *eq = strchr(argv[i], '=');
        if (eq && eq != argv[i]) {
            alias_set(argv[i], (size_t)(eq - argv[i]), eq + 1);
        } else if (*alias_slot(argv[i])) {
            alias_print(*alias_slot(argv[i]));
        } else {
            sh_error("alias: %s not found", argv[i]);
            status = 1;
        }
    }
    return status;
}

static void alias_remove(struct alias **pp)
{
    struct alias *a = *pp;
    *pp = a->next;
    free(a->name);
    free(a->value);
    free(a);
}

int bi_unalias(char **argv)
{
    int status = 0;
    if (argv[1] && strcmp(argv[1], "-a") == 0) {
        aliases_free_all();
        return 0;
    }
    for (int i = argv[1] && strcmp(argv[1], "--") == 0 ? 2 : 1; argv[i]; i++) {
        struct alias **pp = alias_slot(argv[i]);
        if (*pp) {
            alias_remove(pp);
        } else {
            sh_error("unalias: %s not found", argv[i]);
            status = 1;
        }
    }
    return status;
}

void aliases_serialize(struct strbuf *out)
{
    for (struct alias *a = aliases; a; a = a->next) {
        char *q = shell_quote(a->value);
        sb_adds(out, "__state alias ");
        char *n = shell_quote(a->name);
        sb_adds(out, n);
        sb_addc(out, ' ');
        sb_adds(out, q);
        sb_addc(out, '\n');
        free(n);
        free(q);
    }
}

void aliases_restore(const char *name, const char *value)
{
    alias_set(name, strlen(name), value);
}

void aliases_free_all(void)
{
    while (aliases)
        alias_remove(&aliases);
}

/* ---- the table of programs found ------------------------------------------------- */

struct hashed {
    struct hashed *next;
    char *name, *path;
};
static struct hashed *hashed;

const char *hash_lookup(const char *name)
{
    for (struct hashed *h = hashed; h; h = h->next)
        if (strcmp(h->name, name) == 0)
            return h->path;
    return NULL;
}

void hash_remember(const char *name, const char *path)
{
    if (strchr(name, '/') || hash_lookup(name))
        return;
    struct hashed *h = xmalloc(sizeof *h);
    h->name = xstrdup(name);
    h->path = xstrdup(path);
    h->next = hashed;
    hashed = h;
}

void hash_forget(void)
{
    while (hashed) {
        struct hashed *h = hashed;
        hashed = h->next;
        free(h->name);
        free(h->path);
        free(h);
    }
}

int bi_hash(char **argv)
{
    int status = 0;
    if (argv[1] && strcmp(argv[1], "-r") == 0) {
        hash_forget();
        return 0;
    }
    if (!argv[1]) {
        for (struct hashed *h = hashed; h; h = h->next)
            printf("%s\n", h->path);
        return 0;
    }
    for (int i = 1; argv[i]; i++) {
        char *path;
        if (builtin_find(argv[i]) || function_find(argv[i]))
            continue;
        if (path_search(argv[i], &path) == FOUND_FILE) {
            hash_remember(argv[i], path);
        } else {
            sh_error("hash: %s: not found", argv[i]);
            status = 1;
        }
        free(path);
    }
    return status;
}

/* ---- what a name is ---------------------------------------------------------------- */

static const char *const keywords[] = {
    "!", "{", "}", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if",
    "in", "then", "until", "while", NULL
};
static const char *const bash_keywords[] = { "[[", "]]", "function", "time", NULL };

bool is_keyword(const char *s)
{
    for (int k = 0; keywords[k]; k++)
        if (strcmp(s, keywords[k]) == 0)
            return true;
    for (int k = 0; bash_keywords[k] && !sh.posix; k++)
        if (strcmp(s, bash_keywords[k]) == 0)
            return true;
    return false;
}

/* type NAME, command -V NAME (verbose) and command -v NAME: 0 if found. */
static int describe(const char *name, bool verbose)
{
    const char *a = alias_get(name);
    const struct builtin *b;
    if (a) {
        char *q = shell_quote(a);
        if (verbose)
            printf("%s is an alias for %s\n", name, a);
        else
            printf("alias %s=%s\n", name, q);
        free(q);
        return 0;
    }
    if (is_keyword(name)) {
        printf(verbose ? "%s is a shell keyword\n" : "%s\n", name);
        return 0;
    }
    if ((b = builtin_lookup(name)) && (b->flags & BI_SPECIAL)) {
        printf(verbose ? "%s is a special shell builtin\n" : "%s\n", name);
        return 0;
    }
    if (function_find(name)) {
        printf(verbose ? "%s is a shell function\n" : "%s\n", name);
        return 0;
    }
    if (b) {
        printf(verbose ? "%s is a shell builtin\n" : "%s\n", name);
        return 0;
    }
    const char *h = hash_lookup(name);
    if (h && verbose) {
        printf("%s is a tracked alias for %s\n", name, h);
        return 0;
    }
    char *path = NULL;
    if (*name && path_search(name, &path) == FOUND_FILE) {
        if (verbose)
            printf("%s is %s\n", name, path);
        else
            printf("%s\n", path);
        free(path);
        return 0;
    }
    free(path);
    if (verbose)
        printf("%s: not found\n", name);
    return 127;
}

int bi_type(char **argv)
{
    int status = 0;
    for (int i = argv[1] && strcmp(argv[1], "--") == 0 ? 2 : 1; argv[i]; i++)
        if (describe(argv[i], true))
            status = 127;
    return status;
}

/* command -v / -V NAME...; running a command without its function is
 * done before it gets here (pipeline.c): this is only reached by
 * `command` alone or its lookups. */
int bi_command(char **argv)
{
    int i = 1, mode = 0;
    for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'v' || *o == 'V')
                mode = *o;
            else if (*o != 'p') {
                sh_error("command: -%c: invalid option", *o);
                return 2;
            }
        }
    }
    if (!mode || !argv[i])
        return 0;
    int status = 0;
    for (; argv[i]; i++)
        if (describe(argv[i], mode == 'V'))
            status = 127;
    return status;
}

/* builtin NAME ARG... (bash): the builtin, not a function of that name. */
int bi_builtin(char **argv)
{
    if (!argv[1])
        return 0;
    builtin_fn fn = builtin_find(argv[1]);
    if (!fn) {
        sh_error("builtin: %s: not a shell builtin", argv[1]);
        return 1;
    }
    return fn(argv + 1);
}

/* ---- directories ---------------------------------------------------------------- */

/* /a/./b/../c -> /a/c, without looking at the file system (cd -L). */
static char *canonical(const char *path)
{
    struct wordlist parts = {0};
    char *copy = xstrdup(path);
    for (char *p = strtok(copy, "/"); p; p = strtok(NULL, "/")) {
        if (strcmp(p, ".") == 0)
            continue;
        if (strcmp(p, "..") == 0) {
            if (parts.n)
                free(parts.v[--parts.n]);
            continue;
        }
        wl_add(&parts, xstrdup(p));
    }
    free(copy);
    struct strbuf b = {0};
    for (int i = 0; i < parts.n; i++) {
        sb_addc(&b, '/');
        sb_adds(&b, parts.v[i]);
    }
    if (!b.len)
        sb_addc(&b, '/');
    wl_free(&parts);
    return sb_take(&b);
}

/* Is $PWD a true name of the current directory? */
static bool pwd_valid(const char *pwd)
{
    struct stat a, b;
    if (!pwd || pwd[0] != '/')
        return false;
    if (stat(".", &b) != 0 || stat(pwd, &a) != 0)
        return true;                        /* removed: the name is all there is */
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

static char *physical_cwd(void)
{
    char cwd[1024];
    return getcwd(cwd, sizeof cwd) ? xstrdup(cwd) : NULL;
}

/* At start: PWD from the environment if it is right, else the real one. */
void pwd_init(void)
{
    if (pwd_valid(var_get("PWD")))
        return;
    char *cwd = physical_cwd();
    if (cwd)
        var_set("PWD", cwd, V_EXPORT);
    free(cwd);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Go to dir; *print: it was found through CDPATH. */
static int change_dir(const char *dir, bool physical, bool print)
{
    const char *old = var_get("PWD");
    char *oldpwd = old ? xstrdup(old) : physical_cwd();
    char *newpwd = NULL;
    if (!physical) {
        struct strbuf b = {0};
        if (dir[0] != '/') {
            sb_adds(&b, oldpwd && oldpwd[0] == '/' ? oldpwd : ".");
            sb_addc(&b, '/');
        }
        sb_adds(&b, dir);
        char *joined = sb_take(&b);
        newpwd = joined[0] == '/' ? canonical(joined) : NULL;
        free(joined);
        if (newpwd && chdir(newpwd) != 0) {
            free(newpwd);
            newpwd = NULL;
        }
        if (!newpwd && chdir(dir) != 0)
            goto fail;
    } else if (chdir(dir) != 0) {
        goto fail;
    }
    if (!newpwd)
        newpwd = physical_cwd();
    if (oldpwd)
        var_set("OLDPWD", oldpwd, V_EXPORT);
    if (newpwd)
        var_set("PWD", newpwd, 0);
    if (print && newpwd)
        printf("%s\n", newpwd);
    free(oldpwd);
    free(newpwd);
    return 0;
fail:
    sh_error("cd: can't cd to %s", dir);
    free(oldpwd);
    return 2;
}

int bi_cd(char **argv)
{
    bool physical = false;
    int i = 1;
    for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(argv[i], "-P") == 0)
            physical = true;
        else if (strcmp(argv[i], "-L") == 0)
            physical = false;
        else
            break;
    }
    const char *dir = argv[i];
    bool print = false;
    if (!dir) {
        dir = var_get("HOME");
        if (!dir || !*dir)
            return 0;
    } else if (strcmp(dir, "-") == 0) {
        dir = var_get("OLDPWD");
        if (!dir) {
            sh_error("cd: OLDPWD not set");
            return 2;
        }
        print = true;
    }
    /* CDPATH, for a relative name that does not start with . or .. */
    const char *cdpath = var_get("CDPATH");
    bool dotted = dir[0] == '.' && (dir[1] == '\0' || dir[1] == '/' ||
                                    (dir[1] == '.' && (dir[2] == '\0' || dir[2] == '/')));
    if (cdpath && dir[0] != '/' && !dotted) {
        for (const char *p = cdpath;;) {
            const char *colon = strchr(p, ':');
            size_t n = colon ? (size_t)(colon - p) : strlen(p);
            char *cand = xmalloc(n + strlen(dir) + 3);
            sprintf(cand, "%.*s%s%s", (int)n, n ? p : ".", "/", dir);
            if (is_dir(cand)) {
                int r = change_dir(cand, physical, print || n > 0);
                free(cand);
                return r;
            }
            free(cand);
            if (!colon)
                break;
            p = colon + 1;
        }
    }
    return change_dir(dir, physical, print);
}

int bi_pwd(char **argv)
{
    bool physical = false;
    for (int i = 1; argv[i] && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-P") == 0)
            physical = true;
        else if (strcmp(argv[i], "-L") == 0)
            physical = false;
        else if (strcmp(argv[i], "--") == 0)
            break;
        else {
            sh_error("pwd: %s: bad option", argv[i]);
            return 2;
        }
    }
    const char *pwd = var_get("PWD");
    if (!physical && pwd_valid(pwd)) {
        printf("%s\n", pwd);
        return 0;
    }
    char *cwd = physical_cwd();
    if (!cwd) {
        sh_error("pwd: %s", strerror(errno));
        return 1;
    }
    printf("%s\n", cwd);
    free(cwd);
    return 0;
}

/* ---- umask -------------------------------------------------------------------------- */

/* u=rwx,g-w,o+r ...: applied to the permissions new files get (the
 * complement of the mask); false if it does not parse. */
static bool symbolic_mode(const char *s, mode_t *perm)
{
    mode_t p = *perm, p0 = *perm;
    for (;;) {
        mode_t who = 0;
        for (; *s && strchr("ugoa", *s); s++)
            who |= *s == 'u' ? 0700 : *s == 'g' ? 0070 : *s == 'o' ? 0007 : 0777;
        if (!who)
            who = 0777;
        if (!*s || !strchr("=+-", *s))
            return false;
        while (*s && strchr("=+-", *s)) {
            char op = *s++;
            mode_t bits = 0;
            for (; *s && strchr("rwxXstugo", *s); s++) {
                switch (*s) {
                case 'r': bits |= 0444; break;
                case 'w': bits |= 0222; break;
                case 'x': case 'X': bits |= 0111; break;
                case 'u': bits |= ((p0 >> 6) & 7) * 0111; break;
                case 'g': bits |= ((p0 >> 3) & 7) * 0111; break;
                case 'o': bits |= (p0 & 7) * 0111; break;
                default: break;
                }
            }
            bits &= who;
            if (op == '=')
                p = (p & ~who) | bits;
            else if (op == '+')
                p |= bits;
            else
                p &= ~bits;
        }
        if (!*s)
            break;
        if (*s != ',' || !*++s)
            return false;
    }
    *perm = p;
    return true;
}

int bi_umask(char **argv)
{
    bool symbolic = argv[1] && strcmp(argv[1], "-S") == 0;
    const char *arg = argv[symbolic ? 2 : 1];
    mode_t mask = umask(0);
    umask(mask);
    if (!arg) {
        if (!symbolic) {
            printf("%04o\n", (unsigned)mask);
            return 0;
        }
        mode_t p = ~mask & 0777;
        const char *who = "ugo";
        for (int k = 0; k < 3; k++) {
            mode_t bits = (p >> (6 - 3 * k)) & 7;
            printf("%s%c=%s%s%s", k ? "," : "", who[k], bits & 4 ? "r" : "",
                   bits & 2 ? "w" : "", bits & 1 ? "x" : "");
        }
        printf("\n");
        return 0;
    }
    if (arg[0] == '-') {
        sh_error("umask: Illegal option %s", arg);
        return 2;
    }
    if (arg[0] >= '0' && arg[0] <= '9') {
        char *end;
        unsigned long v = strtoul(arg, &end, 8) & 0777;
        if (*end) {
            sh_error("umask: Illegal number: %s", arg);
            return 2;
        }
        umask((mode_t)v);
        return 0;
    }
    mode_t p = ~mask & 0777;
    if (!symbolic_mode(arg, &p)) {
        sh_error("umask: Illegal mode: %s", arg);
        return 2;
    }
    umask(~p & 0777);
    return 0;
}

/* ---- ulimit, times ------------------------------------------------------------------ */

/* Duplex has no resource limits to enforce: ulimit keeps the values it
 * is given, and reports them, so that scripts that set limits run. */
static const struct limit {
    char letter;
    const char *name;
} limits[] = {
    { 't', "time(seconds)" }, { 'f', "file(blocks)" }, { 'd', "data(kbytes)" },
    { 's', "stack(kbytes)" }, { 'c', "coredump(blocks)" }, { 'n', "nofiles" },
};
#define NLIMITS (sizeof limits / sizeof limits[0])
static char *limit_value[NLIMITS];

static void limit_print(size_t k, bool with_name)
{
    if (with_name)
        printf("%-21s", limits[k].name);
    printf("%s\n", limit_value[k] ? limit_value[k] : "unlimited");
}

int bi_ulimit(char **argv)
{
    int i = 1;
    bool all = false;
    size_t which = 1;                       /* -f */
    for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *o = argv[i] + 1; *o; o++) {
            size_t k = 0;
            while (k < NLIMITS && limits[k].letter != *o)
                k++;
            if (*o == 'a')
                all = true;
            else if (k < NLIMITS)
                which = k;
            else if (*o != 'H' && *o != 'S') {
                sh_error("ulimit: Illegal option -%c", *o);
                return 2;
            }
        }
    }
    if (all) {
        if (argv[i]) {
            sh_error("ulimit: too many arguments");
            return 2;
        }
        for (size_t k = 0; k < NLIMITS; k++)
            limit_print(k, true);
        return fflush(stdout) ? 1 : 0;
    }
    if (!argv[i]) {
        limit_print(which, false);
        return fflush(stdout) ? 1 : 0;
    }
    if (argv[i + 1]) {
        sh_error("ulimit: too many arguments");
        return 2;
    }
    if (strcmp(argv[i], "unlimited") != 0 &&
        (!argv[i][0] || strspn(argv[i], "0123456789") != strlen(argv[i]))) {
        sh_error("ulimit: Illegal number: %s", argv[i]);
        return 2;
    }
    free(limit_value[which]);
    limit_value[which] = strcmp(argv[i], "unlimited") == 0 ? NULL : xstrdup(argv[i]);
    return 0;
}

int bi_times(char **argv)
{
    (void)argv;
    printf("0m0.000000s 0m0.000000s\n0m0.000000s 0m0.000000s\n");
    return 0;
}
