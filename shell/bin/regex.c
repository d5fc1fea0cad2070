/*
 * regex.c - a small POSIX regular-expression engine for grep and expr.
 * See regex.h for what it accepts and how it matches.
 *
 * Three stages:
 *   1. parse the pattern into a tree of nodes (recursion only as deep as
 *      the parentheses nest, which is limited);
 *   2. compile the tree into a program for a tiny machine (CHAR, SET,
 *      SPLIT, JMP, SAVE, ...), copying the body of a counted repetition
 *      as many times as the count says;
 *   3. run the program by backtracking over an explicit stack.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "regex.h"

#define DUP_MAX    255         /* largest count in {m,n} (POSIX RE_DUP_MAX) */
#define INF        (-1)        /* the max of {m,} */
#define MAX_DEPTH  40          /* nesting of parentheses */
#define MAX_HEIGHT 120         /* height of the tree: bounds compile()'s recursion */
#define MAX_PROG   100000      /* instructions */
#define MEMO_BITS  (32L << 20) /* largest "already tried" bitmap */

#define E_BRACKET  "Unmatched [, [^, [:, [., or [="
#define E_BIG      "Regular expression too big"
#define E_NOMEM    "Memory exhausted"

/* Grow *p (an array of *cap elements of `size` bytes) to hold n + 1. */
static int grow(void *p, int *cap, int n, size_t size)
{
    if (n < *cap)
        return 0;
    int c = *cap ? *cap * 2 : 64;
    void *q = realloc(*(void **)p, (size_t)c * size);
    if (!q)
        return -1;
    *(void **)p = q;
    *cap = c;
    return 0;
}

static int is_word(int c)
{
    return isalnum(c) || c == '_';
}

/* ---- stage 1: the tree ---------------------------------------------- */

enum { N_EMPTY, N_CHAR, N_ANY, N_SET, N_ASSERT, N_CAT, N_ALT, N_REPEAT,
       N_GROUP, N_BACKREF };

/* Zero-width assertions: ^ $ \b \B \< \>, and the two of grep -w. */
enum { A_BOL, A_EOL, A_WORDB, A_NWORDB, A_WBEGIN, A_WEND, A_NOWORD_BEFORE,
       A_NOWORD_AFTER };

/* CAT and ALT have their children in a list (child, then next, next...);
 * GROUP and REPEAT have one child. */
struct node {
    unsigned char type;
    int val;                   /* char, set, assertion, group or backref */
    int min, max;              /* N_REPEAT */
    int child, next, last;     /* -1: none */
    int h;                     /* height of the subtree */
};

typedef unsigned char charset[32];

struct parser {
    const char *p;
    int flags, ere;
    struct node *nodes;
    int nnodes, cap;
    charset *sets;
    int nsets, setcap;
    int ngroups, closed;       /* groups opened, groups closed so far */
    int depth;
    const char *err;
};

static int fail(struct parser *ps, const char *msg)
{
    if (!ps->err)
        ps->err = msg;
    return -1;
}

static int new_node(struct parser *ps, int type, int val)
{
    if (grow(&ps->nodes, &ps->cap, ps->nnodes, sizeof *ps->nodes) < 0)
        return fail(ps, E_NOMEM);
    ps->nodes[ps->nnodes] = (struct node){ (unsigned char)type, val, 0, 0, -1, -1, -1, 1 };
    return ps->nnodes++;
}

/* Make child the last child of parent, keeping the heights right. */
static void adopt(struct parser *ps, int parent, int child)
{
    struct node *p = &ps->nodes[parent];
    if (p->last < 0)
        p->child = child;
    else
        ps->nodes[p->last].next = child;
    p->last = child;
    if (ps->nodes[child].h >= p->h)
        p->h = ps->nodes[child].h + 1;
}

/* A node matching one byte out of a set, which starts empty. */
static int new_set(struct parser *ps, unsigned char **set)
{
    if (grow(&ps->sets, &ps->setcap, ps->nsets, sizeof(charset)) < 0)
        return fail(ps, E_NOMEM);
    *set = ps->sets[ps->nsets];
    memset(*set, 0, sizeof(charset));
    return new_node(ps, N_SET, ps->nsets++);
}

static void set_add(unsigned char *set, int c, int icase)
{
    set[c >> 3] |= (unsigned char)(1 << (c & 7));
    if (icase && isalpha(c)) {
        int o = islower(c) ? toupper(c) : tolower(c);
        set[o >> 3] |= (unsigned char)(1 << (o & 7));
    }
}

/* [:name:] inside a bracket expression. */
static int add_class(struct parser *ps, unsigned char *set, const char *name, size_t len)
{
    static const struct { const char *name; int (*test)(int); } classes[] = {
        { "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum },
        { "upper", isupper }, { "lower", islower }, { "space", isspace },
        { "blank", isblank }, { "punct", ispunct }, { "print", isprint },
        { "graph", isgraph }, { "cntrl", iscntrl }, { "xdigit", isxdigit },
    };
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        if (strlen(classes[i].name) != len || memcmp(classes[i].name, name, len) != 0)
            continue;
        /* With -i, [:upper:] and [:lower:] both mean letters. */
        int icase = (ps->flags & RX_ICASE) && (i == 3 || i == 4);
        for (int c = 0; c < 256; c++)
            if (classes[i].test(c))
                set_add(set, c, icase);
        return 0;
    }
    return fail(ps, "Invalid character class name");
}

