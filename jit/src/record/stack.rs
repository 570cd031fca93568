//! Locals, constants and value-stack shuffles: no IR at all, only slot-map updates (plus the guarded
//! `sload` of a slot the trace reads for the first time).

use super::seq::{value_type, SeqKind};
use super::{nyi, Abort, Cx, RResult, Recorder, Sv};
use crate::ir::{Const, Type};
use pvm_interp::code::Code;
use pvm_interp::object::Object;
use pvm_interp::vm::Vm;
use std::rc::Rc;

impl Recorder {
    /// `PopTop`: the slot becomes unbound.
    pub(super) fn rec_pop_top(&mut self, cx: &Cx) -> RResult {
        self.set(cx.sp - 1, Sv::Undef);
        Ok(())
    }

    /// `Copy a`: push what the a-th slot from the top holds (virtuals included).
    pub(super) fn rec_copy(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let v = self.sv_move(vm, cx.sp - cx.arg as usize)?;
        self.set(cx.sp, v);
        Ok(())
    }

    /// `Swap a`: exchange TOS and the a-th slot from the top.
    pub(super) fn rec_swap(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let (i, j) = (cx.sp - 1, cx.sp - cx.arg as usize);
        let (a, b) = (self.sv_move(vm, i)?, self.sv_move(vm, j)?);
        self.set(i, b);
        self.set(j, a);
        Ok(())
    }

    /// `LoadConst`: a constant (objects are kept alive by the trace).
    pub(super) fn rec_load_const(&mut self, code: &Rc<Code>, cx: &Cx) -> RResult {
        let v = code.consts[cx.arg as usize].clone();
        let r = self.kvalue(&v);
        self.set(cx.sp, Sv::Val(r));
        Ok(())
    }

    /// `LoadFast a`: push local a (an unbound local aborts: UnboundLocalError ahead).
    pub(super) fn rec_load_fast(&mut self, vm: &Vm, cx: &Cx, a: usize) -> RResult {
        self.load_local(vm, cx.fb + a, cx.sp)
    }

    fn load_local(&mut self, vm: &Vm, from: usize, to: usize) -> RResult {
        match self.sv_move(vm, from)? {
            Sv::Undef => Err(Abort::Unbound {
                slot: self.rel(from) as u32,
            }),
            v => {
                self.set(to, v);
                Ok(())
            }
        }
    }

    /// `LoadFast2`: two `LoadFast`s.
    pub(super) fn rec_load_fast2(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        self.load_local(vm, cx.fb + (cx.arg & 0xfff) as usize, cx.sp)?;
        self.load_local(vm, cx.fb + (cx.arg >> 12) as usize, cx.sp + 1)
    }

    /// `StoreFast a`: move TOS into local a.
    pub(super) fn rec_store_fast(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let v = self.sv_move(vm, cx.sp - 1)?;
        self.set(cx.fb + cx.arg as usize, v);
        self.set(cx.sp - 1, Sv::Undef);
        Ok(())
    }

    /// `LoadDeref a`: the contents of cell `a` (cells follow the locals): the cell's kind guard, then a
    /// `guard_tag` and a typed load of the `Value` inside it (an empty cell aborts: NameError ahead).
    pub(super) fn rec_load_deref(&mut self, vm: &Vm, code: &Rc<Code>, cx: &Cx) -> RResult {
        let at = cx.fb + code.nlocals() + cx.arg as usize;
        let content = match vm.stack[at].as_obj() {
            Some(Object::Cell(c)) => c.borrow().clone(),
            _ => return Err(nyi("LoadDeref of a non-cell")),
        };
        let ty = value_type(&content).ok_or(Abort::Unbound {
            slot: self.slot_no(at),
        })?;
        let l = self.layout().ok_or_else(|| nyi("cell layout unknown"))?;
        let c = self.get(vm, at)?;
        self.guard_seq(vm, c, SeqKind::Cell)?;
        let s = self.snapshot(vm)?;
        self.em.guard_tag(c, l.cell_value, ty, s);
        let r = match ty {
            Type::None => self.em.konst(Const::None),
            _ => self
                .em
                .load(ty, c, l.cell_value + crate::abi::PAYLOAD_OFFSET as i32),
        };
        self.set(cx.sp, Sv::Val(r));
        Ok(())
    }

    /// `StoreDeref a`: `cell_set.<type>` (the helper retires the old contents safely).
    pub(super) fn rec_store_deref(&mut self, vm: &Vm, code: &Rc<Code>, cx: &Cx) -> RResult {
        let at = cx.fb + code.nlocals() + cx.arg as usize;
        if !matches!(vm.stack[at].as_obj(), Some(Object::Cell(_))) {
            return Err(nyi("StoreDeref into a non-cell"));
        }
        let c = self.get(vm, at)?;
        self.check_effect(c)?;
        let v = self.get(vm, cx.sp - 1)?;
        let ty = self.em.trace.ty(v);
        self.callg(
            vm,
            Type::Void,
            &crate::runtime::tagged("cell_set", ty),
            &[c, v],
        )?;
        self.set(cx.sp - 1, Sv::Undef);
        Ok(())
    }

    /// `LoadClosure a`: push cell `a` itself.
    pub(super) fn rec_load_closure(&mut self, vm: &Vm, code: &Rc<Code>, cx: &Cx) -> RResult {
        let at = cx.fb + code.nlocals() + cx.arg as usize;
        let v = self.sv(vm, at)?;
        self.set(cx.sp, v);
        Ok(())
    }

    /// `PushNull`: the "no self" marker.
    pub(super) fn rec_push_null(&mut self, cx: &Cx) -> RResult {
        self.set(cx.sp, Sv::Undef);
        Ok(())
    }
}
