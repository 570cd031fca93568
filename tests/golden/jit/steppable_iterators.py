# `for` over str, set and reversed() iterators in hot loops. The trace steps the interpreter's own
# iterator; a step whose item has another type than the trace expects is undone, and the interpreter
# redoes it, so the iterator's position is always exact (see the partial loops resumed with next()).


def letters(s):
    vowels = 0
    codes = 0
    for ch in s:
        if ch in "aeioué":
            vowels += 1
        codes += ord(ch)
    return vowels, codes


print(letters("the quick brown fox jumps over the lazy dog" * 20))
print(letters("héllo wörld ∂ƒ© " * 30))


def set_items(s):
    # Items of several types: int, str, None, float, tuple.
    ints = strs = others = 0
    for x in s:
        if type(x) is int:
            ints += x
        elif type(x) is str:
            strs += len(x)
        else:
            others += 1
    return ints, strs, others


print(set_items(set(range(200)) | {"a", "bb", None, 1.5, (1, 2)}))
print(set_items(frozenset(["x" * i for i in range(60)])))


def grows_while_iterating(n):
    s = set(range(n))
    try:
        for x in s:
            if x == n // 2:
                s.add(-1)
    except RuntimeError as e:
        return str(e)


print(grows_while_iterating(100))


def backwards(xs):
    out = []
    for x in reversed(xs):
        out.append(x * 2)
    return out[:3], out[-3:], len(out)


print(backwards(list(range(300))))
print(backwards([1, 2, 3] * 50 + [1.5, "a", (1,)]))
print(backwards("abcdef" * 40))


def partial(s, stop):
    it = iter(s)
    seen = 0
    for ch in it:
        seen += 1
        if ch == stop:
            break
    return seen, next(it, None), list(it)[:3]


print(partial("abcdefghijklmnopqrstuvwxyz" * 5 + "!tail", "!"))


def mixed_reversed(xs):
    # Element type flips mid-loop: int, then str, then None.
    total = 0
    names = []
    for x in reversed(xs):
        if x is None:
            names.append("none")
        elif isinstance(x, str):
            names.append(x)
        else:
            total += x
    return total, names[:4], len(names)


print(mixed_reversed([None, "a", "b"] * 10 + list(range(100))))
