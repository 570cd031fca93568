//! `sys`: interpreter state visible to Python.

use crate::builtins::{register, set_in};
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::object::{Instance, KwArgs, ObjRef, Object, TypeKind};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

pub(super) fn init(vm: &mut Vm, d: &ObjRef) {
    let argv: Vec<Value> = vm.argv.iter().map(|a| Value::str(a)).collect();
    set_in(d, "argv", Value::obj(Object::List(RefCell::new(argv))));
    let path: Vec<Value> = vm.path.iter().map(|p| Value::str(p)).collect();
    set_in(d, "path", Value::obj(Object::List(RefCell::new(path))));
    set_in(d, "modules", Value::Obj(vm.modules.clone()));
    set_in(d, "maxsize", Value::Int(i64::MAX));
    set_in(d, "dont_write_bytecode", Value::Bool(!vm.opts.cache.write));
    let mut xo = crate::dict::Dict::new();
    for x in &vm.opts.xoptions {
        let (k, v) = match x.split_once('=') {
            Some((k, v)) => (k, Value::str(v)),
            None => (x.as_str(), Value::Bool(true)),
        };
        xo.set_str(Value::str(k), crate::hash::hash_str(k), v);
    }
    set_in(
        d,
        "_xoptions",
        Value::obj(Object::Dict(std::cell::RefCell::new(xo))),
    );
    set_in(d, "version", Value::str("3.11.7 (pvm 0.1.0)"));
    set_in(
        d,
        "platform",
        Value::str(if cfg!(target_os = "linux") {
            "linux"
        } else {
            std::env::consts::OS
        }),
    );
    set_in(
        d,
        "byteorder",
        Value::str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    set_in(
        d,
        "executable",
        Value::str(
            &std::env::current_exe()
                .map(|p| p.to_string_lossy().to_string())
                .unwrap_or_default(),
        ),
    );
    super::sys_info::install(vm, d);
    register(d, "exit", sys_exit);
    // `_getframe` carries the frame type as its bound receiver, so it needs no global state.
    let frame_t = crate::types::new_type(
        "frame",
        TypeKind::Object,
        vec![vm.types.object.clone()],
        None,
    );
    if let Object::Type(ty) = &*frame_t {
        // A module other than builtins makes it a class whose instances keep attributes.
        *ty.module.borrow_mut() = Value::str("sys");
    }
    set_in(
        d,
        "_getframe",
        Value::obj(Object::Builtin(crate::object::Builtin {
            name: "_getframe",
            f: getframe,
            bound: Some(Value::Obj(frame_t)),
            unwrap_self: false,
        })),
    );
    register(d, "getrecursionlimit", getrecursionlimit);
    register(d, "exc_info", exc_info);
    register(d, "exception", exception);
    register(d, "setrecursionlimit", setrecursionlimit);
    register(d, "set_int_max_str_digits", set_int_max_str_digits);
    register(d, "get_int_max_str_digits", get_int_max_str_digits);
    super::sys_streams::install(vm, d);
}

fn sys_exit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let e = vm.new_exception(vm.exc_type(ExcKind::SystemExit).clone(), args.to_vec());
    match e {
        Value::Obj(o) => Err(PyErr::from_obj(o)),
        _ => Err(PyErr::bare(ExcKind::SystemExit)),
    }
}

/// `sys.exc_info()`: (type, value, traceback) of the exception being handled (tracebacks are None).
fn exc_info(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let items = match vm.exc_stack.last().cloned() {
        Some(e) if !e.is_none() => vec![Value::Obj(vm.type_of(&e)), e, Value::None],
        _ => vec![Value::None, Value::None, Value::None],
    };
    Ok(Value::obj(crate::object::Object::Tuple(items)))
}

/// `sys.exception()` (3.11): the exception being handled, or None.
fn exception(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm.exc_stack.last().cloned().unwrap_or(Value::None))
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::arg_range("setrecursionlimit", args, 1, 1)?;
    // A C int, as in CPython.
    let n = match crate::builtins::methods::util::number_index(vm, &args[0])? {
        Value::Int(n) if i32::try_from(n).is_ok() => n,
        _ => {
            return Err(crate::error::overflow_error(
                "Python int too large to convert to C int",
            ))
        }
    };
    if n < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::None)
}

fn set_int_max_str_digits(_vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let n = args
        .first()
        .or_else(|| crate::builtins::kwarg(kw, "maxdigits"))
        .and_then(|v| v.as_i64())
        .unwrap_or(0);
    crate::numfmt::set_int_max_str_digits(n).map_err(crate::vm::text::fmt_err)?;
    Ok(Value::None)
}

fn get_int_max_str_digits(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(crate::numfmt::int_max_str_digits() as i64))
}

/// `sys._getframe(depth=0)`: a snapshot of the calling Python frame `depth` levels up, with `f_back`
/// (the rest of the chain), `f_code`, `f_lineno`, `f_lasti`, `f_globals`, `f_locals` and `f_builtins`.
/// Snapshots are taken when called (a frame object does not follow its frame's later progress), which is
/// what the frame's users here need: `warnings`' stacklevel, `namedtuple`'s and `typing`'s caller module.
fn getframe(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let frame_t = match args.first() {
        Some(Value::Obj(t)) => t.clone(),
        _ => return Err(type_error("_getframe: missing frame type")),
    };
    if !kw.is_empty() {
        return Err(type_error("_getframe() takes no keyword arguments"));
    }
    let depth = match args.get(1) {
        None => 0,
        Some(v) => match crate::vm::ops::as_int(v) {
            Some(i) => i.to_big().try_into().unwrap_or(i64::MAX),
            None => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        },
    };
    if args.len() > 2 {
        return Err(type_error(format!(
            "_getframe expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let n = vm.frames.len() as i64;
    // Negative depths count as 0, as in CPython.
    let top = n - 1 - depth.max(0);
    if top < 0 {
        return Err(value_error("call stack is not deep enough"));
    }
    let mut back = Value::None;
    for i in 0..=top as usize {
        back = frame_snapshot(vm, &frame_t, i, back);
    }
    Ok(back)
}

fn frame_snapshot(vm: &Vm, frame_t: &ObjRef, i: usize, back: Value) -> Value {
    let f = &vm.frames[i];
    let pc = f.pc.saturating_sub(1);
    let locals = match &f.locals {
        Some(l) => Value::Obj(l.clone()),
        None if f.func.is_none() => Value::Obj(f.globals.clone()),
        None => {
            let mut d = crate::dict::Dict::new();
            for (k, name) in f.code.varnames.iter().enumerate() {
                match vm.stack.get(f.base + k) {
                    Some(Value::Undef) | None => {}
                    Some(v) => d.set_str(Value::str(name), crate::hash::hash_str(name), v.clone()),
                }
            }
            Value::obj(Object::Dict(RefCell::new(d)))
        }
    };
    let inst = Instance::new(frame_t.clone());
    for (k, v) in [
        ("f_back", back),
        ("f_code", Value::obj(Object::Code(f.code.clone()))),
        ("f_lineno", Value::Int(f.code.line_of(pc) as i64)),
        ("f_lasti", Value::Int(2 * pc as i64)),
        ("f_globals", Value::Obj(f.globals.clone())),
        ("f_locals", locals),
        ("f_builtins", Value::Obj(vm.builtins.clone())),
        ("f_trace", Value::None),
    ] {
        inst.set_attr(&Value::str(k), v);
    }
    Value::obj(Object::Instance(inst))
}
