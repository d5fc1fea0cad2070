// preempt.js - put preemption points into a program built for wasm32, so
// that the web target can take the CPU from a program that computes without
// ever calling the kernel (docs/design.md, "How the browser preempts a
// program that never calls the kernel"). It works on a module of
// binaryen.js (the `binaryen` npm package), in Node and in the page:
//
//   addPreemptionPoints(binaryen, module, { trusted, log })
//
// tools/preempt.js runs it on each program the Makefile links, and
// web/wasiprep.js on a WASI program before it first runs.
//
// A WebAssembly instance cannot be interrupted from outside: JavaScript gets
// control back only when the program calls an import. So the program is made
// to call one often enough. This adds:
//
//   - a mutable global, exported as __dx_budget: how many more checks may
//     pass before the runtime is asked whether the time slice is over;
//   - a check at the head of loops and at the entry of functions that can
//     recurse: __dx_budget = __dx_budget - 1; if it went below zero, call
//     __dx_preempt.
//
// __dx_preempt is the C library's (shell/lib/arch/wasm32/crt.c), or for a
// WASI program the import itself (web/wasiprep.js): it calls the import
// sys.preempt, which refills the budget and, when the slice is over, unwinds
// the program with asyncify exactly as a blocking system call does
// (web/process.js). Asyncify is told that sys.preempt may unwind, so it
// instruments every function that can reach a check, and no other.
//
// Where the checks go. A program runs forever without a check only if it
// runs forever in code that has none, and code without loops and without
// recursion ends. Recursion is found on the call graph: direct calls, and for
// an indirect call an edge to every function in the table (or taken by
// ref.func) of the call's signature - any of them may be its target. The
// functions of each cycle (a strongly connected component of more than one
// function, or one that calls itself) get the check at their entry.
//
// Which functions are left alone. `trusted` names the trusted functions: the
// Makefile lists the C library's and the compiler runtime's (less any name
// the program defines itself). Their loops run a number of times bounded by
// the size of what they are given - a memcpy of 100 MB takes milliseconds -
// so they need no checks, unless they can call back into the program
// (qsort's comparison, a signal handler): a trusted function from which an
// untrusted one can be reached is checked like the program's own. Leaving
// the library alone keeps its hot loops (memcpy, strlen, printf's) as fast
// as before, and keeps asyncify from instrumenting functions it did not need
// to; the cost is in docs/design.md.
//
// Loops that memory bounds need no check either (preempt-loops.js): the
// loops that scan a string or a buffer. How a loop is checked without
// slowing it: see checkLoop. The code is read through the expression
// accessors of binaryen.js, which mirror Binaryen's C API (preempt-loops.js
// also has the walk over an expression's children).
import { boundedByMemory, kids } from './preempt-loops.js';

const BUDGET = '__dx_budget';        // the global, and its export
const PREEMPT = '__dx_preempt';      // the C library's slow path, by export

// One function as the pass sees it.
function fnInfo(b, fr, index) {
  const info = b.getFunctionInfo(fr);
  return {
    name: info.name, index,
    params: info.params, results: info.results,
    imported: !!info.module,
    inTable: false,                 // its address is taken
    trusted: false,
    recursive: false,               // on a cycle of the call graph
    reachesProgram: false,          // an untrusted function can run under it
    unwinds: false,                 // asyncify will instrument it (see mayUnwind)
    loops: 0,                       // loops that need a check
    bounded: 0,                     // loops that do not (boundedByMemory)
    nlocals: b._BinaryenFunctionGetNumLocals(fr),
    calls: [],                      // callees, by index; indirect ones resolved
    sigs: [],                       // its indirect calls' signatures
    tarjan: 0, low: 0, onStack: false,
  };
}

// Call visit on every expression under e, children before parents.
function walk(b, e, f, visit) {
  if (!e) return;
  for (const k of kids(b, e, f)) walk(b, k, f, visit);
  visit(e, f);
}

