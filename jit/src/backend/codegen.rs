//! Trace IR → Cranelift IR.
//!
//! The trace becomes one function `(slots, ctx) -> exit id` in Cranelift's `tail` calling convention
//! (so an exit can tail-call a linked side trace). Layout:
//!
//! ```text
//! entry(slots, ctx):  jump top
//! top:                pre-roll (or, for an unpeeled trace, the whole iteration)
//!                     each guard: brif fail → cold trampoline: spill the snapshot's values, jump exit(id)
//!                     `loop`: jump header(phi entry values)
//! header(phis...):    body; at the end: jump header(phi back-edge values)
//! exit(id):           count; linked to an inheriting side trace: tail-call it; else call
//!                     write_back(plan, slots, exit buffer, id), then link or return
//! tail(id):           count; link or return (a final `exit` writes back inline and jumps here)
//! ```
//!
//! IR values map one-to-one to Cranelift SSA values (ints, objects, pointers and `None` as i64, floats as
//! f64, bools as i8 0/1); `phi`s are the header's block parameters. Nothing is written to the slots until
//! an exit (or, for an unpeeled trace, the `jump`). The exit machinery is described in `exits.rs`.
//!
//! Division and shifts are guarded *before* the Cranelift instruction that would trap on the bad input,
//! so generated code never traps.

use super::exits::{self, is_rc, Class, ExitPlan, Src, Write};
use super::helpers::HelperSpec;
use super::JitError;
use crate::abi::{PAYLOAD_OFFSET, TAG_NONE, TAG_OBJ, VALUE_SIZE};
use crate::ir::{Const, Inst, IrRef, Op, Trace, Type};
use crate::pyops;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    self, types, AbiParam, Block, BlockArg, Function, InstBuilder, MemFlagsData, SigRef, Signature,
    StackSlot, StackSlotData, StackSlotKind, UserFuncName,
};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use std::collections::HashMap;

/// Addresses and numbers baked into the code.
pub(crate) struct Tables {
    /// `*mut u32` per local exit.
    pub counters: u64,
    /// `*const fn` per local exit (0 = not linked).
    pub links: u64,
    /// Global id of local exit 0.
    pub exit_base: u32,
    /// The trace's `exits::RtPlan`.
    pub plan: u64,
    /// The trace's exit buffer (u64 words, per class in order): trampolines spill there, `write_back`
    /// and inheriting side traces read it. Not on the stack, because a linked side trace runs after
    /// this function's frame is gone (tail call).
    pub exit_buf: u64,
}

/// The signature every trace body has: `tail fn(slots: i64, ctx: i64) -> i32`.
pub(crate) fn body_signature() -> Signature {
    let mut sig = Signature::new(CallConv::Tail);
    sig.params.push(AbiParam::new(types::I64));
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I32));
    sig
}

fn cl_ty(ty: Type) -> ir::Type {
    match ty {
        Type::Float => types::F64,
        Type::Bool => types::I8,
        Type::Wide => types::I128,
        Type::Int | Type::Obj | Type::Ptr | Type::None | Type::Undef | Type::Void => types::I64,
    }
}

/// The largest slot distance from the base whose payload offset fits an i32 displacement. Slot numbers
/// are signed (an `i32` in the `u32` field): a side trace that returned from the frame its tree started in
/// addresses the caller's slots below the base.
const MAX_SLOT: u32 = ((i32::MAX as u32) - VALUE_SIZE as u32) / VALUE_SIZE as u32;

fn slot_too_far(slot: u32) -> bool {
    (slot as i32).unsigned_abs() > MAX_SLOT
}

fn flags() -> MemFlagsData {
    MemFlagsData::trusted()
}

enum WVal {
    V(ir::Value),
    K(Const),
}

struct Cg<'a, 'b> {
    b: FunctionBuilder<'b>,
    t: &'a Trace,
    plan: &'a ExitPlan,
    helpers: &'a HashMap<String, HelperSpec>,
    tables: &'a Tables,
    host_cc: CallConv,
    vals: Vec<Option<ir::Value>>,
    slots: ir::Value,
    ctx: ir::Value,
    exit_block: Option<Block>,
    /// The part of the exit block after the write-back (param: local exit id): count, link or return.
    exit_tail: Option<Block>,
    next_exit: usize,
    out_slot: Option<StackSlot>,
    wide_slot: Option<StackSlot>,
    scratch: Option<StackSlot>,
    sigs: HashMap<u32, SigRef>,
    float_sig: Option<SigRef>,
}

/// Translate a verified trace into a Cranelift function.
pub(crate) fn translate(
    t: &Trace,
    plan: &ExitPlan,
    helpers: &HashMap<String, HelperSpec>,
    tables: &Tables,
    host_cc: CallConv,
    frontend: TargetFrontendConfig,
    fctx: &mut FunctionBuilderContext,
) -> Result<Function, JitError> {
    let mut func = Function::with_name_signature(UserFuncName::user(0, 0), body_signature());
    for inst in &t.insts {
        if matches!(inst.op, Op::Sload | Op::SloadU) && slot_too_far(inst.f[0]) {
            return Err(JitError::Unsupported(format!(
                "slot {} is too far from the base",
                inst.f[0]
            )));
        }
    }
    if t.snaps
        .iter()
        .any(|s| s.entries.iter().any(|e| slot_too_far(e.slot)))
    {
        return Err(JitError::Unsupported(
            "snapshot slot too far from the base".into(),
        ));
    }
    let b = FunctionBuilder::new(&mut func, fctx);
    let mut cg = Cg {
        b,
        t,
        plan,
        helpers,
        tables,
        host_cc,
        vals: vec![None; t.insts.len()],
        slots: ir::Value::from_u32(0),
        ctx: ir::Value::from_u32(0),
        exit_block: None,
        exit_tail: None,
        next_exit: 0,
        out_slot: None,
        wide_slot: None,
        scratch: None,
        sigs: HashMap::new(),
        float_sig: None,
    };
    cg.run()?;
    cg.b.seal_all_blocks();
    cg.b.finalize(frontend);
    Ok(func)
}

