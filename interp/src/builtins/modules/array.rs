//! `array`: typed arrays of numbers (and `'u'` characters) stored unboxed, as CPython stores them: the
//! items are packed machine values in native byte order (`tobytes` shows them), item `i` at byte
//! `i * itemsize`. Storing checks each value against the C type's range with CPython's messages (which
//! differ per typecode because CPython parses through different C conversions).

use crate::builtins::methods::util::{new_list, new_tuple};
use crate::builtins::{method, set_in};
use crate::error::{
    index_error, overflow_error, type_error, value_error, ExcKind, PyErr, PyResult,
};
use crate::native::{native_type, payload, self_payload, NativeData};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::ops::{as_int, IntRef};
use crate::vm::Vm;
use num_traits::ToPrimitive;
use std::cell::{Cell, RefCell};

const TYPECODES: &str = "bBuhHiIlLqQfd";

pub struct Array {
    code: u8,
    data: RefCell<Vec<u8>>,
}

impl NativeData for Array {}

struct ArrayIter {
    arr: RefCell<Option<Value>>,
    index: Cell<usize>,
}

impl NativeData for ArrayIter {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) -> bool {
        match self.arr.try_borrow() {
            Ok(a) => {
                if let Some(v) = &*a {
                    f(v);
                }
                true
            }
            Err(_) => false,
        }
    }
    fn clear(&self) {
        let v = self.arr.borrow_mut().take();
        drop(v);
    }
    fn next_fn(&self) -> Option<crate::native::NextFn> {
        Some(iter_next)
    }
}

fn itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

thread_local! {
    static TYPES: RefCell<Option<(ObjRef, ObjRef)>> = const { RefCell::new(None) };
}

fn array_type() -> ObjRef {
    TYPES
        .with(|t| t.borrow().as_ref().map(|p| p.0.clone()))
        .expect("array module initialised")
}

fn iter_type() -> ObjRef {
    TYPES
        .with(|t| t.borrow().as_ref().map(|p| p.1.clone()))
        .expect("array module initialised")
}

pub(super) fn init(vm: &mut Vm, d: &ObjRef) {
    let t = native_type(vm, "array", "array", Some(array_new));
    let it = native_type(vm, "arrayiterator", "array", None);
    crate::native::iterator_methods(&it);
    TYPES.with(|ts| *ts.borrow_mut() = Some((t.clone(), it)));
    let methods: &[(&'static str, crate::object::BuiltinFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("reverse", reverse),
        ("byteswap", byteswap),
        ("buffer_info", buffer_info),
        ("tobytes", tobytes),
        ("frombytes", frombytes),
        ("tolist", tolist),
        ("fromlist", fromlist),
        ("tounicode", tounicode),
        ("fromunicode", fromunicode),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__repr__", repr),
        ("__add__", add),
        ("__iadd__", iadd),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__imul__", imul),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__copy__", copy),
        ("__deepcopy__", copy),
        ("__getattr__", getattr),
    ];
    for (name, f) in methods {
        method(&t, name, *f);
    }
    set_in(&t, "__hash__", Value::None);
    set_in(d, "array", Value::Obj(t.clone()));
    set_in(d, "ArrayType", Value::Obj(t));
    set_in(d, "typecodes", Value::str(TYPECODES));
}

fn me<'a>(vm: &Vm, args: &'a [Value], meth: &str) -> PyResult<&'a Array> {
    self_payload::<Array>(vm, args, "array.array", meth)
}

fn make(code: u8, data: Vec<u8>) -> Value {
    crate::native::new_object(
        &array_type(),
        Array {
            code,
            data: RefCell::new(data),
        },
    )
}

// ---- item conversion ----------------------------------------------------------------------------------

