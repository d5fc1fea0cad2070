/*
 * fnmatch.c - fnmatch(): does a name match a shell pattern (POSIX's
 * "Pattern Matching Notation"), as find -name, the shell's case and
 * globbing ask.
 *
 *   *  any string     ?  any character     \c  c itself (not FNM_NOESCAPE)
 *   [...] a bracket expression: ranges, [!...] and [^...], the classes
 *         [:alpha:] and the others, [=c=] and [.c.]; a '[' with no
 *         closing ']' is an ordinary character
 *
 * FNM_PATHNAME: a '/' is matched only by a '/' in the pattern.
 * FNM_PERIOD: a leading '.' (at the start, or after '/' with FNM_PATHNAME)
 * only by a '.'. FNM_CASEFOLD ignores case; FNM_LEADING_DIR lets the
 * pattern match the name up to a '/'.
 *
 * One pass with a single backtracking point: on a mismatch, the last '*'
 * takes one more character (an earlier '*' never needs to, as the
 * classic argument goes), so the work is at most pattern x name.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <string.h>

static int fold(int c, int flags)
{
    return flags & FNM_CASEFOLD ? tolower(c) : c;
}

static int in_class(const char *name, size_t len, int c)
{
    static const struct { const char *name; int (*test)(int); } classes[] = {
        { "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum },
        { "upper", isupper }, { "lower", islower }, { "space", isspace },
        { "blank", isblank }, { "punct", ispunct }, { "print", isprint },
        { "graph", isgraph }, { "cntrl", iscntrl }, { "xdigit", isxdigit },
    };
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (strlen(classes[i].name) == len && memcmp(classes[i].name, name, len) == 0)
            return classes[i].test(c) != 0;
    return -1;
}

/* One element's character: c, \c, [.c.] or [=c=]; moves *pp past it. */
static int element(const char **pp, int flags)
{
    const char *p = *pp;
    if (p[0] == '[' && (p[1] == '.' || p[1] == '=') && p[2] && p[3] == p[1] && p[4] == ']') {
        *pp = p + 5;
        return (unsigned char)p[2];
    }
    if (p[0] == '\\' && !(flags & FNM_NOESCAPE) && p[1])
        p++;
    *pp = p + 1;
    return (unsigned char)*p;
}

/* The bracket expression at *pp (just after its '['): 1 if c is in it,
 * 0 if not, moving *pp past it; -1 if it is no bracket expression. */
static int bracket(const char **pp, int c, int flags)
{
    const char *p = *pp;
    int negate = *p == '!' || *p == '^', found = 0;
    p += negate;
    if ((flags & FNM_PATHNAME) && c == '/')
        found = -1;                            /* never matches a '/' */
    for (int first = 1; first || *p != ']'; first = 0) {
        if (*p == '\0')
            return -1;
        if (p[0] == '[' && p[1] == ':') {
            const char *end = strstr(p + 2, ":]");
            int r = end ? in_class(p + 2, (size_t)(end - p - 2), c) : -1;
            if (r < 0)
                return -1;
            if (r)             /* (glibc does not fold the case for a class) */
                found = found < 0 ? found : 1;
            p = end + 2;
            continue;
        }
        int lo = element(&p, flags), hi = lo;
        if (p[0] == '-' && p[1] != ']' && p[1] != '\0')
            p++, hi = element(&p, flags);
        if (found == 0 && ((lo <= c && c <= hi) ||
                           ((flags & FNM_CASEFOLD) && fold(lo, flags) <= fold(c, flags) &&
                            fold(c, flags) <= fold(hi, flags))))
            found = 1;
    }
    *pp = p + 1;
    return found < 0 ? 0 : found != negate;
}

static int leading_period(const char *name, const char *n, int flags)
{
    return (flags & FNM_PERIOD) && *n == '.' &&
           (n == name || ((flags & FNM_PATHNAME) && n[-1] == '/'));
}

int fnmatch(const char *pattern, const char *name, int flags)
{
    const char *p = pattern, *n = name, *star_p = NULL, *star_n = NULL;
    for (;;) {
        if (*p == '\0' && (*n == '\0' || ((flags & FNM_LEADING_DIR) && *n == '/')))
            return 0;
        if (*p == '*') {
            if (leading_period(name, n, flags))
                return FNM_NOMATCH;
            while (*p == '*')
                p++;
            star_p = p;
            star_n = n;
            continue;
        }
        if (*n != '\0') {
            const char *q = p;
            int ok;
            if (*p == '?')
                ok = !((flags & FNM_PATHNAME) && *n == '/') && !leading_period(name, n, flags),
                q = p + 1;
            else if (*p == '[' && (q = p + 1, ok = bracket(&q, (unsigned char)*n, flags)) >= 0)
                ok = ok && !leading_period(name, n, flags);
            else if (*p != '\0')
                q = p, ok = fold(element(&q, flags), flags) == fold((unsigned char)*n, flags);
            else
                ok = 0;
            if (ok) {
                p = q;
                n++;
                continue;
            }
        }
        /* No match here: the last '*' takes one more character. */
        if (!star_p || *star_n == '\0' || ((flags & FNM_PATHNAME) && *star_n == '/'))
            return FNM_NOMATCH;
        p = star_p;
        n = ++star_n;
    }
}
