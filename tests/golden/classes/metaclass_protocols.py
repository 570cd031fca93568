# Dunders defined on a metaclass apply to its classes: iteration, len, indexing, in, repr, call.
class Registry(type):
    classes = {}
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes[name] = cls
        return cls
    def __iter__(cls):
        return iter(sorted(cls._members))
    def __len__(cls):
        return len(cls._members)
    def __getitem__(cls, k):
        return cls._members[k]
    def __contains__(cls, k):
        return k in cls._members
    def __repr__(cls):
        return f"<Registry {cls.__name__}>"

class Colors(metaclass=Registry):
    _members = {"red": 1, "green": 2}

print(list(Colors), len(Colors), Colors["red"], "red" in Colors, "blue" in Colors, Colors, repr(Colors))
print(sorted(Registry.classes))
print(Colors.__class__.__name__, type(Colors).__name__, type(type(Colors)).__name__)

class Sing(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]

class Config(metaclass=Sing):
    def __init__(self):
        print("init once")
a = Config(); b = Config()
print(a is b)

class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 7}
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)

class P(metaclass=Ordered, opt=True):
    x = 1
print(P.injected, P.x)

