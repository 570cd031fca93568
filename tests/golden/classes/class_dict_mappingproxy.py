# C.__dict__ is a read-only mappingproxy.
class C:
    x = 1
    def m(self):
        pass
d = C.__dict__
print(type(d).__name__, d['x'], 'm' in d, d.get('nope', 'default'))
try:
    d['x'] = 2
except TypeError as e:
    print("TypeError:", e)
print(sorted(k for k in d if not k.startswith('__')))
print(list(C.__dict__)[:1])
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__)
print(repr(Outer.Inner).split('.')[-1])
