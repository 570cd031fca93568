//! The `.pvmc` file format: a fixed header, then a code object tree serialised as a stream of tagged
//! values. Little-endian throughout.
//!
//! ```text
//! header (56 bytes)
//!   0  magic          8   MAGIC
//!   8  format         4   FORMAT (opcode table + layout revision; also in the file name)
//!  12  reserved       4   0 (required)
//!  16  fingerprint    8   hash of the compiler's sources (build.rs): other builds' files are stale
//!  24  source size    8   bytes of the .py file
//!  32  source hash    8   hash64 of the .py file's bytes
//!  40  payload len    8   bytes after the header (the file is exactly header + payload)
//!  48  payload hash   8   hash64 of the payload: any flipped byte is caught before decoding
//! payload: value (a code object)
//!
//! value := tag u8, then
//!   NONE FALSE TRUE ELLIPSIS NOTIMPL UNDEF      nothing
//!   INT    i64                FLOAT  u64 (bits)          COMPLEX u64 re, u64 im (bits)
//!   STR    u32 n, n bytes of UTF-8              BYTES  u32 n, n bytes
//!   BIGINT u8 sign (0 +, 1 -), u32 n, n bytes of magnitude (little-endian)
//!   TUPLE  u32 n, n values
//!   FROZENSET u32 slots, u32 n, n × (u32 slot index, value)   (in iteration order)
//!   CODE   code
//!   REF    u32 i: the i-th object value decoded so far (objects are numbered when finished)
//! code := str name, str qualname, u32 argcount, posonlyargcount, kwonlyargcount, flags, firstlineno,
//!         stacksize, u8 simple, u32 n, n × u32 instruction, n × position, u32 n, n × fused position,
//!         u32 n, n consts (values),
//!         u32 n, n names (values: str), 3 × (u32 n, n × str) varnames/cellvars/freevars,
//!         ncellvars × u32 cell2arg (u32::MAX = none), value doc, u32 n, n × 4 u32 exception entries
//! str  := u32 n, n bytes of UTF-8
//! position := svar line delta, svar start delta, var length   (deltas from the previous instruction's)
//! fused position := var pc delta, svar start delta, var length (a fused LoadFast2's second load)
//! var  := unsigned LEB128 (u32)        svar := zigzag var (i32): positions take ~3 bytes an instruction
//! ```
//!
//! REF reproduces sharing: names are one interned str object per module (namespace lookups match by
//! pointer), and equal frozenset constants share one object. Decoding never trusts a length: every count is
//! checked against the bytes left before anything is allocated, nesting is bounded, strings are checked
//! UTF-8, opcodes go through `Instr::decode`, and the finished code objects are checked by `verify`.

use crate::bytecode::Instr;
use crate::code::{Code, ExcEntry, GlobalCache, Source};
use crate::object::{Object, Singleton};
use crate::value::Value;
use num_bigint::{BigInt, Sign};
use std::collections::HashMap;
use std::rc::Rc;

pub const MAGIC: [u8; 8] = *b"\x7fPVMC\r\n\x1a";
pub const HEADER_LEN: usize = 56;

const NONE: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const INT: u8 = 3;
const FLOAT: u8 = 4;
const STR: u8 = 5;
const BIGINT: u8 = 6;
const BYTES: u8 = 7;
const TUPLE: u8 = 8;
const FROZENSET: u8 = 9;
const ELLIPSIS: u8 = 10;
const NOTIMPL: u8 = 11;
const CODE: u8 = 12;
const REF: u8 = 13;
const UNDEF: u8 = 14;
const COMPLEX: u8 = 15;

/// Deepest nesting of tuples/code objects accepted when decoding (the compiler bounds nesting lower).
const MAX_NESTING: u32 = 1000;

/// What the header says about the source it was compiled from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SourceStamp {
    pub size: u64,
    pub hash: u64,
}

// ---- writing ------------------------------------------------------------------------------------------

struct Writer {
    buf: Vec<u8>,
    /// Objects already written (by address) → their number, for REF.
    seen: HashMap<*const Object, u32>,
    next: u32,
}

