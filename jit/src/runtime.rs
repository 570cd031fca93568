//! Runtime helpers: the Rust functions traces call, and the per-run state they share (`Runtime`).
//!
//! Every helper is `extern "C"`, never panics and never unwinds (a panic across the boundary aborts the
//! process): failures are reported as a non-zero status, which makes the trace exit through the calling
//! instruction's snapshot so that the interpreter re-executes the bytecode and raises whatever Python
//! raises. A status-returning helper therefore checks *everything* before it changes anything.
//!
//! ## Object lifetimes inside a trace
//! A trace holds object pointers in registers without owning a reference: it never writes slots until it
//! exits, so such a pointer is only valid while something else keeps the object alive. Entry slot values
//! are kept alive by their (unwritten) slots, constants by the trace's keep-alive list, and elements
//! loaded from containers by their containers. Two things could break the last case, and both go
//! through `Runtime::nursery`, a list of references the trace run keeps alive until control returns to
//! the driver (which clears it after every run, once the exit has written its snapshot and so taken its
//! own references):
//! - a store into a list element drops the old element: if the list held its last reference, the old
//!   element goes to the nursery instead of being freed (a register may still point at it);
//! - a helper that creates an object (an iterator for `for x in lst`) puts its reference there, so the
//!   object lives until the exit writes it into a slot.
//!
//! The nursery is bounded: a helper that would grow it past `NURSERY_MAX` fails *before* doing anything,
//! so the trace exits, the driver clears the nursery and the loop re-enters its trace.

use pvm_interp::bytecode::BinOp;
use pvm_interp::object::{Iter, Object};
use pvm_interp::value::Value;
use pvm_interp::vm::ops::{int_binop, IntRef};
use std::rc::Rc;

use crate::backend::{HelperSig, HelperSpec};
use crate::ir::Type;

/// Helper status: success.
pub const OK: u32 = 0;
/// Helper status: leave the trace (the interpreter redoes the instruction).
pub const FAIL: u32 = 1;

/// Bound on references a single trace run may keep alive (see the module docs).
pub const NURSERY_MAX: usize = 4096;

/// State shared by the helpers of one trace run; traces receive a pointer to it as `ctx`.
pub struct Runtime {
    /// References kept alive until the run returns to the driver.
    pub nursery: Vec<Value>,
    /// Set when a helper failed only because the nursery was full: that exit is routine, not a sign
    /// that the trace's assumptions are wrong (the driver does not count it towards a side trace).
    pub full: bool,
    /// The interpreter (set by the driver for each run, from its `&mut Vm`): read by the helpers that
    /// check its frame records, and used by `vmops` to perform operations (never Python code: native
    /// code never changes `vm.frames` or `vm.stack`).
    pub vm: *mut pvm_interp::vm::Vm,
    /// Argument payloads for `vmops` helpers, written by the trace right before each call.
    pub scratch: [u64; crate::vmops::MAX_ARGS],
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime {
            nursery: Vec::new(),
            full: false,
            vm: std::ptr::null_mut(),
            scratch: [0; crate::vmops::MAX_ARGS],
        }
    }
}

impl Runtime {
    /// Is there room for `n` more references? (Notes the failure if not.)
    pub(crate) fn room(&mut self, n: usize) -> bool {
        let ok = self.nursery.len() + n <= NURSERY_MAX;
        self.full |= !ok;
        ok
    }
}

/// Offset of the `Object` inside its `Rc` allocation. A `Value::Obj` holds the `Rc`'s pointer, which
/// points at the allocation (`RcInner`, `#[repr(C)]`: strong count, weak count, value), so the payload
/// native code sees is the allocation address and the object itself is this many bytes further.
/// Checked against the real layout by [`check_layout`] before the JIT is installed.
pub const RC_VALUE_OFFSET: u64 = 2 * std::mem::size_of::<usize>() as u64;

/// The payload bits of an object value, exactly as native code reads them from a slot.
#[inline]
pub fn obj_bits(v: &Value) -> u64 {
    // SAFETY: `Value` is `#[repr(C, u64)]` with its payload at offset 8 (asserted in `driver`); for
    // `Value::Obj` the payload word is the `Rc`'s pointer, which is initialised.
    unsafe {
        (v as *const Value as *const u8)
            .add(crate::abi::PAYLOAD_OFFSET)
            .cast::<u64>()
            .read()
    }
}

/// Does the object layout match `RC_VALUE_OFFSET`?
pub fn check_layout() -> bool {
    let rc = Rc::new(Object::Tuple(Vec::new()));
    let v = Value::Obj(rc.clone());
    Rc::as_ptr(&rc) as *const u8 as u64 == obj_bits(&v) + RC_VALUE_OFFSET
}

/// Where lists and tuples keep their elements, probed from real objects (so nothing here depends on
/// Rust's unspecified layouts of `RefCell` and `Vec`): traces then index them with plain loads. All
/// offsets are from an object payload (the `Rc` allocation address).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeqLayout {
    /// Discriminant byte of `Object::List` (at offset `RC_VALUE_OFFSET`: `Object` is `repr(u8)`).
    pub list_tag: u8,
    /// Discriminant byte of `Object::Tuple`.
    pub tuple_tag: u8,
    /// Offset of a list's element pointer.
    pub list_ptr: i32,
    /// Offset of a list's length.
    pub list_len: i32,
    /// Offset of a tuple's element pointer.
    pub tuple_ptr: i32,
    /// Offset of a tuple's length.
    pub tuple_len: i32,
    /// Discriminant byte of `Object::Cell`.
    pub cell_tag: u8,
    /// Offset of the `Value` a cell holds.
    pub cell_value: i32,
    /// Discriminant byte of `Object::Instance`.
    pub inst_tag: u8,
    /// Offset of an instance's class pointer (the class's allocation address, as in a slot payload).
    pub inst_cls: i32,
    /// Offset of an instance's shape pointer (the `Rc<Shape>` allocation address; see `shape_bits`).
    pub inst_shape: i32,
    /// Offset of an instance's attribute slot pointer (`Attrs::slots`).
    pub inst_slots: i32,
    /// Discriminant byte of `Object::Singleton` (NotImplemented, Ellipsis: NotImplemented is not one
    /// object, so a trace tells it from other results by this byte).
    pub singleton_tag: u8,
    /// Discriminant byte of `Object::BoundMethod`.
    pub bound_tag: u8,
    /// Offset of a bound method's `Box<(receiver, function)>` pointer.
    pub bound_box: i32,
    /// Which word of a `Vec` is its data pointer, which its length.
    pub vec_ptr_word: u8,
    pub vec_len_word: u8,
}

/// Where a function object keeps what a call inlined under a code guard reads at run time (see
/// `record/calls.rs`). `Object::Function` boxes its `Function`: `boxed` is the offset of that pointer
/// from the object's allocation address, the other offsets are from the box.
#[derive(Clone, Copy, Debug)]
pub struct FuncLayout {
    /// Discriminant byte of `Object::Function`.
    pub tag: u8,
    /// The `Box<Function>` pointer.
    pub boxed: i32,
    /// The `Rc<Code>` field.
    pub code: i32,
    /// The globals `ObjRef` field.
    pub globals: i32,
    /// The defaults `Vec<Value>`: data pointer and length.
    pub defaults_ptr: i32,
    pub defaults_len: i32,
    /// The closure `Vec<ObjRef>`: data pointer (each element is a cell's allocation address, the
    /// payload an object `Value` holds).
    pub closure_ptr: i32,
    /// The code and globals words of the function it was probed from.
    pub code_word: u64,
    pub globals_word: u64,
}

/// Probe `FuncLayout` from a live function object (every function has the same layout).
pub fn func_layout(o: &pvm_interp::object::ObjRef, l: &SeqLayout) -> Option<FuncLayout> {
    const W: usize = std::mem::size_of::<usize>();
    let Object::Function(f) = &**o else {
        return None;
    };
    if std::mem::size_of::<Rc<pvm_interp::code::Code>>() != W
        || std::mem::size_of::<pvm_interp::object::ObjRef>() != W
    {
        return None;
    }
    let word = |addr: usize| {
        // SAFETY: callers pass addresses of pointer-sized fields of the live object `o` or of its
        // boxed function `f`.
        unsafe { (addr as *const usize).read() }
    };
    let fbox = &**f as *const pvm_interp::object::Function as usize;
    let base = &**o as *const Object as usize;
    let hits: Vec<usize> = (0..std::mem::size_of::<Object>() / W)
        .filter(|&i| word(base + i * W) == fbox)
        .collect();
    let [k] = hits[..] else { return None };
    let code_at = &f.code as *const Rc<pvm_interp::code::Code> as usize;
    let globals_at = &f.globals as *const pvm_interp::object::ObjRef as usize;
    let dvec = &f.defaults as *const Vec<Value> as usize;
    let dptr_at = dvec + l.vec_ptr_word as usize * W;
    let dlen_at = dvec + l.vec_len_word as usize * W;
    let cptr_at =
        &f.closure as *const Vec<pvm_interp::object::ObjRef> as usize + l.vec_ptr_word as usize * W;
    // The words must be what the trace will compare and index with.
    if word(code_at) == 0
        || word(globals_at) as u64 != obj_bits(&Value::Obj(f.globals.clone()))
        || word(dlen_at) != f.defaults.len()
        || (!f.defaults.is_empty() && word(dptr_at) != f.defaults.as_ptr() as usize)
        || (!f.closure.is_empty() && word(cptr_at) != f.closure.as_ptr() as usize)
    {
        return None;
    }
    let off = |at: usize| i32::try_from(at.checked_sub(fbox)?).ok();
    Some(FuncLayout {
        tag: tag_byte(o),
        boxed: i32::try_from(RC_VALUE_OFFSET as usize + k * W).ok()?,
        code: off(code_at)?,
        globals: off(globals_at)?,
        defaults_ptr: off(dptr_at)?,
        defaults_len: off(dlen_at)?,
        closure_ptr: off(cptr_at)?,
        code_word: word(code_at) as u64,
        globals_word: word(globals_at) as u64,
    })
}

