//! set and frozenset methods.
//!
//! Every method exists once per type (`set.union` and `frozenset.union` are distinct builtins) so that
//! descriptor and arity messages name the right type. The table operations go through the few `tbl_*`
//! helpers below, the only code that knows how a set's elements are stored.

use super::util::{bad_self, pos_only};
use crate::builtins::{method, method_args, no_kwargs};
use crate::dict::Dict;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, Object};
use crate::value::Value;
use crate::vm::protocol::dict_find;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

macro_rules! both {
    ($($name:ident => $imp:ident),* $(,)?) => {
        mod set_fns {
            use super::*;
            $(pub fn $name(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> { $imp(vm, args, kw, Kind::Set) })*
        }
        mod frozen_fns {
            use super::*;
            $(pub fn $name(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> { $imp(vm, args, kw, Kind::Frozen) })*
        }
        fn install_both(vm: &mut Vm) {
            let s = vm.types.set.clone();
            let f = vm.types.frozenset.clone();
            $(
                method(&s, stringify!($name), set_fns::$name);
                method(&f, stringify!($name), frozen_fns::$name);
            )*
        }
    };
}

both! {
    copy => copy_impl,
    union => union_impl,
    intersection => intersection_impl,
    difference => difference_impl,
    symmetric_difference => symmetric_difference_impl,
    issubset => issubset_impl,
    issuperset => issuperset_impl,
    isdisjoint => isdisjoint_impl,
}

pub fn install(vm: &mut Vm) {
    install_both(vm);
    let s = vm.types.set.clone();
    method(&s, "add", add);
    method(&s, "discard", discard);
    method(&s, "remove", remove);
    method(&s, "pop", pop);
    method(&s, "clear", clear);
    method(&s, "update", update);
    method(&s, "intersection_update", intersection_update);
    method(&s, "difference_update", difference_update);
    method(&s, "symmetric_difference_update", symmetric_difference_update);
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Set,
    Frozen,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Set => "set",
            Kind::Frozen => "frozenset",
        }
    }
}

// ---- table access -----------------------------------------------------------------------------------

fn tbl_contains(t: &Dict, key: &Value, hash: i64) -> bool {
    dict_find(t, key, hash).is_some()
}

fn tbl_add(t: &mut Dict, key: Value, hash: i64) {
    if dict_find(t, &key, hash).is_none() {
        t.insert_new(hash, key, Value::None);
    }
}

fn tbl_discard(t: &mut Dict, key: &Value, hash: i64) -> bool {
    match dict_find(t, key, hash) {
        Some(ix) => t.remove_at(ix).is_some(),
        None => false,
    }
}

fn tbl_pop(t: &mut Dict) -> Option<Value> {
    let ix = t.next_from(0).map(|(p, _)| p)?;
    t.remove_at(ix).map(|e| e.key)
}

fn tbl_entries(t: &Dict) -> Vec<(Value, i64)> {
    t.iter().map(|e| (e.key.clone(), e.hash)).collect()
}

fn tbl_from(vm: &Vm, d: Dict, kind: Kind) -> Value {
    vm.set_from_dict(d, kind == Kind::Frozen)
}

/// The table of `self` (a snapshot), checking the receiver's type.
fn self_data(vm: &Vm, args: &[Value], kind: Kind, meth: &str) -> PyResult<Dict> {
    match (kind, args.first().and_then(|v| v.as_obj())) {
        (Kind::Set, Some(Object::Set(s))) => Ok(s.borrow().clone()),
        (Kind::Frozen, Some(Object::FrozenSet(s))) => Ok(s.clone()),
        _ => Err(bad_self(vm, args, kind.name(), meth)),
    }
}

fn self_cell<'a>(vm: &Vm, args: &'a [Value], meth: &str) -> PyResult<&'a RefCell<Dict>> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Object::Set(s)) => Ok(s),
        _ => Err(bad_self(vm, args, "set", meth)),
    }
}

