//! Interpreter operations performed whole by a helper: calls of builtins that have no IR of their own
//! (`s.split()`, `ord(c)`, `d.get(k)`, `set.add(x)`...), and subscripts, `in`, comparisons and binary
//! operators on builtin types that are not numbers (`s[i]`, `x in some_set`, `a < b` on strings).
//!
//! The helper runs the interpreter's own code for the operation (`Vm::call`, `Vm::getitem`...), so the
//! trace gets exactly the interpreter's semantics without a Rust copy of them. Two rules make that sound
//! inside a trace:
//! - **No Python code.** The trace has not written its frames back, and nothing a trace calls may change a
//!   class (the epoch is guarded once per trace). While the helper runs, `Vm::python_blocked` makes any
//!   attempt to enter Python code (a `__eq__`, a `__hash__`, a generator) fail, and the helper then
//!   fails too.
//! - **A failure changes nothing.** A failing helper makes the trace exit through the instruction's
//!   snapshot, and the interpreter redoes the whole instruction. So an operation may only be done by a
//!   helper when a failure (an exception, blocked Python code, a result of another type than the trace
//!   expects) leaves no trace of the attempt: operations that mutate nothing ("pure"), and a few
//!   mutators that check everything before they change anything and return None (`Effect`).
//!   Iterators and generators are not accepted as arguments, because reading them consumes them.
//!
//! Arguments travel through a small per-runtime scratch buffer (`Runtime::scratch`, one payload word
//! per argument, written by `store`s just before the call); their tags are constants packed into the
//! `meta` word with the operation, so one helper per result type serves every arity and argument type.

use crate::backend::{HelperSig, HelperSpec};
use crate::ir::Type;
use crate::runtime::{payload, tagged, Runtime, FAIL, OK};
use pvm_interp::bytecode::CmpOp;
use pvm_interp::object::{Iter, Object};
use pvm_interp::value::Value;
use pvm_interp::vm::Vm;
use std::cell::RefCell;

/// Most arguments an operation may have (a method's receiver included).
pub const MAX_ARGS: usize = 4;

/// The operations (the low byte of `meta`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum What {
    /// Call the helper's callable with the arguments.
    Call = 0,
    /// `a[b]`.
    GetItem = 1,
    /// `b in a` (`a` the container, as `Vm::contains` takes them).
    Contains = 2,
    /// `a <op> b`, the `CmpOp` in `meta`'s op field.
    Compare = 3,
    /// `a <op> b`, the `BinaryOp` argument (op and in-place flag) in `meta`'s op field.
    Binary = 4,
    /// `iter(a)`.
    Iter = 5,
    /// The truth value of `a`.
    Truth = 6,
    /// An f-string's `FormatValue`: `a` converted (op field & 3) and formatted with the spec `b` (if op
    /// field & 4).
    Format = 7,
    /// The concatenation of str arguments (an f-string's `BuildString`).
    Concat = 8,
    /// A set display `{a, b}`.
    BuildSet = 9,
    /// A dict display `{k: v}` (keys and values alternate).
    BuildMap = 10,
}

impl What {
    fn from_u8(b: u8) -> Option<What> {
        Some(match b {
            0 => What::Call,
            1 => What::GetItem,
            2 => What::Contains,
            3 => What::Compare,
            4 => What::Binary,
            5 => What::Iter,
            6 => What::Truth,
            7 => What::Format,
            8 => What::Concat,
            9 => What::BuildSet,
            10 => What::BuildMap,
            _ => return None,
        })
    }
}

/// What a builtin does to the objects it is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Changes nothing (it may create objects): it can be redone, and run while recording to learn the
    /// type of its result.
    Pure,
    /// Changes its receiver and returns None, checking everything before it changes anything
    /// (`list.extend` of an inert sequence, `list.insert`, `set.add`). Never one that removes
    /// elements: a trace may hold an element in a register without a reference of its own.
    Mutates,
}

