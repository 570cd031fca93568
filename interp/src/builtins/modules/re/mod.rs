//! `_re`: the regular-expression engine behind `re` (interp/lib/re.py).
//!
//! Patterns are translated from Python's syntax (translate.rs) and compiled with `fancy_regex`, which
//! delegates backtracking-free parts to the `regex` automata. `re.Pattern`, `re.Match` and the `finditer`
//! iterator are native objects (`Object::Native`). Engine offsets are UTF-8 byte offsets; Python sees
//! code-point indices, converted by `PosMap` (free for ASCII text, incremental for the in-order offsets of
//! an iteration). Iteration over matches follows CPython 3.7+: after an empty match the next match may
//! start at the same place only if it is not empty.

mod template;
pub mod translate;

use crate::builtins::{method, register};
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, NativeObj, ObjRef, Object, TypeKind};
use crate::value::Value;
use crate::vm::Vm;
use fancy_regex::{Regex, RegexBuilder, RegexInput};
use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;
use translate::*;

struct ReTypes {
    pattern: ObjRef,
    matcht: ObjRef,
    scanner: ObjRef,
    /// `re.error`, set by re.py (`_re.set_error`).
    error: Value,
}

thread_local! {
    static TYPES: RefCell<Option<Rc<RefCell<ReTypes>>>> = const { RefCell::new(None) };
}

fn types() -> Rc<RefCell<ReTypes>> {
    TYPES.with(|t| t.borrow().clone().expect("_re initialised"))
}

pub(super) fn init(vm: &mut Vm, d: &ObjRef) {
    let mk = |name: &str| {
        let t = crate::types::new_type(name, TypeKind::Object, vec![vm.types.object.clone()], None);
        if let Object::Type(tt) = &*t {
            *tt.module.borrow_mut() = Value::str("re");
        }
        t
    };
    let pattern = mk("Pattern");
    let matcht = mk("Match");
    let scanner = mk("callable_iterator");
    if let Object::Type(tt) = &*scanner {
        *tt.module.borrow_mut() = Value::str("builtins");
    }
    for (name, f) in [
        ("match", pat_match as crate::object::BuiltinFn),
        ("fullmatch", pat_fullmatch),
        ("search", pat_search),
        ("findall", pat_findall),
        ("finditer", pat_finditer),
        ("sub", pat_sub),
        ("subn", pat_subn),
        ("split", pat_split),
        ("__repr__", pat_repr),
        ("__getattr__", pat_getattr),
        ("__eq__", pat_eq),
        ("__hash__", pat_hash),
    ] {
        method(&pattern, name, f);
    }
    for (name, f) in [
        ("group", m_group as crate::object::BuiltinFn),
        ("__getitem__", m_getitem),
        ("groups", m_groups),
        ("groupdict", m_groupdict),
        ("start", m_start),
        ("end", m_end),
        ("span", m_span),
        ("expand", m_expand),
        ("__repr__", m_repr),
        ("__getattr__", m_getattr),
    ] {
        method(&matcht, name, f);
    }
    method(&scanner, "__iter__", |_vm, a, _k| Ok(a[0].clone()));
    method(&scanner, "__next__", scanner_next);
    crate::builtins::set_in(d, "Pattern", Value::Obj(pattern.clone()));
    crate::builtins::set_in(d, "Match", Value::Obj(matcht.clone()));
    let t = ReTypes {
        pattern,
        matcht,
        scanner,
        error: Value::None,
    };
    TYPES.with(|c| *c.borrow_mut() = Some(Rc::new(RefCell::new(t))));
    register(d, "compile", re_compile);
    register(d, "set_error", |_vm, a, _k| {
        types().borrow_mut().error = a.first().cloned().unwrap_or(Value::None);
        Ok(Value::None)
    });
    register(d, "escape", re_escape);
}

// ---- errors ----------------------------------------------------------------------------------------------

/// Raise `re.error(msg, pattern, pos)`.
fn re_error(vm: &mut Vm, msg: &str, pattern: &Value, pos: Option<usize>) -> PyErr {
    let cls = types().borrow().error.clone();
    if cls.is_none() {
        return PyErr::new(ExcKind::ValueError, msg.to_string());
    }
    let pos = pos.map(|p| Value::Int(p as i64)).unwrap_or(Value::None);
    match vm.call(&cls, &[Value::str(msg), pattern.clone(), pos]) {
        Ok(Value::Obj(o)) => PyErr::from_obj(o),
        Ok(_) => PyErr::new(ExcKind::ValueError, msg.to_string()),
        Err(e) => e,
    }
}

