//! Heap objects.
//!
//! Every heap object is an `Rc<Object>`: reference counting frees acyclic garbage promptly and without the
//! program's help, and needs no `unsafe` for object lifetime (cycle collection is layered on top, see
//! ARCHITECTURE.md "Memory management"). `Object` is one enum so that a type test is one load of the
//! discriminant; mutable containers use `RefCell`, and the rule that keeps that panic-free is: never call
//! back into Python while a borrow is held (take what you need, drop the borrow, then call).

use crate::code::Code;
use crate::dict::Dict;
use crate::settable::SetTable;
use crate::shape::Attrs;
use crate::value::Value;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub type ObjRef = Rc<Object>;

// `repr(u8)` (JIT, issue 6): the discriminant is a byte at offset 0 of every object, so a trace tests an
// object's type with one load and one compare (design brief §1); jit/src/runtime.rs probes the rest.
#[repr(u8)]
pub enum Object {
    /// An int outside i64 (inside i64 it is always `Value::Int`).
    Int(BigInt),
    Str(PyStr),
    Bytes(Vec<u8>),
    Tuple(Vec<Value>),
    List(RefCell<Vec<Value>>),
    Dict(RefCell<Dict>),
    /// `set` and `frozenset`: CPython's open-addressing layout, so they iterate in CPython's order.
    Set(RefCell<SetTable>),
    FrozenSet(SetTable),
    Range(Range),
    /// A range whose bounds or length leave i64 (see range.rs).
    BigRange(Box<crate::range::BigRange>),
    Slice(Box<[Value; 3]>),
    Function(Box<Function>),
    Builtin(Builtin),
    BoundMethod(Box<(Value, Value)>),
    Cell(RefCell<Value>),
    Module(Module),
    Type(Box<TypeObj>),
    Instance(Instance),
    Exception(Box<ExcObj>),
    Iter(RefCell<Iter>),
    Code(Rc<Code>),
    /// A generator (its suspended frame).
    Generator(Box<RefCell<crate::vm::generators::GenState>>),
    /// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
    DictView(Box<(ObjRef, ViewKind)>),
    /// `NotImplemented`, `Ellipsis`.
    Singleton(Singleton),
    /// An object of a library type implemented in Rust (`re.Match`, `io.StringIO`, `collections.deque`,
    /// itertools' iterators...): see native.rs.
    Native(NativeObj),
    /// `bytearray`.
    ByteArray(ByteArray),
    /// `complex`.
    Complex(Complex),
    /// `memoryview` over a bytes or bytearray.
    MemoryView(Box<MemView>),
}

/// A `bytearray`: a byte buffer whose size is fixed while memoryviews export it (`exports` > 0), as in
/// CPython ("BufferError: Existing exports of data: object cannot be re-sized").
#[derive(Default)]
pub struct ByteArray {
    pub data: RefCell<Vec<u8>>,
    pub exports: Cell<usize>,
}

