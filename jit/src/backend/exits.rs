//! Exits: how a failing guard gets from the middle of a loop back to the interpreter, exactly.
//!
//! ## Shape of the generated code
//! Every guard is a conditional branch to ONE shared exit block, passing the exit's local id and the
//! live values its snapshot needs as block arguments (Cranelift's crate notes measured one cold block
//! per guard as superlinear at `opt_level=speed`; a shared block stays linear). Arguments are grouped by
//! machine class (i64, f64, i8) so no guard ever converts a value on the hot path: a snapshot's i-th
//! int-class value is the i-th i64 parameter, and so on; shorter snapshots pad with a zero defined in the
//! entry block. The register moves for these arguments sit on the branch's cold edge.
//!
//! The exit block stores its arguments into a buffer on the stack and calls [`write_back`], which
//! interprets the exit's *shape* — the list of (slot, value source, type), shared by guards with equal
//! snapshots — and writes every slot's tag and payload. (LuaJIT restores snapshots in C too,
//! `lj_snap_restore`; generating a write-back block per shape made exit-heavy traces several times
//! larger and slower to compile than their bodies.) Then the tail bumps the exit's counter, tail-calls a
//! linked side trace if the exit has one, and otherwise returns the global exit id. The unpeeled loop's
//! `jump` still writes its one snapshot back with generated code, since it runs every iteration.
//!
//! ## Writing slots, and reference counts
//! A slot the trace `sload`ed with a non-object type (before the exit) still holds that value — the
//! trace never writes slots before it exits — so it is overwritten with two plain stores. Any other slot
//! may hold an object reference that must be released, and a new object value must gain a reference.
//! Releasing one slot's old object may free an object that another slot is about to receive (`a, b =
//! b, a`), so such writes go in three phases: (1) move each old value out to scratch stack space (the slot
//! becomes None), (2) write all new values (`store_obj` for objects: an increment), (3) release the old
//! values that are objects (`drop_value`). See `abi` for the helper contracts.
//!
//! ## Exit ids
//! Local exit `k` is the k-th instruction that can leave the trace, in buffer order. The trace returns
//! `exit_base + k`, where the backend gives each compiled trace a disjoint range of global ids, so that
//! an exit returned from a linked side trace still identifies its trace.

use crate::abi::{RawValue, TAG_NONE, TAG_OBJ};
use crate::ir::{Const, IrRef, Op, Trace, Type};
use std::collections::HashMap;

/// Machine class of an exit argument.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Class {
    /// Ints and object pointers.
    I64 = 0,
    /// Floats.
    F64 = 1,
    /// Bools.
    I8 = 2,
    /// Wide ints: two words each (low, high).
    I128 = 3,
}

impl Class {
    /// Every class, in buffer order.
    pub(crate) const ALL: [Class; 4] = [Class::I64, Class::F64, Class::I8, Class::I128];

    /// Buffer words per value.
    pub(crate) fn words(self) -> usize {
        if self == Class::I128 {
            2
        } else {
            1
        }
    }

    pub(crate) fn of(ty: Type) -> Option<Class> {
        match ty {
            Type::Int | Type::Obj | Type::Ptr => Some(Class::I64),
            Type::Float => Some(Class::F64),
            Type::Bool => Some(Class::I8),
            Type::Wide => Some(Class::I128),
            Type::None | Type::Undef | Type::Void => None,
        }
    }
}

/// Where a written slot's value comes from.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Src {
    /// The `idx`-th exit-block parameter of `class`.
    Arg(Class, u32),
    /// A constant.
    Const(Const),
    /// The `idx`-th object the exit materialises (a sunk allocation: see [`Mat`]).
    Sunk(u32),
}

/// An object an exit materialises: a sunk allocation (`opt/sink.rs`) that the snapshot names. One per
/// sunk allocation per exit, shared by every slot that names it.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub(crate) struct Mat {
    /// The class (object address).
    pub cls: u64,
    /// Member slots set before the exit: (member index, tag, payload). Other members stay unset.
    pub members: Vec<(u32, u8, Src)>,
}