/// The word an instance's shape field holds for `shape` (what a shape guard compares with). Shapes are
/// never freed (the shape tree is rooted in a thread-local), so the address identifies the shape for
/// the whole run.
pub fn shape_bits(shape: &Rc<pvm_interp::shape::Shape>) -> u64 {
    Rc::as_ptr(shape) as *const u8 as u64 - RC_VALUE_OFFSET
}

/// The discriminant byte of an object.
fn tag_byte(o: &Object) -> u8 {
    // SAFETY: `Object` is `#[repr(u8)]`: its first byte is the discriminant, always initialised.
    unsafe { *(o as *const Object as *const u8) }
}

/// Probe `SeqLayout`; None if anything is not as expected (traces then use helpers).
pub fn probe_layout() -> Option<SeqLayout> {
    const W: usize = std::mem::size_of::<usize>();
    if std::mem::size_of::<Vec<Value>>() != 3 * W {
        return None;
    }
    let make = || {
        let mut v: Vec<Value> = Vec::with_capacity(7);
        v.extend([Value::None, Value::None, Value::None]);
        v
    };
    // Which word of a Vec<Value> is the data pointer, which the length.
    let v = make();
    // SAFETY: reading the three initialised words of a live Vec.
    let words: [usize; 3] = unsafe { std::ptr::read(&v as *const Vec<Value> as *const [usize; 3]) };
    let find = |x: usize| {
        let hits: Vec<usize> = (0..3).filter(|&i| words[i] == x).collect();
        (hits.len() == 1).then(|| hits[0])
    };
    let (pi, li, ci) = (
        find(v.as_ptr() as usize)?,
        find(v.len())?,
        find(v.capacity())?,
    );
    if pi == li || li == ci || pi == ci {
        return None;
    }
    let list = Object::List(std::cell::RefCell::new(make()));
    let tuple = Object::Tuple(make());
    let (Object::List(cell), Object::Tuple(items)) = (&list, &tuple) else {
        return None;
    };
    let base = |o: &Object| o as *const Object as usize;
    let lvec = (cell.as_ptr() as usize).checked_sub(base(&list))?;
    let tvec = (items as *const Vec<Value> as usize).checked_sub(base(&tuple))?;
    let cell = Object::Cell(std::cell::RefCell::new(Value::None));
    let Object::Cell(c) = &cell else { return None };
    let cvalue = (c.as_ptr() as usize).checked_sub(base(&cell))?;
    let other = Object::Int(Default::default());
    let tags = [
        tag_byte(&list),
        tag_byte(&tuple),
        tag_byte(&cell),
        tag_byte(&other),
    ];
    if (0..4).any(|i| (i + 1..4).any(|j| tags[i] == tags[j])) {
        return None;
    }
    let (lt, tt) = (tags[0], tags[1]);
    let (inst_tag, inst_cls, inst_shape, inst_slots) = probe_instance(pi)?;
    if tags.contains(&inst_tag) {
        return None;
    }
    let singleton_tag = tag_byte(&Object::Singleton(
        pvm_interp::object::Singleton::NotImplemented,
    ));
    if tags.contains(&singleton_tag) || singleton_tag == inst_tag {
        return None;
    }
    let (bound_tag, bound_box) = probe_bound()?;
    if tags.contains(&bound_tag) || bound_tag == inst_tag || bound_tag == singleton_tag {
        return None;
    }
    let off =
        |vec: usize, word: usize| i32::try_from(RC_VALUE_OFFSET as usize + vec + word * W).ok();
    Some(SeqLayout {
        list_tag: lt,
        tuple_tag: tt,
        list_ptr: off(lvec, pi)?,
        list_len: off(lvec, li)?,
        tuple_ptr: off(tvec, pi)?,
        tuple_len: off(tvec, li)?,
        cell_tag: tags[2],
        cell_value: i32::try_from(RC_VALUE_OFFSET as usize + cvalue).ok()?,
        inst_tag,
        inst_cls,
        inst_shape,
        inst_slots,
        singleton_tag,
        bound_tag,
        bound_box,
        vec_ptr_word: pi as u8,
        vec_len_word: li as u8,
    })
}

/// Where a bound method keeps its (receiver, function) box: (tag, offset from the allocation address).
fn probe_bound() -> Option<(u8, i32)> {
    const W: usize = std::mem::size_of::<usize>();
    let b = Box::new((Value::None, Value::Int(7)));
    let want = &*b as *const (Value, Value) as usize;
    // The pair must be two Values in order (receiver first) for the trace's loads.
    if std::mem::offset_of!((Value, Value), 1) != crate::abi::VALUE_SIZE {
        return None;
    }
    let o = Object::BoundMethod(b);
    let base = &o as *const Object as usize;
    let words = std::mem::size_of::<Object>() / W;
    let hits: Vec<usize> = (0..words)
        // SAFETY: reading initialised words of a live `Object` (its size is a multiple of the word).
        .filter(|&i| unsafe { *((base + i * W) as *const usize) } == want)
        .collect();
    let [k] = hits[..] else { return None };
    let off = i32::try_from(RC_VALUE_OFFSET as usize + k * W).ok()?;
    Some((tag_byte(&o), off))
}

/// Where an instance keeps its class, shape and slots: (tag, class, shape, slots pointer) offsets from
/// the allocation address. `pi` is the data-pointer word of a `Vec`.
fn probe_instance(pi: usize) -> Option<(u8, i32, i32, i32)> {
    const W: usize = std::mem::size_of::<usize>();
    if std::mem::size_of::<pvm_interp::object::ObjRef>() != W
        || std::mem::size_of::<Rc<pvm_interp::shape::Shape>>() != W
    {
        return None;
    }
    let cls = Rc::new(Object::Tuple(Vec::new()));
    let inst = Rc::new(Object::Instance(pvm_interp::object::Instance::new(
        cls.clone(),
    )));
    let Object::Instance(i) = &*inst else {
        return None;
    };
    let alloc = Rc::as_ptr(&inst) as *const u8 as usize - RC_VALUE_OFFSET as usize;
    let word = |addr: usize| {
        // SAFETY: `addr` is the address of a pointer-sized field of the live instance above.
        unsafe { (addr as *const usize).read() }
    };
    let cls_at = &i.cls as *const _ as usize;
    if word(cls_at) != Rc::as_ptr(&cls) as *const u8 as usize - RC_VALUE_OFFSET as usize {
        return None;
    }
    let a = i.attrs.borrow();
    let shape_at = &a.shape as *const _ as usize;
    if word(shape_at) as u64 != shape_bits(&a.shape) {
        return None;
    }
    let slots_at = &a.slots as *const Vec<Value> as usize + pi * W;
    if word(slots_at) != a.slots.as_ptr() as usize {
        return None;
    }
    let off = |at: usize| i32::try_from(at.checked_sub(alloc)?).ok();
    Some((
        tag_byte(&inst),
        off(cls_at)?,
        off(shape_at)?,
        off(slots_at)?,
    ))
}

/// The `Rc::as_ptr` of the object whose payload bits are `p`.
#[inline]
fn value_ptr(p: u64) -> *const Object {
    (p + RC_VALUE_OFFSET) as *const Object
}

/// The object behind a trace's object payload.
///
/// # Safety
/// `p` must be the payload of a live `Value::Obj` (see the module docs on lifetimes).
unsafe fn obj<'a>(p: u64) -> &'a Object {
    // SAFETY: guaranteed by the caller; `value_ptr` turns the allocation address into the object's.
    unsafe { &*value_ptr(p) }
}

/// A new owned reference to the object behind `p`.
///
/// # Safety
/// As for [`obj`].
pub(crate) unsafe fn new_ref(p: u64) -> Value {
    let ptr = value_ptr(p);
    // SAFETY: `ptr` is `Rc::as_ptr` of a live `Rc<Object>`; we create one more strong reference and wrap
    // it, so the count stays balanced when the returned `Value` is dropped.
    unsafe {
        Rc::increment_strong_count(ptr);
        Value::Obj(Rc::from_raw(ptr))
    }
}

/// The payload bits of `v` if its tag is `TAG` (a borrowed pointer for objects).
#[inline]
pub(crate) fn payload<const TAG: u8>(v: &Value) -> Option<u64> {
    match (TAG, v) {
        (0, Value::None) => Some(0),
        (1, Value::Bool(b)) => Some(*b as u64),
        (2, Value::Int(i)) => Some(*i as u64),
        (3, Value::Float(f)) => Some(f.to_bits()),
        (4, Value::Obj(_)) => Some(obj_bits(v)),
        _ => None,
    }
}

/// A value of tag `TAG` from payload bits (objects gain a reference).
///
/// # Safety
/// For `TAG == 4`, `bits` must be a live object pointer.
pub(crate) unsafe fn from_bits<const TAG: u8>(bits: u64) -> Value {
    match TAG {
        0 => Value::None,
        1 => Value::Bool(bits & 0xff != 0),
        2 => Value::Int(bits as i64),
        3 => Value::Float(f64::from_bits(bits)),
        // SAFETY: guaranteed by the caller.
        _ => unsafe { new_ref(bits) },
    }
}

/// Python index normalisation: `Some(i)` in `0..n`, else None (IndexError).
#[inline]
fn index(i: i64, n: usize) -> Option<usize> {
    let j = if i < 0 { i.checked_add(n as i64)? } else { i };
    (j >= 0 && (j as usize) < n).then_some(j as usize)
}

// ---- exit helpers -------------------------------------------------------------------------------------

/// `store_obj(slot, ptr)`: write `Obj(ptr)` with a new reference into a slot the exit has emptied.
extern "C" fn store_obj(slot: *mut Value, p: u64) {
    // SAFETY: the exit passes a slot of the frame array (emptied, so nothing is dropped) and a pointer
    // the trace holds alive; `new_ref` takes the slot's own reference.
    unsafe { std::ptr::write(slot, new_ref(p)) }
}

/// `drop_value(v)`: release whatever `*v` holds, leaving `Undef`.
extern "C" fn drop_value(v: *mut Value) {
    // SAFETY: the exit passes a scratch copy of a slot's old contents, a valid owned `Value`.
    let old = unsafe { std::ptr::replace(v, Value::Undef) };
    drop(old);
}

