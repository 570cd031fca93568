//! The dispatch loop. It handles the common case of the frequent opcodes inline (int/float arithmetic
//! and comparisons, locals, cache hits of globals and attributes, range iteration, calls of plain Python
//! functions and returns); everything else, rare opcodes and slow paths, runs out of line in
//! `exec_cold` (exec.rs), whose `match` over every opcode is exhaustive: a new opcode is a compile error
//! there until it is handled. A small loop is what lets pc, sp and the frame's code stay in registers.

use super::call::CallOutcome;
use super::{Frame, Vm};
use crate::bytecode::{BinOp, CmpOp, Op};
use crate::code::{flags, Code};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::Object;
use crate::value::Value;
use std::rc::Rc;

impl Vm {
    /// Run the top frame (and every frame it calls) until the frame at index `entry_depth` returns.
    /// The loop exists twice: `run_loop::<false>` is the normal interpreter; `run_loop::<true>` also calls
    /// the JIT recorder before every instruction. Switching is done here, so the normal loop pays nothing
    /// for recording.
    pub(crate) fn run(&mut self, entry_depth: usize) -> PyResult<Value> {
        loop {
            let exit = if self.recording {
                self.run_loop::<true>(entry_depth)?
            } else {
                self.run_loop::<false>(entry_depth)?
            };
            match exit {
                LoopExit::Returned(v) => return Ok(v),
                LoopExit::SwitchMode => continue,
            }
        }
    }

