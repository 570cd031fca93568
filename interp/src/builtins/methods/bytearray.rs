//! bytearray: the constructor (shared with bytes), the mutating methods, and item/slice assignment and
//! deletion (called from `Vm::setitem`/`delitem`). The non-mutating methods are shared with bytes
//! (bytes.rs).
//!
//! Borrow discipline: an argument that may alias `self` (`b.extend(b)`, `b[:] = b`) is copied out before
//! `self` is borrowed mutably, and every iterable is collected (which may run Python code) first.

use super::bytes::{buffer, Kind};
use super::util::{index_arg, pos_only};
use crate::builtins::{kwarg, method, method_args, no_kwargs, only_kwargs, set_in};
use crate::error::{index_error, type_error, value_error, ExcKind, PyErr, PyResult};
use crate::object::{ByteArray, KwArgs, Object};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let t = vm.types.bytearray.clone();
    if let Object::Type(tt) = &*t {
        tt.ctor.set(Some(bytearray_new));
    }
    set_in(&vm.builtins.clone(), "bytearray", Value::Obj(t.clone()));
    method(&t, "append", append);
    method(&t, "clear", clear);
    method(&t, "copy", copy);
    method(&t, "extend", extend);
    method(&t, "insert", insert);
    method(&t, "pop", pop);
    method(&t, "remove", remove);
    method(&t, "reverse", reverse);
    method(&t, "__alloc__", alloc);
}

fn this<'a>(vm: &Vm, args: &'a [Value], meth: &str) -> PyResult<&'a ByteArray> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Object::ByteArray(b)) => Ok(b),
        _ => Err(super::util::bad_self(vm, args, "bytearray", meth)),
    }
}

