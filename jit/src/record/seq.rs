//! Inline access to list and tuple elements, with the layout probed at startup (`SeqLayout`).
//!
//! - kind guard: `load.int o, 16` + `band 255` + `guard_eq K(tag)` — the `Object` discriminant byte
//!   (done once per IR value: an object never changes kind);
//! - elements: `load.ptr o, ptr_off` and `load.int o, len_off` (re-read after any store or call, which
//!   may have grown the list), bounds guards in the index's sign (Python's negative indices), `padd`
//!   to the element, `guard_tag` on it and a typed `load` of its payload;
//! - stores of an int/float/bool over an element of the same type: the same address computation and a
//!   raw `store` of the payload (no reference counts involved). Everything else goes through helpers.
//!
//! Lists are read without their `RefCell` borrow check: no Rust code holds a borrow while a trace runs
//! (helpers release theirs before returning, and traces are entered from the dispatch loop only).

use super::{nyi, RResult, Recorder};
use crate::ir::{Const, IrRef, Op, SnapId, Type};
use crate::runtime::{SeqLayout, RC_VALUE_OFFSET};
use pvm_interp::object::Object;
use pvm_interp::value::Value;
use pvm_interp::vm::Vm;

const NS: SnapId = SnapId::NONE;

/// Which sequence type an object was guarded to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SeqKind {
    List,
    Tuple,
    /// Not a sequence: a closure cell (shares the kind-guard machinery).
    Cell,
    /// Not a sequence: an instance of a Python class (`attrs.rs`).
    Instance,
    /// Another builtin object, by its `Object` discriminant (`vmops.rs`).
    Other(u8),
}

/// The kind of a concrete value, if it is a list or tuple.
pub(super) fn seq_kind(v: &Value) -> Option<SeqKind> {
    match v.as_obj()? {
        Object::List(_) => Some(SeqKind::List),
        Object::Tuple(_) => Some(SeqKind::Tuple),
        _ => None,
    }
}

/// The IR type of a value (None for `Undef`).
pub(super) fn value_type(v: &Value) -> Option<Type> {
    match v {
        Value::None => Some(Type::None),
        Value::Bool(_) => Some(Type::Bool),
        Value::Int(_) => Some(Type::Int),
        Value::Float(_) => Some(Type::Float),
        Value::Obj(_) => Some(Type::Obj),
        Value::Undef => None,
    }
}

impl Recorder {
    pub(super) fn layout(&self) -> Option<SeqLayout> {
        self.known.layout
    }

    /// Guard that the object `o` is a `kind` (once per IR value).
    pub(super) fn guard_seq(&mut self, vm: &Vm, o: IrRef, kind: SeqKind) -> RResult {
        if self.known_kind.get(&o) == Some(&kind) {
            return Ok(());
        }
        let l = self
            .layout()
            .ok_or_else(|| nyi("sequence layout unknown"))?;
        let tag = match kind {
            SeqKind::List => l.list_tag,
            SeqKind::Tuple => l.tuple_tag,
            SeqKind::Cell => l.cell_tag,
            SeqKind::Instance => l.inst_tag,
            SeqKind::Other(t) => t,
        };
        let w = self.em.load(Type::Int, o, RC_VALUE_OFFSET as i32);
        let m = self.em.kint(0xff);
        let t = self.em.ins(Op::BAnd, &[w, m], NS);
        let k = self.em.kint(tag as i64);
        self.guard(vm, Op::GuardEq, &[t, k])?;
        self.known_kind.insert(o, kind);
        Ok(())
    }

    /// The element pointer and length of a guarded sequence.
    pub(super) fn seq_parts(&mut self, o: IrRef, kind: SeqKind) -> RResult<(IrRef, IrRef)> {
        let l = self
            .layout()
            .ok_or_else(|| nyi("sequence layout unknown"))?;
        let (p, n) = match kind {
            SeqKind::List => (l.list_ptr, l.list_len),
            SeqKind::Tuple => (l.tuple_ptr, l.tuple_len),
            SeqKind::Cell | SeqKind::Instance | SeqKind::Other(_) => {
                return Err(nyi("not a sequence"))
            }
        };
        Ok((self.em.load(Type::Ptr, o, p), self.em.load(Type::Int, o, n)))
    }

    /// The address of element `idx` (concretely `i`, in range) of a sequence with `data` and `len`,
    /// guarding the bounds the way Python indexes (negative from the end).
    pub(super) fn elem_addr(
        &mut self,
        vm: &Vm,
        data: IrRef,
        len: IrRef,
        idx: IrRef,
        i: i64,
    ) -> RResult<IrRef> {
        let zero = self.em.kint(0);
        let j = if i >= 0 {
            let c = self.em.ins(Op::Ge, &[idx, zero], NS);
            self.guard(vm, Op::GuardTrue, &[c])?;
            idx
        } else {
            let c = self.em.ins(Op::Lt, &[idx, zero], NS);
            self.guard(vm, Op::GuardTrue, &[c])?;
            let j = self.em.ins(Op::Add, &[idx, len], NS);
            let c = self.em.ins(Op::Ge, &[j, zero], NS);
            self.guard(vm, Op::GuardTrue, &[c])?;
            j
        };
        let c = self.em.ins(Op::Lt, &[j, len], NS);
        self.guard(vm, Op::GuardTrue, &[c])?;
        let size = self.em.kint(crate::abi::VALUE_SIZE as i64);
        let off = self.em.ins(Op::Mul, &[j, size], NS);
        Ok(self.em.ins(Op::PAdd, &[data, off], NS))
    }

    /// Load the element at `addr`, guarding it has the type of `v` (what it held while recording).
    pub(super) fn load_elem(&mut self, vm: &Vm, addr: IrRef, v: &Value) -> RResult<IrRef> {
        let ty = value_type(v).ok_or_else(|| nyi("unbound element"))?;
        let s = self.snapshot(vm)?;
        self.em.guard_tag(addr, 0, ty, s);
        Ok(match ty {
            Type::None => self.em.konst(Const::None),
            _ => self.em.load(ty, addr, crate::abi::PAYLOAD_OFFSET as i32),
        })
    }

    /// `seq[i]` inline: kind guard, bounds, element. `elem` is the element seen while recording.
    pub(super) fn inline_getitem(
        &mut self,
        vm: &Vm,
        o: IrRef,
        kind: SeqKind,
        idx: IrRef,
        i: i64,
        elem: &Value,
    ) -> RResult<IrRef> {
        self.guard_seq(vm, o, kind)?;
        let (data, len) = self.seq_parts(o, kind)?;
        let a = self.elem_addr(vm, data, len, idx, i)?;
        self.load_elem(vm, a, elem)
    }

    /// `len(seq)` inline.
    pub(super) fn inline_len(&mut self, vm: &Vm, o: IrRef, kind: SeqKind) -> RResult<IrRef> {
        self.guard_seq(vm, o, kind)?;
        Ok(self.seq_parts(o, kind)?.1)
    }
}
