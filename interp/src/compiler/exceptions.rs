//! `try` statements and the exception table.
//!
//! pvm uses zero-cost exception handling: no instruction runs on entry to a `try`. Each protected range of
//! instructions gets an entry `(start, end, target, depth)` in the code's exception table; when an
//! instruction in `[start, end)` raises, the interpreter cuts the value stack back to `depth`, pushes the
//! exception and jumps to `target`. Entries are appended innermost-first, so the first match wins.
//!
//! Handler bodies run between `PushExcInfo` (the exception becomes "being handled": `sys.exc_info()`, the
//! implicit `__context__` of anything raised meanwhile, bare `raise`) and `PopExcept`. Every handler body is
//! itself protected by a cleanup entry doing `PopExcept; Reraise`, so the handled-exception stack stays
//! balanced however control leaves it. `return`/`break`/`continue` that cross these blocks are compiled
//! with the blocks' exits inline (`unwind_fblocks`): `PopExcept` for handlers, the `finally` body for
//! `try/finally`.

use super::{CompileError, Compiler};
use crate::bytecode::Op;
use crate::code::ExcEntry;
use crate::value::Value;
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::{TextRange, TextSize};

/// A block that a `return`, `break` or `continue` may have to leave.
#[derive(Clone)]
pub(super) enum FBlock {
    /// A `for` or `while` loop (index into the unit's loops).
    Loop,
    /// Inside an `except` handler (or a `finally` run for an exception): the exception being handled is
    /// on the value stack and on the handled-exception stack; `name` is the `as` target to clear.
    Handler { name: Option<String> },
    /// The protected body of a `try` with a `finally`.
    Finally(Vec<Stmt>),
    /// The body of a `with` (`async with`): its bound `__exit__` (`__aexit__`) is on the stack.
    /// `range`: the statement, where leaving it calls `__exit__`.
    With { is_async: bool, range: TextRange },
    /// The clauses of a `try`/`except*`: no `break`, `continue` or `return` may leave them.
    ExceptStar,
    /// A `finally` body inlined for a `return`: the return value sits on the stack under it. A `break`,
    /// `continue` or `return` in the body pops it, which cancels the pending return.
    PopValue,
}

impl<'s> Compiler<'s> {
    pub(super) fn try_stmt(&mut self, t: &ast::StmtTry) -> Result<(), CompileError> {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let depth = self.unit().stmt_depth;
        let start = self.here();
        let index = self.unit().fblocks.len();
        self.unit()
            .fblocks
            .push(FBlock::Finally(t.finalbody.to_vec()));
        self.try_except(t)?;
        self.unit().fblocks.pop();
        let end = self.here();
        // Normal exit: run the finally body.
        self.stmts(&t.finalbody)?;
        let done = self.emit_jump(Op::Jump);
        // Exceptional exit: run it with the exception pending, then re-raise.
        let handler = self.here();
        self.add_block_handler(index, start, end, handler, depth);
        self.handler_body(None, depth, |c| c.stmts(&t.finalbody))?;
        self.emit(Op::Reraise, 0);
        self.patch(done);
        Ok(())
    }