    /// The dispatch loop proper. Its state lives in pointers (the next instruction, the value-stack
    /// top, the frame's locals) so that few values are live across an instruction and all of them
    /// stay in registers; the frame record gets `pc`/`sp` indices back (`save!`) before anything that
    /// may run other frames or look at the stack.
    // `cold!` re-derives the pointers after every out-of-line instruction, including the last one
    // before a frame switch, where the new values are not read.
    #[allow(unused_assignments)]
    fn run_loop<const REC: bool>(&mut self, entry_depth: usize) -> PyResult<LoopExit> {
        'frame: loop {
            // `generator.throw`: raise at the suspension point. It is only ever set right before a
            // generator's frame is entered by `run`, so it is checked here, not per instruction
            // (and not on the direct switches of plain calls and returns below).
            if self.pending_throw.is_some() {
                if let Some(e) = self.pending_throw.take() {
                    self.unwind(e, entry_depth)?;
                }
                continue 'frame;
            }
            // The running frame is always the top one: `self.frames.len() - 1`. A plain call or
            // return switches the state below in place; anything else that changes the frame stack
            // restarts at 'frame, which loads it from the top frame's record.
            let f = self.frames.last().expect("frame");
            // SAFETY: the frame's `Rc<Code>` keeps the code alive while the frame exists; `code` is
            // replaced (or this loop iteration ends) before or right when the frame is popped, and
            // the unwinding path after the loop uses the frame record, not this reference.
            let mut code: &Code = unsafe { &*Rc::as_ptr(&f.code) };
            // The next instruction, the first free value-stack slot, the frame's first local. The
            // stack pointers are re-derived after every call that may run other frames (and so may
            // grow, i.e. move, the stack): all such calls go through `cold!`.
            // SAFETY (all three): in bounds (see `slot!` below, and the pc invariant at `ins`).
            let (mut ip, mut sp, mut locals) = unsafe {
                let stk = self.stack.as_mut_ptr();
                (
                    code.instrs.as_ptr().add(f.pc),
                    stk.add(f.sp),
                    stk.add(f.base),
                )
            };
            let err: PyErr = 'dispatch: loop {
                // SAFETY (for `slot!`, `local!` and the stack macros): every slot used below is in
                // `self.stack`: a frame is only pushed after `ensure_stack(base + code.frame_size())`,
                // locals/cells are below `base + nlocals + ncells`, and the value stack never exceeds
                // `code.stacksize` (computed by the compiler's stack-depth analysis, validated for
                // cached code on load).
                // `slot!(n)`: the n-th value from the top (1 = the top).
                macro_rules! slot {
                    ($n:expr) => {
                        *unsafe { &mut *sp.sub($n) }
                    };
                }
                macro_rules! local {
                    ($i:expr) => {
                        *unsafe { &mut *locals.add($i) }
                    };
                }
                macro_rules! push {
                    ($v:expr) => {{
                        let v = $v;
                        *unsafe { &mut *sp } = v;
                        sp = unsafe { sp.add(1) };
                    }};
                }
                // Push a copy of the Value at `src` (a live slot): the 16 bytes copied as they are,
                // then a reference taken for an object, which is what `clone` does. Building the
                // clone in a temporary first (tag and payload written separately, then reloaded as
                // one 16-byte value) stalled store forwarding: ~40% of fft's `--no-jit` samples
                // sat on LoadFast2's push.
                macro_rules! push_copy {
                    ($src:expr) => {{
                        let src: *const Value = $src;
                        // SAFETY: `src` points to a valid Value owned by the frame; the slot at `sp`
                        // is above the stack top, so it holds Undef (nothing to drop) and lies inside
                        // the frame's reserved stack; the object's count is raised for the copy.
                        unsafe {
                            std::ptr::copy_nonoverlapping(src, sp, 1);
                            if let Value::Obj(o) = &*sp {
                                Rc::increment_strong_count(Rc::as_ptr(o));
                            }
                            sp = sp.add(1);
                        }
                    }};
                }
                macro_rules! pop {
                    () => {{
                        sp = unsafe { sp.sub(1) };
                        // SAFETY: as above; the slot is a valid Value owned by the stack.
                        unsafe { crate::value::take_value(sp) }
                    }};
                }
                macro_rules! discard {
                    () => {{
                        sp = unsafe { sp.sub(1) };
                        *unsafe { &mut *sp } = Value::Undef;
                    }};
                }
                macro_rules! jump {
                    ($target:expr) => {
                        // SAFETY: jump targets are instruction indices (compiler invariant,
                        // validated for cached code).
                        ip = unsafe { code.instrs.as_ptr().add($target as usize) }
                    };
                }
                // The top frame's record, without a bounds check (there is always a running frame).
                macro_rules! frame {
                    () => {{
                        let n = self.frames.len();
                        // SAFETY: the running frame is the top one, so `n >= 1`.
                        unsafe { self.frames.get_unchecked_mut(n - 1) }
                    }};
                }
                // Save the frame state before anything that may run other frames or inspect the stack.
                macro_rules! save {
                    () => {{
                        // SAFETY: `ip` and `sp` point into the code's instructions and the stack.
                        let (pc, spi) = unsafe {
                            (
                                ip.offset_from(code.instrs.as_ptr()) as usize,
                                sp.offset_from(self.stack.as_ptr()) as usize,
                            )
                        };
                        let f = frame!();
                        f.pc = pc;
                        f.sp = spi;
                    }};
                }
                // Load the state back from the top frame's record (same frame, same code).
                macro_rules! reload {
                    () => {{
                        let stk = self.stack.as_mut_ptr();
                        let f = frame!();
                        // SAFETY: as at 'frame.
                        unsafe {
                            ip = code.instrs.as_ptr().add(f.pc);
                            sp = stk.add(f.sp);
                            locals = stk.add(f.base);
                        }
                    }};
                }
                if REC {
                    save!();
                    let pc = frame!().pc;
                    if let Some(mut jit) = self.jit.take() {
                        let code_rc = frame!().code.clone();
                        jit.record_instr(self, &code_rc, pc);
                        self.jit = Some(jit);
                    }
                    if !self.recording {
                        return Ok(LoopExit::SwitchMode);
                    }
                    reload!();
                }
                // SAFETY: `ip` stays inside the code: every code object ends in ReturnValue and every
                // jump target is an instruction index (compiler invariant, validated for cached code).
                let ins = unsafe { *ip };
                ip = unsafe { ip.add(1) };
                let arg = ins.arg();
                // Run the instruction out of line (exec.rs): rare opcodes, and the slow paths of the
                // ones below. The frame record carries pc and sp across.
                macro_rules! cold {
                    () => {{
                        save!();
                        let r = self.exec_cold::<REC>(ins, entry_depth);
                        match r {
                            Ok(Cold::Next) => reload!(),
                            Ok(Cold::Frame) => continue 'frame,
                            Ok(Cold::Exit(x)) => return Ok(x),
                            Err(e) => break 'dispatch e,
                        }
                    }};
                }
                // A call out of line from a slow path below, with the frame state saved before it
                // (`save!`) and the stack pointers re-derived after it at the same indices (the
                // stack may have moved; the record's sp may not be this frame's top any more).
                macro_rules! tri {
                    ($e:expr) => {{
                        let (spi, li) = (index!(sp), index!(locals));
                        let r = $e;
                        let stk = self.stack.as_mut_ptr();
                        // SAFETY: the same slots as before the call, in the (maybe moved) stack.
                        unsafe {
                            sp = stk.add(spi);
                            locals = stk.add(li);
                        }
                        match r {
                            Ok(v) => v,
                            Err(e) => break 'dispatch e,
                        }
                    }};
                }
                // The stack index of a pointer into the stack.
                macro_rules! index {
                    ($p:expr) => {
                        // SAFETY: the pointer points into the stack.
                        unsafe { $p.offset_from(self.stack.as_ptr()) as usize }
                    };
                }
                // Only fast paths here; each falls back to `cold!()` before changing anything, or
                // calls the slow path's helper directly (`tri!`) where that path is common.
                match ins.op() {
                    Op::Nop => {}
                    Op::PopTop => discard!(),
                    Op::Copy => {
                        let v = slot!(arg as usize).clone();
                        push!(v);
                    }
                    Op::PushNull => push!(Value::Undef),
                    Op::LoadConst => push!(code.consts[arg as usize].clone()),
                    Op::LoadFast => {
                        let v = &local!(arg as usize);
                        if let Value::Undef = v {
                            cold!();
                        } else {
                            push_copy!(v as *const Value);
                        }
                    }
                    Op::LoadFast2 => {
                        let (i, j) = ((arg & 0xfff) as usize, (arg >> 12) as usize);
                        if matches!(local!(i), Value::Undef) || matches!(local!(j), Value::Undef) {
                            cold!();
                        } else {
                            push_copy!(unsafe { locals.add(i) } as *const Value);
                            push_copy!(unsafe { locals.add(j) } as *const Value);
                        }
                    }
                    Op::StoreFast => {
                        let v = pop!();
                        local!(arg as usize) = v;
                    }
                    Op::LoadGlobal => {
                        let cache = &code.global_cache[arg as usize];
                        let globals = &frame!().globals;
                        let Object::Dict(g) = &**globals else {
                            unreachable!("globals are a dict")
                        };
                        let gaddr = Rc::as_ptr(globals) as usize;
                        // SAFETY: `try_borrow_unguarded` fails if a dict is mutably borrowed;
                        // otherwise nothing can borrow it mutably before the reads below end (no
                        // code runs in between). Unguarded: a guard's count updates cost more
                        // than the cached lookup itself.
                        let hit = match unsafe { g.try_borrow_unguarded() } {
                            Ok(gd)
                                if cache.globals.get() == gaddr
                                    && cache.gver.get() == gd.version =>
                            {
                                let slot = cache.slot.get();
                                if slot & crate::code::GLOBAL_IN_BUILTINS == 0 {
                                    // In the (unchanged) globals: builtins cannot matter.
                                    gd.entry(slot as usize).map(|e| e.value.clone())
                                } else {
                                    let Object::Dict(b) = &*self.builtins else {
                                        unreachable!("builtins are a dict")
                                    };
                                    // SAFETY: as above.
                                    match unsafe { b.try_borrow_unguarded() } {
                                        Ok(bd) if cache.bver.get() == bd.version => bd
                                            .entry(
                                                (slot & !crate::code::GLOBAL_IN_BUILTINS) as usize,
                                            )
                                            .map(|e| e.value.clone()),
                                        _ => None,
                                    }
                                }
                            }
                            _ => None,
                        };
                        match hit {
                            Some(v) => push!(v),
                            None => cold!(),
                        }
                    }
                    Op::LoadAttr => {
                        let cache = &code.attr_cache[arg as usize];
                        match self.attr_load_hit(cache, &slot!(1)) {
                            Some((v, true)) => {
                                let obj = pop!();
                                push!(Value::obj(Object::BoundMethod(Box::new((obj, v)))));
                            }
                            Some((v, false)) => slot!(1) = v,
                            None => cold!(),
                        }
                    }
                    Op::LoadMethod => {
                        let cache = &code.attr_cache[arg as usize];
                        match self.attr_load_hit(cache, &slot!(1)) {
                            Some((v, true)) => {
                                let obj = pop!();
                                push!(v);
                                push!(obj);
                            }
                            Some((v, false)) => {
                                slot!(1) = Value::Undef;
                                push!(v);
                            }
                            None => match self.type_method_hit(cache, &slot!(1)) {
                                Some(m) => {
                                    let obj = pop!();
                                    push!(m);
                                    push!(obj);
                                }
                                None => cold!(),
                            },
                        }
                    }
                    Op::StoreAttr => {
                        let cache = &code.attr_cache[arg as usize];
                        // The value moves out of its slot only on a hit.
                        let mut v = Some(std::mem::take(&mut slot!(2)));
                        if self.attr_store_hit(cache, &slot!(1), &mut v) {
                            discard!();
                            sp = unsafe { sp.sub(1) };
                        } else {
                            slot!(2) = v.take().unwrap_or(Value::None);
                            cold!();
                        }
                    }
                    Op::Swap => {
                        // SAFETY: both slots are in the value stack (see `slot!`).
                        unsafe { std::ptr::swap(sp.sub(1), sp.sub(arg as usize)) };
                    }
                    Op::LoadDeref => {
                        let v = match &local!(code.nlocals() + arg as usize) {
                            Value::Obj(c) => match &**c {
                                Object::Cell(cell) => cell.borrow().clone(),
                                _ => Value::Undef,
                            },
                            _ => Value::Undef,
                        };
                        if let Value::Undef = v {
                            cold!();
                        } else {
                            push!(v);
                        }
                    }
                    Op::StoreDeref => {
                        let v = pop!();
                        if let Value::Obj(c) = &local!(code.nlocals() + arg as usize) {
                            if let Object::Cell(cell) = &**c {
                                let old = cell.replace(v);
                                drop(old);
                            }
                        }
                    }
                    Op::StoreSubscr => {
                        // list[int] = v
                        let done = match (&slot!(2), &slot!(1)) {
                            (Value::Obj(o), Value::Int(i)) => match &**o {
                                Object::List(l) => {
                                    let mut l = l.borrow_mut();
                                    let n = l.len() as i64;
                                    let j = if *i < 0 { *i + n } else { *i };
                                    if j >= 0 && j < n {
                                        let v = std::mem::take(&mut slot!(3));
                                        let old = std::mem::replace(&mut l[j as usize], v);
                                        drop(l);
                                        drop(old);
                                        true
                                    } else {
                                        false
                                    }
                                }
                                _ => false,
                            },
                            _ => false,
                        };
                        if done {
                            discard!();
                            discard!();
                            sp = unsafe { sp.sub(1) };
                        } else {
                            cold!();
                        }
                    }
                    Op::UnaryNegative => match slot!(1) {
                        Value::Int(i) if i != i64::MIN => slot!(1) = Value::Int(-i),
                        Value::Float(f) => slot!(1) = Value::Float(-f),
                        _ => cold!(),
                    },
                    Op::ForSetup => {
                        // Ranges and exact lists/tuples; other iterables out of line.
                        let range = match slot!(1).as_obj() {
                            Some(Object::Range(r)) => Some((r.start, r.stop, r.step)),
                            Some(Object::List(_) | Object::Tuple(_)) => None,
                            _ => {
                                cold!();
                                continue;
                            }
                        };
                        match range {
                            Some((start, stop, step)) => {
                                slot!(1) = Value::Int(start);
                                push!(Value::Int(stop));
                                push!(Value::Int(step));
                            }
                            None => {
                                push!(Value::Int(0));
                                push!(Value::Undef);
                            }
                        }
                    }
                    Op::BinarySubscr => {
                        // list[int]
                        let hit = match (&slot!(2), &slot!(1)) {
                            (Value::Obj(o), Value::Int(i)) => match &**o {
                                Object::List(l) => {
                                    let l = l.borrow();
                                    let n = l.len() as i64;
                                    let j = if *i < 0 { *i + n } else { *i };
                                    if j >= 0 && j < n {
                                        Some(l[j as usize].clone())
                                    } else {
                                        None
                                    }
                                }
                                _ => None,
                            },
                            // dict[int or str] of a present key.
                            (d, k) => super::lookup_fast::dict_get_pure(d, k),
                        };
                        match hit {
                            Some(v) => {
                                discard!();
                                slot!(1) = v;
                            }
                            None => cold!(),
                        }
                    }
                    Op::ContainsOp => {
                        // int/str in dict, set, frozenset.
                        match super::lookup_fast::contains_pure(&slot!(1), &slot!(2)) {
                            Some(r) => {
                                discard!();
                                slot!(1) = Value::Bool(r != (arg == 1));
                            }
                            None => cold!(),
                        }
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
                        let fast = match (&slot!(2), &slot!(1)) {
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
                        match fast {
                            // SAFETY: both slots are in the frame (see `slot!`) and hold numbers, so
                            // overwriting them without dropping leaks nothing.
                            Some(v) => unsafe {
                                std::ptr::write(sp.sub(2), v);
                                std::ptr::write(sp.sub(1), Value::Undef);
                                sp = sp.sub(1);
                            },
                            // `s += x` on a bigint may update it in place (exec.rs).
                            None if !REC && arg >= N => cold!(),
                            None => {
                                // The operands are taken from their slots by the callee: moving
                                // them through this frame's temporaries costs a store-forwarding
                                // stall.
                                sp = unsafe { sp.sub(2) };
                                save!();
                                let at = index!(sp);
                                tri!(self.binary_op_at(arg, at));
                                sp = unsafe { sp.add(1) };
                            }
                        }
                    }
                    Op::CompareOp => {
                        let op = CmpOp::decode(arg);
                        let fast = match (&slot!(2), &slot!(1)) {
                            (Value::Int(x), Value::Int(y)) => Some(cmp_ord(op, x.cmp(y))),
                            (Value::Float(x), Value::Float(y)) => Some(cmp_f64(op, *x, *y)),
                            _ => None,
                        };
                        match fast {
                            // SAFETY: as in `BinaryOp`: two numbers, overwritten without a drop.
                            Some(r) => unsafe {
                                std::ptr::write(sp.sub(2), Value::Bool(r));
                                std::ptr::write(sp.sub(1), Value::Undef);
                                sp = sp.sub(1);
                            },
                            None => {
                                let b = pop!();
                                let a = pop!();
                                save!();
                                let v = tri!(self.compare(&a, &b, op));
                                push!(v);
                            }
                        }
                    }
                    Op::CompareJumpIfFalse => {
                        let op = CmpOp::decode(arg >> 21);
                        let fast = match (&slot!(2), &slot!(1)) {
                            (Value::Int(x), Value::Int(y)) => Some(cmp_ord(op, x.cmp(y))),
                            (Value::Float(x), Value::Float(y)) => Some(cmp_f64(op, *x, *y)),
                            _ => None,
                        };
                        match fast {
                            Some(r) => {
                                // SAFETY: as in `BinaryOp`: two numbers, overwritten without a drop.
                                unsafe {
                                    std::ptr::write(sp.sub(2), Value::Undef);
                                    std::ptr::write(sp.sub(1), Value::Undef);
                                    sp = sp.sub(2);
                                }
                                if !r {
                                    jump!(arg & 0x1f_ffff);
                                }
                            }
                            None => {
                                let b = pop!();
                                let a = pop!();
                                save!();
                                let r = match tri!(self.compare(&a, &b, op)) {
                                    Value::Bool(t) => t,
                                    other => {
                                        save!();
                                        tri!(self.truthy(&other))
                                    }
                                };
                                if !r {
                                    jump!(arg & 0x1f_ffff);
                                }
                            }
                        }
                    }
                    Op::IsOp => {
                        let b = pop!();
                        let a = pop!();
                        push!(Value::Bool(a.is(&b) != (arg == 1)));
                    }
                    Op::UnaryNot => match slot!(1) {
                        Value::Bool(b) => slot!(1) = Value::Bool(!b),
                        _ => cold!(),
                    },
                    Op::Jump => jump!(arg),
                    Op::JumpBackward => {
                        // The safe point (Ctrl-C, deadlines, collections) and a loop header that
                        // became hot for the JIT are handled out of line (which bumps the counter).
                        let out_of_line = crate::interrupt::pending()
                            || crate::gc::pending()
                            || (self.opts.jit_enabled && {
                                let c = &code.counters[arg as usize];
                                let n = c.get() + 1;
                                n >= self.opts.jit_threshold || {
                                    c.set(n);
                                    false
                                }
                            });
                        if out_of_line {
                            cold!();
                        } else {
                            jump!(arg);
                        }
                    }
                    Op::PopJumpIfFalse => match slot!(1) {
                        Value::Bool(b) => {
                            discard!();
                            if !b {
                                jump!(arg);
                            }
                        }
                        _ => cold!(),
                    },
                    Op::PopJumpIfTrue => match slot!(1) {
                        Value::Bool(b) => {
                            discard!();
                            if b {
                                jump!(arg);
                            }
                        }
                        _ => cold!(),
                    },
                    Op::ForIter => {
                        // Range loops: (cur, stop, step) unboxed in the three state slots.
                        if let Value::Int(cur) = slot!(3) {
                            let (Value::Int(stop), Value::Int(step)) = (&slot!(2), &slot!(1))
                            else {
                                unreachable!("ForSetup writes three ints for a range")
                            };
                            let (stop, step) = (*stop, *step);
                            if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                                // Past i64 the next value cannot be below stop: saturate to end the loop.
                                slot!(3) = Value::Int(cur.checked_add(step).unwrap_or(stop));
                                push!(Value::Int(cur));
                            } else {
                                discard!();
                                discard!();
                                discard!();
                                jump!(arg);
                            }
                            continue;
                        }
                        // A list or tuple: (sequence, index, Undef), no iterator object. Like
                        // CPython's list iterator, the index is checked against the current length
                        // at every step, so a list mutated by the loop body is seen as it is now.
                        if let Value::Int(idx) = slot!(2) {
                            let idx = idx as usize;
                            let next = match slot!(3).as_obj() {
                                Some(Object::List(l)) => l.borrow().get(idx).cloned(),
                                Some(Object::Tuple(t)) => t.get(idx).cloned(),
                                _ => None,
                            };
                            match next {
                                Some(v) => {
                                    slot!(2) = Value::Int(idx as i64 + 1);
                                    push!(v);
                                }
                                None => {
                                    discard!();
                                    discard!();
                                    discard!();
                                    jump!(arg);
                                }
                            }
                            continue;
                        }
                        // A generator: resumed as a frame of this loop (the recorder follows it).
                        {
                            if let Value::Obj(g) = &slot!(3) {
                                if let Object::Generator(_) = &**g {
                                    let g = g.clone();
                                    save!();
                                    if self.gen_enter_inline(&g, index!(sp), Value::None) {
                                        let f = frame!();
                                        let stk = self.stack.as_mut_ptr();
                                        // SAFETY: as at 'frame: the record keeps the code alive, and
                                        // its pc, base and sp are inside the code and the stack.
                                        unsafe {
                                            code = &*Rc::as_ptr(&f.code);
                                            ip = code.instrs.as_ptr().add(f.pc);
                                            sp = stk.add(f.sp);
                                            locals = stk.add(f.base);
                                        }
                                        continue;
                                    }
                                }
                            }
                        }
                        // Any other iterator: the generic protocol (exec.rs has a fast path for
                        // sequence iterators).
                        if !matches!(slot!(3).as_obj(), Some(Object::Iter(_))) {
                            let it = slot!(3).clone();
                            save!();
                            match tri!(self.next(&it)) {
                                Some(v) => push!(v),
                                None => {
                                    discard!();
                                    discard!();
                                    discard!();
                                    jump!(arg);
                                }
                            }
                            continue;
                        }
                        if let Some(Object::Iter(it)) = slot!(3).as_obj() {
                            if let Some(next) = super::protocol::str_iter_next(it) {
                                match next {
                                    Some(v) => push!(v),
                                    None => {
                                        discard!();
                                        discard!();
                                        discard!();
                                        jump!(arg);
                                    }
                                }
                                continue;
                            }
                        }
                        cold!();
                    }
                    Op::UnpackSequence => {
                        // A tuple or list of exactly the right length, no allocation.
                        let n = arg as usize;
                        let v = pop!();
                        let done = match v.as_obj() {
                            Some(Object::Tuple(t)) if t.len() == n => {
                                for item in t.iter().rev() {
                                    push!(item.clone());
                                }
                                true
                            }
                            Some(Object::List(l)) => {
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
                        if !done {
                            push!(v);
                            cold!();
                        }
                    }
                    Op::BuildTuple | Op::BuildList => {
                        let n = arg as usize;
                        // SAFETY: the top `n` slots are the frame's value stack; each is moved out
                        // once (left Undef).
                        let items: Vec<Value> = unsafe {
                            std::slice::from_raw_parts_mut(sp.sub(n), n)
                                .iter_mut()
                                .map(std::mem::take)
                                .collect()
                        };
                        sp = unsafe { sp.sub(n) };
                        if ins.op() == Op::BuildTuple {
                            push!(Value::obj(Object::Tuple(items)));
                        } else {
                            push!(Value::obj(Object::List(items.into())));
                        }
                    }
                    Op::ListAppend => {
                        let v = pop!();
                        if let Value::Obj(o) = &slot!(arg as usize) {
                            if let Object::List(l) = &**o {
                                l.borrow_mut().push(v);
                            }
                        }
                    }
                    Op::YieldValue => {
                        let v = pop!();
                        save!();
                        let fi = self.frames.len() - 1;
                        let f = frame!();
                        let (pc, spi, ret_slot) = (f.pc, f.sp, f.ret_slot);
                        self.suspend_generator(pc, spi, arg == 1);
                        if fi == entry_depth {
                            // Resumed by `gen_resume`: its frame is the entry frame of this loop.
                            return Ok(LoopExit::Returned(v));
                        }
                        // Resumed by a `for` loop of this dispatch loop (`gen_enter_inline`): the
                        // value is the loop's next item; continue in the loop's frame.
                        let stk = self.stack.as_mut_ptr();
                        let f = frame!();
                        // SAFETY: `ret_slot` is the caller's top slot (Undef after the suspension);
                        // as at 'frame for the caller's record.
                        unsafe {
                            *stk.add(ret_slot) = v;
                            code = &*Rc::as_ptr(&f.code);
                            ip = code.instrs.as_ptr().add(f.pc);
                            sp = stk.add(ret_slot + 1);
                            locals = stk.add(f.base);
                        }
                    }
                    Op::Call | Op::CallMethod => {
                        if crate::interrupt::pending() || crate::gc::pending() {
                            cold!();
                        } else if !self.try_fast_call(ins.op(), arg, ip, sp, code) {
                            // Any other callable: the general call (which may push a frame).
                            save!();
                            let r = self.call_slow(ins.op(), arg);
                            match r {
                                Ok(CallOutcome::Pushed) => continue 'frame,
                                Ok(CallOutcome::Done(v)) => {
                                    reload!();
                                    push!(v);
                                }
                                Err(e) => break 'dispatch e,
                            }
                        } else {
                            // Enter the callee (the record just pushed) directly.
                            let f = frame!();
                            // SAFETY: as at 'frame: the record keeps the code alive.
                            code = unsafe { &*Rc::as_ptr(&f.code) };
                            ip = code.instrs.as_ptr();
                            let stk = self.stack.as_mut_ptr();
                            // SAFETY: as at 'frame.
                            unsafe {
                                sp = stk.add(f.sp);
                                locals = stk.add(f.base);
                            }
                        }
                    }
                    Op::ReturnValue if frame!().gen.is_none() => {
                        let v = pop!();
                        let fi = self.frames.len() - 1;
                        let ret_slot = self.frames[fi].ret_slot;
                        // Drop the record where it is: moving 72 bytes out of the vector first is
                        // a copy whose reloads stall store forwarding.
                        // SAFETY: `fi` is the last frame; the length is cut first, so the record is
                        // dropped exactly once and never seen again.
                        unsafe {
                            self.frames.set_len(fi);
                            std::ptr::drop_in_place(self.frames.as_mut_ptr().add(fi));
                        }
                        // Release the frame's slots (locals, cells; the value stack is empty but
                        // for what a `break` out of a loop may have left).
                        let stk = self.stack.as_mut_ptr();
                        // SAFETY: `ret_slot` and everything up to `sp` are slots of the stack.
                        let ret = unsafe {
                            let ret = stk.add(ret_slot);
                            let mut p = ret.add(1);
                            while p < sp {
                                *p = Value::Undef;
                                p = p.add(1);
                            }
                            &mut *ret
                        };
                        if fi == entry_depth {
                            *ret = Value::Undef;
                            return Ok(LoopExit::Returned(v));
                        }
                        *ret = v;
                        // Continue in the caller directly (its record has its pc; its sp is
                        // `ret_slot + 1`, written back by the next `save!`).
                        let f = frame!();
                        // SAFETY: as at 'frame: the record keeps the code alive, and the caller's
                        // pc and base are inside its code and the stack.
                        unsafe {
                            code = &*Rc::as_ptr(&f.code);
                            ip = code.instrs.as_ptr().add(f.pc);
                            sp = stk.add(ret_slot + 1);
                            locals = stk.add(f.base);
                        }
                    }
                    // `__init__` of a class call pushed in place (construct.rs).
                    Op::ReturnValue if frame!().init_instance().is_some() => {
                        let v = pop!();
                        save!();
                        self.init_return(v, index!(sp));
                        continue 'frame;
                    }
                    // Every other opcode (listed, not `_`: the match is then exhaustive, so
                    // dispatch jumps through a table covering all opcodes without a range check, and
                    // a new opcode is a compile error here until it is placed).
                    Op::ReturnValue // of a generator
                    | Op::DeleteFast
                    | Op::DeleteDeref
                    | Op::LoadClosure
                    | Op::StoreGlobal
                    | Op::DeleteGlobal
                    | Op::LoadName
                    | Op::StoreName
                    | Op::DeleteName
                    | Op::DeleteAttr
                    | Op::DeleteSubscr
                    | Op::BuildSlice
                    | Op::UnaryPositive
                    | Op::UnaryInvert
                    | Op::JumpIfFalseOrPop
                    | Op::JumpIfTrueOrPop
                    | Op::GetIter
                    | Op::BuildSet
                    | Op::BuildMap
                    | Op::BuildString
                    | Op::SetAdd
                    | Op::MapAdd
                    | Op::ListExtend
                    | Op::SetUpdate
                    | Op::DictUpdate
                    | Op::DictMerge
                    | Op::ListToTuple
                    | Op::FormatValue
                    | Op::UnpackEx
                    | Op::MakeFunction
                    | Op::CallKw
                    | Op::CallMethodKw
                    | Op::CallEx
                    | Op::RaiseVarargs
                    | Op::LoadAssertionError
                    | Op::ImportName
                    | Op::ImportFrom
                    | Op::ImportStar
                    | Op::PrintExpr
                    | Op::LoadBuildClass
                    | Op::NotImplemented
                    | Op::PushExcInfo
                    | Op::PopExcept
                    | Op::CheckExcMatch
                    | Op::Reraise
                    | Op::GetYieldFromIter
                    | Op::Send
                    | Op::BeforeWith
                    | Op::WithExitNormal
                    | Op::WithExceptStart
                    | Op::MatchMapping
                    | Op::MatchSequence
                    | Op::GetLen
                    | Op::MatchKeys
                    | Op::MatchClass
                    | Op::GetAwaitable
                    | Op::GetAIter
                    | Op::GetANext
                    | Op::EndAsyncFor
                    | Op::CheckEgMatch
                    | Op::PrepReraiseStar => cold!(),
                }
            };
            // An exception: find a handler in this frame or a caller (up to the entry frame). The
            // record has pc and sp: `cold!` saved them.
            self.unwind(err, entry_depth)?;
        }
    }

