# A caching non-data descriptor stores its result in the instance dict, replacing itself.
class cached:
    def __init__(self, f):
        self.f = f
        self.name = f.__name__
    def __get__(self, obj, typ=None):
        if obj is None:
            return self
        value = self.f(obj)
        obj.__dict__[self.name] = value
        return value
class Data:
    calls = 0
    @cached
    def expensive(self):
        Data.calls += 1
        return 42
d = Data()
print(d.expensive, d.expensive, Data.calls)
import functools
class F:
    @functools.cached_property
    def val(self):
        print("computing")
        return [1, 2]
f = F()
print(f.val, f.val is f.val)
