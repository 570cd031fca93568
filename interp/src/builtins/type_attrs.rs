//! Attributes of the builtin types themselves that are not methods of their instances.
//!
//! The data attributes of builtin types are descriptors on the types, as in CPython:
//! `int.real`, `float.imag`, `memoryview.shape`... are `getset_descriptor`s and `complex.real`,
//! `range.start`, `slice.stop` are (read-only) `member_descriptor`s.
//!
//! Reading such an attribute on a plain builtin value never reaches the descriptor (getattr answers
//! it directly, protocol.rs); the descriptors serve class-level access (`int.real`,
//! `vars(range)`), explicit `__get__`, and instances of Python subclasses (`class I(int)`), where they
//! read the wrapped builtin value. They are told apart from the `__slots__` members and the
//! `__dict__`/`__weakref__` getsets of Python classes by their owner being a builtin type.
//!
//! Also the classmethods `list.__class_getitem__` (and dict's, tuple's, set's, frozenset's: a
//! `types.GenericAlias`) and `float.__getformat__`.

use crate::error::{attribute_error, type_error, PyErr, PyResult};
use crate::object::{Instance, ObjRef, Object};
use crate::types::{is_subtype, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

/// Put the descriptors into the builtin types' dicts and give `getset_descriptor` its methods.
pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let table: [(ObjRef, bool, &[&'static str]); 6] = [
        (
            t.int.clone(),
            false,
            &["real", "imag", "numerator", "denominator"],
        ),
        (t.float.clone(), false, &["real", "imag"]),
        (t.complex.clone(), true, &["real", "imag"]),
        (t.range.clone(), true, &["start", "stop", "step"]),
        (t.slice.clone(), true, &["start", "stop", "step"]),
        (
            t.memoryview.clone(),
            false,
            &[
                "obj",
                "nbytes",
                "readonly",
                "itemsize",
                "format",
                "ndim",
                "shape",
                "strides",
                "suboffsets",
                "c_contiguous",
                "f_contiguous",
                "contiguous",
            ],
        ),
    ];
    for (owner, member, names) in table {
        let kind = if member {
            &vm.class_types.member
        } else {
            &vm.class_types.getset
        };
        for name in names {
            let d = Instance::new(kind.clone());
            d.set_attr(&Value::str("__name__"), Value::str(name));
            d.set_attr(&Value::str("__objclass__"), Value::Obj(owner.clone()));
            crate::builtins::set_in(&owner, name, Value::obj(Object::Instance(d)));
        }
    }
    let t = &vm.types;
    for ty in [&t.list, &t.tuple, &t.dict, &t.set, &t.frozenset] {
        let f = crate::builtins::builtin_value("__class_getitem__", class_getitem);
        crate::builtins::set_in(ty, "__class_getitem__", vm.make_classmethod(f));
    }
    let f = crate::builtins::builtin_value("__getformat__", float_getformat);
    crate::builtins::set_in(&t.float, "__getformat__", vm.make_classmethod(f));
    let g = vm.class_types.getset.clone();
    crate::builtins::method(&g, "__get__", |vm, args, _kw| {
        let (d, obj) = match args {
            [d, obj] | [d, obj, _] => (d, obj),
            _ => return Err(type_error("__get__ expected 1 or 2 arguments")),
        };
        if obj.is_none() {
            return Ok(d.clone());
        }
        match get(vm, d, obj) {
            Some(r) => r,
            // The `__dict__` / `__weakref__` getset of a Python class.
            None => {
                let name = field(d, "__name__");
                vm.getattr(obj, &name)
            }
        }
    });
    crate::builtins::method(&g, "__set__", |vm, args, _kw| {
        let [d, obj, v] = args else {
            return Err(type_error("__set__ expected 2 arguments"));
        };
        if let Some(e) = readonly_error(vm, d) {
            return Err(e);
        }
        let name = field(d, "__name__");
        vm.setattr(obj, &name, v.clone())?;
        Ok(Value::None)
    });
    crate::builtins::method(&g, "__delete__", |vm, args, _kw| {
        let [d, obj] = args else {
            return Err(type_error("__delete__ expected 1 argument"));
        };
        if let Some(e) = readonly_error(vm, d) {
            return Err(e);
        }
        let name = field(d, "__name__");
        vm.delattr(obj, &name)?;
        Ok(Value::None)
    });
}

fn field(d: &Value, name: &str) -> Value {
    match d.as_obj() {
        Some(o) => crate::vm::classes::field(o, name),
        None => Value::None,
    }
}

/// (owner type, attribute name, is a member descriptor) of a builtin type's data descriptor.
pub fn builtin_desc(vm: &Vm, d: &Value) -> Option<(ObjRef, Value, bool)> {
    let Some(Object::Instance(i)) = d.as_obj() else {
        return None;
    };
    let member = Rc::ptr_eq(&i.cls, &vm.class_types.member);
    if !member && !Rc::ptr_eq(&i.cls, &vm.class_types.getset) {
        return None;
    }
    let a = i.attrs.borrow();
    let owner = a.get_str("__objclass__", crate::hash::hash_str("__objclass__"))?;
    let name = a.get_str("__name__", crate::hash::hash_str("__name__"))?;
    match owner {
        Value::Obj(o) if !crate::vm::classes::is_user_class(&o) => Some((o, name, member)),
        _ => None,
    }
}

/// `obj.<name>` through builtin descriptor `d` (None if `d` is not one).
pub fn get(vm: &Vm, d: &Value, obj: &Value) -> Option<PyResult<Value>> {
    let (owner, name, _) = builtin_desc(vm, d)?;
    let n = name.as_str().unwrap_or("");
    let ot = vm.type_of(obj);
    if !is_subtype(&ot, &owner) {
        return Some(Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            n,
            type_name(&owner),
            type_name(&ot)
        ))));
    }
    let target = Vm::base_of(obj).unwrap_or(obj);
    Some(value_of(target, n).unwrap_or_else(|| {
        Err(attribute_error(format!(
            "'{}' object has no attribute '{}'",
            type_name(&ot),
            n
        )))
    }))
}