impl ByteArray {
    pub fn new(v: Vec<u8>) -> ByteArray {
        ByteArray {
            data: RefCell::new(v),
            exports: Cell::new(0),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

/// A one-dimensional view of `obj`'s bytes (a `bytes` or `bytearray`): `len` items of the struct
/// `format` ('B', 'b', 'c', 'i', 'd', ...), item `i` at byte offset `start + i*step`.
pub struct MemView {
    pub obj: ObjRef,
    pub start: usize,
    pub len: usize,
    pub step: isize,
    pub format: u8,
    pub readonly: bool,
    pub released: Cell<bool>,
}

impl Drop for MemView {
    fn drop(&mut self) {
        if !self.released.get() {
            if let Object::ByteArray(b) = &*self.obj {
                b.exports.set(b.exports.get().saturating_sub(1));
            }
        }
    }
}

/// A library object whose state is Rust data: its class (for `type()`, and attribute and dunder lookup,
/// which find the type's builtin methods like any class's) and the state, which the module that made it
/// downcasts (state that changes uses interior mutability). The state implements `NativeData`: an empty
/// `impl NativeData for MyState {}` suffices unless it holds values (then it reports them to the cycle
/// collector) or is an iterator (then it names its `next` function).
pub struct NativeObj {
    pub cls: ObjRef,
    pub data: Box<dyn crate::native::NativeData>,
}

impl NativeObj {
    /// The state as a `T`, if this object holds one.
    pub fn get<T: crate::native::NativeData>(&self) -> Option<&T> {
        let d: &dyn std::any::Any = &*self.data;
        d.downcast_ref::<T>()
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Singleton {
    NotImplemented,
    Ellipsis,
}

/// A `str`: UTF-8 storage with its length in code points cached, so that ASCII strings (the common case)
/// index in O(1) (`is_ascii()` ⇔ `chars == bytes`). Strings of up to `INLINE_STR` bytes (words, keys,
/// short lines: most strings programs make) are stored inside the object, so creating one is a single
/// allocation (the `Rc`) instead of two: `Object` is 88 bytes anyway, and the inline buffer uses that room.
pub struct PyStr {
    /// The cached hash; -1 until computed (a str hash is never -1, as in CPython).
    hash: Cell<i64>,
    chars: usize,
    data: StrData,
}

/// Longest string kept inline (fills `Object`'s 80-byte payload: 8 hash + 8 chars + 64 storage).
pub const INLINE_STR: usize = 62;

enum StrData {
    Inline { len: u8, buf: [u8; INLINE_STR] },
    Heap(Box<str>),
}

impl PyStr {
    #[inline]
    pub fn new(s: &str) -> PyStr {
        PyStr::with_chars(s, count_chars(s))
    }
    #[inline]
    pub fn from_string(s: String) -> PyStr {
        if s.len() <= INLINE_STR {
            return PyStr::new(&s);
        }
        PyStr {
            hash: Cell::new(-1),
            chars: count_chars(&s),
            data: StrData::Heap(s.into_boxed_str()),
        }
    }
    /// `from_string` when the caller knows the code point count (`chars` must be exact).
    #[inline]
    pub fn from_string_chars(s: String, chars: usize) -> PyStr {
        debug_assert_eq!(chars, s.chars().count());
        if s.len() <= INLINE_STR {
            return PyStr::with_chars(&s, chars);
        }
        PyStr {
            hash: Cell::new(-1),
            chars,
            data: StrData::Heap(s.into_boxed_str()),
        }
    }
    /// A string whose code point count the caller already knows (`chars` must be exact).
    #[inline]
    pub fn with_chars(s: &str, chars: usize) -> PyStr {
        debug_assert_eq!(chars, s.chars().count());
        let data = if s.len() <= INLINE_STR {
            let mut buf = [0u8; INLINE_STR];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            StrData::Inline {
                len: s.len() as u8,
                buf,
            }
        } else {
            StrData::Heap(s.into())
        };
        PyStr {
            hash: Cell::new(-1),
            chars,
            data,
        }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.data {
            StrData::Inline { len, buf } => {
                // SAFETY: `buf[..len]` is a copy of the bytes of a `&str` (PyStr::new is the only writer),
                // so it is valid UTF-8.
                unsafe { std::str::from_utf8_unchecked(buf.get_unchecked(..*len as usize)) }
            }
            StrData::Heap(s) => s,
        }
    }
    #[inline]
    pub fn byte_len(&self) -> usize {
        match &self.data {
            StrData::Inline { len, .. } => *len as usize,
            StrData::Heap(s) => s.len(),
        }
    }
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.byte_len()
    }
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::hash::hash_str(self.as_str());
        self.hash.set(h);
        h
    }
    /// The `i`th code point (0 ≤ i < char_len).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.as_str().as_bytes()[i] as char
        } else {
            self.as_str().chars().nth(i).unwrap_or('\0')
        }
    }
    /// Byte offset of code point `i` (i ≤ char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.as_str()
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.byte_len())
        }
    }
}

/// Code points in `s`: its length when it is ASCII (checked 8 bytes at a time), else a count of the bytes
/// that start a character.
#[inline]
fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

#[derive(Clone, Copy)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        n as i64
    }
    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

pub struct Function {
    pub code: Rc<Code>,
    pub globals: ObjRef,
    /// Shared with the code object until `__name__`/`__qualname__` is assigned (no copy per `def`).
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Option<ObjRef>,
    pub closure: Vec<ObjRef>,
    pub dict: RefCell<Option<ObjRef>>,
    pub module: Value,
    pub doc: Value,
}

pub type BuiltinFn = fn(&mut crate::vm::Vm, &[Value], &KwArgs) -> crate::error::PyResult<Value>;

/// Keyword arguments passed to a builtin: names and values in call order.
pub type KwArgs = Vec<(Rc<str>, Value)>;

pub struct Builtin {
    pub name: &'static str,
    pub f: BuiltinFn,
    /// For methods bound to a value at attribute load (`[].append`): that value, passed as args[0].
    pub bound: Option<Value>,
    /// A method of a builtin type that can be subclassed: called with an instance of a subclass as self,
    /// it receives that instance's builtin `base` value instead.
    pub unwrap_self: bool,
}

pub struct Module {
    pub name: String,
    pub dict: ObjRef,
}

/// What payload instances of a type carry, i.e. which builtin the type is or derives from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TypeKind {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    Builtin,
    Method,
    Cell,
    Module,
    Iterator,
    Code,
    NotImplementedType,
    Ellipsis,
    /// BaseException and every subclass.
    Exception,
    /// Types implemented in Rust by library modules: instances are `Object::Native`.
    Native,
    ByteArray,
    Complex,
    MemoryView,
}