fn load(code: u8, b: &[u8]) -> Value {
    let n = |k: usize| -> [u8; 8] {
        let mut a = [0u8; 8];
        a[..k].copy_from_slice(&b[..k]);
        a
    };
    match code {
        b'b' => Value::Int(b[0] as i8 as i64),
        b'B' => Value::Int(b[0] as i64),
        b'h' => Value::Int(i16::from_ne_bytes([b[0], b[1]]) as i64),
        b'H' => Value::Int(u16::from_ne_bytes([b[0], b[1]]) as i64),
        b'i' => Value::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'I' => Value::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'u' => {
            let c = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
            Value::from_string(char::from_u32(c).unwrap_or('\u{fffd}').to_string())
        }
        b'f' => Value::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        b'd' => Value::Float(f64::from_ne_bytes(n(8))),
        b'l' | b'q' => Value::Int(i64::from_ne_bytes(n(8))),
        _ => {
            let u = u64::from_ne_bytes(n(8));
            match i64::try_from(u) {
                Ok(i) => Value::Int(i),
                Err(_) => crate::value::int_from_big(num_bigint::BigInt::from(u)),
            }
        }
    }
}

fn not_integer(vm: &Vm, v: &Value) -> PyErr {
    type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    ))
}

/// The value as an i128 (ints beyond that are clamped: every C type overflows on them anyway).
fn int_arg(vm: &Vm, v: &Value) -> PyResult<i128> {
    match as_int(v) {
        Some(IntRef::Small(i)) => Ok(i as i128),
        Some(IntRef::Big(b)) => Ok(b
            .to_i128()
            .unwrap_or(if b.sign() == num_bigint::Sign::Minus {
                i128::MIN
            } else {
                i128::MAX
            })),
        None => Err(not_integer(vm, v)),
    }
}

fn range_check(x: i128, lo: i128, hi: i128, what: &str) -> PyResult<()> {
    if x < lo {
        Err(overflow_error(format!("{} is less than minimum", what)))
    } else if x > hi {
        Err(overflow_error(format!("{} is greater than maximum", what)))
    } else {
        Ok(())
    }
}

/// Append the machine representation of `v` for typecode `code` to `out`, or CPython's error.
fn store(vm: &Vm, code: u8, v: &Value, out: &mut Vec<u8>) -> PyResult<()> {
    const LONG: (i128, i128) = (i64::MIN as i128, i64::MAX as i128);
    let as_long = |x: i128| -> PyResult<i128> {
        if x < LONG.0 || x > LONG.1 {
            Err(overflow_error("Python int too large to convert to C long"))
        } else {
            Ok(x)
        }
    };
    let as_ulong = |x: i128| -> PyResult<i128> {
        if x < 0 {
            Err(overflow_error(
                "can't convert negative value to unsigned int",
            ))
        } else if x > u64::MAX as i128 {
            Err(overflow_error(
                "Python int too large to convert to C unsigned long",
            ))
        } else {
            Ok(x)
        }
    };
    match code {
        b'f' | b'd' => {
            let f = match crate::vm::ops::as_f64(v) {
                Some(r) => r?,
                None => {
                    return Err(type_error(format!(
                        "must be real number, not {}",
                        vm.type_name(v)
                    )))
                }
            };
            if code == b'f' {
                out.extend_from_slice(&(f as f32).to_ne_bytes());
            } else {
                out.extend_from_slice(&f.to_ne_bytes());
            }
        }
        b'u' => {
            let c = match v.as_str() {
                Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or('\0'),
                _ => return Err(type_error("array item must be unicode character")),
            };
            out.extend_from_slice(&(c as u32).to_ne_bytes());
        }
        _ => {
            let x = int_arg(vm, v)?;
            match code {
                b'b' => {
                    let x = as_long(x)?;
                    range_check(x, -32768, 32767, "signed short integer")?;
                    range_check(x, -128, 127, "signed char")?;
                    out.push(x as i8 as u8);
                }
                b'B' => {
                    let x = as_long(x)?;
                    range_check(x, 0, 255, "unsigned byte integer")?;
                    out.push(x as u8);
                }
                b'h' => {
                    let x = as_long(x)?;
                    range_check(x, -32768, 32767, "signed short integer")?;
                    out.extend_from_slice(&(x as i16).to_ne_bytes());
                }
                b'H' => {
                    let x = as_long(x)?;
                    range_check(x, i32::MIN as i128, i32::MAX as i128, "signed integer")?;
                    range_check(x, 0, 65535, "unsigned short")?;
                    out.extend_from_slice(&(x as u16).to_ne_bytes());
                }
                b'i' => {
                    let x = as_long(x)?;
                    range_check(x, i32::MIN as i128, i32::MAX as i128, "signed integer")?;
                    out.extend_from_slice(&(x as i32).to_ne_bytes());
                }
                b'I' => {
                    let x = as_ulong(x)?;
                    range_check(x, 0, u32::MAX as i128, "unsigned int")?;
                    out.extend_from_slice(&(x as u32).to_ne_bytes());
                }
                b'l' => out.extend_from_slice(&(as_long(x)? as i64).to_ne_bytes()),
                b'L' => out.extend_from_slice(&(as_ulong(x)? as u64).to_ne_bytes()),
                b'q' => {
                    if x < LONG.0 || x > LONG.1 {
                        return Err(overflow_error("int too big to convert"));
                    }
                    out.extend_from_slice(&(x as i64).to_ne_bytes());
                }
                _ => {
                    if x < 0 {
                        return Err(overflow_error("can't convert negative int to unsigned"));
                    }
                    if x > u64::MAX as i128 {
                        return Err(overflow_error("int too big to convert"));
                    }
                    out.extend_from_slice(&(x as u64).to_ne_bytes());
                }
            }
        }
    }
    Ok(())
}

