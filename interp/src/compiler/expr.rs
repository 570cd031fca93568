//! Expression compilation.

use super::{binop, CompileError, Compiler};
use crate::bytecode::{CmpOp, Op};
use crate::object::Object;
use crate::settable::SetTable;
use crate::value::{int_from_big, Value};
use crate::vm::protocol::values_eq;
use num_traits::ToPrimitive;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;
use std::rc::Rc;

impl<'s> Compiler<'s> {
    pub(super) fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        self.enter(e.range())?;
        let old = self.set_line(self.position_range(e));
        let r = self.expr_inner(e);
        self.restore_line(old);
        self.depth -= 1;
        r
    }

    /// The source range CPython gives expression `e`: a generator expression that is a call's only
    /// argument (`sum(x for x in y)`) includes the call's parentheses.
    pub(super) fn position_range(&self, e: &Expr) -> ruff_text_size::TextRange {
        let r = e.range();
        if !matches!(e, Expr::Generator(g) if !g.parenthesized) {
            return r;
        }
        let b = self.src.as_bytes();
        let (mut start, mut end) = (r.start().to_usize(), r.end().to_usize());
        while start > 0 && b[start - 1].is_ascii_whitespace() {
            start -= 1;
        }
        while end < b.len() && b[end].is_ascii_whitespace() {
            end += 1;
        }
        if start > 0 && b[start - 1] == b'(' && b.get(end) == Some(&b')') {
            let to = |x: usize| ruff_text_size::TextSize::new(x as u32);
            return ruff_text_size::TextRange::new(to(start - 1), to(end + 1));
        }
        r
    }

    /// A constant value for literal expressions (used for folding).
    pub(super) fn const_value(&self, e: &Expr) -> Option<Value> {
        match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => Some(int_literal(i)),
                ast::Number::Float(f) => Some(Value::Float(*f)),
                ast::Number::Complex { real, imag } => {
                    Some(Value::obj(Object::Complex(crate::object::Complex {
                        re: *real,
                        im: *imag,
                    })))
                }
            },
            Expr::StringLiteral(s) => Some(Value::str(s.value.to_str())),
            Expr::BooleanLiteral(b) => Some(Value::Bool(b.value)),
            Expr::NoneLiteral(_) => Some(Value::None),
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match self.const_value(&u.operand)? {
                Value::Int(i) if i != i64::MIN => Some(Value::Int(-i)),
                Value::Float(f) => Some(Value::Float(-f)),
                _ => None,
            },
            Expr::Tuple(t) if !t.elts.is_empty() => {
                let items: Option<Vec<Value>> =
                    t.elts.iter().map(|x| self.const_value(x)).collect();
                items.map(|v| Value::obj(Object::Tuple(v)))
            }
            _ => None,
        }
    }

    fn expr_inner(&mut self, e: &Expr) -> Result<(), CompileError> {
        if let Some(v) = self.const_value(e) {
            self.emit_const(v);
            return Ok(());
        }
        match e {
            Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_) => {
                unreachable!("folded by const_value")
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                self.emit_const(Value::obj(Object::Bytes(bytes)));
            }
            Expr::EllipsisLiteral(_) => {
                self.emit_const(Value::obj(Object::Singleton(
                    crate::object::Singleton::Ellipsis,
                )));
            }
            Expr::Name(n) => self.load_name(&n.id),
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Op::BinaryOp, binop(b.op).encode(false));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => Op::UnaryInvert,
                    ast::UnaryOp::Not => Op::UnaryNot,
                    ast::UnaryOp::UAdd => Op::UnaryPositive,
                    ast::UnaryOp::USub => Op::UnaryNegative,
                };
                self.emit(op, 0);
            }
            Expr::BoolOp(b) => {
                let op = if b.op == ast::BoolOp::And {
                    Op::JumpIfFalseOrPop
                } else {
                    Op::JumpIfTrueOrPop
                };
                let mut jumps = Vec::new();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        jumps.push(self.emit_jump(op));
                    }
                }
                for j in jumps {
                    self.patch(j);
                }
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::If(i) => {
                let else_jumps = self.cond_jump(&i.test, false)?;
                self.expr(&i.body)?;
                let end = self.emit_jump(Op::Jump);
                for j in else_jumps {
                    self.patch(j);
                }
                self.expr(&i.orelse)?;
                self.patch(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::Copy, 1);
                self.store_target(&n.target)?;
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let ni = self.attr_idx(&a.attr.id);
                self.attr_position(a);
                self.emit(Op::LoadAttr, ni);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::BinarySubscr, 0);
            }
            Expr::Slice(s) => {
                self.slice_parts(s)?;
            }
            Expr::Call(c) => self.call(c)?,
            Expr::Tuple(t) => self.sequence(&t.elts, Op::BuildTuple)?,
            Expr::List(l) => self.sequence(&l.elts, Op::BuildList)?,
            Expr::Set(s) => self.set_display(&s.elts)?,
            Expr::Dict(d) => self.dict(d)?,
            Expr::Lambda(l) => {
                let scope = self
                    .table
                    .scope_for(l)
                    .ok_or_else(|| self.error(l.range, "internal: missing scope"))?;
                let line = self.lines.line_index(l.range.start()).get() as u32;
                let qual = self.child_qualname("<lambda>");
                let empty = ast::Parameters::default();
                let params = l.parameters.as_deref().unwrap_or(&empty);
                self.make_function(scope, "<lambda>", qual, params, None, line, |c| {
                    c.expr(&l.body)?;
                    c.emit(Op::ReturnValue, 0);
                    Ok(())
                })?;
            }
            Expr::ListComp(c) => {
                self.comprehension(c, "<listcomp>", &c.generators, Comp::List(&c.elt))?
            }
            Expr::SetComp(c) => {
                self.comprehension(c, "<setcomp>", &c.generators, Comp::Set(&c.elt))?
            }
            Expr::DictComp(c) => match &c.key {
                Some(k) => {
                    self.comprehension(c, "<dictcomp>", &c.generators, Comp::Dict(k, &c.value))?
                }
                None => {
                    return Err(self.error(
                        c.range,
                        "dict unpacking cannot be used in dict comprehension",
                    ))
                }
            },
            Expr::Generator(g) => {
                self.comprehension(g, "<genexpr>", &g.generators, Comp::Gen(&g.elt))?
            }
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(_) => {
                self.not_implemented("template strings");
                self.emit_const(Value::None);
            }
            Expr::Starred(s) => {
                return Err(self.error(s.range, "can't use starred expression here"))
            }
            Expr::Yield(y) => {
                if !matches!(
                    self.unit().kind,
                    super::ScopeKind::Function | super::ScopeKind::Comprehension
                ) {
                    return Err(self.error(e.range(), "'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.emit_const(Value::None),
                }
                // In an async generator the value goes to its consumer (see YieldValue).
                let is_async = self.in_coroutine() as u32;
                self.emit(Op::YieldValue, is_async);
            }
            Expr::YieldFrom(y) => {
                if !matches!(
                    self.unit().kind,
                    super::ScopeKind::Function | super::ScopeKind::Comprehension
                ) {
                    return Err(self.error(e.range(), "'yield' outside function"));
                }
                if self.in_coroutine() {
                    return Err(self.error(e.range(), "'yield from' inside async function"));
                }
                // Delegate: send values into the sub-iterator until it returns (its value is the result).
                self.expr(&y.value)?;
                self.emit(Op::GetYieldFromIter, 0);
                self.emit_const(Value::None);
                let top = self.here();
                let done = self.emit_jump(Op::Send);
                self.emit(Op::YieldValue, 0);
                self.emit(Op::Jump, top as u32);
                self.patch(done);
            }
            Expr::Await(a) => {
                self.check_await(a.range)?;
                self.expr(&a.value)?;
                self.emit_await(0);
            }
            Expr::IpyEscapeCommand(r) => return Err(self.error(r.range, "invalid syntax")),
        }
        Ok(())
    }

    fn compare(&mut self, c: &ast::ExprCompare) -> Result<(), CompileError> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        let mut cleanup = Vec::new();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            if i + 1 == n && matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
                // CPython's `fold_compare`: `x in {1, 2}` tests a frozenset constant.
                self.iter_expr(right)?;
            } else {
                self.expr(right)?;
            }
            if i + 1 < n {
                self.emit(Op::Swap, 2);
                self.emit(Op::Copy, 2);
            }
            self.emit_cmp(*op);
            if i + 1 < n {
                cleanup.push(self.emit_jump(Op::JumpIfFalseOrPop));
            }
        }
        if !cleanup.is_empty() {
            let end = self.emit_jump(Op::Jump);
            for j in cleanup {
                self.patch(j);
            }
            self.emit(Op::Swap, 2);
            self.emit(Op::PopTop, 0);
            self.patch(end);
        }
        Ok(())
    }

    fn emit_cmp(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        match op {
            C::Eq => self.emit(Op::CompareOp, CmpOp::Eq as u32),
            C::NotEq => self.emit(Op::CompareOp, CmpOp::Ne as u32),
            C::Lt => self.emit(Op::CompareOp, CmpOp::Lt as u32),
            C::LtE => self.emit(Op::CompareOp, CmpOp::Le as u32),
            C::Gt => self.emit(Op::CompareOp, CmpOp::Gt as u32),
            C::GtE => self.emit(Op::CompareOp, CmpOp::Ge as u32),
            C::Is => self.emit(Op::IsOp, 0),
            C::IsNot => self.emit(Op::IsOp, 1),
            C::In => self.emit(Op::ContainsOp, 0),
            C::NotIn => self.emit(Op::ContainsOp, 1),
        };
    }

    pub(super) fn subscript_index(&mut self, e: &Expr) -> Result<(), CompileError> {
        match e {
            Expr::Slice(s) => self.slice_parts(s),
            other => self.expr(other),
        }
    }

    fn slice_parts(&mut self, s: &ast::ExprSlice) -> Result<(), CompileError> {
        for part in [&s.lower, &s.upper] {
            match part {
                Some(x) => self.expr(x)?,
                None => self.emit_const(Value::None),
            }
        }
        match &s.step {
            Some(x) => {
                self.expr(x)?;
                self.emit(Op::BuildSlice, 3);
            }
            None => {
                self.emit(Op::BuildSlice, 2);
            }
        }
        Ok(())
    }

    /// A set display. As in CPython 3.11, three or more constant items (after constant folding) build
    /// `set()` updated from a frozenset constant: `BuildSet 0; LoadConst frozenset; SetUpdate 1`.
    fn set_display(&mut self, elts: &[Expr]) -> Result<(), CompileError> {
        if elts.len() > 2 {
            if let Some(items) = self.folded_items(elts) {
                let f = self.frozenset_const(items);
                self.emit(Op::BuildSet, 0);
                self.emit_const(f);
                self.emit(Op::SetUpdate, 1);
                return Ok(());
            }
        }
        self.sequence(elts, Op::BuildSet)
    }

    /// The iterable of a `for` loop or comprehension, or the right operand of a final `in`/`not in`:
    /// CPython's `fold_iter` turns a set display of constants (any number) into a frozenset constant,
    /// which is then iterated directly (its order can differ from a set built from it).
    pub(super) fn iter_expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        if let Expr::Set(s) = e {
            if let Some(items) = self.folded_items(&s.elts) {
                let old = self.set_line(e.range());
                let f = self.frozenset_const(items);
                self.emit_const(f);
                self.restore_line(old);
                return Ok(());
            }
        }
        self.expr(e)
    }

    /// The values of `elts` if all are constants after CPython's AST constant folding.
    fn folded_items(&self, elts: &[Expr]) -> Option<Vec<Value>> {
        elts.iter().map(|e| self.fold_const(e)).collect()
    }

    /// `const_value` plus the folding CPython's AST optimizer does on constant operands (unary and
    /// binary operators on numbers, str concatenation/repetition), where the result is safe to compute
    /// here. Used where folding decides the bytecode shape (constant set displays).
    fn fold_const(&self, e: &Expr) -> Option<Value> {
        if let Some(v) = self.const_value(e) {
            return Some(v);
        }
        match e {
            Expr::Tuple(t) if !t.elts.is_empty() => {
                let items: Option<Vec<Value>> = t.elts.iter().map(|x| self.fold_const(x)).collect();
                items.map(|v| Value::obj(Object::Tuple(v)))
            }
            Expr::UnaryOp(u) => {
                let v = self.fold_const(&u.operand)?;
                match (u.op, &v) {
                    (ast::UnaryOp::UAdd, Value::Float(_)) => Some(v),
                    (ast::UnaryOp::USub, Value::Float(f)) => Some(Value::Float(-f)),
                    (ast::UnaryOp::UAdd | ast::UnaryOp::USub | ast::UnaryOp::Invert, _) => {
                        let i = crate::vm::ops::as_int(&v)?.to_big();
                        Some(int_from_big(match u.op {
                            ast::UnaryOp::UAdd => i,
                            ast::UnaryOp::USub => -i,
                            _ => -(i + num_bigint::BigInt::from(1)),
                        }))
                    }
                    _ => None,
                }
            }
            Expr::BinOp(b) => fold_binop(
                b.op,
                &self.fold_const(&b.left)?,
                &self.fold_const(&b.right)?,
            ),
            _ => None,
        }
    }

    /// A frozenset constant made the way CPython 3.11 makes it: `frozenset(items)` (`new` + `add` in
    /// source order), rebuilt by the constant merger (`new` + `add` in the first table's order). An
    /// equal frozenset constant made earlier in the module (same elements, compared type-exactly as
    /// CPython's constant keys are) is reused, layout and all.
    fn frozenset_const(&mut self, items: Vec<Value>) -> Value {
        let f1 = build_const_frozenset(items.into_iter());
        let f2 = build_const_frozenset(f1.keys().into_iter());
        for c in &self.frozensets {
            if let Some(Object::FrozenSet(t)) = c.as_obj() {
                let same = t.len() == f2.len()
                    && f2.iter().all(|e| {
                        let r: Result<Option<usize>, ()> =
                            t.find(e.hash, |k| Ok(const_key_eq(k, &e.key)));
                        matches!(r, Ok(Some(_)))
                    });
                if same {
                    return c.clone();
                }
            }
        }
        let v = Value::obj(Object::FrozenSet(f2));
        self.frozensets.push(v.clone());
        v
    }

    fn sequence(&mut self, elts: &[Expr], build: Op) -> Result<(), CompileError> {
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !has_star {
            for x in elts {
                self.expr(x)?;
            }
            self.emit(build, elts.len() as u32);
            return Ok(());
        }
        let (start, add, extend) = match build {
            Op::BuildSet => (Op::BuildSet, Op::SetAdd, Op::SetUpdate),
            _ => (Op::BuildList, Op::ListAppend, Op::ListExtend),
        };
        self.emit(start, 0);
        for x in elts {
            match x {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(extend, 1);
                }
                other => {
                    self.expr(other)?;
                    self.emit(add, 1);
                }
            }
        }
        if build == Op::BuildTuple {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    fn dict(&mut self, d: &ast::ExprDict) -> Result<(), CompileError> {
        if d.items.iter().all(|i| i.key.is_some()) {
            for item in &d.items {
                self.expr(item.key.as_ref().expect("key"))?;
                self.expr(&item.value)?;
            }
            self.emit(Op::BuildMap, d.items.len() as u32);
            return Ok(());
        }
        self.emit(Op::BuildMap, 0);
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&item.value)?;
                    self.emit(Op::MapAdd, 1);
                }
                None => {
                    self.expr(&item.value)?;
                    self.emit(Op::DictUpdate, 1);
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &ast::ExprCall) -> Result<(), CompileError> {
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        // Zero-argument super() in a method: super(__class__, <first argument>).
        if let Expr::Name(n) = &*c.func {
            if &*n.id == "super"
                && args.is_empty()
                && kws.is_empty()
                && self.scope_of("__class__") == super::symtable::NameScope::Free
            {
                let first = self.units.last().and_then(|u| u.varnames.first().cloned());
                if let Some(first) = first.filter(|_| self.unit().argcount > 0) {
                    self.load_name("super");
                    self.load_name("__class__");
                    self.load_name(&first);
                    self.emit(Op::Call, 2);
                    return Ok(());
                }
            }
        }
        let simple = !args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && kws.iter().all(|k| k.arg.is_some());
        if simple {
            let kwnames: Vec<Value> = kws
                .iter()
                .map(|k| Value::str(k.arg.as_ref().expect("kw").id.as_str()))
                .collect();
            let method = matches!(&*c.func, Expr::Attribute(_));
            if let Expr::Attribute(a) = &*c.func {
                self.expr(&a.value)?;
                let ni = self.attr_idx(&a.attr.id);
                let old = self.set_line(a.range);
                self.attr_position(a);
                self.emit(Op::LoadMethod, ni);
                self.restore_line(old);
            } else {
                self.expr(&c.func)?;
            }
            for a in args.iter() {
                self.expr(a)?;
            }
            for k in kws.iter() {
                self.expr(&k.value)?;
            }
            let n = (args.len() + kws.len()) as u32;
            // Report a failing call at the call (a method call spanning lines: from the name on).
            let old = self.set_line(c.range());
            if let Expr::Attribute(a) = &*c.func {
                self.attr_position(a);
            }
            match (method, kwnames.is_empty()) {
                (true, true) => self.emit(Op::CallMethod, n),
                (false, true) => self.emit(Op::Call, n),
                (m, false) => {
                    self.emit_const(Value::obj(Object::Tuple(kwnames)));
                    self.emit(if m { Op::CallMethodKw } else { Op::CallKw }, n)
                }
            };
            self.restore_line(old);
            return Ok(());
        }
        // General form: callable, args tuple, kwargs dict → CallEx.
        self.expr(&c.func)?;
        self.emit(Op::BuildList, 0);
        for a in args.iter() {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Op::ListExtend, 1);
                }
                other => {
                    self.expr(other)?;
                    self.emit(Op::ListAppend, 1);
                }
            }
        }
        self.emit(Op::ListToTuple, 0);
        if kws.is_empty() {
            self.emit(Op::CallEx, 0);
            return Ok(());
        }
        self.emit(Op::BuildMap, 0);
        for k in kws.iter() {
            match &k.arg {
                Some(name) => {
                    self.emit_const(Value::str(&name.id));
                    self.expr(&k.value)?;
                    self.emit(Op::BuildMap, 1);
                    self.emit(Op::DictMerge, 1);
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge, 1);
                }
            }
        }
        self.emit(Op::CallEx, 1);
        Ok(())
    }

    fn fstring(&mut self, f: &ast::ExprFString) -> Result<(), CompileError> {
        let mut n = 0u32;
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => {
                    if !l.value.is_empty() {
                        self.emit_const(Value::str(&l.value));
                        n += 1;
                    }
                }
                ast::FStringPart::FString(fs) => {
                    for el in fs.elements.iter() {
                        n += self.fstring_element(el)?;
                    }
                }
            }
        }
        if n == 1 {
            // A lone literal or a lone formatted value is already a str.
            return Ok(());
        }
        if n == 0 {
            self.emit_const(Value::str(""));
            return Ok(());
        }
        self.emit(Op::BuildString, n);
        Ok(())
    }

    /// Emit one f-string element; returns how many strings it pushed.
    fn fstring_element(
        &mut self,
        el: &ast::InterpolatedStringElement,
    ) -> Result<u32, CompileError> {
        match el {
            ast::InterpolatedStringElement::Literal(l) => {
                if l.value.is_empty() {
                    return Ok(0);
                }
                self.emit_const(Value::str(&l.value));
                Ok(1)
            }
            ast::InterpolatedStringElement::Interpolation(i) => {
                let mut pushed = 0;
                let mut conv = match i.conversion {
                    ast::ConversionFlag::None => 0,
                    ast::ConversionFlag::Str => 1,
                    ast::ConversionFlag::Repr => 2,
                    ast::ConversionFlag::Ascii => 3,
                };
                if let Some(dbg) = &i.debug_text {
                    let text = format!(
                        "{}{}{}",
                        dbg.leading(),
                        &self.src[i.expression.range()],
                        dbg.trailing()
                    );
                    self.emit_const(Value::str(&text));
                    pushed += 1;
                    if conv == 0 && i.format_spec.is_none() {
                        conv = 2;
                    }
                }
                self.expr(&i.expression)?;
                let mut flags = conv;
                if let Some(spec) = &i.format_spec {
                    let mut n = 0;
                    for e in spec.elements.iter() {
                        n += self.fstring_element(e)?;
                    }
                    if n == 0 {
                        self.emit_const(Value::str(""));
                    } else if n > 1 {
                        self.emit(Op::BuildString, n);
                    }
                    flags |= 4;
                }
                self.emit(Op::FormatValue, flags);
                Ok(pushed + 1)
            }
        }
    }

    fn comprehension<T: ruff_text_size::Ranged>(
        &mut self,
        node: &T,
        name: &str,
        gens: &[ast::Comprehension],
        kind: Comp,
    ) -> Result<(), CompileError> {
        let scope = self
            .table
            .scope_for(node)
            .ok_or_else(|| self.error(gens[0].range, "internal: missing scope"))?;
        let line = self.unit().line;
        let is_async = self.table.scopes[scope].is_coroutine;
        let is_gen = matches!(kind, Comp::Gen(_));
        if is_async && !is_gen && !self.in_coroutine() {
            return Err(self.error(
                node.range(),
                "asynchronous comprehension outside of an asynchronous function",
            ));
        }
        let qual = self.child_qualname(name);
        // Closure over the comprehension's free variables.
        let freevars = self.table.scopes[scope].freevars.clone();
        let mut mflags = 0;
        if !freevars.is_empty() {
            for fv in &freevars {
                let i = self.cell_index(fv);
                self.emit(Op::LoadClosure, i);
            }
            self.emit(Op::BuildTuple, freevars.len() as u32);
            mflags |= 8;
        }
        // The comprehension's own code is at the comprehension's position (the enclosing
        // expression's, which `expr` set).
        let loc = self.loc();
        self.push_unit(scope, name.to_string(), qual, line);
        self.restore_line(loc);
        self.unit().argcount = 1;
        {
            let u = self.unit();
            if let Some(p) = u.varnames.iter().position(|v| v == ".0") {
                let v = u.varnames.remove(p);
                u.varnames.insert(0, v);
            }
        }
        let build = match kind {
            Comp::List(_) => Some(Op::BuildList),
            Comp::Set(_) => Some(Op::BuildSet),
            Comp::Dict(..) => Some(Op::BuildMap),
            Comp::Gen(_) => None,
        };
        if let Some(b) = build {
            self.emit(b, 0);
        }
        self.comp_generator(gens, 0, &kind, build.is_some() as u32)?;
        if build.is_none() {
            self.emit_const(Value::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.pop_unit();
        self.emit_const(Value::obj(Object::Code(Rc::new(code))));
        self.emit(Op::MakeFunction, mflags);
        self.iter_expr(&gens[0].iter)?;
        if gens[0].is_async {
            self.emit(Op::GetAIter, 0);
        } else {
            self.emit(Op::GetIter, 1);
        }
        self.emit(Op::Call, 1);
        if is_async && !is_gen {
            // Calling an async comprehension makes a coroutine; its value is the result.
            self.emit_await(0);
        }
        Ok(())
    }

    /// Loop `i` of a comprehension; `depth` is the value-stack depth below this loop's state (the result
    /// being built and the enclosing loops' state slots).
    fn comp_generator(
        &mut self,
        gens: &[ast::Comprehension],
        i: usize,
        kind: &Comp,
        depth: u32,
    ) -> Result<(), CompileError> {
        let g = &gens[i];
        if i == 0 {
            self.emit(Op::LoadFast, 0);
        } else {
            self.iter_expr(&g.iter)?;
            if g.is_async {
                self.emit(Op::GetAIter, 0);
            }
        }
        // An `async for` clause keeps its async iterator (one slot); a `for` clause three ForSetup slots.
        let (slots, top, exit, async_end) = if g.is_async {
            let (top, end) = self.async_comp_loop_start();
            (1, top, None, Some(end))
        } else {
            self.emit(Op::ForSetup, 0);
            let top = self.here();
            (3, top, Some(self.emit_jump(Op::ForIter)), None)
        };
        let depth = depth + slots;
        self.store_target(&g.target)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            skips.extend(self.cond_jump(cond, false)?);
        }
        if i + 1 < gens.len() {
            self.comp_generator(gens, i + 1, kind, depth)?;
        } else {
            // The loops' state slots are above the result being built.
            match kind {
                Comp::List(e) => {
                    self.expr(e)?;
                    self.emit(Op::ListAppend, depth);
                }
                Comp::Set(e) => {
                    self.expr(e)?;
                    self.emit(Op::SetAdd, depth);
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd, depth);
                }
                Comp::Gen(e) => {
                    self.expr(e)?;
                    let is_async = self.in_coroutine() as u32;
                    self.emit(Op::YieldValue, is_async);
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        for s in skips {
            self.patch_to(s, top as u32);
        }
        match (exit, async_end) {
            (Some(exit), _) => {
                self.emit(Op::JumpBackward, top as u32);
                self.patch(exit);
            }
            (None, Some(end)) => self.async_comp_loop_end(top, end, depth),
            (None, None) => unreachable!("a loop is sync or async"),
        }
        Ok(())
    }
}

enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    /// A generator expression: each element is yielded.
    Gen(&'a Expr),
}

pub(super) fn int_literal(i: &ast::Int) -> Value {
    if let Some(v) = i.as_i64() {
        return Value::Int(v);
    }
    let text = i.to_string().replace('_', "");
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d.to_string(), 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d.to_string(), 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d.to_string(), 2)
    } else {
        (lower, 10)
    };
    match num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix) {
        Some(b) => int_from_big(b),
        None => Value::Int(0),
    }
}

