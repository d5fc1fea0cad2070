/*
 * bi_test.c - test and [ as a builtin, and bash's [[ ]] (a command of its
 * own in the grammar, evaluated here).
 *
 * test follows POSIX's rules by the number of arguments (XCU test): with
 * up to four, what an argument is depends on where it stands, so that
 * `[ -f = ]` compares strings; with more, a grammar of ! -a -o ( ). -a and
 * -o are not binary primaries of those rules (POSIX no longer has them):
 * they go to the grammar, which reads them as dash does - a missing
 * operand is false, a word left over is an error.
 *
 * [[ ]] gets its words unexpanded (exec.c): each operand is expanded
 * without splitting or globbing, the right side of == and != is a
 * pattern, and && || ! ( ) are its own operators.
 */
#include "sh.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct tparse {
    char **w;
    int   n, i;
    bool  error;
    bool  dbracket;
    char **raw;             /* [[: the raw words, to expand as they are used */
};

static bool error_at(struct tparse *t, const char *what, const char *arg)
{
    if (!t->error)
        sh_error("%s: %s%s%s", t->dbracket ? "[[" : "test", arg ? arg : "",
                 arg ? ": " : "", what);
    t->error = true;
    return false;
}

static bool to_number(struct tparse *t, const char *s, long long *v)
{
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    char *end;
    errno = 0;
    *v = strtoll(p, &end, 10);
    while (isspace((unsigned char)*end))
        end++;
    if (end == p || *end || errno)
        return error_at(t, "bad number", s);
    return true;
}

static const char *const unary_ops = "abcdefghknprstuwxzLOGS";

/* -a FILE is bash's old -e: [[ has it; test, as in dash, reads -a as
 * the binary "and" only (`[ -a -a -a ]` is two strings). */
static bool is_unary(const char *s, bool dbracket)
{
    return s[0] == '-' && s[1] && !s[2] && strchr(unary_ops, s[1]) &&
           (s[1] != 'a' || dbracket);
}

static bool is_binary(const char *s, bool dbracket)
{
    static const char *const ops[] = {
        "=", "!=", "==", "<", ">", "-eq", "-ne", "-gt", "-ge", "-lt", "-le",
        "-nt", "-ot", "-ef", NULL
    };
    for (int k = 0; ops[k]; k++)
        if (strcmp(s, ops[k]) == 0)
            return true;
    return dbracket && strcmp(s, "=~") == 0;
}

