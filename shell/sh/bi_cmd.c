/*
 * bi_cmd.c - the builtins about finding commands: command, type, hash,
 * alias, unalias, and bash's builtin. (Those about the process itself -
 * cd, pwd, umask, ulimit, times - are in bi_proc.c.)
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

/* For a sub-shell (state.c): oldest first, so that it lists them alike. */
static void hashed_serialize(struct strbuf *out, const struct hashed *h)
{
    if (!h)
        return;
    hashed_serialize(out, h->next);
    char *n = shell_quote(h->name), *p = shell_quote(h->path);
    sb_adds(out, "__state hash ");
    sb_adds(out, n);
    sb_addc(out, ' ');
    sb_adds(out, p);
    sb_addc(out, '\n');
    free(n);
    free(p);
}

void hash_serialize(struct strbuf *out)
{
    hashed_serialize(out, hashed);
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

/* type NAME, command -V NAME (verbose) and command -v NAME: 0 if found;
 * a program in dirs if not NULL (command -p), else in $PATH. */
static int describe(const char *name, bool verbose, const char *dirs)
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
    const char *h = dirs ? NULL : hash_lookup(name);
    if (h && verbose) {
        printf("%s is a tracked alias for %s\n", name, h);
        return 0;
    }
    char *path = NULL;
    if (*name && path_search_in(name, dirs, &path) == FOUND_FILE) {
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
        if (describe(argv[i], true, NULL))
            status = 127;
    return status;
}

/* command -v / -V NAME...; running a command without its function is
 * done before it gets here (pipeline.c): this is only reached by
 * `command` alone or its lookups. */
int bi_command(char **argv)
{
    int i = 1, mode = 0;
    const char *dirs = NULL;
    for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'v' || *o == 'V')
                mode = *o;
            else if (*o == 'p')
                dirs = DEFAULT_PATH;
            else {
                sh_error("command: -%c: invalid option", *o);
                return 2;
            }
        }
    }
    if (!mode || !argv[i])
        return 0;
    int status = 0;
    for (; argv[i]; i++)
        if (describe(argv[i], mode == 'V', dirs))
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
