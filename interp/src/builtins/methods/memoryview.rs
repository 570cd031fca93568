//! `memoryview` over a bytes or bytearray: one-dimensional views (slicing with steps, `cast` between
//! the byte formats 'B', 'b', 'c' and to the native integer/float formats), item access and
//! assignment, `tobytes`/`tolist`/`hex`, `release()` and the context-manager protocol.
//!
//! A view of a bytearray counts as an export (`ByteArray::exports`): while one is alive the bytearray
//! cannot change size. Releasing or dropping the view gives the export back.

use super::bytes::{buffer, hex_of, released_error, Buf};
use super::util::{bind, new_list, new_tuple, pos_only};
use crate::builtins::{kwarg, method, only_kwargs, set_in};
use crate::error::{index_error, type_error, value_error, PyErr, PyResult};
use crate::object::{KwArgs, MemView, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, Ref};

pub fn install(vm: &mut Vm) {
    let t = vm.types.memoryview.clone();
    if let Object::Type(tt) = &*t {
        tt.ctor.set(Some(memoryview_new));
    }
    set_in(&vm.builtins.clone(), "memoryview", Value::Obj(t.clone()));
    method(&t, "tobytes", tobytes);
    method(&t, "tolist", tolist);
    method(&t, "release", release);
    method(&t, "hex", hex);
    method(&t, "cast", cast);
    method(&t, "toreadonly", toreadonly);
    method(&t, "__enter__", enter);
    method(&t, "__exit__", exit);
}

/// Size in bytes of one item of a struct-module format character pvm supports.
fn itemsize(format: u8) -> Option<usize> {
    Some(match format {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    })
}

fn is_byte_format(f: u8) -> bool {
    matches!(f, b'B' | b'b' | b'c')
}

/// A new view of `obj` (a bytes or bytearray), registering the export.
fn new_view(
    obj: ObjRef,
    start: usize,
    len: usize,
    step: isize,
    format: u8,
    readonly: bool,
) -> Value {
    if let Object::ByteArray(b) = &*obj {
        b.exports.set(b.exports.get() + 1);
    }
    Value::obj(Object::MemoryView(Box::new(MemView {
        obj,
        start,
        len,
        step,
        format,
        readonly,
        released: Cell::new(false),
    })))
}

/// The underlying bytes of the whole buffer (not just the view).
fn base_bytes(m: &MemView) -> Buf<'_> {
    match &*m.obj {
        Object::Bytes(b) => Buf::Slice(b),
        Object::ByteArray(b) => Buf::Cell(Ref::map(b.data.borrow(), |v| v.as_slice())),
        _ => Buf::Owned(Vec::new()),
    }
}

fn check(m: &MemView) -> PyResult<()> {
    if m.released.get() {
        return Err(released_error());
    }
    Ok(())
}

fn item_size(m: &MemView) -> usize {
    itemsize(m.format).unwrap_or(1)
}

/// The view's bytes, in order (contiguous views are borrowed, strided ones copied).
pub fn view_bytes(m: &MemView) -> PyResult<Buf<'_>> {
    check(m)?;
    let size = item_size(m);
    let base = base_bytes(m);
    // A bytearray may have shrunk since the view was made only if it was released; clamp anyway.
    let end = m.start + m.len * size;
    if m.step == size as isize && end <= base.len() {
        return Ok(match base {
            Buf::Slice(s) => Buf::Slice(&s[m.start..end]),
            Buf::Cell(r) => Buf::Cell(Ref::map(r, |s| &s[m.start..end])),
            Buf::Owned(v) => Buf::Owned(v[m.start..end].to_vec()),
        });
    }
    let mut out = Vec::with_capacity(m.len * size);
    for i in 0..m.len {
        let off = m.start as isize + i as isize * m.step;
        if off >= 0 && off as usize + size <= base.len() {
            out.extend_from_slice(&base[off as usize..off as usize + size]);
        }
    }
    Ok(Buf::Owned(out))
}

