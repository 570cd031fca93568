sq = lambda x: x * x
print(sq(7), (lambda: "noargs")(), (lambda a, b=2: a + b)(1), (lambda *a: a)(1, 2))
print((lambda **k: sorted(k))(z=1, a=2))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "pow": lambda a, b: a ** b}
for name in ops:
    print(name, ops[name](3, 4))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(4))
print(list(map(lambda x: x % 3, range(7))), sorted(range(6), key=lambda x: -x))
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
print((lambda x: (lambda y: x + y))(10)(5))
print(sq.__name__)
