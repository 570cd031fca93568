//! Allocation sinking (LuaJIT's `SINK`, PyPy's virtuals): an instance the trace allocates and only
//! writes plain members into never gets allocated by native code.
//!
//! The recorder turns `C(args)` for a class without `__del__` into `callg new_instance_nodel(K(C))`
//! (record/calls.rs), stores the constructor's int/float/bool/None members with raw `store`s into the
//! object's member slots, and forwards loads of members it stored (`Recorder::fresh_members`). So an
//! instance that lives and dies within one iteration, like `a.add(b).scale(k)`'s intermediate, is used
//! only by
//! - `%d = load.ptr A, <inst_slots>` (the member array), `%p = padd %d, K(16k)` (member k; folded away
//!   for k = 0), and `store %p, 0, K(tag)` / `store %p, 8, v` (the member's tag and payload), and
//! - snapshot entries: exits that would have to hand the object to the interpreter.
//!
//! Such an allocation is *sunk*: the `callg` becomes `snew K(C)`, its stores become `sstore A, 16k+off,
//! v`, and the member-array loads and address arithmetic go. Neither has code. An exit whose snapshot
//! names a sunk object materialises it (`backend/exits.rs`): a new instance of `C`, the `sstore`s that
//! precede the exit replayed into it (their values become exit values), one object per sunk allocation
//! per exit, shared by every slot that names it (identity is kept).
//!
//! Not sunk (any other use keeps the real allocation): a helper argument (stored into a list or another
//! object's attribute: it escapes), an identity comparison, a load that was not forwarded, a `phi`
//! (the object lives across the back edge), a `jump` or final `exit` snapshot (those write slots back
//! with generated code on every pass), a pre-roll allocation used in the loop body (the body's
//! stores would belong to another iteration), a tag store that is not the first store of its member,
//! and payloads that are objects or wide ints (member stores of objects go through helpers anyway).
//! Classes with `__del__` are never candidates: the object's death is visible.
//!
//! Reference counts: sunk members hold only ints, floats, bools and None, which own nothing; the
//! materialised object gets one reference per slot that names it (`store_obj`) and the exit drops its
//! own, exactly as if the trace had allocated it (the nursery's reference) and the exit stored it.

use super::emit::{rebuild, Action};
use crate::abi::{PAYLOAD_OFFSET, TAG_OFFSET, VALUE_SIZE};
use crate::ir::{Const, Inst, IrRef, Op, SnapId, Trace, Type};
use std::collections::HashMap;

/// The helper the recorder allocates sinkable instances with: `(class, root shape bits)`.
pub const SINKABLE_NEW: &str = "new_instance_nodel";

/// Where an instance keeps what the sink pass reads (`runtime::SeqLayout`), for `OptConfig::sink`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SinkLayout {
    /// Offset of the member-array pointer.
    pub inst_slots: i32,
    /// Offset of the class pointer.
    pub inst_cls: i32,
    /// Offset of the shape word.
    pub inst_shape: i32,
    /// Offset of the word whose low byte is the object kind, and the kind of an instance.
    pub kind_off: i32,
    pub inst_tag: u8,
}

/// What a sunk allocation's uses are, by source instruction.
enum Role {
    /// The allocation itself (its class constant).
    New(IrRef),
    /// A member-array pointer or member address of allocation `a`.
    Addr { a: usize },
    /// A store through such an address: allocation `a`, byte offset into the member array.
    Store { a: usize, off: i32 },
    /// A read of a loop-carried sunk object's header (class, shape, kind): this constant.
    Known(Const),
    /// A read of a loop-carried sunk object's member: its member phi (phi, byte offset).
    Member { p: usize, off: i32 },
    /// Address arithmetic and guards on a loop-carried sunk object that hold by construction.
    Gone,
}

/// A sunk object carried around the loop: `phi A0, A1` of a pre-roll and a body allocation. Each of
/// its members becomes a `phi` of the two allocations' last values (a constant if they agree), stored
/// into the `phi` with `sstore`s at the top of the body, so an exit before the body makes the new one
/// materialises the previous iteration's object.
#[derive(Clone)]
struct Group {
    a1: usize,
    /// (byte offset into the member array, pre-roll value, body value), by offset.
    members: Vec<(i32, IrRef, IrRef)>,
}