fn this<'a>(vm: &Vm, args: &'a [Value], meth: &str) -> PyResult<&'a MemView> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Object::MemoryView(m)) => Ok(m),
        _ => Err(super::util::bad_self(vm, args, "memoryview", meth)),
    }
}

/// Decode one item.
fn unpack(format: u8, b: &[u8]) -> Value {
    let int = |v: i128| match i64::try_from(v) {
        Ok(i) => Value::Int(i),
        Err(_) => crate::value::int_from_big(num_bigint::BigInt::from(v)),
    };
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    let u = u64::from_ne_bytes(w);
    match format {
        b'B' => Value::Int(b[0] as i64),
        b'b' => Value::Int(b[0] as i8 as i64),
        b'c' => Value::obj(Object::Bytes(vec![b[0]])),
        b'?' => Value::Bool(b[0] != 0),
        b'h' => Value::Int(i16::from_ne_bytes([b[0], b[1]]) as i64),
        b'H' => Value::Int(u16::from_ne_bytes([b[0], b[1]]) as i64),
        b'i' => Value::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'I' => Value::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'f' => Value::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        b'd' => Value::Float(f64::from_bits(u)),
        b'l' | b'q' | b'n' => Value::Int(u as i64),
        _ => int(u as i128),
    }
}

/// Encode one item ("memoryview: invalid type for format 'B'" / "invalid value ...").
fn pack(vm: &Vm, format: u8, v: &Value) -> PyResult<Vec<u8>> {
    let fmt = format as char;
    let bad_type = || type_error(format!("memoryview: invalid type for format '{}'", fmt));
    let bad_value = || value_error(format!("memoryview: invalid value for format '{}'", fmt));
    match format {
        b'c' => match v.as_obj() {
            Some(Object::Bytes(b)) if b.len() == 1 => Ok(b.clone()),
            Some(Object::Bytes(_)) => Err(bad_value()),
            _ => Err(bad_type()),
        },
        b'?' => Ok(vec![match v {
            Value::None => 0,
            Value::Float(f) => (*f != 0.0) as u8,
            _ => v.as_i64().is_none_or(|i| i != 0) as u8,
        }]),
        b'f' | b'd' => {
            let f = match crate::vm::ops::as_f64(v) {
                Some(f) => f?,
                None => return Err(bad_type()),
            };
            Ok(if format == b'f' {
                (f as f32).to_ne_bytes().to_vec()
            } else {
                f.to_ne_bytes().to_vec()
            })
        }
        _ => {
            if !v.is_int_like() {
                return Err(bad_type());
            }
            let _ = vm;
            let i = v.to_bigint().unwrap_or_default();
            let size = itemsize(format).unwrap_or(1);
            let signed = matches!(format, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let bits = size as u32 * 8;
            let (lo, hi) = if signed {
                (
                    -(num_bigint::BigInt::from(1) << (bits - 1)),
                    (num_bigint::BigInt::from(1) << (bits - 1)) - 1,
                )
            } else {
                (
                    num_bigint::BigInt::from(0),
                    (num_bigint::BigInt::from(1) << bits) - 1,
                )
            };
            if i < lo || i > hi {
                return Err(bad_value());
            }
            let (_, mut le) = i.to_bytes_le();
            if i.sign() == num_bigint::Sign::Minus {
                le = i.to_signed_bytes_le();
                le.resize(size, 0xff);
            } else {
                le.resize(size, 0);
            }
            if cfg!(target_endian = "big") {
                le.reverse();
            }
            Ok(le)
        }
    }
}

// ---- constructor and attributes -------------------------------------------------------------------

fn memoryview_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    only_kwargs("memoryview", kw, &["object"])?;
    let a = &args[1..];
    let x = match (a.first(), kwarg(kw, "object")) {
        (Some(x), None) if a.len() == 1 => x.clone(),
        (None, Some(x)) => x.clone(),
        (None, None) => {
            return Err(type_error(
                "memoryview() missing required argument 'object' (pos 1)",
            ))
        }
        _ => {
            return Err(type_error(format!(
                "memoryview() takes at most 1 argument ({} given)",
                a.len() + kw.len()
            )))
        }
    };
    memoryview_of(vm, &x)
}

