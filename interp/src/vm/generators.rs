//! Generators, coroutines and async generators: all three own the slots of their suspended frame
//! (`GenState`, one `Object::Generator` variant; `GenKind` tells them apart). Resuming copies the slots back
//! onto the value stack above the resumer, pushes a frame at the saved pc and re-enters the dispatch
//! loop; `YieldValue` saves the frame's slots back into the generator and returns to the resumer: the
//! generator frame is the entry frame of that nested `run`. A `for` loop over a generator resumes it in
//! its own dispatch loop instead (`gen_enter_inline`): then the generator frame is *not* the entry
//! frame, and its yield, return and exceptions continue in the loop's frame.
//!
//! Delegation (`yield from`, `await`) is a `Send; YieldValue; Jump` loop with the sub-iterator on top of
//! the value stack, so a generator suspended in it is recognised by the `Send` just before the
//! suspension point (`gen_yf`); `throw()` and `close()` are forwarded to that sub-iterator first, as in
//! CPython. The coroutine-specific pieces (awaitables, async generators' `asend`/`athrow` objects, `async
//! for`/`async with`) are in coroutines.rs.

use super::{Frame, Vm};
use crate::bytecode::Op;
use crate::error::{type_error, ErrValue, ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Object};
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    /// `async def` without `yield`.
    Coroutine,
    /// `async def` with `yield`.
    AsyncGenerator,
}

impl GenKind {
    /// How CPython's messages name it.
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

pub struct GenState {
    pub code: Rc<crate::code::Code>,
    pub func: Option<ObjRef>,
    pub globals: ObjRef,
    /// Where to resume (the instruction after the last yield; 0 before the first `next`).
    pub pc: usize,
    /// The frame's locals, cells and value stack while suspended.
    pub slots: Vec<Value>,
    pub started: bool,
    pub running: bool,
    pub finished: bool,
    pub kind: GenKind,
    /// Async generators: the last suspension was a `yield` (a value for the consumer) rather than an
    /// `await` passing a value through to whoever drives the coroutine.
    pub yielded: bool,
    /// Async generators: an `asend`/`athrow` awaitable is in progress (CPython's `ag_running_async`).
    pub running_async: bool,
    /// Async generators: closed by `aclose()` or exhausted (`ag_closed`).
    pub closed: bool,
    /// The exceptions its frame was handling when it suspended (a `yield` inside an `except` block):
    /// they leave `Vm::exc_stack` while it is suspended and come back when it resumes.
    pub exc_state: Vec<Value>,
    /// `Vm::exc_stack`'s length when it was last resumed.
    pub exc_base: usize,
}

/// What resuming a generator produced.
pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

fn gen_cell(v: &Value) -> Option<&RefCell<GenState>> {
    match v.as_obj() {
        Some(Object::Generator(c)) => Some(c),
        _ => None,
    }
}

/// The kind of a generator object (None for anything else).
pub fn gen_kind(v: &Value) -> Option<GenKind> {
    gen_cell(v).and_then(|c| c.try_borrow().ok().map(|g| g.kind))
}

/// Move a suspended frame's slots onto the value stack (`dst`, slots above the stack top), keeping
/// the vector's buffer for the next suspension. A bitwise move: a generator step copies its frame twice,
/// and element-wise `take`s cost more than the frame's own instructions.
fn slots_to_stack(slots: &mut Vec<Value>, dst: &mut [Value]) {
    let n = slots.len();
    assert!(dst.len() == n);
    for d in dst.iter_mut() {
        // Normally Undef already (above the stack top): nothing to release.
        *d = Value::Undef;
    }
    // SAFETY: `dst` has room for `n` values whose old contents are Undef (no destructor to skip);
    // the `n` values move out of the vector, whose length is cut to 0 so they are not dropped twice.
    unsafe {
        std::ptr::copy_nonoverlapping(slots.as_ptr(), dst.as_mut_ptr(), n);
        slots.set_len(0);
    }
}

/// Move a frame's slots (`src`, left Undef) into its generator's (empty) slot vector.
fn stack_to_slots(src: &mut [Value], slots: &mut Vec<Value>) {
    slots.clear();
    let n = src.len();
    slots.reserve(n);
    // SAFETY: the vector has capacity for `n` more values; each value is copied once into it and its
    // stack slot is then overwritten with Undef without being dropped, so ownership moves exactly once.
    unsafe {
        std::ptr::copy_nonoverlapping(src.as_ptr(), slots.as_mut_ptr(), n);
        slots.set_len(n);
        for i in 0..n {
            std::ptr::write(src.as_mut_ptr().add(i), Value::Undef);
        }
    }
}

impl Vm {
    /// A generator (or coroutine, or async generator) for a call of such a function whose arguments are
    /// bound in `stack[base .. base + nlocals + ncells]` (the slots are moved out).
    pub(crate) fn make_generator(&mut self, func: &ObjRef, base: usize) -> Value {
        let Object::Function(f) = &**func else {
            return Value::None;
        };
        let code = f.code.clone();
        use crate::code::flags;
        let kind = match (
            code.flags & flags::COROUTINE != 0,
            code.flags & flags::GENERATOR != 0,
        ) {
            (true, true) => GenKind::AsyncGenerator,
            (true, false) => GenKind::Coroutine,
            _ => GenKind::Generator,
        };
        let n = code.nlocals() + code.ncells();
        let slots: Vec<Value> = self.stack[base..base + n]
            .iter_mut()
            .map(|s| std::mem::replace(s, Value::Undef))
            .collect();
        Value::obj(Object::Generator(Box::new(RefCell::new(GenState {
            globals: f.globals.clone(),
            code,
            func: Some(func.clone()),
            pc: 0,
            slots,
            started: false,
            running: false,
            finished: false,
            kind,
            yielded: false,
            running_async: false,
            closed: false,
            exc_state: Vec::new(),
            exc_base: 0,
        }))))
    }