/// The `meta` word: operation, op argument, argument count and each argument's tag.
pub fn meta(what: What, oparg: u16, tags: &[u8]) -> i64 {
    debug_assert!(tags.len() <= MAX_ARGS);
    let mut m = what as u64 | (oparg as u64) << 8 | (tags.len() as u64) << 24;
    for (i, &t) in tags.iter().enumerate() {
        m |= (t as u64) << (32 + 8 * i);
    }
    m as i64
}

/// May a value be handed to an operation? Iterators, generators and native objects (files...) are not:
/// reading them changes them, so a failed attempt could not be redone.
pub fn inert(v: &Value) -> bool {
    match v {
        Value::Obj(o) => matches!(
            &**o,
            Object::Int(_)
                | Object::Str(_)
                | Object::Bytes(_)
                | Object::Tuple(_)
                | Object::List(_)
                | Object::Dict(_)
                | Object::Set(_)
                | Object::FrozenSet(_)
                | Object::Range(_)
                | Object::BigRange(_)
                | Object::Slice(_)
                | Object::Function(_)
                | Object::Builtin(_)
                | Object::Type(_)
                | Object::Instance(_)
                | Object::DictView(_)
                | Object::Singleton(_)
                | Object::Complex(_)
        ),
        Value::Undef => false,
        _ => true,
    }
}

/// Perform an operation with Python code blocked: the result, or None if it raised or tried to run
/// Python code (then it changed nothing the caller can see, by the rules in the module docs).
pub fn perform(
    vm: &mut Vm,
    what: What,
    oparg: u16,
    f: Option<&Value>,
    args: &[Value],
) -> Option<Value> {
    if !args.iter().all(inert) {
        return None;
    }
    blocked(vm, |vm| match (what, args) {
        (What::Call, _) => match f {
            Some(f) => vm.call(f, args),
            None => Err(pvm_interp::error::PyErr::new(
                pvm_interp::error::ExcKind::SystemError,
                "vmops: call without a callable",
            )),
        },
        (What::GetItem, [a, b]) => vm.getitem(a, b),
        (What::Contains, [a, b]) => vm.contains(a, b).map(Value::Bool),
        (What::Compare, [a, b]) => vm.compare(a, b, CmpOp::decode(oparg as u32)),
        (What::Binary, [a, b]) => vm.binary_op(oparg as u32, a.clone(), b.clone()),
        (What::Iter, [a]) => vm.get_iter(a.clone()),
        (What::Truth, [a]) => vm.truthy(a).map(Value::Bool),
        (What::Format, [a]) if oparg & 4 == 0 => {
            vm.format_fvalue(a.clone(), oparg as u32 & 3, None)
        }
        (What::Concat, parts) => {
            let mut s = String::new();
            for p in parts {
                match p.as_str() {
                    Some(t) => s.push_str(t),
                    None => {
                        return Err(pvm_interp::error::PyErr::new(
                            pvm_interp::error::ExcKind::SystemError,
                            "vmops: concatenating a non-str",
                        ))
                    }
                }
            }
            Ok(Value::from_string(s))
        }
        (What::BuildSet, items) => vm.new_set(items.to_vec()),
        (What::BuildMap, items) if items.len() % 2 == 0 => {
            let d = Value::obj(Object::Dict(Default::default()));
            for kv in items.chunks(2) {
                vm.dict_set(&d, kv[0].clone(), kv[1].clone())?;
            }
            Ok(d)
        }
        (What::Format, [a, spec]) if oparg & 4 != 0 => {
            vm.format_fvalue(a.clone(), oparg as u32 & 3, Some(spec.clone()))
        }
        _ => Err(pvm_interp::error::PyErr::new(
            pvm_interp::error::ExcKind::SystemError,
            "vmops: bad operand count",
        )),
    })
}

/// Run `op` with Python code blocked: its result, or None if it raised or tried to run Python code.
fn blocked<R>(
    vm: &mut Vm,
    op: impl FnOnce(&mut Vm) -> pvm_interp::error::PyResult<R>,
) -> Option<R> {
    let saved = (vm.python_blocked, vm.python_blocked_hit);
    vm.python_blocked = true;
    vm.python_blocked_hit = false;
    let r = op(vm);
    let hit = vm.python_blocked_hit;
    (vm.python_blocked, vm.python_blocked_hit) = saved;
    match r {
        Ok(v) if !hit => Some(v),
        _ => None,
    }
}

