//! Dead-code elimination.
//!
//! Roots are the instructions that do something besides computing a value: guards (their check is the
//! point, even if the value is unused), stores, calls and control structure. A value is live if a live
//! instruction uses it, or a snapshot of a live instruction mentions it (the exit must be able to write it
//! back). `phi`s are not roots: a loop-carried value nobody reads and no exit writes back is dropped
//! with its back-edge computation. Liveness is a worklist over the use graph, because a `phi`'s
//! back-edge operand is defined after the `phi` and a single backward sweep would miss it.
//!
//! The rebuild afterwards also drops `phi`s that turned out not to be loop-carried (see `emit::rebuild`).

use super::emit::{rebuild, Action};
use crate::ir::{Flags, IrRef, Trace};

/// Which instructions of `t` are live.
pub fn liveness(t: &Trace) -> Vec<bool> {
    let mut live = vec![false; t.insts.len()];
    let mut work = Vec::new();
    let mark = |r: IrRef, live: &mut Vec<bool>, work: &mut Vec<usize>| {
        if r.is_inst() && r.index() < live.len() && !live[r.index()] {
            live[r.index()] = true;
            work.push(r.index());
        }
    };
    for (i, inst) in t.insts.iter().enumerate() {
        let f = inst.op.flags();
        let root = f.has(Flags::GUARD)
            || f.has(Flags::STORE)
            || f.has(Flags::CALL)
            || (f.has(Flags::CTRL) && inst.op != crate::ir::Op::Phi);
        if root {
            mark(IrRef::inst(i), &mut live, &mut work);
        }
    }
    while let Some(i) = work.pop() {
        let inst = t.insts[i];
        t.for_each_ref(&inst, |r| mark(r, &mut live, &mut work));
        if inst.snap.is_some() {
            if let Some(s) = t.snaps.get(inst.snap.index()) {
                for e in &s.entries {
                    mark(e.val, &mut live, &mut work);
                }
            }
        }
    }
    live
}

/// Run the pass.
pub fn run(src: &Trace) -> Trace {
    let live = liveness(src);
    rebuild(src, true, |_, i, inst| {
        if live[i] {
            Action::Emit(inst)
        } else {
            Action::Drop
        }
    })
}
