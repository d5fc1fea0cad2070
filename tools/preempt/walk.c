/*
 * walk.c - walking a function's code through Binaryen's C API, which has no
 * generic walk: fixed_kids names the children of every kind of expression
 * that clang's code for these programs contains, in the order they are
 * evaluated, and the tool refuses a module with any other kind rather than
 * miss a loop inside it. Also the tool's two small helpers, die and grow.
 */
#include "preempt.h"

void die(const char *msg, const char *what)
{
    fprintf(stderr, "preempt: %s%s%s\n", msg, what ? ": " : "", what ? what : "");
    exit(1);
}

void *grow(void *p, int *cap, size_t size)
{
    *cap = *cap ? 2 * *cap : 8;
    p = realloc(p, (size_t)*cap * size);
    if (!p)
        die("out of memory", NULL);
    return p;
}

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
BinaryenIndex nkids(BinaryenExpressionRef e, struct fn *f)
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

BinaryenExpressionRef kid_at(BinaryenExpressionRef e, BinaryenIndex i, struct fn *f)
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
void walk(BinaryenExpressionRef e, struct fn *f, visit_fn *visit)
{
    if (!e)
        return;
    for (BinaryenIndex i = 0, n = nkids(e, f); i < n; i++)
        walk(kid_at(e, i, f), f, visit);
    visit(e, f);
}

