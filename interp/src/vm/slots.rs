//! `__slots__`: classes whose instances keep named members at fixed slot indices and (unless asked for)
//! have no `__dict__`.
//!
//! A member lives in one of the slots *reserved* at the front of every instance's slot vector
//! (`Shape::root(reserved)`, `TypeObj::nmembers`): a subclass reserves its base's members first and
//! appends its own, so member *k* of a base is slot *k* in every subclass instance. The class holds one
//! `member_descriptor` per member (an instance of the builtin type `ClassTypes::member` with the fields
//! `__name__`, `__objclass__` and `_slot`), a data descriptor that reads and writes slot *k* directly;
//! an unset member is `Undef` in its slot. Since members are ordinary slots of the shape layout, inline
//! caches and traces could key on them like named slots (not done yet: they take the generic path).

use super::Vm;
use crate::dict::Dict;
use crate::error::{attribute_error, type_error, ExcKind, PyErr, PyResult};
use crate::object::{Instance, ObjRef, Object, TypeKind};
use crate::types::{is_subtype, type_name};
use crate::value::Value;
use std::rc::Rc;

/// What `__slots__` (or its absence) makes of a new class's instance layout.
pub struct Layout {
    pub nmembers: usize,
    pub has_dict: bool,
    pub has_weakref: bool,
    /// Whether this class introduces the `__dict__` / `__weakref__` of its instances (its bases lack them):
    /// it then gets a `getset_descriptor` of that name, as in CPython.
    pub adds_dict: bool,
    pub adds_weakref: bool,
    /// The class's own members (mangled, sorted, as CPython orders them), at slots `first..`.
    pub own: Vec<String>,
    pub first: usize,
}

/// CPython's private name mangling (`__x` in class `C` → `_C__x`).
pub fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Do instances of builtin type `t` (as a base) carry a `__dict__` / accept weak references?
fn base_flags(t: &ObjRef) -> (bool, bool) {
    match &**t {
        Object::Type(bt) if bt.heap => (bt.has_dict, bt.has_weakref),
        Object::Type(bt) if bt.kind == TypeKind::Exception => (true, false),
        _ => (false, false),
    }
}

/// Instances of subclasses of these variable-size builtins cannot take weak references.
fn no_weakref_kind(kind: TypeKind) -> bool {
    matches!(
        kind,
        TypeKind::Int | TypeKind::Bytes | TypeKind::Tuple | TypeKind::Bool
    )
}

fn nmembers(t: &ObjRef) -> usize {
    match &**t {
        Object::Type(bt) => bt.nmembers,
        _ => 0,
    }
}

impl Vm {
    /// Work out a new class's layout from its bases and namespace `dict` (validating `__slots__` with
    /// CPython's messages). May call Python code (iterating a `__slots__` iterable).
    pub(crate) fn slots_layout(
        &mut self,
        name: &str,
        bases: &[ObjRef],
        kind: TypeKind,
        dict: &Dict,
    ) -> PyResult<Layout> {
        // The base whose members this class extends: bases with members must form one chain.
        let mut solid: Option<&ObjRef> = None;
        for b in bases {
            if nmembers(b) == 0 {
                continue;
            }
            match solid {
                Some(s) if is_subtype(s, b) => {}
                Some(s) if is_subtype(b, s) => solid = Some(b),
                Some(_) => return Err(type_error("multiple bases have instance lay-out conflict")),
                None => solid = Some(b),
            }
        }
        let first = solid.map(nmembers).unwrap_or(0);
        let (mut base_dict, mut base_weak) = (false, false);
        for b in bases {
            let (d, w) = base_flags(b);
            base_dict |= d;
            base_weak |= w;
        }
        let spec = dict
            .get_str("__slots__", crate::hash::hash_str("__slots__"))
            .cloned();
        let weak_ok = !no_weakref_kind(kind);
        // Exception instances keep every attribute in their dict; members would need a second store.
        let spec = spec.filter(|_| kind != TypeKind::Exception);
        let Some(spec) = spec else {
            return Ok(Layout {
                nmembers: first,
                has_dict: true,
                has_weakref: weak_ok,
                adds_dict: !base_dict,
                adds_weakref: weak_ok && !base_weak,
                own: Vec::new(),
                first,
            });
        };
        let items = match spec.as_str() {
            Some(_) => vec![spec.clone()],
            None => self.collect(spec)?,
        };
        let (mut has_dict, mut has_weakref) = (base_dict, base_weak);
        let mut own = Vec::new();
        for it in &items {
            let Some(s) = it.as_str() else {
                return Err(type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    self.type_name(it)
                )));
            };
            if !crate::builtins::methods::str::is_identifier(s) {
                return Err(type_error("__slots__ must be identifiers"));
            }
            match s {
                "__dict__" => {
                    if has_dict {
                        return Err(type_error("__dict__ slot disallowed: we already got one"));
                    }
                    has_dict = true;
                }
                "__weakref__" => {
                    if has_weakref || !weak_ok {
                        return Err(type_error(
                            "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                        ));
                    }
                    has_weakref = true;
                }
                _ => own.push(mangle(name, s)),
            }
        }
        if !own.is_empty()
            && matches!(
                kind,
                TypeKind::Int | TypeKind::Bytes | TypeKind::Tuple | TypeKind::Bool
            )
        {
            let bn = bases
                .iter()
                .find(|b| matches!(&***b, Object::Type(t) if t.kind == kind))
                .map(|b| type_name(b).to_string())
                .unwrap_or_default();
            return Err(type_error(format!(
                "nonempty __slots__ not supported for subtype of '{bn}'"
            )));
        }
        own.sort();
        for (i, n) in own.iter().enumerate() {
            if own[..i].contains(n) {
                return Err(type_error(format!("duplicate slot name '{n}'")));
            }
            if dict.get_str(n, crate::hash::hash_str(n)).is_some() {
                return Err(PyErr::new(
                    ExcKind::ValueError,
                    format!("'{n}' in __slots__ conflicts with class variable"),
                ));
            }
        }
        Ok(Layout {
            nmembers: first + own.len(),
            has_dict,
            has_weakref,
            adds_dict: has_dict && !base_dict,
            adds_weakref: has_weakref && !base_weak,
            own,
            first,
        })
    }