/// One slot write of an exit shape.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) struct Write {
    pub slot: u32,
    pub ty: Type,
    pub src: Src,
    /// The slot's old contents may be an object (it was not `sload`ed with a non-object type).
    pub may_hold_obj: bool,
}

/// Everything the code generator needs to know about the trace's exits.
#[derive(Default, Debug)]
pub(crate) struct ExitPlan {
    /// Distinct write-back shapes.
    pub shapes: Vec<Vec<Write>>,
    /// Per shape: the objects it materialises (`Src::Sunk` indexes this).
    pub shape_mats: Vec<Vec<Mat>>,
    /// Per local exit: its shape.
    pub exit_shape: Vec<u32>,
    /// Per local exit: the references passed as arguments, per class, in parameter order.
    pub exit_args: Vec<[Vec<IrRef>; 4]>,
    /// Per local exit: the instruction that exits.
    pub exit_inst: Vec<u32>,
    /// Per local exit: is it a guard, whose trampoline spills its values into the exit buffer? (A
    /// final `exit` writes its snapshot back inline and spills nothing.)
    pub spills: Vec<bool>,
    /// Maximum number of arguments per class.
    pub max_args: [usize; 4],
    /// Maximum number of three-phase (reference-counted) writes in one shape.
    pub max_rc: usize,
    /// Does any shape write an object (needs `store_obj`) / release old contents (needs `drop_value`)?
    pub needs_store_obj: bool,
    pub needs_drop: bool,
    /// Does any shape write a wide int (needs `store_wide`)?
    pub needs_store_wide: bool,
    /// Does any shape materialise a sunk object (needs `sink_new`, `sink_set`)?
    pub needs_sink: bool,
}

/// A write needs the three-phase treatment.
pub(crate) fn is_rc(w: &Write) -> bool {
    matches!(w.ty, Type::Obj | Type::Wide) || w.may_hold_obj
}

/// The writes for the snapshot of instruction `at`, given the slots known not to hold objects, plus the
/// per-class argument references. (Generated write-backs, `jump` and a final `exit`, never name a sunk
/// object: the sink pass keeps those allocations.)
pub(crate) fn writes_for(
    t: &Trace,
    at: usize,
    known_nonobj: &HashMap<u32, ()>,
) -> (Vec<Write>, [Vec<IrRef>; 4]) {
    let (writes, args, _) = writes_and_mats(t, at, known_nonobj, &HashMap::new());
    (writes, args)
}

/// Every sunk allocation's `sstore`s in order: (position, byte offset into the member array, value).
fn sunk_stores(t: &Trace) -> HashMap<usize, Vec<(usize, i32, IrRef)>> {
    let mut m: HashMap<usize, Vec<(usize, i32, IrRef)>> = HashMap::new();
    for (i, inst) in t.insts.iter().enumerate() {
        if inst.op == Op::Sstore {
            m.entry(inst.r(0).index())
                .or_default()
                .push((i, inst.imm(1), inst.r(2)));
        }
    }
    m
}

