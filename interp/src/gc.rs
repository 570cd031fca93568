//! Cycle collection on top of reference counting (CPython's trial-deletion algorithm).
//!
//! Reference counting (`Rc`) frees everything except cycles. Every container object is registered here
//! (weakly) when it is created. A collection:
//!  1. takes a temporary strong reference to every live registered object;
//!  2. sets `gc_refs = strong_count - 1` (minus our own temporary reference), then subtracts one for every
//!     reference *from another registered object* (traversing each object's children) — what remains is
//!     the number of references from outside the registered heap: the VM's value stack, frames, module
//!     namespaces, Rust locals;
//!  3. objects with `gc_refs > 0` are roots; everything reachable from them is alive;
//!  4. the rest is unreachable cyclic garbage: its contents are cleared, which breaks the cycles, and
//!     dropping our temporary references then frees it through `Rc` as usual.
//! No `unsafe` is involved: strong counts are observed, never forged. An object whose `RefCell` is
//! borrowed during a collection cannot be traversed; it is treated as a root (conservative).
//!
//! The registry is thread-local rather than a `Vm` field because objects are created in many places that
//! have no `Vm` at hand (`Value::obj`); collections only run at the interpreter's safe points
//! (`maybe_collect`, called from the dispatch loop) or from `gc.collect()`.

use crate::object::{Iter, ObjRef, Object};
use crate::value::Value;
use rustc_hash::FxHashMap;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

const MIN_THRESHOLD: usize = 10_000;

/// How many registrations accumulate before the young end of the registry is pruned.
const PRUNE_EVERY: usize = 512;

struct Registry {
    objs: Vec<Weak<Object>>,
    /// `objs[young..]` were registered since the last prune. The registry's `Weak`s keep a dead object's
    /// allocation (not its contents) until they are dropped, so temporaries (closures, cells, tuples,
    /// iterators) would otherwise hold their memory until the next collection: thousands of allocations
    /// with no reuse, each a cache miss. Pruning the young end every `PRUNE_EVERY` registrations frees
    /// them while their memory is still in cache, at a cost proportional to the young entries only.
    young: usize,
    /// The registry's length after its last full prune (or collection). Objects that were alive at a
    /// young prune (a trace's nursery keeps everything the trace made until the trace exits) move to the
    /// old part and would keep their allocations until the next collection, which may be far off after
    /// a big heap raised the threshold: when the registry doubles, all of it is pruned (amortised O(1)).
    pruned_len: usize,
    since_last: usize,
    threshold: usize,
}

impl Registry {
    /// Drop the registrations of dead objects among the young ones, keeping the survivors' order.
    fn prune_young(&mut self) {
        let mut w = self.young;
        for i in self.young..self.objs.len() {
            if self.objs[i].strong_count() > 0 {
                self.objs.swap(w, i);
                w += 1;
            }
        }
        self.objs.truncate(w);
        self.young = w;
    }

    /// Drop the registrations of every dead object, keeping the survivors' order.
    fn prune_all(&mut self) {
        self.objs.retain(|o| o.strong_count() > 0);
        self.young = self.objs.len();
        self.pruned_len = self.objs.len();
    }
}

