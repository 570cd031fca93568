//! Redundant guard elimination, with the integer ranges that make it useful (PyPy's `intbounds` and
//! guard-implication ideas in one pass).
//!
//! The trace is a straight line that only *leaves* at guards, so after a guard has passed, its condition
//! holds at every later instruction — in the body of a peeled loop too: a fact learned in the pre-roll is
//! about pre-roll values, which do not change; a fact learned in the body is about this iteration's values
//! and is only used later in the same iteration (later in the buffer). Walking the buffer once and
//! remembering facts is therefore sound. What we learn and use:
//! - `guard_eq x, K` (K constant): afterwards `x` *is* `K`, so later uses of `x` are replaced by `K`
//!   (shape and class-version checks then fold: a second `guard_eq x, K` or a `guard_ne x, K'` vanishes);
//! - `guard_true b` / `guard_false b`: afterwards `b` is that constant (later guards on `b` fold);
//! - a guarded int comparison `a < b` (`<=`, `==`, and the negations of `guard_false`) narrows the ranges
//!   of `a` and `b` and is remembered as a relation, so an implied comparison (`a <= b` after `a < b`)
//!   becomes a constant and its guard folds away;
//! - ranges also flow through arithmetic; an overflow-checked `add_ov`/`sub_ov`/`mul_ov`/`neg_ov` whose
//!   result range cannot overflow becomes the plain wrapping op with no guard. The classic case is the
//!   loop counter: after `guard_true (lt i, n)`, `i + 1` cannot overflow.
//!
//! Rules for extending it: only ever narrow a range or add a fact after the instruction that proves it;
//! a rewrite must compute exactly the same value as the original whenever the original would not exit.

use super::emit::{rebuild, Action, Rebuild};
use crate::ir::{Const, Inst, IrRef, Op, SnapId, Trace, Type};
use std::collections::{HashMap, HashSet};

const FULL: (i64, i64) = (i64::MIN, i64::MAX);

#[derive(Default)]
struct Facts {
    /// Known ranges of int values (new-trace references).
    range: HashMap<IrRef, (i64, i64)>,
    /// Known-true relations `(op, a, b)` with `op` one of `Lt`, `Le`, `Eq`.
    rel: HashSet<(Op, IrRef, IrRef)>,
}

impl Facts {
    fn range(&mut self, t: &Trace, r: IrRef) -> (i64, i64) {
        if let Some(k) = t.int_of(r) {
            return (k, k);
        }
        if let Some(&rg) = self.range.get(&r) {
            return rg;
        }
        let rg = match t.inst(r).copied() {
            Some(i) => self.derive(t, &i),
            None => FULL,
        };
        self.range.insert(r, rg);
        rg
    }

    /// The range of an int instruction's result from its operands' ranges.
    fn derive(&mut self, t: &Trace, i: &Inst) -> (i64, i64) {
        if i.ty != Type::Int {
            return FULL;
        }
        match i.op {
            Op::Add | Op::AddOv | Op::Sub | Op::SubOv | Op::Mul | Op::MulOv => {
                let (a, b) = (self.range(t, i.r(0)), self.range(t, i.r(1)));
                arith(i.op, a, b).unwrap_or(FULL)
            }
            Op::NegOv => {
                let a = self.range(t, i.r(0));
                match (a.1.checked_neg(), a.0.checked_neg()) {
                    (Some(lo), Some(hi)) => (lo, hi),
                    _ => FULL,
                }
            }
            Op::BAnd => match (t.int_of(i.r(1)), t.int_of(i.r(0))) {
                (Some(k), _) | (_, Some(k)) if k >= 0 => (0, k),
                _ => FULL,
            },
            Op::Mod => match t.int_of(i.r(1)) {
                Some(k) if k > 0 => (0, k - 1),
                Some(k) if k < 0 => (k + 1, 0),
                _ => FULL,
            },
            Op::BToI => (0, 1),
            // No range knowledge (yet): loads, calls, phis, slot loads, the rest of the int ops.
            Op::Loop
            | Op::WUnbox
            | Op::IToW
            | Op::WMul
            | Op::WAddOv
            | Op::WSubOv
            | Op::WBox
            | Op::Phi
            | Op::Jump
            | Op::Exit
            | Op::Sload
            | Op::SloadU
            | Op::FloorDiv
            | Op::BOr
            | Op::BXor
            | Op::Shl
            | Op::Shr
            | Op::Lt
            | Op::Le
            | Op::Gt
            | Op::Ge
            | Op::Eq
            | Op::Ne
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
            | Op::CallGuard => FULL,
        }
    }