    /// Propagate `err` from the top frame (its pc and sp saved): enter the innermost handler (Ok: the
    /// dispatch loop continues in the top frame) or pop frames down to `entry_depth` (Err).
    fn unwind(&mut self, mut err: PyErr, entry_depth: usize) -> PyResult<()> {
        loop {
            let f = self.frames.last().expect("frame");
            let fault = f.pc.saturating_sub(1);
            if err.0.reraised {
                err.0.reraised = false;
            } else {
                // A fused `LoadFast2` whose first local is bound failed on its second load.
                let ins = f.code.instrs.get(fault).copied();
                let second = ins.is_some_and(|i| {
                    i.op() == crate::bytecode::Op::LoadFast2
                        && self
                            .stack
                            .get(f.base + (i.arg() & 0xfff) as usize)
                            .is_some_and(|v| !matches!(v, Value::Undef))
                });
                err.0.tb.push(crate::object::TbEntry {
                    code: f.code.clone(),
                    line: f.code.line_of(fault),
                    pc: fault as u32,
                    span: f.code.span_of(fault, second),
                });
            }
            if let Some(h) = f.code.handler_for(fault).filter(|_| !err.0.fatal) {
                self.enter_handler(err, h);
                return Ok(());
            }
            // A generator frame above the entry frame was resumed by a `for` loop of this dispatch
            // loop (`gen_enter_inline`): it is finished, and the error goes on into the loop's frame
            // as `next` would have raised it.
            let inline_gen = match &f.gen {
                Some(g)
                    if self.frames.len() - 1 != entry_depth
                        && matches!(&**g, Object::Generator(_)) =>
                {
                    Some(g.clone())
                }
                _ => None,
            };
            self.pop_frame_for_unwind();
            if let Some(g) = inline_gen {
                self.finish_generator(&g);
                self.leave_inline(&g);
                err = self.pep479(err, super::generators::GenKind::Generator);
            }
            if self.frames.len() == entry_depth {
                return Err(err);
            }
        }
    }

