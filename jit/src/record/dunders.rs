//! Operators on instances: the dunder the interpreter calls, inlined.
//!
//! The interpreter runs an operator's dunder (`__add__`, `__lt__`, `__neg__`, `__getitem__`,
//! `__call__`) in a nested dispatch loop, with its frame right above the instruction's first operand
//! slot (`Vm::stack_top()` after the operands were popped): the frame's result slot is the slot the
//! instruction's result goes to. The recorder pushes that frame the way it inlines a call, after
//! mirroring the protocol's choice of dunder (`binop_dunder`, `richcmp_dunder`, `call_dunder`) from
//! the operands' classes (guarded, with the type epoch) and `Vm::dunder_plan`.
//!
//! Two kinds of exits inside:
//! - **Redo** (binary operators, comparisons): the interpreter checks the dunder's result for
//!   NotImplemented and then tries the reflected operand, which a rebuilt frame returning into the
//!   result slot would skip. So, as for constructors, every exit inside uses the instruction's own
//!   snapshot and the interpreter redoes the whole operation; that is exact because the dunder may
//!   change only objects allocated since it began (`check_effect`; anything else aborts). At its return
//!   the result is guarded not to be a singleton (NotImplemented), unless it is known to be an
//!   instance; a `CompareJumpIfFalse` then branches on the result's truth with the same snapshot.
//! - **Rebuilt frame** (`__neg__`, `__getitem__`, `__call__`): the interpreter returns their result
//!   unchecked, which is exactly what a frame returning into the result slot does, so an exit rebuilds
//!   the frame like any inlined call's and side effects are allowed.

use super::{
    nyi, Abort, Cx, InlineInfo, Pending, RFrame, RResult, Recorder, Special, SpecialRet, Sv,
};
use crate::ir::{Const, IrRef, Op, SnapId, Type};
use crate::runtime::RC_VALUE_OFFSET;
use pvm_interp::bytecode::{BinOp, CmpOp};
use pvm_interp::object::{ObjRef, Object};
use pvm_interp::value::Value;
use pvm_interp::vm::Vm;
use std::rc::Rc;

const NS: SnapId = SnapId::NONE;

/// Is `v` an instance (of any class)?
pub(super) fn is_instance(v: &Value) -> bool {
    matches!(v.as_obj(), Some(Object::Instance(_)))
}

fn is_notimpl(v: &Value) -> bool {
    matches!(
        v.as_obj(),
        Some(Object::Singleton(
            pvm_interp::object::Singleton::NotImplemented
        ))
    )
}

impl Recorder {
    /// The class of an operand of an operator on instances: an instance's class (guarded, with the
    /// type epoch: the protocol's choice depends on both), or None for a number, bool or None (its tag
    /// is guarded; such a type never defines Python dunders nor subclasses a Python class).
    fn operand_class(&mut self, vm: &Vm, abs: usize) -> RResult<Option<ObjRef>> {
        match &vm.stack[abs] {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None => {
                self.get(vm, abs)?;
                Ok(None)
            }
            Value::Obj(o) => match &**o {
                Object::Instance(i) => {
                    let cls = i.cls.clone();
                    let r = self.get(vm, abs)?;
                    self.guard_class(vm, r, &cls)?;
                    self.guard_epoch(vm)?;
                    Ok(Some(cls))
                }
                _ => Err(nyi("operator between an instance and this type")),
            },
            Value::Undef => Err(Abort::Unbound {
                slot: self.slot_no(abs),
            }),
        }
    }

    /// The Python function the protocol calls for dunder `name` of the operand in slot `abs` (class
    /// already guarded by `operand_class`), or None if it does not define it.
    fn dunder(&self, vm: &Vm, abs: usize, name: &'static str) -> RResult<Option<Value>> {
        if !is_instance(&vm.stack[abs]) {
            return Ok(None);
        }
        vm.dunder_plan(&vm.stack[abs], name)
            .ok_or_else(|| nyi(format!("{name} that is not a Python function")))
    }

