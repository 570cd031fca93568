#!/usr/bin/env python3
"""Generate cases.txt: random set-operation sequences and CPython 3.11's resulting iteration orders.

Run with CPython 3.11 from this directory:  python3 gen.py > cases.txt
The Rust test `settable::tests::cpython_orders_replay` replays every case on `SetTable` (hashing the
values with pvm's `crate::hash`) and requires identical orders; `cpython_hashes_match` checks the hashes.

Format (whitespace-separated tokens, one op per line):
  hash <value> <cpython hash>          a hash check (outside cases)
  case <name>                          starts a case
  pool <value> <value> ...             the case's values; later ops refer to them by index
  <op> <args>                          see Ops below; set names are A B C D
  chk <set> <index> ...                list(<set>) must be exactly these pool entries, in order
Values: i:<int>  f:<float repr>  t:<item>/<item>/...  (tuple; inside it ':' is written '_').

Ops (x = pool index, ids = pool indices; what CPython ran):
  new S            S = set()                    add S x       S.add(x)
  disc S x         S.discard(x)                 discl S ids   S.discard(x) for each
  pop S x|-        S.pop() returned x (- = KeyError)          clear S       S.clear()
  has S x 0|1      (x in S)                     copy S T      T = S.copy()
  setl S ids       S = set([ids])               lit S ids     S = {ids} as a constant display (3+ items)
  upl S ids        S.update([ids])              upd S ids     S.update(dict.fromkeys([ids])) (distinct)
  mrg S T          S.update(T)
  or/and/sub/xor S T U     U = S | T, S & T, S - T, S ^ T
  iand/isub/ixor S T       S &= T, S -= T, S ^= T
  intl S U ids     U = S.intersection([ids])    difl S U ids  U = S.difference([ids])
  difd S U ids     U = S.difference(dict.fromkeys([ids])) (distinct)
  dful S ids       S.difference_update([ids])   sdl S U ids   U = S.symmetric_difference([ids])
  sdul S ids       S.symmetric_difference_update([ids])
  sdd S ids        S.symmetric_difference_update(dict.fromkeys([ids])) (distinct)
  itm S x a | b..  it = iter(S); a = next(it); S.add(x); S.discard(x) (x absent); list(it) == [b..]
  fh S h           hash(frozenset(S)) == h
Big cases (no pool line):
  prange n mul mod  the pool is [(i * mul) % mod for i in range(n)]
  uplr S lo hi      S.update(pool[lo:hi])        setr S lo hi  S = set(pool[lo:hi])
  discr S lo hi k   S.discard(x) for x in pool[lo:hi:k]
  sum S len acc     len(S) == len and acc = fold(acc * 1000003 + index) mod 2**61-1 over list(S)
"""
import math
import random
import sys

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"

M61 = (1 << 61) - 1


def enc(v):
    if isinstance(v, bool):
        raise TypeError(v)
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:" + repr(v)
    if isinstance(v, tuple):
        return "t:" + "/".join(enc(x).replace(":", "_") for x in v)
    raise TypeError(v)


def src(v):
    """Source text for a constant in a set display."""
    if isinstance(v, float):
        assert math.isfinite(v)
        return repr(v)
    if isinstance(v, tuple):
        return "(" + "".join(src(x) + ", " for x in v) + ")"
    return repr(v)


# ---- value families -------------------------------------------------------------------------------

def small_int(r):
    return r.randint(-20, 70)


def mult8(r):
    return r.choice([8, 16, 32, 64, 128]) * r.randint(-6, 40)


def minus_ones(r):
    return r.choice([-1, -2, -3, -9, -17, -1 << 61, -M61])


def large_int(r):
    return r.choice([1, -1]) * r.randint(1 << 32, (1 << 63) - 1)


def near_mod(r):
    # ints whose hashes collide with small ints (k * (2**61 - 1) + c), incl. beyond i64
    k = r.choice([1, 2, 3, 4, 1 << 10, 1 << 40])
    c = r.randint(-10, 40)
    return r.choice([1, -1]) * (k * M61 + c)


