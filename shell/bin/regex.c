/*
 * regex.c - the compiling half of the regular-expression engine shared by
 * grep and expr (regexec.c is the matching half; regex.h says what the
 * engine accepts and how it matches).
 *
 * The parser emits a program for a tiny machine (CHAR, SET, SPLIT, JMP,
 * SAVE, ...) as it reads the pattern: each atom appends its code, and a
 * repetition operator takes the code of the atom before it back out and
 * lays it down again as often as the count says, wrapped in the SPLITs
 * and JMPs of the loop. Only parentheses recurse, and their nesting is
 * limited: user programs have a small stack. Last, the program is looked
 * at once to find where a match can start, which saves the matcher most
 * of its work on ordinary text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "regex.h"

#define DUP_MAX   32767        /* largest count in {m,n} (glibc's RE_DUP_MAX) */
#define INF       (-1)         /* the max of {m,} */
#define MAX_DEPTH 40           /* nesting of parentheses */
#define MAX_PROG  100000       /* instructions */

#define E_BRACKET "Unmatched [, [^, [:, [., or [="
#define E_BIG     "Regular expression too big"
#define E_NOMEM   "Memory exhausted"

struct parser {
    const char *p;
    int ere, icase;
    rx_t *re;
    int closed;                /* groups closed so far: \1..\closed are valid */
    int depth;
    const char *err;
};

int rx_grow(void *p, int *cap, int n, size_t size)
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

/* ---- compiling ------------------------------------------------------- */

static int fail(struct parser *ps, const char *msg)
{
    if (!ps->err)
        ps->err = msg;
    return -1;
}

/* Append an instruction; returns its index. */
static int put(struct parser *ps, int op, int x, int y)
{
    rx_t *re = ps->re;
    if (re->nprog >= MAX_PROG)
        return fail(ps, E_BIG);
    if (rx_grow(&re->prog, &re->cap, re->nprog, sizeof *re->prog) < 0)
        return fail(ps, E_NOMEM);
    re->prog[re->nprog] = (struct rx_inst){ (unsigned char)op, x, y };
    return re->nprog++;
}

/* Point every instruction of a chain (linked through x) at the end. */
static void patch(rx_t *re, int chain)
{
    while (chain >= 0) {
        int next = re->prog[chain].x;
        re->prog[chain].x = re->nprog;
        chain = next;
    }
}

/* Append a SET instruction with a new, empty set. */
static int new_set(struct parser *ps, unsigned char **set)
{
    rx_t *re = ps->re;
    if (rx_grow(&re->sets, &re->setcap, re->nsets, sizeof(rx_charset)) < 0)
        return fail(ps, E_NOMEM);
    *set = re->sets[re->nsets];
    memset(*set, 0, sizeof(rx_charset));
    return put(ps, RX_I_SET, re->nsets++, 0);
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
        int icase = ps->icase && (i == 3 || i == 4);
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
    int r = new_set(ps, &set), negate = *ps->p == '^';
    ps->p += negate;
    for (int first = 1; r >= 0 && (first || *ps->p != ']'); first = 0) {
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
            set_add(set, c, ps->icase);
    }
    ps->p++;
    for (int i = 0; negate && i < 32; i++)
        set[i] ^= 0xff;
    return r;
}

/* \w \W \s \S. */
static int class_escape(struct parser *ps, char c)
{
    unsigned char *set;
    int r = new_set(ps, &set);
    for (int ch = 0; r >= 0 && ch < 256; ch++) {
        int in = (c == 'w' || c == 'W') ? rx_is_word(ch) : isspace(ch) != 0;
        if (in == (c == 'w' || c == 's'))
            set_add(set, ch, 0);
    }
    return r;
}

static int literal(struct parser *ps, int c)
{
    unsigned char *set;
    if (!ps->icase || !isalpha(c))
        return put(ps, RX_I_CHAR, c, 0);
    int r = new_set(ps, &set);
    if (r >= 0)
        set_add(set, c, 1);
    return r;
}

static int parse_alt(struct parser *ps);
static int parse_interval(struct parser *ps, int *min, int *max);

/* \( ... \) or ( ... ): ps->p is just after the opening parenthesis. */
static int parse_group(struct parser *ps)
{
    const char *close = ps->ere ? ")" : "\\)";
    int index = ++ps->re->nsub;
    if (++ps->depth > MAX_DEPTH)
        return fail(ps, E_BIG);
    if (put(ps, RX_I_SAVE, 2 * index, 0) < 0 || parse_alt(ps) < 0)
        return -1;
    if (strncmp(ps->p, close, strlen(close)) != 0)
        return fail(ps, "Unmatched ( or \\(");
    ps->p += strlen(close);
    ps->depth--;
    ps->closed = index > ps->closed ? index : ps->closed;
    return put(ps, RX_I_SAVE, 2 * index + 1, 0);
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
    if (c >= '1' && c <= '9') {
        ps->re->has_backref = 1;
        return put(ps, RX_I_BACKREF, c - '0', 0);
    }
    if (strchr(asserts, c))
        return put(ps, RX_I_ASSERT, RX_A_WORDB + (int)(strchr(asserts, c) - asserts), 0);
    if (strchr("wWsS", c))
        return class_escape(ps, c);
    if (!ps->ere && c == '(')
        return parse_group(ps);
    return literal(ps, (unsigned char)c);
}

