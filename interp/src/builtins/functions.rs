//! Builtin functions (`print`, `len`, `sorted`, ...).

use super::{arg_range, exactly_one, kwarg, no_kwargs, only_kwargs, register};
use crate::bytecode::CmpOp;
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::numfmt;
use crate::object::{Iter, KwArgs, Object};
use crate::value::{int_from_big, Value};
use crate::vm::ops::{as_int, IntRef};
use crate::vm::text::fmt_err;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let b = vm.builtins.clone();
    register(&b, "print", print);
    register(&b, "len", len);
    register(&b, "abs", abs);
    register(&b, "divmod", divmod);
    register(&b, "pow", pow);
    register(&b, "round", round);
    register(&b, "repr", repr);
    register(&b, "ascii", ascii);
    register(&b, "hash", hash);
    register(&b, "id", id);
    register(&b, "chr", chr);
    register(&b, "ord", ord);
    register(&b, "hex", hex);
    register(&b, "oct", oct);
    register(&b, "bin", bin);
    register(&b, "all", all);
    register(&b, "any", any);
    register(&b, "sum", sum);
    register(&b, "min", min);
    register(&b, "max", max);
    register(&b, "sorted", sorted);
    register(&b, "isinstance", isinstance);
    register(&b, "issubclass", issubclass);
    register(&b, "callable", callable);
    register(&b, "iter", iter);
    register(&b, "next", next);
    register(&b, "input", input);
    register(&b, "getattr", getattr);
    register(&b, "setattr", setattr);
    register(&b, "hasattr", hasattr);
    register(&b, "delattr", delattr);
    register(&b, "globals", globals);
    register(&b, "locals", locals);
    register(&b, "vars", vars);
    register(&b, "__import__", dunder_import);
    register(&b, "exec", exec);
    register(&b, "eval", eval);
    register(&b, "format", format);
    register(&b, "exit", exit);
    register(&b, "quit", exit);
}

fn print(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    only_kwargs("print", kw, &["sep", "end", "file", "flush"])?;
    let opt_str = |v: Option<&Value>, name: &str, dflt: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(dflt.to_string()),
            Some(v) => match v.as_str() {
                Some(s) => Ok(s.to_string()),
                None => Err(type_error(format!(
                    "{} must be None or a string, not {}",
                    name,
                    vm.type_name(v)
                ))),
            },
        }
    };
    let sep = opt_str(kwarg(kw, "sep"), "sep", " ")?;
    let end = opt_str(kwarg(kw, "end"), "end", "\n")?;
    let file = kwarg(kw, "file").cloned().unwrap_or(Value::None);
    let target = match &file {
        Value::None => current_stdout(vm).unwrap_or(Value::None),
        f => f.clone(),
    };
    if !target.is_none() && crate::builtins::modules::std_stream_fd(&target).is_none() {
        // A Python file object sees each piece in its own write() call, as in CPython.
        let w = vm.getattr(&target, &Value::str("write"))?;
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                vm.call(&w, &[Value::str(&sep)])?;
            }
            let piece = match a.as_str() {
                Some(_) => a.clone(),
                None => Value::from_string(vm.str_of(a)?),
            };
            vm.call(&w, &[piece])?;
        }
        vm.call(&w, &[Value::str(&end)])?;
        if let Some(f) = kwarg(kw, "flush") {
            if vm.truthy(f)? {
                let fl = vm.getattr(&target, &Value::str("flush"))?;
                vm.call(&fl, &[])?;
            }
        }
        return Ok(Value::None);
    }
    let mut s = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(&sep);
        }
        match a.as_str() {
            Some(t) => s.push_str(t),
            None => match vm.str_of(a) {
                Ok(t) => s.push_str(&t),
                Err(e) => {
                    // CPython writes each piece as it goes: what came before the failing argument
                    // is printed.
                    write_to_file(vm, &file, &s)?;
                    return Err(e);
                }
            },
        }
    }
    s.push_str(&end);
    let flush = match kwarg(kw, "flush") {
        Some(f) => vm.truthy(f)?,
        None => false,
    };
    write_to_file(vm, &file, &s)?;
    if flush {
        vm.flush_stdout();
    }
    Ok(Value::None)
}

