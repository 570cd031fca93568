# f-strings, set comprehensions, `for` over dicts/sets/strings set up inside the loop, and the truth of
# builtin objects, in hot loops (each through the interpreter's own operation, by helpers).


def labels(n):
    out = []
    for i in range(n):
        x = i * 0.5
        out.append(f"{i:>4}|{x:.2f}|{i!r}|{'odd' if i % 2 else 'even'}|{hex(i)}|{i:b}|{str(i) * 2}")
    return out[:2] + out[-2:]


print(labels(150))


def many_parts(n):
    s = 0
    for i in range(n):
        t = f"{i}-{i + 1}-{i + 2}-{i + 3}-{i + 4}-{i + 5}-{i + 6}-{i + 7}-{i + 8}"
        s += len(t)
    return s


print(many_parts(300))


def formatted_floats(values):
    out = []
    for v in values:
        out.append(f"{v:8.3f}|{v!s}|{v:e}")
    return out[-3:]


print(formatted_floats([i / 7 for i in range(100)] + [float("inf"), -0.0, 1e300]))


def comprehensions(n):
    total = 0
    for k in range(n):
        evens = {x % 17 for x in range(k, k + 40) if x % 2 == 0}
        words = {w.lower() for w in ("A", "b", "B", "c") if w}
        total += len(evens) + len(words)
    return total


print(comprehensions(100))


def nested_iteration(rows):
    total = 0
    for row in rows:
        for key in row:
            total += len(key)
        for ch in key:
            total += 1
        for v in set(row.values()):
            total += v
    return total


print(nested_iteration([{"ab": 1, "cde": 2, "f": 3}, {"xyz": 4}, {"": 5, "q": 5}] * 50))


def truthiness(values):
    counts = [0, 0]
    for v in values:
        if v:
            counts[0] += 1
        if not v:
            counts[1] += 1
        x = v or "default"
        counts[0] += len(str(x)) > 0
    return counts


print(truthiness(["", "a", [], [1], {}, {1: 2}, set(), {3}, (), (1,), b"", b"x", 0, 1, None, 0.0] * 20))


def groups(words):
    by_len = {}
    for w in words:
        key = f"len{len(w)}"
        if key in by_len:
            by_len[key] = by_len[key] + "," + w
        else:
            by_len[key] = w
    return sorted(by_len.items())


print(groups(["a", "bb", "cc", "ddd", "e", "ffff"] * 30)[0][1][:20])
