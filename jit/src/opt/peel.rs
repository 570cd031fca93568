//! Loop peeling with copy-substitution (LuaJIT's `lj_opt_loop`), which is also our loop-invariant code
//! motion.
//!
//! The recorder hands us one iteration of the loop, ending in `jump #L`, where snapshot `L` says what
//! each changed slot holds at the back edge. We emit that iteration once as the *pre-roll*, then a `loop`
//! marker, then a second copy — the *body* — in which every instruction's operands are substituted:
//! - an `sload` of a slot that `L` changes becomes that slot's loop-carried value: a `phi` whose entry
//!   operand is the pre-roll value and whose back-edge operand is the body's value of the same thing;
//!   a slot `L` sets to a constant just becomes the constant;
//! - every other operand becomes the body's copy of it.
//!
//! Each copied instruction goes through the emitter, i.e. through fold and CSE. An instruction whose
//! operands are all loop-invariant substitutes to exactly the pre-roll instruction, so CSE returns the
//! pre-roll reference: the instruction is *hoisted* without any hoisting code. The same holds for
//! guards: a guard on invariant values already passed in the pre-roll and disappears from the body.
//! This is why we peel rather than hoist in place: hoisting a guard above the loop in a single-copy
//! trace needs a snapshot valid before the loop, while the pre-roll simply *is* that first check, with the
//! right snapshot. The price is code size (the iteration is compiled twice), which LuaJIT has found worth
//! it; PyPy's `unroll` does the same.
//!
//! Body snapshots: in the body the slots in memory still hold their trace-entry values, so a body exit
//! must also write every loop-carried slot: a body snapshot is `L`'s slots (mapped to their phis)
//! overlaid with the copied snapshot's own entries.
//!
//! Memory: a load in the body may be CSEd with a pre-roll load only if the iteration contains no store
//! or call, or if no store of the iteration may alias it (the emitter's `loop_marker`, with the alias rule of
//! its CSE: payload stores through element pointers never touch object header fields, so the class and
//! shape guards of an instance whose attributes the loop writes are still hoisted).
//!
//! When not to peel (the trace is returned unchanged, to be compiled as an unpeeled loop that writes the
//! slots back at its `jump` and reloads them): the trace does not end in `jump`, already has a `loop`,
//! or is type-unstable (`L` puts a value of another type into a slot the iteration `sload`s, e.g. an int
//! that becomes a float: the body's copy would be ill-typed).

use super::emit::Emitter;
use crate::ir::{Inst, IrRef, Op, SnapEntry, SnapId, Snapshot, Trace, Type};
use std::collections::HashMap;

/// Why a trace was not peeled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPeel {
    /// The trace does not end in `jump` (it is not a loop) or is already peeled.
    NotALoop,
    /// A slot changes type across the back edge.
    TypeUnstable {
        /// The slot.
        slot: u32,
    },
}

/// Peel the loop; `Err` says why the trace stays as it is.
pub fn run(src: &Trace) -> Result<Trace, NoPeel> {
    let Some(last) = src.insts.last() else {
        return Err(NoPeel::NotALoop);
    };
    if last.op != Op::Jump || src.loop_pos().is_some() {
        return Err(NoPeel::NotALoop);
    }
    let Some(lsnap) = src.snaps.get(last.snap.index()) else {
        return Err(NoPeel::NotALoop);
    };
    let iter = &src.insts[..src.insts.len() - 1];
    for (i, inst) in iter.iter().enumerate() {
        if matches!(inst.op, Op::Sload | Op::SloadU) {
            if let Some(v) = lsnap.get(inst.f[0]) {
                let ty = src.ty(v);
                if ty != inst.ty && !(ty == Type::Wide && only_unboxed(src, iter, i)) {
                    return Err(NoPeel::TypeUnstable { slot: inst.f[0] });
                }
            }
        }
    }

    let mut c = Copier {
        src,
        em: Emitter::new(true),
        map: vec![IrRef::NONE; src.insts.len()],
        snaps: HashMap::new(),
    };
    // Pre-roll: the iteration as recorded.
    for (i, inst) in iter.iter().enumerate() {
        let mapped = c.map_inst(inst, None);
        c.map[i] = c.em.emit(mapped);
    }
    let pre = std::mem::replace(&mut c.map, vec![IrRef::NONE; src.insts.len()]);
    c.snaps.clear();
    let stores = super::emit::body_store_locs(src, iter);
    c.em.loop_marker(stores.as_deref());

    // Loop-carried slots: slot -> value at the start of a body iteration (a phi, or a constant).
    let mut carried: Vec<SnapEntry> = Vec::with_capacity(lsnap.entries.len());
    let mut phis = Vec::new();
    for e in &lsnap.entries {
        let entry_val = if e.val.is_const() {
            c.map_const(e.val)
        } else {
            pre[e.val.index()]
        };
        let val = if entry_val.is_const() {
            entry_val
        } else {
            let p = c.em.phi(entry_val);
            phis.push((p, e.val));
            p
        };
        carried.push(SnapEntry { slot: e.slot, val });
    }

    // Body: the iteration again, substituted.
    for (i, inst) in iter.iter().enumerate() {
        let carried_slot = match inst.op {
            Op::Sload | Op::SloadU => carried.iter().find(|e| e.slot == inst.f[0]).map(|e| e.val),
            _ => None,
        };
        c.map[i] = match carried_slot {
            Some(v) => v,
            // A bigint slot carried as a wide int: its unboxing in the body is the carried value.
            None => {
                let unboxed = (inst.op == Op::WUnbox)
                    .then(|| c.map_ref(inst.r(0)))
                    .filter(|&x| c.em.trace.ty(x) == Type::Wide);
                match unboxed {
                    Some(x) => x,
                    None => {
                        let mapped = c.map_inst(inst, Some(&carried));
                        c.em.emit(mapped)
                    }
                }
            }
        };
    }
    for (p, right) in phis {
        let r = if right.is_const() {
            c.map_const(right)
        } else {
            c.map[right.index()]
        };
        c.em.set_phi_back(p, r);
    }
    let mut t = c.em.finish();
    t.drop_unused_snaps();
    Ok(t)
}