/// Write text to a file object: sys.stdout/sys.stderr directly, anything else through `.write`.
pub fn write_to_file(vm: &mut Vm, file: &Value, s: &str) -> PyResult<()> {
    match crate::builtins::modules::std_stream_fd(file) {
        Some(1) => {
            let _ = vm.out.write_all(s.as_bytes());
            vm.wrote_stdout();
        }
        Some(2) => {
            vm.flush_stdout();
            let _ = std::io::stderr().write_all(s.as_bytes());
        }
        _ if file.is_none() => {
            // print() writes to whatever sys.stdout is now (contextlib.redirect_stdout replaces it).
            match current_stdout(vm) {
                Some(out) if crate::builtins::modules::std_stream_fd(&out) != Some(1) => {
                    let w = vm.getattr(&out, &Value::str("write"))?;
                    vm.call(&w, &[Value::str(s)])?;
                }
                _ => {
                    let _ = vm.out.write_all(s.as_bytes());
                    vm.wrote_stdout();
                }
            }
        }
        _ => {
            let w = vm.getattr(file, &Value::str("write"))?;
            vm.call(&w, &[Value::str(s)])?;
        }
    }
    Ok(())
}

/// `sys.stdout` if the sys module exists and has one.
fn current_stdout(vm: &Vm) -> Option<Value> {
    let sys = vm.dict_get_str_quiet(&vm.modules, "sys")?;
    match sys.as_obj()? {
        Object::Module(m) => vm.dict_get_str_quiet(&m.dict, "stdout"),
        _ => None,
    }
}

fn len(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exactly_one("len", args, kw)?;
    Ok(Value::Int(vm.len(&args[0])? as i64))
}

