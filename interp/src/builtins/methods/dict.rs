//! dict methods.

use super::util::expect_self;
use crate::builtins::{method, method_args, no_kwargs};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, Object, ViewKind};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let t = vm.types.dict.clone();
    method(&t, "get", get);
    method(&t, "keys", keys);
    method(&t, "values", values);
    method(&t, "items", items);
    method(&t, "setdefault", setdefault);
    method(&t, "pop", pop);
    method(&t, "popitem", popitem);
    method(&t, "update", update);
    method(&t, "copy", copy);
    method(&t, "clear", clear);
}

fn view(args: &[Value], kind: ViewKind) -> PyResult<Value> {
    match &args[0] {
        Value::Obj(o) => Ok(Value::obj(Object::DictView(Box::new((o.clone(), kind))))),
        _ => Ok(Value::None),
    }
}

fn get(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "dict", "get", |o| matches!(o, Object::Dict(_)))?;
    no_kwargs("dict.get", kw)?;
    method_args("get", args, 1, 2)?;
    Ok(vm
        .dict_get(&args[0], &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn keys(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "dict", "keys", |o| matches!(o, Object::Dict(_)))?;
    no_kwargs("dict.keys", kw)?;
    method_args("dict.keys", args, 0, 0)?;
    view(args, ViewKind::Keys)
}

fn values(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "dict", "values", |o| matches!(o, Object::Dict(_)))?;
    no_kwargs("dict.values", kw)?;
    method_args("dict.values", args, 0, 0)?;
    view(args, ViewKind::Values)
}

fn items(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "dict", "items", |o| matches!(o, Object::Dict(_)))?;
    no_kwargs("dict.items", kw)?;
    method_args("dict.items", args, 0, 0)?;
    view(args, ViewKind::Items)
}

fn setdefault(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "dict", "setdefault", |o| {
        matches!(o, Object::Dict(_))
    })?;
    no_kwargs("dict.setdefault", kw)?;
    method_args("setdefault", args, 1, 2)?;
    if let Some(v) = vm.dict_get(&args[0], &args[1])? {
        return Ok(v);
    }
    let d = args.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&args[0], args[1].clone(), d.clone())?;
    Ok(d)
}

fn pop(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "dict", "pop", |o| matches!(o, Object::Dict(_)))?;
    no_kwargs("dict.pop", kw)?;
    method_args("pop", args, 1, 2)?;
    match vm.dict_pop(&args[0], &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::with_value(ExcKind::KeyError, args[1].clone())),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "dict", "popitem", |o| {
        matches!(o, Object::Dict(_))
    })?;
    no_kwargs("dict.popitem", kw)?;
    method_args("dict.popitem", args, 0, 0)?;
    let Some(Object::Dict(d)) = args[0].as_obj() else {
        return Ok(Value::None);
    };
    let mut d = d.borrow_mut();
    match d.last_index().and_then(|ix| d.remove_at(ix)) {
        Some(e) => Ok(Value::obj(Object::Tuple(vec![e.key, e.value]))),
        None => Err(PyErr::new(
            ExcKind::KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn update(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "dict", "update", |o| matches!(o, Object::Dict(_)))?;
    method_args("update", args, 0, 1)?;
    if let Some(other) = args.get(1) {
        vm.dict_update(&args[0], other.clone(), false)?;
    }
    for (k, v) in kw {
        vm.dict_set(&args[0], Value::str(k), v.clone())?;
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "dict", "copy", |o| matches!(o, Object::Dict(_)))?;
    no_kwargs("dict.copy", kw)?;
    method_args("dict.copy", args, 0, 0)?;
    Ok(vm.dict_copy(&args[0]))
}

fn clear(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "dict", "clear", |o| matches!(o, Object::Dict(_)))?;
    no_kwargs("dict.clear", kw)?;
    method_args("dict.clear", args, 0, 0)?;
    if let Some(Object::Dict(d)) = args[0].as_obj() {
        let old = std::mem::take(&mut *d.borrow_mut());
        drop(old);
    }
    Ok(Value::None)
}
