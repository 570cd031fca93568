//! `match` statements (PEP 634), compiled the way CPython 3.11 compiles them, so that observable details
//! agree: the order in which `__eq__`, `__match_args__` and `get` run, and that names are bound only once a
//! whole pattern has matched (before its guard runs).
//!
//! The subject stays on the value stack while cases are tried (each case but the last works on a copy).
//! A pattern consumes the object it matches. Values captured by names are not stored right away: they are
//! kept on the stack, each new one rotated beneath everything the pattern still needs (`on_top` items)
//! and beneath the captures so far, and stored into their names only when the whole pattern succeeded.
//! A failing check therefore has to pop `on_top + captures` items: it jumps to `fail_pop[n]`, a chain of
//! `PopTop`s emitted after the case (`emit_and_reset_fail_pop`), falling through to the next case.

use super::{CompileError, Compiler};
use crate::bytecode::{BinOp, CmpOp, Op};
use crate::object::Object;
use crate::value::Value;
use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

#[derive(Default)]
pub(super) struct PatternCtx {
    /// Names captured so far, in capture order; their values are on the stack (the first on top).
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here (`case x:` must be last or guarded).
    allow_irrefutable: bool,
    /// `fail_pop[n]`: jumps to the failure path that pops n items.
    fail_pop: Vec<Vec<usize>>,
    /// Items above the captures that a failure must pop too.
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

/// How a failing check leaves: on a false TOS, or always.
#[derive(Clone, Copy, PartialEq)]
enum FailJump {
    IfFalse,
    Always,
}

impl<'s> Compiler<'s> {
    pub(super) fn match_stmt(&mut self, m: &ast::StmtMatch) -> Result<(), CompileError> {
        self.expr(&m.subject)?;
        let cases = m.cases.len();
        // A trailing `case _:` needs no copy of the subject and no pattern code.
        let has_default = cases > 1 && is_wildcard(&m.cases[cases - 1].pattern);
        let n = cases - has_default as usize;
        let mut end_jumps = Vec::new();
        for (i, case) in m.cases[..n].iter().enumerate() {
            self.set_line(case.pattern.range());
            let last = i + 1 == n;
            if !last {
                self.emit(Op::Copy, 1);
            }
            let mut pc = PatternCtx {
                allow_irrefutable: case.guard.is_some() || i + 1 == cases,
                ..Default::default()
            };
            self.pattern(&case.pattern, &mut pc)?;
            // A match: store the captured names (their values are on the stack, the first on top).
            for name in std::mem::take(&mut pc.stores) {
                self.store_name(&name);
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let jumps = self.cond_jump(g, false)?;
                pc.fail_pop[0].extend(jumps);
            }
            if !last {
                // Done with the subject.
                self.emit(Op::PopTop, 0);
            }
            self.stmts(&case.body)?;
            end_jumps.push(self.emit_jump(Op::Jump));
            // The failure path belongs to the pattern's line, not the body's last line.
            self.set_line(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let case = &m.cases[cases - 1];
            self.set_line(case.pattern.range());
            if let Some(g) = &case.guard {
                end_jumps.extend(self.cond_jump(g, false)?);
            }
            self.stmts(&case.body)?;
        }
        for j in end_jumps {
            self.patch(j);
        }
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() <= n {
            pc.fail_pop.push(Vec::new());
        }
    }

    /// Jump to the failure path, popping whatever is on top plus the values captured so far.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, how: FailJump) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let j = match how {
            FailJump::IfFalse => self.emit_jump_if_false(),
            FailJump::Always => self.emit_jump(Op::Jump),
        };
        pc.fail_pop[pops].push(j);
    }