pub fn memoryview_of(vm: &Vm, x: &Value) -> PyResult<Value> {
    let Value::Obj(o) = x else {
        return Err(not_buffer(vm, x));
    };
    match &**o {
        Object::Bytes(b) => Ok(new_view(o.clone(), 0, b.len(), 1, b'B', true)),
        Object::ByteArray(b) => {
            let n = b.data.borrow().len();
            Ok(new_view(o.clone(), 0, n, 1, b'B', false))
        }
        Object::MemoryView(m) => {
            check(m)?;
            Ok(new_view(
                m.obj.clone(),
                m.start,
                m.len,
                m.step,
                m.format,
                m.readonly,
            ))
        }
        _ => Err(not_buffer(vm, x)),
    }
}

fn not_buffer(vm: &Vm, x: &Value) -> PyErr {
    type_error(format!(
        "memoryview: a bytes-like object is required, not '{}'",
        vm.type_name(x)
    ))
}

/// The data attributes (`format`, `itemsize`, `nbytes`, `readonly`, `shape`, ...).
pub fn attr(m: &MemView, name: &str) -> Option<PyResult<Value>> {
    if let Err(e) = check(m) {
        return Some(Err(e));
    }
    let size = item_size(m);
    Some(Ok(match name {
        "obj" => Value::Obj(m.obj.clone()),
        "format" => Value::str(&(m.format as char).to_string()),
        "itemsize" => Value::Int(size as i64),
        "nbytes" => Value::Int((m.len * size) as i64),
        "readonly" => Value::Bool(m.readonly),
        "ndim" => Value::Int(1),
        "shape" => new_tuple(vec![Value::Int(m.len as i64)]),
        "strides" => new_tuple(vec![Value::Int(m.step as i64)]),
        "suboffsets" => new_tuple(vec![]),
        "c_contiguous" | "f_contiguous" | "contiguous" => {
            Value::Bool(m.len <= 1 || m.step == size as isize)
        }
        _ => return None,
    }))
}

// ---- items ----------------------------------------------------------------------------------------------

/// `m[key]`: an item, or a new view for a slice.
pub fn getitem(vm: &mut Vm, m: &MemView, key: &Value) -> PyResult<Value> {
    check(m)?;
    if let Some(sl) = key.as_obj().and_then(crate::vm::protocol::slice_of) {
        let (start, _stop, step) = vm.slice_adjust(sl, m.len)?;
        let n = vm.slice_indices(sl, m.len)?.len();
        let first = m.start as isize + start as isize * m.step;
        return Ok(new_view(
            m.obj.clone(),
            if n == 0 {
                m.start
            } else {
                first.max(0) as usize
            },
            n,
            m.step * step as isize,
            m.format,
            m.readonly,
        ));
    }
    let i = index(vm, m, key)?;
    let size = item_size(m);
    let base = base_bytes(m);
    let off = (m.start as isize + i as isize * m.step) as usize;
    match base.get(off..off + size) {
        Some(b) => Ok(unpack(m.format, b)),
        None => Err(index_error("index out of bounds on dimension 1")),
    }
}

/// Item `i` (None past the end), for iteration.
pub fn item_at(m: &MemView, i: usize) -> PyResult<Option<Value>> {
    check(m)?;
    if i >= m.len {
        return Ok(None);
    }
    let size = item_size(m);
    let base = base_bytes(m);
    let off = (m.start as isize + i as isize * m.step) as usize;
    Ok(base.get(off..off + size).map(|b| unpack(m.format, b)))
}