fn items(a: &Array) -> Vec<Value> {
    let sz = itemsize(a.code);
    a.data
        .borrow()
        .chunks_exact(sz)
        .map(|c| load(a.code, c))
        .collect()
}

fn n_items(a: &Array) -> usize {
    a.data.borrow().len() / itemsize(a.code)
}

/// Pack `values` for `code` (all or nothing).
fn pack(vm: &Vm, code: u8, values: &[Value]) -> PyResult<Vec<u8>> {
    let mut out = crate::alloc::vec(values.len() * itemsize(code))?;
    for v in values {
        store(vm, code, v, &mut out)?;
    }
    Ok(out)
}

// ---- construction -----------------------------------------------------------------------------------

fn array_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(type_error("array.array() takes no keyword arguments"));
    }
    let args = &args[1.min(args.len())..];
    if args.is_empty() || args.len() > 2 {
        return Err(type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let code = match args[0].as_str() {
        Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or('\0'),
        Some(_) => {
            return Err(type_error(
                "array() argument 1 must be a unicode character, not str",
            ))
        }
        None => {
            return Err(type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                vm.type_name(&args[0])
            )))
        }
    };
    if !code.is_ascii() || !TYPECODES.contains(code) {
        return Err(value_error(
            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
        ));
    }
    let code = code as u8;
    let Some(init) = args.get(1) else {
        return Ok(make(code, Vec::new()));
    };
    let data = match init.as_obj() {
        Some(Object::Str(s)) => {
            if code != b'u' {
                return Err(type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    code as char
                )));
            }
            let mut out = Vec::new();
            for c in s.as_str().chars() {
                out.extend_from_slice(&(c as u32).to_ne_bytes());
            }
            out
        }
        Some(Object::Bytes(b)) => bytes_data(code, b)?,
        Some(Object::ByteArray(b)) => {
            let b = b.data.borrow().clone();
            bytes_data(code, &b)?
        }
        _ => match payload::<Array>(init) {
            Some(src) if src.code == code => src.data.borrow().clone(),
            Some(src) => {
                if code == b'u' || src.code == b'u' {
                    return Err(type_error(format!(
                        "cannot use a unicode array to initialize an array with typecode '{}'",
                        code as char
                    )));
                }
                pack(vm, code, &items(src))?
            }
            None => {
                let values = vm.collect(init.clone())?;
                pack(vm, code, &values)?
            }
        },
    };
    Ok(make(code, data))
}

fn bytes_data(code: u8, b: &[u8]) -> PyResult<Vec<u8>> {
    if b.len() % itemsize(code) != 0 {
        return Err(value_error("bytes length not a multiple of item size"));
    }
    Ok(b.to_vec())
}

// ---- methods ----------------------------------------------------------------------------------------

fn nargs(name: &str, args: &[Value], kw: &KwArgs, n: usize) -> PyResult<()> {
    crate::builtins::methods::util::pos_only("array", name, true, args, kw, n, n)
}

fn append(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "append")?;
    nargs("append", args, kw, 1)?;
    let mut buf = Vec::with_capacity(8);
    store(vm, a.code, &args[1], &mut buf)?;
    a.data.borrow_mut().extend_from_slice(&buf);
    Ok(Value::None)
}

