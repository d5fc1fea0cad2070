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

#define DUP_MAX   255          /* largest count in {m,n} (POSIX RE_DUP_MAX) */
#define INF       (-1)         /* {m,} */
#define MAX_DEPTH 40           /* nesting of parentheses */
#define MAX_HEIGHT 120         /* height of the tree (bounds compile's recursion) */
#define MAX_PROG  100000       /* instructions */
#define MEMO_BITS (32L << 20)  /* largest "already tried" bitmap */

/* ---- stage 1: the tree ---------------------------------------------- */

enum { N_EMPTY, N_CHAR, N_ANY, N_SET, N_ASSERT, N_CAT, N_ALT, N_REPEAT,
       N_GROUP, N_BACKREF };

/* Zero-width assertions. */
enum { A_BOL, A_EOL, A_WORDB, A_NWORDB, A_WBEGIN, A_WEND, A_NOWORD_BEFORE,
       A_NOWORD_AFTER };

/* CAT and ALT have their children in a list: child, then next, next... */
struct node {
    unsigned char type;
    int val;                   /* char, set, assertion, group or backref */
    int min, max;              /* N_REPEAT */
    int child, next;           /* -1: none */
    int h;                     /* height of the subtree */
};

struct parser {
    const char *p;
    int flags;
    struct node *nodes;
    int nnodes, cap;
    unsigned char (*sets)[32];
    int nsets;
    int ngroups, closed;       /* groups opened, groups closed so far */
    int depth;
    const char *err;
};

static int ere(const struct parser *ps)
{
    return ps->flags & RX_EXTENDED;
}

static int fail(struct parser *ps, const char *msg)
{
    if (!ps->err)
        ps->err = msg;
    return -1;
}

static int new_node(struct parser *ps, int type, int val)
{
    if (ps->nnodes == ps->cap) {
        int cap = ps->cap ? ps->cap * 2 : 64;
        struct node *n = realloc(ps->nodes, (size_t)cap * sizeof *n);
        if (!n)
            return fail(ps, "Memory exhausted");
        ps->nodes = n;
        ps->cap = cap;
    }
    struct node *n = &ps->nodes[ps->nnodes];
    *n = (struct node){ (unsigned char)type, val, 0, 0, -1, -1, 1 };
    return ps->nnodes++;
}

static int new_set(struct parser *ps)
{
    unsigned char (*s)[32] = realloc(ps->sets, (size_t)(ps->nsets + 1) * 32);
    if (!s)
        return fail(ps, "Memory exhausted");
    ps->sets = s;
    memset(s[ps->nsets], 0, 32);
    return ps->nsets++;
}

static void set_add(unsigned char *set, int c, int icase)
{
    set[c >> 3] |= (unsigned char)(1 << (c & 7));
    if (icase && isalpha(c)) {
        int o = islower(c) ? toupper(c) : tolower(c);
        set[o >> 3] |= (unsigned char)(1 << (o & 7));
    }
}

static int is_word(int c)
{
    return isalnum(c) || c == '_';
}

/* Character classes by name; "word" and "notword" serve \w, \s... */
static int class_member(const char *name, size_t len, int c)
{
    static const char *names[] = { "alpha", "digit", "alnum", "upper", "lower",
        "space", "blank", "punct", "print", "graph", "cntrl", "xdigit", NULL };
    int (*const tests[])(int) = { isalpha, isdigit, isalnum, isupper, islower,
        isspace, isblank, ispunct, isprint, isgraph, iscntrl, isxdigit };
    for (int i = 0; names[i]; i++)
        if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
            return tests[i](c) != 0;
    return -1;
}

static int add_class(struct parser *ps, int set, const char *name, size_t len)
{
    if (class_member(name, len, 'a') < 0)
        return fail(ps, "Invalid character class name");
    int icase = (ps->flags & RX_ICASE) && (len == 5 && (!memcmp(name, "upper", 5) ||
                                                        !memcmp(name, "lower", 5)));
    for (int c = 0; c < 256; c++)
        if (class_member(name, len, c))
            set_add(ps->sets[set], c, icase);
    return 0;
}

