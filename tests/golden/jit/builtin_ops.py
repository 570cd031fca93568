# Builtin methods, builtin functions and operators on builtin non-number types inside hot loops. The
# trace performs each through a helper that runs the interpreter's own operation; whenever that would
# need Python code, raise, or give a result of another type than recorded, the trace exits and the
# interpreter redoes the operation, so every effect below happens exactly once.


def words_stats(words):
    seen = set()
    caps = []
    total = 0
    for w in words:
        u = w.upper()
        if u.startswith("A") and u not in seen:
            seen.add(u)
            caps.append(u)
        total += ord(w[0]) + len(w.split("a")) + w.count("a")
        if w != "zeta" and w < "q":
            total += 1
        total += len(w[1:3]) + len((w + "!")[-2:])
    return total, sorted(caps), len(seen)


print(words_stats(["alpha", "beta", "gamma", "avocado", "apple", "zeta", "Ant"] * 40))


def lookups(d, keys):
    # d.get's result type changes from key to key: int, str, None, a tuple.
    out = []
    for k in keys:
        v = d.get(k)
        out.append(repr(v))
        if k in d:
            out.append("in")
    return out


print(lookups({1: 10, "a": "x", (1, 2): (3, 4)}, [1, "a", 2, (1, 2), "b", 1] * 5)[-12:])


def find_all(text, subs):
    # str.index raises ValueError for a missing substring: the interpreter raises it.
    found = []
    for s in subs:
        try:
            found.append(text.index(s))
        except ValueError as e:
            found.append(str(e))
    return found


print(find_all("the quick brown fox", ["quick", "fox", "cat", "the", "dog"] * 3))


class Loud:
    """An element whose __eq__ is Python code: `in` on a list containing it must call it exactly as
    the interpreter would (the helper gives up without running it)."""

    calls = 0

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        Loud.calls += 1
        return isinstance(other, Loud) and other.v == self.v

    __hash__ = None


def membership(items, probes):
    hits = 0
    for p in probes:
        if p in items:
            hits += 1
    return hits


plain = [1, 2, 3, "x", (4, 5)]
print(membership(plain, [1, "x", (4, 5), 9, "y"] * 20))
mixed = [1, 2, Loud(3), "x"]
print(membership(mixed, [1, "x", 9, 2] * 10 + [Loud(3)] * 3), Loud.calls)


def add_all(pairs):
    # set.add of an unhashable value raises TypeError mid-loop; nothing is added twice.
    s = set()
    errors = 0
    for p in pairs:
        try:
            s.add(p)
        except TypeError:
            errors += 1
    return sorted(s, key=repr), errors


print(add_all([1, 2, (3, 4), [5], 2, "a", {6: 7}, 1] * 5))


def extend_and_insert(n):
    out = []
    for i in range(n):
        out.extend((i, i * 2))
        out.insert(0, -i)
        if i % 7 == 0:
            out.extend(range(2))
        if i % 11 == 0:
            out.reverse()
    return len(out), out[:6], out[-6:]


print(extend_and_insert(60))


def formatting(n):
    lines = []
    for i in range(n):
        s = "%d:%s" % (i, "ab" * (i % 3))
        t = str(i) + "/" + hex(i) + chr(65 + i % 26)
        lines.append(s + t if i % 2 else t + s)
    return lines[-4:], len("".join(lines))


print(formatting(200))


def type_flips(values):
    # The same `a + b` on builtin values: str, then tuple, list, bytes, then a TypeError.
    out = []
    for a, b in values:
        try:
            out.append(a + b)
        except TypeError as e:
            out.append(type(e).__name__)
    return out


print(type_flips([("a", "b")] * 30 + [((1,), (2,)), ([1], [2]), (b"x", b"y"), ("s", 1), (1.5, 2)]))


def inplace(n):
    # `acc += [i]` changes the list in place: not done by a helper (the recording aborts), still exact.
    acc = []
    text = ""
    for i in range(n):
        acc += [i]
        text += str(i % 10)
    return len(acc), text[-10:]


print(inplace(300))


def bytes_ops(n):
    b = b"hello world"
    total = 0
    for i in range(n):
        total += b[i % len(b)] + len(b.split(b" ")) + b.find(b"o", i % 5)
        if b[:5] == b"hello":
            total += 1
    return total


print(bytes_ops(500))


def slices(s, n):
    acc = 0
    for i in range(n):
        acc += len(s[i % 7:]) + len(s[: i % 5]) + len(s[i % 3 : i % 9])
    return acc


print(slices("abcdefghij", 400), slices("é∂ƒ©˙∆˚¬", 400))


def sorted_keys(rows):
    out = []
    for r in rows:
        out.append(tuple(sorted(r)))
        out.append(max(r) if r else None)
    return out[-6:]


print(sorted_keys([[3, 1, 2], ["b", "a"], [], [2.5, 1]] * 20))


# `in` on sets and frozensets inside a trace: int and str keys answered by a helper, keys that need
# __eq__ (a float equal to an int, a user object) and a set that changes between iterations.
class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return self.v == other


fs = frozenset(range(0, 60, 3))
words = {"a", "bb", "ccc"}
hits = [0, 0, 0]
for i in range(300):
    if i % 60 in fs:
        hits[0] += 1
    if "ab"[i % 2] * (i % 3 + 1) in words:
        hits[1] += 1
    if i == 150:
        fs = frozenset([1.0, 2, Key(4)])
    if i % 5 in fs:
        hits[2] += 1
print("set in", hits)


# ord() in a trace: one-character strs by a helper; anything else exits to the interpreter.
class S(str):
    pass


h = 0
odd = []
for i, c in enumerate(["a", "é", "字", "😀"] * 50 + [b"z", S("q"), "xy", 5]):
    try:
        h = (h * 31 + ord(c)) & 0xFFFFFFF
    except TypeError as e:
        odd.append(str(e))
print("ord", h, odd)
