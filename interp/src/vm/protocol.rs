//! Object protocols of the builtin types: truth, attributes, items, iteration, equality and hashing.

use super::ops::{as_int, IntRef};
// The set helpers, for the builtins (the `containers` module is private to the VM).
pub use super::containers::{
    is_anyset, is_set_view, ok, set_eq, set_table, set_value, table_is_subset, TblRef,
};
use super::Vm;
use crate::builtins::methods;
use crate::error::{
    attribute_error, index_error, type_error, value_error, ExcKind, PyErr, PyResult,
};
use crate::object::{Builtin, Iter, ObjRef, Object, TypeKind};
use crate::value::{int_from_big, Value};
use num_traits::{Signed, Zero};
use std::cell::RefCell;
use std::rc::Rc;

/// Entries of the method cache (see `Vm::type_lookup`).
pub const METHOD_CACHE_SIZE: usize = 4096;

#[derive(Default, Clone)]
pub struct MethodCacheEntry {
    type_ptr: usize,
    name_ptr: usize,
    epoch: u64,
    value: Option<Value>,
    _keep: Option<(ObjRef, Value)>,
}

/// Equality of builtin values without running Python code (dict and set probes). Values it cannot
/// decide without the VM (instances, which may define `__eq__`; nesting deeper than `MAX_EQ_DEPTH`)
/// compare unequal unless identical; `Vm::eq` is the full comparison.
#[inline]
pub fn values_eq(a: &Value, b: &Value) -> bool {
    // The dict and set probes' common cases, before the general walk: small ints, the same object
    // (never a float NaN: floats are not objects), two exact strs.
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => return x == y,
        (Value::Obj(x), Value::Obj(y)) => {
            if Rc::ptr_eq(x, y) {
                return true;
            }
            if let (Object::Str(p), Object::Str(q)) = (&**x, &**y) {
                return p.as_str() == q.as_str();
            }
        }
        _ => {}
    }
    eq_pure(a, b, 0, MAX_EQ_DEPTH, false).unwrap_or(false)
}

const MAX_EQ_DEPTH: usize = 10_000;

/// Objects whose equality may run Python code (a user class's `__eq__`): only the VM compares them.
fn needs_vm(v: &Value) -> bool {
    matches!(v.as_obj(), Some(Object::Instance(_) | Object::Exception(_)))
}

/// Structural equality without the VM: `None` when it cannot be decided that way (an instance inside,
/// or nesting of `limit` levels or more). With `vm` false (`values_eq`), instances of builtin-type
/// subclasses compare as their builtin value (the VM's `eq` has already given a Python `__eq__` its
/// chance).
fn eq_pure(a: &Value, b: &Value, depth: usize, limit: usize, vm: bool) -> Option<bool> {
    if !vm {
        if let Some(x) = Vm::base_of(a) {
            return eq_pure(x, b, depth + 1, limit, vm);
        }
        if let Some(y) = Vm::base_of(b) {
            return eq_pure(a, y, depth + 1, limit, vm);
        }
    }
    let eq_depth = |u: &Value, v: &Value, d: usize| -> Option<bool> { eq_pure(u, v, d, limit, vm) };
    Some(match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Obj(x), Value::Obj(y)) => {
            if Rc::ptr_eq(x, y) {
                // Identity implies equality for containers (CPython's shortcut), but not for NaN floats,
                // which are never objects here.
                return Some(true);
            }
            if needs_vm(a) || needs_vm(b) || depth >= limit {
                return None;
            }
            match (&**x, &**y) {
                (Object::Str(p), Object::Str(q)) => p.as_str() == q.as_str(),
                (Object::Int(p), Object::Int(q)) => p == q,
                // Containers compare items with an identity shortcut first (so [nan] == [nan] when the
                // same float object is in both, as in CPython).
                (Object::Tuple(p), Object::Tuple(q)) => {
                    p.len() == q.len() && items_eq(p, q, depth, limit, vm)?
                }
                (Object::List(p), Object::List(q)) => {
                    let (p, q) = (p.borrow(), q.borrow());
                    p.len() == q.len() && items_eq(&p, &q, depth, limit, vm)?
                }
                (Object::Dict(p), Object::Dict(q)) => {
                    let (p, q) = (p.borrow(), q.borrow());
                    if p.len() != q.len() {
                        return Some(false);
                    }
                    for e in p.iter() {
                        if needs_vm(&e.key) {
                            return None;
                        }
                        let same = match dict_find(&q, &e.key, e.hash) {
                            Some(ix) => match q.entry(ix) {
                                Some(f) => {
                                    e.value.is(&f.value) || eq_depth(&e.value, &f.value, depth + 1)?
                                }
                                None => false,
                            },
                            None => false,
                        };
                        if !same {
                            return Some(false);
                        }
                    }
                    true
                }
                (Object::Set(_) | Object::FrozenSet(_), Object::Set(_) | Object::FrozenSet(_)) => {
                    match (set_table(x), set_table(y)) {
                        (Some(p), _) if super::containers::table_needs_vm(&p) => return None,
                        (Some(p), Some(q)) => p.len() == q.len() && table_is_subset(&p, &q),
                        _ => false,
                    }
                }
                (Object::Bytes(p), Object::Bytes(q)) => p == q,
                (
                    Object::Bytes(_) | Object::ByteArray(_),
                    Object::Bytes(_) | Object::ByteArray(_),
                ) => methods::bytes::bytes_like_eq(a, b),
                (Object::MemoryView(m), _) => methods::memoryview::eq(m, b),
                (_, Object::MemoryView(m)) => methods::memoryview::eq(m, a),
                (Object::Complex(c), _) => methods::complex::complex_eq(c, b),
                (_, Object::Complex(c)) => methods::complex::complex_eq(c, a),
                // Key/item views compare like sets.
                (Object::DictView(dv), _) | (_, Object::DictView(dv))
                    if dv.1 != crate::object::ViewKind::Values =>
                {
                    match (view_as_set(x), view_as_set(y)) {
                        (Some(p), Some(q)) => {
                            p.len() == q.len()
                                && p.iter().all(|a| {
                                    q.iter().any(|b| eq_depth(a, b, depth + 1).unwrap_or(false))
                                })
                        }
                        _ => false,
                    }
                }
                (Object::Range(p), Object::Range(q)) => {
                    let (lp, lq) = (p.len(), q.len());
                    lp == lq && (lp == 0 || (p.start == q.start && (lp == 1 || p.step == q.step)))
                }
                (
                    Object::Range(_) | Object::BigRange(_),
                    Object::Range(_) | Object::BigRange(_),
                ) => match (crate::range::parts(x), crate::range::parts(y)) {
                    (Some(p), Some(q)) => crate::range::equal(&p, &q),
                    _ => false,
                },
                (Object::Slice(p), Object::Slice(q)) => items_eq(&p[..], &q[..], depth, limit, vm)?,
                (Object::BoundMethod(p), Object::BoundMethod(q)) => p.0.is(&q.0) && p.1.is(&q.1),
                // `...` and NotImplemented may be separate allocations of one singleton.
                (Object::Singleton(p), Object::Singleton(q)) => p == q,
                _ => false,
            }
        }
        _ if needs_vm(a) || needs_vm(b) => return None,
        // Mixed numeric kinds.
        (Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::Obj(_), _) => num_eq(a, b),
        _ => false,
    })
}

fn items_eq(p: &[Value], q: &[Value], depth: usize, limit: usize, vm: bool) -> Option<bool> {
    for (u, v) in p.iter().zip(q.iter()) {
        if !(u.is(v) || eq_pure(u, v, depth + 1, limit, vm)?) {
            return Some(false);
        }
    }
    Some(true)
}

/// The elements of a set, or of a dict's key/item view, for set-like comparison.
fn view_as_set(o: &ObjRef) -> Option<Vec<Value>> {
    match &**o {
        Object::DictView(v) => match (&*v.0, v.1) {
            (Object::Dict(d), crate::object::ViewKind::Keys) => Some(d.borrow().keys()),
            (Object::Dict(d), crate::object::ViewKind::Items) => Some(
                d.borrow()
                    .iter()
                    .map(|e| Value::obj(Object::Tuple(vec![e.key.clone(), e.value.clone()])))
                    .collect(),
            ),
            _ => None,
        },
        Object::Set(_) | Object::FrozenSet(_) => set_table(o).map(|t| t.keys()),
        _ => None,
    }
}

fn num_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Obj(o), other) | (other, Value::Obj(o)) if matches!(&**o, Object::Complex(_)) => {
            match &**o {
                Object::Complex(c) => methods::complex::complex_eq(c, other),
                _ => false,
            }
        }
        (Value::Float(x), other) | (other, Value::Float(x)) => match as_int(other) {
            Some(i) => super::ops::cmp_int_float(&i, *x) == Some(std::cmp::Ordering::Equal),
            None => false,
        },
        _ => match (as_int(a), as_int(b)) {
            (Some(x), Some(y)) => match (x, y) {
                (IntRef::Small(p), IntRef::Small(q)) => p == q,
                (x, y) => x.to_big() == y.to_big(),
            },
            _ => false,
        },
    }
}

pub fn float_to_bigint(x: f64) -> num_bigint::BigInt {
    let (m, e) = crate::hash::frexp(x);
    let mant = (m * 9007199254740992.0) as i64; // 2**53
    let e = e - 53;
    let b = num_bigint::BigInt::from(mant);
    if e >= 0 {
        b << e as usize
    } else {
        b >> (-e) as usize
    }
}

pub fn dict_find(d: &crate::dict::Dict, key: &Value, hash: i64) -> Option<usize> {
    let r: Result<Option<usize>, ()> = d.find(hash, |k| Ok(values_eq(k, key)));
    r.ok().flatten()
}

/// Normalise a possibly negative index against `len`.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if j >= 0 && j < n {
        Some(j as usize)
    } else {
        None
    }
}

/// One step of a str iterator: the next character (shared for the first 256 code points), None at the end.
#[inline]
fn str_step(s: &Object, byte: &mut usize) -> Option<Value> {
    let Object::Str(ps) = s else {
        return None;
    };
    let c = ps.as_str()[*byte..].chars().next()?;
    *byte += c.len_utf8();
    Some(Value::char(c))
}