impl Writer {
    fn u8(&mut self, b: u8) {
        self.buf.push(b);
    }
    fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    fn var(&mut self, mut v: u32) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }
    fn svar(&mut self, v: i32) {
        self.var(((v << 1) ^ (v >> 31)) as u32);
    }
    /// A source range as a start delta from `prev` (the previous range's start) and a length.
    fn span(&mut self, prev: &mut u32, (start, end): (u32, u32)) -> Result<(), String> {
        let len = end
            .checked_sub(start)
            .ok_or("a source range that ends before it starts")?;
        self.svar(start.wrapping_sub(*prev) as i32);
        self.var(len);
        *prev = start;
        Ok(())
    }
    fn len(&mut self, n: usize) -> Result<(), String> {
        let n = u32::try_from(n).map_err(|_| "a table too large for the format".to_string())?;
        self.u32(n);
        Ok(())
    }
    fn bytes(&mut self, b: &[u8]) -> Result<(), String> {
        self.len(b.len())?;
        self.buf.extend_from_slice(b);
        Ok(())
    }

    fn value(&mut self, v: &Value) -> Result<(), String> {
        let o = match v {
            Value::None => return Ok(self.u8(NONE)),
            Value::Bool(false) => return Ok(self.u8(FALSE)),
            Value::Bool(true) => return Ok(self.u8(TRUE)),
            Value::Int(i) => {
                self.u8(INT);
                return Ok(self.u64(*i as u64));
            }
            Value::Float(f) => {
                self.u8(FLOAT);
                return Ok(self.u64(f.to_bits()));
            }
            Value::Undef => return Ok(self.u8(UNDEF)),
            Value::Obj(o) => o,
        };
        let key = Rc::as_ptr(o);
        if let Some(&i) = self.seen.get(&key) {
            self.u8(REF);
            self.u32(i);
            return Ok(());
        }
        match &**o {
            Object::Str(s) => {
                self.u8(STR);
                self.bytes(s.as_str().as_bytes())?;
            }
            Object::Int(b) => {
                self.u8(BIGINT);
                let (sign, mag) = b.to_bytes_le();
                self.u8((sign == Sign::Minus) as u8);
                self.bytes(&mag)?;
            }
            Object::Bytes(b) => {
                self.u8(BYTES);
                self.bytes(b)?;
            }
            Object::Tuple(items) => {
                self.u8(TUPLE);
                self.len(items.len())?;
                for x in items {
                    self.value(x)?;
                }
            }
            Object::FrozenSet(t) => {
                // The exact layout (slot of each element), which `SetTable::from_layout` restores:
                // iteration order, and the order of sets built from this one, depend on it.
                self.u8(FROZENSET);
                self.len(t.capacity_slots())?;
                self.len(t.len())?;
                let mut pos = 0;
                while let Some((ix, e)) = t.next_from(pos) {
                    if e.hash != crate::compiler::const_hash(&e.key) {
                        return Err("a frozenset element with an unexpected hash".into());
                    }
                    self.len(ix)?;
                    self.value(&e.key)?;
                    pos = ix + 1;
                }
            }
            Object::Complex(c) => {
                self.u8(COMPLEX);
                self.u64(c.re.to_bits());
                self.u64(c.im.to_bits());
            }
            Object::Singleton(Singleton::Ellipsis) => self.u8(ELLIPSIS),
            Object::Singleton(Singleton::NotImplemented) => self.u8(NOTIMPL),
            Object::Code(c) => {
                self.u8(CODE);
                self.code(c)?;
            }
            _ => {
                return Err(format!(
                    "a constant of an unexpected kind: {}",
                    crate::repr::const_repr(v)
                ))
            }
        }
        self.seen.insert(key, self.next);
        self.next += 1;
        Ok(())
    }

    fn code(&mut self, c: &Code) -> Result<(), String> {
        self.bytes(c.name.as_bytes())?;
        self.bytes(c.qualname.as_bytes())?;
        for v in [
            c.argcount,
            c.posonlyargcount,
            c.kwonlyargcount,
            c.flags,
            c.firstlineno,
            c.stacksize,
        ] {
            self.u32(v);
        }
        self.u8(c.simple as u8);
        if c.lines.len() != c.instrs.len() || c.spans.len() != c.instrs.len() {
            return Err("a line table of the wrong length".into());
        }
        self.len(c.instrs.len())?;
        for i in &c.instrs {
            self.u32(i.encoding());
        }
        let (mut line, mut start) = (0u32, 0u32);
        for (&l, &sp) in c.lines.iter().zip(&c.spans) {
            self.svar(l.wrapping_sub(line) as i32);
            line = l;
            self.span(&mut start, sp)?;
        }
        self.len(c.fused_spans.len())?;
        let (mut pc, mut start) = (0u32, 0u32);
        for &(p, s, e) in &c.fused_spans {
            self.var(p.checked_sub(pc).ok_or("fused positions out of order")?);
            pc = p;
            self.span(&mut start, (s, e))?;
        }
        self.len(c.consts.len())?;
        for v in &c.consts {
            self.value(v)?;
        }
        self.len(c.names.len())?;
        for v in &c.names {
            self.value(v)?;
        }
        for list in [&c.varnames, &c.cellvars, &c.freevars] {
            self.len(list.len())?;
            for s in list.iter() {
                self.bytes(s.as_bytes())?;
            }
        }
        if c.cell2arg.len() != c.cellvars.len() {
            return Err("cell2arg of the wrong length".into());
        }
        for a in &c.cell2arg {
            self.u32(a.unwrap_or(u32::MAX));
        }
        self.value(&c.doc)?;
        self.len(c.exc_table.len())?;
        for e in &c.exc_table {
            for v in [e.start, e.end, e.target, e.depth] {
                self.u32(v);
            }
        }
        Ok(())
    }
}

