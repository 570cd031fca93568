//! Inline caches for attribute access on instances (`LoadAttr`, `LoadMethod`, `StoreAttr`).
//!
//! Each code object has one `AttrCache` per name (like `LoadGlobal`'s `GlobalCache`), holding one load
//! entry and one store entry. An entry remembers, for instances of one class with one shape, what the
//! full lookup found:
//! - `SLOT`: the instance's own attribute in slot k (the class has no data descriptor of that name);
//! - `METHOD`: no instance attribute, the class attribute is a plain Python function (`LoadMethod` pushes
//!   it with the instance; `LoadAttr` binds it);
//! - `CLASS_VALUE`: no instance attribute, the class attribute is a value with no `__get__` (ints, strs...);
//! - `ADD` (stores): the attribute is new; the store moves the instance to shape `next` and appends.
//!
//! An entry is valid while the class is the same object and the global type epoch is unchanged: the epoch
//! is bumped by every class mutation (it is what invalidates `type_lookup`'s method cache), so class
//! attributes, the MRO, descriptors' own classes and `__getattribute__`/`__setattr__` overrides cannot
//! change under a valid entry. The shape pins the instance side: a shape's name→slot map never changes.
//! Entries are only filled for instances of Python classes without a builtin base, whose classes do not
//! override `__getattribute__` (loads) or `__setattr__` (stores); a miss takes the generic path.

use super::Vm;
use crate::code::{AttrCache, AttrEntry, ATTR_WAYS};
use crate::object::{Instance, Object};
use crate::value::Value;
use std::rc::Rc;

pub const SLOT: u8 = 1;
pub const METHOD: u8 = 2;
pub const CLASS_VALUE: u8 = 3;
pub const ADD: u8 = 4;
/// `LoadMethod` on anything but an instance, module or class (a list, a str, a generator...):
/// `lookup_method` consults the value's type alone, so an entry keyed by the type (`cls`; `shape` is
/// `TYPE_SHAPE`, which no instance has) under the current epoch holds what it found.
pub const TYPE_METHOD: u8 = 5;
const TYPE_SHAPE: u32 = u32::MAX;

/// A cacheable attribute access: for instances of `cls` with `shape`, under the current type epoch.
pub struct AttrPlan<T> {
    pub cls: crate::object::ObjRef,
    pub shape: Rc<crate::shape::Shape>,
    pub hit: T,
}

/// What a load finds.
pub enum LoadHit {
    /// The instance's own attribute in slot k.
    Slot(usize),
    /// A plain Python function on the class (bound by `LoadAttr`; `LoadMethod` pushes it with self).
    Method(Value),
    /// A class attribute returned unchanged.
    ClassValue(Value),
}

/// What a store does.
pub enum StoreHit {
    /// Replace slot k.
    Slot(usize),
    /// Append a slot and move to this shape.
    Add(Rc<crate::shape::Shape>),
}

/// The entry to (re)fill: a stale one if any, else the next in round-robin order.
fn victim<'a>(
    vm: &Vm,
    entries: &'a [AttrEntry; ATTR_WAYS],
    next: &std::cell::Cell<u8>,
) -> &'a AttrEntry {
    let epoch = vm.type_epoch.get();
    if let Some(e) = entries.iter().find(|e| e.epoch.get() != epoch) {
        return e;
    }
    let k = next.get() as usize % ATTR_WAYS;
    next.set(((k + 1) % ATTR_WAYS) as u8);
    &entries[k]
}

/// A class attribute that `x.name` returns unchanged (no descriptor protocol applies to it).
fn is_plain_value(v: &Value) -> bool {
    match v {
        Value::Obj(o) => matches!(
            &**o,
            Object::Int(_)
                | Object::Str(_)
                | Object::Bytes(_)
                | Object::Tuple(_)
                | Object::List(_)
                | Object::Dict(_)
                | Object::Set(_)
                | Object::FrozenSet(_)
        ),
        _ => true,
    }
}

