//! The emitter: the one way instructions get into a trace, for the recorder and for every pass.
//!
//! `Emitter::emit` runs an instruction through `fold` (constant folding, algebraic simplification,
//! canonical operand order) and then CSE: a pure instruction identical to an earlier one (same op, type
//! and operands) is not emitted again; the earlier reference is returned. Because the trace is a
//! straight line, "earlier" always dominates, and this also removes a guard identical to a dominating one.
//! Loads and `guard_tag` (which read memory) are CSEd only while no call, and no store that may alias
//! them, has been emitted since; a load from where a store just wrote is the stored value. The alias rule (`store_may_alias`) is type-based. The recorder stores
//! in two places:
//! - through a computed `ptr`: element storage (a `Value` payload inside a list's buffer or an
//!   instance's slots), which never overlaps object headers (loads from an `obj` base), absolute
//!   addresses (loads from a constant base: version counters, dict entries) or the tag half of a
//!   16-byte `Value` (a `guard_tag` at an offset ≡ 0 mod 16 from a `ptr`, where stores go to offsets
//!   ≡ 8);
//! - through a constant `ptr` (an absolute address: a global's entry value in a module dict, that
//!   dict's version counter; record/globals.rs): it may only overwrite a load from a constant base whose
//!   8-byte word overlaps it. Dict entries and counters are never element storage or object headers
//!   the trace reads through `obj`/computed-`ptr` bases.
//! Anything else is assumed to alias.
//!
//! Passes rebuild a trace with [`rebuild`]: it re-emits each instruction with its operands mapped to the
//! new trace, lets a per-pass hook replace or drop it, re-creates snapshots and patches `phi` back edges
//! at the end. Rebuilding keeps references dense and in order, and every pass gets folding and CSE for
//! free.

use super::fold::{fold, Folded};
use crate::ir::{
    Const, Flags, HelperId, Inst, IrRef, Kind, Op, SnapEntry, SnapId, Snapshot, Trace, Type,
};
use std::collections::HashMap;

/// CSE key: op, type and operand fields, plus the argument values for calls (whose fields point into
/// the argument pool and so differ for equal lists).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    op: Op,
    ty: Type,
    f: [u32; 3],
    args: Option<Box<[IrRef]>>,
}

/// May `store` (a `Store` instruction) overwrite what the memory-reading instruction `k` read? See the
/// module docs for the rule.
fn store_may_alias(t: &Trace, store: &Inst, k: &Key) -> bool {
    match store_loc(t, store) {
        Some(loc) => loc_may_alias(t, loc, k),
        None => true,
    }
}

/// Where a `Store` writes, for the stores the alias rule can tell apart from other memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreLoc {
    /// At this offset from a computed pointer (an element address).
    Elem(i32),
    /// At this absolute address (a constant base plus the offset).
    Abs(u64),
}

/// Where `store` writes, if it is a `Store` the alias rule understands.
pub fn store_loc(t: &Trace, store: &Inst) -> Option<StoreLoc> {
    let sbase = store.r(0);
    if store.op != Op::Store || t.ty(sbase) != Type::Ptr {
        return None;
    }
    match t.const_of(sbase) {
        Some(Const::Ptr(a)) => Some(StoreLoc::Abs(a.wrapping_add(store.imm(1) as i64 as u64))),
        Some(_) => None,
        None => Some(StoreLoc::Elem(store.imm(1))),
    }
}

/// May a store at `loc` overwrite what `k` read?
fn loc_may_alias(t: &Trace, loc: StoreLoc, k: &Key) -> bool {
    let lbase = IrRef::from_raw(k.f[0]);
    let loff = k.f[1] as i32;
    match (loc, t.ty(lbase)) {
        (_, Type::Obj) => false,
        (StoreLoc::Elem(_), Type::Ptr) if lbase.is_const() => false,
        (StoreLoc::Elem(soff), Type::Ptr) => {
            !(k.op == Op::GuardTag && loff.rem_euclid(16) == 0 && soff.rem_euclid(16) == 8)
        }
        (StoreLoc::Abs(a), Type::Ptr) => match t.const_of(lbase) {
            // Both access one 8-byte word: they alias if the words overlap.
            Some(Const::Ptr(b)) => b.wrapping_add(loff as i64 as u64).abs_diff(a) < 8,
            Some(_) => true,
            None => false,
        },
        _ => true,
    }
}