/// `hash()` of a compile-time constant (as `Vm::hash` computes it).
/// The table of a frozenset constant: `new` + `add` each item in order.
fn build_const_frozenset(items: impl Iterator<Item = Value>) -> SetTable {
    let mut t = SetTable::new();
    for v in items {
        let r: Result<bool, ()> = t.add(const_hash(&v), v.clone(), |k| Ok(values_eq(k, &v)));
        let _ = r;
    }
    t
}

pub(crate) fn const_hash(v: &Value) -> i64 {
    match v {
        Value::Int(i) => crate::hash::hash_i64(*i),
        Value::Bool(b) => *b as i64,
        Value::Float(f) => crate::hash::hash_f64(*f),
        Value::None => 0xFCA86420 >> 4,
        Value::Undef => 0,
        Value::Obj(o) => match &**o {
            Object::Str(s) => s.hash(),
            Object::Int(b) => crate::hash::hash_bigint(b),
            Object::Tuple(t) => {
                crate::hash::hash_tuple(t.iter().map(const_hash).collect::<Vec<_>>().into_iter())
            }
            Object::Bytes(b) => crate::hash::hash_bytes(b),
            Object::Complex(c) => crate::builtins::methods::complex::complex_hash(c),
            _ => (Rc::as_ptr(o) as *const u8 as usize >> 4) as i64,
        },
    }
}

