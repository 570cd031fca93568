//! Compiler: ruff AST → pvm bytecode.
//!
//! `compile_module` parses, builds the symbol table (symtable.rs), then walks the tree emitting one
//! `Code` per scope. Statements are here, expressions in expr.rs. Each instruction records the current
//! source line for tracebacks. Constructs pvm does not implement yet compile to `Op::NotImplemented`,
//! which raises `NotImplementedError` naming the construct if it is reached.

mod annotations;
mod asyncs;
mod exceptions;
mod expr;
mod patterns;
pub(crate) use expr::const_hash;
mod limits;
pub mod symtable;

use crate::bytecode::{BinOp, Instr, Op, ARG_MAX};
use crate::code::{flags, Code, Source};
use crate::object::Object;
use crate::value::Value;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_source_file::LineIndex;
use ruff_text_size::{Ranged, TextRange, TextSize};
use std::collections::HashMap;
use std::rc::Rc;
use symtable::{NameScope, ScopeKind, SymbolTable};

/// A compile-time error, reported as CPython reports a SyntaxError.
#[derive(Debug, Clone)]
pub struct CompileError {
    /// "SyntaxError", "IndentationError", "TabError".
    pub kind: &'static str,
    pub msg: String,
    pub filename: String,
    pub line: u32,
    /// 1-based column of the caret (in characters), and of its end.
    pub col: u32,
    pub end_col: u32,
    pub text: Option<String>,
}

impl CompileError {
    /// CPython's error for source nested too deeply for its compiler (no location is printed).
    pub fn too_deep(filename: &str) -> CompileError {
        CompileError {
            kind: "RecursionError",
            msg: "maximum recursion depth exceeded during compilation".into(),
            filename: filename.to_string(),
            line: 0,
            col: 0,
            end_col: 0,
            text: None,
        }
    }
}

struct LoopCtx {
    /// `fblocks.len()` inside the loop: a break/continue leaves the blocks above it.
    fblock_level: usize,
    continue_target: usize,
    break_jumps: Vec<usize>,
    /// Value-stack slots the loop keeps (a `for` loop's three ForSetup slots, an `async for`'s iterator):
    /// `break` pops them.
    state_slots: u32,
}

struct Unit {
    scope: usize,
    kind: ScopeKind,
    name: String,
    qualname: String,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    /// Source range of each instruction (see `Code::spans`).
    spans: Vec<(u32, u32)>,
    /// The second load's range of each fused `LoadFast2` (see `Code::fused_spans`).
    fused_spans: Vec<(u32, u32, u32)>,
    consts: Vec<Value>,
    const_keys: HashMap<ConstKey, u32>,
    names: Vec<Value>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    loops: Vec<LoopCtx>,
    /// Blocks a return/break/continue must leave properly (handlers, finally bodies, loops).
    fblocks: Vec<exceptions::FBlock>,
    /// Value-stack depth at statement boundaries here (for-loop state slots, a pending exception).
    stmt_depth: u32,
    exc_table: Vec<crate::code::ExcEntry>,
    /// `(fblock index, start, end)`: code that leaves that block (its inlined exit and the outer ones,
    /// for a `return`, `break` or `continue`), which the block's own handler must not cover.
    holes: Vec<(usize, u32, u32)>,
    /// Index of the newest jump target: no instruction may be fused across it.
    label: usize,
    line: u32,
    /// The source range of the innermost node being compiled: CPython's instruction position.
    span: (u32, u32),
    firstlineno: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    doc: Value,
    /// The class whose private names (`__x` → `_C__x`) this unit mangles: the innermost enclosing class.
    private: Option<String>,
}

/// Where CPython's `compiler_jump_if` leaves the position after compiling condition `e`: at the last
/// comparison it compiled (it sets no position for other expressions).
fn jump_if_position(e: &Expr) -> Option<TextRange> {
    match e {
        Expr::Compare(c) => Some(c.range),
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => jump_if_position(&u.operand),
        Expr::BoolOp(b) => b.values.iter().filter_map(jump_if_position).last(),
        Expr::If(i) => [&i.test, &i.body, &i.orelse]
            .into_iter()
            .filter_map(|x| jump_if_position(x))
            .last(),
        _ => None,
    }
}

/// An instruction's position: its line and its source range (byte offsets). The line is usually the
/// range's first line, but CPython reports a method call or attribute spanning lines at the attribute.
#[derive(Clone, Copy)]
struct Loc {
    line: u32,
    span: (u32, u32),
}

#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(String),
    Other(usize),
}

pub struct Compiler<'s> {
    src: &'s str,
    lines: LineIndex,
    table: SymbolTable,
    source: Rc<Source>,
    units: Vec<Unit>,
    /// Interactive mode: expression statements at module level print their value.
    interactive: bool,
    /// One str object per distinct name in the module, so that namespace lookups usually match by
    /// pointer (the key stored by `x = ...` is the very object `LoadGlobal x` looks up).
    interned: HashMap<String, Value>,
    /// The frozenset constants made so far in this module (constant set displays, `for x in {...}`,
    /// `x in {...}`): like CPython's constant cache, an equal later one reuses the first's object, whose
    /// table layout (iteration order) may differ from what building it again would give.
    frozensets: Vec<Value>,
    depth: u32,
    /// `from __future__ import annotations`: annotations are stored as strings, never evaluated.
    future_annotations: bool,
    /// The statement being compiled (for errors found while compiling its parts).
    stmt_range: TextRange,
    /// `exec`/`eval` with a separate locals mapping: module-level names use `LoadName`/`StoreName`.
    module_names: bool,
}

/// A backstop for the compiler's own recursion: the symbol table pass (same tree, `MAX_DEPTH` there)
/// normally rejects deeper source first.
const MAX_NESTING: u32 = 3000;

pub fn compile_module(src: &str, filename: &str) -> Result<Rc<Code>, CompileError> {
    compile_source(src, filename, Mode::default())
}

/// Compile for `exec()`/`eval()` (`eval`: the source must be one expression, whose value the code
/// returns). `names`: module-level names go through the frame's locals namespace (`LoadName`/
/// `StoreName`, as in a class body), for a locals mapping other than the globals.
pub fn compile_dynamic(
    src: &str,
    filename: &str,
    eval: bool,
    names: bool,
) -> Result<Rc<Code>, CompileError> {
    let mode = Mode {
        eval,
        names,
        ..Mode::default()
    };
    compile_source(src, filename, mode)
}

/// How `compile_source` compiles the module unit.
#[derive(Default, Clone, Copy)]
struct Mode {
    /// REPL: expression statements print their repr.
    interactive: bool,
    /// One expression whose value is returned.
    eval: bool,
    /// Module-level names are namespace (`LoadName`) names rather than globals.
    names: bool,
}

