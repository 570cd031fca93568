//! Code objects: what the compiler produces for a module, function, class body or comprehension.

use crate::bytecode::{Instr, Op};
use crate::value::Value;
use std::fmt::Write;
use std::rc::Rc;

pub mod flags {
    pub const VARARGS: u32 = 1;
    pub const VARKEYWORDS: u32 = 2;
    pub const GENERATOR: u32 = 4;
    pub const COROUTINE: u32 = 8;
    /// Module or class body: names resolve through a namespace dict, not fast locals.
    pub const NAMESPACE: u32 = 16;
}

/// The source text of a module, shared by all its code objects for tracebacks.
pub struct Source {
    pub filename: Rc<str>,
    pub text: Rc<str>,
}

impl Source {
    /// 1-based line `n` of the source, if present.
    pub fn line(&self, n: u32) -> Option<&str> {
        if n == 0 {
            return None;
        }
        self.text
            .split('\n')
            .nth(n as usize - 1)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }
}

/// One protected range of the exception table: an exception raised by an instruction in
/// `[start, end)` cuts the value stack to `depth` items, is pushed, and control goes to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// A cached global lookup: valid while the globals dict (identified by address) and the builtins dict
/// still have the versions seen when it was cached. It keeps where the value is (an entry index in the
/// globals, or in the builtins with `GLOBAL_IN_BUILTINS` set), not the value: a cached value would keep
/// a deleted global's object alive.
pub struct GlobalCache {
    pub globals: std::cell::Cell<usize>,
    pub gver: std::cell::Cell<u64>,
    pub bver: std::cell::Cell<u64>,
    pub slot: std::cell::Cell<u32>,
}

/// `GlobalCache::slot`'s flag for a name found in the builtins.
pub const GLOBAL_IN_BUILTINS: u32 = 1 << 31;

impl GlobalCache {
    pub fn empty() -> GlobalCache {
        GlobalCache {
            globals: std::cell::Cell::new(0),
            gver: std::cell::Cell::new(u64::MAX),
            bver: std::cell::Cell::new(u64::MAX),
            slot: std::cell::Cell::new(0),
        }
    }
}

/// A cached attribute access (`LoadAttr`/`LoadMethod` or `StoreAttr`) on instances of one class with one
/// shape: valid while the class (identified by address, kept alive by `keep`) is the same and the global
/// type epoch (bumped on any class mutation, the method cache's invalidation) has not moved. See
/// vm/attrcache.rs.
pub struct AttrEntry {
    pub cls: std::cell::Cell<usize>,
    pub epoch: std::cell::Cell<u64>,
    /// The shape id the instance must have (never the dict-mode id 0).
    pub shape: std::cell::Cell<u32>,
    /// What a hit does (`attrcache::{SLOT, METHOD, CLASS_VALUE, ADD}`).
    pub kind: std::cell::Cell<u8>,
    /// The slot read or written.
    pub index: std::cell::Cell<u32>,
    /// METHOD: the function; CLASS_VALUE: the value.
    pub value: std::cell::RefCell<Value>,
    /// ADD: the shape after the store.
    pub next: std::cell::RefCell<Option<Rc<crate::shape::Shape>>>,
    pub keep: std::cell::RefCell<Value>,
}

impl AttrEntry {
    pub fn empty() -> AttrEntry {
        AttrEntry {
            cls: std::cell::Cell::new(0),
            epoch: std::cell::Cell::new(0),
            shape: std::cell::Cell::new(0),
            kind: std::cell::Cell::new(0),
            index: std::cell::Cell::new(0),
            value: std::cell::RefCell::new(Value::Undef),
            next: std::cell::RefCell::new(None),
            keep: std::cell::RefCell::new(Value::Undef),
        }
    }
}

/// Entries per attribute cache: sites see several classes (methods of a base class called on instances of
/// its subclasses), so each cache is polymorphic.
pub const ATTR_WAYS: usize = 4;

/// Attribute caches of one name: loads (`LoadAttr`, `LoadMethod`) and stores (`StoreAttr`), each up to
/// `ATTR_WAYS` (class, shape) pairs, refilled round-robin.
pub struct AttrCache {
    pub load: [AttrEntry; ATTR_WAYS],
    pub store: [AttrEntry; ATTR_WAYS],
    pub next_load: std::cell::Cell<u8>,
    pub next_store: std::cell::Cell<u8>,
}

