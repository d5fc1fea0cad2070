/*
 * preempt.c - put preemption points into a user program built for wasm32,
 * so that the web target can take the CPU from a program that computes
 * without ever calling the kernel (docs/design.md, "How the browser
 * preempts a program that never calls the kernel").
 *
 *   preempt [-v] [-t TRUSTED] IN.wasm OUT.wasm
 *
 * A WebAssembly instance cannot be interrupted from outside: JavaScript gets
 * control back only when the program calls an import. So the program is made
 * to call one often enough. The Makefile runs this tool on each linked
 * program, before Binaryen's asyncify pass, and it adds:
 *
 *   - a mutable global, exported as __dx_budget: how many more checks may
 *     pass before the runtime is asked whether the time slice is over;
 *   - a check at the head of loops and at the entry of functions that can
 *     recurse: __dx_budget = __dx_budget - 1; if it went below zero, call
 *     __dx_preempt.
 *
 * __dx_preempt is the C library's (shell/lib/arch/wasm32/crt.c): it calls the
 * import sys.preempt, which refills the budget and, when the slice is over,
 * unwinds the program with asyncify exactly as a blocking system call does
 * (web/process.js). Asyncify is told that sys.preempt may unwind, so it
 * instruments every function that can reach a check, and no other.
 *
 * Where the checks go. A program runs forever without a check only if it
 * runs forever in code that has none, and code without loops and without
 * recursion ends. Recursion is found on the call graph: direct calls, and for
 * an indirect call an edge to every function in the table (or taken by
 * ref.func) of the call's signature - any of them may be its target. The
 * functions of each cycle (a strongly connected component of more than one
 * function, or one that calls itself) get the check at their entry.
 *
 * Which functions are left alone. -t names a file of trusted functions, one
 * name a line: the Makefile lists the C library's and the compiler runtime's
 * (less any name the program defines itself). Their loops run a number of
 * times bounded by the size of what they are given - a memcpy of 100 MB takes
 * milliseconds - so they need no checks, unless they can call back into the
 * program (qsort's comparison, a signal handler): a trusted function from
 * which an untrusted one can be reached is checked like the program's own.
 * Leaving the library alone keeps its hot loops (memcpy, strlen, printf's)
 * as fast as before, and keeps asyncify from instrumenting functions it did
 * not need to; the cost is in docs/design.md.
 *
 * How a loop is checked without slowing it: see check_loop.
 *
 * The tool reads the function bodies through Binaryen's C API, which has no
 * generic walk: walk() knows every kind of expression that clang's code can
 * contain, and refuses a module with any other rather than miss a loop.
 */
#define _POSIX_C_SOURCE 200809L
#include <binaryen-c.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUDGET     "__dx_budget"        /* the global, and its export */
#define PREEMPT    "__dx_preempt"       /* the C library's slow path, by export */

static BinaryenModuleRef mod;
static const char *prog = "preempt";

struct sig { BinaryenType params, results; };

struct fn {
    const char *name;
    BinaryenType params, results;
    bool imported;
    bool in_table;                  /* its address is taken */
    bool trusted;                   /* named by -t */
    bool recursive;                 /* on a cycle of the call graph */
    bool reaches_program;           /* an untrusted function can run under it */
    int loops;                      /* loops that need a check */
    int bounded;                    /* loops that do not (bounded_by_memory) */
    BinaryenIndex nlocals;
    int *calls, ncalls, capcalls;   /* callees, by index; indirect ones resolved */
    struct sig *sigs;               /* its indirect calls' signatures */
    int nsigs, capsigs;
    int index, low, onstack;        /* Tarjan's */
};

static struct fn *fns;
static int nfns;

static void die(const char *msg, const char *what)
{
    fprintf(stderr, "%s: %s%s%s\n", prog, msg, what ? ": " : "", what ? what : "");
    exit(1);
}

static void *grow(void *p, int *cap, size_t size)
{
    *cap = *cap ? 2 * *cap : 8;
    p = realloc(p, (size_t)*cap * size);
    if (!p)
        die("out of memory", NULL);
    return p;
}

static int fn_index(const char *name)
{
    for (int i = 0; i < nfns; i++)
        if (strcmp(fns[i].name, name) == 0)
            return i;
    die("no such function", name);
    return -1;
}

