a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c))
x = None
print(id(x) == id(None))
def f():
    pass
g = f
print(id(f) == id(g))
print(hash(5), hash(-1), hash(2 ** 100), hash(True), hash(0.5), hash(-0.0), hash(3.0) == hash(3))
print(hash((1, 2)) == hash((1, 2)), hash("abc") == hash("abc"), hash(frozenset([1])) == hash(frozenset([1])))
print(type(hash("x")).__name__)
lst = [a, c]
print(id(lst[0]) == id(a), lst.index(c), lst[1] is c)
