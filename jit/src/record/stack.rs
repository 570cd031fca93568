//! Locals, constants and value-stack shuffles: no IR at all, only slot-map updates (plus the guarded
//! `sload` of a slot the trace reads for the first time).

use super::{Abort, Cx, RResult, Recorder, Sv};
use pvm_interp::code::Code;
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
        let v = self.sv(vm, cx.sp - cx.arg as usize)?;
        self.set(cx.sp, v);
        Ok(())
    }

    /// `Swap a`: exchange TOS and the a-th slot from the top.
    pub(super) fn rec_swap(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let (i, j) = (cx.sp - 1, cx.sp - cx.arg as usize);
        let (a, b) = (self.sv(vm, i)?, self.sv(vm, j)?);
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
        match self.sv(vm, from)? {
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
        let v = self.sv(vm, cx.sp - 1)?;
        self.set(cx.fb + cx.arg as usize, v);
        self.set(cx.sp - 1, Sv::Undef);
        Ok(())
    }

    /// `PushNull`: the "no self" marker.
    pub(super) fn rec_push_null(&mut self, cx: &Cx) -> RResult {
        self.set(cx.sp, Sv::Undef);
        Ok(())
    }
}
