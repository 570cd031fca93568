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
use crate::bytecode::{BinOp, CmpOp};
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
    // The protocol dunders, so `dict.__getitem__(self, k)` and `super().__setitem__(k, v)` work in
    // subclasses; each applies the protocol to self (already unwrapped to the builtin value).
    let (int, float, str_, bytes, tuple, list, dict, set, frozenset) = (
        t.int.clone(),
        t.float.clone(),
        t.str.clone(),
        t.bytes.clone(),
        t.tuple.clone(),
        t.list.clone(),
        t.dict.clone(),
        t.set.clone(),
        t.frozenset.clone(),
    );
    let everything = [
        &int, &float, &str_, &bytes, &tuple, &list, &dict, &set, &frozenset,
    ];
    let containers = [&str_, &bytes, &tuple, &list, &dict, &set, &frozenset];
    let m = crate::builtins::method;
    for ty in everything {
        m(ty, "__repr__", |vm, a, _| {
            Ok(Value::from_string(vm.repr(arg(a, 0)?)?))
        });
        m(ty, "__str__", |vm, a, _| {
            Ok(Value::from_string(vm.str_of(arg(a, 0)?)?))
        });
        m(ty, "__format__", |vm, a, _| {
            let spec = arg(a, 1)?.as_str().unwrap_or("").to_string();
            Ok(Value::from_string(vm.format(arg(a, 0)?, &spec)?))
        });
        m(ty, "__eq__", |vm, a, _| cmp(vm, a, CmpOp::Eq));
        m(ty, "__ne__", |vm, a, _| cmp(vm, a, CmpOp::Ne));
        m(ty, "__lt__", |vm, a, _| cmp(vm, a, CmpOp::Lt));
        m(ty, "__le__", |vm, a, _| cmp(vm, a, CmpOp::Le));
        m(ty, "__gt__", |vm, a, _| cmp(vm, a, CmpOp::Gt));
        m(ty, "__ge__", |vm, a, _| cmp(vm, a, CmpOp::Ge));
    }
    for ty in containers {
        m(ty, "__len__", |vm, a, _| {
            Ok(Value::Int(vm.len(arg(a, 0)?)? as i64))
        });
        m(ty, "__contains__", |vm, a, _| {
            Ok(Value::Bool(vm.contains(arg(a, 0)?, arg(a, 1)?)?))
        });
        m(ty, "__iter__", |vm, a, _| vm.get_iter(arg(a, 0)?.clone()));
    }
    for ty in [&str_, &bytes, &tuple, &list, &dict] {
        m(ty, "__getitem__", |vm, a, _| {
            vm.getitem(arg(a, 0)?, arg(a, 1)?)
        });
    }
    for ty in [&list, &dict] {
        m(ty, "__setitem__", |vm, a, _| {
            vm.setitem(arg(a, 0)?, arg(a, 1)?.clone(), arg(a, 2)?.clone())?;
            Ok(Value::None)
        });
        m(ty, "__delitem__", |vm, a, _| {
            vm.delitem(arg(a, 0)?, arg(a, 1)?)?;
            Ok(Value::None)
        });
    }
    for ty in [&int, &float, &str_, &bytes, &tuple, &frozenset] {
        m(ty, "__hash__", |vm, a, _| {
            Ok(Value::Int(vm.hash(arg(a, 0)?)?))
        });
    }
    // Mutable containers are unhashable (and so are their subclasses unless they define __hash__).
    for ty in [&list, &dict, &set] {
        crate::builtins::set_in(ty, "__hash__", Value::None);
    }
    macro_rules! binops {
        ($tys:expr; $($name:literal, $rname:literal => $op:expr),* $(,)?) => {
            for ty in $tys {
                $(
                    m(ty, $name, |vm, a, _| binop(vm, a, $op, false));
                    m(ty, $rname, |vm, a, _| binop(vm, a, $op, true));
                )*
            }
        };
    }
    binops!([&int, &float];
        "__add__", "__radd__" => BinOp::Add,
        "__sub__", "__rsub__" => BinOp::Sub,
        "__mul__", "__rmul__" => BinOp::Mul,
        "__truediv__", "__rtruediv__" => BinOp::TrueDiv,
        "__floordiv__", "__rfloordiv__" => BinOp::FloorDiv,
        "__mod__", "__rmod__" => BinOp::Mod,
        "__pow__", "__rpow__" => BinOp::Pow,
    );
    binops!([&int];
        "__lshift__", "__rlshift__" => BinOp::LShift,
        "__rshift__", "__rrshift__" => BinOp::RShift,
        "__and__", "__rand__" => BinOp::And,
        "__or__", "__ror__" => BinOp::Or,
        "__xor__", "__rxor__" => BinOp::Xor,
    );
    binops!([&str_, &bytes, &tuple, &list];
        "__add__", "__radd__" => BinOp::Add,
        "__mul__", "__rmul__" => BinOp::Mul,
    );
    binops!([&str_]; "__mod__", "__rmod__" => BinOp::Mod);
    binops!([&set, &frozenset];
        "__and__", "__rand__" => BinOp::And,
        "__or__", "__ror__" => BinOp::Or,
        "__xor__", "__rxor__" => BinOp::Xor,
        "__sub__", "__rsub__" => BinOp::Sub,
    );
}

fn arg(a: &[Value], i: usize) -> PyResult<&Value> {
    a.get(i).ok_or_else(|| {
        type_error(format!(
            "expected {} argument(s), got {}",
            i,
            a.len().saturating_sub(1)
        ))
    })
}

fn not_implemented() -> Value {
    Value::obj(Object::Singleton(crate::object::Singleton::NotImplemented))
}

/// `T.__op__(a, b)` (or reflected): the operator on the builtin values; NotImplemented when unsupported.
fn binop(vm: &mut Vm, a: &[Value], op: BinOp, reflected: bool) -> PyResult<Value> {
    let (x, y) = (arg(a, 0)?.clone(), arg(a, 1)?.clone());
    let y = Vm::base_of(&y).cloned().unwrap_or(y);
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    match vm.binary_op(op.encode(false), l, r) {
        Err(e) if vm.err_matches(&e, crate::error::ExcKind::TypeError) => Ok(not_implemented()),
        other => other,
    }
}

/// `T.__eq__(a, b)` & co.
fn cmp(vm: &mut Vm, a: &[Value], op: CmpOp) -> PyResult<Value> {
    let (x, y) = (arg(a, 0)?.clone(), arg(a, 1)?.clone());
    let y = Vm::base_of(&y).cloned().unwrap_or(y);
    match vm.compare(&x, &y, op) {
        Err(e) if vm.err_matches(&e, crate::error::ExcKind::TypeError) => Ok(not_implemented()),
        other => other,
    }
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
