# Member descriptors used directly: __get__/__set__/__delete__ and type checks.
class C:
    __slots__ = ('v',)
c = C()
C.v.__set__(c, 7)
print(C.v.__get__(c, C), c.v)
print(C.v.__get__(None, C) is C.v)
C.v.__delete__(c)
print(hasattr(c, 'v'))
try:
    C.v.__get__(1, int)
except TypeError as e:
    print("TypeError:", e)
try:
    C.v.__set__("s", 1)
except TypeError as e:
    print("TypeError:", e)
