//! Constant folding and algebraic simplification, applied to every instruction as it is emitted.
//!
//! `fold` looks at one instruction whose operands are already final and answers with one of: keep it
//! (possibly rewritten: operands swapped into canonical order, `guard_true (not x)` turned into
//! `guard_false x`), replace it by an existing value (`x + 0` is `x`, `3 * 4` is `12`), or drop it (a guard
//! that a constant proves). The emitter feeds a rewritten instruction back in until nothing changes, then
//! CSEs it. This is LuaJIT's `lj_opt_fold` in miniature, without its rule-dispatch hash: the `match` below
//! is over ops, and every op must be listed (adding an op forces a decision here).
//!
//! Rules for extending it:
//! - A folded result must be *exactly* what the generated code would compute, including IEEE details:
//!   `x + 0.0` is not `x` (-0.0), `x == x` is not `true` for floats (NaN). Python semantics for ints come
//!   from `pyops`, which the runtime helpers share.
//! - A guard that would always fail is kept: the trace then always exits there, which is correct.
//! - Overflow-checked ops fold only when the constant result fits; otherwise they stay (and exit).
//! - Canonical order for commutative ops: a constant goes right, otherwise the lower reference goes left.
//!   The other rules only look for constants on the right.

use crate::ir::{Const, Flags, Inst, IrRef, Op, Trace, Type};
use crate::pyops;

/// The outcome of folding one instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Folded {
    /// Emit this instruction (possibly rewritten; fold again if it changed).
    Keep(Inst),
    /// The instruction's value is this existing reference; emit nothing.
    Value(IrRef),
    /// The instruction is a guard that always passes; emit nothing.
    Drop,
}

fn int(t: &Trace, r: IrRef) -> Option<i64> {
    t.int_of(r)
}

fn float(t: &Trace, r: IrRef) -> Option<f64> {
    match t.const_of(r) {
        Some(Const::Float(b)) => Some(f64::from_bits(b)),
        _ => None,
    }
}

fn boolean(t: &Trace, r: IrRef) -> Option<bool> {
    match t.const_of(r) {
        Some(Const::Bool(b)) => Some(b),
        _ => None,
    }
}

/// The defining instruction of a non-constant reference.
fn def(t: &Trace, r: IrRef) -> Option<Inst> {
    t.inst(r).copied()
}

/// Int comparison: constants, or `x op x`.
fn icmp(t: &mut Trace, inst: Inst, f: fn(i64, i64) -> bool) -> Folded {
    let (a, b) = (inst.r(0), inst.r(1));
    match (int(t, a), int(t, b)) {
        (Some(x), Some(y)) => Folded::Value(t.konst(Const::Bool(f(x, y)))),
        _ if a == b => Folded::Value(t.konst(Const::Bool(f(0, 0)))),
        _ => Folded::Keep(inst),
    }
}

/// Float binary op on two constants.
fn fbin(t: &mut Trace, inst: Inst, f: fn(f64, f64) -> f64) -> Folded {
    match (float(t, inst.r(0)), float(t, inst.r(1))) {
        (Some(x), Some(y)) => Folded::Value(t.konst(Const::float(f(x, y)))),
        _ => Folded::Keep(inst),
    }
}

/// Float unary op on a constant.
fn fun(t: &mut Trace, inst: Inst, f: fn(f64) -> f64) -> Folded {
    match float(t, inst.r(0)) {
        Some(x) => Folded::Value(t.konst(Const::float(f(x)))),
        None => Folded::Keep(inst),
    }
}

/// Float comparison of two constants (never `x op x`: NaN).
fn fcmp(t: &mut Trace, inst: Inst, f: fn(f64, f64) -> bool) -> Folded {
    match (float(t, inst.r(0)), float(t, inst.r(1))) {
        (Some(x), Some(y)) => Folded::Value(t.konst(Const::Bool(f(x, y)))),
        _ => Folded::Keep(inst),
    }
}

