//! Calls and returns.
//!
//! - A call of a plain Python function (positional parameters only, no cells, not a generator) is
//!   *inlined*: `guard_eq callee, K` (unless the callee is already a constant, e.g. from a guarded
//!   global), then the callee's frame is simply the slots above the caller's, exactly as the interpreter
//!   lays it out (the arguments already are its first locals). The recorder pushes a frame; snapshots
//!   inside the callee name the inlined calls (`InlineInfo`) so that an exit rebuilds the interpreter's
//!   `Frame` records. `ReturnValue` moves the result into the caller's result slot and pops the frame.
//!   Depth is bounded by `MAX_INLINE_DEPTH` (recursion aborts).
//! - A call of a known builtin is its IR: `len` → `len` helper; `abs` → `bxor/sub_ov` or `fabs`;
//!   `min`/`max` of two ints or two floats → pure helpers; `int(float)` → `f2i`; `float(int)` → `i2f`;
//!   `range(...)` → a virtual range; `math.sqrt` → `guard x >= 0` + `fsqrt`; `math.floor/ceil/trunc`
//!   → rounding op + `f2i`; other one-argument `math` functions → guarded helpers; `list.append` →
//!   `list_append.<type>`.

use super::arith::Num;
use super::{
    nyi, Abort, Cx, InlineInfo, Known, RFrame, RResult, Recorder, Start, Sv, MAX_INLINE_DEPTH,
};
use crate::ir::{Const, IrRef, Op, SnapId, Type};
use pvm_interp::object::Object;
use pvm_interp::value::Value;
use pvm_interp::vm::Vm;
use std::ops::Not;
use std::rc::Rc;

const NS: SnapId = SnapId::NONE;

impl Recorder {
    /// A call of a plain function with `given` positional arguments can be inlined here: the count
    /// fits its parameters (missing ones have defaults) and the inlining depth allows another frame.
    pub(super) fn check_inlinable(&self, argc: usize, ndefaults: usize, given: usize) -> RResult {
        if given > argc || given + ndefaults < argc {
            return Err(Abort::CallShape {
                why: "argument count",
            });
        }
        if self.frames.len() >= MAX_INLINE_DEPTH {
            return Err(Abort::InlineDepth);
        }
        Ok(())
    }

    /// At most one level of recursion is unrolled: a third frame of `code` in the recording aborts.
    pub(super) fn check_recursion(&self, code: &Rc<pvm_interp::code::Code>) -> RResult {
        if self
            .frames
            .iter()
            .filter(|fr| Rc::ptr_eq(&fr.code, code))
            .count()
            >= 2
        {
            return Err(Abort::Recursion);
        }
        Ok(())
    }

