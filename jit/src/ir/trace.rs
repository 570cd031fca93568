//! The trace container: instruction buffer, constant pool, snapshots, helper-call argument lists.
//!
//! A `Trace` is plain data. It is built either by the `Emitter` (which folds and CSEs on the fly, see
//! `opt::emit`) or by the text parser; optimisation passes rebuild it through a fresh `Emitter`, so
//! references stay dense and in definition order (`%n` is instruction `n`).

use super::ops::{Kind, Op, Res};
use super::types::{Const, HelperId, IrRef, SnapId, Type};
use std::collections::HashMap;

/// One instruction: opcode, result type and up to three raw operand fields, plus its snapshot if the
/// op carries one. The meaning of each field comes from the op table (`Op::operands`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Inst {
    /// The opcode.
    pub op: Op,
    /// Result type (`Void` if none).
    pub ty: Type,
    /// Raw operand fields.
    pub f: [u32; 3],
    /// Snapshot for guards, `jump` and `exit`; `SnapId::NONE` otherwise.
    pub snap: SnapId,
}

impl Inst {
    /// An instruction with raw fields.
    pub fn new(op: Op, ty: Type, f: [u32; 3], snap: SnapId) -> Inst {
        Inst { op, ty, f, snap }
    }
    /// Field `i` read as a reference.
    pub fn r(&self, i: usize) -> IrRef {
        IrRef::from_raw(self.f[i])
    }
    /// Field `i` read as a signed immediate (an offset).
    pub fn imm(&self, i: usize) -> i32 {
        self.f[i] as i32
    }
    /// The helper of a call.
    pub fn helper(&self) -> HelperId {
        HelperId(self.f[0])
    }
    /// The type immediate of field `i`.
    pub fn ty_imm(&self, i: usize) -> Option<Type> {
        Type::ALL.get(self.f[i] as usize).copied()
    }
}

/// One slot of a snapshot: after the exit, interpreter slot `slot` (relative to the base) holds `val`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SnapEntry {
    /// Slot number.
    pub slot: u32,
    /// The value (an instruction result or a constant; its type gives the tag).
    pub val: IrRef,
}

/// The interpreter state to restore at an exit: the slots that differ from the trace's entry state,
/// plus an opaque resume pc and frame description that only the interpreter interprets.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default)]
pub struct Snapshot {
    /// Where the interpreter resumes (opaque to the JIT).
    pub pc: u32,
    /// Inlined-frame metadata filled by the recorder (opaque to the JIT).
    pub frames: Vec<u32>,
    /// Written slots, sorted by slot, at most one entry per slot.
    pub entries: Vec<SnapEntry>,
}

impl Snapshot {
    /// The entry for `slot`, if the snapshot writes it.
    pub fn get(&self, slot: u32) -> Option<IrRef> {
        self.entries
            .binary_search_by_key(&slot, |e| e.slot)
            .ok()
            .map(|i| self.entries[i].val)
    }
}

/// A trace: see the module docs.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    /// The instruction buffer; `IrRef::inst(i)` is `insts[i]`.
    pub insts: Vec<Inst>,
    /// The constant pool; `IrRef::konst(i)` is `consts[i]`.
    pub consts: Vec<Const>,
    const_map: HashMap<Const, IrRef>,
    /// Snapshots, referenced by `Inst::snap`.
    pub snaps: Vec<Snapshot>,
    /// Pool of helper-call argument lists (`Args` operands point into it).
    pub args: Vec<IrRef>,
    /// Helper names, referenced by `Hp` operands; resolved by the backend.
    pub helpers: Vec<String>,
    /// If set, every slot at or above this number holds no object when the trace is entered (the
    /// interpreter's unbound marker lives above the stack top): exits may overwrite such a slot without
    /// releasing its old contents. Not part of the text form; set by the recorder's driver.
    pub undef_from: Option<u32>,
    /// A side trace that inherits its parent exit's values: it starts with `load`s from the parent's
    /// exit buffer instead of finding them in the slots, so the parent's exit skips its write-back when
    /// linked to it. Not part of the text form; set by the recorder.
    pub inherits: bool,
}

impl Trace {
    /// An empty trace.
    pub fn new() -> Trace {
        Trace::default()
    }

