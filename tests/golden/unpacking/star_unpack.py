first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
a, *mid, z = [1, 2]
print(a, mid, z)
*everything, = (1, 2, 3)
print(everything)
head, *tail = "x"
print(head, tail)
(a, *b), c = [1, 2, 3], 4
print(a, b, c)
for first, *others in [(1, 2, 3), (4,), (5, 6)]:
    print(first, others)
x, *y = {"k": 1, "j": 2}
print(x, y)
combined = [*"ab", *range(2), *[None]]
print(combined)
t = (*combined[:2], "end")
print(t)
m = {**{"a": 1}, "b": 2, **{"a": 3}}
print(m)
print(*[1, 2], *(3,), sep=",")