fn engine_error(e: fancy_regex::Error) -> PyErr {
    PyErr::new(
        ExcKind::RuntimeError,
        format!("regular expression could not be matched: {}", e),
    )
}

// ---- compiled patterns -----------------------------------------------------------------------------------

struct PatternData {
    regex: Regex,
    /// `(?:pattern)\z`, for fullmatch (built on first use).
    full: OnceCell<Option<Regex>>,
    /// The pattern rejecting empty matches, for the position right after an empty match.
    nonempty: OnceCell<Option<Regex>>,
    translated: String,
    src: Value,
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    close_order: Vec<usize>,
    bytes: bool,
}

fn build(pattern: &str, bytes: bool, nonempty: bool) -> Result<Regex, fancy_regex::Error> {
    let mut b = RegexBuilder::new(pattern);
    b.backtrack_limit(50_000_000);
    if bytes {
        b.bytes_mode(fancy_regex::BytesMode::Ascii);
    }
    if nonempty {
        b.find_not_empty(true);
    }
    b.build()
}

fn re_compile(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let src = a.first().cloned().unwrap_or(Value::None);
    let flags = a.get(1).and_then(|v| v.as_i64()).unwrap_or(0) as u32;
    let (chars, bytes): (Vec<char>, bool) = match src.as_obj() {
        Some(Object::Str(s)) => (s.as_str().chars().collect(), false),
        Some(Object::Bytes(b)) => (b.iter().map(|&c| c as char).collect(), true),
        _ => {
            return Err(type_error(
                "first argument must be string or compiled pattern",
            ))
        }
    };
    let t = match translate(&chars, flags, bytes) {
        Ok(t) => t,
        Err(e) => return Err(re_error(vm, &e.msg, &src, e.pos)),
    };
    let regex = match build(&t.pattern, bytes, false) {
        Ok(r) => r,
        Err(e) => {
            return Err(re_error(
                vm,
                &format!("pvm's regex engine rejected the pattern: {}", e),
                &src,
                None,
            ))
        }
    };
    let data = PatternData {
        regex,
        full: OnceCell::new(),
        nonempty: OnceCell::new(),
        translated: t.pattern,
        src,
        flags: t.flags,
        groups: t.groups,
        names: t.names,
        close_order: t.close_order,
        bytes,
    };
    let cls = types().borrow().pattern.clone();
    Ok(Value::obj(Object::Native(NativeObj {
        cls,
        data: Box::new(data),
    })))
}

fn pattern_of<'a>(vm: &Vm, v: &'a Value, meth: &str) -> PyResult<&'a PatternData> {
    if let Some(Object::Native(n)) = v.as_obj() {
        if let Some(p) = n.get::<PatternData>() {
            return Ok(p);
        }
    }
    Err(type_error(format!(
        "descriptor '{}' for 're.Pattern' objects doesn't apply to a '{}' object",
        meth,
        vm.type_name(v)
    )))
}

impl PatternData {
    fn full(&self) -> Option<&Regex> {
        self.full
            .get_or_init(|| build(&format!("(?:{})\\z", self.translated), self.bytes, false).ok())
            .as_ref()
    }

    fn nonempty(&self) -> Option<&Regex> {
        self.nonempty
            .get_or_init(|| build(&self.translated, self.bytes, true).ok())
            .as_ref()
    }
}

// ---- haystacks and positions -----------------------------------------------------------------------------

/// The subject string: a str (engine offsets are UTF-8 bytes) or bytes.
#[derive(Clone, Copy)]
enum Hay<'a> {
    S(&'a str),
    B(&'a [u8]),
}

impl<'a> Hay<'a> {
    fn len(&self) -> usize {
        match self {
            Hay::S(s) => s.len(),
            Hay::B(b) => b.len(),
        }
    }
    fn truncate(&self, end: usize) -> Hay<'a> {
        match *self {
            Hay::S(s) => Hay::S(&s[..end]),
            Hay::B(b) => Hay::B(&b[..end]),
        }
    }
    /// The byte offset of the next code point after `i`.
    fn next_pos(&self, i: usize) -> usize {
        match self {
            Hay::S(s) => {
                let mut j = i + 1;
                while j < s.len() && !s.is_char_boundary(j) {
                    j += 1;
                }
                j
            }
            Hay::B(_) => i + 1,
        }
    }
}

type Spans = Vec<Option<(usize, usize)>>;

