# dict subclasses: __missing__ for absent keys, overridden __setitem__ only via []=.
class Defaulting(dict):
    def __missing__(self, key):
        return f"<{key}>"
d = Defaulting(a=1)
print(d["a"], d["b"], d.get("b"), "b" in d)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u["x"] = 1
u.update(y=2)
print(sorted(u.items()))
