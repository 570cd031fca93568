# union / intersection / difference / symmetric difference: operators, methods, in-place forms,
# several arguments and the size-dependent strategies; printed in CPython's order.

a = set(range(0, 60, 3))
b = set(range(0, 60, 5))
c = {7, 14, 21, 28, 35}
small = {5, 30}
big = set(range(-100, 200, 2))

for x, y in [(a, b), (b, a), (a, c), (c, a), (a, small), (small, a), (big, small), (small, big), (a, big), (big, c)]:
    print(x | y)
    print(x & y)
    print(x - y)
    print(y - x)
    print(x ^ y)

print(a.union(b, c), a.union([99, 98, 3], (1000,), range(5)))
print(a.union(), a.union(a), a.union(a, b))
print(a.intersection(b, c), a.intersection(range(100)), a.intersection([30, 15, 0, 15, 45]), a.intersection())
print(a.intersection(a), a.intersection(b, a))
print(a.difference(b, c), a.difference([3, 6, 9]), a.difference(), a.difference(a), a.difference(range(30)))
print(big.difference([0, 2, 4]), big.difference({0: 1, 2: 2}), a.difference({i: i for i in range(0, 100, 2)}))
print(a.symmetric_difference(b), a.symmetric_difference([1, 2, 3, 3, 6]), a.symmetric_difference({4: 0, 6: 0}))
print(a.symmetric_difference(a))

for op in ["|=", "&=", "-=", "^="]:
    for y in [b, c, small, big, set(), {3}]:
        x = set(a)
        if op == "|=":
            x |= y
        elif op == "&=":
            x &= y
        elif op == "-=":
            x -= y
        else:
            x ^= y
        print(op, x)

x = set(a)
x.update(b, [1000, -1000], {7: 7})
print(x)
x = set(a)
x.intersection_update(b, range(0, 60, 2))
print(x)
x = set(a)
x.intersection_update()
print(x)
x = set(a)
x.difference_update(b, [3, 6], {9: 9})
print(x)
x = set(big)
x.difference_update(range(0, 150))
print(x)
x.add(1)
x.add(-1)
print(x)
x = set(a)
x.symmetric_difference_update([3, 100, 100, 6, 200])
print(x)
x = set(a)
x.symmetric_difference_update({3: 0, 100: 0, 6: 0})
print(x)
x = set(a)
x.symmetric_difference_update(b)
print(x)

# self operands
x = set(range(100))
r = x ^ x
r.update([200, 8, 16, 1000, 3])
print(r)
x = set(range(100))
x ^= x
x.update([200, 8, 16, 1000, 3])
print(x)
x = set(range(100))
r = x - x
r.update([200, 8, 16, 1000, 3])
print(r)
x = set(range(100))
x -= x
x.update([200, 8, 16, 1000, 3])
print(x)
x = set(range(0, 300, 7))
r = x & x
print(r)
x &= x
print(x)
x = set(range(0, 300, 7))
r = x | x
print(r)
x |= x
print(x)
x.update(x)
x.difference_update(x)
print(x)
x = set(range(20))
x.symmetric_difference_update(x)
print(x)

# after many discards (compaction of dummies)
x = set(range(64))
x -= set(range(0, 64, 3))
print(x)
x.add(1000)
x.add(64)
print(x)
y = set(range(64))
y.difference_update(range(0, 64, 2))
print(y)
y.update([128, 256, 512])
print(y)

# comparisons
print(a <= a | b, a < a, a >= {3, 6}, a > a, a == set(a), a != b, {1, 2} == frozenset({2, 1}))
print(a.issubset(range(100)), a.issuperset([0, 3]), a.isdisjoint([1, 2]), a.isdisjoint(b))

# dict views as operands
d = {5: -1, 10: 2, 15: 3, 99: 4}
e = {10: 2, 15: 30, 7: 5}
print(d.keys() | b, b | d.keys(), d.keys() & b, b & d.keys(), d.keys() - b, b - d.keys())
print(d.keys() ^ b, b ^ d.keys(), d.keys() & e.keys(), d.keys() | e.keys(), d.keys() - e.keys())
print(d.items() & e.items(), d.items() ^ e.items(), d.items() - e.items())
print(sorted(d.items() | e.items()))
print(d.keys() & [99, 5, 100], [99, 5, 100] | d.keys())
s = {1, 2}
s |= d.keys()
print(s)