impl Cg<'_, '_> {
    fn run(&mut self) -> Result<(), JitError> {
        let entry = self.b.create_block();
        self.b.append_block_params_for_function_params(entry);
        self.b.switch_to_block(entry);
        self.slots = self.b.block_params(entry)[0];
        self.ctx = self.b.block_params(entry)[1];
        if self.plan.len() > 0 {
            let eb = self.b.create_block();
            self.b.set_cold_block(eb);
            self.b.append_block_param(eb, types::I32);
            self.exit_block = Some(eb);
            let tail = self.b.create_block();
            self.b.set_cold_block(tail);
            self.b.append_block_param(tail, types::I32);
            self.exit_tail = Some(tail);
        }
        if self.plan.max_rc > 0 {
            let size = (self.plan.max_rc * VALUE_SIZE) as u32;
            self.scratch = Some(self.b.create_sized_stack_slot(StackSlotData::new(
                StackSlotKind::ExplicitSlot,
                size,
                4,
            )));
        }
        let top = self.b.create_block();
        self.b.ins().jump(top, &[]);
        self.b.switch_to_block(top);

        let mut header: Option<(Block, Vec<(usize, IrRef)>)> = None;
        let mut terminated = false;
        for (i, inst) in self.t.insts.iter().enumerate() {
            if inst.op == Op::Loop {
                let mut phis = Vec::new();
                let hb = self.b.create_block();
                let mut lefts = Vec::new();
                for (j, p) in self.t.insts.iter().enumerate().skip(i + 1) {
                    if p.op != Op::Phi {
                        break;
                    }
                    if self.t.is_sunk(IrRef::inst(j)) {
                        continue; // a sunk object carried around the loop: no value
                    }
                    self.b.append_block_param(hb, cl_ty(p.ty));
                    lefts.push(BlockArg::from(self.val(p.r(0))?));
                    phis.push((j, p.r(1)));
                }
                self.b.ins().jump(hb, &lefts);
                self.b.switch_to_block(hb);
                let params = self.b.block_params(hb).to_vec();
                for ((j, _), v) in phis.iter().zip(params) {
                    self.vals[*j] = Some(v);
                }
                header = Some((hb, phis));
                continue;
            }
            if inst.op == Op::Phi {
                continue;
            }
            let v = self.inst(i, inst)?;
            self.vals[i] = v;
            terminated = matches!(inst.op, Op::Jump | Op::Exit);
            if terminated && inst.op == Op::Jump {
                self.b.ins().jump(top, &[]);
            }
        }
        if let Some((hb, phis)) = header {
            let mut rights = Vec::with_capacity(phis.len());
            for (_, r) in phis {
                rights.push(BlockArg::from(self.val(r)?));
            }
            self.b.ins().jump(hb, &rights);
        } else if !terminated {
            return Err(JitError::Unsupported(
                "trace does not end in a loop, jump or exit".into(),
            ));
        }
        if let Some(eb) = self.exit_block {
            self.exit_code(eb)?;
        }
        Ok(())
    }

    fn val(&mut self, r: IrRef) -> Result<ir::Value, JitError> {
        if let Some(c) = self.t.const_of(r) {
            return Ok(self.konst(c));
        }
        match self.vals.get(r.index()).copied().flatten() {
            Some(v) => Ok(v),
            None => Err(JitError::Unsupported(format!(
                "value {r:?} has no machine value"
            ))),
        }
    }

    fn konst(&mut self, c: Const) -> ir::Value {
        match c {
            Const::None | Const::Undef => self.b.ins().iconst(types::I64, 0),
            Const::Bool(v) => self.b.ins().iconst(types::I8, v as i64),
            Const::Int(v) => self.b.ins().iconst(types::I64, v),
            // Lowering folds the constant-pool load into the using instruction (`mulsd k(%rip), x`).
            Const::Float(bits) => self.b.ins().f64const(f64::from_bits(bits)),
            Const::Obj(p) | Const::Ptr(p) => self.b.ins().iconst(types::I64, p as i64),
        }
    }

    /// Branch to the shared exit if `cond` (an i8 0/1) equals `exit_if`.
    ///
    /// The branch goes to a cold trampoline that jumps to the shared exit block with the exit id and the
    /// snapshot's values. Passing them on the `brif` directly would materialise the id constant (and the
    /// padding) on the hot path before every guard; in the trampoline they cost nothing unless the guard
    /// fails. (Cranelift would split the branch's edge into such a block anyway.)
    fn guard(&mut self, at: usize, cond: ir::Value, exit_if: bool) -> Result<(), JitError> {
        let eb = self
            .exit_block
            .ok_or_else(|| JitError::Unsupported("guard without exit block".into()))?;
        let tramp = self.b.create_block();
        self.b.set_cold_block(tramp);
        let next = self.b.create_block();
        if exit_if {
            self.b.ins().brif(cond, tramp, &[], next, &[]);
        } else {
            self.b.ins().brif(cond, next, &[], tramp, &[]);
        }
        self.b.switch_to_block(tramp);
        let args = self.exit_args(at)?;
        self.b.ins().jump(eb, &args);
        self.b.switch_to_block(next);
        Ok(())
    }

