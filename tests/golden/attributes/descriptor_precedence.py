# Data descriptors (with __set__ or __delete__) on the class win over the instance's attributes;
# non-data descriptors (only __get__) lose to them. __getattr__ runs only when normal lookup fails.

class Data:
    def __get__(self, obj, owner):
        return "data-get"
    def __set__(self, obj, value):
        print("data-set", value)

class DelOnly:
    def __get__(self, obj, owner):
        return "delonly-get"
    def __delete__(self, obj):
        print("delonly-delete")

class NonData:
    def __get__(self, obj, owner):
        return "nondata-get"

class C:
    d = Data()
    e = DelOnly()
    n = NonData()

c = C()
c.d = 1                        # goes to Data.__set__
c.__dict__["d"] = "shadow?"
c.__dict__["e"] = "shadow?"
print(c.d, c.e)                # data descriptors still win
print(c.n)
c.n = "instance"
print(c.n)                     # the instance attribute wins over a non-data descriptor
del c.n
print(c.n)

class P:
    @property
    def v(self):
        return "property"

p = P()
p.__dict__["v"] = "shadow?"
print(p.v)
try:
    p.v = 1
except AttributeError as e:
    print("AttributeError:", e)

class G:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        return "fallback " + name

g = G()
print(g.real, g.missing)
g.missing = "now real"
print(g.missing)
del g.missing
print(g.missing)