/// [`writes_for`], plus the objects the exit materialises (`stores`: see [`sunk_stores`]).
fn writes_and_mats(
    t: &Trace,
    at: usize,
    known_nonobj: &HashMap<u32, ()>,
    stores: &HashMap<usize, Vec<(usize, i32, IrRef)>>,
) -> (Vec<Write>, [Vec<IrRef>; 4], Vec<Mat>) {
    let mut args: [Vec<IrRef>; 4] = Default::default();
    let mut writes = Vec::new();
    let mut mats: Vec<Mat> = Vec::new();
    let mut mat_of: Vec<(IrRef, IrRef)> = Vec::new();
    let snap = &t.snaps[t.insts[at].snap.index()];
    for e in &snap.entries {
        let ty = t.ty(e.val);
        if t.is_sunk(e.val) {
            let key = sunk_key(t, e.val);
            let idx = match mat_of.iter().position(|&r| r == key) {
                Some(k) => k,
                None => {
                    mats.push(materialise(t, e.val, at, stores, &mut args));
                    mat_of.push(key);
                    mats.len() - 1
                }
            };
            let undef_at_entry = t.undef_from.is_some_and(|u| e.slot as i32 >= u as i32);
            writes.push(Write {
                slot: e.slot,
                ty: Type::Obj,
                src: Src::Sunk(idx as u32),
                may_hold_obj: !known_nonobj.contains_key(&e.slot) && !undef_at_entry,
            });
            continue;
        }
        let src = match (t.const_of(e.val), Class::of(ty)) {
            (Some(c), _) => Src::Const(c),
            (None, None) => Src::Const(Const::None),
            (None, Some(class)) => {
                let list = &mut args[class as usize];
                list.push(e.val);
                Src::Arg(class, list.len() as u32 - 1)
            }
        };
        let undef_at_entry = t.undef_from.is_some_and(|u| e.slot as i32 >= u as i32);
        writes.push(Write {
            slot: e.slot,
            ty,
            src,
            may_hold_obj: !known_nonobj.contains_key(&e.slot) && !undef_at_entry,
        });
    }
    (writes, args, mats)
}

/// Which object a sunk allocation is: a `snew` is itself, identical `phi`s of two are one object.
fn sunk_key(t: &Trace, r: IrRef) -> (IrRef, IrRef) {
    match t.inst(r) {
        Some(i) if i.op == Op::Phi => (i.r(0), i.r(1)),
        _ => (r, r),
    }
}

/// The object the sunk allocation `r` (a `snew` or a `phi` of two) is at the exit at `at`: its class and the
/// member values its `sstore`s before `at` leave (last tag and last payload of each member; values that
/// are not constants become exit arguments).
fn materialise(
    t: &Trace,
    r: IrRef,
    at: usize,
    stores: &HashMap<usize, Vec<(usize, i32, IrRef)>>,
    args: &mut [Vec<IrRef>; 4],
) -> Mat {
    let cls = t
        .sunk_class(r)
        .and_then(|k| t.const_of(k))
        .map_or(0, |c| c.payload());
    let mut members: Vec<(u32, u8, Option<IrRef>)> = Vec::new();
    for &(pos, off, v) in stores.get(&r.index()).map_or(&[][..], |v| v.as_slice()) {
        if pos >= at {
            break;
        }
        let k = (off as usize / crate::abi::VALUE_SIZE) as u32;
        let i = match members.iter().position(|m| m.0 == k) {
            Some(i) => i,
            None => {
                members.push((k, crate::abi::TAG_UNDEF, None));
                members.len() - 1
            }
        };
        if off as usize % crate::abi::VALUE_SIZE == crate::abi::TAG_OFFSET {
            members[i].1 = t.int_of(v).map_or(crate::abi::TAG_UNDEF, |x| x as u8);
        } else {
            members[i].2 = Some(v);
        }
    }
    let members = members
        .into_iter()
        .map(|(k, tag, v)| {
            let src = match v {
                None => Src::Const(Const::Int(0)),
                Some(v) => match (t.const_of(v), Class::of(t.ty(v))) {
                    (Some(c), _) => Src::Const(c),
                    (None, Some(class)) => {
                        let list = &mut args[class as usize];
                        list.push(v);
                        Src::Arg(class, list.len() as u32 - 1)
                    }
                    (None, None) => Src::Const(Const::Int(0)),
                },
            };
            (k, tag, src)
        })
        .collect();
    Mat { cls, members }
}

