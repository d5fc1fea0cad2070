/*
 * regexec.c - regexec(): the matching half of the C library's regular
 * expressions; runs the program regcomp.c compiled (regex_impl.h) over a
 * text.
 *
 * Backtracking, depth first, over an explicit stack: a SPLIT pushes its
 * second choice, and a SAVE or MARK pushes the slot's old value so that
 * backtracking restores it. Depth first in program order gives the
 * preferences of greedy repetition and of the leftmost alternative.
 *
 * To stay fast on patterns such as (a|b)*c, the matcher remembers which
 * (instruction, position) pairs it has tried from a join point (the
 * target of a jump): reaching one again can only repeat what was already
 * tried, so work is bounded by program size x text length. That is only
 * true without back-references, whose outcome depends on what the groups
 * captured; such patterns run without the memory.
 */
#include <stdlib.h>
#include <string.h>
#include "regex_impl.h"

#define MEMO_BITS (32L << 20)  /* largest "already tried" bitmap */

struct text {
    const unsigned char *s;
    long len;
    int eflags, newline;       /* regexec's flags; REG_NEWLINE */
};

static int assertion(int kind, const struct text *t, long pos)
{
    int before = pos > 0 && rx_is_word(t->s[pos - 1]);
    int after = pos < t->len && rx_is_word(t->s[pos]);
    switch (kind) {
    case RX_A_BOL:
        return (pos == 0 && !(t->eflags & REG_NOTBOL)) ||
               (t->newline && pos > 0 && t->s[pos - 1] == '\n');
    case RX_A_EOL:
        return (pos == t->len && !(t->eflags & REG_NOTEOL)) ||
               (t->newline && pos < t->len && t->s[pos] == '\n');
    case RX_A_WORDB: return before != after;
    case RX_A_NWORDB: return before == after;
    case RX_A_WBEGIN: return !before && after;
    case RX_A_WEND: return before && !after;
    case RX_A_BUFSTART: return pos == 0;
    default: return pos == t->len;             /* RX_A_BUFEND */
    }
}

