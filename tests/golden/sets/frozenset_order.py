# frozenset construction, algebra, hashing and frozensets as elements.

f = frozenset([5, 3, 9, 100, 1000, -4])
g = frozenset(range(0, 100, 9))
print(f, g)
print(f | g, f & g, f - g, g - f, f ^ g)
print(f | {7}, {7} | f, type(f | {7}).__name__, type({7} | f).__name__)
print(f.union([1, 2], {3}), f.intersection(range(10)), f.difference([3]), f.symmetric_difference([3, 4]))
print(frozenset(f) is f, f.copy() is f, frozenset(set(f)) == f, frozenset(set(f)) is f)
print(frozenset(), frozenset([]), frozenset({}), frozenset(range(0)))
print(hash(frozenset()), hash(frozenset([1])), hash(frozenset([1, 2, 3])), hash(frozenset(range(100))))
print(hash(frozenset([(1, 2), (3, 4)])), hash(frozenset([-1, -2])), hash(frozenset([0.5, 1.5])))
print(hash(f) == hash(frozenset(sorted(f))), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
nested = {frozenset({1, 2}), frozenset({3}), frozenset(), frozenset({2, 1}), frozenset(range(5))}
print(len(nested), nested)
print(frozenset({1, 2}) in nested, {1, 2} in nested, set() in nested, {9} in nested)
d = {frozenset({1}): "one", frozenset({1, 2}): "two"}
print(d[frozenset([1])], d[frozenset([2, 1])])
ns = set(nested)
ns.remove({3})
ns.discard(set())
print(ns)
fs = frozenset({frozenset({1}), frozenset({2, 3})})
print(fs)
print(frozenset([x * 3 for x in range(10)]))
print(frozenset({10: 1, 20: 2, 3: 3}))
print(frozenset("") , frozenset((1, 1, 1)))
x = f
x |= {42}
print(x, f, x is f)
x = f
x -= {5}
print(x, f)
x = g
x &= {0, 9, 18, 27}
print(x)
x = g
x ^= {0, 1, 2}
print(x)
print(frozenset([1, 2]) == {1, 2}, frozenset([1, 2]) <= {1, 2, 3}, frozenset() < frozenset([0]))
print(sorted(frozenset([3, -1, 2])), len(frozenset(range(7))), 5 in f, 6 in f)