/// Plan the exits of a verified trace.
pub(crate) fn plan(t: &Trace) -> ExitPlan {
    let mut p = ExitPlan::default();
    let mut known_nonobj: HashMap<u32, ()> = HashMap::new();
    let mut shape_ids: HashMap<(Vec<Write>, Vec<Mat>), u32> = HashMap::new();
    let stores = sunk_stores(t);
    for (i, inst) in t.insts.iter().enumerate() {
        if inst.op.is_exit() {
            let (writes, args, mats) = writes_and_mats(t, i, &known_nonobj, &stores);
            p.note_writes(&writes);
            p.needs_sink |= !mats.is_empty();
            for (max, list) in p.max_args.iter_mut().zip(&args) {
                *max = (*max).max(list.len());
            }
            let next = shape_ids.len() as u32;
            let id = *shape_ids
                .entry((writes.clone(), mats.clone()))
                .or_insert_with(|| {
                    p.shapes.push(writes);
                    p.shape_mats.push(mats);
                    next
                });
            p.exit_shape.push(id);
            p.exit_args.push(args);
            p.exit_inst.push(i as u32);
            p.spills.push(inst.op != Op::Exit);
        }
        if inst.op == Op::Jump {
            let (writes, _) = writes_for(t, i, &known_nonobj);
            p.note_writes(&writes);
        }
        // After an sload (whose guard passed, or whose type is known), the slot's type is known.
        if matches!(inst.op, Op::Sload | Op::SloadU) && inst.ty != Type::Obj {
            known_nonobj.insert(inst.f[0], ());
        }
    }
    p
}

impl ExitPlan {
    fn note_writes(&mut self, writes: &[Write]) {
        self.max_rc = self.max_rc.max(writes.iter().filter(|w| is_rc(w)).count());
        self.needs_store_obj |= writes.iter().any(|w| w.ty == Type::Obj);
        self.needs_drop |= writes.iter().any(|w| w.may_hold_obj);
        self.needs_store_wide |= writes.iter().any(|w| w.ty == Type::Wide);
    }
    /// Words of the exit buffer (each class's maximum argument count times its width).
    pub(crate) fn buffer_words(&self) -> usize {
        Class::ALL
            .iter()
            .map(|c| self.max_args[*c as usize] * c.words())
            .sum()
    }
    /// Start of each class's values in the exit buffer, in words.
    pub(crate) fn class_base(&self) -> [usize; 4] {
        let mut base = [0; 4];
        let mut at = 0;
        for c in Class::ALL {
            base[c as usize] = at;
            at += self.max_args[c as usize] * c.words();
        }
        base
    }
    /// Number of local exits.
    pub fn len(&self) -> usize {
        self.exit_shape.len()
    }
}

/// A value an inheriting side trace takes over from its parent's exit (see `Trace::inherits`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inherited {
    /// The slot the exit would have written.
    pub slot: u32,
    /// Its type (`Undef`: the slot is unbound).
    pub ty: Type,
    /// Where the value is: a word of the parent's exit buffer, or a constant.
    pub src: InheritedSrc,
}

/// See [`Inherited`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InheritedSrc {
    /// Byte offset in the parent's exit buffer.
    Word(i32),
    Const(Const),
}

/// What [`write_back`] needs at run time: the shapes, each exit's shape, the layout of the value buffer
/// and the exit helpers. Owned by the `CompiledTrace`; the generated code holds its address.
pub(crate) struct RtPlan {
    pub shapes: Vec<Vec<Write>>,
    pub shape_mats: Vec<Vec<Mat>>,
    pub exit_shape: Vec<u32>,
    /// See `ExitPlan::spills`.
    pub spills: Vec<bool>,
    /// Start of each class's values in the buffer (in u64 words).
    pub class_base: [usize; 4],
    pub store_obj: Option<extern "C" fn(*mut RawValue, u64)>,
    pub drop_value: Option<extern "C" fn(*mut RawValue)>,
    pub store_wide: Option<extern "C" fn(*mut RawValue, u64, u64)>,
    pub sink_new: Option<extern "C" fn(u64) -> u64>,
    pub sink_set: Option<extern "C" fn(u64, u64, u64, u64)>,
}

