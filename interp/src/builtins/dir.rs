//! `dir()` and the default methods of `object` that CPython has and the rest of pvm does not need
//! (`__dir__`, `__format__`, `__ne__` and the ordering comparisons, `__sizeof__`, `__subclasshook__`,
//! `__getstate__`, `__reduce__`/`__reduce_ex__`).
//!
//! `dir(x)` is CPython's: a `__dir__` defined in Python wins; modules list their dict (or call a module
//! level `__dir__`); classes merge the dicts along their MRO; other objects add their own attributes
//! (instance dict, `__slots__` members are in the class dicts) to their class's. The result is sorted.
//! Builtin types whose data attributes are computed rather than stored in the type dict (`int.real`...)
//! contribute those names too, so public names match CPython's.

use super::{arg_range, no_kwargs, register};
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, ObjRef, Object, TypeKind};
use crate::value::Value;
use crate::vm::Vm;
use std::collections::BTreeSet;

pub fn install(vm: &mut Vm) {
    let b = vm.builtins.clone();
    register(&b, "dir", dir);
    let o = vm.types.object.clone();
    super::method(&o, "__dir__", |vm, args, _kw| {
        super::method_args("object.__dir__", args, 0, 0)?;
        let names = default_dir(vm, &args[0])?;
        Ok(Value::obj(Object::List(std::cell::RefCell::new(names))))
    });
    super::method(&o, "__format__", |vm, args, _kw| {
        super::method_args("object.__format__", args, 1, 1)?;
        let Some(spec) = args[1].as_str() else {
            return Err(type_error(format!(
                "__format__() argument must be str, not {}",
                vm.type_name(&args[1])
            )));
        };
        if !spec.is_empty() {
            return Err(type_error(format!(
                "unsupported format string passed to {}.__format__",
                vm.type_name(&args[0])
            )));
        }
        Ok(Value::from_string(vm.str_of(&args[0])?))
    });
    // `a != b` defaults to the negation of `a == b` (NotImplemented stays NotImplemented).
    super::method(&o, "__ne__", |vm, args, _kw| {
        super::method_args("object.__ne__", args, 1, 1)?;
        let eq = vm.call_dunder(&args[0], "__eq__", &args[1..2])?;
        match eq {
            Some(r) if !is_notimpl(&r) => Ok(Value::Bool(!vm.truthy(&r)?)),
            None if args[0].is(&args[1]) => Ok(Value::Bool(false)),
            _ => Ok(notimpl()),
        }
    });
    for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
        super::method(&o, name, |_vm, _args, _kw| Ok(notimpl()));
    }
    super::method(&o, "__sizeof__", |vm, args, _kw| {
        super::method_args("object.__sizeof__", args, 0, 0)?;
        // CPython's basic sizes: a header plus, for instances, their slots and dict pointer.
        let n = match args[0].as_obj() {
            Some(Object::Instance(i)) => 16 + 8 * i.attrs.borrow().shape.reserved as i64 + 16,
            _ => 16,
        };
        let _ = vm;
        Ok(Value::Int(n))
    });
    let sch = Value::obj(Object::Builtin(crate::object::Builtin {
        name: "__subclasshook__",
        f: |_vm, _args, _kw| Ok(notimpl()),
        bound: None,
        unwrap_self: false,
    }));
    let cm = vm.make_classmethod(sch);
    if let Object::Type(t) = &*o {
        let h = crate::hash::hash_str("__subclasshook__");
        t.dict
            .borrow_mut()
            .set_str(Value::str("__subclasshook__"), h, cm);
    }
    super::method(&o, "__getstate__", |vm, args, _kw| {
        super::method_args("object.__getstate__", args, 0, 0)?;
        getstate(vm, &args[0])
    });
    for name in ["__reduce__", "__reduce_ex__"] {
        super::method(&o, name, |_vm, _args, _kw| {
            Err(PyErr::new(
                ExcKind::NotImplementedError,
                "object.__reduce__/__reduce_ex__ (the pickle protocol) is not supported by pvm",
            ))
        });
    }
}

fn notimpl() -> Value {
    Value::obj(Object::Singleton(crate::object::Singleton::NotImplemented))
}

fn is_notimpl(v: &Value) -> bool {
    matches!(
        v.as_obj(),
        Some(Object::Singleton(crate::object::Singleton::NotImplemented))
    )
}

/// `object.__getstate__()` (3.11): None without attributes, the instance dict, or `(dict, slots)` when
/// `__slots__` members are set.
fn getstate(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let Some(Object::Instance(i)) = obj.as_obj() else {
        return Ok(Value::None);
    };
    let items = i.attr_items();
    let dict = if items.is_empty() {
        Value::None
    } else {
        let d = Value::obj(Object::Dict(Default::default()));
        for (k, v) in items {
            vm.dict_set(&d, k, v)?;
        }
        d
    };
    let cls = i.cls.clone();
    let mut slots = Vec::new();
    for c in mro_of(&cls) {
        let Object::Type(t) = &*c else { continue };
        let entries: Vec<Value> = t.dict.borrow().iter().map(|e| e.value.clone()).collect();
        for v in entries {
            if let Some((_, _, name)) = vm.member_info(&v) {
                if let Ok(Some(x)) = vm.member_get(&v, obj) {
                    slots.push((name, x));
                }
            }
        }
    }
    if slots.is_empty() {
        return Ok(dict);
    }
    let sd = Value::obj(Object::Dict(Default::default()));
    for (k, v) in slots {
        vm.dict_set(&sd, k, v)?;
    }
    Ok(Value::obj(Object::Tuple(vec![dict, sd])))
}