static void add_call(struct fn *f, int callee)
{
    if (f->ncalls == f->capcalls)
        f->calls = grow(f->calls, &f->capcalls, sizeof *f->calls);
    f->calls[f->ncalls++] = callee;
}

/* ---- walking a body ---------------------------------------------------------- */

/* The children of e with a fixed number of them, in the order they are
 * evaluated (absent ones are NULL); -1 for a kind with a list of them. */
static int fixed_kids(BinaryenExpressionRef e, BinaryenExpressionRef kid[3], struct fn *f)
{
    BinaryenExpressionId id = BinaryenExpressionGetId(e);
    kid[0] = kid[1] = kid[2] = NULL;
    if (id == BinaryenBlockId() || id == BinaryenCallId() || id == BinaryenCallIndirectId() ||
        id == BinaryenTupleMakeId())
        return -1;
    if (id == BinaryenIfId()) {
        kid[0] = BinaryenIfGetCondition(e);
        kid[1] = BinaryenIfGetIfTrue(e);
        kid[2] = BinaryenIfGetIfFalse(e);
        return 3;
    }
    if (id == BinaryenLoopId())
        kid[0] = BinaryenLoopGetBody(e);
    else if (id == BinaryenBreakId())
        kid[0] = BinaryenBreakGetValue(e), kid[1] = BinaryenBreakGetCondition(e);
    else if (id == BinaryenSwitchId())
        kid[0] = BinaryenSwitchGetValue(e), kid[1] = BinaryenSwitchGetCondition(e);
    else if (id == BinaryenLocalSetId())
        kid[0] = BinaryenLocalSetGetValue(e);
    else if (id == BinaryenGlobalSetId())
        kid[0] = BinaryenGlobalSetGetValue(e);
    else if (id == BinaryenLoadId())
        kid[0] = BinaryenLoadGetPtr(e);
    else if (id == BinaryenStoreId())
        kid[0] = BinaryenStoreGetPtr(e), kid[1] = BinaryenStoreGetValue(e);
    else if (id == BinaryenUnaryId())
        kid[0] = BinaryenUnaryGetValue(e);
    else if (id == BinaryenBinaryId())
        kid[0] = BinaryenBinaryGetLeft(e), kid[1] = BinaryenBinaryGetRight(e);
    else if (id == BinaryenSelectId())
        kid[0] = BinaryenSelectGetIfTrue(e), kid[1] = BinaryenSelectGetIfFalse(e),
        kid[2] = BinaryenSelectGetCondition(e);
    else if (id == BinaryenDropId())
        kid[0] = BinaryenDropGetValue(e);
    else if (id == BinaryenReturnId())
        kid[0] = BinaryenReturnGetValue(e);
    else if (id == BinaryenMemoryGrowId())
        kid[0] = BinaryenMemoryGrowGetDelta(e);
    else if (id == BinaryenMemoryInitId())
        kid[0] = BinaryenMemoryInitGetDest(e), kid[1] = BinaryenMemoryInitGetOffset(e),
        kid[2] = BinaryenMemoryInitGetSize(e);
    else if (id == BinaryenMemoryCopyId())
        kid[0] = BinaryenMemoryCopyGetDest(e), kid[1] = BinaryenMemoryCopyGetSource(e),
        kid[2] = BinaryenMemoryCopyGetSize(e);
    else if (id == BinaryenMemoryFillId())
        kid[0] = BinaryenMemoryFillGetDest(e), kid[1] = BinaryenMemoryFillGetValue(e),
        kid[2] = BinaryenMemoryFillGetSize(e);
    else if (id == BinaryenRefIsId())
        kid[0] = BinaryenRefIsGetValue(e);
    else if (id == BinaryenRefEqId())
        kid[0] = BinaryenRefEqGetLeft(e), kid[1] = BinaryenRefEqGetRight(e);
    else if (id == BinaryenTableGetId())
        kid[0] = BinaryenTableGetGetIndex(e);
    else if (id == BinaryenTableSetId())
        kid[0] = BinaryenTableSetGetIndex(e), kid[1] = BinaryenTableSetGetValue(e);
    else if (id == BinaryenTableGrowId())
        kid[0] = BinaryenTableGrowGetValue(e), kid[1] = BinaryenTableGrowGetDelta(e);
    else if (id == BinaryenTupleExtractId())
        kid[0] = BinaryenTupleExtractGetTuple(e);
    else if (id != BinaryenNopId() && id != BinaryenUnreachableId() && id != BinaryenConstId() &&
             id != BinaryenLocalGetId() && id != BinaryenGlobalGetId() &&
             id != BinaryenMemorySizeId() && id != BinaryenDataDropId() &&
             id != BinaryenRefNullId() && id != BinaryenRefFuncId() &&
             id != BinaryenTableSizeId())
        /* exceptions, SIMD, atomics, GC: clang emits none for these programs */
        die("an instruction this tool does not know is in function", f->name);
    return 3;
}

