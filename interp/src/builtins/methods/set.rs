//! set and frozenset methods.
//!
//! Every method exists once per type (`set.union` and `frozenset.union` are distinct builtins) so that
//! descriptor and arity messages name the right type. The set algebra itself (CPython 3.11's
//! setobject.c, so that results iterate in CPython's order) lives in `vm/containers.rs`; see the recipe
//! in `settable.rs`.

use super::util::{bad_self, pos_only};
use crate::builtins::{method, method_args, no_kwargs};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::settable::SetTable;
use crate::value::Value;
use crate::vm::protocol::{is_anyset, ok, set_eq, set_table, set_value};
use crate::vm::Vm;
use std::cell::RefCell;

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
    method(
        &s,
        "symmetric_difference_update",
        symmetric_difference_update,
    );
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

// ---- receiver access ----------------------------------------------------------------------------------

/// The receiver (a set for `Kind::Set`, a frozenset for `Kind::Frozen`).
fn self_obj<'a>(vm: &Vm, args: &'a [Value], kind: Kind, meth: &str) -> PyResult<&'a ObjRef> {
    match (kind, args.first()) {
        (Kind::Set, Some(Value::Obj(o))) if matches!(&**o, Object::Set(_)) => Ok(o),
        (Kind::Frozen, Some(Value::Obj(o))) if matches!(&**o, Object::FrozenSet(_)) => Ok(o),
        _ => Err(bad_self(vm, args, kind.name(), meth)),
    }
}

/// The receiver of a mutating method and its table.
fn self_cell<'a>(
    vm: &Vm,
    args: &'a [Value],
    meth: &str,
) -> PyResult<(&'a ObjRef, &'a RefCell<SetTable>)> {
    match args.first() {
        Some(Value::Obj(o)) => match &**o {
            Object::Set(s) => Ok((o, s)),
            _ => Err(bad_self(vm, args, "set", meth)),
        },
        _ => Err(bad_self(vm, args, "set", meth)),
    }
}

fn result(t: SetTable, kind: Kind) -> Value {
    set_value(t, kind == Kind::Frozen)
}

// ---- shared methods -----------------------------------------------------------------------------------

fn copy_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let so = self_obj(vm, args, kind, "copy")?;
    pos_only(kind.name(), "copy", true, args, kw, 0, 0)?;
    if kind == Kind::Frozen {
        return Ok(args[0].clone());
    }
    let t = SetTable::copy_of(&set_table(so).expect("set"));
    Ok(result(t, kind))
}

fn union_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let so = self_obj(vm, args, kind, "union")?;
    pos_only(kind.name(), "union", true, args, kw, 0, usize::MAX)?;
    let t = vm.set_union_multi(so, &args[1..])?;
    Ok(result(t, kind))
}

fn intersection_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let so = self_obj(vm, args, kind, "intersection")?;
    pos_only(kind.name(), "intersection", true, args, kw, 0, usize::MAX)?;
    let t = vm.set_intersection_multi(so, &args[1..])?;
    Ok(result(t, kind))
}

/// `set_difference_multi`: a copy without arguments; else `difference` with the first, then
/// `difference_update` with the rest.
fn difference_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let so = self_obj(vm, args, kind, "difference")?;
    pos_only(kind.name(), "difference", true, args, kw, 0, usize::MAX)?;
    if args.len() == 1 {
        let t = SetTable::copy_of(&set_table(so).expect("set"));
        return Ok(result(t, kind));
    }
    let cell = RefCell::new(vm.set_difference(so, &args[1])?);
    for other in &args[2..] {
        vm.table_difference_update(&cell, None, other)?;
    }
    Ok(result(cell.into_inner(), kind))
}

fn symmetric_difference_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    kind: Kind,
) -> PyResult<Value> {
    let so = self_obj(vm, args, kind, "symmetric_difference")?;
    pos_only(kind.name(), "symmetric_difference", true, args, kw, 1, 1)?;
    let t = vm.set_symmetric_difference(so, &args[1])?;
    Ok(result(t, kind))
}

/// `other` as a set object: itself if it is one, else `set(other)`.
fn as_set(vm: &mut Vm, other: &Value) -> PyResult<ObjRef> {
    let v = if is_anyset(other) {
        other.clone()
    } else {
        vm.set_from_iterable(other, false)?
    };
    match v {
        Value::Obj(o) => Ok(o),
        _ => unreachable!("a set object"),
    }
}

