//! Calls: binding arguments to parameters, pushing Python frames, and calling builtins.

use super::{Frame, Vm};
use crate::code::flags;
use crate::error::{type_error, PyResult};
use crate::object::{Function, KwArgs, ObjRef, Object, TypeKind};
use crate::value::Value;
use smallvec::SmallVec;
use std::cell::RefCell;
use std::rc::Rc;

pub type Args = SmallVec<[Value; 8]>;

pub(crate) enum CallOutcome {
    /// A Python frame was pushed; the dispatch loop continues in it.
    Pushed,
    /// The call completed (a builtin) with this result.
    Done(Value),
}

impl Vm {
    /// Call the callable at `stack[fidx]` with the `n` values at `stack[args_at..]`, the last
    /// `len(kwnames)` of which are keyword arguments. The result goes to `stack[fidx]`.
    pub(crate) fn call_from_stack(
        &mut self,
        fidx: usize,
        args_at: usize,
        n: usize,
        kwnames: Option<Value>,
    ) -> PyResult<CallOutcome> {
        if kwnames.is_none() {
            if let Value::Obj(o) = &self.stack[fidx] {
                match &**o {
                    Object::Function(_) => {
                        let func = o.clone();
                        if let Some(r) = self.call_in_place(&func, fidx, args_at, n) {
                            return r;
                        }
                    }
                    // A bound Python method: the receiver becomes the first argument in place
                    // (the arguments move up one slot), as CPython unpacks bound methods.
                    Object::BoundMethod(bm)
                        if matches!(bm.1.as_obj(), Some(Object::Function(_))) =>
                    {
                        let (recv, Value::Obj(func)) = (bm.0.clone(), bm.1.clone()) else {
                            unreachable!("matched above")
                        };
                        if Self::binds_in_place(&func, n + 1) {
                            self.ensure_stack(args_at + n + 2);
                            self.stack[args_at..args_at + n + 1].rotate_right(1);
                            self.stack[args_at] = recv;
                            self.stack[fidx] = Value::Obj(func.clone());
                            if let Some(fr) = self.frames.last_mut() {
                                fr.sp = args_at + n + 1;
                            }
                            if let Some(r) = self.call_in_place(&func, fidx, args_at, n + 1) {
                                return r;
                            }
                            unreachable!("binds_in_place was checked");
                        }
                    }
                    _ => {}
                }
            }
        }
        // Builtin functions and methods without keywords: arguments in a small inline buffer.
        if kwnames.is_none() {
            if let Value::Obj(o) = &self.stack[fidx] {
                if let Object::Builtin(b) = &**o {
                    if b.bound.is_none() && n <= 8 {
                        let f = b.f;
                        let unwrap = b.unwrap_self;
                        let mut args: Args = SmallVec::new();
                        for i in 0..n {
                            args.push(std::mem::replace(
                                &mut self.stack[args_at + i],
                                Value::Undef,
                            ));
                        }
                        if unwrap {
                            unwrap_self_arg(&mut args);
                        }
                        for i in fidx..args_at {
                            self.stack[i] = Value::Undef;
                        }
                        if let Some(fr) = self.frames.last_mut() {
                            fr.sp = fidx;
                        }
                        return f(self, &args, &Vec::new()).map(CallOutcome::Done);
                    }
                }
            }
        }
        // Classes (and other callables that take an argument slice) without keywords: arguments in
        // a small inline buffer, no vector.
        if kwnames.is_none() && n <= 8 {
            if let Value::Obj(o) = &self.stack[fidx] {
                if let Object::Type(_) = &**o {
                    let callable = std::mem::take(&mut self.stack[fidx]);
                    let mut args: Args = SmallVec::new();
                    for i in 0..n {
                        args.push(std::mem::take(&mut self.stack[args_at + i]));
                    }
                    for i in fidx..args_at {
                        self.stack[i] = Value::Undef;
                    }
                    if let Some(fr) = self.frames.last_mut() {
                        fr.sp = fidx;
                    }
                    return self
                        .call_native(&callable, &args, &Vec::new())
                        .map(CallOutcome::Done);
                }
            }
        }
        // General path: take the arguments off the stack.
        let callable = std::mem::replace(&mut self.stack[fidx], Value::Undef);
        let mut args: Vec<Value> = self.stack[args_at..args_at + n]
            .iter_mut()
            .map(std::mem::take)
            .collect();
        for i in fidx + 1..args_at {
            self.stack[i] = Value::Undef;
        }
        let mut kwargs: KwArgs = Vec::new();
        if let Some(names) = kwnames {
            if let Some(Object::Tuple(names)) = names.as_obj() {
                let k = names.len();
                let kwvals = args.split_off(args.len() - k);
                for (name, v) in names.iter().zip(kwvals) {
                    kwargs.push((Rc::from(name.as_str().unwrap_or("")), v));
                }
            }
        }
        if let Some(f) = self.frames.last_mut() {
            f.sp = fidx;
        }
        self.call_values(fidx, callable, args, kwargs)
    }

