//! Checks a code object read from a cache file before it may run: the dispatch loop indexes locals,
//! cells and the value stack without bounds checks, relying on invariants the compiler guarantees
//! (`dispatch.rs`, "SAFETY"). A cache file that passed its checksum is almost certainly what the compiler
//! wrote, but "almost" is not a safety argument, so everything those unchecked accesses rely on is
//! re-established here:
//! * every table index in an argument is in range (consts, names, locals, cells), every jump and handler
//!   target is an instruction, and control cannot run off the end;
//! * the recorded stack size is what the compiler's analysis gives for these instructions, and an abstract
//!   run over every path (handlers included) never pops below the frame's value stack nor pushes past
//!   the stack size.
//!
//! `inputs` below is an exhaustive match: a new opcode must state how many stack items it reads.

use crate::bytecode::{jump_target, Op};
use crate::code::{flags, Code};

/// Stack items an instruction reads (must be present before it runs).
fn inputs(op: Op, a: u32) -> u32 {
    match op {
        Op::Nop
        | Op::LoadConst
        | Op::LoadFast
        | Op::DeleteFast
        | Op::LoadDeref
        | Op::DeleteDeref
        | Op::LoadClosure
        | Op::LoadGlobal
        | Op::DeleteGlobal
        | Op::LoadName
        | Op::DeleteName
        | Op::Jump
        | Op::JumpBackward
        | Op::LoadAssertionError
        | Op::LoadBuildClass
        | Op::NotImplemented
        | Op::PushNull
        | Op::LoadFast2
        | Op::PopExcept => 0,
        Op::PopTop
        | Op::StoreFast
        | Op::StoreDeref
        | Op::StoreGlobal
        | Op::StoreName
        | Op::LoadAttr
        | Op::DeleteAttr
        | Op::LoadMethod
        | Op::UnaryNegative
        | Op::UnaryPositive
        | Op::UnaryNot
        | Op::UnaryInvert
        | Op::PopJumpIfFalse
        | Op::PopJumpIfTrue
        | Op::JumpIfFalseOrPop
        | Op::JumpIfTrueOrPop
        | Op::GetIter
        | Op::ListToTuple
        | Op::UnpackSequence
        | Op::UnpackEx
        | Op::ReturnValue
        | Op::ImportFrom
        | Op::ImportStar
        | Op::PrintExpr
        | Op::ForSetup
        | Op::PushExcInfo
        | Op::Reraise
        | Op::YieldValue
        | Op::GetYieldFromIter
        | Op::BeforeWith
        | Op::WithExitNormal
        | Op::MatchMapping
        | Op::MatchSequence
        | Op::GetLen
        | Op::GetAwaitable
        | Op::GetAIter
        | Op::GetANext => 1,
        Op::StoreAttr
        | Op::BinarySubscr
        | Op::DeleteSubscr
        | Op::BinaryOp
        | Op::CompareOp
        | Op::IsOp
        | Op::ContainsOp
        | Op::ImportName
        | Op::CompareJumpIfFalse
        | Op::CheckExcMatch
        | Op::Send
        | Op::WithExceptStart
        | Op::MatchKeys
        | Op::EndAsyncFor
        | Op::CheckEgMatch
        | Op::PrepReraiseStar => 2,
        Op::StoreSubscr | Op::ForIter | Op::MatchClass => 3,
        Op::Copy | Op::Swap | Op::BuildSlice | Op::RaiseVarargs => a,
        Op::BuildTuple | Op::BuildList | Op::BuildSet | Op::BuildString => a,
        Op::BuildMap => a.saturating_mul(2),
        Op::ListAppend
        | Op::SetAdd
        | Op::ListExtend
        | Op::SetUpdate
        | Op::DictUpdate
        | Op::DictMerge => a.saturating_add(1),
        Op::MapAdd => a.saturating_add(2),
        Op::FormatValue => 1 + (a & 4 != 0) as u32,
        Op::MakeFunction => 1 + (a & 15).count_ones(),
        Op::Call => a.saturating_add(1),
        Op::CallKw | Op::CallMethod => a.saturating_add(2),
        Op::CallMethodKw => a.saturating_add(3),
        Op::CallEx => 2 + (a & 1),
    }
}

/// Whether control never falls through to the next instruction.
fn terminates(op: Op) -> bool {
    matches!(
        op,
        Op::Jump | Op::JumpBackward | Op::ReturnValue | Op::RaiseVarargs | Op::Reraise
    )
}

