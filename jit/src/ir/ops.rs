//! The IR op table: every op is declared exactly once, here.
//!
//! One row gives the op's enum name, its text name, its operand kinds, its result type and its flags,
//! with a doc comment. The enum, the printer, the parser, the verifier's type rules and the optimiser's
//! CSE/DCE/hoisting decisions are all derived from these rows, so adding an op is: add a row, then fix
//! every exhaustive `match` the compiler points at (fold, bounds, backend).
//!
//! Operand kinds (each uses one of the instruction's three operand fields, except `Args`, which uses two):
//! - `I`, `F`, `B`: a reference of type int, float, bool.
//! - `P`: a reference usable as an address (`obj` or `ptr`).
//! - `A`: a reference of any value type; `S`: a reference of the same type as operand 0.
//! - `Slot`: an interpreter slot number relative to the trace's base pointer: an `i32` (two's complement
//!   in the field), negative for the slots of a caller the trace has returned into.
//! - `Off`: a signed byte offset (supplied by the recorder from the object layouts).
//! - `Ty`: a type immediate (the type a `guard_tag` checks for).
//! - `Hp`: a helper (an index into `Trace::helpers`); `Args`: the helper's argument list.
//!
//! Result: a fixed type, `Dyn` (the type written after the name, `sload.int`, chosen per instruction) or
//! `Same` (the type of operand 0, for `phi`).
//!
//! Flags:
//! - `GUARD`: may leave the trace through its snapshot. Never dead-code eliminated.
//! - `PURE`: result depends only on the operands, no memory effects: CSE-able, hoistable, and removable
//!   when unused (unless also `GUARD`).
//! - `COMM`: commutative (CSE and folding canonicalise operand order).
//! - `LOAD`: reads memory: CSE-able only while no `STORE`/`CALL` intervenes.
//! - `STORE`, `CALL`: write memory / call out; never moved, never removed.
//! - `SNAP`: carries a snapshot without being a guard (`jump`, `exit`).
//! - `CTRL`: shapes control flow (`loop`, `phi`, `jump`, `exit`).

/// Operand kinds; see the module docs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Int reference.
    I,
    /// Float reference.
    F,
    /// Bool reference.
    B,
    /// Wide (128-bit int) reference.
    W,
    /// Address reference (`obj` or `ptr`).
    P,
    /// Any value reference.
    A,
    /// Reference of the same type as operand 0.
    S,
    /// Slot number.
    Slot,
    /// Byte offset.
    Off,
    /// Type immediate.
    Ty,
    /// Helper.
    Hp,
    /// Helper argument list (two fields: start and length in `Trace::args`).
    Args,
}

impl Kind {
    /// Is this operand a value reference?
    pub fn is_ref(self) -> bool {
        match self {
            Kind::I | Kind::F | Kind::B | Kind::W | Kind::P | Kind::A | Kind::S => true,
            Kind::Slot | Kind::Off | Kind::Ty | Kind::Hp | Kind::Args => false,
        }
    }
}

/// How an op's result type is determined.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Res {
    /// No result.
    Void,
    /// Always int.
    Int,
    /// Always float.
    Float,
    /// Always bool.
    Bool,
    /// Always a raw pointer.
    Ptr,
    /// Always a wide int.
    Wide,
    /// Always an object.
    Obj,
    /// Written after the op name (`load.float`); stored in `Inst::ty`.
    Dyn,
    /// The type of operand 0.
    Same,
}

/// Op flags; see the module docs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Flags(pub u16);

impl Flags {
    /// May leave the trace.
    pub const GUARD: Flags = Flags(1);
    /// No side effects, result a function of the operands.
    pub const PURE: Flags = Flags(2);
    /// Commutative.
    pub const COMM: Flags = Flags(4);
    /// Reads memory.
    pub const LOAD: Flags = Flags(8);
    /// Writes memory.
    pub const STORE: Flags = Flags(16);
    /// Calls a helper with side effects.
    pub const CALL: Flags = Flags(32);
    /// Carries a snapshot without being a guard.
    pub const SNAP: Flags = Flags(64);
    /// Control structure.
    pub const CTRL: Flags = Flags(128);

    /// Are all flags of `other` set?
    pub fn has(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }
}

