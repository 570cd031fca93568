//! Methods shared by `bytes` and `bytearray` (CPython's bytes_methods.c): every non-mutating method is
//! registered on both types, with the type passed as a `Kind` so results and messages name the right one
//! (`bytearray(b"a b").split()` gives bytearrays). The mutating bytearray methods are in bytearray.rs.
//!
//! `self` of a bytearray is borrowed for the duration of a method (`Buf::Cell`); none of these methods
//! runs Python code or mutates anything while the borrow is held.

use super::util::{
    adjust, bad_self, bind, index_arg, new_list, new_tuple, old_args, pos_only, slice_arg,
};
use crate::builtins::{method, method_args, no_kwargs};
use crate::error::{type_error, value_error, PyErr, PyResult};
use crate::object::{ByteArray, KwArgs, Object};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Ref;
use std::ops::Deref;

/// Which of the two types a method runs for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Bytes,
    ByteArray,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Bytes => "bytes",
            Kind::ByteArray => "bytearray",
        }
    }
    /// A new object of this kind.
    pub fn make(self, v: Vec<u8>) -> Value {
        match self {
            Kind::Bytes => Value::obj(Object::Bytes(v)),
            Kind::ByteArray => Value::obj(Object::ByteArray(ByteArray::new(v))),
        }
    }
    pub fn of(v: &Value) -> Option<Kind> {
        match v.as_obj() {
            Some(Object::Bytes(_)) => Some(Kind::Bytes),
            Some(Object::ByteArray(_)) => Some(Kind::ByteArray),
            _ => None,
        }
    }
}

/// The contents of a bytes-like object: borrowed from a bytes, from a bytearray's cell, or copied (a
/// strided memoryview).
pub enum Buf<'a> {
    Slice(&'a [u8]),
    Cell(Ref<'a, [u8]>),
    Owned(Vec<u8>),
}

impl Deref for Buf<'_> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Buf::Slice(s) => s,
            Buf::Cell(r) => r,
            Buf::Owned(v) => v,
        }
    }
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview); None for anything else.
pub fn buffer(v: &Value) -> Option<PyResult<Buf<'_>>> {
    match v.as_obj()? {
        Object::Bytes(b) => Some(Ok(Buf::Slice(b))),
        Object::ByteArray(b) => Some(Ok(Buf::Cell(Ref::map(b.data.borrow(), |v| v.as_slice())))),
        Object::MemoryView(m) => Some(super::memoryview::view_bytes(m)),
        _ => None,
    }
}

/// A bytes-like argument: "a bytes-like object is required, not 'str'".
pub fn buf<'a>(vm: &Vm, v: &'a Value) -> PyResult<Buf<'a>> {
    match buffer(v) {
        Some(r) => r,
        None => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// `self`, checked to be of kind `k` ("descriptor 'upper' for 'bytes' objects doesn't apply to ...").
fn this<'a>(vm: &Vm, args: &'a [Value], k: Kind, meth: &str) -> PyResult<Buf<'a>> {
    match (k, args.first().and_then(|v| v.as_obj())) {
        (Kind::Bytes, Some(Object::Bytes(b))) => Ok(Buf::Slice(b)),
        (Kind::ByteArray, Some(Object::ByteArray(b))) => {
            Ok(Buf::Cell(Ref::map(b.data.borrow(), |v| v.as_slice())))
        }
        _ => Err(bad_self(vm, args, k.name(), meth)),
    }
}

/// The result when nothing changed: bytes return themselves, a bytearray result is always new.
fn same(args: &[Value], k: Kind, data: &[u8]) -> Value {
    match k {
        Kind::Bytes => args[0].clone(),
        Kind::ByteArray => k.make(data.to_vec()),
    }
}

macro_rules! register {
    ($t:expr, $kind:expr, $($name:literal => $f:ident),* $(,)?) => {
        $( method(&$t, $name, |vm, a, kw| $f(vm, a, kw, $kind)); )*
    };
}