/// Where a loop body stores, or None if it calls out or writes memory otherwise.
pub fn body_store_locs(t: &Trace, body: &[Inst]) -> Option<Vec<StoreLoc>> {
    let mut v = Vec::new();
    for i in body {
        if i.op.flags().has(Flags::CALL) {
            return None;
        }
        if i.op.flags().has(Flags::STORE) && i.op != Op::Sstore {
            v.push(store_loc(t, i)?);
        }
    }
    Some(v)
}

/// Builds a trace with folding and CSE on the fly. See the module docs.
pub struct Emitter {
    /// The trace being built.
    pub trace: Trace,
    fold: bool,
    pure: HashMap<Key, IrRef>,
    /// CSE table for memory reads; cleared by every store and call.
    mem: HashMap<Key, IrRef>,
    last_snap: Option<(Snapshot, SnapId)>,
}

impl Default for Emitter {
    fn default() -> Self {
        Emitter::new(true)
    }
}

impl Emitter {
    /// A new emitter; `fold = false` turns off folding and CSE (raw emission, for tests and debugging).
    pub fn new(fold: bool) -> Emitter {
        Emitter {
            trace: Trace::new(),
            fold,
            pure: HashMap::new(),
            mem: HashMap::new(),
            last_snap: None,
        }
    }

    /// Finish and return the trace.
    pub fn finish(self) -> Trace {
        self.trace
    }

    fn key(&self, inst: &Inst) -> Key {
        let has_args = inst.op.operands().contains(&Kind::Args);
        let args = has_args.then(|| self.trace.call_args(inst).to_vec().into_boxed_slice());
        let f = if has_args { [inst.f[0], 0, 0] } else { inst.f };
        Key {
            op: inst.op,
            ty: inst.ty,
            f,
            args,
        }
    }

    /// Emit an instruction whose operand fields are already references of this trace. Returns its value
    /// (an existing reference if it folded or was CSEd; `IrRef::NONE` for a dropped guard).
    pub fn emit(&mut self, mut inst: Inst) -> IrRef {
        // The recorder may pass its current snapshot to every op; only ops that can exit keep it.
        if !inst.op.has_snap() {
            inst.snap = SnapId::NONE;
        }
        if self.fold {
            // Rewrites terminate: each either removes the instruction or moves toward a canonical form.
            for _ in 0..8 {
                match fold(&mut self.trace, inst) {
                    Folded::Keep(next) if next == inst => break,
                    Folded::Keep(mut next) => {
                        if !next.op.has_snap() {
                            next.snap = SnapId::NONE;
                        }
                        inst = next
                    }
                    Folded::Value(r) => return r,
                    Folded::Drop => return IrRef::NONE,
                }
            }
        }
        let flags = inst.op.flags();
        let table = if !self.fold || flags.has(Flags::CTRL) {
            None
        } else if flags.has(Flags::PURE) {
            Some(false)
        } else if flags.has(Flags::LOAD) {
            Some(true)
        } else {
            None
        };
        if flags.has(Flags::CALL) {
            self.mem.clear();
        } else if flags.has(Flags::STORE) && inst.op != Op::Sstore {
            // (An `sstore` writes no memory: its object does not exist.)
            let t = &self.trace;
            self.mem.retain(|k, _| !store_may_alias(t, &inst, k));
        }
        let key = table.map(|_| self.key(&inst));
        if let (Some(mem), Some(key)) = (table, &key) {
            let map = if mem { &self.mem } else { &self.pure };
            if let Some(&r) = map.get(key) {
                return r;
            }
        }
        if inst.op == Op::Loop {
            // Conservative: a load before the loop is not reused in the body (the body may store).
            // The peeling pass re-enables it with `keep_loads_across_loop` when the body cannot write.
            self.mem.clear();
        }
        let r = self.trace.push(inst);
        if let (Some(mem), Some(key)) = (table, key) {
            let map = if mem { &mut self.mem } else { &mut self.pure };
            map.insert(key, r);
        }
        if self.fold && inst.op == Op::Store {
            // Store-to-load forwarding: a later load of the same type from the same base and offset
            // (with no aliasing store or call in between, which would drop this entry) is the value.
            let v = inst.r(2);
            let key = Key {
                op: Op::Load,
                ty: self.trace.ty(v),
                f: [inst.f[0], inst.f[1], 0],
                args: None,
            };
            self.mem.insert(key, v);
        }
        r
    }

