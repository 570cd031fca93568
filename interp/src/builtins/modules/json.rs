//! `_json`: the native JSON encoder and decoder behind `json` (interp/lib/json/). The Python layer owns the
//! API surface (`dumps`, `JSONEncoder`, `JSONDecodeError`...); these two functions do the work:
//!
//! - `encode(obj, skipkeys, ensure_ascii, check_circular, allow_nan, sort_keys, indent, item_sep, key_sep,
//!   default)` → str, byte-for-byte CPython's output (the C encoder's, and for `indent` the pure-Python one's).
//! - `scan(s, idx, strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, errcls,
//!   whole)`
//!   → `(value, end)`, or with a 10th argument `whole` true the value of the whole document (JSONDecoder.decode); errors are raised as `errcls(msg, s, pos)` (JSONDecodeError) with CPython's messages
//!   and positions. `s` is scanned as UTF-8 bytes; positions become code-point indices only when an error
//!   or the end index is reported.

use crate::builtins::register;
use crate::bytecode::CmpOp;
use crate::dict::Dict;
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

pub(super) fn init(_vm: &mut Vm, d: &ObjRef) {
    register(d, "encode", encode);
    register(d, "scan", scan);
    register(d, "encode_basestring", |_vm, a, _k| {
        let s = a.first().and_then(|v| v.as_str()).unwrap_or("");
        let mut out = String::new();
        quote(&mut out, s, false);
        Ok(Value::from_string(out))
    });
    register(d, "encode_basestring_ascii", |_vm, a, _k| {
        let s = a.first().and_then(|v| v.as_str()).unwrap_or("");
        let mut out = String::new();
        quote(&mut out, s, true);
        Ok(Value::from_string(out))
    });
}

// ---- encoding --------------------------------------------------------------------------------------------

struct Encoder {
    skipkeys: bool,
    ensure_ascii: bool,
    check_circular: bool,
    allow_nan: bool,
    sort_keys: bool,
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    default: Value,
    /// Identities of the containers being encoded (circular reference check).
    markers: Vec<i64>,
    level: usize,
    out: String,
}

fn arg_bool(vm: &mut Vm, a: &[Value], i: usize) -> PyResult<bool> {
    match a.get(i) {
        Some(v) => vm.truthy(v),
        None => Ok(false),
    }
}

fn encode(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if a.len() != 10 {
        return Err(type_error("_json.encode expects 10 arguments"));
    }
    let indent = match &a[6] {
        Value::None => None,
        v => match v.as_str() {
            Some(s) => Some(s.to_string()),
            None => return Err(type_error("indent must be a str or None")),
        },
    };
    let sep = |v: &Value| {
        v.as_str()
            .map(|s| s.to_string())
            .ok_or_else(|| type_error("separators must be strings"))
    };
    let mut e = Encoder {
        skipkeys: arg_bool(vm, a, 1)?,
        ensure_ascii: arg_bool(vm, a, 2)?,
        check_circular: arg_bool(vm, a, 3)?,
        allow_nan: arg_bool(vm, a, 4)?,
        sort_keys: arg_bool(vm, a, 5)?,
        indent,
        item_sep: sep(&a[7])?,
        key_sep: sep(&a[8])?,
        default: a[9].clone(),
        markers: Vec::new(),
        level: 0,
        out: String::new(),
    };
    e.value(vm, &a[0])?;
    Ok(Value::from_string(e.out))
}

