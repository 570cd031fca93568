# Attribute accesses are cached per (class, shape); every change that could alter what a cached access
# means must be seen: class attributes and methods replaced, descriptors and __getattribute__/__setattr__
# added later, instance attributes shadowing methods, more classes at one site than the cache holds.

class A:
    k = 1
    def m(self):
        return "A.m"

def read(o):
    return (o.k, o.m())

a = A()
out = []
for i in range(6):
    if i == 2:
        A.k = 2                       # class value replaced
    if i == 3:
        A.m = lambda self: "new m"    # method replaced on the class
    if i == 4:
        a.m = lambda: "instance m"    # an instance attribute shadows the method
    if i == 5:
        del a.m
    out.append(read(a))
print(out)

# A data descriptor added to the class after the site cached the instance attribute
class B:
    def __init__(self):
        self.v = "instance"

def get_v(o):
    return o.v

b = B()
seen = [get_v(b), get_v(b)]
class Desc:
    def __get__(self, o, t):
        return "descriptor"
    def __set__(self, o, val):
        print("Desc.__set__", val)
B.v = Desc()
seen.append(get_v(b))
print(seen)

def set_v(o, x):
    o.v = x

c = B()
set_v(c, 1)                           # Desc.__set__
del B.v
set_v(c, 2)
print(c.v)

# __getattribute__ and __setattr__ added after caching
class C:
    def __init__(self):
        self.x = 1

def get_x(o):
    return o.x

def set_x(o, v):
    o.x = v

o = C()
r = [get_x(o), get_x(o)]
set_x(o, 5); set_x(o, 6)
C.__getattribute__ = lambda self, name: "intercepted " + name
r.append(get_x(o))
def noisy(self, name, v):
    print("setattr", name, v)
C.__setattr__ = noisy
set_x(o, 7)
del C.__getattribute__
del C.__setattr__
r.append(get_x(o))
set_x(o, 8)
r.append(get_x(o))
print(r)

# One site, many classes and shapes (more than the cache holds)
classes = []
for n in range(7):
    classes.append(type("K%d" % n, (), {"tag": n, "who": lambda self: type(self).__name__}))
objs = []
for n, k in enumerate(classes):
    x = k()
    for j in range(n % 3 + 1):
        setattr(x, "f%d" % j, n * 10 + j)
    objs.append(x)
total = 0
names = []
for rep in range(3):
    for x in objs:
        total += x.f0 + x.tag
        x.f0 += 1
        names.append(x.who())
print(total, names[:7], [x.f0 for x in objs])

# Adding attributes in the same order shares shapes; a different order is another shape
class P:
    pass

def build(order):
    p = P()
    for name in order:
        setattr(p, name, len(name))
    return p

ps = [build("abc"), build("abc"), build("cab"), build("abc")]
print([(p.a, p.b, p.c) for p in ps], [list(vars(p)) for p in ps[1:3]])