    /// `with a as x, b as y: body` (items nest). The bound `__exit__` stays on the stack during the body;
    /// a normal exit calls it with Nones, an exception calls it with the exception and re-raises unless it
    /// returned true.
    pub(super) fn with_stmt(
        &mut self,
        items: &[ast::WithItem],
        body: &[Stmt],
        is_async: bool,
    ) -> Result<(), CompileError> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&item.context_expr)?;
        self.emit(Op::BeforeWith, is_async as u32);
        if is_async {
            self.emit_await(1);
        }
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => {
                self.emit(Op::PopTop, 0);
            }
        }
        let depth = self.unit().stmt_depth;
        self.unit().stmt_depth = depth + 1;
        let start = self.here();
        let range = self.stmt_range;
        let index = self.unit().fblocks.len();
        self.unit().fblocks.push(FBlock::With { is_async, range });
        let r = self.with_stmt(rest, body, is_async);
        self.unit().fblocks.pop();
        self.unit().stmt_depth = depth;
        r?;
        // `__exit__` is called at the `with` statement's position (the body moved it).
        let with_range = self.stmt_range;
        self.set_line(with_range);
        let end = self.here();
        self.emit_with_exit(is_async);
        let done = self.emit_jump(Op::Jump);
        let handler = self.here();
        self.add_block_handler(index, start, end, handler, depth + 1);
        let mut suppressed = None;
        self.handler_body(None, depth + 1, |c| {
            c.emit(Op::WithExceptStart, is_async as u32);
            if is_async {
                c.emit_await(2);
            }
            let keep = c.emit_jump(Op::PopJumpIfFalse);
            // __exit__ returned true: the exception is suppressed.
            c.emit(Op::PopTop, 0);
            c.emit(Op::PopExcept, 0);
            c.emit(Op::PopTop, 0);
            suppressed = Some(c.emit_jump(Op::Jump));
            c.patch(keep);
            c.emit(Op::Reraise, 0);
            Ok(())
        })?;
        self.unit().stmt_depth = depth;
        self.patch(done);
        if let Some(j) = suppressed {
            self.patch(j);
        }
        Ok(())
    }

    fn try_except(&mut self, t: &ast::StmtTry) -> Result<(), CompileError> {
        if t.is_star && !t.handlers.is_empty() {
            return self.try_except_star(t);
        }
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
            return self.stmts(&t.orelse);
        }
        let depth = self.unit().stmt_depth;
        let start = self.here();
        self.stmts(&t.body)?;
        let end = self.here();
        self.stmts(&t.orelse)?;
        let mut to_end = vec![self.emit_jump(Op::Jump)];
        let handler = self.here();
        self.add_handler(start, end, handler, depth);
        // The matching of except clauses and their bodies all run with the exception handled.
        let n = t.handlers.len();
        let mut result = Ok(());
        self.handler_body(None, depth, |c| {
            for (i, h) in t.handlers.iter().enumerate() {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                c.set_line(h.range);
                let next = match &h.type_ {
                    Some(ty) => {
                        // CheckExcMatch keeps the exception below the type and replaces the type by
                        // the match result.
                        c.expr(ty)?;
                        c.emit(Op::CheckExcMatch, 0);
                        Some(c.emit_jump(Op::PopJumpIfFalse))
                    }
                    None => {
                        if i + 1 < n {
                            result = Err(c.error(h.range, "default 'except:' must be last"));
                        }
                        None
                    }
                };
                let name = h.name.as_ref().map(|n| n.id.to_string());
                if let Some(nm) = &name {
                    c.emit(Op::Copy, 1);
                    c.store_name(nm);
                }
                // The clause body's exit is the enclosing handler's (pushed by `handler_body`), plus
                // unbinding the `as` name: replace that block rather than stacking a second one, which
                // would pop the exception twice on `return`/`break`/`continue`.
                let outer = c.unit().fblocks.pop();
                c.unit()
                    .fblocks
                    .push(FBlock::Handler { name: name.clone() });
                let r = c.stmts(&h.body);
                c.unit().fblocks.pop();
                c.unit().fblocks.extend(outer);
                r?;
                c.leave_handler(&name);
                to_end.push(c.emit_jump(Op::Jump));
                if let Some(j) = next {
                    c.patch(j);
                }
            }
            // No clause matched: re-raise (the cleanup entry restores the handled-exception stack).
            c.emit(Op::Reraise, 0);
            Ok(())
        })?;
        result?;
        for j in to_end {
            self.patch(j);
        }
        Ok(())
    }

    /// `try: body except* T as name: ...` (PEP 654). The handler keeps `[orig, raised, rest]` on the
    /// stack: the exception caught, a list of what the clauses raise, and the part not handled yet, which
    /// each clause's `CheckEgMatch` splits into what it handles (bound to `name`, and the handled
    /// exception while it runs) and the new rest. A clause's body is protected by an entry that adds
    /// whatever it raises to the list, so later clauses still run. `PrepReraiseStar` then combines the
    /// list and the final rest into what propagates.
    fn try_except_star(&mut self, t: &ast::StmtTry) -> Result<(), CompileError> {
        let depth = self.unit().stmt_depth;
        let start = self.here();
        self.stmts(&t.body)?;
        let end = self.here();
        self.stmts(&t.orelse)?;
        let mut to_end = vec![self.emit_jump(Op::Jump)];
        let handler = self.here();
        self.add_handler(start, end, handler, depth);
        self.emit(Op::PushExcInfo, 0);
        let region_start = self.here();
        self.unit().stmt_depth = depth + 1;
        self.unit().fblocks.push(FBlock::ExceptStar);
        let r = self.except_star_clauses(t, depth);
        self.unit().fblocks.pop();
        self.unit().stmt_depth = depth;
        r?;
        self.emit(Op::PrepReraiseStar, 0);
        let region_end = self.here();
        self.emit(Op::Copy, 1);
        self.emit_const(Value::None);
        self.emit(Op::IsOp, 0);
        let reraise = self.emit_jump(Op::PopJumpIfFalse);
        // Nothing left to raise.
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        to_end.push(self.emit_jump(Op::Jump));
        self.patch(reraise);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        // An error in the matching itself (a bad type in a clause) restores the handled exceptions.
        let cleanup = self.here();
        self.add_handler(region_start, region_end, cleanup, depth + 1);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        for j in to_end {
            self.patch(j);
        }
        Ok(())
    }

    fn except_star_clauses(&mut self, t: &ast::StmtTry, depth: u32) -> Result<(), CompileError> {
        // [exc] -> [orig, [], exc]
        self.emit(Op::Copy, 1);
        self.emit(Op::BuildList, 0);
        self.emit(Op::Swap, 2);
        for h in t.handlers.iter() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range);
            let Some(ty) = &h.type_ else {
                return Err(self.error(h.range, "expected one or more exception types"));
            };
            self.expr(ty)?;
            // [orig, list, rest, match] or [orig, list, exc, None]
            self.emit(Op::CheckEgMatch, 0);
            self.emit(Op::Copy, 1);
            self.emit_const(Value::None);
            self.emit(Op::IsOp, 0);
            let no_match = self.emit_jump(Op::PopJumpIfTrue);
            let name = h.name.as_ref().map(|n| n.id.to_string());
            match &name {
                Some(nm) => self.store_name(nm),
                None => {
                    self.emit(Op::PopTop, 0);
                }
            }
            // [orig, list, rest]: the body; what it raises is added to the list.
            let body_start = self.here();
            self.unit().stmt_depth = depth + 3;
            let r = self.stmts(&h.body);
            self.unit().stmt_depth = depth + 1;
            r?;
            let body_end = self.here();
            self.clear_handler_name(&name);
            let done = self.emit_jump(Op::Jump);
            let raised = self.here();
            self.add_handler(body_start, body_end, raised, depth + 3);
            self.clear_handler_name(&name);
            self.emit(Op::ListAppend, 2);
            let done2 = self.emit_jump(Op::Jump);
            self.patch(no_match);
            self.emit(Op::PopTop, 0);
            self.patch(done);
            self.patch(done2);
        }
        // [orig, list, rest] -> [orig, list + [rest]]
        self.emit(Op::ListAppend, 1);
        Ok(())
    }

    /// `name = None; del name` after an except clause binding `name`.
    fn clear_handler_name(&mut self, name: &Option<String>) {
        if let Some(nm) = name {
            self.emit_const(Value::None);
            self.store_name(nm);
            self.delete_name(nm);
        }
    }

    /// Emit `PushExcInfo`, the body, and the cleanup handler protecting the body. On entry the exception
    /// is on the stack at `depth`.
    fn handler_body(
        &mut self,
        name: Option<String>,
        depth: u32,
        body: impl FnOnce(&mut Self) -> Result<(), CompileError>,
    ) -> Result<(), CompileError> {
        self.emit(Op::PushExcInfo, 0);
        let start = self.here();
        self.unit().stmt_depth = depth + 1;
        let index = self.unit().fblocks.len();
        self.unit().fblocks.push(FBlock::Handler { name });
        let r = body(self);
        self.unit().fblocks.pop();
        self.unit().stmt_depth = depth;
        r?;
        let end = self.here();
        let cleanup = self.here();
        self.add_block_handler(index, start, end, cleanup, depth + 1);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        Ok(())
    }

    /// Leave an except clause normally: drop the exception, restore the handled-exception stack and
    /// unbind the `as` name (as CPython does, to break the frame ↔ traceback cycle).
    fn leave_handler(&mut self, name: &Option<String>) {
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        if let Some(nm) = name {
            self.emit_const(Value::None);
            self.store_name(nm);
            self.delete_name(nm);
        }
    }

    /// Leave a `with` body normally: call `__exit__(None, None, None)` (and await it for `async with`).
    fn emit_with_exit(&mut self, is_async: bool) {
        if is_async {
            self.emit(Op::WithExitNormal, 1);
            self.emit_await(2);
            self.emit(Op::PopTop, 0);
        } else {
            self.emit(Op::WithExitNormal, 0);
        }
    }

    pub(super) fn add_handler(&mut self, start: usize, end: usize, target: usize, depth: u32) {
        if start < end {
            self.unit().exc_table.push(ExcEntry {
                start: start as u32,
                end: end as u32,
                target: target as u32,
                depth,
            });
        }
    }

    /// The handler of the block at fblock `index`, protecting `[start, end)` except the code that leaves
    /// the block (CPython pops the block before compiling its exit): an exception raised by an inlined
    /// `finally` body or `__exit__` call goes to the enclosing handler, not back to this one.
    fn add_block_handler(
        &mut self,
        index: usize,
        start: usize,
        end: usize,
        target: usize,
        depth: u32,
    ) {
        let (s0, e0) = (start as u32, end as u32);
        let u = self.unit();
        let mut holes: Vec<(u32, u32)> = Vec::new();
        u.holes.retain(|&(i, s, e)| {
            let mine = i == index && s0 <= s && e <= e0;
            if mine {
                holes.push((s, e));
            }
            !mine
        });
        holes.sort_unstable();
        let mut at = start;
        for (s, e) in holes {
            self.add_handler(at, (s as usize).max(at), target, depth);
            at = at.max(e as usize);
        }
        self.add_handler(at, end, target, depth);
    }

    /// Compile the exits of the blocks a jump leaves, innermost first, down to block index `to`
    /// (exclusive). `keep_top`: a return value is on the stack above the blocks' own items.
    pub(super) fn unwind_fblocks(&mut self, to: usize, keep_top: bool) -> Result<(), CompileError> {
        let blocks: Vec<FBlock> = self.unit().fblocks[to..].to_vec();
        let saved = self.unit().fblocks.clone();
        let mut exits = Vec::new();
        for (i, b) in blocks.iter().enumerate().rev() {
            exits.push((to + i, self.unit().instrs.len() as u32));
            // While emitting a block's exit, only the blocks outside it are active.
            self.unit().fblocks.truncate(to + i);
            match b {
                FBlock::Loop => {}
                FBlock::ExceptStar => {
                    // At the current position, as CPython reports it (a `return`'s value).
                    let (s, e) = self.unit().span;
                    let range = TextRange::new(TextSize::from(s), TextSize::from(e));
                    self.unit().fblocks = saved;
                    return Err(self.error(
                        range,
                        "'break', 'continue' and 'return' cannot appear in an except* block",
                    ));
                }
                FBlock::Handler { name } => {
                    if keep_top {
                        self.emit(Op::Swap, 2);
                    }
                    self.emit(Op::PopTop, 0);
                    self.emit(Op::PopExcept, 0);
                    if let Some(nm) = name {
                        self.emit_const(Value::None);
                        self.store_name(nm);
                        self.delete_name(nm);
                    }
                }
                FBlock::With { is_async, range } => {
                    let old = self.set_line(*range);
                    if keep_top {
                        self.emit(Op::Swap, 2);
                    }
                    self.emit_with_exit(*is_async);
                    self.restore_line(old);
                }
                FBlock::PopValue => {
                    if keep_top {
                        self.emit(Op::Swap, 2);
                    }
                    self.emit(Op::PopTop, 0);
                }
                FBlock::Finally(body) => {
                    if keep_top {
                        self.unit().stmt_depth += 1;
                        self.unit().fblocks.push(FBlock::PopValue);
                    }
                    let r = self.stmts(body);
                    if keep_top {
                        self.unit().fblocks.pop();
                        self.unit().stmt_depth -= 1;
                    }
                    r?;
                }
            }
        }
        let u = self.unit();
        let end = u.instrs.len() as u32;
        u.holes.extend(
            exits
                .into_iter()
                .map(|(i, s)| (i, s, end))
                .filter(|h| h.1 < h.2),
        );
        u.fblocks = saved;
        Ok(())
    }
}
