//! The special methods of the builtin types as attributes (`(1).__add__(2)`, `int.__lt__`,
//! `[].__len__()`, `list.__hash__ is None`), with CPython's slot-wrapper semantics: a binary number
//! method returns NotImplemented for operands its type does not handle (`(1).__add__(2.0)`), sequence
//! methods raise as the operators do, and calling through the type checks the receiver ("descriptor
//! '__add__' requires a 'int' object but received a 'str'").
//!
//! The interpreter never calls these for builtin values (operators dispatch on the values directly);
//! they serve explicit calls, `hasattr(x, '__iter__')`-style introspection and (later) `super()` from
//! subclasses of builtins. Each entry is a non-capturing closure over constants (a plain `BuiltinFn`).

use super::util::{index_arg, new_tuple};
use crate::builtins::{method, set_in};
use crate::bytecode::{BinOp, CmpOp};
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;

/// The builtin types whose dunders are installed here.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum T {
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    MemoryView,
    NoneType,
    Keys,
    Values,
    Items,
}

impl T {
    fn name(self) -> &'static str {
        match self {
            T::Int => "int",
            T::Bool => "bool",
            T::Float => "float",
            T::Complex => "complex",
            T::Str => "str",
            T::Bytes => "bytes",
            T::ByteArray => "bytearray",
            T::List => "list",
            T::Tuple => "tuple",
            T::Dict => "dict",
            T::Set => "set",
            T::FrozenSet => "frozenset",
            T::Range => "range",
            T::MemoryView => "memoryview",
            T::NoneType => "NoneType",
            T::Keys => "dict_keys",
            T::Values => "dict_values",
            T::Items => "dict_items",
        }
    }

    /// Is `name` a plain method of this type in CPython (a `method_descriptor`, from the type's method
    /// table) rather than a slot wrapper? The two word a wrong receiver differently: "descriptor
    /// '__getitem__' for 'dict' objects doesn't apply to a 'list' object" vs "descriptor '__len__'
    /// requires a 'list' object but received a 'int'".
    fn is_method_descriptor(self, name: &str) -> bool {
        match self {
            T::Int | T::Float => matches!(
                name,
                "__trunc__"
                    | "__floor__"
                    | "__ceil__"
                    | "__round__"
                    | "__getnewargs__"
                    | "__format__"
                    | "__sizeof__"
            ),
            T::Complex => matches!(name, "__complex__" | "__getnewargs__" | "__format__"),
            T::Str => matches!(name, "__format__" | "__sizeof__" | "__getnewargs__"),
            T::Bytes => matches!(name, "__getnewargs__" | "__bytes__"),
            T::ByteArray => matches!(
                name,
                "__alloc__" | "__reduce__" | "__reduce_ex__" | "__sizeof__"
            ),
            T::List => matches!(name, "__getitem__" | "__reversed__" | "__sizeof__"),
            T::Tuple => name == "__getnewargs__",
            T::Dict => matches!(
                name,
                "__getitem__" | "__contains__" | "__sizeof__" | "__reversed__"
            ),
            T::Set | T::FrozenSet => matches!(name, "__contains__" | "__reduce__" | "__sizeof__"),
            T::Range => matches!(name, "__reversed__" | "__reduce__"),
            T::MemoryView => matches!(name, "__enter__" | "__exit__"),
            T::Keys | T::Values | T::Items => name == "__reversed__",
            T::Bool | T::NoneType => false,
        }
    }

    /// Is `v` an instance of this type (subtypes included: bool is an int)?
    fn has(self, v: &Value) -> bool {
        match self {
            T::Int => v.is_int_like(),
            T::Bool => matches!(v, Value::Bool(_)),
            T::Float => matches!(v, Value::Float(_)),
            T::NoneType => matches!(v, Value::None),
            T::Keys | T::Values | T::Items => match v.as_obj() {
                Some(Object::DictView(dv)) => {
                    use crate::object::ViewKind;
                    matches!(
                        (self, dv.1),
                        (T::Keys, ViewKind::Keys)
                            | (T::Values, ViewKind::Values)
                            | (T::Items, ViewKind::Items)
                    )
                }
                _ => false,
            },
            _ => match v.as_obj() {
                Some(o) => matches!(
                    (self, o),
                    (T::Complex, Object::Complex(_))
                        | (T::Str, Object::Str(_))
                        | (T::Bytes, Object::Bytes(_))
                        | (T::ByteArray, Object::ByteArray(_))
                        | (T::List, Object::List(_))
                        | (T::Tuple, Object::Tuple(_))
                        | (T::Dict, Object::Dict(_))
                        | (T::Set, Object::Set(_))
                        | (T::FrozenSet, Object::FrozenSet(_))
                        | (T::Range, Object::Range(_) | Object::BigRange(_))
                        | (T::MemoryView, Object::MemoryView(_))
                ),
                None => false,
            },
        }
    }

    fn type_obj(self, vm: &Vm) -> ObjRef {
        let t = &vm.types;
        match self {
            T::Int => t.int.clone(),
            T::Bool => t.bool.clone(),
            T::Float => t.float.clone(),
            T::Complex => t.complex.clone(),
            T::Str => t.str.clone(),
            T::Bytes => t.bytes.clone(),
            T::ByteArray => t.bytearray.clone(),
            T::List => t.list.clone(),
            T::Tuple => t.tuple.clone(),
            T::Dict => t.dict.clone(),
            T::Set => t.set.clone(),
            T::FrozenSet => t.frozenset.clone(),
            T::Range => t.range.clone(),
            T::MemoryView => t.memoryview.clone(),
            T::NoneType => t.none.clone(),
            T::Keys => t.dict_keys.clone(),
            T::Values => t.dict_values.clone(),
            T::Items => t.dict_items.clone(),
        }
    }

    /// Does this type's binary number slot handle `other` (else NotImplemented)?
    fn accepts_number(self, other: &Value) -> bool {
        match self {
            T::Int | T::Bool => other.is_int_like(),
            T::Float => other.is_int_like() || matches!(other, Value::Float(_)),
            T::Complex => super::complex::to_complex(other).is_some(),
            _ => false,
        }
    }

    /// Does this type's rich comparison handle `other` (else NotImplemented)?
    fn accepts_compare(self, op: CmpOp, other: &Value) -> bool {
        let eq_only = matches!(op, CmpOp::Eq | CmpOp::Ne);
        match self {
            T::Int | T::Bool | T::Float => self.accepts_number(other),
            T::Complex => eq_only && self.accepts_number(other),
            T::Str => other.as_str().is_some(),
            T::Bytes => T::Bytes.has(other),
            T::ByteArray => super::bytes::buffer(other).is_some(),
            T::List => T::List.has(other),
            T::Tuple => T::Tuple.has(other),
            T::Dict => eq_only && T::Dict.has(other),
            T::Set | T::FrozenSet => T::Set.has(other) || T::FrozenSet.has(other),
            T::Range => eq_only && T::Range.has(other),
            T::MemoryView | T::NoneType | T::Values => eq_only,
            // Key and item views compare like sets, with sets and other views.
            T::Keys | T::Items => {
                T::Set.has(other)
                    || T::FrozenSet.has(other)
                    || T::Keys.has(other)
                    || T::Items.has(other)
            }
        }
    }
}