    /// Jump to an exception handler of the top frame: cut its value stack, push the exception.
    fn enter_handler(&mut self, mut err: PyErr, h: crate::code::ExcEntry) {
        let obj = self.materialize(&mut err);
        if let Object::Exception(e) = &*obj {
            *e.traceback.borrow_mut() = std::mem::take(&mut err.0.tb);
            // Implicit chaining: raised while another exception was being handled.
            if let Some(ctx) = self.exc_stack.last() {
                let is_self = matches!(ctx, Value::Obj(c) if Rc::ptr_eq(c, &obj));
                if !is_self && matches!(*e.context.borrow(), Value::Undef) {
                    *e.context.borrow_mut() = ctx.clone();
                }
            }
        }
        let f = self.frames.last_mut().expect("frame");
        let new_sp = f.base + f.code.nlocals() + f.code.ncells() + h.depth as usize;
        let old_sp = f.sp;
        f.pc = h.target as usize;
        f.sp = new_sp + 1;
        for s in &mut self.stack[new_sp..old_sp.max(new_sp)] {
            *s = Value::Undef;
        }
        self.stack[new_sp] = Value::Obj(obj);
    }

    /// Pop the top frame while an exception propagates, releasing its slots.
    pub(crate) fn pop_frame_for_unwind(&mut self) {
        let f = self.frames.pop().expect("frame");
        let end = f.sp.max(f.base);
        for s in &mut self.stack[f.ret_slot..end] {
            *s = Value::Undef;
        }
        if let Some(caller) = self.frames.last_mut() {
            if caller.sp > f.ret_slot {
                caller.sp = f.ret_slot;
            }
        }
    }

