//! The recorder: bytecode → trace IR, one instruction at a time, while the interpreter runs it.
//!
//! ## Model (LuaJIT's `lj_record.c`)
//! When a loop gets hot the driver sets `vm.recording`; the interpreter then calls
//! [`Recorder::record`] *before* executing each instruction, with the frame state saved. The recorder
//! reads the concrete operands from `vm.stack`, picks a specialisation from their types and values, and
//! emits IR plus the guards that make the specialisation safe: value tags (`sload`), branch directions
//! (`guard_true`), callee identities, dict versions. It never computes results: the interpreter executes
//! the instruction right after, and the recorder only checks, at the next instruction, that the
//! interpreter went where it expected (otherwise an exception or an unexpected path: abort).
//!
//! ## The slot map
//! `slots[k]` says what interpreter slot `base + k` holds, relative to the base of the frame the trace
//! starts in: `None` = still its value at trace entry (loaded lazily with a guarded `sload`),
//! `Val(r)` = the IR value `r`, `Undef` = the interpreter's unbound marker, `Range` = a `range` object
//! the trace keeps *virtual* (never allocated: `ForSetup` turns it into three int slots). Inlined callee
//! frames live above the caller's slots in the same map, exactly as in `vm.stack`.
//!
//! ## Snapshots
//! Each instruction that may exit gets a snapshot of the state *before* it, with `pc` = that
//! instruction, so the interpreter re-executes it after an exit (an overflowing add is redone with
//! bigints, a failing index raises IndexError). A snapshot lists every slot below the innermost `sp`
//! that differs from its entry value, plus `Undef` for slots that were live at entry and are dead now.
//! Its `frames` data is `[sp, popped, inline ids...]`: the innermost frame's stack depth (relative to
//! the base, signed), how many real frames have returned (see below), and, outer to inner, the inlined
//! calls to rebuild (`InlineInfo`).
//!
//! ## Returning below the start
//! A side trace may return from the real frame it runs in (e.g. a function whose loop has a trace
//! returns to the loop that called it): `caller_is` guards the caller frame's code and resume pc and
//! the callee in its result slot, the caller's slots are addressed below the base (negative slot
//! numbers), and `popped` counts the frames an exit must pop. Native code never changes `vm.frames`, so
//! when such a trace calls the function again (inlined, at the same base) and reaches the loop header
//! of the trace it came from, it links back only after `frames_are` has checked that the old frame
//! record is exactly the frame the call would have pushed. Rule for handlers: read operands and emit every guard first,
//! then write the results into the slot map (the snapshot of the instruction is taken lazily and cached,
//! so it must not see half-updated slots).
//!
//! ## Handlers
//! `record` is one exhaustive `match` over the opcodes; each group has its own file (`stack.rs`,
//! `arith.rs`, `iter.rs`, `containers.rs`, `globals.rs`, `calls.rs`) and each case documents itself as
//! "guards + typed op". Anything else is `Abort::Nyi`.

pub mod abort;
mod arith;
mod attrs;
mod calls;
mod containers;
mod dunders;
mod functions;
mod generators;
mod globals;
mod iter;
mod seq;
mod stack;
mod vmops;

use crate::vmops::What;
pub use abort::Abort;

use crate::backend::exits::{Inherited, InheritedSrc};
use crate::ir::{Const, IrRef, Op, SnapEntry, SnapId, Snapshot, Type};
use crate::opt::Emitter;
use pvm_interp::bytecode::Op as Bc;
use pvm_interp::code::Code;
use pvm_interp::object::{BuiltinFn, ObjRef, Object};
use pvm_interp::value::Value;
use pvm_interp::vm::Vm;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Result of recording one step.
pub type RResult<T = ()> = Result<T, Abort>;

/// Limits of one recording.
pub const MAX_BYTECODES: usize = 1500;
/// The same for a side trace: it connects an exit to a loop header and should be short; a long one is
/// usually recursion or a call tree unrolled into a single path, which compiles slowly and rarely
/// matches again.
pub const MAX_SIDE_BYTECODES: usize = 400;
/// Maximum IR instructions before `TooLong`.
pub const MAX_IR: usize = 6000;
/// Maximum depth of inlined calls.
pub const MAX_INLINE_DEPTH: usize = 6;

/// What a slot holds, as far as the trace knows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Sv {
    /// An IR value (its type is the Python type).
    Val(IrRef),
    /// The interpreter's unbound marker.
    Undef,
    /// A virtual `range(start, stop, step)` (never allocated).
    Range {
        start: IrRef,
        stop: IrRef,
        step: IrRef,
    },
    /// A virtual tuple (`Recorder::vtuples[i]`), e.g. the right side of `a[i], a[j] = a[j], a[i]`.
    Tuple(u32),
    /// A virtual `slice(start, stop)` (`IrRef::NONE` for a missing bound); `snap` is the state before the
    /// `BuildSlice`, where an exit of the subscript using it resumes (the interpreter rebuilds it).
    Slice {
        start: IrRef,
        stop: IrRef,
        snap: SnapId,
    },
}

/// An inlined call, as an exit rebuilds it. Slots are relative to the trace's base.
#[derive(Clone)]
pub struct InlineInfo {
    /// The callee's code.
    pub code: Rc<Code>,
    /// The function object.
    pub func: ObjRef,
    /// Its globals.
    pub globals: ObjRef,
    /// The callee frame's base.
    pub base: i32,
    /// Where the caller receives the result.
    pub ret_slot: i32,
    /// Where the caller resumes after the call.
    pub caller_pc: u32,
    /// The caller's saved stack top during the call.
    pub caller_sp: i32,
    /// The function is the value in `ret_slot` (the callable's slot), not `func`: a call inlined under
    /// a code guard (`calls.rs`), where each run may call another function of the same code. `func` is
    /// then the one seen while recording.
    pub func_in_ret: bool,
    /// A generator frame the trace resumed (`record/generators.rs`): the exit takes the generator
    /// object from `ret_slot` and gives it the frame (as `Vm::gen_enter_inline` leaves it).
    pub gen: bool,
}