impl Vm {
    /// A cache hit for a load: (value, is_method). For METHOD, the value is the unbound function.
    #[inline(always)]
    pub(crate) fn attr_load_hit(&self, c: &AttrCache, obj: &Value) -> Option<(Value, bool)> {
        let Value::Obj(o) = obj else { return None };
        let Object::Instance(i) = &**o else {
            return None;
        };
        let cls = Rc::as_ptr(&i.cls) as usize;
        let epoch = self.type_epoch.get();
        let a = i.attrs.borrow();
        let id = a.shape.id;
        let e = c
            .load
            .iter()
            .find(|e| e.cls.get() == cls && e.shape.get() == id && e.epoch.get() == epoch)?;
        match e.kind.get() {
            SLOT => {
                let v = a.slots[e.index.get() as usize].clone();
                // An unset `__slots__` member: the slow path raises the AttributeError.
                (!matches!(v, Value::Undef)).then_some((v, false))
            }
            METHOD => Some((e.value.borrow().clone(), true)),
            CLASS_VALUE => Some((e.value.borrow().clone(), false)),
            _ => None,
        }
    }

    /// A `TYPE_METHOD` hit for `LoadMethod` on `obj`: the method (pushed with `obj` as self).
    #[inline]
    pub(crate) fn type_method_hit(&self, c: &AttrCache, obj: &Value) -> Option<Value> {
        let t = self.method_type_key(obj)?;
        let epoch = self.type_epoch.get();
        let e = c
            .load
            .iter()
            .find(|e| e.cls.get() == t && e.shape.get() == TYPE_SHAPE && e.epoch.get() == epoch)?;
        (e.kind.get() == TYPE_METHOD).then(|| e.value.borrow().clone())
    }

    /// Remember what `lookup_method` found for `obj` (a method `m`), if `obj`'s type decides it.
    pub(crate) fn type_method_fill(&self, c: &AttrCache, obj: &Value, m: &Value) {
        let Some(t) = self.method_type_key(obj) else {
            return;
        };
        let e = victim(self, &c.load, &c.next_load);
        e.cls.set(t);
        e.shape.set(TYPE_SHAPE);
        e.epoch.set(self.type_epoch.get());
        e.kind.set(TYPE_METHOD);
        *e.value.borrow_mut() = m.clone();
    }

    /// The address of `obj`'s type when `lookup_method` looks at nothing else.
    #[inline]
    fn method_type_key(&self, obj: &Value) -> Option<usize> {
        if let Value::Obj(o) = obj {
            if matches!(
                &**o,
                Object::Instance(_) | Object::Module(_) | Object::Type(_)
            ) {
                return None;
            }
        }
        Some(Rc::as_ptr(self.types.type_of(obj)) as usize)
    }

    /// A cache hit for a store: performs it and returns true.
    #[inline(always)]
    pub(crate) fn attr_store_hit(&self, c: &AttrCache, obj: &Value, v: &mut Option<Value>) -> bool {
        let Value::Obj(o) = obj else { return false };
        let Object::Instance(i) = &**o else {
            return false;
        };
        let cls = Rc::as_ptr(&i.cls) as usize;
        let epoch = self.type_epoch.get();
        let mut a = i.attrs.borrow_mut();
        let id = a.shape.id;
        let Some(e) = c
            .store
            .iter()
            .find(|e| e.cls.get() == cls && e.shape.get() == id && e.epoch.get() == epoch)
        else {
            return false;
        };
        match e.kind.get() {
            SLOT => {
                let old = std::mem::replace(
                    &mut a.slots[e.index.get() as usize],
                    v.take().unwrap_or(Value::None),
                );
                drop(a);
                drop(old);
                true
            }
            ADD => {
                let Some(next) = e.next.borrow().clone() else {
                    return false;
                };
                a.shape = next;
                a.slots.push(v.take().unwrap_or(Value::None));
                true
            }
            _ => false,
        }
    }

    /// The instance and its class if `obj` may be cached at all.
    fn cacheable(obj: &Value) -> Option<&Instance> {
        let Some(Object::Instance(i)) = obj.as_obj() else {
            return None;
        };
        if i.base.is_some() || !crate::vm::classes::is_user_class(&i.cls) {
            return None;
        }
        Some(i)
    }

    /// Is `name` overridden by a Python function on `cls` (`__getattribute__`, `__setattr__`)?
    fn overridden(&mut self, cls: &crate::object::ObjRef, name: &Value) -> bool {
        matches!(
            self.type_lookup(cls, name)
                .as_ref()
                .and_then(|v| v.as_obj()),
            Some(Object::Function(_))
        )
    }

