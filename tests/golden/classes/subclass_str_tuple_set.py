# Subclasses of str, tuple and set behave as their base in every protocol, with added methods.
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, repr(n), n.shout(), n + "by", len(n), n[0], n == "bob", {n: 1}["bob"], "o" in n, n.title(), f"{n:>5}|", "-".join([n, n]))
print(hash(n) == hash("bob"), sorted([Name("b"), Name("a")]), type(n.upper()).__name__)

class P(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = P(1, 2)
print(p, p.x, len(p), p + (3,), p == (1, 2), hash(p) == hash((1, 2)))
a, b = p; print(a, b)

class S(set): pass
s = S([1, 2, 3]); s.add(4); print(sorted(s), len(s), 2 in s, s | {9} == {1, 2, 3, 4, 9}, type(s).__name__)