thread_local! {
    static REGISTRY: RefCell<Registry> =
        const { RefCell::new(Registry { objs: Vec::new(), young: 0, pruned_len: 0, since_last: 0, threshold: MIN_THRESHOLD }) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
    static DEFERRED_FOR_FINALIZERS: Cell<bool> = const { Cell::new(false) };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    /// False after `gc.set_threshold(0)`: no automatic collections (independent of `gc.disable()`).
    static AUTOMATIC: Cell<bool> = const { Cell::new(true) };
}

pub fn set_automatic(on: bool) {
    AUTOMATIC.with(|a| a.set(on));
}

/// Containers created since the last collection (`gc.get_count()[0]`).
pub fn allocations_since_collection() -> usize {
    REGISTRY.with(|r| r.borrow().since_last)
}

/// Objects that can take part in reference cycles (the ones the collector tracks).
pub fn is_container(o: &Object) -> bool {
    matches!(
        o,
        Object::List(_)
            | Object::Dict(_)
            | Object::Instance(_)
            | Object::Exception(_)
            | Object::Cell(_)
            | Object::Function(_)
            | Object::BoundMethod(_)
            | Object::Generator(_)
            | Object::Iter(_)
            | Object::Tuple(_)
            | Object::Set(_)
            | Object::DictView(_)
            | Object::Native(_)
    )
}

/// A tuple of non-containers (ints, strs, floats, None...) can never be part of a cycle, so it is not
/// registered (CPython untracks such tuples at their first collection). Dict items, sort keys and
/// bigram keys are such tuples, and a collection's cost grows with the registered objects.
#[inline]
fn is_atomic_tuple(o: &Object) -> bool {
    match o {
        Object::Tuple(t) => t.iter().all(|v| match v {
            Value::Obj(c) => !is_container(c),
            _ => true,
        }),
        _ => false,
    }
}

/// Register a newly created object.
#[inline]
pub fn track(rc: &ObjRef) {
    if !is_container(rc) || is_atomic_tuple(rc) {
        return;
    }
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.objs.push(Rc::downgrade(rc));
        r.since_last += 1;
        if r.since_last >= r.threshold {
            PENDING.with(|p| p.set(true));
        }
        if r.objs.len() - r.young >= PRUNE_EVERY {
            r.prune_young();
            if r.young >= 2 * r.pruned_len.max(16 * PRUNE_EVERY) {
                r.prune_all();
            }
        }
    });
}

/// Is a collection due? (Cheap: one thread-local flag.)
#[inline]
pub fn pending() -> bool {
    PENDING.with(|p| p.get())
}

pub fn set_enabled(on: bool) {
    ENABLED.with(|e| e.set(on));
}

pub fn is_enabled() -> bool {
    ENABLED.with(|e| e.get())
}

/// Ask for `Vm::safe_point` to run soon (weak reference callbacks or finalizers are due). The attention
/// bit makes a running JIT trace exit at its next loop back edge, so that a loop which keeps queueing
/// work does not let the queue grow until the loop ends.
pub fn request_safe_point() {
    let _ = PENDING.try_with(|p| p.set(true));
    crate::interrupt::request(crate::interrupt::SAFE_POINT);
}

/// Run a collection if one is due and collection is enabled.
pub fn maybe_collect() {
    if !pending() {
        return;
    }
    PENDING.with(|p| p.set(false));
    let due = REGISTRY.with(|r| {
        let r = r.borrow();
        r.since_last >= r.threshold
    });
    if due {
        if is_enabled() && AUTOMATIC.with(|a| a.get()) {
            collect();
        } else {
            // Stay pending: collect as soon as collection is enabled again.
            PENDING.with(|p| p.set(true));
        }
    }
    if crate::weakref::callbacks_due() {
        // Only `Vm::safe_point` runs them (it can call Python): keep the flag up until it does.
        PENDING.with(|p| p.set(true));
    }
}

