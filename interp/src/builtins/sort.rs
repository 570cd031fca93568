//! Python's list sort (`sorted`, `list.sort`): stable, with a fallible `<` for keys that need Python
//! code, and without any Python code for keys that compare among themselves natively (`pure_sort`).

use super::functions::lt;
use crate::error::PyResult;
use crate::object::Object;
use crate::value::Value;
use crate::vm::Vm;

/// Python's stable sort of `items` (by `key(item)` when given): keys that only compare among themselves
/// without Python code (ints, floats, strs, tuples of them: `pure_sort`) are sorted directly; anything
/// else by a stable merge sort with a fallible `<` (Rust's sorts may panic on inconsistent orders;
/// Python's must not, and comparisons may raise).
pub fn sort_values(
    vm: &mut Vm,
    mut items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys: Option<Vec<Value>> = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for x in &items {
                ks.push(vm.call(k, std::slice::from_ref(x))?);
            }
            Some(ks)
        }
        None => None,
    };
    let keys = keys.as_deref().unwrap_or(&items);
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    if !pure_sort(keys, &mut idx) {
        let mut buf = idx.clone();
        merge_sort(vm, keys, &mut idx, &mut buf)?;
    }
    if reverse {
        idx.reverse();
    }
    Ok(idx
        .into_iter()
        .map(|i| std::mem::take(&mut items[i]))
        .collect())
}

/// How a sort compares its keys when no Python code can be involved: every key is a small int (or
/// bool), every key a big-or-small int, every key a float (no NaN), every key an exact str, or every key a
/// tuple whose items at each position are all of one of those kinds (or, recursively, tuples of them).
/// These are total orders, so any stable sort gives the one result CPython's does, and comparing cannot
/// raise.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum PureKind {
    Int,
    Float,
    Str,
}

fn pure_kind(v: &Value) -> Option<PureKind> {
    match v {
        Value::Int(_) | Value::Bool(_) => Some(PureKind::Int),
        Value::Float(f) if !f.is_nan() => Some(PureKind::Float),
        Value::Obj(o) => match &**o {
            Object::Int(_) => Some(PureKind::Int),
            Object::Str(_) => Some(PureKind::Str),
            _ => None,
        },
        _ => None,
    }
}

/// The kinds seen so far at one place of the keys.
enum KeyShape {
    Unset,
    Atom(PureKind),
    Tuple(Vec<KeyShape>),
}

/// Nested tuples deeper than this take the general path (keeps the checks' recursion shallow).
const MAX_KEY_DEPTH: usize = 8;

/// Does `v` fit `shape` (refining it)?
fn key_fits(v: &Value, shape: &mut KeyShape, depth: usize) -> bool {
    if let Some(Object::Tuple(t)) = v.as_obj() {
        if depth >= MAX_KEY_DEPTH {
            return false;
        }
        if matches!(shape, KeyShape::Unset) {
            *shape = KeyShape::Tuple(Vec::new());
        }
        let KeyShape::Tuple(items) = shape else {
            return false;
        };
        for (p, x) in t.iter().enumerate() {
            if p == items.len() {
                items.push(KeyShape::Unset);
            }
            if !key_fits(x, &mut items[p], depth + 1) {
                return false;
            }
        }
        return true;
    }
    let Some(k) = pure_kind(v) else {
        return false;
    };
    match shape {
        KeyShape::Unset => {
            *shape = KeyShape::Atom(k);
            true
        }
        KeyShape::Atom(j) => *j == k,
        KeyShape::Tuple(_) => false,
    }
}

/// Compare two keys that fit one `KeyShape` (tuples lexicographically, as Python does).
fn pure_cmp(a: &Value, b: &Value) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let small = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    };
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        return x.cmp(&y);
    }
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Value::Obj(x), Value::Obj(y)) => match (&**x, &**y) {
            (Object::Str(s), Object::Str(t)) => s.as_str().cmp(t.as_str()),
            (Object::Tuple(s), Object::Tuple(t)) => {
                for (p, q) in s.iter().zip(t.iter()) {
                    let c = pure_cmp(p, q);
                    if c != Ordering::Equal {
                        return c;
                    }
                }
                s.len().cmp(&t.len())
            }
            _ => a.to_bigint().cmp(&b.to_bigint()),
        },
        _ => a.to_bigint().cmp(&b.to_bigint()),
    }
}

/// Sort `order` (positions into `keys`) stably without calling Python, when the keys allow it
/// (`PureKind`); false, leaving `order` alone, otherwise.
fn pure_sort(keys: &[Value], order: &mut Vec<usize>) -> bool {
    let mut shape = KeyShape::Unset;
    if !keys.iter().all(|k| key_fits(k, &mut shape, 0)) {
        return false;
    }
    // All small ints, or all strs: sort (key, rank) pairs; the rank makes every pair distinct, so an
    // unstable sort is stable.
    if keys
        .iter()
        .all(|k| matches!(k, Value::Int(_) | Value::Bool(_)))
    {
        let mut v: Vec<(i64, usize)> = order
            .iter()
            .map(|&i| match keys[i] {
                Value::Bool(b) => b as i64,
                Value::Int(x) => x,
                _ => 0,
            })
            .zip(0..)
            .collect();
        v.sort_unstable();
        let old = std::mem::take(order);
        order.extend(v.into_iter().map(|(_, r)| old[r]));
    } else if order.len() <= u32::MAX as usize && keys.iter().all(|k| uniform(k, &shape)) {
        // Decorate: each key's leading words (`Words`) sit next to its rank in one compact array, so
        // that almost every comparison reads neither the key objects nor their strings.
        let mut v: Vec<Words> = order
            .iter()
            .zip(0u32..)
            .map(|(&i, rank)| {
                let mut w = Words {
                    rank,
                    ..Words::default()
                };
                w.complete = w.push_key(&keys[i]);
                w
            })
            .collect();
        v.sort_unstable_by(|a, b| {
            a.cmp_prefix(b)
                .unwrap_or_else(|| {
                    pure_cmp(&keys[order[a.rank as usize]], &keys[order[b.rank as usize]])
                })
                .then(a.rank.cmp(&b.rank))
        });
        let old = std::mem::take(order);
        order.extend(v.into_iter().map(|w| old[w.rank as usize]));
    } else {
        order.sort_by(|&a, &b| pure_cmp(&keys[a], &keys[b]));
    }
    true
}

