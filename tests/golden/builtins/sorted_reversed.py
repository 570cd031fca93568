print(sorted([3, 1, 2]), sorted("cba"), sorted((2, 1)), sorted({3: 0, 1: 0}), sorted({5, 4}))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
data = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
r = reversed([1, 2, 3])
print(next(r), list(r))
print(sorted([-3, 2, -1, 0], key=abs), sorted([[3], [1, 2], []], key=len))
original = [5, 2, 8]
s = sorted(original)
print(original, s, s is original)
