/*
 * test, [ - evaluate a condition; the exit status is the answer.
 *
 *   test EXPRESSION        [ EXPRESSION ]
 *
 * One program under two names: called as "[" it wants a final "]".
 *
 *   STRING  -n STRING  -z STRING      non-empty / non-empty / empty
 *   S1 = S2  S1 == S2  S1 != S2  S1 < S2  S1 > S2     strings (bytes)
 *   N1 -eq -ne -lt -le -gt -ge N2     integers, of any length
 *   -e -f -d -p -c -b -S -h -L -s FILE    exists, regular, directory,
 *          FIFO, character/block device, socket, symbolic link, not empty
 *   -r -w -x FILE   access(2)     -u -g -k FILE   set-user/group-ID, sticky
 *   -O -G FILE      owned by the effective user/group    -t FD   a terminal
 *   F1 -nt F2  F1 -ot F2  F1 -ef F2   newer, older, same file
 *   ! E   E -a E   E -o E   ( E )     (-a binds tighter than -o)
 *
 * With up to four arguments the POSIX rules by argument count apply
 * (so `test -n -a -n` is a test of two strings); longer expressions are
 * parsed by precedence. Exit status: 0 true, 1 false, 2 error.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEPTH 50           /* nested parentheses: user stacks are small */

static const char *prog = "test";
static char **av;              /* the expression's arguments */
static int ac, pos;            /* how many; the next to read */
static int depth;

static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", prog);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

/* ---- integers ------------------------------------------------------------ */

/* Check "  [+-]digits  " and point *digits at the digits without leading
 * zeros; returns the sign (1 or -1). */
static int parse_int(const char *s, const char **digits, size_t *len)
{
    const char *p = s;
    int sign = 1;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '-' || *p == '+')
        sign = *p++ == '-' ? -1 : 1;
    const char *d = p;
    while (isdigit((unsigned char)*p))
        p++;
    size_t n = (size_t)(p - d);
    while (isspace((unsigned char)*p))
        p++;
    if (n == 0 || *p != '\0')
        fail("invalid integer '%s'", s);
    while (n > 1 && *d == '0')
        d++, n--;
    *digits = d;
    *len = n;
    return n == 1 && *d == '0' ? 1 : sign;
}

/* Compare two integers written in decimal, whatever their length. */
static int int_compare(const char *a, const char *b)
{
    const char *da, *db;
    size_t na, nb;
    int sa = parse_int(a, &da, &na), sb = parse_int(b, &db, &nb);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    int c = na != nb ? (na < nb ? -1 : 1) : memcmp(da, db, na);
    c = c < 0 ? -1 : c > 0;
    return sa * c;
}

/* ---- primaries ----------------------------------------------------------- */

static int is_unary(const char *s)
{
    return s[0] == '-' && s[1] && !s[2] && strchr("bcdefghkprstuwxznLOGS", s[1]);
}

static int is_binary(const char *s)
{
    static const char *ops[] = { "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt",
        "-le", "-gt", "-ge", "-nt", "-ot", "-ef", "-a", "-o", NULL };
    for (int i = 0; ops[i]; i++)
        if (strcmp(s, ops[i]) == 0)
            return 1;
    return 0;
}

