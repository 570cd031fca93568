# Instance attributes and __dict__: the dict is the instance's own storage, reads and writes through it
# are seen by attribute access and the other way round.

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(vars(p))
print(p.__dict__ is vars(p))

d = p.__dict__
d["z"] = 3                    # a write through __dict__ ...
print(p.z)                    # ... is an attribute
p.w = 4                       # a new attribute ...
print(d)                      # ... shows in the dict taken earlier
p.x = 10
print(d["x"], list(d))

del d["y"]
print(hasattr(p, "y"))
d.clear()
print(vars(p))

# Replacing __dict__
q = Point(5, 6)
new = {"a": 1, "b": 2}
q.__dict__ = new
print(q.a, q.b, hasattr(q, "x"), q.__dict__ is new)
q.c = 3
print(new)
try:
    q.__dict__ = [1, 2]
except TypeError as e:
    print("TypeError:", e)

# Many attributes and many insertion orders
class Bag:
    pass

bags = []
for order in range(4):
    b = Bag()
    names = ["a%d" % ((i * 7 + order) % 100) for i in range(100)]
    for i, n in enumerate(names):
        setattr(b, n, i)
    bags.append(b)
print([len(vars(b)) for b in bags])
print(bags[1].a7, getattr(bags[3], "a50"), list(vars(bags[2]))[:5])

# Instances with the same attributes in different orders keep their own order
s1, s2 = Bag(), Bag()
s1.x = 1; s1.y = 2
s2.y = 2; s2.x = 1
print(vars(s1), vars(s2), s1.x == s2.x)

# vars() errors and vars() without arguments
try:
    vars(1)
except TypeError as e:
    print("TypeError:", e)

def f():
    a = 1
    return vars()
print(f())