/// A frame of the recorder's frame stack (index 0: the trace's root frame).
struct RFrame {
    code: Rc<Code>,
    /// Base relative to the trace base.
    base: i32,
    /// Index into `Recorder::inlines` (None for the real frame at the bottom).
    inline: Option<u32>,
    /// For a frame the interpreter runs on behalf of one instruction, in a nested dispatch loop
    /// (`__init__` of a class call, an operator's dunder): what its return means.
    special: Option<Special>,
}

/// A frame whose return is not a plain call's return (see `RFrame::special`). Every exit while one is
/// active redoes the instruction that started the outermost of them (`Recorder::redo`).
#[derive(Clone, Copy)]
struct Special {
    /// What the returned value becomes.
    kind: SpecialRet,
    /// Absolute slot receiving the instruction's result.
    result: usize,
    /// Where the caller resumes.
    resume_pc: u32,
}

/// See [`Special`].
#[derive(Clone, Copy)]
enum SpecialRet {
    /// `cls(args)` = `new_instance` + `__init__(obj, args)`: returns None; the result is `obj`.
    Init(IrRef),
    /// A binary operator's or comparison's dunder: the result, which must not be NotImplemented (the
    /// interpreter would then try the reflected operand).
    Operator,
    /// The comparison dunder of a `CompareJumpIfFalse`: its result's truth decides the branch to
    /// `target` (taken when false).
    CompareJump {
        /// The branch target.
        target: u32,
    },
}

/// A builtin whose semantics the recorder knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// `len(x)`.
    Len,
    /// `abs(x)`.
    Abs,
    /// `min(a, b)`.
    Min,
    /// `max(a, b)`.
    Max,
    /// `range(...)`.
    Range,
    /// `int(x)`.
    Int,
    /// `float(x)`.
    Float,
    /// `math.sqrt`.
    Sqrt,
    /// `math.fabs`.
    Fabs,
    /// `math.floor`.
    Floor,
    /// `math.ceil`.
    Ceil,
    /// `math.trunc`.
    Trunc,
    /// Another one-argument `math` function, called as helper `math.<name>`.
    MathFn(&'static str),
    /// `list.append`.
    ListAppend,
    /// `list.pop()` (no index).
    ListPop,
    /// `enumerate(seq)` of a list or tuple.
    Enumerate,
    /// `isinstance(x, C)` with a class `C`.
    IsInstance,
    /// `type(x)`.
    Type,
    /// `ord(c)` of a str.
    Ord,
    /// `d.get(k)` / `d.get(k, default)` of an exact dict.
    DictGet,
}