    /// The error for re-raising an exception object (bare `raise`, or the end of a handler).
    pub(super) fn reraise(&self, exc: Value) -> PyErr {
        match exc {
            Value::Obj(o) => {
                let tb = match &*o {
                    Object::Exception(e) => e.traceback.borrow().clone(),
                    _ => Vec::new(),
                };
                let mut err = PyErr::from_obj(o);
                err.0.tb = tb;
                err.0.reraised = true;
                err
            }
            _ => PyErr::new(ExcKind::RuntimeError, "No active exception to reraise"),
        }
    }

    /// The slow path of `BinaryOp`: the operands are the two (popped) slots at `at`; the result is
    /// written to the first (returning it by value would be reloaded 16 bytes wide: a stall).
    #[inline(never)]
    pub(super) fn binary_op_at(&mut self, arg: u32, at: usize) -> PyResult<()> {
        let (a, b) = {
            let s = &mut self.stack[at..at + 2];
            // SAFETY: both are valid slots of the frame, borrowed mutably here.
            unsafe {
                (
                    crate::value::take_value(&mut s[0]),
                    crate::value::take_value(&mut s[1]),
                )
            }
        };
        let v = self.binary_op(arg, a, b)?;
        crate::value::set_slot(&mut self.stack[at], v);
        Ok(())
    }