/* How many children e has, and the i-th, in the order they are evaluated
 * (NULL for an absent one, such as an if without else). */
static BinaryenIndex nkids(BinaryenExpressionRef e, struct fn *f)
{
    BinaryenExpressionId id = BinaryenExpressionGetId(e);
    BinaryenExpressionRef kid[3];
    if (fixed_kids(e, kid, f) >= 0)
        return 3;
    if (id == BinaryenBlockId())
        return BinaryenBlockGetNumChildren(e);
    if (id == BinaryenCallId())
        return BinaryenCallGetNumOperands(e);
    if (id == BinaryenCallIndirectId())
        return BinaryenCallIndirectGetNumOperands(e) + 1;
    return BinaryenTupleMakeGetNumOperands(e);
}

static BinaryenExpressionRef kid_at(BinaryenExpressionRef e, BinaryenIndex i, struct fn *f)
{
    BinaryenExpressionId id = BinaryenExpressionGetId(e);
    BinaryenExpressionRef kid[3];
    if (fixed_kids(e, kid, f) >= 0)
        return kid[i];
    if (id == BinaryenBlockId())
        return BinaryenBlockGetChildAt(e, i);
    if (id == BinaryenCallId())
        return BinaryenCallGetOperandAt(e, i);
    if (id == BinaryenCallIndirectId())
        return i < BinaryenCallIndirectGetNumOperands(e) ? BinaryenCallIndirectGetOperandAt(e, i)
                                                         : BinaryenCallIndirectGetTarget(e);
    return BinaryenTupleMakeGetOperandAt(e, i);
}

/* Call visit on every expression under e, children before parents. */
typedef void visit_fn(BinaryenExpressionRef e, struct fn *f);

static void walk(BinaryenExpressionRef e, struct fn *f, visit_fn *visit)
{
    if (!e)
        return;
    for (BinaryenIndex i = 0, n = nkids(e, f); i < n; i++)
        walk(kid_at(e, i, f), f, visit);
    visit(e, f);
}

/* ---- loops that memory bounds --------------------------------------------------------- */

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

static bool bounded_by_memory(BinaryenExpressionRef loop, struct fn *f)
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

static BinaryenExpressionRef *bounded_loops;
static int nbounded, capbounded;

static bool is_bounded(BinaryenExpressionRef loop)
{
    for (int i = 0; i < nbounded; i++)
        if (bounded_loops[i] == loop)
            return true;
    return false;
}

/* The first pass: loops, direct calls, the signatures of indirect calls,
 * and the functions taken by address through ref.func. */
static void scan(BinaryenExpressionRef e, struct fn *f)
{
    BinaryenExpressionId id = BinaryenExpressionGetId(e);
    if (id == BinaryenCallId()) {
        add_call(f, fn_index(BinaryenCallGetTarget(e)));
    } else if (id == BinaryenCallIndirectId()) {
        if (f->nsigs == f->capsigs)
            f->sigs = grow(f->sigs, &f->capsigs, sizeof *f->sigs);
        f->sigs[f->nsigs++] = (struct sig){ BinaryenCallIndirectGetParams(e),
                                            BinaryenCallIndirectGetResults(e) };
    } else if (id == BinaryenLoopId()) {
        if (bounded_by_memory(e, f)) {
            if (nbounded == capbounded)
                bounded_loops = grow(bounded_loops, &capbounded, sizeof *bounded_loops);
            bounded_loops[nbounded++] = e;
            f->bounded++;
        } else {
            f->loops++;
        }
    } else if (id == BinaryenRefFuncId()) {
        fns[fn_index(BinaryenRefFuncGetFunc(e))].in_table = true;
    }
}

