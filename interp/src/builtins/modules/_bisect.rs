//! `_bisect`: binary search and insertion on sorted sequences (`bisect` re-exports these).
//!
//! Lists are read directly (one clone per probe, no borrow held across the comparison, which may run
//! Python code); other sequences go through `__getitem__`. Comparisons use only `<`, in CPython's order.

use crate::builtins::functions::lt;
use crate::builtins::methods::util::bind_kwonly;
use crate::builtins::register;
use crate::error::{index_error, value_error, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;

pub(super) fn init(_vm: &mut Vm, d: &ObjRef) {
    register(d, "bisect_right", |vm, a, k| {
        Ok(Value::Int(search(vm, a, k, "bisect_right", true)?))
    });
    register(d, "bisect_left", |vm, a, k| {
        Ok(Value::Int(search(vm, a, k, "bisect_left", false)?))
    });
    register(d, "insort_right", |vm, a, k| {
        insort(vm, a, k, "insort_right", true)
    });
    register(d, "insort_left", |vm, a, k| {
        insort(vm, a, k, "insort_left", false)
    });
}

const NAMES: &[&str] = &["a", "x", "lo", "hi", "key"];

/// Parsed arguments: (a, x, lo, hi, key).
fn parse(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    name: &str,
) -> PyResult<(Value, Value, i64, i64, Option<Value>)> {
    let b = bind_kwonly(name, args, kw, NAMES, 4, 2)?;
    let a = b[0].clone().unwrap_or(Value::None);
    let x = b[1].clone().unwrap_or(Value::None);
    let lo = match &b[2] {
        Some(v) => crate::builtins::methods::util::index_arg(vm, v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(value_error("lo must be non-negative"));
    }
    let hi = match &b[3] {
        Some(v) if !v.is_none() => crate::builtins::methods::util::index_arg(vm, v)?,
        _ => vm.len(&a)? as i64,
    };
    let key = b[4].clone().filter(|k| !k.is_none());
    Ok((a, x, lo, hi, key))
}

fn item(vm: &mut Vm, a: &Value, i: i64) -> PyResult<Value> {
    if let Some(Object::List(l)) = a.as_obj() {
        return l
            .borrow()
            .get(i as usize)
            .cloned()
            .ok_or_else(|| index_error("list index out of range"));
    }
    vm.getitem(a, &Value::Int(i))
}

/// The insertion point for `x` (right of equal items when `right`).
fn search(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str, right: bool) -> PyResult<i64> {
    let (a, x, lo, hi, key) = parse(vm, args, kw, name)?;
    bisect(vm, &a, &x, lo, hi, key.as_ref(), right)
}

fn bisect(
    vm: &mut Vm,
    a: &Value,
    x: &Value,
    mut lo: i64,
    mut hi: i64,
    key: Option<&Value>,
    right: bool,
) -> PyResult<i64> {
    while lo < hi {
        // The sum cannot overflow: both are below isize::MAX in practice (CPython relies on the same).
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut probe = item(vm, a, mid)?;
        if let Some(k) = key {
            probe = vm.call(k, &[probe])?;
        }
        let go_left = if right {
            lt(vm, x, &probe)?
        } else {
            !lt(vm, &probe, x)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn insort(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str, right: bool) -> PyResult<Value> {
    let (a, x, lo, hi, key) = parse(vm, args, kw, name)?;
    let probe = match &key {
        Some(k) => vm.call(k, std::slice::from_ref(&x))?,
        None => x.clone(),
    };
    let pos = bisect(vm, &a, &probe, lo, hi, key.as_ref(), right)?;
    if let Some(Object::List(l)) = a.as_obj() {
        let mut v = l.borrow_mut();
        let at = (pos as usize).min(v.len());
        v.insert(at, x);
        return Ok(Value::None);
    }
    let insert = vm.getattr(&a, &Value::str("insert"))?;
    vm.call(&insert, &[Value::Int(pos), x])?;
    Ok(Value::None)
}