    /// `BinaryOp` with an instance operand (`Vm::binop_dunder`): `a.__iop__(b)` (in-place forms),
    /// `a.__op__(b)`, then `b.__rop__(a)` when the types differ; the first one defined is inlined.
    pub(super) fn rec_binop_dunder(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let (op, inplace) = BinOp::decode(cx.arg);
        let (name, rname, iname) = op.dunders();
        let (ia, ib) = (cx.sp - 2, cx.sp - 1);
        let ca = self.operand_class(vm, ia)?;
        let cb = self.operand_class(vm, ib)?;
        let (a, b) = (self.get(vm, ia)?, self.get(vm, ib)?);
        let same_type = matches!((&ca, &cb), (Some(x), Some(y)) if Rc::ptr_eq(x, y));
        let mut tries = Vec::with_capacity(3);
        if inplace {
            tries.push((ia, [a, b], iname));
        }
        tries.push((ia, [a, b], name));
        if !same_type {
            tries.push((ib, [b, a], rname));
        }
        for (s, args, n) in tries {
            if let Some(f) = self.dunder(vm, s, n)? {
                return self.inline_dunder(vm, cx, &f, &args, ia, Some(SpecialRet::Operator));
            }
        }
        Err(nyi(format!(
            "{} on instances without a Python dunder",
            op.symbol()
        )))
    }

    /// `CompareOp` / `CompareJumpIfFalse` (branch target `jump`) with an instance operand
    /// (`Vm::richcmp_dunder`): the reflected dunder of a right operand whose class strictly subclasses
    /// the left's first, then `a.__op__(b)`, then `b.__swapped__(a)`.
    pub(super) fn rec_compare_dunder(
        &mut self,
        vm: &Vm,
        cx: &Cx,
        op: CmpOp,
        jump: Option<u32>,
    ) -> RResult {
        let (ia, ib) = (cx.sp - 2, cx.sp - 1);
        self.operand_class(vm, ia)?;
        self.operand_class(vm, ib)?;
        let (a, b) = (self.get(vm, ia)?, self.get(vm, ib)?);
        let (ta, tb) = (vm.type_of(&vm.stack[ia]), vm.type_of(&vm.stack[ib]));
        let (d, sw) = (op.dunder(), op.swapped().dunder());
        let mut tries = Vec::with_capacity(3);
        if !Rc::ptr_eq(&ta, &tb) && pvm_interp::types::is_subtype(&tb, &ta) {
            tries.push((ib, [b, a], sw));
        }
        tries.push((ia, [a, b], d));
        tries.push((ib, [b, a], sw));
        let kind = match jump {
            Some(target) => SpecialRet::CompareJump { target },
            None => SpecialRet::Operator,
        };
        for (s, args, n) in tries {
            if let Some(f) = self.dunder(vm, s, n)? {
                return self.inline_dunder(vm, cx, &f, &args, ia, Some(kind));
            }
        }
        Err(nyi(format!(
            "comparison {} of instances without a Python dunder",
            op.symbol()
        )))
    }

    /// A unary operator (`__neg__`) on an instance: its dunder inlined, exits rebuild its frame.
    pub(super) fn rec_unary_dunder(&mut self, vm: &Vm, cx: &Cx, name: &'static str) -> RResult {
        let ia = cx.sp - 1;
        self.operand_class(vm, ia)?;
        let a = self.get(vm, ia)?;
        let f = self
            .dunder(vm, ia, name)?
            .ok_or_else(|| nyi(format!("instance without {name}")))?;
        self.inline_dunder(vm, cx, &f, &[a], ia, None)
    }

    /// `BinarySubscr` on an instance: `__getitem__` inlined, exits rebuild its frame.
    pub(super) fn rec_getitem_dunder(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let (io, ii) = (cx.sp - 2, cx.sp - 1);
        self.operand_class(vm, io)?;
        let (o, k) = (self.get(vm, io)?, self.get(vm, ii)?);
        let f = self
            .dunder(vm, io, "__getitem__")?
            .ok_or_else(|| nyi("subscript of an instance without __getitem__"))?;
        self.inline_dunder(vm, cx, &f, &[o, k], io, None)
    }

