# The most derived metaclass of the bases wins; unrelated metaclasses conflict; object.__new__.
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    class C12(A1, A2): pass
except TypeError as e:
    print(e)
class M3(M1): pass
class A3(A1, metaclass=M3): pass
print(type(A3).__name__)
class A4(A3, A1): pass
print(type(A4).__name__)
T = type("T", (A1,), {})
print(type(T).__name__)
print(type.__name__, type(type), type(object), isinstance(type, type), isinstance(object, type))
print(type("Z", (), {}).__mro__)
class WithNew:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        inst = super().__new__(cls)
        inst.made = True
        return inst
    def __init__(self, v):
        self.v = v
w = WithNew(5)
print(w.made, w.v)
print(object.__new__(WithNew).__class__.__name__)