macro_rules! exec_on {
    ($re:expr, $hay:expr, $pos:expr, $anchored:expr, $ngroups:expr) => {{
        let input = RegexInput::new($hay).from_pos($pos).anchored($anchored);
        if $ngroups == 0 {
            match $re.find_input(input) {
                Ok(Some(m)) => Ok(Some(vec![Some((m.start(), m.end()))])),
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            }
        } else {
            match $re.captures_input(input) {
                Ok(Some(c)) => {
                    let mut v: Spans = Vec::with_capacity($ngroups + 1);
                    for i in 0..=$ngroups {
                        v.push(c.get(i).map(|m| (m.start(), m.end())));
                    }
                    Ok(Some(v))
                }
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            }
        }
    }};
}

fn exec(
    re: &Regex,
    hay: Hay,
    pos: usize,
    anchored: bool,
    ngroups: usize,
) -> PyResult<Option<Spans>> {
    let r = match hay {
        Hay::S(s) => exec_on!(re, s, pos, anchored, ngroups),
        Hay::B(b) => exec_on!(re, b, pos, anchored, ngroups),
    };
    r.map_err(engine_error)
}

/// Byte offset ↔ code-point index for one subject string.
struct PosMap<'a> {
    s: &'a str,
    ascii: bool,
    /// A known pair (byte, char) to count forward from.
    cb: usize,
    cc: usize,
}

impl<'a> PosMap<'a> {
    fn new(h: Hay<'a>) -> PosMap<'a> {
        match h {
            Hay::S(s) => PosMap {
                s,
                ascii: s.is_ascii(),
                cb: 0,
                cc: 0,
            },
            Hay::B(_) => PosMap {
                s: "",
                ascii: true,
                cb: 0,
                cc: 0,
            },
        }
    }

    fn to_char(&mut self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        if b < self.cb {
            self.cb = 0;
            self.cc = 0;
        }
        let n = self.s.as_bytes()[self.cb..b]
            .iter()
            .filter(|c| (**c & 0xC0) != 0x80)
            .count();
        self.cb = b;
        self.cc += n;
        self.cc
    }

    /// Byte offset of code point `c` (clamped to the end).
    fn to_byte(&self, c: usize) -> usize {
        if self.ascii {
            return c.min(self.s.len().max(c));
        }
        self.s
            .char_indices()
            .nth(c)
            .map(|(b, _)| b)
            .unwrap_or(self.s.len())
    }
}

/// The subject argument: checks its type against the pattern's.
fn subject<'a>(vm: &Vm, p: &PatternData, v: &'a Value) -> PyResult<Hay<'a>> {
    match v.as_obj() {
        Some(Object::Str(s)) => {
            if p.bytes {
                return Err(type_error(
                    "cannot use a bytes pattern on a string-like object",
                ));
            }
            Ok(Hay::S(s.as_str()))
        }
        Some(Object::Bytes(b)) => {
            if !p.bytes {
                return Err(type_error(
                    "cannot use a string pattern on a bytes-like object",
                ));
            }
            Ok(Hay::B(b))
        }
        _ => Err(type_error(format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(v)
        ))),
    }
}

/// `pos`/`endpos` arguments (code points, clamped like CPython) → (pos, endpos) in chars.
fn bounds(
    vm: &Vm,
    pos: Option<&Value>,
    endpos: Option<&Value>,
    nchars: usize,
) -> PyResult<(usize, usize)> {
    let get = |v: Option<&Value>, dflt: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(dflt),
            Some(v) => v.as_i64().ok_or_else(|| {
                type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                ))
            }),
        }
    };
    let n = nchars as i64;
    let clamp = |x: i64| -> usize {
        let x = if x < 0 { (x + n).max(0) } else { x };
        x.min(n) as usize
    };
    let p = get(pos, 0)?;
    let e = get(endpos, n)?;
    let p = if p < 0 { 0 } else { p.min(n) as usize };
    let e = clamp(e.max(0)).max(0);
    Ok((p, e))
}

fn char_len(h: Hay) -> usize {
    match h {
        Hay::S(s) => {
            if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            }
        }
        Hay::B(b) => b.len(),
    }
}

// ---- match objects ---------------------------------------------------------------------------------------

struct MatchData {
    pattern: Value,
    string: Value,
    pos: usize,
    endpos: usize,
    /// Byte spans (for slicing) and code-point spans (what Python sees) of group 0..=n.
    bspans: Spans,
    cspans: Spans,
}

fn new_match(
    pattern: &Value,
    string: &Value,
    pos: usize,
    endpos: usize,
    bspans: Spans,
    map: &mut PosMap,
) -> Value {
    let cspans: Spans = bspans
        .iter()
        .map(|s| s.map(|(a, b)| (map.to_char(a), map.to_char(b))))
        .collect();
    let cls = types().borrow().matcht.clone();
    Value::obj(Object::Native(NativeObj {
        cls,
        data: Box::new(MatchData {
            pattern: pattern.clone(),
            string: string.clone(),
            pos,
            endpos,
            bspans,
            cspans,
        }),
    }))
}