/// Refuse to change the size while memoryviews export the buffer.
pub fn check_resize(b: &ByteArray) -> PyResult<()> {
    if b.exports.get() > 0 {
        return Err(PyErr::new(
            ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

/// An int in range(256) (`__index__` semantics).
pub fn byte_value(vm: &Vm, v: &Value) -> PyResult<u8> {
    let i = match index_arg(vm, v) {
        Ok(i) => i,
        // Too big for an index: still "byte must be in range".
        Err(_) if v.is_int_like() => -1,
        Err(e) => return Err(e),
    };
    if (0..256).contains(&i) {
        Ok(i as u8)
    } else {
        Err(value_error("byte must be in range(0, 256)"))
    }
}

/// The bytes of an iterable of ints (`bytes([1, 2])`, `b.extend(range(3))`); `bytes()` words the range
/// error "bytes must be in range(0, 256)".
pub fn bytes_from_iterable(vm: &mut Vm, v: &Value, k: Kind) -> PyResult<Vec<u8>> {
    let items = match v.as_obj() {
        Some(Object::List(l)) => l.borrow().clone(),
        _ => vm.collect(v.clone())?,
    };
    items
        .iter()
        .map(|x| match byte_value(vm, x) {
            Err(_) if k == Kind::Bytes && x.is_int_like() => {
                Err(value_error("bytes must be in range(0, 256)"))
            }
            r => r,
        })
        .collect()
}

// ---- constructor ----------------------------------------------------------------------------------------

/// `bytes(...)` and `bytearray(...)`: (source, encoding, errors), args[0] is the type.
pub fn new_bytes_like(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let name = k.name();
    only_kwargs(name, kw, &["source", "encoding", "errors"])?;
    let a = &args[1..];
    if a.len() > 3 {
        return Err(type_error(format!(
            "{}() takes at most 3 arguments ({} given)",
            name,
            a.len() + kw.len()
        )));
    }
    let source = a.first().or_else(|| kwarg(kw, "source"));
    let encoding = a.get(1).or_else(|| kwarg(kw, "encoding"));
    let errors = a.get(2).or_else(|| kwarg(kw, "errors"));
    let Some(x) = source else {
        if encoding.is_some() {
            return Err(type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(type_error("errors without a string argument"));
        }
        return Ok(k.make(Vec::new()));
    };
    if let Some(s) = x.as_str() {
        let Some(enc) = encoding else {
            return Err(type_error("string argument without an encoding"));
        };
        let str_arg = |v: &Value, what: &str| -> PyResult<String> {
            v.as_str().map(str::to_string).ok_or_else(|| {
                type_error(format!(
                    "{}() argument '{}' must be str, not {}",
                    name,
                    what,
                    vm.type_name(v)
                ))
            })
        };
        let enc = str_arg(enc, "encoding")?;
        let err = match errors {
            Some(e) => str_arg(e, "errors")?,
            None => "strict".to_string(),
        };
        let codec = super::codecs::lookup_codec(&enc)?;
        return Ok(k.make(super::codecs::encode_str(s, codec, &err)?));
    }
    if encoding.is_some() {
        return Err(type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(type_error("errors without a string argument"));
    }
    if let Some(b) = buffer(x) {
        let v = b?.to_vec();
        return Ok(k.make(v));
    }
    if x.is_int_like() {
        let n = match x.as_i64() {
            Some(n) => n,
            None => return Err(PyErr::bare(ExcKind::MemoryError)),
        };
        if n < 0 {
            return Err(value_error("negative count"));
        }
        let mut v = crate::alloc::vec(n as usize)?;
        v.resize(n as usize, 0u8);
        return Ok(k.make(v));
    }
    if k == Kind::Bytes && vm.is_user_instance(x) {
        if let Some(r) = vm.call_dunder(x, "__bytes__", &[])? {
            if !matches!(r.as_obj(), Some(Object::Bytes(_))) {
                return Err(type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    vm.type_name(&r)
                )));
            }
            return Ok(r);
        }
    }
    if !vm.is_iterable(x) {
        return Err(type_error(format!(
            "cannot convert '{}' object to {}",
            vm.type_name(x),
            name
        )));
    }
    let v = bytes_from_iterable(vm, x, k)?;
    Ok(k.make(v))
}

fn bytearray_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    new_bytes_like(vm, args, kw, Kind::ByteArray)
}

// ---- methods --------------------------------------------------------------------------------------------

fn append(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = this(vm, args, "append")?;
    no_kwargs("bytearray.append", kw)?;
    method_args("bytearray.append", args, 1, 1)?;
    let x = byte_value(vm, &args[1])?;
    check_resize(b)?;
    b.data.borrow_mut().push(x);
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = this(vm, args, "clear")?;
    pos_only("bytearray", "clear", true, args, kw, 0, 0)?;
    check_resize(b)?;
    b.data.borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = this(vm, args, "copy")?;
    pos_only("bytearray", "copy", true, args, kw, 0, 0)?;
    let v = b.data.borrow().clone();
    Ok(Kind::ByteArray.make(v))
}

fn extend(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = this(vm, args, "extend")?;
    no_kwargs("bytearray.extend", kw)?;
    method_args("bytearray.extend", args, 1, 1)?;
    let add: Vec<u8> = match buffer(&args[1]) {
        Some(buf) => buf?.to_vec(),
        None if !vm.is_iterable(&args[1]) => {
            return Err(type_error(format!(
                "can't extend bytearray with {}",
                vm.type_name(&args[1])
            )))
        }
        None => bytes_from_iterable(vm, &args[1], Kind::ByteArray)?,
    };
    check_resize(b)?;
    b.data.borrow_mut().extend_from_slice(&add);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = this(vm, args, "insert")?;
    pos_only("bytearray", "insert", false, args, kw, 2, 2)?;
    let i = index_arg(vm, &args[1])?;
    let x = byte_value(vm, &args[2])?;
    check_resize(b)?;
    let mut d = b.data.borrow_mut();
    let n = d.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    d.insert(at as usize, x);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = this(vm, args, "pop")?;
    pos_only("bytearray", "pop", false, args, kw, 0, 1)?;
    let i = match args.get(1) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    if b.data.borrow().is_empty() {
        return Err(index_error("pop from empty bytearray"));
    }
    let n = b.data.borrow().len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(index_error("pop index out of range"));
    }
    check_resize(b)?;
    let x = b.data.borrow_mut().remove(j as usize);
    Ok(Value::Int(x as i64))
}

fn remove(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = this(vm, args, "remove")?;
    no_kwargs("bytearray.remove", kw)?;
    method_args("bytearray.remove", args, 1, 1)?;
    let x = byte_value(vm, &args[1])?;
    let pos = b.data.borrow().iter().position(|&c| c == x);
    match pos {
        Some(p) => {
            check_resize(b)?;
            b.data.borrow_mut().remove(p);
            Ok(Value::None)
        }
        None => Err(value_error("value not found in bytearray")),
    }
}

fn reverse(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = this(vm, args, "reverse")?;
    pos_only("bytearray", "reverse", true, args, kw, 0, 0)?;
    b.data.borrow_mut().reverse();
    Ok(Value::None)
}

fn alloc(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = this(vm, args, "__alloc__")?;
    pos_only("bytearray", "__alloc__", true, args, kw, 0, 0)?;
    // CPython reports its allocation (length + 1 for the trailing NUL).
    let n = b.data.borrow().capacity().max(b.data.borrow().len()) + 1;
    Ok(Value::Int(n as i64))
}

// ---- items ----------------------------------------------------------------------------------------------

fn index_of(vm: &Vm, key: &Value) -> PyResult<i64> {
    match crate::vm::ops::as_int(key) {
        Some(crate::vm::ops::IntRef::Small(i)) => Ok(i),
        Some(crate::vm::ops::IntRef::Big(_)) => {
            Err(index_error("cannot fit 'int' into an index-sized integer"))
        }
        None => Err(type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(key)
        ))),
    }
}

