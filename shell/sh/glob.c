/*
 * glob.c - patterns: * ? [...] matching (for `case`, ${x#pat} and file
 * names) and pathname expansion (`ls *.c` becomes the sorted list of the
 * names that match, as sh does; a pattern matching nothing stays as is).
 *
 * Patterns arrive with their quoted characters escaped by a backslash
 * (expand.c), so `"*".c` matches only a file named *.c.
 */
#include "sh.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- matching --------------------------------------------------------------- */

static int is_blank(int c)
{
    return c == ' ' || c == '\t';
}

/* The classes of POSIX (XBD 7.3.1), in the C locale. */
static bool class_match(const char *name, size_t n, unsigned char c)
{
    static const struct { const char *name; int (*fn)(int); } classes[] = {
        { "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum },
        { "upper", isupper }, { "lower", islower }, { "space", isspace },
        { "punct", ispunct }, { "xdigit", isxdigit }, { "print", isprint },
        { "graph", isgraph }, { "cntrl", iscntrl }, { "blank", is_blank },
    };
    for (size_t k = 0; k < sizeof classes / sizeof classes[0]; k++)
        if (strlen(classes[k].name) == n && strncmp(name, classes[k].name, n) == 0)
            return classes[k].fn(c) != 0;
    return false;
}

/* A bracket expression at p ('['): does it hold c? *end gets the position
 * after its ']'; NULL if there is no ']' (the '[' is then literal). */
static bool bracket_match(const char *p, unsigned char c, const char **end)
{
    const char *q = p + 1;
    bool negate = *q == '!' || *q == '^', hit = false;
    if (negate)
        q++;
    for (bool first = true; *q && (first || *q != ']'); first = false) {
        if (q[0] == '[' && q[1] == ':') {
            const char *close = strstr(q + 2, ":]");
            if (close && close[-1] == '\\')
                close = NULL;                   /* [:punct\:] is no class */
            if (close) {
                hit |= class_match(q + 2, (size_t)(close - q - 2), c);
                q = close + 2;
                continue;
            }
        }
        unsigned char lo = (unsigned char)(*q == '\\' && q[1] ? *++q : *q);
        q++;
        unsigned char hi = lo;
        if (q[0] == '-' && q[1] && q[1] != ']') {
            q++;
            hi = (unsigned char)(*q == '\\' && q[1] ? *++q : *q);
            q++;
        }
        hit |= lo <= c && c <= hi;
    }
    if (*q != ']') {
        *end = NULL;
        return false;
    }
    *end = q + 1;
    return hit != negate;
}

/* One element of the pattern (not '*') against c; *next is past it. */
static bool element_match(const char *p, unsigned char c, const char **next)
{
    if (*p == '[') {
        bool hit = bracket_match(p, c, next);
        if (*next)
            return hit;
    }
    if (*p == '?') {
        *next = p + 1;
        return true;
    }
    if (*p == '\\' && p[1])
        p++;
    *next = p + 1;
    return (unsigned char)*p == c;
}

/* Iterative, with one backtracking point: the last '*' seen. */
bool pattern_match(const char *pat, const char *s)
{
    const char *star_p = NULL, *star_s = NULL;
    while (*s) {
        const char *next;
        if (*pat == '*') {
            while (*pat == '*')
                pat++;
            star_p = pat;
            star_s = s;
        } else if (*pat && element_match(pat, (unsigned char)*s, &next)) {
            pat = next;
            s++;
        } else if (star_p) {
            pat = star_p;
            s = ++star_s;
        } else {
            return false;
        }
    }
    while (*pat == '*')
        pat++;
    return *pat == '\0';
}

static bool has_glob_chars(const char *pat)
{
    for (const char *p = pat; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        else if (*p == '*' || *p == '?')
            return true;
        else if (*p == '[' && strchr(p + 1, ']'))
            return true;
    }
    return false;
}

static char *unescape_pattern(const char *pat)
{
    struct strbuf b = {0};
    for (const char *p = pat; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        sb_addc(&b, *p);
    }
    return sb_take(&b);
}

/* ---- pathname expansion ------------------------------------------------------ */

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void glob_in(struct strbuf *path, const char *rest, struct wordlist *out);

/* The entries of the directory so far that match one component. */
static void glob_component(struct strbuf *path, const char *comp, const char *rest,
                           struct wordlist *out)
{
    DIR *d = opendir(path->len ? path->s : ".");
    if (!d)
        return;
    bool dots = comp[0] == '.' || (comp[0] == '\\' && comp[1] == '.');
    size_t len = path->len;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        if ((name[0] == '.' && !dots) || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
            continue;
        if (!pattern_match(comp, name))
            continue;
        sb_adds(path, name);
        if (!rest)
            wl_add(out, xstrdup(path->s));
        else if (is_dir(path->s)) {
            sb_addc(path, '/');
            glob_in(path, rest, out);
        }
        path->len = len;
        path->s[len] = '\0';
    }
    closedir(d);
}

/* Expand the pattern `rest` below the directory `path` (which is empty or
 * ends with '/'). */
static void glob_in(struct strbuf *path, const char *rest, struct wordlist *out)
{
    const char *slash = strchr(rest, '/');
    size_t n = slash ? (size_t)(slash - rest) : strlen(rest);
    char *comp = xstrndup(rest, n);
    const char *after = slash ? slash + 1 : NULL;
    size_t len = path->len;
    if (n == 0 && after) {
        sb_addc(path, '/');                    /* a doubled slash */
        glob_in(path, after, out);
    } else if (n == 0) {
        wl_add(out, xstrdup(path->s));         /* a trailing slash: directories */
    } else if (!has_glob_chars(comp)) {
        char *lit = unescape_pattern(comp);
        sb_adds(path, lit);
        free(lit);
        if (!after) {
            if (exists(path->s))
                wl_add(out, xstrdup(path->s));
        } else if (is_dir(path->s)) {
            sb_addc(path, '/');
            glob_in(path, after, out);
        }
    } else {
        glob_component(path, comp, after, out);
    }
    if (path->s) {
        path->len = len;
        path->s[len] = '\0';
    }
    free(comp);
}

int glob_expand(const char *pat, struct wordlist *out)
{
    int before = out->n;
    struct strbuf path = {0};
    sb_adds(&path, "");
    if (pat[0] == '/') {
        sb_addc(&path, '/');
        while (*pat == '/')
            pat++;
    }
    glob_in(&path, pat, out);
    sb_free(&path);
    wl_sort(out, before);
    return out->n - before;
}
