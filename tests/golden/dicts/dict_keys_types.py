d = {1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?", -0.0: "negzero", 2 ** 70: "big"}
print(d)
print(d[1], d[True], d[1.0], d[0], d[0.0], d[None], d[(1, 2)], d[2 ** 70])
print(len(d))
e = {}
e[1] = "a"
e[1.0] = "b"
e[True] = "c"
print(e)
f = {"": 0, " ": 1, "a": 2}
print(f[""], f[" "])
print({(): "empty tuple", (0,): "one"})
print({frozenset([1, 2]): "fs"}[frozenset([2, 1])])
