//! Generators resumed inside a trace: `for x in g` over a generator object, recorded as an inlined frame
//! of the generator's code from its resume point to its next `yield` (helpers in `crate::generators`).
//!
//! - **Resume** (`ForIter` over a generator): `gen_enter` (one guarded helper) checks that the object is
//!   a plain suspended generator of the recorded code, resume pc, slot count and slot tags, marks it
//!   running, and returns its slot buffer; each slot is then a typed `load` from that buffer (the values
//!   stay owned by the generator), and the frame is pushed where `Vm::gen_enter_inline` puts it: right
//!   above the loop's next-item slot (`ret_slot`), with the sent None on its stack once started. The
//!   recorder keeps the generator object in the slot map at `ret_slot` while the frame is active (the
//!   interpreter has Undef there): every snapshot inside the frame carries it, and the exit's
//!   `restore` takes it from there to rebuild the frame record with its generator (`InlineInfo::gen`).
//! - **Yield** (`YieldValue` in such a frame): the slots the body changed are stored into a buffer and
//!   `gen_yield` writes them into the generator (suspended at the next pc); the value goes to `ret_slot`
//!   and the caller continues after its `ForIter`.
//! - **Return**: `gen_return` finishes the generator, and the caller's loop ends (its `ForIter`'s
//!   target), as `Vm::return_inline` does.
//! - A `yield` in the trace's own frame (a loop inside a generator) ends the loop's iteration like a
//!   `return` would (`LoopExit`): iterations that do not yield stay native.
//!
//! Exceptions in the body, `send`, coroutines and generators suspended inside `except` blocks are left
//! to the interpreter (the recording aborts with a reason; the helpers fail and the trace exits).

use super::{nyi, Abort, Cx, InlineInfo, RFrame, RResult, Recorder, Sv};
use crate::generators::{scratch_addr, tag_code, KEEP, MAX_GEN_SLOTS};
use crate::ir::{Const, IrRef, Type};
use pvm_interp::bytecode::Op as Bc;
use pvm_interp::object::Object;
use pvm_interp::value::Value;
use pvm_interp::vm::generators::{gen_kind, GenKind};
use pvm_interp::vm::Vm;
use std::rc::Rc;

/// More frames a trace may nest for generators than for calls: pipelines of generators are deep
/// (each stage is a frame), and a resume runs one step of each.
const MAX_GEN_DEPTH: usize = 10;

/// What the recorder knows of a generator frame it resumed (by inline id).
pub(super) struct GenRec {
    /// Per slot, the value `gen_enter` handed out (None for Undef): a slot still holding it at the
    /// `yield` is left as it is.
    pub loads: Vec<Option<IrRef>>,
}

impl Recorder {
    /// The inline id of the top frame if it is a generator frame the trace resumed.
    pub(super) fn gen_frame(&self) -> Option<u32> {
        let id = self.frames.last()?.inline?;
        self.inlines[id as usize].gen.then_some(id)
    }

    /// Is any active frame a generator frame the trace resumed?
    pub(super) fn in_gen_frame(&self) -> bool {
        self.frames
            .iter()
            .any(|f| f.inline.is_some_and(|i| self.inlines[i as usize].gen))
    }

    /// `ForSetup` over a generator: the generator is its own iterator (a helper checks it is a plain
    /// generator, as `iter()` would accept it).
    pub(super) fn rec_gen_for_setup(&mut self, vm: &Vm, i: usize) -> RResult {
        let g = self.get(vm, i)?;
        self.callg(vm, Type::Void, "gen_iter", &[g])?;
        self.set(i + 1, Sv::Undef);
        self.set(i + 2, Sv::Undef);
        Ok(())
    }

    /// `ForIter` over a generator: resume it as an inlined frame (see the module docs).
    pub(super) fn rec_gen_for_iter(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let ic = cx.sp - 3;
        if !matches!(
            (&vm.stack[ic + 1], &vm.stack[ic + 2]),
            (Value::Undef, Value::Undef)
        ) {
            return Err(nyi("ForIter on a malformed generator state"));
        }
        self.gen_resume(vm, cx, ic, cx.sp, None)
    }

    /// Is `(send, g, v)` at `fidx` a `g.send(v)` that `Vm::send_inline` resumes in place?
    pub(super) fn is_gen_send(&self, vm: &mut Vm, fidx: usize) -> bool {
        let (Some(Object::Builtin(b)), g) = (vm.stack[fidx].as_obj(), vm.stack[fidx + 1].clone())
        else {
            return false;
        };
        if b.bound.is_some() || b.name != "send" || gen_kind(&g) != Some(GenKind::Generator) {
            return false;
        }
        let f = b.f as usize;
        match vm.lookup_method(&g, &Value::str("send")) {
            Ok(Some(Value::Obj(m))) => match &*m {
                Object::Builtin(s) => s.f as usize == f,
                _ => false,
            },
            _ => false,
        }
    }

