# `a, b = x, y` with 1 to 3 names on each side compiles to the values and a Swap (no tuple);
# evaluation order must stay: every value left to right, then every target left to right.
log = []


def v(name, value):
    log.append("value " + name)
    return value


class Rec(list):
    def __setitem__(self, i, x):
        log.append(f"store [{i}] = {x}")
        super().__setitem__(i, x)


r = Rec([0, 0, 0])
r[v("i0", 0)], r[v("i1", 1)], r[v("i2", 2)] = v("a", "A"), v("b", "B"), v("c", "C")
print(log, r)
log.clear()
[p, q] = v("p", 1), v("q", 2)
(s,) = (v("s", 3),)
print(log, p, q, s)
# A value that raises: no target is assigned.
m, n = "m0", "n0"
try:
    m, n = v("m", 10), 1 // 0
except ZeroDivisionError:
    pass
print(m, n)
# Four names still go through a tuple.
w, x, y, z = 1, 2, 3, 4
w, x, y, z = z, y, x, w
print(w, x, y, z)
# The same name twice: the last store wins, as in CPython.
t, t = 1, 2
print(t)


def rotate(a, b, c):
    a, b, c = b, c, a
    return a, b, c


print(rotate(1, 2, 3))