fn abs(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exactly_one("abs", args, kw)?;
    if vm.is_user_instance(&args[0]) {
        if let Some(r) = vm.call_dunder(&args[0], "__abs__", &[])? {
            return Ok(r);
        }
        if let Some(b) = Vm::base_of(&args[0]) {
            let b = b.clone();
            return abs(vm, &[b], kw);
        }
    }
    match &args[0] {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => int_from_big(BigInt::from(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Obj(o) => match &**o {
            Object::Int(b) => Ok(int_from_big(b.abs())),
            Object::Complex(c) => super::methods::complex::complex_abs(c),
            _ if vm.is_user_instance(&args[0]) => match vm.call_dunder(&args[0], "__abs__", &[])? {
                Some(r) => Ok(r),
                None => Err(type_error(format!(
                    "bad operand type for abs(): '{}'",
                    vm.type_name(&args[0])
                ))),
            },
            _ => Err(type_error(format!(
                "bad operand type for abs(): '{}'",
                vm.type_name(&args[0])
            ))),
        },
        other => Err(type_error(format!(
            "bad operand type for abs(): '{}'",
            vm.type_name(other)
        ))),
    }
}

fn divmod(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("divmod", kw)?;
    arg_range("divmod", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    // `__divmod__` / `__rdivmod__` of Python classes (Fraction, Decimal).
    for (x, y, name) in [(a, b, "__divmod__"), (b, a, "__rdivmod__")] {
        if vm.is_user_instance(x) {
            if let Some(r) = vm.call_dunder(x, name, std::slice::from_ref(y))? {
                if !matches!(
                    r.as_obj(),
                    Some(Object::Singleton(crate::object::Singleton::NotImplemented))
                ) {
                    return Ok(r);
                }
            }
        }
    }
    if let (Some(_), Some(_)) = (as_int(a), as_int(b)) {
        if let (Some(IntRef::Small(0)), _) | (_, Some(IntRef::Small(0))) =
            (None::<IntRef>, as_int(b))
        {
            return Err(PyErr::new(
                ExcKind::ZeroDivisionError,
                "integer division or modulo by zero",
            ));
        }
        let q = vm.binary_op(
            crate::bytecode::BinOp::FloorDiv as u32,
            a.clone(),
            b.clone(),
        )?;
        let r = vm.binary_op(crate::bytecode::BinOp::Mod as u32, a.clone(), b.clone())?;
        return Ok(Value::obj(Object::Tuple(vec![q, r])));
    }
    match (crate::vm::ops::as_f64(a), crate::vm::ops::as_f64(b)) {
        (Some(x), Some(y)) => {
            let (x, y) = (x?, y?);
            if y == 0.0 {
                return Err(PyErr::new(ExcKind::ZeroDivisionError, "float divmod()"));
            }
            let (q, r) = crate::vm::ops::float_divmod(x, y);
            Ok(Value::obj(Object::Tuple(vec![
                Value::Float(q),
                Value::Float(r),
            ])))
        }
        _ => Err(type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(a),
            vm.type_name(b)
        ))),
    }
}

fn pow(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    only_kwargs("pow", kw, &["base", "exp", "mod"])?;
    let mut a: Vec<Value> = args.to_vec();
    for name in ["base", "exp", "mod"] {
        if let Some(v) = kwarg(kw, name) {
            a.push(v.clone());
        }
    }
    arg_range("pow", &a, 2, 3)?;
    if a.len() == 2 || a[2].is_none() {
        return vm.binary_op(
            crate::bytecode::BinOp::Pow as u32,
            a[0].clone(),
            a[1].clone(),
        );
    }
    if vm.is_user_instance(&a[0]) {
        // Three-argument pow is only `type(base).__pow__(base, exp, mod)` (no reflection).
        if let Some(r) = vm.call_dunder(&a[0], "__pow__", &a[1..3])? {
            if !matches!(
                r.as_obj(),
                Some(Object::Singleton(crate::object::Singleton::NotImplemented))
            ) {
                return Ok(r);
            }
        }
    }
    if a[..3]
        .iter()
        .any(|v| matches!(v.as_obj(), Some(Object::Complex(_))))
    {
        return Err(value_error("complex modulo"));
    }
    let (Some(base), Some(exp), Some(m)) = (a[0].to_bigint(), a[1].to_bigint(), a[2].to_bigint())
    else {
        return Err(type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let mabs = m.abs();
    let mut base = base.mod_floor(&mabs);
    let mut exp = exp;
    if exp.is_negative() {
        base = mod_inverse(&base, &mabs)
            .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &mabs);
    // The result takes the sign of the modulus.
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(int_from_big(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

fn round(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    only_kwargs("round", kw, &["number", "ndigits"])?;
    let mut a: Vec<Value> = args.to_vec();
    if let Some(v) = kwarg(kw, "number") {
        a.insert(0, v.clone());
    }
    if let Some(v) = kwarg(kw, "ndigits") {
        a.push(v.clone());
    }
    if a.is_empty() {
        return Err(type_error(
            "round() missing required argument 'number' (pos 1)",
        ));
    }
    if a.len() > 2 {
        return Err(type_error(format!(
            "round() takes at most 2 arguments ({} given)",
            a.len()
        )));
    }
    let nd = if a.len() == 2 && !a[1].is_none() {
        Some(a[1].as_i64().ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&a[1])
            ))
        })?)
    } else {
        None
    };
    if vm.is_user_instance(&a[0]) {
        let extra: Vec<Value> = a[1..].to_vec();
        if let Some(r) = vm.call_dunder(&a[0], "__round__", &extra)? {
            return Ok(r);
        }
        if let Some(b) = Vm::base_of(&a[0]) {
            a[0] = b.clone();
        }
    }
    match &a[0] {
        Value::Float(f) => match nd {
            None => Ok(int_from_big(
                numfmt::round_float_to_int(*f).map_err(fmt_err)?,
            )),
            Some(n) => Ok(Value::Float(
                numfmt::round_float_ndigits(*f, n).map_err(fmt_err)?,
            )),
        },
        v if v.is_int_like() => {
            let n = v.to_bigint().unwrap_or_default();
            match nd {
                None => Ok(int_from_big(n)),
                Some(d) if d >= 0 => Ok(int_from_big(n)),
                Some(d) => {
                    // Round half to even at 10**(-d).
                    let p = num_traits::pow(BigInt::from(10), (-d).min(10000) as usize);
                    let (q, r) = n.div_mod_floor(&p);
                    let twice = &r * 2;
                    let q = if twice > p || (twice == p && q.is_odd()) {
                        q + 1
                    } else {
                        q
                    };
                    Ok(int_from_big(q * p))
                }
            }
        }
        other => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(other)
        ))),
    }
}

