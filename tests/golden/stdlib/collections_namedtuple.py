# collections.namedtuple: classes are tuple subclasses (isinstance, indexing, unpacking, comparisons,
# hashing), with _make/_replace/_asdict/_fields/_field_defaults, defaults, rename, and CPython's errors.
from collections import namedtuple
import copy

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], p[-1], isinstance(p, tuple), isinstance(p, Point), len(p), list(p))
x, y = p
print(x, y, p == (1, 2), p < (1, 3), hash(p) == hash((1, 2)), p + (3,), p * 2, p[:1], 2 in p, p.index(2), p.count(1))
print(Point._make([5, 6]), p._replace(x=9), p._asdict(), Point._fields, Point.__match_args__, Point.__doc__)
print(type(p).__name__, Point.__bases__, tuple(p), copy.copy(p), copy.deepcopy(p))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(1, 9), Point(2, 0)), {p: "v"}[(1, 2)])

Emp = namedtuple("Emp", ["name", "dept", "salary"], defaults=["eng", 100])
print(Emp("a"), Emp("b", "ops"), Emp._field_defaults, Emp("c", salary=5))
R = namedtuple("R", "a def class a", rename=True)
print(R._fields, namedtuple("One", "v")(3), namedtuple("Empty", "")())


class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y

v = Vec(1, 2) + Vec(3, 4)
print(v, v.norm2, isinstance(v, tuple))

match p:
    case Point(x=1, y=yy):
        print("matched", yy)

for thunk in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point._make([1]),
              lambda: p._replace(z=1), lambda: namedtuple("Bad", "x x"), lambda: namedtuple("Bad", "_x"),
              lambda: namedtuple("Bad", "class"), lambda: namedtuple("1Bad", "x"),
              lambda: namedtuple("T", "a b", defaults=[1, 2, 3])]:
    try:
        thunk()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
