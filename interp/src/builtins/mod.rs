//! Builtin functions, types' methods and builtin modules.
//!
//! Every builtin is a plain `fn(&mut Vm, &[Value], &KwArgs) -> PyResult<Value>` registered by name:
//! functions in the builtins dict, methods in their type's dict (so that attribute lookup, `LoadMethod`
//! and later the JIT's method caches treat builtin and user methods alike). Methods get `self` as args[0].

pub mod ctors;
mod dir;
pub mod functions;
pub mod methods;
pub mod modules;
pub mod sort;
pub mod type_attrs;

use crate::error::{type_error, PyResult};
use crate::object::{Builtin, BuiltinFn, KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;

/// Strings the runtime itself looks up often, interned once.
pub struct Interned {
    pub dunder_name: Value,
    /// The dunders consulted on every attribute access, as fields (no lookup at all).
    pub getattribute: Value,
    pub getattr: Value,
    pub setattr: Value,
    /// Consulted on every class call.
    pub init: Value,
    pub new: Value,
    /// Keyed by the address of the `'static` literal: one cheap integer hash per lookup.
    names: std::cell::RefCell<
        std::collections::HashMap<usize, Value, std::hash::BuildHasherDefault<AddrHasher>>,
    >,
}

/// Hasher for addresses: a multiplicative mix is plenty (keys are distinct pointers).
#[derive(Default)]
pub struct AddrHasher(u64);

impl std::hash::Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x100000001b3);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E3779B97F4A7C15);
    }
}

impl Interned {
    pub fn new() -> Interned {
        Interned {
            dunder_name: Value::str("__name__"),
            getattribute: Value::str("__getattribute__"),
            getattr: Value::str("__getattr__"),
            setattr: Value::str("__setattr__"),
            init: Value::str("__init__"),
            new: Value::str("__new__"),
            names: Default::default(),
        }
    }

    /// The one str object for a name the runtime looks up itself (dunders), so lookups hit the method
    /// cache by pointer and never allocate.
    pub fn get(&self, s: &'static str) -> Value {
        self.names
            .borrow_mut()
            .entry(s.as_ptr() as usize)
            .or_insert_with(|| Value::str(s))
            .clone()
    }
}

impl Default for Interned {
    fn default() -> Self {
        Interned::new()
    }
}

pub fn builtin_value(name: &'static str, f: BuiltinFn) -> Value {
    Value::obj(Object::Builtin(Builtin {
        name,
        f,
        bound: None,
        unwrap_self: false,
    }))
}

/// Register `f` as `name` in a dict object (a namespace or a type's dict).
pub fn register(d: &ObjRef, name: &'static str, f: BuiltinFn) {
    set_in(d, name, builtin_value(name, f));
}

pub fn set_in(d: &ObjRef, name: &str, v: Value) {
    match &**d {
        Object::Dict(cell) => {
            cell.borrow_mut()
                .set_str(Value::str(name), crate::hash::hash_str(name), v)
        }
        Object::Type(t) => {
            t.dict
                .borrow_mut()
                .set_str(Value::str(name), crate::hash::hash_str(name), v)
        }
        _ => {}
    }
}

/// Register a method on a type object.
pub fn method(t: &ObjRef, name: &'static str, f: BuiltinFn) {
    let unwrap_self = matches!(&**t, Object::Type(ty) if ty.kind.is_subclassable_builtin());
    let m = Value::obj(Object::Builtin(Builtin {
        name,
        f,
        bound: None,
        unwrap_self,
    }));
    set_in(t, name, m);
}

pub fn install(vm: &mut Vm) {
    functions::install(vm);
    dir::install(vm);
    ctors::install(vm);
    methods::install(vm);
    crate::vm::metaclass::install(vm);
    crate::vm::subclass::install(vm);
    let b = vm.builtins.clone();
    // Exception classes.
    for k in crate::error::ExcKind::ALL {
        set_in(&b, k.name(), Value::Obj(vm.exc_type(*k).clone()));
    }
    set_in(
        &b,
        "EnvironmentError",
        Value::Obj(vm.exc_type(crate::error::ExcKind::OSError).clone()),
    );
    set_in(
        &b,
        "IOError",
        Value::Obj(vm.exc_type(crate::error::ExcKind::OSError).clone()),
    );
    set_in(&b, "open", builtin_value("open", modules::builtin_open));
    set_in(&b, "None", Value::None);
    set_in(&b, "True", Value::Bool(true));
    set_in(&b, "False", Value::Bool(false));
    set_in(
        &b,
        "NotImplemented",
        Value::obj(Object::Singleton(crate::object::Singleton::NotImplemented)),
    );
    set_in(
        &b,
        "Ellipsis",
        Value::obj(Object::Singleton(crate::object::Singleton::Ellipsis)),
    );
    set_in(&b, "__name__", Value::str("builtins"));
}

// ---- argument checking helpers, with CPython's messages -----------------------------------------------

pub fn no_kwargs(name: &str, kw: &KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{}() takes no keyword arguments", name)))
    }
}

/// For functions described as "takes exactly one argument".
pub fn exactly_one(name: &str, args: &[Value], kw: &KwArgs) -> PyResult<()> {
    no_kwargs(name, kw)?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "{}() takes exactly one argument ({} given)",
            name,
            args.len()
        )));
    }
    Ok(())
}

/// "name expected at least N arguments, got M" / "at most".
pub fn arg_range(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min {
        if min == max {
            return Err(type_error(format!(
                "{} expected {} argument{}, got {}",
                name,
                min,
                if min == 1 { "" } else { "s" },
                args.len()
            )));
        }
        return Err(type_error(format!(
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            if min == 1 { "" } else { "s" },
            args.len()
        )));
    }
    if args.len() > max {
        if min == max {
            return Err(type_error(format!(
                "{} expected {} argument{}, got {}",
                name,
                max,
                if max == 1 { "" } else { "s" },
                args.len()
            )));
        }
        return Err(type_error(format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            if max == 1 { "" } else { "s" },
            args.len()
        )));
    }
    Ok(())
}

/// Method arity: "list.append() takes exactly one argument (2 given)" style (self excluded).
pub fn method_args(qual: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len().saturating_sub(1);
    if n < min || n > max {
        if min == max {
            if min == 0 {
                return Err(type_error(format!(
                    "{}() takes no arguments ({} given)",
                    qual, n
                )));
            }
            if min == 1 {
                return Err(type_error(format!(
                    "{}() takes exactly one argument ({} given)",
                    qual, n
                )));
            }
            return Err(type_error(format!(
                "{} expected {} arguments, got {}",
                qual, min, n
            )));
        }
        if n < min {
            return Err(type_error(format!(
                "{} expected at least {} argument{}, got {}",
                qual,
                min,
                if min == 1 { "" } else { "s" },
                n
            )));
        }
        return Err(type_error(format!(
            "{} expected at most {} argument{}, got {}",
            qual,
            max,
            if max == 1 { "" } else { "s" },
            n
        )));
    }
    Ok(())
}

/// Find a keyword argument by name.
pub fn kwarg<'a>(kw: &'a KwArgs, name: &str) -> Option<&'a Value> {
    kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

/// Reject keywords other than `allowed`.
pub fn only_kwargs(fname: &str, kw: &KwArgs, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        if !allowed.contains(&&**k) {
            return Err(type_error(format!(
                "{}() got an unexpected keyword argument '{}'",
                fname, k
            )));
        }
    }
    Ok(())
}