fn match_of<'a>(vm: &Vm, v: &'a Value, meth: &str) -> PyResult<&'a MatchData> {
    if let Some(Object::Native(n)) = v.as_obj() {
        if let Some(m) = n.get::<MatchData>() {
            return Ok(m);
        }
    }
    Err(type_error(format!(
        "descriptor '{}' for 're.Match' objects doesn't apply to a '{}' object",
        meth,
        vm.type_name(v)
    )))
}

fn slice_value(string: &Value, span: Option<(usize, usize)>, dflt: &Value) -> Value {
    let Some((a, b)) = span else {
        return dflt.clone();
    };
    match string.as_obj() {
        Some(Object::Str(s)) => Value::str(&s.as_str()[a..b]),
        Some(Object::Bytes(bs)) => Value::obj(Object::Bytes(bs[a..b].to_vec())),
        _ => Value::None,
    }
}

impl MatchData {
    fn pat(&self) -> &PatternData {
        match self.pattern.as_obj() {
            Some(Object::Native(n)) => n.get::<PatternData>().expect("pattern"),
            _ => unreachable!("a match's pattern is a Pattern"),
        }
    }

    /// Group number for an index argument (int or name), with CPython's IndexError.
    fn index(&self, vm: &mut Vm, g: &Value) -> PyResult<usize> {
        let p = self.pat();
        match g {
            Value::Int(i) => {
                if *i >= 0 && (*i as usize) <= p.groups {
                    return Ok(*i as usize);
                }
            }
            Value::Bool(b) => return Ok(*b as usize),
            _ => {
                if let Some(s) = g.as_str() {
                    if let Some((_, n)) = p.names.iter().find(|(k, _)| k == s) {
                        return Ok(*n);
                    }
                } else if let Some(i) = g.as_i64() {
                    if i >= 0 && (i as usize) <= p.groups {
                        return Ok(i as usize);
                    }
                }
            }
        }
        let _ = vm;
        Err(PyErr::new(ExcKind::IndexError, "no such group"))
    }

    fn group(&self, n: usize) -> Value {
        slice_value(&self.string, self.bspans[n], &Value::None)
    }

    fn lastindex(&self) -> Option<usize> {
        let p = self.pat();
        let mut best: Option<(usize, usize)> = None; // (end, close position) of the best group
        let mut idx = None;
        for g in 1..=p.groups {
            if let Some((_, e)) = self.cspans[g] {
                let key = (e, p.close_order[g - 1]);
                if best.is_none_or(|b| key > b) {
                    best = Some(key);
                    idx = Some(g);
                }
            }
        }
        idx
    }
}

fn m_group(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = match_of(vm, &a[0], "group")?;
    if a.len() <= 1 {
        return Ok(m.group(0));
    }
    if a.len() == 2 {
        let n = m.index(vm, &a[1])?;
        return Ok(m.group(n));
    }
    let mut out = Vec::with_capacity(a.len() - 1);
    for g in &a[1..] {
        let n = m.index(vm, g)?;
        out.push(m.group(n));
    }
    Ok(Value::obj(Object::Tuple(out)))
}

fn m_getitem(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = match_of(vm, &a[0], "__getitem__")?;
    let n = m.index(vm, a.get(1).unwrap_or(&Value::Int(0)))?;
    Ok(m.group(n))
}

fn default_arg(a: &[Value], kw: &KwArgs) -> Value {
    a.get(1)
        .or_else(|| crate::builtins::kwarg(kw, "default"))
        .cloned()
        .unwrap_or(Value::None)
}

fn m_groups(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let m = match_of(vm, &a[0], "groups")?;
    let d = default_arg(a, kw);
    let out = (1..m.bspans.len())
        .map(|g| slice_value(&m.string, m.bspans[g], &d))
        .collect();
    Ok(Value::obj(Object::Tuple(out)))
}

fn m_groupdict(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let m = match_of(vm, &a[0], "groupdict")?;
    let d = default_arg(a, kw);
    let mut dict = crate::dict::Dict::new();
    for (name, g) in &m.pat().names {
        let v = slice_value(&m.string, m.bspans[*g], &d);
        dict.set_str(Value::str(name), crate::hash::hash_str(name), v);
    }
    Ok(Value::obj(Object::Dict(RefCell::new(dict))))
}

