//! The hash table behind `set` and `frozenset`: an open-addressing table laid out exactly like CPython
//! 3.11's `Objects/setobject.c`, so that iterating a set (and therefore `print`/`repr`/`list(s)`/`for`)
//! visits its elements in the same order as CPython, given the same hashes and the same sequence of
//! operations. Written from the documented behaviour of setobject.c (see the notes per method).
//!
//! Layout: `slots` is a power-of-two array of `Empty | Dummy | Active(entry)`; iteration walks it in slot
//! order. A deleted element leaves a `Dummy` so probe chains through it stay intact. `fill` counts
//! active + dummy slots, `used` only active ones (`len`). `finger` is `set.pop()`'s search start.
//! An empty `slots` vector stands for CPython's untouched 8-slot "smalltable" (allocated on first insert),
//! so `SetTable::new()` does not allocate.
//!
//! Which CPython function each method mirrors:
//!
//! | method                          | CPython 3.11                                                            |
//! |---------------------------------|-------------------------------------------------------------------------|
//! | `new`                           | `make_new_set(type, NULL)` (8 slots, fill = used = finger = 0)          |
//! | `with_capacity(n)`              | `new` + `reserve_for_update(n)` (what `set(d)`/`s.update(d)` do for an exact dict `d`) |
//! | `find`                          | `set_lookkey` (→ `set_contains_entry`)                                  |
//! | `add`                           | `set_add_entry` (probe; reuse the *last* dummy seen; grow when `fill*5 >= mask*3`) |
//! | `insert_new`                    | `set_add_entry` for a key known to be absent (same slot choice, no comparisons) |
//! | `remove_at` / `discard`         | `set_discard_entry` (slot becomes a dummy; never shrinks)               |
//! | `pop_item`                      | `set_pop` (scan from `finger & mask`, wrapping; finger = slot + 1)      |
//! | `clear`                         | `set_clear_internal` (back to 8 empty slots; the finger is kept)        |
//! | `iter` / `next_from`            | `set_next` / `setiter_iternext` (slot order; position = slot index)     |
//! | `merge_from`                    | `set_merge` (presize, then layout copy / clean insert / normal adds)    |
//! | `copy_of`                       | `set_copy` / `make_new_set(type, a_set)` / `frozenset(a_set)` = `new` + `merge_from` |
//! | `reserve_for_update(n)`         | the exact-dict presize in `set_update_internal`                         |
//! | `compact_after_discards`        | the tail of `set_difference_update_internal` ("more than 1/4 dummies")  |
//! | `replace_body`                  | `set_swap_bodies` (the finger is *not* swapped)                          |
//! | `frozenset_hash`                | `frozenset_hash` (order-independent; xor of shuffled element hashes)    |
//! | `union`                         | `set_or` / `set_union` with one set argument                            |
//! | `intersection`                  | `set_intersection` with a set argument (iterates the smaller set)       |
//! | `intersection_update`           | `set_intersection_update` (= `intersection` + `set_swap_bodies`)        |
//! | `difference`                    | `set_difference` with a set argument (two strategies, by size)          |
//! | `difference_update`             | `set_difference_update_internal` with a set argument                    |
//! | `symmetric_difference`          | `set_symmetric_difference` (copy of *other*, then update with self)     |
//! | `symmetric_difference_update`   | `set_symmetric_difference_update` with a set argument                   |
//! | `resize` (private)              | `set_table_resize` + `set_insert_clean`                                 |
//!
//! `Clone` duplicates the internal state *including the finger and any dummies*; it is for snapshots.
//! A Python-level copy (`s.copy()`, `set(s)`, `frozenset(s)`, the left operand of `|`) must use
//! `copy_of`, which (like CPython) may produce a different layout than the source.
//!
//! Like `Dict`, the table never compares keys itself: callers pass the hash and an equality callback
//! (`eq(stored_key)` for one probe key, or `eq(stored_key, probe_key)` for the two-table operations —
//! CPython compares `stored == probe` with the stored key on the left, after an identity check).
//!
//! How the Python-level operations map onto these methods (argument kinds other than sets):
//! * `{a, b, c}` display (non-constant items) and set comprehensions: `new` + `add` each, in order.
//! * `set(it)` / `s.update(it)` with `it` a list/tuple/iterator/str/dict view/...: `add` each item in
//!   iteration order. With `it` an *exact* dict: `reserve_for_update(len(d))` first, then `add` each key
//!   (with the dict's stored hash) in dict order. With `it` a set/frozenset: `merge_from`.
//! * `s.intersection(it)` (non-set `it`): `r = new`; for each item `x` of `it`: if `s` contains `x`, `r.add(x)`.
//! * `s.difference(it)` (non-set, non-dict `it`): `r = copy_of(s)`; `discard` each item;
//!   `compact_after_discards`. With an exact dict `d`: if `(len(s) >> 2) > len(d)` do the same as for an
//!   iterable (discarding the dict's keys), else `r = new` and `add` every element of `s` (in `s`'s order)
//!   that is not a key of `d`.
//! * `s.difference_update(it)`: `discard` each item, then `compact_after_discards`.
//! * `s.symmetric_difference_update(d)` with an exact dict: for each key of `d` in order, `discard` it or,
//!   if absent, `add` it. With another iterable: `t = new` + `add` each item, then
//!   `s.symmetric_difference_update(&t)`. `s.symmetric_difference(it)`: `r = set(it)` built as above, then
//!   `r.symmetric_difference_update(&s)` (so the result starts from `it`'s elements, not `s`'s).
//! * Multi-argument forms: `s.union(a, b)`: `copy_of(s)` then update with each argument (skipping an
//!   argument that *is* `s`). `s.intersection(a, b)`: `intersection(intersection(s, a), b)` left to right
//!   (no arguments: `copy_of(s)`). `s.difference(a, b)`: `difference(s, a)` then `difference_update` with
//!   the rest. `*_update` variants with several arguments apply each in turn (intersection_update computes
//!   the whole chain, then `replace_body`).
//! * Self-aliasing, which Rust's borrows cannot express, is the caller's check: `s | s`, `s & s`,
//!   `s.intersection(s)` → `copy_of(s)`; `s.update(s)`, `s |= s` → nothing; `s -= s`,
//!   `s.difference_update(s)`, `s ^= s`, `s.symmetric_difference_update(s)` → `clear` (finger kept);
//!   `s - s` → an empty `new()` table; `s ^ s` and `s.symmetric_difference(s)` need no special case:
//!   `symmetric_difference(s, s)` discards every element from `copy_of(s)`, so the (empty) result keeps
//!   the copy's size and dummies — `r = s ^ s; r.update(...)` orders like a big table, not a fresh one.
//! * A *constant* set display of 3+ items (`{3, 1, 2}`: all items constants, incl. folded `-1`, `(1, 2)`)
//!   compiles in CPython 3.11 to `BUILD_SET 0; LOAD_CONST frozenset(...); SET_UPDATE`. The constant is
//!   `f1 = new` + `add` items in source order, then rebuilt by the compiler's constant merging as
//!   `f2 = new` + `add` each element of `f1` in `f1`'s iteration order; the runtime set is
//!   `new` + `merge_from(f2)`. Also, all equal frozenset constants in one compiled module share the
//!   first one's layout (`{1, 9, 17}` followed later by `{17, 9, 1}` prints `{1, 9, 17}` twice).
//!   CPython's AST optimizer also turns a set display of constants (any number of items) into such a
//!   frozenset constant where it is only iterated or tested: the iterable of a `for` loop or of a
//!   comprehension, and the right operand of a final `in`/`not in`. That constant (`f2`) is iterated
//!   directly, which can order differently from a set built from it.
//! * `frozenset(f)` and `f.copy()` with `f` an exact frozenset return `f` itself.