/* An indirect call may reach every function in the table of its signature
 * (calling one of another signature traps). */
static void resolve_indirect(struct fn *f)
{
    for (int w = 0; w < nfns; w++) {
        if (!fns[w].in_table)
            continue;
        for (int s = 0; s < f->nsigs; s++) {
            if (f->sigs[s].params == fns[w].params && f->sigs[s].results == fns[w].results) {
                add_call(f, w);
                break;
            }
        }
    }
}

/* ---- the call graph's cycles ---------------------------------------------------- */

static int *stack, sp, counter;

/*
 * Tarjan's strongly connected components (recursive: a program has a few
 * thousand functions at most). A component is complete only after every
 * component it calls into, so whether the program's code can run under it
 * is known from its members and the components it calls.
 */
static void strongconnect(int v)
{
    struct fn *f = &fns[v];
    f->index = f->low = ++counter;
    stack[sp++] = v;
    f->onstack = 1;
    for (int i = 0; i < f->ncalls; i++) {
        struct fn *w = &fns[f->calls[i]];
        if (!w->index) {
            strongconnect(f->calls[i]);
            if (w->low < f->low)
                f->low = w->low;
        } else if (w->onstack && w->index < f->low) {
            f->low = w->index;
        }
    }
    if (f->low != f->index)
        return;
    int top = sp;
    do
        fns[stack[--sp]].onstack = 0;
    while (stack[sp] != v);
    bool reaches = false;
    for (int i = sp; i < top; i++) {
        struct fn *g = &fns[stack[i]];
        reaches |= !g->trusted && !g->imported;
        for (int j = 0; j < g->ncalls; j++)
            reaches |= fns[g->calls[j]].reaches_program;    /* false within the component */
    }
    for (int i = sp; i < top; i++) {
        struct fn *g = &fns[stack[i]];
        bool self = false;
        for (int j = 0; j < g->ncalls; j++)
            self |= g->calls[j] == stack[i];
        g->recursive = top - sp > 1 || self;
        g->reaches_program = reaches;
    }
}

/* ---- instrumenting ------------------------------------------------------------------ */

static const char *preempt_fn;
static int nloops, nentries, nlabels;

/* __dx_budget = __dx_budget - 1, then whether it went below zero. */
static BinaryenExpressionRef spend(void)
{
    BinaryenExpressionRef list[2] = {
        BinaryenGlobalSet(mod, BUDGET,
            BinaryenBinary(mod, BinaryenSubInt32(),
                           BinaryenGlobalGet(mod, BUDGET, BinaryenTypeInt32()),
                           BinaryenConst(mod, BinaryenLiteralInt32(1)))),
        BinaryenBinary(mod, BinaryenLtSInt32(),
                       BinaryenGlobalGet(mod, BUDGET, BinaryenTypeInt32()),
                       BinaryenConst(mod, BinaryenLiteralInt32(0))),
    };
    return BinaryenBlock(mod, NULL, list, 2, BinaryenTypeInt32());
}

static BinaryenExpressionRef call_preempt(void)
{
    return BinaryenCall(mod, preempt_fn, NULL, 0, BinaryenTypeNone());
}

static const char *label(const char *what)
{
    char buf[64];
    snprintf(buf, sizeof buf, "__dx_%s%d", what, nlabels++);
    char *s = strdup(buf);
    if (!s)
        die("out of memory", NULL);
    return s;
}

/* A function's entry: if (spend()) __dx_preempt(); then the body. */
static void check_entry(BinaryenFunctionRef fr)
{
    BinaryenExpressionRef list[2] = {
        BinaryenIf(mod, spend(), call_preempt(), NULL),
        BinaryenFunctionGetBody(fr),
    };
    BinaryenFunctionSetBody(fr, BinaryenBlock(mod, NULL, list, 2, BinaryenTypeAuto()));
    nentries++;
}

