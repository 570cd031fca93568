# Set displays (constant ones become a frozenset constant in CPython), comprehensions, for loops over
# set displays, membership tests, starred displays.

print({3, 1, 2})
print({1, 9, 17})
print({17, 9, 1})
print({1, 9, 17, 25, 33})
print({-1, -2, 5, 100, 8, 16})
print({100, 5, 8, 16, -2, -1})
print({(1, 2), (3, 4), (-1, 0), (0, -1)})
print({1.5, -0.5, 2.25, 8.0})
print({2**8, 2**9, 2**10, 3, -1})
print({1 + 1, 2 * 3, 7 // 2, 7 % 3, -7 // 2, ~5, 1 << 4, 10.5 / 2})
print({True, 1, 1.0, 2}, {1.0, True, 1, 2}, {2, 1, True})
print({0, 8})
print({8, 0})

x, y, z = 40, 8, 16
print({x, y, z})
print({z, y, x, 0})
print({x, 24, 48, y})
print({*range(10, 0, -1)})
print({*[64, 32], 16, *(8, 4)})
print({1, 2, *{3, 4}, 11, 19})

for v in {1, 9, 17, 25, 33}:
    print(v, end=" ")
print()
for v in {33, 25, 17, 9, 1, 41, 49}:
    print(v, end=" ")
print()
for v in {8, 0}:
    print(v, end=" ")
print()
print([v for v in {1, 9, 17, 25, 33}])
print({v for v in {1, 9, 17, 25, 33}})
print({v * 2 for v in {1, 9, 17, 25, 33}})
print([v for v in [1, 9, 17, 25, 33] if v in {17, 33}])
print(list({1, 9, 17, 25, 33}), tuple({1, 9, 17, 25, 33}), sorted({1, 9, 17, 25, 33}))


def f():
    return {25, 1, 9, 17}


def g():
    return [w for w in {17, 9, 1, 25}]


print(f(), g(), {1, 9, 17, 25})

# comprehensions
print({i * i for i in range(-6, 7)})
print({i % 13 for i in range(100)})
print({(i, j) for i in range(3) for j in range(3) if i != j})
print({i * 8 for i in range(20)})
print({-i for i in range(30)})
s = {i for i in range(50)}
s2 = {i for i in s if i % 4}
print(s2)