    /// `gen.send(v)` by `CallMethod 1` (`(send, g, v)` at `fidx`): resume `g` as an inlined frame whose
    /// `yield` receives `v`, returning into `fidx` (`Vm::send_inline`).
    pub(super) fn rec_gen_send(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let fidx = cx.sp - 3;
        let f = vm.stack[fidx].clone();
        let fr = self.get(vm, fidx)?;
        self.guard_identity(vm, fr, &f)?;
        self.gen_resume(vm, cx, fidx + 1, fidx, Some(fidx + 2))
    }

    /// `LoadMethod` on a generator: `send` is `(send, g)` with the method a constant (the generator
    /// type is builtin) and `gen_iter` checking that `g` is a plain generator; anything else as for
    /// other builtin receivers.
    pub(super) fn rec_gen_load_method(
        &mut self,
        vm: &mut Vm,
        code: &Rc<pvm_interp::code::Code>,
        cx: &Cx,
    ) -> RResult {
        let recv = vm.stack[cx.sp - 1].clone();
        let name = code.names[cx.arg as usize].clone();
        if name.as_str() != Some("send") || gen_kind(&recv) != Some(GenKind::Generator) {
            return self.builtin_load_method(vm, code, cx);
        }
        let Ok(Some(m)) = vm.lookup_method(&recv, &name) else {
            return Err(nyi("generator method"));
        };
        let g = self.get(vm, cx.sp - 1)?;
        self.callg(vm, Type::Void, "gen_iter", &[g])?;
        let mr = self.kobj(&m);
        self.set(cx.sp - 1, Sv::Val(mr));
        self.set(cx.sp, Sv::Val(g));
        Ok(())
    }

    /// Resume the generator in slot `g_at` as an inlined frame returning into `ret` (its base right
    /// above), as `Vm::gen_enter_inline` does: for a `for` loop (`sent` None: the `yield` gets None) or
    /// for `send` (the value in slot `sent`).
    fn gen_resume(
        &mut self,
        vm: &Vm,
        cx: &Cx,
        g_at: usize,
        ret: usize,
        sent: Option<usize>,
    ) -> RResult {
        let gv = vm.stack[g_at].clone();
        let Some(Object::Generator(cell)) = gv.as_obj() else {
            return Err(nyi("ForIter over this iterator"));
        };
        let st = cell.try_borrow().map_err(|_| nyi("a generator in use"))?;
        if st.kind != GenKind::Generator {
            return Err(nyi("for over a coroutine"));
        }
        if st.running || st.finished {
            return Err(nyi("for over a running or finished generator"));
        }
        if !st.exc_state.is_empty() {
            return Err(nyi("a generator suspended in an except block"));
        }
        if vm.frames.len() >= vm.recursion_limit {
            return Err(nyi("a generator at the recursion limit"));
        }
        if !st.started && sent.is_some_and(|s| !vm.stack[s].is_none()) {
            return Err(nyi("a value sent to a just-started generator"));
        }
        let n = st.slots.len();
        if n > MAX_GEN_SLOTS {
            return Err(nyi("a generator frame of more than 21 slots"));
        }
        if self.frames.len() >= MAX_GEN_DEPTH {
            return Err(Abort::InlineDepth);
        }
        let code = st.code.clone();
        self.check_recursion(&code)?;
        let Some(func) = st.func.clone() else {
            return Err(nyi("a generator without a function"));
        };
        let globals = st.globals.clone();
        let (pc, started) = (st.pc, st.started);
        let tys: Vec<Option<Type>> = st.slots.iter().map(super::ty_of).collect();
        let tags = st
            .slots
            .iter()
            .enumerate()
            .fold(0u64, |t, (i, v)| t | tag_code(v) << (3 * i));
        drop(st);

        let g = self.get(vm, g_at)?;
        // The sent value (read before the frame's slots cover its slot); None when not started.
        let sent = match sent {
            Some(s) => {
                let v = match self.sv(vm, s)? {
                    Sv::Tuple(t) => {
                        // `g.send((a, b))`: the tuple must exist in the generator's frame.
                        let r = self.materialize_tuple(t)?;
                        self.set(s, Sv::Val(r));
                        Sv::Val(r)
                    }
                    v => v,
                };
                if !started {
                    // Guarded to be None by its type.
                    self.get(vm, s)?;
                }
                v
            }
            None => Sv::Val(self.em.konst(Const::None)),
        };
        if matches!(sent, Sv::Range { .. } | Sv::Slice { .. } | Sv::Tuple(_)) {
            return Err(Abort::VirtualEscapes);
        }
        let args = [
            g,
            self.em.kint(Rc::as_ptr(&code) as *const u8 as i64),
            self.em.kint(pc as i64),
            self.em.kint(tags as i64),
            self.em.kint(n as i64),
            self.em.kint(self.frames.len() as i64),
        ];
        let buf = self.callg(vm, Type::Ptr, "gen_enter", &args)?;
        // Everything is guarded: from here on only the slot map changes.
        let base = ret + 1;
        let mut loads = Vec::with_capacity(n);
        for (i, ty) in tys.into_iter().enumerate() {
            let v = match ty {
                None => None,
                Some(Type::None) => Some(self.em.konst(Const::None)),
                Some(ty) => Some(self.em.load(
                    ty,
                    buf,
                    (i * crate::abi::VALUE_SIZE + crate::abi::PAYLOAD_OFFSET) as i32,
                )),
            };
            loads.push(v);
            self.set(base + i, v.map_or(Sv::Undef, Sv::Val));
        }
        if started {
            // The value of the `yield` expression the generator resumes at.
            self.set(base + n, sent);
        }
        self.set(ret, Sv::Val(g));
        let info = InlineInfo {
            code: code.clone(),
            func,
            globals,
            base: self.rel(base),
            ret_slot: self.rel(ret),
            caller_pc: cx.pc + 1,
            caller_sp: self.rel(ret),
            func_in_ret: false,
            gen: true,
        };
        self.stack_need = self
            .stack_need
            .max(info.base.max(0) as usize + code.frame_size() + 1);
        self.inlines.push(info);
        let id = self.inlines.len() as u32 - 1;
        self.gens.insert(id, GenRec { loads });
        self.frames.push(RFrame {
            code,
            base: self.rel(base),
            inline: Some(id),
            special: None,
        });
        self.expect = Some((self.frames.len(), pc as u32));
        Ok(())
    }