/// `b[key]`.
pub fn getitem(vm: &mut Vm, b: &ByteArray, key: &Value) -> PyResult<Value> {
    if let Some(sl) = key.as_obj().and_then(crate::vm::protocol::slice_of) {
        let data = b.data.borrow();
        let idx = vm.slice_indices(sl, data.len())?;
        return Ok(Kind::ByteArray.make(idx.iter().map(|&i| data[i]).collect()));
    }
    let i = index_of(vm, key)?;
    let data = b.data.borrow();
    match crate::vm::protocol::norm_index(i, data.len()) {
        Some(j) => Ok(Value::Int(data[j] as i64)),
        None => Err(index_error("bytearray index out of range")),
    }
}

/// `b[key] = v`.
pub fn setitem(vm: &mut Vm, b: &ByteArray, key: &Value, v: &Value) -> PyResult<()> {
    let Some(sl) = key.as_obj().and_then(crate::vm::protocol::slice_of) else {
        let i = index_of(vm, key)?;
        let x = byte_value(vm, v)?;
        let mut data = b.data.borrow_mut();
        return match crate::vm::protocol::norm_index(i, data.len()) {
            Some(j) => {
                data[j] = x;
                Ok(())
            }
            None => Err(index_error("bytearray index out of range")),
        };
    };
    let new: Vec<u8> = match buffer(v) {
        Some(buf) => buf?.to_vec(),
        None if v.is_int_like() || v.as_str().is_some() || !vm.is_iterable(v) => {
            return Err(type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ))
        }
        None => bytes_from_iterable(vm, v, Kind::ByteArray)?,
    };
    let len = b.data.borrow().len();
    let (start, stop, step) = vm.slice_adjust(sl, len)?;
    if step == 1 {
        let stop = stop.max(start) as usize;
        let start = start as usize;
        if stop - start != new.len() {
            check_resize(b)?;
        }
        b.data.borrow_mut().splice(start..stop, new);
        return Ok(());
    }
    let idx = vm.slice_indices(sl, len)?;
    if idx.len() != new.len() {
        return Err(value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            new.len(),
            idx.len()
        )));
    }
    let mut data = b.data.borrow_mut();
    for (i, x) in idx.into_iter().zip(new) {
        data[i] = x;
    }
    Ok(())
}

/// `del b[key]`.
pub fn delitem(vm: &mut Vm, b: &ByteArray, key: &Value) -> PyResult<()> {
    if let Some(sl) = key.as_obj().and_then(crate::vm::protocol::slice_of) {
        let len = b.data.borrow().len();
        let idx = vm.slice_indices(sl, len)?;
        if idx.is_empty() {
            return Ok(());
        }
        check_resize(b)?;
        let mut drop_it = vec![false; len];
        for i in idx {
            drop_it[i] = true;
        }
        let mut k = 0;
        b.data.borrow_mut().retain(|_| {
            k += 1;
            !drop_it[k - 1]
        });
        return Ok(());
    }
    let i = index_of(vm, key)?;
    let len = b.data.borrow().len();
    match crate::vm::protocol::norm_index(i, len) {
        Some(j) => {
            check_resize(b)?;
            b.data.borrow_mut().remove(j);
            Ok(())
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

/// `b += x` (mutates `b`).
pub fn iadd(vm: &mut Vm, b: &ByteArray, x: &Value) -> PyResult<()> {
    // CPython exports the right operand's buffer while resizing the left: `b += b` fails.
    if matches!(x.as_obj(), Some(Object::ByteArray(o)) if std::ptr::eq(o, b)) {
        return Err(PyErr::new(
            ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    let add = match buffer(x) {
        Some(buf) => buf?.to_vec(),
        None => {
            return Err(type_error(format!(
                "can't concat {} to bytearray",
                vm.type_name(x)
            )))
        }
    };
    check_resize(b)?;
    b.data.borrow_mut().extend_from_slice(&add);
    Ok(())
}

/// `b *= n` (mutates `b`).
pub fn imul(b: &ByteArray, n: usize) -> PyResult<()> {
    let len = b.data.borrow().len();
    if n != 1 && len != 0 {
        check_resize(b)?;
    }
    let total = len.checked_mul(n).unwrap_or(usize::MAX);
    let mut v = crate::alloc::vec(total)?;
    let mut data = b.data.borrow_mut();
    for _ in 0..n {
        v.extend_from_slice(&data);
    }
    *data = v;
    Ok(())
}
