# Calling a plain class runs `__init__` as a frame of the caller's dispatch loop (vm/construct.rs):
# the instance waits in the call's result slot. Each case below must behave as the full protocol.
import sys


class Vec:
    def __init__(self, x, y=0, *rest):
        self.x = x
        self.y = y
        self.rest = rest


v = Vec(1)
print(v.x, v.y, v.rest, Vec(1, 2, 3, 4).rest)


# `__init__` returning something other than None: TypeError at the call, nothing bound.
class Returns:
    def __init__(self, r):
        return r


print(type(Returns(None)).__name__)
for r in (5, "s", [1]):
    try:
        obj = Returns(r)
    except TypeError as e:
        print("TypeError:", e)


# `__init__` raising: the error goes through the call site's handler.
class Raises:
    def __init__(self, a):
        if a:
            raise ValueError(a)
        self.a = a


def make(a):
    try:
        return Raises(a)
    except ValueError as e:
        return "caught " + str(e)


print(make(0).a, make(7))


# `__new__` overridden: the generic protocol (`__new__` then `__init__`).
class WithNew:
    def __new__(cls, *args):
        print("new", args)
        return super().__new__(cls)

    def __init__(self, a):
        print("init", a)


WithNew(4)


# `__new__` returning another class's instance: `__init__` is not run.
class Other:
    def __new__(cls, a):
        return 42

    def __init__(self, a):
        print("never")


print(Other(1))


# Recursion through `__init__` hits the recursion limit like any call.
class Chain:
    def __init__(self, n):
        self.next = Chain(n - 1) if n else None


sys.setrecursionlimit(200)
try:
    Chain(1000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
c = Chain(50)
depth = 0
while c is not None:
    depth += 1
    c = c.next
print("depth", depth)


# A generator `__init__` returns a generator: TypeError.
class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print("TypeError:", e)


# Keyword-only parameters and keyword calls take the generic path and agree.
class Kw:
    def __init__(self, a, *, k=1):
        self.a, self.k = a, k


print(Kw(1).k, Kw(1, k=2).k, Kw(a=3).a)


# Inherited `__init__`, `super().__init__`, a class stored as a class attribute (`self.Node(...)`).
class Base:
    def __init__(self, a):
        self.a = a


class Derived(Base):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b


class Holder:
    Node = Derived

    def make(self):
        return self.Node(1, 2)


d = Holder().make()
print(type(d).__name__, d.a, d.b, Derived.__mro__[1].__name__)


# `__init__` replaced after instances were made: the new one runs.
class Swap:
    def __init__(self):
        self.v = "old"


print(Swap().v)
Swap.__init__ = lambda self: setattr(self, "v", "new")
print(Swap().v)


# `__slots__`, and a class whose `__init__` is looked up on a metaclass-free base.
class Slotted:
    __slots__ = ("p", "q")

    def __init__(self, p):
        self.p = p


s = Slotted(9)
print(s.p, hasattr(s, "q"))


# Many constructions in a loop (the JIT records these; the interpreter pushes frames in place).
def build(n):
    total = 0
    for i in range(n):
        total += Vec(i, 1).x + Derived(i, 2).b
    return total


print(build(300))
# An exception inside `__init__` shows both frames in the traceback.
class Bad:
    def __init__(self):
        self.x = 1 // 0


Bad()
