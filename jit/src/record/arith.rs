//! Numbers, comparisons and conditional branches.
//!
//! Each case is "guards + typed op", chosen from the concrete operand types (the `sload` tag guards
//! already pin them):
//! - int ⊕ int: `add_ov`/`sub_ov`/`mul_ov` (exit on overflow: the interpreter makes the bigint),
//!   `floordiv`/`mod`/`shl`/`shr` (exit where Python raises or the result leaves i64), `band`/`bor`/
//!   `bxor`; `/` converts exactly (both operands guarded to |x| < 2^53, like the interpreter's fast path);
//!   `**` with a constant exponent 0..=64 is a chain of `mul_ov`s.
//! - float ⊕ float: `fadd`/`fsub`/`fmul`/`fdiv`/`ffloordiv`/`fmod` (exit on a zero divisor), `**` as
//!   the `fpow` helper (`x ** 2.0` is `fmul x, x`).
//! - int ⊕ float: `i2f` (correctly rounded, as CPython converts) and the float op. Bools are ints.
//! - comparisons: int and float ops; int against float only when the int is exactly a float (guarded
//!   |i| <= 2^53), since Python compares them exactly.
//! - branches: the condition's truth value (`ne x, 0`, `fne x, 0.0`, the bool itself) and a
//!   `guard_true`/`guard_false` chosen at the next instruction, when the direction is known.

use super::dunders::is_instance;
use super::{nyi, Cx, Pending, RResult, Recorder, Sv};
use crate::ir::{Const, IrRef, Op, SnapId, Type};
use crate::vmops::What;

const NS: SnapId = SnapId::NONE;
use pvm_interp::bytecode::{BinOp, CmpOp};
use pvm_interp::value::Value;
use pvm_interp::vm::Vm;

/// A numeric operand: bools already widened to int.
#[derive(Clone, Copy)]
pub(crate) enum Num {
    I(IrRef),
    F(IrRef),
}

/// 2^53: ints strictly inside ±2^53 convert to floats exactly.
const EXACT: i64 = 1 << 53;

impl Recorder {
    /// The numeric value of a slot (None if it is not a number).
    pub(super) fn num(&mut self, vm: &Vm, abs: usize) -> RResult<Option<Num>> {
        Ok(match &vm.stack[abs] {
            Value::Int(_) => Some(Num::I(self.get(vm, abs)?)),
            Value::Float(_) => Some(Num::F(self.get(vm, abs)?)),
            Value::Bool(_) => {
                let b = self.get(vm, abs)?;
                Some(Num::I(self.em.ins(Op::BToI, &[b], NS)))
            }
            Value::None | Value::Obj(_) | Value::Undef => None,
        })
    }

    /// A number as a float (`i2f` for ints).
    pub(super) fn as_float(&mut self, n: Num) -> IrRef {
        match n {
            Num::F(r) => r,
            Num::I(r) => self.em.ins(Op::IToF, &[r], NS),
        }
    }

    /// Guard that an int converts to a float exactly (|x| < 2^53); `concrete` is its current value.
    fn guard_exact(&mut self, vm: &Vm, x: IrRef, concrete: i64) -> RResult {
        if concrete.unsigned_abs() >= EXACT as u64 {
            return Err(nyi("int too large to convert exactly"));
        }
        if self.em.trace.int_of(x).is_some() {
            return Ok(());
        }
        let hi = self.em.kint(EXACT);
        let lo = self.em.kint(-EXACT);
        let c1 = self.em.ins(Op::Lt, &[x, hi], NS);
        self.guard(vm, Op::GuardTrue, &[c1])?;
        let c2 = self.em.ins(Op::Gt, &[x, lo], NS);
        self.guard(vm, Op::GuardTrue, &[c2])
    }