/* One atom: >= 0 when done, -2 at the end of a concatenation. `first`:
 * at the start of the pattern, a group or an alternative, where BRE '*'
 * and '^' are different. */
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
    case '.': return put(ps, RX_I_ANY, 0, 0);
    case '[': return parse_bracket(ps);
    case '\\': return parse_escape(ps);
    case '(':
        return ps->ere ? parse_group(ps) : literal(ps, '(');
    case '^':
        return ps->ere || first ? put(ps, RX_I_ASSERT, RX_A_BOL, 0) : literal(ps, '^');
    case '$':                  /* BRE: an anchor only at the end of an RE */
        if (ps->ere || p[1] == '\0' || !strncmp(p + 1, "\\)", 2) ||
            !strncmp(p + 1, "\\|", 2))
            return put(ps, RX_I_ASSERT, RX_A_EOL, 0);
        return literal(ps, '$');
    case '*': case '+': case '?':
        /* ERE: a repetition of nothing, which GNU ignores. */
        return ps->ere && first ? 0 : literal(ps, *p);
    case '{': {
        int min, max, r = ps->ere && first ? parse_interval(ps, &min, &max) : 0;
        return r != 0 ? r - 1 : literal(ps, '{');      /* "{m,n}" too */
    }
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
    else if (escaped != !ps->ere || c == '\0' || !strchr("+?{", c))
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

/* Append a copy of body (code that was at `from`), moving its jumps. */
static int append(struct parser *ps, const struct rx_inst *body, int n, int from)
{
    int shift = ps->re->nprog - from;
    for (int i = 0; i < n; i++) {
        struct rx_inst in = body[i];
        if (in.op == RX_I_SPLIT || in.op == RX_I_JMP)
            in.x += shift;
        if (in.op == RX_I_SPLIT)
            in.y += shift;
        if (put(ps, in.op, in.x, in.y) < 0)
            return -1;
    }
    return 0;
}

/* Apply {min,max} to the code from `start` on: min copies, then a loop
 * (max INF) or max - min optional copies, whose SPLITs all give up by
 * jumping to the end. */
static int repeat(struct parser *ps, int start, int min, int max)
{
    rx_t *re = ps->re;
    int n = re->nprog - start, chain = -1, r = 0;
    struct rx_inst *body = malloc((size_t)(n ? n : 1) * sizeof *body);
    if (!body)
        return fail(ps, E_NOMEM);
    memcpy(body, re->prog + start, (size_t)n * sizeof *body);
    re->nprog = start;
    for (int i = 0; i < min && r >= 0; i++)
        r = append(ps, body, n, start);
    if (r >= 0 && max == INF) {
        int reg = re->nloops++, split = put(ps, RX_I_SPLIT, 0, 0);
        if (split < 0 || put(ps, RX_I_MARK, reg, 0) < 0 || append(ps, body, n, start) < 0 ||
            put(ps, RX_I_CHECK, reg, 0) < 0 || put(ps, RX_I_JMP, split, 0) < 0)
            r = -1;
        else
            re->prog[split] = (struct rx_inst){ RX_I_SPLIT, split + 1, re->nprog };
    }
    /* The optional copies, each behind a SPLIT that tries it first and
     * else jumps to the end: until the end is known, the SPLITs are
     * chained through their x. */
    for (int i = min; r >= 0 && max != INF && i < max; i++) {
        if ((r = put(ps, RX_I_SPLIT, chain, 0)) >= 0) {
            chain = r;
            r = append(ps, body, n, start);
        }
    }
    free(body);
    for (int c = chain; r >= 0 && c >= 0;) {
        int next = re->prog[c].x;
        re->prog[c] = (struct rx_inst){ RX_I_SPLIT, c + 1, re->nprog };
        c = next;
    }
    return r < 0 ? -1 : 0;
}

/* Concatenation of pieces, each an atom and its repetition operators. */
static int parse_cat(struct parser *ps)
{
    rx_t *re = ps->re;
    for (int first = 1;;) {
        if (!ps->ere && first && !strncmp(ps->p, "\\{", 2))
            ps->p++;           /* BRE: "\{" at the start is a literal '{' */
        int start = re->nprog, r = parse_atom(ps, first), min, max;
        if (r == -2)
            return 0;
        if (r < 0)
            return -1;
        /* BRE: after a leading ^, '*' is still literal. */
        first = !ps->ere && first && re->nprog == start + 1 &&
                re->prog[start].op == RX_I_ASSERT && re->prog[start].x == RX_A_BOL;
        while (!first && (r = parse_quantifier(ps, &min, &max)) > 0)
            if (repeat(ps, start, min, max) < 0)
                return -1;
        if (r < 0)
            return -1;
    }
}

