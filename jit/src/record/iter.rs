//! Loops: `ForSetup`, `ForIter`, `JumpBackward`, and `UnpackSequence`.
//!
//! - A range loop keeps (cur, stop, step) as three int slots. `ForIter` guards a step of ±1 to be that
//!   constant and any other step only by its sign, `lt cur, stop` (or `gt` for negative steps) with a branch guard, `add_ov
//!   cur, step` (an overflow exits: the interpreter saturates), and the pushed `cur`. A `range(...)` built in
//!   the trace is virtual: `ForSetup` just spreads its three values into the slots.
//! - A list or tuple loop keeps (sequence, index, Undef) in its slots (the interpreter does the same: no
//!   iterator object). `ForIter` is inline: kind guard, `lt index, len` with a branch guard (the length
//!   re-read every step), a tag-guarded load of the element, `add index, 1`.
//! - A loop over another iterator object keeps it in the first slot: `ForIter` is a guarded helper
//!   `iter_next.<type>` returning the next element (typed by the element seen while recording; it exits
//!   without advancing on exhaustion or another element type); the loop-exit path is `iter_done`.
//! - `UnpackSequence n` of a list or tuple: `len` guarded to `n`, then `getitem.<type>` per element.

use super::seq::SeqKind;
use super::{nyi, Abort, Cx, RResult, Recorder, Start, Sv};
use crate::ir::{Const, Op, SnapId, Type};
use pvm_interp::object::{Iter, Object};
use pvm_interp::value::Value;
use pvm_interp::vm::Vm;

const NS: SnapId = SnapId::NONE;

/// Back edges of one other loop a recording may pass (see `rec_jump_backward`).
const MAX_UNROLL: u32 = 6;

impl Recorder {
    /// `JumpBackward`: the root trace's own back edge closes at the header (next instruction); any
    /// other loop's back edge is passed at most `MAX_UNROLL` times per frame (see below).
    pub(super) fn rec_jump_backward(&mut self, cx: &Cx) -> RResult {
        let target = cx.arg;
        let own = self.start == Start::Root && self.at_root_level() && target == self.start_pc;
        if !own {
            // Another loop's back edge (an inner loop without a trace to link to, a loop in an
            // inlined call, or an outer loop a side trace runs through): record through it, i.e.
            // unroll it, a few times per run of the frame; a short loop (deltablue's constraint
            // lists, a search over a few objects) is then specialised to its trip count, guarded by
            // its `ForIter`, and a longer one aborts (it gets its own trace).
            let key = (self.frames.last().and_then(|f| f.inline), target);
            let n = self.passes.entry(key).or_insert(0);
            *n += 1;
            if *n > MAX_UNROLL {
                return Err(if self.at_root_level() {
                    Abort::InnerLoop { pc: target }
                } else {
                    Abort::LoopInCall
                });
            }
        }
        self.expect = Some((self.frames.len(), target));
        Ok(())
    }

    /// `ForSetup`: a virtual range becomes three int slots; a list or tuple gets an iterator.
    pub(super) fn rec_for_setup(&mut self, vm: &mut Vm, cx: &Cx) -> RResult {
        let i = cx.sp - 1;
        match self.sv(vm, i)? {
            Sv::Range { start, stop, step } => {
                self.set(i, Sv::Val(start));
                self.set(i + 1, Sv::Val(stop));
                self.set(i + 2, Sv::Val(step));
                Ok(())
            }
            Sv::Val(_) => match vm.stack[i].as_obj() {
                Some(Object::List(_) | Object::Tuple(_)) => {
                    // (sequence, index, Undef): the sequence stays where it is.
                    let zero = self.em.kint(0);
                    self.set(i + 1, Sv::Val(zero));
                    self.set(i + 2, Sv::Undef);
                    Ok(())
                }
                Some(Object::Generator(_)) => self.rec_gen_for_setup(vm, i),
                Some(Object::Iter(_)) => {
                    // A builtin iterator is its own iterator.
                    self.set(i + 1, Sv::Undef);
                    self.set(i + 2, Sv::Undef);
                    Ok(())
                }
                Some(
                    Object::Str(_)
                    | Object::Bytes(_)
                    | Object::Dict(_)
                    | Object::Set(_)
                    | Object::FrozenSet(_)
                    | Object::DictView(_),
                ) => {
                    // The interpreter's `iter()`, by a helper: (iterator, Undef, Undef).
                    let r = self.vm_op(vm, crate::vmops::What::Iter, 0, &[i])?;
                    self.set(i, Sv::Val(r));
                    self.set(i + 1, Sv::Undef);
                    self.set(i + 2, Sv::Undef);
                    Ok(())
                }
                _ => Err(nyi("for loop over this type")),
            },
            Sv::Undef => Err(nyi("ForSetup on an unbound value")),
            Sv::Tuple(_) | Sv::Slice { .. } => Err(Abort::VirtualEscapes),
        }
    }