/* One element of a bracket expression: a character, [.c.] or [=c=]. */
static int bracket_char(struct parser *ps)
{
    const char *p = ps->p;
    if (p[0] == '[' && (p[1] == '.' || p[1] == '=')) {
        if (p[2] == '\0' || p[3] != p[1] || p[4] != ']')
            return fail(ps, "Unmatched [, [^, [:, [., or [=");
        ps->p = p + 5;
        return (unsigned char)p[2];
    }
    if (*p == '\0')
        return fail(ps, "Unmatched [, [^, [:, [., or [=");
    ps->p = p + 1;
    return (unsigned char)*p;
}

/* [...]: ps->p is just after the '['. */
static int parse_bracket(struct parser *ps)
{
    int set = new_set(ps), negate = 0, icase = ps->flags & RX_ICASE;
    if (set < 0)
        return -1;
    if (*ps->p == '^') {
        negate = 1;
        ps->p++;
    }
    for (int first = 1; first || *ps->p != ']'; first = 0) {
        if (ps->p[0] == '[' && ps->p[1] == ':') {
            const char *name = ps->p + 2, *end = strstr(name, ":]");
            if (!end)
                return fail(ps, "Unmatched [, [^, [:, [., or [=");
            if (add_class(ps, set, name, (size_t)(end - name)) < 0)
                return -1;
            ps->p = end + 2;
            continue;
        }
        int lo = bracket_char(ps), hi = lo;
        if (lo < 0)
            return -1;
        if (ps->p[0] == '-' && ps->p[1] != ']' && ps->p[1] != '\0') {
            ps->p++;
            if ((hi = bracket_char(ps)) < 0)
                return -1;
            if (hi < lo)
                return fail(ps, "Invalid range end");
        }
        for (int c = lo; c <= hi; c++)
            set_add(ps->sets[set], c, icase);
    }
    ps->p++;
    if (negate)
        for (int i = 0; i < 32; i++)
            ps->sets[set][i] ^= 0xff;
    return new_node(ps, N_SET, set);
}

/* \w \W \s \S as sets. */
static int class_escape(struct parser *ps, char c)
{
    int set = new_set(ps);
    if (set < 0)
        return -1;
    for (int ch = 0; ch < 256; ch++) {
        int in = (c == 'w' || c == 'W') ? is_word(ch) : isspace(ch) != 0;
        if (in == (c == 'w' || c == 's'))
            set_add(ps->sets[set], ch, 0);
    }
    return new_node(ps, N_SET, set);
}

static int literal(struct parser *ps, int c)
{
    if ((ps->flags & RX_ICASE) && isalpha(c)) {
        int set = new_set(ps);
        if (set < 0)
            return -1;
        set_add(ps->sets[set], c, 1);
        return new_node(ps, N_SET, set);
    }
    return new_node(ps, N_CHAR, c);
}

static int parse_alt(struct parser *ps);

/* \( ... \) or ( ... ): ps->p is just after the opening parenthesis. */
static int parse_group(struct parser *ps)
{
    if (++ps->depth > MAX_DEPTH)
        return fail(ps, "Regular expression too big");
    int index = ++ps->ngroups;
    int body = parse_alt(ps);
    if (body < 0)
        return -1;
    const char *close = ere(ps) ? ")" : "\\)";
    if (strncmp(ps->p, close, strlen(close)) != 0)
        return fail(ps, "Unmatched ( or \\(");
    ps->p += strlen(close);
    ps->depth--;
    ps->closed = index > ps->closed ? index : ps->closed;
    int g = new_node(ps, N_GROUP, index);
    if (g >= 0) {
        ps->nodes[g].child = body;
        ps->nodes[g].h = ps->nodes[body].h + 1;
    }
    return g;
}