    /// Call with arguments as values; Python functions get a frame at `fidx + 1` (result to `fidx`).
    pub(crate) fn call_values(
        &mut self,
        fidx: usize,
        callable: Value,
        args: Vec<Value>,
        kwargs: KwArgs,
    ) -> PyResult<CallOutcome> {
        if let Value::Obj(o) = &callable {
            match &**o {
                Object::Function(_) => {
                    return Ok(
                        match self.push_function_frame(o.clone(), fidx, args, kwargs)? {
                            Some(gen) => CallOutcome::Done(gen),
                            None => CallOutcome::Pushed,
                        },
                    );
                }
                Object::BoundMethod(bm) => {
                    let (recv, func) = (bm.0.clone(), bm.1.clone());
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(recv);
                    full.extend(args);
                    return self.call_values(fidx, func, full, kwargs);
                }
                _ => {}
            }
        }
        let v = self.call_native(&callable, &args, &kwargs)?;
        Ok(CallOutcome::Done(v))
    }

    /// `f(*args, **kwargs)` from the dispatch loop.
    pub(crate) fn call_ex(
        &mut self,
        f: Value,
        args: Value,
        kwargs: Option<Value>,
    ) -> PyResult<Value> {
        let args = self.collect(args)?;
        let mut kw: KwArgs = Vec::new();
        if let Some(d) = kwargs {
            if let Some(Object::Dict(d)) = d.as_obj() {
                for e in d.borrow().iter() {
                    match e.key.as_str() {
                        Some(s) => kw.push((Rc::from(s), e.value.clone())),
                        None => return Err(type_error("keywords must be strings")),
                    }
                }
            }
        }
        self.call_kw(&f, &args, &kw)
    }

    /// Call any callable from native code (re-enters the dispatch loop for Python functions).
    pub fn call(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_kw(callable, args, &Vec::new())
    }

    /// `type.__call__(cls, *args, **kw)`: what calling a class does without a metaclass override.
    pub fn call_type(&mut self, o: &ObjRef, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
        let callable = Value::Obj(o.clone());
        let Object::Type(t) = &**o else {
            return Err(type_error("call_type: not a type"));
        };
        // Python classes (and the builtin exception classes): the __new__/__init__ protocol.
        if t.ctor.get().is_none()
            && (t.kind == TypeKind::Exception || crate::vm::classes::is_user_class(o))
        {
            return self.instantiate(o, args, kwargs);
        }
        if let Some(ctor) = t.ctor.get() {
            let mut full: Args = SmallVec::with_capacity(args.len() + 1);
            full.push(callable.clone());
            full.extend(args.iter().cloned());
            return ctor(self, &full, kwargs);
        }
        if t.kind == TypeKind::Exception {
            if !kwargs.is_empty() {
                return Err(type_error(format!(
                    "{}() takes no keyword arguments",
                    t.name
                )));
            }
            return Ok(self.new_exception(o.clone(), args.to_vec()));
        }
        Err(type_error(format!("cannot create '{}' instances", t.name)))
    }