/// Sink what can be sunk (None: nothing can).
pub fn run(t: &Trace, lay: &SinkLayout) -> Option<Trace> {
    let (roles, groups) = analyse(t, lay);
    if roles.is_empty() {
        return None;
    }
    // A sunk allocation no exit names is simply gone, with its stores.
    let mut named = vec![false; t.insts.len()];
    for inst in &t.insts {
        if let Some(s) = t
            .snaps
            .get(inst.snap.index())
            .filter(|_| inst.snap.is_some())
        {
            for e in &s.entries {
                if e.val.is_inst() && e.val.index() < named.len() {
                    named[e.val.index()] = true;
                }
            }
        }
    }
    for &p in groups.keys() {
        let i = &t.insts[p];
        named[i.r(0).index()] = true;
        named[i.r(1).index()] = true;
    }
    let loop_pos = t.loop_pos().unwrap_or(t.insts.len());
    // Member phis: (new phi, allocation, offset) to patch with the body's last value.
    let mut pending: Vec<(IrRef, usize, i32)> = Vec::new();
    // Per group phi: its members' new values, stored once the phis are done.
    let mut member_vals: HashMap<usize, Vec<(i32, IrRef)>> = HashMap::new();
    let mut stored = false;
    // The body allocation's last stored value per (allocation, offset), in the new trace.
    let mut last: HashMap<(usize, i32), IrRef> = HashMap::new();
    let mut out = rebuild(t, true, |rb, i, inst| {
        if let Some(g) = groups.get(&i) {
            let mut vals = Vec::new();
            for &(off, v0, v1) in &g.members {
                let l = rb.map_ref(v0);
                if v0 == v1 && v0.is_const() {
                    vals.push((off, l));
                } else {
                    let p = rb.em.phi(l);
                    pending.push((p, g.a1, off));
                    vals.push((off, p));
                }
            }
            member_vals.insert(i, vals);
            return Action::Emit(inst);
        }
        if i > loop_pos && inst.op != Op::Phi && !stored {
            stored = true;
            let mut order: Vec<_> = member_vals.iter().collect();
            order.sort_by_key(|(p, _)| **p);
            for (p, vals) in order {
                let p = rb.map_ref(IrRef::inst(*p));
                for &(off, v) in vals {
                    let st = [p.raw(), off as u32, v.raw()];
                    rb.em
                        .emit(Inst::new(Op::Sstore, Type::Void, st, SnapId::NONE));
                }
            }
        }
        match roles.get(&i) {
            None => Action::Emit(inst),
            Some(Role::New(_)) | Some(Role::Store { .. }) if !named[alloc_of(&roles, i)] => {
                Action::Drop
            }
            Some(Role::New(cls)) => {
                let k = rb.map_ref(*cls);
                Action::Emit(Inst::new(
                    Op::Snew,
                    Type::Obj,
                    [k.raw(), 0, 0],
                    SnapId::NONE,
                ))
            }
            Some(Role::Addr { .. }) | Some(Role::Gone) => Action::Drop,
            Some(Role::Known(c)) => Action::Value(rb.em.konst(*c)),
            Some(Role::Member { p, off }) => {
                let v = member_vals
                    .get(p)
                    .and_then(|vals| vals.iter().find(|m| m.0 == *off))
                    .map_or(IrRef::NONE, |m| m.1);
                Action::Value(v)
            }
            Some(Role::Store { a, off }) => {
                let ar = rb.map_ref(IrRef::inst(*a));
                let v = rb.map_ref(t.insts[i].r(2));
                last.insert((*a, *off), v);
                Action::Emit(Inst::new(
                    Op::Sstore,
                    Type::Void,
                    [ar.raw(), *off as u32, v.raw()],
                    SnapId::NONE,
                ))
            }
        }
    });
    for (p, a1, off) in pending {
        if let Some(&v) = last.get(&(a1, off)) {
            out.insts[p.index()].f[1] = v.raw();
        }
    }
    Some(out)
}

