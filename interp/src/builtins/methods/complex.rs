//! `complex`: the constructor (numbers and CPython's string syntax), arithmetic with CPython's
//! algorithms (complexobject.c: Smith's division, `c_powi` for small integer exponents), hashing,
//! equality with ints and floats, and the methods. repr/format live in numfmt (format_complex.rs).

use super::util::pos_only;
use crate::builtins::{kwarg, method, set_in};
use crate::bytecode::BinOp;
use crate::error::{overflow_error, type_error, value_error, zero_division, PyResult};
use crate::object::{Complex, KwArgs, Object};
use crate::value::Value;
use crate::vm::ops::{as_int, cmp_int_float};
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let t = vm.types.complex.clone();
    if let Object::Type(tt) = &*t {
        tt.ctor.set(Some(complex_new));
    }
    set_in(&vm.builtins.clone(), "complex", Value::Obj(t.clone()));
    method(&t, "conjugate", conjugate);
    method(&t, "__complex__", dunder_complex);
    method(&t, "__getnewargs__", getnewargs);
}

pub fn new_complex(re: f64, im: f64) -> Value {
    Value::obj(Object::Complex(Complex { re, im }))
}

pub fn as_complex_obj(v: &Value) -> Option<Complex> {
    match v.as_obj() {
        Some(Object::Complex(c)) => Some(*c),
        _ => None,
    }
}

/// An operand of complex arithmetic: complex, float, int or bool (ints beyond f64 raise OverflowError).
pub fn to_complex(v: &Value) -> Option<PyResult<Complex>> {
    match v {
        Value::Float(f) => Some(Ok(Complex { re: *f, im: 0.0 })),
        Value::Obj(o) => match &**o {
            Object::Complex(c) => Some(Ok(*c)),
            Object::Int(b) => Some(crate::vm::ops::big_to_f64(b).map(|re| Complex { re, im: 0.0 })),
            _ => None,
        },
        _ => as_int(v).map(|i| i.to_f64().map(|re| Complex { re, im: 0.0 })),
    }
}

fn this(vm: &Vm, args: &[Value], meth: &str) -> PyResult<Complex> {
    match args.first().and_then(as_complex_obj) {
        Some(c) => Ok(c),
        None => Err(super::util::bad_self(vm, args, "complex", meth)),
    }
}

fn conjugate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "conjugate")?;
    pos_only("complex", "conjugate", true, args, kw, 0, 0)?;
    Ok(new_complex(c.re, -c.im))
}

fn dunder_complex(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__complex__")?;
    pos_only("complex", "__complex__", true, args, kw, 0, 0)?;
    Ok(args[0].clone())
}

fn getnewargs(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "__getnewargs__")?;
    pos_only("complex", "__getnewargs__", true, args, kw, 0, 0)?;
    Ok(Value::obj(Object::Tuple(vec![
        Value::Float(c.re),
        Value::Float(c.im),
    ])))
}

/// `data attributes`: `real`, `imag`.
pub fn attr(c: &Complex, name: &str) -> Option<Value> {
    match name {
        "real" => Some(Value::Float(c.re)),
        "imag" => Some(Value::Float(c.im)),
        _ => None,
    }
}

// ---- arithmetic -------------------------------------------------------------------------------------

fn prod(a: Complex, b: Complex) -> Complex {
    Complex {
        re: a.re * b.re - a.im * b.im,
        im: a.re * b.im + a.im * b.re,
    }
}

/// Smith's algorithm, as CPython's `_Py_c_quot` (None: division by zero).
pub fn quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_br, abs_bi) = (b.re.abs(), b.im.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(Complex {
            re: (a.re + a.im * ratio) / denom,
            im: (a.im - a.re * ratio) / denom,
        })
    } else if abs_bi >= abs_br {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(Complex {
            re: (a.re * ratio + a.im) / denom,
            im: (a.im * ratio - a.re) / denom,
        })
    } else {
        // A NaN in the divisor.
        Some(Complex {
            re: f64::NAN,
            im: f64::NAN,
        })
    }
}

const ONE: Complex = Complex { re: 1.0, im: 0.0 };

fn powu(x: Complex, n: u64) -> Complex {
    let mut r = ONE;
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `a ** b` (None: zero to a negative or complex power).
fn pow(a: Complex, b: Complex) -> Option<Complex> {
    // Small integral exponents: repeated squaring (faster and more accurate), as CPython.
    if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        return if n >= 0 {
            Some(powu(a, n as u64))
        } else {
            quot(ONE, powu(a, n.unsigned_abs()))
        };
    }
    if b.re == 0.0 && b.im == 0.0 {
        return Some(ONE);
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return None;
        }
        return Some(Complex { re: 0.0, im: 0.0 });
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    Some(Complex {
        re: len * phase.cos(),
        im: len * phase.sin(),
    })
}

