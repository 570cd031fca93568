//! Symbol tables: which names in each scope are locals, cells, free variables or globals.
//!
//! Pass 1 (`Builder`) walks the AST once, creating a scope per module/function/lambda/class/comprehension
//! and recording how each name is used there. Pass 2 (`resolve`) decides each name's storage, top-down so
//! that a function knows which of its locals inner functions capture (→ cells) and which names it merely
//! passes through to them (→ free in it too). The compiler then looks scopes up by AST node address.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    Comprehension,
}

/// Where a name lives.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NameScope {
    /// A fast local slot.
    Local,
    /// A local captured by an inner scope (stored in a cell).
    Cell,
    /// A variable of an enclosing function (in a cell passed in the closure).
    Free,
    /// `global x` or module level.
    GlobalExplicit,
    /// Not bound anywhere enclosing: globals then builtins.
    GlobalImplicit,
    /// Looked up in the namespace dict (class bodies).
    Name,
}

const BOUND: u8 = 1;
const USED: u8 = 2;
const PARAM: u8 = 4;
const GLOBAL: u8 = 8;
const NONLOCAL: u8 = 16;

pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Names in first-seen order with their use flags.
    order: Vec<String>,
    flags: HashMap<String, u8>,
    pub params: Vec<String>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    // Resolution results:
    pub scopes: HashMap<String, NameScope>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// A scope-creating AST node's source range → scope index. The range, not the node's address:
    /// the compiler compiles some statements from copies (a `finally` body inlined at every
    /// `return`/`break`/`continue` that leaves it), and no two scope-creating nodes share a range.
    by_node: HashMap<(u32, u32), usize>,
}

pub struct SymError {
    pub msg: String,
    pub range: TextRange,
    /// Too deeply nested: CPython's `RecursionError: maximum recursion depth exceeded during
    /// compilation` rather than a SyntaxError.
    pub too_deep: bool,
}

fn range_key<T: Ranged>(node: &T) -> (u32, u32) {
    let r = node.range();
    (r.start().into(), r.end().into())
}