/// The receiver and the arguments after it, checked: "descriptor '__add__' of 'int' object needs an
/// argument", "descriptor '__add__' requires a 'int' object but received a 'str'", "expected 1
/// argument, got 0".
fn recv<'a>(
    vm: &Vm,
    args: &'a [Value],
    kw: &KwArgs,
    t: T,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a Value, &'a [Value])> {
    let Some(me) = args.first() else {
        return Err(if t.is_method_descriptor(name) {
            type_error(format!(
                "unbound method {}.{}() needs an argument",
                t.name(),
                name
            ))
        } else {
            type_error(format!(
                "descriptor '{}' of '{}' object needs an argument",
                name,
                t.name()
            ))
        });
    };
    if !t.has(me) {
        return Err(if t.is_method_descriptor(name) {
            super::util::bad_self(vm, args, t.name(), name)
        } else {
            type_error(format!(
                "descriptor '{}' requires a '{}' object but received a '{}'",
                name,
                t.name(),
                vm.type_name(me)
            ))
        });
    }
    if !kw.is_empty() {
        return Err(type_error(format!(
            "{}.{}() takes no keyword arguments",
            t.name(),
            name
        )));
    }
    let rest = &args[1..];
    if rest.len() < min || rest.len() > max {
        let want = if min == max {
            format!("{}", min)
        } else if rest.len() < min {
            format!("at least {}", min)
        } else {
            format!("at most {}", max)
        };
        return Err(type_error(format!(
            "expected {} argument{}, got {}",
            want,
            if min == max && min == 1 { "" } else { "s" },
            rest.len()
        )));
    }
    Ok((me, rest))
}