macro_rules! register_all {
    ($t:expr, $kind:expr) => {
        register!($t, $kind,
            "decode" => decode, "hex" => hex, "fromhex" => fromhex, "count" => count,
            "find" => find, "rfind" => rfind, "index" => index, "rindex" => rindex,
            "startswith" => startswith, "endswith" => endswith, "split" => split,
            "rsplit" => rsplit, "splitlines" => splitlines, "join" => join, "upper" => upper,
            "lower" => lower, "swapcase" => swapcase, "capitalize" => capitalize, "title" => title,
            "strip" => strip, "lstrip" => lstrip, "rstrip" => rstrip, "replace" => replace,
            "partition" => partition, "rpartition" => rpartition, "removeprefix" => removeprefix,
            "removesuffix" => removesuffix, "center" => center, "ljust" => ljust, "rjust" => rjust,
            "zfill" => zfill, "expandtabs" => expandtabs, "translate" => translate,
            "maketrans" => maketrans, "isdigit" => isdigit, "isalpha" => isalpha,
            "isalnum" => isalnum, "isspace" => isspace, "isupper" => isupper,
            "islower" => islower, "istitle" => istitle, "isascii" => isascii,
        );
    };
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.bytes.clone();
    register_all!(t, Kind::Bytes);
    let t = vm.types.bytearray.clone();
    register_all!(t, Kind::ByteArray);
}

/// The needle of find/count/index/`in`: bytes-like or an int in range(256).
pub fn needle<'a>(vm: &Vm, v: &'a Value) -> PyResult<Buf<'a>> {
    if let Some(b) = buffer(v) {
        return b;
    }
    if v.is_int_like() {
        return match v.as_i64() {
            Some(i) if (0..256).contains(&i) => Ok(Buf::Owned(vec![i as u8])),
            _ => Err(value_error("byte must be in range(0, 256)")),
        };
    }
    Err(type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        vm.type_name(v)
    )))
}

pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

pub fn find_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    match sub.len() {
        0 => Some(0),
        1 => hay.iter().position(|&b| b == sub[0]),
        n if n > hay.len() => None,
        n => hay.windows(n).position(|w| w == sub),
    }
}

fn rfind_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    match sub.len() {
        0 => Some(hay.len()),
        1 => hay.iter().rposition(|&b| b == sub[0]),
        n if n > hay.len() => None,
        n => hay.windows(n).rposition(|w| w == sub),
    }
}

/// Non-overlapping occurrences, left to right (at most `max`).
fn occurrences(hay: &[u8], sub: &[u8], max: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while out.len() < max && i + sub.len() <= hay.len() {
        match find_sub(&hay[i..], sub) {
            Some(p) => {
                out.push(i + p);
                i += p + sub.len();
            }
            None => break,
        }
    }
    out
}

// ---- decode / hex -------------------------------------------------------------------------------------

fn decode(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = this(vm, args, k, "decode")?;
    let a = bind("decode", &args[1..], kw, &["encoding", "errors"], 0)?;
    let encoding = match &a[0] {
        Some(v) => v.as_str().ok_or_else(|| {
            type_error(format!(
                "decode() argument 'encoding' must be str, not {}",
                vm.type_name(v)
            ))
        })?,
        None => "utf-8",
    };
    let errors = match &a[1] {
        Some(v) => v.as_str().ok_or_else(|| {
            type_error(format!(
                "decode() argument 'errors' must be str, not {}",
                vm.type_name(v)
            ))
        })?,
        None => "strict",
    };
    Ok(Value::from_string(super::codecs::decode(
        &data, encoding, errors,
    )?))
}

