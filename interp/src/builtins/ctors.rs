//! Calling the builtin types: `int(x)`, `list(it)`, `range(n)`, ... Each constructor receives the type
//! as args[0] (so subclasses can be supported later) followed by the call's arguments.

use super::{kwarg, only_kwargs, set_in};
use crate::error::{type_error, PyResult};
use crate::numfmt;
use crate::object::{Iter, KwArgs, ObjRef, Object};
use crate::value::{int_from_big, Value};
use crate::vm::ops::big_to_f64;
use crate::vm::text::fmt_err;
use crate::vm::Vm;
use std::cell::RefCell;

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let pairs: Vec<(&str, ObjRef, crate::object::BuiltinFn)> = vec![
        ("int", t.int.clone(), int_new),
        ("float", t.float.clone(), float_new),
        ("str", t.str.clone(), str_new),
        ("bool", t.bool.clone(), bool_new),
        ("list", t.list.clone(), list_new),
        ("tuple", t.tuple.clone(), tuple_new),
        ("dict", t.dict.clone(), dict_new),
        ("set", t.set.clone(), set_new),
        ("frozenset", t.frozenset.clone(), frozenset_new),
        ("range", t.range.clone(), range_new),
        ("slice", t.slice.clone(), slice_new),
        ("type", t.type_.clone(), type_new),
        ("object", t.object.clone(), object_new),
        ("enumerate", t.enumerate.clone(), enumerate_new),
        ("zip", t.zip.clone(), zip_new),
        ("map", t.map.clone(), map_new),
        ("filter", t.filter.clone(), filter_new),
        ("reversed", t.reversed.clone(), reversed_new),
        ("bytes", t.bytes.clone(), bytes_new),
    ];
    if let Object::Type(tt) = &*vm.types.module {
        // `types.ModuleType(name, doc=None)`; the type is not a builtin name.
        tt.ctor.set(Some(module_new));
    }
    let b = vm.builtins.clone();
    for (name, ty, f) in pairs {
        if let Object::Type(tt) = &*ty {
            tt.ctor.set(Some(f));
        }
        set_in(&b, name, Value::Obj(ty));
    }
}

fn nargs(args: &[Value]) -> usize {
    args.len() - 1
}

fn int_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    only_kwargs("int", kw, &["base"])?;
    let a = &args[1..];
    let base = match (a.get(1), kwarg(kw, "base")) {
        (Some(b), _) | (None, Some(b)) => Some(b.clone()),
        _ => None,
    };
    if a.len() > 2 {
        return Err(type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            a.len()
        )));
    }
    let Some(x) = a.first() else {
        if base.is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if base.is_none() && vm.is_user_instance(x) {
        if let Some(v) = convert_dunder(vm, x, &["__int__", "__index__", "__trunc__"])? {
            return int_new(vm, &[args[0].clone(), v], kw);
        }
    }
    if let Some(b) = base {
        let b = b.as_i64().ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&b)
            ))
        })?;
        let s = match x.as_obj() {
            Some(Object::Str(s)) => s.as_str().to_string(),
            Some(Object::Bytes(bs)) => String::from_utf8_lossy(bs).to_string(),
            _ => {
                return Err(type_error(
                    "int() can't convert non-string with explicit base",
                ))
            }
        };
        return Ok(int_from_big(
            numfmt::parse_int_literal(&s, b).map_err(fmt_err)?,
        ));
    }
    to_int(vm, x)
}

/// int(x) for one argument.
pub fn to_int(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(int_from_big(numfmt::float_to_bigint(*f).map_err(fmt_err)?)),
        Value::Obj(o) => match &**o {
            Object::Int(_) => Ok(x.clone()),
            Object::Str(s) => Ok(int_from_big(
                numfmt::parse_int_literal(s.as_str(), 10).map_err(fmt_err)?,
            )),
            Object::Bytes(b) => Ok(int_from_big(
                numfmt::parse_int_literal(&String::from_utf8_lossy(b), 10).map_err(fmt_err)?,
            )),
            _ => Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(x)
            ))),
        },
        _ => Err(type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            vm.type_name(x)
        ))),
    }
}

