//! Generators resumed inside traces: the helpers a trace calls at a generator's resume, `yield` and
//! `return`, and the exit side (`restore_frame`). The recorder's side is `record/generators.rs`.
//!
//! The generator object keeps owning its suspended slots while the trace runs its body: `gen_enter`
//! checks that the generator is the suspended generator the trace was recorded with (code, resume
//! pc, slot count and slot tags), marks it running (as `Vm::gen_enter_inline` does) and hands the
//! trace its slot buffer, which the trace reads with typed loads (the values stay borrowed from the
//! generator). `gen_yield` writes the slots back at the `yield` (only those the body changed) and
//! marks it suspended; `gen_return` finishes it. An exit inside the body writes the generator frame's
//! slots onto the stack like any inlined frame's, and `restore_frame` then empties the generator's
//! slot vector and gives the rebuilt frame record its generator: exactly the state
//! `Vm::gen_enter_inline` leaves.

use crate::backend::{HelperSig, HelperSpec};
use crate::ir::Type;
use crate::runtime::{Runtime, FAIL, OK, RC_VALUE_OFFSET};
use pvm_interp::object::{ObjRef, Object};
use pvm_interp::value::Value;
use pvm_interp::vm::generators::GenKind;
use std::cell::UnsafeCell;

/// Most slots (locals, cells and value stack) of a generator frame a trace resumes: their tags are
/// packed 3 bits each into one constant.
pub const MAX_GEN_SLOTS: usize = 21;

/// The tag code of a slot `gen_yield` leaves as it is (the value `gen_enter` handed out).
pub const KEEP: u64 = 7;

thread_local! {
    /// The payloads `gen_yield` stores (written by the trace right before the call). Per thread: the
    /// trace runs on the thread that recorded it, which baked this address in.
    static GEN_BUF: UnsafeCell<[u64; MAX_GEN_SLOTS]> = const { UnsafeCell::new([0; MAX_GEN_SLOTS]) };
}

/// The address of this thread's payload buffer for `gen_yield`.
pub fn scratch_addr() -> u64 {
    GEN_BUF.with(|b| b.get() as u64)
}

/// The tag code of a value (its `Value` discriminant).
pub fn tag_code(v: &Value) -> u64 {
    match v {
        Value::None => 0,
        Value::Bool(_) => 1,
        Value::Int(_) => 2,
        Value::Float(_) => 3,
        Value::Obj(_) => 4,
        Value::Undef => 5,
    }
}

/// The generator behind an object payload.
///
/// # Safety
/// `p` must be the payload of a live `Value::Obj` (the trace holds it alive).
unsafe fn gen_obj<'a>(p: u64) -> &'a Object {
    // SAFETY: guaranteed by the caller; the payload is the `Rc` allocation address.
    unsafe { &*((p + RC_VALUE_OFFSET) as *const Object) }
}

/// `gen_enter(g, code, pc, tags, n, depth) -> slots`: resume generator `g` inside the trace. FAIL, with
/// nothing changed, unless `g` is a plain generator, not running, not finished, of code `code`,
/// suspended at `pc` (0: not started) with `n` slots whose tags are `tags`, nothing in its saved
/// exception state, and the frame stack (with `depth` more frames) below the recursion limit: then the
/// interpreter resumes it itself. Otherwise marks it running, as `Vm::gen_enter_inline` does, and
/// returns its slot buffer.
extern "C" fn gen_enter(
    rt: *mut Runtime,
    g: u64,
    code: i64,
    pc: i64,
    tags: i64,
    n: i64,
    depth: i64,
    out: *mut u64,
) -> u32 {
    // SAFETY: `rt` is the driver's runtime (the trace's ctx); the trace holds `g` alive.
    let (rt, o) = unsafe { (&mut *rt, gen_obj(g)) };
    if rt.vm.is_null() {
        return FAIL;
    }
    // SAFETY: set by the driver for this run; helpers only read it here.
    let vm = unsafe { &*rt.vm };
    let Object::Generator(cell) = o else {
        return FAIL;
    };
    let Ok(mut st) = cell.try_borrow_mut() else {
        return FAIL;
    };
    let n = n as usize;
    if st.running
        || st.finished
        || st.kind != GenKind::Generator
        || std::rc::Rc::as_ptr(&st.code) as *const u8 as i64 != code
        || st.pc as i64 != pc
        || st.slots.len() != n
        || !st.exc_state.is_empty()
        || vm.frames.len() + depth as usize >= vm.recursion_limit
    {
        return FAIL;
    }
    for (i, v) in st.slots.iter().enumerate() {
        if tag_code(v) != (tags as u64 >> (3 * i)) & 7 {
            return FAIL;
        }
    }
    st.running = true;
    st.yielded = false;
    st.exc_base = vm.exc_stack.len();
    // SAFETY: `out` is the trace's out-slot for this call.
    unsafe { *out = st.slots.as_ptr() as u64 };
    OK
}