fn merge_sort(vm: &mut Vm, keys: &[Value], idx: &mut [usize], buf: &mut [usize]) -> PyResult<()> {
    let n = idx.len();
    if n <= 12 {
        // Insertion sort (stable).
        for i in 1..n {
            let cur = idx[i];
            let mut j = i;
            while j > 0 && lt(vm, &keys[cur], &keys[idx[j - 1]])? {
                idx[j] = idx[j - 1];
                j -= 1;
            }
            idx[j] = cur;
        }
        return Ok(());
    }
    let mid = n / 2;
    {
        let (l, r) = idx.split_at_mut(mid);
        let (bl, br) = buf.split_at_mut(mid);
        merge_sort(vm, keys, l, bl)?;
        merge_sort(vm, keys, r, br)?;
    }
    // Already ordered: skip the merge.
    if !lt(vm, &keys[idx[mid]], &keys[idx[mid - 1]])? {
        return Ok(());
    }
    buf[..n].copy_from_slice(idx);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if lt(vm, &keys[buf[j]], &keys[buf[i]])? {
            idx[k] = buf[j];
            j += 1;
        } else {
            idx[k] = buf[i];
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        idx[k] = buf[i];
        i += 1;
        k += 1;
    }
    while j < n {
        idx[k] = buf[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

/// Does every tuple in `v` have as many items as `shape` says (the most any key had there)? Then the
/// keys' atoms line up position by position, and comparing keys is comparing their atom sequences.
fn uniform(v: &Value, shape: &KeyShape) -> bool {
    match (v.as_obj(), shape) {
        (Some(Object::Tuple(t)), KeyShape::Tuple(items)) => {
            t.len() == items.len() && t.iter().zip(items).all(|(x, s)| uniform(x, s))
        }
        _ => true,
    }
}

/// How many leading words of a key `Words` keeps.
const WORDS: usize = 3;

/// The first words of a key's encoding as an atom sequence, where comparing two keys of one uniform
/// shape is comparing their encodings word by word:
/// - an int that fits i64 is one word (sign bit flipped), exact; a bigint is 0 or `u64::MAX`, not exact
///   (the encoding stops there);
/// - a float is one word (the usual order-preserving bit flip; -0.0 as 0.0), exact;
/// - a str is words of 7 bytes (big-endian, zero-padded) and a low byte: the number of bytes left from
///   there if under 8 (the str ends in this word), else 8 (it goes on). UTF-8 byte order is code point
///   order, and a shorter str that is a prefix of a longer one gets a smaller low byte.
/// Equal words mean equal atoms so far, so the next word is comparable too.
#[derive(Default)]
struct Words {
    w: [u64; WORDS],
    n: u8,
    /// The words encode the whole key.
    complete: bool,
    /// The key's place in the order before sorting (ties keep it: the sort is stable).
    rank: u32,
}

impl Words {
    /// Append `v`'s encoding; false when it could not all be encoded (too long, or inexact).
    fn push_key(&mut self, v: &Value) -> bool {
        match v {
            Value::Int(i) => self.push((*i as u64) ^ (1 << 63)),
            Value::Bool(b) => self.push((*b as u64) ^ (1 << 63)),
            Value::Float(f) => {
                let bits = if *f == 0.0 { 0 } else { f.to_bits() };
                let w = if bits >> 63 == 1 {
                    !bits
                } else {
                    bits | (1 << 63)
                };
                self.push(w)
            }
            Value::Obj(o) => match &**o {
                Object::Tuple(t) => t.iter().all(|x| self.push_key(x)),
                Object::Str(s) => {
                    let b = s.as_str().as_bytes();
                    let mut at = 0;
                    loop {
                        let left = b.len() - at;
                        let take = left.min(7);
                        let mut w = 0u64;
                        for (k, &c) in b[at..at + take].iter().enumerate() {
                            w |= (c as u64) << (56 - 8 * k);
                        }
                        w |= left.min(8) as u64;
                        if !self.push(w) {
                            return false;
                        }
                        if left < 8 {
                            return true;
                        }
                        at += 7;
                    }
                }
                Object::Int(b) => {
                    use num_traits::Signed;
                    self.push(if b.is_negative() { 0 } else { u64::MAX });
                    false
                }
                _ => false,
            },
            _ => false,
        }
    }

    fn push(&mut self, w: u64) -> bool {
        if self.n as usize == WORDS {
            return false;
        }
        self.w[self.n as usize] = w;
        self.n += 1;
        true
    }

    /// The keys' order when their words decide it.
    #[inline]
    fn cmp_prefix(&self, other: &Words) -> Option<std::cmp::Ordering> {
        let n = self.n.min(other.n) as usize;
        for k in 0..n {
            if self.w[k] != other.w[k] {
                return Some(self.w[k].cmp(&other.w[k]));
            }
        }
        (self.complete && other.complete && self.n == other.n).then_some(std::cmp::Ordering::Equal)
    }
}