/// `sink_new(cls)`: a sunk allocation materialised by an exit: a new instance of `cls` exactly as
/// `new_instance` makes it, returned as an owned reference (the exit releases it with `drop_value`).
extern "C" fn sink_new(cls: u64) -> u64 {
    // SAFETY: `cls` is the trace's class constant (a live class object the trace keeps alive).
    let Value::Obj(c) = (unsafe { new_ref(cls) }) else {
        return 0;
    };
    let v = pvm_interp::vm::attrcache::new_instance(&c);
    let bits = obj_bits(&v);
    std::mem::forget(v);
    bits
}

/// `sink_set(obj, k, tag, bits)`: member slot `k` of an instance `sink_new` just made becomes the
/// None/bool/int/float with that tag and payload (what the trace's raw stores would have written).
extern "C" fn sink_set(o: u64, k: u64, tag: u64, bits: u64) {
    let v = match tag as u8 {
        crate::abi::TAG_BOOL => Value::Bool(bits & 0xff != 0),
        crate::abi::TAG_INT => Value::Int(bits as i64),
        crate::abi::TAG_FLOAT => Value::Float(f64::from_bits(bits)),
        crate::abi::TAG_NONE => Value::None,
        _ => return,
    };
    // SAFETY: `o` is the live instance `sink_new` returned (the exit holds its reference).
    if let Object::Instance(i) = unsafe { obj(o) } {
        if let Some(s) = i.attrs.borrow_mut().slots.get_mut(k as usize) {
            *s = v;
        }
    }
}

/// `store_wide(slot, lo, hi)`: write the 128-bit int `hi:lo` into a slot the exit has emptied, as an
/// `Int` when it fits 64 bits and as a new bigint otherwise (the interpreter's invariant).
extern "C" fn store_wide(slot: *mut Value, lo: u64, hi: u64) {
    let v = wide_value(wide(lo, hi));
    // SAFETY: the exit passes a slot of the frame array that it emptied (nothing to drop).
    unsafe { std::ptr::write(slot, v) }
}

fn wide(lo: u64, hi: u64) -> i128 {
    ((hi as u128) << 64 | lo as u128) as i128
}

fn wide_value(x: i128) -> Value {
    match i64::try_from(x) {
        Ok(i) => Value::Int(i),
        Err(_) => pvm_interp::value::int_from_big(num_bigint::BigInt::from(x)),
    }
}

/// `wide_unbox(p, out)`: OK and the value as two words if `p` is a bigint that fits 128 bits.
extern "C" fn wide_unbox(p: u64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `p` alive.
    let Object::Int(b) = (unsafe { obj(p) }) else {
        return FAIL;
    };
    let Ok(x) = i128::try_from(b) else {
        return FAIL;
    };
    // SAFETY: `out` is the trace's 16-byte wide slot.
    unsafe {
        *out = x as u64;
        *out.add(1) = (x >> 64) as u64;
    }
    OK
}

/// `wide_box(rt, lo, hi)`: a new bigint object for a wide value outside i64, kept alive by the nursery;
/// 0 (the trace exits) if it fits i64 (it must then be an `Int`, which `wbox` cannot produce) or the
/// nursery is full.
extern "C" fn wide_box(rt: *mut Runtime, lo: u64, hi: u64) -> u64 {
    // SAFETY: `rt` is the driver's runtime (ctx).
    let rt = unsafe { &mut *rt };
    let v = wide_value(wide(lo, hi));
    if !matches!(v, Value::Obj(_)) || !rt.room(1) {
        return 0;
    }
    let bits = obj_bits(&v);
    rt.nursery.push(v);
    bits
}

// ---- object kinds ---------------------------------------------------------------------------------------

/// Object kind codes returned by `obj_kind`.
pub mod kind {
    /// Any other object.
    pub const OTHER: i64 = 0;
    /// `list`.
    pub const LIST: i64 = 1;
    /// `tuple`.
    pub const TUPLE: i64 = 2;
    /// `str`.
    pub const STR: i64 = 3;
    /// A bigint.
    pub const BIGINT: i64 = 4;
}

/// The kind code of an object (never changes for a live object, so the call is pure).
pub fn kind_of(o: &Object) -> i64 {
    match o {
        Object::List(_) => kind::LIST,
        Object::Tuple(_) => kind::TUPLE,
        Object::Str(_) => kind::STR,
        Object::Int(_) => kind::BIGINT,
        _ => kind::OTHER,
    }
}

extern "C" fn obj_kind(p: u64) -> i64 {
    // SAFETY: called on object pointers the trace holds alive.
    kind_of(unsafe { obj(p) })
}

// ---- sequences -----------------------------------------------------------------------------------------

/// `seq[i]` for a list or tuple whose element has tag `TAG`; FAIL on another type, a bad index or
/// another element type (the interpreter then does it, raising IndexError if needed).
extern "C" fn seq_get<const TAG: u8>(p: u64, i: i64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `p` alive.
    let bits = match unsafe { obj(p) } {
        Object::List(l) => {
            let Ok(l) = l.try_borrow() else { return FAIL };
            match index(i, l.len()).and_then(|j| payload::<TAG>(&l[j])) {
                Some(b) => b,
                None => return FAIL,
            }
        }
        Object::Tuple(t) => match index(i, t.len()).and_then(|j| payload::<TAG>(&t[j])) {
            Some(b) => b,
            None => return FAIL,
        },
        _ => return FAIL,
    };
    // SAFETY: `out` is the trace's out-slot for this call.
    unsafe { *out = bits };
    OK
}

/// `len(x)` for list, tuple, str, dict, set, bytes; FAIL otherwise.
/// `ord(s)` of a one-character str; FAIL for anything else (the interpreter raises the TypeError or
/// handles the bytes).
extern "C" fn ord_str(p: u64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `p` alive.
    match unsafe { obj(p) } {
        Object::Str(s) if s.char_len() == 1 => {
            // SAFETY: `out` is the trace's out-slot for this call.
            unsafe { *out = s.char_at(0) as u64 };
            OK
        }
        _ => FAIL,
    }
}

extern "C" fn seq_len(p: u64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `p` alive.
    let n = match unsafe { obj(p) } {
        Object::List(l) => match l.try_borrow() {
            Ok(l) => l.len(),
            Err(_) => return FAIL,
        },
        Object::Tuple(t) => t.len(),
        Object::Str(s) => s.char_len(),
        Object::Bytes(b) => b.len(),
        Object::Dict(d) => match d.try_borrow() {
            Ok(d) => d.len(),
            Err(_) => return FAIL,
        },
        Object::Set(d) => match d.try_borrow() {
            Ok(d) => d.len(),
            Err(_) => return FAIL,
        },
        Object::FrozenSet(d) => d.len(),
        _ => return FAIL,
    };
    // SAFETY: `out` is the trace's out-slot for this call.
    unsafe { *out = n as u64 };
    OK
}

/// Store `v` into `slot`, retiring the old value into the nursery if `slot` held its last reference
/// (freeing it could run a finalizer or weakref callback inside the trace). False, with nothing
/// changed, when the nursery is full. Dropping a reference that is not the last runs no code, so
/// callers may still hold the container's borrow.
fn replace_retiring(rt: &mut Runtime, slot: &mut Value, v: Value) -> bool {
    let last_ref = matches!(&*slot, Value::Obj(o) if Rc::strong_count(o) == 1);
    if last_ref && !rt.room(1) {
        return false;
    }
    let old = std::mem::replace(slot, v);
    if last_ref {
        rt.nursery.push(old);
    }
    true
}

/// Replace `l[j]` by `v`, retiring the old element into the nursery if this was its last reference.
fn list_store(rt: &mut Runtime, p: u64, i: i64, make: impl FnOnce() -> Value) -> u32 {
    // SAFETY: the trace holds `p` alive.
    let Object::List(l) = (unsafe { obj(p) }) else {
        return FAIL;
    };
    let Ok(mut l) = l.try_borrow_mut() else {
        return FAIL;
    };
    let Some(j) = index(i, l.len()) else {
        return FAIL;
    };
    if !replace_retiring(rt, &mut l[j], make()) {
        return FAIL;
    }
    OK
}

/// `l[i] = v` for a list and a value of tag `TAG` (payload bits).
extern "C" fn list_set<const TAG: u8>(rt: *mut Runtime, p: u64, i: i64, bits: u64) -> u32 {
    // SAFETY: `rt` is the driver's runtime, passed as the trace's ctx; the trace holds `bits` alive if
    // it is an object.
    let rt = unsafe { &mut *rt };
    list_store(rt, p, i, || unsafe { from_bits::<TAG>(bits) })
}

/// `l[i] = x` for a float.
extern "C" fn list_set_float(rt: *mut Runtime, p: u64, i: i64, x: f64) -> u32 {
    // SAFETY: `rt` is the driver's runtime, passed as the trace's ctx.
    let rt = unsafe { &mut *rt };
    list_store(rt, p, i, || Value::Float(x))
}

/// Replace attribute slot `k` of the instance `p` (shape guarded by the trace), retiring the old value
/// into the nursery if this was its last reference.
fn attr_store(rt: &mut Runtime, p: u64, k: i64, make: impl FnOnce() -> Value) -> u32 {
    // SAFETY: the trace holds `p` alive.
    let Object::Instance(i) = (unsafe { obj(p) }) else {
        return FAIL;
    };
    let Ok(mut a) = i.attrs.try_borrow_mut() else {
        return FAIL;
    };
    let Some(slot) = a.slots.get_mut(k as usize) else {
        return FAIL;
    };
    if !replace_retiring(rt, slot, make()) {
        return FAIL;
    }
    OK
}

/// `o.name = v` into existing slot `k`, for a value of tag `TAG` (payload bits).
extern "C" fn attr_set<const TAG: u8>(rt: *mut Runtime, p: u64, k: i64, bits: u64) -> u32 {
    // SAFETY: `rt` is the driver's runtime, passed as the trace's ctx; the trace holds `bits` alive if
    // it is an object.
    let rt = unsafe { &mut *rt };
    attr_store(rt, p, k, || unsafe { from_bits::<TAG>(bits) })
}

