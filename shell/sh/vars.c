/*
 * vars.c - shell variables and the environment, and the positional
 * parameters $1 ... $#.
 *
 * The shell keeps its own table of variables, each marked exported or not;
 * the environment a program receives is built from it at each spawn
 * (vars_environ), with the command's own `X=1 cmd` assignments on top.
 * Special parameters ($?, $$, $#, ...) are not variables: the expander
 * reads them from the shell's state (param.c).
 */
#include "sh.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct var {
    struct var *next;
    char *name, *value;
    bool  exported;
};

#define NBUCKETS 64
static struct var *table[NBUCKETS];

static unsigned hash(const char *s)
{
    unsigned h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h % NBUCKETS;
}

static struct var *lookup(const char *name)
{
    for (struct var *v = table[hash(name)]; v; v = v->next)
        if (strcmp(v->name, name) == 0)
            return v;
    return NULL;
}

const char *var_get(const char *name)
{
    struct var *v = lookup(name);
    return v ? v->value : NULL;
}

bool var_is_exported(const char *name)
{
    struct var *v = lookup(name);
    return v && v->exported;
}

/* Set a variable; export only ever adds the mark (`X=1` keeps an
 * exported X exported). */
void var_set(const char *name, const char *value, bool export)
{
    struct var *v = lookup(name);
    if (!v) {
        unsigned h = hash(name);
        v = xmalloc(sizeof *v);
        v->name = xstrdup(name);
        v->value = NULL;
        v->exported = false;
        v->next = table[h];
        table[h] = v;
    }
    char *copy = xstrdup(value);
    free(v->value);
    v->value = copy;
    v->exported |= export;
}

void var_unset(const char *name)
{
    for (struct var **pp = &table[hash(name)]; *pp; pp = &(*pp)->next) {
        struct var *v = *pp;
        if (strcmp(v->name, name) == 0) {
            *pp = v->next;
            free(v->name);
            free(v->value);
            free(v);
            return;
        }
    }
}

/* `export X` of an unset X marks it for when it gets a value: here it gets
 * the empty value at once, which is simpler and rarely noticed. */
void var_export(const char *name)
{
    struct var *v = lookup(name);
    if (v)
        v->exported = true;
    else
        var_set(name, "", true);
}

void vars_import(char **env)
{
    for (; env && *env; env++) {
        const char *eq = strchr(*env, '=');
        if (!eq || !is_name(*env, (size_t)(eq - *env)))
            continue;
        char *name = xstrndup(*env, (size_t)(eq - *env));
        var_set(name, eq + 1, true);
        free(name);
    }
}

/* ---- listing -------------------------------------------------------------------- */

static void collect(struct wordlist *out, bool exported_only)
{
    for (int b = 0; b < NBUCKETS; b++)
        for (struct var *v = table[b]; v; v = v->next)
            if (!exported_only || v->exported)
                wl_add(out, xstrdup(v->name));
    wl_sort(out, 0);
}

/* `set` and `export` with no arguments: NAME='value', sorted. */
void vars_print(bool exported_only)
{
    struct wordlist names = {0};
    collect(&names, exported_only);
    for (int i = 0; i < names.n; i++) {
        char *q = shell_quote(var_get(names.v[i]));
        printf("%s%s=%s\n", exported_only ? "export " : "", names.v[i], q);
        free(q);
    }
    wl_free(&names);
}

/* The environment of a program: exported variables, overridden by the
 * command's own assignments (NAME=value strings). */
char **vars_environ(struct wordlist *extra)
{
    struct wordlist env = {0};
    for (int b = 0; b < NBUCKETS; b++) {
        for (struct var *v = table[b]; v; v = v->next) {
            if (!v->exported)
                continue;
            size_t n = strlen(v->name);
            bool overridden = false;
            for (int i = 0; extra && i < extra->n; i++)
                if (strncmp(extra->v[i], v->name, n) == 0 && extra->v[i][n] == '=')
                    overridden = true;
            if (overridden)
                continue;
            char *s = xmalloc(n + strlen(v->value) + 2);
            sprintf(s, "%s=%s", v->name, v->value);
            wl_add(&env, s);
        }
    }
    for (int i = 0; extra && i < extra->n; i++)
        wl_add(&env, xstrdup(extra->v[i]));
    if (!env.v)
        wl_add(&env, NULL), env.n = 0;
    return env.v;
}

/* Unexported variables as assignments, to recreate them in a sub-shell. */
void vars_prelude(struct strbuf *out)
{
    struct wordlist names = {0};
    collect(&names, false);
    for (int i = 0; i < names.n; i++) {
        if (var_is_exported(names.v[i]))
            continue;
        char *q = shell_quote(var_get(names.v[i]));
        sb_adds(out, names.v[i]);
        sb_addc(out, '=');
        sb_adds(out, q);
        sb_addc(out, '\n');
        free(q);
    }
    wl_free(&names);
}

void vars_free_all(void)
{
    for (int b = 0; b < NBUCKETS; b++) {
        while (table[b]) {
            struct var *v = table[b];
            table[b] = v->next;
            free(v->name);
            free(v->value);
            free(v);
        }
    }
}

/* ---- temporary assignments ------------------------------------------------------ */

void var_save(const char *name, struct var_saved *sv)
{
    struct var *v = lookup(name);
    sv->name = xstrdup(name);
    sv->existed = v != NULL;
    sv->value = v ? xstrdup(v->value) : NULL;
    sv->exported = v && v->exported;
}

void var_restore(struct var_saved *sv)
{
    if (sv->existed) {
        var_unset(sv->name);
        var_set(sv->name, sv->value, sv->exported);
    } else {
        var_unset(sv->name);
    }
    free(sv->name);
    free(sv->value);
    sv->name = sv->value = NULL;
}

/* ---- positional parameters ------------------------------------------------------ */

void positional_free(char **args, int n)
{
    for (int i = 0; i < n; i++)
        free(args[i]);
    free(args);
}

void positional_set(char **args, int n)
{
    char **copy = xmalloc((size_t)(n + 1) * sizeof *copy);
    for (int i = 0; i < n; i++)
        copy[i] = xstrdup(args[i]);
    copy[n] = NULL;
    positional_free(sh.argv, sh.argc);
    sh.argv = copy;
    sh.argc = n;
}
