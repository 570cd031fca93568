//! dict / set / list operations with Python semantics (hashing, equality, errors).

use super::protocol::{str_and_hash, values_eq};
use super::Vm;
use crate::bytecode::{BinOp, CmpOp};
use crate::dict::Dict;
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Object, ViewKind};
use crate::settable::SetTable;
use crate::value::Value;
use std::cell::RefCell;
use std::convert::Infallible;
use std::rc::Rc;

/// A dict lookup that runs no Python code, for JIT helpers: the entry index of `key` (an int or a str,
/// whose hashes are pure), or `Err(())` when only the VM can decide: the key is of another type, or a
/// stored key with the same hash is not a plain int/float/bool/str (an instance's `__eq__`, a tuple that
/// may hold one).
#[allow(clippy::result_unit_err)]
pub fn dict_find_pure(d: &Dict, key: &Value) -> Result<Option<usize>, ()> {
    let h = match key {
        Value::Int(i) => crate::hash::hash_i64(*i),
        _ => str_and_hash(key).ok_or(())?.1,
    };
    d.find(h, |k| {
        let plain = match k {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => true,
            Value::Obj(o) => matches!(&**o, Object::Str(_)),
            _ => false,
        };
        if plain {
            Ok(values_eq(k, key))
        } else {
            Err(())
        }
    })
}