    /// `YieldValue`: in a generator frame the trace resumed, write its changed slots back into the
    /// generator and continue in the caller with the value; in the trace's own frame, the loop's
    /// iteration ends (`LoopExit`).
    pub(super) fn rec_yield(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let Some(id) = self.gen_frame() else {
            return Err(
                if self.at_root_level() && self.start == super::Start::Root {
                    Abort::LoopExit
                } else {
                    nyi("yield from a frame the trace did not resume")
                },
            );
        };
        if cx.arg != 0 {
            return Err(nyi("an async generator's yield"));
        }
        let info = self.inlines[id as usize].clone();
        let abs = |r: i32| (self.base as i64 + r as i64) as usize;
        let (base, ret) = (abs(info.base), abs(info.ret_slot));
        let Some(Sv::Val(g)) = self.slot_state(ret) else {
            return Err(nyi(
                "a generator frame whose generator the trace does not hold",
            ));
        };
        let v = match self.sv_move(vm, cx.sp - 1)? {
            Sv::Tuple(t) => {
                let r = self.materialize_tuple(t)?;
                self.set(cx.sp - 1, Sv::Val(r));
                Sv::Val(r)
            }
            v => v,
        };
        let n = cx.sp - 1 - base;
        if n > MAX_GEN_SLOTS {
            return Err(nyi("a generator frame of more than 21 slots"));
        }
        let loads = self.gens.get(&id).map(|r| r.loads.clone());
        let mut tags = 0u64;
        let mut stores = Vec::new();
        for i in 0..n {
            let seen = loads.as_ref().and_then(|l| l.get(i).copied());
            let unset =
                self.slot_state(base + i).is_none() && matches!(vm.stack[base + i], Value::Undef);
            let sv = if unset {
                Sv::Undef
            } else {
                self.sv(vm, base + i)?
            };
            let code = match sv {
                Sv::Undef if seen == Some(None) => KEEP,
                Sv::Undef => 5,
                Sv::Val(r) if seen == Some(Some(r)) => KEEP,
                Sv::Val(r) => {
                    let t = self.em.trace.ty(r);
                    let code = match t {
                        Type::None => 0,
                        Type::Bool => 1,
                        Type::Int => 2,
                        Type::Float => 3,
                        Type::Obj => 4,
                        _ => return Err(nyi("an unboxed value in a generator's slot")),
                    };
                    if t != Type::None {
                        stores.push((i, r));
                    }
                    code
                }
                Sv::Range { .. } | Sv::Tuple(_) | Sv::Slice { .. } => {
                    return Err(Abort::VirtualEscapes)
                }
            };
            tags |= code << (3 * i);
        }
        let bufp = self.em.konst(Const::Ptr(scratch_addr()));
        for (i, r) in stores {
            self.em.store(bufp, (8 * i) as i32, r);
        }
        let args = [
            g,
            self.em.kint(cx.pc as i64 + 1),
            self.em.kint(tags as i64),
            self.em.kint(n as i64),
        ];
        self.callg(vm, Type::Void, "gen_yield", &args)?;
        self.frames.pop();
        for s in base..cx.sp {
            self.set(s, Sv::Undef);
        }
        self.set(ret, v);
        self.expect = Some((self.frames.len(), info.caller_pc));
        Ok(())
    }