    /// Resume `gen`, sending `sent` (or raising `throw` at the suspension point, without delegating it:
    /// see `gen_throw`).
    pub fn gen_resume(
        &mut self,
        gen: &Value,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<GenResult> {
        let Some(cell) = gen_cell(gen) else {
            return Err(type_error("not a generator"));
        };
        let (frame, depth, exc_base, kind) = {
            let mut g = cell.borrow_mut();
            if g.running {
                return Err(PyErr::new(
                    ExcKind::ValueError,
                    format!("{} already executing", g.kind.noun()),
                ));
            }
            if g.finished {
                if g.kind == GenKind::Coroutine {
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        "cannot reuse already awaited coroutine",
                    ));
                }
                return match throw {
                    Some(e) => Err(e),
                    None => Ok(GenResult::Returned(Value::None)),
                };
            }
            if !g.started && throw.is_none() && !sent.is_none() {
                return Err(type_error(format!(
                    "can't send non-None value to a just-started {}",
                    g.kind.noun()
                )));
            }
            g.running = true;
            g.yielded = false;
            g.exc_base = self.exc_stack.len();
            if !g.exc_state.is_empty() {
                let saved = std::mem::take(&mut g.exc_state);
                self.exc_stack.extend(saved);
            }
            let fidx = self.stack_top();
            let base = fidx + 1;
            self.ensure_stack(base + g.code.frame_size() + 2);
            // The slots move back onto the stack; the generator keeps the vector's buffer for the
            // next suspension (no allocation per resume).
            let n = g.slots.len();
            slots_to_stack(&mut g.slots, &mut self.stack[base..base + n]);
            let mut sp = base + n;
            if g.started && throw.is_none() {
                // The value of the `yield` expression.
                self.stack[sp] = sent;
                sp += 1;
            }
            let Value::Obj(gen_ref) = gen else {
                unreachable!("checked above")
            };
            let frame = Frame {
                code: g.code.clone(),
                func: g.func.clone(),
                globals: g.globals.clone(),
                locals: None,
                pc: g.pc,
                base,
                sp,
                ret_slot: fidx,
                gen: Some(gen_ref.clone()),
            };
            (frame, self.frames.len(), g.exc_base, g.kind)
        };
        if let Err(e) = self.push_frame(frame) {
            cell.borrow_mut().running = false;
            self.exc_stack.truncate(exc_base);
            return Err(e);
        }
        if let Some(e) = throw {
            self.pending_throw = Some(e);
        }
        let r = match self.enter_native() {
            Ok(()) => {
                let r = self.run(depth);
                self.leave_native();
                r
            }
            Err(e) => {
                self.pop_frame_for_unwind();
                Err(e)
            }
        };
        // A suspension took the frame's handled exceptions along; a finished frame leaves none.
        self.exc_stack.truncate(exc_base);
        let mut g = cell.borrow_mut();
        g.running = false;
        g.started = true;
        match r {
            Ok(v) => {
                if g.finished {
                    Ok(GenResult::Returned(v))
                } else {
                    Ok(GenResult::Yielded(v))
                }
            }
            Err(e) => {
                g.finished = true;
                g.slots.clear();
                drop(g);
                Err(self.pep479(e, kind))
            }
        }
    }