macro_rules! ir_ops {
    ($( $(#[doc = $doc:literal])* $name:ident $text:literal [$($kind:ident),*] -> $res:ident [$($flag:ident)|*]; )*) => {
        /// An IR opcode. See the table in `ir/ops.rs`.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        #[repr(u8)]
        pub enum Op {
            $( $(#[doc = $doc])* $name, )*
        }

        impl Op {
            /// Every op, in table order.
            pub const ALL: &'static [Op] = &[$(Op::$name),*];

            /// The name in IR text.
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => $text,)* }
            }
            /// Operand kinds, in order.
            pub fn operands(self) -> &'static [Kind] {
                match self { $(Op::$name => &[$(Kind::$kind),*],)* }
            }
            /// How the result type is determined.
            pub fn result(self) -> Res {
                match self { $(Op::$name => Res::$res,)* }
            }
            /// The op's flags.
            pub fn flags(self) -> Flags {
                match self { $(Op::$name => Flags(0 $(| Flags::$flag.0)*),)* }
            }
            /// The op's documentation (the table row's doc comment).
            pub fn doc(self) -> &'static str {
                match self { $(Op::$name => concat!($($doc),*),)* }
            }
        }
    };
}

ir_ops! {
    // ---- control structure -------------------------------------------------------------------------
    /// Loop header. Instructions before it are the peeled first iteration (run once), instructions after
    /// it are the loop body; the end of the buffer jumps back here.
    Loop "loop" [] -> Void [CTRL];
    /// Loop-carried value, only directly after `loop`: operand 0 on entry from the pre-loop part,
    /// operand 1 (defined later in the body) on the back edge.
    Phi "phi" [A, S] -> Same [CTRL];
    /// Unpeeled loop back edge, last instruction: write the snapshot back to the slots and restart the
    /// trace from the top (reloading slots). Used when loop optimisation is off or impossible.
    Jump "jump" [] -> Void [CTRL | SNAP];
    /// Unconditional exit, last instruction: write the snapshot back and return its exit id.
    Exit "exit" [] -> Void [CTRL | SNAP];

    // ---- slots -------------------------------------------------------------------------------------
    /// Load the payload of slot `k`, guarding that its tag is the result type.
    Sload "sload" [Slot] -> Dyn [GUARD | PURE];
    /// Load the payload of slot `k` whose type is already known (e.g. from a parent trace's exit).
    SloadU "sload_u" [Slot] -> Dyn [PURE];

    // ---- ints --------------------------------------------------------------------------------------
    /// Wrapping add (the recorder proved no overflow).
    Add "add" [I, I] -> Int [PURE | COMM];
    /// Wrapping subtract.
    Sub "sub" [I, I] -> Int [PURE];
    /// Wrapping multiply.
    Mul "mul" [I, I] -> Int [PURE | COMM];
    /// Add, exits on i64 overflow (the interpreter then makes a bigint).
    AddOv "add_ov" [I, I] -> Int [GUARD | PURE | COMM];
    /// Subtract, exits on overflow.
    SubOv "sub_ov" [I, I] -> Int [GUARD | PURE];
    /// Multiply, exits on overflow.
    MulOv "mul_ov" [I, I] -> Int [GUARD | PURE | COMM];
    /// Negate, exits on `-i64::MIN`.
    NegOv "neg_ov" [I] -> Int [GUARD | PURE];
    /// Python `//` (rounds toward -inf); exits on a zero divisor and on `i64::MIN // -1`.
    FloorDiv "floordiv" [I, I] -> Int [GUARD | PURE];
    /// Python `%` (result has the divisor's sign); exits on a zero divisor.
    Mod "mod" [I, I] -> Int [GUARD | PURE];
    /// Bitwise and.
    BAnd "band" [I, I] -> Int [PURE | COMM];
    /// Bitwise or.
    BOr "bor" [I, I] -> Int [PURE | COMM];
    /// Bitwise xor.
    BXor "bxor" [I, I] -> Int [PURE | COMM];
    /// Python `<<`; exits on a negative or too large count and when bits would be lost.
    Shl "shl" [I, I] -> Int [GUARD | PURE];
    /// Python `>>` (arithmetic); exits on a negative count, counts over 63 act as 63.
    Shr "shr" [I, I] -> Int [GUARD | PURE];
    /// Int `<`.
    Lt "lt" [I, I] -> Bool [PURE];
    /// Int `<=`.
    Le "le" [I, I] -> Bool [PURE];
    /// Int `>`.
    Gt "gt" [I, I] -> Bool [PURE];
    /// Int `>=`.
    Ge "ge" [I, I] -> Bool [PURE];
    /// Equality of ints, bools, `None`s, or identity of objects/pointers.
    Eq "eq" [A, S] -> Bool [PURE | COMM];
    /// Negation of `eq`.
    Ne "ne" [A, S] -> Bool [PURE | COMM];

    // ---- floats ------------------------------------------------------------------------------------
    /// Float add.
    FAdd "fadd" [F, F] -> Float [PURE | COMM];
    /// Float subtract.
    FSub "fsub" [F, F] -> Float [PURE];
    /// Float multiply.
    FMul "fmul" [F, F] -> Float [PURE | COMM];
    /// Float divide; exits on a zero divisor (Python raises ZeroDivisionError).
    FDiv "fdiv" [F, F] -> Float [GUARD | PURE];
    /// Python float `//`; exits on a zero divisor.
    FFloorDiv "ffloordiv" [F, F] -> Float [GUARD | PURE];
    /// Python float `%` (sign of the divisor); exits on a zero divisor.
    FMod "fmod" [F, F] -> Float [GUARD | PURE];
    /// Float negate.
    FNeg "fneg" [F] -> Float [PURE];
    /// Float absolute value.
    FAbs "fabs" [F] -> Float [PURE];
    /// IEEE square root (a NaN for negative inputs: the recorder guards if Python would raise).
    FSqrt "fsqrt" [F] -> Float [PURE];
    /// Round toward -inf.
    FFloor "ffloor" [F] -> Float [PURE];
    /// Round toward +inf.
    FCeil "fceil" [F] -> Float [PURE];
    /// Round toward zero.
    FTrunc "ftrunc" [F] -> Float [PURE];
    /// Float `<` (false if either is NaN, as in Python).
    FLt "flt" [F, F] -> Bool [PURE];
    /// Float `<=`.
    FLe "fle" [F, F] -> Bool [PURE];
    /// Float `>`.
    FGt "fgt" [F, F] -> Bool [PURE];
    /// Float `>=`.
    FGe "fge" [F, F] -> Bool [PURE];
    /// Float `==`.
    FEq "feq" [F, F] -> Bool [PURE | COMM];
    /// Float `!=` (true if either is NaN).
    FNe "fne" [F, F] -> Bool [PURE | COMM];
    /// Int to float (`float(i)`, rounding to nearest as CPython does).
    IToF "i2f" [I] -> Float [PURE];
    /// Float to int, truncating (`int(x)`); exits if the value is NaN, infinite or outside i64.
    FToI "f2i" [F] -> Int [GUARD | PURE];

    // ---- wide ints (Python ints between 64 and 128 bits, unboxed) ----------------------------------
    /// The value of a bigint object that fits 128 bits; exits if the object is not such a bigint.
    WUnbox "wunbox" [P] -> Wide [GUARD | PURE];
    /// Int to wide (sign extension).
    IToW "i2w" [I] -> Wide [PURE];
    /// Exact product of two ints (never overflows 128 bits).
    WMul "wmul" [I, I] -> Wide [PURE | COMM];
    /// Wide add, exits on 128-bit overflow (the interpreter then adds the bigints).
    WAddOv "wadd_ov" [W, W] -> Wide [GUARD | PURE | COMM];
    /// Wide subtract, exits on 128-bit overflow.
    WSubOv "wsub_ov" [W, W] -> Wide [GUARD | PURE];
    /// A wide int as a Python object (an int or a new bigint, kept alive by the run's nursery); exits
    /// when the nursery is full.
    WBox "wbox" [W] -> Obj [GUARD | CALL];

    // ---- bools -------------------------------------------------------------------------------------
    /// Logical not.
    Not "not" [B] -> Bool [PURE];
    /// Bool to int (0 or 1).
    BToI "b2i" [B] -> Int [PURE];

    // ---- guards ------------------------------------------------------------------------------------
    /// Exit unless the operand is true.
    GuardTrue "guard_true" [B] -> Void [GUARD | PURE];
    /// Exit unless the operand is false.
    GuardFalse "guard_false" [B] -> Void [GUARD | PURE];
    /// Exit unless the operands are equal (identity, shape, class version, int value).
    GuardEq "guard_eq" [A, S] -> Void [GUARD | PURE];
    /// Exit if the operands are equal.
    GuardNe "guard_ne" [A, S] -> Void [GUARD | PURE];
    /// Exit unless the `Value` at address+offset has the tag of the given type.
    GuardTag "guard_tag" [P, Off, Ty] -> Void [GUARD | LOAD];
    /// Exit if the interpreter has a pending request (Ctrl-C, a deadline: `pvm_interp::interrupt`).
    /// Emitted once at the start of every recording, so every trace checks at its entry and, once
    /// peeled, at the top of every iteration. Neither pure nor a load: never CSEd, hoisted or removed.
    GuardIntr "guard_intr" [] -> Void [GUARD];

    // ---- memory ------------------------------------------------------------------------------------
    /// Load a field at address+offset (bools are one byte, everything else eight).
    Load "load" [P, Off] -> Dyn [LOAD];
    /// Store operand 2 at address+offset. Raw: no reference counting.
    Store "store" [P, Off, A] -> Void [STORE];
    /// Address arithmetic: pointer + byte offset.
    PAdd "padd" [P, I] -> Ptr [PURE];
    /// A sunk allocation (`opt/sink.rs`): an instance of the class operand 0 that native code never
    /// makes. No code; an exit whose snapshot names it materialises it (`backend/exits.rs`).
    Snew "snew" [P] -> Obj [];
    /// What a raw `store` of operand 2 at byte offset `Off` into the member slots of the sunk
    /// allocation operand 0 was. No code; replayed into the object an exit materialises.
    Sstore "sstore" [P, Off, A] -> Void [STORE];

    // ---- helper calls ------------------------------------------------------------------------------
    /// Call a helper with side effects.
    Call "call" [Hp, Args] -> Dyn [CALL];
    /// Call a pure helper (no side effects, result depends on arguments only): CSE-able, hoistable.
    CallPure "callp" [Hp, Args] -> Dyn [PURE];
    /// Call a helper that returns a status (0 = ok, anything else leaves the trace through the snapshot)
    /// and delivers its result through a trailing out-pointer argument.
    CallGuard "callg" [Hp, Args] -> Dyn [GUARD | CALL];
}