    /// Emit an op whose operands are all references (result type from the op table).
    pub fn ins(&mut self, op: Op, operands: &[IrRef], snap: SnapId) -> IrRef {
        let mut f = [0u32; 3];
        for (slot, r) in f.iter_mut().zip(operands) {
            *slot = r.raw();
        }
        let first = operands.first().map_or(Type::Void, |&r| self.trace.ty(r));
        let ty = Trace::result_type(op, first, Type::Void);
        self.emit(Inst::new(op, ty, f, snap))
    }
    /// `sload.ty slot` with a tag guard.
    pub fn sload(&mut self, ty: Type, slot: u32, snap: SnapId) -> IrRef {
        self.emit(Inst::new(Op::Sload, ty, [slot, 0, 0], snap))
    }
    /// `load.ty p, off`.
    pub fn load(&mut self, ty: Type, p: IrRef, off: i32) -> IrRef {
        self.emit(Inst::new(
            Op::Load,
            ty,
            [p.raw(), off as u32, 0],
            SnapId::NONE,
        ))
    }
    /// `store p, off, v`.
    pub fn store(&mut self, p: IrRef, off: i32, v: IrRef) {
        self.emit(Inst::new(
            Op::Store,
            Type::Void,
            [p.raw(), off as u32, v.raw()],
            SnapId::NONE,
        ));
    }
    /// `guard_tag p, off, ty`.
    pub fn guard_tag(&mut self, p: IrRef, off: i32, ty: Type, snap: SnapId) {
        self.emit(Inst::new(
            Op::GuardTag,
            Type::Void,
            [p.raw(), off as u32, ty as u32],
            snap,
        ));
    }
    /// A helper call (`op` is `Call`, `CallPure` or `CallGuard`) returning `ty` (`Void` for none).
    pub fn call(&mut self, op: Op, ty: Type, helper: &str, args: &[IrRef], snap: SnapId) -> IrRef {
        let h: HelperId = self.trace.helper(helper);
        let (start, len) = self.trace.push_args(args);
        self.emit(Inst::new(op, ty, [h.0, start, len], snap))
    }
    /// Intern a constant.
    pub fn konst(&mut self, c: Const) -> IrRef {
        self.trace.konst(c)
    }
    /// Int constant.
    pub fn kint(&mut self, v: i64) -> IrRef {
        self.trace.konst(Const::Int(v))
    }
    /// Float constant.
    pub fn kfloat(&mut self, v: f64) -> IrRef {
        self.trace.konst(Const::float(v))
    }
    /// Take a snapshot: slot → value pairs that differ from the entry state, an opaque resume pc and
    /// frame data. Normalised (see `Trace::add_snap`); an identical consecutive snapshot is reused.
    pub fn snapshot(&mut self, pc: u32, frames: &[u32], entries: &[(u32, IrRef)]) -> SnapId {
        let entries = entries
            .iter()
            .map(|&(slot, val)| SnapEntry { slot, val })
            .collect();
        self.add_snap(Snapshot {
            pc,
            frames: frames.to_vec(),
            entries,
        })
    }
    /// Add a prepared snapshot (normalised, consecutive duplicates shared).
    pub fn add_snap(&mut self, snap: Snapshot) -> SnapId {
        let id = self.trace.add_snap(snap);
        let added = self.trace.snaps[id.index()].clone();
        if let Some((last, last_id)) = &self.last_snap {
            if *last == added {
                self.trace.snaps.pop();
                return *last_id;
            }
        }
        self.last_snap = Some((added, id));
        id
    }
    /// Emit the `loop` marker. `body_stores` lets body loads reuse pre-loop loads: `None` when the
    /// loop body calls out or stores where the alias rule cannot follow (nothing survives), else where
    /// its stores write (see [`store_loc`]): the loads none of them may alias survive (object header
    /// fields such as an instance's class and shape, version counters and dict layouts, element tags
    /// under payload stores), so the body reuses them: they are hoisted.
    pub fn loop_marker(&mut self, body_stores: Option<&[StoreLoc]>) -> IrRef {
        let saved = body_stores.map(|stores| {
            let mut mem = self.mem.clone();
            let t = &self.trace;
            mem.retain(|k, _| !stores.iter().any(|&loc| loc_may_alias(t, loc, k)));
            mem
        });
        let r = self.emit(Inst::new(Op::Loop, Type::Void, [0; 3], SnapId::NONE));
        if let Some(saved) = saved {
            self.mem = saved;
        }
        r
    }
    /// Emit a `phi` whose back-edge value is filled in later with [`Emitter::set_phi_back`].
    pub fn phi(&mut self, left: IrRef) -> IrRef {
        let ty = self.trace.ty(left);
        self.trace.push(Inst::new(
            Op::Phi,
            ty,
            [left.raw(), IrRef::NONE.raw(), 0],
            SnapId::NONE,
        ))
    }
    /// Set a phi's back-edge operand.
    pub fn set_phi_back(&mut self, phi: IrRef, right: IrRef) {
        self.trace.insts[phi.index()].f[1] = right.raw();
    }
    /// End an unpeeled loop: write `snap` back and restart from the top.
    pub fn jump(&mut self, snap: SnapId) {
        self.trace
            .push(Inst::new(Op::Jump, Type::Void, [0; 3], snap));
    }
    /// End the trace with an unconditional exit through `snap`.
    pub fn exit(&mut self, snap: SnapId) {
        self.trace
            .push(Inst::new(Op::Exit, Type::Void, [0; 3], snap));
    }
}

