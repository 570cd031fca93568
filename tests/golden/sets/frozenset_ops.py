f = frozenset([3, 1, 2])
g = frozenset({2, 3, 4})
print(sorted(f), len(f), 2 in f, 5 in f)
print(sorted(f | g), sorted(f & g), sorted(f - g), sorted(f ^ g))
print(type(f | g).__name__, type({1} | f).__name__, type(f | {1}).__name__)
print(f == {1, 2, 3}, f == frozenset([1, 2, 3]), hash(f) == hash(frozenset([3, 2, 1])))
d = {f: "frozen key"}
print(d[frozenset([1, 2, 3])])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
print(frozenset(), frozenset([5]), repr(frozenset()))
print(f.union([9]) == frozenset({1, 2, 3, 9}), f.issubset({1, 2, 3, 4}))
