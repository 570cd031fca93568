# weakref.finalize, weakref.WeakMethod and weakref.proxy.
import weakref


class Resource:
    def __init__(self, name):
        self.name = name

    def method(self):
        return f"method of {self.name}"

    def __repr__(self):
        return f"Resource({self.name})"


def cleanup(name, *, how="closed"):
    print("cleanup:", name, how)
    return f"{name} cleaned"


# A finalizer runs once: when the object dies or when called, whichever comes first.
r = Resource("file")
fin = weakref.finalize(r, cleanup, "file", how="deleted")
print(fin.alive, fin.peek()[1:] == (cleanup, ("file",), {"how": "deleted"}))
del r
print(fin.alive, fin(), fin.peek())

r2 = Resource("socket")
fin2 = weakref.finalize(r2, cleanup, "socket")
print(fin2(), fin2.alive)
print(fin2())
del r2
print("nothing more")

r3 = Resource("lock")
fin3 = weakref.finalize(r3, cleanup, "lock")
obj, func, args, kwargs = fin3.detach()
print(obj is r3, func is cleanup, args, kwargs, fin3.alive, fin3.detach())
del r3, obj
print("detached: no cleanup")

# WeakMethod: a weak reference to a bound method (a plain ref to r.method dies at once).
res = Resource("m")
wm = weakref.WeakMethod(res.method)
print(wm()(), weakref.ref(res.method)())
print(wm == weakref.WeakMethod(res.method))
del res
print(wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)

# proxy: use the object through the proxy while it lives.
target = Resource("p")
p = weakref.proxy(target)
print(p.name, p.method(), str(p), type(p).__name__)
p.name = "renamed"
print(target.name, weakref.getweakrefcount(target))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
fp = weakref.proxy(cleanup)
print(type(fp).__name__, fp("via proxy"))
del target
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)


class Box:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __contains__(self, x):
        return x in self.items

    def __add__(self, other):
        return Box(self.items + other.items)


b = Box([1, 2, 3])
pb = weakref.proxy(b)
print(len(pb), pb[0], 2 in pb, list(pb), (pb + Box([4])).items, bool(pb))