    /// `BinaryOp` (in-place add/sub) at `at` followed by `StoreFast` to slot `local`: when the left
    /// operand is a bigint held only by that local and the operand slot, update it in place and store
    /// it (the caller skips the `StoreFast`). False, changing nothing, when the pattern does not apply.
    #[inline(never)]
    pub(super) fn int_inplace(&mut self, arg: u32, at: usize, local: usize) -> bool {
        let (op, _) = BinOp::decode(arg);
        if !matches!(op, BinOp::Add | BinOp::Sub) {
            return false;
        }
        match (&self.stack[at], &self.stack[at + 1], &self.stack[local]) {
            (Value::Obj(a), Value::Int(_), Value::Obj(l))
                if Rc::ptr_eq(a, l)
                    && Rc::strong_count(a) == 2
                    && Rc::weak_count(a) == 0
                    && matches!(**a, Object::Int(_)) => {}
            _ => return false,
        }
        // Release the local's reference: the operand's is then the only one.
        self.stack[local] = Value::Undef;
        let mut a = std::mem::replace(&mut self.stack[at], Value::Undef);
        let Value::Int(y) = std::mem::replace(&mut self.stack[at + 1], Value::Undef) else {
            unreachable!("checked above")
        };
        let Value::Obj(rc) = &mut a else {
            unreachable!("checked above")
        };
        let Some(Object::Int(big)) = Rc::get_mut(rc) else {
            unreachable!("a unique reference to an int (counts checked above)")
        };
        if op == BinOp::Add {
            *big += y;
        } else {
            *big -= y;
        }
        // Python sees one int type: a result that fits i64 is inline again.
        let v = match num_traits::ToPrimitive::to_i64(&*big) {
            Some(i) => Value::Int(i),
            None => a,
        };
        self.stack[local] = v;
        true
    }