/// Equality of CPython's constant keys (`_PyCode_ConstantKey`): values of different types never match
/// (`1`, `1.0`, `True`), nor do `0.0` and `-0.0`.
fn const_key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => {
            x == y && (*x != 0.0 || x.is_sign_negative() == y.is_sign_negative())
        }
        (Value::Obj(p), Value::Obj(q)) => match (&**p, &**q) {
            (Object::Str(s), Object::Str(t)) => s.as_str() == t.as_str(),
            (Object::Int(s), Object::Int(t)) => s == t,
            (Object::Bytes(s), Object::Bytes(t)) => s == t,
            (Object::Complex(s), Object::Complex(t)) => {
                s.re.to_bits() == t.re.to_bits() && s.im.to_bits() == t.im.to_bits()
            }
            (Object::Tuple(s), Object::Tuple(t)) => {
                s.len() == t.len() && s.iter().zip(t).all(|(x, y)| const_key_eq(x, y))
            }
            _ => false,
        },
        _ => false,
    }
}

/// CPython's AST folding of a binary operator on constants (`fold_binop` in ast_opt.c): computed with
/// the runtime's own operators, within CPython's `safe_*` limits (ints of at most 128 bits from `*`,
/// `**` and `<<`; strings of at most 4096 characters from `*`); an operation that would raise is not
/// folded. `None` means "not folded".
fn fold_binop(op: ast::Operator, a: &Value, b: &Value) -> Option<Value> {
    use crate::bytecode::BinOp;
    use crate::vm::ops::{as_f64, as_int, float_binop, int_binop};
    const MAX_INT_SIZE: u64 = 128;
    const MAX_STR_SIZE: usize = 4096;
    let bop = binop(op);
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        let (bx, by) = (x.to_big(), y.to_big());
        let (zx, zy) = (
            bx.sign() == num_bigint::Sign::NoSign,
            by.sign() == num_bigint::Sign::NoSign,
        );
        let ok = match bop {
            BinOp::Mul => zx || zy || bx.bits() + by.bits() <= MAX_INT_SIZE,
            BinOp::Pow if !zx && by.sign() == num_bigint::Sign::Plus => {
                by.to_u64().is_some_and(|w| bx.bits() <= MAX_INT_SIZE / w)
            }
            BinOp::LShift if !zx && !zy => by
                .to_u64()
                .is_some_and(|w| w <= MAX_INT_SIZE && bx.bits() <= MAX_INT_SIZE - w),
            _ => true,
        };
        return if ok { int_binop(bop, x, y).ok() } else { None };
    }
    if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
        let (x, y) = (as_f64(a)?.ok()?, as_f64(b)?.ok()?);
        return float_binop(bop, x, y).ok();
    }
    match (bop, a.as_str(), b.as_str()) {
        (BinOp::Add, Some(x), Some(y)) => Some(Value::from_string(format!("{x}{y}"))),
        (BinOp::Mul, Some(s), None) | (BinOp::Mul, None, Some(s)) => {
            let n = match as_int(if a.as_str().is_some() { b } else { a })? {
                crate::vm::ops::IntRef::Small(n) => n,
                crate::vm::ops::IntRef::Big(_) => return None,
            };
            let len = s.chars().count();
            if len > 0 && (n < 0 || n as usize > MAX_STR_SIZE / len) {
                return None;
            }
            Some(Value::from_string(s.repeat(n.max(0) as usize)))
        }
        _ => None,
    }
}
