//! The `Value` type: what every slot of every frame holds.
//!
//! Layout is fixed (`#[repr(C, u8)]`): a tag byte at offset 0 and a 64-bit payload at offset 8, so that
//! native code reads a type with one byte load and a payload with one 8-byte load. `None`, `bool`, small
//! `int` (i64) and `float` are inline and never allocate; everything else is an `ObjRef`, a reference-counted
//! pointer to an `Object`. An `int` that leaves i64 is an `Object::Int(BigInt)`; arithmetic normalises back
//! to `Value::Int` whenever the result fits (see `int_from_big`), so Python sees one `int` type and the fast
//! path stays inline.

use crate::object::{ObjRef, Object};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::rc::Rc;

#[repr(C, u8)]
#[derive(Default)]
pub enum Value {
    #[default]
    None = 0,
    Bool(bool) = 1,
    Int(i64) = 2,
    Float(f64) = 3,
    Obj(ObjRef) = 4,
    /// Internal marker, never visible to Python: an unassigned local, an empty cell, the "no self" slot
    /// below a plain callable (see `Op::LoadMethod`).
    Undef = 5,
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        // Field-wise, never as one 16-byte load: a slot is usually read right after it was written as
        // a tag byte plus an 8-byte payload, and a wider load of narrower recent stores cannot be
        // store-forwarded (a stall of ~10+ cycles per access on x86).
        match self {
            Value::Obj(o) => Value::Obj(o.clone()),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Undef => Value::Undef,
        }
    }
}

/// Move the value out of `*p`, leaving `Undef`, reading field by field (see `Clone`).
///
/// # Safety
/// `p` must point to a valid, initialised `Value` that nothing else borrows.
#[inline(always)]
pub unsafe fn take_value(p: *mut Value) -> Value {
    // SAFETY: the caller guarantees `p` is a valid Value; reading its fields through the enum and then
    // overwriting the slot without dropping transfers ownership of any Rc exactly once.
    unsafe {
        let v = match &*p {
            Value::Obj(o) => Value::Obj(std::ptr::read(o)),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Undef => Value::Undef,
        };
        std::ptr::write(p, Value::Undef);
        v
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{}", i),
            Value::Float(x) => write!(f, "{}", crate::numfmt::float_repr(*x)),
            Value::Obj(_) => write!(f, "{}", crate::repr::const_repr(self)),
            Value::Undef => write!(f, "<undef>"),
        }
    }
}

/// Tag values and offsets as native code sees them; the JIT mirrors these (jit/src/abi.rs).
pub const TAG_NONE: u8 = 0;
pub const TAG_BOOL: u8 = 1;
pub const TAG_INT: u8 = 2;
pub const TAG_FLOAT: u8 = 3;
pub const TAG_OBJ: u8 = 4;
pub const TAG_UNDEF: u8 = 5;
pub const VALUE_SIZE: usize = 16;
pub const PAYLOAD_OFFSET: usize = 8;

const _: () = assert!(std::mem::size_of::<Value>() == VALUE_SIZE);

impl Value {
    #[inline]
    pub fn obj(o: Object) -> Value {
        let rc = Rc::new(o);
        crate::gc::track(&rc);
        Value::Obj(rc)
    }

    #[inline]
    pub fn tag(&self) -> u8 {
        match self {
            Value::None => TAG_NONE,
            Value::Bool(_) => TAG_BOOL,
            Value::Int(_) => TAG_INT,
            Value::Float(_) => TAG_FLOAT,
            Value::Obj(_) => TAG_OBJ,
            Value::Undef => TAG_UNDEF,
        }
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    #[inline]
    pub fn as_obj(&self) -> Option<&Object> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// Python `is`: identity for objects, value equality for the inline kinds (CPython caches small ints and
    /// the singletons, and programs only rely on `is` for those).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => {
                Rc::ptr_eq(a, b)
                    // `...`/NotImplemented constants may be separate allocations of one singleton.
                    || matches!((&**a, &**b), (Object::Singleton(x), Object::Singleton(y)) if x == y)
            }
            _ => false,
        }
    }

    pub fn str(s: &str) -> Value {
        Value::obj(Object::Str(crate::object::PyStr::new(s)))
    }

    pub fn from_string(s: String) -> Value {
        Value::obj(Object::Str(crate::object::PyStr::from_string(s)))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Obj(o) => match &**o {
                Object::Str(s) => Some(s.as_str()),
                // A str subclass's instance is a str.
                Object::Instance(i) => i.base.as_ref().and_then(|b| b.as_str()),
                _ => None,
            },
            _ => None,
        }
    }

    /// Exact `int` (bool counts as int, as in Python) as an i64 when it fits.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            Value::Obj(o) => match &**o {
                Object::Int(b) => b.to_i64(),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn is_int_like(&self) -> bool {
        match self {
            Value::Int(_) | Value::Bool(_) => true,
            Value::Obj(o) => match &**o {
                Object::Int(_) => true,
                Object::Instance(i) => i.base.as_ref().is_some_and(|b| b.is_int_like()),
                _ => false,
            },
            _ => false,
        }
    }

    /// Any int (or bool) as a BigInt.
    pub fn to_bigint(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            Value::Obj(o) => match &**o {
                Object::Int(b) => Some(b.clone()),
                Object::Instance(i) => i.base.as_ref().and_then(|b| b.to_bigint()),
                _ => None,
            },
            _ => None,
        }
    }

    /// Address identity for `id()`: objects by pointer, inline values by a stable encoding.
    pub fn identity(&self) -> i64 {
        match self {
            Value::Obj(o) => Rc::as_ptr(o) as *const u8 as usize as i64,
            Value::None => 0x1000,
            Value::Bool(b) => 0x2000 + *b as i64,
            Value::Int(i) => i.wrapping_mul(16).wrapping_add(0x7000_0000_0000_0001),
            Value::Float(f) => (f.to_bits() as i64) | 3,
            Value::Undef => 0,
        }
    }
}

/// Normalise a BigInt result: inline when it fits in i64.
#[inline]
pub fn int_from_big(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::obj(Object::Int(b)),
    }
}