static int fold(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* \n: what group n matched, again, at *pos. */
static int backref(const rx_t *re, const struct text *t, int group, long *pos)
{
    long s = re->slots[2 * group], e = re->slots[2 * group + 1], n = e - s;
    if (s < 0 || e < s || *pos + n > t->len)
        return 0;
    for (long i = 0; i < n; i++) {
        int a = t->s[s + i], b = t->s[*pos + i];
        if (a != b && !((re->cflags & REG_ICASE) && fold(a) == fold(b)))
            return 0;
    }
    *pos += n;
    return 1;
}

static int push(rx_t *re, int *sp, int pc, long pos)
{
    if (rx_grow(&re->stack, &re->stack_cap, *sp, sizeof *re->stack) < 0)
        return -1;
    re->stack[(*sp)++] = (struct rx_frame){ pc, pos };
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

/* One instruction (not MATCH) at *pc, *pos: 1 to go on, 0 to backtrack,
 * -1 when memory runs out. */
static int step(rx_t *re, const struct text *t, int *pc, long *pos, int *sp)
{
    const struct rx_inst *in = &re->prog[(*pc)++];
    int slot;
    switch (in->op) {
    case RX_I_CHAR: return *pos < t->len && t->s[(*pos)++] == in->x;
    case RX_I_ANY: return (*pos)++ < t->len;
    case RX_I_SET: return *pos < t->len && rx_in_set(re->sets[in->x], t->s[(*pos)++]);
    case RX_I_ASSERT: return assertion(in->x, t, *pos);
    case RX_I_SPLIT:
        *pc = in->x;
        return push(re, sp, in->y, *pos) < 0 ? -1 : 1;
    case RX_I_JMP:
        *pc = in->x;
        return 1;
    case RX_I_SAVE: case RX_I_MARK:
        slot = in->op == RX_I_SAVE ? in->x : 2 * (re->nsub + 1) + in->x;
        if (push(re, sp, -slot - 1, re->slots[slot]) < 0)
            return -1;
        re->slots[slot] = *pos;
        return 1;
    case RX_I_CHECK: return re->slots[2 * (re->nsub + 1) + in->x] != *pos;
    default: return backref(re, t, in->x, pos);    /* RX_I_BACKREF */
    }
}

/* Run the program from `start`. With `longest`, explore every path and
 * keep the longest match in re->best; otherwise stop at the first. */
static int run(rx_t *re, const struct text *t, long start, int longest)
{
    int sp = 0, found = 0;
    for (int i = 0; i < re->nslots; i++)
        re->slots[i] = -1;
    if (push(re, &sp, 0, start) < 0)
        return -1;
    while (sp > 0) {
        struct rx_frame f = re->stack[--sp];
        if (f.pc < 0) {
            re->slots[-f.pc - 1] = f.pos;
            continue;
        }
        int pc = f.pc, ok = 1, join = 1;
        long pos = f.pos;
        while (ok > 0 && !(join && tried(re, t, pc, pos))) {
            int op = re->prog[pc].op;
            if (op != RX_I_MATCH) {
                join = op == RX_I_SPLIT || op == RX_I_JMP;
                ok = step(re, t, &pc, &pos, &sp);
                continue;
            }
            if (!found || pos > re->best[1]) {
                memcpy(re->best, re->slots, (size_t)re->nslots * sizeof(long));
                found = 1;
            }
            if (!longest)
                return 1;
            ok = 0;
        }
        if (ok < 0)
            return -1;
    }
    return found;
}

/* Get the "already tried" bitmap ready, or go without one. */
static int prepare_memo(rx_t *re, size_t len)
{
    double bits = (double)re->nprog * ((double)len + 1);
    size_t bytes = (size_t)(bits / 8) + 1;
    if (re->has_backref || bits > (double)MEMO_BITS) {
        free(re->memo);
        re->memo = NULL;
        re->memo_bytes = 0;
        return 0;
    }
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

int rx_search(rx_t *re, const char *text, long from, long len, int eflags, int longest)
{
    struct text t = { (const unsigned char *)text, len, eflags, re->cflags & REG_NEWLINE };
    /* the last start to try: with a leading ^ (and no REG_NEWLINE) only 0 */
    long last = re->bol && !t.newline ? 0 : t.len;
    int r = prepare_memo(re, (size_t)len);
    /* The bitmap stays valid from one start to the next: a state that led
     * nowhere from an earlier start leads nowhere now either. */
    for (long start = from; r == 0 && start <= last; start++) {
        if (re->first_byte >= 0 && start < t.len) {
            const unsigned char *hit = memchr(t.s + start, re->first_byte,
                                              (size_t)(t.len - start));
            start = hit ? hit - t.s : t.len;
        }
        if (!re->any_first) {
            while (start < t.len && !rx_in_set(re->first, t.s[start]))
                start++;
            if (start >= t.len || start > last)
                break;         /* (a match that must start with a byte is not empty) */
        }
        r = run(re, &t, start, longest);
    }
    return r;
}

int regexec(const regex_t *preg, const char *string, size_t nmatch,
            regmatch_t pmatch[], int eflags)
{
    rx_t *re = preg->__re;
    long from = 0, len;
    if (!re)
        return REG_BADPAT;
    if (eflags & REG_STARTEND) {
        from = pmatch[0].rm_so;
        len = pmatch[0].rm_eo;
    } else {
        len = (long)strlen(string);
    }
    if (preg->__cflags & REG_NOSUB)
        nmatch = 0;
    /* Without spans to fill, the first match found answers. */
    int r = rx_search(re, string, from, len, eflags, nmatch > 0);
    if (r < 0)
        return REG_ESPACE;
    if (r == 0)
        return REG_NOMATCH;
    for (size_t i = 0; i < nmatch; i++) {
        int ok = (long)i <= re->nsub && re->best[2 * i] >= 0 && re->best[2 * i + 1] >= 0;
        pmatch[i].rm_so = ok ? re->best[2 * i] : -1;
        pmatch[i].rm_eo = ok ? re->best[2 * i + 1] : -1;
    }
    return 0;
}
