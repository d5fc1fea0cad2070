/*
 * expr - evaluate an expression given as separate arguments.
 *
 *   expr EXPRESSION
 *
 * From the loosest binding to the tightest (all left-associative):
 *
 *   A | B      A if it is neither empty nor 0, else B (0 if both are)
 *   A & B      A if neither is empty nor 0, else 0
 *   A = B  A != B  A < B  A <= B  A > B  A >= B
 *              1 or 0; numbers compare as numbers, anything else as strings
 *   A + B  A - B
 *   A * B  A / B  A % B          (64-bit integers; errors on overflow)
 *   A : RE     match the basic regular expression RE at the start of A:
 *              the text of \(...\) if RE has one, else the length matched
 *   match A RE   substr S POS LEN   index S CHARS   length S
 *   + TOKEN    TOKEN as a string, even if it is an operator or keyword
 *   ( EXPR )
 *
 * The result is printed. Exit status: 0 when it is neither empty nor 0,
 * 1 when it is, 2 for an invalid expression (syntax, non-integer
 * argument, division by zero, bad regular expression), 3 when memory
 * runs out.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <regex.h>

#define MAX_DEPTH 50           /* nested parentheses: user stacks are small */

/* A value: an integer, or a string (which may look like one). */
struct value {
    int is_int;
    long long n;
    char *s;                   /* owned; NULL for an integer */
};

static char **args;            /* the tokens still to read */
static int depth;
static int skipping;           /* > 0: parse without evaluating (A | B when A
                                * is true, A & B when A is false), so that
                                * `expr 1 \| 1 / 0` is 1, not an error */