/* What follows a backslash (ps->p is on the character after it). */
static int parse_escape(struct parser *ps)
{
    char c = *ps->p++;
    static const char asserts[] = "bB<>";
    const char *a = c ? strchr(asserts, c) : NULL;
    if (c == '\0')
        return fail(ps, "Trailing backslash");
    if (c >= '1' && c <= '9') {
        if (c - '0' > ps->closed)
            return fail(ps, "Invalid back reference");
        return new_node(ps, N_BACKREF, c - '0');
    }
    if (a)
        return new_node(ps, N_ASSERT, A_WORDB + (int)(a - asserts));
    if (c && strchr("wWsS", c))
        return class_escape(ps, c);
    if (!ere(ps) && c == '(')
        return parse_group(ps);
    return literal(ps, (unsigned char)c);
}

/* Whether a BRE '$' here is an anchor: at the end of the pattern or of a
 * group or alternative. */
static int bre_dollar_anchor(const char *after)
{
    return *after == '\0' || !strncmp(after, "\\)", 2) || !strncmp(after, "\\|", 2);
}

/* One atom, or -2 at the end of a concatenation. `first`: at the start of
 * the pattern, a group or an alternative (where BRE '*' and '^' differ). */
static int parse_atom(struct parser *ps, int first)
{
    const char *p = ps->p;
    char c = *p;
    if (c == '\0' || (ere(ps) && c == '|') || (ere(ps) && c == ')' && ps->depth > 0))
        return -2;
    if (!ere(ps) && c == '\\' && (p[1] == '|' || (p[1] == ')' && ps->depth > 0)))
        return -2;
    if (!ere(ps) && c == '\\' && p[1] == ')')
        return fail(ps, "Unmatched ) or \\)");
    ps->p++;
    switch (c) {
    case '.': return new_node(ps, N_ANY, 0);
    case '[': return parse_bracket(ps);
    case '\\': return parse_escape(ps);
    case '^':
        if (ere(ps) || first)
            return new_node(ps, N_ASSERT, A_BOL);
        break;
    case '$':
        if (ere(ps) || bre_dollar_anchor(ps->p))
            return new_node(ps, N_ASSERT, A_EOL);
        break;
    case '(':
        if (ere(ps))
            return parse_group(ps);
        break;
    case '*': case '+': case '?':
        /* ERE: a repetition of nothing (GNU ignores it). */
        if (ere(ps) && first)
            return new_node(ps, N_EMPTY, 0);
        break;
    }
    return literal(ps, (unsigned char)c);
}

/* "m}", "m,}", "m,n}", ",n}" after the '{'; BRE ends with "\}". Returns
 * 1 and moves past it when the syntax is right, 0 if it is not an
 * interval at all (ERE then reads '{' literally), -1 on an error. */
static int parse_interval(struct parser *ps, int *min, int *max)
{
    const char *p = ps->p;
    long lo = 0, hi;
    int digits = 0;
    for (; isdigit((unsigned char)*p) && lo <= DUP_MAX; p++, digits++)
        lo = lo * 10 + (*p - '0');
    hi = lo;
    if (*p == ',') {
        p++;
        hi = INF;
        if (isdigit((unsigned char)*p))
            for (hi = 0; isdigit((unsigned char)*p) && hi <= DUP_MAX; p++)
                hi = hi * 10 + (*p - '0');
        else if (!digits && ere(ps))
            return 0;              /* "{,}" */
    } else if (!digits) {
        return ere(ps) ? 0 : fail(ps, "Invalid content of \\{\\}");
    }
    const char *close = ere(ps) ? "}" : "\\}";
    if (strncmp(p, close, strlen(close)) != 0)
        return ere(ps) ? 0 : fail(ps, "Unmatched \\{");
    if (lo > DUP_MAX || hi > DUP_MAX)
        return fail(ps, "Regular expression too big");
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
    int bre_escaped = !ere(ps) && p[0] == '\\';
    char c = bre_escaped ? p[1] : p[0];
    if (c == '*' && !bre_escaped)
        *min = 0, *max = INF;
    else if (c == '+' && bre_escaped == !ere(ps))
        *min = 1, *max = INF;
    else if (c == '?' && bre_escaped == !ere(ps))
        *min = 0, *max = 1;
    else if (c == '{' && bre_escaped == !ere(ps)) {
        ps->p += bre_escaped ? 2 : 1;
        int r = parse_interval(ps, min, max);
        if (r <= 0)
            ps->p = p;
        return r;
    } else
        return 0;
    ps->p += bre_escaped ? 2 : 1;
    return 1;
}