fn issubset_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let so = self_obj(vm, args, kind, "issubset")?;
    pos_only(kind.name(), "issubset", true, args, kw, 1, 1)?;
    let o = as_set(vm, &args[1])?;
    Ok(Value::Bool(vm.set_is_subset(so, &o)?))
}

fn issuperset_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let so = self_obj(vm, args, kind, "issuperset")?;
    pos_only(kind.name(), "issuperset", true, args, kw, 1, 1)?;
    if let Value::Obj(o) = &args[1] {
        if set_table(o).is_some() {
            return Ok(Value::Bool(vm.set_is_subset(o, so)?));
        }
    }
    let it = vm.get_iter(args[1].clone())?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        let found = vm.table_find_obj(so, h, &x)?;
        if found.is_none() {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn isdisjoint_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, kind: Kind) -> PyResult<Value> {
    let so = self_obj(vm, args, kind, "isdisjoint")?;
    pos_only(kind.name(), "isdisjoint", true, args, kw, 1, 1)?;
    if let Value::Obj(o) = &args[1] {
        if let Some(b) = set_table(o) {
            let a = set_table(so).expect("set");
            let (small, big) = if b.len() > a.len() {
                (&*a, &*b)
            } else {
                (&*b, &*a)
            };
            let hit = small
                .iter()
                .any(|e| ok(big.find(e.hash, |k| set_eq(k, &e.key))).is_some());
            return Ok(Value::Bool(!hit));
        }
    }
    let it = vm.get_iter(args[1].clone())?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        let found = vm.table_find_obj(so, h, &x)?;
        if found.is_some() {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

// ---- set-only (mutating) methods ----------------------------------------------------------------------

fn add(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, cell) = self_cell(vm, args, "add")?;
    no_kwargs("set.add", kw)?;
    method_args("set.add", args, 1, 1)?;
    vm.table_add(cell, args[1].clone())?;
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, cell) = self_cell(vm, args, "discard")?;
    no_kwargs("set.discard", kw)?;
    method_args("set.discard", args, 1, 1)?;
    vm.set_discard(cell, &args[1])?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, cell) = self_cell(vm, args, "remove")?;
    no_kwargs("set.remove", kw)?;
    method_args("set.remove", args, 1, 1)?;
    if vm.set_discard(cell, &args[1])? {
        Ok(Value::None)
    } else {
        Err(PyErr::with_value(ExcKind::KeyError, args[1].clone()))
    }
}

fn pop(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, cell) = self_cell(vm, args, "pop")?;
    no_kwargs("set.pop", kw)?;
    method_args("set.pop", args, 0, 0)?;
    let popped = cell.borrow_mut().pop_item();
    popped
        .map(|(_, k)| k)
        .ok_or_else(|| PyErr::new(ExcKind::KeyError, "pop from an empty set"))
}

fn clear(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, cell) = self_cell(vm, args, "clear")?;
    no_kwargs("set.clear", kw)?;
    method_args("set.clear", args, 0, 0)?;
    cell.borrow_mut().clear();
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (so, cell) = self_cell(vm, args, "update")?;
    no_kwargs("set.update", kw)?;
    for other in &args[1..] {
        vm.table_update(cell, Some(so), other)?;
    }
    Ok(Value::None)
}

/// `set_intersection_update_multi`: the whole chain, then `set_swap_bodies`.
fn intersection_update(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (so, cell) = self_cell(vm, args, "intersection_update")?;
    no_kwargs("set.intersection_update", kw)?;
    let t = vm.set_intersection_multi(so, &args[1..])?;
    cell.borrow_mut().replace_body(t);
    Ok(Value::None)
}

fn difference_update(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (so, cell) = self_cell(vm, args, "difference_update")?;
    no_kwargs("set.difference_update", kw)?;
    for other in &args[1..] {
        vm.table_difference_update(cell, Some(so), other)?;
    }
    Ok(Value::None)
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (so, cell) = self_cell(vm, args, "symmetric_difference_update")?;
    no_kwargs("set.symmetric_difference_update", kw)?;
    method_args("set.symmetric_difference_update", args, 1, 1)?;
    vm.table_symmetric_difference_update(cell, Some(so), &args[1])?;
    Ok(Value::None)
}
