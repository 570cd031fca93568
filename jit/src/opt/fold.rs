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

/// Fold one instruction. Constants it produces are interned into `t`.
pub fn fold(t: &mut Trace, mut inst: Inst) -> Folded {
    let (a, b) = (inst.r(0), inst.r(1));
    if inst.op.flags().has(Flags::COMM) {
        let swap = (a.is_const() && !b.is_const()) || (!a.is_const() && !b.is_const() && a.raw() > b.raw());
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
        Op::Loop | Op::Phi | Op::Jump | Op::Exit | Op::Sload | Op::SloadU | Op::Load | Op::Store
        | Op::Call | Op::CallPure | Op::CallGuard | Op::GuardTag => Folded::Keep(inst),
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
            (Some(x), Some(y)) => pyops::int_floordiv(x, y).map_or(Folded::Keep(inst), |v| ki(t, v)),
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
        Op::Lt | Op::Le | Op::Gt | Op::Ge => {
            let cmp = |x: i64, y: i64| match inst.op {
                Op::Lt => x < y,
                Op::Le => x <= y,
                Op::Gt => x > y,
                _ => x >= y,
            };
            match (ia, ib) {
                (Some(x), Some(y)) => kb(t, cmp(x, y)),
                _ if a == b => kb(t, cmp(0, 0)),
                _ => Folded::Keep(inst),
            }
        }
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
        Op::FAdd | Op::FSub | Op::FMul | Op::FDiv => match (fa, fb) {
            (Some(x), Some(y)) if !(inst.op == Op::FDiv && y == 0.0) => kf(
                t,
                match inst.op {
                    Op::FAdd => x + y,
                    Op::FSub => x - y,
                    Op::FMul => x * y,
                    _ => x / y,
                },
            ),
            (_, Some(y)) if y == 1.0 && matches!(inst.op, Op::FMul | Op::FDiv) => Folded::Value(a),
            (_, Some(y)) if y == 0.0 && y.is_sign_positive() && inst.op == Op::FSub => Folded::Value(a),
            _ => Folded::Keep(inst),
        },
        Op::FFloorDiv => match (fa, fb) {
            (Some(x), Some(y)) => pyops::float_floordiv(x, y).map_or(Folded::Keep(inst), |v| kf(t, v)),
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
        Op::FAbs | Op::FSqrt | Op::FFloor | Op::FCeil | Op::FTrunc => match fa {
            Some(x) => kf(
                t,
                match inst.op {
                    Op::FAbs => x.abs(),
                    Op::FSqrt => x.sqrt(),
                    Op::FFloor => x.floor(),
                    Op::FCeil => x.ceil(),
                    _ => x.trunc(),
                },
            ),
            None => Folded::Keep(inst),
        },
        Op::FLt | Op::FLe | Op::FGt | Op::FGe | Op::FEq | Op::FNe => match (fa, fb) {
            (Some(x), Some(y)) => kb(
                t,
                match inst.op {
                    Op::FLt => x < y,
                    Op::FLe => x <= y,
                    Op::FGt => x > y,
                    Op::FGe => x >= y,
                    Op::FEq => x == y,
                    _ => x != y,
                },
            ),
            _ => Folded::Keep(inst),
        },
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
                Some(d) if matches!(d.op, Op::Lt | Op::Le | Op::Gt | Op::Ge | Op::Eq | Op::Ne) => {
                    let neg = match d.op {
                        Op::Lt => Op::Ge,
                        Op::Le => Op::Gt,
                        Op::Gt => Op::Le,
                        Op::Ge => Op::Lt,
                        Op::Eq => Op::Ne,
                        _ => Op::Eq,
                    };
                    Folded::Keep(Inst::new(neg, Type::Bool, d.f, inst.snap))
                }
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
