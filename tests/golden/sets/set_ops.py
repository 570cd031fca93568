a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7, 8], (9,)), a.intersection(range(3)), a.difference([1], [2]))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > a)
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
print(a == {4, 3, 2, 1}, a != b, len(a | b))
print(sorted(a ^ b), sorted(b - a))
print(set(), set([3, 1, 2, 3]), set(range(5)), set((1, 1, 2)), len(set("hello")))
print({1, 2} == {2, 1}, {1, 1.0, True}, {0, False, 0.0})
