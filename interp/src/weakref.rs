//! Weak references: the mechanism behind `_weakref` (builtins/modules/_weakref.rs).
//!
//! A weak reference object (`weakref.ref`, `weakref.proxy`) is an `Object::Native` whose payload
//! (`WeakRefData`) holds an `rc::Weak` to its referent, so `r()` is `Weak::upgrade` and a dead referent
//! costs nothing but its (already freed) value. What `Weak` alone cannot do is notice the death, which
//! callbacks and `getweakrefs` need. So every referent with weak references has an entry in a
//! thread-local table (keyed by its address) listing its weak reference objects, weakly, in CPython's
//! order: the basic ref (no callback) first, then the basic proxy, then refs with callbacks, newest first.
//! `Object`'s `Drop` (object.rs) calls `on_drop`, which is one thread-local load unless some object has
//! weak references. When a referent dies, its entry is removed, every weak reference to it is cleared,
//! and those with callbacks are queued; the queue is run at the interpreter's next safe point (the start
//! of a call, a backward jump: `Vm::safe_point`), because a drop happens deep inside Rust code that cannot
//! call Python. Cyclic garbage is freed by the cycle collector through the same `Drop`, so its weak
//! references are cleared and their callbacks queued alike; a weak reference that is itself part of the
//! garbage has its callback dropped by the collector's `clear` first, so it is not called (CPython's
//! rule). A weak reference that dies before its referent removes itself from the table (its payload's
//! `Drop`).

use crate::native::NativeData;
use crate::object::{ObjRef, Object};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WeakKind {
    Ref,
    Proxy,
    CallableProxy,
}

/// The payload of a weak reference object.
pub struct WeakRefData {
    pub kind: WeakKind,
    /// The referent while it lives (None once it died).
    target: RefCell<Option<Weak<Object>>>,
    /// The referent's address: its key in the table.
    key: usize,
    pub callback: RefCell<Value>,
    /// `hash(r)`, computed from the referent on first use and kept after it dies.
    pub hash: Cell<Option<i64>>,
}

impl WeakRefData {
    /// The referent, if it is still alive.
    pub fn get(&self) -> Option<ObjRef> {
        self.target.borrow().as_ref().and_then(Weak::upgrade)
    }
}

impl NativeData for WeakRefData {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) -> bool {
        match self.callback.try_borrow() {
            Ok(c) => {
                f(&c);
                true
            }
            Err(_) => false,
        }
    }
    fn clear(&self) {
        if let Ok(mut c) = self.callback.try_borrow_mut() {
            let old = std::mem::replace(&mut *c, Value::None);
            drop(c);
            drop(old);
        }
    }
}

impl Drop for WeakRefData {
    fn drop(&mut self) {
        if self.target.get_mut().is_none() {
            return;
        }
        // This weak reference dies before its referent: forget it (it is the entry whose object is gone).
        let _ = TABLE.try_with(|t| {
            if let Ok(mut t) = t.try_borrow_mut() {
                if let Some(list) = t.get_mut(&self.key) {
                    list.retain(|w| w.strong_count() > 0);
                    if list.is_empty() {
                        t.remove(&self.key);
                        let _ = LIVE.try_with(|l| l.set(t.len()));
                    }
                }
            }
        });
    }
}

thread_local! {
    /// Referent address → its weak reference objects, in CPython's list order.
    static TABLE: RefCell<HashMap<usize, Vec<Weak<Object>>>> = RefCell::new(HashMap::new());
    /// `TABLE.len()`, readable without a borrow: the `on_drop` fast path.
    static LIVE: Cell<usize> = const { Cell::new(0) };
    /// Weak reference objects whose referent died and whose callback has not run yet.
    static QUEUE: RefCell<Vec<ObjRef>> = const { RefCell::new(Vec::new()) };
}

