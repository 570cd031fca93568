//! User-defined classes: `class` statements (`__build_class__`), the C3 MRO, instance creation, attribute
//! lookup with descriptors (`property`, `staticmethod`, `classmethod`, user `__get__`/`__set__`), `super()`,
//! and calling dunder methods on instances.
//!
//! Instances store attributes in a per-instance dict for now; shapes (hidden classes, design brief §2) will
//! replace that behind `instance_getattr`/`instance_setattr` without changing callers. Classes carry a
//! `version` bumped on every change, for method caches and JIT guards.

use super::{Frame, Vm};
use crate::dict::Dict;
use crate::error::{attribute_error, type_error, ExcKind, PyErr, PyResult};
use crate::object::{Builtin, Instance, KwArgs, ObjRef, Object, TypeKind, TypeObj};
use crate::types::{is_subtype, new_type, type_name};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Builtin types that exist for classes: descriptors and `super`.
pub struct ClassTypes {
    pub property: ObjRef,
    pub staticmethod: ObjRef,
    pub classmethod: ObjRef,
    pub super_: ObjRef,
    /// `member_descriptor`: the descriptors `__slots__` puts on classes (slots.rs).
    pub member: ObjRef,
    /// `getset_descriptor`: the `__dict__`/`__weakref__` entries of classes that introduce them.
    pub getset: ObjRef,
}

impl ClassTypes {
    pub fn new(object: &ObjRef) -> ClassTypes {
        let t = |n: &str| new_type(n, TypeKind::Object, vec![object.clone()], None);
        ClassTypes {
            property: t("property"),
            staticmethod: t("staticmethod"),
            classmethod: t("classmethod"),
            super_: t("super"),
            member: t("member_descriptor"),
            getset: t("getset_descriptor"),
        }
    }
}

/// A field of a builtin-typed instance (property's fget, super's __self__, ...).
pub(crate) fn field(o: &Object, name: &str) -> Value {
    match o {
        Object::Instance(i) => i
            .attrs
            .borrow()
            .get_str(name, crate::hash::hash_str(name))
            .unwrap_or(Value::None),
        _ => Value::None,
    }
}

fn make_instance(cls: &ObjRef, fields: &[(&str, Value)]) -> Value {
    let inst = Instance::new(cls.clone());
    for (k, v) in fields {
        inst.set_attr(&Value::str(k), v.clone());
    }
    Value::obj(Object::Instance(inst))
}

impl Vm {
    /// `classmethod(f)`.
    pub fn make_classmethod(&self, f: Value) -> Value {
        make_instance(
            &self.class_types.classmethod,
            &[("f", f.clone()), ("__func__", f)],
        )
    }

    /// Is `v` a `property` object?
    pub fn is_property(&self, v: &Value) -> bool {
        is_instance_of(v, &self.class_types.property)
    }
}

fn is_instance_of(v: &Value, t: &ObjRef) -> bool {
    matches!(v.as_obj(), Some(Object::Instance(i)) if Rc::ptr_eq(&i.cls, t))
}

/// Is `t` a class defined by Python code (rather than a builtin type)?
pub fn is_user_class(t: &ObjRef) -> bool {
    match &**t {
        Object::Type(ty) => {
            (ty.heap && ty.kind != TypeKind::Exception)
                || (ty.ctor.get().is_none()
                    && ty.kind == TypeKind::Object
                    && ty.module.borrow().as_str() != Some("builtins"))
        }
        _ => false,
    }
}

/// Do instances of class `t` have a `__dict__`? (Not when `__slots__` everywhere in the MRO leaves it out.)
pub fn class_has_dict(t: &ObjRef) -> bool {
    match &**t {
        Object::Type(ty) => ty.has_dict,
        _ => true,
    }
}

/// Do instances of class `t` accept weak references (and have `__weakref__`)?
pub fn class_has_weakref(t: &ObjRef) -> bool {
    match &**t {
        Object::Type(ty) => ty.has_weakref,
        _ => true,
    }
}

/// The metaclass of class `t` when it is a Python class (not `type`).
pub fn user_meta(t: &Object) -> Option<&ObjRef> {
    match t {
        Object::Type(ty) => ty.meta.as_ref().filter(|m| is_user_class(m)),
        _ => None,
    }
}

impl Vm {
    /// `__build_class__(body, name, *bases, **kw)`: pick the metaclass, run the class body in the namespace
    /// it prepares, then create the class by calling the metaclass (`type` takes a direct path).
    pub fn build_class(&mut self, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        if args.len() < 2 {
            return Err(type_error("__build_class__: not enough arguments"));
        }
        let body = args[0].clone();
        let name = args[1]
            .as_str()
            .ok_or_else(|| type_error("__build_class__: name is not a string"))?
            .to_string();
        let orig_bases: Vec<Value> = args[2..].to_vec();
        let Some(Object::Function(f)) = body.as_obj() else {
            return Err(type_error("__build_class__: func must be a function"));
        };
        let (bases, replaced) = self.update_bases(&orig_bases)?;
        let explicit_meta = kw
            .iter()
            .find(|(k, _)| &**k == "metaclass")
            .map(|(_, v)| v.clone());
        let class_kw: KwArgs = kw
            .iter()
            .filter(|(k, _)| &**k != "metaclass")
            .cloned()
            .collect();
        let meta = match explicit_meta {
            // A metaclass that is not a class (any callable) is simply called.
            Some(m) if !matches!(m.as_obj(), Some(Object::Type(_))) => Some(m),
            Some(Value::Obj(m)) => Some(Value::Obj(self.winner_meta(&m, &bases)?)),
            _ => match bases.is_empty() {
                true => None,
                false => {
                    let t = self.types.type_.clone();
                    Some(Value::Obj(self.winner_meta(&t, &bases)?))
                }
            },
        };
        let meta = meta.filter(|m| !matches!(m, Value::Obj(o) if Rc::ptr_eq(o, &self.types.type_)));
        let ns = match &meta {
            Some(m) => match self.getattr_opt(m, "__prepare__")? {
                Some(prep) => {
                    let bt = Value::obj(Object::Tuple(bases.clone()));
                    let ns = self.call_kw(&prep, &[Value::str(&name), bt], &class_kw)?;
                    match ns {
                        Value::Obj(o) if matches!(&*o, Object::Dict(_)) => o,
                        other => {
                            return Err(type_error(format!(
                                "{}.__prepare__() must return a mapping, not {}",
                                self.meta_name(m),
                                self.type_name(&other)
                            )))
                        }
                    }
                }
                None => Rc::new(Object::Dict(RefCell::new(Dict::new()))),
            },
            None => Rc::new(Object::Dict(RefCell::new(Dict::new()))),
        };
        let module = self
            .dict_get_str_quiet(&f.globals, "__name__")
            .unwrap_or(self.strs.get("__main__"));
        self.dict_set_str(&ns, &self.strs.get("__module__"), module)?;
        let qual = f.qualname.borrow().clone();
        self.dict_set_str(&ns, &self.strs.get("__qualname__"), Value::str(&qual))?;
        let cell = self.run_class_body(&body, ns.clone())?;
        if let Some(orig) = replaced {
            let orig = Value::obj(Object::Tuple(orig));
            self.dict_set_str(&ns, &self.strs.get("__orig_bases__"), orig)?;
        }
        let cls = match meta {
            None => {
                let t = self.types.type_.clone();
                self.new_class(&name, bases, &ns, &t, &class_kw)?
            }
            Some(m) => {
                let bt = Value::obj(Object::Tuple(bases));
                self.call_kw(&m, &[Value::str(&name), bt, Value::Obj(ns)], &class_kw)?
            }
        };
        if let Some(Object::Cell(c)) = cell.as_obj() {
            *c.borrow_mut() = cls.clone();
        }
        Ok(cls)
    }

