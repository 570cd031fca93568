//! `math`: CPython-identical floating-point and integer functions.

use crate::builtins::{register, set_in};
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, ObjRef};
use crate::value::{int_from_big, Value};
use crate::vm::ops::{as_f64, as_int, IntRef};
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
    macro_rules! unary {
        ($($name:literal => $f:expr),* $(,)?) => {
            $( register(d, $name, |vm, args, _kw| {
                let x = float_arg(vm, args, $name)?;
                let f: fn(f64) -> PyResult<f64> = $f;
                Ok(Value::Float(f(x)?))
            }); )*
        };
    }
    unary! {
        "sqrt" => |x| if x < 0.0 { Err(value_error("math domain error")) } else { Ok(x.sqrt()) },
        "exp" => |x| { let r = x.exp(); if r.is_infinite() && x.is_finite() { Err(PyErr::new(ExcKind::OverflowError, "math range error")) } else { Ok(r) } },
        "sin" => |x| if x.is_infinite() { Err(value_error("math domain error")) } else { Ok(x.sin()) },
        "cos" => |x| if x.is_infinite() { Err(value_error("math domain error")) } else { Ok(x.cos()) },
        "tan" => |x| if x.is_infinite() { Err(value_error("math domain error")) } else { Ok(x.tan()) },
        "asin" => |x| if !(-1.0..=1.0).contains(&x) { Err(value_error("math domain error")) } else { Ok(x.asin()) },
        "acos" => |x| if !(-1.0..=1.0).contains(&x) { Err(value_error("math domain error")) } else { Ok(x.acos()) },
        "atan" => |x| Ok(x.atan()),
        "sinh" => |x| Ok(x.sinh()),
        "cosh" => |x| Ok(x.cosh()),
        "tanh" => |x| Ok(x.tanh()),
        "log2" => |x| if x <= 0.0 { Err(value_error("math domain error")) } else { Ok(x.log2()) },
        "log10" => |x| if x <= 0.0 { Err(value_error("math domain error")) } else { Ok(x.log10()) },
        "log1p" => |x| if x <= -1.0 { Err(value_error("math domain error")) } else { Ok(x.ln_1p()) },
        "expm1" => |x| Ok(x.exp_m1()),
        "fabs" => |x| Ok(x.abs()),
        "degrees" => |x| Ok(x.to_degrees()),
        "radians" => |x| Ok(x.to_radians()),
    }
    register(d, "floor", |vm, args, _kw| {
        round_to_int(vm, args, "floor", f64::floor)
    });
    register(d, "ceil", |vm, args, _kw| {
        round_to_int(vm, args, "ceil", f64::ceil)
    });
    register(d, "trunc", |vm, args, _kw| {
        round_to_int(vm, args, "trunc", f64::trunc)
    });
    register(d, "log", math_log);
    register(d, "pow", |vm, args, _kw| {
        check_n(args, 2, "pow")?;
        let (x, y) = (to_f64(vm, &args[0])?, to_f64(vm, &args[1])?);
        if x == 0.0 && y < 0.0 {
            return Err(value_error("math domain error"));
        }
        Ok(Value::Float(x.powf(y)))
    });
    register(d, "atan2", |vm, args, _kw| {
        check_n(args, 2, "atan2")?;
        Ok(Value::Float(
            to_f64(vm, &args[0])?.atan2(to_f64(vm, &args[1])?),
        ))
    });
    register(d, "copysign", |vm, args, _kw| {
        check_n(args, 2, "copysign")?;
        Ok(Value::Float(
            to_f64(vm, &args[0])?.copysign(to_f64(vm, &args[1])?),
        ))
    });
    register(d, "fmod", |vm, args, _kw| {
        check_n(args, 2, "fmod")?;
        let (x, y) = (to_f64(vm, &args[0])?, to_f64(vm, &args[1])?);
        if y == 0.0 {
            return Err(value_error("math domain error"));
        }
        Ok(Value::Float(x % y))
    });
    register(d, "hypot", |vm, args, _kw| {
        let mut acc = 0.0f64;
        for a in args {
            let x = to_f64(vm, a)?;
            acc = acc.hypot(x);
        }
        Ok(Value::Float(acc))
    });
    register(d, "isnan", |vm, args, _kw| {
        Ok(Value::Bool(float_arg(vm, args, "isnan")?.is_nan()))
    });
    register(d, "isinf", |vm, args, _kw| {
        Ok(Value::Bool(float_arg(vm, args, "isinf")?.is_infinite()))
    });
    register(d, "isfinite", |vm, args, _kw| {
        Ok(Value::Bool(float_arg(vm, args, "isfinite")?.is_finite()))
    });
    register(d, "factorial", math_factorial);
    register(d, "gcd", |vm, args, _kw| {
        let mut g = BigInt::zero();
        for a in args {
            g = g.gcd(&int_arg(vm, a)?);
        }
        Ok(int_from_big(g))
    });
    register(d, "lcm", |vm, args, _kw| {
        let mut l = BigInt::one();
        for a in args {
            let x = int_arg(vm, a)?;
            if x.is_zero() {
                return Ok(Value::Int(0));
            }
            l = l.lcm(&x);
        }
        Ok(int_from_big(l))
    });
    register(d, "isqrt", |vm, args, _kw| {
        check_n(args, 1, "isqrt")?;
        let n = int_arg(vm, &args[0])?;
        if n.is_negative() {
            return Err(value_error("isqrt() argument must be nonnegative"));
        }
        Ok(int_from_big(n.sqrt()))
    });
    register(d, "comb", |vm, args, _kw| {
        check_n(args, 2, "comb")?;
        let (n, k) = (int_arg(vm, &args[0])?, int_arg(vm, &args[1])?);
        if n.is_negative() {
            return Err(value_error("n must be a non-negative integer"));
        }
        if k.is_negative() {
            return Err(value_error("k must be a non-negative integer"));
        }
        if k > n {
            return Ok(Value::Int(0));
        }
        let k = k.clone().min(&n - &k).to_u64().unwrap_or(0);
        let mut r = BigInt::one();
        for i in 0..k {
            r = r * (&n - i) / (i + 1);
        }
        Ok(int_from_big(r))
    });
    register(d, "perm", |vm, args, _kw| {
        if args.is_empty() || args.len() > 2 {
            return Err(type_error(format!(
                "perm expected at most 2 arguments, got {}",
                args.len()
            )));
        }
        let n = int_arg(vm, &args[0])?;
        let k = match args.get(1) {
            Some(k) if !k.is_none() => int_arg(vm, k)?,
            _ => n.clone(),
        };
        if n.is_negative() {
            return Err(value_error("n must be a non-negative integer"));
        }
        if k.is_negative() {
            return Err(value_error("k must be a non-negative integer"));
        }
        if k > n {
            return Ok(Value::Int(0));
        }
        let mut r = BigInt::one();
        let k = k.to_u64().unwrap_or(0);
        for i in 0..k {
            r *= &n - i;
        }
        Ok(int_from_big(r))
    });
    register(d, "prod", |vm, args, kw| {
        if args.len() != 1 {
            return Err(type_error(format!(
                "prod() takes exactly 1 positional argument ({} given)",
                args.len()
            )));
        }
        let mut acc = crate::builtins::kwarg(kw, "start")
            .cloned()
            .unwrap_or(Value::Int(1));
        let items = vm.collect(args[0].clone())?;
        for x in items {
            acc = vm.binary_op(crate::bytecode::BinOp::Mul as u32, acc, x)?;
        }
        Ok(acc)
    });
    register(d, "fsum", |vm, args, _kw| {
        check_n(args, 1, "fsum")?;
        let items = vm.collect(args[0].clone())?;
        let mut xs = Vec::with_capacity(items.len());
        for x in &items {
            xs.push(to_f64(vm, x)?);
        }
        Ok(Value::Float(fsum(&xs)))
    });
}