    /// The fastest call: a plain Python function (`Code::simple`) called with exactly its positional
    /// parameters, by `Call` on `(function, args...)` or `CallMethod` on `(function, self, args...)`.
    /// The arguments already sit where the callee's locals go. Saves the caller's pc and sp (given as
    /// the dispatch loop's pointers into `code` and the stack), pushes the callee's frame and returns
    /// true; false (nothing changed) when the call does not qualify.
    #[inline(always)]
    pub(super) fn try_fast_call(
        &mut self,
        op: Op,
        arg: u32,
        ip: *const crate::bytecode::Instr,
        sp: *mut Value,
        code: &Code,
    ) -> bool {
        let stk = self.stack.as_mut_ptr();
        // SAFETY: `sp` points into the stack, at or above the function's slot.
        let sp = unsafe { sp.offset_from(stk) as usize };
        let (n, fidx) = if op == Op::Call {
            (arg as usize, sp - arg as usize - 1)
        } else {
            (arg as usize + 1, sp - arg as usize - 2)
        };
        // SAFETY: `fidx` < `sp`, inside the caller's window.
        let Value::Obj(o) = (unsafe { &*stk.add(fidx) }) else {
            return false;
        };
        let Object::Function(f) = &**o else {
            return false;
        };
        let callee = &f.code;
        let argc = callee.argcount as usize;
        // Exactly the parameters of a simple function; or fewer with defaults, or free variables
        // (closures), as long as nothing else needs binding (no cells, `*args`, keyword-only
        // parameters, generator body: `call_in_place` does those).
        let binds = (callee.simple && n == argc)
            || (n <= argc
                && n + f.defaults.len() >= argc
                && callee.cellvars.is_empty()
                && callee.kwonlyargcount == 0
                && callee.flags
                    & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE)
                    == 0);
        if !(binds
            && self.frames.len() < self.recursion_limit
            && fidx + 2 + callee.frame_size() <= self.stack.len())
        {
            return false;
        }
        let base = fidx + 1;
        let nlocals = callee.nlocals();
        if n < argc {
            let first_default = argc - f.defaults.len();
            for i in n..argc {
                // SAFETY: below `fidx + 2 + frame_size`, checked above to be inside the stack.
                unsafe { *stk.add(base + i) = f.defaults[i - first_default].clone() };
            }
        }
        for i in argc.max(n)..nlocals {
            // SAFETY: as above.
            unsafe { *stk.add(base + i) = Value::Undef };
        }
        // Free variables (no cell variables here): the closure's cells follow the locals.
        for (j, c) in f.closure.iter().enumerate() {
            // SAFETY: as above (`frame_size` counts the cells).
            unsafe { *stk.add(base + nlocals + j) = Value::Obj(c.clone()) };
        }
        let nlocals = nlocals + f.closure.len();
        let caller = self.frames.last_mut().expect("caller");
        // SAFETY: `ip` points into `code`'s instructions.
        caller.pc = unsafe { ip.offset_from(code.instrs.as_ptr()) as usize };
        caller.sp = sp;
        self.push_call_frame(
            callee.clone(),
            f.globals.clone(),
            o.clone(),
            base,
            base + nlocals,
            fidx,
        );
        if crate::gc::pending() {
            crate::gc::maybe_collect();
        }
        true
    }

    /// `Call`/`CallMethod` (no keywords) of anything `try_fast_call` does not take, with the top
    /// frame's pc and sp saved. On `Done`, the callee and arguments are gone from the stack and the
    /// record's sp is where the result goes; on `Pushed`, the callee's frame runs next.
    #[inline(never)]
    pub(super) fn call_slow(&mut self, op: Op, arg: u32) -> PyResult<CallOutcome> {
        let sp = self.frames.last().expect("frame").sp;
        let mut n = arg as usize;
        let (fidx, args_at);
        if op == Op::Call {
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
        self.frames.last_mut().expect("frame").sp = args_at + n;
        // A builtin function or method (`len(x)`, `l.append(x)`, `d.get(k)`): called directly on the
        // arguments moved into a buffer.
        if let Value::Obj(o) = &self.stack[fidx] {
            if let Object::Builtin(b) = &**o {
                if b.bound.is_none() && n <= BUILTIN_ARGS {
                    let (f, unwrap) = (b.f, b.unwrap_self);
                    // `gen.send(v)` and `next(gen)`: the generator runs as a frame of this loop
                    // (the recorder follows `send`; `next` not while recording).
                    if (op == Op::CallMethod
                        && n == 2
                        && f as usize == super::generators::gen_send_method as *const () as usize
                        && self.send_inline(fidx))
                        || (op == Op::Call
                            && n == 1
                            && !self.recording
                            && f as usize == crate::builtins::functions::next_fn() as usize
                            && self.next_inline(fidx))
                    {
                        return Ok(CallOutcome::Pushed);
                    }
                    return self
                        .call_builtin_at(fidx, args_at, n, f, unwrap)
                        .map(CallOutcome::Done);
                }
            }
        }
        // A plain Python class: `__init__` runs as a frame of this loop (not while recording: the
        // recorder inlines class calls its own way).
        if !self.recording && self.init_inline(fidx, args_at, n) {
            return Ok(CallOutcome::Pushed);
        }
        let outcome = self.call_from_stack(fidx, args_at, n, None)?;
        if let CallOutcome::Done(_) = outcome {
            self.frames.last_mut().expect("frame").sp = fidx;
        }
        Ok(outcome)
    }

    /// Call the builtin `f` (at `stack[fidx]`, not bound) with the `n <= BUILTIN_ARGS` arguments at
    /// `stack[args_at..]`, which move into a buffer; the call's slots are released first (the top
    /// frame's record then ends at `fidx`, where the result goes).
    #[inline]
    fn call_builtin_at(
        &mut self,
        fidx: usize,
        args_at: usize,
        n: usize,
        f: crate::object::BuiltinFn,
        unwrap: bool,
    ) -> PyResult<Value> {
        let mut args: [Value; BUILTIN_ARGS] = Default::default();
        for (a, s) in args[..n]
            .iter_mut()
            .zip(&mut self.stack[args_at..args_at + n])
        {
            *a = std::mem::take(s);
        }
        if unwrap && n > 0 {
            // A builtin type's method called on an instance of a Python subclass gets the base.
            if let Some(b) = Vm::base_of(&args[0]).cloned() {
                args[0] = b;
            }
        }
        for s in &mut self.stack[fidx..args_at] {
            *s = Value::Undef;
        }
        if let Some(fr) = self.frames.last_mut() {
            fr.sp = fidx;
        }
        let r = f(self, &args[..n], &Vec::new());
        // A Python frame the builtin pushed with keywords (`push_function_frame`) may have raised
        // the record's sp above `fidx`.
        if let Some(fr) = self.frames.last_mut() {
            fr.sp = fidx;
        }
        r
    }

    pub(crate) fn push_frame(&mut self, frame: Frame) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        self.push_frame_record(frame);
        Ok(())
    }
}