fn float_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::no_kwargs("float", kw)?;
    if nargs(args) > 1 {
        return Err(type_error(format!(
            "float expected at most 1 argument, got {}",
            nargs(args)
        )));
    }
    let Some(x) = args.get(1) else {
        return Ok(Value::Float(0.0));
    };
    if vm.is_user_instance(x) {
        if let Some(v) = convert_dunder(vm, x, &["__float__", "__index__"])? {
            return float_new(vm, &[args[0].clone(), v], kw);
        }
    }
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::Obj(o) => match &**o {
            Object::Int(b) => Ok(Value::Float(big_to_f64(b)?)),
            Object::Str(s) => Ok(Value::Float(
                numfmt::parse_float_str(s.as_str()).map_err(fmt_err)?,
            )),
            _ => Err(type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                vm.type_name(x)
            ))),
        },
        _ => Err(type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            vm.type_name(x)
        ))),
    }
}

fn str_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    only_kwargs("str", kw, &["object", "encoding", "errors"])?;
    let x = args.get(1).or_else(|| kwarg(kw, "object"));
    let Some(x) = x else {
        return Ok(Value::str(""));
    };
    let encoding = args.get(2).or_else(|| kwarg(kw, "encoding"));
    let errors = args.get(3).or_else(|| kwarg(kw, "errors"));
    if encoding.is_some() || errors.is_some() {
        return super::methods::codecs::decode_value(vm, x, encoding, errors);
    }
    vm.str_value(x.clone())
}

fn bool_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::no_kwargs("bool", kw)?;
    if nargs(args) > 1 {
        return Err(type_error(format!(
            "bool expected at most 1 argument, got {}",
            nargs(args)
        )));
    }
    match args.get(1) {
        Some(x) => Ok(Value::Bool(vm.truthy(x)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn list_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::no_kwargs("list", kw)?;
    if nargs(args) > 1 {
        return Err(type_error(format!(
            "list expected at most 1 argument, got {}",
            nargs(args)
        )));
    }
    let items = match args.get(1) {
        Some(x) => collect_with_hint(vm, x)?,
        None => Vec::new(),
    };
    Ok(Value::obj(Object::List(RefCell::new(items))))
}

fn tuple_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::no_kwargs("tuple", kw)?;
    if nargs(args) > 1 {
        return Err(type_error(format!(
            "tuple expected at most 1 argument, got {}",
            nargs(args)
        )));
    }
    match args.get(1) {
        Some(x) if matches!(x.as_obj(), Some(Object::Tuple(_))) => Ok(x.clone()),
        Some(x) => Ok(Value::obj(Object::Tuple(collect_with_hint(vm, x)?))),
        None => Ok(Value::obj(Object::Tuple(Vec::new()))),
    }
}

/// `list(x)`/`tuple(x)`: the items of `x`. For a Python object with `__len__`, CPython sizes the result
/// from it first (PyObject_LengthHint, after `iter(x)`): an absurd length is a MemoryError up front, an
/// error from `__len__` other than TypeError propagates.
fn collect_with_hint(vm: &mut Vm, x: &Value) -> PyResult<Vec<Value>> {
    if !vm.is_user_instance(x) || Vm::base_of(x).is_some() {
        return vm.collect(x.clone());
    }
    let it = vm.get_iter(x.clone())?;
    let cls = vm.type_of(x);
    if vm.type_lookup(&cls, &vm.strs.get("__len__")).is_some() {
        match vm.len(x) {
            Ok(n) => drop(crate::alloc::vec::<Value>(n)?),
            Err(e) if vm.err_matches(&e, crate::error::ExcKind::TypeError) => {}
            Err(e) => return Err(e),
        }
    }
    vm.collect(it)
}

fn dict_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if nargs(args) > 1 {
        return Err(type_error(format!(
            "dict expected at most 1 argument, got {}",
            nargs(args)
        )));
    }
    let d = Value::obj(Object::Dict(Default::default()));
    if let Some(x) = args.get(1) {
        vm.dict_update(&d, x.clone(), false)?;
    }
    for (k, v) in kw {
        vm.dict_set(&d, Value::str(k), v.clone())?;
    }
    Ok(d)
}

