//! Why a recording stops without a trace: every reason is declared once here, with its message
//! (LuaJIT's `lj_traceerr.h`). `--jit-stats` groups aborts by `Abort::name()` and source line; the JIT
//! log prints `Abort::message()`.
//!
//! Adding a reason: add a row (`Name { field: Type, .. } => "format with {field}"`) and return it.

macro_rules! aborts {
    ($( $(#[doc = $doc:literal])* $name:ident $({ $($f:ident : $t:ty),* })? => $fmt:literal; )*) => {
        /// A reason to abort a recording. See the table in `record/abort.rs`.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Abort {
            $( $(#[doc = $doc])* $name $({ $($f: $t),* })?, )*
        }

        impl Abort {
            /// The reason's name (for grouping in statistics).
            pub fn name(&self) -> &'static str {
                match self { $( Abort::$name { .. } => stringify!($name), )* }
            }
            /// A human-readable message.
            #[allow(unused_variables)]
            pub fn message(&self) -> String {
                match self { $( Abort::$name $({ $($f),* })? => format!($fmt $($(, $f = $f)*)?), )* }
            }
        }
    };
}

aborts! {
    /// A bytecode (or a case of one) the recorder does not handle yet.
    Nyi { what: String } => "NYI: {what}";
    /// The concrete operand's type differs from the type the trace computed for it (e.g. an int add
    /// overflowed into a bigint while recording): the recorded path leaves through a guard.
    TypeMismatch { slot: u32 } => "slot {slot}: value type differs from the recorded type";
    /// An operand is the interpreter's unbound marker (UnboundLocalError ahead).
    Unbound { slot: u32 } => "slot {slot} is unbound";
    /// The interpreter did not continue where the recorder expected (an exception was raised, or
    /// control left the frames being recorded).
    UnexpectedFlow { pc: u32 } => "control flow left the recording at pc {pc}";
    /// The loop exited during the recorded iteration of a root trace.
    LoopExit => "the loop exited while recording";
    /// A backward jump to a loop header that has no trace yet, inside the recorded loop.
    InnerLoop { pc: u32 } => "inner loop at pc {pc} (it gets its own trace)";
    /// A loop inside an inlined call.
    LoopInCall => "loop inside an inlined call";
    /// Return from the frame the trace started in.
    ReturnFromRoot => "return from the trace's root frame";
    /// Calls nested deeper than the inlining limit (e.g. recursion).
    InlineDepth => "call nesting exceeds the inlining limit";
    /// A call of a function that already has two frames in the recording: recursion would be unrolled
    /// into one long trace specialised to one recursion shape (a merge sort's side traces did that).
    Recursion => "recursive call (a function already twice in the recording)";
    /// The call cannot be inlined (keywords, *args, defaults, closures, generators).
    CallShape { why: &'static str } => "cannot inline this call: {why}";
    /// A value the trace keeps virtual (a `range`, a tuple built and unpacked at once, a slice) would have
    /// to exist in the interpreter (in a snapshot, or used as an object).
    VirtualEscapes => "a virtual range, tuple or slice would escape";
    /// The recorded trace is too long.
    TooLong => "trace too long";
    /// The trace stores into a namespace whose globals it had already read as constants: recorded
    /// again, reading that namespace's entries in place from the start (see `record/globals.rs`).
    GlobalStore { name: String } => "store to global '{name}' of a namespace read as constants";
    /// A global name is not defined (NameError ahead).
    UndefinedGlobal { name: String } => "global '{name}' is not defined";
    /// The optimiser or backend refused the trace.
    Compile { msg: String } => "compile error: {msg}";
    /// Too many side traces already hang off this root trace.
    TooManySides => "too many side traces";
}