/// `o.name = x` into existing slot `k`, for a float.
extern "C" fn attr_set_float(rt: *mut Runtime, p: u64, k: i64, x: f64) -> u32 {
    // SAFETY: `rt` is the driver's runtime, passed as the trace's ctx.
    let rt = unsafe { &mut *rt };
    attr_store(rt, p, k, || Value::Float(x))
}

/// A new attribute: append a slot to the instance `p` and move it to the child shape `next` (an
/// `Rc::as_ptr` of a shape; shapes are never freed). The trace guarded the current shape, whose child
/// `next` is.
fn attr_append(p: u64, next: i64, make: impl FnOnce() -> Value) -> u32 {
    // SAFETY: the trace holds `p` alive.
    let Object::Instance(i) = (unsafe { obj(p) }) else {
        return FAIL;
    };
    let Ok(mut a) = i.attrs.try_borrow_mut() else {
        return FAIL;
    };
    let next = next as *const pvm_interp::shape::Shape;
    // SAFETY: `next` is `Rc::as_ptr` of a shape, and shapes are never freed (their tree is rooted in a
    // thread-local); we take one more strong reference for the instance.
    let next = unsafe {
        Rc::increment_strong_count(next);
        Rc::from_raw(next)
    };
    if a.dict.is_some() || a.slots.len() != a.shape.len() || next.len() != a.slots.len() + 1 {
        return FAIL;
    }
    a.shape = next;
    a.slots.push(make());
    OK
}

/// `o.name = v` adding a slot, for a value of tag `TAG`.
extern "C" fn attr_add<const TAG: u8>(p: u64, next: i64, bits: u64) -> u32 {
    // SAFETY: the trace holds `bits` alive if it is an object.
    attr_append(p, next, || unsafe { from_bits::<TAG>(bits) })
}

/// `o.name = x` adding a slot, for a float.
extern "C" fn attr_add_float(p: u64, next: i64, x: f64) -> u32 {
    attr_append(p, next, || Value::Float(x))
}

fn list_push(p: u64, make: impl FnOnce() -> Value) -> u32 {
    // SAFETY: the trace holds `p` alive.
    let Object::List(l) = (unsafe { obj(p) }) else {
        return FAIL;
    };
    let Ok(mut l) = l.try_borrow_mut() else {
        return FAIL;
    };
    l.push(make());
    OK
}

/// `l.pop()` of a list whose last element has tag `TAG`: its payload through `out` (an object goes to
/// the nursery, which keeps it alive until an exit stores it); FAIL if the list is empty, the element
/// has another type or the nursery is full.
extern "C" fn list_pop<const TAG: u8>(rt: *mut Runtime, p: u64, out: *mut u64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx); the trace holds `p` alive.
    let rt = unsafe { &mut *rt };
    let Object::List(l) = (unsafe { obj(p) }) else {
        return FAIL;
    };
    let Ok(mut l) = l.try_borrow_mut() else {
        return FAIL;
    };
    let Some(bits) = l.last().and_then(payload::<TAG>) else {
        return FAIL;
    };
    if TAG == 4 && !rt.room(1) {
        return FAIL;
    }
    let v = l.pop();
    drop(l);
    if let Some(v @ Value::Obj(_)) = v {
        rt.nursery.push(v);
    }
    if !out.is_null() {
        // SAFETY: `out` is the trace's out-slot for this call.
        unsafe { *out = bits };
    }
    OK
}

/// `l.pop()` whose last element is None.
extern "C" fn list_pop_none(rt: *mut Runtime, p: u64) -> u32 {
    list_pop::<0>(rt, p, std::ptr::null_mut())
}

/// `[]`: a new empty list (`BuildList`, filled by `list_append.*`), kept alive by the nursery; FAIL
/// when the nursery is full.
extern "C" fn new_list(rt: *mut Runtime, out: *mut u64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx).
    let rt = unsafe { &mut *rt };
    if !rt.room(1) {
        return FAIL;
    }
    let v = Value::obj(Object::List(std::cell::RefCell::new(Vec::new())));
    // SAFETY: `out` is the trace's out-slot for this call.
    unsafe { *out = obj_bits(&v) };
    rt.nursery.push(v);
    OK
}

/// A tuple of the elements of the list `p`, which the trace just made with `new_list` (nothing else
/// refers to it, so the elements move), kept alive by the nursery; FAIL when the nursery is full.
extern "C" fn list_into_tuple(rt: *mut Runtime, p: u64, out: *mut u64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx); the trace holds `p` alive.
    let rt = unsafe { &mut *rt };
    let Object::List(l) = (unsafe { obj(p) }) else {
        return FAIL;
    };
    if !rt.room(1) {
        return FAIL;
    }
    let Ok(mut l) = l.try_borrow_mut() else {
        return FAIL;
    };
    let v = Value::obj(Object::Tuple(std::mem::take(&mut *l)));
    // SAFETY: `out` is the trace's out-slot for this call.
    unsafe { *out = obj_bits(&v) };
    rt.nursery.push(v);
    OK
}

/// `new_instance(cls)`: a new instance of the class `cls` with no attributes, as calling the class makes
/// it before `__init__` (`pvm_interp::vm::attrcache::new_instance`), kept alive by the nursery; FAIL
/// when the nursery is full or `cls` is not a class.
extern "C" fn new_instance(rt: *mut Runtime, cls: u64, out: *mut u64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx); the trace holds the class alive (a constant).
    let rt = unsafe { &mut *rt };
    if !rt.room(1) || !matches!(unsafe { obj(cls) }, Object::Type(_)) {
        return FAIL;
    }
    // SAFETY: as above: `cls` is a live object pointer.
    let Value::Obj(c) = (unsafe { new_ref(cls) }) else {
        return FAIL;
    };
    let v = pvm_interp::vm::attrcache::new_instance(&c);
    // SAFETY: `out` is the trace's out-slot for this call.
    unsafe { *out = obj_bits(&v) };
    rt.nursery.push(v);
    OK
}

/// `new_instance_nodel(cls, shape)`: `new_instance` for a class without `__del__`; `shape` (the
/// root shape's bits) is only there for the sink pass (`opt/sink.rs`).
extern "C" fn new_instance_nodel(rt: *mut Runtime, cls: u64, _shape: i64, out: *mut u64) -> u32 {
    new_instance(rt, cls, out)
}

/// `l.append(v)` for a value of tag `TAG`.
extern "C" fn list_append<const TAG: u8>(p: u64, bits: u64) -> u32 {
    // SAFETY: the trace holds `bits` alive if it is an object.
    list_push(p, || unsafe { from_bits::<TAG>(bits) })
}

/// `l.append(x)` for a float.
extern "C" fn list_append_float(p: u64, x: f64) -> u32 {
    list_push(p, || Value::Float(x))
}

/// `cell.contents = v` (a `StoreDeref`), retiring the old contents like `list_store` does.
fn cell_store(rt: &mut Runtime, p: u64, make: impl FnOnce() -> Value) -> u32 {
    // SAFETY: the trace holds `p` alive.
    let Object::Cell(c) = (unsafe { obj(p) }) else {
        return FAIL;
    };
    let Ok(mut c) = c.try_borrow_mut() else {
        return FAIL;
    };
    if !replace_retiring(rt, &mut *c, make()) {
        return FAIL;
    }
    OK
}

extern "C" fn cell_set<const TAG: u8>(rt: *mut Runtime, p: u64, bits: u64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx); the trace holds `bits` alive if it is an object.
    let rt = unsafe { &mut *rt };
    cell_store(rt, p, || unsafe { from_bits::<TAG>(bits) })
}

extern "C" fn cell_set_float(rt: *mut Runtime, p: u64, x: f64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx).
    let rt = unsafe { &mut *rt };
    cell_store(rt, p, || Value::Float(x))
}

/// A global's new value (`StoreGlobal` into a namespace a trace reads in place: record/globals.rs):
/// replace entry `ix` of the dict `p` (its layout guarded by the trace, so the entry exists and holds
/// the name), bumping its version, and retire the old value like `list_store` does.
fn global_store(rt: &mut Runtime, p: u64, ix: i64, make: impl FnOnce() -> Value) -> u32 {
    // SAFETY: the trace holds `p` alive.
    let Object::Dict(d) = (unsafe { obj(p) }) else {
        return FAIL;
    };
    let Ok(mut d) = d.try_borrow_mut() else {
        return FAIL;
    };
    let Some(e) = d.entry_mut(ix as usize) else {
        return FAIL;
    };
    if !replace_retiring(rt, &mut e.value, make()) {
        return FAIL;
    }
    OK
}

extern "C" fn global_set<const TAG: u8>(rt: *mut Runtime, p: u64, ix: i64, bits: u64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx); the trace holds `bits` alive if it is an object.
    let rt = unsafe { &mut *rt };
    global_store(rt, p, ix, || unsafe { from_bits::<TAG>(bits) })
}

extern "C" fn global_set_float(rt: *mut Runtime, p: u64, ix: i64, x: f64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx).
    let rt = unsafe { &mut *rt };
    global_store(rt, p, ix, || Value::Float(x))
}

