//! pvm's stack bytecode.
//!
//! An instruction is one `u32`: opcode in the low 8 bits, argument in the high 24. Every opcode is declared
//! once in `opcodes!` below (name, stack effect as a function of the argument, whether the argument is a
//! jump target, doc); the enum, decoding, stack-depth computation and the disassembler all derive from it.
//! Jump arguments are absolute instruction indices.

pub const ARG_MAX: u32 = (1 << 24) - 1;

const _: () = {
    // Opcodes must be dense 0..=MAX for `Instr::op`'s transmute.
    let all = Op::ALL;
    let mut i = 0;
    while i < all.len() {
        assert!(all[i] as usize == i);
        i += 1;
    }
};

macro_rules! opcodes {
    ($( $(#[doc = $doc:literal])* $name:ident = $num:literal, effect: |$a:ident| $eff:expr, jump: $jump:literal; )*) => {
        #[repr(u8)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        pub enum Op { $( $(#[doc = $doc])* $name = $num, )* }

        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$name),*];
            /// The largest opcode; opcodes are dense from 0 (asserted below).
            pub const MAX: Op = { let all = Op::ALL; all[all.len() - 1] };

            #[inline]
            pub fn from_u8(b: u8) -> Option<Op> {
                match b { $( $num => Some(Op::$name), )* _ => None }
            }

            pub const fn name(self) -> &'static str {
                match self { $( Op::$name => stringify!($name), )* }
            }

            /// Net change of the value-stack depth when the instruction falls through.
            #[allow(unused_variables)]
            pub fn stack_effect(self, arg: u32) -> i32 {
                match self { $( Op::$name => { let $a = arg as i32; $eff } )* }
            }

            /// Whether the argument is an instruction index.
            pub const fn is_jump(self) -> bool {
                match self { $( Op::$name => $jump, )* }
            }

            pub fn doc(self) -> &'static str {
                match self { $( Op::$name => concat!($($doc),*), )* }
            }
        }
    };
}