    /// `ForIter`: see the module docs.
    pub(super) fn rec_for_iter(&mut self, vm: &mut Vm, cx: &Cx) -> RResult {
        let (ic, is, it) = (cx.sp - 3, cx.sp - 2, cx.sp - 1);
        if let Some(Object::Generator(_)) = vm.stack[ic].as_obj() {
            return self.rec_gen_for_iter(vm, cx);
        }
        // A str, set or reversed() iterator: its next item, seen through a copy of its state.
        let stepped = match (&vm.stack[ic], &vm.stack[is]) {
            (Value::Obj(_), Value::Int(_)) | (Value::Int(_), _) => None,
            (v @ Value::Obj(_), _) => {
                let v = v.clone();
                crate::vmops::peek_next(vm, &v)
            }
            _ => None,
        };
        let done;
        match (&vm.stack[ic], &vm.stack[is]) {
            (Value::Int(c), _) => {
                let (Value::Int(stop), Value::Int(step)) = (&vm.stack[is], &vm.stack[it]) else {
                    return Err(nyi("ForIter on a malformed range state"));
                };
                let (c, stop, step) = (*c, *stop, *step);
                let cur = self.get(vm, ic)?;
                let stop_r = self.get(vm, is)?;
                let step_r = self.get(vm, it)?;
                // Only the step's sign shapes the loop (the comparison's direction): a step of ±1 (nearly
                // every loop) becomes a constant, which lets the guards pass prove `cur + 1` cannot
                // overflow; any other step only has its sign guarded, so a loop whose step changes from
                // run to run (an FFT's strides) keeps one trace.
                let k = if self.em.trace.int_of(step_r).is_some() {
                    step_r
                } else if step == 1 || step == -1 {
                    let k = self.em.kint(step);
                    self.guard(vm, Op::GuardEq, &[step_r, k])?;
                    k
                } else {
                    let zero = self.em.kint(0);
                    let pos =
                        self.em
                            .ins(if step > 0 { Op::Gt } else { Op::Lt }, &[step_r, zero], NS);
                    self.guard(vm, Op::GuardTrue, &[pos])?;
                    step_r
                };
                let go = if step > 0 { c < stop } else { c > stop };
                let cmp = if step > 0 { Op::Lt } else { Op::Gt };
                let cond = self.em.ins(cmp, &[cur, stop_r], NS);
                self.guard(vm, if go { Op::GuardTrue } else { Op::GuardFalse }, &[cond])?;
                done = !go;
                if go {
                    let next = self.checked(vm, Op::AddOv, &[cur, k])?;
                    self.set(ic, Sv::Val(next));
                    self.set(cx.sp, Sv::Val(cur));
                }
            }
            (Value::Obj(o), &Value::Int(idx)) => {
                let (kind, peek) = match &**o {
                    Object::List(l) => (SeqKind::List, l.borrow().get(idx as usize).cloned()),
                    Object::Tuple(t) => (SeqKind::Tuple, t.get(idx as usize).cloned()),
                    _ => return Err(nyi("ForIter on a malformed sequence state")),
                };
                if self.layout().is_none() {
                    return Err(nyi("sequence layout unknown"));
                }
                let s = self.get(vm, ic)?;
                let i = self.get(vm, is)?;
                self.guard_seq(vm, s, kind)?;
                // The length is re-read every step: the body may have grown or shrunk a list.
                let (data, len) = self.seq_parts(s, kind)?;
                let cond = self.em.ins(Op::Lt, &[i, len], NS);
                done = peek.is_none();
                self.guard(
                    vm,
                    if done { Op::GuardFalse } else { Op::GuardTrue },
                    &[cond],
                )?;
                if let Some(v) = peek {
                    let size = self.em.kint(crate::abi::VALUE_SIZE as i64);
                    let off = self.em.ins(Op::Mul, &[i, size], NS);
                    let a = self.em.ins(Op::PAdd, &[data, off], NS);
                    let elem = self.load_elem(vm, a, &v)?;
                    // `i < len` holds, so `i + 1` cannot overflow.
                    let one = self.em.kint(1);
                    let next = self.em.ins(Op::Add, &[i, one], NS);
                    self.set(is, Sv::Val(next));
                    self.set(cx.sp, Sv::Val(elem));
                }
            }
            (Value::Obj(o), _) => {
                let Object::Iter(iter) = &**o else {
                    return Err(nyi("ForIter over this iterator"));
                };
                // (the next item if any, enumerate?, helper families for the next item and the end)
                let (peek, enumerate, next, end) = match &*iter.borrow() {
                    _ if stepped.is_some() => {
                        (stepped.clone().flatten(), false, "iter_step", "iter_end")
                    }
                    Iter::Seq { seq, index } => {
                        (seq_peek(seq, *index)?, false, "iter_next", "iter_done")
                    }
                    Iter::Enumerate {
                        iter: inner,
                        count: Value::Int(_),
                    } => match inner.as_obj() {
                        Some(Object::Iter(ii)) => match &*ii.borrow() {
                            Iter::Seq { seq, index } => {
                                (seq_peek(seq, *index)?, true, "enum_next", "enum_done")
                            }
                            _ => return Err(nyi("enumerate over this iterator")),
                        },
                        _ => return Err(nyi("enumerate over this iterator")),
                    },
                    it @ (Iter::DictKeys {
                        dict,
                        index,
                        len_at_start,
                    }
                    | Iter::DictValues {
                        dict,
                        index,
                        len_at_start,
                    }
                    | Iter::DictItems {
                        dict,
                        index,
                        len_at_start,
                    }) => {
                        let Object::Dict(d) = &**dict else {
                            return Err(nyi("ForIter over this iterator"));
                        };
                        let d = d.borrow();
                        if d.len() != *len_at_start {
                            return Err(nyi("dict changed size during iteration"));
                        }
                        let peek = d.next_from(*index).map(|(_, e)| match it {
                            Iter::DictKeys { .. } => e.key.clone(),
                            Iter::DictValues { .. } => e.value.clone(),
                            // Only the type matters here: the helper makes the real tuple.
                            _ => Value::obj(Object::Tuple(vec![])),
                        });
                        (peek, false, "dict_next", "dict_iter_done")
                    }
                    _ => return Err(nyi("ForIter over this iterator")),
                };
                let itr = self.get(vm, ic)?;
                // Advancing an iterator changes it: not inside an inlined constructor or operator
                // unless it made the iterator (an exit would redo the step).
                self.check_effect(itr)?;
                done = peek.is_none();
                match (peek, enumerate) {
                    (Some(v), false) => {
                        let r = self.typed_call(vm, next, &v, &[itr])?;
                        self.set(cx.sp, Sv::Val(r));
                    }
                    (Some(v), true) => {
                        // The (count, element) pair is a virtual tuple: `for i, x in` unpacks it.
                        let c = self.callg(vm, Type::Int, "enum_count", &[itr])?;
                        let r = self.typed_call(vm, "enum_next", &v, &[itr])?;
                        self.vtuples.push(vec![Sv::Val(c), Sv::Val(r)]);
                        self.vtuple_origin.push(None);
                        self.set(cx.sp, Sv::Tuple(self.vtuples.len() as u32 - 1));
                    }
                    (None, false) => {
                        self.callg(vm, Type::Void, end, &[itr])?;
                    }
                    (None, true) => {
                        self.callg(vm, Type::Void, "enum_done", &[itr])?;
                    }
                }
            }
            _ => return Err(nyi("ForIter on this state")),
        }
        if done {
            if self.start == Start::Root && self.at_root_level() && cx.pc == self.start_pc {
                return Err(Abort::LoopExit);
            }
            self.set(ic, Sv::Undef);
            self.set(is, Sv::Undef);
            self.set(it, Sv::Undef);
            self.expect = Some((self.frames.len(), cx.arg));
        }
        Ok(())
    }

