s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step)
data = list(range(10))
print(data[s], "abcdefghij"[s], tuple(data)[s])
print(slice(3), slice(None, None, -1), slice(None))
print(data[slice(None, None, -1)], data[slice(-3, None)])
print(s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
idx = slice(2, 5)
data[idx] = ["a", "b"]
print(data)
del data[slice(0, 2)]
print(data)