/// `seq[lo:hi]` of a list or tuple (`flags` bit 0: `lo` given, bit 1: `hi` given): a new object of the
/// same type, kept alive by the nursery.
extern "C" fn seq_slice(
    rt: *mut Runtime,
    p: u64,
    lo: i64,
    hi: i64,
    flags: i64,
    out: *mut u64,
) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx).
    let rt = unsafe { &mut *rt };
    if !rt.room(1) {
        return FAIL;
    }
    let range = |n: usize| {
        let n = n as i64;
        let clamp = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
        let a = if flags & 1 != 0 { clamp(lo) } else { 0 };
        let b = if flags & 2 != 0 { clamp(hi) } else { n };
        (a as usize, b.max(a) as usize)
    };
    // SAFETY: the trace holds `p` alive.
    let o = match unsafe { obj(p) } {
        Object::List(l) => {
            let Ok(l) = l.try_borrow() else { return FAIL };
            let (a, b) = range(l.len());
            Object::List(std::cell::RefCell::new(l[a..b].to_vec()))
        }
        Object::Tuple(t) => {
            let (a, b) = range(t.len());
            Object::Tuple(t[a..b].to_vec())
        }
        Object::Str(_) | Object::Bytes(_) => {
            // The interpreter's own slicing (character indices, the ASCII fast path...), with a real
            // slice object; it runs no Python code and changes nothing.
            let bound = |set: bool, i: i64| if set { Value::Int(i) } else { Value::None };
            let s = Value::obj(Object::Slice(Box::new([
                bound(flags & 1 != 0, lo),
                bound(flags & 2 != 0, hi),
                Value::None,
            ])));
            // SAFETY: the trace holds `p` alive.
            let seq = unsafe { new_ref(p) };
            if rt.vm.is_null() {
                return FAIL;
            }
            // SAFETY: as in `vmops::run`: the driver's `&mut Vm`, unused while the trace runs.
            let vm = unsafe { &mut *rt.vm };
            let Some(v) =
                crate::vmops::perform(vm, crate::vmops::What::GetItem, 0, None, &[seq, s])
            else {
                return FAIL;
            };
            // SAFETY: `out` is the trace's out-slot for this call (room checked above).
            let given = unsafe { crate::vmops::hand_over::<{ crate::abi::TAG_OBJ }>(rt, v, out) };
            return if given { OK } else { FAIL };
        }
        _ => return FAIL,
    };
    let v = Value::obj(o);
    // SAFETY: `out` is the trace's out-slot for this call.
    unsafe { *out = obj_bits(&v) };
    rt.nursery.push(v);
    OK
}

// ---- iteration -----------------------------------------------------------------------------------------

/// `next(it)` for a list/tuple iterator whose next element has tag `TAG`. FAIL when exhausted, for other
/// iterators and for other element types, without advancing.
extern "C" fn iter_next<const TAG: u8>(p: u64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `p` alive.
    let Object::Iter(it) = (unsafe { obj(p) }) else {
        return FAIL;
    };
    let Ok(mut it) = it.try_borrow_mut() else {
        return FAIL;
    };
    let Iter::Seq { seq, index } = &mut *it else {
        return FAIL;
    };
    let bits = match &**seq {
        Object::List(l) => {
            let Ok(l) = l.try_borrow() else { return FAIL };
            match l.get(*index).and_then(payload::<TAG>) {
                Some(b) => b,
                None => return FAIL,
            }
        }
        Object::Tuple(t) => match t.get(*index).and_then(payload::<TAG>) {
            Some(b) => b,
            None => return FAIL,
        },
        _ => return FAIL,
    };
    *index += 1;
    // SAFETY: `out` is the trace's out-slot for this call.
    unsafe { *out = bits };
    OK
}

// ---- dicts with int or str keys (no Python code can run: `dict_find_pure`) --------------------------

/// The key passed to a dict helper: an int (`KT` 2) or an object (`KT` 4, a str for a hit).
///
/// # Safety
/// For `KT == 4`, `k` must be a live object pointer.
unsafe fn dict_key<const KT: u8>(k: u64) -> Value {
    // SAFETY: guaranteed by the caller.
    unsafe { from_bits::<KT>(k) }
}

/// `d[k]` for an exact dict whose value has tag `TAG`; FAIL when it is not a dict, the key is missing
/// (KeyError ahead), the value has another type, or only the VM can compare the keys.
extern "C" fn dict_get<const KT: u8, const TAG: u8>(p: u64, k: u64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `p` (and `k` if it is an object) alive.
    let (Object::Dict(d), key) = (unsafe { obj(p) }, unsafe { dict_key::<KT>(k) }) else {
        return FAIL;
    };
    let Ok(d) = d.try_borrow() else { return FAIL };
    let Ok(Some(ix)) = pvm_interp::vm::dict_find_pure(&d, &key) else {
        return FAIL;
    };
    match d.entry(ix).and_then(|e| payload::<TAG>(&e.value)) {
        Some(bits) => {
            // SAFETY: `out` is the trace's out-slot for this call.
            unsafe { *out = bits };
            OK
        }
        None => FAIL,
    }
}

extern "C" fn dict_get_none<const KT: u8>(p: u64, k: u64) -> u32 {
    let mut d = 0;
    dict_get::<KT, 0>(p, k, &mut d)
}

/// `d[k] = v` for an exact dict (a new key is appended; a replaced value is retired like
/// `list_store` does); FAIL when only the VM can do it.
fn dict_store<const KT: u8>(rt: &mut Runtime, p: u64, k: u64, make: impl FnOnce() -> Value) -> u32 {
    // SAFETY: the trace holds `p` (and `k` if it is an object) alive.
    let (Object::Dict(d), key) = (unsafe { obj(p) }, unsafe { dict_key::<KT>(k) }) else {
        return FAIL;
    };
    let Ok(mut d) = d.try_borrow_mut() else {
        return FAIL;
    };
    let Ok(found) = pvm_interp::vm::dict_find_pure(&d, &key) else {
        return FAIL;
    };
    match found {
        Some(ix) => {
            let Some(e) = d.entry_mut(ix) else {
                return FAIL;
            };
            if !replace_retiring(rt, &mut e.value, make()) {
                return FAIL;
            }
        }
        None => {
            let h = match &key {
                Value::Int(i) => pvm_interp::hash::hash_i64(*i),
                _ => match pvm_interp::vm::protocol::str_and_hash(&key) {
                    Some((_, h)) => h,
                    None => return FAIL,
                },
            };
            d.insert_new(h, key, make());
        }
    }
    OK
}

extern "C" fn dict_set<const KT: u8, const TAG: u8>(
    rt: *mut Runtime,
    p: u64,
    k: u64,
    bits: u64,
) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx); the trace holds `bits` alive if it is an object.
    let rt = unsafe { &mut *rt };
    dict_store::<KT>(rt, p, k, || unsafe { from_bits::<TAG>(bits) })
}

extern "C" fn dict_set_float<const KT: u8>(rt: *mut Runtime, p: u64, k: u64, x: f64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx).
    let rt = unsafe { &mut *rt };
    dict_store::<KT>(rt, p, k, || Value::Float(x))
}

/// `k in c` for an exact dict, set or frozenset `c`, answered by the interpreter's own pure lookup;
/// FAIL when only the VM can decide (a stored key needs `__eq__`, another container, a borrowed one).
extern "C" fn has<const KT: u8>(p: u64, k: u64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `p` (and `k` if it is an object) alive.
    let (o, key) = (unsafe { obj(p) }, unsafe { dict_key::<KT>(k) });
    match pvm_interp::vm::contains_pure_obj(o, &key) {
        Some(found) => {
            // SAFETY: `out` is the trace's out-slot for this call.
            unsafe { *out = found as u64 };
            OK
        }
        None => FAIL,
    }
}

/// The next item of a dict key/value/item iterator, as the interpreter's `next` makes it (an items
/// tuple is new: the nursery keeps it alive); FAIL when the dict changed size (the interpreter raises
/// RuntimeError), at the end, or for another type.
fn dict_iter_step(rt: &mut Runtime, p: u64) -> Option<Value> {
    // SAFETY: the trace holds `p` alive.
    let Object::Iter(it) = (unsafe { obj(p) }) else {
        return None;
    };
    let mut it = it.try_borrow_mut().ok()?;
    let (kind, dict, index, len_at_start) = match &mut *it {
        Iter::DictKeys {
            dict,
            index,
            len_at_start,
        } => (0, dict, index, len_at_start),
        Iter::DictValues {
            dict,
            index,
            len_at_start,
        } => (1, dict, index, len_at_start),
        Iter::DictItems {
            dict,
            index,
            len_at_start,
        } => (2, dict, index, len_at_start),
        _ => return None,
    };
    let Object::Dict(d) = &**dict else {
        return None;
    };
    let d = d.try_borrow().ok()?;
    if d.len() != *len_at_start {
        return None;
    }
    let (pos, e) = d.next_from(*index)?;
    let v = match kind {
        0 => e.key.clone(),
        1 => e.value.clone(),
        _ => {
            if !rt.room(1) {
                return None;
            }
            let t = Value::obj(Object::Tuple(vec![e.key.clone(), e.value.clone()]));
            rt.nursery.push(t.clone());
            t
        }
    };
    *index = pos + 1;
    Some(v)
}

extern "C" fn dict_next<const TAG: u8>(rt: *mut Runtime, p: u64, out: *mut u64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx).
    let rt = unsafe { &mut *rt };
    match dict_iter_step(rt, p) {
        // The item stays alive: the dict holds keys and values, the nursery holds items tuples.
        Some(v) => match payload::<TAG>(&v) {
            Some(bits) => {
                // SAFETY: `out` is the trace's out-slot for this call.
                unsafe { *out = bits };
                OK
            }
            None => FAIL,
        },
        None => FAIL,
    }
}

extern "C" fn dict_next_none(rt: *mut Runtime, p: u64) -> u32 {
    let mut d = 0;
    dict_next::<0>(rt, p, &mut d)
}

/// OK if a dict key/value/item iterator is at its end with the dict's size unchanged (the loop
/// ends), FAIL otherwise.
extern "C" fn dict_iter_done(p: u64) -> u32 {
    // SAFETY: the trace holds `p` alive.
    let Object::Iter(it) = (unsafe { obj(p) }) else {
        return FAIL;
    };
    let Ok(it) = it.try_borrow() else { return FAIL };
    let (Iter::DictKeys {
        dict,
        index,
        len_at_start,
    }
    | Iter::DictValues {
        dict,
        index,
        len_at_start,
    }
    | Iter::DictItems {
        dict,
        index,
        len_at_start,
    }) = &*it
    else {
        return FAIL;
    };
    let Object::Dict(d) = &**dict else {
        return FAIL;
    };
    let Ok(d) = d.try_borrow() else { return FAIL };
    if d.len() == *len_at_start && d.next_from(*index).is_none() {
        OK
    } else {
        FAIL
    }
}

