# An unset slot raises AttributeError on read and on del.
class C:
    __slots__ = ('a', 'b')
c = C()
c.a = 1
for name in ('a', 'b'):
    try:
        print(name, getattr(c, name))
    except AttributeError as e:
        print("AttributeError:", e)
del c.a
try:
    del c.a
except AttributeError as e:
    print("del again -> AttributeError:", e)
print(hasattr(c, 'a'))
c.a = 5
print(c.a)
