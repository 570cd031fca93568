# Operators on instances inside hot loops: the trace inlines the dunder the interpreter calls
# (`__add__`, reflected `__rmul__`, `__lt__`, `__neg__`, `__getitem__`). An exit inside a binary
# operator's or comparison's dunder redoes the whole operation in the interpreter (which then also
# handles NotImplemented and the reflected operand), so those dunders may only change objects they
# allocate; `__neg__`/`__getitem__` return into the operation's slot like an ordinary call.


class V:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return V(-self.x, -self.y)

    def __lt__(self, o):
        return self.x < o.x

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def __getitem__(self, i):
        return self.x if i == 0 else self.y

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)


def walk(n):
    p = V(0.0, 0.0)
    d = V(1.0, 0.5)
    c = 0
    for i in range(n):
        p = p + d * 0.5 - V(0.25, 0.0)
        q = -p
        if 2.0 * q < p:
            c += 1
        c += int(p[1])
    return p, c


print(walk(3000))


# The left operand's type flips mid-loop: A, a subclass B with its own __add__, then an int and a
# float (whose __add__ does not know A: A.__radd__ runs).
class A:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return A(self.v + o.v)

    def __radd__(self, o):
        return A(o + self.v)


class B(A):
    def __add__(self, o):
        return A(self.v * 2 + o.v)


def total(items):
    acc = A(0)
    for it in items:
        acc = it + acc
    return acc.v


print(total([A(i) for i in range(50)] + [B(3)] + [A(1)] * 20 + [7, 8.5] + [A(1)] * 20))


# NotImplemented: the left operand's dunder declines for some values, so the reflected one runs.
class Money:
    def __init__(self, c):
        self.c = c

    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.c + o.c)
        return NotImplemented

    def __radd__(self, o):
        return Money(self.c + o * 100)

    def __repr__(self):
        return "Money(%d)" % self.c


def pay(vals):
    m = Money(0)
    for v in vals:
        m = v + m if not isinstance(v, Money) else m + v
    return m


print(pay([Money(5)] * 40 + [3] + [Money(1)] * 40))


class Left:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        if o.v > 100:
            return NotImplemented
        return Left(self.v + o.v)


class Right:
    def __init__(self, v):
        self.v = v

    def __radd__(self, o):
        return Left(o.v - self.v)


def mix(n):
    a = Left(0)
    for i in range(n):
        a = a + (Right(i) if i < n - 5 else Right(1000))
    return a.v


print(mix(200))


# The dunder is replaced mid-loop (a class attribute changes: the type epoch guard exits).
def sums(n):
    a = V(1, 1)
    out = []
    for i in range(n):
        a = a + V(1, 0)
        if i == n // 2:
            V.__add__ = lambda self, o: V(self.x + 10 * o.x, self.y)
        out.append(a.x)
    return out[-3:]


print(sums(100))
V.__add__ = lambda self, o: V(self.x + o.x, self.y + o.y)


# An exception inside the dunder: raised by the interpreter after the exit, at the operation.
class Frac:
    def __init__(self, n, d):
        self.n = n
        self.d = d

    def __truediv__(self, o):
        return Frac(self.n * o.d, self.d * o.n) if o.n else Frac(1 // o.n, 1)


def divide(vals):
    out = []
    for v in vals:
        try:
            f = Frac(1, 2) / Frac(v, 3)
            out.append(f.n)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out


print(divide([1, 2, 3, 4, 5, 6, 0, 7, 8, 0, 9]))


# A dunder with a side effect: the recording aborts, the interpreter stays exact.
log = []


class Noisy:
    def __init__(self, v):
        self.v = v

    def __mul__(self, k):
        log.append(k)
        return Noisy(self.v * k)


def noisy(n):
    x = Noisy(1)
    for i in range(n):
        x = x * 1
    return x.v, len(log)


print(noisy(500))


# Comparisons in conditions (CompareJumpIfFalse), results that are not bools, __getitem__ that raises.
class Key:
    def __init__(self, k):
        self.k = k

    def __lt__(self, o):
        return self.k - o.k if self.k > 5 else self.k < o.k

    def __getitem__(self, i):
        return [self.k, self.k * 2][i]


def scan(n):
    lo = Key(3)
    hits = 0
    got = []
    for i in range(n):
        k = Key(i % 9)
        if k < lo:
            hits += 1
        try:
            got.append(k[i % 3])
        except IndexError:
            got.append(-1)
    return hits, got[-6:]


print(scan(300))
print(V(1, 2) == V(1, 2), V(1, 2) == V(2, 1), [V(i, i) == V(1, 1) for i in range(3)])
