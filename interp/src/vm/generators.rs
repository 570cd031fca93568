//! Generators: a generator owns the slots of its suspended frame. Resuming copies them back onto the
//! value stack above the resumer, pushes a frame at the saved pc and re-enters the dispatch loop;
//! `YieldValue` saves the frame's slots back into the generator and returns to the resumer. A generator
//! frame is always the entry frame of that nested `run`, so a yield never has to unwind other frames.

use super::{Frame, Vm};
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Object};
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

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
}

/// What resuming a generator produced.
pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

impl Vm {
    /// A generator object for a call of a generator function whose arguments are bound in
    /// `stack[base .. base + nlocals + ncells]` (the slots are moved out).
    pub(crate) fn make_generator(&mut self, func: &ObjRef, base: usize) -> Value {
        let Object::Function(f) = &**func else {
            return Value::None;
        };
        let code = f.code.clone();
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
        }))))
    }

    /// Resume `gen`, sending `sent` (or raising `throw` at the suspension point).
    pub fn gen_resume(
        &mut self,
        gen: &Value,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<GenResult> {
        let Some(Object::Generator(cell)) = gen.as_obj() else {
            return Err(type_error("not a generator"));
        };
        let (code, func, globals, pc, slots, started) = {
            let mut g = cell.borrow_mut();
            if g.running {
                return Err(value_error("generator already executing"));
            }
            if g.finished {
                return match throw {
                    Some(e) => Err(e),
                    None => Ok(GenResult::Returned(Value::None)),
                };
            }
            if !g.started && throw.is_none() && !sent.is_none() {
                return Err(type_error(
                    "can't send non-None value to a just-started generator",
                ));
            }
            g.running = true;
            (
                g.code.clone(),
                g.func.clone(),
                g.globals.clone(),
                g.pc,
                std::mem::take(&mut g.slots),
                g.started,
            )
        };
        let fidx = self.stack_top();
        let base = fidx + 1;
        self.ensure_stack(base + code.frame_size() + 2);
        let n = slots.len();
        for (i, v) in slots.into_iter().enumerate() {
            self.stack[base + i] = v;
        }
        let mut sp = base + n;
        if started && throw.is_none() {
            // The value of the `yield` expression.
            self.stack[sp] = sent;
            sp += 1;
        }
        let depth = self.frames.len();
        let Value::Obj(gen_ref) = gen else {
            unreachable!("checked above")
        };
        let frame = Frame {
            code,
            func,
            globals,
            locals: None,
            pc,
            base,
            sp,
            ret_slot: fidx,
            gen: Some(gen_ref.clone()),
        };
        if let Err(e) = self.push_frame(frame) {
            cell.borrow_mut().running = false;
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
                self.frames.pop();
                Err(e)
            }
        };
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
            Err(mut e) => {
                g.finished = true;
                g.slots.clear();
                drop(g);
                // PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
                if self.err_matches(&e, ExcKind::StopIteration) {
                    let cause = self.materialize(&mut e);
                    let re = self.new_exception(
                        self.exc_type(ExcKind::RuntimeError).clone(),
                        vec![Value::str("generator raised StopIteration")],
                    );
                    if let Some(Object::Exception(x)) = re.as_obj() {
                        *x.cause.borrow_mut() = Value::Obj(cause);
                        x.suppress_context.set(true);
                    }
                    if let Value::Obj(o) = re {
                        return Err(PyErr::from_obj(o));
                    }
                }
                Err(e)
            }
        }
    }

    /// `YieldValue` in a generator frame: save the frame into its generator and pop it.
    pub(crate) fn suspend_generator(&mut self, pc: usize, sp: usize) {
        let f = self.frames.pop().expect("generator frame");
        let Some(gen) = &f.gen else { return };
        if let Object::Generator(cell) = &**gen {
            let mut g = cell.borrow_mut();
            g.pc = pc;
            g.slots = self.stack[f.base..sp]
                .iter_mut()
                .map(|s| std::mem::replace(s, Value::Undef))
                .collect();
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

    /// next() on a generator: Some(value) or None when it returns.
    pub fn gen_next(&mut self, gen: &Value) -> PyResult<Option<Value>> {
        match self.gen_resume(gen, Value::None, None)? {
            GenResult::Yielded(v) => Ok(Some(v)),
            GenResult::Returned(_) => Ok(None),
        }
    }

    /// `gen.send(v)` / `gen.throw(e)`: the next yielded value, or StopIteration(return value).
    pub fn gen_send(&mut self, gen: &Value, sent: Value, throw: Option<PyErr>) -> PyResult<Value> {
        match self.gen_resume(gen, sent, throw)? {
            GenResult::Yielded(v) => Ok(v),
            GenResult::Returned(v) => {
                let args = if v.is_none() { vec![] } else { vec![v] };
                let e = self.new_exception(self.exc_type(ExcKind::StopIteration).clone(), args);
                match e {
                    Value::Obj(o) => Err(PyErr::from_obj(o)),
                    _ => Err(PyErr::bare(ExcKind::StopIteration)),
                }
            }
        }
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, gen: &Value) -> PyResult<Value> {
        let finished = match gen.as_obj() {
            Some(Object::Generator(c)) => {
                let g = c.borrow();
                g.finished || !g.started
            }
            _ => true,
        };
        if finished {
            if let Some(Object::Generator(c)) = gen.as_obj() {
                c.borrow_mut().finished = true;
            }
            return Ok(Value::None);
        }
        match self.gen_resume(gen, Value::None, Some(PyErr::bare(ExcKind::GeneratorExit))) {
            Ok(GenResult::Yielded(_)) => Err(PyErr::new(
                ExcKind::RuntimeError,
                "generator ignored GeneratorExit",
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

pub fn install(vm: &mut Vm) {
    let t = vm.types.generator.clone();
    crate::builtins::method(&t, "send", |vm, args, _kw| {
        let v = args.get(1).cloned().unwrap_or(Value::None);
        vm.gen_send(&args[0], v, None)
    });
    crate::builtins::method(&t, "throw", |vm, args, _kw| {
        if args.len() < 2 {
            return Err(type_error("throw expected at least 1 argument, got 0"));
        }
        let e = vm.throw_arg(args)?;
        vm.gen_send(&args[0], Value::None, Some(e))
    });
    crate::builtins::method(&t, "close", |vm, args, _kw| vm.gen_close(&args[0]));
    crate::builtins::method(&t, "__next__", |vm, args, _kw| {
        match vm.gen_next(&args[0])? {
            Some(v) => Ok(v),
            None => Err(PyErr::bare(ExcKind::StopIteration)),
        }
    });
    crate::builtins::method(&t, "__iter__", |_vm, args, _kw| Ok(args[0].clone()));
}