    /// Put the member descriptors of `layout` into the new class `cls`'s dict, then the `__dict__` and
    /// `__weakref__` getset descriptors it introduces, then `__doc__` (None unless the body set it), in
    /// CPython's order.
    pub(crate) fn install_members(&mut self, cls: &ObjRef, layout: &Layout) {
        let Object::Type(t) = &**cls else { return };
        let getset = |vm: &Vm, n: &str| {
            let inst = Instance::new(vm.class_types.getset.clone());
            inst.set_attr(&Value::str("__name__"), Value::str(n));
            inst.set_attr(&Value::str("__objclass__"), Value::Obj(cls.clone()));
            (Value::str(n), Value::obj(Object::Instance(inst)))
        };
        let mut extra = Vec::new();
        if layout.adds_dict {
            extra.push(getset(self, "__dict__"));
        }
        if layout.adds_weakref {
            extra.push(getset(self, "__weakref__"));
        }
        for (i, n) in layout.own.iter().enumerate() {
            let inst = Instance::new(self.class_types.member.clone());
            inst.set_attr(&Value::str("__name__"), Value::str(n));
            inst.set_attr(&Value::str("__objclass__"), Value::Obj(cls.clone()));
            inst.set_attr(&Value::str("_slot"), Value::Int((layout.first + i) as i64));
            let h = crate::hash::hash_str(n);
            t.dict
                .borrow_mut()
                .set_str(Value::str(n), h, Value::obj(Object::Instance(inst)));
        }
        let mut d = t.dict.borrow_mut();
        for (k, v) in extra {
            let h = crate::hash::hash_str(k.as_str().unwrap_or(""));
            d.set_str(k, h, v);
        }
        let h = crate::hash::hash_str("__doc__");
        if d.get_str("__doc__", h).is_none() {
            d.set_str(Value::str("__doc__"), h, Value::None);
        }
    }

    /// The (slot, owner class, name) of a member descriptor.
    pub(crate) fn member_info(&self, v: &Value) -> Option<(usize, ObjRef, Value)> {
        let Some(Object::Instance(i)) = v.as_obj() else {
            return None;
        };
        if !Rc::ptr_eq(&i.cls, &self.class_types.member) {
            return None;
        }
        let a = i.attrs.borrow();
        let slot = a.get_str("_slot", crate::hash::hash_str("_slot"))?;
        let owner = a.get_str("__objclass__", crate::hash::hash_str("__objclass__"))?;
        let name = a.get_str("__name__", crate::hash::hash_str("__name__"))?;
        match (slot, owner) {
            (Value::Int(k), Value::Obj(o)) => Some((k as usize, o, name)),
            _ => None,
        }
    }