/// `"..."` with JSON escapes (CPython's `py_encode_basestring[_ascii]`).
fn quote(out: &mut String, s: &str, ascii: bool) {
    out.reserve(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii && (c as u32) > 0x7e) => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Encoder {
    fn float(&mut self, x: f64) -> PyResult<()> {
        if x.is_finite() {
            self.out.push_str(&crate::numfmt::float_repr(x));
            return Ok(());
        }
        if !self.allow_nan {
            return Err(value_error(
                "Out of range float values are not JSON compliant",
            ));
        }
        self.out.push_str(if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    fn newline(&mut self) {
        if let Some(ind) = &self.indent {
            self.out.push('\n');
            for _ in 0..self.level {
                self.out.push_str(ind);
            }
        }
    }

    fn enter(&mut self, v: &Value) -> PyResult<()> {
        if self.check_circular {
            let id = v.identity();
            if self.markers.contains(&id) {
                return Err(value_error("Circular reference detected"));
            }
            self.markers.push(id);
        }
        Ok(())
    }

    fn leave(&mut self) {
        if self.check_circular {
            self.markers.pop();
        }
    }

    fn value(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        match v {
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            Value::Int(i) => self.out.push_str(&i.to_string()),
            Value::Float(f) => self.float(*f)?,
            Value::Obj(o) => match &**o {
                Object::Str(s) => quote(&mut self.out, s.as_str(), self.ensure_ascii),
                Object::Int(b) => self.out.push_str(&b.to_string()),
                Object::List(_) | Object::Tuple(_) => self.array(vm, v)?,
                Object::Dict(_) => self.object(vm, v)?,
                _ => {
                    if self.default.is_none() {
                        return Err(type_error(format!(
                            "Object of type {} is not JSON serializable",
                            vm.type_name(v)
                        )));
                    }
                    self.enter(v)?;
                    let d = self.default.clone();
                    let r = vm.call(&d, std::slice::from_ref(v))?;
                    self.value(vm, &r)?;
                    self.leave();
                }
            },
            Value::Undef => self.out.push_str("null"),
        }
        Ok(())
    }

    fn array(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let len = |o: &Object| match o {
            Object::List(l) => l.borrow().len(),
            Object::Tuple(t) => t.len(),
            _ => 0,
        };
        let o = v.as_obj().expect("array");
        if len(o) == 0 {
            self.out.push_str("[]");
            return Ok(());
        }
        self.enter(v)?;
        self.out.push('[');
        self.level += 1;
        self.newline();
        let mut i = 0;
        // The list may change while `default` runs: re-read the length and each item by index.
        while i < len(o) {
            let item = match o {
                Object::List(l) => l.borrow()[i].clone(),
                Object::Tuple(t) => t[i].clone(),
                _ => Value::None,
            };
            if i > 0 {
                self.out.push_str(&self.item_sep.clone());
                self.newline();
            }
            self.value(vm, &item)?;
            i += 1;
        }
        self.level -= 1;
        self.newline();
        self.out.push(']');
        self.leave();
        Ok(())
    }

    fn object(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let Some(Object::Dict(d)) = v.as_obj() else {
            return Ok(());
        };
        let mut items: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        if items.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        self.enter(v)?;
        if self.sort_keys {
            sort_items(vm, &mut items)?;
        }
        self.out.push('{');
        self.level += 1;
        self.newline();
        let mut first = true;
        for (k, val) in items {
            let key: String = match &k {
                Value::Obj(o) if matches!(&**o, Object::Str(_)) => {
                    let mut s = String::new();
                    quote(&mut s, k.as_str().unwrap_or(""), self.ensure_ascii);
                    s
                }
                Value::Float(f) => {
                    let save = std::mem::take(&mut self.out);
                    self.float(*f)?;
                    let s = std::mem::replace(&mut self.out, save);
                    format!("\"{}\"", s)
                }
                Value::Bool(true) => "\"true\"".into(),
                Value::Bool(false) => "\"false\"".into(),
                Value::None => "\"null\"".into(),
                Value::Int(i) => format!("\"{}\"", i),
                Value::Obj(o) if matches!(&**o, Object::Int(_)) => {
                    format!("\"{}\"", vm.repr(&k)?)
                }
                _ => {
                    if self.skipkeys {
                        continue;
                    }
                    return Err(type_error(format!(
                        "keys must be str, int, float, bool or None, not {}",
                        vm.type_name(&k)
                    )));
                }
            };
            if !first {
                self.out.push_str(&self.item_sep.clone());
                self.newline();
            }
            first = false;
            self.out.push_str(&key);
            self.out.push_str(&self.key_sep.clone());
            self.value(vm, &val)?;
        }
        self.level -= 1;
        self.newline();
        self.out.push('}');
        self.leave();
        Ok(())
    }
}

/// `sorted(d.items())`: keys in dicts are distinct, so ordering the keys with `<` is ordering the pairs.
fn sort_items(vm: &mut Vm, items: &mut Vec<(Value, Value)>) -> PyResult<()> {
    // Insertion sort by `<` keeps errors (mixed key types) simple to propagate; dicts dumped sorted are
    // small in practice, and a merge pass would change nothing observable.
    let mut sorted: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for it in items.drain(..) {
        // Binary search for the insertion point (stable: after equal keys).
        let (mut lo, mut hi) = (0, sorted.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let lt = vm.compare(&it.0, &sorted[mid].0, CmpOp::Lt)?;
            if vm.truthy(&lt)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        sorted.insert(lo, it);
    }
    *items = sorted;
    Ok(())
}

// ---- decoding --------------------------------------------------------------------------------------------

struct Decoder<'a> {
    s: &'a str,
    b: &'a [u8],
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    errcls: Value,
    doc: Value,
}

/// Why a value could not be scanned: a JSONDecodeError, or "no value here" (the Python scanner's
/// StopIteration, which callers turn into "Expecting value").
enum ScanErr {
    Py(PyErr),
    NoValue(usize),
}

impl From<PyErr> for ScanErr {
    fn from(e: PyErr) -> Self {
        ScanErr::Py(e)
    }
}

type Scan<T> = Result<T, ScanErr>;

fn char_pos(s: &str, byte: usize) -> usize {
    let byte = byte.min(s.len());
    if s.is_ascii() {
        byte
    } else {
        s.as_bytes()[..byte]
            .iter()
            .filter(|b| (**b & 0xC0) != 0x80)
            .count()
    }
}

fn byte_pos(s: &str, ch: usize) -> usize {
    if s.is_ascii() {
        ch.min(s.len())
    } else {
        s.char_indices().nth(ch).map(|(b, _)| b).unwrap_or(s.len())
    }
}

impl Decoder<'_> {
    fn error(&self, vm: &mut Vm, msg: &str, byte: usize) -> ScanErr {
        let pos = Value::Int(char_pos(self.s, byte) as i64);
        match vm.call(&self.errcls, &[Value::str(msg), self.doc.clone(), pos]) {
            Ok(Value::Obj(o)) if matches!(&*o, Object::Exception(_)) => {
                ScanErr::Py(PyErr::from_obj(o))
            }
            Ok(_) => ScanErr::Py(value_error(msg.to_string())),
            Err(e) => ScanErr::Py(e),
        }
    }

    fn ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && matches!(self.b[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        i
    }

    fn value(&self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let b = self.b;
        let Some(&c) = b.get(i) else {
            return Err(ScanErr::NoValue(i));
        };
        match c {
            b'"' => {
                let (s, end) = self.string(vm, i + 1)?;
                Ok((Value::from_string(s), end))
            }
            b'{' => self.object(vm, i + 1),
            b'[' => self.array(vm, i + 1),
            b'n' if b[i..].starts_with(b"null") => Ok((Value::None, i + 4)),
            b't' if b[i..].starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
            b'f' if b[i..].starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
            b'N' if b[i..].starts_with(b"NaN") => self.constant(vm, "NaN", i + 3),
            b'I' if b[i..].starts_with(b"Infinity") => self.constant(vm, "Infinity", i + 8),
            b'-' if b[i..].starts_with(b"-Infinity") => self.constant(vm, "-Infinity", i + 9),
            b'-' | b'0'..=b'9' => self.number(vm, i),
            _ => Err(ScanErr::NoValue(i)),
        }
    }

    fn constant(&self, vm: &mut Vm, name: &str, end: usize) -> Scan<(Value, usize)> {
        if !self.parse_constant.is_none() {
            return Ok((vm.call(&self.parse_constant, &[Value::str(name)])?, end));
        }
        let f = match name {
            "NaN" => f64::NAN,
            "Infinity" => f64::INFINITY,
            _ => f64::NEG_INFINITY,
        };
        Ok((Value::Float(f), end))
    }

    fn number(&self, vm: &mut Vm, start: usize) -> Scan<(Value, usize)> {
        let b = self.b;
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
            _ => return Err(ScanErr::NoValue(start)),
        }
        let mut is_float = false;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            is_float = true;
            i += 2;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if b.get(j).is_some_and(|c| c.is_ascii_digit()) {
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        let text = &self.s[start..i];
        if is_float {
            if !self.parse_float.is_none() {
                return Ok((vm.call(&self.parse_float, &[Value::str(text)])?, i));
            }
            let f: f64 = text.parse().unwrap_or(f64::NAN);
            return Ok((Value::Float(f), i));
        }
        if !self.parse_int.is_none() {
            return Ok((vm.call(&self.parse_int, &[Value::str(text)])?, i));
        }
        if let Ok(n) = text.parse::<i64>() {
            return Ok((Value::Int(n), i));
        }
        let digits = text.trim_start_matches('-').len();
        crate::numfmt::check_str_to_int_digits(digits).map_err(crate::vm::text::fmt_err)?;
        let big = num_bigint::BigInt::parse_bytes(text.as_bytes(), 10).unwrap_or_default();
        Ok((crate::value::int_from_big(big), i))
    }

    /// Scan a string body starting after the opening quote; returns the text and the index after the
    /// closing quote.
    fn string(&self, vm: &mut Vm, start: usize) -> Scan<(String, usize)> {
        let b = self.b;
        let mut out = String::new();
        let mut i = start;
        loop {
            // Copy a run of plain characters at once.
            let run = i;
            while i < b.len() && b[i] != b'"' && b[i] != b'\\' && (b[i] >= 0x20 || !self.strict) {
                i += 1;
            }
            out.push_str(&self.s[run..i]);
            let Some(&c) = b.get(i) else {
                return Err(self.error(vm, "Unterminated string starting at", start - 1));
            };
            match c {
                b'"' => return Ok((out, i + 1)),
                b'\\' => {
                    let Some(&e) = b.get(i + 1) else {
                        return Err(self.error(vm, "Unterminated string starting at", start - 1));
                    };
                    let simple = match e {
                        b'"' => Some('"'),
                        b'\\' => Some('\\'),
                        b'/' => Some('/'),
                        b'b' => Some('\u{8}'),
                        b'f' => Some('\u{c}'),
                        b'n' => Some('\n'),
                        b'r' => Some('\r'),
                        b't' => Some('\t'),
                        _ => None,
                    };
                    if let Some(ch) = simple {
                        out.push(ch);
                        i += 2;
                        continue;
                    }
                    if e != b'u' {
                        return Err(self.error(vm, "Invalid \\escape", i));
                    }
                    let u = self.hex4(vm, i + 1)?;
                    i += 6;
                    if (0xD800..0xDC00).contains(&u)
                        && b.get(i) == Some(&b'\\')
                        && b.get(i + 1) == Some(&b'u')
                    {
                        let lo = self.hex4(vm, i + 1)?;
                        if (0xDC00..0xE000).contains(&lo) {
                            let cp = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                            i += 6;
                            continue;
                        }
                    }
                    // pvm strings are UTF-8: a lone surrogate cannot be stored and becomes U+FFFD.
                    out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
                }
                _ => return Err(self.error(vm, "Invalid control character at", i)),
            }
        }
    }

    /// The four hex digits after the `u` at `upos`.
    fn hex4(&self, vm: &mut Vm, upos: usize) -> Scan<u32> {
        let digits = self.b.get(upos + 1..upos + 5);
        match digits {
            Some(d) if d.iter().all(|c| c.is_ascii_hexdigit()) => {
                let t = std::str::from_utf8(d).unwrap_or("0");
                Ok(u32::from_str_radix(t, 16).unwrap_or(0))
            }
            _ => Err(self.error(vm, "Invalid \\uXXXX escape", upos)),
        }
    }

    fn array(&self, vm: &mut Vm, start: usize) -> Scan<(Value, usize)> {
        let mut items = Vec::new();
        let mut i = self.ws(start);
        if self.b.get(i) == Some(&b']') {
            return Ok((Value::obj(Object::List(RefCell::new(items))), i + 1));
        }
        loop {
            let (v, end) = match self.value(vm, i) {
                Err(ScanErr::NoValue(p)) => return Err(self.error(vm, "Expecting value", p)),
                r => r?,
            };
            items.push(v);
            i = self.ws(end);
            match self.b.get(i) {
                Some(b']') => {
                    return Ok((Value::obj(Object::List(RefCell::new(items))), i + 1));
                }
                Some(b',') => i = self.ws(i + 1),
                _ => return Err(self.error(vm, "Expecting ',' delimiter", i)),
            }
        }
    }

    fn object(&self, vm: &mut Vm, start: usize) -> Scan<(Value, usize)> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut i = self.ws(start);
        let end;
        if self.b.get(i) == Some(&b'}') {
            end = i + 1;
        } else {
            loop {
                if self.b.get(i) != Some(&b'"') {
                    return Err(self.error(
                        vm,
                        "Expecting property name enclosed in double quotes",
                        i,
                    ));
                }
                let (k, kend) = self.string(vm, i + 1)?;
                i = self.ws(kend);
                if self.b.get(i) != Some(&b':') {
                    return Err(self.error(vm, "Expecting ':' delimiter", i));
                }
                i = self.ws(i + 1);
                let (v, vend) = match self.value(vm, i) {
                    Err(ScanErr::NoValue(p)) => return Err(self.error(vm, "Expecting value", p)),
                    r => r?,
                };
                pairs.push((Value::from_string(k), v));
                i = self.ws(vend);
                match self.b.get(i) {
                    Some(b'}') => {
                        end = i + 1;
                        break;
                    }
                    Some(b',') => {
                        i = self.ws(i + 1);
                    }
                    _ => return Err(self.error(vm, "Expecting ',' delimiter", i)),
                }
            }
        }
        if !self.object_pairs_hook.is_none() {
            let list: Vec<Value> = pairs
                .into_iter()
                .map(|(k, v)| Value::obj(Object::Tuple(vec![k, v])))
                .collect();
            let l = Value::obj(Object::List(RefCell::new(list)));
            let r = vm.call(&self.object_pairs_hook, &[l])?;
            return Ok((r, end));
        }
        let mut d = Dict::with_capacity(pairs.len());
        for (k, v) in pairs {
            let h = k.as_obj().map(|o| match o {
                Object::Str(s) => s.hash(),
                _ => 0,
            });
            d.set_str(k, h.unwrap_or(0), v);
        }
        let dv = Value::obj(Object::Dict(RefCell::new(d)));
        if !self.object_hook.is_none() {
            let r = vm.call(&self.object_hook, &[dv])?;
            return Ok((r, end));
        }
        Ok((dv, end))
    }
}

fn scan(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if a.len() != 10 {
        return Err(type_error("_json.scan expects 10 arguments"));
    }
    let Some(Object::Str(ps)) = a[0].as_obj() else {
        return Err(type_error(format!(
            "first argument must be a string, not {}",
            vm.type_name(&a[0])
        )));
    };
    let s = ps.as_str();
    let idx = a[1].as_i64().unwrap_or(0).max(0) as usize;
    let strict = vm.truthy(&a[2])?;
    let dec = Decoder {
        s,
        b: s.as_bytes(),
        strict,
        object_hook: a[3].clone(),
        object_pairs_hook: a[4].clone(),
        parse_float: a[5].clone(),
        parse_int: a[6].clone(),
        parse_constant: a[7].clone(),
        errcls: a[8].clone(),
        doc: a[0].clone(),
    };
    // `whole`: JSONDecoder.decode (whitespace around the value, nothing after it), else raw_decode.
    let whole = vm.truthy(&a[9])?;
    let mut start = byte_pos(s, idx);
    if whole {
        start = dec.ws(start);
    }
    match dec.value(vm, start) {
        Ok((v, end)) => {
            if whole {
                let end = dec.ws(end);
                if end != s.len() {
                    return match dec.error(vm, "Extra data", end) {
                        ScanErr::Py(e) => Err(e),
                        ScanErr::NoValue(_) => Err(value_error("Extra data")),
                    };
                }
                return Ok(v);
            }
            Ok(Value::obj(Object::Tuple(vec![
                v,
                Value::Int(char_pos(s, end) as i64),
            ])))
        }
        Err(ScanErr::Py(e)) => Err(e),
        Err(ScanErr::NoValue(p)) => match dec.error(vm, "Expecting value", p) {
            ScanErr::Py(e) => Err(e),
            ScanErr::NoValue(_) => Err(PyErr::new(ExcKind::ValueError, "Expecting value")),
        },
    }
}
