for i, c in enumerate("xyz"):
    print(i, c)
print(list(enumerate([])), list(enumerate("ab", start=-1)), list(enumerate(range(3), 10)))
print(list(zip()), list(zip([1])), list(zip([1, 2, 3], "ab", (True, False, None))))
names = ["a", "b", "c"]
vals = [1, 2, 3]
print(dict(zip(names, vals)))
pairs = list(zip(names, vals))
print(pairs, list(zip(*pairs)))
e = enumerate("pq")
print(next(e), next(e), next(e, "done"))
z = zip([1, 2], [3, 4])
print(next(z), list(z), list(z))
print(type(enumerate([])).__name__, type(zip()).__name__)
