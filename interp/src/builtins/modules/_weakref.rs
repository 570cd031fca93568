//! `_weakref`: weak reference types (`ref` = `ReferenceType`, `ProxyType`, `CallableProxyType`),
//! `proxy`, `getweakrefcount`, `getweakrefs`. The mechanism (table of referents, clearing on death,
//! callback queue) is crate::weakref; `weakref.py` (interp/lib) builds the containers on top.

use crate::builtins::{method, register, set_in};
use crate::bytecode::{BinOp, CmpOp};
use crate::error::{attribute_error, type_error, PyErr, PyResult};
use crate::native::native_type;
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;
use crate::weakref::{WeakKind, WeakRefData};
use std::cell::RefCell;

thread_local! {
    /// (ReferenceType, ProxyType, CallableProxyType), for `proxy()`.
    static TYPES: RefCell<Option<(ObjRef, ObjRef, ObjRef)>> = const { RefCell::new(None) };
}

pub(super) fn init(vm: &mut Vm, d: &ObjRef) {
    let rt = native_type(vm, "ReferenceType", "weakref", Some(ref_new));
    method(&rt, "__call__", ref_call);
    method(&rt, "__hash__", ref_hash);
    method(&rt, "__eq__", ref_eq);
    method(&rt, "__ne__", ref_ne);
    method(&rt, "__repr__", ref_repr);
    method(&rt, "__getattr__", ref_getattr);
    let pt = native_type(vm, "ProxyType", "weakref", None);
    let cpt = native_type(vm, "CallableProxyType", "weakref", None);
    for t in [&pt, &cpt] {
        proxy_methods(t);
    }
    method(&cpt, "__call__", proxy_call);
    set_in(d, "ref", Value::Obj(rt.clone()));
    set_in(d, "ReferenceType", Value::Obj(rt.clone()));
    set_in(d, "ProxyType", Value::Obj(pt.clone()));
    set_in(d, "CallableProxyType", Value::Obj(cpt.clone()));
    TYPES.with(|c| *c.borrow_mut() = Some((rt, pt, cpt)));
    register(d, "proxy", proxy_new);
    register(d, "getweakrefcount", getweakrefcount);
    register(d, "getweakrefs", getweakrefs);
}

fn data(v: &Value) -> Option<&WeakRefData> {
    crate::native::payload::<WeakRefData>(v)
}

/// The referent of `obj` if weak references to it are allowed, else CPython's TypeError.
fn referent(vm: &Vm, obj: &Value) -> PyResult<ObjRef> {
    match obj {
        Value::Obj(o) if crate::weakref::can_refer(o) => Ok(o.clone()),
        _ => Err(type_error(format!(
            "cannot create weak reference to '{}' object",
            vm.type_name(obj)
        ))),
    }
}

/// `ref(obj[, callback])`.
fn ref_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(type_error("ref() takes no keyword arguments"));
    }
    let Some(Value::Obj(cls)) = args.first() else {
        return Err(type_error("ReferenceType.__new__: no type"));
    };
    let n = args.len() - 1;
    if n == 0 {
        return Err(type_error("__new__ expected at least 1 argument, got 0"));
    }
    if n > 2 {
        return Err(type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            n
        )));
    }
    let target = referent(vm, &args[1])?;
    let callback = args.get(2).cloned().unwrap_or(Value::None);
    if callback.is_none() {
        if let Some(r) = crate::weakref::basic_ref(&target, WeakKind::Ref, cls) {
            return Ok(Value::Obj(r));
        }
    }
    Ok(Value::Obj(crate::weakref::new_ref(
        &target,
        cls,
        WeakKind::Ref,
        callback,
    )))
}

/// `proxy(obj[, callback])`: a ProxyType, or a CallableProxyType for a callable referent.
fn proxy_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::no_kwargs("proxy", kw)?;
    if args.is_empty() || args.len() > 2 {
        return Err(type_error(format!(
            "proxy expected {} 2 arguments, got {}",
            if args.is_empty() {
                "at least"
            } else {
                "at most"
            },
            args.len()
        )));
    }
    let target = referent(vm, &args[0])?;
    let callable = crate::builtins::functions::is_callable(vm, &args[0]);
    let (_, pt, cpt) = TYPES
        .with(|c| c.borrow().clone())
        .expect("_weakref initialised");
    let (cls, kind) = if callable {
        (cpt, WeakKind::CallableProxy)
    } else {
        (pt, WeakKind::Proxy)
    };
    let callback = args.get(1).cloned().unwrap_or(Value::None);
    if callback.is_none() {
        if let Some(r) = crate::weakref::basic_ref(&target, kind, &cls) {
            return Ok(Value::Obj(r));
        }
    }
    Ok(Value::Obj(crate::weakref::new_ref(
        &target, &cls, kind, callback,
    )))
}

