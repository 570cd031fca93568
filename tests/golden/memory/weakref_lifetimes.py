# Weak references die with their referent; callbacks run when it is freed.
import weakref, gc
class Obj:
    pass
o = Obj()
r = weakref.ref(o, lambda ref: print("callback, dead:", ref() is None))
print(r() is o)
del o
print(r())
class Cyc:
    pass
c = Cyc()
c.self = c
w = weakref.ref(c)
del c
print(w() is not None)
gc.collect()
print(w())
cache = weakref.WeakValueDictionary()
k = Obj()
cache["k"] = k
print(len(cache))
del k
print(len(cache))