/// Builtins by identity: builtin functions by (function pointer, name), types by object address.
#[derive(Default)]
pub struct KnownTable {
    /// `Builtin` objects: (fn address, name) → meaning.
    pub fns: HashMap<(usize, &'static str), Known>,
    /// Type objects by address → meaning.
    pub types: HashMap<usize, Known>,
    /// The `list` type (for method lookups guarded on its version).
    pub list_type: Option<ObjRef>,
    /// Where lists and tuples keep their elements (None: use helpers).
    pub layout: Option<crate::runtime::SeqLayout>,
    /// Builtins a `vmops` helper may call, by (fn address, name) (see `record/vmops.rs`).
    pub effects: HashMap<(usize, &'static str), crate::vmops::Effect>,
    /// Builtin types a `vmops` helper may call, by address.
    pub type_effects: HashMap<usize, crate::vmops::Effect>,
    /// `set.add` (for `SetAdd` in set comprehensions).
    pub set_add: Option<Value>,
    /// The address of the runtime's argument buffer for `vmops` helpers (0: none; set by the driver).
    pub scratch: u64,
}

impl KnownTable {
    /// Collect the known builtins from a fresh interpreter state.
    pub fn new(vm: &mut Vm) -> KnownTable {
        let mut k = KnownTable::default();
        let mut add_fn = |v: &Value, what: Known| {
            if let Some(Object::Builtin(b)) = v.as_obj() {
                k.fns.insert((b.f as usize, b.name), what);
            }
        };
        for (name, what) in [
            ("len", Known::Len),
            ("abs", Known::Abs),
            ("min", Known::Min),
            ("max", Known::Max),
            ("isinstance", Known::IsInstance),
            ("ord", Known::Ord),
        ] {
            if let Some(v) = vm.dict_get_str_quiet(&vm.builtins.clone(), name) {
                add_fn(&v, what);
            }
        }
        if let Some(Value::Obj(m)) = pvm_interp::builtins::modules::create(vm, "math") {
            if let Object::Module(m) = &*m {
                for (name, what) in [
                    ("sqrt", Known::Sqrt),
                    ("fabs", Known::Fabs),
                    ("floor", Known::Floor),
                    ("ceil", Known::Ceil),
                    ("trunc", Known::Trunc),
                ] {
                    if let Some(v) = vm.dict_get_str_quiet(&m.dict, name) {
                        add_fn(&v, what);
                    }
                }
                for &name in crate::runtime::MATH_FNS {
                    if let Some(v) = vm.dict_get_str_quiet(&m.dict, name) {
                        add_fn(&v, Known::MathFn(name));
                    }
                }
            }
        }
        if let Some(v) = vm.type_lookup(&vm.types.list.clone(), &Value::str("append")) {
            add_fn(&v, Known::ListAppend);
        }
        if let Some(v) = vm.type_lookup(&vm.types.list.clone(), &Value::str("pop")) {
            add_fn(&v, Known::ListPop);
        }
        if let Some(v) = vm.type_lookup(&vm.types.dict.clone(), &Value::str("get")) {
            add_fn(&v, Known::DictGet);
        }
        let t = &vm.types;
        for (ty, what) in [
            (&t.range, Known::Range),
            (&t.int, Known::Int),
            (&t.float, Known::Float),
            (&t.enumerate, Known::Enumerate),
            (&t.type_, Known::Type),
        ] {
            k.types.insert(Rc::as_ptr(ty) as *const u8 as usize, what);
        }
        k.list_type = Some(vm.types.list.clone());
        k.layout = crate::runtime::probe_layout();
        k.add_vmops(vm);
        k
    }

    /// The meaning of a callable value, if known.
    pub fn lookup(&self, v: &Value) -> Option<Known> {
        match v.as_obj()? {
            Object::Builtin(b) if b.bound.is_none() => {
                let f: BuiltinFn = b.f;
                self.fns.get(&(f as usize, b.name)).copied()
            }
            Object::Type(_) => {
                let Value::Obj(o) = v else { return None };
                self.types
                    .get(&(Rc::as_ptr(o) as *const u8 as usize))
                    .copied()
            }
            _ => None,
        }
    }
}

/// What a side trace inherits from its parent's exit (see `Trace::inherits`).
pub struct Inheritance {
    /// The parent's exit buffer.
    pub buf: u64,
    /// The exit's slot writes.
    pub values: Vec<Inherited>,
    /// The parent's entry stack top (`Trace::undef_from`): the slots' memory is the parent's entry state.
    pub entry_sp: i32,
}

/// How a recording started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// A hot loop header.
    Root,
    /// A hot exit of trace `parent` (driver index), local exit `exit`.
    Side {
        /// The trace whose exit this is.
        parent: usize,
        /// Its local exit number.
        exit: u32,
    },
}

/// A conditional branch whose direction is known only at the next instruction.
struct Pending {
    /// The condition (a bool value), or None if it folded to a constant.
    cond: Option<IrRef>,
    /// The branch is taken when the condition equals this.
    jump_if: bool,
    /// Branch target and fall-through pcs.
    target: u32,
    fall: u32,
    snap: SnapId,
    /// For `Jump*OrPop`: the slot popped on fall-through.
    pop_on_fall: Option<usize>,
}

/// The recorder's state for one trace.
pub struct Recorder {
    /// The IR being built.
    pub em: Emitter,
    /// Root trace or side trace.
    pub start: Start,
    /// The root frame's code.
    pub code: Rc<Code>,
    /// Where the trace starts (the loop header for root traces).
    pub start_pc: u32,
    /// Absolute stack index of the root frame's slot 0.
    pub base: usize,
    /// Index of the root frame in `vm.frames`.
    pub depth: usize,
    /// Stack top (relative) at trace entry: slots at or above it hold `Undef`.
    pub entry_sp: i32,
    frames: Vec<RFrame>,
    /// The slot map; `slots[k]` is slot `k + lo` (relative to the base).
    slots: Vec<Option<Sv>>,
    lo: i32,
    /// Real frames the trace tree has returned from since its root trace was entered (their records
    /// are still in `vm.frames` while native code runs; an exit pops them).
    pub popped: u32,
    /// Inlined calls referenced by snapshots.
    pub inlines: Vec<InlineInfo>,
    /// Objects the trace refers to as constants (kept alive with the trace).
    pub keep: Vec<Value>,
    kept: HashSet<u64>,
    known: Rc<KnownTable>,
    /// `enumerate` objects the trace made (`new_enumerate`): a `for` loop may run over them.
    enums: HashSet<IrRef>,
    /// Objects already guarded to be a list or tuple.
    known_kind: HashMap<IrRef, seq::SeqKind>,
    /// Instances whose class is guarded (value: the class constant).
    known_class: HashMap<IrRef, IrRef>,
    /// Instances whose shape is known here (guarded, or set by `attr_add`; see `attrs.rs`).
    known_shape: HashMap<IrRef, u64>,
    /// Whether the type epoch is guarded (once per trace: see `attrs.rs`).
    epoch_guarded: bool,
    /// Inside a special frame (an inlined constructor or operator dunder, see `Special`): the snapshot
    /// of the instruction every exit redoes (see `calls.rs`, `dunders.rs`), and the number of frames
    /// below the outermost special frame.
    redo: Option<(SnapId, usize)>,
    /// Objects allocated by the trace since the outermost special frame began (the only ones it may
    /// change).
    fresh: HashSet<IrRef>,
    pending: Option<Pending>,
    expect: Option<(usize, u32)>,
    snap: Option<SnapId>,
    cur_pc: u32,
    /// Bytecodes recorded.
    pub nbc: usize,
    /// Bytecode listing for the JIT log (only filled when logging).
    pub listing: Option<Vec<String>>,
    /// Highest slot (relative) any frame of the trace may touch, plus one.
    pub stack_need: usize,
    /// Back edges of other loops passed, per (inlined call or None for the real frame, target): see
    /// `rec_jump_backward`.
    passes: HashMap<(Option<u32>, u32), u32>,
    /// Items of virtual tuples.
    vtuples: Vec<Vec<Sv>>,
    /// For each virtual tuple made by `BuildTuple`: the snapshot before it and the bytecode count
    /// then (see `Recorder::materialize_tuple`).
    vtuple_origin: Vec<Option<(SnapId, usize)>>,
    /// How the trace reads each namespace dict it uses, by address (see `globals.rs`).
    namespaces: HashMap<usize, globals::NsMode>,
    /// The namespace behind a `GlobalStore` abort.
    store_conflict: Option<usize>,
    /// The trace ended at another loop's header with an exit that hands over to that loop's trace
    /// (`Recorder::close_handover`).
    pub handover: bool,
    /// Instances the trace allocated (`new_instance`), by IR value: their class's address and what
    /// each member slot (`__slots__`) holds, as far as the trace wrote it: the IR value stored, the
    /// `Undef` constant (never set), or None (unknown: maybe written through another reference). See
    /// `attrs.rs`.
    fresh_members: HashMap<IrRef, (usize, Vec<Option<IrRef>>)>,
    /// Loop headers (code address, pc) the recording went past where it could have handed over
    /// (`close_handover`); if it aborts for being too long, the driver hands over there next time.
    pub passed_headers: Vec<(usize, u32)>,
    /// Call sites (code address, pc) that have called several functions of one code object: calls
    /// there are inlined under a code guard instead of the function's identity (see `calls.rs`).
    pub poly_calls: HashSet<(usize, u32)>,
    /// Functions the trace made (`MakeFunction`), by IR value (see `functions.rs`).
    made: HashMap<IrRef, functions::MadeFunc>,
    /// Generator frames the trace resumed, by inline id (see `generators.rs`).
    gens: HashMap<u32, generators::GenRec>,
}

fn ty_of(v: &Value) -> Option<Type> {
    match v {
        Value::None => Some(Type::None),
        Value::Bool(_) => Some(Type::Bool),
        Value::Int(_) => Some(Type::Int),
        Value::Float(_) => Some(Type::Float),
        Value::Obj(_) => Some(Type::Obj),
        Value::Undef => None,
    }
}

impl Recorder {
    /// Start recording a root trace at the loop header `pc` of the top frame.
    pub fn new_root(
        vm: &Vm,
        code: Rc<Code>,
        pc: usize,
        known: Rc<KnownTable>,
        log: bool,
    ) -> Recorder {
        let depth = vm.frames.len() - 1;
        let f = &vm.frames[depth];
        let base = f.base;
        let entry_sp = (f.sp - base) as i32;
        let stack_need = code.frame_size() + 1;
        let mut rec = Recorder {
            em: Emitter::default(),
            start: Start::Root,
            code: code.clone(),
            start_pc: pc as u32,
            base,
            depth,
            entry_sp,
            frames: vec![RFrame {
                code,
                base: 0,
                inline: None,
                special: None,
            }],
            slots: Vec::new(),
            lo: 0,
            popped: 0,
            inlines: Vec::new(),
            keep: Vec::new(),
            kept: HashSet::new(),
            known,
            enums: HashSet::new(),
            known_kind: HashMap::new(),
            known_class: HashMap::new(),
            known_shape: HashMap::new(),
            epoch_guarded: false,
            redo: None,
            fresh: HashSet::new(),
            pending: None,
            expect: Some((1, pc as u32)),
            snap: None,
            cur_pc: pc as u32,
            nbc: 0,
            listing: log.then(Vec::new),
            stack_need,
            passes: HashMap::new(),
            vtuples: Vec::new(),
            vtuple_origin: Vec::new(),
            namespaces: HashMap::new(),
            store_conflict: None,
            handover: false,
            passed_headers: Vec::new(),
            poly_calls: HashSet::default(),
            made: HashMap::default(),
            fresh_members: HashMap::new(),
            gens: HashMap::new(),
        };
        rec.scan_namespaces(vm);
        rec
    }

