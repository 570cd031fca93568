//! int and float methods.
//!
//! `int.from_bytes` and `float.fromhex` are class methods: looked up on the type they receive exactly
//! the call's arguments (`int.from_bytes(b, 'big')` → args = [b, 'big']); looked up on an instance
//! (`(5).from_bytes(b)`) the instance comes first and is dropped.

use super::util::{bad_self, bind_kwonly, index_arg, new_bytes, new_tuple, pos_only};
use crate::builtins::{method, no_kwargs};
use crate::error::{overflow_error, type_error, value_error, PyResult};
use crate::object::{KwArgs, Object};
use crate::value::{int_from_big, Value};
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

pub fn install(vm: &mut Vm) {
    let t = vm.types.int.clone();
    method(&t, "bit_length", bit_length);
    method(&t, "bit_count", bit_count);
    method(&t, "to_bytes", to_bytes);
    method(&t, "from_bytes", from_bytes);
    method(&t, "as_integer_ratio", int_as_integer_ratio);
    method(&t, "conjugate", int_conjugate);
    let f = vm.types.float.clone();
    method(&f, "is_integer", is_integer);
    method(&f, "as_integer_ratio", float_as_integer_ratio);
    method(&f, "hex", hex);
    method(&f, "fromhex", fromhex);
    method(&f, "conjugate", float_conjugate);
}

// ---- int ------------------------------------------------------------------------------------------------

fn int_self(vm: &Vm, args: &[Value], kw: &KwArgs, meth: &str) -> PyResult<BigInt> {
    let Some(b) = args.first().and_then(|v| v.to_bigint()) else {
        return Err(bad_self(vm, args, "int", meth));
    };
    pos_only("int", meth, true, args, kw, 0, 0)?;
    Ok(b)
}

fn bit_length(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if let (Some(Value::Int(i)), true, true) = (args.first(), args.len() == 1, kw.is_empty()) {
        return Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64));
    }
    let b = int_self(vm, args, kw, "bit_length")?;
    Ok(Value::Int(b.bits() as i64))
}

fn bit_count(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if let (Some(Value::Int(i)), true, true) = (args.first(), args.len() == 1, kw.is_empty()) {
        return Ok(Value::Int(i.unsigned_abs().count_ones() as i64));
    }
    let b = int_self(vm, args, kw, "bit_count")?;
    let (_, digits) = b.to_u64_digits();
    Ok(Value::Int(
        digits.iter().map(|d| d.count_ones() as i64).sum(),
    ))
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = int_self(vm, args, kw, "as_integer_ratio")?;
    Ok(new_tuple(vec![int_from_big(b), Value::Int(1)]))
}

fn int_conjugate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = int_self(vm, args, kw, "conjugate")?;
    Ok(int_from_big(b))
}

fn byteorder_arg(vm: &Vm, fname: &str, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => match v.as_str() {
            Some("big") => Ok(false),
            Some("little") => Ok(true),
            Some(_) => Err(value_error("byteorder must be either 'little' or 'big'")),
            None => Err(type_error(format!(
                "{}() argument 'byteorder' must be str, not {}",
                fname,
                vm.type_name(v)
            ))),
        },
    }
}