    /// `for` over a generator in the dispatch loop: resume it as a frame of that same loop (no nested
    /// `run`, no Rust recursion), returning into `ret_slot`, the loop's next-item slot. A `yield` then
    /// continues the loop with the value, a `return` ends the loop, an exception unwinds into the loop's
    /// frame (see `yield_inline`, `return_inline` and `unwind`). False, with nothing changed, when the
    /// generator cannot start that way (not a plain generator ready to run, or the frame stack is
    /// full): the general path (`next`) then does what it should.
    pub(crate) fn gen_enter_inline(&mut self, gen: &ObjRef, ret_slot: usize, sent: Value) -> bool {
        let Object::Generator(cell) = &**gen else {
            return false;
        };
        let Ok(mut g) = cell.try_borrow_mut() else {
            return false;
        };
        if g.running
            || g.finished
            || g.kind != GenKind::Generator
            || (!g.started && !sent.is_none())
            || self.frames.len() >= self.recursion_limit
        {
            return false;
        }
        g.running = true;
        g.yielded = false;
        g.exc_base = self.exc_stack.len();
        if !g.exc_state.is_empty() {
            let saved = std::mem::take(&mut g.exc_state);
            self.exc_stack.extend(saved);
        }
        let base = ret_slot + 1;
        self.ensure_stack(base + g.code.frame_size() + 2);
        let n = g.slots.len();
        slots_to_stack(&mut g.slots, &mut self.stack[base..base + n]);
        let mut sp = base + n;
        if g.started {
            // The value of the `yield` expression.
            self.stack[sp] = sent;
            sp += 1;
        }
        let frame = Frame {
            code: g.code.clone(),
            func: g.func.clone(),
            globals: g.globals.clone(),
            locals: None,
            pc: g.pc,
            base,
            sp,
            ret_slot,
            gen: Some(gen.clone()),
        };
        drop(g);
        self.push_frame_record(frame);
        true
    }

    /// `gen.send(v)` by `CallMethod` (`(send, gen, v)` at `stack[fidx..]`, the top frame's record
    /// saved): resume the generator as a frame of the same dispatch loop, its value going to `fidx`.
    /// False, with nothing changed, when this is not such a call or the generator cannot start so.
    pub(crate) fn send_inline(&mut self, fidx: usize) -> bool {
        let (Value::Obj(m), Value::Obj(gen)) = (&self.stack[fidx], &self.stack[fidx + 1]) else {
            return false;
        };
        let (Object::Builtin(b), Object::Generator(cell)) = (&**m, &**gen) else {
            return false;
        };
        if b.bound.is_some() || b.f as usize != gen_send_method as *const () as usize {
            return false;
        }
        let sent_none = self.stack[fidx + 2].is_none();
        // What `gen_enter_inline` requires, checked before anything changes.
        let ready = cell.try_borrow().is_ok_and(|g| {
            !g.running && !g.finished && g.kind == GenKind::Generator && (g.started || sent_none)
        });
        if !ready || self.frames.len() >= self.recursion_limit {
            return false;
        }
        let gen = gen.clone();
        let sent = std::mem::take(&mut self.stack[fidx + 2]);
        self.stack[fidx] = Value::Undef;
        self.stack[fidx + 1] = Value::Undef;
        if let Some(caller) = self.frames.last_mut() {
            caller.sp = fidx;
        }
        self.gen_enter_inline(&gen, fidx, sent)
    }

