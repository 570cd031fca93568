//! `type` as a class you can call and subclass: `type(name, bases, ns)`, `class M(type)`, and the methods
//! every class gets from its metaclass (`type.__new__`, `type.__call__`, `mro()`).
//!
//! A class's metaclass is `TypeObj::meta` (None means `type`); `type(C)` answers it. Class creation runs
//! through `Vm::new_class`, which also runs the `__set_name__` and `__init_subclass__` hooks, so every way
//! of making a class (class statement, `type(...)`, a metaclass's `super().__new__`) behaves the same.

use super::Vm;
use crate::builtins::method;
use crate::error::{type_error, PyResult};
use crate::object::{KwArgs, Object};
use crate::value::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.types.type_.clone();
    method(&t, "__new__", type_dunder_new);
    method(&t, "__init__", |_vm, _args, _kw| Ok(Value::None));
    method(&t, "__call__", type_dunder_call);
    method(&t, "mro", type_mro);
    method(&t, "__repr__", |vm, args, _kw| {
        let v = args.first().cloned().unwrap_or(Value::None);
        Ok(Value::from_string(vm.repr_builtin(&v)?))
    });
}

/// `type(name, bases, ns, **kw)` (the 3-argument form of the `type` constructor).
pub fn type_call3(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let t = vm.types.type_.clone();
    let winner = vm.winner_meta(&t, &bases_of(vm, &args[1])?)?;
    if crate::vm::classes::is_user_class(&winner) {
        return vm.call_kw(&Value::Obj(winner), args, kw);
    }
    create(vm, &winner, args, kw)
}

fn bases_of(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.as_obj() {
        Some(Object::Tuple(t)) => Ok(t.clone()),
        _ => Err(type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            vm.type_name(v)
        ))),
    }
}

/// Create a class from (name, bases, ns) with metaclass `meta`.
fn create(vm: &mut Vm, meta: &crate::object::ObjRef, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let name = a[0].as_str().ok_or_else(|| {
        type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            vm.type_name(&a[0])
        ))
    })?;
    let bases = bases_of(vm, &a[1])?;
    let ns = match &a[2] {
        Value::Obj(o) if matches!(&**o, Object::Dict(_)) => o.clone(),
        other => {
            return Err(type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                vm.type_name(other)
            )))
        }
    };
    let name = name.to_string();
    let meta = vm.winner_meta(meta, &bases)?;
    vm.new_class(&name, bases, &ns, &meta, kw)
}

/// `type.__new__(mcs, name, bases, ns, **kw)`.
fn type_dunder_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(Value::Obj(mcs)) = args.first() else {
        return Err(type_error("type.__new__(): not enough arguments"));
    };
    if !matches!(&**mcs, Object::Type(_)) {
        return Err(type_error(format!(
            "type.__new__(X): X is not a type object ({})",
            vm.type_name(&args[0])
        )));
    }
    match args.len() {
        2 => Ok(Value::Obj(vm.type_of(&args[1]))),
        4 => {
            let mcs = mcs.clone();
            create(vm, &mcs, &args[1..], kw)
        }
        _ => Err(type_error("type.__new__() takes exactly 3 arguments")),
    }
}

/// `type.__call__(cls, *args, **kw)`: what `cls(...)` does (for a metaclass's `super().__call__`).
fn type_dunder_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Obj(o)) if matches!(&**o, Object::Type(_)) => {
            let o = o.clone();
            vm.call_type(&o, &args[1..], kw)
        }
        _ => Err(type_error("descriptor '__call__' requires a 'type' object")),
    }
}

/// `cls.mro()`.
fn type_mro(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(v @ Value::Obj(o)) => match &**o {
            Object::Type(t) => {
                let mut l = vec![v.clone()];
                l.extend(t.mro.borrow().iter().map(|m| Value::Obj(m.clone())));
                Ok(Value::obj(Object::List(l.into())))
            }
            _ => Err(type_error("descriptor 'mro' requires a 'type' object")),
        },
        _ => Err(type_error("descriptor 'mro' requires a 'type' object")),
    }
}
