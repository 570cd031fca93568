# Weak references and the cycle collector: objects in unreachable cycles die at gc.collect(), their
# weak references are cleared and the callbacks of live weak references run; a weak reference that is
# part of the garbage itself does not call back.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def report(ref):
    print("callback, referent gone:", ref() is None)


a, b = Node("a"), Node("b")
a.other, b.other = b, a
ra = weakref.ref(a, report)
rb = weakref.ref(b)
del a, b
print("cycle dropped, still alive:", ra() is not None, rb().name)
print("collected:", gc.collect())
print("after collect:", ra(), rb())

# The weak reference lives inside the cycle: no callback.
n = Node("self")
n.other = n
n.ref = weakref.ref(n, lambda r: print("not called"))
del n
print("collected something:", gc.collect() > 0)

# Callbacks run after the referent is gone and may use the rest of the program's state.
registry = {}


class Holder:
    def __init__(self, key):
        self.key = key
        self.me = self  # a cycle: only the collector frees it


def make(key):
    h = Holder(key)

    def forget(ref):
        del registry[key]
        print("forgot", key, "left:", sorted(registry))

    registry[key] = weakref.ref(h, forget)
    return h


keep = [make(k) for k in "abc"]
print(sorted(registry))
keep.pop(1)
print("collected something:", gc.collect() > 0)
keep.clear()
print("collected something:", gc.collect() > 0)
print(registry)

# Callbacks also run when the last reference goes away without any collection.
log = []
x = Holder("x")
x.me = None
wx = weakref.ref(x, lambda r: log.append("x died"))
x = None
print(log)