/* Concatenation of pieces (atom + repetitions). */
static int parse_cat(struct parser *ps)
{
    int cat = new_node(ps, N_CAT, 0), last = -1, first = 1;
    while (cat >= 0) {
        /* BRE: "\{" at the start is a literal '{'. */
        if (!ere(ps) && first && !strncmp(ps->p, "\\{", 2)) {
            ps->p++;
        }
        int atom = parse_atom(ps, first);
        if (atom == -2)
            break;
        if (atom < 0)
            return -1;
        int was_bol = ps->nodes[atom].type == N_ASSERT && ps->nodes[atom].val == A_BOL;
        int min, max, r;
        while ((r = parse_quantifier(ps, &min, &max)) > 0) {
            int rep = new_node(ps, N_REPEAT, 0);
            if (rep < 0)
                return -1;
            ps->nodes[rep].min = min;
            ps->nodes[rep].max = max;
            ps->nodes[rep].child = atom;
            ps->nodes[rep].h = ps->nodes[atom].h + 1;
            atom = rep;
        }
        if (r < 0)
            return -1;
        if (last < 0)
            ps->nodes[cat].child = atom;
        else
            ps->nodes[last].next = atom;
        last = atom;
        if (ps->nodes[atom].h >= ps->nodes[cat].h)
            ps->nodes[cat].h = ps->nodes[atom].h + 1;
        /* BRE: after a leading ^, '*' is still literal. */
        first = !ere(ps) && first && was_bol;
    }
    return cat;
}

static int parse_alt(struct parser *ps)
{
    int alt = new_node(ps, N_ALT, 0), last = -1;
    while (alt >= 0) {
        int cat = parse_cat(ps);
        if (cat < 0)
            return -1;
        if (last < 0)
            ps->nodes[alt].child = cat;
        else
            ps->nodes[last].next = cat;
        last = cat;
        if (ps->nodes[cat].h >= ps->nodes[alt].h)
            ps->nodes[alt].h = ps->nodes[cat].h + 1;
        const char *bar = ere(ps) ? "|" : "\\|";
        if (strncmp(ps->p, bar, strlen(bar)) != 0)
            break;
        ps->p += strlen(bar);
    }
    return alt;
}

/* ---- stage 2: the program -------------------------------------------- */

enum { I_CHAR, I_ANY, I_SET, I_ASSERT, I_SPLIT, I_JMP, I_SAVE, I_MARK, I_CHECK,
       I_BACKREF, I_MATCH };

/* SPLIT x y: try x, then y. SAVE/MARK n: slot n = position. CHECK n:
 * fail unless the position moved since MARK n (a loop body that matched
 * nothing must not go round again). */
struct inst {
    unsigned char op;
    int x, y;
};

struct rx {
    int flags, nsub, nslots;
    struct inst *prog;
    int nprog, cap;
    unsigned char (*sets)[32];
    int has_backref;
    int first_char;            /* the first instruction's CHAR, or -1 */
    int nloops;
    /* scratch for rx_search */
    long *slots, *best;
    unsigned char *memo;
    size_t memo_bytes;
    struct frame { int pc; long pos; } *stack;
    size_t stack_cap;
};

static int emit(rx_t *re, int op, int x, int y)
{
    if (re->nprog == re->cap) {
        if (re->cap >= MAX_PROG)
            return -1;
        int cap = re->cap ? re->cap * 2 : 64;
        struct inst *p = realloc(re->prog, (size_t)cap * sizeof *p);
        if (!p)
            return -1;
        re->prog = p;
        re->cap = cap;
    }
    re->prog[re->nprog] = (struct inst){ (unsigned char)op, x, y };
    return re->nprog++;
}

static int compile(rx_t *re, const struct node *nodes, int n);

