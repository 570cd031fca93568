//! `__del__` finalizers (PEP 442 semantics: each object is finalized at most once).
//!
//! An instance dies inside `Object`'s `Drop`, deep in Rust code that cannot call Python, and an `Rc`
//! whose count reached zero cannot be revived. So when an instance whose class has a finalizer
//! (`TypeObj::has_finalizer`) dies unfinalized, its contents (class, attributes, builtin base value)
//! move into a fresh instance, which is queued with the weak reference callbacks (weakref.rs) and gets
//! its `__del__` called at the interpreter's next safe point. The fresh object is recorded as finalized,
//! so when it dies in turn (or later, if `__del__` stored `self` somewhere: resurrection) it is freed
//! normally. Only its identity differs from the object that died, which nothing can observe any more.
//!
//! Cyclic garbage: before clearing an unreachable cycle the collector (gc.rs) looks for instances with
//! an unrun finalizer. If there are any it queues them (strong references: the cycle stays alive), marks
//! them finalized and clears nothing this time. After their `__del__` ran, the next collection finds the
//! cycle unreachable again, unless a finalizer resurrected it, and frees it without finalizing again.
//! `gc.collect()` runs the finalizers and collects again at once, as CPython does in one collection.
//!
//! Instances of Python classes and of exception subclasses are finalized the same way. Generators
//! suspended inside a `try` or `with` block (async generators too) are closed instead, when they die or
//! are found in cyclic garbage.

use crate::object::{ExcObj, Instance, ObjRef, Object};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;

