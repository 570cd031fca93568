//! The `Value` type: what every slot of every frame holds.
//!
//! Layout is fixed (`#[repr(C, u64)]`): a tag word at offset 0 (the tag is its low byte, the rest is
//! zero) and a 64-bit payload at offset 8, so that native code reads a type with one byte load and a
//! payload with one 8-byte load. `None`, `bool`, small
//! `int` (i64) and `float` are inline and never allocate; everything else is an `ObjRef`, a reference-counted
//! pointer to an `Object`. An `int` that leaves i64 is an `Object::Int(BigInt)`; arithmetic normalises back
//! to `Value::Int` whenever the result fits (see `int_from_big`), so Python sees one `int` type and the fast
//! path stays inline.

use crate::object::{ObjRef, Object};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::rc::Rc;

// The tag is a whole word (`u64`, not `u8`): with a byte tag, bytes 1..8 are padding that LLVM still
// copies, with two overlapping 4-byte moves whose reloads cannot be store-forwarded (measured: a
// fifth of the dispatch loop's time). Native code still reads the tag as one byte (little-endian),
// and every slot's upper tag bytes are zero.
#[repr(C, u64)]
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
        // Word-wise, never as one 16-byte load and never through a `match` (a jump table: an indirect
        // branch per copy): a slot is usually read right after it was written as two 8-byte stores,
        // and a wider load of narrower recent stores cannot be store-forwarded (a stall of ~10+ cycles
        // per access on x86).
        if let Value::Obj(o) = self {
            // SAFETY: `o` is a live `Rc`; the new reference is owned by the copy built below.
            unsafe { Rc::increment_strong_count(Rc::as_ptr(o)) };
        }
        // SAFETY: `self` is a valid Value; copying its two words verbatim (the payload as possibly
        // uninitialised bytes) gives a valid Value, and an object's reference was counted above.
        unsafe { copy_words(self) }
    }
}

/// A bitwise copy of `*v`, word by word (no reference counting).
///
/// # Safety
/// `v` must be a valid Value; the caller accounts for the object reference the copy holds, if any.
#[inline(always)]
unsafe fn copy_words(v: *const Value) -> Value {
    use std::mem::MaybeUninit;
    // SAFETY: `Value` is `repr(C, u64)`: word 0 is the (always initialised) tag, word 1 the payload,
    // which may be partly uninitialised (`Bool`, `None`), hence copied as `MaybeUninit`. The payload
    // read is volatile only so that LLVM cannot merge the two reads into one 16-byte load (which it
    // otherwise does, bringing back the store-forwarding stall described above).
    unsafe {
        let src = v as *const MaybeUninit<u64>;
        let mut out = MaybeUninit::<Value>::uninit();
        let dst = out.as_mut_ptr() as *mut MaybeUninit<u64>;
        dst.write(src.read());
        dst.add(1).write(src.add(1).read_volatile());
        out.assume_init()
    }
}

/// Move the value out of `*p`, leaving `Undef`, reading field by field (see `Clone`).
///
/// # Safety
/// `p` must point to a valid, initialised `Value` that nothing else borrows.
#[inline(always)]
pub unsafe fn take_value(p: *mut Value) -> Value {
    // SAFETY: the caller guarantees `p` is a valid Value that nothing else borrows; the copy takes over
    // its reference (if any) and the slot is overwritten without being dropped, so ownership moves
    // exactly once.
    unsafe {
        let v = copy_words(p);
        (p as *mut u64).write(TAG_UNDEF as u64);
        v
    }
}

/// Overwrite `*slot` with `v` (dropping the old value), reading both word by word (see `Clone`):
/// for values just returned by a call, whose words a plain move reloads 16 bytes wide.
#[inline(always)]
pub fn set_slot(slot: &mut Value, v: Value) {
    let v = std::mem::ManuallyDrop::new(v);
    // SAFETY: `slot` is a valid Value we own mutably; `v` is moved into it exactly once (the
    // `ManuallyDrop` is never dropped) and the old contents are moved out and dropped.
    unsafe {
        let p = slot as *mut Value;
        let old = copy_words(p);
        std::ptr::write(p, copy_words(&*v as *const Value));
        drop(old);
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

thread_local! {
    static CHARS: Box<[Value]> = (0..256u32)
        .map(|i| {
            let mut buf = [0u8; 4];
            let s = char::from_u32(i).expect("a latin-1 code point").encode_utf8(&mut buf);
            Value::obj(Object::Str(crate::object::PyStr::with_chars(s, 1)))
        })
        .collect();
}

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

    #[inline]
    pub fn str(s: &str) -> Value {
        if s.len() == 1 {
            return Value::char(s.as_bytes()[0] as char);
        }
        Value::obj(Object::Str(crate::object::PyStr::new(s)))
    }

    #[inline]
    pub fn from_string(s: String) -> Value {
        if s.len() == 1 {
            return Value::char(s.as_bytes()[0] as char);
        }
        Value::obj(Object::Str(crate::object::PyStr::from_string(s)))
    }

    /// A string whose code point count the caller knows (`chars` must be exact): substrings of an ASCII
    /// string, joins of counted parts.
    #[inline]
    pub fn str_chars(s: &str, chars: usize) -> Value {
        if s.len() == 1 {
            return Value::char(s.as_bytes()[0] as char);
        }
        Value::obj(Object::Str(crate::object::PyStr::with_chars(s, chars)))
    }

    /// `from_string` for a string whose code point count the caller knows (`chars` must be exact).
    #[inline]
    pub fn from_string_chars(s: String, chars: usize) -> Value {
        if s.len() <= crate::object::INLINE_STR {
            return Value::str_chars(&s, chars);
        }
        Value::obj(Object::Str(crate::object::PyStr::from_string_chars(
            s, chars,
        )))
    }

    /// The one-character string `c`. Those of the first 256 code points are shared, made once per thread
    /// (as CPython's latin-1 singletons), so iterating over or indexing a string allocates nothing.
    #[inline]
    pub fn char(c: char) -> Value {
        let i = c as usize;
        if i < 256 {
            return CHARS.with(|t| t[i].clone());
        }
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf);
        Value::obj(Object::Str(crate::object::PyStr::with_chars(s, 1)))
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
        // Not `Value::obj`: an int is no container (nothing for the cycle collector to track), and
        // building the object right in its allocation here avoids copying it from a temporary (a
        // 16-byte reload of narrower stores that cannot be store-forwarded).
        None => Value::Obj(Rc::new(Object::Int(b))),
    }
}