    /// A guarded helper `family.<type of v>(args)` whose result has `v`'s type: None elements are
    /// checked by a void helper and become the constant None.
    pub(super) fn typed_call(
        &mut self,
        vm: &Vm,
        family: &str,
        v: &Value,
        args: &[crate::ir::IrRef],
    ) -> RResult<crate::ir::IrRef> {
        let ty = match v {
            Value::None => Type::None,
            Value::Bool(_) => Type::Bool,
            Value::Int(_) => Type::Int,
            Value::Float(_) => Type::Float,
            Value::Obj(_) => Type::Obj,
            Value::Undef => return Err(nyi("unbound element")),
        };
        let name = crate::runtime::tagged(family, ty);
        if ty == Type::None {
            self.callg(vm, Type::Void, &name, args)?;
            Ok(self.em.konst(Const::None))
        } else {
            self.callg(vm, ty, &name, args)
        }
    }

    /// `BuildTuple n`: a virtual tuple of the top n slots (allocated only if it would escape: then the
    /// recording aborts).
    pub(super) fn rec_build_tuple(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let n = cx.arg as usize;
        let mut items = Vec::with_capacity(n);
        for k in 0..n {
            items.push(self.sv(vm, cx.sp - n + k)?);
        }
        // Where a materialisation right after may exit to (None if the state cannot be described).
        let origin = self.snapshot(vm).ok().map(|s| (s, self.nbc));
        self.vtuples.push(items);
        self.vtuple_origin.push(origin);
        for k in 0..n {
            self.set(cx.sp - n + k, Sv::Undef);
        }
        self.set(cx.sp - n, Sv::Tuple(self.vtuples.len() as u32 - 1));
        Ok(())
    }