thread_local! {
    /// Whether any class with a finalizer was made: only then does exit clear the modules.
    static ANY_CLASS: Cell<bool> = const { Cell::new(false) };
    /// Addresses of the live objects whose finalizer has run or is queued.
    static FINALIZED: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
    /// `FINALIZED.len()`, readable without a borrow.
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

/// A class with `__del__` exists (its instances may need finalizing at exit).
pub fn note_finalizer_class() {
    ANY_CLASS.with(|a| a.set(true));
}

fn has_finalizer(cls: &ObjRef) -> bool {
    matches!(&**cls, Object::Type(t) if t.has_finalizer.get())
}

/// Was the object at `addr` finalized (or queued for it)? Forgets it when `dying`.
fn finalized(addr: usize, dying: bool) -> bool {
    if COUNT.try_with(|c| c.get()).unwrap_or(0) == 0 {
        return false;
    }
    FINALIZED
        .try_with(|f| {
            let mut f = f.borrow_mut();
            let found = if dying {
                f.remove(&addr)
            } else {
                f.contains(&addr)
            };
            let _ = COUNT.try_with(|c| c.set(f.len()));
            found
        })
        .unwrap_or(true)
}

fn mark_finalized(o: &ObjRef) {
    let _ = FINALIZED.try_with(|f| {
        let mut f = f.borrow_mut();
        f.insert(std::rc::Rc::as_ptr(o) as usize);
        let _ = COUNT.try_with(|c| c.set(f.len()));
    });
}

/// Called by `Object`'s `Drop` for an instance at address `addr`.
#[inline]
pub fn on_drop(i: &mut Instance, addr: usize) {
    if has_finalizer(&i.cls) {
        on_drop_slow(i, addr);
    }
}

#[cold]
fn on_drop_slow(i: &mut Instance, addr: usize) {
    if finalized(addr, true) {
        return;
    }
    // During thread teardown nothing can run any more: die without the finalizer.
    if crate::weakref::queue_closed() {
        return;
    }
    let attrs = std::mem::replace(i.attrs.get_mut(), crate::shape::Attrs::new(0));
    let revived = Instance {
        cls: i.cls.clone(),
        attrs: RefCell::new(attrs),
        base: i.base.take(),
    };
    let Value::Obj(o) = Value::obj(Object::Instance(revived)) else {
        unreachable!()
    };
    mark_finalized(&o);
    crate::weakref::queue_due(o);
}

/// Called by `Object`'s `Drop` for an exception: as for an instance, when its class has `__del__`.
#[inline]
pub fn on_exc_drop(e: &mut ExcObj, addr: usize) {
    if has_finalizer(&e.cls) {
        exc_drop_slow(e, addr);
    }
}

#[cold]
fn exc_drop_slow(e: &mut ExcObj, addr: usize) {
    if finalized(addr, true) || crate::weakref::queue_closed() {
        return;
    }
    let revived = ExcObj {
        cls: e.cls.clone(),
        args: RefCell::new(std::mem::replace(e.args.get_mut(), Value::None)),
        dict: RefCell::new(std::mem::take(e.dict.get_mut())),
        traceback: RefCell::new(std::mem::take(e.traceback.get_mut())),
        cause: RefCell::new(std::mem::replace(e.cause.get_mut(), Value::None)),
        context: RefCell::new(std::mem::replace(e.context.get_mut(), Value::None)),
        suppress_context: Cell::new(e.suppress_context.get()),
        group: RefCell::new(std::mem::replace(e.group.get_mut(), Value::Undef)),
    };
    let Value::Obj(o) = Value::obj(Object::Exception(Box::new(revived))) else {
        unreachable!()
    };
    mark_finalized(&o);
    crate::weakref::queue_due(o);
}

/// A generator whose closing would run code: started, not finished, suspended inside a `try` or `with`
/// block. (Closing one suspended outside any block would have no visible effect.)
fn needs_close(g: &crate::vm::generators::GenState) -> bool {
    g.started && !g.finished && !g.running && g.code.handler_for(g.pc.saturating_sub(1)).is_some()
}

/// Called by `Object`'s `Drop` for a generator, coroutine or async generator: one that `needs_close`
/// is closed at the next safe point, as CPython's generator finalizer does (without asyncgen hooks, an
/// async generator is closed the same way), so its `finally` clauses and `__exit__` methods run.
#[inline]
pub fn on_gen_drop(g: &mut crate::vm::generators::GenState, addr: usize) {
    if g.started && !g.finished && !g.running {
        gen_drop_slow(g, addr);
    }
}

#[cold]
fn gen_drop_slow(g: &mut crate::vm::generators::GenState, addr: usize) {
    if finalized(addr, true) || crate::weakref::queue_closed() || !needs_close(g) {
        return;
    }
    let dead = crate::vm::generators::GenState {
        code: g.code.clone(),
        func: None,
        globals: g.globals.clone(),
        pc: 0,
        slots: Vec::new(),
        started: true,
        running: false,
        finished: true,
        kind: g.kind,
        yielded: false,
        running_async: false,
        closed: true,
        exc_state: Vec::new(),
        exc_base: 0,
    };
    let state = std::mem::replace(g, dead);
    let Value::Obj(o) = Value::obj(Object::Generator(Box::new(RefCell::new(state)))) else {
        unreachable!()
    };
    mark_finalized(&o);
    crate::weakref::queue_due(o);
}

/// For the cycle collector: the unreachable objects among `garbage` whose finalizer has not run. They
/// are marked finalized and queued; the caller must then leave the garbage alone for this collection.
pub fn queue_unfinalized(garbage: &[&ObjRef]) -> bool {
    let mut queued = false;
    for o in garbage {
        let due = match &***o {
            Object::Instance(i) => has_finalizer(&i.cls),
            Object::Exception(e) => has_finalizer(&e.cls),
            Object::Generator(g) => g.try_borrow().is_ok_and(|g| needs_close(&g)),
            _ => false,
        };
        if due && !finalized(std::rc::Rc::as_ptr(o) as usize, false) {
            mark_finalized(o);
            crate::weakref::queue_due((*o).clone());
            queued = true;
        }
    }
    queued
}

impl crate::vm::Vm {
    /// At exit (after `atexit`), when finalizers exist, free what the program still holds so that its
    /// objects are finalized, in the order CPython's shutdown usually frees them: first the cyclic
    /// garbage, then the modules' namespaces, the latest imported first (`__main__`, whose functions
    /// keep its namespace in a cycle, comes last), each in insertion order (values set to None), then
    /// the cycles left.
    pub fn finalize_at_exit(&mut self) {
        if !ANY_CLASS.with(|a| a.get()) {
            return;
        }
        self.run_weakref_callbacks();
        crate::gc::collect();
        self.run_weakref_callbacks();
        let modules: Vec<Value> = match &*self.modules {
            Object::Dict(d) => d.borrow().iter().map(|e| e.value.clone()).collect(),
            _ => return,
        };
        for m in modules.iter().rev() {
            let Some(Object::Module(md)) = m.as_obj() else {
                continue;
            };
            if md.name == "sys" || md.name == "builtins" {
                continue;
            }
            let keys: Vec<Value> = match &*md.dict {
                Object::Dict(d) => d.borrow().iter().map(|e| e.key.clone()).collect(),
                _ => continue,
            };
            for k in keys {
                if k.as_str().is_none_or(|s| s == "__builtins__") {
                    continue;
                }
                let _ = self.dict_set_str(&md.dict, &k, Value::None);
                self.run_weakref_callbacks();
            }
        }
        crate::gc::collect();
        self.run_weakref_callbacks();
        crate::gc::collect();
        self.run_weakref_callbacks();
    }

    /// Call `obj.__del__()` for a queued instance. An exception is printed ("Exception ignored in:
    /// <function C.__del__ ...>") and otherwise ignored, as CPython does.
    pub(crate) fn run_finalizer(&mut self, obj: ObjRef) {
        if let Object::Generator(_) = &*obj {
            let g = Value::Obj(obj);
            if let Err(e) = self.gen_close(&g) {
                self.print_ignored_exception(&g, e);
            }
            return;
        }
        let cls = match &*obj {
            Object::Instance(i) => i.cls.clone(),
            Object::Exception(e) => e.cls.clone(),
            _ => return,
        };
        let name = self.strs.get("__del__");
        let Some(del) = self.type_lookup(&cls, &name) else {
            return;
        };
        let target = Value::Obj(obj);
        let r = match self.bind_class_attr(del.clone(), Some(&target), &cls) {
            Ok(bound) => self.call(&bound, &[]),
            Err(e) => Err(e),
        };
        drop(target);
        if let Err(e) = r {
            self.print_ignored_exception(&del, e);
        }
    }
}
