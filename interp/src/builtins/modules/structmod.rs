//! `_struct`: packing values into bytes per a format string (behind interp/lib/struct.py), with native
//! (`@`: x86-64 sizes and alignment) and standard (`=<>!`) modes and CPython's `struct.error` messages.

use crate::builtins::register;
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cell::RefCell;

thread_local! {
    static ERROR: RefCell<Value> = const { RefCell::new(Value::None) };
}

pub(super) fn init(_vm: &mut Vm, d: &ObjRef) {
    register(d, "set_error", |_vm, a, _k| {
        ERROR.with(|e| *e.borrow_mut() = a.first().cloned().unwrap_or(Value::None));
        Ok(Value::None)
    });
    register(d, "calcsize", |vm, a, _k| {
        let f = parse(vm, a.first())?;
        Ok(Value::Int(f.size as i64))
    });
    register(d, "pack", pack);
    register(d, "unpack", |vm, a, _k| {
        let f = parse(vm, a.first())?;
        let buf = buffer(vm, a.get(1))?;
        if buf.len() != f.size {
            return Err(error(
                vm,
                format!("unpack requires a buffer of {} bytes", f.size),
            ));
        }
        unpack(vm, &f, buf)
    });
    register(d, "unpack_from", |vm, a, kw| {
        let args = crate::builtins::methods::util::bind(
            "unpack_from",
            &a[1.min(a.len())..],
            kw,
            &["buffer", "offset"],
            1,
        )?;
        let f = parse(vm, a.first())?;
        let buf = buffer(vm, args[0].as_ref())?;
        let mut off = args[1].as_ref().and_then(|v| v.as_i64()).unwrap_or(0);
        if off < 0 {
            if off + (buf.len() as i64) < 0 {
                return Err(error(
                    vm,
                    format!("offset {} out of range for {}-byte buffer", off, buf.len()),
                ));
            }
            off += buf.len() as i64;
        }
        let off = off as usize;
        if buf.len() < off + f.size {
            return Err(error(
                vm,
                format!(
                    "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                    off + f.size,
                    f.size,
                    off,
                    buf.len()
                ),
            ));
        }
        unpack(vm, &f, &buf[off..off + f.size])
    });
    register(d, "iter_unpack", |vm, a, _k| {
        let f = parse(vm, a.first())?;
        let buf = buffer(vm, a.get(1))?;
        if f.size == 0 {
            return Err(error(
                vm,
                "cannot iteratively unpack with a struct of length 0".into(),
            ));
        }
        if buf.len() % f.size != 0 {
            return Err(error(
                vm,
                format!(
                    "iterative unpacking requires a buffer of a multiple of {} bytes",
                    f.size
                ),
            ));
        }
        let mut out = Vec::new();
        for chunk in buf.chunks(f.size) {
            out.push(unpack(vm, &f, chunk)?);
        }
        let l = Value::obj(Object::List(RefCell::new(out)));
        vm.get_iter(l)
    });
}

fn error(vm: &mut Vm, msg: String) -> PyErr {
    let cls = ERROR.with(|e| e.borrow().clone());
    if cls.is_none() {
        return PyErr::new(ExcKind::ValueError, msg);
    }
    match vm.call(&cls, &[Value::from_string(msg.clone())]) {
        Ok(Value::Obj(o)) => PyErr::from_obj(o),
        Ok(_) => PyErr::new(ExcKind::ValueError, msg),
        Err(e) => e,
    }
}

fn buffer<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<&'a [u8]> {
    match v.and_then(|v| v.as_obj()) {
        Some(Object::Bytes(b)) => Ok(b),
        _ => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.map(|v| vm.type_name(v)).unwrap_or_default()
        ))),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Native,
    Little,
    Big,
}

struct Item {
    code: char,
    count: usize,
    offset: usize,
    size: usize,
}

struct Format {
    order: Order,
    native: bool,
    items: Vec<Item>,
    size: usize,
}

fn item_size(c: char, native: bool) -> Option<usize> {
    Some(match c {
        'x' | 'c' | 'b' | 'B' | '?' | 's' | 'p' => 1,
        'h' | 'H' | 'e' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' => {
            if native {
                8
            } else {
                4
            }
        }
        'q' | 'Q' | 'd' => 8,
        'n' | 'N' | 'P' if native => 8,
        _ => return None,
    })
}

