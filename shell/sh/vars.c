/*
 * vars.c - shell variables and the environment, and the positional
 * parameters $1 ... $#.
 *
 * The shell keeps its own table of variables. A variable has a value (or
 * none: `export X` and `local X` can name a variable that is unset) and
 * attributes: exported, read-only. The environment a program receives is
 * built from the table at each spawn (vars_environ), with the command's
 * own `X=1 cmd` assignments on top.
 *
 * Scopes are dynamic, as in every sh: `local x` inside a function saves x
 * as it is in the current frame, and when the function returns the frame
 * puts every saved variable back, newest first. `X=1 f` with a function f
 * is a local of f's frame too, exported while f runs. So there is one
 * table, and a stack of frames of saved variables.
 *
 * Special parameters ($?, $$, $#, ...) are not variables: the expander
 * reads them from the shell's state (param.c). LINENO and RANDOM are
 * variables whose value the shell computes when asked, until they are
 * assigned or unset. So are bash's BASHPID, UID and EUID (outside posix
 * mode), and SECONDS: the seconds since the shell started, or since it
 * was assigned plus the number assigned (even read-only, as in bash).
 */
#include "sh.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct var {
    struct var *next;
    char *name, *value;     /* value NULL: declared but unset */
    int   flags;            /* V_EXPORT, V_READONLY */
};

#define NBUCKETS 128
static struct var *table[NBUCKETS];

/* A variable as it was before a `local` or a temporary assignment. */
struct saved {
    struct saved *next;
    char *name, *value;
    int   flags;
    bool  existed;
};
struct frame {
    struct frame *up;
    struct saved *saved;
};
static struct frame *frames;

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

static struct var *create(const char *name)
{
    struct var *v = lookup(name);
    if (v)
        return v;
    unsigned h = hash(name);
    v = xmalloc(sizeof *v);
    v->name = xstrdup(name);
    v->value = NULL;
    v->flags = 0;
    v->next = table[h];
    table[h] = v;
    return v;
}

static void destroy(const char *name)
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

/* ---- the dynamic ones ---------------------------------------------------------- */

static bool lineno_live = true, random_live = true, seconds_live = true;
static unsigned long random_state;
static time_t seconds_base;     /* when SECONDS was 0 */

static const char *bash_value(const char *name, char *buf, size_t n)
{
    if (sh.posix)
        return NULL;
    if (seconds_live && strcmp(name, "SECONDS") == 0) {
        if (!seconds_base)
            seconds_base = time(NULL);
        snprintf(buf, n, "%lld", (long long)(time(NULL) - seconds_base));
    } else if (strcmp(name, "BASHPID") == 0) {
        snprintf(buf, n, "%d", (int)getpid());
    } else if (strcmp(name, "UID") == 0) {
        snprintf(buf, n, "%d", (int)getuid());
    } else if (strcmp(name, "EUID") == 0) {
        snprintf(buf, n, "%d", (int)geteuid());
    } else {
        return NULL;
    }
    return buf;
}

/* SECONDS=N counts on from N; a value that is not a number counts from 0. */
static void seconds_assigned(const char *name, const char *value)
{
    if (!seconds_live || strcmp(name, "SECONDS") != 0)
        return;
    long n;
    if (!parse_int(value, &n))
        n = 0;
    seconds_base = time(NULL) - n;
}

static const char *dynamic_value(const char *name)
{
    static char buf[24];
    if (bash_value(name, buf, sizeof buf))
        return buf;
    if (lineno_live && strcmp(name, "LINENO") == 0) {
        snprintf(buf, sizeof buf, "%d", sh.lineno);
        return buf;
    }
    if (random_live && !sh.posix && strcmp(name, "RANDOM") == 0) {
        if (!random_state)
            random_state = (unsigned long)sh.pid * 2654435761u + 1;
        random_state = random_state * 1103515245u + 12345u;
        snprintf(buf, sizeof buf, "%lu", (random_state >> 16) & 0x7fff);
        return buf;
    }
    return NULL;
}

static void dynamic_ends(const char *name)
{
    if (strcmp(name, "PATH") == 0)
        hash_forget();                      /* programs are looked for anew */
    if (strcmp(name, "LINENO") == 0)
        lineno_live = false;
    else if (strcmp(name, "RANDOM") == 0)
        random_live = false;
}

void vars_start_clock(void)
{
    seconds_base = time(NULL);
}

/* ---- reading ---------------------------------------------------------------------- */

const char *var_get(const char *name)
{
    static char buf[24];
    if (seconds_live && name[0] == 'S' && bash_value(name, buf, sizeof buf))
        return buf;                     /* even when assigned */
    struct var *v = lookup(name);
    if (v)
        return v->value;
    return dynamic_value(name);
}

int var_flags(const char *name)
{
    struct var *v = lookup(name);
    return v ? v->flags : 0;
}

bool var_is_exported(const char *name)
{
    return var_flags(name) & V_EXPORT;
}

/* ---- writing ------------------------------------------------------------------------ */

static bool readonly_error(const char *name)
{
    /* in dash's words, or bash's */
    sh_error(sh.bash ? "%s: readonly variable" : "%s: is read only", name);
    return false;
}

/* Set a variable, adding the attributes in flags; export only ever adds
 * the mark (`X=1` keeps an exported X exported), and so does set -a. A
 * read-only variable is not changed: false, after the message. */
bool var_set(const char *name, const char *value, int flags)
{
    struct var *v = lookup(name);
    if (v && (v->flags & V_READONLY))
        return readonly_error(name);
    if (!v)
        v = create(name);
    char *copy = xstrdup(value);
    free(v->value);
    v->value = copy;
    v->flags |= flags | (sh.allexport ? V_EXPORT : 0);
    seconds_assigned(name, value);
    dynamic_ends(name);
    return true;
}

