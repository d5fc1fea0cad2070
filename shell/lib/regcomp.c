/*
 * regcomp.c - regcomp(), regerror(), regfree(): the compiling half of the
 * C library's regular expressions (regexec.c is the matching half;
 * <regex.h> says what they accept, regex_impl.h what they compile to).
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
#include "regex_impl.h"

#define DUP_MAX   32767        /* largest count in {m,n} (glibc's RE_DUP_MAX) */
#define INF       (-1)         /* the max of {m,} */
#define MAX_DEPTH 40           /* nesting of parentheses */
#define MAX_PROG  100000       /* instructions */


struct parser {
    const char *p;
    int ere, icase, newline;
    rx_t *re;
    int closed;                /* groups closed so far: \1..\closed are valid */
    int depth;
    int err;                   /* REG_*, 0 while all is well */
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

static int fail(struct parser *ps, int code)
{
    if (!ps->err)
        ps->err = code;
    return -1;
}

/* Append an instruction; returns its index. */
static int put(struct parser *ps, int op, int x, int y)
{
    rx_t *re = ps->re;
    if (re->nprog >= MAX_PROG)
        return fail(ps, REG_ESIZE);
    if (rx_grow(&re->prog, &re->cap, re->nprog, sizeof *re->prog) < 0)
        return fail(ps, REG_ESPACE);
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
        return fail(ps, REG_ESPACE);
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
    return fail(ps, REG_ECTYPE);
}

/* One element of a bracket expression: a character, [.c.] or [=c=]. */
static int bracket_char(struct parser *ps)
{
    const char *p = ps->p;
    if (p[0] == '[' && (p[1] == '.' || p[1] == '=')) {
        if (p[2] == '\0' || p[3] != p[1] || p[4] != ']')
            return fail(ps, REG_EBRACK);
        ps->p = p + 5;
        return (unsigned char)p[2];
    }
    if (*p == '\0')
        return fail(ps, REG_EBRACK);
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
                return fail(ps, REG_EBRACK);
            if (add_class(ps, set, name, (size_t)(end - name)) < 0)
                return -1;
            ps->p = end + 2;
            if (ps->p[0] == '-' && ps->p[1] != ']')
                return fail(ps, REG_ERANGE);   /* a range from a class */
            continue;
        }
        int lo = bracket_char(ps), hi = lo;
        if (lo >= 0 && ps->p[0] == '-' && ps->p[1] == '[' && ps->p[2] == ':')
            return fail(ps, REG_ERANGE);       /* a range ending in a class */
        if (lo >= 0 && ps->p[0] == '-' && ps->p[1] != ']' && ps->p[1] != '\0') {
            ps->p++;
            if ((hi = bracket_char(ps)) >= 0 && hi < lo)
                return fail(ps, REG_ERANGE);
        }
        if (lo < 0 || hi < 0)
            return -1;
        for (int c = lo; c <= hi; c++)
            set_add(set, c, ps->icase);
    }
    ps->p++;
    for (int i = 0; negate && i < 32; i++)
        set[i] ^= 0xff;
    if (negate && ps->newline)         /* REG_NEWLINE: [^a] is no newline */
        set['\n' >> 3] &= (unsigned char)~(1 << ('\n' & 7));
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

/* '.' under REG_NEWLINE. */
static int any_but_newline(struct parser *ps)
{
    unsigned char *set;
    int r = new_set(ps, &set);
    for (int i = 0; r >= 0 && i < 32; i++)
        set[i] = 0xff;
    if (r >= 0)
        set['\n' >> 3] &= (unsigned char)~(1 << ('\n' & 7));
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
        return fail(ps, REG_ESIZE);
    if (put(ps, RX_I_SAVE, 2 * index, 0) < 0 || parse_alt(ps) < 0)
        return -1;
    if (strncmp(ps->p, close, strlen(close)) != 0)
        return fail(ps, REG_EPAREN);
    ps->p += strlen(close);
    ps->depth--;
    ps->closed = index > ps->closed ? index : ps->closed;
    return put(ps, RX_I_SAVE, 2 * index + 1, 0);
}

