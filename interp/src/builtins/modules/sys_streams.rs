//! `sys.stdin`/`sys.stdout`/`sys.stderr` (and their `__std*__` twins): text streams over the process's
//! file descriptors 0, 1 and 2, each with a binary `.buffer`. stdout goes through `Vm::out` (so it
//! shares the buffer print() writes to and can be captured); stderr flushes stdout first, like CPython's
//! line-buffered terminal output keeps the two in order. stdin reads through Rust's locked, buffered
//! `Stdin`, the same buffer `input()` uses, so mixing the two never loses data.

use crate::builtins::{method, set_in};
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::{Instance, KwArgs, ObjRef, Object, TypeKind};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::io::{BufRead, Read, Write};

pub(super) fn install(vm: &mut Vm, d: &ObjRef) {
    let obj = vm.types.object.clone();
    let mk_type = |name: &str| {
        let t = crate::types::new_type(name, TypeKind::Object, vec![obj.clone()], None);
        if let Object::Type(ty) = &*t {
            *ty.module.borrow_mut() = Value::str("_io");
        }
        t
    };
    let text_t = mk_type("TextIOWrapper");
    let bin_t = mk_type("BufferedStream");
    for t in [&text_t, &bin_t] {
        method(t, "write", write);
        method(t, "flush", flush);
        method(t, "fileno", fileno);
        method(t, "isatty", isatty);
        method(t, "readable", readable);
        method(t, "writable", writable);
        method(t, "seekable", seekable);
        method(t, "read", read);
        method(t, "readline", readline);
        method(t, "readlines", readlines);
        method(t, "__iter__", iter);
        method(t, "__next__", next);
        method(t, "__enter__", iter);
        method(t, "__exit__", exit);
        method(t, "__repr__", repr);
    }
    for (fd, name, mode) in [(0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")] {
        let shown = format!("<{}>", name);
        let errors = if fd == 2 {
            "backslashreplace"
        } else {
            "strict"
        };
        let buffer = stream(
            &bin_t,
            &[
                ("_fd", Value::Int(fd)),
                ("_binary", Value::Bool(true)),
                ("name", Value::str(&shown)),
                ("mode", Value::str(&format!("{}b", mode))),
            ],
        );
        let s = stream(
            &text_t,
            &[
                ("_fd", Value::Int(fd)),
                ("name", Value::str(&shown)),
                ("mode", Value::str(mode)),
                ("encoding", Value::str("utf-8")),
                ("errors", Value::str(errors)),
                ("line_buffering", Value::Bool(false)),
                ("newlines", Value::None),
                ("closed", Value::Bool(false)),
                ("buffer", buffer),
            ],
        );
        set_in(d, name, s.clone());
        set_in(d, &format!("__{}__", name), s);
    }
}

fn stream(t: &ObjRef, fields: &[(&str, Value)]) -> Value {
    let inst = Instance::new(t.clone());
    for (k, v) in fields {
        inst.set_attr(&Value::str(k), v.clone());
    }
    Value::obj(Object::Instance(inst))
}

fn field(v: &Value, name: &str) -> Option<Value> {
    match v.as_obj()? {
        Object::Instance(i) => i.attrs.borrow().get_str(name, crate::hash::hash_str(name)),
        _ => None,
    }
}

/// 0, 1 or 2 when `v` is one of the standard text streams (not their `.buffer`).
pub fn std_stream_fd(v: &Value) -> Option<i64> {
    match v.as_obj()? {
        Object::Instance(i) if crate::types::type_name(&i.cls) == "TextIOWrapper" => {
            field(v, "_fd")?.as_i64()
        }
        _ => None,
    }
}

/// The stream's descriptor and whether it is a binary `.buffer`.
fn this(vm: &Vm, args: &[Value], meth: &str) -> PyResult<(i64, bool)> {
    let me = args.first().cloned().unwrap_or(Value::None);
    match field(&me, "_fd").and_then(|v| v.as_i64()) {
        Some(fd) => Ok((fd, field(&me, "_binary").is_some())),
        None => Err(type_error(format!(
            "descriptor '{}' requires a stream, not '{}'",
            meth,
            vm.type_name(&me)
        ))),
    }
}

fn unsupported(what: &str) -> PyErr {
    // io.UnsupportedOperation derives from OSError and ValueError; raised as OSError here (as _io does).
    PyErr::new(ExcKind::OSError, what.to_string())
}

fn write(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (fd, binary) = this(vm, args, "write")?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "write() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    if fd == 0 {
        return Err(unsupported("not writable"));
    }
    let (bytes, n): (Vec<u8>, usize) = if binary {
        match args[1].as_obj() {
            Some(Object::Bytes(b)) => (b.clone(), b.len()),
            Some(Object::ByteArray(b)) => {
                let b = b.data.borrow().clone();
                let n = b.len();
                (b, n)
            }
            _ => {
                return Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(&args[1])
                )))
            }
        }
    } else {
        match args[1].as_str() {
            Some(s) => (s.as_bytes().to_vec(), s.chars().count()),
            None => {
                return Err(type_error(format!(
                    "write() argument must be str, not {}",
                    vm.type_name(&args[1])
                )))
            }
        }
    };
    if fd == 2 {
        vm.flush_stdout();
        let _ = std::io::stderr().write_all(&bytes);
    } else {
        let _ = vm.out.write_all(&bytes);
        vm.wrote_stdout();
    }
    Ok(Value::Int(n as i64))
}

