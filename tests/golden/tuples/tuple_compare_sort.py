data = [(2, "b", 1.0), (1, "z", 0.0), (2, "a", 5.0), (1, "z", -1.0), (0, "", 0.0)]
print(sorted(data))
print(sorted(data, reverse=True))
print(max(data), min(data))
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), (2,) > (1, 100), () < (0,))
print((1, "a") == (1, "a"), (1, 2.0) == (1, 2), (0, -0.0) == (0, 0.0))
print(sorted([(3, 1), (1, 3), (2, 2)], key=lambda p: p[1]))
