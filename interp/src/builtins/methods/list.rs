//! list methods.

use super::util::{expect_self, slice_index_arg, ssize_arg};
use crate::builtins::{kwarg, method, method_args, no_kwargs, only_kwargs};
use crate::error::{index_error, value_error, PyResult};
use crate::object::{KwArgs, Object};
use crate::value::Value;
use crate::vm::protocol::norm_index;
use crate::vm::Vm;
use std::cell::RefCell;

pub fn install(vm: &mut Vm) {
    let t = vm.types.list.clone();
    method(&t, "append", append);
    method(&t, "pop", pop);
    method(&t, "extend", extend);
    method(&t, "insert", insert);
    method(&t, "sort", sort);
    method(&t, "reverse", reverse);
    method(&t, "index", index);
    method(&t, "count", count);
    method(&t, "remove", remove);
    method(&t, "copy", copy);
    method(&t, "clear", clear);
}

fn list_of(v: &Value) -> &RefCell<Vec<Value>> {
    match v.as_obj() {
        Some(Object::List(l)) => l,
        // Every method checks its self first (`expect_self`).
        _ => unreachable!("list method called on a non-list after expect_self"),
    }
}

fn append(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "list", "append", |o| matches!(o, Object::List(_)))?;
    no_kwargs("list.append", kw)?;
    method_args("list.append", args, 1, 1)?;
    list_of(&args[0]).borrow_mut().push(args[1].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "list", "pop", |o| matches!(o, Object::List(_)))?;
    no_kwargs("list.pop", kw)?;
    method_args("pop", args, 0, 1)?;
    let i = match args.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let mut l = list_of(&args[0]).borrow_mut();
    if l.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    match norm_index(i, l.len()) {
        Some(j) => Ok(l.remove(j)),
        None => Err(index_error("pop index out of range")),
    }
}

fn extend(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "list", "extend", |o| matches!(o, Object::List(_)))?;
    no_kwargs("list.extend", kw)?;
    method_args("list.extend", args, 1, 1)?;
    vm.list_extend(&args[0], args[1].clone())?;
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "list", "insert", |o| matches!(o, Object::List(_)))?;
    no_kwargs("list.insert", kw)?;
    method_args("insert", args, 2, 2)?;
    let i = ssize_arg(vm, &args[1])?;
    let mut l = list_of(&args[0]).borrow_mut();
    let n = l.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(j as usize, args[2].clone());
    Ok(Value::None)
}

fn sort(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "list", "sort", |o| matches!(o, Object::List(_)))?;
    only_kwargs("sort", kw, &["key", "reverse"])?;
    if args.len() > 1 {
        return Err(crate::error::type_error(
            "sort() takes no positional arguments",
        ));
    }
    let key = kwarg(kw, "key").cloned().filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    // Sort a snapshot: the list appears empty while sorting, as in CPython.
    let items = std::mem::take(&mut *list_of(&args[0]).borrow_mut());
    let sorted = crate::builtins::sort::sort_values(vm, items.clone(), key.as_ref(), reverse);
    let mut l = list_of(&args[0]).borrow_mut();
    match sorted {
        Ok(s) => {
            let modified = !l.is_empty();
            *l = s;
            if modified {
                return Err(value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            *l = items;
            Err(e)
        }
    }
}

fn reverse(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "list", "reverse", |o| {
        matches!(o, Object::List(_))
    })?;
    no_kwargs("list.reverse", kw)?;
    method_args("list.reverse", args, 0, 0)?;
    list_of(&args[0]).borrow_mut().reverse();
    Ok(Value::None)
}

fn index(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "list", "index", |o| matches!(o, Object::List(_)))?;
    no_kwargs("list.index", kw)?;
    method_args("index", args, 1, 3)?;
    let bounds = [args.get(2), args.get(3)].map(|v| v.map(|v| slice_index_arg(vm, v)).transpose());
    let [start, stop] = bounds;
    let (start, stop) = (start?, stop?);
    let items = list_of(&args[0]).borrow().clone();
    let n = items.len();
    let clamp = |v: Option<i64>, d: usize| -> usize {
        match v {
            Some(i) if i < 0 => i.saturating_add(n as i64).max(0) as usize,
            Some(i) => (i as u64).min(n as u64) as usize,
            None => d,
        }
    };
    let start = clamp(start, 0);
    let stop = clamp(stop, n);
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        if x.is(&args[1]) || vm.eq(x, &args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = vm.repr(&args[1])?;
    Err(value_error(format!("{} is not in list", r)))
}

fn count(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "list", "count", |o| matches!(o, Object::List(_)))?;
    no_kwargs("list.count", kw)?;
    method_args("list.count", args, 1, 1)?;
    let items = list_of(&args[0]).borrow().clone();
    let mut c = 0;
    for x in &items {
        if x.is(&args[1]) || vm.eq(x, &args[1])? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}

fn remove(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "list", "remove", |o| matches!(o, Object::List(_)))?;
    no_kwargs("list.remove", kw)?;
    method_args("list.remove", args, 1, 1)?;
    let items = list_of(&args[0]).borrow().clone();
    for (i, x) in items.iter().enumerate() {
        if x.is(&args[1]) || vm.eq(x, &args[1])? {
            let mut l = list_of(&args[0]).borrow_mut();
            if i < l.len() {
                l.remove(i);
            }
            return Ok(Value::None);
        }
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn copy(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "list", "copy", |o| matches!(o, Object::List(_)))?;
    no_kwargs("list.copy", kw)?;
    method_args("list.copy", args, 0, 0)?;
    let v = list_of(&args[0]).borrow().clone();
    Ok(Value::obj(Object::List(RefCell::new(v))))
}

fn clear(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    expect_self(vm, args, "list", "clear", |o| matches!(o, Object::List(_)))?;
    no_kwargs("list.clear", kw)?;
    method_args("list.clear", args, 0, 0)?;
    let old = std::mem::take(&mut *list_of(&args[0]).borrow_mut());
    drop(old);
    Ok(Value::None)
}