fn parse(vm: &mut Vm, f: Option<&Value>) -> PyResult<Format> {
    let s: String = match f.and_then(|v| v.as_obj()) {
        Some(Object::Str(s)) => s.as_str().to_string(),
        Some(Object::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
        _ => {
            return Err(type_error(format!(
                "Struct() argument 1 must be a str or bytes object, not {}",
                f.map(|v| vm.type_name(v)).unwrap_or_default()
            )))
        }
    };
    let mut chars = s.chars().peekable();
    let (order, native) = match chars.peek() {
        Some('@') => (Order::Native, true),
        Some('=') => (Order::Native, false),
        Some('<') => (Order::Little, false),
        Some('>') | Some('!') => (Order::Big, false),
        _ => (Order::Native, true),
    };
    if matches!(chars.peek(), Some('@' | '=' | '<' | '>' | '!')) {
        chars.next();
    }
    let mut items = Vec::new();
    let mut off = 0usize;
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut count: Option<usize> = None;
        let mut c = c;
        if c.is_ascii_digit() {
            let mut n: usize = c.to_digit(10).unwrap_or(0) as usize;
            loop {
                match chars.next() {
                    Some(d) if d.is_ascii_digit() => {
                        n = n
                            .checked_mul(10)
                            .and_then(|n| n.checked_add(d.to_digit(10).unwrap_or(0) as usize))
                            .ok_or_else(|| error(vm, "total struct size too long".into()))?;
                    }
                    Some(d) => {
                        c = d;
                        break;
                    }
                    None => {
                        return Err(error(
                            vm,
                            "repeat count given without format specifier".into(),
                        ))
                    }
                }
            }
            count = Some(n);
        }
        let Some(sz) = item_size(c, native) else {
            return Err(error(vm, "bad char in struct format".into()));
        };
        let n = count.unwrap_or(1);
        if native && sz > 1 && !matches!(c, 's' | 'p') {
            off = off.div_ceil(sz) * sz;
        }
        // CPython's bound: the total size must fit in a Py_ssize_t.
        let run = if matches!(c, 's' | 'p') {
            n
        } else {
            n.saturating_mul(sz)
        };
        if run > isize::MAX as usize - off {
            return Err(error(vm, "total struct size too long".into()));
        }
        // One item per value: a count the program makes absurd is a MemoryError, not an abort.
        if !matches!(c, 's' | 'p' | 'x') {
            crate::alloc::check(items.len().saturating_add(n), std::mem::size_of::<Item>())?;
            items
                .try_reserve(n)
                .map_err(|_| crate::alloc::memory_error())?;
        }
        if matches!(c, 's' | 'p') {
            items.push(Item {
                code: c,
                count: n,
                offset: off,
                size: n,
            });
            off += n;
        } else if c == 'x' {
            off += n;
        } else {
            for _ in 0..n {
                items.push(Item {
                    code: c,
                    count: 1,
                    offset: off,
                    size: sz,
                });
                off += sz;
            }
        }
    }
    Ok(Format {
        order,
        native,
        items,
        size: off,
    })
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::Obj(o) if matches!(&**o, Object::Int(_)) => Ok(v.to_bigint().unwrap_or_default()),
        _ => {
            if vm.is_user_instance(v) {
                if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
                    if let Some(b) = r.to_bigint() {
                        return Ok(b);
                    }
                }
            }
            Err(error(vm, "required argument is not an integer".into()))
        }
    }
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Obj(o) if matches!(&**o, Object::Int(_)) => Ok(v
            .to_bigint()
            .and_then(|b| b.to_f64())
            .unwrap_or(f64::INFINITY)),
        _ => Err(error(vm, "required argument is not a float".into())),
    }
}

fn put(out: &mut [u8], order: Order, bytes_le: &[u8]) {
    match order {
        Order::Big => {
            for (i, b) in bytes_le.iter().rev().enumerate() {
                out[i] = *b;
            }
        }
        _ => out.copy_from_slice(bytes_le),
    }
}

