vals = [0, -5, 2.0, 1e100, "a", "it's", 'say "x"', "\t\n\\", None, True, [1, "a"], (1,), (), {"k": "v"}, [[], {}], range(3), slice(1, 2)]
for v in vals:
    print(repr(v), "|", str(v))
print(repr(repr("x")), str(str(5)), repr(str(5)))
print([repr(x) for x in [1, "1"]], ["1", 1])
print(("a", ["b", ("c",)]), {1: ["x"], "y": (2,)})
print(repr(1.0 / 3), repr(-0.0), repr(float("inf")), repr(2 ** 64))