fn index(vm: &Vm, m: &MemView, key: &Value) -> PyResult<usize> {
    if !key.is_int_like() {
        return Err(type_error("memoryview: invalid slice key"));
    }
    let _ = vm;
    match key
        .as_i64()
        .and_then(|i| crate::vm::protocol::norm_index(i, m.len))
    {
        Some(j) => Ok(j),
        None => Err(index_error("index out of bounds on dimension 1")),
    }
}

/// `m[key] = v` (writable views of a bytearray).
pub fn setitem(vm: &mut Vm, m: &MemView, key: &Value, v: &Value) -> PyResult<()> {
    check(m)?;
    if m.readonly {
        return Err(type_error("cannot modify read-only memory"));
    }
    let Object::ByteArray(ba) = &*m.obj else {
        return Err(type_error("cannot modify read-only memory"));
    };
    let size = item_size(m);
    if let Some(sl) = key.as_obj().and_then(crate::vm::protocol::slice_of) {
        let idx = vm.slice_indices(sl, m.len)?;
        // The source is copied first: it may be this very buffer.
        let src: Vec<u8> = match buffer(v) {
            Some(b) => b?.to_vec(),
            None => {
                return Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(v)
                )))
            }
        };
        if src.len() != idx.len() * size {
            return Err(value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let mut data = ba.data.borrow_mut();
        for (k, i) in idx.into_iter().enumerate() {
            let off = (m.start as isize + i as isize * m.step) as usize;
            if off + size <= data.len() {
                data[off..off + size].copy_from_slice(&src[k * size..(k + 1) * size]);
            }
        }
        return Ok(());
    }
    let i = index(vm, m, key)?;
    let bytes = pack(vm, m.format, v)?;
    let off = (m.start as isize + i as isize * m.step) as usize;
    let mut data = ba.data.borrow_mut();
    if off + size <= data.len() {
        data[off..off + size].copy_from_slice(&bytes);
    }
    Ok(())
}

/// The items as Python values (`tolist()`, iteration, `in`, comparison).
pub fn items(m: &MemView) -> PyResult<Vec<Value>> {
    let data = view_bytes(m)?;
    let size = item_size(m);
    Ok(data.chunks(size).map(|c| unpack(m.format, c)).collect())
}

/// `m == other`: equal when both are buffers with equal items.
pub fn eq(m: &MemView, other: &Value) -> bool {
    if m.released.get() {
        return false;
    }
    let same_format = |f: u8| f == m.format || (is_byte_format(f) && m.format == b'B' && f == b'B');
    match other.as_obj() {
        Some(Object::MemoryView(o)) => {
            if o.released.get() || o.len != m.len {
                return false;
            }
            if same_format(o.format) {
                match (view_bytes(m), view_bytes(o)) {
                    (Ok(a), Ok(b)) => *a == *b,
                    _ => false,
                }
            } else {
                match (items(m), items(o)) {
                    (Ok(a), Ok(b)) => a
                        .iter()
                        .zip(b.iter())
                        .all(|(x, y)| crate::vm::protocol::values_eq(x, y)),
                    _ => false,
                }
            }
        }
        Some(Object::Bytes(_) | Object::ByteArray(_)) => {
            let Some(Ok(b)) = buffer(other) else {
                return false;
            };
            if m.format == b'B' {
                return view_bytes(m).is_ok_and(|a| *a == *b);
            }
            match items(m) {
                Ok(a) => {
                    a.len() == b.len()
                        && a.iter()
                            .zip(b.iter())
                            .all(|(x, &y)| crate::vm::protocol::values_eq(x, &Value::Int(y as i64)))
                }
                Err(_) => false,
            }
        }
        _ => false,
    }
}