/// `hex(sep=None, bytes_per_sep=1)` (bytes, bytearray and memoryview).
pub fn hex_of(vm: &Vm, data: &[u8], fname: &str, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = bind(fname, args, kw, &["sep", "bytes_per_sep"], 0)?;
    let sep: Option<char> = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let chars: Vec<char> = match (v.as_str(), buffer(v)) {
                (Some(s), _) => s.chars().collect(),
                (None, Some(b)) => b?.iter().map(|&b| b as char).collect(),
                _ => {
                    return Err(type_error(format!(
                        "object of type '{}' has no len()",
                        vm.type_name(v)
                    )))
                }
            };
            if chars.len() != 1 {
                return Err(value_error("sep must be length 1."));
            }
            if !chars[0].is_ascii() {
                return Err(value_error("sep must be ASCII."));
            }
            Some(chars[0])
        }
    };
    let per = match &a[1] {
        Some(v) => index_arg(vm, v)?,
        None => 1,
    };
    // CPython's bytes_per_sep is a C int.
    if i32::try_from(per).is_err() {
        return Err(crate::error::overflow_error(
            "Python int too large to convert to C int",
        ));
    }
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let len = data.len();
    let mut s = String::with_capacity(len * 3);
    let n = per.unsigned_abs() as usize;
    for (i, &b) in data.iter().enumerate() {
        if let Some(sep) = sep {
            // Groups are counted from the right for a positive bytes_per_sep, from the left otherwise.
            if i > 0
                && n != 0
                && (if per > 0 {
                    (len - i).is_multiple_of(n)
                } else {
                    i % n == 0
                })
            {
                s.push(sep);
            }
        }
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    Ok(Value::from_string(s))
}

fn hex(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = this(vm, args, k, "hex")?;
    hex_of(vm, &data, "hex", &args[1..], kw)
}

/// A class method: `bytes.fromhex(s)` receives exactly the call's arguments; through an instance the
/// receiver comes first and is dropped.
fn fromhex(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let args = if args.len() >= 2 && Kind::of(&args[0]) == Some(k) {
        &args[1..]
    } else {
        args
    };
    no_kwargs(&format!("{}.fromhex", k.name()), kw)?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "{}.fromhex() takes exactly one argument ({} given)",
            k.name(),
            args.len()
        )));
    }
    let Some(s) = args[0].as_str() else {
        return Err(type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let digit = |c: Option<&char>| c.filter(|c| c.is_ascii()).and_then(|c| c.to_digit(16));
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        match (digit(chars.get(i)), digit(chars.get(i + 1))) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) => {
                return Err(value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
            _ => {
                return Err(value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i
                )))
            }
        }
        i += 2;
    }
    Ok(k.make(out))
}

// ---- searching ----------------------------------------------------------------------------------------

fn find_impl(
    vm: &Vm,
    args: &[Value],
    kw: &KwArgs,
    k: Kind,
    name: &str,
    last: bool,
) -> PyResult<i64> {
    let data = this(vm, args, k, name)?;
    old_args(name, args, kw, k.name(), 1, 3)?;
    let sub = needle(vm, &args[1])?;
    let (s, e) = adjust(slice_arg(args.get(2))?, slice_arg(args.get(3))?, data.len());
    if e - s < sub.len() as i64 {
        return Ok(-1);
    }
    let hay = &data[s as usize..e as usize];
    let r = if last {
        rfind_sub(hay, &sub)
    } else {
        find_sub(hay, &sub)
    };
    Ok(r.map_or(-1, |p| s + p as i64))
}

fn find(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    find_impl(vm, args, kw, k, "find", false).map(Value::Int)
}

fn rfind(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    find_impl(vm, args, kw, k, "rfind", true).map(Value::Int)
}