impl SymbolTable {
    pub fn scope_for<T: Ranged>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&range_key(node)).copied()
    }

    pub fn build(module: &[Stmt]) -> Result<SymbolTable, SymError> {
        let mut b = Builder {
            t: SymbolTable {
                scopes: Vec::new(),
                by_node: HashMap::new(),
            },
            cur: 0,
            depth: 0,
        };
        b.push_scope(ScopeKind::Module, "<module>".into(), None::<&ast::StmtPass>);
        for s in module {
            b.stmt(s)?;
        }
        let mut t = b.t;
        t.resolve(0, &[])?;
        Ok(t)
    }

    /// Resolve scope `i`; `enclosing` lists the function scopes around it (innermost last) whose bound names
    /// an inner free reference can capture.
    fn resolve(&mut self, i: usize, enclosing: &[usize]) -> Result<(), SymError> {
        let kind = self.scopes[i].kind;
        let order = self.scopes[i].order.clone();
        let mut scopes = HashMap::new();
        for name in &order {
            let f = self.scopes[i].flags[name];
            let s = if f & GLOBAL != 0 {
                NameScope::GlobalExplicit
            } else if f & NONLOCAL != 0 {
                NameScope::Free
            } else if kind == ScopeKind::Module {
                NameScope::GlobalExplicit
            } else if f & (BOUND | PARAM) != 0 {
                if kind == ScopeKind::Class {
                    NameScope::Name
                } else {
                    NameScope::Local
                }
            } else if enclosing.iter().rev().any(|&e| self.binds(e, name)) {
                NameScope::Free
            } else if name == "__class__" && kind != ScopeKind::Class && self.has_class_ancestor(i)
            {
                // Methods see the class being defined through an implicit cell (for zero-arg super()).
                NameScope::Free
            } else if kind == ScopeKind::Class {
                NameScope::Name
            } else {
                NameScope::GlobalImplicit
            };
            scopes.insert(name.clone(), s);
        }
        // nonlocal must find a binding.
        for name in &order {
            if self.scopes[i].flags[name] & NONLOCAL != 0
                && !enclosing.iter().any(|&e| self.binds(e, name))
            {
                return Err(SymError {
                    msg: format!("no binding for nonlocal '{}' found", name),
                    range: TextRange::default(),
                    too_deep: false,
                });
            }
        }
        self.scopes[i].scopes = scopes;
        let mut inner_enclosing = enclosing.to_vec();
        if matches!(kind, ScopeKind::Function | ScopeKind::Comprehension) {
            inner_enclosing.push(i);
        }
        let children = self.scopes[i].children.clone();
        for c in children {
            self.resolve(c, &inner_enclosing)?;
            // Free names of the child: cells here if we bind them, else free here too (pass-through).
            let child_free = self.scopes[c].freevars.clone();
            for name in child_free {
                if name == "__class__" && kind == ScopeKind::Class {
                    self.scopes[i].scopes.insert(name.clone(), NameScope::Cell);
                    if !self.scopes[i].order.iter().any(|n| n == "__class__") {
                        self.scopes[i].order.push(name.clone());
                        self.scopes[i].flags.insert(name.clone(), 0);
                    }
                    continue;
                }
                let here = self.scopes[i].scopes.get(&name).copied();
                match here {
                    Some(NameScope::Local) | Some(NameScope::Cell) => {
                        self.scopes[i].scopes.insert(name, NameScope::Cell);
                    }
                    Some(NameScope::Free) => {}
                    _ if kind == ScopeKind::Class
                        && self.scopes[i].scopes.get(&name) == Some(&NameScope::Name) =>
                    {
                        // A class body's own names are not visible to its methods: pass the outer one through.
                        self.add_free(i, &name);
                    }
                    _ if kind != ScopeKind::Module => {
                        self.add_free(i, &name);
                    }
                    _ => {}
                }
            }
        }
        // Slot layout: params first (in order), then other locals in first-seen order.
        let s = &mut self.scopes[i];
        let mut varnames: Vec<String> = Vec::new();
        for p in &s.params {
            varnames.push(p.clone());
        }
        for name in &s.order {
            if s.scopes.get(name) == Some(&NameScope::Local) && !varnames.contains(name) {
                varnames.push(name.clone());
            }
        }
        let mut cellvars: Vec<String> = s
            .order
            .iter()
            .filter(|n| s.scopes.get(*n) == Some(&NameScope::Cell))
            .cloned()
            .collect();
        // CPython orders cellvars by name; any fixed order works for us.
        cellvars.sort();
        let mut freevars: Vec<String> = s
            .order
            .iter()
            .filter(|n| s.scopes.get(*n) == Some(&NameScope::Free))
            .cloned()
            .collect();
        for extra in s.freevars.drain(..) {
            if !freevars.contains(&extra) {
                freevars.push(extra);
            }
        }
        s.varnames = varnames;
        s.cellvars = cellvars;
        s.freevars = freevars;
        Ok(())
    }

    fn has_class_ancestor(&self, i: usize) -> bool {
        let mut p = self.scopes[i].parent;
        while let Some(j) = p {
            if self.scopes[j].kind == ScopeKind::Class {
                return true;
            }
            p = self.scopes[j].parent;
        }
        false
    }

    fn add_free(&mut self, i: usize, name: &str) {
        let s = &mut self.scopes[i];
        if s.kind != ScopeKind::Class {
            s.scopes.insert(name.to_string(), NameScope::Free);
            if !s.order.iter().any(|n| n == name) {
                s.order.push(name.to_string());
                s.flags.insert(name.to_string(), 0);
            }
        }
        if !s.freevars.iter().any(|n| n == name) {
            s.freevars.push(name.to_string());
        }
    }

    fn binds(&self, scope: usize, name: &str) -> bool {
        let s = &self.scopes[scope];
        match s.flags.get(name) {
            Some(f) => f & (BOUND | PARAM | NONLOCAL) != 0 && f & GLOBAL == 0,
            None => false,
        }
    }
}