    pub fn call_kw(
        &mut self,
        callable: &Value,
        args: &[Value],
        kwargs: &KwArgs,
    ) -> PyResult<Value> {
        if let Value::Obj(o) = callable {
            match &**o {
                Object::Function(_) => {
                    self.check_python_allowed()?;
                    if crate::gc::pending() && crate::weakref::callbacks_due() {
                        // Python code called from native code (a property getter, `__eq__`...):
                        // weak reference callbacks that became due first, as CPython would have run
                        // them already.
                        self.run_weakref_callbacks();
                    }
                    let fidx = self.stack_top();
                    self.ensure_stack(fidx + 2 + args.len());
                    let depth = self.frames.len();
                    if kwargs.is_empty() && Self::binds_in_place(o, args.len()) {
                        // Positional only (dunders, `__init__`, sort keys, `map`...): the arguments
                        // go straight to where the callee's locals are, bound there.
                        let base = fidx + 1;
                        for (slot, a) in self.stack[base..base + args.len()].iter_mut().zip(args) {
                            *slot = a.clone();
                        }
                        match self.call_in_place(o, fidx, base, args.len()) {
                            Some(Ok(CallOutcome::Done(gen))) => return Ok(gen),
                            Some(Ok(CallOutcome::Pushed)) => {}
                            Some(Err(e)) => {
                                // The frame was not pushed: release what binding put above the top.
                                let end = self
                                    .stack
                                    .len()
                                    .min(base + args.len() + 1 + self.code_slots(o));
                                for slot in &mut self.stack[fidx..end] {
                                    *slot = Value::Undef;
                                }
                                return Err(e);
                            }
                            None => unreachable!("binds_in_place was checked"),
                        }
                    } else if let Some(gen) =
                        self.push_function_frame(o.clone(), fidx, args.to_vec(), kwargs.clone())?
                    {
                        return Ok(gen);
                    }
                    self.enter_native().inspect_err(|_| {
                        self.pop_frame_for_unwind();
                    })?;
                    let r = self.run(depth);
                    self.leave_native();
                    return r;
                }
                Object::BoundMethod(bm) => {
                    let (recv, func) = (bm.0.clone(), bm.1.clone());
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(recv);
                    full.extend(args.iter().cloned());
                    return self.call_kw(&func, &full, kwargs);
                }
                _ => {}
            }
        }
        self.call_native(callable, args, kwargs)
    }

    /// Builtins, types and other non-Python callables.
    pub(crate) fn call_native(
        &mut self,
        callable: &Value,
        args: &[Value],
        kwargs: &KwArgs,
    ) -> PyResult<Value> {
        if let Value::Obj(o) = callable {
            match &**o {
                Object::Builtin(b) => {
                    return match &b.bound {
                        Some(recv) => {
                            let mut full: Args = SmallVec::with_capacity(args.len() + 1);
                            full.push(recv.clone());
                            full.extend(args.iter().cloned());
                            (b.f)(self, &full, kwargs)
                        }
                        None if b.unwrap_self && args.first().and_then(Vm::base_of).is_some() => {
                            let mut full: Args = args.iter().cloned().collect();
                            unwrap_self_arg(&mut full);
                            (b.f)(self, &full, kwargs)
                        }
                        None => (b.f)(self, args, kwargs),
                    };
                }
                Object::Type(_) => {
                    // A metaclass's own `__call__` (a Python function) replaces type.__call__.
                    if let Some(meta) = crate::vm::classes::user_meta(o) {
                        let meta = meta.clone();
                        if let Some(f) = self.type_lookup(&meta, &self.strs.get("__call__")) {
                            if matches!(f.as_obj(), Some(Object::Function(_))) {
                                let mut full: Args = SmallVec::with_capacity(args.len() + 1);
                                full.push(callable.clone());
                                full.extend(args.iter().cloned());
                                return self.call_kw(&f, &full, kwargs);
                            }
                        }
                    }
                    return self.call_type(o, args, kwargs);
                }
                _ => {}
            }
        }
        if let Some(Object::Native(n)) = callable.as_obj() {
            if let Some(f) = self.type_lookup(&n.cls.clone(), &self.strs.get("__call__")) {
                if let Some(Object::Builtin(b)) = f.as_obj() {
                    let mut full: Args = SmallVec::with_capacity(args.len() + 1);
                    full.push(callable.clone());
                    full.extend(args.iter().cloned());
                    return (b.f)(self, &full, kwargs);
                }
            }
        }
        if let Some(Object::Instance(_) | Object::Native(_)) = callable.as_obj() {
            if let Some(r) = self.call_dunder_kw(callable, "__call__", args, kwargs)? {
                return Ok(r);
            }
        }
        Err(type_error(format!(
            "'{}' object is not callable",
            self.type_name(callable)
        )))
    }

