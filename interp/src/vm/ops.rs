//! Operators with Python semantics: int (i64 fast path, bigint overflow), float, and the sequence and
//! set operators of the builtin types. The dispatch loop handles the hottest int/float cases inline and
//! calls `binary_op` for everything else.

use super::containers::{is_anyset, is_set_view};
use super::Vm;
use crate::builtins::methods;
use crate::bytecode::{BinOp, CmpOp};
use crate::error::{
    overflow_error, type_error, value_error, zero_division, ExcKind, PyErr, PyResult,
};
use crate::object::Object;
use crate::value::{int_from_big, Value};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// An int operand, borrowed: small or big.
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_big(&self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(*i),
            IntRef::Big(b) => (*b).clone(),
        }
    }
    pub fn to_f64(&self) -> PyResult<f64> {
        match self {
            IntRef::Small(i) => Ok(*i as f64),
            IntRef::Big(b) => big_to_f64(b),
        }
    }
    pub fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(i) => *i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }
    pub fn is_zero(&self) -> bool {
        match self {
            IntRef::Small(i) => *i == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }
}

pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    match v {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Bool(b) => Some(IntRef::Small(*b as i64)),
        Value::Obj(o) => match &**o {
            Object::Int(b) => Some(IntRef::Big(b)),
            // An int subclass's instance is an int.
            Object::Instance(i) => i.base.as_ref().and_then(as_int),
            _ => None,
        },
        _ => None,
    }
}

/// Int or float as f64 (for mixed arithmetic).
pub fn as_f64(v: &Value) -> Option<PyResult<f64>> {
    match v {
        Value::Float(f) => Some(Ok(*f)),
        other => match crate::vm::Vm::base_of(other) {
            Some(b @ Value::Float(_)) => as_f64(b),
            _ => as_int(other).map(|i| i.to_f64()),
        },
    }
}

pub fn big_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(overflow_error("int too large to convert to float")),
    }
}