// ---- iterators whose step can be undone ----------------------------------------------------------------

/// A copy of an iterator's state, for the builtin iterators whose step runs no Python code and whose
/// state is a reference plus indices: over a str (`for ch in s`), a set, or `reversed()` of a builtin
/// sequence. Putting the copy back undoes a step, so a step whose item has another type than the trace
/// expects can fail without changing anything.
pub fn steppable_copy(st: &Iter) -> Option<Iter> {
    Some(match st {
        Iter::Str { s, byte } => Iter::Str {
            s: s.clone(),
            byte: *byte,
        },
        Iter::Set { set, pos, used } => Iter::Set {
            set: set.clone(),
            pos: *pos,
            used: *used,
        },
        Iter::Reversed { seq, index }
            if matches!(
                &**seq,
                Object::List(_) | Object::Tuple(_) | Object::Str(_) | Object::Bytes(_)
            ) =>
        {
            Iter::Reversed {
                seq: seq.clone(),
                index: *index,
            }
        }
        _ => return None,
    })
}

/// The next item of a steppable iterator without advancing it: `Some(None)` when it is exhausted, None
/// when it is not steppable or its step raises.
pub fn peek_next(vm: &mut Vm, it: &Value) -> Option<Option<Value>> {
    let Some(Object::Iter(cell)) = it.as_obj() else {
        return None;
    };
    let copy = steppable_copy(&*cell.try_borrow().ok()?)?;
    let tmp = Value::obj(Object::Iter(RefCell::new(copy)));
    blocked(vm, |vm| vm.next(&tmp))
}

/// Step the iterator at `it` (live): the item if there is one of tag `TAG`; otherwise the step is
/// undone and the helper fails. With `end`, the step must find the iterator exhausted instead.
///
/// # Safety
/// `rt` is the driver's runtime with `vm` set for this run; `it` is a live object pointer.
unsafe fn step<const TAG: u8>(rt: *mut Runtime, it: u64, end: bool, out: *mut u64) -> u32 {
    // SAFETY: `rt` is the ctx the driver passes (a live `Runtime`).
    let rt = unsafe { &mut *rt };
    if rt.vm.is_null() || (TAG == crate::abi::TAG_OBJ && !rt.room(1)) {
        return FAIL;
    }
    // SAFETY: the trace holds the iterator alive.
    let itv = unsafe { crate::runtime::new_ref(it) };
    let Some(Object::Iter(cell)) = itv.as_obj() else {
        return FAIL;
    };
    // str and set iterators step only when the item is taken: nothing to undo.
    let taken = pvm_interp::vm::protocol::step_if(cell, |item| match item {
        None => end,
        // SAFETY: `out` is null or the call's result slot.
        Some(v) => !end && unsafe { hand_over::<TAG>(rt, v, out) },
    });
    if let Some(ok) = taken {
        return if ok { OK } else { FAIL };
    }
    let saved = match cell.try_borrow() {
        Ok(st) => steppable_copy(&st),
        Err(_) => None,
    };
    let Some(saved) = saved else {
        return FAIL;
    };
    // SAFETY: as in `run`.
    let vm = unsafe { &mut *rt.vm };
    let ok = match (blocked(vm, |vm| vm.next(&itv)), end) {
        (Some(None), true) => true,
        // SAFETY: `out` is null or the call's result slot.
        (Some(Some(v)), false) => unsafe { hand_over::<TAG>(rt, v, out) },
        _ => false,
    };
    if ok {
        return OK;
    }
    // Undo the step (the interpreter redoes the `ForIter`).
    if let Ok(mut st) = cell.try_borrow_mut() {
        *st = saved;
    }
    FAIL
}

