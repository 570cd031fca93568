//! Coroutines and async generators (PEPs 492 and 525) on top of the generator machinery
//! (generators.rs): `await` is a delegation loop over the object `GetAwaitable` returns; `async for` and
//! `async with` are the awaits of `__anext__`, `__aenter__` and `__aexit__`.
//!
//! An async generator's `yield` suspends it with `GenState::yielded` set, which tells its driver — the
//! awaitable returned by `__anext__()`/`asend()` (or `athrow()`/`aclose()`) — that the value is for the
//! consumer (the awaitable finishes with StopIteration(value)) rather than a value an `await` inside the
//! generator passes through to the event loop. These awaitables and `coroutine.__await__()`'s wrapper
//! are native objects (`Object::Native`) whose methods are builtins in their types' dicts.

use super::generators::{gen_kind, GenKind, GenResult};
use super::Vm;
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::native::NativeData;
use crate::object::{ObjRef, Object};
use crate::value::Value;
use std::cell::{Cell, RefCell};

/// The state of an `asend`/`athrow` awaitable (CPython's AWAITABLE_STATE_*).
#[derive(Clone, Copy, PartialEq, Eq)]
enum AwaitState {
    Init,
    Iter,
    Closed,
}

/// `coroutine.__await__()`: an iterator driving the coroutine.
struct CoroWrapper {
    coro: Value,
}

/// `agen.__anext__()` / `agen.asend(v)`.
struct ASend {
    gen: Value,
    value: RefCell<Value>,
    state: Cell<AwaitState>,
}

/// `agen.athrow(...)`; `args` is None for `agen.aclose()`.
struct AThrow {
    gen: Value,
    args: Option<Vec<Value>>,
    state: Cell<AwaitState>,
}

impl NativeData for CoroWrapper {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) -> bool {
        f(&self.coro);
        true
    }
}

impl NativeData for ASend {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) -> bool {
        f(&self.gen);
        match self.value.try_borrow() {
            Ok(v) => {
                f(&v);
                true
            }
            Err(_) => false,
        }
    }
    fn clear(&self) {
        let old = self.value.replace(Value::None);
        drop(old);
    }
}

impl NativeData for AThrow {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) -> bool {
        f(&self.gen);
        self.args.iter().flatten().for_each(&mut *f);
        true
    }
}

fn native<T: NativeData>(v: &Value) -> Option<&T> {
    crate::native::payload::<T>(v)
}

fn with_gen<R>(gen: &Value, f: impl FnOnce(&mut super::generators::GenState) -> R) -> Option<R> {
    match gen.as_obj() {
        Some(Object::Generator(c)) => c.try_borrow_mut().ok().map(|mut g| f(&mut g)),
        _ => None,
    }
}

fn runtime_error(msg: &str) -> PyErr {
    PyErr::new(ExcKind::RuntimeError, msg)
}

impl Vm {
    fn new_native<T: NativeData>(&self, cls: &ObjRef, data: T) -> Value {
        crate::native::new_object(cls, data)
    }

    /// StopIteration carrying `v` (an awaitable finishing with a value).
    fn stop_iteration(&mut self, v: Value) -> PyErr {
        let args = if v.is_none() { vec![] } else { vec![v] };
        match self.new_exception(self.exc_type(ExcKind::StopIteration).clone(), args) {
            Value::Obj(o) => PyErr::from_obj(o),
            _ => PyErr::bare(ExcKind::StopIteration),
        }
    }

    /// Does `v`'s type implement `__next__` (CPython's PyIter_Check)?
    fn is_iterator(&self, v: &Value) -> bool {
        match v.as_obj() {
            Some(Object::Iter(_)) => true,
            Some(Object::Generator(_)) => gen_kind(v) == Some(GenKind::Generator),
            _ => {
                let t = self.type_of(v);
                self.type_lookup(&t, &self.strs.get("__next__")).is_some()
            }
        }
    }

    /// Call the special method `name` looked up on `v`'s type (None if the type lacks it).
    fn call_special(&mut self, v: &Value, name: &'static str) -> PyResult<Option<Value>> {
        let t = self.type_of(v);
        match self.type_lookup(&t, &self.strs.get(name)) {
            Some(f) => {
                let bound = self.bind_class_attr(f, Some(v), &t)?;
                self.call(&bound, &[]).map(Some)
            }
            None => Ok(None),
        }
    }