fn extend_with(vm: &mut Vm, a: &Array, other: &Value) -> PyResult<()> {
    if let Some(b) = payload::<Array>(other) {
        if b.code != a.code {
            return Err(type_error("can only extend with array of same kind"));
        }
        let src = b.data.borrow().clone();
        a.data.borrow_mut().extend_from_slice(&src);
        return Ok(());
    }
    // Items already stored stay when a later one is refused, as in CPython.
    let values = vm.collect(other.clone())?;
    for v in &values {
        let mut buf = Vec::with_capacity(8);
        store(vm, a.code, v, &mut buf)?;
        a.data.borrow_mut().extend_from_slice(&buf);
    }
    Ok(())
}

fn extend(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "extend")?;
    nargs("extend", args, kw, 1)?;
    extend_with(vm, a, &args[1])?;
    Ok(Value::None)
}

fn index_of(vm: &Vm, v: &Value) -> PyResult<i64> {
    match as_int(v) {
        Some(IntRef::Small(i)) => Ok(i),
        Some(IntRef::Big(b)) => Err(index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            if b.sign() == num_bigint::Sign::Minus {
                "int"
            } else {
                "int"
            }
        ))),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn insert(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "insert")?;
    nargs("insert", args, kw, 2)?;
    let n = n_items(a) as i64;
    let mut i = index_of(vm, &args[1])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    let mut buf = Vec::with_capacity(8);
    store(vm, a.code, &args[2], &mut buf)?;
    let at = i * itemsize(a.code);
    a.data.borrow_mut().splice(at..at, buf);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "pop")?;
    crate::builtins::methods::util::pos_only("array", "pop", true, args, kw, 0, 1)?;
    let n = n_items(a) as i64;
    let mut i = match args.get(1) {
        Some(v) => index_of(vm, v)?,
        None => -1,
    };
    if n == 0 {
        return Err(index_error("pop from empty array"));
    }
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(index_error("pop index out of range"));
    }
    let sz = itemsize(a.code);
    let at = i as usize * sz;
    let v = load(a.code, &a.data.borrow()[at..at + sz]);
    a.data.borrow_mut().drain(at..at + sz);
    Ok(v)
}

fn find(vm: &mut Vm, a: &Array, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let values = items(a);
    for (i, v) in values.iter().enumerate().take(stop).skip(start) {
        if vm.eq(v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "remove")?;
    nargs("remove", args, kw, 1)?;
    let n = n_items(a);
    match find(vm, a, &args[1], 0, n)? {
        Some(i) => {
            let sz = itemsize(a.code);
            a.data.borrow_mut().drain(i * sz..(i + 1) * sz);
            Ok(Value::None)
        }
        None => Err(value_error("array.remove(x): x not in array")),
    }
}

fn index(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "index")?;
    crate::builtins::methods::util::pos_only("array", "index", true, args, kw, 1, 3)?;
    let n = n_items(a);
    let bound = |v: Option<&Value>, dflt: usize| -> PyResult<usize> {
        Ok(match v {
            None => dflt,
            Some(v) => {
                let i = crate::builtins::methods::util::index_arg(vm, v)?;
                if i < 0 {
                    (i + n as i64).max(0) as usize
                } else {
                    (i as usize).min(n)
                }
            }
        })
    };
    let start = bound(args.get(2), 0)?;
    let stop = bound(args.get(3), n)?;
    match find(vm, a, &args[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error("array.index(x): x not in array")),
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "count")?;
    nargs("count", args, kw, 1)?;
    let mut c = 0;
    for v in items(a) {
        if vm.eq(&v, &args[1])? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}

fn reverse(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "reverse")?;
    nargs("reverse", args, kw, 0)?;
    let sz = itemsize(a.code);
    let mut d = a.data.borrow_mut();
    let rev: Vec<u8> = d.chunks_exact(sz).rev().flatten().copied().collect();
    *d = rev;
    Ok(Value::None)
}

fn byteswap(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "byteswap")?;
    nargs("byteswap", args, kw, 0)?;
    let sz = itemsize(a.code);
    for c in a.data.borrow_mut().chunks_exact_mut(sz) {
        c.reverse();
    }
    Ok(Value::None)
}