    /// Start recording a side trace at an exit that the driver has just restored: the top
    /// `inlines.len()` frames of `vm.frames` are the inlined calls, below them the real frame the exit
    /// resumed in; `popped` real frames of the tree's entry have returned; `base` is the tree's base.
    #[allow(clippy::too_many_arguments)]
    pub fn new_side(
        vm: &Vm,
        code: Rc<Code>,
        parent: usize,
        exit: u32,
        pc: u32,
        base: usize,
        popped: u32,
        inlines: Vec<InlineInfo>,
        inherit: Option<Inheritance>,
        known: Rc<KnownTable>,
        log: bool,
    ) -> Recorder {
        let depth = vm.frames.len() - 1 - inlines.len();
        let real = &vm.frames[depth];
        let top = vm.frames.last().map_or(base, |f| f.sp);
        let mut frames = vec![RFrame {
            code: real.code.clone(),
            base: real.base as i32 - base as i32,
            inline: None,
            special: None,
        }];
        let mut stack_need = code.frame_size() + 1;
        for (i, info) in inlines.iter().enumerate() {
            frames.push(RFrame {
                code: info.code.clone(),
                base: info.base,
                inline: Some(i as u32),
                special: None,
            });
            stack_need = stack_need.max((info.base.max(0) as usize) + info.code.frame_size() + 1);
        }
        let nframes = frames.len();
        let mut rec = Recorder {
            em: Emitter::default(),
            start: Start::Side { parent, exit },
            code,
            start_pc: pc,
            base,
            depth,
            entry_sp: top as i32 - base as i32,
            frames,
            slots: Vec::new(),
            lo: 0,
            popped,
            inlines,
            keep: Vec::new(),
            kept: HashSet::new(),
            known,
            enums: HashSet::new(),
            known_kind: HashMap::new(),
            known_class: HashMap::new(),
            known_shape: HashMap::new(),
            epoch_guarded: false,
            redo: None,
            fresh: HashSet::new(),
            pending: None,
            expect: Some((nframes, pc)),
            snap: None,
            cur_pc: pc,
            nbc: 0,
            listing: log.then(Vec::new),
            stack_need,
            passes: HashMap::new(),
            vtuples: Vec::new(),
            vtuple_origin: Vec::new(),
            namespaces: HashMap::new(),
            store_conflict: None,
            handover: false,
            passed_headers: Vec::new(),
            poly_calls: HashSet::default(),
            made: HashMap::default(),
            fresh_members: HashMap::new(),
            gens: HashMap::new(),
        };
        rec.scan_namespaces(vm);
        if let Some(inh) = inherit {
            rec.inherit(inh);
        }
        rec
    }

