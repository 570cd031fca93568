# Set and dict displays and dict comprehensions in hot loops: displays are built by a helper (the
# interpreter's own set/dict construction), comprehension stores go through the dict store helpers;
# an unhashable item raises TypeError from the interpreter, exactly once.
def f(n):
    out = 0
    for i in range(n):
        s = {i % 5, i % 7, "x"}
        d = {i: "a", "k": i}
        sq = {k: k * k for k in range(i % 6)}
        sq2 = {str(k): [k] for k in range(i % 4)}
        out += len(s) + len(d) + sum(sq.values()) + len(sq2)
        if (i % 5) in s and "k" in d:
            out += 1
    return out
print(f(500))
def dup(n):
    t = 0
    for i in range(n):
        d = {k % 3: k for k in range(10)}
        t += d[0] + d[1] + d[2]
    return t
print(dup(300))
def bad(n):
    errs = 0
    for i in range(n):
        try:
            s = {i, [i]} if i % 50 == 49 else {i}
        except TypeError:
            errs += 1
    return errs
print(bad(200))
