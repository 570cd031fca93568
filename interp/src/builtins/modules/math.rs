//! `math`: every function of CPython 3.11's math module, with its argument conversions (`__float__`,
//! `__index__`, `__floor__`/`__ceil__`/`__trunc__`), its error messages and its exact results (the
//! floating-point algorithms are in `mathfn.rs`).

use super::mathfn::{self, Errno, FsumErr};
use crate::builtins::{register, set_in};
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::{int_from_big, Value};
use crate::vm::ops::{as_int, big_to_f64, IntRef};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub(super) fn init(_vm: &mut Vm, d: &ObjRef) {
    set_in(d, "pi", Value::Float(std::f64::consts::PI));
    set_in(d, "e", Value::Float(std::f64::consts::E));
    set_in(d, "tau", Value::Float(std::f64::consts::TAU));
    set_in(d, "inf", Value::Float(f64::INFINITY));
    set_in(d, "nan", Value::Float(f64::NAN));

    // CPython's `math_1`: a NaN result from a non-NaN argument is a domain error; an infinite result from
    // a finite argument is a range error (OverflowError) if the function can overflow, else a domain error.
    macro_rules! math1 {
        ($($name:literal => $f:expr, $can_overflow:literal;)*) => {
            $( register(d, $name, |vm, args, kw| {
                let x = float_arg(vm, args, kw, $name)?;
                let f: fn(f64) -> f64 = $f;
                Ok(Value::Float(math_1(x, f(x), $can_overflow)?))
            }); )*
        };
    }
    math1! {
        "sqrt" => f64::sqrt, false;
        "exp" => f64::exp, true;
        "exp2" => f64::exp2, true;
        "expm1" => mathfn::expm1, true;
        "sin" => f64::sin, false;
        "cos" => f64::cos, false;
        "tan" => mathfn::tan, false;
        "asin" => mathfn::asin, false;
        "acos" => mathfn::acos, false;
        "atan" => mathfn::atan, false;
        "sinh" => mathfn::sinh, true;
        "cosh" => mathfn::cosh, true;
        "tanh" => mathfn::tanh, false;
        "asinh" => mathfn::asinh, false;
        "acosh" => mathfn::acosh, false;
        "atanh" => mathfn::atanh, false;
        "log1p" => mathfn::log1p, false;
        "fabs" => f64::abs, false;
        "cbrt" => mathfn::cbrt, false;
        "erf" => mathfn::erf, false;
        "erfc" => mathfn::erfc, false;
    }
    // No overflow check: CPython returns inf for degrees(1e308).
    register(d, "degrees", |vm, args, kw| {
        Ok(Value::Float(
            float_arg(vm, args, kw, "degrees")?.to_degrees(),
        ))
    });
    register(d, "radians", |vm, args, kw| {
        Ok(Value::Float(
            float_arg(vm, args, kw, "radians")?.to_radians(),
        ))
    });
    // CPython's `math_1a`: the function reports its own errors.
    register(d, "gamma", |vm, args, kw| {
        let x = float_arg(vm, args, kw, "gamma")?;
        let (r, e) = mathfn::gamma(x);
        Ok(Value::Float(check_errno(r, e)?))
    });
    register(d, "lgamma", |vm, args, kw| {
        let x = float_arg(vm, args, kw, "lgamma")?;
        let (r, e) = mathfn::lgamma(x);
        Ok(Value::Float(check_errno(r, e)?))
    });
    register(d, "log", math_log);
    register(d, "log2", |vm, args, kw| {
        let x = one_arg(args, kw, "log2")?;
        log_helper(vm, x, log2).map(Value::Float)
    });
    register(d, "log10", |vm, args, kw| {
        let x = one_arg(args, kw, "log10")?;
        log_helper(vm, x, log10).map(Value::Float)
    });
    register(d, "isnan", |vm, args, kw| {
        Ok(Value::Bool(float_arg(vm, args, kw, "isnan")?.is_nan()))
    });
    register(d, "isinf", |vm, args, kw| {
        Ok(Value::Bool(float_arg(vm, args, kw, "isinf")?.is_infinite()))
    });
    register(d, "isfinite", |vm, args, kw| {
        Ok(Value::Bool(
            float_arg(vm, args, kw, "isfinite")?.is_finite(),
        ))
    });
    register(d, "floor", |vm, args, kw| {
        round_to_int(vm, args, kw, "floor", "__floor__", f64::floor)
    });
    register(d, "ceil", |vm, args, kw| {
        round_to_int(vm, args, kw, "ceil", "__ceil__", f64::ceil)
    });
    register(d, "trunc", math_trunc);
    register(d, "frexp", |vm, args, kw| {
        let x = float_arg(vm, args, kw, "frexp")?;
        let (m, e) = mathfn::frexp(x);
        Ok(tuple(vec![Value::Float(m), Value::Int(e as i64)]))
    });
    register(d, "modf", |vm, args, kw| {
        let x = float_arg(vm, args, kw, "modf")?;
        let (frac, int) = if x.is_infinite() {
            (0f64.copysign(x), x)
        } else if x.is_nan() {
            (x, x)
        } else {
            let t = x.trunc();
            ((x - t).copysign(x), t)
        };
        Ok(tuple(vec![Value::Float(frac), Value::Float(int)]))
    });
    register(d, "ulp", |vm, args, kw| {
        Ok(Value::Float(mathfn::ulp(float_arg(vm, args, kw, "ulp")?)))
    });

    // CPython's `math_2`: NaN from non-NaN arguments is a domain error, infinity from finite ones a range
    // error.
    macro_rules! math2 {
        ($($name:literal => $f:expr;)*) => {
            $( register(d, $name, |vm, args, kw| {
                let (x, y) = float_args2(vm, args, kw, $name)?;
                let f: fn(f64, f64) -> f64 = $f;
                Ok(Value::Float(math_2(x, y, f(x, y))?))
            }); )*
        };
    }
    math2! {
        "atan2" => mathfn::atan2;
        "copysign" => f64::copysign;
        "remainder" => mathfn::remainder;
    }
    register(d, "fmod", |vm, args, kw| {
        let (x, y) = float_args2(vm, args, kw, "fmod")?;
        let r = mathfn::fmod(x, y);
        if r.is_nan() && !x.is_nan() && !y.is_nan() {
            return Err(domain_error());
        }
        Ok(Value::Float(r))
    });
    register(d, "pow", |vm, args, kw| {
        let (x, y) = float_args2(vm, args, kw, "pow")?;
        let (r, e) = mathfn::pow(x, y);
        Ok(Value::Float(check_errno(r, e)?))
    });
    register(d, "nextafter", |vm, args, kw| {
        let (x, y) = float_args2(vm, args, kw, "nextafter")?;
        Ok(Value::Float(mathfn::nextafter(x, y)))
    });
    register(d, "ldexp", math_ldexp);
    register(d, "hypot", |vm, args, kw| {
        no_kw("hypot", kw)?;
        let mut v = Vec::with_capacity(args.len());
        let (mut max, mut nan) = (0.0f64, false);
        for a in args {
            let x = float_of(vm, a)?.abs();
            nan |= x.is_nan();
            if x > max {
                max = x;
            }
            v.push(x);
        }
        Ok(Value::Float(mathfn::vector_norm(&mut v, max, nan)))
    });
    register(d, "dist", math_dist);
    register(d, "isclose", math_isclose);
    register(d, "fsum", |vm, args, kw| {
        let x = one_arg(args, kw, "fsum")?;
        let it = vm.get_iter(x.clone())?;
        let mut acc = mathfn::Fsum::new();
        while let Some(item) = vm.next(&it)? {
            acc.add(float_of(vm, &item)?).map_err(fsum_err)?;
        }
        acc.result().map(Value::Float).map_err(fsum_err)
    });
    register(d, "prod", |vm, args, kw| {
        let mut start = Value::Int(1);
        for (k, v) in kw {
            if &**k != "start" {
                return Err(type_error(format!(
                    "'{}' is an invalid keyword argument for prod()",
                    k
                )));
            }
            start = v.clone();
        }
        if args.len() != 1 {
            return Err(type_error(format!(
                "prod() takes exactly 1 positional argument ({} given)",
                args.len()
            )));
        }
        let it = vm.get_iter(args[0].clone())?;
        let mut acc = start;
        while let Some(x) = vm.next(&it)? {
            acc = vm.binary_op(crate::bytecode::BinOp::Mul as u32, acc, x)?;
        }
        Ok(acc)
    });

    // Integer functions.
    register(d, "factorial", |vm, args, kw| {
        let n = index_of(vm, one_arg(args, kw, "factorial")?)?;
        if n > BigInt::from(i64::MAX) {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "factorial() argument should not exceed 9223372036854775807",
            ));
        }
        if n.is_negative() {
            return Err(value_error("factorial() not defined for negative values"));
        }
        let n = n.to_u64().unwrap_or(0);
        Ok(int_from_big(range_product(1, n + 1)))
    });
    register(d, "gcd", |vm, args, kw| {
        no_kw("gcd", kw)?;
        let mut g = BigInt::zero();
        for a in args {
            let x = index_of(vm, a)?;
            g = g.gcd(&x);
        }
        Ok(int_from_big(g))
    });
    register(d, "lcm", |vm, args, kw| {
        no_kw("lcm", kw)?;
        let mut l = BigInt::one();
        for a in args {
            let x = index_of(vm, a)?;
            // Once zero, still convert (type-check) the remaining arguments.
            if !l.is_zero() {
                l = if x.is_zero() { x } else { l.lcm(&x) };
            }
        }
        Ok(int_from_big(l.abs()))
    });
    register(d, "isqrt", |vm, args, kw| {
        let n = index_of(vm, one_arg(args, kw, "isqrt")?)?;
        if n.is_negative() {
            return Err(value_error("isqrt() argument must be nonnegative"));
        }
        Ok(int_from_big(n.sqrt()))
    });
    register(d, "comb", |vm, args, kw| {
        no_kw("comb", kw)?;
        if args.len() != 2 {
            return Err(type_error(format!(
                "comb expected 2 arguments, got {}",
                args.len()
            )));
        }
        let (n, k) = (index_of(vm, &args[0])?, index_of(vm, &args[1])?);
        check_nk(&n, &k)?;
        if k > n {
            return Ok(Value::Int(0));
        }
        let k = k.clone().min(&n - &k);
        let k = k
            .to_u64()
            .filter(|&k| k <= i64::MAX as u64)
            .ok_or_else(|| {
                PyErr::new(
                    ExcKind::OverflowError,
                    "min(n - k, k) must not exceed 9223372036854775807",
                )
            })?;
        Ok(int_from_big(
            falling_product(&n, k) / range_product(1, k + 1),
        ))
    });
    register(d, "perm", |vm, args, kw| {
        no_kw("perm", kw)?;
        crate::builtins::arg_range("perm", args, 1, 2)?;
        let n = index_of(vm, &args[0])?;
        let k = match args.get(1) {
            Some(k) if !k.is_none() => index_of(vm, k)?,
            _ => n.clone(),
        };
        check_nk(&n, &k)?;
        if k > n {
            return Ok(Value::Int(0));
        }
        let k = k
            .to_u64()
            .filter(|&k| k <= i64::MAX as u64)
            .ok_or_else(|| {
                PyErr::new(
                    ExcKind::OverflowError,
                    "k must not exceed 9223372036854775807",
                )
            })?;
        Ok(int_from_big(falling_product(&n, k)))
    });
}