opcodes! {
    /// Do nothing.
    Nop = 0, effect: |a| 0, jump: false;
    /// Discard TOS.
    PopTop = 1, effect: |a| -1, jump: false;
    /// Push a copy of the a-th item from the top (1 = TOS).
    Copy = 2, effect: |a| 1, jump: false;
    /// Swap TOS with the a-th item from the top (2 = the one below TOS).
    Swap = 3, effect: |a| 0, jump: false;
    /// Push consts[a].
    LoadConst = 4, effect: |a| 1, jump: false;
    /// Push local a; UnboundLocalError if unassigned.
    LoadFast = 5, effect: |a| 1, jump: false;
    /// Pop into local a.
    StoreFast = 6, effect: |a| -1, jump: false;
    /// Unbind local a.
    DeleteFast = 7, effect: |a| 0, jump: false;
    /// Push the contents of cell a (cells follow the locals; cellvars then freevars).
    LoadDeref = 8, effect: |a| 1, jump: false;
    /// Pop into cell a.
    StoreDeref = 9, effect: |a| -1, jump: false;
    /// Empty cell a.
    DeleteDeref = 10, effect: |a| 0, jump: false;
    /// Push the cell object a itself (to build a closure).
    LoadClosure = 11, effect: |a| 1, jump: false;
    /// Push global names[a] (then builtins).
    LoadGlobal = 12, effect: |a| 1, jump: false;
    /// Pop into global names[a].
    StoreGlobal = 13, effect: |a| -1, jump: false;
    /// Delete global names[a].
    DeleteGlobal = 14, effect: |a| 0, jump: false;
    /// Push names[a] from locals dict, globals, then builtins (module and class bodies).
    LoadName = 15, effect: |a| 1, jump: false;
    /// Pop into names[a] of the locals dict.
    StoreName = 16, effect: |a| -1, jump: false;
    /// Delete names[a] from the locals dict.
    DeleteName = 17, effect: |a| 0, jump: false;
    /// TOS = getattr(TOS, names[a]).
    LoadAttr = 18, effect: |a| 0, jump: false;
    /// TOS.names[a] = TOS1; pops both.
    StoreAttr = 19, effect: |a| -2, jump: false;
    /// del TOS.names[a].
    DeleteAttr = 20, effect: |a| -1, jump: false;
    /// Replace TOS (obj) by (method, obj) when names[a] is a plain method found on the type, else by
    /// (Undef, attribute): CallMethod then needs no bound-method object.
    LoadMethod = 21, effect: |a| 1, jump: false;
    /// TOS = TOS1[TOS].
    BinarySubscr = 22, effect: |a| -1, jump: false;
    /// TOS1[TOS] = TOS2; pops three.
    StoreSubscr = 23, effect: |a| -3, jump: false;
    /// del TOS1[TOS].
    DeleteSubscr = 24, effect: |a| -2, jump: false;
    /// Build slice(TOS1, TOS) (a=2) or slice(TOS2, TOS1, TOS) (a=3).
    BuildSlice = 25, effect: |a| 1 - a, jump: false;
    /// TOS = TOS1 <op a> TOS, op from `BinOp` (in-place forms included).
    BinaryOp = 26, effect: |a| -1, jump: false;
    /// TOS = -TOS.
    UnaryNegative = 27, effect: |a| 0, jump: false;
    /// TOS = +TOS.
    UnaryPositive = 28, effect: |a| 0, jump: false;
    /// TOS = not TOS.
    UnaryNot = 29, effect: |a| 0, jump: false;
    /// TOS = ~TOS.
    UnaryInvert = 30, effect: |a| 0, jump: false;
    /// TOS = TOS1 <cmp a> TOS, cmp from `CmpOp`.
    CompareOp = 31, effect: |a| -1, jump: false;
    /// TOS = TOS1 is TOS (a=1: is not).
    IsOp = 32, effect: |a| -1, jump: false;
    /// TOS = TOS1 in TOS (a=1: not in).
    ContainsOp = 33, effect: |a| -1, jump: false;
    /// Jump forward to a.
    Jump = 34, effect: |a| 0, jump: true;
    /// Jump back to a loop header at a: the profiling point of loops.
    JumpBackward = 35, effect: |a| 0, jump: true;
    /// Pop TOS; jump to a if false.
    PopJumpIfFalse = 36, effect: |a| -1, jump: true;
    /// Pop TOS; jump to a if true.
    PopJumpIfTrue = 37, effect: |a| -1, jump: true;
    /// If TOS is false jump to a keeping it, else pop it (`and`).
    JumpIfFalseOrPop = 38, effect: |a| -1, jump: true;
    /// If TOS is true jump to a keeping it, else pop it (`or`).
    JumpIfTrueOrPop = 39, effect: |a| -1, jump: true;
    /// TOS = iter(TOS); with a=1 (the argument of a comprehension) a range is passed through as is.
    GetIter = 40, effect: |a| 0, jump: false;
    /// Push next() of the loop state in the three slots below (see ForSetup); when exhausted pop those
    /// three and jump to a.
    ForIter = 41, effect: |a| 1, jump: true;
    /// Build a tuple of the top a items.
    BuildTuple = 42, effect: |a| 1 - a, jump: false;
    /// Build a list of the top a items.
    BuildList = 43, effect: |a| 1 - a, jump: false;
    /// Build a set of the top a items.
    BuildSet = 44, effect: |a| 1 - a, jump: false;
    /// Build a dict of the top 2a items (key, value pairs).
    BuildMap = 45, effect: |a| 1 - 2 * a, jump: false;
    /// Concatenate the top a strings.
    BuildString = 46, effect: |a| 1 - a, jump: false;
    /// Append TOS to the list a items down (after popping TOS).
    ListAppend = 47, effect: |a| -1, jump: false;
    /// Add TOS to the set a items down.
    SetAdd = 48, effect: |a| -1, jump: false;
    /// dict a items down [TOS1] = TOS.
    MapAdd = 49, effect: |a| -2, jump: false;
    /// list a items down .extend(TOS).
    ListExtend = 50, effect: |a| -1, jump: false;
    /// set a items down .update(TOS).
    SetUpdate = 51, effect: |a| -1, jump: false;
    /// dict a items down .update(TOS).
    DictUpdate = 52, effect: |a| -1, jump: false;
    /// Like DictUpdate but duplicate keys are a TypeError (for **kwargs in calls).
    DictMerge = 53, effect: |a| -1, jump: false;
    /// TOS = tuple(TOS) for a list.
    ListToTuple = 54, effect: |a| 0, jump: false;
    /// Format TOS for an f-string: a & 3 = conversion (0 none, 1 str, 2 repr, 3 ascii); a & 4 = a format
    /// spec is on the stack above the value.
    FormatValue = 55, effect: |a| if a & 4 != 0 { -1 } else { 0 }, jump: false;
    /// Unpack TOS into exactly a items, pushed so that the first is on top.
    UnpackSequence = 56, effect: |a| a - 1, jump: false;
    /// Unpack with a star: a & 0xff items before, a >> 8 after, the rest as a list.
    UnpackEx = 57, effect: |a| (a & 0xff) + (a >> 8), jump: false;
    /// Make a function from the code object on TOS; a flags what is below it: 1 defaults tuple,
    /// 2 kw-defaults dict, 4 annotations, 8 closure tuple.
    MakeFunction = 58, effect: |a| -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1)), jump: false;
    /// Call TOS-a with the a arguments above it.
    Call = 59, effect: |a| -a, jump: false;
    /// Call with keywords: TOS is a tuple of keyword names for the last len(names) of the a arguments.
    CallKw = 60, effect: |a| -a - 1, jump: false;
    /// Call after LoadMethod: below the a arguments are (method, self) or (Undef, callable).
    CallMethod = 61, effect: |a| -a - 1, jump: false;
    /// CallMethod with a keyword-names tuple on TOS.
    CallMethodKw = 62, effect: |a| -a - 2, jump: false;
    /// Call TOS2 (a=0: with args tuple TOS) / TOS2 with args tuple TOS1 and kwargs dict TOS (a=1).
    CallEx = 63, effect: |a| -1 - a, jump: false;
    /// Return TOS from the frame.
    ReturnValue = 64, effect: |a| -1, jump: false;
    /// raise (a=0: re-raise), raise TOS (a=1), raise TOS1 from TOS (a=2).
    RaiseVarargs = 65, effect: |a| -a, jump: false;
    /// Push AssertionError.
    LoadAssertionError = 66, effect: |a| 1, jump: false;
    /// Import module names[a]; TOS1 = level, TOS = fromlist.
    ImportName = 67, effect: |a| -1, jump: false;
    /// Push attribute names[a] of the module on TOS (keeping the module).
    ImportFrom = 68, effect: |a| 1, jump: false;
    /// from TOS import *: pops TOS.
    ImportStar = 69, effect: |a| -1, jump: false;
    /// Print repr of TOS (interactive mode) and pop it.
    PrintExpr = 70, effect: |a| -1, jump: false;
    /// Push the builtin `__build_class__`.
    LoadBuildClass = 71, effect: |a| 1, jump: false;
    /// Raise NotImplementedError naming the construct consts[a] (a feature not implemented yet).
    NotImplemented = 72, effect: |a| 0, jump: false;
    /// Push Undef (the "no self" marker below a plain callable, see LoadMethod).
    PushNull = 73, effect: |a| 1, jump: false;
    /// Superinstruction: LoadFast (a & 0xfff) then LoadFast (a >> 12).
    LoadFast2 = 74, effect: |a| 2, jump: false;
    /// Superinstruction: CompareOp (a >> 21) then PopJumpIfFalse to (a & 0x1fffff).
    CompareJumpIfFalse = 75, effect: |a| -2, jump: true;
    /// Replace TOS (an iterable) by a for-loop's three state slots: (cur, stop, step) as plain ints for a
    /// range — unboxed, so the interpreter and traces count without an iterator object —, (sequence,
    /// index, Undef) for an exact list or tuple (no iterator object either), else (iterator, Undef, Undef).
    ForSetup = 76, effect: |a| 2, jump: false;
    /// Entering an exception handler: TOS (the exception) becomes the exception being handled.
    PushExcInfo = 77, effect: |a| 0, jump: false;
    /// Leaving a handler: the previously handled exception is restored.
    PopExcept = 78, effect: |a| 0, jump: false;
    /// TOS = isinstance(TOS1, TOS) for an except clause (TOS: a class or tuple of classes).
    CheckExcMatch = 79, effect: |a| 0, jump: false;
    /// Re-raise the exception on TOS, keeping its traceback.
    Reraise = 80, effect: |a| -1, jump: false;
    /// Suspend the generator, yielding TOS; on resumption the sent value is pushed. a=1: an async
    /// generator's `yield` (a value for its consumer, not one an `await` passes through).
    YieldValue = 81, effect: |a| 0, jump: false;
    /// TOS = iter(TOS) for `yield from` (a generator stays itself).
    GetYieldFromIter = 82, effect: |a| 0, jump: false;
    /// `yield from` step: send TOS into the iterator TOS1; if it yields, replace TOS by the yielded value;
    /// if it returns, pop both, push the return value and jump to a.
    Send = 83, effect: |a| 0, jump: true;
    /// `with`: TOS (the context manager) becomes its bound `__exit__`, and `__enter__()` is pushed
    /// (a=1: `async with`, `__aexit__` and `__aenter__()`, whose result is then awaited).
    BeforeWith = 84, effect: |a| 1, jump: false;
    /// Leaving a `with` body normally: pop `__exit__` and call it with (None, None, None); a=1 (`async
    /// with`): push the result (to be awaited).
    WithExitNormal = 85, effect: |a| if a == 1 { 0 } else { -1 }, jump: false;
    /// In a `with` handler: TOS is the exception, TOS1 `__exit__`: push whether `__exit__(type, exc, tb)`
    /// is true (a=1: push the result itself, to be awaited first).
    WithExceptStart = 86, effect: |a| 1, jump: false;
    /// `match`: push whether TOS is a mapping (a dict or dict subclass).
    MatchMapping = 87, effect: |a| 1, jump: false;
    /// `match`: push whether TOS is a sequence (list, tuple, range and subclasses; not str/bytes/bytearray).
    MatchSequence = 88, effect: |a| 1, jump: false;
    /// Push len(TOS), keeping TOS.
    GetLen = 89, effect: |a| 1, jump: false;
    /// `match`: TOS is a tuple of keys, TOS1 the mapping subject: push the tuple of their values (looked up
    /// with the subject's `get`), or None if a key is missing.
    MatchKeys = 90, effect: |a| 1, jump: false;
    /// `match`: TOS2 subject, TOS1 class, TOS a tuple of keyword attribute names: replace the three by the
    /// tuple of a positional (via `__match_args__`) then keyword attributes, or None if no match.
    MatchClass = 91, effect: |a| -2, jump: false;
    /// `await`: TOS = the iterator to delegate to (a coroutine itself, else `__await__()`); a says where
    /// (0 an await expression, 1 `__aenter__`, 2 `__aexit__`) for the error message.
    GetAwaitable = 92, effect: |a| 0, jump: false;
    /// `async for`: TOS = `type(TOS).__aiter__(TOS)`.
    GetAIter = 93, effect: |a| 0, jump: false;
    /// `async for`: push the awaitable of the next item (`__anext__()` of the async iterator on TOS).
    GetANext = 94, effect: |a| 1, jump: false;
    /// Handler ending an `async for`: TOS is the exception, TOS1 the async iterator; StopAsyncIteration
    /// pops both (the loop is over), anything else is re-raised.
    EndAsyncFor = 95, effect: |a| -2, jump: false;
    /// `except* T`: TOS is T, TOS1 the exception being handled (or None): replace them by (rest, match)
    /// when part of it matches (match becomes the handled exception), else by (exception, None).
    CheckEgMatch = 96, effect: |a| 0, jump: false;
    /// End of `try`/`except*`: TOS is the list of what the clauses raised plus the unhandled rest, TOS1 the
    /// exception caught: replace both by what to re-raise (None for nothing).
    PrepReraiseStar = 97, effect: |a| -1, jump: false;
}

