//! Subscripts of lists and tuples, through status-returning helpers that check the container type, the
//! index (negative indices included) and the element type themselves, so one call is all the guarding:
//! - `x[i]`: `getitem.<type>(x, i)`, typed by the element seen while recording (exits on IndexError,
//!   another container or another element type);
//! - `l[i] = v`: `list_set.<type>(ctx, l, i, v)` (exits unless `l` is a list and `i` in range).

use super::seq::{seq_kind, value_type, SeqKind};
use super::{nyi, Cx, RResult, Recorder, Sv};
use crate::ir::{IrRef, Op, SnapId, Type};
use crate::vmops::What;
use pvm_interp::object::Object;
use pvm_interp::value::Value;
use pvm_interp::vm::Vm;

const NS: SnapId = SnapId::NONE;

/// The element `seq[i]` would read, if `seq` is a list or tuple and `i` is in range.
fn element(seq: &Value, i: i64) -> Option<Value> {
    let get = |items: &[Value]| {
        let n = items.len() as i64;
        let j = if i < 0 { i + n } else { i };
        (0..n).contains(&j).then(|| items[j as usize].clone())
    };
    match seq.as_obj()? {
        Object::List(l) => get(&l.borrow()),
        Object::Tuple(t) => get(t),
        _ => None,
    }
}

impl Recorder {
    /// An int index operand (bools widened).
    fn index_operand(&mut self, vm: &Vm, abs: usize) -> RResult<(crate::ir::IrRef, i64)> {
        match &vm.stack[abs] {
            Value::Int(i) => Ok((self.get(vm, abs)?, *i)),
            Value::Bool(b) => {
                let r = self.get(vm, abs)?;
                Ok((self.em.ins(Op::BToI, &[r], NS), *b as i64))
            }
            _ => Err(nyi("subscript with a non-int index")),
        }
    }

    /// `BuildSlice 2` of ints or Nones: a virtual slice (only a subscript may use it).
    pub(super) fn rec_build_slice(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        if cx.arg != 2 {
            return Err(nyi("slice with a step"));
        }
        let bound = |s: &mut Self, i: usize| -> RResult<IrRef> {
            match &vm.stack[i] {
                Value::None => Ok(IrRef::NONE),
                Value::Int(_) => s.get(vm, i),
                Value::Bool(_) => {
                    let b = s.get(vm, i)?;
                    Ok(s.em.ins(Op::BToI, &[b], NS))
                }
                _ => Err(nyi("slice bound of this type")),
            }
        };
        let start = bound(self, cx.sp - 2)?;
        let stop = bound(self, cx.sp - 1)?;
        let snap = self.snapshot(vm)?;
        self.set(cx.sp - 2, Sv::Slice { start, stop, snap });
        self.set(cx.sp - 1, Sv::Undef);
        Ok(())
    }

    /// `seq[a:b]` of a list or tuple: the `slice` helper (a new object, kept by the nursery). It exits to
    /// the `BuildSlice` (`snap`), as the slice object it would need on the stack does not exist.
    fn slice_subscr(
        &mut self,
        vm: &Vm,
        io: usize,
        start: IrRef,
        stop: IrRef,
        snap: SnapId,
    ) -> RResult<IrRef> {
        if !matches!(
            vm.stack[io].as_obj(),
            Some(Object::List(_) | Object::Tuple(_) | Object::Str(_) | Object::Bytes(_))
        ) {
            return Err(nyi("slice of this type"));
        }
        let seq = self.get(vm, io)?;
        let flags = i64::from(start != IrRef::NONE) | (i64::from(stop != IrRef::NONE) << 1);
        let zero = self.em.kint(0);
        let lo = if start == IrRef::NONE { zero } else { start };
        let hi = if stop == IrRef::NONE { zero } else { stop };
        let f = self.em.kint(flags);
        Ok(self
            .em
            .call(Op::CallGuard, Type::Obj, "slice", &[seq, lo, hi, f], snap))
    }