/// `seq[i] is None` check for a list or tuple (the value is the constant None).
extern "C" fn seq_get_none(p: u64, i: i64) -> u32 {
    let mut d = 0;
    seq_get::<0>(p, i, &mut d)
}

/// `next(it)` when the next element is None.
extern "C" fn iter_next_none(p: u64) -> u32 {
    let mut d = 0;
    iter_next::<0>(p, &mut d)
}

/// `enumerate(seq)` of a list or tuple: an `enumerate` over a sequence iterator from 0, exactly what
/// the builtin builds (`Iter::Enumerate` of `Iter::Seq`), kept alive by the nursery; FAIL when the
/// nursery is full or `seq` is not a list or tuple.
extern "C" fn new_enumerate(rt: *mut Runtime, seq: u64, out: *mut u64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx); the trace holds `seq` alive.
    let rt = unsafe { &mut *rt };
    if !rt.room(1) || !matches!(unsafe { obj(seq) }, Object::List(_) | Object::Tuple(_)) {
        return FAIL;
    }
    // SAFETY: as above: `seq` is a live object pointer.
    let Value::Obj(seq) = (unsafe { new_ref(seq) }) else {
        return FAIL;
    };
    let inner = Value::obj(Object::Iter(std::cell::RefCell::new(Iter::Seq {
        seq,
        index: 0,
    })));
    let v = Value::obj(Object::Iter(std::cell::RefCell::new(Iter::Enumerate {
        iter: inner,
        count: Value::Int(0),
    })));
    // SAFETY: `out` is the trace's out-slot for this call.
    unsafe { *out = obj_bits(&v) };
    rt.nursery.push(v);
    OK
}

/// The inner iterator's bits and the count of an `enumerate` whose count is an int below i64::MAX.
fn enum_parts(p: u64) -> Option<(u64, i64)> {
    // SAFETY: the trace holds `p` alive.
    let Object::Iter(it) = (unsafe { obj(p) }) else {
        return None;
    };
    let it = it.try_borrow().ok()?;
    match &*it {
        Iter::Enumerate {
            iter: inner @ Value::Obj(_),
            count: Value::Int(c),
        } if *c < i64::MAX => Some((obj_bits(inner), *c)),
        _ => None,
    }
}

/// The count an `enumerate` pairs with its next element (FAIL if it is not a small int).
extern "C" fn enum_count(p: u64, out: *mut u64) -> u32 {
    let Some((_, c)) = enum_parts(p) else {
        return FAIL;
    };
    // SAFETY: `out` is the trace's out-slot for this call.
    unsafe { *out = c as u64 };
    OK
}

/// `next()` of an `enumerate` over a list/tuple iterator whose next element has tag `TAG`: advances
/// both (the element is returned, the count was read by `enum_count`). FAIL without advancing
/// otherwise.
extern "C" fn enum_next<const TAG: u8>(p: u64, out: *mut u64) -> u32 {
    let Some((inner, c)) = enum_parts(p) else {
        return FAIL;
    };
    if iter_next::<TAG>(inner, out) != OK {
        return FAIL;
    }
    // SAFETY: the trace holds `p` alive; `enum_parts` saw it is an iterator nobody borrows.
    if let Object::Iter(it) = unsafe { obj(p) } {
        if let Iter::Enumerate { count, .. } = &mut *it.borrow_mut() {
            *count = Value::Int(c + 1);
        }
    }
    OK
}

/// `next()` of an `enumerate` whose next element is None.
extern "C" fn enum_next_none(p: u64) -> u32 {
    let mut d = 0;
    enum_next::<0>(p, &mut d)
}

/// OK if an `enumerate` over a list/tuple iterator is exhausted, FAIL otherwise.
extern "C" fn enum_done(p: u64) -> u32 {
    match enum_parts(p) {
        Some((inner, _)) => iter_done(inner),
        None => FAIL,
    }
}

/// OK if a list/tuple iterator is exhausted (the loop ends), FAIL otherwise.
extern "C" fn iter_done(p: u64) -> u32 {
    // SAFETY: the trace holds `p` alive.
    let Object::Iter(it) = (unsafe { obj(p) }) else {
        return FAIL;
    };
    let Ok(it) = it.try_borrow() else { return FAIL };
    let Iter::Seq { seq, index } = &*it else {
        return FAIL;
    };
    let len = match &**seq {
        Object::List(l) => match l.try_borrow() {
            Ok(l) => l.len(),
            Err(_) => return FAIL,
        },
        Object::Tuple(t) => t.len(),
        _ => return FAIL,
    };
    if *index >= len {
        OK
    } else {
        FAIL
    }
}

// ---- frames --------------------------------------------------------------------------------------------

/// The interpreter's frame records (unchanged while native code runs).
///
/// # Safety
/// `rt` is the driver's runtime with `vm` set for this run.
unsafe fn frames<'a>(rt: *mut Runtime) -> &'a [pvm_interp::vm::Frame] {
    // SAFETY: guaranteed by the caller; the driver holds the `Vm` for the duration of the run and does
    // not touch it until the trace returns.
    unsafe {
        match (*rt).vm.as_ref() {
            Some(vm) => &vm.frames,
            None => &[],
        }
    }
}

/// OK if the frame below the `level` frames a trace has returned from is running `code`, resumes at `pc`
/// and called the frame above it from Python (the callee's result slot is below the caller's saved
/// stack top; a frame called by native code sits on it and returns to Rust instead).
extern "C" fn caller_is(rt: *mut Runtime, level: i64, code: i64, pc: i64) -> u32 {
    // SAFETY: ctx is the driver's runtime.
    let f = unsafe { frames(rt) };
    let Some(i) = f.len().checked_sub(2 + level as usize) else {
        return FAIL;
    };
    let (c, callee) = (&f[i], &f[i + 1]);
    if Rc::as_ptr(&c.code) as *const u8 as i64 == code
        && c.pc as i64 == pc
        && callee.ret_slot < c.sp
    {
        OK
    } else {
        FAIL
    }
}

/// OK if the top frame record and its caller are exactly what an inlined call at the same base would
/// have pushed: the callee's code and function, its result slot, and the caller's resume pc and stack
/// top (both relative to the callee's base). A trace that returned from the top frame and called the
/// function again may then hand over to a trace that expects that record.
extern "C" fn frames_are(
    rt: *mut Runtime,
    code: i64,
    func: i64,
    ret: i64,
    caller_pc: i64,
    caller_sp: i64,
) -> u32 {
    // SAFETY: ctx is the driver's runtime.
    let f = unsafe { frames(rt) };
    let [.., below, top] = f else { return FAIL };
    let same_func = top
        .func
        .as_ref()
        .is_some_and(|o| Rc::as_ptr(o) as *const u8 as i64 == func);
    let rel = |x: usize| x as i64 - top.base as i64;
    if Rc::as_ptr(&top.code) as *const u8 as i64 == code
        && same_func
        && rel(top.ret_slot) == ret
        && below.pc as i64 == caller_pc
        && rel(below.sp) == caller_sp
    {
        OK
    } else {
        FAIL
    }
}

// ---- numbers -------------------------------------------------------------------------------------------

/// Int arithmetic where an operand is a bigint: the interpreter's own `int_binop`. The result must be
/// a bigint again (FAIL if it fits i64: the interpreter then produces the inline int, and the trace's
/// type assumption no longer holds), and it is kept alive by the nursery until an exit stores it.
fn big_binop(rt: *mut Runtime, op: i64, x: IntRef, y: IntRef, out: *mut u64) -> u32 {
    // SAFETY: `rt` is the driver's runtime (ctx).
    let rt = unsafe { &mut *rt };
    let Some(&op) = usize::try_from(op).ok().and_then(|i| BinOp::ALL.get(i)) else {
        return FAIL;
    };
    if !matches!(
        op,
        BinOp::Add
            | BinOp::Sub
            | BinOp::Mul
            | BinOp::FloorDiv
            | BinOp::Mod
            | BinOp::And
            | BinOp::Or
            | BinOp::Xor
    ) || !rt.room(1)
    {
        return FAIL;
    }
    // The common accumulator case without copying the bigint operand (the interpreter's generic path
    // converts both operands to owned bigints first).
    let quick = match (op, &x, &y) {
        (BinOp::Add, IntRef::Big(a), IntRef::Small(b))
        | (BinOp::Add, IntRef::Small(b), IntRef::Big(a)) => Some(*a + *b),
        (BinOp::Sub, IntRef::Big(a), IntRef::Small(b)) => Some(*a - *b),
        (BinOp::Mul, IntRef::Big(a), IntRef::Small(b))
        | (BinOp::Mul, IntRef::Small(b), IntRef::Big(a)) => Some(*a * *b),
        (BinOp::Add, IntRef::Big(a), IntRef::Big(b)) => Some(*a + *b),
        (BinOp::Sub, IntRef::Big(a), IntRef::Big(b)) => Some(*a - *b),
        _ => None,
    };
    let r = match quick {
        Some(b) => Ok(pvm_interp::value::int_from_big(b)),
        None => int_binop(op, x, y),
    };
    match r {
        Ok(v @ Value::Obj(_)) => {
            // SAFETY: `out` is the trace's out-slot for this call.
            unsafe { *out = obj_bits(&v) };
            rt.nursery.push(v);
            OK
        }
        _ => FAIL,
    }
}

/// Int arithmetic with a bigint operand whose result fits i64 (`big & mask`, `big % n`): the
/// interpreter's `int_binop`, the result through `out`; FAIL when it is a bigint (or raises).
fn big_binop_small(op: i64, x: IntRef, y: IntRef, out: *mut u64) -> u32 {
    let Some(&op) = usize::try_from(op).ok().and_then(|i| BinOp::ALL.get(i)) else {
        return FAIL;
    };
    match int_binop(op, x, y) {
        Ok(Value::Int(r)) => {
            // SAFETY: `out` is the trace's out-slot for this call.
            unsafe { *out = r as u64 };
            OK
        }
        _ => FAIL,
    }
}

extern "C" fn big_small_oi(op: i64, a: u64, b: i64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `a` alive.
    match unsafe { big(a) } {
        Some(x) => big_binop_small(op, x, IntRef::Small(b), out),
        None => FAIL,
    }
}