/// `a ** b` with CPython's errors.
pub fn complex_pow(a: Complex, b: Complex) -> PyResult<Value> {
    match pow(a, b) {
        None => Err(zero_division("0.0 to a negative or complex power")),
        Some(p) if p.re.is_infinite() || p.im.is_infinite() => {
            Err(overflow_error("complex exponentiation"))
        }
        Some(p) => Ok(new_complex(p.re, p.im)),
    }
}

/// A binary operator with a complex operand (`Some` when both operands are numbers).
pub fn complex_binop(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let x = to_complex(a)?;
    let y = to_complex(b)?;
    let (x, y) = match (x, y) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
    };
    Some(match op {
        BinOp::Add => Ok(new_complex(x.re + y.re, x.im + y.im)),
        BinOp::Sub => Ok(new_complex(x.re - y.re, x.im - y.im)),
        BinOp::Mul => {
            let p = prod(x, y);
            Ok(new_complex(p.re, p.im))
        }
        BinOp::TrueDiv => match quot(x, y) {
            Some(q) => Ok(new_complex(q.re, q.im)),
            None => Err(zero_division("complex division by zero")),
        },
        BinOp::Pow => complex_pow(x, y),
        _ => return None,
    })
}

pub fn complex_neg(c: &Complex) -> Value {
    new_complex(-c.re, -c.im)
}

/// `abs(c)`.
pub fn complex_abs(c: &Complex) -> PyResult<Value> {
    if !c.re.is_finite() || !c.im.is_finite() {
        if c.re.is_infinite() || c.im.is_infinite() {
            return Ok(Value::Float(f64::INFINITY));
        }
        return Ok(Value::Float(f64::NAN));
    }
    let r = c.re.hypot(c.im);
    if r.is_infinite() {
        return Err(overflow_error("absolute value too large"));
    }
    Ok(Value::Float(r))
}

/// CPython's complex hash: hash(re) + 1000003 * hash(im) (wrapping).
pub fn complex_hash(c: &Complex) -> i64 {
    let hr = crate::hash::hash_f64(c.re) as u64;
    let hi = crate::hash::hash_f64(c.im) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `c == other` for a complex and any value (false for non-numbers).
pub fn complex_eq(c: &Complex, other: &Value) -> bool {
    match other {
        Value::Float(f) => c.im == 0.0 && c.re == *f,
        Value::Obj(o) if matches!(&**o, Object::Complex(_)) => match &**o {
            Object::Complex(d) => c.re == d.re && c.im == d.im,
            _ => false,
        },
        _ => match as_int(other) {
            Some(i) => c.im == 0.0 && cmp_int_float(&i, c.re) == Some(std::cmp::Ordering::Equal),
            None => false,
        },
    }
}

// ---- constructor ----------------------------------------------------------------------------------

/// The longest prefix of `s` that `PyOS_string_to_double` accepts (sign, digits with optional
/// underscores removed earlier, fraction, exponent, or inf/infinity/nan), parsed.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        i += 1;
    }
    let lower: Vec<u8> = s[i..]
        .iter()
        .take(8)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    for word in [&b"infinity"[..], b"inf", b"nan"] {
        if lower.starts_with(word) {
            let end = i + word.len();
            let text = std::str::from_utf8(&s[..end]).ok()?;
            return text.parse::<f64>().ok().map(|f| (f, end));
        }
    }
    let digits_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut ndigits = i - digits_start;
    if i < s.len() && s[i] == b'.' {
        let j = i + 1;
        let mut k = j;
        while k < s.len() && s[k].is_ascii_digit() {
            k += 1;
        }
        ndigits += k - j;
        if ndigits > 0 {
            i = k;
        }
    }
    if ndigits == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut k = i + 1;
        if k < s.len() && (s[k] == b'+' || s[k] == b'-') {
            k += 1;
        }
        let e0 = k;
        while k < s.len() && s[k].is_ascii_digit() {
            k += 1;
        }
        if k > e0 {
            i = k;
        }
    }
    let text = std::str::from_utf8(&s[..i]).ok()?;
    text.parse::<f64>().ok().map(|f| (f, i))
}

fn malformed() -> crate::error::PyErr {
    value_error("complex() arg is a malformed string")
}

/// Underscores are allowed only between digits (as in numeric literals); they are removed first.
fn strip_underscores(s: &str) -> Option<String> {
    if !s.contains('_') {
        return Some(s.to_string());
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
            let next_digit = i + 1 < b.len() && b[i + 1].is_ascii_digit();
            if !prev_digit || !next_digit {
                return None;
            }
        } else {
            out.push(c as char);
        }
    }
    Some(out)
}

