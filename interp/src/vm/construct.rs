//! Class calls in the dispatch loop. `C(args)` for a plain Python class (`Vm::simple_init`: no
//! metaclass, no `__new__` of its own, a Python `__init__`) allocates the instance and pushes
//! `__init__`'s frame in the caller's dispatch loop, as a plain call does, instead of re-entering the
//! interpreter (`call_type → instantiate → run_init → call_kw → run`).
//!
//! Such a frame is marked by its `gen` field holding the instance (an `Object::Instance`, never a
//! generator; `Frame::init_instance`): like a generator frame, it is not a plain frame, so its `return`
//! leaves the dispatch loop's fast path, and the JIT neither records nor performs a return from it
//! (`gen` is set, and the caller's saved sp is the result slot, as for `send_inline`). Its `return`
//! (exec.rs) checks that `__init__` returned None and leaves the instance, which waited in the result
//! slot, as the call's result. An exception leaving it releases the slot with the frame's.

use super::call::CallOutcome;
use super::Vm;
use crate::code::flags;
use crate::error::{ExcKind, PyErr};
use crate::object::{Instance, Object};
use crate::value::Value;

impl Vm {
    /// `Call`/`CallMethod` of a class at `stack[fidx]` with the `n` positional arguments at
    /// `stack[args_at..]` (`args_at` is `fidx + 1`, or `fidx + 2` above an empty slot), the top
    /// frame's record saved: when the class qualifies, push `__init__`'s frame with the new instance
    /// as `self` and return true. False, with nothing changed, otherwise (the generic path then runs
    /// the whole protocol, including its errors).
    pub(crate) fn init_inline(&mut self, fidx: usize, args_at: usize, n: usize) -> bool {
        let Value::Obj(cls) = &self.stack[fidx] else {
            return false;
        };
        if !matches!(&**cls, Object::Type(_)) {
            return false;
        }
        let Some(Value::Obj(init)) = self.cached_simple_init(cls) else {
            return false;
        };
        let Object::Function(f) = &*init else {
            return false;
        };
        // What `call_in_place` binds and pushes without failing: a generator `__init__` (a
        // TypeError after the call) and a call past the recursion limit take the generic path.
        if f.code.flags & (flags::GENERATOR | flags::COROUTINE) != 0
            || !Self::binds_in_place(&init, n + 1)
            || self.frames.len() >= self.recursion_limit
        {
            return false;
        }
        let obj = Value::obj(Object::Instance(Instance::new(cls.clone())));
        let Value::Obj(inst) = &obj else {
            unreachable!("just made")
        };
        let inst = inst.clone();
        let base = fidx + 1;
        if args_at == base {
            // Make room for `self`: the arguments move up one slot.
            self.ensure_stack(args_at + n + 2);
            for i in (args_at..args_at + n).rev() {
                self.stack.swap(i, i + 1);
            }
        }
        self.stack[base] = obj.clone();
        // The class's slot becomes the result slot, holding the instance until `__init__` returns.
        self.stack[fidx] = obj;
        if let Some(caller) = self.frames.last_mut() {
            caller.sp = fidx;
        }
        match self.call_in_place(&init, fidx, base, n + 1) {
            Some(Ok(CallOutcome::Pushed)) => {
                if let Some(fr) = self.frames.last_mut() {
                    fr.gen = Some(inst);
                }
                true
            }
            _ => unreachable!("init_inline checked what call_in_place needs"),
        }
    }

    /// `simple_init(cls)` through the class's cache (valid for one type epoch).
    #[inline]
    fn cached_simple_init(&self, cls: &crate::object::ObjRef) -> Option<Value> {
        let Object::Type(t) = &**cls else {
            return None;
        };
        let epoch = self.type_epoch.get();
        {
            let c = t.init_cache.borrow();
            if c.0 == epoch {
                return match &c.1 {
                    Value::Undef => None,
                    v => Some(v.clone()),
                };
            }
        }
        let plan = self.simple_init(cls);
        *t.init_cache.borrow_mut() = (epoch, plan.clone().unwrap_or(Value::Undef));
        plan
    }

    /// `ReturnValue` of `v` in the top frame, an `__init__` pushed by `init_inline` (its record
    /// saved, `sp` its stack top): pop it; the instance in the result slot is the call's result, or a
    /// TypeError is raised at the call when `v` is not None (left pending for the caller's frame,
    /// which is then the top one, as `return_inline` does).
    pub(crate) fn init_return(&mut self, v: Value, sp: usize) {
        let f = self.frames.pop().expect("init frame");
        let ret_slot = f.ret_slot;
        drop(f);
        for s in &mut self.stack[ret_slot + 1..sp] {
            *s = Value::Undef;
        }
        let caller = self.frames.last_mut().expect("caller");
        if v.is_none() {
            caller.sp = ret_slot + 1;
            return;
        }
        caller.sp = ret_slot;
        self.stack[ret_slot] = Value::Undef;
        self.pending_throw = Some(self.init_returned(&v));
    }

    #[cold]
    fn init_returned(&mut self, v: &Value) -> PyErr {
        PyErr::new(
            ExcKind::TypeError,
            format!("__init__() should return None, not '{}'", self.type_name(v)),
        )
    }
}

impl super::Frame {
    /// The instance whose `__init__` this frame runs, for a frame `init_inline` pushed.
    #[inline]
    pub(crate) fn init_instance(&self) -> Option<&crate::object::ObjRef> {
        self.gen
            .as_ref()
            .filter(|g| matches!(&***g, Object::Instance(_)))
    }
}
