//! Shapes (hidden classes, V8's maps / PyPy's mapdict): how instances store their attributes.
//!
//! An instance's attributes are a `Vec<Value>` of slots plus a `Shape` that says which attribute name
//! lives in which slot. Shapes form a tree: the root has no attributes, and adding attribute `n` to an
//! instance of shape `S` moves it to `S`'s child for `n` (created once, then shared), so instances built
//! the same way (the usual case: the same `__init__`) share a shape, and "what slot holds `x`?" is a
//! property of the shape alone. That is what inline caches and JIT traces key on: a guard on the shape id
//! and a load of slot *k*.
//!
//! Slots `0..reserved` of a root belong to `__slots__` members (accessed by index through their member
//! descriptors, never by name); named attributes start after them.
//!
//! **Dict mode.** Deleting an attribute, taking `__dict__` (or `vars()`), assigning `__dict__`, or growing
//! past `MAX_ATTRS` attributes moves the instance to dict mode for good: its named attributes live in a
//! real dict object, which is exactly what `__dict__` returns, so the dict and the instance can never
//! disagree. The instance's shape becomes `DICT_SHAPE` (id 0), which no cache or trace guard ever
//! accepts. Why not a coherent dict *view* over the slots: every dict operation would need a second
//! implementation over shapes; programs that take `__dict__` are rare in hot paths, and those that do
//! keep CPython's semantics exactly.

use crate::dict::Dict;
use crate::object::{ObjRef, Object};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Named attributes a shaped instance may have before it moves to dict mode.
pub const MAX_ATTRS: usize = 64;
/// Bound on shapes created in one run (programs that add attributes with generated names in many
/// orders would otherwise grow the tree without limit); past it new attributes go to dict mode.
const MAX_SHAPES: u32 = 1 << 20;

/// The id of the dict-mode pseudo-shape.
pub const DICT_SHAPE_ID: u32 = 0;

pub struct Shape {
    /// Unique per shape (ids are never reused: shapes are never freed).
    pub id: u32,
    /// Slots reserved for `__slots__` members (the same along a root's whole subtree).
    pub reserved: usize,
    /// The named attributes in slot order: `names[i]` lives in slot `reserved + i`, with its str hash.
    names: Vec<(Value, i64)>,
    /// Children by added name.
    transitions: RefCell<Vec<(Value, Rc<Shape>)>>,
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    static ROOTS: RefCell<Vec<Rc<Shape>>> = const { RefCell::new(Vec::new()) };
    static DICT_SHAPE: Rc<Shape> = Rc::new(Shape {
        id: DICT_SHAPE_ID,
        reserved: 0,
        names: Vec::new(),
        transitions: RefCell::new(Vec::new()),
    });
}

fn next_id() -> Option<u32> {
    NEXT_ID.with(|c| {
        let id = c.get();
        if id >= MAX_SHAPES {
            return None;
        }
        c.set(id + 1);
        Some(id)
    })
}

impl Shape {
    /// The root shape with `reserved` member slots.
    pub fn root(reserved: usize) -> Rc<Shape> {
        ROOTS.with(|r| {
            let mut r = r.borrow_mut();
            if let Some(s) = r.iter().find(|s| s.reserved == reserved) {
                return s.clone();
            }
            let s = Rc::new(Shape {
                id: next_id().unwrap_or(DICT_SHAPE_ID),
                reserved,
                names: Vec::new(),
                transitions: RefCell::new(Vec::new()),
            });
            r.push(s.clone());
            s
        })
    }

    pub fn dict_mode() -> Rc<Shape> {
        DICT_SHAPE.with(|s| s.clone())
    }

    pub fn is_dict_mode(&self) -> bool {
        self.id == DICT_SHAPE_ID
    }

    /// Number of slots an instance of this shape has.
    pub fn len(&self) -> usize {
        self.reserved + self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The slot of attribute `name` (`s`, `h`: its text and hash). Interned names match by pointer.
    #[inline]
    pub fn lookup(&self, name: &Value, s: &str, h: i64) -> Option<usize> {
        for (i, (n, _)) in self.names.iter().enumerate() {
            if n.is(name) {
                return Some(self.reserved + i);
            }
        }
        for (i, (n, nh)) in self.names.iter().enumerate() {
            if *nh == h && n.as_str() == Some(s) {
                return Some(self.reserved + i);
            }
        }
        None
    }

    /// The slot of the attribute named `s` (hash `h`), for callers holding only text.
    pub fn lookup_str(&self, s: &str, h: i64) -> Option<usize> {
        self.names
            .iter()
            .position(|(n, nh)| *nh == h && n.as_str() == Some(s))
            .map(|i| self.reserved + i)
    }

    /// The shape after adding `name` (which this shape lacks); None when it would be too big.
    pub fn with_attr(self: &Rc<Shape>, name: &Value, h: i64) -> Option<Rc<Shape>> {
        if self.names.len() >= MAX_ATTRS {
            return None;
        }
        let s = name.as_str()?;
        {
            let tr = self.transitions.borrow();
            if let Some((_, c)) = tr.iter().find(|(n, _)| n.is(name)) {
                return Some(c.clone());
            }
            if let Some((_, c)) = tr.iter().find(|(n, _)| n.as_str() == Some(s)) {
                return Some(c.clone());
            }
        }
        let mut names = self.names.clone();
        names.push((name.clone(), h));
        let child = Rc::new(Shape {
            id: next_id()?,
            reserved: self.reserved,
            names,
            transitions: RefCell::new(Vec::new()),
        });
        self.transitions
            .borrow_mut()
            .push((name.clone(), child.clone()));
        Some(child)
    }

    /// The attribute names in slot order.
    pub fn names(&self) -> impl Iterator<Item = &Value> {
        self.names.iter().map(|(n, _)| n)
    }
}

/// An instance's attribute storage: a shape plus its slots, or (dict mode) member slots plus a dict.
pub struct Attrs {
    pub shape: Rc<Shape>,
    /// Member slots (`__slots__`) first, then the shape's named attributes. Undef = unset member.
    pub slots: Vec<Value>,
    /// In dict mode: the `Object::Dict` holding the named attributes (what `__dict__` returns).
    pub dict: Option<ObjRef>,
}

fn dict_of(o: &ObjRef) -> &RefCell<Dict> {
    match &**o {
        Object::Dict(d) => d,
        _ => unreachable!("instance dict is always a dict object"),
    }
}

impl Attrs {
    pub fn new(reserved: usize) -> Attrs {
        Attrs {
            shape: Shape::root(reserved),
            slots: vec![Value::Undef; reserved],
            dict: None,
        }
    }

