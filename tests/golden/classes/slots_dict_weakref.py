# '__dict__' and '__weakref__' in __slots__ give those features back.
import weakref
class A:
    __slots__ = ('a',)
class B:
    __slots__ = ('a', '__dict__')
class W:
    __slots__ = ('a', '__weakref__')
b = B(); b.a = 1; b.extra = 2
print(b.a, b.__dict__)
try:
    weakref.ref(A())
except TypeError as e:
    print("TypeError:", e)
w = W()
r = weakref.ref(w)
print(r() is w, w.__weakref__ is r)
print(W.__weakref__)
try:
    A().__weakref__
except AttributeError as e:
    print("AttributeError:", e)