    /// Take over the parent exit's values (see `Trace::inherits`): load each from the parent's exit
    /// buffer, typed, and map its slot to it. This is the trace's first code, so the loads run before
    /// any helper call or exit could reuse that buffer. The slots' memory still holds what it held when
    /// the parent was entered, so that is this trace's entry state: `entry_sp` becomes the parent's.
    fn inherit(&mut self, inh: Inheritance) {
        let buf = self.em.konst(Const::Ptr(inh.buf));
        for w in &inh.values {
            let abs = (self.base as i64 + w.slot as i32 as i64) as usize;
            let v = match (w.ty, w.src) {
                (Type::Undef, _) => Sv::Undef,
                (_, InheritedSrc::Const(c)) => Sv::Val(self.em.konst(c)),
                (ty, InheritedSrc::Word(off)) => Sv::Val(self.em.load(ty, buf, off)),
            };
            self.set(abs, v);
        }
        self.entry_sp = inh.entry_sp;
        self.em.trace.inherits = true;
    }

    /// Is the interpreter in the trace's root frame (no inlined call active)?
    pub fn at_root_level(&self) -> bool {
        self.frames.len() == 1
    }

    /// Check that the interpreter is where the recorder expects it and settle a pending branch. Call this
    /// before anything else for each instruction.
    pub fn sync(&mut self, vm: &Vm, code: &Rc<Code>, pc: usize) -> RResult {
        let pc = pc as u32;
        let nframes = self.frames.len();
        let top = self.frames.last().map(|f| (Rc::as_ptr(&f.code), f.base));
        let ok_frames = vm.frames.len() == self.depth + nframes
            && top.is_some_and(|(c, b)| {
                c == Rc::as_ptr(code)
                    && vm.frames.last().map(|f| f.base as i64) == Some(self.base as i64 + b as i64)
            });
        if !ok_frames {
            return Err(Abort::UnexpectedFlow { pc });
        }
        if let Some(p) = self.pending.take() {
            let taken = if pc == p.target {
                true
            } else if pc == p.fall {
                false
            } else {
                return Err(Abort::UnexpectedFlow { pc });
            };
            if let Some(c) = p.cond {
                // Taken iff cond == jump_if.
                let op = if taken == p.jump_if {
                    Op::GuardTrue
                } else {
                    Op::GuardFalse
                };
                self.em.ins(op, &[c], p.snap);
            }
            if !taken {
                if let Some(s) = p.pop_on_fall {
                    self.set(s, Sv::Undef);
                }
            }
        } else if let Some((d, epc)) = self.expect {
            if d != nframes || epc != pc {
                return Err(Abort::UnexpectedFlow { pc });
            }
        }
        Ok(())
    }