/// Give a helper's result to the trace if it has tag `TAG`: its payload through `out` (unless null),
/// an object kept alive by the nursery (the caller checked there is room). False for another tag:
/// the trace expects the recorded type.
///
/// # Safety
/// `out` is null or the call's result slot.
pub(crate) unsafe fn hand_over<const TAG: u8>(rt: &mut Runtime, v: Value, out: *mut u64) -> bool {
    let Some(bits) = payload::<TAG>(&v) else {
        return false;
    };
    if TAG == crate::abi::TAG_OBJ {
        // The trace holds the result in a register without a reference of its own.
        rt.nursery.push(v);
    }
    if !out.is_null() {
        // SAFETY: guaranteed by the caller.
        unsafe { *out = bits };
    }
    true
}

extern "C" fn iter_step<const TAG: u8>(rt: *mut Runtime, it: u64, out: *mut u64) -> u32 {
    // SAFETY: see `step`; the backend calls with the registered signature.
    unsafe { step::<TAG>(rt, it, false, out) }
}

extern "C" fn iter_step_none(rt: *mut Runtime, it: u64) -> u32 {
    // SAFETY: see `step`.
    unsafe { step::<{ crate::abi::TAG_NONE }>(rt, it, false, std::ptr::null_mut()) }
}

extern "C" fn iter_end(rt: *mut Runtime, it: u64) -> u32 {
    // SAFETY: see `step`.
    unsafe { step::<{ crate::abi::TAG_NONE }>(rt, it, true, std::ptr::null_mut()) }
}

/// The arguments of a helper call: payloads from the scratch buffer, tags from `meta`.
///
/// # Safety
/// Object payloads must be live object pointers (the trace holds its operands alive).
unsafe fn args_of(rt: &Runtime, meta: u64, v: &mut [Value; MAX_ARGS]) -> Option<usize> {
    let n = ((meta >> 24) & 0xff) as usize;
    if n > MAX_ARGS {
        return None;
    }
    for (i, slot) in v.iter_mut().enumerate().take(n) {
        let bits = rt.scratch[i];
        let tag = ((meta >> (32 + 8 * i)) & 0xff) as u8;
        *slot = match tag {
            crate::abi::TAG_NONE => Value::None,
            crate::abi::TAG_BOOL => Value::Bool(bits & 0xff != 0),
            crate::abi::TAG_INT => Value::Int(bits as i64),
            crate::abi::TAG_FLOAT => Value::Float(f64::from_bits(bits)),
            // SAFETY: guaranteed by the caller.
            crate::abi::TAG_OBJ => unsafe { crate::runtime::new_ref(bits) },
            _ => return None,
        };
    }
    Some(n)
}

/// The shared body of the helpers: perform, then check the result has the type the trace expects
/// (`TAG`; `TAG_NONE` for the void variant) and hand over its bits.
///
/// # Safety
/// `rt` is the driver's runtime with `vm` set for this run; `f` is 0 or a live object pointer; the
/// scratch buffer holds the payloads `meta` describes.
unsafe fn run<const TAG: u8>(rt: *mut Runtime, f: u64, meta: u64, out: *mut u64) -> u32 {
    // SAFETY: `rt` is the ctx the driver passes (a live `Runtime`).
    let rt = unsafe { &mut *rt };
    if rt.vm.is_null() || (TAG == crate::abi::TAG_OBJ && !rt.room(1)) {
        return FAIL;
    }
    let Some(what) = What::from_u8(meta as u8) else {
        return FAIL;
    };
    // A fixed buffer, not a Vec: these helpers run once per loop iteration.
    let mut buf: [Value; MAX_ARGS] = Default::default();
    // SAFETY: the trace holds its operands and callable alive.
    let Some(n) = (unsafe { args_of(rt, meta, &mut buf) }) else {
        return FAIL;
    };
    let args = &buf[..n];
    let callable = (f != 0).then(|| unsafe { crate::runtime::new_ref(f) });
    // SAFETY: the driver set `rt.vm` from its `&mut Vm` for this run and does not use it until the trace
    // returns; the operation runs no Python code (blocked), so it neither grows `vm.stack` (whose slots
    // the trace addresses) nor touches the frames the trace has not written back.
    let vm = unsafe { &mut *rt.vm };
    let Some(v) = perform(vm, what, (meta >> 8) as u16, callable.as_ref(), args) else {
        return FAIL;
    };
    // Another type than recorded: nothing was changed (only pure operations can return anything but
    // None), so the interpreter redoes it.
    // SAFETY: the backend passes null or the call's result slot.
    if unsafe { hand_over::<TAG>(rt, v, out) } {
        OK
    } else {
        FAIL
    }
}