fn set_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::no_kwargs("set", kw)?;
    if nargs(args) > 1 {
        return Err(type_error(format!(
            "set expected at most 1 argument, got {}",
            nargs(args)
        )));
    }
    match args.get(1) {
        Some(x) => vm.set_from_iterable(x, false),
        None => vm.new_set(Vec::new()),
    }
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::no_kwargs("frozenset", kw)?;
    if nargs(args) > 1 {
        return Err(type_error(format!(
            "frozenset expected at most 1 argument, got {}",
            nargs(args)
        )));
    }
    match args.get(1) {
        // frozenset(f) of an exact frozenset is f itself.
        Some(x) if matches!(x.as_obj(), Some(Object::FrozenSet(_))) => Ok(x.clone()),
        Some(x) => vm.set_from_iterable(x, true),
        None => Ok(Value::obj(Object::FrozenSet(Default::default()))),
    }
}

fn range_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::no_kwargs("range", kw)?;
    let a = &args[1..];
    match a.len() {
        0 => Err(type_error("range expected at least 1 argument, got 0")),
        1..=3 => crate::range::new(vm, a),
        n => Err(type_error(format!(
            "range expected at most 3 arguments, got {}",
            n
        ))),
    }
}

fn slice_new(_vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::no_kwargs("slice", kw)?;
    let a = &args[1..];
    let parts = match a.len() {
        1 => [Value::None, a[0].clone(), Value::None],
        2 => [a[0].clone(), a[1].clone(), Value::None],
        3 => [a[0].clone(), a[1].clone(), a[2].clone()],
        0 => return Err(type_error("slice expected at least 1 argument, got 0")),
        n => {
            return Err(type_error(format!(
                "slice expected at most 3 arguments, got {}",
                n
            )))
        }
    };
    Ok(Value::obj(Object::Slice(Box::new(parts))))
}

fn type_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    match nargs(args) {
        1 => Ok(Value::Obj(vm.type_of(&args[1]))),
        3 => crate::vm::metaclass::type_call3(vm, &args[1..], kw),
        _ => Err(type_error("type() takes 1 or 3 arguments")),
    }
}

/// `module(name, doc=None)`: an empty module, as `types.ModuleType` makes them.
fn module_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    only_kwargs("module", kw, &["name", "doc"])?;
    let a = &args[1..];
    if a.len() + kw.len() > 2 {
        return Err(type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            a.len() + kw.len()
        )));
    }
    let Some(name) = a.first().or_else(|| kwarg(kw, "name")).cloned() else {
        return Err(type_error(
            "module() missing required argument 'name' (pos 1)",
        ));
    };
    let Some(n) = name.as_str() else {
        return Err(type_error(format!(
            "module() argument 'name' must be str, not {}",
            vm.type_name(&name)
        )));
    };
    let doc = a
        .get(1)
        .or_else(|| kwarg(kw, "doc"))
        .cloned()
        .unwrap_or(Value::None);
    let globals = vm.new_globals(n);
    // CPython's fresh module has exactly these entries (no `__builtins__` until code runs in it).
    if let Object::Dict(d) = &*globals {
        let mut d = d.borrow_mut();
        d.clear();
        for (k, v) in [
            ("__name__", name.clone()),
            ("__doc__", doc),
            ("__package__", Value::None),
            ("__loader__", Value::None),
            ("__spec__", Value::None),
        ] {
            d.set_str(Value::str(k), crate::hash::hash_str(k), v);
        }
    }
    Ok(Value::obj(Object::Module(crate::object::Module {
        name: n.to_string(),
        dict: globals,
    })))
}

fn object_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if nargs(args) > 0 {
        return Err(type_error("object() takes no arguments"));
    }
    Ok(Value::obj(Object::Instance(crate::object::Instance::new(
        vm.types.object.clone(),
    ))))
}

fn iter_value(it: Iter) -> Value {
    Value::obj(Object::Iter(RefCell::new(it)))
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    only_kwargs("enumerate", kw, &["iterable", "start"])?;
    let a = &args[1..];
    let iterable = a.first().or_else(|| kwarg(kw, "iterable")).cloned();
    let Some(iterable) = iterable else {
        return Err(type_error(
            "enumerate() missing required argument 'iterable' (pos 1)",
        ));
    };
    let start = a
        .get(1)
        .or_else(|| kwarg(kw, "start"))
        .cloned()
        .unwrap_or(Value::Int(0));
    if !start.is_int_like() {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&start)
        )));
    }
    let it = vm.get_iter(iterable)?;
    Ok(iter_value(Iter::Enumerate {
        iter: it,
        count: start,
    }))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    only_kwargs("zip", kw, &["strict"])?;
    let strict = match kwarg(kw, "strict") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut iters = Vec::new();
    for (i, a) in args[1..].iter().enumerate() {
        match vm.get_iter(a.clone()) {
            Ok(it) => iters.push(it),
            Err(_) => {
                return Err(type_error(format!(
                    "zip argument #{} must support iteration",
                    i + 1
                )));
            }
        }
    }
    Ok(iter_value(Iter::Zip { iters, strict }))
}