fn same_object(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

fn is_set_like(v: &Value) -> bool {
    matches!(v.as_obj(), Some(Object::Set(_) | Object::FrozenSet(_)))
}

/// The hash of a key looked up in a set: a `set` key is looked up as the equal frozenset (CPython's
/// `set_contains_key` fallback), so `{frozenset()}.remove(set())` works.
fn lookup_key(vm: &mut Vm, key: &Value) -> PyResult<(Value, i64)> {
    if let Some(Object::Set(s)) = key.as_obj() {
        let f = Value::obj(Object::FrozenSet(s.borrow().clone()));
        let h = vm.hash(&f)?;
        return Ok((f, h));
    }
    let h = vm.hash(key)?;
    Ok((key.clone(), h))
}

// ---- shared methods -----------------------------------------------------------------------------------

fn copy_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let d = self_data(vm, args, kind, "copy")?;
    pos_only(kind.name(), "copy", true, args, kw, 0, 0)?;
    if kind == Kind::Frozen {
        return Ok(args[0].clone());
    }
    Ok(tbl_from(vm, d, kind))
}

fn union_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let mut d = self_data(vm, args, kind, "union")?;
    pos_only(kind.name(), "union", true, args, kw, 0, usize::MAX)?;
    for other in &args[1..] {
        if same_object(other, &args[0]) {
            continue;
        }
        let o = vm.to_set_data(other)?;
        for (k, h) in tbl_entries(&o) {
            tbl_add(&mut d, k, h);
        }
    }
    Ok(tbl_from(vm, d, kind))
}

/// `a & b` with CPython's iteration choice (the smaller set when both are sets, else `b`'s order).
fn intersect(vm: &mut Vm, a: &Dict, b: &Value) -> PyResult<Dict> {
    let mut out = Dict::new();
    if is_set_like(b) {
        let bd = vm.to_set_data(b)?;
        let (small, big) = if bd.len() > a.len() { (a, &bd) } else { (&bd, a) };
        for (k, h) in tbl_entries(small) {
            if tbl_contains(big, &k, h) {
                tbl_add(&mut out, k, h);
            }
        }
    } else {
        for k in vm.collect(b.clone())? {
            let h = vm.hash(&k)?;
            if tbl_contains(a, &k, h) {
                tbl_add(&mut out, k, h);
            }
        }
    }
    Ok(out)
}

fn intersection_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let mut d = self_data(vm, args, kind, "intersection")?;
    pos_only(kind.name(), "intersection", true, args, kw, 0, usize::MAX)?;
    for other in &args[1..] {
        d = intersect(vm, &d, other)?;
    }
    Ok(tbl_from(vm, d, kind))
}

fn difference_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let mut d = self_data(vm, args, kind, "difference")?;
    pos_only(kind.name(), "difference", true, args, kw, 0, usize::MAX)?;
    for other in &args[1..] {
        if same_object(other, &args[0]) {
            d = Dict::new();
            continue;
        }
        let o = vm.to_set_data(other)?;
        for (k, h) in tbl_entries(&o) {
            tbl_discard(&mut d, &k, h);
        }
    }
    Ok(tbl_from(vm, d, kind))
}

/// Elements in exactly one of `a` and `b`: `a`'s, then `b`'s (the order `a ^ b` gives).
fn sym_diff(a: &Dict, b: &Dict) -> Dict {
    let mut out = a.clone();
    for (k, h) in tbl_entries(b) {
        if !tbl_discard(&mut out, &k, h) {
            tbl_add(&mut out, k, h);
        }
    }
    out
}

fn symmetric_difference_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let d = self_data(vm, args, kind, "symmetric_difference")?;
    pos_only(kind.name(), "symmetric_difference", true, args, kw, 1, 1)?;
    let o = vm.to_set_data(&args[1])?;
    Ok(tbl_from(vm, sym_diff(&d, &o), kind))
}

fn is_subset(a: &Dict, b: &Dict) -> bool {
    a.len() <= b.len() && a.iter().all(|e| tbl_contains(b, &e.key, e.hash))
}

fn issubset_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let d = self_data(vm, args, kind, "issubset")?;
    pos_only(kind.name(), "issubset", true, args, kw, 1, 1)?;
    let o = vm.to_set_data(&args[1])?;
    Ok(Value::Bool(is_subset(&d, &o)))
}

fn issuperset_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let d = self_data(vm, args, kind, "issuperset")?;
    pos_only(kind.name(), "issuperset", true, args, kw, 1, 1)?;
    let o = vm.to_set_data(&args[1])?;
    Ok(Value::Bool(is_subset(&o, &d)))
}