    /// CPython's `update_bases`: a base that is not a class but has `__mro_entries__` (`Generic[T]`,
    /// `list[int]`) is replaced by the classes that method returns. The original bases come back too
    /// when something was replaced (they become `__orig_bases__`).
    fn update_bases(&mut self, bases: &[Value]) -> PyResult<(Vec<Value>, Option<Vec<Value>>)> {
        if bases
            .iter()
            .all(|b| matches!(b.as_obj(), Some(Object::Type(_))))
        {
            return Ok((bases.to_vec(), None));
        }
        let mut out = Vec::with_capacity(bases.len());
        let mut changed = false;
        for b in bases {
            if !matches!(b.as_obj(), Some(Object::Type(_))) {
                if let Some(m) = self.getattr_opt(b, "__mro_entries__")? {
                    let orig = Value::obj(Object::Tuple(bases.to_vec()));
                    let r = self.call(&m, &[orig])?;
                    let Some(Object::Tuple(items)) = r.as_obj() else {
                        return Err(type_error("__mro_entries__ must return a tuple"));
                    };
                    out.extend(items.iter().cloned());
                    changed = true;
                    continue;
                }
            }
            out.push(b.clone());
        }
        Ok((out, changed.then(|| bases.to_vec())))
    }

    fn meta_name(&self, m: &Value) -> String {
        match m.as_obj() {
            Some(Object::Type(t)) => t.name.clone(),
            _ => self.type_name(m),
        }
    }