/// The dispatch loop's step for `for c in text` and `for x in a_set`: Some(next) when `it` iterates over
/// a str, or over a set whose size has not changed (the general path raises that error).
#[inline]
pub(crate) fn str_iter_next(it: &std::cell::RefCell<Iter>) -> Option<Option<Value>> {
    let mut st = it.borrow_mut();
    match &mut *st {
        Iter::Str { s, byte } => Some(str_step(s, byte)),
        Iter::Set { set, pos, used } => {
            let t = super::containers::set_table(set)?;
            if t.len() != *used {
                return None;
            }
            let next = t.next_from(*pos).map(|(p, e)| (p, e.key.clone()));
            drop(t);
            match next {
                Some((p, k)) => {
                    *pos = p + 1;
                    Some(Some(k))
                }
                None => {
                    *st = Iter::Exhausted;
                    Some(None)
                }
            }
        }
        _ => None,
    }
}

/// A step of a str or set iterator that happens only if `accept` takes its item (`None` = exhausted),
/// for callers that must leave the iterator unchanged when they cannot use the item (JIT traces that
/// expect an item of one type). None when `it` is not such an iterator, or its set changed size (the
/// general step raises that error).
pub fn step_if(it: &RefCell<Iter>, accept: impl FnOnce(Option<Value>) -> bool) -> Option<bool> {
    let mut st = it.try_borrow_mut().ok()?;
    match &mut *st {
        Iter::Str { s, byte } => {
            let Object::Str(ps) = &**s else {
                return None;
            };
            let c = ps.as_str()[*byte..].chars().next();
            let ok = accept(c.map(Value::char));
            if ok {
                *byte += c.map_or(0, char::len_utf8);
            }
            Some(ok)
        }
        Iter::Set { set, pos, used } => {
            let t = super::containers::set_table(set)?;
            if t.len() != *used {
                return None;
            }
            let next = t.next_from(*pos).map(|(p, e)| (p, e.key.clone()));
            drop(t);
            let p = next.as_ref().map(|(p, _)| *p);
            let ok = accept(next.map(|(_, k)| k));
            if ok {
                match p {
                    Some(p) => *pos = p + 1,
                    None => *st = Iter::Exhausted,
                }
            }
            Some(ok)
        }
        _ => None,
    }
}

