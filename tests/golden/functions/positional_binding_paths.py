# Positional calls bind arguments where the caller pushed them: defaults, *args, captured
# parameters (cells), free variables, generator functions and bound methods all take that path.

def defaults(a, b=2, c=3):
    return (a, b, c)


print(defaults(1), defaults(1, 5), defaults(1, 5, 6))


def star(a, *rest):
    return (a, rest)


print(star(1), star(1, 2), star(1, 2, 3, 4))


def star_default(a, b=10, *rest):
    return (a, b, rest)


print(star_default(1), star_default(1, 2), star_default(1, 2, 3))


def captured(x, y=4):
    def inner():
        return x * y
    x += 1
    return inner


print(captured(3)(), captured(3, 5)())


def counter(start):
    n = start

    def tick(step=1):
        nonlocal n
        n += step
        return n
    return tick


t = counter(10)
print(t(), t(5), t())


def gen(a, b=2, *more):
    yield a
    yield b
    yield from more


print(list(gen(1)), list(gen(1, 3, 5, 7)))


def gen_closure(k):
    def g(n):
        for i in range(n):
            yield i * k
    return g


print(list(gen_closure(3)(4)))


class C:
    def __init__(self, v):
        self.v = v

    def m(self, x, y=1, *z):
        return (self.v, x, y, z)


bm = C(7).m
print(bm(1), bm(1, 2), bm(1, 2, 3))
f = C.m
print(f(C(8), 0))

for bad in [lambda: defaults(), lambda: star(), lambda: bm(), lambda: captured()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def deep(n):
    def inner(m=n):
        return deep(m - 1) if m else 0
    return inner()


try:
    deep(10 ** 5)
except RecursionError as e:
    print("RecursionError:", e)
print(deep(50))