/*
 * A loop. Its check must not call from inside the loop: asyncify, which
 * must be able to resume at any call that may unwind, would then make every
 * iteration first ask whether it is resuming (a few more instructions on
 * each turn of the tightest loops). So the check leaves the loop, the call
 * is made outside it, and the loop is entered again - the same as going back
 * to its head, since a loop carries nothing from one turn to the next but
 * locals. The loop node becomes the outer one, so its parent need not change:
 *
 *     loop $L (T)                  loop $again (T)
 *       BODY              =>         block $fall (T)
 *                                      block $over
 *                                        br $fall (loop $L (T)
 *                                                   br_if $over (spend())
 *                                                   BODY)
 *                                      call $__dx_preempt
 *                                      br $again
 *
 * (For a loop without a value, br $fall comes after the inner loop; one
 * that never falls through stays of type unreachable.)
 */
static void check_loop(BinaryenExpressionRef e, struct fn *f)
{
    (void)f;
    if (BinaryenExpressionGetId(e) != BinaryenLoopId() || is_bounded(e))
        return;
    BinaryenType t = BinaryenExpressionGetType(e);
    bool value = t != BinaryenTypeNone() && t != BinaryenTypeUnreachable();
    const char *again = label("again"), *fall = label("fall"), *over = label("over");

    BinaryenExpressionRef head[2] = {
        BinaryenBreak(mod, over, spend(), NULL),
        BinaryenLoopGetBody(e),
    };
    BinaryenExpressionRef inner = BinaryenLoop(mod, BinaryenLoopGetName(e),
        BinaryenBlock(mod, NULL, head, 2, BinaryenTypeAuto()));
    BinaryenExpressionRef leave[2] = {
        value ? BinaryenBreak(mod, fall, NULL, inner) : inner,
        value ? NULL : BinaryenBreak(mod, fall, NULL, NULL),
    };
    BinaryenExpressionRef body[3] = {
        BinaryenBlock(mod, over, leave, value ? 1 : 2, BinaryenTypeNone()),
        call_preempt(),
        BinaryenBreak(mod, again, NULL, NULL),
    };
    BinaryenExpressionRef whole = BinaryenBlock(mod, fall, body, 3,
                                                value ? t : BinaryenTypeNone());
    if (t == BinaryenTypeUnreachable()) {
        BinaryenExpressionRef list[2] = { whole, BinaryenUnreachable(mod) };
        whole = BinaryenBlock(mod, NULL, list, 2, BinaryenTypeUnreachable());
    }
    BinaryenLoopSetName(e, again);
    BinaryenLoopSetBody(e, whole);
    nloops++;
}

/* ---- main ------------------------------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        die("cannot open", path);
    char *buf = NULL;
    int cap = 0;
    size_t n = 0, r;
    do {
        if (n == (size_t)cap * 65536)
            buf = grow(buf, &cap, 65536);
        r = fread(buf + n, 1, (size_t)cap * 65536 - n, fp);
        n += r;
    } while (r > 0);
    fclose(fp);
    *len = n;
    buf[n] = 0;         /* room is left: the loop stops on a short read */
    return buf;
}

/* The functions named in the file at path, one name a line, are trusted. */
static void trust(const char *path)
{
    size_t len;
    char *list = slurp(path, &len);
    for (char *name = strtok(list, "\n"); name; name = strtok(NULL, "\n"))
        for (int i = 0; i < nfns; i++)
            if (strcmp(fns[i].name, name) == 0)
                fns[i].trusted = true;
    free(list);
}

static void write_module(const char *path)
{
    BinaryenModuleAllocateAndWriteResult out = BinaryenModuleAllocateAndWrite(mod, NULL);
    FILE *fp = fopen(path, "wb");
    if (!fp || fwrite(out.binary, 1, out.binaryBytes, fp) != out.binaryBytes || fclose(fp) != 0)
        die("cannot write", path);
    free(out.binary);
}

