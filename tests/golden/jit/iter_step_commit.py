# A traced `for` over a str or set iterator takes a step only when the trace can use the item: an item
# of another type, or the end, leaves the iterator where it was for the interpreter to redo the step.
def walk(it, n):
    out = []
    for x in it:
        out.append(x)
        if len(out) == n:
            break
    return out

for rep in range(3):
    s = {1, 2, 3, "a", 4.5, (1, 2), 5, 6, "b", None}
    it = iter(s)
    first = walk(it, 4)
    rest = walk(it, 100)
    print(sorted(map(repr, first + rest)), len(first), len(rest))
    text = "ab\u00e9c\u20acd\U0001f600e" * 3
    it = iter(text)
    print(walk(it, 5), walk(it, 100), list(it))
    total = 0
    for ch in "x" * 50 + "\u20ac" + "y" * 50:
        total += ord(ch)
    print(total)
    seen = set(range(20))
    try:
        for v in seen:
            if v == 10:
                seen.add(99)
    except RuntimeError as e:
        print(e)
