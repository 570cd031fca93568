# A class pattern checks isinstance(subject, Class), then matches sub-patterns against attributes.
class Shape:
    pass

class Circle(Shape):
    def __init__(self, r):
        self.r = r

class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h

def describe(s):
    match s:
        case Circle(r=0):
            return "a point"
        case Circle(r=radius):
            return f"circle of radius {radius}"
        case Rect(w=side, h=h) if side == h:
            return f"square of side {side}"
        case Rect(w=w, h=h):
            return f"rectangle {w}x{h}"
        case Shape():
            return "some shape"
        case _:
            return "not a shape"

for s in [Circle(0), Circle(2), Rect(3, 3), Rect(2, 5), Shape(), 42]:
    print(describe(s))

# A missing attribute means no match (the AttributeError is swallowed).
class Partial:
    def __init__(self):
        self.a = 1
match Partial():
    case Partial(b=_):
        print("has b")
    case Partial(a=a):
        print("has only a =", a)

# Attributes may be computed: properties and __getattr__ work.
class Temp:
    def __init__(self, c):
        self.c = c
    @property
    def f(self):
        return self.c * 9 / 5 + 32
match Temp(100):
    case Temp(f=212.0):
        print("boiling")

# Subclass instances match a base-class pattern.
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
match Square(4):
    case Rect(w=w):
        print("a Square is a Rect with w =", w)
