//! Annotations. Module and class blocks that contain annotated assignments get an `__annotations__`
//! dict (`x: T = v` stores `T` under `'x'`); function definitions collect their parameter and return
//! annotations into the function's `__annotations__` (MakeFunction flag 4, a dict). Under
//! `from __future__ import annotations` (PEP 563) annotations are not evaluated: they are stored as
//! strings, unparsed from the AST the way CPython's `ast_unparse.c` prints them (normalised spacing,
//! quotes, parentheses), so `__annotations__` reads as in CPython.

use super::{CompileError, Compiler, ScopeKind};
use crate::bytecode::Op;
use crate::value::Value;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

/// The `from __future__ import ...` features CPython 3.11 knows (all but `annotations` are no-ops).
const FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Scan a module body for future statements: whether `annotations` is enabled, or CPython's
/// SyntaxError for an unknown feature or a future import after other statements.
pub(super) fn future_annotations(body: &[Stmt]) -> Result<bool, (TextRange, String)> {
    let mut enabled = false;
    let mut at_start = true;
    for (i, s) in body.iter().enumerate() {
        match s {
            Stmt::Expr(e) if i == 0 && matches!(&*e.value, Expr::StringLiteral(_)) => {}
            Stmt::ImportFrom(f) if f.module.as_deref() == Some("__future__") && f.level == 0 => {
                if !at_start {
                    return Err((
                        f.range,
                        "from __future__ imports must occur at the beginning of the file".into(),
                    ));
                }
                for a in &f.names {
                    let name = a.name.as_str();
                    if name == "braces" {
                        return Err((f.range, "not a chance".into()));
                    }
                    if !FEATURES.contains(&name) {
                        return Err((f.range, format!("future feature {} is not defined", name)));
                    }
                    enabled |= name == "annotations";
                }
            }
            _ => at_start = false,
        }
    }
    Ok(enabled)
}

