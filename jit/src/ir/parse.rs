//! IR text parser: the inverse of `ir::print`, so optimiser and backend tests are written as text.
//!
//! Names are free-form: `%i`, `%sum`, `#exit1` are all fine and are renumbered densely in order of
//! definition (`print(parse(text))` therefore canonicalises). `;` starts a comment. A `phi`'s second
//! operand may name a value defined later (the back-edge value); every other use must follow its
//! definition. The parser checks syntax only: run `ir::verify` for types and dominance.

use super::ops::{Kind, Op, Res};
use super::trace::{Inst, SnapEntry, Snapshot, Trace};
use super::types::{Const, IrRef, SnapId, Type};
use std::collections::HashMap;
use std::fmt;

/// A parse error with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// What went wrong.
    pub msg: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.msg)
    }
}

impl std::error::Error for ParseError {}

const PUNCT: &[char] = &[',', '=', '(', ')', '{', '}', '[', ']', ':'];

fn tokenize(line: &str) -> Vec<&str> {
    let line = line.split(';').next().unwrap_or("");
    let mut toks = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() || PUNCT.contains(&c) {
            if let Some(s) = start.take() {
                toks.push(&line[s..i]);
            }
            if !c.is_whitespace() {
                toks.push(&line[i..i + c.len_utf8()]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        toks.push(&line[s..]);
    }
    toks
}

struct Parser {
    trace: Trace,
    values: HashMap<String, IrRef>,
    snaps: HashMap<String, SnapId>,
    /// Forward references from `phi` operands: (instruction, field, name, line).
    fixups: Vec<(usize, usize, String, usize)>,
}

struct Line<'a> {
    toks: Vec<&'a str>,
    pos: usize,
    line: usize,
}

impl<'a> Line<'a> {
    fn err<T>(&self, msg: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError {
            line: self.line,
            msg: msg.into(),
        })
    }
    fn peek(&self) -> Option<&'a str> {
        self.toks.get(self.pos).copied()
    }
    fn next(&mut self) -> Result<&'a str, ParseError> {
        match self.toks.get(self.pos) {
            Some(t) => {
                self.pos += 1;
                Ok(t)
            }
            None => self.err("unexpected end of line"),
        }
    }
    fn expect(&mut self, tok: &str) -> Result<(), ParseError> {
        let t = self.next()?;
        if t == tok {
            Ok(())
        } else {
            self.err(format!("expected `{tok}`, found `{t}`"))
        }
    }
    fn eat(&mut self, tok: &str) -> bool {
        if self.peek() == Some(tok) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn int<T: std::str::FromStr>(&mut self) -> Result<T, ParseError> {
        let t = self.next()?;
        match t.parse() {
            Ok(v) => Ok(v),
            Err(_) => self.err(format!("expected a number, found `{t}`")),
        }
    }
}

fn parse_hex(s: &str) -> Option<u64> {
    u64::from_str_radix(s.strip_prefix("0x")?, 16).ok()
}

/// Parse a constant literal.
pub fn parse_const(t: &str) -> Option<Const> {
    match t {
        "none" => return Some(Const::None),
        "undef" => return Some(Const::Undef),
        "true" => return Some(Const::Bool(true)),
        "false" => return Some(Const::Bool(false)),
        "inf" => return Some(Const::float(f64::INFINITY)),
        "-inf" => return Some(Const::float(f64::NEG_INFINITY)),
        _ => {}
    }
    if let Some(h) = t.strip_prefix("nan@") {
        return parse_hex(h).map(Const::Float);
    }
    if let Some(h) = t.strip_prefix("obj@") {
        return parse_hex(h).map(Const::Obj);
    }
    if let Some(h) = t.strip_prefix("ptr@") {
        return parse_hex(h).map(Const::Ptr);
    }
    let numeric = t.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    if !numeric {
        return None;
    }
    if t.contains(['.', 'e', 'E']) {
        t.parse::<f64>().ok().map(Const::float)
    } else {
        t.parse::<i64>().ok().map(Const::Int)
    }
}

impl Parser {
    fn value(
        &mut self,
        l: &mut Line,
        forward_ok: Option<(usize, usize)>,
    ) -> Result<IrRef, ParseError> {
        let t = l.next()?;
        if let Some(name) = t.strip_prefix('%') {
            if let Some(&r) = self.values.get(name) {
                return Ok(r);
            }
            if let Some((inst, field)) = forward_ok {
                self.fixups.push((inst, field, name.to_string(), l.line));
                return Ok(IrRef::NONE);
            }
            return l.err(format!("use of undefined value `%{name}`"));
        }
        match parse_const(t) {
            Some(c) => Ok(self.trace.konst(c)),
            None => l.err(format!("expected a value, found `{t}`")),
        }
    }

