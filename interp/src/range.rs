//! `range` objects whose bounds or length leave i64 (`range(2**64)`, `range(-2**63, 2**63)`).
//!
//! The common range is `Object::Range` (three i64s, what the interpreter's and the JIT's fast paths
//! use). Its invariant: its length fits i64, so every item and every index computation fits too. A range
//! that cannot keep it is an `Object::BigRange` with bigint fields; both are the Python type `range`.
//! `make` picks the representation, so a range whose values fit is never big (slicing a big range down
//! to small bounds gives a plain `Range` again). The operations here work on either, through `parts`.

use crate::builtins::methods::util::number_index;
use crate::error::{index_error, overflow_error, type_error, value_error, PyResult};
use crate::object::{Object, Range};
use crate::value::{int_from_big, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

/// A range's fields and length as bigints (None for a non-range object).
pub struct Parts {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

pub fn parts(o: &Object) -> Option<Parts> {
    match o {
        Object::Range(r) => Some(Parts {
            start: r.start.into(),
            stop: r.stop.into(),
            step: r.step.into(),
            len: r.len().into(),
        }),
        Object::BigRange(b) => Some(Parts {
            start: b.start.clone(),
            stop: b.stop.clone(),
            step: b.step.clone(),
            len: b.len.clone(),
        }),
        _ => None,
    }
}

/// CPython's `compute_range_length`.
pub fn length(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        return BigInt::zero();
    }
    (hi - lo - 1u8) / step + 1u8
}

/// The range `start, stop, step` (step nonzero), small when its fields and length fit i64.
pub fn make(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let len = length(&start, &stop, &step);
    if let (Some(a), Some(b), Some(c), Some(_)) =
        (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64())
    {
        return Value::obj(Object::Range(Range {
            start: a,
            stop: b,
            step: c,
        }));
    }
    Value::obj(Object::BigRange(Box::new(BigRange {
        start,
        stop,
        step,
        len,
    })))
}

/// A small range whose length might not fit i64 (`range(-2**63, 2**63 - 1)`): checked, else big.
pub fn make_small(start: i64, stop: i64, step: i64) -> Value {
    let r = Range { start, stop, step };
    let (lo, hi) = if step > 0 {
        (start, stop)
    } else {
        (stop, start)
    };
    if (hi as i128 - lo as i128) < i64::MAX as i128 {
        return Value::obj(Object::Range(r));
    }
    make(start.into(), stop.into(), step.into())
}

/// `range(...)`'s arguments: `__index__` semantics, any size.
pub fn new(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    match a {
        [Value::Int(stop)] => return Ok(make_small(0, *stop, 1)),
        [Value::Int(start), Value::Int(stop)] => return Ok(make_small(*start, *stop, 1)),
        [Value::Int(start), Value::Int(stop), Value::Int(step)] if *step != 0 => {
            return Ok(make_small(*start, *stop, *step))
        }
        _ => {}
    }
    let mut big = Vec::with_capacity(a.len());
    for v in a {
        let i = number_index(vm, v)?;
        big.push(i.to_bigint().unwrap_or_default());
    }
    let (start, stop, step) = match big.len() {
        1 => (BigInt::zero(), big.pop().unwrap_or_default(), BigInt::one()),
        2 => {
            let stop = big.pop().unwrap_or_default();
            (big.pop().unwrap_or_default(), stop, BigInt::one())
        }
        _ => {
            let step = big.pop().unwrap_or_default();
            let stop = big.pop().unwrap_or_default();
            (big.pop().unwrap_or_default(), stop, step)
        }
    };
    if step.is_zero() {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(make(start, stop, step))
}

/// `len(r)`: CPython's OverflowError beyond Py_ssize_t.
pub fn len(p: &Parts) -> PyResult<usize> {
    p.len
        .to_i64()
        .map(|n| n as usize)
        .ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

/// The item at index `i` (negative from the end), None out of range.
pub fn item(p: &Parts, i: &BigInt) -> Option<BigInt> {
    let i = if i.is_negative() {
        i + &p.len
    } else {
        i.clone()
    };
    (!i.is_negative() && i < p.len).then(|| &p.start + i * &p.step)
}

/// `r[i]` with an int (or `__index__`) key, any size.
pub fn getitem_index(p: &Parts, i: &BigInt) -> PyResult<Value> {
    item(p, i)
        .map(int_from_big)
        .ok_or_else(|| index_error("range object index out of range"))
}

/// One component of a slice: None or an int (`__index__` allowed).
fn slice_part(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if v.is_none() {
        return Ok(None);
    }
    if crate::vm::ops::as_int(v).is_none() && !vm.is_user_instance(v) {
        return Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        ));
    }
    let i = number_index(vm, v).map_err(|_| {
        type_error("slice indices must be integers or None or have an __index__ method")
    })?;
    Ok(i.to_bigint())
}

/// `r[a:b:c]`: CPython's `compute_slice` (slice indices adjusted to the length with bigints).
pub fn getitem_slice(vm: &mut Vm, p: &Parts, sl: &[Value; 3]) -> PyResult<Value> {
    let step = match slice_part(vm, &sl[2])? {
        None => BigInt::one(),
        Some(s) if s.is_zero() => return Err(value_error("slice step cannot be zero")),
        Some(s) => s,
    };
    let (lower, upper) = if step.is_negative() {
        (BigInt::from(-1), &p.len - 1u8)
    } else {
        (BigInt::zero(), p.len.clone())
    };
    let adjust = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(mut i) => {
                if i.is_negative() {
                    i += &p.len;
                    if i < lower {
                        i = lower.clone();
                    }
                } else if i > upper {
                    i = upper.clone();
                }
                i
            }
        }
    };
    let start = slice_part(vm, &sl[0])?;
    let stop = slice_part(vm, &sl[1])?;
    let (dstart, dstop) = if step.is_negative() {
        (upper.clone(), lower.clone())
    } else {
        (lower.clone(), upper.clone())
    };
    let start = adjust(start, &dstart);
    let stop = adjust(stop, &dstop);
    Ok(make(
        &p.start + start * &p.step,
        &p.start + stop * &p.step,
        &p.step * step,
    ))
}

