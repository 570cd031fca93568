# Loops over dicts in traces: `for k in d`, `d.values()`, `d.items()` step through the dict's entries
# with a helper; the items tuple is made per step as the interpreter makes it. Changing the dict's
# size during the loop raises RuntimeError from the interpreter.


def sums(d):
    ks = vs = 0
    for k in d:
        ks += k
    for v in d.values():
        vs += v
    pairs = 0
    for k, v in d.items():
        pairs += k * v
    return ks, vs, pairs


d = {i: i % 13 for i in range(3000)}
print(sums(d))


def mixed_values(d):
    # Values change type along the dict: int, then float, then str, then None.
    out = []
    for k, v in d.items():
        out.append(type(v).__name__)
    return [(t, out.count(t)) for t in ("int", "float", "str", "NoneType")]


m = {}
for i in range(2000):
    m[i] = i if i < 500 else (i * 0.5 if i < 1000 else (str(i) if i < 1500 else None))
print(mixed_values(m))


def with_holes(n):
    # Deleted entries leave holes the iterator skips.
    d = {i: i for i in range(n)}
    for i in range(0, n, 3):
        del d[i]
    t = 0
    for k in d:
        t += k
    return t, len(d)


print(with_holes(3000))


def grows(n):
    d = {i: i for i in range(n)}
    try:
        for k in d:
            if k == n - 10:
                d[-1] = 0
    except RuntimeError as e:
        return str(e)


print(grows(2500))


def str_keys(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    longest = ""
    total = 0
    for w, c in counts.items():
        total += c
        if len(w) > len(longest):
            longest = w
    return total, longest


print(str_keys(("alpha beta gamma delta epsilon zeta eta theta " * 400).split()))


def nested(n):
    outer = {i: {j: i * j for j in range(5)} for i in range(n)}
    s = 0
    for i, inner in outer.items():
        for j, v in inner.items():
            s += v
    return s


print(nested(800))


def value_replaced(n):
    # Replacing values (not the size) while iterating is allowed.
    d = {i: 0 for i in range(n)}
    for k in d:
        d[k] = k * 2
    return sum(d.values())


print(value_replaced(3000))