/// The allocation a `New` or `Store` role belongs to.
fn alloc_of(roles: &HashMap<usize, Role>, i: usize) -> usize {
    match roles.get(&i) {
        Some(Role::Store { a, .. }) | Some(Role::Addr { a, .. }) => *a,
        _ => i,
    }
}

/// One candidate's uses, if all of them allow sinking: roles, `phi` users, last value per offset.
struct Uses {
    roles: Vec<(usize, Role)>,
    phis: Vec<usize>,
    last: Vec<(i32, IrRef)>,
}

/// The roles of the instructions of every allocation that can be sunk (see the module docs), and the
/// loop-carried groups by `phi`.
fn analyse(t: &Trace, lay: &SinkLayout) -> (HashMap<usize, Role>, HashMap<usize, Group>) {
    let n = t.insts.len();
    let loop_pos = t.loop_pos().unwrap_or(n);
    let mut roles = HashMap::new();
    let mut groups = HashMap::new();
    // Candidates, by instruction.
    let mut cand: HashMap<usize, (IrRef, IrRef)> = HashMap::new();
    for (i, inst) in t.insts.iter().enumerate() {
        if inst.op == Op::CallGuard
            && t.helpers.get(inst.helper().0 as usize).map(|s| s.as_str()) == Some(SINKABLE_NEW)
        {
            if let [cls, shape] = t.call_args(inst) {
                if cls.is_const() && shape.is_const() {
                    cand.insert(i, (*cls, *shape));
                }
            }
        }
    }
    if cand.is_empty() {
        return (roles, groups);
    }
    // Users of every instruction (operand uses; snapshot uses are checked below).
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (j, inst) in t.insts.iter().enumerate() {
        t.for_each_ref(inst, |r| {
            if r.is_inst() && r.index() < n {
                users[r.index()].push(j);
            }
        });
    }
    let mut bad: HashMap<usize, ()> = HashMap::new();
    // Snapshot uses: never by a `jump`/`exit`, never from the body for a pre-roll allocation.
    for (j, inst) in t.insts.iter().enumerate() {
        if !inst.snap.is_some() {
            continue;
        }
        let Some(s) = t.snaps.get(inst.snap.index()) else {
            continue;
        };
        for e in &s.entries {
            let a = e.val;
            if !a.is_inst() {
                continue;
            }
            let x = a.index();
            let phi = t.insts[x].op == Op::Phi;
            if cand.contains_key(&x) || phi {
                let crosses = x < loop_pos && j > loop_pos;
                if matches!(inst.op, Op::Jump | Op::Exit) || crosses {
                    bad.insert(x, ());
                }
            }
        }
    }
    let mut ok: HashMap<usize, Uses> = HashMap::new();
    let mut roles_extra: Vec<(usize, Role)> = Vec::new();
    for &a in cand.keys() {
        if bad.contains_key(&a) {
            continue;
        }
        if let Some(u) = uses_of(t, a, lay.inst_slots, &users, loop_pos) {
            ok.insert(a, u);
        }
    }
    // Loop-carried groups: `phi A0, A1` used only by snapshots, the allocations in no other phis.
    // (Several identical phis, `a = b = C()`, are one object: exits key materialisations by the
    // phi's operands.)
    for (&a1, u1) in &ok {
        let Some(&p) = u1.phis.first() else { continue };
        let pi = &t.insts[p];
        let a0 = pi.r(0).index();
        if pi.r(1) != IrRef::inst(a1) || !pi.r(0).is_inst() || a0 >= loop_pos || a1 < loop_pos {
            continue;
        }
        let Some(u0) = ok.get(&a0) else { continue };
        let fits = |q: usize| {
            let qi = &t.insts[q];
            qi.r(0) == pi.r(0) && qi.r(1) == pi.r(1) && !bad.contains_key(&q)
        };
        if u0.phis != u1.phis || !u1.phis.iter().all(|&q| fits(q)) {
            continue;
        }
        if cand.get(&a0) != cand.get(&a1) || u0.last.len() != u1.last.len() {
            continue;
        }
        let mut members = Vec::new();
        for (&(off0, v0), &(off1, v1)) in u0.last.iter().zip(&u1.last) {
            let tag = off0 % VALUE_SIZE as i32 == TAG_OFFSET as i32;
            let same = off0 == off1 && t.ty(v0) == t.ty(v1) && (!tag || v0 == v1);
            if !same {
                break;
            }
            members.push((off0, v0, v1));
        }
        if members.len() != u0.last.len() {
            continue;
        }
        // Reads of the previous iteration's object in the body: known header words and members.
        let (cls, shape) = cand[&a1];
        let mut reads = Vec::new();
        let all = u1.phis.iter().all(|&q| {
            phi_reads(t, q, lay, &users, cls, shape, &members)
                .map(|r| reads.extend(r))
                .is_some()
        });
        if !all {
            continue;
        }
        roles_extra.extend(reads);
        for &q in &u1.phis {
            let members = members.clone();
            groups.insert(q, Group { a1, members });
        }
    }
    let grouped: Vec<usize> = groups
        .keys()
        .flat_map(|&p| [t.insts[p].r(0).index(), t.insts[p].r(1).index()])
        .collect();
    for (a, u) in ok {
        if u.phis.is_empty() || grouped.contains(&a) {
            roles.extend(u.roles);
            roles.insert(a, Role::New(cand[&a].0));
        }
    }
    roles.extend(roles_extra);
    (roles, groups)
}