fn repr(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exactly_one("repr", args, kw)?;
    Ok(Value::from_string(vm.repr(&args[0])?))
}

fn ascii(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exactly_one("ascii", args, kw)?;
    let r = vm.repr(&args[0])?;
    Ok(Value::from_string(crate::vm::text::ascii_escape(&r)))
}

fn hash(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exactly_one("hash", args, kw)?;
    Ok(Value::Int(vm.hash(&args[0])?))
}

fn id(_vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exactly_one("id", args, kw)?;
    Ok(Value::Int(args[0].identity()))
}

fn chr(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exactly_one("chr", args, kw)?;
    let i = match as_int(&args[0]) {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(_)) => {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            ))
        }
        None => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&args[0])
            )))
        }
    };
    // chr() takes a C int (OverflowError outside it, as in CPython), then checks the code point.
    if i32::try_from(i).is_err() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    if !(0..0x110000).contains(&i) {
        return Err(value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => Ok(Value::char(c)),
        None => Err(value_error(
            "pvm cannot represent lone surrogate code points",
        )),
    }
}

fn ord(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exactly_one("ord", args, kw)?;
    // A str or bytes subclass: its characters are its base value's.
    if let Some(b) = Vm::base_of(&args[0])
        .filter(|b| matches!(b.as_obj(), Some(Object::Str(_) | Object::Bytes(_))))
    {
        return ord(vm, &[b.clone()], kw);
    }
    match &args[0] {
        Value::Obj(o) => match &**o {
            Object::Str(s) => {
                if s.char_len() != 1 {
                    return Err(type_error(format!(
                        "ord() expected a character, but string of length {} found",
                        s.char_len()
                    )));
                }
                Ok(Value::Int(s.char_at(0) as i64))
            }
            Object::Bytes(b) => {
                if b.len() != 1 {
                    return Err(type_error(format!(
                        "ord() expected a character, but string of length {} found",
                        b.len()
                    )));
                }
                Ok(Value::Int(b[0] as i64))
            }
            _ => Err(type_error(format!(
                "ord() expected string of length 1, but {} found",
                vm.type_name(&args[0])
            ))),
        },
        other => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(other)
        ))),
    }
}

fn radix(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str, r: u32) -> PyResult<Value> {
    exactly_one(name, args, kw)?;
    if vm.is_user_instance(&args[0]) && args[0].to_bigint().is_none() {
        let t = vm.type_of(&args[0]);
        if vm.type_lookup(&t, &vm.strs.get("__index__")).is_some() {
            let n = crate::builtins::methods::util::number_index(vm, &args[0])?;
            return radix(vm, &[n], kw, name, r);
        }
    }
    match args[0].to_bigint() {
        Some(b) => Ok(Value::from_string(numfmt::int_to_str_radix(&b, r))),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&args[0])
        ))),
    }
}

fn hex(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    radix(vm, args, kw, "hex", 16)
}
fn oct(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    radix(vm, args, kw, "oct", 8)
}
fn bin(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    radix(vm, args, kw, "bin", 2)
}