    /// `next(gen)` by `Call` (`(next, gen)` at `stack[fidx..]`, the top frame's record saved): as
    /// `send_inline` with None, which is what `next` does with a generator.
    pub(crate) fn next_inline(&mut self, fidx: usize) -> bool {
        let Value::Obj(gen) = &self.stack[fidx + 1] else {
            return false;
        };
        let Object::Generator(cell) = &**gen else {
            return false;
        };
        // What `gen_enter_inline` requires, checked before anything changes.
        let ready = cell
            .try_borrow()
            .is_ok_and(|g| !g.running && !g.finished && g.kind == GenKind::Generator);
        if !ready || self.frames.len() >= self.recursion_limit {
            return false;
        }
        let gen = gen.clone();
        self.stack[fidx] = Value::Undef;
        self.stack[fidx + 1] = Value::Undef;
        if let Some(caller) = self.frames.last_mut() {
            caller.sp = fidx;
        }
        self.gen_enter_inline(&gen, fidx, Value::None)
    }

    /// A generator frame entered by `gen_enter_inline` (not the entry frame of its dispatch loop)
    /// returned `v`: the generator is finished. A `for` loop that resumed it ends (the caller's record
    /// is left at the loop's exit); a `send` that resumed it raises StopIteration(v) at the call (left
    /// pending for the caller's frame). Pops the frame (already saved).
    pub(crate) fn return_inline(&mut self, v: Value) {
        let f = self.frames.pop().expect("generator frame");
        if let Some(gen) = &f.gen {
            self.finish_generator(gen);
            self.leave_inline(gen);
        }
        let end = f.sp.max(f.base);
        let caller = self.frames.last().expect("caller");
        let ins = caller.code.instrs[caller.pc - 1];
        if ins.op() == Op::ForIter {
            // The frame's slots, then the loop's three (the generator and two state slots).
            for s in &mut self.stack[f.ret_slot - 3..end] {
                *s = Value::Undef;
            }
            let caller = self.frames.last_mut().expect("caller");
            caller.pc = ins.arg() as usize;
            caller.sp = f.ret_slot - 3;
        } else {
            for s in &mut self.stack[f.ret_slot..end] {
                *s = Value::Undef;
            }
            self.frames.last_mut().expect("caller").sp = f.ret_slot;
            let gen = f.gen.clone().map(Value::Obj).unwrap_or(Value::None);
            let e = self.returned_err(&gen, v);
            self.pending_throw = Some(e);
        }
    }

    /// A generator that ran as an inline frame stopped (returned or raised): not running, and the
    /// exceptions its frame was handling are no longer being handled.
    pub(crate) fn leave_inline(&mut self, gen: &ObjRef) {
        if let Object::Generator(cell) = &**gen {
            let mut g = cell.borrow_mut();
            g.running = false;
            g.started = true;
            let base = g.exc_base;
            drop(g);
            self.exc_stack.truncate(base);
        }
    }

    /// PEP 479: StopIteration (and StopAsyncIteration in an async generator) escaping a generator's
    /// frame becomes a RuntimeError whose cause it is.
    pub(crate) fn pep479(&mut self, mut e: PyErr, kind: GenKind) -> PyErr {
        // PEP 479: StopIteration (and StopAsyncIteration in an async generator) escaping the
        // frame becomes a RuntimeError.
        let which = if self.err_matches(&e, ExcKind::StopIteration) {
            Some("StopIteration")
        } else if kind == GenKind::AsyncGenerator
            && self.err_matches(&e, ExcKind::StopAsyncIteration)
        {
            Some("StopAsyncIteration")
        } else {
            None
        };
        if let Some(which) = which {
            let cause = self.materialize(&mut e);
            let re = self.new_exception(
                self.exc_type(ExcKind::RuntimeError).clone(),
                vec![Value::from_string(format!(
                    "{} raised {}",
                    kind.noun(),
                    which
                ))],
            );
            if let Some(Object::Exception(x)) = re.as_obj() {
                *x.cause.borrow_mut() = Value::Obj(cause);
                x.suppress_context.set(true);
            }
            if let Value::Obj(o) = re {
                return PyErr::from_obj(o);
            }
        }
        e
    }