    /// The value of attribute `name` (a str), if set.
    pub fn get(&self, name: &Value) -> Option<Value> {
        let (s, h) = crate::vm::protocol::str_and_hash(name)?;
        match &self.dict {
            None => self.shape.lookup(name, s, h).map(|i| self.slots[i].clone()),
            Some(d) => dict_of(d).borrow().get_str_value(name, s, h).cloned(),
        }
    }

    /// The value of the attribute named `s` (hash `h`).
    pub fn get_str(&self, s: &str, h: i64) -> Option<Value> {
        match &self.dict {
            None => self.shape.lookup_str(s, h).map(|i| self.slots[i].clone()),
            Some(d) => dict_of(d).borrow().get_str(s, h).cloned(),
        }
    }

    /// Set attribute `name` (a str; other names are ignored: callers reject them first).
    pub fn set(&mut self, name: &Value, v: Value) {
        let Some((s, h)) = crate::vm::protocol::str_and_hash(name) else {
            return;
        };
        if self.dict.is_none() {
            if let Some(i) = self.shape.lookup(name, s, h) {
                self.slots[i] = v;
                return;
            }
            if let Some(next) = self.shape.with_attr(name, h) {
                self.shape = next;
                self.slots.push(v);
                return;
            }
            self.to_dict_mode();
        }
        if let Some(d) = &self.dict {
            dict_of(d).borrow_mut().set_str(name.clone(), h, v);
        }
    }

    /// Delete attribute `name`; false if it was not set.
    pub fn delete(&mut self, name: &Value) -> bool {
        let Some((s, h)) = crate::vm::protocol::str_and_hash(name) else {
            return false;
        };
        if self.dict.is_none() {
            if self.shape.lookup(name, s, h).is_none() {
                return false;
            }
            self.to_dict_mode();
        }
        let Some(d) = &self.dict else { return false };
        let mut d = dict_of(d).borrow_mut();
        let r: Result<Option<usize>, ()> = d.find(h, |k| Ok(k.is(name) || k.as_str() == Some(s)));
        match r.ok().flatten() {
            Some(ix) => d.remove_at(ix).is_some(),
            None => false,
        }
    }

    /// Move the named attributes into a dict object (see the module docs); no-op in dict mode.
    pub fn to_dict_mode(&mut self) {
        if self.dict.is_some() {
            return;
        }
        let reserved = self.shape.reserved;
        let mut d = Dict::with_capacity(self.shape.names.len());
        for ((n, h), v) in self.shape.names.iter().zip(self.slots.drain(reserved..)) {
            d.insert_new(*h, n.clone(), v);
        }
        self.dict = Some(Rc::new(Object::Dict(RefCell::new(d))));
        self.shape = Shape::dict_mode();
    }

    /// The `__dict__` object (moving to dict mode).
    pub fn dict_object(&mut self) -> ObjRef {
        self.to_dict_mode();
        self.dict.clone().expect("dict mode")
    }

    /// `obj.__dict__ = d`.
    pub fn replace_dict(&mut self, d: ObjRef) {
        self.to_dict_mode();
        self.dict = Some(d);
    }

    /// The named attributes, in insertion order (str keys only in shaped mode).
    pub fn items(&self) -> Vec<(Value, Value)> {
        match &self.dict {
            None => self
                .shape
                .names()
                .cloned()
                .zip(self.slots[self.shape.reserved..].iter().cloned())
                .collect(),
            Some(d) => dict_of(d)
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect(),
        }
    }

    /// Every value the attributes reference (for the cycle collector), including the dict object.
    pub fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        for v in &self.slots {
            f(v);
        }
        if let Some(d) = &self.dict {
            f(&Value::Obj(d.clone()));
        }
    }

    /// Drop every reference (the cycle collector breaking a cycle); the instance becomes empty.
    pub fn clear(&mut self) -> (Vec<Value>, Option<ObjRef>) {
        let reserved = self.shape.reserved;
        self.shape = Shape::root(reserved);
        let slots = std::mem::replace(&mut self.slots, vec![Value::Undef; reserved]);
        (slots, self.dict.take())
    }
}