/// What a pass's hook decides for one (already operand-mapped) instruction during [`rebuild`].
pub enum Action {
    /// Emit this instruction (through fold and CSE).
    Emit(Inst),
    /// The instruction's value is this reference (in the new trace); emit nothing.
    Value(IrRef),
    /// Emit nothing (a dead instruction, or a guard proven redundant).
    Drop,
}

/// State available to a rebuild hook.
pub struct Rebuild<'a> {
    /// The new trace's emitter.
    pub em: Emitter,
    /// The source trace.
    pub src: &'a Trace,
    /// Source reference → new reference.
    pub map: Vec<IrRef>,
    snap_map: Vec<SnapId>,
}

impl Rebuild<'_> {
    /// Map a source reference into the new trace.
    pub fn map_ref(&mut self, r: IrRef) -> IrRef {
        if r.is_const() {
            match self.src.const_of(r) {
                Some(c) => self.em.trace.konst(c),
                None => IrRef::NONE,
            }
        } else {
            self.map.get(r.index()).copied().unwrap_or(IrRef::NONE)
        }
    }
    /// Map a source snapshot into the new trace (once; later uses share it).
    pub fn map_snap(&mut self, s: SnapId) -> SnapId {
        if !s.is_some() {
            return s;
        }
        if let Some(&done) = self.snap_map.get(s.index()).filter(|d| d.is_some()) {
            return done;
        }
        let Some(old) = self.src.snaps.get(s.index()) else {
            return SnapId::NONE;
        };
        let entries = old
            .entries
            .iter()
            .map(|e| SnapEntry {
                slot: e.slot,
                val: self.map_ref(e.val),
            })
            .collect();
        let id = self.em.add_snap(Snapshot {
            pc: old.pc,
            frames: old.frames.clone(),
            entries,
        });
        self.snap_map[s.index()] = id;
        id
    }
    /// Map all operands and the snapshot of a source instruction.
    pub fn map_inst(&mut self, inst: &Inst) -> Inst {
        let mut out = *inst;
        for (i, k) in inst.op.operands().iter().enumerate() {
            match k {
                Kind::I | Kind::F | Kind::B | Kind::W | Kind::P | Kind::A | Kind::S => {
                    out.f[i] = self.map_ref(inst.r(i)).raw()
                }
                Kind::Args => {
                    let args: Vec<IrRef> = self
                        .src
                        .call_args(inst)
                        .iter()
                        .map(|&a| self.map_ref(a))
                        .collect();
                    let (s, l) = self.em.trace.push_args(&args);
                    out.f[i] = s;
                    out.f[i + 1] = l;
                }
                Kind::Hp => {
                    let name = self
                        .src
                        .helpers
                        .get(inst.f[i] as usize)
                        .map_or("?", |s| s.as_str());
                    out.f[i] = self.em.trace.helper(name).0;
                }
                Kind::Slot | Kind::Off | Kind::Ty => {}
            }
        }
        out.snap = self.map_snap(inst.snap);
        out
    }
}