/// The whole file for `code`, compiled from a source with `stamp`.
pub fn encode(code: &Code, stamp: SourceStamp) -> Result<Vec<u8>, String> {
    let mut w = Writer {
        buf: Vec::with_capacity(HEADER_LEN + 64 * code.instrs.len()),
        seen: HashMap::new(),
        next: 0,
    };
    w.buf.extend_from_slice(&[0; HEADER_LEN]);
    w.u8(CODE);
    w.code(code)?;
    let payload_len = (w.buf.len() - HEADER_LEN) as u64;
    let payload_hash = super::hash64(&w.buf[HEADER_LEN..]);
    let mut h = Vec::with_capacity(HEADER_LEN);
    h.extend_from_slice(&MAGIC);
    h.extend_from_slice(&super::FORMAT.to_le_bytes());
    h.extend_from_slice(&0u32.to_le_bytes());
    h.extend_from_slice(&super::fingerprint().to_le_bytes());
    h.extend_from_slice(&stamp.size.to_le_bytes());
    h.extend_from_slice(&stamp.hash.to_le_bytes());
    h.extend_from_slice(&payload_len.to_le_bytes());
    h.extend_from_slice(&payload_hash.to_le_bytes());
    debug_assert_eq!(h.len(), HEADER_LEN);
    w.buf[..HEADER_LEN].copy_from_slice(&h);
    Ok(w.buf)
}

// ---- reading ------------------------------------------------------------------------------------------