struct Builder {
    t: SymbolTable,
    cur: usize,
    depth: u32,
}

/// Nesting of statements and expressions the compiler accepts. CPython's symtable allows three times
/// the recursion limit (so about 3000 for 1000); the compiler's own recursion follows the same tree, so
/// this bound also keeps it well inside the interpreter thread's stack.
const MAX_DEPTH: u32 = 2990;

impl Builder {
    fn push_scope<T: Ranged>(&mut self, kind: ScopeKind, name: String, node: Option<&T>) -> usize {
        let idx = self.t.scopes.len();
        let parent = if idx == 0 { None } else { Some(self.cur) };
        self.t.scopes.push(Scope {
            kind,
            name,
            parent,
            children: Vec::new(),
            order: Vec::new(),
            flags: HashMap::new(),
            params: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            scopes: HashMap::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
        });
        if let Some(p) = parent {
            self.t.scopes[p].children.push(idx);
        }
        if let Some(n) = node {
            self.t.by_node.insert(range_key(n), idx);
        }
        self.cur = idx;
        idx
    }

    fn add(&mut self, name: &str, flag: u8, range: TextRange) -> Result<(), SymError> {
        let s = &mut self.t.scopes[self.cur];
        let f = s.flags.entry(name.to_string()).or_insert_with(|| {
            s.order.push(name.to_string());
            0
        });
        if flag == GLOBAL || flag == NONLOCAL {
            let what = if flag == GLOBAL { "global" } else { "nonlocal" };
            if *f & PARAM != 0 {
                return Err(SymError {
                    msg: format!("name '{}' is parameter and {}", name, what),
                    range,
                    too_deep: false,
                });
            }
            if *f & USED != 0 {
                return Err(SymError {
                    msg: format!("name '{}' is used prior to {} declaration", name, what),
                    range,
                    too_deep: false,
                });
            }
            if *f & BOUND != 0 {
                return Err(SymError {
                    msg: format!("name '{}' is assigned to before {} declaration", name, what),
                    range,
                    too_deep: false,
                });
            }
            if (flag == GLOBAL && *f & NONLOCAL != 0) || (flag == NONLOCAL && *f & GLOBAL != 0) {
                return Err(SymError {
                    msg: format!("name '{}' is nonlocal and global", name),
                    range,
                    too_deep: false,
                });
            }
        }
        *f |= flag;
        Ok(())
    }

    fn bind(&mut self, name: &str, range: TextRange) -> Result<(), SymError> {
        self.add(name, BOUND, range)
    }