    /// What a full lookup of `obj.name` finds, when it is a case caches and JIT traces cover: the
    /// instance's class and shape, and the hit (valid while the class, the shape and the type epoch are
    /// unchanged). None for everything else (data descriptors, `__getattribute__`, dict mode, misses that
    /// would reach `__getattr__`...). Calls no Python code.
    pub fn attr_load_plan(&mut self, obj: &Value, name: &Value) -> Option<AttrPlan<LoadHit>> {
        let i = Vm::cacheable(obj)?;
        let cls = i.cls.clone();
        if self.overridden(&cls, &self.strs.getattribute.clone()) {
            return None;
        }
        let ca = self.type_lookup(&cls, name);
        if let Some(ca) = &ca {
            // A `__slots__` member found on the instance's own class applies to it: its value is the
            // reserved slot `k` (a data descriptor, so it wins over everything else). An unset member
            // (`Undef`) is a miss, at fill time and at every hit.
            if let Some((k, _, _)) = self.member_info(ca) {
                let a = i.attrs.borrow();
                let set = matches!(a.slots.get(k), Some(v) if !matches!(v, Value::Undef));
                return (set && a.dict.is_none()).then(|| AttrPlan {
                    cls: cls.clone(),
                    shape: a.shape.clone(),
                    hit: LoadHit::Slot(k),
                });
            }
            if self.is_property(ca) || self.is_data_descriptor(ca) {
                return None;
            }
        }
        let (s, h) = crate::vm::protocol::str_and_hash(name)?;
        let (shape, slot) = {
            let a = i.attrs.borrow();
            if a.dict.is_some() {
                return None;
            }
            (a.shape.clone(), a.shape.lookup(name, s, h))
        };
        let hit = match (slot, ca) {
            (Some(k), _) => LoadHit::Slot(k),
            (None, Some(f)) if matches!(f.as_obj(), Some(Object::Function(_))) => {
                LoadHit::Method(f)
            }
            (None, Some(v)) if is_plain_value(&v) => LoadHit::ClassValue(v),
            _ => return None,
        };
        Some(AttrPlan { cls, shape, hit })
    }

    /// Fill a load entry from what a full lookup of `obj.name` would do (nothing when it is not a case
    /// the cache covers). Calls no Python code.
    pub(crate) fn attr_load_fill(&mut self, c: &AttrCache, obj: &Value, name: &Value) {
        let Some(plan) = self.attr_load_plan(obj, name) else {
            return;
        };
        let (kind, index, value) = match plan.hit {
            LoadHit::Slot(k) => (SLOT, k as u32, Value::Undef),
            LoadHit::Method(f) => (METHOD, 0, f),
            LoadHit::ClassValue(v) => (CLASS_VALUE, 0, v),
        };
        let e = victim(self, &c.load, &c.next_load);
        e.cls.set(Rc::as_ptr(&plan.cls) as usize);
        e.epoch.set(self.type_epoch.get());
        e.shape.set(plan.shape.id);
        e.kind.set(kind);
        e.index.set(index);
        *e.value.borrow_mut() = value;
        *e.keep.borrow_mut() = Value::Obj(plan.cls);
    }

    /// What `obj.name = v` will do, when it is a case caches and JIT traces cover: replace slot k, or
    /// append a slot and move to a child shape (created here if new; the store itself follows). Valid
    /// while the class, the shape and the type epoch are unchanged. Calls no Python code.
    pub fn attr_store_plan(&mut self, obj: &Value, name: &Value) -> Option<AttrPlan<StoreHit>> {
        if let Some(plan) = self.member_store_plan(obj, name) {
            return Some(plan);
        }
        self.attr_store_precheck(obj, name)?;
        let i = Vm::cacheable(obj)?;
        let (s, h) = crate::vm::protocol::str_and_hash(name)?;
        let a = i.attrs.borrow();
        let shape = a.shape.clone();
        let hit = match shape.lookup(name, s, h) {
            Some(k) => StoreHit::Slot(k),
            None if a.slots.len() == shape.len() => StoreHit::Add(shape.with_attr(name, h)?),
            None => return None,
        };
        Some(AttrPlan {
            cls: i.cls.clone(),
            shape,
            hit,
        })
    }