/// An operand that is an instance of a subclass of a builtin type counts as its builtin value.
fn operand(v: &Value) -> Value {
    Vm::base_of(v).cloned().unwrap_or_else(|| v.clone())
}

fn not_implemented() -> Value {
    Value::obj(Object::Singleton(crate::object::Singleton::NotImplemented))
}

fn call_builtin(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let b = vm.builtins.clone();
    let f = vm.dict_get_str_quiet(&b, name).unwrap_or(Value::None);
    vm.call(&f, args)
}

// ---- number slots ---------------------------------------------------------------------------------

/// `a.__op__(b)` / `a.__rop__(b)` for int, bool, float, complex.
fn number_binop(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    t: T,
    name: &str,
    op: BinOp,
    reflected: bool,
) -> PyResult<Value> {
    let max = if op == BinOp::Pow && !reflected { 2 } else { 1 };
    let (me, rest) = recv(vm, args, kw, t, name, 1, max)?;
    let other = &operand(&rest[0]);
    if !t.accepts_number(other) {
        return Ok(not_implemented());
    }
    if let Some(m) = rest.get(1).filter(|m| !m.is_none()) {
        return call_builtin(vm, "pow", &[me.clone(), other.clone(), m.clone()]);
    }
    let (a, b) = if reflected {
        (other.clone(), me.clone())
    } else {
        (me.clone(), other.clone())
    };
    vm.binary_op(op.encode(false), a, b)
}

fn number_divmod(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    t: T,
    name: &str,
    reflected: bool,
) -> PyResult<Value> {
    let (me, rest) = recv(vm, args, kw, t, name, 1, 1)?;
    let other = &operand(&rest[0]);
    if !t.accepts_number(other) || t == T::Complex {
        return Ok(not_implemented());
    }
    let (a, b) = if reflected {
        (other.clone(), me.clone())
    } else {
        (me.clone(), other.clone())
    };
    call_builtin(vm, "divmod", &[a, b])
}

fn unary(vm: &mut Vm, args: &[Value], kw: &KwArgs, t: T, name: &str) -> PyResult<Value> {
    let (me, _) = recv(vm, args, kw, t, name, 0, 0)?;
    let me = me.clone();
    match name {
        "__neg__" => vm.unary_neg(me),
        "__pos__" => vm.unary_pos(me),
        "__invert__" => vm.unary_invert(me),
        "__abs__" => call_builtin(vm, "abs", &[me]),
        "__bool__" => vm.truthy(&me).map(Value::Bool),
        "__int__" | "__index__" | "__trunc__" if t != T::Float => Ok(crate::value::int_from_big(
            me.to_bigint().unwrap_or_default(),
        )),
        "__int__" | "__trunc__" => call_builtin(vm, "int", &[me]),
        "__float__" => match me {
            Value::Float(_) => Ok(me),
            _ => call_builtin(vm, "float", &[me]),
        },
        "__floor__" | "__ceil__" => {
            let Value::Float(f) = me else {
                return Ok(crate::value::int_from_big(
                    me.to_bigint().unwrap_or_default(),
                ));
            };
            let r = if name == "__floor__" {
                f.floor()
            } else {
                f.ceil()
            };
            crate::numfmt::float_to_bigint(r)
                .map(crate::value::int_from_big)
                .map_err(crate::vm::text::fmt_err)
        }
        "__getnewargs__" => match t {
            T::Complex => Ok(new_tuple(vec![
                vm.getattr(&me, &Value::str("real"))?,
                vm.getattr(&me, &Value::str("imag"))?,
            ])),
            T::Int | T::Bool => Ok(new_tuple(vec![crate::value::int_from_big(
                me.to_bigint().unwrap_or_default(),
            )])),
            _ => Ok(new_tuple(vec![me])),
        },
        "__len__" => vm.len(&me).map(|n| Value::Int(n as i64)),
        "__iter__" => vm.get_iter(me),
        "__reversed__" => call_builtin(vm, "reversed", &[me]),
        "__hash__" => vm.hash(&me).map(Value::Int),
        "__repr__" => match (t, &me) {
            (T::Int, Value::Bool(b)) => Ok(Value::str(if *b { "1" } else { "0" })),
            _ => vm.repr_builtin(&me).map(Value::from_string),
        },
        "__str__" => match (t, &me) {
            (T::Int, Value::Bool(b)) => Ok(Value::str(if *b { "1" } else { "0" })),
            _ => vm.str_builtin(&me).map(Value::from_string),
        },
        "__sizeof__" => Ok(Value::Int(sizeof(vm, &me))),
        _ => Err(PyErr::new(
            ExcKind::SystemError,
            format!("pvm: no builtin {}", name),
        )),
    }
}

