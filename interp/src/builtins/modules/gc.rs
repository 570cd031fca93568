//! `gc`: the cycle collector's Python interface (the collector itself is crate::gc).

use crate::builtins::{arg_range, register, set_in};
use crate::error::{type_error, value_error, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

thread_local! {
    /// `set_threshold`'s values, reported back by `get_threshold` (CPython's defaults). pvm's collector
    /// is not generational: its own trigger is adaptive (see crate::gc); threshold0 == 0 disables
    /// automatic collection, as in CPython.
    static THRESHOLD: Cell<(i64, i64, i64)> = const { Cell::new((700, 10, 10)) };
}

pub(super) fn init(_vm: &mut Vm, d: &ObjRef) {
    register(d, "collect", collect);
    register(d, "enable", |_vm, _a, _k| {
        crate::gc::set_enabled(true);
        Ok(Value::None)
    });
    register(d, "disable", |_vm, _a, _k| {
        crate::gc::set_enabled(false);
        Ok(Value::None)
    });
    register(d, "isenabled", |_vm, _a, _k| {
        Ok(Value::Bool(crate::gc::is_enabled()))
    });
    register(d, "get_count", |_vm, a, k| {
        crate::builtins::no_kwargs("get_count", k)?;
        arg_range("get_count", a, 0, 0)?;
        let n = crate::gc::allocations_since_collection() as i64;
        Ok(Value::obj(Object::Tuple(vec![
            Value::Int(n),
            Value::Int(0),
            Value::Int(0),
        ])))
    });
    register(d, "get_threshold", |_vm, a, _k| {
        arg_range("get_threshold", a, 0, 0)?;
        let (x, y, z) = THRESHOLD.with(|t| t.get());
        Ok(Value::obj(Object::Tuple(vec![
            Value::Int(x),
            Value::Int(y),
            Value::Int(z),
        ])))
    });
    register(d, "set_threshold", set_threshold);
    register(d, "is_tracked", |_vm, a, _k| {
        arg_range("is_tracked", a, 1, 1)?;
        Ok(Value::Bool(match &a[0] {
            Value::Obj(o) => crate::gc::is_container(o),
            _ => false,
        }))
    });
    set_in(
        d,
        "garbage",
        Value::obj(Object::List(RefCell::new(Vec::new()))),
    );
    set_in(
        d,
        "callbacks",
        Value::obj(Object::List(RefCell::new(Vec::new()))),
    );
}

/// `gc.collect(generation=2)`: collect now, run the weak reference callbacks that became due, and
/// return the number of unreachable objects found.
fn collect(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let generation = match (args.first(), kw.first()) {
        (Some(g), _) => Some(g.clone()),
        (None, Some((k, v))) if &**k == "generation" => Some(v.clone()),
        (None, Some((k, _))) => {
            return Err(type_error(format!(
                "collect() got an unexpected keyword argument '{}'",
                &**k
            )))
        }
        _ => None,
    };
    arg_range("collect", args, 0, 1)?;
    if let Some(g) = generation {
        match g {
            Value::Int(0..=2) => {}
            Value::Int(_) => return Err(value_error("invalid generation")),
            _ => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(&g)
                )))
            }
        }
    }
    let mut n = crate::gc::collect();
    vm.run_weakref_callbacks();
    if crate::gc::deferred_for_finalizers() {
        // The garbage had finalizers, which just ran: free it now, as CPython does in one collection
        // (unless a finalizer resurrected it).
        n = crate::gc::collect();
        vm.run_weakref_callbacks();
    }
    Ok(Value::Int(n as i64))
}

fn set_threshold(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::no_kwargs("set_threshold", kw)?;
    arg_range("set_threshold", args, 1, 3)?;
    let mut t = THRESHOLD.with(|t| t.get());
    for (i, a) in args.iter().enumerate() {
        let Value::Int(v) = a else {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(a)
            )));
        };
        match i {
            0 => t.0 = *v,
            1 => t.1 = *v,
            _ => t.2 = *v,
        }
    }
    THRESHOLD.with(|c| c.set(t));
    crate::gc::set_automatic(t.0 != 0);
    Ok(Value::None)
}
