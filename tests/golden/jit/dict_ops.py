# Dicts in traces: d[k], d[k] = v and `k in d` with int and str keys go through helpers that run no
# Python code; anything else (missing keys, other key types, instance keys) leaves the trace and the
# interpreter does it.
from collections import defaultdict, Counter


def word_counts(words):
    counts = {}
    for w in words:
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    return counts


words = ("the quick brown fox jumps over the lazy dog the end " * 300).split()
c = word_counts(words)
print(sorted(c.items()))


def squares(n):
    d = {}
    for i in range(n):
        d[i] = i * i
    total = 0
    for i in range(n):
        total += d[i]
    return total, len(d)


print(squares(3000))


def missing_key(n):
    d = {i: i for i in range(0, n, 2)}
    hits = misses = 0
    for i in range(n):
        try:
            hits += d[i]
        except KeyError:
            misses += 1
    return hits, misses


print(missing_key(3000))


def value_types(n):
    # The value type changes mid-loop: int, float, str, None.
    d = {"x": 0}
    out = []
    for i in range(n):
        if i == n // 4:
            d["x"] = 0.5
        elif i == n // 2:
            d["x"] = "s"
        elif i == 3 * n // 4:
            d["x"] = None
        out.append(type(d["x"]).__name__)
    return [(t, out.count(t)) for t in ("int", "float", "str", "NoneType")]


print(value_types(2000))


def key_types(n):
    # Keys that compare equal across types: 1, 1.0 and True are one key.
    d = {1: "one", 2.0: "two", "k": "str"}
    out = 0
    for i in range(n):
        k = (1, 2, "k", 1.0, True)[i % 5]
        out += len(d[k])
        d[k] = d[k]
    return out, sorted(d.items(), key=repr)


print(key_types(2500))


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return (other.v if isinstance(other, Key) else other) == self.v


def instance_keys(n):
    d = {Key(3): "three", 4: "four"}
    out = 0
    for i in range(n):
        out += len(d[3 if i % 2 else 4])
        out += 3 in d
    return out


print(instance_keys(2000))


class Loud(dict):
    def __getitem__(self, k):
        return 42

    def __contains__(self, k):
        return True


def subclass(n):
    d = Loud(a=1)
    s = 0
    for i in range(n):
        s += d["a"] + ("zz" in d)
    return s


print(subclass(2000))


def defaults(n):
    dd = defaultdict(int)
    cnt = Counter()
    for i in range(n):
        dd[i % 7] += 1
        cnt[i % 3] += 2
    return sorted(dd.items()), sorted(cnt.items())


print(defaults(3000))


def mutate_while_reading(n):
    d = {0: 0}
    for i in range(n):
        d[i + 1] = d[i] + 1
        if i % 500 == 0:
            del d[i]
            d[i] = -1
    return len(d), d[n], sum(d.values())


print(mutate_while_reading(3000))


def not_in(n):
    seen = {}
    dup = 0
    for i in range(n):
        k = str(i % 97)
        if k not in seen:
            seen[k] = i
        else:
            dup += 1
    return dup, len(seen)


print(not_in(3000))


def unhashable(n):
    d = {}
    for i in range(n):
        if i == n - 1:
            try:
                d[[i]] = 1
            except TypeError as e:
                return str(e), len(d)
        d[i] = i


print(unhashable(2000))


# d.get(k) and d.get(k, default) in a trace: present and missing keys alternate, the default and the
# stored values change type, a key that needs __eq__, a dict subclass.
class D(dict):
    def get(self, k, default=None):
        return ("sub", k)


counts = {}
seen = []
for i in range(400):
    k = "w%d" % (i % 7) if i % 3 else i % 5
    counts[k] = counts.get(k, 0) + 1
    if i == 200:
        counts["w1"] = 0.5
    v = counts.get("w%d" % (i % 9))
    if i % 50 == 0:
        seen.append(v)
    if i == 300:
        counts[2.0] = 100
    if i % 60 == 0:
        seen.append(counts.get(2, "none"))
print(sorted((str(k), v) for k, v in counts.items()))
print(seen)
sub = D(a=1)
print([sub.get("a") for _ in range(3)], [{}.get("x", i) for i in range(3)])
