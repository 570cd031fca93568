# type(name, bases, ns) builds classes like a class statement.
Base = type("Base", (), {"greet": lambda self: "hi from " + type(self).__name__})
Derived = type("Derived", (Base,), {"x": 5, "__repr__": lambda self: "<Derived>"})
d = Derived()
print(d.greet(), d.x, d, Derived.__bases__[0].__name__)
print(type(d) is Derived, isinstance(d, Base), type(Derived) is type)
print(type(3), type("s").__name__)