/// f64 → IEEE half (round half to even); None on overflow.
fn to_half(x: f64) -> Option<u16> {
    let f = x as f32;
    if x.is_nan() {
        return Some(0x7e00);
    }
    let bits = f.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a >= 65520.0 {
        return None;
    }
    // Scale into the half's integer significand and round half to even.
    let (m, e) = if a < 6.103515625e-05 {
        // Subnormal: units of 2^-24.
        let q = a * 16777216.0;
        let r = q.round_ties_even() as u32;
        return Some(sign | r as u16);
    } else {
        let e = a.log2().floor() as i32;
        let mut e = e;
        if a < 2f64.powi(e) {
            e -= 1;
        }
        if a >= 2f64.powi(e + 1) {
            e += 1;
        }
        let m = (a / 2f64.powi(e) * 1024.0).round_ties_even() as u32;
        (m, e)
    };
    let (mut m, mut e) = (m, e);
    if m >= 2048 {
        m /= 2;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | (m as u16 & 0x3ff))
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match e {
        0 => m * 2f64.powi(-24),
        31 => {
            if m == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

fn pack(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = parse(vm, a.first())?;
    let vals = &a[1.min(a.len())..];
    if vals.len() != f.items.len() {
        return Err(error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                f.items.len(),
                vals.len()
            ),
        ));
    }
    let mut out = crate::alloc::vec(f.size)?;
    out.resize(f.size, 0u8);
    for (it, v) in f.items.iter().zip(vals) {
        let dst = &mut out[it.offset..it.offset + it.size];
        match it.code {
            'c' => match v.as_obj() {
                Some(Object::Bytes(b)) if b.len() == 1 => dst[0] = b[0],
                _ => {
                    return Err(error(
                        vm,
                        "char format requires a bytes object of length 1".into(),
                    ))
                }
            },
            's' | 'p' => {
                let Some(Object::Bytes(b)) = v.as_obj() else {
                    return Err(error(
                        vm,
                        format!("argument for '{}' must be a bytes object", it.code),
                    ));
                };
                if it.code == 's' {
                    let n = b.len().min(it.count);
                    dst[..n].copy_from_slice(&b[..n]);
                } else if it.count > 0 {
                    let n = b.len().min(it.count - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..1 + n].copy_from_slice(&b[..n]);
                }
            }
            '?' => dst[0] = vm.truthy(v)? as u8,
            'e' => {
                let x = float_arg(vm, v)?;
                let Some(h) = to_half(x) else {
                    return Err(PyErr::new(
                        ExcKind::OverflowError,
                        "float too large to pack with e format",
                    ));
                };
                put(dst, f.order, &h.to_le_bytes());
            }
            'f' => {
                let x = float_arg(vm, v)?;
                let y = x as f32;
                if y.is_infinite() && x.is_finite() {
                    return Err(PyErr::new(
                        ExcKind::OverflowError,
                        "float too large to pack with f format",
                    ));
                }
                put(dst, f.order, &y.to_le_bytes());
            }
            'd' => {
                let x = float_arg(vm, v)?;
                put(dst, f.order, &x.to_le_bytes());
            }
            c => {
                let n = int_arg(vm, v)?;
                let signed = c.is_ascii_lowercase();
                let bits = it.size * 8;
                let (lo, hi) = if signed {
                    (
                        -(BigInt::from(1) << (bits - 1)),
                        (BigInt::from(1) << (bits - 1)) - 1,
                    )
                } else {
                    (BigInt::from(0), (BigInt::from(1) << bits) - 1)
                };
                if n < lo || n > hi {
                    let msg = match (c, f.native) {
                        ('b', true) => "byte format requires -128 <= number <= 127".to_string(),
                        ('B', true) => "ubyte format requires 0 <= number <= 255".to_string(),
                        ('h', true) => {
                            "short format requires -32768 <= number <= 32767".to_string()
                        }
                        ('H', true) => "ushort format requires 0 <= number <= 65535".to_string(),
                        ('i', true) => format!("'i' format requires {} <= number <= {}", lo, hi),
                        (_, true) => "argument out of range".to_string(),
                        (_, false) if it.size == 8 => "argument out of range".to_string(),
                        _ => format!("'{}' format requires {} <= number <= {}", c, lo, hi),
                    };
                    return Err(error(vm, msg));
                }
                let mask = (BigInt::from(1) << bits) - 1;
                let u: u64 = ToPrimitive::to_u64(&(n & mask)).unwrap_or(0);
                put(dst, f.order, &u.to_le_bytes()[..it.size]);
            }
        }
    }
    Ok(Value::obj(Object::Bytes(out)))
}

fn get(src: &[u8], order: Order) -> u64 {
    let mut v = 0u64;
    match order {
        Order::Big => {
            for b in src {
                v = (v << 8) | *b as u64;
            }
        }
        _ => {
            for b in src.iter().rev() {
                v = (v << 8) | *b as u64;
            }
        }
    }
    v
}

fn unpack(vm: &mut Vm, f: &Format, buf: &[u8]) -> PyResult<Value> {
    let _ = vm;
    let mut out = Vec::with_capacity(f.items.len());
    for it in &f.items {
        let src = &buf[it.offset..it.offset + it.size];
        out.push(match it.code {
            'c' => Value::obj(Object::Bytes(vec![src[0]])),
            's' => Value::obj(Object::Bytes(src.to_vec())),
            'p' => {
                if src.is_empty() {
                    Value::obj(Object::Bytes(Vec::new()))
                } else {
                    let n = (src[0] as usize).min(src.len() - 1);
                    Value::obj(Object::Bytes(src[1..1 + n].to_vec()))
                }
            }
            '?' => Value::Bool(src[0] != 0),
            'e' => Value::Float(from_half(get(src, f.order) as u16)),
            'f' => Value::Float(f32::from_bits(get(src, f.order) as u32) as f64),
            'd' => Value::Float(f64::from_bits(get(src, f.order))),
            c => {
                let u = get(src, f.order);
                let bits = it.size * 8;
                if c.is_ascii_lowercase() {
                    let shift = 64 - bits;
                    Value::Int(((u << shift) as i64) >> shift)
                } else if u > i64::MAX as u64 {
                    crate::value::int_from_big(BigInt::from(u))
                } else {
                    Value::Int(u as i64)
                }
            }
        });
    }
    Ok(Value::obj(Object::Tuple(out)))
}