    /// `BinaryOp`: see the module docs.
    pub(super) fn rec_binary_op(&mut self, vm: &mut Vm, cx: &Cx) -> RResult {
        let (op, inplace) = BinOp::decode(cx.arg);
        let (ia, ib) = (cx.sp - 2, cx.sp - 1);
        if matches!(
            (&vm.stack[ia], &vm.stack[ib]),
            (Value::Bool(_), Value::Bool(_))
        ) && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor)
        {
            return self.vm_binary_op(vm, cx, inplace);
        }
        if is_big(&vm.stack[ia]) || is_big(&vm.stack[ib]) {
            return self.big_binop(vm, op, ia, ib);
        }
        if is_instance(&vm.stack[ia]) || is_instance(&vm.stack[ib]) {
            return self.rec_binop_dunder(vm, cx);
        }
        let (Some(a), Some(b)) = (self.num(vm, ia)?, self.num(vm, ib)?) else {
            return self.vm_binary_op(vm, cx, inplace);
        };
        let r = match (a, b) {
            (Num::I(x), Num::I(y)) => {
                let (cx_, cy) = (int_value(&vm.stack[ia]), int_value(&vm.stack[ib]));
                if op == BinOp::Mul && cx_.checked_mul(cy).is_none() {
                    // The product leaves i64 now (a hash `h * K` before its mask): a bigint, made by
                    // the interpreter's arithmetic, rather than an overflow exit every time.
                    let code = self.em.kint(op as i64);
                    let r = self.callg(vm, Type::Obj, "bigop.ii", &[code, x, y])?;
                    self.set(ia, Sv::Val(r));
                    self.set(ib, Sv::Undef);
                    return Ok(());
                }
                if matches!(op, BinOp::Add | BinOp::Sub) {
                    if let Some(r) = self.wide_binop(vm, op, ia, ib)? {
                        self.set(ia, Sv::Val(r));
                        self.set(ib, Sv::Undef);
                        return Ok(());
                    }
                }
                self.int_binop(vm, op, x, y, cx_, cy)?
            }
            (a, b) => {
                let (x, y) = (self.as_float(a), self.as_float(b));
                self.float_binop(vm, op, x, y)?
            }
        };
        self.set(ia, Sv::Val(r));
        self.set(ib, Sv::Undef);
        Ok(())
    }

    /// Int arithmetic with a bigint operand: the `bigop` helpers (the interpreter's arithmetic; they
    /// exit if an operand is not a bigint any more or the result fits i64).
    fn big_binop(&mut self, vm: &Vm, op: BinOp, ia: usize, ib: usize) -> RResult {
        if let Some(r) = self.wide_binop(vm, op, ia, ib)? {
            self.set(ia, Sv::Val(r));
            self.set(ib, Sv::Undef);
            return Ok(());
        }
        let operand = |s: &mut Self, i: usize| -> RResult<(IrRef, char)> {
            match &vm.stack[i] {
                v if is_big(v) => Ok((s.get(vm, i)?, 'o')),
                Value::Int(_) => Ok((s.get(vm, i)?, 'i')),
                Value::Bool(_) => match s.num(vm, i)? {
                    Some(Num::I(x)) => Ok((x, 'i')),
                    _ => Err(nyi("bigint operand")),
                },
                _ => Err(nyi(format!(
                    "BinaryOp {} of a bigint and a non-int",
                    op.symbol()
                ))),
            }
        };
        let (x, kx) = operand(self, ia)?;
        let (y, ky) = operand(self, ib)?;
        if kx == 'i' && ky == 'i' {
            return Err(nyi("bigint operands"));
        }
        let code = self.em.kint(op as i64);
        // The result's type is the interpreter's: an int when it fits (`big & mask`), else a bigint.
        let small = match (int_ref(&vm.stack[ia]), int_ref(&vm.stack[ib])) {
            (Some(a), Some(b)) => {
                matches!(pvm_interp::vm::ops::int_binop(op, a, b), Ok(Value::Int(_)))
            }
            _ => false,
        };
        let r = if small {
            self.callg(vm, Type::Int, &format!("bigsmall.{kx}{ky}"), &[code, x, y])?
        } else {
            self.callg(vm, Type::Obj, &format!("bigop.{kx}{ky}"), &[code, x, y])?
        };
        self.set(ia, Sv::Val(r));
        self.set(ib, Sv::Undef);
        Ok(())
    }

    /// `+`/`-` of ints whose result leaves i64 but fits 128 bits: unboxed `wide` arithmetic (an
    /// accumulator that outgrew i64 stays in registers; exits box it). None: not this case.
    fn wide_binop(&mut self, vm: &Vm, op: BinOp, ia: usize, ib: usize) -> RResult<Option<IrRef>> {
        let (Some(cx), Some(cy)) = (wide_value(&vm.stack[ia]), wide_value(&vm.stack[ib])) else {
            return Ok(None);
        };
        let (wop, r) = match op {
            BinOp::Add => (Op::WAddOv, cx.checked_add(cy)),
            BinOp::Sub => (Op::WSubOv, cx.checked_sub(cy)),
            _ => return Ok(None),
        };
        // A result inside i64 is an `Int` to the interpreter, which a wide value cannot stand for.
        if !r.is_some_and(|r| i64::try_from(r).is_err()) {
            return Ok(None);
        }
        let x = self.wide_operand(vm, ia)?;
        let y = self.wide_operand(vm, ib)?;
        Ok(Some(self.checked(vm, wop, &[x, y])?))
    }

    /// An int operand as a wide value: a wide value already, a widened int, or an unboxed bigint.
    fn wide_operand(&mut self, vm: &Vm, abs: usize) -> RResult<IrRef> {
        if let Some(Sv::Val(r)) = self.slot_state(abs) {
            if self.em.trace.ty(r) == Type::Wide {
                return Ok(r);
            }
        }
        match self.num(vm, abs)? {
            Some(Num::I(x)) => Ok(self.em.ins(Op::IToW, &[x], NS)),
            Some(Num::F(_)) => Err(nyi("wide operand is a float")),
            None => {
                let p = self.get(vm, abs)?;
                self.checked(vm, Op::WUnbox, &[p])
            }
        }
    }

    fn int_binop(
        &mut self,
        vm: &Vm,
        op: BinOp,
        x: IrRef,
        y: IrRef,
        cx: i64,
        cy: i64,
    ) -> RResult<IrRef> {
        let plain = |s: &mut Self, o: Op| s.em.ins(o, &[x, y], NS);
        Ok(match op {
            BinOp::Add => self.checked(vm, Op::AddOv, &[x, y])?,
            BinOp::Sub => self.checked(vm, Op::SubOv, &[x, y])?,
            BinOp::Mul => self.checked(vm, Op::MulOv, &[x, y])?,
            BinOp::FloorDiv => self.checked(vm, Op::FloorDiv, &[x, y])?,
            BinOp::Mod => self.checked(vm, Op::Mod, &[x, y])?,
            BinOp::LShift => self.checked(vm, Op::Shl, &[x, y])?,
            BinOp::RShift => self.checked(vm, Op::Shr, &[x, y])?,
            BinOp::And => plain(self, Op::BAnd),
            BinOp::Or => plain(self, Op::BOr),
            BinOp::Xor => plain(self, Op::BXor),
            BinOp::TrueDiv => {
                self.guard_exact(vm, x, cx)?;
                self.guard_exact(vm, y, cy)?;
                let (fx, fy) = (self.as_float(Num::I(x)), self.as_float(Num::I(y)));
                self.checked(vm, Op::FDiv, &[fx, fy])?
            }
            BinOp::Pow => {
                // Specialise on the exponent's value.
                let k = self.em.kint(cy);
                if y != k {
                    self.guard(vm, Op::GuardEq, &[y, k])?;
                }
                if cy < 0 {
                    let (fx, fy) = (self.as_float(Num::I(x)), self.as_float(Num::I(k)));
                    self.callg(vm, Type::Float, "fpow", &[fx, fy])?
                } else if cy <= 64 {
                    self.int_pow(vm, x, cy as u32)?
                } else {
                    return Err(nyi("int ** large exponent"));
                }
            }
            BinOp::MatMul => return Err(nyi("int @ int")),
        })
    }

    /// `x ** e` by square-and-multiply with overflow checks.
    fn int_pow(&mut self, vm: &Vm, x: IrRef, mut e: u32) -> RResult<IrRef> {
        let mut acc: Option<IrRef> = None;
        let mut base = x;
        while e > 0 {
            if e & 1 == 1 {
                acc = Some(match acc {
                    None => base,
                    Some(a) => self.checked(vm, Op::MulOv, &[a, base])?,
                });
            }
            e >>= 1;
            if e > 0 {
                base = self.checked(vm, Op::MulOv, &[base, base])?;
            }
        }
        Ok(acc.unwrap_or_else(|| self.em.kint(1)))
    }

    fn float_binop(&mut self, vm: &Vm, op: BinOp, x: IrRef, y: IrRef) -> RResult<IrRef> {
        let plain = |s: &mut Self, o: Op| s.em.ins(o, &[x, y], NS);
        Ok(match op {
            BinOp::Add => plain(self, Op::FAdd),
            BinOp::Sub => plain(self, Op::FSub),
            BinOp::Mul => plain(self, Op::FMul),
            BinOp::TrueDiv => self.checked(vm, Op::FDiv, &[x, y])?,
            BinOp::FloorDiv => self.checked(vm, Op::FFloorDiv, &[x, y])?,
            BinOp::Mod => self.checked(vm, Op::FMod, &[x, y])?,
            BinOp::Pow => {
                if self.em.trace.const_of(y) == Some(Const::float(2.0)) {
                    // CPython raises OverflowError when a finite base overflows: exit unless the
                    // square is finite (an infinite or NaN result is left to the interpreter).
                    let r = self.em.ins(Op::FMul, &[x, x], NS);
                    let a = self.em.ins(Op::FAbs, &[r], NS);
                    let max = self.em.kfloat(f64::MAX);
                    let finite = self.em.ins(Op::FLe, &[a, max], NS);
                    self.guard(vm, Op::GuardTrue, &[finite])?;
                    r
                } else {
                    self.callg(vm, Type::Float, "fpow", &[x, y])?
                }
            }
            BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::MatMul => {
                return Err(nyi(format!("float {} float", op.symbol())))
            }
        })
    }

    /// `UnaryNegative`: `neg_ov` (exits on -i64::MIN), `fneg`.
    pub(super) fn rec_unary_negative(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        if is_instance(&vm.stack[cx.sp - 1]) {
            return self.rec_unary_dunder(vm, cx, "__neg__");
        }
        let r = match self.num(vm, cx.sp - 1)? {
            Some(Num::I(x)) => self.checked(vm, Op::NegOv, &[x])?,
            Some(Num::F(x)) => self.em.ins(Op::FNeg, &[x], NS),
            None => return Err(nyi("unary - on a non-number")),
        };
        self.set(cx.sp - 1, Sv::Val(r));
        Ok(())
    }

    /// `UnaryPositive`: identity on numbers (bools become ints).
    pub(super) fn rec_unary_positive(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let r = match self.num(vm, cx.sp - 1)? {
            Some(Num::I(x)) | Some(Num::F(x)) => x,
            None => return Err(nyi("unary + on a non-number")),
        };
        self.set(cx.sp - 1, Sv::Val(r));
        Ok(())
    }

    /// `UnaryInvert`: `bxor x, -1`.
    pub(super) fn rec_unary_invert(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let r = match self.num(vm, cx.sp - 1)? {
            Some(Num::I(x)) => {
                let m1 = self.em.kint(-1);
                self.em.ins(Op::BXor, &[x, m1], NS)
            }
            _ => return Err(nyi("unary ~ on a non-int")),
        };
        self.set(cx.sp - 1, Sv::Val(r));
        Ok(())
    }

    /// The truth value of a slot: inline where `truth` knows the type, else by a helper for builtin
    /// objects (a str, dict or set is true when not empty).
    fn truth_any(&mut self, vm: &mut Vm, abs: usize) -> RResult<IrRef> {
        match self.truth(vm, abs) {
            Err(super::Abort::Nyi { .. }) if !is_instance(&vm.stack[abs]) => {
                self.vm_op(vm, What::Truth, 0, &[abs])
            }
            r => r,
        }
    }

    /// `UnaryNot`: `not` of the truth value.
    pub(super) fn rec_unary_not(&mut self, vm: &mut Vm, cx: &Cx) -> RResult {
        let t = self.truth_any(vm, cx.sp - 1)?;
        let r = self.em.ins(Op::Not, &[t], NS);
        self.set(cx.sp - 1, Sv::Val(r));
        Ok(())
    }

    /// The truth value of a slot as a bool IR value.
    pub(super) fn truth(&mut self, vm: &Vm, abs: usize) -> RResult<IrRef> {
        Ok(match &vm.stack[abs] {
            Value::Bool(_) => self.get(vm, abs)?,
            Value::Int(_) => {
                let x = self.get(vm, abs)?;
                let z = self.em.kint(0);
                self.em.ins(Op::Ne, &[x, z], NS)
            }
            Value::Float(_) => {
                let x = self.get(vm, abs)?;
                let z = self.em.kfloat(0.0);
                self.em.ins(Op::FNe, &[x, z], NS)
            }
            Value::None => {
                self.get(vm, abs)?;
                self.em.konst(Const::Bool(false))
            }
            Value::Obj(o) if matches!(&**o, pvm_interp::object::Object::Instance(_)) => {
                self.instance_truth(vm, abs)?
            }
            Value::Obj(_)
                if self.layout().is_some() && super::seq::seq_kind(&vm.stack[abs]).is_some() =>
            {
                // A list or tuple: its length is not 0.
                let kind = super::seq::seq_kind(&vm.stack[abs]).ok_or_else(|| nyi("truth"))?;
                let x = self.get(vm, abs)?;
                let n = self.inline_len(vm, x, kind)?;
                let z = self.em.kint(0);
                self.em.ins(Op::Ne, &[n, z], NS)
            }
            Value::Obj(_) | Value::Undef => return Err(nyi("truth value of an object")),
        })
    }

    /// A comparison of two slots as a bool IR value.
    fn compare(&mut self, vm: &Vm, op: CmpOp, ia: usize, ib: usize) -> RResult<IrRef> {
        let (va, vb) = (&vm.stack[ia], &vm.stack[ib]);
        let is_eq = matches!(op, CmpOp::Eq | CmpOp::Ne);
        // None against None or a number: identity of types decides (tags are guarded).
        if matches!(va, Value::None) || matches!(vb, Value::None) {
            let other_num = |v: &Value| {
                matches!(
                    v,
                    Value::None | Value::Int(_) | Value::Float(_) | Value::Bool(_)
                )
            };
            if !is_eq || !other_num(va) || !other_num(vb) {
                return Err(nyi("comparison with None"));
            }
            self.get(vm, ia)?;
            self.get(vm, ib)?;
            let same = matches!(va, Value::None) && matches!(vb, Value::None);
            return Ok(self.em.konst(Const::Bool(same == (op == CmpOp::Eq))));
        }
        if is_eq && is_plain_class(va) && is_plain_class(vb) {
            // Classes without a metaclass compare by identity (`type(a) == type(b)`); each is guarded
            // to be the class it is now (a `type(x)` result already is a constant).
            let (va, vb) = (va.clone(), vb.clone());
            let (x, y) = (self.get(vm, ia)?, self.get(vm, ib)?);
            let kx = self.guard_identity(vm, x, &va)?;
            let ky = self.guard_identity(vm, y, &vb)?;
            return Ok(self.em.konst(Const::Bool((kx == ky) == (op == CmpOp::Eq))));
        }
        let (Some(a), Some(b)) = (self.num(vm, ia)?, self.num(vm, ib)?) else {
            return Err(nyi(format!("comparison {} of non-numbers", op.symbol())));
        };
        let (x, y, float) = match (a, b) {
            (Num::I(x), Num::I(y)) => (x, y, false),
            (Num::F(x), Num::F(y)) => (x, y, true),
            (Num::I(x), Num::F(y)) => {
                self.guard_exact(vm, x, int_value(va))?;
                (self.as_float(Num::I(x)), y, true)
            }
            (Num::F(x), Num::I(y)) => {
                self.guard_exact(vm, y, int_value(vb))?;
                (x, self.as_float(Num::I(y)), true)
            }
        };
        let irop = match (op, float) {
            (CmpOp::Lt, false) => Op::Lt,
            (CmpOp::Le, false) => Op::Le,
            (CmpOp::Gt, false) => Op::Gt,
            (CmpOp::Ge, false) => Op::Ge,
            (CmpOp::Eq, false) => Op::Eq,
            (CmpOp::Ne, false) => Op::Ne,
            (CmpOp::Lt, true) => Op::FLt,
            (CmpOp::Le, true) => Op::FLe,
            (CmpOp::Gt, true) => Op::FGt,
            (CmpOp::Ge, true) => Op::FGe,
            (CmpOp::Eq, true) => Op::FEq,
            (CmpOp::Ne, true) => Op::FNe,
        };
        Ok(self.em.ins(irop, &[x, y], NS))
    }

    /// A binary operator on builtin non-numbers (`s + t`, `"%d" % n`, `xs * 2`), by a helper; an in-place
    /// operator that would change a mutable container (`xs += ys`) is not pure and aborts.
    fn vm_binary_op(&mut self, vm: &mut Vm, cx: &Cx, inplace: bool) -> RResult {
        let (ia, ib) = (cx.sp - 2, cx.sp - 1);
        if inplace
            && matches!(
                vm.stack[ia].as_obj(),
                Some(
                    pvm_interp::object::Object::List(_)
                        | pvm_interp::object::Object::Dict(_)
                        | pvm_interp::object::Object::Set(_)
                        | pvm_interp::object::Object::ByteArray(_)
                )
            )
        {
            return Err(nyi("an in-place operator on a mutable container"));
        }
        let r = self.vm_op(vm, What::Binary, cx.arg as u16, &[ia, ib])?;
        self.set(ia, Sv::Val(r));
        self.set(ib, Sv::Undef);
        Ok(())
    }

    /// A comparison as a bool IR value: inline for numbers, else by a helper on builtin values.
    fn compare_any(
        &mut self,
        vm: &mut Vm,
        op: CmpOp,
        raw: u32,
        ia: usize,
        ib: usize,
    ) -> RResult<IrRef> {
        match self.compare(vm, op, ia, ib) {
            Err(super::Abort::Nyi { .. }) => self.vm_op(vm, What::Compare, raw as u16, &[ia, ib]),
            r => r,
        }
    }

    /// `CompareOp`: the comparison's bool.
    pub(super) fn rec_compare_op(&mut self, vm: &mut Vm, cx: &Cx) -> RResult {
        let op = CmpOp::decode(cx.arg);
        if is_instance(&vm.stack[cx.sp - 2]) || is_instance(&vm.stack[cx.sp - 1]) {
            return self.rec_compare_dunder(vm, cx, op, None);
        }
        let r = self.compare_any(vm, op, cx.arg, cx.sp - 2, cx.sp - 1)?;
        self.set(cx.sp - 2, Sv::Val(r));
        self.set(cx.sp - 1, Sv::Undef);
        Ok(())
    }

    /// `CompareJumpIfFalse`: the comparison, then a branch guard.
    pub(super) fn rec_compare_jump(&mut self, vm: &mut Vm, cx: &Cx) -> RResult {
        let op = CmpOp::decode(cx.arg >> 21);
        if is_instance(&vm.stack[cx.sp - 2]) || is_instance(&vm.stack[cx.sp - 1]) {
            return self.rec_compare_dunder(vm, cx, op, Some(cx.arg & 0x1f_ffff));
        }
        let c = self.compare_any(vm, op, cx.arg >> 21, cx.sp - 2, cx.sp - 1)?;
        self.branch(vm, cx, c, false, cx.arg & 0x1f_ffff, None)?;
        self.set(cx.sp - 2, Sv::Undef);
        self.set(cx.sp - 1, Sv::Undef);
        Ok(())
    }

    /// `PopJumpIfFalse` / `PopJumpIfTrue`.
    pub(super) fn rec_pop_jump(&mut self, vm: &mut Vm, cx: &Cx, jump_if: bool) -> RResult {
        let c = self.truth_any(vm, cx.sp - 1)?;
        self.branch(vm, cx, c, jump_if, cx.arg, None)?;
        self.set(cx.sp - 1, Sv::Undef);
        Ok(())
    }

    /// `JumpIfFalseOrPop` / `JumpIfTrueOrPop`: the value stays on the stack if the branch is taken.
    pub(super) fn rec_jump_or_pop(&mut self, vm: &mut Vm, cx: &Cx, jump_if: bool) -> RResult {
        let c = self.truth_any(vm, cx.sp - 1)?;
        self.branch(vm, cx, c, jump_if, cx.arg, Some(cx.sp - 1))
    }

    /// Defer a branch guard until the next instruction shows the direction.
    fn branch(
        &mut self,
        vm: &Vm,
        cx: &Cx,
        c: IrRef,
        jump_if: bool,
        target: u32,
        pop: Option<usize>,
    ) -> RResult {
        let snap = self.snapshot(vm)?;
        let cond = match self.em.trace.const_of(c) {
            Some(Const::Bool(_)) => None,
            _ => Some(c),
        };
        self.pending = Some(Pending {
            cond,
            jump_if,
            target,
            fall: cx.pc + 1,
            snap,
            pop_on_fall: pop,
        });
        self.expect = None;
        Ok(())
    }

    /// `IsOp`: identity. Different types are never identical; None is None; ints and bools compare by
    /// value (as the interpreter does); objects by address.
    pub(super) fn rec_is_op(&mut self, vm: &Vm, cx: &Cx) -> RResult {
        let (ia, ib) = (cx.sp - 2, cx.sp - 1);
        let (x, y) = (self.get(vm, ia)?, self.get(vm, ib)?);
        let (tx, ty) = (self.em.trace.ty(x), self.em.trace.ty(y));
        let same = if tx != ty {
            self.em.konst(Const::Bool(false))
        } else {
            match tx {
                Type::None => self.em.konst(Const::Bool(true)),
                Type::Bool | Type::Int | Type::Obj => self.em.ins(Op::Eq, &[x, y], NS),
                _ => return Err(nyi("`is` on floats")),
            }
        };
        let r = if cx.arg == 1 {
            self.em.ins(Op::Not, &[same], NS)
        } else {
            same
        };
        self.set(ia, Sv::Val(r));
        self.set(ib, Sv::Undef);
        Ok(())
    }
}

