/*
 * bounded.c - the loops that need no preemption point, because memory
 * bounds them (see bounded_by_memory's comment, and preempt.c).
 */
#include "preempt.h"

/*
 * A loop needs no check if, on every turn, it reads or writes memory at an
 * address that moves by the same non-zero step each turn: it then leaves the
 * program's memory, and traps, after at most as many turns as the memory has
 * bytes - milliseconds. That is the shape of the loops that scan a string
 * or a buffer (strlen, a comparison, a copy, parsing a number), which are
 * the hot inner loops of most programs, and leaving them alone keeps their
 * functions, and every caller, out of asyncify's reach.
 *
 * Found on the loop's code: a local v written once in the loop, by
 * v = v + c (c a constant, not 0), and an access to memory at an address
 * k*v + (what the loop does not change: constants, locals it does not
 * write), with k*c not 0 - both done on every turn, that is before anything
 * in the turn can branch to a label inside the loop (its head, or a place
 * further on in the turn). A program's memory is far below 2 GiB, so the
 * address cannot wrap around and stay inside it.
 */
#define MAXLABELS 64

struct scanloop {
    struct fn *f;
    const char *label[MAXLABELS];   /* the labels inside the loop, its own first */
    int nlabels;
    bool too_big;                   /* more labels than that: not analysed */
    int *writes;                    /* per local: writes in the loop */
    int32_t *step;                  /* per local: c of a write v = v + c, if it is one */
    bool *every_turn;               /* per local: that write is done on every turn */
    BinaryenExpressionRef *def;     /* per local: its write in the loop (if only one) */
    BinaryenExpressionRef access[64];   /* addresses accessed on every turn */
    int naccess;
};

static uint64_t label_bit(struct scanloop *s, const char *name)
{
    for (int i = 0; name && i < s->nlabels; i++)
        if (strcmp(s->label[i], name) == 0)
            return (uint64_t)1 << i;
    return 0;                       /* a label outside the loop: leaving it */
}

/* The constant step of the local set e (v = v + c, c + v, v - c), or 0. */
static int32_t step_of(BinaryenExpressionRef e)
{
    BinaryenExpressionRef v = BinaryenLocalSetGetValue(e);
    while (BinaryenExpressionGetId(v) == BinaryenLocalSetId())     /* v = (w = v + c) */
        v = BinaryenLocalSetGetValue(v);
    if (BinaryenExpressionGetId(v) != BinaryenBinaryId() ||
        BinaryenExpressionGetType(v) != BinaryenTypeInt32())
        return 0;
    BinaryenOp op = BinaryenBinaryGetOp(v);
    BinaryenExpressionRef l = BinaryenBinaryGetLeft(v), r = BinaryenBinaryGetRight(v);
    if (op == BinaryenAddInt32() && BinaryenExpressionGetId(l) == BinaryenConstId()) {
        BinaryenExpressionRef t = l;
        l = r, r = t;
    }
    if ((op != BinaryenAddInt32() && op != BinaryenSubInt32()) ||
        BinaryenExpressionGetId(l) != BinaryenLocalGetId() ||
        BinaryenLocalGetGetIndex(l) != BinaryenLocalSetGetIndex(e) ||
        BinaryenExpressionGetId(r) != BinaryenConstId())
        return 0;
    int32_t c = BinaryenConstGetValueI32(r);
    return op == BinaryenAddInt32() ? c : (int32_t)(0u - (uint32_t)c);
}

/* The first look: the loop's labels, and which locals it writes how. */
static void collect(BinaryenExpressionRef e, struct scanloop *s)
{
    BinaryenExpressionId id = BinaryenExpressionGetId(e);
    const char *name = id == BinaryenBlockId() ? BinaryenBlockGetName(e)
                     : id == BinaryenLoopId() ? BinaryenLoopGetName(e) : NULL;
    if (name) {
        if (s->nlabels == MAXLABELS)
            s->too_big = true;
        else
            s->label[s->nlabels++] = name;
    }
    if (id == BinaryenLocalSetId()) {
        BinaryenIndex v = BinaryenLocalSetGetIndex(e);
        s->writes[v]++;
        s->step[v] = step_of(e);
        s->def[v] = e;
    }
    for (BinaryenIndex i = 0, n = nkids(e, s->f); i < n; i++) {
        BinaryenExpressionRef k = kid_at(e, i, s->f);
        if (k)
            collect(k, s);
    }
}

/*
 * The second look, in the order the code runs. every: e runs on every turn
 * (nothing before it in the turn could branch inside the loop). Returns the
 * labels inside the loop, but outside e, that e may branch to.
 */