/// Why a cache file was not used (reported by `-X pvm-cache-verbose`).
pub type Reject = &'static str;

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    objs: Vec<Value>,
    source: Rc<Source>,
    depth: u32,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Reject> {
        let end = self.pos.checked_add(n).ok_or("truncated")?;
        let s = self.data.get(self.pos..end).ok_or("truncated")?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, Reject> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, Reject> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, Reject> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    /// A count of items each at least `min_size` bytes long: never more than the bytes left allow, so a
    /// corrupt count cannot make us allocate more than the file's size.
    fn count(&mut self, min_size: usize) -> Result<usize, Reject> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size) > self.data.len() - self.pos {
            return Err("a count larger than the file");
        }
        Ok(n)
    }
    fn var(&mut self) -> Result<u32, Reject> {
        let mut v: u32 = 0;
        for shift in [0, 7, 14, 21, 28] {
            let b = self.u8()?;
            if shift == 28 && b > 0x0f {
                return Err("a varint too large");
            }
            v |= ((b & 0x7f) as u32) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("a varint too long")
    }
    fn svar(&mut self) -> Result<i32, Reject> {
        let v = self.var()?;
        Ok(((v >> 1) as i32) ^ -((v & 1) as i32))
    }
    fn span(&mut self, prev: &mut u32) -> Result<(u32, u32), Reject> {
        let start = prev.wrapping_add(self.svar()? as u32);
        let end = start.checked_add(self.var()?).ok_or("a bad source range")?;
        *prev = start;
        Ok((start, end))
    }
    fn bytes(&mut self) -> Result<&'a [u8], Reject> {
        let n = self.count(1)?;
        self.take(n)
    }
    fn str(&mut self) -> Result<&'a str, Reject> {
        std::str::from_utf8(self.bytes()?).map_err(|_| "a string that is not UTF-8")
    }

    fn value(&mut self) -> Result<Value, Reject> {
        let tag = self.u8()?;
        let o = match tag {
            NONE => return Ok(Value::None),
            FALSE => return Ok(Value::Bool(false)),
            TRUE => return Ok(Value::Bool(true)),
            INT => return Ok(Value::Int(self.u64()? as i64)),
            FLOAT => return Ok(Value::Float(f64::from_bits(self.u64()?))),
            UNDEF => return Ok(Value::Undef),
            REF => {
                let i = self.u32()? as usize;
                return self.objs.get(i).cloned().ok_or("a reference to no object");
            }
            STR => Value::str(self.str()?),
            BIGINT => {
                let sign = match self.u8()? {
                    0 => Sign::Plus,
                    1 => Sign::Minus,
                    _ => return Err("a bad int sign"),
                };
                let b = BigInt::from_bytes_le(sign, self.bytes()?);
                // A big int constant is always outside i64 (inside, it is a `Value::Int`).
                if i64::try_from(&b).is_ok() {
                    return Err("a big int that fits i64");
                }
                Value::obj(Object::Int(b))
            }
            BYTES => Value::obj(Object::Bytes(self.bytes()?.to_vec())),
            TUPLE => {
                self.enter()?;
                let n = self.count(1)?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.value()?);
                }
                self.depth -= 1;
                Value::obj(Object::Tuple(items))
            }
            FROZENSET => {
                self.enter()?;
                let slots = self.u32()? as usize;
                let n = self.count(5)?;
                let mut keys = Vec::with_capacity(n);
                let mut positions = Vec::with_capacity(n);
                for _ in 0..n {
                    positions.push(self.u32()? as usize);
                    keys.push(self.value()?);
                }
                self.depth -= 1;
                let entries = positions
                    .into_iter()
                    .zip(keys)
                    .map(|(ix, key)| {
                        let hash = crate::compiler::const_hash(&key);
                        (ix, crate::settable::SetEntry { hash, key })
                    })
                    .collect();
                let t = crate::settable::SetTable::from_layout(slots, entries)
                    .ok_or("a frozenset with an impossible layout")?;
                Value::obj(Object::FrozenSet(t))
            }
            COMPLEX => {
                let re = f64::from_bits(self.u64()?);
                let im = f64::from_bits(self.u64()?);
                Value::obj(Object::Complex(crate::object::Complex { re, im }))
            }
            ELLIPSIS => Value::obj(Object::Singleton(Singleton::Ellipsis)),
            NOTIMPL => Value::obj(Object::Singleton(Singleton::NotImplemented)),
            CODE => {
                self.enter()?;
                let c = self.code()?;
                self.depth -= 1;
                Value::obj(Object::Code(Rc::new(c)))
            }
            _ => return Err("an unknown value tag"),
        };
        self.objs.push(o.clone());
        Ok(o)
    }

    fn enter(&mut self) -> Result<(), Reject> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err("nesting too deep");
        }
        Ok(())
    }

    fn strs(&mut self) -> Result<Vec<Rc<str>>, Reject> {
        let n = self.count(4)?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(Rc::from(self.str()?));
        }
        Ok(v)
    }

    fn code(&mut self) -> Result<Code, Reject> {
        let name: Rc<str> = self.str()?.into();
        let qualname: Rc<str> = self.str()?.into();
        let argcount = self.u32()?;
        let posonlyargcount = self.u32()?;
        let kwonlyargcount = self.u32()?;
        let flags = self.u32()?;
        let firstlineno = self.u32()?;
        let stacksize = self.u32()?;
        let simple = match self.u8()? {
            0 => false,
            1 => true,
            _ => return Err("a bad flag byte"),
        };
        let n = self.count(7)?;
        let mut instrs = Vec::with_capacity(n);
        for _ in 0..n {
            instrs.push(Instr::decode(self.u32()?).ok_or("an unknown opcode")?);
        }
        let mut lines = Vec::with_capacity(n);
        let mut spans = Vec::with_capacity(n);
        let (mut line, mut start) = (0u32, 0u32);
        for _ in 0..n {
            line = line.wrapping_add(self.svar()? as u32);
            lines.push(line);
            spans.push(self.span(&mut start)?);
        }
        let nfused = self.count(3)?;
        let mut fused_spans = Vec::with_capacity(nfused);
        let (mut pc, mut start) = (0u32, 0u32);
        for _ in 0..nfused {
            pc = pc.checked_add(self.var()?).ok_or("a bad fused position")?;
            let (s, e) = self.span(&mut start)?;
            fused_spans.push((pc, s, e));
        }
        let nconsts = self.count(1)?;
        let mut consts = Vec::with_capacity(nconsts);
        for _ in 0..nconsts {
            consts.push(self.value()?);
        }
        let nnames = self.count(1)?;
        let mut names = Vec::with_capacity(nnames);
        for _ in 0..nnames {
            let v = self.value()?;
            if v.as_str().is_none() {
                return Err("a name that is not a str");
            }
            names.push(v);
        }
        let varnames = self.strs()?;
        let cellvars = self.strs()?;
        let freevars = self.strs()?;
        let mut cell2arg = Vec::with_capacity(cellvars.len());
        for _ in 0..cellvars.len() {
            let a = self.u32()?;
            cell2arg.push(if a == u32::MAX { None } else { Some(a) });
        }
        let doc = self.value()?;
        let nexc = self.count(16)?;
        let mut exc_table = Vec::with_capacity(nexc);
        for _ in 0..nexc {
            exc_table.push(ExcEntry {
                start: self.u32()?,
                end: self.u32()?,
                target: self.u32()?,
                depth: self.u32()?,
            });
        }
        let counters = (0..instrs.len()).map(|_| std::cell::Cell::new(0)).collect();
        let global_cache = (0..names.len()).map(|_| GlobalCache::empty()).collect();
        let attr_cache = (0..names.len())
            .map(|_| crate::code::AttrCache::empty())
            .collect();
        let code = Code {
            name,
            qualname,
            source: self.source.clone(),
            instrs,
            lines,
            spans,
            fused_spans,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            cell2arg,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            firstlineno,
            stacksize,
            counters,
            doc,
            exc_table,
            global_cache,
            attr_cache,
            simple,
        };
        super::verify::check(&code)?;
        Ok(code)
    }
}

