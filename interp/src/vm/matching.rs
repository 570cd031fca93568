//! The runtime half of `match` statements (compiler/patterns.rs): which subjects are mappings and
//! sequences, looking up mapping keys, and class patterns (`__match_args__`), with CPython 3.11's
//! semantics and messages.

use super::Vm;
use crate::error::{type_error, value_error, ExcKind, PyResult};
use crate::object::{ObjRef, Object};
use crate::types::{is_subtype, type_name};
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// CPython's Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING (the values `__abc_tpflags__` uses).
const ABC_SEQUENCE: i64 = 1 << 5;
const ABC_MAPPING: i64 = 1 << 6;

impl Vm {
    /// Does a mapping pattern apply to `v` (CPython: the type has Py_TPFLAGS_MAPPING)?
    pub(crate) fn is_match_mapping(&self, v: &Value) -> bool {
        if let Some(Object::Dict(_)) = v.as_obj() {
            return true;
        }
        is_subtype(self.types.type_of(v), &self.types.dict) || self.abc_flag(v, ABC_MAPPING)
    }

    /// Classes can declare themselves sequences or mappings for pattern matching the way
    /// `collections.abc.Sequence` and `Mapping` do in CPython: an `__abc_tpflags__` class attribute with
    /// Py_TPFLAGS_SEQUENCE or Py_TPFLAGS_MAPPING set (inherited by subclasses).
    fn abc_flag(&self, v: &Value, flag: i64) -> bool {
        if !matches!(v.as_obj(), Some(Object::Instance(_) | Object::Native(_))) {
            return false;
        }
        let t = self.types.type_of(v);
        match self.type_lookup(t, &self.strs.get("__abc_tpflags__")) {
            Some(Value::Int(f)) => f & (ABC_SEQUENCE | ABC_MAPPING) == flag,
            _ => false,
        }
    }

    /// Does a sequence pattern apply to `v` (Py_TPFLAGS_SEQUENCE: list, tuple, range and their
    /// subclasses; deliberately not str, bytes or bytearray)?
    pub(crate) fn is_match_sequence(&self, v: &Value) -> bool {
        if let Some(Object::List(_) | Object::Tuple(_) | Object::Range(_) | Object::BigRange(_)) =
            v.as_obj()
        {
            return true;
        }
        let t = self.types.type_of(v);
        [&self.types.list, &self.types.tuple, &self.types.range]
            .iter()
            .any(|b| is_subtype(t, b))
            || self.abc_flag(v, ABC_SEQUENCE)
    }

    /// The values of `keys` in the mapping `subject`, looked up with its `get` (so that `__missing__`
    /// never runs), or None when one is missing. A key repeated at run time is a ValueError.
    pub(crate) fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys = match keys.as_obj() {
            Some(Object::Tuple(t)) => t.clone(),
            _ => Vec::new(),
        };
        if keys.is_empty() {
            return Ok(Value::obj(Object::Tuple(Vec::new())));
        }
        let exact_dict = Rc::ptr_eq(&self.type_of(subject), &self.types.dict);
        let get = if exact_dict {
            None
        } else {
            let name = self.strs.get("get");
            Some(self.getattr(subject, &name)?)
        };
        // A fresh object: `get` returns it exactly when the key is missing.
        let dummy = Value::obj(Object::List(RefCell::new(Vec::new())));
        let seen = self.new_set(Vec::new())?;
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            let Some(Object::Set(_)) = seen.as_obj() else {
                unreachable!("new_set makes a set")
            };
            if let Value::Obj(so) = &seen {
                if self.set_contains(so, &key)? {
                    let r = self.repr(&key)?;
                    return Err(value_error(format!(
                        "mapping pattern checks duplicate key ({})",
                        r
                    )));
                }
            }
            self.set_add(&seen, key.clone())?;
            let v = match &get {
                None => self.dict_get(subject, &key)?,
                Some(get) => {
                    let v = self.call(get, &[key, dummy.clone()])?;
                    if v.is(&dummy) {
                        None
                    } else {
                        Some(v)
                    }
                }
            };
            match v {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::obj(Object::Tuple(values)))
    }

    /// A class pattern `cls(p1, ..., k1=q1, ...)`: the tuple of the attributes the sub-patterns match
    /// (positional ones named by `cls.__match_args__`, or the subject itself for the builtin types that
    /// match themselves), or None if the subject is not an instance or lacks an attribute.
    pub(crate) fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        nargs: usize,
        kw_names: &Value,
    ) -> PyResult<Value> {
        let Value::Obj(cls_ref) = cls else {
            return Err(type_error("called match pattern must be a type"));
        };
        if !matches!(&**cls_ref, Object::Type(_)) {
            return Err(type_error("called match pattern must be a type"));
        }
        if !is_subtype(&self.type_of(subject), cls_ref) {
            return Ok(Value::None);
        }
        let tname = type_name(cls_ref).to_string();
        let mut seen: Vec<Value> = Vec::new();
        let mut attrs = Vec::new();
        if nargs > 0 {
            let name = self.strs.get("__match_args__");
            let (match_args, match_self) = match self.getattr(cls, &name) {
                Ok(v) => match v.as_obj() {
                    Some(Object::Tuple(t)) if Rc::ptr_eq(&self.type_of(&v), &self.types.tuple) => {
                        (t.clone(), false)
                    }
                    _ => {
                        return Err(type_error(format!(
                            "{}.__match_args__ must be a tuple (got {})",
                            tname,
                            self.type_name(&v)
                        )))
                    }
                },
                Err(e) if self.err_matches(&e, ExcKind::AttributeError) => {
                    (Vec::new(), self.matches_self(cls_ref))
                }
                Err(e) => return Err(e),
            };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < nargs {
                return Err(type_error(format!(
                    "{}() accepts {} positional sub-pattern{} ({} given)",
                    tname,
                    allowed,
                    if allowed == 1 { "" } else { "s" },
                    nargs
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in &match_args[..nargs] {
                    let is_str = matches!(name.as_obj(), Some(Object::Str(_)))
                        && Rc::ptr_eq(&self.type_of(name), &self.types.str);
                    if !is_str {
                        return Err(type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(name)
                        )));
                    }
                    match self.match_class_attr(subject, &tname, name, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        let names = match kw_names.as_obj() {
            Some(Object::Tuple(t)) => t.clone(),
            _ => Vec::new(),
        };
        for name in &names {
            match self.match_class_attr(subject, &tname, name, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::obj(Object::Tuple(attrs)))
    }

    fn match_class_attr(
        &mut self,
        subject: &Value,
        tname: &str,
        name: &Value,
        seen: &mut Vec<Value>,
    ) -> PyResult<Option<Value>> {
        let s = name.as_str().unwrap_or("");
        if seen.iter().any(|n| n.as_str() == Some(s)) {
            return Err(type_error(format!(
                "{}() got multiple sub-patterns for attribute {}",
                tname,
                crate::numfmt::py_str_repr(s)
            )));
        }
        seen.push(name.clone());
        match self.getattr(subject, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The builtin types (and their subclasses) whose class pattern takes one positional sub-pattern
    /// matching the subject itself (CPython's _Py_TPFLAGS_MATCH_SELF): `case int(x):`.
    fn matches_self(&self, cls: &ObjRef) -> bool {
        let t = &self.types;
        [
            &t.bool,
            &t.bytes,
            &t.dict,
            &t.float,
            &t.frozenset,
            &t.int,
            &t.list,
            &t.set,
            &t.str,
            &t.tuple,
        ]
        .iter()
        .any(|b| is_subtype(cls, b))
    }
}