    /// `getattr(obj, name)` that answers None for a missing attribute.
    pub fn getattr_opt(&mut self, obj: &Value, name: &'static str) -> PyResult<Option<Value>> {
        match self.getattr(obj, &self.strs.get(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The most derived of `meta` and the metaclasses of `bases` (CPython's `_PyType_CalculateMetaclass`).
    pub(crate) fn winner_meta(&mut self, meta: &ObjRef, bases: &[Value]) -> PyResult<ObjRef> {
        let mut winner = meta.clone();
        for b in bases {
            let bm = self.type_of(b);
            if is_subtype(&winner, &bm) {
                continue;
            }
            if is_subtype(&bm, &winner) {
                winner = bm;
                continue;
            }
            return Err(type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// Run a class body function with `ns` as its namespace; returns what the body returns (the
    /// `__class__` cell when methods use `super()`).
    fn run_class_body(&mut self, body: &Value, ns: ObjRef) -> PyResult<Value> {
        let Some(Object::Function(f)) = body.as_obj() else {
            return Ok(Value::None);
        };
        let code = f.code.clone();
        let fidx = self.stack_top();
        let base = fidx + 1;
        self.ensure_stack(base + code.frame_size() + 2);
        let nloc = code.nlocals();
        for i in 0..nloc + code.ncells() {
            self.stack[base + i] = Value::Undef;
        }
        for i in 0..code.cellvars.len() {
            self.stack[base + nloc + i] = Value::obj(Object::Cell(RefCell::new(Value::Undef)));
        }
        for (j, c) in f.closure.iter().enumerate() {
            self.stack[base + nloc + code.cellvars.len() + j] = Value::Obj(c.clone());
        }
        let depth = self.frames.len();
        let globals = f.globals.clone();
        let Value::Obj(func) = body else {
            return Ok(Value::None);
        };
        self.push_frame(Frame {
            code: code.clone(),
            func: Some(func.clone()),
            globals,
            locals: Some(ns),
            pc: 0,
            base,
            sp: base + nloc + code.ncells(),
            ret_slot: fidx,
            gen: None,
        })?;
        if let Err(e) = self.enter_native() {
            self.pop_frame_for_unwind();
            return Err(e);
        }
        let r = self.run(depth);
        self.leave_native();
        r
    }

    /// `type.__new__(meta, name, bases, ns, **kw)`: create a Python class whose metaclass is `meta`, then run
    /// the class-creation hooks (`__set_name__` on attributes, the parent's `__init_subclass__`).
    pub fn new_class(
        &mut self,
        name: &str,
        bases: Vec<Value>,
        ns: &ObjRef,
        meta: &ObjRef,
        kw: &KwArgs,
    ) -> PyResult<Value> {
        let mut base_refs: Vec<ObjRef> = Vec::new();
        for b in &bases {
            match b {
                Value::Obj(o) if matches!(&**o, Object::Type(_)) => base_refs.push(o.clone()),
                other => {
                    return Err(type_error(format!(
                        "bases must be types, not {}",
                        self.type_name(other)
                    )))
                }
            }
        }
        if base_refs.is_empty() {
            base_refs.push(self.types.object.clone());
        }
        // Instances' payload comes from the builtin the class derives from.
        let mut kind = TypeKind::Object;
        for b in &base_refs {
            if let Object::Type(bt) = &**b {
                match bt.kind {
                    TypeKind::Object => {}
                    TypeKind::Exception => kind = TypeKind::Exception,
                    TypeKind::Type => kind = TypeKind::Type,
                    k if k.is_subclassable_builtin() => {
                        if kind != TypeKind::Object && kind != k {
                            return Err(type_error(
                                "multiple bases have instance lay-out conflict",
                            ));
                        }
                        kind = k;
                    }
                    _ => {
                        return Err(type_error(format!(
                            "type '{}' is not an acceptable base type",
                            bt.name
                        )))
                    }
                }
            }
        }
        let mro = c3_mro(&base_refs).ok_or_else(|| {
            let names: Vec<String> = base_refs.iter().map(|b| type_name(b).to_string()).collect();
            type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ))
        })?;
        let mut dict = match &**ns {
            Object::Dict(d) => d.borrow().clone(),
            _ => Dict::new(),
        };
        // Implicit classmethods (as CPython's type_new does).
        for hook in ["__init_subclass__", "__class_getitem__"] {
            let h = crate::hash::hash_str(hook);
            if let Some(f) = dict.get_str(hook, h).cloned() {
                if matches!(f.as_obj(), Some(Object::Function(_))) {
                    let cm = make_instance(&self.class_types.classmethod, &[("f", f)]);
                    dict.set_str(Value::str(hook), h, cm);
                }
            }
        }
        // As CPython's type(): a class that defines __eq__ but not __hash__ gets `__hash__ = None`
        // (its instances are unhashable, and `C.__hash__` says so).
        let h = |k: &str| crate::hash::hash_str(k);
        if dict.get_str("__eq__", h("__eq__")).is_some()
            && dict.get_str("__hash__", h("__hash__")).is_none()
        {
            dict.set_str(Value::str("__hash__"), h("__hash__"), Value::None);
        }
        let module = dict
            .get_str("__module__", crate::hash::hash_str("__module__"))
            .cloned()
            .unwrap_or(self.strs.get("__main__"));
        let layout = self.slots_layout(name, &base_refs, kind, &dict)?;
        let has_finalizer = dict.get_str("__del__", h("__del__")).is_some()
            || base_refs
                .iter()
                .any(|b| matches!(&**b, Object::Type(t) if t.has_finalizer.get()));
        let qualname = match dict.get_str("__qualname__", h("__qualname__")).cloned() {
            None => name.to_string(),
            Some(q) => {
                let Some(qs) = q.as_str() else {
                    return Err(type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        self.type_name(&q)
                    )));
                };
                let qs = qs.to_string();
                let r: Result<Option<usize>, ()> =
                    dict.find(
                        h("__qualname__"),
                        |k| Ok(k.as_str() == Some("__qualname__")),
                    );
                if let Some(ix) = r.ok().flatten() {
                    dict.remove_at(ix);
                }
                qs
            }
        };
        let cls = Rc::new(Object::Type(Box::new(TypeObj {
            name: name.to_string(),
            qualname: RefCell::new(qualname),
            kind,
            bases: base_refs,
            mro: RefCell::new(mro),
            dict: RefCell::new(dict),
            version: Cell::new(0),
            module: RefCell::new(module),
            ctor: Cell::new(None),
            meta: (!Rc::ptr_eq(meta, &self.types.type_)).then(|| meta.clone()),
            heap: true,
            nmembers: layout.nmembers,
            has_dict: layout.has_dict,
            has_weakref: layout.has_weakref,
            has_finalizer: Cell::new(has_finalizer),
            init_cache: RefCell::new((0, Value::Undef)),
        })));
        if has_finalizer {
            crate::finalize::note_finalizer_class();
        }
        self.install_members(&cls, &layout);
        let cls_v = Value::Obj(cls.clone());
        self.run_set_name(&cls)?;
        self.run_init_subclass(&cls, kw)?;
        Ok(cls_v)
    }

    /// `__set_name__(owner, name)` on every class attribute whose type defines it.
    fn run_set_name(&mut self, cls: &ObjRef) -> PyResult<()> {
        let Object::Type(t) = &**cls else {
            return Ok(());
        };
        let items: Vec<(Value, Value)> = t
            .dict
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        for (k, v) in items {
            let vt = self.type_of(&v);
            if !is_user_class(&vt) {
                continue;
            }
            if let Some(f) = self.type_lookup(&vt, &self.strs.get("__set_name__")) {
                let bound = self.bind_class_attr(f, Some(&v), &vt)?;
                self.call(&bound, &[Value::Obj(cls.clone()), k])?;
            }
        }
        Ok(())
    }

    /// `super(cls, cls).__init_subclass__(**kw)`; `object`'s version accepts no keywords.
    fn run_init_subclass(&mut self, cls: &ObjRef, kw: &KwArgs) -> PyResult<()> {
        let Object::Type(t) = &**cls else {
            return Ok(());
        };
        let name = self.strs.get("__init_subclass__");
        let (s, h) = crate::vm::protocol::str_and_hash(&name).unwrap_or(("", 0));
        let mro: Vec<ObjRef> = t.mro.borrow().clone();
        for c in &mro {
            let Object::Type(ct) = &**c else { continue };
            let found = ct.dict.borrow().get_str(s, h).cloned();
            if let Some(v) = found {
                if !matches!(v.as_obj(), Some(Object::Builtin(_))) {
                    let bound = self.bind_class_attr(v, None, cls)?;
                    self.call_kw(&bound, &[], kw)?;
                    return Ok(());
                }
                break;
            }
        }
        if !kw.is_empty() {
            return Err(type_error(format!(
                "{}.__init_subclass__() takes no keyword arguments",
                t.name
            )));
        }
        Ok(())
    }

    /// Calling a Python class: create the instance, then `__init__`.
    pub fn instantiate(&mut self, cls: &ObjRef, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let Object::Type(t) = &**cls else {
            return Err(type_error("not a class"));
        };
        let cls_v = Value::Obj(cls.clone());
        if let Some(new) = self.type_lookup(cls, &self.strs.get("__new__")) {
            // A Python `__new__`, or `type.__new__` for metaclasses (`object.__new__` is implied below).
            let builtin_new = (t.kind == TypeKind::Type || t.kind.is_subclassable_builtin())
                && matches!(new.as_obj(), Some(Object::Builtin(_)));
            if matches!(new.as_obj(), Some(Object::Function(_)))
                || builtin_new
                || is_instance_of(&new, &self.class_types.staticmethod)
            {
                let f = if is_instance_of(&new, &self.class_types.staticmethod) {
                    field(new.as_obj().expect("obj"), "f")
                } else {
                    new
                };
                let mut full = vec![cls_v.clone()];
                full.extend_from_slice(args);
                let obj = self.call_kw(&f, &full, kw)?;
                let ot = self.type_of(&obj);
                if is_subtype(&ot, cls) && !self.run_init(&obj, args, kw)? {
                    // BaseException.__init__ sets args to the call's arguments.
                    if let Some(Object::Exception(e)) = obj.as_obj() {
                        *e.args.borrow_mut() = Value::obj(Object::Tuple(args.to_vec()));
                    }
                }
                return Ok(obj);
            }
        }
        let obj = if t.kind == TypeKind::Exception {
            self.new_exception(cls.clone(), args.to_vec())
        } else {
            Value::obj(Object::Instance(Instance::new(cls.clone())))
        };
        let has_init = self.run_init(&obj, args, kw)?;
        if !has_init && t.kind == TypeKind::Exception && !kw.is_empty() {
            self.exception_kwargs(&obj, kw)?;
        }
        if !has_init
            && t.kind != TypeKind::Exception
            && !t.kind.is_subclassable_builtin()
            && (!args.is_empty() || !kw.is_empty())
        {
            return Err(type_error(format!("{}() takes no arguments", t.name)));
        }
        Ok(obj)
    }

    /// Call `__init__` if the class defines one in Python; returns whether it did.
    fn run_init(&mut self, obj: &Value, args: &[Value], kw: &KwArgs) -> PyResult<bool> {
        let cls = self.type_of(obj);
        match self.type_lookup(&cls, &self.strs.get("__init__")) {
            Some(init) if matches!(init.as_obj(), Some(Object::Function(_))) => {
                let mut full: super::call::Args = smallvec::SmallVec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend(args.iter().cloned());
                let r = self.call_kw(&init, &full, kw)?;
                if !r.is_none() {
                    return Err(type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&r)
                    )));
                }
                Ok(true)
            }
            // `list.__init__` & co. for subclasses of builtin containers that don't define `__init__`.
            Some(init @ Value::Obj(_)) if Vm::base_of(obj).is_some() => {
                if matches!(init.as_obj(), Some(Object::Builtin(b)) if b.unwrap_self) {
                    let mut full = vec![obj.clone()];
                    full.extend_from_slice(args);
                    self.call_kw(&init, &full, kw)?;
                }
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Attribute lookup on an instance of a Python class (or the instance-dict part of an exception).
    pub fn instance_getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let cls = self.type_of(obj);
        let class_attr = self.type_lookup(&cls, name);
        // Data descriptors on the class win over the instance dict.
        if let Some(ca) = &class_attr {
            if is_instance_of(ca, &self.class_types.property) {
                let fget = field(ca.as_obj().expect("obj"), "fget");
                if fget.is_none() {
                    return Err(attribute_error(format!(
                        "property '{}' of '{}' object has no getter",
                        name.as_str().unwrap_or(""),
                        type_name(&cls)
                    )));
                }
                return self.call(&fget, std::slice::from_ref(obj)).map(Some);
            }
            if let Some(v) = self.member_get(ca, obj)? {
                return Ok(Some(v));
            }
            if self.is_data_descriptor(ca) {
                return self.bind_class_attr(ca.clone(), Some(obj), &cls).map(Some);
            }
        }
        if let Some(Object::Instance(inst)) = obj.as_obj() {
            if let Some(v) = inst.get_attr(name) {
                return Ok(Some(v));
            }
            match name.as_str() {
                Some("__dict__") if class_has_dict(&cls) => {
                    return Ok(Some(Value::Obj(inst.dict_object())));
                }
                Some("__weakref__") if class_has_weakref(&cls) => {
                    return Ok(Some(crate::weakref::first_ref(obj)));
                }
                _ => {}
            }
        }
        match class_attr {
            Some(ca) => self.bind_class_attr(ca, Some(obj), &cls).map(Some),
            None => Ok(None),
        }
    }

    /// Is a class attribute a data descriptor (its type defines `__set__` or `__delete__`), which takes
    /// precedence over the instance's own attributes? (`property` is checked before this.)
    pub fn is_data_descriptor(&mut self, ca: &Value) -> bool {
        let Some(Object::Instance(di)) = ca.as_obj() else {
            return false;
        };
        if Rc::ptr_eq(&di.cls, &self.class_types.member) {
            return true;
        }
        if crate::builtins::type_attrs::builtin_desc(self, ca).is_some() {
            return true;
        }
        if !is_user_class(&di.cls) {
            return false;
        }
        let dc = di.cls.clone();
        self.type_lookup(&dc, &self.strs.get("__set__")).is_some()
            || self
                .type_lookup(&dc, &self.strs.get("__delete__"))
                .is_some()
    }

    /// What `x.attr` gives for an attribute found on the class: bound methods, descriptors applied.
    pub fn bind_class_attr(
        &mut self,
        ca: Value,
        obj: Option<&Value>,
        cls: &ObjRef,
    ) -> PyResult<Value> {
        match ca.as_obj() {
            Some(Object::Function(_)) => Ok(match obj {
                Some(o) => Value::obj(Object::BoundMethod(Box::new((o.clone(), ca.clone())))),
                None => ca,
            }),
            Some(Object::Builtin(b)) if obj.is_some() => Ok(Value::obj(Object::Builtin(Builtin {
                name: b.name,
                f: b.f,
                bound: match obj.and_then(Vm::base_of) {
                    Some(base) if b.unwrap_self => Some(base.clone()),
                    _ => obj.cloned(),
                },
                unwrap_self: b.unwrap_self,
            }))),
            Some(o @ Object::Instance(i)) => {
                if Rc::ptr_eq(&i.cls, &self.class_types.staticmethod) {
                    return Ok(field(o, "f"));
                }
                if Rc::ptr_eq(&i.cls, &self.class_types.classmethod) {
                    let f = field(o, "f");
                    return Ok(Value::obj(Object::BoundMethod(Box::new((
                        Value::Obj(cls.clone()),
                        f,
                    )))));
                }
                if Rc::ptr_eq(&i.cls, &self.class_types.member) {
                    return match obj {
                        Some(inst) => Ok(self.member_get(&ca, inst)?.unwrap_or(Value::None)),
                        None => Ok(ca.clone()),
                    };
                }
                if Rc::ptr_eq(&i.cls, &self.class_types.property) {
                    return match obj {
                        Some(inst) => {
                            let fget = field(o, "fget");
                            self.call(&fget, std::slice::from_ref(inst))
                        }
                        None => Ok(ca.clone()),
                    };
                }
                // A user descriptor: its class defines __get__.
                let dt = i.cls.clone();
                if is_user_class(&dt) {
                    if let Some(get) = self.type_lookup(&dt, &self.strs.get("__get__")) {
                        let inst = obj.cloned().unwrap_or(Value::None);
                        return self.call(&get, &[ca.clone(), inst, Value::Obj(cls.clone())]);
                    }
                }
                Ok(ca.clone())
            }
            _ => Ok(ca),
        }
    }

    /// `obj.name = v` for instances of Python classes. Returns false if `obj` is not such an instance.
    pub fn instance_setattr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<bool> {
        let cls = self.type_of(obj);
        let class_attr = self.type_lookup(&cls, name);
        if let Some(ca) = class_attr.as_ref() {
            if self.member_set(ca, obj, Some(v.clone()))? {
                return Ok(true);
            }
        }
        if let Some(ca) = class_attr {
            if is_instance_of(&ca, &self.class_types.property) {
                let fset = field(ca.as_obj().expect("obj"), "fset");
                if fset.is_none() {
                    return Err(attribute_error(format!(
                        "property '{}' of '{}' object has no setter",
                        name.as_str().unwrap_or(""),
                        type_name(&cls)
                    )));
                }
                self.call(&fset, &[obj.clone(), v])?;
                return Ok(true);
            }
            if let Some(Object::Instance(di)) = ca.as_obj() {
                if is_user_class(&di.cls) {
                    if let Some(set) = self.type_lookup(&di.cls.clone(), &self.strs.get("__set__"))
                    {
                        self.call(&set, &[ca.clone(), obj.clone(), v])?;
                        return Ok(true);
                    }
                }
            }
        }
        match obj.as_obj() {
            Some(Object::Instance(inst)) => {
                if name.as_str() == Some("__dict__") && class_has_dict(&cls) {
                    let Some(Object::Dict(_)) = v.as_obj() else {
                        return Err(type_error(format!(
                            "__dict__ must be set to a dictionary, not a '{}'",
                            self.type_name(&v)
                        )));
                    };
                    let Value::Obj(d) = v else { unreachable!() };
                    inst.attrs.borrow_mut().replace_dict(d);
                    return Ok(true);
                }
                if !class_has_dict(&cls) {
                    return Err(attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        self.type_name(obj),
                        name.as_str().unwrap_or("")
                    )));
                }
                inst.set_attr(name, v);
                Ok(true)
            }
            Some(Object::Exception(e)) => {
                if let Some((_, h)) = crate::vm::protocol::str_and_hash(name) {
                    e.dict.borrow_mut().set_str(name.clone(), h, v);
                }
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Call `obj.<name>(*args)` if `obj` is an instance of a Python class defining `name`; None if the class
    /// does not define it.
    pub fn call_dunder(
        &mut self,
        obj: &Value,
        name: &'static str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let cls = self.type_of(obj);
        if !is_user_class(&cls)
            && !matches!(&*cls, Object::Type(t) if t.kind == TypeKind::Exception)
            && !matches!(obj.as_obj(), Some(Object::Native(_)))
        {
            return Ok(None);
        }
        let Some(f) = self.type_lookup(&cls, &self.strs.get(name)) else {
            return Ok(None);
        };
        // Not overridden in Python: the caller applies the builtin behaviour to the base value.
        if Vm::base_of(obj).is_some() && matches!(f.as_obj(), Some(Object::Builtin(_))) {
            return Ok(None);
        }
        if let Some(Object::Builtin(b)) = f.as_obj() {
            // A method implemented in Rust (native types' dunders): call it with obj prepended, no
            // bound-method object.
            if b.bound.is_none() {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend(args.iter().cloned());
                return (b.f)(self, &full, &Vec::new()).map(Some);
            }
        }
        if !matches!(f.as_obj(), Some(Object::Function(_))) {
            let bound = self.bind_class_attr(f, Some(obj), &cls)?;
            return self.call(&bound, args).map(Some);
        }
        let mut full: super::call::Args = smallvec::SmallVec::with_capacity(args.len() + 1);
        full.push(obj.clone());
        full.extend(args.iter().cloned());
        self.call(&f, &full).map(Some)
    }

    /// Full attribute lookup on an instance of a Python class: `__getattribute__` (if overridden), the
    /// normal lookup, then `__getattr__`.
    pub fn user_getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        let cls = self.type_of(obj);
        if let Some(ga) = self.type_lookup(&cls, &self.strs.getattribute.clone()) {
            if matches!(ga.as_obj(), Some(Object::Function(_))) {
                return self.call(&ga, &[obj.clone(), name.clone()]);
            }
        }
        match self.instance_getattr(obj, name) {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {}
            Err(e) => {
                if !self.err_matches(&e, ExcKind::AttributeError) {
                    return Err(e);
                }
                if self.type_lookup(&cls, &self.strs.getattr.clone()).is_none() {
                    return Err(e);
                }
            }
        }
        let n = name.as_str().unwrap_or("");
        if n == "__class__" {
            return Ok(Value::Obj(cls));
        }
        if let Some(ga) = self.type_lookup(&cls, &self.strs.getattr.clone()) {
            return self.call(&ga, &[obj.clone(), name.clone()]);
        }
        Err(attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.type_name(obj),
            n
        )))
    }