def huge_int(r):
    return r.choice([1, -1]) * (r.randint(1, 1 << 70) << r.randint(0, 20))


def a_float(r):
    c = r.randrange(9)
    if c == 0:
        return r.randint(-40, 40) + 0.5
    if c == 1:
        return float(r.randint(-20, 70))  # equal to an int
    if c == 2:
        return round(r.uniform(-1e4, 1e4), r.randint(1, 6))
    if c == 3:
        return r.choice([0.0, -0.0, math.inf, -math.inf, 5e-324, 1e300, -1e-300, 0.1, 2.0 ** 70])
    if c == 4:
        return r.randint(-1000, 1000) / 64
    if c == 5:
        return float(r.randint(1, 1 << 60) * 8)
    if c == 6:
        return r.random()
    if c == 7:
        return math.ldexp(r.random(), r.randint(-1070, 1020))
    return r.randint(1, 99) * 0.125


def a_tuple(r):
    n = r.choice([0, 1, 2, 2, 2, 3, 4])
    items = []
    for _ in range(n):
        c = r.randrange(6)
        if c < 3:
            items.append(r.randint(-5, 20))
        elif c == 3:
            items.append(r.choice([-1, -2, 1 << 62, M61 + 1]))
        elif c == 4:
            items.append(r.randint(-5, 5) + 0.5)
        else:
            items.append(r.randint(0, 1 << 70))
    return tuple(items)


def twins(r):
    # equal values of different types (2 == 2.0, (2, 1) == (2.0, 1), 0 == -0.0): which object a set keeps
    n = r.randint(-8, 24)
    c = r.randrange(5)
    if c < 2:
        return r.choice([n, float(n)])
    if c == 2:
        return r.choice([(n, 1), (float(n), 1)])
    if c == 3:
        return r.choice([0, 0.0, -0.0, 1 << 70, 2.0 ** 70, -(1 << 62), -(2.0 ** 62)])
    return r.choice([n * 8, float(n * 8)])


FAMILIES = [small_int, mult8, minus_ones, large_int, near_mod, huge_int, a_float, a_tuple, twins]
# Cheap-to-encode families are picked more often (keeps cases.txt small).
WEIGHTED = FAMILIES + [small_int, small_int, mult8, mult8, a_float, a_tuple, twins, twins]


def make_pool(r, size, families=WEIGHTED):
    fams = r.sample(families, r.randint(1, min(4, len(families))))
    seen = set()
    pool = []
    tries = 0
    while len(pool) < size and tries < size * 20:
        tries += 1
        v = r.choice(fams)(r)
        e = enc(v)
        if e in seen:
            continue
        seen.add(e)
        pool.append(v)
    return pool


def make_pool_cheap(r, size):
    def wide_int(r):
        return r.randint(-300, 3000)
    return make_pool(r, size, [wide_int, mult8, minus_ones, small_int])


# ---- case generation --------------------------------------------------------------------------------

class Case:
    def __init__(self, name, pool, out):
        self.pool = pool
        self.index = {enc(v): i for i, v in enumerate(pool)}
        self.sets = {}
        self.out = out
        out.append("case %s" % name)
        out.append("pool " + " ".join(enc(v) for v in pool))

    def ix(self, v):
        return self.index[enc(v)]

    def emit(self, *toks):
        self.out.append(" ".join(str(t) for t in toks))

    def chk(self, name):
        self.emit("chk", name, *[self.ix(v) for v in self.sets[name]])

    def distinct(self, ids):
        """Keep the first of equal values (what dict.fromkeys does)."""
        d = dict.fromkeys(self.pool[i] for i in ids)
        return [self.ix(v) for v in d]