// ---- argument conversion -------------------------------------------------------------------------------

fn domain_error() -> PyErr {
    value_error("math domain error")
}

fn range_error() -> PyErr {
    PyErr::new(ExcKind::OverflowError, "math range error")
}

fn tuple(items: Vec<Value>) -> Value {
    Value::obj(Object::Tuple(items))
}

fn no_kw(name: &str, kw: &KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!(
            "math.{}() takes no keyword arguments",
            name
        )))
    }
}

fn one_arg<'a>(args: &'a [Value], kw: &KwArgs, name: &str) -> PyResult<&'a Value> {
    no_kw(name, kw)?;
    match args {
        [x] => Ok(x),
        _ => Err(type_error(format!(
            "math.{}() takes exactly one argument ({} given)",
            name,
            args.len()
        ))),
    }
}

#[inline]
fn float_arg(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str) -> PyResult<f64> {
    if let ([Value::Float(x)], true) = (args, kw.is_empty()) {
        return Ok(*x);
    }
    let x = one_arg(args, kw, name)?;
    float_of(vm, x)
}

fn float_args2(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str) -> PyResult<(f64, f64)> {
    no_kw(name, kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "{} expected 2 arguments, got {}",
            name,
            args.len()
        )));
    }
    Ok((float_of(vm, &args[0])?, float_of(vm, &args[1])?))
}