impl TypeKind {
    /// Builtin types whose subclasses' instances carry a builtin `base` value (`class C(list)`).
    pub fn is_subclassable_builtin(self) -> bool {
        matches!(
            self,
            TypeKind::Int
                | TypeKind::Float
                | TypeKind::Str
                | TypeKind::Bytes
                | TypeKind::Tuple
                | TypeKind::List
                | TypeKind::Dict
                | TypeKind::Set
                | TypeKind::FrozenSet
        )
    }
}

pub struct TypeObj {
    pub name: String,
    /// `__qualname__` (`Outer.Inner`), taken out of the class namespace as CPython does.
    pub qualname: RefCell<String>,
    pub kind: TypeKind,
    pub bases: Vec<ObjRef>,
    /// Method resolution order, starting with the type itself (stored weakly-by-convention: index 0 is
    /// not stored to avoid a self-cycle; see `mro()` in types.rs).
    pub mro: RefCell<Vec<ObjRef>>,
    pub dict: RefCell<Dict>,
    /// Bumped on every change to the type's dict or MRO: caches and traces guard on it.
    pub version: Cell<u64>,
    pub module: RefCell<Value>,
    /// What calling the type does for builtin types (`int("3")`, `range(5)`); None for `object`-derived
    /// user classes, which use the generic `__new__`/`__init__` protocol.
    pub ctor: Cell<Option<BuiltinFn>>,
    /// The metaclass, when it is not `type` (a class created by a `class M(type)` metaclass).
    pub meta: Option<ObjRef>,
    /// Created by a class statement or `type(name, bases, ns)` (CPython's heap types).
    pub heap: bool,
    /// Member slots (`__slots__`, inherited ones included) reserved at the front of each instance's slots.
    pub nmembers: usize,
    /// Whether instances have a `__dict__` (false when every class in the MRO defines `__slots__`
    /// without `'__dict__'`).
    pub has_dict: bool,
    /// Whether instances accept weak references (false under `__slots__` without `'__weakref__'`).
    pub has_weakref: bool,
    /// Whether a class in the MRO defines `__del__` (set at creation and when `C.__del__` is assigned):
    /// dropping an instance then runs it (finalize.rs).
    pub has_finalizer: Cell<bool>,
    /// `Vm::simple_init` of this class as of a type epoch: (epoch, the `__init__` function, or Undef
    /// when calling the class is not that simple). Class calls in the dispatch loop read it.
    pub init_cache: RefCell<(u64, Value)>,
}

pub struct Instance {
    pub cls: ObjRef,
    /// Attributes by shape (shape.rs): never borrowed across a call into Python.
    pub attrs: RefCell<Attrs>,
    /// For instances of subclasses of builtin types (`class C(list)`): the builtin value holding the
    /// data (a list, dict, int, str...). Builtin methods and protocols operate on it.
    pub base: Option<Value>,
}

impl Instance {
    /// A plain instance of `cls` with no attributes.
    pub fn new(cls: ObjRef) -> Instance {
        let reserved = match &*cls {
            Object::Type(t) => t.nmembers,
            _ => 0,
        };
        Instance {
            cls,
            attrs: RefCell::new(Attrs::new(reserved)),
            base: None,
        }
    }

    /// Attribute `name` (a str) from the instance's own storage.
    #[inline]
    pub fn get_attr(&self, name: &Value) -> Option<Value> {
        self.attrs.borrow().get(name)
    }

    /// Set attribute `name` (a str) in the instance's own storage.
    #[inline]
    pub fn set_attr(&self, name: &Value, v: Value) {
        self.attrs.borrow_mut().set(name, v);
    }

    /// Delete attribute `name`; false when it is not set.
    pub fn del_attr(&self, name: &Value) -> bool {
        self.attrs.borrow_mut().delete(name)
    }

    /// `__dict__`: the dict object holding the attributes (the instance moves to dict mode).
    pub fn dict_object(&self) -> ObjRef {
        self.attrs.borrow_mut().dict_object()
    }

    /// The attributes as (name, value) pairs in insertion order.
    pub fn attr_items(&self) -> Vec<(Value, Value)> {
        self.attrs.borrow().items()
    }
}

pub struct ExcObj {
    pub cls: ObjRef,
    pub args: RefCell<Value>,
    pub dict: RefCell<Dict>,
    pub traceback: RefCell<Vec<TbEntry>>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
    /// A BaseExceptionGroup's `(message, exceptions)` (a tuple of the two); Undef for other exceptions.
    pub group: RefCell<Value>,
}

/// One traceback line: which code, which line, which instruction (`pc`) and its source range
/// (`Code::span_of`, resolved when the entry is made: a fused load's second half has its own).
#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<Code>,
    pub line: u32,
    pub pc: u32,
    pub span: (u32, u32),
}

