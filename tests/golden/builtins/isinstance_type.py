vals = [1, 1.5, "s", True, None, [1], (1,), {1: 1}, {1}, frozenset(), range(1), 2 ** 100, len, slice(1)]
for v in vals:
    print(type(v).__name__, type(v), isinstance(v, int), isinstance(v, (list, tuple)))
print(type(1) is int, type(True) is int, type(True) is bool, isinstance(True, int))
print(isinstance("x", str), isinstance(3, (str, float)), isinstance(3.0, (str, float)))
print(type(type(1)), type(int), type(None).__name__)
print(int, float, str, list, dict, tuple, set, bool, type)
print(type(5) == type(6), type(5) == type(5.0))
print(issubclass(bool, int), issubclass(int, bool))