/* One element of a bracket expression: a character, [.c.] or [=c=]. */
static int bracket_char(struct parser *ps)
{
    const char *p = ps->p;
    if (p[0] == '[' && (p[1] == '.' || p[1] == '=')) {
        if (p[2] == '\0' || p[3] != p[1] || p[4] != ']')
            return fail(ps, E_BRACKET);
        ps->p = p + 5;
        return (unsigned char)p[2];
    }
    if (*p == '\0')
        return fail(ps, E_BRACKET);
    ps->p = p + 1;
    return (unsigned char)*p;
}

/* [...]: ps->p is just after the '['. A ']' first is a member. */
static int parse_bracket(struct parser *ps)
{
    unsigned char *set;
    int node = new_set(ps, &set), negate = *ps->p == '^';
    ps->p += negate;
    for (int first = 1; node >= 0 && (first || *ps->p != ']'); first = 0) {
        if (ps->p[0] == '[' && ps->p[1] == ':') {
            const char *name = ps->p + 2, *end = strstr(name, ":]");
            if (!end)
                return fail(ps, E_BRACKET);
            if (add_class(ps, set, name, (size_t)(end - name)) < 0)
                return -1;
            ps->p = end + 2;
            continue;
        }
        int lo = bracket_char(ps), hi = lo;
        if (lo >= 0 && ps->p[0] == '-' && ps->p[1] != ']' && ps->p[1] != '\0') {
            ps->p++;
            if ((hi = bracket_char(ps)) >= 0 && hi < lo)
                return fail(ps, "Invalid range end");
        }
        if (lo < 0 || hi < 0)
            return -1;
        for (int c = lo; c <= hi; c++)
            set_add(set, c, ps->flags & RX_ICASE);
    }
    ps->p++;
    for (int i = 0; negate && i < 32; i++)
        set[i] ^= 0xff;
    return node;
}

/* \w \W \s \S. */
static int class_escape(struct parser *ps, char c)
{
    unsigned char *set;
    int node = new_set(ps, &set);
    for (int ch = 0; node >= 0 && ch < 256; ch++) {
        int in = (c == 'w' || c == 'W') ? is_word(ch) : isspace(ch) != 0;
        if (in == (c == 'w' || c == 's'))
            set_add(set, ch, 0);
    }
    return node;
}

static int literal(struct parser *ps, int c)
{
    unsigned char *set;
    if (!(ps->flags & RX_ICASE) || !isalpha(c))
        return new_node(ps, N_CHAR, c);
    int node = new_set(ps, &set);
    if (node >= 0)
        set_add(set, c, 1);
    return node;
}

static int parse_alt(struct parser *ps);

/* \( ... \) or ( ... ): ps->p is just after the opening parenthesis. */
static int parse_group(struct parser *ps)
{
    const char *close = ps->ere ? ")" : "\\)";
    if (++ps->depth > MAX_DEPTH)
        return fail(ps, E_BIG);
    int index = ++ps->ngroups, body = parse_alt(ps), group;
    if (body < 0)
        return -1;
    if (strncmp(ps->p, close, strlen(close)) != 0)
        return fail(ps, "Unmatched ( or \\(");
    ps->p += strlen(close);
    ps->depth--;
    ps->closed = index > ps->closed ? index : ps->closed;
    if ((group = new_node(ps, N_GROUP, index)) >= 0)
        adopt(ps, group, body);
    return group;
}

/* What follows a backslash (ps->p is on the character after it). */
static int parse_escape(struct parser *ps)
{
    static const char asserts[] = "bB<>";
    char c = *ps->p++;
    if (c == '\0')
        return fail(ps, "Trailing backslash");
    if (c >= '1' && c <= '9' && c - '0' > ps->closed)
        return fail(ps, "Invalid back reference");
    if (c >= '1' && c <= '9')
        return new_node(ps, N_BACKREF, c - '0');
    if (strchr(asserts, c))
        return new_node(ps, N_ASSERT, A_WORDB + (int)(strchr(asserts, c) - asserts));
    if (strchr("wWsS", c))
        return class_escape(ps, c);
    if (!ps->ere && c == '(')
        return parse_group(ps);
    return literal(ps, (unsigned char)c);
}

/* One atom, or -2 at the end of a concatenation. `first`: at the start of
 * the pattern, a group or an alternative, where BRE '*' and '^' differ. */