    /// Can a call of `func` (a Python function) with `n` positional arguments and no keywords bind
    /// where the arguments already are? Everything but keyword-only parameters and `**kwargs`:
    /// defaults, a `*args` tuple, cells and free variables, generators.
    #[inline]
    pub(crate) fn binds_in_place(func: &ObjRef, n: usize) -> bool {
        let Object::Function(f) = &**func else {
            return false;
        };
        let code = &f.code;
        let argc = code.argcount as usize;
        code.flags & flags::VARKEYWORDS == 0
            && code.kwonlyargcount == 0
            && n + f.defaults.len() >= argc
            && (n <= argc || code.flags & flags::VARARGS != 0)
    }

    /// Locals and cells of a Python function's frame (0 for anything else).
    fn code_slots(&self, func: &ObjRef) -> usize {
        match &**func {
            Object::Function(f) => f.code.nlocals() + f.code.ncells(),
            _ => 0,
        }
    }

    /// Call `func` (a Python function at `stack[fidx]`) with the `n` positional arguments at
    /// `stack[base..]`, which is where its first locals go, binding them there (see `binds_in_place`;
    /// None, with nothing changed, when the call does not qualify). A generator function returns its
    /// generator (`Done`); anything else pushes its frame.
    pub(crate) fn call_in_place(
        &mut self,
        func: &ObjRef,
        fidx: usize,
        base: usize,
        n: usize,
    ) -> Option<PyResult<CallOutcome>> {
        if !Self::binds_in_place(func, n) {
            return None;
        }
        let Object::Function(f) = &**func else {
            return None;
        };
        let code = &f.code;
        let argc = code.argcount as usize;
        let nloc = code.nlocals();
        self.ensure_stack(base + code.frame_size() + 1);
        let mut next = argc;
        if code.flags & flags::VARARGS != 0 {
            let extra: Vec<Value> = if n > argc {
                self.stack[base + argc..base + n]
                    .iter_mut()
                    .map(std::mem::take)
                    .collect()
            } else {
                Vec::new()
            };
            self.stack[base + argc] = Value::obj(Object::Tuple(extra));
            next = argc + 1;
        }
        if n < argc {
            let first_default = argc - f.defaults.len();
            for i in n..argc {
                self.stack[base + i] = f.defaults[i - first_default].clone();
            }
        }
        for i in next..nloc {
            self.stack[base + i] = Value::Undef;
        }
        // Cells: captured parameters move in; then the closure's free variables.
        for (i, arg) in code.cell2arg.iter().enumerate() {
            let init = match arg {
                Some(a) => std::mem::take(&mut self.stack[base + *a as usize]),
                None => Value::Undef,
            };
            self.stack[base + nloc + i] = Value::obj(Object::Cell(RefCell::new(init)));
        }
        let nfree_at = base + nloc + code.cellvars.len();
        for (j, cell) in f.closure.iter().enumerate() {
            self.stack[nfree_at + j] = Value::Obj(cell.clone());
        }
        if code.flags & (flags::GENERATOR | flags::COROUTINE) != 0 {
            let gen = self.make_generator(func, base);
            for i in fidx..base {
                self.stack[i] = Value::Undef;
            }
            return Some(Ok(CallOutcome::Done(gen)));
        }
        let frame = Frame {
            code: code.clone(),
            func: Some(func.clone()),
            globals: f.globals.clone(),
            locals: None,
            pc: 0,
            base,
            sp: base + nloc + code.ncells(),
            ret_slot: fidx,
            gen: None,
        };
        Some(self.push_frame(frame).map(|()| CallOutcome::Pushed))
    }