static void die(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("expr: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(status);
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        die(3, "%s", strerror(ENOMEM));
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static struct value int_value(long long n)
{
    return (struct value){ 1, n, NULL };
}

static struct value str_value(const char *s, size_t n)
{
    return (struct value){ 0, 0, xstrndup(s, n) };
}

static void drop(struct value *v)
{
    free(v->s);
    v->s = NULL;
}

/* An integer is an optional '-' and at least one digit, nothing else. */
static int to_int(const struct value *v, long long *n)
{
    if (v->is_int) {
        *n = v->n;
        return 1;
    }
    const char *s = v->s, *digits = s + (*s == '-');
    if (*digits == '\0' || strspn(digits, "0123456789") != strlen(digits))
        return 0;
    char *end;
    errno = 0;
    *n = strtoll(s, &end, 10);
    if (errno == ERANGE)
        die(2, "%s: number too large", s);
    return 1;
}

static long long need_int(const struct value *v)
{
    long long n;
    if (skipping)
        return 0;
    if (!to_int(v, &n))
        die(2, "non-integer argument");
    return n;
}

/* Empty or zero: false, for | & and the exit status. */
static int is_null(const struct value *v)
{
    long long n;
    return v->is_int ? v->n == 0 : (v->s[0] == '\0' || (to_int(v, &n) && n == 0));
}

/* The string form of a value, into buf when it is an integer. */
static const char *text(const struct value *v, char *buf, size_t size)
{
    if (!v->is_int)
        return v->s;
    snprintf(buf, size, "%lld", v->n);
    return buf;
}

static int next_is(const char *op)
{
    return *args && strcmp(*args, op) == 0;
}

static struct value parse_or(void);

/* A regular-expression match anchored at the start: \1 or the length. */
static struct value match(const struct value *v, const struct value *re_v)
{
    char b1[32], b2[32];
    const char *s = text(v, b1, sizeof b1), *pattern = text(re_v, b2, sizeof b2);
    if (skipping)
        return int_value(0);
    regex_t re;
    regmatch_t m[2];
    int r = regcomp(&re, pattern, 0);
    if (r != 0) {
        char msg[80];
        regerror(r, &re, msg, sizeof msg);
        die(r == REG_ESPACE ? 3 : 2, "%s", msg);
    }
    /* Anchored at the start: the leftmost match, if it starts there. */
    r = regexec(&re, s, 2, m, 0);
    size_t groups = re.re_nsub;
    regfree(&re);
    if (r == REG_ESPACE)
        die(3, "%s", strerror(ENOMEM));
    int found = r == 0 && m[0].rm_so == 0;
    if (groups == 0)
        return int_value(found ? m[0].rm_eo : 0);
    if (!found || m[1].rm_so < 0)
        return str_value("", 0);
    return str_value(s + m[1].rm_so, (size_t)(m[1].rm_eo - m[1].rm_so));
}

/* substr S POS LEN: 1-based; empty when POS or LEN is out of range. */
static struct value substr(struct value *args3)
{
    char buf[32];
    const char *s = text(&args3[0], buf, sizeof buf);
    long long pos, len, size = (long long)strlen(s);
    if (!to_int(&args3[1], &pos) || !to_int(&args3[2], &len) || pos < 1 || pos > size ||
        len < 1)
        return str_value("", 0);
    if (len > size - pos + 1)
        len = size - pos + 1;
    return str_value(s + pos - 1, (size_t)len);
}

/* index S CHARS: position of the first byte of S that is in CHARS. */
static struct value index_of(struct value *args2)
{
    char b1[32], b2[32];
    const char *s = text(&args2[0], b1, sizeof b1), *chars = text(&args2[1], b2, sizeof b2);
    size_t i = strcspn(s, chars);
    return int_value(s[i] ? (long long)i + 1 : 0);
}

static struct value parse_primary(void);

/* The keywords take their operands at primary level. */
static struct value keyword(const char *word, int nargs)
{
    struct value v[3], r;
    for (int i = 0; i < nargs; i++) {
        if (!*args)
            die(2, "syntax error: missing argument after '%s'", i ? args[-1] : word);
        v[i] = parse_primary();
    }
    char buf[32];
    if (strcmp(word, "length") == 0)
        r = int_value((long long)strlen(text(&v[0], buf, sizeof buf)));
    else if (strcmp(word, "match") == 0)
        r = match(&v[0], &v[1]);
    else if (strcmp(word, "substr") == 0)
        r = substr(v);
    else
        r = index_of(v);
    for (int i = 0; i < nargs; i++)
        drop(&v[i]);
    return r;
}

static struct value parse_primary(void)
{
    static const char *words[] = { "length", "match", "substr", "index" };
    static const int counts[] = { 1, 2, 3, 2 };
    if (!*args)                /* (the callers see to it that it is not) */
        die(2, "syntax error: missing argument after '%s'", args[-1]);
    const char *t = *args++;
    if (strcmp(t, "+") == 0) {
        if (!*args)
            die(2, "syntax error: missing argument after '+'");
        t = *args++;
        return str_value(t, strlen(t));
    }
    for (int i = 0; i < 4; i++)
        if (strcmp(t, words[i]) == 0)
            return keyword(t, counts[i]);
    if (strcmp(t, "(") == 0) {
        if (++depth > MAX_DEPTH)
            die(2, "expression nested too deeply");
        if (!*args)
            die(2, "syntax error: missing argument after '%s'", "(");
        struct value v = parse_or();
        if (!next_is(")"))
            die(2, *args ? "syntax error: expecting ')' instead of '%s'"
                         : "syntax error: expecting ')' after '%s'",
                *args ? *args : args[-1]);
        args++;
        depth--;
        return v;
    }
    if (strcmp(t, ")") == 0)
        die(2, "syntax error: unexpected ')'");
    return str_value(t, strlen(t));
}

/* The right operand of a binary operator. */
static struct value operand(struct value (*parse)(void))
{
    if (!*args)
        die(2, "syntax error: missing argument after '%s'", args[-1]);
    return parse();
}

static struct value parse_match(void)
{
    struct value l = parse_primary();
    while (next_is(":")) {
        args++;
        struct value r = operand(parse_primary), m = match(&l, &r);
        drop(&l);
        drop(&r);
        l = m;
    }
    return l;
}

/* Whether a op b overflows 64 bits (checked before computing it). */
static int overflows(char op, long long a, long long b)
{
    switch (op) {
    case '+': return b > 0 ? a > LLONG_MAX - b : a < LLONG_MIN - b;
    case '-': return b < 0 ? a > LLONG_MAX + b : a < LLONG_MIN + b;
    case '*':
        if (a == 0 || b == 0)
            return 0;
        if (a > 0)
            return b > 0 ? a > LLONG_MAX / b : b < LLONG_MIN / a;
        return b > 0 ? a < LLONG_MIN / b : b < LLONG_MAX / a;
    case '/': return a == LLONG_MIN && b == -1;
    default: return 0;         /* %: LLONG_MIN % -1 is computed as 0 below */
    }
}

static long long arith(char op, long long a, long long b)
{
    if (skipping)
        return 0;
    if ((op == '/' || op == '%') && b == 0)
        die(2, "division by zero");
    if (overflows(op, a, b))
        die(2, "integer result too large");
    switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    default: return b == -1 ? 0 : a % b;
    }
}

static struct value parse_product(void)
{
    struct value l = parse_match();
    while (next_is("*") || next_is("/") || next_is("%")) {
        char op = **args++;
        struct value r = operand(parse_match);
        long long a = need_int(&l), b = need_int(&r);
        drop(&l);
        drop(&r);
        l = int_value(arith(op, a, b));
    }
    return l;
}

static struct value parse_sum(void)
{
    struct value l = parse_product();
    while (next_is("+") || next_is("-")) {
        char op = **args++;
        struct value r = operand(parse_product);
        long long a = need_int(&l), b = need_int(&r);
        drop(&l);
        drop(&r);
        l = int_value(arith(op, a, b));
    }
    return l;
}

/* The comparison operator at *args: 1..6, or 0. */
static int comparison(void)
{
    static const char *ops[] = { "=", "!=", "<", "<=", ">", ">=", NULL };
    for (int i = 0; *args && ops[i]; i++)
        if (strcmp(*args, ops[i]) == 0)
            return i + 1;
    return 0;
}

static int compare(const struct value *l, const struct value *r)
{
    long long a, b;
    char b1[32], b2[32];
    if (to_int(l, &a) && to_int(r, &b))
        return a < b ? -1 : a > b;
    return strcmp(text(l, b1, sizeof b1), text(r, b2, sizeof b2));
}

static struct value parse_compare(void)
{
    struct value l = parse_sum();
    int op;
    while ((op = comparison()) != 0) {
        args++;
        struct value r = operand(parse_sum);
        int c = compare(&l, &r);
        int results[] = { 0, c == 0, c != 0, c < 0, c <= 0, c > 0, c >= 0 };
        drop(&l);
        drop(&r);
        l = int_value(results[op]);
    }
    return l;
}

static struct value parse_and(void)
{
    struct value l = parse_compare();
    while (next_is("&")) {
        args++;
        skipping += is_null(&l);
        struct value r = operand(parse_compare);
        skipping -= is_null(&l);
        if (is_null(&l) || is_null(&r)) {
            drop(&l);
            l = int_value(0);
        }
        drop(&r);
    }
    return l;
}

static struct value parse_or(void)
{
    struct value l = parse_and();
    while (next_is("|")) {
        args++;
        skipping += !is_null(&l);
        struct value r = operand(parse_and);
        skipping -= !is_null(&l);
        if (!is_null(&l)) {
            drop(&r);
            continue;
        }
        drop(&l);
        if (is_null(&r)) {
            drop(&r);
            l = int_value(0);
        } else {
            l = r;             /* r's string, if any, now belongs to l */
        }
    }
    return l;
}

int main(int argc, char **argv)
{
    args = argv + 1;
    if (*args && strcmp(*args, "--") == 0)
        args++;
    if (!*args) {
        fprintf(stderr, "expr: missing operand\nusage: expr expression\n");
        return 2;
    }
    (void)argc;
    struct value v = parse_or();
    if (*args)
        die(2, "syntax error: unexpected argument '%s'", *args);
    char buf[32];
    puts(text(&v, buf, sizeof buf));
    int status = is_null(&v);
    drop(&v);
    if (fflush(stdout) != 0)
        return 3;
    return status;
}