    /// Make the virtual tuple `t` a real one (`new_list`, `list_append.<type>` per item,
    /// `list_into_tuple`), when it was built by the instruction right before the current one: the
    /// helpers then exit to the `BuildTuple` (nothing happened since), whose state the interpreter
    /// rebuilds it from. For `return a, b` from the frame a side trace runs in.
    pub(super) fn materialize_tuple(&mut self, t: u32) -> RResult<crate::ir::IrRef> {
        let Some(Some((snap, nbc))) = self.vtuple_origin.get(t as usize).copied() else {
            return Err(Abort::VirtualEscapes);
        };
        if nbc + 1 != self.nbc {
            return Err(Abort::VirtualEscapes);
        }
        let mut vals = Vec::new();
        for item in self.vtuples[t as usize].clone() {
            match item {
                Sv::Val(r) if !matches!(self.em.trace.ty(r), Type::Wide | Type::Undef) => {
                    vals.push(r)
                }
                _ => return Err(Abort::VirtualEscapes),
            }
        }
        let l = self
            .em
            .call(Op::CallGuard, Type::Obj, "new_list", &[], snap);
        for r in vals {
            let name = crate::runtime::tagged("list_append", self.em.trace.ty(r));
            self.em
                .call(Op::CallGuard, Type::Void, &name, &[l, r], snap);
        }
        let tup = self
            .em
            .call(Op::CallGuard, Type::Obj, "list_into_tuple", &[l], snap);
        self.known_kind.insert(tup, SeqKind::Tuple);
        Ok(tup)
    }

    /// `UnpackSequence n` of a list or tuple (a virtual tuple just spreads its items).
    pub(super) fn rec_unpack_sequence(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let n = cx.arg as usize;
        let i = cx.sp - 1;
        if let Some(Sv::Tuple(t)) = self.slot_state(i) {
            let items = self.vtuples[t as usize].clone();
            if items.len() != n {
                return Err(nyi("unpacking with the wrong length"));
            }
            for (k, v) in items.into_iter().rev().enumerate() {
                self.set(i + k, v);
            }
            return Ok(());
        }
        let items: Vec<Value> = match vm.stack[i].as_obj() {
            Some(Object::List(l)) => l.borrow().clone(),
            Some(Object::Tuple(t)) => t.clone(),
            _ => return Err(nyi("unpacking this type")),
        };
        if items.len() != n {
            return Err(nyi("unpacking with the wrong length"));
        }
        let s = self.get(vm, i)?;
        let kn = self.em.kint(n as i64);
        let mut vals = Vec::with_capacity(n);
        match super::seq::seq_kind(&vm.stack[i]) {
            Some(kind) if self.layout().is_some() => {
                self.guard_seq(vm, s, kind)?;
                let (data, len) = self.seq_parts(s, kind)?;
                self.guard(vm, Op::GuardEq, &[len, kn])?;
                for (k, v) in items.iter().enumerate() {
                    let off = self.em.kint((k * crate::abi::VALUE_SIZE) as i64);
                    let a = self.em.ins(Op::PAdd, &[data, off], NS);
                    vals.push(self.load_elem(vm, a, v)?);
                }
            }
            _ => {
                let len = self.callg(vm, Type::Int, "len", &[s])?;
                self.guard(vm, Op::GuardEq, &[len, kn])?;
                for (k, v) in items.iter().enumerate() {
                    let idx = self.em.kint(k as i64);
                    vals.push(self.typed_call(vm, "getitem", v, &[s, idx])?);
                }
            }
        }
        // The first item ends up on top.
        for (k, r) in vals.into_iter().rev().enumerate() {
            self.set(i + k, Sv::Val(r));
        }
        Ok(())
    }
}

/// The element a list/tuple iterator at `index` yields next (None when exhausted).
fn seq_peek(seq: &pvm_interp::object::ObjRef, index: usize) -> RResult<Option<Value>> {
    match &**seq {
        Object::List(l) => Ok(l.borrow().get(index).cloned()),
        Object::Tuple(t) => Ok(t.get(index).cloned()),
        _ => Err(nyi("ForIter over this sequence")),
    }
}