extern "C" fn vcall<const TAG: u8>(rt: *mut Runtime, f: u64, meta: u64, out: *mut u64) -> u32 {
    // SAFETY: see `run`; the backend calls with the registered signature.
    unsafe { run::<TAG>(rt, f, meta, out) }
}

extern "C" fn vcall_void(rt: *mut Runtime, f: u64, meta: u64) -> u32 {
    // SAFETY: see `run`.
    unsafe { run::<{ crate::abi::TAG_NONE }>(rt, f, meta, std::ptr::null_mut()) }
}

extern "C" fn vop<const TAG: u8>(rt: *mut Runtime, meta: u64, out: *mut u64) -> u32 {
    // SAFETY: see `run`.
    unsafe { run::<TAG>(rt, 0, meta, out) }
}

extern "C" fn vop_void(rt: *mut Runtime, meta: u64) -> u32 {
    // SAFETY: see `run`.
    unsafe { run::<{ crate::abi::TAG_NONE }>(rt, 0, meta, std::ptr::null_mut()) }
}

/// `MakeFunction` in a trace: a function of `code` (an `Object::Code`) and `globals`, whose defaults
/// (the first `meta`-oparg items) and closure cells (the rest) are in the scratch buffer. Reads none of
/// them, so any value may be a default; fails only when the nursery is full.
extern "C" fn make_fn(rt: *mut Runtime, code: u64, globals: u64, meta: u64, out: *mut u64) -> u32 {
    // SAFETY: `rt` is the ctx the driver passes (a live `Runtime`).
    let rt = unsafe { &mut *rt };
    if rt.vm.is_null() || !rt.room(1) {
        return FAIL;
    }
    let mut buf: [Value; MAX_ARGS] = Default::default();
    // SAFETY: the trace holds its operands alive; `code` and `globals` are constants it keeps.
    let (Some(n), code, Value::Obj(globals)) = (unsafe {
        (
            args_of(rt, meta, &mut buf),
            crate::runtime::new_ref(code),
            crate::runtime::new_ref(globals),
        )
    }) else {
        return FAIL;
    };
    let ndef = (((meta >> 8) & 0xffff) as usize).min(n);
    let (defaults, cells) = buf[..n].split_at(ndef);
    let tuple =
        |items: &[Value]| (!items.is_empty()).then(|| Value::obj(Object::Tuple(items.to_vec())));
    // SAFETY: as in `run`: the driver lent `vm` for this run; making a function runs no Python code.
    let vm = unsafe { &mut *rt.vm };
    let f = vm.make_function(code, globals, tuple(defaults), None, tuple(cells));
    if !matches!(f.as_obj(), Some(Object::Function(_))) {
        return FAIL;
    }
    // SAFETY: `out` is the call's result slot.
    unsafe { give_obj(rt, f, out) }
}

/// Hand a new object to the trace (the nursery keeps it alive): OK, or FAIL if it could not.
///
/// # Safety
/// `out` is the calling helper's result slot.
unsafe fn give_obj(rt: &mut Runtime, v: Value, out: *mut u64) -> u32 {
    // SAFETY: guaranteed by the caller.
    if unsafe { hand_over::<{ crate::abi::TAG_OBJ }>(rt, v, out) } {
        OK
    } else {
        FAIL
    }
}

/// A new cell holding the value of tag `TAG` (for `TAG_NONE` the argument is ignored), as a call's
/// frame makes for each of its cell variables.
extern "C" fn new_cell<const TAG: u8>(rt: *mut Runtime, bits: u64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `bits` alive if it is an object.
    new_cell_of(
        rt,
        || unsafe { crate::runtime::from_bits::<TAG>(bits) },
        out,
    )
}

/// `new_cell` of a float (passed in a float register).
extern "C" fn new_cell_float(rt: *mut Runtime, x: f64, out: *mut u64) -> u32 {
    new_cell_of(rt, || Value::Float(x), out)
}

