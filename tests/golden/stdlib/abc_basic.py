# abc: ABC/ABCMeta, abstractmethod, instantiation errors, register, __subclasshook__, update_abstractmethods.
from abc import ABC, ABCMeta, abstractmethod, get_cache_token, update_abstractmethods
import abc
class A(ABC):
    @abstractmethod
    def f(self): ...
    @abstractmethod
    def g(self): ...
class B(A):
    def f(self): return "B.f"
class C(B):
    def g(self): return "C.g"
for K in (A, B, C):
    try:
        print(K.__name__, K().f(), K().g())
    except TypeError as e:
        print(e)
print(A.__abstractmethods__, B.__abstractmethods__, C.__abstractmethods__)
print(isinstance(C(), A), issubclass(C, A), issubclass(int, A), isinstance(3, A))
class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if any("__len__" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented
class HasLen:
    def __len__(self):
        return 0
class NoLen:
    pass
print(isinstance(HasLen(), Sized), isinstance(NoLen(), Sized), issubclass(HasLen, Sized))
class Number(ABC): pass
class Integral(Number): pass
Integral.register(int)
print(isinstance(3, Number), issubclass(int, Number), issubclass(float, Number))
t0 = get_cache_token()
Number.register(float)
print(get_cache_token() - t0, isinstance(2.5, Number), Number.register(complex if False else float))
try:
    Number.register(3)
except TypeError as e:
    print(e)
try:
    issubclass(3, Number)
except TypeError as e:
    print(e)
try:
    class X(Number): pass
    Integral.register(X)
    Number.register(Number)
    print("ok")
    X.register(Number)
except RuntimeError as e:
    print(e)
class D(A):
    f = g = None
print(D.__abstractmethods__)
D.f = abstractmethod(lambda self: 1)
update_abstractmethods(D)
print(D.__abstractmethods__)
print(type(A).__name__, ABC.__module__, repr(ABC))
class Point(ABC):
    def __init__(self, x):
        self.x = x
print(Point(3).x)
