/*
 * arith.c - arithmetic expansion, $((...)): C's integer expressions on
 * 64-bit integers on every target, with shell variables as operands (an unset
 * or empty one is 0) and
 * assignment (= += -= ... ++ --). Parsed and evaluated in one recursive
 * descent, one function per precedence level; the operands of && || ?:
 * that are not evaluated are parsed with `skip` set, so their assignments
 * and divisions do nothing.
 */
#include "sh.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arith {
    const char *p;
    int  skip;              /* inside an operand that is not evaluated */
    int  depth;             /* variables holding expressions: bounded */
    const char *error;
};

static long long expr_comma(struct arith *a);
static long long expr_assign(struct arith *a);

/* + - * wrap around on overflow, as in every shell, instead of being
 * undefined as in C. */
static long long wrap(char op, long long l, long long r)
{
    unsigned long long a = (unsigned long long)l, b = (unsigned long long)r;
    return (long long)(op == '+' ? a + b : op == '-' ? a - b : a * b);
}

static void blanks(struct arith *a)
{
    while (isspace((unsigned char)*a->p))
        a->p++;
}

/* Is the next token op, and not a longer operator that starts with it
 * (& is not &&, + is not ++ or +=)? Then it is consumed. */
static bool accept(struct arith *a, const char *op)
{
    static const char *const before_eq[] = {
        "+", "-", "*", "/", "%", "^", "&", "|", "<", ">", "<<", ">>", "!", NULL
    };
    blanks(a);
    size_t n = strlen(op);
    if (strncmp(a->p, op, n) != 0)
        return false;
    char next = a->p[n];
    if (n == 1 && strchr("+-&|<>*", op[0]) && next == op[0])
        return false;
    for (int k = 0; next == '=' && before_eq[k]; k++)
        if (strcmp(op, before_eq[k]) == 0)
            return false;
    a->p += n;
    return true;
}

static void fail(struct arith *a, const char *msg)
{
    if (!a->error)
        a->error = msg;
}

static long long var_value(struct arith *a, const char *name)
{
    const char *v = var_get(name);
    if (!v && sh.nounset && !a->skip) {
        fail(a, "parameter not set");
        return 0;
    }
    if (!v || !*v)
        return 0;
    /* a number, as in dash (bash would evaluate the value as an expression) */
    char *end;
    const char *p = v;
    while (isspace((unsigned char)*p))
        p++;
    if (!*p)
        return 0;
    long long n = strtoll(p, &end, 0);
    while (isspace((unsigned char)*end))
        end++;
    if (end == p || *end) {
        fail(a, "Illegal number");
        return 0;
    }
    return n;
}

static void var_store(struct arith *a, const char *name, long long v)
{
    if (a->skip)
        return;
    char buf[24];
    snprintf(buf, sizeof buf, "%lld", v);
    var_set(name, buf, false);
}

static char *name_here(struct arith *a)
{
    blanks(a);
    const char *s = a->p;
    size_t n = 0;
    while (isalnum((unsigned char)s[n]) || s[n] == '_')
        n++;
    if (!is_name(s, n))
        return NULL;
    a->p += n;
    return xstrndup(s, n);
}

static long long primary(struct arith *a)
{
    blanks(a);
    if (accept(a, "(")) {
        long long v = expr_comma(a);
        if (!accept(a, ")"))
            fail(a, "missing ')'");
        return v;
    }
    if (isdigit((unsigned char)*a->p)) {
        char *end;
        long long v = strtoll(a->p, &end, 0);
        if (isalnum((unsigned char)*end) || *end == '_')
            fail(a, "invalid number");
        a->p = end;
        return v;
    }
    char *name = name_here(a);
    if (!name) {
        fail(a, "syntax error in expression");
        return 0;
    }
    long long v = var_value(a, name);
    if (accept(a, "++"))
        var_store(a, name, wrap('+', v, 1));
    else if (accept(a, "--"))
        var_store(a, name, wrap('-', v, 1));
    free(name);
    return v;
}

/* ++x --x; ++ or -- before what is no name is two signs (+++x is
 * +(++x), as bash reads it). */
static long long unary(struct arith *a)
{
    if (accept(a, "++") || accept(a, "--")) {
        long long delta = a->p[-1] == '+' ? 1 : -1;
        const char *after = a->p;
        char *name = name_here(a);
        if (!name) {
            a->p = after - 1;           /* the second sign is unary's again */
            long long v = unary(a);
            return delta > 0 ? v : wrap('-', 0, v);
        }
        long long v = wrap('+', var_value(a, name), delta);
        var_store(a, name, v);
        free(name);
        return v;
    }
    if (accept(a, "-"))
        return wrap('-', 0, unary(a));
    if (accept(a, "+"))
        return unary(a);
    if (accept(a, "!"))
        return !unary(a);
    if (accept(a, "~"))
        return ~unary(a);
    return primary(a);
}

static long long divide(struct arith *a, long long l, long long r, char op)
{
    if (r == 0) {
        if (!a->skip)
            fail(a, "division by zero");
        return 0;
    }
    if (l == LLONG_MIN && r == -1)
        return op == '/' ? l : 0;
    return op == '/' ? l / r : l % r;
}

