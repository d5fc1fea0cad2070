/*
 * bi_proc.c - the builtins about the shell's process itself: cd and pwd
 * (with a logical $PWD, as POSIX's -L), umask (octal and symbolic modes),
 * ulimit and times.
 */
#include "sh.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* The limits ulimit knows, as dash names and scales them: a value is in
 * units of `unit` bytes (-f and -c in 512-byte blocks, as POSIX says for
 * -f). The kernel keeps them (getrlimit(2)); the shell only reads and sets
 * its own, which every command it starts inherits. */
static const struct limit {
    char letter;
    const char *name;
    int resource;
    rlim_t unit;
} limits[] = {
    { 't', "time(seconds)",         RLIMIT_CPU,     1 },
    { 'f', "file(blocks)",          RLIMIT_FSIZE,   512 },
    { 'd', "data(kbytes)",          RLIMIT_DATA,    1024 },
    { 's', "stack(kbytes)",         RLIMIT_STACK,   1024 },
    { 'c', "coredump(blocks)",      RLIMIT_CORE,    512 },
    { 'm', "memory(kbytes)",        RLIMIT_RSS,     1024 },
    { 'l', "locked memory(kbytes)", RLIMIT_MEMLOCK, 1024 },
    { 'u', "process",               RLIMIT_NPROC,   1 },
    { 'n', "nofiles",               RLIMIT_NOFILE,  1 },
    { 'v', "vmemory(kbytes)",       RLIMIT_AS,      1024 },
    { 'w', "locks",                 RLIMIT_LOCKS,   1 },
    { 'r', "rtprio",                RLIMIT_RTPRIO,  1 },
};
#define NLIMITS (sizeof limits / sizeof limits[0])

enum { SOFT = 1, HARD = 2 };

static int limit_print(const struct limit *l, int how, bool with_name)
{
    struct rlimit r;
    if (getrlimit(l->resource, &r) != 0) {
        sh_error("ulimit: %s", strerror(errno));
        return 2;
    }
    rlim_t v = how & SOFT ? r.rlim_cur : r.rlim_max;
    if (with_name)
        printf("%-20s ", l->name);
    if (v == RLIM_INFINITY)
        printf("unlimited\n");
    else
        printf("%llu\n", (unsigned long long)(v / l->unit));
    return 0;
}

/* "unlimited" or a count of units -> bytes (or the bare count); false if
 * it is neither, or too big. */
static bool limit_value(const char *s, const struct limit *l, rlim_t *out)
{
    if (strcmp(s, "unlimited") == 0) {
        *out = RLIM_INFINITY;
        return true;
    }
    if (!*s || strspn(s, "0123456789") != strlen(s))
        return false;
    rlim_t v = 0;
    for (; *s; s++) {
        if (v > (RLIM_INFINITY - 9) / 10)
            return false;
        v = v * 10 + (rlim_t)(*s - '0');
    }
    if (v > (RLIM_INFINITY - 1) / l->unit)
        return false;
    *out = v * l->unit;
    return true;
}

/* ulimit [-HS] [-a | -tfdscmlunvwr] [N | unlimited]: without -H or -S a
 * new value sets both limits, and the soft one is shown. */
int bi_ulimit(char **argv)
{
    int i = 1, how = 0;
    bool all = false;
    const struct limit *which = &limits[1];         /* -f */
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
            else if (*o == 'H')
                how |= HARD;
            else if (*o == 'S')
                how |= SOFT;
            else if (k < NLIMITS)
                which = &limits[k];
            else {
                sh_error("ulimit: Illegal option -%c", *o);
                return 2;
            }
        }
    }
    if (all || !argv[i]) {
        if (argv[i]) {
            sh_error("ulimit: too many arguments");
            return 2;
        }
        int show = how ? how : SOFT;
        int r = 0;
        for (size_t k = 0; k < NLIMITS && r == 0; k++)
            if (all || &limits[k] == which)
                r = limit_print(&limits[k], show, all);
        return fflush(stdout) ? 1 : r;
    }
    if (argv[i + 1]) {
        sh_error("ulimit: too many arguments");
        return 2;
    }
    rlim_t v;
    if (!limit_value(argv[i], which, &v)) {
        sh_error("ulimit: Illegal number: %s", argv[i]);
        return 2;
    }
    struct rlimit r;
    if (getrlimit(which->resource, &r) != 0) {
        sh_error("ulimit: %s", strerror(errno));
        return 2;
    }
    if (!how)
        how = SOFT | HARD;
    if (how & SOFT)
        r.rlim_cur = v;
    if (how & HARD)
        r.rlim_max = v;
    if (setrlimit(which->resource, &r) != 0) {
        sh_error("ulimit: error setting limit (%s)", strerror(errno));
        return 2;
    }
    return 0;
}

int bi_times(char **argv)
{
    (void)argv;
    printf("0m0.000000s 0m0.000000s\n0m0.000000s 0m0.000000s\n");
    return 0;
}