    /// `BinarySubscr` on a list or tuple with an int index.
    pub(super) fn rec_binary_subscr(&mut self, vm: &mut Vm, cx: &Cx) -> RResult {
        let (io, ii) = (cx.sp - 2, cx.sp - 1);
        if let Some(Sv::Slice { start, stop, snap }) = self.slot_state(ii) {
            let r = self.slice_subscr(vm, io, start, stop, snap)?;
            self.set(io, Sv::Val(r));
            self.set(ii, Sv::Undef);
            return Ok(());
        }
        if super::dunders::is_instance(&vm.stack[io]) {
            return self.rec_getitem_dunder(vm, cx);
        }
        let dict_key = matches!(vm.stack[io].as_obj(), Some(Object::Dict(_)))
            && self.dict_key_kind(vm, ii).is_some();
        let seq_index = matches!(
            vm.stack[io].as_obj(),
            Some(Object::List(_) | Object::Tuple(_))
        ) && matches!(vm.stack[ii], Value::Int(_));
        if dict_key {
            let r = self.dict_subscr(vm, io, ii)?;
            self.set(io, Sv::Val(r));
            self.set(ii, Sv::Undef);
            return Ok(());
        }
        if !seq_index {
            // Strings, bytes, ranges, other keys: the interpreter's own subscript, by a helper.
            let r = self.vm_op(vm, What::GetItem, 0, &[io, ii])?;
            self.set(io, Sv::Val(r));
            self.set(ii, Sv::Undef);
            return Ok(());
        }
        let (idx, i) = self.index_operand(vm, ii)?;
        let Some(elem) = element(&vm.stack[io], i) else {
            return Err(nyi("index out of range (IndexError ahead)"));
        };
        let seq = self.get(vm, io)?;
        let r = match seq_kind(&vm.stack[io]) {
            Some(kind) if self.layout().is_some() => {
                self.inline_getitem(vm, seq, kind, idx, i, &elem)?
            }
            _ => self.typed_call(vm, "getitem", &elem, &[seq, idx])?,
        };
        self.set(io, Sv::Val(r));
        self.set(ii, Sv::Undef);
        Ok(())
    }