    fn enter(&mut self, r: TextRange) -> Result<(), SymError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(SymError {
                msg: "maximum recursion depth exceeded during compilation".into(),
                range: r,
                too_deep: true,
            });
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SymError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SymError> {
        self.enter(s.range())?;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn params(&mut self, p: &ast::Parameters) -> Result<(), SymError> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            self.param(&a.parameter.name.id, a.range())?;
        }
        for a in p.kwonlyargs.iter() {
            self.param(&a.parameter.name.id, a.range())?;
        }
        if let Some(v) = &p.vararg {
            self.param(&v.name.id, v.range())?;
        }
        if let Some(k) = &p.kwarg {
            self.param(&k.name.id, k.range())?;
        }
        Ok(())
    }

    fn param(&mut self, name: &str, range: TextRange) -> Result<(), SymError> {
        let s = &mut self.t.scopes[self.cur];
        if s.params.iter().any(|p| p == name) {
            return Err(SymError {
                msg: format!("duplicate argument '{}' in function definition", name),
                range,
                too_deep: false,
            });
        }
        s.params.push(name.to_string());
        self.add(name, PARAM, range)
    }

    /// Defaults and decorators are evaluated in the enclosing scope.
    fn param_defaults(&mut self, p: &ast::Parameters) -> Result<(), SymError> {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(ann) = &a.parameter.annotation {
                self.expr(ann)?;
            }
        }
        for v in p.vararg.iter().chain(p.kwarg.iter()) {
            if let Some(ann) = &v.annotation {
                self.expr(ann)?;
            }
        }
        Ok(())
    }

    fn stmt_inner(&mut self, s: &Stmt) -> Result<(), SymError> {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.param_defaults(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.bind(&f.name.id, f.name.range)?;
                let saved = self.cur;
                self.push_scope(ScopeKind::Function, f.name.id.to_string(), Some(f));
                self.t.scopes[self.cur].is_coroutine = f.is_async;
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.cur = saved;
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.bind(&c.name.id, c.name.range)?;
                let saved = self.cur;
                self.push_scope(ScopeKind::Class, c.name.id.to_string(), Some(c));
                self.stmts(&c.body)?;
                self.cur = saved;
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t)?;
                }
            }
            Stmt::TypeAlias(_) => {}
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                if let Expr::Name(n) = &*a.target {
                    self.add(&n.id, USED, n.range)?;
                }
                self.target(&a.target)?;
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                if self.t.scopes[self.cur].kind != ScopeKind::Function {
                    self.expr(&a.annotation)?;
                }
                self.target(&a.target)?;
            }
            Stmt::For(f) => {
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(&n.id, n.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&bound, a.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if &*a.name.id == "*" {
                        if matches!(
                            self.t.scopes[self.cur].kind,
                            ScopeKind::Function | ScopeKind::Comprehension
                        ) {
                            return Err(SymError {
                                msg: "import * only allowed at module level".into(),
                                range: i.range,
                                too_deep: false,
                            });
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.bind(&bound.id, a.range)?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.add(&n.id, GLOBAL, n.range)?;
                }
            }
            Stmt::Nonlocal(nl) => {
                if self.t.scopes[self.cur].kind == ScopeKind::Module {
                    return Err(SymError {
                        msg: "nonlocal declaration not allowed at module level".into(),
                        range: nl.range,
                        too_deep: false,
                    });
                }
                for n in &nl.names {
                    self.add(&n.id, NONLOCAL, n.range)?;
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), SymError> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value),
            P::MatchSingleton(_) => Ok(()),
            P::MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p)?;
                }
                Ok(())
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for p in &m.patterns {
                    self.pattern(p)?;
                }
                if let Some(r) = &m.rest {
                    self.bind(&r.id, r.range)?;
                }
                Ok(())
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for p in c.arguments.patterns.iter() {
                    self.pattern(p)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.pattern(&k.pattern)?;
                }
                Ok(())
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(&n.id, n.range)?;
                }
                Ok(())
            }
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.bind(&n.id, n.range)?;
                }
                Ok(())
            }
            P::MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p)?;
                }
                Ok(())
            }
        }
    }

    /// An assignment target.
    fn target(&mut self, e: &Expr) -> Result<(), SymError> {
        match e {
            Expr::Name(n) => self.bind(&n.id, n.range),
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.target(x)?;
                }
                Ok(())
            }
            Expr::List(l) => {
                for x in &l.elts {
                    self.target(x)?;
                }
                Ok(())
            }
            Expr::Starred(s) => self.target(&s.value),
            other => self.expr(other),
        }
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SymError> {
        self.enter(e.range())?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn comprehension<T: Ranged>(
        &mut self,
        node: &T,
        name: &str,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
    ) -> Result<(), SymError> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter)?;
        let saved = self.cur;
        let comp = self.push_scope(ScopeKind::Comprehension, name.to_string(), Some(node));
        self.param(".0", TextRange::default())?;
        if gens.iter().any(|g| g.is_async) {
            self.t.scopes[self.cur].is_coroutine = true;
        }
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        if name == "<genexpr>" {
            self.t.scopes[self.cur].is_generator = true;
        }
        self.cur = saved;
        // An async list/set/dict comprehension is awaited where it is used, which makes an enclosing
        // comprehension async too (an async generator expression is not awaited).
        if self.t.scopes[comp].is_coroutine
            && name != "<genexpr>"
            && self.t.scopes[saved].kind == ScopeKind::Comprehension
        {
            self.t.scopes[saved].is_coroutine = true;
        }
        Ok(())
    }

    fn expr_inner(&mut self, e: &Expr) -> Result<(), SymError> {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v)?;
                }
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                // Walrus in a comprehension binds in the nearest enclosing non-comprehension scope.
                let saved = self.cur;
                while self.t.scopes[self.cur].kind == ScopeKind::Comprehension {
                    self.cur = self.t.scopes[self.cur].parent.unwrap_or(0);
                }
                let target_scope = self.cur;
                self.target(&n.target)?;
                self.cur = saved;
                if target_scope != saved {
                    if let Expr::Name(nm) = &*n.target {
                        // Inside the comprehension the name is free (resolved to the outer binding).
                        self.add(&nm.id, NONLOCAL, nm.range).ok();
                        if self.t.scopes[target_scope].kind == ScopeKind::Module {
                            let s = &mut self.t.scopes[saved];
                            if let Some(f) = s.flags.get_mut(&nm.id.to_string()) {
                                *f = (*f & !NONLOCAL) | GLOBAL;
                            }
                        }
                    }
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults(p)?;
                }
                let saved = self.cur;
                self.push_scope(ScopeKind::Function, "<lambda>".into(), Some(l));
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.cur = saved;
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k)?;
                    }
                    self.expr(&item.value)?;
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.expr(x)?;
                }
            }
            Expr::ListComp(c) => self.comprehension(c, "<listcomp>", &c.generators, &[&c.elt])?,
            Expr::SetComp(c) => self.comprehension(c, "<setcomp>", &c.generators, &[&c.elt])?,
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = vec![&c.value];
                if let Some(k) = &c.key {
                    elts.insert(0, k);
                }
                self.comprehension(c, "<dictcomp>", &c.generators, &elts)?
            }
            Expr::Generator(g) => self.comprehension(g, "<genexpr>", &g.generators, &[&g.elt])?,
            Expr::Await(a) => {
                if self.t.scopes[self.cur].kind == ScopeKind::Comprehension {
                    self.t.scopes[self.cur].is_coroutine = true;
                }
                self.expr(&a.value)?
            }
            Expr::Yield(y) => {
                self.t.scopes[self.cur].is_generator = true;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.t.scopes[self.cur].is_generator = true;
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                for x in c.comparators.iter() {
                    self.expr(x)?;
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value)?;
                }
                // Zero-argument super() needs __class__ and the first argument: mark usage.
                if let Expr::Name(n) = &*c.func {
                    if &*n.id == "super" && c.arguments.args.is_empty() {
                        self.add("__class__", USED, n.range)?;
                    }
                }
            }
            Expr::FString(f) => {
                for el in f.value.elements() {
                    self.fstring_element(el)?;
                }
            }
            Expr::TString(_) => {}
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => match n.ctx {
                ast::ExprContext::Load => self.add(&n.id, USED, n.range)?,
                _ => self.bind(&n.id, n.range)?,
            },
            Expr::List(l) => {
                for x in &l.elts {
                    self.expr(x)?;
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.expr(x)?;
                }
            }
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }

    fn fstring_element(&mut self, el: &ast::InterpolatedStringElement) -> Result<(), SymError> {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            self.expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                for e in spec.elements.iter() {
                    self.fstring_element(e)?;
                }
            }
        }
        Ok(())
    }
}
