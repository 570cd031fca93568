//! Bounds-check strengthening (LuaJIT's array-bounds-check ideas, in their simplest form).
//!
//! `seq[0]`, `seq[1]`, `seq[2]` on one list record three guards on the same length value:
//! `guard_true (lt 0, len)`, `guard_true (lt 1, len)`, `guard_true (lt 2, len)`. The last implies the
//! others, so the first becomes `guard_true (lt 2, len)` and the later ones go. That the trace may now
//! leave at the first guard where it used to leave at a later one is sound: a snapshot describes the
//! state before its own instruction and nothing is written before an exit, so the interpreter resumes
//! earlier and re-executes the instructions in between itself (raising the `IndexError` where Python
//! would). The guards pass cannot do this: facts only flow forward.
//!
//! Scope: guards of `lt K, x` with an int constant `K` and the *same* value `x` (a length reloaded
//! after a store is another value), within one iteration (the pass runs before peeling). Extending
//! it: any family of guards where a later condition implies an earlier one can be merged the same way.

use super::emit::{rebuild, Action, Rebuild};
use crate::ir::{Inst, IrRef, Op, SnapId, Trace};
use std::collections::{HashMap, HashSet};

pub fn run(src: &Trace) -> Trace {
    // Pass 1: for each first guard of a family, the largest constant; the later guards to drop.
    let mut first: HashMap<IrRef, (usize, i64)> = HashMap::new();
    let mut strongest: HashMap<usize, (IrRef, i64)> = HashMap::new();
    let mut drop: HashSet<usize> = HashSet::new();
    for (i, inst) in src.insts.iter().enumerate() {
        if inst.op == Op::Loop {
            first.clear();
            continue;
        }
        let Some((k, x)) = lt_const_guard(src, inst) else {
            continue;
        };
        match first.get_mut(&x) {
            None => {
                first.insert(x, (i, k));
                strongest.insert(i, (x, k));
            }
            Some((f, kmax)) => {
                if k > *kmax {
                    *kmax = k;
                    strongest.insert(*f, (x, k));
                }
                drop.insert(i);
            }
        }
    }
    if drop.is_empty() {
        return src.clone();
    }
    // Pass 2: rewrite.
    rebuild(src, true, |rb: &mut Rebuild, i: usize, mut inst: Inst| {
        if drop.contains(&i) {
            return Action::Drop;
        }
        if let Some(&(x, k)) = strongest.get(&i) {
            let x = rb.map_ref(x);
            let k = rb.em.kint(k);
            let c = rb.em.ins(Op::Lt, &[k, x], SnapId::NONE);
            inst.f[0] = c.raw();
        }
        Action::Emit(inst)
    })
}

/// `guard_true (lt K, x)` with `K` an int constant and `x` not a constant: `(K, x)`.
fn lt_const_guard(t: &Trace, inst: &Inst) -> Option<(i64, IrRef)> {
    if inst.op != Op::GuardTrue {
        return None;
    }
    let c = t.inst(inst.r(0))?;
    if c.op != Op::Lt {
        return None;
    }
    let k = t.int_of(c.r(0))?;
    let x = c.r(1);
    (!x.is_const()).then_some((k, x))
}
