# Traces treat methods and class attributes as constants, guarded by the type epoch (bumped by every
# change to any class). Each section changes a class while a loop that depends on it is hot.


class Shape:
    scale = 2

    def __init__(self, w):
        self.w = w

    def area(self):
        return self.w * self.scale


def areas(shapes):
    s = 0
    for sh in shapes:
        s += sh.area()
    return s


shapes = [Shape(i) for i in range(30)]
print(areas(shapes))


# A class attribute replaced mid-loop (from inside the loop).
def areas_rescaled(shapes):
    s = 0
    for i in range(len(shapes)):
        if i == 15:
            Shape.scale = 3
        s += shapes[i].area()
    return s


print(areas_rescaled(shapes))


# A method replaced mid-loop.
def double_area(self):
    return 2 * self.w


def areas_patched(shapes):
    s = 0
    for i in range(len(shapes)):
        if i == 10:
            Shape.area = double_area
        s += shapes[i].area()
    return s


print(areas_patched(shapes))

# An instance attribute that shadows a method appears on one instance.
shapes[5].area = lambda: 1000
print(areas(shapes))


# A subclass instance appears (another class: the class guard fails).
class Square(Shape):
    def area(self):
        return self.w * self.w


shapes[20] = Square(4)
print(areas(shapes))


# __getattr__ appears on the class mid-loop: a missing attribute now has a value.
class Lazy:
    def __init__(self, i):
        if i < 8:
            self.v = i


def probe(objs):
    out = []
    for k in range(len(objs)):
        o = objs[k]
        if k == 8:
            Lazy.__getattr__ = lambda self, name: "dyn-" + name
        out.append(o.v)
    return out


print(probe([Lazy(i) for i in range(12)]))


# A property (data descriptor) replaces a plain attribute lookup mid-loop.
class Temp:
    def __init__(self, c):
        self.c = c


def temps(ts):
    out = []
    for k in range(len(ts)):
        t = ts[k]
        if k == 6:
            Temp.c = property(lambda self: -1)
        out.append(t.c)
    return out


print(temps([Temp(i) for i in range(10)]))


# __bool__ appears mid-loop: the truth of an instance is no longer always True.
class Flag:
    pass


def truthy(fs):
    n = 0
    for k in range(len(fs)):
        f = fs[k]
        if k == 7:
            Flag.__bool__ = lambda self: False
        if f:
            n += 1
    return n


print(truthy([Flag() for _ in range(12)]))
