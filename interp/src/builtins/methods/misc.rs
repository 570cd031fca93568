//! Methods of range, slice and dict's class methods.

use crate::builtins::{method, method_args, no_kwargs};
use crate::error::{type_error, value_error, PyResult};
use crate::object::{KwArgs, Object};
use crate::value::Value;
use crate::vm::ops::as_int;
use crate::vm::Vm;
use num_bigint::BigInt;

pub fn install(vm: &mut Vm) {
    let r = vm.types.range.clone();
    method(&r, "index", range_index);
    method(&r, "count", range_count);
    let s = vm.types.slice.clone();
    method(&s, "indices", slice_indices);
    let d = vm.types.dict.clone();
    method(&d, "fromkeys", dict_fromkeys);
    let f = vm.types.function.clone();
    method(&f, "__get__", function_get);
}

/// `function.__get__(obj, type=None)`: the function bound to `obj` (itself when `obj` is None).
fn function_get(_vm: &mut Vm, args: &[Value], _kw: &crate::object::KwArgs) -> PyResult<Value> {
    crate::builtins::method_args("function.__get__", args, 1, 2)?;
    let (f, obj) = (&args[0], &args[1]);
    if obj.is_none() && args.get(2).is_some_and(|t| !t.is_none()) {
        return Ok(f.clone());
    }
    if obj.is_none() {
        return Err(crate::error::type_error("__get__(None, None) is invalid"));
    }
    Ok(Value::obj(Object::BoundMethod(Box::new((
        obj.clone(),
        f.clone(),
    )))))
}

fn range_pos(vm: &mut Vm, args: &[Value]) -> PyResult<Option<BigInt>> {
    let Some(p) = args[0].as_obj().and_then(crate::range::parts) else {
        return Ok(None);
    };
    if let (Some(i), false) = (as_int(&args[1]), matches!(args[1], Value::Bool(_))) {
        let i = i.to_big();
        if crate::range::contains(&p, &i) {
            return Ok(Some((i - &p.start) / &p.step));
        }
        return Ok(None);
    }
    let items = vm.collect(args[0].clone())?;
    for (k, x) in items.iter().enumerate() {
        if vm.eq(x, &args[1])? {
            return Ok(Some(k.into()));
        }
    }
    Ok(None)
}

fn range_index(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("range.index", kw)?;
    method_args("range.index", args, 1, 1)?;
    match range_pos(vm, args)? {
        Some(k) => Ok(crate::value::int_from_big(k)),
        None => {
            let r = vm.repr(&args[1])?;
            Err(value_error(format!("{} is not in range", r)))
        }
    }
}

fn range_count(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("range.count", kw)?;
    method_args("range.count", args, 1, 1)?;
    Ok(Value::Int(range_pos(vm, args)?.is_some() as i64))
}

fn slice_indices(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("slice.indices", kw)?;
    method_args("slice.indices", args, 1, 1)?;
    let Some(Object::Slice(sl)) = args[0].as_obj() else {
        return Ok(Value::None);
    };
    let n = args[1].as_i64().ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&args[1])
        ))
    })?;
    if n < 0 {
        return Err(value_error("length should not be negative"));
    }
    let (a, b, c) = vm.slice_adjust(sl, n as usize)?;
    Ok(Value::obj(Object::Tuple(vec![
        Value::Int(a),
        Value::Int(b),
        Value::Int(c),
    ])))
}

/// dict.fromkeys(iterable, value=None): called on the type, so args[0] is the iterable.
fn dict_fromkeys(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("dict.fromkeys", kw)?;
    // Called as `dict.fromkeys(it)` (no self) or `{}.fromkeys(it)` (self is a dict).
    let a: &[Value] = match args.first().and_then(|v| v.as_obj()) {
        Some(Object::Dict(_)) if args.len() >= 2 => &args[1..],
        _ => args,
    };
    if a.is_empty() || a.len() > 2 {
        return Err(type_error(format!(
            "fromkeys expected at least 1 argument, got {}",
            a.len()
        )));
    }
    let value = a.get(1).cloned().unwrap_or(Value::None);
    let d = Value::obj(Object::Dict(Default::default()));
    for k in vm.collect(a[0].clone())? {
        vm.dict_set(&d, k, value.clone())?;
    }
    Ok(d)
}