use crate::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
pub struct SetEntry {
    pub hash: i64,
    pub key: Value,
}

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Active(SetEntry),
}

#[derive(Clone, Default)]
pub struct SetTable {
    /// Empty vector = the initial, untouched 8-slot table.
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

/// CPython's probe sequence: slot `i`, then (if `i + 9 <= mask`) the 9 slots after it, then
/// `perturb >>= 5; i = (i*5 + 1 + perturb) & mask`, and so on forever.
struct Probe {
    mask: usize,
    perturb: u64,
    base: usize,
    /// Offset from `base` of the next slot to yield.
    k: usize,
    /// Last offset to yield from this base (9 or 0).
    last: usize,
}

impl Probe {
    #[inline]
    fn new(hash: i64, mask: usize) -> Probe {
        let base = (hash as u64 as usize) & mask;
        Probe {
            mask,
            perturb: hash as u64,
            base,
            k: 0,
            last: if base + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            },
        }
    }
}

impl Iterator for Probe {
    type Item = usize;
    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.k > self.last {
            self.perturb >>= PERTURB_SHIFT;
            self.base = (self
                .base
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize))
                & self.mask;
            self.k = 0;
            self.last = if self.base + LINEAR_PROBES <= self.mask {
                LINEAR_PROBES
            } else {
                0
            };
        }
        let ix = self.base + self.k;
        self.k += 1;
        Some(ix)
    }
}

/// `set_insert_clean`: place a key known to be absent into a table without dummies.
fn insert_clean(slots: &mut [Slot], mask: usize, e: SetEntry) {
    for ix in Probe::new(e.hash, mask) {
        if let Slot::Empty = slots[ix] {
            slots[ix] = Slot::Active(e);
            return;
        }
    }
}

