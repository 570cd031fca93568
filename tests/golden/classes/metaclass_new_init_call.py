# A metaclass customises class creation (__new__/__init__), instance creation (__call__),
# and gives classes methods and properties of their own; type(name, bases, ns) builds classes too.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.registry = []
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kw):
        print("Meta.__call__", cls.__name__, args)
        inst = super().__call__(*args, **kw)
        cls.registry.append(inst)
        return inst
    def describe(cls):
        return "class " + cls.__name__
    @property
    def count(cls):
        return len(cls.registry)

class Base(metaclass=Meta, flag=1):
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"Base({self.x})"

class Child(Base):
    pass

print(type(Base) is Meta, type(Child) is Meta, isinstance(Base, type), isinstance(Base, Meta))
b = Base(1); c = Child(2); c2 = Child(3)
print(b, c, Base.registry, Child.registry, Child.count)
print(Base.describe(), Child.describe())
print(Meta.mro(Meta))
X = type("X", (Base,), {"y": 5})
print(type(X).__name__, X.y, X.__mro__)
Y = type("Y", (), {"z": 1, "f": lambda self: self.z + 1})
print(Y().f(), Y.__name__, type(Y))