extern "C" fn big_small_io(op: i64, a: i64, b: u64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `b` alive.
    match unsafe { big(b) } {
        Some(y) => big_binop_small(op, IntRef::Small(a), y, out),
        None => FAIL,
    }
}

extern "C" fn big_small_oo(op: i64, a: u64, b: u64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `a` and `b` alive.
    match unsafe { (big(a), big(b)) } {
        (Some(x), Some(y)) => big_binop_small(op, x, y, out),
        _ => FAIL,
    }
}

/// Arithmetic of two ints whose result leaves i64 (`x * k` overflowing): a new bigint; FAIL when the
/// result fits i64 (the trace's checked op covers that case).
extern "C" fn big_binop_ii(rt: *mut Runtime, op: i64, a: i64, b: i64, out: *mut u64) -> u32 {
    big_binop(rt, op, IntRef::Small(a), IntRef::Small(b), out)
}

/// The bigint behind an object payload, if it is one.
///
/// # Safety
/// As for [`obj`].
unsafe fn big<'a>(p: u64) -> Option<IntRef<'a>> {
    // SAFETY: guaranteed by the caller.
    match unsafe { obj(p) } {
        Object::Int(b) => Some(IntRef::Big(b)),
        _ => None,
    }
}

extern "C" fn big_binop_oo(rt: *mut Runtime, op: i64, a: u64, b: u64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `a` and `b` alive.
    match unsafe { (big(a), big(b)) } {
        (Some(x), Some(y)) => big_binop(rt, op, x, y, out),
        _ => FAIL,
    }
}

extern "C" fn big_binop_oi(rt: *mut Runtime, op: i64, a: u64, b: i64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `a` alive.
    match unsafe { big(a) } {
        Some(x) => big_binop(rt, op, x, IntRef::Small(b), out),
        None => FAIL,
    }
}

extern "C" fn big_binop_io(rt: *mut Runtime, op: i64, a: i64, b: u64, out: *mut u64) -> u32 {
    // SAFETY: the trace holds `b` alive.
    match unsafe { big(b) } {
        Some(y) => big_binop(rt, op, IntRef::Small(a), y, out),
        None => FAIL,
    }
}

/// Python's float `**` where it is a plain `powf`; FAIL where Python raises (the interpreter does it).
extern "C" fn fpow(a: f64, b: f64, out: *mut u64) -> u32 {
    if (a == 0.0 && b < 0.0) || (a < 0.0 && b.fract() != 0.0 && b.is_finite()) {
        return FAIL;
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return FAIL;
    }
    // SAFETY: `out` is the trace's out-slot for this call.
    unsafe { *out = r.to_bits() };
    OK
}

/// `min(a, b)` / `max(a, b)` with Python's rule (the first wins unless the second compares strictly
/// smaller / greater, so NaN handling follows the argument order).
extern "C" fn imin(a: i64, b: i64) -> i64 {
    if b < a {
        b
    } else {
        a
    }
}
extern "C" fn imax(a: i64, b: i64) -> i64 {
    if b > a {
        b
    } else {
        a
    }
}
extern "C" fn fmin(a: f64, b: f64) -> f64 {
    if b < a {
        b
    } else {
        a
    }
}
extern "C" fn fmax(a: f64, b: f64) -> f64 {
    if b > a {
        b
    } else {
        a
    }
}

/// A one-argument `math` function that Python computes as plain libm, with its domain checks: FAIL where
/// Python raises. Values come from the interpreter's own `mathfn` (the C library), so both agree bit for bit.
use pvm_interp::builtins::modules::mathfn;

macro_rules! math_fns {
    ($( $name:ident $pyname:literal |$x:ident| ok: $ok:expr, value: $v:expr; )*) => {
        $(
            extern "C" fn $name($x: f64, out: *mut u64) -> u32 {
                if !($ok) {
                    return FAIL;
                }
                let r: f64 = $v;
                // SAFETY: `out` is the trace's out-slot for this call.
                unsafe { *out = r.to_bits() };
                OK
            }
        )*
        /// The one-argument `math` functions traces call (helper `math.<name>`).
        pub const MATH_FNS: &[&str] = &[$($pyname),*];
        fn math_addr(name: &str) -> usize {
            match name {
                $( $pyname => $name as *const () as usize, )*
                _ => 0,
            }
        }
    };
}

math_fns! {
    m_exp "exp" |x| ok: !(x.exp().is_infinite() && x.is_finite()), value: x.exp();
    m_sin "sin" |x| ok: !x.is_infinite(), value: x.sin();
    m_cos "cos" |x| ok: !x.is_infinite(), value: x.cos();
    m_tan "tan" |x| ok: !x.is_infinite(), value: mathfn::tan(x);
    m_asin "asin" |x| ok: (-1.0..=1.0).contains(&x) || x.is_nan(), value: mathfn::asin(x);
    m_acos "acos" |x| ok: (-1.0..=1.0).contains(&x) || x.is_nan(), value: mathfn::acos(x);
    m_atan "atan" |x| ok: true, value: mathfn::atan(x);
    m_sinh "sinh" |x| ok: !(mathfn::sinh(x).is_infinite() && x.is_finite()), value: mathfn::sinh(x);
    m_cosh "cosh" |x| ok: !(mathfn::cosh(x).is_infinite() && x.is_finite()), value: mathfn::cosh(x);
    m_tanh "tanh" |x| ok: true, value: mathfn::tanh(x);
    m_log2 "log2" |x| ok: x > 0.0 || x.is_nan(), value: x.log2();
    m_log10 "log10" |x| ok: x > 0.0 || x.is_nan(), value: x.log10();
    m_log1p "log1p" |x| ok: x > -1.0 || x.is_nan(), value: mathfn::log1p(x);
    m_expm1 "expm1" |x| ok: !(mathfn::expm1(x).is_infinite() && x.is_finite()), value: mathfn::expm1(x);
    m_degrees "degrees" |x| ok: true, value: x.to_degrees();
    m_radians "radians" |x| ok: true, value: x.to_radians();
}

/// Names of helpers, by (family, tag) where a family has one instance per value type.
pub fn tagged(family: &str, ty: Type) -> String {
    format!("{family}.{}", ty.name())
}

