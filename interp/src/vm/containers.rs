//! dict / set / list operations with Python semantics (hashing, equality, errors).

use super::protocol::{dict_find, set_data, str_and_hash};
use super::Vm;
use crate::bytecode::{BinOp, CmpOp};
use crate::dict::Dict;
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Object};
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    pub fn dict_get(&mut self, d: &Value, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let Some(Object::Dict(cell)) = d.as_obj() else { return Ok(None) };
        let d = cell.borrow();
        Ok(dict_find(&d, key, h).and_then(|ix| d.entry(ix)).map(|e| e.value.clone()))
    }

    pub fn dict_set(&mut self, d: &Value, key: Value, v: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        let Some(Object::Dict(cell)) = d.as_obj() else { return Ok(()) };
        let mut d = cell.borrow_mut();
        match dict_find(&d, &key, h) {
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
        let Some(Object::Dict(cell)) = d.as_obj() else { return Ok(None) };
        let mut d = cell.borrow_mut();
        Ok(match dict_find(&d, key, h) {
            Some(ix) => d.remove_at(ix).map(|e| e.value),
            None => None,
        })
    }

    /// Lookup by a str key in a dict object (namespaces).
    pub fn dict_get_str(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let Object::Dict(cell) = &**d else { return Ok(None) };
        let Some((s, h)) = str_and_hash(key) else { return Ok(None) };
        Ok(cell.borrow().get_str(s, h).cloned())
    }

    pub fn dict_get_str_quiet(&self, d: &ObjRef, key: &str) -> Option<Value> {
        let Object::Dict(cell) = &**d else { return None };
        cell.borrow().get_str(key, crate::hash::hash_str(key)).cloned()
    }

    pub fn dict_set_str(&mut self, d: &ObjRef, key: &Value, v: Value) -> PyResult<()> {
        let Object::Dict(cell) = &**d else { return Ok(()) };
        let Some((_, h)) = str_and_hash(key) else { return Ok(()) };
        cell.borrow_mut().set_str(key.clone(), h, v);
        Ok(())
    }

    pub fn dict_del_str(&mut self, d: &ObjRef, key: &Value) -> PyResult<bool> {
        let Object::Dict(cell) = &**d else { return Ok(false) };
        let Some((s, h)) = str_and_hash(key) else { return Ok(false) };
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
            return Err(PyErr::new(ExcKind::NameError, format!("name '{}' is not defined", s)));
        }
        Err(PyErr::new(ExcKind::NameError, "name is not defined"))
    }

    pub fn dict_copy(&self, d: &Value) -> Value {
        match d.as_obj() {
            Some(Object::Dict(cell)) => Value::obj(Object::Dict(RefCell::new(cell.borrow().clone()))),
            _ => Value::obj(Object::Dict(Default::default())),
        }
    }

    /// dict.update(other); `merge` makes duplicate keys an error (for `f(**a, **b)`).
    pub fn dict_update(&mut self, d: &Value, other: Value, merge: bool) -> PyResult<()> {
        if let Some(Object::Dict(src)) = other.as_obj() {
            let entries: Vec<(Value, Value)> = src.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect();
            for (k, v) in entries {
                if merge && self.dict_get(d, &k)?.is_some() {
                    let ks = self.repr(&k)?;
                    return Err(type_error(format!("got multiple values for keyword argument {}", ks)));
                }
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        if merge {
            return Err(type_error(format!("argument after ** must be a mapping, not {}", self.type_name(&other))));
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
                    format!("dictionary update sequence element #{} has length {}; 2 is required", i, pair.len()),
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

    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let s = Value::obj(Object::Set(RefCell::new(Dict::new())));
        for x in items {
            self.set_add(&s, x)?;
        }
        Ok(s)
    }

    pub fn set_from_dict(&self, d: Dict, frozen: bool) -> Value {
        if frozen {
            Value::obj(Object::FrozenSet(d))
        } else {
            Value::obj(Object::Set(RefCell::new(d)))
        }
    }

    pub fn set_add(&mut self, s: &Value, x: Value) -> PyResult<()> {
        let h = self.hash(&x)?;
        if let Some(Object::Set(cell)) = s.as_obj() {
            let mut d = cell.borrow_mut();
            if dict_find(&d, &x, h).is_none() {
                d.insert_new(h, x, Value::None);
            }
        }
        Ok(())
    }

    /// The elements of any iterable as a set table.
    pub fn to_set_data(&mut self, v: &Value) -> PyResult<Dict> {
        if let Some(o @ (Object::Set(_) | Object::FrozenSet(_))) = v.as_obj() {
            let _ = o;
            if let Value::Obj(r) = v {
                return Ok(set_data(r));
            }
        }
        let items = self.collect(v.clone())?;
        let mut d = Dict::new();
        for x in items {
            let h = self.hash(&x)?;
            if dict_find(&d, &x, h).is_none() {
                d.insert_new(h, x, Value::None);
            }
        }
        Ok(d)
    }

    pub fn set_binop(&mut self, op: BinOp, inplace: bool, a: &Value, b: &Value) -> PyResult<Value> {
        let Value::Obj(ao) = a else { return Ok(Value::None) };
        let frozen = matches!(&**ao, Object::FrozenSet(_));
        let x = set_data(ao);
        let y = self.to_set_data(b)?;
        let result = set_combine(op, &x, &y);
        if inplace && !frozen {
            if let Object::Set(cell) = &**ao {
                *cell.borrow_mut() = result;
            }
            return Ok(a.clone());
        }
        Ok(self.set_from_dict(result, frozen))
    }

    pub fn set_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        let (Value::Obj(ao), Value::Obj(bo)) = (a, b) else { return Ok(Value::Bool(false)) };
        let (x, y) = (set_data(ao), set_data(bo));
        let subset = |p: &Dict, q: &Dict| p.iter().all(|e| dict_find(q, &e.key, e.hash).is_some());
        Ok(Value::Bool(match op {
            CmpOp::Le => subset(&x, &y),
            CmpOp::Lt => x.len() < y.len() && subset(&x, &y),
            CmpOp::Ge => subset(&y, &x),
            CmpOp::Gt => y.len() < x.len() && subset(&y, &x),
            CmpOp::Eq => x.len() == y.len() && subset(&x, &y),
            CmpOp::Ne => !(x.len() == y.len() && subset(&x, &y)),
        }))
    }
}

/// Set algebra on tables (insertion order of the left operand first, as CPython's results mostly are for
/// small ints anyway).
pub fn set_combine(op: BinOp, x: &Dict, y: &Dict) -> Dict {
    let mut out = Dict::new();
    let add = |out: &mut Dict, e: &crate::dict::Entry| {
        if dict_find(out, &e.key, e.hash).is_none() {
            out.insert_new(e.hash, e.key.clone(), Value::None);
        }
    };
    match op {
        BinOp::Or => {
            for e in x.iter().chain(y.iter()) {
                add(&mut out, e);
            }
        }
        BinOp::And => {
            for e in x.iter().filter(|e| dict_find(y, &e.key, e.hash).is_some()) {
                add(&mut out, e);
            }
        }
        BinOp::Sub => {
            for e in x.iter().filter(|e| dict_find(y, &e.key, e.hash).is_none()) {
                add(&mut out, e);
            }
        }
        BinOp::Xor => {
            for e in x.iter().filter(|e| dict_find(y, &e.key, e.hash).is_none()) {
                add(&mut out, e);
            }
            for e in y.iter().filter(|e| dict_find(x, &e.key, e.hash).is_none()) {
                add(&mut out, e);
            }
        }
        _ => {}
    }
    out
}

#[allow(dead_code)]
fn _unused(_: Rc<()>) {}
