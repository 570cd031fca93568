# Subclasses of dict: __missing__-style defaults, overriding __setitem__ with super(), dict(sub).
class DefaultDict(dict):
    def __init__(self, factory, *a, **kw):
        super().__init__(*a, **kw)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
    def __getitem__(self, key):
        if key in self:
            return dict.__getitem__(self, key)
        return self.__missing__(key)

d = DefaultDict(list, a=[1])
d["b"].append(2); d["a"].append(3)
print(d, len(d), sorted(d.keys()), d.get("zz"), "a" in d, dict(d), isinstance(d, dict))
for k, v in d.items(): print(k, v)

class Counter(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
c = Counter(); c["x"] = 1; c.update({"y": 2}); print(c)


class Attr(dict):
    __getattr__ = dict.__getitem__
a = Attr(x=1)
print(a.x, a, len(a), {**a, "y": 2})
try:
    hash(a)
except TypeError as e:
    print(e)