/// The helper table every `Backend` is created with.
pub fn helper_specs() -> Vec<HelperSpec> {
    use Type::*;
    let mut v = vec![
        HelperSpec::new(
            crate::abi::HELPER_STORE_OBJ,
            store_obj as *const () as usize,
            HelperSig::new(&[Ptr, Obj], Void),
        ),
        HelperSpec::new(
            crate::abi::HELPER_DROP_VALUE,
            drop_value as *const () as usize,
            HelperSig::new(&[Ptr], Void),
        ),
        HelperSpec::new(
            crate::abi::HELPER_STORE_WIDE,
            store_wide as *const () as usize,
            HelperSig::new(&[Ptr, Int, Int], Void),
        ),
        HelperSpec::new(
            crate::abi::HELPER_SINK_NEW,
            sink_new as *const () as usize,
            HelperSig::new(&[Obj], Obj),
        ),
        HelperSpec::new(
            crate::abi::HELPER_SINK_SET,
            sink_set as *const () as usize,
            HelperSig::new(&[Obj, Int, Int, Int], Void),
        ),
        // Called by `wunbox`/`wbox` with their own signatures; the table entry gives the address.
        HelperSpec::new(
            crate::abi::HELPER_WIDE_UNBOX,
            wide_unbox as *const () as usize,
            HelperSig::new(&[Obj, Ptr], Int),
        ),
        HelperSpec::new(
            crate::abi::HELPER_WIDE_BOX,
            wide_box as *const () as usize,
            HelperSig::new(&[Int, Int], Obj).with_ctx(),
        ),
        HelperSpec::new(
            "obj_kind",
            obj_kind as *const () as usize,
            HelperSig::new(&[Obj], Int),
        ),
        HelperSpec::new(
            "len",
            seq_len as *const () as usize,
            HelperSig::new(&[Obj], Int).guarded(),
        ),
        HelperSpec::new(
            "ord",
            ord_str as *const () as usize,
            HelperSig::new(&[Obj], Int).guarded(),
        ),
        HelperSpec::new(
            "iter_done",
            iter_done as *const () as usize,
            HelperSig::new(&[Obj], Void).guarded(),
        ),
        HelperSpec::new(
            "enum_done",
            enum_done as *const () as usize,
            HelperSig::new(&[Obj], Void).guarded(),
        ),
        HelperSpec::new(
            "enum_count",
            enum_count as *const () as usize,
            HelperSig::new(&[Obj], Int).guarded(),
        ),
        HelperSpec::new(
            "new_enumerate",
            new_enumerate as *const () as usize,
            HelperSig::new(&[Obj], Obj).with_ctx().guarded(),
        ),
        HelperSpec::new(
            "fpow",
            fpow as *const () as usize,
            HelperSig::new(&[Float, Float], Float).guarded(),
        ),
        HelperSpec::new(
            "bigop.oo",
            big_binop_oo as *const () as usize,
            HelperSig::new(&[Int, Obj, Obj], Obj).with_ctx().guarded(),
        ),
        HelperSpec::new(
            "bigop.oi",
            big_binop_oi as *const () as usize,
            HelperSig::new(&[Int, Obj, Int], Obj).with_ctx().guarded(),
        ),
        HelperSpec::new(
            "bigop.ii",
            big_binop_ii as *const () as usize,
            HelperSig::new(&[Int, Int, Int], Obj).with_ctx().guarded(),
        ),
        HelperSpec::new(
            "bigsmall.oi",
            big_small_oi as *const () as usize,
            HelperSig::new(&[Int, Obj, Int], Int).guarded(),
        ),
        HelperSpec::new(
            "bigsmall.io",
            big_small_io as *const () as usize,
            HelperSig::new(&[Int, Int, Obj], Int).guarded(),
        ),
        HelperSpec::new(
            "bigsmall.oo",
            big_small_oo as *const () as usize,
            HelperSig::new(&[Int, Obj, Obj], Int).guarded(),
        ),
        HelperSpec::new(
            "bigop.io",
            big_binop_io as *const () as usize,
            HelperSig::new(&[Int, Int, Obj], Obj).with_ctx().guarded(),
        ),
        HelperSpec::new(
            "slice",
            seq_slice as *const () as usize,
            HelperSig::new(&[Obj, Int, Int, Int], Obj)
                .with_ctx()
                .guarded(),
        ),
        HelperSpec::new(
            "caller_is",
            caller_is as *const () as usize,
            HelperSig::new(&[Int, Int, Int], Void).with_ctx().guarded(),
        ),
        HelperSpec::new(
            "frames_are",
            frames_are as *const () as usize,
            HelperSig::new(&[Int, Int, Int, Int, Int], Void)
                .with_ctx()
                .guarded(),
        ),
        HelperSpec::new(
            "imin",
            imin as *const () as usize,
            HelperSig::new(&[Int, Int], Int),
        ),
        HelperSpec::new(
            "imax",
            imax as *const () as usize,
            HelperSig::new(&[Int, Int], Int),
        ),
        HelperSpec::new(
            "fmin",
            fmin as *const () as usize,
            HelperSig::new(&[Float, Float], Float),
        ),
        HelperSpec::new(
            "fmax",
            fmax as *const () as usize,
            HelperSig::new(&[Float, Float], Float),
        ),
        HelperSpec::new(
            &tagged("list_set", Float),
            list_set_float as *const () as usize,
            HelperSig::new(&[Obj, Int, Float], Void)
                .with_ctx()
                .guarded(),
        ),
        HelperSpec::new(
            &tagged("list_append", Float),
            list_append_float as *const () as usize,
            HelperSig::new(&[Obj, Float], Void).guarded(),
        ),
    ];
    for &py in MATH_FNS {
        v.push(HelperSpec::new(
            &format!("math.{py}"),
            math_addr(py),
            HelperSig::new(&[Float], Float).guarded(),
        ));
    }
    macro_rules! per_tag {
        ($($tag:literal $ty:ident),*) => {$(
            v.push(HelperSpec::new(&tagged("getitem", $ty), seq_get::<$tag> as *const () as usize,
                HelperSig::new(&[Obj, Int], $ty).guarded()));
            v.push(HelperSpec::new(&tagged("iter_next", $ty), iter_next::<$tag> as *const () as usize,
                HelperSig::new(&[Obj], $ty).guarded()));
            v.push(HelperSpec::new(&tagged("enum_next", $ty), enum_next::<$tag> as *const () as usize,
                HelperSig::new(&[Obj], $ty).guarded()));
        )*};
    }
    per_tag!(1 Bool, 2 Int, 3 Float, 4 Obj);
    v.push(HelperSpec::new(
        &tagged("getitem", None),
        seq_get_none as *const () as usize,
        HelperSig::new(&[Obj, Int], Void).guarded(),
    ));
    v.push(HelperSpec::new(
        &tagged("iter_next", None),
        iter_next_none as *const () as usize,
        HelperSig::new(&[Obj], Void).guarded(),
    ));
    v.push(HelperSpec::new(
        &tagged("enum_next", None),
        enum_next_none as *const () as usize,
        HelperSig::new(&[Obj], Void).guarded(),
    ));
    macro_rules! dict_tags {
        ($kt:literal $kty:ident $k:literal) => {
            dict_tags!(@get $kt $kty $k: 1 Bool, 2 Int, 3 Float, 4 Obj);
            // Floats travel in float registers: their own setter.
            dict_tags!(@set $kt $kty $k: 0 None, 1 Bool, 2 Int, 4 Obj);
            v.push(HelperSpec::new(&tagged(concat!("dict_get_", $k), None),
                dict_get_none::<$kt> as *const () as usize,
                HelperSig::new(&[Obj, $kty], Void).guarded()));
            v.push(HelperSpec::new(&tagged(concat!("dict_set_", $k), Float),
                dict_set_float::<$kt> as *const () as usize,
                HelperSig::new(&[Obj, $kty, Float], Void).with_ctx().guarded()));
            v.push(HelperSpec::new(concat!("has_", $k),
                has::<$kt> as *const () as usize,
                HelperSig::new(&[Obj, $kty], Bool).guarded()));
        };
        (@get $kt:literal $kty:ident $k:literal: $($tag:literal $ty:ident),*) => {$(
            v.push(HelperSpec::new(&tagged(concat!("dict_get_", $k), $ty),
                dict_get::<$kt, $tag> as *const () as usize,
                HelperSig::new(&[Obj, $kty], $ty).guarded()));
        )*};
        (@set $kt:literal $kty:ident $k:literal: $($tag:literal $ty:ident),*) => {$(
            v.push(HelperSpec::new(&tagged(concat!("dict_set_", $k), $ty),
                dict_set::<$kt, $tag> as *const () as usize,
                HelperSig::new(&[Obj, $kty, $ty], Void).with_ctx().guarded()));
        )*};
    }
    macro_rules! dict_next_tags {
        ($($tag:literal $ty:ident),*) => {$(
            v.push(HelperSpec::new(&tagged("dict_next", $ty), dict_next::<$tag> as *const () as usize,
                HelperSig::new(&[Obj], $ty).with_ctx().guarded()));
        )*};
    }
    dict_next_tags!(1 Bool, 2 Int, 3 Float, 4 Obj);
    v.push(HelperSpec::new(
        &tagged("dict_next", None),
        dict_next_none as *const () as usize,
        HelperSig::new(&[Obj], Void).with_ctx().guarded(),
    ));
    v.push(HelperSpec::new(
        "dict_iter_done",
        dict_iter_done as *const () as usize,
        HelperSig::new(&[Obj], Void).guarded(),
    ));
    dict_tags!(2 Int "i");
    dict_tags!(4 Obj "s");
    macro_rules! per_tag_bits {
        ($($tag:literal $ty:ident),*) => {$(
            v.push(HelperSpec::new(&tagged("list_set", $ty), list_set::<$tag> as *const () as usize,
                HelperSig::new(&[Obj, Int, $ty], Void).with_ctx().guarded()));
            v.push(HelperSpec::new(&tagged("list_append", $ty), list_append::<$tag> as *const () as usize,
                HelperSig::new(&[Obj, $ty], Void).guarded()));
        )*};
    }
    per_tag_bits!(0 None, 1 Bool, 2 Int, 4 Obj);
    macro_rules! pop_tags {
        ($($tag:literal $ty:ident),*) => {$(
            v.push(HelperSpec::new(&tagged("list_pop", $ty), list_pop::<$tag> as *const () as usize,
                HelperSig::new(&[Obj], $ty).with_ctx().guarded()));
        )*};
    }
    pop_tags!(1 Bool, 2 Int, 3 Float, 4 Obj);
    v.push(HelperSpec::new(
        &tagged("list_pop", None),
        list_pop_none as *const () as usize,
        HelperSig::new(&[Obj], Void).with_ctx().guarded(),
    ));
    v.push(HelperSpec::new(
        "new_instance",
        new_instance as *const () as usize,
        HelperSig::new(&[Obj], Obj).with_ctx().guarded(),
    ));
    // The same for a class without `__del__`: the sink pass may remove it (`opt/sink.rs`).
    v.push(HelperSpec::new(
        crate::opt::sink::SINKABLE_NEW,
        new_instance_nodel as *const () as usize,
        HelperSig::new(&[Obj, Int], Obj).with_ctx().guarded(),
    ));
    v.push(HelperSpec::new(
        "new_list",
        new_list as *const () as usize,
        HelperSig::new(&[], Obj).with_ctx().guarded(),
    ));
    v.push(HelperSpec::new(
        "list_into_tuple",
        list_into_tuple as *const () as usize,
        HelperSig::new(&[Obj], Obj).with_ctx().guarded(),
    ));
    macro_rules! attr_tags {
        ($($tag:literal $ty:ident),*) => {$(
            v.push(HelperSpec::new(&tagged("attr_set", $ty), attr_set::<$tag> as *const () as usize,
                HelperSig::new(&[Obj, Int, $ty], Void).with_ctx().guarded()));
            v.push(HelperSpec::new(&tagged("attr_add", $ty), attr_add::<$tag> as *const () as usize,
                HelperSig::new(&[Obj, Int, $ty], Void).guarded()));
        )*};
    }
    attr_tags!(0 None, 1 Bool, 2 Int, 4 Obj);
    v.push(HelperSpec::new(
        &tagged("attr_set", Float),
        attr_set_float as *const () as usize,
        HelperSig::new(&[Obj, Int, Float], Void)
            .with_ctx()
            .guarded(),
    ));
    v.push(HelperSpec::new(
        &tagged("attr_add", Float),
        attr_add_float as *const () as usize,
        HelperSig::new(&[Obj, Int, Float], Void).guarded(),
    ));
    macro_rules! cell_tags {
        ($($tag:literal $ty:ident),*) => {$(
            v.push(HelperSpec::new(&tagged("cell_set", $ty), cell_set::<$tag> as *const () as usize,
                HelperSig::new(&[Obj, $ty], Void).with_ctx().guarded()));
        )*};
    }
    cell_tags!(0 None, 1 Bool, 2 Int, 4 Obj);
    v.push(HelperSpec::new(
        &tagged("cell_set", Float),
        cell_set_float as *const () as usize,
        HelperSig::new(&[Obj, Float], Void).with_ctx().guarded(),
    ));
    macro_rules! global_tags {
        ($($tag:literal $ty:ident),*) => {$(
            v.push(HelperSpec::new(&tagged("global_set", $ty), global_set::<$tag> as *const () as usize,
                HelperSig::new(&[Obj, Int, $ty], Void).with_ctx().guarded()));
        )*};
    }
    global_tags!(0 None, 1 Bool, 2 Int, 4 Obj);
    v.push(HelperSpec::new(
        &tagged("global_set", Float),
        global_set_float as *const () as usize,
        HelperSig::new(&[Obj, Int, Float], Void)
            .with_ctx()
            .guarded(),
    ));
    v.extend(crate::vmops::specs());
    v.extend(crate::generators::specs());
    v
}
