//! Library types implemented in Rust (`collections.deque`, itertools' iterators, `_random.Random`,
//! `functools.partial`, `_json`'s scanners, ...): the payload side of `Object::Native` (object.rs).
//!
//! A native object is its Python class plus a payload implementing `NativeData`. The class is an ordinary
//! type object (`native_type`) whose dict holds the type's methods as builtins, dunders included, so the
//! protocols dispatch to them exactly as they dispatch to a Python class's dunders (`Vm::is_user_instance`
//! is true for native objects; `call_dunder` calls a builtin dunder directly with the object prepended).
//! Iterators name a `next` function (`NativeData::next_fn`) that the iteration protocol calls without any
//! lookup, so `for x in itertools.product(...)` costs one indirect call per item.
//!
//! The payload keeps its own interior mutability (`RefCell`/`Cell` fields), so a method downcasts
//! `&dyn NativeData` to its concrete type with no borrow bookkeeping at this level; the usual rule holds:
//! never call back into Python while a borrow of the payload is held.
//!
//! Payloads that hold `Value`s report them to the cycle collector (`traverse`) and drop them on request
//! (`clear`), like the builtin containers. Python subclasses of native types are not supported yet: types
//! made by `native_type` have `TypeKind::Native`, which `class X(deque)` rejects with NotImplementedError.

use crate::error::{type_error, PyErr, PyResult};
use crate::object::{BuiltinFn, NativeObj, ObjRef, Object, TypeKind};
use crate::value::Value;
use crate::vm::Vm;
use std::any::Any;

/// A Rust payload of a native object.
pub trait NativeData: Any {
    /// Visit every `Value` the payload references (for the cycle collector). Return false if the
    /// payload is borrowed right now and cannot be inspected (the object is then treated as a root).
    fn traverse(&self, _f: &mut dyn FnMut(&Value)) -> bool {
        true
    }
    /// Drop the referenced values (the cycle collector breaking an unreachable cycle). Values must be
    /// moved out of any `RefCell` before they are dropped.
    fn clear(&self) {}
    /// For iterators: the function advancing them (`__iter__` should return the object itself).
    fn next_fn(&self) -> Option<NextFn> {
        None
    }
}

/// `next(it)` for a native iterator: Some(item), or None when exhausted.
pub type NextFn = fn(&mut Vm, &Value) -> PyResult<Option<Value>>;

/// A new native object of class `cls`.
pub fn new_object<T: NativeData>(cls: &ObjRef, data: T) -> Value {
    Value::obj(Object::Native(NativeObj {
        cls: cls.clone(),
        data: Box::new(data),
    }))
}

/// The payload of `v` if it is a native object with a payload of type `T`.
pub fn payload<T: NativeData>(v: &Value) -> Option<&T> {
    match v.as_obj() {
        Some(Object::Native(n)) => n.get::<T>(),
        _ => None,
    }
}

/// The payload of a method's `self` (args[0]), or CPython's "descriptor ... requires a '...' object" error.
pub fn self_payload<'a, T: NativeData>(
    vm: &Vm,
    args: &'a [Value],
    tname: &str,
    meth: &str,
) -> PyResult<&'a T> {
    match args.first() {
        Some(v) => payload::<T>(v).ok_or_else(|| {
            type_error(format!(
                "descriptor '{}' requires a '{}' object but received a '{}'",
                meth,
                tname,
                vm.type_name(v)
            ))
        }),
        None => Err(type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            meth, tname
        ))),
    }
}

/// A type object for a native type: `name` as seen by `type(x).__name__`, `module` for its repr
/// (`<class 'collections.deque'>`), `ctor` called as `ctor(vm, [cls, args...], kw)` when the type is
/// called (None: the type cannot be instantiated from Python, like `itertools._grouper`).
pub fn native_type(vm: &Vm, name: &str, module: &str, ctor: Option<BuiltinFn>) -> ObjRef {
    let t = crate::types::new_type(name, TypeKind::Native, vec![vm.types.object.clone()], ctor);
    if let Object::Type(tt) = &*t {
        *tt.module.borrow_mut() = Value::str(module);
    }
    t
}

/// The `__iter__` of iterators: the object itself.
pub fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &crate::object::KwArgs) -> PyResult<Value> {
    Ok(args[0].clone())
}

/// The `__next__` of a native iterator (for explicit `it.__next__()` calls; `next(it)` and `for` use the
/// `next` fast path).
pub fn iter_next_method(
    vm: &mut Vm,
    args: &[Value],
    _kw: &crate::object::KwArgs,
) -> PyResult<Value> {
    match vm.next(&args[0])? {
        Some(v) => Ok(v),
        None => Err(PyErr::bare(crate::error::ExcKind::StopIteration)),
    }
}

/// Register `__iter__`/`__next__` on an iterator type.
pub fn iterator_methods(t: &ObjRef) {
    crate::builtins::method(t, "__iter__", iter_self);
    crate::builtins::method(t, "__next__", iter_next_method);
}

/// Bind a native method's arguments the way a Python `def` with positional-or-keyword parameters
/// `names` (the first `required` of them without defaults) would, with CPython's messages for Python
/// functions (`Random.choice() missing 1 required positional argument: 'seq'`): for native methods that
/// stand in for methods CPython writes in Python. `args` includes self; `qual` is "Class.method".
pub fn bind_py(
    qual: &str,
    args: &[Value],
    kw: &crate::object::KwArgs,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let pos = &args[1.min(args.len())..];
    if pos.len() > names.len() {
        let takes = if required == names.len() {
            format!("{}", names.len() + 1)
        } else {
            format!("from {} to {}", required + 1, names.len() + 1)
        };
        return Err(type_error(format!(
            "{}() takes {} positional arguments but {} were given",
            qual,
            takes,
            pos.len() + 1
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in kw {
        match names.iter().position(|n| *n == &**k) {
            Some(i) if out[i].is_some() => {
                return Err(type_error(format!(
                    "{}() got multiple values for argument '{}'",
                    qual, k
                )))
            }
            Some(i) => out[i] = Some(v.clone()),
            None => {
                return Err(type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    qual, k
                )))
            }
        }
    }
    let missing: Vec<String> = (0..required)
        .filter(|&i| out[i].is_none())
        .map(|i| format!("'{}'", names[i]))
        .collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            n => format!("{} and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        return Err(type_error(format!(
            "{}() missing {} required positional argument{}: {}",
            qual,
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            list
        )));
    }
    Ok(out)
}