    /// Calling an instance: `__call__(obj, args...)` inlined in the frame the interpreter gives it
    /// (right above the call's result slot `fidx`); exits rebuild the frame.
    pub(super) fn rec_call_instance(
        &mut self,
        vm: &Vm,
        cx: &Cx,
        fidx: usize,
        callable_at: usize,
        args_at: usize,
        nargs: usize,
    ) -> RResult {
        self.operand_class(vm, callable_at)?;
        let f = self
            .dunder(vm, callable_at, "__call__")?
            .ok_or_else(|| nyi("calling an instance without __call__"))?;
        let mut args = Vec::with_capacity(nargs + 1);
        args.push(self.get(vm, callable_at)?);
        for i in 0..nargs {
            args.push(self.get(vm, args_at + i)?);
        }
        self.inline_dunder(vm, cx, &f, &args, fidx, None)
    }

    /// Calling a bound-method object (`f = obj.meth; f(x)`): the interpreter pushes the function's frame
    /// right above the call's result slot `fidx` with the receiver first (`call_values`), an ordinary
    /// frame. Guards: the object's kind, then the function (a constant) and the receiver loaded from
    /// its box.
    pub(super) fn rec_call_bound(
        &mut self,
        vm: &Vm,
        cx: &Cx,
        fidx: usize,
        callable_at: usize,
        args_at: usize,
        nargs: usize,
    ) -> RResult {
        let Some(Object::BoundMethod(bm)) = vm.stack[callable_at].as_obj() else {
            return Err(nyi("call of a bound method"));
        };
        let (recv, func) = (bm.0.clone(), bm.1.clone());
        if !matches!(func.as_obj(), Some(Object::Function(_))) {
            return Err(nyi("bound method of a non-function"));
        }
        let l = self.layout().ok_or_else(|| nyi("object layout unknown"))?;
        let o = self.get(vm, callable_at)?;
        let w = self.em.load(Type::Int, o, RC_VALUE_OFFSET as i32);
        let m = self.em.kint(0xff);
        let t = self.em.ins(Op::BAnd, &[w, m], NS);
        let k = self.em.kint(l.bound_tag as i64);
        self.guard(vm, Op::GuardEq, &[t, k])?;
        let pair = self.em.load(Type::Ptr, o, l.bound_box);
        let off = self.em.kint(crate::abi::VALUE_SIZE as i64);
        let fa = self.em.ins(Op::PAdd, &[pair, off], NS);
        let fr = self.load_elem(vm, fa, &func)?;
        self.guard_identity(vm, fr, &func)?;
        let me = self.load_elem(vm, pair, &recv)?;
        let mut args = Vec::with_capacity(nargs + 1);
        args.push(me);
        for i in 0..nargs {
            args.push(self.get(vm, args_at + i)?);
        }
        self.inline_dunder(vm, cx, &func, &args, fidx, None)
    }

    /// Inline the Python function `f`, which the interpreter calls on behalf of the current instruction
    /// with `args` in a frame at `ret + 1` whose result lands in `ret`. `special`: the return is a
    /// `Special` one and exits redo the instruction (see the module docs); None: a plain inlined call
    /// returning into `ret`, resuming after the instruction.
    fn inline_dunder(
        &mut self,
        vm: &Vm,
        cx: &Cx,
        f: &Value,
        args: &[IrRef],
        ret: usize,
        special: Option<SpecialRet>,
    ) -> RResult {
        let Some(Object::Function(func)) = f.as_obj() else {
            return Err(nyi("dunder that is not a Python function"));
        };
        let code = func.code.clone();
        if !(code.simple && code.ncells() == 0) {
            return Err(Abort::CallShape {
                why: "not a plain function or closure",
            });
        }
        let argc = code.argcount as usize;
        self.check_inlinable(argc, func.defaults.len(), args.len())?;
        if special.is_some() {
            let snap = self.snapshot(vm)?;
            if self.redo.is_none() {
                self.redo = Some((snap, self.frames.len()));
                self.fresh.clear();
            }
        }
        // Operands are all read and guarded: from here on only the slot map changes.
        for s in ret..cx.sp.max(ret + 1) {
            self.set(s, Sv::Undef);
        }
        let base = ret + 1;
        for (i, &a) in args.iter().enumerate() {
            self.set(base + i, Sv::Val(a));
        }
        let first_default = argc - func.defaults.len();
        for i in args.len()..argc {
            let r = self.kvalue(&func.defaults[i - first_default]);
            self.set(base + i, Sv::Val(r));
        }
        for i in argc..code.nlocals() {
            self.set(base + i, Sv::Undef);
        }
        let Value::Obj(fo) = f else {
            return Err(nyi("dunder"));
        };
        let info = InlineInfo {
            code: code.clone(),
            func: fo.clone(),
            globals: func.globals.clone(),
            base: self.rel(base),
            ret_slot: self.rel(ret),
            caller_pc: cx.pc + 1,
            // `push_function_frame` raises the caller's stack top to the callee's base.
            caller_sp: self.rel(base),
            func_in_ret: false,
            gen: false,
        };
        self.stack_need = self
            .stack_need
            .max(info.base.max(0) as usize + code.frame_size() + 1);
        self.inlines.push(info);
        self.frames.push(RFrame {
            code,
            base: self.rel(base),
            inline: Some(self.inlines.len() as u32 - 1),
            special: special.map(|kind| Special {
                kind,
                result: ret,
                resume_pc: cx.pc + 1,
            }),
        });
        self.expect = Some((self.frames.len(), 0));
        Ok(())
    }