/* Alternatives. Each starts with a JMP to the next instruction (which
 * does nothing), turned into a SPLIT when a '|' follows it. */
static int parse_alt(struct parser *ps)
{
    const char *bar = ps->ere ? "|" : "\\|";
    int chain = -1;            /* JMPs to the end, linked through x */
    for (;;) {
        int split = put(ps, RX_I_JMP, ps->re->nprog + 1, 0);
        if (split < 0 || parse_cat(ps) < 0)
            return -1;
        if (strncmp(ps->p, bar, strlen(bar)) != 0)
            break;
        ps->p += strlen(bar);
        if ((chain = put(ps, RX_I_JMP, chain, 0)) < 0)
            return -1;
        ps->re->prog[split] = (struct rx_inst){ RX_I_SPLIT, split + 1, ps->re->nprog };
    }
    patch(ps->re, chain);
    return 0;
}

/* The whole program: SAVE 0, the -x/-w guards, the pattern, SAVE 1, MATCH. */
static int parse_all(struct parser *ps, int flags)
{
    int line = flags & RX_LINE, word = flags & RX_WORD;
    if (put(ps, RX_I_SAVE, 0, 0) < 0 ||
        (line && put(ps, RX_I_ASSERT, RX_A_BOL, 0) < 0) ||
        (word && put(ps, RX_I_ASSERT, RX_A_NOWORD_BEFORE, 0) < 0) ||
        parse_alt(ps) < 0 ||
        (word && put(ps, RX_I_ASSERT, RX_A_NOWORD_AFTER, 0) < 0) ||
        (line && put(ps, RX_I_ASSERT, RX_A_EOL, 0) < 0) ||
        put(ps, RX_I_SAVE, 1, 0) < 0 || put(ps, RX_I_MATCH, 0, 0) < 0)
        return -1;
    return 0;
}

/* Where a match can start, so that the search can skip hopeless starting
 * points: re->bol when every match starts with ^ (and so at offset 0),
 * re->first = the bytes a match can begin with, unless re->any_first (it
 * can begin with any byte, or be empty). Walks every path from the start
 * over the zero-width instructions. */
static int analyse_start(rx_t *re)
{
    /* Each instruction is pushed at most once per jump leading to it. */
    int *todo = malloc(2 * (size_t)re->nprog * sizeof *todo), n = 0, pc = 1;
    unsigned char *seen = calloc((size_t)re->nprog, 1);
    while (re->prog[pc].op == RX_I_JMP && re->prog[pc].x == pc + 1)
        pc++;                  /* the do-nothing JMPs of parse_alt() */
    re->bol = re->prog[pc].op == RX_I_ASSERT && re->prog[pc].x == RX_A_BOL;
    if (todo && seen)
        todo[n++] = 0;
    while (n > 0 && !re->any_first) {
        const struct rx_inst *in = &re->prog[pc = todo[--n]];
        int next[2] = { pc + 1, -1 };
        if (seen[pc])
            continue;
        seen[pc] = 1;
        switch (in->op) {
        case RX_I_CHAR: set_add(re->first, in->x, 0); continue;
        case RX_I_SET:
            for (int i = 0; i < 32; i++)
                re->first[i] |= re->sets[in->x][i];
            continue;
        case RX_I_JMP: next[0] = in->x; break;
        case RX_I_SPLIT: next[0] = in->x; next[1] = in->y; break;
        case RX_I_ASSERT: case RX_I_SAVE: case RX_I_MARK: case RX_I_CHECK: break;
        default: re->any_first = 1; continue;      /* ANY, BACKREF, MATCH */
        }
        for (int i = 0; i < 2 && next[i] >= 0; i++)
            todo[n++] = next[i];
    }
    re->first_byte = -1;
    for (int c = 0, count = 0; c < 256 && !re->any_first; c++)
        if (rx_in_set(re->first, c))
            re->first_byte = ++count == 1 ? c : -1;
    int ok = todo && seen;
    free(todo);
    free(seen);
    return ok ? 0 : -1;
}

rx_t *rx_compile(const char *pattern, int flags, const char **error)
{
    rx_t *re = calloc(1, sizeof *re);
    struct parser ps = { pattern, flags & RX_EXTENDED, flags & RX_ICASE, re, 0, 0, NULL };
    int r = re ? parse_all(&ps, flags) : fail(&ps, E_NOMEM);
    if (r == 0) {
        re->flags = flags;
        re->nslots = 2 * (re->nsub + 1) + re->nloops;
        re->slots = malloc((size_t)re->nslots * sizeof(long));
        re->best = malloc((size_t)re->nslots * sizeof(long));
        if (!re->slots || !re->best || analyse_start(re) < 0)
            r = fail(&ps, E_NOMEM);
    }
    if (r < 0) {
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