fn all(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exactly_one("all", args, kw)?;
    let it = vm.get_iter(args[0].clone())?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exactly_one("any", args, kw)?;
    let it = vm.get_iter(args[0].clone())?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn sum(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    only_kwargs("sum", kw, &["start"])?;
    if args.is_empty() {
        return Err(type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    if args.len() > 2 {
        return Err(type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let mut acc = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kw, "start").cloned())
        .unwrap_or(Value::Int(0));
    if acc.as_str().is_some() {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    if let Some(Object::Bytes(_)) = acc.as_obj() {
        return Err(type_error(
            "sum() can't sum bytes [use b''.join(seq) instead]",
        ));
    }
    let it = vm.get_iter(args[0].clone())?;
    while let Some(x) = vm.next(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
                Some(s) => Value::Int(s),
                None => vm.binary_op(0, acc, x)?,
            },
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => vm.binary_op(0, acc, x)?,
        };
    }
    Ok(acc)
}

/// `a < b` with Python semantics.
pub fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => {
            let r = vm.compare(a, b, CmpOp::Lt)?;
            vm.truthy(&r)
        }
    }
}

fn min_max(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    name: &str,
    want_max: bool,
) -> PyResult<Value> {
    only_kwargs(name, kw, &["key", "default"])?;
    let key = kwarg(kw, "key").cloned().filter(|k| !k.is_none());
    let default = kwarg(kw, "default").cloned();
    let items: Vec<Value> = match args.len() {
        0 => {
            return Err(type_error(format!(
                "{} expected at least 1 argument, got 0",
                name
            )))
        }
        1 => vm.collect(args[0].clone())?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {}() with multiple positional arguments",
                    name
                )));
            }
            args.to_vec()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(value_error(format!("{}() arg is an empty sequence", name))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, &[best.clone()])?,
        None => best.clone(),
    };
    for x in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call(kf, &[x.clone()])?,
            None => x.clone(),
        };
        let better = if want_max {
            lt(vm, &best_key, &k)?
        } else {
            lt(vm, &k, &best_key)?
        };
        if better {
            best = x;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "min", false)
}
fn max(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "max", true)
}

fn sorted(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    only_kwargs("sorted", kw, &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "sorted expected 1 argument, got {}",
            args.len()
        )));
    }
    let items = vm.collect(args[0].clone())?;
    let key = kwarg(kw, "key").cloned().filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let out = super::sort::sort_values(vm, items, key.as_ref(), reverse)?;
    Ok(Value::obj(Object::List(RefCell::new(out))))
}