export function addPreemptionPoints(b, mod, { trusted = [], log = null } = {}) {
  const ex = mod.getExport(PREEMPT);
  if (!ex)
    throw new Error(`the program does not export ${PREEMPT} (is it linked with the C library?)`);
  const preemptFn = b.getExportInfo(ex).value;
  if (mod.getExport(BUDGET))            // (by its export: a program's names may be gone)
    throw new Error('the program already has preemption points');
  // the budget is an exported mutable global
  mod.setFeatures(mod.getFeatures() | b.Features.MutableGlobals);

  // the call graph
  const fns = [];
  const byName = new Map();
  const nfns = mod.getNumFunctions();
  for (let i = 0; i < nfns; i++) {
    const f = fnInfo(b, mod.getFunctionByIndex(i), i);
    fns.push(f);
    byName.set(f.name, f);
  }
  const fn = (name) => {
    const f = byName.get(name);
    if (!f) throw new Error(`no such function: ${name}`);
    return f;
  };
  for (const name of trusted) {
    const f = byName.get(name);
    if (f) f.trusted = true;
  }
  for (let s = 0; s < mod.getNumElementSegments(); s++)
    for (const name of b.getElementSegmentInfo(mod.getElementSegmentByIndex(s)).data)
      fn(name).inTable = true;

  // The first pass: loops, direct calls, the signatures of indirect calls,
  // and the functions taken by address through ref.func.
  const boundedLoops = new Set();
  const scan = (e, f) => {
    const id = b._BinaryenExpressionGetId(e);
    if (id === b.CallId) {
      f.calls.push(fn(b.Call.getTarget(e)).index);
    } else if (id === b.CallIndirectId) {
      f.sigs.push({ params: b.CallIndirect.getParams(e), results: b.CallIndirect.getResults(e) });
    } else if (id === b.LoopId) {
      if (boundedByMemory(b, e, f)) {
        boundedLoops.add(e);
        f.bounded++;
      } else {
        f.loops++;
      }
    } else if (id === b.RefFuncId) {
      fn(b.RefFunc.getFunc(e)).inTable = true;
    }
  };
  for (let i = 0; i < nfns; i++)
    if (!fns[i].imported) walk(b, b.Function.getBody(mod.getFunctionByIndex(i)), fns[i], scan);

  // An indirect call may reach every function in the table of its signature
  // (calling one of another signature traps).
  for (const f of fns)
    for (const w of fns)
      if (w.inTable && f.sigs.some((s) => s.params === w.params && s.results === w.results))
        f.calls.push(w.index);

  stronglyConnect(fns);
  mayUnwind(fns, preemptFn);

  // the checks
  const checks = new Checks(b, mod, fns, preemptFn, boundedLoops);
  mod.addGlobal(BUDGET, b.i32, true, mod.i32.const(0));
  mod.addGlobalExport(BUDGET, BUDGET);
  let checked = 0;
  for (const f of fns) {
    if (!getsChecks(f, preemptFn)) continue;
    const fr = mod.getFunctionByIndex(f.index);
    walk(b, b.Function.getBody(fr), f, (e) => checks.loop(e, f));
    if (f.recursive) checks.entry(fr);
    checked++;
    if (log)
      log(`  ${f.name}: ${f.loops} loop${f.loops === 1 ? '' : 's'}${f.recursive ? ', recursive' : ''}` +
          `${f.trusted ? ', calls the program' : ''} (${f.bounded} bounded by memory)`);
  }
  if (!mod.validate()) throw new Error('the instrumented module does not validate');
  const stats = { loops: checks.nloops, entries: checks.nentries, checked, functions: nfns,
                  bounded: boundedLoops.size };
  if (log)
    log(`checks at ${stats.loops} loop heads and ${stats.entries} function entries, in ` +
        `${checked} of ${nfns} functions; ${stats.bounded} loops need none (bounded by memory)`);
  return stats;
}

// ---- the call graph's cycles ---------------------------------------------------