/// `hash(m)`: only read-only views hash (like the bytes they show).
pub fn hash(m: &MemView) -> PyResult<i64> {
    check(m)?;
    if !m.readonly {
        return Err(value_error("cannot hash writable memoryview object"));
    }
    if !is_byte_format(m.format) {
        return Err(value_error(
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
        ));
    }
    Ok(crate::hash::hash_bytes(&view_bytes(m)?))
}

pub fn len(m: &MemView) -> PyResult<usize> {
    check(m)?;
    Ok(m.len)
}

pub fn repr(v: &Value, m: &MemView) -> String {
    if m.released.get() {
        format!("<released memory at 0x{:x}>", v.identity())
    } else {
        format!("<memory at 0x{:x}>", v.identity())
    }
}

// ---- methods --------------------------------------------------------------------------------------------

fn tobytes(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "tobytes")?;
    let a = bind("tobytes", &args[1..], kw, &["order"], 0)?;
    match &a[0] {
        None | Some(Value::None) => {}
        Some(v) => match v.as_str() {
            Some("C" | "F" | "A") => {}
            Some(_) => return Err(value_error("order must be 'C', 'F' or 'A'")),
            None => {
                return Err(type_error(format!(
                    "tobytes() argument 'order' must be str or None, not {}",
                    vm.type_name(v)
                )))
            }
        },
    }
    let data = view_bytes(m)?.to_vec();
    Ok(Value::obj(Object::Bytes(data)))
}

fn tolist(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "tolist")?;
    pos_only("memoryview", "tolist", true, args, kw, 0, 0)?;
    Ok(new_list(items(m)?))
}

fn hex(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "hex")?;
    let data = view_bytes(m)?;
    hex_of(vm, &data, "hex", &args[1..], kw)
}

/// Give the export back (idempotent).
pub fn release_view(m: &MemView) {
    if !m.released.get() {
        m.released.set(true);
        if let Object::ByteArray(b) = &*m.obj {
            b.exports.set(b.exports.get().saturating_sub(1));
        }
    }
}

fn release(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "release")?;
    pos_only("memoryview", "release", true, args, kw, 0, 0)?;
    release_view(m);
    Ok(Value::None)
}

fn enter(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__enter__")?;
    pos_only("memoryview", "__enter__", true, args, kw, 0, 0)?;
    check(m)?;
    Ok(args[0].clone())
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__exit__")?;
    release_view(m);
    Ok(Value::None)
}

fn toreadonly(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "toreadonly")?;
    pos_only("memoryview", "toreadonly", true, args, kw, 0, 0)?;
    check(m)?;
    Ok(new_view(
        m.obj.clone(),
        m.start,
        m.len,
        m.step,
        m.format,
        true,
    ))
}

fn cast(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "cast")?;
    let a = bind("cast", &args[1..], kw, &["format", "shape"], 1)?;
    check(m)?;
    let fmt = match a[0].as_ref().and_then(|v| v.as_str()) {
        Some(s) => s.strip_prefix('@').unwrap_or(s),
        None => {
            return Err(type_error(format!(
                "cast() argument 'format' must be str, not {}",
                vm.type_name(a[0].as_ref().unwrap_or(&Value::None))
            )))
        }
    };
    if a[1].is_some() {
        return Err(PyErr::new(
            crate::error::ExcKind::NotImplementedError,
            "pvm does not support multi-dimensional memoryview casts yet",
        ));
    }
    let f = match fmt.as_bytes() {
        [c] if itemsize(*c).is_some() => *c,
        _ => {
            return Err(value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ))
        }
    };
    if !is_byte_format(f) && !is_byte_format(m.format) {
        return Err(type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    let size = item_size(m);
    if m.len > 1 && m.step != size as isize {
        return Err(type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    let nbytes = m.len * size;
    let new_size = itemsize(f).unwrap_or(1);
    if !nbytes.is_multiple_of(new_size) {
        return Err(type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    Ok(new_view(
        m.obj.clone(),
        m.start,
        nbytes / new_size,
        new_size as isize,
        f,
        m.readonly,
    ))
}
