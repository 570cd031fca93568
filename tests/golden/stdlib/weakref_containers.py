# WeakValueDictionary, WeakKeyDictionary and WeakSet forget entries whose object died.
import gc
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Obj({self.n})"


# Values held weakly.
cache = weakref.WeakValueDictionary()
objs = [Obj(i) for i in range(5)]
for o in objs:
    cache[o.n] = o
del o
print(len(cache), sorted(cache.keys()), cache[3], 3 in cache)
del objs[1:3]
print(len(cache), sorted(cache), cache.get(1), cache.get(1, "gone"), 1 in cache)
try:
    cache[1]
except KeyError as e:
    print("KeyError:", e)
print(sorted(cache.items(), key=lambda kv: kv[0]), sorted(v.n for v in cache.values()))
print(cache.setdefault(0, "unused"), cache.pop(4), sorted(cache))
objs.clear()
print(len(cache), list(cache.items()))
copy = weakref.WeakValueDictionary({"a": Obj("a")})
print(len(copy))

# Entries that die while the dict is being iterated are removed afterwards.
keep = [Obj(i) for i in range(4)]
wd = weakref.WeakValueDictionary((o.n, o) for o in keep)
seen = []
for k in wd.keys():
    seen.append(k)
    if k == 0:
        keep[3] = None
print(sorted(seen)[:3], len(wd), sorted(wd))

# Keys held weakly.
meta = weakref.WeakKeyDictionary()
a, b, c = Obj("a"), Obj("b"), Obj("c")
meta[a] = 1
meta[b] = 2
meta[c] = 3
print(len(meta), meta[a], b in meta, Obj("x") in meta, meta.get(c), meta.get(Obj("y"), "none"))
del b
print(len(meta), sorted(v for v in meta.values()), sorted(k.n for k in meta.keys()))
meta[a] += 10
print(sorted((k.n, v) for k, v in meta.items()))
del meta[c]
print(len(meta), [k.n for k in meta])
del a
print(len(meta), list(meta.items()))

# A set of weak references.
s = weakref.WeakSet()
x, y, z = Obj("x"), Obj("y"), Obj("z")
s.add(x)
s.add(y)
s.add(x)
s.update([z])
print(len(s), x in s, Obj("x") in s, 3 in s)
del y
print(len(s), sorted(o.n for o in s))
s.discard(z)
print(len(s), [o.n for o in s])
t = weakref.WeakSet([x, z])
print(s <= t, t >= s, s == weakref.WeakSet([x]), len(s | t), len(t - s), len(s & t))
del x, z
print(len(s), len(t), list(t))

# Cycles among the values are collected, and the entries go too.
class Node:
    pass


nodes = weakref.WeakValueDictionary()
for i in range(3):
    n = Node()
    n.me = n
    nodes[i] = n
del n
print(len(nodes) == 3)
gc.collect()
print(len(nodes), list(nodes.keys()))