/// CPython's `find_ann`: does this block (not counting nested functions and classes) contain an
/// annotated assignment?
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => {
            has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
        }
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| match h {
                    ast::ExceptHandler::ExceptHandler(h) => has_annotations(&h.body),
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

impl Compiler<'_> {
    /// Module and class prologue: `__annotations__ = {}` if the block has annotated assignments.
    pub(super) fn setup_annotations(&mut self, body: &[Stmt]) {
        if has_annotations(body) {
            self.emit(Op::BuildMap, 0);
            let i = self.name_idx("__annotations__");
            self.emit(Op::StoreName, i);
        }
    }

    /// Push an annotation's value: the evaluated expression, or its source form under PEP 563.
    fn annotation_value(&mut self, e: &Expr) -> Result<(), CompileError> {
        if self.future_annotations {
            let s = unparse(e, self.src);
            self.emit_const(Value::from_string(s));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    /// `target: annotation [= value]`.
    pub(super) fn ann_assign(&mut self, a: &ast::StmtAnnAssign) -> Result<(), CompileError> {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let in_function = !matches!(self.unit().kind, ScopeKind::Module | ScopeKind::Class);
        match &*a.target {
            Expr::Name(n) if a.simple => {
                if !in_function {
                    self.annotation_value(&a.annotation)?;
                    let i = self.name_idx("__annotations__");
                    self.emit(Op::LoadName, i);
                    self.emit_const(Value::str(&n.id));
                    self.emit(Op::StoreSubscr, 0);
                }
            }
            target => {
                // `obj.attr: T` / `obj[i]: T` without a value still evaluates the object (and the
                // index), and at module/class level the annotation, both discarded.
                if a.value.is_none() {
                    match target {
                        Expr::Attribute(at) => {
                            self.expr(&at.value)?;
                            self.emit(Op::PopTop, 0);
                        }
                        Expr::Subscript(sb) => {
                            self.expr(&sb.value)?;
                            self.emit(Op::PopTop, 0);
                            self.expr(&sb.slice)?;
                            self.emit(Op::PopTop, 0);
                        }
                        _ => {}
                    }
                }
                if !in_function && !self.future_annotations {
                    self.expr(&a.annotation)?;
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        Ok(())
    }

    /// Push a dict of a function's annotations (CPython's order: regular parameters, positional-only
    /// ones, `*args`, keyword-only, `**kwargs`, `return`). Returns false (pushing nothing) if it has none.
    pub(super) fn function_annotations(
        &mut self,
        params: &ast::Parameters,
        returns: Option<&Expr>,
    ) -> Result<bool, CompileError> {
        let mut items: Vec<(&str, &Expr)> = Vec::new();
        for p in params.args.iter().chain(params.posonlyargs.iter()) {
            if let Some(a) = &p.parameter.annotation {
                items.push((p.parameter.name.as_str(), a));
            }
        }
        if let Some(v) = &params.vararg {
            if let Some(a) = &v.annotation {
                items.push((v.name.as_str(), a));
            }
        }
        for p in params.kwonlyargs.iter() {
            if let Some(a) = &p.parameter.annotation {
                items.push((p.parameter.name.as_str(), a));
            }
        }
        if let Some(k) = &params.kwarg {
            if let Some(a) = &k.annotation {
                items.push((k.name.as_str(), a));
            }
        }
        if let Some(r) = returns {
            items.push(("return", r));
        }
        if items.is_empty() {
            return Ok(false);
        }
        for (name, e) in &items {
            self.emit_const(Value::str(name));
            self.annotation_value(e)?;
        }
        self.emit(Op::BuildMap, items.len() as u32);
        Ok(true)
    }
}

// ---- unparsing (CPython's ast_unparse.c) ---------------------------------------------------------------

// Precedence levels, lowest first.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1; // if-else, lambda
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6; // also `|`
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_ATOM: u8 = 15;

/// The source form CPython gives an annotation under PEP 563.
pub fn unparse(e: &Expr, src: &str) -> String {
    unparse_at(e, src, PR_TEST)
}

struct Unparser<'a> {
    src: &'a str,
    out: &'a mut String,
}

impl Unparser<'_> {
    fn s(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn open(&mut self, cond: bool) {
        if cond {
            self.s("(");
        }
    }

    fn close(&mut self, cond: bool) {
        if cond {
            self.s(")");
        }
    }

    fn list(&mut self, items: &[Expr], level: u8) {
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            self.expr(x, level);
        }
    }

    fn expr(&mut self, e: &Expr, level: u8) {
        match e {
            Expr::Name(n) => self.s(n.id.as_str()),
            Expr::NoneLiteral(_) => self.s("None"),
            Expr::BooleanLiteral(b) => self.s(if b.value { "True" } else { "False" }),
            Expr::EllipsisLiteral(_) => self.s("..."),
            Expr::StringLiteral(s) => {
                let r = crate::numfmt::py_str_repr(s.value.to_str());
                self.s(&r);
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                let r = crate::vm::text::bytes_repr(&bytes);
                self.s(&r);
            }
            Expr::NumberLiteral(n) => {
                let r = match &n.value {
                    ast::Number::Int(i) => crate::repr::const_repr(&super::expr::int_literal(i)),
                    ast::Number::Float(f) => float_literal(*f),
                    ast::Number::Complex { real, imag } => {
                        let mut im = float_literal(*imag);
                        if let Some(stripped) = im.strip_suffix(".0") {
                            im = stripped.to_string();
                        }
                        if *real == 0.0 {
                            format!("{}j", im)
                        } else {
                            format!("({}+{}j)", float_literal(*real), im)
                        }
                    }
                };
                self.s(&r);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value, PR_ATOM);
                // `1 .real`: an int literal needs a space before the dot.
                if let Expr::NumberLiteral(ast::ExprNumberLiteral {
                    value: ast::Number::Int(_),
                    ..
                }) = &*a.value
                {
                    self.s(" ");
                }
                self.s(".");
                self.s(a.attr.as_str());
            }
            Expr::Subscript(sb) => {
                self.expr(&sb.value, PR_ATOM);
                self.s("[");
                match &*sb.slice {
                    Expr::Tuple(t) if !t.elts.is_empty() => {
                        self.list(&t.elts, PR_TEST);
                        if t.elts.len() == 1 {
                            self.s(",");
                        }
                    }
                    other => self.expr(other, PR_TUPLE),
                }
                self.s("]");
            }
            Expr::Slice(sl) => {
                if let Some(x) = &sl.lower {
                    self.expr(x, PR_TEST);
                }
                self.s(":");
                if let Some(x) = &sl.upper {
                    self.expr(x, PR_TEST);
                }
                if let Some(x) = &sl.step {
                    self.s(":");
                    self.expr(x, PR_TEST);
                }
            }
            Expr::Starred(st) => {
                self.s("*");
                self.expr(&st.value, PR_EXPR);
            }
            Expr::Tuple(t) => {
                if t.elts.is_empty() {
                    self.s("()");
                } else {
                    let p = level > PR_TUPLE;
                    self.open(p);
                    self.list(&t.elts, PR_TEST);
                    if t.elts.len() == 1 {
                        self.s(",");
                    }
                    self.close(p);
                }
            }
            Expr::List(l) => {
                self.s("[");
                self.list(&l.elts, PR_TEST);
                self.s("]");
            }
            Expr::Set(st) => {
                self.s("{");
                self.list(&st.elts, PR_TEST);
                self.s("}");
            }
            Expr::Dict(d) => {
                self.s("{");
                for (i, item) in d.items.iter().enumerate() {
                    if i > 0 {
                        self.s(", ");
                    }
                    match &item.key {
                        Some(k) => {
                            self.expr(k, PR_TEST);
                            self.s(": ");
                            self.expr(&item.value, PR_TEST);
                        }
                        None => {
                            self.s("**");
                            self.expr(&item.value, PR_EXPR);
                        }
                    }
                }
                self.s("}");
            }
            Expr::Call(c) => {
                self.expr(&c.func, PR_ATOM);
                self.s("(");
                let args = &c.arguments;
                let lone_gen = args.args.len() == 1
                    && args.keywords.is_empty()
                    && matches!(&args.args[0], Expr::Generator(_));
                if lone_gen {
                    if let Expr::Generator(g) = &args.args[0] {
                        self.comprehension_body(&g.elt, None, &g.generators);
                    }
                } else {
                    let mut first = true;
                    for a in args.args.iter() {
                        if !first {
                            self.s(", ");
                        }
                        first = false;
                        self.expr(a, PR_TEST);
                    }
                    for k in args.keywords.iter() {
                        if !first {
                            self.s(", ");
                        }
                        first = false;
                        match &k.arg {
                            Some(name) => {
                                self.s(name.as_str());
                                self.s("=");
                                self.expr(&k.value, PR_TEST);
                            }
                            None => {
                                self.s("**");
                                self.expr(&k.value, PR_EXPR);
                            }
                        }
                    }
                }
                self.s(")");
            }
            Expr::BinOp(b) => {
                use ast::Operator as O;
                let pr = match b.op {
                    O::BitOr => PR_EXPR,
                    O::BitXor => PR_BXOR,
                    O::BitAnd => PR_BAND,
                    O::LShift | O::RShift => PR_SHIFT,
                    O::Add | O::Sub => PR_ARITH,
                    O::Mult | O::MatMult | O::Div | O::Mod | O::FloorDiv => PR_TERM,
                    O::Pow => PR_POWER,
                };
                let rassoc = (b.op == O::Pow) as u8;
                let p = level > pr;
                self.open(p);
                self.expr(&b.left, pr + rassoc);
                self.s(" ");
                self.s(b.op.as_str());
                self.s(" ");
                self.expr(&b.right, pr + 1 - rassoc);
                self.close(p);
            }
            Expr::UnaryOp(u) => {
                let (pr, text) = match u.op {
                    ast::UnaryOp::Not => (PR_NOT, "not "),
                    ast::UnaryOp::Invert => (PR_FACTOR, "~"),
                    ast::UnaryOp::UAdd => (PR_FACTOR, "+"),
                    ast::UnaryOp::USub => (PR_FACTOR, "-"),
                };
                let p = level > pr;
                self.open(p);
                self.s(text);
                self.expr(&u.operand, pr);
                self.close(p);
            }
            Expr::BoolOp(b) => {
                let pr = if b.op == ast::BoolOp::And {
                    PR_AND
                } else {
                    PR_OR
                };
                let p = level > pr;
                self.open(p);
                for (i, v) in b.values.iter().enumerate() {
                    if i > 0 {
                        self.s(" ");
                        self.s(b.op.as_str());
                        self.s(" ");
                    }
                    self.expr(v, pr + 1);
                }
                self.close(p);
            }
            Expr::Compare(c) => {
                let p = level > PR_CMP;
                self.open(p);
                self.expr(&c.left, PR_CMP + 1);
                for (op, x) in c.ops.iter().zip(c.comparators.iter()) {
                    self.s(" ");
                    self.s(op.as_str());
                    self.s(" ");
                    self.expr(x, PR_CMP + 1);
                }
                self.close(p);
            }
            Expr::If(i) => {
                let p = level > PR_TEST;
                self.open(p);
                self.expr(&i.body, PR_TEST + 1);
                self.s(" if ");
                self.expr(&i.test, PR_TEST + 1);
                self.s(" else ");
                self.expr(&i.orelse, PR_TEST);
                self.close(p);
            }
            Expr::Lambda(l) => {
                let p = level > PR_TEST;
                self.open(p);
                self.s("lambda");
                if let Some(params) = &l.parameters {
                    self.s(" ");
                    self.parameters(params);
                }
                self.s(": ");
                self.expr(&l.body, PR_TEST);
                self.close(p);
            }
            Expr::ListComp(c) => {
                self.s("[");
                self.comprehension_body(&c.elt, None, &c.generators);
                self.s("]");
            }
            Expr::SetComp(c) => {
                self.s("{");
                self.comprehension_body(&c.elt, None, &c.generators);
                self.s("}");
            }
            Expr::DictComp(c) => {
                self.s("{");
                if let Some(k) = &c.key {
                    self.comprehension_body(k, Some(&c.value), &c.generators);
                }
                self.s("}");
            }
            Expr::Generator(g) => {
                self.s("(");
                self.comprehension_body(&g.elt, None, &g.generators);
                self.s(")");
            }
            // f-strings and the rest: the source text.
            other => {
                let r = other.range();
                let text = self
                    .src
                    .get(r.start().to_usize()..r.end().to_usize())
                    .unwrap_or("");
                self.s(text);
            }
        }
    }

    fn comprehension_body(
        &mut self,
        elt: &Expr,
        value: Option<&Expr>,
        gens: &[ast::Comprehension],
    ) {
        self.expr(elt, PR_TEST);
        if let Some(v) = value {
            self.s(": ");
            self.expr(v, PR_TEST);
        }
        for g in gens {
            self.s(if g.is_async { " async for " } else { " for " });
            self.expr(&g.target, PR_TUPLE);
            self.s(" in ");
            self.expr(&g.iter, PR_TEST + 1);
            for cond in &g.ifs {
                self.s(" if ");
                self.expr(cond, PR_TEST + 1);
            }
        }
    }

    fn parameters(&mut self, p: &ast::Parameters) {
        let src = self.src;
        let param = |name: &str, default: Option<&Expr>| -> String {
            match default {
                Some(d) => format!("{}={}", name, unparse_at(d, src, PR_TEST)),
                None => name.to_string(),
            }
        };
        let mut parts: Vec<String> = Vec::new();
        for a in p.posonlyargs.iter() {
            parts.push(param(a.parameter.name.as_str(), a.default.as_deref()));
        }
        if !p.posonlyargs.is_empty() {
            parts.push("/".into());
        }
        for a in p.args.iter() {
            parts.push(param(a.parameter.name.as_str(), a.default.as_deref()));
        }
        match &p.vararg {
            Some(v) => parts.push(format!("*{}", v.name.as_str())),
            None if !p.kwonlyargs.is_empty() => parts.push("*".into()),
            None => {}
        }
        for a in p.kwonlyargs.iter() {
            parts.push(param(a.parameter.name.as_str(), a.default.as_deref()));
        }
        if let Some(k) = &p.kwarg {
            parts.push(format!("**{}", k.name.as_str()));
        }
        let joined = parts.join(", ");
        self.s(&joined);
    }
}

fn unparse_at(e: &Expr, src: &str, level: u8) -> String {
    let mut out = String::new();
    Unparser { src, out: &mut out }.expr(e, level);
    out
}

/// A float literal as CPython prints it (repr; infinity as `1e309`).
fn float_literal(f: f64) -> String {
    if f.is_infinite() {
        "1e309".into()
    } else {
        crate::numfmt::float_repr(f)
    }
}