/// Compile for the REPL: expression statements print their repr.
pub fn compile_interactive(src: &str, filename: &str) -> Result<Rc<Code>, CompileError> {
    let mode = Mode {
        interactive: true,
        ..Mode::default()
    };
    compile_source(src, filename, mode)
}

fn compile_source(src: &str, filename: &str, mode: Mode) -> Result<Rc<Code>, CompileError> {
    let lines = LineIndex::from_source_text(src);
    let source = Rc::new(Source {
        filename: filename.into(),
        text: src.into(),
    });
    if src.contains('\t') {
        if let Some(line) = check_tabs(src) {
            let text = src.lines().nth(line - 1).map(|t| t.to_string());
            return Err(CompileError {
                kind: "TabError",
                msg: "inconsistent use of tabs and spaces in indentation".into(),
                filename: filename.to_string(),
                line: line as u32,
                // CPython shows no caret for indentation errors found by the tokenizer.
                col: 0,
                end_col: 2,
                text,
            });
        }
    }
    if src.contains('\0') {
        // CPython's message for source given as a string (imports, exec); `run_main` reports a
        // script file's NUL with its line.
        return Err(CompileError {
            kind: "SyntaxError",
            msg: "source code string cannot contain null bytes".into(),
            filename: filename.to_string(),
            line: 0,
            col: 0,
            end_col: 0,
            text: None,
        });
    }
    let parsed = ruff_python_parser::parse_unchecked(
        src,
        ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module),
    );
    let first_error = parsed.errors().first().map(|e| e.location.start());
    if let Some(e) = limits::check_nesting(src, &lines, filename, parsed.tokens(), first_error) {
        return Err(e);
    }
    let Some(parsed) = parsed.try_into_module() else {
        unreachable!("Mode::Module parses a module")
    };
    if let Some(e) = parsed.errors().first() {
        return Err(syntax_error_from_parse(src, &lines, filename, e));
    }
    let module = parsed.syntax();
    let table = SymbolTable::build(&module.body).map_err(|e| {
        if e.too_deep {
            return CompileError::too_deep(filename);
        }
        let mut err = error_at(src, &lines, filename, e.range, e.msg);
        if err.line == 0 {
            err.line = 1;
        }
        err
    })?;
    let future_annotations = annotations::future_annotations(&module.body)
        .map_err(|(range, msg)| error_at(src, &lines, filename, range, msg))?;
    let mut c = Compiler {
        src,
        lines,
        table,
        future_annotations,
        source,
        units: Vec::new(),
        interactive: mode.interactive,
        module_names: mode.names,
        depth: 0,
        interned: HashMap::new(),
        frozensets: Vec::new(),
        stmt_range: TextRange::default(),
    };
    c.push_unit(0, "<module>".into(), "<module>".into(), 1);
    if mode.eval {
        let [Stmt::Expr(e)] = &module.body[..] else {
            let range = module.body.first().map(|s| s.range()).unwrap_or_default();
            return Err(error_at(
                src,
                &c.lines,
                filename,
                range,
                "invalid syntax".into(),
            ));
        };
        c.expr(&e.value)?;
        c.emit(Op::ReturnValue, 0);
        return Ok(Rc::new(c.pop_unit()));
    }
    if !mode.interactive {
        if let Some(Stmt::Expr(e)) = module.body.first() {
            if let Expr::StringLiteral(sl) = &*e.value {
                c.emit_const(Value::str(sl.value.to_str()));
                c.store_name("__doc__");
            }
        }
    }
    c.setup_annotations(&module.body);
    c.stmts(&module.body)?;
    c.emit_const(Value::None);
    c.emit(Op::ReturnValue, 0);
    Ok(Rc::new(c.pop_unit()))
}

fn error_at(
    src: &str,
    lines: &LineIndex,
    filename: &str,
    range: TextRange,
    msg: String,
) -> CompileError {
    let start = range
        .start()
        .min(TextSize::try_from(src.len()).unwrap_or_default());
    let lc = lines.line_column(start, src);
    let line = lc.line.get() as u32;
    let text = src
        .split('\n')
        .nth(line as usize - 1)
        .map(|s| s.trim_end_matches('\r').to_string());
    let col = lc.column.get() as u32;
    let end = range
        .end()
        .min(TextSize::try_from(src.len()).unwrap_or_default());
    let elc = lines.line_column(end, src);
    // A range spanning lines is marked to the end of its first line, as CPython does.
    let end_col = if elc.line == lc.line {
        elc.column.get() as u32
    } else {
        text.as_ref()
            .map_or(col + 1, |t| t.trim_end().chars().count() as u32 + 1)
    };
    CompileError {
        kind: "SyntaxError",
        msg,
        filename: filename.to_string(),
        line,
        col,
        end_col,
        text,
    }
}

fn syntax_error_from_parse(
    src: &str,
    lines: &LineIndex,
    filename: &str,
    e: &ruff_python_parser::ParseError,
) -> CompileError {
    let raw = e.error.to_string();
    if std::env::var_os("PVM_DEBUG_PARSE").is_some() {
        eprintln!("ruff: {}", raw);
    }
    use ruff_python_parser::ParseErrorType;
    let mut range = e.location;
    let mut kind = "SyntaxError";
    let (mut no_caret, mut past_end) = (false, false);
    let lower = raw.to_lowercase();
    let msg = if let Some(rest) = raw.strip_prefix("Expected an indented block after ") {
        kind = "IndentationError";
        // CPython names the statement and the line it starts on.
        let what = rest
            .replace('`', "'")
            .replace(" clause", " statement")
            .replace("'class' definition", "class definition");
        let err_line = lines.line_index(range.start()).get();
        let header = header_line_before(src, err_line);
        // One caret, at the start of the unindented line.
        range = TextRange::empty(range.start());
        format!(
            "expected an indented block after {} on line {}",
            what, header
        )
    } else if lower.contains("unexpected indentation") {
        kind = "IndentationError";
        no_caret = true;
        "unexpected indent".to_string()
    } else if lower.contains("unindent") || lower.contains("dedent") {
        kind = "IndentationError";
        // CPython's caret is just past the end of the line.
        let start = range.start().to_usize().min(src.len());
        let line_end = src[start..].find('\n').map_or(src.len(), |i| start + i);
        let end = src[..line_end].trim_end_matches('\r').len();
        range = TextRange::empty(TextSize::from(end as u32));
        past_end = true;
        "unindent does not match any outer indentation level".to_string()
    } else if lower.contains("unexpected eof") {
        match unclosed_bracket(src, src.len()) {
            Some((pos, c)) => {
                range = TextRange::new(TextSize::from(pos as u32), TextSize::from(pos as u32 + 1));
                format!("'{}' was never closed", c)
            }
            None => "unexpected EOF while parsing".to_string(),
        }
    } else if raw == "Expected an imaginary number in complex literal pattern" {
        "imaginary number required in complex literal".to_string()
    } else if raw == "Expected a real number in complex literal pattern" {
        "real number required in complex literal".to_string()
    } else if raw == "cannot use '_' as a target" {
        raw.clone()
    } else if raw == "Cannot have both 'except' and 'except*' on the same 'try'"
        || raw == "Expected one or more exception types"
    {
        // CPython marks the offending clause's `except` keyword.
        let at = range.start().to_usize().min(src.len());
        if raw.starts_with("Cannot") && src[at..].starts_with("except") {
            range = TextRange::at(range.start(), TextSize::from(6));
        }
        // CPython's wording, lower-cased.
        let mut m = raw.clone();
        m[..1].make_ascii_lowercase();
        m
    } else if raw == "Positional patterns cannot follow keyword patterns" {
        "positional patterns follow keyword patterns".to_string()
    } else if raw.starts_with("Expected `:`") {
        "expected ':'".to_string()
    } else if lower.contains("unterminated triple-quoted") {
        let line = lines.line_index(range.start()).get();
        format!(
            "unterminated triple-quoted string literal (detected at line {})",
            line
        )
    } else if lower.contains("missing closing quote") || lower.contains("unterminated string") {
        let line = lines.line_index(range.start()).get();
        range = TextRange::empty(range.start());
        format!("unterminated string literal (detected at line {})", line)
    } else if matches!(e.error, ParseErrorType::InvalidAssignmentTarget) {
        assign_target_message(src, range)
    } else {
        // CPython: a generic syntax error on a line after an unclosed bracket reports that bracket.
        let at = (range.start().to_usize()).min(src.len());
        match unclosed_bracket(src, at) {
            Some((pos, c))
                if lines.line_index(TextSize::from(pos as u32))
                    < lines.line_index(range.start()) =>
            {
                range = TextRange::new(TextSize::from(pos as u32), TextSize::from(pos as u32 + 1));
                format!("'{}' was never closed", c)
            }
            _ => "invalid syntax".to_string(),
        }
    };
    let mut err = error_at(src, lines, filename, range, msg);
    err.kind = kind;
    if no_caret {
        err.col = 0;
    }
    if past_end {
        err.end_col = err.col + 1;
    }
    err
}