impl AttrCache {
    pub fn empty() -> AttrCache {
        AttrCache {
            load: std::array::from_fn(|_| AttrEntry::empty()),
            store: std::array::from_fn(|_| AttrEntry::empty()),
            next_load: std::cell::Cell::new(0),
            next_store: std::cell::Cell::new(0),
        }
    }
}

pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub source: Rc<Source>,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction (same length as `instrs`).
    pub lines: Vec<u32>,
    /// Source range of each instruction (same length as `instrs`): byte offsets into `source.text` of
    /// the innermost AST node it was compiled for, as CPython's `co_positions`. Read only when a
    /// traceback is printed (the caret line, see vm/exc_print.rs).
    pub spans: Vec<(u32, u32)>,
    /// `(pc, start, end)` for each `LoadFast2` whose second load has its own range (its first load's
    /// range is in `spans`), sorted by pc.
    pub fused_spans: Vec<(u32, u32, u32)>,
    pub consts: Vec<Value>,
    /// Names for global/attribute/name ops, as interned `str` values (their hash is cached).
    pub names: Vec<Value>,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also an argument: its argument index (the call copies it into the cell).
    pub cell2arg: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub firstlineno: u32,
    /// Maximum value-stack depth.
    pub stacksize: u32,
    /// Profiling counters, one per instruction (only loop headers are counted).
    pub counters: Box<[std::cell::Cell<u32>]>,
    /// The docstring (`__doc__`), or None.
    pub doc: Value,
    /// Exception handlers, innermost first (see compiler/exceptions.rs).
    pub exc_table: Vec<ExcEntry>,
    /// Inline caches for `LoadGlobal`, one per name (see `GlobalCache`).
    pub global_cache: Box<[GlobalCache]>,
    /// Inline caches for attribute access on instances, one per name (see `AttrCache`).
    pub attr_cache: Box<[AttrCache]>,
    /// Plain positional parameters only (no *args/**kwargs/kw-only, no cells, not a generator): calls
    /// bind arguments in place without the general binder.
    pub simple: bool,
}

impl Code {
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
    /// Slots a frame needs: locals, cells, value stack.
    pub fn frame_size(&self) -> usize {
        self.nlocals() + self.ncells() + self.stacksize as usize
    }
    pub fn filename(&self) -> &str {
        &self.source.filename
    }
    /// The innermost handler protecting instruction `pc`.
    pub fn handler_for(&self, pc: usize) -> Option<ExcEntry> {
        let pc = pc as u32;
        self.exc_table
            .iter()
            .copied()
            .find(|e| e.start <= pc && pc < e.end)
    }

