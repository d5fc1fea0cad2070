/*
 * find - walk directory trees and act on the files an expression selects.
 *
 *   find [-H | -L | -P] [PATH...] [EXPRESSION]
 *
 * POSIX find: the primaries -name -path -type -size -mtime -atime -ctime
 * -newer -perm -user -group -nouser -nogroup -links -prune -print -exec
 * ... {} ; and {} +, -ok, -depth, -xdev, the operators ( ) ! -a -o (and
 * juxtaposition for -a). GNU's: -iname -ipath -wholename -mmin -amin
 * -cmin -uid -gid -inum -samefile -newerXY -empty -maxdepth -mindepth
 * -print0 -delete -quit -true -false -not -and -or, -type with several
 * letters (-type f,d), and
 * -printf with %p %f %h %s %m %M %u %g %d %k and escapes. Without an
 * action, -print is implied. No PATH is ".". Names are visited in sorted
 * order (so that the output is the same on every system). A symbolic
 * link is a file of its own (-P, the default: -type l, -lname, -ilname);
 * -H follows the links named as PATH, -L (or -follow) every link, where
 * a link that leads nowhere stays a link and one back to a directory
 * being walked is an error (a loop), not walked again.
 *
 * Exit status: 0, or 1 if a file could not be read or a command failed
 * to start (-exec ... {} + also reports a command's failure).
 */
#define _GNU_SOURCE            /* glibc: FNM_CASEFOLD */
#include <errno.h>
#include <err.h>
#include <fnmatch.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "util/util.h"

extern char **environ;

enum { E_AND, E_OR, E_NOT, E_NAME, E_INAME, E_LNAME, E_PATH, E_IPATH, E_TYPE, E_SIZE, E_TIME,
       E_NEWER, E_PERM, E_UID, E_GID, E_NOUSER, E_NOGROUP, E_LINKS, E_INUM, E_SAMEFILE, E_EMPTY,
       E_PRUNE, E_PRINT, E_PRINT0, E_PRINTF, E_EXEC, E_DELETE, E_QUIT, E_TRUE, E_FALSE };

struct expr {
    int kind;
    struct expr *a, *b;
    const char *str;
    char cmp;                  /* '+', '-' or '=' for numbers */
    long long n;
    int unit;                  /* -size's unit in bytes; -*time: 'm','a','c'; minutes */
    int minutes;
    dev_t dev;                 /* -samefile: the file's device (n its inode) */
    char **argv;               /* -exec: the command; {} where it was */
    int argc, plus, ok;
    char **batch;              /* -exec ... {} +: the names gathered */
    int nbatch, batch_cap;
};

static char **args;
static int nargs, ai;
static int status, maxdepth = -1, mindepth = 0, depth_first, quitting, has_action, xdev;
static time_t now;
static char deref = 'P';       /* which links to follow: P none, H the paths, L all */
static struct expr *root;      /* the expression (kept for the end) */

