/*
 * preempt.c - put preemption points into a user program built for wasm32,
 * so that the web target can take the CPU from a program that computes
 * without ever calling the kernel (docs/design.md, "How the browser
 * preempts a program that never calls the kernel").
 *
 *   preempt [-v] [-t TRUSTED] IN.wasm OUT.wasm
 *
 * (walk.c walks the code, bounded.c finds the loops that memory bounds.)
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
 * Loops that memory bounds need no check either (bounded.c): the loops that
 * scan a string or a buffer. How a loop is checked without slowing it: see
 * check_loop. The code is read through Binaryen's C API (walk.c).
 */
#include "preempt.h"

#define BUDGET     "__dx_budget"        /* the global, and its export */
#define PREEMPT    "__dx_preempt"       /* the C library's slow path, by export */

static BinaryenModuleRef mod;

static struct fn *fns;
static int nfns;

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
 * Which functions asyncify will instrument, as it decides: those that call
 * an import (the program's are sys.syscall and sys.preempt), make an
 * indirect call, or call one that is instrumented - and those that get a
 * check, which calls __dx_preempt. check_loop asks it of a loop's calls.
 */
static bool gets_checks(struct fn *f)
{
    return !f->imported && f->reaches_program && strcmp(f->name, preempt_fn) != 0 &&
           (f->loops || f->recursive);
}

static void may_unwind(void)
{
    for (int i = 0; i < nfns; i++)
        fns[i].unwinds = fns[i].nsigs > 0 || gets_checks(&fns[i]) ||
                         strcmp(fns[i].name, preempt_fn) == 0;
    for (bool more = true; more;) {
        more = false;
        for (int i = 0; i < nfns; i++) {
            for (int j = 0; j < fns[i].ncalls && !fns[i].unwinds; j++) {
                struct fn *g = &fns[fns[i].calls[j]];
                if (g->imported || g->unwinds)
                    fns[i].unwinds = more = true;
            }
        }
    }
}

/* Whether e makes a call that asyncify instruments. */
static bool calls_unwinding(BinaryenExpressionRef e, struct fn *f)
{
    if (!e)
        return false;
    BinaryenExpressionId id = BinaryenExpressionGetId(e);
    if (id == BinaryenCallIndirectId() ||
        (id == BinaryenCallId() && fns[fn_index(BinaryenCallGetTarget(e))].unwinds))
        return true;
    for (BinaryenIndex i = 0, n = nkids(e, f); i < n; i++)
        if (calls_unwinding(kid_at(e, i, f), f))
            return true;
    return false;
}

/*
 * A loop. If its body already makes a call that asyncify instruments (a
 * system call, say), every turn pays for that anyway, and the check is
 * simply put at its head: if (spend()) __dx_preempt(). Otherwise the check
 * must not call from inside the loop: asyncify, which
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
    if (BinaryenExpressionGetId(e) != BinaryenLoopId() || is_bounded(e))
        return;
    if (calls_unwinding(BinaryenLoopGetBody(e), f)) {
        BinaryenExpressionRef list[2] = {
            BinaryenIf(mod, spend(), call_preempt(), NULL),
            BinaryenLoopGetBody(e),
        };
        BinaryenLoopSetBody(e, BinaryenBlock(mod, NULL, list, 2, BinaryenTypeAuto()));
        nloops++;
        return;
    }
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
        fprintf(stderr, "usage: preempt [-v] [-t TRUSTED] IN.wasm OUT.wasm\n");
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
    may_unwind();
    BinaryenAddGlobal(mod, BUDGET, BinaryenTypeInt32(), true,
                      BinaryenConst(mod, BinaryenLiteralInt32(0)));
    BinaryenAddGlobalExport(mod, BUDGET, BUDGET);
    int checked = 0;
    for (int i = 0; i < nfns; i++) {
        struct fn *f = &fns[i];
        if (!gets_checks(f))
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