impl Vm {
    /// Find a key, comparing with Python `__eq__` when the key is an instance of a Python class (builtin
    /// keys never run Python code).
    /// `lookdict` on a dict Python code can reach: a user class's `__eq__` runs with the dict
    /// unborrowed, and when it resized or cleared the dict, or replaced the entry being compared, the
    /// lookup starts again (CPython's restart; other mutations let it go on).
    pub fn dict_find_cell(
        &mut self,
        cell: &std::cell::RefCell<Dict>,
        key: &Value,
        h: i64,
    ) -> PyResult<Option<usize>> {
        // Under the borrow, unless a comparison needs Python code (the common case: builtin keys, or
        // the very instance that is stored).
        let key_user = self.is_user_instance(key);
        let fast = cell.borrow().find(h, |k| {
            if key_user || self.is_user_instance(k) {
                if k.is(key) {
                    Ok(true)
                } else {
                    Err(())
                }
            } else {
                Ok(crate::vm::protocol::values_eq(k, key))
            }
        });
        if let Ok(found) = fast {
            return Ok(found);
        }
        'restart: loop {
            let (candidates, size) = {
                let d = cell.borrow();
                (d.candidates(h), d.table_size())
            };
            for ix in candidates {
                let Some(k) = cell.borrow().entry(ix).map(|e| e.key.clone()) else {
                    continue 'restart;
                };
                let eq = if k.is(key) {
                    true
                } else if self.is_user_instance(&k) || self.is_user_instance(key) {
                    self.eq(&k, key)?
                } else {
                    crate::vm::protocol::values_eq(&k, key)
                };
                let d = cell.borrow();
                if d.table_size() != size || !d.entry(ix).is_some_and(|e| e.key.is(&k)) {
                    continue 'restart;
                }
                if eq {
                    return Ok(Some(ix));
                }
            }
            return Ok(None);
        }
    }

    /// `lookdict` on a table no Python code can reach (a local copy): comparisons run under the borrow.
    pub fn dict_find_vm(&mut self, d: &Dict, key: &Value, h: i64) -> PyResult<Option<usize>> {
        if !self.is_user_instance(key) {
            // A stored key of a Python class may still equal a builtin probe (`K(1) == 1.0`).
            return d.find(h, |k| {
                if self.is_user_instance(k) {
                    self.eq(k, key)
                } else {
                    Ok(crate::vm::protocol::values_eq(k, key))
                }
            });
        }
        d.find(h, |k| if k.is(key) { Ok(true) } else { self.eq(k, key) })
    }

    pub fn dict_get(&mut self, d: &Value, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let Some(Object::Dict(cell)) = d.as_obj() else {
            return Ok(None);
        };
        let ix = self.dict_find_cell(cell, key, h)?;
        let d = cell.borrow();
        Ok(ix.and_then(|ix| d.entry(ix)).map(|e| e.value.clone()))
    }

    pub fn dict_set(&mut self, d: &Value, key: Value, v: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        let Some(Object::Dict(cell)) = d.as_obj() else {
            return Ok(());
        };
        let found = self.dict_find_cell(cell, &key, h)?;
        let mut d = cell.borrow_mut();
        match found {
            Some(ix) => {
                if let Some(e) = d.entry_mut(ix) {
                    e.value = v;
                }
            }
            None => d.insert_new(h, key, v),
        }
        Ok(())
    }

    /// Remove a key; returns the value if it was present.
    pub fn dict_pop(&mut self, d: &Value, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let Some(Object::Dict(cell)) = d.as_obj() else {
            return Ok(None);
        };
        let found = self.dict_find_cell(cell, key, h)?;
        let mut d = cell.borrow_mut();
        Ok(match found {
            Some(ix) => d.remove_at(ix).map(|e| e.value),
            None => None,
        })
    }

    /// Lookup by a str key in a dict object (namespaces).
    pub fn dict_get_str(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let Object::Dict(cell) = &**d else {
            return Ok(None);
        };
        let Some((s, h)) = str_and_hash(key) else {
            return Ok(None);
        };
        Ok(cell.borrow().get_str(s, h).cloned())
    }

    pub fn dict_get_str_quiet(&self, d: &ObjRef, key: &str) -> Option<Value> {
        let Object::Dict(cell) = &**d else {
            return None;
        };
        cell.borrow()
            .get_str(key, crate::hash::hash_str(key))
            .cloned()
    }

    pub fn dict_set_str(&mut self, d: &ObjRef, key: &Value, v: Value) -> PyResult<()> {
        let Object::Dict(cell) = &**d else {
            return Ok(());
        };
        let Some((_, h)) = str_and_hash(key) else {
            return Ok(());
        };
        cell.borrow_mut().set_str(key.clone(), h, v);
        Ok(())
    }

    pub fn dict_del_str(&mut self, d: &ObjRef, key: &Value) -> PyResult<bool> {
        let Object::Dict(cell) = &**d else {
            return Ok(false);
        };
        let Some((s, h)) = str_and_hash(key) else {
            return Ok(false);
        };
        let mut d = cell.borrow_mut();
        let r: Result<Option<usize>, ()> = d.find(h, |k| Ok(k.as_str() == Some(s)));
        match r.ok().flatten() {
            Some(ix) => {
                d.remove_at(ix);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Globals, then builtins; NameError if neither has it.
    pub fn load_global(&mut self, globals: &ObjRef, name: &Value) -> PyResult<Value> {
        if let Some(b) = self.custom_builtins_of(globals) {
            return self.load_global_custom(globals, &b, name);
        }
        if let Some((s, h)) = str_and_hash(name) {
            if let Object::Dict(g) = &**globals {
                if let Some(v) = g.borrow().get_str_value(name, s, h) {
                    return Ok(v.clone());
                }
            }
            if let Object::Dict(b) = &*self.builtins {
                if let Some(v) = b.borrow().get_str_value(name, s, h) {
                    return Ok(v.clone());
                }
            }
            return Err(PyErr::new(
                ExcKind::NameError,
                format!("name '{}' is not defined", s),
            ));
        }
        Err(PyErr::new(ExcKind::NameError, "name is not defined"))
    }

    /// The `__builtins__` of `globals` when `exec`/`eval` registered it as custom (CPython takes a frame's
    /// builtins from its globals): a dict (a module's dict for a module), or any other object, which
    /// lookups then subscript.
    pub fn custom_builtins_of(&self, globals: &ObjRef) -> Option<Value> {
        if self.custom_builtins.is_empty()
            || !self
                .custom_builtins
                .iter()
                .any(|g| std::rc::Rc::ptr_eq(g, globals))
        {
            return None;
        }
        let Object::Dict(g) = &**globals else {
            return None;
        };
        let key = Value::str("__builtins__");
        let (s, h) = str_and_hash(&key)?;
        let b = g.borrow().get_str_value(&key, s, h).cloned()?;
        Some(match b.as_obj() {
            Some(Object::Module(m)) => Value::Obj(m.dict.clone()),
            _ => b,
        })
    }

    /// A global name in code whose globals have a custom `__builtins__` `b`.
    fn load_global_custom(&mut self, globals: &ObjRef, b: &Value, name: &Value) -> PyResult<Value> {
        if let Some(v) = self.dict_get_str(globals, name)? {
            return Ok(v);
        }
        let undefined = || {
            PyErr::new(
                ExcKind::NameError,
                format!("name '{}' is not defined", name.as_str().unwrap_or("?")),
            )
        };
        if let Some(Object::Dict(_)) = b.as_obj() {
            let Value::Obj(d) = b else { unreachable!() };
            return self.dict_get_str(d, name)?.ok_or_else(undefined);
        }
        match self.getitem(b, name) {
            Err(e) if self.err_matches(&e, ExcKind::KeyError) => Err(undefined()),
            r => r,
        }
    }

    /// `load_global`, also telling where the value was found (for `GlobalCache::slot`).
    pub fn global_slot(&mut self, globals: &ObjRef, name: &Value) -> PyResult<(u32, Value)> {
        if let Some(b) = self.custom_builtins_of(globals) {
            // Never a cache hit: the cache's builtins are `self.builtins`.
            return self
                .load_global_custom(globals, &b, name)
                .map(|v| (!crate::code::GLOBAL_IN_BUILTINS, v));
        }
        if let Some((s, h)) = str_and_hash(name) {
            for (d, flag) in [
                (globals, 0),
                (&self.builtins, crate::code::GLOBAL_IN_BUILTINS),
            ] {
                if let Object::Dict(g) = &**d {
                    let g = g.borrow();
                    let r: Result<Option<usize>, ()> =
                        g.find(h, |k| Ok(k.is(name) || k.as_str() == Some(s)));
                    if let Some(ix) = r.ok().flatten() {
                        if let Some(e) = g.entry(ix) {
                            return Ok((ix as u32 | flag, e.value.clone()));
                        }
                    }
                }
            }
        }
        // (Not reached: `load_global` finds what `find` finds.) A slot no entry has: never a cache hit.
        self.load_global(globals, name)
            .map(|v| (!crate::code::GLOBAL_IN_BUILTINS, v))
    }

    pub fn dict_copy(&self, d: &Value) -> Value {
        match d.as_obj() {
            Some(Object::Dict(cell)) => {
                Value::obj(Object::Dict(RefCell::new(cell.borrow().clone())))
            }
            _ => Value::obj(Object::Dict(Default::default())),
        }
    }

    /// dict.update(other); `merge` makes duplicate keys an error (for `f(**a, **b)`).
    pub fn dict_update(&mut self, d: &Value, other: Value, merge: bool) -> PyResult<()> {
        if let Some(Object::Dict(src)) = other.as_obj() {
            let entries: Vec<(Value, Value)> = src
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            for (k, v) in entries {
                if merge && self.dict_get(d, &k)?.is_some() {
                    let ks = self.repr(&k)?;
                    return Err(type_error(format!(
                        "got multiple values for keyword argument {}",
                        ks
                    )));
                }
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        if self.is_user_instance(&other) {
            let cls = self.type_of(&other);
            let keys = self.type_lookup(&cls, &self.strs.get("keys"));
            let overridden = matches!(
                keys.as_ref().and_then(|k| k.as_obj()),
                Some(Object::Function(_))
            );
            // A dict subclass that keeps dict's keys(): copy its base directly (CPython's fast path).
            if let (Some(b), false) = (Vm::base_of(&other), overridden) {
                if matches!(b.as_obj(), Some(Object::Dict(_))) {
                    let b = b.clone();
                    return self.dict_update(d, b, merge);
                }
            }
            // Any other mapping: `for k in other.keys(): d[k] = other[k]`.
            if keys.is_some() {
                let kf = self.getattr(&other, &self.strs.get("keys"))?;
                let ks = self.call(&kf, &[])?;
                for k in self.collect(ks)? {
                    let v = self.getitem(&other, &k)?;
                    if merge && self.dict_get(d, &k)?.is_some() {
                        let kr = self.repr(&k)?;
                        return Err(type_error(format!(
                            "got multiple values for keyword argument {}",
                            kr
                        )));
                    }
                    self.dict_set(d, k, v)?;
                }
                return Ok(());
            }
        }
        if merge {
            return Err(type_error(format!(
                "argument after ** must be a mapping, not {}",
                self.type_name(&other)
            )));
        }
        // An iterable of pairs.
        let items = self.collect(other)?;
        for (i, item) in items.into_iter().enumerate() {
            let pair = match self.collect(item.clone()) {
                Ok(p) => p,
                Err(_) => {
                    return Err(type_error(format!(
                        "cannot convert dictionary update sequence element #{} to a sequence",
                        i
                    )))
                }
            };
            if pair.len() != 2 {
                return Err(PyErr::new(
                    ExcKind::ValueError,
                    format!(
                        "dictionary update sequence element #{} has length {}; 2 is required",
                        i,
                        pair.len()
                    ),
                ));
            }
            let mut it = pair.into_iter();
            let (k, v) = (it.next().unwrap_or_default(), it.next().unwrap_or_default());
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    pub fn list_extend(&mut self, l: &Value, items: Value) -> PyResult<()> {
        let extra = self.collect(items)?;
        if let Some(Object::List(cell)) = l.as_obj() {
            cell.borrow_mut().extend(extra);
        }
        Ok(())
    }

    // ---- sets -----------------------------------------------------------------------------------------
    //
    // Every operation follows the recipe in `settable.rs` (CPython 3.11's setobject.c), so that result
    // tables — and therefore iteration order — are CPython's. In-place work targets a `&RefCell<SetTable>`
    // (a set object's cell, or a local table being built). Python code (iterating an argument, a user
    // class's `__hash__`/`__eq__`) never runs while a table is mutably borrowed: single-key probes look up
    // under a shared borrow and then insert/remove without comparisons, and two-table in-place work whose
    // comparisons may run Python code operates on a copy (see `inplace`). `me` arguments name the object
    // owning the target cell, for CPython's `so == other` shortcuts.

    /// `stored == probe` as set lookups do it: builtin equality, or the user class's `__eq__` when an
    /// instance of one is involved.
    pub fn set_eq_vm(&mut self, stored: &Value, probe: &Value) -> PyResult<bool> {
        if self.is_user_instance(stored) || self.is_user_instance(probe) {
            return if stored.is(probe) {
                Ok(true)
            } else {
                self.eq(stored, probe)
            };
        }
        Ok(values_eq(stored, probe))
    }

    /// `set_lookkey` for one probe key: the slot of an equal element, if any.
    pub fn table_find(&mut self, t: &SetTable, h: i64, key: &Value) -> PyResult<Option<usize>> {
        if self.is_user_instance(key) {
            return t.find(h, |k| self.set_eq_vm(k, key));
        }
        // A stored instance of a Python class may still equal a builtin probe (`Decimal(2) == 2`).
        t.find(h, |k| {
            if self.is_user_instance(k) {
                self.eq(k, key)
            } else {
                Ok(ok(set_eq(k, key)))
            }
        })
    }

    /// `set_lookkey` on a set Python code can reach: a user class's `__eq__` runs with the table
    /// unborrowed, and the lookup starts again when it resized or cleared the set or replaced the key
    /// being compared (as CPython does).
    pub fn table_find_cell(
        &mut self,
        cell: &RefCell<SetTable>,
        h: i64,
        key: &Value,
    ) -> PyResult<Option<usize>> {
        let key_user = self.is_user_instance(key);
        let fast = cell.borrow().find(h, |k| {
            if key_user || self.is_user_instance(k) {
                if k.is(key) {
                    Ok(true)
                } else {
                    Err(())
                }
            } else {
                Ok(ok(set_eq(k, key)))
            }
        });
        if let Ok(found) = fast {
            return Ok(found);
        }
        'restart: loop {
            let (candidates, size) = {
                let t = cell.borrow();
                (t.candidates(h), t.table_size())
            };
            for ix in candidates {
                let Some(k) = cell.borrow().entry(ix).map(|e| e.key.clone()) else {
                    continue 'restart;
                };
                let eq = if k.is(key) {
                    true
                } else {
                    self.set_eq_vm(&k, key)?
                };
                let t = cell.borrow();
                if t.table_size() != size || !t.entry(ix).is_some_and(|e| e.key.is(&k)) {
                    continue 'restart;
                }
                if eq {
                    return Ok(Some(ix));
                }
            }
            return Ok(None);
        }
    }

    /// `table_find` on a set or frozenset object (a set through `table_find_cell`).
    pub fn table_find_obj(&mut self, so: &ObjRef, h: i64, key: &Value) -> PyResult<Option<usize>> {
        match &**so {
            Object::Set(cell) => self.table_find_cell(cell, h, key),
            Object::FrozenSet(t) => self.table_find(t, h, key),
            _ => Ok(None),
        }
    }

    /// `BUILD_SET n`: `new` + `add` each item in order.
    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let items = match super::lookup_fast::set_of_pure(items) {
            Ok(t) => return Ok(Value::obj(Object::Set(RefCell::new(t)))),
            Err(items) => items,
        };
        let cell = RefCell::new(SetTable::new());
        for x in items {
            self.table_add(&cell, x)?;
        }
        Ok(Value::obj(Object::Set(cell)))
    }

    /// `set.add(x)` / `SET_ADD`.
    pub fn set_add(&mut self, s: &Value, x: Value) -> PyResult<()> {
        if let Some(Object::Set(cell)) = s.as_obj() {
            self.table_add(cell, x)?;
        }
        Ok(())
    }

    /// `set_add_key`: hash, then `set_add_entry`.
    pub fn table_add(&mut self, cell: &RefCell<SetTable>, x: Value) -> PyResult<()> {
        let h = self.hash(&x)?;
        self.table_add_hashed(cell, h, x)
    }

    /// `set_add_entry`.
    fn table_add_hashed(&mut self, cell: &RefCell<SetTable>, h: i64, x: Value) -> PyResult<()> {
        if self.is_user_instance(&x) {
            let found = self.table_find_cell(cell, h, &x)?;
            if found.is_none() {
                cell.borrow_mut().insert_new(h, x);
            }
            return Ok(());
        }
        // Builtin equality, unless an instance of a Python class with the same hash is stored: then
        // its `__eq__` decides (outside the borrow).
        let saw_instance = std::cell::Cell::new(false);
        let found = ok(cell.borrow().find(h, |k| {
            if self.is_user_instance(k) {
                saw_instance.set(true);
                Ok(false)
            } else {
                set_eq(k, &x)
            }
        }));
        if found.is_some() {
            return Ok(());
        }
        if saw_instance.get() {
            let found = self.table_find_cell(cell, h, &x)?;
            if found.is_some() {
                return Ok(());
            }
        }
        cell.borrow_mut().insert_new(h, x);
        Ok(())
    }

    /// `set_discard_entry` for one probe key; whether it was present.
    fn table_discard_hashed(
        &mut self,
        cell: &RefCell<SetTable>,
        h: i64,
        x: &Value,
    ) -> PyResult<bool> {
        let found = self.table_find_cell(cell, h, x)?;
        Ok(match found {
            Some(ix) => cell.borrow_mut().remove_at(ix).is_some(),
            None => false,
        })
    }

    /// Two-table work on `cell`'s table in place (`merge_from`, `difference_update`, ...). When `src`
    /// holds instances of user classes (whose `__eq__` may run Python code), the work is done on a copy —
    /// `Clone` keeps the exact layout and pop finger — which then replaces the table.
    fn inplace(&mut self, cell: &RefCell<SetTable>, src: &SetTable, f: TableOp) -> PyResult<()> {
        if src.iter().any(|e| self.is_user_instance(&e.key)) {
            let mut t = cell.borrow().clone();
            f(&mut t, src, &mut |s, p| self.set_eq_vm(s, p))?;
            *cell.borrow_mut() = t;
            return Ok(());
        }
        f(&mut cell.borrow_mut(), src, &mut |s, p| Ok(values_eq(s, p)))
    }

    /// `s.update(x)` / `SET_UPDATE` with `s` a set object.
    pub fn set_update(&mut self, s: &Value, other: &Value) -> PyResult<()> {
        let Value::Obj(so) = s else { return Ok(()) };
        let Object::Set(cell) = &**so else {
            return Ok(());
        };
        self.table_update(cell, Some(so), other)
    }

    /// `set_update_internal`: merge a set/frozenset (`merge_from`; nothing if it is `me`), presize for an
    /// exact dict then add its keys with their stored hashes, else add the items of the iterable in order.
    pub fn table_update(
        &mut self,
        cell: &RefCell<SetTable>,
        me: Option<&ObjRef>,
        other: &Value,
    ) -> PyResult<()> {
        if let Value::Obj(oo) = other {
            if let Some(src) = set_table(oo) {
                if me.is_some_and(|m| Rc::ptr_eq(m, oo)) {
                    return Ok(());
                }
                return self.inplace(cell, &src, |t, s, eq| t.merge_from(s, eq));
            }
            if let Object::Dict(d) = &**oo {
                let keys = dict_keys_hashed(&d.borrow());
                cell.borrow_mut().reserve_for_update(keys.len());
                for (h, k) in keys {
                    self.table_add_hashed(cell, h, k)?;
                }
                return Ok(());
            }
        }
        self.for_each_hashed(other, |vm, h, x| vm.table_add_hashed(cell, h, x))
    }

    /// Iterate `it` lazily (as CPython does: earlier items take effect before a later error), calling
    /// `f(vm, hash(x), x)` for each item.
    fn for_each_hashed(
        &mut self,
        it: &Value,
        mut f: impl FnMut(&mut Vm, i64, Value) -> PyResult<()>,
    ) -> PyResult<()> {
        let it = self.get_iter(it.clone())?;
        while let Some(x) = self.next(&it)? {
            let h = self.hash(&x)?;
            f(self, h, x)?;
        }
        Ok(())
    }

    /// `set(x)` / `frozenset(x)` (`make_new_set`): `new` + `set_update_internal`.
    pub fn set_from_iterable(&mut self, other: &Value, frozen: bool) -> PyResult<Value> {
        let cell = RefCell::new(SetTable::new());
        self.table_update(&cell, None, other)?;
        Ok(set_value(cell.into_inner(), frozen))
    }

    /// The key and hash to look up in a set: a `set` stands for the equal frozenset (CPython retries
    /// `set_contains_key` / `set_discard_key` with `frozenset(key)` after the TypeError).
    pub fn set_lookup_key(&mut self, key: &Value) -> PyResult<(Value, i64)> {
        if let Some(Object::Set(s)) = key.as_obj() {
            let f = s.borrow().clone();
            let h = f.frozenset_hash();
            return Ok((Value::obj(Object::FrozenSet(f)), h));
        }
        if let Some(h) = super::lookup_fast::pure_hash(key) {
            return Ok((key.clone(), h));
        }
        let h = self.hash(key)?;
        Ok((key.clone(), h))
    }

    /// `key in so` (`set_contains`).
    pub fn set_contains(&mut self, so: &ObjRef, key: &Value) -> PyResult<bool> {
        let (k, h) = self.set_lookup_key(key)?;
        Ok(self.table_find_obj(so, h, &k)?.is_some())
    }

    /// `set.discard(key)` / `set.remove(key)` (`set_discard_key` with the frozenset retry); whether the key
    /// was present.
    pub fn set_discard(&mut self, cell: &RefCell<SetTable>, key: &Value) -> PyResult<bool> {
        let (k, h) = self.set_lookup_key(key)?;
        self.table_discard_hashed(cell, h, &k)
    }

    /// `set_intersection(so, other)`: a copy for `so & so`; with a set, `SetTable::intersection`; else
    /// `new` + add each item of `other` that `so` contains.
    pub fn set_intersection(&mut self, so: &ObjRef, other: &Value) -> PyResult<SetTable> {
        if let Value::Obj(oo) = other {
            if Rc::ptr_eq(so, oo) {
                return Ok(SetTable::copy_of(&table(so)));
            }
            if set_table(oo).is_some() {
                let (a, b) = (table_for_eq(so), table_for_eq(oo));
                return SetTable::intersection(&a, &b, |s, p| self.set_eq_vm(s, p));
            }
        }
        let r = RefCell::new(SetTable::new());
        self.for_each_hashed(other, |vm, h, x| {
            let found = vm.table_find_obj(so, h, &x)?;
            if found.is_some() {
                vm.table_add_hashed(&r, h, x)?;
            }
            Ok(())
        })?;
        Ok(r.into_inner())
    }

    /// `set_intersection_multi`: no arguments → a copy; else intersect left to right.
    pub fn set_intersection_multi(&mut self, so: &ObjRef, others: &[Value]) -> PyResult<SetTable> {
        let Some((last, init)) = others.split_last() else {
            return Ok(SetTable::copy_of(&table(so)));
        };
        let mut cur = so.clone();
        for o in init {
            let t = self.set_intersection(&cur, o)?;
            cur = Rc::new(Object::Set(RefCell::new(t)));
        }
        self.set_intersection(&cur, last)
    }

    /// `set_difference(so, other)`.
    pub fn set_difference(&mut self, so: &ObjRef, other: &Value) -> PyResult<SetTable> {
        if let Value::Obj(oo) = other {
            if set_table(oo).is_some() {
                let (a, b) = (table_for_eq(so), table_for_eq(oo));
                return SetTable::difference(&a, &b, |s, p| self.set_eq_vm(s, p));
            }
            if let Object::Dict(d) = &**oo {
                let n = d.borrow().len();
                if (table(so).len() >> 2) <= n {
                    // Iterate `so`, keeping what the dict lacks.
                    let elems: Vec<(i64, Value)> =
                        table(so).iter().map(|e| (e.hash, e.key.clone())).collect();
                    let r = RefCell::new(SetTable::new());
                    for (h, k) in elems {
                        let found = self.dict_find_cell(d, &k, h)?;
                        if found.is_none() {
                            self.table_add_hashed(&r, h, k)?;
                        }
                    }
                    return Ok(r.into_inner());
                }
            }
        }
        // set_copy_and_difference
        let cell = RefCell::new(SetTable::copy_of(&table(so)));
        self.table_difference_update(&cell, None, other)?;
        Ok(cell.into_inner())
    }

    /// `set_difference_update_internal`: `clear` for `s -= s`; with a set, `SetTable::difference_update`;
    /// else discard each item, then `compact_after_discards`.
    pub fn table_difference_update(
        &mut self,
        cell: &RefCell<SetTable>,
        me: Option<&ObjRef>,
        other: &Value,
    ) -> PyResult<()> {
        if let Value::Obj(oo) = other {
            if me.is_some_and(|m| Rc::ptr_eq(m, oo)) {
                cell.borrow_mut().clear();
                return Ok(());
            }
            if let Some(b) = set_table(oo) {
                return self.inplace(cell, &b, |t, s, eq| t.difference_update(s, eq));
            }
        }
        self.for_each_hashed(other, |vm, h, x| {
            vm.table_discard_hashed(cell, h, &x).map(|_| ())
        })?;
        cell.borrow_mut().compact_after_discards();
        Ok(())
    }

    /// `set_symmetric_difference_update`: `clear` for `s ^= s`; an exact dict's keys are discarded or
    /// added one by one; a set via `SetTable::symmetric_difference_update`; another iterable is first
    /// made into a new set.
    pub fn table_symmetric_difference_update(
        &mut self,
        cell: &RefCell<SetTable>,
        me: Option<&ObjRef>,
        other: &Value,
    ) -> PyResult<()> {
        if let Value::Obj(oo) = other {
            if me.is_some_and(|m| Rc::ptr_eq(m, oo)) {
                cell.borrow_mut().clear();
                return Ok(());
            }
            if let Object::Dict(d) = &**oo {
                let keys = dict_keys_hashed(&d.borrow());
                for (h, k) in keys {
                    if !self.table_discard_hashed(cell, h, &k)? {
                        self.table_add_hashed(cell, h, k)?;
                    }
                }
                return Ok(());
            }
            if let Some(b) = set_table(oo) {
                return self.inplace(cell, &b, |t, s, eq| t.symmetric_difference_update(s, eq));
            }
        }
        let tmp = RefCell::new(SetTable::new());
        self.table_update(&tmp, None, other)?;
        let tmp = tmp.into_inner();
        self.inplace(cell, &tmp, |t, s, eq| t.symmetric_difference_update(s, eq))
    }

    /// `set_symmetric_difference(so, other)`: a new set from `other`, then updated with `so`.
    pub fn set_symmetric_difference(&mut self, so: &ObjRef, other: &Value) -> PyResult<SetTable> {
        let r = RefCell::new(SetTable::new());
        self.table_update(&r, None, other)?;
        let mut r = r.into_inner();
        r.symmetric_difference_update(&table_for_eq(so), |s, p| self.set_eq_vm(s, p))?;
        Ok(r)
    }

    /// `set_union` (the method): a copy, then update with each argument that is not `so` itself.
    pub fn set_union_multi(&mut self, so: &ObjRef, others: &[Value]) -> PyResult<SetTable> {
        let r = RefCell::new(SetTable::copy_of(&table(so)));
        for o in others {
            if matches!(o, Value::Obj(oo) if Rc::ptr_eq(so, oo)) {
                continue;
            }
            self.table_update(&r, None, o)?;
        }
        Ok(r.into_inner())
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` and the in-place forms, both operands sets or frozensets.
    pub fn set_binop(&mut self, op: BinOp, inplace: bool, a: &Value, b: &Value) -> PyResult<Value> {
        let (Value::Obj(ao), Value::Obj(bo)) = (a, b) else {
            return Ok(Value::None);
        };
        if inplace {
            // frozenset has no in-place operators: it falls through to the plain ones.
            if let Object::Set(cell) = &**ao {
                match op {
                    BinOp::Or => self.table_update(cell, Some(ao), b)?,
                    BinOp::And => {
                        let t = self.set_intersection(ao, b)?;
                        cell.borrow_mut().replace_body(t);
                    }
                    BinOp::Sub => self.table_difference_update(cell, Some(ao), b)?,
                    BinOp::Xor => self.table_symmetric_difference_update(cell, Some(ao), b)?,
                    _ => {}
                }
                return Ok(a.clone());
            }
        }
        let frozen = matches!(&**ao, Object::FrozenSet(_));
        let t = match op {
            BinOp::Or if Rc::ptr_eq(ao, bo) => SetTable::copy_of(&table(ao)),
            BinOp::Or => {
                let (x, y) = (table_for_eq(ao), table_for_eq(bo));
                SetTable::union(&x, &y, |s, p| self.set_eq_vm(s, p))?
            }
            BinOp::And => self.set_intersection(ao, b)?,
            BinOp::Sub => self.set_difference(ao, b)?,
            _ => self.set_symmetric_difference(ao, b)?,
        };
        Ok(set_value(t, frozen))
    }

    pub fn set_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        let (Value::Obj(ao), Value::Obj(bo)) = (a, b) else {
            return Ok(Value::Bool(false));
        };
        let (Some(x), Some(y)) = (set_table(ao), set_table(bo)) else {
            return Ok(Value::Bool(false));
        };
        let (lx, ly) = (x.len(), y.len());
        drop((x, y));
        Ok(Value::Bool(match op {
            CmpOp::Le => self.set_is_subset(ao, bo)?,
            CmpOp::Lt => lx < ly && self.set_is_subset(ao, bo)?,
            CmpOp::Ge => self.set_is_subset(bo, ao)?,
            CmpOp::Gt => ly < lx && self.set_is_subset(bo, ao)?,
            CmpOp::Eq => lx == ly && self.set_is_subset(ao, bo)?,
            CmpOp::Ne => !(lx == ly && self.set_is_subset(ao, bo)?),
        }))
    }

    /// Is every element of set `a` in set `b`? Elements with a Python `__eq__` are compared through it.
    pub fn set_is_subset(&mut self, a: &ObjRef, b: &ObjRef) -> PyResult<bool> {
        let entries: Vec<(i64, Value)> = {
            let (ta, tb) = (table(a), table(b));
            if ta.len() > tb.len() {
                return Ok(false);
            }
            if !table_needs_vm(&ta) {
                return Ok(table_is_subset(&ta, &tb));
            }
            ta.iter().map(|e| (e.hash, e.key.clone())).collect()
        };
        for (h, k) in entries {
            let found = self.table_find_obj(b, h, &k)?;
            if found.is_none() {
                return Ok(false);
            }
        }
        Ok(true)
    }

    // ---- set operations on dict views -------------------------------------------------------------------

    /// `dictviews_to_set`: a keys view becomes `set(its dict)` (the exact-dict path), anything else
    /// `set(x)`.
    fn dictview_to_set(&mut self, v: &Value) -> PyResult<RefCell<SetTable>> {
        let cell = RefCell::new(SetTable::new());
        if let Some(Object::DictView(dv)) = v.as_obj() {
            if dv.1 == ViewKind::Keys {
                self.table_update(&cell, None, &Value::Obj(dv.0.clone()))?;
                return Ok(cell);
            }
        }
        self.table_update(&cell, None, v)?;
        Ok(cell)
    }

    /// `a op b` with a dict key/items view on either side (unless both are sets): CPython's
    /// `dictviews_or/sub/xor`, `dictitems_xor` and `_PyDictView_Intersect`. The result is a set.
    pub fn dictview_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if op == BinOp::And {
            return self.dictview_intersect(a, b);
        }
        if op == BinOp::Xor && is_view(a, ViewKind::Items) && is_view(b, ViewKind::Items) {
            return self.dictitems_xor(a, b);
        }
        let r = self.dictview_to_set(a)?;
        match op {
            BinOp::Or => self.table_update(&r, None, b)?,
            BinOp::Sub => self.table_difference_update(&r, None, b)?,
            _ => self.table_symmetric_difference_update(&r, None, b)?,
        }
        Ok(set_value(r.into_inner(), false))
    }

    fn dictview_intersect(&mut self, a: &Value, b: &Value) -> PyResult<Value> {
        let (mut view, mut other) = if is_set_view(a) { (a, b) } else { (b, a) };
        let len_view = self.len(view)?;
        if let Some(Object::Set(_)) = other.as_obj() {
            if len_view <= self.len(other)? {
                // other.intersection(view)
                let Value::Obj(oo) = other else {
                    unreachable!()
                };
                let t = self.set_intersection(oo, view)?;
                return Ok(set_value(t, false));
            }
        }
        if is_set_view(other) && self.len(other)? > len_view {
            std::mem::swap(&mut view, &mut other);
        }
        let r = RefCell::new(SetTable::new());
        let it = self.get_iter(other.clone())?;
        while let Some(x) = self.next(&it)? {
            if self.dictview_contains(view, &x)? {
                self.table_add(&r, x)?;
            }
        }
        Ok(set_value(r.into_inner(), false))
    }

    /// `x in view` for a keys or items view.
    pub fn dictview_contains(&mut self, view: &Value, x: &Value) -> PyResult<bool> {
        let Some(Object::DictView(dv)) = view.as_obj() else {
            return Ok(false);
        };
        let dict = Value::Obj(dv.0.clone());
        match dv.1 {
            ViewKind::Keys => self.contains(&dict, x),
            ViewKind::Items => {
                let Some(Object::Tuple(t)) = x.as_obj() else {
                    return Ok(false);
                };
                if t.len() != 2 {
                    return Ok(false);
                }
                match self.dict_get(&dict, &t[0])? {
                    Some(v) => Ok(v.is(&t[1]) || self.eq(&v, &t[1])?),
                    None => Ok(false),
                }
            }
            ViewKind::Values => Ok(false),
        }
    }

    /// `dictitems_xor`: pairs of the second dict not matched in (a copy of) the first, then the first's
    /// remaining pairs.
    fn dictitems_xor(&mut self, a: &Value, b: &Value) -> PyResult<Value> {
        let dict_of = |v: &Value| match v.as_obj() {
            Some(Object::DictView(dv)) => match &*dv.0 {
                Object::Dict(d) => d.borrow().clone(),
                _ => Dict::new(),
            },
            _ => Dict::new(),
        };
        let mut temp = dict_of(a);
        let d2 = dict_of(b);
        let r = RefCell::new(SetTable::new());
        for e in d2.iter() {
            let found = self.dict_find_vm(&temp, &e.key, e.hash)?;
            let matched = match found.and_then(|ix| temp.entry(ix)).map(|f| f.value.clone()) {
                Some(v1) => v1.is(&e.value) || self.eq(&v1, &e.value)?,
                None => false,
            };
            if matched {
                if let Some(ix) = found {
                    temp.remove_at(ix);
                }
            } else {
                self.table_add(
                    &r,
                    Value::obj(Object::Tuple(vec![e.key.clone(), e.value.clone()])),
                )?;
            }
        }
        for e in temp.iter() {
            self.table_add(
                &r,
                Value::obj(Object::Tuple(vec![e.key.clone(), e.value.clone()])),
            )?;
        }
        Ok(set_value(r.into_inner(), false))
    }
}

// ---- set helpers ------------------------------------------------------------------------------------------

/// A two-table in-place operation, given the equality to use (`Vm::inplace`).
type TableOp =
    fn(&mut SetTable, &SetTable, &mut dyn FnMut(&Value, &Value) -> PyResult<bool>) -> PyResult<()>;

/// How set lookups compare a stored key with a probe key. Builtin equality runs no Python code, so it
/// cannot fail.
#[inline]
pub fn set_eq(stored: &Value, probe: &Value) -> Result<bool, Infallible> {
    Ok(values_eq(stored, probe))
}

/// Unwrap a table operation whose equality cannot fail.
#[inline]
pub fn ok<T>(r: Result<T, Infallible>) -> T {
    match r {
        Ok(v) => v,
        Err(e) => match e {},
    }
}

/// A borrowed set table: a set's (through its `RefCell`) or a frozenset's.
pub enum TblRef<'a> {
    Cell(std::cell::Ref<'a, SetTable>),
    Plain(&'a SetTable),
    /// A copy, no borrow held (see `table_for_eq`).
    Owned(Box<SetTable>),
}

impl std::ops::Deref for TblRef<'_> {
    type Target = SetTable;
    #[inline]
    fn deref(&self) -> &SetTable {
        match self {
            TblRef::Cell(r) => r,
            TblRef::Plain(t) => t,
            TblRef::Owned(t) => t,
        }
    }
}

/// The table of a set or frozenset object.
#[inline]
pub fn set_table(o: &ObjRef) -> Option<TblRef<'_>> {
    match &**o {
        Object::Set(s) => Some(TblRef::Cell(s.borrow())),
        Object::FrozenSet(s) => Some(TblRef::Plain(s)),
        _ => None,
    }
}

/// `set_table` for an object known to be a set or frozenset.
fn table(o: &ObjRef) -> TblRef<'_> {
    set_table(o).expect("set or frozenset")
}

/// A set's table for an operation that may call a key's Python `__eq__`: the table itself when no key
/// can run Python code, else a copy with no borrow held, so that an `__eq__` that changes the set (even
/// clears it) works as in CPython instead of finding the set borrowed.
fn table_for_eq(o: &ObjRef) -> TblRef<'_> {
    let t = table(o);
    if matches!(&**o, Object::Set(_)) && table_needs_vm(&t) {
        return TblRef::Owned(Box::new(SetTable::copy_of(&t)));
    }
    t
}

pub fn is_anyset(v: &Value) -> bool {
    matches!(v.as_obj(), Some(Object::Set(_) | Object::FrozenSet(_)))
}

fn is_view(v: &Value, kind: ViewKind) -> bool {
    matches!(v.as_obj(), Some(Object::DictView(dv)) if dv.1 == kind)
}

/// A dict's keys or items view (the set-like views).
pub fn is_set_view(v: &Value) -> bool {
    matches!(v.as_obj(), Some(Object::DictView(dv)) if dv.1 != ViewKind::Values)
}

pub fn set_value(t: SetTable, frozen: bool) -> Value {
    if frozen {
        Value::obj(Object::FrozenSet(t))
    } else {
        Value::obj(Object::Set(RefCell::new(t)))
    }
}

/// Whether every element of `a` is in `b`.
/// Does comparing this table's elements need the VM (elements whose class may define `__eq__`)?
pub fn table_needs_vm(t: &SetTable) -> bool {
    t.iter().any(|e| {
        matches!(
            e.key.as_obj(),
            Some(Object::Instance(_) | Object::Native(_))
        )
    })
}

pub fn table_is_subset(a: &SetTable, b: &SetTable) -> bool {
    a.len() <= b.len()
        && a.iter()
            .all(|e| ok(b.find(e.hash, |k| set_eq(k, &e.key))).is_some())
}

/// An exact dict's keys with their stored hashes, in dict order.
fn dict_keys_hashed(d: &Dict) -> Vec<(i64, Value)> {
    d.iter().map(|e| (e.hash, e.key.clone())).collect()
}