/// `complex(str)`: CPython's `complex_subtype_from_string`.
pub fn parse_complex(text: &str) -> PyResult<Complex> {
    let trimmed = text.trim_matches(|c: char| crate::numfmt::py_is_space(c));
    let Some(clean) = strip_underscores(trimmed) else {
        return Err(value_error(format!(
            "could not convert string to complex: {}",
            crate::numfmt::py_str_repr(text)
        )));
    };
    let s = clean.as_bytes();
    let space = |c: u8| c.is_ascii_whitespace() || c == 0x0b;
    let mut i = 0;
    let mut bracket = false;
    if i < s.len() && s[i] == b'(' {
        bracket = true;
        i += 1;
        while i < s.len() && space(s[i]) {
            i += 1;
        }
    }
    let (mut x, mut y) = (0.0, 0.0);
    match float_prefix(&s[i..]) {
        Some((z, n)) => {
            i += n;
            if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
                x = z;
                match float_prefix(&s[i..]) {
                    Some((w, m)) => {
                        y = w;
                        i += m;
                    }
                    None => {
                        y = if s[i] == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !(i < s.len() && (s[i] == b'j' || s[i] == b'J')) {
                    return Err(malformed());
                }
                i += 1;
            } else if i < s.len() && (s[i] == b'j' || s[i] == b'J') {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
                y = if s[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !(i < s.len() && (s[i] == b'j' || s[i] == b'J')) {
                return Err(malformed());
            }
            i += 1;
        }
    }
    while i < s.len() && space(s[i]) {
        i += 1;
    }
    if bracket {
        if !(i < s.len() && s[i] == b')') {
            return Err(malformed());
        }
        i += 1;
        while i < s.len() && space(s[i]) {
            i += 1;
        }
    }
    if i != s.len() || s.is_empty() {
        return Err(malformed());
    }
    Ok(Complex { re: x, im: y })
}

/// A number argument of `complex()`: (value, was it complex). Instances of Python classes may define
/// `__complex__`, `__float__` or `__index__`.
fn number_arg(vm: &mut Vm, v: &Value, first: bool) -> PyResult<Option<(Complex, bool)>> {
    if let Some(c) = as_complex_obj(v) {
        return Ok(Some((c, true)));
    }
    if let Some(r) = to_complex(v) {
        return r.map(|c| Some((c, false)));
    }
    if vm.is_user_instance(v) {
        if first {
            if let Some(r) = vm.call_dunder(v, "__complex__", &[])? {
                return match as_complex_obj(&r) {
                    Some(c) => Ok(Some((c, true))),
                    None => Err(type_error(format!(
                        "__complex__ returned non-complex (type {})",
                        vm.type_name(&r)
                    ))),
                };
            }
        }
        if let Some(r) = vm.call_dunder(v, "__float__", &[])? {
            return match r {
                Value::Float(f) => Ok(Some((Complex { re: f, im: 0.0 }, false))),
                _ => Err(type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    vm.type_name(v),
                    vm.type_name(&r)
                ))),
            };
        }
        if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
            if let Some(c) = to_complex(&r) {
                return c.map(|c| Some((c, false)));
            }
        }
    }
    Ok(None)
}

fn complex_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = &args[1..];
    if a.len() + kw.len() > 2 {
        return Err(type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            a.len() + kw.len()
        )));
    }
    if let Some((k, _)) = kw.iter().find(|(k, _)| &**k != "real" && &**k != "imag") {
        return Err(type_error(format!(
            "'{}' is an invalid keyword argument for complex()",
            k
        )));
    }
    let r = a.first().or_else(|| kwarg(kw, "real")).cloned();
    let i = a.get(1).or_else(|| kwarg(kw, "imag")).cloned();
    let Some(r) = r else {
        return match i {
            None => Ok(new_complex(0.0, 0.0)),
            Some(i) => {
                let (ci, ci_complex) = match number_arg(vm, &i, false)? {
                    Some(x) => x,
                    None => {
                        return Err(type_error(format!(
                            "complex() second argument must be a number, not '{}'",
                            vm.type_name(&i)
                        )))
                    }
                };
                let re = if ci_complex { -ci.im } else { 0.0 };
                Ok(new_complex(re, ci.re))
            }
        };
    };
    if let Some(s) = r.as_str() {
        if i.is_some() {
            return Err(type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        let c = parse_complex(s)?;
        return Ok(new_complex(c.re, c.im));
    }
    if let Some(iv) = &i {
        if iv.as_str().is_some() {
            return Err(type_error("complex() second arg can't be a string"));
        }
    }
    if i.is_none() && as_complex_obj(&r).is_some() {
        return Ok(r);
    }
    let (cr, cr_complex) = match number_arg(vm, &r, true)? {
        Some(x) => x,
        None => {
            return Err(type_error(format!(
                "complex() first argument must be a string or a number, not '{}'",
                vm.type_name(&r)
            )))
        }
    };
    let (mut re, mut im) = (cr.re, cr.im);
    match &i {
        None => {}
        Some(iv) => {
            let (ci, ci_complex) = match number_arg(vm, iv, false)? {
                Some(x) => x,
                None => {
                    return Err(type_error(format!(
                        "complex() second argument must be a number, not '{}'",
                        vm.type_name(iv)
                    )))
                }
            };
            if ci_complex {
                re -= ci.im;
            }
            im = if cr_complex { ci.re + cr.im } else { ci.re };
        }
    }
    Ok(new_complex(re, im))
}
