# Classes can change after definition; existing instances see the change.
class C:
    def f(self):
        return 1
c = C()
print(c.f())
C.f = lambda self: 2
print(c.f())
C.g = lambda self: "new method"
print(c.g())
C.attr = 10
print(c.attr)
del C.attr
print(hasattr(c, "attr"))
def shout(self):
    return type(self).__name__.upper()
C.shout = shout
print(c.shout())