    /// The helper family suffix for a dict key in slot `abs`: `i` (an int) or `s` (a str; the helper
    /// checks, so no guard), or None for keys only the interpreter handles.
    fn dict_key_kind(&self, vm: &Vm, abs: usize) -> Option<&'static str> {
        match &vm.stack[abs] {
            Value::Int(_) => Some("i"),
            Value::Obj(o) if matches!(&**o, Object::Str(_)) => Some("s"),
            _ => None,
        }
    }

    /// The key kind (`i` or `s`) and, if present, the value of `d[k]` for the exact dict in slot `io` and
    /// the int or str key in slot `ii`, looked up without Python code (aborts if that is not possible).
    pub(super) fn dict_lookup(
        &self,
        vm: &Vm,
        io: usize,
        ii: usize,
    ) -> RResult<(&'static str, Option<Value>)> {
        let Some(Object::Dict(d)) = vm.stack[io].as_obj() else {
            return Err(nyi("subscript of this type"));
        };
        let kk = self
            .dict_key_kind(vm, ii)
            .ok_or_else(|| nyi("dict key of this type"))?;
        let d = d.borrow();
        match pvm_interp::vm::dict_find_pure(&d, &vm.stack[ii]) {
            Ok(ix) => Ok((kk, ix.and_then(|ix| d.entry(ix).map(|e| e.value.clone())))),
            Err(()) => Err(nyi("dict lookup that needs __eq__")),
        }
    }

    /// `d[k]` for an exact dict and an int or str key: `dict_get_<i|s>.<type of the value>` (a helper:
    /// it fails, and the interpreter raises KeyError, when the key is missing).
    fn dict_subscr(&mut self, vm: &Vm, io: usize, ii: usize) -> RResult<crate::ir::IrRef> {
        let (kk, v) = self.dict_lookup(vm, io, ii)?;
        let v = v.ok_or_else(|| nyi("missing dict key (KeyError ahead)"))?;
        let (dr, kr) = (self.get(vm, io)?, self.get(vm, ii)?);
        self.typed_call(vm, &format!("dict_get_{kk}"), &v, &[dr, kr])
    }

    /// `ContainsOp` (`k in d`, `k not in d`) for an exact dict, set or frozenset and an int or str key.
    pub(super) fn rec_contains_op(&mut self, vm: &mut Vm, cx: &Cx) -> RResult {
        let (ik, ic) = (cx.sp - 2, cx.sp - 1);
        // Sets answer without Python code only when their keys compare plainly (checked now; the
        // helper checks again and exits otherwise).
        let kk = match vm.stack[ic].as_obj() {
            Some(Object::Dict(_)) => self.dict_key_kind(vm, ik),
            Some(o @ (Object::Set(_) | Object::FrozenSet(_)))
                if pvm_interp::vm::contains_pure_obj(o, &vm.stack[ik]).is_some() =>
            {
                self.dict_key_kind(vm, ik)
            }
            _ => None,
        };
        let r = match kk {
            Some(kk) => {
                let (dr, kr) = (self.get(vm, ic)?, self.get(vm, ik)?);
                let s = self.snapshot(vm)?;
                self.em.call(
                    Op::CallGuard,
                    Type::Bool,
                    &format!("has_{kk}"),
                    &[dr, kr],
                    s,
                )
            }
            // Sets, strings, lists, other keys: the interpreter's own `in`, by a helper.
            None => self.vm_op(vm, What::Contains, 0, &[ic, ik])?,
        };
        let r = if cx.arg == 1 {
            self.em.ins(Op::Not, &[r], SnapId::NONE)
        } else {
            r
        };
        self.set(ik, Sv::Val(r));
        self.set(ic, Sv::Undef);
        Ok(())
    }

    /// `d[k] = v` for an exact dict and an int or str key: `dict_set_<i|s>.<type>`.
    fn dict_store_subscr(&mut self, vm: &Vm, iv: usize, io: usize, ii: usize) -> RResult {
        let kk = self
            .dict_key_kind(vm, ii)
            .ok_or_else(|| nyi("dict key of this type"))?;
        if let Some(Object::Dict(d)) = vm.stack[io].as_obj() {
            if pvm_interp::vm::dict_find_pure(&d.borrow(), &vm.stack[ii]).is_err() {
                return Err(nyi("dict store that needs __eq__"));
            }
        }
        let dr = self.get(vm, io)?;
        self.check_effect(dr)?;
        let (kr, v) = (self.get(vm, ii)?, self.get(vm, iv)?);
        let ty = self.em.trace.ty(v);
        if matches!(ty, Type::Undef | Type::Wide) {
            return Err(nyi("storing this value in a dict"));
        }
        let name = crate::runtime::tagged(&format!("dict_set_{kk}"), ty);
        self.callg(vm, Type::Void, &name, &[dr, kr, v])?;
        for s in [iv, io, ii] {
            self.set(s, Sv::Undef);
        }
        Ok(())
    }

    /// `MapAdd` (a dict comprehension's store): `d[k] = v` as `StoreSubscr` does it, the dict staying.
    pub(super) fn rec_map_add(&mut self, vm: &mut Vm, cx: &Cx) -> RResult {
        let (iv, ik) = (cx.sp - 1, cx.sp - 2);
        let id = cx.sp - 2 - cx.arg as usize;
        if !matches!(vm.stack[id].as_obj(), Some(Object::Dict(_))) {
            return Err(nyi("MapAdd to a non-dict"));
        }
        let d = self.sv(vm, id)?;
        self.dict_store_subscr(vm, iv, id, ik)?;
        self.set(id, d);
        Ok(())
    }

    /// `BuildSet n` / `BuildMap n` of up to `MAX_ARGS` values: a new set or dict, by a helper.
    pub(super) fn rec_build_display(
        &mut self,
        vm: &mut Vm,
        cx: &Cx,
        what: What,
        n: usize,
    ) -> RResult {
        if n > crate::vmops::MAX_ARGS {
            return Err(nyi("a set or dict display with this many items"));
        }
        let first = cx.sp - n;
        let args: Vec<usize> = (first..cx.sp).collect();
        let r = self.vm_op(vm, what, 0, &args)?;
        for s in first..cx.sp {
            self.set(s, Sv::Undef);
        }
        self.set(first, Sv::Val(r));
        Ok(())
    }

    /// `StoreSubscr` into a list with an int index, or into a dict.
    pub(super) fn rec_store_subscr(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let (iv, io, ii) = (cx.sp - 3, cx.sp - 2, cx.sp - 1);
        if let Some(Object::Dict(_)) = vm.stack[io].as_obj() {
            return self.dict_store_subscr(vm, iv, io, ii);
        }
        let Some(Object::List(l)) = vm.stack[io].as_obj() else {
            return Err(nyi("item assignment to this type"));
        };
        let n = l.borrow().len() as i64;
        let (idx, i) = self.index_operand(vm, ii)?;
        let j = if i < 0 { i + n } else { i };
        if !(0..n).contains(&j) {
            return Err(nyi("index out of range (IndexError ahead)"));
        }
        let old_ty = value_type(&l.borrow()[j as usize]);
        let seq = self.get(vm, io)?;
        self.check_effect(seq)?;
        let v = self.get(vm, iv)?;
        let ty = self.em.trace.ty(v);
        if ty == Type::Undef {
            return Err(nyi("storing an unbound value"));
        }
        if self.layout().is_some()
            && old_ty == Some(ty)
            && matches!(ty, Type::Int | Type::Float | Type::Bool)
        {
            // Same plain type as the element it replaces: nothing to release, store the payload.
            self.guard_seq(vm, seq, SeqKind::List)?;
            let (data, len) = self.seq_parts(seq, SeqKind::List)?;
            let a = self.elem_addr(vm, data, len, idx, i)?;
            let s = self.snapshot(vm)?;
            self.em.guard_tag(a, 0, ty, s);
            self.em.store(a, crate::abi::PAYLOAD_OFFSET as i32, v);
        } else {
            let name = crate::runtime::tagged("list_set", ty);
            self.callg(vm, Type::Void, &name, &[seq, idx, v])?;
        }
        for s in [iv, io, ii] {
            self.set(s, Sv::Undef);
        }
        Ok(())
    }
}