    fn snap_def(&mut self, l: &mut Line) -> Result<(), ParseError> {
        let name = l.next()?;
        let Some(name) = name.strip_prefix('#') else {
            return l.err("expected `#name` after `snap`");
        };
        if self.snaps.contains_key(name) {
            return l.err(format!("snapshot `#{name}` defined twice"));
        }
        l.expect("pc")?;
        l.expect("=")?;
        let pc = l.int()?;
        let mut frames = Vec::new();
        if l.eat("frames") {
            l.expect("=")?;
            l.expect("[")?;
            while !l.eat("]") {
                frames.push(l.int()?);
                l.eat(",");
            }
        }
        let mut entries = Vec::new();
        l.expect("{")?;
        while !l.eat("}") {
            let slot = l.int()?;
            l.expect(":")?;
            let val = self.value(l, None)?;
            entries.push(SnapEntry { slot, val });
            l.eat(",");
        }
        self.trace.snaps.push(Snapshot {
            pc,
            frames,
            entries,
        });
        self.snaps
            .insert(name.to_string(), SnapId(self.trace.snaps.len() as u32 - 1));
        Ok(())
    }

    fn inst(&mut self, l: &mut Line) -> Result<(), ParseError> {
        let mut def = None;
        if let Some(name) = l.peek().and_then(|t| t.strip_prefix('%')) {
            l.pos += 1;
            l.expect("=")?;
            if self.values.contains_key(name) {
                return l.err(format!("value `%{name}` defined twice"));
            }
            def = Some(name.to_string());
        }
        let word = l.next()?;
        let (opname, suffix) = match word.split_once('.') {
            Some((o, s)) => (o, Some(s)),
            None => (word, None),
        };
        let Some(op) = Op::from_name(opname) else {
            return l.err(format!("unknown op `{opname}`"));
        };
        let dyn_ty = match (op.result(), suffix) {
            (Res::Dyn, Some(s)) => match Type::from_name(s) {
                Some(t) => t,
                None => return l.err(format!("unknown type `{s}`")),
            },
            (Res::Dyn, None) => {
                return l.err(format!("`{opname}` needs a result type: `{opname}.int`"))
            }
            (_, Some(_)) => return l.err(format!("`{opname}` takes no type suffix")),
            (_, None) => Type::Void,
        };
        let index = self.trace.insts.len();
        let mut f = [0u32; 3];
        for (i, k) in op.operands().iter().enumerate() {
            if i > 0 && *k != Kind::Args {
                l.expect(",")?;
            }
            match k {
                Kind::I | Kind::F | Kind::B | Kind::W | Kind::P | Kind::A | Kind::S => {
                    let forward = (op == Op::Phi && i == 1).then_some((index, i));
                    f[i] = self.value(l, forward)?.raw();
                }
                Kind::Slot => f[i] = l.int()?,
                Kind::Off => f[i] = l.int::<i32>()? as u32,
                Kind::Ty => {
                    let t = l.next()?;
                    match Type::from_name(t) {
                        Some(ty) => f[i] = ty as u32,
                        None => return l.err(format!("unknown type `{t}`")),
                    }
                }
                Kind::Hp => {
                    let t = l.next()?;
                    let Some(name) = t.strip_prefix('@') else {
                        return l.err("expected `@helper`");
                    };
                    f[i] = self.trace.helper(name).0;
                }
                Kind::Args => {
                    l.expect("(")?;
                    let mut args = Vec::new();
                    while !l.eat(")") {
                        args.push(self.value(l, None)?);
                        l.eat(",");
                    }
                    let (start, len) = self.trace.push_args(&args);
                    f[i] = start;
                    f[i + 1] = len;
                }
            }
        }
        let mut snap = SnapId::NONE;
        if let Some(t) = l.peek() {
            let Some(name) = t.strip_prefix('#') else {
                return l.err(format!("unexpected `{t}`"));
            };
            l.pos += 1;
            match self.snaps.get(name) {
                Some(&s) => snap = s,
                None => return l.err(format!("undefined snapshot `#{name}`")),
            }
        }
        if let Some(t) = l.peek() {
            return l.err(format!("unexpected `{t}`"));
        }
        let first_ty = if op.operands().first().is_some_and(|k| k.is_ref()) {
            self.trace.ty(IrRef::from_raw(f[0]))
        } else {
            Type::Void
        };
        let ty = Trace::result_type(op, first_ty, dyn_ty);
        match (&def, ty) {
            (Some(_), Type::Void) => return l.err(format!("`{}` has no result", op.name())),
            (None, t) if t != Type::Void => {
                return l.err(format!("the result of `{}` needs a name", op.name()))
            }
            _ => {}
        }
        let r = self.trace.push(Inst::new(op, ty, f, snap));
        if let Some(name) = def {
            self.values.insert(name, r);
        }
        Ok(())
    }
}

/// Parse IR text into a trace.
pub fn parse_trace(text: &str) -> Result<Trace, ParseError> {
    let mut p = Parser {
        trace: Trace::new(),
        values: HashMap::new(),
        snaps: HashMap::new(),
        fixups: vec![],
    };
    for (n, raw) in text.lines().enumerate() {
        let mut l = Line {
            toks: tokenize(raw),
            pos: 0,
            line: n + 1,
        };
        if l.toks.is_empty() {
            continue;
        }
        if l.eat("snap") {
            p.snap_def(&mut l)?;
        } else {
            p.inst(&mut l)?;
        }
    }
    for (inst, field, name, line) in std::mem::take(&mut p.fixups) {
        match p.values.get(&name) {
            Some(&r) => p.trace.insts[inst].f[field] = r.raw(),
            None => {
                return Err(ParseError {
                    line,
                    msg: format!("use of undefined value `%{name}`"),
                })
            }
        }
    }
    Ok(p.trace)
}
