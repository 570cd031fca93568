a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, a != b, list(a) == list(b))
print(a.keys() == {"x", "y"}, a.keys() & {"x", "z"}, sorted(a.keys() | {"q"}), a.keys() - {"x"})
print(list(a.items())[0], ("x", 1) in a.items(), ("x", 2) in a.items())
print({} == {}, {1: [1]} == {1: [1]}, {1: 1} == {1: 1.0})
v = a.values()
a["z"] = 3
print(list(v), 3 in v)
print(len(a.items()), list(reversed(a)), list(reversed(a.values())))