fn span_of(vm: &mut Vm, a: &[Value], meth: &str) -> PyResult<(i64, i64)> {
    let m = match_of(vm, &a[0], meth)?;
    let n = match a.get(1) {
        Some(g) => m.index(vm, g)?,
        None => 0,
    };
    Ok(match m.cspans[n] {
        Some((s, e)) => (s as i64, e as i64),
        None => (-1, -1),
    })
}

fn m_start(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(span_of(vm, a, "start")?.0))
}

fn m_end(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(span_of(vm, a, "end")?.1))
}

fn span_value(s: (i64, i64)) -> Value {
    Value::obj(Object::Tuple(vec![Value::Int(s.0), Value::Int(s.1)]))
}

fn m_span(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(span_value(span_of(vm, a, "span")?))
}

fn m_expand(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = match_of(vm, &a[0], "expand")?;
    let tmpl = a.get(1).cloned().unwrap_or(Value::None);
    let t = template::compile(vm, m.pat(), &tmpl)?;
    Ok(t.expand(m.pat().bytes, &m.string, &m.bspans))
}

fn m_repr(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = match_of(vm, &a[0], "__repr__")?;
    let (s, e) = m.cspans[0].unwrap_or((0, 0));
    let g = m.group(0);
    let r = vm.repr(&g)?;
    Ok(Value::from_string(format!(
        "<re.Match object; span=({}, {}), match={}>",
        s, e, r
    )))
}

fn m_getattr(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = match_of(vm, &a[0], "__getattr__")?;
    let name = a.get(1).and_then(|v| v.as_str()).unwrap_or("");
    Ok(match name {
        "pos" => Value::Int(m.pos as i64),
        "endpos" => Value::Int(m.endpos as i64),
        "string" => m.string.clone(),
        "re" => m.pattern.clone(),
        "lastindex" => m
            .lastindex()
            .map(|i| Value::Int(i as i64))
            .unwrap_or(Value::None),
        "lastgroup" => {
            let li = m.lastindex();
            li.and_then(|i| m.pat().names.iter().find(|(_, n)| *n == i))
                .map(|(k, _)| Value::str(k))
                .unwrap_or(Value::None)
        }
        "regs" => Value::obj(Object::Tuple(
            m.cspans
                .iter()
                .map(|s| span_value(s.map(|(a, b)| (a as i64, b as i64)).unwrap_or((-1, -1))))
                .collect(),
        )),
        _ => {
            return Err(crate::error::attribute_error(format!(
                "'re.Match' object has no attribute '{}'",
                name
            )))
        }
    })
}

// ---- searching -------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    Full,
    Search,
}

fn one_match(vm: &mut Vm, a: &[Value], kw: &KwArgs, mode: Mode, name: &str) -> PyResult<Value> {
    let args =
        crate::builtins::methods::util::bind(name, &a[1..], kw, &["string", "pos", "endpos"], 1)?;
    let pv = a[0].clone();
    let p = pattern_of(vm, &pv, name)?;
    let string = args[0].clone().unwrap_or(Value::None);
    let hay = subject(vm, p, &string)?;
    let n = char_len(hay);
    let (pos, endpos) = bounds(vm, args[1].as_ref(), args[2].as_ref(), n)?;
    if pos > endpos {
        return Ok(Value::None);
    }
    let mut map = PosMap::new(hay);
    let bpos = map.to_byte(pos);
    let bend = map.to_byte(endpos);
    let h = hay.truncate(bend);
    let spans = match mode {
        Mode::Search => exec(&p.regex, h, bpos, false, p.groups)?,
        Mode::Match => exec(&p.regex, h, bpos, true, p.groups)?,
        Mode::Full => match p.full() {
            Some(re) => exec(re, h, bpos, true, p.groups)?,
            None => None,
        },
    };
    Ok(match spans {
        Some(s) => new_match(&pv, &string, pos, endpos, s, &mut map),
        None => Value::None,
    })
}

fn pat_match(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    one_match(vm, a, kw, Mode::Match, "match")
}

fn pat_fullmatch(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    one_match(vm, a, kw, Mode::Full, "fullmatch")
}

fn pat_search(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    one_match(vm, a, kw, Mode::Search, "search")
}

/// Successive matches in `hay[..end]` from byte `pos`, CPython 3.7+'s rules for empty matches.
struct Finder {
    pos: usize,
    end: usize,
    must_advance: bool,
    done: bool,
}