/// Setting or deleting through a builtin descriptor: CPython's read-only error (None if `d` is not one).
pub fn readonly_error(vm: &Vm, d: &Value) -> Option<PyErr> {
    let (owner, name, member) = builtin_desc(vm, d)?;
    Some(attribute_error(if member {
        "readonly attribute".to_string()
    } else {
        format!(
            "attribute '{}' of '{}' objects is not writable",
            name.as_str().unwrap_or(""),
            type_name(&owner)
        )
    }))
}

/// The attribute of a plain builtin value.
fn value_of(v: &Value, name: &str) -> Option<PyResult<Value>> {
    use crate::builtins::methods::{complex, memoryview};
    Some(Ok(match (v, name) {
        (Value::Bool(b), "real" | "numerator") => Value::Int(*b as i64),
        (Value::Int(_), "real" | "numerator") => v.clone(),
        (_, "imag") if v.is_int_like() => Value::Int(0),
        (_, "denominator") if v.is_int_like() => Value::Int(1),
        (Value::Float(f), "real") => Value::Float(*f),
        (Value::Float(_), "imag") => Value::Float(0.0),
        _ => match v.as_obj()? {
            Object::Int(_) if matches!(name, "real" | "numerator") => v.clone(),
            Object::Complex(c) => complex::attr(c, name)?,
            Object::MemoryView(m) => return memoryview::attr(m, name),
            Object::Range(r) => match name {
                "start" => Value::Int(r.start),
                "stop" => Value::Int(r.stop),
                "step" => Value::Int(r.step),
                _ => return None,
            },
            Object::Slice(s) => match name {
                "start" => s[0].clone(),
                "stop" => s[1].clone(),
                "step" => s[2].clone(),
                _ => return None,
            },
            _ => return None,
        },
    }))
}

/// `list[int]`: a `types.GenericAlias` (written in Python).
fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &crate::object::KwArgs) -> PyResult<Value> {
    let [cls, item] = args else {
        return Err(type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    let builtins = vm.builtins.clone();
    let types = vm.import(&Value::str("types"), Value::None, Value::Int(0), &builtins)?;
    let ga = vm.getattr(&types, &Value::str("GenericAlias"))?;
    vm.call(&ga, &[cls.clone(), item.clone()])
}

/// `float.__getformat__('double')`: how the platform stores floats.
fn float_getformat(_vm: &mut Vm, args: &[Value], _kw: &crate::object::KwArgs) -> PyResult<Value> {
    let [_, typestr] = args else {
        return Err(type_error(format!(
            "float.__getformat__() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    match typestr.as_str() {
        Some("double" | "float") => Ok(Value::str("IEEE, little-endian")),
        Some(_) => Err(crate::error::value_error(
            "__getformat__() argument 1 must be 'double' or 'float'",
        )),
        None => Err(type_error(format!(
            "__getformat__() argument must be str, not {}",
            _vm.type_name(typestr)
        ))),
    }
}