    fn narrow(&mut self, t: &Trace, r: IrRef, lo: i64, hi: i64) {
        if r.is_const() {
            return;
        }
        let (l, h) = self.range(t, r);
        self.range.insert(r, (l.max(lo), h.min(hi)));
    }

    /// Record that `op(a, b)` holds (op normalised to Lt/Le/Eq).
    fn learn(&mut self, t: &Trace, op: Op, a: IrRef, b: IrRef) {
        let (op, a, b) = match op {
            Op::Gt => (Op::Lt, b, a),
            Op::Ge => (Op::Le, b, a),
            Op::Lt | Op::Le | Op::Eq => (op, a, b),
            _ => return,
        };
        let (ra, rb) = (self.range(t, a), self.range(t, b));
        match op {
            Op::Lt => {
                self.narrow(t, a, i64::MIN, rb.1.saturating_sub(1));
                self.narrow(t, b, ra.0.saturating_add(1), i64::MAX);
            }
            Op::Le => {
                self.narrow(t, a, i64::MIN, rb.1);
                self.narrow(t, b, ra.0, i64::MAX);
            }
            _ => {
                self.narrow(t, a, rb.0, rb.1);
                self.narrow(t, b, ra.0, ra.1);
                self.rel.insert((Op::Eq, b, a));
            }
        }
        self.rel.insert((op, a, b));
    }

    /// Is the int comparison `op(a, b)` decided by what we know?
    fn decide(&mut self, t: &Trace, op: Op, a: IrRef, b: IrRef) -> Option<bool> {
        let (ra, rb) = (self.range(t, a), self.range(t, b));
        let by_range = match op {
            Op::Lt if ra.1 < rb.0 => Some(true),
            Op::Lt if ra.0 >= rb.1 => Some(false),
            Op::Le if ra.1 <= rb.0 => Some(true),
            Op::Le if ra.0 > rb.1 => Some(false),
            Op::Gt => return self.decide(t, Op::Lt, b, a),
            Op::Ge => return self.decide(t, Op::Le, b, a),
            Op::Eq | Op::Ne if ra.1 < rb.0 || rb.1 < ra.0 => Some(op == Op::Ne),
            _ => None,
        };
        if by_range.is_some() {
            return by_range;
        }
        let has = |op, x, y| self.rel.contains(&(op, x, y));
        let lt = has(Op::Lt, a, b);
        let gt = has(Op::Lt, b, a);
        let eq = has(Op::Eq, a, b);
        match op {
            Op::Lt if lt => Some(true),
            Op::Lt if gt || eq || has(Op::Le, b, a) => Some(false),
            Op::Le if lt || eq || has(Op::Le, a, b) => Some(true),
            Op::Le if gt => Some(false),
            Op::Eq if eq => Some(true),
            Op::Eq if lt || gt => Some(false),
            Op::Ne if eq => Some(false),
            Op::Ne if lt || gt => Some(true),
            _ => None,
        }
    }
}

/// Result range of `op` on ranges `a`, `b`, if it cannot overflow.
fn arith(op: Op, a: (i64, i64), b: (i64, i64)) -> Option<(i64, i64)> {
    match op {
        Op::Add | Op::AddOv => Some((a.0.checked_add(b.0)?, a.1.checked_add(b.1)?)),
        Op::Sub | Op::SubOv => Some((a.0.checked_sub(b.1)?, a.1.checked_sub(b.0)?)),
        Op::Mul | Op::MulOv => {
            let c = [
                a.0.checked_mul(b.0)?,
                a.0.checked_mul(b.1)?,
                a.1.checked_mul(b.0)?,
                a.1.checked_mul(b.1)?,
            ];
            Some((*c.iter().min()?, *c.iter().max()?))
        }
        _ => None,
    }
}