fn map_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::no_kwargs("map", kw)?;
    if nargs(args) < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::new();
    for a in &args[2..] {
        iters.push(vm.get_iter(a.clone())?);
    }
    Ok(iter_value(Iter::Map {
        func: args[1].clone(),
        iters,
    }))
}

fn filter_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::no_kwargs("filter", kw)?;
    if nargs(args) != 2 {
        return Err(type_error(format!(
            "filter expected 2 arguments, got {}",
            nargs(args)
        )));
    }
    let it = vm.get_iter(args[2].clone())?;
    Ok(iter_value(Iter::Filter {
        func: args[1].clone(),
        iter: it,
    }))
}

fn reversed_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::no_kwargs("reversed", kw)?;
    if nargs(args) != 1 {
        return Err(type_error(format!(
            "reversed expected 1 argument, got {}",
            nargs(args)
        )));
    }
    let x = &args[1];
    if vm.is_user_instance(x) {
        // `__reversed__ = None` opts out of the sequence protocol.
        let cls = vm.type_of(x);
        let reversed_is_none = matches!(
            vm.type_lookup(&cls, &vm.strs.get("__reversed__")),
            Some(Value::None)
        );
        if !reversed_is_none {
            if let Some(r) = vm.call_dunder(x, "__reversed__", &[])? {
                return Ok(r);
            }
        }
        if let Some(b) = Vm::base_of(x) {
            let b = b.clone();
            return reversed_new(vm, &[args[0].clone(), b], kw);
        }
        // The sequence protocol: `__getitem__` with indexes len-1 .. 0, called lazily by the
        // iterator (ctors: CPython's reversed_new).
        let getitem = vm.strs.get("__getitem__");
        if vm.type_lookup(&cls, &getitem).is_none() || reversed_is_none {
            return Err(type_error(format!(
                "'{}' object is not reversible",
                vm.type_name(x)
            )));
        }
        let n = vm.len(x)?;
        if let Value::Obj(o) = x {
            return Ok(iter_value(Iter::Reversed {
                seq: o.clone(),
                index: n,
            }));
        }
    }
    let Value::Obj(o) = x else {
        return Err(type_error(format!(
            "'{}' object is not reversible",
            vm.type_name(x)
        )));
    };
    let n = match &**o {
        Object::List(l) => l.borrow().len(),
        Object::Tuple(t) => t.len(),
        Object::Str(s) => s.char_len(),
        Object::Range(r) => r.len() as usize,
        Object::BigRange(_) => {
            let p = crate::range::parts(o).expect("a range");
            return vm.get_iter(crate::range::reversed(&p));
        }
        Object::Bytes(b) => b.len(),
        Object::ByteArray(b) => b.data.borrow().len(),
        Object::Dict(_) | Object::DictView(_) => {
            let mut items = vm.collect(x.clone())?;
            items.reverse();
            let l = Value::obj(Object::List(RefCell::new(items)));
            return vm.get_iter(l);
        }
        _ => {
            return Err(type_error(format!(
                "'{}' object is not reversible",
                vm.type_name(x)
            )))
        }
    };
    Ok(iter_value(Iter::Reversed {
        seq: o.clone(),
        index: n,
    }))
}

fn bytes_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::methods::bytearray::new_bytes_like(vm, args, kw, super::methods::bytes::Kind::Bytes)
}

/// `int(x)`/`float(x)` on an instance of a Python class: the first conversion dunder it defines, else the
/// builtin value of a builtin-type subclass; None leaves the caller's own error.
fn convert_dunder(vm: &mut Vm, x: &Value, names: &[&'static str]) -> PyResult<Option<Value>> {
    for n in names {
        if let Some(v) = vm.call_dunder(x, n, &[])? {
            return Ok(Some(v));
        }
    }
    Ok(Vm::base_of(x).cloned())
}
