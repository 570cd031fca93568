//! Argument helpers shared by the str / bytes / tuple / set / number methods, with CPython's messages.

use crate::error::{overflow_error, type_error, PyResult};
use crate::object::{KwArgs, Object};
use crate::value::Value;
use crate::vm::Vm;
use num_traits::Signed;
use std::cell::RefCell;

/// The `self` argument check of a method called through its type (`str.upper(5)`, `str.upper()`).
pub fn bad_self(vm: &Vm, args: &[Value], tname: &str, meth: &str) -> crate::error::PyErr {
    match args.first() {
        None => type_error(format!(
            "unbound method {}.{}() needs an argument",
            tname, meth
        )),
        Some(v) => type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            meth,
            tname,
            vm.type_name(v)
        )),
    }
}

/// `bad_self` unless `args[0]` is an object `is_ok` accepts (methods called through their type:
/// `list.append(5, 1)`). Instances of subclasses arrive here already unwrapped to their base.
pub fn expect_self(
    vm: &Vm,
    args: &[Value],
    tname: &str,
    meth: &str,
    is_ok: fn(&Object) -> bool,
) -> PyResult<()> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(o) if is_ok(o) => Ok(()),
        _ => Err(bad_self(vm, args, tname, meth)),
    }
}

/// Positional-only method arguments (`args` includes self): no keywords ("str.center() takes no keyword
/// arguments") and `min..=max` arguments, with `method_args`' messages naming "tname.meth" when
/// `qualified`, else just "meth". Nothing is allocated unless the call is wrong.
pub fn pos_only(
    tname: &str,
    meth: &str,
    qualified: bool,
    args: &[Value],
    kw: &KwArgs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len().saturating_sub(1);
    if kw.is_empty() && n >= min && n <= max {
        return Ok(());
    }
    let q = format!("{}.{}", tname, meth);
    crate::builtins::no_kwargs(&q, kw)?;
    crate::builtins::method_args(if qualified { &q } else { meth }, args, min, max)
}

/// Old-style (`PyArg_ParseTuple`) arity messages: "find() takes at least 1 argument (0 given)".
/// `args` includes self; `tname` names the type in the no-keywords message.
pub fn old_args(
    name: &str,
    args: &[Value],
    kw: &KwArgs,
    tname: &str,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!(
            "{}.{}() takes no keyword arguments",
            tname, name
        )));
    }
    let n = args.len().saturating_sub(1);
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    if n < min {
        let how = if min == max { "exactly" } else { "at least" };
        return Err(type_error(format!(
            "{}() takes {} {} {} ({} given)",
            name,
            how,
            min,
            plural(min),
            n
        )));
    }
    if n > max {
        let how = if min == max { "exactly" } else { "at most" };
        return Err(type_error(format!(
            "{}() takes {} {} {} ({} given)",
            name,
            how,
            max,
            plural(max),
            n
        )));
    }
    Ok(())
}

/// Like `bind`, but only the first `npos` names may be given positionally (the rest are keyword-only).
pub fn bind_kwonly(
    fname: &str,
    pos: &[Value],
    kw: &KwArgs,
    names: &[&str],
    npos: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    if pos.len() > npos {
        return Err(type_error(format!(
            "{}() takes at most {} positional argument{} ({} given)",
            fname,
            npos,
            if npos == 1 { "" } else { "s" },
            pos.len()
        )));
    }
    bind(fname, pos, kw, names, required)
}

/// Bind positional (after self) and keyword arguments to `names` (Argument Clinic style, all optional
/// unless `required` says how many leading ones are mandatory).
pub fn bind(
    fname: &str,
    pos: &[Value],
    kw: &KwArgs,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let max = names.len();
    if pos.len() > max {
        let total = pos.len() + kw.len();
        return Err(type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            fname,
            max,
            if max == 1 { "" } else { "s" },
            total
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; max];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in kw {
        match names.iter().position(|n| *n == &**k) {
            Some(i) => {
                if out[i].is_some() {
                    return Err(type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        k,
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            None => {
                return Err(type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k, fname
                )))
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// An integer argument that must fit a C `Py_ssize_t` (`__index__` semantics for builtin ints).
pub fn index_arg(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Obj(o) => match &**o {
            Object::Int(_) => Err(overflow_error(
                "Python int too large to convert to C ssize_t",
            )),
            _ => Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            ))),
        },
        _ => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

/// `PyNumber_Index`: an int, an int subclass's instance or an object with `__index__`, as that int
/// (small ints stay `Value::Int`). Not called while a borrow is held: `__index__` is Python code.
pub fn number_index(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    use crate::vm::ops::{as_int, IntRef};
    match as_int(v) {
        Some(IntRef::Small(i)) => return Ok(Value::Int(i)),
        Some(IntRef::Big(b)) => return Ok(crate::value::int_from_big(b.clone())),
        None => {}
    }
    if vm.is_user_instance(v) {
        if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
            return match as_int(&r) {
                Some(IntRef::Small(i)) => Ok(Value::Int(i)),
                Some(IntRef::Big(b)) => Ok(crate::value::int_from_big(b.clone())),
                None => Err(type_error(format!(
                    "__index__ returned non-int (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
    }
    Err(type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    )))
}

/// `PyNumber_AsSsize_t(v, OverflowError)`: `__index__` semantics, OverflowError beyond the C range
/// (`[].insert(2**64, x)`, `[1].pop(-2**64)`).
pub fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match number_index(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// `_PyEval_SliceIndexNotNone`: a start/stop argument of `list.index`/`tuple.index`: `__index__`
/// semantics, clamped to the C range (`[1].index(1, 2**64)` searches nothing).
pub fn slice_index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let is_index = crate::vm::ops::as_int(v).is_some() || {
        let cls = vm.type_of(v);
        vm.is_user_instance(v) && vm.type_lookup(&cls, &vm.strs.get("__index__")).is_some()
    };
    if !is_index {
        return Err(type_error(
            "slice indices must be integers or have an __index__ method",
        ));
    }
    Ok(match number_index(vm, v)? {
        Value::Int(i) => i,
        big => match crate::vm::ops::as_int(&big) {
            Some(crate::vm::ops::IntRef::Big(b)) if b.is_negative() => i64::MIN,
            _ => i64::MAX,
        },
    })
}

/// A start/end argument of find/count/startswith...: None or an int, clamped to the i64 range.
pub fn slice_arg(v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::Bool(b)) => Ok(Some(*b as i64)),
        Some(Value::Obj(o)) => match &**o {
            Object::Int(b) => Ok(Some(if b.is_negative() { i64::MIN } else { i64::MAX })),
            _ => Err(type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        },
        Some(_) => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// CPython's ADJUST_INDICES: `end` is clipped to `len`, negative values count from the end (floored at 0);
/// `start` may stay beyond `len`.
pub fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let n = len as i64;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(n);
    if e > n {
        e = n;
    } else if e < 0 {
        e = e.saturating_add(n);
        if e < 0 {
            e = 0;
        }
    }
    if s < 0 {
        s = s.saturating_add(n);
        if s < 0 {
            s = 0;
        }
    }
    (s, e)
}

pub fn new_list(v: Vec<Value>) -> Value {
    Value::obj(Object::List(RefCell::new(v)))
}

pub fn new_tuple(v: Vec<Value>) -> Value {
    Value::obj(Object::Tuple(v))
}

pub fn new_bytes(v: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(v))
}