def run_case(r, name, pool, nops, out, chk_prob, fh=False):
    c = Case(name, pool, out)
    P = len(pool)
    names = ["A", "B", "C", "D"]

    def some(lo, hi):
        return [r.randrange(P) for _ in range(r.randint(lo, hi))]

    def build(nm):
        k = r.randrange(6)
        ids = some(0, min(P, r.choice([4, 8, 12, 20, 40, 80])))
        if k == 0:
            c.emit("new", nm)
            s = set()
            c.sets[nm] = s
            for i in ids:
                s.add(pool[i])
                c.emit("add", nm, i)
        elif k == 1 and len(ids) >= 3 and all(not isinstance(pool[i], float) or math.isfinite(pool[i]) for i in ids):
            text = "{" + ", ".join(src(pool[i]) for i in ids) + "}"
            s = eval(compile(text, "<lit>", "eval"))
            c.sets[nm] = s
            c.emit("lit", nm, *ids)
        elif k == 2:
            c.sets[nm] = set(pool[i] for i in ids)
            c.emit("setl", nm, *ids)
        elif k == 3:
            c.emit("new", nm)
            c.sets[nm] = set()
            ids = c.distinct(ids)
            c.sets[nm].update(dict.fromkeys(pool[i] for i in ids))
            c.emit("upd", nm, *ids)
        else:
            c.sets[nm] = set(pool[i] for i in ids)
            c.emit("setl", nm, *ids)
        c.chk(nm)

    build("A")
    build("B")
    for _ in range(nops):
        live = [n for n in names if n in c.sets]
        a = r.choice(live)
        b = r.choice([n for n in live if n != a] or [a])
        dst = r.choice(names)
        s = c.sets[a]
        op = r.choice(["add", "add", "add", "disc", "disc", "pop", "pop", "clear", "copy", "upl", "upd", "mrg",
                       "or", "and", "sub", "xor", "iand", "isub", "ixor", "intl", "difl", "difd", "dful",
                       "sdl", "sdul", "sdd", "itm", "has", "build", "addmany", "discmany"])
        changed = a
        if op == "add":
            i = r.randrange(P)
            s.add(pool[i])
            c.emit("add", a, i)
        elif op == "addmany":
            ids = some(3, 30)
            s.update([pool[i] for i in ids])
            c.emit("upl", a, *ids)
        elif op == "disc":
            i = r.choice([c.ix(v) for v in s]) if s and r.random() < 0.8 else r.randrange(P)
            s.discard(pool[i])
            c.emit("disc", a, i)
        elif op == "discmany":
            ids = []
            for _ in range(r.randint(2, 20)):
                i = r.choice([c.ix(v) for v in s]) if s and r.random() < 0.8 else r.randrange(P)
                s.discard(pool[i])
                ids.append(i)
            c.emit("discl", a, *ids)
        elif op == "pop":
            for _ in range(r.randint(1, 4)):
                if s:
                    v = s.pop()
                    c.emit("pop", a, c.ix(v))
                else:
                    try:
                        s.pop()
                        raise AssertionError
                    except KeyError:
                        c.emit("pop", a, "-")
        elif op == "clear":
            s.clear()
            c.emit("clear", a)
        elif op == "copy":
            c.sets[dst] = s.copy()
            c.emit("copy", a, dst)
            changed = dst
        elif op == "upl":
            ids = some(0, 25)
            s.update([pool[i] for i in ids])
            c.emit("upl", a, *ids)
        elif op == "upd":
            ids = c.distinct(some(0, 25))
            s.update(dict.fromkeys(pool[i] for i in ids))
            c.emit("upd", a, *ids)
        elif op == "mrg":
            if a == b:
                continue
            s.update(c.sets[b])
            c.emit("mrg", a, b)
        elif op in ("or", "and", "sub", "xor"):
            if a == b:
                continue
            t = c.sets[b]
            res = {"or": s | t, "and": s & t, "sub": s - t, "xor": s ^ t}[op]
            c.sets[dst] = res
            c.emit(op, a, b, dst)
            changed = dst
        elif op in ("iand", "isub", "ixor"):
            if a == b:
                continue
            t = c.sets[b]
            if op == "iand":
                s &= t
            elif op == "isub":
                s -= t
            else:
                s ^= t
            c.emit(op, a, b)
        elif op == "intl":
            ids = some(0, 25)
            c.sets[dst] = s.intersection([pool[i] for i in ids])
            c.emit("intl", a, dst, *ids)
            changed = dst
        elif op == "difl":
            ids = some(0, 25)
            c.sets[dst] = s.difference([pool[i] for i in ids])
            c.emit("difl", a, dst, *ids)
            changed = dst
        elif op == "difd":
            ids = c.distinct(some(0, 12))
            c.sets[dst] = s.difference(dict.fromkeys(pool[i] for i in ids))
            c.emit("difd", a, dst, *ids)
            changed = dst
        elif op == "dful":
            ids = some(0, 25)
            s.difference_update([pool[i] for i in ids])
            c.emit("dful", a, *ids)
        elif op == "sdl":
            ids = some(0, 25)
            c.sets[dst] = s.symmetric_difference([pool[i] for i in ids])
            c.emit("sdl", a, dst, *ids)
            changed = dst
        elif op == "sdul":
            ids = some(0, 25)
            s.symmetric_difference_update([pool[i] for i in ids])
            c.emit("sdul", a, *ids)
        elif op == "sdd":
            ids = c.distinct(some(0, 25))
            s.symmetric_difference_update(dict.fromkeys(pool[i] for i in ids))
            c.emit("sdd", a, *ids)
        elif op == "itm":
            absent = [i for i in range(P) if pool[i] not in s]
            if not s or not absent:
                continue
            x = r.choice(absent)
            it = iter(s)
            first = next(it)
            s.add(pool[x])
            s.discard(pool[x])
            rest = list(it)
            c.emit("itm", a, x, c.ix(first), "|", *[c.ix(v) for v in rest])
            continue
        elif op == "has":
            i = r.randrange(P)
            c.emit("has", a, i, int(pool[i] in s))
            continue
        elif op == "build":
            build(dst)
            continue
        if r.random() < chk_prob:
            c.chk(changed)
    for n in names:
        if n in c.sets:
            c.chk(n)
    if fh:
        c.emit("fh", "A", hash(frozenset(c.sets["A"])))