/// Fold one instruction. Constants it produces are interned into `t`.
pub fn fold(t: &mut Trace, mut inst: Inst) -> Folded {
    let (a, b) = (inst.r(0), inst.r(1));
    if inst.op.flags().has(Flags::COMM) {
        let swap = (a.is_const() && !b.is_const())
            || (!a.is_const() && !b.is_const() && a.raw() > b.raw());
        if swap {
            inst.f.swap(0, 1);
            return Folded::Keep(inst);
        }
    }
    let ki = |t: &mut Trace, v: i64| Folded::Value(t.konst(Const::Int(v)));
    let kf = |t: &mut Trace, v: f64| Folded::Value(t.konst(Const::float(v)));
    let kb = |t: &mut Trace, v: bool| Folded::Value(t.konst(Const::Bool(v)));
    let (ia, ib) = (int(t, a), int(t, b));
    let (fa, fb) = (float(t, a), float(t, b));
    match inst.op {
        // Never folded: structure, memory, calls, slot loads.
        Op::Loop
        | Op::Phi
        | Op::Jump
        | Op::Exit
        | Op::Sload
        | Op::SloadU
        | Op::WUnbox
        | Op::IToW
        | Op::WMul
        | Op::WAddOv
        | Op::WSubOv
        | Op::WBox
        | Op::Load
        | Op::Store
        | Op::Snew
        | Op::Sstore
        | Op::Call
        | Op::CallPure
        | Op::CallGuard
        | Op::GuardTag
        | Op::GuardIntr => Folded::Keep(inst),
        Op::PAdd => match ib {
            Some(0) if t.ty(a) == Type::Ptr => Folded::Value(a),
            _ => Folded::Keep(inst),
        },
        Op::Add => match (ia, ib) {
            (Some(x), Some(y)) => ki(t, x.wrapping_add(y)),
            (_, Some(0)) => Folded::Value(a),
            _ => Folded::Keep(inst),
        },
        Op::AddOv => match (ia, ib) {
            (Some(x), Some(y)) => x.checked_add(y).map_or(Folded::Keep(inst), |v| ki(t, v)),
            (_, Some(0)) => Folded::Value(a),
            _ => Folded::Keep(inst),
        },
        Op::Sub => match (ia, ib) {
            (Some(x), Some(y)) => ki(t, x.wrapping_sub(y)),
            (_, Some(0)) => Folded::Value(a),
            _ if a == b => ki(t, 0),
            _ => Folded::Keep(inst),
        },
        Op::SubOv => match (ia, ib) {
            (Some(x), Some(y)) => x.checked_sub(y).map_or(Folded::Keep(inst), |v| ki(t, v)),
            (_, Some(0)) => Folded::Value(a),
            _ if a == b => ki(t, 0),
            _ => Folded::Keep(inst),
        },
        Op::Mul => match (ia, ib) {
            (Some(x), Some(y)) => ki(t, x.wrapping_mul(y)),
            (_, Some(1)) => Folded::Value(a),
            (_, Some(0)) => ki(t, 0),
            _ => Folded::Keep(inst),
        },
        Op::MulOv => match (ia, ib) {
            (Some(x), Some(y)) => x.checked_mul(y).map_or(Folded::Keep(inst), |v| ki(t, v)),
            (_, Some(1)) => Folded::Value(a),
            (_, Some(0)) => ki(t, 0),
            _ => Folded::Keep(inst),
        },
        Op::NegOv => match ia {
            Some(x) if x != i64::MIN => ki(t, -x),
            _ => Folded::Keep(inst),
        },
        Op::FloorDiv => match (ia, ib) {
            (Some(x), Some(y)) => {
                pyops::int_floordiv(x, y).map_or(Folded::Keep(inst), |v| ki(t, v))
            }
            (_, Some(1)) => Folded::Value(a),
            _ => Folded::Keep(inst),
        },
        Op::Mod => match (ia, ib) {
            (Some(x), Some(y)) => pyops::int_mod(x, y).map_or(Folded::Keep(inst), |v| ki(t, v)),
            (_, Some(1 | -1)) => ki(t, 0),
            _ => Folded::Keep(inst),
        },
        Op::BAnd => match (ia, ib) {
            (Some(x), Some(y)) => ki(t, x & y),
            (_, Some(0)) => ki(t, 0),
            (_, Some(-1)) => Folded::Value(a),
            _ if a == b => Folded::Value(a),
            _ => Folded::Keep(inst),
        },
        Op::BOr => match (ia, ib) {
            (Some(x), Some(y)) => ki(t, x | y),
            (_, Some(0)) => Folded::Value(a),
            (_, Some(-1)) => ki(t, -1),
            _ if a == b => Folded::Value(a),
            _ => Folded::Keep(inst),
        },
        Op::BXor => match (ia, ib) {
            (Some(x), Some(y)) => ki(t, x ^ y),
            (_, Some(0)) => Folded::Value(a),
            _ if a == b => ki(t, 0),
            _ => Folded::Keep(inst),
        },
        Op::Shl => match (ia, ib) {
            (Some(x), Some(y)) => pyops::int_shl(x, y).map_or(Folded::Keep(inst), |v| ki(t, v)),
            (_, Some(0)) => Folded::Value(a),
            _ => Folded::Keep(inst),
        },
        Op::Shr => match (ia, ib) {
            (Some(x), Some(y)) => pyops::int_shr(x, y).map_or(Folded::Keep(inst), |v| ki(t, v)),
            (_, Some(0)) => Folded::Value(a),
            _ => Folded::Keep(inst),
        },
        Op::Lt => icmp(t, inst, |x, y| x < y),
        Op::Le => icmp(t, inst, |x, y| x <= y),
        Op::Gt => icmp(t, inst, |x, y| x > y),
        Op::Ge => icmp(t, inst, |x, y| x >= y),
        // Eq/Ne never see floats (the verifier forbids it), so interned-constant identity is value
        // equality and `x == x` is true.
        Op::Eq | Op::Ne => {
            let want = inst.op == Op::Eq;
            if a == b {
                kb(t, want)
            } else if a.is_const() && b.is_const() {
                kb(t, !want)
            } else {
                Folded::Keep(inst)
            }
        }
        // `x + 0.0` is not `x` (for x = -0.0); `x - 0.0`, `x * 1.0` and `x / 1.0` are, bit for bit.
        Op::FAdd => fbin(t, inst, |x, y| x + y),
        Op::FSub => match fb {
            Some(y) if y == 0.0 && y.is_sign_positive() => Folded::Value(a),
            _ => fbin(t, inst, |x, y| x - y),
        },
        Op::FMul => match fb {
            Some(1.0) => Folded::Value(a),
            _ => fbin(t, inst, |x, y| x * y),
        },
        Op::FDiv => match fb {
            Some(1.0) => Folded::Value(a),
            Some(0.0) => Folded::Keep(inst), // always exits
            _ => fbin(t, inst, |x, y| x / y),
        },
        Op::FFloorDiv => match (fa, fb) {
            (Some(x), Some(y)) => {
                pyops::float_floordiv(x, y).map_or(Folded::Keep(inst), |v| kf(t, v))
            }
            _ => Folded::Keep(inst),
        },
        Op::FMod => match (fa, fb) {
            (Some(x), Some(y)) => pyops::float_mod(x, y).map_or(Folded::Keep(inst), |v| kf(t, v)),
            _ => Folded::Keep(inst),
        },
        Op::FNeg => match fa {
            Some(x) => kf(t, -x),
            None => match def(t, a) {
                Some(d) if d.op == Op::FNeg => Folded::Value(d.r(0)),
                _ => Folded::Keep(inst),
            },
        },
        Op::FAbs => fun(t, inst, f64::abs),
        Op::FSqrt => fun(t, inst, f64::sqrt),
        Op::FFloor => fun(t, inst, f64::floor),
        Op::FCeil => fun(t, inst, f64::ceil),
        Op::FTrunc => fun(t, inst, f64::trunc),
        Op::FLt => fcmp(t, inst, |x, y| x < y),
        Op::FLe => fcmp(t, inst, |x, y| x <= y),
        Op::FGt => fcmp(t, inst, |x, y| x > y),
        Op::FGe => fcmp(t, inst, |x, y| x >= y),
        Op::FEq => fcmp(t, inst, |x, y| x == y),
        Op::FNe => fcmp(t, inst, |x, y| x != y),
        Op::IToF => match ia {
            Some(x) => kf(t, x as f64),
            None => Folded::Keep(inst),
        },
        Op::FToI => match fa.and_then(pyops::float_to_int) {
            Some(v) => ki(t, v),
            None => Folded::Keep(inst),
        },
        Op::Not => match boolean(t, a) {
            Some(x) => kb(t, !x),
            None => match def(t, a) {
                Some(d) if d.op == Op::Not => Folded::Value(d.r(0)),
                // Int compares have exact negations (floats do not: NaN).
                Some(d) => match d.op.negated_compare() {
                    Some(neg) => Folded::Keep(Inst::new(neg, Type::Bool, d.f, inst.snap)),
                    None => Folded::Keep(inst),
                },
                _ => Folded::Keep(inst),
            },
        },
        Op::BToI => match boolean(t, a) {
            Some(x) => ki(t, x as i64),
            None => Folded::Keep(inst),
        },
        Op::GuardTrue | Op::GuardFalse => {
            let want = inst.op == Op::GuardTrue;
            match boolean(t, a) {
                Some(x) if x == want => Folded::Drop,
                Some(_) => Folded::Keep(inst),
                None => match def(t, a) {
                    Some(d) if d.op == Op::Not => {
                        let op = if want { Op::GuardFalse } else { Op::GuardTrue };
                        Folded::Keep(Inst::new(op, Type::Void, [d.f[0], 0, 0], inst.snap))
                    }
                    _ => Folded::Keep(inst),
                },
            }
        }
        Op::GuardEq => {
            if a == b {
                Folded::Drop
            } else {
                Folded::Keep(inst)
            }
        }
        Op::GuardNe => {
            if a.is_const() && b.is_const() && a != b {
                Folded::Drop
            } else {
                Folded::Keep(inst)
            }
        }
    }
}