int main(int argc, char **argv)
{
    bool verbose = false;
    const char *trusted = NULL;
    int a = 1;
    for (; a < argc && argv[a][0] == '-'; a++) {
        if (strcmp(argv[a], "-v") == 0)
            verbose = true;
        else if (strcmp(argv[a], "-t") == 0 && a + 1 < argc)
            trusted = argv[++a];
        else
            break;
    }
    if (argc - a != 2) {
        fprintf(stderr, "usage: %s [-v] [-t TRUSTED] IN.wasm OUT.wasm\n", prog);
        return 2;
    }
    const char *in = argv[a], *out = argv[a + 1];

    size_t len;
    char *bytes = slurp(in, &len);
    BinaryenSetDebugInfo(true);         /* keep the names, for whoever reads the output */
    mod = BinaryenModuleRead(bytes, len);
    free(bytes);
    /* the budget is an exported mutable global */
    BinaryenModuleSetFeatures(mod, BinaryenModuleGetFeatures(mod) | BinaryenFeatureMutableGlobals());
    BinaryenExportRef ex = BinaryenGetExport(mod, PREEMPT);
    if (!ex)
        die("the program does not export " PREEMPT " (is it linked with the C library?)", in);
    preempt_fn = BinaryenExportGetValue(ex);
    if (BinaryenGetGlobal(mod, BUDGET))
        die("the program already has preemption points", in);

    /* the call graph */
    nfns = (int)BinaryenGetNumFunctions(mod);
    fns = calloc((size_t)nfns, sizeof *fns);
    stack = calloc((size_t)nfns, sizeof *stack);
    if (!fns || !stack)
        die("out of memory", NULL);
    for (int i = 0; i < nfns; i++) {
        BinaryenFunctionRef fr = BinaryenGetFunctionByIndex(mod, (BinaryenIndex)i);
        const char *m = BinaryenFunctionImportGetModule(fr);
        fns[i].name = BinaryenFunctionGetName(fr);
        fns[i].params = BinaryenFunctionGetParams(fr);
        fns[i].results = BinaryenFunctionGetResults(fr);
        fns[i].imported = m && *m;
        fns[i].nlocals = BinaryenFunctionGetNumLocals(fr);
    }
    if (trusted)
        trust(trusted);
    for (BinaryenIndex s = 0; s < BinaryenGetNumElementSegments(mod); s++) {
        BinaryenElementSegmentRef seg = BinaryenGetElementSegmentByIndex(mod, s);
        for (BinaryenIndex i = 0; i < BinaryenElementSegmentGetLength(seg); i++)
            fns[fn_index(BinaryenElementSegmentGetData(seg, i))].in_table = true;
    }
    for (int i = 0; i < nfns; i++)
        if (!fns[i].imported)
            walk(BinaryenFunctionGetBody(BinaryenGetFunctionByIndex(mod, (BinaryenIndex)i)),
                 &fns[i], scan);
    for (int i = 0; i < nfns; i++)
        resolve_indirect(&fns[i]);
    for (int i = 0; i < nfns; i++)
        if (!fns[i].index)
            strongconnect(i);

    /* the checks */
    BinaryenAddGlobal(mod, BUDGET, BinaryenTypeInt32(), true,
                      BinaryenConst(mod, BinaryenLiteralInt32(0)));
    BinaryenAddGlobalExport(mod, BUDGET, BUDGET);
    int checked = 0;
    for (int i = 0; i < nfns; i++) {
        struct fn *f = &fns[i];
        if (f->imported || !f->reaches_program || strcmp(f->name, preempt_fn) == 0 ||
            (!f->loops && !f->recursive))
            continue;
        BinaryenFunctionRef fr = BinaryenGetFunctionByIndex(mod, (BinaryenIndex)i);
        walk(BinaryenFunctionGetBody(fr), f, check_loop);
        if (f->recursive)
            check_entry(fr);
        checked++;
        if (verbose)
            fprintf(stderr, "  %s: %d loop%s%s%s (%d bounded by memory)\n", f->name, f->loops,
                    f->loops == 1 ? "" : "s", f->recursive ? ", recursive" : "",
                    f->trusted ? ", calls the program" : "", f->bounded);
    }
    if (!BinaryenModuleValidate(mod))
        die("the instrumented module does not validate", in);
    if (verbose)
        fprintf(stderr, "%s: checks at %d loop heads and %d function entries, in %d of %d "
                "functions; %d loops need none (bounded by memory)\n",
                in, nloops, nentries, checked, nfns, nbounded);
    write_module(out);
    BinaryenModuleDispose(mod);
    return 0;
}