/* x{min,max}: min copies, then either a loop or (max - min) optional
 * copies, each SPLIT of which jumps to the end when it gives up. */
static int compile_repeat(rx_t *re, const struct node *nodes, const struct node *n)
{
    for (int i = 0; i < n->min; i++)
        if (compile(re, nodes, n->child) < 0)
            return -1;
    if (n->max == INF) {
        int reg = re->nloops++;
        int split = emit(re, I_SPLIT, 0, 0);
        if (split < 0 || emit(re, I_MARK, reg, 0) < 0 || compile(re, nodes, n->child) < 0 ||
            emit(re, I_CHECK, reg, 0) < 0 || emit(re, I_JMP, split, 0) < 0)
            return -1;
        re->prog[split].x = split + 1;
        re->prog[split].y = re->nprog;
        return 0;
    }
    int chain = -1;            /* SPLITs to patch, linked through y */
    for (int i = n->min; i < n->max; i++) {
        int split = emit(re, I_SPLIT, 0, chain);
        if (split < 0 || compile(re, nodes, n->child) < 0)
            return -1;
        re->prog[split].x = split + 1;
        chain = split;
    }
    while (chain >= 0) {
        int next = re->prog[chain].y;
        re->prog[chain].y = re->nprog;
        chain = next;
    }
    return 0;
}

static int compile_alt(rx_t *re, const struct node *nodes, const struct node *n)
{
    int chain = -1;            /* JMPs to the end, linked through x */
    for (int c = n->child; c >= 0; c = nodes[c].next) {
        int split = -1;
        if (nodes[c].next >= 0 && (split = emit(re, I_SPLIT, 0, 0)) < 0)
            return -1;
        if (split >= 0)
            re->prog[split].x = split + 1;
        if (compile(re, nodes, c) < 0)
            return -1;
        if (nodes[c].next >= 0) {
            if ((chain = emit(re, I_JMP, chain, 0)) < 0)
                return -1;
            re->prog[split].y = re->nprog;
        }
    }
    while (chain >= 0) {
        int next = re->prog[chain].x;
        re->prog[chain].x = re->nprog;
        chain = next;
    }
    return 0;
}

static int compile(rx_t *re, const struct node *nodes, int i)
{
    const struct node *n = &nodes[i];
    switch (n->type) {
    case N_EMPTY: return 0;
    case N_CHAR: return emit(re, I_CHAR, n->val, 0);
    case N_ANY: return emit(re, I_ANY, 0, 0);
    case N_SET: return emit(re, I_SET, n->val, 0);
    case N_ASSERT: return emit(re, I_ASSERT, n->val, 0);
    case N_BACKREF:
        re->has_backref = 1;
        return emit(re, I_BACKREF, n->val, 0);
    case N_REPEAT: return compile_repeat(re, nodes, n);
    case N_ALT: return compile_alt(re, nodes, n);
    case N_GROUP:
        if (emit(re, I_SAVE, 2 * n->val, 0) < 0 || compile(re, nodes, n->child) < 0)
            return -1;
        return emit(re, I_SAVE, 2 * n->val + 1, 0);
    default:                   /* N_CAT */
        for (int c = n->child; c >= 0; c = nodes[c].next)
            if (compile(re, nodes, c) < 0)
                return -1;
        return 0;
    }
}

/* The whole program: SAVE 0, the -x/-w guards, the pattern, SAVE 1, MATCH. */
static int compile_all(rx_t *re, const struct node *nodes, int root)
{
    int line = re->flags & RX_LINE, word = re->flags & RX_WORD;
    if (emit(re, I_SAVE, 0, 0) < 0 ||
        (line && emit(re, I_ASSERT, A_BOL, 0) < 0) ||
        (word && emit(re, I_ASSERT, A_NOWORD_BEFORE, 0) < 0) ||
        compile(re, nodes, root) < 0 ||
        (word && emit(re, I_ASSERT, A_NOWORD_AFTER, 0) < 0) ||
        (line && emit(re, I_ASSERT, A_EOL, 0) < 0) ||
        emit(re, I_SAVE, 1, 0) < 0 || emit(re, I_MATCH, 0, 0) < 0)
        return -1;
    re->first_char = re->prog[1].op == I_CHAR ? re->prog[1].x : -1;
    re->nslots = 2 * (re->nsub + 1) + re->nloops;
    re->slots = malloc((size_t)re->nslots * sizeof(long));
    re->best = malloc((size_t)re->nslots * sizeof(long));
    return re->slots && re->best ? 0 : -1;
}