fn to_bytes(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(n) = args.first().and_then(|v| v.to_bigint()) else {
        return Err(bad_self(vm, args, "int", "to_bytes"));
    };
    let a = bind_kwonly(
        "to_bytes",
        &args[1..],
        kw,
        &["length", "byteorder", "signed"],
        2,
        0,
    )?;
    let length = match &a[0] {
        Some(v) => index_arg(vm, v)?,
        None => 1,
    };
    let little = byteorder_arg(vm, "to_bytes", a[1].as_ref())?;
    let signed = match &a[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    let length = length as usize;
    let mut bytes = if signed {
        let mut b = n.to_signed_bytes_be();
        if n.is_zero() {
            b.clear();
        }
        if b.len() > length {
            return Err(overflow_error("int too big to convert"));
        }
        let fill = if n.is_negative() { 0xff } else { 0 };
        let mut out = crate::alloc::vec(length)?;
        out.resize(length - b.len(), fill);
        out.extend(b);
        out
    } else {
        if n.is_negative() {
            return Err(overflow_error("can't convert negative int to unsigned"));
        }
        let (_, mut b) = n.to_bytes_be();
        if n.is_zero() {
            b.clear();
        }
        if b.len() > length {
            return Err(overflow_error("int too big to convert"));
        }
        let mut out = crate::alloc::vec(length)?;
        out.resize(length - b.len(), 0);
        out.extend(b);
        out
    };
    if little {
        bytes.reverse();
    }
    Ok(new_bytes(bytes))
}

fn from_bytes(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    // Called on an instance: drop the receiver (an int followed by the bytes argument).
    let args = if args.len() >= 2 && args[0].is_int_like() && args[1].as_str().is_none() {
        &args[1..]
    } else {
        args
    };
    let a = bind_kwonly(
        "from_bytes",
        args,
        kw,
        &["bytes", "byteorder", "signed"],
        2,
        1,
    )?;
    let src = a[0].clone().unwrap_or_default();
    let little = byteorder_arg(vm, "from_bytes", a[1].as_ref())?;
    let signed = match &a[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut bytes: Vec<u8> = match src.as_obj() {
        Some(Object::Bytes(b)) => b.clone(),
        Some(Object::Str(_)) | None | Some(Object::Int(_)) => {
            return Err(type_error(format!(
                "cannot convert '{}' object to bytes",
                vm.type_name(&src)
            )))
        }
        Some(_) => {
            if !vm.is_iterable(&src) {
                return Err(type_error(format!(
                    "cannot convert '{}' object to bytes",
                    vm.type_name(&src)
                )));
            }
            let items = vm.collect(src.clone())?;
            let mut out = Vec::with_capacity(items.len());
            for x in &items {
                let i = index_arg(vm, x).map_err(|e| {
                    if x.is_int_like() {
                        value_error("bytes must be in range(0, 256)")
                    } else {
                        e
                    }
                })?;
                if !(0..256).contains(&i) {
                    return Err(value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            out
        }
    };
    if little {
        bytes.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_be(&bytes)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &bytes)
    };
    Ok(int_from_big(n))
}

// ---- float ----------------------------------------------------------------------------------------------

fn float_self(vm: &Vm, args: &[Value], kw: &KwArgs, meth: &str) -> PyResult<f64> {
    let Some(Value::Float(x)) = args.first() else {
        return Err(bad_self(vm, args, "float", meth));
    };
    pos_only("float", meth, true, args, kw, 0, 0)?;
    Ok(*x)
}

fn is_integer(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let x = float_self(vm, args, kw, "is_integer")?;
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}

fn float_conjugate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let x = float_self(vm, args, kw, "conjugate")?;
    Ok(Value::Float(x))
}

/// (mantissa, exponent) with x == mantissa * 2**exponent exactly, mantissa odd (or zero).
fn decompose(x: f64) -> (i64, i64) {
    let bits = x.to_bits();
    let neg = bits >> 63 != 0;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = (bits & ((1u64 << 52) - 1)) as i64;
    let (mut m, mut e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    if m == 0 {
        return (0, 0);
    }
    let tz = m.trailing_zeros() as i64;
    m >>= tz;
    e += tz;
    (if neg { -m } else { m }, e)
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let x = float_self(vm, args, kw, "as_integer_ratio")?;
    if x.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = decompose(x);
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << e as usize, BigInt::from(1))
    } else {
        (BigInt::from(m), BigInt::from(1) << (-e) as usize)
    };
    Ok(new_tuple(vec![int_from_big(num), int_from_big(den)]))
}

/// `float.hex()`, as CPython's float_hex.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() || x.is_infinite() {
        return crate::numfmt::float_repr(x);
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0x0.0p+0".into()
        } else {
            "0x0.0p+0".into()
        };
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    // Normal: 1.frac * 2**(exp-1023); subnormal: 0.frac * 2**-1022.
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!(
        "{}0x{}.{:013x}p{}{}",
        if x < 0.0 { "-" } else { "" },
        lead,
        frac,
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

fn hex(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let x = float_self(vm, args, kw, "hex")?;
    Ok(Value::from_string(float_hex(x)))
}

fn invalid_hex() -> crate::error::PyErr {
    value_error("invalid hexadecimal floating-point string")
}

/// `float.fromhex(s)`, correctly rounded (round-half-even), as CPython's float_fromhex.
pub fn parse_hex_float(s: &str) -> PyResult<f64> {
    let t = s.trim_matches(crate::numfmt::py_is_space);
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let sign = if neg { -1.0 } else { 1.0 };
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN.copysign(sign));
    }
    let b = lower.as_bytes();
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' && b[1] == b'x' {
        i = 2;
    }
    let mut mant = BigInt::zero();
    let mut ndigits = 0usize;
    let mut frac_digits: i64 = 0;
    let mut seen_dot = false;
    while i < b.len() {
        let c = b[i];
        if let Some(d) = (c as char).to_digit(16) {
            mant = (mant << 4u32) + d;
            ndigits += 1;
            if seen_dot {
                frac_digits += 1;
            }
        } else if c == b'.' && !seen_dot {
            seen_dot = true;
        } else {
            break;
        }
        i += 1;
    }
    if ndigits == 0 {
        return Err(invalid_hex());
    }
    let mut exp: i64 = 0;
    if i < b.len() && b[i] == b'p' {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            eneg = b[i] == b'-';
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            exp = exp.saturating_mul(10).saturating_add((b[i] - b'0') as i64);
            i += 1;
        }
        if i == start {
            return Err(invalid_hex());
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(invalid_hex());
    }
    if mant.is_zero() {
        return Ok(0.0 * sign);
    }
    let too_large = || overflow_error("hexadecimal value too large to represent as a float");
    // value = mant * 2**exp2
    let exp2 = exp.saturating_sub(frac_digits.saturating_mul(4));
    let bl = mant.bits() as i64;
    let top = exp2.saturating_add(bl - 1);
    if top > 1023 {
        return Err(too_large());
    }
    if top < -1075 {
        return Ok(0.0 * sign);
    }
    // Lowest kept bit: 53 significant bits, but never below 2**-1074.
    let lsb = (top - 52).max(-1074);
    let shift = lsb - exp2;
    let q: u64 = if shift > 0 {
        let sh = shift as u64;
        let q = &mant >> sh;
        let rem = &mant - (&q << sh);
        let half = BigInt::from(1) << (sh - 1);
        let mut q = q.to_u64().unwrap_or(0);
        if rem > half || (rem == half && q & 1 == 1) {
            q += 1;
        }
        q
    } else {
        (&mant << (-shift) as u64).to_u64().unwrap_or(0)
    };
    if (64 - q.leading_zeros() as i64) - 1 + lsb > 1023 {
        return Err(too_large());
    }
    // q * 2**lsb is exactly representable: scale in two exact steps.
    let mut v = q as f64;
    let mut e = lsb;
    if e < -1000 {
        v *= 2f64.powi(-1000);
        e += 1000;
    }
    v *= 2f64.powi(e as i32);
    Ok(sign * v)
}

fn fromhex(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    // Called on an instance: drop the receiver.
    let args = if args.len() >= 2 && matches!(args[0], Value::Float(_)) {
        &args[1..]
    } else {
        args
    };
    no_kwargs("float.fromhex", kw)?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "float.fromhex() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    match args[0].as_str() {
        Some(s) => Ok(Value::Float(parse_hex_float(s)?)),
        None => {
            let _ = vm;
            Err(type_error("bad argument type for built-in operation"))
        }
    }
}