/// CPython's words for an invalid assignment target (`1 = x`, `f() = 1`, `None = 1`), from the target's
/// text; "here. Maybe you meant '==' ..." when it is the target of a plain `=`.
fn assign_target_message(src: &str, range: TextRange) -> String {
    let (a, b) = (range.start().to_usize(), range.end().to_usize());
    let text = src.get(a..b).unwrap_or("").trim();
    let what = match text {
        "None" | "True" | "False" | "__debug__" => return format!("cannot assign to {}", text),
        "..." => "ellipsis",
        _ if text.starts_with(|c: char| c.is_ascii_digit() || c == '\'' || c == '"') => "literal",
        _ if text.ends_with(')') && !text.starts_with('(') => "function call",
        _ => "expression",
    };
    let after = src.get(b..).unwrap_or("").trim_start_matches([' ', '\t']);
    if after.starts_with('=') && !after.starts_with("==") {
        format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            what
        )
    } else {
        format!("cannot assign to {}", what)
    }
}

/// The 1-based line of the compound-statement header that precedes `err_line`.
fn header_line_before(src: &str, err_line: usize) -> usize {
    let all: Vec<&str> = src.lines().collect();
    let mut i = err_line.min(all.len() + 1);
    while i > 1 {
        i -= 1;
        let t = all[i - 1].trim_end();
        if t.ends_with(':') {
            return i;
        }
    }
    err_line.saturating_sub(1).max(1)
}

