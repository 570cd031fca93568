# Bound methods carry __self__ and __func__; equal when both match.
class C:
    def m(self):
        return id(self) == id(c)
c = C()
bm = c.m
print(bm(), bm.__self__ is c, bm.__func__ is C.m)
print(c.m == c.m, c.m == C().m)
f = C.m
print(f(c))
ms = [c.m for _ in range(3)]
print(all(m() for m in ms))
print(type(bm).__name__, type(C.m).__name__)
