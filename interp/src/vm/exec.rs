//! Every opcode, one instruction at a time, out of line: the complete semantics of the bytecode.
//! The dispatch loop (dispatch.rs) handles the common cases of the frequent opcodes itself and calls
//! `exec_cold` for everything else: rare opcodes, and the slow paths of the frequent ones (a miss of
//! an inline cache, an operand that is not an int, a call that is not a plain Python function...).
//! Keeping this code out of the loop keeps the loop small enough for its state (pc, stack pointer,
//! code) to stay in registers.

use super::call::CallOutcome;
use super::dispatch::{cmp_f64, cmp_ord, unbound_deref, unbound_local, Cold, LoopExit};
use super::Vm;
use crate::bytecode::{BinOp, CmpOp, Instr, Op};
use crate::code::Code;
use crate::error::{ExcKind, PyErr};
use crate::object::{Iter, Object};
use crate::value::Value;
use std::rc::Rc;

impl Vm {
    /// Execute `ins` in the top frame, whose pc (already past `ins`) and sp are saved in its record.
    /// On `Cold::Next` and on an error, the record holds the new pc and sp; `Cold::Frame` means the
    /// frame stack changed (a call pushed a frame, the JIT rebuilt frames): continue in the top frame.
    // `tri!` re-derives the stack pointer after every fallible call, including the last one.
    #[allow(unused_assignments)]
    #[inline(never)]
    pub(super) fn exec_cold<const REC: bool>(
        &mut self,
        ins: Instr,
        entry_depth: usize,
    ) -> Result<Cold, PyErr> {
        let fi = self.frames.len() - 1;
        // SAFETY: the frame's `Rc<Code>` keeps the code alive while the frame exists; `code` is not
        // used after an instruction that pops the frame.
        let code: &Code = unsafe { &*Rc::as_ptr(&self.frames[fi].code) };
        let base = self.frames[fi].base;
        let mut pc = self.frames[fi].pc;
        let mut sp = self.frames[fi].sp;
        let mut stk: *mut Value = self.stack.as_mut_ptr();
        let arg = ins.arg();
        let err: PyErr = 'dispatch: {
            macro_rules! tri {
                ($e:expr) => {{
                    let r = $e;
                    stk = self.stack.as_mut_ptr();
                    match r {
                        Ok(v) => v,
                        Err(e) => break 'dispatch e,
                    }
                }};
            }
            // SAFETY (for `slot!`): as in the dispatch loop: every index is inside the frame's window,
            // which `ensure_stack` made part of `self.stack`.
            macro_rules! slot {
                ($i:expr) => {
                    *unsafe { &mut *stk.add($i) }
                };
            }
            macro_rules! push {
                ($v:expr) => {{
                    let v = $v;
                    slot!(sp) = v;
                    sp += 1;
                }};
            }
            macro_rules! pop {
                () => {{
                    sp -= 1;
                    // SAFETY: as for `slot!`; the slot is a valid Value owned by the stack.
                    unsafe { crate::value::take_value(stk.add(sp)) }
                }};
            }
            macro_rules! discard {
                () => {{
                    sp -= 1;
                    slot!(sp) = Value::Undef;
                }};
            }
            macro_rules! top {
                () => {
                    slot!(sp - 1)
                };
            }
            macro_rules! save {
                () => {{
                    let f = &mut self.frames[fi];
                    f.pc = pc;
                    f.sp = sp;
                }};
            }
            // After a `del` or a store to a global/name: what it released may have a finalizer
            // (`__del__`) or weak reference callback due, which CPython would run right there.
            macro_rules! release_point {
                () => {{
                    if crate::gc::pending() {
                        save!();
                        self.safe_point();
                        stk = self.stack.as_mut_ptr();
                    }
                }};
            }
            let flow: Cold = 'op: {
                match ins.op() {
                    Op::Nop => {}
                    Op::PopTop => {
                        discard!();
                    }
                    Op::Copy => {
                        let v = self.stack[sp - arg as usize].clone();
                        push!(v);
                    }
                    Op::Swap => {
                        self.stack.swap(sp - 1, sp - arg as usize);
                    }
                    Op::LoadConst => push!(code.consts[arg as usize].clone()),
                    Op::LoadFast => {
                        let v = &slot!(base + arg as usize);
                        if let Value::Undef = v {
                            break 'dispatch unbound_local(code, arg as usize);
                        }
                        let v = v.clone();
                        push!(v);
                    }
                    Op::StoreFast => {
                        let v = pop!();
                        slot!(base + arg as usize) = v;
                    }
                    Op::DeleteFast => {
                        if let Value::Undef = self.stack[base + arg as usize] {
                            break 'dispatch unbound_local(code, arg as usize);
                        }
                        self.stack[base + arg as usize] = Value::Undef;
                        release_point!();
                    }
                    Op::LoadDeref => {
                        let slot = base + code.nlocals() + arg as usize;
                        let v = match &self.stack[slot] {
                            Value::Obj(c) => match &**c {
                                Object::Cell(cell) => cell.borrow().clone(),
                                _ => Value::Undef,
                            },
                            _ => Value::Undef,
                        };
                        if let Value::Undef = v {
                            break 'dispatch unbound_deref(code, arg as usize);
                        }
                        push!(v);
                    }
                    Op::StoreDeref => {
                        let v = pop!();
                        let slot = base + code.nlocals() + arg as usize;
                        if let Value::Obj(c) = &self.stack[slot] {
                            if let Object::Cell(cell) = &**c {
                                let old = cell.replace(v);
                                drop(old);
                            }
                        }
                    }
                    Op::DeleteDeref => {
                        let slot = base + code.nlocals() + arg as usize;
                        let old = match &self.stack[slot] {
                            Value::Obj(c) => match &**c {
                                Object::Cell(cell) => cell.replace(Value::Undef),
                                _ => Value::Undef,
                            },
                            _ => Value::Undef,
                        };
                        if let Value::Undef = old {
                            break 'dispatch unbound_deref(code, arg as usize);
                        }
                    }
                    Op::LoadClosure => {
                        let v = self.stack[base + code.nlocals() + arg as usize].clone();
                        push!(v);
                    }
                    Op::LoadGlobal => {
                        let cache = &code.global_cache[arg as usize];
                        let globals = &self.frames[fi].globals;
                        let (Object::Dict(g), Object::Dict(b)) = (&**globals, &*self.builtins)
                        else {
                            unreachable!("globals and builtins are dicts")
                        };
                        let gaddr = Rc::as_ptr(globals) as usize;
                        // SAFETY: `try_borrow_unguarded` fails if a dict is mutably borrowed;
                        // otherwise nothing can borrow it mutably before the reads below end (no
                        // code runs in between). Unguarded: a guard's count updates cost more
                        // than the cached lookup itself.
                        let (gd, bd) =
                            unsafe { (g.try_borrow_unguarded(), b.try_borrow_unguarded()) };
                        let hit = match (gd, bd) {
                            (Ok(gd), Ok(bd))
                                if cache.globals.get() == gaddr
                                    && cache.gver.get() == gd.version
                                    && cache.bver.get() == bd.version =>
                            {
                                let slot = cache.slot.get();
                                let d = if slot & crate::code::GLOBAL_IN_BUILTINS != 0 {
                                    bd
                                } else {
                                    gd
                                };
                                d.entry((slot & !crate::code::GLOBAL_IN_BUILTINS) as usize)
                                    .map(|e| e.value.clone())
                            }
                            _ => None,
                        };
                        match hit {
                            Some(v) => push!(v),
                            None => {
                                let (gver, bver) = (g.borrow().version, b.borrow().version);
                                let globals = globals.clone();
                                let (slot, v) =
                                    tri!(self.global_slot(&globals, &code.names[arg as usize]));
                                cache.globals.set(gaddr);
                                cache.gver.set(gver);
                                cache.bver.set(bver);
                                cache.slot.set(slot);
                                push!(v);
                            }
                        }
                    }
                    Op::StoreGlobal => {
                        let v = pop!();
                        let g = self.frames[fi].globals.clone();
                        tri!(self.dict_set_str(&g, &code.names[arg as usize], v));
                        release_point!();
                    }
                    Op::DeleteGlobal => {
                        let g = self.frames[fi].globals.clone();
                        let name = &code.names[arg as usize];
                        if !tri!(self.dict_del_str(&g, name)) {
                            break 'dispatch PyErr::new(
                                ExcKind::NameError,
                                format!("name '{}' is not defined", name.as_str().unwrap_or("")),
                            );
                        }
                        release_point!();
                    }
                    Op::LoadName => {
                        let name = &code.names[arg as usize];
                        let locals = self.frames[fi].locals.clone();
                        let mut found = None;
                        if let Some(l) = locals {
                            found = tri!(self.dict_get_str(&l, name));
                        }
                        let v = match found {
                            Some(v) => v,
                            None => tri!(self.load_global(&self.frames[fi].globals.clone(), name)),
                        };
                        push!(v);
                    }
                    Op::StoreName => {
                        let v = pop!();
                        let ns = self.frames[fi]
                            .locals
                            .clone()
                            .unwrap_or_else(|| self.frames[fi].globals.clone());
                        tri!(self.dict_set_str(&ns, &code.names[arg as usize], v));
                        release_point!();
                    }
                    Op::DeleteName => {
                        let ns = self.frames[fi]
                            .locals
                            .clone()
                            .unwrap_or_else(|| self.frames[fi].globals.clone());
                        let name = &code.names[arg as usize];
                        if !tri!(self.dict_del_str(&ns, name)) {
                            break 'dispatch PyErr::new(
                                ExcKind::NameError,
                                format!("name '{}' is not defined", name.as_str().unwrap_or("")),
                            );
                        }
                        release_point!();
                    }
                    Op::LoadAttr => {
                        let cache = &code.attr_cache[arg as usize];
                        let obj = pop!();
                        if let Some((v, is_method)) = self.attr_load_hit(cache, &obj) {
                            if is_method {
                                push!(Value::obj(Object::BoundMethod(Box::new((obj, v)))));
                            } else {
                                push!(v);
                            }
                            break 'op Cold::Next;
                        }
                        save!();
                        let name = &code.names[arg as usize];
                        self.attr_load_fill(cache, &obj, name);
                        let v = tri!(self.getattr(&obj, name));
                        push!(v);
                    }
                    Op::StoreAttr => {
                        let cache = &code.attr_cache[arg as usize];
                        let obj = pop!();
                        let mut v = Some(pop!());
                        if self.attr_store_hit(cache, &obj, &mut v) {
                            break 'op Cold::Next;
                        }
                        save!();
                        let name = &code.names[arg as usize];
                        let before = self.attr_store_precheck(&obj, name);
                        tri!(self.setattr(&obj, name, v.take().unwrap_or(Value::None)));
                        match before {
                            Some(before) => self.attr_store_fill(cache, &obj, name, before),
                            None => self.member_store_fill(cache, &obj, name),
                        }
                    }
                    Op::DeleteAttr => {
                        save!();
                        let obj = pop!();
                        tri!(self.delattr(&obj, &code.names[arg as usize]));
                        release_point!();
                    }
                    Op::LoadMethod => {
                        let cache = &code.attr_cache[arg as usize];
                        let obj = pop!();
                        if let Some((v, is_method)) = self.attr_load_hit(cache, &obj) {
                            if is_method {
                                push!(v);
                                push!(obj);
                            } else {
                                push!(Value::Undef);
                                push!(v);
                            }
                            break 'op Cold::Next;
                        }
                        save!();
                        self.attr_load_fill(cache, &obj, &code.names[arg as usize]);
                        match tri!(self.lookup_method(&obj, &code.names[arg as usize])) {
                            Some(m) => {
                                self.type_method_fill(cache, &obj, &m);
                                push!(m);
                                push!(obj);
                            }
                            None => {
                                let v = tri!(self.getattr(&obj, &code.names[arg as usize]));
                                push!(Value::Undef);
                                push!(v);
                            }
                        }
                    }
                    Op::BinarySubscr => {
                        let key = pop!();
                        let obj = pop!();
                        // Fast path: list[int].
                        if let (Value::Obj(o), Value::Int(i)) = (&obj, &key) {
                            if let Object::List(l) = &**o {
                                let l = l.borrow();
                                let n = l.len() as i64;
                                let j = if *i < 0 { *i + n } else { *i };
                                if j >= 0 && j < n {
                                    let v = l[j as usize].clone();
                                    drop(l);
                                    push!(v);
                                    break 'op Cold::Next;
                                }
                            }
                        }
                        save!();
                        let v = tri!(self.getitem(&obj, &key));
                        push!(v);
                    }
                    Op::StoreSubscr => {
                        let key = pop!();
                        let obj = pop!();
                        let v = pop!();
                        if let (Value::Obj(o), Value::Int(i)) = (&obj, &key) {
                            if let Object::List(l) = &**o {
                                let mut l = l.borrow_mut();
                                let n = l.len() as i64;
                                let j = if *i < 0 { *i + n } else { *i };
                                if j >= 0 && j < n {
                                    let old = std::mem::replace(&mut l[j as usize], v);
                                    drop(l);
                                    drop(old);
                                    break 'op Cold::Next;
                                }
                            }
                        }
                        save!();
                        tri!(self.setitem(&obj, key, v));
                    }
                    Op::DeleteSubscr => {
                        save!();
                        let key = pop!();
                        let obj = pop!();
                        tri!(self.delitem(&obj, &key));
                        release_point!();
                    }
                    Op::BuildSlice => {
                        let step = if arg == 3 { pop!() } else { Value::None };
                        let stop = pop!();
                        let start = pop!();
                        push!(Value::obj(Object::Slice(Box::new([start, stop, step]))));
                    }
                    Op::BinaryOp => {
                        // Fast paths for the inline number types, on the operands in place: no
                        // moves through temporaries, and neither operand holds a reference, so the
                        // result overwrites the first and the second becomes Undef without a drop.
                        // The argument encodes (op, inplace); both forms behave alike on numbers.
                        const ADD: u32 = BinOp::Add as u32;
                        const SUB: u32 = BinOp::Sub as u32;
                        const MUL: u32 = BinOp::Mul as u32;
                        const DIV: u32 = BinOp::TrueDiv as u32;
                        const N: u32 = BinOp::COUNT;
                        let fast = match (&slot!(sp - 2), &slot!(sp - 1)) {
                            (Value::Int(x), Value::Int(y)) => match arg {
                                ADD => x.checked_add(*y).map(Value::Int),
                                SUB => x.checked_sub(*y).map(Value::Int),
                                MUL => x.checked_mul(*y).map(Value::Int),
                                _ if arg == ADD + N => x.checked_add(*y).map(Value::Int),
                                _ if arg == SUB + N => x.checked_sub(*y).map(Value::Int),
                                _ if arg == MUL + N => x.checked_mul(*y).map(Value::Int),
                                _ => None,
                            },
                            (Value::Float(x), Value::Float(y)) => match arg % N {
                                ADD => Some(Value::Float(x + y)),
                                SUB => Some(Value::Float(x - y)),
                                MUL => Some(Value::Float(x * y)),
                                DIV if *y != 0.0 => Some(Value::Float(x / y)),
                                _ => None,
                            },
                            _ => None,
                        };
                        if let Some(v) = fast {
                            // SAFETY: both slots are in the frame (see `slot!`) and hold numbers, so
                            // overwriting them without dropping leaks nothing.
                            unsafe {
                                std::ptr::write(stk.add(sp - 2), v);
                                std::ptr::write(stk.add(sp - 1), Value::Undef);
                            }
                            sp -= 1;
                            break 'op Cold::Next;
                        }
                        // `s += x` (or `-=`) on a bigint that only the local `s` and this operand
                        // hold, stored right back to `s`: update the bigint in place (no new
                        // object). Not while recording: the recorder saw the operand as it was.
                        if !REC && arg >= N {
                            // SAFETY: as for `ins` (a BinaryOp is never the last instruction).
                            let next = *unsafe { code.instrs.get_unchecked(pc) };
                            if next.op() == Op::StoreFast
                                && self.int_inplace(arg, sp - 2, base + next.arg() as usize)
                            {
                                sp -= 2;
                                pc += 1;
                                break 'op Cold::Next;
                            }
                        }
                        // The operands are taken from their slots by the callee: moving them
                        // through this frame's temporaries costs a store-forwarding stall.
                        sp -= 2;
                        save!();
                        tri!(self.binary_op_at(arg, sp));
                        sp += 1;
                    }
                    Op::UnaryNegative => {
                        let a = pop!();
                        let v = match a {
                            Value::Int(i) if i != i64::MIN => Value::Int(-i),
                            Value::Float(f) => Value::Float(-f),
                            other => {
                                save!();
                                tri!(self.unary_neg(other))
                            }
                        };
                        push!(v);
                    }
                    Op::UnaryPositive => {
                        save!();
                        let a = pop!();
                        let v = tri!(self.unary_pos(a));
                        push!(v);
                    }
                    Op::UnaryNot => {
                        let a = pop!();
                        let b = match a {
                            Value::Bool(b) => b,
                            other => {
                                save!();
                                tri!(self.truthy(&other))
                            }
                        };
                        push!(Value::Bool(!b));
                    }
                    Op::UnaryInvert => {
                        save!();
                        let a = pop!();
                        let v = tri!(self.unary_invert(a));
                        push!(v);
                    }
                    Op::CompareOp => {
                        let op = CmpOp::decode(arg);
                        let fast = match (&slot!(sp - 2), &slot!(sp - 1)) {
                            (Value::Int(x), Value::Int(y)) => Some(cmp_ord(op, x.cmp(y))),
                            (Value::Float(x), Value::Float(y)) => Some(cmp_f64(op, *x, *y)),
                            _ => None,
                        };
                        if let Some(r) = fast {
                            // SAFETY: as in `BinaryOp`: two numbers, overwritten without a drop.
                            unsafe {
                                std::ptr::write(stk.add(sp - 2), Value::Bool(r));
                                std::ptr::write(stk.add(sp - 1), Value::Undef);
                            }
                            sp -= 1;
                            break 'op Cold::Next;
                        }
                        let b = pop!();
                        let a = pop!();
                        save!();
                        let v = tri!(self.compare(&a, &b, op));
                        push!(v);
                    }
                    Op::IsOp => {
                        let b = pop!();
                        let a = pop!();
                        push!(Value::Bool(a.is(&b) != (arg == 1)));
                    }
                    Op::ContainsOp => {
                        save!();
                        let container = pop!();
                        let item = pop!();
                        let r = tri!(self.contains(&container, &item));
                        push!(Value::Bool(r != (arg == 1)));
                    }
                    Op::Jump => pc = arg as usize,
                    Op::JumpBackward => {
                        // A safe point: Ctrl-C and deadlines are noticed here (before `pc` moves, so an
                        // exception is raised at this instruction, inside the loop's `try` if any).
                        if crate::interrupt::pending() {
                            save!();
                            tri!(self.poll_attention());
                        }
                        pc = arg as usize;
                        if crate::gc::pending() {
                            save!();
                            self.safe_point();
                            stk = self.stack.as_mut_ptr();
                        }
                        if self.opts.jit_enabled {
                            let c = &code.counters[pc];
                            let n = c.get() + 1;
                            c.set(n);
                            if n >= self.opts.jit_threshold {
                                save!();
                                if let Some(mut jit) = self.jit.take() {
                                    let code_rc = self.frames[fi].code.clone();
                                    let resume = jit.on_hot_loop(self, &code_rc, pc, base);
                                    self.jit = Some(jit);
                                    stk = self.stack.as_mut_ptr();
                                    // JIT (issue 6): `usize::MAX` means a trace exit changed the frame
                                    // stack (returned from this frame, rebuilt inlined calls) and saved
                                    // every frame's pc and sp: continue in whatever frame is on top.
                                    if resume == Some(usize::MAX) {
                                        if self.recording != REC {
                                            break 'op Cold::Exit(LoopExit::SwitchMode);
                                        }
                                        break 'op Cold::Frame;
                                    }
                                    if let Some(r) = resume {
                                        pc = r;
                                        sp = self.frames[fi].sp;
                                    }
                                    if self.recording != REC {
                                        save!();
                                        break 'op Cold::Exit(LoopExit::SwitchMode);
                                    }
                                }
                            }
                        }
                    }
                    Op::PopJumpIfFalse => {
                        let v = pop!();
                        let t = match v {
                            Value::Bool(b) => b,
                            other => {
                                save!();
                                tri!(self.truthy(&other))
                            }
                        };
                        if !t {
                            pc = arg as usize;
                        }
                    }
                    Op::PopJumpIfTrue => {
                        let v = pop!();
                        let t = match v {
                            Value::Bool(b) => b,
                            other => {
                                save!();
                                tri!(self.truthy(&other))
                            }
                        };
                        if t {
                            pc = arg as usize;
                        }
                    }
                    Op::JumpIfFalseOrPop => {
                        save!();
                        let v = top!().clone();
                        let t = tri!(self.truthy(&v));
                        if !t {
                            pc = arg as usize;
                        } else {
                            discard!();
                        }
                    }
                    Op::JumpIfTrueOrPop => {
                        save!();
                        let v = top!().clone();
                        let t = tri!(self.truthy(&v));
                        if t {
                            pc = arg as usize;
                        } else {
                            discard!();
                        }
                    }
                    Op::GetIter => {
                        save!();
                        let v = pop!();
                        let it = if arg == 1 && matches!(v.as_obj(), Some(Object::Range(_))) {
                            v
                        } else {
                            tri!(self.get_iter(v))
                        };
                        push!(it);
                    }
                    Op::ForIter => {
                        // Range loops: (cur, stop, step) unboxed in the three state slots.
                        if let Value::Int(cur) = slot!(sp - 3) {
                            let (Value::Int(stop), Value::Int(step)) =
                                (&slot!(sp - 2), &slot!(sp - 1))
                            else {
                                unreachable!("ForSetup writes three ints for a range")
                            };
                            let (stop, step) = (*stop, *step);
                            if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                                // Past i64 the next value cannot be below stop: saturate to end the loop.
                                slot!(sp - 3) = Value::Int(cur.checked_add(step).unwrap_or(stop));
                                push!(Value::Int(cur));
                            } else {
                                discard!();
                                discard!();
                                discard!();
                                pc = arg as usize;
                            }
                            break 'op Cold::Next;
                        }
                        // A list or tuple: (sequence, index, Undef), no iterator object. Like
                        // CPython's list iterator, the index is checked against the current length
                        // at every step, so a list mutated by the loop body is seen as it is now.
                        if let Value::Int(idx) = slot!(sp - 2) {
                            let idx = idx as usize;
                            let next = match slot!(sp - 3).as_obj() {
                                Some(Object::List(l)) => l.borrow().get(idx).cloned(),
                                Some(Object::Tuple(t)) => t.get(idx).cloned(),
                                _ => None,
                            };
                            match next {
                                Some(v) => {
                                    slot!(sp - 2) = Value::Int(idx as i64 + 1);
                                    push!(v);
                                }
                                None => {
                                    discard!();
                                    discard!();
                                    discard!();
                                    pc = arg as usize;
                                }
                            }
                            break 'op Cold::Next;
                        }
                        // Other sequence iterators: fast path without the generic protocol.
                        if let Value::Obj(o) = &slot!(sp - 3) {
                            if let Object::Iter(it) = &**o {
                                let mut it = it.borrow_mut();
                                if let Iter::Seq { seq, index } = &mut *it {
                                    let next = match &**seq {
                                        Object::List(l) => Some(l.borrow().get(*index).cloned()),
                                        Object::Tuple(t) => Some(t.get(*index).cloned()),
                                        _ => None,
                                    };
                                    if let Some(next) = next {
                                        *index += 1;
                                        drop(it);
                                        match next {
                                            Some(v) => push!(v),
                                            None => {
                                                discard!();
                                                discard!();
                                                discard!();
                                                pc = arg as usize;
                                            }
                                        }
                                        break 'op Cold::Next;
                                    }
                                }
                            }
                        }
                        save!();
                        let it = slot!(sp - 3).clone();
                        match tri!(self.next(&it)) {
                            Some(v) => push!(v),
                            None => {
                                discard!();
                                discard!();
                                discard!();
                                pc = arg as usize;
                            }
                        }
                    }
                    Op::ForSetup => {
                        let v = pop!();
                        if let Some(Object::Range(r)) = v.as_obj() {
                            push!(Value::Int(r.start));
                            push!(Value::Int(r.stop));
                            push!(Value::Int(r.step));
                        } else if let Some(Object::List(_) | Object::Tuple(_)) = v.as_obj() {
                            push!(v);
                            push!(Value::Int(0));
                            push!(Value::Undef);
                        } else {
                            save!();
                            let it = tri!(self.get_iter(v));
                            push!(it);
                            push!(Value::Undef);
                            push!(Value::Undef);
                        }
                    }
                    Op::BuildTuple => {
                        let n = arg as usize;
                        let items: Vec<Value> = self.stack[sp - n..sp]
                            .iter_mut()
                            .map(std::mem::take)
                            .collect();
                        sp -= n;
                        push!(Value::obj(Object::Tuple(items)));
                    }
                    Op::BuildList => {
                        let n = arg as usize;
                        let items: Vec<Value> = self.stack[sp - n..sp]
                            .iter_mut()
                            .map(std::mem::take)
                            .collect();
                        sp -= n;
                        push!(Value::obj(Object::List(items.into())));
                    }
                    Op::BuildSet => {
                        save!();
                        let n = arg as usize;
                        let items: Vec<Value> = self.stack[sp - n..sp]
                            .iter_mut()
                            .map(std::mem::take)
                            .collect();
                        sp -= n;
                        let s = tri!(self.new_set(items));
                        push!(s);
                    }
                    Op::BuildMap => {
                        save!();
                        let n = arg as usize;
                        let items: Vec<Value> = self.stack[sp - 2 * n..sp]
                            .iter_mut()
                            .map(std::mem::take)
                            .collect();
                        sp -= 2 * n;
                        let d = Value::obj(Object::Dict(Default::default()));
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            tri!(self.dict_set(&d, k, v));
                        }
                        push!(d);
                    }
                    Op::BuildString => {
                        let n = arg as usize;
                        let mut s = String::new();
                        for v in &self.stack[sp - n..sp] {
                            s.push_str(v.as_str().unwrap_or(""));
                        }
                        for v in &mut self.stack[sp - n..sp] {
                            *v = Value::Undef;
                        }
                        sp -= n;
                        push!(Value::from_string(s));
                    }
                    Op::ListAppend => {
                        let v = pop!();
                        if let Value::Obj(o) = &self.stack[sp - arg as usize] {
                            if let Object::List(l) = &**o {
                                l.borrow_mut().push(v);
                            }
                        }
                    }
                    Op::SetAdd => {
                        save!();
                        let v = pop!();
                        let s = self.stack[sp - arg as usize].clone();
                        tri!(self.set_add(&s, v));
                    }
                    Op::MapAdd => {
                        save!();
                        let v = pop!();
                        let k = pop!();
                        let d = self.stack[sp - arg as usize].clone();
                        tri!(self.dict_set(&d, k, v));
                    }
                    Op::ListExtend => {
                        save!();
                        let v = pop!();
                        let l = self.stack[sp - arg as usize].clone();
                        tri!(self.list_extend(&l, v));
                    }
                    Op::SetUpdate => {
                        save!();
                        let v = pop!();
                        let s = self.stack[sp - arg as usize].clone();
                        tri!(self.set_update(&s, &v));
                    }
                    Op::DictUpdate | Op::DictMerge => {
                        save!();
                        let v = pop!();
                        let d = self.stack[sp - arg as usize].clone();
                        tri!(self.dict_update(&d, v, ins.op() == Op::DictMerge));
                    }
                    Op::ListToTuple => {
                        let v = pop!();
                        let items = match &v {
                            Value::Obj(o) => match &**o {
                                Object::List(l) => l.borrow().clone(),
                                _ => Vec::new(),
                            },
                            _ => Vec::new(),
                        };
                        push!(Value::obj(Object::Tuple(items)));
                    }
                    Op::FormatValue => {
                        save!();
                        let spec = if arg & 4 != 0 { Some(pop!()) } else { None };
                        let v = pop!();
                        let s = tri!(self.format_fvalue(v, arg & 3, spec));
                        push!(s);
                    }
                    Op::UnpackSequence => {
                        // Fast path: a tuple or list of exactly the right length, no allocation.
                        let n = arg as usize;
                        let v = pop!();
                        if let Some(o) = v.as_obj() {
                            let done = match o {
                                Object::Tuple(t) if t.len() == n => {
                                    for item in t.iter().rev() {
                                        push!(item.clone());
                                    }
                                    true
                                }
                                Object::List(l) => {
                                    let l = l.borrow();
                                    if l.len() == n {
                                        for item in l.iter().rev() {
                                            push!(item.clone());
                                        }
                                        true
                                    } else {
                                        false
                                    }
                                }
                                _ => false,
                            };
                            if done {
                                break 'op Cold::Next;
                            }
                        }
                        save!();
                        let items = tri!(self.unpack(v, arg as usize));
                        for item in items.into_iter().rev() {
                            push!(item);
                        }
                    }
                    Op::UnpackEx => {
                        save!();
                        let v = pop!();
                        let before = (arg & 0xff) as usize;
                        let after = (arg >> 8) as usize;
                        let items = tri!(self.unpack_ex(v, before, after));
                        for item in items.into_iter().rev() {
                            push!(item);
                        }
                    }
                    Op::MakeFunction => {
                        let codev = pop!();
                        let closure = if arg & 8 != 0 { Some(pop!()) } else { None };
                        let annotations = if arg & 4 != 0 { Some(pop!()) } else { None };
                        let kwdefaults = if arg & 2 != 0 { Some(pop!()) } else { None };
                        let defaults = if arg & 1 != 0 { Some(pop!()) } else { None };
                        let globals = self.frames[fi].globals.clone();
                        let f = self.make_function(codev, globals, defaults, kwdefaults, closure);
                        if let Some(a) = annotations {
                            super::call::set_annotations(&f, a);
                        }
                        push!(f);
                    }
                    Op::Call | Op::CallKw | Op::CallMethod | Op::CallMethodKw => {
                        if crate::interrupt::pending() {
                            save!();
                            tri!(self.poll_attention());
                        }
                        if crate::gc::pending() {
                            // Weak reference callbacks (or a collection) are due: run them before the
                            // call, with this frame's state saved.
                            save!();
                            self.safe_point();
                            stk = self.stack.as_mut_ptr();
                        }
                        let op = ins.op();
                        // SAFETY: pc and sp are inside the code and the stack.
                        let (ip, spp) = unsafe { (code.instrs.as_ptr().add(pc), stk.add(sp)) };
                        if (op == Op::Call || op == Op::CallMethod)
                            && self.try_fast_call(op, arg, ip, spp, code)
                        {
                            break 'op Cold::Frame;
                        }
                        let kwnames = if matches!(op, Op::CallKw | Op::CallMethodKw) {
                            Some(pop!())
                        } else {
                            None
                        };
                        let mut n = arg as usize;
                        let (fidx, args_at);
                        if matches!(op, Op::Call | Op::CallKw) {
                            fidx = sp - n - 1;
                            args_at = fidx + 1;
                        } else {
                            fidx = sp - n - 2;
                            if let Value::Undef = self.stack[fidx] {
                                // (Undef, callable, args...): move the callable down.
                                self.stack.swap(fidx, fidx + 1);
                                args_at = fidx + 2;
                            } else {
                                // (method, self, args...): self is the first argument.
                                args_at = fidx + 1;
                                n += 1;
                            }
                        }
                        save!();
                        self.frames[fi].sp = args_at + n;
                        let outcome = tri!(self.call_from_stack(fidx, args_at, n, kwnames));
                        match outcome {
                            CallOutcome::Pushed => break 'op Cold::Frame,
                            CallOutcome::Done(v) => {
                                sp = fidx;
                                push!(v);
                            }
                        }
                    }
                    Op::CallEx => {
                        save!();
                        let kwargs = if arg & 1 != 0 { Some(pop!()) } else { None };
                        let args = pop!();
                        let f = pop!();
                        self.frames[fi].sp = sp;
                        let r = tri!(self.call_ex(f, args, kwargs));
                        push!(r);
                    }
                    Op::ReturnValue => {
                        let v = pop!();
                        let ret_slot = self.frames[fi].ret_slot;
                        if self.frames[fi].init_instance().is_some() {
                            // `__init__` of a class call (construct.rs).
                            self.init_return(v, sp);
                            break 'op Cold::Frame;
                        }
                        if self.frames[fi].gen.is_some() && fi != entry_depth {
                            // A generator a `for` loop or `send` resumed (`gen_enter_inline`).
                            self.frames[fi].sp = sp;
                            self.return_inline(v);
                            break 'op Cold::Frame;
                        }
                        if self.frames[fi].gen.is_some() {
                            let f = self.frames.pop().expect("frame");
                            if let Some(g) = &f.gen {
                                self.finish_generator(g);
                            }
                        } else {
                            // Drop the record where it is: moving 72 bytes out of the vector
                            // first is a copy whose reloads stall store forwarding.
                            // SAFETY: `fi` is the last frame; the length is cut first, so the
                            // record is dropped exactly once and never seen again.
                            unsafe {
                                self.frames.set_len(fi);
                                std::ptr::drop_in_place(self.frames.as_mut_ptr().add(fi));
                            }
                        }
                        for s in &mut self.stack[ret_slot + 1..sp] {
                            *s = Value::Undef;
                        }
                        if self.frames.len() == entry_depth {
                            self.stack[ret_slot] = Value::Undef;
                            break 'op Cold::Exit(LoopExit::Returned(v));
                        }
                        self.stack[ret_slot] = v;
                        let caller = self.frames.last_mut().expect("caller");
                        caller.sp = ret_slot + 1;
                        break 'op Cold::Frame;
                    }
                    Op::RaiseVarargs => {
                        save!();
                        let err = match arg {
                            0 => match self.exc_stack.last() {
                                Some(e) => self.reraise(e.clone()),
                                None => PyErr::new(
                                    ExcKind::RuntimeError,
                                    "No active exception to reraise",
                                ),
                            },
                            1 => {
                                let e = pop!();
                                tri!(self.make_raise(e, None))
                            }
                            _ => {
                                let cause = pop!();
                                let e = pop!();
                                tri!(self.make_raise(e, Some(cause)))
                            }
                        };
                        break 'dispatch err;
                    }
                    Op::LoadAssertionError => {
                        push!(Value::Obj(self.exc_type(ExcKind::AssertionError).clone()))
                    }
                    Op::ImportName => {
                        save!();
                        let fromlist = pop!();
                        let level = pop!();
                        let globals = self.frames[fi].globals.clone();
                        let m =
                            tri!(self.import(&code.names[arg as usize], fromlist, level, &globals));
                        push!(m);
                    }
                    Op::ImportFrom => {
                        save!();
                        let m = top!().clone();
                        let v = tri!(self.import_from(&m, &code.names[arg as usize]));
                        push!(v);
                    }
                    Op::ImportStar => {
                        save!();
                        let m = pop!();
                        let g = self.frames[fi]
                            .locals
                            .clone()
                            .unwrap_or_else(|| self.frames[fi].globals.clone());
                        tri!(self.import_star(&m, &g));
                    }
                    Op::PrintExpr => {
                        save!();
                        let v = pop!();
                        tri!(self.print_expr(v));
                    }
                    Op::LoadBuildClass => {
                        let b = self.builtins.clone();
                        let v = tri!(self.load_global(&b, &Value::str("__build_class__")));
                        push!(v);
                    }
                    Op::NotImplemented => {
                        let what = code
                            .consts
                            .get(arg as usize)
                            .and_then(|v| v.as_str())
                            .unwrap_or("this construct");
                        break 'dispatch PyErr::new(
                            ExcKind::NotImplementedError,
                            format!("pvm does not support {} yet", what),
                        );
                    }
                    Op::PushNull => push!(Value::Undef),
                    Op::YieldValue => {
                        let v = pop!();
                        let ret_slot = self.frames[fi].ret_slot;
                        self.suspend_generator(pc, sp, arg == 1);
                        if fi == entry_depth {
                            // Resumed by `gen_resume`: the entry frame of this loop.
                            break 'op Cold::Exit(LoopExit::Returned(v));
                        }
                        // Resumed by a `for` loop (`gen_enter_inline`): its next item.
                        self.stack[ret_slot] = v;
                        self.frames.last_mut().expect("caller").sp = ret_slot + 1;
                        break 'op Cold::Frame;
                    }
                    Op::GetYieldFromIter => {
                        save!();
                        let v = pop!();
                        let it = match crate::vm::generators::gen_kind(&v) {
                            Some(crate::vm::generators::GenKind::Generator) => v,
                            Some(crate::vm::generators::GenKind::Coroutine) => {
                                break 'dispatch crate::error::type_error(
                                    "cannot 'yield from' a coroutine object in a non-coroutine generator",
                                );
                            }
                            _ => tri!(self.get_iter(v)),
                        };
                        push!(it);
                    }
                    Op::Send => {
                        save!();
                        let sent = pop!();
                        let it = top!().clone();
                        let r = tri!(self.iter_send(&it, sent));
                        match r {
                            crate::vm::generators::GenResult::Yielded(v) => push!(v),
                            crate::vm::generators::GenResult::Returned(v) => {
                                discard!();
                                push!(v);
                                pc = arg as usize;
                            }
                        }
                    }
                    Op::BeforeWith => {
                        save!();
                        let mgr = pop!();
                        let (exit, enter) = if arg == 1 {
                            tri!(self.async_with_methods(&mgr))
                        } else {
                            tri!(self.context_methods(
                                &mgr,
                                "__enter__",
                                "__exit__",
                                "context manager"
                            ))
                        };
                        push!(exit);
                        self.frames[fi].sp = sp;
                        let r = tri!(self.call(&enter, &[]));
                        push!(r);
                    }
                    Op::WithExitNormal => {
                        save!();
                        let exit = pop!();
                        self.frames[fi].sp = sp;
                        let r = tri!(self.call(&exit, &[Value::None, Value::None, Value::None]));
                        if arg == 1 {
                            push!(r);
                        }
                    }
                    Op::WithExceptStart => {
                        save!();
                        let exc = top!().clone();
                        let exit = slot!(sp - 2).clone();
                        let ty = Value::Obj(self.type_of(&exc));
                        let r = tri!(self.call(&exit, &[ty, exc, Value::None]));
                        if arg == 1 {
                            push!(r);
                        } else {
                            let t = tri!(self.truthy(&r));
                            push!(Value::Bool(t));
                        }
                    }
                    Op::GetAwaitable => {
                        save!();
                        let v = pop!();
                        let it = tri!(self.get_awaitable(v, arg));
                        push!(it);
                    }
                    Op::GetAIter => {
                        save!();
                        let v = pop!();
                        let it = tri!(self.get_aiter(v));
                        push!(it);
                    }
                    Op::GetANext => {
                        save!();
                        let aiter = top!().clone();
                        let a = tri!(self.get_anext(&aiter));
                        push!(a);
                    }
                    Op::CheckEgMatch => {
                        save!();
                        let ty = pop!();
                        let exc = top!().clone();
                        let (rest, matched) = tri!(self.check_eg_match(&exc, &ty));
                        if !matched.is_none() {
                            // The handled exception (bare `raise`, context) is the matching part.
                            if let Some(top) = self.exc_stack.last_mut() {
                                *top = matched.clone();
                            }
                            top!() = rest;
                        }
                        push!(matched);
                    }
                    Op::PrepReraiseStar => {
                        save!();
                        let excs = pop!();
                        let orig = pop!();
                        let r = tri!(self.prep_reraise_star(&orig, &excs));
                        push!(r);
                    }
                    Op::EndAsyncFor => {
                        let exc = pop!();
                        let stop = self.exc_type(ExcKind::StopAsyncIteration).clone();
                        if crate::types::is_subtype(&self.type_of(&exc), &stop) {
                            discard!();
                        } else {
                            break 'dispatch self.reraise(exc);
                        }
                    }
                    Op::MatchMapping => {
                        let m = self.is_match_mapping(&top!());
                        push!(Value::Bool(m));
                    }
                    Op::MatchSequence => {
                        let m = self.is_match_sequence(&top!());
                        push!(Value::Bool(m));
                    }
                    Op::GetLen => {
                        save!();
                        let v = top!().clone();
                        let n = tri!(self.len(&v));
                        push!(Value::Int(n as i64));
                    }
                    Op::MatchKeys => {
                        save!();
                        let keys = top!().clone();
                        let subject = slot!(sp - 2).clone();
                        let r = tri!(self.match_keys(&subject, &keys));
                        push!(r);
                    }
                    Op::MatchClass => {
                        save!();
                        let names = pop!();
                        let cls = pop!();
                        let subject = pop!();
                        self.frames[fi].sp = sp;
                        let r = tri!(self.match_class(&subject, &cls, arg as usize, &names));
                        push!(r);
                    }
                    Op::PushExcInfo => {
                        let e = top!().clone();
                        self.exc_stack.push(e);
                    }
                    Op::PopExcept => {
                        self.exc_stack.pop();
                    }
                    Op::CheckExcMatch => {
                        save!();
                        let ty = pop!();
                        let exc = top!().clone();
                        let m = tri!(self.exception_matches(&exc, &ty));
                        push!(Value::Bool(m));
                    }
                    Op::Reraise => {
                        let e = pop!();
                        break 'dispatch self.reraise(e);
                    }
                    Op::LoadFast2 => {
                        for i in [arg & 0xfff, arg >> 12] {
                            let v = &slot!(base + i as usize);
                            if let Value::Undef = v {
                                break 'dispatch unbound_local(code, i as usize);
                            }
                            let v = v.clone();
                            push!(v);
                        }
                    }
                    Op::CompareJumpIfFalse => {
                        let op = CmpOp::decode(arg >> 21);
                        let fast = match (&slot!(sp - 2), &slot!(sp - 1)) {
                            (Value::Int(x), Value::Int(y)) => Some(cmp_ord(op, x.cmp(y))),
                            (Value::Float(x), Value::Float(y)) => Some(cmp_f64(op, *x, *y)),
                            _ => None,
                        };
                        let r = match fast {
                            Some(r) => {
                                // SAFETY: as in `BinaryOp`: two numbers, overwritten without a drop.
                                unsafe {
                                    std::ptr::write(stk.add(sp - 2), Value::Undef);
                                    std::ptr::write(stk.add(sp - 1), Value::Undef);
                                }
                                sp -= 2;
                                r
                            }
                            None => {
                                let b = pop!();
                                let a = pop!();
                                save!();
                                let v = tri!(self.compare(&a, &b, op));
                                match v {
                                    Value::Bool(t) => t,
                                    other => tri!(self.truthy(&other)),
                                }
                            }
                        };
                        if !r {
                            pc = (arg & 0x1f_ffff) as usize;
                        }
                    }
                }
                Cold::Next
            };
            if let Cold::Next = flow {
                save!();
            }
            return Ok(flow);
        };
        let f = &mut self.frames[fi];
        f.pc = pc;
        f.sp = sp;
        Err(err)
    }
}