/// The roles of the uses of the object phi `p` (class `cls`, root shape `shape`, members `members`),
/// or None if one of them is not a read whose value is known: the kind word (only through
/// `band 255`), the class, the shape, a member's tag guard (of its known tag) and payload load.
fn phi_reads(
    t: &Trace,
    p: usize,
    lay: &SinkLayout,
    users: &[Vec<usize>],
    cls: IrRef,
    shape: IrRef,
    members: &[(i32, IrRef, IrRef)],
) -> Option<Vec<(usize, Role)>> {
    let mut out = Vec::new();
    let me = IrRef::inst(p);
    for &u in &users[p] {
        let ui = &t.insts[u];
        if ui.op != Op::Load || ui.r(0) != me {
            return None;
        }
        let off = ui.imm(1);
        if off == lay.inst_cls && ui.ty == Type::Obj {
            out.push((u, Role::Known(t.const_of(cls)?)));
        } else if off == lay.inst_shape && ui.ty == Type::Int {
            out.push((u, Role::Known(t.const_of(shape)?)));
        } else if off == lay.kind_off && ui.ty == Type::Int {
            for &b in &users[u] {
                let bi = &t.insts[b];
                let other = if bi.r(0) == IrRef::inst(u) {
                    bi.r(1)
                } else {
                    bi.r(0)
                };
                if bi.op != Op::BAnd || t.int_of(other) != Some(0xff) {
                    return None;
                }
                out.push((b, Role::Known(Const::Int(lay.inst_tag as i64))));
            }
            out.push((u, Role::Gone));
        } else if off == lay.inst_slots && ui.ty == Type::Ptr {
            out.push((u, Role::Gone));
            let mut addrs = vec![(u, 0i32)];
            for &a in &users[u] {
                let ai = &t.insts[a];
                if ai.op == Op::PAdd && ai.r(0) == IrRef::inst(u) {
                    let k = t.int_of(ai.r(1))?;
                    if k < 0 || k % VALUE_SIZE as i64 != 0 || k > i32::MAX as i64 / 2 {
                        return None;
                    }
                    out.push((a, Role::Gone));
                    addrs.push((a, k as i32));
                }
            }
            for &(a, base) in &addrs {
                for &r in &users[a] {
                    let ri = &t.insts[r];
                    if ri.op == Op::PAdd && a == u && ri.r(0) == IrRef::inst(u) {
                        continue;
                    }
                    if ri.r(0) != IrRef::inst(a) {
                        return None;
                    }
                    let tag = members.iter().find(|m| m.0 == base + TAG_OFFSET as i32);
                    let payload = members.iter().find(|m| m.0 == base + PAYLOAD_OFFSET as i32);
                    match ri.op {
                        Op::GuardTag if ri.imm(1) == TAG_OFFSET as i32 => {
                            let want = ri.ty_imm(2).and_then(|ty| ty.tag()).map(i64::from);
                            let known = tag.and_then(|m| t.int_of(m.1));
                            if want.is_none() || want != known {
                                return None;
                            }
                            out.push((r, Role::Gone));
                        }
                        Op::Load if ri.imm(1) == PAYLOAD_OFFSET as i32 => {
                            let m = payload?;
                            if t.ty(m.1) != ri.ty {
                                return None;
                            }
                            out.push((
                                r,
                                Role::Member {
                                    p,
                                    off: base + PAYLOAD_OFFSET as i32,
                                },
                            ));
                        }
                        _ => return None,
                    }
                }
            }
        } else {
            return None;
        }
    }
    Some(out)
}