    /// Bind arguments and push a frame for a Python function; `fidx` receives the result.
    /// For a generator function, returns the generator instead of pushing a frame.
    fn push_function_frame(
        &mut self,
        func: ObjRef,
        fidx: usize,
        args: Vec<Value>,
        kwargs: KwArgs,
    ) -> PyResult<Option<Value>> {
        let Object::Function(f) = &*func else {
            unreachable!("push_function_frame on a non-function")
        };
        let code = f.code.clone();
        let base = fidx + 1;
        self.ensure_stack(base + code.frame_size() + 1);
        let nslots = code.nlocals() + code.ncells();
        for i in 0..nslots {
            self.stack[base + i] = Value::Undef;
        }
        self.bind_args(f, base, args, kwargs)?;
        // Cells: captured locals (arguments moved in) and the closure's free variables.
        let nloc = code.nlocals();
        for (i, arg) in code.cell2arg.iter().enumerate() {
            let init = match arg {
                Some(a) => std::mem::replace(&mut self.stack[base + *a as usize], Value::Undef),
                None => Value::Undef,
            };
            self.stack[base + nloc + i] = Value::obj(Object::Cell(RefCell::new(init)));
        }
        for (j, cell) in f.closure.iter().enumerate() {
            self.stack[base + nloc + code.cellvars.len() + j] = Value::Obj(cell.clone());
        }
        if code.flags & (flags::GENERATOR | flags::COROUTINE) != 0 {
            return Ok(Some(self.make_generator(&func, base)));
        }
        let globals = f.globals.clone();
        let sp = base + nslots;
        if let Some(fr) = self.frames.last_mut() {
            if fr.sp < base {
                fr.sp = base;
            }
        }
        self.push_frame(Frame {
            code,
            func: Some(func.clone()),
            globals,
            locals: None,
            pc: 0,
            base,
            sp,
            ret_slot: fidx,
            gen: None,
        })?;
        Ok(None)
    }