    /// `call_dunder` with keyword arguments (for `__call__`).
    pub fn call_dunder_kw(
        &mut self,
        obj: &Value,
        name: &'static str,
        args: &[Value],
        kw: &KwArgs,
    ) -> PyResult<Option<Value>> {
        let cls = self.type_of(obj);
        if !is_user_class(&cls) && !matches!(obj.as_obj(), Some(Object::Native(_))) {
            return Ok(None);
        }
        let Some(f) = self.type_lookup(&cls, &self.strs.get(name)) else {
            return Ok(None);
        };
        if Vm::base_of(obj).is_some() && matches!(f.as_obj(), Some(Object::Builtin(_))) {
            return Ok(None);
        }
        let bound = self.bind_class_attr(f, Some(obj), &cls)?;
        self.call_kw(&bound, args, kw).map(Some)
    }

    /// `__enter__`/`__exit__` of a context manager, bound (CPython looks them up on the type).
    pub fn with_method(&mut self, mgr: &Value, name: &'static str) -> PyResult<Value> {
        let cls = self.type_of(mgr);
        match self.type_lookup(&cls, &self.strs.get(name)) {
            Some(f) => self.bind_class_attr(f, Some(mgr), &cls),
            None => Err(type_error(format!(
                "'{}' object does not support the context manager protocol",
                type_name(&cls)
            ))),
        }
    }