/// `PyFloat_AsDouble`: floats, ints, and objects with `__float__` (or `__index__`).
pub(super) fn float_of(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(*b as i64 as f64),
        _ => {}
    }
    if let Some(IntRef::Big(b)) = as_int(v) {
        return big_to_f64(b);
    }
    if let Some(r) = vm.call_dunder(v, "__float__", &[])? {
        return match r {
            Value::Float(f) => Ok(f),
            other => Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&other)
            ))),
        };
    }
    if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
        return match as_int(&r) {
            Some(i) => i.to_f64(),
            None => Err(type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Err(type_error(format!(
        "must be real number, not {}",
        vm.type_name(v)
    )))
}

/// Kept for other modules (time.sleep): float conversion of a number.
pub(super) fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    float_of(vm, v)
}

/// `PyNumber_Index`: ints and objects with `__index__`.
pub(super) fn index_of(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = as_int(v) {
        return Ok(i.to_big());
    }
    if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
        return match as_int(&r) {
            Some(i) => Ok(i.to_big()),
            None => Err(type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Err(type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    )))
}

// ---- error conventions ---------------------------------------------------------------------------------

fn math_1(x: f64, r: f64, can_overflow: bool) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

fn math_2(x: f64, y: f64, r: f64) -> PyResult<f64> {
    let e = if r.is_nan() && !x.is_nan() && !y.is_nan() {
        Errno::Dom
    } else if r.is_infinite() && x.is_finite() && y.is_finite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    check_errno(r, e)
}