/// Rebuild `src` through a fresh emitter, asking `hook` about every instruction but `loop` (with operands
/// already mapped; a `phi` is passed unmapped and can only be kept or dropped). Phis are copied, their back edges patched at the end; a phi whose back edge is itself
/// or equals its entry value is not a loop-carried value at all and is replaced by its entry value.
pub fn rebuild(
    src: &Trace,
    fold: bool,
    mut hook: impl FnMut(&mut Rebuild, usize, Inst) -> Action,
) -> Trace {
    let mut rb = Rebuild {
        em: Emitter::new(fold),
        src,
        map: vec![IrRef::NONE; src.insts.len()],
        snap_map: vec![SnapId::NONE; src.snaps.len()],
    };
    let mut phis = Vec::new();
    let loop_pos = src.loop_pos();
    for (i, inst) in src.insts.iter().enumerate() {
        let r = match inst.op {
            Op::Phi => {
                let (left, right) = (inst.r(0), inst.r(1));
                // The hook sees phis unmapped (the back edge is not mapped yet); it may only drop them.
                if matches!(hook(&mut rb, i, *inst), Action::Drop) {
                    IrRef::NONE
                } else if right == IrRef::inst(i) || right == left {
                    rb.map_ref(left)
                } else {
                    let l = rb.map_ref(left);
                    let p = rb.em.phi(l);
                    phis.push((p, right));
                    p
                }
            }
            Op::Loop => {
                // Loads may cross the loop marker unless the body may write what they read.
                let stores =
                    loop_pos.map_or(Some(Vec::new()), |l| body_store_locs(src, &src.insts[l..]));
                rb.em.loop_marker(stores.as_deref())
            }
            Op::Sload
            | Op::SloadU
            | Op::Jump
            | Op::Exit
            | Op::Add
            | Op::Sub
            | Op::Mul
            | Op::AddOv
            | Op::SubOv
            | Op::MulOv
            | Op::NegOv
            | Op::FloorDiv
            | Op::Mod
            | Op::BAnd
            | Op::BOr
            | Op::BXor
            | Op::Shl
            | Op::Shr
            | Op::Lt
            | Op::Le
            | Op::Gt
            | Op::Ge
            | Op::Eq
            | Op::Ne
            | Op::FAdd
            | Op::FSub
            | Op::FMul
            | Op::FDiv
            | Op::FFloorDiv
            | Op::FMod
            | Op::FNeg
            | Op::FAbs
            | Op::FSqrt
            | Op::FFloor
            | Op::FCeil
            | Op::FTrunc
            | Op::FLt
            | Op::FLe
            | Op::FGt
            | Op::FGe
            | Op::FEq
            | Op::FNe
            | Op::IToF
            | Op::FToI
            | Op::Not
            | Op::BToI
            | Op::WUnbox
            | Op::IToW
            | Op::WMul
            | Op::WAddOv
            | Op::WSubOv
            | Op::WBox
            | Op::GuardTrue
            | Op::GuardFalse
            | Op::GuardEq
            | Op::GuardNe
            | Op::GuardTag
            | Op::GuardIntr
            | Op::Load
            | Op::Store
            | Op::PAdd
            | Op::Snew
            | Op::Sstore
            | Op::Call
            | Op::CallPure
            | Op::CallGuard => {
                let mapped = rb.map_inst(inst);
                match hook(&mut rb, i, mapped) {
                    // Terminators bypass fold/CSE.
                    Action::Emit(x) if matches!(x.op, Op::Jump | Op::Exit) => rb.em.trace.push(x),
                    Action::Emit(x) => rb.em.emit(x),
                    Action::Value(r) => r,
                    Action::Drop => IrRef::NONE,
                }
            }
        };
        rb.map[i] = r;
    }
    for (p, right) in phis {
        let r = rb.map_ref(right);
        rb.em.set_phi_back(p, r);
    }
    let mut t = rb.em.finish();
    t.drop_unused_snaps();
    t
}