    /// `ReturnValue` of a special frame (already popped) returning `v`: see `SpecialRet`.
    pub(super) fn special_return(&mut self, vm: &Vm, cx: &Cx, sp: Special, v: Sv) -> RResult {
        let top = cx.sp - 1;
        if is_notimpl(&vm.stack[top]) {
            return Err(nyi(
                "NotImplemented from a dunder (the reflected operand is next)",
            ));
        }
        let mut result = None;
        match sp.kind {
            SpecialRet::Init(obj) => {
                // The end of an inlined `__init__`: it must return None; the call's result is the object.
                if !matches!(v, Sv::Val(r) if self.em.trace.ty(r) == Type::None) {
                    return Err(nyi("__init__ returning a value (TypeError ahead)"));
                }
                result = Some(Sv::Val(obj));
            }
            SpecialRet::Operator => {
                if let Sv::Val(r) = v {
                    self.guard_not_singleton(vm, r)?;
                }
                result = Some(v);
            }
            SpecialRet::CompareJump { target } => {
                let c = self.truth(vm, top)?;
                let snap = self.snapshot(vm)?;
                let cond = match self.em.trace.const_of(c) {
                    Some(Const::Bool(_)) => None,
                    _ => Some(c),
                };
                self.pending = Some(Pending {
                    cond,
                    jump_if: false,
                    target,
                    fall: sp.resume_pc,
                    snap,
                    pop_on_fall: None,
                });
            }
        }
        // Guards are all emitted: from here on only the slot map changes.
        for s in sp.result..cx.sp {
            self.set(s, Sv::Undef);
        }
        if let Some(r) = result {
            self.set(sp.result, r);
        }
        if matches!(self.redo, Some((_, d)) if self.frames.len() <= d) {
            self.redo = None;
        }
        self.expect = match sp.kind {
            SpecialRet::CompareJump { .. } => None,
            _ => Some((self.frames.len(), sp.resume_pc)),
        };
        Ok(())
    }

    /// Guard that the object `r` returned by an operator's dunder is not NotImplemented: its kind byte
    /// is not `Object::Singleton`'s (NotImplemented is not one object). Nothing to check for a value of
    /// another type, an object of a known kind, or a constant (checked while recording).
    fn guard_not_singleton(&mut self, vm: &Vm, r: IrRef) -> RResult {
        if self.em.trace.ty(r) != Type::Obj
            || self.known_kind.contains_key(&r)
            || self.em.trace.const_of(r).is_some()
        {
            return Ok(());
        }
        let l = self.layout().ok_or_else(|| nyi("object layout unknown"))?;
        let w = self.em.load(Type::Int, r, RC_VALUE_OFFSET as i32);
        let m = self.em.kint(0xff);
        let t = self.em.ins(Op::BAnd, &[w, m], NS);
        let k = self.em.kint(l.singleton_tag as i64);
        self.guard(vm, Op::GuardNe, &[t, k])
    }
}