/// Run the pass.
pub fn run(src: &Trace) -> Trace {
    let mut facts = Facts::default();
    rebuild(src, true, |rb: &mut Rebuild, i: usize, inst: Inst| {
        step(&mut facts, rb, i, inst)
    })
}

fn step(facts: &mut Facts, rb: &mut Rebuild, i: usize, mut inst: Inst) -> Action {
    let t = &rb.em.trace;
    match inst.op {
        Op::AddOv | Op::SubOv | Op::MulOv => {
            let (a, b) = (facts.range(t, inst.r(0)), facts.range(t, inst.r(1)));
            if arith(inst.op, a, b).is_some() {
                inst.op = match inst.op {
                    Op::AddOv => Op::Add,
                    Op::SubOv => Op::Sub,
                    _ => Op::Mul, // MulOv: the only other op of this arm
                };
                inst.snap = SnapId::NONE;
            }
            Action::Emit(inst)
        }
        Op::NegOv => {
            if facts.range(t, inst.r(0)).0 > i64::MIN {
                let zero = rb.em.kint(0);
                return Action::Emit(Inst::new(
                    Op::Sub,
                    Type::Int,
                    [zero.raw(), inst.f[0], 0],
                    SnapId::NONE,
                ));
            }
            Action::Emit(inst)
        }
        Op::Lt | Op::Le | Op::Gt | Op::Ge | Op::Eq | Op::Ne if t.ty(inst.r(0)) == Type::Int => {
            match facts.decide(t, inst.op, inst.r(0), inst.r(1)) {
                Some(v) => Action::Value(rb.em.konst(Const::Bool(v))),
                None => Action::Emit(inst),
            }
        }
        Op::GuardTrue | Op::GuardFalse => {
            let b = inst.r(0);
            if let Some(c) = t.inst(b).copied() {
                if t.ty(c.r(0)) == Type::Int {
                    let op = if inst.op == Op::GuardTrue {
                        Some(c.op)
                    } else {
                        c.op.negated_compare()
                    };
                    if let Some(op) = op {
                        facts.learn(t, op, c.r(0), c.r(1));
                    }
                }
            }
            // Afterwards the bool is known; later uses of it (in the source) see the constant.
            let k = rb.em.konst(Const::Bool(inst.op == Op::GuardTrue));
            substitute(rb, i, 0, k);
            Action::Emit(inst)
        }
        Op::GuardEq => {
            let (a, b) = (inst.r(0), inst.r(1));
            if t.ty(a) == Type::Int {
                facts.learn(t, Op::Eq, a, b);
            }
            if b.is_const() && !a.is_const() {
                substitute(rb, i, 0, b);
            } else if a.is_const() && !b.is_const() {
                substitute(rb, i, 1, a);
            }
            Action::Emit(inst)
        }
        Op::Loop
        | Op::Phi
        | Op::Jump
        | Op::Exit
        | Op::Sload
        | Op::SloadU
        | Op::Add
        | Op::Sub
        | Op::Mul
        | Op::FloorDiv
        | Op::Mod
        | Op::BAnd
        | Op::BOr
        | Op::BXor
        | Op::Shl
        | Op::Shr
        | Op::Lt
        | Op::Le
        | Op::Gt
        | Op::Ge
        | Op::Eq
        | Op::Ne
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
        | Op::CallGuard => Action::Emit(inst),
    }
}

/// Later uses of the source value behind operand `operand` of source instruction `i` become `k`.
fn substitute(rb: &mut Rebuild, i: usize, operand: usize, k: IrRef) {
    let src_ref = rb.src.insts[i].r(operand);
    if src_ref.is_inst() && src_ref.index() < rb.map.len() {
        rb.map[src_ref.index()] = k;
    }
}