/// An approximation of CPython's `__sizeof__` (64-bit layout).
fn sizeof(vm: &Vm, v: &Value) -> i64 {
    let _ = vm;
    match v {
        Value::Int(0) | Value::Bool(false) => 24,
        Value::Int(_) | Value::Bool(true) => 28,
        Value::Float(_) => 24,
        Value::None => 16,
        _ => match v.as_obj() {
            Some(Object::Int(b)) => 24 + 4 * ((b.bits() as i64 + 29) / 30),
            Some(Object::Complex(_)) => 32,
            Some(Object::Str(s)) => {
                if s.is_ascii() {
                    49 + s.as_str().len() as i64
                } else {
                    let max = s.as_str().chars().map(|c| c as u32).max().unwrap_or(0);
                    let (base, w) = match max {
                        0..=0xff => (73, 1),
                        0x100..=0xffff => (74, 2),
                        _ => (76, 4),
                    };
                    base + w * (s.char_len() as i64 + 1) - w
                }
            }
            Some(Object::Bytes(b)) => 33 + b.len() as i64,
            Some(Object::ByteArray(b)) => {
                let d = b.data.borrow();
                56 + if d.capacity() > 0 {
                    d.capacity() as i64 + 1
                } else {
                    0
                }
            }
            Some(Object::Tuple(t)) => 24 + 8 * t.len() as i64,
            Some(Object::List(l)) => 40 + 8 * l.borrow().capacity() as i64,
            Some(Object::Dict(d)) => 48 + 24 * d.borrow().len() as i64,
            Some(Object::Set(_) | Object::FrozenSet(_)) => 200,
            Some(Object::Range(_) | Object::BigRange(_)) => 48,
            Some(Object::MemoryView(_)) => 184,
            _ => 16,
        },
    }
}

/// `__round__(ndigits=None)` for int and float.
fn round(vm: &mut Vm, args: &[Value], kw: &KwArgs, t: T) -> PyResult<Value> {
    let (me, rest) = recv(vm, args, kw, t, "__round__", 0, 1)?;
    let mut a = vec![me.clone()];
    a.extend_from_slice(rest);
    call_builtin(vm, "round", &a)
}

fn format(vm: &mut Vm, args: &[Value], kw: &KwArgs, t: T) -> PyResult<Value> {
    let (me, rest) = recv(vm, args, kw, t, "__format__", 1, 1)?;
    let Some(spec) = rest[0].as_str() else {
        return Err(type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&rest[0])
        )));
    };
    let spec = spec.to_string();
    let me = me.clone();
    vm.format(&me, &spec).map(Value::from_string)
}

// ---- comparisons ----------------------------------------------------------------------------------

fn compare(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    t: T,
    name: &str,
    op: CmpOp,
) -> PyResult<Value> {
    let (me, rest) = recv(vm, args, kw, t, name, 1, 1)?;
    let other = operand(&rest[0]);
    if !t.accepts_compare(op, &other) {
        return Ok(not_implemented());
    }
    let (a, b) = (me.clone(), other);
    vm.compare(&a, &b, op)
}

// ---- containers -----------------------------------------------------------------------------------

