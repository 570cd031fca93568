//! Membership tests and subscripts of exact dicts, sets and frozensets by an int or str key, answered
//! without running Python code (the hash is pure and every stored key compared is a plain int, float,
//! bool or str), for the dispatch loop's fast paths. `None` leaves the case to the general path: another
//! key type, another container, a stored key that needs `__eq__`, a missing dict key (KeyError or
//! `__missing__`), a container borrowed for mutation.

use crate::object::Object;
use crate::value::Value;

/// The hash of an int or str key (None for anything else).
#[inline]
pub(super) fn pure_hash(key: &Value) -> Option<i64> {
    match key {
        Value::Int(i) => Some(crate::hash::hash_i64(*i)),
        _ => crate::vm::protocol::str_and_hash(key).map(|(_, h)| h),
    }
}

/// A stored key that compares with an int or str probe without Python code.
#[inline]
fn plain(k: &Value) -> bool {
    match k {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(&**o, Object::Str(_)),
        _ => false,
    }
}

/// A set display's table, when every item is an int or str (nothing to compare needs Python code).
pub(super) fn set_of_pure(items: Vec<Value>) -> Result<crate::settable::SetTable, Vec<Value>> {
    let mut hashes = smallvec::SmallVec::<[i64; 8]>::new();
    for x in &items {
        match pure_hash(x) {
            Some(h) => hashes.push(h),
            None => return Err(items),
        }
    }
    let mut t = crate::settable::SetTable::new();
    for (x, h) in items.into_iter().zip(hashes) {
        let found = crate::vm::containers::ok(t.find(h, |k| crate::vm::containers::set_eq(k, &x)));
        if found.is_none() {
            t.insert_new(h, x);
        }
    }
    Ok(t)
}

fn set_has(t: &crate::settable::SetTable, key: &Value) -> Option<bool> {
    let h = pure_hash(key)?;
    let r: Result<Option<usize>, ()> = t.find(h, |k| {
        if plain(k) {
            Ok(crate::vm::protocol::values_eq(k, key))
        } else {
            Err(())
        }
    });
    r.ok().map(|ix| ix.is_some())
}

/// `key in container`.
#[inline]
pub(super) fn contains_pure(container: &Value, key: &Value) -> Option<bool> {
    let Value::Obj(o) = container else {
        return None;
    };
    contains_pure_obj(o, key)
}

/// `key in o` (what `contains_pure` answers, for an object; the JIT's `has` helpers use it).
#[inline]
pub fn contains_pure_obj(o: &Object, key: &Value) -> Option<bool> {
    match o {
        Object::Dict(d) => {
            let d = d.try_borrow().ok()?;
            crate::vm::dict_find_pure(&d, key)
                .ok()
                .map(|ix| ix.is_some())
        }
        Object::Set(s) => set_has(&*s.try_borrow().ok()?, key),
        Object::FrozenSet(s) => set_has(s, key),
        _ => None,
    }
}

/// `container[key]` for a key present in an exact dict.
#[inline]
pub(super) fn dict_get_pure(container: &Value, key: &Value) -> Option<Value> {
    let Value::Obj(o) = container else {
        return None;
    };
    let Object::Dict(d) = &**o else {
        return None;
    };
    let d = d.try_borrow().ok()?;
    let ix = crate::vm::dict_find_pure(&d, key).ok()??;
    d.entry(ix).map(|e| e.value.clone())
}