impl Vm {
    pub fn binary_op(&mut self, arg: u32, a: Value, b: Value) -> PyResult<Value> {
        let (op, inplace) = BinOp::decode(arg);
        if self.is_user_instance(&a) || self.is_user_instance(&b) {
            if let Some(v) = self.binop_dunder(op, inplace, &a, &b)? {
                return Ok(v);
            }
            if Vm::base_of(&a).is_some() || Vm::base_of(&b).is_some() {
                let ua = Vm::base_of(&a).cloned().unwrap_or(a);
                let ub = Vm::base_of(&b).cloned().unwrap_or(b);
                return self.binary_op(arg, ua, ub);
            }
            if let Some(v) = self.type_union(op, &a, &b)? {
                return Ok(v);
            }
            // Sequence repetition by an object with `__index__` (`"ab" * n`, `n * [0]`).
            if op == BinOp::Mul {
                let is_seq = |v: &Value| {
                    matches!(
                        v.as_obj(),
                        Some(
                            Object::Str(_)
                                | Object::Bytes(_)
                                | Object::List(_)
                                | Object::Tuple(_)
                                | Object::ByteArray(_)
                        )
                    )
                };
                let has_index = |vm: &mut Vm, v: &Value| {
                    let t = vm.type_of(v);
                    vm.type_lookup(&t, &vm.strs.get("__index__")).is_some()
                };
                if is_seq(&a) && has_index(self, &b) {
                    let n = methods::util::number_index(self, &b)?;
                    return self.binary_op(arg, a, n);
                }
                if is_seq(&b) && has_index(self, &a) {
                    let n = methods::util::number_index(self, &a)?;
                    return self.binary_op(arg, n, b);
                }
            }
            return Err(binop_type_error(self, op, inplace, &a, &b));
        }
        if let (Value::Bool(x), Value::Bool(y)) = (&a, &b) {
            match op {
                BinOp::And => return Ok(Value::Bool(*x & *y)),
                BinOp::Or => return Ok(Value::Bool(*x | *y)),
                BinOp::Xor => return Ok(Value::Bool(*x ^ *y)),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (as_int(&a), as_int(&b)) {
            return int_binop(op, x, y);
        }
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            if let (Some(x), Some(y)) = (as_f64(&a), as_f64(&b)) {
                let float_op = !matches!(
                    op,
                    BinOp::LShift
                        | BinOp::RShift
                        | BinOp::And
                        | BinOp::Or
                        | BinOp::Xor
                        | BinOp::MatMul
                );
                if !float_op {
                    // Named with both operands' own types (`'float' and 'int'`).
                    return Err(binop_type_error(self, op, inplace, &a, &b));
                }
                return float_binop(op, x?, y?);
            }
        }
        if matches!(a.as_obj(), Some(Object::Complex(_)))
            || matches!(b.as_obj(), Some(Object::Complex(_)))
        {
            if let Some(r) = methods::complex::complex_binop(op, &a, &b) {
                return r;
            }
        }
        if let Some(v) = self.seq_binop(op, inplace, &a, &b)? {
            return Ok(v);
        }
        if let Some(v) = self.type_union(op, &a, &b)? {
            return Ok(v);
        }
        Err(binop_type_error(self, op, inplace, &a, &b))
    }

    /// `X | Y` where one operand is a class (`int | None`): a `types.UnionType`, made by the Python
    /// `types` module (`types._type_or`, which answers NotImplemented for operands a union cannot hold).
    fn type_union(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let is_type = |v: &Value| matches!(v.as_obj(), Some(Object::Type(_)));
        if op != BinOp::Or || !(is_type(a) || is_type(b)) {
            return Ok(None);
        }
        let builtins = self.builtins.clone();
        let types = self.import(&Value::str("types"), Value::None, Value::Int(0), &builtins)?;
        let f = self.getattr(&types, &Value::str("_type_or"))?;
        let r = self.call(&f, &[a.clone(), b.clone()])?;
        if matches!(
            r.as_obj(),
            Some(Object::Singleton(crate::object::Singleton::NotImplemented))
        ) {
            return Ok(None);
        }
        Ok(Some(r))
    }

    fn seq_binop(
        &mut self,
        op: BinOp,
        inplace: bool,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        let (Value::Obj(ao), bo) = (a, b) else {
            // int * sequence
            if op == BinOp::Mul {
                if let (Some(n), Value::Obj(_)) = (as_int(a), b) {
                    if self.is_sequence(b) {
                        return self.seq_repeat(b, n).map(Some);
                    }
                }
            }
            return Ok(None);
        };
        match (&**ao, op) {
            (Object::Str(x), BinOp::Add) => match b.as_obj() {
                Some(Object::Str(y)) => {
                    let mut s = String::with_capacity(x.byte_len() + y.byte_len());
                    s.push_str(x.as_str());
                    s.push_str(y.as_str());
                    Ok(Some(Value::from_string_chars(
                        s,
                        x.char_len() + y.char_len(),
                    )))
                }
                _ if b.as_str().is_some() => {
                    let y = b.as_str().unwrap_or_default();
                    let mut s = String::with_capacity(x.byte_len() + y.len());
                    s.push_str(x.as_str());
                    s.push_str(y);
                    Ok(Some(Value::from_string(s)))
                }
                _ => Err(type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    self.type_name(b)
                ))),
            },
            (Object::Str(_), BinOp::Mod) => self.percent_format(a, b).map(Some),
            (Object::Bytes(_) | Object::ByteArray(_), BinOp::Mod) => {
                self.bytes_percent_format(a, b).map(Some)
            }
            (Object::List(x), BinOp::Add) => {
                if inplace {
                    self.list_extend(a, b.clone())?;
                    return Ok(Some(a.clone()));
                }
                match bo.as_obj() {
                    Some(Object::List(y)) => {
                        let (x, y) = (x.borrow(), y.borrow());
                        let mut v = Vec::with_capacity(x.len() + y.len());
                        v.extend_from_slice(&x);
                        v.extend_from_slice(&y);
                        Ok(Some(Value::obj(Object::List(v.into()))))
                    }
                    _ => Err(type_error(format!(
                        "can only concatenate list (not \"{}\") to list",
                        self.type_name(b)
                    ))),
                }
            }
            (Object::Tuple(x), BinOp::Add) => match bo.as_obj() {
                Some(Object::Tuple(y)) => {
                    let mut v = x.clone();
                    v.extend(y.iter().cloned());
                    Ok(Some(Value::obj(Object::Tuple(v))))
                }
                _ => Err(type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    self.type_name(b)
                ))),
            },
            (Object::Bytes(_) | Object::ByteArray(_), BinOp::Add) => {
                if let (true, Object::ByteArray(x)) = (inplace, &**ao) {
                    methods::bytearray::iadd(self, x, b)?;
                    return Ok(Some(a.clone()));
                }
                let kind = methods::bytes::Kind::of(a).unwrap_or(methods::bytes::Kind::Bytes);
                match methods::bytes::buffer(b) {
                    Some(y) => {
                        let y = y?;
                        let x = methods::bytes::buf(self, a)?;
                        let mut v = Vec::with_capacity(x.len() + y.len());
                        v.extend_from_slice(&x);
                        v.extend_from_slice(&y);
                        Ok(Some(kind.make(v)))
                    }
                    None => Err(type_error(format!(
                        "can't concat {} to {}",
                        self.type_name(b),
                        kind.name()
                    ))),
                }
            }
            (
                Object::Str(_)
                | Object::List(_)
                | Object::Tuple(_)
                | Object::Bytes(_)
                | Object::ByteArray(_),
                BinOp::Mul,
            ) => match as_int(b) {
                Some(n) => {
                    if inplace {
                        if let Object::ByteArray(x) = &**ao {
                            methods::bytearray::imul(x, repeat_count(&n)?)?;
                            return Ok(Some(a.clone()));
                        }
                        if let Object::List(l) = &**ao {
                            let count = repeat_count(&n)?;
                            let mut l = l.borrow_mut();
                            let total = l.len().checked_mul(count).unwrap_or(usize::MAX);
                            crate::alloc::check(total, std::mem::size_of::<Value>())?;
                            let more = total.saturating_sub(l.len());
                            l.try_reserve(more)
                                .map_err(|_| crate::alloc::memory_error())?;
                            let orig = l.clone();
                            l.clear();
                            for _ in 0..count {
                                l.extend(orig.iter().cloned());
                            }
                            return Ok(Some(a.clone()));
                        }
                    }
                    self.seq_repeat(a, n).map(Some)
                }
                None => Err(type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(b)
                ))),
            },
            (
                Object::Set(_) | Object::FrozenSet(_),
                BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
            ) if is_anyset(b) => self.set_binop(op, inplace, a, b).map(Some),
            // Key and item views are set-like (on either side; a set's in-place operator with a view
            // falls back to the plain one): the result is a new set.
            (_, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
                if is_set_view(a) || is_set_view(b) =>
            {
                self.dictview_binop(op, a, b).map(Some)
            }
            (Object::Dict(_), BinOp::Or) => {
                if !matches!(bo.as_obj(), Some(Object::Dict(_))) {
                    return Ok(None);
                }
                if inplace {
                    self.dict_update(a, b.clone(), false)?;
                    return Ok(Some(a.clone()));
                }
                let d = self.dict_copy(a);
                self.dict_update(&d, b.clone(), false)?;
                Ok(Some(d))
            }
            _ => Ok(None),
        }
    }

    fn is_sequence(&self, v: &Value) -> bool {
        matches!(
            v.as_obj(),
            Some(
                Object::Str(_)
                    | Object::List(_)
                    | Object::Tuple(_)
                    | Object::Bytes(_)
                    | Object::ByteArray(_)
            )
        )
    }

    fn seq_repeat(&mut self, seq: &Value, n: IntRef) -> PyResult<Value> {
        let count = repeat_count(&n)?;
        let Some(o) = seq.as_obj() else {
            return Ok(Value::None);
        };
        // Sizes come from the program: allocate fallibly (MemoryError, not an abort). Like CPython, a
        // str or bytes result longer than the largest index is an OverflowError.
        let total = |len: usize| {
            len.checked_mul(count)
                .ok_or_else(crate::alloc::memory_error)
        };
        let text_total = |len: usize, msg: &'static str| match len.checked_mul(count) {
            Some(t) if t <= isize::MAX as usize => Ok(t),
            _ => Err(overflow_error(msg)),
        };
        Ok(match o {
            Object::Str(s) => {
                let s = s.as_str();
                let chars = s.chars().count();
                text_total(chars, "repeated string is too long")?;
                let mut out = crate::alloc::string(total(s.len())?)?;
                for _ in 0..count {
                    out.push_str(s);
                }
                Value::from_string(out)
            }
            Object::List(l) => {
                let l = l.borrow();
                let mut v = crate::alloc::vec(total(l.len())?)?;
                for _ in 0..count {
                    v.extend(l.iter().cloned());
                }
                Value::obj(Object::List(v.into()))
            }
            Object::Tuple(t) => {
                let mut v = crate::alloc::vec(total(t.len())?)?;
                for _ in 0..count {
                    v.extend(t.iter().cloned());
                }
                Value::obj(Object::Tuple(v))
            }
            Object::Bytes(b) => {
                text_total(b.len(), "repeated bytes are too long")?;
                let mut v = crate::alloc::vec(total(b.len())?)?;
                for _ in 0..count {
                    v.extend_from_slice(b);
                }
                Value::obj(Object::Bytes(v))
            }
            Object::ByteArray(b) => {
                let b = b.data.borrow();
                let mut v = crate::alloc::vec(total(b.len())?)?;
                for _ in 0..count {
                    v.extend_from_slice(&b);
                }
                methods::bytes::Kind::ByteArray.make(v)
            }
            _ => Value::None,
        })
    }

    pub fn unary_neg(&mut self, a: Value) -> PyResult<Value> {
        if let Some(r) = self.call_dunder(&a, "__neg__", &[])? {
            return Ok(r);
        }
        let a = match Vm::base_of(&a) {
            Some(b) => b.clone(),
            None => a,
        };
        match &a {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => int_from_big(-BigInt::from(*i)),
            }),
            Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
            Value::Float(f) => Ok(Value::Float(-f)),
            Value::Obj(o) => match &**o {
                Object::Int(b) => Ok(int_from_big(-b)),
                Object::Complex(c) => Ok(methods::complex::complex_neg(c)),
                _ => Err(type_error(format!(
                    "bad operand type for unary -: '{}'",
                    self.type_name(&a)
                ))),
            },
            _ => Err(type_error(format!(
                "bad operand type for unary -: '{}'",
                self.type_name(&a)
            ))),
        }
    }

    pub fn unary_pos(&mut self, a: Value) -> PyResult<Value> {
        if let Some(r) = self.call_dunder(&a, "__pos__", &[])? {
            return Ok(r);
        }
        let a = match Vm::base_of(&a) {
            Some(b) => b.clone(),
            None => a,
        };
        match &a {
            Value::Int(_) | Value::Float(_) => Ok(a),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Obj(o) if matches!(&**o, Object::Int(_) | Object::Complex(_)) => Ok(a),
            _ => Err(type_error(format!(
                "bad operand type for unary +: '{}'",
                self.type_name(&a)
            ))),
        }
    }

    pub fn unary_invert(&mut self, a: Value) -> PyResult<Value> {
        if let Some(r) = self.call_dunder(&a, "__invert__", &[])? {
            return Ok(r);
        }
        let a = match Vm::base_of(&a) {
            Some(b) => b.clone(),
            None => a,
        };
        match as_int(&a) {
            Some(IntRef::Small(i)) => Ok(Value::Int(!i)),
            Some(IntRef::Big(b)) => Ok(int_from_big(!b)),
            None => Err(type_error(format!(
                "bad operand type for unary ~: '{}'",
                self.type_name(&a)
            ))),
        }
    }

    /// Rich comparison producing a Python value.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        if self.is_user_instance(a) || self.is_user_instance(b) {
            if let Some(r) = self.richcmp_dunder(a, b, op)? {
                return Ok(r);
            }
            if Vm::base_of(a).is_some() || Vm::base_of(b).is_some() {
                let ua = Vm::base_of(a).cloned().unwrap_or_else(|| a.clone());
                let ub = Vm::base_of(b).cloned().unwrap_or_else(|| b.clone());
                return self.compare(&ua, &ub, op);
            }
            return match op {
                CmpOp::Eq => Ok(Value::Bool(a.is(b))),
                // The default __ne__ inverts __eq__.
                CmpOp::Ne => Ok(Value::Bool(!self.eq(a, b)?)),
                _ => Err(type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    self.type_name(a),
                    self.type_name(b)
                ))),
            };
        }
        match op {
            CmpOp::Eq => return Ok(Value::Bool(self.eq(a, b)?)),
            CmpOp::Ne => return Ok(Value::Bool(!self.eq(a, b)?)),
            _ => {}
        }
        match self.partial_cmp(a, b)? {
            Some(o) => Ok(Value::Bool(super::dispatch::cmp_ord(op, o))),
            None => {
                // Unordered: NaN comparisons are False; anything else is a TypeError.
                if as_f64(a).is_some() && as_f64(b).is_some() {
                    return Ok(Value::Bool(false));
                }
                if let Some(v) = self.seq_compare(a, b, op)? {
                    return Ok(v);
                }
                Err(type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    self.type_name(a),
                    self.type_name(b)
                )))
            }
        }
    }

    /// Ordering of two values where Python defines one (numbers, strings); None when unordered or when
    /// the types are not comparable this way.
    pub fn partial_cmp(&mut self, a: &Value, b: &Value) -> PyResult<Option<std::cmp::Ordering>> {
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(Some(match (x, y) {
                (IntRef::Small(x), IntRef::Small(y)) => x.cmp(&y),
                (x, y) => x.to_big().cmp(&y.to_big()),
            }));
        }
        match (a, b) {
            (Value::Float(x), Value::Float(y)) => return Ok(x.partial_cmp(y)),
            (Value::Float(x), other) => {
                if let Some(i) = as_int(other) {
                    return Ok(cmp_int_float(&i, *x).map(|o| o.reverse()));
                }
            }
            (other, Value::Float(y)) => {
                if let Some(i) = as_int(other) {
                    return Ok(cmp_int_float(&i, *y));
                }
            }
            _ => {}
        }
        if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
            return Ok(Some(x.cmp(y)));
        }
        if let (Some(Object::Bytes(x)), Some(Object::Bytes(y))) = (a.as_obj(), b.as_obj()) {
            return Ok(Some(x.cmp(y)));
        }
        if let (
            Some(Object::Bytes(_) | Object::ByteArray(_)),
            Some(Object::Bytes(_) | Object::ByteArray(_)),
        ) = (a.as_obj(), b.as_obj())
        {
            let (x, y) = (methods::bytes::buf(self, a)?, methods::bytes::buf(self, b)?);
            return Ok(Some(x.cmp(&y)));
        }
        Ok(None)
    }

    /// Lexicographic comparison of lists/tuples, and subset comparison of sets.
    fn seq_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<Value>> {
        let (Some(ao), Some(bo)) = (a.as_obj(), b.as_obj()) else {
            return Ok(None);
        };
        // Lists are copied (an item's `__eq__` may mutate them); tuples cannot change: compared in place.
        let copies: (Vec<Value>, Vec<Value>);
        let (x, y): (&[Value], &[Value]) = match (ao, bo) {
            (Object::List(x), Object::List(y)) => {
                copies = (x.borrow().clone(), y.borrow().clone());
                (&copies.0, &copies.1)
            }
            (Object::Tuple(x), Object::Tuple(y)) => (x, y),
            (Object::Set(_) | Object::FrozenSet(_), Object::Set(_) | Object::FrozenSet(_)) => {
                return self.set_compare(a, b, op).map(Some);
            }
            // Key and item views order like sets (against sets and other such views).
            _ if (is_set_view(a) || is_anyset(a)) && (is_set_view(b) || is_anyset(b)) => {
                let set = Value::Obj(self.types.set.clone());
                let x = self.call(&set, std::slice::from_ref(a))?;
                let y = self.call(&set, std::slice::from_ref(b))?;
                return self.set_compare(&x, &y, op).map(Some);
            }
            _ => return Ok(None),
        };
        self.enter_c_recursion(" in comparison")?;
        let first_diff = (|| {
            for (p, q) in x.iter().zip(y.iter()) {
                if !self.eq(p, q)? {
                    return self.compare(p, q, op).map(Some);
                }
            }
            Ok(None)
        })();
        self.leave_c_recursion();
        if let Some(v) = first_diff? {
            return Ok(Some(v));
        }
        Ok(Some(Value::Bool(super::dispatch::cmp_ord(
            op,
            x.len().cmp(&y.len()),
        ))))
    }
}

