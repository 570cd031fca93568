//! The binary contract between traces and the interpreter.
//!
//! Everything here is mirrored by the interpreter, which `const_assert`s against these numbers. Changing
//! one is an ABI break: change both sides in one commit.
//!
//! ## Value layout
//! The interpreter's `Value` is `#[repr(C, u64)] enum Value { None = 0, Bool(bool) = 1, Int(i64) = 2,
//! Float(f64) = 3, Obj(ObjRef) = 4 }`: 16 bytes, tag word at offset 0 (its upper seven bytes are always
//! zero, so storing the tag byte into a slot that holds a valid value keeps it valid), payload at
//! offset 8 (an i64, the bits of an f64, a bool as the byte 0 or 1, or an object pointer). Native code
//! reads a tag with one byte load and a payload with one 8-byte load (one byte for bools).
//!
//! ## Trace entry
//! `extern "C" fn(slots: *mut Value, ctx: *mut u8) -> u32`. `slots` points at slot 0 of the frame whose
//! loop was traced; every slot a trace touches is `slots + k`. `ctx` is opaque and handed to helpers that
//! ask for it. The result is a *global* exit id (see `backend`), never anything else.
//!
//! ## Exit helpers
//! When an exit writes object references back into slots it calls two runtime helpers, looked up by
//! name in the helper table given to the backend (only if the trace needs them):
//! - [`HELPER_STORE_OBJ`] `store_obj(slot: *mut Value, ptr: u64)`: take a new reference to `ptr`,
//!   release the old contents of `*slot`, store `Obj(ptr)`. The exit only ever calls it on a slot it has
//!   just emptied (tag None), so in practice it is "increment and store".
//! - [`HELPER_DROP_VALUE`] `drop_value(v: *mut Value)`: release whatever `*v` owns and leave `None`.
//!   The exit moves the old contents of every slot that may hold an object into scratch space, writes
//!   all new values, and only then drops the old ones: a release can free an object that a later write
//!   still needs (`a, b = b, a` with objects), so all increments happen before any release.
//!
//! A slot the trace `sload`ed with a non-object type is known not to hold an object (the trace never
//! writes slots before it exits), so overwriting it needs no helper. Every slot of the frame array must
//! hold a valid, owned `Value` at all times (the interpreter writes `None` when it pops), because an exit
//! may release the old contents of any slot it writes.

/// Tag byte of `Value::None`.
pub const TAG_NONE: u8 = 0;
/// Tag byte of `Value::Bool`.
pub const TAG_BOOL: u8 = 1;
/// Tag byte of `Value::Int`.
pub const TAG_INT: u8 = 2;
/// Tag byte of `Value::Float`.
pub const TAG_FLOAT: u8 = 3;
/// Tag byte of `Value::Obj`.
pub const TAG_OBJ: u8 = 4;
/// Tag byte of `Value::Undef` (the interpreter's unbound marker; no payload).
pub const TAG_UNDEF: u8 = 5;
/// Size of one `Value` (one interpreter slot) in bytes.
pub const VALUE_SIZE: usize = 16;
/// Offset of the tag byte inside a `Value`.
pub const TAG_OFFSET: usize = 0;
/// Offset of the payload inside a `Value`.
pub const PAYLOAD_OFFSET: usize = 8;

/// Name of the helper the exit path uses to store an object reference into a slot.
pub const HELPER_STORE_OBJ: &str = "store_obj";
/// Name of the helper the exit path uses to release the old contents of a slot.
pub const HELPER_DROP_VALUE: &str = "drop_value";
/// Name of the helper the exit path uses to write a wide int into an emptied slot:
/// `store_wide(slot: *mut Value, lo: u64, hi: u64)` stores `Int` if it fits, else a new bigint.
pub const HELPER_STORE_WIDE: &str = "store_wide";
/// Name of the helper an exit uses to materialise a sunk allocation (`opt/sink.rs`):
/// `sink_new(cls: u64) -> u64`, a new instance of the class `cls` as `new_instance` makes it, returned
/// as an owned reference (the exit releases it with `drop_value` after the slots took theirs).
pub const HELPER_SINK_NEW: &str = "sink_new";
/// `sink_set(obj: u64, k: u64, tag: u64, payload: u64)`: member slot `k` of a materialised instance
/// becomes the value with that tag (None, bool, int or float) and payload bits.
pub const HELPER_SINK_SET: &str = "sink_set";
/// `wide_unbox(obj: u64, out: *mut [u64; 2]) -> u32`: 0 and the value (low, high words) if `obj` is a
/// bigint that fits 128 bits, non-zero otherwise. Used by `wunbox`.
pub const HELPER_WIDE_UNBOX: &str = "wide_unbox";
/// `wide_box(ctx, lo: u64, hi: u64) -> u64`: the value as a Python int object kept alive by the run
/// (0 when it cannot be kept: the trace exits). Used by `wbox`.
pub const HELPER_WIDE_BOX: &str = "wide_box";

/// The native entry of compiled traces (one shared trampoline): runs the trace body at `body` and
/// returns the global exit id it left by.
pub type TraceEntry = unsafe extern "C" fn(slots: *mut u8, ctx: *mut u8, body: usize) -> u32;

/// A stand-in for the interpreter's `Value` with the same layout, for tests and for code in this crate
/// that has to touch slots (the jit crate does not depend on the interpreter).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RawValue {
    /// One of the `TAG_*` constants.
    pub tag: u8,
    _pad: [u8; 7],
    /// Raw payload bits.
    pub payload: u64,
}

const _: () = assert!(std::mem::size_of::<RawValue>() == VALUE_SIZE);
const _: () = assert!(std::mem::offset_of!(RawValue, payload) == PAYLOAD_OFFSET);

impl RawValue {
    /// `None`.
    pub const NONE: RawValue = RawValue {
        tag: TAG_NONE,
        _pad: [0; 7],
        payload: 0,
    };

    /// An int slot.
    pub fn int(v: i64) -> RawValue {
        RawValue {
            tag: TAG_INT,
            _pad: [0; 7],
            payload: v as u64,
        }
    }
    /// A float slot.
    pub fn float(v: f64) -> RawValue {
        RawValue {
            tag: TAG_FLOAT,
            _pad: [0; 7],
            payload: v.to_bits(),
        }
    }
    /// A bool slot (payload byte 0 or 1).
    pub fn bool(v: bool) -> RawValue {
        RawValue {
            tag: TAG_BOOL,
            _pad: [0; 7],
            payload: v as u64,
        }
    }
    /// An object slot.
    pub fn obj(ptr: u64) -> RawValue {
        RawValue {
            tag: TAG_OBJ,
            _pad: [0; 7],
            payload: ptr,
        }
    }
    /// The payload as an int.
    pub fn as_int(&self) -> i64 {
        self.payload as i64
    }
    /// The payload as a float.
    pub fn as_float(&self) -> f64 {
        f64::from_bits(self.payload)
    }
    /// The payload as a bool (only the low byte is meaningful).
    pub fn as_bool(&self) -> bool {
        self.payload & 0xff != 0
    }
}