    /// Record the instruction at `pc` of the top frame (state saved in `vm.frames.last()`).
    pub fn record(&mut self, vm: &mut Vm, code: &Rc<Code>, pc: usize) -> RResult {
        self.nbc += 1;
        let budget = if self.start == Start::Root {
            MAX_BYTECODES
        } else {
            MAX_SIDE_BYTECODES
        };
        if self.nbc > budget || self.em.trace.insts.len() > MAX_IR {
            return Err(Abort::TooLong);
        }
        self.snap = None;
        self.cur_pc = pc as u32;
        let ins = code.instrs[pc];
        let (op, arg) = (ins.op(), ins.arg());
        if let Some(l) = &mut self.listing {
            let indent = "  ".repeat(self.frames.len() - 1);
            l.push(format!(
                "{indent}{:<12} {:>5} {:>4}  {:<20} {}",
                short(&code.name),
                pc,
                code.line_of(pc),
                op.name(),
                arg
            ));
        }
        self.expect = Some((self.frames.len(), pc as u32 + 1));
        let sp = vm.frames.last().map_or(0, |f| f.sp);
        let fb = vm.frames.last().map_or(0, |f| f.base);
        let cx = Cx {
            pc: pc as u32,
            sp,
            fb,
            arg,
        };
        if self.nbc == 1 {
            // Every trace polls for Ctrl-C / deadlines at its entry (and its peeled copy, every
            // iteration), so no cycle of native code can run without passing a check.
            self.guard(vm, Op::GuardIntr, &[])?;
        }
        match op {
            Bc::Nop => Ok(()),
            Bc::PopTop => self.rec_pop_top(&cx),
            Bc::Copy => self.rec_copy(vm, &cx),
            Bc::Swap => self.rec_swap(vm, &cx),
            Bc::LoadConst => self.rec_load_const(code, &cx),
            Bc::LoadFast => self.rec_load_fast(vm, &cx, arg as usize),
            Bc::StoreFast => self.rec_store_fast(vm, &cx),
            Bc::LoadFast2 => self.rec_load_fast2(vm, &cx),
            Bc::PushNull => self.rec_push_null(&cx),
            Bc::LoadGlobal => self.rec_load_global(vm, code, &cx),
            Bc::StoreGlobal => self.rec_store_global(vm, code, &cx),
            Bc::ContainsOp => self.rec_contains_op(vm, &cx),
            Bc::LoadAttr => self.rec_load_attr(vm, code, &cx),
            Bc::LoadMethod => self.rec_load_method(vm, code, &cx),
            Bc::StoreAttr => self.rec_store_attr(vm, code, &cx),
            Bc::BinaryOp => self.rec_binary_op(vm, &cx),
            Bc::UnaryNegative => self.rec_unary_negative(vm, &cx),
            Bc::UnaryPositive => self.rec_unary_positive(vm, &cx),
            Bc::UnaryNot => self.rec_unary_not(vm, &cx),
            Bc::UnaryInvert => self.rec_unary_invert(vm, &cx),
            Bc::CompareOp => self.rec_compare_op(vm, &cx),
            Bc::CompareJumpIfFalse => self.rec_compare_jump(vm, &cx),
            Bc::IsOp => self.rec_is_op(vm, &cx),
            Bc::PopJumpIfFalse => self.rec_pop_jump(vm, &cx, false),
            Bc::PopJumpIfTrue => self.rec_pop_jump(vm, &cx, true),
            Bc::JumpIfFalseOrPop => self.rec_jump_or_pop(vm, &cx, false),
            Bc::JumpIfTrueOrPop => self.rec_jump_or_pop(vm, &cx, true),
            Bc::Jump => {
                self.expect = Some((self.frames.len(), arg));
                Ok(())
            }
            Bc::JumpBackward => self.rec_jump_backward(&cx),
            Bc::ForSetup => self.rec_for_setup(vm, &cx),
            Bc::ForIter => self.rec_for_iter(vm, &cx),
            Bc::UnpackSequence => self.rec_unpack_sequence(vm, &cx),
            Bc::BinarySubscr => self.rec_binary_subscr(vm, &cx),
            Bc::StoreSubscr => self.rec_store_subscr(vm, &cx),
            Bc::Call => self.rec_call(vm, &cx, false),
            Bc::CallMethod => self.rec_call(vm, &cx, true),
            Bc::ReturnValue if self.gen_frame().is_some() => self.rec_gen_return(vm, &cx),
            Bc::ReturnValue => self.rec_return(vm, &cx),
            Bc::YieldValue => self.rec_yield(vm, &cx),
            Bc::LoadDeref => self.rec_load_deref(vm, code, &cx),
            Bc::MakeFunction => self.rec_make_function(vm, code, &cx),
            Bc::StoreDeref => self.rec_store_deref(vm, code, &cx),
            Bc::LoadClosure => self.rec_load_closure(vm, code, &cx),
            Bc::ListAppend => self.rec_list_append(vm, &cx),
            Bc::BuildTuple => self.rec_build_tuple(vm, &cx),
            Bc::BuildList => self.rec_build_list(vm, &cx),
            Bc::BuildSlice => self.rec_build_slice(vm, &cx),
            Bc::FormatValue => self.rec_format_value(vm, &cx),
            Bc::BuildString => self.rec_build_string(vm, &cx),
            Bc::SetAdd => self.rec_set_add(vm, &cx),
            Bc::MapAdd => self.rec_map_add(vm, &cx),
            Bc::BuildSet => self.rec_build_display(vm, &cx, What::BuildSet, cx.arg as usize),
            Bc::BuildMap => self.rec_build_display(vm, &cx, What::BuildMap, 2 * cx.arg as usize),
            Bc::DeleteFast
            | Bc::DeleteDeref
            | Bc::DeleteGlobal
            | Bc::LoadName
            | Bc::StoreName
            | Bc::DeleteName
            | Bc::DeleteAttr
            | Bc::DeleteSubscr
            | Bc::GetIter
            | Bc::ListExtend
            | Bc::SetUpdate
            | Bc::DictUpdate
            | Bc::DictMerge
            | Bc::ListToTuple
            | Bc::UnpackEx
            | Bc::CallKw
            | Bc::CallMethodKw
            | Bc::CallEx
            | Bc::RaiseVarargs
            | Bc::LoadAssertionError
            | Bc::ImportName
            | Bc::ImportFrom
            | Bc::ImportStar
            | Bc::PrintExpr
            | Bc::LoadBuildClass
            | Bc::NotImplemented
            | Bc::PushExcInfo
            | Bc::PopExcept
            | Bc::CheckExcMatch
            | Bc::Reraise
            | Bc::GetYieldFromIter
            | Bc::Send
            | Bc::BeforeWith
            | Bc::WithExitNormal
            | Bc::WithExceptStart
            | Bc::MatchMapping
            | Bc::MatchSequence
            | Bc::GetLen
            | Bc::MatchKeys
            | Bc::MatchClass
            | Bc::GetAwaitable
            | Bc::GetAIter
            | Bc::GetANext
            | Bc::EndAsyncFor
            | Bc::CheckEgMatch
            | Bc::PrepReraiseStar => Err(nyi(op.name())),
        }
    }

    // ---- closing ------------------------------------------------------------------------------------

    /// Close a root trace's loop: the state at the header goes into the `jump` snapshot.
    pub fn close_loop(&mut self, vm: &Vm) -> RResult {
        self.snap = None;
        self.cur_pc = self.start_pc;
        let s = self.snapshot(vm)?;
        self.em.jump(s);
        Ok(())
    }

    /// Can the trace end here with an exit linked to a trace that starts at this pc of the current
    /// frame? The target runs on the same slots and restores its exits relative to the frame record on
    /// top of `vm.frames` when the tree was entered, so the current frame must be that frame: either the
    /// real frame itself (nothing returned, no inlined call active), or, after returning from it once,
    /// an inlined call at the same base (checked against the old record by `frames_are`).
    pub fn can_link_here(&self) -> bool {
        if self.in_gen_frame() {
            return false;
        }
        match (self.popped, self.frames.as_slice()) {
            (0, [f]) => f.base == 0,
            (1, [_, f]) => f.base == 0,
            _ => false,
        }
    }

