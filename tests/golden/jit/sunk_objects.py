# Allocation sinking: an instance a loop makes and only writes plain members into is never allocated
# by native code; an exit that hands it to the interpreter makes it then, with the members stored
# before the exit. Everything below must look exactly as if every object had always existed.


class V:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return V(self.x + o.x, self.y + o.y)

    def scale(self, k):
        return V(self.x * k, self.y * k)

    def inv(self):
        return 12 // self.x


# Temporaries that die within an iteration.
def chain(n):
    acc = 0.0
    a = V(1.0, 2.0)
    for i in range(n):
        acc += a.add(a).scale(0.5).add(V(i, 1.0)).y
    return acc


print("chain", chain(200))


# One object in two locals: the exit makes it once, so `is` holds after the exit.
def shared(n):
    hits = 0
    for i in range(n):
        a = V(i, i + 1)
        b = a
        if i % 40 == 39:
            print("shared", i, a is b, a.x, b.y)
        hits += b.x
    return hits


print(shared(120))


# An exit inside a method whose `self` is the unmade object: 12 // 0 raises in the rebuilt frame.
def frames(n):
    out = 0
    for i in range(n):
        v = V(i - 6, 1)
        try:
            out += v.inv()
        except ZeroDivisionError:
            out += 1000
    return out


print("frames", frames(12))


# Stores after the exit are not in the object the exit makes; stores before it are.
def partial(n):
    seen = []
    for i in range(n):
        p = V(i, i)
        p.x = p.x + 1
        if i % 25 == 24:
            seen.append((p.x, p.y))
        p.y = -1
    return seen


print("partial", partial(100))


# A member changes type (float -> int, then None) before an exit.
def flip(n):
    res = []
    for i in range(n):
        p = V(0.5, 1.5)
        p.x = i
        if i % 30 == 29:
            res.append((type(p.x).__name__, p.x, p.y))
            p.y = None
            res.append(p.y)
    return res


print("flip", flip(90))


# The object escapes on some iterations only: stored into a list, it must be a real, distinct object.
def escape(n):
    keep = []
    for i in range(n):
        p = V(i, -i)
        q = p.scale(2)
        if i % 7 == 6:
            keep.append(q)
            keep.append(q)
    return [(a.x, a.y, a is b) for a, b in zip(keep[::2], keep[1::2])]


print("escape", escape(30))


# Passed down into calls: both frames name the same object at the exit.
def same(a, b):
    if a.x == 13:
        return a is b
    return False


def calls(n):
    found = []
    for i in range(n):
        v = V(i, 0)
        if same(v, v):
            found.append(i)
    return found


print("calls", calls(20))


# A class with __del__ is never sunk: its finalizer runs once per object, when it dies.
class D:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def __del__(self):
        print("del", self.v)


def dels(n):
    total = 0
    for i in range(n):
        d = D(i)
        total += d.v
    return total


print("dels", dels(4))


# A finalizer added to a class that loops already made temporaries of.
class W:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


def temps(n):
    total = 0
    for i in range(n):
        total += W(i).v
    return total


print("temps", temps(50))
W.__del__ = lambda self: print("W del", self.v)
print("temps", temps(3))


# The previous iteration's object read in the next one (carried around the loop, never made): an int
# overflow exits with it live, and from then on its members are bigints.
def carried(n):
    p = V(0, 1)
    seen = []
    for i in range(n):
        q = V(p.y, p.x + p.y)
        if i % 20 == 19:
            seen.append((i, p.x, q.x))
        p = q
    return seen, p.x, p.y


print("carried", carried(100))


# A carried object that a later iteration stores into a list (escapes) and compares by identity.
def carried_escape(n):
    p = V(0.0, 0.0)
    keep = []
    for i in range(n):
        prev = p
        p = V(p.x + 1.0, p.y - 0.5)
        if i % 11 == 10:
            keep.append(prev)
            print("prev", prev.x, prev.y, prev is p)
    return [(k.x, k.y) for k in keep]


print("carried_escape", carried_escape(40))