def main():
    r = random.Random(20240611)
    out = ["# generated by gen.py with CPython %s; do not edit" % sys.version.split()[0]]
    # Hash checks.
    hv = [0, 1, -1, -2, 7, M61, M61 - 1, M61 + 1, -M61, 1 << 61, 1 << 63, -(1 << 63), (1 << 64) + 5, 10 ** 30,
          -(10 ** 30), 0.5, -0.5, 1.5, 0.0, -0.0, math.inf, -math.inf, 1e300, 5e-324, 2.0 ** 70, 0.1, (), (1,),
          (1, 2), (-1,), (-1, -2), ((1 << 62),), (0.5, 1), (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)]
    for f in FAMILIES:
        for _ in range(25):
            hv.append(f(r))
    seen = set()
    for v in hv:
        e = enc(v)
        if e not in seen:
            seen.add(e)
            out.append("hash %s %d" % (e, hash(v)))
    n = 0
    # Many small/medium cases.
    for _ in range(240):
        pool = make_pool(r, r.choice([4, 6, 8, 10, 14, 20, 28, 40]))
        run_case(r, "s%d" % n, pool, r.randint(5, 12), out, 0.3, fh=n % 3 == 0)
        n += 1
    # Pools made of equal-but-distinct values only, so every operation decides which object survives.
    for _ in range(14):
        ns = r.sample(range(-6, 40), r.choice([5, 8, 12, 16]))
        pool = [n for n in ns] + [float(n) for n in ns] + [(n, 1) for n in ns[:3]] + [(float(n), 1) for n in ns[:3]]
        run_case(r, "T%d" % n, pool, r.randint(8, 14), out, 0.3)
        n += 1
    # The pop finger across clear() and the in-place operators (set_swap_bodies keeps it).
    for _ in range(16):
        pool = list(range(r.randint(6, 30)))
        c = Case("F%d" % n, pool, out)
        n += 1
        ids = r.sample(range(len(pool)), r.randint(3, len(pool)))
        c.sets["A"] = set(pool[i] for i in ids)
        c.emit("setl", "A", *ids)
        for _ in range(r.randint(1, 4)):
            if c.sets["A"]:
                c.emit("pop", "A", c.ix(c.sets["A"].pop()))
        kind = r.randrange(3)
        ids = r.sample(range(len(pool)), r.randint(1, len(pool)))
        c.sets["B"] = set(pool[i] for i in ids)
        c.emit("setl", "B", *ids)
        if kind == 0:
            c.sets["A"].clear()
            c.emit("clear", "A")
            c.sets["A"].update(pool[i] for i in ids)
            c.emit("upl", "A", *ids)
        elif kind == 1:
            c.sets["A"] &= c.sets["B"]
            c.emit("iand", "A", "B")
        else:
            c.sets["A"] ^= c.sets["B"]
            c.emit("ixor", "A", "B")
        for _ in range(r.randint(1, 4)):
            if c.sets["A"]:
                c.emit("pop", "A", c.ix(c.sets["A"].pop()))
        c.chk("A")
    # Growth through several resizes, with deletions and pops.
    for _ in range(6):
        pool = make_pool_cheap(r, r.choice([100, 130, 160]))
        run_case(r, "L%d" % n, pool, r.randint(4, 8), out, 0.1)
        n += 1
    # Ranges of ints and multiples of 8/32 (heavy linear probing), large sets.
    for k, (step, count) in enumerate([(1, 300), (8, 240), (32, 160), (-8, 160), (1 << 20, 100), (M61, 50)]):
        pool = [step * i + (1 if k == 5 else 0) for i in range(count)]
        c = Case("R%d" % k, pool, out)
        c.sets["A"] = set()
        c.emit("new", "A")
        c.sets["A"].update(pool)
        c.emit("upl", "A", *range(count))
        c.chk("A")
        rr = random.Random(k)
        ids = rr.sample(range(count), count * 2 // 3)
        for i in ids:
            c.sets["A"].discard(pool[i])
        c.emit("discl", "A", *ids)
        c.chk("A")
        ids = rr.sample(range(count), count // 3)
        c.sets["A"].update(pool[i] for i in ids)
        c.emit("upl", "A", *ids)
        c.chk("A")
        c.sets["B"] = c.sets["A"].copy()
        c.emit("copy", "A", "B")
        c.chk("B")
    # Sets past 50000 elements (growth switches from used*4 to used*2); orders checked by checksum.
    for k, (n_, mul, mod) in enumerate([(120000, 2654435761, 1 << 40), (70000, 40503, 1 << 19)]):
        pool = [(i * mul) % mod for i in range(n_)]
        index = {v: i for i, v in enumerate(pool)}
        assert len(index) == n_
        out.append("case B%d" % k)
        out.append("prange %d %d %d" % (n_, mul, mod))

        def summ(nm, s):
            acc = 0
            for v in s:
                acc = (acc * 1000003 + index[v]) % M61
            out.append("sum %s %d %d" % (nm, len(s), acc))

        half = n_ // 2
        a = set()
        out.append("new A")
        a.update(pool[:half])
        out.append("uplr A 0 %d" % half)
        summ("A", a)
        b = a.copy()
        out.append("copy A B")
        summ("B", b)
        # grows the copy's table while len > 50000 (n=120000)
        b.update(pool[half:])
        out.append("uplr B %d %d" % (half, n_))
        summ("B", b)
        # a difference that leaves > 1/4 dummies with len > 50000 (n=120000): compaction to used*2
        cut = int(n_ * 0.55)
        b -= set(pool[:cut])
        out.append("setr C 0 %d" % cut)
        out.append("isub B C")
        summ("B", b)
        for i in range(0, half, 3):
            a.discard(pool[i])
        out.append("discr A 0 %d 3" % half)
        summ("A", a)
        for _ in range(5):
            out.append("pop A %d" % index[a.pop()])
        summ("A", a)
    print("\n".join(out))


if __name__ == "__main__":
    main()