    /// `obj.name = v` where `name` is a `__slots__` member found on the instance's class (a data
    /// descriptor: it wins over everything but a `__setattr__` override): `member_set` writes the
    /// reserved slot `k`, so the plan is "replace slot k". Calls no Python code.
    fn member_store_plan(&mut self, obj: &Value, name: &Value) -> Option<AttrPlan<StoreHit>> {
        let i = Vm::cacheable(obj)?;
        let cls = i.cls.clone();
        if self.overridden(&cls, &self.strs.setattr.clone()) {
            return None;
        }
        let ca = self.type_lookup(&cls, name)?;
        let (k, _, _) = self.member_info(&ca)?;
        let a = i.attrs.borrow();
        (a.dict.is_none() && k < a.slots.len()).then(|| AttrPlan {
            cls: cls.clone(),
            shape: a.shape.clone(),
            hit: StoreHit::Slot(k),
        })
    }

    /// After a store to a `__slots__` member (which `attr_store_precheck` leaves out: it is a data
    /// descriptor): record it as "replace slot k" (`member_store_plan`), so the next store to it is a
    /// cache hit instead of `setattr` and a descriptor lookup.
    pub(crate) fn member_store_fill(&mut self, c: &AttrCache, obj: &Value, name: &Value) {
        let Some(plan) = self.member_store_plan(obj, name) else {
            return;
        };
        let StoreHit::Slot(k) = plan.hit else { return };
        let e = victim(self, &c.store, &c.next_store);
        e.kind.set(SLOT);
        *e.next.borrow_mut() = None;
        e.cls.set(Rc::as_ptr(&plan.cls) as usize);
        e.epoch.set(self.type_epoch.get());
        e.shape.set(plan.shape.id);
        e.index.set(k as u32);
        *e.keep.borrow_mut() = Value::Obj(plan.cls);
    }

    /// Before a generic `obj.name = v`: the instance's shape if the store may be cached. Calls no Python.
    pub(crate) fn attr_store_precheck(&mut self, obj: &Value, name: &Value) -> Option<u32> {
        let i = Vm::cacheable(obj)?;
        let cls = i.cls.clone();
        if name.as_str() == Some("__dict__") || self.overridden(&cls, &self.strs.setattr.clone()) {
            return None;
        }
        // Instances without a `__dict__` (`__slots__`) cannot gain named attributes.
        if !crate::vm::classes::class_has_dict(&cls) {
            return None;
        }
        if let Some(ca) = self.type_lookup(&cls, name) {
            if self.is_property(&ca) || self.is_data_descriptor(&ca) {
                return None;
            }
        }
        let a = i.attrs.borrow();
        (a.dict.is_none()).then_some(a.shape.id)
    }

    /// After the generic store that `attr_store_precheck` allowed (from shape `before`): record it.
    pub(crate) fn attr_store_fill(
        &mut self,
        c: &AttrCache,
        obj: &Value,
        name: &Value,
        before: u32,
    ) {
        let Some(i) = Vm::cacheable(obj) else { return };
        let Some((s, h)) = crate::vm::protocol::str_and_hash(name) else {
            return;
        };
        let a = i.attrs.borrow();
        if a.dict.is_some() {
            return;
        }
        let Some(k) = a.shape.lookup(name, s, h) else {
            return;
        };
        let e = victim(self, &c.store, &c.next_store);
        if a.shape.id == before {
            e.kind.set(SLOT);
            *e.next.borrow_mut() = None;
        } else if k + 1 == a.shape.len() && a.slots.len() == k + 1 {
            // A transition to a child shape: the attribute went to the new last slot.
            e.kind.set(ADD);
            *e.next.borrow_mut() = Some(a.shape.clone());
        } else {
            e.epoch.set(0);
            return;
        }
        e.cls.set(Rc::as_ptr(&i.cls) as usize);
        e.epoch.set(self.type_epoch.get());
        e.shape.set(before);
        e.index.set(k as u32);
        *e.keep.borrow_mut() = Value::Obj(i.cls.clone());
    }
}