/// CPython's `is_error`: a range error with a tiny result is an underflow, which is not an error.
fn check_errno(r: f64, e: Errno) -> PyResult<f64> {
    match e {
        Errno::Ok => Ok(r),
        Errno::Dom => Err(domain_error()),
        Errno::Range if r.abs() < 1.5 => Ok(r),
        Errno::Range => Err(range_error()),
    }
}

fn fsum_err(e: FsumErr) -> PyErr {
    match e {
        FsumErr::Overflow => PyErr::new(ExcKind::OverflowError, "intermediate overflow in fsum"),
        FsumErr::InfMinusInf => value_error("-inf + inf in fsum"),
    }
}

// ---- logarithms ----------------------------------------------------------------------------------------

/// C-style logarithms: (result, errno).
fn log_like(x: f64, f: fn(f64) -> f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            f(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn ln(x: f64) -> f64 {
    log_like(x, f64::ln)
}
fn log2(x: f64) -> f64 {
    log_like(x, f64::log2)
}
fn log10(x: f64) -> f64 {
    log_like(x, f64::log10)
}

/// CPython's `loghelper`: ints of any size are handled exactly (x = m * 2**e, log(m) + e * log(2)).
fn log_helper(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = as_int(v) {
        if i.is_negative() || i.is_zero() {
            return Err(domain_error());
        }
        return Ok(match i.to_f64() {
            Ok(x) => f(x),
            Err(_) => {
                let (m, e) = big_frexp(&i.to_big());
                f(m) + f(2.0) * e as f64
            }
        });
    }
    let x = float_of(vm, v)?;
    math_1(x, f(x), false)
}

/// frexp of a positive big int, correctly rounded to 53 bits: (m in [0.5, 1), e).
fn big_frexp(b: &BigInt) -> (f64, u64) {
    let bits = b.bits();
    let shift = bits.saturating_sub(64);
    let top = (b >> shift).to_u64().unwrap_or(u64::MAX);
    // A sticky bit for the discarded low bits keeps the u64 -> f64 rounding correct.
    let sticky = (shift > 0 && b.trailing_zeros().unwrap_or(0) < shift) as u64;
    let x = (top | sticky) as f64;
    let (m, e) = mathfn::frexp(x);
    (m, e as u64 + shift)
}

fn math_log(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(type_error("log() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 2 {
        return Err(type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_helper(vm, &args[0], ln)?;
    match args.get(1) {
        Some(b) => {
            let den = log_helper(vm, b, ln)?;
            if den == 0.0 {
                return Err(PyErr::new(
                    ExcKind::ZeroDivisionError,
                    "float division by zero",
                ));
            }
            Ok(Value::Float(num / den))
        }
        None => Ok(Value::Float(num)),
    }
}

// ---- rounding ------------------------------------------------------------------------------------------

fn float_to_int(x: f64) -> PyResult<Value> {
    Ok(int_from_big(
        crate::numfmt::float_to_bigint(x).map_err(crate::vm::text::fmt_err)?,
    ))
}

/// floor/ceil: floats directly, ints unchanged, else the type's `__floor__`/`__ceil__`, else via float.
fn round_to_int(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    name: &str,
    dunder: &'static str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let x = one_arg(args, kw, name)?;
    match x {
        Value::Float(v) => return float_to_int(f(*v)),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        _ if x.is_int_like() => return Ok(x.clone()),
        _ => {}
    }
    if let Some(r) = vm.call_dunder(x, dunder, &[])? {
        return Ok(r);
    }
    let v = float_of(vm, x)?;
    float_to_int(f(v))
}

fn math_trunc(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let x = one_arg(args, kw, "trunc")?;
    match x {
        Value::Float(v) => return float_to_int(v.trunc()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        _ if x.is_int_like() => return Ok(x.clone()),
        _ => {}
    }
    if let Some(r) = vm.call_dunder(x, "__trunc__", &[])? {
        return Ok(r);
    }
    Err(type_error(format!(
        "type {} doesn't define __trunc__ method",
        vm.type_name(x)
    )))
}

// ---- the rest ------------------------------------------------------------------------------------------

fn math_ldexp(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kw("ldexp", kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "ldexp expected 2 arguments, got {}",
            args.len()
        )));
    }
    let x = float_of(vm, &args[0])?;
    // Only real ints (not `__index__` objects), saturated to the C long range.
    let exp: i64 = match as_int(&args[1]) {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(b)) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        None => return Err(type_error("Expected an int as second argument to ldexp.")),
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    if exp > i32::MAX as i64 {
        return Err(range_error());
    }
    if exp < i32::MIN as i64 {
        return Ok(Value::Float(0f64.copysign(x)));
    }
    let r = mathfn::ldexp(x, exp as i32);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::Float(r))
}

fn math_dist(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kw("dist", kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "dist expected 2 arguments, got {}",
            args.len()
        )));
    }
    let p = vm.collect(args[0].clone())?;
    let q = vm.collect(args[1].clone())?;
    if p.len() != q.len() {
        return Err(value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(&q) {
        let x = (float_of(vm, a)? - float_of(vm, b)?).abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::Float(mathfn::vector_norm(&mut diffs, max, nan)))
}

/// The arguments of `math.isclose` and `cmath.isclose`: `a` and `b` (converted by `conv`, first),
/// then `rel_tol` (default 1e-9) and `abs_tol` (default 0.0), with CPython's errors.
pub(super) fn isclose_args<T>(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    conv: fn(&mut Vm, &Value) -> PyResult<T>,
) -> PyResult<(T, T, f64, f64)> {
    if args.len() > 2 {
        return Err(type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let mut ab: [Option<Value>; 2] = [args.first().cloned(), args.get(1).cloned()];
    let (mut rel, mut abs) = (None, None);
    for (k, v) in kw {
        match &**k {
            "a" | "b" => {
                let i = (&**k == "b") as usize;
                if ab[i].is_some() {
                    return Err(type_error(format!(
                        "argument for isclose() given by name ('{}') and position ({})",
                        k,
                        i + 1
                    )));
                }
                ab[i] = Some(v.clone());
            }
            "rel_tol" => rel = Some(v.clone()),
            "abs_tol" => abs = Some(v.clone()),
            _ => {
                return Err(type_error(format!(
                    "'{}' is an invalid keyword argument for isclose()",
                    k
                )))
            }
        }
    }
    let [Some(a), Some(b)] = ab else {
        let (name, pos) = if ab[0].is_none() { ("a", 1) } else { ("b", 2) };
        return Err(type_error(format!(
            "isclose() missing required argument '{}' (pos {})",
            name, pos
        )));
    };
    let a = conv(vm, &a)?;
    let b = conv(vm, &b)?;
    let rel = match rel {
        Some(v) => float_of(vm, &v)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(v) => float_of(vm, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    Ok((a, b, rel, abs))
}

fn math_isclose(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, b, rel, abs) = isclose_args(vm, args, kw, float_of)?;
    Ok(Value::Bool(mathfn::isclose(a, b, rel, abs)))
}

fn check_nk(n: &BigInt, k: &BigInt) -> PyResult<()> {
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok(())
}

/// lo * (lo+1) * ... * (hi-1), by binary splitting (balanced operand sizes keep big products fast).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for i in lo..hi {
            match small.checked_mul(i) {
                Some(s) => small = s,
                None => {
                    acc *= small;
                    small = i;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

/// n * (n-1) * ... * (n-k+1).
fn falling_product(n: &BigInt, k: u64) -> BigInt {
    if let Some(n) = n.to_u64() {
        return range_product(n - k + 1, n + 1);
    }
    fn rec(n: &BigInt, lo: u64, hi: u64) -> BigInt {
        // Product of (n - i) for i in lo..hi.
        if hi - lo <= 8 {
            let mut acc = BigInt::one();
            for i in lo..hi {
                acc *= n - i;
            }
            return acc;
        }
        let mid = lo + (hi - lo) / 2;
        rec(n, lo, mid) * rec(n, mid, hi)
    }
    rec(n, 0, k)
}
