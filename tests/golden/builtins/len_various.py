print(len(""), len("abc"), len("é😀"), len([]), len([1, [2, 3]]), len(()), len((1,)))
print(len({}), len({1: 2, 3: 4}), len(set()), len({1, 1, 2}), len(frozenset("aab")))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0, -1)), len(range(5, 5)))
print(len(" " * 1000), len([0] * 500), len(str(2 ** 1000)), len(list(range(7))))
d = {}
for i in range(100):
    d[i] = i
print(len(d), len(d.keys()), len(d.values()), len(d.items()))