    /// `GetAwaitable`: the iterator an `await` delegates to. `context` says which `await` this is (for the
    /// messages): 0 an `await` expression, 1 the result of `__aenter__`, 2 of `__aexit__`.
    pub(crate) fn get_awaitable(&mut self, v: Value, context: u32) -> PyResult<Value> {
        if gen_kind(&v) == Some(GenKind::Coroutine) {
            if self.gen_yf(&v).is_some() {
                return Err(runtime_error("coroutine is being awaited already"));
            }
            return Ok(v);
        }
        match self.call_special(&v, "__await__")? {
            Some(res) => {
                if gen_kind(&res) == Some(GenKind::Coroutine) {
                    return Err(type_error("__await__() returned a coroutine"));
                }
                if !self.is_iterator(&res) {
                    return Err(type_error(format!(
                        "__await__() returned non-iterator of type '{}'",
                        self.type_name(&res)
                    )));
                }
                Ok(res)
            }
            None => {
                let t = self.type_name(&v);
                Err(type_error(match context {
                    1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {}", t),
                    2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {}", t),
                    _ => format!("object {} can't be used in 'await' expression", t),
                }))
            }
        }
    }

    /// `GetAIter`: `aiter(v)` for `async for`.
    pub(crate) fn get_aiter(&mut self, v: Value) -> PyResult<Value> {
        let it = match self.call_special(&v, "__aiter__")? {
            Some(it) => it,
            None => {
                return Err(type_error(format!(
                    "'async for' requires an object with __aiter__ method, got {}",
                    self.type_name(&v)
                )))
            }
        };
        let t = self.type_of(&it);
        if self.type_lookup(&t, &self.strs.get("__anext__")).is_none() {
            return Err(type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `GetANext`: the awaitable for the next item of an `async for`.
    pub(crate) fn get_anext(&mut self, aiter: &Value) -> PyResult<Value> {
        if gen_kind(aiter) == Some(GenKind::AsyncGenerator) {
            return Ok(self.new_asend(aiter, Value::None));
        }
        let next = match self.call_special(aiter, "__anext__")? {
            Some(n) => n,
            None => {
                return Err(type_error(format!(
                    "'async for' requires an iterator with __anext__ method, got {}",
                    self.type_name(aiter)
                )))
            }
        };
        match self.get_awaitable(next.clone(), 0) {
            Ok(a) => Ok(a),
            Err(mut e) => {
                let cause = self.materialize(&mut e);
                let mut err = type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    self.type_name(&next)
                ));
                let o = self.materialize(&mut err);
                if let Object::Exception(x) = &*o {
                    *x.cause.borrow_mut() = Value::Obj(cause);
                    x.suppress_context.set(true);
                }
                Err(err)
            }
        }
    }

    /// `BeforeWith` for `async with`: the bound `__aexit__` and `__aenter__` of the manager.
    pub(crate) fn async_with_methods(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        self.context_methods(
            mgr,
            "__aenter__",
            "__aexit__",
            "asynchronous context manager",
        )
    }

    /// The bound enter and exit methods of a context manager, looked up on its type in CPython's order
    /// and with its messages.
    pub(crate) fn context_methods(
        &mut self,
        mgr: &Value,
        enter: &'static str,
        exit: &'static str,
        what: &str,
    ) -> PyResult<(Value, Value)> {
        let t = self.type_of(mgr);
        let Some(en) = self.type_lookup(&t, &self.strs.get(enter)) else {
            return Err(type_error(format!(
                "'{}' object does not support the {} protocol",
                self.type_name(mgr),
                what
            )));
        };
        let Some(ex) = self.type_lookup(&t, &self.strs.get(exit)) else {
            return Err(type_error(format!(
                "'{}' object does not support the {} protocol (missed {} method)",
                self.type_name(mgr),
                what,
                exit
            )));
        };
        let en = self.bind_class_attr(en, Some(mgr), &t)?;
        let ex = self.bind_class_attr(ex, Some(mgr), &t)?;
        Ok((ex, en))
    }

    fn new_asend(&self, gen: &Value, v: Value) -> Value {
        self.new_native(
            &self.types.async_generator_asend,
            ASend {
                gen: gen.clone(),
                value: RefCell::new(v),
                state: Cell::new(AwaitState::Init),
            },
        )
    }

    /// What driving an async generator produced, as its awaitable reports it: a value passed through
    /// from an inner `await` (Ok), StopIteration(v) for a `yield v`, StopAsyncIteration when it returned.
    fn async_gen_unwrap(&mut self, gen: &Value, r: PyResult<GenResult>) -> PyResult<Value> {
        match r {
            Ok(GenResult::Yielded(v)) => {
                let yielded = with_gen(gen, |g| g.yielded).unwrap_or(false);
                if yielded {
                    with_gen(gen, |g| g.running_async = false);
                    Err(self.stop_iteration(v))
                } else {
                    Ok(v)
                }
            }
            Ok(GenResult::Returned(_)) => {
                with_gen(gen, |g| {
                    g.closed = true;
                    g.running_async = false;
                });
                Err(PyErr::bare(ExcKind::StopAsyncIteration))
            }
            Err(e) => {
                let closes = self.err_matches(&e, ExcKind::StopAsyncIteration)
                    || self.err_matches(&e, ExcKind::GeneratorExit);
                with_gen(gen, |g| {
                    if closes {
                        g.closed = true;
                    }
                    g.running_async = false;
                });
                Err(e)
            }
        }
    }

    fn asend_send(&mut self, me: &Value, arg: Value) -> PyResult<Value> {
        let Some(a) = native::<ASend>(me) else {
            return Err(type_error("expected an async_generator_asend object"));
        };
        let gen = a.gen.clone();
        let mut arg = arg;
        match a.state.get() {
            AwaitState::Closed => {
                return Err(runtime_error(
                    "cannot reuse already awaited __anext__()/asend()",
                ))
            }
            AwaitState::Init => {
                if with_gen(&gen, |g| g.running_async).unwrap_or(false) {
                    return Err(runtime_error(
                        "anext(): asynchronous generator is already running",
                    ));
                }
                if arg.is_none() {
                    arg = a.value.borrow().clone();
                }
                a.state.set(AwaitState::Iter);
            }
            AwaitState::Iter => {}
        }
        with_gen(&gen, |g| g.running_async = true);
        let r = self.gen_resume(&gen, arg, None);
        let r = self.async_gen_unwrap(&gen, r);
        if r.is_err() {
            if let Some(a) = native::<ASend>(me) {
                a.state.set(AwaitState::Closed);
            }
        }
        r
    }

    fn asend_throw(&mut self, me: &Value, err: PyErr) -> PyResult<Value> {
        let Some(a) = native::<ASend>(me) else {
            return Err(type_error("expected an async_generator_asend object"));
        };
        if a.state.get() == AwaitState::Closed {
            return Err(runtime_error(
                "cannot reuse already awaited __anext__()/asend()",
            ));
        }
        let gen = a.gen.clone();
        let r = self.gen_throw(&gen, err, true);
        let r = self.async_gen_unwrap(&gen, r);
        if r.is_err() {
            if let Some(a) = native::<ASend>(me) {
                a.state.set(AwaitState::Closed);
            }
        }
        r
    }

    fn athrow_send(&mut self, me: &Value, arg: Value) -> PyResult<Value> {
        let Some(a) = native::<AThrow>(me) else {
            return Err(type_error("expected an async_generator_athrow object"));
        };
        let gen = a.gen.clone();
        let args = a.args.clone();
        let set_state = |me: &Value, s| {
            if let Some(a) = native::<AThrow>(me) {
                a.state.set(s);
            }
        };
        if a.state.get() == AwaitState::Closed {
            return Err(runtime_error(
                "cannot reuse already awaited aclose()/athrow()",
            ));
        }
        if with_gen(&gen, |g| g.finished).unwrap_or(true) {
            set_state(me, AwaitState::Closed);
            return Err(PyErr::bare(ExcKind::StopIteration));
        }
        let r = if a.state.get() == AwaitState::Init {
            let (running, closed) =
                with_gen(&gen, |g| (g.running_async, g.closed)).unwrap_or_default();
            if running {
                set_state(me, AwaitState::Closed);
                return Err(runtime_error(if args.is_none() {
                    "aclose(): asynchronous generator is already running"
                } else {
                    "athrow(): asynchronous generator is already running"
                }));
            }
            if closed {
                set_state(me, AwaitState::Closed);
                return Err(PyErr::bare(ExcKind::StopAsyncIteration));
            }
            if !arg.is_none() {
                return Err(runtime_error(
                    "can't send non-None value to a just-started coroutine",
                ));
            }
            set_state(me, AwaitState::Iter);
            with_gen(&gen, |g| g.running_async = true);
            match &args {
                None => {
                    with_gen(&gen, |g| g.closed = true);
                    self.gen_throw(&gen, PyErr::bare(ExcKind::GeneratorExit), false)
                }
                Some(args) => {
                    let mut full = vec![Value::None];
                    full.extend(args.iter().cloned());
                    let err = self.throw_arg(&full)?;
                    let r = self.gen_throw(&gen, err, false);
                    let r = self.async_gen_unwrap(&gen, r);
                    if r.is_err() {
                        with_gen(&gen, |g| g.running_async = false);
                        set_state(me, AwaitState::Closed);
                    }
                    return r;
                }
            }
        } else {
            self.gen_resume(&gen, arg, None)
        };
        if args.is_some() {
            let r = self.async_gen_unwrap(&gen, r);
            if r.is_err() {
                set_state(me, AwaitState::Closed);
            }
            return r;
        }
        self.aclose_result(me, &gen, r)
    }

    /// The outcome of one step of `aclose()`: the generator must not yield again; its finishing (or
    /// letting GeneratorExit / StopAsyncIteration out) ends the awaitable with StopIteration.
    fn aclose_result(
        &mut self,
        me: &Value,
        gen: &Value,
        r: PyResult<GenResult>,
    ) -> PyResult<Value> {
        let set_closed = |me: &Value| {
            if let Some(a) = native::<AThrow>(me) {
                a.state.set(AwaitState::Closed);
            }
        };
        let e = match r {
            Ok(GenResult::Yielded(v)) => {
                if with_gen(gen, |g| g.yielded).unwrap_or(false) {
                    with_gen(gen, |g| g.running_async = false);
                    set_closed(me);
                    return Err(runtime_error("async generator ignored GeneratorExit"));
                }
                return Ok(v);
            }
            Ok(GenResult::Returned(_)) => PyErr::bare(ExcKind::StopAsyncIteration),
            Err(e) => e,
        };
        with_gen(gen, |g| g.running_async = false);
        set_closed(me);
        if self.err_matches(&e, ExcKind::StopAsyncIteration)
            || self.err_matches(&e, ExcKind::GeneratorExit)
        {
            return Err(PyErr::bare(ExcKind::StopIteration));
        }
        Err(e)
    }

    fn athrow_throw(&mut self, me: &Value, err: PyErr) -> PyResult<Value> {
        let Some(a) = native::<AThrow>(me) else {
            return Err(type_error("expected an async_generator_athrow object"));
        };
        if a.state.get() == AwaitState::Closed {
            return Err(runtime_error(
                "cannot reuse already awaited aclose()/athrow()",
            ));
        }
        let gen = a.gen.clone();
        let aclose = a.args.is_none();
        let r = self.gen_throw(&gen, err, true);
        if !aclose {
            return self.async_gen_unwrap(&gen, r);
        }
        match r {
            Ok(GenResult::Yielded(v)) => {
                if with_gen(&gen, |g| g.yielded).unwrap_or(false) {
                    with_gen(&gen, |g| g.running_async = false);
                    if let Some(a) = native::<AThrow>(me) {
                        a.state.set(AwaitState::Closed);
                    }
                    return Err(runtime_error("async generator ignored GeneratorExit"));
                }
                Ok(v)
            }
            Ok(GenResult::Returned(_)) => Err(PyErr::bare(ExcKind::StopIteration)),
            Err(e) => {
                if self.err_matches(&e, ExcKind::StopAsyncIteration)
                    || self.err_matches(&e, ExcKind::GeneratorExit)
                {
                    Err(PyErr::bare(ExcKind::StopIteration))
                } else {
                    Err(e)
                }
            }
        }
    }

    fn wrapper_coro(&self, me: &Value) -> PyResult<Value> {
        native::<CoroWrapper>(me)
            .map(|w| w.coro.clone())
            .ok_or_else(|| type_error("expected a coroutine_wrapper object"))
    }
}

fn arg1(args: &[Value]) -> Value {
    args.get(1).cloned().unwrap_or(Value::None)
}

fn need_throw_arg(args: &[Value]) -> PyResult<()> {
    if args.len() < 2 {
        return Err(type_error("throw expected at least 1 argument, got 0"));
    }
    Ok(())
}

pub fn install(vm: &mut Vm) {
    use crate::builtins::method;
    let c = vm.types.coroutine.clone();
    method(&c, "__await__", |vm, args, _kw| {
        if gen_kind(&args[0]) != Some(GenKind::Coroutine) {
            return Err(type_error("expected a coroutine"));
        }
        let cls = vm.types.coroutine_wrapper.clone();
        Ok(vm.new_native(
            &cls,
            CoroWrapper {
                coro: args[0].clone(),
            },
        ))
    });

    let w = vm.types.coroutine_wrapper.clone();
    method(&w, "__iter__", |_vm, args, _kw| Ok(args[0].clone()));
    method(&w, "__next__", |vm, args, _kw| {
        let c = vm.wrapper_coro(&args[0])?;
        vm.gen_send(&c, Value::None)
    });
    method(&w, "send", |vm, args, _kw| {
        let c = vm.wrapper_coro(&args[0])?;
        vm.gen_send(&c, arg1(args))
    });
    method(&w, "throw", |vm, args, _kw| {
        need_throw_arg(args)?;
        let c = vm.wrapper_coro(&args[0])?;
        let e = vm.throw_arg(args)?;
        vm.gen_throw_method(&c, e)
    });
    method(&w, "close", |vm, args, _kw| {
        let c = vm.wrapper_coro(&args[0])?;
        vm.gen_close(&c)
    });

    let ag = vm.types.async_generator.clone();
    method(&ag, "__aiter__", |_vm, args, _kw| Ok(args[0].clone()));
    method(&ag, "__anext__", |vm, args, _kw| {
        Ok(vm.new_asend(&args[0], Value::None))
    });
    method(&ag, "asend", |vm, args, _kw| {
        Ok(vm.new_asend(&args[0], arg1(args)))
    });
    method(&ag, "athrow", |vm, args, _kw| {
        if args.len() < 2 {
            return Err(type_error("athrow expected at least 1 argument, got 0"));
        }
        let cls = vm.types.async_generator_athrow.clone();
        Ok(vm.new_native(
            &cls,
            AThrow {
                gen: args[0].clone(),
                args: Some(args[1..].to_vec()),
                state: Cell::new(AwaitState::Init),
            },
        ))
    });
    method(&ag, "aclose", |vm, args, _kw| {
        let cls = vm.types.async_generator_athrow.clone();
        Ok(vm.new_native(
            &cls,
            AThrow {
                gen: args[0].clone(),
                args: None,
                state: Cell::new(AwaitState::Init),
            },
        ))
    });

    let s = vm.types.async_generator_asend.clone();
    method(&s, "__await__", |_vm, args, _kw| Ok(args[0].clone()));
    method(&s, "__iter__", |_vm, args, _kw| Ok(args[0].clone()));
    method(&s, "__next__", |vm, args, _kw| {
        vm.asend_send(&args[0], Value::None)
    });
    method(&s, "send", |vm, args, _kw| {
        vm.asend_send(&args[0], arg1(args))
    });
    method(&s, "throw", |vm, args, _kw| {
        need_throw_arg(args)?;
        let e = vm.throw_arg(args)?;
        vm.asend_throw(&args[0], e)
    });
    method(&s, "close", |_vm, args, _kw| {
        if let Some(a) = native::<ASend>(&args[0]) {
            a.state.set(AwaitState::Closed);
        }
        Ok(Value::None)
    });

    let t = vm.types.async_generator_athrow.clone();
    method(&t, "__await__", |_vm, args, _kw| Ok(args[0].clone()));
    method(&t, "__iter__", |_vm, args, _kw| Ok(args[0].clone()));
    method(&t, "__next__", |vm, args, _kw| {
        vm.athrow_send(&args[0], Value::None)
    });
    method(&t, "send", |vm, args, _kw| {
        vm.athrow_send(&args[0], arg1(args))
    });
    method(&t, "throw", |vm, args, _kw| {
        need_throw_arg(args)?;
        let e = vm.throw_arg(args)?;
        vm.athrow_throw(&args[0], e)
    });
    method(&t, "close", |_vm, args, _kw| {
        if let Some(a) = native::<AThrow>(&args[0]) {
            a.state.set(AwaitState::Closed);
        }
        Ok(Value::None)
    });
}
