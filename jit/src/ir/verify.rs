//! IR verifier: run between passes in debug builds and tests, and by the backend before codegen when
//! verification is on. It checks everything the optimiser and backend rely on, so that they can index
//! without checking again:
//! - every operand field is in range for its kind, every reference is to an existing value;
//! - SSA dominance: the trace is one straight line (guards only leave it), so "defined before use" is
//!   dominance; the only forward reference allowed is a `phi`'s back-edge operand, which must be a body
//!   value;
//! - types, from the op table plus the few op-specific rules below;
//! - snapshots: present exactly on ops that carry one, entries sorted by slot, values of Python-value
//!   types, all defined before the instruction that uses the snapshot;
//! - structure: at most one `loop`, `phi`s directly after it, a loop-less trace ends in `jump` or `exit`
//!   and neither appears anywhere else.

use super::ops::{Kind, Op};
use super::print::print_inst;
use super::trace::Trace;
use super::types::{IrRef, Type};
use std::fmt;

/// A verifier complaint, with the offending instruction if there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyError {
    /// Index of the instruction, if the problem is in one.
    pub inst: Option<usize>,
    /// The instruction's text, for the message.
    pub text: String,
    /// What is wrong.
    pub msg: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.inst {
            Some(i) => write!(f, "IR verify: at {i} `{}`: {}", self.text, self.msg),
            None => write!(f, "IR verify: {}", self.msg),
        }
    }
}

impl std::error::Error for VerifyError {}