static int file_test(char op, const char *path)
{
    struct stat st;
    int found = (op == 'h' || op == 'L' ? lstat(path, &st) : stat(path, &st)) == 0;
    switch (op) {
    case 'r': return access(path, R_OK) == 0;
    case 'w': return access(path, W_OK) == 0;
    case 'x': return access(path, X_OK) == 0;
    }
    if (!found)
        return 0;
    switch (op) {
    case 'e': return 1;
    case 'f': return S_ISREG(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 'p': return S_ISFIFO(st.st_mode);
    case 'c': return S_ISCHR(st.st_mode);
    case 'b': return S_ISBLK(st.st_mode);
    case 'S': return S_ISSOCK(st.st_mode);
    case 'h': case 'L': return S_ISLNK(st.st_mode);
    case 's': return st.st_size > 0;
    case 'u': return (st.st_mode & S_ISUID) != 0;
    case 'g': return (st.st_mode & S_ISGID) != 0;
    case 'k': return (st.st_mode & S_ISVTX) != 0;
    case 'O': return st.st_uid == geteuid();
    default: return st.st_gid == getegid();        /* 'G' */
    }
}

static int unary(const char *op, const char *arg)
{
    const char *digits;
    size_t len;
    switch (op[1]) {
    case 'n': return arg[0] != '\0';
    case 'z': return arg[0] == '\0';
    case 't':
        if (parse_int(arg, &digits, &len) < 0 || len > 9)
            return 0;
        return isatty(atoi(digits)) == 1;
    default: return file_test(op[1], arg);
    }
}

static int exists(const char *path, struct stat *st)
{
    return stat(path, st) == 0;
}

static int newer(const char *a, const char *b)
{
    struct stat sa, sb;
    if (!exists(a, &sa))
        return 0;
    if (!exists(b, &sb))
        return 1;
    if (sa.st_mtim.tv_sec != sb.st_mtim.tv_sec)
        return sa.st_mtim.tv_sec > sb.st_mtim.tv_sec;
    return sa.st_mtim.tv_nsec > sb.st_mtim.tv_nsec;
}

static int binary(const char *a, const char *op, const char *b)
{
    struct stat sa, sb;
    if (op[0] != '-') {
        int c = strcmp(a, b);
        switch (op[0]) {
        case '=': return c == 0;
        case '!': return c != 0;
        case '<': return c < 0;
        default: return c > 0;  /* '>' */
        }
    }
    if (strcmp(op, "-nt") == 0)
        return newer(a, b);
    if (strcmp(op, "-ot") == 0)
        return newer(b, a);
    if (strcmp(op, "-ef") == 0)
        return exists(a, &sa) && exists(b, &sb) && sa.st_dev == sb.st_dev &&
               sa.st_ino == sb.st_ino;
    if (strcmp(op, "-a") == 0)
        return a[0] && b[0];
    if (strcmp(op, "-o") == 0)
        return a[0] || b[0];
    int c = int_compare(a, b);
    static const char *ops[] = { "-eq", "-ne", "-lt", "-le", "-gt", "-ge" };
    int results[] = { c == 0, c != 0, c < 0, c <= 0, c > 0, c >= 0 };
    for (int i = 0; i < 6; i++)
        if (strcmp(op, ops[i]) == 0)
            return results[i];
    return 0;
}

/* ---- the general grammar ------------------------------------------------- */

static int parse_or(void);

static const char *next(void)
{
    if (pos >= ac)
        fail("missing argument after '%s'", av[ac - 1]);
    return av[pos++];
}

static int primary(void)
{
    const char *t = next();
    if (strcmp(t, "(") == 0) {
        if (++depth > MAX_DEPTH)
            fail("expression nested too deeply");
        int v = parse_or();
        depth--;
        if (pos >= ac)
            fail("')' expected");
        if (strcmp(av[pos], ")") != 0)
            fail("')' expected, found '%s'", av[pos]);
        pos++;
        return v;
    }
    /* "S1 op S2" is preferred over "-x S1", as in `test -f = -f`. */
    if (pos + 1 < ac && is_binary(av[pos]) && strcmp(av[pos], "-a") != 0 &&
        strcmp(av[pos], "-o") != 0) {
        const char *op = next();
        return binary(t, op, next());
    }
    if (is_unary(t) && pos < ac)
        return unary(t, next());
    return t[0] != '\0';
}

static int parse_not(void)
{
    int negate = 0;
    for (; pos < ac && strcmp(av[pos], "!") == 0; pos++)
        negate = !negate;
    return negate ? !primary() : primary();
}

static int parse_and(void)
{
    int v = parse_not();
    while (pos < ac && strcmp(av[pos], "-a") == 0) {
        pos++;
        v = parse_not() && v;
    }
    return v;
}

static int parse_or(void)
{
    int v = parse_and();
    while (pos < ac && strcmp(av[pos], "-o") == 0) {
        pos++;
        v = parse_and() || v;
    }
    return v;
}

/* ---- POSIX: by the number of arguments ------------------------------------ */

static int two(int i)
{
    if (strcmp(av[i], "!") == 0)
        return av[i + 1][0] == '\0';
    if (strcmp(av[i], "(") == 0)
        fail("')' expected");
    if (is_binary(av[i + 1]))
        fail("missing argument after '%s'", av[i + 1]);
    if (!is_unary(av[i]))
        fail("'%s': unary operator expected", av[i]);
    return unary(av[i], av[i + 1]);
}

static int three(int i)
{
    if (is_binary(av[i + 1]))
        return binary(av[i], av[i + 1], av[i + 2]);
    if (strcmp(av[i], "!") == 0)
        return !two(i + 1);
    if (strcmp(av[i], "(") == 0 && strcmp(av[i + 2], ")") == 0)
        return av[i + 1][0] != '\0';
    fail("'%s': binary operator expected", av[i + 1]);
    return 0;
}

static int eval(int first, int n)
{
    switch (n) {
    case 0: return 0;
    case 1: return av[first][0] != '\0';
    case 2: return two(first);
    case 3: return three(first);
    }
    if (n == 4 && strcmp(av[first], "!") == 0)
        return !three(first + 1);
    if (n == 4 && strcmp(av[first], "(") == 0 && strcmp(av[first + 3], ")") == 0)
        return two(first + 1);
    pos = first;
    int v = parse_or();
    if (pos < ac)
        fail("extra argument '%s'", av[pos]);
    return v;
}

int main(int argc, char **argv)
{
    const char *base = strrchr(argv[0], '/');
    base = base ? base + 1 : argv[0];
    if (strcmp(base, "[") == 0) {
        prog = "[";
        if (argc < 2 || strcmp(argv[argc - 1], "]") != 0)
            fail("missing ']'");
        argc--;
    }
    av = argv + 1;
    ac = argc - 1;
    return !eval(0, ac);
}