fn this<'a>(vm: &Vm, args: &'a [Value], meth: &str) -> PyResult<&'a WeakRefData> {
    crate::native::self_payload::<WeakRefData>(vm, args, "weakref.ReferenceType", meth)
}

fn ref_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "__call__")?;
    if !kw.is_empty() {
        return Err(type_error("weakref() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(type_error(format!(
            "weakref() takes exactly 0 arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(d.get().map(Value::Obj).unwrap_or(Value::None))
}

fn ref_hash(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "__hash__")?;
    if let Some(h) = d.hash.get() {
        return Ok(Value::Int(h));
    }
    let Some(t) = d.get() else {
        return Err(type_error("weak object has gone away"));
    };
    let h = vm.hash(&Value::Obj(t))?;
    d.hash.set(Some(h));
    Ok(Value::Int(h))
}

/// Two live refs compare their referents; otherwise a ref equals only itself.
fn ref_eq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "__eq__")?;
    let Some(other) = args.get(1) else {
        return Err(type_error("expected 1 argument, got 0"));
    };
    let Some(o) = data(other).filter(|o| o.kind == WeakKind::Ref) else {
        return Ok(Value::obj(Object::Singleton(
            crate::object::Singleton::NotImplemented,
        )));
    };
    match (d.get(), o.get()) {
        (Some(a), Some(b)) => {
            let r = vm.eq(&Value::Obj(a), &Value::Obj(b))?;
            Ok(Value::Bool(r))
        }
        _ => Ok(Value::Bool(args[0].is(other))),
    }
}

fn ref_ne(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let r = ref_eq(vm, args, kw)?;
    Ok(match r {
        Value::Bool(b) => Value::Bool(!b),
        other => other,
    })
}

fn ref_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "__repr__")?;
    let me = args[0].identity();
    let Some(t) = d.get() else {
        return Ok(Value::from_string(format!("<weakref at 0x{:x}; dead>", me)));
    };
    let tv = Value::Obj(t);
    let tname = vm.type_name(&tv);
    let name = match vm.getattr(&tv, &Value::str("__name__")) {
        Ok(n) => n.as_str().map(|s| format!(" ({})", s)),
        Err(_) => None,
    };
    Ok(Value::from_string(format!(
        "<weakref at 0x{:x}; to '{}' at 0x{:x}{}>",
        me,
        tname,
        tv.identity(),
        name.unwrap_or_default()
    )))
}

fn ref_getattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "__getattr__")?;
    let name = args.get(1).and_then(|v| v.as_str()).unwrap_or("");
    match name {
        "__callback__" => Ok(d.callback.borrow().clone()),
        _ => Err(attribute_error(format!(
            "'weakref.ReferenceType' object has no attribute '{}'",
            name
        ))),
    }
}

fn getweakrefcount(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::arg_range("getweakrefcount", args, 1, 1)?;
    Ok(Value::Int(match &args[0] {
        Value::Obj(o) => crate::weakref::refs_to(o).len() as i64,
        _ => 0,
    }))
}

fn getweakrefs(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::arg_range("getweakrefs", args, 1, 1)?;
    let refs = match &args[0] {
        Value::Obj(o) => crate::weakref::refs_to(o)
            .into_iter()
            .map(Value::Obj)
            .collect(),
        _ => Vec::new(),
    };
    Ok(Value::obj(Object::List(RefCell::new(refs))))
}

// ---- proxies --------------------------------------------------------------------------------------------

/// The live referent behind a proxy, or ReferenceError.
fn target(v: &Value) -> PyResult<Value> {
    match data(v) {
        Some(d) => d.get().map(Value::Obj).ok_or_else(|| {
            PyErr::new(
                crate::error::ExcKind::ReferenceError,
                "weakly-referenced object no longer exists",
            )
        }),
        None => Ok(v.clone()),
    }
}

/// An operand of a proxy operation: proxies stand for their referents.
fn unwrap(v: &Value) -> PyResult<Value> {
    match data(v) {
        Some(d) if d.kind != WeakKind::Ref => target(v),
        _ => Ok(v.clone()),
    }
}

fn arg(args: &[Value], i: usize) -> PyResult<&Value> {
    args.get(i)
        .ok_or_else(|| type_error("expected an argument"))
}

