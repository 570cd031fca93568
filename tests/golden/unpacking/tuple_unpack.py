a, b, c = 1, 2, 3
print(a, b, c)
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
[p, q] = "pq"
print(p, q)
i, j = range(2)
print(i, j)
k1, k2 = {"first": 1, "second": 2}
print(k1, k2)
a = b = c = 0
print(a, b, c)
lst = [0, 0]
lst[0], lst[1] = "L", "R"
print(lst)
d = {}
d["a"], d["b"] = 1, 2
print(d)
x, y, z = y, z, x
print(x, y, z)
t = 1,
(single,) = t
print(single)
a, b, c = b, c, a
print(a, b, c)