/// Is every use of instruction `def` (other than in snapshots) a `wunbox`? Then a slot that enters the
/// loop as a bigint object and leaves it as a wide int is type-stable: the body uses the wide value.
fn only_unboxed(t: &Trace, iter: &[Inst], def: usize) -> bool {
    let r = IrRef::inst(def);
    iter.iter().all(|x| {
        let direct =
            x.op.operands()
                .iter()
                .enumerate()
                .any(|(k, kind)| kind.is_ref() && x.r(k) == r);
        let in_args =
            x.op.operands().contains(&crate::ir::Kind::Args) && t.call_args(x).contains(&r);
        x.op == Op::WUnbox || !(direct || in_args)
    })
}

struct Copier<'a> {
    src: &'a Trace,
    em: Emitter,
    map: Vec<IrRef>,
    snaps: HashMap<SnapId, SnapId>,
}

impl Copier<'_> {
    fn map_const(&mut self, r: IrRef) -> IrRef {
        match self.src.const_of(r) {
            Some(k) => self.em.konst(k),
            None => IrRef::NONE,
        }
    }
    fn map_ref(&mut self, r: IrRef) -> IrRef {
        if r.is_const() {
            self.map_const(r)
        } else {
            self.map.get(r.index()).copied().unwrap_or(IrRef::NONE)
        }
    }
    /// Map an instruction; in the body (`carried` given) its snapshot gets the loop-carried slots too.
    fn map_inst(&mut self, inst: &Inst, carried: Option<&[SnapEntry]>) -> Inst {
        let mut out = *inst;
        for (i, k) in inst.op.operands().iter().enumerate() {
            if k.is_ref() {
                out.f[i] = self.map_ref(inst.r(i)).raw();
            }
        }
        if inst.op.operands().contains(&crate::ir::Kind::Args) {
            let args: Vec<IrRef> = self
                .src
                .call_args(inst)
                .iter()
                .map(|&a| self.map_ref(a))
                .collect();
            let (s, l) = self.em.trace.push_args(&args);
            out.f[1] = s;
            out.f[2] = l;
            let name = self
                .src
                .helpers
                .get(inst.f[0] as usize)
                .map_or("?", |s| s.as_str());
            out.f[0] = self.em.trace.helper(name).0;
        }
        if inst.snap.is_some() {
            out.snap = match self.snaps.get(&inst.snap) {
                Some(&s) => s,
                None => {
                    let old = &self.src.snaps[inst.snap.index()];
                    let mut entries: Vec<SnapEntry> =
                        carried.map(|c| c.to_vec()).unwrap_or_default();
                    // Own entries go last so that `add_snap` lets them win over carried ones.
                    for e in &old.entries {
                        let val = self.map_ref(e.val);
                        entries.push(SnapEntry { slot: e.slot, val });
                    }
                    let s = self.em.add_snap(Snapshot {
                        pc: old.pc,
                        frames: old.frames.clone(),
                        entries,
                    });
                    self.snaps.insert(inst.snap, s);
                    s
                }
            };
        }
        out
    }
}