fn isdisjoint_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let d = self_data(vm, args, kind, "isdisjoint")?;
    pos_only(kind.name(), "isdisjoint", true, args, kw, 1, 1)?;
    if is_set_like(&args[1]) {
        let o = vm.to_set_data(&args[1])?;
        let (small, big) = if o.len() > d.len() { (&d, &o) } else { (&o, &d) };
        return Ok(Value::Bool(!small.iter().any(|e| tbl_contains(big, &e.key, e.hash))));
    }
    for k in vm.collect(args[1].clone())? {
        let h = vm.hash(&k)?;
        if tbl_contains(&d, &k, h) {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

// ---- set-only (mutating) methods ----------------------------------------------------------------------

fn add(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    self_cell(vm, args, "add")?;
    no_kwargs("set.add", kw)?;
    method_args("set.add", args, 1, 1)?;
    let h = vm.hash(&args[1])?;
    tbl_add(&mut self_cell(vm, args, "add")?.borrow_mut(), args[1].clone(), h);
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    self_cell(vm, args, "discard")?;
    no_kwargs("set.discard", kw)?;
    method_args("set.discard", args, 1, 1)?;
    let (k, h) = lookup_key(vm, &args[1])?;
    tbl_discard(&mut self_cell(vm, args, "discard")?.borrow_mut(), &k, h);
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    self_cell(vm, args, "remove")?;
    no_kwargs("set.remove", kw)?;
    method_args("set.remove", args, 1, 1)?;
    let (k, h) = lookup_key(vm, &args[1])?;
    if tbl_discard(&mut self_cell(vm, args, "remove")?.borrow_mut(), &k, h) {
        Ok(Value::None)
    } else {
        Err(PyErr::with_value(ExcKind::KeyError, args[1].clone()))
    }
}

fn pop(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let cell = self_cell(vm, args, "pop")?;
    no_kwargs("set.pop", kw)?;
    method_args("set.pop", args, 0, 0)?;
    let popped = tbl_pop(&mut cell.borrow_mut());
    popped.ok_or_else(|| PyErr::new(ExcKind::KeyError, "pop from an empty set"))
}

fn clear(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let cell = self_cell(vm, args, "clear")?;
    no_kwargs("set.clear", kw)?;
    method_args("set.clear", args, 0, 0)?;
    let old = std::mem::take(&mut *cell.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// Replace the receiver's table (elements may have been dropped: release them after the borrow).
fn store(cell: &RefCell<Dict>, d: Dict) {
    let old = std::mem::replace(&mut *cell.borrow_mut(), d);
    drop(old);
}

fn update(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    self_cell(vm, args, "update")?;
    no_kwargs("set.update", kw)?;
    for other in &args[1..] {
        if same_object(other, &args[0]) {
            continue;
        }
        let o = vm.to_set_data(other)?;
        let cell = self_cell(vm, args, "update")?;
        let mut d = cell.borrow_mut();
        for (k, h) in tbl_entries(&o) {
            tbl_add(&mut d, k, h);
        }
    }
    Ok(Value::None)
}

fn intersection_update(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let cell = self_cell(vm, args, "intersection_update")?;
    no_kwargs("set.intersection_update", kw)?;
    let mut d = cell.borrow().clone();
    for other in &args[1..] {
        d = intersect(vm, &d, other)?;
    }
    store(cell, d);
    Ok(Value::None)
}

fn difference_update(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let cell = self_cell(vm, args, "difference_update")?;
    no_kwargs("set.difference_update", kw)?;
    for other in &args[1..] {
        if same_object(other, &args[0]) {
            store(cell, Dict::new());
            continue;
        }
        let o = vm.to_set_data(other)?;
        let mut d = cell.borrow().clone();
        for (k, h) in tbl_entries(&o) {
            tbl_discard(&mut d, &k, h);
        }
        store(cell, d);
    }
    Ok(Value::None)
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let cell = self_cell(vm, args, "symmetric_difference_update")?;
    no_kwargs("set.symmetric_difference_update", kw)?;
    method_args("set.symmetric_difference_update", args, 1, 1)?;
    if same_object(&args[1], &args[0]) {
        store(cell, Dict::new());
        return Ok(Value::None);
    }
    let o = vm.to_set_data(&args[1])?;
    let mut d = cell.borrow().clone();
    for (k, h) in tbl_entries(&o) {
        if !tbl_discard(&mut d, &k, h) {
            tbl_add(&mut d, k, h);
        }
    }
    store(cell, d);
    Ok(Value::None)
}