    /// Can the trace end here with an exit that hands over to the trace of the loop whose header the
    /// interpreter is at (`close_handover`)? Not inside an inlined constructor or operator dunder: their
    /// exits redo the whole instruction, so the exit would not resume at the header.
    pub fn can_hand_over(&self) -> bool {
        self.redo.is_none() && !self.in_gen_frame()
    }

    /// End the trace at the header of a loop that has a trace in a frame the trace cannot link from (an
    /// inlined call, or a caller the trace returned into): an ordinary exit at the header, which writes
    /// the slots and makes the driver rebuild the frames, after which the driver enters the loop's trace
    /// from the top frame (`Driver::enter`). The loop's first iteration then runs native too.
    pub fn close_handover(&mut self, vm: &Vm, pc: u32) -> RResult {
        self.snap = None;
        self.cur_pc = pc;
        let s = self.snapshot(vm)?;
        self.em.exit(s);
        self.handover = true;
        Ok(())
    }

    /// End the trace with an exit at the current pc (to be linked to the trace starting there).
    pub fn close_exit(&mut self, vm: &Vm, pc: u32) -> RResult {
        self.snap = None;
        self.cur_pc = pc;
        if self.popped > 0 {
            let Some(info) = self
                .frames
                .last()
                .and_then(|f| f.inline)
                .map(|i| self.inlines[i as usize].clone())
            else {
                return Err(nyi("link after a return"));
            };
            if info.func_in_ret {
                return Err(nyi("link after a return from a call under a code guard"));
            }
            let args = [
                Rc::as_ptr(&info.code) as *const u8 as i64,
                Rc::as_ptr(&info.func) as *const u8 as i64,
                (info.ret_slot - info.base) as i64,
                info.caller_pc as i64,
                (info.caller_sp - info.base) as i64,
            ];
            let args: Vec<IrRef> = args.iter().map(|&a| self.em.kint(a)).collect();
            self.callg(vm, Type::Void, "frames_are", &args)?;
        }
        let s = self.snapshot(vm)?;
        self.em.exit(s);
        Ok(())
    }

    // ---- slots --------------------------------------------------------------------------------------

    /// A stack index relative to the trace base (negative in a caller the trace returned into).
    fn rel(&self, abs: usize) -> i32 {
        abs as i32 - self.base as i32
    }

    /// The slot number as the IR stores it.
    fn slot_no(&self, abs: usize) -> u32 {
        self.rel(abs) as u32
    }

    /// The slot map entry for a relative slot.
    fn state_at(&self, k: i32) -> Option<Sv> {
        let i = k - self.lo;
        if i < 0 {
            return None;
        }
        self.slots.get(i as usize).copied().flatten()
    }

    /// The slot map entry for an absolute stack index.
    fn slot_state(&self, abs: usize) -> Option<Sv> {
        self.state_at(self.rel(abs))
    }

    /// Set what an absolute stack slot holds.
    fn set(&mut self, abs: usize, v: Sv) {
        let k = self.rel(abs);
        if k < self.lo {
            let grow = (self.lo - k) as usize;
            self.slots.splice(0..0, std::iter::repeat_n(None, grow));
            self.lo = k;
        }
        let i = (k - self.lo) as usize;
        if self.slots.len() <= i {
            self.slots.resize(i + 1, None);
        }
        self.slots[i] = Some(v);
        if k >= 0 {
            self.stack_need = self.stack_need.max(k as usize + 1);
        }
    }

    /// What a slot holds, loading it (guarded by its current tag) if the trace has not touched it yet.
    fn sv(&mut self, vm: &Vm, abs: usize) -> RResult<Sv> {
        match self.sv_move(vm, abs)? {
            Sv::Val(r) if self.em.trace.ty(r) == Type::Wide => {
                // A wide int used as an object (anything but wide arithmetic or a move): box it here.
                let s = self.snapshot(vm)?;
                let b = self.em.ins(Op::WBox, &[r], s);
                self.set(abs, Sv::Val(b));
                Ok(Sv::Val(b))
            }
            v => Ok(v),
        }
    }

    /// What a slot holds, for instructions that only move values between slots: as [`Recorder::sv`],
    /// but a wide int stays unboxed.
    fn sv_move(&mut self, vm: &Vm, abs: usize) -> RResult<Sv> {
        match self.slot_state(abs) {
            Some(Sv::Val(r)) => {
                let want = ty_of(&vm.stack[abs]);
                if want == Some(Type::Obj) && self.em.trace.ty(r) == Type::Wide {
                    return Ok(Sv::Val(r));
                }
                if want != Some(self.em.trace.ty(r)) {
                    return Err(Abort::TypeMismatch {
                        slot: self.slot_no(abs),
                    });
                }
                Ok(Sv::Val(r))
            }
            Some(other) => Ok(other),
            None => {
                let k = self.slot_no(abs);
                let ty = ty_of(&vm.stack[abs]).ok_or(Abort::Unbound { slot: k })?;
                let s = self.snapshot(vm)?;
                let r = self.em.sload(ty, k, s);
                self.set(abs, Sv::Val(r));
                Ok(Sv::Val(r))
            }
        }
    }

    /// A slot's value as an IR value (not virtual, not unbound).
    fn get(&mut self, vm: &Vm, abs: usize) -> RResult<IrRef> {
        match self.sv(vm, abs)? {
            Sv::Val(r) => Ok(r),
            Sv::Undef => Err(Abort::Unbound {
                slot: self.slot_no(abs),
            }),
            Sv::Range { .. } | Sv::Tuple(_) | Sv::Slice { .. } => Err(Abort::VirtualEscapes),
        }
    }

