t = (1, "two", 3.0)
print(t, len(t), t[0], t[-1], t[1:], t[::-1])
print((), (1,), (1, 2), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
e = 1, 2, 3
print(e, type(e))
single = 5,
print(single, len(single))
print((1, 2) + (3,), (0,) * 3, (1, 2) * 0)
print(t.count(1), t.index("two"), (1, 2, 1, 1).count(1), (5, 6, 7).index(7))
print(2 in (1, 2), 9 in (1, 2), (1, 2) == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][1], len(nested))
print(min((3, 1, 2)), max((3, 1, 2)), sum((1, 2, 3)), sorted((3, 1, 2)))
print(repr((1,)), str(("a", "b")), (None,), ((),))