/// `gen_iter(g)`: `iter(g)` of a `for` loop is `g` itself: FAIL unless `g` is a plain generator (a
/// coroutine is not iterable; the interpreter then raises).
extern "C" fn gen_iter(g: u64) -> u32 {
    // SAFETY: the trace holds `g` alive.
    match unsafe { gen_obj(g) } {
        Object::Generator(cell) => match cell.try_borrow() {
            Ok(st) if st.kind == GenKind::Generator => OK,
            _ => FAIL,
        },
        _ => FAIL,
    }
}

/// Keep `old` alive until the run returns to the driver if it is the last reference (a register may
/// still point at it), else just drop it.
fn retire(rt: &mut Runtime, old: Value) {
    if matches!(&old, Value::Obj(o) if std::rc::Rc::strong_count(o) == 1) {
        rt.nursery.push(old);
    }
}

/// `gen_yield(g, pc, tags, n)`: generator `g` (resumed by `gen_enter`) suspends at `pc` with `n` slots:
/// slot `i` keeps its value if its tag code is `KEEP`, else becomes the value of that tag whose payload
/// the trace stored in the buffer (`scratch_addr`). FAIL, with nothing changed, when the nursery has no
/// room for the values it replaces.
extern "C" fn gen_yield(rt: *mut Runtime, g: u64, pc: i64, tags: i64, n: i64) -> u32 {
    // SAFETY: as in `gen_enter`.
    let (rt, o) = unsafe { (&mut *rt, gen_obj(g)) };
    let Object::Generator(cell) = o else {
        return FAIL;
    };
    let Ok(mut st) = cell.try_borrow_mut() else {
        return FAIL;
    };
    let n = n as usize;
    if !rt.room(n.max(st.slots.len())) {
        return FAIL;
    }
    let buf = GEN_BUF.with(|b| b.get());
    for i in 0..n {
        let code = (tags as u64 >> (3 * i)) & 7;
        if code == KEEP && i < st.slots.len() {
            continue;
        }
        // SAFETY: the trace stored slot i's payload just before the call (this thread's buffer).
        let bits = unsafe { (*buf)[i] };
        let v = match code {
            0 => Value::None,
            1 => Value::Bool(bits & 0xff != 0),
            2 => Value::Int(bits as i64),
            3 => Value::Float(f64::from_bits(bits)),
            // SAFETY: the trace holds the object alive.
            4 => unsafe { crate::runtime::new_ref(bits) },
            _ => Value::Undef,
        };
        if i < st.slots.len() {
            let old = std::mem::replace(&mut st.slots[i], v);
            retire(rt, old);
        } else {
            st.slots.push(v);
        }
    }
    while st.slots.len() > n {
        if let Some(old) = st.slots.pop() {
            retire(rt, old);
        }
    }
    st.pc = pc as usize;
    st.yielded = false;
    st.running = false;
    st.started = true;
    OK
}

/// `gen_return(g)`: generator `g` (resumed by `gen_enter`) returned: finished, its slots released
/// (into the nursery when last references), as `Vm::return_inline` leaves it. FAIL, with nothing
/// changed, when the nursery has no room.
extern "C" fn gen_return(rt: *mut Runtime, g: u64) -> u32 {
    // SAFETY: as in `gen_enter`.
    let (rt, o) = unsafe { (&mut *rt, gen_obj(g)) };
    let Object::Generator(cell) = o else {
        return FAIL;
    };
    let Ok(mut st) = cell.try_borrow_mut() else {
        return FAIL;
    };
    if !rt.room(st.slots.len()) {
        return FAIL;
    }
    for old in std::mem::take(&mut st.slots) {
        retire(rt, old);
    }
    st.finished = true;
    st.running = false;
    st.started = true;
    // (`leave_inline` cuts `exc_stack` to `exc_base`: a trace never changes it.)
    OK
}

