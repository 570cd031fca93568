//! repr(), str(), format() and `%`-formatting of builtin values.

use super::ops::{as_int, IntRef};
use super::Vm;
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::numfmt::{self, FmtError};
use crate::object::{Object, Singleton};
use crate::value::Value;

pub fn fmt_err(e: FmtError) -> PyErr {
    match e {
        FmtError::ValueError(m) => PyErr::new(ExcKind::ValueError, m),
        FmtError::OverflowError(m) => PyErr::new(ExcKind::OverflowError, m),
        FmtError::TypeError(m) => PyErr::new(ExcKind::TypeError, m),
        FmtError::MemoryError(_) => PyErr::bare(ExcKind::MemoryError),
    }
}

/// Nesting bound for repr of containers (CPython raises RecursionError too).

impl Vm {
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        if self.is_user_instance(v) {
            if let Some(r) = self.call_dunder(v, "__repr__", &[])? {
                return match r.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(type_error(format!(
                        "__repr__ returned non-string (type {})",
                        self.type_name(&r)
                    ))),
                };
            }
            if let Some(b) = Vm::base_of(v) {
                let b = b.clone();
                return self.repr(&b);
            }
        }
        self.repr_builtin(v)
    }

    /// repr without consulting `__repr__` (the builtin types' own repr).
    pub fn repr_builtin(&mut self, v: &Value) -> PyResult<String> {
        let mut out = String::new();
        self.repr_into(v, &mut out, 0)?;
        Ok(out)
    }

    fn repr_into(&mut self, v: &Value, out: &mut String, depth: usize) -> PyResult<()> {
        // Elements of containers go through the full repr (their class may define __repr__); the value
        // itself (depth 0) was already dispatched by `repr`.
        // Room for the small pieces (separators, numbers) without an infallible reallocation; the
        // big pieces reserve their own length (`push_big`): a huge repr is a MemoryError, not an abort.
        crate::alloc::reserve_str(out, 64)?;
        if depth > 0 && self.is_user_instance(v) {
            let r = self.repr(v)?;
            return push_big(out, &r);
        }
        if let Value::Obj(_) = v {
            self.enter_c_recursion(" while getting the repr of an object")?;
            let r = self.repr_into_inner(v, out, depth);
            self.leave_c_recursion();
            return r;
        }
        self.repr_into_inner(v, out, depth)
    }

    fn repr_into_inner(&mut self, v: &Value, out: &mut String, depth: usize) -> PyResult<()> {
        match v {
            Value::None | Value::Undef => out.push_str("None"),
            Value::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::Float(f) => out.push_str(&numfmt::float_repr(*f)),
            Value::Obj(o) => match &**o {
                Object::Int(b) => {
                    push_big(out, &numfmt::int_to_decimal_string(b).map_err(fmt_err)?)?
                }
                Object::Str(s) => push_big(out, &numfmt::py_str_repr(s.as_str()))?,
                Object::Bytes(b) => push_big(out, &bytes_repr(b))?,
                Object::List(l) => {
                    let items = l.borrow().clone();
                    out.push('[');
                    for (i, x) in items.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        if x.is(v) {
                            out.push_str("[...]");
                        } else {
                            self.repr_into(x, out, depth + 1)?;
                        }
                    }
                    out.push(']');
                }
                Object::Tuple(t) => {
                    out.push('(');
                    for (i, x) in t.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        self.repr_into(x, out, depth + 1)?;
                    }
                    if t.len() == 1 {
                        out.push(',');
                    }
                    out.push(')');
                }
                Object::Dict(d) => {
                    let entries: Vec<(Value, Value)> = d
                        .borrow()
                        .iter()
                        .map(|e| (e.key.clone(), e.value.clone()))
                        .collect();
                    out.push('{');
                    for (i, (k, x)) in entries.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        self.repr_into(k, out, depth + 1)?;
                        out.push_str(": ");
                        if x.is(v) {
                            out.push_str("{...}");
                        } else {
                            self.repr_into(x, out, depth + 1)?;
                        }
                    }
                    out.push('}');
                }
                Object::Set(_) | Object::FrozenSet(_) => {
                    let frozen = matches!(&**o, Object::FrozenSet(_));
                    let keys = super::containers::set_table(o)
                        .map(|t| t.keys())
                        .unwrap_or_default();
                    if keys.is_empty() {
                        out.push_str(if frozen { "frozenset()" } else { "set()" });
                        return Ok(());
                    }
                    if frozen {
                        out.push_str("frozenset(");
                    }
                    out.push('{');
                    for (i, k) in keys.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        self.repr_into(k, out, depth + 1)?;
                    }
                    out.push('}');
                    if frozen {
                        out.push(')');
                    }
                }
                Object::Range(r) => {
                    if r.step == 1 {
                        out.push_str(&format!("range({}, {})", r.start, r.stop));
                    } else {
                        out.push_str(&format!("range({}, {}, {})", r.start, r.stop, r.step));
                    }
                }
                Object::BigRange(_) => {
                    if let Some(p) = crate::range::parts(o) {
                        out.push_str(&crate::range::repr(&p));
                    }
                }
                Object::Slice(s) => {
                    out.push_str("slice(");
                    for (i, x) in s.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        self.repr_into(x, out, depth + 1)?;
                    }
                    out.push(')');
                }
                Object::Function(f) => out.push_str(&format!(
                    "<function {} at 0x{:x}>",
                    f.qualname.borrow(),
                    v.identity()
                )),
                Object::Builtin(b) => match &b.bound {
                    Some(recv) if !matches!(recv.as_obj(), Some(Object::Module(_))) => out
                        .push_str(&format!(
                            "<built-in method {} of {} object at 0x{:x}>",
                            b.name,
                            self.type_name(recv),
                            recv.identity()
                        )),
                    _ => out.push_str(&format!("<built-in function {}>", b.name)),
                },
                Object::BoundMethod(bm) => {
                    let fname = match bm.1.as_obj() {
                        Some(Object::Function(f)) => f.qualname.borrow().clone(),
                        _ => "?".into(),
                    };
                    let r = self.repr(&bm.0)?;
                    out.push_str(&format!("<bound method {} of {}>", fname, r));
                }
                Object::Cell(_) => out.push_str(&format!("<cell at 0x{:x}>", v.identity())),
                Object::Module(m) => {
                    if m.name == "sys"
                        || m.name == "builtins"
                        || m.name == "math"
                        || m.name == "time"
                    {
                        out.push_str(&format!("<module '{}' (built-in)>", m.name))
                    } else {
                        let file = self.dict_get_str_quiet(&m.dict, "__file__");
                        match file.as_ref().and_then(|f| f.as_str()) {
                            Some(f) if f.starts_with("<frozen ") => {
                                out.push_str(&format!("<module '{}' (frozen)>", m.name))
                            }
                            Some(f) => out.push_str(&format!("<module '{}' from '{}'>", m.name, f)),
                            None => out.push_str(&format!("<module '{}'>", m.name)),
                        }
                    }
                }
                Object::Type(t) => {
                    let module = t.module.borrow().as_str().unwrap_or("builtins").to_string();
                    if module == "builtins" {
                        out.push_str(&format!("<class '{}'>", t.qualname.borrow()))
                    } else {
                        out.push_str(&format!("<class '{}.{}'>", module, t.qualname.borrow()))
                    }
                }
                Object::Instance(_) | Object::Native(_) => {
                    if let Some(r) = crate::vm::slots::member_repr(self, v) {
                        out.push_str(&r);
                        return Ok(());
                    }
                    let t = self.type_of(v);
                    let module = match &*t {
                        Object::Type(tt) => tt
                            .module
                            .borrow()
                            .as_str()
                            .unwrap_or("builtins")
                            .to_string(),
                        _ => "builtins".into(),
                    };
                    let name = crate::types::type_name(&t);
                    if module == "builtins" {
                        out.push_str(&format!("<{} object at 0x{:x}>", name, v.identity()))
                    } else {
                        out.push_str(&format!(
                            "<{}.{} object at 0x{:x}>",
                            module,
                            name,
                            v.identity()
                        ))
                    }
                }
                Object::Exception(e) => {
                    let name = crate::types::type_name(&e.cls).to_string();
                    let args = e.args.borrow().clone();
                    let inner = match args.as_obj() {
                        Some(Object::Tuple(t)) if t.len() == 1 => self.repr(&t[0].clone())?,
                        _ => {
                            // The tuple's repr without its outer parentheses.
                            let r = self.repr(&args)?;
                            let r = r.strip_prefix('(').unwrap_or(&r);
                            r.strip_suffix(')').unwrap_or(r).to_string()
                        }
                    };
                    out.push_str(&format!("{}({})", name, inner));
                }
                Object::Iter(_) => {
                    let t = self.type_of(v);
                    out.push_str(&format!(
                        "<{} object at 0x{:x}>",
                        crate::types::type_name(&t),
                        v.identity()
                    ))
                }
                Object::Generator(g) => {
                    let q = g.borrow().code.qualname.clone();
                    let t = self.type_name(v);
                    out.push_str(&format!("<{} object {} at 0x{:x}>", t, q, v.identity()))
                }
                Object::Code(c) => out.push_str(&format!(
                    "<code object {} at 0x{:x}, file \"{}\", line {}>",
                    c.name,
                    v.identity(),
                    c.filename(),
                    c.firstlineno
                )),
                Object::DictView(dv) => {
                    let name = match dv.1 {
                        crate::object::ViewKind::Keys => "dict_keys",
                        crate::object::ViewKind::Values => "dict_values",
                        crate::object::ViewKind::Items => "dict_items",
                    };
                    let items = self.collect(v.clone())?;
                    let l = Value::obj(Object::List(items.into()));
                    out.push_str(name);
                    out.push('(');
                    self.repr_into(&l, out, depth + 1)?;
                    out.push(')');
                }
                Object::Singleton(Singleton::NotImplemented) => out.push_str("NotImplemented"),
                Object::Singleton(Singleton::Ellipsis) => out.push_str("Ellipsis"),
                Object::ByteArray(b) => {
                    out.push_str("bytearray(");
                    out.push_str(&bytearray_repr(&b.data.borrow()));
                    out.push(')');
                }
                Object::Complex(c) => out.push_str(&numfmt::complex_repr(c.re, c.im)),
                Object::MemoryView(m) => {
                    out.push_str(&crate::builtins::methods::memoryview::repr(v, m))
                }
            },
        }
        Ok(())
    }

    /// str(v).
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        if self.is_user_instance(v) {
            if let Some(r) = self.call_dunder(v, "__str__", &[])? {
                return match r.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(type_error(format!(
                        "__str__ returned non-string (type {})",
                        self.type_name(&r)
                    ))),
                };
            }
            if let Some(b) = Vm::base_of(v) {
                // object.__str__ is repr(): a Python __repr__ on the subclass applies.
                let cls = self.type_of(v);
                let r = self.type_lookup(&cls, &self.strs.get("__repr__"));
                if matches!(
                    r.as_ref().and_then(|r| r.as_obj()),
                    Some(Object::Function(_))
                ) {
                    return self.repr(v);
                }
                let b = b.clone();
                return self.str_of(&b);
            }
        }
        self.str_builtin(v)
    }

    /// str without consulting `__str__`.
    pub fn str_builtin(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Obj(o) => match &**o {
                Object::Str(s) => Ok(s.as_str().to_string()),
                Object::Exception(e) if !matches!(*e.group.borrow(), Value::Undef) => {
                    Ok(self.exception_group_str(e).unwrap_or_default())
                }
                Object::Exception(e) => {
                    if let Some(s) = self.os_error_str(e)? {
                        return Ok(s);
                    }
                    let args = e.args.borrow().clone();
                    match args.as_obj() {
                        Some(Object::Tuple(t)) if t.is_empty() => Ok(String::new()),
                        Some(Object::Tuple(t)) if t.len() == 1 => {
                            if crate::types::is_subtype(&e.cls, self.exc_type(ExcKind::KeyError)) {
                                self.repr(&t[0])
                            } else {
                                self.str_of(&t[0].clone())
                            }
                        }
                        _ => self.repr(&args),
                    }
                }
                _ => self.repr(v),
            },
            _ => self.repr(v),
        }
    }

    /// str(v) as a Value, reusing v when it already is a str.
    pub fn str_value(&mut self, v: Value) -> PyResult<Value> {
        if v.as_str().is_some() {
            return Ok(v);
        }
        Ok(Value::from_string(self.str_of(&v)?))
    }

    /// format(v, spec).
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Some((s, _)) = Self::format_simple(v, spec) {
            return Ok(s);
        }
        if self.is_user_instance(v) {
            if let Some(r) = self.call_dunder(v, "__format__", &[Value::str(spec)])? {
                return Ok(r.as_str().unwrap_or("").to_string());
            }
            if let Some(b) = Vm::base_of(v) {
                let b = b.clone();
                return self.format(&b, spec);
            }
        }
        let tn = self.type_name(v);
        match v {
            Value::Bool(_) if spec.is_empty() => self.str_of(v),
            Value::Int(i) => {
                let s = numfmt::parse_spec(spec, &tn).map_err(fmt_err)?;
                numfmt::format_int_i64(*i, &s, &tn).map_err(fmt_err)
            }
            Value::Bool(b) => {
                let s = numfmt::parse_spec(spec, &tn).map_err(fmt_err)?;
                numfmt::format_int_i64(*b as i64, &s, &tn).map_err(fmt_err)
            }
            Value::Float(f) => {
                let s = numfmt::parse_spec(spec, &tn).map_err(fmt_err)?;
                numfmt::format_float(*f, &s, &tn).map_err(fmt_err)
            }
            Value::Obj(o) => match &**o {
                Object::Int(b) => {
                    let s = numfmt::parse_spec(spec, &tn).map_err(fmt_err)?;
                    numfmt::format_bigint(b, &s, &tn).map_err(fmt_err)
                }
                Object::Str(st) => {
                    let s = numfmt::parse_spec(spec, &tn).map_err(fmt_err)?;
                    numfmt::format_str(st.as_str(), &s, &tn).map_err(fmt_err)
                }
                Object::Complex(c) if !spec.is_empty() => {
                    let s = numfmt::parse_spec(spec, &tn).map_err(fmt_err)?;
                    numfmt::format_complex(c.re, c.im, &s).map_err(fmt_err)
                }
                _ => {
                    if spec.is_empty() {
                        return self.str_of(v);
                    }
                    Err(type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        tn
                    )))
                }
            },
            _ => {
                if spec.is_empty() {
                    return self.str_of(v);
                }
                Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    tn
                )))
            }
        }
    }

    /// The common specs of exact ints and strs (`numfmt::format_i64_simple`), with the result's code
    /// point count; None for everything else.
    #[inline]
    fn format_simple(v: &Value, spec: &str) -> Option<(String, usize)> {
        match v {
            Value::Int(i) => numfmt::format_i64_simple(*i, spec),
            Value::Obj(o) => match &**o {
                Object::Str(st) => numfmt::format_str_simple(st.as_str(), st.char_len(), spec),
                _ => None,
            },
            _ => None,
        }
    }

    /// FormatValue: conversion (0 none, 1 str, 2 repr, 3 ascii) then format spec.
    pub fn format_fvalue(&mut self, v: Value, conv: u32, spec: Option<Value>) -> PyResult<Value> {
        let v = match conv {
            1 => Value::from_string(self.str_of(&v)?),
            2 => Value::from_string(self.repr(&v)?),
            3 => Value::from_string(ascii_escape(&self.repr(&v)?)),
            _ => v,
        };
        let spec = spec.as_ref().and_then(|s| s.as_str()).unwrap_or("");
        if spec.is_empty() && v.as_str().is_some() {
            return Ok(v);
        }
        if let Some((s, chars)) = Self::format_simple(&v, spec) {
            return Ok(Value::from_string_chars(s, chars));
        }
        if spec.is_empty() {
            // `f"{x}"` is `format(x, "")`: a Python `__format__` sees the empty spec too.
            if !self.is_user_instance(&v) {
                return Ok(Value::from_string(self.str_of(&v)?));
            }
        }
        Ok(Value::from_string(self.format(&v, spec)?))
    }

    /// `template % args`.
    pub fn percent_format(&mut self, template: &Value, args: &Value) -> PyResult<Value> {
        // The caller holds the template, so its text can be borrowed while Python code runs.
        let template = template.clone();
        let t = template.as_str().unwrap_or("");
        self.percent_format_impl(t, args, false)
            .map(Value::from_string)
    }

    /// `bytes % args` (PEP 461): the template and the pieces are handled as Latin-1 text, so every byte
    /// survives; `%s`/`%b` take bytes-like objects, `%r`/`%a` give `ascii(repr(x))`.
    pub fn bytes_percent_format(&mut self, template: &Value, args: &Value) -> PyResult<Value> {
        let kind = crate::builtins::methods::bytes::Kind::of(template)
            .unwrap_or(crate::builtins::methods::bytes::Kind::Bytes);
        let t: String = crate::builtins::methods::bytes::buf(self, template)?
            .iter()
            .map(|&b| b as char)
            .collect();
        let out = self.percent_format_impl(&t, args, true)?;
        Ok(kind.make(out.chars().map(|c| c as u32 as u8).collect()))
    }

    fn percent_format_impl(&mut self, t: &str, args: &Value, bytes_mode: bool) -> PyResult<String> {
        // `args` belongs to the caller (alive for the whole call), so the tuple's items are borrowed.
        let (items, mapping): (&[Value], Option<Value>) = match args.as_obj() {
            Some(Object::Tuple(items)) => (items, None),
            Some(Object::Dict(_)) => (std::slice::from_ref(args), Some(args.clone())),
            // Any mapping other than str (and bytes in bytes mode) is looked up by key.
            _ if self.is_user_instance(args) && !bytes_mode => {
                (std::slice::from_ref(args), Some(args.clone()))
            }
            _ => (std::slice::from_ref(args), None),
        };
        let mut out = String::with_capacity(t.len() + 8 * items.len());
        let mut argi = 0usize;
        let bytes = t.as_bytes();
        let mut i = 0;
        let next_arg = |argi: &mut usize| -> PyResult<Value> {
            let v = items
                .get(*argi)
                .cloned()
                .ok_or_else(|| type_error("not enough arguments for format string"))?;
            *argi += 1;
            Ok(v)
        };
        while i < bytes.len() {
            if bytes[i] != b'%' {
                let start = i;
                while i < bytes.len() && bytes[i] != b'%' {
                    i += 1;
                }
                out.push_str(&t[start..i]);
                continue;
            }
            let (mut spec, end) = numfmt::parse_percent_spec(t, i + 1).map_err(fmt_err)?;
            i = end;
            if spec.literal {
                out.push('%');
                continue;
            }
            // `%s` of a str or an int and `%d` of an int without flags, width or precision: appended
            // as they are.
            if spec.key.is_none() && !bytes_mode && spec.is_plain() {
                match (spec.conversion, items.get(argi)) {
                    ('s', Some(v @ Value::Obj(o))) if matches!(&**o, Object::Str(_)) => {
                        out.push_str(v.as_str().unwrap_or(""));
                        argi += 1;
                        continue;
                    }
                    ('s' | 'd' | 'i' | 'u', Some(Value::Int(n))) => {
                        use std::fmt::Write;
                        let _ = write!(out, "{}", n);
                        argi += 1;
                        continue;
                    }
                    _ => {}
                }
            }
            let arg = if let Some(key) = &spec.key {
                let Some(m) = &mapping else {
                    return Err(type_error("format requires a mapping"));
                };
                let k = if bytes_mode {
                    Value::obj(Object::Bytes(key.chars().map(|c| c as u32 as u8).collect()))
                } else {
                    Value::str(key)
                };
                if matches!(m.as_obj(), Some(Object::Dict(_))) {
                    match self.dict_get(m, &k)? {
                        Some(v) => v,
                        None => return Err(PyErr::with_value(ExcKind::KeyError, k)),
                    }
                } else {
                    self.getitem(m, &k)?
                }
            } else {
                if spec.width_star {
                    let w = next_arg(&mut argi)?;
                    spec.set_star_width(w.as_i64().ok_or_else(|| type_error("* wants int"))?);
                }
                if spec.precision_star {
                    let p = next_arg(&mut argi)?;
                    spec.set_star_precision(p.as_i64().ok_or_else(|| type_error("* wants int"))?)
                        .map_err(fmt_err)?;
                }
                next_arg(&mut argi)?
            };
            let piece = match spec.conversion {
                's' | 'b' if bytes_mode => {
                    let s = self.percent_bytes_arg(&arg)?;
                    numfmt::percent_format_str(&s, &spec).map_err(fmt_err)?
                }
                'c' if bytes_mode => {
                    let c = match (&arg, arg.as_obj()) {
                        (_, Some(Object::Bytes(b))) if b.len() == 1 => (b[0] as char).to_string(),
                        (_, Some(Object::ByteArray(b))) if b.data.borrow().len() == 1 => {
                            (b.data.borrow()[0] as char).to_string()
                        }
                        (a, _) if a.is_int_like() => match a.as_i64() {
                            Some(i) if (0..256).contains(&i) => (i as u8 as char).to_string(),
                            _ => {
                                return Err(PyErr::new(
                                    ExcKind::OverflowError,
                                    "%c arg not in range(256)",
                                ))
                            }
                        },
                        _ => {
                            return Err(type_error(
                                "%c requires an integer in range(256) or a single byte",
                            ))
                        }
                    };
                    numfmt::percent_format_str(&c, &spec).map_err(fmt_err)?
                }
                's' => {
                    let s = self.str_of(&arg)?;
                    numfmt::percent_format_str(&s, &spec).map_err(fmt_err)?
                }
                'r' | 'a' => {
                    let mut s = self.repr(&arg)?;
                    if spec.conversion == 'a' || bytes_mode {
                        s = ascii_escape(&s);
                    }
                    numfmt::percent_format_str(&s, &spec).map_err(fmt_err)?
                }
                'c' => {
                    let c = match (&arg, arg.as_str()) {
                        (_, Some(s)) if s.chars().count() == 1 => s.to_string(),
                        (a, _) if a.is_int_like() => {
                            numfmt::percent_char_from_int(&a.to_bigint().unwrap_or_default())
                                .map_err(fmt_err)?
                                .to_string()
                        }
                        _ => return Err(type_error("%c requires int or char")),
                    };
                    numfmt::percent_format_str(&c, &spec).map_err(fmt_err)?
                }
                'd' | 'i' | 'u' => {
                    let n = match &arg {
                        Value::Float(f) => numfmt::float_to_bigint(*f).map_err(fmt_err)?,
                        a => match a.to_bigint() {
                            Some(b) => b,
                            None => {
                                return Err(type_error(format!(
                                    "%{} format: a real number is required, not {}",
                                    spec.conversion,
                                    self.type_name(a)
                                )))
                            }
                        },
                    };
                    numfmt::percent_format_int(&n, &spec).map_err(fmt_err)?
                }
                'o' | 'x' | 'X' => {
                    let n = arg.to_bigint().ok_or_else(|| {
                        type_error(format!(
                            "%{} format: an integer is required, not {}",
                            spec.conversion,
                            self.type_name(&arg)
                        ))
                    })?;
                    numfmt::percent_format_int(&n, &spec).map_err(fmt_err)?
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let f = match &arg {
                        Value::Float(f) => *f,
                        a => match as_int(a) {
                            Some(IntRef::Small(i)) => i as f64,
                            Some(IntRef::Big(b)) => super::ops::big_to_f64(b)?,
                            None => {
                                return Err(type_error(format!(
                                    "must be real number, not {}",
                                    self.type_name(a)
                                )))
                            }
                        },
                    };
                    numfmt::percent_format_float(f, &spec).map_err(fmt_err)?
                }
                _ => return Err(fmt_err(numfmt::percent_unsupported_char_error(t, &spec))),
            };
            out.push_str(&piece);
        }
        if mapping.is_none() && argi < items.len() {
            return Err(type_error(if bytes_mode {
                "not all arguments converted during bytes formatting"
            } else {
                "not all arguments converted during string formatting"
            }));
        }
        Ok(out)
    }

    /// The text (Latin-1) of a `%s`/`%b` argument in bytes formatting.
    fn percent_bytes_arg(&mut self, arg: &Value) -> PyResult<String> {
        if let Some(b) = crate::builtins::methods::bytes::buffer(arg) {
            return Ok(b?.iter().map(|&b| b as char).collect());
        }
        if self.is_user_instance(arg) {
            if let Some(r) = self.call_dunder(arg, "__bytes__", &[])? {
                if let Some(Object::Bytes(b)) = r.as_obj() {
                    return Ok(b.iter().map(|&b| b as char).collect());
                }
                return Err(type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    self.type_name(&r)
                )));
            }
        }
        Err(type_error(format!(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
            self.type_name(arg)
        )))
    }
}

pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c);
        } else if n < 256 {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = String::from("b");
    s.push(quote);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            c if c as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            32..=126 => s.push(c as char),
            _ => s.push_str(&format!("\\x{:02x}", c)),
        }
    }
    s.push(quote);
    s
}

/// The bytes literal inside `repr(bytearray)`: like `bytes_repr`, except that CPython always escapes
/// `'` there, even between double quotes (`bytearray(b"it\'s")`).
pub fn bytearray_repr(b: &[u8]) -> String {
    let r = bytes_repr(b);
    if r.starts_with("b\"") {
        r.replace('\'', "\\'")
    } else {
        r
    }
}

/// Appends a piece of a repr whose size the program chooses, MemoryError when it does not fit.
fn push_big(out: &mut String, s: &str) -> PyResult<()> {
    crate::alloc::reserve_str(out, s.len())?;
    out.push_str(s);
    Ok(())
}