    /// Is `v` an instance of a Python class (whose dunders must be consulted)?
    #[inline]
    pub fn is_user_instance(&self, v: &Value) -> bool {
        match v.as_obj() {
            Some(Object::Instance(i)) => is_user_class(&i.cls),
            // Library types implemented in Rust keep their dunders in the type dict.
            Some(Object::Native(_)) => true,
            Some(t @ Object::Type(_)) => user_meta(t).is_some(),
            Some(Object::Exception(e)) => {
                !matches!(&*e.cls, Object::Type(t) if t.module.borrow().as_str() == Some("builtins"))
            }
            _ => false,
        }
    }

    /// Binary operators on instances: `a.__op__(b)`, then `b.__rop__(a)` (in-place `__iop__` first).
    pub fn binop_dunder(
        &mut self,
        op: crate::bytecode::BinOp,
        inplace: bool,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        let (name, rname, iname) = op.dunders();
        if inplace {
            if let Some(r) = self.call_dunder(a, iname, std::slice::from_ref(b))? {
                if !is_notimpl(&r) {
                    return Ok(Some(r));
                }
            }
        }
        if let Some(r) = self.call_dunder(a, name, std::slice::from_ref(b))? {
            if !is_notimpl(&r) {
                return Ok(Some(r));
            }
        }
        if !Rc::ptr_eq(&self.type_of(a), &self.type_of(b)) {
            if let Some(r) = self.call_dunder(b, rname, std::slice::from_ref(a))? {
                if !is_notimpl(&r) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    /// Rich comparison on instances, with the reflected operator as fallback; None if neither side
    /// implements it.
    pub fn richcmp_dunder(
        &mut self,
        a: &Value,
        b: &Value,
        op: crate::bytecode::CmpOp,
    ) -> PyResult<Option<Value>> {
        // A right operand whose class is a strict subclass of the left's gets the first try.
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        if !Rc::ptr_eq(&ta, &tb) && is_subtype(&tb, &ta) {
            if let Some(r) = self.call_dunder(b, op.swapped().dunder(), std::slice::from_ref(a))? {
                if !is_notimpl(&r) {
                    return Ok(Some(r));
                }
            }
        }
        if let Some(r) = self.call_dunder(a, op.dunder(), std::slice::from_ref(b))? {
            if !is_notimpl(&r) {
                return Ok(Some(r));
            }
        }
        if let Some(r) = self.call_dunder(b, op.swapped().dunder(), std::slice::from_ref(a))? {
            if !is_notimpl(&r) {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    /// `super(cls, obj).name`: look `name` up in obj's MRO after `cls`.
    pub fn super_getattr(&mut self, sup: &Object, name: &Value) -> PyResult<Value> {
        let this = field(sup, "__thisclass__");
        let obj = field(sup, "__self__");
        let Value::Obj(this) = this else {
            return Err(type_error("super(): bad __thisclass__"));
        };
        // `super(C, x)` with x a subclass of C looks along x's own MRO (class methods, `__new__`);
        // otherwise x is an instance (possibly a class, under a metaclass) and its type's MRO is used.
        let class_mode = matches!(&obj, Value::Obj(o) if matches!(&**o, Object::Type(_)) && is_subtype(o, &this));
        let start_cls = match (&obj, class_mode) {
            (Value::Obj(o), true) => o.clone(),
            _ => self.type_of(&obj),
        };
        let mut chain = vec![start_cls.clone()];
        if let Object::Type(t) = &*start_cls {
            chain.extend(t.mro.borrow().iter().cloned());
        }
        let pos = chain
            .iter()
            .position(|c| Rc::ptr_eq(c, &this))
            .map(|p| p + 1)
            .unwrap_or(chain.len());
        let (s, h) = crate::vm::protocol::str_and_hash(name).unwrap_or(("", 0));
        for c in &chain[pos..] {
            if let Object::Type(t) = &**c {
                let found = t.dict.borrow().get_str(s, h).cloned();
                if let Some(v) = found {
                    return self.bind_class_attr(
                        v,
                        if class_mode { None } else { Some(&obj) },
                        &start_cls,
                    );
                }
            }
        }
        Err(attribute_error(format!(
            "'super' object has no attribute '{}'",
            s
        )))
    }
}

fn is_notimpl(v: &Value) -> bool {
    matches!(
        v.as_obj(),
        Some(Object::Singleton(crate::object::Singleton::NotImplemented))
    )
}

/// C3 linearisation of a class with these bases (the result excludes the class itself).
pub fn c3_mro(bases: &[ObjRef]) -> Option<Vec<ObjRef>> {
    let mut seqs: Vec<Vec<ObjRef>> = Vec::new();
    for b in bases {
        let mut l = vec![b.clone()];
        if let Object::Type(t) = &**b {
            l.extend(t.mro.borrow().iter().cloned());
        }
        seqs.push(l);
    }
    seqs.push(bases.to_vec());
    let mut out: Vec<ObjRef> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        // A head that appears in no other sequence's tail.
        let mut chosen = None;
        for s in &seqs {
            let head = &s[0];
            if !seqs
                .iter()
                .any(|t| t[1..].iter().any(|x| Rc::ptr_eq(x, head)))
            {
                chosen = Some(head.clone());
                break;
            }
        }
        let c = chosen?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

// ---- builtins: __build_class__, property, staticmethod, classmethod, super ---------------------------

pub fn install(vm: &mut Vm) {
    let b = vm.builtins.clone();
    crate::builtins::register(&b, "__build_class__", |vm, args, kw| {
        vm.build_class(args, kw)
    });
    let ct = &vm.class_types;
    let pairs: Vec<(&str, ObjRef, crate::object::BuiltinFn)> = vec![
        ("property", ct.property.clone(), property_new),
        ("staticmethod", ct.staticmethod.clone(), staticmethod_new),
        ("classmethod", ct.classmethod.clone(), classmethod_new),
        ("super", ct.super_.clone(), super_new),
    ];
    for (name, t, f) in pairs {
        if let Object::Type(tt) = &*t {
            tt.ctor.set(Some(f));
        }
        crate::builtins::set_in(&b, name, Value::Obj(t));
    }
    // Methods of object and BaseException that subclasses reach through super() or the class.
    let o = vm.types.object.clone();
    crate::builtins::method(&o, "__init__", |_vm, _args, _kw| Ok(Value::None));
    // `object.__init_subclass__`: accepts no keywords (checked in `run_init_subclass`, which knows the class).
    // A classmethod, as in CPython, so `super().__init_subclass__(**kw)` knows the class it reports.
    crate::builtins::method(&o, "__init_subclass__", |_vm, _args, kw| {
        if !kw.is_empty() {
            return Err(type_error(match _args.first().and_then(|c| c.as_obj()) {
                Some(Object::Type(t)) => {
                    format!("{}.__init_subclass__() takes no keyword arguments", t.name)
                }
                _ => "__init_subclass__() takes no keyword arguments".to_string(),
            }));
        }
        Ok(Value::None)
    });
    if let Object::Type(t) = &*o {
        let h = crate::hash::hash_str("__init_subclass__");
        let f = t.dict.borrow().get_str("__init_subclass__", h).cloned();
        if let Some(f) = f {
            let cm = vm.make_classmethod(f);
            t.dict
                .borrow_mut()
                .set_str(Value::str("__init_subclass__"), h, cm);
        }
    }
    crate::builtins::method(&o, "__new__", |vm, args, _kw| {
        let Some(Value::Obj(cls)) = args.first() else {
            return Err(type_error("object.__new__(): not enough arguments"));
        };
        match &**cls {
            Object::Type(t) if t.kind == TypeKind::Exception => {
                Ok(vm.new_exception(cls.clone(), args[1..].to_vec()))
            }
            Object::Type(t) if is_user_class(cls) && t.kind == TypeKind::Object => {
                Ok(Value::obj(Object::Instance(Instance::new(cls.clone()))))
            }
            Object::Type(t) => Err(type_error(format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                t.name, t.name
            ))),
            _ => Err(type_error(format!(
                "object.__new__(X): X is not a type object ({})",
                vm.type_name(&args[0])
            ))),
        }
    });
    crate::builtins::method(&o, "__repr__", |vm, args, _kw| {
        let v = args.first().cloned().unwrap_or(Value::None);
        let t = vm.type_of(&v);
        let module = match &*t {
            Object::Type(tt) => tt
                .module
                .borrow()
                .as_str()
                .unwrap_or("builtins")
                .to_string(),
            _ => "builtins".into(),
        };
        let name = type_name(&t).to_string();
        Ok(Value::from_string(if module == "builtins" {
            format!("<{} object at 0x{:x}>", name, v.identity())
        } else {
            format!("<{}.{} object at 0x{:x}>", module, name, v.identity())
        }))
    });
    // The generic attribute protocol, for overrides that delegate to it (`super().__setattr__(...)`).
    crate::builtins::method(&o, "__getattribute__", |vm, args, _kw| {
        crate::builtins::method_args("object.__getattribute__", args, 1, 1)?;
        let (obj, name) = (&args[0], &args[1]);
        if !matches!(obj.as_obj(), Some(Object::Instance(_))) || !vm.is_user_instance(obj) {
            return vm.getattr(obj, name);
        }
        if let Some(v) = vm.instance_getattr(obj, name)? {
            return Ok(v);
        }
        if name.as_str() == Some("__class__") {
            return Ok(Value::Obj(vm.type_of(obj)));
        }
        Err(attribute_error(format!(
            "'{}' object has no attribute '{}'",
            vm.type_name(obj),
            name.as_str().unwrap_or("")
        )))
    });
    crate::builtins::method(&o, "__setattr__", |vm, args, _kw| {
        crate::builtins::method_args("object.__setattr__", args, 2, 2)?;
        let (obj, name, v) = (&args[0], &args[1], args[2].clone());
        if name.as_str().is_none() {
            return Err(type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(name)
            )));
        }
        if vm.is_user_instance(obj) && vm.instance_setattr(obj, name, v.clone())? {
            return Ok(Value::None);
        }
        vm.setattr(obj, name, v)?;
        Ok(Value::None)
    });
    crate::builtins::method(&o, "__delattr__", |vm, args, _kw| {
        crate::builtins::method_args("object.__delattr__", args, 1, 1)?;
        vm.generic_delattr(&args[0], &args[1])?;
        Ok(Value::None)
    });
    crate::builtins::method(&o, "__str__", |vm, args, _kw| {
        let v = args.first().cloned().unwrap_or(Value::None);
        Ok(Value::from_string(vm.repr(&v)?))
    });
    crate::builtins::method(&o, "__eq__", |_vm, args, _kw| {
        Ok(match (args.first(), args.get(1)) {
            (Some(a), Some(b)) if a.is(b) => Value::Bool(true),
            _ => Value::obj(Object::Singleton(crate::object::Singleton::NotImplemented)),
        })
    });
    crate::builtins::method(&o, "__hash__", |_vm, args, _kw| {
        Ok(Value::Int(
            args.first().map(|v| v.identity() >> 4).unwrap_or(0),
        ))
    });
    // `object.__setattr__(obj, name, value)`: the default store, bypassing a class's own `__setattr__`
    // (frozen dataclasses, `super().__setattr__`). `setattr` only calls Python-level `__setattr__`s, so
    // this builtin is never reached by plain stores.
    crate::builtins::method(&o, "__setattr__", |vm, args, _kw| {
        let [obj, name, v] = args else {
            return Err(type_error(format!(
                "expected 3 arguments, got {}",
                args.len()
            )));
        };
        if name.as_str().is_none() {
            return Err(type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(name)
            )));
        }
        if matches!(obj.as_obj(), Some(Object::Type(_)))
            || !vm.instance_setattr(obj, name, v.clone())?
        {
            vm.generic_setattr(obj, name, v.clone())?;
        }
        Ok(Value::None)
    });
    // `object.__delattr__(obj, name)`: the default deletion, bypassing `__delattr__` hooks.
    crate::builtins::method(&o, "__delattr__", |vm, args, _kw| {
        let [obj, name] = args else {
            return Err(type_error(format!(
                "expected 2 arguments, got {}",
                args.len()
            )));
        };
        if name.as_str().is_none() {
            return Err(type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(name)
            )));
        }
        vm.generic_delattr(obj, name)?;
        Ok(Value::None)
    });
    let be = vm.exc_type(ExcKind::BaseException).clone();
    crate::builtins::method(&be, "__init__", |_vm, args, _kw| {
        if let Some(Object::Exception(e)) = args.first().and_then(|v| v.as_obj()) {
            *e.args.borrow_mut() = Value::obj(Object::Tuple(args[1..].to_vec()));
        }
        Ok(Value::None)
    });
    crate::builtins::method(&be, "__repr__", |vm, args, _kw| {
        let v = args.first().cloned().unwrap_or(Value::None);
        Ok(Value::from_string(vm.repr_builtin(&v)?))
    });
    crate::builtins::method(&be, "__str__", |vm, args, _kw| {
        let v = args.first().cloned().unwrap_or(Value::None);
        Ok(Value::from_string(vm.str_builtin(&v)?))
    });
    crate::builtins::method(&be, "with_traceback", |_vm, args, _kw| {
        Ok(args.first().cloned().unwrap_or(Value::None))
    });
    let p = vm.class_types.property.clone();
    crate::builtins::method(&p, "setter", |vm, args, _kw| {
        property_with(vm, args, "fset")
    });
    crate::builtins::method(&p, "getter", |vm, args, _kw| {
        property_with(vm, args, "fget")
    });
    crate::builtins::method(&p, "deleter", |vm, args, _kw| {
        property_with(vm, args, "fdel")
    });
}