    /// CPython's argument binding rules and error messages.
    fn bind_args(
        &mut self,
        f: &Function,
        base: usize,
        args: Vec<Value>,
        kwargs: KwArgs,
    ) -> PyResult<()> {
        let code = &f.code;
        let fname = f.qualname.borrow().clone();
        let argc = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let nargs = args.len();
        let mut extra = Vec::new();
        for (i, a) in args.into_iter().enumerate() {
            if i < argc {
                self.stack[base + i] = a;
            } else {
                extra.push(a);
            }
        }
        if !extra.is_empty() && !has_varargs {
            let ndef = f.defaults.len();
            let given_kw = kwargs
                .iter()
                .filter(|(k, _)| code.varnames[argc..argc + kwonly].iter().any(|v| v == k))
                .count();
            let takes = if ndef > 0 {
                format!("from {} to {} positional arguments", argc - ndef, argc)
            } else {
                format!(
                    "{} positional argument{}",
                    argc,
                    if argc == 1 { "" } else { "s" }
                )
            };
            let given = if given_kw > 0 {
                format!(
                    "{} positional argument{} (and {} keyword-only argument{}) were given",
                    nargs,
                    if nargs == 1 { "" } else { "s" },
                    given_kw,
                    if given_kw == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{} {} given",
                    nargs,
                    if nargs == 1 { "was" } else { "were" }
                )
            };
            return Err(type_error(format!(
                "{}() takes {} but {}",
                fname, takes, given
            )));
        }
        let varargs_slot = argc + kwonly;
        let varkw_slot = varargs_slot + has_varargs as usize;
        if has_varargs {
            self.stack[base + varargs_slot] = Value::obj(Object::Tuple(extra));
        }
        let kwdict = if has_varkw {
            Some(Value::obj(Object::Dict(Default::default())))
        } else {
            None
        };
        let posonly = code.posonlyargcount as usize;
        let mut posonly_as_kw = Vec::new();
        for (k, v) in kwargs {
            let pos = code.varnames[..argc + kwonly]
                .iter()
                .position(|n| **n == *k);
            match pos {
                Some(p) if p >= posonly => {
                    if !matches!(self.stack[base + p], Value::Undef) {
                        return Err(type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            fname, k
                        )));
                    }
                    self.stack[base + p] = v;
                }
                other => match &kwdict {
                    Some(d) => {
                        let key = Value::str(&k);
                        self.dict_set(d, key, v)?;
                    }
                    None => {
                        if other.is_some() {
                            posonly_as_kw.push(k.to_string());
                        } else {
                            return Err(type_error(format!(
                                "{}() got an unexpected keyword argument '{}'",
                                fname, k
                            )));
                        }
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                fname,
                posonly_as_kw.join(", ")
            )));
        }
        if let Some(d) = kwdict {
            self.stack[base + varkw_slot] = d;
        }
        // Defaults for missing positional parameters.
        let ndef = f.defaults.len();
        let first_default = argc - ndef.min(argc);
        let mut missing = Vec::new();
        for i in 0..argc {
            if matches!(self.stack[base + i], Value::Undef) {
                if i >= first_default {
                    self.stack[base + i] = f.defaults[i - first_default].clone();
                } else {
                    missing.push(code.varnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                fname,
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        let mut missing_kw = Vec::new();
        for i in argc..argc + kwonly {
            if matches!(self.stack[base + i], Value::Undef) {
                let name = &code.varnames[i];
                let dflt = match &f.kwdefaults {
                    Some(d) => self.dict_get_str(d, &Value::str(name))?,
                    None => None,
                };
                match dflt {
                    Some(v) => self.stack[base + i] = v,
                    None => missing_kw.push(name.to_string()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                fname,
                missing_kw.len(),
                if missing_kw.len() == 1 { "" } else { "s" },
                name_list(&missing_kw)
            )));
        }
        Ok(())
    }

    /// `__annotations__` of a function: a dict in the function's attribute dict (created empty on first
    /// access when the definition had none, as in CPython).
    pub(crate) fn function_annotations(&mut self, f: &crate::object::Function) -> PyResult<Value> {
        let d = f
            .dict
            .borrow_mut()
            .get_or_insert_with(|| Rc::new(Object::Dict(Default::default())))
            .clone();
        let key = self.strs.get("__annotations__");
        if let Some(v) = self.dict_get_str(&d, &key)? {
            return Ok(v);
        }
        let v = Value::obj(Object::Dict(Default::default()));
        self.dict_set_str(&d, &key, v.clone())?;
        Ok(v)
    }

    pub fn make_function(
        &mut self,
        codev: Value,
        globals: ObjRef,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        closure: Option<Value>,
    ) -> Value {
        let Some(Object::Code(code)) = codev.as_obj() else {
            return Value::None;
        };
        let code = code.clone();
        let defaults = match defaults.as_ref().and_then(|d| d.as_obj()) {
            Some(Object::Tuple(t)) => t.clone(),
            _ => Vec::new(),
        };
        let closure: Vec<ObjRef> = match closure.as_ref().and_then(|d| d.as_obj()) {
            Some(Object::Tuple(t)) => t
                .iter()
                .filter_map(|v| match v {
                    Value::Obj(o) => Some(o.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let kwdefaults = match kwdefaults {
            Some(Value::Obj(o)) => Some(o),
            _ => None,
        };
        // The interned '__name__' carries its hash: no hashing per `def`.
        let module = match (
            &*globals,
            super::protocol::str_and_hash(&self.strs.dunder_name),
        ) {
            (Object::Dict(d), Some((k, h))) => d.borrow().get_str(k, h).cloned(),
            _ => None,
        }
        .unwrap_or(Value::None);
        let doc = code.doc.clone();
        Value::obj(Object::Function(Box::new(Function {
            name: RefCell::new(code.name.clone()),
            qualname: RefCell::new(code.qualname.clone()),
            code,
            globals,
            defaults,
            kwdefaults,
            closure,
            dict: RefCell::new(None),
            module,
            doc,
        })))
    }
}

/// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" as CPython lists missing arguments.
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// Store the annotations dict MakeFunction built (flag 4) on a new function.
pub(crate) fn set_annotations(f: &Value, annotations: Value) {
    if let Some(Object::Function(func)) = f.as_obj() {
        let d = func
            .dict
            .borrow_mut()
            .get_or_insert_with(|| Rc::new(Object::Dict(Default::default())))
            .clone();
        crate::builtins::set_in(&d, "__annotations__", annotations);
    }
}

/// `list.append(x, 1)` with `x` an instance of a list subclass: the method gets x's builtin base.
fn unwrap_self_arg(args: &mut Args) {
    if let Some(base) = args.first().and_then(Vm::base_of).cloned() {
        args[0] = base;
    }
}