/// Visit the values an object references.
fn traverse(o: &Object, f: &mut dyn FnMut(&Value)) -> bool {
    match o {
        Object::List(l) => match l.try_borrow() {
            Ok(l) => l.iter().for_each(|v| f(v)),
            Err(_) => return false,
        },
        Object::Tuple(t) => t.iter().for_each(|v| f(v)),
        Object::Dict(d) => match d.try_borrow() {
            Ok(d) => {
                for e in d.iter() {
                    f(&e.key);
                    f(&e.value);
                }
            }
            Err(_) => return false,
        },
        Object::Set(s) => match s.try_borrow() {
            Ok(s) => s.iter().for_each(|e| f(&e.key)),
            Err(_) => return false,
        },
        Object::Instance(i) => match i.attrs.try_borrow() {
            Ok(a) => {
                a.traverse(f);
                if let Some(b) = &i.base {
                    f(b);
                }
            }
            Err(_) => return false,
        },
        Object::Exception(e) => {
            let (Ok(a), Ok(d), Ok(c), Ok(x), Ok(g)) = (
                e.args.try_borrow(),
                e.dict.try_borrow(),
                e.cause.try_borrow(),
                e.context.try_borrow(),
                e.group.try_borrow(),
            ) else {
                return false;
            };
            f(&a);
            for en in d.iter() {
                f(&en.value);
            }
            f(&c);
            f(&x);
            f(&g);
        }
        Object::Cell(c) => match c.try_borrow() {
            Ok(v) => f(&v),
            Err(_) => return false,
        },
        Object::Function(func) => {
            for v in &func.defaults {
                f(v);
            }
            for c in &func.closure {
                f(&Value::Obj(c.clone()));
            }
            if let Some(k) = &func.kwdefaults {
                f(&Value::Obj(k.clone()));
            }
            match func.dict.try_borrow() {
                Ok(d) => {
                    if let Some(d) = &*d {
                        f(&Value::Obj(d.clone()));
                    }
                }
                Err(_) => return false,
            }
        }
        Object::BoundMethod(bm) => {
            f(&bm.0);
            f(&bm.1);
        }
        Object::Generator(g) => match g.try_borrow() {
            Ok(g) => g.slots.iter().for_each(|v| f(v)),
            Err(_) => return false,
        },
        Object::Iter(it) => match it.try_borrow() {
            Ok(it) => match &*it {
                Iter::Seq { seq, .. } | Iter::Reversed { seq, .. } => f(&Value::Obj(seq.clone())),
                Iter::DictKeys { dict, .. }
                | Iter::DictValues { dict, .. }
                | Iter::DictItems { dict, .. } => f(&Value::Obj(dict.clone())),
                Iter::Enumerate { iter, count } => {
                    f(iter);
                    f(count);
                }
                Iter::Zip { iters, .. } => iters.iter().for_each(|v| f(v)),
                Iter::Map { func, iters } => {
                    f(func);
                    iters.iter().for_each(|v| f(v));
                }
                Iter::Filter { func, iter } => {
                    f(func);
                    f(iter);
                }
                Iter::Callable { func, sentinel } => {
                    f(func);
                    f(sentinel);
                }
                Iter::GetItem { seq, .. } => f(seq),
                _ => {}
            },
            Err(_) => return false,
        },
        Object::DictView(dv) => f(&Value::Obj(dv.0.clone())),
        Object::Native(n) => return n.data.traverse(f),
        _ => {}
    }
    true
}

/// Break an unreachable object's references.
fn clear(o: &Object) {
    match o {
        Object::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                let old = std::mem::take(&mut *l);
                drop(l);
                drop(old);
            }
        }
        Object::Dict(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                let old = std::mem::take(&mut *d);
                drop(d);
                drop(old);
            }
        }
        Object::Set(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                let old = std::mem::take(&mut *s);
                drop(s);
                drop(old);
            }
        }
        Object::Instance(i) => {
            if let Ok(mut a) = i.attrs.try_borrow_mut() {
                let old = a.clear();
                drop(a);
                drop(old);
            }
        }
        Object::Exception(e) => {
            if let Ok(mut d) = e.dict.try_borrow_mut() {
                let old = std::mem::take(&mut *d);
                drop(d);
                drop(old);
            }
            for c in [&e.args, &e.cause, &e.context, &e.group] {
                if let Ok(mut v) = c.try_borrow_mut() {
                    let old = std::mem::replace(&mut *v, Value::None);
                    drop(v);
                    drop(old);
                }
            }
        }
        Object::Cell(c) => {
            if let Ok(mut v) = c.try_borrow_mut() {
                let old = std::mem::replace(&mut *v, Value::Undef);
                drop(v);
                drop(old);
            }
        }
        Object::Function(f) => {
            if let Ok(mut d) = f.dict.try_borrow_mut() {
                let old = d.take();
                drop(d);
                drop(old);
            }
        }
        Object::Generator(g) => {
            if let Ok(mut g) = g.try_borrow_mut() {
                let old = std::mem::take(&mut g.slots);
                g.finished = true;
                drop(g);
                drop(old);
            }
        }
        Object::Iter(it) => {
            if let Ok(mut it) = it.try_borrow_mut() {
                let old = std::mem::replace(&mut *it, Iter::Exhausted);
                drop(it);
                drop(old);
            }
        }
        Object::Native(n) => n.data.clear(),
        _ => {}
    }
}