fn index(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    match find_impl(vm, args, kw, k, "index", false)? {
        -1 => Err(value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    match find_impl(vm, args, kw, k, "rindex", true)? {
        -1 => Err(value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = this(vm, args, k, "count")?;
    old_args("count", args, kw, k.name(), 1, 3)?;
    let sub = needle(vm, &args[1])?;
    let (s, e) = adjust(slice_arg(args.get(2))?, slice_arg(args.get(3))?, data.len());
    if e - s < sub.len() as i64 {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int(e - s + 1));
    }
    let hay = &data[s as usize..e as usize];
    if sub.len() == 1 {
        return Ok(Value::Int(
            hay.iter().filter(|&&b| b == sub[0]).count() as i64
        ));
    }
    Ok(Value::Int(occurrences(hay, &sub, usize::MAX).len() as i64))
}

fn tailmatch(data: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let (s, mut e) = adjust(start, end, data.len());
    let n = sub.len() as i64;
    e -= n;
    if e < s {
        return false;
    }
    if n == 0 {
        return true;
    }
    let hay = &data[s as usize..(e + n) as usize];
    if at_end {
        hay.ends_with(sub)
    } else {
        hay.starts_with(sub)
    }
}

fn starts_ends(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    k: Kind,
    name: &str,
    at_end: bool,
) -> PyResult<Value> {
    let data = this(vm, args, k, name)?;
    old_args(name, args, kw, k.name(), 1, 3)?;
    let start = slice_arg(args.get(2))?;
    let end = slice_arg(args.get(3))?;
    if let Some(Object::Tuple(items)) = args[1].as_obj() {
        for x in items {
            let sub = buf(vm, x)?;
            if tailmatch(&data, &sub, start, end, at_end) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    match buffer(&args[1]) {
        Some(sub) => Ok(Value::Bool(tailmatch(&data, &sub?, start, end, at_end))),
        None => Err(type_error(format!(
            "{} first arg must be bytes or a tuple of bytes, not {}",
            name,
            vm.type_name(&args[1])
        ))),
    }
}

fn startswith(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    starts_ends(vm, args, kw, k, "startswith", false)
}
fn endswith(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    starts_ends(vm, args, kw, k, "endswith", true)
}

// ---- split / join ---------------------------------------------------------------------------------------

fn split_args<'a>(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kw: &KwArgs,
    a: &'a mut Vec<Option<Value>>,
) -> PyResult<(Option<Buf<'a>>, usize)> {
    *a = bind(fname, &args[1..], kw, &["sep", "maxsplit"], 0)?;
    let maxsplit = match &a[1] {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let sep = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let b = buf(vm, v)?;
            if b.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(b)
        }
    };
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    Ok((sep, max))
}

fn pieces(k: Kind, parts: Vec<&[u8]>) -> Value {
    new_list(parts.into_iter().map(|p| k.make(p.to_vec())).collect())
}

fn split(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = this(vm, args, k, "split")?;
    let mut a = Vec::new();
    let (sep, max) = split_args(vm, "split", args, kw, &mut a)?;
    let mut out: Vec<&[u8]> = Vec::new();
    match sep {
        Some(sep) => {
            let mut i = 0;
            for p in occurrences(&data, &sep, max) {
                out.push(&data[i..p]);
                i = p + sep.len();
            }
            out.push(&data[i..]);
        }
        None => {
            let mut i = 0;
            let n = data.len();
            loop {
                while i < n && is_space(data[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if out.len() == max {
                    out.push(&data[i..]);
                    break;
                }
                let j = i;
                while i < n && !is_space(data[i]) {
                    i += 1;
                }
                out.push(&data[j..i]);
            }
        }
    }
    Ok(pieces(k, out))
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = this(vm, args, k, "rsplit")?;
    let mut a = Vec::new();
    let (sep, max) = split_args(vm, "rsplit", args, kw, &mut a)?;
    let mut out: Vec<&[u8]> = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = data.len();
            while out.len() < max {
                match rfind_sub(&data[..end], &sep) {
                    Some(p) => {
                        out.push(&data[p + sep.len()..end]);
                        end = p;
                    }
                    None => break,
                }
            }
            out.push(&data[..end]);
        }
        None => {
            let mut i = data.len();
            loop {
                while i > 0 && is_space(data[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if out.len() == max {
                    out.push(&data[..i]);
                    break;
                }
                let j = i;
                while i > 0 && !is_space(data[i - 1]) {
                    i -= 1;
                }
                out.push(&data[i..j]);
            }
        }
    }
    out.reverse();
    Ok(pieces(k, out))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = this(vm, args, k, "splitlines")?;
    let a = bind("splitlines", &args[1..], kw, &["keepends"], 0)?;
    let keep = match &a[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    let n = data.len();
    while i < n {
        let start = i;
        while i < n && data[i] != b'\n' && data[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if data[i] == b'\r' && i + 1 < n && data[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        out.push(&data[start..eol]);
    }
    Ok(pieces(k, out))
}

fn join(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    drop(this(vm, args, k, "join")?);
    no_kwargs(&format!("{}.join", k.name()), kw)?;
    method_args(&format!("{}.join", k.name()), args, 1, 1)?;
    if !vm.is_iterable(&args[1]) {
        return Err(type_error("can only join an iterable"));
    }
    // Collected before borrowing self: iterating may run Python code.
    let items = vm.collect(args[1].clone())?;
    let sep = this(vm, args, k, "join")?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match buffer(x) {
            Some(b) => out.extend_from_slice(&b?),
            None => {
                return Err(type_error(format!(
                    "sequence item {}: expected a bytes-like object, {} found",
                    i,
                    vm.type_name(x)
                )))
            }
        }
    }
    Ok(k.make(out))
}

fn partition_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    k: Kind,
    name: &str,
    last: bool,
) -> PyResult<Value> {
    let data = this(vm, args, k, name)?;
    let q = format!("{}.{}", k.name(), name);
    no_kwargs(&q, kw)?;
    method_args(&q, args, 1, 1)?;
    let sep = buf(vm, &args[1])?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    // bytes hands back the separator object itself; bytearray always copies.
    let sep_value = |s: &[u8]| match k {
        Kind::Bytes => args[1].clone(),
        Kind::ByteArray => k.make(s.to_vec()),
    };
    let found = if last {
        rfind_sub(&data, &sep)
    } else {
        find_sub(&data, &sep)
    };
    Ok(match found {
        Some(p) => new_tuple(vec![
            k.make(data[..p].to_vec()),
            sep_value(&sep),
            k.make(data[p + sep.len()..].to_vec()),
        ]),
        None => {
            let whole = same(args, k, &data);
            if last {
                new_tuple(vec![k.make(vec![]), k.make(vec![]), whole])
            } else {
                new_tuple(vec![whole, k.make(vec![]), k.make(vec![])])
            }
        }
    })
}

fn partition(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    partition_impl(vm, args, kw, k, "partition", false)
}

fn rpartition(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    partition_impl(vm, args, kw, k, "rpartition", true)
}

// ---- transformations ----------------------------------------------------------------------------------

fn noargs<'a>(vm: &Vm, args: &'a [Value], kw: &KwArgs, k: Kind, name: &str) -> PyResult<Buf<'a>> {
    let data = this(vm, args, k, name)?;
    pos_only(k.name(), name, true, args, kw, 0, 0)?;
    Ok(data)
}

fn upper(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    Ok(k.make(noargs(vm, args, kw, k, "upper")?.to_ascii_uppercase()))
}

fn lower(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    Ok(k.make(noargs(vm, args, kw, k, "lower")?.to_ascii_lowercase()))
}

fn swapcase(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = noargs(vm, args, kw, k, "swapcase")?;
    Ok(k.make(
        data.iter()
            .map(|&b| if b.is_ascii_alphabetic() { b ^ 0x20 } else { b })
            .collect(),
    ))
}

fn capitalize(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = noargs(vm, args, kw, k, "capitalize")?;
    Ok(k.make(
        data.iter()
            .enumerate()
            .map(|(i, b)| {
                if i == 0 {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect(),
    ))
}

fn title(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = noargs(vm, args, kw, k, "title")?;
    let mut prev_cased = false;
    let mut out = Vec::with_capacity(data.len());
    for &b in data.iter() {
        if b.is_ascii_alphabetic() {
            out.push(if prev_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            });
            prev_cased = true;
        } else {
            out.push(b);
            prev_cased = false;
        }
    }
    Ok(k.make(out))
}

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    k: Kind,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let data = this(vm, args, k, name)?;
    pos_only(k.name(), name, false, args, kw, 0, 1)?;
    let set: Option<Buf> = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(buf(vm, v)?),
    };
    let strip_it = |b: u8| match &set {
        None => is_space(b),
        Some(s) => s.contains(&b),
    };
    let mut i = 0;
    let mut j = data.len();
    if left {
        while i < j && strip_it(data[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip_it(data[j - 1]) {
            j -= 1;
        }
    }
    Ok(if i == 0 && j == data.len() {
        same(args, k, &data)
    } else {
        k.make(data[i..j].to_vec())
    })
}

fn strip(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    strip_impl(vm, args, kw, k, "strip", true, true)
}
fn lstrip(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    strip_impl(vm, args, kw, k, "lstrip", true, false)
}
fn rstrip(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    strip_impl(vm, args, kw, k, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = this(vm, args, k, "replace")?;
    no_kwargs(&format!("{}.replace", k.name()), kw)?;
    method_args("replace", args, 2, 3)?;
    let old = buf(vm, &args[1])?;
    let new = buf(vm, &args[2])?;
    let count = match args.get(3) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = Vec::new();
    // Allocate the result first: a huge one is a MemoryError, not an abort.
    let mut grow = |hits: usize| -> PyResult<()> {
        let extra = hits.saturating_mul(new.len().saturating_sub(old.len()));
        out = crate::alloc::vec(data.len().saturating_add(extra))?;
        Ok(())
    };
    if old.is_empty() {
        grow((data.len() + 1).min(max))?;
        // Insert `new` before every byte and at the end, up to `max` times.
        let mut n = 0;
        for &b in data.iter() {
            if n < max {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(b);
        }
        if n < max {
            out.extend_from_slice(&new);
        }
    } else {
        let occ = occurrences(&data, &old, max);
        if occ.is_empty() {
            return Ok(same(args, k, &data));
        }
        grow(occ.len())?;
        let mut i = 0;
        for p in occ {
            out.extend_from_slice(&data[i..p]);
            out.extend_from_slice(&new);
            i = p + old.len();
        }
        out.extend_from_slice(&data[i..]);
    }
    Ok(k.make(out))
}

fn remove_affix(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    k: Kind,
    name: &str,
    suffix: bool,
) -> PyResult<Value> {
    let data = this(vm, args, k, name)?;
    let q = format!("{}.{}", k.name(), name);
    no_kwargs(&q, kw)?;
    method_args(&q, args, 1, 1)?;
    let p = buf(vm, &args[1])?;
    let rest = if suffix {
        data.strip_suffix(&p[..])
    } else {
        data.strip_prefix(&p[..])
    };
    Ok(match rest {
        Some(r) if !p.is_empty() => k.make(r.to_vec()),
        _ => same(args, k, &data),
    })
}

fn removeprefix(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    remove_affix(vm, args, kw, k, "removeprefix", false)
}

fn removesuffix(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    remove_affix(vm, args, kw, k, "removesuffix", true)
}

// ---- padding ------------------------------------------------------------------------------------------

fn pad_args<'a>(
    vm: &Vm,
    args: &'a [Value],
    kw: &KwArgs,
    k: Kind,
    name: &str,
) -> PyResult<(Buf<'a>, usize, u8)> {
    let data = this(vm, args, k, name)?;
    pos_only(k.name(), name, false, args, kw, 1, 2)?;
    let width = index_arg(vm, &args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(v) => match (v.as_obj(), buffer(v)) {
            (Some(Object::Bytes(_) | Object::ByteArray(_)), Some(b))
                if b.as_ref().is_ok_and(|b| b.len() == 1) =>
            {
                b?[0]
            }
            _ => {
                return Err(type_error(format!(
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    name,
                    vm.type_name(v)
                )))
            }
        },
    };
    Ok((data, width.max(0) as usize, fill))
}

fn padded(
    args: &[Value],
    k: Kind,
    data: &[u8],
    left: usize,
    right: usize,
    fill: u8,
) -> PyResult<Value> {
    if left == 0 && right == 0 {
        return Ok(same(args, k, data));
    }
    let mut out = crate::alloc::vec(data.len() + left + right)?;
    out.resize(left, fill);
    out.extend_from_slice(data);
    out.resize(left + data.len() + right, fill);
    Ok(k.make(out))
}

fn center(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let (data, width, fill) = pad_args(vm, args, kw, k, "center")?;
    let marg = width.saturating_sub(data.len());
    let left = marg / 2 + (marg & width & 1);
    padded(args, k, &data, left, marg - left, fill)
}

fn ljust(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let (data, width, fill) = pad_args(vm, args, kw, k, "ljust")?;
    let marg = width.saturating_sub(data.len());
    padded(args, k, &data, 0, marg, fill)
}

fn rjust(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let (data, width, fill) = pad_args(vm, args, kw, k, "rjust")?;
    let marg = width.saturating_sub(data.len());
    padded(args, k, &data, marg, 0, fill)
}

fn zfill(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = this(vm, args, k, "zfill")?;
    let q = format!("{}.zfill", k.name());
    no_kwargs(&q, kw)?;
    method_args(&q, args, 1, 1)?;
    let width = index_arg(vm, &args[1])?.max(0) as usize;
    if width <= data.len() {
        return Ok(same(args, k, &data));
    }
    let fill = width - data.len();
    let mut out = crate::alloc::vec(width)?;
    let rest: &[u8] = match data.first() {
        Some(&c @ (b'+' | b'-')) => {
            out.push(c);
            &data[1..]
        }
        _ => &data,
    };
    out.resize(out.len() + fill, b'0');
    out.extend_from_slice(rest);
    Ok(k.make(out))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = this(vm, args, k, "expandtabs")?;
    let a = bind("expandtabs", &args[1..], kw, &["tabsize"], 0)?;
    let tabsize = match &a[0] {
        Some(v) => index_arg(vm, v)?,
        None => 8,
    };
    // CPython's tabsize is a C int.
    if i32::try_from(tabsize).is_err() {
        return Err(crate::error::overflow_error(
            "Python int too large to convert to C int",
        ));
    }
    if !data.contains(&b'\t') {
        return Ok(same(args, k, &data));
    }
    let mut out = Vec::with_capacity(data.len());
    let mut col: i64 = 0;
    for &c in data.iter() {
        if c == b'\t' {
            if tabsize > 0 {
                let incr = tabsize - (col % tabsize);
                col += incr;
                crate::alloc::check(out.len().saturating_add(incr as usize), 1)?;
                out.try_reserve(incr as usize)
                    .map_err(|_| crate::alloc::memory_error())?;
                out.resize(out.len() + incr as usize, b' ');
            }
        } else {
            out.push(c);
            col += 1;
            if c == b'\n' || c == b'\r' {
                col = 0;
            }
        }
    }
    Ok(k.make(out))
}

// ---- translate ----------------------------------------------------------------------------------------

/// `bytes.maketrans(frm, to)`: a static method (always returns bytes); through an instance the receiver
/// comes first and is dropped.
fn maketrans(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let args = if args.len() == 3 && Kind::of(&args[0]) == Some(k) {
        &args[1..]
    } else {
        args
    };
    no_kwargs("maketrans", kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "maketrans expected 2 arguments, got {}",
            args.len()
        )));
    }
    let frm = buf(vm, &args[0])?;
    let to = buf(vm, &args[1])?;
    if frm.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (&a, &b) in frm.iter().zip(to.iter()) {
        table[a as usize] = b;
    }
    Ok(Kind::Bytes.make(table))
}

fn translate(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = this(vm, args, k, "translate")?;
    let a = bind_translate(args, kw)?;
    let table = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = buf(vm, v)?;
            if t.len() != 256 {
                return Err(value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match &a[1] {
        None => None,
        Some(v) => Some(buf(vm, v)?),
    };
    let mut del = [false; 256];
    if let Some(d) = &delete {
        for &b in d.iter() {
            del[b as usize] = true;
        }
    }
    if table.is_none() && delete.as_ref().is_none_or(|d| d.is_empty()) {
        return Ok(same(args, k, &data));
    }
    let out: Vec<u8> = data
        .iter()
        .filter(|&&b| !del[b as usize])
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(k.make(out))
}

/// translate(table, /, delete=b''): the table is positional-only.
fn bind_translate(args: &[Value], kw: &KwArgs) -> PyResult<Vec<Option<Value>>> {
    let pos = &args[1..];
    if pos.len() > 2 {
        return Err(type_error(format!(
            "translate() takes at most 2 arguments ({} given)",
            pos.len() + kw.len()
        )));
    }
    let mut out = vec![pos.first().cloned(), pos.get(1).cloned()];
    for (name, v) in kw {
        if &**name == "delete" && out[1].is_none() {
            out[1] = Some(v.clone());
        } else if &**name == "delete" {
            return Err(type_error(
                "argument for translate() given by name ('delete') and position (2)",
            ));
        } else {
            return Err(type_error(format!(
                "'{}' is an invalid keyword argument for translate()",
                name
            )));
        }
    }
    if out[0].is_none() {
        return Err(type_error(
            "translate() takes at least 1 argument (0 given)",
        ));
    }
    Ok(out)
}

// ---- predicates (ASCII) ---------------------------------------------------------------------------------

fn all_bytes(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    k: Kind,
    name: &str,
    f: fn(u8) -> bool,
) -> PyResult<Value> {
    let data = noargs(vm, args, kw, k, name)?;
    Ok(Value::Bool(!data.is_empty() && data.iter().all(|&b| f(b))))
}

fn isdigit(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    all_bytes(vm, args, kw, k, "isdigit", |b| b.is_ascii_digit())
}
fn isalpha(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    all_bytes(vm, args, kw, k, "isalpha", |b| b.is_ascii_alphabetic())
}
fn isalnum(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    all_bytes(vm, args, kw, k, "isalnum", |b| b.is_ascii_alphanumeric())
}
fn isspace(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    all_bytes(vm, args, kw, k, "isspace", is_space)
}

fn isascii(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = noargs(vm, args, kw, k, "isascii")?;
    Ok(Value::Bool(data.is_ascii()))
}

fn isupper(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = noargs(vm, args, kw, k, "isupper")?;
    Ok(Value::Bool(
        data.iter().any(|b| b.is_ascii_uppercase()) && !data.iter().any(|b| b.is_ascii_lowercase()),
    ))
}

fn islower(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = noargs(vm, args, kw, k, "islower")?;
    Ok(Value::Bool(
        data.iter().any(|b| b.is_ascii_lowercase()) && !data.iter().any(|b| b.is_ascii_uppercase()),
    ))
}

fn istitle(vm: &mut Vm, args: &[Value], kw: &KwArgs, k: Kind) -> PyResult<Value> {
    let data = noargs(vm, args, kw, k, "istitle")?;
    // Uppercase letters only after uncased bytes, lowercase only after cased ones; at least one cased.
    let mut cased = false;
    let mut prev_cased = false;
    for &b in data.iter() {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

/// Errors raised when a memoryview is used after `release()`.
pub fn released_error() -> PyErr {
    value_error("operation forbidden on released memoryview object")
}

/// `item in data` for bytes and bytearray: an int in range(256) or a bytes-like subsequence.
pub fn bytes_contains(vm: &Vm, data: &[u8], item: &Value) -> PyResult<bool> {
    if item.is_int_like() {
        let b = super::bytearray::byte_value(vm, item)?;
        return Ok(data.contains(&b));
    }
    match buffer(item) {
        Some(sub) => Ok(find_sub(data, &sub?).is_some()),
        None => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(item)
        ))),
    }
}

/// Equality of two bytes/bytearray values.
pub fn bytes_like_eq(a: &Value, b: &Value) -> bool {
    match (buffer(a), buffer(b)) {
        (Some(Ok(x)), Some(Ok(y))) => *x == *y,
        _ => false,
    }
}