fn flush(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (fd, _) = this(vm, args, "flush")?;
    if fd == 2 {
        let _ = std::io::stderr().flush();
    }
    vm.flush_stdout();
    Ok(Value::None)
}

fn fileno(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args, "fileno")?.0))
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    use std::io::IsTerminal;
    let fd = this(vm, args, "isatty")?.0;
    Ok(Value::Bool(match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    }))
}

fn readable(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, args, "readable")?.0 == 0))
}

fn writable(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, args, "writable")?.0 != 0))
}

fn seekable(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    this(vm, args, "seekable")?;
    Ok(Value::Bool(false))
}

fn exit(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_, binary) = this(vm, args, "__repr__")?;
    let name = field(&args[0], "name").unwrap_or(Value::None);
    let name = vm.repr(&name)?;
    let mode = field(&args[0], "mode").unwrap_or(Value::None);
    let mode = vm.repr(&mode)?;
    Ok(Value::from_string(if binary {
        format!("<_io.BufferedStream name={} mode={}>", name, mode)
    } else {
        format!(
            "<_io.TextIOWrapper name={} mode={} encoding='utf-8'>",
            name, mode
        )
    }))
}

/// Read from stdin: up to `limit` characters (bytes when `binary`), stopping after a newline when
/// `line`. Reads through the shared buffer without over-reading, so later reads see the rest.
fn read_stdin(limit: Option<usize>, line: bool, binary: bool) -> PyResult<Vec<u8>> {
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let mut out = Vec::new();
    let io_err = |e: std::io::Error| PyErr::new(ExcKind::OSError, e.to_string());
    if limit.is_none() {
        if line {
            lock.read_until(b'\n', &mut out).map_err(io_err)?;
        } else {
            lock.read_to_end(&mut out).map_err(io_err)?;
        }
        return Ok(out);
    }
    let limit = limit.unwrap_or(0);
    let mut count = 0;
    'outer: loop {
        let buf = lock.fill_buf().map_err(io_err)?;
        if buf.is_empty() {
            break;
        }
        let mut used = 0;
        for &b in buf {
            // A character starts at every byte that is not a UTF-8 continuation byte.
            let starts = binary || (b & 0xc0) != 0x80;
            if starts && count == limit {
                lock.consume(used);
                break 'outer;
            }
            if starts {
                count += 1;
            }
            out.push(b);
            used += 1;
            if line && b == b'\n' {
                // A continuation byte never equals '\n', so the character is complete.
                lock.consume(used);
                break 'outer;
            }
        }
        lock.consume(used);
    }
    Ok(out)
}

fn size_arg(vm: &Vm, args: &[Value]) -> PyResult<Option<usize>> {
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_i64() {
            Some(n) if n < 0 => Ok(None),
            Some(n) => Ok(Some(n as usize)),
            None => Err(type_error(format!(
                "argument should be integer or None, not '{}'",
                vm.type_name(v)
            ))),
        },
    }
}

fn result(bytes: Vec<u8>, binary: bool) -> Value {
    if binary {
        Value::obj(Object::Bytes(bytes))
    } else {
        Value::from_string(String::from_utf8_lossy(&bytes).into_owned())
    }
}

fn reading(vm: &mut Vm, args: &[Value], meth: &str) -> PyResult<bool> {
    let (fd, binary) = this(vm, args, meth)?;
    if fd != 0 {
        return Err(unsupported("not readable"));
    }
    vm.flush_stdout();
    Ok(binary)
}

fn read(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let binary = reading(vm, args, "read")?;
    let limit = size_arg(vm, args)?;
    Ok(result(read_stdin(limit, false, binary)?, binary))
}

fn readline(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let binary = reading(vm, args, "readline")?;
    let limit = size_arg(vm, args)?;
    Ok(result(read_stdin(limit, true, binary)?, binary))
}

fn readlines(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let binary = reading(vm, args, "readlines")?;
    let hint = size_arg(vm, args)?.filter(|&h| h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let l = read_stdin(None, true, binary)?;
        if l.is_empty() {
            break;
        }
        total += l.len();
        lines.push(result(l, binary));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(Value::obj(Object::List(RefCell::new(lines))))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    Ok(args[0].clone())
}

fn next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let binary = reading(vm, args, "__next__")?;
    let l = read_stdin(None, true, binary)?;
    if l.is_empty() {
        return Err(PyErr::bare(ExcKind::StopIteration));
    }
    Ok(result(l, binary))
}