pub fn check(c: &Code) -> Result<(), &'static str> {
    let n = c.instrs.len();
    if n == 0 || c.lines.len() != n || c.spans.len() != n {
        return Err("an empty or inconsistent instruction table");
    }
    let text_len = c.source.text.len() as u32;
    let in_text = |&(s, e): &(u32, u32)| s <= e && e <= text_len;
    if !c.spans.iter().all(in_text)
        || !c.fused_spans.iter().all(|&(p, s, e)| {
            (p as usize) < n && c.instrs[p as usize].op() == Op::LoadFast2 && in_text(&(s, e))
        })
        || !c.fused_spans.windows(2).all(|w| w[0].0 < w[1].0)
    {
        return Err("a source range outside the source");
    }
    if n > crate::bytecode::ARG_MAX as usize {
        return Err("too many instructions");
    }
    let nlocals = c.varnames.len();
    let ncells = c.cellvars.len() + c.freevars.len();
    let nargs = c.total_args();
    if nargs > nlocals || c.posonlyargcount > c.argcount || c.counters.len() != n {
        return Err("inconsistent argument counts");
    }
    if c.global_cache.len() != c.names.len()
        || c.attr_cache.len() != c.names.len()
        || c.cell2arg.len() != c.cellvars.len()
    {
        return Err("inconsistent tables");
    }
    if c.cell2arg.iter().flatten().any(|&a| a as usize >= nargs) {
        return Err("a cell bound to no argument");
    }
    let simple =
        c.flags & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE) == 0
            && c.kwonlyargcount == 0
            && ncells == 0;
    if c.simple && !simple {
        return Err("a code object wrongly marked simple");
    }
    if c.names.iter().any(|v| v.as_str().is_none()) {
        return Err("a name that is not a str");
    }
    // Arguments that index tables or instructions.
    for ins in &c.instrs {
        let (op, a) = (ins.op(), ins.arg() as usize);
        let ok = match op {
            Op::LoadConst | Op::NotImplemented => a < c.consts.len(),
            Op::LoadFast | Op::StoreFast | Op::DeleteFast => a < nlocals,
            Op::LoadFast2 => (a & 0xfff) < nlocals && (a >> 12) < nlocals,
            Op::LoadDeref | Op::StoreDeref | Op::DeleteDeref | Op::LoadClosure => a < ncells,
            Op::LoadGlobal
            | Op::StoreGlobal
            | Op::DeleteGlobal
            | Op::LoadName
            | Op::StoreName
            | Op::DeleteName
            | Op::LoadAttr
            | Op::StoreAttr
            | Op::DeleteAttr
            | Op::LoadMethod
            | Op::ImportName
            | Op::ImportFrom => a < c.names.len(),
            Op::Copy | Op::Swap => a >= 1,
            Op::BuildSlice => a == 2 || a == 3,
            Op::RaiseVarargs => a <= 2,
            _ => true,
        };
        if !ok {
            return Err("an instruction argument out of range");
        }
        if op.is_jump() && jump_target(op, a as u32) as usize >= n {
            return Err("a jump outside the code");
        }
    }
    let stacksize = c.stacksize as usize;
    let limit = i32::try_from(c.stacksize).unwrap_or(i32::MAX);
    if c.stacksize != crate::compiler::compute_stacksize_within(&c.instrs, &c.exc_table, limit) {
        return Err("a stack size the compiler would not give");
    }
    for e in &c.exc_table {
        if e.start > e.end
            || e.end as usize > n
            || e.target as usize >= n
            || e.depth as usize >= stacksize
        {
            return Err("an exception table entry out of range");
        }
    }
    // Abstract run over (pc, depth) states: every path, including into each handler.
    // Depths seen at each pc: almost always one, so the first is kept flat and any others in a set.
    let mut first: Vec<u32> = vec![u32::MAX; n];
    let mut more: std::collections::HashSet<(usize, u32)> = Default::default();
    let mut work: Vec<(usize, u32)> = vec![(0, 0)];
    work.extend(c.exc_table.iter().map(|e| (e.target as usize, e.depth + 1)));
    let mut budget = 64 * n + 1024;
    while let Some((pc, d)) = work.pop() {
        if first[pc] == u32::MAX {
            first[pc] = d;
        } else if first[pc] == d || !more.insert((pc, d)) {
            continue;
        }
        budget = budget
            .checked_sub(1)
            .ok_or("control flow too complex to check")?;
        let ins = c.instrs[pc];
        let (op, a) = (ins.op(), ins.arg());
        if d < inputs(op, a) {
            return Err("an instruction that would pop below its frame's stack");
        }
        let after = d as i64 + op.stack_effect(a) as i64;
        if after < 0 || after > stacksize as i64 {
            return Err("an instruction that would overflow the stack");
        }
        if op.is_jump() {
            let jd = match op {
                Op::ForIter => d as i64 - 3,
                Op::Send => d as i64 - 1,
                Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => d as i64,
                _ => after,
            };
            if jd < 0 || jd > stacksize as i64 {
                return Err("a jump with an impossible stack depth");
            }
            work.push((jump_target(op, a) as usize, jd as u32));
        }
        if !terminates(op) {
            if pc + 1 >= n {
                return Err("control that runs off the end of the code");
            }
            work.push((pc + 1, after as u32));
        }
    }
    Ok(())
}
