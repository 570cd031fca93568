data = [("alice", (30, "NYC")), ("bob", (25, "LA"))]
for name, (age, city) in data:
    print(name, age, city)
((a, b), (c, d)) = ((1, 2), (3, 4))
print(a, b, c, d)
[(x1, y1), (x2, y2)] = [(0, 1), (2, 3)]
print(x1 + x2, y1 + y2)
points = {"p": (1, 2), "q": (3, 4)}
for key, (px, py) in points.items():
    print(key, px * py)
(a, (b, (c, (d,)))) = (1, (2, (3, (4,))))
print(a, b, c, d)
for i, (ch, n) in enumerate(zip("ab", [10, 20])):
    print(i, ch, n)
matrix = [[1, 2], [3, 4]]
[[m00, m01], [m10, m11]] = matrix
print(m00 * m11 - m01 * m10)