/// `isinstance(obj, cls)` (`instance`) or `issubclass(obj, cls)`: tuples recurse, and a metaclass's
/// `__instancecheck__`/`__subclasscheck__` (ABCs) is consulted after the exact-type fast path.
fn class_check(vm: &mut Vm, obj: &Value, cls: &Value, instance: bool) -> PyResult<bool> {
    let fname = if instance { "isinstance" } else { "issubclass" };
    match cls.as_obj() {
        Some(c @ Object::Type(_)) => {
            let t = if instance {
                Value::Obj(vm.type_of(obj))
            } else {
                obj.clone()
            };
            let (Value::Obj(tr), Value::Obj(cr)) = (&t, cls) else {
                return Ok(false);
            };
            if Rc::ptr_eq(tr, cr) {
                return Ok(true);
            }
            if let Some(meta) = crate::vm::classes::user_meta(c) {
                let hook = if instance {
                    "__instancecheck__"
                } else {
                    "__subclasscheck__"
                };
                let meta = meta.clone();
                if let Some(f) = vm.type_lookup(&meta, &vm.strs.get(hook)) {
                    if matches!(f.as_obj(), Some(Object::Function(_))) {
                        let r = vm.call(&f, &[cls.clone(), obj.clone()])?;
                        return vm.truthy(&r);
                    }
                }
            }
            Ok(crate::types::is_subtype(tr, cr))
        }
        Some(Object::Tuple(items)) => {
            for c in items.clone() {
                if class_check(vm, obj, &c, instance)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        // Any object whose class defines the hook (`types.UnionType`, typing's generic aliases).
        _ if vm.is_user_instance(cls) => {
            let hook = if instance {
                "__instancecheck__"
            } else {
                "__subclasscheck__"
            };
            let t = vm.type_of(cls);
            match vm.type_lookup(&t, &vm.strs.get(hook)) {
                Some(f) if matches!(f.as_obj(), Some(Object::Function(_))) => {
                    let r = vm.call(&f, &[cls.clone(), obj.clone()])?;
                    vm.truthy(&r)
                }
                _ => Err(type_error(format!(
                    "{}() arg 2 must be a type, a tuple of types, or a union",
                    fname
                ))),
            }
        }
        _ => Err(type_error(format!(
            "{}() arg 2 must be a type, a tuple of types, or a union",
            fname
        ))),
    }
}

fn isinstance(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("isinstance", kw)?;
    arg_range("isinstance", args, 2, 2)?;
    Ok(Value::Bool(class_check(vm, &args[0], &args[1], true)?))
}

fn issubclass(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("issubclass", kw)?;
    arg_range("issubclass", args, 2, 2)?;
    if !matches!(args[0].as_obj(), Some(Object::Type(_))) {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    Ok(Value::Bool(class_check(vm, &args[0], &args[1], false)?))
}

fn callable(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exactly_one("callable", args, kw)?;
    Ok(Value::Bool(is_callable(vm, &args[0])))
}

/// `callable(v)`: functions, methods, classes, and objects whose class defines `__call__`.
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v.as_obj() {
        Some(
            Object::Function(_) | Object::Builtin(_) | Object::BoundMethod(_) | Object::Type(_),
        ) => true,
        Some(Object::Instance(_) | Object::Native(_) | Object::Exception(_)) => {
            let t = vm.types.type_of(v).clone();
            vm.type_lookup(&t, &vm.strs.get("__call__")).is_some()
        }
        _ => false,
    }
}

fn iter(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("iter", kw)?;
    arg_range("iter", args, 1, 2)?;
    if args.len() == 2 {
        return Ok(Value::obj(Object::Iter(RefCell::new(Iter::Callable {
            func: args[0].clone(),
            sentinel: args[1].clone(),
        }))));
    }
    vm.get_iter(args[0].clone())
}

use crate::vm::generators::GenKind;

/// The `next` builtin's function, by which the dispatch loop recognises `next(gen)` (`next_inline`).
pub(crate) fn next_fn() -> crate::object::BuiltinFn {
    next
}

fn next(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("next", kw)?;
    arg_range("next", args, 1, 2)?;
    if !matches!(
        args[0].as_obj(),
        Some(Object::Iter(_) | Object::Generator(_))
    ) && !vm.is_user_instance(&args[0])
    {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(&args[0])
        )));
    }
    if args.len() == 1 && crate::vm::generators::gen_kind(&args[0]) == Some(GenKind::Generator) {
        // A generator's return value travels in the StopIteration, as `gen.send(None)` does.
        return vm.gen_send(&args[0], Value::None);
    }
    match vm.next(&args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::bare(ExcKind::StopIteration)),
        },
    }
}

fn input(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("input", kw)?;
    if args.len() > 1 {
        return Err(type_error(format!(
            "input expected at most 1 argument, got {}",
            args.len()
        )));
    }
    if let Some(p) = args.first() {
        let s = vm.str_of(p)?;
        let _ = vm.out.write_all(s.as_bytes());
    }
    vm.flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::from_string(line))
        }
        Err(e) => Err(PyErr::new(ExcKind::OSError, e.to_string())),
    }
}

fn attr_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    if v.as_str().is_some() {
        Ok(v.clone())
    } else {
        Err(type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        )))
    }
}