impl RtPlan {
    /// The values of exit `exit` for an inheriting side trace (None for a wide int, which the exit
    /// stores as an int or a bigint depending on its value: such a side trace reads the slots).
    /// A final `exit` spills nothing (its side trace reads the slots it wrote).
    pub(crate) fn inheritance(&self, exit: u32) -> Option<Vec<Inherited>> {
        if !self.spills.get(exit as usize).copied()? {
            return None;
        }
        let shape = *self.exit_shape.get(exit as usize)? as usize;
        if !self.shape_mats.get(shape)?.is_empty() {
            // The exit materialises objects: the side trace reads them from the slots.
            return None;
        }
        let writes = self.shapes.get(shape)?;
        writes
            .iter()
            .map(|w| {
                let src = match w.src {
                    Src::Arg(Class::I128, _) | Src::Sunk(_) => return None,
                    Src::Arg(class, idx) => InheritedSrc::Word(
                        ((self.class_base[class as usize] + idx as usize * class.words()) * 8)
                            as i32,
                    ),
                    Src::Const(c) => InheritedSrc::Const(c),
                };
                (w.ty != Type::Wide).then_some(Inherited {
                    slot: w.slot,
                    ty: w.ty,
                    src,
                })
            })
            .collect()
    }

    pub(crate) fn new(
        p: &ExitPlan,
        store_obj: Option<usize>,
        drop_value: Option<usize>,
        store_wide: Option<usize>,
        sink_new: Option<usize>,
        sink_set: Option<usize>,
    ) -> RtPlan {
        // SAFETY: the addresses were registered as the exit helpers, whose signatures the backend checked
        // against `exit_helper_sig` (`(ptr, obj)` and `(ptr)`, no result, C convention).
        let store_obj = store_obj
            .map(|a| unsafe { std::mem::transmute::<usize, extern "C" fn(*mut RawValue, u64)>(a) });
        // SAFETY: as above.
        let drop_value = drop_value
            .map(|a| unsafe { std::mem::transmute::<usize, extern "C" fn(*mut RawValue)>(a) });
        // SAFETY: registered as the `store_wide` exit helper, signature `(ptr, i64, i64)` checked.
        let store_wide = store_wide.map(|a| unsafe {
            std::mem::transmute::<usize, extern "C" fn(*mut RawValue, u64, u64)>(a)
        });
        // SAFETY: registered as the `sink_new` exit helper, signature `(obj) -> obj` checked.
        let sink_new =
            sink_new.map(|a| unsafe { std::mem::transmute::<usize, extern "C" fn(u64) -> u64>(a) });
        // SAFETY: registered as the `sink_set` exit helper, signature `(obj, int, int, int)` checked.
        let sink_set = sink_set
            .map(|a| unsafe { std::mem::transmute::<usize, extern "C" fn(u64, u64, u64, u64)>(a) });
        RtPlan {
            shapes: p.shapes.clone(),
            shape_mats: p.shape_mats.clone(),
            exit_shape: p.exit_shape.clone(),
            spills: p.spills.clone(),
            class_base: p.class_base(),
            store_obj,
            drop_value,
            store_wide,
            sink_new,
            sink_set,
        }
    }
}