/* Only the attributes: `export X`, `readonly X` of a variable with or
 * without a value. */
void var_add_flags(const char *name, int flags)
{
    create(name)->flags |= flags;
}

void var_clear_flags(const char *name, int flags)
{
    struct var *v = lookup(name);
    if (v)
        v->flags &= ~flags;
}

bool var_unset(const char *name)
{
    struct var *v = lookup(name);
    if (v && (v->flags & V_READONLY)) {
        sh_error("%s: is read only", name);
        return false;
    }
    if (strcmp(name, "SECONDS") == 0)
        seconds_live = false;
    dynamic_ends(name);
    /* a local keeps its place in the frame, so the function's return
     * still puts the outer variable back */
    destroy(name);
    return true;
}

void vars_import(char **env)
{
    for (; env && *env; env++) {
        const char *eq = strchr(*env, '=');
        if (!eq || !is_name(*env, (size_t)(eq - *env)))
            continue;
        char *name = xstrndup(*env, (size_t)(eq - *env));
        var_set(name, eq + 1, V_EXPORT);
        free(name);
    }
}

/* ---- frames: local and temporary variables --------------------------------------- */

void vars_push_frame(void)
{
    struct frame *f = xmalloc(sizeof *f);
    f->up = frames;
    f->saved = NULL;
    frames = f;
}

static void save_in(struct frame *f, const char *name)
{
    struct var *v = lookup(name);
    struct saved *s = xmalloc(sizeof *s);
    s->name = xstrdup(name);
    s->existed = v != NULL;
    s->value = v && v->value ? xstrdup(v->value) : NULL;
    s->flags = v ? v->flags : 0;
    s->next = f->saved;
    f->saved = s;
}

void vars_pop_frame(void)
{
    struct frame *f = frames;
    if (!f)
        return;
    frames = f->up;
    while (f->saved) {
        struct saved *s = f->saved;
        f->saved = s->next;
        destroy(s->name);
        if (s->existed) {
            struct var *v = create(s->name);
            v->value = s->value;
            v->flags = s->flags;
            s->value = NULL;
            if (v->value)
                seconds_assigned(s->name, v->value);
        }
        free(s->name);
        free(s->value);
        free(s);
    }
    free(f);
}

bool vars_in_function(void)
{
    return frames != NULL;
}

/* `local NAME`: saved in the current frame. Its value stays, as in dash
 * (`local x` keeps the outer x's value until assigned). */
void var_make_local(const char *name)
{
    if (frames)
        save_in(frames, name);
}

/* ---- listing -------------------------------------------------------------------------- */

static void collect(struct wordlist *out, int flags)
{
    for (int b = 0; b < NBUCKETS; b++)
        for (struct var *v = table[b]; v; v = v->next)
            if ((v->flags & flags) == flags && (flags || v->value))
                wl_add(out, xstrdup(v->name));
    wl_sort(out, 0);
}

/* bash's ${!prefix*}: the names of the variables set that begin so, sorted. */
void vars_named(const char *prefix, struct wordlist *out)
{
    struct wordlist all = {0};
    collect(&all, 0);
    for (int i = 0; i < all.n; i++)
        if (strncmp(all.v[i], prefix, strlen(prefix)) == 0)
            wl_add(out, xstrdup(all.v[i]));
    wl_free(&all);
}

/* `set`: NAME='value'; `export -p`, `readonly -p`: with the word in
 * front, and a variable without a value as its name alone. */
void vars_print(int flags, const char *prefix)
{
    struct wordlist names = {0};
    collect(&names, flags);
    for (int i = 0; i < names.n; i++) {
        const char *value = var_get(names.v[i]);
        if (value) {
            char *q = shell_quote_line(value);
            printf("%s%s=%s\n", prefix, names.v[i], q);
            free(q);
        } else {
            printf("%s%s\n", prefix, names.v[i]);
        }
    }
    wl_free(&names);
}

/* The environment of a program: exported variables with a value,
 * overridden by the command's own assignments (NAME=value strings). */
char **vars_environ(struct wordlist *extra)
{
    struct wordlist env = {0};
    for (int b = 0; b < NBUCKETS; b++) {
        for (struct var *v = table[b]; v; v = v->next) {
            if (!(v->flags & V_EXPORT) || !v->value)
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

/* Every variable, for a sub-shell to recreate (state.c): assignments
 * through the hidden builtin that takes attributes. */
void vars_serialize(struct strbuf *out)
{
    for (int b = 0; b < NBUCKETS; b++) {
        for (struct var *v = table[b]; v; v = v->next) {
            char fl[8];
            snprintf(fl, sizeof fl, "%d", v->flags);
            sb_adds(out, "__state var ");
            sb_adds(out, fl);
            sb_addc(out, ' ');
            sb_adds(out, v->name);
            if (v->value) {
                char *q = shell_quote(v->value);
                sb_addc(out, ' ');
                sb_adds(out, q);
                free(q);
            }
            sb_addc(out, '\n');
        }
    }
    if (!lineno_live)
        sb_adds(out, "__state nolineno\n");
    if (!random_live)
        sb_adds(out, "__state norandom\n");
}

/* The hidden builtin's part: a variable exactly as the parent had it. */
void var_restore_exact(const char *name, const char *value, int flags)
{
    struct var *v = create(name);
    free(v->value);
    v->value = value ? xstrdup(value) : NULL;
    v->flags = flags;
    if (value)
        seconds_assigned(name, value);
    dynamic_ends(name);
}

void vars_dynamic_off(bool lineno, bool random)
{
    if (lineno)
        lineno_live = false;
    if (random)
        random_live = false;
}

void vars_free_all(void)
{
    while (frames)
        vars_pop_frame();
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