/// Can objects like `o` be weakly referenced (CPython: the type has a weaklist slot)? Instances of
/// classes defined in Python (not of int/tuple/bytes subclasses, whose variable size leaves no slot),
/// functions, builtin functions, methods, classes, sets, generators, code, modules, exceptions of
/// Python-defined classes, and library objects.
pub fn can_refer(o: &Object) -> bool {
    match o {
        Object::Instance(i) => match &*i.cls {
            Object::Type(t) => {
                t.heap
                    && t.has_weakref
                    && !matches!(
                        t.kind,
                        crate::object::TypeKind::Int
                            | crate::object::TypeKind::Bool
                            | crate::object::TypeKind::Tuple
                            | crate::object::TypeKind::Bytes
                    )
            }
            _ => false,
        },
        Object::Exception(e) => matches!(&*e.cls, Object::Type(t) if t.heap),
        Object::Native(n) => n.get::<WeakRefData>().is_none(),
        Object::Function(_)
        | Object::Builtin(_)
        | Object::BoundMethod(_)
        | Object::Type(_)
        | Object::Set(_)
        | Object::FrozenSet(_)
        | Object::Generator(_)
        | Object::Code(_)
        | Object::Module(_) => true,
        _ => false,
    }
}

/// `obj.__weakref__`: the first weak reference to `obj`, or None.
pub fn first_ref(obj: &Value) -> Value {
    match obj {
        Value::Obj(o) => refs_to(o)
            .into_iter()
            .next()
            .map(Value::Obj)
            .unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// The weak reference objects to `target`, in order.
pub fn refs_to(target: &ObjRef) -> Vec<ObjRef> {
    let key = Rc::as_ptr(target) as usize;
    TABLE.with(|t| {
        t.borrow()
            .get(&key)
            .map(|l| l.iter().filter_map(Weak::upgrade).collect())
            .unwrap_or_default()
    })
}

/// The existing basic (callback-less, exact type) weak reference of `kind` to `target`, which
/// `ref(x)`/`proxy(x)` return again instead of making a new one.
pub fn basic_ref(target: &ObjRef, kind: WeakKind, cls: &ObjRef) -> Option<ObjRef> {
    refs_to(target).into_iter().find(|r| match &**r {
        Object::Native(n) => {
            Rc::ptr_eq(&n.cls, cls)
                && n.get::<WeakRefData>()
                    .is_some_and(|d| d.kind == kind && d.callback.borrow().is_none())
        }
        _ => false,
    })
}

/// Make a weak reference object of class `cls` to `target` and enter it in the table.
pub fn new_ref(target: &ObjRef, cls: &ObjRef, kind: WeakKind, callback: Value) -> ObjRef {
    let key = Rc::as_ptr(target) as usize;
    let basic = callback.is_none();
    let obj = crate::native::new_object(
        cls,
        WeakRefData {
            kind,
            target: RefCell::new(Some(Rc::downgrade(target))),
            key,
            callback: RefCell::new(callback),
            hash: Cell::new(None),
        },
    );
    let Value::Obj(rc) = obj else { unreachable!() };
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let list = t.entry(key).or_default();
        list.retain(|w| w.strong_count() > 0);
        // Basic refs and proxies lead the list (ref before proxy); refs with callbacks follow them,
        // newest first.
        let is_basic = |w: &Weak<Object>| {
            w.upgrade().is_some_and(|o| match &*o {
                Object::Native(n) => n
                    .get::<WeakRefData>()
                    .is_some_and(|d| d.callback.borrow().is_none()),
                _ => false,
            })
        };
        let lead = list.iter().take_while(|w| is_basic(w)).count();
        let at = if basic && kind == WeakKind::Ref {
            0
        } else {
            lead
        };
        list.insert(at, Rc::downgrade(&rc));
        LIVE.with(|l| l.set(t.len()));
    });
    rc
}

/// Called by `Object`'s `Drop`: clear the weak references to a dying object and queue their callbacks.
#[inline]
pub fn on_drop(o: &Object) {
    if LIVE.try_with(|l| l.get()).unwrap_or(0) == 0 {
        return;
    }
    if !matches!(
        o,
        Object::Instance(_)
            | Object::Exception(_)
            | Object::Native(_)
            | Object::Function(_)
            | Object::Builtin(_)
            | Object::BoundMethod(_)
            | Object::Type(_)
            | Object::Set(_)
            | Object::FrozenSet(_)
            | Object::Generator(_)
            | Object::Code(_)
            | Object::Module(_)
    ) {
        return;
    }
    on_drop_slow(o as *const Object as usize);
}