/// Most arguments a builtin called by `call_slow` takes through its inline buffer (more go the
/// general way).
const BUILTIN_ARGS: usize = 4;

/// How `exec_cold` left the instruction it ran.
pub(super) enum Cold {
    /// Continue with the next instruction of the same frame (pc and sp are in its record).
    Next,
    /// The frame stack changed: continue in the top frame.
    Frame,
    /// Leave the dispatch loop.
    Exit(LoopExit),
}

/// Why a dispatch loop returned without an error.
pub(super) enum LoopExit {
    /// The entry frame returned this value.
    Returned(Value),
    /// Recording started or stopped: continue in the other variant of the loop.
    SwitchMode,
}

pub(super) fn unbound_local(code: &Code, i: usize) -> PyErr {
    let name = code
        .varnames
        .get(i)
        .map(|s| s.to_string())
        .unwrap_or_default();
    PyErr::new(
        ExcKind::UnboundLocalError,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            name
        ),
    )
}

pub(super) fn unbound_deref(code: &Code, i: usize) -> PyErr {
    let name = code
        .cellvars
        .iter()
        .chain(code.freevars.iter())
        .nth(i)
        .map(|s| s.to_string())
        .unwrap_or_default();
    if i < code.cellvars.len() {
        PyErr::new(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{}' where it is not associated with a value",
                name
            ),
        )
    } else {
        PyErr::new(
            ExcKind::NameError,
            format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", name),
        )
    }
}

#[inline]
pub fn cmp_ord(op: CmpOp, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    }
}

#[inline]
pub fn cmp_f64(op: CmpOp, x: f64, y: f64) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}