/// A class followed by its MRO.
fn mro_of(t: &ObjRef) -> Vec<ObjRef> {
    let mut v = vec![t.clone()];
    if let Object::Type(ty) = &**t {
        v.extend(ty.mro.borrow().iter().cloned());
    }
    v
}

/// Names CPython's `object` has that pvm's `object` dict lacks (computed attributes).
const OBJECT_EXTRA: &[&str] = &["__class__", "__doc__", "__getattribute__"];

/// Data attributes builtin types compute instead of storing in their dict.
fn computed_attrs(kind: TypeKind) -> &'static [&'static str] {
    match kind {
        TypeKind::Int | TypeKind::Bool => &["denominator", "imag", "numerator", "real"],
        TypeKind::Float | TypeKind::Complex => &["imag", "real"],
        TypeKind::Slice => &["start", "step", "stop"],
        TypeKind::Range => &["start", "step", "stop"],
        _ => &[],
    }
}

fn add_keys(vm: &Vm, out: &mut BTreeSet<String>, d: &ObjRef) {
    let _ = vm;
    if let Object::Dict(d) = &**d {
        for e in d.borrow().iter() {
            if let Some(s) = e.key.as_str() {
                out.insert(s.to_string());
            }
        }
    }
}

/// The class attributes of `t` merged along its MRO.
fn class_names(vm: &Vm, t: &ObjRef, out: &mut BTreeSet<String>) {
    for c in mro_of(t) {
        let Object::Type(ty) = &*c else { continue };
        for e in ty.dict.borrow().iter() {
            if let Some(s) = e.key.as_str() {
                out.insert(s.to_string());
            }
        }
        if Rc_ptr_eq(&c, &vm.types.object) {
            out.extend(OBJECT_EXTRA.iter().map(|s| s.to_string()));
        }
        if !ty.heap {
            out.extend(computed_attrs(ty.kind).iter().map(|s| s.to_string()));
        }
    }
}

#[allow(non_snake_case)]
fn Rc_ptr_eq(a: &ObjRef, b: &ObjRef) -> bool {
    std::rc::Rc::ptr_eq(a, b)
}

/// `object.__dir__(x)` / `type.__dir__(C)` / `module.__dir__()`: the unsorted default listing.
fn default_dir(vm: &mut Vm, obj: &Value) -> PyResult<Vec<Value>> {
    let mut names = BTreeSet::new();
    match obj.as_obj() {
        Some(Object::Module(m)) => add_keys(vm, &mut names, &m.dict),
        Some(Object::Type(_)) => {
            let Value::Obj(t) = obj else { unreachable!() };
            class_names(vm, t, &mut names);
        }
        o => {
            match o {
                Some(Object::Instance(i)) => {
                    if crate::vm::classes::class_has_dict(&i.cls) {
                        for (k, _) in i.attr_items() {
                            if let Some(s) = k.as_str() {
                                names.insert(s.to_string());
                            }
                        }
                    }
                }
                Some(Object::Exception(e)) => {
                    for en in e.dict.borrow().iter() {
                        if let Some(s) = en.key.as_str() {
                            names.insert(s.to_string());
                        }
                    }
                }
                Some(Object::Function(f)) => {
                    if let Some(d) = f.dict.borrow().clone() {
                        add_keys(vm, &mut names, &d);
                    }
                }
                _ => {}
            }
            let t = vm.type_of(obj);
            class_names(vm, &t, &mut names);
        }
    }
    Ok(names.into_iter().map(|s| Value::str(&s)).collect())
}

/// `dir([object])`.
fn dir(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("dir", kw)?;
    arg_range("dir", args, 0, 1)?;
    let list = |v: Vec<Value>| Value::obj(Object::List(std::cell::RefCell::new(v)));
    let Some(obj) = args.first() else {
        // The caller's local names.
        let l = super::functions::locals(vm, &[], &Vec::new())?;
        let mut keys: Vec<String> = match l.as_obj() {
            Some(Object::Dict(d)) => d
                .borrow()
                .iter()
                .filter_map(|e| e.key.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        keys.sort();
        return Ok(list(keys.iter().map(|s| Value::str(s)).collect()));
    };
    // A `__dir__` written in Python (on the class, or a module-level one) replaces the default.
    let custom = match obj.as_obj() {
        Some(Object::Module(m)) => vm
            .dict_get_str_quiet(&m.dict, "__dir__")
            .filter(|f| matches!(f.as_obj(), Some(Object::Function(_)))),
        _ => {
            let t = vm.type_of(obj);
            vm.type_lookup(&t, &vm.strs.get("__dir__"))
                .filter(|f| !matches!(f.as_obj(), Some(Object::Builtin(_))))
                .map(|f| (f, t))
                .map(|(f, t)| vm.bind_class_attr(f, Some(obj), &t))
                .transpose()?
        }
    };
    let items = match custom {
        Some(f) => {
            let r = vm.call(&f, &[])?;
            vm.collect(r)?
        }
        None => default_dir(vm, obj)?,
    };
    let out = list(items);
    let sort = vm.getattr(&out, &vm.strs.get("sort"))?;
    vm.call(&sort, &[])?;
    Ok(out)
}