rx_t *rx_compile(const char *pattern, int flags, const char **error)
{
    struct parser ps = { .p = pattern, .flags = flags };
    rx_t *re = calloc(1, sizeof *re);
    int root = re ? parse_alt(&ps) : fail(&ps, "Memory exhausted");
    if (root >= 0 && *ps.p != '\0')    /* only a stray BRE "\)" gets here */
        root = fail(&ps, "Unmatched ) or \\)");
    if (root >= 0 && ps.nodes[root].h > MAX_HEIGHT)
        root = fail(&ps, "Regular expression too big");
    if (root >= 0) {
        re->flags = flags;
        re->nsub = ps.ngroups;
        re->sets = ps.sets;
        ps.sets = NULL;
        if (compile_all(re, ps.nodes, root) < 0)
            root = fail(&ps, "Regular expression too big");
    }
    free(ps.nodes);
    free(ps.sets);
    if (root < 0) {
        *error = ps.err;
        rx_free(re);
        return NULL;
    }
    return re;
}

int rx_nsub(const rx_t *re)
{
    return re->nsub;
}

void rx_free(rx_t *re)
{
    if (!re)
        return;
    free(re->prog);
    free(re->sets);
    free(re->slots);
    free(re->best);
    free(re->memo);
    free(re->stack);
    free(re);
}

/* ---- stage 3: matching ----------------------------------------------- */

struct text {
    const unsigned char *s;
    long len;
};

static int word_at(const struct text *t, long pos)
{
    return pos >= 0 && pos < t->len && is_word(t->s[pos]);
}

static int assertion(int kind, const struct text *t, long pos)
{
    int before = word_at(t, pos - 1), after = word_at(t, pos);
    switch (kind) {
    case A_BOL: return pos == 0;
    case A_EOL: return pos == t->len;
    case A_WORDB: return before != after;
    case A_NWORDB: return before == after;
    case A_WBEGIN: return !before && after;
    case A_WEND: return before && !after;
    case A_NOWORD_BEFORE: return !before;
    default: return !after;    /* A_NOWORD_AFTER */
    }
}

static int backref(const rx_t *re, const struct text *t, int group, long *pos)
{
    long s = re->slots[2 * group], e = re->slots[2 * group + 1], n = e - s;
    if (s < 0 || e < s || *pos + n > t->len)
        return 0;
    for (long i = 0; i < n; i++) {
        int a = t->s[s + i], b = t->s[*pos + i];
        if (a != b && !((re->flags & RX_ICASE) && tolower(a) == tolower(b)))
            return 0;
    }
    *pos += n;
    return 1;
}

static int push(rx_t *re, size_t *sp, int pc, long pos)
{
    if (*sp == re->stack_cap) {
        size_t cap = re->stack_cap ? re->stack_cap * 2 : 256;
        struct frame *f = realloc(re->stack, cap * sizeof *f);
        if (!f)
            return -1;
        re->stack = f;
        re->stack_cap = cap;
    }
    re->stack[(*sp)++] = (struct frame){ pc, pos };
    return 0;
}

/* Whether (pc, pos) was tried before; marks it tried. */
static int tried(rx_t *re, const struct text *t, int pc, long pos)
{
    if (!re->memo)
        return 0;
    size_t bit = (size_t)pc * (size_t)(t->len + 1) + (size_t)pos;
    unsigned char mask = (unsigned char)(1 << (bit & 7));
    if (re->memo[bit >> 3] & mask)
        return 1;
    re->memo[bit >> 3] |= mask;
    return 0;
}