/// The uses of allocation `a`, or None if one of them is neither a member store, a member address
/// nor a `phi`.
fn uses_of(
    t: &Trace,
    a: usize,
    inst_slots: i32,
    users: &[Vec<usize>],
    loop_pos: usize,
) -> Option<Uses> {
    let same_region = |j: usize| !(a < loop_pos && j > loop_pos);
    let mut out = Vec::new();
    let mut phis = Vec::new();
    let mut stores: Vec<(usize, i32, IrRef)> = Vec::new();
    for &d in &users[a] {
        let di = &t.insts[d];
        if di.op == Op::Phi {
            phis.push(d);
            continue;
        }
        let slots_load = di.op == Op::Load
            && di.ty == Type::Ptr
            && di.r(0) == IrRef::inst(a)
            && di.imm(1) == inst_slots;
        if !slots_load || !same_region(d) {
            return None;
        }
        out.push((d, Role::Addr { a }));
        // Addresses derived from the member array: itself (member 0) and `padd`s of constants.
        let mut addrs = vec![(d, 0i32)];
        for &p in &users[d] {
            let pi = &t.insts[p];
            if pi.op == Op::PAdd && pi.r(0) == IrRef::inst(d) {
                let off = t.int_of(pi.r(1))?;
                if off < 0 || off % VALUE_SIZE as i64 != 0 || off > i32::MAX as i64 / 2 {
                    return None;
                }
                if !same_region(p) {
                    return None;
                }
                out.push((p, Role::Addr { a }));
                addrs.push((p, off as i32));
            }
        }
        for &(p, base) in &addrs {
            for &s in &users[p] {
                let si = &t.insts[s];
                if si.op == Op::PAdd && p == d && si.r(0) == IrRef::inst(d) {
                    continue; // a member address, handled above
                }
                if si.op != Op::Store || si.r(0) != IrRef::inst(p) || si.r(2) == IrRef::inst(p) {
                    return None;
                }
                let v = si.r(2);
                let off = si.imm(1);
                let ok = if off == TAG_OFFSET as i32 {
                    matches!(t.const_of(v), Some(Const::Int(tag)) if plain_tag(tag))
                } else if off == PAYLOAD_OFFSET as i32 {
                    matches!(t.ty(v), Type::Int | Type::Float | Type::Bool)
                } else {
                    false
                };
                if !ok || !same_region(s) {
                    return None;
                }
                stores.push((s, base + off, v));
                out.push((s, Role::Store { a, off: base + off }));
            }
        }
    }
    // The first store of each member writes its tag (so every payload an exit replays has one).
    stores.sort_by_key(|s| s.0);
    stores.dedup_by_key(|s| s.0);
    let mut seen: Vec<i32> = Vec::new();
    let mut last: Vec<(i32, IrRef)> = Vec::new();
    for &(_, off, v) in &stores {
        let member = off - off % VALUE_SIZE as i32;
        if !seen.contains(&member) {
            if off != member + TAG_OFFSET as i32 {
                return None;
            }
            seen.push(member);
        }
        match last.iter_mut().find(|l| l.0 == off) {
            Some(l) => l.1 = v,
            None => last.push((off, v)),
        }
    }
    last.sort_by_key(|l| l.0);
    Some(Uses {
        roles: out,
        phis,
        last,
    })
}

/// Is `tag` the tag of a value that owns nothing (None, bool, int, float)?
fn plain_tag(tag: i64) -> bool {
    [Type::None, Type::Bool, Type::Int, Type::Float]
        .iter()
        .any(|t| t.tag().map(i64::from) == Some(tag))
}