fn buffer_info(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "buffer_info")?;
    nargs("buffer_info", args, kw, 0)?;
    let addr = a.data.borrow().as_ptr() as usize as i64;
    Ok(new_tuple(vec![
        Value::Int(addr),
        Value::Int(n_items(a) as i64),
    ]))
}

fn tobytes(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "tobytes")?;
    nargs("tobytes", args, kw, 0)?;
    let b = a.data.borrow().clone();
    Ok(Value::obj(Object::Bytes(b)))
}

fn frombytes(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "frombytes")?;
    nargs("frombytes", args, kw, 1)?;
    let b = match args[1].as_obj() {
        Some(Object::Bytes(b)) => b.clone(),
        Some(Object::ByteArray(b)) => b.data.borrow().clone(),
        _ => match payload::<Array>(&args[1]) {
            Some(src) => src.data.borrow().clone(),
            None => {
                return Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(&args[1])
                )))
            }
        },
    };
    let b = bytes_data(a.code, &b)?;
    a.data.borrow_mut().extend_from_slice(&b);
    Ok(Value::None)
}

fn tolist(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "tolist")?;
    nargs("tolist", args, kw, 0)?;
    Ok(new_list(items(a)))
}

fn fromlist(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "fromlist")?;
    nargs("fromlist", args, kw, 1)?;
    let Some(Object::List(l)) = args[1].as_obj() else {
        return Err(type_error("arg must be list"));
    };
    let values = l.borrow().clone();
    let b = pack(vm, a.code, &values)?;
    a.data.borrow_mut().extend_from_slice(&b);
    Ok(Value::None)
}

fn tounicode(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "tounicode")?;
    nargs("tounicode", args, kw, 0)?;
    if a.code != b'u' {
        return Err(value_error(
            "tounicode() may only be called on unicode type arrays",
        ));
    }
    let s: String = a
        .data
        .borrow()
        .chunks_exact(4)
        .map(|c| char::from_u32(u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{fffd}'))
        .collect();
    Ok(Value::from_string(s))
}

fn fromunicode(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "fromunicode")?;
    nargs("fromunicode", args, kw, 1)?;
    let Some(s) = args[1].as_str() else {
        return Err(type_error(format!(
            "fromunicode() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    if a.code != b'u' {
        return Err(value_error(
            "fromunicode() may only be called on unicode type arrays",
        ));
    }
    let mut d = a.data.borrow_mut();
    for c in s.chars() {
        d.extend_from_slice(&(c as u32).to_ne_bytes());
    }
    Ok(Value::None)
}

fn getattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "__getattr__")?;
    match args.get(1).and_then(|v| v.as_str()) {
        Some("typecode") => Ok(Value::str(&(a.code as char).to_string())),
        Some("itemsize") => Ok(Value::Int(itemsize(a.code) as i64)),
        n => Err(crate::error::attribute_error(format!(
            "'array.array' object has no attribute '{}'",
            n.unwrap_or("")
        ))),
    }
}

// ---- sequence protocol ------------------------------------------------------------------------------

fn len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(n_items(me(vm, args, "__len__")?) as i64))
}

fn slice_of(v: &Value) -> Option<[Value; 3]> {
    match v.as_obj() {
        Some(Object::Slice(s)) => Some([s[0].clone(), s[1].clone(), s[2].clone()]),
        _ => None,
    }
}