    pub fn line_of(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.firstlineno)
    }
    /// The source range of instruction `pc` (`second`: the second load of a fused `LoadFast2`).
    pub fn span_of(&self, pc: usize, second: bool) -> (u32, u32) {
        if second {
            if let Ok(i) = self
                .fused_spans
                .binary_search_by_key(&(pc as u32), |&(p, _, _)| p)
            {
                let (_, s, e) = self.fused_spans[i];
                return (s, e);
            }
        }
        self.spans.get(pc).copied().unwrap_or((0, 0))
    }
    /// Total argument slots: positional + kw-only + *args + **kwargs.
    pub fn total_args(&self) -> usize {
        (self.argcount + self.kwonlyargcount) as usize
            + (self.flags & flags::VARARGS != 0) as usize
            + (self.flags & flags::VARKEYWORDS != 0) as usize
    }

    /// Human-readable listing (`pvm --dis`), recursing into nested code objects.
    pub fn disassemble(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "Disassembly of <code object {} at line {}>:",
            self.qualname, self.firstlineno
        );
        let targets: std::collections::HashSet<u32> = self
            .instrs
            .iter()
            .filter(|i| i.op().is_jump())
            .map(|i| crate::bytecode::jump_target(i.op(), i.arg()))
            .collect();
        let mut last_line = 0;
        for (pc, ins) in self.instrs.iter().enumerate() {
            let line = self.line_of(pc);
            let line_col = if line != last_line {
                last_line = line;
                format!("{:>4}", line)
            } else {
                "    ".to_string()
            };
            let mark = if targets.contains(&(pc as u32)) {
                ">>"
            } else {
                "  "
            };
            let op = ins.op();
            let _ = write!(out, "{} {} {:>5} {:<20}", line_col, mark, pc, op.name());
            let arg = ins.arg();
            let detail = self.describe_arg(op, arg);
            if detail.is_empty() {
                let _ = writeln!(out, " {}", arg);
            } else {
                let _ = writeln!(out, " {} ({})", arg, detail);
            }
        }
        if !self.exc_table.is_empty() {
            let _ = writeln!(out, "ExceptionTable:");
            for e in &self.exc_table {
                let _ = writeln!(
                    out,
                    "  {} to {} -> {} [{}]",
                    e.start, e.end, e.target, e.depth
                );
            }
        }
        for c in &self.consts {
            if let Some(crate::object::Object::Code(inner)) = c.as_obj() {
                out.push('\n');
                inner.disassemble(out);
            }
        }
    }

    fn describe_arg(&self, op: Op, arg: u32) -> String {
        let a = arg as usize;
        match op {
            Op::LoadConst | Op::NotImplemented => self
                .consts
                .get(a)
                .map(crate::repr::const_repr)
                .unwrap_or_default(),
            Op::LoadFast | Op::StoreFast | Op::DeleteFast => self
                .varnames
                .get(a)
                .map(|s| s.to_string())
                .unwrap_or_default(),
            Op::LoadDeref | Op::StoreDeref | Op::DeleteDeref | Op::LoadClosure => self
                .cellvars
                .iter()
                .chain(self.freevars.iter())
                .nth(a)
                .map(|s| s.to_string())
                .unwrap_or_default(),
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
            | Op::ImportFrom => self
                .names
                .get(a)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string(),
            Op::BinaryOp => {
                let (b, inplace) = crate::bytecode::BinOp::decode(arg);
                format!("{}{}", b.symbol(), if inplace { "=" } else { "" })
            }
            Op::CompareOp => crate::bytecode::CmpOp::decode(arg).symbol().to_string(),
            Op::CompareJumpIfFalse => {
                format!(
                    "{} else to {}",
                    crate::bytecode::CmpOp::decode(arg >> 21).symbol(),
                    arg & 0x1f_ffff
                )
            }
            Op::LoadFast2 => {
                let n = |i: u32| {
                    self.varnames
                        .get(i as usize)
                        .map(|s| s.to_string())
                        .unwrap_or_default()
                };
                format!("{}, {}", n(arg & 0xfff), n(arg >> 12))
            }
            Op::Jump
            | Op::JumpBackward
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::JumpIfFalseOrPop
            | Op::JumpIfTrueOrPop
            | Op::ForIter => format!("to {}", arg),
            Op::Nop
            | Op::PopTop
            | Op::Copy
            | Op::Swap
            | Op::BinarySubscr
            | Op::StoreSubscr
            | Op::DeleteSubscr
            | Op::BuildSlice
            | Op::UnaryNegative
            | Op::UnaryPositive
            | Op::UnaryNot
            | Op::UnaryInvert
            | Op::IsOp
            | Op::ContainsOp
            | Op::GetIter
            | Op::BuildTuple
            | Op::BuildList
            | Op::BuildSet
            | Op::BuildMap
            | Op::BuildString
            | Op::ListAppend
            | Op::SetAdd
            | Op::MapAdd
            | Op::ListExtend
            | Op::SetUpdate
            | Op::DictUpdate
            | Op::DictMerge
            | Op::ListToTuple
            | Op::FormatValue
            | Op::UnpackSequence
            | Op::UnpackEx
            | Op::MakeFunction
            | Op::Call
            | Op::CallKw
            | Op::CallMethod
            | Op::CallMethodKw
            | Op::CallEx
            | Op::ReturnValue
            | Op::RaiseVarargs
            | Op::LoadAssertionError
            | Op::ImportStar
            | Op::PrintExpr
            | Op::LoadBuildClass
            | Op::PushNull
            | Op::ForSetup
            | Op::PushExcInfo
            | Op::PopExcept
            | Op::CheckExcMatch
            | Op::Reraise
            | Op::YieldValue
            | Op::GetYieldFromIter
            | Op::BeforeWith
            | Op::WithExitNormal
            | Op::WithExceptStart
            | Op::MatchMapping
            | Op::MatchSequence
            | Op::GetLen
            | Op::MatchKeys
            | Op::MatchClass
            | Op::GetAwaitable
            | Op::GetAIter
            | Op::GetANext
            | Op::EndAsyncFor
            | Op::CheckEgMatch
            | Op::PrepReraiseStar => String::new(),
            Op::Send => format!("to {}", arg),
        }
    }
}
