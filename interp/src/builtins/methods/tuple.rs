//! tuple methods.

use super::util::bad_self;
use crate::builtins::{method, method_args, no_kwargs};
use crate::error::{value_error, PyResult};
use crate::object::{KwArgs, Object};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let t = vm.types.tuple.clone();
    method(&t, "index", index);
    method(&t, "count", count);
}

fn items<'a>(vm: &Vm, args: &'a [Value], meth: &str) -> PyResult<&'a [Value]> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Object::Tuple(t)) => Ok(t),
        _ => Err(bad_self(vm, args, "tuple", meth)),
    }
}

/// A start/stop of tuple.index: an int (clamped), never None.
fn bound(vm: &mut Vm, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let i = match v {
        None => return Ok(default),
        Some(v) => super::util::slice_index_arg(vm, v)?,
    };
    let n = len as i64;
    Ok(if i < 0 {
        i.saturating_add(n).max(0) as usize
    } else {
        i.min(n) as usize
    })
}

fn index(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let t = items(vm, args, "index")?;
    no_kwargs("tuple.index", kw)?;
    method_args("index", args, 1, 3)?;
    let start = bound(vm, args.get(2), t.len(), 0)?;
    let stop = bound(vm, args.get(3), t.len(), t.len())?;
    for (i, x) in t.iter().enumerate().take(stop).skip(start) {
        if x.is(&args[1]) || vm.eq(x, &args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let t = items(vm, args, "count")?;
    no_kwargs("tuple.count", kw)?;
    method_args("tuple.count", args, 1, 1)?;
    let mut c = 0;
    for x in t {
        if x.is(&args[1]) || vm.eq(x, &args[1])? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}