impl Vm {
    /// The class of `obj` if its truth value is always True while the type epoch is unchanged: an
    /// instance of a Python class (no builtin base) defining neither `__bool__` nor `__len__`.
    pub fn instance_always_true(&self, obj: &Value) -> Option<crate::object::ObjRef> {
        let i = Vm::cacheable(obj)?;
        let cls = i.cls.clone();
        for name in ["__bool__", "__len__"] {
            if self.type_lookup(&cls, &self.strs.get(name)).is_some() {
                return None;
            }
        }
        Some(cls)
    }

    /// Where the type epoch lives (JIT traces guard it like the caches here do). Boxed, so the address
    /// is stable for the `Vm`'s life even if the `Vm` moves.
    pub fn type_epoch_ptr(&self) -> *const u64 {
        self.type_epoch.as_ptr() as *const u64
    }
}

impl Vm {
    /// The `__init__` function if calling the class `cls` is exactly "a new plain instance
    /// (`new_instance`), then `__init__(obj, *args)`, which must return None" under the current type
    /// epoch: a Python class (no builtin base, no metaclass, no `__new__` of its own) whose `__init__`
    /// is a Python function. What `instantiate` does for such a class, for the JIT to mirror.
    pub fn simple_init(&self, cls: &crate::object::ObjRef) -> Option<Value> {
        let Object::Type(t) = &**cls else { return None };
        if t.meta.is_some()
            || t.kind != crate::object::TypeKind::Object
            || t.ctor.get().is_some()
            || !crate::vm::classes::is_user_class(cls)
        {
            return None;
        }
        if let Some(new) = self.type_lookup(cls, &self.strs.new) {
            if !matches!(new.as_obj(), Some(Object::Builtin(_))) {
                return None;
            }
        }
        let init = self.type_lookup(cls, &self.strs.init)?;
        matches!(init.as_obj(), Some(Object::Function(_))).then_some(init)
    }
}

impl Vm {
    /// What `call_dunder(obj, name, args)` does for an instance of a Python class without a builtin
    /// base, under the current type epoch: `Some(None)` when the class does not define `name` (the
    /// protocol falls back: reflected operand, identity...), `Some(Some(f))` when it calls the Python
    /// function `f` with `obj` prepended. None for anything else (not such an instance, a builtin
    /// dunder, a descriptor). For the JIT to mirror operators on instances.
    pub fn dunder_plan(&self, obj: &Value, name: &'static str) -> Option<Option<Value>> {
        let Some(Object::Instance(i)) = obj.as_obj() else {
            return None;
        };
        if i.base.is_some() || !crate::vm::classes::is_user_class(&i.cls) {
            return None;
        }
        match self.type_lookup(&i.cls, &self.strs.get(name)) {
            None => Some(None),
            Some(f) if matches!(f.as_obj(), Some(Object::Function(_))) => Some(Some(f)),
            Some(_) => None,
        }
    }
}

/// A new instance of `cls` with no attributes, exactly as calling the class makes it before running
/// `__init__` (see `Vm::simple_init`).
pub fn new_instance(cls: &crate::object::ObjRef) -> Value {
    Value::obj(Object::Instance(Instance::new(cls.clone())))
}

impl Vm {
    /// `C.name` for a Python class `C` (no metaclass), when the lookup is a plain MRO search that ends
    /// in a Python function or a value without `__get__`, returned unchanged (as `getattr` on a type
    /// does: special names first, then the metatype's properties, then the MRO); valid under the
    /// current type epoch. None for everything else.
    pub fn class_attr_plan(&self, cls: &crate::object::ObjRef, name: &Value) -> Option<Value> {
        let Object::Type(t) = &**cls else { return None };
        if t.meta.is_some() || !crate::vm::classes::is_user_class(cls) {
            return None;
        }
        let special = [
            "__name__",
            "__qualname__",
            "__module__",
            "__mro__",
            "__bases__",
            "__base__",
            "__dict__",
        ];
        if special.contains(&name.as_str()?) {
            return None;
        }
        let meta = self.types.type_of(&Value::Obj(cls.clone())).clone();
        if let Some(ma) = self.type_lookup(&meta, name) {
            if self.is_property(&ma) {
                return None;
            }
        }
        let v = self.type_lookup(cls, name)?;
        (matches!(v.as_obj(), Some(Object::Function(_))) || is_plain_value(&v)).then_some(v)
    }
}