impl Finder {
    fn next(&mut self, p: &PatternData, hay: Hay) -> PyResult<Option<Spans>> {
        if self.done || self.pos > self.end {
            return Ok(None);
        }
        let h = hay.truncate(self.end);
        let mut found = None;
        if self.must_advance {
            if let Some(ne) = p.nonempty() {
                found = exec(ne, h, self.pos, true, p.groups)?;
            }
            if found.is_none() {
                if self.pos >= self.end {
                    self.done = true;
                    return Ok(None);
                }
                let next = h.next_pos(self.pos);
                found = exec(&p.regex, h, next, false, p.groups)?;
            }
        } else {
            found = exec(&p.regex, h, self.pos, false, p.groups)?;
        }
        match &found {
            Some(s) => {
                let (a, b) = s[0].expect("group 0 matched");
                self.must_advance = a == b;
                self.pos = b;
            }
            None => self.done = true,
        }
        Ok(found)
    }
}

struct Setup<'a> {
    p: &'a PatternData,
    hay: Hay<'a>,
    finder: Finder,
    pos: usize,
    endpos: usize,
}

fn setup<'a>(
    vm: &Vm,
    pv: &'a Value,
    string: &'a Value,
    pos: Option<&Value>,
    endpos: Option<&Value>,
    name: &str,
) -> PyResult<Setup<'a>> {
    let p = pattern_of(vm, pv, name)?;
    let hay = subject(vm, p, string)?;
    let n = char_len(hay);
    let (pos, endpos) = bounds(vm, pos, endpos, n)?;
    let map = PosMap::new(hay);
    let bpos = map.to_byte(pos);
    let bend = map.to_byte(endpos);
    Ok(Setup {
        p,
        hay,
        finder: Finder {
            pos: bpos,
            end: bend,
            must_advance: false,
            done: pos > endpos,
        },
        pos,
        endpos,
    })
}

fn pat_findall(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::builtins::methods::util::bind(
        "findall",
        &a[1..],
        kw,
        &["string", "pos", "endpos"],
        1,
    )?;
    let string = args[0].clone().unwrap_or(Value::None);
    let mut st = setup(
        vm,
        &a[0],
        &string,
        args[1].as_ref(),
        args[2].as_ref(),
        "findall",
    )?;
    let mut out = Vec::new();
    let empty = if st.p.bytes {
        Value::obj(Object::Bytes(Vec::new()))
    } else {
        Value::str("")
    };
    while let Some(s) = st.finder.next(st.p, st.hay)? {
        let v = match st.p.groups {
            0 => slice_value(&string, s[0], &empty),
            1 => slice_value(&string, s[1], &empty),
            n => Value::obj(Object::Tuple(
                (1..=n)
                    .map(|g| slice_value(&string, s[g], &empty))
                    .collect(),
            )),
        };
        out.push(v);
    }
    Ok(Value::obj(Object::List(RefCell::new(out))))
}

struct ScannerData {
    pattern: Value,
    string: Value,
    pos: usize,
    endpos: usize,
    finder: RefCell<Finder>,
    /// Last (byte, char) conversion point, so iterating over non-ASCII text stays linear.
    cursor: Cell<(usize, usize)>,
}

fn pat_finditer(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::builtins::methods::util::bind(
        "finditer",
        &a[1..],
        kw,
        &["string", "pos", "endpos"],
        1,
    )?;
    let string = args[0].clone().unwrap_or(Value::None);
    let st = setup(
        vm,
        &a[0],
        &string,
        args[1].as_ref(),
        args[2].as_ref(),
        "finditer",
    )?;
    let data = ScannerData {
        pattern: a[0].clone(),
        string: string.clone(),
        pos: st.pos,
        endpos: st.endpos,
        finder: RefCell::new(st.finder),
        cursor: Cell::new((0, 0)),
    };
    let cls = types().borrow().scanner.clone();
    Ok(Value::obj(Object::Native(NativeObj {
        cls,
        data: Box::new(data),
    })))
}

fn scanner_next(_vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(Object::Native(n)) = a[0].as_obj() else {
        return Err(PyErr::bare(ExcKind::StopIteration));
    };
    let Some(sd) = n.get::<ScannerData>() else {
        return Err(PyErr::bare(ExcKind::StopIteration));
    };
    let Some(Object::Native(pn)) = sd.pattern.as_obj() else {
        return Err(PyErr::bare(ExcKind::StopIteration));
    };
    let p = pn.get::<PatternData>().expect("pattern");
    let hay = match sd.string.as_obj() {
        Some(Object::Str(s)) => Hay::S(s.as_str()),
        Some(Object::Bytes(b)) => Hay::B(b),
        _ => return Err(PyErr::bare(ExcKind::StopIteration)),
    };
    let spans = sd.finder.borrow_mut().next(p, hay)?;
    match spans {
        Some(s) => {
            let mut map = PosMap::new(hay);
            let (cb, cc) = sd.cursor.get();
            map.cb = cb;
            map.cc = cc;
            let start = s[0].map(|x| x.0).unwrap_or(0);
            let m = new_match(&sd.pattern, &sd.string, sd.pos, sd.endpos, s, &mut map);
            let c = map.to_char(start);
            sd.cursor.set((start, c));
            Ok(m)
        }
        None => Err(PyErr::bare(ExcKind::StopIteration)),
    }
}