/* The binary levels, loosest last. */
/* a ** b, right to left; a negative exponent is an error, as in bash */
static long long power(struct arith *a)
{
    long long base = unary(a);
    if (!accept(a, "**"))
        return base;
    long long e = power(a), v = 1;
    if (e < 0) {
        fail(a, "exponent less than 0");
        return 0;
    }
    for (; e > 0; e >>= 1) {           /* by squaring */
        if (e & 1)
            v = wrap('*', v, base);
        base = wrap('*', base, base);
    }
    return v;
}

static long long multiplicative(struct arith *a)
{
    long long v = power(a);
    for (;;) {
        if (accept(a, "*"))
            v = wrap('*', v, power(a));
        else if (accept(a, "/"))
            v = divide(a, v, power(a), '/');
        else if (accept(a, "%"))
            v = divide(a, v, power(a), '%');
        else
            return v;
    }
}

static long long additive(struct arith *a)
{
    long long v = multiplicative(a);
    for (;;) {
        if (accept(a, "+"))
            v = wrap('+', v, multiplicative(a));
        else if (accept(a, "-"))
            v = wrap('-', v, multiplicative(a));
        else
            return v;
    }
}

static long long shift(struct arith *a)
{
    long long v = additive(a);
    for (;;) {
        if (accept(a, "<<"))
            v = (long long)((unsigned long long)v << (additive(a) & 63));
        else if (accept(a, ">>"))
            v >>= additive(a) & 63;
        else
            return v;
    }
}

static long long relational(struct arith *a)
{
    long long v = shift(a);
    for (;;) {
        if (accept(a, "<="))
            v = v <= shift(a);
        else if (accept(a, ">="))
            v = v >= shift(a);
        else if (accept(a, "<"))
            v = v < shift(a);
        else if (accept(a, ">"))
            v = v > shift(a);
        else
            return v;
    }
}

static long long equality(struct arith *a)
{
    long long v = relational(a);
    for (;;) {
        if (accept(a, "=="))
            v = v == relational(a);
        else if (accept(a, "!="))
            v = v != relational(a);
        else
            return v;
    }
}

static long long bitwise(struct arith *a, int level)
{
    static const char *const ops[] = { "|", "^", "&" };
    long long v = level == 2 ? equality(a) : bitwise(a, level + 1);
    while (accept(a, ops[level])) {
        long long r = level == 2 ? equality(a) : bitwise(a, level + 1);
        v = level == 0 ? v | r : level == 1 ? v ^ r : v & r;
    }
    return v;
}

static long long logical_and(struct arith *a)
{
    long long v = bitwise(a, 0);
    while (accept(a, "&&")) {
        a->skip += !v;
        long long r = bitwise(a, 0);
        a->skip -= !v;
        v = v && r;
    }
    return v;
}

static long long logical_or(struct arith *a)
{
    long long v = logical_and(a);
    while (accept(a, "||")) {
        a->skip += !!v;
        long long r = logical_and(a);
        a->skip -= !!v;
        v = v || r;
    }
    return v;
}

static long long conditional(struct arith *a)
{
    long long c = logical_or(a);
    if (!accept(a, "?"))
        return c;
    a->skip += !c;
    long long yes = expr_comma(a);
    a->skip -= !c;
    if (!accept(a, ":"))
        fail(a, "missing ':'");
    a->skip += !!c;
    long long no = conditional(a);
    a->skip -= !!c;
    return c ? yes : no;
}

static long long expr_assign(struct arith *a)
{
    static const char *const ops[] = {
        "=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^=", NULL
    };
    const char *save = a->p;
    char *name = name_here(a);
    if (name) {
        blanks(a);
        for (int k = 0; ops[k]; k++) {
            size_t n = strlen(ops[k]);
            if (strncmp(a->p, ops[k], n) != 0 || (k == 0 && a->p[1] == '='))
                continue;
            a->p += n;
            long long r = expr_assign(a), l = k ? var_value(a, name) : 0;
            char op = ops[k][0];
            long long v = k == 0 ? r : op == '+' || op == '-' || op == '*' ? wrap(op, l, r) :
                     op == '/' || op == '%' ? divide(a, l, r, op) :
                     op == '<' ? (long long)((unsigned long long)l << (r & 63)) :
                     op == '>' ? l >> (r & 63) : op == '&' ? (l & r) :
                     op == '|' ? (l | r) : (l ^ r);
            var_store(a, name, v);
            free(name);
            return v;
        }
        free(name);
        a->p = save;
    }
    return conditional(a);
}

static long long expr_comma(struct arith *a)
{
    long long v = expr_assign(a);
    while (accept(a, ","))
        v = expr_assign(a);
    return v;
}

bool arith_eval(const char *expr, long long *out)
{
    struct arith a = { .p = expr };
    blanks(&a);
    long long v = *a.p ? expr_comma(&a) : 0;
    blanks(&a);
    if (!a.error && *a.p)
        a.error = "syntax error in expression";
    if (a.error) {
        sh_fatal(2, "arithmetic expression: %s: \"%s\"", a.error, expr);
        return false;
    }
    *out = v;
    return true;
}
