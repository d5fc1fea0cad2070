// preempt-loops.js - what the preemption pass (preempt.js) reads of a
// function's code: the children of an expression, and the loops that need no
// preemption point because memory bounds them.
//
// binaryen.js has no generic walk over an expression's children: kids names
// them for every kind of expression that clang's code for these programs
// contains, in the order they are evaluated, and the pass refuses a module
// with any other kind rather than miss a loop inside it.

// The children of e, in the order they are evaluated; an absent one (an if
// without else, a br without value) is 0.
export function kids(b, e, f) {
  const id = b._BinaryenExpressionGetId(e);
  switch (id) {
    case b.BlockId: return b.Block.getChildren(e);
    case b.CallId: return b.Call.getOperands(e);
    case b.CallIndirectId: return [...b.CallIndirect.getOperands(e), b.CallIndirect.getTarget(e)];
    case b.TupleMakeId: return b.TupleMake.getOperands(e);
    case b.IfId: return [b.If.getCondition(e), b.If.getIfTrue(e), b.If.getIfFalse(e)];
    case b.LoopId: return [b.Loop.getBody(e)];
    case b.BreakId: return [b.Break.getValue(e), b.Break.getCondition(e)];
    case b.SwitchId: return [b.Switch.getValue(e), b.Switch.getCondition(e)];
    case b.LocalSetId: return [b.LocalSet.getValue(e)];
    case b.GlobalSetId: return [b.GlobalSet.getValue(e)];
    case b.LoadId: return [b.Load.getPtr(e)];
    case b.StoreId: return [b.Store.getPtr(e), b.Store.getValue(e)];
    case b.UnaryId: return [b.Unary.getValue(e)];
    case b.BinaryId: return [b.Binary.getLeft(e), b.Binary.getRight(e)];
    case b.SelectId: return [b.Select.getIfTrue(e), b.Select.getIfFalse(e), b.Select.getCondition(e)];
    case b.DropId: return [b.Drop.getValue(e)];
    case b.ReturnId: return [b.Return.getValue(e)];
    case b.MemoryGrowId: return [b.MemoryGrow.getDelta(e)];
    case b.MemoryInitId: return [b.MemoryInit.getDest(e), b.MemoryInit.getOffset(e), b.MemoryInit.getSize(e)];
    case b.MemoryCopyId: return [b.MemoryCopy.getDest(e), b.MemoryCopy.getSource(e), b.MemoryCopy.getSize(e)];
    case b.MemoryFillId: return [b.MemoryFill.getDest(e), b.MemoryFill.getValue(e), b.MemoryFill.getSize(e)];
    case b.RefIsNullId: return [b.RefIsNull.getValue(e)];
    case b.RefEqId: return [b.RefEq.getLeft(e), b.RefEq.getRight(e)];
    case b.TableGetId: return [b.TableGet.getIndex(e)];
    case b.TableSetId: return [b.TableSet.getIndex(e), b.TableSet.getValue(e)];
    case b.TableGrowId: return [b.TableGrow.getValue(e), b.TableGrow.getDelta(e)];
    case b.TupleExtractId: return [b.TupleExtract.getTuple(e)];
    case b.NopId: case b.UnreachableId: case b.ConstId: case b.LocalGetId: case b.GlobalGetId:
    case b.MemorySizeId: case b.DataDropId: case b.RefNullId: case b.RefFuncId: case b.TableSizeId:
      return [];
    default:
      // exceptions, SIMD, atomics, GC: clang emits none for these programs
      throw new Error(`an instruction this pass does not know is in function ${f.name}`);
  }
}

// A loop needs no check if, on every turn, it reads or writes memory at an
// address that moves by the same non-zero step each turn: it then leaves the
// program's memory, and traps, after at most as many turns as the memory has
// bytes - milliseconds. That is the shape of the loops that scan a string
// or a buffer (strlen, a comparison, a copy, parsing a number), which are
// the hot inner loops of most programs, and leaving them alone keeps their
// functions, and every caller, out of asyncify's reach.
//
// Found on the loop's code: a local v written once in the loop, by
// v = v + c (c a constant, not 0), and an access to memory at an address
// k*v + (what the loop does not change: constants, locals it does not
// write), with k*c not 0 - both done on every turn, that is before anything
// in the turn can branch to a label inside the loop (its head, or a place
// further on in the turn). A program's memory is far below 2 GiB, so the
// address cannot wrap around and stay inside it.
const MAXLABELS = 64;
const MAXACCESS = 64;

export function boundedByMemory(b, loop, f) {
  const s = {
    b, f,
    labels: [],                             // the labels inside the loop, its own first
    tooBig: false,                          // more labels than that: not analysed
    writes: new Int32Array(f.nlocals),      // per local: writes in the loop
    step: new Int32Array(f.nlocals),        // per local: c of a write v = v + c, if it is one
    everyTurn: new Uint8Array(f.nlocals),   // per local: that write is done on every turn
    def: new Array(f.nlocals).fill(0),      // per local: its write in the loop (if only one)
    access: [],                             // addresses accessed on every turn
  };
  collect(loop, s);
  if (s.tooBig) return false;
  follow(b.Loop.getBody(loop), true, s);
  for (const a of s.access) {
    const r = affine(a, s, 0);
    if (r.kind === 1 && s.writes[r.v] === 1 && s.everyTurn[r.v] && Math.imul(r.k, s.step[r.v]) !== 0)
      return true;
  }
  return false;
}

function labelBit(s, name) {
  const i = name ? s.labels.indexOf(name) : -1;
  return i < 0 ? 0n : 1n << BigInt(i);      // a label outside the loop: leaving it
}