fn pat_split(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args =
        crate::builtins::methods::util::bind("split", &a[1..], kw, &["string", "maxsplit"], 1)?;
    let string = args[0].clone().unwrap_or(Value::None);
    let maxsplit = args[1].as_ref().and_then(|v| v.as_i64()).unwrap_or(0);
    let mut st = setup(vm, &a[0], &string, None, None, "split")?;
    let mut out = Vec::new();
    let mut last = 0usize;
    let mut n = 0i64;
    if maxsplit >= 0 {
        while maxsplit == 0 || n < maxsplit {
            let Some(s) = st.finder.next(st.p, st.hay)? else {
                break;
            };
            let (ms, me) = s[0].expect("group 0");
            out.push(slice_value(&string, Some((last, ms)), &Value::None));
            for g in 1..=st.p.groups {
                out.push(slice_value(&string, s[g], &Value::None));
            }
            last = me;
            n += 1;
        }
    }
    out.push(slice_value(
        &string,
        Some((last, st.hay.len())),
        &Value::None,
    ));
    Ok(Value::obj(Object::List(RefCell::new(out))))
}

fn subx(vm: &mut Vm, a: &[Value], kw: &KwArgs, name: &str) -> PyResult<(Value, i64)> {
    let args =
        crate::builtins::methods::util::bind(name, &a[1..], kw, &["repl", "string", "count"], 2)?;
    let repl = args[0].clone().unwrap_or(Value::None);
    let string = args[1].clone().unwrap_or(Value::None);
    let count = args[2].as_ref().and_then(|v| v.as_i64()).unwrap_or(0);
    let pv = a[0].clone();
    let p = pattern_of(vm, &pv, name)?;
    // A str/bytes replacement is compiled once; anything else is called with each match.
    let tmpl = match repl.as_obj() {
        Some(Object::Str(_)) | Some(Object::Bytes(_)) => Some(template::compile(vm, p, &repl)?),
        _ => None,
    };
    let mut st = setup(vm, &pv, &string, None, None, name)?;
    let mut out_s = String::new();
    let mut out_b: Vec<u8> = Vec::new();
    let mut last = 0usize;
    let mut n = 0i64;
    let mut map = PosMap::new(st.hay);
    let hay = st.hay;
    let push = |out_s: &mut String, out_b: &mut Vec<u8>, a: usize, b: usize| match hay {
        Hay::S(s) => out_s.push_str(&s[a..b]),
        Hay::B(bs) => out_b.extend_from_slice(&bs[a..b]),
    };
    while count <= 0 || n < count {
        if count < 0 {
            break;
        }
        let Some(s) = st.finder.next(st.p, st.hay)? else {
            break;
        };
        let (ms, me) = s[0].expect("group 0");
        push(&mut out_s, &mut out_b, last, ms);
        match &tmpl {
            Some(t) => t.expand_into(&string, &s, &mut out_s, &mut out_b),
            None => {
                let m = new_match(&pv, &string, st.pos, st.endpos, s, &mut map);
                let r = vm.call(&repl, &[m])?;
                match (r.as_obj(), p.bytes) {
                    (Some(Object::Str(rs)), false) => out_s.push_str(rs.as_str()),
                    (Some(Object::Bytes(rb)), true) => out_b.extend_from_slice(rb),
                    _ => {
                        return Err(type_error(format!(
                            "expected {} instance, {} found",
                            if p.bytes {
                                "a bytes-like object"
                            } else {
                                "str"
                            },
                            vm.type_name(&r)
                        )))
                    }
                }
            }
        }
        last = me;
        n += 1;
    }
    push(&mut out_s, &mut out_b, last, st.hay.len());
    let v = if p.bytes {
        Value::obj(Object::Bytes(out_b))
    } else if n == 0 {
        string.clone()
    } else {
        Value::from_string(out_s)
    };
    Ok((v, n))
}

fn pat_sub(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    Ok(subx(vm, a, kw, "sub")?.0)
}

fn pat_subn(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (v, n) = subx(vm, a, kw, "subn")?;
    Ok(Value::obj(Object::Tuple(vec![v, Value::Int(n)])))
}

// ---- pattern attributes ----------------------------------------------------------------------------------