    /// `YieldValue` in a generator frame: save the frame into its generator and pop it. `yielded`: an
    /// async generator's `yield` (not an `await` passing a value through).
    pub(crate) fn suspend_generator(&mut self, pc: usize, sp: usize, yielded: bool) {
        let f = self.frames.pop().expect("generator frame");
        let Some(gen) = &f.gen else { return };
        if let Object::Generator(cell) = &**gen {
            let mut g = cell.borrow_mut();
            g.pc = pc;
            g.yielded = yielded;
            // (`gen_resume` sets these too; a frame entered by `gen_enter_inline` has only this.)
            g.running = false;
            g.started = true;
            let base = g.exc_base.min(self.exc_stack.len());
            if base < self.exc_stack.len() {
                g.exc_state = self.exc_stack.drain(base..).collect();
            }
            // Into the buffer the last resume emptied.
            stack_to_slots(&mut self.stack[f.base..sp], &mut g.slots);
        }
        self.stack[f.ret_slot] = Value::Undef;
    }

    /// A generator frame returned: the generator is finished.
    pub(crate) fn finish_generator(&mut self, gen: &ObjRef) {
        if let Object::Generator(cell) = &**gen {
            let mut g = cell.borrow_mut();
            g.finished = true;
            g.slots.clear();
        }
    }

    /// The iterator a suspended generator delegates to (`yield from`, `await`), if any.
    pub(crate) fn gen_yf(&self, gen: &Value) -> Option<Value> {
        let g = gen_cell(gen)?.try_borrow().ok()?;
        if !g.started || g.finished || g.running || g.pc < 2 {
            return None;
        }
        if g.code.instrs.get(g.pc - 2).map(|i| i.op()) == Some(Op::Send) {
            g.slots.last().cloned()
        } else {
            None
        }
    }

    fn set_running(&self, gen: &Value, running: bool) {
        if let Some(c) = gen_cell(gen) {
            c.borrow_mut().running = running;
        }
    }

    /// Raise `err` in `gen` at its suspension point, first forwarding it to the iterator it delegates to
    /// (CPython's `_gen_throw`). `close_on_genexit`: a GeneratorExit closes the sub-iterator instead (not
    /// for async generators' `athrow`/`aclose`, which must be able to await).
    pub(crate) fn gen_throw(
        &mut self,
        gen: &Value,
        mut err: PyErr,
        close_on_genexit: bool,
    ) -> PyResult<GenResult> {
        let Some(yf) = self.gen_yf(gen) else {
            return self.gen_resume(gen, Value::None, Some(err));
        };
        if close_on_genexit && self.err_matches(&err, ExcKind::GeneratorExit) {
            self.set_running(gen, true);
            let r = self.close_iter(&yf);
            self.set_running(gen, false);
            let e = match r {
                Err(e) => e,
                Ok(()) => err,
            };
            return self.gen_resume(gen, Value::None, Some(e));
        }
        self.set_running(gen, true);
        let r = if gen_cell(&yf).is_some() {
            self.gen_throw(&yf, err, close_on_genexit)
        } else {
            let name = self.strs.get("throw");
            let meth = match self.getattr(&yf, &name) {
                Ok(m) => m,
                Err(e) if self.err_matches(&e, ExcKind::AttributeError) => {
                    self.set_running(gen, false);
                    return self.gen_resume(gen, Value::None, Some(err));
                }
                Err(e) => {
                    self.set_running(gen, false);
                    return Err(e);
                }
            };
            let exc = Value::Obj(self.materialize(&mut err));
            match self.call(&meth, &[exc]) {
                Ok(v) => Ok(GenResult::Yielded(v)),
                Err(e) => self.stop_iteration_value(e).map(GenResult::Returned),
            }
        };
        self.set_running(gen, false);
        match r {
            Ok(GenResult::Yielded(v)) => Ok(GenResult::Yielded(v)),
            Ok(GenResult::Returned(v)) => {
                // The sub-iterator finished: continue after the delegation loop with its value.
                if let Some(cell) = gen_cell(gen) {
                    let mut g = cell.borrow_mut();
                    g.slots.pop();
                    let send = g.code.instrs[g.pc - 2];
                    g.pc = send.arg() as usize;
                }
                self.gen_resume(gen, v, None)
            }
            Err(e) => self.gen_resume(gen, Value::None, Some(e)),
        }
    }