    /// In an exit trampoline: spill the exit's values into the exit buffer (each class at its base, so
    /// `write_back` finds the i-th value of a class at `class_base + i`) and return the jump arguments
    /// (just the local exit id).
    fn exit_args(&mut self, at: usize) -> Result<Vec<BlockArg>, JitError> {
        let id = self.take_exit_id(at)?;
        let bases = self.plan.class_base();
        let buf = self.b.ins().iconst(types::I64, self.tables.exit_buf as i64);
        for class in Class::ALL {
            let base = bases[class as usize];
            let refs = self.plan.exit_args[id][class as usize].clone();
            for (i, &r) in refs.iter().enumerate() {
                let v = self.val(r)?;
                let at = ((base + i * class.words()) * 8) as i32;
                let vt = self.b.func.dfg.value_type(v);
                if vt == types::I128 {
                    let (lo, hi) = self.b.ins().isplit(v);
                    self.b.ins().store(flags(), lo, buf, at);
                    self.b.ins().store(flags(), hi, buf, at + 8);
                    continue;
                }
                let w = if vt == types::I8 {
                    self.b.ins().uextend(types::I64, v)
                } else {
                    v
                };
                self.b.ins().store(flags(), w, buf, at);
            }
        }
        Ok(vec![BlockArg::from(
            self.b.ins().iconst(types::I32, id as i64),
        )])
    }

    /// The local id of the exit at instruction `at` (exits are numbered in buffer order, as planned).
    fn take_exit_id(&mut self, at: usize) -> Result<usize, JitError> {
        let id = self.next_exit;
        if self.plan.exit_inst.get(id).copied() != Some(at as u32) {
            return Err(JitError::Unsupported(format!(
                "exit plan out of step at instruction {at}"
            )));
        }
        self.next_exit += 1;
        Ok(id)
    }

    fn slot_off(slot: u32) -> i32 {
        slot as i32 * VALUE_SIZE as i32
    }

    /// A two-operand instruction built by `f`.
    fn bin(
        &mut self,
        inst: &Inst,
        f: impl FnOnce(&mut FunctionBuilder, ir::Value, ir::Value) -> ir::Value,
    ) -> Result<ir::Value, JitError> {
        let (x, y) = (self.val(inst.r(0))?, self.val(inst.r(1))?);
        Ok(f(&mut self.b, x, y))
    }

    /// A one-operand instruction built by `f`.
    fn un(
        &mut self,
        inst: &Inst,
        f: impl FnOnce(&mut FunctionBuilder, ir::Value) -> ir::Value,
    ) -> Result<ir::Value, JitError> {
        let x = self.val(inst.r(0))?;
        Ok(f(&mut self.b, x))
    }

    /// An overflow-checked int op: the guard takes the overflow flag.
    fn checked(
        &mut self,
        i: usize,
        inst: &Inst,
        f: impl FnOnce(&mut FunctionBuilder, ir::Value, ir::Value) -> (ir::Value, ir::Value),
    ) -> Result<ir::Value, JitError> {
        let (x, y) = (self.val(inst.r(0))?, self.val(inst.r(1))?);
        let (r, overflow) = f(&mut self.b, x, y);
        self.guard(i, overflow, true)?;
        Ok(r)
    }

    /// A float op that Python refuses for a zero divisor: guard, then `f`.
    fn fdivlike(
        &mut self,
        i: usize,
        inst: &Inst,
        f: impl FnOnce(&mut Self, ir::Value, ir::Value) -> ir::Value,
    ) -> Result<ir::Value, JitError> {
        let (x, y) = (self.val(inst.r(0))?, self.val(inst.r(1))?);
        let zero = self.b.ins().f64const(0.0);
        let bad = self.b.ins().fcmp(FloatCC::Equal, y, zero);
        self.guard(i, bad, true)?;
        Ok(f(self, x, y))
    }