/// Is this a bigint object?
fn is_big(v: &Value) -> bool {
    matches!(v.as_obj(), Some(pvm_interp::object::Object::Int(_)))
}

/// The value of an int, bool or bigint that fits 128 bits.
fn wide_value(v: &Value) -> Option<i128> {
    match v {
        Value::Int(i) => Some(*i as i128),
        Value::Bool(b) => Some(*b as i128),
        _ => match v.as_obj() {
            Some(pvm_interp::object::Object::Int(b)) => i128::try_from(b).ok(),
            _ => None,
        },
    }
}

/// The int value of an int or bool (0 otherwise).
pub(super) fn int_value(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => 0,
    }
}

/// A class whose metaclass is `type` (equality is identity).
fn is_plain_class(v: &Value) -> bool {
    matches!(v.as_obj(), Some(o @ pvm_interp::object::Object::Type(_)) if pvm_interp::vm::classes::user_meta(o).is_none())
}

/// An int or bigint value as the interpreter's int arithmetic takes it.
fn int_ref(v: &Value) -> Option<pvm_interp::vm::ops::IntRef<'_>> {
    match v {
        Value::Int(i) => Some(pvm_interp::vm::ops::IntRef::Small(*i)),
        Value::Bool(b) => Some(pvm_interp::vm::ops::IntRef::Small(*b as i64)),
        _ => match v.as_obj() {
            Some(pvm_interp::object::Object::Int(b)) => Some(pvm_interp::vm::ops::IntRef::Big(b)),
            _ => None,
        },
    }
}