/// `x in r` for an int `x`.
pub fn contains(p: &Parts, x: &BigInt) -> bool {
    if p.len.is_zero() {
        return false;
    }
    let off = x - &p.start;
    if (&off % &p.step).is_zero() {
        let k = off / &p.step;
        !k.is_negative() && k < p.len
    } else {
        false
    }
}

/// `r == s`: the same sequence of values (CPython's range_equals).
pub fn equal(p: &Parts, q: &Parts) -> bool {
    p.len == q.len
        && (p.len.is_zero() || (p.start == q.start && (p.len.is_one() || p.step == q.step)))
}

/// `reversed(r)` as a range: the same values backwards.
pub fn reversed(p: &Parts) -> Value {
    let last = &p.start + (&p.len - 1u8) * &p.step;
    make(last.clone(), &p.start - &p.step, -&p.step)
}

/// `repr(r)`.
pub fn repr(p: &Parts) -> String {
    if p.step.is_one() {
        format!("range({}, {})", p.start, p.stop)
    } else {
        format!("range({}, {}, {})", p.start, p.stop, p.step)
    }
}

/// `hash(r)`: CPython's range_hash, the hash of `(len, start, step)` with the parts that do not affect
/// equality replaced by None (equal ranges hash alike: `hash(range(0)) == hash(range(5, 5))`).
pub fn hash(p: &Parts) -> i64 {
    let none = 0xFCA86420i64 >> 4;
    let h = |b: &BigInt| match b.to_i64() {
        Some(i) => crate::hash::hash_i64(i),
        None => crate::hash::hash_bigint(b),
    };
    let (start, step) = if p.len.is_zero() {
        (none, none)
    } else if p.len.is_one() {
        (h(&p.start), none)
    } else {
        (h(&p.start), h(&p.step))
    };
    crate::hash::hash_tuple([h(&p.len), start, step].into_iter())
}