/// Iterator states of the builtin iterator types.
pub enum Iter {
    Seq {
        seq: ObjRef,
        index: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    Str {
        s: ObjRef,
        byte: usize,
    },
    DictKeys {
        dict: ObjRef,
        index: usize,
        len_at_start: usize,
    },
    /// Over a set or frozenset: `pos` is the next slot to look at, `used` the length at `iter()` time
    /// (CPython's `si_pos` / `si_used`; `usize::MAX` once "changed size" has been raised).
    Set {
        set: ObjRef,
        pos: usize,
        used: usize,
    },
    DictValues {
        dict: ObjRef,
        index: usize,
        len_at_start: usize,
    },
    DictItems {
        dict: ObjRef,
        index: usize,
        len_at_start: usize,
    },
    Reversed {
        seq: ObjRef,
        index: usize,
    },
    Enumerate {
        iter: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// The sequence protocol (`iter(x)` for a class with `__getitem__` but no `__iter__`): `x[0]`,
    /// `x[1]`... until IndexError or StopIteration.
    GetItem {
        seq: Value,
        index: i64,
    },
    Exhausted,
}

// ---- dropping deep structures -------------------------------------------------------------------------
//
// Dropping an `Rc<Object>` drops its children first, recursively: a list nested 10**7 deep, or a linked
// list of 10**7 instances, would overflow any stack. CPython's answer is its "trashcan"; ours: an object
// with children hands them to a `Stash`, dropped here under a thread-local depth count; past
// `MAX_DROP_DEPTH` stashes are queued instead, and the outermost drop empties the queue iteratively.
// Objects without children return at once (one discriminant test).

thread_local! {
    static DROP_DEPTH: Cell<u32> = const { Cell::new(0) };
    static DEFERRED: RefCell<Vec<Stash>> = const { RefCell::new(Vec::new()) };
}

const MAX_DROP_DEPTH: u32 = 1000;

/// The children of an object being dropped.
enum Stash {
    Vals(Vec<Value>),
    /// A list's or tuple's items, released last first as CPython does (the order finalizers see).
    RevVals(Vec<Value>),
    Dict(Dict),
    Val(Value),
    Iter(Iter),
}

impl Stash {
    fn release(self) {
        if let Stash::RevVals(mut v) = self {
            while let Some(x) = v.pop() {
                drop(x);
            }
        }
    }
}

impl Drop for Object {
    fn drop(&mut self) {
        let addr = self as *const Object as usize;
        match self {
            Object::Instance(i) => crate::finalize::on_drop(i, addr),
            Object::Generator(g) => crate::finalize::on_gen_drop(g.get_mut(), addr),
            Object::Exception(e) => crate::finalize::on_exc_drop(e, addr),
            _ => {}
        }
        crate::weakref::on_drop(self);
        let stash = match self {
            Object::List(l) => Stash::RevVals(std::mem::take(l.get_mut())),
            Object::Tuple(t) => Stash::RevVals(std::mem::take(t)),
            Object::Dict(d) => Stash::Dict(std::mem::take(d.get_mut())),
            Object::Instance(i) => {
                let a = i.attrs.get_mut();
                let mut v = std::mem::take(&mut a.slots);
                if let Some(d) = a.dict.take() {
                    v.push(Value::Obj(d));
                }
                Stash::Vals(v)
            }
            Object::Cell(c) => Stash::Val(std::mem::replace(c.get_mut(), Value::None)),
            Object::Iter(it) => Stash::Iter(std::mem::replace(it.get_mut(), Iter::Exhausted)),
            _ => return,
        };
        let leaf = match &stash {
            Stash::Vals(v) | Stash::RevVals(v) => v.is_empty(),
            Stash::Dict(d) => d.is_empty(),
            Stash::Val(v) => !matches!(v, Value::Obj(_)),
            Stash::Iter(it) => matches!(it, Iter::Exhausted | Iter::Range { .. }),
        };
        if leaf {
            return;
        }
        // `try_with`: during thread teardown the thread-locals may be gone; then drop in place.
        let Ok(depth) = DROP_DEPTH.try_with(|d| d.get()) else {
            return;
        };
        if depth >= MAX_DROP_DEPTH {
            let _ = DEFERRED.try_with(move |q| q.borrow_mut().push(stash));
            return;
        }
        DROP_DEPTH.with(|d| d.set(depth + 1));
        stash.release();
        if depth == 0 {
            // The outermost drop: empty the queue (which its own drops may refill) at depth 1.
            while let Some(next) = DEFERRED.with(|q| q.borrow_mut().pop()) {
                next.release();
            }
        }
        DROP_DEPTH.with(|d| d.set(depth));
    }
}

const _: () = assert!(std::mem::size_of::<Object>() == 88);