    /// `Call n` / `CallMethod n`.
    pub(super) fn rec_call(&mut self, vm: &mut Vm, cx: &Cx, method: bool) -> RResult {
        if method && cx.arg == 1 && self.is_gen_send(vm, cx.sp - 3) {
            return self.rec_gen_send(vm, cx);
        }
        let n = cx.arg as usize;
        let sp = cx.sp;
        // (result slot, callable slot, first argument, number of arguments, Undef marker swapped down)
        let (fidx, callable_at, args_at, nargs, swapped) = if !method {
            (sp - n - 1, sp - n - 1, sp - n, n, false)
        } else {
            let fidx = sp - n - 2;
            if matches!(vm.stack[fidx], Value::Undef) {
                (fidx, fidx + 1, fidx + 2, n, true)
            } else {
                (fidx, fidx, fidx + 1, n + 1, false)
            }
        };
        let f = vm.stack[callable_at].clone();
        if let (Some(Object::Type(_)), Value::Obj(cls)) = (f.as_obj(), &f) {
            if !method || swapped {
                if let Some(init) = vm.simple_init(cls) {
                    return self.inline_ctor(vm, cx, &f, &init, fidx, callable_at, args_at, nargs);
                }
            }
        }
        match f.as_obj() {
            Some(Object::Instance(_)) => {
                self.rec_call_instance(vm, cx, fidx, callable_at, args_at, nargs)
            }
            Some(Object::BoundMethod(_)) => {
                self.rec_call_bound(vm, cx, fidx, callable_at, args_at, nargs)
            }
            Some(Object::Function(_)) => {
                self.inline_call(vm, cx, &f, fidx, callable_at, args_at, nargs, swapped)
            }
            Some(Object::Builtin(_) | Object::Type(_)) => {
                let known = self.known.lookup(&f);
                let by_helper = self.known.effect(&f).is_some();
                if known.is_none() && !by_helper {
                    return Err(nyi(format!("call of {}", callable_name(&f))));
                }
                let fr = self.get(vm, callable_at)?;
                let fk = self.guard_identity(vm, fr, &f)?;
                let args: Vec<usize> = (args_at..args_at + nargs).collect();
                // A known builtin has IR of its own for the argument types it knows; otherwise a
                // helper performs the call (`vmops.rs`).
                let result = match known.map(|k| self.builtin_call(vm, k, &args)) {
                    Some(Ok(r)) => r,
                    Some(Err(super::Abort::Nyi { .. })) if by_helper => {
                        self.vm_call(vm, &f, fk, &args)?
                    }
                    Some(Err(e)) => return Err(e),
                    None => self.vm_call(vm, &f, fk, &args)?,
                };
                self.set(fidx, result);
                for s in fidx + 1..sp {
                    self.set(s, Sv::Undef);
                }
                Ok(())
            }
            _ => Err(nyi(format!("call of {}", callable_name(&f)))),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn inline_call(
        &mut self,
        vm: &Vm,
        cx: &Cx,
        f: &Value,
        fidx: usize,
        callable_at: usize,
        args_at: usize,
        nargs: usize,
        swapped: bool,
    ) -> RResult {
        let Some(Object::Function(func)) = f.as_obj() else {
            return Err(nyi("call"));
        };
        let code = func.code.clone();
        // A closure (free variables, but no cells of its own) is inlined too: its cells are the
        // function's closure, constants once the callee is. The interpreter calls it through the general
        // path, which moves the callee to a base right above the callable; mirror that below.
        use pvm_interp::code::flags as cf;
        let plain_args =
            code.flags & (cf::VARARGS | cf::VARKEYWORDS | cf::GENERATOR | cf::COROUTINE) == 0
                && code.kwonlyargcount == 0;
        let closure = !code.simple && plain_args && args_at == fidx + 1;
        if !(closure || code.simple && code.ncells() == 0) {
            return Err(Abort::CallShape {
                why: "not a plain function or closure",
            });
        }
        let argc = code.argcount as usize;
        self.check_inlinable(argc, func.defaults.len(), nargs)?;
        self.check_recursion(&code)?;
        let fr = self.get(vm, callable_at)?;
        // A function the trace made: its code is known, its defaults and cells are IR values.
        let made = self
            .made
            .get(&fr)
            .filter(|m| Rc::ptr_eq(&m.code, &code) && m.defaults.len() == func.defaults.len())
            .cloned();
        let site = self
            .frames
            .last()
            .map(|f| (Rc::as_ptr(&f.code) as *const u8 as usize, cx.pc));
        let by_code = made.is_none()
            && fr.is_const().not()
            && site.is_some_and(|s| self.poly_calls.contains(&s));
        let fl = if by_code {
            Some(self.guard_code(vm, fr, f, func.defaults.len())?)
        } else {
            None
        };
        let k = match (&fl, &made) {
            (None, None) => self.guard_identity(vm, fr, f)?,
            _ => fr,
        };
        // The function is an IR value (not a constant): it stays in the callable's slot, where exits
        // find it.
        let func_in_ret = fl.is_some() || made.is_some();
        // New cells exit to the call itself (its state, before the slot map changes below).
        let snap = if code.cellvars.is_empty() {
            None
        } else {
            Some(self.snapshot(vm)?)
        };
        // Operands are all read and guarded: from here on only the slot map changes (and, under a
        // code guard, the loads of the function's defaults and cells).
        if swapped {
            // The interpreter moves the callable down over the Undef marker.
            self.set(fidx, Sv::Val(k));
            self.set(fidx + 1, Sv::Undef);
        }
        let first_default = argc - func.defaults.len();
        for i in nargs..argc {
            let d = &func.defaults[i - first_default];
            let r = match (&made, &fl) {
                (Some(m), _) => m.defaults[i - first_default],
                (None, Some((fl, fb))) => {
                    let data = self.em.load(Type::Ptr, *fb, fl.defaults_ptr);
                    let off = self
                        .em
                        .kint(((i - first_default) * crate::abi::VALUE_SIZE) as i64);
                    let addr = self.em.ins(Op::PAdd, &[data, off], NS);
                    self.load_elem(vm, addr, d)?
                }
                (None, None) => self.kvalue(d),
            };
            self.set(args_at + i, Sv::Val(r));
        }
        for i in argc..code.nlocals() {
            self.set(args_at + i, Sv::Undef);
        }
        if closure {
            // The general call path empties the callable's slot and puts the closure's cells after the
            // locals. Under a code guard the function stays in its slot, where exits find it (as
            // CPython keeps the callable on the caller's stack during the call); a return overwrites it.
            self.set(fidx, if func_in_ret { Sv::Val(fr) } else { Sv::Undef });
            // Cell variables: a new cell each, holding the parameter it captures (which moves in).
            for (i, arg) in code.cell2arg.iter().enumerate() {
                let snap = snap.ok_or_else(|| nyi("cells without a snapshot"))?;
                let c = match arg {
                    Some(a) => {
                        let at = args_at + *a as usize;
                        let v = self.get(vm, at)?;
                        self.set(at, Sv::Undef);
                        let ty = self.em.trace.ty(v);
                        let name = crate::runtime::tagged("new_cell", ty);
                        let v = if ty == Type::None { self.em.kint(0) } else { v };
                        self.em.call(Op::CallGuard, Type::Obj, &name, &[v], snap)
                    }
                    None => self
                        .em
                        .call(Op::CallGuard, Type::Obj, "new_cell_empty", &[], snap),
                };
                self.known_kind.insert(c, super::seq::SeqKind::Cell);
                self.set(args_at + code.nlocals() + i, Sv::Val(c));
            }
            let cells = match &fl {
                Some((fl, fb)) => Some(self.em.load(Type::Ptr, *fb, fl.closure_ptr)),
                None => None,
            };
            for (j, cell) in func.closure.iter().enumerate() {
                let r = match (&made, cells) {
                    (Some(m), _) => m.cells[j],
                    (None, Some(data)) => self.em.load(Type::Obj, data, (j * 8) as i32),
                    (None, None) => self.kobj(&Value::Obj(cell.clone())),
                };
                self.set(
                    args_at + code.nlocals() + code.cellvars.len() + j,
                    Sv::Val(r),
                );
            }
        }
        let info = InlineInfo {
            code: code.clone(),
            func: match f {
                Value::Obj(o) => o.clone(),
                _ => return Err(nyi("call")),
            },
            globals: func.globals.clone(),
            base: self.rel(args_at),
            ret_slot: self.rel(fidx),
            caller_pc: cx.pc + 1,
            // The general path leaves the caller's stack top right above the callable.
            caller_sp: if closure {
                self.rel(fidx + 1)
            } else {
                self.rel(args_at + nargs)
            },
            func_in_ret,
            gen: false,
        };
        self.stack_need = self
            .stack_need
            .max(info.base.max(0) as usize + code.frame_size() + 1);
        self.inlines.push(info);
        self.frames.push(RFrame {
            code,
            base: self.rel(args_at),
            inline: Some(self.inlines.len() as u32 - 1),
            special: None,
        });
        self.expect = Some((self.frames.len(), 0));
        Ok(())
    }

    /// Guard that the callable `fr` is a function of `f`'s code object with `f`'s globals and number
    /// of defaults: what an inlined body depends on besides the defaults and cells, which are then read
    /// from the function at run time. Used at call sites that have called several functions of one
    /// code (closures made in a loop, `lambda x, k=k: ...`), where identity guards would fail on every
    /// other call and grow a chain of side traces, one per function.
    fn guard_code(
        &mut self,
        vm: &Vm,
        fr: IrRef,
        f: &Value,
        ndefaults: usize,
    ) -> RResult<(crate::runtime::FuncLayout, IrRef)> {
        let (Value::Obj(o), Some(l)) = (f, self.layout()) else {
            return Err(nyi("function layout unknown"));
        };
        let fl =
            crate::runtime::func_layout(o, &l).ok_or_else(|| nyi("function layout unknown"))?;
        self.guard_seq(vm, fr, super::seq::SeqKind::Other(fl.tag))?;
        let fb = self.em.load(Type::Ptr, fr, fl.boxed);
        for (off, word) in [(fl.code, fl.code_word), (fl.globals, fl.globals_word)] {
            let w = self.em.load(Type::Int, fb, off);
            let k = self.em.kint(word as i64);
            self.guard(vm, Op::GuardEq, &[w, k])?;
        }
        let n = self.em.load(Type::Int, fb, fl.defaults_len);
        let k = self.em.kint(ndefaults as i64);
        self.guard(vm, Op::GuardEq, &[n, k])?;
        Ok((fl, fb))
    }

    /// `cls(args)` for a class that `Vm::simple_init` accepts: `new_instance` (a helper), then its
    /// `__init__` inlined with the new object as `self`, where the interpreter runs it (a frame right
    /// above the callable's slot, which receives the result). Exits inside the constructor all use the
    /// snapshot of the call itself (`Recorder::redo`): the interpreter redoes the whole call, which
    /// is exact because the constructor may change nothing but objects it allocated
    /// (`check_effect`); the half-built object is simply dropped.
    #[allow(clippy::too_many_arguments)]
    fn inline_ctor(
        &mut self,
        vm: &Vm,
        cx: &Cx,
        f: &Value,
        init: &Value,
        fidx: usize,
        callable_at: usize,
        args_at: usize,
        nargs: usize,
    ) -> RResult {
        let Some(Object::Function(func)) = init.as_obj() else {
            return Err(nyi("__init__"));
        };
        let code = func.code.clone();
        if !(code.simple && code.ncells() == 0) {
            return Err(Abort::CallShape {
                why: "not a plain function or closure",
            });
        }
        let argc = code.argcount as usize;
        let given = nargs + 1;
        self.check_inlinable(argc, func.defaults.len(), given)?;
        let fr = self.get(vm, callable_at)?;
        let kcls = self.guard_identity(vm, fr, f)?;
        self.guard_epoch(vm)?;
        let mut args = Vec::with_capacity(nargs);
        for i in 0..nargs {
            args.push(self.get(vm, args_at + i)?);
        }
        let snap = self.snapshot(vm)?;
        // Without `__del__` (under the epoch guard: assigning `C.__del__` moves the epoch), nothing
        // can tell whether the object was ever made, so the sink pass may remove it.
        let finalized = match f.as_obj() {
            Some(Object::Type(t)) => t.has_finalizer.get(),
            _ => true,
        };
        let obj = if finalized {
            self.callg(vm, Type::Obj, "new_instance", &[kcls])?
        } else {
            // The root shape goes along for the sink pass (the helper ignores it).
            let n = match f.as_obj() {
                Some(Object::Type(t)) => t.nmembers,
                _ => 0,
            };
            let root = crate::runtime::shape_bits(&pvm_interp::shape::Shape::root(n));
            let ks = self.em.kint(root as i64);
            self.callg(vm, Type::Obj, crate::opt::sink::SINKABLE_NEW, &[kcls, ks])?
        };
        // Operands are all read and guarded: from here on only the slot map changes.
        self.known_kind.insert(obj, super::seq::SeqKind::Instance);
        self.known_class.insert(obj, kcls);
        self.note_fresh_instance(obj, f);
        if self.redo.is_none() {
            self.redo = Some((snap, self.frames.len()));
            self.fresh.clear();
        }
        self.fresh.insert(obj);
        let base = fidx + 1;
        for s in fidx..args_at + nargs {
            self.set(s, Sv::Undef);
        }
        self.set(base, Sv::Val(obj));
        for (i, a) in args.into_iter().enumerate() {
            self.set(base + 1 + i, Sv::Val(a));
        }
        let first_default = argc - func.defaults.len();
        for i in given..argc {
            let r = self.kvalue(&func.defaults[i - first_default]);
            self.set(base + i, Sv::Val(r));
        }
        for i in argc..code.nlocals() {
            self.set(base + i, Sv::Undef);
        }
        let Value::Obj(fo) = init else {
            return Err(nyi("__init__"));
        };
        let info = InlineInfo {
            code: code.clone(),
            func: fo.clone(),
            globals: func.globals.clone(),
            base: self.rel(base),
            ret_slot: self.rel(fidx),
            caller_pc: cx.pc + 1,
            caller_sp: self.rel(fidx),
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
            special: Some(super::Special {
                kind: super::SpecialRet::Init(obj),
                result: fidx,
                resume_pc: cx.pc + 1,
            }),
        });
        self.expect = Some((self.frames.len(), 0));
        Ok(())
    }

    /// `ReturnValue` from an inlined call (or, in a side trace, from the real frame: see below).
    pub(super) fn rec_return(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        if self.at_root_level() {
            return self.return_from_real(vm, cx);
        }
        let v = self.sv_move(vm, cx.sp - 1)?;
        let Some(frame) = self.frames.pop() else {
            return Err(Abort::ReturnFromRoot);
        };
        if let Some(sp) = frame.special {
            return self.special_return(vm, cx, sp, v);
        }
        let Some(info) = frame
            .inline
            .and_then(|i| self.inlines.get(i as usize))
            .cloned()
        else {
            return Err(Abort::ReturnFromRoot);
        };
        let ret = (self.base as i64 + info.ret_slot as i64) as usize;
        for s in ret + 1..cx.sp {
            self.set(s, Sv::Undef);
        }
        self.set(ret, v);
        self.expect = Some((self.frames.len(), info.caller_pc));
        Ok(())
    }

    /// A side trace returns from the real frame it runs in, into its caller (whose slots lie below the
    /// base). Only in side traces (a root trace must stay in its loop), and only into a caller in the same
    /// dispatch loop: a frame called from Python has its result slot below the caller's saved stack top,
    /// while a frame a native function (`map`, a sort key) called sits right on it and returns to Rust.
    /// `caller_is` checks both that and the caller frame's code and resume pc at run time.
    fn return_from_real(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        if self.start == Start::Root {
            // A `return` inside the loop: the loop ended during the recorded iteration, like a
            // `for` loop running out (a search loop that usually returns early records again).
            return Err(Abort::LoopExit);
        }
        if self.depth == 0 {
            return Err(Abort::ReturnFromRoot);
        }
        let me = &vm.frames[self.depth];
        let caller = &vm.frames[self.depth - 1];
        let ret = me.ret_slot;
        if ret >= caller.sp || me.gen.is_some() {
            return Err(nyi("return to a native caller or from a generator"));
        }
        let (ccode, cpc, cbase) = (caller.code.clone(), caller.pc, caller.base);
        let v = match self.sv(vm, cx.sp - 1)? {
            // `return a, b`: the tuple must exist in the caller (its snapshots name it).
            Sv::Tuple(t) => {
                let r = self.materialize_tuple(t)?;
                self.set(cx.sp - 1, Sv::Val(r));
                Sv::Val(r)
            }
            v => v,
        };
        let level = self.em.kint(self.popped as i64);
        let kc = self.em.kint(Rc::as_ptr(&ccode) as *const u8 as i64);
        let kp = self.em.kint(cpc as i64);
        self.callg(vm, Type::Void, "caller_is", &[level, kc, kp])?;
        self.keep.push(Value::obj(Object::Code(ccode.clone())));
        for s in ret + 1..cx.sp {
            self.set(s, Sv::Undef);
        }
        self.set(ret, v);
        self.frames[0] = RFrame {
            code: ccode,
            base: self.rel(cbase),
            inline: None,
            special: None,
        };
        self.depth -= 1;
        self.popped += 1;
        self.expect = Some((1, cpc as u32));
        Ok(())
    }

    /// A known builtin applied to the arguments in slots `args`.
    fn builtin_call(&mut self, vm: &Vm, known: Known, args: &[usize]) -> RResult<Sv> {
        let one = |s: &mut Self| -> RResult<usize> {
            match args {
                [a] => Ok(*a),
                _ => Err(s.wrong_args()),
            }
        };
        let r = match known {
            Known::Len => {
                let a = one(self)?;
                if !matches!(vm.stack[a], Value::Obj(_)) {
                    return Err(nyi("len() of a non-object"));
                }
                let x = self.get(vm, a)?;
                match super::seq::seq_kind(&vm.stack[a]) {
                    Some(kind) if self.layout().is_some() => self.inline_len(vm, x, kind)?,
                    _ => self.callg(vm, Type::Int, "len", &[x])?,
                }
            }
            Known::Ord => {
                let a = one(self)?;
                if vm.stack[a].as_str().is_none() {
                    return Err(nyi("ord() of a non-str"));
                }
                let x = self.get(vm, a)?;
                self.callg(vm, Type::Int, "ord", &[x])?
            }
            Known::Abs => {
                let a = one(self)?;
                match self.num(vm, a)? {
                    Some(Num::I(x)) => {
                        let k63 = self.em.kint(63);
                        let sign = self.checked(vm, Op::Shr, &[x, k63])?;
                        let flipped = self.em.ins(Op::BXor, &[x, sign], NS);
                        self.checked(vm, Op::SubOv, &[flipped, sign])?
                    }
                    Some(Num::F(x)) => self.em.ins(Op::FAbs, &[x], NS),
                    None => return Err(nyi("abs() of a non-number")),
                }
            }
            Known::Min | Known::Max => {
                let [a, b] = args else {
                    return Err(self.wrong_args());
                };
                let helper = match (&vm.stack[*a], &vm.stack[*b], known) {
                    (Value::Int(_), Value::Int(_), Known::Min) => "imin",
                    (Value::Int(_), Value::Int(_), _) => "imax",
                    (Value::Float(_), Value::Float(_), Known::Min) => "fmin",
                    (Value::Float(_), Value::Float(_), _) => "fmax",
                    _ => return Err(nyi("min()/max() of these arguments")),
                };
                let (x, y) = (self.get(vm, *a)?, self.get(vm, *b)?);
                let ty = self.em.trace.ty(x);
                self.em.call(Op::CallPure, ty, helper, &[x, y], NS)
            }
            Known::Range => return self.range_call(vm, args),
            Known::Int => match args {
                [] => self.em.kint(0),
                [a] => match self.num(vm, *a)? {
                    Some(Num::I(x)) => x,
                    Some(Num::F(x)) => self.checked(vm, Op::FToI, &[x])?,
                    None => return Err(nyi("int() of a non-number")),
                },
                _ => return Err(self.wrong_args()),
            },
            Known::Float => match args {
                [] => self.em.kfloat(0.0),
                [a] => match self.num(vm, *a)? {
                    Some(n) => self.as_float(n),
                    None => return Err(nyi("float() of a non-number")),
                },
                _ => return Err(self.wrong_args()),
            },
            Known::Sqrt => {
                let a = one(self)?;
                let x = self.float_arg(vm, a)?;
                let zero = self.em.kfloat(0.0);
                let ok = self.em.ins(Op::FGe, &[x, zero], NS);
                self.guard(vm, Op::GuardTrue, &[ok])?;
                self.em.ins(Op::FSqrt, &[x], NS)
            }
            Known::Fabs => {
                let a = one(self)?;
                let x = self.float_arg(vm, a)?;
                self.em.ins(Op::FAbs, &[x], NS)
            }
            Known::Floor | Known::Ceil | Known::Trunc => {
                let a = one(self)?;
                match self.num(vm, a)? {
                    Some(Num::I(x)) => x,
                    Some(Num::F(x)) => {
                        let op = match known {
                            Known::Floor => Op::FFloor,
                            Known::Ceil => Op::FCeil,
                            _ => Op::FTrunc,
                        };
                        let r = self.em.ins(op, &[x], NS);
                        self.checked(vm, Op::FToI, &[r])?
                    }
                    None => return Err(nyi("math rounding of a non-number")),
                }
            }
            Known::MathFn(name) => {
                let a = one(self)?;
                let x = self.float_arg(vm, a)?;
                self.callg(vm, Type::Float, &format!("math.{name}"), &[x])?
            }
            Known::ListPop if args.len() == 2 => self.list_pop_at(vm, args[0], args[1])?,
            Known::ListPop => {
                let [l] = args else {
                    return Err(self.wrong_args());
                };
                let Some(Object::List(list)) = vm.stack[*l].as_obj() else {
                    return Err(nyi("list.pop on a non-list"));
                };
                let last = list.borrow().last().cloned();
                let ty = last
                    .as_ref()
                    .and_then(super::seq::value_type)
                    .ok_or_else(|| nyi("pop from an empty list (IndexError ahead)"))?;
                let lr = self.get(vm, *l)?;
                self.check_effect(lr)?;
                let name = crate::runtime::tagged("list_pop", ty);
                if ty == Type::None {
                    self.callg(vm, Type::Void, &name, &[lr])?;
                    self.em.konst(Const::None)
                } else {
                    self.callg(vm, ty, &name, &[lr])?
                }
            }
            Known::Type => {
                let a = one(self)?;
                let t = self.operand_type(vm, a)?;
                self.kobj(&Value::Obj(t))
            }
            Known::IsInstance => {
                let [o, c] = args else {
                    return Err(self.wrong_args());
                };
                let cv = vm.stack[*c].clone();
                let Value::Obj(cls) = &cv else {
                    return Err(nyi("isinstance() with this second argument"));
                };
                if !matches!(&**cls, Object::Type(_))
                    || pvm_interp::vm::classes::user_meta(cls).is_some()
                {
                    return Err(nyi("isinstance() with a tuple, a union or a metaclass"));
                }
                let cr = self.get(vm, *c)?;
                self.guard_identity(vm, cr, &cv)?;
                let t = self.operand_type(vm, *o)?;
                // Subclass relations change only with a type epoch change (`__bases__`).
                self.guard_epoch(vm)?;
                let yes = Rc::ptr_eq(&t, cls) || pvm_interp::types::is_subtype(&t, cls);
                self.em.konst(Const::Bool(yes))
            }
            Known::Enumerate => {
                let [s] = args else {
                    return Err(self.wrong_args());
                };
                let Some(kind) = super::seq::seq_kind(&vm.stack[*s]) else {
                    return Err(nyi("enumerate() of this type"));
                };
                if self.layout().is_none() {
                    return Err(nyi("sequence layout unknown"));
                }
                let sr = self.get(vm, *s)?;
                self.guard_seq(vm, sr, kind)?;
                let e = self.callg(vm, Type::Obj, "new_enumerate", &[sr])?;
                self.enums.insert(e);
                self.fresh.insert(e);
                e
            }
            Known::DictGet => {
                // `has` decides which way the recording went (a guard), then the value is
                // `dict_get.<type>` or the default: two helpers instead of the generic method call.
                let (d, k, default) = match args {
                    [d, k] => (*d, *k, None),
                    [d, k, x] => (*d, *k, Some(*x)),
                    _ => return Err(self.wrong_args()),
                };
                let (kk, found) = self.dict_lookup(vm, d, k)?;
                let (dr, kr) = (self.get(vm, d)?, self.get(vm, k)?);
                let has = self.callg(vm, Type::Bool, &format!("has_{kk}"), &[dr, kr])?;
                match found {
                    Some(v) => {
                        self.guard(vm, Op::GuardTrue, &[has])?;
                        self.typed_call(vm, &format!("dict_get_{kk}"), &v, &[dr, kr])?
                    }
                    None => {
                        self.guard(vm, Op::GuardFalse, &[has])?;
                        match default {
                            Some(x) => self.get(vm, x)?,
                            None => self.em.konst(Const::None),
                        }
                    }
                }
            }
            Known::ListAppend => {
                let [l, v] = args else {
                    return Err(self.wrong_args());
                };
                if !matches!(vm.stack[*l].as_obj(), Some(Object::List(_))) {
                    return Err(nyi("list.append on a non-list"));
                }
                let (lr, vr) = (self.get(vm, *l)?, self.get(vm, *v)?);
                self.check_effect(lr)?;
                let ty = self.em.trace.ty(vr);
                self.callg(
                    vm,
                    Type::Void,
                    &crate::runtime::tagged("list_append", ty),
                    &[lr, vr],
                )?;
                self.em.konst(Const::None)
            }
        };
        Ok(Sv::Val(r))
    }

    /// The exact type of the value in slot `abs`, guarded: a number's, bool's or None's by its tag, an
    /// instance's class (`guard_class`), a list's or tuple's kind.
    fn operand_type(&mut self, vm: &Vm, abs: usize) -> RResult<pvm_interp::object::ObjRef> {
        let v = vm.stack[abs].clone();
        match &v {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None => {
                self.get(vm, abs)?;
            }
            Value::Obj(o) => match &**o {
                Object::Instance(i) => {
                    let r = self.get(vm, abs)?;
                    self.guard_class(vm, r, &i.cls)?;
                }
                Object::List(_) | Object::Tuple(_) if self.layout().is_some() => {
                    let kind = super::seq::seq_kind(&v).ok_or_else(|| nyi("type()"))?;
                    let r = self.get(vm, abs)?;
                    self.guard_seq(vm, r, kind)?;
                }
                _ => return Err(nyi("type of this object")),
            },
            Value::Undef => {
                return Err(Abort::Unbound {
                    slot: self.slot_no(abs),
                })
            }
        }
        Ok(vm.type_of(&v))
    }

    fn wrong_args(&self) -> Abort {
        nyi("builtin call with this number of arguments")
    }

    /// A numeric argument as a float.
    fn float_arg(&mut self, vm: &Vm, a: usize) -> RResult<IrRef> {
        match self.num(vm, a)? {
            Some(n) => Ok(self.as_float(n)),
            None => Err(nyi("math function of a non-number")),
        }
    }

    /// `range(...)` of ints: a virtual range (its step's sign guarded).
    fn range_call(&mut self, vm: &Vm, args: &[usize]) -> RResult<Sv> {
        let mut ints = Vec::with_capacity(args.len());
        for &a in args {
            match self.num(vm, a)? {
                Some(Num::I(x)) => ints.push((x, super::arith::int_value(&vm.stack[a]))),
                _ => return Err(nyi("range() of non-ints")),
            }
        }
        let zero = self.em.kint(0);
        let one = self.em.kint(1);
        let (start, stop, step) = match ints.as_slice() {
            [stop] => (zero, stop.0, (one, 1)),
            [start, stop] => (start.0, stop.0, (one, 1)),
            [start, stop, step] => (start.0, stop.0, *step),
            _ => return Err(self.wrong_args()),
        };
        if step.1 == 0 {
            return Err(nyi("range() with step 0 (ValueError ahead)"));
        }
        if self.em.trace.int_of(step.0).is_none() {
            // Guard the sign (so also that it is not 0), not the value.
            let zero = self.em.kint(0);
            let pos = self.em.ins(
                if step.1 > 0 { Op::Gt } else { Op::Lt },
                &[step.0, zero],
                NS,
            );
            self.guard(vm, Op::GuardTrue, &[pos])?;
        }
        Ok(Sv::Range {
            start,
            stop,
            step: step.0,
        })
    }
}

pub(super) fn callable_name(f: &Value) -> String {
    match f.as_obj() {
        Some(Object::Builtin(b)) => format!("builtin {}", b.name),
        Some(Object::Type(t)) => format!("type {}", t.name),
        Some(Object::Function(func)) => format!("function {}", func.code.name),
        _ => "this callable".to_string(),
    }
}