/* A file's time (a access, c status change, m modification) in nanoseconds. */
static long long time_ns(const struct stat *st, int which)
{
    const struct timespec *t = which == 'a' ? &st->st_atim : which == 'c' ? &st->st_ctim
                                                                          : &st->st_mtim;
    return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

static struct expr *node(int kind)
{
    struct expr *e = xcalloc(1, sizeof *e);
    e->kind = kind;
    return e;
}

static const char *need_arg(const char *primary)
{
    if (ai >= nargs)
        errx(1, "missing argument to `%s'", primary);
    return args[ai++];
}

/* "+N", "-N" or "N". */
static void number(struct expr *e, const char *s, const char *primary)
{
    e->cmp = *s == '+' || *s == '-' ? *s++ : '=';
    char *end;
    e->n = strtoll(s, &end, 10);
    if (end == s)
        errx(1, "invalid argument `%s' to `%s'", s, primary);
    e->unit = 512;
    if (*end) {
        const char *units = "cwbkMG";
        static const long long size[] = { 1, 2, 512, 1024, 1 << 20, 1 << 30 };
        const char *u = strchr(units, *end);
        if (!u || end[1])
            errx(1, "invalid argument `%s' to `%s'", s, primary);
        e->unit = (int)size[u - units];
    }
}

static struct expr *parse_or(void);

static struct expr *parse_primary(void)
{
    if (ai >= nargs)
        errx(1, "expected an expression");
    const char *p = args[ai++];
    struct expr *e;
    if (strcmp(p, "(") == 0) {
        e = parse_or();
        if (ai >= nargs || strcmp(args[ai], ")") != 0)
            errx(1, "invalid expression; I was expecting to find a ')' somewhere");
        ai++;
        return e;
    }
    if (strcmp(p, "!") == 0 || strcmp(p, "-not") == 0) {
        e = node(E_NOT);
        e->a = parse_primary();
        return e;
    }
    if (!strcmp(p, "-name") || !strcmp(p, "-iname") || !strcmp(p, "-path") ||
        !strcmp(p, "-ipath") || !strcmp(p, "-wholename") || !strcmp(p, "-iwholename")) {
        e = node(p[1] == 'n' ? E_NAME : p[2] == 'n' ? E_INAME : p[1] == 'i' ? E_IPATH : E_PATH);
        e->str = need_arg(p);
        return e;
    }
    if (!strcmp(p, "-lname") || !strcmp(p, "-ilname")) {
        e = node(E_LNAME);
        e->ok = p[1] == 'i';   /* ignore case */
        e->str = need_arg(p);
        return e;
    }
    if (!strcmp(p, "-type")) {
        e = node(E_TYPE);
        e->str = need_arg(p);
        for (const char *t = e->str; *t; t++)
            if (!strchr("bcdpfls,", *t))
                errx(1, "Unknown argument to -type: %c", *t);
        return e;
    }
    if (!strcmp(p, "-size")) {
        e = node(E_SIZE);
        number(e, need_arg(p), p);
        return e;
    }
    if (!strcmp(p, "-mtime") || !strcmp(p, "-atime") || !strcmp(p, "-ctime") ||
        !strcmp(p, "-mmin") || !strcmp(p, "-amin") || !strcmp(p, "-cmin")) {
        e = node(E_TIME);
        e->unit = p[1];
        e->minutes = p[2] == 'm' && p[3] == 'i';
        number(e, need_arg(p), p);
        return e;
    }
    if (!strcmp(p, "-newer") || (!strncmp(p, "-newer", 6) && strlen(p) == 8 &&
                                 strchr("acm", p[6]) && strchr("acmt", p[7]))) {
        /* -newerXY: the file's time X after REF's time Y, or after the
           time REF itself (Y t; only the @SECONDS[.FRACTION] form) */
        e = node(E_NEWER);
        e->unit = p[6] ? p[6] : 'm';
        const char *ref = need_arg(p);
        if (p[6] && p[7] == 't') {
            char *end;
            double t = ref[0] == '@' ? strtod(ref + 1, &end) : 0;
            if (ref[0] != '@' || end == ref + 1 || *end)
                errx(1, "I cannot figure out how to interpret '%s' as a date or time", ref);
            e->n = (long long)(t * 1e9);
            return e;
        }
        struct stat st;
        if (stat(ref, &st) != 0)
            err(1, "%s", ref);
        e->n = time_ns(&st, p[6] ? p[7] : 'm');
        return e;
    }
    if (!strcmp(p, "-samefile")) {
        e = node(E_SAMEFILE);
        struct stat st;
        const char *ref = need_arg(p);
        if (stat(ref, &st) != 0)
            err(1, "%s", ref);
        e->n = (long long)st.st_ino;
        e->dev = st.st_dev;
        return e;
    }
    if (!strcmp(p, "-perm")) {
        e = node(E_PERM);
        const char *m = need_arg(p);
        e->cmp = *m == '-' || *m == '/' ? *m++ : '=';
        char *end;
        e->n = strtol(m, &end, 8);
        if (*end || end == m)
            errx(1, "invalid mode `%s'", m);
        return e;
    }
    if (!strcmp(p, "-user") || !strcmp(p, "-uid") || !strcmp(p, "-group") || !strcmp(p, "-gid")) {
        e = node(p[1] == 'u' ? E_UID : E_GID);
        const char *v = need_arg(p);
        char *end;
        e->n = strtol(v, &end, 10);
        if (*end) {
            if (strcmp(v, "root") != 0)
                errx(1, "%s `%s' is not the name of a known %s", p[1] == 'u' ? "user" : "group",
                     v, p[1] == 'u' ? "user" : "group");
            e->n = 0;
        }
        e->cmp = '=';
        return e;
    }
    if (!strcmp(p, "-links") || !strcmp(p, "-inum")) {
        e = node(p[1] == 'l' ? E_LINKS : E_INUM);
        number(e, need_arg(p), p);
        return e;
    }
    if (!strcmp(p, "-maxdepth") || !strcmp(p, "-mindepth")) {
        const char *v = need_arg(p);
        char *end;
        long n = strtol(v, &end, 10);
        if (*end || n < 0)
            errx(1, "Expected a positive decimal integer argument to %s, but got `%s'", p, v);
        if (p[2] == 'a')
            maxdepth = (int)n;
        else
            mindepth = (int)n;
        return node(E_TRUE);
    }
    if (!strcmp(p, "-depth")) { depth_first = 1; return node(E_TRUE); }
    if (!strcmp(p, "-xdev") || !strcmp(p, "-mount")) { xdev = 1; return node(E_TRUE); }
    if (!strcmp(p, "-follow")) { deref = 'L'; return node(E_TRUE); }
    if (!strcmp(p, "-noleaf")) return node(E_TRUE);
    if (!strcmp(p, "-nouser")) return node(E_NOUSER);
    if (!strcmp(p, "-nogroup")) return node(E_NOGROUP);
    if (!strcmp(p, "-empty")) return node(E_EMPTY);
    if (!strcmp(p, "-prune")) return node(E_PRUNE);
    if (!strcmp(p, "-true")) return node(E_TRUE);
    if (!strcmp(p, "-false")) return node(E_FALSE);
    if (!strcmp(p, "-quit")) return node(E_QUIT);
    if (!strcmp(p, "-print") || !strcmp(p, "-print0")) {
        has_action = 1;
        return node(p[6] ? E_PRINT0 : E_PRINT);
    }
    if (!strcmp(p, "-printf")) {
        has_action = 1;
        e = node(E_PRINTF);
        e->str = need_arg(p);
        return e;
    }
    if (!strcmp(p, "-delete")) {
        has_action = 1;
        depth_first = 1;
        return node(E_DELETE);
    }
    if (!strcmp(p, "-exec") || !strcmp(p, "-ok") || !strcmp(p, "-execdir") ||
        !strcmp(p, "-okdir")) {
        has_action = 1;
        e = node(E_EXEC);
        e->ok = p[1] == 'o';
        e->argv = args + ai;
        while (ai < nargs && strcmp(args[ai], ";") != 0 &&
               !(strcmp(args[ai], "+") == 0 && ai > 0 && strcmp(args[ai - 1], "{}") == 0))
            ai++;
        if (ai >= nargs)
            errx(1, "missing argument to `%s'", p);
        e->argc = (int)(args + ai - e->argv);
        e->plus = strcmp(args[ai], "+") == 0;
        if (e->argc == 0)
            errx(1, "missing argument to `%s'", p);
        ai++;
        return e;
    }
    errx(1, p[0] == '-' ? "unknown predicate `%s'" : "paths must precede expression: `%s'", p);
}

static int starts_primary(void)
{
    return ai < nargs && strcmp(args[ai], ")") != 0 && strcmp(args[ai], "-o") != 0 &&
           strcmp(args[ai], "-or") != 0 && strcmp(args[ai], ",") != 0;
}

static struct expr *parse_and(void)
{
    struct expr *e = parse_primary();
    while (starts_primary()) {
        if (strcmp(args[ai], "-a") == 0 || strcmp(args[ai], "-and") == 0)
            ai++;
        struct expr *a = node(E_AND);
        a->a = e;
        a->b = parse_primary();
        e = a;
    }
    return e;
}

static struct expr *parse_or(void)
{
    struct expr *e = parse_and();
    while (ai < nargs && (strcmp(args[ai], "-o") == 0 || strcmp(args[ai], "-or") == 0 ||
                          strcmp(args[ai], ",") == 0)) {
        ai++;
        struct expr *o = node(E_OR);
        o->a = e;
        o->b = parse_and();
        e = o;
    }
    return e;
}

/* ---- running commands ------------------------------------------------------ */

static int run(char **argv)
{
    pid_t pid;
    fflush(stdout);
    int r = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
    if (r != 0) {
        errno = r;
        warn("%s", argv[0]);
        status = 1;
        return 0;
    }
    int st;
    if (waitpid(pid, &st, 0) < 0)
        return 0;
    return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* The command with each "{}" (in any argument) replaced by path. */
static char **command(struct expr *e, const char *path)
{
    char **v = xmalloc((size_t)(e->argc + 1) * sizeof *v);
    for (int i = 0; i < e->argc; i++) {
        const char *a = e->argv[i], *brace = strstr(a, "{}");
        if (!brace) {
            v[i] = xstrdup(a);
            continue;
        }
        size_t n = strlen(a) + strlen(path) * 4;
        char *s = xmalloc(n + 1), *o = s;
        for (; *a; a++) {
            if (a[0] == '{' && a[1] == '}') {
                strcpy(o, path);
                o += strlen(path);
                a++;
            } else {
                *o++ = *a;
            }
        }
        *o = '\0';
        v[i] = s;
    }
    v[e->argc] = NULL;
    return v;
}

static void free_argv(char **v)
{
    for (char **p = v; *p; p++)
        free(*p);
    free(v);
}

static void flush_batch(struct expr *e)
{
    if (e->nbatch == 0)
        return;
    int fixed = e->argc - 1;   /* the arguments before "{}" */
    char **v = xmalloc((size_t)(fixed + e->nbatch + 1) * sizeof *v);
    for (int i = 0; i < fixed; i++)
        v[i] = e->argv[i];
    for (int i = 0; i < e->nbatch; i++)
        v[fixed + i] = e->batch[i];
    v[fixed + e->nbatch] = NULL;
    if (!run(v))
        status = 1;
    for (int i = 0; i < e->nbatch; i++)
        free(e->batch[i]);
    free(v);
    e->nbatch = 0;
}

static void flush_all(struct expr *e)
{
    if (!e)
        return;
    if (e->kind == E_EXEC && e->plus)
        flush_batch(e);
    flush_all(e->a);
    flush_all(e->b);
}

/* ---- evaluating ---------------------------------------------------------------- */

static int compare(const struct expr *e, long long v)
{
    return e->cmp == '+' ? v > e->n : e->cmp == '-' ? v < e->n : v == e->n;
}

static char type_letter(mode_t m)
{
    return S_ISDIR(m) ? 'd' : S_ISREG(m) ? 'f' : S_ISFIFO(m) ? 'p' : S_ISCHR(m) ? 'c' :
           S_ISBLK(m) ? 'b' : S_ISLNK(m) ? 'l' : S_ISSOCK(m) ? 's' : '?';
}

static const char *cur_start;  /* the starting point being walked (%P) */

/* -printf: directives %[flags][width][.precision]X and \ escapes. */
static void print_format(const char *fmt, const char *path, const struct stat *st, int depth)
{
    for (const char *p = fmt; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            if (*p >= '0' && *p <= '7') {
                int v = 0;
                for (int i = 0; i < 3 && *p >= '0' && *p <= '7'; i++)
                    v = v * 8 + (*p++ - '0');
                p--;
                putchar(v);
                continue;
            }
            if (*p == 'c')
                return;        /* \c: no more output from this format */
            const char *from = "abfnrtv\\", *to = "\a\b\f\n\r\t\v\\";
            const char *e = strchr(from, *p);
            putchar(e ? to[e - from] : *p);
            continue;
        }
        if (*p != '%' || !p[1]) {
            putchar(*p);
            continue;
        }
        char spec[32] = "%";
        size_t k = 1;
        p++;
        while (*p && strchr("-+ #0123456789.", *p) && k < 20)
            spec[k++] = *p++;
        spec[k++] = 's';
        spec[k] = '\0';
        const char *slash = strrchr(path, '/');
        char buf[64], mode[11];
        const char *v = buf;
        buf[0] = '\0';
        switch (*p) {
        case '%': v = "%"; break;
        case 'p': v = path; break;
        case 'P': {
            size_t n = strlen(cur_start);
            v = strncmp(path, cur_start, n) == 0 ? path + n + (path[n] == '/') : path;
            break;
        }
        case 'f': v = slash && slash[1] ? slash + 1 : path; break;
        case 'h':
            if (!slash)
                v = ".";
            else
                snprintf(buf, sizeof buf, "%.*s", slash == path ? 1 : (int)(slash - path), path);
            break;
        case 's': snprintf(buf, sizeof buf, "%lld", (long long)st->st_size); break;
        case 'k': snprintf(buf, sizeof buf, "%lld", ((long long)st->st_size + 1023) / 1024); break;
        case 'm': snprintf(buf, sizeof buf, "%o", (unsigned)(st->st_mode & 07777)); break;
        case 'M': mode_string(st->st_mode, mode); v = mode; break;
        case 'u': case 'g': {
            unsigned id = *p == 'u' ? (unsigned)st->st_uid : (unsigned)st->st_gid;
            if (id == 0)
                v = "root";
            else
                snprintf(buf, sizeof buf, "%u", id);
            break;
        }
        case 'U': snprintf(buf, sizeof buf, "%u", (unsigned)st->st_uid); break;
        case 'G': snprintf(buf, sizeof buf, "%u", (unsigned)st->st_gid); break;
        case 'd': snprintf(buf, sizeof buf, "%d", depth); break;
        case 'y': buf[0] = type_letter(st->st_mode); buf[1] = '\0'; break;
        case 'n': snprintf(buf, sizeof buf, "%lu", (unsigned long)st->st_nlink); break;
        case 'i': snprintf(buf, sizeof buf, "%lu", (unsigned long)st->st_ino); break;
        case 'T': case 'A': case 'C':
            if (p[1] == '@') {
                p++;
                snprintf(buf, sizeof buf, "%lld", (long long)st->st_mtim.tv_sec);
            }
            break;
        case '\0': p--; v = "%"; break;
        default: snprintf(buf, sizeof buf, "%%%c", *p); break;
        }
        printf(spec, v);
    }
}

static int is_empty(const char *path, const struct stat *st)
{
    if (S_ISREG(st->st_mode))
        return st->st_size == 0;
    if (!S_ISDIR(st->st_mode))
        return 0;
    char **names = dir_names(path, NULL);
    int empty = names && !names[0];
    free_names(names);
    return empty;
}

static int eval(struct expr *e, const char *path, const struct stat *st, int depth, int *prune)
{
    const char *base = strrchr(path, '/');
    base = base && base[1] ? base + 1 : path;
    switch (e->kind) {
    case E_AND: return eval(e->a, path, st, depth, prune) && eval(e->b, path, st, depth, prune);
    case E_OR: return eval(e->a, path, st, depth, prune) || eval(e->b, path, st, depth, prune);
    case E_NOT: return !eval(e->a, path, st, depth, prune);
    case E_NAME: case E_INAME: {
        /* the base name, trailing slashes of a starting point left out */
        char *b = path_base(path);
        int r = fnmatch(e->str, b, e->kind == E_INAME ? FNM_CASEFOLD : 0) == 0;
        free(b);
        return r;
    }
    case E_LNAME: {
        char target[4096];
        ssize_t n = S_ISLNK(st->st_mode) ? readlink(path, target, sizeof target - 1) : -1;
        if (n < 0)
            return 0;
        target[n] = '\0';
        return fnmatch(e->str, target, e->ok ? FNM_CASEFOLD : 0) == 0;
    }
    case E_PATH: case E_IPATH:
        return fnmatch(e->str, path, e->kind == E_IPATH ? FNM_CASEFOLD : 0) == 0;
    case E_TYPE: return strchr(e->str, type_letter(st->st_mode)) != NULL;
    case E_SIZE: {
        long long units = (st->st_size + e->unit - 1) / e->unit;
        return compare(e, e->unit == 1 ? st->st_size : units);
    }
    case E_TIME: {
        time_t t = e->unit == 'a' ? st->st_atim.tv_sec : e->unit == 'c' ? st->st_ctim.tv_sec
                                                                          : st->st_mtim.tv_sec;
        long long age = (long long)(now - t);
        if (e->minutes)
            return compare(e, (age + 59) / 60);
        return compare(e, age / 86400);
    }
    case E_NEWER:
        return time_ns(st, e->unit) > e->n;
    case E_SAMEFILE:
        return (long long)st->st_ino == e->n && st->st_dev == e->dev;
    case E_PERM: {
        long long m = st->st_mode & 07777;
        if (e->cmp == '-')
            return (m & e->n) == e->n;
        if (e->cmp == '/')
            return e->n == 0 || (m & e->n) != 0;
        return m == e->n;
    }
    case E_UID: return (long long)st->st_uid == e->n;
    case E_GID: return (long long)st->st_gid == e->n;
    case E_NOUSER: case E_NOGROUP: return 0;      /* every id is a known one */
    case E_LINKS: return compare(e, (long long)st->st_nlink);
    case E_INUM: return compare(e, (long long)st->st_ino);
    case E_EMPTY: return is_empty(path, st);
    case E_PRUNE: *prune = 1; return 1;
    case E_TRUE: return 1;
    case E_FALSE: return 0;
    case E_QUIT: quitting = 1; return 1;
    case E_PRINT: puts(path); return 1;
    case E_PRINT0: fputs(path, stdout); putchar('\0'); return 1;
    case E_PRINTF: print_format(e->str, path, st, depth); return 1;
    case E_DELETE:
        if ((S_ISDIR(st->st_mode) ? rmdir(path) : unlink(path)) != 0) {
            fflush(stdout);
            warn("cannot delete `%s'", path);
            status = 1;
            return 0;
        }
        return 1;
    case E_EXEC: {
        if (e->plus) {
            if (e->nbatch == e->batch_cap)
                e->batch = xrealloc(e->batch, (size_t)(e->batch_cap = e->batch_cap * 2 + 16) *
                                                  sizeof *e->batch);
            e->batch[e->nbatch++] = xstrdup(path);
            if (e->nbatch >= 512)
                flush_batch(e);
            return 1;
        }
        char **v = command(e, path);
        int r;
        if (e->ok) {
            fflush(stdout);
            fprintf(stderr, "< %s ... %s > ? ", v[0], path);
            r = ask("%s", "") && run(v);
        } else {
            r = run(v);
        }
        free_argv(v);
        return r;
    }
    }
    return 0;
}

/* ---- walking ------------------------------------------------------------------- */

static dev_t root_dev;

/* The directories being walked, to see a link that leads back to one. */
struct ancestor {
    dev_t dev;
    ino_t ino;
    const char *path;
    const struct ancestor *up;
};

/* The file at path as the options say to see it: a link followed, or the
   link itself when it leads nowhere. */
static int look(const char *path, int depth, struct stat *st)
{
    if (deref == 'L' || (deref == 'H' && depth == 0)) {
        if (stat(path, st) == 0)
            return 0;
        if (errno != ENOENT || lstat(path, st) != 0)
            return -1;
        return 0;
    }
    return lstat(path, st);
}

static const struct ancestor *walking(const struct ancestor *a, const struct stat *st)
{
    for (; a; a = a->up)
        if (a->dev == st->st_dev && a->ino == st->st_ino)
            return a;
    return NULL;
}

static void visit(const char *path, int depth, struct expr *e, const struct ancestor *up)
{
    struct stat st;
    if (look(path, depth, &st) != 0) {
        fflush(stdout);
        warn("'%s'", path);
        status = 1;
        return;
    }
    if (depth == 0)
        root_dev = st.st_dev;
    const struct ancestor *loop = S_ISDIR(st.st_mode) ? walking(up, &st) : NULL;
    if (loop) {
        fflush(stdout);
        warnx("File system loop detected; '%s' is part of the same file system loop as '%s'.",
              path, loop->path);
        status = 1;
        return;
    }
    int prune = 0, dir = S_ISDIR(st.st_mode);
    struct ancestor self = { st.st_dev, st.st_ino, path, up };
    int in_range = depth >= mindepth && (maxdepth < 0 || depth <= maxdepth);
    if (!depth_first && in_range)
        eval(e, path, &st, depth, &prune);
    if (quitting)
        return;
    if (dir && !prune && (maxdepth < 0 || depth < maxdepth) && !(xdev && st.st_dev != root_dev)) {
        char **names = dir_names(path, NULL);
        if (!names) {
            fflush(stdout);
            warn("'%s'", path);
            status = 1;
        }
        for (char **n = names; names && *n && !quitting; n++) {
            char *sub = path_join(path, *n);
            visit(sub, depth + 1, e, &self);
            free(sub);
        }
        free_names(names);
    }
    if (depth_first && in_range && !quitting)
        eval(e, path, &st, depth, &prune);
}

int main(int argc, char **argv)
{
    args = argv;
    nargs = argc;
    ai = 1;
    while (ai < argc && (!strcmp(argv[ai], "-H") || !strcmp(argv[ai], "-L") ||
                         !strcmp(argv[ai], "-P")))
        deref = argv[ai++][1];
    int first_path = ai;
    while (ai < argc && !(argv[ai][0] == '-' && argv[ai][1]) && strcmp(argv[ai], "(") != 0 &&
           strcmp(argv[ai], "!") != 0)
        ai++;
    int npaths = ai - first_path;
    struct expr *e = ai < argc ? parse_or() : node(E_TRUE);
    if (ai < argc)
        errx(1, "paths must precede expression: `%s'", argv[ai]);
    if (!has_action) {
        struct expr *a = node(E_AND), *p = node(E_PRINT);
        a->a = e;
        a->b = p;
        e = a;
    }
    now = time(NULL);
    root = e;
    if (npaths == 0) {
        cur_start = ".";
        visit(".", 0, e, NULL);
    }
    for (int i = 0; i < npaths && !quitting; i++) {
        cur_start = argv[first_path + i];
        visit(cur_start, 0, e, NULL);
    }
    flush_all(e);
    if (fflush(stdout) != 0)
        err(1, "write error");
    return status;
}