fn property_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let get = |i: usize, n: &str| {
        args.get(i)
            .cloned()
            .or_else(|| crate::builtins::kwarg(kw, n).cloned())
            .unwrap_or(Value::None)
    };
    let (fget, fset, fdel, doc) = (
        get(1, "fget"),
        get(2, "fset"),
        get(3, "fdel"),
        get(4, "doc"),
    );
    Ok(make_instance(
        &vm.class_types.property,
        &[
            ("fget", fget),
            ("fset", fset),
            ("fdel", fdel),
            ("__doc__", doc),
        ],
    ))
}

fn property_with(vm: &mut Vm, args: &[Value], which: &str) -> PyResult<Value> {
    let (Some(p), Some(f)) = (args.first().and_then(|v| v.as_obj()), args.get(1)) else {
        return Err(type_error("property setter takes one argument"));
    };
    let mut fields: Vec<(&str, Value)> = ["fget", "fset", "fdel", "__doc__"]
        .iter()
        .map(|k| (*k, field(p, k)))
        .collect();
    for (k, v) in fields.iter_mut() {
        if *k == which {
            *v = f.clone();
        }
    }
    Ok(make_instance(&vm.class_types.property, &fields))
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = args
        .get(1)
        .cloned()
        .ok_or_else(|| type_error("staticmethod expected 1 argument, got 0"))?;
    Ok(make_instance(
        &vm.class_types.staticmethod,
        &[("f", f.clone()), ("__func__", f)],
    ))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = args
        .get(1)
        .cloned()
        .ok_or_else(|| type_error("classmethod expected 1 argument, got 0"))?;
    Ok(make_instance(
        &vm.class_types.classmethod,
        &[("f", f.clone()), ("__func__", f)],
    ))
}

fn super_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(PyErr::new(ExcKind::RuntimeError, "super(): no arguments"));
    }
    Ok(make_instance(
        &vm.class_types.super_,
        &[
            ("__thisclass__", args[1].clone()),
            ("__self__", args[2].clone()),
        ],
    ))
}

/// Is `o` a `super` object?
pub fn is_super(vm: &Vm, o: &Object) -> bool {
    matches!(o, Object::Instance(i) if Rc::ptr_eq(&i.cls, &vm.class_types.super_))
}