    /// `ReturnValue` in a generator frame the trace resumed by a `for` loop: the generator is finished
    /// and the loop ends.
    pub(super) fn rec_gen_return(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let Some(id) = self.gen_frame() else {
            return Err(nyi("return from a generator frame"));
        };
        let info = self.inlines[id as usize].clone();
        let n = self.frames.len();
        let caller = &self.frames[n - 2];
        let for_pc = info.caller_pc - 1;
        let ins = caller.code.instrs[for_pc as usize];
        if ins.op() != Bc::ForIter {
            return Err(nyi("a generator returning into send"));
        }
        if n == 2 && self.start == super::Start::Root && for_pc == self.start_pc {
            return Err(Abort::LoopExit);
        }
        let abs = |r: i32| (self.base as i64 + r as i64) as usize;
        let (base, ret) = (abs(info.base), abs(info.ret_slot));
        let Some(Sv::Val(g)) = self.slot_state(ret) else {
            return Err(nyi(
                "a generator frame whose generator the trace does not hold",
            ));
        };
        self.callg(vm, Type::Void, "gen_return", &[g])?;
        self.frames.pop();
        for s in ret - 3..cx.sp.max(base) {
            self.set(s, Sv::Undef);
        }
        self.expect = Some((self.frames.len(), ins.arg()));
        Ok(())
    }

    /// `l.pop(i)` with an int index (a queue's `pop(0)`): `list_pop_at.<type>`, typed by the element
    /// seen while recording; the helper fails (the interpreter redoes the call) on a bad index or another
    /// element type.
    pub(super) fn list_pop_at(&mut self, vm: &Vm, l: usize, i: usize) -> RResult<IrRef> {
        let (Some(Object::List(list)), Value::Int(k)) = (vm.stack[l].as_obj(), &vm.stack[i]) else {
            return Err(nyi("list.pop with this argument"));
        };
        let len = list.borrow().len() as i64;
        let j = if *k < 0 { *k + len } else { *k };
        let elem = (0..len)
            .contains(&j)
            .then(|| list.borrow()[j as usize].clone())
            .ok_or_else(|| nyi("list.pop out of range (IndexError ahead)"))?;
        let ty = super::seq::value_type(&elem).ok_or_else(|| nyi("unbound element"))?;
        let lr = self.get(vm, l)?;
        let ir = self.get(vm, i)?;
        self.check_effect(lr)?;
        let name = crate::runtime::tagged("list_pop_at", ty);
        Ok(if ty == Type::None {
            self.callg(vm, Type::Void, &name, &[lr, ir])?;
            self.em.konst(Const::None)
        } else {
            self.callg(vm, ty, &name, &[lr, ir])?
        })
    }

    /// Is the instruction at `pc` a `yield` of the generator frame a side trace runs in (not one it
    /// resumed)? The side trace then ends with an exit there (`close_handover`, driver): the path to
    /// the `yield` runs native and the interpreter suspends the frame. (A root trace's own frame
    /// yielding ends its recorded iteration instead: `rec_yield`.)
    pub fn yields_own_frame(&self, vm: &Vm, code: &Rc<pvm_interp::code::Code>, pc: usize) -> bool {
        matches!(self.start, super::Start::Side { .. })
            && self.at_root_level()
            && self.can_hand_over()
            && code
                .instrs
                .get(pc)
                .is_some_and(|i| i.op() == Bc::YieldValue && i.arg() == 0)
            && vm.frames.last().is_some_and(|f| f.gen.is_some())
    }

    /// Every snapshot inside a generator frame must carry its generator (see the module docs).
    pub(super) fn check_gen_frames(&self) -> RResult {
        for f in &self.frames {
            if let Some(i) = f.inline {
                let info = &self.inlines[i as usize];
                if info.gen && !matches!(self.state_at(info.ret_slot), Some(Sv::Val(_))) {
                    return Err(nyi(
                        "a generator frame whose generator the trace does not hold",
                    ));
                }
            }
        }
        Ok(())
    }
}