impl Op {
    /// Look an op up by its text name.
    pub fn from_name(s: &str) -> Option<Op> {
        Op::ALL.iter().copied().find(|op| op.name() == s)
    }
    /// May this instruction leave the trace (and so has an exit id)?
    pub fn is_exit(self) -> bool {
        self.flags().has(Flags::GUARD) || self == Op::Exit
    }
    /// Does this instruction carry a snapshot?
    pub fn has_snap(self) -> bool {
        self.flags().has(Flags::GUARD) || self.flags().has(Flags::SNAP)
    }
    /// The comparison that is true exactly when this int (or identity) comparison is false. Float
    /// comparisons have none (NaN makes both false).
    pub fn negated_compare(self) -> Option<Op> {
        match self {
            Op::Lt => Some(Op::Ge),
            Op::Le => Some(Op::Gt),
            Op::Gt => Some(Op::Le),
            Op::Ge => Some(Op::Lt),
            Op::Eq => Some(Op::Ne),
            Op::Ne => Some(Op::Eq),
            Op::Loop
            | Op::Phi
            | Op::Jump
            | Op::Exit
            | Op::Sload
            | Op::SloadU
            | Op::Add
            | Op::Sub
            | Op::Mul
            | Op::AddOv
            | Op::SubOv
            | Op::MulOv
            | Op::NegOv
            | Op::FloorDiv
            | Op::Mod
            | Op::BAnd
            | Op::BOr
            | Op::BXor
            | Op::Shl
            | Op::Shr
            | Op::FAdd
            | Op::FSub
            | Op::FMul
            | Op::FDiv
            | Op::FFloorDiv
            | Op::FMod
            | Op::FNeg
            | Op::FAbs
            | Op::FSqrt
            | Op::FFloor
            | Op::FCeil
            | Op::FTrunc
            | Op::FLt
            | Op::FLe
            | Op::FGt
            | Op::FGe
            | Op::FEq
            | Op::FNe
            | Op::IToF
            | Op::FToI
            | Op::Not
            | Op::BToI
            | Op::WUnbox
            | Op::IToW
            | Op::WMul
            | Op::WAddOv
            | Op::WSubOv
            | Op::WBox
            | Op::GuardTrue
            | Op::GuardFalse
            | Op::GuardEq
            | Op::GuardNe
            | Op::GuardTag
            | Op::GuardIntr
            | Op::Load
            | Op::Store
            | Op::PAdd
            | Op::Snew
            | Op::Sstore
            | Op::Call
            | Op::CallPure
            | Op::CallGuard => None,
        }
    }
    /// Number of raw operand fields used.
    pub fn fields(self) -> usize {
        self.operands()
            .iter()
            .map(|k| if *k == Kind::Args { 2 } else { 1 })
            .sum()
    }
}