/// A new empty cell (a cell variable that is not a parameter).
extern "C" fn new_cell_empty(rt: *mut Runtime, out: *mut u64) -> u32 {
    new_cell_of(rt, || Value::Undef, out)
}

/// The shared body of the `new_cell` helpers: `rt` is the driver's runtime (ctx), `out` the helper's
/// result slot.
fn new_cell_of(rt: *mut Runtime, v: impl FnOnce() -> Value, out: *mut u64) -> u32 {
    // SAFETY: `rt` is the ctx the driver passes (a live `Runtime`).
    let rt = unsafe { &mut *rt };
    if !rt.room(1) {
        return FAIL;
    }
    let c = Value::obj(Object::Cell(std::cell::RefCell::new(v())));
    // SAFETY: `out` is the helper's result slot (the callers pass theirs).
    unsafe { give_obj(rt, c, out) }
}

/// The helpers: `vcall.<type>(f, meta)` and `vop.<type>(meta)`, one per result type (`.none` checks
/// the result is None and returns nothing).
pub fn specs() -> Vec<HelperSpec> {
    use Type::*;
    let mut v = Vec::new();
    macro_rules! typed {
        ($($tag:literal $ty:ident),*) => {$(
            v.push(HelperSpec::new(&tagged("vcall", $ty), vcall::<$tag> as *const () as usize,
                HelperSig::new(&[Obj, Int], $ty).with_ctx().guarded()));
            v.push(HelperSpec::new(&tagged("vop", $ty), vop::<$tag> as *const () as usize,
                HelperSig::new(&[Int], $ty).with_ctx().guarded()));
        )*};
    }
    typed!(1 Bool, 2 Int, 3 Float, 4 Obj);
    macro_rules! steps {
        ($($tag:literal $ty:ident),*) => {$(
            v.push(HelperSpec::new(&tagged("iter_step", $ty), iter_step::<$tag> as *const () as usize,
                HelperSig::new(&[Obj], $ty).with_ctx().guarded()));
        )*};
    }
    steps!(1 Bool, 2 Int, 3 Float, 4 Obj);
    v.push(HelperSpec::new(
        &tagged("iter_step", None),
        iter_step_none as *const () as usize,
        HelperSig::new(&[Obj], Void).with_ctx().guarded(),
    ));
    v.push(HelperSpec::new(
        "iter_end",
        iter_end as *const () as usize,
        HelperSig::new(&[Obj], Void).with_ctx().guarded(),
    ));
    v.push(HelperSpec::new(
        &tagged("vcall", None),
        vcall_void as *const () as usize,
        HelperSig::new(&[Obj, Int], Void).with_ctx().guarded(),
    ));
    v.push(HelperSpec::new(
        &tagged("vop", None),
        vop_void as *const () as usize,
        HelperSig::new(&[Int], Void).with_ctx().guarded(),
    ));
    v.push(HelperSpec::new(
        "make_fn",
        make_fn as *const () as usize,
        HelperSig::new(&[Obj, Obj, Int], Obj).with_ctx().guarded(),
    ));
    macro_rules! cells {
        ($($tag:literal $ty:ident),*) => {$(
            v.push(HelperSpec::new(&tagged("new_cell", $ty), new_cell::<$tag> as *const () as usize,
                HelperSig::new(&[$ty], Obj).with_ctx().guarded()));
        )*};
    }
    cells!(1 Bool, 2 Int, 4 Obj);
    v.push(HelperSpec::new(
        &tagged("new_cell", Float),
        new_cell_float as *const () as usize,
        HelperSig::new(&[Float], Obj).with_ctx().guarded(),
    ));
    v.push(HelperSpec::new(
        &tagged("new_cell", None),
        new_cell::<{ crate::abi::TAG_NONE }> as *const () as usize,
        HelperSig::new(&[Int], Obj).with_ctx().guarded(),
    ));
    v.push(HelperSpec::new(
        "new_cell_empty",
        new_cell_empty as *const () as usize,
        HelperSig::new(&[], Obj).with_ctx().guarded(),
    ));
    v
}