/// Write exit `exit`'s snapshot into the slots, in the three phases described in the module docs.
/// `vals` holds the exit block's arguments: each class's values in order, floats as bits, bools
/// zero-extended.
///
/// # Safety
/// Called only by generated code: `plan` is its trace's plan, `slots` its slot array, `vals` a buffer
/// of at least the plan's total argument count.
pub(crate) unsafe extern "C" fn write_back(
    plan: *const RtPlan,
    slots: *mut RawValue,
    vals: *const u64,
    exit: u32,
) {
    // SAFETY: see the function's contract.
    let plan = unsafe { &*plan };
    let Some(&shape) = plan.exit_shape.get(exit as usize) else {
        return;
    };
    let Some(writes) = plan.shapes.get(shape as usize) else {
        return;
    };
    // Word `k` of an argument (wide ints have two: low, high).
    let word = |class: Class, idx: u32, k: usize| {
        // SAFETY: the buffer holds every argument of this exit's class (see the contract).
        unsafe { *vals.add(plan.class_base[class as usize] + idx as usize * class.words() + k) }
    };
    // Materialise the sunk objects the snapshot names (each holds one reference, released below).
    let mats = plan
        .shape_mats
        .get(shape as usize)
        .map_or(&[][..], |m| m.as_slice());
    let mut made_small = [0u64; 8];
    let mut made_big: Vec<u64> = Vec::new();
    if let (Some(new), Some(set)) = (plan.sink_new, plan.sink_set) {
        for (m, mat) in mats.iter().enumerate() {
            let o = new(mat.cls);
            for &(k, tag, src) in &mat.members {
                let bits = match src {
                    Src::Arg(class, idx) => word(class, idx, 0),
                    Src::Const(c) => c.payload(),
                    Src::Sunk(_) => 0,
                };
                set(o, k as u64, tag as u64, bits);
            }
            if m < made_small.len() {
                made_small[m] = o;
            } else {
                made_big.push(o);
            }
        }
    }
    let made = |m: u32| {
        let m = m as usize;
        if m < made_small.len() {
            made_small[m]
        } else {
            made_big.get(m - made_small.len()).copied().unwrap_or(0)
        }
    };
    let val = |src: Src| match src {
        Src::Arg(class, idx) => word(class, idx, 0),
        Src::Const(c) => c.payload(),
        Src::Sunk(m) => made(m),
    };
    // SAFETY (for the slot accesses below): every written slot lies in the trace's slot array.
    let slot = |k: u32| unsafe { slots.offset(k as i32 as isize) };
    // Phase 1: move old contents that may be objects out of the way (on the stack unless there are
    // many: this runs on every pass through a linked exit, so no allocation and no zeroing).
    // A slot that already holds the very object it is to receive is left alone (no increment, no
    // release): linked exits at the end of an inner loop rewrite the same last elements every time.
    let mut same = [0u64; 4];
    let mut small = [std::mem::MaybeUninit::<RawValue>::uninit(); 24];
    let mut big: Vec<RawValue> = Vec::new();
    let mut n = 0;
    for (i, w) in writes.iter().enumerate() {
        if !w.may_hold_obj {
            continue;
        }
        // SAFETY: see above.
        let v = unsafe { *slot(w.slot) };
        if w.ty == Type::Obj && i < 256 && v.tag == TAG_OBJ && v.payload == val(w.src) {
            same[i / 64] |= 1 << (i % 64);
            continue;
        }
        if n < small.len() {
            small[n].write(v);
        } else {
            big.push(v);
        }
        n += 1;
        // SAFETY: see above.
        unsafe { (*slot(w.slot)).tag = TAG_NONE };
    }
    // Phase 2: write the new values (objects gain a reference).
    for (i, w) in writes.iter().enumerate() {
        if i < 256 && same[i / 64] & (1 << (i % 64)) != 0 {
            continue;
        }
        let v = val(w.src);
        if w.ty == Type::Wide {
            if let (Some(f), Src::Arg(class, idx)) = (plan.store_wide, w.src) {
                f(slot(w.slot), v, word(class, idx, 1));
            }
        } else if w.ty == Type::Obj {
            if let Some(f) = plan.store_obj {
                f(slot(w.slot), v);
            }
        } else {
            // SAFETY: see above.
            unsafe {
                let s = &mut *slot(w.slot);
                s.tag = w.ty.tag().unwrap_or(TAG_NONE);
                if !matches!(w.ty, Type::None | Type::Undef) {
                    s.payload = v;
                }
            }
        }
    }
    // Phase 3: release the old objects.
    let k = n.min(small.len());
    for o in small[..k].iter_mut() {
        // SAFETY: the first `k` entries were written in phase 1.
        let o = unsafe { o.assume_init_mut() };
        if o.tag == TAG_OBJ {
            if let Some(f) = plan.drop_value {
                f(o);
            }
        }
    }
    for o in big.iter_mut() {
        if o.tag == TAG_OBJ {
            if let Some(f) = plan.drop_value {
                f(o);
            }
        }
    }
    // The materialised objects' own references (the slots that name them hold theirs).
    for m in 0..mats.len() {
        let mut o = RawValue::obj(made(m as u32));
        if let Some(f) = plan.drop_value {
            f(&mut o);
        }
    }
}