impl Vm {
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if self.is_user_instance(v) {
            if let Some(r) = self.call_dunder(v, "__bool__", &[])? {
                return match r {
                    Value::Bool(b) => Ok(b),
                    other => Err(type_error(format!(
                        "__bool__ should return bool, returned {}",
                        self.type_name(&other)
                    ))),
                };
            }
            if let Some(r) = self.call_dunder(v, "__len__", &[])? {
                return Ok(r.as_i64().unwrap_or(1) != 0);
            }
            if let Some(b) = Vm::base_of(v) {
                let b = b.clone();
                return self.truthy(&b);
            }
            return Ok(true);
        }
        Ok(match v {
            Value::None | Value::Undef => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Obj(o) => match &**o {
                Object::Int(b) => !b.is_zero(),
                Object::Str(s) => !s.as_str().is_empty(),
                Object::Bytes(b) => !b.is_empty(),
                Object::Tuple(t) => !t.is_empty(),
                Object::List(l) => !l.borrow().is_empty(),
                Object::Dict(d) => !d.borrow().is_empty(),
                Object::Set(s) => !s.borrow().is_empty(),
                Object::FrozenSet(s) => !s.is_empty(),
                Object::Range(r) => r.len() != 0,
                Object::BigRange(r) => !r.len.is_zero(),
                Object::ByteArray(b) => !b.data.borrow().is_empty(),
                Object::Complex(c) => c.re != 0.0 || c.im != 0.0,
                Object::MemoryView(m) => methods::memoryview::len(m)? != 0,
                _ => true,
            },
        })
    }

    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        // The common cases first (tuple keys and sort keys compare their items through here).
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(x == y),
            (Value::Float(x), Value::Float(y)) => return Ok(x == y),
            (Value::Obj(x), Value::Obj(y)) => {
                if let (Object::Str(s), Object::Str(t)) = (&**x, &**y) {
                    return Ok(std::rc::Rc::ptr_eq(x, y) || s.as_str() == t.as_str());
                }
            }
            _ => {}
        }
        if self.is_user_instance(a) || self.is_user_instance(b) {
            if a.is(b) {
                return Ok(true);
            }
            return match self.richcmp_dunder(a, b, crate::bytecode::CmpOp::Eq)? {
                Some(r) => self.truthy(&r),
                None if Vm::base_of(a).is_some() || Vm::base_of(b).is_some() => {
                    let ua = Vm::base_of(a).cloned().unwrap_or_else(|| a.clone());
                    let ub = Vm::base_of(b).cloned().unwrap_or_else(|| b.clone());
                    self.eq(&ua, &ub)
                }
                None => Ok(false),
            };
        }
        let limit = self.c_depth_left();
        match eq_pure(a, b, 0, limit, true) {
            Some(r) => Ok(r),
            None => self.eq_nested(a, b),
        }
    }

    /// Equality of containers holding instances (whose `__eq__` runs Python code), or nested too deeply
    /// for `eq_pure`: one level here, the items through `eq` (CPython's `RecursionError ... in
    /// comparison` when nested past the recursion limit).
    fn eq_nested(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
            return Ok(values_eq(a, b));
        };
        // Clone what is compared: `__eq__` may mutate the containers.
        let (p, q): (Vec<Value>, Vec<Value>) = match (&**x, &**y) {
            (Object::Tuple(p), Object::Tuple(q)) => (p.clone(), q.clone()),
            (Object::List(p), Object::List(q)) => (p.borrow().clone(), q.borrow().clone()),
            (Object::Dict(p), Object::Dict(q)) => {
                if p.borrow().len() != q.borrow().len() {
                    return Ok(false);
                }
                let entries: Vec<(Value, Value)> = p
                    .borrow()
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect();
                self.enter_c_recursion(" in comparison")?;
                let r = (|| {
                    for (k, v) in entries {
                        match self.dict_get(b, &k)? {
                            Some(w) if v.is(&w) || self.eq(&v, &w)? => {}
                            _ => return Ok(false),
                        }
                    }
                    Ok(true)
                })();
                self.leave_c_recursion();
                return r;
            }
            (Object::Slice(p), Object::Slice(q)) => (p.to_vec(), q.to_vec()),
            (Object::Set(_) | Object::FrozenSet(_), Object::Set(_) | Object::FrozenSet(_)) => {
                let r = self.set_compare(a, b, crate::bytecode::CmpOp::Eq)?;
                return Ok(matches!(r, Value::Bool(true)));
            }
            _ => return Ok(values_eq(a, b)),
        };
        if p.len() != q.len() {
            return Ok(false);
        }
        self.enter_c_recursion(" in comparison")?;
        let r = (|| {
            for (u, v) in p.iter().zip(q.iter()) {
                if !(u.is(v) || self.eq(u, v)?) {
                    return Ok(false);
                }
            }
            Ok(true)
        })();
        self.leave_c_recursion();
        r
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if self.is_user_instance(v) {
            let cls = self.type_of(v);
            let h = self.type_lookup(&cls, &self.strs.get("__hash__"));
            match h {
                Some(Value::None) => {
                    return Err(type_error(format!(
                        "unhashable type: '{}'",
                        self.type_name(v)
                    )))
                }
                Some(f)
                    if matches!(f.as_obj(), Some(Object::Function(_)))
                        || (matches!(f.as_obj(), Some(Object::Builtin(_)))
                            && (matches!(v.as_obj(), Some(Object::Native(_)))
                                // `__hash__ = str.__hash__` in the class body
                                || matches!(&*cls, Object::Type(t) if t.dict.borrow().get_str("__hash__", crate::hash::hash_str("__hash__")).is_some()))) =>
                {
                    let r = self.call(&f, std::slice::from_ref(v))?;
                    // slot_tp_hash: an int that fits is the hash itself (-1 becomes -2), a bigger one
                    // is hashed (so set order matches CPython's).
                    return match as_int(&r) {
                        Some(IntRef::Small(h)) => Ok(if h == -1 { -2 } else { h }),
                        Some(IntRef::Big(b)) => Ok(crate::hash::hash_bigint(b)),
                        None => Err(type_error("__hash__ method should return an integer")),
                    };
                }
                _ => {
                    // A class that defines __eq__ but not __hash__ is unhashable.
                    if let Object::Type(t) = &*cls {
                        let own = t.dict.borrow();
                        if own
                            .get_str("__eq__", crate::hash::hash_str("__eq__"))
                            .is_some()
                        {
                            return Err(type_error(format!("unhashable type: '{}'", t.name)));
                        }
                    }
                    if let Some(b) = Vm::base_of(v) {
                        let b = b.clone();
                        return self.hash(&b).map_err(|_| {
                            type_error(format!("unhashable type: '{}'", self.type_name(v)))
                        });
                    }
                }
            }
        }
        Ok(match v {
            Value::Int(i) => crate::hash::hash_i64(*i),
            Value::Bool(b) => *b as i64,
            Value::Float(f) => crate::hash::hash_f64(*f),
            Value::None => 0xFCA86420 >> 4,
            Value::Undef => 0,
            Value::Obj(o) => match &**o {
                Object::Str(s) => s.hash(),
                Object::Int(b) => crate::hash::hash_bigint(b),
                Object::Tuple(t) => {
                    self.enter_c_recursion_unlimited()?;
                    let hs: PyResult<Vec<i64>> = t.iter().map(|x| self.hash(x)).collect();
                    self.leave_c_recursion();
                    crate::hash::hash_tuple(hs?.into_iter())
                }
                Object::Bytes(b) => crate::hash::hash_bytes(b),
                Object::FrozenSet(s) => s.frozenset_hash(),
                Object::Complex(c) => methods::complex::complex_hash(c),
                Object::MemoryView(m) => methods::memoryview::hash(m)?,
                Object::Range(_) | Object::BigRange(_) => {
                    crate::range::hash(&crate::range::parts(o).expect("a range"))
                }
                Object::List(_)
                | Object::Dict(_)
                | Object::Set(_)
                | Object::Slice(_)
                | Object::ByteArray(_) => {
                    return Err(type_error(format!(
                        "unhashable type: '{}'",
                        self.type_name(v)
                    )))
                }
                _ => (Rc::as_ptr(o) as *const u8 as usize >> 4) as i64,
            },
        })
    }

    // ---- attributes -----------------------------------------------------------------------------------

    /// Look `name` up along the MRO of type `t`.
    pub fn type_lookup(&self, t: &ObjRef, name: &Value) -> Option<Value> {
        let Object::Type(ty) = &**t else { return None };
        let (s, h) = str_and_hash(name)?;
        // Method cache (CPython's design): direct-mapped on (type, name object), valid for one type epoch.
        let (tp, np) = (
            Rc::as_ptr(t) as usize,
            match name {
                Value::Obj(o) => Rc::as_ptr(o) as *const u8 as usize,
                _ => 0,
            },
        );
        let slot = ((tp >> 4) ^ (np >> 4) ^ (np >> 12)) & (METHOD_CACHE_SIZE - 1);
        let epoch = self.type_epoch.get();
        {
            let mc = self.method_cache.borrow();
            let e = &mc[slot];
            if e.type_ptr == tp && e.name_ptr == np && e.epoch == epoch {
                return e.value.clone();
            }
        }
        let found = self.type_lookup_uncached(ty, s, h);
        // Keep the type and name alive while cached, so their addresses cannot be reused.
        let mut mc = self.method_cache.borrow_mut();
        mc[slot] = MethodCacheEntry {
            type_ptr: tp,
            name_ptr: np,
            epoch,
            value: found.clone(),
            _keep: Some((t.clone(), name.clone())),
        };
        found
    }

    fn type_lookup_uncached(&self, ty: &crate::object::TypeObj, s: &str, h: i64) -> Option<Value> {
        if let Some(v) = ty.dict.borrow().get_str(s, h) {
            return Some(v.clone());
        }
        for m in ty.mro.borrow().iter() {
            if let Object::Type(mt) = &**m {
                if let Some(v) = mt.dict.borrow().get_str(s, h) {
                    return Some(v.clone());
                }
            }
        }
        None
    }

    /// For `obj.name(...)`: the plain function found on the type, to be called with obj prepended.
    pub fn lookup_method(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        if let Some(Object::Module(_) | Object::Type(_)) = obj.as_obj() {
            return Ok(None);
        }
        if let Some(Object::Instance(i)) = obj.as_obj() {
            // An instance attribute shadows the class's method.
            if i.get_attr(name).is_some() || !crate::vm::classes::is_user_class(&i.cls) {
                return Ok(None);
            }
            let cls = i.cls.clone();
            return Ok(match self.type_lookup(&cls, name) {
                Some(f) if matches!(f.as_obj(), Some(Object::Function(_))) => Some(f),
                _ => None,
            });
        }
        let t = self.types.type_of(obj).clone();
        match self.type_lookup(&t, name) {
            Some(f @ Value::Obj(_))
                if matches!(
                    f.as_obj(),
                    Some(Object::Builtin(_)) | Some(Object::Function(_))
                ) =>
            {
                Ok(Some(f))
            }
            _ => Ok(None),
        }
    }

    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        let n = name.as_str().unwrap_or("");
        if let Value::Obj(o) = obj {
            if let Object::Instance(i) = &**o {
                if crate::vm::classes::is_user_class(&i.cls) {
                    return self.user_getattr(obj, name);
                }
                if crate::vm::classes::is_super(self, o) {
                    return self.super_getattr(o, name);
                }
                // Fields of builtin descriptor objects (`property.fget`, `member.__objclass__`...);
                // `f` and `_slot` are private.
                if !matches!(n, "f" | "_slot") {
                    if let Some(v) = i.get_attr(name) {
                        return Ok(v);
                    }
                }
            }
            if let Object::Native(_) = &**o {
                // Methods from the type dict; data attributes from a builtin `__getattr__`.
                return self.user_getattr(obj, name);
            }
            match &**o {
                Object::Module(m) => {
                    if let Some(v) = self.dict_get_str(&m.dict, name)? {
                        return Ok(v);
                    }
                    if n == "__dict__" {
                        return Ok(Value::Obj(m.dict.clone()));
                    }
                    if n == "__class__" {
                        return Ok(Value::Obj(self.types.type_of(obj).clone()));
                    }
                    // PEP 562: a module-level `__getattr__` answers the names the module lacks.
                    if let Some(ga) = self.dict_get_str_quiet(&m.dict, "__getattr__") {
                        return self.call(&ga, &[name.clone()]);
                    }
                    return Err(attribute_error(format!(
                        "module '{}' has no attribute '{}'",
                        m.name, n
                    )));
                }
                Object::Type(t) => {
                    match n {
                        "__name__" => return Ok(Value::str(&t.name)),
                        "__qualname__" => return Ok(Value::str(&t.qualname.borrow())),
                        "__module__" => return Ok(t.module.borrow().clone()),
                        "__mro__" => {
                            let mut v = vec![obj.clone()];
                            v.extend(t.mro.borrow().iter().map(|m| Value::Obj(m.clone())));
                            return Ok(Value::obj(Object::Tuple(v)));
                        }
                        "__bases__" => {
                            return Ok(Value::obj(Object::Tuple(
                                t.bases.iter().map(|b| Value::Obj(b.clone())).collect(),
                            )))
                        }
                        "__base__" => {
                            return Ok(t
                                .bases
                                .first()
                                .map(|b| Value::Obj(b.clone()))
                                .unwrap_or(Value::None))
                        }
                        _ => {}
                    }
                    if n == "__dict__" {
                        let d = Value::obj(Object::Dict(RefCell::new(t.dict.borrow().clone())));
                        return self.class_dict_proxy(d);
                    }
                    // The metaclass's data descriptors win over the class's own attributes.
                    let meta = self.types.type_of(obj).clone();
                    let meta_attr = self.type_lookup(&meta, name);
                    if let Some(ma) = &meta_attr {
                        if self.is_property(ma) {
                            return self.bind_class_attr(ma.clone(), Some(obj), &meta);
                        }
                    }
                    if let Some(v) = self.type_lookup(o, name) {
                        return self.bind_class_attr(v, None, o);
                    }
                    if let Some(ma) = meta_attr {
                        return self.bind_class_attr(ma, Some(obj), &meta);
                    }
                    if n == "__doc__" {
                        return Ok(Value::None);
                    }
                    if n == "__class__" {
                        return Ok(Value::Obj(meta));
                    }
                    if let Some(m) = crate::vm::classes::user_meta(o) {
                        let m = m.clone();
                        if let Some(ga) = self.type_lookup(&m, &self.strs.getattr.clone()) {
                            return self.call(&ga, &[obj.clone(), name.clone()]);
                        }
                    }
                    return Err(attribute_error(format!(
                        "type object '{}' has no attribute '{}'",
                        t.name, n
                    )));
                }
                Object::Function(f) => match n {
                    "__name__" => return Ok(Value::str(&f.name.borrow())),
                    "__qualname__" => return Ok(Value::str(&f.qualname.borrow())),
                    // Assigned values (functools.wraps) live in the attribute dict.
                    "__module__" | "__doc__" => {
                        if let Some(d) = f.dict.borrow().clone() {
                            if let Some(v) = self.dict_get_str(&d, name)? {
                                return Ok(v);
                            }
                        }
                        return Ok(if n == "__doc__" {
                            f.doc.clone()
                        } else {
                            f.module.clone()
                        });
                    }
                    "__defaults__" => {
                        return Ok(if f.defaults.is_empty() {
                            Value::None
                        } else {
                            Value::obj(Object::Tuple(f.defaults.clone()))
                        })
                    }
                    "__code__" => return Ok(Value::obj(Object::Code(f.code.clone()))),
                    "__globals__" => return Ok(Value::Obj(f.globals.clone())),
                    "__annotations__" => return self.function_annotations(f),
                    _ => {
                        if let Some(d) = f.dict.borrow().clone() {
                            if let Some(v) = self.dict_get_str(&d, name)? {
                                return Ok(v);
                            }
                        }
                    }
                },
                Object::Code(c) => {
                    if let Some(v) = code_attr(c, n) {
                        return Ok(v);
                    }
                }
                Object::Builtin(b) => match n {
                    "__name__" | "__qualname__" => return Ok(Value::str(b.name)),
                    "__self__" => return Ok(b.bound.clone().unwrap_or(Value::None)),
                    _ => {}
                },
                Object::BoundMethod(bm) => match n {
                    "__self__" => return Ok(bm.0.clone()),
                    "__func__" => return Ok(bm.1.clone()),
                    _ => return self.getattr(&bm.1.clone(), name),
                },
                Object::Exception(e) => match n {
                    "args" => return Ok(e.args.borrow().clone()),
                    "__cause__" => return Ok(none_if_undef(e.cause.borrow().clone())),
                    "__context__" => return Ok(none_if_undef(e.context.borrow().clone())),
                    "__suppress_context__" => return Ok(Value::Bool(e.suppress_context.get())),
                    "__traceback__" => return Ok(Value::None),
                    _ => {
                        {
                            let d = e.dict.borrow();
                            if let Some((s, h)) = str_and_hash(name) {
                                if let Some(v) = d.get_str(s, h) {
                                    return Ok(v.clone());
                                }
                            }
                        }
                        // Fields of particular exception types (StopIteration.value, ...).
                        if let Some(v) = self.exception_field(e, n) {
                            return Ok(v);
                        }
                    }
                },
                Object::Slice(s) => match n {
                    "start" => return Ok(s[0].clone()),
                    "stop" => return Ok(s[1].clone()),
                    "step" => return Ok(s[2].clone()),
                    _ => {}
                },
                Object::Range(r) => match n {
                    "start" => return Ok(Value::Int(r.start)),
                    "stop" => return Ok(Value::Int(r.stop)),
                    "step" => return Ok(Value::Int(r.step)),
                    _ => {}
                },
                Object::BigRange(r) => match n {
                    "start" => return Ok(int_from_big(r.start.clone())),
                    "stop" => return Ok(int_from_big(r.stop.clone())),
                    "step" => return Ok(int_from_big(r.step.clone())),
                    _ => {}
                },
                _ => {}
            }
        }
        match (n, obj) {
            ("__class__", _) => return Ok(Value::Obj(self.type_of(obj))),
            ("real" | "numerator", v) if v.is_int_like() => return self.unary_pos(v.clone()),
            ("imag", v) if v.is_int_like() => return Ok(Value::Int(0)),
            ("denominator", v) if v.is_int_like() => return Ok(Value::Int(1)),
            ("real", Value::Float(f)) => return Ok(Value::Float(*f)),
            ("imag", Value::Float(_)) => return Ok(Value::Float(0.0)),
            _ => {}
        }
        if let Some(r) = methods::data_attr(obj, n) {
            return r;
        }
        let t = self.type_of(obj);
        if let Some(v) = self.type_lookup(&t, name) {
            return Ok(match v.as_obj() {
                Some(Object::Builtin(b)) => Value::obj(Object::Builtin(Builtin {
                    name: b.name,
                    f: b.f,
                    bound: Some(obj.clone()),
                    unwrap_self: b.unwrap_self,
                })),
                Some(Object::Function(_)) => {
                    Value::obj(Object::BoundMethod(Box::new((obj.clone(), v.clone()))))
                }
                _ => v,
            });
        }
        Err(attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.type_name(obj),
            n
        )))
    }

    /// `C.__dict__`: a read-only `mappingproxy` (the `types` module's) over a snapshot of the class
    /// dict. While `types` itself is being imported the plain snapshot is returned.
    fn class_dict_proxy(&mut self, d: Value) -> PyResult<Value> {
        let modules = Value::Obj(self.modules.clone());
        let loaded = self.dict_get(&modules, &Value::str("types"))?;
        let types = match loaded {
            Some(m) => m,
            None => {
                let builtins = self.builtins.clone();
                self.import(&Value::str("types"), Value::None, Value::Int(0), &builtins)?
            }
        };
        match self.getattr_opt(&types, "mappingproxy")? {
            Some(mp) => self.call(&mp, &[d]),
            None => Ok(d),
        }
    }

    pub fn setattr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        if let Some(f) = self.meta_attr_hook(obj, "__setattr__") {
            self.call(&f, &[obj.clone(), name.clone(), v])?;
            return Ok(());
        }
        self.generic_setattr(obj, name, v)
    }

    /// A Python-level `__setattr__`/`__delattr__` of the metaclass of class `obj` (EnumType's).
    fn meta_attr_hook(&mut self, obj: &Value, hook: &'static str) -> Option<Value> {
        let meta = crate::vm::classes::user_meta(obj.as_obj()?)?.clone();
        let f = self.type_lookup(&meta, &self.strs.get(hook))?;
        matches!(f.as_obj(), Some(Object::Function(_))).then_some(f)
    }

    /// `setattr` without a metaclass's `__setattr__` (what `object.__setattr__` does for classes).
    pub fn generic_setattr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        if let Some(Object::Instance(i)) = obj.as_obj() {
            if crate::vm::classes::is_user_class(&i.cls) {
                let cls = i.cls.clone();
                if let Some(sa) = self.type_lookup(&cls, &self.strs.setattr.clone()) {
                    if matches!(sa.as_obj(), Some(Object::Function(_))) {
                        self.call(&sa, &[obj.clone(), name.clone(), v])?;
                        return Ok(());
                    }
                }
                self.instance_setattr(obj, name, v)?;
                return Ok(());
            }
        }
        if let Some(f) = native_own_dunder(obj, "__setattr__") {
            // A library type that handles its own attributes (weakref proxies).
            self.call(&f, &[obj.clone(), name.clone(), v])?;
            return Ok(());
        }
        if let Value::Obj(o) = obj {
            match &**o {
                Object::Module(m) => return self.dict_set_str(&m.dict, name, v),
                Object::Function(f) => {
                    match n {
                        "__name__" => {
                            *f.name.borrow_mut() = v.as_str().unwrap_or("").into();
                            return Ok(());
                        }
                        "__qualname__" => {
                            *f.qualname.borrow_mut() = v.as_str().unwrap_or("").into();
                            return Ok(());
                        }
                        _ => {}
                    }
                    let d = f
                        .dict
                        .borrow_mut()
                        .get_or_insert_with(|| Rc::new(Object::Dict(Default::default())))
                        .clone();
                    return self.dict_set_str(&d, name, v);
                }
                Object::Exception(e) => {
                    if n == "__cause__" {
                        *e.cause.borrow_mut() = v;
                        e.suppress_context.set(true);
                        return Ok(());
                    }
                    if n == "__context__" {
                        *e.context.borrow_mut() = v;
                        return Ok(());
                    }
                    if let Some((s, h)) = str_and_hash(name) {
                        let _ = s;
                        e.dict.borrow_mut().set_str(name.clone(), h, v);
                    }
                    return Ok(());
                }
                Object::Type(t) if t.kind != TypeKind::Exception && t.ctor.get().is_some() => {
                    return Err(type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        n, t.name
                    )));
                }
                Object::Type(t) if n == "__qualname__" => {
                    let Some(q) = v.as_str() else {
                        return Err(type_error(format!(
                            "can only assign string to {}.__qualname__, not '{}'",
                            t.name,
                            self.type_name(&v)
                        )));
                    };
                    *t.qualname.borrow_mut() = q.to_string();
                    return Ok(());
                }
                Object::Type(t) => {
                    if let Some((s, h)) = str_and_hash(name) {
                        if s == "__del__" {
                            t.has_finalizer.set(true);
                            crate::finalize::note_finalizer_class();
                        }
                        t.dict.borrow_mut().set_str(name.clone(), h, v);
                        t.version.set(t.version.get() + 1);
                        self.type_epoch.set(self.type_epoch.get() + 1);
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        let t = self.type_of(obj);
        if let Some(ca) = self.type_lookup(&t, name) {
            if let Some(e) = crate::builtins::type_attrs::readonly_error(self, &ca) {
                return Err(e);
            }
            return Err(attribute_error(format!(
                "'{}' object attribute '{}' is read-only",
                self.type_name(obj),
                n
            )));
        }
        Err(attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.type_name(obj),
            n
        )))
    }

    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        if let Some(f) = native_own_dunder(obj, "__delattr__") {
            self.call(&f, &[obj.clone(), name.clone()])?;
            return Ok(());
        }
        if let Some(Object::Instance(i)) = obj.as_obj() {
            if crate::vm::classes::is_user_class(&i.cls) {
                let cls = i.cls.clone();
                if let Some(da) = self.type_lookup(&cls, &self.strs.get("__delattr__")) {
                    if matches!(da.as_obj(), Some(Object::Function(_))) {
                        self.call(&da, &[obj.clone(), name.clone()])?;
                        return Ok(());
                    }
                }
            }
        }
        if let Some(f) = self.meta_attr_hook(obj, "__delattr__") {
            self.call(&f, &[obj.clone(), name.clone()])?;
            return Ok(());
        }
        self.generic_delattr(obj, name)
    }

    /// `del obj.name` without `__delattr__` hooks (what `object.__delattr__` does).
    pub fn generic_delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        if let Some(Object::Instance(i)) = obj.as_obj() {
            if crate::vm::classes::is_user_class(&i.cls) {
                let cls = i.cls.clone();
                if let Some(ca) = self.type_lookup(&cls, name) {
                    if self.delete_via_descriptor(&ca, obj, name, &cls)? {
                        return Ok(());
                    }
                }
                if i.del_attr(name) {
                    return Ok(());
                }
                return Err(attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    self.type_name(obj),
                    n
                )));
            }
        }
        self.delattr_builtin(obj, name)
    }

    /// `del obj.name` through a data descriptor found on the class: a property's deleter, a member
    /// (`__slots__`), a user descriptor's `__delete__`. False when `ca` is not one of those.
    fn delete_via_descriptor(
        &mut self,
        ca: &Value,
        obj: &Value,
        name: &Value,
        cls: &ObjRef,
    ) -> PyResult<bool> {
        if self.member_set(ca, obj, None)? {
            return Ok(true);
        }
        if self.is_property(ca) {
            let fdel = crate::vm::classes::field(ca.as_obj().expect("obj"), "fdel");
            if fdel.is_none() {
                return Err(attribute_error(format!(
                    "property '{}' of '{}' object has no deleter",
                    name.as_str().unwrap_or(""),
                    crate::types::type_name(cls)
                )));
            }
            self.call(&fdel, std::slice::from_ref(obj))?;
            return Ok(true);
        }
        if let Some(Object::Instance(di)) = ca.as_obj() {
            let dc = di.cls.clone();
            if crate::vm::classes::is_user_class(&dc) {
                if let Some(f) = self.type_lookup(&dc, &self.strs.get("__delete__")) {
                    self.call(&f, &[ca.clone(), obj.clone()])?;
                    return Ok(true);
                }
                if self.type_lookup(&dc, &self.strs.get("__set__")).is_some() {
                    return Err(attribute_error("__delete__"));
                }
            }
        }
        Ok(false)
    }

    /// `del obj.name` for objects that are not instances of Python classes.
    fn delattr_builtin(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        if let Some(Object::Module(m)) = obj.as_obj() {
            if self.dict_del_str(&m.dict, name)? {
                return Ok(());
            }
            return Err(attribute_error(format!(
                "'module' object has no attribute '{}'",
                n
            )));
        }
        if let Some(Object::Function(f)) = obj.as_obj() {
            if let Some(d) = f.dict.borrow().clone() {
                if self.dict_del_str(&d, name)? {
                    return Ok(());
                }
            }
        }
        // `del C.x` on a class (invalidating method caches as a store does).
        if let Some(Object::Type(t)) = obj.as_obj() {
            if t.kind != TypeKind::Exception && t.ctor.get().is_some() {
                return Err(type_error(format!(
                    "cannot set '{}' attribute of immutable type '{}'",
                    n, t.name
                )));
            }
            let (s, h) = str_and_hash(name).unwrap_or(("", 0));
            let found = {
                let mut d = t.dict.borrow_mut();
                let r: Result<Option<usize>, ()> = d.find(h, |k| Ok(k.as_str() == Some(s)));
                match r.ok().flatten() {
                    Some(ix) => d.remove_at(ix).is_some(),
                    None => false,
                }
            };
            if found {
                t.version.set(t.version.get() + 1);
                self.type_epoch.set(self.type_epoch.get() + 1);
                return Ok(());
            }
            return Err(attribute_error(format!(
                "type object '{}' has no attribute '{}'",
                t.name, n
            )));
        }
        Err(attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.type_name(obj),
            n
        )))
    }

    // ---- items ----------------------------------------------------------------------------------------

    /// A slice whose bounds include objects with `__index__`, as the same slice of ints (builtin
    /// sequences resolve bounds without calling Python); any other key unchanged.
    fn index_slice_key(&mut self, key: &Value) -> PyResult<Option<Value>> {
        let Some(Object::Slice(sl)) = key.as_obj() else {
            return Ok(None);
        };
        if !sl.iter().any(|v| self.is_user_instance(v)) {
            return Ok(None);
        }
        let mut parts = [Value::None, Value::None, Value::None];
        for (i, v) in sl.iter().enumerate() {
            parts[i] = if self.is_user_instance(v) {
                crate::builtins::methods::util::number_index(self, v).map_err(|_| {
                    type_error("slice indices must be integers or None or have an __index__ method")
                })?
            } else {
                v.clone()
            };
        }
        Ok(Some(Value::obj(Object::Slice(Box::new(parts)))))
    }

    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        if !self.is_user_instance(obj) {
            if let Some(k) = self.index_slice_key(key)? {
                return self.getitem(obj, &k);
            }
            if self.is_user_instance(key)
                && matches!(obj.as_obj(), Some(Object::Str(_) | Object::Bytes(_)))
            {
                let t = self.type_of(key);
                if self.type_lookup(&t, &self.strs.get("__index__")).is_some() {
                    let k = crate::builtins::methods::util::number_index(self, key)?;
                    return self.getitem(obj, &k);
                }
            }
        }
        if self.is_user_instance(obj) {
            if let Some(r) = self.call_dunder(obj, "__getitem__", std::slice::from_ref(key))? {
                return Ok(r);
            }
            if let Some(b) = Vm::base_of(obj) {
                let b = b.clone();
                if matches!(b.as_obj(), Some(Object::Dict(_))) {
                    // dict subclasses: a missing key goes to `__missing__` when the class defines it.
                    if let Some(v) = self.dict_get(&b, key)? {
                        return Ok(v);
                    }
                    if let Some(r) =
                        self.call_dunder(obj, "__missing__", std::slice::from_ref(key))?
                    {
                        return Ok(r);
                    }
                }
                return self.getitem(&b, key);
            }
            if !matches!(obj.as_obj(), Some(Object::Type(_))) {
                return Err(type_error(format!(
                    "'{}' object is not subscriptable",
                    self.type_name(obj)
                )));
            }
        }
        let Value::Obj(o) = obj else {
            return Err(type_error(format!(
                "'{}' object is not subscriptable",
                self.type_name(obj)
            )));
        };
        match &**o {
            Object::List(l) => {
                if let Some(sl) = key.as_obj().and_then(slice_of) {
                    let items = l.borrow();
                    if let Some((a, b)) = self.slice_contiguous(sl, items.len())? {
                        return Ok(Value::obj(Object::List(RefCell::new(items[a..b].to_vec()))));
                    }
                    let idx = self.slice_indices(sl, items.len())?;
                    return Ok(Value::obj(Object::List(RefCell::new(
                        idx.iter().map(|&i| items[i].clone()).collect(),
                    ))));
                }
                let i = self.index_of(key, "list")?;
                let items = l.borrow();
                match norm_index(i, items.len()) {
                    Some(j) => Ok(items[j].clone()),
                    None => Err(index_error("list index out of range")),
                }
            }
            Object::Tuple(t) => {
                if let Some(sl) = key.as_obj().and_then(slice_of) {
                    if let Some((a, b)) = self.slice_contiguous(sl, t.len())? {
                        return Ok(Value::obj(Object::Tuple(t[a..b].to_vec())));
                    }
                    let idx = self.slice_indices(sl, t.len())?;
                    return Ok(Value::obj(Object::Tuple(
                        idx.iter().map(|&i| t[i].clone()).collect(),
                    )));
                }
                let i = self.index_of(key, "tuple")?;
                match norm_index(i, t.len()) {
                    Some(j) => Ok(t[j].clone()),
                    None => Err(index_error("tuple index out of range")),
                }
            }
            Object::Str(s) => {
                if let Some(sl) = key.as_obj().and_then(slice_of) {
                    if let Some((a, b)) = self.slice_contiguous(sl, s.char_len())? {
                        let (x, y) = if s.is_ascii() {
                            (a, b)
                        } else {
                            let x = s.byte_offset(a);
                            let rest = &s.as_str()[x..];
                            let y = rest
                                .char_indices()
                                .nth(b - a)
                                .map_or(s.byte_len(), |(k, _)| x + k);
                            (x, y)
                        };
                        return Ok(Value::str_chars(&s.as_str()[x..y], b - a));
                    }
                    let idx = self.slice_indices(sl, s.char_len())?;
                    if s.is_ascii() {
                        let b = s.as_str().as_bytes();
                        let out: String = idx.iter().map(|&i| b[i] as char).collect();
                        return Ok(Value::from_string(out));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    return Ok(Value::from_string(idx.iter().map(|&i| chars[i]).collect()));
                }
                let i = match as_int(key) {
                    Some(IntRef::Small(i)) => i,
                    Some(IntRef::Big(_)) => {
                        return Err(index_error("cannot fit 'int' into an index-sized integer"))
                    }
                    None => {
                        return Err(type_error(format!(
                            "string indices must be integers, not '{}'",
                            self.type_name(key)
                        )))
                    }
                };
                match norm_index(i, s.char_len()) {
                    Some(j) => Ok(Value::char(s.char_at(j))),
                    None => Err(index_error("string index out of range")),
                }
            }
            Object::Bytes(b) => {
                if let Some(sl) = key.as_obj().and_then(slice_of) {
                    if let Some((x, y)) = self.slice_contiguous(sl, b.len())? {
                        return Ok(Value::obj(Object::Bytes(b[x..y].to_vec())));
                    }
                    let idx = self.slice_indices(sl, b.len())?;
                    return Ok(Value::obj(Object::Bytes(
                        idx.iter().map(|&i| b[i]).collect(),
                    )));
                }
                let i = self.index_of(key, "byte")?;
                match norm_index(i, b.len()) {
                    Some(j) => Ok(Value::Int(b[j] as i64)),
                    None => Err(index_error("index out of range")),
                }
            }
            Object::Range(r) if matches!(key, Value::Int(_)) => {
                let Value::Int(i) = key else { unreachable!() };
                match norm_index(*i, r.len() as usize) {
                    Some(j) => Ok(Value::Int(r.get(j as i64))),
                    None => Err(index_error("range object index out of range")),
                }
            }
            // Slices, big indexes, `__index__` keys and big ranges: with bigints (range.rs).
            Object::Range(_) | Object::BigRange(_) => {
                let p = crate::range::parts(o).expect("a range");
                if let Some(sl) = key.as_obj().and_then(slice_of) {
                    return crate::range::getitem_slice(self, &p, sl);
                }
                let is_index = as_int(key).is_some() || self.is_user_instance(key);
                if !is_index {
                    return Err(type_error(format!(
                        "range indices must be integers or slices, not {}",
                        self.type_name(key)
                    )));
                }
                let i = methods::util::number_index(self, key)?;
                crate::range::getitem_index(&p, &i.to_bigint().unwrap_or_default())
            }
            Object::Dict(d) => {
                let h = self.hash(key)?;
                let ix = self.dict_find_cell(d, key, h)?;
                let d = d.borrow();
                match ix {
                    Some(ix) => Ok(d.entry(ix).map(|e| e.value.clone()).unwrap_or(Value::None)),
                    None => Err(PyErr::with_value(ExcKind::KeyError, key.clone())),
                }
            }
            Object::ByteArray(b) => methods::bytearray::getitem(self, b, key),
            Object::MemoryView(m) => methods::memoryview::getitem(self, m, key),
            // `list[int]` and friends: the class itself is enough for annotations.
            Object::Type(t) => {
                if let Some(cg) = self.type_lookup(o, &self.strs.get("__class_getitem__")) {
                    let f = self.bind_class_attr(cg, None, o)?;
                    return self.call(&f, std::slice::from_ref(key));
                }
                if t.heap {
                    return Err(type_error(format!(
                        "type '{}' is not subscriptable",
                        t.name
                    )));
                }
                // Builtin generics (`list[int]`): a types.GenericAlias (written in Python).
                if matches!(
                    t.name.as_str(),
                    "list" | "dict" | "tuple" | "set" | "frozenset" | "type"
                ) {
                    let builtins = self.builtins.clone();
                    let types =
                        self.import(&Value::str("types"), Value::None, Value::Int(0), &builtins)?;
                    let ga = self.getattr(&types, &Value::str("GenericAlias"))?;
                    return self.call(&ga, &[obj.clone(), key.clone()]);
                }
                // Other builtin classes stand for themselves (annotations only need a value).
                Ok(obj.clone())
            }
            _ => Err(type_error(format!(
                "'{}' object is not subscriptable",
                self.type_name(obj)
            ))),
        }
    }

    fn index_of(&mut self, key: &Value, what: &str) -> PyResult<i64> {
        if self.is_user_instance(key) && Vm::base_of(key).is_none() {
            // An object with `__index__` stands for that int.
            if let Some(r) = self.call_dunder(key, "__index__", &[])? {
                if as_int(&r).is_none() {
                    return Err(type_error(format!(
                        "__index__ returned non-int (type {})",
                        self.type_name(&r)
                    )));
                }
                return self.index_of(&r, what);
            }
        }
        match as_int(key) {
            Some(IntRef::Small(i)) => Ok(i),
            Some(IntRef::Big(b)) => Err(index_error(format!(
                "cannot fit 'int' into an index-sized integer{}",
                if b.is_negative() { "" } else { "" }
            ))),
            None => Err(type_error(format!(
                "{} indices must be integers or slices, not {}",
                what,
                self.type_name(key)
            ))),
        }
    }

    /// (start, stop, step) after CPython's PySlice_AdjustIndices.
    pub fn slice_adjust(&self, sl: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
        let get = |v: &Value| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                other => match as_int(other) {
                    Some(IntRef::Small(i)) => Ok(Some(i)),
                    Some(IntRef::Big(b)) => Ok(Some(if b.is_negative() {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    })),
                    None => Err(type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )),
                },
            }
        };
        let step = get(&sl[2])?.unwrap_or(1);
        if step == 0 {
            return Err(value_error("slice step cannot be zero"));
        }
        let n = len as i64;
        let (lo, hi) = if step < 0 { (-1, n - 1) } else { (0, n) };
        let adj = |v: Option<i64>, dflt: i64| -> i64 {
            match v {
                None => dflt,
                Some(i) => {
                    if i < 0 {
                        (i + n).max(lo)
                    } else {
                        i.min(hi)
                    }
                }
            }
        };
        let start = adj(get(&sl[0])?, if step < 0 { hi } else { lo });
        let stop = adj(get(&sl[1])?, if step < 0 { lo } else { hi });
        Ok((start, stop, step))
    }

    /// `(start, stop)` with `start <= stop` when the slice has step 1 (the common `s[a:b]`), else None.
    pub fn slice_contiguous(
        &self,
        sl: &[Value; 3],
        len: usize,
    ) -> PyResult<Option<(usize, usize)>> {
        if !matches!(sl[2], Value::None | Value::Int(1)) {
            return Ok(None);
        }
        let (start, stop, _) = self.slice_adjust(sl, len)?;
        Ok(Some((start as usize, stop.max(start) as usize)))
    }

    /// The indices a slice selects.
    pub fn slice_indices(&self, sl: &[Value; 3], len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_adjust(sl, len)?;
        let mut v = Vec::new();
        let mut i = start;
        if step > 0 {
            while i < stop {
                v.push(i as usize);
                i += step;
            }
        } else {
            while i > stop {
                v.push(i as usize);
                i += step;
            }
        }
        Ok(v)
    }

    pub fn setitem(&mut self, obj: &Value, key: Value, v: Value) -> PyResult<()> {
        if !self.is_user_instance(obj) {
            if let Some(k) = self.index_slice_key(&key)? {
                return self.setitem(obj, k, v);
            }
        }
        if self.is_user_instance(obj) {
            if let Some(b) = Vm::base_of(obj) {
                // No Python override: store into the builtin base.
                let cls = self.type_of(obj);
                let f = self.type_lookup(&cls, &self.strs.get("__setitem__"));
                if !matches!(
                    f.as_ref().and_then(|f| f.as_obj()),
                    Some(Object::Function(_))
                ) {
                    let b = b.clone();
                    return self.setitem(&b, key, v);
                }
            }
            if self.call_dunder(obj, "__setitem__", &[key, v])?.is_some() {
                return Ok(());
            }
            return Err(type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            )));
        }
        let Value::Obj(o) = obj else {
            return Err(type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            )));
        };
        match &**o {
            Object::List(l) => {
                if let Some(sl) = key.as_obj().and_then(slice_of) {
                    let new_items = self.collect(v)?;
                    let len = l.borrow().len();
                    let (start, stop, step) = self.slice_adjust(sl, len)?;
                    let mut items = l.borrow_mut();
                    if step == 1 {
                        let stop = stop.max(start);
                        items.splice(start as usize..stop as usize, new_items);
                        return Ok(());
                    }
                    drop(items);
                    let idx = self.slice_indices(sl, len)?;
                    if idx.len() != new_items.len() {
                        return Err(value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new_items.len(),
                            idx.len()
                        )));
                    }
                    let mut items = l.borrow_mut();
                    for (i, x) in idx.into_iter().zip(new_items) {
                        items[i] = x;
                    }
                    return Ok(());
                }
                let i = self.index_of(&key, "list")?;
                let mut items = l.borrow_mut();
                match norm_index(i, items.len()) {
                    Some(j) => {
                        items[j] = v;
                        Ok(())
                    }
                    None => Err(index_error("list assignment index out of range")),
                }
            }
            Object::Dict(_) => self.dict_set(obj, key, v),
            Object::ByteArray(b) => methods::bytearray::setitem(self, b, &key, &v),
            Object::MemoryView(m) => methods::memoryview::setitem(self, m, &key, &v),
            _ => Err(type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        if !self.is_user_instance(obj) {
            if let Some(k) = self.index_slice_key(key)? {
                return self.delitem(obj, &k);
            }
        }
        if self.is_user_instance(obj) {
            if self
                .call_dunder(obj, "__delitem__", std::slice::from_ref(key))?
                .is_some()
            {
                return Ok(());
            }
            if let Some(b) = Vm::base_of(obj) {
                let b = b.clone();
                return self.delitem(&b, key);
            }
            return Err(type_error(format!(
                "'{}' object does not support item deletion",
                self.type_name(obj)
            )));
        }
        let Value::Obj(o) = obj else {
            return Err(type_error(format!(
                "'{}' object does not support item deletion",
                self.type_name(obj)
            )));
        };
        match &**o {
            Object::List(l) => {
                if let Some(sl) = key.as_obj().and_then(slice_of) {
                    let len = l.borrow().len();
                    let mut idx = self.slice_indices(sl, len)?;
                    idx.sort_unstable();
                    let mut items = l.borrow_mut();
                    for i in idx.into_iter().rev() {
                        items.remove(i);
                    }
                    return Ok(());
                }
                let i = self.index_of(key, "list")?;
                let mut items = l.borrow_mut();
                match norm_index(i, items.len()) {
                    Some(j) => {
                        items.remove(j);
                        Ok(())
                    }
                    None => Err(index_error("list assignment index out of range")),
                }
            }
            Object::Dict(d) => {
                let h = self.hash(key)?;
                let found = self.dict_find_cell(d, key, h)?;
                let removed = match found {
                    Some(ix) => d.borrow_mut().remove_at(ix),
                    None => None,
                };
                match removed {
                    Some(_) => Ok(()),
                    None => Err(PyErr::with_value(ExcKind::KeyError, key.clone())),
                }
            }
            Object::ByteArray(b) => methods::bytearray::delitem(self, b, key),
            Object::MemoryView(_) => Err(type_error("cannot delete memory")),
            _ => Err(type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(obj)
            ))),
        }
    }

    // ---- iteration ------------------------------------------------------------------------------------

    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        if self.is_user_instance(&v) {
            let t = self.types.type_of(&v).clone();
            // `__iter__ = None` declares a class not iterable (no `__getitem__` fallback).
            if let Some(Value::None) = self.type_lookup(&t, &self.strs.get("__iter__")) {
                return Err(type_error(format!(
                    "'{}' object is not iterable",
                    self.type_name(&v)
                )));
            }
            if let Some(it) = self.call_dunder(&v, "__iter__", &[])? {
                return Ok(it);
            }
            if let Some(b) = Vm::base_of(&v) {
                let b = b.clone();
                return self.get_iter(b);
            }
            if self
                .type_lookup(&t, &self.strs.get("__getitem__"))
                .is_some()
            {
                return Ok(Value::obj(Object::Iter(RefCell::new(Iter::GetItem {
                    seq: v,
                    index: 0,
                }))));
            }
            return Err(type_error(format!(
                "'{}' object is not iterable",
                self.type_name(&v)
            )));
        }
        let it = match &v {
            Value::Obj(o) => match &**o {
                Object::List(_)
                | Object::Tuple(_)
                | Object::Bytes(_)
                | Object::ByteArray(_)
                | Object::MemoryView(_) => Iter::Seq {
                    seq: o.clone(),
                    index: 0,
                },
                Object::Str(_) => Iter::Str {
                    s: o.clone(),
                    byte: 0,
                },
                Object::Dict(d) => Iter::DictKeys {
                    dict: o.clone(),
                    index: 0,
                    len_at_start: d.borrow().len(),
                },
                Object::Set(d) => Iter::Set {
                    set: o.clone(),
                    pos: 0,
                    used: d.borrow().len(),
                },
                Object::FrozenSet(d) => Iter::Set {
                    set: o.clone(),
                    pos: 0,
                    used: d.len(),
                },
                Object::Range(r) => Iter::Range {
                    cur: r.start,
                    stop: r.stop,
                    step: r.step,
                },
                // Through `r[0]`, `r[1]`...: a big range is rare enough not to need its own iterator.
                Object::BigRange(_) => Iter::GetItem {
                    seq: v.clone(),
                    index: 0,
                },
                Object::Iter(_) => return Ok(v),
                Object::Generator(_)
                    if crate::vm::generators::gen_kind(&v)
                        == Some(crate::vm::generators::GenKind::Generator) =>
                {
                    return Ok(v)
                }
                Object::DictView(dv) => {
                    let len_at_start = match &*dv.0 {
                        Object::Dict(d) => d.borrow().len(),
                        _ => 0,
                    };
                    let dict = dv.0.clone();
                    match dv.1 {
                        crate::object::ViewKind::Keys => Iter::DictKeys {
                            dict,
                            index: 0,
                            len_at_start,
                        },
                        crate::object::ViewKind::Values => Iter::DictValues {
                            dict,
                            index: 0,
                            len_at_start,
                        },
                        crate::object::ViewKind::Items => Iter::DictItems {
                            dict,
                            index: 0,
                            len_at_start,
                        },
                    }
                }
                _ => {
                    return Err(type_error(format!(
                        "'{}' object is not iterable",
                        self.type_name(&v)
                    )))
                }
            },
            _ => {
                return Err(type_error(format!(
                    "'{}' object is not iterable",
                    self.type_name(&v)
                )))
            }
        };
        Ok(Value::obj(Object::Iter(RefCell::new(it))))
    }

    /// Advance an iterator: Some(value), or None when exhausted.
    #[inline]
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        // Iterators over a str or a set (the JIT's `iter_step` comes here) without the general
        // step's large frame.
        if let Some(Object::Iter(cell)) = it.as_obj() {
            if let Some(r) = str_iter_next(cell) {
                return Ok(r);
            }
        }
        self.next_general(it)
    }

    #[inline(never)]
    fn next_general(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it.as_obj() {
            Some(Object::Generator(_)) => return self.gen_next(it),
            Some(Object::Native(n)) => {
                if let Some(next) = n.data.next_fn() {
                    return next(self, it);
                }
            }
            _ => {}
        }
        if !matches!(it.as_obj(), Some(Object::Iter(_))) && self.is_user_instance(it) {
            return match self.call_dunder(it, "__next__", &[]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => Err(type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                ))),
                Err(e) => {
                    if self.err_matches(&e, ExcKind::StopIteration) {
                        Ok(None)
                    } else {
                        Err(e)
                    }
                }
            };
        }
        let Some(Object::Iter(cell)) = it.as_obj() else {
            return Err(type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            )));
        };
        // Cases that call back into Python take what they need and release the borrow first.
        enum Call {
            Map(Value, Vec<Value>),
            Filter(Value, Value),
            Enumerate(Value, Value),
            Zip(Vec<Value>, bool),
            Callable(Value, Value),
            GetItem(Value, i64),
        }
        let call = {
            let mut st = cell.borrow_mut();
            match &mut *st {
                Iter::Seq { seq, index } => {
                    let r = match &**seq {
                        Object::List(l) => l.borrow().get(*index).cloned(),
                        Object::Tuple(t) => t.get(*index).cloned(),
                        Object::Bytes(b) => b.get(*index).map(|x| Value::Int(*x as i64)),
                        Object::ByteArray(b) => {
                            b.data.borrow().get(*index).map(|x| Value::Int(*x as i64))
                        }
                        Object::MemoryView(m) => methods::memoryview::item_at(m, *index)?,
                        _ => None,
                    };
                    *index += 1;
                    if r.is_none() {
                        *st = Iter::Exhausted;
                    }
                    return Ok(r);
                }
                Iter::Range { cur, stop, step } => {
                    let c = *cur;
                    if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                        // Past i64 the next value cannot be before stop: saturate to end the loop.
                        *cur = c.checked_add(*step).unwrap_or(*stop);
                        return Ok(Some(Value::Int(c)));
                    }
                    return Ok(None);
                }
                Iter::Str { s, byte } => return Ok(str_step(s, byte)),
                Iter::DictKeys {
                    dict,
                    index,
                    len_at_start,
                }
                | Iter::DictValues {
                    dict,
                    index,
                    len_at_start,
                }
                | Iter::DictItems {
                    dict,
                    index,
                    len_at_start,
                } => {
                    let (entry, len) = match &**dict {
                        Object::Dict(d) => {
                            let d = d.borrow();
                            (
                                d.next_from(*index)
                                    .map(|(p, e)| (p, e.key.clone(), e.value.clone())),
                                d.len(),
                            )
                        }
                        _ => (None, 0),
                    };
                    if len != *len_at_start {
                        *len_at_start = usize::MAX;
                        return Err(PyErr::new(
                            ExcKind::RuntimeError,
                            "dictionary changed size during iteration",
                        ));
                    }
                    let kind = match &*st {
                        Iter::DictKeys { .. } => 0,
                        Iter::DictValues { .. } => 1,
                        _ => 2,
                    };
                    match entry {
                        Some((p, k, v)) => {
                            if let Iter::DictKeys { index, .. }
                            | Iter::DictValues { index, .. }
                            | Iter::DictItems { index, .. } = &mut *st
                            {
                                *index = p + 1;
                            }
                            return Ok(Some(match kind {
                                0 => k,
                                1 => v,
                                _ => Value::obj(Object::Tuple(vec![k, v])),
                            }));
                        }
                        None => return Ok(None),
                    }
                }
                Iter::Set { set, pos, used } => {
                    // setiter_iternext: the size check first (sticky), then the next live slot.
                    let Some(t) = super::containers::set_table(set) else {
                        return Ok(None);
                    };
                    if t.len() != *used {
                        drop(t);
                        *used = usize::MAX;
                        return Err(PyErr::new(
                            ExcKind::RuntimeError,
                            "Set changed size during iteration",
                        ));
                    }
                    let next = t.next_from(*pos).map(|(p, e)| (p, e.key.clone()));
                    drop(t);
                    match next {
                        Some((p, k)) => {
                            *pos = p + 1;
                            return Ok(Some(k));
                        }
                        None => {
                            *st = Iter::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                Iter::Reversed { seq, index } => {
                    if *index == 0 {
                        return Ok(None);
                    }
                    *index -= 1;
                    // A Python sequence (`__len__` and `__getitem__`): one `seq[i]` per step, as
                    // CPython's reversed object does; IndexError or StopIteration ends it.
                    if !matches!(
                        &**seq,
                        Object::List(_)
                            | Object::Tuple(_)
                            | Object::Str(_)
                            | Object::Range(_)
                            | Object::Bytes(_)
                            | Object::ByteArray(_)
                    ) {
                        Call::GetItem(Value::Obj(seq.clone()), *index as i64)
                    } else {
                        let r = match &**seq {
                            Object::List(l) => l.borrow().get(*index).cloned(),
                            Object::Tuple(t) => t.get(*index).cloned(),
                            Object::Str(s) => Some(Value::char(s.char_at(*index))),
                            Object::Range(r) => Some(Value::Int(r.get(*index as i64))),
                            Object::Bytes(b) => b.get(*index).map(|x| Value::Int(*x as i64)),
                            Object::ByteArray(b) => {
                                b.data.borrow().get(*index).map(|x| Value::Int(*x as i64))
                            }
                            _ => None,
                        };
                        if r.is_none() {
                            *index = 0;
                        }
                        return Ok(r);
                    }
                }
                Iter::Enumerate { iter, count } => Call::Enumerate(iter.clone(), count.clone()),
                Iter::Zip { iters, strict } => Call::Zip(iters.clone(), *strict),
                Iter::Map { func, iters } => Call::Map(func.clone(), iters.clone()),
                Iter::Filter { func, iter } => Call::Filter(func.clone(), iter.clone()),
                Iter::Callable { func, sentinel } => Call::Callable(func.clone(), sentinel.clone()),
                Iter::GetItem { seq, index } => {
                    let i = *index;
                    *index += 1;
                    Call::GetItem(seq.clone(), i)
                }
                Iter::Exhausted => return Ok(None),
            }
        };
        match call {
            Call::Enumerate(inner, count) => match self.next(&inner)? {
                Some(v) => {
                    let next_count = self.binary_op(
                        crate::bytecode::BinOp::Add as u32,
                        count.clone(),
                        Value::Int(1),
                    )?;
                    if let Iter::Enumerate { count: c, .. } = &mut *cell.borrow_mut() {
                        *c = next_count;
                    }
                    Ok(Some(Value::obj(Object::Tuple(vec![count, v]))))
                }
                None => Ok(None),
            },
            Call::Zip(iters, strict) => {
                if iters.is_empty() {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(iters.len());
                for (i, x) in iters.iter().enumerate() {
                    match self.next(x)? {
                        Some(v) => items.push(v),
                        None => {
                            *cell.borrow_mut() = Iter::Exhausted;
                            if strict {
                                if i > 0 {
                                    let plural = if i == 1 { "" } else { "s" };
                                    return Err(value_error(format!(
                                        "zip() argument {} is shorter than argument{} 1{}",
                                        i + 1,
                                        plural,
                                        if i == 1 {
                                            String::new()
                                        } else {
                                            format!("-{}", i)
                                        }
                                    )));
                                }
                                for (j, y) in iters.iter().enumerate().skip(1) {
                                    if self.next(y)?.is_some() {
                                        let plural = if j == 1 { "" } else { "s" };
                                        return Err(value_error(format!(
                                            "zip() argument {} is longer than argument{} 1{}",
                                            j + 1,
                                            plural,
                                            if j == 1 {
                                                String::new()
                                            } else {
                                                format!("-{}", j)
                                            }
                                        )));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(Value::obj(Object::Tuple(items))))
            }
            Call::Map(func, iters) => {
                let mut args = Vec::with_capacity(iters.len());
                for x in &iters {
                    match self.next(x)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(&func, &args).map(Some)
            }
            Call::Filter(func, inner) => loop {
                match self.next(&inner)? {
                    Some(v) => {
                        let keep = if func.is_none() {
                            self.truthy(&v)?
                        } else {
                            let r = self.call(&func, std::slice::from_ref(&v))?;
                            self.truthy(&r)?
                        };
                        if keep {
                            return Ok(Some(v));
                        }
                    }
                    None => return Ok(None),
                }
            },
            Call::GetItem(seq, i) => match self.getitem(&seq, &Value::Int(i)) {
                Ok(v) => Ok(Some(v)),
                Err(e) => {
                    if self.err_matches(&e, ExcKind::IndexError)
                        || self.err_matches(&e, ExcKind::StopIteration)
                    {
                        *cell.borrow_mut() = Iter::Exhausted;
                        Ok(None)
                    } else {
                        Err(e)
                    }
                }
            },
            Call::Callable(func, sentinel) => {
                let v = self.call(&func, &[])?;
                if self.eq(&v, &sentinel)? {
                    *cell.borrow_mut() = Iter::Exhausted;
                    return Ok(None);
                }
                Ok(Some(v))
            }
        }
    }

    /// Drain any iterable into a Vec.
    pub fn collect(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Some(o) = v.as_obj() {
            match o {
                Object::List(l) => return Ok(l.borrow().clone()),
                Object::Tuple(t) => return Ok(t.clone()),
                // Its length is known: an absurd one is a MemoryError up front, as in CPython
                // (`list(range(2**62))`), instead of growing until allocation fails.
                Object::Range(r) => {
                    let n = r.len().max(0) as usize;
                    let mut out = crate::alloc::vec(n)?;
                    out.extend((0..n as i64).map(|i| Value::Int(r.get(i))));
                    return Ok(out);
                }
                Object::BigRange(_) => {
                    let p = crate::range::parts(o).expect("a range");
                    let n = crate::range::len(&p)?;
                    let mut out = crate::alloc::vec(n)?;
                    let mut x = p.start.clone();
                    for _ in 0..n {
                        out.push(int_from_big(x.clone()));
                        x += &p.step;
                    }
                    return Ok(out);
                }
                _ => {}
            }
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            crate::alloc::grow(&mut out, 1)?;
            out.push(x);
        }
        Ok(out)
    }

    pub fn unpack(&mut self, v: Value, n: usize) -> PyResult<Vec<Value>> {
        if let Some(Object::Tuple(t)) = v.as_obj() {
            if t.len() == n {
                return Ok(t.clone());
            }
        }
        if !self.is_iterable(&v) {
            return Err(type_error(format!(
                "cannot unpack non-iterable {} object",
                self.type_name(&v)
            )));
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.next(&it)? {
                Some(x) => out.push(x),
                None => {
                    return Err(value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        n,
                        out.len()
                    )))
                }
            }
        }
        if self.next(&it)?.is_some() {
            return Err(value_error(format!(
                "too many values to unpack (expected {})",
                n
            )));
        }
        Ok(out)
    }

    pub fn unpack_ex(&mut self, v: Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
        if !self.is_iterable(&v) {
            return Err(type_error(format!(
                "cannot unpack non-iterable {} object",
                self.type_name(&v)
            )));
        }
        let mut items = self.collect(v)?;
        if items.len() < before + after {
            return Err(value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let mid = items.split_off(before);
        items.push(Value::obj(Object::List(RefCell::new(mid))));
        items.extend(tail);
        Ok(items)
    }

    pub fn is_iterable(&self, v: &Value) -> bool {
        if self.is_user_instance(v) {
            if let Some(b) = Vm::base_of(v) {
                return self.is_iterable(b);
            }
            let cls = self.type_of(v);
            return self.type_lookup(&cls, &self.strs.get("__iter__")).is_some()
                || self
                    .type_lookup(&cls, &self.strs.get("__getitem__"))
                    .is_some();
        }
        matches!(
            v.as_obj(),
            Some(
                Object::List(_)
                    | Object::Tuple(_)
                    | Object::Str(_)
                    | Object::Bytes(_)
                    | Object::ByteArray(_)
                    | Object::MemoryView(_)
                    | Object::Dict(_)
                    | Object::Set(_)
                    | Object::FrozenSet(_)
                    | Object::Range(_)
                    | Object::BigRange(_)
                    | Object::Iter(_)
                    | Object::Generator(_)
                    | Object::DictView(_)
            )
        )
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        // An int or str in an exact dict or set, when no stored key needs `__eq__` (the JIT's `in`
        // helper comes here).
        if let Some(r) = super::lookup_fast::contains_pure(container, item) {
            return Ok(r);
        }
        // The common containers first (never user instances).
        if let Value::Obj(o) = container {
            match &**o {
                Object::Dict(d) => {
                    let h = self.hash(item)?;
                    return Ok(self.dict_find_cell(d, item, h)?.is_some());
                }
                Object::Set(_) | Object::FrozenSet(_) => return self.set_contains(o, item),
                _ => {}
            }
        }
        if self.is_user_instance(container) {
            if let Some(r) =
                self.call_dunder(container, "__contains__", std::slice::from_ref(item))?
            {
                return self.truthy(&r);
            }
            if let Some(b) = Vm::base_of(container) {
                let b = b.clone();
                return self.contains(&b, item);
            }
            let cls = self.type_of(container);
            if self.type_lookup(&cls, &self.strs.get("__iter__")).is_none()
                && self
                    .type_lookup(&cls, &self.strs.get("__getitem__"))
                    .is_none()
            {
                return Err(type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                )));
            }
            let it = self.get_iter(container.clone())?;
            while let Some(x) = self.next(&it)? {
                if x.is(item) || self.eq(&x, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let Value::Obj(o) = container else {
            return Err(type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            )));
        };
        match &**o {
            Object::Str(s) => match item.as_str() {
                Some(sub) => Ok(s.as_str().contains(sub)),
                None => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Object::List(l) => {
                let items = l.borrow().clone();
                for x in items.iter() {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Object::Tuple(t) => {
                for x in t.iter() {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Object::Dict(d) => {
                let h = self.hash(item)?;
                Ok(self.dict_find_cell(d, item, h)?.is_some())
            }
            Object::Set(_) | Object::FrozenSet(_) => self.set_contains(o, item),
            Object::Range(r) => match as_int(item) {
                Some(IntRef::Small(i)) => {
                    let n = r.len();
                    if n == 0 || r.step == 0 {
                        return Ok(false);
                    }
                    let off = i as i128 - r.start as i128;
                    Ok(off % r.step as i128 == 0 && {
                        let k = off / r.step as i128;
                        k >= 0 && k < n as i128
                    })
                }
                Some(IntRef::Big(_)) => Ok(false),
                None => {
                    let items = self.collect(container.clone())?;
                    Ok(items.iter().any(|x| values_eq(x, item)))
                }
            },
            Object::BigRange(_) => match as_int(item) {
                Some(i) => Ok(crate::range::contains(
                    &crate::range::parts(o).expect("a range"),
                    &i.to_big(),
                )),
                None => {
                    let it = self.get_iter(container.clone())?;
                    while let Some(x) = self.next(&it)? {
                        if self.eq(&x, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
            },
            Object::Bytes(b) => methods::bytes::bytes_contains(self, b, item),
            Object::ByteArray(b) => {
                let data = b.data.borrow();
                methods::bytes::bytes_contains(self, &data, item)
            }
            Object::MemoryView(m) => {
                let items = methods::memoryview::items(m)?;
                Ok(items.iter().any(|x| values_eq(x, item)))
            }
            Object::DictView(dv) => {
                let dict = Value::Obj(dv.0.clone());
                match dv.1 {
                    crate::object::ViewKind::Keys => self.contains(&dict, item),
                    _ => {
                        let items = self.collect(container.clone())?;
                        Ok(items.iter().any(|x| values_eq(x, item)))
                    }
                }
            }
            Object::Iter(_) => {
                while let Some(x) = self.next(container)? {
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            ))),
        }
    }

    /// len(), for the builtin containers.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if self.is_user_instance(v) {
            if let Some(r) = self.call_dunder(v, "__len__", &[])? {
                return match r.as_i64() {
                    Some(n) if n >= 0 => Ok(n as usize),
                    Some(_) => Err(value_error("__len__() should return >= 0")),
                    None => Err(type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(&r)
                    ))),
                };
            }
            if let Some(b) = Vm::base_of(v) {
                let b = b.clone();
                return self.len(&b);
            }
        }
        if let Value::Obj(o) = v {
            match &**o {
                Object::Str(s) => return Ok(s.char_len()),
                Object::List(l) => return Ok(l.borrow().len()),
                Object::Tuple(t) => return Ok(t.len()),
                Object::Dict(d) => return Ok(d.borrow().len()),
                Object::Set(s) => return Ok(s.borrow().len()),
                Object::FrozenSet(s) => return Ok(s.len()),
                Object::Bytes(b) => return Ok(b.len()),
                Object::ByteArray(b) => return Ok(b.data.borrow().len()),
                Object::MemoryView(m) => return methods::memoryview::len(m),
                Object::Range(r) => return Ok(r.len() as usize),
                Object::BigRange(_) => {
                    return crate::range::len(&crate::range::parts(o).expect("a range"))
                }
                Object::DictView(dv) => {
                    if let Object::Dict(d) = &*dv.0 {
                        return Ok(d.borrow().len());
                    }
                }
                _ => {}
            }
        }
        Err(type_error(format!(
            "object of type '{}' has no len()",
            self.type_name(v)
        )))
    }
}

fn none_if_undef(v: Value) -> Value {
    match v {
        Value::Undef => Value::None,
        other => other,
    }
}

/// A dunder defined by a native object's own class (not inherited from `object`).
fn native_own_dunder(obj: &Value, name: &str) -> Option<Value> {
    let Some(Object::Native(n)) = obj.as_obj() else {
        return None;
    };
    let Object::Type(t) = &*n.cls else {
        return None;
    };
    let f = t
        .dict
        .borrow()
        .get_str(name, crate::hash::hash_str(name))
        .cloned();
    f
}

pub fn slice_of(o: &Object) -> Option<&[Value; 3]> {
    match o {
        Object::Slice(s) => Some(s),
        _ => None,
    }
}

/// A str value and its cached hash.
pub fn str_and_hash(v: &Value) -> Option<(&str, i64)> {
    match v.as_obj()? {
        Object::Str(s) => Some((s.as_str(), s.hash())),
        _ => None,
    }
}

/// The data attributes of code objects (`co_*`).
fn code_attr(c: &crate::code::Code, n: &str) -> Option<Value> {
    let names = |v: &[std::rc::Rc<str>]| {
        Value::obj(Object::Tuple(v.iter().map(|s| Value::str(s)).collect()))
    };
    Some(match n {
        "co_name" => Value::str(&c.name),
        "co_qualname" => Value::str(&c.qualname),
        "co_filename" => Value::str(&c.source.filename),
        "co_firstlineno" => Value::Int(c.firstlineno as i64),
        "co_argcount" => Value::Int(c.argcount as i64),
        "co_posonlyargcount" => Value::Int(c.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(c.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(c.varnames.len() as i64),
        "co_varnames" => names(&c.varnames),
        "co_cellvars" => names(&c.cellvars),
        "co_freevars" => names(&c.freevars),
        "co_consts" => Value::obj(Object::Tuple(c.consts.clone())),
        "co_names" => Value::obj(Object::Tuple(c.names.clone())),
        _ => return None,
    })
}