    /// Emit the failure path: `fail_pop[n]` pops n items and falls through to `fail_pop[0]`, which is the
    /// code that follows.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (i, jumps) in labels.into_iter().enumerate().rev() {
            for j in jumps {
                self.patch(j);
            }
            if i > 0 {
                self.emit(Op::PopTop, 0);
            }
        }
    }

    /// Move TOS `count - 1` places down (to be the count-th item from the top).
    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Op::Swap, count as u32);
            count -= 1;
        }
    }

    /// Keep TOS as the value of `name` (bound when the whole pattern matches), or drop it for a wildcard.
    fn pattern_store(
        &mut self,
        name: Option<&ast::Identifier>,
        pc: &mut PatternCtx,
        range: TextRange,
    ) -> Result<(), CompileError> {
        let Some(name) = name else {
            self.emit(Op::PopTop, 0);
            return Ok(());
        };
        let name = name.id.to_string();
        if name == "__debug__" {
            return Err(self.error(range, "cannot assign to __debug__"));
        }
        if pc.stores.contains(&name) {
            return Err(self.error(
                range,
                format!("multiple assignments to name '{}' in pattern", name),
            ));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name);
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern, pc: &mut PatternCtx) -> Result<(), CompileError> {
        self.enter(p.range())?;
        let old = self.set_line(p.range());
        let r = self.pattern_inner(p, pc);
        self.restore_line(old);
        self.depth -= 1;
        r
    }

    /// A pattern inside another: irrefutable sub-patterns are fine there.
    fn subpattern(&mut self, p: &Pattern, pc: &mut PatternCtx) -> Result<(), CompileError> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = allow;
        r
    }

    fn pattern_inner(&mut self, p: &Pattern, pc: &mut PatternCtx) -> Result<(), CompileError> {
        match p {
            Pattern::MatchValue(v) => {
                if !is_value_expr(&v.value) {
                    return Err(self.error(
                        v.range,
                        "patterns may only match literals and attribute lookups",
                    ));
                }
                self.expr(&v.value)?;
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                self.jump_to_fail_pop(pc, FailJump::IfFalse);
            }
            Pattern::MatchSingleton(s) => {
                let v = match s.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                };
                self.emit_const(v);
                self.emit(Op::IsOp, 0);
                self.jump_to_fail_pop(pc, FailJump::IfFalse);
            }
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(n) => format!(
                                "name capture '{}' makes remaining patterns unreachable",
                                n.id
                            ),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.error(a.range, msg));
                    }
                    self.pattern_store(a.name.as_ref(), pc, a.range)?;
                }
                Some(sub) => {
                    // Keep a copy to store if the sub-pattern matches.
                    pc.on_top += 1;
                    self.emit(Op::Copy, 1);
                    self.pattern(sub, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store(a.name.as_ref(), pc, a.range)?;
                }
            },
            Pattern::MatchStar(s) => self.pattern_store(s.name.as_ref(), pc, s.range)?,
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, s.range, pc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc)?,
            Pattern::MatchOr(o) => self.pattern_or(o, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        patterns: &[Pattern],
        range: TextRange,
        pc: &mut PatternCtx,
    ) -> Result<(), CompileError> {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return Err(self.error(range, "multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // The subject stays on top during the type and length checks.
        pc.on_top += 1;
        self.emit(Op::MatchSequence, 0);
        self.jump_to_fail_pop(pc, FailJump::IfFalse);
        match star {
            None => {
                self.emit(Op::GetLen, 0);
                self.emit_const(Value::Int(size as i64));
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                self.jump_to_fail_pop(pc, FailJump::IfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Op::GetLen, 0);
                self.emit_const(Value::Int(size as i64 - 1));
                self.emit(Op::CompareOp, CmpOp::Ge as u32);
                self.jump_to_fail_pop(pc, FailJump::IfFalse);
            }
            Some(_) => {}
        }
        // What follows consumes the subject.
        pc.on_top -= 1;
        if only_wildcard {
            // [], [_], [_, *_], ...
            self.emit(Op::PopTop, 0);
        } else if star_wildcard {
            self.sequence_subscr(patterns, star.unwrap_or(0), pc)?;
        } else {
            self.sequence_unpack(patterns, star, range, pc)?;
        }
        Ok(())
    }

    /// Match the items of a sequence after unpacking it onto the stack.
    fn sequence_unpack(
        &mut self,
        patterns: &[Pattern],
        star: Option<usize>,
        range: TextRange,
        pc: &mut PatternCtx,
    ) -> Result<(), CompileError> {
        let size = patterns.len();
        match star {
            None => {
                self.emit(Op::UnpackSequence, size as u32);
            }
            Some(i) => {
                let after = size - i - 1;
                if i >= 256 || after >= (1 << 15) {
                    return Err(self.error(
                        range,
                        "too many expressions in star-unpacking sequence pattern",
                    ));
                }
                self.emit(Op::UnpackEx, (i as u32) | ((after as u32) << 8));
            }
        }
        // The items stay on the stack until their sub-pattern consumes them.
        pc.on_top += size;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// Like `sequence_unpack` for patterns with a `*_`: index the items needed (`[first, *_, last]`
    /// need not copy the middle).
    fn sequence_subscr(
        &mut self,
        patterns: &[Pattern],
        star: usize,
        pc: &mut PatternCtx,
    ) -> Result<(), CompileError> {
        // Keep the subject to index it.
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(Op::Copy, 1);
            if i < star {
                self.emit_const(Value::Int(i as i64));
            } else {
                // The subject may not support negative indices: compute len - k.
                self.emit(Op::GetLen, 0);
                self.emit_const(Value::Int((size - i) as i64));
                self.emit(Op::BinaryOp, BinOp::Sub.encode(false));
            }
            self.emit(Op::BinarySubscr, 0);
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        m: &ast::PatternMatchMapping,
        pc: &mut PatternCtx,
    ) -> Result<(), CompileError> {
        let size = m.keys.len();
        // The subject stays on top during the type and length checks.
        pc.on_top += 1;
        self.emit(Op::MatchMapping, 0);
        self.jump_to_fail_pop(pc, FailJump::IfFalse);
        if size == 0 && m.rest.is_none() {
            // `{}` matches any mapping.
            pc.on_top -= 1;
            self.emit(Op::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen, 0);
            self.emit_const(Value::Int(size as i64));
            self.emit(Op::CompareOp, CmpOp::Ge as u32);
            self.jump_to_fail_pop(pc, FailJump::IfFalse);
        }
        // The keys, as a tuple for MatchKeys (and for `**rest`). Literal keys must be distinct.
        let mut seen: Vec<Value> = Vec::new();
        for key in m.keys.iter() {
            if is_attribute_chain(key) {
                self.expr(key)?;
                continue;
            }
            if !is_value_expr(key) {
                return Err(self.error(
                    key.range(),
                    "mapping pattern keys may only match literals and attribute lookups",
                ));
            }
            if let Some(v) = self.literal_key(key) {
                if seen.iter().any(|s| literal_eq(s, &v)) {
                    let r = crate::repr::const_repr(&v);
                    return Err(self.error(
                        m.range,
                        format!("mapping pattern checks duplicate key ({})", r),
                    ));
                }
                seen.push(v);
            }
            self.expr(key)?;
        }
        self.emit(Op::BuildTuple, size as u32);
        self.emit(Op::MatchKeys, 0);
        // The keys tuple and the values tuple (or None) are on top of the subject.
        pc.on_top += 2;
        self.emit(Op::Copy, 1);
        self.emit_const(Value::None);
        self.emit(Op::IsOp, 1);
        self.jump_to_fail_pop(pc, FailJump::IfFalse);
        self.emit(Op::UnpackSequence, size as u32);
        pc.on_top = pc.on_top + size - 1;
        for p in m.patterns.iter() {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        // Matched: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject), minus the matched keys.
                self.emit(Op::BuildMap, 0); // subject, keys, {}
                self.emit(Op::Swap, 3); // {}, keys, subject
                self.emit(Op::DictUpdate, 2); // copy, keys
                self.emit(Op::UnpackSequence, size as u32); // copy, key...
                let mut k = size;
                while k > 0 {
                    self.emit(Op::Copy, 1 + k as u32);
                    k -= 1;
                    self.emit(Op::Swap, 2);
                    self.emit(Op::DeleteSubscr, 0);
                }
                self.pattern_store(Some(rest), pc, m.range)?;
            }
            None => {
                self.emit(Op::PopTop, 0); // the keys
                self.emit(Op::PopTop, 0); // the subject
            }
        }
        Ok(())
    }

    /// The value of a literal mapping key, for the duplicate check (None for keys it cannot fold).
    fn literal_key(&self, e: &Expr) -> Option<Value> {
        match e {
            Expr::BytesLiteral(b) => Some(Value::obj(Object::Bytes(b.value.bytes().collect()))),
            _ => self.const_value(e),
        }
    }

    fn pattern_class(
        &mut self,
        c: &ast::PatternMatchClass,
        pc: &mut PatternCtx,
    ) -> Result<(), CompileError> {
        let args = &c.arguments;
        let nargs = args.patterns.len();
        let nattrs = args.keywords.len();
        for (i, k) in args.keywords.iter().enumerate() {
            if k.attr.id.as_str() == "__debug__" {
                return Err(self.error(k.pattern.range(), "cannot assign to __debug__"));
            }
            if let Some(dup) = args.keywords[i + 1..]
                .iter()
                .find(|o| o.attr.id == k.attr.id)
            {
                return Err(self.error(
                    dup.pattern.range(),
                    format!("attribute name repeated in class pattern: {}", k.attr.id),
                ));
            }
        }
        self.expr(&c.cls)?;
        let names: Vec<Value> = args
            .keywords
            .iter()
            .map(|k| Value::str(&k.attr.id))
            .collect();
        self.emit_const(Value::obj(Object::Tuple(names)));
        self.emit(Op::MatchClass, nargs as u32);
        self.emit(Op::Copy, 1);
        self.emit_const(Value::None);
        self.emit(Op::IsOp, 1);
        // TOS is the tuple of the nargs + nattrs attributes (or None).
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, FailJump::IfFalse);
        self.emit(Op::UnpackSequence, (nargs + nattrs) as u32);
        pc.on_top = pc.on_top + nargs + nattrs - 1;
        let subs = args
            .patterns
            .iter()
            .chain(args.keywords.iter().map(|k| &k.pattern));
        for p in subs {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Op::PopTop, 0);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(
        &mut self,
        o: &ast::PatternMatchOr,
        pc: &mut PatternCtx,
    ) -> Result<(), CompileError> {
        let size = o.patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        // The names bound by the first alternative: the others must bind the same ones, and their values
        // are reordered on the stack to the first one's order.
        let mut control: Option<Vec<String>> = None;
        let mut end_jumps = Vec::new();
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_line(alt.range());
            pc.stores = Vec::new();
            // An irrefutable alternative must be the last, if it is allowed at all.
            pc.allow_irrefutable = i + 1 == size && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Op::Copy, 1);
            self.pattern(alt, pc)?;
            let at = last_entered(alt).range();
            let diff = |c: &Self| c.error(at, "alternative patterns bind different names");
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if pc.stores.len() != ctl.len() {
                        return Err(diff(self));
                    }
                    let mut icontrol = ctl.len();
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(diff(self));
                        };
                        if icontrol != istores {
                            // Move stores[..=istores] to just before position icontrol, on the stack
                            // as in the list.
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            end_jumps.push(self.emit_jump(Op::Jump));
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        // No alternative matched: pop the subject and fail.
        self.emit(Op::PopTop, 0);
        self.jump_to_fail_pop(pc, FailJump::Always);
        for j in end_jumps {
            self.patch(j);
        }
        // Move the new captures below the subject, what is on top and the earlier captures.
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(
                    o.range,
                    format!("multiple assignments to name '{}' in pattern", name),
                ));
            }
            pc.stores.push(name);
        }
        // The subject.
        self.emit(Op::PopTop, 0);
        Ok(())
    }
}

