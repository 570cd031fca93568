//! Typed indices, value types and constants of the trace IR.
//!
//! References are dense `u32`s, LuaJIT style: instructions count up from 0 in the instruction buffer,
//! constants live in a separate interned pool and are told apart by the top bit. So "is this operand a
//! constant" is one bit test, constants dominate every instruction, and interning makes `k == k'` a
//! reference comparison (which CSE relies on).

use std::fmt;

/// A reference to an IR value: an instruction result or an interned constant.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IrRef(u32);

const CONST_BIT: u32 = 1 << 31;

impl IrRef {
    /// "No value": used for empty operand fields and unresolved forward references.
    pub const NONE: IrRef = IrRef(u32::MAX);

    /// The reference to instruction number `i`.
    pub fn inst(i: usize) -> IrRef {
        debug_assert!((i as u64) < CONST_BIT as u64);
        IrRef(i as u32)
    }
    /// The reference to constant number `i` of the pool.
    pub fn konst(i: usize) -> IrRef {
        debug_assert!((i as u64) < (CONST_BIT - 1) as u64);
        IrRef(i as u32 | CONST_BIT)
    }
    /// Is this a constant?
    pub fn is_const(self) -> bool {
        self != IrRef::NONE && self.0 & CONST_BIT != 0
    }
    /// Is this an instruction result?
    pub fn is_inst(self) -> bool {
        self.0 & CONST_BIT == 0
    }
    /// Index into the instruction buffer or the constant pool (whichever applies).
    pub fn index(self) -> usize {
        (self.0 & !CONST_BIT) as usize
    }
    /// The raw encoding, as stored in an instruction's operand field.
    pub fn raw(self) -> u32 {
        self.0
    }
    /// Inverse of [`IrRef::raw`].
    pub fn from_raw(raw: u32) -> IrRef {
        IrRef(raw)
    }
}

impl fmt::Debug for IrRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == IrRef::NONE {
            write!(f, "%none")
        } else if self.is_const() {
            write!(f, "k{}", self.index())
        } else {
            write!(f, "%{}", self.index())
        }
    }
}

/// Index of a snapshot in `Trace::snaps`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct SnapId(pub u32);

impl SnapId {
    /// "No snapshot": the `snap` field of instructions that cannot exit.
    pub const NONE: SnapId = SnapId(u32::MAX);
    /// Is this a real snapshot?
    pub fn is_some(self) -> bool {
        self != SnapId::NONE
    }
    /// Index into `Trace::snaps`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Index of a helper name in `Trace::helpers`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct HelperId(pub u32);

/// A trace-local exit number: the n-th instruction that can leave the trace, in buffer order. The
/// backend turns it into a global exit id by adding the trace's exit base.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct ExitId(pub u32);

/// Types of IR values. `Void` is the "type" of instructions without a result.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[repr(u8)]
pub enum Type {
    /// No result.
    Void,
    /// Python `None`: a unit type, every value of it is the same.
    None,
    /// A bool (0 or 1).
    Bool,
    /// A 64-bit signed int (Python int that fits).
    Int,
    /// A 64-bit IEEE float.
    Float,
    /// A Python int that needs more than 64 bits but fits 128 (an unboxed bigint, e.g. an accumulator
    /// that outgrew i64). Never in a slot as such: an exit boxes it (`Int` or a bigint object).
    Wide,
    /// A Python object pointer: can be written back to a slot as `Value::Obj`.
    Obj,
    /// A raw pointer (into list storage, a field array...): never a Python value, never in a snapshot.
    Ptr,
    /// The interpreter's internal "unbound" marker (`Value::Undef`: an unassigned local, a popped slot,
    /// the "no self" marker below a plain callable). Only ever a constant: snapshots use it so that an
    /// exit restores exactly the slots the interpreter would have emptied.
    Undef,
}

impl Type {
    /// Every type, for parsers and tests.
    pub const ALL: [Type; 9] = [
        Type::Void,
        Type::None,
        Type::Bool,
        Type::Int,
        Type::Float,
        Type::Wide,
        Type::Obj,
        Type::Ptr,
        Type::Undef,
    ];