/// Did the last collection leave its garbage alone because finalizers had to run first?
pub fn deferred_for_finalizers() -> bool {
    DEFERRED_FOR_FINALIZERS.with(|d| d.get())
}

/// Collect cyclic garbage now; returns the number of unreachable objects found.
pub fn collect() -> usize {
    PENDING.with(|p| p.set(false));
    DEFERRED_FOR_FINALIZERS.with(|d| d.set(false));
    // 1. Temporary strong references to the live registered objects (and prune the dead).
    let live: Vec<ObjRef> = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let live: Vec<ObjRef> = r.objs.iter().filter_map(Weak::upgrade).collect();
        r.objs = live.iter().map(Rc::downgrade).collect();
        r.young = r.objs.len();
        r.pruned_len = r.objs.len();
        r.since_last = 0;
        live
    });
    let index: FxHashMap<*const Object, usize> = live
        .iter()
        .enumerate()
        .map(|(i, o)| (Rc::as_ptr(o), i))
        .collect();
    // 2. References from outside the registered heap.
    let mut gc_refs: Vec<isize> = live
        .iter()
        .map(|o| Rc::strong_count(o) as isize - 1)
        .collect();
    let mut traversable = vec![true; live.len()];
    // References visited: with the containers, what a collection costs.
    let mut refs = 0usize;
    for (i, o) in live.iter().enumerate() {
        let ok = traverse(o, &mut |v| {
            refs += 1;
            if let Value::Obj(c) = v {
                if let Some(&j) = index.get(&Rc::as_ptr(c)) {
                    gc_refs[j] -= 1;
                }
            }
        });
        traversable[i] = ok;
    }
    // 3. Everything reachable from a root is alive.
    let mut alive: Vec<bool> = gc_refs
        .iter()
        .zip(traversable.iter())
        .map(|(&r, &t)| r > 0 || !t)
        .collect();
    let mut work: Vec<usize> = (0..live.len()).filter(|&i| alive[i]).collect();
    while let Some(i) = work.pop() {
        traverse(&live[i], &mut |v| {
            if let Value::Obj(c) = v {
                if let Some(&j) = index.get(&Rc::as_ptr(c)) {
                    if !alive[j] {
                        alive[j] = true;
                        work.push(j);
                    }
                }
            }
        });
    }
    // 4. Clear the unreachable objects; dropping `live` then frees them. Unless some of them have a
    // finalizer that has not run: then they are queued and nothing is freed until the next collection.
    let garbage: Vec<&ObjRef> = live
        .iter()
        .zip(alive.iter())
        .filter(|(_, &a)| !a)
        .map(|(o, _)| o)
        .collect();
    if crate::finalize::queue_unfinalized(&garbage) {
        drop(garbage);
        drop(live);
        DEFERRED_FOR_FINALIZERS.with(|d| d.set(true));
        return 0;
    }
    drop(garbage);
    let mut n = 0;
    for (i, o) in live.iter().enumerate() {
        if !alive[i] {
            clear(o);
            n += 1;
        }
    }
    let survivors = live.len() - n;
    drop(live);
    // Collect again after as many new containers as survived (amortised O(1) per allocation), counting
    // survivors, not garbage: otherwise garbage raises the threshold and the heap grows. A collection
    // also visits every reference the survivors hold (a list of 10**6 ints is one container but a
    // million visits), so the threshold is at least a quarter of those: at most ~4 visits per new
    // container, like CPython's rule of a full collection once the long-lived objects grew by 25%.
    let threshold = MIN_THRESHOLD.max(survivors).max(refs / 4);
    REGISTRY.with(|r| r.borrow_mut().threshold = threshold);
    n
}