/* What follows a backslash (ps->p is on the character after it). */
static int parse_escape(struct parser *ps)
{
    static const char asserts[] = "bB<>`'";
    char c = *ps->p++;
    if (c == '\0')
        return fail(ps, REG_EESCAPE);
    if (c >= '1' && c <= '9' && c - '0' > ps->closed)
        return fail(ps, REG_ESUBREG);
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
 * 1 at the start of the pattern, a group or an alternative, where BRE '*'
 * and '^' are different, 2 just after a BRE's leading ^ ('*' is literal). */
static int parse_atom(struct parser *ps, int first)
{
    const char *p = ps->p;
    int bre_end = !ps->ere && p[0] == '\\' && (p[1] == '|' || p[1] == ')');
    if (*p == '\0' || (ps->ere && (*p == '|' || (*p == ')' && ps->depth > 0))) ||
        (bre_end && (p[1] == '|' || ps->depth > 0)))
        return -2;
    if (bre_end)
        return fail(ps, REG_EPAREN);
    ps->p++;
    switch (*p) {
    case '.':
        return ps->newline ? any_but_newline(ps) : put(ps, RX_I_ANY, 0, 0);
    case '[': return parse_bracket(ps);
    case '\\': return parse_escape(ps);
    case '(':
        return ps->ere ? parse_group(ps) : literal(ps, '(');
    case '^':
        return ps->ere || first == 1 ? put(ps, RX_I_ASSERT, RX_A_BOL, 0) : literal(ps, '^');
    case '$':                  /* BRE: an anchor only at the end of an RE */
        if (ps->ere || p[1] == '\0' || !strncmp(p + 1, "\\)", 2) ||
            !strncmp(p + 1, "\\|", 2))
            return put(ps, RX_I_ASSERT, RX_A_EOL, 0);
        return literal(ps, '$');
    case '*': case '+': case '?':
        /* ERE: a repetition of nothing (glibc's error too). */
        return ps->ere ? fail(ps, REG_BADRPT) : literal(ps, *p);
    case '{':
        return ps->ere ? fail(ps, REG_BADRPT) : literal(ps, '{');
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
    if (strncmp(p, close, strlen(close)) != 0)     /* "{x", "{1,2" */
        return fail(ps, strstr(p, close) ? REG_BADBR : REG_EBRACE);
    if (!digits && !second && !(ps->ere && *ps->p == ','))     /* "{}"; ERE "{,}" is {0,} */
        return fail(ps, REG_BADBR);
    if (lo > DUP_MAX || hi > DUP_MAX)
        return fail(ps, REG_ESIZE);
    if (hi != INF && hi < lo)
        return fail(ps, REG_BADBR);
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
        return fail(ps, REG_ESPACE);
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
            return fail(ps, REG_BADRPT);       /* an interval of nothing */
        int start = re->nprog, r = parse_atom(ps, first), min, max;
        if (r == -2)
            return 0;
        if (r < 0)
            return -1;
        int anchor = re->nprog == start + 1 && re->prog[start].op == RX_I_ASSERT &&
                     (re->prog[start].x == RX_A_BOL || re->prog[start].x == RX_A_EOL);
        /* BRE: after a leading ^, '*' is still literal (first 2). */
        first = !ps->ere && first == 1 && anchor && re->prog[start].x == RX_A_BOL ? 2 : 0;
        for (int n = 0; !first && (r = parse_quantifier(ps, &min, &max)) > 0; n++) {
            /* glibc's errors: ERE "^*"; BRE "a\+*", "a*\{2\}" (but "a*\+") */
            if ((ps->ere && anchor) || (!ps->ere && n > 0 && strchr("*}", ps->p[-1])))
                return fail(ps, REG_BADRPT);
            if (repeat(ps, start, min, max) < 0)
                return -1;
        }
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

/* The whole program: SAVE 0, the pattern, SAVE 1, MATCH. */
static int parse_all(struct parser *ps)
{
    if (put(ps, RX_I_SAVE, 0, 0) < 0 || parse_alt(ps) < 0)
        return -1;
    if (*ps->p != '\0')       /* only a stray ")" or "\)" stops the parse early */
        return fail(ps, ps->ere ? REG_ERPAREN : REG_EPAREN);
    if (put(ps, RX_I_SAVE, 1, 0) < 0 || put(ps, RX_I_MATCH, 0, 0) < 0)
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

static void rx_free(rx_t *re)
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

int regcomp(regex_t *preg, const char *pattern, int cflags)
{
    rx_t *re = calloc(1, sizeof *re);
    struct parser ps = { pattern, cflags & REG_EXTENDED, cflags & REG_ICASE,
                         cflags & REG_NEWLINE, re, 0, 0, 0 };
    int r = re ? parse_all(&ps) : fail(&ps, REG_ESPACE);
    if (r == 0) {
        re->cflags = cflags;
        re->nslots = 2 * (re->nsub + 1) + re->nloops;
        re->slots = malloc((size_t)re->nslots * sizeof(long));
        re->best = malloc((size_t)re->nslots * sizeof(long));
        if (!re->slots || !re->best || analyse_start(re) < 0)
            r = fail(&ps, REG_ESPACE);
    }
    if (r < 0) {
        rx_free(re);
        preg->__re = NULL;
        return ps.err;
    }
    preg->__re = re;
    preg->re_nsub = (size_t)re->nsub;
    preg->__cflags = cflags;
    return 0;
}

void regfree(regex_t *preg)
{
    rx_free(preg->__re);
    preg->__re = NULL;
}

/* glibc's texts, by error code. */
static const char *const messages[] = {
    "Success", "No match", "Invalid regular expression",
    "Invalid collation character", "Invalid character class name",
    "Trailing backslash", "Invalid back reference",
    "Unmatched [, [^, [:, [., or [=", "Unmatched ( or \\(", "Unmatched \\{",
    "Invalid content of \\{\\}", "Invalid range end", "Memory exhausted",
    "Invalid preceding regular expression",
    "Premature end of regular expression", "Regular expression too big",
    "Unmatched ) or \\)",
};

size_t regerror(int errcode, const regex_t *preg, char *buf, size_t size)
{
    (void)preg;
    const char *msg = errcode >= 0 && errcode < (int)(sizeof messages / sizeof messages[0])
                      ? messages[errcode] : "Invalid regular expression";
    size_t n = strlen(msg) + 1;
    if (size > 0) {            /* as much as fits, always terminated */
        size_t k = n - 1 < size - 1 ? n - 1 : size - 1;
        memcpy(buf, msg, k);
        buf[k] = '\0';
    }
    return n;
}
