//! `await`, `async for` and async comprehensions (`async with` is in exceptions.rs, next to `with`).
//!
//! `await x` is `GetAwaitable` followed by the same `Send; YieldValue; Jump` delegation loop as `yield
//! from` (so a coroutine is suspended exactly where the innermost awaited object yields). `async for`
//! keeps its async iterator on the stack (one state slot) and awaits `__anext__()` in a range protected
//! by an `EndAsyncFor` handler, which ends the loop on StopAsyncIteration.

use super::{CompileError, Compiler, LoopCtx, ScopeKind};
use crate::bytecode::Op;
use crate::code::flags;
use crate::value::Value;
use ruff_python_ast as ast;
use ruff_text_size::TextRange;

impl<'s> Compiler<'s> {
    /// Is the code being compiled a coroutine (an `async def`, or an async comprehension)?
    pub(super) fn in_coroutine(&mut self) -> bool {
        self.unit().flags & flags::COROUTINE != 0
    }

    /// Await TOS (`context` is GetAwaitable's argument: which await this is, for error messages).
    pub(super) fn emit_await(&mut self, context: u32) {
        self.emit(Op::GetAwaitable, context);
        self.emit_const(Value::None);
        let top = self.here();
        let done = self.emit_jump(Op::Send);
        self.emit(Op::YieldValue, 0);
        self.emit(Op::Jump, top as u32);
        self.patch(done);
    }

    /// The checks CPython makes for an `await` expression.
    pub(super) fn check_await(&mut self, range: TextRange) -> Result<(), CompileError> {
        let is_coroutine = self.in_coroutine();
        match self.unit().kind {
            ScopeKind::Function if is_coroutine => Ok(()),
            ScopeKind::Function => Err(self.error(range, "'await' outside async function")),
            ScopeKind::Comprehension => Ok(()),
            _ => Err(self.error(range, "'await' outside function")),
        }
    }

    /// `async for target in iter: body else: orelse`.
    pub(super) fn async_for_stmt(&mut self, f: &ast::StmtFor) -> Result<(), CompileError> {
        if !self.in_coroutine() {
            return Err(self.error(f.range, "'async for' outside async function"));
        }
        self.expr(&f.iter)?;
        self.emit(Op::GetAIter, 0);
        // The async iterator stays on the stack during the loop.
        let depth = self.unit().stmt_depth + 1;
        let top = self.here();
        self.set_line(f.range);
        self.emit(Op::GetANext, 0);
        self.emit_await(0);
        let end = self.here();
        self.store_target(&f.target)?;
        let fblock_level = self.unit().fblocks.len() + 1;
        self.unit().fblocks.push(super::exceptions::FBlock::Loop);
        self.unit().stmt_depth += 1;
        self.unit().loops.push(LoopCtx {
            fblock_level,
            continue_target: top,
            break_jumps: Vec::new(),
            state_slots: 1,
        });
        let r = self.stmts(&f.body);
        self.unit().stmt_depth -= 1;
        let ctx = self.unit().loops.pop().expect("loop");
        self.unit().fblocks.pop();
        r?;
        self.set_line(f.range);
        self.emit(Op::JumpBackward, top as u32);
        // StopAsyncIteration from __anext__ ends the loop (EndAsyncFor pops it and the iterator).
        let handler = self.here();
        self.add_handler(top, end, handler, depth);
        self.emit(Op::EndAsyncFor, 0);
        self.stmts(&f.orelse)?;
        for j in ctx.break_jumps {
            self.patch(j);
        }
        Ok(())
    }

    /// One `async for` clause of a comprehension: the loop header. `depth` is the value-stack depth with
    /// the clause's async iterator on top. Returns (loop top, end of the protected range) for
    /// `async_comp_loop_end`.
    pub(super) fn async_comp_loop_start(&mut self) -> (usize, usize) {
        let top = self.here();
        self.emit(Op::GetANext, 0);
        self.emit_await(0);
        (top, self.here())
    }

    /// Close an async comprehension loop opened by `async_comp_loop_start`.
    pub(super) fn async_comp_loop_end(&mut self, top: usize, end: usize, depth: u32) {
        self.emit(Op::JumpBackward, top as u32);
        let handler = self.here();
        self.add_handler(top, end, handler, depth);
        self.emit(Op::EndAsyncFor, 0);
    }
}
