//! Insertion-ordered hash table (CPython's "compact dict" layout): a dense `entries` vector in insertion
//! order plus a sparse power-of-two `indices` table of positions into it. Iteration walks `entries`;
//! deletion leaves a hole that the next resize compacts.
//!
//! The table never compares keys itself: callers pass the key's hash and an equality callback, because
//! equality may run Python code (`__eq__`) and raise. `Vm` wraps these with Python semantics (dictops.rs).

use crate::value::Value;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct Dict {
    indices: Vec<u32>,
    entries: Vec<Option<Entry>>,
    len: usize,
    /// Bumped by every mutation (insert, remove, value replacement, clear): caches and JIT traces that
    /// assumed a namespace's contents guard on it with one load.
    pub version: u64,
    /// Bumped whenever entries may change place or key: a key added or removed, a resize, a clear (not
    /// by a value replaced in place). While it holds, entry `ix` keeps its key and its address, which is
    /// what lets JIT traces load and store a global in place (`entry_value_ptr`).
    pub layout: u64,
}

/// Result of probing for a key.
pub enum Probe {
    Found(usize),
    /// Not present; the index-table slot where it would go.
    Vacant(usize),
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict::default();
        if n > 0 {
            d.resize_to(n);
        }
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Probe for `hash`; `eq(stored_key)` decides equality. Returns the entry index if found.
    pub fn find<E>(
        &self,
        hash: i64,
        mut eq: impl FnMut(&Value) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        if self.indices.is_empty() {
            return Ok(None);
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok(None);
            }
            if ix != DUMMY {
                if let Some(e) = &self.entries[ix as usize] {
                    if e.hash == hash && eq(&e.key)? {
                        return Ok(Some(ix as usize));
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// The entries whose hash is `hash`, in the order `find` would compare them.
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        let mut out = Vec::new();
        if self.indices.is_empty() {
            return out;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return out;
            }
            if ix != DUMMY {
                if let Some(e) = &self.entries[ix as usize] {
                    if e.hash == hash {
                        out.push(ix as usize);
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Size of the index table: a resize or a clear changes it (CPython's new keys object).
    pub fn table_size(&self) -> usize {
        self.indices.len()
    }

    pub fn entry(&self, ix: usize) -> Option<&Entry> {
        self.entries.get(ix).and_then(|e| e.as_ref())
    }
    /// Mutable access to an entry (counts as a mutation for `version`).
    pub fn entry_mut(&mut self, ix: usize) -> Option<&mut Entry> {
        self.version += 1;
        self.entries.get_mut(ix).and_then(|e| e.as_mut())
    }

    /// Append a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.resize_to((self.len + 1) * 3);
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY && self.indices[i] != DUMMY {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        self.indices[i] = self.entries.len() as u32;
        self.entries.push(Some(Entry { hash, key, value }));
        self.len += 1;
        self.version += 1;
        self.layout += 1;
    }

    /// Remove the entry at `ix` (found by `find`), returning it.
    pub fn remove_at(&mut self, ix: usize) -> Option<Entry> {
        let e = self.entries.get_mut(ix)?.take()?;
        self.version += 1;
        self.layout += 1;
        // Mark its index slot as a dummy so probe chains through it stay intact.
        let mask = self.indices.len() - 1;
        let mut perturb = e.hash as u64;
        let mut i = (e.hash as u64 as usize) & mask;
        loop {
            if self.indices[i] == ix as u32 {
                self.indices[i] = DUMMY;
                break;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        self.len -= 1;
        if self.len == 0 {
            self.entries.clear();
            for s in self.indices.iter_mut() {
                *s = EMPTY;
            }
        }
        Some(e)
    }

    fn resize_to(&mut self, min_slots: usize) {
        let mut size = 8;
        while size < min_slots + 1 {
            size <<= 1;
        }
        let old = std::mem::take(&mut self.entries);
        let version = self.version;
        let layout = self.layout;
        self.indices = vec![EMPTY; size];
        self.entries = Vec::with_capacity(size * 2 / 3);
        self.len = 0;
        for e in old.into_iter().flatten() {
            self.insert_new(e.hash, e.key, e.value);
        }
        self.version = version + 1;
        self.layout = layout + 1;
    }

    pub fn clear(&mut self) {
        let (v, l) = (self.version + 1, self.layout + 1);
        *self = Dict::default();
        self.version = v;
        self.layout = l;
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    /// The `n`th live entry at or after raw position `pos` (for iterators that survive across calls):
    /// returns the raw position of the entry found.
    pub fn next_from(&self, pos: usize) -> Option<(usize, &Entry)> {
        let mut p = pos;
        while p < self.entries.len() {
            if let Some(e) = &self.entries[p] {
                return Some((p, e));
            }
            p += 1;
        }
        None
    }

    /// Last live entry (for `popitem`).
    pub fn last_index(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| e.is_some())
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }

    /// Lookup for str keys, which never run Python code to compare.
    pub fn get_str(&self, key: &str, hash: i64) -> Option<&Value> {
        let r: Result<Option<usize>, ()> = self.find(hash, |k| Ok(k.as_str() == Some(key)));
        r.ok()
            .flatten()
            .and_then(|ix| self.entry(ix))
            .map(|e| &e.value)
    }

    /// Lookup by a str Value: the same object (interned names) matches without comparing text.
    #[inline]
    pub fn get_str_value(&self, key: &Value, s: &str, hash: i64) -> Option<&Value> {
        let r: Result<Option<usize>, ()> =
            self.find(hash, |k| Ok(k.is(key) || k.as_str() == Some(s)));
        r.ok()
            .flatten()
            .and_then(|ix| self.entry(ix))
            .map(|e| &e.value)
    }

    /// The entry index of a str key (a `Value`: the same object matches without comparing text).
    pub fn find_str_value(&self, key: &Value, s: &str, hash: i64) -> Option<usize> {
        let r: Result<Option<usize>, ()> =
            self.find(hash, |k| Ok(k.is(key) || k.as_str() == Some(s)));
        r.ok().flatten().filter(|&ix| self.entry(ix).is_some())
    }

    /// Insert or replace for str keys.
    pub fn set_str(&mut self, key: Value, hash: i64, value: Value) {
        let found = {
            let ks = key.as_str().unwrap_or("");
            let r: Result<Option<usize>, ()> =
                self.find(hash, |k| Ok(k.is(&key) || k.as_str() == Some(ks)));
            r.ok().flatten()
        };
        match found {
            Some(ix) => {
                if let Some(e) = self.entry_mut(ix) {
                    e.value = value;
                }
            }
            None => self.insert_new(hash, key, value),
        }
    }

    /// Address of the version counter of the dict inside a dict object, for native guards. Stable for
    /// the object's lifetime (the `Rc` allocation does not move); whoever keeps the address must keep the
    /// object alive.
    pub fn version_ptr(o: &crate::object::Object) -> Option<*const u64> {
        match o {
            crate::object::Object::Dict(cell) => {
                // SAFETY: only the address of a field is taken; nothing is read or written here.
                Some(unsafe { std::ptr::addr_of!((*cell.as_ptr()).version) })
            }
            _ => None,
        }
    }

    /// Address of the layout counter (see `layout`), like `version_ptr`.
    pub fn layout_ptr(o: &crate::object::Object) -> Option<*const u64> {
        match o {
            crate::object::Object::Dict(cell) => {
                // SAFETY: only the address of a field is taken; nothing is read or written here.
                Some(unsafe { std::ptr::addr_of!((*cell.as_ptr()).layout) })
            }
            _ => None,
        }
    }

    /// Address of entry `ix`'s value, valid while `layout` keeps its current value and the object lives
    /// (the entries only move when the layout counter moves). None if the dict is borrowed mutably
    /// right now or has no such entry.
    pub fn entry_value_ptr(o: &crate::object::Object, ix: usize) -> Option<*mut Value> {
        let crate::object::Object::Dict(cell) = o else {
            return None;
        };
        let mut d = cell.try_borrow_mut().ok()?;
        let e = d.entries.get_mut(ix)?.as_mut()?;
        Some(&mut e.value as *mut Value)
    }
}