impl Recorder {
    /// `BuildList n`: `new_list` then `list_append.<type>` of each item (no allocation sinking yet).
    pub(super) fn rec_build_list(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let n = cx.arg as usize;
        let mut items = Vec::with_capacity(n);
        for k in 0..n {
            let v = self.get(vm, cx.sp - n + k)?;
            if matches!(self.em.trace.ty(v), Type::Undef | Type::Wide) {
                return Err(nyi("list display of this value"));
            }
            items.push(v);
        }
        let l = self.callg(vm, Type::Obj, "new_list", &[])?;
        self.fresh.insert(l);
        for v in items {
            let ty = self.em.trace.ty(v);
            self.callg(
                vm,
                Type::Void,
                &crate::runtime::tagged("list_append", ty),
                &[l, v],
            )?;
        }
        for k in 0..n {
            self.set(cx.sp - n + k, Sv::Undef);
        }
        self.set(cx.sp - n, Sv::Val(l));
        Ok(())
    }

    /// `ListAppend a` (comprehensions): `list_append.<type>` on the list `a` slots below TOS.
    pub(super) fn rec_list_append(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let il = cx.sp - 1 - cx.arg as usize;
        if !matches!(vm.stack[il].as_obj(), Some(Object::List(_))) {
            return Err(nyi("ListAppend to a non-list"));
        }
        let l = self.get(vm, il)?;
        self.check_effect(l)?;
        let v = self.get(vm, cx.sp - 1)?;
        let ty = self.em.trace.ty(v);
        self.callg(
            vm,
            Type::Void,
            &crate::runtime::tagged("list_append", ty),
            &[l, v],
        )?;
        self.set(cx.sp - 1, Sv::Undef);
        Ok(())
    }
}