fn item_index(vm: &Vm, key: &Value, n: usize, msg: &str) -> PyResult<usize> {
    let i = match as_int(key) {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(_)) => {
            return Err(index_error(format!(
                "cannot fit 'int' into an index-sized integer"
            )))
        }
        None => {
            return Err(type_error(format!(
                "array indices must be integers, not {}",
                vm.type_name(key)
            )))
        }
    };
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(index_error(msg.to_string()));
    }
    Ok(j as usize)
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "__getitem__")?;
    let key = args.get(1).cloned().unwrap_or(Value::None);
    let n = n_items(a);
    let sz = itemsize(a.code);
    if let Some(sl) = slice_of(&key) {
        let ix = vm.slice_indices(&sl, n)?;
        let d = a.data.borrow();
        let mut out = Vec::with_capacity(ix.len() * sz);
        for i in ix {
            out.extend_from_slice(&d[i * sz..(i + 1) * sz]);
        }
        return Ok(make(a.code, out));
    }
    let i = item_index(vm, &key, n, "array index out of range")?;
    let v = load(a.code, &a.data.borrow()[i * sz..(i + 1) * sz]);
    Ok(v)
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "__setitem__")?;
    let (Some(key), Some(v)) = (args.get(1), args.get(2)) else {
        return Err(type_error("expected 2 arguments"));
    };
    let n = n_items(a);
    let sz = itemsize(a.code);
    if let Some(sl) = slice_of(key) {
        let src = match payload::<Array>(v) {
            Some(b) if b.code == a.code => b.data.borrow().clone(),
            Some(_) => return Err(type_error("bad argument type for built-in operation")),
            None => {
                return Err(type_error(format!(
                    "can only assign array (not \"{}\") to array slice",
                    vm.type_name(v)
                )))
            }
        };
        let (start, stop, step) = vm.slice_adjust(&sl, n)?;
        if step == 1 {
            let lo = start as usize * sz;
            let hi = (stop.max(start) as usize) * sz;
            a.data.borrow_mut().splice(lo..hi, src);
            return Ok(Value::None);
        }
        let ix = vm.slice_indices(&sl, n)?;
        if ix.len() * sz != src.len() {
            return Err(value_error(format!(
                "attempt to assign array of size {} to extended slice of size {}",
                src.len() / sz,
                ix.len()
            )));
        }
        let mut d = a.data.borrow_mut();
        for (k, i) in ix.into_iter().enumerate() {
            d[i * sz..(i + 1) * sz].copy_from_slice(&src[k * sz..(k + 1) * sz]);
        }
        return Ok(Value::None);
    }
    let i = item_index(vm, key, n, "array assignment index out of range")?;
    let mut buf = Vec::with_capacity(8);
    store(vm, a.code, v, &mut buf)?;
    a.data.borrow_mut()[i * sz..(i + 1) * sz].copy_from_slice(&buf);
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "__delitem__")?;
    let key = args.get(1).cloned().unwrap_or(Value::None);
    let n = n_items(a);
    let sz = itemsize(a.code);
    if let Some(sl) = slice_of(&key) {
        let ix = vm.slice_indices(&sl, n)?;
        let mut gone = vec![false; n];
        for i in ix {
            gone[i] = true;
        }
        let mut d = a.data.borrow_mut();
        let kept: Vec<u8> = d
            .chunks_exact(sz)
            .enumerate()
            .filter(|(i, _)| !gone[*i])
            .flat_map(|(_, c)| c.iter().copied())
            .collect();
        *d = kept;
        return Ok(Value::None);
    }
    let i = item_index(vm, &key, n, "array assignment index out of range")?;
    a.data.borrow_mut().drain(i * sz..(i + 1) * sz);
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "__contains__")?;
    let x = args.get(1).cloned().unwrap_or(Value::None);
    let n = n_items(a);
    Ok(Value::Bool(find(vm, a, &x, 0, n)?.is_some()))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    me(vm, args, "__iter__")?;
    Ok(crate::native::new_object(
        &iter_type(),
        ArrayIter {
            arr: RefCell::new(Some(args[0].clone())),
            index: Cell::new(0),
        },
    ))
}

fn iter_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(st) = payload::<ArrayIter>(it) else {
        return Ok(None);
    };
    let arr = st.arr.borrow().clone();
    let Some(arr) = arr else { return Ok(None) };
    let Some(a) = payload::<Array>(&arr) else {
        return Ok(None);
    };
    let i = st.index.get();
    let sz = itemsize(a.code);
    let d = a.data.borrow();
    if (i + 1) * sz > d.len() {
        drop(d);
        *st.arr.borrow_mut() = None;
        return Ok(None);
    }
    st.index.set(i + 1);
    Ok(Some(load(a.code, &d[i * sz..(i + 1) * sz])))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "__repr__")?;
    let code = a.code as char;
    if n_items(a) == 0 {
        return Ok(Value::from_string(format!("array('{}')", code)));
    }
    let inner = if a.code == b'u' {
        let s = tounicode(vm, &args[..1], &KwArgs::default())?;
        vm.repr(&s)?
    } else {
        let l = new_list(items(a));
        vm.repr(&l)?
    };
    Ok(Value::from_string(format!("array('{}', {})", code, inner)))
}