/// Verify a trace.
pub fn verify(t: &Trace) -> Result<(), VerifyError> {
    let n = t.insts.len();
    if n == 0 {
        return Err(VerifyError {
            inst: None,
            text: String::new(),
            msg: "empty trace".into(),
        });
    }
    let loop_pos = t.loop_pos();
    for (i, inst) in t.insts.iter().enumerate() {
        let fail = |msg: String| {
            let mut text = String::new();
            print_inst(t, i, inst, &mut text);
            Err(VerifyError {
                inst: Some(i),
                text,
                msg,
            })
        };
        // Reference operands: existence, dominance, kind types.
        let mut first_ty = Type::Void;
        for (k_i, k) in inst.op.operands().iter().enumerate() {
            let refs: Vec<IrRef> = match k {
                Kind::I | Kind::F | Kind::B | Kind::W | Kind::P | Kind::A | Kind::S => {
                    vec![inst.r(k_i)]
                }
                Kind::Args => {
                    let (s, l) = (inst.f[1] as usize, inst.f[2] as usize);
                    if s.checked_add(l).is_none_or(|e| e > t.args.len()) {
                        return fail("argument list out of range".into());
                    }
                    t.call_args(inst).to_vec()
                }
                Kind::Slot | Kind::Off => vec![],
                Kind::Ty => match inst.ty_imm(k_i) {
                    Some(ty) if ty.is_value() => vec![],
                    _ => return fail("type operand must be a value type".into()),
                },
                Kind::Hp => {
                    if inst.f[k_i] as usize >= t.helpers.len() {
                        return fail("unknown helper".into());
                    }
                    vec![]
                }
            };
            for r in refs {
                let back_edge = inst.op == Op::Phi && k_i == 1;
                if r.is_const() {
                    if r.index() >= t.consts.len() {
                        return fail(format!("constant {r:?} out of range"));
                    }
                } else if r == IrRef::NONE || r.index() >= n {
                    return fail(format!("reference {r:?} out of range"));
                } else if back_edge {
                    // Any value dominates the back edge (the end of the buffer).
                } else if r.index() >= i {
                    return fail(format!("{r:?} used before its definition"));
                }
                let ty = t.ty(r);
                let ok = match k {
                    Kind::I => ty == Type::Int,
                    Kind::W => ty == Type::Wide,
                    Kind::F => ty == Type::Float,
                    Kind::B => ty == Type::Bool,
                    Kind::P => ty.is_addr(),
                    Kind::A => ty != Type::Void,
                    Kind::S => ty == first_ty,
                    Kind::Args => ty != Type::Void,
                    Kind::Slot | Kind::Off | Kind::Ty | Kind::Hp => true,
                };
                if !ok {
                    return fail(format!(
                        "operand {} has type {ty}, not allowed for {k:?}",
                        k_i
                    ));
                }
                if k_i == 0 {
                    first_ty = ty;
                }
            }
        }
        // Result type.
        let want = Trace::result_type(inst.op, first_ty, inst.ty);
        if inst.ty != want {
            return fail(format!("result type {} should be {want}", inst.ty));
        }
        let dyn_ok = match inst.op {
            Op::Sload | Op::SloadU => inst.ty.is_value(),
            Op::Load => matches!(
                inst.ty,
                Type::Bool | Type::Int | Type::Float | Type::Obj | Type::Ptr
            ),
            Op::CallPure => !matches!(inst.ty, Type::Void | Type::None | Type::Undef),
            Op::Call | Op::CallGuard => !matches!(inst.ty, Type::None | Type::Undef),
            Op::Eq | Op::Ne | Op::GuardEq | Op::GuardNe => first_ty != Type::Float,
            Op::Store => !matches!(t.ty(inst.r(2)), Type::None | Type::Undef),
            Op::Phi => first_ty != Type::Void,
            Op::Loop
            | Op::Jump
            | Op::Exit
            | Op::Add
            | Op::Sub
            | Op::Mul
            | Op::AddOv
            | Op::SubOv
            | Op::MulOv
            | Op::NegOv
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
            | Op::GuardTrue
            | Op::GuardFalse
            | Op::GuardTag
            | Op::GuardIntr
            | Op::Snew
            | Op::Sstore
            | Op::PAdd => true,
        };
        if !dyn_ok {
            return fail("type not allowed for this op".into());
        }
        // Snapshot.
        if inst.op.has_snap() {
            let Some(snap) = t
                .snaps
                .get(inst.snap.index())
                .filter(|_| inst.snap.is_some())
            else {
                return fail("missing or invalid snapshot".into());
            };
            let mut last_slot = None;
            for e in &snap.entries {
                if last_slot.is_some_and(|s| s >= e.slot) {
                    return fail(format!(
                        "snapshot #{} entries not sorted/unique at slot {}",
                        inst.snap.0, e.slot
                    ));
                }
                last_slot = Some(e.slot);
                if e.val.is_const() {
                    if e.val.index() >= t.consts.len() {
                        return fail("snapshot constant out of range".into());
                    }
                } else if e.val == IrRef::NONE || e.val.index() >= i {
                    return fail(format!(
                        "snapshot #{} uses {:?} before its definition",
                        inst.snap.0, e.val
                    ));
                }
                if !t.ty(e.val).is_value() {
                    return fail(format!(
                        "snapshot #{} slot {} has non-value type {}",
                        inst.snap.0,
                        e.slot,
                        t.ty(e.val)
                    ));
                }
            }
        } else if inst.snap.is_some() {
            return fail("this op takes no snapshot".into());
        }
        // Structure.
        match inst.op {
            Op::Loop => {
                if loop_pos != Some(i) {
                    return fail("more than one loop".into());
                }
            }
            Op::Phi => {
                let after_loop = loop_pos
                    .is_some_and(|l| l < i && t.insts[l + 1..i].iter().all(|x| x.op == Op::Phi));
                if !after_loop {
                    return fail("phi must directly follow loop".into());
                }
            }
            Op::Jump | Op::Exit => {
                if i != n - 1 || loop_pos.is_some() {
                    return fail(
                        "jump/exit must be the last instruction of a loop-less trace".into(),
                    );
                }
            }
            Op::Sload
            | Op::SloadU
            | Op::Add
            | Op::Sub
            | Op::Mul
            | Op::AddOv
            | Op::SubOv
            | Op::MulOv
            | Op::NegOv
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
            | Op::GuardTrue
            | Op::GuardFalse
            | Op::GuardEq
            | Op::GuardNe
            | Op::GuardTag
            | Op::GuardIntr
            | Op::Load
            | Op::Store
            | Op::PAdd
            | Op::Call
            | Op::CallPure
            | Op::CallGuard => {}
            Op::Sstore => {
                if !t.is_sunk(inst.r(0)) {
                    return fail("sstore into something that is not a snew".into());
                }
            }
            Op::Snew => {
                if !inst.r(0).is_const() {
                    return fail("snew of a class that is not a constant".into());
                }
            }
        }
    }
    if loop_pos.is_none() && !matches!(t.insts[n - 1].op, Op::Jump | Op::Exit) {
        return Err(VerifyError {
            inst: Some(n - 1),
            text: String::new(),
            msg: "a trace without `loop` must end in `jump` or `exit`".into(),
        });
    }
    Ok(())
}