    /// The value of a StopIteration error (Ok), or the error itself (Err) if it is something else.
    pub(crate) fn stop_iteration_value(&mut self, mut e: PyErr) -> PyResult<Value> {
        if !self.err_matches(&e, ExcKind::StopIteration) {
            return Err(e);
        }
        if let ErrValue::Lazy(_, v) = &e.0.value {
            return Ok(match v {
                Value::Undef => Value::None,
                v => v.clone(),
            });
        }
        let o = self.materialize(&mut e);
        if let Object::Exception(x) = &*o {
            if let Some(Object::Tuple(t)) = x.args.borrow().as_obj() {
                return Ok(t.first().cloned().unwrap_or(Value::None));
            }
        }
        Ok(Value::None)
    }

    /// Close the iterator a generator delegates to: a generator's `close()`, or the object's `close`
    /// method if it has one.
    fn close_iter(&mut self, yf: &Value) -> PyResult<()> {
        if gen_cell(yf).is_some() {
            return self.gen_close(yf).map(|_| ());
        }
        let name = self.strs.get("close");
        match self.getattr(yf, &name) {
            Ok(m) => self.call(&m, &[]).map(|_| ()),
            Err(e) if self.err_matches(&e, ExcKind::AttributeError) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// One step of delegation (the `Send` instruction): send `sent` into the iterator `it`.
    pub(crate) fn iter_send(&mut self, it: &Value, sent: Value) -> PyResult<GenResult> {
        if gen_cell(it).is_some() {
            return self.gen_resume(it, sent, None);
        }
        let r = if sent.is_none() {
            if !self.is_user_instance(it) {
                return Ok(match self.next(it)? {
                    Some(v) => GenResult::Yielded(v),
                    None => GenResult::Returned(Value::None),
                });
            }
            match self.call_dunder(it, "__next__", &[]) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => {
                    return Err(type_error(format!(
                        "'{}' object is not an iterator",
                        self.type_name(it)
                    )))
                }
                Err(e) => Err(e),
            }
        } else {
            let name = self.strs.get("send");
            match self.getattr(it, &name) {
                Ok(m) => self.call(&m, &[sent]),
                Err(e) => Err(e),
            }
        };
        match r {
            Ok(v) => Ok(GenResult::Yielded(v)),
            Err(e) => self.stop_iteration_value(e).map(GenResult::Returned),
        }
    }

    /// next() on a generator: Some(value) or None when it returns.
    pub fn gen_next(&mut self, gen: &Value) -> PyResult<Option<Value>> {
        if let Some(k) = gen_kind(gen) {
            if k != GenKind::Generator {
                return Err(type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(gen)
                )));
            }
        }
        match self.gen_resume(gen, Value::None, None)? {
            GenResult::Yielded(v) => Ok(Some(v)),
            GenResult::Returned(_) => Ok(None),
        }
    }

    /// The exception for a generator's or coroutine's return: StopIteration(value), or
    /// StopAsyncIteration for an async generator.
    pub(crate) fn returned_err(&mut self, gen: &Value, v: Value) -> PyErr {
        if gen_kind(gen) == Some(GenKind::AsyncGenerator) {
            return PyErr::bare(ExcKind::StopAsyncIteration);
        }
        let args = if v.is_none() { vec![] } else { vec![v] };
        let e = self.new_exception(self.exc_type(ExcKind::StopIteration).clone(), args);
        match e {
            Value::Obj(o) => PyErr::from_obj(o),
            _ => PyErr::bare(ExcKind::StopIteration),
        }
    }

    /// `gen.send(v)`: the next yielded value, or StopIteration(return value).
    pub fn gen_send(&mut self, gen: &Value, sent: Value) -> PyResult<Value> {
        match self.gen_resume(gen, sent, None)? {
            GenResult::Yielded(v) => Ok(v),
            GenResult::Returned(v) => Err(self.returned_err(gen, v)),
        }
    }

    /// `gen.throw(e)`: the next yielded value, or StopIteration(return value).
    pub fn gen_throw_method(&mut self, gen: &Value, err: PyErr) -> PyResult<Value> {
        match self.gen_throw(gen, err, true)? {
            GenResult::Yielded(v) => Ok(v),
            GenResult::Returned(v) => Err(self.returned_err(gen, v)),
        }
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, gen: &Value) -> PyResult<Value> {
        let (finished, kind) = match gen_cell(gen) {
            Some(c) => {
                let g = c.borrow();
                (g.finished || !g.started, g.kind)
            }
            None => (true, GenKind::Generator),
        };
        if finished {
            if let Some(c) = gen_cell(gen) {
                let mut g = c.borrow_mut();
                g.finished = true;
                g.slots.clear();
            }
            return Ok(Value::None);
        }
        let mut err = PyErr::bare(ExcKind::GeneratorExit);
        if let Some(yf) = self.gen_yf(gen) {
            self.set_running(gen, true);
            let r = self.close_iter(&yf);
            self.set_running(gen, false);
            if let Err(e) = r {
                err = e;
            }
        }
        match self.gen_resume(gen, Value::None, Some(err)) {
            Ok(GenResult::Yielded(_)) => Err(PyErr::new(
                ExcKind::RuntimeError,
                format!("{} ignored GeneratorExit", kind.noun()),
            )),
            Ok(GenResult::Returned(_)) => Ok(Value::None),
            Err(e) => {
                if self.err_matches(&e, ExcKind::GeneratorExit)
                    || self.err_matches(&e, ExcKind::StopIteration)
                {
                    Ok(Value::None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// The exception to throw from `gen.throw(type_or_value[, value])`.
    pub(crate) fn throw_arg(&mut self, args: &[Value]) -> PyResult<PyErr> {
        let exc = args.get(1).cloned().unwrap_or(Value::None);
        let e = match (exc.as_obj(), args.get(2)) {
            (Some(Object::Type(_)), Some(v)) if !v.is_none() => {
                self.call(&exc, std::slice::from_ref(v))?
            }
            _ => exc,
        };
        self.make_raise(e, None)
    }
}

/// `send`, `throw`, `close` on a generator-like type (generator, coroutine).
/// `generator.send` (a named function: the dispatch loop recognises it to resume the generator in
/// place, see `Vm::send_inline`).
pub(crate) fn gen_send_method(
    vm: &mut Vm,
    args: &[Value],
    _kw: &crate::object::KwArgs,
) -> PyResult<Value> {
    let v = args.get(1).cloned().unwrap_or(Value::None);
    vm.gen_send(&args[0], v)
}

fn install_gen_methods(t: &ObjRef) {
    crate::builtins::method(t, "send", gen_send_method);
    crate::builtins::method(t, "throw", |vm, args, _kw| {
        if args.len() < 2 {
            return Err(type_error("throw expected at least 1 argument, got 0"));
        }
        let e = vm.throw_arg(args)?;
        vm.gen_throw_method(&args[0], e)
    });
    crate::builtins::method(t, "close", |vm, args, _kw| vm.gen_close(&args[0]));
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.generator.clone();
    install_gen_methods(&t);
    crate::builtins::method(&t, "__next__", |vm, args, _kw| {
        match vm.gen_next(&args[0])? {
            Some(v) => Ok(v),
            None => Err(PyErr::bare(ExcKind::StopIteration)),
        }
    });
    crate::builtins::method(&t, "__iter__", |_vm, args, _kw| Ok(args[0].clone()));
    let c = vm.types.coroutine.clone();
    install_gen_methods(&c);
    super::coroutines::install(vm);
}
