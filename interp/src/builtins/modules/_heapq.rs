//! `_heapq`: the heap primitives behind `heapq` (which adds merge/nlargest/nsmallest in Python).
//!
//! The sift loops compare elements in exactly CPython's order (so `__lt__` side effects and the resulting
//! heap layout match) using only `<`. Comparisons may run Python code, so the list is never borrowed
//! across one: elements are cloned out, compared, and written back, and like CPython we raise
//! RuntimeError if the comparison changed the list's size.

use crate::builtins::functions::lt;
use crate::builtins::{arg_range, register};
use crate::error::{index_error, type_error, ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

pub(super) fn init(_vm: &mut Vm, d: &ObjRef) {
    register(d, "heappush", heappush);
    register(d, "heappop", |vm, a, k| heappop(vm, a, k, false, "heappop"));
    register(d, "heapify", |vm, a, k| heapify(vm, a, k, false, "heapify"));
    register(d, "heapreplace", |vm, a, k| {
        heapreplace(vm, a, k, false, "heapreplace")
    });
    register(d, "heappushpop", heappushpop);
    register(d, "_heappop_max", |vm, a, k| {
        heappop(vm, a, k, true, "_heappop_max")
    });
    register(d, "_heapify_max", |vm, a, k| {
        heapify(vm, a, k, true, "_heapify_max")
    });
    register(d, "_heapreplace_max", |vm, a, k| {
        heapreplace(vm, a, k, true, "_heapreplace_max")
    });
}

fn list_arg<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a RefCell<Vec<Value>>> {
    match v.as_obj() {
        Some(Object::List(l)) => Ok(l),
        _ => Err(type_error(format!(
            "{} must be list, not {}",
            what,
            vm.type_name(v)
        ))),
    }
}

/// "_heapq.heappop() takes exactly one argument" style checks for the one-argument functions.
fn one_arg(name: &str, args: &[Value], kw: &KwArgs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!(
            "_heapq.{}() takes no keyword arguments",
            name
        )));
    }
    if args.len() != 1 {
        return Err(type_error(format!(
            "_heapq.{}() takes exactly one argument ({} given)",
            name,
            args.len()
        )));
    }
    Ok(())
}

fn two_args(name: &str, args: &[Value], kw: &KwArgs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!(
            "_heapq.{}() takes no keyword arguments",
            name
        )));
    }
    arg_range(name, args, 2, 2)
}

fn changed_size() -> PyErr {
    PyErr::new(ExcKind::RuntimeError, "list changed size during iteration")
}

fn at(l: &RefCell<Vec<Value>>, i: usize) -> PyResult<Value> {
    l.borrow().get(i).cloned().ok_or_else(changed_size)
}

/// `a < b` for a min-heap, `b < a` for a max-heap.
#[inline]
fn before(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    if max {
        lt(vm, b, a)
    } else {
        lt(vm, a, b)
    }
}

/// Move the item at `pos` up towards `start` until its parent is not greater (CPython's `siftdown`).
fn sift_down(
    vm: &mut Vm,
    l: &RefCell<Vec<Value>>,
    start: usize,
    mut pos: usize,
    max: bool,
) -> PyResult<()> {
    let size = l.borrow().len();
    let newitem = at(l, pos)?;
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = at(l, parentpos)?;
        let less = before(vm, &newitem, &parent, max)?;
        if l.borrow().len() != size {
            return Err(changed_size());
        }
        if !less {
            break;
        }
        {
            let mut v = l.borrow_mut();
            let (p, n) = (v[parentpos].clone(), v[pos].clone());
            v[parentpos] = n;
            v[pos] = p;
        }
        pos = parentpos;
    }
    Ok(())
}

/// Bubble the smaller child up until hitting a leaf, then sift the item at `pos` down (CPython's
/// `siftup`: fewer comparisons than a textbook sift).
fn sift_up(vm: &mut Vm, l: &RefCell<Vec<Value>>, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = l.borrow().len();
    let startpos = pos;
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (a, b) = (at(l, childpos)?, at(l, childpos + 1)?);
            let less = before(vm, &a, &b, max)?;
            if l.borrow().len() != endpos {
                return Err(changed_size());
            }
            if !less {
                childpos += 1;
            }
        }
        {
            let mut v = l.borrow_mut();
            if v.len() != endpos {
                return Err(changed_size());
            }
            v.swap(pos, childpos);
        }
        pos = childpos;
    }
    sift_down(vm, l, startpos, pos, max)
}

fn heappush(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    two_args("heappush", args, kw)?;
    let l = list_arg(vm, &args[0], "heappush() argument 1")?;
    let n = {
        let mut v = l.borrow_mut();
        v.push(args[1].clone());
        v.len()
    };
    sift_down(vm, l, 0, n - 1, false)?;
    Ok(Value::None)
}

fn heappop(vm: &mut Vm, args: &[Value], kw: &KwArgs, max: bool, name: &str) -> PyResult<Value> {
    one_arg(name, args, kw)?;
    let l = list_arg(vm, &args[0], &format!("{}() argument", name))?;
    let ret = {
        let mut v = l.borrow_mut();
        let Some(last) = v.pop() else {
            return Err(index_error("index out of range"));
        };
        if v.is_empty() {
            return Ok(last);
        }
        std::mem::replace(&mut v[0], last)
    };
    sift_up(vm, l, 0, max)?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kw: &KwArgs, max: bool, name: &str) -> PyResult<Value> {
    two_args(name, args, kw)?;
    let l = list_arg(vm, &args[0], &format!("{}() argument 1", name))?;
    let ret = {
        let mut v = l.borrow_mut();
        if v.is_empty() {
            return Err(index_error("index out of range"));
        }
        std::mem::replace(&mut v[0], args[1].clone())
    };
    sift_up(vm, l, 0, max)?;
    Ok(ret)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    two_args("heappushpop", args, kw)?;
    let l = list_arg(vm, &args[0], "heappushpop() argument 1")?;
    let item = args[1].clone();
    let Some(top) = l.borrow().first().cloned() else {
        return Ok(item);
    };
    if !lt(vm, &top, &item)? {
        return Ok(item);
    }
    let ret = {
        let mut v = l.borrow_mut();
        if v.is_empty() {
            return Err(index_error("index out of range"));
        }
        std::mem::replace(&mut v[0], item)
    };
    sift_up(vm, l, 0, false)?;
    Ok(ret)
}

fn heapify(vm: &mut Vm, args: &[Value], kw: &KwArgs, max: bool, name: &str) -> PyResult<Value> {
    one_arg(name, args, kw)?;
    let l = list_arg(vm, &args[0], &format!("{}() argument", name))?;
    let n = l.borrow().len();
    // Children before parents: any such order gives CPython's result.
    for i in (0..n / 2).rev() {
        sift_up(vm, l, i, max)?;
    }
    Ok(Value::None)
}
