/*
 * arith.c - arithmetic expansion, $((...)): C's integer expressions on
 * longs, with shell variables as operands (an unset or empty one is 0) and
 * assignment (= += -= ... ++ --). Parsed and evaluated in one recursive
 * descent, one function per precedence level; the operands of && || ?:
 * that are not evaluated are parsed with `skip` set, so their assignments
 * and divisions do nothing.
 */
#include "sh.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arith {
    const char *p;
    int  skip;              /* inside an operand that is not evaluated */
    int  depth;             /* variables holding expressions: bounded */
    const char *error;
};

static long expr_comma(struct arith *a);
static long expr_assign(struct arith *a);

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
    if (n == 1 && strchr("+-&|<>", op[0]) && next == op[0])
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

static long var_value(struct arith *a, const char *name)
{
    const char *v = var_get(name);
    if (!v || !*v)
        return 0;
    char *end;
    long n = strtol(v, &end, 0);
    while (isspace((unsigned char)*end))
        end++;
    if (!*end)
        return n;
    if (a->depth > 16) {
        fail(a, "expression recursion level exceeded");
        return 0;
    }
    struct arith sub = { .p = v, .depth = a->depth + 1 };
    n = expr_comma(&sub);
    if (sub.error || *sub.p)
        fail(a, sub.error ? sub.error : "syntax error in expression");
    return n;
}

static void var_store(struct arith *a, const char *name, long v)
{
    if (a->skip)
        return;
    char buf[24];
    snprintf(buf, sizeof buf, "%ld", v);
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

static long primary(struct arith *a)
{
    blanks(a);
    if (accept(a, "(")) {
        long v = expr_comma(a);
        if (!accept(a, ")"))
            fail(a, "missing ')'");
        return v;
    }
    if (isdigit((unsigned char)*a->p)) {
        char *end;
        long v = strtol(a->p, &end, 0);
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
    long v = var_value(a, name);
    if (accept(a, "++"))
        var_store(a, name, v + 1);
    else if (accept(a, "--"))
        var_store(a, name, v - 1);
    free(name);
    return v;
}

static long unary(struct arith *a)
{
    if (accept(a, "++") || accept(a, "--")) {
        long delta = a->p[-1] == '+' ? 1 : -1;
        char *name = name_here(a);
        if (!name) {
            fail(a, "syntax error in expression");
            return 0;
        }
        long v = var_value(a, name) + delta;
        var_store(a, name, v);
        free(name);
        return v;
    }
    if (accept(a, "-"))
        return -unary(a);
    if (accept(a, "+"))
        return unary(a);
    if (accept(a, "!"))
        return !unary(a);
    if (accept(a, "~"))
        return ~unary(a);
    return primary(a);
}

static long divide(struct arith *a, long l, long r, char op)
{
    if (r == 0) {
        if (!a->skip)
            fail(a, "division by zero");
        return 0;
    }
    if (l == (-9223372036854775807L - 1) && r == -1)
        return op == '/' ? l : 0;
    return op == '/' ? l / r : l % r;
}

/* The binary levels, loosest last. */
static long multiplicative(struct arith *a)
{
    long v = unary(a);
    for (;;) {
        if (accept(a, "*"))
            v = (long)((unsigned long)v * (unsigned long)unary(a));
        else if (accept(a, "/"))
            v = divide(a, v, unary(a), '/');
        else if (accept(a, "%"))
            v = divide(a, v, unary(a), '%');
        else
            return v;
    }
}

static long additive(struct arith *a)
{
    long v = multiplicative(a);
    for (;;) {
        if (accept(a, "+"))
            v = (long)((unsigned long)v + (unsigned long)multiplicative(a));
        else if (accept(a, "-"))
            v = (long)((unsigned long)v - (unsigned long)multiplicative(a));
        else
            return v;
    }
}

static long shift(struct arith *a)
{
    long v = additive(a);
    for (;;) {
        if (accept(a, "<<"))
            v = (long)((unsigned long)v << (additive(a) & 63));
        else if (accept(a, ">>"))
            v >>= additive(a) & 63;
        else
            return v;
    }
}

static long relational(struct arith *a)
{
    long v = shift(a);
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

static long equality(struct arith *a)
{
    long v = relational(a);
    for (;;) {
        if (accept(a, "=="))
            v = v == relational(a);
        else if (accept(a, "!="))
            v = v != relational(a);
        else
            return v;
    }
}

static long bitwise(struct arith *a, int level)
{
    static const char *const ops[] = { "|", "^", "&" };
    long v = level == 2 ? equality(a) : bitwise(a, level + 1);
    while (accept(a, ops[level])) {
        long r = level == 2 ? equality(a) : bitwise(a, level + 1);
        v = level == 0 ? v | r : level == 1 ? v ^ r : v & r;
    }
    return v;
}

static long logical_and(struct arith *a)
{
    long v = bitwise(a, 0);
    while (accept(a, "&&")) {
        a->skip += !v;
        long r = bitwise(a, 0);
        a->skip -= !v;
        v = v && r;
    }
    return v;
}

static long logical_or(struct arith *a)
{
    long v = logical_and(a);
    while (accept(a, "||")) {
        a->skip += !!v;
        long r = logical_and(a);
        a->skip -= !!v;
        v = v || r;
    }
    return v;
}

static long conditional(struct arith *a)
{
    long c = logical_or(a);
    if (!accept(a, "?"))
        return c;
    a->skip += !c;
    long yes = expr_comma(a);
    a->skip -= !c;
    if (!accept(a, ":"))
        fail(a, "missing ':'");
    a->skip += !!c;
    long no = conditional(a);
    a->skip -= !!c;
    return c ? yes : no;
}

static long expr_assign(struct arith *a)
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
            long r = expr_assign(a), l = k ? var_value(a, name) : 0;
            char op = ops[k][0];
            long v = k == 0 ? r : op == '+' ? l + r : op == '-' ? l - r :
                     op == '*' ? l * r : op == '/' || op == '%' ? divide(a, l, r, op) :
                     op == '<' ? (long)((unsigned long)l << (r & 63)) :
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

static long expr_comma(struct arith *a)
{
    long v = expr_assign(a);
    while (accept(a, ","))
        v = expr_assign(a);
    return v;
}

bool arith_eval(const char *expr, long *out)
{
    struct arith a = { .p = expr };
    blanks(&a);
    long v = *a.p ? expr_comma(&a) : 0;
    blanks(&a);
    if (!a.error && *a.p)
        a.error = "syntax error in expression";
    if (a.error) {
        sh_error("arithmetic: %s", a.error);
        return false;
    }
    *out = v;
    return true;
}