fn getattr(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("getattr", kw)?;
    arg_range("getattr", args, 2, 3)?;
    let name = attr_name(vm, &args[1])?;
    match vm.getattr(&args[0], &name) {
        Ok(v) => Ok(v),
        Err(e) => {
            if args.len() == 3 && vm.err_matches(&e, ExcKind::AttributeError) {
                Ok(args[2].clone())
            } else {
                Err(e)
            }
        }
    }
}

fn setattr(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("setattr", kw)?;
    arg_range("setattr", args, 3, 3)?;
    let name = attr_name(vm, &args[1])?;
    vm.setattr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("hasattr", kw)?;
    arg_range("hasattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    match vm.getattr(&args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) => {
            if vm.err_matches(&e, ExcKind::AttributeError) {
                Ok(Value::Bool(false))
            } else {
                Err(e)
            }
        }
    }
}

fn delattr(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("delattr", kw)?;
    arg_range("delattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    vm.delattr(&args[0], &name)?;
    Ok(Value::None)
}

fn globals(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(match vm.frames.last() {
        Some(f) => Value::Obj(f.globals.clone()),
        None => Value::None,
    })
}

pub(crate) fn locals(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(f) = vm.frames.last() else {
        return Ok(Value::None);
    };
    if let Some(l) = &f.locals {
        return Ok(Value::Obj(l.clone()));
    }
    if f.func.is_none() {
        return Ok(Value::Obj(f.globals.clone()));
    }
    let code = f.code.clone();
    let base = f.base;
    let d = Value::obj(Object::Dict(Default::default()));
    for (i, name) in code.varnames.iter().enumerate() {
        let v = vm.stack[base + i].clone();
        if !matches!(v, Value::Undef) {
            vm.dict_set(&d, Value::str(name), v)?;
        }
    }
    Ok(d)
}

/// `vars()` is `locals()`; `vars(x)` is `x.__dict__`.
fn vars(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("vars", kw)?;
    arg_range("vars", args, 0, 1)?;
    let Some(obj) = args.first() else {
        return locals(vm, args, kw);
    };
    let name = vm.strs.get("__dict__");
    match vm.getattr(obj, &name) {
        Ok(d) => Ok(d),
        Err(e) if vm.err_matches(&e, ExcKind::AttributeError) => {
            Err(type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: the import statement's machinery.
fn dunder_import(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    arg_range("__import__", args, 1, 5)?;
    let get = |i: usize, n: &str| args.get(i).cloned().or_else(|| kwarg(kw, n).cloned());
    let name = get(0, "name").unwrap_or(Value::None);
    let Some(n) = name.as_str() else {
        return Err(type_error("module name must be a string"));
    };
    let level = get(4, "level").unwrap_or(Value::Int(0));
    if level.as_i64().is_some_and(|l| l < 0) {
        return Err(value_error("level must be >= 0"));
    }
    if n.is_empty() && level.as_i64() == Some(0) {
        return Err(value_error("Empty module name"));
    }
    let globals = match get(1, "globals") {
        Some(Value::Obj(g)) if matches!(&*g, Object::Dict(_)) => g,
        _ => match vm.frames.last() {
            Some(f) => f.globals.clone(),
            None => return Err(type_error("__import__(): no globals")),
        },
    };
    let fromlist = match get(3, "fromlist") {
        None | Some(Value::None) => Value::obj(Object::Tuple(Vec::new())),
        Some(f) => Value::obj(Object::Tuple(vm.collect(f)?)),
    };
    vm.import(&name, fromlist, level, &globals)
}

/// `exec(source, globals=None, locals=None)` on source text (no code objects): module-level code run
/// with `globals` and `locals` (the caller's namespaces when omitted).
fn exec(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (src, globals, locals) = exec_args(vm, "exec", args, kw)?;
    let code = crate::compiler::compile_dynamic(&src, "<string>", false, locals.is_some())
        .map_err(|e| vm.syntax_error(e))?;
    vm.run_code_in(code, globals, locals)?;
    Ok(Value::None)
}

/// `eval(expression, globals=None, locals=None)` on source text.
fn eval(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (src, globals, locals) = exec_args(vm, "eval", args, kw)?;
    let src = src.trim_start_matches([' ', '\t']);
    let code = crate::compiler::compile_dynamic(src, "<string>", true, locals.is_some())
        .map_err(|e| vm.syntax_error(e))?;
    vm.run_code_in(code, globals, locals)
}

type ExecArgs = (String, crate::object::ObjRef, Option<crate::object::ObjRef>);

/// The source text and namespaces of `exec`/`eval`: CPython's argument checks; a globals dict gets
/// `__builtins__` when it lacks one; locals equal to globals need no separate namespace.
fn exec_args(vm: &mut Vm, name: &str, args: &[Value], kw: &KwArgs) -> PyResult<ExecArgs> {
    no_kwargs(name, kw)?;
    arg_range(name, args, 1, 3)?;
    let src = match args[0].as_obj() {
        Some(Object::Str(s)) => s.as_str().to_string(),
        Some(Object::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
        _ => {
            return Err(type_error(format!(
                "{}() arg 1 must be a string, bytes or code object",
                name
            )))
        }
    };
    let is_dict = |v: &Value| matches!(v.as_obj(), Some(Object::Dict(_)));
    let globals = match args.get(1) {
        None | Some(Value::None) => None,
        Some(Value::Obj(g)) if is_dict(&args[1]) => Some(g.clone()),
        Some(v) => {
            return Err(type_error(format!(
                "{}() globals must be a dict, not {}",
                name,
                vm.type_name(v)
            )));
        }
    };
    let locals = match args.get(2) {
        None | Some(Value::None) => None,
        Some(Value::Obj(l)) if is_dict(&args[2]) => Some(l.clone()),
        Some(_) => return Err(type_error("locals must be a mapping")),
    };
    let (globals, locals) = match globals {
        Some(g) => {
            let b = Value::str("__builtins__");
            match vm.dict_get_str(&g, &b)? {
                None => {
                    let builtins = Value::Obj(vm.builtins.clone());
                    vm.dict_set_str(&g, &b, builtins)?;
                }
                // Another namespace than the builtins (`{'__builtins__': {'len': len}}`): names not in
                // `g` resolve there, for this code and functions it defines.
                Some(v) => {
                    let standard = match v.as_obj() {
                        Some(Object::Module(m)) => Rc::ptr_eq(&m.dict, &vm.builtins),
                        _ => matches!(&v, Value::Obj(o) if Rc::ptr_eq(o, &vm.builtins)),
                    };
                    if !standard && !vm.custom_builtins.iter().any(|x| Rc::ptr_eq(x, &g)) {
                        vm.custom_builtins.push(g.clone());
                    }
                }
            }
            (g, locals)
        }
        None => {
            let Some(f) = vm.frames.last() else {
                return Err(PyErr::new(ExcKind::SystemError, "no current frame"));
            };
            let g = f.globals.clone();
            let l = match locals {
                Some(l) => Some(l),
                None if f.func.is_some() && f.locals.is_none() => {
                    match self::locals(vm, &[], kw)? {
                        Value::Obj(l) => Some(l),
                        _ => None,
                    }
                }
                None => f.locals.clone(),
            };
            (g, l)
        }
    };
    let locals = locals.filter(|l| !Rc::ptr_eq(l, &globals));
    Ok((src, globals, locals))
}

fn format(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("format", kw)?;
    arg_range("format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => match s.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(type_error(format!(
                    "format() argument 2 must be str, not {}",
                    vm.type_name(s)
                )))
            }
        },
        None => String::new(),
    };
    Ok(Value::from_string(vm.format(&args[0], &spec)?))
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let args = args.to_vec();
    let e = vm.new_exception(vm.exc_type(ExcKind::SystemExit).clone(), args);
    match e {
        Value::Obj(o) => Err(PyErr::from_obj(o)),
        _ => Err(PyErr::bare(ExcKind::SystemExit)),
    }
}
