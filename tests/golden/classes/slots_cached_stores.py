# Stores to __slots__ members are cached per instruction (the member's reserved slot); the cache
# follows everything that can change what `obj.name = v` does.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def move(self, dx):
        self.x = self.x + dx
        return self


def build(n):
    out = []
    for i in range(n):
        p = P(i, -i)
        p.move(10)
        out.append((p.x, p.y))
    return out


print(build(3))


class Q(P):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def store_all(objs, v):
    for o in objs:
        o.x = v
    return [o.x for o in objs]


print(store_all([P(1, 2), Q(3, 4, 5), P(6, 7)], "v"))


class D(P):
    pass  # has a __dict__: x and y stay members


d = D(1, 2)
d.w = 3
print(store_all([d, P(0, 0)], 9), d.w, d.__dict__)

ps = [P(i, i) for i in range(3)]
store_all(ps, 1)
del ps[1].x
try:
    ps[1].x
except AttributeError as e:
    print("AttributeError:", e)
print(store_all(ps, 2))


def logging_setattr(self, name, value):
    print("set", name, value)
    object.__setattr__(self, name, value)


P.__setattr__ = logging_setattr
print(store_all(ps[:1], 3))
del P.__setattr__
print(store_all(ps[:1], 4))

try:
    for o in [P(0, 0), 5]:
        o.x = 1
except AttributeError as e:
    print("AttributeError:", e)


class R:
    __slots__ = ("x",)


class S:
    __slots__ = ("y", "x")


print(store_all([R(), S(), R()], "mixed"))