fn item(vm: &mut Vm, args: &[Value], kw: &KwArgs, t: T, name: &str) -> PyResult<Value> {
    match name {
        "__getitem__" => {
            let (me, rest) = recv(vm, args, kw, t, name, 1, 1)?;
            let (a, k) = (me.clone(), rest[0].clone());
            vm.getitem(&a, &k)
        }
        "__setitem__" => {
            let (me, rest) = recv(vm, args, kw, t, name, 2, 2)?;
            let (a, k, v) = (me.clone(), rest[0].clone(), rest[1].clone());
            vm.setitem(&a, k, v).map(|_| Value::None)
        }
        "__delitem__" => {
            let (me, rest) = recv(vm, args, kw, t, name, 1, 1)?;
            let (a, k) = (me.clone(), rest[0].clone());
            vm.delitem(&a, &k).map(|_| Value::None)
        }
        _ => {
            let (me, rest) = recv(vm, args, kw, t, name, 1, 1)?;
            let (a, x) = (me.clone(), rest[0].clone());
            vm.contains(&a, &x).map(Value::Bool)
        }
    }
}

/// `__add__`, `__mul__`, `__rmul__`, `__mod__`, `__rmod__`, `__iadd__`, `__imul__` of the sequences:
/// these raise like the operators (`"a".__add__(1)` is a TypeError, not NotImplemented).
fn seq_op(vm: &mut Vm, args: &[Value], kw: &KwArgs, t: T, name: &str) -> PyResult<Value> {
    let (me, rest) = recv(vm, args, kw, t, name, 1, 1)?;
    let (me, other) = (me.clone(), operand(&rest[0]));
    match name {
        "__add__" => vm.binary_op(BinOp::Add.encode(false), me, other),
        "__iadd__" => vm.binary_op(BinOp::Add.encode(true), me, other),
        "__mul__" | "__rmul__" | "__imul__" => {
            index_arg(vm, &other)?;
            vm.binary_op(BinOp::Mul.encode(name == "__imul__"), me, other)
        }
        "__mod__" => vm.binary_op(BinOp::Mod.encode(false), me, other),
        // `"x".__rmod__(y)` is `y % "x"`, for str (and bytes) left operands only.
        _ => {
            if !t.has(&other) {
                return Ok(not_implemented());
            }
            vm.binary_op(BinOp::Mod.encode(false), other, me)
        }
    }
}

/// Set and dict operators: NotImplemented unless the other operand is of a matching kind.
fn coll_op(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    t: T,
    name: &str,
    op: BinOp,
    mode: u8,
) -> PyResult<Value> {
    let (me, rest) = recv(vm, args, kw, t, name, 1, 1)?;
    let (me, other) = (me.clone(), operand(&rest[0]));
    let ok = match t {
        T::Dict => mode == 2 || T::Dict.has(&other),
        T::Keys | T::Items => true,
        _ => T::Set.has(&other) || T::FrozenSet.has(&other),
    };
    if !ok {
        return Ok(not_implemented());
    }
    match (t, mode) {
        // In-place dict merge accepts anything `update` does.
        (T::Dict, 2) => {
            vm.dict_update(&me, other, false)?;
            Ok(me)
        }
        (_, 1) => vm.binary_op(op.encode(false), other, me),
        (_, 2) => vm.binary_op(op.encode(true), me, other),
        _ => vm.binary_op(op.encode(false), me, other),
    }
}

// ---- registration ---------------------------------------------------------------------------------

macro_rules! unaries {
    ($vm:expr, $t:expr, [$($name:literal),* $(,)?]) => {{
        let ty = $t.type_obj($vm);
        $( method(&ty, $name, |vm, a, kw| unary(vm, a, kw, $t, $name)); )*
    }};
}

macro_rules! number_ops {
    ($vm:expr, $t:expr, [$($op:ident),* $(,)?]) => {{
        let ty = $t.type_obj($vm);
        $(
            method(&ty, BinOp::$op.dunders().0, |vm, a, kw| {
                number_binop(vm, a, kw, $t, BinOp::$op.dunders().0, BinOp::$op, false)
            });
            method(&ty, BinOp::$op.dunders().1, |vm, a, kw| {
                number_binop(vm, a, kw, $t, BinOp::$op.dunders().1, BinOp::$op, true)
            });
        )*
    }};
}

