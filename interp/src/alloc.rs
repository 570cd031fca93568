//! Allocations whose size the program chooses (`[0] * n`, `s.ljust(n)`, `bytes(n)`): fallible, so an
//! absurd size is a `MemoryError` (as in CPython, whose malloc returns NULL) rather than Rust's abort on
//! allocation failure. A per-thread cap (`set_max_alloc`) lets fuzzers and tests bound memory use.

use crate::error::{ExcKind, PyErr, PyResult};
use std::cell::Cell;

thread_local! {
    static MAX_ALLOC: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// Refuse single allocations above `bytes` on this thread (MemoryError).
pub fn set_max_alloc(bytes: usize) {
    MAX_ALLOC.with(|m| m.set(bytes));
}

pub fn memory_error() -> PyErr {
    PyErr::bare(ExcKind::MemoryError)
}

/// `n` elements of `size` bytes: within the cap? (None = the multiplication overflowed.)
pub fn check(n: usize, size: usize) -> PyResult<()> {
    match n.checked_mul(size) {
        Some(b) if b <= MAX_ALLOC.with(|m| m.get()) && b <= isize::MAX as usize => Ok(()),
        _ => Err(memory_error()),
    }
}

/// `Vec::with_capacity(n)`, or MemoryError.
pub fn vec<T>(n: usize) -> PyResult<Vec<T>> {
    check(n, std::mem::size_of::<T>().max(1))?;
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| memory_error())?;
    Ok(v)
}

/// `String::with_capacity(n)`, or MemoryError.
pub fn string(n: usize) -> PyResult<String> {
    check(n, 1)?;
    let mut s = String::new();
    s.try_reserve_exact(n).map_err(|_| memory_error())?;
    Ok(s)
}

/// Make room for `n` more bytes in `s`, or MemoryError.
#[inline]
pub fn reserve_str(s: &mut String, n: usize) -> PyResult<()> {
    if s.capacity() - s.len() >= n {
        return Ok(());
    }
    check(s.len().saturating_add(n), 1)?;
    s.try_reserve(n).map_err(|_| memory_error())
}

/// Make room for `n` more elements in `v` (amortized doubling), or MemoryError: for results that grow
/// item by item to a size the program chooses (`list(itertools.repeat(1, 2**62))`), where an infallible
/// `push` would end the process when the allocator gives up.
#[inline]
pub fn grow<T>(v: &mut Vec<T>, n: usize) -> PyResult<()> {
    if v.capacity() - v.len() >= n {
        return Ok(());
    }
    grow_slow(v, n)
}

#[cold]
fn grow_slow<T>(v: &mut Vec<T>, n: usize) -> PyResult<()> {
    check(v.len().saturating_add(n), std::mem::size_of::<T>().max(1))?;
    v.try_reserve(n).map_err(|_| memory_error())
}