    /// The name used in IR text.
    pub fn name(self) -> &'static str {
        match self {
            Type::Void => "void",
            Type::None => "none",
            Type::Bool => "bool",
            Type::Int => "int",
            Type::Float => "float",
            Type::Wide => "wide",
            Type::Obj => "obj",
            Type::Ptr => "ptr",
            Type::Undef => "undef",
        }
    }
    /// Inverse of [`Type::name`].
    pub fn from_name(s: &str) -> Option<Type> {
        Type::ALL.iter().copied().find(|t| t.name() == s)
    }
    /// The `Value` tag a value of this type has in a slot, if it can live in one.
    pub fn tag(self) -> Option<u8> {
        use crate::abi::*;
        match self {
            Type::None => Some(TAG_NONE),
            Type::Bool => Some(TAG_BOOL),
            Type::Int => Some(TAG_INT),
            Type::Float => Some(TAG_FLOAT),
            Type::Obj => Some(TAG_OBJ),
            Type::Undef => Some(TAG_UNDEF),
            Type::Void | Type::Ptr | Type::Wide => None,
        }
    }
    /// An address usable as the base of a memory access.
    pub fn is_addr(self) -> bool {
        matches!(self, Type::Obj | Type::Ptr)
    }
    /// A Python value type: may appear in a snapshot and in a slot.
    pub fn is_value(self) -> bool {
        self.tag().is_some() || self == Type::Wide
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An interned constant. Floats are kept as bits so that interning is exact (`-0.0` and `0.0` differ,
/// a NaN equals itself).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Const {
    /// `None`.
    None,
    /// A bool.
    Bool(bool),
    /// An int.
    Int(i64),
    /// The bits of a float.
    Float(u64),
    /// An object pointer (a class, a function, an interned string...).
    Obj(u64),
    /// A raw pointer.
    Ptr(u64),
    /// The interpreter's unbound marker (see [`Type::Undef`]).
    Undef,
}

impl Const {
    /// A float constant.
    pub fn float(v: f64) -> Const {
        Const::Float(v.to_bits())
    }
    /// The type of this constant.
    pub fn ty(self) -> Type {
        match self {
            Const::None => Type::None,
            Const::Bool(_) => Type::Bool,
            Const::Int(_) => Type::Int,
            Const::Float(_) => Type::Float,
            Const::Obj(_) => Type::Obj,
            Const::Ptr(_) => Type::Ptr,
            Const::Undef => Type::Undef,
        }
    }
    /// The 64-bit payload as written into a slot (bools as 0/1, None as 0).
    pub fn payload(self) -> u64 {
        match self {
            Const::None | Const::Undef => 0,
            Const::Bool(b) => b as u64,
            Const::Int(i) => i as u64,
            Const::Float(bits) | Const::Obj(bits) | Const::Ptr(bits) => bits,
        }
    }
}

impl fmt::Display for Const {
    /// The IR text form: `none`, `true`, `-3`, `1.5`, `obj@0x10`, `ptr@0x10`. Floats always print with a
    /// `.`, an exponent or a name so they never read back as ints; NaNs print their bits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Const::None => f.write_str("none"),
            Const::Undef => f.write_str("undef"),
            Const::Bool(b) => write!(f, "{b}"),
            Const::Int(i) => write!(f, "{i}"),
            Const::Float(bits) => {
                let v = f64::from_bits(bits);
                if v.is_nan() {
                    write!(f, "nan@{bits:#x}")
                } else if v.is_infinite() {
                    f.write_str(if v > 0.0 { "inf" } else { "-inf" })
                } else {
                    // `{:?}` is the shortest text that reads back to the same bits, and always has a `.`
                    // or an exponent.
                    write!(f, "{v:?}")
                }
            }
            Const::Obj(p) => write!(f, "obj@{p:#x}"),
            Const::Ptr(p) => write!(f, "ptr@{p:#x}"),
        }
    }
}