/// Jump target of an instruction (CompareJumpIfFalse packs its comparison above the target).
#[inline]
pub fn jump_target(op: Op, arg: u32) -> u32 {
    if op == Op::CompareJumpIfFalse {
        arg & 0x1f_ffff
    } else {
        arg
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum BinOp {
    Add = 0,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

impl BinOp {
    pub const COUNT: u32 = 13;
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::MatMul,
    ];
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::MatMul => "@",
        }
    }
    /// (dunder, reflected dunder, in-place dunder)
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
    /// Decode a BinaryOp argument: (op, inplace).
    #[inline]
    pub fn decode(arg: u32) -> (BinOp, bool) {
        let inplace = arg >= Self::COUNT;
        let i = if inplace { arg - Self::COUNT } else { arg };
        (Self::ALL[(i % Self::COUNT) as usize], inplace)
    }
    pub fn encode(self, inplace: bool) -> u32 {
        self as u32 + if inplace { Self::COUNT } else { 0 }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub const ALL: [CmpOp; 6] = [
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Gt,
        CmpOp::Ge,
    ];
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
    /// The operator with operands swapped (a < b ⇔ b > a).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
    pub fn decode(arg: u32) -> CmpOp {
        Self::ALL[(arg % 6) as usize]
    }
}

/// One encoded instruction.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub struct Instr(u32);

impl Instr {
    #[inline]
    pub fn new(op: Op, arg: u32) -> Instr {
        debug_assert!(arg <= ARG_MAX);
        Instr((op as u32) | (arg << 8))
    }
    #[inline(always)]
    pub fn op(self) -> Op {
        let b = self.0 as u8;
        debug_assert!(b <= Op::MAX as u8);
        // SAFETY: `Op` is `repr(u8)` with dense discriminants 0..=Op::MAX (asserted at compile time
        // above). Every `Instr` is made by `Instr::new` from an `Op`, or by `Instr::decode`, which
        // rejects bytes above Op::MAX, so `b` is always a valid discriminant. Telling the compiler so
        // lets a `match` on the opcode jump through its table without a range check.
        unsafe {
            std::hint::assert_unchecked(b <= Op::MAX as u8);
            std::mem::transmute::<u8, Op>(b)
        }
    }
    /// Rebuild an instruction from its encoding (e.g. from a cache file), rejecting unknown opcodes.
    pub fn decode(word: u32) -> Option<Instr> {
        if (word as u8) <= Op::MAX as u8 {
            Some(Instr(word))
        } else {
            None
        }
    }
    #[inline]
    pub fn arg(self) -> u32 {
        self.0 >> 8
    }
    /// The encoded word (what `decode` takes back).
    #[inline]
    pub fn encoding(self) -> u32 {
        self.0
    }
}

impl std::fmt::Debug for Instr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.op().name(), self.arg())
    }
}