    /// The instance a member descriptor applies to (CPython's "doesn't apply" TypeError otherwise).
    fn member_target<'a>(
        &self,
        owner: &ObjRef,
        name: &Value,
        obj: &'a Value,
    ) -> PyResult<&'a Instance> {
        let ot = self.type_of(obj);
        match obj.as_obj() {
            Some(Object::Instance(i)) if is_subtype(&ot, owner) => Ok(i),
            _ => Err(type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                name.as_str().unwrap_or(""),
                type_name(owner),
                type_name(&ot)
            ))),
        }
    }

    /// `obj.member` through member descriptor `d`.
    pub(crate) fn member_get(&self, d: &Value, obj: &Value) -> PyResult<Option<Value>> {
        // `int.real`, `range.start`... (builtins/getset.rs).
        if let Some(r) = crate::builtins::type_attrs::get(self, d, obj) {
            return r.map(Some);
        }
        let Some((k, owner, name)) = self.member_info(d) else {
            return Ok(None);
        };
        let inst = self.member_target(&owner, &name, obj)?;
        let v = inst.attrs.borrow().slots.get(k).cloned();
        match v {
            Some(v) if !matches!(v, Value::Undef) => Ok(Some(v)),
            _ => Err(attribute_error(format!(
                "'{}' object has no attribute '{}'",
                type_name(&inst.cls),
                name.as_str().unwrap_or("")
            ))),
        }
    }

    /// `obj.member = v` (`v` None: `del obj.member`) through member descriptor `d`; false if `d` is
    /// not a member descriptor.
    pub(crate) fn member_set(&self, d: &Value, obj: &Value, v: Option<Value>) -> PyResult<bool> {
        if let Some(e) = crate::builtins::type_attrs::readonly_error(self, d) {
            return Err(e);
        }
        let Some((k, owner, name)) = self.member_info(d) else {
            return Ok(false);
        };
        let inst = self.member_target(&owner, &name, obj)?;
        let old = {
            let mut a = inst.attrs.borrow_mut();
            let Some(slot) = a.slots.get_mut(k) else {
                return Ok(true);
            };
            if v.is_none() && matches!(slot, Value::Undef) {
                drop(a);
                return Err(attribute_error(name.as_str().unwrap_or("").to_string()));
            }
            std::mem::replace(slot, v.unwrap_or(Value::Undef))
        };
        drop(old);
        Ok(true)
    }
}

/// `member_descriptor.__get__`/`__set__`/`__delete__` and the repr, installed on the builtin type.
pub fn install(vm: &mut Vm) {
    let m = vm.class_types.member.clone();
    crate::builtins::method(&m, "__get__", |vm, args, _kw| {
        let (d, obj) = match args {
            [d, obj] | [d, obj, _] => (d, obj),
            _ => return Err(type_error("__get__ expected 1 or 2 arguments")),
        };
        if obj.is_none() {
            return Ok(d.clone());
        }
        Ok(vm.member_get(d, obj)?.unwrap_or(Value::None))
    });
    crate::builtins::method(&m, "__set__", |vm, args, _kw| {
        let [d, obj, v] = args else {
            return Err(type_error("__set__ expected 2 arguments"));
        };
        vm.member_set(d, obj, Some(v.clone()))?;
        Ok(Value::None)
    });
    crate::builtins::method(&m, "__delete__", |vm, args, _kw| {
        let [d, obj] = args else {
            return Err(type_error("__delete__ expected 1 argument"));
        };
        vm.member_set(d, obj, None)?;
        Ok(Value::None)
    });
}

/// `<member 'x' of 'C' objects>`, `<attribute '__dict__' of 'C' objects>`.
pub fn member_repr(vm: &Vm, v: &Value) -> Option<String> {
    if let Some((_, owner, name)) = vm.member_info(v) {
        return Some(format!(
            "<member '{}' of '{}' objects>",
            name.as_str().unwrap_or(""),
            type_name(&owner)
        ));
    }
    if let Some((owner, name, true)) = crate::builtins::type_attrs::builtin_desc(vm, v) {
        return Some(format!(
            "<member '{}' of '{}' objects>",
            name.as_str().unwrap_or(""),
            type_name(&owner)
        ));
    }
    let Some(Object::Instance(i)) = v.as_obj() else {
        return None;
    };
    if !Rc::ptr_eq(&i.cls, &vm.class_types.getset) {
        return None;
    }
    let a = i.attrs.borrow();
    let name = a.get_str("__name__", crate::hash::hash_str("__name__"))?;
    let owner = a.get_str("__objclass__", crate::hash::hash_str("__objclass__"))?;
    let Value::Obj(owner) = owner else {
        return None;
    };
    Some(format!(
        "<attribute '{}' of '{}' objects>",
        name.as_str().unwrap_or(""),
        type_name(&owner)
    ))
}
