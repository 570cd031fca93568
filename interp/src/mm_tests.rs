//! Unit tests of memory management that Miri can run (`cargo +nightly miri test -p pvm-interp mm_tests`;
//! see SAFETY.md): value moves and clones (`take_value`, the field-wise `Clone`), the trashcan drop of
//! deep structures, cycle collection with the registry's weak references, dict version pointers, and the
//! dispatch loop's unchecked slot accesses on small programs (run under Miri when `PVM_MIRI_VM` is set:
//! building a `Vm` there takes minutes).

use crate::dict::Dict;
use crate::object::{ObjRef, Object};
use crate::value::{take_value, Value};
use std::cell::RefCell;
use std::rc::Rc;

fn list(items: Vec<Value>) -> Value {
    Value::obj(Object::List(RefCell::new(items)))
}

fn rc_of(v: &Value) -> ObjRef {
    match v {
        Value::Obj(o) => o.clone(),
        _ => panic!("not an object"),
    }
}

#[test]
fn take_value_moves_ownership_once() {
    let l = list(vec![Value::Int(1), Value::Float(2.5), Value::None]);
    let rc = rc_of(&l);
    let mut slots = vec![
        l,
        Value::Int(7),
        Value::Bool(true),
        Value::Float(-0.0),
        Value::Undef,
    ];
    assert_eq!(Rc::strong_count(&rc), 2);
    let p = slots.as_mut_ptr();
    // SAFETY: `p` points into `slots`, a live Vec of initialised values that nothing else borrows.
    let moved: Vec<Value> = (0..slots.len())
        .map(|i| unsafe { take_value(p.add(i)) })
        .collect();
    assert!(slots.iter().all(|v| matches!(v, Value::Undef)));
    assert_eq!(Rc::strong_count(&rc), 2, "moved, not copied");
    let copies: Vec<Value> = moved.to_vec();
    assert_eq!(Rc::strong_count(&rc), 3);
    assert!(matches!(copies[1], Value::Int(7)));
    assert!(matches!(copies[3], Value::Float(f) if f == 0.0 && f.is_sign_negative()));
    drop(copies);
    drop(moved);
    drop(slots);
    assert_eq!(Rc::strong_count(&rc), 1);
}

#[test]
fn deep_nesting_drops_without_deep_recursion() {
    // Deeper than the trashcan's direct-drop depth, so the deferred queue is used.
    let depth = if cfg!(miri) { 2_500 } else { 200_000 };
    let mut v = list(vec![]);
    let innermost = Rc::downgrade(&rc_of(&v));
    for i in 0..depth {
        v = if i % 2 == 0 {
            list(vec![v, Value::Int(i)])
        } else {
            Value::obj(Object::Tuple(vec![v].into()))
        };
    }
    drop(v);
    assert!(innermost.upgrade().is_none());
}

#[test]
fn cycles_are_collected() {
    let a = list(vec![]);
    let b = list(vec![a.clone()]);
    if let Object::List(l) = &*rc_of(&a) {
        l.borrow_mut().push(b.clone());
    }
    let (wa, wb) = (Rc::downgrade(&rc_of(&a)), Rc::downgrade(&rc_of(&b)));
    // A live object pointing into nothing cyclic survives.
    let keep = list(vec![Value::Int(1)]);
    drop(a);
    drop(b);
    assert!(
        wa.upgrade().is_some(),
        "a cycle keeps itself alive under plain reference counting"
    );
    let found = crate::gc::collect();
    assert!(found >= 2);
    assert!(wa.upgrade().is_none() && wb.upgrade().is_none());
    assert!(matches!(&*rc_of(&keep), Object::List(l) if l.borrow().len() == 1));
}

#[test]
fn a_borrowed_object_is_a_root() {
    let a = list(vec![]);
    if let Object::List(l) = &*rc_of(&a) {
        l.borrow_mut().push(a.clone());
    }
    let w = Rc::downgrade(&rc_of(&a));
    let rc = rc_of(&a);
    drop(a);
    {
        let Object::List(l) = &*rc else {
            unreachable!()
        };
        let _held = l.borrow_mut();
        crate::gc::collect();
        assert!(
            w.upgrade().is_some(),
            "a borrowed object must not be cleared"
        );
    }
    drop(rc);
    crate::gc::collect();
    assert!(w.upgrade().is_none());
}

#[test]
fn dict_version_pointer_tracks_mutation() {
    let d = Value::obj(Object::Dict(RefCell::new(Dict::new())));
    let rc = rc_of(&d);
    let p = Dict::version_ptr(&rc).expect("a dict");
    // SAFETY: `rc` keeps the dict alive, and no RefCell borrow is active while we read.
    let before = unsafe { *p };
    if let Object::Dict(cell) = &*rc {
        cell.borrow_mut()
            .set_str(Value::str("k"), crate::hash::hash_str("k"), Value::Int(1));
    }
    // SAFETY: as above.
    let after = unsafe { *p };
    assert_ne!(before, after);
}

/// The dispatch loop (unchecked slot accesses), calls, generators, exceptions and the cycle collector,
/// end to end on one small program.
#[test]
fn small_program_runs() {
    if cfg!(miri) && std::env::var_os("PVM_MIRI_VM").is_none() {
        return;
    }
    let src = "\
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def gen(n):
    for i in range(n):
        yield i * i
class Node:
    def __init__(self):
        self.me = self
out = [fib(8), sum(gen(5)), sorted({3: 1, 1: 2}), [Node() for _ in range(3)] and 'nodes']
try:
    [][1]
except IndexError as e:
    out.append(str(e))
import gc
out.append(gc.collect() >= 3)
print(out)
";
    let mut vm = crate::Vm::new(vec!["t".into()]);
    vm.capture_output();
    let status = crate::run::run_main(&mut vm, src, "<test>", false);
    assert_eq!(status, 0);
    assert_eq!(
        String::from_utf8(vm.take_output()).unwrap(),
        "[21, 30, [1, 3], 'nodes', 'list index out of range', True]\n"
    );
}