static uint64_t follow(BinaryenExpressionRef e, bool every, struct scanloop *s)
{
    if (!e)
        return 0;
    BinaryenExpressionId id = BinaryenExpressionGetId(e);
    uint64_t out = 0;
    if (id == BinaryenIfId()) {
        out = follow(BinaryenIfGetCondition(e), every, s);
        out |= follow(BinaryenIfGetIfTrue(e), false, s);
        out |= follow(BinaryenIfGetIfFalse(e), false, s);
        return out;
    }
    if (id == BinaryenLoopId())             /* an inner loop: its turns are its own */
        return follow(BinaryenLoopGetBody(e), false, s) & ~label_bit(s, BinaryenLoopGetName(e));
    for (BinaryenIndex i = 0, n = nkids(e, s->f); i < n; i++)
        out |= follow(kid_at(e, i, s->f), every && !out, s);
    every = every && !out;                  /* e itself acts after its children */
    if (id == BinaryenBlockId()) {
        out &= ~label_bit(s, BinaryenBlockGetName(e));
    } else if (id == BinaryenBreakId()) {
        out |= label_bit(s, BinaryenBreakGetName(e));
    } else if (id == BinaryenSwitchId()) {
        for (BinaryenIndex i = 0; i < BinaryenSwitchGetNumNames(e); i++)
            out |= label_bit(s, BinaryenSwitchGetNameAt(e, i));
        out |= label_bit(s, BinaryenSwitchGetDefaultName(e));
    } else if (id == BinaryenLocalSetId()) {
        s->every_turn[BinaryenLocalSetGetIndex(e)] = every;
    } else if (every && s->naccess < 64 && (id == BinaryenLoadId() || id == BinaryenStoreId())) {
        s->access[s->naccess++] = id == BinaryenLoadId() ? BinaryenLoadGetPtr(e)
                                                         : BinaryenStoreGetPtr(e);
    }
    return out;
}

/*
 * Whether e is k*v + (what the loop does not change) for one local v that
 * the loop steps: returns 1 and sets v and k; 0 if the loop does not change
 * e at all; -1 otherwise. A local the loop sets once on every turn stands
 * for its value (an address computed into a local, then used): from one
 * turn to the next it moves as that value does. depth bounds that.
 */
static int affine(BinaryenExpressionRef e, struct scanloop *s, BinaryenIndex *v, uint32_t *k,
                  int depth)
{
    BinaryenExpressionId id = BinaryenExpressionGetId(e);
    if (id == BinaryenConstId())
        return 0;
    if (id == BinaryenLocalGetId()) {
        BinaryenIndex x = BinaryenLocalGetGetIndex(e);
        if (!s->writes[x])
            return 0;
        if (s->writes[x] == 1 && s->every_turn[x] && !s->step[x] && depth < 8)
            return affine(BinaryenLocalSetGetValue(s->def[x]), s, v, k, depth + 1);
        *v = x;
        *k = 1;
        return 1;
    }
    if (id == BinaryenLocalSetId())                 /* a tee: its value */
        return affine(BinaryenLocalSetGetValue(e), s, v, k, depth);
    if (id == BinaryenUnaryId())
        return affine(BinaryenUnaryGetValue(e), s, v, k, depth) == 0 ? 0 : -1;
    if (id != BinaryenBinaryId())
        return -1;                          /* loads, globals, calls: may change */
    BinaryenOp op = BinaryenBinaryGetOp(e);
    BinaryenExpressionRef l = BinaryenBinaryGetLeft(e), r = BinaryenBinaryGetRight(e);
    BinaryenIndex lv = 0, rv = 0;
    uint32_t lk = 0, rk = 0;
    int a = affine(l, s, &lv, &lk, depth), b = affine(r, s, &rv, &rk, depth);
    if (a < 0 || b < 0 || (a && b))
        return -1;
    if (!a && !b)
        return 0;
    bool rconst = BinaryenExpressionGetId(r) == BinaryenConstId();
    bool lconst = BinaryenExpressionGetId(l) == BinaryenConstId();
    *v = a ? lv : rv;
    if (op == BinaryenAddInt32())
        *k = a ? lk : rk;
    else if (op == BinaryenSubInt32())
        *k = a ? lk : 0u - rk;
    else if (op == BinaryenShlInt32() && a && rconst)
        *k = lk << (BinaryenConstGetValueI32(r) & 31);
    else if (op == BinaryenMulInt32() && (a ? rconst : lconst))
        *k = (a ? lk : rk) * (uint32_t)BinaryenConstGetValueI32(a ? r : l);
    else
        return -1;
    return 1;
}

bool bounded_by_memory(BinaryenExpressionRef loop, struct fn *f)
{
    struct scanloop s = { .f = f };
    s.writes = calloc(f->nlocals, sizeof *s.writes);
    s.step = calloc(f->nlocals, sizeof *s.step);
    s.every_turn = calloc(f->nlocals, sizeof *s.every_turn);
    s.def = calloc(f->nlocals, sizeof *s.def);
    if (!s.writes || !s.step || !s.every_turn || !s.def)
        die("out of memory", NULL);
    collect(loop, &s);
    bool bounded = false;
    if (!s.too_big) {
        follow(BinaryenLoopGetBody(loop), true, &s);
        for (int i = 0; i < s.naccess && !bounded; i++) {
            BinaryenIndex v;
            uint32_t k;
            if (affine(s.access[i], &s, &v, &k, 0) == 1 && s.writes[v] == 1 && s.every_turn[v])
                bounded = k * (uint32_t)s.step[v] != 0;
        }
    }
    free(s.writes);
    free(s.step);
    free(s.every_turn);
    free(s.def);
    return bounded;
}

