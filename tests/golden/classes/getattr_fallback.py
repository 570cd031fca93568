# __getattr__ runs only for missing attributes; __getattribute__ runs for all.
class Lazy:
    real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name * 2
        raise AttributeError(f"no {name}")
l = Lazy()
print(l.real, l.xy, getattr(l, "nope", "default"), hasattr(l, "zz"))
class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        print("get", name)
        return super().__getattribute__(name)
g = Logged()
print(g.a)
