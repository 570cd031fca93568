# `k in d`, `k in s` and `d[k]` with int or str keys take a path that runs no Python code; every other
# case (other key types, stored keys with __eq__, subclasses, missing keys) behaves as before.


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        print("eq called")
        return self.v == other


d = {1: "one", "a": "A", 2.0: "two", True: "bool"}
print(1 in d, 2 in d, "a" in d, "b" in d, 3 not in d, d[2], d[1], d["a"])
s = {1, "x", 3.0}
fs = frozenset([4, "y"])
print(3 in s, "x" in s, 2 in s, 4 in fs, "z" not in fs)
mixed = {K(5): "k5"}
print(5 in mixed, mixed[5])
try:
    d[99]
except KeyError as e:
    print("KeyError:", e)


class Missing(dict):
    def __missing__(self, k):
        return "missing " + str(k)


class Contains(dict):
    def __contains__(self, k):
        return k == 7


m = Missing(a=1)
c = Contains(a=1)
print(m["a"], m[3], 7 in c, "a" in c)
try:
    [] in {1: 2}
except TypeError as e:
    print("TypeError:", e)
n = 0
big = {i: i * i for i in range(1000)}
for i in range(2000):
    if i in big:
        n += big[i]
print(n, "3" in big, 3 in {str(i) for i in range(5)})