    /// Generate one instruction; returns its value.
    fn inst(&mut self, i: usize, inst: &Inst) -> Result<Option<ir::Value>, JitError> {
        let t = self.t;
        // Operands that are references, fetched lazily per op (not every op has two).
        let a = |s: &mut Self| s.val(inst.r(0));
        let b = |s: &mut Self| s.val(inst.r(1));
        let v = match inst.op {
            Op::Loop | Op::Phi => {
                return Err(JitError::Unsupported("loop/phi handled by caller".into()))
            }
            Op::Jump => {
                let (writes, args) = exits::writes_for(t, i, &self.known_nonobj(i));
                let vals = self.resolve(&writes, |s, class, idx| {
                    s.val(args[class as usize][idx as usize])
                })?;
                self.writeback(&vals)?;
                return Ok(None);
            }
            Op::Exit => {
                // The trace's end (a side trace returning to the interpreter or linked to the trace of
                // the loop it reaches): taken on every run, so its one snapshot is written back by
                // generated code, like `jump`'s (LuaJIT's tail link does the same), rather than by
                // `write_back` interpreting the shape.
                let id = self.take_exit_id(i)?;
                let (writes, args) = exits::writes_for(t, i, &self.known_nonobj(i));
                let vals = self.resolve(&writes, |s, class, idx| {
                    s.val(args[class as usize][idx as usize])
                })?;
                self.writeback(&vals)?;
                let tail = self
                    .exit_tail
                    .ok_or_else(|| JitError::Unsupported("exit without exit block".into()))?;
                let id = self.b.ins().iconst(types::I32, id as i64);
                self.b.ins().jump(tail, &[BlockArg::from(id)]);
                return Ok(None);
            }
            Op::Sload | Op::SloadU => {
                let off = Self::slot_off(inst.f[0]);
                if inst.op == Op::Sload {
                    let tag = self.b.ins().load(types::I8, flags(), self.slots, off);
                    let want = inst
                        .ty
                        .tag()
                        .ok_or_else(|| JitError::Unsupported("sload of non-value type".into()))?;
                    let bad = self.b.ins().icmp_imm_s(IntCC::NotEqual, tag, want as i64);
                    self.guard(i, bad, true)?;
                }
                match inst.ty {
                    Type::None | Type::Undef => self.b.ins().iconst(types::I64, 0),
                    ty => self.b.ins().load(
                        cl_ty(ty),
                        flags(),
                        self.slots,
                        off + PAYLOAD_OFFSET as i32,
                    ),
                }
            }
            Op::Add | Op::PAdd => self.bin(inst, |b, x, y| b.ins().iadd(x, y))?,
            Op::Sub => self.bin(inst, |b, x, y| b.ins().isub(x, y))?,
            Op::Mul => self.bin(inst, |b, x, y| b.ins().imul(x, y))?,
            Op::BAnd => self.bin(inst, |b, x, y| b.ins().band(x, y))?,
            Op::BOr => self.bin(inst, |b, x, y| b.ins().bor(x, y))?,
            Op::BXor => self.bin(inst, |b, x, y| b.ins().bxor(x, y))?,
            Op::AddOv => self.checked(i, inst, |b, x, y| b.ins().sadd_overflow(x, y))?,
            Op::SubOv => self.checked(i, inst, |b, x, y| b.ins().ssub_overflow(x, y))?,
            Op::MulOv => self.checked(i, inst, |b, x, y| b.ins().smul_overflow(x, y))?,
            Op::NegOv => {
                let x = a(self)?;
                let bad = self.b.ins().icmp_imm_s(IntCC::Equal, x, i64::MIN);
                self.guard(i, bad, true)?;
                self.b.ins().ineg(x)
            }
            Op::FloorDiv | Op::Mod => {
                let (x, y) = (a(self)?, b(self)?);
                let zero = self.b.ins().icmp_imm_s(IntCC::Equal, y, 0);
                let bad = if inst.op == Op::FloorDiv {
                    let min = self.b.ins().icmp_imm_s(IntCC::Equal, x, i64::MIN);
                    let m1 = self.b.ins().icmp_imm_s(IntCC::Equal, y, -1);
                    let ov = self.b.ins().band(min, m1);
                    self.b.ins().bor(zero, ov)
                } else {
                    zero
                };
                self.guard(i, bad, true)?;
                // Python rounds toward -inf: adjust when the remainder is non-zero and its sign differs
                // from the divisor's.
                let r = self.b.ins().srem(x, y);
                let rx = self.b.ins().bxor(r, y);
                let signs_differ = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, rx, 0);
                let nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
                let adjust = self.b.ins().band(signs_differ, nonzero);
                if inst.op == Op::FloorDiv {
                    let q = self.b.ins().sdiv(x, y);
                    let adj = self.b.ins().uextend(types::I64, adjust);
                    self.b.ins().isub(q, adj)
                } else {
                    let ry = self.b.ins().iadd(r, y);
                    self.b.ins().select(adjust, ry, r)
                }
            }
            Op::Shl => {
                let (x, n) = (a(self)?, b(self)?);
                let big = self.b.ins().icmp_imm_u(IntCC::UnsignedGreaterThan, n, 63);
                let r = self.b.ins().ishl(x, n);
                let back = self.b.ins().sshr(r, n);
                let lost = self.b.ins().icmp(IntCC::NotEqual, back, x);
                let bad = self.b.ins().bor(big, lost);
                self.guard(i, bad, true)?;
                r
            }
            Op::Shr => {
                let (x, n) = (a(self)?, b(self)?);
                let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, n, 0);
                self.guard(i, neg, true)?;
                let max = self.b.ins().iconst(types::I64, 63);
                let n = self.b.ins().umin(n, max);
                self.b.ins().sshr(x, n)
            }
            Op::Lt => self.bin(inst, |b, x, y| b.ins().icmp(IntCC::SignedLessThan, x, y))?,
            Op::Le => self.bin(inst, |b, x, y| {
                b.ins().icmp(IntCC::SignedLessThanOrEqual, x, y)
            })?,
            Op::Gt => self.bin(inst, |b, x, y| b.ins().icmp(IntCC::SignedGreaterThan, x, y))?,
            Op::Ge => self.bin(inst, |b, x, y| {
                b.ins().icmp(IntCC::SignedGreaterThanOrEqual, x, y)
            })?,
            Op::Eq => self.bin(inst, |b, x, y| b.ins().icmp(IntCC::Equal, x, y))?,
            Op::Ne => self.bin(inst, |b, x, y| b.ins().icmp(IntCC::NotEqual, x, y))?,
            Op::FAdd => self.bin(inst, |b, x, y| b.ins().fadd(x, y))?,
            Op::FSub => self.bin(inst, |b, x, y| b.ins().fsub(x, y))?,
            Op::FMul => self.bin(inst, |b, x, y| b.ins().fmul(x, y))?,
            Op::FDiv => self.fdivlike(i, inst, |s, x, y| s.b.ins().fdiv(x, y))?,
            Op::FFloorDiv => self.fdivlike(i, inst, |s, x, y| {
                s.call_float_rt(pyops::rt_float_floordiv as *const () as usize, x, y)
            })?,
            Op::FMod => self.fdivlike(i, inst, |s, x, y| {
                s.call_float_rt(pyops::rt_float_mod as *const () as usize, x, y)
            })?,
            Op::FNeg => self.un(inst, |b, x| b.ins().fneg(x))?,
            Op::FAbs => self.un(inst, |b, x| b.ins().fabs(x))?,
            Op::FSqrt => self.un(inst, |b, x| b.ins().sqrt(x))?,
            Op::FFloor => self.un(inst, |b, x| b.ins().floor(x))?,
            Op::FCeil => self.un(inst, |b, x| b.ins().ceil(x))?,
            Op::FTrunc => self.un(inst, |b, x| b.ins().trunc(x))?,
            // Python's float comparisons are IEEE's: false with a NaN, except `!=`.
            Op::FLt => self.bin(inst, |b, x, y| b.ins().fcmp(FloatCC::LessThan, x, y))?,
            Op::FLe => self.bin(inst, |b, x, y| b.ins().fcmp(FloatCC::LessThanOrEqual, x, y))?,
            Op::FGt => self.bin(inst, |b, x, y| b.ins().fcmp(FloatCC::GreaterThan, x, y))?,
            Op::FGe => self.bin(inst, |b, x, y| {
                b.ins().fcmp(FloatCC::GreaterThanOrEqual, x, y)
            })?,
            Op::FEq => self.bin(inst, |b, x, y| b.ins().fcmp(FloatCC::Equal, x, y))?,
            Op::FNe => self.bin(inst, |b, x, y| b.ins().fcmp(FloatCC::NotEqual, x, y))?,
            Op::IToF => self.un(inst, |b, x| b.ins().fcvt_from_sint(types::F64, x))?,
            Op::FToI => {
                let x = a(self)?;
                // In range iff -2^63 <= x < 2^63 (false for NaN).
                let lo = self.b.ins().f64const(-9223372036854775808.0);
                let hi = self.b.ins().f64const(9223372036854775808.0);
                let ge = self.b.ins().fcmp(FloatCC::GreaterThanOrEqual, x, lo);
                let lt = self.b.ins().fcmp(FloatCC::LessThan, x, hi);
                let ok = self.b.ins().band(ge, lt);
                self.guard(i, ok, false)?;
                self.b.ins().fcvt_to_sint_sat(types::I64, x)
            }
            Op::Not => self.un(inst, |b, x| b.ins().bxor_imm_s(x, 1))?,
            Op::BToI => self.un(inst, |b, x| b.ins().uextend(types::I64, x))?,
            Op::GuardTrue | Op::GuardFalse => {
                let x = a(self)?;
                self.guard(i, x, inst.op == Op::GuardFalse)?;
                return Ok(None);
            }
            Op::GuardEq | Op::GuardNe => {
                let (x, y) = (a(self)?, b(self)?);
                let eq = self.b.ins().icmp(IntCC::Equal, x, y);
                self.guard(i, eq, inst.op == Op::GuardNe)?;
                return Ok(None);
            }
            Op::GuardTag => {
                let p = a(self)?;
                let want = inst
                    .ty_imm(2)
                    .and_then(|t| t.tag())
                    .ok_or_else(|| JitError::Unsupported("bad tag".into()))?;
                let tag = self.b.ins().load(types::I8, flags(), p, inst.imm(1));
                let bad = self.b.ins().icmp_imm_s(IntCC::NotEqual, tag, want as i64);
                self.guard(i, bad, true)?;
                return Ok(None);
            }
            Op::GuardIntr => {
                // A plain (not readonly) load: the flag changes under the trace's feet.
                let addr = self
                    .b
                    .ins()
                    .iconst(types::I64, pvm_interp::interrupt::attention_addr() as i64);
                let bits = self.b.ins().load(types::I32, MemFlagsData::new(), addr, 0);
                self.guard(i, bits, true)?;
                return Ok(None);
            }
            Op::Load => {
                let p = a(self)?;
                self.b.ins().load(cl_ty(inst.ty), flags(), p, inst.imm(1))
            }
            Op::Store => {
                let p = a(self)?;
                let x = self.val(inst.r(2))?;
                self.b.ins().store(flags(), x, p, inst.imm(1));
                return Ok(None);
            }
            Op::Call | Op::CallPure | Op::CallGuard => return self.call(i, inst),
            // Sunk allocations and their stores have no code: exits materialise the object.
            Op::Snew | Op::Sstore => return Ok(None),
            Op::IToW => {
                let x = a(self)?;
                self.b.ins().sextend(types::I128, x)
            }
            Op::WMul => {
                let (x, y) = (a(self)?, b(self)?);
                let x = self.b.ins().sextend(types::I128, x);
                let y = self.b.ins().sextend(types::I128, y);
                self.b.ins().imul(x, y)
            }
            Op::WAddOv | Op::WSubOv => {
                let (x, y) = (a(self)?, b(self)?);
                // Signed overflow: for x + y the result's sign differs from both operands'; for x - y
                // the operands' signs differ and the result's differs from x's.
                let (r, bad) = if inst.op == Op::WAddOv {
                    let r = self.b.ins().iadd(x, y);
                    let xr = self.b.ins().bxor(x, r);
                    let yr = self.b.ins().bxor(y, r);
                    (r, self.b.ins().band(xr, yr))
                } else {
                    let r = self.b.ins().isub(x, y);
                    let xy = self.b.ins().bxor(x, y);
                    let xr = self.b.ins().bxor(x, r);
                    (r, self.b.ins().band(xy, xr))
                };
                let (_, hi) = self.b.ins().isplit(bad);
                let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, hi, 0);
                self.guard(i, neg, true)?;
                r
            }
            Op::WUnbox => {
                let p = a(self)?;
                let addr = self.helper(crate::abi::HELPER_WIDE_UNBOX)?.addr;
                let slot = self.wide_slot();
                let mut sig = Signature::new(self.host_cc);
                sig.params.push(AbiParam::new(types::I64));
                sig.params.push(AbiParam::new(types::I64));
                sig.returns.push(AbiParam::new(types::I32));
                let sig = self.b.import_signature(sig);
                let callee = self.b.ins().iconst(types::I64, addr as i64);
                let out = self.b.ins().stack_addr(types::I64, slot, 0);
                let call = self.b.ins().call_indirect(sig, callee, &[p, out]);
                let status = self.b.inst_results(call)[0];
                let bad = self.b.ins().icmp_imm_s(IntCC::NotEqual, status, 0);
                self.guard(i, bad, true)?;
                let lo = self.b.ins().stack_load(types::I64, types::I64, slot, 0);
                let hi = self.b.ins().stack_load(types::I64, types::I64, slot, 8);
                self.b.ins().iconcat(lo, hi)
            }
            Op::WBox => {
                let x = a(self)?;
                let addr = self.helper(crate::abi::HELPER_WIDE_BOX)?.addr;
                let mut sig = Signature::new(self.host_cc);
                for _ in 0..3 {
                    sig.params.push(AbiParam::new(types::I64));
                }
                sig.returns.push(AbiParam::new(types::I64));
                let sig = self.b.import_signature(sig);
                let callee = self.b.ins().iconst(types::I64, addr as i64);
                let (lo, hi) = self.b.ins().isplit(x);
                let call = self.b.ins().call_indirect(sig, callee, &[self.ctx, lo, hi]);
                let p = self.b.inst_results(call)[0];
                let bad = self.b.ins().icmp_imm_s(IntCC::Equal, p, 0);
                self.guard(i, bad, true)?;
                p
            }
        };
        Ok(Some(v))
    }

    /// A 16-byte stack slot for `wunbox` results.
    fn wide_slot(&mut self) -> StackSlot {
        match self.wide_slot {
            Some(s) => s,
            None => {
                let s = self.b.create_sized_stack_slot(StackSlotData::new(
                    StackSlotKind::ExplicitSlot,
                    16,
                    4,
                ));
                self.wide_slot = Some(s);
                s
            }
        }
    }

    /// Slots known not to hold objects before instruction `at`.
    fn known_nonobj(&self, at: usize) -> HashMap<u32, ()> {
        self.t.insts[..at]
            .iter()
            .filter(|x| matches!(x.op, Op::Sload | Op::SloadU) && x.ty != Type::Obj)
            .map(|x| (x.f[0], ()))
            .collect()
    }

    fn call_float_rt(&mut self, addr: usize, x: ir::Value, y: ir::Value) -> ir::Value {
        let sig = match self.float_sig {
            Some(s) => s,
            None => {
                let mut sig = Signature::new(self.host_cc);
                sig.params.push(AbiParam::new(types::F64));
                sig.params.push(AbiParam::new(types::F64));
                sig.returns.push(AbiParam::new(types::F64));
                let s = self.b.import_signature(sig);
                self.float_sig = Some(s);
                s
            }
        };
        let callee = self.b.ins().iconst(types::I64, addr as i64);
        let call = self.b.ins().call_indirect(sig, callee, &[x, y]);
        self.b.inst_results(call)[0]
    }

    fn helper(&self, name: &str) -> Result<&HelperSpec, JitError> {
        self.helpers
            .get(name)
            .ok_or_else(|| JitError::UnknownHelper(name.to_string()))
    }

    fn call(&mut self, i: usize, inst: &Inst) -> Result<Option<ir::Value>, JitError> {
        let name = self
            .t
            .helpers
            .get(inst.f[0] as usize)
            .cloned()
            .unwrap_or_default();
        let spec = self.helper(&name)?.clone();
        let args: Vec<IrRef> = self.t.call_args(inst).to_vec();
        let mismatch = |msg: String| {
            Err(JitError::HelperSignature {
                name: name.clone(),
                msg,
            })
        };
        let guarded = inst.op == Op::CallGuard;
        if spec.sig.guarded != guarded {
            return mismatch(format!(
                "registered guarded={} but called with {}",
                spec.sig.guarded,
                inst.op.name()
            ));
        }
        if spec.sig.ret != inst.ty {
            return mismatch(format!(
                "returns {} but the call expects {}",
                spec.sig.ret, inst.ty
            ));
        }
        if spec.sig.params.len() != args.len()
            || spec
                .sig
                .params
                .iter()
                .zip(&args)
                .any(|(p, &a)| *p != self.t.ty(a))
        {
            let got: Vec<String> = args.iter().map(|&a| self.t.ty(a).to_string()).collect();
            return mismatch(format!(
                "takes {:?}, called with ({})",
                spec.sig.params,
                got.join(", ")
            ));
        }
        let has_result = spec.sig.ret != Type::Void;
        let sig_ref = match self.sigs.get(&inst.f[0]) {
            Some(&s) => s,
            None => {
                let mut sig = Signature::new(self.host_cc);
                if spec.sig.ctx {
                    sig.params.push(AbiParam::new(types::I64));
                }
                for p in &spec.sig.params {
                    let ty = if *p == Type::Float {
                        types::F64
                    } else {
                        types::I64
                    };
                    sig.params.push(AbiParam::new(ty));
                }
                if guarded {
                    if has_result {
                        sig.params.push(AbiParam::new(types::I64));
                    }
                    sig.returns.push(AbiParam::new(types::I32));
                } else if has_result {
                    let ty = if spec.sig.ret == Type::Float {
                        types::F64
                    } else {
                        types::I64
                    };
                    sig.returns.push(AbiParam::new(ty));
                }
                let s = self.b.import_signature(sig);
                self.sigs.insert(inst.f[0], s);
                s
            }
        };
        let mut cargs = Vec::with_capacity(args.len() + 2);
        if spec.sig.ctx {
            cargs.push(self.ctx);
        }
        for &a in &args {
            let v = self.val(a)?;
            cargs.push(if self.t.ty(a) == Type::Bool {
                self.b.ins().uextend(types::I64, v)
            } else {
                v
            });
        }
        let out = if guarded && has_result {
            let slot = match self.out_slot {
                Some(s) => s,
                None => {
                    let s = self.b.create_sized_stack_slot(StackSlotData::new(
                        StackSlotKind::ExplicitSlot,
                        8,
                        3,
                    ));
                    self.out_slot = Some(s);
                    s
                }
            };
            cargs.push(self.b.ins().stack_addr(types::I64, slot, 0));
            Some(slot)
        } else {
            None
        };
        let callee = self.b.ins().iconst(types::I64, spec.addr as i64);
        let call = self.b.ins().call_indirect(sig_ref, callee, &cargs);
        let results = self.b.inst_results(call).to_vec();
        let raw = if guarded {
            let status = results[0];
            let bad = self.b.ins().icmp_imm_s(IntCC::NotEqual, status, 0);
            self.guard(i, bad, true)?;
            match out {
                Some(slot) => {
                    let ty = if inst.ty == Type::Float {
                        types::F64
                    } else {
                        types::I64
                    };
                    Some(self.b.ins().stack_load(types::I64, ty, slot, 0))
                }
                None => None,
            }
        } else {
            results.first().copied()
        };
        Ok(match (raw, inst.ty) {
            (Some(r), Type::Bool) => Some(self.b.ins().icmp_imm_s(IntCC::NotEqual, r, 0)),
            (r, _) => r,
        })
    }

    /// Turn shape writes into concrete values, fetching arguments with `arg`.
    fn resolve(
        &mut self,
        writes: &[Write],
        mut arg: impl FnMut(&mut Self, Class, u32) -> Result<ir::Value, JitError>,
    ) -> Result<Vec<(Write, WVal)>, JitError> {
        let mut out = Vec::with_capacity(writes.len());
        for w in writes {
            let v = match w.src {
                Src::Arg(class, idx) => WVal::V(arg(self, class, idx)?),
                Src::Const(c) => WVal::K(c),
                Src::Sunk(_) => {
                    // The sink pass keeps allocations that `jump`/`exit` snapshots name.
                    return Err(JitError::Unsupported(
                        "sunk object in a generated write-back".into(),
                    ));
                }
            };
            out.push((*w, v));
        }
        Ok(out)
    }

    fn wval(&mut self, v: &WVal) -> ir::Value {
        match *v {
            WVal::V(v) => v,
            WVal::K(c) => self.konst(c),
        }
    }

    /// Store tag and payload of a non-object value into its slot.
    fn store_raw(&mut self, w: &Write, v: &WVal) {
        let off = Self::slot_off(w.slot);
        let tag = self
            .b
            .ins()
            .iconst(types::I8, w.ty.tag().unwrap_or(TAG_NONE) as i64);
        self.b.ins().store(flags(), tag, self.slots, off);
        let payload = match w.ty {
            Type::None | Type::Undef => return,
            Type::Bool => {
                let b = self.wval(v);
                self.b.ins().uextend(types::I64, b)
            }
            Type::Int | Type::Float | Type::Obj | Type::Ptr | Type::Void => self.wval(v),
            // Wide writes are reference-counted writes (`store_wide`), never raw.
            Type::Wide => return,
        };
        self.b
            .ins()
            .store(flags(), payload, self.slots, off + PAYLOAD_OFFSET as i32);
    }

    fn exit_helper(&mut self, name: &str) -> Result<(SigRef, ir::Value), JitError> {
        let spec = self.helper(name)?.clone();
        let mut sig = Signature::new(self.host_cc);
        for _ in &spec.sig.params {
            sig.params.push(AbiParam::new(types::I64));
        }
        let s = self.b.import_signature(sig);
        let callee = self.b.ins().iconst(types::I64, spec.addr as i64);
        Ok((s, callee))
    }

    /// Write a snapshot back (see `exits.rs` for the three phases).
    fn writeback(&mut self, writes: &[(Write, WVal)]) -> Result<(), JitError> {
        for (w, v) in writes.iter().filter(|(w, _)| !is_rc(w)) {
            self.store_raw(w, v);
        }
        let rc: Vec<&(Write, WVal)> = writes.iter().filter(|(w, _)| is_rc(w)).collect();
        if rc.is_empty() {
            return Ok(());
        }
        let scratch = self
            .scratch
            .ok_or_else(|| JitError::Unsupported("no scratch space".into()))?;
        // Phase 1: move old contents out.
        for (j, (w, _)) in rc.iter().enumerate() {
            if w.may_hold_obj {
                let off = Self::slot_off(w.slot);
                let lo = self.b.ins().load(types::I64, flags(), self.slots, off);
                let hi = self.b.ins().load(types::I64, flags(), self.slots, off + 8);
                self.b
                    .ins()
                    .stack_store(types::I64, lo, scratch, (j * VALUE_SIZE) as i32);
                self.b
                    .ins()
                    .stack_store(types::I64, hi, scratch, (j * VALUE_SIZE + 8) as i32);
                let none = self.b.ins().iconst(types::I8, TAG_NONE as i64);
                self.b.ins().store(flags(), none, self.slots, off);
            }
        }
        // Phase 2: write new values; objects gain a reference.
        for (w, v) in &rc {
            if w.ty == Type::Wide {
                let (sig, callee) = self.exit_helper(crate::abi::HELPER_STORE_WIDE)?;
                let addr = self
                    .b
                    .ins()
                    .iadd_imm_s(self.slots, Self::slot_off(w.slot) as i64);
                let x = self.wval(v);
                let (lo, hi) = self.b.ins().isplit(x);
                self.b.ins().call_indirect(sig, callee, &[addr, lo, hi]);
            } else if w.ty == Type::Obj {
                let (sig, callee) = self.exit_helper(crate::abi::HELPER_STORE_OBJ)?;
                let addr = self
                    .b
                    .ins()
                    .iadd_imm_s(self.slots, Self::slot_off(w.slot) as i64);
                let p = self.wval(v);
                self.b.ins().call_indirect(sig, callee, &[addr, p]);
            } else {
                self.store_raw(w, v);
            }
        }
        // Phase 3: release old objects.
        for (j, (w, _)) in rc.iter().enumerate() {
            if w.may_hold_obj {
                let tag = self.b.ins().stack_load(
                    types::I64,
                    types::I8,
                    scratch,
                    (j * VALUE_SIZE) as i32,
                );
                let is_obj = self.b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_OBJ as i64);
                let drop_blk = self.b.create_block();
                let cont = self.b.create_block();
                self.b.set_cold_block(drop_blk);
                self.b.ins().brif(is_obj, drop_blk, &[], cont, &[]);
                self.b.switch_to_block(drop_blk);
                let (sig, callee) = self.exit_helper(crate::abi::HELPER_DROP_VALUE)?;
                let addr = self
                    .b
                    .ins()
                    .stack_addr(types::I64, scratch, (j * VALUE_SIZE) as i32);
                self.b.ins().call_indirect(sig, callee, &[addr]);
                self.b.ins().jump(cont, &[]);
                self.b.switch_to_block(cont);
            }
        }
        Ok(())
    }

    /// Bump exit `id`'s counter and load its link word.
    fn count_and_link(&mut self, id: ir::Value) -> ir::Value {
        let idx = self.b.ins().uextend(types::I64, id);
        let counters = self.b.ins().iconst(types::I64, self.tables.counters as i64);
        let coff = self.b.ins().ishl_imm_u(idx, 2);
        let caddr = self.b.ins().iadd(counters, coff);
        let n = self.b.ins().load(types::I32, flags(), caddr, 0);
        let n1 = self.b.ins().iadd_imm_s(n, 1);
        self.b.ins().store(flags(), n1, caddr, 0);
        let links = self.b.ins().iconst(types::I64, self.tables.links as i64);
        let loff = self.b.ins().ishl_imm_u(idx, 3);
        let laddr = self.b.ins().iadd(links, loff);
        self.b.ins().load(types::I64, flags(), laddr, 0)
    }

    /// The exit paths (see `exits.rs`):
    /// - `exit(id)`, the guards' shared block: count; if the exit is linked to a side trace that
    ///   inherits its values (link bit 0), tail-call it with the values still in the exit buffer;
    ///   otherwise `write_back` the snapshot, then `finish`;
    /// - `tail(id)`, after a final `exit`'s inline write-back: count, then `finish`;
    /// - `finish(id, link)`: tail-call the linked trace, or return the global exit id.
    fn exit_code(&mut self, eb: Block) -> Result<(), JitError> {
        let finish = self.b.create_block();
        self.b.set_cold_block(finish);
        self.b.append_block_param(finish, types::I32);
        self.b.append_block_param(finish, types::I64);

        self.b.switch_to_block(eb);
        let id = self.b.block_params(eb)[0];
        let target = self.count_and_link(id);
        let inherit = self.b.create_block();
        let wb = self.b.create_block();
        self.b.set_cold_block(inherit);
        self.b.set_cold_block(wb);
        let bit = self.b.ins().band_imm_u(target, 1);
        self.b.ins().brif(bit, inherit, &[], wb, &[]);

        self.b.switch_to_block(inherit);
        let body = self.b.ins().iadd_imm_s(target, -1);
        let sig = self.b.import_signature(body_signature());
        self.b
            .ins()
            .return_call_indirect(sig, body, &[self.slots, self.ctx]);

        self.b.switch_to_block(wb);
        if self.plan.shapes.iter().any(|w| !w.is_empty()) {
            // The trampoline spilled the values: let `write_back` restore the snapshot.
            let mut sig = Signature::new(self.host_cc);
            for _ in 0..3 {
                sig.params.push(AbiParam::new(types::I64));
            }
            sig.params.push(AbiParam::new(types::I32));
            let sig = self.b.import_signature(sig);
            let callee = self
                .b
                .ins()
                .iconst(types::I64, exits::write_back as *const () as i64);
            let plan = self.b.ins().iconst(types::I64, self.tables.plan as i64);
            let addr = self.b.ins().iconst(types::I64, self.tables.exit_buf as i64);
            self.b
                .ins()
                .call_indirect(sig, callee, &[plan, self.slots, addr, id]);
        }
        self.b
            .ins()
            .jump(finish, &[BlockArg::from(id), BlockArg::from(target)]);

        let tail = self
            .exit_tail
            .ok_or_else(|| JitError::Unsupported("exit block without tail".into()))?;
        self.b.switch_to_block(tail);
        let id = self.b.block_params(tail)[0];
        let target = self.count_and_link(id);
        self.b
            .ins()
            .jump(finish, &[BlockArg::from(id), BlockArg::from(target)]);

        self.b.switch_to_block(finish);
        let id = self.b.block_params(finish)[0];
        let target = self.b.block_params(finish)[1];
        let linked = self.b.create_block();
        let ret = self.b.create_block();
        self.b.set_cold_block(linked);
        self.b.set_cold_block(ret);
        self.b.ins().brif(target, linked, &[], ret, &[]);
        self.b.switch_to_block(ret);
        let base = self
            .b
            .ins()
            .iconst(types::I32, self.tables.exit_base as i32 as i64);
        let global = self.b.ins().iadd(id, base);
        self.b.ins().return_(&[global]);
        self.b.switch_to_block(linked);
        let sig = self.b.import_signature(body_signature());
        self.b
            .ins()
            .return_call_indirect(sig, target, &[self.slots, self.ctx]);
        Ok(())
    }
}