/* Run the program from `start`. With `longest`, explore every path and
 * keep the longest match in re->best; otherwise stop at the first. A
 * stack frame with pc < 0 restores slot -pc-1 when backtracking. */
static int run(rx_t *re, const struct text *t, long start, int longest)
{
    size_t sp = 0;
    int found = 0;
    for (int i = 0; i < re->nslots; i++)
        re->slots[i] = -1;
    if (push(re, &sp, 0, start) < 0)
        return -1;
    while (sp > 0) {
        struct frame f = re->stack[--sp];
        if (f.pc < 0) {
            re->slots[-f.pc - 1] = f.pos;
            continue;
        }
        int pc = f.pc, ok = 1;
        long pos = f.pos;
        while (ok && !tried(re, t, pc, pos)) {
            const struct inst *in = &re->prog[pc++];
            switch (in->op) {
            case I_CHAR: ok = pos < t->len && t->s[pos++] == in->x; break;
            case I_ANY: ok = pos++ < t->len; break;
            case I_SET:
                ok = pos < t->len && (re->sets[in->x][t->s[pos] >> 3] >> (t->s[pos] & 7) & 1);
                pos++;
                break;
            case I_ASSERT: ok = assertion(in->x, t, pos); break;
            case I_SPLIT:
                if (push(re, &sp, in->y, pos) < 0)
                    return -1;
                pc = in->x;
                break;
            case I_JMP: pc = in->x; break;
            case I_SAVE: case I_MARK: {
                int slot = in->op == I_SAVE ? in->x : 2 * (re->nsub + 1) + in->x;
                if (push(re, &sp, -slot - 1, re->slots[slot]) < 0)
                    return -1;
                re->slots[slot] = pos;
                break;
            }
            case I_CHECK: ok = re->slots[2 * (re->nsub + 1) + in->x] != pos; break;
            case I_BACKREF: ok = backref(re, t, in->x, &pos); break;
            default:           /* I_MATCH */
                if (!found || pos > re->best[1]) {
                    memcpy(re->best, re->slots, (size_t)re->nslots * sizeof(long));
                    found = 1;
                }
                if (!longest)
                    return 1;
                ok = 0;
            }
        }
    }
    return found;
}

/* Get the "already tried" bitmap ready, or go without one. */
static int prepare_memo(rx_t *re, size_t len)
{
    double bits = (double)re->nprog * ((double)len + 1);
    if (re->has_backref || bits > (double)MEMO_BITS) {
        free(re->memo);
        re->memo = NULL;
        re->memo_bytes = 0;
        return 0;
    }
    size_t bytes = (size_t)bits / 8 + 1;
    if (bytes > re->memo_bytes) {
        free(re->memo);
        re->memo = malloc(bytes);
        re->memo_bytes = re->memo ? bytes : 0;
        if (!re->memo)
            return -1;
    }
    memset(re->memo, 0, bytes);
    return 0;
}

int rx_search(rx_t *re, const char *text, size_t len, int anchored,
              rx_span *spans, int nspans)
{
    struct text t = { (const unsigned char *)text, (long)len };
    if (prepare_memo(re, len) < 0)
        return -1;
    /* The bitmap stays valid from one start to the next: a state that led
     * nowhere from an earlier start leads nowhere now either. */
    int r = 0;
    for (long start = 0; start <= t.len && r == 0; start++) {
        if (re->first_char >= 0) {
            const unsigned char *hit = memchr(t.s + start, re->first_char,
                                              (size_t)(t.len - start));
            if (!hit || (anchored && hit != t.s))
                break;
            start = hit - t.s;
        }
        r = run(re, &t, start, nspans > 0);
        if (anchored)
            break;
    }
    if (r <= 0)
        return r;
    for (int i = 0; i < nspans; i++) {
        int ok = i <= re->nsub && re->best[2 * i] >= 0 && re->best[2 * i + 1] >= 0;
        spans[i].start = ok ? re->best[2 * i] : -1;
        spans[i].end = ok ? re->best[2 * i + 1] : -1;
    }
    return 1;
}