const FLAG_NAMES: &[(u32, &str)] = &[
    (TEMPLATE, "re.TEMPLATE"),
    (IGNORECASE, "re.IGNORECASE"),
    (LOCALE, "re.LOCALE"),
    (MULTILINE, "re.MULTILINE"),
    (DOTALL, "re.DOTALL"),
    (UNICODE, "re.UNICODE"),
    (VERBOSE, "re.VERBOSE"),
    (DEBUG, "re.DEBUG"),
    (ASCII, "re.ASCII"),
];

fn pat_repr(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let p = pattern_of(vm, &a[0], "__repr__")?;
    let mut r = vm.repr(&p.src)?;
    if r.chars().count() > 200 {
        r = r.chars().take(200).collect();
    }
    let mut flags = p.flags;
    if !p.bytes {
        flags &= !UNICODE;
    }
    if flags == 0 {
        return Ok(Value::from_string(format!("re.compile({})", r)));
    }
    let mut names: Vec<String> = Vec::new();
    for (f, n) in FLAG_NAMES {
        if flags & f != 0 {
            names.push(n.to_string());
            flags &= !f;
        }
    }
    if flags != 0 {
        names.push(format!("0x{:x}", flags));
    }
    Ok(Value::from_string(format!(
        "re.compile({}, {})",
        r,
        names.join("|")
    )))
}

fn pat_getattr(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let p = pattern_of(vm, &a[0], "__getattr__")?;
    let name = a.get(1).and_then(|v| v.as_str()).unwrap_or("");
    Ok(match name {
        "pattern" => p.src.clone(),
        "flags" => Value::Int(p.flags as i64),
        "groups" => Value::Int(p.groups as i64),
        "groupindex" => {
            let mut d = crate::dict::Dict::new();
            for (k, n) in &p.names {
                d.set_str(
                    Value::str(k),
                    crate::hash::hash_str(k),
                    Value::Int(*n as i64),
                );
            }
            Value::obj(Object::Dict(RefCell::new(d)))
        }
        _ => {
            return Err(crate::error::attribute_error(format!(
                "'re.Pattern' object has no attribute '{}'",
                name
            )))
        }
    })
}

fn pat_eq(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let p = pattern_of(vm, &a[0], "__eq__")?;
    let Some(Object::Native(n)) = a.get(1).and_then(|v| v.as_obj()) else {
        return Ok(Value::obj(Object::Singleton(
            crate::object::Singleton::NotImplemented,
        )));
    };
    let Some(q) = n.get::<PatternData>() else {
        return Ok(Value::obj(Object::Singleton(
            crate::object::Singleton::NotImplemented,
        )));
    };
    let (ps, qs) = (p.src.clone(), q.src.clone());
    let same = p.flags == q.flags && p.bytes == q.bytes && vm.eq(&ps, &qs)?;
    Ok(Value::Bool(same))
}

fn pat_hash(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let p = pattern_of(vm, &a[0], "__hash__")?;
    let src = p.src.clone();
    let flags = p.flags as i64;
    let h = vm.hash(&src)?;
    Ok(Value::Int(h ^ flags))
}

/// `re.escape`: a backslash before the characters special in patterns (CPython 3.7+'s set).
fn re_escape(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    const SPECIAL: &[u8] = b"()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c";
    let v = a.first().cloned().unwrap_or(Value::None);
    match v.as_obj() {
        Some(Object::Str(s)) => {
            let mut out = String::with_capacity(s.as_str().len());
            for c in s.as_str().chars() {
                if c.is_ascii() && SPECIAL.contains(&(c as u8)) {
                    out.push('\\');
                }
                out.push(c);
            }
            Ok(Value::from_string(out))
        }
        Some(Object::Bytes(b)) => {
            let mut out = Vec::with_capacity(b.len());
            for &c in b.iter() {
                if SPECIAL.contains(&c) {
                    out.push(b'\\');
                }
                out.push(c);
            }
            Ok(Value::obj(Object::Bytes(out)))
        }
        _ => Err(type_error(format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(&v)
        ))),
    }
}

// Patterns, matches and scanners hold only strings, bytes and patterns: nothing that can form a cycle.
impl crate::native::NativeData for PatternData {}
impl crate::native::NativeData for MatchData {}
impl crate::native::NativeData for ScannerData {
    fn next_fn(&self) -> Option<crate::native::NextFn> {
        Some(
            |vm, it| match scanner_next(vm, std::slice::from_ref(it), &Vec::new()) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.lazy_kind() == Some(ExcKind::StopIteration) => Ok(None),
                Err(e) => Err(e),
            },
        )
    }
}
