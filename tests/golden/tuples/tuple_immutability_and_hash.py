t = (1, 2, [3, 4])
t[2].append(5)
print(t)
a = (1, 2, 3)
b = (1, 2, 3)
print(a == b, hash(a) == hash(b), hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
d = {(0, 0): "origin", (1, 2): "point"}
print(d[(0, 0)], d[1, 2], (1, 2) in d, (2, 1) in d)
coords = {}
for x in range(3):
    for y in range(2):
        coords[(x, y)] = x * 10 + y
print(coords)
print(sorted(coords, key=lambda p: (p[1], -p[0])))
print(hash((1, (2, 3))) == hash((1, (2, 3))), hash(()) == hash(()))