    /// An object constant, kept alive by the trace.
    fn kobj(&mut self, v: &Value) -> IrRef {
        if !matches!(v, Value::Obj(_)) {
            return self.kvalue(v);
        }
        let p = crate::runtime::obj_bits(v);
        if self.kept.insert(p) {
            self.keep.push(v.clone());
        }
        self.em.konst(Const::Obj(p))
    }

    /// Any value as a constant.
    fn kvalue(&mut self, v: &Value) -> IrRef {
        match v {
            Value::None => self.em.konst(Const::None),
            Value::Bool(b) => self.em.konst(Const::Bool(*b)),
            Value::Int(i) => self.em.kint(*i),
            Value::Float(f) => self.em.kfloat(*f),
            Value::Obj(_) => self.kobj(v),
            Value::Undef => self.em.konst(Const::Undef),
        }
    }

    /// Keep an object alive with the trace (a dict whose version a guard reads).
    fn keep_alive(&mut self, o: &ObjRef) {
        let v = Value::Obj(o.clone());
        if self.kept.insert(crate::runtime::obj_bits(&v)) {
            self.keep.push(v);
        }
    }

    /// The snapshot of the state before the current instruction (built once per instruction).
    fn snapshot(&mut self, vm: &Vm) -> RResult<SnapId> {
        if let Some((s, _)) = self.redo {
            // Inside an inlined constructor or dunder every exit redoes the whole instruction.
            return Ok(s);
        }
        if let Some(s) = self.snap {
            return Ok(s);
        }
        self.check_gen_frames()?;
        let sp = self.rel(vm.frames.last().map_or(self.base, |f| f.sp));
        let hi = sp.max(self.entry_sp);
        let mut entries = Vec::new();
        let undef = self.em.konst(Const::Undef);
        for k in self.lo.min(sp)..hi {
            let st = self.state_at(k);
            if k >= sp {
                // Dead now but live at entry: the interpreter would have emptied it.
                entries.push(SnapEntry {
                    slot: k as u32,
                    val: undef,
                });
                continue;
            }
            match st {
                None => {}
                Some(Sv::Val(r)) => entries.push(SnapEntry {
                    slot: k as u32,
                    val: r,
                }),
                // Above the entry stack top memory still holds the Undef the interpreter left.
                Some(Sv::Undef) if k < self.entry_sp => entries.push(SnapEntry {
                    slot: k as u32,
                    val: undef,
                }),
                Some(Sv::Undef) => {}
                Some(Sv::Range { .. } | Sv::Tuple(_) | Sv::Slice { .. }) => {
                    return Err(Abort::VirtualEscapes)
                }
            }
        }
        let mut frames = vec![sp as u32, self.popped];
        frames.extend(self.frames.iter().filter_map(|f| f.inline));
        let s = self.em.add_snap(Snapshot {
            pc: self.cur_pc,
            frames,
            entries,
        });
        self.snap = Some(s);
        Ok(s)
    }

    /// Inside an inlined constructor or operator dunder, only objects it allocated may change: an exit
    /// redoes the whole instruction, which must then be the only effect. `target` is the object about
    /// to be written.
    fn check_effect(&self, target: IrRef) -> RResult {
        if self.redo.is_some() && !self.fresh.contains(&target) {
            return Err(nyi(
                "a side effect inside an inlined __init__ or operator dunder",
            ));
        }
        Ok(())
    }

    /// Emit a guard with the current snapshot.
    fn guard(&mut self, vm: &Vm, op: Op, operands: &[IrRef]) -> RResult {
        let s = self.snapshot(vm)?;
        self.em.ins(op, operands, s);
        Ok(())
    }

    /// Emit an op that may exit (overflow, zero division) with the current snapshot.
    fn checked(&mut self, vm: &Vm, op: Op, operands: &[IrRef]) -> RResult<IrRef> {
        let s = self.snapshot(vm)?;
        Ok(self.em.ins(op, operands, s))
    }

    /// A status-returning helper call with the current snapshot.
    fn callg(&mut self, vm: &Vm, ty: Type, helper: &str, args: &[IrRef]) -> RResult<IrRef> {
        let s = self.snapshot(vm)?;
        Ok(self.em.call(Op::CallGuard, ty, helper, args, s))
    }

    /// Make sure `r` is the object `v` (a guard unless it is already that constant).
    fn guard_identity(&mut self, vm: &Vm, r: IrRef, v: &Value) -> RResult<IrRef> {
        let k = self.kobj(v);
        if r != k {
            self.guard(vm, Op::GuardEq, &[r, k])?;
        }
        Ok(k)
    }

    /// Guard that the u64 at `addr` (a dict or type version counter) still equals `version`.
    fn guard_version(&mut self, vm: &Vm, addr: *const u64, version: u64) -> RResult {
        let p = self.em.konst(Const::Ptr(addr as u64));
        let v = self.em.load(Type::Int, p, 0);
        let k = self.em.kint(version as i64);
        self.guard(vm, Op::GuardEq, &[v, k])
    }
}

/// Decoded operands of the instruction being recorded.
pub(crate) struct Cx {
    /// Its pc.
    pub pc: u32,
    /// Absolute stack top before it.
    pub sp: usize,
    /// Absolute base of its frame.
    pub fb: usize,
    /// Its argument.
    pub arg: u32,
}

pub(crate) fn nyi(what: impl Into<String>) -> Abort {
    Abort::Nyi { what: what.into() }
}

fn short(name: &str) -> String {
    name.chars().take(12).collect()
}