/// Exact ordering of an int against a float (None when the float is NaN), as CPython's float_richcompare.
pub fn cmp_int_float(i: &IntRef, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let IntRef::Small(n) = i {
        if n.unsigned_abs() < (1u64 << 53) {
            return (*n as f64).partial_cmp(&f);
        }
    }
    // Compare the int with floor(f), then the fractional part breaks ties.
    let fl = f.floor();
    let fb = crate::vm::protocol::float_to_bigint(fl);
    let ib = i.to_big();
    match ib.cmp(&fb) {
        Ordering::Equal => Some(if f > fl {
            Ordering::Less
        } else {
            Ordering::Equal
        }),
        o => Some(o),
    }
}

fn repeat_count(n: &IntRef) -> PyResult<usize> {
    match n {
        IntRef::Small(i) => Ok((*i).max(0) as usize),
        IntRef::Big(b) => {
            if b.is_negative() {
                Ok(0)
            } else {
                Err(overflow_error(
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
        }
    }
}

fn binop_type_error(vm: &Vm, op: BinOp, inplace: bool, a: &Value, b: &Value) -> PyErr {
    let sym = match (op, inplace) {
        (_, true) => format!("{}=", op.symbol()),
        (BinOp::Pow, false) => "** or pow()".to_string(),
        _ => op.symbol().to_string(),
    };
    type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        sym,
        vm.type_name(a),
        vm.type_name(b)
    ))
}

pub fn int_binop(op: BinOp, x: IntRef, y: IntRef) -> PyResult<Value> {
    if let (IntRef::Small(a), IntRef::Small(b)) = (&x, &y) {
        let (a, b) = (*a, *b);
        let r = match op {
            BinOp::Add => a.checked_add(b),
            BinOp::Sub => a.checked_sub(b),
            BinOp::Mul => a.checked_mul(b),
            BinOp::FloorDiv => {
                if b == 0 {
                    return Err(zero_division("integer division or modulo by zero"));
                }
                a.checked_div_euclid(b).map(|_| Integer::div_floor(&a, &b))
            }
            BinOp::Mod => {
                if b == 0 {
                    return Err(zero_division("integer modulo by zero"));
                }
                a.checked_rem(b).map(|_| Integer::mod_floor(&a, &b))
            }
            BinOp::TrueDiv => {
                if b == 0 {
                    return Err(zero_division("division by zero"));
                }
                if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
                    return Ok(Value::Float(a as f64 / b as f64));
                }
                None
            }
            BinOp::And => Some(a & b),
            BinOp::Or => Some(a | b),
            BinOp::Xor => Some(a ^ b),
            BinOp::LShift => {
                if b < 0 {
                    return Err(value_error("negative shift count"));
                }
                if b < 63 && (a == 0 || (a.unsigned_abs().leading_zeros() as i64) > b + 1) {
                    Some(a << b)
                } else if a == 0 {
                    Some(0)
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if b < 0 {
                    return Err(value_error("negative shift count"));
                }
                Some(if b >= 64 {
                    if a < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    a >> b
                })
            }
            BinOp::Pow => {
                if b < 0 {
                    return float_binop(BinOp::Pow, a as f64, b as f64);
                }
                if b <= u32::MAX as i64 {
                    a.checked_pow(b as u32)
                } else {
                    None
                }
            }
            BinOp::MatMul => {
                return Err(type_error(
                    "unsupported operand type(s) for @: 'int' and 'int'",
                ))
            }
        };
        if let Some(v) = r {
            return Ok(Value::Int(v));
        }
    }
    // A bigint and a small int (`s += i * i` once `s` outgrew i64): no copy of the bigint operand
    // and no bigint made of the small one, just the result.
    match (op, &x, &y) {
        (BinOp::Add, IntRef::Big(a), IntRef::Small(b)) => return Ok(int_from_big(*a + *b)),
        (BinOp::Add, IntRef::Small(a), IntRef::Big(b)) => return Ok(int_from_big(*b + *a)),
        (BinOp::Sub, IntRef::Big(a), IntRef::Small(b)) => return Ok(int_from_big(*a - *b)),
        (BinOp::Sub, IntRef::Small(a), IntRef::Big(b)) => return Ok(int_from_big(*a - *b)),
        (BinOp::Mul, IntRef::Big(a), IntRef::Small(b)) => {
            check_bits(a.bits() as u128 + 64)?;
            return Ok(int_from_big(*a * *b));
        }
        (BinOp::Mul, IntRef::Small(a), IntRef::Big(b)) => {
            check_bits(b.bits() as u128 + 64)?;
            return Ok(int_from_big(*b * *a));
        }
        _ => {}
    }
    big_binop(op, &x.to_big(), &y.to_big())
}

/// A bigint result of about `bits` bits must fit the allocation cap (`alloc::set_max_alloc`).
fn check_bits(bits: u128) -> PyResult<()> {
    crate::alloc::check(usize::try_from(bits / 8).unwrap_or(usize::MAX), 1)
}

fn big_binop(op: BinOp, a: &BigInt, b: &BigInt) -> PyResult<Value> {
    Ok(int_from_big(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => {
            check_bits(a.bits() as u128 + b.bits() as u128)?;
            a * b
        }
        BinOp::FloorDiv => {
            if b.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            crate::bigarith::div_floor(a, b)
        }
        BinOp::Mod => {
            if b.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            crate::bigarith::mod_floor(a, b)
        }
        BinOp::TrueDiv => {
            if b.is_zero() {
                return Err(zero_division("division by zero"));
            }
            return Ok(Value::Float(big_true_div(a, b)?));
        }
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        BinOp::LShift => {
            if b.is_negative() {
                return Err(value_error("negative shift count"));
            }
            if a.is_zero() {
                return Ok(Value::Int(0));
            }
            // CPython splits the count into 30-bit words: a word count beyond isize is "too many
            // digits", anything else this large fails to allocate.
            let n = match b.to_usize() {
                Some(n) => n,
                None if (b / BigInt::from(30)).to_i64().is_some() => {
                    return Err(PyErr::bare(ExcKind::MemoryError))
                }
                None => return Err(overflow_error("too many digits in integer")),
            };
            if n > (1 << 32) {
                return Err(PyErr::bare(ExcKind::MemoryError));
            }
            check_bits(a.bits() as u128 + n as u128)?;
            a << n
        }
        BinOp::RShift => {
            if b.is_negative() {
                return Err(value_error("negative shift count"));
            }
            match b.to_usize() {
                Some(n) => a >> n,
                None => {
                    if a.is_negative() {
                        -BigInt::one()
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        BinOp::Pow => {
            if b.is_negative() {
                let x = big_to_f64(a)?;
                let y = big_to_f64(b)?;
                return float_binop(BinOp::Pow, x, y);
            }
            // 0, 1 and -1 stay small whatever the exponent.
            if a.is_zero() {
                return Ok(Value::Int(if b.is_zero() { 1 } else { 0 }));
            }
            if a.is_one() {
                return Ok(Value::Int(1));
            }
            if (-a).is_one() {
                return Ok(Value::Int(if b.is_odd() { -1 } else { 1 }));
            }
            let e = b
                .to_u32()
                .ok_or_else(|| PyErr::bare(ExcKind::MemoryError))?;
            if a.bits() as u128 * e as u128 > (1u128 << 34) {
                return Err(PyErr::bare(ExcKind::MemoryError));
            }
            check_bits(a.bits() as u128 * e as u128)?;
            num_traits::Pow::pow(a, e)
        }
        BinOp::MatMul => {
            return Err(type_error(
                "unsupported operand type(s) for @: 'int' and 'int'",
            ))
        }
    }))
}

/// Correctly rounded int / int for big operands.
fn big_true_div(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if let (Some(x), Some(y)) = (a.to_f64(), b.to_f64()) {
        if x.is_finite()
            && y.is_finite()
            && x.abs() < 9007199254740992.0
            && y.abs() < 9007199254740992.0
        {
            return Ok(x / y);
        }
    }
    // Scale so the quotient has 64+ significant bits, then convert.
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    let shift = b.bits() as i64 - a.bits() as i64 + 66;
    let (num, den) = if shift > 0 {
        (a << shift as usize, b)
    } else {
        (a, b << (-shift) as usize)
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q;
    if !r.is_zero() {
        q = (q << 1usize) | BigInt::one(); // sticky bit for correct rounding
        let f = q.to_f64().unwrap_or(f64::INFINITY);
        let v = f * 2f64.powi(-(shift as i32) - 1);
        if v.is_infinite() {
            return Err(overflow_error(
                "integer division result too large for a float",
            ));
        }
        return Ok(if neg { -v } else { v });
    }
    let f = q.to_f64().unwrap_or(f64::INFINITY);
    let v = scale2(f, -shift);
    if v.is_infinite() {
        return Err(overflow_error(
            "integer division result too large for a float",
        ));
    }
    Ok(if neg { -v } else { v })
}

fn scale2(f: f64, e: i64) -> f64 {
    let mut v = f;
    let mut e = e;
    while e > 1000 {
        v *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        v *= 2f64.powi(-1000);
        e += 1000;
    }
    v * 2f64.powi(e as i32)
}

pub fn float_binop(op: BinOp, a: f64, b: f64) -> PyResult<Value> {
    Ok(Value::Float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::TrueDiv => {
            if b == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Err(zero_division("float floor division by zero"));
            }
            float_divmod(a, b).0
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Err(zero_division("float modulo"));
            }
            float_divmod(a, b).1
        }
        BinOp::Pow => return float_pow(a, b),
        BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::MatMul => {
            return Err(type_error(format!(
                "unsupported operand type(s) for {}: 'float' and 'float'",
                op.symbol()
            )))
        }
    }))
}

/// Python's float divmod (CPython's float_divmod algorithm).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn float_pow(a: f64, b: f64) -> PyResult<Value> {
    if a == 0.0 && b < 0.0 {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
        // Negative numbers raised to fractional powers become complex.
        use crate::object::Complex;
        return methods::complex::complex_pow(
            Complex { re: a, im: 0.0 },
            Complex { re: b, im: 0.0 },
        );
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        // CPython reports libm's ERANGE as an errno-style pair.
        return Err(PyErr::with_args(
            ExcKind::OverflowError,
            vec![Value::Int(34), Value::str("Numerical result out of range")],
        ));
    }
    Ok(Value::Float(r))
}