/// The header fields that decide whether a file is usable, checked in order of cheapness.
pub fn check_header(data: &[u8], stamp: SourceStamp) -> Result<(), Reject> {
    if data.len() < HEADER_LEN {
        return Err("truncated (shorter than the header)");
    }
    let u32_at = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    let u64_at = |i: usize| {
        let mut a = [0u8; 8];
        a.copy_from_slice(&data[i..i + 8]);
        u64::from_le_bytes(a)
    };
    if data[..8] != MAGIC {
        return Err("not a pvm cache file (bad magic number)");
    }
    if u32_at(8) != super::FORMAT || u32_at(12) != 0 {
        return Err("another format version");
    }
    if u64_at(16) != super::fingerprint() {
        return Err("written by another pvm build");
    }
    if u64_at(24) != stamp.size || u64_at(32) != stamp.hash {
        return Err("stale (the source changed)");
    }
    if u64_at(40) != (data.len() - HEADER_LEN) as u64 {
        return Err("truncated or padded (payload length differs)");
    }
    if u64_at(48) != super::hash64(&data[HEADER_LEN..]) {
        return Err("corrupt (payload checksum differs)");
    }
    Ok(())
}

/// Decode a whole file (header already checked) into the module's code object.
pub fn decode(data: &[u8], filename: &str, text: Rc<str>) -> Result<Rc<Code>, Reject> {
    let mut r = Reader {
        data,
        pos: HEADER_LEN,
        objs: Vec::new(),
        source: Rc::new(Source {
            filename: filename.into(),
            text,
        }),
        depth: 0,
    };
    if r.u8()? != CODE {
        return Err("the payload is not a code object");
    }
    let code = r.code()?;
    if r.pos != data.len() {
        return Err("trailing bytes after the code object");
    }
    Ok(Rc::new(code))
}
