a = [1, "two", 3.0, None, [5]]
print(a, len(a), a[0], a[-1], a[-1][0])
a[1] = 2
print(a)
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"k": 1}))
print([1, 2] + [3], [0] * 5, [[]] * 2)
print(3 in [1, 2, 3], 4 not in [1, 2, 3])
b = [5, 3, 8]
print(min(b), max(b), sum(b), sorted(b), b)
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], len(nested), len(nested[1]))
x = [1, 2, 3]
y = x
y += [4]
print(x, y)
y = y + [5]
print(x, y)
print(x == [1, 2, 3, 4], x != y, [1, 2] < [1, 3])
lst = []
for i in range(5):
    lst.append(i * i)
print(lst)
print(repr([]), str([1, [2, [3, []]]]), ["a", 'b"c', "d'e"])
