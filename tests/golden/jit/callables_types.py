# Calls of callables other than plain functions, and type tests, inside hot loops: an instance with
# `__call__`, a bound-method object kept in a local, `enumerate` over a list, `isinstance` with a
# class and `type(x)`. The deopt cases: the callable's class changes, the bound method is rebound to
# another object's method, the list is mutated during enumerate, the object's type flips.


class Scale:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x * self.k


class Shift:
    def __init__(self, d):
        self.d = d

    def __call__(self, x, extra=0):
        return x + self.d + extra


def apply_all(fs, n):
    acc = 1
    out = []
    for i in range(n):
        f = fs[i % len(fs)]
        acc = f(acc) % 1000003
        out.append(acc)
    return acc, out[-4:]


print(apply_all([Scale(3)], 500))
print(apply_all([Scale(3), Shift(7)], 500))  # the callable's class alternates


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n

    def twice(self, k):
        self.n += 2 * k
        return self.n


def bound_calls(n):
    a, b = Counter(), Counter()
    f = a.bump
    for i in range(n):
        f(i)
        if i == n // 2:
            f = b.twice  # another function and another receiver
    return a.n, b.n


print(bound_calls(400))


def weighted(ws, u):
    for i, w in enumerate(ws):
        if u < w:
            return i
    return -1


def pick_many(n):
    cum = [0.1, 0.35, 0.8, 1.0]
    hist = [0, 0, 0, 0, 0]
    x = 0.0
    for k in range(n):
        x = (x * 7.31 + 0.137) % 1.0
        hist[weighted(cum, x)] += 1
    return hist


print(pick_many(3000))


def enum_sum(items):
    total = 0
    for i, v in enumerate(items):
        total += i * v
        if i == 50:
            items.append(1000)  # the list grows under the loop
        if i > 80:
            break
    return total


print(enum_sum(list(range(60))))
print(enum_sum([1.5] * 30 + [2] * 30))  # the element type flips


class Shape:
    pass


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r * self.r


def classify(items):
    squares = circles = other = 0
    area = 0
    for it in items:
        if isinstance(it, Square):
            squares += 1
        elif isinstance(it, Shape):
            circles += 1
        else:
            other += 1
        if type(it) is Circle or type(it) == Square:
            area += it.area()
    return squares, circles, other, area


print(classify([Square(i) for i in range(100)]))
print(classify([Square(2), Circle(1), 3, 2.5, None, [1], Square(1)] * 40))
print([type(x).__name__ for x in [1, 2.0, True, None, (1,), [2], Square(1)]])