macro_rules! comparisons {
    ($vm:expr, $t:expr) => {{
        let ty = $t.type_obj($vm);
        method(&ty, "__eq__", |vm, a, kw| {
            compare(vm, a, kw, $t, "__eq__", CmpOp::Eq)
        });
        method(&ty, "__ne__", |vm, a, kw| {
            compare(vm, a, kw, $t, "__ne__", CmpOp::Ne)
        });
        method(&ty, "__lt__", |vm, a, kw| {
            compare(vm, a, kw, $t, "__lt__", CmpOp::Lt)
        });
        method(&ty, "__le__", |vm, a, kw| {
            compare(vm, a, kw, $t, "__le__", CmpOp::Le)
        });
        method(&ty, "__gt__", |vm, a, kw| {
            compare(vm, a, kw, $t, "__gt__", CmpOp::Gt)
        });
        method(&ty, "__ge__", |vm, a, kw| {
            compare(vm, a, kw, $t, "__ge__", CmpOp::Ge)
        });
    }};
}

macro_rules! items {
    ($vm:expr, $t:expr, [$($name:literal),* $(,)?]) => {{
        let ty = $t.type_obj($vm);
        $( method(&ty, $name, |vm, a, kw| item(vm, a, kw, $t, $name)); )*
    }};
}

macro_rules! seq_ops {
    ($vm:expr, $t:expr, [$($name:literal),* $(,)?]) => {{
        let ty = $t.type_obj($vm);
        $( method(&ty, $name, |vm, a, kw| seq_op(vm, a, kw, $t, $name)); )*
    }};
}

macro_rules! coll_ops {
    ($vm:expr, $t:expr, $modes:expr, [$($op:ident),* $(,)?]) => {{
        let ty = $t.type_obj($vm);
        $(
            method(&ty, BinOp::$op.dunders().0, |vm, a, kw| {
                coll_op(vm, a, kw, $t, BinOp::$op.dunders().0, BinOp::$op, 0)
            });
            method(&ty, BinOp::$op.dunders().1, |vm, a, kw| {
                coll_op(vm, a, kw, $t, BinOp::$op.dunders().1, BinOp::$op, 1)
            });
            if $modes {
                method(&ty, BinOp::$op.dunders().2, |vm, a, kw| {
                    coll_op(vm, a, kw, $t, BinOp::$op.dunders().2, BinOp::$op, 2)
                });
            }
        )*
    }};
}