/// Byte offset and character of the innermost bracket still open at byte `upto` (skipping strings and
/// comments).
fn unclosed_bracket(src: &str, upto: usize) -> Option<(usize, char)> {
    let b = &src.as_bytes()[..upto.min(src.len())];
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'\'' | b'"') => {
                let triple = i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q;
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if triple {
                        if i + 2 < b.len() && b[i] == q && b[i + 1] == q && b[i + 2] == q {
                            i += 2;
                            break;
                        }
                    } else if b[i] == q || b[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            c @ (b'(' | b'[' | b'{') => stack.push((i, c as char)),
            b')' | b']' | b'}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack.last().copied()
}

/// CPython's TabError rule: indentation must compare the same with tabs as 8 columns and as 1 column.
fn check_tabs(src: &str) -> Option<usize> {
    let mut stack8: Vec<usize> = vec![0];
    let mut stack1: Vec<usize> = vec![0];
    let mut depth = 0i32;
    for (n, line) in src.lines().enumerate() {
        let body = line.trim_start_matches([' ', '\t']);
        if depth == 0 && !body.is_empty() && !body.starts_with('#') {
            let ws = &line[..line.len() - body.len()];
            let (mut c8, mut c1) = (0usize, 0usize);
            for ch in ws.chars() {
                if ch == '\t' {
                    c8 = (c8 / 8 + 1) * 8;
                } else {
                    c8 += 1;
                }
                c1 += 1;
            }
            let (t8, t1) = (*stack8.last().unwrap_or(&0), *stack1.last().unwrap_or(&0));
            if (c8 > t8) != (c1 > t1) || (c8 == t8) != (c1 == t1) {
                return Some(n + 1);
            }
            if c8 > t8 {
                stack8.push(c8);
                stack1.push(c1);
            } else {
                while stack8.len() > 1 && c8 < *stack8.last().unwrap_or(&0) {
                    stack8.pop();
                    stack1.pop();
                }
                if stack8.last() == Some(&c8) && stack1.last() != Some(&c1) {
                    return Some(n + 1);
                }
            }
        }
        for ch in body.chars() {
            match ch {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                '#' => break,
                _ => {}
            }
        }
        depth = depth.max(0);
    }
    None
}

impl<'s> Compiler<'s> {
    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("compiler unit")
    }

    fn push_unit(&mut self, scope: usize, name: String, qualname: String, firstlineno: u32) {
        let s = &self.table.scopes[scope];
        let mut flags = 0;
        if matches!(s.kind, ScopeKind::Module | ScopeKind::Class) {
            flags |= flags::NAMESPACE;
        }
        if s.is_generator {
            flags |= flags::GENERATOR;
        }
        if s.is_coroutine {
            flags |= flags::COROUTINE;
        }
        let private = match s.kind {
            ScopeKind::Class => Some(name.clone()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let unit = Unit {
            private,
            scope,
            kind: s.kind,
            name,
            qualname,
            instrs: Vec::new(),
            lines: Vec::new(),
            spans: Vec::new(),
            fused_spans: Vec::new(),
            consts: Vec::new(),
            const_keys: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: s.varnames.clone(),
            cellvars: s.cellvars.clone(),
            freevars: s.freevars.clone(),
            loops: Vec::new(),
            fblocks: Vec::new(),
            stmt_depth: 0,
            exc_table: Vec::new(),
            holes: Vec::new(),
            label: 0,
            line: firstlineno,
            span: (0, 0),
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags,
            doc: Value::None,
        };
        self.units.push(unit);
    }

    fn pop_unit(&mut self) -> Code {
        let u = self.units.pop().expect("compiler unit");
        let stacksize = compute_stacksize(&u.instrs, &u.exc_table);
        let cell2arg = u
            .cellvars
            .iter()
            .map(|c| {
                let nargs = (u.argcount + u.kwonlyargcount) as usize
                    + (u.flags & flags::VARARGS != 0) as usize
                    + (u.flags & flags::VARKEYWORDS != 0) as usize;
                u.varnames
                    .iter()
                    .take(nargs)
                    .position(|v| v == c)
                    .map(|p| p as u32)
            })
            .collect();
        let simple = u.flags
            & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE)
            == 0
            && u.kwonlyargcount == 0
            && u.cellvars.is_empty()
            && u.freevars.is_empty();
        let counters = (0..u.instrs.len())
            .map(|_| std::cell::Cell::new(0))
            .collect();
        let global_cache = (0..u.names.len())
            .map(|_| crate::code::GlobalCache::empty())
            .collect();
        let attr_cache = (0..u.names.len())
            .map(|_| crate::code::AttrCache::empty())
            .collect();
        Code {
            exc_table: u.exc_table,
            counters,
            simple,
            global_cache,
            attr_cache,
            doc: u.doc,
            name: u.name.into(),
            qualname: u.qualname.into(),
            source: self.source.clone(),
            instrs: u.instrs,
            lines: u.lines,
            spans: u.spans,
            fused_spans: u.fused_spans,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames.into_iter().map(|s| s.into()).collect(),
            cellvars: u.cellvars.into_iter().map(|s| s.into()).collect(),
            freevars: u.freevars.into_iter().map(|s| s.into()).collect(),
            cell2arg,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: u.flags,
            firstlineno: u.firstlineno,
            stacksize,
        }
    }

    // ---- emission -------------------------------------------------------------------------------------

    fn emit(&mut self, op: Op, arg: u32) -> usize {
        let u = self.unit();
        let (line, span) = (u.line, u.span);
        // Superinstructions for the commonest pairs, fused unless the second is a jump target.
        let n = u.instrs.len();
        if n > 0 && u.label != n && u.lines[n - 1] == line {
            let prev = u.instrs[n - 1];
            if op == Op::LoadFast
                && prev.op() == Op::LoadFast
                && arg < 0x1000
                && prev.arg() < 0x1000
            {
                u.instrs[n - 1] = Instr::new(Op::LoadFast2, prev.arg() | (arg << 12));
                u.fused_spans.push(((n - 1) as u32, span.0, span.1));
                return n - 1;
            }
        }
        u.instrs.push(Instr::new(op, arg.min(ARG_MAX)));
        u.lines.push(line);
        u.spans.push(span);
        u.instrs.len() - 1
    }

    /// The next instruction's index, as a jump target.
    fn here(&mut self) -> usize {
        let u = self.unit();
        u.label = u.instrs.len();
        u.label
    }

    /// Emit a forward jump whose target is patched later.
    fn emit_jump(&mut self, op: Op) -> usize {
        self.emit(op, 0)
    }

    fn patch(&mut self, at: usize) {
        let target = self.here() as u32;
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: usize, target: u32) {
        let u = self.unit();
        let ins = u.instrs[at];
        let op = ins.op();
        let arg = if op == Op::CompareJumpIfFalse {
            (ins.arg() & !0x1f_ffff) | target
        } else {
            target
        };
        u.instrs[at] = Instr::new(op, arg);
    }

    /// Emit a conditional forward jump on TOS being false; a preceding comparison is fused into it.
    fn emit_jump_if_false(&mut self) -> usize {
        let u = self.unit();
        let n = u.instrs.len();
        if n > 0 && u.label != n && u.instrs[n - 1].op() == Op::CompareOp {
            let cmp = u.instrs[n - 1].arg();
            u.instrs[n - 1] = Instr::new(Op::CompareJumpIfFalse, cmp << 21);
            return n - 1;
        }
        self.emit_jump(Op::PopJumpIfFalse)
    }

    /// Give the next instructions `range`'s position (its first line and the range itself); returns
    /// the previous position for `restore_line`.
    fn set_line(&mut self, range: TextRange) -> Loc {
        let line = self.lines.line_index(range.start()).get() as u32;
        self.set_loc(Loc {
            line,
            span: (range.start().to_u32(), range.end().to_u32()),
        })
    }

    fn set_loc(&mut self, loc: Loc) -> Loc {
        let u = self.unit();
        let old = Loc {
            line: u.line,
            span: u.span,
        };
        u.line = loc.line;
        u.span = loc.span;
        old
    }

    /// The current position.
    fn loc(&mut self) -> Loc {
        let u = self.unit();
        Loc {
            line: u.line,
            span: u.span,
        }
    }

    fn restore_line(&mut self, old: Loc) {
        self.set_loc(old);
    }

    /// CPython's `update_start_location_to_match_attr`: when attribute `a` ends on a later line than
    /// the current position starts, the position moves to the attribute name (line and start).
    fn attr_position(&mut self, a: &ast::ExprAttribute) {
        let end_line = self.lines.line_index(a.range.end()).get() as u32;
        let u = self.unit();
        if u.line != end_line {
            u.line = end_line;
            u.span.0 = a.attr.range.start().to_u32();
            u.span.1 = u.span.1.max(u.span.0);
        }
    }

    fn add_const(&mut self, v: Value) -> u32 {
        let key = match &v {
            Value::None => ConstKey::None,
            Value::Bool(b) => ConstKey::Bool(*b),
            Value::Int(i) => ConstKey::Int(*i),
            Value::Float(f) => ConstKey::Float(f.to_bits()),
            Value::Obj(o) => match &**o {
                Object::Str(s) => ConstKey::Str(s.as_str().to_string()),
                _ => ConstKey::Other(self.unit().consts.len()),
            },
            Value::Undef => ConstKey::Other(self.unit().consts.len()),
        };
        let u = self.unit();
        if let Some(&i) = u.const_keys.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(v);
        u.const_keys.insert(key, i);
        i
    }

    fn emit_const(&mut self, v: Value) {
        let i = self.add_const(v);
        self.emit(Op::LoadConst, i);
    }

    /// `name` as stored in the code object: private names inside a class are mangled (CPython's
    /// `_Py_Mangle`).
    fn mangled(&self, name: &str) -> String {
        match self.units.last().and_then(|u| u.private.as_deref()) {
            Some(class) => crate::vm::slots::mangle(class, name),
            None => name.to_string(),
        }
    }

    /// The names-table index of attribute `name` (mangled like variable names).
    fn attr_idx(&mut self, name: &str) -> u32 {
        let m = self.mangled(name);
        self.name_idx(&m)
    }

    fn name_idx(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.unit().name_index.get(name) {
            return i;
        }
        let v = self
            .interned
            .entry(name.to_string())
            .or_insert_with(|| Value::str(name))
            .clone();
        let u = self.unit();
        let i = u.names.len() as u32;
        u.names.push(v);
        u.name_index.insert(name.to_string(), i);
        i
    }

    fn not_implemented(&mut self, what: &str) {
        let i = self.add_const(Value::str(what));
        self.emit(Op::NotImplemented, i);
    }

    fn error(&self, range: TextRange, msg: impl Into<String>) -> CompileError {
        error_at(
            self.src,
            &self.lines,
            &self.source.filename,
            range,
            msg.into(),
        )
    }

    fn enter(&mut self, range: TextRange) -> Result<(), CompileError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let _ = range;
            return Err(CompileError::too_deep(&self.source.filename));
        }
        Ok(())
    }

    // ---- names ----------------------------------------------------------------------------------------

    fn scope_of(&self, name: &str) -> NameScope {
        let u = self.units.last().expect("unit");
        let s = &self.table.scopes[u.scope];
        if u.kind == ScopeKind::Module && self.module_names {
            return NameScope::Name;
        }
        match s.scopes.get(name) {
            Some(sc) => *sc,
            None => match u.kind {
                ScopeKind::Module => NameScope::GlobalExplicit,
                ScopeKind::Class => NameScope::Name,
                _ => NameScope::GlobalImplicit,
            },
        }
    }

    fn cell_index(&self, name: &str) -> u32 {
        let u = self.units.last().expect("unit");
        if let Some(i) = u.cellvars.iter().position(|c| c == name) {
            return i as u32;
        }
        let f = u.freevars.iter().position(|c| c == name).unwrap_or(0);
        (u.cellvars.len() + f) as u32
    }

    fn local_index(&self, name: &str) -> u32 {
        let u = self.units.last().expect("unit");
        u.varnames.iter().position(|v| v == name).unwrap_or(0) as u32
    }

    fn load_name(&mut self, name: &str) {
        match self.scope_of(name) {
            NameScope::Local => {
                let i = self.local_index(name);
                self.emit(Op::LoadFast, i);
            }
            NameScope::Cell | NameScope::Free => {
                let i = self.cell_index(name);
                self.emit(Op::LoadDeref, i);
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit => {
                let i = self.attr_idx(name);
                let op = if self.unit().kind == ScopeKind::Class {
                    Op::LoadName
                } else {
                    Op::LoadGlobal
                };
                self.emit(op, i);
            }
            NameScope::Name => {
                let i = self.attr_idx(name);
                self.emit(Op::LoadName, i);
            }
        }
    }

    fn store_name(&mut self, name: &str) {
        match self.scope_of(name) {
            NameScope::Local => {
                let i = self.local_index(name);
                self.emit(Op::StoreFast, i);
            }
            NameScope::Cell | NameScope::Free => {
                let i = self.cell_index(name);
                self.emit(Op::StoreDeref, i);
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit => {
                let i = self.attr_idx(name);
                self.emit(Op::StoreGlobal, i);
            }
            NameScope::Name => {
                let i = self.attr_idx(name);
                self.emit(Op::StoreName, i);
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        match self.scope_of(name) {
            NameScope::Local => {
                let i = self.local_index(name);
                self.emit(Op::DeleteFast, i);
            }
            NameScope::Cell | NameScope::Free => {
                let i = self.cell_index(name);
                self.emit(Op::DeleteDeref, i);
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit => {
                let i = self.attr_idx(name);
                self.emit(Op::DeleteGlobal, i);
            }
            NameScope::Name => {
                let i = self.attr_idx(name);
                self.emit(Op::DeleteName, i);
            }
        }
    }

    // ---- statements -----------------------------------------------------------------------------------

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        self.enter(s.range())?;
        self.set_line(s.range());
        let outer = std::mem::replace(&mut self.stmt_range, s.range());
        let r = self.stmt_inner(s);
        self.stmt_range = outer;
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> Result<(), CompileError> {
        match s {
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                if self.interactive && self.units.len() == 1 {
                    self.emit(Op::PrintExpr, 0);
                } else {
                    self.emit(Op::PopTop, 0);
                }
            }
            Stmt::Assign(a) if swap_assign(a).is_some() => {
                // `a, b = b, a` (2 or 3 names each side, nothing starred): the values stay on the
                // stack and are reordered by a `Swap`, as CPython 3.11 does, instead of building a
                // tuple and unpacking it.
                let n = swap_assign(a).unwrap_or(0);
                let Expr::Tuple(v) = &*a.value else {
                    unreachable!("checked by swap_assign")
                };
                for e in &v.elts {
                    self.expr(e)?;
                }
                if n > 1 {
                    self.emit(Op::Swap, n as u32);
                }
                let (Expr::Tuple(ast::ExprTuple { elts, .. })
                | Expr::List(ast::ExprList { elts, .. })) = &a.targets[0]
                else {
                    unreachable!("checked by swap_assign")
                };
                for t in elts {
                    self.store_target(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Op::Copy, 1);
                    }
                    self.store_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::Pass(_) => {}
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) => {
                if f.is_async {
                    self.async_for_stmt(f)?;
                } else {
                    self.for_stmt(f)?;
                }
            }
            Stmt::Break(b) => {
                let Some(l) = self.unit().loops.last() else {
                    return Err(self.error(b.range, "'break' outside loop"));
                };
                let (slots, level) = (l.state_slots, l.fblock_level);
                self.unwind_fblocks(level, false)?;
                for _ in 0..slots {
                    self.emit(Op::PopTop, 0);
                }
                let j = self.emit_jump(Op::Jump);
                if let Some(l) = self.unit().loops.last_mut() {
                    l.break_jumps.push(j);
                }
            }
            Stmt::Continue(c) => {
                let Some(l) = self.unit().loops.last() else {
                    return Err(self.error(c.range, "'continue' not properly in loop"));
                };
                let (t, level) = (l.continue_target as u32, l.fblock_level);
                self.unwind_fblocks(level, false)?;
                self.emit(Op::JumpBackward, t);
            }
            Stmt::Return(r) => {
                if !matches!(self.unit().kind, ScopeKind::Function) {
                    return Err(self.error(r.range, "'return' outside function"));
                }
                let async_gen = flags::COROUTINE | flags::GENERATOR;
                if r.value.is_some() && self.unit().flags & async_gen == async_gen {
                    return Err(self.error(r.range, "'return' with value in async generator"));
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.emit_const(Value::None),
                }
                // CPython: the blocks left are at the value's position when it is on the
                // statement's line.
                if let Some(v) = r.value.as_deref() {
                    let line = self.lines.line_index(v.start());
                    if line == self.lines.line_index(r.range.start()) {
                        self.set_line(v.range());
                    }
                }
                self.unwind_fblocks(0, true)?;
                self.emit(Op::ReturnValue, 0);
            }
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                let j = self.emit_jump(Op::PopJumpIfTrue);
                // CPython's `compiler_jump_if` leaves the position of the last comparison it
                // compiled in place: the raise is reported there.
                if let Some(r) = jump_if_position(&a.test) {
                    self.set_line(r);
                }
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Op::Call, 1);
                }
                self.emit(Op::RaiseVarargs, 1);
                self.patch(j);
            }
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RaiseVarargs, n);
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = alias.name.id.as_str();
                    let lvl = self.add_const(Value::Int(0));
                    self.emit(Op::LoadConst, lvl);
                    self.emit_const(Value::None);
                    let ni = self.name_idx(name);
                    self.emit(Op::ImportName, ni);
                    match &alias.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule.
                            for part in name.split('.').skip(1) {
                                let pi = self.name_idx(part);
                                self.emit(Op::ImportFrom, pi);
                                self.emit(Op::Swap, 2);
                                self.emit(Op::PopTop, 0);
                            }
                            self.store_name(&asname.id);
                        }
                        None => {
                            let top = name.split('.').next().unwrap_or(name).to_string();
                            self.store_name(&top);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                self.emit_const(Value::Int(i.level as i64));
                let names: Vec<Value> = i.names.iter().map(|a| Value::str(&a.name.id)).collect();
                self.emit_const(Value::obj(Object::Tuple(names)));
                let module = i
                    .module
                    .as_ref()
                    .map(|m| m.id.to_string())
                    .unwrap_or_default();
                let mi = self.name_idx(&module);
                self.emit(Op::ImportName, mi);
                if i.names.len() == 1 && &*i.names[0].name.id == "*" {
                    self.emit(Op::ImportStar, 0);
                } else {
                    for a in &i.names {
                        let ni = self.name_idx(&a.name.id);
                        self.emit(Op::ImportFrom, ni);
                        let bound = a.asname.as_ref().unwrap_or(&a.name);
                        self.store_name(&bound.id.to_string());
                    }
                    self.emit(Op::PopTop, 0);
                }
            }
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Try(t) => self.try_stmt(t)?,
            Stmt::With(w) => {
                if w.is_async && !self.in_coroutine() {
                    return Err(self.error(w.range, "'async with' outside async function"));
                }
                self.with_stmt(&w.items, &w.body, w.is_async)?;
            }
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::TypeAlias(_) => self.not_implemented("type aliases"),
            Stmt::IpyEscapeCommand(r) => return Err(self.error(r.range, "invalid syntax")),
        }
        Ok(())
    }

    /// As CPython: the target's load and store are at the target's position, the operation at the
    /// statement's.
    fn aug_assign(&mut self, a: &ast::StmtAugAssign) -> Result<(), CompileError> {
        let op = binop(a.op).encode(true);
        let target = a.target.range();
        match &*a.target {
            Expr::Name(n) => {
                let old = self.set_line(target);
                self.load_name(&n.id);
                self.restore_line(old);
                self.expr(&a.value)?;
                self.emit(Op::BinaryOp, op);
                let old = self.set_line(target);
                self.store_name(&n.id);
                self.restore_line(old);
            }
            Expr::Attribute(at) => {
                let old = self.set_line(target);
                self.expr(&at.value)?;
                self.emit(Op::Copy, 1);
                let ni = self.attr_idx(&at.attr.id);
                self.attr_position(at);
                self.emit(Op::LoadAttr, ni);
                self.restore_line(old);
                self.expr(&a.value)?;
                self.emit(Op::BinaryOp, op);
                let old = self.set_line(target);
                self.attr_position(at);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreAttr, ni);
                self.restore_line(old);
            }
            Expr::Subscript(sub) => {
                let old = self.set_line(target);
                self.expr(&sub.value)?;
                self.subscript_index(&sub.slice)?;
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::BinarySubscr, 0);
                self.restore_line(old);
                self.expr(&a.value)?;
                self.emit(Op::BinaryOp, op);
                let old = self.set_line(target);
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreSubscr, 0);
                self.restore_line(old);
            }
            other => {
                return Err(self.error(
                    other.range(),
                    "'expression' is an illegal expression for augmented assignment",
                ))
            }
        }
        Ok(())
    }

    /// Store TOS into an assignment target.
    fn store_target(&mut self, t: &Expr) -> Result<(), CompileError> {
        let old = self.set_line(t.range());
        let r = self.store_target_inner(t);
        self.restore_line(old);
        r
    }

    fn store_target_inner(&mut self, t: &Expr) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => self.store_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let ni = self.attr_idx(&a.attr.id);
                self.attr_position(a);
                self.emit(Op::StoreAttr, ni);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::StoreSubscr, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_into(elts, t.range())?;
            }
            Expr::Starred(s) => {
                return Err(self.error(
                    s.range,
                    "starred assignment target must be in a list or tuple",
                ))
            }
            other => {
                let what = match other {
                    Expr::Call(_) => "function call",
                    Expr::NumberLiteral(_)
                    | Expr::StringLiteral(_)
                    | Expr::BooleanLiteral(_)
                    | Expr::NoneLiteral(_) => "literal",
                    _ => "expression",
                };
                return Err(self.error(other.range(), format!("cannot assign to {}", what)));
            }
        }
        Ok(())
    }

    fn unpack_into(&mut self, elts: &[Expr], range: TextRange) -> Result<(), CompileError> {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        match star {
            None => {
                self.emit(Op::UnpackSequence, elts.len() as u32);
            }
            Some(i) => {
                if elts
                    .iter()
                    .filter(|e| matches!(e, Expr::Starred(_)))
                    .count()
                    > 1
                {
                    return Err(self.error(range, "multiple starred expressions in assignment"));
                }
                let after = elts.len() - i - 1;
                self.emit(Op::UnpackEx, (i as u32) | ((after as u32) << 8));
            }
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                other => self.store_target(other)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &Expr) -> Result<(), CompileError> {
        let old = self.set_line(t.range());
        let r = self.delete_target_inner(t);
        self.restore_line(old);
        r
    }

    fn delete_target_inner(&mut self, t: &Expr) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => self.delete_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let ni = self.attr_idx(&a.attr.id);
                self.emit(Op::DeleteAttr, ni);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::DeleteSubscr, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            other => return Err(self.error(other.range(), "cannot delete expression")),
        }
        Ok(())
    }

    fn if_stmt(&mut self, i: &ast::StmtIf) -> Result<(), CompileError> {
        let mut end_jumps = Vec::new();
        let mut next = self.cond_jump(&i.test, false)?;
        self.stmts(&i.body)?;
        for clause in &i.elif_else_clauses {
            end_jumps.push(self.emit_jump(Op::Jump));
            for j in next.drain(..) {
                self.patch(j);
            }
            self.set_line(clause.range);
            match &clause.test {
                Some(t) => {
                    next = self.cond_jump(t, false)?;
                    self.stmts(&clause.body)?;
                }
                None => self.stmts(&clause.body)?,
            }
        }
        for j in next {
            self.patch(j);
        }
        for j in end_jumps {
            self.patch(j);
        }
        Ok(())
    }

    fn while_stmt(&mut self, w: &ast::StmtWhile) -> Result<(), CompileError> {
        let top = self.here();
        let exits = self.cond_jump(&w.test, false)?;
        let fblock_level = self.unit().fblocks.len() + 1;
        self.unit().fblocks.push(exceptions::FBlock::Loop);
        self.unit().loops.push(LoopCtx {
            fblock_level,
            continue_target: top,
            break_jumps: Vec::new(),
            state_slots: 0,
        });
        self.stmts(&w.body)?;
        self.set_line(w.range);
        self.emit(Op::JumpBackward, top as u32);
        let ctx = self.unit().loops.pop().expect("loop");
        self.unit().fblocks.pop();
        for j in exits {
            self.patch(j);
        }
        self.stmts(&w.orelse)?;
        for j in ctx.break_jumps {
            self.patch(j);
        }
        Ok(())
    }

    fn for_stmt(&mut self, f: &ast::StmtFor) -> Result<(), CompileError> {
        self.iter_expr(&f.iter)?;
        self.emit(Op::ForSetup, 0);
        let top = self.here();
        self.set_line(f.range);
        let exit = self.emit_jump(Op::ForIter);
        self.store_target(&f.target)?;
        let fblock_level = self.unit().fblocks.len() + 1;
        self.unit().fblocks.push(exceptions::FBlock::Loop);
        self.unit().stmt_depth += 3;
        self.unit().loops.push(LoopCtx {
            fblock_level,
            continue_target: top,
            break_jumps: Vec::new(),
            state_slots: 3,
        });
        self.stmts(&f.body)?;
        self.set_line(f.range);
        self.emit(Op::JumpBackward, top as u32);
        let ctx = self.unit().loops.pop().expect("loop");
        self.unit().fblocks.pop();
        self.unit().stmt_depth -= 3;
        self.patch(exit);
        self.stmts(&f.orelse)?;
        for j in ctx.break_jumps {
            self.patch(j);
        }
        Ok(())
    }

    /// Compile a condition; returns jumps taken when the condition equals `jump_if` (to be patched).
    fn cond_jump(&mut self, e: &Expr, jump_if: bool) -> Result<Vec<usize>, CompileError> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => self.cond_jump(&u.operand, !jump_if),
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                // `a and b` jumps-if-false if either is false; jumps-if-true only if both are true.
                if is_and != jump_if {
                    let mut jumps = Vec::new();
                    for v in &b.values {
                        jumps.extend(self.cond_jump(v, jump_if)?);
                    }
                    Ok(jumps)
                } else {
                    let mut skips = Vec::new();
                    let n = b.values.len();
                    for v in &b.values[..n - 1] {
                        skips.extend(self.cond_jump(v, !jump_if)?);
                    }
                    let jumps = self.cond_jump(&b.values[n - 1], jump_if)?;
                    for s in skips {
                        self.patch(s);
                    }
                    Ok(jumps)
                }
            }
            _ => {
                self.expr(e)?;
                if jump_if {
                    Ok(vec![self.emit_jump(Op::PopJumpIfTrue)])
                } else {
                    Ok(vec![self.emit_jump_if_false()])
                }
            }
        }
    }

    /// Call the decorators (already on the stack), innermost first, each at its own position.
    fn apply_decorators(&mut self, decorators: &[ast::Decorator]) {
        for d in decorators.iter().rev() {
            let old = self.set_line(d.expression.range());
            self.emit(Op::Call, 1);
            self.restore_line(old);
        }
    }

    fn function_def(&mut self, f: &ast::StmtFunctionDef) -> Result<(), CompileError> {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let scope = self
            .table
            .scope_for(f)
            .ok_or_else(|| self.error(f.range, "internal: missing scope"))?;
        let line = self.lines.line_index(f.range.start()).get() as u32;
        let qual = self.child_qualname(&f.name.id);
        let returns = f.returns.as_deref();
        self.make_function(scope, &f.name.id, qual, &f.parameters, returns, line, |c| {
            if let Some(Stmt::Expr(e)) = f.body.first() {
                if let Expr::StringLiteral(s) = &*e.value {
                    c.unit().doc = Value::str(s.value.to_str());
                }
            }
            c.stmts(&f.body)?;
            c.emit_const(Value::None);
            c.emit(Op::ReturnValue, 0);
            Ok(())
        })?;
        self.apply_decorators(&f.decorator_list);
        self.store_name(&f.name.id);
        Ok(())
    }

    /// `class C(bases): body` → `C = __build_class__(<body function>, 'C', *bases, **keywords)`, then
    /// decorators. The body runs with a namespace dict as its locals; it returns the `__class__` cell when
    /// methods need it (zero-argument `super()`), which `__build_class__` fills with the new class.
    fn class_def(&mut self, c: &ast::StmtClassDef) -> Result<(), CompileError> {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        self.emit(Op::LoadBuildClass, 0);
        let scope = self
            .table
            .scope_for(c)
            .ok_or_else(|| self.error(c.range, "internal: missing scope"))?;
        let line = self.lines.line_index(c.range.start()).get() as u32;
        let qual = self.child_qualname(&c.name.id);
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
        self.push_unit(scope, c.name.id.to_string(), qual, line);
        if let Some(Stmt::Expr(e)) = c.body.first() {
            if let Expr::StringLiteral(sl) = &*e.value {
                self.emit_const(Value::str(sl.value.to_str()));
                let i = self.name_idx("__doc__");
                self.emit(Op::StoreName, i);
            }
        }
        self.setup_annotations(&c.body);
        self.stmts(&c.body)?;
        if self.unit().cellvars.iter().any(|v| v == "__class__") {
            let i = self.cell_index("__class__");
            self.emit(Op::LoadClosure, i);
        } else {
            self.emit_const(Value::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.pop_unit();
        self.emit_const(Value::obj(Object::Code(Rc::new(code))));
        self.emit(Op::MakeFunction, mflags);
        self.emit_const(Value::str(&c.name.id));
        let (mut nargs, mut kwnames) = (2u32, Vec::new());
        if let Some(args) = &c.arguments {
            for a in args.args.iter() {
                if let Expr::Starred(s) = a {
                    return Err(self.error(
                        s.range,
                        "pvm does not support *bases in class definitions yet",
                    ));
                }
                self.expr(a)?;
                nargs += 1;
            }
            for k in args.keywords.iter() {
                let Some(name) = &k.arg else {
                    return Err(self.error(
                        k.range,
                        "pvm does not support **kwargs in class definitions yet",
                    ));
                };
                self.expr(&k.value)?;
                kwnames.push(Value::str(&name.id));
                nargs += 1;
            }
        }
        if kwnames.is_empty() {
            self.emit(Op::Call, nargs);
        } else {
            self.emit_const(Value::obj(Object::Tuple(kwnames)));
            self.emit(Op::CallKw, nargs);
        }
        self.apply_decorators(&c.decorator_list);
        self.store_name(&c.name.id);
        Ok(())
    }

    fn child_qualname(&self, name: &str) -> String {
        let u = self.units.last().expect("unit");
        match u.kind {
            ScopeKind::Module => name.to_string(),
            // CPython adds `<locals>` only below functions and lambdas, not comprehensions.
            ScopeKind::Class | ScopeKind::Comprehension => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Push defaults, kw-defaults, closure and code, then MakeFunction. `body` compiles the body inside
    /// the new unit.
    fn make_function(
        &mut self,
        scope: usize,
        name: &str,
        qualname: String,
        params: &ast::Parameters,
        returns: Option<&Expr>,
        line: u32,
        body: impl FnOnce(&mut Self) -> Result<(), CompileError>,
    ) -> Result<(), CompileError> {
        let mut mflags = 0;
        let positional: Vec<&ast::ParameterWithDefault> = params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .collect();
        let ndefaults = positional.iter().filter(|p| p.default.is_some()).count();
        if ndefaults > 0 {
            for p in positional.iter().filter(|p| p.default.is_some()) {
                self.expr(p.default.as_ref().expect("default"))?;
            }
            self.emit(Op::BuildTuple, ndefaults as u32);
            mflags |= 1;
        }
        let kwdefaults: Vec<&ast::ParameterWithDefault> = params
            .kwonlyargs
            .iter()
            .filter(|p| p.default.is_some())
            .collect();
        if !kwdefaults.is_empty() {
            for p in &kwdefaults {
                self.emit_const(Value::str(&p.parameter.name.id));
                self.expr(p.default.as_ref().expect("default"))?;
            }
            self.emit(Op::BuildMap, kwdefaults.len() as u32);
            mflags |= 2;
        }
        if self.function_annotations(params, returns)? {
            mflags |= 4;
        }
        let freevars = self.table.scopes[scope].freevars.clone();
        if !freevars.is_empty() {
            for fv in &freevars {
                let i = self.cell_index(fv);
                self.emit(Op::LoadClosure, i);
            }
            self.emit(Op::BuildTuple, freevars.len() as u32);
            mflags |= 8;
        }
        self.push_unit(scope, name.to_string(), qualname, line);
        {
            let u = self.unit();
            u.posonlyargcount = params.posonlyargs.len() as u32;
            u.argcount = (params.posonlyargs.len() + params.args.len()) as u32;
            u.kwonlyargcount = params.kwonlyargs.len() as u32;
            if params.vararg.is_some() {
                u.flags |= flags::VARARGS;
            }
            if params.kwarg.is_some() {
                u.flags |= flags::VARKEYWORDS;
            }
            // Slot order must be: positional, kw-only, *args, **kwargs.
            let mut order: Vec<String> = Vec::new();
            for p in params
                .posonlyargs
                .iter()
                .chain(params.args.iter())
                .chain(params.kwonlyargs.iter())
            {
                order.push(p.parameter.name.id.to_string());
            }
            if let Some(v) = &params.vararg {
                order.push(v.name.id.to_string());
            }
            if let Some(k) = &params.kwarg {
                order.push(k.name.id.to_string());
            }
            let rest: Vec<String> = u
                .varnames
                .iter()
                .filter(|v| !order.contains(v))
                .cloned()
                .collect();
            order.extend(rest);
            u.varnames = order;
        }
        body(self)?;
        let code = self.pop_unit();
        self.emit_const(Value::obj(Object::Code(Rc::new(code))));
        self.emit(Op::MakeFunction, mflags);
        Ok(())
    }
}

/// The size n (1 to 3) of an assignment `t1, ..., tn = e1, ..., en` with one target list and a tuple
/// display of as many values, nothing starred on either side: it compiles to the values and a `Swap`.
fn swap_assign(a: &ast::StmtAssign) -> Option<usize> {
    let [target] = &a.targets[..] else {
        return None;
    };
    let (Expr::Tuple(ast::ExprTuple { elts: t, .. }) | Expr::List(ast::ExprList { elts: t, .. })) =
        target
    else {
        return None;
    };
    let Expr::Tuple(v) = &*a.value else {
        return None;
    };
    let starred = |es: &[Expr]| es.iter().any(|e| matches!(e, Expr::Starred(_)));
    (t.len() == v.elts.len() && (1..=3).contains(&t.len()) && !starred(t) && !starred(&v.elts))
        .then_some(t.len())
}

pub(crate) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

/// Maximum stack depth by abstract interpretation over the control-flow graph.
pub(crate) fn compute_stacksize(instrs: &[Instr], exc_table: &[crate::code::ExcEntry]) -> u32 {
    compute_stacksize_within(instrs, exc_table, 1 << 16)
}

/// `compute_stacksize`, giving up (u32::MAX) once a depth exceeds `limit`. The cache verifier passes
/// the file's recorded size: code whose depth climbs past it is rejected anyway, and a corrupt file's
/// loop with a net push would otherwise be walked once per depth up to the general bound.
pub(crate) fn compute_stacksize_within(
    instrs: &[Instr],
    exc_table: &[crate::code::ExcEntry],
    limit: i32,
) -> u32 {
    let n = instrs.len();
    let mut depth_at: Vec<i32> = vec![-1; n + 1];
    let mut work = vec![(0usize, 0i32)];
    // Handlers are reached through the exception table, with the exception pushed at the entry's depth.
    for e in exc_table {
        work.push((e.target as usize, e.depth as i32 + 1));
    }
    let mut max = 0i32;
    while let Some((mut pc, mut d)) = work.pop() {
        while pc < n {
            // Depths only grow, so a bound guarantees termination even if an opcode's declared
            // effect were inconsistent (that would be a compiler bug, not a reason to hang).
            if d > limit {
                if limit < (1 << 16) {
                    return u32::MAX;
                }
                break;
            }
            if depth_at[pc] >= d {
                break;
            }
            depth_at[pc] = d;
            let ins = instrs[pc];
            let op = ins.op();
            let arg = ins.arg();
            if op.is_jump() {
                let jd = match op {
                    Op::ForIter => d - 3,
                    // The sub-iterator returned: (iterator, sent value) become its result.
                    Op::Send => d - 1,
                    Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => d,
                    _ => d + op.stack_effect(arg),
                };
                work.push((crate::bytecode::jump_target(op, arg) as usize, jd));
            }
            d += op.stack_effect(arg);
            max = max.max(d).max(d + 1);
            match op {
                Op::Jump | Op::JumpBackward | Op::ReturnValue | Op::RaiseVarargs => break,
                _ => pc += 1,
            }
        }
    }
    (max + 2) as u32
}