/// Shewchuk's exactly rounded summation (as CPython's math.fsum).
fn fsum(xs: &[f64]) -> f64 {
    let mut partials: Vec<f64> = Vec::new();
    for &x0 in xs {
        let mut x = x0;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    hi
}

fn check_n(args: &[Value], n: usize, name: &str) -> PyResult<()> {
    if args.len() != n {
        if n == 1 {
            return Err(type_error(format!(
                "math.{}() takes exactly one argument ({} given)",
                name,
                args.len()
            )));
        }
        return Err(type_error(format!(
            "{} expected {} arguments, got {}",
            name,
            n,
            args.len()
        )));
    }
    Ok(())
}

pub(super) fn to_f64(vm: &Vm, v: &Value) -> PyResult<f64> {
    match as_f64(v) {
        Some(r) => r,
        None => Err(type_error(format!(
            "must be real number, not {}",
            vm.type_name(v)
        ))),
    }
}

fn float_arg(vm: &Vm, args: &[Value], name: &str) -> PyResult<f64> {
    check_n(args, 1, name)?;
    to_f64(vm, &args[0])
}

fn int_arg(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Float(_) => Err(type_error(
            "'float' object cannot be interpreted as an integer",
        )),
        other => other.to_bigint().ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            ))
        }),
    }
}

fn round_to_int(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    check_n(args, 1, name)?;
    if args[0].is_int_like() {
        return vm.unary_pos(args[0].clone());
    }
    let x = to_f64(vm, &args[0])?;
    Ok(int_from_big(
        crate::numfmt::float_to_bigint(f(x)).map_err(crate::vm::text::fmt_err)?,
    ))
}

fn math_log(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(type_error(format!(
            "log expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let ln = |vm: &Vm, v: &Value| -> PyResult<f64> {
        // Big ints: log of the value without converting to float (which could overflow).
        if let Some(IntRef::Big(b)) = as_int(v) {
            if !b.is_positive() {
                return Err(value_error("math domain error"));
            }
            let bits = b.bits();
            let shift = bits.saturating_sub(60);
            let top = (b >> shift).to_f64().unwrap_or(1.0);
            return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
        }
        let x = to_f64(vm, v)?;
        if x <= 0.0 {
            return Err(value_error("math domain error"));
        }
        Ok(x.ln())
    };
    let num = ln(vm, &args[0])?;
    match args.get(1) {
        Some(b) => {
            let den = ln(vm, b)?;
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

fn math_factorial(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    check_n(args, 1, "factorial")?;
    let n = match &args[0] {
        Value::Float(_) => {
            return Err(type_error(
                "'float' object cannot be interpreted as an integer",
            ))
        }
        v => int_arg(vm, v)?,
    };
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().ok_or_else(|| {
        PyErr::new(
            ExcKind::OverflowError,
            "factorial() argument should not exceed 9223372036854775807",
        )
    })?;
    let mut r = BigInt::one();
    for i in 2..=n {
        r *= i;
    }
    Ok(int_from_big(r))
}