#[cold]
fn on_drop_slow(key: usize) {
    // `try_with` throughout: objects are also dropped while thread-locals are being destroyed.
    let Ok(Some(list)) = TABLE.try_with(|t| {
        let mut t = t.try_borrow_mut().ok()?;
        let l = t.remove(&key);
        let _ = LIVE.try_with(|c| c.set(t.len()));
        l
    }) else {
        return;
    };
    let mut queued = false;
    for w in list {
        let Some(r) = w.upgrade() else { continue };
        let has_callback = match &*r {
            Object::Native(n) => match n.get::<WeakRefData>() {
                Some(d) => {
                    let old = d.target.borrow_mut().take();
                    drop(old);
                    !d.callback.borrow().is_none()
                }
                None => false,
            },
            _ => false,
        };
        if has_callback {
            let _ = QUEUE.try_with(|q| q.borrow_mut().push(r));
            queued = true;
        }
    }
    if queued {
        crate::gc::request_safe_point();
    }
}

/// Queue work for the next safe point: a weak reference whose callback is due, or an instance whose
/// `__del__` is due (finalize.rs).
pub fn queue_due(o: ObjRef) {
    let _ = QUEUE.try_with(|q| q.borrow_mut().push(o));
    crate::gc::request_safe_point();
}

/// Is the queue gone (thread teardown)?
pub fn queue_closed() -> bool {
    QUEUE.try_with(|_| ()).is_err()
}

/// Take the queued weak references whose callbacks are due (in the order they died).
pub fn take_due() -> Vec<ObjRef> {
    QUEUE
        .try_with(|q| std::mem::take(&mut *q.borrow_mut()))
        .unwrap_or_default()
}

/// Are callbacks waiting?
pub fn callbacks_due() -> bool {
    QUEUE.try_with(|q| !q.borrow().is_empty()).unwrap_or(false)
}

impl crate::vm::Vm {
    /// The interpreter's safe point (start of a call, backward jump), reached when `gc::pending()`: run
    /// a cycle collection if one is due, then the weak reference callbacks that are due.
    pub fn safe_point(&mut self) {
        crate::gc::maybe_collect();
        if callbacks_due() {
            self.run_weakref_callbacks();
        }
    }

    /// Call the queued callbacks, each once, with its weak reference object, and the queued finalizers
    /// (finalize.rs), in the order their objects died. An exception in a callback is printed ("Exception
    /// ignored in: ...") and otherwise ignored, as CPython does.
    pub fn run_weakref_callbacks(&mut self) {
        loop {
            let due = take_due();
            if due.is_empty() {
                return;
            }
            for r in due {
                if let Object::Instance(_) | Object::Generator(_) | Object::Exception(_) = &*r {
                    self.run_finalizer(r);
                    continue;
                }
                let cb = match &*r {
                    Object::Native(n) => match n.get::<WeakRefData>() {
                        Some(d) => std::mem::replace(&mut *d.callback.borrow_mut(), Value::None),
                        None => continue,
                    },
                    _ => continue,
                };
                if cb.is_none() {
                    continue;
                }
                if let Err(e) = self.call(&cb, &[Value::Obj(r)]) {
                    self.print_ignored_exception(&cb, e);
                }
            }
        }
    }

    /// CPython's `PyErr_WriteUnraisable` for an exception raised where nobody can catch it.
    pub fn print_ignored_exception(&mut self, origin: &Value, e: crate::error::PyErr) {
        self.flush_stdout();
        let what = self
            .repr(origin)
            .unwrap_or_else(|_| "<object repr() failed>".into());
        eprintln!("Exception ignored in: {}", what);
        // CPython's `PyErr_WriteUnraisable`: an exception without a traceback (raised by native code)
        // is shown in the frame that was running.
        let mut e = e;
        let own_tb = match &e.0.value {
            crate::error::ErrValue::Obj(o) => {
                matches!(&**o, Object::Exception(x) if !x.traceback.borrow().is_empty())
            }
            _ => false,
        };
        if e.0.tb.is_empty() && !own_tb {
            if let Some(f) = self.frames.last() {
                let pc = f.pc.saturating_sub(1);
                e.0.tb.push(crate::object::TbEntry {
                    code: f.code.clone(),
                    line: f.code.line_of(pc),
                    pc: pc as u32,
                    span: f.code.span_of(pc, false),
                });
            }
        }
        self.print_exception(e);
    }
}
