# Set iteration order after adds, removes and pops (ints, negative ints, big ints), as CPython prints it.

seed = 42


def rand():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed


s = set()
for i in [5, 13, 21, 29, 100, -3, 7, 8, 16, 24, 32, 40]:
    s.add(i)
    print(s)

for i in [13, 100, 8]:
    s.remove(i)
print("after removes", s)
s.add(200)
s.add(13)
print("re-added", s)
s.discard(-3)
s.discard(12345)
print(s, len(s))

print(set([-1, -2, -3, -4, -5, -6, -7, -8, -9, -10]))
print(set(range(-20, 20, 3)))
print(set([2**40, 2**41 + 1, -(2**50), 7, 2**62, -(2**63), 2**64, 2**100, -(2**70)]))
print(set([x * 8 for x in range(12)]))
print(set([x * 1024 for x in range(10)]))
print(set([x * 37 % 101 for x in range(60)]))

# pop order and the pop finger
p = set(range(0, 200, 7))
out = []
while len(p) > 20:
    out.append(p.pop())
print(out)
print(p)
p.add(3)
p.add(1000)
print(p.pop(), p.pop(), p)
p.clear()
p.update([9, 1, 17])
print(p.pop(), p)

# growth and dummies
g = set()
for step in range(300):
    v = rand() % 500 - 250
    if v % 3 == 0 and g:
        g.discard(v // 2)
    else:
        g.add(v)
print(len(g))
print(g)
for v in list(g)[::2]:
    g.remove(v)
print(g)
g.update(range(-10, 10))
print(g)

# sets from other containers
print(set((3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5)))
print(set({10: 'a', 2: 'b', 33: 'c', -4: 'd', 18: 'e'}))
print(set({10: 'a', 2: 'b', 33: 'c', -4: 'd', 18: 'e'}.values()) == {'a', 'b', 'c', 'd', 'e'})
print(set({k: None for k in range(0, 90, 9)}))
print(set({k: None for k in range(0, 90, 9)}.keys()))
print(set({k: None for k in range(0, 90, 9)}.items()) == {(k, None) for k in range(0, 90, 9)})
print(set(range(30, 0, -4)))
print(set([x for x in range(50) if x % 7 == 3]))
print(set(iter([64, 32, 16, 8, 4, 2, 1])))
print(set(reversed([64, 32, 16, 8, 4, 2, 1])))

# floats and mixed numbers
print({0.5, 1.5, -2.25, 3.0, 1e10, -0.0, 7.75})
print(set([1.0, 2, 3.5, 2.0, 1, True, 0, False, 0.0]))
print(set([x / 4 for x in range(-10, 10)]))
print({float(i) for i in range(20)})

# tuples
print({(i, -i) for i in range(8)})
print(set([(1, 2), (2, 1), (0, 0), (-1, -1), (1, 2, 3), ()]))
print(set(zip(range(5), range(10, 15))))