static int parse_atom(struct parser *ps, int first)
{
    const char *p = ps->p;
    int bre_end = !ps->ere && p[0] == '\\' && (p[1] == '|' || p[1] == ')');
    if (*p == '\0' || (ps->ere && (*p == '|' || (*p == ')' && ps->depth > 0))) ||
        (bre_end && (p[1] == '|' || ps->depth > 0)))
        return -2;
    if (bre_end)
        return fail(ps, "Unmatched ) or \\)");
    ps->p++;
    switch (*p) {
    case '.': return new_node(ps, N_ANY, 0);
    case '[': return parse_bracket(ps);
    case '\\': return parse_escape(ps);
    case '(':
        return ps->ere ? parse_group(ps) : literal(ps, '(');
    case '^':
        return ps->ere || first ? new_node(ps, N_ASSERT, A_BOL) : literal(ps, '^');
    case '$':                  /* BRE: an anchor only at the end of an RE */
        if (ps->ere || p[1] == '\0' || !strncmp(p + 1, "\\)", 2) || !strncmp(p + 1, "\\|", 2))
            return new_node(ps, N_ASSERT, A_EOL);
        return literal(ps, '$');
    case '*': case '+': case '?':
        /* ERE: a repetition of nothing, which GNU ignores. */
        return ps->ere && first ? new_node(ps, N_EMPTY, 0) : literal(ps, *p);
    default:
        return literal(ps, (unsigned char)*p);
    }
}

static int number(const char **p, long *v)
{
    if (!isdigit((unsigned char)**p))
        return 0;
    for (*v = 0; isdigit((unsigned char)**p); (*p)++)
        *v = *v > DUP_MAX ? *v : *v * 10 + (**p - '0');
    return 1;
}

/* "m}", "m,}", "m,n}", ",n}" after the '{' (BRE: "\}"). Returns 1 and
 * moves past it when the syntax is right, 0 if it is no interval at all
 * (ERE then reads '{' literally), -1 on an error. */
static int parse_interval(struct parser *ps, int *min, int *max)
{
    const char *p = ps->p, *close = ps->ere ? "}" : "\\}";
    long lo = 0, hi;
    int digits = number(&p, &lo), second = 0;
    hi = lo;
    if (*p == ',') {
        p++;
        if (!(second = number(&p, &hi)))
            hi = INF;
    }
    if (!digits && !second)    /* "{}", "{,}", "{x" */
        return ps->ere ? 0 : fail(ps, "Invalid content of \\{\\}");
    if (strncmp(p, close, strlen(close)) != 0)
        return ps->ere ? 0 : fail(ps, "Unmatched \\{");
    if (lo > DUP_MAX || hi > DUP_MAX)
        return fail(ps, E_BIG);
    if (hi != INF && hi < lo)
        return fail(ps, "Invalid content of \\{\\}");
    ps->p = p + strlen(close);
    *min = (int)lo;
    *max = (int)hi;
    return 1;
}

/* A repetition operator after an atom: 1 (with min/max), 0 if none. */
static int parse_quantifier(struct parser *ps, int *min, int *max)
{
    const char *p = ps->p;
    int escaped = !ps->ere && p[0] == '\\';
    char c = p[escaped];
    if (c == '*' && !escaped)
        *min = 0, *max = INF;
    else if (escaped != !ps->ere || !strchr("+?{", c) || c == '\0')
        return 0;
    else if (c == '+')
        *min = 1, *max = INF;
    else if (c == '?')
        *min = 0, *max = 1;
    ps->p += 1 + escaped;
    if (c != '{')
        return 1;
    int r = parse_interval(ps, min, max);
    if (r <= 0)
        ps->p = p;
    return r;
}

/* Concatenation of pieces, each an atom and its repetition operators. */
static int parse_cat(struct parser *ps)
{
    int cat = new_node(ps, N_CAT, 0), first = 1;
    while (cat >= 0) {
        if (!ps->ere && first && !strncmp(ps->p, "\\{", 2))
            ps->p++;           /* BRE: "\{" at the start is a literal '{' */
        int atom = parse_atom(ps, first), min, max, r, rep;
        if (atom == -2)
            break;
        if (atom < 0)
            return -1;
        /* BRE: after a leading ^, '*' is still literal. */
        first = !ps->ere && first && ps->nodes[atom].type == N_ASSERT &&
                ps->nodes[atom].val == A_BOL;
        while ((r = parse_quantifier(ps, &min, &max)) > 0) {
            if ((rep = new_node(ps, N_REPEAT, 0)) < 0)
                return -1;
            ps->nodes[rep].min = min;
            ps->nodes[rep].max = max;
            adopt(ps, rep, atom);
            atom = rep;
        }
        if (r < 0)
            return -1;
        adopt(ps, cat, atom);
    }
    return cat;
}

static int parse_alt(struct parser *ps)
{
    const char *bar = ps->ere ? "|" : "\\|";
    int alt = new_node(ps, N_ALT, 0);
    while (alt >= 0) {
        int cat = parse_cat(ps);
        if (cat < 0)
            return -1;
        adopt(ps, alt, cat);
        if (strncmp(ps->p, bar, strlen(bar)) != 0)
            break;
        ps->p += strlen(bar);
    }
    return alt;
}