static bool file_test(char op, const char *path)
{
    struct stat st;
    if (op == 't') {
        long fd;
        return parse_int(path, &fd) && isatty((int)fd);
    }
    if (op == 'L' || op == 'h')
        return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
    if (stat(path, &st) != 0)
        return false;
    switch (op) {
    case 'a': return true;
    case 'b': return S_ISBLK(st.st_mode);
    case 'c': return S_ISCHR(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 'e': return true;
    case 'f': return S_ISREG(st.st_mode);
    case 'g': return (st.st_mode & S_ISGID) != 0;
    case 'k': return (st.st_mode & S_ISVTX) != 0;
    case 'p': return S_ISFIFO(st.st_mode);
    case 'r': return access(path, R_OK) == 0;
    case 's': return st.st_size > 0;
    case 'S': return S_ISSOCK(st.st_mode);
    case 'u': return (st.st_mode & S_ISUID) != 0;
    case 'w': return access(path, W_OK) == 0;
    case 'x': return access(path, X_OK) == 0;
    case 'O': return st.st_uid == geteuid();
    case 'G': return st.st_gid == getegid();
    default:  return false;
    }
}

static bool unary(struct tparse *t, const char *op, const char *arg)
{
    long long fd;
    if (op[1] == 't' && !to_number(t, arg, &fd))
        return false;
    if (op[1] == 'n')
        return arg[0] != '\0';
    if (op[1] == 'z')
        return arg[0] == '\0';
    return file_test(op[1], arg);
}

static bool file_compare(const char *a, const char *op, const char *b)
{
    struct stat sa, sb;
    bool ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;
    if (op[1] == 'e')
        return ha && hb && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (op[1] == 'n')
        return ha && (!hb || sa.st_mtime > sb.st_mtime);
    return hb && (!ha || sa.st_mtime < sb.st_mtime);
}

static bool binary(struct tparse *t, const char *a, const char *op, const char *b,
                   bool pattern)
{
    if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
        return pattern ? pattern_match(b, a) : strcmp(a, b) == 0;
    if (strcmp(op, "!=") == 0)
        return pattern ? !pattern_match(b, a) : strcmp(a, b) != 0;
    if (strcmp(op, "<") == 0)
        return strcmp(a, b) < 0;
    if (strcmp(op, ">") == 0)
        return strcmp(a, b) > 0;
    if (strcmp(op, "=~") == 0)
        return error_at(t, "regular expressions are not supported", NULL);
    if (strcmp(op, "-nt") == 0 || strcmp(op, "-ot") == 0 || strcmp(op, "-ef") == 0)
        return file_compare(a, op, b);
    long long x, y;
    if (!to_number(t, a, &x) || !to_number(t, b, &y))
        return false;
    switch (op[1] == 'e' ? 'e' : op[1] == 'n' ? 'n' : op[2] == 't' ? op[1] : op[1] + 1) {
    case 'e': return x == y;
    case 'n': return x != y;
    case 'g': return x > y;
    case 'h': return x >= y;
    case 'l': return x < y;
    default:  return x <= y;
    }
}

/* ---- the words, for test or for [[ ---------------------------------------------- */

static const char *peek_word(struct tparse *t, int ahead)
{
    int i = t->i + ahead;
    return i < t->n ? t->w[i] : NULL;
}

/* An operand's value: [[ expands it now (a pattern, on the right of ==). */
static char *operand(struct tparse *t, int i, bool pattern)
{
    if (!t->dbracket)
        return xstrdup(t->w[i]);
    char *v = pattern ? expand_pattern(t->raw[i]) : expand_word(t->raw[i]);
    if (!v)
        t->error = true;
    return v ? v : xstrdup("");
}

static bool expr_or(struct tparse *t);

static bool primary(struct tparse *t)
{
    const char *w = peek_word(t, 0);
    if (!w)                 /* test: a missing operand is false, as in dash */
        return t->dbracket ? error_at(t, "argument expected", NULL) : false;
    if (strcmp(w, "(") == 0 && (t->dbracket || peek_word(t, 1))) {
        t->i++;
        bool v = expr_or(t);
        w = peek_word(t, 0);
        if (!w || strcmp(w, ")") != 0)
            return error_at(t, "closing paren expected", NULL);
        t->i++;
        return v;
    }
    const char *next = peek_word(t, 1);
    if (is_unary(w, t->dbracket) && next && !(peek_word(t, 2) && is_binary(next, t->dbracket) &&
                                 !t->dbracket)) {
        char *a = operand(t, t->i + 1, false);
        t->i += 2;
        bool v = unary(t, w, a);
        free(a);
        return v;
    }
    if (next && is_binary(next, t->dbracket) && peek_word(t, 2)) {
        bool pat = t->dbracket && (strcmp(next, "==") == 0 || strcmp(next, "=") == 0 ||
                                   strcmp(next, "!=") == 0);
        char *a = operand(t, t->i, false), *b = operand(t, t->i + 2, pat);
        t->i += 3;
        bool v = binary(t, a, next, b, pat);
        free(a);
        free(b);
        return v;
    }
    char *a = operand(t, t->i, false);
    t->i++;
    bool v = a[0] != '\0';
    free(a);
    return v;
}

static bool expr_not(struct tparse *t)
{
    const char *w = peek_word(t, 0);
    if (w && strcmp(w, "!") == 0 && peek_word(t, 1)) {
        t->i++;
        return !expr_not(t);
    }
    return primary(t);
}

static bool expr_and(struct tparse *t)
{
    const char *and = t->dbracket ? "&&" : "-a";
    bool v = expr_not(t);
    while (peek_word(t, 0) && strcmp(peek_word(t, 0), and) == 0) {
        t->i++;
        bool r = expr_not(t);
        v = v && r;
    }
    return v;
}

static bool expr_or(struct tparse *t)
{
    const char *or = t->dbracket ? "||" : "-o";
    bool v = expr_and(t);
    while (peek_word(t, 0) && strcmp(peek_word(t, 0), or) == 0) {
        t->i++;
        bool r = expr_and(t);
        v = v || r;
    }
    return v;
}

/* POSIX's rules for 1 to 4 arguments; false with *done unset: use the grammar. */
static bool by_count(struct tparse *t, int from, int n, bool *done)
{
    char **w = t->w + from;
    *done = true;
    switch (n) {
    case 0:
        return false;
    case 1:
        return w[0][0] != '\0';
    case 2:
        if (strcmp(w[0], "!") == 0)
            return w[1][0] == '\0';
        if (is_unary(w[0], false))
            return unary(t, w[0], w[1]);
        break;
    case 3:
        if (is_binary(w[1], false))
            return binary(t, w[0], w[1], w[2], false);
        if (strcmp(w[0], "!") == 0)
            return !by_count(t, from + 1, 2, done);
        if (strcmp(w[0], "(") == 0 && strcmp(w[2], ")") == 0)
            return w[1][0] != '\0';
        break;
    case 4:
        if (strcmp(w[0], "!") == 0)
            return !by_count(t, from + 1, 3, done);
        if (strcmp(w[0], "(") == 0 && strcmp(w[3], ")") == 0)
            return by_count(t, from + 1, 2, done);
        break;
    }
    *done = false;
    return false;
}

int bi_test(char **argv)
{
    int n = 0;
    while (argv[n + 1])
        n++;
    if (strcmp(argv[0], "[") == 0) {
        if (n == 0 || strcmp(argv[n], "]") != 0) {
            sh_error("[: missing ]");
            return 2;
        }
        n--;
    }
    struct tparse t = { .w = argv + 1, .n = n };
    bool done;
    bool v = by_count(&t, 0, n, &done);
    if (!done) {
        v = expr_or(&t);
        if (!t.error && t.i < t.n)
            error_at(&t, "unexpected operator", t.w[t.i]);
    }
    return t.error ? 2 : !v;
}

/* [[ WORDS ]]: the raw words between the brackets. */
int test_eval(char **raw, int n, bool dbracket)
{
    struct tparse t = { .w = raw, .raw = raw, .n = n, .dbracket = dbracket };
    bool v = expr_or(&t);
    if (!t.error && t.i < t.n)
        error_at(&t, "syntax error", t.w[t.i]);
    return t.error ? 2 : !v;
}