fn empty_slots(n: usize) -> Vec<Slot> {
    let mut v = Vec::with_capacity(n);
    v.resize_with(n, || Slot::Empty);
    v
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable::default()
    }

    /// `new()` presized the way `set(d)` presizes for an exact dict `d` of `n` keys. Only use it where
    /// CPython does that (or where order does not matter): a bigger table changes the iteration order.
    pub fn with_capacity(n: usize) -> SetTable {
        let mut s = SetTable::new();
        s.reserve_for_update(n);
        s
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// `mask` = slot count - 1.
    #[inline]
    fn mask(&self) -> usize {
        if self.slots.is_empty() {
            MIN_SIZE - 1
        } else {
            self.slots.len() - 1
        }
    }

    /// Number of slots (CPython's `mask + 1`); exposed for tests and diagnostics.
    pub fn capacity_slots(&self) -> usize {
        self.mask() + 1
    }

    #[inline]
    fn ensure_alloc(&mut self) {
        if self.slots.is_empty() {
            self.slots = empty_slots(MIN_SIZE);
        }
    }

    /// `set_lookkey`: the slot holding a key equal to the probe key (`eq(stored_key)` decides, and is only
    /// called for stored keys with the same hash), or `None`.
    pub fn find<E>(
        &self,
        hash: i64,
        mut eq: impl FnMut(&Value) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        if self.used == 0 {
            return Ok(None);
        }
        for ix in Probe::new(hash, self.mask()) {
            match &self.slots[ix] {
                Slot::Empty => return Ok(None),
                Slot::Active(e) if e.hash == hash && eq(&e.key)? => return Ok(Some(ix)),
                _ => {}
            }
        }
        unreachable!()
    }

    /// The slots holding keys whose hash is `hash`, in the order `find` would compare them.
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        let mut out = Vec::new();
        if self.used == 0 {
            return out;
        }
        for ix in Probe::new(hash, self.mask()) {
            match &self.slots[ix] {
                Slot::Empty => break,
                Slot::Active(e) if e.hash == hash => out.push(ix),
                _ => {}
            }
        }
        out
    }

    /// Number of slots: a resize or a clear changes it (CPython's new table).
    pub fn table_size(&self) -> usize {
        self.slots.len()
    }

    /// The entry in slot `ix` (as returned by `find`/`next_from`), if that slot is live.
    pub fn entry(&self, ix: usize) -> Option<&SetEntry> {
        match self.slots.get(ix) {
            Some(Slot::Active(e)) => Some(e),
            _ => None,
        }
    }

    /// `set_add_entry`: insert unless an equal key is present (then the stored key is kept). Returns
    /// whether it was inserted.
    pub fn add<E>(
        &mut self,
        hash: i64,
        key: Value,
        mut eq: impl FnMut(&Value) -> Result<bool, E>,
    ) -> Result<bool, E> {
        self.ensure_alloc();
        let mask = self.mask();
        let mut freeslot = None;
        for ix in Probe::new(hash, mask) {
            match &self.slots[ix] {
                Slot::Empty => break,
                Slot::Dummy => freeslot = Some(ix),
                Slot::Active(e) => {
                    if e.hash == hash && eq(&e.key)? {
                        return Ok(false);
                    }
                }
            }
        }
        self.place(hash, key, freeslot);
        Ok(true)
    }

    /// `set_add_entry` for a key known to be absent (e.g. `find` just returned `None`).
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        self.ensure_alloc();
        let mask = self.mask();
        let mut freeslot = None;
        for ix in Probe::new(hash, mask) {
            match &self.slots[ix] {
                Slot::Empty => break,
                Slot::Dummy => freeslot = Some(ix),
                Slot::Active(_) => {}
            }
        }
        self.place(hash, key, freeslot);
    }

    /// The store half of `set_add_entry` (after a failed probe): reuse the last dummy seen on the probe
    /// path, else take the first empty slot, counting it in `fill` and growing if needed.
    fn place(&mut self, hash: i64, key: Value, freeslot: Option<usize>) {
        let e = SetEntry { hash, key };
        if let Some(f) = freeslot {
            self.slots[f] = Slot::Active(e);
            self.used += 1;
            return;
        }
        let mask = self.mask();
        for ix in Probe::new(hash, mask) {
            if let Slot::Empty = self.slots[ix] {
                self.slots[ix] = Slot::Active(e);
                break;
            }
        }
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= mask * 3 {
            self.resize(if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    /// `set_discard_entry` for slot `ix` (from `find`): the slot becomes a dummy.
    pub fn remove_at(&mut self, ix: usize) -> Option<(i64, Value)> {
        let slot = self.slots.get_mut(ix)?;
        if !matches!(slot, Slot::Active(_)) {
            return None;
        }
        let Slot::Active(e) = std::mem::replace(slot, Slot::Dummy) else {
            unreachable!()
        };
        self.used -= 1;
        Some((e.hash, e.key))
    }

    /// `set_discard_entry`: find + `remove_at`. Returns whether the key was present.
    pub fn discard<E>(
        &mut self,
        hash: i64,
        eq: impl FnMut(&Value) -> Result<bool, E>,
    ) -> Result<bool, E> {
        match self.find(hash, eq)? {
            Some(ix) => {
                self.remove_at(ix);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// `set_pop`: the first live slot at or after `finger & mask` (wrapping), which becomes a dummy;
    /// the finger moves just past it.
    pub fn pop_item(&mut self) -> Option<(i64, Value)> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut ix = self.finger & mask;
        while !matches!(self.slots[ix], Slot::Active(_)) {
            ix += 1;
            if ix > mask {
                ix = 0;
            }
        }
        self.finger = ix + 1;
        self.remove_at(ix)
    }

    /// `set_clear_internal`: back to an empty 8-slot table. The pop finger survives (as in CPython).
    pub fn clear(&mut self) {
        self.slots = Vec::new();
        self.fill = 0;
        self.used = 0;
    }

    /// Live entries in slot order (CPython's iteration order).
    pub fn iter(&self) -> impl Iterator<Item = &SetEntry> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Active(e) => Some(e),
            _ => None,
        })
    }

    /// `setiter_iternext`: the first live entry at slot `pos` or later, with its slot index. An iterator
    /// keeps `pos` = last returned slot + 1 (starting at 0), exactly like CPython's `si_pos`, so that it
    /// behaves the same if the table is rebuilt under it. (CPython raises "Set changed size during
    /// iteration" when `len` differs from the length at `iter()` time; that check is the caller's.)
    pub fn next_from(&self, pos: usize) -> Option<(usize, &SetEntry)> {
        let mut p = pos;
        while p < self.slots.len() {
            if let Slot::Active(e) = &self.slots[p] {
                return Some((p, e));
            }
            p += 1;
        }
        None
    }

    /// A dummy-free table of `capacity` slots with each entry in its recorded slot: how the bytecode cache
    /// restores a frozenset constant's exact layout (re-adding the keys in iteration order does not always
    /// give it back). `None` unless `add` could have made this layout: a power-of-two capacity of at least
    /// 8 within the load factor, distinct slots in range, and every key reachable along its probe sequence
    /// (each slot the sequence visits before the key's own is taken).
    pub fn from_layout(capacity: usize, entries: Vec<(usize, SetEntry)>) -> Option<SetTable> {
        let n = entries.len();
        // `add` grows to the smallest power of two above 4 × used, so more than 16 × n slots is corrupt
        // (and must not be allocated).
        if !capacity.is_power_of_two()
            || capacity < MIN_SIZE
            || n * 5 >= (capacity - 1) * 3
            || capacity > (16 * n).max(MIN_SIZE)
        {
            return None;
        }
        if n == 0 {
            return (capacity == MIN_SIZE).then(SetTable::new);
        }
        let mut slots = empty_slots(capacity);
        let mut wanted = Vec::with_capacity(n);
        for (ix, e) in entries {
            if !matches!(slots.get(ix), Some(Slot::Empty)) {
                return None;
            }
            wanted.push((ix, e.hash));
            slots[ix] = Slot::Active(e);
        }
        let mask = capacity - 1;
        for (ix, hash) in wanted {
            // The probe sequence eventually visits every slot; give up long after it must have.
            let mut reached = false;
            for p in Probe::new(hash, mask).take(16 * capacity + 64) {
                if p == ix {
                    reached = true;
                    break;
                }
                if let Slot::Empty = slots[p] {
                    return None;
                }
            }
            if !reached {
                return None;
            }
        }
        Some(SetTable {
            slots,
            fill: n,
            used: n,
            finger: 0,
        })
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }

    /// `set_table_resize`: rebuild into the smallest power of two > `minused` (at least 8), re-inserting
    /// live entries in old slot order with `set_insert_clean`. An 8-slot table without dummies asked to
    /// stay at 8 slots is left untouched.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MIN_SIZE && self.mask() == MIN_SIZE - 1 && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, empty_slots(newsize));
        self.fill = self.used;
        let mask = newsize - 1;
        for s in old {
            if let Slot::Active(e) = s {
                insert_clean(&mut self.slots, mask, e);
            }
        }
    }

    /// The exact-dict presize in `set_update_internal` (`set(d)`, `s.update(d)`, `s |= d` is a TypeError):
    /// call before adding the `n` keys of a dict.
    pub fn reserve_for_update(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// The end of `set_difference_update_internal`: if more than a quarter of the slots are dummies,
    /// rebuild. Call once after a batch of discards done by `difference`/`difference_update`.
    pub fn compact_after_discards(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    /// `set_merge`: add every element of `other` (a different set), in `other`'s slot order.
    /// `eq(stored, probe)` is only called when `self` was not empty.
    pub fn merge_from<E>(
        &mut self,
        other: &SetTable,
        mut eq: impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<(), E> {
        if other.used == 0 {
            return Ok(());
        }
        // One big resize up front.
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        // Empty target, same size, no dummies in the source: copy the layout.
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots = other.slots.clone();
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        // Empty target: clean inserts in the source's slot order.
        if self.fill == 0 {
            self.ensure_alloc();
            let mask = self.mask();
            for e in other.iter() {
                insert_clean(&mut self.slots, mask, e.clone());
            }
            self.fill = other.used;
            self.used = other.used;
            return Ok(());
        }
        for e in other.iter() {
            self.add(e.hash, e.key.clone(), |k| eq(k, &e.key))?;
        }
        Ok(())
    }

    /// A Python-level copy of `other` (`s.copy()`, `set(s)`, `frozenset(s)`): `new` + `set_merge`.
    pub fn copy_of(other: &SetTable) -> SetTable {
        // `merge_from` into a new table, without its intermediate allocations: the size its up-front
        // resize picks, then the source's layout when the sizes agree and it has no dummies.
        if other.used == 0 {
            return SetTable::new();
        }
        let size = if other.used * 5 >= (MIN_SIZE - 1) * 3 {
            let mut n = MIN_SIZE;
            while n <= other.used * 2 {
                n <<= 1;
            }
            n
        } else {
            MIN_SIZE
        };
        if size == other.slots.len() && other.fill == other.used {
            return SetTable {
                slots: other.slots.clone(),
                fill: other.used,
                used: other.used,
                finger: 0,
            };
        }
        let mut s = SetTable::new();
        let r: Result<(), ()> = s.merge_from(other, |_, _| Ok(false));
        debug_assert!(r.is_ok());
        s
    }

    /// `set_swap_bodies(self, other)` as used by the in-place operators: take `other`'s table, keeping
    /// this set's pop finger.
    pub fn replace_body(&mut self, other: SetTable) {
        let finger = self.finger;
        *self = other;
        self.finger = finger;
    }

    /// Whether `other`'s entry `e` has an equal key in `self`.
    fn contains_entry<E>(
        &self,
        e: &SetEntry,
        eq: &mut impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<bool, E> {
        Ok(self.find(e.hash, |k| eq(k, &e.key))?.is_some())
    }

    /// `frozenset_hash`: hash(frozenset(s)), which depends only on the element hashes (not the layout).
    pub fn frozenset_hash(&self) -> i64 {
        fn shuffle_bits(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for e in self.iter() {
            hash ^= shuffle_bits(e.hash as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }

    /// `a | b` / `a.union(b)` for two different sets: `copy_of(a)` then `merge_from(b)`.
    pub fn union<E>(
        a: &SetTable,
        b: &SetTable,
        eq: impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<SetTable, E> {
        let mut r = SetTable::copy_of(a);
        r.merge_from(b, eq)?;
        Ok(r)
    }

    /// `set_intersection(a, b)` for two different sets: iterate the smaller one (`b` when the sizes are
    /// equal), adding its elements (its key objects) that the other contains, in its slot order.
    pub fn intersection<E>(
        a: &SetTable,
        b: &SetTable,
        mut eq: impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<SetTable, E> {
        let (big, small) = if b.len() > a.len() { (b, a) } else { (a, b) };
        let mut r = SetTable::new();
        for e in small.iter() {
            if big.contains_entry(e, &mut eq)? {
                r.add(e.hash, e.key.clone(), |k| eq(k, &e.key))?;
            }
        }
        Ok(r)
    }

    /// `set_intersection_update` (`a &= b`, `a.intersection_update(b)`) with a different set `b`.
    pub fn intersection_update<E>(
        &mut self,
        other: &SetTable,
        eq: impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<(), E> {
        let r = SetTable::intersection(self, other, eq)?;
        self.replace_body(r);
        Ok(())
    }

    /// `set_difference(a, b)` (`a - b`, `a.difference(b)`) with a different set `b`.
    pub fn difference<E>(
        a: &SetTable,
        b: &SetTable,
        mut eq: impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<SetTable, E> {
        if (a.len() >> 2) > b.len() {
            // set_copy_and_difference
            let mut r = SetTable::copy_of(a);
            r.difference_update(b, eq)?;
            return Ok(r);
        }
        let mut r = SetTable::new();
        for e in a.iter() {
            if !b.contains_entry(e, &mut eq)? {
                r.add(e.hash, e.key.clone(), |k| eq(k, &e.key))?;
            }
        }
        Ok(r)
    }

    /// `set_difference_update_internal` (`a -= b`, `a.difference_update(b)`) with a different set `b`.
    pub fn difference_update<E>(
        &mut self,
        other: &SetTable,
        mut eq: impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<(), E> {
        if (other.len() >> 3) > self.len() {
            // CPython discards the elements of `self & other` instead (same set of keys).
            let common = SetTable::intersection(self, other, &mut eq)?;
            for e in common.iter() {
                self.discard(e.hash, |k| eq(k, &e.key))?;
            }
        } else {
            for e in other.iter() {
                self.discard(e.hash, |k| eq(k, &e.key))?;
            }
        }
        self.compact_after_discards();
        Ok(())
    }

    /// `set_symmetric_difference_update` (`a ^= b`) with a different set `b`: for each element of `b` in
    /// its slot order, discard it from `self`, or add it if it was absent.
    pub fn symmetric_difference_update<E>(
        &mut self,
        other: &SetTable,
        mut eq: impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<(), E> {
        for e in other.iter() {
            if !self.discard(e.hash, |k| eq(k, &e.key))? {
                self.add(e.hash, e.key.clone(), |k| eq(k, &e.key))?;
            }
        }
        Ok(())
    }

    /// `set_symmetric_difference(a, b)` (`a ^ b`) with a different set `b`: `copy_of(b)`, then
    /// `symmetric_difference_update` with `a`.
    pub fn symmetric_difference<E>(
        a: &SetTable,
        b: &SetTable,
        eq: impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<SetTable, E> {
        let mut r = SetTable::copy_of(b);
        r.symmetric_difference_update(a, eq)?;
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash;
    use num_bigint::BigInt;
    use num_traits::{FromPrimitive, ToPrimitive};
    use std::collections::HashMap;

    // ---- unit tests on plain ints (Value::Int(k) with hash(k)) -------------------------------------------

    fn ieq(k: &Value, x: i64) -> Result<bool, ()> {
        Ok(matches!(k, Value::Int(v) if *v == x))
    }
    fn add(s: &mut SetTable, x: i64) -> bool {
        s.add(hash::hash_i64(x), Value::Int(x), |k| ieq(k, x))
            .unwrap()
    }
    fn has(s: &SetTable, x: i64) -> bool {
        s.find(hash::hash_i64(x), |k| ieq(k, x)).unwrap().is_some()
    }
    fn disc(s: &mut SetTable, x: i64) -> bool {
        s.discard(hash::hash_i64(x), |k| ieq(k, x)).unwrap()
    }
    fn ints(s: &SetTable) -> Vec<i64> {
        s.iter()
            .map(|e| {
                if let Value::Int(v) = e.key {
                    v
                } else {
                    panic!()
                }
            })
            .collect()
    }
    fn of(xs: &[i64]) -> SetTable {
        let mut s = SetTable::new();
        for &x in xs {
            add(&mut s, x);
        }
        s
    }
    fn veq(a: &Value, b: &Value) -> Result<bool, ()> {
        Ok(match (a, b) {
            (Value::Int(x), Value::Int(y)) => x == y,
            _ => false,
        })
    }

    #[test]
    fn small_examples() {
        // print({3, 1, 2}) -> {1, 2, 3}; the 8-slot table has no linear probing.
        assert_eq!(ints(&of(&[3, 1, 2])), vec![1, 2, 3]);
        // set([100, 5, 37]) -> {100, 5, 37}: 100 & 7 = 4, 5 -> 5, 37 & 7 = 5 collides -> (5*5+1+1) & 7 = 3.
        assert_eq!(ints(&of(&[100, 5, 37])), vec![37, 100, 5]);
        assert_eq!(ints(&of(&[17, 9, 1])), vec![17, 9, 1]);
        let s = of(&[1, 2, 3, 4, 5]);
        assert_eq!(s.capacity_slots(), 32); // fill 5: 25 >= 21 -> resize(20) -> 32 slots
        assert_eq!(ints(&s), vec![1, 2, 3, 4, 5]);
        assert!(has(&s, 4) && !has(&s, 6));
        assert!(SetTable::new().is_empty() && SetTable::new().capacity_slots() == 8);
    }

    #[test]
    fn minus_one_and_minus_two_share_a_hash() {
        let mut s = of(&[-1, -2, -1]);
        assert_eq!(s.len(), 2);
        assert_eq!(ints(&s), vec![-1, -2]);
        assert!(disc(&mut s, -1));
        assert_eq!(ints(&s), vec![-2]);
        assert!(!disc(&mut s, -1));
    }

    #[test]
    fn dummies_are_reused_last_seen_first() {
        // 1, 9, 17 all start at slot 1 of an 8-slot table: 1 -> 1, 9 -> 6, 17 -> 7.
        let mut s = of(&[1, 9, 17]);
        assert_eq!(ints(&s), vec![1, 9, 17]);
        disc(&mut s, 1);
        disc(&mut s, 9);
        // 25 probes 1 (dummy), 6 (dummy), 7 (17), then empty -> takes the *last* dummy, slot 6.
        add(&mut s, 25);
        assert_eq!(ints(&s), vec![25, 17]);
        assert_eq!(s.fill, 3);
    }

    #[test]
    fn pop_uses_the_finger() {
        let mut s = of(&[5, 1, 3]);
        assert_eq!(s.pop_item().map(|p| p.0), Some(1));
        add(&mut s, 0);
        // The finger is at slot 2, so 0 (slot 0) is not next.
        assert_eq!(s.pop_item().map(|p| p.0), Some(3));
        assert_eq!(s.pop_item().map(|p| p.0), Some(5));
        assert_eq!(s.pop_item().map(|p| p.0), Some(0));
        assert!(s.pop_item().is_none());
        // clear() keeps the finger: 6 pops from slot 6 (finger 7); after clear + adds, 7 is found first.
        let mut s = of(&[6, 7]);
        s.pop_item();
        s.clear();
        add(&mut s, 1);
        add(&mut s, 7);
        assert_eq!(s.pop_item().map(|p| p.0), Some(7));
        // copy_of starts a fresh finger; replace_body keeps the old one.
        let mut s = of(&[1, 2, 3]);
        s.pop_item();
        let c = SetTable::copy_of(&s);
        assert_eq!(c.finger, 0);
        s.replace_body(of(&[1, 2, 3]));
        assert_eq!(s.pop_item().map(|p| p.0), Some(2));
    }

    #[test]
    fn growth_and_iteration_positions() {
        let mut s = SetTable::new();
        for i in 0..1000 {
            add(&mut s, i * 7);
        }
        assert_eq!(s.len(), 1000);
        for i in 0..1000 {
            assert!(has(&s, i * 7));
        }
        let mut n = 0;
        let mut pos = 0;
        while let Some((ix, _)) = s.next_from(pos) {
            pos = ix + 1;
            n += 1;
        }
        assert_eq!(n, 1000);
        for i in 0..1000 {
            assert!(disc(&mut s, i * 7));
        }
        assert!(s.is_empty() && s.pop_item().is_none());
    }

    #[test]
    fn merge_paths() {
        // Same size, no dummies: layout copied verbatim (so copy_of of a set built by adds keeps order).
        let a = of(&[100, 5, 37]);
        assert_eq!(ints(&SetTable::copy_of(&a)), vec![37, 100, 5]);
        // A source with dummies goes through clean inserts.
        let mut a = of(&[1, 9, 17, 4]);
        disc(&mut a, 1);
        let c = SetTable::copy_of(&a);
        assert_eq!(ints(&c), vec![9, 4, 17]);
        assert_eq!(c.fill, c.len());
        // Non-empty target: normal adds, duplicates kept once.
        let mut t = of(&[2, 9]);
        t.merge_from(&a, veq).unwrap();
        assert_eq!(t.len(), 4);
        let u = SetTable::union(&of(&[1, 2]), &of(&[2, 3]), veq).unwrap();
        assert_eq!(ints(&u), vec![1, 2, 3]);
    }

    #[test]
    fn algebra_small() {
        let a = of(&[1, 2, 3, 4, 5, 6]);
        let b = of(&[4, 5, 6, 7, 8, 9]);
        assert_eq!(
            ints(&SetTable::intersection(&a, &b, veq).unwrap()),
            vec![4, 5, 6]
        );
        assert_eq!(
            ints(&SetTable::difference(&a, &b, veq).unwrap()),
            vec![1, 2, 3]
        );
        assert_eq!(
            ints(&SetTable::symmetric_difference(&a, &b, veq).unwrap()),
            vec![1, 2, 3, 7, 8, 9]
        );
        let mut c = a.clone();
        c.intersection_update(&b, veq).unwrap();
        assert_eq!(ints(&c), vec![4, 5, 6]);
        let mut d = a.clone();
        d.difference_update(&b, veq).unwrap();
        assert_eq!(ints(&d), vec![1, 2, 3]);
    }

    // ---- data-driven replay against CPython 3.11 ------------------------------------------------------

    /// Test values: Python ints (any size), floats and tuples, with Python's equality.
    #[derive(Debug, Clone)]
    enum TV {
        I(BigInt),
        F(f64),
        T(Vec<TV>),
    }

    fn parse_tv(s: &str) -> TV {
        if let Some(r) = s.strip_prefix("i:") {
            TV::I(r.parse().unwrap_or_else(|_| panic!("bad int {r}")))
        } else if let Some(r) = s.strip_prefix("f:") {
            TV::F(r.parse().unwrap_or_else(|_| panic!("bad float {r}")))
        } else if let Some(r) = s.strip_prefix("t:") {
            TV::T(if r.is_empty() {
                vec![]
            } else {
                r.split('/')
                    .map(|x| parse_tv(&x.replace('_', ":")))
                    .collect()
            })
        } else {
            panic!("bad value {s}")
        }
    }

    fn tv_hash(v: &TV) -> i64 {
        match v {
            TV::I(b) => match b.to_i64() {
                Some(i) => hash::hash_i64(i),
                None => hash::hash_bigint(b),
            },
            TV::F(f) => hash::hash_f64(*f),
            TV::T(items) => {
                let hs: Vec<i64> = items.iter().map(tv_hash).collect();
                hash::hash_tuple(hs.into_iter())
            }
        }
    }

    fn tv_eq(a: &TV, b: &TV) -> bool {
        match (a, b) {
            (TV::I(x), TV::I(y)) => x == y,
            (TV::F(x), TV::F(y)) => x == y,
            (TV::I(i), TV::F(f)) | (TV::F(f), TV::I(i)) => {
                f.is_finite() && f.fract() == 0.0 && BigInt::from_f64(*f).as_ref() == Some(i)
            }
            (TV::T(x), TV::T(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| tv_eq(p, q)),
            _ => false,
        }
    }

    /// One test case: the pool of values (keys are `Value::Int(pool index)`) and the named sets.
    struct Replay<'a> {
        pool: Vec<TV>,
        hashes: Vec<i64>,
        sets: HashMap<&'a str, SetTable>,
        line: usize,
        case: &'a str,
    }

    fn idx(v: &Value) -> usize {
        match v {
            Value::Int(i) => *i as usize,
            _ => panic!("non-handle key"),
        }
    }

    impl<'a> Replay<'a> {
        fn eq2(&self) -> impl Fn(&Value, &Value) -> Result<bool, ()> + '_ {
            move |a, b| Ok(idx(a) == idx(b) || tv_eq(&self.pool[idx(a)], &self.pool[idx(b)]))
        }
        fn key(&self, tok: &str) -> (i64, Value, usize) {
            let i: usize = tok.parse().unwrap();
            (self.hashes[i], Value::Int(i as i64), i)
        }
        fn get(&self, name: &str) -> SetTable {
            self.sets
                .get(name)
                .cloned()
                .unwrap_or_else(|| panic!("case {} line {}: no set {name}", self.case, self.line))
        }
        fn add(&self, s: &mut SetTable, tok: &str) {
            let (h, k, i) = self.key(tok);
            let pool = &self.pool;
            s.add(h, k, |x| {
                Ok::<_, ()>(idx(x) == i || tv_eq(&pool[idx(x)], &pool[i]))
            })
            .unwrap();
        }
        fn discard(&self, s: &mut SetTable, tok: &str) -> bool {
            let (h, _, i) = self.key(tok);
            let pool = &self.pool;
            s.discard(h, |x| {
                Ok::<_, ()>(idx(x) == i || tv_eq(&pool[idx(x)], &pool[i]))
            })
            .unwrap()
        }
        fn contains(&self, s: &SetTable, tok: &str) -> bool {
            let (h, _, i) = self.key(tok);
            let pool = &self.pool;
            s.find(h, |x| {
                Ok::<_, ()>(idx(x) == i || tv_eq(&pool[idx(x)], &pool[i]))
            })
            .unwrap()
            .is_some()
        }
        fn set_of_list(&self, toks: &[&str]) -> SetTable {
            let mut s = SetTable::new();
            for t in toks {
                self.add(&mut s, t);
            }
            s
        }
        fn order(&self, s: &SetTable) -> Vec<usize> {
            s.iter().map(|e| idx(&e.key)).collect()
        }
    }

    const DATA: &str = include_str!("settable_testdata/cases.txt");

    #[test]
    fn cpython_hashes_match() {
        let mut n = 0;
        for line in DATA.lines() {
            let t: Vec<&str> = line.split_whitespace().collect();
            if t.first() == Some(&"hash") {
                let v = parse_tv(t[1]);
                let want: i64 = t[2].parse().unwrap();
                assert_eq!(tv_hash(&v), want, "hash of {}", t[1]);
                n += 1;
            }
        }
        assert!(n > 100, "only {n} hash checks");
    }

    #[test]
    fn cpython_orders_replay() {
        let mut cases = 0;
        let mut checks = 0;
        let mut r: Option<Replay> = None;
        for (lno, line) in DATA.lines().enumerate() {
            let t: Vec<&str> = line.split_whitespace().collect();
            if t.is_empty() || t[0] == "#" || t[0] == "hash" {
                continue;
            }
            if t[0] == "case" {
                r = Some(Replay {
                    pool: vec![],
                    hashes: vec![],
                    sets: HashMap::new(),
                    line: lno + 1,
                    case: t[1],
                });
                cases += 1;
                continue;
            }
            let rp = r.as_mut().expect("op outside a case");
            rp.line = lno + 1;
            let ctx = format!("case {} (data line {}): {}", rp.case, lno + 1, line);
            match t[0] {
                "pool" => {
                    rp.pool = t[1..].iter().map(|s| parse_tv(s)).collect();
                    rp.hashes = rp.pool.iter().map(tv_hash).collect();
                }
                "prange" => {
                    let (n, mul, m): (u64, u64, u64) = (
                        t[1].parse().unwrap(),
                        t[2].parse().unwrap(),
                        t[3].parse().unwrap(),
                    );
                    rp.pool = (0..n)
                        .map(|i| {
                            TV::I(BigInt::from(((i as u128 * mul as u128) % m as u128) as u64))
                        })
                        .collect();
                    rp.hashes = rp.pool.iter().map(tv_hash).collect();
                }
                "uplr" | "setr" | "discr" => {
                    let (lo, hi): (usize, usize) = (t[2].parse().unwrap(), t[3].parse().unwrap());
                    let step: usize = t.get(4).map_or(1, |k| k.parse().unwrap());
                    let mut s = if t[0] == "setr" {
                        SetTable::new()
                    } else {
                        rp.get(t[1])
                    };
                    for i in (lo..hi).step_by(step) {
                        let tok = i.to_string();
                        if t[0] == "discr" {
                            rp.discard(&mut s, &tok);
                        } else {
                            rp.add(&mut s, &tok);
                        }
                    }
                    rp.sets.insert(t[1], s);
                }
                "sum" => {
                    let s = rp.get(t[1]);
                    let m61 = hash::MODULUS as u128;
                    let acc = rp
                        .order(&s)
                        .iter()
                        .fold(0u128, |acc, &i| (acc * 1000003 + i as u128) % m61);
                    assert_eq!(
                        (s.len(), acc as u64),
                        (t[2].parse().unwrap(), t[3].parse().unwrap()),
                        "{ctx}"
                    );
                    checks += 1;
                }
                "new" => {
                    rp.sets.insert(t[1], SetTable::new());
                }
                "add" => {
                    let mut s = rp.get(t[1]);
                    rp.add(&mut s, t[2]);
                    rp.sets.insert(t[1], s);
                }
                "disc" => {
                    let mut s = rp.get(t[1]);
                    rp.discard(&mut s, t[2]);
                    rp.sets.insert(t[1], s);
                }
                "discl" => {
                    let mut s = rp.get(t[1]);
                    for tok in &t[2..] {
                        rp.discard(&mut s, tok);
                    }
                    rp.sets.insert(t[1], s);
                }
                "has" => {
                    let s = rp.get(t[1]);
                    assert_eq!(rp.contains(&s, t[2]), t[3] == "1", "{ctx}");
                    checks += 1;
                }
                "pop" => {
                    let mut s = rp.get(t[1]);
                    let got = s.pop_item().map(|(_, k)| idx(&k));
                    let want = if t[2] == "-" {
                        None
                    } else {
                        Some(t[2].parse::<usize>().unwrap())
                    };
                    assert_eq!(got, want, "{ctx}");
                    checks += 1;
                    rp.sets.insert(t[1], s);
                }
                "clear" => {
                    let mut s = rp.get(t[1]);
                    s.clear();
                    rp.sets.insert(t[1], s);
                }
                "copy" => {
                    let s = SetTable::copy_of(&rp.get(t[1]));
                    rp.sets.insert(t[2], s);
                }
                "setl" => {
                    let s = rp.set_of_list(&t[2..]);
                    rp.sets.insert(t[1], s);
                }
                "lit" => {
                    // A constant set display: frozenset(items), rebuilt in its own order, merged into set().
                    let f1 = rp.set_of_list(&t[2..]);
                    let order: Vec<String> = rp.order(&f1).iter().map(|i| i.to_string()).collect();
                    let order: Vec<&str> = order.iter().map(|s| s.as_str()).collect();
                    let f2 = rp.set_of_list(&order);
                    let mut s = SetTable::new();
                    s.merge_from(&f2, rp.eq2()).unwrap();
                    rp.sets.insert(t[1], s);
                }
                "upl" => {
                    let mut s = rp.get(t[1]);
                    for tok in &t[2..] {
                        rp.add(&mut s, tok);
                    }
                    rp.sets.insert(t[1], s);
                }
                "upd" => {
                    // s.update(dict.fromkeys(keys)) with distinct keys
                    let mut s = rp.get(t[1]);
                    s.reserve_for_update(t.len() - 2);
                    for tok in &t[2..] {
                        rp.add(&mut s, tok);
                    }
                    rp.sets.insert(t[1], s);
                }
                "mrg" => {
                    let mut s = rp.get(t[1]);
                    s.merge_from(&rp.get(t[2]), rp.eq2()).unwrap();
                    rp.sets.insert(t[1], s);
                }
                "or" | "and" | "sub" | "xor" => {
                    let (a, b) = (rp.get(t[1]), rp.get(t[2]));
                    let res = match t[0] {
                        "or" => SetTable::union(&a, &b, rp.eq2()),
                        "and" => SetTable::intersection(&a, &b, rp.eq2()),
                        "sub" => SetTable::difference(&a, &b, rp.eq2()),
                        _ => SetTable::symmetric_difference(&a, &b, rp.eq2()),
                    }
                    .unwrap();
                    rp.sets.insert(t[3], res);
                }
                "iand" | "isub" | "ixor" => {
                    let (mut a, b) = (rp.get(t[1]), rp.get(t[2]));
                    match t[0] {
                        "iand" => a.intersection_update(&b, rp.eq2()),
                        "isub" => a.difference_update(&b, rp.eq2()),
                        _ => a.symmetric_difference_update(&b, rp.eq2()),
                    }
                    .unwrap();
                    rp.sets.insert(t[1], a);
                }
                "intl" => {
                    // C = A.intersection(list)
                    let a = rp.get(t[1]);
                    let mut c = SetTable::new();
                    for tok in &t[3..] {
                        if rp.contains(&a, tok) {
                            rp.add(&mut c, tok);
                        }
                    }
                    rp.sets.insert(t[2], c);
                }
                "difl" => {
                    // C = A.difference(list)
                    let mut c = SetTable::copy_of(&rp.get(t[1]));
                    for tok in &t[3..] {
                        rp.discard(&mut c, tok);
                    }
                    c.compact_after_discards();
                    rp.sets.insert(t[2], c);
                }
                "difd" => {
                    // C = A.difference(dict.fromkeys(keys)) with distinct keys
                    let a = rp.get(t[1]);
                    let keys = &t[3..];
                    let c = if (a.len() >> 2) > keys.len() {
                        let mut c = SetTable::copy_of(&a);
                        for tok in keys {
                            rp.discard(&mut c, tok);
                        }
                        c.compact_after_discards();
                        c
                    } else {
                        let d = rp.set_of_list(keys); // stands in for the dict's lookup
                        let mut c = SetTable::new();
                        for e in a.iter() {
                            let tok = idx(&e.key).to_string();
                            if !rp.contains(&d, &tok) {
                                rp.add(&mut c, &tok);
                            }
                        }
                        c
                    };
                    rp.sets.insert(t[2], c);
                }
                "dful" => {
                    let mut a = rp.get(t[1]);
                    for tok in &t[2..] {
                        rp.discard(&mut a, tok);
                    }
                    a.compact_after_discards();
                    rp.sets.insert(t[1], a);
                }
                "sdl" => {
                    // C = A.symmetric_difference(list)
                    let a = rp.get(t[1]);
                    let mut c = rp.set_of_list(&t[3..]);
                    c.symmetric_difference_update(&a, rp.eq2()).unwrap();
                    rp.sets.insert(t[2], c);
                }
                "sdul" => {
                    // A.symmetric_difference_update(list)
                    let mut a = rp.get(t[1]);
                    let tmp = rp.set_of_list(&t[2..]);
                    a.symmetric_difference_update(&tmp, rp.eq2()).unwrap();
                    rp.sets.insert(t[1], a);
                }
                "sdd" => {
                    // A.symmetric_difference_update(dict.fromkeys(keys)) with distinct keys
                    let mut a = rp.get(t[1]);
                    for tok in &t[2..] {
                        if !rp.discard(&mut a, tok) {
                            rp.add(&mut a, tok);
                        }
                    }
                    rp.sets.insert(t[1], a);
                }
                "itm" => {
                    // it = iter(A); first = next(it); A.add(x); A.discard(x); rest = list(it)
                    // expected: first, then '|', then rest
                    let mut a = rp.get(t[1]);
                    let (p0, first) = {
                        let (p, e) = a.next_from(0).expect("empty");
                        (p, idx(&e.key))
                    };
                    rp.add(&mut a, t[2]);
                    rp.discard(&mut a, t[2]);
                    let mut got = vec![first.to_string(), "|".to_string()];
                    let mut pos = p0 + 1;
                    while let Some((p, e)) = a.next_from(pos) {
                        got.push(idx(&e.key).to_string());
                        pos = p + 1;
                    }
                    let want: Vec<String> = t[3..].iter().map(|s| s.to_string()).collect();
                    assert_eq!(got, want, "{ctx}");
                    checks += 1;
                    rp.sets.insert(t[1], a);
                }
                "fh" => {
                    let s = rp.get(t[1]);
                    assert_eq!(s.frozenset_hash(), t[2].parse::<i64>().unwrap(), "{ctx}");
                    checks += 1;
                }
                "chk" => {
                    let s = rp.get(t[1]);
                    let got = rp.order(&s);
                    let want: Vec<usize> = t[2..].iter().map(|x| x.parse().unwrap()).collect();
                    assert_eq!(got, want, "{ctx}");
                    checks += 1;
                }
                other => panic!("unknown op {other} at line {}", lno + 1),
            }
        }
        assert!(cases >= 200, "only {cases} cases");
        eprintln!("settable: replayed {cases} cases, {checks} checks");
    }
}