fn proxy_methods(t: &ObjRef) {
    method(t, "__getattr__", |vm, a, _| {
        let o = target(arg(a, 0)?)?;
        vm.getattr(&o, arg(a, 1)?)
    });
    method(t, "__setattr__", |vm, a, _| {
        let o = target(arg(a, 0)?)?;
        vm.setattr(&o, arg(a, 1)?, arg(a, 2)?.clone())?;
        Ok(Value::None)
    });
    method(t, "__delattr__", |vm, a, _| {
        let o = target(arg(a, 0)?)?;
        vm.delattr(&o, arg(a, 1)?)?;
        Ok(Value::None)
    });
    method(t, "__repr__", |vm, a, _| {
        let me = arg(a, 0)?;
        let d = data(me).ok_or_else(|| type_error("expected a proxy"))?;
        Ok(Value::from_string(match d.get() {
            Some(o) => {
                let o = Value::Obj(o);
                format!(
                    "<weakproxy at 0x{:x} to {} at 0x{:x}>",
                    me.identity(),
                    vm.type_name(&o),
                    o.identity()
                )
            }
            None => format!("<weakproxy at 0x{:x}; dead>", me.identity()),
        }))
    });
    method(t, "__str__", |vm, a, _| {
        let o = target(arg(a, 0)?)?;
        Ok(Value::from_string(vm.str_of(&o)?))
    });
    method(t, "__bool__", |vm, a, _| {
        let o = target(arg(a, 0)?)?;
        Ok(Value::Bool(vm.truthy(&o)?))
    });
    method(t, "__len__", |vm, a, _| {
        let o = target(arg(a, 0)?)?;
        Ok(Value::Int(vm.len(&o)? as i64))
    });
    method(t, "__hash__", |vm, a, _| {
        Err(type_error(format!(
            "unhashable type: 'weakref.{}'",
            vm.type_name(arg(a, 0)?)
        )))
    });
    method(t, "__getitem__", |vm, a, _| {
        let o = target(arg(a, 0)?)?;
        vm.getitem(&o, &unwrap(arg(a, 1)?)?)
    });
    method(t, "__setitem__", |vm, a, _| {
        let o = target(arg(a, 0)?)?;
        vm.setitem(&o, unwrap(arg(a, 1)?)?, unwrap(arg(a, 2)?)?)?;
        Ok(Value::None)
    });
    method(t, "__delitem__", |vm, a, _| {
        let o = target(arg(a, 0)?)?;
        vm.delitem(&o, &unwrap(arg(a, 1)?)?)?;
        Ok(Value::None)
    });
    method(t, "__contains__", |vm, a, _| {
        let o = target(arg(a, 0)?)?;
        Ok(Value::Bool(vm.contains(&o, &unwrap(arg(a, 1)?)?)?))
    });
    method(t, "__iter__", |vm, a, _| {
        let o = target(arg(a, 0)?)?;
        vm.get_iter(o)
    });
    method(t, "__next__", |vm, a, _| {
        let o = target(arg(a, 0)?)?;
        match vm.next(&o)? {
            Some(v) => Ok(v),
            None => Err(PyErr::bare(crate::error::ExcKind::StopIteration)),
        }
    });
    macro_rules! cmp {
        ($name:literal, $op:expr) => {
            method(t, $name, |vm, a, _| {
                let x = target(arg(a, 0)?)?;
                let y = unwrap(arg(a, 1)?)?;
                vm.compare(&x, &y, $op)
            });
        };
    }
    cmp!("__eq__", CmpOp::Eq);
    cmp!("__ne__", CmpOp::Ne);
    cmp!("__lt__", CmpOp::Lt);
    cmp!("__le__", CmpOp::Le);
    cmp!("__gt__", CmpOp::Gt);
    cmp!("__ge__", CmpOp::Ge);
    macro_rules! binop {
        ($name:literal, $rname:literal, $op:expr) => {
            method(t, $name, |vm, a, _| {
                let x = target(arg(a, 0)?)?;
                let y = unwrap(arg(a, 1)?)?;
                vm.binary_op($op as u32, x, y)
            });
            method(t, $rname, |vm, a, _| {
                let x = target(arg(a, 0)?)?;
                let y = unwrap(arg(a, 1)?)?;
                vm.binary_op($op as u32, y, x)
            });
        };
    }
    binop!("__add__", "__radd__", BinOp::Add);
    binop!("__sub__", "__rsub__", BinOp::Sub);
    binop!("__mul__", "__rmul__", BinOp::Mul);
    binop!("__truediv__", "__rtruediv__", BinOp::TrueDiv);
    binop!("__floordiv__", "__rfloordiv__", BinOp::FloorDiv);
    binop!("__mod__", "__rmod__", BinOp::Mod);
}

fn proxy_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let o = target(arg(args, 0)?)?;
    vm.call_kw(&o, &args[1..], kw)
}