// The constant step of the local set e (v = v + c, c + v, v - c), or 0.
function stepOf(b, e) {
  let v = b.LocalSet.getValue(e);
  while (b._BinaryenExpressionGetId(v) === b.LocalSetId)     // v = (w = v + c)
    v = b.LocalSet.getValue(v);
  if (b._BinaryenExpressionGetId(v) !== b.BinaryId || b._BinaryenExpressionGetType(v) !== b.i32)
    return 0;
  const op = b.Binary.getOp(v);
  let l = b.Binary.getLeft(v), r = b.Binary.getRight(v);
  if (op === b.AddInt32 && b._BinaryenExpressionGetId(l) === b.ConstId) [l, r] = [r, l];
  if ((op !== b.AddInt32 && op !== b.SubInt32) ||
      b._BinaryenExpressionGetId(l) !== b.LocalGetId ||
      b.LocalGet.getIndex(l) !== b.LocalSet.getIndex(e) ||
      b._BinaryenExpressionGetId(r) !== b.ConstId)
    return 0;
  const c = b.Const.getValueI32(r);
  return op === b.AddInt32 ? c : -c | 0;
}

// The first look: the loop's labels, and which locals it writes how.
function collect(e, s) {
  const { b } = s;
  const id = b._BinaryenExpressionGetId(e);
  const name = id === b.BlockId ? b.Block.getName(e) : id === b.LoopId ? b.Loop.getName(e) : null;
  if (name) {
    if (s.labels.length === MAXLABELS) s.tooBig = true;
    else s.labels.push(name);
  }
  if (id === b.LocalSetId) {
    const v = b.LocalSet.getIndex(e);
    s.writes[v]++;
    s.step[v] = stepOf(b, e);
    s.def[v] = e;
  }
  for (const k of kids(b, e, s.f)) if (k) collect(k, s);
}

// The second look, in the order the code runs. every: e runs on every turn
// (nothing before it in the turn could branch inside the loop). Returns the
// labels inside the loop, but outside e, that e may branch to.
function follow(e, every, s) {
  if (!e) return 0n;
  const { b } = s;
  const id = b._BinaryenExpressionGetId(e);
  let out = 0n;
  if (id === b.IfId) {
    out = follow(b.If.getCondition(e), every, s);
    out |= follow(b.If.getIfTrue(e), false, s);
    out |= follow(b.If.getIfFalse(e), false, s);
    return out;
  }
  if (id === b.LoopId)                      // an inner loop: its turns are its own
    return follow(b.Loop.getBody(e), false, s) & ~labelBit(s, b.Loop.getName(e));
  for (const k of kids(b, e, s.f)) out |= follow(k, every && !out, s);
  every = every && !out;                    // e itself acts after its children
  if (id === b.BlockId) {
    out &= ~labelBit(s, b.Block.getName(e));
  } else if (id === b.BreakId) {
    out |= labelBit(s, b.Break.getName(e));
  } else if (id === b.SwitchId) {
    for (const name of b.Switch.getNames(e)) out |= labelBit(s, name);
    out |= labelBit(s, b.Switch.getDefaultName(e));
  } else if (id === b.LocalSetId) {
    s.everyTurn[b.LocalSet.getIndex(e)] = every ? 1 : 0;
  } else if (every && s.access.length < MAXACCESS && (id === b.LoadId || id === b.StoreId)) {
    s.access.push(id === b.LoadId ? b.Load.getPtr(e) : b.Store.getPtr(e));
  }
  return out;
}

// Whether e is k*v + (what the loop does not change) for one local v that
// the loop steps: kind 1, with v and k (a 32-bit product: only whether k
// times the step is 0 matters); kind 0 if the loop does not change e at all;
// kind -1 otherwise. A local the loop sets once on every turn stands for its
// value (an address computed into a local, then used): from one turn to the
// next it moves as that value does. depth bounds that.
const FIXED = { kind: 0 }, OTHER = { kind: -1 };

function affine(e, s, depth) {
  const { b } = s;
  const id = b._BinaryenExpressionGetId(e);
  if (id === b.ConstId) return FIXED;
  if (id === b.LocalGetId) {
    const x = b.LocalGet.getIndex(e);
    if (!s.writes[x]) return FIXED;
    if (s.writes[x] === 1 && s.everyTurn[x] && !s.step[x] && depth < 8)
      return affine(b.LocalSet.getValue(s.def[x]), s, depth + 1);
    return { kind: 1, v: x, k: 1 };
  }
  if (id === b.LocalSetId)                  // a tee: its value
    return affine(b.LocalSet.getValue(e), s, depth);
  if (id === b.UnaryId)
    return affine(b.Unary.getValue(e), s, depth).kind === 0 ? FIXED : OTHER;
  if (id !== b.BinaryId) return OTHER;      // loads, globals, calls: may change
  const op = b.Binary.getOp(e);
  const l = b.Binary.getLeft(e), r = b.Binary.getRight(e);
  const A = affine(l, s, depth), B = affine(r, s, depth);
  if (A.kind < 0 || B.kind < 0 || (A.kind && B.kind)) return OTHER;
  if (!A.kind && !B.kind) return FIXED;
  const rconst = b._BinaryenExpressionGetId(r) === b.ConstId;
  const lconst = b._BinaryenExpressionGetId(l) === b.ConstId;
  const a = A.kind === 1, v = a ? A.v : B.v;
  let k;
  if (op === b.AddInt32) k = a ? A.k : B.k;
  else if (op === b.SubInt32) k = a ? A.k : -B.k | 0;
  else if (op === b.ShlInt32 && a && rconst) k = A.k << (b.Const.getValueI32(r) & 31);
  else if (op === b.MulInt32 && (a ? rconst : lconst))
    k = Math.imul(a ? A.k : B.k, b.Const.getValueI32(a ? r : l));
  else return OTHER;
  return { kind: 1, v, k };
}