    /// Intern a constant.
    pub fn konst(&mut self, c: Const) -> IrRef {
        if let Some(&r) = self.const_map.get(&c) {
            return r;
        }
        let r = IrRef::konst(self.consts.len());
        self.consts.push(c);
        self.const_map.insert(c, r);
        r
    }
    /// The constant behind a reference, if it is one.
    pub fn const_of(&self, r: IrRef) -> Option<Const> {
        if r.is_const() {
            self.consts.get(r.index()).copied()
        } else {
            None
        }
    }
    /// The int constant behind a reference, if it is one.
    pub fn int_of(&self, r: IrRef) -> Option<i64> {
        match self.const_of(r) {
            Some(Const::Int(i)) => Some(i),
            _ => None,
        }
    }
    /// The type of a reference (`Void` for an invalid one).
    pub fn ty(&self, r: IrRef) -> Type {
        if r.is_const() {
            self.consts.get(r.index()).map_or(Type::Void, |c| c.ty())
        } else {
            self.insts.get(r.index()).map_or(Type::Void, |i| i.ty)
        }
    }
    /// The instruction behind a reference, if it is one.
    pub fn inst(&self, r: IrRef) -> Option<&Inst> {
        if r.is_inst() {
            self.insts.get(r.index())
        } else {
            None
        }
    }
    /// Append an instruction without folding or checks (the parser and the emitter's last step).
    pub fn push(&mut self, inst: Inst) -> IrRef {
        self.insts.push(inst);
        IrRef::inst(self.insts.len() - 1)
    }
    /// Intern a helper name.
    pub fn helper(&mut self, name: &str) -> HelperId {
        if let Some(i) = self.helpers.iter().position(|h| h == name) {
            return HelperId(i as u32);
        }
        self.helpers.push(name.to_string());
        HelperId(self.helpers.len() as u32 - 1)
    }
    /// Store an argument list, returning the `(start, len)` fields for an `Args` operand.
    pub fn push_args(&mut self, args: &[IrRef]) -> (u32, u32) {
        let start = self.args.len() as u32;
        self.args.extend_from_slice(args);
        (start, args.len() as u32)
    }
    /// The argument list of a call instruction (empty if the fields are out of range).
    pub fn call_args(&self, inst: &Inst) -> &[IrRef] {
        let (start, len) = (inst.f[1] as usize, inst.f[2] as usize);
        self.args
            .get(start..start.saturating_add(len))
            .unwrap_or(&[])
    }
    /// Add a snapshot, normalising it: entries sorted by slot, later entries for the same slot win, and
    /// an entry that is just the unguarded-or-guarded entry load of its own slot is dropped (the slot
    /// still holds that value: traces never write slots before they exit).
    pub fn add_snap(&mut self, mut snap: Snapshot) -> SnapId {
        // Stable sort keeps insertion order among equal slots; keep the last of each run.
        snap.entries.sort_by_key(|e| e.slot);
        let mut out: Vec<SnapEntry> = Vec::with_capacity(snap.entries.len());
        for e in snap.entries {
            match out.last_mut() {
                Some(last) if last.slot == e.slot => *last = e,
                _ => out.push(e),
            }
        }
        out.retain(|e| !self.is_entry_load_of(e.val, e.slot));
        snap.entries = out;
        self.snaps.push(snap);
        SnapId(self.snaps.len() as u32 - 1)
    }
    /// Is `r` a (checked or unchecked) load of slot `slot` at its entry value?
    pub fn is_entry_load_of(&self, r: IrRef, slot: u32) -> bool {
        matches!(self.inst(r), Some(i) if matches!(i.op, Op::Sload | Op::SloadU) && i.f[0] == slot)
    }
    /// Is `r` a sunk allocation (`opt/sink.rs`): a `snew`, or a loop-carried `phi` of two?
    pub fn is_sunk(&self, r: IrRef) -> bool {
        match self.inst(r) {
            Some(i) if i.op == Op::Snew => true,
            Some(i) if i.op == Op::Phi => {
                matches!(self.inst(i.r(0)), Some(l) if l.op == Op::Snew)
            }
            _ => false,
        }
    }
    /// The class constant of a sunk allocation.
    pub fn sunk_class(&self, r: IrRef) -> Option<IrRef> {
        let i = self.inst(r)?;
        match i.op {
            Op::Snew => Some(i.r(0)),
            Op::Phi => self.sunk_class(i.r(0)),
            _ => None,
        }
    }
    /// Position of the `loop` marker, if the trace has one.
    pub fn loop_pos(&self) -> Option<usize> {
        self.insts.iter().position(|i| i.op == Op::Loop)
    }
    /// Call `f` on every reference operand of `inst` (including helper arguments).
    pub fn for_each_ref(&self, inst: &Inst, mut f: impl FnMut(IrRef)) {
        for (i, k) in inst.op.operands().iter().enumerate() {
            match k {
                Kind::I | Kind::F | Kind::B | Kind::W | Kind::P | Kind::A | Kind::S => f(inst.r(i)),
                Kind::Args => self.call_args(inst).iter().for_each(|&r| f(r)),
                Kind::Slot | Kind::Off | Kind::Ty | Kind::Hp => {}
            }
        }
    }
    /// The result type an instruction of `op` has when built with operands whose types are given,
    /// or `dyn_ty` for `Dyn` ops.
    pub fn result_type(op: Op, first_operand: Type, dyn_ty: Type) -> Type {
        match op.result() {
            Res::Void => Type::Void,
            Res::Int => Type::Int,
            Res::Float => Type::Float,
            Res::Bool => Type::Bool,
            Res::Ptr => Type::Ptr,
            Res::Wide => Type::Wide,
            Res::Obj => Type::Obj,
            Res::Dyn => dyn_ty,
            Res::Same => first_operand,
        }
    }
    /// Drop snapshots no instruction uses and renumber the rest in order of first use.
    pub fn drop_unused_snaps(&mut self) {
        let mut new_id = vec![SnapId::NONE; self.snaps.len()];
        let mut kept = Vec::new();
        for inst in &mut self.insts {
            if inst.snap.is_some() {
                let old = inst.snap.index();
                if !new_id[old].is_some() {
                    new_id[old] = SnapId(kept.len() as u32);
                    kept.push(std::mem::take(&mut self.snaps[old]));
                }
                inst.snap = new_id[old];
            }
        }
        self.snaps = kept;
    }
    /// Number of instructions that can leave the trace (guards and `exit`).
    pub fn exit_count(&self) -> usize {
        self.insts.iter().filter(|i| i.op.is_exit()).count()
    }
}