/// An exit rebuilt the frame of a generator the trace had resumed (the frame's slots are on the stack,
/// written by the exit): the generator gives up its copy of them, as `Vm::gen_enter_inline` moves
/// them out. Returns what the frame record needs: code, function and globals.
pub fn restore_frame(
    g: &ObjRef,
) -> Option<(std::rc::Rc<pvm_interp::code::Code>, Option<ObjRef>, ObjRef)> {
    let Object::Generator(cell) = &**g else {
        return None;
    };
    let mut st = cell.borrow_mut();
    st.slots.clear();
    Some((st.code.clone(), st.func.clone(), st.globals.clone()))
}

/// `list_pop_at.<type>(l, i)`: `l.pop(i)` for an int index whose element has tag `TAG` (the popped
/// object kept by the nursery); FAIL, with nothing changed, if `l` is not a list, the index is out of
/// range, the element has another tag, or the nursery is full.
extern "C" fn list_pop_at<const TAG: u8>(rt: *mut Runtime, p: u64, i: i64, out: *mut u64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx); the trace holds `p` alive.
    let (rt, o) = unsafe { (&mut *rt, gen_obj(p)) };
    let Object::List(l) = o else {
        return FAIL;
    };
    let Ok(mut l) = l.try_borrow_mut() else {
        return FAIL;
    };
    let n = l.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) || tag_code(&l[j as usize]) != TAG as u64 || !rt.room(1) {
        return FAIL;
    }
    let v = l.remove(j as usize);
    drop(l);
    let bits = match &v {
        Value::None => 0,
        Value::Bool(b) => *b as u64,
        Value::Int(k) => *k as u64,
        Value::Float(f) => f.to_bits(),
        Value::Obj(_) => crate::runtime::obj_bits(&v),
        Value::Undef => return FAIL,
    };
    if matches!(v, Value::Obj(_)) {
        rt.nursery.push(v);
    }
    if !out.is_null() {
        // SAFETY: `out` is the trace's out-slot for this call.
        unsafe { *out = bits };
    }
    OK
}

/// `l.pop(i)` whose element is None.
extern "C" fn list_pop_at_none(rt: *mut Runtime, p: u64, i: i64) -> u32 {
    list_pop_at::<0>(rt, p, i, std::ptr::null_mut())
}

/// The helpers above, for the backend's table.
pub fn specs() -> Vec<HelperSpec> {
    use Type::*;
    let tagged = crate::runtime::tagged;
    let mut v = vec![
        HelperSpec::new(
            &tagged("list_pop_at", Bool),
            list_pop_at::<1> as *const () as usize,
            HelperSig::new(&[Obj, Int], Bool).with_ctx().guarded(),
        ),
        HelperSpec::new(
            &tagged("list_pop_at", Int),
            list_pop_at::<2> as *const () as usize,
            HelperSig::new(&[Obj, Int], Int).with_ctx().guarded(),
        ),
        HelperSpec::new(
            &tagged("list_pop_at", Float),
            list_pop_at::<3> as *const () as usize,
            HelperSig::new(&[Obj, Int], Float).with_ctx().guarded(),
        ),
        HelperSpec::new(
            &tagged("list_pop_at", Obj),
            list_pop_at::<4> as *const () as usize,
            HelperSig::new(&[Obj, Int], Obj).with_ctx().guarded(),
        ),
        HelperSpec::new(
            &tagged("list_pop_at", None),
            list_pop_at_none as *const () as usize,
            HelperSig::new(&[Obj, Int], Void).with_ctx().guarded(),
        ),
    ];
    v.extend([
        HelperSpec::new(
            "gen_iter",
            gen_iter as *const () as usize,
            HelperSig::new(&[Obj], Void).guarded(),
        ),
        HelperSpec::new(
            "gen_enter",
            gen_enter as *const () as usize,
            HelperSig::new(&[Obj, Int, Int, Int, Int, Int], Ptr)
                .with_ctx()
                .guarded(),
        ),
        HelperSpec::new(
            "gen_yield",
            gen_yield as *const () as usize,
            HelperSig::new(&[Obj, Int, Int, Int], Void)
                .with_ctx()
                .guarded(),
        ),
        HelperSpec::new(
            "gen_return",
            gen_return as *const () as usize,
            HelperSig::new(&[Obj], Void).with_ctx().guarded(),
        ),
    ]);
    v
}