/// Literals and attribute lookups: what value patterns and mapping keys may be.
fn is_value_expr(e: &Expr) -> bool {
    match e {
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_) => true,
        Expr::UnaryOp(u) => {
            u.op == ast::UnaryOp::USub && matches!(&*u.operand, Expr::NumberLiteral(_))
        }
        // Complex literals: `1 + 2j`, `-1 - 2j`.
        Expr::BinOp(b) => {
            matches!(b.op, ast::Operator::Add | ast::Operator::Sub)
                && is_value_expr(&b.left)
                && matches!(&*b.right, Expr::NumberLiteral(_))
        }
        Expr::Attribute(_) => is_attribute_chain(e),
        _ => false,
    }
}

fn is_attribute_chain(e: &Expr) -> bool {
    match e {
        Expr::Attribute(a) => matches!(&*a.value, Expr::Name(_)) || is_attribute_chain(&a.value),
        _ => false,
    }
}

/// `==` between literal keys (`1`, `1.0` and `True` are the same key).
fn literal_eq(a: &Value, b: &Value) -> bool {
    fn num(v: &Value) -> Option<f64> {
        match v {
            Value::Int(i) => Some(*i as f64),
            Value::Bool(b) => Some(*b as i64 as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::Obj(p), Value::Obj(q)) => match (&**p, &**q) {
            (Object::Str(s), Object::Str(t)) => s.as_str() == t.as_str(),
            (Object::Bytes(s), Object::Bytes(t)) => s == t,
            (Object::Int(s), Object::Int(t)) => s == t,
            _ => false,
        },
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}

/// The last pattern CPython's compiler enters (pre-order) compiling `p`: it leaves its position there,
/// where an error found after the pattern is reported.
fn last_entered(p: &ast::Pattern) -> &ast::Pattern {
    use ast::Pattern as P;
    let last = match p {
        P::MatchSequence(s) => s.patterns.last(),
        P::MatchMapping(m) => m.patterns.last(),
        P::MatchClass(c) => c
            .arguments
            .keywords
            .last()
            .map(|k| &k.pattern)
            .or(c.arguments.patterns.last()),
        P::MatchAs(a) => a.pattern.as_deref(),
        P::MatchOr(o) => o.patterns.last(),
        _ => None,
    };
    last.map_or(p, last_entered)
}
