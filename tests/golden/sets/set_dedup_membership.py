data = [5, 3, 5, 1, 3, 9, 1, 1, 7]
seen = set()
unique = []
for x in data:
    if x not in seen:
        seen.add(x)
        unique.append(x)
print(unique, len(seen), sorted(seen))
words = "a rose is a rose is a rose".split()
print(sorted(set(words)), len(set(words)))
print(sorted(set("mississippi")), "".join(sorted(set("mississippi"))))
big = set(range(0, 10000, 7))
print(len(big), 693 in big, 694 in big, sum([1 for i in range(10000) if i in big]))
print({n * n for n in range(-3, 4)} == {0, 1, 4, 9})
print(sorted({-5, 3, -1, 8, 0}))
print({1, 2, 3}, {3}, set([0]))
