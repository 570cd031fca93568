# weakref.ref: what can be referenced, calling a ref, callbacks, equality and hashing, reuse.
import re
import sys
import weakref


class C:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"C({self.name})"


def f():
    pass


def gen():
    yield 1


class MyList(list):
    pass


class MyInt(int):
    pass


class MyError(Exception):
    pass


# What can be weakly referenced (CPython: the type has a weak reference slot).
for obj in [C("a"), f, len, C, set(), frozenset(), gen(), sys, MyList(), MyError(), C("b").__repr__]:
    weakref.ref(obj)
    print("ok:", type(obj).__name__)
for obj in [1, 2.5, "s", b"b", (), [], {}, None, True, object(), MyInt(3), Exception(), range(2)]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print("TypeError:", e)

# Calling a ref gives the object while it lives, then None.
c = C("x")
r = weakref.ref(c)
print(r() is c, r(), type(r).__name__, type(r) is weakref.ReferenceType)
del c
print(r())

# Callbacks get the (now dead) ref, once; refs with callbacks run newest first.
log = []
c = C("y")
r1 = weakref.ref(c, lambda ref: log.append(("r1", ref() is None)))
r2 = weakref.ref(c, lambda ref: log.append(("r2", ref is r2)))
basic = weakref.ref(c)
print(weakref.getweakrefcount(c), weakref.getweakrefs(c) == [basic, r2, r1])
print(basic.__callback__ is None, r1.__callback__ is not None)
print(weakref.ref(c) is basic, weakref.ref(c, None) is basic, weakref.ref(c, print) is basic)
del c
print(log)
print(r1.__callback__, weakref.getweakrefcount(1), weakref.getweakrefs(1))

# A ref that dies first never calls its callback.
c = C("z")
r3 = weakref.ref(c, lambda ref: print("never printed"))
del r3
del c
print("no callback")

# Equality: two live refs compare their referents; a dead ref equals only itself.
a1, a2 = C("same"), C("same")
ra1, ra2 = weakref.ref(a1), weakref.ref(a2)
print(ra1 == ra2, ra1 == weakref.ref(a1), ra1 != ra2, ra1 == a1)


class Eq:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


e1, e2 = Eq(), Eq()
re1, re2 = weakref.ref(e1), weakref.ref(e2)
print(re1 == re2)
del e1
print(re1 == re2, re1 == re1)

# Hashing: hash(referent), remembered after death; unhashable once dead if never hashed.
k = C("k")
rk = weakref.ref(k)
h = hash(rk)
print(h == hash(k))
del k
print(hash(rk) == h)
d = {rk: "value"}
print(d[rk])
k2 = C("k2")
rk2 = weakref.ref(k2)
del k2
try:
    hash(rk2)
except TypeError as e:
    print("TypeError:", e)

# repr (addresses elided).
c = C("r")
rr = weakref.ref(c)
print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(rr)))
print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(weakref.ref(f))))
del c
print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(rr)))

# Errors of the constructor.
for args in [(), (C("a"), None, 3)]:
    try:
        weakref.ref(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    weakref.ref(f, callback=None)
except TypeError as e:
    print("TypeError:", e)