pub fn install(vm: &mut Vm) {
    // Numbers.
    number_ops!(
        vm,
        T::Int,
        [Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor]
    );
    number_ops!(vm, T::Bool, [And, Or, Xor]);
    number_ops!(vm, T::Float, [Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow]);
    number_ops!(vm, T::Complex, [Add, Sub, Mul, TrueDiv, Pow]);
    for t in [T::Int, T::Float] {
        let ty = t.type_obj(vm);
        if t == T::Int {
            method(&ty, "__divmod__", |vm, a, kw| {
                number_divmod(vm, a, kw, T::Int, "__divmod__", false)
            });
            method(&ty, "__rdivmod__", |vm, a, kw| {
                number_divmod(vm, a, kw, T::Int, "__rdivmod__", true)
            });
            method(&ty, "__round__", |vm, a, kw| round(vm, a, kw, T::Int));
            method(&ty, "__format__", |vm, a, kw| format(vm, a, kw, T::Int));
        } else {
            method(&ty, "__divmod__", |vm, a, kw| {
                number_divmod(vm, a, kw, T::Float, "__divmod__", false)
            });
            method(&ty, "__rdivmod__", |vm, a, kw| {
                number_divmod(vm, a, kw, T::Float, "__rdivmod__", true)
            });
            method(&ty, "__round__", |vm, a, kw| round(vm, a, kw, T::Float));
            method(&ty, "__format__", |vm, a, kw| format(vm, a, kw, T::Float));
        }
    }
    unaries!(
        vm,
        T::Int,
        [
            "__neg__",
            "__pos__",
            "__invert__",
            "__abs__",
            "__bool__",
            "__int__",
            "__index__",
            "__float__",
            "__trunc__",
            "__floor__",
            "__ceil__",
            "__hash__",
            "__repr__",
            "__str__",
            "__getnewargs__",
            "__sizeof__",
        ]
    );
    unaries!(vm, T::Bool, ["__repr__", "__str__"]);
    unaries!(
        vm,
        T::Float,
        [
            "__neg__",
            "__pos__",
            "__abs__",
            "__bool__",
            "__int__",
            "__float__",
            "__trunc__",
            "__floor__",
            "__ceil__",
            "__hash__",
            "__repr__",
            "__str__",
            "__getnewargs__",
            "__sizeof__",
        ]
    );
    unaries!(
        vm,
        T::Complex,
        [
            "__neg__",
            "__pos__",
            "__abs__",
            "__bool__",
            "__hash__",
            "__repr__",
            "__str__",
            "__sizeof__",
        ]
    );
    {
        let ty = T::Complex.type_obj(vm);
        method(&ty, "__format__", |vm, a, kw| format(vm, a, kw, T::Complex));
    }
    comparisons!(vm, T::Int);
    comparisons!(vm, T::Float);
    comparisons!(vm, T::Complex);

    // Text and byte sequences.
    unaries!(
        vm,
        T::Str,
        [
            "__len__",
            "__iter__",
            "__hash__",
            "__repr__",
            "__str__",
            "__getnewargs__",
            "__sizeof__"
        ]
    );
    items!(vm, T::Str, ["__getitem__", "__contains__"]);
    seq_ops!(
        vm,
        T::Str,
        ["__add__", "__mul__", "__rmul__", "__mod__", "__rmod__"]
    );
    comparisons!(vm, T::Str);
    {
        let ty = T::Str.type_obj(vm);
        method(&ty, "__format__", |vm, a, kw| format(vm, a, kw, T::Str));
    }
    unaries!(
        vm,
        T::Bytes,
        [
            "__len__",
            "__iter__",
            "__hash__",
            "__repr__",
            "__str__",
            "__getnewargs__",
            "__sizeof__"
        ]
    );
    items!(vm, T::Bytes, ["__getitem__", "__contains__"]);
    seq_ops!(
        vm,
        T::Bytes,
        ["__add__", "__mul__", "__rmul__", "__mod__", "__rmod__"]
    );
    comparisons!(vm, T::Bytes);
    {
        let ty = T::Bytes.type_obj(vm);
        method(&ty, "__bytes__", |vm, a, kw| {
            let (me, _) = recv(vm, a, kw, T::Bytes, "__bytes__", 0, 0)?;
            Ok(me.clone())
        });
    }
    unaries!(
        vm,
        T::ByteArray,
        ["__len__", "__iter__", "__repr__", "__str__", "__sizeof__"]
    );
    items!(
        vm,
        T::ByteArray,
        ["__getitem__", "__setitem__", "__delitem__", "__contains__"]
    );
    seq_ops!(
        vm,
        T::ByteArray,
        ["__add__", "__mul__", "__rmul__", "__mod__", "__rmod__", "__iadd__", "__imul__"]
    );
    comparisons!(vm, T::ByteArray);
    unaries!(
        vm,
        T::MemoryView,
        ["__len__", "__iter__", "__hash__", "__repr__"]
    );
    items!(
        vm,
        T::MemoryView,
        ["__getitem__", "__setitem__", "__delitem__"]
    );
    comparisons!(vm, T::MemoryView);

    // Containers.
    unaries!(
        vm,
        T::List,
        [
            "__len__",
            "__iter__",
            "__reversed__",
            "__repr__",
            "__sizeof__"
        ]
    );
    items!(
        vm,
        T::List,
        ["__getitem__", "__setitem__", "__delitem__", "__contains__"]
    );
    seq_ops!(
        vm,
        T::List,
        ["__add__", "__mul__", "__rmul__", "__iadd__", "__imul__"]
    );
    comparisons!(vm, T::List);
    unaries!(
        vm,
        T::Tuple,
        [
            "__len__",
            "__iter__",
            "__hash__",
            "__repr__",
            "__getnewargs__",
            "__sizeof__"
        ]
    );
    items!(vm, T::Tuple, ["__getitem__", "__contains__"]);
    seq_ops!(vm, T::Tuple, ["__add__", "__mul__", "__rmul__"]);
    comparisons!(vm, T::Tuple);
    unaries!(
        vm,
        T::Dict,
        [
            "__len__",
            "__iter__",
            "__reversed__",
            "__repr__",
            "__sizeof__"
        ]
    );
    items!(
        vm,
        T::Dict,
        ["__getitem__", "__setitem__", "__delitem__", "__contains__"]
    );
    coll_ops!(vm, T::Dict, true, [Or]);
    comparisons!(vm, T::Dict);
    unaries!(
        vm,
        T::Set,
        ["__len__", "__iter__", "__repr__", "__sizeof__"]
    );
    items!(vm, T::Set, ["__contains__"]);
    coll_ops!(vm, T::Set, true, [Or, And, Sub, Xor]);
    comparisons!(vm, T::Set);
    unaries!(
        vm,
        T::FrozenSet,
        ["__len__", "__iter__", "__hash__", "__repr__", "__sizeof__"]
    );
    items!(vm, T::FrozenSet, ["__contains__"]);
    coll_ops!(vm, T::FrozenSet, false, [Or, And, Sub, Xor]);
    comparisons!(vm, T::FrozenSet);
    unaries!(
        vm,
        T::Range,
        [
            "__len__",
            "__iter__",
            "__reversed__",
            "__hash__",
            "__repr__",
            "__bool__"
        ]
    );
    items!(vm, T::Range, ["__getitem__", "__contains__"]);
    comparisons!(vm, T::Range);
    unaries!(vm, T::NoneType, ["__bool__", "__repr__", "__hash__"]);
    comparisons!(vm, T::NoneType);

    for t in [T::Keys, T::Values, T::Items] {
        let ty = t.type_obj(vm);
        match t {
            T::Keys => {
                unaries!(
                    vm,
                    T::Keys,
                    ["__len__", "__iter__", "__reversed__", "__repr__"]
                );
                items!(vm, T::Keys, ["__contains__"]);
                coll_ops!(vm, T::Keys, false, [Or, And, Sub, Xor]);
                comparisons!(vm, T::Keys);
            }
            T::Values => {
                unaries!(
                    vm,
                    T::Values,
                    ["__len__", "__iter__", "__reversed__", "__repr__"]
                );
            }
            _ => {
                unaries!(
                    vm,
                    T::Items,
                    ["__len__", "__iter__", "__reversed__", "__repr__"]
                );
                items!(vm, T::Items, ["__contains__"]);
                coll_ops!(vm, T::Items, false, [Or, And, Sub, Xor]);
                comparisons!(vm, T::Items);
            }
        }
        if t != T::Values {
            set_in(&ty, "__hash__", Value::None);
        }
    }

    // Mutable containers are unhashable: `list.__hash__ is None`.
    for t in [T::List, T::Dict, T::Set, T::ByteArray] {
        let ty = t.type_obj(vm);
        set_in(&ty, "__hash__", Value::None);
    }

    // The builtin iterators: `it.__next__()`, `iter(it) is it`.
    let iters: Vec<ObjRef> = {
        let t = &vm.types;
        vec![
            t.enumerate.clone(),
            t.zip.clone(),
            t.map.clone(),
            t.filter.clone(),
            t.reversed.clone(),
            t.list_iter.clone(),
            t.tuple_iter.clone(),
            t.range_iter.clone(),
            t.str_iter.clone(),
            t.dict_keyiter.clone(),
            t.dict_valueiter.clone(),
            t.dict_itemiter.clone(),
            t.set_iter.clone(),
            t.callable_iter.clone(),
            t.bytes_iter.clone(),
            t.bytearray_iter.clone(),
            t.memory_iter.clone(),
        ]
    };
    for ty in iters {
        method(&ty, "__next__", iter_next);
        method(&ty, "__iter__", iter_self);
    }
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(it) = args
        .first()
        .filter(|v| matches!(v.as_obj(), Some(Object::Iter(_))))
    else {
        return Err(type_error("descriptor '__next__' needs an iterator"));
    };
    let it = it.clone();
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => Err(PyErr::bare(ExcKind::StopIteration)),
    }
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(v) => Ok(v.clone()),
        None => Err(type_error("descriptor '__iter__' needs an argument")),
    }
}
