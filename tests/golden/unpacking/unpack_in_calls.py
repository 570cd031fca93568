def f(a, b, c=0, *args, d=1, **kw):
    return (a, b, c, args, d, kw)
print(f(*[1, 2]))
print(f(*"xyz", *[4, 5]))
print(f(1, *[2, 3], 4, d=9, **{"e": 5}))
print(f(**{"a": 1, "b": 2, "zz": 3}))
print(f(1, 2, **{"d": 4}, **{"q": 0}))
args = [3, 1]
print(max(*args), min(*args, 2), list(zip(*[[1, 2], [3, 4], [5, 6]])))
print("{} {}".format(*"ab"), "{x}".format(**{"x": "kw"}))