// Tarjan's strongly connected components. A component is complete only after
// every component it calls into, so whether the program's code can run
// under it is known from its members and the components it calls. The
// recursion is made explicit: a program's call graph can be deeper than the
// page's JavaScript stack.
function stronglyConnect(fns) {
  const stack = [];
  let counter = 0;
  for (const root of fns) {
    if (root.tarjan) continue;
    const work = [[root, 0]];
    root.tarjan = root.low = ++counter;
    stack.push(root);
    root.onStack = true;
    while (work.length) {
      const top = work[work.length - 1];
      const [f, i] = top;
      if (i < f.calls.length) {
        top[1]++;
        const w = fns[f.calls[i]];
        if (!w.tarjan) {
          w.tarjan = w.low = ++counter;
          stack.push(w);
          w.onStack = true;
          work.push([w, 0]);
        } else if (w.onStack && w.tarjan < f.low) {
          f.low = w.tarjan;
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        if (f.low < parent.low) parent.low = f.low;
      }
      if (f.low === f.tarjan) component(fns, stack, f);
    }
  }
}

function component(fns, stack, v) {
  const top = stack.length;
  let sp = top;
  do stack[--sp].onStack = false;
  while (stack[sp] !== v);
  const members = stack.splice(sp, top - sp);
  let reaches = false;
  for (const g of members) {
    reaches ||= !g.trusted && !g.imported;
    for (const c of g.calls) reaches ||= fns[c].reachesProgram;   // false within the component
  }
  for (const g of members) {
    g.recursive = members.length > 1 || g.calls.includes(g.index);
    g.reachesProgram = reaches;
  }
}

// ---- instrumenting --------------------------------------------------------------

// Which functions asyncify will instrument, as it decides: those that call an
// import (a program's are sys.syscall and sys.preempt, a WASI program's its
// WASI calls), make an indirect call, or call one that is instrumented - and
// those that get a check, which calls __dx_preempt. Checks.loop asks it of a
// loop's calls.
function getsChecks(f, preemptFn) {
  return !f.imported && f.reachesProgram && f.name !== preemptFn && (f.loops > 0 || f.recursive);
}

function mayUnwind(fns, preemptFn) {
  for (const f of fns)
    f.unwinds = f.sigs.length > 0 || getsChecks(f, preemptFn) || f.name === preemptFn;
  for (let more = true; more;) {
    more = false;
    for (const f of fns) {
      if (f.unwinds) continue;
      if (f.calls.some((c) => fns[c].imported || fns[c].unwinds)) f.unwinds = more = true;
    }
  }
}

class Checks {
  constructor(b, mod, fns, preemptFn, boundedLoops) {
    Object.assign(this, { b, mod, fns, preemptFn, boundedLoops });
    this.byName = new Map(fns.map((f) => [f.name, f]));
    this.nloops = this.nentries = this.nlabels = 0;
  }

  // __dx_budget = __dx_budget - 1, then whether it went below zero.
  spend() {
    const { b, mod } = this;
    return mod.block(null, [
      mod.global.set(BUDGET, mod.i32.sub(mod.global.get(BUDGET, b.i32), mod.i32.const(1))),
      mod.i32.lt_s(mod.global.get(BUDGET, b.i32), mod.i32.const(0)),
    ], b.i32);
  }

  callPreempt() {
    return this.mod.call(this.preemptFn, [], this.b.none);
  }

  label(what) {
    return `__dx_${what}${this.nlabels++}`;
  }

  // A function's entry: if (spend()) __dx_preempt(); then the body.
  entry(fr) {
    const { b, mod } = this;
    b.Function.setBody(fr, mod.block(null, [
      mod.if(this.spend(), this.callPreempt()),
      b.Function.getBody(fr),
    ], b.auto));
    this.nentries++;
  }

  // Whether e makes a call that asyncify instruments.
  callsUnwinding(e, f) {
    if (!e) return false;
    const { b } = this;
    const id = b._BinaryenExpressionGetId(e);
    if (id === b.CallIndirectId || (id === b.CallId && this.byName.get(b.Call.getTarget(e)).unwinds))
      return true;
    return kids(b, e, f).some((k) => this.callsUnwinding(k, f));
  }

  // A loop. If its body already makes a call that asyncify instruments (a
  // system call, say), every turn pays for that anyway, and the check is
  // simply put at its head: if (spend()) __dx_preempt(). Otherwise the check
  // must not call from inside the loop: asyncify, which must be able to
  // resume at any call that may unwind, would then make every iteration
  // first ask whether it is resuming (a few more instructions on each turn
  // of the tightest loops). So the check leaves the loop, the call is made
  // outside it, and the loop is entered again - the same as going back to its
  // head, since a loop carries nothing from one turn to the next but locals.
  // The loop node becomes the outer one, so its parent need not change:
  //
  //     loop $L (T)                  loop $again (T)
  //       BODY              =>         block $fall (T)
  //                                      block $over
  //                                        br $fall (loop $L (T)
  //                                                   br_if $over (spend())
  //                                                   BODY)
  //                                      call $__dx_preempt
  //                                      br $again
  //
  // (For a loop without a value, br $fall comes after the inner loop; one
  // that never falls through stays of type unreachable.)
  loop(e, f) {
    const { b, mod } = this;
    if (b._BinaryenExpressionGetId(e) !== b.LoopId || this.boundedLoops.has(e)) return;
    if (this.callsUnwinding(b.Loop.getBody(e), f)) {
      b.Loop.setBody(e, mod.block(null, [
        mod.if(this.spend(), this.callPreempt()),
        b.Loop.getBody(e),
      ], b.auto));
      this.nloops++;
      return;
    }
    const t = b._BinaryenExpressionGetType(e);
    const value = t !== b.none && t !== b.unreachable;
    const again = this.label('again'), fall = this.label('fall'), over = this.label('over');

    const inner = mod.loop(b.Loop.getName(e),
      mod.block(null, [mod.br(over, this.spend()), b.Loop.getBody(e)], b.auto));
    const leave = value ? [mod.br(fall, 0, inner)] : [inner, mod.br(fall)];
    let whole = mod.block(fall, [
      mod.block(over, leave, b.none),
      this.callPreempt(),
      mod.br(again),
    ], value ? t : b.none);
    if (t === b.unreachable) whole = mod.block(null, [whole, mod.unreachable()], b.unreachable);
    b.Loop.setName(e, again);
    b.Loop.setBody(e, whole);
    this.nloops++;
  }
}