fn not_implemented() -> Value {
    Value::obj(Object::Singleton(crate::object::Singleton::NotImplemented))
}

fn add(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "__add__")?;
    let other = args.get(1).cloned().unwrap_or(Value::None);
    match payload::<Array>(&other) {
        Some(b) if b.code == a.code => {
            let mut d = a.data.borrow().clone();
            d.extend_from_slice(&b.data.borrow());
            Ok(make(a.code, d))
        }
        Some(_) => Err(type_error("bad argument type for built-in operation")),
        None => Err(type_error(format!(
            "can only append array (not \"{}\") to array",
            vm.type_name(&other)
        ))),
    }
}

fn iadd(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "__iadd__")?;
    let other = args.get(1).cloned().unwrap_or(Value::None);
    match payload::<Array>(&other) {
        Some(b) if b.code == a.code => {
            let src = b.data.borrow().clone();
            a.data.borrow_mut().extend_from_slice(&src);
            Ok(args[0].clone())
        }
        Some(_) => Err(type_error("can only extend with array of same kind")),
        None => Err(type_error(format!(
            "can only extend array with array (not \"{}\")",
            vm.type_name(&other)
        ))),
    }
}

fn repeat_count(vm: &Vm, v: &Value) -> PyResult<Option<usize>> {
    match as_int(v) {
        Some(IntRef::Small(n)) => Ok(Some(n.max(0) as usize)),
        Some(IntRef::Big(b)) if b.sign() == num_bigint::Sign::Minus => Ok(Some(0)),
        Some(IntRef::Big(_)) => Err(PyErr::bare(ExcKind::MemoryError)),
        None => {
            let _ = vm;
            Ok(None)
        }
    }
}

fn repeated(a: &Array, n: usize) -> PyResult<Vec<u8>> {
    let d = a.data.borrow();
    let total = d
        .len()
        .checked_mul(n)
        .ok_or_else(crate::alloc::memory_error)?;
    let mut out = crate::alloc::vec(total)?;
    for _ in 0..n {
        out.extend_from_slice(&d);
    }
    Ok(out)
}

fn mul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "__mul__")?;
    let other = args.get(1).cloned().unwrap_or(Value::None);
    match repeat_count(vm, &other)? {
        Some(n) => Ok(make(a.code, repeated(a, n)?)),
        None => Ok(not_implemented()),
    }
}

fn imul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "__imul__")?;
    let other = args.get(1).cloned().unwrap_or(Value::None);
    match repeat_count(vm, &other)? {
        Some(n) => {
            let d = repeated(a, n)?;
            *a.data.borrow_mut() = d;
            Ok(args[0].clone())
        }
        None => Ok(not_implemented()),
    }
}

/// Rich comparison of two arrays: item by item like lists (any typecodes); NotImplemented otherwise.
fn compare(vm: &mut Vm, args: &[Value], op: crate::bytecode::CmpOp) -> PyResult<Value> {
    let a = me(vm, args, "__eq__")?;
    let other = args.get(1).cloned().unwrap_or(Value::None);
    let Some(b) = payload::<Array>(&other) else {
        return Ok(not_implemented());
    };
    let l = new_list(items(a));
    let r = new_list(items(b));
    vm.compare(&l, &r, op)
}

fn eq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    compare(vm, args, crate::bytecode::CmpOp::Eq)
}
fn ne(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    compare(vm, args, crate::bytecode::CmpOp::Ne)
}
fn lt(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    compare(vm, args, crate::bytecode::CmpOp::Lt)
}
fn le(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    compare(vm, args, crate::bytecode::CmpOp::Le)
}
fn gt(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    compare(vm, args, crate::bytecode::CmpOp::Gt)
}
fn ge(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    compare(vm, args, crate::bytecode::CmpOp::Ge)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = me(vm, args, "__copy__")?;
    let d = a.data.borrow().clone();
    Ok(make(a.code, d))
}
