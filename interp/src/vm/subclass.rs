//! Subclasses of builtin types (`class Counter(dict)`, `class Name(str)`).
//!
//! An instance of such a class is an ordinary `Object::Instance` (class, attribute dict) whose `base` holds
//! a value of the builtin type: the list, dict, int or str it "is". Three rules make that transparent:
//! - methods of the builtin types are marked `unwrap_self`; called on such an instance (bound or through
//!   the type, `dict.__setitem__(self, k, v)`), they receive its `base`;
//! - protocols (`len`, `[]`, iteration, `in`, operators, comparison, hashing, repr/str/format, truth) first
//!   look for a Python override on the class and otherwise apply to `base`;
//! - `T.__new__(cls, ...)` builds the `base` (empty for mutable types, whose `T.__init__` fills it, as in
//!   CPython) and `T.__init__` of list/dict/set refills it.

use super::Vm;
use crate::error::{type_error, PyResult};
use crate::object::{Instance, KwArgs, ObjRef, Object, TypeKind};
use crate::types::is_subtype;
use crate::value::Value;

impl Vm {
    /// The builtin value an instance of a builtin-type subclass carries.
    #[inline]
    pub fn base_of(v: &Value) -> Option<&Value> {
        match v.as_obj() {
            Some(Object::Instance(i)) => i.base.as_ref(),
            _ => None,
        }
    }

    /// The builtin type a subclassable kind stands for.
    pub fn builtin_type_of_kind(&self, k: TypeKind) -> Option<ObjRef> {
        let t = &self.types;
        Some(
            match k {
                TypeKind::Int => &t.int,
                TypeKind::Float => &t.float,
                TypeKind::Str => &t.str,
                TypeKind::Bytes => &t.bytes,
                TypeKind::Tuple => &t.tuple,
                TypeKind::List => &t.list,
                TypeKind::Dict => &t.dict,
                TypeKind::Set => &t.set,
                TypeKind::FrozenSet => &t.frozenset,
                _ => return None,
            }
            .clone(),
        )
    }
}

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let all = [
        &t.int,
        &t.float,
        &t.str,
        &t.bytes,
        &t.tuple,
        &t.list,
        &t.dict,
        &t.set,
        &t.frozenset,
    ];
    for ty in all {
        // `__new__` takes the class first: not an unwrapping method.
        crate::builtins::set_in(
            ty,
            "__new__",
            crate::builtins::builtin_value("__new__", builtin_new),
        );
    }
    for ty in [&t.list, &t.dict, &t.set] {
        crate::builtins::method(ty, "__init__", builtin_init);
    }
    // The protocol dunders of the builtin types (`dict.__getitem__(self, k)`, `super().__setitem__(k,
    // v)` in subclasses) are installed with the other methods: builtins/methods/dunders.rs.
}

/// `T.__new__(cls, *args, **kw)` for a subclassable builtin `T`.
fn builtin_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let cls = match args.first() {
        Some(Value::Obj(o)) if matches!(&**o, Object::Type(_)) => o.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "__new__(X): X is not a type object ({})",
                vm.type_name(other)
            )))
        }
        None => return Err(type_error("__new__(): not enough arguments")),
    };
    let Object::Type(ct) = &*cls else {
        unreachable!("checked to be a type above")
    };
    let Some(base_t) = vm.builtin_type_of_kind(ct.kind) else {
        return Err(type_error(format!(
            "__new__({}): {} is not a subtype of a builtin type",
            ct.name, ct.name
        )));
    };
    if std::rc::Rc::ptr_eq(&cls, &base_t) {
        return vm.call_type(&base_t, &args[1..], kw);
    }
    debug_assert!(is_subtype(&cls, &base_t));
    let mutable = matches!(ct.kind, TypeKind::List | TypeKind::Dict | TypeKind::Set);
    let base = if mutable {
        vm.call_type(&base_t, &[], &Vec::new())?
    } else {
        vm.call_type(&base_t, &args[1..], kw)?
    };
    let mut inst = Instance::new(cls.clone());
    inst.base = Some(base);
    Ok(Value::obj(Object::Instance(inst)))
}

/// `list.__init__(self, iterable=())`, `dict.__init__(self, *a, **kw)`, `set.__init__(self, iterable=())`:
/// refill `self` (already unwrapped to the builtin value) from the arguments.
fn builtin_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(this) = args.first().cloned() else {
        return Err(type_error("__init__(): not enough arguments"));
    };
    match this.as_obj() {
        Some(Object::List(l)) => {
            if !kw.is_empty() {
                return Err(type_error("list() takes no keyword arguments"));
            }
            if args.len() > 2 {
                return Err(type_error(format!(
                    "list expected at most 1 argument, got {}",
                    args.len() - 1
                )));
            }
            l.borrow_mut().clear();
            if let Some(it) = args.get(1) {
                vm.list_extend(&this, it.clone())?;
            }
        }
        Some(Object::Dict(_)) => {
            let t = vm.types.dict.clone();
            let fresh = vm.call_type(&t, &args[1..], kw)?;
            vm.dict_update(&this, fresh, true)?;
        }
        Some(Object::Set(s)) => {
            if !kw.is_empty() {
                return Err(type_error("set() takes no keyword arguments"));
            }
            if args.len() > 2 {
                return Err(type_error(format!(
                    "set expected at most 1 argument, got {}",
                    args.len() - 1
                )));
            }
            s.borrow_mut().clear();
            if let Some(it) = args.get(1) {
                vm.set_update(&this, it)?;
            }
        }
        _ => {
            return Err(type_error(format!(
                "descriptor '__init__' requires a builtin container, not '{}'",
                vm.type_name(&this)
            )))
        }
    }
    Ok(Value::None)
}
